//! Logging a touchpoint: pick what happened and press Log. Date defaults to today and the direction
//! follows the kind, so the common case is two clicks. Used on the contact page and on Today.

use crate::app::{use_app, Toast};
use crate::model::{clean_text, Direction, Id, TouchKind, Touchpoint};
use crate::ui::fields::unique_id;
use crate::web;
use leptos::prelude::*;

#[component]
pub fn LogTouch(
    /// Whom the touch was with.
    contact: Id,
    /// Their name, for the form's accessible name and the confirmation.
    name: String,
    /// Called after the touch is logged (e.g. to close the form).
    #[prop(optional, into)]
    on_done: Option<Callback<()>>,
) -> impl IntoView {
    let app = use_app();
    let kind = RwSignal::new(TouchKind::Note.key().to_string());
    let direction = RwSignal::new(Direction::Neutral.key().to_string());
    let date = RwSignal::new(crate::model::dates::iso(web::today()));
    let note = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let ids = [unique_id("tk"), unique_id("td"), unique_id("tr"), unique_id("tn")];
    let form_name = format!("Log a touch with {name}");

    let on_kind = move |ev: leptos::ev::Event| {
        let value = event_target_value(&ev);
        if let Some(k) = TouchKind::from_key(&value) {
            direction.set(k.default_direction().key().to_string());
        }
        kind.set(value);
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(kind) = TouchKind::from_key(&kind.get_untracked()) else {
            return;
        };
        let Ok(day) = crate::model::dates::parse_iso(&date.get_untracked()) else {
            error.set(Some("Date must be a date, like 2026-11-22.".into()));
            return;
        };
        if day > web::today() {
            error.set(Some(
                "That date is in the future: log a touch once it has happened.".into(),
            ));
            return;
        }
        let note = match clean_text("Note", &note.get_untracked()) {
            Ok(n) => n,
            Err(e) => {
                error.set(Some(e.to_string()));
                return;
            }
        };
        error.set(None);
        let now = web::now();
        app.put(Touchpoint {
            id: web::new_id(),
            contact,
            date: day,
            kind,
            direction: Direction::from_key(&direction.get_untracked()).unwrap_or_default(),
            note,
            imported: None,
            created: now,
            updated: now,
        });
        app.show_toast(Toast {
            message: format!("Logged: {} with {}.", kind.label(), name),
            undo: None,
        });
        if let Some(done) = on_done {
            done.run(());
        }
    };
    let [kind_id, date_id, dir_id, note_id] = ids;
    view! {
        <form class="log-touch" aria-label=form_name on:submit=submit novalidate>
            <div class="row">
                <div class="field">
                    <label for=kind_id.clone()>"What happened"</label>
                    <select id=kind_id on:change=on_kind prop:value=move || kind.get()>
                        {TouchKind::LOGGABLE.into_iter().map(|k| view! { <option value=k.key()>{k.label()}</option> }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for=date_id.clone()>"When"</label>
                    <input id=date_id type="date" bind:value=date/>
                </div>
                <div class="field">
                    <label for=dir_id.clone()>"Who gave"</label>
                    <select id=dir_id on:change:target=move |ev| direction.set(ev.target().value()) prop:value=move || direction.get()>
                        {Direction::ALL.into_iter().map(|d| view! { <option value=d.key()>{d.label()}</option> }).collect_view()}
                    </select>
                </div>
            </div>
            <div class="field">
                <label for=note_id.clone()>"Note (optional)"</label>
                <input id=note_id type="text" bind:value=note/>
            </div>
            {move || error.get().map(|e| view! { <p class="form-errors" role="alert">{e}</p> })}
            <button type="submit" class="button primary">"Log touch"</button>
        </form>
    }
}
