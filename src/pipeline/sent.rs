//! Logging a message as sent: what closes a to-do. The message's record remembers the day (so the
//! owed list drops it) and the contact's timeline gains a touchpoint (so the keep-in-touch clock
//! restarts). Pure: the caller saves what comes back.

use super::owed::{Owed, OwedKind, OwedRef};
use crate::model::{Ask, Changes, Data, Direction, Id, Outcome, Stage, Stamp, TouchKind, Touchpoint, UpdateSent};
use chrono::NaiveDate;

/// What logging `owed` as sent on `on` changes: the ask or referrals it was about, and one new
/// touchpoint with the recipient. `touch_id` is the new touchpoint's id.
pub fn log_sent(data: &Data, owed: &Owed, on: NaiveDate, touch_id: Id, now: Stamp) -> Changes {
    let mut asks = Vec::new();
    let mut referrals = Vec::new();
    match (&owed.about, owed.kind) {
        (OwedRef::Ask(id), kind) => {
            if let Some(mut ask) = data.asks.get(id).cloned() {
                if kind == OwedKind::FollowUp {
                    ask.last_follow_up_on = Some(on);
                } else {
                    ask.thanked_on = Some(on);
                }
                ask.updated = now;
                asks.push(ask);
            }
        }
        (OwedRef::Referral(id), kind) => {
            if let Some(mut r) = data.referrals.get(id).cloned() {
                if kind == OwedKind::HowItWent {
                    r.how_it_went_sent_on = Some(on);
                    // The how-it-went carried the news of the stage the referral is at, so the
                    // introducer is not owed a progress update about it as well.
                    if matches!(r.stage, Stage::Offer | Stage::Closed) {
                        r.updates_sent.push(UpdateSent {
                            to: owed.contact,
                            stage: r.stage,
                            on,
                        });
                    }
                } else {
                    r.thanked_on = Some(on);
                }
                r.updated = now;
                referrals.push(r);
            }
        }
        (OwedRef::Goal { referrals: ids, .. }, _) => {
            for id in ids {
                if let Some(mut r) = data.referrals.get(id).cloned() {
                    r.updates_sent.push(UpdateSent {
                        to: owed.contact,
                        stage: r.stage,
                        on,
                    });
                    r.updated = now;
                    referrals.push(r);
                }
            }
        }
    }
    let note = match owed.kind {
        OwedKind::ThankYou => "Sent a thank-you",
        OwedKind::HowItWent => "Told them how it went",
        OwedKind::FollowUp => "Followed up",
        OwedKind::ProgressUpdate => "Sent a progress update",
    };
    Changes {
        asks,
        referrals,
        touchpoints: vec![note_to(owed.contact, on, note, touch_id, now)],
        ..Changes::default()
    }
}

/// The steps after a can't (rule 10) that are messages, each logged once.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CantStep {
    /// Asked them to keep their eyes open.
    EyesOpen,
    /// Left them a résumé.
    Resume,
}

/// Logs a can't step as done on `on`: the ask remembers the day and the contact's timeline gets a
/// touchpoint, as one change. `None` if the ask is not a can't: the steps belong to that answer only.
pub fn log_cant_step(ask: &Ask, step: CantStep, on: NaiveDate, touch_id: Id, now: Stamp) -> Option<Changes> {
    if !matches!(ask.outcome, Outcome::Cant { .. }) {
        return None;
    }
    let mut ask = ask.clone();
    let note = match step {
        CantStep::EyesOpen => {
            ask.eyes_open_on = Some(on);
            "Asked them to keep their eyes open"
        }
        CantStep::Resume => {
            ask.resume_sent_on = Some(on);
            "Sent my résumé"
        }
    };
    ask.updated = now;
    let touch = note_to(ask.contact, on, note, touch_id, now);
    Some(Changes {
        asks: vec![ask],
        touchpoints: vec![touch],
        ..Changes::default()
    })
}

