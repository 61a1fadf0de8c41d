//! Browser tests (wasm-bindgen-test in headless Chromium): the localStorage adapter, a real full
//! storage, and the recovery screen for unreadable data. Run with `make test-browser`.
#![cfg(target_arch = "wasm32")]

#[path = "browser/case.rs"]
mod case;
#[path = "browser/crypt.rs"]
mod crypt;
#[path = "browser/lock.rs"]
mod lock;

use leptos::prelude::*;
use leptos::task::tick;
use vouch::app::AppState;
use vouch::model::{Contact, Data, Id, Stamp};
use vouch::store::{shard_key, shard_of, KeyValue, Store, StoreError, META_KEY};
use vouch::web::LocalKv;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn storage() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

fn contact(n: u128, name: &str) -> Contact {
    Contact::new(Id::from_u128(n), name, Stamp::from_millis(1_700_000_000_000))
}

/// Fills the origin's storage until the browser refuses even one more character.
fn fill_storage() {
    let s = storage();
    let mut i = 0;
    let mut size = 1 << 20;
    while size >= 1 {
        let chunk = "x".repeat(size);
        while s.set_item(&format!("filler-{i}"), &chunk).is_ok() {
            i += 1;
        }
        i += 1;
        size /= 2;
    }
}

fn remove_filler() {
    let s = storage();
    let keys: Vec<String> = (0..s.length().unwrap()).filter_map(|i| s.key(i).unwrap()).collect();
    for k in keys.into_iter().filter(|k| k.starts_with("filler-")) {
        s.remove_item(&k).unwrap();
    }
}

/// Everything the page shows, as a person would read it.
fn page_text() -> String {
    web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .body()
        .unwrap()
        .text_content()
        .unwrap()
}

fn mount_point() -> web_sys::HtmlElement {
    let document = web_sys::window().unwrap().document().unwrap();
    let div = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&div).unwrap();
    div.unchecked_into()
}

#[wasm_bindgen_test]
fn local_storage_adapter_reads_writes_lists_and_removes() {
    storage().clear().unwrap();
    let mut kv = LocalKv;
    assert_eq!(kv.get("vouch.test").unwrap(), None);
    kv.set("vouch.test", "Zoë \u{1234}").unwrap();
    assert_eq!(kv.get("vouch.test").unwrap().as_deref(), Some("Zoë \u{1234}"));
    assert!(kv.keys().unwrap().contains(&"vouch.test".to_string()));
    kv.remove("vouch.test").unwrap();
    assert_eq!(kv.get("vouch.test").unwrap(), None);
}

#[wasm_bindgen_test]
fn packed_shards_survive_local_storage_intact() {
    storage().clear().unwrap();
    let mut data = Data::default();
    for c in vouch::sample::contacts(500, 3) {
        data.contacts.insert(c.id, c);
    }
    let mut store = Store::new(LocalKv);
    store
        .save_many::<Contact>(&data, data.contacts.keys().copied())
        .unwrap();
    assert_eq!(Store::new(LocalKv).load().unwrap(), data);
}

/// An empty storage with one contact saved, its app state, and the save banner mounted over it:
/// where the full-storage tests start.
fn one_saved_contact_and_the_banner() -> (AppState, impl Drop) {
    storage().clear().unwrap();
    let mut store = Store::new(LocalKv);
    let mut data = Data::default();
    data.contacts.insert(Id::from_u128(1), contact(1, "Saved First"));
    store.save::<Contact>(&data, Id::from_u128(1)).unwrap();
    let state = AppState::new(data, store);
    let mounted = leptos::mount::mount_to(mount_point(), move || {
        provide_context(state);
        view! { <vouch::ui::banner::SaveBanner/> }
    });
    (state, mounted)
}

#[wasm_bindgen_test]
async fn a_full_storage_keeps_the_change_in_memory_and_shows_the_banner() {
    let (state, _mounted) = one_saved_contact_and_the_banner();

    fill_storage();
    let stored_before = storage()
        .get_item(&shard_key("c", shard_of(Id::from_u128(2), 64)))
        .unwrap();
    state.put(contact(2, "Added While Full"));
    tick().await;

    assert_eq!(state.save_error.get_untracked(), Some(StoreError::QuotaExceeded));
    assert!(
        state
            .data
            .with_untracked(|d| d.contacts.contains_key(&Id::from_u128(2))),
        "kept in memory"
    );
    assert_eq!(
        storage()
            .get_item(&shard_key("c", shard_of(Id::from_u128(2), 64)))
            .unwrap(),
        stored_before,
        "nothing half-written"
    );
    let text = page_text();
    assert!(
        text.contains("Not saved: the browser's storage for this site is full"),
        "{text}"
    );

    remove_filler();
    state.retry_save();
    tick().await;
    assert_eq!(state.save_error.get_untracked(), None);
    let loaded = Store::new(LocalKv).load().unwrap();
    assert_eq!(loaded.contacts.len(), 2);
    storage().clear().unwrap();
}

