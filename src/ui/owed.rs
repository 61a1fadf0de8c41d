//! One message the user owes (a thank-you, a how-it-went, a follow-up, a progress update): why,
//! since when, its draft one click away, and "Mark as sent", which clears it and logs a touchpoint.

use crate::app::{href, use_app, AppState, Toast};
use crate::model::Id;
use crate::pipeline::{self, drafts, Owed, OwedRef};
use crate::ui::answer::RecordOutcome;
use crate::ui::calendar::download_ics;
use crate::ui::draft::DraftPanel;
use crate::ui::write_toggle::WriteToggle;
use crate::web;
use leptos::prelude::*;
use leptos_router::components::A;

/// Saves what logging a message as sent changed, and says so.
pub fn mark_sent(app: AppState, owed: &Owed) {
    let today = web::today();
    let sent = app
        .data
        .with_untracked(|d| pipeline::log_sent(d, owed, today, web::new_id(), web::now()));
    app.apply(|d| sent.apply(d));
    let name = app
        .data
        .with_untracked(|d| d.contacts.get(&owed.contact).map(|c| c.name.clone()))
        .unwrap_or_default();
    app.show_toast(Toast {
        message: format!("Logged: {} to {name}.", owed.kind.label().to_lowercase()),
        undo: None,
    });
}

/// An owed message as a list item that acts in place.
#[component]
pub fn OwedItem(
    /// The message owed.
    owed: Owed,
    /// For a follow-up on a waiting ask: that ask, so its answer can be recorded here too.
    answer: Option<Id>,
) -> impl IntoView {
    let app = use_app();
    let writing = RwSignal::new(false);
    let name = app
        .data
        .with_untracked(|d| d.contacts.get(&owed.contact).map(|c| c.name.clone()))
        .unwrap_or_default();
    let label = owed.kind.label();
    let prepared = app.data.with_untracked(|d| drafts::for_owed(d, &owed));
    let panel_id = format!("owed-{}-{:?}-{}", owed.contact, owed.kind, about_key(&owed.about));
    let link = href(&format!("/network/{}", owed.contact));
    let since = crate::model::dates::short_date(owed.due);
    let for_ics = owed.clone();
    let export = move |_| {
        let event = app.data.with_untracked(|d| pipeline::event_for_owed(&for_ics, d));
        download_ics(app, "vouch-reminder", &[event]);
    };
    let for_send = owed.clone();
    let send = move |_| {
        writing.set(false);
        mark_sent(app, &for_send);
    };
    let title = format!("{label} to {name}");
    let write_label = format!("Write the {} to {name}", label.to_lowercase());
    let calendar_label = format!("Add the {} to {name} to calendar", label.to_lowercase());
    view! {
        <li class="item owed-item">
            <div class="item-main">
                <span class="step">{label} " to " <A href=link attr:class="name">{name}</A></span>
                <span>{owed.reason.clone()}</span>
                <span class="meta">"Since " <time datetime=crate::model::dates::iso(owed.due)>{since}</time></span>
            </div>
            <div class="item-actions">
                <WriteToggle
                    open=writing
                    on_toggle=move |()| writing.update(|w| *w = !*w)
                    controls=panel_id.clone()
                    label=write_label
                    class="button small primary"
                />
                <button type="button" class="button small ghost" aria-label=calendar_label on:click=export>
                    "Add to calendar"
                </button>
            </div>
            {answer.map(|ask| view! { <div class="inline-form"><RecordOutcome ask=ask/></div> })}
            <div id=panel_id.clone() class="inline-form" hidden=move || !writing.get()>
                <Show when=move || writing.get()>
                    {prepared.clone().map(|p| {
                        let send = send.clone();
                        view! {
                            <DraftPanel prepared=p title=title.clone()>
                                <button type="button" class="button primary" on:click=send>"Mark as sent"</button>
                            </DraftPanel>
                        }
                    })}
                </Show>
            </div>
        </li>
    }
}

fn about_key(about: &OwedRef) -> String {
    match about {
        OwedRef::Ask(id) | OwedRef::Referral(id) => id.to_string(),
        OwedRef::Goal { goal, .. } => goal.to_string(),
    }
}
