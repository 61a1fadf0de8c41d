//! How each goal is going: asks made and their answers, referrals by stage, and how quickly new
//! referrals got their first contact. Counts about the user's own search only; contacts are never
//! ranked against each other (no leaderboards), since thanks matter more than scores.

use super::stages::STAGES;
use crate::model::{Data, Id, Outcome, Referral, Stage};
use chrono::TimeDelta;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GoalProgress {
    pub goal: Id,
    pub asks: usize,
    pub yes: usize,
    pub cant: usize,
    pub waiting: usize,
    pub no_reply: usize,
    /// How many referrals are at each stage, in [`STAGES`] order, zeros included.
    pub referrals_by_stage: [(Stage, usize); 6],
    /// For each referral that has been contacted, the time from referral to first contact,
    /// oldest referral first.
    pub times_to_first_contact: Vec<TimeDelta>,
}

impl GoalProgress {
    pub fn referrals(&self) -> usize {
        self.referrals_by_stage.iter().map(|(_, n)| n).sum()
    }

    pub fn at_stage(&self, stage: Stage) -> usize {
        self.referrals_by_stage
            .iter()
            .find(|(s, _)| *s == stage)
            .map_or(0, |(_, n)| *n)
    }

    /// The middle time to first contact (the mean of the two middle ones for an even count); none
    /// before any referral was contacted. The median, not the mean, so one referral that sat for a
    /// fortnight does not hide that the rest were contacted within hours.
    pub fn median_time_to_first_contact(&self) -> Option<TimeDelta> {
        let mut times = self.times_to_first_contact.clone();
        crate::sort::sort(&mut times);
        let mid = times.len() / 2;
        match times.len() {
            0 => None,
            n if n % 2 == 1 => Some(times[mid]),
            _ => Some((times[mid - 1] + times[mid]) / 2),
        }
    }
}

/// A referral counts for the goal of the ask it came from. A referral logged without an ask has
/// no goal in the current model, so it is counted under no goal.
fn referral_goal(data: &Data, r: &Referral) -> Option<Id> {
    r.ask.and_then(|a| data.asks.get(&a)).and_then(|a| a.goal)
}

/// The progress of one goal. A goal with no asks yet gives all zeros.
pub fn goal_progress(data: &Data, goal: Id) -> GoalProgress {
    let mut p = GoalProgress {
        goal,
        asks: 0,
        yes: 0,
        cant: 0,
        waiting: 0,
        no_reply: 0,
        referrals_by_stage: STAGES.map(|s| (s, 0)),
        times_to_first_contact: Vec::new(),
    };
    for ask in data.asks.values().filter(|a| a.goal == Some(goal)) {
        p.asks += 1;
        match ask.outcome {
            Outcome::Waiting => p.waiting += 1,
            Outcome::NoReply => p.no_reply += 1,
            Outcome::Yes => p.yes += 1,
            Outcome::Cant { .. } => p.cant += 1,
        }
    }
    let mut referrals: Vec<&Referral> = data
        .referrals
        .values()
        .filter(|r| referral_goal(data, r) == Some(goal))
        .collect();
    crate::sort::sort_by_key(&mut referrals, |r| (r.referred_at, r.id));
    for r in referrals {
        if let Some((_, n)) = p.referrals_by_stage.iter_mut().find(|(s, _)| *s == r.stage) {
            *n += 1;
        }
        if let Some(first) = r.first_contact {
            // Never negative: a first contact stamped by a device whose clock runs behind.
            p.times_to_first_contact
                .push((first.0 - r.referred_at.0).max(TimeDelta::zero()));
        }
    }
    p
}

