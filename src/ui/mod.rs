//! The screens, one file (or folder) per route: today, network, contact, backers, goals, ask,
//! referrals, settings, import, duplicates, not_found, and recovery when the store can't open. The
//! other modules are the pieces screens share (answer, asks, banner, calendar, draft, fields,
//! goal_editor, message, owed, progress, referral_card, sample, toast, touch, write_toggle): a
//! screen never imports another screen. Views only: they read the app state, call the pure core,
//! and write back through `AppState`.

pub mod answer;
pub mod ask;
pub mod asks;
pub mod backers;
pub mod banner;
pub mod calendar;
pub mod contact;
pub mod draft;
pub mod duplicates;
pub mod fields;
pub mod goal_editor;
pub mod goals;
pub mod import;
pub mod message;
pub mod nav;
pub mod network;
pub mod not_found;
pub mod owed;
pub mod progress;
pub mod recovery;
pub mod referral_card;
pub mod referrals;
pub mod sample;
pub mod settings;
pub mod sync;
pub mod toast;
pub mod today;
pub mod touch;
pub mod write_toggle;
