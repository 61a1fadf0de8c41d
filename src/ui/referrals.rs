//! The referral pipeline (DOMAIN.md rules 11 and 12): every referred person by stage, from "contact
//! as soon as possible" to closed. A new referral shows its age in hours and turns red when overdue;
//! its first message is one click away (the card is in `referral_card`).

use crate::app::{href, use_app, Toast};
use crate::model::Parts;
use crate::model::Stage;
use crate::pipeline::{self, stage_label};
use crate::ui::calendar::download_upcoming;
use crate::ui::fields::unique_id;
use crate::ui::referral_card::{ticking_now, ReferralCard};
use crate::web::prefs::{save_urgency_hours, urgency_hours, URGENCY_CHOICES};
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn Referrals() -> impl IntoView {
    let app = use_app();
    let hours = RwSignal::new(urgency_hours());
    let now = ticking_now();
    // The stages that have referrals, and each stage's ids, apart: a column is keyed by its stage
    // and a card by its id, so moving one referral redraws only that card, never its neighbours
    // (whose open drafts and unsaved notes live in their own signals).
    let by_stage = Memo::new(move |_| {
        app.data
            .with(Parts::REFERRALS, |d| pipeline::referrals_by_stage(d.referrals.values()))
    });
    let stages = Memo::new(move |_| by_stage.with(|b| b.iter().map(|(stage, _)| *stage).collect::<Vec<_>>()));
    let hours_id = unique_id("uh");
    let export_all = move |_| download_upcoming(app, hours.get_untracked());
    let on_hours = move |ev: leptos::ev::Event| {
        if let Ok(h) = event_target_value(&ev).parse::<u32>() {
            hours.set(h);
            if !save_urgency_hours(h) {
                app.show_toast(Toast {
                    message: "This browser did not keep the setting; it applies until you close the page.".into(),
                    undo: None,
                });
            }
        }
    };
    view! {
        <section class="page referrals">
            <header class="page-head">
                <div>
                    <h1>"Referrals"</h1>
                    <p class="sub">"The people you were referred to, by stage. Contact new ones as soon as you can: the person who referred you may have called ahead."</p>
                </div>
                <div class="actions">
                    <button type="button" class="button" on:click=export_all>"Add all upcoming to calendar"</button>
                </div>
            </header>
            <div class="field inline-setting">
                <label for=hours_id.clone()>"Mark a new referral overdue after"</label>
                <select id=hours_id on:change=on_hours prop:value=move || hours.get().to_string()>
                    {URGENCY_CHOICES.map(|h| view! { <option value=h.to_string()>{format!("{h} hours")}</option> }).collect_view()}
                </select>
            </div>
            <Show when=move || by_stage.with(Vec::is_empty)>
                <div class="empty">
                    <h2>"No referrals yet"</h2>
                    <p>"When a contact says yes and names someone for you to talk to, record it on the contact's page under Asks: the person shows up here, and on Today until you have contacted them."</p>
                    <A href=href("/network") attr:class="button primary">"Go to your network"</A>
                </div>
            </Show>
            <div class="board">
                <For each=move || stages.get() key=|stage| *stage let:stage>
                    {
                        let ids = Memo::new(move |_| {
                            by_stage.with(|b| b.iter().find(|(s, _)| *s == stage).map(|(_, ids)| ids.clone()).unwrap_or_default())
                        });
                        view! {
                            <section class="stage-column" aria-labelledby=format!("stage-{stage:?}")>
                                <h2 id=format!("stage-{stage:?}")>
                                    {stage_heading(stage)}
                                    <span class="count">{move || format!(" ({})", ids.with(Vec::len))}</span>
                                </h2>
                                <ul class="referral-list" aria-label=stage_label(stage)>
                                    <For each=move || ids.get() key=|id| *id let:id>
                                        <li><ReferralCard id=id now=now hours=hours/></li>
                                    </For>
                                </ul>
                            </section>
                        }
                    }
                </For>
            </div>
        </section>
    }
}

fn stage_heading(stage: Stage) -> &'static str {
    match stage {
        Stage::New => "New: contact as soon as possible",
        other => stage_label(other),
    }
}
