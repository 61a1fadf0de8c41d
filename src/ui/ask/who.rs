//! Step 2: whom to ask. For a targeted goal, the contacts at the company and then the people who
//! know someone there; for a general goal, the backers whose industry, place or role fits. Each
//! shows its readiness with the reasons; a weak or cold tie is marked "warm up first" with the
//! softer step, never hidden.

use super::Wizard;
use crate::app::{href, use_app};
use crate::compose::{candidates, Candidate, Candidates};
use crate::model::Parts;
use crate::model::{GoalKind, Id};
use crate::network::Verdict;
use crate::ui::fields::unique_id;
use leptos::prelude::*;
use leptos_router::components::A;

/// Contacts listed in the "someone else" picker at most; past that, start from the contact's page.
const PICKER_LIMIT: usize = 1_000;

#[component]
pub fn WhoStep(wizard: Wizard) -> impl IntoView {
    let app = use_app();
    let plan = wizard.plan;
    let today = wizard.today;
    let goal = Memo::new(move |_| app.data.with(Parts::GOALS, |d| plan.with(|p| p.goal(d).cloned())));
    let found = Memo::new(move |_| {
        goal.with(|g| match g {
            Some(g) => app.data.with(Parts::ALL, |d| candidates(d, g, today.get())),
            None => Candidates::default(),
        })
    });
    // The person picked, when not among the lists (started from their page, or picked below).
    let picked_elsewhere = Memo::new(move |_| {
        found.with(|f| {
            plan.with(|p| {
                if f.iter().any(|c| p.is_picked(c)) {
                    return None;
                }
                app.data.with(Parts::ALL, |d| p.candidate_among(f, d, today.get()))
            })
        })
    });
    let company = Memo::new(move |_| goal.with(|g| g.as_ref().map(|g| g.company.clone()).unwrap_or_default()));
    let targeted = Memo::new(move |_| goal.with(|g| g.as_ref().is_some_and(|g| g.kind == GoalKind::Targeted)));
    let group = unique_id("who");

    let list = move |title: String, hint: &'static str, items: Vec<Candidate>| {
        let group = group.clone();
        (!items.is_empty()).then(|| {
            view! {
                <fieldset class="option-list">
                    <legend>{title}</legend>
                    <p class="hint">{hint}</p>
                    {items
                        .into_iter()
                        .map(|c| view! { <CandidateRow candidate=c wizard=wizard group=group.clone() company=company.get()/> })
                        .collect_view()}
                </fieldset>
            }
        })
    };

    view! {
        <p class="hint">
            {move || goal.with(|g| g.as_ref().map(|g| format!("For {}.", g.title())).unwrap_or_default())}
            " Ready people come first in each list; anyone not ready yet is marked, with a softer first step."
        </p>
        {
            let list = list.clone();
            move || picked_elsewhere.get().map(|c| list("Your pick".into(), "", vec![c]))
        }
        {move || {
            let company = company.get();
            found.with(|f| {
                view! {
                    {list(format!("At {company}"), "They work there: the most direct route.", f.direct.clone())}
                    {list(
                        "Through someone you know".into(),
                        "They know someone there. Ask them for a warm introduction: it is a lower-pressure ask than a referral.",
                        f.second.clone(),
                    )}
                    {list(
                        "Backers who fit".into(),
                        "People who know your work and share the goal's industry, place or role.",
                        f.general.clone(),
                    )}
                }
            })
        }}
        <Show when=move || found.with(Candidates::is_empty)>
            <div class="empty small">
                {move || if targeted.get() {
                    view! {
                        <p>{format!("Nobody in your network works at {} or is known to know someone there yet.", company.get())}</p>
                        <p>"Add the people you know there, or open a contact and record whom they know (“Who they know”). Or ask someone below for names."</p>
                    }.into_any()
                } else {
                    view! {
                        <p>"None of your backers match this goal's industry, places or roles yet."</p>
                        <p>"Judge how well your contacts know, like and trust you on their pages, or pick someone below."</p>
                    }.into_any()
                }}
                <A href=href("/network/new")>"Add a contact"</A>
            </div>
        </Show>
        <SomeoneElse wizard=wizard/>
    }
}

