//! The one thing the store needs from a browser: a string key-value map that can refuse a write.
//! The browser shell implements it over localStorage; `MemoryKv` serves native tests.

use super::StoreError;
use std::collections::BTreeMap;

pub trait KeyValue {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError>;
    fn set(&mut self, key: &str, value: &str) -> Result<(), StoreError>;
    fn remove(&mut self, key: &str) -> Result<(), StoreError>;
    fn keys(&self) -> Result<Vec<String>, StoreError>;
}

/// An in-memory map with an optional quota (in UTF-16 units, like a browser's) and a log of the
/// keys written, so tests can see what a save touched.
#[derive(Debug, Default, Clone)]
pub struct MemoryKv {
    pub map: BTreeMap<String, String>,
    pub quota: Option<usize>,
    pub written: Vec<String>,
}

impl MemoryKv {
    pub fn used(&self) -> usize {
        self.map
            .iter()
            .map(|(k, v)| super::codec::utf16_len(k) + super::codec::utf16_len(v))
            .sum()
    }
}

impl KeyValue for MemoryKv {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        Ok(self.map.get(key).cloned())
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), StoreError> {
        if let Some(quota) = self.quota {
            let old = self
                .map
                .get(key)
                .map_or(0, |v| super::codec::utf16_len(key) + super::codec::utf16_len(v));
            let new = super::codec::utf16_len(key) + super::codec::utf16_len(value);
            if self.used() - old + new > quota {
                return Err(StoreError::QuotaExceeded);
            }
        }
        self.written.push(key.to_string());
        self.map.insert(key.to_string(), value.to_string());
        Ok(())
    }

    fn remove(&mut self, key: &str) -> Result<(), StoreError> {
        self.written.push(key.to_string());
        self.map.remove(key);
        Ok(())
    }

    fn keys(&self) -> Result<Vec<String>, StoreError> {
        Ok(self.map.keys().cloned().collect())
    }
}
