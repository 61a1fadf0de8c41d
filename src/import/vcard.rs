//! vCard files (2.1, 3.0, 4.0), many cards per file. Our own small parser: no crate reads 2.1's
//! quoted-printable with charsets *and* Apple's item groups while staying small on wasm, and the
//! format needs only unfolding, parameters, escapes and a few properties.

use super::encoding::windows_1252;
use super::{clean_email, clean_line, clean_text, http_url, ImportError, Incoming, Skipped};

/// One content line, unfolded: `item1.TEL;TYPE=work:…` as name, parameters and raw value. Apple's
/// group (`item1.`) is dropped: it only ties an `X-ABLabel` to the property, and every grouped
/// EMAIL, TEL and URL is read on its own (other apps kept only the first grouped URL).
struct Property {
    name: String,
    /// Upper-cased parameter names with their values; a bare 2.1 parameter (`WORK`) is a TYPE.
    params: Vec<(String, Vec<String>)>,
    value: String,
}

impl Property {
    fn param<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.params
            .iter()
            .filter(move |(n, _)| n == name)
            .flat_map(|(_, v)| v.iter().map(String::as_str))
    }

    fn has_type(&self, kind: &str) -> bool {
        self.param("TYPE").any(|t| t.eq_ignore_ascii_case(kind))
    }

    /// Lower comes first: `PREF=1` (4.0), `TYPE=pref` or a bare `PREF` (2.1, 3.0) are 1.
    fn preference(&self) -> u32 {
        let number = self.param("PREF").filter_map(|p| p.trim().parse().ok()).min();
        number.unwrap_or(if self.has_type("pref") { 1 } else { 100 })
    }

    /// The value as text: quoted-printable decoded in its charset, for the text properties.
    fn decoded(&self) -> String {
        let qp = self
            .param("ENCODING")
            .any(|e| e.eq_ignore_ascii_case("quoted-printable"));
        if !qp {
            return self.value.clone();
        }
        let bytes = quoted_printable(&self.value);
        let charset = self.param("CHARSET").next().unwrap_or("utf-8").to_ascii_lowercase();
        let utf8 = charset == "utf-8" || charset == "utf8";
        match String::from_utf8(bytes) {
            Ok(text) if utf8 || text.is_ascii() => text,
            // A charset other than UTF-8 on real cards is Windows-1252 or ISO-8859-1 (its subset).
            Ok(text) => windows_1252(text.as_bytes()),
            Err(e) => windows_1252(e.as_bytes()),
        }
    }

    /// The value split on unescaped `;` (N, ADR, ORG), each part unescaped.
    fn components(&self) -> Vec<String> {
        split_unescaped(&self.decoded(), ';')
            .iter()
            .map(|p| unescape(p))
            .collect()
    }

    fn text(&self) -> String {
        unescape(&self.decoded())
    }
}

/// Every card of a vCard file as people, and the cards left out (no name).
pub fn read_cards(file: &str, text: &str) -> Result<(Vec<Incoming>, Vec<Skipped>), ImportError> {
    let mut people = Vec::new();
    let mut skipped = Vec::new();
    let mut card: Option<(usize, Vec<Property>)> = None;
    for (line, content) in unfold(text) {
        let Some(property) = parse_line(&content) else { continue };
        match (property.name.as_str(), &mut card) {
            ("BEGIN", None) if property.value.trim().eq_ignore_ascii_case("vcard") => card = Some((line, Vec::new())),
            // A card inside a card (2.1's AGENT) or a card that never ended: either way the
            // file is not what it claims, and guessing which lines belong where loses data.
            ("BEGIN", Some((start, _))) => {
                return Err(ImportError::TruncatedVCard {
                    file: file.into(),
                    line: *start,
                })
            }
            ("END", Some(_)) if property.value.trim().eq_ignore_ascii_case("vcard") => {
                if let Some((start, properties)) = card.take() {
                    match person(start, &properties) {
                        Some(p) => people.push(p),
                        None => skipped.push(Skipped {
                            file: file.into(),
                            line: start,
                            reason: "a card without a name".into(),
                        }),
                    }
                }
            }
            (_, Some((_, properties))) => properties.push(property),
            (_, None) => {}
        }
    }
    if let Some((start, _)) = card {
        return Err(ImportError::TruncatedVCard {
            file: file.into(),
            line: start,
        });
    }
    Ok((people, skipped))
}

