//! Recording the answer to a waiting ask in one step (DOMAIN.md rules 8 and 10): a yes with the
//! one or two people named, a can't with its reason and later follow-up, or no reply. Used on the
//! contact page's asks and on Today's follow-ups.

use crate::app::{use_app, Toast};
use crate::model::{Id, Outcome, ReferralDraft};
use crate::pipeline;
use crate::ui::fields::{unique_id, FormErrors};
use crate::web;
use leptos::prelude::*;

/// One person on the yes form.
#[derive(Clone, Copy)]
struct PersonForm {
    name: RwSignal<String>,
    company: RwSignal<String>,
    role: RwSignal<String>,
    email: RwSignal<String>,
    phone: RwSignal<String>,
    profile_url: RwSignal<String>,
    calls_ahead: RwSignal<bool>,
    values: RwSignal<String>,
    tips: RwSignal<String>,
}

impl PersonForm {
    fn new() -> Self {
        PersonForm {
            name: RwSignal::new(String::new()),
            company: RwSignal::new(String::new()),
            role: RwSignal::new(String::new()),
            email: RwSignal::new(String::new()),
            phone: RwSignal::new(String::new()),
            profile_url: RwSignal::new(String::new()),
            calls_ahead: RwSignal::new(false),
            values: RwSignal::new(String::new()),
            tips: RwSignal::new(String::new()),
        }
    }

