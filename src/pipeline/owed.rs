//! The messages the user owes (rule 12, and rule 10's follow-up): thank-yous after help, how-it-went
//! to an introducer, progress updates to everyone who helped a goal, and follow-ups that fell due.
//! Each is derived from the data, so logging the message as sent is what clears it.
//!
//! How "sent" is known: from the records themselves. An ask keeps `thanked_on` and
//! `last_follow_up_on`, a referral `thanked_on`, `how_it_went_sent_on` and `updates_sent`; logging a
//! message as sent (see `sent.rs`) sets them.

use crate::model::{Ask, AskKind, Data, Goal, Id, Outcome, Referral, Stage};
use chrono::NaiveDate;
use std::collections::{BTreeMap, BTreeSet};

/// What kind of message is owed, in the order a same-day list shows them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum OwedKind {
    /// Gratitude loses its worth fastest, so it leads.
    ThankYou,
    /// Closing the loop with the person who made an introduction.
    HowItWent,
    /// A nudge on an ask still waiting for a reply.
    FollowUp,
    /// News for everyone who helped a goal; can wait a day and go out together.
    ProgressUpdate,
}

impl OwedKind {
    pub fn label(self) -> &'static str {
        match self {
            OwedKind::ThankYou => "Thank-you",
            OwedKind::HowItWent => "How it went",
            OwedKind::FollowUp => "Follow-up",
            OwedKind::ProgressUpdate => "Progress update",
        }
    }
}

/// The record an owed message is about, which is also what logging it as sent refers to.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum OwedRef {
    Ask(Id),
    Referral(Id),
    /// A progress update on a goal, covering the referrals whose news has not reached this
    /// contact yet. Logging it sent adds the contact to each referral's `updates_sent`.
    Goal {
        goal: Id,
        referrals: Vec<Id>,
    },
}

/// One message the user owes someone.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Owed {
    pub kind: OwedKind,
    /// The contact to write to.
    pub contact: Id,
    pub about: OwedRef,
    /// The day it became owed (for a follow-up, the day planned for it).
    pub due: NaiveDate,
    /// Why it is owed, in a sentence for the to-do list.
    pub reason: String,
}

/// Everything owed on `today`, most pressing first: the longest-owed first, and on the same day
/// thank-yous, then how-it-wents, then follow-ups, then progress updates. Messages to a contact who
/// has since been deleted are left out: there is nobody to send them to.
///
/// Due dates come from when an ask was answered and when a referral reached its stage. Records
/// written before those dates were kept fall back to the day they were last edited.
pub fn owed(data: &Data, today: NaiveDate) -> Vec<Owed> {
    let mut list = Vec::new();
    thank_yous(data, &mut list);
    how_it_wents(data, today, &mut list);
    follow_ups(data, today, &mut list);
    progress_updates(data, &mut list);
    list.retain(|o| data.contacts.contains_key(&o.contact));
    crate::sort::sort_by(&mut list, |a, b| {
        (a.due, a.kind, a.contact, &a.about).cmp(&(b.due, b.kind, b.contact, &b.about))
    });
    list
}

/// An answer that deserves thanks: a yes, or a can't that came with advice.
fn helped(ask: &Ask) -> bool {
    match &ask.outcome {
        Outcome::Yes => true,
        Outcome::Cant { why } => !why.trim().is_empty(),
        Outcome::Waiting | Outcome::NoReply => false,
    }
}

fn referrals_from(data: &Data, ask: Id) -> impl Iterator<Item = &Referral> {
    data.referrals.values().filter(move |r| r.ask == Some(ask))
}

/// The day an ask was answered, or its last edit for records older than `answered_on`.
fn answered_on(ask: &Ask) -> NaiveDate {
    ask.answered_on.unwrap_or_else(|| ask.updated.0.date_naive())
}

/// The day a referral reached its stage, or its last edit for records older than `stage_changed`.
fn stage_day(r: &Referral) -> NaiveDate {
    r.stage_changed.unwrap_or(r.updated).0.date_naive()
}

