//! Revision ids and the winner rule. A revision id is `N-hash`: N the generation (1 for a new
//! document, the parent's plus one after), hash 16 hex digits of FNV-1a 64 over the parent's id
//! and the body in canonical JSON (keys sorted). Two devices that make the same edit on the same
//! parent get the same id, as CouchDB's own md5-based ids do; the server never checks the hash.

use serde_json::Value;

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

/// FNV-1a, 64 bits: small, fast, deterministic on every platform. Not a cryptographic hash: it only
/// needs to make accidental collisions between revisions of one document unlikely.
pub fn fnv64(parts: &[&[u8]]) -> u64 {
    let mut hash = FNV_OFFSET;
    for part in parts {
        for &b in *part {
            hash ^= u64::from(b);
            hash = hash.wrapping_mul(FNV_PRIME);
        }
        // A separator, so ("ab", "c") and ("a", "bc") differ.
        hash ^= 0xff;
        hash = hash.wrapping_mul(FNV_PRIME);
    }
    hash
}

/// JSON with every object's keys sorted and no spaces: the same value always gives the same
/// text, whatever order a server sent the keys in.
pub fn canonical(value: &Value) -> String {
    let mut out = String::new();
    write_canonical(value, &mut out);
    out
}

fn write_canonical(value: &Value, out: &mut String) {
    match value {
        Value::Object(map) => {
            let mut keys: Vec<&String> = map.keys().collect();
            keys.sort();
            out.push('{');
            for (i, key) in keys.into_iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                out.push_str(&Value::String(key.clone()).to_string());
                out.push(':');
                write_canonical(&map[key], out);
            }
            out.push('}');
        }
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_canonical(item, out);
            }
            out.push(']');
        }
        other => out.push_str(&other.to_string()),
    }
}

/// A 32-bit digest of a body: how this device notices that a record changed since it last synced.
pub fn body_hash(body: &Value) -> u32 {
    fnv64(&[canonical(body).as_bytes()]) as u32
}

/// The id of the revision that follows `parent` (`None` for a new document) with `body`
/// (`None` for a deletion).
pub fn next_rev(parent: Option<&str>, body: Option<&Value>) -> String {
    let generation = parent.map_or(0, generation) + 1;
    let text = body.map_or_else(|| "deleted".to_string(), canonical);
    let hash = fnv64(&[parent.unwrap_or("").as_bytes(), text.as_bytes()]);
    format!("{generation}-{hash:016x}")
}

/// The generation of `N-hash`, as a number: "10-a" is newer than "9-b". A malformed id counts as 0.
pub fn generation(rev: &str) -> u64 {
    rev.split_once('-').and_then(|(n, _)| n.parse().ok()).unwrap_or(0)
}

/// The part after the dash.
pub fn hash_part(rev: &str) -> &str {
    rev.split_once('-').map_or(rev, |(_, h)| h)
}

/// CouchDB's deterministic winner among a document's leaves, so every replica picks the same one
/// without talking: a live revision beats a deleted one, then the higher generation (as a number),
/// then the higher revision id as a string. Returns the index of the winner.
pub fn winner<'a>(leaves: impl IntoIterator<Item = (&'a str, bool)>) -> Option<usize> {
    leaves
        .into_iter()
        .enumerate()
        .max_by(|(_, (a, a_deleted)), (_, (b, b_deleted))| {
            (!a_deleted, generation(a), hash_part(a)).cmp(&(!b_deleted, generation(b), hash_part(b)))
        })
        .map(|(i, _)| i)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_revision_id_is_the_generation_and_a_digest_of_parent_and_body() {
        let body = json!({"n": "Ana", "co": "Maersk"});
        let first = next_rev(None, Some(&body));
        assert!(first.starts_with("1-") && first.len() == 18, "{first}");
        let second = next_rev(Some(&first), Some(&body));
        assert!(second.starts_with("2-"));
        assert_ne!(hash_part(&first), hash_part(&second));
        // The same edit on the same parent is the same revision, on any device.
        assert_eq!(
            next_rev(Some(&first), Some(&json!({"co": "Maersk", "n": "Ana"}))),
            second
        );
        assert!(next_rev(Some(&second), None).starts_with("3-"));
    }

    #[test]
    fn live_beats_deleted_then_generation_as_a_number_then_the_revision_string() {
        assert_eq!(winner([("9-aaa", false), ("10-aaa", false)]), Some(1));
        assert_eq!(winner([("3-bbb", false), ("3-ccc", false)]), Some(1));
        assert_eq!(winner([("5-fff", true), ("2-aaa", false)]), Some(1));
        assert_eq!(winner([("5-fff", true), ("4-aaa", true)]), Some(0));
        assert_eq!(winner(std::iter::empty()), None);
    }

    #[test]
    fn canonical_json_sorts_keys_at_every_depth() {
        let v: Value = serde_json::from_str(r#"{"b":1,"a":{"d":[1,{"z":0,"y":"x"}],"c":null}}"#).unwrap();
        assert_eq!(canonical(&v), r#"{"a":{"c":null,"d":[1,{"y":"x","z":0}]},"b":1}"#);
    }
}
