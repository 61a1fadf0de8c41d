//! Bringing the user's network in from the files they already have: LinkedIn's data export (as
//! its ZIP or its CSVs), vCards, and contact spreadsheets (Google, Outlook, any CSV). Everything
//! here is pure: bytes in, people and history out. Matching them against the network and turning
//! them into one change to the data is `plan`; the browser only reads files and shows the preview.

pub mod keys;
pub mod plan;

use chrono::NaiveDate;

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
/// are built again (`sheet::people`) without reading the file again.
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
