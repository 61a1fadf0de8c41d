//! The top of the browser app: opens the store, holds the one app state every screen shares, keeps
//! it in step with other tabs, and routes between screens.

use crate::import::plan::{Batch, ImportUndo, Touched};
use crate::model::{
    Ask, Change, Contact, Data, Goal, Id, KnowsLink, Parts, Profile, Referral, RemovedContact, Touchpoint,
};
use crate::store::{codec, KeyValue, Record, Store, StoreError};
use crate::ui;
use crate::web::data::SharedData;
use crate::web::{self, LocalKv};
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes, A};
use leptos_router::path;
use std::time::Duration;

/// A short message at the bottom of the screen, optionally with an Undo.
#[derive(Clone, Debug, PartialEq)]
pub struct Toast {
    pub message: String,
    pub undo: Option<ToastUndo>,
}

/// What a toast's Undo takes back.
#[derive(Clone, Debug, PartialEq)]
pub enum ToastUndo {
    Delete(Box<RemovedContact>),
    /// The last import, as `AppState::last_import` holds it.
    Import,
}

/// Where the last import's undo is kept between visits: outside the `vouch.` keys, so it is not
/// part of the data, its backups or its checks, and a damaged copy only loses the Undo.
const LAST_IMPORT_KEY: &str = "vouch-last-import";

/// The state every screen shares. `Copy`, so views capture it freely; the store itself is only
/// reached through `persist`, which turns every failed save into the banner.
#[derive(Clone, Copy)]
pub struct AppState {
    /// The data in memory. Views read it with the parts they follow (`data.with(Parts::…, …)`);
    /// only the methods below change it, each as one change and one save.
    pub data: SharedData,
    /// Why the last save failed; shown until a later save succeeds.
    pub save_error: RwSignal<Option<StoreError>>,
    pub toast: RwSignal<Option<Toast>>,
    /// What undoing the last import needs, until the next import replaces it.
    pub last_import: RwSignal<Option<ImportUndo>>,
    store: StoredValue<Store<LocalKv>>,
}

impl AppState {
    pub fn new(data: Data, store: Store<LocalKv>) -> Self {
        AppState {
            data: SharedData::new(data),
            save_error: RwSignal::new(None),
            toast: RwSignal::new(None),
            last_import: RwSignal::new(read_last_import()),
            store: StoredValue::new(store),
        }
    }

