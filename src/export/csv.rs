//! The network as a spreadsheet: one row per contact with every field a person would want to
//! sort or filter on. Written so that it opens cleanly in Excel and Google Sheets, and so that a
//! cell someone else typed (an imported name, a note) can never run as a formula there.

use super::by_name;
use crate::model::{Contact, Data, Id, Judgement};
use crate::network::cadence_days;
use chrono::NaiveDate;
use std::collections::HashMap;

const HEADER: [&str; 21] = [
    "Name",
    "Company",
    "Role",
    "Industry",
    "Location",
    "E-mail",
    "Phone",
    "Profile URL",
    "How we know each other",
    "How we met",
    "Shared experiences",
    "What I admire",
    "Know",
    "Like",
    "Trust",
    "Knows my work",
    "Cadence",
    "Tags",
    "Notes",
    "Last touch",
    "Added",
];

/// Every contact as CSV: UTF-8 with a byte-order mark (without it Excel reads "Zoë" as "ZoÃ«"),
/// CRLF line ends and RFC 4180 quoting. Rows are sorted by name.
pub fn contacts_csv(data: &Data) -> String {
    let last_touch = last_touches(data);
    let mut out = String::from("\u{FEFF}");
    push_row(&mut out, HEADER.iter().map(|h| h.to_string()));
    for contact in by_name(data) {
        push_row(&mut out, row(contact, last_touch.get(&contact.id).copied()));
    }
    out
}

/// The latest touchpoint per contact, in one pass rather than one scan per row.
fn last_touches(data: &Data) -> HashMap<Id, NaiveDate> {
    let mut last: HashMap<Id, NaiveDate> = HashMap::new();
    for t in data.touchpoints.values() {
        let day = last.entry(t.contact).or_insert(t.date);
        *day = (*day).max(t.date);
    }
    last
}

fn row(c: &Contact, last_touch: Option<NaiveDate>) -> impl Iterator<Item = String> {
    let date = crate::model::dates::iso;
    [
        c.name.clone(),
        c.company.clone(),
        c.role.clone(),
        c.industry.clone(),
        c.location.clone(),
        c.email.clone(),
        c.phone.clone(),
        c.profile_url.clone(),
        c.relationship.label().to_string(),
        c.how_we_met.clone(),
        c.shared.join("; "),
        c.admire.clone(),
        Judgement::Know.label(c.know).to_string(),
        Judgement::Like.label(c.like).to_string(),
        Judgement::Trust.label(c.trust).to_string(),
        if c.knows_my_work { "Yes" } else { "No" }.to_string(),
        // The cadence in effect, as the app shows it: an unset cadence follows the relationship.
        crate::model::cadence_label(cadence_days(c)),
        c.tags.join(", "),
        c.notes.clone(),
        last_touch.map(date).unwrap_or_default(),
        date(c.created.0.date_naive()),
    ]
    .into_iter()
}

fn push_row(out: &mut String, cells: impl Iterator<Item = String>) {
    for (i, cell) in cells.enumerate() {
        if i > 0 {
            out.push(',');
        }
        push_cell(out, &cell);
    }
    out.push_str("\r\n");
}

