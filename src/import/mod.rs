//! Bringing the user's network in from the files they already have: LinkedIn's data export (as
//! its ZIP or its CSVs), vCards, and contact spreadsheets (Google, Outlook, any CSV). Everything
//! here is pure: bytes in, people and history out. Matching them against the network and turning
//! them into one change to the data is `plan`; the browser only reads files and shows the preview.

mod csv;
pub mod dates;
pub mod encoding;
pub mod keys;
pub mod linkedin;
pub mod plan;
pub mod sheet;
pub mod vcard;
mod zip;

// proptest is a native dev-dependency only.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod fuzz;
#[cfg(test)]
mod tests;

pub use sheet::people_from_table;

use chrono::NaiveDate;
use std::collections::HashSet;

/// Files larger than this are refused before they are read: no real contacts export comes close.
pub const MAX_FILE_BYTES: usize = 64 * 1024 * 1024;

/// One person as a file describes them, before matching against the network. Strings are trimmed
/// and single-line (except `notes`); empty means the file did not say.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Incoming {
    /// The 1-based line of the file where this row or card starts, for the preview and messages.
    pub line: usize,
    /// The display name ("Ana Souza"), built from first/last (and prefix/suffix) when the file
    /// has no display name of its own.
    pub name: String,
    pub company: String,
    /// The department within the company (Outlook's "Department", Google's "Organization
    /// Department", vCard's second ORG part). A contact has no field for it: a new contact keeps
    /// it as a line of its notes.
    pub department: String,
    pub role: String,
    pub location: String,
    /// Every e-mail address the file gives, most preferred first.
    pub emails: Vec<String>,
    /// Every phone number, most preferred first, as written.
    pub phones: Vec<String>,
    /// An `http(s)` profile link: the LinkedIn profile where there is one, else the first web
    /// address. Anything else (`javascript:`, `urn:li:…`) is never put here.
    pub profile_url: String,
    pub notes: String,
    /// As written in the file (`1990-04-12`, `--04-12`).
    pub birthday: String,
    /// LinkedIn's "Connected On".
    pub connected_on: Option<NaiveDate>,
    /// Labels or groups the file puts the person in (Google's "Labels", vCard CATEGORIES).
    pub labels: Vec<String>,
}

/// A contact's history in LinkedIn's messages.csv, summed up: one per other person, so the
/// keep-in-touch clock reflects it without one touchpoint per message.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Exchange {
    /// The other person's `/in/<slug>`, as `keys::profile_slug` gives it.
    pub slug: String,
    pub name: String,
    /// Messages between the user and this person across all conversations.
    pub messages: u32,
    /// The date of the most recent one.
    pub last: NaiveDate,
    /// Whether the user wrote the most recent one.
    pub last_from_me: bool,
    /// The most recent message's text, tags stripped; stored only if the user asks.
    pub last_text: String,
}

/// A recommendation someone wrote for the user (Recommendations_Received.csv). No URL: matched
/// on name and company.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Recommendation {
    pub line: usize,
    pub name: String,
    pub company: String,
    pub role: String,
    pub text: String,
    pub date: Option<NaiveDate>,
}

/// The skills one person endorsed (Endorsement_Received_Info.csv), summed up per endorser.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Endorsement {
    pub slug: String,
    pub name: String,
    pub skills: Vec<String>,
    pub last: Option<NaiveDate>,
}

/// A connection invitation (Invitations.csv). Only those with a message count as a touchpoint.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Invitation {
    pub line: usize,
    /// The other person's slug, where the file has the URL columns (since late 2023).
    pub slug: String,
    /// The other person's name.
    pub name: String,
    pub date: Option<NaiveDate>,
    pub message: String,
    /// The user sent it.
    pub outgoing: bool,
}

/// What a file turned out to be, found from its content, not its name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    LinkedInConnections,
    LinkedInMessages,
    LinkedInRecommendations,
    LinkedInEndorsements,
    LinkedInInvitations,
    VCard,
    /// Google Contacts, Outlook or any spreadsheet of people.
    ContactsCsv,
}

impl FileKind {
    /// How the preview names it.
    pub fn label(self) -> &'static str {
        match self {
            FileKind::LinkedInConnections => "LinkedIn connections",
            FileKind::LinkedInMessages => "LinkedIn messages",
            FileKind::LinkedInRecommendations => "LinkedIn recommendations received",
            FileKind::LinkedInEndorsements => "LinkedIn endorsements received",
            FileKind::LinkedInInvitations => "LinkedIn invitations",
            FileKind::VCard => "vCard contacts",
            FileKind::ContactsCsv => "Contacts spreadsheet",
        }
    }
}

