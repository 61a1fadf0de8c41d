//! The writer and the coach together, over every kind × channel × tone × variant, on a complete
//! brief, a brief with very long fields, and an empty one.

use super::writer::render_in_full;
use super::*;
use crate::model::{Channel, Contact, Goal, GoalKind, Id, Profile, Score, Stamp};
use std::collections::BTreeSet;

const CHANNELS: [Channel; 4] = [
    Channel::Email,
    Channel::LinkedInMessage,
    Channel::LinkedInConnectionNote,
    Channel::TextMessage,
];

fn full() -> Brief {
    Brief {
        profile: Profile {
            name: "Sam Jansen".into(),
            headline: "Operations analyst, eight years in port logistics".into(),
            skills: vec!["SQL and Python".into()],
            resume_url: "https://example.org/sam-jansen-cv.pdf".into(),
            signature: "Sam Jansen\nsam@example.org".into(),
            updated: None,
        },
        recipient: "Ana de Vries".into(),
        shared: "the port digitisation project".into(),
        admired: "your talk on warehouse robotics".into(),
        roles: vec!["Operations Manager".into()],
        industry: "logistics".into(),
        locations: vec!["Rotterdam".into()],
        company: "Vopak".into(),
        posting: "https://example.org/jobs/4411".into(),
        fit_points: vec![
            "cut warehouse costs 12% at DHL".into(),
            "led a team of 8 planners".into(),
            "SQL and Python".into(),
        ],
        offer_back: "share my notes on carrier contracts".into(),
        include_resume: true,
        introduce_to: Introducee {
            name: "Priya Kumar".into(),
            company: "Vopak".into(),
            role: "Head of Logistics".into(),
        },
        referrer: "Bram Okafor".into(),
        values: "clear numbers over adjectives".into(),
        help_received: "introducing me to Priya".into(),
        news: "I have a second interview at Vopak next week.".into(),
        asked: "referral request".into(),
        asked_on: "3 March".into(),
        advice: "get more hands-on SQL before applying again".into(),
        variant: 0,
    }
}

/// Every field near the longest the forms accept, and names with many parts.
fn long() -> Brief {
    let words = |stem: &str, n: usize| (0..n).map(|i| format!("{stem}{i}")).collect::<Vec<_>>().join(" ");
    Brief {
        profile: Profile {
            name: "Maria-Fernanda de los Santos Oyelaran-Whitfield".into(),
            headline: words("headline", 25),
            skills: vec![words("skill", 20)],
            resume_url: format!("https://example.org/{}", "x".repeat(150)),
            signature: format!("Maria-Fernanda\n{}", words("sig", 20)),
            updated: None,
        },
        recipient: "Alexandrina-Konstantina Papadopoulou-Vanderbilt".into(),
        shared: words("shared", 30),
        admired: words("admired", 30),
        roles: vec![words("Role", 12), words("Other", 12)],
        industry: words("industry", 15),
        locations: vec![words("Place", 10), words("Town", 10)],
        company: words("Company", 10),
        posting: format!("https://example.org/jobs/{}", "p".repeat(150)),
        fit_points: vec![words("fita", 30), words("fitb", 30), words("fitc", 30)],
        offer_back: words("offer", 30),
        include_resume: true,
        introduce_to: Introducee {
            name: words("Intro", 6),
            company: words("Firm", 8),
            role: words("Head", 5),
        },
        referrer: words("Referrer", 6),
        values: words("value", 30),
        help_received: words("help", 30),
        news: words("news", 40),
        asked: words("asked", 10),
        asked_on: "30 September".into(),
        advice: words("advice", 30),
        variant: 0,
    }
}

fn with_variant(brief: &Brief, variant: u8) -> Brief {
    Brief {
        variant,
        ..brief.clone()
    }
}

/// Calls `f` for every kind × channel × tone × variant 0..3 of `brief`.
fn each_draft(brief: &Brief, mut f: impl FnMut(MessageKind, Channel, Tone, &Brief, Draft)) {
    for kind in MessageKind::ALL {
        for channel in CHANNELS {
            for tone in Tone::ALL {
                for variant in 0..3 {
                    let brief = with_variant(brief, variant);
                    let draft = write(&brief, kind, channel, tone);
                    f(kind, channel, tone, &brief, draft);
                }
            }
        }
    }
}

fn failing(checks: &[Check]) -> Vec<String> {
    checks
        .iter()
        .filter(|c| !c.passed)
        .map(|c| format!("{} ({})", c.name, c.fix.clone().unwrap_or_default()))
        .collect()
}

/// The parts whose absence a check would flag. A tight channel drops parts in a stated order,
/// and the draft says which; the check on a part it reports dropped is expected to fail.
fn excused_by(id: CheckId) -> &'static [Part] {
    match id {
        CheckId::CommonGround => &[Part::SharedExperience, Part::AdmiredWork],
        CheckId::WhyAFit => &[Part::FitPoint],
        CheckId::EasyToSayNo => &[Part::EasyNo],
        _ => &[],
    }
}

/// The failed checks that neither a gap (an empty field, shown as its marker) nor a part the
/// draft reports dropped to fit explains.
pub(super) fn unexplained(checks: &[Check], draft: &Draft) -> Vec<String> {
    checks
        .iter()
        .filter(|c| !c.passed)
        .filter(|c| !excused_by(c.id).iter().any(|p| draft.dropped.contains(p)))
        .filter(|c| {
            let gap_explains = match c.id {
                CheckId::NoGaps => !draft.gaps.is_empty(),
                CheckId::AddressedByName => draft.gaps.contains(&Gap::RecipientName),
                CheckId::CommonGround => draft.gaps.contains(&Gap::CommonGround) || draft.gaps.contains(&Gap::Referrer),
                CheckId::SpecificRole => draft.gaps.contains(&Gap::Role) || draft.gaps.contains(&Gap::Company),
                CheckId::WhyAFit => draft.gaps.contains(&Gap::FitPoint),
                _ => false,
            };
            !gap_explains
        })
        .map(|c| format!("{} ({})", c.name, c.fix.clone().unwrap_or_default()))
        .collect()
}

