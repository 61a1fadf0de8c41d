//! The browser side of persistence and files: localStorage behind the store's `KeyValue`, the clock,
//! downloads, the service worker, and the last-resort panic screen. Thin on purpose: every decision
//! lives in the pure core.

pub mod backup;
pub mod case;
pub mod clock;
pub mod crypt;
pub mod data;
pub mod lock;
pub mod prefs;
pub mod share;
pub mod sync;

use crate::model::{Id, Stamp};
use crate::store::{KeyValue, StoreError};
use wasm_bindgen::{JsCast, JsValue};

/// localStorage as the store's key-value map. Holds nothing: each call asks the window, so the type
/// is `Send` and a storage that becomes unavailable is reported on the next call.
#[derive(Clone, Copy, Debug, Default)]
pub struct LocalKv;

fn storage() -> Result<web_sys::Storage, StoreError> {
    let window = web_sys::window().ok_or_else(|| StoreError::Unavailable("no window".into()))?;
    match window.local_storage() {
        Ok(Some(s)) => Ok(s),
        Ok(None) => Err(StoreError::Unavailable("localStorage is missing".into())),
        Err(e) => Err(StoreError::Unavailable(describe(&e))),
    }
}

/// Maps a DOMException from a write to the store's error: a full storage is its own case because
/// the user can do something about it.
fn write_error(e: JsValue) -> StoreError {
    match e.dyn_ref::<web_sys::DomException>() {
        Some(d) if d.name() == "QuotaExceededError" || d.code() == 22 => StoreError::QuotaExceeded,
        _ => StoreError::Unavailable(describe(&e)),
    }
}

fn describe(e: &JsValue) -> String {
    if let Some(d) = e.dyn_ref::<web_sys::DomException>() {
        return format!("{}: {}", d.name(), d.message());
    }
    e.as_string().unwrap_or_else(|| format!("{e:?}"))
}

impl KeyValue for LocalKv {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        storage()?
            .get_item(key)
            .map_err(|e| StoreError::Unavailable(describe(&e)))
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), StoreError> {
        storage()?.set_item(key, value).map_err(write_error)
    }

    fn remove(&mut self, key: &str) -> Result<(), StoreError> {
        storage()?.remove_item(key).map_err(write_error)
    }

    fn keys(&self) -> Result<Vec<String>, StoreError> {
        let s = storage()?;
        let len = s.length().map_err(|e| StoreError::Unavailable(describe(&e)))?;
        Ok((0..len).filter_map(|i| s.key(i).ok().flatten()).collect())
    }
}

/// Reads a file the user picked or dropped, whole.
pub async fn read_file(file: &web_sys::File) -> Result<Vec<u8>, String> {
    let buffer = wasm_bindgen_futures::JsFuture::from(file.array_buffer())
        .await
        .map_err(|e| describe(&e))?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// Lets the page paint and answer input before the next piece of a long job, so no single task
/// holds it for long.
pub async fn yield_to_page() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Runs `f` once index.html's frame has been painted. When the wasm arrives before the first paint
/// (a fast network, a cached copy), the app would otherwise replace the frame before anyone saw
/// it, and its first paint would wait for the whole first render.
///
/// index.html's `vouchPainted` promise says when the browser has recorded the frame's largest
/// paint (or the next frame, where that is not reported); waiting for that, not just any paint,
/// keeps the frame's paint from being lost when the app replaces it right after (Chromium then
/// records none, and the app's own paint counts as the page's largest, as if it had waited for the
/// wasm). It is waited for 100 ms at most. A page without it has no frame to wait for.
pub fn after_first_paint(f: impl FnOnce() + 'static) {
    let Some(window) = web_sys::window() else {
        return f();
    };
    let recorded = js_sys::Reflect::get(&window, &JsValue::from_str("vouchPainted"))
        .ok()
        .and_then(|p| p.dyn_into::<js_sys::Promise>().ok());
    let Some(recorded) = recorded else {
        return f();
    };
    let cap = js_sys::Promise::new(&mut |ok, _| {
        let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&ok, 100);
    });
    let first = js_sys::Promise::race(&js_sys::Array::of2(&recorded, &cap));
    wasm_bindgen_futures::spawn_local(async move {
        let _ = wasm_bindgen_futures::JsFuture::from(first).await;
        f();
    });
}

/// Leaves a named mark on the page's performance timeline (`vouch:parse:start`, …), so the
/// benchmark can time the steps of a long job from outside without the app keeping figures.
pub fn mark(name: &str) {
    if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
        let _ = p.mark(name);
    }
}

pub fn now() -> Stamp {
    Stamp::from_millis(js_sys::Date::now() as i64)
}

