//! End-to-end encryption of sync, as a pure core. `Sealed` wraps the transport: it seals every
//! document body of a `_bulk_docs` on the way out and opens every document of a `_bulk_get` answer
//! on the way in, so the replicator, its revision ids and the merge only ever see plaintext, and the
//! server only ids, revisions, sizes and timing. Before the first request that reads or writes
//! documents it checks the database's parameters document (`vouch-encryption`), which makes every
//! device use the same salt and refuses a wrong passphrase before anything is applied. The
//! cryptography itself (PBKDF2, AES-GCM, randomness) is the `Crypto` trait: WebCrypto in the
//! browser (`web::crypt`), a test cipher in the native tests.
//!
//! A sealed document keeps `_id`, `_rev`, `_revisions` and `_deleted`; everything else becomes
//! `{"vouch_enc": 1, "data": base64(iv ‖ AES-GCM ciphertext ‖ tag)}`, a fresh 12-byte iv per write,
//! with "<id> <rev>" as additional data, so the server can't move a body to another document or
//! revision. Tombstones carry no body and stay as they are.

use super::meta::{base64, from_base64};
use super::{HttpRequest, HttpResponse, Method, SyncError};
use serde::{Deserialize, Serialize};
use serde_json::{json, Map, Value};

/// The id of the parameters document. `DocKey::parse` reads it as no record, so the replicator
/// passes it by.
pub const PARAMS_ID: &str = "vouch-encryption";
/// PBKDF2-SHA256 rounds for a new database: OWASP's 2023 figure. About 80 ms in headless Chromium
/// on the development machine, once per device at setup (a slow phone takes several times that).
pub const ITERATIONS: u32 = 600_000;
/// The rounds a parameters document may ask for. Fewer would make the passphrase cheap to guess
/// should the key be derived again (for example by someone who reset the document); far more
/// would stall the page.
const ROUNDS: std::ops::RangeInclusive<u64> = 100_000..=10_000_000;
/// The envelope's version, `vouch_enc`; a later format would be 2.
const VERSION: u64 = 1;
const SALT_LEN: usize = 16;
const KDF: &str = "PBKDF2-SHA256";
const CIPHER: &str = "AES-256-GCM";
/// A known text sealed with the key in the parameters document: opening it proves the passphrase.
const VERIFIER: &[u8] = b"Vouch end-to-end encryption";

/// What the device keeps of encryption in its sync settings (`vouch-sync.settings`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Encryption {
    /// Asked for at setup: the passphrase waits in this tab's sessionStorage (never in
    /// localStorage) until the first sync has read the server's salt and derived the key.
    Pending,
    /// The key, derived and checked against the server.
    Key(DerivedKey),
}

/// A key derived from a passphrase, with the parameters it came from (so the parameters document
/// can be written again should the database be emptied). Kept on this device like the password:
/// whoever reads this browser's storage can read the data anyway.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DerivedKey {
    /// The 256-bit AES-GCM key, base64.
    pub key: String,
    /// The PBKDF2 salt, base64.
    pub salt: String,
    pub iterations: u32,
}

/// What this sync is to do about encryption.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Mode {
    /// Plain bodies: refused by a database that is encrypted.
    Off,
    /// First sync after setup: derive the key with the server's salt (or a new one for an empty
    /// database) and check it.
    Passphrase(String),
    Key(DerivedKey),
}

/// A failure of the browser's cryptography itself (not a wrong key: that is `open` giving `None`).
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct CryptoError(pub String);

impl From<CryptoError> for SyncError {
    fn from(e: CryptoError) -> Self {
        SyncError::Crypto(e.0)
    }
}

