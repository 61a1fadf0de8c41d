//! The same person twice in the network (typed once and imported later, or in two imported files):
//! finding such pairs, and merging one into the other without losing a touchpoint, ask, referral
//! or knows-link. Pure: `merge_contacts` builds the change, `Merge::apply` makes it in one step.

use super::paths::company_key;
use crate::import::keys::{email_key, name_company_key, name_key, phone_key, profile_slug};
use crate::model::{
    cadence_label, Ask, Contact, Data, Id, Judgement, KnowsLink, Person, Referral, Relationship, Score, Stamp,
    Touchpoint,
};
use std::collections::{HashMap, HashSet};

/// How sure the match is. `Same` pairs share something only one person has; `Possible` pairs only
/// share a name and an employer, which two colleagues can, so the user confirms them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Certainty {
    Same,
    Possible,
}

/// What two contacts were found to share.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MatchKey {
    /// The same LinkedIn profile.
    Profile,
    /// The same e-mail, case-blind.
    Email,
    /// The same phone digits.
    Phone,
    /// The same folded name at the same company.
    NameAndCompany,
}

/// A single-valued field of a contact on which a merge takes one side. Tags, shared experiences
/// and notes are not among them: a merge keeps both sides of those.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MergeField {
    Name,
    Company,
    Role,
    Industry,
    Location,
    Email,
    Phone,
    ProfileUrl,
    Relationship,
    HowWeMet,
    Admire,
    Know,
    Like,
    Trust,
    KnowsMyWork,
    Cadence,
}

impl MergeField {
    pub const ALL: [MergeField; 16] = [
        MergeField::Name,
        MergeField::Company,
        MergeField::Role,
        MergeField::Industry,
        MergeField::Location,
        MergeField::Email,
        MergeField::Phone,
        MergeField::ProfileUrl,
        MergeField::Relationship,
        MergeField::HowWeMet,
        MergeField::Admire,
        MergeField::Know,
        MergeField::Like,
        MergeField::Trust,
        MergeField::KnowsMyWork,
        MergeField::Cadence,
    ];

    pub fn label(self) -> &'static str {
        match self {
            MergeField::Name => "Name",
            MergeField::Company => "Company",
            MergeField::Role => "Role",
            MergeField::Industry => "Industry",
            MergeField::Location => "Location",
            MergeField::Email => "E-mail",
            MergeField::Phone => "Phone",
            MergeField::ProfileUrl => "Profile URL",
            MergeField::Relationship => "How we know each other",
            MergeField::HowWeMet => "How we met",
            MergeField::Admire => "What I admire",
            MergeField::Know => "Know",
            MergeField::Like => "Like",
            MergeField::Trust => "Trust",
            MergeField::KnowsMyWork => "Knows my work",
            MergeField::Cadence => "Cadence",
        }
    }

    /// The field as the merge screen shows it.
    pub fn shown(self, c: &Contact) -> String {
        match self {
            MergeField::Name => c.name.clone(),
            MergeField::Company => c.company.clone(),
            MergeField::Role => c.role.clone(),
            MergeField::Industry => c.industry.clone(),
            MergeField::Location => c.location.clone(),
            MergeField::Email => c.email.clone(),
            MergeField::Phone => c.phone.clone(),
            MergeField::ProfileUrl => c.profile_url.clone(),
            MergeField::Relationship => c.relationship.label().to_string(),
            MergeField::HowWeMet => c.how_we_met.clone(),
            MergeField::Admire => c.admire.clone(),
            MergeField::Know => Judgement::Know.label(c.know).to_string(),
            MergeField::Like => Judgement::Like.label(c.like).to_string(),
            MergeField::Trust => Judgement::Trust.label(c.trust).to_string(),
            MergeField::KnowsMyWork => if c.knows_my_work { "Yes" } else { "No" }.to_string(),
            MergeField::Cadence => c.cadence_days.map(cadence_label).unwrap_or_default(),
        }
    }

    /// Compared as stored, without building the shown text: a pair check runs for every pair of
    /// a 30,000-contact network. A cadence left unset and one chosen equal to the default differ.
    fn differs(self, a: &Contact, b: &Contact) -> bool {
        match self {
            MergeField::Name => a.name != b.name,
            MergeField::Company => a.company != b.company,
            MergeField::Role => a.role != b.role,
            MergeField::Industry => a.industry != b.industry,
            MergeField::Location => a.location != b.location,
            MergeField::Email => a.email != b.email,
            MergeField::Phone => a.phone != b.phone,
            MergeField::ProfileUrl => a.profile_url != b.profile_url,
            MergeField::Relationship => a.relationship != b.relationship,
            MergeField::HowWeMet => a.how_we_met != b.how_we_met,
            MergeField::Admire => a.admire != b.admire,
            MergeField::Know => a.know != b.know,
            MergeField::Like => a.like != b.like,
            MergeField::Trust => a.trust != b.trust,
            MergeField::KnowsMyWork => a.knows_my_work != b.knows_my_work,
            MergeField::Cadence => a.cadence_days != b.cadence_days,
        }
    }
}

