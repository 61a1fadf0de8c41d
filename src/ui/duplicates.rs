//! Duplicates already in the network (typed twice, or imported from two sources): each pair with
//! what matched, the fields where the two differ and which value to keep, and *Merge*. Finding
//! and merging are the core's (`network::duplicates`); a merge is one change and one save.

use crate::app::{href, use_app, Toast};
use crate::model::Id;
use crate::model::Parts;
use crate::network::{find_duplicates, merge_contacts, Certainty, DuplicatePair, MatchKey, MergeField, Side};
use crate::web;
use leptos::prelude::*;
use leptos_router::components::A;
use std::collections::HashSet;

/// Pairs drawn at once: a review list a person works through, not a report.
const SHOWN: usize = 30;

#[component]
pub fn Duplicates() -> impl IntoView {
    let app = use_app();
    // Pairs the user said are two people, kept in this browser so they are not offered again.
    let dismissed = RwSignal::new(web::prefs::not_duplicates());
    let pairs = Memo::new(move |_| app.data.with(Parts::CONTACTS, find_duplicates));
    let visible = Memo::new(move |_| {
        dismissed.with(|d| {
            pairs.with(|p| {
                p.iter()
                    .filter(|pair| !d.contains(&(pair.a, pair.b)))
                    .cloned()
                    .collect::<Vec<_>>()
            })
        })
    });
    view! {
        <section class="page narrow">
            <header class="page-head">
                <h1>"Possible duplicates"</h1>
            </header>
            <p class="lead">"People who are in your network twice: typed twice, or imported from two files. Merging keeps every touchpoint, ask, referral and knows-link of both."</p>
            <Show
                when=move || !visible.with(Vec::is_empty)
                fallback=|| view! {
                    <div class="empty">
                        <h2>"No duplicates found"</h2>
                        <p>"Nobody shares a profile link, an e-mail address or a phone number, and no two people have the same name at the same company."</p>
                        <A href=href("/network") attr:class="button">"Back to Network"</A>
                    </div>
                }
            >
                <p class="hint">{move || format!("{} to review.", crate::import::plan::count(visible.with(Vec::len), "pair", "pairs"))}</p>
                <ul class="duplicate-list" aria-label="Possible duplicates">
                    <For each=move || visible.get().into_iter().take(SHOWN) key=|p| (p.a, p.b) let:pair>
                        <PairCard pair=pair dismissed=dismissed/>
                    </For>
                </ul>
            </Show>
        </section>
    }
}

fn matched_words(pair: &DuplicatePair) -> String {
    if pair.certainty == Certainty::Possible {
        return "Same name at the same company: check before merging.".into();
    }
    let keys: Vec<&str> = pair
        .matched_on
        .iter()
        .map(|k| match k {
            MatchKey::Profile => "profile link",
            MatchKey::Email => "e-mail address",
            MatchKey::Phone => "phone number",
            MatchKey::NameAndCompany => "name and company",
        })
        .collect();
    if keys.is_empty() {
        "Linked through a third entry of the same person.".into()
    } else {
        format!("Same {}.", keys.join(" and "))
    }
}

#[component]
fn PairCard(
    /// The two contacts and how they differ.
    pair: DuplicatePair,
    /// Where "Not the same person" puts the pair.
    dismissed: RwSignal<HashSet<(Id, Id)>>,
) -> impl IntoView {
    let app = use_app();
    let (a, b) = (pair.a, pair.b);
    let name = move |id: Id| {
        app.data
            .with_untracked(|d| d.contacts.get(&id).map(|c| c.name.clone()).unwrap_or_default())
    };
    let (name_a, name_b) = (name(a), name(b));
    let not_the_same = move |a: Id, b: Id| {
        dismissed.update(|d| {
            d.insert((a, b));
        });
        if !dismissed.with_untracked(web::prefs::save_not_duplicates) {
            app.show_toast(Toast {
                message: "Hidden until you leave this screen: this browser would not store the choice.".into(),
                undo: None,
            });
        }
    };
    // Which side wins each differing field: the first (older) contact's, unless it is blank. Set
    // for every field, so what the radios show is what the merge does.
    let initial: Vec<(MergeField, Side)> = pair
        .differences
        .iter()
        .map(|d| (d.field, if d.a.is_empty() { Side::Other } else { Side::Keep }))
        .collect();
    let choices = RwSignal::new(initial.clone());
    let merge = move |_| {
        let result = app
            .data
            .with_untracked(|d| merge_contacts(d, a, b, &choices.get_untracked(), web::now()));
        match result {
            Ok(merge) => {
                let touched = merge.touched();
                let kept = merge.contact.name.clone();
                app.apply(move |d| {
                    merge.apply(d);
                    touched
                });
                app.show_toast(Toast {
                    message: format!("Merged into {kept}."),
                    undo: None,
                });
            }
            Err(e) => app.show_toast(Toast {
                message: format!("Could not merge: {e}."),
                undo: None,
            }),
        }
    };
    let heading = format!("dup-{a}-{b}");
    let labelled_by = heading.clone();
    let merge_label = format!("Merge into {name_a}");
    view! {
        <li class="card duplicate" aria-labelledby=labelled_by>
            <h2 id=heading>
                <A href=href(&format!("/network/{a}"))>{name_a.clone()}</A>
                " and "
                <A href=href(&format!("/network/{b}"))>{name_b.clone()}</A>
            </h2>
            <p class="hint">{matched_words(&pair)}</p>
            {(!pair.differences.is_empty()).then(|| view! {
                <p>"Where they differ, choose what to keep:"</p>
                <div class="differences">
                    {pair.differences.iter().zip(initial).map(|(diff, (_, side))| {
                        let field = diff.field;
                        let group = format!("{a}-{b}-{}", field.label());
                        let pick = move |side: Side| choices.update(|c| {
                            c.retain(|(f, _)| *f != field);
                            c.push((field, side));
                        });
                        let shown = |v: &str| if v.is_empty() { "(empty)".to_string() } else { v.to_string() };
                        view! {
                            <fieldset class="difference">
                                <legend>{field.label()}</legend>
                                <label><input type="radio" name=group.clone() checked=side == Side::Keep on:change=move |_| pick(Side::Keep)/>{shown(&diff.a)}</label>
                                <label><input type="radio" name=group checked=side == Side::Other on:change=move |_| pick(Side::Other)/>{shown(&diff.b)}</label>
                            </fieldset>
                        }
                    }).collect_view()}
                </div>
            })}
            <div class="actions">
                <button type="button" class="button primary" on:click=merge>{merge_label}</button>
                <button type="button" class="button ghost" on:click=move |_| not_the_same(a, b)>"Not the same person"</button>
            </div>
        </li>
    }
}
