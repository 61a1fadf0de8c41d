//! An import, from what the files say to one change to the data: who is new, who is already
//! there (and what would change), who might be a duplicate for the user to confirm, and the
//! history (messages, recommendations, endorsements, invitations) that lands on each contact.
//! Nothing the user wrote is overwritten and no field is blanked by an empty cell.

use super::keys::{email_key, name_company_key, name_key, phone_key, profile_slug};
use super::{Endorsement, Exchange, FileKind, Incoming, Invitation, Parsed, Recommendation, Skipped};
pub use crate::model::Touched;
use crate::model::{
    clean_email, clean_url, Contact, Data, Direction, Id, ImportedHistory, JobMove, Source, Stamp, TouchImport,
    TouchKind, Touchpoint, MAX_FIELD_CHARS, MAX_LINE_CHARS,
};
use crate::network::company_key;
use chrono::NaiveDate;
use std::collections::{HashMap, HashSet};

/// What the user chose on the preview screen, besides which rows to leave out.
#[derive(Clone, Debug, PartialEq)]
pub struct Options {
    /// The tag every new or updated contact of this import gets ("LinkedIn 2026-12"); empty for none.
    pub tag: String,
    /// Keep the text of each contact's most recent LinkedIn message on its touchpoint.
    pub keep_message_text: bool,
}

/// The tag an import gets unless the user names another: where it came from and the month.
pub fn default_tag(kinds: &[FileKind], today: NaiveDate) -> String {
    let source = if kinds.iter().any(|k| k.is_linkedin()) {
        "LinkedIn"
    } else if kinds.contains(&FileKind::VCard) {
        "vCard"
    } else {
        "Contacts"
    };
    format!("{source} {}", crate::model::dates::year_month(today))
}

impl FileKind {
    pub fn is_linkedin(self) -> bool {
        !matches!(self, FileKind::VCard | FileKind::ContactsCsv)
    }
}

/// A field an update would change, for the preview: "Company: Litware → Contoso".
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldChange {
    pub field: &'static str,
    pub from: String,
    pub to: String,
}

/// What one incoming person is, against the network.
#[derive(Clone, Debug, PartialEq)]
pub enum Verdict {
    New,
    /// The same person (same profile, e-mail or phone) with something new from the file.
    Update {
        id: Id,
        changes: Vec<FieldChange>,
    },
    /// The same person, and the file says nothing new.
    AlreadyThere {
        id: Id,
    },
    /// The same name at the same company: only the user can say whether it is the same person.
    Possible {
        id: Id,
    },
}

/// One incoming person in the preview. People that several files describe (the connections file
/// and a vCard) are one row.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    pub file: String,
    pub person: Incoming,
    pub verdict: Verdict,
}

/// Whom a piece of history belongs to: a contact already in the network, or a row of this import.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Target {
    Existing(Id),
    Row(usize),
}

#[derive(Clone, Debug, PartialEq)]
pub enum HistoryItem {
    Exchange(Exchange),
    Recommendation(Recommendation),
    Endorsement(Endorsement),
    Invitation(Invitation),
}

#[derive(Clone, Debug, PartialEq)]
pub struct History {
    pub target: Target,
    pub item: HistoryItem,
}

/// The counts the preview leads with.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    pub new: usize,
    pub updates: usize,
    pub already_there: usize,
    pub possible: usize,
    pub skipped: usize,
    /// Contacts (new or not) whose most recent LinkedIn message comes with this import.
    pub with_messages: usize,
    pub recommenders: usize,
    pub endorsers: usize,
    pub invitations: usize,
}

impl Summary {
    /// "1,843 new contacts, 212 with a recent message, 14 who recommended you".
    pub fn headline(&self) -> String {
        let mut parts = Vec::new();
        parts.push(count(self.new, "new contact", "new contacts"));
        if self.updates > 0 {
            parts.push(count(self.updates, "update", "updates"));
        }
        if self.with_messages > 0 {
            parts.push(format!("{} with a recent message", thousands(self.with_messages)));
        }
        if self.recommenders > 0 {
            parts.push(format!("{} who recommended you", thousands(self.recommenders)));
        }
        if self.endorsers > 0 {
            parts.push(format!("{} who endorsed your skills", thousands(self.endorsers)));
        }
        parts.join(", ")
    }
}

