//! The browser side of sync: `fetch` for the requests the replicator asks for, telling apart why a
//! request failed (unreachable, CORS, an `http://` server from an `https://` page), `Link`, which
//! seals the bodies with WebCrypto when encryption is on, and the async loop that drives one sync,
//! saving the data and the bookkeeping as it goes. Every decision is in `crate::sync`.

use super::crypt::WebCrypto;
use super::LocalKv;
use crate::app::AppState;
use crate::sync::crypt::{AsyncTransport, DerivedKey, Encryption, Mode, Sealed};
use crate::sync::meta::{self, History, Settings, SyncMeta};
use crate::sync::{HttpRequest, HttpResponse, Progress, PushScope, Replicator, Report, Step, SyncError};
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Headers, RequestCache, RequestCredentials, RequestInit, RequestMode, Response};

/// What the screens show of sync. One per app, created by `provide`.
#[derive(Clone, Copy)]
pub struct SyncState {
    /// The server, once set up.
    pub settings: RwSignal<Option<Settings>>,
    pub running: RwSignal<bool>,
    pub progress: RwSignal<Progress>,
    /// Why the last sync failed, until one succeeds.
    pub error: RwSignal<Option<String>>,
    /// Documents the server refused or that could not be read, from the last sync.
    pub warnings: RwSignal<Vec<String>>,
    pub last_synced: RwSignal<Option<i64>>,
    pub history: RwSignal<History>,
    /// The data's change number when the last sync that ended began: what changed after it is
    /// what the next push looks at (`PushScope`). `None` until a sync of this page ends.
    synced_seq: StoredValue<Option<u64>>,
    /// Sync's bookkeeping as the last sync of this page saved it (`run` checks it is still what
    /// storage holds before using it).
    meta: StoredValue<Option<SyncMeta>>,
}

impl SyncState {
    fn new() -> Self {
        SyncState {
            settings: RwSignal::new(Settings::load(&LocalKv)),
            running: RwSignal::new(false),
            progress: RwSignal::new(Progress::default()),
            error: RwSignal::new(None),
            warnings: RwSignal::new(Vec::new()),
            last_synced: RwSignal::new(SyncMeta::load(&LocalKv).ok().flatten().and_then(|m| m.last_synced())),
            history: RwSignal::new(History::load(&LocalKv)),
            synced_seq: StoredValue::new(None),
            meta: StoredValue::new(None),
        }
    }

    /// Whether syncs may run now: set up, not paused, and this page allowed to reach the server.
    pub fn active(&self) -> bool {
        self.settings
            .with_untracked(|s| s.as_ref().is_some_and(|s| !s.paused && page_allows(&s.url)))
    }
}

pub fn provide() -> SyncState {
    let state = SyncState::new();
    provide_context(state);
    state
}

pub fn use_sync() -> SyncState {
    expect_context::<SyncState>()
}

/// The origin index.html's first script allowed in this page's Content-Security-Policy (from
/// `vouch-sync.origin` as it was when the page loaded); "" when sync was not set up then.
pub fn allowed_origin() -> String {
    document()
        .query_selector("meta[data-vouch-sync]")
        .ok()
        .flatten()
        .and_then(|m| m.get_attribute("data-vouch-sync"))
        .unwrap_or_default()
}

/// Whether this page may connect to `url`: the CSP fixed at load time decides, so a new server
/// needs a reload first.
pub fn page_allows(url: &str) -> bool {
    meta::origin(url).is_some_and(|o| o == allowed_origin())
}

fn describe(e: &JsValue) -> String {
    e.dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| e.as_string())
        .unwrap_or_else(|| format!("{e:?}"))
}

