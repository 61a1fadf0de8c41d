//! What happens after an ask (DOMAIN.md rules 8–12): which outcome and stage changes are allowed,
//! which new referrals are urgent, which thank-yous, updates and follow-ups are owed, how they
//! reach a calendar, and how each goal is going. Pure functions: `now` and `today` are parameters.

pub mod answer;
pub mod board;
pub mod drafts;
pub mod ics;
pub mod outcomes;
pub mod owed;
pub mod progress;
pub mod sent;
pub mod stages;
pub mod urgency;

#[cfg(test)]
mod fixtures;

pub use answer::{plan_doubts, record_cant, record_yes, AnswerError, Cant, Yes, NAMES_PER_ASK};
pub use board::{move_on_to, referrals_by_stage, undo_to};
pub use ics::{
    calendar, event_for_follow_up, event_for_owed, event_for_urgent, upcoming_events, CalendarEvent, EventStart,
};
pub use outcomes::{check_outcome_change, correct_outcome, outcome_label, record_outcome, OutcomeError};
pub use owed::{follow_up, owed, FollowUp, Owed, OwedKind, OwedRef};
pub use progress::{all_goal_progress, goal_progress, GoalProgress};
pub use sent::{log_cant_step, log_sent, CantStep};
pub use stages::{
    check_stage_move, close, correct_stage, log_first_contact, move_stage, stage_label, StageError, STAGES,
};
pub use urgency::{age, age_hours, age_label, is_urgent, urgent_queue, UrgencyPolicy, Urgent};
