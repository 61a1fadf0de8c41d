//! Whether a contact is ready to be asked (DOMAIN rule 6, check the relationship before asking):
//! a verdict, the reasons in short sentences, and the one next step to take.
//!
//! The rules, first match wins:
//! 1. Two or more favours asked in the last 30 days: warm up first, with a catch-up note. Asking
//!    again now leans on them whatever the tie.
//! 2. A tie that is not strong (any of know / like / trust below 3, or not judged): if a strong
//!    contact knows them, go through that contact for a warm introduction; otherwise warm up
//!    first, with a catch-up note if they are past their keep-in-touch date, else a coffee or
//!    lunch invitation to build the bond.
//! 3. A strong tie gone cold (a whole cadence past due): warm up first, with a lunch invitation.
//! 4. A strong tie past due but not cold: ready, after a short note in advance.
//! 5. A strong tie in touch: ready to ask.
//!
//! Never having given anything does not block a strong tie: close relationships absorb one ask,
//! and rule 2 of DOMAIN.md is served by saying so and asking the user to offer something back.

use super::activity::Activity;
use super::balance::Balance;
use super::cadence::KeepInTouch;
use super::paths::{company_key, paths_into};
use super::search::fold;
use super::tie::{describe_loose, is_strong, tie};
use super::words::{ago, date, first_name, times};
use crate::model::{Contact, Data, Goal, GoalKind, Id, Outcome, Person};
use chrono::NaiveDate;

/// The window in which two asks are one too many.
pub const RECENT_ASK_DAYS: i64 = 30;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verdict {
    Ready,
    WarmUpFirst,
    GoThroughSomeoneElse,
}

