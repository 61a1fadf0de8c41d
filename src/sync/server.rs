//! An in-memory model of a CouchDB database, speaking the HTTP requests the replicator sends:
//! revision trees per document, an update sequence, `_changes?style=all_docs`, `_bulk_get?revs=true`,
//! `_revs_diff`, `_bulk_docs` with `new_edits: false` (answering 201 with only the refused
//! documents, as CouchDB does), `_local` documents with their own revisions, a plain `GET`/`PUT`
//! of one document (encryption's parameters), and basic auth as a switch. Test code only.

use super::replicate::Transport;
use super::rev;
use super::{HttpRequest, HttpResponse, Method, SyncError};
use serde_json::{json, Map, Value};
use std::collections::{BTreeMap, BTreeSet};

#[derive(Clone, Debug)]
struct Node {
    parent: Option<String>,
    deleted: bool,
    body: Map<String, Value>,
}

#[derive(Clone, Debug, Default)]
struct Tree {
    revs: BTreeMap<String, Node>,
    seq: u64,
}

impl Tree {
    fn leaves(&self) -> Vec<&String> {
        let parents: BTreeSet<&String> = self.revs.values().filter_map(|n| n.parent.as_ref()).collect();
        self.revs.keys().filter(|r| !parents.contains(r)).collect()
    }

    fn winner(&self) -> &String {
        let leaves = self.leaves();
        let i = rev::winner(leaves.iter().map(|r| (r.as_str(), self.revs[*r].deleted))).expect("a tree has a leaf");
        leaves[i]
    }

    fn ancestry(&self, rev: &str) -> Vec<String> {
        let mut ids = vec![];
        let mut at = Some(rev.to_string());
        while let Some(r) = at {
            ids.push(rev::hash_part(&r).to_string());
            at = self.revs.get(&r).and_then(|n| n.parent.clone());
        }
        ids
    }
}

#[derive(Default)]
pub struct MemServer {
    pub exists: bool,
    docs: BTreeMap<String, Tree>,
    seq: u64,
    local: BTreeMap<String, (u64, Value)>,
    /// When false, every request gets a 401.
    pub password_ok: bool,
    /// Document ids whose writes are refused inside a 201, like a validation function would.
    pub refuse: BTreeSet<String>,
    /// Every request, as "METHOD path".
    pub log: Vec<String>,
    /// The bodies of every `_bulk_docs`.
    pub bulk_docs: Vec<Value>,
}

fn ok(status: u16, body: Value) -> HttpResponse {
    HttpResponse {
        status,
        body: body.to_string(),
    }
}

impl MemServer {
    /// The `last_seq` of every `_local` checkpoint.
    pub fn checkpoints(&self) -> Vec<Value> {
        self.local.values().map(|(_, doc)| doc["last_seq"].clone()).collect()
    }

    pub fn new() -> Self {
        MemServer {
            exists: true,
            password_ok: true,
            ..MemServer::default()
        }
    }

    /// The winning revision's body of a document, `None` if missing or deleted.
    pub fn winner_body(&self, id: &str) -> Option<Map<String, Value>> {
        let tree = self.docs.get(id)?;
        let node = &tree.revs[tree.winner()];
        (!node.deleted).then(|| node.body.clone())
    }

    pub fn winner_rev(&self, id: &str) -> Option<String> {
        self.docs.get(id).map(|t| t.winner().clone())
    }

    /// `GET /db/<id>?conflicts=true`'s `_conflicts`: the live leaves that did not win.
    pub fn conflicts(&self, id: &str) -> Vec<String> {
        let Some(tree) = self.docs.get(id) else { return vec![] };
        let winner = tree.winner();
        tree.leaves()
            .into_iter()
            .filter(|r| *r != winner && !tree.revs[*r].deleted)
            .cloned()
            .collect()
    }

    pub fn live_ids(&self) -> Vec<String> {
        self.docs
            .keys()
            .filter(|id| self.winner_body(id).is_some())
            .cloned()
            .collect()
    }

    /// Writes a revision as another client would (`new_edits: false`).
    pub fn put_rev(&mut self, doc: Value) {
        self.write(&doc);
    }

