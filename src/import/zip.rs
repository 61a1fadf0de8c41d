//! Just enough of the ZIP format to open LinkedIn's export: the end-of-central-directory record,
//! the central directory and the local headers, entries stored (0) or deflated (8). Inflating is
//! `miniz_oxide`, already a dependency of the app, so reading ZIPs adds no crate to the wasm.

use super::MAX_FILE_BYTES;
use miniz_oxide::inflate::decompress_to_vec_with_limit;

/// One file listed in the archive. Its bytes are read on demand with `Archive::read`.
#[derive(Debug, Clone)]
pub struct Entry {
    pub name: String,
    method: u16,
    encrypted: bool,
    compressed: usize,
    pub size: usize,
    local_header: usize,
}

/// Why one entry could not be read; the others still can be.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EntryError {
    /// A reason a person can read, for the preview's list of skipped files.
    Unreadable(String),
    /// The archive unpacks to more than `MAX_FILE_BYTES` (a ZIP bomb, or nothing we can hold).
    TooBig,
}

pub struct Archive<'a> {
    bytes: &'a [u8],
    pub entries: Vec<Entry>,
    unpacked: usize,
}

fn u16_at(b: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_le_bytes(b.get(at..at.checked_add(2)?)?.try_into().ok()?))
}

fn u32_at(b: &[u8], at: usize) -> Option<usize> {
    Some(u32::from_le_bytes(b.get(at..at.checked_add(4)?)?.try_into().ok()?) as usize)
}

const EOCD: [u8; 4] = *b"PK\x05\x06";
const CENTRAL: [u8; 4] = *b"PK\x01\x02";
const LOCAL: [u8; 4] = *b"PK\x03\x04";

impl<'a> Archive<'a> {
    /// Lists the archive's files. The error is the reason shown to the user.
    pub fn open(bytes: &'a [u8]) -> Result<Archive<'a>, String> {
        // The end record is the last thing in the file, followed only by a comment of at most 64 KB.
        let earliest = bytes.len().saturating_sub(22 + 65_535);
        let eocd = (earliest..=bytes.len().saturating_sub(22))
            .rev()
            .find(|&i| bytes.get(i..i + 4) == Some(&EOCD[..]))
            .ok_or("its table of contents is missing (the download may be incomplete)")?;
        let bad = || "its table of contents is damaged".to_string();
        let count = usize::from(u16_at(bytes, eocd + 10).ok_or_else(bad)?);
        let mut at = u32_at(bytes, eocd + 16).ok_or_else(bad)?;
        if count == 0xFFFF || at == 0xFFFF_FFFF {
            return Err("it is a ZIP64 archive, which Vouch does not read; re-download the export".into());
        }
        let mut entries = Vec::with_capacity(count.min(4096));
        for _ in 0..count {
            if bytes.get(at..at + 4) != Some(&CENTRAL[..]) {
                return Err(bad());
            }
            let flags = u16_at(bytes, at + 8).ok_or_else(bad)?;
            let name_len = usize::from(u16_at(bytes, at + 28).ok_or_else(bad)?);
            let extra_len = usize::from(u16_at(bytes, at + 30).ok_or_else(bad)?);
            let comment_len = usize::from(u16_at(bytes, at + 32).ok_or_else(bad)?);
            let raw_name = bytes.get(at + 46..at + 46 + name_len).ok_or_else(bad)?;
            // Bit 11 says UTF-8; older tools wrote the DOS code page, read here as Windows-1252.
            let name = match std::str::from_utf8(raw_name) {
                Ok(n) => n.to_string(),
                Err(_) => super::encoding::windows_1252(raw_name),
            };
            entries.push(Entry {
                name,
                method: u16_at(bytes, at + 10).ok_or_else(bad)?,
                encrypted: flags & 1 == 1,
                compressed: u32_at(bytes, at + 20).ok_or_else(bad)?,
                size: u32_at(bytes, at + 24).ok_or_else(bad)?,
                local_header: u32_at(bytes, at + 42).ok_or_else(bad)?,
            });
            at += 46 + name_len + extra_len + comment_len;
        }
        Ok(Archive {
            bytes,
            entries,
            unpacked: 0,
        })
    }

    /// Files worth looking at: not folders, not macOS's `__MACOSX/` resource forks.
    pub fn files(&self) -> impl Iterator<Item = &Entry> {
        self.entries
            .iter()
            .filter(|e| !e.name.ends_with('/') && !e.name.starts_with("__MACOSX/") && !e.name.contains("/__MACOSX/"))
    }

    /// The bytes of one entry. All entries read together may unpack to at most `MAX_FILE_BYTES`,
    /// counted on what inflating really gives, so a size the archive lies about changes nothing.
    pub fn read(&mut self, entry: &Entry) -> Result<Vec<u8>, EntryError> {
        if entry.encrypted {
            return Err(EntryError::Unreadable("it is password-protected".into()));
        }
        let budget = MAX_FILE_BYTES - self.unpacked;
        if entry.size > budget {
            return Err(EntryError::TooBig);
        }
        let damaged = || EntryError::Unreadable("the archive is damaged here".into());
        let at = entry.local_header;
        if self.bytes.get(at..at + 4) != Some(&LOCAL[..]) {
            return Err(damaged());
        }
        let name_len = usize::from(u16_at(self.bytes, at + 26).ok_or_else(damaged)?);
        let extra_len = usize::from(u16_at(self.bytes, at + 28).ok_or_else(damaged)?);
        let start = at + 30 + name_len + extra_len;
        let data = start
            .checked_add(entry.compressed)
            .and_then(|end| self.bytes.get(start..end))
            .ok_or_else(damaged)?;
        let out = match entry.method {
            0 => data.to_vec(),
            8 => decompress_to_vec_with_limit(data, budget).map_err(|e| match e.status {
                miniz_oxide::inflate::TINFLStatus::HasMoreOutput => EntryError::TooBig,
                _ => damaged(),
            })?,
            other => {
                return Err(EntryError::Unreadable(format!(
                    "it is compressed with method {other}, which Vouch does not read (only stored and deflate)"
                )))
            }
        };
        if out.len() > budget {
            return Err(EntryError::TooBig);
        }
        self.unpacked += out.len();
        Ok(out)
    }
}
