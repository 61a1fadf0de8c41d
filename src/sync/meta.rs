//! What this device remembers about sync, apart from the data: per document the revision it last
//! synced, a 32-bit hash of that body (to notice local edits) and 16-bit hashes of its fields (the
//! base of the merge); the pull checkpoint; the server settings; the history of merges. All under
//! `vouch-sync.` keys, outside the `vouch.` data keys, so backups, the raw dump and the recovery
//! screen never see them. Per-document entries are sharded like the data (one contact's sync
//! rewrites one shard) and packed with the store's codec: about 40 UTF-16 units per contact.

use super::crypt::Encryption;
use super::docs::DocKey;
use crate::for_each_record;
use crate::model::Id;
use crate::store::{codec, shard_of, KeyValue, Record, StoreError};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};

pub const PREFIX: &str = "vouch-sync.";
const STATE_KEY: &str = "vouch-sync.state";
const PROFILE_KEY: &str = "vouch-sync.p";
pub const SETTINGS_KEY: &str = "vouch-sync.settings";
/// The server's origin alone, read by index.html's first script to allow it in the page's
/// Content-Security-Policy (connect-src) before anything else runs.
pub const ORIGIN_KEY: &str = "vouch-sync.origin";
const HISTORY_KEY: &str = "vouch-sync.history";
/// How many merges the history keeps.
const HISTORY_LEN: usize = 50;

/// What this device knows of one document as last synced.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DocMeta {
    /// The revision this device's copy is (or was, before a local edit).
    pub rev: String,
    pub deleted: bool,
    /// `rev::body_hash` of the synced body; a different hash now means a local edit to push.
    pub body: u32,
    /// `merge::field_hashes` of the synced body.
    pub fields: Vec<u16>,
}

/// One stored entry: (uuid as 32 hex digits, rev, body hash then field hashes in hex, deleted).
type Entry = (String, String, String, u8);

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
struct State {
    since: Value,
    device: String,
    #[serde(default)]
    last_synced: Option<i64>,
    /// Counts saves, so a copy kept in memory can tell whether storage still holds what it holds
    /// (another tab may have synced since).
    #[serde(default)]
    generation: u64,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct SyncMeta {
    docs: BTreeMap<DocKey, DocMeta>,
    state: State,
    /// Storage keys whose value must be rewritten.
    changed: BTreeSet<String>,
}

fn storage_key(key: &DocKey) -> String {
    match key {
        DocKey::Profile => PROFILE_KEY.to_string(),
        DocKey::Record(collection, id) => {
            let mut shards = 1;
            for_each_record!(T => if T::COLLECTION == *collection { shards = T::SHARDS; });
            format!("{PREFIX}{collection}.{:02x}", shard_of(*id, shards))
        }
    }
}

impl SyncMeta {
    /// A device that never synced, with its own id for its checkpoints on the server.
    pub fn new(device: String) -> Self {
        SyncMeta {
            state: State {
                since: Value::from(0),
                device,
                last_synced: None,
                generation: 0,
            },
            changed: [STATE_KEY.to_string()].into(),
            ..SyncMeta::default()
        }
    }

    pub fn get(&self, key: &DocKey) -> Option<&DocMeta> {
        self.docs.get(key)
    }

    pub fn set(&mut self, key: DocKey, meta: DocMeta) {
        if self.docs.get(&key) != Some(&meta) {
            self.changed.insert(storage_key(&key));
            self.docs.insert(key, meta);
        }
    }

    pub fn docs(&self) -> impl Iterator<Item = (&DocKey, &DocMeta)> {
        self.docs.iter()
    }

    pub fn len(&self) -> usize {
        self.docs.len()
    }

    pub fn is_empty(&self) -> bool {
        self.docs.is_empty()
    }

    /// The pull checkpoint: the server's sequence this device has applied up to.
    pub fn since(&self) -> &Value {
        &self.state.since
    }

    pub fn set_since(&mut self, since: Value) {
        self.state.since = since;
        self.changed.insert(STATE_KEY.to_string());
    }

