//! One referred person as a card, shared by the Referrals board and Today's urgent section: who,
//! by whom, how long ago (on a clock that ticks each minute), and the next step with its draft.

use crate::app::{href, use_app, AppState, Toast};
use crate::model::Parts;
use crate::model::{Closing, Id, Referral, Stage, Stamp};
use crate::pipeline::{self, drafts, stage_label, UrgencyPolicy};
use crate::ui::calendar::download_ics;
use crate::ui::draft::DraftPanel;
use crate::ui::fields::unique_id;
use crate::ui::write_toggle::WriteToggle;
use crate::web;
use leptos::prelude::*;
use leptos_router::components::A;
use std::time::Duration;

/// The current time, moved on every minute so ages and red flags stay true on an open screen.
pub fn ticking_now() -> Signal<Stamp> {
    let now = RwSignal::new(web::now());
    if let Ok(handle) = set_interval_with_handle(move || now.set(web::now()), Duration::from_secs(60)) {
        on_cleanup(move || handle.clear());
    }
    now.into()
}

/// One referred person: who, by whom, how long ago, what they value, and what to do next.
#[component]
pub fn ReferralCard(
    /// The referral shown; the card follows its edits and disappears with it.
    id: Id,
    /// The current time, for the age.
    #[prop(into)]
    now: Signal<Stamp>,
    /// Hours before a new referral is overdue.
    #[prop(into)]
    hours: Signal<u32>,
) -> impl IntoView {
    let app = use_app();
    let referral = Memo::new(move |_| app.data.with(Parts::REFERRALS, |d| d.referrals.get(&id).cloned()));
    let referrer = Memo::new(move |_| {
        referral.with(|r| {
            r.as_ref().map(|r| {
                app.data
                    .with(Parts::CONTACTS, |d| {
                        d.contacts.get(&r.referred_by).map(|c| (c.id, c.name.clone()))
                    })
                    .unwrap_or((r.referred_by, "a deleted contact".to_string()))
            })
        })
    });
    let error = RwSignal::new(None::<String>);
    let writing = RwSignal::new(false);
    let heading = format!("referral-{id}");
    let draft_id = format!("referral-{id}-draft");
    let urgent = Memo::new(move |_| {
        referral.with(|r| {
            let r = r.as_ref()?;
            let q = pipeline::urgent_queue([r], now.get().0, UrgencyPolicy::hours(hours.get()));
            q.first().map(|u| (u.age_hours, u.overdue, u.due_by))
        })
    });

    // Saves an edited copy of the latest version, or shows why the change was refused.
    let edit = move |change: &dyn Fn(&mut Referral) -> Result<(), String>| {
        let Some(mut r) = app.data.with_untracked(|d| d.referrals.get(&id).cloned()) else {
            return false;
        };
        match change(&mut r) {
            Ok(()) => {
                error.set(None);
                app.put(r);
                true
            }
            Err(e) => {
                error.set(Some(e));
                false
            }
        }
    };
    let log_contact = move |_| {
        let now = web::now();
        if edit(&|r| pipeline::log_first_contact(r, now, now).map_err(|e| e.to_string())) {
            writing.set(false);
            let name = referral.with_untracked(|r| r.as_ref().map(|r| r.name.clone()).unwrap_or_default());
            app.show_toast(Toast {
                message: format!("Logged your first contact with {name}."),
                undo: None,
            });
        }
    };
    let export = move |_| {
        let events = app.data.with_untracked(|d| {
            let Some(r) = d.referrals.get(&id) else {
                return Vec::new();
            };
            pipeline::urgent_queue([r], web::now().0, UrgencyPolicy::hours(hours.get_untracked()))
                .iter()
                .map(|u| pipeline::event_for_urgent(u, d))
                .collect()
        });
        download_ics(app, "vouch-first-contact", &events);
    };

    move || {
        let Some(r) = referral.get() else {
            return view! { <p class="hint">"This referral was removed."</p> }.into_any();
        };
        let (by_id, by_name) = referrer.get().unwrap_or((r.referred_by, String::new()));
        let name = r.name.clone();
        let headline = [r.role.as_str(), r.company.as_str()]
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(" at ");
        // Age and colour follow the clock on their own, so the minute tick never redraws the card
        // (and never loses a draft being edited in it).
        let overdue = move || urgent.get().is_some_and(|(_, o, _)| o);
        let age = move || {
            urgent.get().map(|(hours, overdue, due_by)| {
                let when = if overdue {
                    " · overdue: contact them today".to_string()
                } else {
                    format!(
                        " · contact by {}",
                        pipeline::urgency::due_by_label(due_by, web::utc_offset_minutes(due_by))
                    )
                };
                view! { <p class="age" class:late=overdue>{pipeline::age_label(hours)}{when}</p> }
            })
        };
        let stage_line = (r.stage != Stage::New).then(|| {
            let mut text = format!("Stage: {}", stage_label(r.stage));
            if let Some(c) = r.closing {
                text.push_str(&format!(" · {}", c.label()));
            }
            if let (Stage::MeetingSet, Some(day)) = (r.stage, r.meeting_on) {
                text.push_str(&format!(" · meeting on {}", crate::model::dates::short_date(day)));
            }
            view! { <p class="stage-line">{text}</p> }
        });
        let contact_line = [r.email.as_str(), r.phone.as_str()]
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(" · ");
        let values = (!r.values.is_empty())
            .then(|| view! { <p class="told"><strong>"What they value: "</strong>{r.values.clone()}</p> });
        let tips = (!r.tips.is_empty())
            .then(|| view! { <p class="told"><strong>"How to approach them: "</strong>{r.tips.clone()}</p> });
        let calls = r.calls_ahead.then(|| format!(" · {by_name} will call ahead"));
        let actions = match r.stage {
            Stage::New => {
                let prepared = app.data.with_untracked(|d| drafts::first_contact(d, &r));
                let n1 = name.clone();
                let n2 = name.clone();
                let n3 = name.clone();
                view! {
                    <div class="actions">
                        <WriteToggle
                            open=writing
                            on_toggle=move |()| writing.update(|w| *w = !*w)
                            controls=draft_id.clone()
                            label=format!("Write first message to {n1}")
                            text="Write first message"
                            class="button primary"
                        />
                        <button type="button" class="button" aria-label=format!("Log first contact with {n2}") on:click=log_contact>
                            "Log first contact"
                        </button>
                        <button type="button" class="button ghost" aria-label=format!("Add the deadline for {n3} to calendar") on:click=export>
                            "Add to calendar"
                        </button>
                    </div>
                    <div id=draft_id.clone() hidden=move || !writing.get()>
                        <Show when=move || writing.get()>
                            {prepared.clone().map(|p| {
                                let n = name.clone();
                                view! {
                                    <DraftPanel prepared=p title=format!("First message to {n}")>
                                        <button type="button" class="button primary" on:click=log_contact>
                                            "Mark as sent: log first contact"
                                        </button>
                                    </DraftPanel>
                                }
                            })}
                        </Show>
                    </div>
                }
                .into_any()
            }
            Stage::Closed => ().into_any(),
            stage => view! { <StageActions id=id name=name.clone() stage=stage meeting_on=r.meeting_on error=error/> }
                .into_any(),
        };
        view! {
            <article class="referral-card" class:late=overdue aria-labelledby=heading.clone()>
                <h3 id=heading.clone()>{r.name.clone()}</h3>
                {(!headline.is_empty()).then(|| view! { <p class="sub">{headline}</p> })}
                <p class="by">
                    "Referred by " <A href=href(&format!("/network/{by_id}"))>{by_name.clone()}</A>
                    {format!(" on {}", crate::model::dates::short_date(r.referred_at.0.date_naive()))}
                    {calls}
                </p>
                {age}
                {stage_line}
                {(!contact_line.is_empty()).then(|| view! { <p class="meta">{contact_line}</p> })}
                {values}
                {tips}
                {move || error.get().map(|e| view! { <p class="form-errors" role="alert">{e}</p> })}
                {actions}
                <ReferralNotes id=id name=r.name.clone() notes=r.notes.clone()/>
            </article>
        }
        .into_any()
    }
}

