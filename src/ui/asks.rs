//! A contact's asks and what came of them (DOMAIN.md rules 8–10): each ask's state, its answer
//! (recorded with `answer::RecordOutcome`), and the steps after a can't (keep your eyes open, the
//! résumé, a later follow-up).

use crate::app::{href, use_app, Toast};
use crate::model::Parts;
use crate::model::{Ask, Id, Outcome};
use crate::pipeline::{self, drafts, CantStep, FollowUp};
use crate::ui::answer::RecordOutcome;
use crate::ui::draft::DraftPanel;
use crate::ui::owed::OwedItem;
use crate::ui::write_toggle::WriteToggle;
use crate::web;
use chrono::NaiveDate;
use leptos::prelude::*;
use leptos_router::components::A;

fn day(d: NaiveDate) -> String {
    crate::model::dates::short_date(d)
}

/// The contact page's "Asks" section.
#[component]
pub fn ContactAsks(
    /// Whose asks.
    contact: Id,
) -> impl IntoView {
    let app = use_app();
    let asks = Memo::new(move |_| {
        app.data.with(Parts::ASKS, |d| {
            let mut list: Vec<(NaiveDate, Id)> = d
                .asks
                .values()
                .filter(|a| a.contact == contact)
                .map(|a| (a.sent_on, a.id))
                .collect();
            crate::sort::sort_by(&mut list, |a, b| b.cmp(a));
            list.into_iter().map(|(_, id)| id).collect::<Vec<_>>()
        })
    });
    // What the user owes for this contact's asks, worked out once for all of their cards.
    let today = web::clock::today();
    let owed = Memo::new(move |_| {
        let today = today.get();
        app.data.with(Parts::ASKS | Parts::REFERRALS | Parts::CONTACTS, |d| {
            pipeline::owed(d, today)
                .into_iter()
                .filter(|o| o.contact == contact)
                .collect::<Vec<_>>()
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
                        <li><AskCard id=id owed=owed/></li>
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
    /// What the user owes for the contact's asks, this one's among them.
    owed: Memo<Vec<pipeline::Owed>>,
) -> impl IntoView {
    let app = use_app();
    let ask = Memo::new(move |_| app.data.with(Parts::ASKS, |d| d.asks.get(&id).cloned()));
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
                let follow = match pipeline::follow_up(&a, today) {
                    Some(FollowUp::Due(due)) => format!(" · follow-up due since {}", day(due)),
                    Some(FollowUp::Later(due)) => format!(" · follow up on {}", day(due)),
                    None => String::new(),
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
        let owed_here: Vec<pipeline::Owed> = owed.with(|all| {
            all.iter()
                .filter(|o| o.about == pipeline::OwedRef::Ask(id))
                .cloned()
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
        crate::sort::sort_by_key(&mut list, |r| (r.referred_at, r.id));
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
        if let Some(change) = result {
            app.apply(|d| change.apply(d));
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
                        <WriteToggle
                            open=Signal::derive(move || open.get() == Some(s))
                            on_toggle=move |()| open.update(|o| *o = if *o == Some(s) { None } else { Some(s) })
                            controls=panel.clone()
                        />
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