/// One person to ask, as a radio option with the path, the verdict and its reasons.
#[component]
fn CandidateRow(
    /// The person and how they lead to the goal.
    candidate: Candidate,
    wizard: Wizard,
    /// The radio group's name.
    group: String,
    /// The target company, for the path in words.
    company: String,
) -> impl IntoView {
    let app = use_app();
    let plan = wizard.plan;
    let input_id = unique_id("who-option");
    let detail_id = format!("{input_id}-detail");
    let picked = {
        let c = candidate.clone();
        move || plan.with(|p| p.is_picked(&c))
    };
    let pick = {
        let c = candidate.clone();
        move |_| app.data.with_untracked(|d| plan.update(|p| p.pick(d, &c)))
    };
    let verdict = candidate.readiness.verdict;
    let badge = match verdict {
        Verdict::Ready => "badge ready",
        Verdict::WarmUpFirst => "badge warm-up",
        Verdict::GoThroughSomeoneElse => "badge through",
    };
    let warm_up = candidate.warm_up();
    let reasons: Vec<String> = candidate.readiness.reasons.iter().take(4).cloned().collect();
    view! {
        <div class="option candidate" class:picked=picked>
            <input
                id=input_id.clone()
                type="radio"
                name=group
                aria-describedby=detail_id.clone()
                prop:checked=picked.clone()
                on:change=pick
            />
            <label for=input_id>
                <span class="option-title">{candidate.name.clone()}</span>
                <span class="option-meta">{candidate.headline.clone()}</span>
                <span class="option-meta">{candidate.route_text(&company)}</span>
            </label>
            <div class="candidate-detail" id=detail_id>
                <span class=badge>{if warm_up.is_some() { "Warm up first" } else { verdict.label() }}</span>
                {warm_up.map(|step| view! { <span class="softer-step">{format!("Softer first step: {step}")}</span> })}
                <ul class="reasons">{reasons.into_iter().map(|r| view! { <li>{r}</li> }).collect_view()}</ul>
            </div>
        </div>
    }
}

/// Anyone in the network, for an ask the lists do not suggest (say, a friend who knows the
/// industry). Drawn only for networks small enough to scroll through; a large one starts from
/// the contact's own page.
#[component]
fn SomeoneElse(wizard: Wizard) -> impl IntoView {
    let app = use_app();
    let plan = wizard.plan;
    let today = wizard.today;
    let people = Memo::new(move |_| {
        app.data.with(Parts::CONTACTS, |d| {
            if d.contacts.len() > PICKER_LIMIT {
                return None;
            }
            let mut list: Vec<(Id, String)> = d.contacts.values().map(|c| (c.id, c.name.clone())).collect();
            crate::sort::sort_by_key(&mut list, |(_, name)| crate::network::fold(name));
            Some(list)
        })
    });
    let select_id = unique_id("someone-else");
    let choose = move |value: String| {
        let Ok(id) = value.parse::<Id>() else { return };
        app.data.with_untracked(|d| {
            plan.update(|p| {
                if let Some(found) = p
                    .goal(d)
                    .and_then(|g| crate::compose::route_for(d, g, id, today.get_untracked()))
                {
                    p.pick(d, &found);
                }
            })
        });
    };
    move || {
        people.get().map(|list| {
            let select_id = select_id.clone();
            view! {
                <div class="field someone-else">
                    <label for=select_id.clone()>"Or ask someone else"</label>
                    <select id=select_id on:change:target=move |ev| choose(ev.target().value())>
                        <option value="">"Choose a contact…"</option>
                        {list
                            .into_iter()
                            .map(|(id, name)| view! { <option value=id.to_string()>{name}</option> })
                            .collect_view()}
                    </select>
                </div>
            }
        })
    }
}
