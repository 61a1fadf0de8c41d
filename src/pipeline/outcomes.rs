//! How an ask's outcome may change once logged: waiting, no reply, yes or can't in the normal
//! course, and the correction kept apart from it. Every refusal says, in words a user can act on,
//! what to do instead.

use crate::model::{clean_text, Ask, FieldError, Outcome, Stamp};

/// How an outcome reads inside a sentence ("an ask answered “yes”").
pub fn outcome_label(outcome: &Outcome) -> &'static str {
    match outcome {
        Outcome::Waiting => "waiting for a reply",
        Outcome::NoReply => "no reply",
        Outcome::Yes => "yes",
        Outcome::Cant { .. } => "can't",
    }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pipeline::fixtures::{ask, cant, stamp};

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
}
