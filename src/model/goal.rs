//! What the user is asking for: no ask without a goal (DOMAIN.md rule 4).

use super::{Id, Stamp};
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum GoalKind {
    /// "Keep me in mind for roles like X."
    #[default]
    General,
    /// A specific company, maybe a specific posting.
    Targeted,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Goal {
    #[serde(rename = "i")]
    pub id: Id,
    #[serde(rename = "kd", default)]
    pub kind: GoalKind,
    #[serde(rename = "ro", default, skip_serializing_if = "Vec::is_empty")]
    pub roles: Vec<String>,
    #[serde(rename = "in", default, skip_serializing_if = "String::is_empty")]
    pub industry: String,
    #[serde(rename = "lo", default, skip_serializing_if = "Vec::is_empty")]
    pub locations: Vec<String>,
    #[serde(rename = "co", default, skip_serializing_if = "String::is_empty")]
    pub company: String,
    /// A posting URL or id, for targeted goals.
    #[serde(rename = "po", default, skip_serializing_if = "String::is_empty")]
    pub posting: String,
    /// The two or three fit points used in messages for this goal.
    #[serde(rename = "pi", default, skip_serializing_if = "Vec::is_empty")]
    pub pitch: Vec<String>,
    #[serde(rename = "ar", default)]
    pub archived: bool,
    #[serde(rename = "c")]
    pub created: Stamp,
    #[serde(rename = "m")]
    pub updated: Stamp,
}