/// How the bytes were turned into text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Encoding {
    #[default]
    Utf8,
    Utf16,
    /// Not valid UTF-8, so read as Windows-1252 (Excel's default): the preview says so.
    Windows1252,
}

/// Where a spreadsheet column goes. `Ignore` keeps a column out.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Column {
    #[default]
    Ignore,
    Name,
    FirstName,
    MiddleName,
    LastName,
    Prefix,
    Suffix,
    Company,
    Department,
    Role,
    Email,
    Phone,
    ProfileUrl,
    Location,
    Notes,
    Birthday,
    Labels,
}

impl Column {
    pub const ALL: [Column; 17] = [
        Column::Ignore,
        Column::Name,
        Column::FirstName,
        Column::MiddleName,
        Column::LastName,
        Column::Prefix,
        Column::Suffix,
        Column::Company,
        Column::Department,
        Column::Role,
        Column::Email,
        Column::Phone,
        Column::ProfileUrl,
        Column::Location,
        Column::Notes,
        Column::Birthday,
        Column::Labels,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Column::Ignore => "Don't import",
            Column::Name => "Full name",
            Column::FirstName => "First name",
            Column::MiddleName => "Middle name",
            Column::LastName => "Last name",
            Column::Prefix => "Name prefix (Mr., Dr.)",
            Column::Suffix => "Name suffix (Jr., PhD)",
            Column::Company => "Company",
            Column::Department => "Department",
            Column::Role => "Job title",
            Column::Email => "E-mail",
            Column::Phone => "Phone",
            Column::ProfileUrl => "Profile or web link",
            Column::Location => "Location",
            Column::Notes => "Notes",
            Column::Birthday => "Birthday",
            Column::Labels => "Labels or groups",
        }
    }

    /// The stable key used in the mapping form.
    pub fn key(self) -> &'static str {
        match self {
            Column::Ignore => "ignore",
            Column::Name => "name",
            Column::FirstName => "first",
            Column::MiddleName => "middle",
            Column::LastName => "last",
            Column::Prefix => "prefix",
            Column::Suffix => "suffix",
            Column::Company => "company",
            Column::Department => "department",
            Column::Role => "role",
            Column::Email => "email",
            Column::Phone => "phone",
            Column::ProfileUrl => "url",
            Column::Location => "location",
            Column::Notes => "notes",
            Column::Birthday => "birthday",
            Column::Labels => "labels",
        }
    }

    pub fn from_key(key: &str) -> Option<Column> {
        Column::ALL.into_iter().find(|c| c.key() == key)
    }
}

/// A contacts spreadsheet as read, kept so the user can change the column mapping and the people
/// are built again (`people_from_table`) without reading the file again.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Table {
    pub headers: Vec<String>,
    /// Where each column goes, as recognised from its header; the user may change it.
    pub mapping: Vec<Column>,
    /// Each data row with the 1-based line it starts on.
    pub rows: Vec<(usize, Vec<String>)>,
}

/// A row, card or file left out, and why: shown in the preview.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Skipped {
    pub file: String,
    /// 0 for a whole file.
    pub line: usize,
    pub reason: String,
}

/// One file read: what it was and everything found in it. A ZIP gives one per file inside.
#[derive(Clone, Debug, PartialEq)]
pub struct Parsed {
    /// The name shown to the user: "Connections.csv", or "export.zip › Connections.csv".
    pub file: String,
    pub kind: FileKind,
    pub encoding: Encoding,
    pub people: Vec<Incoming>,
    pub exchanges: Vec<Exchange>,
    pub recommendations: Vec<Recommendation>,
    pub endorsements: Vec<Endorsement>,
    pub invitations: Vec<Invitation>,
    /// A spreadsheet's columns, for the mapping step (`ContactsCsv` only).
    pub table: Option<Table>,
    /// Rows left out (a hidden profile's empty row, a card without a name), with the line.
    pub skipped: Vec<Skipped>,
    /// Things the user should know that changed nothing: "line 12: a 1,048,576-character field was
    /// cut to 10,000 characters".
    pub notes: Vec<String>,
}

