//! Short confirmations at the bottom of the screen, with Undo after a delete or an import.

use crate::app::{use_app, ToastUndo};
use leptos::prelude::*;

#[component]
pub fn ToastArea() -> impl IntoView {
    let app = use_app();
    view! {
        <div class="toast-area" role="status" aria-live="polite">
            {move || {
                app.toast
                    .get()
                    .map(|toast| {
                        let undo = toast.undo.clone();
                        view! {
                            <div class="toast">
                                <span>{toast.message.clone()}</span>
                                {undo
                                    .map(|undo| {
                                        view! {
                                            <button
                                                type="button"
                                                class="button small"
                                                on:click=move |_| match undo.clone() {
                                                    ToastUndo::Delete(removed) => app.undo_delete(*removed),
                                                    ToastUndo::Import => {
                                                        app.toast.set(None);
                                                        app.undo_import();
                                                    }
                                                }
                                            >
                                                "Undo"
                                            </button>
                                        }
                                    })}
                                <button
                                    type="button"
                                    class="button small ghost"
                                    aria-label="Dismiss"
                                    on:click=move |_| app.toast.set(None)
                                >
                                    "×"
                                </button>
                            </div>
                        }
                    })
            }}
        </div>
    }
}
