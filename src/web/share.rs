//! Getting a message out of the app without the app sending it: the clipboard, the system share
//! sheet, and a draft kept across reloads. Each reports failure instead of pretending.

use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;

/// Copies `text` to the clipboard. Errors carry the browser's reason, for the status line.
pub async fn copy_text(text: &str) -> Result<(), String> {
    let window = web_sys::window().ok_or("no window")?;
    let navigator = window.navigator();
    // Older browsers and insecure origins have no async clipboard at all.
    if !js_sys::Reflect::has(&navigator, &JsValue::from_str("clipboard")).unwrap_or(false) {
        return Err("this browser has no clipboard access here".into());
    }
    JsFuture::from(navigator.clipboard().write_text(text))
        .await
        .map(|_| ())
        .map_err(|e| describe(&e))
}

/// Whether the browser offers the system share sheet (phones mostly; desktop Chromium on Linux
/// does not), so the Share button is only drawn where it works.
pub fn can_share() -> bool {
    web_sys::window()
        .map(|w| js_sys::Reflect::has(&w.navigator(), &JsValue::from_str("share")).unwrap_or(false))
        .unwrap_or(false)
}

/// Opens the system share sheet with the message. A user who closes the sheet is not an error.
pub async fn share(title: &str, text: &str) -> Result<(), String> {
    let window = web_sys::window().ok_or("no window")?;
    let data = web_sys::ShareData::new();
    if !title.is_empty() {
        data.set_title(title);
    }
    data.set_text(text);
    match JsFuture::from(window.navigator().share_with_data(&data)).await {
        Ok(_) => Ok(()),
        Err(e) if describe(&e).starts_with("AbortError") => Ok(()),
        Err(e) => Err(describe(&e)),
    }
}

fn describe(e: &JsValue) -> String {
    if let Some(err) = wasm_bindgen::JsCast::dyn_ref::<js_sys::Error>(e) {
        return format!("{}: {}", String::from(err.name()), String::from(err.message()));
    }
    e.as_string().unwrap_or_else(|| "the browser refused".into())
}

/// A small piece of state kept in localStorage outside the store's `vouch.` keys (the store would
/// treat an unknown key of its own as damage): an unfinished wizard, for instance. Losing it costs
/// a draft, never saved data, so a failed write is returned for a quiet note, not the banner.
pub mod scratch {
    fn storage() -> Option<web_sys::Storage> {
        web_sys::window()?.local_storage().ok().flatten()
    }

    pub fn get(key: &str) -> Option<String> {
        storage()?.get_item(key).ok().flatten()
    }

    pub fn set(key: &str, value: &str) -> bool {
        storage().is_some_and(|s| s.set_item(key, value).is_ok())
    }

    pub fn remove(key: &str) {
        if let Some(s) = storage() {
            let _ = s.remove_item(key);
        }
    }
}
