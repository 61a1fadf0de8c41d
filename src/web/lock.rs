//! One job at a time across every tab of this origin, through the browser's Web Locks API: two
//! tabs that synced at once would each pull, merge and push from their own copy of sync's
//! bookkeeping, and make conflicts for the server to hold. Reached through `Reflect`, because
//! web-sys exposes the API only behind its unstable flag.

use js_sys::{Function, Promise, Reflect};
use std::cell::RefCell;
use std::future::Future;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::{future_to_promise, JsFuture};

/// `navigator.locks.request`, where the browser has it (not outside secure contexts).
fn request() -> Option<(JsValue, Function)> {
    let navigator = web_sys::window()?.navigator();
    let locks = Reflect::get(&navigator, &JsValue::from_str("locks"))
        .ok()
        .filter(JsValue::is_object)?;
    let request = Reflect::get(&locks, &JsValue::from_str("request"))
        .ok()?
        .dyn_into()
        .ok()?;
    Some((locks, request))
}

/// Runs `job` holding the lock `name` (if another tab holds it, once that tab is done) and gives
/// its output. Without Web Locks, `job` just runs.
pub async fn exclusively<T: 'static>(name: &str, job: impl Future<Output = T> + 'static) -> T {
    let job = Rc::new(RefCell::new(Some(job)));
    let output = Rc::new(RefCell::new(None));
    if let Some((locks, request)) = request() {
        let (granted, done) = (job.clone(), output.clone());
        // Called once the lock is granted; the lock is released when the promise it returns
        // settles, that is, when the job is done.
        let callback = Closure::once(move |_lock: JsValue| -> Promise {
            let job = granted.borrow_mut().take();
            future_to_promise(async move {
                if let Some(job) = job {
                    *done.borrow_mut() = Some(job.await);
                }
                Ok(JsValue::UNDEFINED)
            })
        });
        let answer = request
            .call2(&locks, &JsValue::from_str(name), callback.as_ref().unchecked_ref())
            .ok()
            .and_then(|p| p.dyn_into::<Promise>().ok());
        if let Some(promise) = answer {
            let _ = JsFuture::from(promise).await;
        }
    }
    if let Some(out) = output.take() {
        return out;
    }
    // Not taken by the lock (no Web Locks, or the request failed): run without it.
    let job = job
        .borrow_mut()
        .take()
        .expect("a job not taken by the lock is still here");
    job.await
}
