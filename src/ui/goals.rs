//! Goals: what the user is asking for, since there is no ask without one (DOMAIN.md rule 4).
//! The active goals as cards, edited in place; archived ones folded away with Restore; one form,
//! checked by `GoalDraft`, serves adding and editing.

use crate::app::{href, use_app, Toast};
use crate::model::Parts;
use crate::model::{newest_first, Goal, GoalKind, Id};
use crate::ui::goal_editor::GoalEditor;
use crate::web;
use leptos::prelude::*;
use leptos_router::components::A;
use wasm_bindgen::JsCast;

/// The id of the "New goal" section, for `aria-controls` and for moving focus into it.
const NEW_GOAL_ID: &str = "new-goal";

/// Where focus goes when the card that held it disappears (archived, restored, deleted).
fn focus_page_head() {
    focus_first("goals-head".to_string(), "button");
}

/// Moves focus to the first control inside the element with `id`, once it has been drawn.
/// Opening a form or closing an editor must not leave keyboard users stranded on `<body>`.
fn focus_first(id: String, selector: &'static str) {
    request_animation_frame(move || {
        let target = document()
            .get_element_by_id(&id)
            .and_then(|el| el.query_selector(selector).ok().flatten())
            .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(el) = target {
            let _ = el.focus();
        }
    });
}

fn card_id(id: Id) -> String {
    format!("goal-{id}")
}

#[component]
pub fn Goals() -> impl IntoView {
    let app = use_app();
    let creating = RwSignal::new(false);
    // Which card is open for editing: one at a time, held here so a save elsewhere (another tab,
    // an archive) that redraws the cards does not close it.
    let editing = RwSignal::new(None::<Id>);
    let goals = move |archived: bool| {
        app.data.with(Parts::GOALS, |d| {
            newest_first(d.goals.values().filter(|g| g.archived == archived))
                .into_iter()
                .cloned()
                .collect::<Vec<Goal>>()
        })
    };
    let active = Memo::new(move |_| goals(false));
    let archived = Memo::new(move |_| goals(true));
    let open_new = move || {
        creating.set(true);
        focus_first(NEW_GOAL_ID.to_string(), "input, textarea");
    };
    let close_new = Callback::new(move |_: ()| {
        creating.set(false);
        focus_page_head();
    });

    view! {
        <section class="page goals">
            <header class="page-head" id="goals-head">
                <div>
                    <h1>"Goals"</h1>
                    <p class="sub">"What you are asking for. Every ask is made for one goal."</p>
                </div>
                <button
                    type="button"
                    class="button primary"
                    aria-expanded=move || creating.get().to_string()
                    aria-controls=NEW_GOAL_ID
                    on:click=move |_| open_new()
                >
                    "New goal"
                </button>
            </header>
            <Show when=move || creating.get()>
                <section class="card goal-new" id=NEW_GOAL_ID aria-labelledby="new-goal-heading">
                    <h2 id="new-goal-heading">"New goal"</h2>
                    <GoalEditor goal=None on_close=close_new/>
                </section>
            </Show>
            <Show when=move || active.read().is_empty() && !creating.get()>
                <div class="empty">
                    <h2>{move || if archived.read().is_empty() { "No goals yet" } else { "No active goals" }}</h2>
                    <p>"A goal says what you are asking for: the role, the industry, the place, and either any company (\u{201c}keep me in mind\u{201d}) or one company you are targeting."</p>
                    <p>"Start with one. Your asks, messages and follow-ups all hang off it."</p>
                    <button type="button" class="button primary" on:click=move |_| open_new()>
                        "Define your first goal"
                    </button>
                </div>
            </Show>
            <Show when=move || !active.read().is_empty()>
                <h2 class="goals-heading">{move || format!("Active goals ({})", active.read().len())}</h2>
                <ul class="goal-list" aria-label="Active goals">
                    <For each=move || active.get() key=|g| (g.id, g.updated) let:goal>
                        <GoalCard goal=goal editing=editing/>
                    </For>
                </ul>
            </Show>
            <Show when=move || !archived.read().is_empty()>
                <details class="archived-goals">
                    <summary>{move || format!("Archived ({})", archived.read().len())}</summary>
                    <p class="hint">"Goals you have set aside. Restore one to ask for it again; its asks are kept either way."</p>
                    <ul class="archived-list" aria-label="Archived goals">
                        <For each=move || archived.get() key=|g| (g.id, g.updated) let:goal>
                            <ArchivedGoal goal=goal/>
                        </For>
                    </ul>
                </details>
            </Show>
        </section>
    }
}

