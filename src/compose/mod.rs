//! Messages and the coach: the writer turns a `Brief` (the user's own facts) into a draft for one of
//! the messages of DOMAIN.md (plus the advice meeting and the two follow-ups), fitting each typed
//! phrase to its sentence (`phrase`); the coach checks whatever text the user ends up with; and the
//! small rules beside them pick which ask to make and warn before a third request for names.

mod brief;
mod candidates;
mod coach;
mod kinds;
mod mailto;
mod phrase;
mod plan;
mod recommend;
mod rules;
#[doc(hidden)]
pub mod samples;
mod writer;

#[cfg(test)]
mod slot_tests;
#[cfg(test)]
mod tests;

pub use brief::{Brief, Draft, Gap, Introducee, MessageKind, Part, Tone};
pub use candidates::{candidates, route_for, Candidate, Candidates, Route};
pub use coach::{coach, Check, CheckId, CoachContext};
pub use mailto::mailto;
pub use plan::{active_goals, AskPlan, PlanError, Step, DEFAULT_FOLLOW_UP_DAYS, MAX_FOLLOW_UP_DAYS};
pub use recommend::{recommend, Path, Recommendation, Situation, Tie};
pub use rules::names_ask_warning;
pub use writer::{char_limit, write, SUBJECT_LIMIT};
