//! Today: the landing screen. Until the user has a profile and a few contacts, it is a short
//! checklist of what to do first; after that, what needs doing now, most pressing first: referrals
//! to contact now, follow-ups due, thanks and updates owed, job changes to congratulate on, who is
//! going cold, the next touch for the best backers, and what happened lately. Each section hides while it is empty.

use crate::app::href;
use crate::app::{use_app, AppState};
use crate::model::Parts;
use crate::model::{Id, Outcome};
use crate::network::job_news;
use crate::network::today::{cold_list, recent_touches, suggestions};
use crate::pipeline::{self, Owed, OwedKind, UrgencyPolicy};
use crate::ui::calendar::download_upcoming;
use crate::ui::owed::OwedItem;
use crate::ui::referral_card::{ticking_now, ReferralCard};
use crate::ui::touch::LogTouch;
use crate::web;
use crate::web::prefs::urgency_hours;
use leptos::prelude::*;
use leptos_router::components::A;
use wasm_bindgen::JsCast;

#[component]
pub fn Today() -> impl IntoView {
    let app = use_app();
    // Follows the clock: a Today left open overnight moves on at midnight.
    let today = web::clock::today();
    let has_profile = Memo::new(move |_| app.data.with(Parts::PROFILE, |d| d.profile.is_set_up()));
    let contacts = Memo::new(move |_| app.data.with(Parts::CONTACTS, |d| d.contacts.len()));
    let has_goals = Memo::new(move |_| app.data.with(Parts::GOALS, |d| d.goals.values().any(|g| !g.archived)));
    let greeting = Memo::new(move |_| {
        app.data.with(Parts::PROFILE, |d| {
            if d.profile.name.trim().is_empty() {
                "Welcome to Vouch".to_string()
            } else {
                format!("Hello, {}", crate::network::words::first_name(&d.profile.name))
            }
        })
    });
    let cold = Memo::new(move |_| app.data.with(Parts::ACTIVITY, |d| cold_list(d, today.get())));
    let suggested =
        Memo::new(move |_| cold.with(|c| app.data.with(Parts::ALL, |d| suggestions(d, &c.ids, today.get()))));
    let recent = Memo::new(move |_| app.data.with(Parts::TOUCHPOINTS | Parts::CONTACTS, recent_touches));
    let news = Memo::new(move |_| app.data.with(Parts::ACTIVITY, |d| job_news(d, today.get())));
    let now = ticking_now();
    let hours = Signal::derive(urgency_hours);
    let urgent = Memo::new(move |_| {
        app.data.with(Parts::REFERRALS, |d| {
            pipeline::urgent_queue(d.referrals.values(), now.get().0, UrgencyPolicy::hours(hours.get()))
                .iter()
                .map(|u| u.referral.id)
                .collect::<Vec<Id>>()
        })
    });
    let owed = Memo::new(move |_| app.data.with(Parts::ALL, |d| pipeline::owed(d, today.get())));
    let follow_ups = Memo::new(move |_| {
        owed.with(|o| {
            o.iter()
                .filter(|o| o.kind == OwedKind::FollowUp)
                .cloned()
                .collect::<Vec<Owed>>()
        })
    });
    let thanks = Memo::new(move |_| {
        owed.with(|o| {
            o.iter()
                .filter(|o| o.kind != OwedKind::FollowUp)
                .cloned()
                .collect::<Vec<Owed>>()
        })
    });
    let export_all = move |_| download_upcoming(app, hours.get_untracked());
    let form = OpenForm::new();
    let getting_started = move || !has_profile.get() || contacts.get() < 3;
    let pipeline_clear = move || urgent.with(Vec::is_empty) && owed.with(Vec::is_empty);
    let all_clear = move || {
        !getting_started()
            && pipeline_clear()
            && cold.with(|c| c.rows.is_empty())
            && suggested.with(Vec::is_empty)
            && recent.with(Vec::is_empty)
            && news.with(Vec::is_empty)
    };

    view! {
        <section class="page today">
            <h1 id=PAGE_HEADING tabindex="-1">{move || greeting.get()}</h1>
            <p class="lead">"Vouch helps you get referrals from the people who already know your work: whom to ask, when, and what to write."</p>
            // A fresh referral comes before any new ask: while one waits, it is the first thing here.
            <Show when=move || { contacts.get() > 0 && urgent.with(Vec::is_empty) }>
                <p class="today-ask">
                    <A href=href("/ask") attr:class="button primary">"Make the ask"</A>
                    " Pick a goal, and Vouch shows whom to ask and writes the message with you."
                </p>
            </Show>
            <Show when=all_clear>
                <div class="card all-clear">
                    <h2>"Nothing is due today"</h2>
                    <p>"Nobody is past their keep-in-touch date. Judge how well your contacts know, like and trust you to get suggested touches, or "<A href=href("/network/new")>"add someone who knows your work"</A>"."</p>
                    {move || {
                        let (link, text) = if has_goals.get() { ("/backers", "See your backers") } else { ("/goals", "Define a goal") };
                        view! { <p>{first_step(has_goals.get())}" "<A href=href(link)>{text}</A>"."</p> }
                    }}
                </div>
            </Show>
            <Show when=move || !urgent.with(Vec::is_empty)>
                <section class="card today-section urgent-section" aria-labelledby=URGENT_HEADING>
                    <h2 id=URGENT_HEADING tabindex="-1">"Contact now"</h2>
                    <p class="hint">"New referrals, oldest first. Get in touch while the introduction is fresh: the person who referred you may have called ahead."</p>
                    <ul class="referral-list" aria-label="Contact now">
                        <For each=move || urgent.get() key=|id| *id let:id>
                            <li><ReferralCard id=id now=now hours=hours/></li>
                        </For>
                    </ul>
                </section>
            </Show>
            <Show when=move || !follow_ups.with(Vec::is_empty)>
                <section class="card today-section" aria-labelledby=FOLLOW_UP_HEADING>
                    <h2 id=FOLLOW_UP_HEADING tabindex="-1">"Follow-ups due"</h2>
                    <ul class="item-list" aria-label="Follow-ups due">
                        <For each=move || follow_ups.get() key=owed_key let:o>
                            <OwedItem answer=waiting_ask(app, &o) owed=o/>
                        </For>
                    </ul>
                </section>
            </Show>
            <Show when=move || !thanks.with(Vec::is_empty)>
                <section class="card today-section" aria-labelledby=OWED_HEADING>
                    <h2 id=OWED_HEADING tabindex="-1">"Thanks and updates owed"</h2>
                    <p class="hint">"Close the loop with the people who helped. Marking one as sent adds it to their timeline."</p>
                    <ul class="item-list" aria-label="Thanks and updates owed">
                        <For each=move || thanks.get() key=owed_key let:o>
                            <OwedItem owed=o answer=None/>
                        </For>
                    </ul>
                </section>
            </Show>
            <Show when=move || !pipeline_clear()>
                <div class="actions calendar-all">
                    <button type="button" class="button" on:click=export_all>"Add all upcoming to calendar"</button>
                </div>
            </Show>
            <Show when=getting_started>
                <div class="card">
                    <h2>"Get started"</h2>
                    <ol class="checklist">
                        <li class:done=move || has_profile.get()>
                            <A href=href("/settings")>"Tell Vouch who you are"</A>
                            " — your name, headline and the skills you want to be known for."
                        </li>
                        <li class:done=move || { contacts.get() >= 3 }>
                            <A href=href("/import")>"Import your contacts"</A>
                            " from LinkedIn, your phone or a spreadsheet, or "
                            <A href=href("/network/new")>"add people who know your work"</A>
                            {move || format!(" — {} of 3 added.", contacts.get().min(3))}
                        </li>
                    </ol>
                    <p>"Or look around first: "<crate::ui::sample::SampleDataButton/></p>
                </div>
            </Show>
            <Show when=move || !news.with(Vec::is_empty)>
                <section class="card today-section" aria-labelledby=NEWS_HEADING>
                    <h2 id=NEWS_HEADING tabindex="-1">"Congratulate"</h2>
                    <p class="hint">"A new job is the easiest reason to get back in touch. Logging the note resets their keep-in-touch clock."</p>
                    <ul class="item-list" aria-label="Congratulate">
                        <For each=move || news.get() key=|n| n.clone() let:n>
                            <PersonItem contact=n.contact name=n.name.clone() section=Section::News form=form>
                                <span class="step">{n.words.clone()}</span>
                            </PersonItem>
                        </For>
                    </ul>
                </section>
            </Show>
            <Show when=move || cold.with(|c| !c.rows.is_empty())>
                <section class="card today-section" aria-labelledby=COLD_HEADING>
                    <h2 id=COLD_HEADING tabindex="-1">"Going cold"</h2>
                    <p class="hint">"Past the keep-in-touch date you aim for. Any touch resets the clock."</p>
                    <ul class="item-list" aria-label="Going cold">
                        <For each=move || cold.with(|c| c.rows.clone()) key=|row| row.clone() let:row>
                            <PersonItem contact=row.id name=row.name.clone() section=Section::Cold form=form>
                                <span class="overdue">{row.overdue.clone()}</span>
                                <span class="meta"><time datetime=row.last_touch_iso.clone()>{row.last_touch.clone()}</time></span>
                            </PersonItem>
                        </For>
                    </ul>
                    <Show when=move || cold.with(|c| c.total > c.rows.len())>
                        <p class="hint more">
                            {move || cold.with(|c| {
                                let more = c.total - c.rows.len();
                                format!("And {more} more going cold: they show here as you work through these.")
                            })}
                        </p>
                    </Show>
                </section>
            </Show>
            <Show when=move || !suggested.with(Vec::is_empty)>
                <section class="card today-section" aria-labelledby=SUGGESTED_HEADING>
                    <h2 id=SUGGESTED_HEADING tabindex="-1">"Suggested touches"</h2>
                    <p class="hint">"Your strongest "<A href=href("/backers")>"backers"</A>", and the next step with each."</p>
                    <ul class="item-list" aria-label="Suggested touches">
                        <For each=move || suggested.get() key=|row| row.clone() let:row>
                            <PersonItem contact=row.id name=row.name.clone() section=Section::Suggested form=form>
                                <span class="step">{row.step.clone()}</span>
                                <span class="meta">{row.reason.clone()}</span>
                                <A href=href(&format!("/ask?contact={}", row.id)) attr:class="ask-link" attr:aria-label=format!("Make the ask to {}", row.name)>
                                    "Make the ask"
                                </A>
                            </PersonItem>
                        </For>
                    </ul>
                </section>
            </Show>
            <Show when=move || !recent.with(Vec::is_empty)>
                <section class="card today-section" aria-labelledby=RECENT_HEADING>
                    <h2 id=RECENT_HEADING>"Recent touchpoints"</h2>
                    <ul class="recent-list" aria-label="Recent touchpoints">
                        <For each=move || recent.get() key=|row| row.clone() let:row>
                            <li>
                                <time class="when" datetime=row.date_iso.clone()>{row.date.clone()}</time>
                                <span class="what">
                                    <span class="kind">{row.kind}</span>
                                    " with "
                                    <A href=href(&format!("/network/{}", row.contact))>{row.name.clone()}</A>
                                </span>
                                {(!row.note.is_empty()).then(|| view! { <span class="note">{row.note.clone()}</span> })}
                            </li>
                        </For>
                    </ul>
                </section>
            </Show>
            <div class="card privacy">
                <h2>"Your data stays here"</h2>
                <p>"Everything you enter is kept in this browser on this device. Vouch sends nothing anywhere and works without a connection. Download a backup from Settings & data now and then."</p>
            </div>
        </section>
    }
}