/// Moving an open, contacted referral on: the next stage, the meeting day, closing, or undoing the
/// last step.
#[component]
fn StageActions(
    id: Id,
    name: String,
    stage: Stage,
    meeting_on: Option<chrono::NaiveDate>,
    error: RwSignal<Option<String>>,
) -> impl IntoView {
    let app = use_app();
    let closing = RwSignal::new(Closing::NoOffer.key().to_string());
    let meeting = RwSignal::new(meeting_on.map(crate::model::dates::iso).unwrap_or_default());
    let closing_id = unique_id("cl");
    let meeting_id = unique_id("mt");
    let edit = move |change: &dyn Fn(&mut Referral) -> Result<(), String>, done: String| {
        edit_referral(app, id, error, change, done)
    };
    let next = pipeline::move_on_to(stage);
    let back = pipeline::undo_to(stage);
    let n = name.clone();
    let move_on = move |_| {
        if let Some(to) = next {
            edit(
                &move |r| pipeline::move_stage(r, to, web::now()).map_err(|e| e.to_string()),
                format!("{n} moved to {}.", stage_label(to)),
            );
        }
    };
    let n = name.clone();
    let close = move |_| {
        let Some(how) = Closing::from_key(&closing.get_untracked()) else {
            return;
        };
        edit(
            &move |r| pipeline::close(r, how, web::now()).map_err(|e| e.to_string()),
            format!("Closed {n}: {}.", how.label().to_lowercase()),
        );
    };
    let n = name.clone();
    let undo = move |_| {
        if let Some(to) = back {
            edit(
                &move |r| pipeline::correct_stage(r, to, web::now()).map_err(|e| e.to_string()),
                format!("{n} is back at {}.", stage_label(to)),
            );
        }
    };
    let n = name.clone();
    let save_meeting = move |_| {
        let value = meeting.get_untracked();
        let day = match crate::model::dates::parse_iso(&value) {
            Ok(d) => Some(d),
            Err(_) if value.trim().is_empty() => None,
            Err(_) => {
                error.set(Some("Meeting day must be a date, like 2026-11-22.".into()));
                return;
            }
        };
        edit(
            &move |r| {
                r.set_meeting_on(day, web::now());
                Ok(())
            },
            format!("Meeting day with {n} saved."),
        );
    };
    view! {
        <div class="actions">
            {next.map(|to| view! {
                <button type="button" class="button primary" aria-label=format!("Move {name} to {}", stage_label(to)) on:click=move_on>
                    {format!("Move to {}", stage_label(to))}
                </button>
            })}
            {back.map(|to| view! {
                <button type="button" class="button ghost small" aria-label=format!("Undo: back to {}", stage_label(to)) on:click=undo>
                    "Undo last step"
                </button>
            })}
        </div>
        {(stage == Stage::MeetingSet).then(|| view! {
            <div class="row-inline">
                <div class="field">
                    <label for=meeting_id.clone()>"Meeting day"</label>
                    <input id=meeting_id.clone() type="date" bind:value=meeting/>
                </div>
                <button type="button" class="button small" on:click=save_meeting>"Save meeting day"</button>
            </div>
        })}
        <div class="row-inline">
            <div class="field">
                <label for=closing_id.clone()>"How it ended"</label>
                <select id=closing_id.clone() on:change:target=move |ev| closing.set(ev.target().value()) prop:value=move || closing.get()>
                    {Closing::ALL.map(|c| view! { <option value=c.key()>{c.label()}</option> }).collect_view()}
                </select>
            </div>
            <button type="button" class="button small" on:click=close>"Close"</button>
        </div>
    }
}

