//! The give/ask balance with a contact (DOMAIN rule 2, give before you ask): what the user gave
//! and what they asked, and a plain warning when the relationship is leaning on asking.

use super::activity::Activity;
use super::words::times;
use crate::model::{Data, Id};
use chrono::NaiveDate;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Balance {
    /// Touches in which the user gave (help, an article, a lead, an introduction).
    pub gave: usize,
    pub last_gave: Option<NaiveDate>,
    /// Favours asked; invitations to lunch or to catch up are not counted.
    pub asked: usize,
    pub last_asked: Option<NaiveDate>,
    /// Favours asked after the last day the user gave. Something given on the day of an ask
    /// counts as given first: helping and asking in one conversation is a fair trade.
    pub asked_since_gave: usize,
}

impl Balance {
    pub fn of(contact: Id, data: &Data) -> Balance {
        Self::from_activity(&Activity::of(contact, data))
    }

    pub(crate) fn from_activity(activity: &Activity) -> Balance {
        let last_gave = activity.gave.last().copied();
        Balance {
            gave: activity.gave.len(),
            last_gave,
            asked: activity.asked.len(),
            last_asked: activity.asked.last().copied(),
            asked_since_gave: activity.asked.iter().filter(|d| Some(**d) > last_gave).count(),
        }
    }

    /// Whether the user has taken more than they gave: any ask with nothing ever given, or two
    /// asks since the last thing given. One ask after a give is the normal rhythm.
    pub fn leans_on_asking(&self) -> bool {
        if self.gave == 0 {
            self.asked > 0
        } else {
            self.asked_since_gave >= 2
        }
    }

    /// What to tell the user before another ask, or `None` when the balance is fine.
    pub fn warning(&self) -> Option<String> {
        if !self.leans_on_asking() {
            return None;
        }
        Some(if self.gave == 0 {
            format!("You've asked {} and never given", times(self.asked))
        } else {
            format!("You've asked {} since you last gave", times(self.asked_since_gave))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{AskKind, Direction, TouchKind};
    use crate::network::fixtures::{day, set_direction, World};

    #[test]
    fn a_contact_never_asked_needs_no_warning() {
        let mut w = World::new();
        let ana = w.strong("Ana");
        w.gave(ana, "2025-02-01");
        let balance = Balance::of(ana, &w.data);
        assert_eq!(balance.gave, 1);
        assert_eq!(balance.last_gave, Some(day("2025-02-01")));
        assert_eq!(balance.warning(), None);
    }

    #[test]
    fn one_ask_and_nothing_given_is_flagged() {
        let mut w = World::new();
        let ana = w.strong("Ana");
        w.asked(ana, "2025-02-01");
        assert_eq!(
            Balance::of(ana, &w.data).warning().as_deref(),
            Some("You've asked once and never given")
        );
    }

    #[test]
    fn one_ask_after_giving_is_fine() {
        let mut w = World::new();
        let ana = w.strong("Ana");
        w.gave(ana, "2025-01-15");
        w.asked(ana, "2025-02-01");
        let balance = Balance::of(ana, &w.data);
        assert_eq!(balance.asked_since_gave, 1);
        assert_eq!(balance.warning(), None);
    }

    #[test]
    fn two_asks_since_the_last_give_are_flagged() {
        let mut w = World::new();
        let ana = w.strong("Ana");
        w.asked(ana, "2025-01-01");
        w.gave(ana, "2025-01-15");
        w.asked(ana, "2025-02-01");
        w.asked(ana, "2025-03-01");
        let balance = Balance::of(ana, &w.data);
        assert_eq!((balance.gave, balance.asked), (1, 3));
        assert_eq!(balance.last_asked, Some(day("2025-03-01")));
        assert_eq!(
            balance.warning().as_deref(),
            Some("You've asked twice since you last gave")
        );
    }

    #[test]
    fn giving_on_the_day_of_an_ask_counts_as_giving_first() {
        let mut w = World::new();
        let ana = w.strong("Ana");
        w.asked(ana, "2025-02-01");
        w.gave(ana, "2025-02-01");
        assert_eq!(Balance::of(ana, &w.data).asked_since_gave, 0);
    }

    #[test]
    fn the_ask_touchpoint_is_not_counted_again() {
        let mut w = World::new();
        let ana = w.strong("Ana");
        w.asked(ana, "2025-02-01");
        w.asked(ana, "2025-02-20");
        w.asked(ana, "2025-03-01");
        assert_eq!(
            Balance::of(ana, &w.data).warning().as_deref(),
            Some("You've asked 3 times and never given")
        );
    }

    #[test]
    fn a_lunch_invitation_does_not_tip_the_balance() {
        let mut w = World::new();
        let ana = w.strong("Ana");
        w.ask_of(ana, "2025-02-01", AskKind::LunchInvitation, None);
        assert_eq!(Balance::of(ana, &w.data).warning(), None);
    }

    #[test]
    fn direction_not_kind_decides_what_was_given() {
        let mut w = World::new();
        let ana = w.strong("Ana");
        // A call in which the user helped: logged as a call, marked as given.
        let call = w.touch(ana, "2025-02-01", TouchKind::Call);
        set_direction(&mut w, call, Direction::Gave);
        // Shared something, but marked as received by hand.
        let shared = w.gave(ana, "2025-02-02");
        set_direction(&mut w, shared, Direction::Received);
        let balance = Balance::of(ana, &w.data);
        assert_eq!(balance.gave, 1);
        assert_eq!(balance.last_gave, Some(day("2025-02-01")));
    }
}
