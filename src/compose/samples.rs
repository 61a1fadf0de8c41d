//! Generated briefs for the writer's property test and for reading drafts aloud
//! (`examples/drafts_sample.rs`): ordinary names, roles and companies, and free-text fields in
//! every shape people type them (noun phrases, clauses, "when/how/that" clauses, sentences; with
//! and without full stops, in capitals, very long, or empty), with a kind, channel and tone.

use super::brief::{Brief, Introducee, MessageKind, Tone};
use crate::model::{Channel, Profile};
use crate::sample::Rng;

/// One draft to write: the brief and the choices made for it.
#[derive(Clone, Debug)]
pub struct SampleCase {
    pub brief: Brief,
    pub kind: MessageKind,
    pub channel: Channel,
    pub tone: Tone,
}

const PEOPLE: &[&str] = &[
    "Ana Souza",
    "Sven Lindqvist",
    "Chloé Martin",
    "Kofi Mensah",
    "Priya Natarajan",
    "Bram de Vries",
    "Júlia Ferreira",
    "Dr. Hana Sato",
    "Olu",
    "Maximiliana Vandenberghe-Oosterhuis",
];
const ROLES: &[&str] = &[
    "Operations Manager",
    "Data Analyst",
    "Supply Chain Planner",
    "Senior Product Designer",
    "UX researcher",
    "Head of Customer Success",
    "backend engineer",
];
const COMPANIES: &[&str] = &[
    "Maersk",
    "Litware",
    "Contoso",
    "Fabrikam",
    "Northwind Traders",
    "Adyen",
    "Picnic",
];

const SHARED: &[&str] = &[
    "the long warehouse automation programme in Rotterdam, with its three sites, two vendors, the night-shift pilots and the quarterly steering committee reviews we ran together",

    "the HCI course",
    "the port digitisation project at Maersk",
    "billing team at Litware",
    "Litware",
    "working together at Contoso",
    "our time at Fabrikam",
    "at Fabrikam",
    "the rowing club",
    "we rebuilt the billing pipeline together at Litware",
    "We shared a desk for two years at Northwind.",
    "rebuilt the returns flow together",
    "you mentored me on my first project",
    "when we ran the Kraków meetup",
    "how we met at the Lisbon offsite",
    "that we shipped the app in six weeks",
    "We met at PyData 2019. You gave the keynote.",
];
const ADMIRED: &[&str] = &[
    "your series of posts on running forecasting teams through the pandemic, the one on hiring analysts without a degree, and the talk at the Rotterdam logistics meetup that followed it",

    "your talk on warehouse robotics",
    "Your newsletter on pricing.",
    "the open-source forecasting library",
    "you built the forecasting team from scratch",
    "how you handled the outage in March",
    "that you open-sourced the routing engine",
    "I love your podcast!",
    "the way you run retros",
    "I learned a lot from your talk",
    "Your talk changed how I plan. I still use the checklist.",
];
const OFFERS: &[&str] = &[
    "review the forecasting model your team uses for the peak season, walk through the carrier contracts with you, and share the playbook I wrote for the night shift",

    "review your team's forecasting model",
    "share my notes on carrier contracts",
    "I'd be happy to introduce you to my old team at Fabrikam",
    "help with hiring analysts",
    "my notes on carrier contracts",
    "an intro to my old team",
    "reviewing your résumé template",
    "you're welcome to my notes",
    "I can review your deck. Lunch is on me too.",
    "buy you lunch!",
];
const FITS: &[&str] = &[
    "cut warehouse costs by 12% across three sites in two years while moving the whole planning team from spreadsheets to a shared forecasting model",

    "cut warehouse costs 12% at DHL",
    "Led a team of 8 planners.",
    "SQL and Python",
    "I ran the 2023 peak season",
    "eight years in port logistics",
    "fluent in Portuguese and Spanish",
    "- built the routing model used in Ålesund",
    "My team and I cut returns by a third",
];
const VALUES: &[&str] = &[
    "concrete numbers over adjectives, a one-page summary before any call, and candidates who have read the annual report and can say what they would change first",

    "concrete numbers over adjectives",
    "she prefers short e-mails",
    "he likes candidates who know his numbers",
    "people who come prepared",
    "when people get to the point",
    "I should bring numbers, not adjectives",
    "being concise",
];
const ADVICE: &[&str] = &[
    "no headcount until the autumn budget round, and even then the team will want someone who has run a peak season end to end and can show the numbers",

    "no headcount until the autumn",
    "get more hands-on SQL first",
    "you said they only hire seniors",
    "I should build a portfolio of real projects",
    "that the team wants Python",
    "how to pitch my logistics years",
    "Get more SQL. Then apply again.",
];
const HELP: &[&str] = &[
    "introducing me to Priya",
    "your honest advice",
    "referring me to Tom and Inès",
    "the time you gave me last week",
];
const NEWS: &[&str] = &[
    "I have a second interview at Contoso next week.",
    "I started a course on demand forecasting",
    "I met Priya on 7 March. She was very generous with her time.",
    "It did not lead to an offer this time.",
];
const ASKED: &[&str] = &[
    "referral request",
    "request for an introduction",
    "request for advice",
    "lunch invitation",
];

