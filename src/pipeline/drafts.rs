//! Which message each step after an ask needs, written from the user's own records: the brief,
//! the kind, the channel and the tone that the message writer (`compose::write`) turns into a draft,
//! and the coach's context for the editor. The news in a how-it-went or a progress update is what
//! the records say happened (a stage, a meeting day, how it ended), never more.

use super::owed::{ask_phrase, goal_of, Owed, OwedKind, OwedRef};
use crate::compose::{write, Brief, CoachContext, Draft, Introducee, MessageKind, Tone};
use crate::model::{Ask, AskKind, Channel, Closing, Contact, Data, Goal, Outcome, Referral, Stage};

/// A message ready for the editor: the draft, and what the editor needs around it.
#[derive(Clone, Debug, PartialEq)]
pub struct Prepared {
    pub kind: MessageKind,
    pub channel: Channel,
    pub draft: Draft,
    pub coach: CoachContext,
    /// The recipient's e-mail, for "Open in mail app"; may be empty.
    pub to_email: String,
}

fn prepare(brief: Brief, kind: MessageKind, channel: Channel, tone: Tone, to_email: &str) -> Prepared {
    Prepared {
        kind,
        channel,
        draft: write(&brief, kind, channel, tone),
        coach: CoachContext::from_brief(&brief, kind, channel),
        to_email: to_email.to_string(),
    }
}

/// The channel to write to a contact on: the one the ask went by, else e-mail when there is an
/// address, else a LinkedIn message.
fn channel_for(contact: &Contact, ask: Option<&Ask>) -> Channel {
    match ask {
        Some(a) if a.channel != Channel::LinkedInConnectionNote => a.channel,
        _ if !contact.email.is_empty() => Channel::Email,
        _ => Channel::LinkedInMessage,
    }
}

fn goal<'a>(data: &'a Data, ask: Option<&Ask>) -> Option<&'a Goal> {
    ask.and_then(|a| a.goal).and_then(|g| data.goals.get(&g))
}

/// The first contact with a referred person: "<warm contact> suggested I get in touch", naming
/// what the contact said they value. By e-mail when there is an address.
pub fn first_contact(data: &Data, referral: &Referral) -> Option<Prepared> {
    let referrer = data.contacts.get(&referral.referred_by)?;
    let goal = goal_of(data, referral).and_then(|g| data.goals.get(&g));
    let brief = Brief::for_referral(&data.profile, referral, referrer, goal);
    let channel = if referral.email.is_empty() && !referral.profile_url.is_empty() {
        Channel::LinkedInMessage
    } else {
        Channel::Email
    };
    // A stranger gets the formal register, whatever the tie with the one who referred.
    Some(prepare(
        brief,
        MessageKind::FirstContact,
        channel,
        Tone::Formal,
        &referral.email,
    ))
}

/// "Referring me to Priya and Tom", "your advice": what a contact did, after "thank you for".
fn help_received(data: &Data, ask: &Ask) -> String {
    let mut names: Vec<&str> = data
        .referrals
        .values()
        .filter(|r| r.ask == Some(ask.id))
        .map(|r| r.name.as_str())
        .collect();
    crate::sort::sort(&mut names);
    match &ask.outcome {
        Outcome::Cant { why } if !why.trim().is_empty() => "your honest advice".to_string(),
        _ if !names.is_empty() => format!("referring me to {}", join_names(&names)),
        _ if ask.refers_internally => "offering to refer me internally".to_string(),
        _ => format!("saying yes to my {}", ask_phrase(ask.kind)),
    }
}

