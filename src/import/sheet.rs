//! Contact spreadsheets: Google Contacts (current and older headers), Outlook, and any CSV of
//! people. Columns are recognised from their headers into a `Table` the user can re-map, and
//! `people_from_table` builds the people from whatever mapping is current.

use super::linkedin::header_key;
use super::{clean_email, clean_line, clean_text, http_url, Column, ImportError, Incoming, Skipped, Table};
use crate::import::csv::Record;

/// A spreadsheet as a table with each column recognised, or `NoNameColumn` when none is a name
/// (the table is then still of use to a caller that lets the user map columns: see `table`).
pub fn read_sheet(file: &str, rows: Vec<Record>) -> Result<Table, ImportError> {
    let t = table(rows);
    let named = t
        .mapping
        .iter()
        .any(|c| matches!(c, Column::Name | Column::FirstName | Column::LastName));
    if named {
        Ok(t)
    } else {
        Err(ImportError::NoNameColumn { file: file.into() })
    }
}

/// The first record as headers, the rest as rows, and the recognised mapping.
pub fn table(mut rows: Vec<Record>) -> Table {
    if rows.is_empty() {
        return Table::default();
    }
    let (_, headers) = rows.remove(0);
    let keys: Vec<String> = headers.iter().map(|h| normalise(h)).collect();
    // Outlook's `Title` is the honorific (Mr., Dr.); a sheet that also has `Job Title` is Outlook.
    let title_is_honorific = keys.iter().any(|k| k == "job title");
    let mapping = keys.iter().map(|k| recognise(k, title_is_honorific)).collect();
    Table { headers, mapping, rows }
}

