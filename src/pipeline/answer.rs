//! Recording an answer in one step (rule 8 and rule 10): a yes with the one or two people the
//! contact named, or a can't with its reason and the later follow-up. Checks everything before
//! anything changes, and returns the records to save.

use super::outcomes::{record_outcome, OutcomeError};
use crate::model::{Ask, Changes, Data, FieldError, Id, Outcome, Referral, ReferralDraft, Stamp};
use chrono::NaiveDate;

/// How many names one ask may bring without the contact volunteering more (rule 8).
pub const NAMES_PER_ASK: usize = 2;

/// Why an answer was not recorded.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AnswerError {
    #[error(transparent)]
    Outcome(#[from] OutcomeError),
    #[error("Person {row}: {error}")]
    Referral { row: usize, error: FieldError },
    #[error(
        "That would make {total} people from one ask. Ask for one or two, never more; if {name} offered more on their own, tick “They volunteered more names”"
    )]
    TooManyNames { total: usize, name: String },
    #[error("The later follow-up must be after the day of the ask ({})", crate::model::dates::short_date(*.sent_on))]
    FollowUpTooEarly { sent_on: NaiveDate },
}

/// A yes as typed: the people named (blank rows are skipped), whether the contact will refer the
/// user internally, and whether they volunteered more names than asked for.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Yes {
    pub referrals: Vec<ReferralDraft>,
    pub refers_internally: bool,
    pub volunteered: bool,
}

/// Records a yes on `ask`, as one change: the ask answered, and one New referral per named
/// person, tied to the ask and its goal. `ids` gives the new referrals' ids, in order.
pub fn record_yes(
    data: &Data,
    ask: &Ask,
    yes: &Yes,
    mut ids: impl Iterator<Item = Id>,
    now: Stamp,
) -> Result<Changes, AnswerError> {
    let mut updated = ask.clone();
    record_outcome(&mut updated, Outcome::Yes, now)?;
    let named: Vec<&ReferralDraft> = yes.referrals.iter().filter(|d| !d.is_blank()).collect();
    let earlier = data.referrals.values().filter(|r| r.ask == Some(ask.id)).count();
    let volunteered = yes.volunteered || ask.volunteered;
    if !volunteered && earlier + named.len() > NAMES_PER_ASK {
        let name = data
            .contacts
            .get(&ask.contact)
            .map_or("the contact", |c| c.name.as_str());
        return Err(AnswerError::TooManyNames {
            total: earlier + named.len(),
            name: name.to_string(),
        });
    }
    let mut referrals = Vec::new();
    for (row, draft) in named.into_iter().enumerate() {
        let id = ids.next().unwrap_or_else(Id::new_v4);
        // A millisecond apart, so that every list (oldest first) keeps the order they were typed in.
        let at = Stamp::from_millis(now.millis() + row as i64);
        let mut r = Referral::new(id, "", ask.contact, at);
        r.ask = Some(ask.id);
        r.goal = ask.goal;
        draft.apply(&mut r, now).map_err(|errors| AnswerError::Referral {
            row: row + 1,
            error: errors.into_iter().next().expect("apply fails with at least one error"),
        })?;
        referrals.push(r);
    }
    updated.volunteered = volunteered;
    updated.refers_internally = yes.refers_internally || ask.refers_internally;
    updated.updated = now;
    Ok(Changes {
        asks: vec![updated],
        referrals,
        ..Changes::default()
    })
}

/// A can't as typed: their words, whether those question the plan, and when to write again.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Cant {
    pub why: String,
    pub questions_plan: bool,
    pub later_follow_up: Option<NaiveDate>,
}

/// Records a can't on `ask` with its reason and plan.
pub fn record_cant(ask: &Ask, cant: &Cant, now: Stamp) -> Result<Ask, AnswerError> {
    if let Some(day) = cant.later_follow_up {
        if day <= ask.sent_on {
            return Err(AnswerError::FollowUpTooEarly { sent_on: ask.sent_on });
        }
    }
    let mut updated = ask.clone();
    record_outcome(&mut updated, Outcome::Cant { why: cant.why.clone() }, now)?;
    updated.questions_plan = cant.questions_plan && !cant.why.trim().is_empty();
    updated.later_follow_up = cant.later_follow_up;
    updated.updated = now;
    Ok(updated)
}