/// The cryptography `Sealed` needs. Async because WebCrypto is; single-threaded, so the futures
/// need not be `Send`.
#[allow(async_fn_in_trait)]
pub trait Crypto {
    /// PBKDF2-HMAC-SHA256 of `passphrase` (its UTF-8), 32 bytes.
    async fn derive(&self, passphrase: &str, salt: &[u8], iterations: u32) -> Result<Vec<u8>, CryptoError>;
    /// AES-256-GCM with a fresh random 12-byte iv: the iv, then the ciphertext and its tag.
    async fn seal(&self, key: &[u8], aad: &[u8], plain: &[u8]) -> Result<Vec<u8>, CryptoError>;
    /// The plaintext of what `seal` made with this key and `aad`; `None` if it doesn't open (another
    /// key, another `aad`, or altered).
    async fn open(&self, key: &[u8], aad: &[u8], sealed: &[u8]) -> Option<Vec<u8>>;
    /// Random bytes, for a new salt.
    fn random(&self, len: usize) -> Result<Vec<u8>, CryptoError>;
}

/// The transport under `Sealed`: `fetch` in the browser, the model server in tests.
#[allow(async_fn_in_trait)]
pub trait AsyncTransport {
    async fn send(&mut self, request: &HttpRequest) -> Result<HttpResponse, SyncError>;
}

/// The parameters document every device of one database shares:
/// `{"vouch_enc": 1, "kdf": "PBKDF2-SHA256", "iterations", "salt", "cipher": "AES-256-GCM", "check"}`,
/// `check` being `VERIFIER` sealed with the key and `PARAMS_ID` as additional data. Read and written
/// through `serde_json::Value`, which sync already compiles in, rather than a derive of its own.
#[derive(Debug)]
struct Params {
    iterations: u32,
    salt: String,
    check: String,
}

/// A transport that encrypts: see the module's comment. One per sync.
pub struct Sealed<T, C> {
    inner: T,
    crypto: C,
    mode: Mode,
    /// The database's name, for messages.
    database: String,
    key: Option<Vec<u8>>,
    checked: bool,
    /// A key derived during this sync, for the shell to keep (`take_derived`).
    derived: Option<DerivedKey>,
}

impl<T: AsyncTransport, C: Crypto> Sealed<T, C> {
    pub fn new(inner: T, crypto: C, mode: Mode, database: &str) -> Self {
        Sealed {
            inner,
            crypto,
            mode,
            database: database.to_string(),
            key: None,
            checked: false,
            derived: None,
        }
    }

    /// The transport underneath.
    pub fn inner(&self) -> &T {
        &self.inner
    }

    /// The key this sync derived from a passphrase and checked, once: the shell saves it in the
    /// settings so later syncs don't derive again.
    pub fn take_derived(&mut self) -> Option<DerivedKey> {
        self.derived.take()
    }

    /// Sends one request, sealing what goes and opening what comes. The database itself (path "")
    /// may be opened or created first; any other request waits for the parameters check.
    pub async fn send(&mut self, request: &HttpRequest) -> Result<HttpResponse, SyncError> {
        if !self.checked && !request.path.is_empty() {
            self.key = self.check().await?;
            self.checked = true;
        }
        let Some(key) = &self.key else {
            return self.inner.send(request).await;
        };
        let request = seal_request(&self.crypto, key, request).await?;
        let response = self.inner.send(&request).await?;
        Ok(open_response(&self.crypto, key, &request, response).await)
    }

    /// Reads (or, on an empty database, writes) the parameters document and returns the key to
    /// seal with, `None` for plain bodies.
    async fn check(&mut self) -> Result<Option<Vec<u8>>, SyncError> {
        let response = self.get(PARAMS_ID, "the encryption settings").await?;
        let found = match response.status {
            200 => Some(read_params(&response.body)?),
            404 => None,
            status => return Err(server_error(status, "the encryption settings", &response.body)),
        };
        let mode = self.mode.clone();
        match (found, mode) {
            (None, Mode::Off) => Ok(None),
            (Some(_), Mode::Off) => Err(SyncError::EncryptedDatabase(self.database.clone())),
            (Some(params), Mode::Passphrase(passphrase)) => {
                let salt = from_base64(&params.salt).ok_or_else(|| bad_params("the salt is not base64"))?;
                let key = self.crypto.derive(&passphrase, &salt, params.iterations).await?;
                self.verify(&key, &params).await?;
                self.derived = Some(DerivedKey {
                    key: base64(&key),
                    salt: params.salt,
                    iterations: params.iterations,
                });
                Ok(Some(key))
            }
            (Some(params), Mode::Key(derived)) => {
                let key = from_base64(&derived.key).ok_or(SyncError::WrongPassphrase)?;
                self.verify(&key, &params).await?;
                Ok(Some(key))
            }
            (None, Mode::Passphrase(passphrase)) => {
                self.refuse_plain_documents().await?;
                let salt = self.crypto.random(SALT_LEN)?;
                let key = self.crypto.derive(&passphrase, &salt, ITERATIONS).await?;
                let derived = DerivedKey {
                    key: base64(&key),
                    salt: base64(&salt),
                    iterations: ITERATIONS,
                };
                self.write_params(&key, &derived).await?;
                self.derived = Some(derived);
                Ok(Some(key))
            }
            // The database was emptied (or made anew) since this device derived its key.
            (None, Mode::Key(derived)) => {
                let key = from_base64(&derived.key).ok_or(SyncError::WrongPassphrase)?;
                self.refuse_plain_documents().await?;
                self.write_params(&key, &derived).await?;
                Ok(Some(key))
            }
        }
    }