fn thank_yous(data: &Data, list: &mut Vec<Owed>) {
    // One thank-you per helpful answer, however many names it brought: the note thanks the
    // person for the help, and a referral's `thanked_on` records that it went out.
    for ask in data.asks.values().filter(|a| helped(a)) {
        let thanked = ask.thanked_on.is_some() || referrals_from(data, ask.id).any(|r| r.thanked_on.is_some());
        if thanked {
            continue;
        }
        let due = referrals_from(data, ask.id)
            .map(|r| r.referred_at.0.date_naive())
            .min()
            .unwrap_or_else(|| answered_on(ask));
        let name = contact_name(data, ask.contact);
        let reason = match &ask.outcome {
            Outcome::Cant { why } => format!(
                "{name} couldn't help with your {} but gave advice (“{}”): send a thank-you",
                ask_phrase(ask.kind),
                excerpt(why, 60)
            ),
            _ => format!("{name} said yes to your {}: send a thank-you", ask_phrase(ask.kind)),
        };
        list.push(Owed {
            kind: OwedKind::ThankYou,
            contact: ask.contact,
            about: OwedRef::Ask(ask.id),
            due,
            reason,
        });
    }
    // A referral that no helpful answer covers (volunteered, or its ask not logged as a yes) is
    // help in itself and owes its own thank-you.
    for r in data.referrals.values().filter(|r| r.thanked_on.is_none()) {
        let covered = r.ask.and_then(|a| data.asks.get(&a)).is_some_and(helped);
        if covered {
            continue;
        }
        list.push(Owed {
            kind: OwedKind::ThankYou,
            contact: r.referred_by,
            about: OwedRef::Referral(r.id),
            due: r.referred_at.0.date_naive(),
            reason: format!(
                "{} referred you to {}: send a thank-you",
                contact_name(data, r.referred_by),
                r.name
            ),
        });
    }
}

/// From when the user has something to tell the introducer: after the first meeting (its day, when
/// known; else the day the meeting was set), or once the referral went further or was closed
/// after they were in touch. "It went nowhere, thanks anyway" still closes the loop.
fn news_for_introducer_from(r: &Referral, today: NaiveDate) -> Option<NaiveDate> {
    match r.stage {
        Stage::New | Stage::Contacted => None,
        Stage::MeetingSet => match r.meeting_on {
            Some(day) if day > today => None,
            Some(day) => Some(day),
            None => Some(stage_day(r)),
        },
        Stage::Interviewing | Stage::Offer => Some(r.meeting_on.unwrap_or_else(|| stage_day(r))),
        Stage::Closed => r.first_contact.is_some().then(|| stage_day(r)),
    }
}

fn how_it_wents(data: &Data, today: NaiveDate, list: &mut Vec<Owed>) {
    for r in data.referrals.values() {
        if r.how_it_went_sent_on.is_some() {
            continue;
        }
        let Some(due) = news_for_introducer_from(r, today) else {
            continue;
        };
        let name = contact_name(data, r.referred_by);
        let reason = if r.stage == Stage::Closed {
            format!("Your contact with {} is closed: tell {name} how it went", r.name)
        } else {
            format!("You got to meet {} through {name}: tell them how it went", r.name)
        };
        list.push(Owed {
            kind: OwedKind::HowItWent,
            contact: r.referred_by,
            about: OwedRef::Referral(r.id),
            due,
            reason,
        });
    }
}

/// The follow-up an ask has planned, if any: on a waiting ask, the nudge; after a can't, the
/// later note that shows progress (rule 10).
pub fn planned_follow_up(ask: &Ask) -> Option<NaiveDate> {
    match ask.outcome {
        Outcome::Waiting => ask.follow_up_due,
        Outcome::Cant { .. } => ask.later_follow_up,
        Outcome::Yes | Outcome::NoReply => None,
    }
}

/// Where an ask's planned follow-up stands on a given day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FollowUp {
    /// Owed since that day.
    Due(NaiveDate),
    /// Planned for that later day.
    Later(NaiveDate),
}

/// The ask's follow-up as it stands on `today`; `None` when none is planned or it was sent
/// (a follow-up logged on or after its day).
pub fn follow_up(ask: &Ask, today: NaiveDate) -> Option<FollowUp> {
    let due = planned_follow_up(ask)?;
    if ask.last_follow_up_on.is_some_and(|on| on >= due) {
        None
    } else if due <= today {
        Some(FollowUp::Due(due))
    } else {
        Some(FollowUp::Later(due))
    }
}

