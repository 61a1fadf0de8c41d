//! Keep-in-touch cadence (DOMAIN rule 1, nurture before you need): how often each contact should
//! hear from the user, when they last did, and who is going cold.

use super::activity::Activity;
use super::search::fold;
use super::tie::is_judged;
use crate::model::dates::days_between;
use crate::model::{Contact, Data, Id, Relationship};
use chrono::{Days, NaiveDate};
use std::cmp::Ordering;

/// Days between touches when the user has not chosen a cadence for a contact. Close ties drift
/// fastest without contact; looser ones are fine with a quarterly touch.
pub fn default_cadence_days(relationship: Relationship) -> u16 {
    match relationship {
        Relationship::Colleague | Relationship::Friend | Relationship::Family | Relationship::Mentor => 30,
        Relationship::Client => 45,
        Relationship::FormerColleague | Relationship::Manager => 60,
        Relationship::Classmate | Relationship::Community | Relationship::Acquaintance | Relationship::Unspecified => {
            90
        }
    }
}

/// The contact's own cadence if set, else the default for the relationship. A cadence of 0 would
/// make a contact overdue every day, so it is read as "not set".
pub fn cadence_days(contact: &Contact) -> u16 {
    contact
        .cadence_days
        .filter(|days| *days > 0)
        .unwrap_or_else(|| default_cadence_days(contact.relationship))
}

/// A contact's keep-in-touch clock.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct KeepInTouch {
    pub cadence_days: u16,
    /// The latest touch of any kind; the day the contact was added if there was none.
    pub last_touch: NaiveDate,
    /// Whether any touch was ever logged, so a screen can say "no touch yet" rather than
    /// presenting the day they were added as a conversation.
    pub touched: bool,
    pub next_due: NaiveDate,
}

impl KeepInTouch {
    pub fn of(contact: &Contact, data: &Data) -> KeepInTouch {
        Self::from_activity(contact, &Activity::of(contact.id, data))
    }

    pub(crate) fn from_activity(contact: &Contact, activity: &Activity) -> KeepInTouch {
        let cadence_days = cadence_days(contact);
        let last_touch = activity.last_touch.unwrap_or_else(|| contact.created.0.date_naive());
        KeepInTouch {
            cadence_days,
            last_touch,
            touched: activity.last_touch.is_some(),
            next_due: last_touch + Days::new(u64::from(cadence_days)),
        }
    }

    pub fn days_since(&self, today: NaiveDate) -> i64 {
        days_between(self.last_touch, today)
    }

    /// Days past the due date; zero or less while not due yet.
    pub fn days_overdue(&self, today: NaiveDate) -> i64 {
        days_between(self.next_due, today)
    }

    /// Overdue by more than a whole extra cadence: too cold to ask without warming up first.
    pub fn is_cold(&self, today: NaiveDate) -> bool {
        self.days_overdue(today) > i64::from(self.cadence_days)
    }
}

/// A contact past their next touch.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ColdEntry {
    pub contact: Id,
    pub days_overdue: i64,
    pub last_touch: NaiveDate,
    pub cadence_days: u16,
}

impl ColdEntry {
    /// How far past due relative to the cadence, compared without rounding: 30 days late on a
    /// monthly cadence is worse than 45 days late on a quarterly one.
    fn lateness_cmp(&self, other: &ColdEntry) -> Ordering {
        let mine = i128::from(self.days_overdue) * i128::from(other.cadence_days);
        let theirs = i128::from(other.days_overdue) * i128::from(self.cadence_days);
        mine.cmp(&theirs)
    }
}

/// Whether the user keeps in touch with this contact at all. A fresh import of thousands of
/// connections would otherwise all be "going cold" at once and bury the people who matter: a
/// contact counts once the user has judged them, said how they know them, chosen a cadence, or
/// logged anything with them.
fn is_kept_in_touch(contact: &Contact, activity: Option<&Activity>) -> bool {
    is_judged(contact)
        || contact.relationship != Relationship::Unspecified
        || contact.cadence_days.is_some()
        || activity.is_some_and(|a| !a.is_empty())
}

/// The keep-in-touch clock of a contact that is going cold: kept in touch with and past its next
/// touch. `None` for everyone else. The one rule behind Today's list and search's filter.
pub(crate) fn cold_clock(contact: &Contact, activity: Option<&Activity>, today: NaiveDate) -> Option<KeepInTouch> {
    if !is_kept_in_touch(contact, activity) {
        return None;
    }
    let clock = KeepInTouch::from_activity(contact, activity.unwrap_or(&Activity::default()));
    (clock.days_overdue(today) > 0).then_some(clock)
}