    fn draft(&self) -> ReferralDraft {
        ReferralDraft {
            name: self.name.get_untracked(),
            company: self.company.get_untracked(),
            role: self.role.get_untracked(),
            email: self.email.get_untracked(),
            phone: self.phone.get_untracked(),
            profile_url: self.profile_url.get_untracked(),
            calls_ahead: self.calls_ahead.get_untracked(),
            values: self.values.get_untracked(),
            tips: self.tips.get_untracked(),
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Answer {
    Yes,
    Cant,
}

/// Recording the answer to a waiting ask: yes, can't, or no reply. Used on the contact page and on
/// Today's follow-ups.
#[component]
pub fn RecordOutcome(
    /// The ask answered.
    ask: Id,
) -> impl IntoView {
    let app = use_app();
    let answering = RwSignal::new(None::<Answer>);
    let name = app
        .data
        .with_untracked(|d| {
            d.asks
                .get(&ask)
                .and_then(|a| d.contacts.get(&a.contact))
                .map(|c| c.name.clone())
        })
        .unwrap_or_default();
    let no_reply = move |_| {
        let Some(mut a) = app.data.with_untracked(|d| d.asks.get(&ask).cloned()) else {
            return;
        };
        if pipeline::record_outcome(&mut a, Outcome::NoReply, web::now()).is_ok() {
            app.put(a);
        }
    };
    let is_waiting = app
        .data
        .with_untracked(|d| d.asks.get(&ask).is_some_and(|a| a.outcome == Outcome::Waiting));
    let toggle = move |which: Answer| answering.update(|a| *a = if *a == Some(which) { None } else { Some(which) });
    let form_id = format!("answer-{ask}");
    view! {
        <div class="actions answer-buttons">
            <button type="button" class="button" aria-label=format!("Record a yes from {name}")
                aria-expanded=move || (answering.get() == Some(Answer::Yes)).to_string() aria-controls=form_id.clone()
                on:click=move |_| toggle(Answer::Yes)>"They said yes"</button>
            <button type="button" class="button" aria-label=format!("Record a can't from {name}")
                aria-expanded=move || (answering.get() == Some(Answer::Cant)).to_string() aria-controls=form_id.clone()
                on:click=move |_| toggle(Answer::Cant)>"They can't"</button>
            {is_waiting.then(|| view! {
                <button type="button" class="button ghost" on:click=no_reply>"No reply"</button>
            })}
        </div>
        <div id=form_id>
            {move || match answering.get() {
                Some(Answer::Yes) => view! { <YesForm ask=ask name=name.clone() done=answering/> }.into_any(),
                Some(Answer::Cant) => view! { <CantForm ask=ask name=name.clone() done=answering/> }.into_any(),
                None => ().into_any(),
            }}
        </div>
    }
}

#[component]
fn YesForm(ask: Id, name: String, done: RwSignal<Option<Answer>>) -> impl IntoView {
    let app = use_app();
    let people = RwSignal::new(vec![PersonForm::new(), PersonForm::new()]);
    let internal = RwSignal::new(false);
    let volunteered = RwSignal::new(false);
    let errors = RwSignal::new(Vec::<String>::new());
    let internal_id = unique_id("yi");
    let volunteered_id = unique_id("yv");
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(current) = app.data.with_untracked(|d| d.asks.get(&ask).cloned()) else {
            return;
        };
        let yes = pipeline::Yes {
            referrals: people.get_untracked().iter().map(PersonForm::draft).collect(),
            refers_internally: internal.get_untracked(),
            volunteered: volunteered.get_untracked(),
        };
        let result = app.data.with_untracked(|d| {
            pipeline::record_yes(d, &current, &yes, std::iter::repeat_with(web::new_id), web::now())
        });
        match result {
            Ok(change) => {
                errors.set(Vec::new());
                let count = change.referrals.len();
                // One update: the ask's card redraws with its referrals already there.
                app.apply(|d| change.apply(d));
                done.set(None);
                app.show_toast(Toast {
                    message: match count {
                        0 => "Recorded the yes. Thank them soon.".to_string(),
                        1 => "Recorded the yes: 1 referral to contact now.".to_string(),
                        n => format!("Recorded the yes: {n} referrals to contact now."),
                    },
                    undo: None,
                });
            }
            Err(e) => errors.set(vec![e.to_string()]),
        }
    };
    let add = move |_| people.update(|p| p.push(PersonForm::new()));
    let form_name = format!("Yes from {name}");
    view! {
        <form class="answer-form" aria-label=form_name on:submit=save novalidate>
            <p class="hint">"Whom did they refer you to? One or two people; leave a row empty if there was only one."</p>
            <FormErrors errors=errors/>
            {move || people.get().into_iter().enumerate().map(|(i, p)| view! { <PersonFields n=i + 1 form=p referrer=name.clone()/> }).collect_view()}
            <Show when=move || volunteered.get()>
                <button type="button" class="button small" on:click=add>"Add another person"</button>
            </Show>
            <div class="check">
                <input id=internal_id.clone() type="checkbox" bind:checked=internal/>
                <label for=internal_id>"They will refer me internally for the posting"</label>
            </div>
            <div class="check">
                <input id=volunteered_id.clone() type="checkbox" bind:checked=volunteered/>
                <label for=volunteered_id>"They volunteered more names (lifts the one-or-two rule)"</label>
            </div>
            <div class="actions">
                <button type="submit" class="button primary">"Save the yes"</button>
                <button type="button" class="button ghost" on:click=move |_| done.set(None)>"Cancel"</button>
            </div>
        </form>
    }
}

#[component]
fn PersonFields(n: usize, form: PersonForm, referrer: String) -> impl IntoView {
    let ids: Vec<String> = (0..9).map(|_| unique_id("pf")).collect();
    let text = move |i: usize, label: &'static str, kind: &'static str, value: RwSignal<String>| {
        let id = ids[i].clone();
        view! {
            <div class="field">
                <label for=id.clone()>{label}</label>
                <input id=id type=kind autocomplete="off" bind:value=value/>
            </div>
        }
    };
    let area = |id: String, label: &'static str, value: RwSignal<String>| {
        view! {
            <div class="field">
                <label for=id.clone()>{label}</label>
                <textarea id=id rows=2 bind:value=value></textarea>
            </div>
        }
    };
    let calls_id = unique_id("pc");
    let values_id = unique_id("pv");
    let tips_id = unique_id("pt");
    view! {
        <fieldset>
            <legend>{format!("Person {n}")}</legend>
            <div class="grid-2">
                {text(0, "Name", "text", form.name)}
                {text(1, "Company", "text", form.company)}
                {text(2, "Role", "text", form.role)}
                {text(3, "Email", "email", form.email)}
                {text(4, "Phone", "tel", form.phone)}
                {text(5, "Profile URL", "url", form.profile_url)}
            </div>
            <div class="check">
                <input id=calls_id.clone() type="checkbox" bind:checked=form.calls_ahead/>
                <label for=calls_id>{format!("{referrer} will call ahead")}</label>
            </div>
            {area(values_id, "What they value", form.values)}
            {area(tips_id, "How to approach them", form.tips)}
        </fieldset>
    }
}

#[component]
fn CantForm(ask: Id, name: String, done: RwSignal<Option<Answer>>) -> impl IntoView {
    let app = use_app();
    let why = RwSignal::new(String::new());
    let questions = RwSignal::new(false);
    let later = RwSignal::new(crate::model::dates::iso(web::today() + chrono::Days::new(60)));
    let errors = RwSignal::new(Vec::<String>::new());
    let (why_id, q_id, later_id) = (unique_id("cw"), unique_id("cq"), unique_id("cd"));
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let value = later.get_untracked();
        let later_follow_up = match crate::model::dates::parse_iso(&value) {
            Ok(d) => Some(d),
            Err(_) if value.trim().is_empty() => None,
            Err(_) => {
                errors.set(vec!["Follow up later on must be a date, like 2026-11-22.".into()]);
                return;
            }
        };
        let Some(current) = app.data.with_untracked(|d| d.asks.get(&ask).cloned()) else {
            return;
        };
        let cant = pipeline::Cant {
            why: why.get_untracked(),
            questions_plan: questions.get_untracked(),
            later_follow_up,
        };
        match pipeline::record_cant(&current, &cant, web::now()) {
            Ok(a) => {
                errors.set(Vec::new());
                app.put(a);
                done.set(None);
                app.show_toast(Toast {
                    message: "Recorded. Next: ask them to keep their eyes open, and leave your résumé.".into(),
                    undo: None,
                });
            }
            Err(e) => errors.set(vec![e.to_string()]),
        }
    };
    view! {
        <form class="answer-form" aria-label=format!("Can't from {name}") on:submit=save novalidate>
            <FormErrors errors=errors/>
            <div class="field">
                <label for=why_id.clone()>"Why they can't, in their words"</label>
                <textarea id=why_id rows=3 bind:value=why></textarea>
                <p class="hint">"Often the most useful feedback you will get. A thank-you is owed when they gave advice."</p>
            </div>
            <div class="check">
                <input id=q_id.clone() type="checkbox" bind:checked=questions/>
                <label for=q_id>"This questions my plan: show it on the goal"</label>
            </div>
            <div class="field">
                <label for=later_id.clone()>"Follow up later on"</label>
                <input id=later_id type="date" bind:value=later/>
                <p class="hint">"A note then shows your progress. Leave empty for none."</p>
            </div>
            <div class="actions">
                <button type="submit" class="button primary">"Save the can't"</button>
                <button type="button" class="button ghost" on:click=move |_| done.set(None)>"Cancel"</button>
            </div>
        </form>
    }
}