async fn fetch(
    url: &str,
    method: &str,
    body: Option<&str>,
    auth: Option<&str>,
    mode: RequestMode,
) -> Result<Response, JsValue> {
    let init = RequestInit::new();
    init.set_method(method);
    init.set_mode(mode);
    // Credentials go in the Authorization header only; no cookies either way.
    init.set_credentials(RequestCredentials::Omit);
    init.set_cache(RequestCache::NoStore);
    let headers = Headers::new()?;
    headers.set("Accept", "application/json")?;
    if let Some(auth) = auth {
        headers.set("Authorization", auth)?;
    }
    if let Some(body) = body {
        headers.set("Content-Type", "application/json")?;
        init.set_body(&JsValue::from_str(body));
    }
    init.set_headers(&headers);
    let window = web_sys::window().ok_or_else(|| JsValue::from_str("no window"))?;
    JsFuture::from(window.fetch_with_str_and_init(url, &init))
        .await?
        .dyn_into()
}

/// Checks, before any request, what the browser would refuse anyway.
fn precheck(settings: &Settings) -> Result<(), SyncError> {
    meta::origin(&settings.url).ok_or(SyncError::BadUrl)?;
    let page_https = document().location().and_then(|l| l.protocol().ok()).as_deref() == Some("https:");
    if meta::blocked_as_mixed_content(page_https, &settings.url) {
        return Err(SyncError::MixedContent);
    }
    Ok(())
}

/// Sends one replicator request to the database.
pub async fn send(settings: &Settings, request: &HttpRequest) -> Result<HttpResponse, SyncError> {
    let mut url = settings.database_url();
    if !request.path.is_empty() {
        url.push('/');
        url.push_str(&request.path);
    }
    let auth = settings.basic_auth();
    let response = match fetch(
        &url,
        request.method.as_str(),
        request.body.as_deref(),
        Some(&auth),
        RequestMode::Cors,
    )
    .await
    {
        Ok(r) => r,
        Err(_) => return Err(why_unreachable(settings).await),
    };
    let status = response.status();
    let text = match response.text() {
        Ok(p) => JsFuture::from(p)
            .await
            .ok()
            .and_then(|t| t.as_string())
            .unwrap_or_default(),
        Err(e) => return Err(SyncError::Unreachable(describe(&e))),
    };
    Ok(HttpResponse { status, body: text })
}

/// Where the passphrase waits between *Set up sync* and the first sync, which derives the key
/// with the server's salt (after the reload that lets the page reach the server): this tab's
/// sessionStorage, never localStorage, and only until then.
const PASSPHRASE_KEY: &str = "vouch-sync.passphrase";

fn session() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok()?
}

/// Keeps the passphrase for the next sync of this tab; `false` if the browser refused.
pub fn hold_passphrase(passphrase: &str) -> bool {
    session().is_some_and(|s| s.set_item(PASSPHRASE_KEY, passphrase).is_ok())
}

fn held_passphrase() -> Option<String> {
    session()?.get_item(PASSPHRASE_KEY).ok()?
}

fn drop_passphrase() {
    if let Some(s) = session() {
        let _ = s.remove_item(PASSPHRASE_KEY);
    }
}

struct Fetch(Settings);

impl AsyncTransport for Fetch {
    async fn send(&mut self, request: &HttpRequest) -> Result<HttpResponse, SyncError> {
        send(&self.0, request).await
    }
}

/// What one sync sends through: `fetch` to the database, with the bodies sealed when encryption is
/// on (`crate::sync::crypt`).
pub struct Link {
    sealed: Sealed<Fetch, WebCrypto>,
    state: SyncState,
}

impl Link {
    pub fn new(state: SyncState, settings: &Settings) -> Result<Link, SyncError> {
        let mode = match &settings.encryption {
            None => Mode::Off,
            Some(Encryption::Key(key)) => Mode::Key(key.clone()),
            Some(Encryption::Pending) => Mode::Passphrase(held_passphrase().ok_or(SyncError::PassphraseNeeded)?),
        };
        Ok(Link {
            sealed: Sealed::new(Fetch(settings.clone()), WebCrypto::default(), mode, &settings.database),
            state,
        })
    }