/// Today in the user's own time zone: "due today" means their today, not UTC's. Read once, for
/// an action (a file name, a logged touch); a screen that shows dates follows `clock::today()`.
pub fn today() -> chrono::NaiveDate {
    let d = js_sys::Date::new_0();
    chrono::NaiveDate::from_ymd_opt(d.get_full_year() as i32, d.get_month() + 1, d.get_date()).unwrap_or_default()
}

/// The local time zone's offset east of UTC, in minutes, at a given moment (daylight saving
/// makes it depend on the moment). JavaScript counts the other way round, west of UTC.
pub fn utc_offset_minutes(at: chrono::DateTime<chrono::Utc>) -> i32 {
    let date = js_sys::Date::new(&JsValue::from_f64(at.timestamp_millis() as f64));
    -(date.get_timezone_offset() as i32)
}

pub fn new_id() -> Id {
    Id::new_v4()
}

/// Offers `text` as a file download. Returns false if the browser refused.
pub fn download(filename: &str, mime: &str, text: &str) -> bool {
    let Some(url) = blob_url(mime, text) else {
        return false;
    };
    let clicked = (|| {
        let document = web_sys::window()?.document()?;
        let a: web_sys::HtmlAnchorElement = document.create_element("a").ok()?.dyn_into().ok()?;
        a.set_href(&url);
        a.set_download(filename);
        document.body()?.append_child(&a).ok()?;
        a.click();
        a.remove();
        Some(())
    })()
    .is_some();
    // The download has started by now; the URL is only needed for the click.
    let _ = web_sys::Url::revoke_object_url(&url);
    clicked
}

fn blob_url(mime: &str, text: &str) -> Option<String> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).ok()?;
    web_sys::Url::create_object_url_with_blob(&blob).ok()
}

/// The raw stored values as JSON, readable even when the data can't be decoded.
pub fn raw_dump_json() -> String {
    let store = crate::store::Store::new(LocalKv);
    match store.raw_dump() {
        Ok(map) => crate::store::pretty_json(&serde_json::to_string(&map).unwrap_or_default()),
        Err(e) => format!("{{\"error\": {:?}}}", e.to_string()),
    }
}

/// A file name with the date, so downloads don't overwrite each other.
pub fn dated_filename(prefix: &str, ext: &str) -> String {
    format!("{prefix}-{}.{ext}", crate::model::dates::iso(today()))
}

/// Registers the service worker that makes the app work offline. Failure only costs offline use,
/// so it is logged, not shown.
pub fn register_service_worker() {
    let Some(window) = web_sys::window() else { return };
    let container = window.navigator().service_worker();
    let _ = container.register("sw.js");
}

/// Shows the crash screen on any panic. Runs inside the panic hook, so it uses plain DOM calls.
pub fn install_panic_screen() {
    std::panic::set_hook(Box::new(|info| {
        let message = info.to_string();
        web_sys::console::error_1(&JsValue::from_str(&message));
        if let Some(body) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.body()) {
            show_panic_screen(&body, &message);
        }
    }));
}

/// Replaces a dead page with an explanation and a download link for the user's data. The link is
/// built up front (a blob URL on a plain anchor): after a panic no Rust event handler can be trusted
/// to run.
pub fn show_panic_screen(body: &web_sys::HtmlElement, message: &str) {
    let _ = (|| {
        let document = web_sys::window()?.document()?;
        body.set_inner_html("");
        let main = document.create_element("main").ok()?;
        main.set_class_name("panic");
        main.set_attribute("role", "alert").ok()?;
        let h = document.create_element("h1").ok()?;
        h.set_text_content(Some("Vouch stopped because of an error"));
        let p = document.create_element("p").ok()?;
        p.set_text_content(Some(
            "Your saved data is still in this browser. Download a copy to be safe, then reload the page.",
        ));
        let detail = document.create_element("pre").ok()?;
        detail.set_text_content(Some(message));
        let a: web_sys::HtmlAnchorElement = document.create_element("a").ok()?.dyn_into().ok()?;
        a.set_class_name("button primary");
        a.set_text_content(Some("Download my saved data"));
        if let Some(url) = blob_url("application/json", &raw_dump_json()) {
            a.set_href(&url);
        }
        a.set_download("vouch-saved-data.json");
        let reload: web_sys::HtmlAnchorElement = document.create_element("a").ok()?.dyn_into().ok()?;
        reload.set_class_name("button");
        reload.set_text_content(Some("Reload"));
        reload.set_href(&web_sys::window()?.location().href().ok()?);
        for child in [&h, &p, a.as_ref(), reload.as_ref(), &detail] {
            main.append_child(child).ok()?;
        }
        body.append_child(&main).ok()?;
        Some(())
    })();
}
