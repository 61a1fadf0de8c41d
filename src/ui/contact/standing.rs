//! The relationship at a glance: whether the contact is ready to be asked (and why), the
//! keep-in-touch clock, and the give/ask balance.

use crate::app::use_app;
use crate::model::Parts;
use crate::model::{cadence_label, Id, Judgement};
use crate::network::{readiness, Balance, KeepInTouch, Verdict};
use crate::web;
use leptos::prelude::*;

fn date(d: chrono::NaiveDate) -> String {
    crate::model::dates::short_date(d)
}

/// "today", "3 days ago", "5 weeks ago".
pub fn ago(days: i64) -> String {
    match days {
        i64::MIN..=0 => "today".into(),
        1 => "yesterday".into(),
        2..=13 => format!("{days} days ago"),
        14..=60 => format!("{} weeks ago", days / 7),
        _ => format!("{} months ago", days / 30),
    }
}

#[component]
pub fn Standing(
    /// The contact to describe.
    contact: Id,
) -> impl IntoView {
    let app = use_app();
    let today = web::clock::today();
    let view_model = Memo::new(move |_| {
        app.data.with(Parts::ALL, |d| {
            let c = d.contacts.get(&contact)?;
            let ready = readiness(c, d, None, today.get());
            let clock = KeepInTouch::of(c, d);
            let balance = Balance::of(contact, d);
            let judged: Vec<String> = Judgement::ALL
                .iter()
                .filter(|j| !j.of(c).is_unset())
                .map(|j| {
                    format!(
                        "{}: {}",
                        j.question().trim_end_matches('?'),
                        j.label(j.of(c)).to_lowercase()
                    )
                })
                .collect();
            Some((ready, clock, balance, judged, c.knows_my_work))
        })
    });
    move || {
        view_model.get().map(|(ready, clock, balance, judged, knows_my_work)| {
            let verdict_class = match ready.verdict {
                Verdict::Ready => "verdict ready",
                Verdict::WarmUpFirst => "verdict warm",
                Verdict::GoThroughSomeoneElse => "verdict through",
            };
            let today = today.get();
            let overdue = clock.days_overdue(today);
            let due = if overdue > 0 {
                format!("Next touch was due {} ({} days overdue)", date(clock.next_due), overdue)
            } else {
                format!("Next touch due {}", date(clock.next_due))
            };
            let last = if clock.touched {
                format!("Last touch {} ({})", date(clock.last_touch), ago(clock.days_since(today)))
            } else {
                "No touch logged yet".to_string()
            };
            let gave = match balance.last_gave {
                Some(d) => format!("Given {} time{} (last {})", balance.gave, if balance.gave == 1 { "" } else { "s" }, date(d)),
                None => "Nothing given yet".to_string(),
            };
            let asked = match balance.last_asked {
                Some(d) => format!("Asked {} time{} (last {})", balance.asked, if balance.asked == 1 { "" } else { "s" }, date(d)),
                None => "Nothing asked yet".to_string(),
            };
            view! {
                <section class="standing" aria-label="Relationship at a glance">
                    <div class="card">
                        <h2>"Readiness"</h2>
                        <p class=verdict_class>{ready.verdict.label()}</p>
                        <p><strong>"Next step: "</strong>{ready.next_step.label()}</p>
                        <ul class="reasons">{ready.reasons.into_iter().map(|r| view! { <li>{r}</li> }).collect_view()}</ul>
                    </div>
                    <div class="card">
                        <h2>"Keep in touch"</h2>
                        <p>{cadence_label(clock.cadence_days)}</p>
                        <p>{last}</p>
                        <p class:overdue=move || { overdue > 0 }>{due}</p>
                        {(!judged.is_empty()).then(|| view! { <p class="sub">{judged.join(" · ")}</p> })}
                        {knows_my_work.then(|| view! { <p class="sub">"Knows your work"</p> })}
                    </div>
                    <div class="card">
                        <h2>"Give and ask"</h2>
                        <p>{gave}</p>
                        <p>{asked}</p>
                        {balance.warning().map(|w| view! { <p class="warning" role="note">{w}</p> })}
                    </div>
                </section>
            }
        })
    }
}
