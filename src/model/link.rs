//! "Contact A knows person B": the edges that turn a network into warm paths into a company.

use super::{Id, Score, Stamp};
use serde::{Deserialize, Serialize};

/// The far end of a knows-link: another contact, or someone known only by name at a company.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Person {
    Contact(Id),
    Named {
        name: String,
        #[serde(default, skip_serializing_if = "String::is_empty")]
        company: String,
        #[serde(default, skip_serializing_if = "String::is_empty")]
        role: String,
    },
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct KnowsLink {
    #[serde(rename = "i")]
    pub id: Id,
    /// The contact of the user's who knows `to`.
    #[serde(rename = "f")]
    pub from: Id,
    #[serde(rename = "p")]
    pub to: Person,
    /// How well `from` knows `to`, on the same scale as know / like / trust.
    #[serde(rename = "k", default)]
    pub strength: Score,
    #[serde(rename = "no", default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    #[serde(rename = "c")]
    pub created: Stamp,
    #[serde(rename = "m")]
    pub updated: Stamp,
}
