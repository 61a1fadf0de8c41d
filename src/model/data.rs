//! Everything the user has, in memory: the profile and one map per kind of record, keyed by id so
//! that an edit, a delete or a change from another tab touches one entry.

use super::{Ask, Contact, Goal, Id, KnowsLink, Profile, Referral, Touchpoint};
use std::collections::BTreeMap;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Data {
    pub profile: Profile,
    pub contacts: BTreeMap<Id, Contact>,
    pub links: BTreeMap<Id, KnowsLink>,
    pub touchpoints: BTreeMap<Id, Touchpoint>,
    pub goals: BTreeMap<Id, Goal>,
    pub asks: BTreeMap<Id, Ask>,
    pub referrals: BTreeMap<Id, Referral>,
}

/// A contact and everything that hangs off it, as removed by `Data::remove_contact`: kept whole so
/// "Undo" can put it all back.
#[derive(Clone, Debug, PartialEq)]
pub struct RemovedContact {
    pub contact: Contact,
    pub links: Vec<KnowsLink>,
    pub touchpoints: Vec<Touchpoint>,
    pub asks: Vec<Ask>,
    pub referrals: Vec<Referral>,
}

impl Data {
    /// Removes a contact with its knows-links (either end), touchpoints, asks and the referrals they
    /// made, so nothing is left pointing at a contact that no longer exists.
    pub fn remove_contact(&mut self, id: Id) -> Option<RemovedContact> {
        let contact = self.contacts.remove(&id)?;
        fn take<T>(map: &mut BTreeMap<Id, T>, hit: impl Fn(&T) -> bool) -> Vec<T> {
            let ids: Vec<Id> = map.iter().filter(|(_, v)| hit(v)).map(|(k, _)| *k).collect();
            ids.iter().filter_map(|k| map.remove(k)).collect()
        }
        Some(RemovedContact {
            contact,
            links: take(&mut self.links, |l| l.from == id || l.to == super::Person::Contact(id)),
            touchpoints: take(&mut self.touchpoints, |t| t.contact == id),
            asks: take(&mut self.asks, |a| a.contact == id),
            referrals: take(&mut self.referrals, |r| r.referred_by == id),
        })
    }

    /// Puts back what `remove_contact` took.
    pub fn restore_contact(&mut self, removed: RemovedContact) {
        self.contacts.insert(removed.contact.id, removed.contact);
        self.links.extend(removed.links.into_iter().map(|r| (r.id, r)));
        self.touchpoints
            .extend(removed.touchpoints.into_iter().map(|r| (r.id, r)));
        self.asks.extend(removed.asks.into_iter().map(|r| (r.id, r)));
        self.referrals.extend(removed.referrals.into_iter().map(|r| (r.id, r)));
    }

    /// Whether there is nothing at all yet: the first-run state.
    pub fn is_empty(&self) -> bool {
        !self.profile.is_set_up()
            && self.contacts.is_empty()
            && self.links.is_empty()
            && self.touchpoints.is_empty()
            && self.goals.is_empty()
            && self.asks.is_empty()
            && self.referrals.is_empty()
    }
}

/// The ids one change touched, by kind: what the shell marks for its one save.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Touched {
    pub contacts: Vec<Id>,
    pub touchpoints: Vec<Id>,
    pub links: Vec<Id>,
    pub goals: Vec<Id>,
    pub asks: Vec<Id>,
    pub referrals: Vec<Id>,
}

impl Touched {
    pub fn is_empty(&self) -> bool {
        self.parts().is_empty()
    }

    /// Takes every listed record out of `data`; ids that are not there are passed over.
    pub fn remove_from(&self, data: &mut Data) {
        fn drop<T>(map: &mut BTreeMap<Id, T>, ids: &[Id]) {
            for id in ids {
                map.remove(id);
            }
        }
        drop(&mut data.contacts, &self.contacts);
        drop(&mut data.touchpoints, &self.touchpoints);
        drop(&mut data.links, &self.links);
        drop(&mut data.goals, &self.goals);
        drop(&mut data.asks, &self.asks);
        drop(&mut data.referrals, &self.referrals);
    }

