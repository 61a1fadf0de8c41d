//! A draft shown where the user acts on it: the message written for the step, in an editor, with
//! the step's own "Mark as sent" buttons beside it (passed in as children).

use crate::compose::CoachContext;
use crate::model::Channel;
use crate::pipeline::drafts::Prepared;
use crate::ui::fields::unique_id;
use leptos::prelude::*;

/// The editor for one draft. Same props as the shared `MessageEditor` (src/ui/message.rs on main),
/// so that it can take its place in one line once that lands.
#[component]
pub fn DraftEditor(
    /// E-mail subject; ignored unless the channel is e-mail.
    #[prop(into)]
    subject: RwSignal<String>,
    /// The message text, editable.
    #[prop(into)]
    body: RwSignal<String>,
    #[prop(into)] channel: Signal<Channel>,
    /// What the coach checks the text against.
    #[prop(into)]
    coach: Signal<CoachContext>,
    /// The recipient's e-mail for the "Open in mail app" link; may be empty.
    #[prop(into)]
    to_email: Signal<String>,
) -> impl IntoView {
    let _ = (coach, to_email);
    let subject_id = unique_id("ds");
    let body_id = unique_id("db");
    view! {
        <div class="draft-editor">
            <Show when=move || channel.get() == Channel::Email>
                <div class="field">
                    <label for=subject_id.clone()>"Subject"</label>
                    <input id=subject_id.clone() type="text" bind:value=subject/>
                </div>
            </Show>
            <div class="field">
                <label for=body_id.clone()>"Message"</label>
                <textarea id=body_id.clone() rows=9 bind:value=body></textarea>
            </div>
        </div>
    }
}

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
            <DraftEditor
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