fn note_to(contact: Id, on: NaiveDate, note: &str, id: Id, now: Stamp) -> Touchpoint {
    Touchpoint {
        id,
        contact,
        date: on,
        kind: TouchKind::Note,
        direction: Direction::Neutral,
        note: note.to_string(),
        imported: None,
        created: now,
        updated: now,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pipeline::fixtures::{ask, at_stage, cant, contact, data, date, goal, id, referral, stamp};
    use crate::pipeline::owed;

    const ANA: u128 = 1;
    const BRAM: u128 = 2;

    /// Logs every owed message as sent, one at a time, checking each leaves the list.
    fn send_all(d: &mut Data, today: NaiveDate) {
        let mut n = 900;
        while let Some(first) = owed(d, today).into_iter().next() {
            let before = owed(d, today).len();
            let sent = log_sent(d, &first, today, id(n), stamp(today.day0() + 1, 18));
            assert_eq!(
                sent.touchpoints.iter().map(|t| t.contact).collect::<Vec<_>>(),
                vec![first.contact],
                "one touchpoint, with the recipient"
            );
            sent.apply(d);
            assert_eq!(owed(d, today).len(), before - 1, "{first:?} is cleared");
            n += 1;
        }
    }

    use chrono::Datelike;

    #[test]
    fn logging_a_thank_you_clears_it_and_adds_a_touchpoint() {
        let mut d = data(
            vec![contact(ANA, "Ana")],
            vec![],
            vec![ask(10, ANA, None, Outcome::Yes, 3)],
            vec![referral(20, ANA, Some(10), stamp(3, 9))],
        );
        let thanks = owed(&d, date(4)).remove(0);
        assert_eq!(thanks.kind, OwedKind::ThankYou);
        let sent = log_sent(&d, &thanks, date(4), id(99), stamp(4, 10));
        assert_eq!(sent.asks[0].thanked_on, Some(date(4)));
        assert_eq!(sent.touchpoints[0].note, "Sent a thank-you");
        assert_eq!(sent.touchpoints[0].date, date(4));
        let touched = sent.apply(&mut d);
        assert_eq!((touched.asks, touched.touchpoints), (vec![id(10)], vec![id(99)]));
        assert!(owed(&d, date(4)).is_empty());
        assert_eq!(d.touchpoints.len(), 1);
    }

    #[test]
    fn every_kind_of_owed_message_is_cleared_by_logging_it() {
        let mut met = at_stage(referral(20, ANA, Some(10), stamp(3, 9)), Stage::Offer, 6);
        met.goal = Some(id(50));
        let waiting = Ask {
            follow_up_due: Some(date(5)),
            ..ask(11, BRAM, Some(50), Outcome::Waiting, 2)
        };
        let mut d = data(
            vec![contact(ANA, "Ana"), contact(BRAM, "Bram"), contact(3, "Chloé")],
            vec![goal(50)],
            vec![
                ask(10, ANA, Some(50), Outcome::Yes, 3),
                waiting,
                ask(12, 3, Some(50), cant("try in spring"), 3),
            ],
            vec![met],
        );
        let kinds: std::collections::BTreeSet<OwedKind> = owed(&d, date(8)).iter().map(|o| o.kind).collect();
        assert_eq!(
            kinds.len(),
            4,
            "thank-you, how-it-went, follow-up and progress update: {kinds:?}"
        );
        send_all(&mut d, date(8));
        assert!(owed(&d, date(8)).is_empty());
    }

    #[test]
    fn can_t_steps_are_logged_on_a_cant_only() {
        let a = ask(10, ANA, None, cant("freeze"), 3);
        let mut d = data(vec![contact(ANA, "Ana")], vec![], vec![a.clone()], vec![]);
        let eyes = log_cant_step(&a, CantStep::EyesOpen, date(4), id(99), stamp(4, 9)).unwrap();
        assert_eq!(eyes.asks[0].eyes_open_on, Some(date(4)));
        assert_eq!(eyes.touchpoints[0].note, "Asked them to keep their eyes open");
        let touched = eyes.apply(&mut d);
        assert_eq!((touched.asks, touched.touchpoints), (vec![id(10)], vec![id(99)]));
        let resume = log_cant_step(&d.asks[&id(10)], CantStep::Resume, date(5), id(98), stamp(5, 9)).unwrap();
        resume.apply(&mut d);
        let a3 = &d.asks[&id(10)];
        assert_eq!((a3.eyes_open_on, a3.resume_sent_on), (Some(date(4)), Some(date(5))));
        assert_eq!(d.touchpoints.len(), 2, "each step is on the timeline");
        let yes = ask(11, ANA, None, Outcome::Yes, 3);
        assert_eq!(
            log_cant_step(&yes, CantStep::Resume, date(4), id(97), stamp(4, 9)),
            None
        );
    }
}