    pub fn device(&self) -> &str {
        &self.state.device
    }

    pub fn last_synced(&self) -> Option<i64> {
        self.state.last_synced
    }

    pub fn set_last_synced(&mut self, at: i64) {
        self.state.last_synced = Some(at);
        self.changed.insert(STATE_KEY.to_string());
    }

    /// Reads what `save` wrote; `None` when this device never synced. Damaged entries are an error:
    /// syncing on top of them could push stale revisions.
    pub fn load(kv: &impl KeyValue) -> Result<Option<SyncMeta>, StoreError> {
        let Some(raw) = kv.get(STATE_KEY)? else {
            return Ok(None);
        };
        let corrupt = |key: &str, reason: String| StoreError::Corrupt {
            key: key.to_string(),
            reason,
        };
        let state: State = serde_json::from_str(&raw).map_err(|e| corrupt(STATE_KEY, e.to_string()))?;
        let mut docs = BTreeMap::new();
        for key in kv.keys()? {
            let Some(rest) = key.strip_prefix(PREFIX) else {
                continue;
            };
            let collection = if key == PROFILE_KEY {
                None
            } else {
                match rest.split_once('.') {
                    Some((c, _)) if c.len() == 1 => Some(c),
                    _ => continue,
                }
            };
            let Some(value) = kv.get(&key)? else {
                continue;
            };
            let entries: Vec<Entry> = codec::decode(&value).map_err(|e| corrupt(&key, e.to_string()))?;
            for (id, rev, hashes, deleted) in entries {
                let doc_key = match collection {
                    None => DocKey::Profile,
                    Some(c) => {
                        DocKey::parse(&format!("{c}:{id}")).ok_or_else(|| corrupt(&key, format!("bad id {id}")))?
                    }
                };
                let (body, fields) = parse_hashes(&hashes).ok_or_else(|| corrupt(&key, "bad hashes".into()))?;
                docs.insert(
                    doc_key,
                    DocMeta {
                        rev,
                        deleted: deleted != 0,
                        body,
                        fields,
                    },
                );
            }
        }
        Ok(Some(SyncMeta {
            docs,
            state,
            changed: BTreeSet::new(),
        }))
    }

    /// Whether everything in memory is what the last save wrote.
    pub fn is_saved(&self) -> bool {
        self.changed.is_empty()
    }

    /// Whether storage holds what this copy holds: the same device's bookkeeping (a device starts
    /// over with a new id when a server is forgotten) after the same number of saves. Reads only
    /// the small state entry. A saved copy that matches can stand in for `load`.
    pub fn matches_storage(&self, kv: &impl KeyValue) -> bool {
        let stored = kv.get(STATE_KEY).ok().flatten();
        let stored = stored.and_then(|raw| serde_json::from_str::<State>(&raw).ok());
        stored.is_some_and(|s| s.device == self.state.device && s.generation == self.state.generation)
    }

    /// Writes what changed since the last save. The state entry, with the new generation, goes
    /// last: storage shows the new number only once every entry before it is written.
    pub fn save(&mut self, kv: &mut impl KeyValue) -> Result<(), StoreError> {
        if self.changed.is_empty() {
            return Ok(());
        }
        self.state.generation += 1;
        self.changed.insert(STATE_KEY.to_string());
        let mut shards: BTreeMap<String, Vec<Entry>> = self
            .changed
            .iter()
            .filter(|k| *k != STATE_KEY)
            .map(|k| (k.clone(), Vec::new()))
            .collect();
        for (key, meta) in &self.docs {
            if let Some(entries) = shards.get_mut(&storage_key(key)) {
                let id = match key {
                    DocKey::Profile => String::new(),
                    DocKey::Record(_, id) => id.simple().to_string(),
                };
                entries.push((id, meta.rev.clone(), format_hashes(meta), u8::from(meta.deleted)));
            }
        }
        for (key, entries) in shards {
            if entries.is_empty() {
                kv.remove(&key)?;
            } else {
                kv.set(&key, &codec::encode(&entries.iter().collect::<Vec<_>>()))?;
            }
        }
        if self.changed.contains(STATE_KEY) {
            let json = serde_json::to_string(&self.state).expect("the sync state serializes");
            kv.set(STATE_KEY, &json)?;
        }
        self.changed.clear();
        Ok(())
    }