/// Why a file could not be read at all. Every message names the file, and the line where there
/// is one; nothing is imported from a file that fails.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ImportError {
    #[error("{file} is empty")]
    Empty { file: String },
    #[error("{file} is {megabytes} MB; Vouch reads files of at most 64 MB")]
    TooLarge { file: String, megabytes: usize },
    #[error("{file}, line {line}: a quote opened here is never closed")]
    UnclosedQuote { file: String, line: usize },
    #[error("{file}: no column looks like a name (looked for First Name, Last Name, Name or similar)")]
    NoNameColumn { file: String },
    #[error("{file}, line {line}: a vCard starts here but never ends (no END:VCARD)")]
    TruncatedVCard { file: String, line: usize },
    #[error("{file} is a ZIP archive but not a LinkedIn data export (no Connections.csv, messages.csv or other LinkedIn file inside)")]
    NotLinkedInExport { file: String },
    #[error("{file} can't be opened as a ZIP archive: {reason}")]
    BadZip { file: String, reason: String },
    #[error("{file} is not a contacts file Vouch can read ({what})")]
    NotContacts { file: String, what: String },
}

impl Parsed {
    /// A file of `kind` with nothing found in it yet: what each reader starts from.
    pub(crate) fn new(file: &str, kind: FileKind, encoding: Encoding) -> Parsed {
        Parsed {
            file: file.to_string(),
            kind,
            encoding,
            people: Vec::new(),
            exchanges: Vec::new(),
            recommendations: Vec::new(),
            endorsements: Vec::new(),
            invitations: Vec::new(),
            table: None,
            skipped: Vec::new(),
            notes: Vec::new(),
        }
    }
}

/// Reads one file the user picked, whatever it is, judged by its content and not its name.
///
/// A LinkedIn ZIP gives one `Parsed` per LinkedIn file inside, named "export.zip › Connections.csv";
/// the files inside it that are not read (profile, skills, photos…) are listed as `Skipped` with
/// line 0 on the *first* `Parsed`, so the preview can say what was left out and why.
pub fn read(file_name: &str, bytes: &[u8]) -> Result<Vec<Parsed>, ImportError> {
    let file = file_name;
    // Checked first: nothing of a file this large is copied or decoded.
    if bytes.len() > MAX_FILE_BYTES {
        return Err(ImportError::TooLarge {
            file: file.into(),
            megabytes: bytes.len().div_ceil(1024 * 1024),
        });
    }
    if bytes.is_empty() {
        return Err(ImportError::Empty { file: file.into() });
    }
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06") {
        return read_zip(file, bytes);
    }
    if let Some(what) = binary_kind(bytes) {
        return Err(ImportError::NotContacts {
            file: file.into(),
            what: what.into(),
        });
    }
    let (text, encoding) = encoding::decode(bytes);
    read_text(file, &text, encoding, &HashSet::new()).map(|p| vec![p])
}

/// What a binary file is, by its first bytes, for the message; `None` for text.
fn binary_kind(bytes: &[u8]) -> Option<&'static str> {
    let utf16 = bytes.starts_with(b"\xFF\xFE")
        || bytes.starts_with(b"\xFE\xFF")
        || matches!(bytes, [_, 0, _, 0, ..] | [0, _, 0, _, ..]);
    let magic: [(&[u8], &str); 7] = [
        (b"\x89PNG", "a PNG image"),
        (b"\xFF\xD8\xFF", "a JPEG image"),
        (b"GIF8", "a GIF image"),
        (b"%PDF", "a PDF document"),
        (b"\xD0\xCF\x11\xE0", "an old Excel or Word file; save it as CSV first"),
        (b"\x1F\x8B", "a gzip archive"),
        (b"Rar!", "a RAR archive"),
    ];
    if let Some((_, what)) = magic.iter().find(|(m, _)| bytes.starts_with(m)) {
        return Some(what);
    }
    // Text never holds NUL bytes, except as UTF-16's high bytes.
    (!utf16 && bytes.iter().take(8192).any(|&b| b == 0)).then_some("a binary file, not text")
}