const PAGE_HEADING: &str = "today-heading";
const URGENT_HEADING: &str = "today-urgent";
const FOLLOW_UP_HEADING: &str = "today-follow-ups";
const OWED_HEADING: &str = "today-owed";
const NEWS_HEADING: &str = "today-news";

/// What to do first when nothing is due: a goal before any ask (rule 4), then an ask to a backer.
fn first_step(has_goals: bool) -> &'static str {
    if has_goals {
        "When you are ready to ask, start with the contacts most ready to vouch for you."
    } else {
        "Before any ask, say what you are asking for."
    }
}

/// What identifies an owed message across redraws.
fn owed_key(o: &Owed) -> (OwedKind, Id, pipeline::OwedRef) {
    (o.kind, o.contact, o.about.clone())
}

/// The ask a follow-up is about, when it still waits for an answer, so it can be recorded in place.
fn waiting_ask(app: AppState, o: &Owed) -> Option<Id> {
    let pipeline::OwedRef::Ask(id) = o.about else {
        return None;
    };
    app.data
        .with_untracked(|d| d.asks.get(&id).is_some_and(|a| a.outcome == Outcome::Waiting))
        .then_some(id)
}
const COLD_HEADING: &str = "today-cold";
const SUGGESTED_HEADING: &str = "today-suggested";
const RECENT_HEADING: &str = "today-recent";

