//! The network as an address book: one vCard 4.0 (RFC 6350) per contact, with the fields a phone
//! or mail app keeps (name, company, role, e-mail, phone, link, notes, tags). Judgements and
//! history stay in Vouch; they mean nothing to an address book.

use super::by_name;
use crate::model::{Contact, Data};

/// Every contact as vCard 4.0 text, sorted by name, with CRLF line ends.
pub fn contacts_vcard(data: &Data) -> String {
    let mut out = String::new();
    for contact in by_name(data) {
        card(&mut out, contact);
    }
    out
}

fn card(out: &mut String, c: &Contact) {
    let (family, given) = split_name(&c.name);
    line(out, "BEGIN:VCARD");
    line(out, "VERSION:4.0");
    line(out, &format!("FN:{}", text(&c.name)));
    line(out, &format!("N:{};{};;;", text(family), text(given)));
    // The record's own id, so a later import of this file can recognise the same person.
    line(out, &format!("UID:urn:uuid:{}", c.id));
    let mut optional = |property: &str, value: &str| {
        if !value.is_empty() {
            line(out, &format!("{property}:{value}"));
        }
    };
    optional("ORG", &text(&c.company));
    optional("TITLE", &text(&c.role));
    optional("EMAIL", &text(&c.email));
    // In 4.0 a TEL is a `tel:` URI by default; a number as typed ("06-1234 5678 (work)") is not
    // one, so it is marked as text.
    optional("TEL;VALUE=text", &text(&c.phone));
    optional("URL", &uri(&c.profile_url));
    optional("NOTE", &text(&c.notes));
    let tags: Vec<String> = c.tags.iter().map(|t| text(t)).filter(|t| !t.is_empty()).collect();
    optional("CATEGORIES", &tags.join(","));
    line(out, "END:VCARD");
}

/// (family, given) from a display name, best effort: the last word is the family name, with the
/// lower-case particles before it ("Ana de Vries" → "de Vries"), since a Dutch or Portuguese name
/// sorted under "Vries" looks wrong. A one-word name is all given name.
fn split_name(name: &str) -> (&str, &str) {
    const PARTICLES: [&str; 16] = [
        "de", "van", "der", "den", "von", "da", "das", "do", "dos", "di", "du", "la", "le", "ter", "ten", "al",
    ];
    let name = name.trim();
    let words: Vec<(usize, &str)> = name
        .split_whitespace()
        .map(|w| (w.as_ptr() as usize - name.as_ptr() as usize, w))
        .collect();
    if words.len() < 2 {
        return ("", name);
    }
    let mut family_from = words.len() - 1;
    while family_from > 1 && PARTICLES.contains(&words[family_from - 1].1) {
        family_from -= 1;
    }
    let start = words[family_from].0;
    (&name[start..], name[..start].trim_end())
}

/// A TEXT value escaped per RFC 6350 §3.4: backslash, comma, semicolon and newlines (any of CRLF,
/// LF or CR, since a note typed on any system may hold them).
fn text(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut chars = value.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ',' => out.push_str("\\,"),
            ';' => out.push_str("\\;"),
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push_str("\\n");
            }
            '\n' => out.push_str("\\n"),
            c => out.push(c),
        }
    }
    out
}

/// A URI value is not escaped like text, but a stray line break (a hand-edited backup) must
/// still never start a new property.
fn uri(value: &str) -> String {
    value.chars().filter(|c| !matches!(c, '\r' | '\n')).collect()
}