/// A text file: a vCard, a LinkedIn CSV or a contacts spreadsheet. `connections` are the slugs of
/// the user's connections when known (a ZIP), which helps tell the user apart in messages.csv.
fn read_text(file: &str, text: &str, encoding: Encoding, connections: &HashSet<String>) -> Result<Parsed, ImportError> {
    let start = text.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
    if start.is_empty() {
        return Err(ImportError::Empty { file: file.into() });
    }
    if start.get(..11).is_some_and(|s| s.eq_ignore_ascii_case("begin:vcard")) {
        let (people, skipped) = vcard::read_cards(file, text)?;
        let mut parsed = Parsed::new(file, FileKind::VCard, encoding);
        parsed.people = people;
        parsed.skipped = skipped;
        return Ok(parsed);
    }
    if start.starts_with(['{', '[']) {
        return Err(ImportError::NotContacts {
            file: file.into(),
            what: "a JSON file".into(),
        });
    }
    let records = csv::read_records(file, text)?;
    let mut rows = records.rows;
    if let Some((kind, at)) = linkedin::detect(&rows) {
        // LinkedIn writes recommendations given and received with the same columns: only the name
        // tells them apart, and the ones the user wrote say nothing about who would vouch for them.
        if kind == FileKind::LinkedInRecommendations && is_given_file(file) {
            return Err(ImportError::NotContacts {
                file: file.into(),
                what: "it lists the recommendations you wrote for others; Vouch reads the ones you received, \
                       Recommendations_Received.csv"
                    .into(),
            });
        }
        let data = rows.split_off(at + 1);
        let header = rows.pop().map(|(_, h)| h).unwrap_or_default();
        let mut parsed = Parsed::new(file, kind, encoding);
        parsed.notes = records.notes;
        match kind {
            FileKind::LinkedInConnections => {
                (parsed.people, parsed.skipped) = linkedin::connections(file, &header, data)
            }
            FileKind::LinkedInMessages => {
                (parsed.exchanges, parsed.skipped) = linkedin::messages(file, &header, &data, connections)
            }
            FileKind::LinkedInRecommendations => {
                let (found, note) = linkedin::recommendations(&header, &data);
                parsed.recommendations = found;
                parsed.notes.extend(note);
            }
            FileKind::LinkedInEndorsements => {
                (parsed.endorsements, parsed.skipped) = linkedin::endorsements(file, &header, &data)
            }
            FileKind::LinkedInInvitations => parsed.invitations = linkedin::invitations(&header, &data),
            FileKind::VCard | FileKind::ContactsCsv => {}
        }
        return Ok(parsed);
    }
    let columns = rows.first().map_or(0, |(_, header)| header.len());
    let table = sheet::read_sheet(file, rows).map_err(|e| match e {
        // One unnamed column is no spreadsheet at all: a letter, a log, a list of something else.
        ImportError::NoNameColumn { .. } if columns < 2 => ImportError::NotContacts {
            file: file.into(),
            what: "plain text without columns".into(),
        },
        other => other,
    })?;
    let mut parsed = Parsed::new(file, FileKind::ContactsCsv, encoding);
    (parsed.people, parsed.skipped) = sheet::people_from_table(file, &table);
    parsed.table = Some(table);
    parsed.notes = records.notes;
    Ok(parsed)
}

/// LinkedIn's export: every LinkedIn CSV inside read, the rest listed as skipped.
fn read_zip(file: &str, bytes: &[u8]) -> Result<Vec<Parsed>, ImportError> {
    let bad = |reason: String| ImportError::BadZip {
        file: file.into(),
        reason,
    };
    let mut archive = zip::Archive::open(bytes).map_err(bad)?;
    let mut texts = Vec::new();
    let mut skipped = Vec::new();
    let entries: Vec<zip::Entry> = archive.files().cloned().collect();
    for entry in &entries {
        let inner = format!("{file} › {}", entry.name);
        let skip = |reason: &str| Skipped {
            file: inner.clone(),
            line: 0,
            reason: reason.to_string(),
        };
        let base = entry
            .name
            .rsplit('/')
            .next()
            .unwrap_or(&entry.name)
            .to_ascii_lowercase();
        if !base.ends_with(".csv") {
            skipped.push(skip("not a CSV"));
            continue;
        }
        // Recommendations you gave share their header with those received; the name tells them apart.
        if base.contains("given") {
            skipped.push(skip("not needed for your network"));
            continue;
        }
        match archive.read(entry) {
            Ok(data) => texts.push((inner, data)),
            Err(zip::EntryError::TooBig) => {
                return Err(bad(format!(
                    "it would unpack to more than {} MB",
                    MAX_FILE_BYTES / (1024 * 1024)
                )))
            }
            Err(zip::EntryError::Unreadable(reason)) => skipped.push(skip(&reason)),
        }
    }
    // Connections first: their slugs help find the user among messages.csv's senders.
    crate::sort::sort_by_key(&mut texts, |(name, _)| {
        !name.to_ascii_lowercase().ends_with("connections.csv")
    });
    let mut connections = HashSet::new();
    let mut out: Vec<Parsed> = Vec::new();
    for (inner, data) in texts {
        let (text, encoding) = encoding::decode(&data);
        let known = known_linkedin_name(&inner);
        match read_text(&inner, &text, encoding, &connections) {
            Ok(parsed) if parsed.kind == FileKind::ContactsCsv || parsed.kind == FileKind::VCard => {
                skipped.push(Skipped {
                    file: inner,
                    line: 0,
                    reason: "not needed for your network".into(),
                })
            }
            Ok(parsed) => {
                if parsed.kind == FileKind::LinkedInConnections {
                    connections.extend(parsed.people.iter().filter_map(|p| keys::profile_slug(&p.profile_url)));
                }
                out.push(parsed);
            }
            // A LinkedIn file that is broken fails the import: half a network would mislead.
            Err(e) if known => return Err(e),
            Err(_) => skipped.push(Skipped {
                file: inner,
                line: 0,
                reason: "not needed for your network".into(),
            }),
        }
    }
    match out.first_mut() {
        Some(first) => {
            first.skipped.splice(0..0, skipped);
            Ok(out)
        }
        None => Err(ImportError::NotLinkedInExport { file: file.into() }),
    }
}

