//! Which parts of the data a change wrote, so the shell re-runs only the views that read them, and
//! a short log of recent changes, so an index kept beside the data (search) can catch up on the
//! few contacts that changed instead of being rebuilt from all of them.

use super::{Data, Id, Touched};
use std::collections::VecDeque;
use std::ops::BitOr;

/// A set of the data's collections (and the profile). A view names the parts it reads; a change
/// names the parts it wrote; the view re-runs when the two overlap.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Parts(u8);

impl Parts {
    pub const NONE: Parts = Parts(0);
    pub const CONTACTS: Parts = Parts(1);
    pub const LINKS: Parts = Parts(1 << 1);
    pub const TOUCHPOINTS: Parts = Parts(1 << 2);
    pub const GOALS: Parts = Parts(1 << 3);
    pub const ASKS: Parts = Parts(1 << 4);
    pub const REFERRALS: Parts = Parts(1 << 5);
    pub const PROFILE: Parts = Parts(1 << 6);
    pub const ALL: Parts = Parts((1 << 7) - 1);
    /// How many parts there are: one trigger each in the shell.
    pub const COUNT: usize = 7;
    /// What a contact's standing is computed from: the contact, its touches and its asks (the
    /// keep-in-touch clock, backers, search's "going cold").
    pub const ACTIVITY: Parts = Parts(Parts::CONTACTS.0 | Parts::TOUCHPOINTS.0 | Parts::ASKS.0);

    pub fn contains(self, other: Parts) -> bool {
        self.0 & other.0 == other.0
    }

    pub fn overlaps(self, other: Parts) -> bool {
        self.0 & other.0 != 0
    }

    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// The positions of the parts in the set, `0..COUNT`, for indexing one trigger per part.
    pub fn positions(self) -> impl Iterator<Item = usize> {
        (0..Parts::COUNT).filter(move |i| self.0 & (1 << i) != 0)
    }

    /// The part a store collection (`Record::COLLECTION`) holds.
    pub fn of_collection(collection: &str) -> Parts {
        match collection {
            "c" => Parts::CONTACTS,
            "t" => Parts::TOUCHPOINTS,
            "k" => Parts::LINKS,
            "g" => Parts::GOALS,
            "a" => Parts::ASKS,
            "r" => Parts::REFERRALS,
            _ => Parts::ALL,
        }
    }
}

impl BitOr for Parts {
    type Output = Parts;
    fn bitor(self, other: Parts) -> Parts {
        Parts(self.0 | other.0)
    }
}

impl Touched {
    /// One record of a store collection (`Record::COLLECTION`): what saving it touches.
    pub fn one(collection: &str, id: Id) -> Touched {
        let mut touched = Touched::default();
        let list = match collection {
            "c" => &mut touched.contacts,
            "t" => &mut touched.touchpoints,
            "k" => &mut touched.links,
            "g" => &mut touched.goals,
            "a" => &mut touched.asks,
            _ => &mut touched.referrals,
        };
        list.push(id);
        touched
    }

    /// The parts this change wrote.
    pub fn parts(&self) -> Parts {
        [
            (&self.contacts, Parts::CONTACTS),
            (&self.touchpoints, Parts::TOUCHPOINTS),
            (&self.links, Parts::LINKS),
            (&self.goals, Parts::GOALS),
            (&self.asks, Parts::ASKS),
            (&self.referrals, Parts::REFERRALS),
        ]
        .into_iter()
        .filter(|(ids, _)| !ids.is_empty())
        .fold(Parts::NONE, |all, (_, part)| all | part)
    }
}

/// What one change did, as far as an index over contacts needs to know.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    pub parts: Parts,
    /// The contacts whose own record or activity (touches, asks) the change may have altered, or
    /// `None` when that can't be told (a whole restore, a touch removed with its contact unknown).
    pub contacts: Option<Vec<Id>>,
}

impl Change {
    /// A change nothing narrower can be said of: every part, every contact.
    pub fn everything() -> Change {
        Change {
            parts: Parts::ALL,
            contacts: None,
        }
    }

    /// A change of `parts` that altered exactly these contacts' records or activity.
    pub fn of(parts: Parts, contacts: Vec<Id>) -> Change {
        Change {
            parts,
            contacts: Some(contacts),
        }
    }

    /// What a change that touched these records did, read from the data after it: a touchpoint
    /// or ask still there names its contact; one that is gone leaves its contact unknown.
    pub fn after(touched: &Touched, data: &Data) -> Change {
        let mut contacts = touched.contacts.clone();
        let mut known = true;
        for id in &touched.touchpoints {
            match data.touchpoints.get(id) {
                Some(t) => contacts.push(t.contact),
                None => known = false,
            }
        }
        for id in &touched.asks {
            match data.asks.get(id) {
                Some(a) => contacts.push(a.contact),
                None => known = false,
            }
        }
        Change {
            parts: touched.parts(),
            contacts: known.then_some(contacts),
        }
    }
}

/// What a view that last looked at the log's sequence number `seen` must redo.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Catchup {
    /// Nothing it reads changed.
    Nothing,
    /// Only these contacts changed (possibly with repeats).
    Contacts(Vec<Id>),
    /// Too much, or too long ago, to say: start over.
    Everything,
}

/// The last few changes, numbered. Views that keep their own index remember the number they last
/// saw and ask what changed since; one that fell further behind than the log reaches starts over.
#[derive(Clone, Debug, Default)]
pub struct ChangeLog {
    seq: u64,
    recent: VecDeque<(u64, Change)>,
}

impl ChangeLog {
    /// How many changes are kept: far more than happen between two renders.
    const KEPT: usize = 64;

    /// The number of the latest change (0 before any).
    pub fn seq(&self) -> u64 {
        self.seq
    }

