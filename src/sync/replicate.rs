//! The replicator: one sync, pull then push, as a state machine. `step` is given the answer to the
//! request it asked for last (and this device's data and sync bookkeeping as they are now) and says
//! what to do next: send a request, apply a change to the data, or stop. It never waits on anything
//! itself, so the browser drives it with `fetch` and the tests drive it against a model server.
//!
//! Pull: `GET _changes?style=all_docs&since=…` a page at a time, `POST _bulk_get?revs=true` for
//! every leaf this device doesn't have, then for each document either take the server's winner, or
//! merge (a local edit, or several live leaves) and write the merged revision as a child of the
//! winner together with a tombstone on every other live leaf in one `_bulk_docs`. What several
//! pages pulled is applied as one change (one save of the data: saving every page of a first pull
//! would rewrite the whole, growing data each time), and only then is the checkpoint written in
//! `_local/vouch-<device>`, so it never runs ahead of what this device has stored. Push: every
//! record whose body differs from what was last synced gets a child revision; `_revs_diff` filters
//! out what the server already has (an interrupted push), `_bulk_docs` with `new_edits: false`
//! writes the rest. A cut-off sync resumes from the last checkpoint (what was pulled after it is
//! read again; merges already written are found on the server); what was not pushed is still
//! "changed" and goes next time.

use super::docs::{self, DocKey, LocalChange};
use super::merge::{self, Body};
use super::meta::{encode_component, DocMeta, MergeNote, SyncMeta};
use super::rev;
use super::scope::PushScope;
use super::{HttpRequest, HttpResponse, Method, SyncError};
use crate::model::Data;
use serde_json::{json, Value};
use std::collections::{BTreeMap, BTreeSet};

/// Documents per `_bulk_docs` of the push.
pub const BATCH: usize = 200;
/// Rows per `_changes` page. A row is an id and a revision or two, so pages are larger than a
/// push batch: a device's own pushes come back to it in its next pull, and at 30,000 contacts
/// pages of 200 made that pull 150 requests.
pub const CHANGES_PAGE: usize = 1_000;
/// `_changes` rows read before what they brought is applied and checkpointed: fewer saves of the
/// whole data on a first pull, and no more than this many rows read again after a cut-off.
pub const APPLY_EVERY: usize = 5_000;
/// How much ancestry a written revision carries in `_revisions`: enough to join the server's tree.
const ANCESTRY: usize = 20;

/// Sends one request to the database. The browser's is async and lives in `web::sync`; this one
/// drives native tests and benchmarks.
pub trait Transport {
    fn send(&mut self, request: &HttpRequest) -> Result<HttpResponse, SyncError>;
}

/// Where a sync is, for the progress bar.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Progress {
    /// Documents read from the server so far.
    pub pulled: usize,
    /// Documents written to the server so far, of `to_push`.
    pub pushed: usize,
    pub to_push: usize,
    pub pushing: bool,
}

/// What one sync did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Report {
    pub pulled: usize,
    pub pushed: usize,
    pub merges: Vec<MergeNote>,
    /// Documents the server refused or that this version can't read, one line each.
    pub errors: Vec<String>,
}

#[derive(Debug, PartialEq)]
pub enum Step {
    Send(HttpRequest),
    /// Apply this to the data (one change, one save), save the bookkeeping, then call
    /// `step(None, …)`. The bookkeeping already holds what goes with this change: if the data
    /// can't be saved, drop it unsaved and end the sync.
    Apply(LocalChange),
    Done(Report),
}

/// A document to write with `new_edits: false`, and what this device records once it is written
/// (`None` for a tombstone on a losing leaf, which changes nothing here).
#[derive(Debug)]
struct Write {
    key: DocKey,
    doc: Value,
    meta: Option<DocMeta>,
}

#[derive(Debug)]
struct Leaf {
    rev: String,
    deleted: bool,
    body: Body,
    /// The hash parts of this revision and its ancestors, newest first (`_revisions.ids`).
    ancestry: Vec<String>,
}