/// Writes one content line, folded at 75 octets as iCalendar folds them (the same rule).
fn line(out: &mut String, content: &str) {
    crate::pipeline::ics::push_folded(out, content);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Id, Stamp};

    fn contact(n: u128, name: &str) -> Contact {
        Contact::new(Id::from_u128(n), name, Stamp::from_millis(0))
    }

    fn data(contacts: Vec<Contact>) -> Data {
        let mut data = Data::default();
        data.contacts.extend(contacts.into_iter().map(|c| (c.id, c)));
        data
    }

    /// Reads the file back the way RFC 6350 says: unfold, then split each card into
    /// (property, raw value) pairs.
    fn cards(text: &str) -> Vec<Vec<(String, String)>> {
        assert!(!text.replace("\r\n", "").contains(['\r', '\n']), "only CRLF line ends");
        let unfolded = text.replace("\r\n ", "");
        let mut cards = Vec::new();
        let mut card = Vec::new();
        for l in unfolded.split("\r\n").filter(|l| !l.is_empty()) {
            let (property, value) = l.split_once(':').expect("every line is property:value");
            card.push((property.to_string(), value.to_string()));
            if l == "END:VCARD" {
                cards.push(std::mem::take(&mut card));
            }
        }
        assert!(card.is_empty(), "the last card is closed");
        cards
    }

    fn value<'a>(card: &'a [(String, String)], property: &str) -> Option<&'a str> {
        card.iter().find(|(p, _)| p == property).map(|(_, v)| v.as_str())
    }

    #[test]
    fn each_contact_is_one_version_4_card_with_its_fields() {
        let mut ana = contact(1, "Ana de Vries");
        ana.company = "Harbourline".into();
        ana.role = "Ops lead".into();
        ana.email = "ana@example.org".into();
        ana.phone = "+31 6 0000 0001".into();
        ana.profile_url = "https://example.com/in/ana".into();
        ana.tags = vec!["ops".into(), "rotterdam".into()];
        let text = contacts_vcard(&data(vec![ana, contact(2, "Bram")]));
        let cards = cards(&text);
        assert_eq!(cards.len(), 2);
        for card in &cards {
            assert_eq!(card[0], ("BEGIN".into(), "VCARD".into()));
            assert_eq!(card[1], ("VERSION".into(), "4.0".into()));
            assert!(value(card, "FN").is_some());
        }
        let ana = &cards[0];
        assert_eq!(value(ana, "FN"), Some("Ana de Vries"));
        assert_eq!(value(ana, "N"), Some("de Vries;Ana;;;"));
        assert_eq!(value(ana, "ORG"), Some("Harbourline"));
        assert_eq!(value(ana, "TITLE"), Some("Ops lead"));
        assert_eq!(value(ana, "EMAIL"), Some("ana@example.org"));
        assert_eq!(value(ana, "TEL;VALUE=text"), Some("+31 6 0000 0001"));
        assert_eq!(value(ana, "URL"), Some("https://example.com/in/ana"));
        assert_eq!(value(ana, "CATEGORIES"), Some("ops,rotterdam"));
        assert_eq!(value(ana, "UID"), Some("urn:uuid:00000000-0000-0000-0000-000000000001"));
        let bram = &cards[1];
        assert_eq!(value(bram, "N"), Some(";Bram;;;"), "a one-word name is a given name");
        assert_eq!(value(bram, "ORG"), None, "an empty field is left out");
    }

    #[test]
    fn text_values_escape_backslash_comma_semicolon_and_newlines() {
        let mut c = contact(1, "Souza, Ana");
        c.notes = "C:\\temp; first\r\nsecond\nthird".into();
        c.tags = vec!["ops, logistics".into()];
        let cards = cards(&contacts_vcard(&data(vec![c])));
        assert_eq!(value(&cards[0], "FN"), Some("Souza\\, Ana"));
        assert_eq!(value(&cards[0], "NOTE"), Some("C:\\\\temp\\; first\\nsecond\\nthird"));
        assert_eq!(value(&cards[0], "CATEGORIES"), Some("ops\\, logistics"));
    }

    #[test]
    fn a_line_break_in_a_link_cannot_start_a_property() {
        let mut c = contact(1, "Ana");
        c.profile_url = "https://example.com/\r\nNOTE:injected".into();
        let cards = cards(&contacts_vcard(&data(vec![c])));
        assert_eq!(value(&cards[0], "NOTE"), None);
    }

    #[test]
    fn long_lines_fold_at_75_octets_without_splitting_a_character() {
        let mut c = contact(1, "Zoë");
        c.notes = "ëèü€😀".repeat(40);
        let text = contacts_vcard(&data(vec![c.clone()]));
        for l in text.split("\r\n") {
            assert!(l.len() <= 75, "{} octets: {l}", l.len());
        }
        assert!(text.contains("\r\n "), "the note was folded");
        let cards = cards(&text);
        assert_eq!(value(&cards[0], "NOTE"), Some(c.notes.as_str()));
    }

    #[test]
    fn names_split_into_family_and_given_best_effort() {
        assert_eq!(split_name("Ana Souza"), ("Souza", "Ana"));
        assert_eq!(split_name("  Maria  dos Santos "), ("dos Santos", "Maria"));
        assert_eq!(split_name("Jan van der Berg"), ("van der Berg", "Jan"));
        assert_eq!(split_name("Anne Marie O'Neil"), ("O'Neil", "Anne Marie"));
        assert_eq!(split_name("Van Morrison"), ("Morrison", "Van"));
        assert_eq!(split_name(""), ("", ""));
    }
}
