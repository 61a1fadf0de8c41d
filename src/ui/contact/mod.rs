//! One contact: adding a new one, viewing it, editing it, deleting it (with Undo). The page's
//! sections live beside this file: the relationship at a glance, touchpoints, and who they know.

mod knows;
mod standing;
mod touchpoints;

use crate::app::href;
use crate::app::{use_app, Toast};
use crate::model::Parts;
use crate::model::{cadence_label, Contact, ContactDraft, Id, Judgement, Relationship, Source, CADENCES};
use crate::network::default_cadence_days;
use crate::ui::fields::{unique_id, FormErrors, SelectField, TextArea, TextField};
use crate::web;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_params_map};

/// The contact form's fields as signals, so one form serves adding and editing.
#[derive(Clone, Copy)]
struct ContactForm {
    name: RwSignal<String>,
    company: RwSignal<String>,
    role: RwSignal<String>,
    industry: RwSignal<String>,
    location: RwSignal<String>,
    email: RwSignal<String>,
    phone: RwSignal<String>,
    profile_url: RwSignal<String>,
    relationship: RwSignal<String>,
    how_we_met: RwSignal<String>,
    notes: RwSignal<String>,
    shared: RwSignal<String>,
    admire: RwSignal<String>,
    know: RwSignal<String>,
    like: RwSignal<String>,
    trust: RwSignal<String>,
    knows_my_work: RwSignal<bool>,
    cadence_days: RwSignal<String>,
    tags: RwSignal<String>,
}

impl ContactForm {
    fn new(d: ContactDraft) -> Self {
        ContactForm {
            name: RwSignal::new(d.name),
            company: RwSignal::new(d.company),
            role: RwSignal::new(d.role),
            industry: RwSignal::new(d.industry),
            location: RwSignal::new(d.location),
            email: RwSignal::new(d.email),
            phone: RwSignal::new(d.phone),
            profile_url: RwSignal::new(d.profile_url),
            relationship: RwSignal::new(d.relationship.key().to_string()),
            how_we_met: RwSignal::new(d.how_we_met),
            notes: RwSignal::new(d.notes),
            shared: RwSignal::new(d.shared),
            admire: RwSignal::new(d.admire),
            know: RwSignal::new(d.know.to_string()),
            like: RwSignal::new(d.like.to_string()),
            trust: RwSignal::new(d.trust.to_string()),
            knows_my_work: RwSignal::new(d.knows_my_work),
            cadence_days: RwSignal::new(d.cadence_days),
            tags: RwSignal::new(d.tags),
        }
    }

    fn draft(&self) -> ContactDraft {
        ContactDraft {
            name: self.name.get_untracked(),
            company: self.company.get_untracked(),
            role: self.role.get_untracked(),
            industry: self.industry.get_untracked(),
            location: self.location.get_untracked(),
            email: self.email.get_untracked(),
            phone: self.phone.get_untracked(),
            profile_url: self.profile_url.get_untracked(),
            relationship: Relationship::from_key(&self.relationship.get_untracked()).unwrap_or_default(),
            how_we_met: self.how_we_met.get_untracked(),
            notes: self.notes.get_untracked(),
            shared: self.shared.get_untracked(),
            admire: self.admire.get_untracked(),
            know: self.know.get_untracked().parse().unwrap_or(0),
            like: self.like.get_untracked().parse().unwrap_or(0),
            trust: self.trust.get_untracked().parse().unwrap_or(0),
            knows_my_work: self.knows_my_work.get_untracked(),
            cadence_days: self.cadence_days.get_untracked(),
            tags: self.tags.get_untracked(),
        }
    }
}