/// Logical lines with the physical line they start on. A line starting with a space or tab
/// continues the one before (3.0, 4.0); in 2.1, a quoted-printable value ending in `=` continues
/// on the next line whatever it starts with.
fn unfold(text: &str) -> Vec<(usize, String)> {
    let mut out: Vec<(usize, String)> = Vec::new();
    let mut soft_break = false;
    for (i, raw) in text.split('\n').enumerate() {
        let raw = raw.strip_suffix('\r').unwrap_or(raw);
        let continued = match out.last_mut() {
            Some((_, last)) if soft_break => {
                last.pop();
                last.push_str(raw);
                true
            }
            Some((_, last)) if raw.starts_with([' ', '\t']) => {
                last.push_str(&raw[1..]);
                true
            }
            _ => false,
        };
        if !continued {
            if raw.trim().is_empty() {
                soft_break = false;
                continue;
            }
            out.push((i + 1, raw.to_string()));
        }
        soft_break = out
            .last()
            .is_some_and(|(_, l)| l.ends_with('=') && is_quoted_printable(l));
    }
    out
}

fn is_quoted_printable(line: &str) -> bool {
    let head = line.split(':').next().unwrap_or("");
    head.to_ascii_uppercase().contains("QUOTED-PRINTABLE")
}

fn parse_line(line: &str) -> Option<Property> {
    // The value starts at the first colon outside a quoted parameter value.
    let mut quoted = false;
    let colon = line.char_indices().find(|&(_, c)| {
        if c == '"' {
            quoted = !quoted;
        }
        c == ':' && !quoted
    })?;
    let (head, value) = (&line[..colon.0], &line[colon.0 + 1..]);
    let mut parts = split_params(head).into_iter();
    let full_name = parts.next()?;
    let name = full_name.rsplit_once('.').map_or(full_name.as_str(), |(_, n)| n);
    let params = parts
        .map(|p| match p.split_once('=') {
            Some((n, v)) => {
                let values = split_unescaped(v, ',')
                    .iter()
                    .map(|x| x.trim_matches('"').trim().to_string())
                    .collect();
                (n.trim().to_ascii_uppercase(), values)
            }
            None => {
                let bare = p.trim().to_string();
                let upper = bare.to_ascii_uppercase();
                let name = match upper.as_str() {
                    "QUOTED-PRINTABLE" | "BASE64" | "8BIT" | "7BIT" => "ENCODING",
                    _ => "TYPE",
                };
                (name.to_string(), vec![bare])
            }
        })
        .collect();
    Some(Property {
        name: name.trim().to_ascii_uppercase(),
        params,
        value: value.to_string(),
    })
}

/// `TEL;TYPE="voice,cell";PREF=1` into its parts, keeping quoted `;` inside a value.
fn split_params(head: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    let mut quoted = false;
    for c in head.chars() {
        if c == '"' {
            quoted = !quoted;
        }
        if c == ';' && !quoted {
            out.push(std::mem::take(&mut current));
        } else {
            current.push(c);
        }
    }
    out.push(current);
    out
}

fn split_unescaped(text: &str, sep: char) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut escaped = false;
    for (i, c) in text.char_indices() {
        if escaped {
            escaped = false;
        } else if c == '\\' {
            escaped = true;
        } else if c == sep {
            out.push(&text[start..i]);
            start = i + 1;
        }
    }
    out.push(&text[start..]);
    out
}

/// `\n` is a newline; any other escaped character (`\,` `\;` `\\`, Apple's `\:`) is itself.
fn unescape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n' | 'N') => out.push('\n'),
            Some(other) => out.push(other),
            None => {}
        }
    }
    out
}