    async fn get(&mut self, path: &str, what: &'static str) -> Result<HttpResponse, SyncError> {
        let response = self
            .inner
            .send(&HttpRequest {
                method: Method::Get,
                path: path.to_string(),
                body: None,
            })
            .await?;
        match response.status {
            401 => Err(SyncError::Unauthorized),
            403 => Err(SyncError::Forbidden),
            200 | 404 => Ok(response),
            status => Err(server_error(status, what, &response.body)),
        }
    }

    async fn verify(&self, key: &[u8], params: &Params) -> Result<(), SyncError> {
        let check = from_base64(&params.check).ok_or_else(|| bad_params("the check is not base64"))?;
        match self.crypto.open(key, PARAMS_ID.as_bytes(), &check).await {
            Some(text) if text == VERIFIER => Ok(()),
            _ => Err(SyncError::WrongPassphrase),
        }
    }

    /// Encrypted and plain documents are never mixed in one database: a database that already
    /// holds documents and no parameters document is plain.
    async fn refuse_plain_documents(&mut self) -> Result<(), SyncError> {
        let info = self.get("", "opening the database").await?;
        let count = serde_json::from_str::<Value>(&info.body)
            .ok()
            .and_then(|v| v["doc_count"].as_u64())
            .ok_or_else(|| SyncError::BadAnswer {
                what: "opening the database",
                detail: "no doc_count".into(),
            })?;
        if count > 0 {
            return Err(SyncError::PlainDatabase(self.database.clone()));
        }
        Ok(())
    }

    async fn write_params(&mut self, key: &[u8], derived: &DerivedKey) -> Result<(), SyncError> {
        let check = self.crypto.seal(key, PARAMS_ID.as_bytes(), VERIFIER).await?;
        let params = json!({
            "vouch_enc": VERSION,
            "kdf": KDF,
            "iterations": derived.iterations,
            "salt": derived.salt,
            "cipher": CIPHER,
            "check": base64(&check),
        });
        let response = self
            .inner
            .send(&HttpRequest {
                method: Method::Put,
                path: PARAMS_ID.into(),
                body: Some(params.to_string()),
            })
            .await?;
        match response.status {
            201 | 202 => Ok(()),
            401 => Err(SyncError::Unauthorized),
            403 => Err(SyncError::Forbidden),
            // Another device set up encryption on this database at the same moment.
            409 => Err(SyncError::Server {
                status: 409,
                what: "the encryption settings",
                reason: "another device set them up just now; sync again".into(),
            }),
            status => Err(server_error(status, "the encryption settings", &response.body)),
        }
    }
}

fn read_params(body: &str) -> Result<Params, SyncError> {
    let v: Value = serde_json::from_str(body).map_err(|e| bad_params(&e.to_string()))?;
    if v["vouch_enc"].as_u64() != Some(VERSION) || v["kdf"] != KDF || v["cipher"] != CIPHER {
        return Err(bad_params("a format this version of Vouch does not know"));
    }
    let text = |field: &str| {
        v[field]
            .as_str()
            .map(str::to_string)
            .ok_or_else(|| bad_params(&format!("no {field}")))
    };
    Ok(Params {
        iterations: v["iterations"]
            .as_u64()
            .filter(|n| ROUNDS.contains(n))
            .and_then(|n| u32::try_from(n).ok())
            .ok_or_else(|| bad_params("PBKDF2 rounds missing or out of range"))?,
        salt: text("salt")?,
        check: text("check")?,
    })
}