#[component]
fn ContactFields(form: ContactForm) -> impl IntoView {
    let relationships: Vec<(&'static str, &'static str)> =
        Relationship::ALL.iter().map(|r| (r.key(), r.label())).collect();
    let judgement = move |j: Judgement, value: RwSignal<String>| {
        let options: Vec<(&'static str, &'static str)> =
            ["0", "1", "2", "3", "4"].into_iter().zip(j.labels()).collect();
        view! { <SelectField label=j.question() value=value options=options/> }
    };
    let check_id = unique_id("kw");
    let cadence_id = unique_id("cd");
    // The default cadence follows the relationship chosen above it.
    let default_cadence = move || {
        let r = Relationship::from_key(&form.relationship.get()).unwrap_or_default();
        format!(
            "Default for this relationship ({})",
            cadence_label(default_cadence_days(r)).to_lowercase()
        )
    };
    let custom = form.cadence_days.get_untracked();
    let custom_option = custom
        .parse::<u16>()
        .ok()
        .filter(|d| !CADENCES.iter().any(|(c, _)| c == d))
        .map(|d| view! { <option value=d.to_string()>{cadence_label(d)}</option> });
    view! {
        <fieldset>
            <legend>"Who they are"</legend>
            <TextField label="Name" value=form.name required=true autocomplete="off"/>
            <div class="grid-2">
                <TextField label="Company" value=form.company/>
                <TextField label="Role" value=form.role/>
                <TextField label="Industry" value=form.industry/>
                <TextField label="Location" value=form.location/>
            </div>
        </fieldset>
        <fieldset>
            <legend>"How to reach them"</legend>
            <div class="grid-2">
                <TextField label="Email" value=form.email kind="email"/>
                <TextField label="Phone" value=form.phone kind="tel"/>
            </div>
            <TextField label="Profile URL" value=form.profile_url kind="url" hint="Their LinkedIn or personal page, starting with https://"/>
        </fieldset>
        <fieldset>
            <legend>"Your relationship"</legend>
            <SelectField label="How we know each other" value=form.relationship options=relationships/>
            <TextArea label="How we met" value=form.how_we_met rows=2 hint="A few words: the team, school, event or project you shared."/>
            <TextArea label="Shared experiences" value=form.shared rows=2 hint="One per line, as a short phrase: \u{201c}the 2019 warehouse migration\u{201d}. Messages mention them."/>
            <TextField label="What I admire in their work" value=form.admire hint="A short phrase, e.g. \u{201c}your talk on slotting at ProMat\u{201d}."/>
            <div class="grid-3">
                {judgement(Judgement::Know, form.know)}
                {judgement(Judgement::Like, form.like)}
                {judgement(Judgement::Trust, form.trust)}
            </div>
            <div class="check">
                <input id=check_id.clone() type="checkbox" bind:checked=form.knows_my_work/>
                <label for=check_id>"They know my work well enough to recommend it"</label>
            </div>
            <div class="field">
                <label for=cadence_id.clone()>"Keep in touch"</label>
                <select id=cadence_id on:change:target=move |ev| form.cadence_days.set(ev.target().value()) prop:value=move || form.cadence_days.get()>
                    <option value="">{default_cadence}</option>
                    {CADENCES.iter().map(|(d, l)| view! { <option value=d.to_string()>{*l}</option> }).collect_view()}
                    {custom_option}
                </select>
            </div>
        </fieldset>
        <fieldset>
            <legend>"Tags and notes"</legend>
            <TextField label="Tags" value=form.tags hint="Separated by commas, e.g. logistics, rotterdam"/>
            <TextArea label="Notes" value=form.notes rows=4/>
        </fieldset>
    }
}

/// Adds a contact, then opens it.
#[component]
pub fn NewContact() -> impl IntoView {
    let app = use_app();
    let form = ContactForm::new(ContactDraft::default());
    let errors = RwSignal::new(Vec::<String>::new());
    let navigate = use_navigate();
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let now = web::now();
        let mut contact = Contact::new(web::new_id(), "", now);
        match form.draft().apply(&mut contact, now) {
            Ok(()) => {
                errors.set(Vec::new());
                let (id, name) = (contact.id, contact.name.clone());
                app.put(contact);
                app.show_toast(Toast {
                    message: format!("Added {name}."),
                    undo: None,
                });
                navigate(&format!("/network/{id}"), Default::default());
            }
            Err(e) => errors.set(e.iter().map(ToString::to_string).collect()),
        }
    };
    view! {
        <section class="page narrow">
            <p class="crumbs"><A href=href("/network")>"← Network"</A></p>
            <h1>"Add a contact"</h1>
            <form on:submit=save novalidate>
                <FormErrors errors=errors/>
                <ContactFields form=form/>
                <div class="actions">
                    <button type="submit" class="button primary">"Save contact"</button>
                    <A href=href("/network") attr:class="button ghost">"Cancel"</A>
                </div>
            </form>
        </section>
    }
}

/// One contact's page: details, then edit in place, or delete with Undo.
#[component]
pub fn ContactPage() -> impl IntoView {
    let app = use_app();
    let params = use_params_map();
    let id = Memo::new(move |_| params.read().get("id").and_then(|s| s.parse::<Id>().ok()));
    let contact = Memo::new(move |_| {
        id.get()
            .and_then(|id| app.data.with(Parts::CONTACTS, |d| d.contacts.get(&id).cloned()))
    });
    let editing = RwSignal::new(false);

    view! {
        <section class="page narrow">
            <p class="crumbs"><A href=href("/network")>"← Network"</A></p>
            {move || match contact.get() {
                None => view! {
                    <h1>"Contact not found"</h1>
                    <p>"It may have been deleted, here or in another tab. "<A href=href("/network")>"Back to your network"</A>"."</p>
                }.into_any(),
                Some(c) if editing.get() => view! { <EditContact contact=c editing=editing/> }.into_any(),
                Some(c) => view! { <ContactDetails contact=c editing=editing/> }.into_any(),
            }}
        </section>
    }
}

