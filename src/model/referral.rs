//! A person the user was referred to, tracked from "contact them now" until the loop is closed.

use super::{clean_email, clean_line, clean_text, clean_url, FieldError, Id, Stamp};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    /// Just referred: contact as soon as possible.
    #[default]
    New,
    Contacted,
    MeetingSet,
    Interviewing,
    Offer,
    Closed,
}

/// How a closed referral ended, in the user's words for it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Closing {
    /// The user got the job.
    Hired,
    /// Interviewed, but no offer came (or the user turned it down).
    NoOffer,
    /// They met, but there was no opening for the user.
    NoOpening,
    /// The referred person never answered.
    NoReply,
    /// The user stopped pursuing it.
    Withdrew,
}

impl Closing {
    pub const ALL: [Closing; 5] = [
        Closing::Hired,
        Closing::NoOffer,
        Closing::NoOpening,
        Closing::NoReply,
        Closing::Withdrew,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Closing::Hired => "Hired",
            Closing::NoOffer => "No offer",
            Closing::NoOpening => "No opening for me",
            Closing::NoReply => "They never replied",
            Closing::Withdrew => "I withdrew",
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            Closing::Hired => "hired",
            Closing::NoOffer => "no_offer",
            Closing::NoOpening => "no_opening",
            Closing::NoReply => "no_reply",
            Closing::Withdrew => "withdrew",
        }
    }

    pub fn from_key(key: &str) -> Option<Closing> {
        Closing::ALL.into_iter().find(|c| c.key() == key)
    }
}

/// A progress update about this referral that went out to someone who helped the goal.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct UpdateSent {
    /// The contact who got the news.
    #[serde(rename = "to")]
    pub to: Id,
    /// The stage the news was about (an offer, or the close).
    #[serde(rename = "st")]
    pub stage: Stage,
    #[serde(rename = "d")]
    pub on: NaiveDate,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Referral {
    #[serde(rename = "i")]
    pub id: Id,
    #[serde(rename = "n")]
    pub name: String,
    #[serde(rename = "co", default, skip_serializing_if = "String::is_empty")]
    pub company: String,
    #[serde(rename = "ro", default, skip_serializing_if = "String::is_empty")]
    pub role: String,
    #[serde(rename = "em", default, skip_serializing_if = "String::is_empty")]
    pub email: String,
    #[serde(rename = "ph", default, skip_serializing_if = "String::is_empty")]
    pub phone: String,
    #[serde(rename = "u", default, skip_serializing_if = "String::is_empty")]
    pub profile_url: String,
    /// The warm contact who made the referral.
    #[serde(rename = "by")]
    pub referred_by: Id,
    #[serde(rename = "a", default, skip_serializing_if = "Option::is_none")]
    pub ask: Option<Id>,
    #[serde(rename = "at")]
    pub referred_at: Stamp,
    #[serde(rename = "ca", default)]
    pub calls_ahead: bool,
    /// What the warm contact said this person values, and how best to approach them.
    #[serde(rename = "va", default, skip_serializing_if = "String::is_empty")]
    pub values: String,
    /// Tips from the warm contact on how to approach them.
    #[serde(rename = "tp", default, skip_serializing_if = "String::is_empty")]
    pub tips: String,
    /// The user's own notes: preparing for their questions, or a test.
    #[serde(rename = "no", default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
    #[serde(rename = "st", default)]
    pub stage: Stage,
    #[serde(rename = "fc", default, skip_serializing_if = "Option::is_none")]
    pub first_contact: Option<Stamp>,
    #[serde(rename = "ty", default, skip_serializing_if = "Option::is_none")]
    pub thanked_on: Option<NaiveDate>,
    #[serde(rename = "hw", default, skip_serializing_if = "Option::is_none")]
    pub how_it_went_sent_on: Option<NaiveDate>,
    /// The goal the referral is for: the ask's goal when it came from an ask, or chosen by hand.
    #[serde(rename = "g", default, skip_serializing_if = "Option::is_none")]
    pub goal: Option<Id>,
    /// When the referral reached its current stage; owed messages date from it.
    #[serde(rename = "sc", default, skip_serializing_if = "Option::is_none")]
    pub stage_changed: Option<Stamp>,
    /// The day of the first meeting, once one is set: the how-it-went is owed after it.
    #[serde(rename = "mo", default, skip_serializing_if = "Option::is_none")]
    pub meeting_on: Option<NaiveDate>,
    /// How it ended, once closed.
    #[serde(rename = "cl", default, skip_serializing_if = "Option::is_none")]
    pub closing: Option<Closing>,
    /// Progress updates about this referral already sent to the people who helped the goal.
    #[serde(rename = "us", default, skip_serializing_if = "Vec::is_empty")]
    pub updates_sent: Vec<UpdateSent>,
    #[serde(rename = "c")]
    pub created: Stamp,
    #[serde(rename = "m")]
    pub updated: Stamp,
}