/// The pulled pages not yet applied: the change to the data and the bookkeeping that goes with it.
/// Read through it, a later page of the same batch finds the earlier pages' documents (our own
/// merges come back later in `_changes`) as if they were applied already.
#[derive(Debug, Default)]
struct Pulled {
    change: LocalChange,
    /// Keys in `change.remove`, to look them up.
    removed: BTreeSet<DocKey>,
    meta: BTreeMap<DocKey, DocMeta>,
    /// Each document's body on this device when the batch first read it: the user may edit
    /// while the batch is pulled (the browser waits on the network between pages).
    seen: BTreeMap<DocKey, Option<Body>>,
    /// `_changes` rows read into this batch.
    rows: usize,
}

impl Pulled {
    fn known<'a>(&'a self, meta: &'a SyncMeta, key: &DocKey) -> Option<&'a DocMeta> {
        self.meta.get(key).or_else(|| meta.get(key))
    }

    fn local(&self, data: &Data, key: DocKey) -> Option<Body> {
        if let Some(body) = self.change.put.get(&key) {
            return Some(body.clone());
        }
        if self.removed.contains(&key) {
            return None;
        }
        docs::local_body(data, key)
    }

    fn put(&mut self, key: DocKey, body: Body) {
        if self.removed.remove(&key) {
            self.change.remove.retain(|k| *k != key);
        }
        self.change.put.insert(key, body);
    }

    fn remove(&mut self, key: DocKey) {
        self.change.put.remove(&key);
        if self.removed.insert(key) {
            self.change.remove.push(key);
        }
    }

    /// The change to apply to `data` as it is now: a record edited here since the batch read it
    /// keeps that edit, as if it had been made after the batch was applied. An edit is merged
    /// onto the pulled body (its base is the body the batch read), a delete stays a delete, and an
    /// edit of a record the server deleted wins over the delete. Either way the record now
    /// differs from its bookkeeping, so the next push sends it.
    fn into_change(mut self, data: &Data) -> LocalChange {
        for (key, first) in std::mem::take(&mut self.seen) {
            let now = docs::local_body(data, key);
            if now == first {
                continue;
            }
            match (now, self.change.put.get(&key)) {
                (Some(mine), Some(theirs)) => {
                    let base = first.as_ref().map(merge::field_hashes);
                    let merged = merge::merge(&mine, theirs, base.as_deref()).body;
                    self.change.put.insert(key, merged);
                }
                (None, Some(_)) => {
                    self.change.put.remove(&key);
                }
                (Some(_), None) if self.removed.contains(&key) => {
                    self.change.remove.retain(|k| *k != key);
                }
                _ => {}
            }
        }
        self.change
    }
}

#[derive(Debug)]
enum State {
    CheckDatabase,
    CreateDatabase,
    ReadCheckpoint,
    Changes,
    BulkGet {
        wanted: Vec<(String, String)>,
        last_seq: Value,
        more: bool,
    },
    Resolve {
        writes: Vec<Write>,
        last_seq: Value,
        more: bool,
    },
    SaveCheckpoint {
        last_seq: Value,
        more: bool,
    },
    PlanPush,
    RevsDiff {
        batch: Vec<Write>,
    },
    BulkDocs {
        batch: Vec<Write>,
    },
    Done,
}

pub struct Replicator {
    state: State,
    database: String,
    /// Where the next `_changes` page starts.
    since: Value,
    /// The sequence both sides have as the checkpoint.
    checkpoint: Value,
    checkpoint_rev: Option<String>,
    queue: Vec<Write>,
    pulled: Pulled,
    to_apply: Option<LocalChange>,
    now: i64,
    pub progress: Progress,
    report: Report,
    scope: PushScope,
}

impl Replicator {
    /// A sync of the database named `database` (for messages), at `now` (ms, for the history).
    pub fn new(database: &str, now: i64) -> Self {
        Replicator {
            state: State::CheckDatabase,
            database: database.to_string(),
            since: Value::from(0),
            checkpoint: Value::from(0),
            checkpoint_rev: None,
            queue: Vec::new(),
            pulled: Pulled::default(),
            to_apply: None,
            now,
            progress: Progress::default(),
            report: Report::default(),
            scope: PushScope::everything(),
        }
    }

    /// Pushes only what `scope` looks at: the records that may have changed since the last sync
    /// that ended (the rest are as last synced, so hashing them would find nothing).
    pub fn with_scope(mut self, scope: PushScope) -> Self {
        self.scope = scope;
        self
    }

