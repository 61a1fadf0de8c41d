//! Capital letters, for the few places that put one back ("you gave…" → "You gave…").
//!
//! Rust's `char::to_uppercase` brings a 12 KB Unicode table into the wasm for these few calls, so
//! in the browser the browser's own mapping (`String.prototype.toUpperCase`, the same Unicode
//! default case mapping) does it; natively, and so in every native test, Rust's does.
//! tests/browser.rs checks that the two agree.

/// Appends `c` in capitals: one or more chars ("ß" gives "SS").
pub fn push_upper(out: &mut String, c: char) {
    #[cfg(target_arch = "wasm32")]
    {
        let mut buf = [0u8; 4];
        let upper: String = js_sys::JsString::from(&*c.encode_utf8(&mut buf)).to_upper_case().into();
        out.push_str(&upper);
    }
    #[cfg(not(target_arch = "wasm32"))]
    out.extend(c.to_uppercase());
}

/// `text` with its first letter in capitals.
pub fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    let Some(first) = chars.next() else {
        return String::new();
    };
    let mut out = String::with_capacity(text.len() + 2);
    push_upper(&mut out, first);
    out.push_str(chars.as_str());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn capitalises_the_first_letter_only() {
        assert_eq!(capitalise("you gave a talk"), "You gave a talk");
        assert_eq!(capitalise("élodie"), "Élodie");
        assert_eq!(capitalise("ßtraße"), "SStraße");
        assert_eq!(capitalise(""), "");
        assert_eq!(capitalise("1 thing"), "1 thing");
    }
}
