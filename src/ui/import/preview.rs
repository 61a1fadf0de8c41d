//! The preview of an import: what each file was, where a spreadsheet's columns go, who is new,
//! who changes and how, who might be a duplicate, what was skipped and why, and the one button
//! that writes it all.

use super::{use_import, ImportState};
use crate::import::plan::{count, thousands, Row, Verdict};
use crate::import::{sheet, Column, Encoding};
use crate::model::Id;
use leptos::prelude::*;

/// Rows drawn per section at first; "Show more" adds as many again. A 30,000-row import stays a
/// page a person can read, and any row can still be reached.
const PAGE: usize = 50;

#[component]
pub fn PreviewView() -> impl IntoView {
    let state = use_import();
    let summary = move || {
        state
            .preview
            .with(|p| p.as_ref().map(|p| p.summary).unwrap_or_default())
    };
    let headline = move || summary().headline();
    let confirm = move |_| state.confirm();
    let cancel = move |_| state.reset();
    view! {
        <div class="card import-summary">
            <h2 id="import-headline">{headline}</h2>
            <p class="hint">{move || {
                let s = summary();
                let mut parts = Vec::new();
                if s.already_there > 0 { parts.push(format!("{} already in your network with nothing new", thousands(s.already_there))); }
                if s.possible > 0 { parts.push(format!("{} to confirm", count(s.possible, "possible duplicate", "possible duplicates"))); }
                if s.invitations > 0 { parts.push(format!("{} with an invitation message", thousands(s.invitations))); }
                if s.skipped > 0 { parts.push(format!("{} skipped", thousands(s.skipped))); }
                if parts.is_empty() { "Nothing has been changed yet.".to_string() } else { format!("{}. Nothing has been changed yet.", parts.join(", ")) }
            }}</p>
            <FileList/>
        </div>
        <Mapping/>
        <Section title="New contacts" which=Kind::New/>
        <Section title="Updates" which=Kind::Update/>
        <Section title="Possible duplicates" which=Kind::Possible/>
        <Skipped/>
        <div class="card import-confirm">
            <h2>"Import"</h2>
            <div class="field">
                <label for="import-tag">"Tag for this import"</label>
                <input id="import-tag" type="text" bind:value=state.tag maxlength="200"/>
                <p class="hint">"New and updated contacts get it, so you can find this batch later."</p>
            </div>
            <Show when=move || { summary().with_messages > 0 }>
                <div class="check">
                    <input id="import-keep-text" type="checkbox" bind:checked=state.keep_text/>
                    <label for="import-keep-text">"Keep the text of each contact's latest LinkedIn message"</label>
                </div>
                <p class="hint">"Without it, Vouch notes only when you last wrote and how many messages there were."</p>
            </Show>
            <div class="actions">
                <button type="button" class="button primary" on:click=confirm>"Import"</button>
                <button type="button" class="button ghost" on:click=cancel>"Cancel"</button>
            </div>
        </div>
    }
}

#[component]
fn FileList() -> impl IntoView {
    let state = use_import();
    let files = move || {
        state.parsed.with(|files| {
            files
                .iter()
                .map(|f| {
                    let found = f.people.len()
                        + f.exchanges.len()
                        + f.recommendations.len()
                        + f.endorsements.len()
                        + f.invitations.len();
                    let encoding = match f.encoding {
                        Encoding::Windows1252 => {
                            Some("not UTF-8, so read as Windows-1252 (Excel's default): check the accents below")
                        }
                        Encoding::Utf16 | Encoding::Utf8 => None,
                    };
                    (f.file.clone(), f.kind.label(), found, encoding)
                })
                .collect::<Vec<_>>()
        })
    };
    view! {
        <ul class="import-files" aria-label="Files read">
            {move || files().into_iter().map(|(file, kind, found, encoding)| view! {
                <li>
                    <strong>{file}</strong>": "{kind}", "{count(found, "entry", "entries")}
                    {encoding.map(|e| view! { <span class="warn">" — "{e}</span> })}
                </li>
            }).collect_view()}
        </ul>
    }
}

