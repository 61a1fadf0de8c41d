//! Progress at a glance, on each goal's card: asks and their answers, referrals by stage, and how
//! quickly new referrals got their first contact. About the user's own search only: no contact is
//! ranked, and the number of asks is not a score. Doubts a contact raised about the plan sit here
//! too, where the user reviews the goal.

use crate::app::use_app;
use crate::model::Id;
use crate::model::Parts;
use crate::pipeline::{self, stage_label};
use chrono::TimeDelta;
use leptos::prelude::*;

/// "17 hours", "3 days": a time to first contact in the unit that reads best.
fn duration_words(d: TimeDelta) -> String {
    let hours = d.num_hours();
    match hours {
        0 => "under an hour".to_string(),
        1 => "1 hour".to_string(),
        2..=47 => format!("{hours} hours"),
        _ => format!("{} days", hours / 24),
    }
}

#[component]
pub fn GoalProgressView(
    /// The goal whose progress is shown.
    goal: Id,
    /// The goal's title, for the section's accessible name.
    title: String,
) -> impl IntoView {
    let app = use_app();
    let progress = Memo::new(move |_| app.data.with(Parts::ALL, |d| pipeline::goal_progress(d, goal)));
    let doubts = Memo::new(move |_| app.data.with(Parts::ALL, |d| pipeline::plan_doubts(d, goal)));
    view! {
        <section class="goal-progress" aria-label=format!("Progress: {title}")>
            {move || {
                let p = progress.get();
                if p.asks == 0 && p.referrals() == 0 {
                    return view! { <p class="hint">"No asks for this goal yet."</p> }.into_any();
                }
                let asks = format!(
                    "{} ask{} · {} yes · {} can't · {} waiting{}",
                    p.asks,
                    if p.asks == 1 { "" } else { "s" },
                    p.yes,
                    p.cant,
                    p.waiting,
                    if p.no_reply > 0 { format!(" · {} no reply", p.no_reply) } else { String::new() },
                );
                let stages: Vec<String> = p
                    .referrals_by_stage
                    .iter()
                    .filter(|(_, n)| *n > 0)
                    .map(|(s, n)| format!("{} {n}", stage_label(*s)))
                    .collect();
                let referrals = if stages.is_empty() { "none yet".to_string() } else { stages.join(" · ") };
                let speed = match p.median_time_to_first_contact() {
                    Some(m) => format!(
                        "{} (median of {})",
                        duration_words(m),
                        p.times_to_first_contact.len()
                    ),
                    None => "no first contact yet".to_string(),
                };
                view! {
                    <dl class="progress-facts">
                        <div><dt>"Asks"</dt><dd>{asks}</dd></div>
                        <div><dt>"Referrals"</dt><dd>{referrals}</dd></div>
                        <div><dt>"Referral to first contact"</dt><dd>{speed}</dd></div>
                    </dl>
                }
                .into_any()
            }}
            <Show when=move || !doubts.with(Vec::is_empty)>
                <div class="plan-doubts">
                    <p class="pitch-label">"What contacts said about this plan"</p>
                    <ul>
                        {move || doubts.get().into_iter().map(|(who, why)| view! {
                            <li><blockquote class="their-words">{why}</blockquote><span class="meta">"— " {who}</span></li>
                        }).collect_view()}
                    </ul>
                </div>
            </Show>
        </section>
    }
}
