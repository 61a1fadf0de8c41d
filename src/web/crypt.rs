//! WebCrypto behind the sync core's `Crypto`: PBKDF2-SHA256 for the key, AES-256-GCM for the
//! bodies, the browser's random numbers for ivs and salts. What is sealed, and when, is decided in
//! `crate::sync::crypt`.

use crate::sync::crypt::{Crypto, CryptoError};
use js_sys::{Array, Promise, Uint8Array};
use std::cell::RefCell;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{AesGcmParams, CryptoKey, Pbkdf2Params, SubtleCrypto};

const IV_LEN: usize = 12;
/// AES-GCM's tag, which WebCrypto appends to the ciphertext.
const TAG_LEN: usize = 16;

/// The browser's WebCrypto. One per sync.
#[derive(Default)]
pub struct WebCrypto {
    /// The AES key as imported once: importing it again for each of thousands of documents would
    /// be wasted work.
    imported: RefCell<Option<(Vec<u8>, CryptoKey)>>,
}

fn failed(e: JsValue) -> CryptoError {
    let text = e
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| e.as_string())
        .unwrap_or_else(|| format!("{e:?}"));
    CryptoError(text)
}

fn crypto() -> Result<web_sys::Crypto, CryptoError> {
    let window = web_sys::window().ok_or_else(|| CryptoError("no window".into()))?;
    window.crypto().map_err(failed)
}

/// `crypto.subtle` is there only in a secure context (https, or localhost).
fn subtle() -> Result<SubtleCrypto, CryptoError> {
    let subtle = crypto()?.subtle();
    if JsValue::from(subtle.clone()).is_undefined() {
        return Err(CryptoError(
            "WebCrypto is missing: this page must be served over https".into(),
        ));
    }
    Ok(subtle)
}

async fn call(promise: Result<Promise, JsValue>) -> Result<JsValue, CryptoError> {
    JsFuture::from(promise.map_err(failed)?).await.map_err(failed)
}

fn usages(names: &[&str]) -> JsValue {
    names.iter().map(|n| JsValue::from_str(n)).collect::<Array>().into()
}

fn gcm(iv: &[u8], aad: &[u8]) -> AesGcmParams {
    let params = AesGcmParams::new("AES-GCM", &Uint8Array::from(iv));
    params.set_additional_data(&Uint8Array::from(aad));
    params
}

impl WebCrypto {
    async fn aes_key(&self, key: &[u8]) -> Result<CryptoKey, CryptoError> {
        if let Some((raw, imported)) = &*self.imported.borrow() {
            if raw == key {
                return Ok(imported.clone());
            }
        }
        let promise = subtle()?.import_key_with_str(
            "raw",
            &Uint8Array::from(key),
            "AES-GCM",
            false,
            &usages(&["encrypt", "decrypt"]),
        );
        let imported: CryptoKey = call(promise).await?.unchecked_into();
        *self.imported.borrow_mut() = Some((key.to_vec(), imported.clone()));
        Ok(imported)
    }
}

impl Crypto for WebCrypto {
    async fn derive(&self, passphrase: &str, salt: &[u8], iterations: u32) -> Result<Vec<u8>, CryptoError> {
        let subtle = subtle()?;
        let base: CryptoKey = call(subtle.import_key_with_str(
            "raw",
            &Uint8Array::from(passphrase.as_bytes()),
            "PBKDF2",
            false,
            &usages(&["deriveBits"]),
        ))
        .await?
        .unchecked_into();
        let params = Pbkdf2Params::new_with_str("PBKDF2", "SHA-256", iterations, &Uint8Array::from(salt));
        let bits = call(subtle.derive_bits_with_object(&params, &base, 256)).await?;
        Ok(Uint8Array::new(&bits).to_vec())
    }

    async fn seal(&self, key: &[u8], aad: &[u8], plain: &[u8]) -> Result<Vec<u8>, CryptoError> {
        let iv = self.random(IV_LEN)?;
        let key = self.aes_key(key).await?;
        // WebCrypto copies `plain` when called, before the promise: the borrow ends here.
        let sealed = call(subtle()?.encrypt_with_object_and_u8_array(&gcm(&iv, aad), &key, plain)).await?;
        let mut out = iv;
        out.extend(Uint8Array::new(&sealed).to_vec());
        Ok(out)
    }

    async fn open(&self, key: &[u8], aad: &[u8], sealed: &[u8]) -> Option<Vec<u8>> {
        if sealed.len() < IV_LEN + TAG_LEN {
            return None;
        }
        let (iv, data) = sealed.split_at(IV_LEN);
        let key = self.aes_key(key).await.ok()?;
        let plain = call(
            subtle()
                .ok()?
                .decrypt_with_object_and_u8_array(&gcm(iv, aad), &key, data),
        )
        .await
        .ok()?;
        Some(Uint8Array::new(&plain).to_vec())
    }

    fn random(&self, len: usize) -> Result<Vec<u8>, CryptoError> {
        let mut bytes = vec![0; len];
        crypto()?.get_random_values_with_u8_array(&mut bytes).map_err(failed)?;
        Ok(bytes)
    }
}
