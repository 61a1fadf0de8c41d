//! How a referral moves through its stages, New to Closed: one step forward at a time, a first
//! contact logged to leave New, closing from anywhere, and the two corrections. Every refusal says,
//! in words a user can act on, what to do instead.

use crate::model::{Closing, Referral, Stage, Stamp};

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
    #[error("This referral was already contacted on {}", crate::model::dates::short_date(.on.0.date_naive()))]
    AlreadyContacted { on: Stamp },
    #[error(
        "The first contact can't be before the referral was made ({} {} UTC)",
        crate::model::dates::short_date(.referred_at.0.date_naive()), crate::model::dates::hh_mm(.referred_at.0.time())
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
    use crate::pipeline::fixtures::{at_stage, referral, stamp};

    fn referral_at(stage: Stage) -> Referral {
        at_stage(referral(10, 1, None, stamp(3, 9)), stage, 4)
    }

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
