//! "Make the ask": the guided wizard, one screen a step (goal, who, what, make it personal, channel
//! and tone, review and send), each in its own file. The plan it edits is `compose::AskPlan`; this
//! shell keeps it across reloads, moves between steps, and says what is missing before moving on.

mod channel;
mod goal;
mod personal;
mod review;
mod what;
mod who;

use crate::app::use_app;
use crate::compose::{AskPlan, Step};
use crate::model::Id;
use crate::web::{self, share::scratch};
use chrono::NaiveDate;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;
use wasm_bindgen::JsCast;

/// Where the unfinished ask is kept between reloads. Outside the store's `vouch.` keys on purpose:
/// it is a scratch copy, and the store treats unknown keys of its own as damage.
pub const DRAFT_KEY: &str = "vouch-ask-draft";

/// What every step reads and writes.
#[derive(Clone, Copy)]
pub(crate) struct Wizard {
    pub plan: RwSignal<AskPlan>,
    /// Today, moving on at midnight like every screen's: a wizard left open overnight ranks,
    /// recommends and dates the follow-up from the new day.
    pub today: Signal<NaiveDate>,
}

/// A field of the plan as a text box holds it: `value` is what the box shows, a signal of its own
/// so typing re-renders nothing else; `input` writes each keystroke into both it and the plan (and
/// so into the saved draft), in the input handler.
#[derive(Clone, Copy)]
pub(crate) struct PlanField {
    pub value: RwSignal<String>,
    write: Callback<String>,
}

impl PlanField {
    pub fn input(self, text: String) {
        self.value.set(text.clone());
        self.write.run(text);
    }
}

impl Wizard {
    /// The plan's field that `get` reads and `set` writes, as a text box holds it.
    pub fn text(
        self,
        get: impl Fn(&AskPlan) -> String + 'static,
        set: impl Fn(&mut AskPlan, String) + Send + Sync + 'static,
    ) -> PlanField {
        let plan = self.plan;
        PlanField {
            value: RwSignal::new(plan.with_untracked(&get)),
            write: Callback::new(move |text: String| plan.update(|p| set(p, text))),
        }
    }
}

/// One radio option of a wizard list, drawn as a card whose whole body is its label.
#[component]
pub(crate) fn OptionCard(
    /// The radio group's name.
    #[prop(into)]
    group: String,
    /// Whether this option is the one picked.
    #[prop(into)]
    checked: Signal<bool>,
    /// Runs when the user picks it.
    on_pick: Callback<()>,
    /// Extra classes for the card ("inline").
    #[prop(optional)]
    class: &'static str,
    /// The label's content.
    children: Children,
) -> impl IntoView {
    let id = crate::ui::fields::unique_id("option");
    view! {
        <div class=format!("option {class}") class:picked=move || checked.get()>
            <input
                id=id.clone()
                type="radio"
                name=group
                prop:checked=move || checked.get()
                on:change=move |_| on_pick.run(())
            />
            <label for=id>{children()}</label>
        </div>
    }
}

/// A labelled checkbox of a wizard step.
#[component]
pub(crate) fn CheckField(
    /// The visible label and accessible name.
    #[prop(into)]
    label: Signal<String>,
    #[prop(into)] checked: Signal<bool>,
    /// Runs with the new state when the user ticks or unticks it.
    on_toggle: Callback<bool>,
    /// Greys it out, e.g. the résumé link without one in the profile.
    #[prop(optional, into)]
    disabled: Signal<bool>,
) -> impl IntoView {
    let id = crate::ui::fields::unique_id("check");
    view! {
        <div class="check-field">
            <input
                id=id.clone()
                type="checkbox"
                disabled=move || disabled.get()
                prop:checked=move || checked.get()
                on:change:target=move |ev| on_toggle.run(ev.target().checked())
            />
            <label for=id>{move || label.get()}</label>
        </div>
    }
}

fn saved_draft() -> Option<AskPlan> {
    // `from_slice`, as every JSON read in the app: one compiled reader, not two.
    scratch::get(DRAFT_KEY).and_then(|json| serde_json::from_slice(json.as_bytes()).ok())
}

fn focus_step_heading() {
    request_animation_frame(|| {
        if let Some(el) = document()
            .get_element_by_id("step-heading")
            .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = el.focus();
        }
    });
}