    /// Every record of `data`: what adding a whole set of records (the demo) touches.
    pub fn all_of(data: &Data) -> Touched {
        Touched {
            contacts: data.contacts.keys().copied().collect(),
            touchpoints: data.touchpoints.keys().copied().collect(),
            links: data.links.keys().copied().collect(),
            goals: data.goals.keys().copied().collect(),
            asks: data.asks.keys().copied().collect(),
            referrals: data.referrals.keys().copied().collect(),
        }
    }
}

/// The records one user action writes, built by the core: the shell applies them in one data
/// update and saves them in one write, so an action lands whole or not at all.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Changes {
    pub contacts: Vec<Contact>,
    pub touchpoints: Vec<Touchpoint>,
    pub goals: Vec<Goal>,
    pub asks: Vec<Ask>,
    pub referrals: Vec<Referral>,
}

impl Changes {
    /// Puts every record into `data`, replacing those with the same id, and says which it touched.
    pub fn apply(self, data: &mut Data) -> Touched {
        fn put<T>(map: &mut BTreeMap<Id, T>, records: Vec<T>, id: impl Fn(&T) -> Id) -> Vec<Id> {
            records
                .into_iter()
                .map(|r| {
                    let key = id(&r);
                    map.insert(key, r);
                    key
                })
                .collect()
        }
        Touched {
            contacts: put(&mut data.contacts, self.contacts, |r| r.id),
            touchpoints: put(&mut data.touchpoints, self.touchpoints, |r| r.id),
            links: Vec::new(),
            goals: put(&mut data.goals, self.goals, |r| r.id),
            asks: put(&mut data.asks, self.asks, |r| r.id),
            referrals: put(&mut data.referrals, self.referrals, |r| r.id),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Direction, Person, Score, Stamp, TouchKind};

    fn id(n: u128) -> Id {
        Id::from_u128(n)
    }

    fn link(n: u128, from: u128, to: Person) -> KnowsLink {
        KnowsLink {
            id: id(n),
            from: id(from),
            to,
            strength: Score::new(2),
            note: String::new(),
            created: Stamp::from_millis(0),
            updated: Stamp::from_millis(0),
        }
    }

    #[test]
    fn deleting_a_contact_takes_what_points_at_it_and_undo_puts_it_back() {
        let mut data = Data::default();
        for n in [1, 2] {
            data.contacts
                .insert(id(n), Contact::new(id(n), format!("C{n}"), Stamp::from_millis(0)));
        }
        data.links.insert(id(10), link(10, 1, Person::Contact(id(2))));
        data.links.insert(id(11), link(11, 2, Person::Contact(id(1))));
        data.links.insert(
            id(12),
            link(
                12,
                2,
                Person::Named {
                    name: "X".into(),
                    company: String::new(),
                    role: String::new(),
                },
            ),
        );
        data.touchpoints.insert(
            id(20),
            Touchpoint {
                id: id(20),
                contact: id(1),
                date: chrono::NaiveDate::default(),
                kind: TouchKind::Call,
                direction: Direction::Neutral,
                note: String::new(),
                imported: None,
                created: Stamp::from_millis(0),
                updated: Stamp::from_millis(0),
            },
        );
        let before = data.clone();

        let removed = data.remove_contact(id(1)).unwrap();
        assert_eq!(removed.links.len(), 2);
        assert_eq!(removed.touchpoints.len(), 1);
        assert_eq!(data.links.keys().collect::<Vec<_>>(), vec![&id(12)]);
        assert!(data.touchpoints.is_empty());

        data.restore_contact(removed);
        assert_eq!(data, before);
        assert!(data.remove_contact(id(99)).is_none());
    }
}