/// Contacts past their next touch, worst first: the most overdue relative to their cadence, then
/// by name and id so the list never reshuffles between renders.
pub fn going_cold(data: &Data, today: NaiveDate) -> Vec<ColdEntry> {
    let activities = Activity::all(data);
    let mut cold: Vec<(ColdEntry, String)> = data
        .contacts
        .values()
        .filter_map(|c| {
            let clock = cold_clock(c, activities.get(&c.id), today)?;
            let entry = ColdEntry {
                contact: c.id,
                days_overdue: clock.days_overdue(today),
                last_touch: clock.last_touch,
                cadence_days: clock.cadence_days,
            };
            Some((entry, fold(&c.name)))
        })
        .collect();
    crate::sort::sort_by(&mut cold, |(a, a_name), (b, b_name)| {
        b.lateness_cmp(a)
            .then_with(|| a_name.cmp(b_name))
            .then_with(|| a.contact.cmp(&b.contact))
    });
    cold.into_iter().map(|(entry, _)| entry).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::TouchKind;
    use crate::network::fixtures::{day, World};

    fn names(w: &World, cold: &[ColdEntry]) -> Vec<String> {
        cold.iter().map(|e| w.contact_ref(e.contact).name.clone()).collect()
    }

    #[test]
    fn close_ties_are_due_sooner_than_acquaintances() {
        assert_eq!(default_cadence_days(Relationship::Friend), 30);
        assert_eq!(default_cadence_days(Relationship::Mentor), 30);
        assert_eq!(default_cadence_days(Relationship::Client), 45);
        assert_eq!(default_cadence_days(Relationship::FormerColleague), 60);
        assert_eq!(default_cadence_days(Relationship::Acquaintance), 90);
        assert_eq!(default_cadence_days(Relationship::Unspecified), 90);
    }

    #[test]
    fn a_chosen_cadence_overrides_the_relationship_default() {
        let mut w = World::new();
        let ana = w.strong("Ana");
        w.edit(ana, |c| c.cadence_days = Some(14));
        assert_eq!(cadence_days(w.contact_ref(ana)), 14);
        w.edit(ana, |c| c.cadence_days = Some(0));
        assert_eq!(cadence_days(w.contact_ref(ana)), 60, "0 reads as not set");
    }

    #[test]
    fn next_touch_is_due_a_cadence_after_the_last_touch_of_any_kind() {
        let mut w = World::new();
        let ana = w.strong("Ana");
        w.edit(ana, |c| c.relationship = Relationship::Friend);
        w.touch(ana, "2025-03-01", TouchKind::Greeting);
        w.touch(ana, "2025-02-01", TouchKind::CoffeeOrLunch);
        let clock = KeepInTouch::of(w.contact_ref(ana), &w.data);
        assert_eq!(clock.last_touch, day("2025-03-01"));
        assert_eq!(clock.next_due, day("2025-03-31"));
        assert!(clock.touched);
    }

    #[test]
    fn with_no_touch_the_clock_starts_when_the_contact_was_added() {
        let mut w = World::new();
        let ana = w.strong("Ana");
        let clock = KeepInTouch::of(w.contact_ref(ana), &w.data);
        assert_eq!(clock.last_touch, day("2025-01-01"));
        assert!(!clock.touched);
        assert_eq!(clock.next_due, day("2025-03-02"));
    }

    #[test]
    fn a_contact_touched_within_cadence_is_not_going_cold() {
        let mut w = World::new();
        let ana = w.strong("Ana");
        w.touch(ana, "2025-03-01", TouchKind::Call);
        assert!(
            going_cold(&w.data, day("2025-04-30")).is_empty(),
            "due on 30 April, not past it"
        );
        assert_eq!(going_cold(&w.data, day("2025-05-01"))[0].days_overdue, 1);
    }

    #[test]
    fn the_most_overdue_for_their_cadence_comes_first() {
        let mut w = World::new();
        // 60 days late on a 30-day cadence is worse than 75 days late on a 90-day one.
        let friend = w.strong("Farah");
        w.edit(friend, |c| c.relationship = Relationship::Friend);
        w.touch(friend, "2025-03-02", TouchKind::Call);
        let classmate = w.strong("Carmen");
        w.edit(classmate, |c| c.relationship = Relationship::Classmate);
        w.touch(classmate, "2024-12-17", TouchKind::Call);
        let cold = going_cold(&w.data, day("2025-05-31"));
        assert_eq!(names(&w, &cold), vec!["Farah", "Carmen"]);
        assert_eq!(cold[0].days_overdue, 60);
        assert_eq!(cold[1].days_overdue, 75);
        assert_eq!(cold[0].last_touch, day("2025-03-02"));
    }

    #[test]
    fn equally_overdue_contacts_are_listed_by_name() {
        let mut w = World::new();
        let zoe = w.strong("Zoë");
        let ana = w.strong("ana");
        let bram = w.strong("Bram");
        for id in [zoe, ana, bram] {
            w.touch(id, "2025-01-10", TouchKind::Note);
        }
        let cold = going_cold(&w.data, day("2025-06-01"));
        assert_eq!(names(&w, &cold), vec!["ana", "Bram", "Zoë"]);
    }

    #[test]
    fn untouched_imports_do_not_flood_the_going_cold_list() {
        let mut w = World::new();
        w.contact("Imported Ivan");
        let kept = w.contact("Kept Kenji");
        w.touch(kept, "2025-01-02", TouchKind::Note);
        let cold = going_cold(&w.data, day("2026-01-01"));
        assert_eq!(names(&w, &cold), vec!["Kept Kenji"]);
    }

    #[test]
    fn cold_means_a_whole_cadence_past_due() {
        let mut w = World::new();
        let ana = w.strong("Ana");
        w.touch(ana, "2025-01-01", TouchKind::Note);
        let clock = KeepInTouch::of(w.contact_ref(ana), &w.data);
        assert!(
            !clock.is_cold(day("2025-05-01")),
            "120 days since, 60 past due: slipping"
        );
        assert!(clock.is_cold(day("2025-05-02")));
    }
}