impl Referral {
    /// A referral to `name`, made by the warm contact `referred_by` at `referred_at`: New, urgent.
    pub fn new(id: Id, name: impl Into<String>, referred_by: Id, referred_at: Stamp) -> Referral {
        Referral {
            id,
            name: name.into(),
            company: String::new(),
            role: String::new(),
            email: String::new(),
            phone: String::new(),
            profile_url: String::new(),
            referred_by,
            ask: None,
            referred_at,
            calls_ahead: false,
            values: String::new(),
            tips: String::new(),
            notes: String::new(),
            stage: Stage::New,
            first_contact: None,
            thanked_on: None,
            how_it_went_sent_on: None,
            goal: None,
            stage_changed: None,
            meeting_on: None,
            closing: None,
            updates_sent: Vec::new(),
            created: referred_at,
            updated: referred_at,
        }
    }

    /// Sets the day of the meeting (`None` clears it).
    pub fn set_meeting_on(&mut self, day: Option<NaiveDate>, now: Stamp) {
        self.meeting_on = day;
        self.updated = now;
    }

    /// Replaces the user's notes, cleaned as any long text is; a refusal changes nothing.
    pub fn set_notes(&mut self, notes: &str, now: Stamp) -> Result<(), FieldError> {
        self.notes = clean_text("Notes", notes)?;
        self.updated = now;
        Ok(())
    }
}

/// The referral form as typed: one person the warm contact referred the user to.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ReferralDraft {
    pub name: String,
    pub company: String,
    pub role: String,
    pub email: String,
    pub phone: String,
    pub profile_url: String,
    pub calls_ahead: bool,
    pub values: String,
    pub tips: String,
}

impl ReferralDraft {
    /// Whether nothing was typed: an empty row of the form is skipped, not refused.
    pub fn is_blank(&self) -> bool {
        [
            &self.name,
            &self.company,
            &self.role,
            &self.email,
            &self.phone,
            &self.profile_url,
            &self.values,
            &self.tips,
        ]
        .iter()
        .all(|v| v.trim().is_empty())
    }

    /// Checks every field and, only if all are valid, writes them to `referral` and stamps it.
    /// On error the referral is untouched and every problem is listed.
    pub fn apply(&self, referral: &mut Referral, now: Stamp) -> Result<(), Vec<FieldError>> {
        let mut errors = Vec::new();
        let mut take = |r: Result<String, FieldError>| super::noted(r, &mut errors);
        let name = take(clean_line("Name", &self.name));
        let company = take(clean_line("Company", &self.company));
        let role = take(clean_line("Role", &self.role));
        let email = take(clean_email("Email", &self.email));
        let phone = take(clean_line("Phone", &self.phone));
        let profile_url = take(clean_url("Profile URL", &self.profile_url));
        let values = take(clean_text("What they value", &self.values));
        let tips = take(clean_text("How to approach them", &self.tips));
        if name.is_empty() {
            errors.push(FieldError::Required { field: "Name" });
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        *referral = Referral {
            name,
            company,
            role,
            email,
            phone,
            profile_url,
            calls_ahead: self.calls_ahead,
            values,
            tips,
            updated: now,
            ..referral.clone()
        };
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id(n: u128) -> Id {
        Id::from_u128(n)
    }

    #[test]
    fn notes_and_the_meeting_day_stamp_the_referral() {
        let mut r = Referral::new(id(1), "Priya", id(2), Stamp::from_millis(0));
        r.set_notes("  Bring the SQL exercise  ", Stamp::from_millis(5))
            .unwrap();
        assert_eq!(
            (r.notes.as_str(), r.updated),
            ("Bring the SQL exercise", Stamp::from_millis(5))
        );
        let day = NaiveDate::from_ymd_opt(2026, 11, 22);
        r.set_meeting_on(day, Stamp::from_millis(9));
        assert_eq!((r.meeting_on, r.updated), (day, Stamp::from_millis(9)));
        assert!(r
            .set_notes(&"x".repeat(super::super::MAX_FIELD_CHARS + 1), Stamp::from_millis(12))
            .is_err());
        assert_eq!(r.updated, Stamp::from_millis(9), "refused notes change nothing");
    }

    #[test]
    fn a_referral_needs_a_name_and_a_valid_email() {
        let mut r = Referral::new(id(1), "", id(2), Stamp::from_millis(0));
        let draft = ReferralDraft {
            email: "priya at example".into(),
            ..ReferralDraft::default()
        };
        let errors = draft.apply(&mut r, Stamp::from_millis(5)).unwrap_err();
        assert_eq!(errors.len(), 2);
        assert_eq!(errors[1].to_string(), "Name is required");
        assert_eq!(r.updated, Stamp::from_millis(0), "a refused form changes nothing");
    }

    #[test]
    fn a_valid_draft_is_trimmed_into_the_referral() {
        let mut r = Referral::new(id(1), "", id(2), Stamp::from_millis(0));
        let draft = ReferralDraft {
            name: "  Priya Natarajan ".into(),
            company: "Maersk".into(),
            calls_ahead: true,
            values: " data over opinions ".into(),
            ..ReferralDraft::default()
        };
        draft.apply(&mut r, Stamp::from_millis(5)).unwrap();
        assert_eq!(
            (r.name.as_str(), r.values.as_str(), r.calls_ahead),
            ("Priya Natarajan", "data over opinions", true)
        );
        assert_eq!(r.referred_by, id(2));
    }

    #[test]
    fn an_untouched_row_is_blank_and_a_closing_key_round_trips() {
        assert!(ReferralDraft::default().is_blank());
        for c in Closing::ALL {
            assert_eq!(Closing::from_key(c.key()), Some(c));
        }
    }
}