/// "1 new contact", "1,843 new contacts".
pub fn count(n: usize, one: &str, many: &str) -> String {
    format!("{} {}", thousands(n), if n == 1 { one } else { many })
}

/// 1843 → "1,843": how the preview and its notes write counts.
pub fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Everything an import would do, before anything is written.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Preview {
    pub rows: Vec<Row>,
    pub history: Vec<History>,
    pub skipped: Vec<Skipped>,
    pub notes: Vec<String>,
    pub summary: Summary,
}

/// The user's choices on the preview: rows left out, and possible duplicates confirmed as the
/// same person (the others are added as new contacts).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Choices {
    pub excluded: HashSet<usize>,
    pub same_person: HashSet<usize>,
}

/// Where to find a contact by what identifies them.
#[derive(Default)]
struct Index {
    slug: HashMap<String, Id>,
    email: HashMap<String, Id>,
    phone: HashMap<String, Id>,
    name_company: HashMap<(String, String), Id>,
    /// Names with every contact that has them, for the files that give only a name.
    name: HashMap<String, Vec<Id>>,
}

impl Index {
    fn of(data: &Data) -> Index {
        let mut index = Index::default();
        for c in data.contacts.values() {
            if let Some(s) = profile_slug(&c.profile_url) {
                index.slug.entry(s).or_insert(c.id);
            }
            if let Some(e) = email_key(&c.email) {
                index.email.entry(e).or_insert(c.id);
            }
            if let Some(p) = phone_key(&c.phone) {
                index.phone.entry(p).or_insert(c.id);
            }
            if let Some(k) = name_company_key(&c.name, &c.company) {
                index.name_company.entry(k).or_insert(c.id);
            }
            index.name.entry(name_key(&c.name)).or_default().push(c.id);
        }
        index
    }

    /// The same person for sure: one of profile, e-mail or phone matches.
    fn sure(&self, p: &Incoming) -> Option<Id> {
        profile_slug(&p.profile_url)
            .and_then(|s| self.slug.get(&s))
            .or_else(|| {
                p.emails
                    .iter()
                    .filter_map(|e| email_key(e))
                    .find_map(|e| self.email.get(&e))
            })
            .or_else(|| {
                p.phones
                    .iter()
                    .filter_map(|t| phone_key(t))
                    .find_map(|t| self.phone.get(&t))
            })
            .copied()
    }

    fn possible(&self, p: &Incoming) -> Option<Id> {
        name_company_key(&p.name, &p.company).and_then(|k| self.name_company.get(&k).copied())
    }

    /// For files that give only a name (and maybe a company): the one contact it can be.
    fn by_name(&self, name: &str, company: &str) -> Option<Id> {
        if let Some(k) = name_company_key(name, company) {
            if let Some(id) = self.name_company.get(&k) {
                return Some(*id);
            }
        }
        match self.name.get(&name_key(name)).map(Vec::as_slice) {
            Some([one]) => Some(*one),
            _ => None,
        }
    }

    fn add_row(&mut self, p: &Incoming, at: Id) {
        if let Some(s) = profile_slug(&p.profile_url) {
            self.slug.entry(s).or_insert(at);
        }
        for e in p.emails.iter().filter_map(|e| email_key(e)) {
            self.email.entry(e).or_insert(at);
        }
        for t in p.phones.iter().filter_map(|t| phone_key(t)) {
            self.phone.entry(t).or_insert(at);
        }
        if let Some(k) = name_company_key(&p.name, &p.company) {
            self.name_company.entry(k).or_insert(at);
        }
        self.name.entry(name_key(&p.name)).or_default().push(at);
    }
}

/// In the index of this import's own rows, a row stands as the id `n`: it never meets a
/// contact's id, since that index holds only rows.
fn row_id(n: usize) -> Id {
    Id::from_u128(n as u128)
}

fn as_row(id: Id) -> usize {
    id.as_u128() as usize
}

