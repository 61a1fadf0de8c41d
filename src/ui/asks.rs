//! A contact's asks and what came of them (DOMAIN.md rules 8–10): each ask's state, and recording
//! the answer in one step: a yes with the one or two people named, or a can't with its reason and
//! the steps that follow (keep your eyes open, the résumé, a later follow-up).

use crate::app::{href, use_app, Toast};
use crate::model::{Ask, Id, Outcome, ReferralDraft, Touchpoint};
use crate::pipeline::{self, drafts, CantStep};
use crate::ui::draft::DraftPanel;
use crate::ui::fields::{unique_id, FormErrors};
use crate::ui::owed::OwedItem;
use crate::web;
use chrono::NaiveDate;
use leptos::prelude::*;
use leptos_router::components::A;

fn day(d: NaiveDate) -> String {
    d.format("%-d %b %Y").to_string()
}

/// The contact page's "Asks" section.
#[component]
pub fn ContactAsks(
    /// Whose asks.
    contact: Id,
) -> impl IntoView {
    let app = use_app();
    let asks = Memo::new(move |_| {
        app.data.with(|d| {
            let mut list: Vec<(NaiveDate, Id)> = d
                .asks
                .values()
                .filter(|a| a.contact == contact)
                .map(|a| (a.sent_on, a.id))
                .collect();
            list.sort_by(|a, b| b.cmp(a));
            list.into_iter().map(|(_, id)| id).collect::<Vec<_>>()
        })
    });
    view! {
        <section class="card asks" aria-labelledby="asks-heading">
            <h2 id="asks-heading">"Asks"</h2>
            <Show
                when=move || !asks.with(Vec::is_empty)
                fallback=|| view! { <p class="hint">"No asks logged yet. When you ask for a referral, an introduction or advice, its answer and what follows are recorded here."</p> }
            >
                <ul class="ask-list" aria-label="Asks">
                    <For each=move || asks.get() key=|id| *id let:id>
                        <li><AskCard id=id/></li>
                    </For>
                </ul>
            </Show>
        </section>
    }
}

/// One ask: what, when, for which goal, its state, and the next step.
#[component]
pub fn AskCard(
    /// The ask shown.
    id: Id,
) -> impl IntoView {
    let app = use_app();
    let ask = Memo::new(move |_| app.data.with(|d| d.asks.get(&id).cloned()));
    let today = web::clock::today();
    move || {
        let today = today.get();
        let Some(a) = ask.get() else {
            return ().into_any();
        };
        let goal = app
            .data
            .with_untracked(|d| a.goal.and_then(|g| d.goals.get(&g)).map(|g| g.title()));
        let title = match &goal {
            Some(g) => format!("{} · {g}", a.kind.label()),
            None => a.kind.label().to_string(),
        };
        let heading = format!("ask-{id}");
        let state = match &a.outcome {
            Outcome::Waiting => {
                let follow = match a.follow_up_due {
                    Some(due) if due <= today && a.last_follow_up_on.is_none_or(|on| on < due) => {
                        format!(" · follow-up due since {}", day(due))
                    }
                    Some(due) if due > today => format!(" · follow up on {}", day(due)),
                    _ => String::new(),
                };
                format!("Waiting for a reply{follow}")
            }
            Outcome::NoReply => "No reply".to_string(),
            Outcome::Yes => "Yes".to_string(),
            Outcome::Cant { .. } => "Can't".to_string(),
        };
        let state_class = match a.outcome {
            Outcome::Yes => "state ok",
            Outcome::Cant { .. } => "state warn",
            _ => "state",
        };
        let owed_here: Vec<pipeline::Owed> = app.data.with_untracked(|d| {
            pipeline::owed(d, today)
                .into_iter()
                .filter(|o| o.about == pipeline::OwedRef::Ask(id))
                .collect()
        });
        let body = match &a.outcome {
            Outcome::Yes => view! { <YesDetails ask=a.clone()/> }.into_any(),
            Outcome::Cant { why } => view! { <CantDetails ask=a.clone() why=why.clone()/> }.into_any(),
            Outcome::Waiting | Outcome::NoReply => view! { <RecordOutcome ask=id/> }.into_any(),
        };
        view! {
            <article class="ask-card" aria-labelledby=heading.clone()>
                <h3 id=heading.clone()>{title}</h3>
                <p class="meta">{format!("Sent {}", day(a.sent_on))}{(!a.introduce_to.is_empty()).then(|| format!(" · for an introduction to {}", a.introduce_to))}</p>
                <p><span class=state_class>{state}</span></p>
                {(!a.message.is_empty()).then(|| view! {
                    <details class="sent-message">
                        <summary>"The message as sent"</summary>
                        <p class="notes">{a.message.clone()}</p>
                    </details>
                })}
                {(!owed_here.is_empty()).then(|| view! {
                    <ul class="item-list" aria-label="Owed for this ask">
                        {owed_here.into_iter().map(|o| view! { <OwedItem owed=o answer=None/> }).collect_view()}
                    </ul>
                })}
                {body}
            </article>
        }
        .into_any()
    }
}

