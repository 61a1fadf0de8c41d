//! The domain of Vouch as plain Rust: the objects of DOMAIN.md (profile, contacts, knows-links,
//! touchpoints, goals, asks, referrals) and the rules that act on them. Nothing here touches the
//! browser, so all of it is tested natively.

mod ask;
pub mod clock;
mod contact;
mod data;
pub mod dates;
mod goal;
mod link;
mod parts;
mod profile;
mod referral;
mod touchpoint;

pub use ask::{Ask, AskKind, Channel, Outcome};
pub use contact::{
    cadence_label, headline, parse_tags, Contact, ContactDraft, JobMove, Judgement, Relationship, Score, Source,
    CADENCES,
};
pub use data::{Changes, Data, RemovedContact, Touched};
pub use goal::GoalDraft;
pub use goal::{newest_first, Goal, GoalKind};
pub use link::{KnowsLink, Person};
pub use parts::{Catchup, Change, ChangeLog, Parts};
pub use profile::{Profile, ProfileDraft};
pub use referral::{Closing, Referral, ReferralDraft, Stage, UpdateSent};
pub use touchpoint::{Direction, ImportedHistory, TouchImport, TouchKind, Touchpoint};

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// Every stored record's identity. A v4 UUID: unique across tabs and devices without coordination.
pub type Id = uuid::Uuid;

/// A point in time, stored as milliseconds since the epoch: compact, and ordered for "newest wins".
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Stamp(#[serde(with = "chrono::serde::ts_milliseconds")] pub DateTime<Utc>);

impl Default for Stamp {
    /// The epoch: a stamp that is older than any real one.
    fn default() -> Self {
        Stamp::from_millis(0)
    }
}

impl Stamp {
    pub fn from_millis(ms: i64) -> Self {
        Stamp(DateTime::from_timestamp_millis(ms).unwrap_or_default())
    }
    pub fn millis(self) -> i64 {
        self.0.timestamp_millis()
    }
}

/// The longest text any single field accepts. Longer input is refused with a message rather than
/// silently cut, so that nobody loses the end of a note without knowing.
pub const MAX_FIELD_CHARS: usize = 10_000;
/// The longest a one-line field (a name, a company, a role) may be.
pub const MAX_LINE_CHARS: usize = 200;

/// What is wrong with a value a person typed, in words they can act on.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FieldError {
    #[error("{field} is required")]
    Required { field: &'static str },
    #[error("{field} is too long: {len} characters, at most {max}")]
    TooLong {
        field: &'static str,
        len: usize,
        max: usize,
    },
    #[error("{field} does not look like {expected}")]
    Malformed {
        field: &'static str,
        expected: &'static str,
    },
}

/// A checked value, or an empty one with its problem noted in `errors`: how a form checks every
/// field and shows all the problems at once rather than stopping at the first.
pub fn noted<T: Default>(checked: Result<T, FieldError>, errors: &mut Vec<FieldError>) -> T {
    checked.unwrap_or_else(|e| {
        errors.push(e);
        T::default()
    })
}

/// Trims a one-line field and checks its length.
pub fn clean_line(field: &'static str, value: &str) -> Result<String, FieldError> {
    let value = value.trim();
    check_len(field, value, MAX_LINE_CHARS)?;
    Ok(value.to_string())
}

/// Trims a free-text field and checks its length.
pub fn clean_text(field: &'static str, value: &str) -> Result<String, FieldError> {
    let value = value.trim();
    check_len(field, value, MAX_FIELD_CHARS)?;
    Ok(value.to_string())
}

fn check_len(field: &'static str, value: &str, max: usize) -> Result<(), FieldError> {
    let len = value.chars().count();
    if len > max {
        return Err(FieldError::TooLong { field, len, max });
    }
    Ok(())
}

/// Checks that a non-empty link is an http(s) URL, so a stored link can never be `javascript:`.
pub fn clean_url(field: &'static str, value: &str) -> Result<String, FieldError> {
    let value = clean_line(field, value)?;
    if value.is_empty() {
        return Ok(value);
    }
    let lower = value.to_ascii_lowercase();
    if !(lower.starts_with("https://") || lower.starts_with("http://")) || value.contains(char::is_whitespace) {
        return Err(FieldError::Malformed {
            field,
            expected: "a web address starting with https://",
        });
    }
    Ok(value)
}

/// A loose e-mail check: one `@` with text on both sides and a dot after it. Strict RFC 5322
/// checks reject real addresses; this only catches obvious slips like a phone number in the field.
pub fn clean_email(field: &'static str, value: &str) -> Result<String, FieldError> {
    let value = clean_line(field, value)?;
    if value.is_empty() {
        return Ok(value);
    }
    let ok = match value.split_once('@') {
        Some((local, domain)) => {
            !local.is_empty()
                && !domain.contains('@')
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && !value.contains(char::is_whitespace)
        }
        None => false,
    };
    if ok {
        Ok(value)
    } else {
        Err(FieldError::Malformed {
            field,
            expected: "an e-mail address (name@example.com)",
        })
    }
}

/// Splits a multi-line field into its non-empty trimmed lines (skills, shared experiences, tags).
pub fn clean_list(field: &'static str, value: &str) -> Result<Vec<String>, FieldError> {
    value
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(|l| clean_line(field, l))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_javascript_link_is_refused() {
        assert!(clean_url("Profile URL", "javascript:alert(1)").is_err());
        assert!(clean_url("Profile URL", "https://example.com/in/ana").is_ok());
        assert_eq!(clean_url("Profile URL", "  ").unwrap(), "");
    }

    #[test]
    fn an_over_long_name_is_refused_with_its_length() {
        let long = "a".repeat(MAX_LINE_CHARS + 1);
        assert_eq!(
            clean_line("Name", &long),
            Err(FieldError::TooLong {
                field: "Name",
                len: MAX_LINE_CHARS + 1,
                max: MAX_LINE_CHARS
            })
        );
    }

    #[test]
    fn email_check_catches_obvious_slips_only() {
        assert!(clean_email("Email", "ana@example.org").is_ok());
        assert!(clean_email("Email", "ana.o'neil+jobs@mail.example.co.uk").is_ok());
        assert!(clean_email("Email", "+31 6 1234").is_err());
        assert!(clean_email("Email", "ana@localhost").is_err());
    }

    #[test]
    fn lists_drop_blank_lines() {
        assert_eq!(
            clean_list("Skills", "  SQL \n\n forecasting\n").unwrap(),
            vec!["SQL".to_string(), "forecasting".to_string()]
        );
    }

    #[test]
    fn stamp_round_trips_through_millis() {
        let s = Stamp::from_millis(1_763_000_000_123);
        assert_eq!(s.millis(), 1_763_000_000_123);
        assert_eq!(serde_json::to_string(&s).unwrap(), "1763000000123");
    }
}
