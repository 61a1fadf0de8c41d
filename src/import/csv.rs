//! Records out of CSV text, over `csv-core` (a small state machine that allocates nothing of its
//! own): the delimiter sniffed, the line each record starts on, an unclosed quote found with the
//! line it opened on, and fields longer than the model accepts cut with a note.

use super::plan::thousands;
use super::ImportError;
use crate::model::MAX_FIELD_CHARS;
use csv_core::{ReadRecordResult, ReaderBuilder};

/// A record and the 1-based line it starts on.
pub type Record = (usize, Vec<String>);

/// Every record of a CSV file, and the notes worth telling the user (cut fields).
#[derive(Debug, Default)]
pub struct Records {
    pub rows: Vec<Record>,
    pub notes: Vec<String>,
}

/// Reads all records of `text`. `file` is only for the error message.
pub fn read_records(file: &str, text: &str) -> Result<Records, ImportError> {
    let delimiter = sniff_delimiter(text);
    let mut reader = ReaderBuilder::new().delimiter(delimiter).build();
    let mut input = text.as_bytes();
    let mut records = Records::default();
    // One buffer for all records: csv-core writes a record's unquoted bytes here, then the fields
    // are copied out once, into the Strings the caller keeps.
    let mut output = vec![0u8; 64 * 1024];
    let mut ends = vec![0usize; 64];
    let (mut out_len, mut ends_len) = (0, 0);
    let mut line = 1;
    let mut record_start: Option<usize> = None;
    let mut record_bytes_from = 0;
    let mut offset = 0;
    loop {
        let (result, n_in, n_out, n_ends) = reader.read_record(input, &mut output[out_len..], &mut ends[ends_len..]);
        let consumed = &input[..n_in];
        if record_start.is_none() {
            // csv-core skips blank lines before a record; they still count as lines.
            let blank = consumed.iter().take_while(|b| matches!(b, b'\r' | b'\n')).count();
            if blank < consumed.len() {
                line += count_newlines(&consumed[..blank]);
                record_start = Some(line);
                record_bytes_from = offset + blank;
                line += count_newlines(&consumed[blank..]);
            } else {
                line += count_newlines(consumed);
            }
        } else {
            line += count_newlines(consumed);
        }
        input = &input[n_in..];
        offset += n_in;
        out_len += n_out;
        ends_len += n_ends;
        match result {
            ReadRecordResult::InputEmpty => {}
            ReadRecordResult::OutputFull => {
                let bigger = output.len() * 2;
                output.resize(bigger, 0);
            }
            ReadRecordResult::OutputEndsFull => {
                let bigger = ends.len() * 2;
                ends.resize(bigger, 0);
            }
            ReadRecordResult::Record => {
                let start_line = record_start.take().unwrap_or(line);
                if input.is_empty() {
                    // Only the last record can hide a quote that never closes: csv-core reads
                    // everything after it as one field and ends at the end of the input.
                    let raw = &text.as_bytes()[record_bytes_from..offset];
                    if let Some(opened) = unclosed_quote_line(raw, delimiter) {
                        return Err(ImportError::UnclosedQuote {
                            file: file.to_string(),
                            line: start_line + opened,
                        });
                    }
                }
                let fields = fields(&output[..out_len], &ends[..ends_len], start_line, &mut records.notes);
                records.rows.push((start_line, fields));
                out_len = 0;
                ends_len = 0;
            }
            ReadRecordResult::End => return Ok(records),
        }
    }
}

fn fields(bytes: &[u8], ends: &[usize], line: usize, notes: &mut Vec<String>) -> Vec<String> {
    let mut out = Vec::with_capacity(ends.len());
    // csv-core only removes ASCII quotes from UTF-8 input and splits at ASCII delimiters, so the
    // record stays valid UTF-8 and every end is a char boundary; the lossy path is never taken.
    let record = match std::str::from_utf8(bytes) {
        Ok(text) => std::borrow::Cow::Borrowed(text),
        Err(_) => String::from_utf8_lossy(bytes),
    };
    let mut start = 0;
    for &end in ends {
        let field = record.get(start..end).unwrap_or_default();
        start = end;
        out.push(cut(field, line, notes));
    }
    out
}

/// The field, cut to `MAX_FIELD_CHARS` characters (noted) when longer.
fn cut(field: &str, line: usize, notes: &mut Vec<String>) -> String {
    if field.len() <= MAX_FIELD_CHARS {
        return field.to_string();
    }
    match field.char_indices().nth(MAX_FIELD_CHARS) {
        Some((at, _)) => {
            let chars = MAX_FIELD_CHARS + field[at..].chars().count();
            notes.push(format!(
                "line {line}: a {}-character field was cut to {} characters",
                thousands(chars),
                thousands(MAX_FIELD_CHARS)
            ));
            field[..at].to_string()
        }
        None => field.to_string(),
    }
}