fn bad_params(detail: &str) -> SyncError {
    SyncError::BadAnswer {
        what: "the encryption settings",
        detail: detail.to_string(),
    }
}

fn server_error(status: u16, what: &'static str, body: &str) -> SyncError {
    let body: Value = serde_json::from_str(body).unwrap_or(Value::Null);
    SyncError::unexpected(status, what, &body)
}

/// The additional data of a document's sealed body.
fn aad(id: &str, rev: &str) -> Vec<u8> {
    format!("{id} {rev}").into_bytes()
}

/// Seals every document body of a `_bulk_docs`; other requests carry no body and go as they are.
pub async fn seal_request(crypto: &impl Crypto, key: &[u8], request: &HttpRequest) -> Result<HttpRequest, SyncError> {
    let (Method::Post, "_bulk_docs", Some(body)) = (request.method, request.path.as_str(), &request.body) else {
        return Ok(request.clone());
    };
    // The replicator's own JSON: it always parses.
    let mut body: Value = serde_json::from_str(body).map_err(|e| SyncError::Crypto(e.to_string()))?;
    for doc in body["docs"].as_array_mut().into_iter().flatten() {
        if let Value::Object(doc) = doc {
            seal_doc(crypto, key, doc).await?;
        }
    }
    Ok(HttpRequest {
        body: Some(body.to_string()),
        ..request.clone()
    })
}

/// Replaces every field but `_id`, `_rev`, `_revisions`, `_deleted` by the envelope; a tombstone
/// keeps no body at all.
pub async fn seal_doc(crypto: &impl Crypto, key: &[u8], doc: &mut Map<String, Value>) -> Result<(), SyncError> {
    let (meta, body): (Map<String, Value>, Map<String, Value>) =
        std::mem::take(doc).into_iter().partition(|(k, _)| k.starts_with('_'));
    *doc = meta;
    if doc.get("_deleted") == Some(&Value::Bool(true)) {
        return Ok(());
    }
    let id = doc.get("_id").and_then(Value::as_str).unwrap_or_default();
    let rev = doc.get("_rev").and_then(Value::as_str).unwrap_or_default();
    let plain = serde_json::to_vec(&body).expect("a JSON object serializes");
    let sealed = crypto.seal(key, &aad(id, rev), &plain).await?;
    doc.insert("vouch_enc".into(), Value::from(VERSION));
    doc.insert("data".into(), Value::from(base64(&sealed)));
    Ok(())
}

/// Opens every document of a `_bulk_get` answer. One that won't open (another key, altered, or
/// plain in an encrypted database) becomes that entry's error, which the replicator reports and
/// leaves on the server; nothing of it is applied.
pub async fn open_response(
    crypto: &impl Crypto,
    key: &[u8],
    request: &HttpRequest,
    response: HttpResponse,
) -> HttpResponse {
    if request.method != Method::Post || !request.path.starts_with("_bulk_get") || response.status != 200 {
        return response;
    }
    // An answer that is no JSON goes on as it is: the replicator says what is wrong with it.
    let Ok(mut body) = serde_json::from_str::<Value>(&response.body) else {
        return response;
    };
    for result in body["results"].as_array_mut().into_iter().flatten() {
        for entry in result["docs"].as_array_mut().into_iter().flatten() {
            let Some(Value::Object(doc)) = entry.get_mut("ok") else {
                continue;
            };
            if let Err(reason) = open_doc(crypto, key, doc).await {
                *entry = json!({"error": {"id": doc.get("_id"), "rev": doc.get("_rev"), "error": reason}});
            }
        }
    }
    HttpResponse {
        status: response.status,
        body: body.to_string(),
    }
}

