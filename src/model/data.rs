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

impl Data {
    /// Contacts sorted by name, case-insensitively, for lists.
    pub fn contacts_by_name(&self) -> Vec<&Contact> {
        let mut list: Vec<&Contact> = self.contacts.values().collect();
        list.sort_by_cached_key(|c| (c.name.to_lowercase(), c.id));
        list
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
