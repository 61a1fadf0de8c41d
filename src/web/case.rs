//! Capitals in the browser, for `crate::case`: the browser's own upper-case mapping, so the wasm
//! carries no Unicode table of its own for it.

/// Appends `c` in capitals: one or more chars ("ß" gives "SS").
pub fn push_upper(out: &mut String, c: char) {
    let mut buf = [0u8; 4];
    let upper: String = js_sys::JsString::from(&*c.encode_utf8(&mut buf)).to_upper_case().into();
    out.push_str(&upper);
}
