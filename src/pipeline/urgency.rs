//! The urgent queue (rule 11): a fresh referral is hot, so every referral not yet contacted shows
//! its age, and turns red once it has waited longer than the policy allows (48 hours by default).

use crate::model::dates;
use crate::model::Referral;
use chrono::{DateTime, FixedOffset, TimeDelta, Utc};

/// How long a new referral may wait for its first contact before it is overdue.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct UrgencyPolicy {
    pub overdue_after: TimeDelta,
}

impl UrgencyPolicy {
    pub const DEFAULT_HOURS: u32 = 48;

    /// A policy in whole hours, the unit the settings screen offers.
    pub fn hours(hours: u32) -> Self {
        UrgencyPolicy {
            overdue_after: TimeDelta::hours(i64::from(hours)),
        }
    }
}

impl Default for UrgencyPolicy {
    fn default() -> Self {
        UrgencyPolicy::hours(Self::DEFAULT_HOURS)
    }
}

/// A referral in the urgent queue, with what the queue shows about it.
#[derive(Clone, Debug, PartialEq)]
pub struct Urgent<'a> {
    pub referral: &'a Referral,
    /// Whole hours since the referral was made.
    pub age_hours: i64,
    /// When the first contact is due: the referral time plus the policy's allowance.
    pub due_by: DateTime<Utc>,
    /// Waited longer than the policy allows: shown in red.
    pub overdue: bool,
}

/// Whether a referral still waits for its first contact. A stage past New without a first
/// contact (hand-edited data) is not urgent: the user has moved on from it.
pub fn is_urgent(referral: &Referral) -> bool {
    referral.stage == crate::model::Stage::New && referral.first_contact.is_none()
}

/// Time since the referral was made. Never negative: a referral stamped on another device whose
/// clock runs ahead reads as brand new rather than as minus three minutes old.
pub fn age(referral: &Referral, now: DateTime<Utc>) -> TimeDelta {
    (now - referral.referred_at.0).max(TimeDelta::zero())
}

/// [`age`] in whole hours, rounded down: "23 h" until a full day has passed.
pub fn age_hours(referral: &Referral, now: DateTime<Utc>) -> i64 {
    age(referral, now).num_hours()
}

/// How old a referral is, in hours as the queue shows it: "Referred 26 hours ago".
pub fn age_label(hours: i64) -> String {
    match hours {
        i64::MIN..=0 => "Referred less than an hour ago".to_string(),
        1 => "Referred 1 hour ago".to_string(),
        h => format!("Referred {h} hours ago"),
    }
}

/// When the first contact is due, in the user's own time: "23 Nov, 22:59". `offset_minutes` is
/// the local time zone's offset east of UTC at that moment (+60 in Paris in winter); the browser
/// knows it, the core does not, so it is a parameter. An offset no time zone has (beyond ±18 h)
/// falls back to UTC and says so.
pub fn due_by_label(due_by: DateTime<Utc>, offset_minutes: i32) -> String {
    match FixedOffset::east_opt(offset_minutes.saturating_mul(60)) {
        Some(zone) => {
            let local = due_by.with_timezone(&zone).naive_local();
            format!("{}, {}", dates::short_day(local.date()), dates::hh_mm(local.time()))
        }
        None => format!(
            "{}, {} UTC",
            dates::short_day(due_by.date_naive()),
            dates::hh_mm(due_by.time())
        ),
    }
}