fn count_newlines(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| b == b'\n').count()
}

/// The delimiter of the first line that has one outside quotes: comma, semicolon (European
/// Excel) or tab. LinkedIn's `Notes:` preamble has none, so the header line decides there.
fn sniff_delimiter(text: &str) -> u8 {
    for line in text.lines().take(10) {
        let mut counts = [0usize; 3];
        let mut quoted = false;
        for b in line.bytes() {
            match b {
                b'"' => quoted = !quoted,
                b',' if !quoted => counts[0] += 1,
                b';' if !quoted => counts[1] += 1,
                b'\t' if !quoted => counts[2] += 1,
                _ => {}
            }
        }
        let best = (0..3).max_by_key(|&i| (counts[i], std::cmp::Reverse(i))).unwrap_or(0);
        if counts[best] > 0 {
            return [b',', b';', b'\t'][best];
        }
    }
    b','
}

/// Walks a record's raw bytes as a CSV reader does and gives how many lines into the record a
/// quote opens that is still open at the end. A quote inside an unquoted field is text.
fn unclosed_quote_line(raw: &[u8], delimiter: u8) -> Option<usize> {
    let mut at_field_start = true;
    let mut open: Option<usize> = None;
    let mut newlines = 0;
    let mut i = 0;
    while i < raw.len() {
        let b = raw[i];
        if b == b'\n' {
            newlines += 1;
        }
        match open {
            Some(_) if b == b'"' => {
                if raw.get(i + 1) == Some(&b'"') {
                    i += 1;
                } else {
                    open = None;
                }
            }
            Some(_) => {}
            None if at_field_start && b == b'"' => open = Some(newlines),
            None => {}
        }
        at_field_start = open.is_none() && (b == delimiter || b == b'\n' || b == b'\r');
        i += 1;
    }
    open
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(text: &str) -> Vec<Record> {
        read_records("t.csv", text).map(|r| r.rows).unwrap_or_default()
    }

    fn owned(fields: &[&str]) -> Vec<String> {
        fields.iter().map(|f| f.to_string()).collect()
    }

    #[test]
    fn quoted_fields_hold_delimiters_newlines_and_doubled_quotes() {
        let text = "Name,Notes\r\nAna,\"met at \"\"Rust NL\"\",\nthen lunch\"\r\n\r\nBo,x";
        assert_eq!(
            rows(text),
            vec![
                (1, owned(&["Name", "Notes"])),
                (2, owned(&["Ana", "met at \"Rust NL\",\nthen lunch"])),
                (5, owned(&["Bo", "x"])),
            ]
        );
    }

    #[test]
    fn the_delimiter_is_sniffed_past_a_preamble() {
        assert_eq!(rows("a;b\n1;2")[1].1, owned(&["1", "2"]));
        assert_eq!(rows("a\tb\n1\t2")[1].1, owned(&["1", "2"]));
        let preamble = "Notes:\n\"Some text, with a comma.\"\n\nFirst Name;Last Name\nAna;Souza";
        assert_eq!(rows(preamble)[3], (5, owned(&["Ana", "Souza"])));
    }

    #[test]
    fn an_unclosed_quote_names_the_line_it_opened_on() {
        let text = "Name,Notes\nAna,ok\nBo,\"never\ncloses\nat all";
        assert_eq!(
            read_records("people.csv", text).err(),
            Some(ImportError::UnclosedQuote {
                file: "people.csv".into(),
                line: 3
            })
        );
        // A quote in the middle of an unquoted field is just a character.
        assert_eq!(rows("Name,Size\nAna,5\" screen")[1].1, owned(&["Ana", "5\" screen"]));
    }

    #[test]
    fn a_field_over_the_limit_is_cut_at_a_char_boundary_with_a_note() {
        let long = "é".repeat(1_048_576);
        let text = format!("Name,Notes\nAna,{long}");
        let records = read_records("t.csv", &text).expect("reads");
        assert_eq!(records.rows[1].1[1].chars().count(), MAX_FIELD_CHARS);
        assert_eq!(
            records.notes,
            vec!["line 2: a 1,048,576-character field was cut to 10,000 characters".to_string()]
        );
    }

    #[test]
    fn numbers_read_with_thousands_separators() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(10_000), "10,000");
        assert_eq!(thousands(1_048_576), "1,048,576");
    }
}
