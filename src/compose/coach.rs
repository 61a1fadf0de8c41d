//! The coach: checks the text as it stands (the user may have rewritten every word) against the
//! practice of DOMAIN.md, and says how to fix what fails. Which checks apply depends on the kind of
//! message and the channel; a thank-you note need not name a role.

use super::brief::{Brief, Gap, MessageKind};
use super::kinds::first_name;
use super::writer::char_limit;
use crate::import::keys::is_title;
use crate::model::Channel;
use std::collections::HashSet;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CheckId {
    AddressedByName,
    CommonGround,
    SpecificRole,
    WhyAFit,
    OfferOrThanks,
    EasyToSayNo,
    AtMostTwoNames,
    FitsChannel,
    NoGaps,
    NoFiller,
    ToneFitsChannel,
    /// No phrase glued in where it cannot go ("from we rebuilt…"), no word said twice.
    ReadsRight,
    /// The request is the one chosen: an advice meeting asks for advice, not for coffee.
    AsksWhatWasChosen,
}

/// One line of the coach's list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Check {
    pub id: CheckId,
    /// What is checked, as shown beside the editor ("Fits the channel (287 / 300)").
    pub name: String,
    pub passed: bool,
    /// How to fix it, when it failed.
    pub fix: Option<String>,
}

/// What the coach compares the text with: the facts the message should carry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CoachContext {
    /// Decides which checks apply.
    pub kind: MessageKind,
    pub channel: Channel,
    pub recipient: String,
    pub shared: String,
    pub admired: String,
    pub referrer: String,
    pub roles: Vec<String>,
    pub company: String,
    pub fit_points: Vec<String>,
    pub offer_back: String,
}

impl CoachContext {
    pub fn from_brief(brief: &Brief, kind: MessageKind, channel: Channel) -> CoachContext {
        // A warm-introduction request names the introducee's company when the goal has none.
        let company = if brief.company.trim().is_empty() && kind == MessageKind::WarmIntroduction {
            brief.introduce_to.company.clone()
        } else {
            brief.company.clone()
        };
        CoachContext {
            kind,
            channel,
            recipient: brief.recipient.clone(),
            shared: brief.shared.clone(),
            admired: brief.admired.clone(),
            referrer: brief.referrer.clone(),
            roles: brief.roles.clone(),
            company,
            fit_points: brief.fit_points.clone(),
            offer_back: brief.offer_back.clone(),
        }
    }
}

/// Checks `text` (and the e-mail `subject`) and returns every check that applies, passed or not.
pub fn coach(text: &str, subject: Option<&str>, ctx: &CoachContext) -> Vec<Check> {
    let (kind, channel) = (ctx.kind, ctx.channel);
    let normalized = text.replace(['’', '‘'], "'");
    // Content checks read the text without its gap markers: "[company]" does not name a company.
    let (plain, markers) = strip_markers(&normalized);
    let lower = plain.to_lowercase();
    let words = tokens(&lower);
    let mut checks = Vec::new();

    if kind != MessageKind::Blurb {
        checks.push(addressed(&plain, ctx));
    }
    if applies_common_ground(kind) {
        checks.push(common_ground(&lower, &words, ctx, kind));
    }
    // A follow-up names the role only when the goal has one: a nudge on a catch-up has none.
    let follow_up = matches!(kind, MessageKind::FollowUp | MessageKind::LaterFollowUp);
    if applies_role(kind) || (follow_up && ctx.roles.iter().any(|r| !r.trim().is_empty())) {
        checks.push(specific_role(&lower, &words, ctx, kind));
    }
    if applies_fit(kind) {
        checks.push(why_a_fit(&lower, &words, ctx));
    }
    // Every message gives something back, if only a few words of thanks: they fit in any channel.
    checks.push(offer_or_thanks(&lower, &words, ctx));
    if let Some(check) = asks_what_was_chosen(&lower, &words, kind) {
        checks.push(check);
    }
    if kind.is_request() {
        checks.push(easy_to_say_no(&lower));
        checks.push(at_most_two_names(&lower));
    }
    checks.push(fits_channel(text, subject, channel));
    let subject_markers = subject.map(|s| strip_markers(s).1).unwrap_or_default();
    checks.push(no_gaps(markers.into_iter().chain(subject_markers).collect()));
    checks.push(no_filler(&normalized));
    checks.push(reads_right(&normalized));
    if channel != Channel::Email {
        checks.push(tone_fits_channel(&plain, ctx));
    }
    checks
}