/// A header reduced to lower-case words: "E-mail 1 - Value" → "e mail 1 value".
fn normalise(header: &str) -> String {
    let key = header_key(header);
    let spaced: String = key.chars().map(|c| if c.is_alphanumeric() { c } else { ' ' }).collect();
    spaced.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn recognise(key: &str, title_is_honorific: bool) -> Column {
    let has = |w: &str| key.split(' ').any(|word| word == w);
    let contains = |s: &str| key.contains(s);
    // Columns that describe another column (its label or type) or someone else's details.
    let describes = has("type") || has("label") || has("display") || has("kind") || has("phonetic") || has("yomi");
    let someone_else = contains("manager") || contains("assistant") || contains("spouse") || contains("child");
    match key {
        "name" | "full name" | "display name" | "contact name" | "contact" | "person" => return Column::Name,
        "first name" | "first" | "given name" | "firstname" | "given" | "forename" => return Column::FirstName,
        "middle name" | "middle" | "additional name" => return Column::MiddleName,
        "last name" | "last" | "family name" | "surname" | "lastname" | "family" => return Column::LastName,
        "title" if title_is_honorific => return Column::Prefix,
        "name prefix" | "prefix" | "honorific" | "salutation" => return Column::Prefix,
        "name suffix" | "suffix" => return Column::Suffix,
        "company"
        | "organization"
        | "organisation"
        | "employer"
        | "organization name"
        | "organization 1 name"
        | "company name"
        | "org"
        | "firma"
        | "empresa"
        | "entreprise" => return Column::Company,
        "department" | "dept" | "organization department" | "organization 1 department" => return Column::Department,
        "job title"
        | "title"
        | "position"
        | "role"
        | "organization title"
        | "organization 1 title"
        | "occupation"
        | "job" => return Column::Role,
        "notes" | "note" | "comments" | "comment" => return Column::Notes,
        "birthday" | "birth date" | "date of birth" | "dob" => return Column::Birthday,
        "labels" | "group membership" | "groups" | "group" | "categories" | "tags" => return Column::Labels,
        _ => {}
    }
    if describes || someone_else {
        return Column::Ignore;
    }
    if contains("mail") {
        Column::Email
    } else if (contains("phone") || has("mobile") || has("tel") || has("cell")) && !has("fax") && !has("pager") {
        Column::Phone
    } else if contains("linkedin")
        || has("url")
        || contains("website")
        || has("web")
        || contains("homepage")
        || has("profile")
    {
        Column::ProfileUrl
    } else if has("city") || has("location") || has("country") {
        Column::Location
    } else {
        Column::Ignore
    }
}

/// Several values in one cell: Google joins them with ` ::: `, others with newlines.
fn values(cell: &str) -> impl Iterator<Item = &str> {
    cell.split(":::")
        .flat_map(|v| v.split('\n'))
        .map(str::trim)
        .filter(|v| !v.is_empty())
}

/// The people of a table under its current mapping. A row with no name is left out and said so.
pub fn people_from_table(file: &str, table: &Table) -> (Vec<Incoming>, Vec<Skipped>) {
    let mut people = Vec::with_capacity(table.rows.len());
    let mut skipped = Vec::new();
    // Each target's columns, found once: Google's sheets have some ninety columns per row.
    let columns_of: Vec<Vec<usize>> = Column::ALL
        .iter()
        .map(|target| {
            (0..table.mapping.len())
                .filter(|&i| table.mapping[i] == *target)
                .collect()
        })
        .collect();
    for (line, row) in &table.rows {
        let cells = |column: Column| {
            let at = Column::ALL.iter().position(|c| *c == column).unwrap_or_default();
            columns_of[at].iter().filter_map(move |&i| row.get(i))
        };
        let first_of = |column: Column| {
            cells(column)
                .map(|v| clean_line(v))
                .find(|v| !v.is_empty())
                .unwrap_or_default()
        };
        let all_of = |column: Column| {
            let mut out: Vec<&str> = Vec::new();
            for v in cells(column) {
                for value in values(v) {
                    if !out.contains(&value) {
                        out.push(value);
                    }
                }
            }
            out
        };
        let mut name = first_of(Column::Name);
        if name.is_empty() {
            let parts = [
                Column::Prefix,
                Column::FirstName,
                Column::MiddleName,
                Column::LastName,
                Column::Suffix,
            ]
            .map(first_of);
            name = clean_line(&parts.join(" "));
        }
        if name.is_empty() {
            let empty = row.iter().all(|v| v.trim().is_empty());
            let reason = if empty { "an empty row" } else { "a row without a name" };
            skipped.push(Skipped {
                file: file.into(),
                line: *line,
                reason: reason.into(),
            });
            continue;
        }
        let urls: Vec<String> = all_of(Column::ProfileUrl).into_iter().filter_map(http_url).collect();
        let profile_url = super::keys::best_profile_url(&urls);
        // A city and a country make a location; Outlook's home and business cities both would not.
        let location: Vec<String> = all_of(Column::Location).into_iter().map(clean_line).take(2).collect();
        let notes: Vec<String> = cells(Column::Notes)
            .map(|v| clean_text(v))
            .filter(|v| !v.is_empty())
            .collect();
        // Outlook writes 0/0/00 for "no birthday".
        let birthday = Some(first_of(Column::Birthday))
            .filter(|b| b != "0/0/00")
            .unwrap_or_default();
        let labels = all_of(Column::Labels)
            .into_iter()
            .flat_map(|l| l.split(';'))
            .map(|l| clean_line(l.trim_start_matches('*')))
            // Google's system group, "* myContacts" now and "* My Contacts" before: everyone is in it.
            .filter(|l| !l.is_empty() && !l.replace(' ', "").eq_ignore_ascii_case("mycontacts"))
            .fold(Vec::new(), |mut acc: Vec<String>, l| {
                if !acc.contains(&l) {
                    acc.push(l);
                }
                acc
            });
        people.push(Incoming {
            line: *line,
            name,
            company: first_of(Column::Company),
            department: first_of(Column::Department),
            role: first_of(Column::Role),
            location: location.join(", "),
            emails: all_of(Column::Email).into_iter().filter_map(clean_email).collect(),
            phones: all_of(Column::Phone).into_iter().map(clean_line).collect(),
            profile_url,
            notes: notes.join("\n\n"),
            birthday,
            connected_on: None,
            labels,
        });
    }
    (people, skipped)
}
