//! The allowed changes after an ask: how an ask's outcome may change once logged, and how a referral
//! moves through its stages. Every refusal says, in words a user can act on, what to do instead.

use crate::model::{clean_text, Ask, Closing, FieldError, Outcome, Referral, Stage, Stamp};

/// The referral stages in the order a referral moves through them.
pub const STAGES: [Stage; 6] = [
    Stage::New,
    Stage::Contacted,
    Stage::MeetingSet,
    Stage::Interviewing,
    Stage::Offer,
    Stage::Closed,
];

/// How a stage reads on screen and in messages.
pub fn stage_label(stage: Stage) -> &'static str {
    match stage {
        Stage::New => "New",
        Stage::Contacted => "Contacted",
        Stage::MeetingSet => "Meeting set",
        Stage::Interviewing => "Interviewing",
        Stage::Offer => "Offer",
        Stage::Closed => "Closed",
    }
}

/// How an outcome reads inside a sentence ("an ask answered “yes”").
pub fn outcome_label(outcome: &Outcome) -> &'static str {
    match outcome {
        Outcome::Waiting => "waiting for a reply",
        Outcome::NoReply => "no reply",
        Outcome::Yes => "yes",
        Outcome::Cant { .. } => "can't",
    }
}

/// The stage after `stage` on the way forward, if any.
pub(super) fn next_stage(stage: Stage) -> Option<Stage> {
    let i = STAGES.iter().position(|s| *s == stage)?;
    STAGES.get(i + 1).copied()
}

/// The stage before `stage`, if any.
pub(super) fn previous_stage(stage: Stage) -> Option<Stage> {
    let i = STAGES.iter().position(|s| *s == stage)?;
    i.checked_sub(1).map(|j| STAGES[j])
}

/// Why an ask's outcome cannot change as asked.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum OutcomeError {
    #[error(
        "An ask already answered “{}” can't be changed to “{}”: if that answer was logged by mistake, correct it instead",
        outcome_label(.from),
        outcome_label(.to)
    )]
    AlreadyAnswered { from: Outcome, to: Outcome },
    #[error(transparent)]
    Field(#[from] FieldError),
}

/// Whether an ask's outcome may go from `from` to `to` in the normal course of things.
///
/// - Waiting may become no reply, yes or can't.
/// - No reply may become yes or can't (a late answer), or waiting again (a follow-up went out).
/// - Can't may become yes: they kept their eyes open, as asked, and came back (rule 10).
/// - Yes and can't are answers: they do not go back to waiting or no reply, and a yes does not
///   become a can't. A mis-click is fixed with [`correct_outcome`], which says it is a correction.
/// - Setting the same outcome again is allowed, so a can't may have its reason edited.
pub fn check_outcome_change(from: &Outcome, to: &Outcome) -> Result<(), OutcomeError> {
    use Outcome::*;
    let allowed = matches!(
        (from, to),
        (Waiting, _) | (NoReply, _) | (Yes, Yes) | (Cant { .. }, Cant { .. }) | (Cant { .. }, Yes)
    );
    if allowed {
        Ok(())
    } else {
        Err(OutcomeError::AlreadyAnswered {
            from: from.clone(),
            to: to.clone(),
        })
    }
}

/// Logs a new outcome on an ask if [`check_outcome_change`] allows it, stamping the ask as edited.
/// A can't's reason is trimmed and length-checked like any free text.
pub fn record_outcome(ask: &mut Ask, to: Outcome, now: Stamp) -> Result<(), OutcomeError> {
    let to = clean_outcome(to)?;
    check_outcome_change(&ask.outcome, &to)?;
    set_outcome(ask, to, now);
    Ok(())
}

/// Sets any outcome, for fixing an answer logged by mistake. The screen offers it apart from the
/// normal buttons ("Correct a mistake"), so that it is never the easy way to rewrite history.
pub fn correct_outcome(ask: &mut Ask, to: Outcome, now: Stamp) -> Result<(), OutcomeError> {
    let to = clean_outcome(to)?;
    set_outcome(ask, to, now);
    Ok(())
}

