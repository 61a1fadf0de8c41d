//! Small builders for the pipeline's tests: every record from a number, every time from a day and hour
//! in March 2025, so a test reads as its story.

use crate::model::{Ask, AskKind, Channel, Contact, Data, Goal, GoalKind, Id, Outcome, Referral, Stage, Stamp};
use chrono::{DateTime, NaiveDate, TimeZone, Utc};

pub fn id(n: u128) -> Id {
    Id::from_u128(n)
}

/// Midnight UTC on the given day of March 2025, plus `hour` hours.
pub fn at(day: u32, hour: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2025, 3, day, hour, 0, 0)
        .single()
        .expect("March 2025 days used in tests exist")
}

pub fn stamp(day: u32, hour: u32) -> Stamp {
    Stamp::from_millis(at(day, hour).timestamp_millis())
}

pub fn date(day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, 3, day).expect("March 2025 days used in tests exist")
}

pub fn contact(n: u128, name: &str) -> Contact {
    Contact::new(id(n), name, stamp(1, 0))
}

pub fn goal(n: u128) -> Goal {
    Goal {
        id: id(n),
        kind: GoalKind::Targeted,
        roles: vec!["Supply Chain Planner".into()],
        industry: "Logistics".into(),
        locations: vec!["Rotterdam".into()],
        company: "Maersk".into(),
        posting: String::new(),
        pitch: Vec::new(),
        archived: false,
        created: stamp(1, 0),
        updated: stamp(1, 0),
    }
}

/// An ask sent on `day`, last edited that same day.
pub fn ask(n: u128, contact: u128, goal: Option<u128>, outcome: Outcome, day: u32) -> Ask {
    Ask {
        goal: goal.map(id),
        outcome,
        ..Ask::new(
            id(n),
            id(contact),
            AskKind::Referral,
            Channel::Email,
            date(day),
            stamp(day, 9),
        )
    }
}

pub fn cant(why: &str) -> Outcome {
    Outcome::Cant { why: why.into() }
}

/// A referral to "Referred {n}" made by contact `by` at `referred_at`, still New.
pub fn referral(n: u128, by: u128, ask: Option<u128>, referred_at: Stamp) -> Referral {
    Referral {
        company: "Maersk".into(),
        role: "Planning Lead".into(),
        ask: ask.map(id),
        ..Referral::new(id(n), format!("Referred {n}"), id(by), referred_at)
    }
}

/// The same referral moved to `stage` on `day`, with a first contact if the stage implies one.
pub fn at_stage(mut r: Referral, stage: Stage, day: u32) -> Referral {
    if stage > Stage::New && r.first_contact.is_none() {
        r.first_contact = Some(r.referred_at);
    }
    r.stage = stage;
    r.updated = stamp(day, 12);
    r
}

pub fn data(contacts: Vec<Contact>, goals: Vec<Goal>, asks: Vec<Ask>, referrals: Vec<Referral>) -> Data {
    Data {
        contacts: contacts.into_iter().map(|c| (c.id, c)).collect(),
        goals: goals.into_iter().map(|g| (g.id, g)).collect(),
        asks: asks.into_iter().map(|a| (a.id, a)).collect(),
        referrals: referrals.into_iter().map(|r| (r.id, r)).collect(),
        ..Data::default()
    }
}
