//! A draft shown where the user acts on it: the message written for the step, in the shared message
//! editor (with its coach, copy and mail buttons), and the step's own "Mark as sent" buttons beside
//! it (passed in as children).

use crate::pipeline::drafts::Prepared;
use crate::ui::message::MessageEditor;
use leptos::prelude::*;

/// A prepared draft in its editor, with `children` (the step's buttons) under it.
#[component]
pub fn DraftPanel(
    /// The draft and what the editor needs around it.
    prepared: Prepared,
    /// A heading for the panel ("First message to Priya").
    title: String,
    /// The step's own buttons, beside the editor.
    children: Children,
) -> impl IntoView {
    let subject = RwSignal::new(prepared.draft.subject.clone().unwrap_or_default());
    let body = RwSignal::new(prepared.draft.body.clone());
    let channel = prepared.channel;
    let coach = prepared.coach.clone();
    let to_email = prepared.to_email.clone();
    let gaps: Vec<&'static str> = prepared.draft.gaps.iter().map(|g| g.label()).collect();
    view! {
        <section class="draft-panel" aria-label=title.clone()>
            <h3 class="draft-title">{title.clone()}</h3>
            {(!gaps.is_empty()).then(|| view! {
                <p class="hint gaps">"Fill in what Vouch doesn't know yet: " {gaps.join(", ")} "."</p>
            })}
            <MessageEditor
                subject=subject
                body=body
                channel=Signal::derive(move || channel)
                coach=Signal::derive(move || coach.clone())
                to_email=Signal::derive(move || to_email.clone())
            />
            <div class="actions">{children()}</div>
        </section>
    }
}