    /// Digests `response` (the answer to the last `Step::Send`; `None` at the start and after an
    /// `Apply`) and says what comes next. An error ends the sync; what was done so far is kept in
    /// `meta` (save it) and the next sync resumes from the last checkpoint.
    pub fn step(
        &mut self,
        response: Option<HttpResponse>,
        data: &Data,
        meta: &mut SyncMeta,
    ) -> Result<Step, SyncError> {
        if let Some(response) = response {
            self.receive(response, data, meta)?;
        }
        loop {
            if let Some(change) = self.to_apply.take() {
                return Ok(Step::Apply(change));
            }
            match &mut self.state {
                State::PlanPush => self.plan_push(data, meta),
                State::Resolve { writes, last_seq, more } if writes.is_empty() => {
                    let (last_seq, more) = (std::mem::take(last_seq), *more);
                    self.state = self.page_done(last_seq, more, data, meta);
                }
                State::Done => {
                    meta.set_last_synced(self.now);
                    return Ok(Step::Done(std::mem::take(&mut self.report)));
                }
                _ => return Ok(Step::Send(self.request(meta))),
            }
        }
    }

    fn checkpoint_path(meta: &SyncMeta) -> String {
        format!("_local/vouch-{}", meta.device())
    }

    fn request(&self, meta: &SyncMeta) -> HttpRequest {
        let (method, path, body) = match &self.state {
            State::CheckDatabase => (Method::Get, String::new(), None),
            State::CreateDatabase => (Method::Put, String::new(), None),
            State::ReadCheckpoint => (Method::Get, Self::checkpoint_path(meta), None),
            State::Changes => {
                let since = match &self.since {
                    Value::String(s) => encode_component(s),
                    other => other.to_string(),
                };
                let path = format!("_changes?style=all_docs&since={since}&limit={CHANGES_PAGE}");
                (Method::Get, path, None)
            }
            State::BulkGet { wanted, .. } => {
                let docs: Vec<Value> = wanted.iter().map(|(id, rev)| json!({"id": id, "rev": rev})).collect();
                (
                    Method::Post,
                    "_bulk_get?revs=true".into(),
                    Some(json!({ "docs": docs })),
                )
            }
            State::Resolve { writes: batch, .. } | State::BulkDocs { batch } => {
                let docs: Vec<&Value> = batch.iter().map(|w| &w.doc).collect();
                (
                    Method::Post,
                    "_bulk_docs".into(),
                    Some(json!({"docs": docs, "new_edits": false})),
                )
            }
            State::SaveCheckpoint { last_seq, .. } => {
                let mut doc = json!({"_id": Self::checkpoint_path(meta), "last_seq": last_seq});
                if let Some(rev) = &self.checkpoint_rev {
                    doc["_rev"] = Value::from(rev.as_str());
                }
                (Method::Put, Self::checkpoint_path(meta), Some(doc))
            }
            State::RevsDiff { batch } => {
                let mut diff = serde_json::Map::new();
                for w in batch {
                    diff.insert(w.key.doc_id(), json!([w.doc["_rev"]]));
                }
                (Method::Post, "_revs_diff".into(), Some(Value::Object(diff)))
            }
            // `step` handles these without a request.
            State::PlanPush | State::Done => unreachable!("no request in this state"),
        };
        HttpRequest {
            method,
            path,
            body: body.map(|b| b.to_string()),
        }
    }