    /// How many UTF-16 units the sync keys take in `kv`.
    pub fn storage_used(kv: &impl KeyValue) -> usize {
        crate::store::used_under(kv, PREFIX)
    }

    /// Removes every sync key: "Forget this server". The data itself stays.
    pub fn forget(kv: &mut impl KeyValue) -> Result<(), StoreError> {
        for key in kv.keys()? {
            if key.starts_with(PREFIX) {
                kv.remove(&key)?;
            }
        }
        Ok(())
    }
}

fn format_hashes(meta: &DocMeta) -> String {
    let mut out = format!("{:08x}", meta.body);
    for h in &meta.fields {
        out.push_str(&format!("{h:04x}"));
    }
    out
}

fn parse_hashes(hex: &str) -> Option<(u32, Vec<u16>)> {
    if hex.len() < 8 || !(hex.len() - 8).is_multiple_of(4) || !hex.is_ascii() {
        return None;
    }
    let body = u32::from_str_radix(&hex[..8], 16).ok()?;
    let fields = (8..hex.len())
        .step_by(4)
        .map(|i| u16::from_str_radix(&hex[i..i + 4], 16).ok())
        .collect::<Option<Vec<_>>>()?;
    Some((body, fields))
}

/// The server this device syncs with, as the user entered it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Settings {
    /// The server's address, `https://couch.example.org` (maybe with a path).
    pub url: String,
    pub database: String,
    pub user: String,
    /// Kept on this device like any saved login, so syncs can run unattended; "Forget this
    /// server" removes it.
    pub password: String,
    #[serde(default)]
    pub paused: bool,
    /// End-to-end encryption, when the user gave a passphrase (see `crypt`); `None` sends the
    /// bodies as they are.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub encryption: Option<Encryption>,
}

impl Settings {
    pub fn load(kv: &impl KeyValue) -> Option<Settings> {
        serde_json::from_str(&kv.get(SETTINGS_KEY).ok()??).ok()
    }

    /// Saves the settings and the origin the page's CSP must allow from the next load on.
    pub fn save(&self, kv: &mut impl KeyValue) -> Result<(), StoreError> {
        kv.set(SETTINGS_KEY, &serde_json::to_string(self).expect("settings serialize"))?;
        match origin(&self.url) {
            Some(o) => kv.set(ORIGIN_KEY, &o),
            None => kv.remove(ORIGIN_KEY),
        }
    }

    /// The `Authorization` header's value: HTTP basic auth over the UTF-8 of "user:password".
    pub fn basic_auth(&self) -> String {
        format!(
            "Basic {}",
            base64(format!("{}:{}", self.user, self.password).as_bytes())
        )
    }

    /// The database's URL, without a trailing slash.
    pub fn database_url(&self) -> String {
        format!(
            "{}/{}",
            self.url.trim_end_matches('/'),
            encode_component(self.database.trim())
        )
    }
}

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// Standard base64 with padding (basic auth, and the sealed bodies of `crypt`).
pub fn base64(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &b)| n | u32::from(b) << (16 - 8 * i));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// Reads what `base64` wrote; `None` for anything else (a wrong length, a foreign character).
pub fn from_base64(text: &str) -> Option<Vec<u8>> {
    let text = text.as_bytes();
    if !text.len().is_multiple_of(4) {
        return None;
    }
    let mut out = Vec::with_capacity(text.len() / 4 * 3);
    for (i, chunk) in text.chunks(4).enumerate() {
        let last = i + 1 == text.len() / 4;
        let pad = chunk.iter().rev().take_while(|&&c| c == b'=').count();
        if pad > 2 || (pad > 0 && !last) {
            return None;
        }
        let mut n = 0u32;
        for &c in &chunk[..4 - pad] {
            n = n << 6 | ALPHABET.iter().position(|&a| a == c)? as u32;
        }
        n <<= 6 * pad as u32;
        out.extend_from_slice(&n.to_be_bytes()[1..4 - pad]);
    }
    Some(out)
}

