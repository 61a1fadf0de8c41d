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
    #[serde(rename = "c")]
    pub created: Stamp,
    #[serde(rename = "m")]
    pub updated: Stamp,
}
