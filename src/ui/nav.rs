//! The main navigation: one list of links that is a top bar on wide screens and, on phones, a tab
//! bar at the bottom with the less-used screens behind "More". It is one `<nav>` at every width, so
//! screen readers and keyboards meet the same links in the same order; only the CSS changes layout.

use crate::app::href;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_location;
use wasm_bindgen::JsCast;

/// The screens behind "More" on a phone, by the end of their path. Shown inline on wide screens,
/// except Import, which Settings & data links to there.
const BEHIND_MORE: [&str; 4] = ["/backers", "/goals", "/import", "/settings"];

/// Outline icons for the tab bar (24 × 24, drawn by CSS stroke). Decoration only: each tab's
/// name is its text.
const HOME: &str = "M3 10.5 12 3l9 7.5V20a1 1 0 0 1-1 1h-5v-6h-6v6H4a1 1 0 0 1-1-1z";
const PEOPLE: &str = "M16 21v-2a4 4 0 0 0-4-4H6a4 4 0 0 0-4 4v2M9 11a4 4 0 1 0 0-8 4 4 0 0 0 0 8zM22 21v-2a4 4 0 0 0-3-3.87M16 3.13a4 4 0 0 1 0 7.75";
const SEND: &str = "M22 2 11 13M22 2l-7 20-4-9-9-4z";
const CLIPBOARD: &str = "M16 4h2a2 2 0 0 1 2 2v14a2 2 0 0 1-2 2H6a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2h2M9 2h6a1 1 0 0 1 1 1v2a1 1 0 0 1-1 1H9a1 1 0 0 1-1-1V3a1 1 0 0 1 1-1zM8 12h8M8 16h5";
const DOTS: &str =
    "M6 12a1 1 0 1 1-2 0 1 1 0 0 1 2 0zM13 12a1 1 0 1 1-2 0 1 1 0 0 1 2 0zM20 12a1 1 0 1 1-2 0 1 1 0 0 1 2 0z";

fn icon(path: &'static str) -> impl IntoView {
    view! {
        <svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <path d=path/>
        </svg>
    }
}

/// The site's one `<nav aria-label="Main">`: the Shell places it in the header.
#[component]
pub fn MainNav() -> impl IntoView {
    let open = RwSignal::new(false);
    let nav_ref = NodeRef::<leptos::html::Nav>::new();
    let more_ref = NodeRef::<leptos::html::Button>::new();
    let location = use_location();
    // "More" looks selected while one of its screens is open; the link itself carries
    // aria-current, so a screen reader hears it where the link is.
    let behind_more = Memo::new(move |_| {
        location.pathname.with(|p| {
            let p = p.trim_end_matches('/');
            BEHIND_MORE.iter().any(|s| p.ends_with(s))
        })
    });

    // A tap anywhere outside the navigation closes the menu, as a phone's menus do.
    let outside = window_event_listener(leptos::ev::pointerdown, move |ev| {
        if !open.get_untracked() {
            return;
        }
        let target = ev.target().and_then(|t| t.dyn_into::<web_sys::Node>().ok());
        let inside = nav_ref.get_untracked().is_some_and(|nav| nav.contains(target.as_ref()));
        if !inside {
            open.set(false);
        }
    });
    on_cleanup(move || outside.remove());

    let on_keydown = move |ev: leptos::ev::KeyboardEvent| {
        if ev.key() == "Escape" && open.get_untracked() {
            open.set(false);
            if let Some(more) = more_ref.get_untracked() {
                let _ = more.focus();
            }
        }
    };
    // Tabbing past the last entry leaves the menu: it closes rather than float over the page.
    let on_focusout = move |ev: leptos::ev::FocusEvent| {
        let next = ev.related_target().and_then(|t| t.dyn_into::<web_sys::Node>().ok());
        let still_inside = next.is_some() && nav_ref.get_untracked().is_some_and(|nav| nav.contains(next.as_ref()));
        if !still_inside {
            open.set(false);
        }
    };

    view! {
        <nav aria-label="Main" class="main-nav" node_ref=nav_ref on:keydown=on_keydown on:focusout=on_focusout>
            <A href=href("/") exact=true attr:class="tab">{icon(HOME)}<span>"Today"</span></A>
            <A href=href("/network") attr:class="tab">{icon(PEOPLE)}<span>"Network"</span></A>
            <A href=href("/ask") attr:class="tab">{icon(SEND)}<span>"Make the ask"</span></A>
            <A href=href("/referrals") attr:class="tab">{icon(CLIPBOARD)}<span>"Referrals"</span></A>
            <button
                type="button"
                class="tab more"
                class:current=behind_more
                aria-expanded=move || open.get().to_string()
                aria-controls="more-menu"
                node_ref=more_ref
                on:click=move |_| open.update(|o| *o = !*o)
            >
                {icon(DOTS)}
                <span>"More"</span>
            </button>
            // Following any link in the menu closes it.
            <div id="more-menu" class="more-menu" class:open=open on:click=move |_| open.set(false)>
                <A href=href("/backers")>"Backers"</A>
                <A href=href("/goals")>"Goals"</A>
                <A href=href("/import") attr:class="phone-only">"Import contacts"</A>
                <A href=href("/settings")>"Settings & data"</A>
            </div>
        </nav>
    }
}