/// The can't reasons that question the plan of `goal`, newest first, with who said them: shown on
/// the goal until the user looks again at their plan.
pub fn plan_doubts(data: &Data, goal: Id) -> Vec<(String, String)> {
    let mut asks: Vec<&Ask> = data
        .asks
        .values()
        .filter(|a| a.goal == Some(goal) && a.questions_plan)
        .collect();
    crate::sort::sort_by_key(&mut asks, |a| std::cmp::Reverse((a.answered_on, a.sent_on, a.id)));
    asks.into_iter()
        .filter_map(|a| match &a.outcome {
            Outcome::Cant { why } if !why.is_empty() => {
                let name = data
                    .contacts
                    .get(&a.contact)
                    .map_or("A deleted contact", |c| c.name.as_str());
                Some((name.to_string(), why.clone()))
            }
            _ => None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pipeline::fixtures::{ask, cant, contact, data, date, goal, id, referral, stamp};
    use crate::pipeline::urgent_queue;

    fn named(name: &str) -> ReferralDraft {
        ReferralDraft {
            name: name.into(),
            ..ReferralDraft::default()
        }
    }

    fn ids() -> impl Iterator<Item = Id> {
        (100..).map(id)
    }

    fn world() -> Data {
        data(
            vec![contact(1, "Ana")],
            vec![goal(50)],
            vec![ask(10, 1, Some(50), Outcome::Waiting, 3)],
            vec![],
        )
    }

    #[test]
    fn a_yes_with_two_names_makes_two_urgent_referrals_for_the_goal() {
        let d = world();
        let yes = Yes {
            referrals: vec![named("Priya"), ReferralDraft::default(), named("Tom")],
            ..Yes::default()
        };
        let yes_change = record_yes(&d, &d.asks[&id(10)], &yes, ids(), stamp(4, 9)).unwrap();
        let (a, rs) = (&yes_change.asks[0], &yes_change.referrals);
        assert_eq!(a.outcome, Outcome::Yes);
        let names: Vec<_> = rs.iter().map(|r| r.name.as_str()).collect();
        assert_eq!(names, ["Priya", "Tom"], "the blank row is skipped");
        let reversed_ids = [id(900), id(100)].into_iter();
        let rs2 = record_yes(&d, &d.asks[&id(10)], &yes, reversed_ids, stamp(4, 9))
            .unwrap()
            .referrals;
        let queue = urgent_queue(&rs2, stamp(5, 9).0, Default::default());
        let order: Vec<_> = queue.iter().map(|u| u.referral.name.as_str()).collect();
        assert_eq!(
            order,
            ["Priya", "Tom"],
            "the queue keeps the order they were named in, whatever the ids"
        );
        assert!(rs
            .iter()
            .all(|r| r.goal == Some(id(50)) && r.ask == Some(id(10)) && r.referred_by == id(1)));
        assert_eq!(urgent_queue(rs, stamp(5, 9).0, Default::default()).len(), 2);
        let mut after = d.clone();
        let touched = yes_change.apply(&mut after);
        assert_eq!(
            (touched.asks, touched.referrals),
            (vec![id(10)], vec![id(100), id(101)]),
            "the answer and its referrals are one change"
        );
    }

    #[test]
    fn a_third_name_is_refused_unless_they_volunteered() {
        let d = world();
        let three = Yes {
            referrals: vec![named("Priya"), named("Tom"), named("Lena")],
            ..Yes::default()
        };
        let err = record_yes(&d, &d.asks[&id(10)], &three, ids(), stamp(4, 9)).unwrap_err();
        assert_eq!(
            err.to_string(),
            "That would make 3 people from one ask. Ask for one or two, never more; \
             if Ana offered more on their own, tick “They volunteered more names”"
        );
        let volunteered = Yes {
            volunteered: true,
            ..three
        };
        let change = record_yes(&d, &d.asks[&id(10)], &volunteered, ids(), stamp(4, 9)).unwrap();
        assert_eq!((change.referrals.len(), change.asks[0].volunteered), (3, true));
    }

    #[test]
    fn names_already_recorded_for_the_ask_count_toward_two() {
        let mut d = world();
        d.referrals.insert(id(20), referral(20, 1, Some(10), stamp(4, 9)));
        d.referrals.insert(id(21), referral(21, 1, Some(10), stamp(4, 9)));
        let one_more = Yes {
            referrals: vec![named("Lena")],
            ..Yes::default()
        };
        assert!(matches!(
            record_yes(&d, &d.asks[&id(10)], &one_more, ids(), stamp(5, 9)),
            Err(AnswerError::TooManyNames { total: 3, .. })
        ));
    }

    #[test]
    fn a_yes_without_names_may_be_an_internal_referral() {
        let d = world();
        let yes = Yes {
            refers_internally: true,
            ..Yes::default()
        };
        let change = record_yes(&d, &d.asks[&id(10)], &yes, ids(), stamp(4, 9)).unwrap();
        assert!(change.asks[0].refers_internally && change.referrals.is_empty());
    }

    #[test]
    fn a_bad_row_refuses_the_whole_answer_and_names_the_row() {
        let d = world();
        let yes = Yes {
            referrals: vec![
                named("Priya"),
                ReferralDraft {
                    email: "tom@".into(),
                    ..named("Tom")
                },
            ],
            ..Yes::default()
        };
        let err = record_yes(&d, &d.asks[&id(10)], &yes, ids(), stamp(4, 9)).unwrap_err();
        assert_eq!(
            err.to_string(),
            "Person 2: Email does not look like an e-mail address (name@example.com)"
        );
    }

    #[test]
    fn a_cant_keeps_the_reason_the_doubt_and_the_later_follow_up() {
        let mut d = world();
        let c = Cant {
            why: "Maersk is not hiring planners; try DSV".into(),
            questions_plan: true,
            later_follow_up: Some(date(30)),
        };
        let a = record_cant(&d.asks[&id(10)], &c, stamp(4, 9)).unwrap();
        assert_eq!(a.outcome, cant("Maersk is not hiring planners; try DSV"));
        assert_eq!(a.later_follow_up, Some(date(30)));
        d.asks.insert(a.id, a);
        assert_eq!(
            plan_doubts(&d, id(50)),
            vec![("Ana".to_string(), "Maersk is not hiring planners; try DSV".to_string())]
        );
    }

    #[test]
    fn a_later_follow_up_before_the_ask_is_refused() {
        let d = world();
        let c = Cant {
            later_follow_up: Some(date(2)),
            ..Cant::default()
        };
        assert!(matches!(
            record_cant(&d.asks[&id(10)], &c, stamp(4, 9)),
            Err(AnswerError::FollowUpTooEarly { .. })
        ));
    }

    #[test]
    fn a_bare_cant_cannot_question_the_plan() {
        let d = world();
        let c = Cant {
            questions_plan: true,
            ..Cant::default()
        };
        assert!(!record_cant(&d.asks[&id(10)], &c, stamp(4, 9)).unwrap().questions_plan);
    }
}