/// `scheme://host[:port]` of an http(s) URL: what a CSP source and the CORS origin name.
pub fn origin(url: &str) -> Option<String> {
    let url = url.trim();
    let (scheme, rest) = url.split_once("://")?;
    let scheme = scheme.to_ascii_lowercase();
    if scheme != "http" && scheme != "https" {
        return None;
    }
    let host = rest.split(['/', '?', '#']).next()?;
    let host = host.rsplit('@').next()?;
    let valid = !host.is_empty() && host.chars().all(|c| c.is_ascii_alphanumeric() || ".-:[]".contains(c));
    valid.then(|| format!("{scheme}://{}", host.to_ascii_lowercase()))
}

/// Whether a page served over https would be blocked from reaching `url` (mixed content):
/// browsers allow `http://` only to the machine itself from such a page.
pub fn blocked_as_mixed_content(page_https: bool, url: &str) -> bool {
    let Some(origin) = origin(url) else { return false };
    let Some(host) = origin.strip_prefix("http://") else {
        return false;
    };
    let host = host
        .rsplit_once(':')
        .filter(|(_, port)| port.chars().all(|c| c.is_ascii_digit()))
        .map_or(host, |(h, _)| h);
    page_https && !matches!(host, "localhost" | "127.0.0.1" | "[::1]")
}