fn applies_common_ground(kind: MessageKind) -> bool {
    use MessageKind::*;
    matches!(
        kind,
        CatchUp
            | Invitation
            | AdviceMeeting
            | Referral
            | KeepMeInMind
            | WarmIntroduction
            | PeopleToTalkTo
            | FirstContact
    )
}

fn applies_role(kind: MessageKind) -> bool {
    use MessageKind::*;
    matches!(
        kind,
        Referral | KeepMeInMind | WarmIntroduction | PeopleToTalkTo | AdviceMeeting | Blurb | FirstContact
    )
}

fn applies_fit(kind: MessageKind) -> bool {
    use MessageKind::*;
    matches!(kind, Referral | KeepMeInMind | WarmIntroduction | Blurb | FirstContact)
}

fn check(id: CheckId, name: impl Into<String>, passed: bool, fix: impl FnOnce() -> String) -> Check {
    Check {
        id,
        name: name.into(),
        passed,
        fix: (!passed).then(fix),
    }
}

const GREETINGS: [&str; 6] = ["hi", "hello", "dear", "hey", "morning", "afternoon"];

fn addressed(text: &str, ctx: &CoachContext) -> Check {
    let first_line = text.trim_start().lines().next().unwrap_or_default();
    let opening: String = first_line.chars().take(80).collect::<String>().to_lowercase();
    let opening_words = tokens(&opening);
    let passed = match first_name(&ctx.recipient) {
        Some(name) => {
            tokens(&name.to_lowercase()).iter().all(|w| opening_words.contains(w))
                || by_title_and_surname(&opening_words, &ctx.recipient)
        }
        // Without a name to look for: a greeting followed by something other than "there" or "all".
        None => {
            let list: Vec<&str> = opening
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .collect();
            list.len() >= 2
                && GREETINGS.contains(&list[0])
                && !["there", "all", "team", "sir", "madam", "everyone"].contains(&list[1])
        }
    };
    check(
        CheckId::AddressedByName,
        "Addressed by name",
        passed,
        || match first_name(&ctx.recipient) {
            Some(name) => format!("Open with their name: “Hi {name},”."),
            None => "Open with their name, not a general greeting.".to_string(),
        },
    )
}

fn common_ground(lower: &str, words: &HashSet<String>, ctx: &CoachContext, kind: MessageKind) -> Check {
    if kind == MessageKind::FirstContact {
        let passed = match first_name(&ctx.referrer) {
            Some(name) => tokens(&name.to_lowercase()).iter().all(|w| words.contains(w)),
            None => lower.contains("suggested") || lower.contains("referred"),
        };
        return check(
            CheckId::CommonGround,
            "Says who suggested you get in touch",
            passed,
            || match first_name(&ctx.referrer) {
                Some(name) => format!("Say that {name} suggested you get in touch, near the top."),
                None => "Say who suggested you get in touch, near the top.".to_string(),
            },
        );
    }
    let passed = if ctx.shared.trim().is_empty() && ctx.admired.trim().is_empty() {
        [
            "worked together",
            "we met",
            "admire",
            "our time",
            "remember",
            "together on",
        ]
        .iter()
        .any(|c| lower.contains(c))
    } else {
        mentions(lower, words, &ctx.shared) || mentions(lower, words, &ctx.admired)
    };
    check(
        CheckId::CommonGround,
        "Mentions what you share or admire",
        passed,
        || {
            let who = first_name(&ctx.recipient).unwrap_or_else(|| "them".to_string());
            if !ctx.shared.trim().is_empty() {
                format!("Remind {who} of what you share: “{}”.", ctx.shared.trim())
            } else if !ctx.admired.trim().is_empty() {
                format!("Say what you admire in their work: “{}”.", ctx.admired.trim())
            } else {
                format!(
                    "Say what you share with {who} (a project, a school, an event) or what you admire in their work."
                )
            }
        },
    )
}