/// The lists whose items log a touch in place.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Section {
    News,
    Cold,
    Suggested,
}

impl Section {
    fn heading(self) -> &'static str {
        match self {
            Section::News => NEWS_HEADING,
            Section::Cold => COLD_HEADING,
            Section::Suggested => SUGGESTED_HEADING,
        }
    }

    /// The id of an item's "Log a touch" button, so focus can find it again after a redraw.
    fn toggle_id(self, contact: Id) -> String {
        let list = match self {
            Section::News => "news",
            Section::Cold => "cold",
            Section::Suggested => "suggested",
        };
        format!("log-{list}-{contact}")
    }
}

/// Which item's log-a-touch form is open (one at a time), and what to do once a touch is logged.
/// Held by the page, not the item: logging a touch usually removes the item, and with it anything
/// it owns, before the form's `on_done` has run.
#[derive(Clone, Copy)]
struct OpenForm {
    open: RwSignal<Option<(Section, Id)>>,
    done: Callback<()>,
}

impl OpenForm {
    fn new() -> Self {
        let open = RwSignal::new(None::<(Section, Id)>);
        let done = Callback::new(move |()| {
            let Some((section, contact)) = open.get_untracked() else {
                return;
            };
            open.set(None);
            // Wait for the lists to redraw, then put focus back on the item's button, or on the
            // section's heading if the item left it, rather than letting it drop to the page.
            request_animation_frame(move || {
                focus_first(&[&section.toggle_id(contact), section.heading(), PAGE_HEADING])
            });
        });
        OpenForm { open, done }
    }
}

