//! The banner that says a save failed. It stays until a save succeeds: the user must know that what
//! they see is only in this tab.

use crate::app::use_app;
use crate::store::StoreError;
use leptos::prelude::*;

fn advice(error: &StoreError) -> &'static str {
    match error {
        StoreError::QuotaExceeded => {
            "Your changes are kept in this tab, but are not saved yet. Download a backup (Settings & data), \
             free some space by deleting contacts you no longer need, then press Try again."
        }
        StoreError::Unavailable(_) => {
            "Your changes are kept in this tab, but are not saved yet. Keep this tab open; if you are in a \
             private window, download a backup from Settings & data before closing it."
        }
        StoreError::Corrupt { .. } | StoreError::FutureVersion { .. } => {
            "Nothing was overwritten. Reload the page to see what is stored; your changes in this tab are \
             kept until you do, so download a backup first if you need them."
        }
    }
}

#[component]
pub fn SaveBanner() -> impl IntoView {
    let app = use_app();
    view! {
        {move || {
            app.save_error
                .get()
                .map(|error| {
                    view! {
                        <div class="banner error" role="alert">
                            <p>
                                <strong>"Not saved: " {error.to_string()} "."</strong>
                                " "
                                {advice(&error)}
                            </p>
                            <div class="actions">
                                <button type="button" class="button" on:click=move |_| app.retry_save()>
                                    "Try again"
                                </button>
                                <button
                                    type="button"
                                    class="button"
                                    on:click=move |_| crate::web::backup::download_backup(app)
                                >
                                    "Download a backup"
                                </button>
                            </div>
                        </div>
                    }
                })
        }}
    }
}
