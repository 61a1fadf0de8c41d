//! What has happened with each contact (touches, things given, favours asked) gathered from the
//! touchpoints and asks. `Activity::all` does it in one pass, so ranking 30,000 contacts never
//! rescans every touchpoint per contact.

use crate::model::{AskKind, Data, Direction, Id};
use chrono::NaiveDate;
use std::collections::HashMap;

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Activity {
    /// The latest touchpoint of any kind, or ask sent: any touch resets the keep-in-touch clock.
    pub last_touch: Option<NaiveDate>,
    /// Days the user gave something (a touch with direction Gave), oldest first.
    pub gave: Vec<NaiveDate>,
    /// Days the user asked a favour, oldest first. Counted from `Data::asks` only: an ask comes
    /// with a `TouchKind::Ask` touchpoint, and counting both would count every ask twice.
    pub asked: Vec<NaiveDate>,
}

/// Whether an ask leans on the contact. Inviting someone to lunch or to catch up is how a bond is
/// built, not a favour, so it does not tip the give/ask balance.
pub(crate) fn is_favour(kind: AskKind) -> bool {
    !matches!(kind, AskKind::LunchInvitation | AskKind::CatchUp)
}

impl Activity {
    /// One contact's activity. Scans everything once; for many contacts use `all`.
    pub fn of(contact: Id, data: &Data) -> Activity {
        let mut activity = Activity::default();
        for t in data.touchpoints.values().filter(|t| t.contact == contact) {
            activity.note_touch(t.date, t.direction);
        }
        for a in data.asks.values().filter(|a| a.contact == contact) {
            activity.note_ask(a.sent_on, a.kind);
        }
        activity.finish();
        activity
    }

    /// Every contact's activity, keyed by contact id; a contact with none is absent.
    pub fn all(data: &Data) -> HashMap<Id, Activity> {
        let mut all: HashMap<Id, Activity> = HashMap::new();
        for t in data.touchpoints.values() {
            all.entry(t.contact).or_default().note_touch(t.date, t.direction);
        }
        for a in data.asks.values() {
            all.entry(a.contact).or_default().note_ask(a.sent_on, a.kind);
        }
        all.values_mut().for_each(Activity::finish);
        all
    }

    fn note_touch(&mut self, date: NaiveDate, direction: Direction) {
        self.last_touch = self.last_touch.max(Some(date));
        if direction == Direction::Gave {
            self.gave.push(date);
        }
    }

    fn note_ask(&mut self, date: NaiveDate, kind: AskKind) {
        // An ask is a touch even if its touchpoint was deleted; taking the latest date cannot
        // double count.
        self.last_touch = self.last_touch.max(Some(date));
        if is_favour(kind) {
            self.asked.push(date);
        }
    }

    fn finish(&mut self) {
        crate::sort::sort(&mut self.gave);
        crate::sort::sort(&mut self.asked);
    }

    /// Whether anything at all was ever logged with this contact.
    pub fn is_empty(&self) -> bool {
        self.last_touch.is_none()
    }

    /// Favours asked in the `days` days up to and including `today`.
    pub fn asked_within(&self, days: i64, today: NaiveDate) -> usize {
        self.asked
            .iter()
            .filter(|d| **d <= today && crate::model::dates::days_between(**d, today) < days)
            .count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::TouchKind;
    use crate::network::fixtures::{day, World};

    #[test]
    fn an_ask_is_counted_once_though_it_also_logs_a_touch() {
        let mut w = World::new();
        let ana = w.strong("Ana");
        w.asked(ana, "2025-03-01");
        let activity = Activity::of(ana, &w.data);
        assert_eq!(activity.asked, vec![day("2025-03-01")]);
        assert_eq!(activity.last_touch, Some(day("2025-03-01")));
    }

    #[test]
    fn a_lunch_invitation_is_not_a_favour() {
        let mut w = World::new();
        let ana = w.strong("Ana");
        w.ask_of(ana, "2025-03-01", AskKind::LunchInvitation, None);
        assert!(Activity::of(ana, &w.data).asked.is_empty());
    }

    #[test]
    fn the_latest_touch_of_any_kind_counts() {
        let mut w = World::new();
        let ana = w.strong("Ana");
        w.touch(ana, "2025-04-10", TouchKind::Greeting);
        w.gave(ana, "2025-02-01");
        w.touch(ana, "2025-03-01", TouchKind::TheyHelpedMe);
        let activity = Activity::of(ana, &w.data);
        assert_eq!(activity.last_touch, Some(day("2025-04-10")));
        assert_eq!(activity.gave, vec![day("2025-02-01")]);
    }

    #[test]
    fn one_pass_agrees_with_one_contact_at_a_time() {
        let mut w = World::new();
        let ana = w.strong("Ana");
        let bram = w.strong("Bram");
        w.gave(ana, "2025-02-01");
        w.asked(bram, "2025-02-03");
        w.asked(ana, "2025-02-05");
        let all = Activity::all(&w.data);
        assert_eq!(all[&ana], Activity::of(ana, &w.data));
        assert_eq!(all[&bram], Activity::of(bram, &w.data));
    }

    #[test]
    fn asks_within_a_window_include_today_and_exclude_older_ones() {
        let mut w = World::new();
        let ana = w.strong("Ana");
        w.asked(ana, "2025-03-01");
        w.asked(ana, "2025-03-30");
        w.asked(ana, "2025-03-31");
        let activity = Activity::of(ana, &w.data);
        assert_eq!(activity.asked_within(30, day("2025-03-31")), 2);
    }
}
