//! The data in memory, shared by every screen, with one change trigger per part (contacts, links,
//! touchpoints, goals, asks, referrals, the profile) instead of one signal for the whole world: a
//! view says which parts it reads and re-runs only when one of them changes, so editing a goal no
//! longer re-ranks 30,000 contacts. A short change log lets views that keep an index beside the
//! data (search) catch up on the few contacts that changed.

use crate::model::{Catchup, Change, ChangeLog, Data, Parts};
use leptos::prelude::*;

#[derive(Clone, Copy)]
pub struct SharedData {
    data: StoredValue<Data>,
    changed: [Trigger; Parts::COUNT],
    log: StoredValue<ChangeLog>,
}

impl SharedData {
    pub fn new(data: Data) -> Self {
        SharedData {
            data: StoredValue::new(data),
            changed: std::array::from_fn(|_| Trigger::new()),
            log: StoredValue::new(ChangeLog::default()),
        }
    }

    /// Reads the data, and re-runs the calling view or memo when any of `parts` changes. Name
    /// every part the reading touches (a core function that ranks contacts by their touches reads
    /// `Parts::ACTIVITY`); `Parts::ALL` when unsure.
    pub fn with<R>(&self, parts: Parts, read: impl FnOnce(&Data) -> R) -> R {
        self.track(parts);
        self.with_untracked(read)
    }

    /// Reads the data without following it: for event handlers, which act on what is there now.
    pub fn with_untracked<R>(&self, read: impl FnOnce(&Data) -> R) -> R {
        self.data.with_value(read)
    }

    /// Follows `parts` without reading.
    pub fn track(&self, parts: Parts) {
        for i in parts.positions() {
            self.changed[i].track();
        }
    }

    /// Changes the data, then tells the views that read what changed. `change` returns its result
    /// and what it did; `None` when the data is gone (the app is unmounting).
    pub fn update<R>(&self, change: impl FnOnce(&mut Data) -> (R, Change)) -> Option<R> {
        let (result, done) = self.data.try_update_value(change)?;
        let parts = done.parts;
        self.log.update_value(|log| {
            log.record(done);
        });
        for i in parts.positions() {
            self.changed[i].notify();
        }
        Some(result)
    }

    /// The number of the latest change, for `since`.
    pub fn seq(&self) -> u64 {
        self.log.with_value(ChangeLog::seq)
    }

    /// What changed in `parts` after change number `seen`.
    pub fn since(&self, seen: u64, parts: Parts) -> Catchup {
        self.log.with_value(|log| log.since(seen, parts))
    }
}
