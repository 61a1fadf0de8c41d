//! Settings & data: the user's profile ("Me"), contacts in and out (import, export, duplicates,
//! sample data), backups, and what is stored where.

use crate::app::{href, use_app, Toast};
use crate::export;
use crate::model::Parts;
use crate::model::{Data, ProfileDraft};
use crate::store::{self, Backup};
use crate::ui::fields::{FormErrors, TextArea, TextField};
use crate::web::{self, LocalKv};
use leptos::prelude::*;
use leptos_router::components::A;
use wasm_bindgen::JsCast;

#[component]
pub fn Settings() -> impl IntoView {
    view! {
        <section class="page narrow">
            <h1>"Settings & data"</h1>
            <Me/>
            <ContactsSection/>
            <DataSection/>
            <crate::ui::sync::SyncSection/>
        </section>
    }
}

#[component]
fn Me() -> impl IntoView {
    let app = use_app();
    let draft = app.data.with_untracked(|d| ProfileDraft::from_profile(&d.profile));
    let name = RwSignal::new(draft.name);
    let headline = RwSignal::new(draft.headline);
    let skills = RwSignal::new(draft.skills);
    let resume_url = RwSignal::new(draft.resume_url);
    let signature = RwSignal::new(draft.signature);
    let errors = RwSignal::new(Vec::<String>::new());
    let saved = RwSignal::new(false);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let draft = ProfileDraft {
            name: name.get_untracked(),
            headline: headline.get_untracked(),
            skills: skills.get_untracked(),
            resume_url: resume_url.get_untracked(),
            signature: signature.get_untracked(),
        };
        match draft.build(web::now()) {
            Ok(profile) => {
                errors.set(Vec::new());
                app.set_profile(profile);
                saved.set(true);
            }
            Err(e) => {
                saved.set(false);
                errors.set(e.iter().map(ToString::to_string).collect());
            }
        }
    };
    view! {
        <section class="card" aria-labelledby="me-heading">
            <h2 id="me-heading">"Me"</h2>
            <p class="hint">"What every message you write with Vouch draws on. Nothing here leaves this device."</p>
            <form on:submit=save on:input=move |_| saved.set(false) novalidate>
                <FormErrors errors=errors/>
                <TextField label="Your name" value=name required=true autocomplete="name"/>
                <TextField label="Headline" value=headline hint="For example: Operations analyst, 6 years in logistics"/>
                <TextArea label="Skills and achievements" value=skills rows=4 hint="One per line. Short and concrete: \u{201c}Cut picking errors by 30%\u{201d}."/>
                <TextField label="Résumé link" value=resume_url kind="url" hint="Optional. A link you are happy to share, starting with https://"/>
                <TextArea label="Signature" value=signature rows=3 hint="How you sign off, with a phone number or link if you like."/>
                <div class="actions">
                    <button type="submit" class="button primary">"Save profile"</button>
                    <span class="saved" role="status">{move || saved.get().then_some("Saved.")}</span>
                </div>
            </form>
        </section>
    }
}

/// Import, export, duplicates and the sample network: everything that brings contacts in or out.
#[component]
fn ContactsSection() -> impl IntoView {
    let app = use_app();
    let export = move |kind: &'static str| {
        let (text, mime, ext) = app.data.with_untracked(|d| match kind {
            "csv" => (export::contacts_csv(d), export::CSV_MIME, "csv"),
            _ => (export::contacts_vcard(d), export::VCARD_MIME, "vcf"),
        });
        if !web::download(&web::dated_filename("vouch-contacts", ext), mime, &text) {
            app.show_toast(Toast {
                message: "The browser refused the download.".into(),
                undo: None,
            });
        }
    };
    let last_import = move || {
        app.last_import.get().map(|u| {
            let when = chrono::DateTime::from_timestamp_millis(u.batch.millis())
                .map(|t| crate::model::dates::short_date(t.date_naive()))
                .unwrap_or_default();
            let changed = if u.before.is_empty() {
                String::new()
            } else {
                format!(
                    " and updated {}",
                    crate::import::plan::count(u.before.len(), "contact", "contacts")
                )
            };
            format!(
                "The last import ({when}) added {}{changed}.",
                crate::import::plan::count(u.created, "contact", "contacts")
            )
        })
    };
    view! {
        <section class="card contacts-card" aria-labelledby="contacts-heading">
            <h2 id="contacts-heading">"Contacts in and out"</h2>
            <h3>"Import"</h3>
            <p>"LinkedIn's data export, vCards from a phone or Google, or any contacts spreadsheet. You see everything before it changes anything, and the same person is never added twice."</p>
            <div class="actions">
                <A href=href("/import") attr:class="button primary">"Import contacts"</A>
            </div>
            {move || last_import().map(|words| view! {
                <p>{words}" "
                    <button type="button" class="button small" on:click=move |_| app.undo_import()>"Undo the last import"</button>
                </p>
                <p class="hint">"Undo is possible until the next import."</p>
            })}
            <h3>"Export"</h3>
            <p>"Your contacts as a spreadsheet that opens cleanly in Excel or Google Sheets, or as vCards for a phone or address book."</p>
            <div class="actions">
                <button type="button" class="button" on:click=move |_| export("csv")>"Download contacts as CSV"</button>
                <button type="button" class="button" on:click=move |_| export("vcard")>"Download contacts as vCard"</button>
            </div>
            <h3>"Duplicates"</h3>
            <p><A href=href("/duplicates")>"Review people who are in your network twice"</A>" and merge them, keeping the history of both."</p>
            <h3>"Sample data"</h3>
            <p>"A small made-up network, tagged \u{201c}Sample data\u{201d}, to see Today, Backers and the ask wizard at work. One click takes it out again; your own contacts are never touched."</p>
            <div class="actions"><crate::ui::sample::SampleDataButton/></div>
        </section>
    }
}

