//! The network: every contact, searchable, with the way to add one.

use crate::app::href;
use crate::app::use_app;
use crate::model::Id;
use leptos::prelude::*;
use leptos_router::components::A;

/// How many rows are drawn at once; the rest are reached by searching.
const SHOWN: usize = 200;

#[derive(Clone, PartialEq)]
struct Row {
    id: Id,
    name: String,
    headline: String,
}

#[component]
pub fn Network() -> impl IntoView {
    let app = use_app();
    let query = RwSignal::new(String::new());
    let total = Memo::new(move |_| app.data.with(|d| d.contacts.len()));
    let matches = Memo::new(move |_| {
        let q = query.get().trim().to_lowercase();
        app.data.with(|d| {
            d.contacts_by_name()
                .into_iter()
                .filter(|c| {
                    q.is_empty()
                        || c.name.to_lowercase().contains(&q)
                        || c.company.to_lowercase().contains(&q)
                        || c.role.to_lowercase().contains(&q)
                })
                .map(|c| Row {
                    id: c.id,
                    name: c.name.clone(),
                    headline: c.headline(),
                })
                .collect::<Vec<_>>()
        })
    });

    view! {
        <section class="page">
            <header class="page-head">
                <h1>"Network"</h1>
                <A href=href("/network/new") attr:class="button primary">"Add contact"</A>
            </header>
            <Show
                when=move || { total.get() > 0 }
                fallback=|| view! {
                    <div class="empty">
                        <h2>"Your network is empty"</h2>
                        <p>"Start with five people who know your work well: former colleagues, a manager, classmates, clients. Quality beats quantity."</p>
                        <A href=href("/network/new") attr:class="button primary">"Add your first contact"</A>
                    </div>
                }
            >
                <div class="field search">
                    <label for="network-search">"Search contacts"</label>
                    <input id="network-search" type="search" placeholder="Name, company or role" bind:value=query/>
                </div>
                <p class="count" aria-live="polite">
                    {move || {
                        let (n, all) = (matches.read().len(), total.get());
                        if n == all { format!("{all} contacts") } else { format!("{n} of {all} contacts match") }
                    }}
                </p>
                <ul class="contact-list" aria-label="Contacts">
                    <For
                        each=move || matches.get().into_iter().take(SHOWN)
                        key=|row| (row.id, row.name.clone(), row.headline.clone())
                        let:row
                    >
                        <li>
                            <A href=href(&format!("/network/{}", row.id))>
                                <span class="name">{row.name.clone()}</span>
                                <span class="sub">{row.headline.clone()}</span>
                            </A>
                        </li>
                    </For>
                </ul>
                <Show when=move || { matches.read().len() > SHOWN }>
                    <p class="hint">{move || format!("Showing the first {SHOWN}; search to find the others.")}</p>
                </Show>
            </Show>
        </section>
    }
}