#[component]
pub fn MakeTheAsk() -> impl IntoView {
    let app = use_app();
    let query = use_query_map();
    let navigate = use_navigate();
    let today = web::clock::today();
    let param = |name: &str| query.with_untracked(|q| q.get(name).and_then(|v| v.parse::<Id>().ok()));
    let (goal, contact) = (param("goal"), param("contact"));
    let fresh = move || {
        app.data
            .with_untracked(|d| AskPlan::start(d, goal, contact, today.get_untracked()))
    };

    // A saved draft is resumed unless the user came to start another ask (from a contact or a
    // goal); then it is offered, never silently dropped.
    let saved = saved_draft().filter(|s| s.contact.is_some() || s.step != Step::Goal);
    let started_elsewhere = goal.is_some() || contact.is_some();
    let (initial, unfinished) = match saved {
        Some(s) if !started_elsewhere => (s, None),
        Some(s) if contact.is_none_or(|c| s.contact == Some(c)) && goal.is_none_or(|g| s.goal == Some(g)) => (s, None),
        Some(s) => (fresh(), Some(s)),
        None => (fresh(), None),
    };
    if started_elsewhere {
        // The draft now carries the start; a reload must resume it, not start again.
        request_animation_frame(move || {
            navigate(
                "/ask",
                NavigateOptions {
                    replace: true,
                    ..Default::default()
                },
            )
        });
    }
    let plan = RwSignal::new(initial);
    let unfinished = RwSignal::new(unfinished);
    let wizard = Wizard { plan, today };
    let draft_note = RwSignal::new(None::<String>);
    Effect::new(move || {
        let json = plan.with(|p| serde_json::to_string(p).unwrap_or_default());
        let kept = scratch::set(DRAFT_KEY, &json);
        draft_note.set((!kept).then(|| {
            "This browser isn't letting Vouch keep the draft, so it will be lost on reload. Your saved data is not affected."
                .to_string()
        }));
    });

    let step = Memo::new(move |_| plan.with(|p| p.step));
    // Why the last Next was refused, with the step it was refused on: shown only while that step
    // is open, so moving to any step (Back, Next, a continued draft) leaves it behind.
    let error = RwSignal::new(None::<(Step, String)>);
    let shown_error = move || error.get().filter(|(s, _)| *s == step.get()).map(|(_, e)| e);
    let go = move |to: Option<Step>| {
        if let Some(to) = to {
            plan.update(|p| p.step = to);
            focus_step_heading();
        }
    };
    let next = move || {
        let current = step.get_untracked();
        let checked = app
            .data
            .with_untracked(|d| plan.with_untracked(|p| p.check(current, d)));
        match checked {
            Ok(()) => go(current.next()),
            Err(e) => error.set(Some((current, e.to_string()))),
        }
    };

    view! {
        <section class="page wizard">
            <header class="page-head">
                <div>
                    <h1>"Make the ask"</h1>
                    <p class="sub">"Whom to ask, what to ask for, and a message that is personal, clear and easy to say no to."</p>
                </div>
            </header>
            <ol class="steps" aria-label="Steps">
                {Step::ALL
                    .into_iter()
                    .map(|s| {
                        view! {
                            <li
                                class:done=move || s.number() < step.get().number()
                                aria-current=move || (step.get() == s).then_some("step")
                            >
                                <span class="step-number">{s.number()}</span>
                                <span class="step-title">{s.title()}</span>
                            </li>
                        }
                    })
                    .collect_view()}
            </ol>
            {move || unfinished.get().map(|old| view! { <Unfinished old=old plan=plan unfinished=unfinished/> })}
            {move || draft_note.get().map(|n| view! { <p class="note warn" role="status">{n}</p> })}
            // Not a <form>: the goal step holds the goal form, and forms do not nest.
            <div class="card wizard-step">
                <h2 id="step-heading" tabindex="-1">
                    {move || format!("Step {} of {}: {}", step.get().number(), Step::ALL.len(), step.get().title())}
                </h2>
                {move || match step.get() {
                    Step::Goal => view! { <goal::GoalStep wizard=wizard/> }.into_any(),
                    Step::Who => view! { <who::WhoStep wizard=wizard/> }.into_any(),
                    Step::What => view! { <what::WhatStep wizard=wizard/> }.into_any(),
                    Step::Personal => view! { <personal::PersonalStep wizard=wizard/> }.into_any(),
                    Step::Channel => view! { <channel::ChannelStep wizard=wizard/> }.into_any(),
                    Step::Review => view! { <review::ReviewStep wizard=wizard/> }.into_any(),
                }}
                {move || shown_error().map(|e| view! { <p class="form-errors" role="alert">{e}</p> })}
                <div class="wizard-nav">
                    <button
                        type="button"
                        class="button"
                        disabled=move || step.get().previous().is_none()
                        on:click=move |_| go(step.get_untracked().previous())
                    >
                        "Back"
                    </button>
                    <Show when=move || step.get() != Step::Review>
                        <button type="button" class="button primary" on:click=move |_| next()>"Next"</button>
                    </Show>
                </div>
            </div>
        </section>
    }
}

/// Offered when the wizard was opened to start a new ask while another was unfinished.
#[component]
fn Unfinished(
    /// The unfinished plan, as saved.
    old: AskPlan,
    /// The wizard's plan, replaced by `old` on "Continue it".
    plan: RwSignal<AskPlan>,
    /// Cleared once the user has chosen.
    unfinished: RwSignal<Option<AskPlan>>,
) -> impl IntoView {
    let app = use_app();
    let who = app
        .data
        .with_untracked(|d| old.contact(d).map(|c| c.name.clone()))
        .unwrap_or_else(|| "someone".into());
    view! {
        <div class="card note" role="region" aria-label="Unfinished ask">
            <p>{format!("You have an unfinished ask to {who}. Starting this one replaces it.")}</p>
            <div class="actions">
                <button
                    type="button"
                    class="button"
                    on:click=move |_| {
                        plan.set(old.clone());
                        unfinished.set(None);
                        focus_step_heading();
                    }
                >
                    {format!("Continue the ask to {who}")}
                </button>
                <button type="button" class="button ghost" on:click=move |_| unfinished.set(None)>
                    "Start the new one"
                </button>
            </div>
        </div>
    }
}