/// A referral is always for a company; any other ask names the company when the goal has one.
fn targeted(kind: MessageKind, ctx: &CoachContext) -> bool {
    kind == MessageKind::Referral || !ctx.company.trim().is_empty()
}

fn specific_role(lower: &str, words: &HashSet<String>, ctx: &CoachContext, kind: MessageKind) -> Check {
    let role_named = ctx.roles.iter().any(|r| mentions(lower, words, r));
    let needs_company = targeted(kind, ctx);
    let company_named = !needs_company || mentions(lower, words, &ctx.company);
    let name = if needs_company {
        "Names the role and company"
    } else {
        "Names the role"
    };
    check(CheckId::SpecificRole, name, role_named && company_named, || {
        let role = ctx
            .roles
            .iter()
            .find(|r| !r.trim().is_empty())
            .map(|r| r.trim().to_string());
        let company = ctx.company.trim();
        match (role_named, role) {
            (false, Some(role)) if needs_company && !company.is_empty() => {
                format!("Name the exact role and company: “{role}” at {company}.")
            }
            (false, Some(role)) => format!("Name the exact role: “{role}”."),
            (false, None) => "Name the exact role you want (add it to the goal).".to_string(),
            (true, _) if company.is_empty() => "Name the company (add it to the goal).".to_string(),
            (true, _) => format!("Name the company: {company}."),
        }
    })
}

fn why_a_fit(lower: &str, words: &HashSet<String>, ctx: &CoachContext) -> Check {
    let passed = ctx.fit_points.iter().any(|f| mentions(lower, words, f));
    check(CheckId::WhyAFit, "Says why you fit", passed, || {
        match ctx.fit_points.iter().find(|f| !f.trim().is_empty()) {
            Some(point) => format!("Add a short case for why you fit, such as “{}”.", point.trim()),
            None => "Add two or three skills or achievements that fit the role.".to_string(),
        }
    })
}

fn offer_or_thanks(lower: &str, words: &HashSet<String>, ctx: &CoachContext) -> Check {
    const CUES: [&str; 13] = [
        "thank",
        "my treat",
        "on me",
        "work around your",
        "fit around your",
        "grateful",
        "in return",
        "happy to",
        "glad to",
        "gladly",
        "return the favo",
        "appreciate",
        "can help",
    ];
    let passed = mentions(lower, words, &ctx.offer_back) || CUES.iter().any(|c| lower.contains(c));
    check(
        CheckId::OfferOrThanks,
        "Offers something back or says thanks",
        passed,
        || {
            if ctx.offer_back.trim().is_empty() {
                "Offer something in return, or at least say thank you.".to_string()
            } else {
                format!(
                    "Offer something in return (“{}”), or at least say thank you.",
                    ctx.offer_back.trim()
                )
            }
        },
    )
}

fn easy_to_say_no(lower: &str) -> Check {
    const CUES: [&str; 17] = [
        "no worries",
        "if it is not",
        "no pressure",
        "if not",
        "not a good time",
        "understand if",
        "quite understand",
        "completely understand",
        "i'd understand",
        "would understand",
        "totally fine",
        "completely fine",
        "perfectly fine",
        "no problem",
        "no obligation",
        "either way",
        "if it's not",
    ];
    let passed = CUES.iter().any(|c| lower.contains(c));
    check(CheckId::EasyToSayNo, "Makes it easy to say no", passed, || {
        "Add a line that makes “no” easy, such as “No worries if not.”".to_string()
    })
}

