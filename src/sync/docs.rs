//! Records as CouchDB documents: one document per record, its id the record's kind (the store's
//! one-letter collection name) and uuid, `c:3f2a…` for a contact, and `profile` for the profile.
//! The body is the record's stored JSON as is, so a document reads like the backup does.

use super::merge::Body;
use super::scope::PushScope;
use crate::for_each_record;
use crate::model::{Data, Id, Profile, Touched};
use crate::store::Record;
use serde_json::Value;
use std::collections::BTreeMap;

pub const PROFILE_ID: &str = "profile";

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum DocKey {
    Profile,
    /// A record's collection (`Record::COLLECTION`) and id.
    Record(&'static str, Id),
}

impl DocKey {
    /// Reads a document id; `None` for anything Vouch does not write (design documents, others').
    pub fn parse(id: &str) -> Option<DocKey> {
        if id == PROFILE_ID {
            return Some(DocKey::Profile);
        }
        let (collection, uuid) = id.split_once(':')?;
        let uuid = Id::parse_str(uuid).ok()?;
        let mut found = None;
        for_each_record!(T => if T::COLLECTION == collection {
            found = Some(DocKey::Record(T::COLLECTION, uuid));
        });
        found
    }

    pub fn doc_id(&self) -> String {
        match self {
            DocKey::Profile => PROFILE_ID.to_string(),
            DocKey::Record(collection, id) => format!("{collection}:{}", id.hyphenated()),
        }
    }
}

impl std::fmt::Display for DocKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.doc_id())
    }
}

// Records go through JSON text, never `serde_json::Value` directly: the store already compiles in
// each record's text (de)serializer, and a second, Value-based one per type would grow the wasm.
fn to_body<T: serde::Serialize>(record: &T) -> Body {
    // A record serializes to an object; the fallback is never taken.
    serde_json::to_vec(record)
        .ok()
        .and_then(|json| serde_json::from_slice(&json).ok())
        .unwrap_or_default()
}

fn from_body<T: serde::de::DeserializeOwned>(body: &Body) -> Option<T> {
    serde_json::from_slice(&serde_json::to_vec(body).ok()?).ok()
}

/// The profile is stored as a plain JSON string (`from_str`), so it is read back the same way.
fn profile_from_body(body: &Body) -> Option<Profile> {
    serde_json::from_str(&serde_json::to_string(body).ok()?).ok()
}

/// The body this device has for a document, `None` if it has no such record. A profile never
/// filled in is no document.
pub fn local_body(data: &Data, key: DocKey) -> Option<Body> {
    match key {
        DocKey::Profile => (data.profile != Profile::default()).then(|| to_body(&data.profile)),
        DocKey::Record(collection, id) => {
            let mut out = None;
            for_each_record!(T => if T::COLLECTION == collection {
                out = T::map(data).get(&id).map(to_body);
            });
            out
        }
    }
}

/// Every document this device has, with its body, in key order.
pub fn for_each_local(data: &Data, f: impl FnMut(DocKey, Body)) {
    for_each_local_in(data, &PushScope::everything(), f);
}

/// The documents this device has that `scope` looks at, with their bodies, in key order within
/// each collection.
pub fn for_each_local_in(data: &Data, scope: &PushScope, mut f: impl FnMut(DocKey, Body)) {
    if scope.includes(DocKey::Profile) {
        if let Some(body) = local_body(data, DocKey::Profile) {
            f(DocKey::Profile, body);
        }
    }
    for_each_record!(T => {
        let map = T::map(data);
        if scope.whole(T::COLLECTION) {
            for (id, record) in map {
                f(DocKey::Record(T::COLLECTION, *id), to_body(record));
            }
        } else {
            for id in scope.listed(T::COLLECTION) {
                if let Some(record) = map.get(&id) {
                    f(DocKey::Record(T::COLLECTION, id), to_body(record));
                }
            }
        }
    });
}

/// Whether this device has the document, without reading its body.
pub fn has_local(data: &Data, key: DocKey) -> bool {
    match key {
        DocKey::Profile => data.profile != Profile::default(),
        DocKey::Record(collection, id) => {
            let mut found = false;
            for_each_record!(T => if T::COLLECTION == collection {
                found = T::map(data).contains_key(&id);
            });
            found
        }
    }
}

/// Whether a server's body is a record this version of Vouch can read, with the id it claims.
pub fn readable(key: DocKey, body: &Body) -> bool {
    match key {
        DocKey::Profile => profile_from_body(body).is_some(),
        DocKey::Record(collection, id) => {
            let mut ok = false;
            for_each_record!(T => if T::COLLECTION == collection {
                ok = from_body::<T>(body).is_some_and(|r| r.id() == id);
            });
            ok
        }
    }
}

/// What a pull changes on this device: records put (new or newer) and removed. The shell applies
/// it as one change and one save.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LocalChange {
    pub put: BTreeMap<DocKey, Body>,
    pub remove: Vec<DocKey>,
}

impl LocalChange {
    pub fn is_empty(&self) -> bool {
        self.put.is_empty() && self.remove.is_empty()
    }

    /// Whether the change touches the profile, which the store saves apart from the records.
    pub fn touches_profile(&self) -> bool {
        self.put.contains_key(&DocKey::Profile) || self.remove.contains(&DocKey::Profile)
    }

