//! The field-by-field merge of two versions of one record. It is a three-way merge whose base is
//! what this device last synced, kept not as a body but as one 16-bit hash per field (`meta`
//! stores them: a copy of every synced body would double what 30,000 contacts take). Per field:
//! the side that still has the base's value takes the other side's edit; when both changed it (or
//! the base is not known), lists (tags, shared experiences, skills) are united and any other field
//! takes the value of the side whose record `updated` stamp (`m`) is newer; a field one side
//! cleared while the other changed it keeps the new value. A 16-bit hash can
//! collide (1 in 65,536 per edited field): the edit then counts as "unchanged" and the other
//! side's value wins for that field only.

use super::rev::{canonical, fnv64};
use serde_json::{Map, Value};

/// A record's JSON object, without CouchDB's `_` fields.
pub type Body = Map<String, Value>;

/// The record stamp every kind of record keeps under this key.
const UPDATED: &str = "m";

fn field_hash(key: &str, value: &Value) -> u16 {
    fnv64(&[key.as_bytes(), canonical(value).as_bytes()]) as u16
}

/// The base of later merges: one hash per field present, sorted.
pub fn field_hashes(body: &Body) -> Vec<u16> {
    let mut hashes: Vec<u16> = body.iter().map(|(k, v)| field_hash(k, v)).collect();
    hashes.sort_unstable();
    hashes.dedup();
    hashes
}

fn stamp(body: &Body) -> i64 {
    body.get(UPDATED).and_then(Value::as_i64).unwrap_or(0)
}

#[derive(Clone, Debug, PartialEq)]
pub struct Merged {
    pub body: Body,
    /// The fields both sides had changed, decided by the rule rather than taken from one side.
    pub conflicted: Vec<String>,
}

/// Merges `ours` and `theirs` given the field hashes of their common base (`None` when this device
/// never synced the record). Symmetric: swapping the sides gives the same body.
pub fn merge(ours: &Body, theirs: &Body, base: Option<&[u16]>) -> Merged {
    let unchanged = |key: &str, value: Option<&Value>| match (base, value) {
        (Some(base), Some(v)) => base.binary_search(&field_hash(key, v)).is_ok(),
        _ => false,
    };
    let mut keys: Vec<&String> = ours.keys().chain(theirs.keys()).collect();
    keys.sort();
    keys.dedup();
    let (our_stamp, their_stamp) = (stamp(ours), stamp(theirs));
    let mut body = Body::new();
    let mut conflicted = Vec::new();
    for key in keys {
        let (o, t) = (ours.get(key), theirs.get(key));
        let value = if o == t {
            o.cloned()
        } else if key == UPDATED {
            Some(Value::from(our_stamp.max(their_stamp)))
        } else if unchanged(key, o) && !unchanged(key, t) {
            t.cloned()
        } else if unchanged(key, t) && !unchanged(key, o) {
            o.cloned()
        } else if o.is_none() || t.is_none() {
            // One side has no value and the other changed it (or the base is unknown): the hashes
            // can't tell a clearing from "never set", so the value is kept; nothing typed is lost.
            o.or(t).cloned()
        } else {
            conflicted.push(key.clone());
            match (o, t) {
                (Some(Value::Array(a)), Some(Value::Array(b))) => Some(Value::Array(unite(a, b))),
                (Some(list @ Value::Array(_)), None) | (None, Some(list @ Value::Array(_))) => Some(list.clone()),
                _ => {
                    // The newer record wins the field; on equal stamps the higher value, so both
                    // devices would pick the same.
                    let ours_first = (our_stamp, o.map(canonical)) >= (their_stamp, t.map(canonical));
                    if ours_first {
                        o.cloned()
                    } else {
                        t.cloned()
                    }
                }
            }
        };
        if let Some(v) = value {
            body.insert(key.clone(), v);
        }
    }
    Merged { body, conflicted }
}

/// Every item of both lists once, in a stable order (sorted by their JSON text), so the union is
/// the same whichever side is "ours".
fn unite(a: &[Value], b: &[Value]) -> Vec<Value> {
    let mut all: Vec<(String, Value)> = a.iter().chain(b).map(|v| (canonical(v), v.clone())).collect();
    all.sort_by(|x, y| x.0.cmp(&y.0));
    all.dedup_by(|x, y| x.0 == y.0);
    all.into_iter().map(|(_, v)| v).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn body(v: Value) -> Body {
        v.as_object().unwrap().clone()
    }

    #[test]
    fn each_side_keeps_the_fields_it_changed() {
        let base = body(json!({"n": "Ana", "co": "Maersk", "ro": "Analyst", "m": 1}));
        let ours = body(json!({"n": "Ana", "co": "DSV", "ro": "Analyst", "m": 5}));
        let theirs = body(json!({"n": "Ana", "co": "Maersk", "ro": "Lead analyst", "m": 3}));
        let merged = merge(&ours, &theirs, Some(&field_hashes(&base)));
        assert_eq!(
            merged.body,
            body(json!({"n": "Ana", "co": "DSV", "ro": "Lead analyst", "m": 5}))
        );
        assert!(merged.conflicted.is_empty());
    }

    #[test]
    fn the_newer_edit_wins_a_field_both_changed_and_lists_are_united() {
        let base = body(json!({"n": "Ana", "no": "x", "tg": ["a"], "m": 1}));
        let ours = body(json!({"n": "Ana", "no": "mine", "tg": ["a", "b"], "m": 5}));
        let theirs = body(json!({"n": "Ana", "no": "theirs", "tg": ["a", "c"], "m": 9}));
        let merged = merge(&ours, &theirs, Some(&field_hashes(&base)));
        assert_eq!(merged.body["no"], json!("theirs"));
        assert_eq!(merged.body["tg"], json!(["a", "b", "c"]));
        assert_eq!(merged.conflicted, vec!["no".to_string(), "tg".to_string()]);
        assert_eq!(merge(&theirs, &ours, Some(&field_hashes(&base))).body, merged.body);
    }

    #[test]
    fn a_field_cleared_on_one_side_and_untouched_on_the_other_stays_cleared() {
        let base = body(json!({"n": "Ana", "tg": ["a"], "em": "a@x.org", "m": 1}));
        let ours = body(json!({"n": "Ana", "m": 2}));
        let theirs = body(json!({"n": "Ana B", "tg": ["a"], "em": "a@x.org", "m": 3}));
        let merged = merge(&ours, &theirs, Some(&field_hashes(&base)));
        assert_eq!(merged.body, body(json!({"n": "Ana B", "m": 3})));
    }

    #[test]
    fn without_a_base_the_newer_record_wins_each_differing_field_and_nothing_one_side_lacks_is_lost() {
        let ours = body(json!({"n": "Ana", "co": "A", "m": 2}));
        let theirs = body(json!({"n": "Ana", "co": "B", "ro": "CTO", "m": 1}));
        let merged = merge(&ours, &theirs, None);
        assert_eq!(merged.body, body(json!({"n": "Ana", "co": "A", "ro": "CTO", "m": 2})));
    }
}
