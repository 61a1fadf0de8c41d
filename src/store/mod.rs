//! Persistence: the user's data in a string key-value store (localStorage in the browser), versioned
//! from the first write, sharded so that one edit rewrites one shard, and never overwriting what it
//! cannot read. A failed write keeps the change pending in memory until a later write succeeds.

pub mod backup;
pub mod codec;
mod kv;
mod migrate;
mod pretty;
mod record;

pub use backup::{Backup, BackupError};
pub use kv::{KeyValue, MemoryKv};
pub use migrate::CURRENT_VERSION;
pub use pretty::pretty_json;
pub use record::{parse_shard_key, shard_key, shard_of, Record};

use crate::for_each_record;
use crate::model::{Data, Id, Profile};
use std::collections::{BTreeMap, BTreeSet};

/// Every key Vouch owns starts with this; other keys on the origin are left alone.
pub const PREFIX: &str = "vouch.";
pub const META_KEY: &str = "vouch.meta";
pub const PROFILE_KEY: &str = "vouch.profile";

/// What browsers let one site keep (about 5 MB), in the UTF-16 units they count: the budget all
/// of Vouch's data is measured against.
pub const STORAGE_BUDGET: usize = 2_500_000;

/// How much of `kv` Vouch's keys take, keys and values, in UTF-16 units as browsers count them.
/// A key that can't be read counts as its name only.
pub fn storage_used(kv: &impl KeyValue) -> usize {
    used_under(kv, PREFIX)
}

/// How much the keys of `kv` starting with `prefix` take, keys and values, in UTF-16 units.
pub fn used_under(kv: &impl KeyValue, prefix: &str) -> usize {
    kv.keys()
        .unwrap_or_default()
        .iter()
        .filter(|k| k.starts_with(prefix))
        .map(|k| codec::utf16_len(k) + kv.get(k).ok().flatten().map_or(0, |v| codec::utf16_len(&v)))
        .sum()
}

/// `used` units as a percentage of `STORAGE_BUDGET`.
pub fn budget_percent(used: usize) -> f64 {
    used as f64 * 100.0 / STORAGE_BUDGET as f64
}

/// `budget_percent` in words with one decimal, "41.0%", rounded down. Written with integers: a
/// float formatter would cost the wasm about 10 KB for this one line.
pub fn budget_words(used: usize) -> String {
    let tenths = used.saturating_mul(1000) / STORAGE_BUDGET;
    format!("{}.{}%", tenths / 10, tenths % 10)
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum StoreError {
    #[error("this browser is not letting Vouch save ({0}). Private browsing or a storage setting may block it.")]
    Unavailable(String),
    #[error("the browser's storage for this site is full")]
    QuotaExceeded,
    #[error("the saved data under \"{key}\" can't be read: {reason}")]
    Corrupt { key: String, reason: String },
    #[error(
        "the saved data comes from a newer version of Vouch (data version {found}; this copy reads up to {supported})"
    )]
    FutureVersion { found: u32, supported: u32 },
}

/// A change in memory that has not reached storage yet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Pending {
    Profile,
    Record(&'static str, Id),
}

pub struct Store<K: KeyValue> {
    kv: K,
    pending: BTreeSet<Pending>,
}

impl<K: KeyValue> Store<K> {
    pub fn new(kv: K) -> Self {
        Store {
            kv,
            pending: BTreeSet::new(),
        }
    }

    pub fn kv(&self) -> &K {
        &self.kv
    }

    pub fn kv_mut(&mut self) -> &mut K {
        &mut self.kv
    }

    /// How many changes are only in memory because their save failed.
    pub fn pending_count(&self) -> usize {
        self.pending.len()
    }

    /// Reads everything. Fails, without writing anything, on data it cannot read or that a newer
    /// version wrote; older versions are migrated first.
    pub fn load(&mut self) -> Result<Data, StoreError> {
        match self.stored_version()? {
            None => {
                if let Some(key) = self.kv.keys()?.into_iter().find(|k| k.starts_with(PREFIX)) {
                    return Err(StoreError::Corrupt {
                        key,
                        reason: format!("it exists without the \"{META_KEY}\" entry that says which version wrote it"),
                    });
                }
                return Ok(Data::default());
            }
            Some(found) => migrate::migrate(&mut self.kv, found)?,
        }
        let mut data = Data {
            profile: self.read_profile()?,
            ..Data::default()
        };
        // One decoder for every shard, so its buffers are allocated once.
        let mut decoder = codec::Decoder::default();
        for_each_record!(T => {
            *T::map_mut(&mut data) = self.read_collection::<T>(&mut decoder)?;
        });
        Ok(data)
    }

    /// Saves the profile. On failure the change stays pending and the error is returned.
    pub fn save_profile(&mut self, data: &Data) -> Result<(), StoreError> {
        self.pending.insert(Pending::Profile);
        self.flush(data)
    }