/// "General · keep me in mind" or "Targeted": which kind of ask this goal leads to.
#[component]
fn KindBadge(kind: GoalKind) -> impl IntoView {
    match kind {
        GoalKind::General => view! { <span class="badge kind-general">"General · keep me in mind"</span> }.into_any(),
        GoalKind::Targeted => view! { <span class="badge kind-targeted">"Targeted"</span> }.into_any(),
    }
}

/// One active goal: its title, kind, posting and pitch, or the form when it is being edited.
#[component]
fn GoalCard(
    /// The goal as it is stored.
    goal: Goal,
    /// Which goal's editor is open, shared by all cards.
    editing: RwSignal<Option<Id>>,
) -> impl IntoView {
    let id = goal.id;
    let title = goal.title();
    let heading_id = format!("{}-title", card_id(id));
    let close = Callback::new(move |_: ()| {
        editing.set(None);
        focus_first(card_id(id), ".goal-edit");
    });
    let card = goal.clone();
    let editor = goal.clone();
    let label = title.clone();
    view! {
        <li id=card_id(id) class:editing=move || editing.get() == Some(id)>
            <Show
                when=move || editing.get() == Some(id)
                fallback=move || view! { <GoalView goal=card.clone() editing=editing/> }
            >
                <section class="card goal" aria-labelledby=heading_id.clone()>
                    <h3 id=heading_id.clone()>{format!("Edit {label}")}</h3>
                    <GoalEditor goal=Some(editor.clone()) on_close=close/>
                </section>
            </Show>
        </li>
    }
}

#[component]
fn GoalView(goal: Goal, editing: RwSignal<Option<Id>>) -> impl IntoView {
    let app = use_app();
    let id = goal.id;
    let title = goal.title();
    let heading_id = format!("{}-title", card_id(id));
    let details = (goal.kind == GoalKind::Targeted).then(|| goal.details()).flatten();
    let posting = (goal.kind == GoalKind::Targeted && !goal.posting.is_empty()).then(|| {
        match goal.posting_url() {
            Some(url) => view! {
                <p class="posting">"Posting: "<a href=url.to_string() target="_blank" rel="noopener noreferrer">{url.to_string()}</a></p>
            }
            .into_any(),
            None => view! { <p class="posting">"Posting: " {goal.posting.clone()}</p> }.into_any(),
        }
    });
    let pitch = goal.pitch.clone();
    let pitch_view = if pitch.is_empty() {
        view! { <p class="hint">"No pitch yet. Edit the goal to add the two or three points that make you a fit."</p> }
            .into_any()
    } else {
        view! {
            <p class="pitch-label">"Why you fit"</p>
            <ul class="pitch" aria-label=format!("Why you fit: {title}")>
                {pitch.into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}
            </ul>
        }
        .into_any()
    };
    let archive = {
        let title = title.clone();
        move |_| {
            let Some(mut current) = app.data.with_untracked(|d| d.goals.get(&id).cloned()) else {
                return;
            };
            current.set_archived(true, web::now());
            app.put(current);
            app.show_toast(Toast {
                message: format!("Archived {title}. Find it under Archived."),
                undo: None,
            });
            focus_page_head();
        }
    };
    view! {
        <article class="card goal" aria-labelledby=heading_id.clone()>
            <div class="goal-head">
                <h3 id=heading_id.clone()>{title.clone()}</h3>
                <KindBadge kind=goal.kind/>
            </div>
            {details.map(|d| view! { <p class="sub">{d}</p> })}
            {posting}
            {pitch_view}
            <crate::ui::progress::GoalProgressView goal=id title=title.clone()/>
            <div class="actions">
                <A href=href(&format!("/ask?goal={id}")) attr:class="button small primary" attr:aria-label=format!("Make the ask for {title}")>
                    "Make the ask"
                </A>
                <button
                    type="button"
                    class="button small goal-edit"
                    aria-label=format!("Edit {title}")
                    on:click=move |_| editing.set(Some(id))
                >
                    "Edit"
                </button>
                <button type="button" class="button small" aria-label=format!("Archive {title}") on:click=archive>
                    "Archive"
                </button>
                <DeleteGoal id=id title=title.clone()/>
            </div>
        </article>
    }
}