/// Which contact of a merge a field is taken from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Side {
    Keep,
    Other,
}

/// A field on which the two contacts of a pair differ, as each shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldDiff {
    pub field: MergeField,
    pub a: String,
    pub b: String,
}

/// Two contacts that are, or may be, one person. `a` is the one added first: the one to keep by
/// default, so `FieldDiff::a` is `Side::Keep` when merging `b` into `a`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DuplicatePair {
    pub a: Id,
    pub b: Id,
    pub certainty: Certainty,
    /// What the two share directly. Empty for a pair of a group that is linked only through a
    /// third contact (a shares an e-mail with c, c a phone with b).
    pub matched_on: Vec<MatchKey>,
    /// Every single-valued field on which they differ, including one side being blank.
    pub differences: Vec<FieldDiff>,
}

/// The identity keys of one contact, computed once.
struct Keys {
    slug: Option<String>,
    email: Option<String>,
    phone: Option<String>,
    name_company: Option<(String, String)>,
}

impl Keys {
    fn of(c: &Contact) -> Keys {
        Keys {
            slug: profile_slug(&c.profile_url),
            email: email_key(&c.email),
            phone: phone_key(&c.phone),
            name_company: name_company_key(&c.name, &c.company),
        }
    }

    fn shared_with(&self, other: &Keys) -> Vec<MatchKey> {
        let same = |a: &Option<String>, b: &Option<String>| a.is_some() && a == b;
        let mut on = Vec::new();
        if same(&self.slug, &other.slug) {
            on.push(MatchKey::Profile);
        }
        if same(&self.email, &other.email) {
            on.push(MatchKey::Email);
        }
        if same(&self.phone, &other.phone) {
            on.push(MatchKey::Phone);
        }
        if self.name_company.is_some() && self.name_company == other.name_company {
            on.push(MatchKey::NameAndCompany);
        }
        on
    }
}

/// Union-find over contact positions, so that a group linked through different keys (an e-mail
/// here, a phone there) is one group with one first contact.
struct Groups(Vec<usize>);

impl Groups {
    fn find(&mut self, mut i: usize) -> usize {
        while self.0[i] != i {
            self.0[i] = self.0[self.0[i]];
            i = self.0[i];
        }
        i
    }

    /// Joins two groups under the earlier root, so a root is always its group's first contact.
    fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        let (first, later) = (ra.min(rb), ra.max(rb));
        self.0[later] = first;
    }
}

/// Every pair of contacts that are surely (`Same`) or possibly (`Possible`) one person, each pair
/// once. A group of three or more gives one pair per later contact, each with the group's first
/// (the earliest added), so merging every pair leaves one contact. Sure pairs come first, then
/// by the first contact's name. Runs in one pass of hash maps: a 30,000-contact network is fine.
pub fn find_duplicates(data: &Data) -> Vec<DuplicatePair> {
    let mut contacts: Vec<&Contact> = data.contacts.values().collect();
    crate::sort::sort_by(&mut contacts, |a, b| {
        a.created.cmp(&b.created).then_with(|| a.id.cmp(&b.id))
    });
    let keys: Vec<Keys> = contacts.iter().map(|c| Keys::of(c)).collect();

    let mut groups = Groups((0..contacts.len()).collect());
    let mut seen: [HashMap<&str, usize>; 3] = std::array::from_fn(|_| HashMap::with_capacity(contacts.len()));
    for (i, k) in keys.iter().enumerate() {
        for (map, key) in seen.iter_mut().zip([&k.slug, &k.email, &k.phone]) {
            if let Some(key) = key {
                match map.get(key.as_str()) {
                    Some(&first) => groups.union(first, i),
                    None => {
                        map.insert(key.as_str(), i);
                    }
                }
            }
        }
    }

    let mut pairs: Vec<(usize, usize, Certainty)> = Vec::new();
    for i in 0..contacts.len() {
        let root = groups.find(i);
        if root != i {
            pairs.push((root, i, Certainty::Same));
        }
    }
    let mut by_name: HashMap<&(String, String), usize> = HashMap::with_capacity(contacts.len());
    for (i, k) in keys.iter().enumerate() {
        let Some(key) = &k.name_company else { continue };
        match by_name.get(key) {
            // Already one sure group: their sure pair says it, and more strongly.
            Some(&first) if groups.find(first) == groups.find(i) => {}
            Some(&first) => pairs.push((first, i, Certainty::Possible)),
            None => {
                by_name.insert(key, i);
            }
        }
    }

    let mut named: Vec<(Certainty, String, usize, usize)> = pairs
        .into_iter()
        .map(|(a, b, certainty)| {
            let name = match &keys[a].name_company {
                Some((name, _)) => name.clone(),
                None => name_key(&contacts[a].name),
            };
            (certainty, name, a, b)
        })
        .collect();
    // Each pair is already there once: a contact is the later half of at most one sure pair and
    // one possible pair, and a possible pair inside a sure group was skipped.
    crate::sort::sort(&mut named);
    named
        .into_iter()
        .map(|(certainty, _, a, b)| {
            let (ca, cb) = (contacts[a], contacts[b]);
            DuplicatePair {
                a: ca.id,
                b: cb.id,
                certainty,
                matched_on: keys[a].shared_with(&keys[b]),
                differences: MergeField::ALL
                    .into_iter()
                    .filter(|f| f.differs(ca, cb))
                    .map(|field| FieldDiff {
                        field,
                        a: field.shown(ca),
                        b: field.shown(cb),
                    })
                    .collect(),
            }
        })
        .collect()
}

