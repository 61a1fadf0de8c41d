//! LinkedIn's export files, every era seen: Connections.csv (with or without the `Notes:`
//! preamble and the URL column, Excel re-saves), messages.csv summed up per person,
//! recommendations and endorsements received, and invitations. Columns are found by name.

use super::dates::{parse_date, parse_datetime};
use super::keys::profile_slug;
use super::{
    clean_email, clean_line, clean_line_owned, clean_text, http_url, Endorsement, Exchange, FileKind, Incoming,
    Invitation, Recommendation, Skipped,
};
use crate::import::csv::Record;
use chrono::NaiveDateTime;
use std::collections::{HashMap, HashSet};

/// How many records may come before the header: the `Notes:` line and its sentence (the blank
/// line after them is no record).
const PREAMBLE_RECORDS: usize = 4;

/// Which LinkedIn file a header row is, and the index of that row among the records.
pub fn detect(rows: &[Record]) -> Option<(FileKind, usize)> {
    rows.iter()
        .take(PREAMBLE_RECORDS + 1)
        .enumerate()
        .find_map(|(i, (_, header))| kind_of(header).map(|k| (k, i)))
}

fn kind_of(header: &[String]) -> Option<FileKind> {
    let h = Header::new(header);
    let has = |names: &[&str]| names.iter().all(|n| h.find(n).is_some());
    if has(&["first name", "last name", "connected on"]) {
        Some(FileKind::LinkedInConnections)
    } else if has(&["conversation id", "from", "content"]) {
        Some(FileKind::LinkedInMessages)
    } else if has(&["skill name", "endorser first name"]) {
        Some(FileKind::LinkedInEndorsements)
    } else if has(&["from", "to", "sent at", "direction"]) {
        Some(FileKind::LinkedInInvitations)
    } else if has(&["first name", "last name", "text", "creation date"]) {
        Some(FileKind::LinkedInRecommendations)
    } else {
        None
    }
}

/// A header row, looked up by name: case, spacing and a glued BOM make no difference.
pub struct Header(Vec<String>);

impl Header {
    pub fn new(names: &[String]) -> Header {
        Header(names.iter().map(|n| header_key(n)).collect())
    }

    pub fn find(&self, name: &str) -> Option<usize> {
        self.0.iter().position(|h| h == name)
    }
}

/// A header as compared: lower-case, BOM and outer spaces gone, inner spacing single.
pub fn header_key(name: &str) -> String {
    let name = name.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}' || c == '"');
    name.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}

/// A record's field by column, empty where the column or the field is missing (short rows).
fn field(row: &[String], column: Option<usize>) -> &str {
    column.and_then(|c| row.get(c)).map(String::as_str).unwrap_or("")
}

fn full_name(first: &str, last: &str) -> String {
    join_name(clean_line(first), clean_line(last))
}

/// "First Last" from parts already clean; either may be empty.
fn join_name(mut first: String, last: String) -> String {
    if first.is_empty() {
        return last;
    }
    if !last.is_empty() {
        first.push(' ');
        first.push_str(&last);
    }
    first
}

/// A record's field taken out of it, leaving it empty.
fn take(row: &mut [String], column: Option<usize>) -> String {
    column
        .and_then(|c| row.get_mut(c))
        .map(std::mem::take)
        .unwrap_or_default()
}

/// Connections.csv: one person per row. Rows of hidden or closed profiles hold only the date.
pub fn connections(file: &str, header: &[String], rows: Vec<Record>) -> (Vec<Incoming>, Vec<Skipped>) {
    let h = Header::new(header);
    let (first, last, url, email, company, position, connected) = (
        h.find("first name"),
        h.find("last name"),
        h.find("url"),
        h.find("email address"),
        h.find("company"),
        h.find("position"),
        h.find("connected on"),
    );
    let mut people = Vec::with_capacity(rows.len());
    let mut skipped = Vec::new();
    // The rows are taken apart rather than copied: the largest networks have 30,000 of them.
    for (line, mut row) in rows {
        let name = join_name(
            clean_line_owned(take(&mut row, first)),
            clean_line_owned(take(&mut row, last)),
        );
        if name.is_empty() {
            let reason = if row.iter().any(|f| !f.trim().is_empty()) {
                "a hidden or closed profile: LinkedIn gives only the date"
            } else {
                "an empty row"
            };
            skipped.push(Skipped {
                file: file.to_string(),
                line,
                reason: reason.into(),
            });
            continue;
        }
        people.push(Incoming {
            line,
            name,
            company: clean_line_owned(take(&mut row, company)),
            role: clean_line_owned(take(&mut row, position)),
            // Old exports put `urn:li:member:…` where the e-mail would be: not an address.
            emails: clean_email(field(&row, email)).into_iter().collect(),
            profile_url: http_url(field(&row, url)).unwrap_or_default(),
            connected_on: parse_date(field(&row, connected)),
            ..Incoming::default()
        });
    }
    (people, skipped)
}