impl Preview {
    /// Matches what the files say against `data`. Pure and linear in the sizes of both.
    pub fn build(data: &Data, files: &[Parsed]) -> Preview {
        let existing = Index::of(data);
        let mut preview = Preview::default();
        let mut rows_index = Index::default();
        for file in files {
            preview.skipped.extend(file.skipped.iter().cloned());
            preview
                .notes
                .extend(file.notes.iter().map(|n| format!("{}: {n}", file.file)));
            for person in &file.people {
                // The same person twice in this import (two files, or twice in one): one row.
                if let Some(n) = rows_index.sure(person).map(as_row) {
                    merge_incoming(&mut preview.rows[n].person, person);
                    rows_index.add_row(person, row_id(n));
                    continue;
                }
                let n = preview.rows.len();
                rows_index.add_row(person, row_id(n));
                preview.rows.push(Row {
                    file: file.file.clone(),
                    person: person.clone(),
                    verdict: Verdict::New,
                });
            }
        }
        for row in &mut preview.rows {
            row.verdict = match existing.sure(&row.person) {
                Some(id) => {
                    let changes = changes_for(&data.contacts[&id], &row.person);
                    if changes.is_empty() {
                        Verdict::AlreadyThere { id }
                    } else {
                        Verdict::Update { id, changes }
                    }
                }
                None => match existing.possible(&row.person) {
                    Some(id) => Verdict::Possible { id },
                    None => Verdict::New,
                },
            };
        }
        // History finds its person among this import's rows first, then in the network.
        let by_slug = |slug: &str| -> Option<Target> {
            match rows_index.slug.get(slug) {
                Some(id) => Some(Target::Row(as_row(*id))),
                None => existing.slug.get(slug).map(|id| Target::Existing(*id)),
            }
        };
        let by_name = |name: &str, company: &str| -> Option<Target> {
            match rows_index.by_name(name, company) {
                Some(id) => Some(Target::Row(as_row(id))),
                None => existing.by_name(name, company).map(Target::Existing),
            }
        };
        for file in files {
            for x in &file.exchanges {
                match by_slug(&x.slug) {
                    Some(t) => preview.history.push(History {
                        target: t,
                        item: HistoryItem::Exchange(x.clone()),
                    }),
                    None => preview
                        .skipped
                        .push(not_a_contact(&file.file, 0, &x.name, "messages with")),
                }
            }
            for r in &file.recommendations {
                match by_name(&r.name, &r.company) {
                    Some(t) => preview.history.push(History {
                        target: t,
                        item: HistoryItem::Recommendation(r.clone()),
                    }),
                    None => preview
                        .skipped
                        .push(not_a_contact(&file.file, r.line, &r.name, "a recommendation from")),
                }
            }
            for e in &file.endorsements {
                match by_slug(&e.slug).or_else(|| by_name(&e.name, "")) {
                    Some(t) => preview.history.push(History {
                        target: t,
                        item: HistoryItem::Endorsement(e.clone()),
                    }),
                    None => preview
                        .skipped
                        .push(not_a_contact(&file.file, 0, &e.name, "endorsements from")),
                }
            }
            for i in file.invitations.iter().filter(|i| !i.message.trim().is_empty()) {
                let found = if i.slug.is_empty() { None } else { by_slug(&i.slug) };
                match found.or_else(|| by_name(&i.name, "")) {
                    Some(t) => preview.history.push(History {
                        target: t,
                        item: HistoryItem::Invitation(i.clone()),
                    }),
                    None => preview
                        .skipped
                        .push(not_a_contact(&file.file, i.line, &i.name, "an invitation from")),
                }
            }
        }
        preview.summary = preview.count();
        preview
    }

    fn count(&self) -> Summary {
        let mut s = Summary {
            skipped: self.skipped.len(),
            ..Summary::default()
        };
        for row in &self.rows {
            match row.verdict {
                Verdict::New => s.new += 1,
                Verdict::Update { .. } => s.updates += 1,
                Verdict::AlreadyThere { .. } => s.already_there += 1,
                Verdict::Possible { .. } => s.possible += 1,
            }
        }
        let mut seen: [HashSet<Target>; 4] = Default::default();
        for h in &self.history {
            let slot = match h.item {
                HistoryItem::Exchange(_) => 0,
                HistoryItem::Recommendation(_) => 1,
                HistoryItem::Endorsement(_) => 2,
                HistoryItem::Invitation(_) => 3,
            };
            seen[slot].insert(h.target);
        }
        s.with_messages = seen[0].len();
        s.recommenders = seen[1].len();
        s.endorsers = seen[2].len();
        s.invitations = seen[3].len();
        s
    }