/// Flags "three names", "a few people", "5 contacts", "some introductions" and the like; "one or
/// two people" and "a couple of names" pass.
fn at_most_two_names(lower: &str) -> Check {
    const MANY: [&str; 12] = [
        "three", "four", "five", "six", "several", "some", "many", "multiple", "few", "handful", "list", "more",
    ];
    const WHO: [&str; 10] = [
        "names",
        "people",
        "contacts",
        "introductions",
        "intros",
        "folks",
        "referrals",
        "persons",
        "colleagues",
        "others",
    ];
    let list: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let too_many = list.iter().enumerate().find_map(|(i, word)| {
        let many = MANY.contains(word) || word.parse::<u32>().is_ok_and(|n| n >= 3);
        if !many {
            return None;
        }
        let window = &list[i + 1..list.len().min(i + 4)];
        let at = window.iter().position(|w| WHO.contains(w))?;
        Some(list[i..=i + 1 + at].join(" "))
    });
    check(
        CheckId::AtMostTwoNames,
        "Asks for at most two names",
        too_many.is_none(),
        || {
            format!(
                "“{}” asks for more than two. Ask for one or two names; more leans on one person too much.",
                too_many.clone().unwrap_or_default()
            )
        },
    )
}

fn fits_channel(text: &str, subject: Option<&str>, channel: Channel) -> Check {
    let count = text.trim().chars().count();
    let limit = char_limit(channel);
    let missing_subject = channel == Channel::Email && subject.is_none_or(|s| s.trim().is_empty());
    let passed = count <= limit && !missing_subject;
    check(
        CheckId::FitsChannel,
        format!("Fits the channel ({count} / {limit})"),
        passed,
        || {
            if count > limit {
                let over = count - limit;
                let what = match channel {
                    Channel::LinkedInConnectionNote => "a LinkedIn connection note",
                    Channel::TextMessage => "a text message",
                    Channel::Email => "a concise e-mail",
                    Channel::LinkedInMessage => "a concise LinkedIn message",
                };
                format!("Cut {over} characters to fit {what}: drop the sign-off, the offer or a fit point first.")
            } else {
                "Add a subject line.".to_string()
            }
        },
    )
}

/// What each kind of request must ask for, as words a reader would take for it. A cue with a
/// space is looked for as it is; a single word as the start of a word ("intro" in "introduce").
fn request_cues(kind: MessageKind) -> &'static [&'static str] {
    use MessageKind::*;
    match kind {
        Referral => &["refer", "put in a word", "put my name forward", "recommend me"],
        WarmIntroduction => &[
            "intro",
            "connect me",
            "connect us",
            "put us in touch",
            "put me in touch",
        ],
        KeepMeInMind => &[
            "in mind",
            "think of me",
            "keep an eye",
            "keep an ear",
            "if you hear of",
            "let me know if",
        ],
        PeopleToTalkTo => &[
            "talk to",
            "speak with",
            "speak to",
            "chat with",
            "names",
            "people",
            "who should i",
        ],
        AdviceMeeting => &[
            "advice",
            "your view",
            "your take",
            "perspective",
            "pick your brain",
            "your thoughts",
        ],
        Invitation => &["coffee", "lunch", "breakfast", "a drink", "dinner"],
        CatchUp => &["catch up", "catch-up", "call", "hear what", "hear how", "chat"],
        FirstContact => &["call", "chat", "talk", "conversation", "meet", "speak"],
        FollowUp => &[
            "follow up",
            "following up",
            "follow-up",
            "checking in",
            "circling back",
            "nudge",
        ],
        Blurb | ThankYou | ProgressUpdate | HowItWent | LaterFollowUp => &[],
    }
}

