//! Step 4: what makes the message personal and convincing: the shared experience and admired work
//! (taken from the contact, editable here), which fit points to use, what the user offers back,
//! the résumé link, and for a warm introduction whom to be introduced to.

use super::{CheckField, PlanField, Wizard};
use crate::app::{href, use_app};
use crate::model::AskKind;
use crate::model::Parts;
use crate::ui::fields::unique_id;
use leptos::prelude::*;
use leptos_router::components::A;

/// A labelled text box bound to one field of the plan.
#[component]
fn PlanText(
    /// The visible label and accessible name.
    #[prop(into)]
    label: Signal<String>,
    /// The plan's field, from `Wizard::text`.
    field: PlanField,
    /// Help under the box.
    #[prop(optional)]
    hint: Option<&'static str>,
    /// A text area rather than a one-line input.
    #[prop(optional)]
    multiline: bool,
) -> impl IntoView {
    let id = unique_id("p");
    let hint_id = format!("{id}-hint");
    let described = hint.map(|_| hint_id.clone());
    let value = move || field.value.get();
    let control = if multiline {
        view! {
            <textarea id=id.clone() rows=2 aria-describedby=described prop:value=value
                on:input:target=move |ev| field.input(ev.target().value())></textarea>
        }
        .into_any()
    } else {
        view! {
            <input id=id.clone() type="text" autocomplete="off" aria-describedby=described prop:value=value
                on:input:target=move |ev| field.input(ev.target().value())/>
        }
        .into_any()
    };
    view! {
        <div class="field">
            <label for=id>{move || label.get()}</label>
            {control}
            {hint.map(|h| view! { <p class="hint" id=hint_id>{h}</p> })}
        </div>
    }
}

#[component]
pub fn PersonalStep(wizard: Wizard) -> impl IntoView {
    let app = use_app();
    let plan = wizard.plan;
    let first = Memo::new(move |_| {
        app.data
            .with(Parts::ALL, |d| {
                plan.with(|p| {
                    p.contact(d)
                        .filter(|c| !c.name.trim().is_empty())
                        .map(|c| crate::network::words::first_name(&c.name).to_string())
                })
            })
            .unwrap_or_default()
    });
    let full_name = Memo::new(move |_| {
        app.data
            .with(Parts::CONTACTS, |d| plan.with(|p| p.contact(d).map(|c| c.name.clone())))
            .unwrap_or_default()
    });
    let shared = wizard.text(|p| p.shared.clone(), |p, v| p.shared = v);
    let admired = wizard.text(|p| p.admired.clone(), |p, v| p.admired = v);
    let offer = wizard.text(|p| p.offer_back.clone(), |p, v| p.offer_back = v);
    let intro_name = wizard.text(|p| p.introduce_to.name.clone(), |p, v| p.introduce_to.name = v);
    let intro_company = wizard.text(|p| p.introduce_to.company.clone(), |p, v| p.introduce_to.company = v);
    let intro_role = wizard.text(|p| p.introduce_to.role.clone(), |p, v| p.introduce_to.role = v);
    let warm_intro = Memo::new(move |_| plan.with(|p| p.kind == Some(AskKind::WarmIntroduction)));
    let has_resume = Memo::new(move |_| app.data.with(Parts::PROFILE, |d| !d.profile.resume_url.is_empty()));

    view! {
        <Show when=move || warm_intro.get()>
            <fieldset>
                <legend>"Whom to be introduced to"</legend>
                <div class="grid-3">
                    <PlanText label="Their name" field=intro_name/>
                    <PlanText label="Their role" field=intro_role/>
                    <PlanText label="Their company" field=intro_company/>
                </div>
            </fieldset>
        </Show>
        <fieldset>
            <legend>"What you share"</legend>
            <PlanText
                label=Signal::derive(move || format!("What you share with {}", first.get()))
                field=shared
                multiline=true
                hint="A past project, a school, an event, as it reads after “our time on”: the port digitisation project."
            />
            <PlanText
                label="What you admire in their work"
                field=admired
                multiline=true
                hint="As it reads after “I admire”: your talk on warehouse robotics."
            />
            <CheckField
                label=Signal::derive(move || format!("Also save these on {}'s contact when I mark the ask as sent", full_name.get()))
                checked=Signal::derive(move || plan.with(|p| p.remember))
                on_toggle=Callback::new(move |on| plan.update(|p| p.remember = on))
            />
        </fieldset>
        <FitPoints wizard=wizard/>
        <fieldset>
            <legend>"Give back"</legend>
            <PlanText
                label="What you can offer in return"
                field=offer
                hint="As it reads after “I'd be glad to”: review your team's forecasting model. Optional, but a referral is a favour."
            />
            <CheckField
                label="Include my résumé link"
                checked=Signal::derive(move || plan.with(|p| p.include_resume) && has_resume.get())
                on_toggle=Callback::new(move |on| plan.update(|p| p.include_resume = on))
                disabled=Signal::derive(move || !has_resume.get())
            />
            <Show when=move || !has_resume.get()>
                <p class="hint">"No résumé link in your profile yet: add one in "<A href=href("/settings")>"Settings & data"</A>"."</p>
            </Show>
        </fieldset>
    }
}

