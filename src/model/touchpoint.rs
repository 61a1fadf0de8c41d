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
    /// The kinds a person logs by hand (`Ask` is logged by the app when an ask is sent).
    pub const LOGGABLE: [TouchKind; 8] = [
        TouchKind::Note,
        TouchKind::Greeting,
        TouchKind::Call,
        TouchKind::CoffeeOrLunch,
        TouchKind::HelpedThem,
        TouchKind::SharedSomething,
        TouchKind::IntroducedThem,
        TouchKind::TheyHelpedMe,
    ];

    pub fn label(self) -> &'static str {
        match self {
            TouchKind::Note => "Note or message",
            TouchKind::Greeting => "Greeting",
            TouchKind::Call => "Call",
            TouchKind::CoffeeOrLunch => "Coffee or lunch",
            TouchKind::HelpedThem => "Helped them",
            TouchKind::SharedSomething => "Shared something useful",
            TouchKind::IntroducedThem => "Introduced them to someone",
            TouchKind::TheyHelpedMe => "They helped me",
            TouchKind::Ask => "Asked for help",
        }
    }

    /// The stable key used in forms.
    pub fn key(self) -> &'static str {
        match self {
            TouchKind::Note => "note",
            TouchKind::Greeting => "greeting",
            TouchKind::Call => "call",
            TouchKind::CoffeeOrLunch => "coffee_or_lunch",
            TouchKind::HelpedThem => "helped_them",
            TouchKind::SharedSomething => "shared_something",
            TouchKind::IntroducedThem => "introduced_them",
            TouchKind::TheyHelpedMe => "they_helped_me",
            TouchKind::Ask => "ask",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        Self::LOGGABLE
            .into_iter()
            .chain([TouchKind::Ask])
            .find(|k| k.key() == key)
    }

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

impl Direction {
    pub const ALL: [Direction; 3] = [Direction::Gave, Direction::Received, Direction::Neutral];

    pub fn label(self) -> &'static str {
        match self {
            Direction::Gave => "I gave",
            Direction::Received => "I received",
            Direction::Neutral => "Neither",
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            Direction::Gave => "gave",
            Direction::Received => "received",
            Direction::Neutral => "neutral",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|d| d.key() == key)
    }
}

/// Which part of a file's history an imported touchpoint sums up, and which import made it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TouchImport {
    #[serde(rename = "f")]
    pub from: ImportedHistory,
    #[serde(rename = "b")]
    pub batch: Stamp,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ImportedHistory {
    /// The most recent exchange in LinkedIn's messages.
    Messages,
    /// A connection invitation with a message.
    Invitation,
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
    /// Set when an import made this touchpoint from a file's history, so a re-import updates it
    /// instead of adding another, and undoing the import removes it.
    #[serde(rename = "im", default, skip_serializing_if = "Option::is_none")]
    pub imported: Option<TouchImport>,
    #[serde(rename = "c")]
    pub created: Stamp,
    #[serde(rename = "m")]
    pub updated: Stamp,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn giving_kinds_default_to_gave_and_keys_round_trip() {
        assert_eq!(TouchKind::HelpedThem.default_direction(), Direction::Gave);
        assert_eq!(TouchKind::TheyHelpedMe.default_direction(), Direction::Received);
        assert_eq!(TouchKind::CoffeeOrLunch.default_direction(), Direction::Neutral);
        for k in TouchKind::LOGGABLE {
            assert_eq!(TouchKind::from_key(k.key()), Some(k));
        }
        for d in Direction::ALL {
            assert_eq!(Direction::from_key(d.key()), Some(d));
        }
    }
}
