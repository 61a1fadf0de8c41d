//! In the browser, `vouch::case` puts capitals back with the browser's own mapping; natively (and
//! so in every native test of the drafts) with Rust's. They must agree on every letter of the
//! scripts names and notes are written in: Latin, Greek, Cyrillic, Armenian, Georgian and the rest
//! below U+2000, and the Latin ligatures ("ﬁ" → "FI").

use vouch::case::push_upper;
use wasm_bindgen_test::*;

#[wasm_bindgen_test]
fn the_browsers_capitals_are_rusts() {
    let chars = (0..0x2000u32).chain(0xFB00..0xFB07).filter_map(char::from_u32);
    let mut differ = Vec::new();
    for c in chars {
        let mut browser = String::new();
        push_upper(&mut browser, c);
        let rust: String = c.to_uppercase().collect();
        if browser != rust {
            differ.push(format!(
                "U+{:04X} {c:?}: browser {browser:?}, Rust {rust:?}",
                u32::from(c)
            ));
        }
    }
    assert!(
        differ.is_empty(),
        "{} differ: {:?}",
        differ.len(),
        &differ[..differ.len().min(10)]
    );
}
