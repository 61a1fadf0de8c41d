//! The user's warm network read as a whole: who is going cold, the give/ask balance, whether a
//! contact is ready to be asked, who can vouch, the warm paths into a company, contact search, and
//! the same person entered twice.
//! Everything here is a pure function of `Data` and a date, so it is tested natively.

mod activity;
mod backers;
mod balance;
mod cadence;
mod duplicates;
mod news;
mod paths;
mod readiness;
mod search;
mod tie;
pub mod today;
pub(crate) mod words;

#[cfg(test)]
pub(crate) mod fixtures;

pub use activity::Activity;
pub use backers::{backer_score, backers, Backer};
pub use balance::Balance;
pub use cadence::{cadence_days, default_cadence_days, going_cold, ColdEntry, KeepInTouch};
pub use duplicates::{
    find_duplicates, merge_contacts, Certainty, DuplicatePair, FieldDiff, MatchKey, Merge, MergeError, MergeField, Side,
};
pub use news::{job_news, JobNews};
pub use paths::{company_key, paths_into, paths_into_among, DirectPath, Paths, SecondDegreePath};
pub use readiness::{readiness, NextStep, Readiness, Verdict};
pub use search::{fold, Filters, SearchIndex};
pub use tie::{is_judged, is_strong, tie, STRONG_TIE};
