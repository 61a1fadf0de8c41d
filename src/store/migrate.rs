//! The stored data's version and the steps that bring older data up to date.
//!
//! `vouch.meta` holds `{"version":N}` from the very first write. To change the stored shape: bump
//! `CURRENT_VERSION`, append a step to `STEPS` that rewrites version N-1 data as version N, and add
//! a fixture of the old shape under `tests/fixtures/` with a test that loads it.

use super::{KeyValue, StoreError, META_KEY};
use serde::{Deserialize, Serialize};

pub const CURRENT_VERSION: u32 = 1;

/// `STEPS[i]` takes data from version `i + 1` to version `i + 2`. Empty while there is one version.
type Step = fn(&mut dyn KeyValue) -> Result<(), StoreError>;
const STEPS: &[Step] = &[];

#[derive(Serialize, Deserialize)]
struct Meta {
    version: u32,
}

pub fn meta_json(version: u32) -> String {
    serde_json::to_string(&Meta { version }).expect("meta serializes")
}

pub fn parse_meta(raw: &str) -> Result<u32, StoreError> {
    // Every JSON read in the app goes through `from_slice`: one compiled reader, not two.
    serde_json::from_slice::<Meta>(raw.as_bytes())
        .map(|m| m.version)
        .map_err(|e| StoreError::Corrupt {
            key: META_KEY.into(),
            reason: e.to_string(),
        })
}

/// Brings data at `found` up to `CURRENT_VERSION`, recording each finished step in the meta entry
/// so an interrupted migration resumes where it stopped. Refuses data from the future, and a
/// version 0 that never existed.
pub fn migrate<K: KeyValue>(kv: &mut K, found: u32) -> Result<(), StoreError> {
    if found > CURRENT_VERSION {
        return Err(StoreError::FutureVersion {
            found,
            supported: CURRENT_VERSION,
        });
    }
    if found == 0 {
        return Err(StoreError::Corrupt {
            key: META_KEY.into(),
            reason: "version 0 was never written by Vouch".into(),
        });
    }
    debug_assert_eq!(STEPS.len() as u32, CURRENT_VERSION - 1, "one step per version bump");
    for (i, step) in STEPS.iter().enumerate().skip(found as usize - 1) {
        step(kv)?;
        kv.set(META_KEY, &meta_json(i as u32 + 2))?;
    }
    Ok(())
}
