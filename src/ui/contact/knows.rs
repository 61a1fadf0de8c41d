//! Who a contact knows: links to other contacts or to people known only by name, company and role.
//! These make the second-degree paths into a company.

use crate::app::{href, use_app};
use crate::model::Parts;
use crate::model::{clean_line, headline, Id, Judgement, KnowsLink, Person, Score};
use crate::network::fold;
use crate::ui::fields::{unique_id, FormErrors, SelectField, TextField};
use crate::web;
use leptos::prelude::*;

/// How many matching contacts the picker offers at once.
const PICKS: usize = 6;

#[component]
pub fn WhoTheyKnow(
    /// The contact whose links these are.
    contact: Id,
    /// Their name, for labels.
    name: String,
) -> impl IntoView {
    let app = use_app();
    let links = Memo::new(move |_| {
        app.data.with(Parts::LINKS | Parts::CONTACTS, |d| {
            let mut list: Vec<(Id, Option<Id>, String, String, Score)> = d
                .links
                .values()
                .filter(|l| l.from == contact)
                .map(|l| match &l.to {
                    Person::Contact(other) => {
                        let c = d.contacts.get(other);
                        let name = c.map_or_else(|| "A deleted contact".to_string(), |c| c.name.clone());
                        (
                            l.id,
                            Some(*other),
                            name,
                            c.map(|c| c.headline()).unwrap_or_default(),
                            l.strength,
                        )
                    }
                    Person::Named { name, company, role } => {
                        (l.id, None, name.clone(), headline(role, company), l.strength)
                    }
                })
                .collect();
            crate::sort::sort_by_key(&mut list, |(_, _, n, _, _)| n.to_lowercase());
            list
        })
    });
    let heading = format!("Who {name} knows");
    let label = heading.clone();
    view! {
        <section class="card" aria-label=label>
            <h2>{heading}</h2>
            <p class="hint">"People they could introduce you to. A warm introduction is often an easier ask than a referral."</p>
            <Show when=move || !links.read().is_empty()>
                <ul class="links" aria-label="Knows">
                    <For each=move || links.get() key=|l| (l.0, l.4) let:l>
                        <li>
                            {match l.1 {
                                Some(other) => view! { <a href=href(&format!("/network/{other}"))>{l.2.clone()}</a> }.into_any(),
                                None => view! { <span class="name">{l.2.clone()}</span> }.into_any(),
                            }}
                            {(!l.3.is_empty()).then(|| view! { <span class="sub">{format!(" — {}", l.3)}</span> })}
                            <span class="strength">{format!(" · knows them {}", Judgement::Know.label(l.4).to_lowercase())}</span>
                            <button
                                type="button"
                                class="button small ghost"
                                aria-label=format!("Remove the link to {}", l.2)
                                on:click=move |_| { app.remove::<KnowsLink>(l.0) }
                            >
                                "Remove"
                            </button>
                        </li>
                    </For>
                </ul>
            </Show>
            <AddLink contact=contact/>
        </section>
    }
}

#[component]
fn AddLink(contact: Id) -> impl IntoView {
    let app = use_app();
    let someone_else = RwSignal::new(false);
    let find = RwSignal::new(String::new());
    let picked = RwSignal::new(None::<(Id, String)>);
    let name = RwSignal::new(String::new());
    let company = RwSignal::new(String::new());
    let role = RwSignal::new(String::new());
    let strength = RwSignal::new("2".to_string());
    let errors = RwSignal::new(Vec::<String>::new());
    let mode_name = unique_id("mode");
    let find_id = unique_id("find");

    let matches = Memo::new(move |_| {
        let q = fold(find.get().trim());
        if q.is_empty() {
            return Vec::new();
        }
        app.data.with(Parts::CONTACTS, |d| {
            d.contacts
                .values()
                .filter(|c| c.id != contact && fold(&c.name).contains(&q))
                .take(PICKS)
                .map(|c| (c.id, c.name.clone(), c.headline()))
                .collect::<Vec<_>>()
        })
    });

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let to = if someone_else.get_untracked() {
            let checked = (
                clean_line("Their name", &name.get_untracked()),
                clean_line("Their company", &company.get_untracked()),
                clean_line("Their role", &role.get_untracked()),
            );
            match checked {
                (Ok(n), Ok(c), Ok(r)) if !n.is_empty() => Person::Named {
                    name: n,
                    company: c,
                    role: r,
                },
                (Ok(_), Ok(_), Ok(_)) => {
                    errors.set(vec!["Their name is required".into()]);
                    return;
                }
                (a, b, c) => {
                    errors.set(
                        [a.err(), b.err(), c.err()]
                            .into_iter()
                            .flatten()
                            .map(|e| e.to_string())
                            .collect(),
                    );
                    return;
                }
            }
        } else {
            match picked.get_untracked() {
                Some((id, _)) => Person::Contact(id),
                None => {
                    errors.set(vec![
                        "Pick one of your contacts from the list, or choose \u{201c}Someone else\u{201d}.".into(),
                    ]);
                    return;
                }
            }
        };
        errors.set(Vec::new());
        let now = web::now();
        app.put(KnowsLink {
            id: web::new_id(),
            from: contact,
            to,
            strength: Score::new(strength.get_untracked().parse().unwrap_or(0)),
            note: String::new(),
            created: now,
            updated: now,
        });
        for s in [find, name, company, role] {
            s.set(String::new());
        }
        picked.set(None);
    };

    let strength_options: Vec<(&'static str, &'static str)> = ["1", "2", "3", "4"]
        .into_iter()
        .zip(Judgement::Know.labels().into_iter().skip(1))
        .collect();
    view! {
        <form class="add-link" aria-label="Add someone they know" on:submit=submit novalidate>
            <h3>"Add someone they know"</h3>
            <FormErrors errors=errors/>
            <div class="choice" role="radiogroup" aria-label="Who">
                <label><input type="radio" name=mode_name.clone() checked=move || !someone_else.get() on:change=move |_| someone_else.set(false)/>" One of my contacts"</label>
                <label><input type="radio" name=mode_name checked=move || someone_else.get() on:change=move |_| someone_else.set(true)/>" Someone else"</label>
            </div>
            <Show
                when=move || someone_else.get()
                fallback=move || view! {
                    <div class="field">
                        <label for=find_id.clone()>"Find a contact"</label>
                        <input id=find_id.clone() type="search" autocomplete="off" bind:value=find/>
                    </div>
                    {move || picked.get().map(|(_, n)| view! { <p class="picked">"Selected: " <strong>{n}</strong></p> })}
                    <ul class="picks" aria-label="Matching contacts">
                        <For each=move || matches.get() key=|m| m.0 let:m>
                            <li>
                                <button
                                    type="button"
                                    class="button small"
                                    aria-pressed=move || (picked.get().map(|p| p.0) == Some(m.0)).to_string()
                                    on:click={
                                        let name = m.1.clone();
                                        move |_| picked.set(Some((m.0, name.clone())))
                                    }
                                >
                                    {m.1.clone()}
                                    {(!m.2.is_empty()).then(|| format!(" — {}", m.2))}
                                </button>
                            </li>
                        </For>
                    </ul>
                }
            >
                <div class="grid-3">
                    <TextField label="Their name" value=name/>
                    <TextField label="Their company" value=company/>
                    <TextField label="Their role" value=role/>
                </div>
            </Show>
            <SelectField label="How well do they know them?" value=strength options=strength_options/>
            <button type="submit" class="button">"Add link"</button>
        </form>
    }
}
