//! Labelled form controls. Every control gets a visible `<label>` tied to it, so screen readers and
//! end-to-end tests find it by name.

use leptos::prelude::*;
use std::sync::atomic::{AtomicUsize, Ordering};

/// A unique id for tying a label to its control.
pub fn unique_id(prefix: &str) -> String {
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    format!("{prefix}-{}", NEXT.fetch_add(1, Ordering::Relaxed))
}

/// A labelled one-line input.
#[component]
pub fn TextField(
    /// The visible label and accessible name.
    label: &'static str,
    /// The value, read and written as the user types.
    value: RwSignal<String>,
    /// The input type: "text" (default), "email", "url", "tel", "search".
    #[prop(optional)]
    kind: Option<&'static str>,
    /// A short help text under the field.
    #[prop(optional)]
    hint: Option<&'static str>,
    /// The browser's autocomplete token, e.g. "name".
    #[prop(optional)]
    autocomplete: Option<&'static str>,
    /// Marks the field as required for assistive technology.
    #[prop(optional)]
    required: bool,
) -> impl IntoView {
    let id = unique_id("f");
    let hint_id = format!("{id}-hint");
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <input
                id=id
                type=kind.unwrap_or("text")
                autocomplete=autocomplete.unwrap_or("off")
                aria-required=required.then_some("true")
                aria-describedby=hint.map(|_| hint_id.clone())
                bind:value=value
            />
            {hint.map(|h| view! { <p class="hint" id=hint_id.clone()>{h}</p> })}
        </div>
    }
}

/// A labelled multi-line text area.
#[component]
pub fn TextArea(
    /// The visible label and accessible name.
    label: &'static str,
    /// The value, read and written as the user types.
    value: RwSignal<String>,
    /// A short help text under the field.
    #[prop(optional)]
    hint: Option<&'static str>,
    /// Visible rows.
    #[prop(default = 3)]
    rows: u32,
) -> impl IntoView {
    let id = unique_id("f");
    let hint_id = format!("{id}-hint");
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <textarea id=id rows=rows aria-describedby=hint.map(|_| hint_id.clone()) bind:value=value></textarea>
            {hint.map(|h| view! { <p class="hint" id=hint_id.clone()>{h}</p> })}
        </div>
    }
}

/// A labelled select over `(key, label)` options.
#[component]
pub fn SelectField(
    /// The visible label and accessible name.
    label: &'static str,
    /// The selected key.
    value: RwSignal<String>,
    /// The choices as (key, label).
    options: Vec<(&'static str, &'static str)>,
) -> impl IntoView {
    let id = unique_id("f");
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <select id=id on:change:target=move |ev| value.set(ev.target().value()) prop:value=move || value.get()>
                {options
                    .into_iter()
                    .map(|(key, text)| view! { <option value=key selected=move || value.get() == key>{text}</option> })
                    .collect_view()}
            </select>
        </div>
    }
}

/// The list of problems with a form, announced when it appears.
#[component]
pub fn FormErrors(
    /// The messages to show; nothing is rendered while empty.
    errors: RwSignal<Vec<String>>,
) -> impl IntoView {
    view! {
        <Show when=move || !errors.read().is_empty()>
            <div class="form-errors" role="alert">
                <p>"Please fix this first:"</p>
                <ul>{move || errors.get().into_iter().map(|e| view! { <li>{e}</li> }).collect_view()}</ul>
            </div>
        </Show>
    }
}
