//! The network: every contact, searchable as you type (accents and case ignored), filterable, drawn
//! as a virtual list so 30,000 contacts scroll smoothly, and, when the search names a company, the
//! warm paths into it.

use crate::app::{href, use_app};
use crate::model::{Catchup, Data, Id, Parts, Person};
use crate::network::{company_key, paths_into_among, Filters, SearchIndex};
use crate::ui::fields::unique_id;
use crate::web;
use leptos::prelude::*;
use leptos_router::components::A;
use wasm_bindgen::JsCast;

/// Height of one row in pixels; must match `.vlist li` in style/main.css. Styles are written with
/// the integer, so no float formatting is compiled in for them.
const ROW_PX: usize = 64;
const ROW: f64 = ROW_PX as f64;
/// Rows drawn above and below the visible ones, so fast scrolling shows no gaps.
const OVERSCAN: usize = 8;
/// How many paths of each kind the company panel lists, strongest first.
const PATHS_SHOWN: usize = 10;

#[derive(Clone, PartialEq, Eq, Hash)]
struct Row {
    id: Id,
    name: String,
    headline: String,
}

/// Distinct non-empty values of one field, sorted, for a filter's choices.
fn choices(data: &Data, field: impl Fn(&crate::model::Contact) -> Vec<String>) -> Vec<String> {
    let mut seen: std::collections::BTreeMap<String, String> = Default::default();
    for c in data.contacts.values() {
        for v in field(c) {
            if !v.trim().is_empty() {
                seen.entry(company_key(&v)).or_insert(v);
            }
        }
    }
    seen.into_values().collect()
}

#[component]
fn FilterSelect(label: &'static str, value: RwSignal<String>, options: Memo<Vec<String>>) -> impl IntoView {
    let id = unique_id("flt");
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <select id=id on:change:target=move |ev| value.set(ev.target().value()) prop:value=move || value.get()>
                <option value="">"Any"</option>
                <For each=move || options.get() key=|o| o.clone() let:o>
                    <option value=o.clone()>{o.clone()}</option>
                </For>
            </select>
        </div>
    }
}

