//! One contact: adding a new one, viewing it, editing it, deleting it (with Undo).

use crate::app::href;
use crate::app::{use_app, Toast};
use crate::model::{Contact, ContactDraft, Id, Relationship};
use crate::ui::fields::{FormErrors, SelectField, TextArea, TextField};
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
        }
    }
}

#[component]
fn ContactFields(form: ContactForm) -> impl IntoView {
    let relationships: Vec<(&'static str, &'static str)> =
        Relationship::ALL.iter().map(|r| (r.key(), r.label())).collect();
    view! {
        <TextField label="Name" value=form.name required=true autocomplete="off"/>
        <div class="grid-2">
            <TextField label="Company" value=form.company/>
            <TextField label="Role" value=form.role/>
            <TextField label="Industry" value=form.industry/>
            <TextField label="Location" value=form.location/>
            <TextField label="Email" value=form.email kind="email"/>
            <TextField label="Phone" value=form.phone kind="tel"/>
        </div>
        <TextField label="Profile URL" value=form.profile_url kind="url" hint="Their LinkedIn or personal page, starting with https://"/>
        <SelectField label="How we know each other" value=form.relationship options=relationships/>
        <TextArea label="How we met" value=form.how_we_met rows=2 hint="A few words: the team, school, event or project you shared."/>
        <TextArea label="Notes" value=form.notes rows=4/>
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
    let contact = Memo::new(move |_| id.get().and_then(|id| app.data.with(|d| d.contacts.get(&id).cloned())));
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
    let rows: Vec<(&'static str, String)> = vec![
        ("Company", contact.company.clone()),
        ("Role", contact.role.clone()),
        ("Industry", contact.industry.clone()),
        ("Location", contact.location.clone()),
        ("Email", contact.email.clone()),
        ("Phone", contact.phone.clone()),
        (
            "How we know each other",
            if contact.relationship == Relationship::Unspecified {
                String::new()
            } else {
                contact.relationship.label().to_string()
            },
        ),
        ("How we met", contact.how_we_met.clone()),
    ];
    let url = contact.profile_url.clone();
    let notes = contact.notes.clone();
    view! {
        <header class="page-head">
            <div>
                <h1>{contact.name.clone()}</h1>
                <p class="sub">{contact.headline()}</p>
            </div>
            <div class="actions">
                <button type="button" class="button" on:click=move |_| editing.set(true)>"Edit"</button>
                <button type="button" class="button danger" on:click=delete>"Delete"</button>
            </div>
        </header>
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
        {(!notes.is_empty()).then(|| view! { <h2>"Notes"</h2><p class="notes">{notes}</p> })}
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