    /// The change the import makes with the user's choices: every contact and touchpoint it adds
    /// or changes, and what undoing it needs. Pure: `data` is only read.
    pub fn batch(&self, data: &Data, choices: &Choices, options: &Options, today: NaiveDate, now: Stamp) -> Batch {
        let mut batch = Batch {
            undo: ImportUndo {
                batch: now,
                ..ImportUndo::default()
            },
            ..Batch::default()
        };
        let mut contacts: HashMap<Id, Contact> = HashMap::new();
        let mut order: Vec<Id> = Vec::new();
        let mut row_contact: HashMap<usize, Id> = HashMap::new();
        let tag = options.tag.trim();
        for (n, row) in self.rows.iter().enumerate() {
            if choices.excluded.contains(&n) {
                continue;
            }
            let existing = match &row.verdict {
                Verdict::New => None,
                Verdict::Possible { id } if choices.same_person.contains(&n) => Some(*id),
                Verdict::Possible { .. } => None,
                Verdict::Update { id, .. } | Verdict::AlreadyThere { id } => Some(*id),
            };
            match existing {
                Some(id) => {
                    row_contact.insert(n, id);
                    // Two rows can lead to one contact (one by profile, one by e-mail): the second
                    // builds on the first's changes.
                    let Some(mut c) = contacts.get(&id).or_else(|| data.contacts.get(&id)).cloned() else {
                        continue;
                    };
                    if apply_update(&mut c, &row.person, today) {
                        add_tag(&mut c, tag);
                        c.updated = now;
                        if contacts.insert(id, c).is_none() {
                            order.push(id);
                        }
                    }
                }
                None => {
                    let c = new_contact(row, tag, now);
                    row_contact.insert(n, c.id);
                    order.push(c.id);
                    contacts.insert(c.id, c);
                    batch.undo.created += 1;
                }
            }
        }
        let mut touches: Vec<Touchpoint> = Vec::new();
        // Imported touchpoints already there, by contact and kind, so a re-import updates them.
        let mut imported_touch: HashMap<(Id, ImportedHistory), &Touchpoint> = HashMap::new();
        for t in data.touchpoints.values() {
            if let Some(im) = t.imported {
                imported_touch.insert((t.contact, im.from), t);
            }
        }
        for h in &self.history {
            let id = match h.target {
                Target::Existing(id) => id,
                Target::Row(n) => match row_contact.get(&n) {
                    Some(id) => *id,
                    None => continue,
                },
            };
            let Some(mut c) = contacts.get(&id).cloned().or_else(|| data.contacts.get(&id).cloned()) else {
                continue;
            };
            let mut changed = false;
            match &h.item {
                HistoryItem::Exchange(x) => {
                    let note = exchange_note(x, options.keep_message_text);
                    let touch = history_touch(
                        imported_touch.get(&(id, ImportedHistory::Messages)).copied(),
                        id,
                        x.last,
                        note,
                        ImportedHistory::Messages,
                        now,
                    );
                    if let Some(t) = touch {
                        touches.push(t);
                    }
                }
                HistoryItem::Invitation(i) => {
                    let Some(date) = i.date else { continue };
                    let note = invitation_note(i);
                    let prior = imported_touch.get(&(id, ImportedHistory::Invitation)).copied();
                    // One invitation per person: a later file repeats it, it does not add another.
                    if prior.is_none() {
                        touches.extend(history_touch(None, id, date, note, ImportedHistory::Invitation, now));
                    }
                }
                HistoryItem::Recommendation(r) => {
                    let text = cut(r.text.trim(), MAX_FIELD_CHARS);
                    if !text.is_empty() && c.recommendation != text {
                        c.recommendation = text;
                        changed = true;
                    }
                }
                HistoryItem::Endorsement(e) => {
                    for skill in &e.skills {
                        let skill = cut(skill.trim(), MAX_LINE_CHARS);
                        if !skill.is_empty() && !c.endorsed.iter().any(|s| s.eq_ignore_ascii_case(&skill)) {
                            c.endorsed.push(skill);
                            changed = true;
                        }
                    }
                }
            }
            if changed {
                if !contacts.contains_key(&id) {
                    order.push(id);
                }
                c.updated = now;
                contacts.insert(id, c);
            }
        }
        for id in &order {
            if let Some(before) = data.contacts.get(id) {
                batch.undo.before.push(before.clone());
            }
        }
        for t in &touches {
            if let Some(before) = data.touchpoints.get(&t.id) {
                batch.undo.touch_before.push(before.clone());
            }
        }
        batch.contacts = order.into_iter().filter_map(|id| contacts.remove(&id)).collect();
        batch.touchpoints = touches;
        batch
    }
}