    fn receive(&mut self, response: HttpResponse, data: &Data, meta: &mut SyncMeta) -> Result<(), SyncError> {
        let status = response.status;
        if let State::CreateDatabase = self.state {
            if matches!(status, 201 | 202) {
                self.state = State::ReadCheckpoint;
                return Ok(());
            }
            return Err(SyncError::NoDatabase(self.database.clone()));
        }
        match status {
            401 => return Err(SyncError::Unauthorized),
            403 => return Err(SyncError::Forbidden),
            _ => {}
        }
        let what = self.what();
        let body: Value = if response.body.trim().is_empty() {
            Value::Null
        } else {
            serde_json::from_str(&response.body).map_err(|e| SyncError::BadAnswer {
                what,
                detail: e.to_string(),
            })?
        };
        let unexpected = || SyncError::unexpected(status, what, &body);
        let bad = |detail: &str| SyncError::BadAnswer {
            what,
            detail: detail.to_string(),
        };
        match std::mem::replace(&mut self.state, State::Done) {
            State::CheckDatabase => {
                self.state = match status {
                    200 => State::ReadCheckpoint,
                    404 => State::CreateDatabase,
                    _ => return Err(unexpected()),
                }
            }
            State::ReadCheckpoint => {
                match status {
                    200 => {
                        self.checkpoint_rev = body["_rev"].as_str().map(str::to_string);
                        // CouchDB's rule: resume only where both sides agree on the checkpoint.
                        if body["last_seq"] == *meta.since() {
                            self.since = meta.since().clone();
                            self.checkpoint = self.since.clone();
                        }
                    }
                    404 => {}
                    _ => return Err(unexpected()),
                }
                self.state = State::Changes;
            }
            State::Changes => {
                if status != 200 {
                    return Err(unexpected());
                }
                let results = body["results"].as_array().ok_or_else(|| bad("no results"))?;
                let last_seq = body["last_seq"].clone();
                let more = results.len() >= CHANGES_PAGE && !last_seq.is_null();
                self.pulled.rows += results.len();
                let mut wanted = Vec::new();
                for result in results {
                    let Some(id) = result["id"].as_str() else { continue };
                    let Some(key) = DocKey::parse(id) else { continue };
                    let revs: Vec<&str> = result["changes"]
                        .as_array()
                        .map(|c| c.iter().filter_map(|r| r["rev"].as_str()).collect())
                        .unwrap_or_default();
                    let known = self.pulled.known(meta, &key).map(|m| m.rev.as_str());
                    if revs.len() == 1 && known == Some(revs[0]) {
                        continue;
                    }
                    wanted.extend(revs.into_iter().map(|r| (id.to_string(), r.to_string())));
                }
                self.state = if !wanted.is_empty() {
                    State::BulkGet { wanted, last_seq, more }
                } else {
                    self.page_done(last_seq, more, data, meta)
                };
            }
            State::BulkGet { last_seq, more, .. } => {
                if status != 200 {
                    return Err(unexpected());
                }
                let results = body["results"].as_array().ok_or_else(|| bad("no results"))?;
                let mut leaves: BTreeMap<DocKey, Vec<Leaf>> = BTreeMap::new();
                for result in results {
                    for entry in result["docs"].as_array().into_iter().flatten() {
                        if let Some(error) = entry.get("error") {
                            self.report.errors.push(format!(
                                "{}: the server could not give revision {} ({})",
                                error["id"].as_str().unwrap_or("?"),
                                error["rev"].as_str().unwrap_or("?"),
                                error["error"].as_str().unwrap_or("?")
                            ));
                            continue;
                        }
                        let Some(doc) = entry["ok"].as_object() else { continue };
                        let Some(key) = doc.get("_id").and_then(Value::as_str).and_then(DocKey::parse) else {
                            continue;
                        };
                        leaves
                            .entry(key)
                            .or_default()
                            .push(leaf(doc).ok_or_else(|| bad("a document without _rev"))?);
                    }
                }
                let mut writes = Vec::new();
                for (key, leaves) in leaves {
                    self.progress.pulled += 1;
                    self.report.pulled += 1;
                    self.resolve(key, leaves, data, meta, &mut writes);
                }
                self.state = State::Resolve { writes, last_seq, more };
            }
            State::Resolve { writes, last_seq, more } => {
                // A refused merge stays "changed" here and goes again with the push.
                for w in self.written(status, &body, &writes, unexpected)? {
                    if let Some(m) = &w.meta {
                        self.pulled.meta.insert(w.key, m.clone());
                    }
                }
                self.state = self.page_done(last_seq, more, data, meta);
            }
            State::SaveCheckpoint { last_seq, more } => {
                if !matches!(status, 200 | 201) {
                    return Err(unexpected());
                }
                self.checkpoint_rev = body["rev"].as_str().map(str::to_string);
                meta.set_since(last_seq.clone());
                self.checkpoint = last_seq;
                self.state = if more { State::Changes } else { State::PlanPush };
            }
            State::RevsDiff { batch } => {
                if status != 200 {
                    return Err(unexpected());
                }
                let (missing, present): (Vec<Write>, Vec<Write>) = batch.into_iter().partition(|w| {
                    body[w.key.doc_id()]["missing"]
                        .as_array()
                        .is_some_and(|m| m.iter().any(|r| *r == w.doc["_rev"]))
                });
                // Written by a sync that was cut off before it heard back.
                for w in present {
                    self.progress.pushed += 1;
                    if let Some(m) = w.meta {
                        meta.set(w.key, m);
                    }
                }
                self.state = if missing.is_empty() {
                    self.next_push_batch()
                } else {
                    State::BulkDocs { batch: missing }
                };
            }
            State::BulkDocs { batch } => {
                let written = self.written(status, &body, &batch, unexpected)?;
                let pushed = written.len();
                for w in written {
                    if let Some(m) = &w.meta {
                        meta.set(w.key, m.clone());
                    }
                }
                self.progress.pushed += pushed;
                self.report.pushed += pushed;
                self.state = self.next_push_batch();
            }
            State::CreateDatabase | State::PlanPush | State::Done => unreachable!("no request was sent"),
        }
        Ok(())
    }