struct Message {
    line: usize,
    conversation: String,
    from_slug: Option<String>,
    from_name: String,
    to_slugs: Vec<String>,
    to_name: String,
    at: NaiveDateTime,
    text: String,
}

/// messages.csv summed up per other person. The file never says who the user is, so the user is
/// the profile found in the most conversations (ties: the one who is not among `connections`,
/// then the one who sent most). Drafts are not messages anyone received.
pub fn messages(
    file: &str,
    header: &[String],
    rows: &[Record],
    connections: &HashSet<String>,
) -> (Vec<Exchange>, Vec<Skipped>) {
    let h = Header::new(header);
    let (conversation, from, sender, to, recipients, date, content, draft) = (
        h.find("conversation id"),
        h.find("from"),
        h.find("sender profile url"),
        h.find("to"),
        h.find("recipient profile urls"),
        h.find("date"),
        h.find("content"),
        h.find("is message draft"),
    );
    let mut skipped = Vec::new();
    let mut list = Vec::with_capacity(rows.len());
    for (line, row) in rows {
        if field(row, draft).trim().eq_ignore_ascii_case("yes") {
            continue;
        }
        let Some(at) = parse_datetime(field(row, date)) else {
            skipped.push(Skipped {
                file: file.into(),
                line: *line,
                reason: "a message without a date Vouch can read".into(),
            });
            continue;
        };
        list.push(Message {
            line: *line,
            conversation: field(row, conversation).trim().to_string(),
            from_slug: profile_slug(field(row, sender)),
            from_name: clean_line(field(row, from)),
            to_slugs: field(row, recipients)
                .split([',', ';', ' ', '\n'])
                .filter_map(profile_slug)
                .collect(),
            to_name: clean_line(field(row, to)),
            at,
            text: content.map(|_| strip_html(field(row, content))).unwrap_or_default(),
        });
    }
    // Older eras have no recipient URLs: a recipient is then known by the name they sent with.
    let mut slug_by_name: HashMap<String, String> = HashMap::new();
    for m in &list {
        if let Some(s) = &m.from_slug {
            slug_by_name.entry(m.from_name.clone()).or_insert_with(|| s.clone());
        }
    }
    for m in list.iter_mut().filter(|m| m.to_slugs.is_empty()) {
        m.to_slugs = m
            .to_name
            .split(',')
            .filter_map(|n| slug_by_name.get(n.trim()).cloned())
            .collect();
    }
    let Some(me) = find_user(&list, connections) else {
        if !list.is_empty() {
            let reason = "messages.csv has no profile links, so its messages can't be matched to anyone";
            skipped.push(Skipped {
                file: file.into(),
                line: 0,
                reason: reason.into(),
            });
        }
        return (Vec::new(), skipped);
    };
    let mut by_slug: HashMap<String, Exchange> = HashMap::new();
    let mut last_at: HashMap<String, NaiveDateTime> = HashMap::new();
    let mut record = |slug: &str, name: &str, m: &Message, from_me: bool| {
        let e = by_slug.entry(slug.to_string()).or_insert_with(|| Exchange {
            slug: slug.to_string(),
            ..Exchange::default()
        });
        e.messages += 1;
        // The name they send with is theirs; the name the user addressed them by only fills a gap.
        if (e.name.is_empty() || !from_me) && !name.is_empty() {
            e.name = name.to_string();
        }
        let newest = last_at.get(slug).is_none_or(|t| m.at >= *t);
        if newest {
            last_at.insert(slug.to_string(), m.at);
            e.last = m.at.date();
            e.last_from_me = from_me;
            e.last_text = m.text.clone();
        }
    };
    for m in &list {
        if m.from_slug.as_deref() == Some(me.as_str()) {
            let to: Vec<&str> = m.to_slugs.iter().map(String::as_str).filter(|s| *s != me).collect();
            let single = to.len() == 1;
            for slug in to {
                record(slug, if single { &m.to_name } else { "" }, m, true);
            }
        } else if let Some(slug) = &m.from_slug {
            record(slug, &m.from_name, m, false);
        } else {
            skipped.push(Skipped {
                file: file.into(),
                line: m.line,
                reason: "a message without the sender's profile link".into(),
            });
        }
    }
    let mut out: Vec<Exchange> = by_slug.into_values().collect();
    crate::sort::sort_by(&mut out, |a, b| b.last.cmp(&a.last).then_with(|| a.slug.cmp(&b.slug)));
    (out, skipped)
}