/// Every referral waiting for its first contact, oldest first (the one going coldest leads). Ties
/// are broken by id so the order never flickers between renders.
pub fn urgent_queue<'a>(
    referrals: impl IntoIterator<Item = &'a Referral>,
    now: DateTime<Utc>,
    policy: UrgencyPolicy,
) -> Vec<Urgent<'a>> {
    let mut queue: Vec<Urgent<'a>> = referrals
        .into_iter()
        .filter(|r| is_urgent(r))
        .map(|referral| Urgent {
            referral,
            age_hours: age_hours(referral, now),
            due_by: referral.referred_at.0 + policy.overdue_after,
            // Overdue from the moment the allowance is used up: "within 48 hours" means at 48 h
            // the window has closed.
            overdue: age(referral, now) >= policy.overdue_after,
        })
        .collect();
    crate::sort::sort_by_key(&mut queue, |u| (u.referral.referred_at, u.referral.id));
    queue
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Stage;
    use crate::pipeline::fixtures::{at, at_stage, id, referral, stamp};

    #[test]
    fn a_new_referral_is_urgent_until_first_contact() {
        let mut r = referral(1, 9, None, stamp(3, 9));
        assert!(is_urgent(&r));
        crate::pipeline::log_first_contact(&mut r, stamp(3, 12), stamp(3, 12)).unwrap();
        assert!(!is_urgent(&r));
    }

    #[test]
    fn closed_and_later_stages_are_not_urgent() {
        for stage in [Stage::Contacted, Stage::MeetingSet, Stage::Closed] {
            assert!(!is_urgent(&at_stage(referral(1, 9, None, stamp(3, 9)), stage, 4)));
        }
        let mut closed_unanswered = referral(2, 9, None, stamp(3, 9));
        closed_unanswered.stage = Stage::Closed;
        assert!(
            !is_urgent(&closed_unanswered),
            "closed without contact: dropped, not urgent"
        );
    }

    #[test]
    fn age_is_counted_in_whole_hours_from_the_referral() {
        let r = referral(1, 9, None, stamp(3, 9));
        assert_eq!(age_hours(&r, at(3, 9)), 0);
        assert_eq!(age_hours(&r, at(4, 8)), 23);
        assert_eq!(age_hours(&r, at(5, 10)), 49);
    }

    #[test]
    fn a_referral_from_a_clock_ahead_is_zero_hours_old_not_negative() {
        let r = referral(1, 9, None, stamp(3, 9));
        assert_eq!(age_hours(&r, at(3, 7)), 0);
    }

    #[test]
    fn a_referral_turns_red_at_48_hours_by_default() {
        let r = referral(1, 9, None, stamp(3, 9));
        let before = urgent_queue([&r], at(5, 8), UrgencyPolicy::default());
        assert!(!before[0].overdue, "47 hours: still in time");
        assert_eq!(before[0].due_by, at(5, 9));
        let on_the_hour = urgent_queue([&r], at(5, 9), UrgencyPolicy::default());
        assert!(on_the_hour[0].overdue, "48 hours: the window has closed");
    }

    #[test]
    fn the_overdue_threshold_is_configurable() {
        let r = referral(1, 9, None, stamp(3, 9));
        let strict = UrgencyPolicy::hours(24);
        assert!(urgent_queue([&r], at(4, 9), strict)[0].overdue);
        assert!(!urgent_queue([&r], at(4, 9), UrgencyPolicy::default())[0].overdue);
        assert_eq!(UrgencyPolicy::default(), UrgencyPolicy::hours(48));
    }

    #[test]
    fn the_urgent_queue_is_oldest_first_and_leaves_out_contacted_referrals() {
        let newest = referral(1, 9, None, stamp(6, 9));
        let oldest = referral(2, 9, None, stamp(2, 9));
        let middle = referral(3, 9, None, stamp(4, 9));
        let contacted = at_stage(referral(4, 9, None, stamp(1, 9)), Stage::Contacted, 2);
        let queue = urgent_queue(
            [&newest, &oldest, &contacted, &middle],
            at(6, 10),
            UrgencyPolicy::default(),
        );
        let ids: Vec<_> = queue.iter().map(|u| u.referral.id).collect();
        assert_eq!(ids, vec![id(2), id(3), id(1)]);
        let hours: Vec<_> = queue.iter().map(|u| u.age_hours).collect();
        assert_eq!(hours, vec![97, 49, 1]);
        let red: Vec<_> = queue.iter().map(|u| u.overdue).collect();
        assert_eq!(red, vec![true, true, false]);
    }

    #[test]
    fn the_age_reads_in_hours() {
        assert_eq!(age_label(0), "Referred less than an hour ago");
        assert_eq!(age_label(1), "Referred 1 hour ago");
        assert_eq!(age_label(49), "Referred 49 hours ago");
    }

    #[test]
    fn referrals_made_at_the_same_moment_keep_a_stable_order() {
        let a = referral(7, 9, None, stamp(3, 9));
        let b = referral(5, 9, None, stamp(3, 9));
        let queue = urgent_queue([&a, &b], at(3, 10), UrgencyPolicy::default());
        assert_eq!(queue[0].referral.id, id(5));
    }

    #[test]
    fn the_deadline_reads_in_local_time() {
        let due = at(23, 21) - TimeDelta::minutes(1);
        assert_eq!(due_by_label(due, 0), "23 Mar, 20:59");
        assert_eq!(due_by_label(due, 60), "23 Mar, 21:59");
        // Far enough east, the deadline falls on the next day.
        assert_eq!(due_by_label(due, 5 * 60 + 30), "24 Mar, 02:29");
        // West of UTC the offset is negative.
        assert_eq!(due_by_label(due, -8 * 60), "23 Mar, 12:59");
    }

    #[test]
    fn an_impossible_offset_falls_back_to_utc_and_says_so() {
        let due = at(3, 9);
        assert_eq!(due_by_label(due, 24 * 60), "3 Mar, 09:00 UTC");
    }
}
