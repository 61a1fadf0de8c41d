//! Which local records a push looks at. Finding what changed since the last sync means hashing a
//! record's whole body against the one last synced; done for every record, that is the longest
//! task of a sync at 30,000 contacts, and a sync follows every edit by a few seconds. The shell
//! knows from its change log which parts (and which contacts) were written since its last sync
//! that ended, so only those are hashed; the first sync of a page, or one after more changes than
//! the log keeps, looks at everything.

use super::docs::DocKey;
use crate::model::{Catchup, Id, Parts};
use std::collections::BTreeSet;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PushScope {
    /// Parts whose every record is looked at.
    whole: Parts,
    /// Contacts looked at one by one, when contacts are not looked at whole.
    contacts: BTreeSet<Id>,
}

impl PushScope {
    pub fn everything() -> Self {
        PushScope {
            whole: Parts::ALL,
            contacts: BTreeSet::new(),
        }
    }

    /// What changed since the last sync that ended, from the change log: `since(parts)` says what
    /// changed in `parts` after it. Contacts are followed one by one; the other parts are few
    /// records each, or change rarely, and are looked at whole once written at all.
    pub fn since(since: impl Fn(Parts) -> Catchup) -> Self {
        let mut scope = PushScope {
            whole: Parts::NONE,
            contacts: BTreeSet::new(),
        };
        for part in [
            Parts::LINKS,
            Parts::TOUCHPOINTS,
            Parts::GOALS,
            Parts::ASKS,
            Parts::REFERRALS,
            Parts::PROFILE,
        ] {
            if !matches!(since(part), Catchup::Nothing) {
                scope.whole = scope.whole | part;
            }
        }
        match since(Parts::CONTACTS) {
            Catchup::Nothing => {}
            Catchup::Contacts(ids) => scope.contacts.extend(ids),
            Catchup::Everything => scope.whole = scope.whole | Parts::CONTACTS,
        }
        scope
    }

    /// Whether the push looks at this document: a body outside the scope is as last synced.
    pub fn includes(&self, key: DocKey) -> bool {
        match key {
            DocKey::Profile => self.whole.contains(Parts::PROFILE),
            DocKey::Record(collection, id) => {
                let part = Parts::of_collection(collection);
                self.whole.contains(part) || (part == Parts::CONTACTS && self.contacts.contains(&id))
            }
        }
    }

    /// Whether every record of `collection` is looked at (so none need be listed one by one).
    pub fn whole(&self, collection: &str) -> bool {
        self.whole.contains(Parts::of_collection(collection))
    }

    /// The records of `collection` looked at one by one (when it is not looked at whole).
    pub fn listed(&self, collection: &str) -> impl Iterator<Item = Id> + '_ {
        let listed = (Parts::of_collection(collection) == Parts::CONTACTS).then_some(&self.contacts);
        listed.into_iter().flatten().copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Change, ChangeLog, Contact, Data, Stamp};
    use crate::sync::server::{Link, MemServer};
    use crate::sync::{Replicator, Report, Step, SyncMeta, Transport};

    fn id(n: u128) -> Id {
        Id::from_u128(n)
    }

    fn contacts(ids: &[u128]) -> Change {
        Change::of(Parts::CONTACTS, ids.iter().map(|n| id(*n)).collect())
    }

    /// One sync of `data` through the model server, pushing only what `scope` looks at.
    fn sync(server: &mut MemServer, data: &mut Data, meta: &mut SyncMeta, scope: PushScope) -> Report {
        let mut replicator = Replicator::new("test", 1_000).with_scope(scope);
        let mut link = Link::new(server);
        let mut response = None;
        loop {
            match replicator.step(response.take(), data, meta).expect("sync") {
                Step::Send(request) => response = Some(link.send(&request).expect("answer")),
                Step::Apply(change) => {
                    change.apply(data);
                }
                Step::Done(report) => return report,
            }
        }
    }

    fn contact(n: u128, name: &str) -> Contact {
        Contact::new(id(n), name, Stamp::from_millis(10))
    }

    #[test]
    fn a_scoped_push_sends_the_contacts_in_scope_and_a_delete_in_scope() {
        let mut server = MemServer::new();
        let mut data = Data::default();
        let mut meta = SyncMeta::new("a".into());
        for n in 1..=3 {
            data.contacts.insert(id(n), contact(n, "Someone"));
        }
        assert_eq!(
            sync(&mut server, &mut data, &mut meta, PushScope::everything()).pushed,
            3
        );

        data.contacts.get_mut(&id(1)).unwrap().company = "Acme".into();
        data.contacts.remove(&id(2));
        let mut log = ChangeLog::default();
        log.record(contacts(&[1, 2]));
        let scope = PushScope::since(|parts| log.since(0, parts));
        let report = sync(&mut server, &mut data, &mut meta, scope);
        assert_eq!(report.pushed, 2, "the edit and the delete, nothing else");
        let doc = |n| DocKey::Record("c", id(n)).doc_id();
        assert_eq!(server.winner_body(&doc(1)).unwrap()["co"], "Acme");
        assert_eq!(server.live_ids(), vec![doc(1), doc(3)]);

        // Nothing written since: nothing is hashed and nothing goes.
        let report = sync(
            &mut server,
            &mut data,
            &mut meta,
            PushScope::since(|_| Catchup::Nothing),
        );
        assert_eq!(report.pushed, 0);
    }

    #[test]
    fn contacts_edited_since_the_last_sync_are_looked_at_one_by_one_and_nothing_else() {
        let mut log = ChangeLog::default();
        log.record(contacts(&[1]));
        let synced = log.seq();
        log.record(contacts(&[2]));
        log.record(contacts(&[3, 2]));
        let scope = PushScope::since(|parts| log.since(synced, parts));
        assert!(scope.includes(DocKey::Record("c", id(2))));
        assert!(scope.includes(DocKey::Record("c", id(3))));
        assert!(!scope.includes(DocKey::Record("c", id(1))), "synced before");
        assert!(!scope.includes(DocKey::Record("t", id(2))), "no touchpoint written");
        assert!(!scope.includes(DocKey::Profile));
        assert!(!scope.whole("c"));
    }

    #[test]
    fn a_part_written_since_is_looked_at_whole_and_a_log_that_cant_say_means_everything() {
        let mut log = ChangeLog::default();
        let synced = log.seq();
        // A logged touch names its contact, but only touchpoints were written.
        log.record(Change::of(Parts::TOUCHPOINTS, vec![id(7)]));
        let scope = PushScope::since(|parts| log.since(synced, parts));
        assert!(scope.whole("t"));
        assert!(scope.includes(DocKey::Record("t", id(8))));
        assert!(!scope.includes(DocKey::Record("c", id(7))));

        log.record(Change::everything());
        let scope = PushScope::since(|parts| log.since(synced, parts));
        assert_eq!(scope, PushScope::everything());

        // Further back than the log reaches.
        let mut log = ChangeLog::default();
        for n in 0..200 {
            log.record(contacts(&[n]));
        }
        let scope = PushScope::since(|parts| log.since(1, parts));
        assert!(scope.whole("c"));
    }
}