/// One person on Today: their name as a link, what is said of them, and "Log a touch" in place.
#[component]
fn PersonItem(
    contact: Id,
    name: String,
    /// The list the item is in.
    section: Section,
    form: OpenForm,
    /// What the item says beside the name.
    children: Children,
) -> impl IntoView {
    let shown = name.clone();
    view! {
        <li class="item">
            <div class="item-main">
                <A href=href(&format!("/network/{contact}")) attr:class="name">{shown}</A>
                {children()}
            </div>
            <LogTouchInPlace contact=contact name=name section=section form=form/>
        </li>
    }
}

/// The "Log a touch" button of one item and the form it opens in place, below it.
#[component]
fn LogTouchInPlace(
    /// Whom the touch is with.
    contact: Id,
    /// Their name, for the button's accessible name and the form.
    name: String,
    /// The list the item is in.
    section: Section,
    /// The page's open-form state.
    form: OpenForm,
) -> impl IntoView {
    let key = (section, contact);
    let is_open = move || form.open.get() == Some(key);
    let toggle = move |_| {
        form.open
            .update(|o| *o = if *o == Some(key) { None } else { Some(key) })
    };
    let form_id = format!("{}-form", section.toggle_id(contact));
    view! {
        <button
            type="button"
            id=section.toggle_id(contact)
            class="button small log-toggle"
            aria-label=format!("Log a touch with {name}")
            aria-expanded=move || is_open().to_string()
            aria-controls=form_id.clone()
            on:click=toggle
        >
            "Log a touch"
        </button>
        <div id=form_id class="inline-form" hidden=move || !is_open()>
            <Show when=is_open>
                <LogTouch contact=contact name=name.clone() on_done=form.done/>
            </Show>
        </div>
    }
}

/// Focuses the first of these elements that is on the page.
fn focus_first(ids: &[&str]) {
    let doc = document();
    let target = ids
        .iter()
        .find_map(|id| doc.get_element_by_id(id))
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(el) = target {
        let _ = el.focus();
    }
}