    /// The writes a `_bulk_docs` took. A 201 can still refuse single documents (a validation
    /// function, a conflict): those are reported and stay "changed" here, to go next time.
    fn written<'w>(
        &mut self,
        status: u16,
        body: &Value,
        writes: &'w [Write],
        unexpected: impl FnOnce() -> SyncError,
    ) -> Result<Vec<&'w Write>, SyncError> {
        if !matches!(status, 200..=202) {
            return Err(unexpected());
        }
        let mut refused: BTreeMap<&str, String> = BTreeMap::new();
        for r in body.as_array().into_iter().flatten() {
            if let (Some(id), Some(error)) = (r["id"].as_str(), r["error"].as_str()) {
                refused.insert(
                    id,
                    format!(
                        "{id}: the server refused it ({error}: {})",
                        r["reason"].as_str().unwrap_or("")
                    ),
                );
            }
        }
        let mut taken = Vec::with_capacity(writes.len());
        for w in writes {
            match refused.get(w.key.doc_id().as_str()) {
                Some(message) => self.report.errors.push(message.clone()),
                None => taken.push(w),
            }
        }
        Ok(taken)
    }

    /// After a `_changes` page is read and its merges written: on to the next page while the
    /// batch is small, else hand the batch over to be applied (its bookkeeping goes into `meta`
    /// with it) and save the checkpoint after it.
    fn page_done(&mut self, last_seq: Value, more: bool, data: &Data, meta: &mut SyncMeta) -> State {
        if !last_seq.is_null() {
            self.since = last_seq;
        }
        if more && self.pulled.rows < APPLY_EVERY {
            return State::Changes;
        }
        let mut pulled = std::mem::take(&mut self.pulled);
        for (key, m) in std::mem::take(&mut pulled.meta) {
            meta.set(key, m);
        }
        let change = pulled.into_change(data);
        if !change.is_empty() {
            self.to_apply = Some(change);
        }
        if self.since != self.checkpoint {
            State::SaveCheckpoint {
                last_seq: self.since.clone(),
                more,
            }
        } else if more {
            State::Changes
        } else {
            State::PlanPush
        }
    }

    fn what(&self) -> &'static str {
        match self.state {
            State::CheckDatabase => "opening the database",
            State::CreateDatabase => "creating the database",
            State::ReadCheckpoint | State::SaveCheckpoint { .. } => "the sync checkpoint",
            State::Changes => "the list of changes (_changes)",
            State::BulkGet { .. } => "reading documents (_bulk_get)",
            State::Resolve { .. } | State::BulkDocs { .. } => "writing documents (_bulk_docs)",
            State::RevsDiff { .. } => "comparing revisions (_revs_diff)",
            State::PlanPush | State::Done => "sync",
        }
    }

    /// Decides one pulled document against this device's copy.
    fn resolve(&mut self, key: DocKey, mut leaves: Vec<Leaf>, data: &Data, meta: &SyncMeta, writes: &mut Vec<Write>) {
        if let Some(bad) = leaves.iter().find(|l| !l.deleted && !docs::readable(key, &l.body)) {
            self.report.errors.push(format!(
                "{key}: revision {} is not a record this version of Vouch can read; it was left on the server",
                bad.rev
            ));
            return;
        }
        // Winner first, then the other leaves in the same order every replica uses.
        leaves.sort_by(|a, b| {
            let order = |l: &Leaf| (!l.deleted, rev::generation(&l.rev), rev::hash_part(&l.rev).to_string());
            order(b).cmp(&order(a))
        });
        let local = self.pulled.local(data, key);
        // Not seen yet, so the batch holds nothing of it and `local` is this device's own.
        self.pulled.seen.entry(key).or_insert_with(|| local.clone());
        let known = self.pulled.known(meta, &key).cloned();
        let dirty = match (&known, &local) {
            (None, None) => false,
            (None, Some(_)) => true,
            (Some(m), None) => !m.deleted,
            (Some(m), Some(b)) => m.deleted || m.body != hash(b),
        };
        let local_live = if dirty { local.as_ref() } else { None };
        let live: Vec<&Leaf> = leaves.iter().filter(|l| !l.deleted).collect();
        let winner = &leaves[0];
        let mut bodies: Vec<&Body> = local_live.into_iter().collect();
        bodies.extend(live.iter().map(|l| &l.body));

        let adopt = |leaf: &Leaf, pulled: &mut Pulled| {
            if leaf.deleted {
                if local.is_some() {
                    pulled.remove(key);
                }
                pulled.meta.insert(key, tombstone_meta(&leaf.rev));
            } else {
                if local.as_ref() != Some(&leaf.body) {
                    pulled.put(key, leaf.body.clone());
                }
                pulled.meta.insert(key, body_meta(&leaf.rev, &leaf.body));
            }
        };
        // Everything deleted, or one live revision and nothing local to keep: take the server's.
        if bodies.is_empty() || (bodies.len() == 1 && local_live.is_none()) {
            adopt(live.first().copied().unwrap_or(winner), &mut self.pulled);
            return;
        }
        let base = known.as_ref().filter(|m| !m.deleted).map(|m| m.fields.as_slice());
        let mut merged = bodies[0].clone();
        let mut conflicted = BTreeSet::new();
        for other in &bodies[1..] {
            let m = merge::merge(&merged, other, base);
            merged = m.body;
            conflicted.extend(m.conflicted);
        }
        if live.len() == 1 && merged == live[0].body {
            adopt(live[0], &mut self.pulled);
            return;
        }
        let new_rev = rev::next_rev(Some(&winner.rev), Some(&Value::Object(merged.clone())));
        let mut doc = merged.clone();
        doc.insert("_id".into(), Value::from(key.doc_id()));
        doc.insert("_rev".into(), Value::from(new_rev.as_str()));
        doc.insert("_revisions".into(), revisions(&new_rev, &winner.ancestry));
        writes.push(Write {
            key,
            doc: Value::Object(doc),
            meta: Some(body_meta(&new_rev, &merged)),
        });
        for loser in live.iter().filter(|l| l.rev != winner.rev) {
            let rev = rev::next_rev(Some(&loser.rev), None);
            writes.push(Write {
                key,
                doc: json!({"_id": key.doc_id(), "_rev": rev, "_deleted": true, "_revisions": revisions(&rev, &loser.ancestry)}),
                meta: None,
            });
        }
        if local.as_ref() != Some(&merged) {
            self.pulled.put(key, merged.clone());
        }
        if bodies.len() > 1 {
            self.report.merges.push(MergeNote {
                at: self.now,
                what: docs::label(key, &merged),
                fields: conflicted.iter().map(|f| docs::field_label(f).to_string()).collect(),
            });
        }
    }

    /// Lines up every local change since the last sync: a child revision of what was synced, or a
    /// tombstone for a record deleted here.
    fn plan_push(&mut self, data: &Data, meta: &SyncMeta) {
        let mut queue = Vec::new();
        docs::for_each_local_in(data, &self.scope, |key, body| {
            let known = meta.get(&key);
            let h = hash(&body);
            if known.is_some_and(|m| !m.deleted && m.body == h) {
                return;
            }
            let parent = known.map(|m| m.rev.as_str());
            let value = Value::Object(body);
            let new_rev = rev::next_rev(parent, Some(&value));
            let Value::Object(body) = value else {
                unreachable!("built from an object above")
            };
            let mut doc = body.clone();
            doc.insert("_id".into(), Value::from(key.doc_id()));
            doc.insert("_rev".into(), Value::from(new_rev.as_str()));
            let ancestry: Vec<String> = parent.map(|p| rev::hash_part(p).to_string()).into_iter().collect();
            doc.insert("_revisions".into(), revisions(&new_rev, &ancestry));
            queue.push(Write {
                key,
                doc: Value::Object(doc),
                meta: Some(body_meta(&new_rev, &body)),
            });
        });
        for (key, known) in meta.docs() {
            if known.deleted || !self.scope.includes(*key) || docs::has_local(data, *key) {
                continue;
            }
            let rev = rev::next_rev(Some(&known.rev), None);
            let ancestry = [rev::hash_part(&known.rev).to_string()];
            queue.push(Write {
                key: *key,
                doc: json!({"_id": key.doc_id(), "_rev": rev, "_deleted": true, "_revisions": revisions(&rev, &ancestry)}),
                meta: Some(tombstone_meta(&rev)),
            });
        }
        self.progress.to_push = queue.len();
        self.progress.pushing = true;
        // Taken from the end in batches: reverse so documents go in key order.
        queue.reverse();
        self.queue = queue;
        self.state = self.next_push_batch();
    }

    fn next_push_batch(&mut self) -> State {
        if self.queue.is_empty() {
            return State::Done;
        }
        let at = self.queue.len().saturating_sub(BATCH);
        let mut batch = self.queue.split_off(at);
        batch.reverse();
        State::RevsDiff { batch }
    }
}