impl Verdict {
    pub fn label(self) -> &'static str {
        match self {
            Verdict::Ready => "Ready to ask",
            Verdict::WarmUpFirst => "Build the bond first",
            Verdict::GoThroughSomeoneElse => "Go through someone else",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NextStep {
    CatchUpNote,
    LunchInvitation,
    NoteInAdvance,
    /// Ask this strong contact, who knows them, for a warm introduction.
    WarmIntroVia {
        contact: Id,
        name: String,
    },
    Ask,
}

impl NextStep {
    pub fn label(&self) -> String {
        match self {
            NextStep::CatchUpNote => "Send a catch-up note".into(),
            NextStep::LunchInvitation => "Invite them for coffee or lunch".into(),
            NextStep::NoteInAdvance => "Send a short note in advance".into(),
            NextStep::WarmIntroVia { name, .. } => format!("Ask {name} for a warm introduction"),
            NextStep::Ask => "Write the ask".into(),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Readiness {
    pub verdict: Verdict,
    /// Short sentences for the user, the one that decided the verdict first.
    pub reasons: Vec<String>,
    pub next_step: NextStep,
}

pub fn readiness(contact: &Contact, data: &Data, goal: Option<&Goal>, today: NaiveDate) -> Readiness {
    let activity = Activity::of(contact.id, data);
    let clock = KeepInTouch::from_activity(contact, &activity);
    let balance = Balance::from_activity(&activity);
    let name = first_name(&contact.name);
    let strong = is_strong(contact);
    let recent_asks = activity.asked_within(RECENT_ASK_DAYS, today);
    let overdue = clock.days_overdue(today) > 0;

    let mut reasons = Vec::new();
    let (verdict, next_step) = if recent_asks >= 2 {
        reasons.push(format!(
            "You've asked {name} {} in the last {RECENT_ASK_DAYS} days: give it time before asking again",
            times(recent_asks)
        ));
        (Verdict::WarmUpFirst, NextStep::CatchUpNote)
    } else if !strong {
        match warm_intro(contact, data) {
            Some(via) => {
                reasons.push(format!(
                    "{} is a strong tie of yours and knows {name}: ask for a warm introduction",
                    via.name
                ));
                let step = NextStep::WarmIntroVia {
                    contact: via.id,
                    name: via.name.clone(),
                };
                (Verdict::GoThroughSomeoneElse, step)
            }
            None if overdue => {
                reasons.push("Build the bond first: reconnect with a catch-up note".into());
                (Verdict::WarmUpFirst, NextStep::CatchUpNote)
            }
            None => {
                reasons.push("Build the bond first: a coffee or lunch comes before any ask".into());
                (Verdict::WarmUpFirst, NextStep::LunchInvitation)
            }
        }
    } else if clock.is_cold(today) {
        reasons.push(format!("Reconnect before asking: invite {name} for coffee or lunch"));
        (Verdict::WarmUpFirst, NextStep::LunchInvitation)
    } else if overdue {
        reasons.push("Send a short note first so the ask doesn't come out of the blue".into());
        (Verdict::Ready, NextStep::NoteInAdvance)
    } else {
        (Verdict::Ready, NextStep::Ask)
    };

    reasons.push(if strong {
        "Knows, likes and trusts you".into()
    } else {
        describe_loose(contact)
    });
    if contact.knows_my_work {
        reasons.push("Knows your work".into());
    } else if verdict == Verdict::Ready {
        reasons.push("Doesn't know your work first-hand: give them two or three achievements to repeat".into());
    }
    reasons.push(touch_reason(&clock, today, overdue));
    if let Some(warning) = balance.warning() {
        reasons.push(warning);
    } else if balance.gave == 0 {
        reasons.push(format!(
            "You've never given {name} anything yet: offer something in return"
        ));
    }
    if let Some(goal) = goal {
        reasons.extend(goal_reasons(contact, data, goal, name));
    }
    Readiness {
        verdict,
        reasons,
        next_step,
    }
}

fn touch_reason(clock: &KeepInTouch, today: NaiveDate, overdue: bool) -> String {
    let when = ago(clock.days_since(today));
    let reason = if clock.touched {
        format!("Last in touch {when}")
    } else {
        format!("No touch logged since you added them {when}")
    };
    if overdue {
        format!("{reason} (you aim for every {} days)", clock.cadence_days)
    } else {
        reason
    }
}

/// The strong contact best placed to introduce the user to `contact`: the warmest path first (the
/// weaker of the user's tie to them and how well they know `contact`), then the closer tie, then
/// by name.
fn warm_intro<'a>(contact: &Contact, data: &'a Data) -> Option<&'a Contact> {
    data.links
        .values()
        .filter(|link| link.to == Person::Contact(contact.id) && link.from != contact.id)
        .filter_map(|link| data.contacts.get(&link.from).map(|via| (via, link.strength)))
        .filter(|(via, _)| is_strong(via))
        .max_by(|(a, a_link), (b, b_link)| {
            tie(a)
                .min(*a_link)
                .cmp(&tie(b).min(*b_link))
                .then_with(|| tie(a).cmp(&tie(b)))
                .then_with(|| fold(&b.name).cmp(&fold(&a.name)))
                .then_with(|| b.id.cmp(&a.id))
        })
        .map(|(via, _)| via)
}

/// What the goal adds: whether they work at the target company or know someone there, and
/// whether an ask for this goal is already waiting for an answer.
fn goal_reasons(contact: &Contact, data: &Data, goal: &Goal, name: &str) -> Vec<String> {
    let mut reasons = Vec::new();
    let target = company_key(&goal.company);
    if goal.kind == GoalKind::Targeted && !target.is_empty() {
        if company_key(&contact.company) == target {
            reasons.push(format!("Works at {}, the company you're targeting", goal.company));
        } else if let Some(path) = paths_into(data, &goal.company)
            .second_degree
            .into_iter()
            .find(|p| p.via == contact.id)
        {
            reasons.push(format!(
                "Knows {} at {}: an introduction may be the better ask",
                path.to_name, goal.company
            ));
        }
    }
    let waiting = data
        .asks
        .values()
        .filter(|a| a.contact == contact.id && a.goal == Some(goal.id) && a.outcome == Outcome::Waiting)
        .map(|a| a.sent_on)
        .max();
    if let Some(sent) = waiting {
        reasons.push(format!(
            "You already asked {name} about this goal on {}: follow up rather than ask again",
            date(sent)
        ));
    }
    reasons
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{AskKind, Stamp, TouchKind};
    use crate::network::fixtures::{day, stamp, World};

    const TODAY: &str = "2025-06-01";

    fn check(w: &World, id: Id) -> Readiness {
        readiness(w.contact_ref(id), &w.data, None, day(TODAY))
    }

    fn has(r: &Readiness, reason: &str) -> bool {
        r.reasons.iter().any(|have| have == reason)
    }

    /// A strong tie who knows the user's work, last in touch two weeks ago, who was given
    /// something before.
    fn good_friend(w: &mut World, name: &str) -> Id {
        let id = w.strong(name);
        w.gave(id, "2025-04-01");
        w.touch(id, "2025-05-18", TouchKind::Call);
        id
    }

    #[test]
    fn a_strong_tie_in_touch_is_ready_to_ask() {
        let mut w = World::new();
        let ana = good_friend(&mut w, "Ana Silva");
        let r = check(&w, ana);
        assert_eq!(r.verdict, Verdict::Ready);
        assert_eq!(r.next_step, NextStep::Ask);
        assert_eq!(
            r.reasons,
            vec![
                "Knows, likes and trusts you",
                "Knows your work",
                "Last in touch 2 weeks ago"
            ]
        );
    }

    #[test]
    fn a_strong_tie_never_given_to_is_ready_but_told_to_offer_something() {
        let mut w = World::new();
        let ana = w.strong("Ana Silva");
        w.touch(ana, "2025-05-18", TouchKind::Call);
        let r = check(&w, ana);
        assert_eq!(r.verdict, Verdict::Ready);
        assert_eq!(r.next_step, NextStep::Ask);
        assert!(
            has(&r, "You've never given Ana anything yet: offer something in return"),
            "{r:?}"
        );
    }

    #[test]
    fn a_weak_tie_warms_up_first_with_a_lunch() {
        let mut w = World::new();
        let kofi = w.judged("Kofi Mensah", 2, 3, 1, false);
        w.touch(kofi, "2025-05-10", TouchKind::Greeting);
        let r = check(&w, kofi);
        assert_eq!(r.verdict, Verdict::WarmUpFirst);
        assert_eq!(r.next_step, NextStep::LunchInvitation);
        assert_eq!(
            r.reasons[0],
            "Build the bond first: a coffee or lunch comes before any ask"
        );
        assert!(has(&r, "A loose tie so far (know 2/4, like 3/4, trust 1/4)"), "{r:?}");
    }

    #[test]
    fn an_unjudged_contact_past_due_gets_a_catch_up_note() {
        let mut w = World::new();
        let ivan = w.contact("Ivan Novak");
        let r = check(&w, ivan);
        assert_eq!(r.verdict, Verdict::WarmUpFirst);
        assert_eq!(r.next_step, NextStep::CatchUpNote);
        assert!(
            has(&r, "You haven't judged how well you know, like and trust them yet"),
            "{r:?}"
        );
        assert!(
            has(
                &r,
                "No touch logged since you added them 5 months ago (you aim for every 90 days)"
            ),
            "{r:?}"
        );
    }

    #[test]
    fn a_weak_tie_known_by_a_strong_contact_goes_through_them() {
        let mut w = World::new();
        let kofi = w.judged("Kofi Mensah", 1, 2, 1, false);
        let bram = good_friend(&mut w, "Bram de Vries");
        w.knows(bram, kofi, 3);
        let weaker = w.judged("Wen Chen", 2, 2, 2, false);
        w.knows(weaker, kofi, 4);
        let r = check(&w, kofi);
        assert_eq!(r.verdict, Verdict::GoThroughSomeoneElse);
        assert_eq!(
            r.next_step,
            NextStep::WarmIntroVia {
                contact: bram,
                name: "Bram de Vries".into()
            }
        );
        assert_eq!(r.next_step.label(), "Ask Bram de Vries for a warm introduction");
        assert_eq!(
            r.reasons[0],
            "Bram de Vries is a strong tie of yours and knows Kofi: ask for a warm introduction"
        );
    }

    #[test]
    fn the_warmest_introduction_route_is_chosen() {
        let mut w = World::new();
        let kofi = w.contact("Kofi");
        let barely = w.strong("Anna");
        w.knows(barely, kofi, 1);
        let well = w.judged("Bram", 3, 3, 3, false);
        w.knows(well, kofi, 4);
        assert_eq!(
            check(&w, kofi).next_step,
            NextStep::WarmIntroVia {
                contact: well,
                name: "Bram".into()
            }
        );
    }

    #[test]
    fn a_weak_tie_known_only_by_weak_contacts_warms_up_first() {
        let mut w = World::new();
        let kofi = w.judged("Kofi", 1, 1, 1, false);
        let wen = w.judged("Wen", 2, 2, 2, false);
        w.knows(wen, kofi, 4);
        assert_eq!(check(&w, kofi).verdict, Verdict::WarmUpFirst);
    }

    #[test]
    fn a_cold_strong_tie_is_invited_to_lunch_before_any_ask() {
        let mut w = World::new();
        let ana = w.strong("Ana Silva");
        w.gave(ana, "2024-11-01");
        let r = check(&w, ana);
        assert_eq!(r.verdict, Verdict::WarmUpFirst);
        assert_eq!(r.next_step, NextStep::LunchInvitation);
        assert_eq!(r.reasons[0], "Reconnect before asking: invite Ana for coffee or lunch");
        assert!(
            has(&r, "Last in touch 7 months ago (you aim for every 60 days)"),
            "{r:?}"
        );
    }

    #[test]
    fn a_strong_tie_slightly_past_due_gets_a_note_in_advance() {
        let mut w = World::new();
        let ana = w.strong("Ana Silva");
        w.gave(ana, "2025-03-01");
        let r = check(&w, ana);
        assert_eq!(r.verdict, Verdict::Ready);
        assert_eq!(r.next_step, NextStep::NoteInAdvance);
    }

    #[test]
    fn a_tie_asked_twice_in_a_month_is_not_asked_again_now() {
        let mut w = World::new();
        let ana = good_friend(&mut w, "Ana Silva");
        w.asked(ana, "2025-05-10");
        w.asked(ana, "2025-05-25");
        let r = check(&w, ana);
        assert_eq!(r.verdict, Verdict::WarmUpFirst);
        assert_eq!(r.next_step, NextStep::CatchUpNote);
        assert_eq!(
            r.reasons[0],
            "You've asked Ana twice in the last 30 days: give it time before asking again"
        );
        assert!(has(&r, "You've asked twice since you last gave"), "{r:?}");
    }

    #[test]
    fn two_asks_months_apart_do_not_block_a_strong_tie() {
        let mut w = World::new();
        let ana = good_friend(&mut w, "Ana Silva");
        w.asked(ana, "2025-04-15");
        w.asked(ana, "2025-05-20");
        let r = check(&w, ana);
        assert_eq!(r.verdict, Verdict::Ready);
        assert!(has(&r, "You've asked twice since you last gave"), "{r:?}");
    }

    #[test]
    fn lunch_invitations_do_not_count_as_asks() {
        let mut w = World::new();
        let ana = good_friend(&mut w, "Ana Silva");
        w.ask_of(ana, "2025-05-10", AskKind::LunchInvitation, None);
        w.ask_of(ana, "2025-05-25", AskKind::CatchUp, None);
        assert_eq!(check(&w, ana).verdict, Verdict::Ready);
    }

    #[test]
    fn a_strong_tie_who_does_not_know_your_work_needs_achievements() {
        let mut w = World::new();
        let ana = good_friend(&mut w, "Ana Silva");
        w.edit(ana, |c| c.knows_my_work = false);
        let r = check(&w, ana);
        assert_eq!(r.verdict, Verdict::Ready);
        assert!(
            has(
                &r,
                "Doesn't know your work first-hand: give them two or three achievements to repeat"
            ),
            "{r:?}"
        );
    }

    fn maersk_goal(w: &mut World) -> Goal {
        let goal = Goal {
            id: Id::from_u128(9_000),
            kind: GoalKind::Targeted,
            roles: vec!["Supply Chain Planner".into()],
            industry: String::new(),
            locations: Vec::new(),
            company: "Maersk".into(),
            posting: String::new(),
            pitch: Vec::new(),
            archived: false,
            created: stamp("2025-05-01"),
            updated: Stamp::from_millis(0),
        };
        w.data.goals.insert(goal.id, goal.clone());
        goal
    }

    #[test]
    fn a_targeted_goal_notes_who_works_there_and_who_knows_someone_there() {
        let mut w = World::new();
        let goal = maersk_goal(&mut w);
        let ana = good_friend(&mut w, "Ana Silva");
        w.edit(ana, |c| c.company = "maersk".into());
        let bram = good_friend(&mut w, "Bram de Vries");
        w.knows_named(bram, "Carla Chen", "Maersk", "Recruiter", 3);
        let at = |id| readiness(w.contact_ref(id), &w.data, Some(&goal), day(TODAY));
        assert!(has(&at(ana), "Works at Maersk, the company you're targeting"));
        assert!(has(
            &at(bram),
            "Knows Carla Chen at Maersk: an introduction may be the better ask"
        ));
    }

    #[test]
    fn an_ask_already_waiting_for_this_goal_is_mentioned() {
        let mut w = World::new();
        let goal = maersk_goal(&mut w);
        let ana = good_friend(&mut w, "Ana Silva");
        w.ask_of(ana, "2025-05-20", AskKind::Referral, Some(goal.id));
        let r = readiness(w.contact_ref(ana), &w.data, Some(&goal), day(TODAY));
        assert!(
            has(
                &r,
                "You already asked Ana about this goal on 20 May 2025: follow up rather than ask again"
            ),
            "{r:?}"
        );
    }
}