    /// Adds or replaces a record and saves it.
    pub fn put<T: Record + Send + Sync + 'static>(&self, record: T) {
        let id = record.id();
        self.data.update(|d| {
            T::map_mut(d).insert(id, record);
            ((), Change::after(&Touched::one(T::COLLECTION, id), d))
        });
        self.persist(|s, d| s.save::<T>(d, id));
    }

    /// Removes a record (not a contact: see `delete_contact`) and saves the removal.
    pub fn remove<T: Record + Send + Sync + 'static>(&self, id: Id) {
        self.data.update(|d| {
            // Read before the record goes: a removed touch still names its contact.
            let change = Change::after(&Touched::one(T::COLLECTION, id), d);
            T::map_mut(d).remove(&id);
            ((), change)
        });
        self.persist(|s, d| s.save::<T>(d, id));
    }

    pub fn set_profile(&self, profile: Profile) {
        self.data.update(|d| {
            d.profile = profile;
            ((), Change::of(Parts::PROFILE, Vec::new()))
        });
        self.persist(|s, d| s.save_profile(d));
    }

    /// Deletes a contact with everything that points at it, and offers Undo.
    pub fn delete_contact(&self, id: Id) {
        let Some(removed) = self
            .data
            .update(|d| (d.remove_contact(id), Change::of(Parts::ALL, vec![id])))
            .flatten()
        else {
            return;
        };
        self.persist_removed(&removed);
        self.show_toast(Toast {
            message: format!("Deleted {}.", removed.contact.name),
            undo: Some(ToastUndo::Delete(Box::new(removed))),
        });
    }

    pub fn undo_delete(&self, removed: RemovedContact) {
        let name = removed.contact.name.clone();
        let id = removed.contact.id;
        let saved = removed.clone();
        self.data
            .update(|d| (d.restore_contact(removed), Change::of(Parts::ALL, vec![id])));
        self.persist_removed(&saved);
        self.show_toast(Toast {
            message: format!("Restored {name}."),
            undo: None,
        });
    }

    fn persist_removed(&self, removed: &RemovedContact) {
        self.persist(|s, d| {
            s.save::<crate::model::Contact>(d, removed.contact.id)?;
            s.save_many::<crate::model::KnowsLink>(d, removed.links.iter().map(|r| r.id))?;
            s.save_many::<crate::model::Touchpoint>(d, removed.touchpoints.iter().map(|r| r.id))?;
            s.save_many::<crate::model::Ask>(d, removed.asks.iter().map(|r| r.id))?;
            s.save_many::<crate::model::Referral>(d, removed.referrals.iter().map(|r| r.id))
        });
    }

    /// Applies one change the core built (an import, its undo, a merge) and saves every record it
    /// touched in one write: it lands whole or not at all. Returns whether the save succeeded;
    /// on failure the change stays in memory, pending, and the banner is up.
    pub fn apply(&self, change: impl FnOnce(&mut Data) -> Touched) -> bool {
        self.apply_with_profile(change, false)
    }

    /// Imports a batch as one change and keeps what undoing it needs, in place of the last one's.
    pub fn import(&self, batch: Batch) -> bool {
        let saved = self.apply(|d| batch.apply(d));
        write_last_import(Some(&batch.undo));
        self.last_import.set(Some(batch.undo));
        saved
    }

    /// Takes the last import back out, as one change.
    pub fn undo_import(&self) {
        let Some(undo) = self.last_import.get_untracked() else {
            return;
        };
        let change = self.data.with_untracked(|d| undo.undo(d));
        let removed = change.remove_contacts.len();
        let restored = change.restore_contacts.len();
        if self.apply(|d| change.apply(d)) {
            write_last_import(None);
            self.last_import.set(None);
        }
        self.show_toast(Toast {
            message: format!(
                "Import undone: {} removed, {} put back as they were.",
                crate::import::plan::count(removed, "new contact", "new contacts"),
                crate::import::plan::count(restored, "contact", "contacts")
            ),
            undo: None,
        });
    }

    /// Replaces everything with a restored backup.
    pub fn replace_all(&self, data: Data) {
        self.data.update(|d| {
            *d = data;
            ((), Change::everything())
        });
        self.persist(|s, d| s.replace_all(d));
    }

    /// Applies what a sync pulled from the server (records and maybe the profile) as one change
    /// and one save, like `apply`. Returns whether the save succeeded.
    pub fn apply_sync(&self, change: &crate::sync::LocalChange) -> bool {
        let profile = change.touches_profile();
        self.apply_with_profile(|d| change.apply(d), profile)
    }

    /// `apply`, with the profile saved in the same write when `profile` is set.
    fn apply_with_profile(&self, change: impl FnOnce(&mut Data) -> Touched, profile: bool) -> bool {
        let Some(touched) = self.data.update(|d| {
            let touched = change(d);
            let mut done = Change::after(&touched, d);
            if profile {
                done.parts = done.parts | Parts::PROFILE;
            }
            (touched, done)
        }) else {
            return false;
        };
        self.persist(|s, d| {
            s.mark::<Contact>(touched.contacts.iter().copied());
            s.mark::<Touchpoint>(touched.touchpoints.iter().copied());
            s.mark::<KnowsLink>(touched.links.iter().copied());
            s.mark::<Goal>(touched.goals.iter().copied());
            s.mark::<Ask>(touched.asks.iter().copied());
            s.mark::<Referral>(touched.referrals.iter().copied());
            // `save_profile` flushes the marked records with the profile, in one write.
            if profile {
                s.save_profile(d)
            } else {
                s.flush(d)
            }
        });
        self.save_error.with_untracked(Option::is_none)
    }

    pub fn show_toast(&self, toast: Toast) {
        self.toast.set(Some(toast.clone()));
        let signal = self.toast;
        set_timeout(
            move || {
                signal.update(|t| {
                    if t.as_ref() == Some(&toast) {
                        *t = None
                    }
                })
            },
            Duration::from_secs(12),
        );
    }

    /// Runs a save against the store with the current data; a failure keeps the data in memory
    /// (the store keeps it pending) and shows the banner, a success clears it.
    fn persist(&self, save: impl FnOnce(&mut Store<LocalKv>, &Data) -> Result<(), StoreError>) {
        let data = self.data;
        let result = self
            .store
            .try_update_value(|store| data.with_untracked(|d| save(store, d)))
            .unwrap_or(Ok(()));
        self.save_error.set(result.err());
    }

    /// Tries the pending saves again (the banner's "Try again").
    pub fn retry_save(&self) {
        self.persist(|s, d| s.flush(d));
    }

    /// Brings a change made in another tab into this one. Keys of other apps are ignored; a key
    /// of ours that can't be read is reported and leaves memory as it was.
    fn apply_external(&self, key: Option<String>) {
        if key.as_deref().is_some_and(|k| !k.starts_with(crate::store::PREFIX)) {
            return;
        }
        let store = self.store;
        let result = self.data.update(|d| {
            let read = store.try_update_value(|store| store.apply_external(d, key.as_deref()));
            // What another tab wrote is not known record by record: the parts it lives in start over.
            let parts = match key.as_deref().map(crate::store::parse_shard_key) {
                None => Parts::ALL,
                Some(Some((collection, _))) => Parts::of_collection(collection),
                Some(None) => Parts::PROFILE,
            };
            let done = match read {
                Some(Ok(true)) => Change { parts, contacts: None },
                _ => Change::of(Parts::NONE, Vec::new()),
            };
            (read, done)
        });
        if let Some(Some(Err(e))) = result {
            self.save_error.set(Some(e));
        }
    }
}