/// Percent-encodes a path segment or query value (database names may hold `/`, `+`, `$`).
pub fn encode_component(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// One merge, for the Sync history.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MergeNote {
    /// When, in milliseconds since the epoch.
    pub at: i64,
    /// What was merged ("Contact Ana Berg").
    pub what: String,
    /// The fields both devices had changed, in words.
    pub fields: Vec<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct History(pub Vec<MergeNote>);

impl History {
    pub fn load(kv: &impl KeyValue) -> History {
        kv.get(HISTORY_KEY)
            .ok()
            .flatten()
            .and_then(|raw| serde_json::from_str(&raw).ok())
            .unwrap_or_default()
    }

    /// Adds notes newest first, keeping the last `HISTORY_LEN`.
    pub fn record(&mut self, notes: &[MergeNote]) {
        for note in notes {
            self.0.insert(0, note.clone());
        }
        self.0.truncate(HISTORY_LEN);
    }

    pub fn save(&self, kv: &mut impl KeyValue) -> Result<(), StoreError> {
        kv.set(HISTORY_KEY, &serde_json::to_string(self).expect("history serializes"))
    }
}

/// Unused ids are fine: any random string names this device; a uuid is at hand.
pub fn new_device_id(id: Id) -> String {
    id.simple().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::MemoryKv;

    fn doc(n: u128) -> (DocKey, DocMeta) {
        let meta = DocMeta {
            rev: format!("1-{n:x}"),
            deleted: false,
            body: 7,
            fields: vec![1, 2],
        };
        (DocKey::Record("c", Id::from_u128(n)), meta)
    }

    #[test]
    fn a_saved_copy_matches_storage_until_another_copy_saves() {
        let mut kv = MemoryKv::default();
        let mut mine = SyncMeta::new("a".into());
        let (key, m) = doc(1);
        mine.set(key, m);
        assert!(!mine.is_saved());
        mine.save(&mut kv).unwrap();
        assert!(mine.is_saved());
        assert!(mine.matches_storage(&kv));

        // Another tab loads, records a document and saves: this copy is behind storage now.
        let mut theirs = SyncMeta::load(&kv).unwrap().unwrap();
        assert_eq!(theirs, mine);
        let (key, m) = doc(2);
        theirs.set(key, m);
        theirs.save(&mut kv).unwrap();
        assert!(!mine.matches_storage(&kv));
        assert_eq!(SyncMeta::load(&kv).unwrap().unwrap().len(), 2);

        // Forgotten and set up again: a new device id, even after as many saves.
        let mut again = SyncMeta::new("b".into());
        again.save(&mut kv).unwrap();
        assert!(!mine.matches_storage(&kv));

        // Bookkeeping written before generations existed loads as generation 0.
        kv.map.insert(STATE_KEY.into(), r#"{"since":0,"device":"a"}"#.into());
        assert_eq!(SyncMeta::load(&kv).unwrap().unwrap().state.generation, 0);
    }

    #[test]
    fn basic_auth_encodes_the_utf8_of_user_and_password() {
        let s = |user: &str, password: &str| Settings {
            user: user.into(),
            password: password.into(),
            ..Settings::default()
        };
        assert_eq!(
            s("Aladdin", "open sesame").basic_auth(),
            "Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ=="
        );
        assert_eq!(s("zoë", "pw").basic_auth(), "Basic em/Dqzpwdw==");
        assert_eq!(s("a", "").basic_auth(), "Basic YTo=");
    }

    #[test]
    fn settings_saved_before_encryption_existed_load_as_unencrypted_and_a_key_round_trips() {
        let mut kv = crate::store::MemoryKv::default();
        let old =
            r#"{"url":"https://couch.example.org","database":"vouch","user":"sam","password":"pw","paused":false}"#;
        kv.set(SETTINGS_KEY, old).unwrap();
        let settings = Settings::load(&kv).expect("the old shape loads");
        assert_eq!((settings.user.as_str(), settings.encryption.clone()), ("sam", None));
        settings.save(&mut kv).unwrap();
        assert_eq!(
            kv.get(SETTINGS_KEY).unwrap().as_deref(),
            Some(old),
            "and is saved the same"
        );

        let key = crate::sync::crypt::DerivedKey {
            key: base64(&[1; 32]),
            salt: base64(&[2; 16]),
            iterations: 600_000,
        };
        let encrypted = Settings {
            encryption: Some(Encryption::Key(key)),
            ..settings
        };
        encrypted.save(&mut kv).unwrap();
        assert_eq!(Settings::load(&kv), Some(encrypted));
    }

    #[test]
    fn base64_reads_back_what_it_wrote_and_nothing_else() {
        for len in 0..40u8 {
            let bytes: Vec<u8> = (0..len).map(|i| i.wrapping_mul(97).wrapping_add(len)).collect();
            assert_eq!(from_base64(&base64(&bytes)), Some(bytes));
        }
        assert_eq!(from_base64("em/Dqzpwdw=="), Some("zoë:pw".as_bytes().to_vec()));
        assert_eq!(from_base64("em/Dq"), None, "a length that is no multiple of 4");
        assert_eq!(from_base64("em/D q=="), None, "a character outside the alphabet");
        assert_eq!(from_base64("YQ==YQ=="), None, "padding before the end");
    }

    #[test]
    fn an_https_page_may_reach_an_http_server_only_on_this_machine() {
        assert!(blocked_as_mixed_content(true, "http://couch.example.org:5984"));
        assert!(!blocked_as_mixed_content(true, "https://couch.example.org"));
        assert!(!blocked_as_mixed_content(true, "http://localhost:5984/"));
        assert!(!blocked_as_mixed_content(true, "http://127.0.0.1:5984"));
        assert!(!blocked_as_mixed_content(false, "http://couch.example.org"));
    }

    #[test]
    fn the_origin_is_scheme_host_and_port_only() {
        assert_eq!(
            origin("https://Couch.Example.org:6984/db?x").as_deref(),
            Some("https://couch.example.org:6984")
        );
        assert_eq!(
            origin("http://127.0.0.1:5984").as_deref(),
            Some("http://127.0.0.1:5984")
        );
        assert_eq!(origin("https://user:pw@host/").as_deref(), Some("https://host"));
        assert_eq!(origin("javascript:alert(1)"), None);
        assert_eq!(origin("https://evil.org 'unsafe-inline'"), None);
    }
}
