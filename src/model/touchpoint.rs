//! A dated interaction with a contact. Any touch resets the keep-in-touch clock; its direction
//! feeds the give-before-you-ask balance.

use super::{Id, Stamp};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TouchKind {
    Note,
    Greeting,
    Call,
    CoffeeOrLunch,
    HelpedThem,
    SharedSomething,
    IntroducedThem,
    TheyHelpedMe,
    /// Logged by the app when an ask is marked as sent.
    Ask,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    Gave,
    Received,
    #[default]
    Neutral,
}

impl TouchKind {
    /// The direction a kind implies, so logging a touch is two clicks.
    pub fn default_direction(self) -> Direction {
        match self {
            TouchKind::HelpedThem | TouchKind::SharedSomething | TouchKind::IntroducedThem => Direction::Gave,
            TouchKind::TheyHelpedMe => Direction::Received,
            TouchKind::Note | TouchKind::Greeting | TouchKind::Call | TouchKind::CoffeeOrLunch | TouchKind::Ask => {
                Direction::Neutral
            }
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Touchpoint {
    #[serde(rename = "i")]
    pub id: Id,
    #[serde(rename = "ct")]
    pub contact: Id,
    #[serde(rename = "d")]
    pub date: NaiveDate,
    #[serde(rename = "kd")]
    pub kind: TouchKind,
    #[serde(rename = "dr", default)]
    pub direction: Direction,
    #[serde(rename = "no", default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    #[serde(rename = "c")]
    pub created: Stamp,
    #[serde(rename = "m")]
    pub updated: Stamp,
}
