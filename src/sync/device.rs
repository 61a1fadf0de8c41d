//! A replica in the sync tests: its data and its sync bookkeeping. Each test file adds the ways it
//! syncs: `tests.rs` plainly and as the browser drives it, `crypt_tests.rs` through `Sealed`.

use super::SyncMeta;
use crate::model::Data;

pub(super) struct Device {
    pub data: Data,
    pub meta: SyncMeta,
}

impl Device {
    pub fn new(name: &str) -> Self {
        Device {
            data: Data::default(),
            meta: SyncMeta::new(name.to_string()),
        }
    }
}