/// An archived goal: its title and kind, Restore, and Delete.
#[component]
fn ArchivedGoal(goal: Goal) -> impl IntoView {
    let app = use_app();
    let id = goal.id;
    let title = goal.title();
    let restore = {
        let title = title.clone();
        move |_| {
            let Some(mut current) = app.data.with_untracked(|d| d.goals.get(&id).cloned()) else {
                return;
            };
            current.set_archived(false, web::now());
            app.put(current);
            app.show_toast(Toast {
                message: format!("Restored {title}."),
                undo: None,
            });
            focus_page_head();
        }
    };
    view! {
        <li class="archived-goal">
            <span class="title">{title.clone()}</span>
            <KindBadge kind=goal.kind/>
            <div class="actions">
                <button type="button" class="button small" aria-label=format!("Restore {title}") on:click=restore>
                    "Restore"
                </button>
                <DeleteGoal id=id title=title.clone()/>
            </div>
        </li>
    }
}

/// Delete, then a second, explicit "Confirm delete". Asks made for the goal are kept: they record
/// what was said to whom, and simply stop pointing at a goal.
#[component]
fn DeleteGoal(
    /// The goal to delete.
    id: Id,
    /// Its title, for the button's name and the toast.
    title: String,
) -> impl IntoView {
    let app = use_app();
    let confirming = RwSignal::new(false);
    let confirm_id = format!("{}-confirm", card_id(id));
    let asks = Memo::new(move |_| {
        app.data
            .with(Parts::ASKS, |d| d.asks.values().filter(|a| a.goal == Some(id)).count())
    });
    let delete = {
        let title = title.clone();
        move |_| {
            app.remove::<Goal>(id);
            app.show_toast(Toast {
                message: format!("Deleted {title}."),
                undo: None,
            });
            focus_page_head();
        }
    };
    let open = {
        let confirm_id = confirm_id.clone();
        move |_| {
            confirming.set(true);
            focus_first(confirm_id.clone(), "button");
        }
    };
    view! {
        <button
            type="button"
            class="button small danger"
            aria-label=format!("Delete {title}")
            aria-expanded=move || confirming.get().to_string()
            on:click=open
        >
            "Delete"
        </button>
        <Show when=move || confirming.get()>
            <div class="confirm goal-confirm" id=confirm_id.clone() role="group" aria-label="Confirm deleting this goal">
                <p>
                    "Delete this goal for good? "
                    {move || match asks.get() {
                        0 => String::new(),
                        1 => "The ask made for it is kept.".to_string(),
                        n => format!("The {n} asks made for it are kept."),
                    }}
                </p>
                <div class="actions">
                    <button type="button" class="button small danger" on:click=delete.clone()>"Confirm delete"</button>
                    <button type="button" class="button small ghost" on:click=move |_| confirming.set(false)>"Keep it"</button>
                </div>
            </div>
        </Show>
    }
}
