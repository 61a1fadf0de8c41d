//! Today: the landing screen. Until the user has a profile and a few contacts, it is a short
//! checklist of what to do first.

use crate::app::href;
use crate::app::use_app;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn Today() -> impl IntoView {
    let app = use_app();
    let has_profile = Memo::new(move |_| app.data.with(|d| d.profile.is_set_up()));
    let contacts = Memo::new(move |_| app.data.with(|d| d.contacts.len()));
    let greeting = Memo::new(move |_| {
        app.data.with(|d| {
            let first = d.profile.name.split_whitespace().next().unwrap_or("").to_string();
            if first.is_empty() {
                "Welcome to Vouch".to_string()
            } else {
                format!("Hello, {first}")
            }
        })
    });
    view! {
        <section class="page">
            <h1>{move || greeting.get()}</h1>
            <p class="lead">"Vouch helps you get referrals from the people who already know your work: whom to ask, when, and what to write."</p>
            <Show when=move || { !has_profile.get() || contacts.get() < 3 }>
                <div class="card">
                    <h2>"Get started"</h2>
                    <ol class="checklist">
                        <li class:done=move || has_profile.get()>
                            <A href=href("/settings")>"Tell Vouch who you are"</A>
                            " — your name, headline and the skills you want to be known for."
                        </li>
                        <li class:done=move || { contacts.get() >= 3 }>
                            <A href=href("/network/new")>"Add people who know your work"</A>
                            {move || format!(" — {} of 3 added.", contacts.get().min(3))}
                        </li>
                    </ol>
                </div>
            </Show>
            <div class="card privacy">
                <h2>"Your data stays here"</h2>
                <p>"Everything you enter is kept in this browser on this device. Vouch sends nothing anywhere and works without a connection. Download a backup from Settings & data now and then."</p>
            </div>
        </section>
    }
}