fn read_last_import() -> Option<ImportUndo> {
    let raw = LocalKv.get(LAST_IMPORT_KEY).ok().flatten()?;
    codec::decode::<ImportUndo>(&raw).ok()?.into_iter().next()
}

/// Keeps the undo for the next visit. If it can't be stored (storage full), the Undo still works
/// until the tab is closed; the import itself is saved with the data, apart from this.
fn write_last_import(undo: Option<&ImportUndo>) {
    let mut kv = LocalKv;
    let _ = match undo {
        Some(u) => kv.set(LAST_IMPORT_KEY, &codec::encode(&[u])),
        None => kv.remove(LAST_IMPORT_KEY),
    };
}

pub fn use_app() -> AppState {
    expect_context::<AppState>()
}

/// Entry point: panic screen first, then the app, once index.html's frame has been painted.
pub fn start() {
    web::install_panic_screen();
    web::register_service_worker();
    web::after_first_paint(|| {
        if let Some(boot) = document().get_element_by_id("boot") {
            boot.remove();
        }
        mount_to_body(App);
    });
}

/// The path the app is served from ("" at a host's root, "/apps/vouch" below it), as the `<base>`
/// that index.html sets says. leptos_router leaves absolute paths alone, so every link and
/// navigation goes through `href` to stay inside the app on any sub-path.
fn router_base() -> &'static str {
    static BASE: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    BASE.get_or_init(|| {
        let href = document()
            .query_selector("base")
            .ok()
            .flatten()
            .and_then(|b| b.get_attribute("href"))
            .unwrap_or_default();
        href.trim_end_matches('/').to_string()
    })
}

/// An app path ("/network") as a link target that works under the app's base. For links only:
/// `use_navigate` adds the base itself.
pub fn href(path: &str) -> String {
    format!("{}{path}", router_base())
}

#[component]
pub fn App() -> impl IntoView {
    let mut store = Store::new(LocalKv);
    // The benchmark splits the boot into reading the store and drawing the first screen.
    web::mark("vouch:load:start");
    let loaded = store.load();
    web::mark("vouch:load:end");
    match loaded {
        Ok(data) => {
            let state = AppState::new(data, store);
            provide_context(state);
            let handle = window_event_listener(leptos::ev::storage, move |ev| {
                state.apply_external(ev.key());
            });
            on_cleanup(move || handle.remove());
            view! { <Shell/> }.into_any()
        }
        Err(error) => view! { <ui::recovery::Recovery error=error/> }.into_any(),
    }
}

/// The clock every screen reads today's date from, then the header with the navigation, the save
/// banner, the routed screen and the toast.
#[component]
fn Shell() -> impl IntoView {
    web::clock::provide_clock();
    web::sync::provide();
    view! {
        <Router base=router_base()>
            <a class="skip-link" href="#main">"Skip to content"</a>
            <header class="top">
                <A href=href("/") attr:class="brand">
                    <img src="icons/icon-192.png" alt="" width="28" height="28"/>
                    <span>"Vouch"</span>
                </A>
                <ui::nav::MainNav/>
                <ui::sync::SyncStatus/>
            </header>
            <ui::banner::SaveBanner/>
            <ui::import::ImportProvider>
            <main id="main" tabindex="-1">
                <Routes fallback=|| view! { <ui::not_found::NotFound/> }>
                    <Route path=path!("/") view=ui::today::Today/>
                    <Route path=path!("/network") view=ui::network::Network/>
                    <Route path=path!("/network/new") view=ui::contact::NewContact/>
                    <Route path=path!("/network/:id") view=ui::contact::ContactPage/>
                    <Route path=path!("/backers") view=ui::backers::Backers/>
                    <Route path=path!("/goals") view=ui::goals::Goals/>
                    <Route path=path!("/ask") view=ui::ask::MakeTheAsk/>
                    <Route path=path!("/referrals") view=ui::referrals::Referrals/>
                    <Route path=path!("/settings") view=ui::settings::Settings/>
                    <Route path=path!("/import") view=ui::import::ImportScreen/>
                    <Route path=path!("/duplicates") view=ui::duplicates::Duplicates/>
                </Routes>
            </main>
            </ui::import::ImportProvider>
            <ui::toast::ToastArea/>
        </Router>
    }
}