fn clean_outcome(outcome: Outcome) -> Result<Outcome, FieldError> {
    Ok(match outcome {
        Outcome::Cant { why } => Outcome::Cant {
            why: clean_text("Why they can't", &why)?,
        },
        other => other,
    })
}

/// Sets the outcome and dates the answer: a thank-you is owed from the day it came. A move back
/// to waiting (a follow-up went out, or a correction) forgets that date.
fn set_outcome(ask: &mut Ask, to: Outcome, now: Stamp) {
    if ask.outcome != to {
        let answered = !matches!(to, Outcome::Waiting);
        let kind_changed = std::mem::discriminant(&ask.outcome) != std::mem::discriminant(&to);
        ask.outcome = to;
        ask.updated = now;
        if !answered {
            ask.answered_on = None;
        } else if kind_changed || ask.answered_on.is_none() {
            // Editing a can't's reason keeps the day it was answered.
            ask.answered_on = Some(now.0.date_naive());
        }
    }
}

/// Why a referral cannot move as asked.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum StageError {
    #[error("A referral can't go from New to {}: log the first contact first", stage_label(*.to))]
    NeedsFirstContact { to: Stage },
    #[error(
        "A referral can't go from {} to {}: move one step at a time (next is {})",
        stage_label(*.from),
        stage_label(*.to),
        next_stage(*.from).map_or("Closed", stage_label)
    )]
    Skip { from: Stage, to: Stage },
    #[error(
        "A referral can't go back from {} to {}: if the stage was set by mistake, correct it",
        stage_label(*.from),
        stage_label(*.to)
    )]
    Backward { from: Stage, to: Stage },
    #[error(
        "A closed referral can't move to {}: if it was closed by mistake, reopen it",
        stage_label(*.to)
    )]
    Closed { to: Stage },
    #[error(
        "Going from {} to {} is not a correction: a correction goes back one step or reopens a closed referral",
        stage_label(*.from),
        stage_label(*.to)
    )]
    NotACorrection { from: Stage, to: Stage },
    #[error("This referral was already contacted on {}", .on.0.format("%-d %b %Y"))]
    AlreadyContacted { on: Stamp },
    #[error(
        "The first contact can't be before the referral was made ({})",
        .referred_at.0.format("%-d %b %Y %H:%M UTC")
    )]
    ContactBeforeReferral { referred_at: Stamp },
    #[error("The first contact can't be in the future")]
    ContactInFuture,
    #[error("This referral was already contacted, so it reopens at Contacted or later, not New")]
    ReopenAsNew,
    #[error(
        "This referral was never contacted, so it reopens as New, not {}: log the first contact to move it on",
        stage_label(*.to)
    )]
    ReopenPastNew { to: Stage },
}

/// Whether a referral may move to `to` in the normal course of things.
///
/// - New becomes Contacted only through [`log_first_contact`], which records when.
/// - From Contacted on, a referral moves forward one step at a time.
/// - Any open referral may be Closed, from any stage (it went nowhere, or it ended well).
/// - Nothing moves backwards, and a closed referral stays closed; both are [`correct_stage`]'s job.
/// - Moving to the stage it is already at changes nothing and is allowed.
pub fn check_stage_move(referral: &Referral, to: Stage) -> Result<(), StageError> {
    let from = referral.stage;
    if to == from {
        return Ok(());
    }
    if from == Stage::Closed {
        return Err(StageError::Closed { to });
    }
    if to == Stage::Closed {
        return Ok(());
    }
    if from == Stage::New {
        return Err(StageError::NeedsFirstContact { to });
    }
    if to < from {
        return Err(StageError::Backward { from, to });
    }
    if Some(to) != next_stage(from) {
        return Err(StageError::Skip { from, to });
    }
    Ok(())
}

/// Moves a referral to `to` if [`check_stage_move`] allows it, stamping it as edited.
pub fn move_stage(referral: &mut Referral, to: Stage, now: Stamp) -> Result<(), StageError> {
    check_stage_move(referral, to)?;
    set_stage(referral, to, now);
    Ok(())
}

