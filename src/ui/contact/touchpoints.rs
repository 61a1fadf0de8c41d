//! A contact's touchpoints: log one, see the timeline newest first, remove a mistake.

use crate::app::use_app;
use crate::model::Parts;
use crate::model::{Direction, Id, Touchpoint};
use crate::ui::touch::LogTouch;
use leptos::prelude::*;

#[component]
pub fn Touchpoints(
    /// Whose timeline.
    contact: Id,
    /// Their name, for labels.
    name: String,
) -> impl IntoView {
    let app = use_app();
    let timeline = Memo::new(move |_| {
        app.data.with(Parts::TOUCHPOINTS, |d| {
            let mut list: Vec<Touchpoint> = d
                .touchpoints
                .values()
                .filter(|t| t.contact == contact)
                .cloned()
                .collect();
            crate::sort::sort_by(&mut list, |a, b| b.date.cmp(&a.date).then(b.created.cmp(&a.created)));
            list
        })
    });
    let remove = move |id: Id| app.remove::<Touchpoint>(id);
    view! {
        <section class="card" aria-labelledby="touch-heading">
            <h2 id="touch-heading">"Touchpoints"</h2>
            <LogTouch contact=contact name=name/>
            <Show
                when=move || !timeline.read().is_empty()
                fallback=|| view! { <p class="hint">"Nothing logged yet. A note, a call or a coffee all count, and any touch resets the keep-in-touch clock."</p> }
            >
                <ol class="timeline" aria-label="Timeline">
                    <For each=move || timeline.get() key=|t| (t.id, t.updated) let:t>
                        <li>
                            <span class="when">{crate::model::dates::short_date(t.date)}</span>
                            <span class="what">
                                {t.kind.label()}
                                {(t.direction != Direction::Neutral).then(|| format!(" · {}", t.direction.label().to_lowercase()))}
                            </span>
                            {(!t.note.is_empty()).then(|| view! { <span class="note">{t.note.clone()}</span> })}
                            <button
                                type="button"
                                class="button small ghost"
                                aria-label=format!("Remove {} on {}", t.kind.label(), crate::model::dates::short_date(t.date))
                                on:click=move |_| remove(t.id)
                            >
                                "Remove"
                            </button>
                        </li>
                    </For>
                </ol>
            </Show>
        </section>
    }
}
