//! A person the user was referred to, tracked from "contact them now" until the loop is closed.

use super::{Id, Stamp};
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
    #[serde(rename = "c")]
    pub created: Stamp,
    #[serde(rename = "m")]
    pub updated: Stamp,
}