/// What to write instead, as the end of a sentence starting "…".
fn request_hint(kind: MessageKind) -> &'static str {
    use MessageKind::*;
    match kind {
        Referral => "ask whether they would refer you for the role",
        WarmIntroduction => "ask whether they would introduce you",
        KeepMeInMind => "ask them to keep you in mind for roles like it",
        PeopleToTalkTo => "ask for one or two people you could talk to",
        AdviceMeeting => "ask for 20 to 30 minutes of their advice on the role or the company",
        Invitation => "invite them for coffee or lunch",
        CatchUp => "suggest a call to catch up",
        FirstContact => "ask for a short call or chat",
        FollowUp => "say you are following up on your earlier message",
        Blurb | ThankYou | ProgressUpdate | HowItWent | LaterFollowUp => "",
    }
}

fn says_cue(lower: &str, words: &HashSet<String>, cue: &str) -> bool {
    if cue.contains(' ') || cue.contains('-') {
        lower.contains(cue)
    } else {
        words.iter().any(|w| w.starts_with(cue))
    }
}

/// The request matches the kind chosen; when it reads as another kind, the fix says which.
fn asks_what_was_chosen(lower: &str, words: &HashSet<String>, kind: MessageKind) -> Option<Check> {
    let cues = request_cues(kind);
    if cues.is_empty() {
        return None;
    }
    let passed = cues.iter().any(|c| says_cue(lower, words, c));
    let label = kind.label();
    Some(check(
        CheckId::AsksWhatWasChosen,
        format!("Asks for what you chose ({})", label.to_lowercase()),
        passed,
        || {
            use MessageKind::*;
            let other = [
                Referral,
                WarmIntroduction,
                Invitation,
                AdviceMeeting,
                KeepMeInMind,
                PeopleToTalkTo,
                CatchUp,
            ]
            .into_iter()
            .filter(|k| *k != kind)
            .find(|k| request_cues(*k).iter().any(|c| says_cue(lower, words, c)));
            match other {
                Some(other) => format!(
                    "This reads as a {}, but you chose {}: {}.",
                    other.label().to_lowercase(),
                    label.to_lowercase(),
                    request_hint(kind)
                ),
                None => format!("Say what you are asking for: {}.", request_hint(kind)),
            }
        },
    ))
}

/// Prepositions that cannot take a clause: "from we rebuilt…" is a phrase glued in whole.
/// ("since", "until", "like", "before" and "after" can, so they are not here.)
const GLUE_PREPOSITIONS: [&str; 13] = [
    "from", "of", "about", "with", "for", "to", "at", "through", "in", "on", "by", "into", "during",
];
const GLUE_STARTS: [&str; 13] = [
    "i", "we", "they", "he", "she", "i've", "we've", "they've", "i'd", "we'd", "i'm", "we're", "they're",
];
/// Past-tense verbs that cannot follow a preposition; ambiguous ones ("cut", "led" as in LED) left out.
const GLUE_VERBS: [&str; 22] = [
    "rebuilt",
    "built",
    "ran",
    "met",
    "wrote",
    "gave",
    "spoke",
    "taught",
    "took",
    "went",
    "did",
    "made",
    "grew",
    "shipped",
    "helped",
    "worked",
    "launched",
    "organised",
    "organized",
    "studied",
    "hired",
    "mentored",
];

