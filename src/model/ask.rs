//! An ask made to a contact for a goal, and what came of it.

use super::{Id, Stamp};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AskKind {
    Referral,
    WarmIntroduction,
    KeepMeInMind,
    PeopleToTalkTo,
    AdviceMeeting,
    LunchInvitation,
    CatchUp,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    Email,
    LinkedInMessage,
    LinkedInConnectionNote,
    TextMessage,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    #[default]
    Waiting,
    NoReply,
    Yes,
    Cant {
        #[serde(default, skip_serializing_if = "String::is_empty")]
        why: String,
    },
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Ask {
    #[serde(rename = "i")]
    pub id: Id,
    #[serde(rename = "ct")]
    pub contact: Id,
    #[serde(rename = "g", default, skip_serializing_if = "Option::is_none")]
    pub goal: Option<Id>,
    #[serde(rename = "kd")]
    pub kind: AskKind,
    #[serde(rename = "ch")]
    pub channel: Channel,
    /// The message as sent.
    #[serde(rename = "tx", default, skip_serializing_if = "String::is_empty")]
    pub message: String,
    #[serde(rename = "d")]
    pub sent_on: NaiveDate,
    #[serde(rename = "o", default)]
    pub outcome: Outcome,
    /// The contact offered more names than the usual one or two; lifts the two-names rule.
    #[serde(rename = "v", default)]
    pub volunteered: bool,
    #[serde(rename = "fu", default, skip_serializing_if = "Option::is_none")]
    pub follow_up_due: Option<NaiveDate>,
    /// For a warm-introduction ask: whom the user asked to be introduced to, as "Name, role at
    /// Company". Kept so the how-it-went note can name them later.
    #[serde(rename = "it", default, skip_serializing_if = "String::is_empty")]
    pub introduce_to: String,
    #[serde(rename = "no", default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
    /// The day the answer (yes, can't or no reply) was logged: a thank-you is owed from it.
    #[serde(rename = "ad", default, skip_serializing_if = "Option::is_none")]
    pub answered_on: Option<NaiveDate>,
    /// The day a thank-you for the answer went out.
    #[serde(rename = "ty", default, skip_serializing_if = "Option::is_none")]
    pub thanked_on: Option<NaiveDate>,
    /// The day the latest follow-up went out; a follow-up planned on or before it is done.
    #[serde(rename = "lf", default, skip_serializing_if = "Option::is_none")]
    pub last_follow_up_on: Option<NaiveDate>,
    /// After a can't: the day to write again with news that shows progress (rule 10).
    #[serde(rename = "pf", default, skip_serializing_if = "Option::is_none")]
    pub later_follow_up: Option<NaiveDate>,
    /// After a can't: the day the user asked them to keep their eyes open.
    #[serde(rename = "eo", default, skip_serializing_if = "Option::is_none")]
    pub eyes_open_on: Option<NaiveDate>,
    /// After a can't: the day the user left them a résumé.
    #[serde(rename = "rs", default, skip_serializing_if = "Option::is_none")]
    pub resume_sent_on: Option<NaiveDate>,
    /// On a yes: the contact will refer the user internally for the posting themselves.
    #[serde(rename = "ri", default, skip_serializing_if = "std::ops::Not::not")]
    pub refers_internally: bool,
    /// The can't's reason questions the plan itself (the role, the company, the pitch), so the goal
    /// shows it until the user has dealt with it.
    #[serde(rename = "qp", default, skip_serializing_if = "std::ops::Not::not")]
    pub questions_plan: bool,
    #[serde(rename = "c")]
    pub created: Stamp,
    #[serde(rename = "m")]
    pub updated: Stamp,
}

impl Ask {
    /// An ask sent on `sent_on` and waiting for its answer, with nothing else recorded yet.
    pub fn new(id: Id, contact: Id, kind: AskKind, channel: Channel, sent_on: NaiveDate, now: Stamp) -> Ask {
        Ask {
            id,
            contact,
            goal: None,
            kind,
            channel,
            message: String::new(),
            sent_on,
            outcome: Outcome::Waiting,
            volunteered: false,
            follow_up_due: None,
            introduce_to: String::new(),
            notes: String::new(),
            answered_on: None,
            thanked_on: None,
            last_follow_up_on: None,
            later_follow_up: None,
            eyes_open_on: None,
            resume_sent_on: None,
            refers_internally: false,
            questions_plan: false,
            created: now,
            updated: now,
        }
    }
}

impl AskKind {
    /// The seven asks, gentlest last: the order the wizard lists them in.
    pub const ALL: [AskKind; 7] = [
        AskKind::Referral,
        AskKind::WarmIntroduction,
        AskKind::KeepMeInMind,
        AskKind::PeopleToTalkTo,
        AskKind::AdviceMeeting,
        AskKind::LunchInvitation,
        AskKind::CatchUp,
    ];

    pub fn label(self) -> &'static str {
        match self {
            AskKind::Referral => "Referral for the role",
            AskKind::WarmIntroduction => "Warm introduction",
            AskKind::KeepMeInMind => "Keep me in mind",
            AskKind::PeopleToTalkTo => "One or two people to talk to",
            AskKind::AdviceMeeting => "Advice meeting",
            AskKind::LunchInvitation => "Coffee or lunch invitation",
            AskKind::CatchUp => "Catch-up note",
        }
    }

    /// What the ask is, in a sentence the wizard shows under its label.
    pub fn description(self) -> &'static str {
        match self {
            AskKind::Referral => "Ask them to refer you for the specific role at their company.",
            AskKind::WarmIntroduction => "Ask them to introduce you to someone they know at the company.",
            AskKind::KeepMeInMind => "Ask them to keep you in mind if they hear of roles like this.",
            AskKind::PeopleToTalkTo => "Ask for the names of one or two people you could talk to.",
            AskKind::AdviceMeeting => "Ask for half an hour of their advice on your search.",
            AskKind::LunchInvitation => "Invite them for coffee or lunch: no request yet.",
            AskKind::CatchUp => "Get back in touch first: no request yet.",
        }
    }

    /// Whether the contact is asked for names, which the two-names rule counts.
    pub fn asks_for_names(self) -> bool {
        self == AskKind::PeopleToTalkTo
    }
}

impl Channel {
    pub const ALL: [Channel; 4] = [
        Channel::Email,
        Channel::LinkedInMessage,
        Channel::LinkedInConnectionNote,
        Channel::TextMessage,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Channel::Email => "E-mail",
            Channel::LinkedInMessage => "LinkedIn message",
            Channel::LinkedInConnectionNote => "LinkedIn connection note",
            Channel::TextMessage => "Text message",
        }
    }

    /// What the channel asks of a message, for the wizard.
    pub fn description(self) -> &'static str {
        match self {
            Channel::Email => "With a subject line; room for a short case and a sign-off.",
            Channel::LinkedInMessage => "For a first-degree connection; no subject.",
            Channel::LinkedInConnectionNote => "Sent with a connection request: 300 characters at most.",
            Channel::TextMessage => "Short and plain, for someone who has your number.",
        }
    }
}