/// Whether a file is named as LinkedIn names the recommendations the user gave.
fn is_given_file(file: &str) -> bool {
    let base = file.rsplit(['/', '\\']).next().unwrap_or(file).to_ascii_lowercase();
    base.contains("recommendations_given") || base.contains("recommendations given")
}

fn known_linkedin_name(inner: &str) -> bool {
    let base = inner.rsplit(['/', ' ']).next().unwrap_or(inner).to_ascii_lowercase();
    [
        "connections.csv",
        "messages.csv",
        "recommendations_received.csv",
        "endorsement_received_info.csv",
        "invitations.csv",
    ]
    .contains(&base.as_str())
}

/// A one-line field: trimmed, every run of whitespace (newlines too) one space.
pub(crate) fn clean_line(text: &str) -> String {
    if is_clean_line(text) {
        return text.to_string();
    }
    collapse_whitespace(text)
}

/// `clean_line` for a String the caller owns: most fields are already clean and are kept as they
/// are, which saves a copy per field on a 30,000-row file.
pub(crate) fn clean_line_owned(text: String) -> String {
    if is_clean_line(&text) {
        return text;
    }
    collapse_whitespace(&text)
}

fn is_clean_line(text: &str) -> bool {
    if text.is_ascii() {
        // The common case, checked on bytes: no tab or newline, no leading, trailing or double space.
        let bytes = text.as_bytes();
        return bytes.first() != Some(&b' ')
            && bytes.last() != Some(&b' ')
            && !bytes
                .iter()
                .any(|b| matches!(b, b'\t' | b'\n' | b'\r' | b'\x0b' | b'\x0c'))
            && !bytes.windows(2).any(|w| w == b"  ");
    }
    let mut previous_space = true;
    for c in text.chars() {
        let space = c == ' ';
        if (space && previous_space) || (!space && c.is_whitespace()) {
            return false;
        }
        previous_space = space;
    }
    !previous_space || text.is_empty()
}

fn collapse_whitespace(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// A multi-line field (notes, messages): trimmed, line ends as `\n`.
pub(crate) fn clean_text(text: &str) -> String {
    text.replace("\r\n", "\n").replace('\r', "\n").trim().to_string()
}

/// An e-mail address, or `None` when the field holds none (empty, `urn:li:member:…`).
pub(crate) fn clean_email(text: &str) -> Option<String> {
    let e = clean_line(text);
    let e = e.strip_prefix("mailto:").unwrap_or(&e);
    (e.contains('@') && !e.contains(' ') && !e.to_ascii_lowercase().starts_with("urn:")).then(|| e.to_string())
}

/// A web link the app may show as a link: `http(s)` only. A bare `www.…` gains `https://`.
pub(crate) fn http_url(text: &str) -> Option<String> {
    let url = clean_line(text);
    let starts = |prefix: &str| url.get(..prefix.len()).is_some_and(|p| p.eq_ignore_ascii_case(prefix));
    if starts("https://") || starts("http://") {
        Some(url).filter(|u| !u.contains(' ') && u.len() > "https://".len())
    } else if starts("www.") && !url.contains(' ') {
        Some(format!("https://{url}"))
    } else {
        None
    }
}
