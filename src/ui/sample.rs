//! "Explore with sample data": a clearly marked demo network a newcomer can try Today, Backers and
//! the wizard on before importing anything, and the one click that takes it out again. Shared by
//! Network's empty state, Today's first steps and Settings.

use crate::app::{use_app, Toast};
use crate::demo::{demo_data, is_demo, remove_demo};
use crate::import::plan::Touched;
use crate::model::Parts;
use crate::web;
use leptos::prelude::*;

#[component]
pub fn SampleDataButton() -> impl IntoView {
    let app = use_app();
    let loaded = Memo::new(move |_| {
        app.data
            .with(Parts::CONTACTS, |d| d.contacts.keys().any(|id| is_demo(*id)))
    });
    let add = move |_| {
        let demo = demo_data(web::today(), web::now());
        let touched = Touched::all_of(&demo);
        app.apply(move |d| {
            d.contacts.extend(demo.contacts);
            d.touchpoints.extend(demo.touchpoints);
            d.links.extend(demo.links);
            d.goals.extend(demo.goals);
            d.asks.extend(demo.asks);
            d.referrals.extend(demo.referrals);
            touched
        });
        app.show_toast(Toast {
            message: "Sample data added: twelve made-up people tagged \u{201c}Sample data\u{201d}.".into(),
            undo: None,
        });
    };
    let remove = move |_| {
        let removal = app.data.with_untracked(remove_demo);
        app.apply(|d| {
            removal.apply(d);
            removal.touched()
        });
        app.show_toast(Toast {
            message: "Sample data removed. Your own contacts are as they were.".into(),
            undo: None,
        });
    };
    view! {
        <Show
            when=move || loaded.get()
            fallback=move || view! {
                <button type="button" class="button" on:click=add>"Explore with sample data"</button>
            }
        >
            <button type="button" class="button danger" on:click=remove>"Remove sample data"</button>
        </Show>
    }
}