    /// Saves one record as it is in `data`; if `data` no longer has it, deletes it from storage.
    /// Only the record's shard is read and rewritten, and the rest of that shard is taken from
    /// storage as it is now, so another tab's edits to other records are kept.
    pub fn save<T: Record>(&mut self, data: &Data, id: Id) -> Result<(), StoreError> {
        self.pending.insert(Pending::Record(T::COLLECTION, id));
        self.flush(data)
    }

    /// Saves many records of one kind at once (an import, a restore): each touched shard is
    /// read and written once.
    pub fn save_many<T: Record>(&mut self, data: &Data, ids: impl IntoIterator<Item = Id>) -> Result<(), StoreError> {
        self.mark::<T>(ids);
        self.flush(data)
    }

    /// Marks records as changed without writing yet, so that one user action touching several
    /// kinds of record (an import's contacts and touchpoints) is written by one `flush`.
    pub fn mark<T: Record>(&mut self, ids: impl IntoIterator<Item = Id>) {
        self.pending
            .extend(ids.into_iter().map(|id| Pending::Record(T::COLLECTION, id)));
    }

    /// Writes every pending change as one transaction: every new value is worked out first, then
    /// written; if any write fails, the keys already written get their old values back, so storage
    /// is as it was and everything stays pending. One user action lands whole or not at all.
    pub fn flush(&mut self, data: &Data) -> Result<(), StoreError> {
        if self.pending.is_empty() {
            return Ok(());
        }
        let mut writes: Vec<(String, Option<String>)> = Vec::new();
        if self.kv.get(META_KEY)?.is_none() {
            writes.push((META_KEY.to_string(), Some(migrate::meta_json(CURRENT_VERSION))));
        }
        if self.pending.contains(&Pending::Profile) {
            let json = serde_json::to_string(&data.profile).expect("a profile serializes");
            writes.push((PROFILE_KEY.to_string(), Some(json)));
        }
        let mut shards: BTreeMap<(&'static str, u32), Vec<Id>> = BTreeMap::new();
        for p in &self.pending {
            if let Pending::Record(collection, id) = *p {
                for_each_record!(T => if T::COLLECTION == collection {
                    shards.entry((collection, shard_of(id, T::SHARDS))).or_default().push(id);
                });
            }
        }
        for ((collection, shard), ids) in shards {
            for_each_record!(T => if T::COLLECTION == collection {
                writes.push((shard_key(T::COLLECTION, shard), self.shard_value::<T>(data, shard, &ids)?));
            });
        }
        let mut written: Vec<(String, Option<String>)> = Vec::with_capacity(writes.len());
        for (key, value) in writes {
            let old = self.kv.get(&key)?;
            let result = match &value {
                Some(v) => self.kv.set(&key, v),
                None => self.kv.remove(&key),
            };
            if let Err(error) = result {
                // Undo in reverse order: each old value fitted before, so it fits again once the
                // later keys are back to theirs.
                for (key, old) in written.into_iter().rev() {
                    let _ = match old {
                        Some(v) => self.kv.set(&key, &v),
                        None => self.kv.remove(&key),
                    };
                }
                return Err(error);
            }
            written.push((key, old));
        }
        self.pending.clear();
        Ok(())
    }

    /// Applies a change another tab made (a `storage` event) to `data`. `key` is `None` when the
    /// other tab cleared storage. Changes still pending here win over what the other tab wrote.
    /// Returns whether the key was one of ours.
    pub fn apply_external(&mut self, data: &mut Data, key: Option<&str>) -> Result<bool, StoreError> {
        let Some(key) = key else {
            let mut fresh = self.load()?;
            self.keep_pending(data, &mut fresh);
            *data = fresh;
            return Ok(true);
        };
        if key == PROFILE_KEY {
            if !self.pending.contains(&Pending::Profile) {
                data.profile = self.read_profile()?;
            }
            return Ok(true);
        }
        let Some((collection, shard)) = parse_shard_key(key) else {
            return Ok(false);
        };
        let mut known = false;
        for_each_record!(T => if T::COLLECTION == collection {
            known = true;
            let fresh = self.read_shard::<T>(key)?;
            let pending = &self.pending;
            let map = T::map_mut(data);
            map.retain(|id, _| shard_of(*id, T::SHARDS) != shard || pending.contains(&Pending::Record(T::COLLECTION, *id)));
            for (id, record) in fresh {
                if !pending.contains(&Pending::Record(T::COLLECTION, id)) {
                    map.insert(id, record);
                }
            }
        });
        Ok(known)
    }

    /// After a full reload, puts back the records whose saves are still pending here.
    fn keep_pending(&self, mine: &Data, data: &mut Data) {
        for p in &self.pending {
            match *p {
                Pending::Profile => data.profile = mine.profile.clone(),
                Pending::Record(collection, id) => {
                    for_each_record!(T => if T::COLLECTION == collection {
                        match T::map(mine).get(&id) {
                            Some(r) => { T::map_mut(data).insert(id, r.clone()); }
                            None => { T::map_mut(data).remove(&id); }
                        }
                    });
                }
            }
        }
    }

    /// Every raw value Vouch owns, for the "download what is stored" escape hatch of the recovery
    /// screen: it reads nothing, so it works even when the data cannot be decoded.
    pub fn raw_dump(&self) -> Result<BTreeMap<String, String>, StoreError> {
        let mut out = BTreeMap::new();
        for key in self.kv.keys()? {
            if key.starts_with(PREFIX) {
                if let Some(value) = self.kv.get(&key)? {
                    out.insert(key, value);
                }
            }
        }
        Ok(out)
    }

    /// Removes every key Vouch owns. Only the recovery screen calls it, after the user downloaded
    /// the raw data and confirmed.
    pub fn erase_all(&mut self) -> Result<(), StoreError> {
        for key in self.kv.keys()? {
            if key.starts_with(PREFIX) {
                self.kv.remove(&key)?;
            }
        }
        self.pending.clear();
        Ok(())
    }

    /// Replaces everything stored with `data` (a restored backup). Existing shards are rewritten
    /// or removed; on failure what was written so far is left and the caller keeps `data` in
    /// memory with every record pending, so the next write completes the restore.
    pub fn replace_all(&mut self, data: &Data) -> Result<(), StoreError> {
        self.pending.insert(Pending::Profile);
        let stored = self.load().unwrap_or_default();
        for_each_record!(T => {
            for id in T::map(&stored).keys().chain(T::map(data).keys()) {
                self.pending.insert(Pending::Record(T::COLLECTION, *id));
            }
        });
        self.flush(data)
    }

    fn stored_version(&self) -> Result<Option<u32>, StoreError> {
        let Some(raw) = self.kv.get(META_KEY)? else {
            return Ok(None);
        };
        migrate::parse_meta(&raw).map(Some)
    }

    fn read_profile(&self) -> Result<Profile, StoreError> {
        match self.kv.get(PROFILE_KEY)? {
            None => Ok(Profile::default()),
            // `from_slice`, as every JSON read in the app: one compiled reader, not two.
            Some(raw) => serde_json::from_slice(raw.as_bytes()).map_err(|e| StoreError::Corrupt {
                key: PROFILE_KEY.into(),
                reason: e.to_string(),
            }),
        }
    }

    fn read_shard<T: Record>(&self, key: &str) -> Result<BTreeMap<Id, T>, StoreError> {
        let records = self.read_records::<T>(key, &mut codec::Decoder::default())?;
        // Inserted one by one rather than collected: `collect` into a map sorts first, and that sort
        // is compiled again for every record type. Same map (a repeated id keeps its last record).
        let mut map = BTreeMap::new();
        for record in records {
            map.insert(record.id(), record);
        }
        Ok(map)
    }

    /// Every shard of one collection, read in turn straight into one map, with one decoder. For one
    /// id in two shards (never written by Vouch) the later shard's record is kept.
    fn read_collection<T: Record>(&self, decoder: &mut codec::Decoder) -> Result<BTreeMap<Id, T>, StoreError> {
        let mut map = BTreeMap::new();
        for key in record::shard_keys::<T>() {
            map.extend(self.read_records::<T>(&key, decoder)?.into_iter().map(|r| (r.id(), r)));
        }
        Ok(map)
    }

    fn read_records<T: Record>(&self, key: &str, decoder: &mut codec::Decoder) -> Result<Vec<T>, StoreError> {
        let Some(raw) = self.kv.get(key)? else {
            return Ok(Vec::new());
        };
        decoder.decode(&raw).map_err(|e| StoreError::Corrupt {
            key: key.to_string(),
            reason: e.to_string(),
        })
    }

    /// One shard's new value: the records in `ids` as `data` has them (or removed, if `data` no
    /// longer has them), every other record as storage has it now. `None` when the shard is empty.
    fn shard_value<T: Record>(&self, data: &Data, shard: u32, ids: &[Id]) -> Result<Option<String>, StoreError> {
        let key = shard_key(T::COLLECTION, shard);
        let mut stored = self.read_shard::<T>(&key)?;
        for id in ids {
            match T::map(data).get(id) {
                Some(record) => {
                    stored.insert(*id, record.clone());
                }
                None => {
                    stored.remove(id);
                }
            }
        }
        if stored.is_empty() {
            return Ok(None);
        }
        let records: Vec<&T> = stored.values().collect();
        Ok(Some(codec::encode(&records)))
    }
}

#[cfg(test)]
mod tests;
