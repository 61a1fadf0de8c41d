//! The message editor every draft goes through: the text (and an e-mail's subject) to edit, a live
//! character count against the channel's limit, the coach's checks on whatever the text now says,
//! and the ways out of the app — copy, the user's own mail app, the system share sheet. Nothing here
//! sends anything: the user does, from their own accounts.

use crate::compose::{char_limit, coach, mailto, CoachContext};
use crate::model::Channel;
use crate::ui::fields::unique_id;
use crate::web::share;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// Copies `text` and says in `status` whether it worked; a refusal tells the user what to do.
fn copy_reporting(text: String, status: RwSignal<String>, done: &'static str) {
    spawn_local(async move {
        match share::copy_text(&text).await {
            Ok(()) => status.set(done.into()),
            Err(e) => status.set(format!("Couldn't copy ({e}). Select the text and copy it yourself.")),
        }
    });
}

/// A draft ready to send: editable, checked as it is edited, and one click from leaving the app.
#[component]
pub fn MessageEditor(
    /// E-mail subject; ignored unless the channel is e-mail.
    #[prop(into)]
    subject: RwSignal<String>,
    /// The message text, editable.
    #[prop(into)]
    body: RwSignal<String>,
    /// Decides the length limit, whether there is a subject, and which checks apply.
    #[prop(into)]
    channel: Signal<Channel>,
    /// What the coach checks the text against.
    #[prop(into)]
    coach: Signal<CoachContext>,
    /// The recipient's e-mail for the "Open in mail app" link; may be empty.
    #[prop(into)]
    to_email: Signal<String>,
    /// Runs after each edit the user types, once `subject` and `body` hold it.
    #[prop(optional)]
    on_edit: Option<Callback<()>>,
) -> impl IntoView {
    let edited = move || {
        if let Some(f) = on_edit {
            f.run(());
        }
    };
    let body_id = unique_id("message");
    let count_id = format!("{body_id}-count");
    let subject_id = unique_id("subject");
    let is_email = move || channel.get() == Channel::Email;
    let limit = move || char_limit(channel.get());
    let length = move || body.with(|b| b.chars().count());
    let over = move || length() > limit();
    let checks = Memo::new(move |_| {
        let ctx = coach.get();
        let subject = subject.get();
        body.with(|b| self::coach(b, is_email().then_some(subject.as_str()), &ctx))
    });
    let passed = move || checks.with(|c| c.iter().filter(|c| c.passed).count());
    let status = RwSignal::new(String::new());
    let mail_link = move || {
        let subject = subject.get();
        body.with(|b| mailto(&to_email.get(), Some(subject.as_str()), b))
    };

    let copy = move |_| {
        copy_reporting(
            body.get_untracked(),
            status,
            "Copied. Paste it where you write to them.",
        )
    };
    let share_it = move |_| {
        let (title, text) = (subject.get_untracked(), body.get_untracked());
        spawn_local(async move {
            if let Err(e) = share::share(&title, &text).await {
                status.set(format!("Couldn't share ({e}). Copy the text instead."));
            }
        });
    };

    view! {
        <div class="message-editor">
            <div class="message-text">
                <Show when=is_email>
                    <div class="field">
                        <label for=subject_id.clone()>"Subject"</label>
                        <input
                            id=subject_id.clone()
                            type="text"
                            autocomplete="off"
                            prop:value=move || subject.get()
                            on:input:target=move |ev| {
                                subject.set(ev.target().value());
                                edited();
                            }
                        />
                    </div>
                </Show>
                <div class="field">
                    <label for=body_id.clone()>"Message"</label>
                    <textarea
                        id=body_id.clone()
                        rows=move || if limit() <= 320 { 6 } else { 14 }
                        aria-describedby=count_id.clone()
                        aria-invalid=move || over().then_some("true")
                        spellcheck="true"
                        prop:value=move || body.get()
                        on:input:target=move |ev| {
                            body.set(ev.target().value());
                            edited();
                        }
                    ></textarea>
                    <p id=count_id.clone() class="char-count" class:over=over>
                        {move || format!("{} / {} characters", length(), limit())}
                        {move || over().then_some(" — too long for this channel")}
                    </p>
                </div>
                <div class="actions message-actions">
                    <button type="button" class="button primary" on:click=copy>"Copy"</button>
                    <Show when=is_email>
                        <a class="button" href=mail_link>"Open in mail app"</a>
                    </Show>
                    <Show when=share::can_share>
                        <button type="button" class="button" on:click=share_it>"Share"</button>
                    </Show>
                </div>
                <p class="status" role="status" aria-live="polite">{move || status.get()}</p>
            </div>
            <section class="coach" aria-label="Coach">
                <h3>"Coach"</h3>
                <p class="coach-score">
                    {move || format!("{} of {} checks pass", passed(), checks.with(Vec::len))}
                </p>
                <ul class="coach-list" aria-label="Coach checks">
                    <For each=move || checks.get() key=|c| (c.id, c.name.clone(), c.passed, c.fix.clone()) let:check>
                        <li class=if check.passed { "coach-item pass" } else { "coach-item fix" }>
                            <span class="mark" aria-hidden="true">{if check.passed { "✓" } else { "!" }}</span>
                            <span class="visually-hidden">{if check.passed { "Passes: " } else { "To fix: " }}</span>
                            <span class="check-name">{check.name.clone()}</span>
                            {check.fix.clone().map(|f| view! { <span class="check-how">{f}</span> })}
                        </li>
                    </For>
                </ul>
            </section>
        </div>
    }
}

/// A read-and-copy box for a secondary text, such as the blurb a contact can forward.
#[component]
pub fn CopyBox(
    /// The box's accessible name.
    label: &'static str,
    /// The text, editable before copying.
    text: String,
) -> impl IntoView {
    let id = unique_id("copy-box");
    let value = RwSignal::new(text);
    let status = RwSignal::new(String::new());
    let copy = move |_| copy_reporting(value.get_untracked(), status, "Copied.");
    view! {
        <div class="field copy-box">
            <label for=id.clone()>{label}</label>
            <textarea id=id rows=6 bind:value=value></textarea>
            <div class="actions">
                <button type="button" class="button" on:click=copy>{format!("Copy {}", label.to_lowercase())}</button>
                <span class="status" role="status">{move || status.get()}</span>
            </div>
        </div>
    }
}
