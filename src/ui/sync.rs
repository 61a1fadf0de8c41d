//! Sync's two views: the header's status line (which also starts syncs on open, when the browser
//! comes back online and a few seconds after a change), and the Sync section of Settings & data
//! (the server, an optional encryption passphrase, Sync now with its progress, Pause, Forget, and
//! the history of merges).

use crate::app::use_app;
use crate::sync::crypt::Encryption;
use crate::sync::{self, meta, Settings};
use crate::ui::fields::{FormErrors, TextField};
use crate::web::sync::{self as web_sync, use_sync};
use crate::web::LocalKv;
use leptos::prelude::*;
use std::time::Duration;

/// How long after the last change an automatic sync waits, so a burst of edits is one sync.
const DEBOUNCE: Duration = Duration::from_secs(3);

/// "Last synced 2 minutes ago" (or syncing, paused, failed) while sync is set up; nothing before.
#[component]
pub fn SyncStatus() -> impl IntoView {
    let app = use_app();
    let state = use_sync();
    web_sync::sync_now(app, state);
    let online = window_event_listener_untyped("online", move |_| web_sync::sync_now(app, state));
    let timer = StoredValue::new(None::<TimeoutHandle>);
    Effect::new(move |first: Option<()>| {
        app.data.track(crate::model::Parts::ALL);
        // The first run is the data as opened (synced above); pulls are not changes to push.
        if first.is_none() || state.running.get_untracked() || !state.active() {
            return;
        }
        if let Some(t) = timer.try_update_value(Option::take).flatten() {
            t.clear();
        }
        let handle = set_timeout_with_handle(move || web_sync::sync_now(app, state), DEBOUNCE).ok();
        timer.set_value(handle);
    });
    let now = RwSignal::new(js_sys::Date::now() as i64);
    let tick = set_interval_with_handle(move || now.set(js_sys::Date::now() as i64), Duration::from_secs(30)).ok();
    on_cleanup(move || {
        online.remove();
        if let Some(t) = tick {
            t.clear();
        }
    });
    let line = move || {
        let paused = state.settings.with(|s| s.as_ref().map(|s| s.paused))?;
        Some(if state.running.get() {
            "Syncing…".to_string()
        } else if paused {
            "Sync paused".to_string()
        } else if state.error.with(Option::is_some) {
            "Sync failed: see Settings & data".to_string()
        } else {
            match state.last_synced.get() {
                Some(at) => sync::synced_ago(now.get(), at),
                None => "Not synced yet".to_string(),
            }
        })
    };
    move || line().map(|l| view! { <p class="sync-status" role="status" aria-label="Sync status">{l}</p> })
}

const PASSPHRASE_HINT: &str = "Optional: encrypts every record on this device before it is sent, so the server sees only ids, revision numbers and timing. Use the same passphrase on every device. A lost passphrase cannot be recovered: there is no reset, and the data on the server can't be read without it. Leave empty to keep the current setting.";