/// One cell, neutralised then quoted. A cell a spreadsheet would read as a formula (first
/// character `=`, `+`, `-`, `@`, tab or CR, as OWASP's CSV-injection advice lists) gets a leading
/// `'` so it shows as text. Cells with `;` are quoted too, though RFC 4180 does not need it:
/// Excel in a Dutch or German locale splits on semicolons, and an unquoted `a;=cmd` would start
/// a new cell there with a formula in it.
fn push_cell(out: &mut String, cell: &str) {
    let neutral = cell.starts_with(['=', '+', '-', '@', '\t', '\r']);
    let quoted = cell.contains(['"', ',', ';', '\r', '\n']);
    if quoted {
        out.push('"');
    }
    if neutral {
        out.push('\'');
    }
    for ch in cell.chars() {
        if ch == '"' {
            out.push('"');
        }
        out.push(ch);
    }
    if quoted {
        out.push('"');
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Direction, Relationship, Score, Stamp, TouchKind, Touchpoint};

    fn id(n: u128) -> Id {
        Id::from_u128(n)
    }

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("test dates are YYYY-MM-DD")
    }

    /// Added on 2025-01-02 (UTC).
    fn contact(n: u128, name: &str) -> Contact {
        Contact::new(id(n), name, Stamp::from_millis(1_735_822_800_000))
    }

    fn touch(n: u128, contact: u128, on: &str) -> Touchpoint {
        Touchpoint {
            id: id(n),
            contact: id(contact),
            date: day(on),
            kind: TouchKind::Call,
            direction: Direction::Neutral,
            note: String::new(),
            imported: None,
            created: Stamp::from_millis(0),
            updated: Stamp::from_millis(0),
        }
    }

    fn data(contacts: Vec<Contact>) -> Data {
        let mut data = Data::default();
        data.contacts.extend(contacts.into_iter().map(|c| (c.id, c)));
        data
    }

    /// An RFC 4180 reader, as a spreadsheet would read the file: rows of cells.
    fn parse(text: &str) -> Vec<Vec<String>> {
        let text = text.strip_prefix('\u{FEFF}').expect("the file starts with a BOM");
        let mut rows = Vec::new();
        let mut row = Vec::new();
        let mut cell = String::new();
        let mut chars = text.chars().peekable();
        let mut in_quotes = false;
        while let Some(c) = chars.next() {
            match (in_quotes, c) {
                (true, '"') if chars.peek() == Some(&'"') => {
                    chars.next();
                    cell.push('"');
                }
                (true, '"') => in_quotes = false,
                (true, c) => cell.push(c),
                (false, '"') => in_quotes = true,
                (false, ',') => row.push(std::mem::take(&mut cell)),
                (false, '\r') => {
                    assert_eq!(chars.next(), Some('\n'), "a row ends with CRLF");
                    row.push(std::mem::take(&mut cell));
                    rows.push(std::mem::take(&mut row));
                }
                (false, '\n') => panic!("a bare LF outside quotes"),
                (false, c) => cell.push(c),
            }
        }
        assert!(cell.is_empty() && row.is_empty(), "the last row ends with CRLF");
        rows
    }

    #[test]
    fn the_file_has_a_bom_a_header_and_one_crlf_row_per_contact_sorted_by_name() {
        let csv = contacts_csv(&data(vec![contact(1, "Zoë Ólafsson"), contact(2, "Ana Souza")]));
        assert!(csv.starts_with("\u{FEFF}Name,Company,Role,"));
        let rows = parse(&csv);
        assert_eq!(rows.len(), 3);
        assert_eq!(rows[0], HEADER.to_vec());
        assert_eq!(rows[1][0], "Ana Souza");
        assert_eq!(rows[2][0], "Zoë Ólafsson");
        assert!(rows.iter().all(|r| r.len() == HEADER.len()));
    }

    #[test]
    fn hostile_cells_are_shown_as_text_not_run_as_formulas() {
        let mut c = contact(1, "=HYPERLINK(\"http://x\")");
        c.phone = "+1 555 0100".into();
        c.company = "-2".into();
        c.role = "@SUM(A1:A9)".into();
        c.notes = "\tindented".into();
        c.industry = "a;=cmd".into();
        let rows = parse(&contacts_csv(&data(vec![c])));
        let cells = &rows[1];
        assert_eq!(cells[0], "'=HYPERLINK(\"http://x\")");
        assert_eq!(cells[1], "'-2");
        assert_eq!(cells[2], "'@SUM(A1:A9)");
        assert_eq!(cells[6], "'+1 555 0100");
        assert_eq!(cells[18], "'\tindented");
        assert_eq!(
            cells[3], "a;=cmd",
            "a formula after a semicolon stays inside its quoted cell"
        );
        let raw = contacts_csv(&data(vec![contact(1, "=HYPERLINK(\"http://x\")")]));
        assert!(raw.contains("\"'=HYPERLINK(\"\"http://x\"\")\""), "{raw}");
    }

    #[test]
    fn quotes_commas_and_newlines_survive_in_their_cell() {
        let mut c = contact(1, "Souza, Ana");
        c.notes = "Line one\nLine \"two\"\r\nLine three".into();
        c.shared = vec!["WMS migration, 2019".into(), "Six Sigma".into()];
        c.tags = vec!["ops".into(), "rotterdam".into()];
        let rows = parse(&contacts_csv(&data(vec![c.clone()])));
        assert_eq!(rows[1][0], "Souza, Ana");
        assert_eq!(rows[1][18], c.notes);
        assert_eq!(rows[1][10], "WMS migration, 2019; Six Sigma");
        assert_eq!(rows[1][17], "ops, rotterdam");
    }

    #[test]
    fn judgements_relationship_cadence_and_dates_read_as_words() {
        let mut c = contact(1, "Ana");
        c.relationship = Relationship::FormerColleague;
        c.know = Score::new(4);
        c.like = Score::new(3);
        c.knows_my_work = true;
        let mut d = data(vec![c, contact(2, "Bram")]);
        for t in [
            touch(10, 1, "2025-03-01"),
            touch(11, 1, "2025-05-20"),
            touch(12, 1, "2025-04-02"),
        ] {
            d.touchpoints.insert(t.id, t);
        }
        let rows = parse(&contacts_csv(&d));
        let ana = &rows[1];
        assert_eq!(ana[8], "Former colleague");
        assert_eq!(
            (ana[12].as_str(), ana[13].as_str(), ana[14].as_str()),
            ("Very well", "Warm", "Not judged yet")
        );
        assert_eq!(ana[15], "Yes");
        assert_eq!(ana[16], "Every two months", "the relationship's default cadence");
        assert_eq!(ana[19], "2025-05-20", "the latest touchpoint, not the last logged");
        assert_eq!(ana[20], "2025-01-02");
        let bram = &rows[2];
        assert_eq!((bram[15].as_str(), bram[19].as_str()), ("No", ""));
    }
}