#[wasm_bindgen_test]
async fn unreadable_data_opens_recovery_and_is_never_overwritten() {
    storage().clear().unwrap();
    storage().set_item(META_KEY, r#"{"version":1}"#).unwrap();
    let key = shard_key("c", 0);
    storage().set_item(&key, "garbage, not a shard").unwrap();

    let _mounted = leptos::mount::mount_to(mount_point(), vouch::app::App);
    tick().await;

    let text = page_text();
    assert!(text.contains("Vouch can't open your saved data"), "{text}");
    assert!(text.contains("vouch.c.00"), "names the unreadable entry: {text}");
    assert_eq!(
        storage().get_item(&key).unwrap().as_deref(),
        Some("garbage, not a shard")
    );
    storage().clear().unwrap();
}

#[wasm_bindgen_test]
async fn the_crash_screen_offers_the_saved_data_as_a_download() {
    storage().clear().unwrap();
    storage().set_item(META_KEY, r#"{"version":1}"#).unwrap();
    storage().set_item("vouch.profile", r#"{"n":"Sam <b>"}"#).unwrap();
    let screen = mount_point();
    vouch::web::show_panic_screen(&screen, "index out of bounds <script>");

    let text = screen.text_content().unwrap();
    assert!(text.contains("Vouch stopped because of an error"), "{text}");
    assert!(
        text.contains("index out of bounds <script>"),
        "the message is shown as text: {text}"
    );
    assert!(
        screen.query_selector("main.panic script").unwrap().is_none(),
        "no markup from the message"
    );
    let link: web_sys::HtmlAnchorElement = screen.query_selector("a[download]").unwrap().unwrap().unchecked_into();
    assert_eq!(link.download(), "vouch-saved-data.json");
    assert!(link.href().starts_with("blob:"), "{}", link.href());

    // The blob holds exactly what is stored.
    let response = wasm_bindgen_futures::JsFuture::from(web_sys::window().unwrap().fetch_with_str(&link.href()))
        .await
        .unwrap();
    let response: web_sys::Response = response.unchecked_into();
    let body = wasm_bindgen_futures::JsFuture::from(response.text().unwrap())
        .await
        .unwrap();
    let saved: std::collections::BTreeMap<String, String> = serde_json::from_str(&body.as_string().unwrap()).unwrap();
    assert_eq!(
        saved.get("vouch.profile").map(String::as_str),
        Some(r#"{"n":"Sam <b>"}"#)
    );
    storage().clear().unwrap();
}

/// The message editor counts against the channel's limit and the coach re-reads the text as it
/// changes, as the user would see it while editing.
#[wasm_bindgen_test]
async fn the_message_editor_counts_and_coaches_the_text_as_it_changes() {
    use vouch::compose::{CoachContext, MessageKind};
    use vouch::model::Channel;
    use vouch::ui::message::MessageEditor;

    let body = RwSignal::new("Hi Ana, could you refer me for the planner role? No worries if not.".to_string());
    let subject = RwSignal::new(String::new());
    let ctx = CoachContext {
        kind: MessageKind::Referral,
        channel: Channel::LinkedInConnectionNote,
        recipient: "Ana Souza".into(),
        shared: String::new(),
        admired: String::new(),
        referrer: String::new(),
        roles: vec!["planner".into()],
        company: "Maersk".into(),
        fit_points: Vec::new(),
        offer_back: String::new(),
    };
    let root = mount_point();
    let _handle = leptos::mount::mount_to(root.clone(), move || {
        view! {
            <MessageEditor
                subject=subject
                body=body
                channel=Signal::derive(|| Channel::LinkedInConnectionNote)
                coach=Signal::derive(move || ctx.clone())
                to_email=Signal::derive(String::new)
            />
        }
    });
    tick().await;
    let text = root.text_content().unwrap();
    assert!(text.contains("67 / 300 characters"), "{text}");
    assert!(text.contains("Passes: Addressed by name"), "{text}");
    assert!(!text.contains("Subject"), "a connection note has no subject: {text}");

    body.set(format!("Hello there, {}", "word ".repeat(70)));
    tick().await;
    let text = root.text_content().unwrap();
    assert!(text.contains("too long for this channel"), "{text}");
    assert!(text.contains("To fix: Addressed by name"), "{text}");
    root.remove();
}

/// The wizard's scratch draft lives outside the store's keys, so the store never mistakes it for
/// damaged data of its own.
#[wasm_bindgen_test]
fn an_unfinished_ask_is_kept_apart_from_saved_data() {
    use vouch::web::share::scratch;
    storage().clear().unwrap();
    assert!(scratch::set(vouch::ui::ask::DRAFT_KEY, "{\"step\":\"who\"}"));
    assert_eq!(
        scratch::get(vouch::ui::ask::DRAFT_KEY).as_deref(),
        Some("{\"step\":\"who\"}")
    );
    let loaded = Store::new(LocalKv).load();
    assert_eq!(loaded, Ok(Data::default()), "the draft alone is not saved data");
    scratch::remove(vouch::ui::ask::DRAFT_KEY);
    assert_eq!(scratch::get(vouch::ui::ask::DRAFT_KEY), None);
}

/// Every value Vouch keeps under its own keys, to compare storage before and after.
fn stored_data() -> Vec<(String, String)> {
    let s = storage();
    let mut out: Vec<(String, String)> = (0..s.length().unwrap())
        .filter_map(|i| s.key(i).unwrap())
        .filter(|k| k.starts_with("vouch."))
        .map(|k| {
            let v = s.get_item(&k).unwrap().unwrap_or_default();
            (k, v)
        })
        .collect();
    out.sort();
    out
}

/// Fills storage, then frees the smallest filler entries until at least `room` characters fit.
fn fill_storage_leaving(room: usize) {
    fill_storage();
    let s = storage();
    let mut fillers: Vec<(usize, String)> = (0..s.length().unwrap())
        .filter_map(|i| s.key(i).unwrap())
        .filter(|k| k.starts_with("filler-"))
        .map(|k| (s.get_item(&k).unwrap().map_or(0, |v| v.len()), k))
        .collect();
    fillers.sort();
    let mut freed = 0;
    for (len, key) in fillers {
        if freed >= room {
            break;
        }
        s.remove_item(&key).unwrap();
        freed += len;
    }
}

#[wasm_bindgen_test]
async fn an_import_that_does_not_fit_leaves_storage_as_it_was_and_the_banner_up() {
    use vouch::import::plan::{Choices, Options, Preview};
    let (state, _mounted) = one_saved_contact_and_the_banner();

    let mut csv = String::from("First Name,Last Name,URL,Email Address,Company,Position,Connected On\n");
    for i in 0..8_000 {
        csv.push_str(&format!(
            "Person{i},Fictional{},https://www.linkedin.com/in/p-{i}-{:x},,Company {},Role {},09 Nov 2018\n",
            i % 97,
            i * 2_654_435_761_u64 % 65_521,
            i % 31,
            i % 17
        ));
    }
    let files = vouch::import::read("Connections.csv", csv.as_bytes()).unwrap();
    let options = Options {
        tag: "LinkedIn test".into(),
        keep_message_text: false,
    };
    let now = Stamp::from_millis(1_764_547_200_000);
    let today = chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
    let batch = state
        .data
        .with_untracked(|d| Preview::build(d, &files).batch(d, &Choices::default(), &options, today, now));
    assert_eq!(batch.contacts.len(), 8_000);

    // Room for some shards of the import, not all of them.
    fill_storage_leaving(40_000);
    let before = stored_data();
    assert!(!state.import(batch), "the save is refused");
    tick().await;
    assert_eq!(state.save_error.get_untracked(), Some(StoreError::QuotaExceeded));
    assert_eq!(stored_data(), before, "nothing half-written: storage is as it was");
    assert_eq!(state.data.with_untracked(|d| d.contacts.len()), 8_001, "kept in memory");
    assert!(page_text().contains("Not saved: the browser's storage for this site is full"));

    // Room is made: Try again writes the whole import, and Undo takes all of it back out.
    remove_filler();
    state.retry_save();
    tick().await;
    assert_eq!(state.save_error.get_untracked(), None);
    assert_eq!(Store::new(LocalKv).load().unwrap().contacts.len(), 8_001);
    state.undo_import();
    tick().await;
    let loaded = Store::new(LocalKv).load().unwrap();
    assert_eq!(loaded.contacts.len(), 1);
    assert!(loaded.contacts.contains_key(&Id::from_u128(1)));
    storage().clear().unwrap();
}
