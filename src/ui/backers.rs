//! Backers: the contacts most ready to vouch for the user, ranked, each with the reason in words.

use crate::app::href;
use crate::app::use_app;
use crate::model::Parts;
use crate::model::{Data, Id};
use crate::network::backers;
use crate::web;
use chrono::NaiveDate;
use leptos::prelude::*;
use leptos_router::components::A;

/// Backers drawn at once. Past fifty the ranking has stopped being a shortlist.
const SHOWN: usize = 50;

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
struct Row {
    rank: usize,
    id: Id,
    name: String,
    headline: String,
    score: u8,
    explanation: String,
}

#[derive(Clone, Debug, Default, PartialEq)]
struct Ranking {
    /// The best `SHOWN`, best first.
    rows: Vec<Row>,
    total: usize,
}

#[component]
pub fn Backers() -> impl IntoView {
    let app = use_app();
    let today = web::clock::today();
    let ranking = Memo::new(move |_| app.data.with(Parts::ALL, |d| ranking(d, today.get())));

    view! {
        <section class="page backers">
            <h1>"Backers"</h1>
            <Show
                when=move || ranking.with(|r| r.total > 0)
                fallback=|| view! {
                    <div class="empty">
                        <h2>"No backers yet"</h2>
                        <p>"Backers are the contacts you have judged on how well they know, like and trust you, and whether they know your work. Open a contact and set those, and they appear here, ranked."</p>
                        <A href=href("/network") attr:class="button primary">"Go to your network"</A>
                    </div>
                }
            >
                <p class="lead">"Who is most ready to vouch for you: ranked by trust, how well they know you and your work, how recently you were in touch, and what you have given."</p>
                <ol class="backer-list" aria-label="Backers">
                    <For each=move || ranking.with(|r| r.rows.clone()) key=|row| row.clone() let:row>
                        <BackerItem row=row/>
                    </For>
                </ol>
                <Show when=move || ranking.with(|r| r.total > r.rows.len())>
                    <p class="hint more">{move || ranking.with(|r| format!("Showing the top {SHOWN} of {} backers.", r.total))}</p>
                </Show>
            </Show>
        </section>
    }
}

#[component]
fn BackerItem(
    /// One ranked backer, in words.
    row: Row,
) -> impl IntoView {
    let link = href(&format!("/network/{}", row.id));
    let name = row.name.clone();
    let headline = (!row.headline.is_empty()).then(|| view! { <span class="sub">{row.headline}</span> });
    view! {
        <li>
            <span class="rank">{row.rank}</span>
            <div class="backer-main">
                <A href=link attr:class="name">{name}</A>
                {headline}
                // Written to sit mid-sentence ("knows, likes and trusts you, …"); alone, a sentence.
                <span class="explanation">{crate::case::capitalise(&row.explanation)}"."</span>
            </div>
            <span class="score">
                <meter
                    min="0"
                    max="100"
                    low="40"
                    high="70"
                    optimum="100"
                    value=row.score.to_string()
                    aria-label=format!("Backer score for {}", row.name)
                    aria-valuetext=format!("{} out of 100", row.score)
                ></meter>
                <span class="score-text" aria-hidden="true">{format!("{} / 100", row.score)}</span>
            </span>
        </li>
    }
}

fn ranking(data: &Data, today: NaiveDate) -> Ranking {
    let all = backers(data, today);
    let rows = all
        .iter()
        .take(SHOWN)
        .filter_map(|b| {
            let contact = data.contacts.get(&b.contact)?;
            Some((contact, b))
        })
        .enumerate()
        .map(|(i, (contact, b))| Row {
            rank: i + 1,
            id: contact.id,
            name: contact.name.clone(),
            headline: contact.headline(),
            score: b.score,
            explanation: b.explanation.clone(),
        })
        .collect();
    Ranking { rows, total: all.len() }
}