    pub fn record(&mut self, change: Change) -> u64 {
        self.seq += 1;
        if self.recent.len() == Self::KEPT {
            self.recent.pop_front();
        }
        self.recent.push_back((self.seq, change));
        self.seq
    }

    /// What changed in `parts` after change number `seen`.
    pub fn since(&self, seen: u64, parts: Parts) -> Catchup {
        if seen >= self.seq {
            return Catchup::Nothing;
        }
        let oldest = self.recent.front().map_or(self.seq + 1, |(n, _)| *n);
        if seen + 1 < oldest {
            return Catchup::Everything;
        }
        let mut contacts = Vec::new();
        for (_, change) in self.recent.iter().filter(|(n, c)| *n > seen && c.parts.overlaps(parts)) {
            match &change.contacts {
                Some(ids) => contacts.extend_from_slice(ids),
                None => return Catchup::Everything,
            }
        }
        if contacts.is_empty() {
            Catchup::Nothing
        } else {
            Catchup::Contacts(contacts)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::network::fixtures::World;

    #[test]
    fn parts_combine_and_overlap() {
        let both = Parts::CONTACTS | Parts::GOALS;
        assert!(both.contains(Parts::GOALS));
        assert!(!both.contains(Parts::ASKS));
        assert!(both.overlaps(Parts::ACTIVITY));
        assert!(!Parts::GOALS.overlaps(Parts::ACTIVITY));
        assert_eq!(both.positions().collect::<Vec<_>>(), vec![0, 3]);
        assert_eq!(Parts::ALL.positions().count(), Parts::COUNT);
        assert!(Parts::NONE.is_empty());
        for c in ["c", "t", "k", "g", "a", "r"] {
            let part = Parts::of_collection(c);
            assert_eq!(part.positions().count(), 1, "{c}");
        }
    }

    #[test]
    fn each_store_collection_is_its_own_part() {
        use crate::model::{Ask, Contact, Goal, KnowsLink, Referral, Touchpoint};
        use crate::store::Record;
        assert_eq!(Parts::of_collection(Contact::COLLECTION), Parts::CONTACTS);
        assert_eq!(Parts::of_collection(Touchpoint::COLLECTION), Parts::TOUCHPOINTS);
        assert_eq!(Parts::of_collection(KnowsLink::COLLECTION), Parts::LINKS);
        assert_eq!(Parts::of_collection(Goal::COLLECTION), Parts::GOALS);
        assert_eq!(Parts::of_collection(Ask::COLLECTION), Parts::ASKS);
        assert_eq!(Parts::of_collection(Referral::COLLECTION), Parts::REFERRALS);
    }

    #[test]
    fn touched_names_the_parts_it_wrote() {
        let touched = Touched {
            goals: vec![Id::from_u128(1)],
            referrals: vec![Id::from_u128(2)],
            ..Touched::default()
        };
        assert_eq!(touched.parts(), Parts::GOALS | Parts::REFERRALS);
        for c in ["c", "t", "k", "g", "a", "r"] {
            assert_eq!(
                Touched::one(c, Id::from_u128(3)).parts(),
                Parts::of_collection(c),
                "{c}"
            );
        }
        assert_eq!(Touched::default().parts(), Parts::NONE);
    }

    #[test]
    fn a_change_names_the_contacts_of_its_touches_and_asks() {
        let mut w = World::new();
        let ana = w.contact("Ana");
        let ben = w.contact("Ben");
        let touch = w.touch(ben, "2025-05-01", crate::model::TouchKind::Call);
        let touched = Touched {
            contacts: vec![ana],
            touchpoints: vec![touch],
            ..Touched::default()
        };
        let change = Change::after(&touched, &w.data);
        assert_eq!(change.contacts, Some(vec![ana, ben]));
        assert_eq!(change.parts, Parts::CONTACTS | Parts::TOUCHPOINTS);

        // A touch that is gone can't say whose it was.
        w.data.touchpoints.clear();
        assert_eq!(Change::after(&touched, &w.data).contacts, None);
    }

    #[test]
    fn the_log_says_what_changed_since_a_number() {
        let a = Id::from_u128(1);
        let b = Id::from_u128(2);
        let mut log = ChangeLog::default();
        assert_eq!(log.since(0, Parts::ALL), Catchup::Nothing);
        let first = log.record(Change::of(Parts::CONTACTS, vec![a]));
        log.record(Change::of(Parts::GOALS, vec![]));
        log.record(Change::of(Parts::TOUCHPOINTS, vec![b]));
        assert_eq!(log.since(0, Parts::ACTIVITY), Catchup::Contacts(vec![a, b]));
        assert_eq!(log.since(first, Parts::ACTIVITY), Catchup::Contacts(vec![b]));
        assert_eq!(log.since(first, Parts::GOALS), Catchup::Nothing);
        assert_eq!(log.since(log.seq(), Parts::ALL), Catchup::Nothing);
        log.record(Change::everything());
        assert_eq!(log.since(first, Parts::GOALS), Catchup::Everything);
    }

    #[test]
    fn a_view_that_fell_too_far_behind_starts_over() {
        let mut log = ChangeLog::default();
        for n in 0..100 {
            log.record(Change::of(Parts::CONTACTS, vec![Id::from_u128(n)]));
        }
        assert_eq!(log.since(0, Parts::CONTACTS), Catchup::Everything);
        assert_eq!(
            log.since(99, Parts::CONTACTS),
            Catchup::Contacts(vec![Id::from_u128(99)])
        );
        let recent = log.since(100 - 64, Parts::CONTACTS);
        assert!(matches!(recent, Catchup::Contacts(ids) if ids.len() == 64));
    }
}