fn not_a_contact(file: &str, line: usize, name: &str, what: &str) -> Skipped {
    let who = if name.trim().is_empty() { "someone" } else { name.trim() };
    Skipped {
        file: file.to_string(),
        line,
        reason: format!("{what} {who}, who is not among your contacts"),
    }
}

/// Fills what the first file left empty from the second (the same person in two files).
fn merge_incoming(into: &mut Incoming, other: &Incoming) {
    fn fill(a: &mut String, b: &str) {
        if a.is_empty() {
            *a = b.to_string();
        }
    }
    fill(&mut into.name, &other.name);
    fill(&mut into.company, &other.company);
    fill(&mut into.role, &other.role);
    fill(&mut into.location, &other.location);
    fill(&mut into.profile_url, &other.profile_url);
    fill(&mut into.notes, &other.notes);
    fill(&mut into.birthday, &other.birthday);
    into.connected_on = into.connected_on.or(other.connected_on);
    for (list, more) in [
        (&mut into.emails, &other.emails),
        (&mut into.phones, &other.phones),
        (&mut into.labels, &other.labels),
    ] {
        for v in more {
            if !list.iter().any(|x| x.eq_ignore_ascii_case(v)) {
                list.push(v.clone());
            }
        }
    }
}

/// Cuts to at most `max` characters, never inside a character.
fn cut(text: &str, max: usize) -> String {
    match text.char_indices().nth(max) {
        Some((at, _)) => text[..at].trim_end().to_string(),
        None => text.to_string(),
    }
}

fn line(text: &str) -> String {
    cut(text.trim(), MAX_LINE_CHARS)
}

fn first_email(p: &Incoming) -> String {
    p.emails
        .iter()
        .find_map(|e| clean_email("E-mail", &line(e)).ok().filter(|e| !e.is_empty()))
        .unwrap_or_default()
}

fn first_phone(p: &Incoming) -> String {
    p.phones
        .iter()
        .map(|t| line(t))
        .find(|t| !t.is_empty())
        .unwrap_or_default()
}

fn profile(p: &Incoming) -> String {
    clean_url("Profile URL", &line(&p.profile_url)).unwrap_or_default()
}

/// What an update would change on `c`: job, place, and whatever `c` lacks. Never a field the
/// user wrote (notes, judgements, how we know each other, cadence), never to empty.
fn changes_for(c: &Contact, p: &Incoming) -> Vec<FieldChange> {
    let mut out = Vec::new();
    let mut change = |field: &'static str, from: &str, to: String| {
        out.push(FieldChange {
            field,
            from: from.to_string(),
            to,
        })
    };
    let company = line(&p.company);
    if !company.is_empty() && company_key(&company) != company_key(&c.company) {
        change("Company", &c.company, company);
    }
    let role = line(&p.role);
    if !role.is_empty() && role != c.role {
        change("Role", &c.role, role);
    }
    let location = line(&p.location);
    if !location.is_empty() && c.location.is_empty() {
        change("Location", "", location);
    }
    let email = first_email(p);
    if !email.is_empty() && c.email.is_empty() {
        change("E-mail", "", email);
    }
    let phone = first_phone(p);
    if !phone.is_empty() && c.phone.is_empty() {
        change("Phone", "", phone);
    }
    let url = profile(p);
    if !url.is_empty() && c.profile_url.is_empty() {
        change("Profile URL", "", url);
    }
    if c.connected_on.is_none() {
        if let Some(d) = p.connected_on {
            change("Connected on", "", crate::model::dates::short_date(d));
        }
    }
    out
}

/// Applies `changes_for` to `c`; a new company is news (`moved`). Returns whether anything changed.
fn apply_update(c: &mut Contact, p: &Incoming, today: NaiveDate) -> bool {
    let changes = changes_for(c, p);
    for ch in &changes {
        match ch.field {
            "Company" => {
                if !c.company.is_empty() {
                    c.moved = Some(JobMove {
                        from: c.company.clone(),
                        to: ch.to.clone(),
                        seen: today,
                    });
                }
                c.company = ch.to.clone();
            }
            "Role" => c.role = ch.to.clone(),
            "Location" => c.location = ch.to.clone(),
            "E-mail" => c.email = ch.to.clone(),
            "Phone" => c.phone = ch.to.clone(),
            "Profile URL" => c.profile_url = ch.to.clone(),
            "Connected on" => c.connected_on = p.connected_on,
            _ => {}
        }
    }
    !changes.is_empty()
}