/// Puts the plaintext fields back in place of the envelope; the reason in words if it won't open.
pub async fn open_doc(crypto: &impl Crypto, key: &[u8], doc: &mut Map<String, Value>) -> Result<(), &'static str> {
    if doc.get("_deleted") == Some(&Value::Bool(true)) {
        doc.retain(|k, _| k.starts_with('_'));
        return Ok(());
    }
    let sealed = match (doc.get("vouch_enc").and_then(Value::as_u64), doc.get("data")) {
        (Some(VERSION), Some(Value::String(data))) => from_base64(data).ok_or("its encrypted body is damaged")?,
        (Some(_), _) => return Err("it is encrypted in a format this version of Vouch does not know"),
        (None, _) => return Err("it is not encrypted, though this database is"),
    };
    let id = doc.get("_id").and_then(Value::as_str).unwrap_or_default();
    let rev = doc.get("_rev").and_then(Value::as_str).unwrap_or_default();
    let plain = crypto
        .open(key, &aad(id, rev), &sealed)
        .await
        .ok_or("it does not open with this passphrase")?;
    let Ok(Value::Object(body)) = serde_json::from_slice::<Value>(&plain) else {
        return Err("its encrypted body is not a record");
    };
    doc.retain(|k, _| k.starts_with('_'));
    doc.extend(body);
    Ok(())
}

#[cfg(test)]
pub mod testing {
    //! A stand-in cipher for native tests (not encryption: a keyed XOR stream and a keyed
    //! checksum, enough to show what is sealed, that a wrong key or moved body doesn't open),
    //! and a way to drive the async code without a runtime.

    use super::*;
    use std::cell::Cell;
    use std::future::Future;
    use std::task::{Context, Poll, Waker};

    /// Runs a future whose awaits never wait (the test cipher and the model server answer at once).
    pub fn block_on<F: Future>(future: F) -> F::Output {
        let mut future = std::pin::pin!(future);
        let mut cx = Context::from_waker(Waker::noop());
        match future.as_mut().poll(&mut cx) {
            Poll::Ready(out) => out,
            Poll::Pending => panic!("a test future waited"),
        }
    }

    #[derive(Default)]
    pub struct TestCipher {
        ivs: Cell<u64>,
    }

    fn stream(key: &[u8], iv: &[u8], i: usize) -> u8 {
        key[i % key.len()] ^ iv[i % iv.len()] ^ (i as u8).wrapping_mul(31)
    }

    fn tag(key: &[u8], aad: &[u8], iv: &[u8], data: &[u8]) -> [u8; 8] {
        super::super::rev::fnv64(&[key, aad, iv, data]).to_be_bytes()
    }

    impl Crypto for TestCipher {
        async fn derive(&self, passphrase: &str, salt: &[u8], iterations: u32) -> Result<Vec<u8>, CryptoError> {
            let seed = super::super::rev::fnv64(&[passphrase.as_bytes(), salt, &iterations.to_be_bytes()]);
            Ok((0..32u8).map(|i| (seed >> (i % 8 * 8)) as u8 ^ i).collect())
        }

        async fn seal(&self, key: &[u8], aad: &[u8], plain: &[u8]) -> Result<Vec<u8>, CryptoError> {
            self.ivs.set(self.ivs.get() + 1);
            let iv = [&self.ivs.get().to_be_bytes()[..], &[0; 4]].concat();
            let data: Vec<u8> = plain.iter().enumerate().map(|(i, b)| b ^ stream(key, &iv, i)).collect();
            Ok([&iv[..], &data, &tag(key, aad, &iv, &data)].concat())
        }

        async fn open(&self, key: &[u8], aad: &[u8], sealed: &[u8]) -> Option<Vec<u8>> {
            let (iv, rest) = sealed.split_at_checked(12)?;
            let (data, t) = rest.split_at_checked(rest.len().checked_sub(8)?)?;
            (t == tag(key, aad, iv, data))
                .then(|| data.iter().enumerate().map(|(i, b)| b ^ stream(key, iv, i)).collect())
        }

