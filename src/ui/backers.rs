//! Backers: the contacts most ready to vouch for the user, ranked, each with the reason in words.

use leptos::prelude::*;

#[component]
pub fn Backers() -> impl IntoView {
    view! { <section class="page"><h1>"Backers"</h1></section> }
}