    /// Puts the change into `data` and says which records it touched. Bodies were checked with
    /// `readable` when the change was built; one that still fails to read is left out.
    pub fn apply(&self, data: &mut Data) -> Touched {
        let mut touched = Touched::default();
        for (key, body) in &self.put {
            match *key {
                DocKey::Profile => {
                    if let Some(profile) = profile_from_body(body) {
                        data.profile = profile;
                    }
                }
                DocKey::Record(collection, id) => {
                    for_each_record!(T => if T::COLLECTION == collection {
                        if let Some(record) = from_body::<T>(body) {
                            T::map_mut(data).insert(id, record);
                            touched_ids(&mut touched, collection).push(id);
                        }
                    });
                }
            }
        }
        for key in &self.remove {
            match *key {
                DocKey::Profile => data.profile = Profile::default(),
                DocKey::Record(collection, id) => {
                    for_each_record!(T => if T::COLLECTION == collection {
                        T::map_mut(data).remove(&id);
                        touched_ids(&mut touched, collection).push(id);
                    });
                }
            }
        }
        touched
    }
}

fn touched_ids<'a>(touched: &'a mut Touched, collection: &str) -> &'a mut Vec<Id> {
    use crate::model::{Ask, Contact, Goal, KnowsLink, Referral, Touchpoint};
    match collection {
        c if c == Contact::COLLECTION => &mut touched.contacts,
        c if c == Touchpoint::COLLECTION => &mut touched.touchpoints,
        c if c == KnowsLink::COLLECTION => &mut touched.links,
        c if c == Goal::COLLECTION => &mut touched.goals,
        c if c == Ask::COLLECTION => &mut touched.asks,
        c if c == Referral::COLLECTION => &mut touched.referrals,
        // `DocKey::parse` only makes keys of the collections above.
        _ => unreachable!("unknown collection {collection}"),
    }
}

/// A short name for the sync history: a contact's or goal's name when it has one.
pub fn label(key: DocKey, body: &Body) -> String {
    let kind = match key {
        DocKey::Profile => return "Your profile".to_string(),
        DocKey::Record("c", _) => "Contact",
        DocKey::Record("t", _) => "Touchpoint",
        DocKey::Record("k", _) => "Knows-link",
        DocKey::Record("g", _) => "Goal",
        DocKey::Record("a", _) => "Ask",
        DocKey::Record("r", _) => "Referral",
        DocKey::Record(..) => "Record",
    };
    match body.get("n").and_then(Value::as_str) {
        Some(name) if !name.is_empty() => format!("{kind} {name}"),
        _ => kind.to_string(),
    }
}

/// What a stored field key means, for the sync history (contacts' keys are short on purpose).
pub fn field_label(key: &str) -> &str {
    match key {
        "n" => "name",
        "co" => "company",
        "ro" => "role",
        "in" => "industry",
        "lo" => "location",
        "em" => "e-mail",
        "ph" => "phone",
        "u" => "profile URL",
        "h" => "relationship",
        "hd" => "how you met",
        "sh" => "shared experiences",
        "ad" => "what you admire",
        "k" => "know",
        "l" => "like",
        "t" => "trust",
        "w" => "knows your work",
        "cd" => "cadence",
        "tg" => "tags",
        "no" => "notes",
        "sk" => "skills",
        other => other,
    }
}

/// Merging a backup from another device instead of replacing everything: every record of the
/// backup this device lacks is added, every record both have is merged field by field as a sync
/// would (with no common base, so the newer edit of each differing field wins and lists are
/// united), and nothing is deleted: a backup carries no tombstones. Returns the change and how
/// many records it adds or updates.
pub fn merge_backup(local: &Data, backup: &Data) -> (LocalChange, usize) {
    let mut change = LocalChange::default();
    for_each_local(backup, |key, theirs| match local_body(local, key) {
        None => {
            change.put.insert(key, theirs);
        }
        Some(ours) if ours == theirs => {}
        Some(ours) => {
            let merged = super::merge::merge(&ours, &theirs, None).body;
            if merged != ours {
                change.put.insert(key, merged);
            }
        }
    });
    let count = change.put.len();
    (change, count)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Contact, Stamp};

    fn contact(n: u128, name: &str, at: i64) -> Contact {
        Contact::new(Id::from_u128(n), name, Stamp::from_millis(at))
    }

    #[test]
    fn merging_a_backup_adds_what_is_missing_merges_what_both_have_and_deletes_nothing() {
        let mut local = Data::default();
        let mut mine = contact(1, "Ana Berg", 10);
        mine.company = "DSV".into();
        mine.tags = vec!["mentor".into()];
        local.contacts.insert(mine.id, mine);
        local.contacts.insert(Id::from_u128(2), contact(2, "Only here", 10));
        let mut backup = Data::default();
        let mut theirs = contact(1, "Ana Berg", 20);
        theirs.role = "Lead analyst".into();
        theirs.tags = vec!["logistics".into()];
        backup.contacts.insert(theirs.id, theirs);
        backup.contacts.insert(Id::from_u128(3), contact(3, "Only there", 10));

        let (change, count) = merge_backup(&local, &backup);
        assert_eq!(count, 2);
        change.apply(&mut local);
        let ana = &local.contacts[&Id::from_u128(1)];
        assert_eq!((ana.company.as_str(), ana.role.as_str()), ("DSV", "Lead analyst"));
        assert_eq!(ana.tags, vec!["logistics".to_string(), "mentor".to_string()]);
        assert_eq!(local.contacts.len(), 3);
        assert_eq!(
            merge_backup(&local, &backup).1,
            0,
            "merging the same backup again changes nothing"
        );
    }
}
