//! Step 5: where the message goes and in what register. The channel sets the hard limits (a
//! LinkedIn connection note is 300 characters at most); the tone defaults from know / like / trust.

use super::{OptionCard, Wizard};
use crate::app::use_app;
use crate::compose::Tone;
use crate::model::Channel;
use crate::model::Parts;
use crate::ui::fields::unique_id;
use leptos::prelude::*;

#[component]
pub fn ChannelStep(wizard: Wizard) -> impl IntoView {
    let app = use_app();
    let plan = wizard.plan;
    let contact = Memo::new(move |_| app.data.with(Parts::CONTACTS, |d| plan.with(|p| p.contact(d).cloned())));
    let channel = Memo::new(move |_| plan.with(|p| p.channel));
    let tone = Memo::new(move |_| plan.with(|p| p.tone));
    let suggested = Memo::new(move |_| contact.with(|c| c.as_ref().map(Tone::for_contact)));
    let channel_group = unique_id("channel");
    let tone_group = unique_id("tone");

    let no_email = move || contact.with(|c| c.as_ref().is_some_and(|c| c.email.trim().is_empty()));
    view! {
        <fieldset class="option-list">
            <legend>"Channel"</legend>
            {Channel::ALL
                .into_iter()
                .map(|ch| {
                    view! {
                        <OptionCard
                            group=channel_group.clone()
                            checked=Signal::derive(move || channel.get() == ch)
                            on_pick=Callback::new(move |_| plan.update(|p| p.channel = ch))
                        >
                            <span class="option-title">{ch.label()}</span>
                            <span class="option-meta">
                                {ch.description()}
                                {move || (ch == Channel::Email && no_email()).then_some(
                                    " No e-mail address on their contact yet: the mail app will ask whom to send it to.",
                                )}
                            </span>
                        </OptionCard>
                    }
                })
                .collect_view()}
        </fieldset>
        <fieldset class="option-list tone">
            <legend>"Tone"</legend>
            {move || suggested.get().map(|t| view! {
                <p class="hint">{format!("Suggested from how well you know each other: {}.", t.label())}</p>
            })}
            {Tone::ALL
                .into_iter()
                .map(|t| {
                    view! {
                        <OptionCard
                            group=tone_group.clone()
                            class="inline"
                            checked=Signal::derive(move || tone.get() == t)
                            on_pick=Callback::new(move |_| plan.update(|p| p.tone = t))
                        >
                            <span class="option-title">{t.label()}</span>
                        </OptionCard>
                    }
                })
                .collect_view()}
        </fieldset>
    }
}
