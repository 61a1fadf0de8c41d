//! Which storage keys each kind of record lives under. Records are spread over a fixed number of
//! shards by id, so saving one contact rewrites one shard (about 1/64 of them), not all 30,000.

use crate::model::{Ask, Contact, Data, Goal, Id, KnowsLink, Referral, Stamp, Touchpoint};
use serde::{de::DeserializeOwned, Serialize};
use std::collections::BTreeMap;

pub trait Record: Serialize + DeserializeOwned + Clone + PartialEq {
    /// The short name in the storage key: `vouch.<COLLECTION>.<shard>`. Part of the stored shape.
    const COLLECTION: &'static str;
    /// How many shards. Part of the stored shape: changing it needs a migration.
    const SHARDS: u32;
    fn id(&self) -> Id;
    fn updated(&self) -> Stamp;
    fn map(data: &Data) -> &BTreeMap<Id, Self>;
    fn map_mut(data: &mut Data) -> &mut BTreeMap<Id, Self>;
}

/// The shard an id falls in. v4 UUIDs end in random bits, so shards fill evenly.
pub fn shard_of(id: Id, shards: u32) -> u32 {
    (id.as_u128() % u128::from(shards)) as u32
}

pub fn shard_key(collection: &str, shard: u32) -> String {
    format!("{}{collection}.{shard:02x}", super::PREFIX)
}

/// All keys a collection may use, in shard order.
pub fn shard_keys<T: Record>() -> impl Iterator<Item = String> {
    (0..T::SHARDS).map(|s| shard_key(T::COLLECTION, s))
}

/// Which collection and shard a storage key names, if it is one of ours.
pub fn parse_shard_key(key: &str) -> Option<(&str, u32)> {
    let rest = key.strip_prefix(super::PREFIX)?;
    let (collection, shard) = rest.split_once('.')?;
    Some((collection, u32::from_str_radix(shard, 16).ok()?))
}

macro_rules! record {
    ($ty:ty, $collection:literal, $shards:literal, $field:ident) => {
        impl Record for $ty {
            const COLLECTION: &'static str = $collection;
            const SHARDS: u32 = $shards;
            fn id(&self) -> Id {
                self.id
            }
            fn updated(&self) -> Stamp {
                self.updated
            }
            fn map(data: &Data) -> &BTreeMap<Id, Self> {
                &data.$field
            }
            fn map_mut(data: &mut Data) -> &mut BTreeMap<Id, Self> {
                &mut data.$field
            }
        }
    };
}

record!(Contact, "c", 64, contacts);
record!(Touchpoint, "t", 64, touchpoints);
record!(KnowsLink, "k", 16, links);
record!(Goal, "g", 4, goals);
record!(Ask, "a", 8, asks);
record!(Referral, "r", 8, referrals);

/// Runs `$body` once for each record type, with `$t` bound to it: the one place that lists them all.
#[macro_export]
macro_rules! for_each_record {
    ($t:ident => $body:expr) => {{
        {
            type $t = $crate::model::Contact;
            $body
        }
        {
            type $t = $crate::model::Touchpoint;
            $body
        }
        {
            type $t = $crate::model::KnowsLink;
            $body
        }
        {
            type $t = $crate::model::Goal;
            $body
        }
        {
            type $t = $crate::model::Ask;
            $body
        }
        {
            type $t = $crate::model::Referral;
            $body
        }
    }};
}