fn find_user(list: &[Message], connections: &HashSet<String>) -> Option<String> {
    let mut seen: HashSet<(&str, &str)> = HashSet::new();
    let mut conversations: HashMap<&str, usize> = HashMap::new();
    let mut sent: HashMap<&str, usize> = HashMap::new();
    for m in list {
        let people = m.from_slug.iter().chain(m.to_slugs.iter());
        for slug in people {
            if seen.insert((m.conversation.as_str(), slug.as_str())) {
                *conversations.entry(slug.as_str()).or_default() += 1;
            }
        }
        if let Some(s) = &m.from_slug {
            *sent.entry(s.as_str()).or_default() += 1;
        }
    }
    conversations
        .into_iter()
        .max_by(|(a, ca), (b, cb)| {
            ca.cmp(cb)
                .then_with(|| connections.contains(*b).cmp(&connections.contains(*a)))
                .then_with(|| sent.get(a).cmp(&sent.get(b)))
                .then_with(|| b.cmp(a))
        })
        .map(|(slug, _)| slug.to_string())
}

/// Message HTML as plain text on one line: tags dropped, the common entities read.
pub fn strip_html(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                out.push(' ');
            }
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    let text = out
        .replace("&nbsp;", " ")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&apos;", "'")
        .replace("&amp;", "&");
    clean_line(&text)
}

/// Recommendations_Received.csv. Hidden ones (Status other than VISIBLE) are kept — the person
/// still wrote them — and counted in the returned note so the preview can say so.
pub fn recommendations(header: &[String], rows: &[Record]) -> (Vec<Recommendation>, Option<String>) {
    let h = Header::new(header);
    let (first, last, company, title, text, date, status) = (
        h.find("first name"),
        h.find("last name"),
        h.find("company"),
        h.find("job title"),
        h.find("text"),
        h.find("creation date"),
        h.find("status"),
    );
    let mut hidden = 0;
    let mut out = Vec::new();
    for (line, row) in rows {
        let name = full_name(field(row, first), field(row, last));
        if name.is_empty() {
            continue;
        }
        let s = field(row, status).trim();
        if !s.is_empty() && !s.eq_ignore_ascii_case("visible") {
            hidden += 1;
        }
        out.push(Recommendation {
            line: *line,
            name,
            company: clean_line(field(row, company)),
            role: clean_line(field(row, title)),
            text: clean_text(field(row, text)),
            date: parse_date(field(row, date)),
        });
    }
    let note = (hidden > 0).then(|| {
        format!("{hidden} of these recommendations are not shown on your profile; they are read all the same")
    });
    (out, note)
}

/// Endorsement_Received_Info.csv summed up per endorser: their skills in first-seen order.
pub fn endorsements(file: &str, header: &[String], rows: &[Record]) -> (Vec<Endorsement>, Vec<Skipped>) {
    let h = Header::new(header);
    let (date, skill, first, last, url) = (
        h.find("endorsement date"),
        h.find("skill name"),
        h.find("endorser first name"),
        h.find("endorser last name"),
        h.find("endorser public url"),
    );
    let mut out: Vec<Endorsement> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    let mut skipped = Vec::new();
    for (line, row) in rows {
        let Some(slug) = profile_slug(field(row, url)) else {
            skipped.push(Skipped {
                file: file.into(),
                line: *line,
                reason: "an endorsement without the endorser's profile link".into(),
            });
            continue;
        };
        let i = *index.entry(slug.clone()).or_insert_with(|| {
            out.push(Endorsement {
                slug,
                ..Endorsement::default()
            });
            out.len() - 1
        });
        let e = &mut out[i];
        let name = full_name(field(row, first), field(row, last));
        if !name.is_empty() {
            e.name = name;
        }
        let skill = clean_line(field(row, skill));
        if !skill.is_empty() && !e.skills.contains(&skill) {
            e.skills.push(skill);
        }
        let d = parse_date(field(row, date));
        if d > e.last {
            e.last = d;
        }
    }
    (out, skipped)
}

/// Invitations.csv, both eras (profile URL columns only since late 2023).
pub fn invitations(header: &[String], rows: &[Record]) -> Vec<Invitation> {
    let h = Header::new(header);
    let (from, to, sent, message, direction, inviter, invitee) = (
        h.find("from"),
        h.find("to"),
        h.find("sent at"),
        h.find("message"),
        h.find("direction"),
        h.find("inviterprofileurl"),
        h.find("inviteeprofileurl"),
    );
    rows.iter()
        .map(|(line, row)| {
            let outgoing = field(row, direction).trim().eq_ignore_ascii_case("outgoing");
            let (name, url) = if outgoing {
                (field(row, to), field(row, invitee))
            } else {
                (field(row, from), field(row, inviter))
            };
            Invitation {
                line: *line,
                slug: profile_slug(url).unwrap_or_default(),
                name: clean_line(name),
                date: parse_date(field(row, sent)),
                message: clean_text(field(row, message)),
                outgoing,
            }
        })
        .filter(|i| !i.name.is_empty() || !i.slug.is_empty())
        .collect()
}