fn add_tag(c: &mut Contact, tag: &str) {
    let tag = line(tag);
    if !tag.is_empty() && !c.tags.iter().any(|t| t.eq_ignore_ascii_case(&tag)) {
        c.tags.push(tag);
    }
}

fn new_contact(row: &Row, tag: &str, now: Stamp) -> Contact {
    let p = &row.person;
    let mut c = Contact::new(Id::new_v4(), line(&p.name), now);
    c.company = line(&p.company);
    c.role = line(&p.role);
    c.location = line(&p.location);
    c.email = first_email(p);
    c.phone = first_phone(p);
    c.profile_url = profile(p);
    c.connected_on = p.connected_on;
    let mut notes: Vec<String> = Vec::new();
    if !p.notes.trim().is_empty() {
        notes.push(p.notes.trim().to_string());
    }
    if !p.department.trim().is_empty() {
        notes.push(format!("Department: {}", line(&p.department)));
    }
    if !p.birthday.trim().is_empty() {
        notes.push(format!("Birthday: {}", line(&p.birthday)));
    }
    let more_emails: Vec<&str> = p
        .emails
        .iter()
        .map(|e| e.trim())
        .filter(|e| !e.is_empty() && !e.eq_ignore_ascii_case(&c.email))
        .collect();
    if !more_emails.is_empty() {
        notes.push(format!("Other e-mail: {}", more_emails.join(", ")));
    }
    let more_phones: Vec<&str> = p
        .phones
        .iter()
        .map(|t| t.trim())
        .filter(|t| !t.is_empty() && *t != c.phone)
        .collect();
    if !more_phones.is_empty() {
        notes.push(format!("Other phone: {}", more_phones.join(", ")));
    }
    c.notes = cut(&notes.join("\n"), MAX_FIELD_CHARS);
    add_tag(&mut c, tag);
    for label in &p.labels {
        add_tag(&mut c, label);
    }
    c.source = Source::Imported {
        file: line(&row.file),
        batch: Some(now),
    };
    c
}

fn exchange_note(x: &Exchange, keep_text: bool) -> String {
    let count = if x.messages == 1 {
        "1 LinkedIn message".to_string()
    } else {
        format!("{} LinkedIn messages", thousands(x.messages as usize))
    };
    let who = if x.last_from_me { "you" } else { "them" };
    let mut note = format!("{count}; the last one from {who}.");
    if keep_text && !x.last_text.trim().is_empty() {
        note.push_str("\n\n");
        note.push_str(x.last_text.trim());
    }
    cut(&note, MAX_FIELD_CHARS)
}

fn invitation_note(i: &Invitation) -> String {
    let head = if i.outgoing {
        "You invited them to connect on LinkedIn:"
    } else {
        "They invited you to connect on LinkedIn:"
    };
    cut(&format!("{head} \u{201c}{}\u{201d}", i.message.trim()), MAX_FIELD_CHARS)
}

/// The touchpoint a piece of history becomes, or `None` when the one already there says the same.
fn history_touch(
    prior: Option<&Touchpoint>,
    contact: Id,
    date: NaiveDate,
    note: String,
    from: ImportedHistory,
    now: Stamp,
) -> Option<Touchpoint> {
    let imported = Some(TouchImport { from, batch: now });
    match prior {
        Some(t) if t.date > date || (t.date == date && t.note == note) => None,
        Some(t) => Some(Touchpoint {
            date,
            note,
            imported,
            updated: now,
            ..t.clone()
        }),
        None => Some(Touchpoint {
            id: Id::new_v4(),
            contact,
            date,
            kind: TouchKind::Note,
            direction: Direction::Neutral,
            note,
            imported,
            created: now,
            updated: now,
        }),
    }
}

/// One import as a change to the data: applied at once and saved at once.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Batch {
    /// New contacts and changed ones, whole.
    pub contacts: Vec<Contact>,
    pub touchpoints: Vec<Touchpoint>,
    pub undo: ImportUndo,
}

