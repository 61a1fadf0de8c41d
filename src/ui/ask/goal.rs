//! Step 1: the goal the ask serves (DOMAIN.md rule 4: no ask without a goal). Pick one of the
//! active goals, or create one here without leaving the wizard.

use super::{OptionCard, Wizard};
use crate::app::use_app;
use crate::compose::active_goals;
use crate::model::Parts;
use crate::model::{GoalKind, Id};
use crate::ui::fields::unique_id;
use crate::ui::goal_editor::GoalEditor;
use leptos::prelude::*;

#[component]
pub fn GoalStep(wizard: Wizard) -> impl IntoView {
    let app = use_app();
    let plan = wizard.plan;
    let goals = Memo::new(move |_| {
        app.data.with(Parts::GOALS, |d| {
            active_goals(d)
                .into_iter()
                .map(|g| (g.id, g.title(), g.kind, g.details()))
                .collect::<Vec<_>>()
        })
    });
    let creating = RwSignal::new(goals.with_untracked(Vec::is_empty));
    let chosen = Memo::new(move |_| plan.with(|p| p.goal));
    let group = StoredValue::new(unique_id("goal"));
    let today = wizard.today;
    let choose = move |id: Id| {
        app.data
            .with_untracked(|d| plan.update(|p| p.choose_goal(d, id, today.get_untracked())))
    };
    let on_saved = Callback::new(choose);
    let on_close = Callback::new(move |_: ()| creating.set(false));

    view! {
        <p class="hint">"What is this ask for? Messages name its role, company and your pitch for it."</p>
        <Show when=move || !goals.with(Vec::is_empty)>
            <fieldset class="option-list">
                <legend>"Your active goals"</legend>
                <For each=move || goals.get() key=|g| g.clone() let:g>
                    {
                        let (id, title, kind, details) = g;
                        view! {
                            <OptionCard
                                group=group.get_value()
                                checked=Signal::derive(move || chosen.get() == Some(id))
                                on_pick=Callback::new(move |_| choose(id))
                            >
                                <span class="option-title">{title}</span>
                                <span class="option-meta">
                                    {match kind {
                                        GoalKind::General => "General · keep me in mind",
                                        GoalKind::Targeted => "Targeted",
                                    }}
                                    {details.map(|d| format!(" · {d}"))}
                                </span>
                            </OptionCard>
                        }
                    }
                </For>
            </fieldset>
        </Show>
        <Show
            when=move || creating.get()
            fallback=move || view! {
                <button type="button" class="button" on:click=move |_| creating.set(true)>"Create a new goal"</button>
            }
        >
            <section class="nested" aria-label="New goal">
                <h3>"New goal"</h3>
                <GoalEditor goal=None on_close=on_close on_saved=on_saved/>
            </section>
        </Show>
    }
}