    fn write(&mut self, doc: &Value) -> Option<Value> {
        let id = doc["_id"].as_str()?.to_string();
        if self.refuse.contains(&id) {
            return Some(json!({"id": id, "error": "forbidden", "reason": "refused by validation"}));
        }
        let start = doc["_revisions"]["start"].as_u64()?;
        let ids: Vec<&str> = doc["_revisions"]["ids"]
            .as_array()?
            .iter()
            .filter_map(Value::as_str)
            .collect();
        let body: Map<String, Value> = doc
            .as_object()?
            .iter()
            .filter(|(k, _)| !k.starts_with('_'))
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        let tree = self.docs.entry(id).or_default();
        let mut changed = false;
        for i in (0..ids.len()).rev() {
            let rev = format!("{}-{}", start - i as u64, ids[i]);
            if tree.revs.contains_key(&rev) {
                continue;
            }
            let parent = ids.get(i + 1).map(|h| format!("{}-{h}", start - i as u64 - 1));
            let parent = parent.filter(|p| tree.revs.contains_key(p));
            let leaf = i == 0;
            tree.revs.insert(
                rev,
                Node {
                    parent,
                    deleted: leaf && doc["_deleted"] == json!(true),
                    body: if leaf { body.clone() } else { Map::new() },
                },
            );
            changed = true;
        }
        if changed {
            self.seq += 1;
            tree.seq = self.seq;
        }
        None
    }