#[test]
fn every_draft_from_a_complete_brief_passes_the_coach_but_for_what_it_dropped_to_fit() {
    let mut problems = Vec::new();
    each_draft(&full(), |kind, channel, tone, brief, draft| {
        let ctx = CoachContext::from_brief(brief, kind, channel);
        let failed = unexplained(&coach(&draft.body, draft.subject.as_deref(), &ctx), &draft);
        if !failed.is_empty() || !draft.gaps.is_empty() || draft.trimmed {
            problems.push(format!(
                "{kind:?} {channel:?} {tone:?} v{}: {failed:?} gaps {:?} trimmed {}\n{}\n",
                brief.variant, draft.gaps, draft.trimmed, draft.body
            ));
        }
    });
    assert!(
        problems.is_empty(),
        "{} drafts fail:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

#[test]
fn every_draft_stays_within_its_channel_limit_even_with_very_long_fields() {
    for brief in [full(), long()] {
        each_draft(&brief, |kind, channel, tone, _, draft| {
            let len = draft.body.chars().count();
            assert!(
                len <= char_limit(channel),
                "{kind:?} {channel:?} {tone:?}: {len} characters"
            );
            if let Some(subject) = &draft.subject {
                assert!(subject.chars().count() <= SUBJECT_LIMIT, "{kind:?}: {subject}");
            }
        });
    }
}

#[test]
fn a_connection_note_never_exceeds_300_characters() {
    each_draft(&long(), |kind, channel, tone, _, draft| {
        if channel == Channel::LinkedInConnectionNote {
            assert!(draft.body.chars().count() <= 300, "{kind:?} {tone:?}: {}", draft.body);
        }
    });
}

/// Words of a text with the closing "…" and sentence punctuation taken off, in lower case: a
/// shortened note may lower the first word after its greeting ("Hi Ana, might you…").
fn words_of(text: &str) -> BTreeSet<String> {
    text.split_whitespace()
        .map(|w| {
            w.trim_end_matches('…')
                .trim_end_matches([',', ';', ':', '.', '!', '?'])
                .to_lowercase()
        })
        .filter(|w| !w.is_empty())
        .collect()
}

#[test]
fn shortening_never_cuts_a_word_in_half() {
    for brief in [full(), long()] {
        each_draft(&brief, |kind, channel, tone, brief, draft| {
            let whole = words_of(&render_in_full(brief, kind, channel, tone));
            let cut: Vec<String> = words_of(&draft.body)
                .into_iter()
                .filter(|w| !whole.contains(w))
                .collect();
            assert!(
                cut.is_empty(),
                "{kind:?} {channel:?} {tone:?}: {cut:?} are not whole words of\n{}",
                draft.body
            );
        });
    }
}

#[test]
fn shortening_drops_the_sign_off_first_and_keeps_greeting_request_and_easy_no() {
    let brief = long();
    let draft = write(
        &brief,
        MessageKind::Referral,
        Channel::LinkedInConnectionNote,
        Tone::Warm,
    );
    assert_eq!(draft.dropped.first(), Some(&Part::SignOff));
    let offer = draft
        .dropped
        .iter()
        .position(|p| *p == Part::OfferBack)
        .expect("the offer went");
    let fit = draft
        .dropped
        .iter()
        .position(|p| *p == Part::FitPoint)
        .expect("a fit point went");
    assert!(
        offer < fit,
        "the offer back goes before any fit point: {:?}",
        draft.dropped
    );
    assert!(draft.body.starts_with("Hi Alexandrina-Konstantina,"), "{}", draft.body);

    // A complete brief needs only the cheap parts dropped to fit a note.
    let draft = write(
        &full(),
        MessageKind::Referral,
        Channel::LinkedInConnectionNote,
        Tone::Warm,
    );
    assert!(!draft.dropped.contains(&Part::SharedExperience), "{:?}", draft.dropped);
    assert!(
        draft.body.contains("Operations Manager role at Vopak"),
        "{}",
        draft.body
    );
    assert!(draft.body.contains("No worries at all if not."), "{}", draft.body);
}

#[test]
fn a_title_in_front_of_the_name_is_not_the_name_they_are_greeted_by() {
    let brief = Brief {
        recipient: "Dr. Ana de Vries".into(),
        ..full()
    };
    each_draft(&brief, |kind, channel, tone, _, draft| {
        // The title is not how anyone is greeted or named in the message; a greeting names Ana.
        assert!(
            !draft.body.contains("Dr."),
            "{kind:?} {channel:?} {tone:?}: {}",
            draft.body
        );
        let first = draft.body.lines().next().unwrap_or_default();
        if ["Hi ", "Hello ", "Dear ", "Hey "].iter().any(|g| first.starts_with(g)) {
            assert!(first.contains("Ana"), "{kind:?} {channel:?} {tone:?}: {first}");
        }
    });
    let draft = write(&brief, MessageKind::Referral, Channel::Email, Tone::Warm);
    assert!(draft.body.starts_with("Hi Ana,"), "{}", draft.body);
}

#[test]
fn the_same_brief_always_gives_the_same_draft() {
    for brief in [full(), long(), Brief::default()] {
        each_draft(&brief, |kind, channel, tone, brief, draft| {
            assert_eq!(draft, write(brief, kind, channel, tone));
        });
    }
}

#[test]
fn each_variant_is_worded_differently() {
    for brief in [full(), long()] {
        for kind in MessageKind::ALL {
            for channel in CHANNELS {
                for tone in Tone::ALL {
                    let bodies: BTreeSet<String> = (0..3)
                        .map(|v| write(&with_variant(&brief, v), kind, channel, tone).body)
                        .collect();
                    assert_eq!(bodies.len(), 3, "{kind:?} {channel:?} {tone:?}: {bodies:#?}");
                }
            }
        }
    }
}

#[test]
fn variants_repeat_every_three() {
    let brief = full();
    assert_eq!(
        write(
            &with_variant(&brief, 4),
            MessageKind::Referral,
            Channel::Email,
            Tone::Formal
        ),
        write(
            &with_variant(&brief, 1),
            MessageKind::Referral,
            Channel::Email,
            Tone::Formal
        )
    );
}

/// Capitalised words the templates themselves use. A new template word goes here; a name, a
/// company or a place never does, because those must come from the brief.
const TEMPLATE_WORDS: [&str; 89] = [
    "A",
    "Advice",
    "All",
    "Allow",
    "Any",
    "Asking",
    "Been",
    "Best",
    "Big",
    "Briefly",
    "Catching",
    "Closing",
    "Coffee",
    "Could",
    "Dear",
    "Do",
    "Fancy",
    "Following",
    "Free",
    "Glad",
    "Got",
    "Happy",
    "Hello",
    "Here",
    "Hey",
    "Hi",
    "How",
    "Huge",
    "I",
    "Ideally",
    "If",
    "In",
    "Intro",
    "Introduction",
    "Just",
    "Is",
    "It",
    "Keeping",
    "Kind",
    "Know",
    "Long",
    "Looking",
    "Loved",
    "May",
    "Many",
    "Might",
    "My",
    "Next",
    "Often",
    "No",
    "On",
    "One",
    "Our",
    "Please",
    "Posting",
    "Quick",
    "Really",
    "Referral",
    "Reaching",
    "Relevant",
    "Remember",
    "Résumé",
    "Sincerely",
    "Since",
    "Speak",
    "Still",
    "Talk",
    "Thank",
    "Thanks",
    "There",
    "This",
    "Thought",
    "Totally",
    "Up",
    "Want",
    "Warmly",
    "What",
    "Where",
    "Why",
    "An",
    "Cheers",
    "Circling",
    "Keep",
    "News",
    "The",
    "We",
    "Who",
    "Would",
    "Your",
];

fn capitalised(text: &str) -> BTreeSet<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .map(str::to_string)
        .collect()
}

fn brief_words(brief: &Brief) -> BTreeSet<String> {
    let mut fields: Vec<&str> = vec![
        &brief.profile.name,
        &brief.profile.headline,
        &brief.profile.resume_url,
        &brief.profile.signature,
        &brief.recipient,
        &brief.shared,
        &brief.admired,
        &brief.industry,
        &brief.company,
        &brief.posting,
        &brief.offer_back,
        &brief.introduce_to.name,
        &brief.introduce_to.company,
        &brief.introduce_to.role,
        &brief.referrer,
        &brief.values,
        &brief.help_received,
        &brief.news,
        &brief.asked,
        &brief.asked_on,
        &brief.advice,
    ];
    fields.extend(brief.profile.skills.iter().map(String::as_str));
    fields.extend(brief.roles.iter().map(String::as_str));
    fields.extend(brief.locations.iter().map(String::as_str));
    fields.extend(brief.fit_points.iter().map(String::as_str));
    fields.iter().flat_map(|f| capitalised(f)).collect()
}

#[test]
fn no_name_or_other_proper_noun_comes_from_outside_the_brief() {
    let allowed: BTreeSet<String> = TEMPLATE_WORDS.iter().map(|w| w.to_string()).collect();
    let mut invented = BTreeSet::new();
    let mut seen = BTreeSet::new();
    // A brief typed in clauses reaches the templates that frame a moment ("Remember the time…").
    let clausal = Brief {
        shared: "we rebuilt the billing pipeline together".into(),
        admired: "you built the forecasting team from scratch".into(),
        offer_back: "you're welcome to my notes".into(),
        ..full()
    };
    for brief in [full(), long(), Brief::default(), clausal] {
        let from_brief = brief_words(&brief);
        each_draft(&brief, |_, _, _, _, draft| {
            let text = format!("{}\n{}", draft.subject.clone().unwrap_or_default(), draft.body);
            let words = capitalised(&text);
            invented.extend(
                words
                    .iter()
                    .filter(|w| !from_brief.contains(*w) && !allowed.contains(*w))
                    .cloned(),
            );
            seen.extend(words);
        });
    }
    assert!(invented.is_empty(), "capitalised words from nowhere: {invented:?}");
    // Keeps the list honest: a word no template uses any more must leave it.
    let unused: Vec<&String> = allowed.difference(&seen).collect();
    assert!(unused.is_empty(), "allowed but never written: {unused:?}");
}

#[test]
fn only_email_has_a_subject_line() {
    each_draft(&full(), |kind, channel, _, _, draft| {
        assert_eq!(
            draft.subject.is_some(),
            channel == Channel::Email,
            "{kind:?} {channel:?}"
        );
    });
}

#[test]
fn an_empty_brief_shows_gap_markers_and_the_coach_flags_them() {
    let brief = Brief::default();
    each_draft(&brief, |kind, channel, tone, brief, draft| {
        assert!(
            !draft.gaps.is_empty(),
            "{kind:?} {channel:?} {tone:?}: no gaps in\n{}",
            draft.body
        );
        for gap in &draft.gaps {
            let text = format!("{}\n{}", draft.subject.clone().unwrap_or_default(), draft.body);
            assert!(text.contains(gap.marker()), "{gap:?} listed but not shown");
        }
        let checks = coach(
            &draft.body,
            draft.subject.as_deref(),
            &CoachContext::from_brief(brief, kind, channel),
        );
        let gaps = checks
            .iter()
            .find(|c| c.id == CheckId::NoGaps)
            .expect("the gap check always applies");
        assert!(!gaps.passed, "{kind:?} {channel:?}");
    });
}

#[test]
fn each_missing_personal_field_becomes_its_own_marker() {
    /// Empties a field of the brief.
    type Clear = fn(&mut Brief);
    let cases: [(Clear, MessageKind, Gap); 10] = [
        (|b| b.recipient.clear(), MessageKind::CatchUp, Gap::RecipientName),
        (
            |b| {
                b.shared.clear();
                b.admired.clear();
            },
            MessageKind::Referral,
            Gap::CommonGround,
        ),
        (|b| b.roles.clear(), MessageKind::KeepMeInMind, Gap::Role),
        (|b| b.company.clear(), MessageKind::Referral, Gap::Company),
        (|b| b.fit_points.clear(), MessageKind::Referral, Gap::FitPoint),
        (|b| b.offer_back.clear(), MessageKind::PeopleToTalkTo, Gap::OfferBack),
        (
            |b| b.introduce_to.name.clear(),
            MessageKind::WarmIntroduction,
            Gap::IntroduceTo,
        ),
        (|b| b.referrer.clear(), MessageKind::FirstContact, Gap::Referrer),
        (|b| b.help_received.clear(), MessageKind::ThankYou, Gap::HelpReceived),
        (|b| b.news.clear(), MessageKind::HowItWent, Gap::News),
    ];
    for (clear, kind, gap) in cases {
        let mut brief = full();
        clear(&mut brief);
        let draft = write(&brief, kind, Channel::Email, Tone::Warm);
        assert_eq!(draft.gaps, vec![gap], "{kind:?}:\n{}", draft.body);
        assert!(draft.body.contains(gap.marker()) || draft.subject.unwrap_or_default().contains(gap.marker()));
    }
}

#[test]
fn a_missing_résumé_link_is_a_gap_only_when_asked_for() {
    let mut brief = full();
    brief.profile.resume_url.clear();
    assert_eq!(
        write(&brief, MessageKind::Referral, Channel::Email, Tone::Warm).gaps,
        vec![Gap::ResumeLink]
    );
    brief.include_resume = false;
    assert_eq!(
        write(&brief, MessageKind::Referral, Channel::Email, Tone::Warm).gaps,
        vec![]
    );
}

#[test]
fn optional_fields_leave_no_marker_when_empty() {
    let mut brief = full();
    brief.posting.clear();
    brief.industry.clear();
    brief.locations.clear();
    brief.values.clear();
    brief.profile.headline.clear();
    brief.offer_back.clear();
    for kind in [
        MessageKind::CatchUp,
        MessageKind::ThankYou,
        MessageKind::Blurb,
        MessageKind::FirstContact,
    ] {
        let draft = write(&brief, kind, Channel::Email, Tone::Formal);
        assert!(draft.gaps.is_empty(), "{kind:?}: {:?}\n{}", draft.gaps, draft.body);
    }
}

#[test]
fn a_referral_email_reads_as_expected() {
    let draft = write(&full(), MessageKind::Referral, Channel::Email, Tone::Warm);
    assert_eq!(
        draft.subject.as_deref(),
        Some("A referral for Operations Manager at Vopak?")
    );
    assert_eq!(
        draft.body,
        "Hi Ana,\n\n\
         It's been a while since the port digitisation project. I've really admired your talk on warehouse \
         robotics. I'm applying for the Operations Manager role at Vopak. Would you be willing to refer me? \
         Here's the posting: https://example.org/jobs/4411\n\n\
         Why I think I'd be a good fit:\n- cut warehouse costs 12% at DHL\n- led a team of 8 planners\n- SQL and Python\n\n\
         In return, I'd be happy to share my notes on carrier contracts. No worries at all if not. Thanks so much \
         either way.\n\n\
         Here's my résumé: https://example.org/sam-jansen-cv.pdf\n\n\
         Best,\nSam Jansen\nsam@example.org"
    );
}

#[test]
fn a_short_message_names_one_role_and_an_email_two() {
    let mut brief = full();
    brief.roles = vec!["Operations Manager".into(), "Planning Lead".into(), "Analyst".into()];
    let email = write(&brief, MessageKind::KeepMeInMind, Channel::Email, Tone::Warm).body;
    assert!(email.contains("Operations Manager or Planning Lead"), "{email}");
    assert!(!email.contains("or Analyst"), "{email}");
    let note = write(
        &brief,
        MessageKind::KeepMeInMind,
        Channel::LinkedInConnectionNote,
        Tone::Warm,
    )
    .body;
    assert!(
        note.contains("Operations Manager") && !note.contains("Planning Lead"),
        "{note}"
    );
}

#[test]
fn a_names_request_asks_for_one_or_two_never_more() {
    for tone in Tone::ALL {
        for variant in 0..3 {
            let brief = with_variant(&full(), variant);
            let body = write(&brief, MessageKind::PeopleToTalkTo, Channel::Email, tone).body;
            assert!(body.contains("one or two") || body.contains("maybe two"), "{body}");
        }
    }
}

#[test]
fn tone_defaults_from_know_like_trust() {
    let s = Score::new;
    assert_eq!(Tone::from_scores(s(0), s(0), s(0)), Tone::Formal);
    assert_eq!(Tone::from_scores(s(1), s(2), s(2)), Tone::Formal);
    assert_eq!(Tone::from_scores(s(3), s(2), s(3)), Tone::Warm);
    assert_eq!(Tone::from_scores(s(4), s(4), s(3)), Tone::Casual);
    assert_eq!(
        Tone::from_scores(s(4), s(0), s(0)),
        Tone::Casual,
        "unjudged scores are left out"
    );
}

#[test]
fn a_brief_is_filled_from_the_contact_and_the_goal() {
    let now = Stamp::from_millis(0);
    let mut contact = Contact::new(Id::from_u128(1), "Ana de Vries", now);
    contact.how_we_met = "the planning team at Maersk".into();
    contact.admire = "your talk on robotics".into();
    let profile = Profile {
        name: "Sam".into(),
        skills: vec!["SQL".into()],
        ..Profile::default()
    };
    let goal = Goal {
        id: Id::from_u128(2),
        kind: GoalKind::Targeted,
        roles: vec!["Planner".into()],
        industry: "logistics".into(),
        locations: vec![],
        company: "Vopak".into(),
        posting: "REQ-1".into(),
        pitch: vec!["cut costs".into(), "led planners".into()],
        archived: false,
        created: now,
        updated: now,
    };
    let brief = Brief::new(&profile, &contact, Some(&goal));
    assert_eq!(brief.recipient, "Ana de Vries");
    assert_eq!(
        brief.shared, "the planning team at Maersk",
        "how we met stands in for a shared experience"
    );
    assert_eq!(
        brief.fit_points,
        vec!["cut costs", "led planners"],
        "the goal's pitch comes before skills"
    );
    assert_eq!((brief.company.as_str(), brief.posting.as_str()), ("Vopak", "REQ-1"));
    assert!(!brief.include_resume, "no link, nothing to include");

    let general = Goal {
        kind: GoalKind::General,
        pitch: vec![],
        ..goal
    };
    let brief = Brief::new(&profile, &contact, Some(&general));
    assert_eq!(brief.company, "", "a general goal names no company");
    assert_eq!(brief.fit_points, vec!["SQL"]);
}

// ---- The coach on hand-written drafts -------------------------------------------------------

fn referral_ctx(channel: Channel) -> CoachContext {
    CoachContext::from_brief(&full(), MessageKind::Referral, channel)
}

fn result(checks: &[Check], id: CheckId) -> &Check {
    checks
        .iter()
        .find(|c| c.id == id)
        .unwrap_or_else(|| panic!("{id:?} did not apply"))
}

const GOOD: &str = "Hi Ana,\n\nI keep thinking about our port digitisation project. I'm applying for the Operations \
    Manager role at Vopak; would you refer me?\n\nI cut warehouse costs 12% at DHL and led 8 planners.\n\n\
    Happy to share my notes on carrier contracts. No worries if not!\n\nSam";

#[test]
fn a_good_hand_written_referral_passes_every_check() {
    let checks = coach(
        GOOD,
        Some("Referral for Operations Manager"),
        &referral_ctx(Channel::Email),
    );
    assert_eq!(failing(&checks), Vec::<String>::new());
    assert_eq!(checks.len(), 12);
}

#[test]
fn the_coach_reads_the_edited_text_not_the_brief() {
    let edited = GOOD.replace("Hi Ana,", "Hello,").replace(" at Vopak", "");
    let checks = coach(&edited, Some("Hello"), &referral_ctx(Channel::Email));
    let named = result(&checks, CheckId::AddressedByName);
    assert!(!named.passed);
    assert_eq!(named.fix.as_deref(), Some("Open with their name: “Hi Ana,”."));
    let role = result(&checks, CheckId::SpecificRole);
    assert!(!role.passed);
    assert_eq!(role.fix.as_deref(), Some("Name the company: Vopak."));
}

#[test]
fn a_formal_greeting_by_title_and_surname_is_addressed_by_name() {
    let ctx = CoachContext::from_brief(
        &Brief {
            recipient: "Dr. Ana de Vries".into(),
            ..full()
        },
        MessageKind::Referral,
        Channel::Email,
    );
    for (opening, named) in [
        ("Hi Ana,", true),
        ("Dear Dr. de Vries,", true),
        ("Dear Ms Vries,", true),
        ("Dear de Vries,", false),
        ("Dear Dr. Smit,", false),
        ("Hello,", false),
    ] {
        let text = GOOD.replace("Hi Ana,", opening);
        let check = result(&coach(&text, Some("Referral"), &ctx), CheckId::AddressedByName).clone();
        assert_eq!(check.passed, named, "{opening}");
    }
}

#[test]
fn generic_filler_fails_with_a_fix() {
    let ctx = referral_ctx(Channel::Email);
    let stock = GOOD.replace("Hi Ana,", "To whom it may concern,");
    let check = result(&coach(&stock, Some("Referral"), &ctx), CheckId::NoFiller).clone();
    assert!(!check.passed);
    assert!(check.fix.unwrap().contains("to whom it may concern"));

    let opening = GOOD.replace("I keep thinking", "I hope this finds you well.\n\nI keep thinking");
    assert!(!result(&coach(&opening, Some("Referral"), &ctx), CheckId::NoFiller).passed);

    let with_more = GOOD.replace("I keep thinking", "I hope you're well. I keep thinking");
    assert!(
        result(&coach(&with_more, Some("Referral"), &ctx), CheckId::NoFiller).passed,
        "not the whole opening"
    );

    let note = "Hi Ana, I hope this email finds you well. Would you refer me for Operations Manager at Vopak?";
    assert!(
        !result(
            &coach(note, None, &referral_ctx(Channel::LinkedInConnectionNote)),
            CheckId::NoFiller
        )
        .passed
    );
}

#[test]
fn asking_for_more_than_two_names_is_flagged() {
    let ctx = CoachContext::from_brief(&full(), MessageKind::PeopleToTalkTo, Channel::Email);
    for ask in [
        "Could you send me three names?",
        "Do you know a few people I could talk to?",
        "Any 5 contacts in logistics would help.",
        "Could you suggest some people at Vopak?",
        "I'd love several introductions.",
    ] {
        let text = format!("Hi Ana,\n\n{ask} No worries if not.");
        let check = result(&coach(&text, Some("Names"), &ctx), CheckId::AtMostTwoNames).clone();
        assert!(!check.passed, "{ask}");
        assert!(check.fix.unwrap().contains("one or two"), "{ask}");
    }
    for ask in [
        "Could you suggest one or two people?",
        "A couple of names would be plenty.",
        "Anyone come to mind?",
    ] {
        let text = format!("Hi Ana,\n\n{ask} No worries if not.");
        assert!(
            result(&coach(&text, Some("Names"), &ctx), CheckId::AtMostTwoNames).passed,
            "{ask}"
        );
    }
}

#[test]
fn an_over_long_connection_note_fails_with_its_count() {
    let note = format!("Hi Ana, {}", "word ".repeat(60));
    let checks = coach(note.trim(), None, &referral_ctx(Channel::LinkedInConnectionNote));
    let fits = result(&checks, CheckId::FitsChannel);
    assert!(!fits.passed);
    assert_eq!(fits.name, "Fits the channel (307 / 300)");
    assert!(fits.fix.as_deref().unwrap().starts_with("Cut 7 characters"));
}

#[test]
fn an_email_without_a_subject_fails_the_channel_check() {
    let fits = result(&coach(GOOD, None, &referral_ctx(Channel::Email)), CheckId::FitsChannel).clone();
    assert!(!fits.passed);
    assert_eq!(fits.fix.as_deref(), Some("Add a subject line."));
}

#[test]
fn an_unfilled_marker_fails_and_is_named() {
    let text = GOOD.replace("share my notes on carrier contracts", "[something you can do for them]");
    let gaps = result(
        &coach(&text, Some("Referral"), &referral_ctx(Channel::Email)),
        CheckId::NoGaps,
    )
    .clone();
    assert!(!gaps.passed);
    assert_eq!(gaps.fix.as_deref(), Some("Fill in or remove: What you offer back."));
}

#[test]
fn a_request_with_no_way_out_fails_the_easy_no_check() {
    let text = GOOD.replace(" No worries if not!", "");
    assert!(
        !result(
            &coach(&text, Some("Referral"), &referral_ctx(Channel::Email)),
            CheckId::EasyToSayNo
        )
        .passed
    );
}

#[test]
fn a_bare_request_fails_the_personal_checks() {
    let text = "Hi Ana,\n\nCan you refer me? No worries if not.\n\nSam";
    let checks = coach(text, Some("Referral"), &referral_ctx(Channel::Email));
    for id in [
        CheckId::CommonGround,
        CheckId::SpecificRole,
        CheckId::WhyAFit,
        CheckId::OfferOrThanks,
    ] {
        let check = result(&checks, id);
        assert!(!check.passed, "{id:?}");
        assert!(check.fix.is_some(), "{id:?}");
    }
    assert!(result(&checks, CheckId::CommonGround)
        .fix
        .as_deref()
        .unwrap()
        .contains("the port digitisation project"));
}

#[test]
fn a_thank_you_note_is_not_asked_for_a_role_or_a_fit() {
    let ctx = CoachContext::from_brief(&full(), MessageKind::ThankYou, Channel::Email);
    let checks = coach(
        "Hi Ana,\n\nThank you for introducing me to Priya.\n\nSam",
        Some("Thank you"),
        &ctx,
    );
    let ids: Vec<CheckId> = checks.iter().map(|c| c.id).collect();
    for absent in [
        CheckId::SpecificRole,
        CheckId::WhyAFit,
        CheckId::CommonGround,
        CheckId::AtMostTwoNames,
    ] {
        assert!(!ids.contains(&absent), "{absent:?}");
    }
    assert_eq!(failing(&checks), Vec::<String>::new());
}

#[test]
fn first_contact_must_say_who_suggested_it() {
    let ctx = CoachContext::from_brief(&full(), MessageKind::FirstContact, Channel::Email);
    let without = "Hi Priya,\n\nCould we talk about Operations Manager roles at Vopak? No worries if not.";
    let check = result(&coach(without, Some("Hello"), &ctx), CheckId::CommonGround).clone();
    assert!(!check.passed);
    assert_eq!(
        check.fix.as_deref(),
        Some("Say that Bram suggested you get in touch, near the top.")
    );
}

/// Run with `--ignored --nocapture` (and `LONG=1` for the long brief) to read the drafts.
#[test]
#[ignore]
fn print_samples() {
    for kind in MessageKind::ALL {
        for channel in [Channel::Email, Channel::LinkedInConnectionNote] {
            let brief = if std::env::var("LONG").is_ok() { long() } else { full() };
            let d = write(&with_variant(&brief, 1), kind, channel, Tone::Casual);
            println!(
                "==== {kind:?} {channel:?}\n{}\n{}\n",
                d.subject.unwrap_or_default(),
                d.body
            );
        }
    }
}

#[test]
fn an_advice_meeting_asks_for_20_to_30_minutes_of_advice_not_for_coffee() {
    assert_eq!(
        MessageKind::for_ask(crate::model::AskKind::AdviceMeeting),
        MessageKind::AdviceMeeting
    );
    for channel in CHANNELS {
        for tone in Tone::ALL {
            for variant in 0..3 {
                let brief = with_variant(&full(), variant);
                let advice = write(&brief, MessageKind::AdviceMeeting, channel, tone).body;
                let coffee = write(&brief, MessageKind::Invitation, channel, tone).body;
                assert_ne!(advice, coffee);
                assert!(advice.contains("advice"), "{channel:?} {tone:?}: {advice}");
                assert!(advice.contains("20"), "{channel:?} {tone:?}: {advice}");
                assert!(!advice.contains("coffee") && !advice.contains("lunch"), "{advice}");
                assert!(
                    advice.contains("Operations Manager") && advice.contains("Vopak"),
                    "{advice}"
                );
                assert!(advice.contains("because I"), "says why them: {advice}");
            }
        }
    }
}

/// A brief with ordinary names but long free text: what fills a connection note to the brim.
fn wordy() -> Brief {
    let mut brief = full();
    brief.shared = "the long warehouse automation programme in Rotterdam, with its three sites, two vendors, the \
        night-shift pilots and the quarterly steering committee reviews we ran together"
        .into();
    brief.admired = "your keynote on resilient supply chains and the follow-up series on carrier contracts".into();
    brief.offer_back = "review the forecasting model your team uses for the peak season and share my notes".into();
    brief.fit_points = vec![
        "cut warehouse costs by 12% across three sites in two years".into(),
        "moved the whole planning team from spreadsheets to a shared forecasting model".into(),
    ];
    brief
}

#[test]
fn every_request_names_the_role_and_company_and_says_thanks_in_every_channel() {
    for brief in [full(), wordy()] {
        each_draft(&brief, |kind, channel, tone, _, draft| {
            let lower = draft.body.to_lowercase();
            let thanks = [
                "thank",
                "grateful",
                "my treat",
                "happy to",
                "glad to",
                "work around your",
                "fit around your",
            ];
            assert!(
                thanks.iter().any(|t| lower.contains(t)),
                "{kind:?} {channel:?} {tone:?}: no thanks in\n{}",
                draft.body
            );
            let names_role = matches!(
                kind,
                MessageKind::Referral
                    | MessageKind::KeepMeInMind
                    | MessageKind::WarmIntroduction
                    | MessageKind::PeopleToTalkTo
                    | MessageKind::AdviceMeeting
                    | MessageKind::FirstContact
            );
            if names_role {
                assert!(
                    draft.body.contains("Operations Manager") && draft.body.contains("Vopak"),
                    "{kind:?} {channel:?} {tone:?}: role or company missing in\n{}",
                    draft.body
                );
            }
            assert!(
                !draft.trimmed,
                "{kind:?} {channel:?} {tone:?}: cut short\n{}",
                draft.body
            );
        });
    }
}

#[test]
fn a_connection_note_for_an_advice_meeting_names_the_company_and_the_reason() {
    let note = write(
        &wordy(),
        MessageKind::AdviceMeeting,
        Channel::LinkedInConnectionNote,
        Tone::Warm,
    );
    assert!(note.body.contains("Operations Manager role at Vopak"), "{}", note.body);
    assert!(note.body.contains("because I value your judgement"), "{}", note.body);
    assert!(note.body.chars().count() <= 300);
}

#[test]
fn a_text_asking_to_keep_me_in_mind_ends_with_thanks() {
    for tone in Tone::ALL {
        let text = write(&wordy(), MessageKind::KeepMeInMind, Channel::TextMessage, tone).body;
        let last = text.rsplit(". ").next().unwrap_or_default().to_lowercase();
        assert!(last.contains("thank"), "{tone:?}: {text}");
    }
}

#[test]
fn a_tight_channel_drops_parts_in_the_stated_order_and_never_the_name_ask_role_or_thanks() {
    const ORDER: [Part; 9] = [
        Part::SignOff,
        Part::Resume,
        Part::Posting,
        Part::OfferBack,
        Part::Detail,
        Part::FitPoint,
        Part::AdmiredWork,
        Part::SharedExperience,
        Part::EasyNo,
    ];
    for brief in [wordy(), long()] {
        each_draft(&brief, |kind, channel, tone, brief, draft| {
            // Each kind of part may go more than once (fit points), and admired work may go
            // before the last fit point; otherwise the order holds.
            let rank = |p: &Part| ORDER.iter().position(|o| o == p).unwrap_or(0);
            let firsts: Vec<usize> = ORDER
                .iter()
                .filter_map(|p| draft.dropped.iter().position(|d| d == p))
                .collect();
            let mut sorted = firsts.clone();
            sorted.sort_unstable();
            assert_eq!(firsts, sorted, "{kind:?} {channel:?} {tone:?}: {:?}", draft.dropped);
            assert!(draft.dropped.iter().all(|p| rank(p) < ORDER.len()));
            let first = brief.recipient.split_whitespace().next().unwrap_or_default();
            if kind != MessageKind::Blurb {
                assert!(draft.body.contains(first), "{kind:?} {channel:?}: {}", draft.body);
            }
        });
    }
}

#[test]
fn only_an_email_may_open_with_dear() {
    each_draft(&full(), |kind, channel, tone, _, draft| {
        if channel != Channel::Email {
            assert!(
                !draft.body.starts_with("Dear"),
                "{kind:?} {channel:?} {tone:?}: {}",
                draft.body
            );
        }
    });
    let formal_email = write(&full(), MessageKind::Referral, Channel::Email, Tone::Formal).body;
    assert!(formal_email.starts_with("Dear Ana,"), "{formal_email}");
}

#[test]
fn the_coach_flags_a_text_that_opens_with_dear() {
    let ctx = CoachContext::from_brief(&full(), MessageKind::CatchUp, Channel::TextMessage);
    let check = result(
        &coach("Dear Ana, long time! Coffee soon? Thanks!", None, &ctx),
        CheckId::ToneFitsChannel,
    )
    .clone();
    assert!(!check.passed);
    assert_eq!(
        check.fix.as_deref(),
        Some("Open with “Hello Ana,” or “Hi Ana,”: “Dear” reads stiff outside an e-mail.")
    );
    assert!(
        result(
            &coach("Hi Ana, long time! Thanks!", None, &ctx),
            CheckId::ToneFitsChannel
        )
        .passed
    );
}

#[test]
fn a_gentle_follow_up_names_the_ask_and_its_day_in_every_tone_and_channel() {
    for channel in CHANNELS {
        let bodies: BTreeSet<String> = Tone::ALL
            .iter()
            .map(|&tone| {
                let body = write(&full(), MessageKind::FollowUp, channel, tone).body;
                assert!(
                    body.contains("referral request about the Operations Manager role at Vopak"),
                    "{body}"
                );
                assert!(body.contains("3 March"), "{body}");
                body
            })
            .collect();
        assert_eq!(bodies.len(), 3, "each tone reads differently: {bodies:#?}");
    }
}

#[test]
fn a_later_follow_up_thanks_again_names_their_advice_and_leaves_the_news_to_the_user() {
    let mut brief = full();
    brief.news.clear();
    brief.help_received = "your honest advice".into();
    let draft = write(&brief, MessageKind::LaterFollowUp, Channel::Email, Tone::Warm);
    assert!(
        draft.body.contains("Thanks again for your honest advice."),
        "{}",
        draft.body
    );
    assert!(
        draft
            .body
            .contains("I took your advice to get more hands-on SQL before applying again to heart."),
        "{}",
        draft.body
    );
    assert_eq!(draft.gaps, vec![Gap::News]);
    assert!(draft.body.contains("thought of me"), "{}", draft.body);
}

#[test]
fn the_coach_flags_a_phrase_glued_after_a_preposition_and_clears_when_it_is_fixed() {
    let ctx = referral_ctx(Channel::Email);
    let glued = GOOD.replace(
        "I keep thinking about our port digitisation project.",
        "We know each other from we rebuilt the port digitisation project.",
    );
    let check = result(&coach(&glued, Some("Referral"), &ctx), CheckId::ReadsRight).clone();
    assert!(!check.passed);
    assert_eq!(
        check.fix.as_deref(),
        Some("“from we rebuilt…” doesn't read right: try “from the time we rebuilt…”, or reword it.")
    );
    let fixed = glued.replace("from we rebuilt", "from the time we rebuilt");
    assert!(result(&coach(&fixed, Some("Referral"), &ctx), CheckId::ReadsRight).passed);

    let verb = GOOD.replace("our port digitisation project", "the days of rebuilt the port");
    let check = result(&coach(&verb, Some("Referral"), &ctx), CheckId::ReadsRight).clone();
    assert!(check.fix.unwrap().contains("“of the time we rebuilt the"));
}

#[test]
fn the_coach_flags_a_word_said_twice() {
    let doubled = GOOD.replace("our port", "our our port");
    let check = result(
        &coach(&doubled, Some("Referral"), &referral_ctx(Channel::Email)),
        CheckId::ReadsRight,
    )
    .clone();
    assert_eq!(check.fix.as_deref(), Some("“our our” repeats a word: drop one."));
}

#[test]
fn punctuation_between_a_preposition_and_a_pronoun_is_not_a_glued_phrase() {
    for fine in [
        "Hi Ana, I kept in mind what you told me: I should get SQL.",
        "Hi Ana, thanks for everything. I owe you one.",
        "Hi Ana, it's been a while since we met.",
    ] {
        assert_eq!(first_glitch_of(fine), None, "{fine}");
    }
}

fn first_glitch_of(text: &str) -> Option<String> {
    let ctx = referral_ctx(Channel::TextMessage);
    let check = result(&coach(text, None, &ctx), CheckId::ReadsRight).clone();
    check.fix
}

#[test]
fn an_advice_meeting_rewritten_as_a_coffee_invitation_is_flagged_with_what_to_ask() {
    let ctx = CoachContext::from_brief(&full(), MessageKind::AdviceMeeting, Channel::LinkedInConnectionNote);
    let coffee = "Hello Ana, it's been a while since the port digitisation project. Would you like to grab coffee \
        or lunch soon? I'm looking at the Operations Manager role at Vopak. No worries if not. Thanks!";
    let check = result(&coach(coffee, None, &ctx), CheckId::AsksWhatWasChosen).clone();
    assert!(!check.passed);
    assert_eq!(
        check.fix.as_deref(),
        Some(
            "This reads as a lunch or coffee invitation, but you chose advice meeting request: ask for 20 to 30 \
             minutes of their advice on the role or the company."
        )
    );
    let advice = coffee.replace("grab coffee or lunch soon", "give me 20 minutes of your advice");
    assert!(result(&coach(&advice, None, &ctx), CheckId::AsksWhatWasChosen).passed);
}

#[test]
fn a_connection_note_without_the_company_or_without_thanks_is_flagged() {
    let ctx = CoachContext::from_brief(&full(), MessageKind::AdviceMeeting, Channel::LinkedInConnectionNote);
    let note = "Hello Ana, it's been a while since the port digitisation project. Could I ask for 20 minutes of \
        your advice on Operations Manager roles? No worries if not.";
    let checks = coach(note, None, &ctx);
    let role = result(&checks, CheckId::SpecificRole);
    assert!(!role.passed);
    assert_eq!(role.fix.as_deref(), Some("Name the company: Vopak."));
    let thanks = result(&checks, CheckId::OfferOrThanks);
    assert!(!thanks.passed);
    assert!(thanks.fix.as_deref().unwrap().contains("say thank you"));
    let fixed = note
        .replace("roles?", "roles at Vopak?")
        .replace("if not.", "if not. Thanks!");
    let checks = coach(&fixed, None, &ctx);
    assert!(result(&checks, CheckId::SpecificRole).passed && result(&checks, CheckId::OfferOrThanks).passed);
}

// ---- The property: any brief, any kind × channel × tone -------------------------------------

/// Problems a reader would notice in `draft`, written from `case`; empty when it reads right.
fn what_reads_wrong(case: &samples::SampleCase, draft: &Draft) -> Vec<String> {
    let mut problems = Vec::new();
    let ctx = CoachContext::from_brief(&case.brief, case.kind, case.channel);
    problems.extend(unexplained(&coach(&draft.body, draft.subject.as_deref(), &ctx), draft));
    let len = draft.body.chars().count();
    if len > char_limit(case.channel) || draft.trimmed {
        problems.push(format!("does not fit: {len} characters, trimmed {}", draft.trimmed));
    }
    if draft
        .subject
        .as_ref()
        .is_some_and(|s| s.chars().count() > SUBJECT_LIMIT)
    {
        problems.push("subject too long".into());
    }
    let text = format!("{}\n{}", draft.subject.clone().unwrap_or_default(), draft.body);
    for line in text.lines() {
        if line.contains("  ") || line.starts_with(' ') || line.ends_with(' ') {
            problems.push(format!("stray spaces in {line:?}"));
        }
        let chars: Vec<char> = line.chars().collect();
        for pair in chars.windows(2) {
            let punct = |c: char| ".,;:!?".contains(c);
            if (punct(pair[0]) && punct(pair[1]) && pair != ['?', '!']) || (pair[0] == ' ' && punct(pair[1])) {
                problems.push(format!(
                    "doubled punctuation {:?} in {line:?}",
                    pair.iter().collect::<String>()
                ));
            }
        }
        // Each sentence starts with a capital (a list item of fit points is not a sentence).
        if line.starts_with("- ") || line.is_empty() {
            continue;
        }
        let starts_ok = |c: char| c.is_uppercase() || c.is_ascii_digit() || "[“–(+".contains(c);
        if !line.chars().next().is_some_and(starts_ok) {
            problems.push(format!("a line starts in lower case: {line:?}"));
        }
        for (i, _) in line.match_indices(['.', '!', '?']) {
            let after = &line[i + 1..];
            if let Some(next) = after.strip_prefix(' ').and_then(|a| a.chars().next()) {
                if !starts_ok(next) {
                    problems.push(format!(
                        "a sentence starts in lower case: …{}",
                        &line[i.saturating_sub(20)..]
                    ));
                }
            }
        }
    }
    // No proper noun from outside the brief: template words, the brief's own words, and those
    // words with a capital because they start a sentence.
    let allowed: BTreeSet<String> = TEMPLATE_WORDS.iter().map(|w| w.to_string()).collect();
    let from_brief = brief_words(&case.brief);
    let sentence_case: BTreeSet<String> = capitalised(&phrase_case_words(&case.brief));
    let invented: Vec<String> = capitalised(&text)
        .into_iter()
        .filter(|w| !allowed.contains(w) && !from_brief.contains(w) && !sentence_case.contains(w))
        .collect();
    if !invented.is_empty() {
        problems.push(format!("capitalised words from nowhere: {invented:?}"));
    }
    problems
}

/// Every word of the brief's free text with a capital first letter, as a sentence would start.
fn phrase_case_words(brief: &Brief) -> String {
    let mut fields = vec![
        &brief.shared,
        &brief.admired,
        &brief.offer_back,
        &brief.values,
        &brief.advice,
        &brief.news,
        &brief.help_received,
    ];
    fields.extend(brief.fit_points.iter());
    fields
        .iter()
        .flat_map(|f| f.split_whitespace())
        // As typed, and calmed from capitals: "LUNCH" may come out as "Lunch".
        .flat_map(|w| [w.to_string(), w.to_lowercase()])
        .map(|w| {
            let mut c = w.chars();
            c.next()
                .map(|f| f.to_uppercase().chain(c).collect::<String>())
                .unwrap_or_default()
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// proptest is a native dev-dependency only: the browser tests build this module for wasm too.
#[cfg(not(target_arch = "wasm32"))]
mod property {
    use super::*;

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig { cases: 256, ..Default::default() })]

        #[test]
        fn any_generated_brief_gives_a_draft_that_reads_right_fits_and_invents_nothing(seed in proptest::prelude::any::<u64>()) {
            let case = samples::sample_case(seed);
            let draft = write(&case.brief, case.kind, case.channel, case.tone);
            let problems = what_reads_wrong(&case, &draft);
            proptest::prop_assert!(
                problems.is_empty(),
                "{:?} {:?} {:?} v{}:\n{}\n{}\nbrief: {:#?}",
                case.kind, case.channel, case.tone, case.brief.variant, problems.join("\n"), draft.body, case.brief
            );
        }
    }
}

#[test]
fn every_kind_channel_and_tone_of_the_generated_briefs_reads_right() {
    // The property samples at random; this walks every combination once, with a brief per seed.
    let mut problems = Vec::new();
    let mut seed = 0;
    for kind in MessageKind::ALL {
        for channel in CHANNELS {
            for tone in Tone::ALL {
                seed += 1;
                let case = samples::SampleCase {
                    kind,
                    channel,
                    tone,
                    ..samples::sample_case(seed)
                };
                let draft = write(&case.brief, kind, channel, tone);
                let found = what_reads_wrong(&case, &draft);
                if !found.is_empty() {
                    problems.push(format!(
                        "{kind:?} {channel:?} {tone:?} (seed {seed}): {found:?}\n{}",
                        draft.body
                    ));
                }
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n\n"));
}