    pub async fn send(&mut self, request: &HttpRequest) -> Result<HttpResponse, SyncError> {
        let response = self.sealed.send(request).await;
        if let Some(key) = self.sealed.take_derived() {
            keep_key(self.state, &self.sealed.inner().0, key)?;
        }
        response
    }
}

/// Puts the key in place of the passphrase: later syncs use it without deriving again. Unless the
/// server was changed or forgotten while this sync ran: the key belongs to the one it synced with.
fn keep_key(state: SyncState, synced: &Settings, key: DerivedKey) -> Result<(), SyncError> {
    let Some(mut settings) = state.settings.get_untracked() else {
        return Ok(());
    };
    if (&settings.url, &settings.database) != (&synced.url, &synced.database) {
        return Ok(());
    }
    settings.encryption = Some(Encryption::Key(key));
    settings
        .save(&mut LocalKv)
        .map_err(|e| SyncError::Save(e.to_string()))?;
    state.settings.set(Some(settings));
    drop_passphrase();
    Ok(())
}

/// A fetch that fails without an answer is either a server that can't be reached or one that
/// answered without CORS headers; browsers hide which. An opaque (`no-cors`) request tells them
/// apart: it succeeds whenever the server answers at all.
async fn why_unreachable(settings: &Settings) -> SyncError {
    let origin = meta::origin(&settings.url).unwrap_or_default();
    let page = document().location().and_then(|l| l.origin().ok()).unwrap_or_default();
    match fetch(&settings.url, "GET", None, None, RequestMode::NoCors).await {
        Ok(_) => SyncError::Cors(origin, page),
        Err(_) => SyncError::Unreachable(origin),
    }
}

/// The Web Lock every tab of this origin takes to sync.
const SYNC_LOCK: &str = "vouch-sync";

/// Runs one sync now, unless one is running or sync is not active. Progress, the outcome and the
/// history land in `state`.
pub fn sync_now(app: AppState, state: SyncState) {
    let Some(settings) = state.settings.get_untracked() else {
        return;
    };
    if state.running.get_untracked() || settings.paused {
        return;
    }
    if !page_allows(&settings.url) {
        // Set up (or changed) in another tab after this page loaded, so its CSP does not allow it.
        state.error.set(Some(
            "this page was opened before the server was set up: reload it to sync.".into(),
        ));
        return;
    }
    state.running.set(true);
    state.progress.set(Progress::default());
    leptos::task::spawn_local(async move {
        // One tab syncs at a time; another tab's sync waits for this one, then finds little to do.
        let result = super::lock::exclusively(SYNC_LOCK, async move {
            super::mark("vouch:sync:start");
            let result = run(app, state, &settings).await;
            super::mark("vouch:sync:end");
            result
        })
        .await;
        state.running.set(false);
        match result {
            Ok(report) => {
                state.error.set(None);
                state.warnings.set(report.errors.clone());
                state.last_synced.set(Some(js_sys::Date::now() as i64));
                if !report.merges.is_empty() {
                    state.history.update(|h| h.record(&report.merges));
                    let _ = state.history.with_untracked(|h| h.save(&mut LocalKv));
                }
            }
            Err(e) => state.error.set(Some(e.to_string())),
        }
    });
}

async fn run(app: AppState, state: SyncState, settings: &Settings) -> Result<Report, SyncError> {
    precheck(settings)?;
    let save = |e: crate::store::StoreError| SyncError::Save(e.to_string());
    // The bookkeeping the last sync of this page left, while storage still holds exactly that:
    // loading 30,000 documents' worth is most of a sync that finds nothing new.
    let kept = state
        .meta
        .try_update_value(Option::take)
        .flatten()
        .filter(|m| m.matches_storage(&LocalKv));
    let stored = match kept {
        Some(m) => Some(m),
        None => SyncMeta::load(&LocalKv).map_err(save)?,
    };
    let (mut meta, scope) = match stored {
        Some(m) => {
            let scope = match state.synced_seq.get_value() {
                Some(seen) => PushScope::since(|parts| app.data.since(seen, parts)),
                None => PushScope::everything(),
            };
            (m, scope)
        }
        None => (
            SyncMeta::new(meta::new_device_id(super::new_id())),
            PushScope::everything(),
        ),
    };
    let result = sync_with(app, state, settings, &mut meta, scope).await;
    // Kept only when all of it is stored: a copy ahead of storage (a pull whose data could not
    // be saved) must never stand in for it.
    if meta.is_saved() {
        state.meta.set_value(Some(meta));
    }
    result
}