fn hash(body: &Body) -> u32 {
    rev::body_hash(&Value::Object(body.clone()))
}

fn body_meta(rev: &str, body: &Body) -> DocMeta {
    DocMeta {
        rev: rev.to_string(),
        deleted: false,
        body: hash(body),
        fields: merge::field_hashes(body),
    }
}

fn tombstone_meta(rev: &str) -> DocMeta {
    DocMeta {
        rev: rev.to_string(),
        deleted: true,
        body: 0,
        fields: Vec::new(),
    }
}

/// `_revisions` for `rev` whose parent's ancestry (newest first) is `parent_ancestry`.
fn revisions(rev: &str, parent_ancestry: &[String]) -> Value {
    let mut ids = vec![rev::hash_part(rev).to_string()];
    ids.extend(parent_ancestry.iter().take(ANCESTRY - 1).cloned());
    json!({"start": rev::generation(rev), "ids": ids})
}

fn leaf(doc: &serde_json::Map<String, Value>) -> Option<Leaf> {
    let rev = doc.get("_rev")?.as_str()?.to_string();
    let ancestry = doc
        .get("_revisions")
        .and_then(|r| r["ids"].as_array())
        .map(|ids| ids.iter().filter_map(|i| i.as_str().map(str::to_string)).collect())
        .unwrap_or_else(|| vec![rev::hash_part(&rev).to_string()]);
    Some(Leaf {
        deleted: doc.get("_deleted").and_then(Value::as_bool).unwrap_or(false),
        body: doc
            .iter()
            .filter(|(k, _)| !k.starts_with('_'))
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect(),
        rev,
        ancestry,
    })
}

/// Runs a whole sync over a blocking transport: the tests' and the benchmark's driver. The browser
/// has the same loop with `await` in `web::sync`.
pub fn run(
    transport: &mut impl Transport,
    database: &str,
    now: i64,
    data: &mut Data,
    meta: &mut SyncMeta,
) -> Result<Report, SyncError> {
    let mut replicator = Replicator::new(database, now);
    let mut response = None;
    loop {
        match replicator.step(response.take(), data, meta)? {
            Step::Send(request) => response = Some(transport.send(&request)?),
            Step::Apply(change) => {
                change.apply(data);
            }
            Step::Done(report) => return Ok(report),
        }
    }
}
