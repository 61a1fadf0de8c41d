//! Import contacts: choose or drop files, see what would happen, confirm. The files are read and
//! matched by the pure core (`crate::import`); this screen only reads bytes, shows the preview
//! and applies the one batch the user confirms. Nothing is written before that.

mod preview;

use crate::app::{href, use_app, Toast, ToastUndo};
use crate::import::plan::{default_tag, Choices, Options, Preview};
use crate::import::{self, ImportError, Parsed, MAX_FILE_BYTES};
use crate::web;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;
use std::collections::HashSet;
use wasm_bindgen::JsCast;

/// Where an import is. The import lives in context, not in the screen, so files dropped anywhere
/// land here and a preview survives a look at another screen.
#[derive(Clone, Debug, PartialEq)]
pub enum Stage {
    Choose,
    /// Reading and matching: what is being done, and how far along (done of total steps).
    Working {
        step: String,
        done: usize,
        total: usize,
    },
    Preview,
    Done {
        headline: String,
    },
}

#[derive(Clone, Copy)]
pub struct ImportState {
    app: crate::app::AppState,
    pub stage: RwSignal<Stage>,
    /// Files that could not be read, each message naming the file (and line).
    pub errors: RwSignal<Vec<String>>,
    /// What the files held, kept so a changed column mapping rebuilds the preview.
    pub parsed: RwSignal<Vec<Parsed>>,
    pub preview: RwSignal<Option<Preview>>,
    pub excluded: RwSignal<HashSet<usize>>,
    pub same_person: RwSignal<HashSet<usize>>,
    pub tag: RwSignal<String>,
    pub keep_text: RwSignal<bool>,
}

impl ImportState {
    fn new(app: crate::app::AppState) -> Self {
        ImportState {
            app,
            stage: RwSignal::new(Stage::Choose),
            errors: RwSignal::new(Vec::new()),
            parsed: RwSignal::new(Vec::new()),
            preview: RwSignal::new(None),
            excluded: RwSignal::new(HashSet::new()),
            same_person: RwSignal::new(HashSet::new()),
            tag: RwSignal::new(String::new()),
            keep_text: RwSignal::new(false),
        }
    }

    fn reset(&self) {
        self.stage.set(Stage::Choose);
        self.errors.set(Vec::new());
        self.parsed.set(Vec::new());
        self.preview.set(None);
        self.excluded.set(HashSet::new());
        self.same_person.set(HashSet::new());
    }

    /// Reads the files one at a time, giving the page a turn between each, then matches them.
    pub fn start(self, files: Vec<web_sys::File>) {
        if files.is_empty() {
            return;
        }
        self.reset();
        let app = self.app;
        let total = files.len() + 1;
        spawn_local(async move {
            let mut parsed = Vec::new();
            let mut errors = Vec::new();
            for (n, file) in files.iter().enumerate() {
                let name = file.name();
                self.stage.set(Stage::Working {
                    step: format!("Reading {name}"),
                    done: n,
                    total,
                });
                web::yield_to_page().await;
                if file.size() > MAX_FILE_BYTES as f64 {
                    let megabytes = (file.size() / 1_048_576.0).ceil() as usize;
                    errors.push(ImportError::TooLarge { file: name, megabytes }.to_string());
                    continue;
                }
                match web::read_file(file).await {
                    Ok(bytes) => {
                        web::mark("vouch:parse:start");
                        let read = import::read(&name, &bytes);
                        web::mark("vouch:parse:end");
                        match read {
                            Ok(found) => parsed.extend(found),
                            Err(e) => errors.push(e.to_string()),
                        }
                    }
                    Err(e) => errors.push(format!("{name} can't be read: {e}")),
                }
            }
            self.errors.set(errors);
            if parsed.is_empty() {
                self.stage.set(Stage::Choose);
                return;
            }
            self.stage.set(Stage::Working {
                step: "Matching against your network".into(),
                done: total - 1,
                total,
            });
            web::yield_to_page().await;
            let kinds: Vec<_> = parsed.iter().map(|p| p.kind).collect();
            self.tag.set(default_tag(&kinds, web::today()));
            self.parsed.set(parsed);
            self.rebuild(app);
            self.stage.set(Stage::Preview);
        });
    }

