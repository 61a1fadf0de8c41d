//! The "Write it" button that opens a prepared draft in place and closes it again: one shape for
//! every owed message, can't step and first message, so each says whether its panel is open.

use leptos::prelude::*;

#[component]
pub fn WriteToggle(
    /// Whether the draft panel is open: read for `aria-expanded`.
    #[prop(into)]
    open: Signal<bool>,
    /// Runs on click: opens the panel, or closes it when open.
    #[prop(into)]
    on_toggle: Callback<()>,
    /// The id of the panel the button opens, for `aria-controls`.
    #[prop(into)]
    controls: String,
    /// The button's accessible name when its text alone would be ambiguous in a list.
    #[prop(optional, into)]
    label: Option<String>,
    /// The visible text.
    #[prop(default = "Write it")]
    text: &'static str,
    /// The button's classes, for its size and emphasis.
    #[prop(default = "button small")]
    class: &'static str,
) -> impl IntoView {
    view! {
        <button
            type="button"
            class=class
            aria-expanded=move || open.get().to_string()
            aria-controls=controls
            aria-label=label
            on:click=move |_| on_toggle.run(())
        >
            {text}
        </button>
    }
}
