//! Capital letters, for the few places that put one back ("you gave…" → "You gave…").
//!
//! Rust's `char::to_uppercase` brings a 12 KB Unicode table into the wasm for these few calls, so
//! in the browser the browser's own mapping (`String.prototype.toUpperCase`, the same Unicode
//! default case mapping) does it, in `web::case`; natively, and so in every native test, Rust's
//! does. tests/browser.rs checks that the two agree.

#[cfg(target_arch = "wasm32")]
pub use crate::web::case::push_upper;

/// Appends `c` in capitals: one or more chars ("ß" gives "SS").
#[cfg(not(target_arch = "wasm32"))]
pub fn push_upper(out: &mut String, c: char) {
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