/// The yes: who was named (linked to the pipeline), and whether they refer internally.
#[component]
fn YesDetails(ask: Ask) -> impl IntoView {
    let app = use_app();
    let names: Vec<(String, String)> = app.data.with_untracked(|d| {
        let mut list: Vec<_> = d.referrals.values().filter(|r| r.ask == Some(ask.id)).collect();
        list.sort_by_key(|r| (r.referred_at, r.id));
        list.iter()
            .map(|r| (r.name.clone(), pipeline::stage_label(r.stage).to_string()))
            .collect()
    });
    view! {
        {ask.refers_internally.then(|| view! { <p>"They will refer you internally for the posting."</p> })}
        {(!names.is_empty()).then(|| view! {
            <p>"Referred you to: "
                {names.into_iter().map(|(n, s)| format!("{n} ({s})")).collect::<Vec<_>>().join(", ")}
                " · " <A href=href("/referrals")>"See the referrals"</A>
            </p>
        })}
        {ask.thanked_on.map(|d| view! { <p class="meta">{format!("Thank-you sent {}", day(d))}</p> })}
    }
}

/// The can't: their words, and the steps after it, each with its draft.
#[component]
fn CantDetails(ask: Ask, why: String) -> impl IntoView {
    let app = use_app();
    let id = ask.id;
    let open = RwSignal::new(None::<CantStep>);
    let step = move |step: CantStep| {
        let today = web::today();
        let result = app.data.with_untracked(|d| {
            d.asks
                .get(&id)
                .and_then(|a| pipeline::log_cant_step(a, step, today, web::new_id(), web::now()))
        });
        if let Some((a, touch)) = result {
            app.put::<Ask>(a);
            app.put::<Touchpoint>(touch);
            open.set(None);
            app.show_toast(Toast {
                message: "Logged, and added to the timeline.".into(),
                undo: None,
            });
        }
    };
    let eyes = app.data.with_untracked(|d| drafts::eyes_open(d, &ask));
    let resume = app.data.with_untracked(|d| drafts::resume_note(d, &ask));
    let row = move |s: CantStep, label: &'static str, done: Option<NaiveDate>, prepared: Option<drafts::Prepared>| {
        let panel = format!("cant-{id}-{s:?}");
        view! {
            <li>
                <span>{label}</span>
                {match done {
                    Some(d) => view! { <span class="meta">{format!(" · sent {}", day(d))}</span> }.into_any(),
                    None => view! {
                        " "
                        <button
                            type="button"
                            class="button small"
                            aria-expanded=move || (open.get() == Some(s)).to_string()
                            aria-controls=panel.clone()
                            on:click=move |_| open.update(|o| *o = if *o == Some(s) { None } else { Some(s) })
                        >
                            "Write it"
                        </button>
                        <div id=panel.clone() hidden=move || open.get() != Some(s)>
                            <Show when=move || open.get() == Some(s)>
                                {prepared.clone().map(|p| view! {
                                    <DraftPanel prepared=p title=label.to_string()>
                                        <button type="button" class="button primary" on:click=move |_| step(s)>"Mark as sent"</button>
                                    </DraftPanel>
                                })}
                            </Show>
                        </div>
                    }.into_any(),
                }}
            </li>
        }
    };
    let later = match ask.later_follow_up {
        Some(d) => format!("Later follow-up with your progress: {}", day(d)),
        None => "No later follow-up planned.".to_string(),
    };
    view! {
        {(!why.is_empty()).then(|| view! { <blockquote class="their-words">{why.clone()}</blockquote> })}
        {ask.questions_plan.then(|| view! { <p class="meta">"Shown on the goal: it questions your plan."</p> })}
        <ol class="next-steps" aria-label="After the can't">
            {row(CantStep::EyesOpen, "Ask them to keep their eyes open", ask.eyes_open_on, eyes)}
            {row(CantStep::Resume, "Send your résumé", ask.resume_sent_on, resume)}
            <li>{later}</li>
        </ol>
    }
}

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
            Ok((a, referrals)) => {
                errors.set(Vec::new());
                let count = referrals.len();
                // The referrals first: the ask's card redraws as soon as the ask changes, and
                // should find them.
                for r in referrals {
                    app.put(r);
                }
                app.put(a);
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
    let later = RwSignal::new((web::today() + chrono::Days::new(60)).format("%Y-%m-%d").to_string());
    let errors = RwSignal::new(Vec::<String>::new());
    let (why_id, q_id, later_id) = (unique_id("cw"), unique_id("cq"), unique_id("cd"));
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let value = later.get_untracked();
        let later_follow_up = match NaiveDate::parse_from_str(&value, "%Y-%m-%d") {
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