/// The Sync section of Settings & data.
#[component]
pub fn SyncSection() -> impl IntoView {
    let app = use_app();
    let state = use_sync();
    let current = state.settings.get_untracked().unwrap_or_default();
    let url = RwSignal::new(current.url);
    let database = RwSignal::new(if current.database.is_empty() {
        "vouch".to_string()
    } else {
        current.database
    });
    let user = RwSignal::new(current.user);
    let password = RwSignal::new(current.password);
    // Never filled in from storage: this device keeps only the key made from it.
    let passphrase = RwSignal::new(String::new());
    let errors = RwSignal::new(Vec::<String>::new());
    let reloading = RwSignal::new(false);

    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut settings = Settings {
            url: url.get_untracked().trim().trim_end_matches('/').to_string(),
            database: database.get_untracked().trim().to_string(),
            user: user.get_untracked().trim().to_string(),
            password: password.get_untracked(),
            paused: false,
            encryption: None,
        };
        let mut problems = Vec::new();
        if meta::origin(&settings.url).is_none() {
            problems.push(
                "Server address must start with https:// (or http://), like https://couch.example.org".to_string(),
            );
        }
        if !sync::valid_database_name(&settings.database) {
            problems.push("Database must start with a lowercase letter and hold only a–z, 0–9 and _$()+-/".to_string());
        }
        if settings.user.is_empty() {
            problems.push("User name is required".to_string());
        }
        errors.set(problems);
        if !errors.with_untracked(Vec::is_empty) {
            return;
        }
        let same_server = state.settings.with_untracked(|s| {
            s.as_ref()
                .is_some_and(|s| s.url == settings.url && s.database == settings.database)
        });
        // An empty passphrase keeps what this server has (the field is empty after setup); a new one
        // is checked against the server's on the next sync.
        let new_passphrase = passphrase.get_untracked();
        settings.encryption = if !new_passphrase.is_empty() {
            if !web_sync::hold_passphrase(&new_passphrase) {
                errors.set(vec![
                    "This browser refused to keep the passphrase until the first sync.".to_string(),
                ]);
                return;
            }
            Some(Encryption::Pending)
        } else if same_server {
            state
                .settings
                .with_untracked(|s| s.as_ref().and_then(|s| s.encryption.clone()))
        } else {
            None
        };
        passphrase.set(String::new());
        let allowed = web_sync::page_allows(&settings.url);
        let saved = if same_server {
            settings.save(&mut LocalKv).map(|()| state.settings.set(Some(settings)))
        } else {
            web_sync::use_new_server(state, settings)
        };
        if let Err(e) = saved {
            errors.set(vec![format!("The settings could not be saved: {e}")]);
            return;
        }
        if allowed {
            web_sync::sync_now(app, state);
        } else {
            // This page's Content-Security-Policy was fixed when it loaded and lets it reach no
            // other server: reload so index.html allows this one; the sync starts on opening.
            reloading.set(true);
            let _ = window().location().reload();
        }
    };

    let toggle_pause = move |_| {
        state.settings.update(|s| {
            if let Some(s) = s {
                s.paused = !s.paused;
                let _ = s.save(&mut LocalKv);
            }
        });
        web_sync::sync_now(app, state);
    };
    let forget = move |_| {
        web_sync::forget(state);
        url.set(String::new());
        user.set(String::new());
        password.set(String::new());
        passphrase.set(String::new());
    };
    let set_up = move || state.settings.with(Option::is_some);
    let paused = move || state.settings.with(|s| s.as_ref().is_some_and(|s| s.paused));
    let encryption = move || state.settings.with(|s| s.as_ref().and_then(|s| s.encryption.clone()));

    view! {
        <section class="card" aria-labelledby="sync-heading">
            <h2 id="sync-heading">"Sync"</h2>
            <p class="hint">"Keep the same network on your laptop and phone through a CouchDB server you own (CouchDB 3, IBM Cloudant, PouchDB Server). Off until you set it up here: until then nothing leaves this device. Edits made offline on two devices are merged field by field when they sync."</p>
            {move || encryption().map(|e| {
                let words = match e {
                    Encryption::Key(_) => "End-to-end encryption is on: the server sees only ids, revision numbers and timing.",
                    Encryption::Pending => "End-to-end encryption starts with the next sync, which checks the passphrase against the server.",
                };
                view! { <p class="sync-encryption" role="status" aria-label="Encryption">{words}</p> }
            })}
            <form on:submit=save novalidate>
                <FormErrors errors=errors/>
                <TextField label="Server address" value=url kind="url" hint="For example https://couch.example.org"/>
                <TextField label="Database" value=database hint="Created if it does not exist and this user may create it."/>
                <TextField label="User name" value=user autocomplete="username"/>
                <TextField label="Password" value=password kind="password" autocomplete="current-password" hint="Kept in this browser so it can sync by itself; Forget this server removes it."/>
                <TextField label="Encryption passphrase" value=passphrase kind="password" autocomplete="new-password" hint=PASSPHRASE_HINT/>
                <div class="actions">
                    <button type="submit" class="button primary">{move || if set_up() { "Save server settings" } else { "Set up sync" }}</button>
                </div>
            </form>
            {move || reloading.get().then(|| view! { <p role="status">"Reloading to allow this server…"</p> })}
            {move || set_up().then(|| view! {
                <div class="actions">
                    <button type="button" class="button" disabled=move || state.running.get() || paused() on:click=move |_| web_sync::sync_now(app, state)>"Sync now"</button>
                    <button type="button" class="button ghost" on:click=toggle_pause>{move || if paused() { "Resume sync" } else { "Pause sync" }}</button>
                    <button type="button" class="button ghost danger" on:click=forget>"Forget this server"</button>
                </div>
                <SyncProgress/>
            })}
            {move || state.error.get().map(|e| view! { <p class="form-errors" role="alert">{format!("Sync failed: {e}")}</p> })}
            {move || {
                let warnings = state.warnings.get();
                (!warnings.is_empty()).then(|| view! {
                    <ul class="hint" aria-label="Sync warnings">{warnings.into_iter().map(|w| view! { <li>{w}</li> }).collect_view()}</ul>
                })
            }}
            <SyncHistory/>
        </section>
    }
}

/// The progress bar while a sync runs, and the outcome in words after.
#[component]
fn SyncProgress() -> impl IntoView {
    let state = use_sync();
    move || {
        let p = state.progress.get();
        if state.running.get() {
            let words = if p.pushing {
                format!("Sending {} of {} changes…", p.pushed, p.to_push)
            } else {
                format!("Receiving changes: {} so far…", p.pulled)
            };
            let (value, max) = if p.pushing {
                (p.pushed, p.to_push.max(1))
            } else {
                (0, 0)
            };
            view! {
                <div class="sync-progress">
                    {if max > 0 {
                        view! { <progress aria-label="Sync progress" max=max value=value></progress> }.into_any()
                    } else {
                        view! { <progress aria-label="Sync progress"></progress> }.into_any()
                    }}
                    <p class="hint">{words}</p>
                </div>
            }
            .into_any()
        } else {
            let last = state
                .last_synced
                .get()
                .map(|at| sync::synced_ago(js_sys::Date::now() as i64, at));
            view! {
                <p role="status" aria-label="Last sync">{last.map(|l| format!("{l}: {} received, {} sent.", p.pulled, p.pushed))}</p>
            }
            .into_any()
        }
    }
}

#[component]
fn SyncHistory() -> impl IntoView {
    let state = use_sync();
    move || {
        let notes = state.history.get().0;
        (!notes.is_empty()).then(|| {
            view! {
                <h3>"Sync history"</h3>
                <ul aria-label="Sync history">
                    {notes.into_iter().map(|n| {
                        let when = chrono::DateTime::from_timestamp_millis(n.at)
                            .map(|t| t.format("%Y-%m-%d %H:%M UTC").to_string())
                            .unwrap_or_default();
                        let fields = if n.fields.is_empty() { String::new() } else { format!(": both devices changed {}", n.fields.join(", ")) };
                        view! { <li>{format!("{when} — merged {}{fields}", n.what)}</li> }
                    }).collect_view()}
                </ul>
            }
        })
    }
}
