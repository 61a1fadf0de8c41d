//! Step 6: the message itself, editable, with the coach beside it and the ways out (copy, mail
//! app, share). "Mark as sent" logs the ask with its final text and follow-up date, and a
//! touchpoint on the contact. A referral request also gets a blurb the contact can forward.

use super::{Wizard, DRAFT_KEY};
use crate::app::{href, use_app, Toast};
use crate::compose::{CoachContext, MAX_FOLLOW_UP_DAYS};
use crate::model::Channel;
use crate::model::Parts;
use crate::ui::fields::unique_id;
use crate::ui::message::{CopyBox, MessageEditor};
use crate::web::{self, share::scratch};
use chrono::Days;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

#[component]
pub fn ReviewStep(wizard: Wizard) -> impl IntoView {
    let app = use_app();
    let plan = wizard.plan;
    let today = wizard.today;
    let navigate = use_navigate();
    let draft = Memo::new(move |_| app.data.with(Parts::ALL, |d| plan.with(|p| p.draft(d))));
    let written = move || {
        draft
            .get_untracked()
            .map(|d| (d.subject.unwrap_or_default(), d.body))
            .unwrap_or_default()
    };
    let (start_subject, start_body) = {
        let (s, b) = written();
        plan.with_untracked(|p| {
            (
                if p.subject.is_empty() { s } else { p.subject.clone() },
                if p.body.is_empty() { b } else { p.body.clone() },
            )
        })
    };
    let subject = RwSignal::new(start_subject);
    let body = RwSignal::new(start_body);
    // On each edit the user types: the plan keeps the text only where it differs from the
    // writer's, so earlier steps can still rewrite a draft nobody has touched.
    let keep_edit = Callback::new(move |()| {
        let (s, b) = (subject.get_untracked(), body.get_untracked());
        let (ws, wb) = written();
        plan.update(|p| {
            p.subject = if s == ws { String::new() } else { s };
            p.body = if b == wb { String::new() } else { b };
        });
    });
    let edited = Memo::new(move |_| plan.with(|p| !p.subject.is_empty() || !p.body.is_empty()));
    let rewrite = move || {
        plan.update(|p| p.clear_text());
        let (s, b) = written();
        subject.set(s);
        body.set(b);
    };
    let another = move |_| {
        plan.update(|p| p.variant = (p.variant + 1) % 3);
        rewrite();
    };

    let channel = Signal::derive(move || plan.with(|p| p.channel));
    let coach = Signal::derive(move || {
        app.data
            .with(Parts::ALL, |d| plan.with(|p| p.coach_context(d)))
            .unwrap_or_else(|| {
                CoachContext::from_brief(
                    &Default::default(),
                    crate::compose::MessageKind::CatchUp,
                    Channel::Email,
                )
            })
    });
    let contact = Memo::new(move |_| app.data.with(Parts::CONTACTS, |d| plan.with(|p| p.contact(d).cloned())));
    let to_email = Signal::derive(move || contact.with(|c| c.as_ref().map(|c| c.email.clone()).unwrap_or_default()));
    let summary = Memo::new(move |_| {
        let name = contact.with(|c| c.as_ref().map(|c| c.name.clone()).unwrap_or_default());
        plan.with(|p| {
            let kind = p.kind.map(|k| k.label()).unwrap_or_default();
            format!("{kind} to {name} · {} · {}", p.channel.label(), p.tone.label())
        })
    });
    let blurb = Memo::new(move |_| app.data.with(Parts::ALL, |d| plan.with(|p| p.blurb(d))).map(|d| d.body));

    let days_id = unique_id("follow-up");
    // The box keeps what was typed (even "" or "abc"); the plan gets the number it means, in the
    // same handler, and 0 (refused on Mark as sent) for anything else.
    let days = RwSignal::new(plan.with_untracked(|p| p.follow_up_days.to_string()));
    let on_days = move |ev: leptos::ev::Event| {
        let typed = event_target_value(&ev);
        let value = typed.trim().parse::<u16>().unwrap_or(0);
        days.set(typed);
        plan.update(|p| p.follow_up_days = value);
    };
    let follow_up_date = move || {
        plan.with(|p| today.get().checked_add_days(Days::new(u64::from(p.follow_up_days))))
            .filter(|_| plan.with(|p| (1..=MAX_FOLLOW_UP_DAYS).contains(&p.follow_up_days)))
            .map(crate::model::dates::weekday_long_day)
    };
    let error = RwSignal::new(None::<String>);

    let mark_sent = move |_| {
        let (s, b) = (subject.get_untracked(), body.get_untracked());
        let now = web::now();
        let logged = app.data.with_untracked(|d| {
            plan.with_untracked(|p| p.log(d, &s, &b, (web::new_id(), web::new_id()), today.get_untracked(), now))
        });
        let change = match logged {
            Ok(change) => change,
            Err(e) => {
                error.set(Some(e.to_string()));
                return;
            }
        };
        // `log` builds exactly one ask; its text is for the toast.
        let Some(ask) = change.asks.first().cloned() else {
            return;
        };
        let contact = ask.contact;
        let name = app
            .data
            .with_untracked(|d| d.contacts.get(&contact).map(|c| c.name.clone()))
            .unwrap_or_default();
        let when = ask.follow_up_due.map(crate::model::dates::long_day).unwrap_or_default();
        let kind = ask.kind.label();
        // A failed save keeps the ask in memory (and the banner up); the draft stays too until it
        // is really stored.
        if app.apply(|d| change.apply(d)) {
            scratch::remove(DRAFT_KEY);
        }
        app.show_toast(Toast {
            message: format!(
                "Logged: {kind} to {name}. Vouch will remind you to follow up on {when} if there's no reply."
            ),
            undo: None,
        });
        navigate(&format!("/network/{contact}"), Default::default());
    };

    view! {
        <p class="review-summary">{move || summary.get()}</p>
        <MessageEditor subject=subject body=body channel=channel coach=coach to_email=to_email on_edit=keep_edit/>
        <div class="actions rewrite-actions">
            <button type="button" class="button" on:click=another>"Another phrasing"</button>
            <Show when=move || edited.get()>
                <span class="hint">"You have edited this text: changes to earlier steps leave it as it is."</span>
                <button type="button" class="button ghost" on:click=move |_| rewrite()>"Rewrite from my choices"</button>
            </Show>
        </div>
        {move || blurb.get().map(|text| view! {
            <section class="blurb" aria-label="Forwardable blurb">
                <h3>"A blurb they can forward"</h3>
                <p class="hint">"Send it along with the request, so they can pass a few lines about you to the hiring manager as they are."</p>
                <CopyBox label="Forwardable blurb" text=text/>
            </section>
        })}
        <section class="send" aria-label="After sending">
            <h3>"Sent it?"</h3>
            <div class="field follow-up">
                <label for=days_id.clone()>"Follow up after (days)"</label>
                <input id=days_id type="number" min="1" max=MAX_FOLLOW_UP_DAYS.to_string() inputmode="numeric" prop:value=move || days.get() on:input=on_days/>
                <p class="hint">
                    {move || match follow_up_date() {
                        Some(d) => format!("If there's no reply by {d}, Today will remind you, with a gentle follow-up."),
                        None => format!("Between 1 and {MAX_FOLLOW_UP_DAYS} days."),
                    }}
                </p>
            </div>
            {move || error.get().map(|e| view! { <p class="form-errors" role="alert">{e}</p> })}
            <div class="actions">
                <button type="button" class="button primary" on:click=mark_sent>"Mark as sent"</button>
                <a class="button ghost" href=href("/network")>"Not now"</a>
            </div>
            <p class="hint">"Vouch never sends anything itself: send the message from your own e-mail, LinkedIn or phone, then mark it as sent here."</p>
        </section>
    }
}