/// One sync from `meta` (as stored) to its end; every way out saves what it must first.
async fn sync_with(
    app: AppState,
    state: SyncState,
    settings: &Settings,
    meta: &mut SyncMeta,
    scope: PushScope,
) -> Result<Report, SyncError> {
    let save = |e: crate::store::StoreError| SyncError::Save(e.to_string());
    let seq = app.data.seq();
    let mut link = Link::new(state, settings)?;
    let mut replicator = Replicator::new(&settings.database, js_sys::Date::now() as i64).with_scope(scope);
    let mut response = None;
    let mut sent = 0usize;
    loop {
        let step = app.data.with_untracked(|d| replicator.step(response.take(), d, meta));
        state.progress.set(replicator.progress.clone());
        match step {
            Err(e) => {
                // What was applied and written so far stays recorded: the next sync resumes there.
                meta.save(&mut LocalKv).map_err(save)?;
                return Err(e);
            }
            Ok(Step::Send(request)) => match link.send(&request).await {
                Ok(r) => {
                    response = Some(r);
                    // Between pulls, the bookkeeping is saved now and then only: a push batch
                    // rewrites most shards, and what is lost by stopping here is recovered by
                    // `_revs_diff` next time (the server says it has those revisions).
                    sent += 1;
                    if sent.is_multiple_of(16) {
                        meta.save(&mut LocalKv).map_err(save)?;
                    }
                }
                Err(e) => {
                    meta.save(&mut LocalKv).map_err(save)?;
                    // A server that already answered this sync has CORS enabled: a request that
                    // fails now lost the connection, whatever the opaque probe says.
                    return Err(match e {
                        SyncError::Cors(origin, _) if sent > 0 => SyncError::Unreachable(origin),
                        e => e,
                    });
                }
            },
            Ok(Step::Apply(change)) => {
                // If the data can't be saved, the bookkeeping of this batch is dropped with it.
                if !app.apply_sync(&change) {
                    return Err(SyncError::Save(
                        "the browser's storage refused the pulled records".into(),
                    ));
                }
                meta.save(&mut LocalKv).map_err(save)?;
            }
            Ok(Step::Done(report)) => {
                meta.save(&mut LocalKv).map_err(save)?;
                // A document the server refused stays changed here: the next push looks again.
                if report.errors.is_empty() {
                    state.synced_seq.set_value(Some(seq));
                }
                return Ok(report);
            }
        }
    }
}

/// Starts over with another server or database: what this device knows of the old one's
/// revisions would be wrong there, so every record is sent again (the data itself stays).
pub fn use_new_server(state: SyncState, settings: Settings) -> Result<(), crate::store::StoreError> {
    SyncMeta::forget(&mut LocalKv)?;
    state.synced_seq.set_value(None);
    state.meta.set_value(None);
    settings.save(&mut LocalKv)?;
    state.last_synced.set(None);
    state.history.set(History::default());
    state.settings.set(Some(settings));
    Ok(())
}

/// Removes the server, its password, the encryption key and every sync record from this device;
/// the data stays.
pub fn forget(state: SyncState) {
    let _ = SyncMeta::forget(&mut LocalKv);
    state.synced_seq.set_value(None);
    state.meta.set_value(None);
    drop_passphrase();
    state.settings.set(None);
    state.error.set(None);
    state.warnings.set(Vec::new());
    state.last_synced.set(None);
    state.history.set(History::default());
}
