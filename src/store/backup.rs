//! The whole of a user's data as one readable JSON file: "Download my data", and the way back in
//! ("Restore from a backup"). A restore is checked completely before anything is replaced.

use super::CURRENT_VERSION;
use crate::model::{Ask, Contact, Data, Goal, Id, KnowsLink, Profile, Referral, Stamp, Touchpoint};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

const APP: &str = "vouch";
/// A backup file larger than this is refused before parsing (30,000 contacts take ~10 MB as JSON).
pub const MAX_BACKUP_BYTES: usize = 64 * 1024 * 1024;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Backup {
    pub app: String,
    pub version: u32,
    pub exported_at: Stamp,
    #[serde(default)]
    pub profile: Profile,
    #[serde(default)]
    pub contacts: Vec<Contact>,
    #[serde(default)]
    pub links: Vec<KnowsLink>,
    #[serde(default)]
    pub touchpoints: Vec<Touchpoint>,
    #[serde(default)]
    pub goals: Vec<Goal>,
    #[serde(default)]
    pub asks: Vec<Ask>,
    #[serde(default)]
    pub referrals: Vec<Referral>,
}

/// The two fields a backup is recognised by; every other field is skipped unread.
#[derive(Deserialize)]
struct Header {
    #[serde(default)]
    app: serde_json::Value,
    #[serde(default)]
    version: serde_json::Value,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BackupError {
    #[error("the file is larger than {} MB; it is not a Vouch backup", MAX_BACKUP_BYTES / 1024 / 1024)]
    TooLarge,
    #[error("the file is not a Vouch backup: {0}")]
    NotABackup(String),
    #[error("the backup was made by a newer Vouch (data version {0}); update the app first")]
    FutureVersion(u32),
    #[error("the backup has two records with the same id ({0})")]
    DuplicateId(Id),
    #[error("the backup refers to a contact it does not contain ({0})")]
    MissingContact(Id),
}

impl Backup {
    pub fn from_data(data: &Data, now: Stamp) -> Self {
        Backup {
            app: APP.into(),
            version: CURRENT_VERSION,
            exported_at: now,
            profile: data.profile.clone(),
            contacts: data.contacts.values().cloned().collect(),
            links: data.links.values().cloned().collect(),
            touchpoints: data.touchpoints.values().cloned().collect(),
            goals: data.goals.values().cloned().collect(),
            asks: data.asks.values().cloned().collect(),
            referrals: data.referrals.values().cloned().collect(),
        }
    }

    pub fn to_json(&self) -> String {
        super::pretty_json(&serde_json::to_string(self).expect("a backup serializes"))
    }

    /// Parses and checks a backup file; nothing is changed until this returns `Ok`.
    pub fn parse(text: &str) -> Result<Data, BackupError> {
        if text.len() > MAX_BACKUP_BYTES {
            return Err(BackupError::TooLarge);
        }
        // The header first, so a file of another app or a newer version is named as such rather
        // than by the first field it lacks. Both reads go straight from the text to the types:
        // a detour through `serde_json::Value` compiled every record's reader a second time.
        let no_marker = || BackupError::NotABackup("it has no \"app\": \"vouch\" marker".into());
        let header: Header = serde_json::from_slice(text.as_bytes()).map_err(|e| {
            if e.is_data() {
                no_marker()
            } else {
                BackupError::NotABackup(format!("line {}: {e}", e.line()))
            }
        })?;
        if header.app.as_str() != Some(APP) {
            return Err(no_marker());
        }
        let version = header.version.as_u64().unwrap_or(0);
        if version > u64::from(CURRENT_VERSION) {
            return Err(BackupError::FutureVersion(version as u32));
        }
        let backup: Backup =
            serde_json::from_slice(text.as_bytes()).map_err(|e| BackupError::NotABackup(e.to_string()))?;
        backup.into_data()
    }

    fn into_data(self) -> Result<Data, BackupError> {
        fn collect<T>(items: Vec<T>, id: impl Fn(&T) -> Id) -> Result<BTreeMap<Id, T>, BackupError> {
            let mut map = BTreeMap::new();
            for item in items {
                let key = id(&item);
                if map.insert(key, item).is_some() {
                    return Err(BackupError::DuplicateId(key));
                }
            }
            Ok(map)
        }
        let data = Data {
            profile: self.profile,
            contacts: collect(self.contacts, |c| c.id)?,
            links: collect(self.links, |l| l.id)?,
            touchpoints: collect(self.touchpoints, |t| t.id)?,
            goals: collect(self.goals, |g| g.id)?,
            asks: collect(self.asks, |a| a.id)?,
            referrals: collect(self.referrals, |r| r.id)?,
        };
        let referenced = data
            .links
            .values()
            .map(|l| l.from)
            .chain(data.touchpoints.values().map(|t| t.contact))
            .chain(data.asks.values().map(|a| a.contact))
            .chain(data.referrals.values().map(|r| r.referred_by));
        for id in referenced {
            if !data.contacts.contains_key(&id) {
                return Err(BackupError::MissingContact(id));
            }
        }
        Ok(data)
    }
}
