//! How a shard of records becomes one localStorage string and back.
//!
//! localStorage quotas count UTF-16 code units, and 30,000 contacts as plain JSON would not fit.
//! So a shard is JSON, deflated, then packed 15 bits to a UTF-16 code unit (the trick lz-string's
//! `compressToUTF16` uses): every unit lands in U+1000..U+8FFF, never a surrogate, so the string
//! survives any browser's storage intact. Plain JSON arrays are read too, which keeps test fixtures
//! readable.

use miniz_oxide::inflate::core::{decompress, inflate_flags, DecompressorOxide};
use miniz_oxide::inflate::TINFLStatus;
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
    Decoder::default().decode(stored)
}

/// Decodes many stored strings in a row, reusing its buffers: opening the app decodes every
/// shard, and in a profile of opening 30,000 contacts in the browser, growing and zero-filling
/// fresh buffers for each shard took about a tenth of the samples.
#[derive(Default)]
pub struct Decoder {
    deflated: Vec<u8>,
    json: Vec<u8>,
    inflater: Option<Box<DecompressorOxide>>,
}

impl Decoder {
    pub fn decode<T: DeserializeOwned>(&mut self, stored: &str) -> Result<Vec<T>, CodecError> {
        let json: &[u8] = if stored.starts_with('[') {
            stored.as_bytes()
        } else if let Some(rest) = stored.strip_prefix(PACKED) {
            unpack_into(rest, &mut self.deflated)?;
            let inflater = self.inflater.get_or_insert_with(Box::default);
            let len = inflate_into(inflater, &self.deflated, &mut self.json)?;
            &self.json[..len]
        } else {
            return Err(CodecError::UnknownFormat);
        };
        serde_json::from_slice(json).map_err(|e| CodecError::Json(e.to_string()))
    }
}

/// Inflates raw deflate data into the start of `out`, at most `MAX_INFLATED_BYTES`, and says how
/// many bytes it wrote. The buffer keeps its length between calls (so it is zero-filled only when
/// it grows), and its first length fits a shard of JSON (text deflates about 4 to 1).
fn inflate_into(inflater: &mut DecompressorOxide, mut input: &[u8], out: &mut Vec<u8>) -> Result<usize, CodecError> {
    inflater.init();
    let flags = inflate_flags::TINFL_FLAG_USING_NON_WRAPPING_OUTPUT_BUF;
    let wanted = input.len().saturating_mul(8).clamp(4096, MAX_INFLATED_BYTES);
    if out.len() < wanted {
        out.resize(wanted, 0);
    }
    let mut filled = 0;
    loop {
        let (status, read, written) = decompress(inflater, input, out, filled, flags);
        filled += written;
        match status {
            TINFLStatus::Done => return Ok(filled),
            TINFLStatus::HasMoreOutput if out.len() < MAX_INFLATED_BYTES => {
                input = input.get(read..).ok_or(CodecError::Inflate)?;
                let grown = out.len().saturating_mul(2).min(MAX_INFLATED_BYTES);
                out.resize(grown, 0);
            }
            _ => return Err(CodecError::Inflate),
        }
    }
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

#[cfg(test)]
fn unpack(packed: &str) -> Result<Vec<u8>, CodecError> {
    let mut out = Vec::new();
    unpack_into(packed, &mut out)?;
    Ok(out)
}

/// `<byte count>:<15-bit units>` back to bytes, into `out` (emptied first). Every unit is a char in
/// U+1000..U+8FFF, three bytes of UTF-8 (lead byte E1..E8), so this reads the UTF-8 directly, three
/// bytes at a time, rather than decoding chars: measured, a fifth of the load's unpacking time.
fn unpack_into(packed: &str, out: &mut Vec<u8>) -> Result<(), CodecError> {
    let (len, units) = packed.split_once(':').ok_or(CodecError::Damaged("no length"))?;
    let len: usize = len.parse().map_err(|_| CodecError::Damaged("bad length"))?;
    let units = units.as_bytes();
    if units.len() % 3 != 0 || len.saturating_mul(8).div_ceil(15) != units.len() / 3 {
        return Err(CodecError::Damaged("length does not match"));
    }
    out.clear();
    out.reserve(len);
    let (mut acc, mut bits) = (0u32, 0u32);
    for unit in units.chunks_exact(3) {
        // The text is valid UTF-8 and every earlier chunk was one whole char, so a lead byte of
        // E1..E8 here starts a three-byte char that is exactly this chunk.
        if !(0xE1..=0xE8).contains(&unit[0]) {
            return Err(CodecError::Damaged("unexpected character"));
        }
        // E1 80 80 is U+1000 and E8 BF BF is U+8FFF, so the value is 0..=0x7fff.
        let c = (u32::from(unit[0] & 0x0f) << 12) | (u32::from(unit[1] & 0x3f) << 6) | u32::from(unit[2] & 0x3f);
        let v = c - BASE;
        acc = ((acc << 15) | v) & 0x3f_ffff;
        bits += 15;
        while bits >= 8 && out.len() < len {
            bits -= 8;
            out.push((acc >> bits) as u8);
        }
    }
    Ok(())
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
    fn one_decoder_reads_shards_of_any_size_in_turn() {
        // Far more compressible than JSON (it outgrows the first buffer), then small, then large
        // again: a reused buffer never leaks one shard's bytes into the next.
        let huge = vec!["a".repeat(300_000), "b".repeat(200_000)];
        let small = vec!["Zoë".to_string()];
        let encoded = |r: &Vec<String>| encode(&r.iter().collect::<Vec<_>>());
        let mut decoder = Decoder::default();
        for records in [&huge, &small, &huge, &small] {
            assert_eq!(&decoder.decode::<String>(&encoded(records)).unwrap(), records);
        }
    }

    #[test]
    fn packed_text_outside_the_units_range_is_damaged() {
        // U+0FFF and U+9000 are three bytes of UTF-8 too, just outside what pack writes.
        for bad in ["\u{0FFF}\u{1000}", "\u{9000}\u{1000}", "ab\u{1000}\u{1000}"] {
            assert!(unpack(&format!("2:{bad}")).is_err(), "{bad:?}");
        }
        assert!(unpack("2:\u{1000}\u{8FFF}").is_ok());
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
