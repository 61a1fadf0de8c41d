//! The screens, one file each, and the small pieces they share. Views only: they read the app
//! state, call the pure core, and write back through `AppState`.

pub mod ask;
pub mod asks;
pub mod backers;
pub mod banner;
pub mod contact;
pub mod draft;
pub mod duplicates;
pub mod fields;
pub mod goals;
pub mod import;
pub mod message;
pub mod nav;
pub mod network;
pub mod not_found;
pub mod owed;
pub mod progress;
pub mod recovery;
pub mod referrals;
pub mod sample;
pub mod settings;
pub mod toast;
pub mod today;
pub mod touch;