impl Batch {
    /// Applies the import; returns the ids it touched, for the one save.
    pub fn apply(&self, data: &mut Data) -> Touched {
        for c in &self.contacts {
            data.contacts.insert(c.id, c.clone());
        }
        for t in &self.touchpoints {
            data.touchpoints.insert(t.id, t.clone());
        }
        Touched {
            contacts: self.contacts.iter().map(|c| c.id).collect(),
            touchpoints: self.touchpoints.iter().map(|t| t.id).collect(),
            ..Touched::default()
        }
    }

    pub fn is_empty(&self) -> bool {
        self.contacts.is_empty() && self.touchpoints.is_empty()
    }

    /// What the import did, for the done screen and its toast: "Imported 3 new contacts, 2
    /// updated and 5 touchpoints from your history."
    pub fn headline(&self) -> String {
        let created = self.undo.created;
        let updated = self.contacts.len() - created;
        let mut parts = Vec::new();
        if created > 0 {
            parts.push(count(created, "new contact", "new contacts"));
        }
        if updated > 0 {
            parts.push(format!("{} updated", thousands(updated)));
        }
        if !self.touchpoints.is_empty() {
            parts.push(count(
                self.touchpoints.len(),
                "touchpoint from your history",
                "touchpoints from your history",
            ));
        }
        match parts.as_slice() {
            [] => "Nothing to change: everyone in the files is already in your network as they are.".into(),
            [one] => format!("Imported {one}."),
            [init @ .., last] => format!("Imported {} and {last}.", init.join(", ")),
        }
    }
}

/// What undoing the last import needs. Contacts it created and touchpoints it made are found by
/// its `batch` stamp, so only what it changed is kept here.
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct ImportUndo {
    pub batch: Stamp,
    /// How many contacts it created, for the words on the Undo button.
    pub created: usize,
    /// Contacts it changed, as they were before.
    pub before: Vec<Contact>,
    /// Imported touchpoints it updated, as they were before.
    pub touch_before: Vec<Touchpoint>,
}

/// Undoing an import as one change: what to remove and what to put back.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Undo {
    pub remove_contacts: Vec<Id>,
    pub remove_touchpoints: Vec<Id>,
    pub restore_contacts: Vec<Contact>,
    pub restore_touchpoints: Vec<Touchpoint>,
}

impl ImportUndo {
    /// The change that takes the import back out of `data` as it is now. Contacts the import
    /// created go with everything since attached to them (as a delete would), so nothing is left
    /// pointing at a contact that no longer exists.
    pub fn undo(&self, data: &Data) -> Undo {
        let created = |c: &Contact| matches!(c.source, Source::Imported { batch: Some(b), .. } if b == self.batch);
        let remove_contacts: Vec<Id> = data.contacts.values().filter(|c| created(c)).map(|c| c.id).collect();
        let restored: HashSet<Id> = self.touch_before.iter().map(|t| t.id).collect();
        let remove_touchpoints = data
            .touchpoints
            .values()
            .filter(|t| t.imported.is_some_and(|im| im.batch == self.batch) && !restored.contains(&t.id))
            .map(|t| t.id)
            .collect();
        Undo {
            remove_contacts,
            remove_touchpoints,
            restore_contacts: self.before.clone(),
            restore_touchpoints: self.touch_before.clone(),
        }
    }
}

impl Undo {
    /// Applies the undo; returns every record id it touched, by kind, for the one save.
    pub fn apply(&self, data: &mut Data) -> Touched {
        let mut touched = Touched::default();
        for id in &self.remove_contacts {
            if let Some(removed) = data.remove_contact(*id) {
                touched.contacts.push(*id);
                touched.links.extend(removed.links.iter().map(|r| r.id));
                touched.touchpoints.extend(removed.touchpoints.iter().map(|r| r.id));
                touched.asks.extend(removed.asks.iter().map(|r| r.id));
                touched.referrals.extend(removed.referrals.iter().map(|r| r.id));
            }
        }
        for id in &self.remove_touchpoints {
            data.touchpoints.remove(id);
            touched.touchpoints.push(*id);
        }
        for c in &self.restore_contacts {
            data.contacts.insert(c.id, c.clone());
            touched.contacts.push(c.id);
        }
        for t in &self.restore_touchpoints {
            data.touchpoints.insert(t.id, t.clone());
            touched.touchpoints.push(t.id);
        }
        touched
    }
}

#[cfg(test)]
#[path = "plan_tests.rs"]
mod tests;
