//! The Web Lock sync takes: a second job under the same name starts only once the first is done,
//! as a second tab's sync waits for the first tab's.

use std::cell::RefCell;
use std::rc::Rc;
use vouch::web::lock::exclusively;
use wasm_bindgen_test::*;

/// Waits `ms` milliseconds on the browser's timer.
async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

#[wasm_bindgen_test]
async fn a_second_job_under_the_same_lock_waits_for_the_first() {
    let log = Rc::new(RefCell::new(Vec::new()));
    let first = log.clone();
    wasm_bindgen_futures::spawn_local(exclusively("vouch-test-lock", async move {
        first.borrow_mut().push("first starts");
        sleep(60).await;
        first.borrow_mut().push("first ends");
    }));
    sleep(5).await;
    let second = log.clone();
    exclusively("vouch-test-lock", async move {
        second.borrow_mut().push("second starts");
        second.borrow_mut().push("second ends");
    })
    .await;
    assert_eq!(
        *log.borrow(),
        ["first starts", "first ends", "second starts", "second ends"]
    );

    // Another name is another lock: it runs while the first is held.
    let log = Rc::new(RefCell::new(Vec::new()));
    let held = log.clone();
    wasm_bindgen_futures::spawn_local(exclusively("vouch-test-lock", async move {
        sleep(60).await;
        held.borrow_mut().push("held ends");
    }));
    sleep(5).await;
    let other = log.clone();
    exclusively("vouch-test-other", async move { other.borrow_mut().push("other runs") }).await;
    sleep(100).await;
    assert_eq!(*log.borrow(), ["other runs", "held ends"]);
}