/// Records the first contact with a referred person at `at` (which may be earlier than `now`, when
/// logged after the fact) and moves the referral from New to Contacted, which takes it out of the
/// urgent queue.
pub fn log_first_contact(referral: &mut Referral, at: Stamp, now: Stamp) -> Result<(), StageError> {
    if let Some(on) = referral.first_contact {
        return Err(StageError::AlreadyContacted { on });
    }
    if referral.stage == Stage::Closed {
        return Err(StageError::Closed { to: Stage::Contacted });
    }
    if at < referral.referred_at {
        return Err(StageError::ContactBeforeReferral {
            referred_at: referral.referred_at,
        });
    }
    if at > now {
        return Err(StageError::ContactInFuture);
    }
    referral.first_contact = Some(at);
    // Only hand-edited data has a stage past New without a first contact; keep its stage, since
    // the date is still worth having.
    if referral.stage == Stage::New {
        referral.stage = Stage::Contacted;
        referral.stage_changed = Some(at);
    }
    referral.updated = now;
    Ok(())
}

/// Fixes a stage set by mistake. Two corrections exist, and only these:
///
/// - Undo the last step: an open referral goes back one stage. Going back from Contacted to New
///   also forgets the first contact, since New means "not contacted yet".
/// - Reopen a closed referral: at New if it was never contacted, otherwise at any stage from
///   Contacted to Offer (the model does not remember which stage it was closed from).
pub fn correct_stage(referral: &mut Referral, to: Stage, now: Stamp) -> Result<(), StageError> {
    let from = referral.stage;
    if to == from {
        return Ok(());
    }
    if from == Stage::Closed {
        match (referral.first_contact.is_some(), to) {
            (true, Stage::New) => return Err(StageError::ReopenAsNew),
            (false, Stage::New) | (true, _) => {}
            (false, _) => return Err(StageError::ReopenPastNew { to }),
        }
    } else if Some(to) != previous_stage(from) {
        return Err(StageError::NotACorrection { from, to });
    }
    if to == Stage::New {
        referral.first_contact = None;
    }
    if to < Stage::MeetingSet {
        referral.meeting_on = None;
    }
    referral.closing = None;
    set_stage(referral, to, now);
    Ok(())
}

/// Closes a referral with how it ended, from any open stage (see [`check_stage_move`]). Closing an
/// already closed one again only changes how it ended.
pub fn close(referral: &mut Referral, closing: Closing, now: Stamp) -> Result<(), StageError> {
    check_stage_move(referral, Stage::Closed)?;
    set_stage(referral, Stage::Closed, now);
    if referral.closing != Some(closing) {
        referral.closing = Some(closing);
        referral.updated = now;
    }
    Ok(())
}