#[component]
pub fn Network() -> impl IntoView {
    let app = use_app();
    let query = RwSignal::new(String::new());
    let tag = RwSignal::new(String::new());
    let company = RwSignal::new(String::new());
    let industry = RwSignal::new(String::new());
    let location = RwSignal::new(String::new());
    let going_cold = RwSignal::new(false);
    let backers_only = RwSignal::new(false);
    let scroll_top = RwSignal::new(0.0f64);
    // The list is never taller than the window, so the window's height bounds what is visible.
    let viewport = window().inner_height().ok().and_then(|h| h.as_f64()).unwrap_or(900.0);
    let list_ref = NodeRef::<leptos::html::Div>::new();
    let search_ref = NodeRef::<leptos::html::Input>::new();

    let total = Memo::new(move |_| app.data.with(Parts::CONTACTS, |d| d.contacts.len()));
    let today = web::clock::today();
    // The search index lives beside the data, with the number of the last change it saw, and
    // catches up on the contacts each change touched: an edit re-folds one contact, not 30,000.
    let index = StoredValue::new(None::<(SearchIndex, u64)>);
    let index_changed = Memo::new(move |runs: Option<&u64>| {
        app.data.track(Parts::ACTIVITY);
        let today = today.get();
        let seq = app.data.seq();
        let fresh = || app.data.with_untracked(|d| SearchIndex::build(d, today));
        let changed = index.try_update_value(|slot| match slot {
            Some((i, seen)) if i.today() == today => {
                let catchup = app.data.since(*seen, Parts::ACTIVITY);
                *seen = seq;
                match catchup {
                    Catchup::Nothing => false,
                    Catchup::Contacts(ids) => {
                        app.data.with_untracked(|d| i.refresh(d, &ids));
                        true
                    }
                    Catchup::Everything => {
                        *i = fresh();
                        true
                    }
                }
            }
            _ => {
                *slot = Some((fresh(), seq));
                true
            }
        }) == Some(true);
        // A count of the index's changes: the search re-runs only when it moved.
        let runs = runs.copied().unwrap_or(0);
        if changed {
            runs + 1
        } else {
            runs
        }
    });
    let opt = |s: RwSignal<String>| {
        let v = s.get();
        (!v.is_empty()).then_some(v)
    };
    let hits = Memo::new(move |_| {
        let filters = Filters {
            tag: opt(tag),
            company: opt(company),
            industry: opt(industry),
            location: opt(location),
            going_cold: going_cold.get(),
            backers_only: backers_only.get(),
        };
        let text = query.get();
        // Read, not only tracked: reading is what brings the index up to date first.
        index_changed.get();
        // Marked so `make bench` can time the search apart from drawing its result.
        web::mark("vouch:search:start");
        let found = index.with_value(|i| i.as_ref().map(|(i, _)| i.query(&text, &filters)).unwrap_or_default());
        web::mark("vouch:search:end");
        found
    });
    let tags = Memo::new(move |_| app.data.with(Parts::CONTACTS, |d| choices(d, |c| c.tags.clone())));
    let companies = Memo::new(move |_| {
        app.data
            .with(Parts::CONTACTS, |d| choices(d, |c| vec![c.company.clone()]))
    });
    let industries = Memo::new(move |_| {
        app.data
            .with(Parts::CONTACTS, |d| choices(d, |c| vec![c.industry.clone()]))
    });
    let locations = Memo::new(move |_| {
        app.data
            .with(Parts::CONTACTS, |d| choices(d, |c| vec![c.location.clone()]))
    });

    // Only the rows in (or near) the scrolled window are built.
    let visible = Memo::new(move |_| {
        let n = hits.read().len();
        let first = ((scroll_top.get() / ROW) as usize).saturating_sub(OVERSCAN).min(n);
        let last = (first + (viewport / ROW) as usize + 2 * OVERSCAN + 1).min(n);
        (first, last)
    });
    let rows = Memo::new(move |_| {
        let (first, last) = visible.get();
        hits.with(|ids| {
            app.data.with(Parts::CONTACTS, |d| {
                ids[first..last]
                    .iter()
                    .enumerate()
                    .filter_map(|(i, id)| {
                        d.contacts.get(id).map(|c| {
                            (
                                first + i,
                                Row {
                                    id: c.id,
                                    name: c.name.clone(),
                                    headline: c.headline(),
                                },
                            )
                        })
                    })
                    .collect::<Vec<_>>()
            })
        })
    });
    // A new search starts at the top of the list.
    Effect::new(move |_| {
        hits.track();
        if let Some(el) = list_ref.get_untracked() {
            el.set_scroll_top(0);
        }
        scroll_top.set(0.0);
    });

    // "/" jumps to the search box from anywhere on the page, unless typing in a field.
    let handle = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.key() != "/" || ev.ctrl_key() || ev.meta_key() || ev.alt_key() {
            return;
        }
        let typing = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .is_some_and(|el| matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT"));
        if !typing {
            if let Some(input) = search_ref.get_untracked() {
                ev.prevent_default();
                let _ = input.focus();
            }
        }
    });
    on_cleanup(move || handle.remove());

    // The companies of people the user named on a knows-link, folded; the contacts' own are in
    // the search index. A search only scans for warm paths when it names one, which keeps
    // keystrokes cheap at 30,000 contacts.
    let named_companies = Memo::new(move |_| {
        app.data.with(Parts::LINKS, |d| {
            d.links
                .values()
                .filter_map(|l| match &l.to {
                    Person::Named { company, .. } => Some(company_key(company)),
                    Person::Contact(_) => None,
                })
                .filter(|k| !k.is_empty())
                .collect::<std::collections::HashSet<String>>()
        })
    });
    let paths = Memo::new(move |_| {
        let q = query.get();
        if q.trim().chars().count() < 2 {
            return None;
        }
        // Who works at the company the search names comes from the search index.
        let key = company_key(&q);
        index_changed.get();
        index.with_value(|i| {
            let at = i.as_ref().map_or(&[][..], |(i, _)| i.at_company(&key));
            if at.is_empty() && !named_companies.with(|k| k.contains(&key)) {
                return None;
            }
            app.data.with(Parts::ALL, |d| {
                let p = paths_into_among(d, &q, at);
                if p.is_empty() {
                    return None;
                }
                let name = |id: &Id| d.contacts.get(id).map(|c| c.name.clone()).unwrap_or_default();
                let more =
                    p.direct.len().saturating_sub(PATHS_SHOWN) + p.second_degree.len().saturating_sub(PATHS_SHOWN);
                let direct: Vec<(Id, String, String)> = p
                    .direct
                    .iter()
                    .take(PATHS_SHOWN)
                    .filter_map(|dp| {
                        d.contacts
                            .get(&dp.contact)
                            .map(|c| (c.id, c.name.clone(), c.role.clone()))
                    })
                    .collect();
                let second: Vec<(Id, String, Option<Id>, String, String)> = p
                    .second_degree
                    .iter()
                    .take(PATHS_SHOWN)
                    .map(|sp| {
                        let to_id = match sp.to {
                            Person::Contact(id) => Some(id),
                            Person::Named { .. } => None,
                        };
                        let who = if sp.to_role.is_empty() {
                            sp.to_name.clone()
                        } else {
                            format!("{} ({})", sp.to_name, sp.to_role)
                        };
                        (sp.via, name(&sp.via), to_id, who, sp.ask.clone())
                    })
                    .collect();
                // Name the company as the user's data spells it, not as typed.
                let company = d
                    .contacts
                    .values()
                    .find(|c| company_key(&c.company) == key)
                    .map(|c| c.company.clone())
                    .or_else(|| {
                        d.links.values().find_map(|l| match &l.to {
                            Person::Named { company, .. } if company_key(company) == key => Some(company.clone()),
                            _ => None,
                        })
                    })
                    .unwrap_or_else(|| q.trim().to_string());
                Some((company, direct, second, more))
            })
        })
    });

    view! {
        <section class="page">
            <header class="page-head">
                <h1>"Network"</h1>
                <div class="actions">
                    <A href=href("/import") attr:class="button">"Import contacts"</A>
                    <A href=href("/network/new") attr:class="button primary">"Add contact"</A>
                </div>
            </header>
            <Show
                when=move || { total.get() > 0 }
                fallback=|| view! {
                    <div class="empty">
                        <h2>"Your network is empty"</h2>
                        <p>"Bring in the people you already know: LinkedIn's data export, your phone's or Google's contacts, or a spreadsheet. Then judge the few who know your work well: quality beats quantity."</p>
                        <div class="actions">
                            <A href=href("/import") attr:class="button primary">"Import contacts"</A>
                            <A href=href("/network/new") attr:class="button">"Add your first contact"</A>
                            <crate::ui::sample::SampleDataButton/>
                        </div>
                    </div>
                }
            >
                <div class="field search">
                    <label for="network-search">"Search contacts"</label>
                    <input
                        id="network-search"
                        node_ref=search_ref
                        type="search"
                        placeholder="Name, company, role, tag or note (press / to jump here)"
                        autocomplete="off"
                        bind:value=query
                    />
                </div>
                <details class="filters">
                    <summary>"Filters"</summary>
                    <div class="grid-4">
                        <FilterSelect label="Tag" value=tag options=tags/>
                        <FilterSelect label="Company" value=company options=companies/>
                        <FilterSelect label="Industry" value=industry options=industries/>
                        <FilterSelect label="Location" value=location options=locations/>
                    </div>
                    <div class="check"><input id="f-cold" type="checkbox" bind:checked=going_cold/><label for="f-cold">"Going cold"</label></div>
                    <div class="check"><input id="f-backers" type="checkbox" bind:checked=backers_only/><label for="f-backers">"Backers only"</label></div>
                </details>
                {move || paths.get().map(|(company, direct, second, more)| view! {
                    <section class="card paths" aria-label=format!("Your way into {company}")>
                        <h2>{format!("Your way into {company}")}</h2>
                        {(!direct.is_empty()).then(|| view! {
                            <h3>"Works there"</h3>
                            <ul aria-label="Works there">
                                {direct.into_iter().map(|(id, name, role)| view! {
                                    <li><a href=href(&format!("/network/{id}"))>{name}</a>{(!role.is_empty()).then(|| format!(" — {role}"))}</li>
                                }).collect_view()}
                            </ul>
                        })}
                        {(!second.is_empty()).then(|| view! {
                            <h3>"Through someone you know"</h3>
                            <ul aria-label="Through someone you know">
                                {second.into_iter().map(|(via, via_name, to_id, who, ask)| view! {
                                    <li>
                                        <a href=href(&format!("/network/{via}"))>{via_name}</a>
                                        " knows "
                                        {match to_id {
                                            Some(id) => view! { <a href=href(&format!("/network/{id}"))>{who}</a> }.into_any(),
                                            None => view! { <span>{who}</span> }.into_any(),
                                        }}
                                        <p class="sub">{ask}</p>
                                    </li>
                                }).collect_view()}
                            </ul>
                        })}
                        {(more > 0).then(|| view! {
                            <p class="hint">{format!("And {more} more: the strongest are listed first. Filter by company below to see everyone there.")}</p>
                        })}
                    </section>
                })}
                <p class="count" role="status">
                    {move || {
                        let (n, all) = (hits.read().len(), total.get());
                        let plural = |k: usize| if k == 1 { "" } else { "s" };
                        if n == all {
                            format!("{all} contact{}", plural(all))
                        } else {
                            format!("{n} of {all} contact{} match", plural(all))
                        }
                    }}
                </p>
                <div
                    class="vlist"
                    node_ref=list_ref
                    on:scroll=move |ev| {
                        if let Some(el) = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) {
                            scroll_top.set(f64::from(el.scroll_top()));
                        }
                    }
                >
                    <ul aria-label="Contacts" style:height=move || format!("{}px", hits.read().len() * ROW_PX)>
                        <For each=move || rows.get() key=|(i, r)| (*i, r.clone()) let:item>
                            <li
                                aria-setsize=move || hits.read().len()
                                aria-posinset=item.0 + 1
                                style:transform=format!("translateY({}px)", item.0 * ROW_PX)
                            >
                                // A plain link (the router still handles the click): the
                                // router's <A> costs a reactive node per row, redrawn per keystroke.
                                <a href=href(&format!("/network/{}", item.1.id))>
                                    <span class="name">{item.1.name.clone()}</span>
                                    <span class="sub">{item.1.headline.clone()}</span>
                                </a>
                            </li>
                        </For>
                    </ul>
                </div>
            </Show>
        </section>
    }
}