/// Why a merge could not be built.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MergeError {
    #[error("a contact cannot be merged with itself")]
    SameContact(Id),
    #[error("the contact to keep is no longer in the network; it may have been deleted in another tab")]
    KeepMissing(Id),
    #[error("the contact to merge in is no longer in the network; it may have been deleted in another tab")]
    OtherMissing(Id),
}

/// One merge as a change to the data: the merged contact (with the kept id), every record that now
/// points at it instead of the removed contact, and the knows-links that merging made redundant.
#[derive(Clone, Debug, PartialEq)]
pub struct Merge {
    pub contact: Contact,
    pub touchpoints: Vec<Touchpoint>,
    pub asks: Vec<Ask>,
    pub referrals: Vec<Referral>,
    /// Links re-pointed at the kept contact, or kept in place of a duplicate.
    pub links: Vec<KnowsLink>,
    /// Links dropped: one that became the contact knowing themselves, or a duplicate of another.
    pub removed_links: Vec<Id>,
    /// The contact merged in, to remove.
    pub removed: Id,
}

impl Merge {
    /// Every record the merge changes or removes, for the one save.
    pub fn touched(&self) -> crate::model::Touched {
        crate::model::Touched {
            contacts: vec![self.contact.id, self.removed],
            touchpoints: self.touchpoints.iter().map(|t| t.id).collect(),
            links: self
                .links
                .iter()
                .map(|l| l.id)
                .chain(self.removed_links.iter().copied())
                .collect(),
            goals: Vec::new(),
            asks: self.asks.iter().map(|a| a.id).collect(),
            referrals: self.referrals.iter().map(|r| r.id).collect(),
        }
    }

    /// Writes the change into `data`: one user action, one change.
    pub fn apply(self, data: &mut Data) {
        // Not `Data::remove_contact`: that would delete what this merge has just re-pointed.
        data.contacts.remove(&self.removed);
        data.contacts.insert(self.contact.id, self.contact);
        data.touchpoints.extend(self.touchpoints.into_iter().map(|t| (t.id, t)));
        data.asks.extend(self.asks.into_iter().map(|a| (a.id, a)));
        data.referrals.extend(self.referrals.into_iter().map(|r| (r.id, r)));
        for id in &self.removed_links {
            data.links.remove(id);
        }
        data.links.extend(self.links.into_iter().map(|l| (l.id, l)));
    }
}