#[component]
fn ContactDetails(contact: Contact, editing: RwSignal<bool>) -> impl IntoView {
    let app = use_app();
    let navigate = use_navigate();
    let id = contact.id;
    let delete = move |_| {
        app.delete_contact(id);
        navigate("/network", Default::default());
    };
    let relationship =
        (contact.relationship != Relationship::Unspecified).then(|| contact.relationship.label().to_string());
    let source = match &contact.source {
        Source::Typed => None,
        Source::Imported { file, .. } => Some(format!("Imported from {file}")),
    };
    let rows: Vec<(&'static str, String)> = vec![
        ("Company", contact.company.clone()),
        ("Role", contact.role.clone()),
        ("Industry", contact.industry.clone()),
        ("Location", contact.location.clone()),
        ("Email", contact.email.clone()),
        ("Phone", contact.phone.clone()),
        ("How we know each other", relationship.unwrap_or_default()),
        ("How we met", contact.how_we_met.clone()),
        ("Shared experiences", contact.shared.join("; ")),
        ("What I admire in their work", contact.admire.clone()),
        ("Tags", contact.tags.join(", ")),
        ("Source", source.unwrap_or_default()),
        (
            "Connected on LinkedIn",
            contact
                .connected_on
                .map(crate::model::dates::short_date)
                .unwrap_or_default(),
        ),
        ("Endorsed your skills", contact.endorsed.join(", ")),
    ];
    let moved = contact.moved.clone().map(|m| {
        format!(
            "Moved from {} to {} (found on {}).",
            m.from,
            m.to,
            crate::model::dates::short_date(m.seen)
        )
    });
    let recommendation = contact.recommendation.clone();
    let url = contact.profile_url.clone();
    let notes = contact.notes.clone();
    let name = contact.name.clone();
    view! {
        <header class="page-head">
            <div>
                <h1>{contact.name.clone()}</h1>
                <p class="sub">{contact.headline()}</p>
            </div>
            <div class="actions">
                <A href=href(&format!("/ask?contact={id}")) attr:class="button primary">"Make the ask"</A>
                <button type="button" class="button" on:click=move |_| editing.set(true)>"Edit"</button>
                <button type="button" class="button danger" on:click=delete>"Delete"</button>
            </div>
        </header>
        {moved.map(|m| view! { <p class="news" role="note"><strong>"News: "</strong>{m}" A good moment for a congratulations note."</p> })}
        <standing::Standing contact=id/>
        <dl class="details">
            {rows
                .into_iter()
                .filter(|(_, v)| !v.is_empty())
                .map(|(k, v)| view! { <div><dt>{k}</dt><dd>{v}</dd></div> })
                .collect_view()}
            {(!url.is_empty()).then(|| view! {
                <div><dt>"Profile"</dt><dd><a href=url.clone() rel="noopener noreferrer" target="_blank">{url.clone()}</a></dd></div>
            })}
        </dl>
        {(!recommendation.is_empty()).then(|| view! {
            <h2>"Their recommendation of you"</h2>
            <blockquote class="recommendation">{recommendation}</blockquote>
        })}
        {(!notes.is_empty()).then(|| view! { <h2>"Notes"</h2><p class="notes">{notes}</p> })}
        <crate::ui::asks::ContactAsks contact=id/>
        <touchpoints::Touchpoints contact=id name=name.clone()/>
        <knows::WhoTheyKnow contact=id name=name/>
    }
}

#[component]
fn EditContact(contact: Contact, editing: RwSignal<bool>) -> impl IntoView {
    let app = use_app();
    let form = ContactForm::new(ContactDraft::from_contact(&contact));
    let errors = RwSignal::new(Vec::<String>::new());
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        // Edit the latest version: another tab may have changed other fields meanwhile.
        let Some(mut current) = app.data.with_untracked(|d| d.contacts.get(&contact.id).cloned()) else {
            errors.set(vec!["This contact was deleted in another tab.".into()]);
            return;
        };
        match form.draft().apply(&mut current, web::now()) {
            Ok(()) => {
                app.put(current);
                editing.set(false);
            }
            Err(e) => errors.set(e.iter().map(ToString::to_string).collect()),
        }
    };
    view! {
        <h1>"Edit " {contact.name.clone()}</h1>
        <form on:submit=save novalidate>
            <FormErrors errors=errors/>
            <ContactFields form=form/>
            <div class="actions">
                <button type="submit" class="button primary">"Save changes"</button>
                <button type="button" class="button ghost" on:click=move |_| editing.set(false)>"Cancel"</button>
            </div>
        </form>
    }
}