/// The first place where the text stops reading as a sentence, as the words to quote and a fix.
fn first_glitch(text: &str) -> Option<(String, String)> {
    let raw: Vec<&str> = text.split_whitespace().collect();
    for pair in raw.windows(3).chain(raw.windows(2).last()) {
        let (a, b) = (pair[0], pair[1]);
        // Punctuation between the words ("me: I…") ends the phrase.
        if a.ends_with(|c: char| !c.is_alphanumeric()) {
            continue;
        }
        let la = a.to_lowercase();
        let lb: String = b
            .trim_end_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase()
            .replace('’', "'");
        if la.chars().count() >= 2 && la == lb && la.chars().all(char::is_alphabetic) && la != "that" && la != "had" {
            return Some((format!("{a} {b}"), format!("“{a} {b}” repeats a word: drop one.")));
        }
        if !GLUE_PREPOSITIONS.contains(&la.as_str()) {
            continue;
        }
        let next = pair.get(2).map(|w| format!(" {w}")).unwrap_or_default();
        let quoted = format!("{a} {b}{next}");
        if GLUE_STARTS.contains(&lb.as_str()) {
            return Some((
                quoted.clone(),
                format!("“{quoted}…” doesn't read right: try “{a} the time {b}{next}…”, or reword it."),
            ));
        }
        if GLUE_VERBS.contains(&lb.as_str()) {
            return Some((
                quoted.clone(),
                format!("“{quoted}…” doesn't read right: try “{a} the time we {b}{next}…”, or reword it."),
            ));
        }
    }
    None
}

fn reads_right(text: &str) -> Check {
    let glitch = first_glitch(text);
    check(CheckId::ReadsRight, "Reads as a sentence", glitch.is_none(), || {
        glitch.map(|(_, fix)| fix).unwrap_or_default()
    })
}

/// "Dear Sven," belongs in a letter or a formal e-mail; a text or a LinkedIn note opens lighter.
fn tone_fits_channel(text: &str, ctx: &CoachContext) -> Check {
    let opens_dear = text.trim_start().to_lowercase().starts_with("dear ");
    check(
        CheckId::ToneFitsChannel,
        "Opening fits the channel",
        !opens_dear,
        || {
            let name = first_name(&ctx.recipient).unwrap_or_else(|| "…".to_string());
            format!("Open with “Hello {name},” or “Hi {name},”: “Dear” reads stiff outside an e-mail.")
        },
    )
}

fn no_gaps(markers: Vec<String>) -> Check {
    let passed = markers.is_empty();
    check(CheckId::NoGaps, "No blanks left to fill", passed, || {
        let named: Vec<String> = markers
            .iter()
            .map(|m| match Gap::ALL.iter().find(|g| g.marker() == m) {
                Some(gap) => gap.label().to_string(),
                None => m.clone(),
            })
            .collect();
        format!("Fill in or remove: {}.", named.join(", "))
    })
}

fn no_filler(text: &str) -> Check {
    let lower = text.to_lowercase();
    let stock = ["to whom it may concern", "dear sir or madam", "dear sir/madam"]
        .into_iter()
        .find(|p| lower.contains(p));
    let opening = opening_sentence(text);
    let filler_opening = is_filler(&opening);
    let passed = stock.is_none() && !filler_opening;
    check(CheckId::NoFiller, "No generic filler", passed, || match stock {
        Some(phrase) => format!("Replace “{phrase}” with the person's name."),
        None => format!("Replace “{}” with something you share or admire.", opening.trim()),
    })
}

/// The first sentence after the greeting, or the whole first paragraph in a long layout: a filler
/// line counts only when it is the entire opening.
fn opening_sentence(text: &str) -> String {
    let text = text.trim();
    let mut rest = text;
    let first_word = text
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or_default()
        .to_lowercase();
    if GREETINGS.contains(&first_word.as_str()) {
        let line_end = text.find('\n').unwrap_or(text.len());
        let line = &text[..line_end];
        rest = match line.find([',', '!', '—']) {
            Some(i) => &text[i + line[i..].chars().next().map_or(1, char::len_utf8)..],
            None => &text[line_end..],
        };
    }
    let rest = rest.trim_start();
    let paragraph = rest.split("\n\n").next().unwrap_or_default();
    if text.contains("\n\n") {
        paragraph.to_string()
    } else {
        let end = paragraph.find(['.', '!', '?']).map_or(paragraph.len(), |i| i + 1);
        paragraph[..end].to_string()
    }
}

