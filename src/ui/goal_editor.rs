//! The goal form, shared by the Goals screen (adding and editing) and the ask wizard's goal step:
//! kind, roles, industry, places, the target and the pitch. Nothing is saved until every field is valid.

use crate::app::{href, use_app, Toast};
use crate::model::Parts;
use crate::model::{Goal, GoalDraft, GoalKind, Id};
use crate::ui::fields::{unique_id, FormErrors, TextArea, TextField};
use crate::web;
use leptos::prelude::*;

/// The goal form's fields as signals, so one form serves adding and editing.
#[derive(Clone, Copy)]
struct GoalForm {
    targeted: RwSignal<bool>,
    roles: RwSignal<String>,
    industry: RwSignal<String>,
    locations: RwSignal<String>,
    company: RwSignal<String>,
    posting: RwSignal<String>,
    picked: RwSignal<Vec<String>>,
    pitch: RwSignal<String>,
}

impl GoalForm {
    fn new(d: GoalDraft) -> Self {
        GoalForm {
            targeted: RwSignal::new(d.kind == GoalKind::Targeted),
            roles: RwSignal::new(d.roles),
            industry: RwSignal::new(d.industry),
            locations: RwSignal::new(d.locations),
            company: RwSignal::new(d.company),
            posting: RwSignal::new(d.posting),
            picked: RwSignal::new(d.picked),
            pitch: RwSignal::new(d.pitch),
        }
    }

    /// The form as a draft. `picked` follows the profile's order, not the order of the clicks, so
    /// the same ticks always give the same pitch.
    fn draft(&self, skills: &[String]) -> GoalDraft {
        let picked = self.picked.get_untracked();
        GoalDraft {
            kind: if self.targeted.get_untracked() {
                GoalKind::Targeted
            } else {
                GoalKind::General
            },
            roles: self.roles.get_untracked(),
            industry: self.industry.get_untracked(),
            locations: self.locations.get_untracked(),
            company: self.company.get_untracked(),
            posting: self.posting.get_untracked(),
            picked: skills.iter().filter(|s| picked.contains(s)).cloned().collect(),
            pitch: self.pitch.get_untracked(),
        }
    }
}