    pub fn handle(&mut self, req: &HttpRequest) -> HttpResponse {
        self.log.push(format!("{} {}", req.method.as_str(), req.path));
        if !self.password_ok {
            return ok(
                401,
                json!({"error": "unauthorized", "reason": "Name or password is incorrect."}),
            );
        }
        let body: Value = req
            .body
            .as_deref()
            .map(|b| serde_json::from_str(b).unwrap())
            .unwrap_or(Value::Null);
        let (path, query) = req.path.split_once('?').unwrap_or((&req.path, ""));
        let param = |name: &str| {
            query
                .split('&')
                .find_map(|kv| kv.strip_prefix(name).and_then(|v| v.strip_prefix('=')))
                .map(str::to_string)
        };
        if path.is_empty() {
            return match req.method {
                Method::Get if self.exists => ok(
                    200,
                    json!({"db_name": "test", "update_seq": self.seq, "doc_count": self.live_ids().len()}),
                ),
                Method::Get => ok(404, json!({"error": "not_found", "reason": "Database does not exist."})),
                _ => {
                    self.exists = true;
                    ok(201, json!({"ok": true}))
                }
            };
        }
        if !self.exists {
            return ok(404, json!({"error": "not_found", "reason": "Database does not exist."}));
        }
        match (req.method, path) {
            (Method::Get, "_changes") => {
                assert_eq!(param("style").as_deref(), Some("all_docs"));
                let since: u64 = param("since").unwrap().parse().unwrap();
                let limit: usize = param("limit").unwrap().parse().unwrap();
                let mut changed: Vec<(&String, &Tree)> = self.docs.iter().filter(|(_, t)| t.seq > since).collect();
                changed.sort_by_key(|(_, t)| t.seq);
                changed.truncate(limit);
                let results: Vec<Value> = changed
                    .iter()
                    .map(|(id, t)| {
                        let changes: Vec<Value> = t.leaves().iter().map(|r| json!({"rev": r})).collect();
                        json!({"seq": t.seq, "id": id, "changes": changes, "deleted": t.revs[t.winner()].deleted})
                    })
                    .collect();
                let last = changed.last().map_or(self.seq.max(since), |(_, t)| t.seq);
                ok(200, json!({"results": results, "last_seq": last}))
            }
            (Method::Post, "_bulk_get") => {
                let results: Vec<Value> = body["docs"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|want| {
                        let (id, rev) = (want["id"].as_str().unwrap(), want["rev"].as_str().unwrap());
                        let doc = self.docs.get(id).and_then(|t| t.revs.get(rev).map(|n| (t, n)));
                        let entry = match doc {
                            Some((tree, node)) => {
                                let mut d = node.body.clone();
                                d.insert("_id".into(), json!(id));
                                d.insert("_rev".into(), json!(rev));
                                if node.deleted {
                                    d.insert("_deleted".into(), json!(true));
                                }
                                d.insert(
                                    "_revisions".into(),
                                    json!({"start": rev::generation(rev), "ids": tree.ancestry(rev)}),
                                );
                                json!({"ok": d})
                            }
                            None => json!({"error": {"id": id, "rev": rev, "error": "not_found", "reason": "missing"}}),
                        };
                        json!({"id": id, "docs": [entry]})
                    })
                    .collect();
                ok(200, json!({ "results": results }))
            }
            (Method::Post, "_revs_diff") => {
                let mut out = Map::new();
                for (id, revs) in body.as_object().unwrap() {
                    let missing: Vec<&Value> = revs
                        .as_array()
                        .unwrap()
                        .iter()
                        .filter(|r| {
                            !self
                                .docs
                                .get(id)
                                .is_some_and(|t| t.revs.contains_key(r.as_str().unwrap()))
                        })
                        .collect();
                    if !missing.is_empty() {
                        out.insert(id.clone(), json!({ "missing": missing }));
                    }
                }
                ok(200, Value::Object(out))
            }
            (Method::Post, "_bulk_docs") => {
                assert_eq!(body["new_edits"], json!(false));
                self.bulk_docs.push(body.clone());
                let errors: Vec<Value> = body["docs"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .filter_map(|d| self.write(d))
                    .collect();
                ok(201, Value::Array(errors))
            }
            (Method::Get, p) if p.starts_with("_local/") => match self.local.get(p) {
                Some((n, doc)) => {
                    let mut doc = doc.clone();
                    doc["_rev"] = json!(format!("0-{n}"));
                    ok(200, doc)
                }
                None => ok(404, json!({"error": "not_found", "reason": "missing"})),
            },
            (Method::Put, p) if p.starts_with("_local/") => {
                let current = self.local.get(p).map(|(n, _)| format!("0-{n}"));
                if body["_rev"].as_str().map(str::to_string) != current {
                    return ok(409, json!({"error": "conflict", "reason": "Document update conflict."}));
                }
                let n = self.local.get(p).map_or(1, |(n, _)| n + 1);
                let mut doc = body.clone();
                doc.as_object_mut().unwrap().remove("_rev");
                self.local.insert(p.to_string(), (n, doc));
                ok(201, json!({"ok": true, "id": p, "rev": format!("0-{n}")}))
            }
            (Method::Get, id) if !id.starts_with('_') => match self.winner_body(id) {
                Some(mut doc) => {
                    doc.insert("_id".into(), json!(id));
                    doc.insert("_rev".into(), json!(self.winner_rev(id)));
                    ok(200, Value::Object(doc))
                }
                None => ok(404, json!({"error": "not_found", "reason": "missing"})),
            },
            // A new document only (no `_rev` given): all the tests need.
            (Method::Put, id) if !id.starts_with('_') => {
                if self.docs.contains_key(id) {
                    return ok(409, json!({"error": "conflict", "reason": "Document update conflict."}));
                }
                let rev = rev::next_rev(None, Some(&body));
                let mut doc = body.clone();
                doc["_id"] = json!(id);
                doc["_revisions"] = json!({"start": 1, "ids": [rev::hash_part(&rev)]});
                self.write(&doc);
                ok(201, json!({"ok": true, "id": id, "rev": rev}))
            }
            _ => ok(404, json!({"error": "not_found", "reason": format!("no route {path}")})),
        }
    }
}

/// The model server as a transport, that can be cut off after a number of requests.
pub struct Link<'a> {
    pub server: &'a mut MemServer,
    /// The connection drops after this many requests.
    pub cut_after: Option<usize>,
    /// The connection drops at the n-th request (from 1) whose path starts with this.
    pub cut_at: Option<(&'static str, usize)>,
    pub sent: usize,
    seen: usize,
}

impl<'a> Link<'a> {
    pub fn new(server: &'a mut MemServer) -> Self {
        Link {
            server,
            cut_after: None,
            cut_at: None,
            sent: 0,
            seen: 0,
        }
    }
}

impl Transport for Link<'_> {
    fn send(&mut self, request: &HttpRequest) -> Result<HttpResponse, SyncError> {
        let cut = || Err(SyncError::Unreachable("test server".into()));
        if self.cut_after.is_some_and(|n| self.sent >= n) {
            return cut();
        }
        if let Some((path, n)) = self.cut_at {
            if request.path.starts_with(path) {
                self.seen += 1;
                if self.seen >= n {
                    return cut();
                }
            }
        }
        self.sent += 1;
        Ok(self.server.handle(request))
    }
}