    /// Matches the parsed files against the network again (after a mapping change).
    fn rebuild(&self, app: crate::app::AppState) {
        web::mark("vouch:match:start");
        let preview = self
            .parsed
            .with_untracked(|files| app.data.with_untracked(|d| Preview::build(d, files)));
        web::mark("vouch:match:end");
        self.excluded.set(HashSet::new());
        self.same_person.set(HashSet::new());
        self.preview.set(Some(preview));
    }

    /// Writes the batch the user confirmed, as one change and one save.
    fn confirm(&self) {
        let state = *self;
        let app = self.app;
        let options = Options {
            tag: self.tag.get_untracked(),
            keep_message_text: self.keep_text.get_untracked(),
        };
        let choices = Choices {
            excluded: self.excluded.get_untracked(),
            same_person: self.same_person.get_untracked(),
        };
        // Two steps with a turn for the page between them, so neither holds it for long: build
        // the batch, then apply and write it (still one change, one save).
        spawn_local(async move {
            web::mark("vouch:save:start");
            state.stage.set(Stage::Working {
                step: "Saving".into(),
                done: 0,
                total: 2,
            });
            web::yield_to_page().await;
            web::mark("vouch:batch:start");
            let batch = state.preview.with_untracked(|p| {
                p.as_ref().map(|p| {
                    app.data
                        .with_untracked(|d| p.batch(d, &choices, &options, web::today(), web::now()))
                })
            });
            web::mark("vouch:batch:end");
            let Some(batch) = batch else {
                state.stage.set(Stage::Preview);
                return;
            };
            state.stage.set(Stage::Working {
                step: "Saving".into(),
                done: 1,
                total: 2,
            });
            web::yield_to_page().await;
            let headline = batch.headline();
            let nothing = batch.is_empty();
            web::mark("vouch:write:start");
            // An import that changes nothing leaves the last one's Undo in place.
            let saved = nothing || app.import(batch);
            web::mark("vouch:write:end");
            state.preview.set(None);
            state.parsed.set(Vec::new());
            state.stage.set(Stage::Done {
                headline: headline.clone(),
            });
            web::mark("vouch:save:end");
            if saved && !nothing {
                app.show_toast(Toast {
                    message: headline,
                    undo: Some(ToastUndo::Import),
                });
            }
        });
    }
}

pub fn use_import() -> ImportState {
    expect_context::<ImportState>()
}

/// Provides the import's state and takes files dropped anywhere on the page to the import screen.
#[component]
pub fn ImportProvider(children: Children) -> impl IntoView {
    let state = ImportState::new(use_app());
    provide_context(state);
    let navigate = use_navigate();
    // While files are dragged over the page, a veil says what dropping them does.
    let dragging = RwSignal::new(false);
    let over = window_event_listener(leptos::ev::dragover, move |ev| {
        if carries_files(&ev) {
            ev.prevent_default();
            if !dragging.get_untracked() {
                dragging.set(true);
            }
        }
    });
    // Leaving the window (no element to go to) ends the drag over the page.
    let left = window_event_listener(leptos::ev::dragleave, move |ev| {
        if ev.related_target().is_none() {
            dragging.set(false);
        }
    });
    let dropped = window_event_listener(leptos::ev::drop, move |ev| {
        dragging.set(false);
        if !carries_files(&ev) {
            return;
        }
        ev.prevent_default();
        let files = ev
            .data_transfer()
            .and_then(|d| d.files())
            .map(file_list)
            .unwrap_or_default();
        if !files.is_empty() {
            navigate("/import", Default::default());
            state.start(files);
        }
    });
    on_cleanup(move || {
        over.remove();
        left.remove();
        dropped.remove();
    });
    view! {
        {children()}
        <Show when=move || dragging.get()>
            <div class="drop-veil" aria-hidden="true"><p>"Drop the files to import them"</p></div>
        </Show>
    }
}

fn carries_files(ev: &web_sys::DragEvent) -> bool {
    ev.data_transfer()
        .map(|d| d.types().iter().any(|t| t.as_string().as_deref() == Some("Files")))
        .unwrap_or(false)
}

fn file_list(list: web_sys::FileList) -> Vec<web_sys::File> {
    (0..list.length()).filter_map(|i| list.get(i)).collect()
}