fn quoted_printable(text: &str) -> Vec<u8> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'=' {
            let hex = |b: u8| (b as char).to_digit(16);
            if let (Some(h), Some(l)) = (
                bytes.get(i + 1).and_then(|&b| hex(b)),
                bytes.get(i + 2).and_then(|&b| hex(b)),
            ) {
                out.push((h * 16 + l) as u8);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    out
}

fn person(line: usize, properties: &[Property]) -> Option<Incoming> {
    let first = |name: &str| properties.iter().find(|p| p.name == name);
    let all = |name: &'static str| {
        let mut found: Vec<&Property> = properties.iter().filter(|p| p.name == name).collect();
        crate::sort::sort_by_key(&mut found, |p| p.preference());
        found
    };
    let mut name = first("FN").map(|p| clean_line(&p.text())).unwrap_or_default();
    if name.is_empty() {
        if let Some(n) = first("N") {
            // N is Family;Given;Additional;Prefix;Suffix; a name reads Prefix Given Additional Family Suffix.
            let c = n.components();
            let part = |i: usize| c.get(i).map(String::as_str).unwrap_or("");
            name = clean_line(&[part(3), part(1), part(2), part(0), part(4)].join(" "));
        }
    }
    if name.is_empty() {
        return None;
    }
    let emails = all("EMAIL").iter().filter_map(|p| clean_email(&p.text())).collect();
    let phones = all("TEL")
        .iter()
        .map(|p| {
            let v = clean_line(&p.text());
            v.strip_prefix("tel:").map(str::to_string).unwrap_or(v)
        })
        .filter(|v| !v.is_empty())
        .collect();
    let urls: Vec<String> = properties
        .iter()
        .filter(|p| p.name == "URL" || p.name == "X-SOCIALPROFILE")
        .filter_map(|p| http_url(&p.text()))
        .collect();
    let profile_url = super::keys::best_profile_url(&urls);
    let org = first("ORG").map(|p| p.components()).unwrap_or_default();
    let role = first("TITLE")
        .or(first("ROLE"))
        .map(|p| clean_line(&p.text()))
        .unwrap_or_default();
    let location = all("ADR")
        .iter()
        .map(|p| {
            // ADR is PO box;extended;street;city;region;postal code;country.
            let c = p.components();
            let part = |i: usize| clean_line(c.get(i).map(String::as_str).unwrap_or(""));
            let place = if part(3).is_empty() { part(4) } else { part(3) };
            [place, part(6)]
                .into_iter()
                .filter(|s| !s.is_empty())
                .collect::<Vec<_>>()
                .join(", ")
        })
        .find(|l| !l.is_empty())
        .unwrap_or_default();
    let labels = properties
        .iter()
        .filter(|p| p.name == "CATEGORIES")
        .flat_map(|p| {
            split_unescaped(&p.decoded(), ',')
                .into_iter()
                .map(|l| clean_line(&unescape(l)))
                .collect::<Vec<_>>()
        })
        .filter(|l| !l.is_empty() && !l.eq_ignore_ascii_case("mycontacts"))
        .collect();
    Some(Incoming {
        line,
        name,
        company: clean_line(org.first().map(String::as_str).unwrap_or("")),
        department: clean_line(org.get(1).map(String::as_str).unwrap_or("")),
        role,
        location,
        emails,
        phones,
        profile_url,
        notes: first("NOTE").map(|p| clean_text(&p.text())).unwrap_or_default(),
        birthday: first("BDAY").map(|p| clean_line(&p.text())).unwrap_or_default(),
        connected_on: None,
        labels,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn card(body: &str) -> Incoming {
        let text = format!("BEGIN:VCARD\r\n{body}END:VCARD\r\n");
        match read_cards("t.vcf", &text) {
            Ok((mut people, _)) if people.len() == 1 => people.remove(0),
            other => panic!("expected one card, got {other:?}"),
        }
    }

    #[test]
    fn escapes_and_folds_read_as_text() {
        let p = card("FN:Souza\\, Ana \\\\ co\r\n\tntinued\r\nNOTE:a\\;b\\nc\r\n");
        assert_eq!(p.name, "Souza, Ana \\ continued");
        assert_eq!(p.notes, "a;b\nc");
    }

    #[test]
    fn every_type_spelling_and_pref_orders_phones() {
        let p = card(concat!(
            "FN:Ana\r\n",
            "TEL;TYPE=work,voice:1\r\n",
            "TEL;WORK;VOICE:2\r\n",
            "TEL;TYPE=\"voice,cell\";PREF=2:3\r\n",
            "TEL;TYPE=cell,pref:4\r\n",
        ));
        assert_eq!(p.phones, ["4", "3", "1", "2"]);
    }

    #[test]
    fn a_name_is_built_from_n_when_fn_is_missing_and_only_http_links_count() {
        let p = card("N:Souza;Ana;Maria;Dr.;\r\nURL:ftp://files.example\r\nURL:www.linkedin.com/in/ana-fict\r\n");
        assert_eq!(p.name, "Dr. Ana Maria Souza");
        assert_eq!(p.profile_url, "https://www.linkedin.com/in/ana-fict");
    }
}