/// The mapping step for spreadsheets: every column with an example value and where it goes.
#[component]
fn Mapping() -> impl IntoView {
    let state = use_import();
    let tables = move || {
        state.parsed.with(|files| {
            files
                .iter()
                .enumerate()
                .filter_map(|(n, f)| f.table.as_ref().map(|t| (n, f.file.clone(), t.clone())))
                .collect::<Vec<_>>()
        })
    };
    view! {
        {move || tables().into_iter().map(|(n, file, table)| {
            let unknown = table.mapping.iter().filter(|c| **c == Column::Ignore).count();
            view! {
                <details class="card mapping" open={unknown > 0}>
                    <summary><h2>{format!("Columns of {file}")}</h2></summary>
                    <p class="hint">{if unknown > 0 {
                        format!("Vouch did not recognise {}. Choose where each goes, or leave it out.", count(unknown, "column", "columns"))
                    } else {
                        "Every column was recognised. Change any that went to the wrong place.".to_string()
                    }}</p>
                    <div class="table-scroll">
                        <table>
                            <thead><tr><th scope="col">"Column"</th><th scope="col">"Example"</th><th scope="col">"Goes to"</th></tr></thead>
                            <tbody>
                                {table.headers.iter().enumerate().map(|(col, header)| {
                                    let example = table.rows.iter().map(|(_, r)| r.get(col).cloned().unwrap_or_default()).find(|v| !v.trim().is_empty()).unwrap_or_default();
                                    let current = table.mapping.get(col).copied().unwrap_or_default();
                                    let id = format!("map-{n}-{col}");
                                    let label = if header.trim().is_empty() { format!("Column {}", col + 1) } else { header.clone() };
                                    view! {
                                        <tr>
                                            <th scope="row"><label for=id.clone()>{label}</label></th>
                                            <td class="example">{cut_for_display(&example)}</td>
                                            <td>
                                                <select id=id on:change:target=move |ev| set_column(state, n, col, &ev.target().value())>
                                                    {Column::ALL.into_iter().map(|c| view! {
                                                        <option value=c.key() selected=c == current>{c.label()}</option>
                                                    }).collect_view()}
                                                </select>
                                            </td>
                                        </tr>
                                    }
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                </details>
            }
        }).collect_view()}
    }
}

fn cut_for_display(text: &str) -> String {
    let mut out: String = text.chars().take(60).collect();
    if text.chars().count() > 60 {
        out.push('…');
    }
    out
}

/// The user moved a column: build that file's people again and match everything again.
fn set_column(state: ImportState, file: usize, col: usize, key: &str) {
    let Some(column) = Column::from_key(key) else { return };
    state.parsed.update(|files| {
        let Some(f) = files.get_mut(file) else { return };
        let Some(table) = f.table.as_mut() else { return };
        if let Some(slot) = table.mapping.get_mut(col) {
            *slot = column;
        }
        let (people, skipped) = sheet::people_from_table(&f.file, table);
        f.people = people;
        f.skipped = skipped;
    });
    state.rebuild(state.app);
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    New,
    Update,
    Possible,
}

impl Kind {
    fn holds(self, row: &Row) -> bool {
        matches!(
            (self, &row.verdict),
            (Kind::New, Verdict::New)
                | (Kind::Update, Verdict::Update { .. })
                | (Kind::Possible, Verdict::Possible { .. })
        )
    }
}

/// One section of rows, each with a checkbox (or, for a possible duplicate, a choice).
#[component]
fn Section(title: &'static str, which: Kind) -> impl IntoView {
    let state = use_import();
    let shown = RwSignal::new(PAGE);
    let rows = Memo::new(move |_| {
        state.preview.with(|p| {
            p.as_ref()
                .map(|p| {
                    p.rows
                        .iter()
                        .enumerate()
                        .filter(|(_, r)| which.holds(r))
                        .map(|(n, _)| n)
                        .collect::<Vec<usize>>()
                })
                .unwrap_or_default()
        })
    });
    let heading = format!("import-{}", title.to_lowercase().replace(' ', "-"));
    let hint = match which {
        Kind::New => "Untick anyone you don't want in Vouch.",
        Kind::Update => "The same people, with something new in the file. What you wrote yourself (notes, judgements, how you know them) is never changed, and an empty cell never blanks a field.",
        Kind::Possible => "The same name at the same company as someone in your network. Only you can tell whether it is the same person.",
    };
    view! {
        <Show when=move || !rows.with(Vec::is_empty)>
            <section class="card import-section" aria-labelledby=heading.clone()>
                <h2 id=heading.clone()>{move || format!("{title} ({})", thousands(rows.with(Vec::len)))}</h2>
                <p class="hint">{hint}</p>
                <ul class="import-rows" aria-label=title>
                    {move || {
                        // Redrawn when the preview is rebuilt (a new column mapping), even when
                        // the same row numbers stay in this section.
                        state.preview.track();
                        let all = rows.get();
                        all.into_iter().take(shown.get()).map(|n| view! { <RowItem n=n which=which/> }).collect_view()
                    }}
                </ul>
                {(which != Kind::Possible).then(|| {
                    let lower = title.to_lowercase();
                    let set_all = move |include: bool| {
                        rows.with_untracked(|all| {
                            state.excluded.update(|e| {
                                for n in all {
                                    if include {
                                        e.remove(n);
                                    } else {
                                        e.insert(*n);
                                    }
                                }
                            })
                        })
                    };
                    view! {
                        <div class="actions section-actions">
                            <button type="button" class="button small" on:click=move |_| set_all(false)>{format!("Leave out all {lower}")}</button>
                            <button type="button" class="button small" on:click=move |_| set_all(true)>{format!("Include all {lower}")}</button>
                        </div>
                    }
                })}
                <Show when=move || { rows.with(Vec::len) > shown.get() }>
                    <button type="button" class="button small" on:click=move |_| shown.update(|s| *s += PAGE)>
                        {move || format!("Show more ({} not shown)", thousands(rows.with(Vec::len) - shown.get()))}
                    </button>
                </Show>
            </section>
        </Show>
    }
}

#[component]
fn RowItem(n: usize, which: Kind) -> impl IntoView {
    let state = use_import();
    let app = state.app;
    let Some(row) = state
        .preview
        .with_untracked(|p| p.as_ref().and_then(|p| p.rows.get(n).cloned()))
    else {
        return ().into_any();
    };
    let p = &row.person;
    let name = if p.name.is_empty() {
        "(no name)".to_string()
    } else {
        p.name.clone()
    };
    let details: Vec<String> = [
        crate::model::headline(&p.role, &p.company),
        p.emails.first().cloned().unwrap_or_default(),
        p.connected_on
            .map(|d| format!("connected {}", crate::model::dates::short_date(d)))
            .unwrap_or_default(),
    ]
    .into_iter()
    .filter(|s| !s.is_empty())
    .collect();
    let source = format!("{}, line {}", row.file, p.line);
    let included = move || state.excluded.with(|e| !e.contains(&n));
    let toggle = move |ev: leptos::ev::Event| {
        let on = event_target_checked(&ev);
        state.excluded.update(|e| {
            if on {
                e.remove(&n);
            } else {
                e.insert(n);
            }
        });
    };
    let id = format!("import-row-{n}");
    let existing_name = |id: Id| {
        app.data
            .with_untracked(|d| d.contacts.get(&id).map(|c| c.name.clone()).unwrap_or_default())
    };
    match (which, row.verdict.clone()) {
        (Kind::Possible, Verdict::Possible { id: existing }) => {
            let theirs = existing_name(existing);
            let choose = move |ev: leptos::ev::Event| {
                let value = event_target_value(&ev);
                state.same_person.update(|s| {
                    if value == "same" {
                        s.insert(n);
                    } else {
                        s.remove(&n);
                    }
                });
                state.excluded.update(|e| {
                    if value == "skip" {
                        e.insert(n);
                    } else {
                        e.remove(&n);
                    }
                });
            };
            view! {
                <li class="import-row">
                    <div class="who">
                        <strong>{name.clone()}</strong>
                        <span class="details">{details.join(" · ")}</span>
                        <span class="source">{source}</span>
                    </div>
                    <div class="field">
                        <label for=id.clone()>{format!("Is {name} the {theirs} already in your network?")}</label>
                        <select id=id on:change=choose>
                            <option value="new" selected=true>"No: add as a new contact"</option>
                            <option value="same">{format!("Yes: update {theirs}")}</option>
                            <option value="skip">"Leave out"</option>
                        </select>
                    </div>
                </li>
            }
            .into_any()
        }
        (_, verdict) => {
            let changes = match verdict {
                Verdict::Update { changes, .. } => changes
                    .into_iter()
                    .map(|c| {
                        if c.from.is_empty() {
                            format!("{}: {}", c.field, c.to)
                        } else {
                            format!("{}: {} → {}", c.field, c.from, c.to)
                        }
                    })
                    .collect::<Vec<_>>(),
                _ => Vec::new(),
            };
            view! {
                <li class="import-row">
                    <div class="check">
                        <input id=id.clone() type="checkbox" prop:checked=included on:change=toggle/>
                        <label for=id>{format!("Import {name}")}</label>
                    </div>
                    <div class="who">
                        <span class="details">{details.join(" · ")}</span>
                        {(!changes.is_empty()).then(|| view! {
                            <ul class="changes">{changes.into_iter().map(|c| view! { <li>{c}</li> }).collect_view()}</ul>
                        })}
                        <span class="source">{source}</span>
                    </div>
                </li>
            }
            .into_any()
        }
    }
}

#[component]
fn Skipped() -> impl IntoView {
    let state = use_import();
    let shown = RwSignal::new(PAGE);
    let skipped = Memo::new(move |_| {
        state
            .preview
            .with(|p| p.as_ref().map(|p| p.skipped.clone()).unwrap_or_default())
    });
    let notes = Memo::new(move |_| {
        state
            .preview
            .with(|p| p.as_ref().map(|p| p.notes.clone()).unwrap_or_default())
    });
    view! {
        <Show when=move || !skipped.with(Vec::is_empty) || !notes.with(Vec::is_empty)>
            <details class="card import-section">
                <summary><h2>{move || format!("Skipped and notes ({})", thousands(skipped.with(Vec::len) + notes.with(Vec::len)))}</h2></summary>
                <ul class="skipped" aria-label="Skipped">
                    {move || notes.get().into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}
                    {move || skipped.get().into_iter().take(shown.get()).map(|s| {
                        let place = if s.line == 0 { s.file.clone() } else { format!("{}, line {}", s.file, s.line) };
                        view! { <li><span class="source">{place}</span>": "{s.reason}</li> }
                    }).collect_view()}
                </ul>
                <Show when=move || { skipped.with(Vec::len) > shown.get() }>
                    <button type="button" class="button small" on:click=move |_| shown.update(|s| *s += PAGE)>"Show more"</button>
                </Show>
            </details>
        </Show>
    }
}
