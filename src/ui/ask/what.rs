//! Step 3: what to ask for. The kind that fits the situation is preselected, with the reason
//! (a second-degree path asks for a warm introduction, a weak tie gets a coffee or a catch-up, a
//! strong tie at the company is asked for a referral). A third request for names warns first.

use super::Wizard;
use crate::app::use_app;
use crate::model::AskKind;
use crate::ui::fields::unique_id;
use leptos::prelude::*;

#[component]
pub fn WhatStep(wizard: Wizard) -> impl IntoView {
    let app = use_app();
    let plan = wizard.plan;
    let today = wizard.today;
    let recommendation = Memo::new(move |_| app.data.with(|d| plan.with(|p| p.recommendation(d, today))));
    let chosen = Memo::new(move |_| plan.with(|p| p.kind));
    let warning = Memo::new(move |_| app.data.with(|d| plan.with(|p| p.names_warning(d))));
    let names_ok = Memo::new(move |_| plan.with(|p| p.names_ok));
    let who = Memo::new(move |_| {
        app.data
            .with(|d| plan.with(|p| p.contact(d).map(|c| c.name.clone())))
            .unwrap_or_default()
    });
    let group = unique_id("what");
    let ack_id = unique_id("names-ok");

    view! {
        {move || recommendation.get().map(|r| view! {
            <div class="recommendation" role="note">
                <p class="recommended">{format!("Recommended for {}: {}", who.get(), r.ask.label())}</p>
                <p class="hint">{r.reason}</p>
            </div>
        })}
        <fieldset class="option-list">
            <legend>"What to ask for"</legend>
            {AskKind::ALL
                .into_iter()
                .map(|kind| {
                    let input_id = unique_id("what-option");
                    let is_recommended = move || recommendation.with(|r| r.as_ref().is_some_and(|r| r.ask == kind));
                    view! {
                        <div class="option" class:picked=move || chosen.get() == Some(kind)>
                            <input
                                id=input_id.clone()
                                type="radio"
                                name=group.clone()
                                prop:checked=move || chosen.get() == Some(kind)
                                on:change=move |_| plan.update(|p| p.choose_kind(kind))
                            />
                            <label for=input_id>
                                <span class="option-title">
                                    {kind.label()}
                                    <Show when=is_recommended>
                                        <span class="badge ready">"Recommended"</span>
                                    </Show>
                                </span>
                                <span class="option-meta">{kind.description()}</span>
                            </label>
                        </div>
                    }
                })
                .collect_view()}
        </fieldset>
        {move || warning.get().map(|w| {
            let ack_id = ack_id.clone();
            view! {
                <div class="warning-box" role="alert">
                    <p>{w}</p>
                    <div class="check-field">
                        <input
                            id=ack_id.clone()
                            type="checkbox"
                            prop:checked=move || names_ok.get()
                            on:change:target=move |ev| plan.update(|p| p.names_ok = ev.target().checked())
                        />
                        <label for=ack_id>"Ask anyway: I have a good reason"</label>
                    </div>
                </div>
            }
        })}
    }
}