/// Applies `change` to the latest version of a referral and saves it with a confirmation, or shows
/// why it was refused, changing nothing.
fn edit_referral(
    app: AppState,
    id: Id,
    error: RwSignal<Option<String>>,
    change: &dyn Fn(&mut Referral) -> Result<(), String>,
    done: String,
) {
    let Some(mut r) = app.data.with_untracked(|d| d.referrals.get(&id).cloned()) else {
        return;
    };
    match change(&mut r) {
        Ok(()) => {
            error.set(None);
            app.put(r);
            app.show_toast(Toast {
                message: done,
                undo: None,
            });
        }
        Err(e) => error.set(Some(e)),
    }
}

/// The user's notes on a referral: what to prepare for their questions, or a test.
#[component]
fn ReferralNotes(id: Id, name: String, notes: String) -> impl IntoView {
    let app = use_app();
    let open = !notes.is_empty();
    let value = RwSignal::new(notes);
    let error = RwSignal::new(None::<String>);
    let field_id = unique_id("rn");
    let save = move |_| {
        let Some(mut r) = app.data.with_untracked(|d| d.referrals.get(&id).cloned()) else {
            return;
        };
        match r.set_notes(&value.get_untracked(), web::now()) {
            Ok(()) => {
                error.set(None);
                app.put(r);
                app.show_toast(Toast {
                    message: "Notes saved.".into(),
                    undo: None,
                });
            }
            Err(e) => error.set(Some(e.to_string())),
        }
    };
    view! {
        <details class="referral-notes" open=open>
            <summary>"Notes to prepare"</summary>
            <div class="field">
                <label for=field_id.clone()>{format!("Notes on {name}")}</label>
                <textarea id=field_id rows=3 bind:value=value placeholder="Questions they may ask, a test to prepare, what to bring"></textarea>
            </div>
            {move || error.get().map(|e| view! { <p class="form-errors" role="alert">{e}</p> })}
            <button type="button" class="button small" on:click=save>"Save notes"</button>
        </details>
    }
}
