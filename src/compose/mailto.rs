//! `mailto:` links (RFC 6068), so a draft opens in the user's own mail app with nothing sent
//! anywhere else.

/// A `mailto:` URL for `to` with an optional subject and a body. Line breaks of any style become
/// `%0D%0A`, as RFC 6068 requires; every byte outside the unreserved set is percent-encoded, which
/// is always allowed and keeps `&`, `=`, `+` and `#` in the text from breaking the URL.
pub fn mailto(to: &str, subject: Option<&str>, body: &str) -> String {
    let mut url = String::from("mailto:");
    url.push_str(&encode(to.trim(), "@"));
    let mut fields = Vec::new();
    if let Some(subject) = subject.filter(|s| !s.is_empty()) {
        fields.push(format!("subject={}", encode(&crlf(subject), "")));
    }
    if !body.is_empty() {
        fields.push(format!("body={}", encode(&crlf(body), "")));
    }
    if !fields.is_empty() {
        url.push('?');
        url.push_str(&fields.join("&"));
    }
    url
}

fn crlf(text: &str) -> String {
    text.replace("\r\n", "\n").replace('\r', "\n").replace('\n', "\r\n")
}

fn encode(text: &str, keep: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~".contains(&byte) || keep.as_bytes().contains(&byte) {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spaces_and_line_breaks_are_encoded_as_rfc_6068_asks() {
        assert_eq!(
            mailto("ana@example.org", Some("Coffee or lunch?"), "Hi Ana,\n\nFree soon?"),
            "mailto:ana@example.org?subject=Coffee%20or%20lunch%3F&body=Hi%20Ana%2C%0D%0A%0D%0AFree%20soon%3F"
        );
    }

    #[test]
    fn every_line_break_style_becomes_crlf() {
        assert_eq!(mailto("", None, "a\r\nb\rc\nd"), "mailto:?body=a%0D%0Ab%0D%0Ac%0D%0Ad");
    }

    #[test]
    fn characters_that_would_break_the_url_are_encoded() {
        let url = mailto("a@b.c", Some("R&D = 100% #1 + more"), "");
        assert_eq!(url, "mailto:a@b.c?subject=R%26D%20%3D%20100%25%20%231%20%2B%20more");
    }

    #[test]
    fn non_ascii_text_is_encoded_as_utf8_bytes() {
        assert_eq!(
            mailto("a@b.c", None, "résumé – ok"),
            "mailto:a@b.c?body=r%C3%A9sum%C3%A9%20%E2%80%93%20ok"
        );
    }

    #[test]
    fn an_empty_subject_and_body_leave_no_query() {
        assert_eq!(mailto(" ana@example.org ", Some(""), ""), "mailto:ana@example.org");
    }
}