fn follow_ups(data: &Data, today: NaiveDate, list: &mut Vec<Owed>) {
    for ask in data.asks.values() {
        let Some(FollowUp::Due(due)) = follow_up(ask, today) else {
            continue;
        };
        let name = contact_name(data, ask.contact);
        let reason = if ask.outcome == Outcome::Waiting {
            format!(
                "No reply yet from {name} to your {} of {}: follow up",
                ask_phrase(ask.kind),
                crate::model::dates::short_day(ask.sent_on)
            )
        } else {
            format!(
                "{name} couldn't help in {}: write again with your progress",
                crate::model::dates::month_name(ask.sent_on)
            )
        };
        list.push(Owed {
            kind: OwedKind::FollowUp,
            contact: ask.contact,
            about: OwedRef::Ask(ask.id),
            due,
            reason,
        });
    }
}

/// The goal a referral counts for: its own, or the goal of the ask it came from.
pub fn goal_of(data: &Data, r: &Referral) -> Option<Id> {
    r.goal
        .or_else(|| r.ask.and_then(|a| data.asks.get(&a)).and_then(|a| a.goal))
}

/// An offer, or a close after real contact: news worth sending to everyone who helped.
fn is_milestone(r: &Referral) -> bool {
    r.stage == Stage::Offer || (r.stage == Stage::Closed && r.first_contact.is_some())
}

fn progress_updates(data: &Data, list: &mut Vec<Owed>) {
    // Who helped each goal: a helpful answer to an ask for it, or a referral made for it.
    let mut helpers: BTreeMap<Id, BTreeSet<Id>> = BTreeMap::new();
    for ask in data.asks.values().filter(|a| helped(a)) {
        if let Some(goal) = ask.goal {
            helpers.entry(goal).or_default().insert(ask.contact);
        }
    }
    for r in data.referrals.values() {
        if let Some(goal) = goal_of(data, r) {
            helpers.entry(goal).or_default().insert(r.referred_by);
        }
    }
    // (goal, helper) → the milestone referrals they have not heard about, so one message carries
    // all the news for a goal.
    let mut pending: BTreeMap<(Id, Id), Vec<&Referral>> = BTreeMap::new();
    for r in data.referrals.values().filter(|r| is_milestone(r)) {
        let Some(goal) = goal_of(data, r) else {
            continue;
        };
        for &helper in helpers.get(&goal).into_iter().flatten() {
            // The introducer still owed a how-it-went gets this news in that message instead.
            let news_goes_in_how_it_went = helper == r.referred_by && r.how_it_went_sent_on.is_none();
            let heard = r.updates_sent.iter().any(|u| u.to == helper && u.stage == r.stage);
            if news_goes_in_how_it_went || heard {
                continue;
            }
            pending.entry((goal, helper)).or_default().push(r);
        }
    }
    for ((goal, helper), referrals) in pending {
        let due = referrals
            .iter()
            .map(|r| stage_day(r))
            .min()
            .expect("a pending entry is only created with a referral in it");
        let news: Vec<String> = referrals.iter().map(|r| milestone_phrase(r)).collect();
        let goal_name = data
            .goals
            .get(&goal)
            .map_or_else(|| "your search".to_string(), goal_title);
        list.push(Owed {
            kind: OwedKind::ProgressUpdate,
            contact: helper,
            about: OwedRef::Goal {
                goal,
                referrals: referrals.iter().map(|r| r.id).collect(),
            },
            due,
            reason: format!(
                "{} helped with {goal_name}: tell them {}",
                contact_name(data, helper),
                news.join(" and ")
            ),
        });
    }
}

fn milestone_phrase(r: &Referral) -> String {
    if r.stage == Stage::Offer {
        format!("about the offer after meeting {}", r.name)
    } else {
        format!("how it ended with {}", r.name)
    }
}

/// "Supply Chain Planner at Maersk": how a goal is named in a sentence.
pub fn goal_title(goal: &Goal) -> String {
    let roles = goal.roles.join(" / ");
    match (roles.is_empty(), goal.company.is_empty()) {
        (false, false) => format!("{roles} at {}", goal.company),
        (false, true) => roles,
        (true, false) => goal.company.clone(),
        (true, true) => "your search".to_string(),
    }
}

fn contact_name(data: &Data, id: Id) -> &str {
    data.contacts.get(&id).map_or("a deleted contact", |c| c.name.as_str())
}

