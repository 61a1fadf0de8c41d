//! Bytes to text: the few encodings contact files really come in. A UTF-8 BOM is dropped, UTF-16
//! is read when a BOM (or the zero bytes of ASCII text) says so, and anything that is not valid
//! UTF-8 is read as Windows-1252, Excel's default, which is why no encoding crate is needed.

use super::Encoding;

/// The text of a file and how it was read. Never fails: every byte means something in
/// Windows-1252 (the five unassigned ones map to the C1 controls, as browsers do).
pub fn decode(bytes: &[u8]) -> (String, Encoding) {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return decode_utf8_or_1252(rest);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        return (utf16(rest, u16::from_le_bytes), Encoding::Utf16);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        return (utf16(rest, u16::from_be_bytes), Encoding::Utf16);
    }
    // Some tools write UTF-16 without a BOM; ASCII text then has a zero in every other byte.
    if let [a, 0, b, 0, ..] = bytes {
        if *a != 0 && *b != 0 {
            return (utf16(bytes, u16::from_le_bytes), Encoding::Utf16);
        }
    }
    if let [0, a, 0, b, ..] = bytes {
        if *a != 0 && *b != 0 {
            return (utf16(bytes, u16::from_be_bytes), Encoding::Utf16);
        }
    }
    decode_utf8_or_1252(bytes)
}

fn decode_utf8_or_1252(bytes: &[u8]) -> (String, Encoding) {
    match std::str::from_utf8(bytes) {
        Ok(text) => (text.to_string(), Encoding::Utf8),
        Err(_) => (windows_1252(bytes), Encoding::Windows1252),
    }
}

fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> String {
    // An odd last byte is half a character: dropped rather than guessed.
    let units = bytes.chunks_exact(2).map(|pair| unit([pair[0], pair[1]]));
    let text: String = char::decode_utf16(units)
        .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
        .collect();
    // A BOM repeated after the first (tools that concatenate files) is not text either.
    match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_string(),
        None => text,
    }
}

/// Windows-1252 differs from Latin-1 only in 0x80–0x9F, where it has typographic characters.
const CP1252_HIGH: [char; 32] = [
    '\u{20AC}', '\u{0081}', '\u{201A}', '\u{0192}', '\u{201E}', '\u{2026}', '\u{2020}', '\u{2021}', '\u{02C6}',
    '\u{2030}', '\u{0160}', '\u{2039}', '\u{0152}', '\u{008D}', '\u{017D}', '\u{008F}', '\u{0090}', '\u{2018}',
    '\u{2019}', '\u{201C}', '\u{201D}', '\u{2022}', '\u{2013}', '\u{2014}', '\u{02DC}', '\u{2122}', '\u{0161}',
    '\u{203A}', '\u{0153}', '\u{009D}', '\u{017E}', '\u{0178}',
];

/// Bytes read as Windows-1252 (also right for ISO-8859-1 text, which never uses 0x80–0x9F).
pub fn windows_1252(bytes: &[u8]) -> String {
    bytes
        .iter()
        .map(|&b| match b {
            0x80..=0x9F => CP1252_HIGH[usize::from(b - 0x80)],
            _ => char::from(b),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_utf8_bom_is_dropped() {
        assert_eq!(decode(b"\xEF\xBB\xBFFirst Name"), ("First Name".into(), Encoding::Utf8));
    }

    #[test]
    fn utf16_with_either_bom_is_read() {
        let le: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("Zoë".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        let be: Vec<u8> = [0xFE, 0xFF]
            .into_iter()
            .chain("Zoë".encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        assert_eq!(decode(&le), ("Zoë".into(), Encoding::Utf16));
        assert_eq!(decode(&be), ("Zoë".into(), Encoding::Utf16));
    }

    #[test]
    fn invalid_utf8_reads_as_windows_1252_with_its_typographic_characters() {
        let (text, encoding) = decode(b"Ren\xE9 \x93M\xFCller\x94 \x80 \x96 \x81");
        assert_eq!(encoding, Encoding::Windows1252);
        assert_eq!(text, "René \u{201C}Müller\u{201D} € – \u{81}");
    }
}