fn join_names(names: &[&str]) -> String {
    match names {
        [] => String::new(),
        [one] => one.to_string(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// What the records say happened with a referral, as a sentence for a how-it-went or an update.
pub fn news_of(r: &Referral) -> String {
    let at = if r.company.is_empty() {
        String::new()
    } else {
        format!(" at {}", r.company)
    };
    match r.stage {
        Stage::New => format!("I have not reached {} yet.", r.name),
        Stage::Contacted => format!("I got in touch with {}.", r.name),
        Stage::MeetingSet => match r.meeting_on {
            Some(day) => format!("I met {} on {}.", r.name, crate::model::dates::long_day(day)),
            None => format!("{} and I have set up a meeting.", r.name),
        },
        Stage::Interviewing => format!("After meeting {}, I am now interviewing{at}.", r.name),
        Stage::Offer => format!("After meeting {}, I received an offer{at}.", r.name),
        Stage::Closed => match r.closing {
            Some(Closing::Hired) => format!("I got the job{at}."),
            Some(Closing::NoOffer) => format!("It did not lead to an offer{at} this time."),
            Some(Closing::NoOpening) => format!("There was no opening for me{at} for now."),
            Some(Closing::NoReply) => format!("I did not hear back from {}.", r.name),
            Some(Closing::Withdrew) => format!("I decided not to pursue the role{at}."),
            None => format!("My conversations with {}{at} have come to an end.", r.name),
        },
    }
}

/// The draft for an owed message: thank-you, how-it-went, follow-up or progress update.
pub fn for_owed(data: &Data, owed: &Owed) -> Option<Prepared> {
    let contact = data.contacts.get(&owed.contact)?;
    let tone = Tone::for_contact(contact);
    match (&owed.about, owed.kind) {
        (OwedRef::Ask(id), OwedKind::FollowUp) => follow_up(data, data.asks.get(id)?),
        (OwedRef::Ask(id), _) => {
            let ask = data.asks.get(id)?;
            let mut brief = Brief::new(&data.profile, contact, goal(data, Some(ask)));
            brief.help_received = help_received(data, ask);
            Some(prepare(
                brief,
                MessageKind::ThankYou,
                channel_for(contact, Some(ask)),
                tone,
                &contact.email,
            ))
        }
        (OwedRef::Referral(id), kind) => {
            let r = data.referrals.get(id)?;
            let ask = r.ask.and_then(|a| data.asks.get(&a));
            let goal = goal_of(data, r).and_then(|g| data.goals.get(&g));
            let mut brief = Brief::new(&data.profile, contact, goal);
            let kind = if kind == OwedKind::HowItWent {
                brief.introduce_to = Introducee {
                    name: r.name.clone(),
                    company: r.company.clone(),
                    role: r.role.clone(),
                };
                brief.news = news_of(r);
                MessageKind::HowItWent
            } else {
                brief.help_received = format!("referring me to {}", r.name);
                MessageKind::ThankYou
            };
            Some(prepare(brief, kind, channel_for(contact, ask), tone, &contact.email))
        }
        (OwedRef::Goal { goal, referrals }, _) => {
            let goal = data.goals.get(goal);
            let mut brief = Brief::new(&data.profile, contact, goal);
            brief.news = referrals
                .iter()
                .filter_map(|id| data.referrals.get(id))
                .map(news_of)
                .collect::<Vec<_>>()
                .join(" ");
            let helped = data
                .asks
                .values()
                .filter(|a| a.contact == contact.id && a.goal == goal.map(|g| g.id))
                .find(|a| !matches!(a.outcome, Outcome::Waiting | Outcome::NoReply));
            if let Some(ask) = helped {
                brief.help_received = help_received(data, ask);
            }
            Some(prepare(
                brief,
                MessageKind::ProgressUpdate,
                channel_for(contact, helped),
                tone,
                &contact.email,
            ))
        }
    }
}

/// The follow-up on an ask: after a can't, a later follow-up that shows progress and credibility
/// (rule 10), naming their advice, its news left for the user to fill in; on a waiting ask, a
/// gentle nudge naming the ask and its day. Both are writer kinds, toned for the contact.
pub fn follow_up(data: &Data, ask: &Ask) -> Option<Prepared> {
    let contact = data.contacts.get(&ask.contact)?;
    let tone = Tone::for_contact(contact);
    let channel = channel_for(contact, Some(ask));
    let mut brief = Brief::new(&data.profile, contact, goal(data, Some(ask)));
    if let Outcome::Cant { why } = &ask.outcome {
        brief.help_received = help_received(data, ask);
        brief.advice = why.clone();
        return Some(prepare(
            brief,
            MessageKind::LaterFollowUp,
            channel,
            tone,
            &contact.email,
        ));
    }
    brief.asked = ask_phrase(ask.kind).to_string();
    brief.asked_on = crate::model::dates::long_day(ask.sent_on);
    // A nudge on a catch-up or a lunch invitation is about neither a role nor a company.
    if matches!(ask.kind, AskKind::CatchUp | AskKind::LunchInvitation) {
        brief.roles.clear();
        brief.company.clear();
    }
    Some(prepare(brief, MessageKind::FollowUp, channel, tone, &contact.email))
}

/// After a can't: asking them to keep their eyes open, with the user's fit (rule 10).
pub fn eyes_open(data: &Data, ask: &Ask) -> Option<Prepared> {
    let contact = data.contacts.get(&ask.contact)?;
    let brief = Brief::new(&data.profile, contact, goal(data, Some(ask)));
    Some(prepare(
        brief,
        MessageKind::KeepMeInMind,
        channel_for(contact, Some(ask)),
        Tone::for_contact(contact),
        &contact.email,
    ))
}

/// After a can't: a short note about the user with the résumé link, for them to keep or forward.
pub fn resume_note(data: &Data, ask: &Ask) -> Option<Prepared> {
    let contact = data.contacts.get(&ask.contact)?;
    let mut brief = Brief::new(&data.profile, contact, goal(data, Some(ask)));
    brief.include_resume = true;
    Some(prepare(
        brief,
        MessageKind::Blurb,
        channel_for(contact, Some(ask)),
        Tone::for_contact(contact),
        &contact.email,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Profile;
    use crate::pipeline::fixtures::{ask, at_stage, cant, contact, data, date, goal, id, referral, stamp};
    use crate::pipeline::owed;

    fn world() -> Data {
        let mut d = data(
            vec![contact(1, "Ana Souza")],
            vec![goal(50)],
            vec![ask(10, 1, Some(50), Outcome::Yes, 3)],
            vec![],
        );
        d.profile = Profile {
            name: "Sam Rivera".into(),
            signature: "Sam".into(),
            resume_url: "https://example.com/cv.pdf".into(),
            ..Profile::default()
        };
        let mut r = referral(20, 1, Some(10), stamp(3, 9));
        r.name = "Priya Natarajan".into();
        r.values = "concrete numbers".into();
        r.email = "priya@example.com".into();
        d.referrals.insert(r.id, r);
        d
    }

    #[test]
    fn the_first_contact_names_the_warm_contact_and_what_the_person_values() {
        let d = world();
        let p = first_contact(&d, &d.referrals[&id(20)]).unwrap();
        assert_eq!(p.kind, MessageKind::FirstContact);
        assert!(p.draft.body.contains("Ana Souza"), "{}", p.draft.body);
        assert!(p.draft.body.contains("concrete numbers"), "{}", p.draft.body);
        assert_eq!(p.to_email, "priya@example.com");
        assert_eq!(p.channel, Channel::Email);
    }

    #[test]
    fn the_thank_you_names_the_people_referred() {
        let d = world();
        let thanks = owed(&d, date(4))
            .into_iter()
            .find(|o| o.kind == OwedKind::ThankYou)
            .unwrap();
        let p = for_owed(&d, &thanks).unwrap();
        assert_eq!(p.kind, MessageKind::ThankYou);
        assert!(
            p.draft.body.contains("referring me to Priya Natarajan"),
            "{}",
            p.draft.body
        );
        assert!(p.draft.gaps.is_empty(), "{:?}", p.draft.gaps);
    }

    #[test]
    fn the_how_it_went_tells_the_meeting_from_the_records() {
        let mut d = world();
        let mut r = at_stage(d.referrals[&id(20)].clone(), Stage::MeetingSet, 6);
        r.meeting_on = Some(date(7));
        r.thanked_on = Some(date(4));
        d.referrals.insert(r.id, r);
        let o = owed(&d, date(8))
            .into_iter()
            .find(|o| o.kind == OwedKind::HowItWent)
            .unwrap();
        let p = for_owed(&d, &o).unwrap();
        assert!(p.draft.body.contains("Priya Natarajan"), "{}", p.draft.body);
        assert!(
            p.draft.body.contains("I met Priya Natarajan on 7 March."),
            "{}",
            p.draft.body
        );
    }

    #[test]
    fn a_waiting_ask_gets_a_gentle_nudge_naming_the_day() {
        let mut d = world();
        let a = Ask {
            follow_up_due: Some(date(10)),
            ..ask(11, 1, Some(50), Outcome::Waiting, 3)
        };
        d.asks.insert(a.id, a.clone());
        let p = follow_up(&d, &a).unwrap();
        assert_eq!(p.kind, MessageKind::FollowUp);
        assert!(p.draft.body.contains("Ana,"), "{}", p.draft.body);
        assert!(p.draft.body.contains("3 March"), "{}", p.draft.body);
        assert!(p.draft.body.contains("Supply Chain Planner role at Maersk"));
        let lower = p.draft.body.to_lowercase();
        assert!(
            ["if not", "no obligation", "not possible"]
                .iter()
                .any(|c| lower.contains(c)),
            "easy to ignore: {}",
            p.draft.body
        );
        assert!(p.draft.body.ends_with("Sam"));
        assert!(p.draft.gaps.is_empty(), "{:?}", p.draft.gaps);
        let failed: Vec<_> = crate::compose::coach(&p.draft.body, p.draft.subject.as_deref(), &p.coach)
            .into_iter()
            .filter(|c| !c.passed)
            .collect();
        assert!(failed.is_empty(), "{failed:?}");
    }

    #[test]
    fn after_a_cant_the_follow_up_is_a_later_follow_up_naming_their_reason_and_the_note_carries_the_resume() {
        let mut d = world();
        let a = ask(12, 1, Some(50), cant("no headcount until the autumn"), 3);
        d.asks.insert(a.id, a.clone());
        let later = follow_up(&d, &a).unwrap();
        assert_eq!(later.kind, MessageKind::LaterFollowUp);
        assert!(
            later
                .draft
                .body
                .contains("what you said about no headcount until the autumn"),
            "{}",
            later.draft.body
        );
        assert_eq!(
            later.draft.gaps,
            vec![crate::compose::Gap::News],
            "the progress is the user's to tell"
        );
        assert_eq!(eyes_open(&d, &a).unwrap().kind, MessageKind::KeepMeInMind);
        let note = resume_note(&d, &a).unwrap();
        assert!(
            note.draft.body.contains("https://example.com/cv.pdf"),
            "{}",
            note.draft.body
        );
    }

    #[test]
    fn the_news_follows_the_stage_and_how_it_ended() {
        let mut r = referral(20, 1, None, stamp(3, 9));
        r.name = "Priya".into();
        r.stage = Stage::Offer;
        assert_eq!(news_of(&r), "After meeting Priya, I received an offer at Maersk.");
        r.stage = Stage::Closed;
        r.closing = Some(Closing::Hired);
        assert_eq!(news_of(&r), "I got the job at Maersk.");
    }
}