/// The goal form: kind, roles, industry, places, the target (if targeted) and the pitch.
/// Nothing is saved until every field is valid.
#[component]
pub fn GoalEditor(
    /// The goal to edit, or `None` to add a new one.
    goal: Option<Goal>,
    /// Called after a save and on Cancel.
    on_close: Callback<()>,
    /// Called with the goal's id after it is saved, before `on_close`.
    #[prop(optional)]
    on_saved: Option<Callback<Id>>,
) -> impl IntoView {
    let app = use_app();
    let skills = Memo::new(move |_| app.data.with(Parts::PROFILE, |d| d.profile.skills.clone()));
    let draft = goal
        .as_ref()
        .map(|g| GoalDraft::from_goal(g, &skills.get_untracked()))
        .unwrap_or_default();
    let form = GoalForm::new(draft);
    let goal_id = goal.as_ref().map(|g| g.id);
    let errors = RwSignal::new(Vec::<String>::new());
    let pitch_count = Memo::new(move |_| {
        GoalDraft {
            picked: form.picked.get(),
            pitch: form.pitch.get(),
            ..Default::default()
        }
        .pitch_count()
    });

    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let now = web::now();
        let mut target = match goal_id {
            // Edit the latest version: another tab may have changed or archived it meanwhile.
            Some(id) => match app.data.with_untracked(|d| d.goals.get(&id).cloned()) {
                Some(g) => g,
                None => {
                    errors.set(vec!["This goal was deleted in another tab.".into()]);
                    return;
                }
            },
            None => Goal::new(web::new_id(), now),
        };
        match form.draft(&skills.get_untracked()).apply(&mut target, now) {
            Ok(()) => {
                errors.set(Vec::new());
                let verb = if goal_id.is_some() { "Saved" } else { "Added" };
                app.show_toast(Toast {
                    message: format!("{verb} {}.", target.title()),
                    undo: None,
                });
                let id = target.id;
                app.put(target);
                if let Some(saved) = on_saved {
                    saved.run(id);
                }
                on_close.run(());
            }
            Err(e) => errors.set(e.iter().map(ToString::to_string).collect()),
        }
    };

    let kind_name = unique_id("kind");
    let general_id = unique_id("kind-general");
    let targeted_id = unique_id("kind-targeted");
    let general_hint = format!("{general_id}-hint");
    let targeted_hint = format!("{targeted_id}-hint");
    let form_label = goal
        .as_ref()
        .map_or_else(|| "New goal".to_string(), |g| format!("Edit {}", g.title()));
    let submit_label = if goal.is_some() { "Save changes" } else { "Save goal" };

    view! {
        <form class="goal-form" aria-label=form_label on:submit=save novalidate>
            <FormErrors errors=errors/>
            <fieldset class="kind-choice">
                <legend>"Kind of goal"</legend>
                <div class="kind-option">
                    <input
                        id=general_id.clone()
                        type="radio"
                        name=kind_name.clone()
                        aria-describedby=general_hint.clone()
                        prop:checked=move || !form.targeted.get()
                        on:change=move |_| form.targeted.set(false)
                    />
                    <div>
                        <label for=general_id>"General"</label>
                        <p class="hint" id=general_hint>"Keep me in mind for roles like these, at any company."</p>
                    </div>
                </div>
                <div class="kind-option">
                    <input
                        id=targeted_id.clone()
                        type="radio"
                        name=kind_name
                        aria-describedby=targeted_hint.clone()
                        prop:checked=move || form.targeted.get()
                        on:change=move |_| form.targeted.set(true)
                    />
                    <div>
                        <label for=targeted_id>"Targeted"</label>
                        <p class="hint" id=targeted_hint>"One company, maybe one posting: ask who works there."</p>
                    </div>
                </div>
            </fieldset>
            <fieldset>
                <legend>"What and where"</legend>
                <TextArea label="Roles" value=form.roles rows=2 hint="One per line, e.g. Operations analyst. At least one."/>
                <div class="grid-2">
                    <TextField label="Industry" value=form.industry hint="Optional, e.g. Logistics."/>
                    <TextArea label="Locations" value=form.locations rows=2 hint="One per line or separated by commas; \u{201c}Remote\u{201d} counts."/>
                </div>
            </fieldset>
            <Show when=move || form.targeted.get()>
                <fieldset>
                    <legend>"The target"</legend>
                    <div class="grid-2">
                        <TextField label="Company" value=form.company required=true hint="The one company you are aiming at."/>
                        <TextField label="Posting" value=form.posting hint="Optional: its link (https://…) or its reference, e.g. REQ-2291."/>
                    </div>
                </fieldset>
            </Show>
            <fieldset class="pitch-choice">
                <legend>"Why you fit"</legend>
                <p class="hint">"Your pitch for this goal: the two or three skills or achievements that matter most for it. Messages for this goal use them."</p>
                <Show
                    when=move || !skills.read().is_empty()
                    fallback=|| view! {
                        <p class="hint">
                            "Add skills and achievements to your profile in "
                            <a href=href("/settings")>"Settings & data"</a>
                            " to pick from them here."
                        </p>
                    }
                >
                    <ul class="pitch-picks" aria-label="From your profile">
                        {move || skills.get().into_iter().map(|skill| view! { <PitchPick skill=skill picked=form.picked/> }).collect_view()}
                    </ul>
                </Show>
                <TextArea label="Points for this goal only" value=form.pitch rows=2 hint="One per line."/>
                <div role="status" class="pitch-status">
                    {move || (pitch_count.get() > GoalDraft::PITCH_POINTS).then(|| view! {
                        <p class="warning">{format!("{} points chosen: two or three strong points read better than a list.", pitch_count.get())}</p>
                    })}
                </div>
            </fieldset>
            <div class="actions">
                <button type="submit" class="button primary">{submit_label}</button>
                <button type="button" class="button ghost" on:click=move |_| on_close.run(())>"Cancel"</button>
            </div>
        </form>
    }
}

/// One of the profile's skills and achievements as a checkbox.
#[component]
fn PitchPick(
    /// The skill or achievement, as written in the profile.
    skill: String,
    /// The ticked ones.
    picked: RwSignal<Vec<String>>,
) -> impl IntoView {
    let id = unique_id("pick");
    let checked = {
        let skill = skill.clone();
        move || picked.read().contains(&skill)
    };
    let toggle = {
        let skill = skill.clone();
        move |ev: leptos::ev::Event| {
            let on = event_target_checked(&ev);
            picked.update(|p| {
                p.retain(|s| s != &skill);
                if on {
                    p.push(skill.clone());
                }
            });
        }
    };
    view! {
        <li class="check">
            <input id=id.clone() type="checkbox" prop:checked=checked on:change=toggle/>
            <label for=id>{skill}</label>
        </li>
    }
}
