//! The screen shown instead of the app when stored data can't be read. It never writes: it explains,
//! offers the raw data as a download, and only after that download lets the user start over.

use crate::store::{Store, StoreError};
use crate::web::{self, LocalKv};
use leptos::prelude::*;

#[component]
pub fn Recovery(
    /// Why the stored data could not be loaded.
    error: StoreError,
) -> impl IntoView {
    let downloaded = RwSignal::new(false);
    let confirmed = RwSignal::new(false);
    let erase_error = RwSignal::new(None::<String>);
    let future = matches!(error, StoreError::FutureVersion { .. });
    let download = move |_| {
        if web::download(
            &web::dated_filename("vouch-saved-data", "json"),
            "application/json",
            &web::raw_dump_json(),
        ) {
            downloaded.set(true);
        }
    };
    let start_over = move |_| match Store::new(LocalKv).erase_all() {
        Ok(()) => {
            let _ = window().location().reload();
        }
        Err(e) => erase_error.set(Some(e.to_string())),
    };
    view! {
        <main class="page narrow recovery" id="main">
            <h1>"Vouch can't open your saved data"</h1>
            <p class="banner error" role="alert">{format!("The problem: {error}.")}</p>
            <p>"Nothing has been changed or deleted. Vouch will not write anything until this is resolved."</p>
            {if future {
                view! { <p>"This usually means a newer version of Vouch was opened in this browser. Reload to get the newest version; if that doesn't help, download your data and keep it safe."</p> }.into_any()
            } else {
                view! { <p>"Download the saved data first and keep the file: it holds everything as it was stored. Then you can reload to try again, or start over with an empty Vouch."</p> }.into_any()
            }}
            <div class="actions">
                <button type="button" class="button primary" on:click=download>"Download the saved data"</button>
                <button type="button" class="button" on:click=move |_| { let _ = window().location().reload(); }>"Reload"</button>
            </div>
            <Show when=move || downloaded.get()>
                <section class="card danger-zone">
                    <h2>"Start over"</h2>
                    <label class="check">
                        <input type="checkbox" bind:checked=confirmed/>
                        "I have kept the downloaded file. Delete Vouch's data in this browser and start empty."
                    </label>
                    <button type="button" class="button danger" disabled=move || !confirmed.get() on:click=start_over>"Start over"</button>
                    {move || erase_error.get().map(|e| view! { <p role="alert">{e}</p> })}
                </section>
            </Show>
        </main>
    }
}