/// Merges `other` into `keep`. For each single-valued field, `choices` says whose value wins;
/// without a choice a judgement takes the higher of the two (and knows-my-work "yes"), anything
/// else keeps `keep`'s value unless it is blank. Tags and shared experiences are united, deduped
/// case-blind; notes are joined with a blank line. An e-mail, phone or profile link that loses to
/// a different one is added to the notes rather than lost. Every touchpoint, ask, referral and
/// knows-link of `other` moves to `keep`.
pub fn merge_contacts(
    data: &Data,
    keep: Id,
    other: Id,
    choices: &[(MergeField, Side)],
    now: Stamp,
) -> Result<Merge, MergeError> {
    if keep == other {
        return Err(MergeError::SameContact(keep));
    }
    let k = data.contacts.get(&keep).ok_or(MergeError::KeepMissing(keep))?;
    let o = data.contacts.get(&other).ok_or(MergeError::OtherMissing(other))?;
    let choice = |field: MergeField| choices.iter().rev().find(|(f, _)| *f == field).map(|(_, s)| *s);

    let mut merged = k.clone();
    let mut also: Vec<String> = Vec::new();
    {
        let mut text = |field: MergeField, slot: &mut String, theirs: &str| {
            let mine = std::mem::take(slot);
            let (won, lost) = match choice(field) {
                Some(Side::Other) => (theirs.to_string(), mine),
                Some(Side::Keep) => (mine, theirs.to_string()),
                None if mine.is_empty() => (theirs.to_string(), mine),
                None => (mine, theirs.to_string()),
            };
            if !lost.is_empty() && is_other_detail(field, &won, &lost) {
                also.push(format!("Also {}: {lost}", field.label().to_lowercase()));
            }
            *slot = won;
        };
        text(MergeField::Name, &mut merged.name, &o.name);
        text(MergeField::Company, &mut merged.company, &o.company);
        text(MergeField::Role, &mut merged.role, &o.role);
        text(MergeField::Industry, &mut merged.industry, &o.industry);
        text(MergeField::Location, &mut merged.location, &o.location);
        text(MergeField::Email, &mut merged.email, &o.email);
        text(MergeField::Phone, &mut merged.phone, &o.phone);
        text(MergeField::ProfileUrl, &mut merged.profile_url, &o.profile_url);
        text(MergeField::HowWeMet, &mut merged.how_we_met, &o.how_we_met);
        text(MergeField::Admire, &mut merged.admire, &o.admire);
    }
    merged.relationship = match choice(MergeField::Relationship) {
        Some(Side::Other) => o.relationship,
        Some(Side::Keep) => k.relationship,
        None if k.relationship == Relationship::Unspecified => o.relationship,
        None => k.relationship,
    };
    let score = |field: MergeField, mine: Score, theirs: Score| match choice(field) {
        Some(Side::Keep) => mine,
        Some(Side::Other) => theirs,
        None => mine.max(theirs),
    };
    merged.know = score(MergeField::Know, k.know, o.know);
    merged.like = score(MergeField::Like, k.like, o.like);
    merged.trust = score(MergeField::Trust, k.trust, o.trust);
    merged.knows_my_work = match choice(MergeField::KnowsMyWork) {
        Some(Side::Keep) => k.knows_my_work,
        Some(Side::Other) => o.knows_my_work,
        None => k.knows_my_work || o.knows_my_work,
    };
    merged.cadence_days = match choice(MergeField::Cadence) {
        Some(Side::Keep) => k.cadence_days,
        Some(Side::Other) => o.cadence_days,
        None => k.cadence_days.or(o.cadence_days),
    };
    merged.tags = united(&k.tags, &o.tags);
    merged.shared = united(&k.shared, &o.shared);
    // What imports found about them: kept from either side, never lost in a merge.
    merged.endorsed = united(&k.endorsed, &o.endorsed);
    if merged.recommendation.is_empty() {
        merged.recommendation = o.recommendation.clone();
    }
    merged.connected_on = match (k.connected_on, o.connected_on) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    };
    if merged.moved.is_none() {
        merged.moved = o.moved.clone();
    }
    let notes = [k.notes.trim(), o.notes.trim()];
    let mut paragraphs: Vec<&str> = Vec::new();
    for p in notes.into_iter().chain(also.iter().map(String::as_str)) {
        if !p.is_empty() && !paragraphs.contains(&p) {
            paragraphs.push(p);
        }
    }
    merged.notes = paragraphs.join("\n\n");
    merged.created = k.created.min(o.created);
    merged.updated = now;

    let touchpoints = data
        .touchpoints
        .values()
        .filter(|t| t.contact == other)
        .map(|t| Touchpoint {
            contact: keep,
            updated: now,
            ..t.clone()
        })
        .collect();
    let asks = data
        .asks
        .values()
        .filter(|a| a.contact == other)
        .map(|a| Ask {
            contact: keep,
            updated: now,
            ..a.clone()
        })
        .collect();
    let referrals = data
        .referrals
        .values()
        .filter(|r| r.referred_by == other || r.updates_sent.iter().any(|u| u.to == other))
        .map(|r| {
            let mut r = r.clone();
            if r.referred_by == other {
                r.referred_by = keep;
            }
            for update in r.updates_sent.iter_mut().filter(|u| u.to == other) {
                update.to = keep;
            }
            r.updated = now;
            r
        })
        .collect();
    let (links, removed_links) = merged_links(data, keep, other, now);

    Ok(Merge {
        contact: merged,
        touchpoints,
        asks,
        referrals,
        links,
        removed_links,
        removed: other,
    })
}

/// Whether `lost` is a contact detail (e-mail, phone, profile link) other than `won`, compared by
/// the identity keys, so "ANA@example.org" losing to "ana@example.org" is not noted as another one.
fn is_other_detail(field: MergeField, won: &str, lost: &str) -> bool {
    let differ = |key: fn(&str) -> Option<String>| match (key(won), key(lost)) {
        (Some(a), Some(b)) => a != b,
        _ => won.trim() != lost.trim(),
    };
    match field {
        MergeField::Email => differ(email_key),
        MergeField::Phone => differ(phone_key),
        MergeField::ProfileUrl => differ(profile_slug),
        _ => false,
    }
}

