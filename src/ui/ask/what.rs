//! Step 3: what to ask for. The kind that fits the situation is preselected, with the reason
//! (a second-degree path asks for a warm introduction, a weak tie gets a coffee or a catch-up, a
//! strong tie at the company is asked for a referral). A third request for names warns first.

use super::{CheckField, OptionCard, Wizard};
use crate::app::use_app;
use crate::model::AskKind;
use crate::model::Parts;
use crate::ui::fields::unique_id;
use leptos::prelude::*;

#[component]
pub fn WhatStep(wizard: Wizard) -> impl IntoView {
    let app = use_app();
    let plan = wizard.plan;
    let today = wizard.today;
    let recommendation = Memo::new(move |_| {
        app.data
            .with(Parts::ALL, |d| plan.with(|p| p.recommendation(d, today.get())))
    });
    let chosen = Memo::new(move |_| plan.with(|p| p.kind));
    let warning = Memo::new(move |_| app.data.with(Parts::ALL, |d| plan.with(|p| p.names_warning(d))));
    let names_ok = Memo::new(move |_| plan.with(|p| p.names_ok));
    let who = Memo::new(move |_| {
        app.data
            .with(Parts::CONTACTS, |d| plan.with(|p| p.contact(d).map(|c| c.name.clone())))
            .unwrap_or_default()
    });
    let group = unique_id("what");

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
                    let is_recommended = move || recommendation.with(|r| r.as_ref().is_some_and(|r| r.ask == kind));
                    view! {
                        <OptionCard
                            group=group.clone()
                            checked=Signal::derive(move || chosen.get() == Some(kind))
                            on_pick=Callback::new(move |_| plan.update(|p| p.choose_kind(kind)))
                        >
                            <span class="option-title">
                                {kind.label()}
                                <Show when=is_recommended>
                                    <span class="badge ready">"Recommended"</span>
                                </Show>
                            </span>
                            <span class="option-meta">{kind.description()}</span>
                        </OptionCard>
                    }
                })
                .collect_view()}
        </fieldset>
        {move || warning.get().map(|w| {
            view! {
                <div class="warning-box" role="alert">
                    <p>{w}</p>
                    <CheckField
                        label="Ask anyway: I have a good reason"
                        checked=names_ok
                        on_toggle=Callback::new(move |on| plan.update(|p| p.names_ok = on))
                    />
                </div>
            }
        })}
    }
}