/// The phrase in one of the ways people type: as it is, without or with a final full stop, in
/// capitals, padded with spaces, twice as long, or not at all.
fn typed(rng: &mut Rng, pool: &[&str]) -> String {
    let base = rng.pick(pool).to_string();
    match rng.below(12) {
        0 | 1 => String::new(),
        2 => base.to_uppercase(),
        3 => format!("  {}  ", base.replace(' ', "  ")),
        4 => format!("{}.", base.trim_end_matches(['.', '!'])),
        // Very long: each pool opens with a phrasing near the longest a form takes.
        5 => pool[0].to_string(),
        _ => base,
    }
}

/// The case for `seed`: the same seed always gives the same case.
pub fn sample_case(seed: u64) -> SampleCase {
    let mut rng = Rng::new(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15).wrapping_add(1));
    let me = rng.pick(&["Sam Rivera", "Noor Haddad", "Tomás García"]).to_string();
    // Three different people: the recipient, whom they would introduce, and who referred.
    let mut others: Vec<&str> = PEOPLE.to_vec();
    let recipient = others.remove(rng.below(others.len())).to_string();
    let introducee = others.remove(rng.below(others.len())).to_string();
    let referrer = others.remove(rng.below(others.len())).to_string();
    let targeted = rng.chance(60);
    let company = if targeted {
        rng.pick(COMPANIES).to_string()
    } else {
        String::new()
    };
    let roles = match rng.below(4) {
        0 => vec![rng.pick(ROLES).to_string(), rng.pick(ROLES).to_string()],
        _ => vec![rng.pick(ROLES).to_string()],
    };
    let fit_points = (0..rng.below(4)).map(|_| typed(&mut rng, FITS)).collect();
    let brief = Brief {
        profile: Profile {
            name: me.clone(),
            headline: rng
                .pick(&["", "Operations analyst, six years in logistics"])
                .to_string(),
            skills: vec!["SQL".into()],
            resume_url: rng.pick(&["", "https://example.com/cv.pdf"]).to_string(),
            signature: format!("{me}\n{}", rng.pick(&["", "+31 6 1234 5678"]))
                .trim()
                .to_string(),
            updated: None,
        },
        recipient: recipient.clone(),
        shared: typed(&mut rng, SHARED),
        admired: typed(&mut rng, ADMIRED),
        roles,
        industry: rng.pick(&["", "logistics", "fintech"]).to_string(),
        locations: match rng.below(3) {
            0 => vec![],
            1 => vec![rng.pick(&["Rotterdam", "Lisbon", "Remote"]).to_string()],
            _ => vec!["Lisbon".into(), "remote".into()],
        },
        posting: if targeted && rng.chance(50) {
            "https://example.com/jobs/4411".into()
        } else {
            String::new()
        },
        company: company.clone(),
        fit_points,
        offer_back: typed(&mut rng, OFFERS),
        include_resume: rng.chance(50),
        introduce_to: Introducee {
            name: introducee,
            company: if company.is_empty() {
                rng.pick(COMPANIES).to_string()
            } else {
                company
            },
            role: rng.pick(ROLES).to_string(),
        },
        referrer,
        values: typed(&mut rng, VALUES),
        help_received: rng.pick(HELP).to_string(),
        news: rng.pick(NEWS).to_string(),
        asked: rng.pick(ASKED).to_string(),
        asked_on: rng.pick(&["3 March", "12 November"]).to_string(),
        advice: typed(&mut rng, ADVICE),
        variant: rng.below(3) as u8,
    };
    SampleCase {
        brief,
        kind: MessageKind::ALL[rng.below(MessageKind::ALL.len())],
        channel: Channel::ALL[rng.below(Channel::ALL.len())],
        tone: Tone::ALL[rng.below(Tone::ALL.len())],
    }
}