/// `mine` then whatever of `theirs` is new, compared case-blind.
fn united(mine: &[String], theirs: &[String]) -> Vec<String> {
    let mut seen: HashSet<String> = HashSet::new();
    mine.iter()
        .chain(theirs)
        .filter(|v| seen.insert(v.trim().to_lowercase()))
        .cloned()
        .collect()
}

/// Who a link points at, for telling two links apart: a contact by id, a named person by folded
/// name and company, so "Joris Kettering, Harbourline" written twice is one person.
#[derive(PartialEq, Eq, Hash)]
enum Target {
    Contact(Id),
    Named(String, String),
}

/// The links that touch either contact after `other` is folded into `keep`: re-pointed ones, and
/// one survivor per set of duplicates (the strongest, earliest), which takes the others' notes.
fn merged_links(data: &Data, keep: Id, other: Id, now: Stamp) -> (Vec<KnowsLink>, Vec<Id>) {
    let repoint = |id: Id| if id == other { keep } else { id };
    let mut removed = Vec::new();
    let mut by_target: HashMap<(Id, Target), Vec<(KnowsLink, bool)>> = HashMap::new();
    for link in data.links.values() {
        let to_other = link.to == Person::Contact(other);
        let touches_either =
            [keep, other].contains(&link.from) || matches!(link.to, Person::Contact(to) if to == keep || to == other);
        if !touches_either {
            continue;
        }
        let mut l = link.clone();
        let moved = l.from == other || to_other;
        l.from = repoint(l.from);
        if let Person::Contact(to) = l.to {
            l.to = Person::Contact(repoint(to));
        }
        if l.to == Person::Contact(l.from) {
            removed.push(l.id);
            continue;
        }
        let target = match &l.to {
            Person::Contact(id) => Target::Contact(*id),
            Person::Named { name, company, .. } => Target::Named(name_key(name), company_key(company)),
        };
        by_target.entry((l.from, target)).or_default().push((l, moved));
    }

    let mut changed = Vec::new();
    for (_, mut same) in by_target {
        crate::sort::sort_by(&mut same, |(a, _), (b, _)| {
            b.strength
                .cmp(&a.strength)
                .then_with(|| a.created.cmp(&b.created))
                .then_with(|| a.id.cmp(&b.id))
        });
        let mut rest = same.into_iter();
        let Some((mut survivor, mut dirty)) = rest.next() else {
            continue;
        };
        for (dup, _) in rest {
            let note = dup.note.trim();
            if !note.is_empty() && !survivor.note.contains(note) {
                if !survivor.note.is_empty() {
                    survivor.note.push_str("\n\n");
                }
                survivor.note.push_str(note);
            }
            removed.push(dup.id);
            dirty = true;
        }
        if dirty {
            survivor.updated = now;
            changed.push(survivor);
        }
    }
    crate::sort::sort_by_key(&mut changed, |l| l.id);
    crate::sort::sort(&mut removed);
    (changed, removed)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{AskKind, Channel, Stage, TouchKind, UpdateSent};
    use crate::network::fixtures::{day, stamp, World};

    fn named(name: &str, company: &str) -> Person {
        Person::Named {
            name: name.into(),
            company: company.into(),
            role: String::new(),
        }
    }

    /// A contact added on `added`, so tests control which one counts as first.
    fn added(w: &mut World, name: &str, on: &str) -> Id {
        let id = w.contact(name);
        w.edit(id, |c| c.created = stamp(on));
        id
    }

    #[test]
    fn the_same_profile_email_or_phone_is_surely_one_person() {
        let mut w = World::new();
        let a = added(&mut w, "Ana Souza", "2025-01-01");
        let b = added(&mut w, "A. Souza", "2025-02-01");
        w.edit(a, |c| c.profile_url = "https://www.linkedin.com/in/Ana-Souza/".into());
        w.edit(b, |c| c.profile_url = "www.linkedin.com/in/ana-souza?trk=x".into());
        let c = added(&mut w, "Bram", "2025-01-01");
        let d = added(&mut w, "Bram J.", "2025-02-01");
        w.edit(c, |x| x.email = "Bram@Example.org".into());
        w.edit(d, |x| x.email = " bram@example.org".into());
        let e = added(&mut w, "Chloé", "2025-01-01");
        let f = added(&mut w, "Chloe", "2025-02-01");
        w.edit(e, |x| x.phone = "+31 6 1234 5678".into());
        w.edit(f, |x| x.phone = "0031-6-12345678".into());

        let pairs = find_duplicates(&w.data);
        let found: Vec<(Id, Id, Certainty, Vec<MatchKey>)> = pairs
            .iter()
            .map(|p| (p.a, p.b, p.certainty, p.matched_on.clone()))
            .collect();
        assert_eq!(
            found,
            vec![
                (a, b, Certainty::Same, vec![MatchKey::Profile]),
                (c, d, Certainty::Same, vec![MatchKey::Email]),
                (e, f, Certainty::Same, vec![MatchKey::Phone]),
            ]
        );
    }

    #[test]
    fn the_same_name_at_the_same_company_is_only_possibly_one_person() {
        let mut w = World::new();
        let a = added(&mut w, "Zoë Ólafsson", "2025-01-01");
        let b = added(&mut w, "zoe olafsson", "2025-03-01");
        let elsewhere = added(&mut w, "Zoe Olafsson", "2025-04-01");
        w.edit(a, |c| c.company = "Maersk".into());
        w.edit(b, |c| c.company = " MAERSK ".into());
        w.edit(elsewhere, |c| c.company = "Philips".into());
        let pairs = find_duplicates(&w.data);
        assert_eq!(pairs.len(), 1);
        assert_eq!(
            (pairs[0].a, pairs[0].b, pairs[0].certainty),
            (a, b, Certainty::Possible)
        );
        assert_eq!(pairs[0].matched_on, vec![MatchKey::NameAndCompany]);
    }

    #[test]
    fn a_group_of_three_gives_each_later_contact_paired_with_the_first() {
        let mut w = World::new();
        let later = added(&mut w, "Ana S", "2025-03-01");
        let first = added(&mut w, "Ana Souza", "2025-01-01");
        let middle = added(&mut w, "Ana", "2025-02-01");
        // Linked only through `middle`: an e-mail with one, a phone with the other.
        w.edit(first, |c| c.email = "ana@example.org".into());
        w.edit(middle, |c| {
            c.email = "ana@example.org".into();
            c.phone = "+31 6 1234 5678".into();
        });
        w.edit(later, |c| c.phone = "+31612345678".into());
        let pairs = find_duplicates(&w.data);
        let found: Vec<(Id, Id)> = pairs.iter().map(|p| (p.a, p.b)).collect();
        assert_eq!(found, vec![(first, middle), (first, later)]);
        assert!(pairs.iter().all(|p| p.certainty == Certainty::Same));
        assert_eq!(
            pairs[1].matched_on,
            vec![],
            "the first and the last share nothing directly"
        );
    }

    #[test]
    fn a_pair_sharing_several_keys_is_listed_once_as_sure() {
        let mut w = World::new();
        let a = added(&mut w, "Ana Souza", "2025-01-01");
        let b = added(&mut w, "Ana Souza", "2025-02-01");
        for id in [a, b] {
            w.edit(id, |c| {
                c.company = "Maersk".into();
                c.email = "ana@example.org".into();
                c.phone = "+31 6 1234 5678".into();
            });
        }
        let pairs = find_duplicates(&w.data);
        assert_eq!(pairs.len(), 1);
        assert_eq!(pairs[0].certainty, Certainty::Same);
        assert_eq!(
            pairs[0].matched_on,
            vec![MatchKey::Email, MatchKey::Phone, MatchKey::NameAndCompany]
        );
        assert!(pairs[0].differences.is_empty());
    }

    #[test]
    fn a_pair_lists_the_fields_where_the_two_differ() {
        let mut w = World::new();
        let a = added(&mut w, "Ana Souza", "2025-01-01");
        let b = added(&mut w, "Ana Souza", "2025-02-01");
        w.edit(a, |c| {
            c.email = "ana@example.org".into();
            c.role = "Ops lead".into();
            c.know = Score::new(2);
            c.tags = vec!["ops".into()];
        });
        w.edit(b, |c| {
            c.email = "ANA@example.org".into();
            c.know = Score::new(4);
            c.cadence_days = Some(30);
            c.tags = vec!["rotterdam".into()];
        });
        let pairs = find_duplicates(&w.data);
        let diffs: Vec<(MergeField, &str, &str)> = pairs[0]
            .differences
            .iter()
            .map(|d| (d.field, d.a.as_str(), d.b.as_str()))
            .collect();
        assert_eq!(
            diffs,
            vec![
                (MergeField::Role, "Ops lead", ""),
                (MergeField::Email, "ana@example.org", "ANA@example.org"),
                (MergeField::Know, "Somewhat", "Very well"),
                (MergeField::Cadence, "", "Monthly"),
            ]
        );
    }

    #[test]
    fn thirty_thousand_contacts_are_checked_in_one_pass() {
        // How long it takes is `make bench`'s (examples/bench_import.rs): machines here are shared.
        let mut data = Data::default();
        data.contacts
            .extend(crate::sample::contacts(30_000, 7).into_iter().map(|c| (c.id, c)));
        let pairs = find_duplicates(&data);
        assert!(!pairs.is_empty(), "a network this size has namesakes at one company");
        let unique: HashSet<(Id, Id)> = pairs.iter().map(|p| (p.a, p.b)).collect();
        assert_eq!(unique.len(), pairs.len(), "each pair once");
    }

    /// Two records of one person, each with its own history, and a third contact linked to both.
    struct Twins {
        w: World,
        keep: Id,
        other: Id,
        third: Id,
    }

    fn twins() -> Twins {
        let mut w = World::new();
        let keep = added(&mut w, "Ana Souza", "2025-02-01");
        let other = added(&mut w, "ana souza", "2025-01-01");
        let third = w.contact("Bram");
        w.touch(keep, "2025-03-01", TouchKind::Call);
        w.touch(other, "2025-04-01", TouchKind::CoffeeOrLunch);
        w.touch(other, "2025-05-01", TouchKind::HelpedThem);
        Twins { w, keep, other, third }
    }

    fn link(w: &mut World, n: u128, from: Id, to: Person, strength: u8, note: &str) -> Id {
        let id = Id::from_u128(1_000 + n);
        w.data.links.insert(
            id,
            KnowsLink {
                id,
                from,
                to,
                strength: Score::new(strength),
                note: note.into(),
                created: stamp("2025-01-01"),
                updated: stamp("2025-01-01"),
            },
        );
        id
    }

    fn merged(t: &Twins, choices: &[(MergeField, Side)]) -> Data {
        let mut data = t.w.data.clone();
        merge_contacts(&data, t.keep, t.other, choices, stamp("2025-06-01"))
            .expect("both contacts exist")
            .apply(&mut data);
        data
    }

    #[test]
    fn merging_keeps_every_touchpoint_ask_referral_and_link_of_both() {
        let mut t = twins();
        let (keep, other, third) = (t.keep, t.other, t.third);
        let ask_id = Id::from_u128(500);
        t.w.data.asks.insert(
            ask_id,
            Ask::new(
                ask_id,
                other,
                AskKind::Referral,
                Channel::Email,
                day("2025-05-02"),
                stamp("2025-05-02"),
            ),
        );
        let mut referral = Referral::new(Id::from_u128(600), "Priya", other, stamp("2025-05-03"));
        let mut progress = Referral::new(Id::from_u128(601), "Selin", third, stamp("2025-05-03"));
        progress.updates_sent.push(UpdateSent {
            to: other,
            stage: Stage::Offer,
            on: day("2025-05-20"),
        });
        referral.stage = Stage::Contacted;
        t.w.data.referrals.insert(referral.id, referral);
        t.w.data.referrals.insert(progress.id, progress);
        let from_other = link(&mut t.w, 1, other, named("Joris", "Harbourline"), 3, "");
        let to_other = link(&mut t.w, 2, third, Person::Contact(other), 2, "");
        let before = t.w.data.clone();

        let data = merged(&t, &[]);
        assert_eq!(data.contacts.len(), 2);
        assert!(!data.contacts.contains_key(&other));
        assert_eq!(data.touchpoints.len(), before.touchpoints.len());
        assert!(data.touchpoints.values().all(|tp| tp.contact == keep));
        assert_eq!(data.asks[&ask_id].contact, keep);
        assert_eq!(data.referrals[&Id::from_u128(600)].referred_by, keep);
        assert_eq!(data.referrals[&Id::from_u128(600)].stage, Stage::Contacted);
        assert_eq!(data.referrals[&Id::from_u128(601)].updates_sent[0].to, keep);
        assert_eq!(data.links[&from_other].from, keep);
        assert_eq!(data.links[&to_other].to, Person::Contact(keep));
        assert_eq!(
            data.contacts[&keep].created, before.contacts[&other].created,
            "added on the earlier day"
        );
        assert_eq!(data.contacts[&keep].updated, stamp("2025-06-01"));
    }

    #[test]
    fn no_link_to_the_removed_contact_remains_and_duplicate_links_become_one() {
        let mut t = twins();
        let (keep, other, third) = (t.keep, t.other, t.third);
        let between = link(&mut t.w, 1, keep, Person::Contact(other), 4, "");
        let mine = link(
            &mut t.w,
            2,
            keep,
            named("Joris Kettering", "Harbourline"),
            2,
            "Played football",
        );
        let theirs = link(
            &mut t.w,
            3,
            other,
            named("joris  kettering", "HARBOURLINE"),
            3,
            "Old neighbours",
        );
        let thirds = link(&mut t.w, 4, third, Person::Contact(keep), 2, "");
        let thirds_too = link(&mut t.w, 5, third, Person::Contact(other), 1, "");
        let unrelated = link(&mut t.w, 6, third, named("Someone", "Elsewhere"), 1, "");

        let merge = merge_contacts(&t.w.data, keep, other, &[], stamp("2025-06-01")).expect("both exist");
        assert_eq!(merge.removed_links, vec![between, mine, thirds_too]);
        let mut data = t.w.data.clone();
        merge.apply(&mut data);

        let points_at_other = |l: &KnowsLink| l.from == other || l.to == Person::Contact(other);
        assert!(!data.links.values().any(points_at_other));
        assert!(!data.links.values().any(|l| l.to == Person::Contact(l.from)));
        assert_eq!(data.links.len(), 3, "{:?}", data.links);
        let joris = &data.links[&theirs];
        assert_eq!(joris.from, keep);
        assert_eq!(joris.strength, Score::new(3), "the stronger of the two is kept");
        assert_eq!(joris.note, "Old neighbours\n\nPlayed football");
        assert!(data.links.contains_key(&thirds) && data.links.contains_key(&unrelated));
    }

    #[test]
    fn choices_decide_differing_fields_and_judgements_default_to_the_higher() {
        let mut t = twins();
        let (keep, other) = (t.keep, t.other);
        t.w.edit(keep, |c| {
            c.company = "Maersk".into();
            c.role = "Ops lead".into();
            c.email = "ana@example.org".into();
            c.know = Score::new(2);
            c.like = Score::new(4);
            c.trust = Score::new(1);
            c.relationship = Relationship::Unspecified;
        });
        t.w.edit(other, |c| {
            c.company = "Maersk Line".into();
            c.role = "Operations Lead".into();
            c.email = "ana.souza@example.com".into();
            c.location = "Rotterdam".into();
            c.know = Score::new(4);
            c.like = Score::new(1);
            c.trust = Score::new(3);
            c.knows_my_work = true;
            c.relationship = Relationship::FormerColleague;
            c.cadence_days = Some(30);
        });
        let data = merged(
            &t,
            &[
                (MergeField::Company, Side::Other),
                (MergeField::Role, Side::Keep),
                (MergeField::Email, Side::Other),
                (MergeField::Trust, Side::Keep),
            ],
        );
        let c = &data.contacts[&keep];
        assert_eq!(c.name, "Ana Souza", "keep's name when no choice is made");
        assert_eq!((c.company.as_str(), c.role.as_str()), ("Maersk Line", "Ops lead"));
        assert_eq!(c.email, "ana.souza@example.com");
        assert_eq!(c.location, "Rotterdam", "a blank is filled from the other");
        assert_eq!((c.know.get(), c.like.get(), c.trust.get()), (4, 4, 1));
        assert!(c.knows_my_work);
        assert_eq!(c.relationship, Relationship::FormerColleague);
        assert_eq!(c.cadence_days, Some(30));
        assert_eq!(
            c.notes, "Also e-mail: ana@example.org",
            "the e-mail not chosen is kept in the notes"
        );
    }

    #[test]
    fn a_contact_detail_written_differently_is_not_noted_twice() {
        let mut t = twins();
        let (keep, other) = (t.keep, t.other);
        t.w.edit(keep, |c| {
            c.email = "ana@example.org".into();
            c.phone = "+31 6 1234 5678".into();
        });
        t.w.edit(other, |c| {
            c.email = "ANA@example.org".into();
            c.phone = "0031612345678".into();
        });
        let data = merged(&t, &[(MergeField::Phone, Side::Other)]);
        let c = &data.contacts[&keep];
        assert_eq!(
            (c.email.as_str(), c.phone.as_str()),
            ("ana@example.org", "0031612345678")
        );
        assert_eq!(c.notes, "");
    }

    #[test]
    fn lists_are_united_case_blind_and_notes_joined_with_a_blank_line() {
        let mut t = twins();
        let (keep, other) = (t.keep, t.other);
        t.w.edit(keep, |c| {
            c.tags = vec!["ops".into(), "Rotterdam".into()];
            c.shared = vec!["WMS migration 2019".into()];
            c.notes = "Loves cycling.".into();
        });
        t.w.edit(other, |c| {
            c.tags = vec!["rotterdam".into(), "logistics".into()];
            c.shared = vec!["wms migration 2019".into(), "Six Sigma course".into()];
            c.notes = "Met at ProMat.".into();
        });
        let data = merged(&t, &[]);
        let c = &data.contacts[&keep];
        assert_eq!(c.tags, vec!["ops", "Rotterdam", "logistics"]);
        assert_eq!(c.shared, vec!["WMS migration 2019", "Six Sigma course"]);
        assert_eq!(c.notes, "Loves cycling.\n\nMet at ProMat.");
    }

    #[test]
    fn a_merge_with_itself_or_a_missing_contact_is_refused() {
        let t = twins();
        let now = stamp("2025-06-01");
        let missing = Id::from_u128(9_999);
        assert_eq!(
            merge_contacts(&t.w.data, t.keep, t.keep, &[], now),
            Err(MergeError::SameContact(t.keep))
        );
        assert_eq!(
            merge_contacts(&t.w.data, missing, t.other, &[], now),
            Err(MergeError::KeepMissing(missing))
        );
        let err = merge_contacts(&t.w.data, t.keep, missing, &[], now).unwrap_err();
        assert_eq!(
            err.to_string(),
            "the contact to merge in is no longer in the network; it may have been deleted in another tab"
        );
    }
}