/// The two or three points that make the case, ticked from the goal's pitch and the profile, or
/// written for this message.
#[component]
fn FitPoints(wizard: Wizard) -> impl IntoView {
    let app = use_app();
    let plan = wizard.plan;
    // The goal's pitch first, then the profile, then points written here; each once.
    let options = Memo::new(move |_| {
        let mut all: Vec<String> = app.data.with(Parts::ALL, |d| {
            plan.with(|p| {
                p.goal(d)
                    .map(|g| g.pitch.clone())
                    .unwrap_or_default()
                    .into_iter()
                    .chain(d.profile.skills.iter().cloned())
                    .chain(p.fit_points.iter().cloned())
                    .collect()
            })
        });
        let mut seen = std::collections::HashSet::new();
        all.retain(|point| seen.insert(point.trim().to_lowercase()));
        all
    });
    let count = Memo::new(move |_| plan.with(|p| p.fit_points.len()));
    let new_point = RwSignal::new(String::new());
    let new_id = unique_id("fit-new");
    let add = move || {
        let point = new_point.get_untracked().trim().to_string();
        if !point.is_empty() {
            plan.update(|p| {
                if !p.fit_points.contains(&point) {
                    p.fit_points.push(point);
                }
            });
            new_point.set(String::new());
        }
    };
    view! {
        <fieldset class="fit-points">
            <legend>"Why you fit"</legend>
            <p class="hint">"Two or three points that matter for this goal. The message lists them in this order."</p>
            <ul class="pitch-picks" aria-label="Fit points">
                <For each=move || options.get() key=|p| p.clone() let:point>
                    {
                        let id = unique_id("fit");
                        let checked_point = point.clone();
                        let toggled = point.clone();
                        view! {
                            <li class="check-field">
                                <input
                                    id=id.clone()
                                    type="checkbox"
                                    prop:checked=move || plan.with(|p| p.fit_points.contains(&checked_point))
                                    on:change:target=move |ev| {
                                        let on = ev.target().checked();
                                        plan.update(|p| {
                                            p.fit_points.retain(|f| f != &toggled);
                                            if on {
                                                p.fit_points.push(toggled.clone());
                                            }
                                        })
                                    }
                                />
                                <label for=id>{point}</label>
                            </li>
                        }
                    }
                </For>
            </ul>
            <div role="status">
                {move || (count.get() > 3).then(|| view! {
                    <p class="warning">{format!("{} points: two or three strong ones read better than a list.", count.get())}</p>
                })}
            </div>
            <div class="inline-add">
                <div class="field">
                    <label for=new_id.clone()>"Add a point for this message"</label>
                    <input
                        id=new_id
                        type="text"
                        autocomplete="off"
                        bind:value=new_point
                        on:keydown=move |ev| {
                            if ev.key() == "Enter" {
                                ev.prevent_default();
                                add();
                            }
                        }
                    />
                </div>
                <button type="button" class="button" on:click=move |_| add()>"Add point"</button>
            </div>
        </fieldset>
    }
}
