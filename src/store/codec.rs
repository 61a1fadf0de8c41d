//! How a shard of records becomes one localStorage string and back.
//!
//! localStorage quotas count UTF-16 code units, and 30,000 contacts as plain JSON would not fit.
//! So a shard is JSON, deflated, then packed 15 bits to a UTF-16 code unit (the trick lz-string's
//! `compressToUTF16` uses): every unit lands in U+1000..U+8FFF, never a surrogate, so the string
//! survives any browser's storage intact. Plain JSON arrays are read too, which keeps test fixtures
//! readable.

use miniz_oxide::inflate::{decompress_to_vec_with_limit, DecompressError};
use serde::{de::DeserializeOwned, Serialize};

const DEFLATE_LEVEL: u8 = 3;
/// Marks a packed value. Anything else must be a plain JSON array.
const PACKED: char = 'z';
const BASE: u32 = 0x1000;
/// A shard never inflates past this; a larger result means the data is damaged (or hostile).
const MAX_INFLATED_BYTES: usize = 64 * 1024 * 1024;

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum CodecError {
    #[error("it is not in a format Vouch writes")]
    UnknownFormat,
    #[error("its packed text is damaged ({0})")]
    Damaged(&'static str),
    #[error("its compressed data is damaged")]
    Inflate,
    #[error("its records can't be read: {0}")]
    Json(String),
}

impl From<DecompressError> for CodecError {
    fn from(_: DecompressError) -> Self {
        CodecError::Inflate
    }
}

/// Encodes records as a packed string.
pub fn encode<T: Serialize>(records: &[&T]) -> String {
    // Serializing plain structs of strings, numbers and maps with string keys cannot fail.
    let json = serde_json::to_vec(records).expect("records serialize to JSON");
    // Level 3, not the default 6: measured on 30,000 contacts, it deflates in about half the time
    // for 4% more bytes, which keeps a save of a whole import within one short task. Any level
    // reads back the same, so the stored format does not change.
    pack(&miniz_oxide::deflate::compress_to_vec(&json, DEFLATE_LEVEL))
}

/// Decodes a stored string (packed, or a plain JSON array) into records.
pub fn decode<T: DeserializeOwned>(stored: &str) -> Result<Vec<T>, CodecError> {
    let json = if stored.starts_with('[') {
        stored.as_bytes().to_vec()
    } else if let Some(rest) = stored.strip_prefix(PACKED) {
        decompress_to_vec_with_limit(&unpack(rest)?, MAX_INFLATED_BYTES)?
    } else {
        return Err(CodecError::UnknownFormat);
    };
    serde_json::from_slice(&json).map_err(|e| CodecError::Json(e.to_string()))
}

/// Bytes to `z<byte count>:<15-bit units>`.
fn pack(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len() * 8 / 15 * 3 + 16);
    out.push(PACKED);
    out.push_str(&bytes.len().to_string());
    out.push(':');
    let (mut acc, mut bits) = (0u32, 0u32);
    for &b in bytes {
        acc = (acc << 8) | u32::from(b);
        bits += 8;
        if bits >= 15 {
            bits -= 15;
            push_unit(&mut out, (acc >> bits) & 0x7fff);
        }
    }
    if bits > 0 {
        push_unit(&mut out, (acc << (15 - bits)) & 0x7fff);
    }
    out
}

fn push_unit(out: &mut String, value: u32) {
    // BASE + a 15-bit value is at most U+8FFF: a valid scalar value, below the surrogates.
    out.push(char::from_u32(BASE + value).expect("U+1000..U+8FFF are valid chars"));
}

fn unpack(packed: &str) -> Result<Vec<u8>, CodecError> {
    let (len, units) = packed.split_once(':').ok_or(CodecError::Damaged("no length"))?;
    let len: usize = len.parse().map_err(|_| CodecError::Damaged("bad length"))?;
    let unit_count = units.chars().count();
    if len.saturating_mul(8).div_ceil(15) != unit_count {
        return Err(CodecError::Damaged("length does not match"));
    }
    let mut out = Vec::with_capacity(len);
    let (mut acc, mut bits) = (0u32, 0u32);
    for c in units.chars() {
        let v = u32::from(c)
            .checked_sub(BASE)
            .filter(|v| *v <= 0x7fff)
            .ok_or(CodecError::Damaged("unexpected character"))?;
        acc = ((acc << 15) | v) & 0x3f_ffff;
        bits += 15;
        while bits >= 8 && out.len() < len {
            bits -= 8;
            out.push((acc >> bits) as u8);
        }
    }
    Ok(out)
}

/// The size a string takes in localStorage's quota: UTF-16 code units.
pub fn utf16_len(s: &str) -> usize {
    s.encode_utf16().count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pack_round_trips_every_length() {
        for len in 0..64 {
            let bytes: Vec<u8> = (0..len).map(|i| (i * 37 + 11) as u8).collect();
            assert_eq!(unpack(&pack(&bytes)[1..]).unwrap(), bytes, "length {len}");
        }
    }

    #[test]
    fn packed_text_never_holds_a_surrogate() {
        let bytes: Vec<u8> = (0..=255).cycle().take(3000).collect();
        let packed = pack(&bytes);
        assert!(packed
            .chars()
            .skip(1)
            .all(|c| !(0xD800..=0xDFFF).contains(&u32::from(c))));
        assert_eq!(utf16_len(&packed), packed.chars().count(), "one unit per char");
    }

    #[test]
    fn records_round_trip_packed_and_plain() {
        let records = vec!["Zoë".to_string(), "<script>".to_string()];
        let refs: Vec<&String> = records.iter().collect();
        assert_eq!(decode::<String>(&encode(&refs)).unwrap(), records);
        assert_eq!(decode::<String>(r#"["Zoë","<script>"]"#).unwrap(), records);
    }

    #[test]
    fn damaged_text_is_an_error_not_a_panic() {
        assert_eq!(decode::<String>("hello"), Err(CodecError::UnknownFormat));
        assert!(decode::<String>("z12:abc").is_err());
        assert!(decode::<String>("z").is_err());
        assert!(matches!(decode::<String>("[1,"), Err(CodecError::Json(_))));
        let mut packed = encode(&[&"a long enough record to compress".to_string()]);
        packed.truncate(packed.len() - 3);
        assert!(decode::<String>(&packed).is_err());
    }
}
