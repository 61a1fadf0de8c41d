//! WebCrypto behind sync's encryption: PBKDF2-SHA256 gives the published answer, what AES-GCM
//! seals opens back with the same key and additional data, and not with another key or another
//! document's id.

use vouch::sync::crypt::Crypto;
use vouch::web::crypt::WebCrypto;
use wasm_bindgen_test::*;

#[wasm_bindgen_test]
async fn pbkdf2_sha256_gives_the_rfc_7914_answer() {
    let key = WebCrypto::default().derive("passwd", b"salt", 1).await.unwrap();
    let hex: String = key.iter().map(|b| format!("{b:02x}")).collect();
    assert_eq!(hex, "55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc");
}

#[wasm_bindgen_test]
async fn a_sealed_body_opens_with_its_key_and_id_only() {
    let crypto = WebCrypto::default();
    let key = crypto
        .derive("correct horse", b"0123456789abcdef", 1_000)
        .await
        .unwrap();
    let body = br#"{"n":"Ana Berg","co":"Maersk"}"#;
    let sealed = crypto.seal(&key, b"c:1 1-ab", body).await.unwrap();
    assert_eq!(sealed.len(), 12 + body.len() + 16, "the iv, the ciphertext, the tag");
    assert!(!sealed.windows(4).any(|w| w == b"Berg"));
    assert_ne!(
        crypto.seal(&key, b"c:1 1-ab", body).await.unwrap(),
        sealed,
        "a fresh iv each time"
    );

    assert_eq!(
        crypto.open(&key, b"c:1 1-ab", &sealed).await.as_deref(),
        Some(&body[..])
    );
    let wrong = crypto.derive("wrong horse", b"0123456789abcdef", 1_000).await.unwrap();
    assert_eq!(crypto.open(&wrong, b"c:1 1-ab", &sealed).await, None, "another key");
    assert_eq!(
        crypto.open(&key, b"c:2 1-ab", &sealed).await,
        None,
        "moved to another id"
    );
    let mut altered = sealed.clone();
    altered[20] ^= 1;
    assert_eq!(crypto.open(&key, b"c:1 1-ab", &altered).await, None, "altered");
}