fn is_filler(sentence: &str) -> bool {
    let s: String = sentence
        .to_lowercase()
        .replace(['’', '\''], "")
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect();
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    let s = s.strip_prefix("i ").unwrap_or(&s);
    !s.is_empty()
        && (s.ends_with("finds you well")
            || s == "hope all is well"
            || s == "hope this finds you well"
            || (s.starts_with("hope you") && s.ends_with("well") && s.split(' ').count() <= 5)
            || (s.starts_with("trust") && s.ends_with("well") && s.split(' ').count() <= 5))
}

/// Words too common to show that a field was mentioned.
const STOP: [&str; 24] = [
    "the", "and", "for", "with", "our", "your", "you", "from", "that", "this", "was", "were", "are", "about", "into",
    "over", "under", "their", "its", "his", "her", "at", "on", "of",
];

/// "Dear Dr. de Vries," or "Hello Ms Souza,": a title and the last word of the name, the formal
/// way to address someone, which is as good as their first name.
fn by_title_and_surname(opening_words: &HashSet<String>, recipient: &str) -> bool {
    let lower = recipient.to_lowercase();
    let surname = lower.split(|c: char| !c.is_alphanumeric()).rfind(|w| !w.is_empty());
    let titled = opening_words.iter().any(|w| is_title(w));
    titled && surname.is_some_and(|s| !is_title(s) && opening_words.contains(s))
}

fn tokens(lower: &str) -> HashSet<String> {
    lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// Whether the text mentions a field, even reworded: at least half of the field's meaningful words
/// appear. A field of only short words ("AI", "HR") must appear as it is.
fn mentions(lower: &str, words: &HashSet<String>, field: &str) -> bool {
    let field = field.trim().to_lowercase();
    if field.is_empty() {
        return false;
    }
    let content: Vec<&str> = field
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 3 && !STOP.contains(w))
        .collect();
    if content.is_empty() {
        return lower.contains(field.trim_end_matches(['.', ',', ';', ':']));
    }
    let found = content.iter().filter(|w| words.contains(**w)).count();
    found * 2 >= content.len()
}

/// Removes gap markers ("[role title]", or any bracketed lowercase phrase) and returns them.
fn strip_markers(text: &str) -> (String, Vec<String>) {
    let mut plain = String::with_capacity(text.len());
    let mut markers = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find('[') {
        let after = &rest[open + 1..];
        let close = after.find(']').filter(|&c| c <= 80 && !after[..c].contains('['));
        match close {
            Some(c) if looks_like_marker(&after[..c]) => {
                plain.push_str(&rest[..open]);
                markers.push(rest[open..open + 1 + c + 1].to_string());
                rest = &after[c + 1..];
            }
            _ => {
                plain.push_str(&rest[..open + 1]);
                rest = after;
            }
        }
    }
    plain.push_str(rest);
    (plain, markers)
}

fn looks_like_marker(inside: &str) -> bool {
    inside.chars().next().is_some_and(|c| c.is_lowercase())
        && !inside.contains("://")
        && inside.chars().all(|c| c.is_alphabetic() || " ,'’-/é".contains(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_marker_is_found_and_removed() {
        let (plain, markers) = strip_markers("Hi [their name], see [1] and [role title].");
        assert_eq!(plain, "Hi , see [1] and .");
        assert_eq!(markers, vec!["[their name]", "[role title]"]);
    }

    #[test]
    fn a_reworded_field_still_counts_as_mentioned() {
        let text = "we did the port digitisation work together at maersk";
        assert!(mentions(text, &tokens(text), "The port digitisation project at Maersk"));
        assert!(!mentions(text, &tokens(text), "Your talk on warehouse robotics"));
    }

    #[test]
    fn filler_is_recognised_only_as_the_whole_opening() {
        assert!(is_filler("I hope this email finds you well."));
        assert!(is_filler("Hope you’re doing well!"));
        assert!(!is_filler("I hope the port project went well after I left."));
    }
}