        fn random(&self, len: usize) -> Result<Vec<u8>, CryptoError> {
            self.ivs.set(self.ivs.get() + 1);
            Ok((0..len).map(|i| (self.ivs.get() as u8).wrapping_add(i as u8)).collect())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::testing::{block_on, TestCipher};
    use super::*;

    const KEY: [u8; 32] = [7; 32];

    fn sealed(doc: Value) -> Map<String, Value> {
        let Value::Object(mut doc) = doc else { unreachable!() };
        block_on(seal_doc(&TestCipher::default(), &KEY, &mut doc)).unwrap();
        doc
    }

    #[test]
    fn a_sealed_document_keeps_only_id_revision_and_ancestry_in_the_clear() {
        let doc = sealed(
            json!({"_id": "c:1", "_rev": "2-ab", "_revisions": {"start": 2, "ids": ["ab", "cd"]}, "n": "Ana Berg", "co": "Maersk"}),
        );
        let keys: Vec<&str> = doc.keys().map(String::as_str).collect();
        assert_eq!(keys, ["_id", "_rev", "_revisions", "data", "vouch_enc"]);
        assert!(!doc["data"].as_str().unwrap().contains("Ana"));
        let tombstone = sealed(json!({"_id": "c:1", "_rev": "3-ef", "_deleted": true}));
        assert_eq!(
            Value::Object(tombstone),
            json!({"_id": "c:1", "_rev": "3-ef", "_deleted": true})
        );
    }

    #[test]
    fn a_sealed_body_opens_back_to_the_same_fields() {
        let mut doc = sealed(json!({"_id": "c:1", "_rev": "1-ab", "n": "Ana Berg", "tg": ["mentor"]}));
        block_on(open_doc(&TestCipher::default(), &KEY, &mut doc)).unwrap();
        assert_eq!(
            Value::Object(doc),
            json!({"_id": "c:1", "_rev": "1-ab", "n": "Ana Berg", "tg": ["mentor"]})
        );
    }

    #[test]
    fn a_body_moved_to_another_document_or_revision_does_not_open() {
        let cipher = TestCipher::default();
        let doc = sealed(json!({"_id": "c:1", "_rev": "1-ab", "n": "Ana Berg"}));
        for (field, value) in [("_id", "c:2"), ("_rev", "2-ff")] {
            let mut moved = doc.clone();
            moved.insert(field.into(), Value::from(value));
            assert_eq!(
                block_on(open_doc(&cipher, &KEY, &mut moved)),
                Err("it does not open with this passphrase")
            );
        }
        let mut other_key = doc.clone();
        assert!(block_on(open_doc(&cipher, &[8; 32], &mut other_key)).is_err());
    }

    #[test]
    fn parameters_asking_for_too_few_rounds_are_refused() {
        let params = |rounds: u64| {
            json!({"vouch_enc": 1, "kdf": KDF, "cipher": CIPHER, "iterations": rounds, "salt": "AAAA", "check": "AAAA"})
                .to_string()
        };
        assert_eq!(read_params(&params(600_000)).unwrap().iterations, 600_000);
        assert!(matches!(read_params(&params(1_000)), Err(SyncError::BadAnswer { .. })));
        assert!(matches!(
            read_params(&params(1 << 40)),
            Err(SyncError::BadAnswer { .. })
        ));
    }

    #[test]
    fn a_plain_document_in_an_encrypted_database_is_refused_not_applied() {
        let request = HttpRequest {
            method: Method::Post,
            path: "_bulk_get?revs=true".into(),
            body: None,
        };
        let answer =
            json!({"results": [{"id": "c:1", "docs": [{"ok": {"_id": "c:1", "_rev": "1-ab", "n": "Injected"}}]}]});
        let opened = block_on(open_response(
            &TestCipher::default(),
            &KEY,
            &request,
            HttpResponse {
                status: 200,
                body: answer.to_string(),
            },
        ));
        let entry: Value = serde_json::from_str(&opened.body).unwrap();
        assert_eq!(
            entry["results"][0]["docs"][0],
            json!({"error": {"id": "c:1", "rev": "1-ab", "error": "it is not encrypted, though this database is"}})
        );
    }
}