fn set_stage(referral: &mut Referral, to: Stage, now: Stamp) {
    if referral.stage != to {
        referral.stage = to;
        referral.stage_changed = Some(now);
        referral.updated = now;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pipeline::fixtures::{ask, at_stage, cant, referral, stamp};

    fn referral_at(stage: Stage) -> Referral {
        at_stage(referral(10, 1, None, stamp(3, 9)), stage, 4)
    }

    // --- ask outcomes ---

    #[test]
    fn a_waiting_ask_can_get_any_answer() {
        for to in [Outcome::NoReply, Outcome::Yes, cant("hiring freeze")] {
            let mut a = ask(1, 2, None, Outcome::Waiting, 3);
            record_outcome(&mut a, to.clone(), stamp(5, 10)).unwrap();
            assert_eq!(a.outcome, to);
            assert_eq!(a.updated, stamp(5, 10), "the edit is stamped");
        }
    }

    #[test]
    fn a_late_reply_turns_no_reply_into_an_answer() {
        for to in [Outcome::Yes, cant("not my team")] {
            let mut a = ask(1, 2, None, Outcome::NoReply, 3);
            assert_eq!(record_outcome(&mut a, to.clone(), stamp(9, 10)), Ok(()));
            assert_eq!(a.outcome, to);
        }
    }

    #[test]
    fn following_up_on_no_reply_means_waiting_again() {
        let mut a = ask(1, 2, None, Outcome::NoReply, 3);
        assert_eq!(record_outcome(&mut a, Outcome::Waiting, stamp(9, 10)), Ok(()));
        assert_eq!(a.outcome, Outcome::Waiting);
    }

    #[test]
    fn a_cant_can_become_a_yes_when_they_come_back_later() {
        let mut a = ask(1, 2, None, cant("no openings now"), 3);
        assert_eq!(record_outcome(&mut a, Outcome::Yes, stamp(20, 10)), Ok(()));
    }

    #[test]
    fn a_cant_keeps_its_reason_editable() {
        let mut a = ask(1, 2, None, cant(""), 3);
        record_outcome(&mut a, cant("  they are leaving the company \n"), stamp(4, 10)).unwrap();
        assert_eq!(a.outcome, cant("they are leaving the company"));
    }

    #[test]
    fn an_answer_does_not_go_back_to_waiting_or_no_reply() {
        for from in [Outcome::Yes, cant("freeze")] {
            for to in [Outcome::Waiting, Outcome::NoReply] {
                let mut a = ask(1, 2, None, from.clone(), 3);
                let err = record_outcome(&mut a, to, stamp(5, 10)).unwrap_err();
                assert!(matches!(err, OutcomeError::AlreadyAnswered { .. }));
                assert_eq!(a.outcome, from, "a refused change leaves the ask as it was");
                assert_eq!(a.updated, stamp(3, 9));
            }
        }
    }

    #[test]
    fn a_yes_does_not_become_a_cant_and_says_how_to_fix_a_mistake() {
        let mut a = ask(1, 2, None, Outcome::Yes, 3);
        let err = record_outcome(&mut a, cant("changed mind"), stamp(5, 10)).unwrap_err();
        assert_eq!(
            err.to_string(),
            "An ask already answered “yes” can't be changed to “can't”: \
             if that answer was logged by mistake, correct it instead"
        );
    }

    #[test]
    fn a_correction_may_undo_any_answer() {
        let mut a = ask(1, 2, None, Outcome::Yes, 3);
        correct_outcome(&mut a, Outcome::Waiting, stamp(4, 8)).unwrap();
        assert_eq!(a.outcome, Outcome::Waiting);
        assert_eq!(a.updated, stamp(4, 8));
    }

    #[test]
    fn setting_the_same_outcome_again_changes_nothing() {
        let mut a = ask(1, 2, None, Outcome::Yes, 3);
        record_outcome(&mut a, Outcome::Yes, stamp(5, 10)).unwrap();
        assert_eq!(a.updated, stamp(3, 9), "no edit, no new stamp");
    }

    #[test]
    fn an_over_long_reason_is_refused() {
        let mut a = ask(1, 2, None, Outcome::Waiting, 3);
        let long = "x".repeat(crate::model::MAX_FIELD_CHARS + 1);
        let err = record_outcome(&mut a, cant(&long), stamp(5, 10)).unwrap_err();
        assert!(matches!(err, OutcomeError::Field(FieldError::TooLong { .. })));
        assert_eq!(a.outcome, Outcome::Waiting);
    }

    // --- referral stages ---

    #[test]
    fn new_cannot_jump_ahead_without_a_first_contact() {
        let r = referral_at(Stage::New);
        let err = check_stage_move(&r, Stage::Offer).unwrap_err();
        assert_eq!(
            err.to_string(),
            "A referral can't go from New to Offer: log the first contact first"
        );
        assert_eq!(
            check_stage_move(&r, Stage::Contacted),
            Err(StageError::NeedsFirstContact { to: Stage::Contacted }),
            "even Contacted needs the first contact logged, with its time"
        );
    }

    #[test]
    fn logging_the_first_contact_makes_a_new_referral_contacted() {
        let mut r = referral_at(Stage::New);
        log_first_contact(&mut r, stamp(3, 15), stamp(3, 16)).unwrap();
        assert_eq!(r.stage, Stage::Contacted);
        assert_eq!(r.first_contact, Some(stamp(3, 15)));
        assert_eq!(r.updated, stamp(3, 16));
    }

    #[test]
    fn a_first_contact_cannot_predate_the_referral_or_be_in_the_future() {
        let mut r = referral_at(Stage::New);
        let err = log_first_contact(&mut r, stamp(2, 9), stamp(3, 16)).unwrap_err();
        assert_eq!(
            err.to_string(),
            "The first contact can't be before the referral was made (3 Mar 2025 09:00 UTC)"
        );
        assert_eq!(
            log_first_contact(&mut r, stamp(4, 9), stamp(3, 16)),
            Err(StageError::ContactInFuture)
        );
        assert_eq!(r.stage, Stage::New);
        assert_eq!(r.first_contact, None);
    }

    #[test]
    fn a_first_contact_is_logged_once() {
        let mut r = referral_at(Stage::Contacted);
        let err = log_first_contact(&mut r, stamp(5, 9), stamp(5, 10)).unwrap_err();
        assert_eq!(err.to_string(), "This referral was already contacted on 3 Mar 2025");
    }

    #[test]
    fn a_missing_first_contact_can_be_filled_in_without_moving_the_stage() {
        let mut r = referral_at(Stage::Interviewing);
        r.first_contact = None;
        log_first_contact(&mut r, stamp(5, 9), stamp(6, 9)).unwrap();
        assert_eq!(r.stage, Stage::Interviewing);
        assert_eq!(r.first_contact, Some(stamp(5, 9)));
    }

    #[test]
    fn a_referral_moves_forward_one_step_at_a_time() {
        let mut r = referral_at(Stage::Contacted);
        for to in [Stage::MeetingSet, Stage::Interviewing, Stage::Offer, Stage::Closed] {
            move_stage(&mut r, to, stamp(10, 9)).unwrap();
            assert_eq!(r.stage, to);
        }
    }

    #[test]
    fn skipping_a_stage_is_refused_and_names_the_next_one() {
        let mut r = referral_at(Stage::Contacted);
        let err = move_stage(&mut r, Stage::Offer, stamp(10, 9)).unwrap_err();
        assert_eq!(
            err.to_string(),
            "A referral can't go from Contacted to Offer: move one step at a time (next is Meeting set)"
        );
        assert_eq!(r.stage, Stage::Contacted);
    }

    #[test]
    fn any_open_referral_can_be_closed() {
        for from in [
            Stage::New,
            Stage::Contacted,
            Stage::MeetingSet,
            Stage::Interviewing,
            Stage::Offer,
        ] {
            let mut r = referral_at(from);
            assert_eq!(move_stage(&mut r, Stage::Closed, stamp(10, 9)), Ok(()), "from {from:?}");
        }
    }

    #[test]
    fn moving_backwards_is_refused_and_points_to_correction() {
        let r = referral_at(Stage::Interviewing);
        let err = check_stage_move(&r, Stage::Contacted).unwrap_err();
        assert_eq!(
            err.to_string(),
            "A referral can't go back from Interviewing to Contacted: if the stage was set by mistake, correct it"
        );
    }

    #[test]
    fn a_closed_referral_stays_closed() {
        let r = referral_at(Stage::Closed);
        assert_eq!(
            check_stage_move(&r, Stage::Offer).unwrap_err().to_string(),
            "A closed referral can't move to Offer: if it was closed by mistake, reopen it"
        );
        let mut r = at_stage(referral(11, 1, None, stamp(3, 9)), Stage::New, 3);
        move_stage(&mut r, Stage::Closed, stamp(4, 9)).unwrap();
        assert_eq!(
            log_first_contact(&mut r, stamp(4, 10), stamp(4, 11)),
            Err(StageError::Closed { to: Stage::Contacted })
        );
    }

    #[test]
    fn a_correction_goes_back_exactly_one_step() {
        let mut r = referral_at(Stage::Offer);
        correct_stage(&mut r, Stage::Interviewing, stamp(11, 9)).unwrap();
        assert_eq!(r.stage, Stage::Interviewing);
        assert_eq!(
            correct_stage(&mut r, Stage::Contacted, stamp(11, 9)),
            Err(StageError::NotACorrection {
                from: Stage::Interviewing,
                to: Stage::Contacted
            })
        );
        assert_eq!(
            correct_stage(&mut r, Stage::Offer, stamp(11, 9)),
            Err(StageError::NotACorrection {
                from: Stage::Interviewing,
                to: Stage::Offer
            }),
            "a correction never moves forward"
        );
    }

    #[test]
    fn correcting_contacted_back_to_new_forgets_the_first_contact() {
        let mut r = referral_at(Stage::Contacted);
        correct_stage(&mut r, Stage::New, stamp(4, 9)).unwrap();
        assert_eq!(r.stage, Stage::New);
        assert_eq!(r.first_contact, None, "New means not contacted yet");
    }

    #[test]
    fn a_contacted_referral_reopens_at_any_contacted_stage_but_not_new() {
        for to in [Stage::Contacted, Stage::MeetingSet, Stage::Interviewing, Stage::Offer] {
            let mut r = referral_at(Stage::Closed);
            assert_eq!(correct_stage(&mut r, to, stamp(12, 9)), Ok(()));
            assert_eq!(r.stage, to);
        }
        let mut r = referral_at(Stage::Closed);
        assert_eq!(
            correct_stage(&mut r, Stage::New, stamp(12, 9)),
            Err(StageError::ReopenAsNew)
        );
    }

    #[test]
    fn a_never_contacted_referral_reopens_as_new() {
        let mut r = referral(11, 1, None, stamp(3, 9));
        move_stage(&mut r, Stage::Closed, stamp(4, 9)).unwrap();
        assert_eq!(
            correct_stage(&mut r, Stage::MeetingSet, stamp(5, 9))
                .unwrap_err()
                .to_string(),
            "This referral was never contacted, so it reopens as New, not Meeting set: \
             log the first contact to move it on"
        );
        correct_stage(&mut r, Stage::New, stamp(5, 9)).unwrap();
        assert_eq!(r.stage, Stage::New);
    }

    #[test]
    fn an_answer_is_dated_and_editing_a_reason_keeps_the_date() {
        let mut a = ask(1, 2, None, Outcome::Waiting, 3);
        record_outcome(&mut a, cant("freeze"), stamp(5, 10)).unwrap();
        assert_eq!(a.answered_on, Some(stamp(5, 0).0.date_naive()));
        record_outcome(&mut a, cant("a hiring freeze until May"), stamp(7, 10)).unwrap();
        assert_eq!(a.answered_on, Some(stamp(5, 0).0.date_naive()), "same answer, same day");
        record_outcome(&mut a, Outcome::Yes, stamp(9, 10)).unwrap();
        assert_eq!(
            a.answered_on,
            Some(stamp(9, 0).0.date_naive()),
            "a new answer, a new day"
        );
        correct_outcome(&mut a, Outcome::Waiting, stamp(9, 11)).unwrap();
        assert_eq!(a.answered_on, None, "waiting again: not answered");
    }

    #[test]
    fn a_stage_change_is_dated() {
        let mut r = referral_at(Stage::New);
        log_first_contact(&mut r, stamp(3, 15), stamp(3, 16)).unwrap();
        assert_eq!(
            r.stage_changed,
            Some(stamp(3, 15)),
            "contacted when the contact was made"
        );
        move_stage(&mut r, Stage::MeetingSet, stamp(6, 9)).unwrap();
        assert_eq!(r.stage_changed, Some(stamp(6, 9)));
    }

    #[test]
    fn closing_records_how_it_ended_and_reopening_forgets_it() {
        let mut r = referral_at(Stage::Interviewing);
        close(&mut r, Closing::NoOffer, stamp(12, 9)).unwrap();
        assert_eq!((r.stage, r.closing), (Stage::Closed, Some(Closing::NoOffer)));
        close(&mut r, Closing::Withdrew, stamp(12, 10)).unwrap();
        assert_eq!(r.closing, Some(Closing::Withdrew), "how it ended can be changed");
        correct_stage(&mut r, Stage::Offer, stamp(13, 9)).unwrap();
        assert_eq!((r.stage, r.closing), (Stage::Offer, None));
    }

    #[test]
    fn stages_are_listed_in_order() {
        assert!(STAGES.windows(2).all(|w| w[0] < w[1]));
        assert_eq!(next_stage(Stage::Closed), None);
        assert_eq!(previous_stage(Stage::New), None);
    }
}