/// A link to the import screen, for Network and Settings.
#[component]
pub fn ImportLink(
    /// The link's words.
    #[prop(into)]
    text: String,
    /// Extra classes ("button primary").
    #[prop(into, default = "button".to_string())]
    class: String,
) -> impl IntoView {
    view! { <A href=href("/import") attr:class=class>{text}</A> }
}

#[component]
pub fn ImportScreen() -> impl IntoView {
    let state = use_import();
    let app = use_app();
    // Coming back after an import starts a new one; a preview, though, waits for its answer.
    if matches!(state.stage.get_untracked(), Stage::Done { .. }) {
        state.reset();
    }
    let on_pick = move |ev: leptos::ev::Event| {
        let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else {
            return;
        };
        let files = input.files().map(file_list).unwrap_or_default();
        // Cleared so that picking the same file again (after an undo) is a change too.
        input.set_value("");
        state.start(files);
    };
    let stage = move || state.stage.get();
    view! {
        <section class="page import-page">
            <header class="page-head">
                <h1>"Import contacts"</h1>
            </header>
            {move || {
                let errors = state.errors.get();
                (!errors.is_empty()).then(|| view! {
                    <div class="card error-box" role="alert">
                        <h2>{if errors.len() == 1 { "A file could not be imported" } else { "Some files could not be imported" }}</h2>
                        <ul>{errors.into_iter().map(|e| view! { <li>{e}</li> }).collect_view()}</ul>
                        <p class="hint">"Nothing was changed because of them."</p>
                    </div>
                })
            }}
            {move || match stage() {
                Stage::Choose => view! { <Chooser on_pick=on_pick/> }.into_any(),
                Stage::Working { step, done, total } => view! {
                    <div class="card working" role="status" aria-live="polite">
                        <p>{step}"…"</p>
                        <progress max=total value=done aria-label="Import progress"></progress>
                    </div>
                }
                .into_any(),
                Stage::Preview => view! { <preview::PreviewView/> }.into_any(),
                Stage::Done { headline } => view! {
                    <div class="card done">
                        <h2>{headline}</h2>
                        <p>"Today, Backers and the ask wizard now work on them."</p>
                        <div class="actions">
                            <A href=href("/") attr:class="button primary">"See Today"</A>
                            <A href=href("/network") attr:class="button">"Open Network"</A>
                            <A href=href("/backers") attr:class="button">"See your backers"</A>
                            <Show when=move || app.last_import.with(Option::is_some)>
                                <button type="button" class="button ghost" on:click=move |_| app.undo_import()>"Undo this import"</button>
                            </Show>
                            <button type="button" class="button ghost" on:click=move |_| state.reset()>"Import more files"</button>
                        </div>
                    </div>
                }
                .into_any(),
            }}
        </section>
    }
}

#[component]
fn Chooser(on_pick: impl Fn(leptos::ev::Event) + 'static) -> impl IntoView {
    view! {
        <div class="card drop-zone">
            <h2>"Choose files, or drop them anywhere on this page"</h2>
            <p>"Vouch finds out what each file is from what is inside it, and shows you everything before it changes anything."</p>
            <div class="field">
                <label for="import-files">"Files to import"</label>
                <input id="import-files" type="file" multiple=true accept=".zip,.csv,.vcf,.vcard,.txt,text/csv,text/vcard" on:change=on_pick/>
            </div>
            <h3>"What it reads"</h3>
            <ul class="import-kinds">
                <li><strong>"LinkedIn's data export"</strong>": the ZIP LinkedIn e-mails you (Settings → Data privacy → Get a copy of your data), or its CSV files one by one. Connections become contacts; messages, recommendations, endorsements and invitations become their history."</li>
                <li><strong>"Phone and Google contacts"</strong>": a vCard file (.vcf) from iPhone, Android, Google Contacts, Outlook or macOS."</li>
                <li><strong>"Spreadsheets"</strong>": Google Contacts and Outlook CSV, or any sheet with a name column. You choose where columns Vouch doesn't recognise go."</li>
            </ul>
            <p class="hint">"Everything stays on this device. The same person is never added twice: importing a newer export updates what changed."</p>
        </div>
    }
}