pub(crate) fn ask_phrase(kind: AskKind) -> &'static str {
    match kind {
        AskKind::Referral => "referral request",
        AskKind::WarmIntroduction => "request for an introduction",
        AskKind::KeepMeInMind => "keep-me-in-mind note",
        AskKind::PeopleToTalkTo => "request for people to talk to",
        AskKind::AdviceMeeting => "request for advice",
        AskKind::LunchInvitation => "lunch invitation",
        AskKind::CatchUp => "catch-up invitation",
    }
}

/// The first `max` characters of a one-line version of `text`, with an ellipsis if cut.
fn excerpt(text: &str, max: usize) -> String {
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= max {
        flat
    } else {
        let cut: String = flat.chars().take(max - 1).collect();
        format!("{}…", cut.trim_end())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pipeline::fixtures::{ask, at_stage, cant, contact, data, date, goal, id, referral, stamp};

    const ANA: u128 = 1;
    const BRAM: u128 = 2;
    const CHLOE: u128 = 3;
    const GOAL: u128 = 50;

    fn people() -> Vec<crate::model::Contact> {
        vec![contact(ANA, "Ana"), contact(BRAM, "Bram"), contact(CHLOE, "Chloé")]
    }

    fn kinds(list: &[Owed]) -> Vec<(OwedKind, Id)> {
        list.iter().map(|o| (o.kind, o.contact)).collect()
    }

    #[test]
    fn a_yes_owes_the_contact_a_thank_you() {
        let d = data(people(), vec![], vec![ask(10, ANA, None, Outcome::Yes, 3)], vec![]);
        let list = owed(&d, date(5));
        assert_eq!(kinds(&list), vec![(OwedKind::ThankYou, id(ANA))]);
        assert_eq!(list[0].about, OwedRef::Ask(id(10)));
        assert_eq!(list[0].due, date(3));
        assert_eq!(
            list[0].reason,
            "Ana said yes to your referral request: send a thank-you"
        );
    }

    #[test]
    fn a_cant_with_advice_owes_a_thank_you_but_a_bare_cant_does_not() {
        let d = data(
            people(),
            vec![],
            vec![
                ask(
                    10,
                    ANA,
                    None,
                    cant("Apply in spring, when budgets open.\nAsk for Lena."),
                    3,
                ),
                ask(11, BRAM, None, cant("  "), 3),
            ],
            vec![],
        );
        let list = owed(&d, date(5));
        assert_eq!(kinds(&list), vec![(OwedKind::ThankYou, id(ANA))]);
        assert_eq!(
            list[0].reason,
            "Ana couldn't help with your referral request but gave advice \
             (“Apply in spring, when budgets open. Ask for Lena.”): send a thank-you"
        );
    }

    #[test]
    fn waiting_and_no_reply_owe_no_thanks() {
        let d = data(
            people(),
            vec![],
            vec![
                ask(10, ANA, None, Outcome::Waiting, 3),
                ask(11, BRAM, None, Outcome::NoReply, 3),
            ],
            vec![],
        );
        assert!(owed(&d, date(5)).is_empty());
    }

    #[test]
    fn thanking_on_a_referral_from_the_ask_clears_the_thank_you() {
        let mut r = referral(20, ANA, Some(10), stamp(4, 9));
        r.thanked_on = Some(date(4));
        let d = data(people(), vec![], vec![ask(10, ANA, None, Outcome::Yes, 3)], vec![r]);
        let list = owed(&d, date(5));
        assert!(list.iter().all(|o| o.kind != OwedKind::ThankYou), "{list:?}");
    }

    #[test]
    fn a_thank_you_for_an_ask_without_referral_is_cleared_by_its_thanked_date() {
        let thanked = Ask {
            thanked_on: Some(date(4)),
            ..ask(10, ANA, None, Outcome::Yes, 3)
        };
        let d = data(people(), vec![], vec![thanked], vec![]);
        assert!(owed(&d, date(5)).is_empty());
    }

    #[test]
    fn a_thank_you_is_owed_from_the_day_of_the_answer() {
        let answered = Ask {
            answered_on: Some(date(6)),
            ..ask(10, ANA, None, Outcome::Yes, 3)
        };
        let list = owed(&data(people(), vec![], vec![answered], vec![]), date(8));
        assert_eq!(list[0].due, date(6));
    }

    #[test]
    fn two_names_from_one_ask_owe_one_thank_you() {
        let d = data(
            people(),
            vec![],
            vec![ask(10, ANA, None, Outcome::Yes, 3)],
            vec![
                referral(20, ANA, Some(10), stamp(4, 9)),
                referral(21, ANA, Some(10), stamp(5, 9)),
            ],
        );
        let list = owed(&d, date(6));
        assert_eq!(kinds(&list), vec![(OwedKind::ThankYou, id(ANA))]);
        assert_eq!(list[0].due, date(4), "owed from the day the first name came");
    }

    #[test]
    fn a_volunteered_referral_owes_its_own_thank_you_until_thanked() {
        let mut r = referral(20, BRAM, None, stamp(4, 9));
        let d = data(people(), vec![], vec![], vec![r.clone()]);
        let list = owed(&d, date(5));
        assert_eq!(list[0].about, OwedRef::Referral(id(20)));
        assert_eq!(list[0].reason, "Bram referred you to Referred 20: send a thank-you");
        r.thanked_on = Some(date(5));
        let d = data(people(), vec![], vec![], vec![r]);
        assert!(owed(&d, date(5)).is_empty());
    }

    fn thanked(r: crate::model::Referral) -> crate::model::Referral {
        crate::model::Referral {
            thanked_on: Some(r.referred_at.0.date_naive()),
            ..r
        }
    }

    #[test]
    fn a_meeting_set_owes_the_introducer_a_how_it_went() {
        let contacted = thanked(at_stage(referral(20, BRAM, None, stamp(4, 9)), Stage::Contacted, 5));
        let met = at_stage(contacted.clone(), Stage::MeetingSet, 7);
        assert!(owed(&data(people(), vec![], vec![], vec![contacted]), date(8)).is_empty());
        let list = owed(&data(people(), vec![], vec![], vec![met.clone()]), date(8));
        assert_eq!(kinds(&list), vec![(OwedKind::HowItWent, id(BRAM))]);
        assert_eq!(list[0].due, date(7));
        assert_eq!(
            list[0].reason,
            "You got to meet Referred 20 through Bram: tell them how it went"
        );
        let told = crate::model::Referral {
            how_it_went_sent_on: Some(date(8)),
            ..met
        };
        assert!(owed(&data(people(), vec![], vec![], vec![told]), date(8)).is_empty());
    }

    #[test]
    fn a_referral_closed_before_any_contact_owes_no_how_it_went() {
        let mut dropped = thanked(referral(20, BRAM, None, stamp(4, 9)));
        dropped.stage = Stage::Closed;
        let closed_after_contact = at_stage(thanked(referral(21, BRAM, None, stamp(4, 9))), Stage::Closed, 9);
        let list = owed(
            &data(people(), vec![], vec![], vec![dropped, closed_after_contact]),
            date(10),
        );
        assert_eq!(list.len(), 1);
        assert_eq!(list[0].about, OwedRef::Referral(id(21)));
        assert_eq!(
            list[0].reason,
            "Your contact with Referred 21 is closed: tell Bram how it went"
        );
    }

    /// Ana said yes and referred Referred 20 for the goal; Chloé could not but gave advice;
    /// Bram said a bare can't.
    fn goal_story(stage: Stage) -> Data {
        let mut r = thanked(referral(20, ANA, Some(10), stamp(4, 9)));
        r.how_it_went_sent_on = Some(date(6));
        data(
            people(),
            vec![goal(GOAL)],
            vec![
                ask(10, ANA, Some(GOAL), Outcome::Yes, 3),
                ask(11, CHLOE, Some(GOAL), cant("Talk to their planning lead first"), 3),
                ask(12, BRAM, Some(GOAL), cant(""), 3),
            ],
            vec![at_stage(r, stage, 12)],
        )
    }

    /// The goal story with Chloé already thanked for her advice.
    fn story(stage: Stage) -> Data {
        let mut d = goal_story(stage);
        d.asks.get_mut(&id(11)).unwrap().thanked_on = Some(date(4));
        d
    }

    #[test]
    fn an_offer_owes_a_progress_update_to_everyone_who_helped_the_goal() {
        let list = owed(&story(Stage::Offer), date(13));
        assert_eq!(
            kinds(&list),
            vec![
                (OwedKind::ProgressUpdate, id(ANA)),
                (OwedKind::ProgressUpdate, id(CHLOE))
            ],
            "a bare can't is not help, so Bram gets no update"
        );
        assert_eq!(
            list[1].reason,
            "Chloé helped with Supply Chain Planner at Maersk: tell them about the offer after meeting Referred 20"
        );
        assert_eq!(
            list[1].about,
            OwedRef::Goal {
                goal: id(GOAL),
                referrals: vec![id(20)]
            }
        );
        assert_eq!(list[1].due, date(12));
    }

    #[test]
    fn interviewing_is_not_yet_news_for_the_helpers() {
        assert!(owed(&story(Stage::Interviewing), date(13)).is_empty());
    }

    #[test]
    fn a_close_after_contact_is_news_too() {
        let list = owed(&story(Stage::Closed), date(13));
        assert_eq!(list.len(), 2);
        assert!(list[0].reason.ends_with("tell them how it ended with Referred 20"));
    }

    #[test]
    fn a_sent_progress_update_is_not_owed_again() {
        let mut d = story(Stage::Offer);
        let update = crate::model::UpdateSent {
            to: id(CHLOE),
            stage: Stage::Offer,
            on: date(13),
        };
        d.referrals.get_mut(&id(20)).unwrap().updates_sent.push(update);
        let list = owed(&d, date(13));
        assert_eq!(kinds(&list), vec![(OwedKind::ProgressUpdate, id(ANA))]);
        d.referrals.get_mut(&id(20)).unwrap().stage = Stage::Closed;
        assert_eq!(owed(&d, date(14)).len(), 2, "the close is news again, for Chloé too");
    }

    #[test]
    fn the_introducer_hears_the_news_in_the_how_it_went_if_that_is_still_owed() {
        let mut d = story(Stage::Offer);
        d.referrals.get_mut(&id(20)).unwrap().how_it_went_sent_on = None;
        let list = owed(&d, date(13));
        assert_eq!(
            kinds(&list),
            vec![(OwedKind::HowItWent, id(ANA)), (OwedKind::ProgressUpdate, id(CHLOE))]
        );
    }

    #[test]
    fn news_of_several_referrals_goes_out_in_one_update_per_helper() {
        let mut d = story(Stage::Offer);
        d.asks.insert(id(13), ask(13, BRAM, Some(GOAL), Outcome::Yes, 3));
        let mut second = thanked(referral(21, BRAM, Some(13), stamp(5, 9)));
        second.how_it_went_sent_on = Some(date(7));
        d.referrals.insert(id(21), at_stage(second, Stage::Closed, 11));
        let list = owed(&d, date(13));
        let chloe: Vec<_> = list.iter().filter(|o| o.contact == id(CHLOE)).collect();
        assert_eq!(chloe.len(), 1);
        assert_eq!(
            chloe[0].about,
            OwedRef::Goal {
                goal: id(GOAL),
                referrals: vec![id(20), id(21)]
            }
        );
        assert_eq!(chloe[0].due, date(11), "owed since the earlier of the two");
    }

    #[test]
    fn helpers_of_another_goal_get_no_update() {
        let mut d = story(Stage::Offer);
        d.asks.get_mut(&id(11)).unwrap().goal = Some(id(99));
        let list = owed(&d, date(13));
        assert!(list.iter().all(|o| o.contact != id(CHLOE)));
    }

    fn waiting_with_follow_up(n: u128, who: u128, due: u32) -> Ask {
        Ask {
            follow_up_due: Some(date(due)),
            ..ask(n, who, None, Outcome::Waiting, 1)
        }
    }

    #[test]
    fn a_follow_up_is_owed_from_its_due_date_not_before() {
        let d = data(people(), vec![], vec![waiting_with_follow_up(10, ANA, 8)], vec![]);
        assert!(owed(&d, date(7)).is_empty());
        let list = owed(&d, date(8));
        assert_eq!(kinds(&list), vec![(OwedKind::FollowUp, id(ANA))]);
        assert_eq!(
            list[0].reason,
            "No reply yet from Ana to your referral request of 1 Mar: follow up"
        );
    }

    #[test]
    fn an_ask_s_follow_up_is_later_then_due_then_gone_once_sent() {
        let waiting = waiting_with_follow_up(10, ANA, 8);
        assert_eq!(follow_up(&waiting, date(7)), Some(FollowUp::Later(date(8))));
        assert_eq!(follow_up(&waiting, date(8)), Some(FollowUp::Due(date(8))));
        assert_eq!(follow_up(&waiting, date(20)), Some(FollowUp::Due(date(8))));
        let sent = Ask {
            last_follow_up_on: Some(date(9)),
            ..waiting.clone()
        };
        assert_eq!(follow_up(&sent, date(9)), None);
        let answered = Ask {
            outcome: Outcome::Yes,
            ..waiting
        };
        assert_eq!(follow_up(&answered, date(9)), None);
    }

    #[test]
    fn an_answered_ask_needs_no_follow_up() {
        let answered = Ask {
            outcome: Outcome::NoReply,
            ..waiting_with_follow_up(10, ANA, 8)
        };
        assert!(owed(&data(people(), vec![], vec![answered], vec![]), date(9)).is_empty());
    }

    #[test]
    fn a_sent_follow_up_clears_it_until_a_later_one_is_planned() {
        let followed_up = |due| Ask {
            last_follow_up_on: Some(date(8)),
            ..waiting_with_follow_up(10, ANA, due)
        };
        let d = data(people(), vec![], vec![followed_up(8)], vec![]);
        assert!(owed(&d, date(9)).is_empty());
        let d = data(people(), vec![], vec![followed_up(15)], vec![]);
        assert_eq!(owed(&d, date(15)).len(), 1, "the next planned follow-up is owed again");
    }

    #[test]
    fn a_cant_with_a_later_follow_up_owes_a_note_with_progress_on_that_day() {
        let later = Ask {
            later_follow_up: Some(date(20)),
            thanked_on: Some(date(4)),
            ..ask(10, ANA, None, cant("no budget until spring"), 3)
        };
        let d = data(people(), vec![], vec![later], vec![]);
        assert!(owed(&d, date(19)).is_empty());
        let list = owed(&d, date(20));
        assert_eq!(kinds(&list), vec![(OwedKind::FollowUp, id(ANA))]);
        assert_eq!(
            list[0].reason,
            "Ana couldn't help in March: write again with your progress"
        );
    }

    #[test]
    fn a_meeting_on_a_later_day_owes_the_how_it_went_only_after_it() {
        let mut r = thanked(at_stage(referral(20, BRAM, None, stamp(4, 9)), Stage::MeetingSet, 5));
        r.meeting_on = Some(date(10));
        let d = data(people(), vec![], vec![], vec![r]);
        assert!(owed(&d, date(9)).is_empty());
        let list = owed(&d, date(10));
        assert_eq!(kinds(&list), vec![(OwedKind::HowItWent, id(BRAM))]);
        assert_eq!(list[0].due, date(10));
    }

    #[test]
    fn a_referral_with_its_own_goal_counts_for_that_goal() {
        let mut d = story(Stage::Offer);
        let mut r = d.referrals.remove(&id(20)).unwrap();
        r.ask = None;
        r.goal = Some(id(GOAL));
        d.referrals.insert(r.id, r);
        assert!(owed(&d, date(13)).iter().any(|o| o.contact == id(CHLOE)));
    }

    #[test]
    fn the_longest_owed_comes_first_and_thanks_lead_a_day() {
        let d = data(
            people(),
            vec![],
            vec![
                waiting_with_follow_up(10, CHLOE, 4),
                ask(11, BRAM, None, Outcome::Yes, 6),
                waiting_with_follow_up(12, ANA, 6),
            ],
            vec![],
        );
        let list = owed(&d, date(9));
        assert_eq!(
            kinds(&list),
            vec![
                (OwedKind::FollowUp, id(CHLOE)),
                (OwedKind::ThankYou, id(BRAM)),
                (OwedKind::FollowUp, id(ANA)),
            ]
        );
    }

    #[test]
    fn nothing_is_owed_to_a_deleted_contact() {
        let d = data(vec![], vec![], vec![ask(10, ANA, None, Outcome::Yes, 3)], vec![]);
        assert!(owed(&d, date(5)).is_empty());
    }

    #[test]
    fn a_long_reason_is_cut_at_a_character_not_a_byte() {
        assert_eq!(excerpt("Ééééé ééééé", 6), "Ééééé…");
        assert_eq!(excerpt("short", 60), "short");
    }
}