/// A backup that parsed, waiting for the user to confirm replacing their data with it.
#[derive(Clone)]
struct PendingRestore {
    file: String,
    data: Data,
}

#[component]
fn DataSection() -> impl IntoView {
    let app = use_app();
    let restore_error = RwSignal::new(None::<String>);
    let pending = RwSignal::new(None::<PendingRestore>);
    let counts = Memo::new(move |_| {
        app.data.with(Parts::ALL, |d| {
            format!(
                "{} contacts, {} touchpoints, {} goals, {} asks, {} referrals",
                d.contacts.len(),
                d.touchpoints.len(),
                d.goals.len(),
                d.asks.len(),
                d.referrals.len()
            )
        })
    });
    // Re-measured whenever the data changes: the size localStorage counts against its quota,
    // the data's and, once sync is set up, its bookkeeping's.
    let used = Memo::new(move |_| {
        app.data.track(Parts::ALL);
        (
            store::storage_used(&LocalKv),
            crate::sync::SyncMeta::storage_used(&LocalKv),
        )
    });
    let used_words = move || {
        let (data, sync) = used.get();
        let of_it = if sync > 0 {
            format!(
                ", {} of it what sync keeps to know what the server has",
                store::budget_words(sync)
            )
        } else {
            String::new()
        };
        format!(
            "Using {} of the roughly 2.5 million characters browsers allow a site{of_it}.",
            store::budget_words(data + sync)
        )
    };

    let on_file = move |ev: leptos::ev::Event| {
        restore_error.set(None);
        pending.set(None);
        let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else {
            return;
        };
        let Some(file) = input.files().and_then(|f| f.get(0)) else {
            return;
        };
        input.set_value("");
        let name = file.name();
        if file.size() > crate::store::backup::MAX_BACKUP_BYTES as f64 {
            restore_error.set(Some(format!("{name}: the file is too large to be a Vouch backup.")));
            return;
        }
        leptos::task::spawn_local(async move {
            let text = wasm_bindgen_futures::JsFuture::from(file.text()).await;
            match text.ok().and_then(|t| t.as_string()) {
                None => restore_error.set(Some(format!("{name}: the file could not be read."))),
                Some(text) => match Backup::parse(&text) {
                    Ok(data) => pending.set(Some(PendingRestore { file: name, data })),
                    Err(e) => restore_error.set(Some(format!("{name}: {e}. Nothing was changed."))),
                },
            }
        });
    };

    let confirm = move |_| {
        if let Some(p) = pending.get_untracked() {
            let n = p.data.contacts.len();
            app.replace_all(p.data);
            pending.set(None);
            app.show_toast(Toast {
                message: format!("Restored {n} contacts from {}.", p.file),
                undo: None,
            });
        }
    };

    // Merging keeps everything here and adds or merges the backup's records, as a sync would.
    let merge = move |_| {
        if let Some(p) = pending.get_untracked() {
            let (change, count) = app.data.with_untracked(|d| crate::sync::docs::merge_backup(d, &p.data));
            if app.apply_sync(&change) {
                app.show_toast(Toast {
                    message: format!(
                        "Merged {} from {}.",
                        crate::import::plan::count(count, "record", "records"),
                        p.file
                    ),
                    undo: None,
                });
            }
            pending.set(None);
        }
    };

    view! {
        <section class="card" aria-labelledby="data-heading">
            <h2 id="data-heading">"Your data"</h2>
            <p>"Stored in this browser only: " {move || counts.get()} "."</p>
            <p class="hint">{used_words}</p>
            <div class="actions">
                <button type="button" class="button" on:click=move |_| crate::web::backup::download_backup(app)>"Download a backup"</button>
            </div>
            <div class="field">
                <label for="restore-file">"Restore from a backup"</label>
                <input id="restore-file" type="file" accept=".json,application/json" on:change=on_file/>
                <p class="hint">"A file made with \u{201c}Download a backup\u{201d}. You will be asked before anything is replaced."</p>
            </div>
            {move || restore_error.get().map(|e| view! { <p class="form-errors" role="alert">{e}</p> })}
            {move || pending.get().map(|p| {
                let (now, then) = (app.data.with_untracked(|d| d.contacts.len()), p.data.contacts.len());
                view! {
                    <div class="confirm" role="alert">
                        <p>{format!("Merge the backup in {} ({then} contacts) into your data ({now} contacts), or replace your data with it? Merging adds what is missing and keeps the newer edit of each field; it deletes nothing.", p.file)}</p>
                        <div class="actions">
                            <button type="button" class="button" on:click=merge>"Merge with my data"</button>
                            <button type="button" class="button danger" on:click=confirm>"Replace my data"</button>
                            <button type="button" class="button ghost" on:click=move |_| pending.set(None)>"Cancel"</button>
                        </div>
                    </div>
                }
            })}
        </section>
        <section class="card" aria-labelledby="about-heading">
            <h2 id="about-heading">"Offline and private"</h2>
            <p>"Vouch makes no network requests of its own, unless you set up Sync below with a server of yours. Once opened, it works without a connection; install it from your browser's menu (\u{201c}Install app\u{201d} or \u{201c}Add to Home screen\u{201d}) to open it like any other app."</p>
        </section>
    }
}