/// The progress of every goal: active goals first, then archived ones, each group oldest first.
pub fn all_goal_progress(data: &Data) -> Vec<GoalProgress> {
    let mut goals: Vec<_> = data.goals.values().collect();
    crate::sort::sort_by_key(&mut goals, |g| (g.archived, g.created, g.id));
    goals.into_iter().map(|g| goal_progress(data, g.id)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pipeline::fixtures::{ask, at_stage, cant, contact, data, goal, id, referral, stamp};

    const GOAL: u128 = 50;

    fn contacted_after(n: u128, ask: u128, day: u32, hours: i64, stage: Stage) -> Referral {
        let mut r = referral(n, 1, Some(ask), stamp(day, 9));
        r.first_contact = Some(crate::model::Stamp(r.referred_at.0 + TimeDelta::hours(hours)));
        at_stage(r, stage, day + 1)
    }

    fn story() -> Data {
        data(
            vec![contact(1, "Ana"), contact(2, "Bram")],
            vec![goal(GOAL), goal(51)],
            vec![
                ask(10, 1, Some(GOAL), Outcome::Yes, 2),
                ask(11, 2, Some(GOAL), cant("freeze"), 2),
                ask(12, 1, Some(GOAL), Outcome::Waiting, 3),
                ask(13, 2, Some(GOAL), Outcome::NoReply, 3),
                ask(14, 2, Some(51), Outcome::Yes, 3),
                ask(15, 2, None, Outcome::Yes, 3),
            ],
            vec![
                contacted_after(20, 10, 3, 30, Stage::MeetingSet),
                contacted_after(21, 10, 4, 4, Stage::Contacted),
                referral(22, 1, Some(10), stamp(6, 9)),
                contacted_after(23, 14, 4, 1, Stage::Offer),
            ],
        )
    }

    #[test]
    fn asks_are_counted_by_answer_for_their_goal_only() {
        let p = goal_progress(&story(), id(GOAL));
        assert_eq!((p.asks, p.yes, p.cant, p.waiting, p.no_reply), (4, 1, 1, 1, 1));
    }

    #[test]
    fn referrals_are_counted_per_stage_with_every_stage_listed() {
        let p = goal_progress(&story(), id(GOAL));
        assert_eq!(p.referrals(), 3);
        assert_eq!(p.at_stage(Stage::New), 1);
        assert_eq!(p.at_stage(Stage::Contacted), 1);
        assert_eq!(p.at_stage(Stage::MeetingSet), 1);
        assert_eq!(p.at_stage(Stage::Offer), 0, "the offer belongs to the other goal");
        let order: Vec<Stage> = p.referrals_by_stage.iter().map(|(s, _)| *s).collect();
        assert_eq!(order, STAGES.to_vec());
    }

    #[test]
    fn time_to_first_contact_is_listed_per_referral_and_summed_up_as_a_median() {
        let p = goal_progress(&story(), id(GOAL));
        assert_eq!(
            p.times_to_first_contact,
            vec![TimeDelta::hours(30), TimeDelta::hours(4)],
            "oldest referral first; the uncontacted one has no time yet"
        );
        assert_eq!(p.median_time_to_first_contact(), Some(TimeDelta::hours(17)));
    }

    #[test]
    fn the_median_ignores_one_slow_outlier() {
        let p = GoalProgress {
            times_to_first_contact: [2, 400, 3].map(TimeDelta::hours).to_vec(),
            ..goal_progress(&Data::default(), id(GOAL))
        };
        assert_eq!(p.median_time_to_first_contact(), Some(TimeDelta::hours(3)));
    }

    #[test]
    fn a_goal_without_activity_shows_zeros_and_no_median() {
        let p = goal_progress(&Data::default(), id(GOAL));
        assert_eq!((p.asks, p.referrals()), (0, 0));
        assert_eq!(p.median_time_to_first_contact(), None);
    }

    #[test]
    fn every_goal_gets_a_summary_active_ones_first() {
        let mut d = story();
        d.goals.get_mut(&id(GOAL)).unwrap().archived = true;
        let all = all_goal_progress(&d);
        let goals: Vec<Id> = all.iter().map(|p| p.goal).collect();
        assert_eq!(goals, vec![id(51), id(GOAL)]);
        assert_eq!(all[0].at_stage(Stage::Offer), 1);
    }
}
