//! The keys that say two records are the same person: a LinkedIn profile's `/in/<slug>`, an
//! e-mail (case-blind), a phone (digits only), and, only as a *possible* match the user confirms,
//! the same folded name at the same company.

use crate::network::{company_key, fold};

/// The `<slug>` of a LinkedIn profile link, lower-cased and without a trailing slash or query:
/// `https://www.linkedin.com/in/Ana-Souza-1a2b/?x=1` and `www.linkedin.com/in/ana-souza-1a2b`
/// (as the endorsements file writes it, without a scheme) both give `ana-souza-1a2b`. Links that
/// are not LinkedIn profiles give `None`.
pub fn profile_slug(url: &str) -> Option<String> {
    let lower = url.trim().to_ascii_lowercase();
    let host_and_path = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"))
        .unwrap_or(&lower);
    let (host, path) = host_and_path.split_once('/')?;
    if !(host == "linkedin.com" || host.ends_with(".linkedin.com")) {
        return None;
    }
    let slug = path.strip_prefix("in/")?;
    let slug = slug.split(['/', '?', '#']).next().unwrap_or_default();
    // LinkedIn percent-encodes non-ASCII slugs; both spellings are the same person.
    let slug = percent_decode(slug);
    (!slug.is_empty()).then_some(slug)
}

fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            if let (Some(h), Some(l)) = (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                out.push((h * 16 + l) as u8);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8(out)
        .unwrap_or_else(|_| text.to_string())
        .to_lowercase()
}

/// Of a person's web links, the one to keep as their profile: a LinkedIn profile wins (it is
/// the key that joins LinkedIn's files), else the first. Empty when there is none.
pub fn best_profile_url(urls: &[String]) -> String {
    urls.iter()
        .find(|u| profile_slug(u).is_some())
        .or(urls.first())
        .cloned()
        .unwrap_or_default()
}

/// An e-mail as compared: trimmed and lower-cased. Empty when it has no `@`.
pub fn email_key(email: &str) -> Option<String> {
    let e = email.trim().to_lowercase();
    e.contains('@').then_some(e)
}

/// A phone as compared: its digits only, and at least seven of them (shorter is an extension or
/// a typo, too weak to say two people are one). A leading `00` reads as `+`, so
/// `0031 6 1234 5678` and `+31 6 1234 5678` match.
pub fn phone_key(phone: &str) -> Option<String> {
    let digits: String = phone.chars().filter(char::is_ascii_digit).collect();
    let digits = digits.strip_prefix("00").map(str::to_string).unwrap_or(digits);
    (digits.len() >= 7).then_some(digits)
}

/// Whether a word of a name is a title put in front of it ("Dr.", "prof", "Ms"): how a contact
/// is called, compared and greeted all look past it.
pub fn is_title(word: &str) -> bool {
    const TITLES: [&str; 9] = ["dr", "mr", "mrs", "ms", "mx", "miss", "prof", "sir", "dame"];
    let word = word.strip_suffix('.').unwrap_or(word);
    TITLES.iter().any(|t| word.eq_ignore_ascii_case(t))
}

/// A name as compared for a *possible* duplicate: folded (case, accents) with spacing and
/// punctuation collapsed, so "Zoë  Ólafsson" and "zoe olafsson" compare equal, and without a
/// title in front or a suffix behind, which Outlook and Google exports add to the name: "Dr.
/// Thomas Wright Jr." is "thomas wright".
pub fn name_key(name: &str) -> String {
    const SUFFIXES: [&str; 9] = ["jr", "sr", "ii", "iii", "iv", "phd", "md", "mba", "esq"];
    let folded = fold(name);
    let mut words: Vec<&str> = folded
        .split(|c: char| c.is_whitespace() || matches!(c, '.' | ',' | '-' | '\'' | '"'))
        .filter(|w| !w.is_empty())
        .collect();
    // A name that is only a title or a suffix stays what it is.
    while words.len() > 1 && is_title(words[0]) {
        words.remove(0);
    }
    while words.len() > 1 && words.last().is_some_and(|w| SUFFIXES.contains(w)) {
        words.pop();
    }
    words.join(" ")
}

/// Name and company together: the key of a possible duplicate. `None` without both.
pub fn name_company_key(name: &str, company: &str) -> Option<(String, String)> {
    let n = name_key(name);
    let c = company_key(company);
    (!n.is_empty() && !c.is_empty()).then_some((n, c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_profile_slug_ignores_scheme_case_slash_and_query() {
        for url in [
            "https://www.linkedin.com/in/Ana-Souza-1a2b/",
            "http://linkedin.com/in/ana-souza-1a2b?trk=x",
            "www.linkedin.com/in/ana-souza-1a2b",
            "https://nl.linkedin.com/in/ana-souza-1a2b#about",
        ] {
            assert_eq!(profile_slug(url).as_deref(), Some("ana-souza-1a2b"), "{url}");
        }
        assert_eq!(profile_slug("https://example.com/in/ana"), None);
        assert_eq!(profile_slug("https://www.linkedin.com/company/maersk"), None);
        assert_eq!(profile_slug("https://www.linkedin.com/in/"), None);
        assert_eq!(
            profile_slug("https://www.linkedin.com/in/zo%C3%AB-olafsson").as_deref(),
            Some("zoë-olafsson")
        );
    }

    #[test]
    fn emails_compare_case_blind_and_phones_by_digits() {
        assert_eq!(email_key(" Ana@Example.ORG "), email_key("ana@example.org"));
        assert_eq!(email_key("not an email"), None);
        assert_eq!(phone_key("+31 6 1234 5678"), phone_key("0031-6-12345678"));
        assert_eq!(phone_key("(020) 555-0100").as_deref(), Some("0205550100"));
        assert_eq!(phone_key("ext. 12"), None);
    }

    #[test]
    fn names_fold_case_accents_spacing_and_punctuation() {
        assert_eq!(name_key("Zoë  Ólafsson"), "zoe olafsson");
        assert_eq!(name_key("ZOE OLAFSSON."), "zoe olafsson");
        assert_eq!(name_key("Anne-Marie O'Neil"), "anne marie o neil");
        assert_eq!(name_key("Dr. Thomas Wright Jr."), "thomas wright", "title and suffix");
        assert_eq!(name_key("Prof Ana Souza, PhD"), "ana souza");
        assert_eq!(name_key("Drew Misra"), "drew misra", "a name that starts like a title");
        assert_eq!(name_key("Mr."), "mr", "a title alone stays");
        assert_eq!(
            name_company_key("Ana Souza", " MAERSK "),
            name_company_key("ana souza", "Maersk")
        );
        assert_eq!(name_company_key("Ana Souza", ""), None);
    }
}
