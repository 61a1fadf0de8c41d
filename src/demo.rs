//! A small, clearly fictional network to try Vouch with before typing in real people, and the
//! one-click way out again. Every demo record has an id from a fixed scheme, so removing the demo
//! never depends on a tag or a name the user may have edited.

use crate::model::{
    Ask, AskKind, Channel, Contact, Data, Goal, GoalKind, Id, KnowsLink, Outcome, Person, Referral, Relationship,
    Score, Stamp, TouchKind, Touched, Touchpoint,
};
use chrono::{Days, NaiveDate};
use std::collections::HashSet;

/// The tag on every demo contact, so lists and filters show them for what they are.
pub const DEMO_TAG: &str = "Sample data";

/// The fixed upper 96 bits of every demo id: "demo" in ASCII, then the version and variant bits of
/// an RFC 9562 version-8 (custom) UUID. The app gives its own records random v4 UUIDs, whose
/// version nibble is 4, so no record the user creates can ever carry this prefix.
const DEMO_PREFIX: u128 = 0x6465_6d6f_5653_8000_8000_0000_0000_0000;

/// The low 32 bits of a demo id: the kind of record in the top byte, its number below.
#[derive(Clone, Copy)]
enum Kind {
    Contact = 1,
    Touchpoint = 2,
    Link = 3,
    Goal = 4,
    Ask = 5,
    Referral = 6,
}

fn demo_id(kind: Kind, n: u32) -> Id {
    Id::from_u128(DEMO_PREFIX | (kind as u128) << 24 | u128::from(n & 0x00ff_ffff))
}

/// Whether `id` belongs to a demo record.
pub fn is_demo(id: Id) -> bool {
    id.as_u128() >> 32 == DEMO_PREFIX >> 32
}

const DAY_MS: i64 = 86_400_000;

/// One demo contact, as a row: the facts that make each one a different kind of tie.
struct Row {
    name: &'static str,
    company: &'static str,
    role: &'static str,
    location: &'static str,
    relationship: Relationship,
    /// Know, like, trust.
    judged: (u8, u8, u8),
    knows_my_work: bool,
    how_we_met: &'static str,
    shared: &'static [&'static str],
    admire: &'static str,
    /// Days before today the contact was added.
    added: u64,
}

const TARGET: &str = "Harbourline Logistics";

const ROWS: [Row; 12] = [
    Row {
        name: "Mira Ostrander",
        company: "Tidewater Analytics",
        role: "Data Lead",
        location: "Rotterdam",
        relationship: Relationship::FormerColleague,
        judged: (4, 4, 4),
        knows_my_work: true,
        how_we_met: "Same analytics team at Tidewater, 2020–2023",
        shared: &["Warehouse slotting project, 2021", "Friday SQL study group"],
        admire: "Her dashboards turn a forty-page report into a one-minute read.",
        added: 300,
    },
    Row {
        name: "Tobias Wrenfield",
        company: TARGET,
        role: "Senior Planner",
        location: "Rotterdam",
        relationship: Relationship::Acquaintance,
        judged: (1, 2, 1),
        knows_my_work: false,
        how_we_met: "Talked after a logistics meetup talk",
        shared: &[],
        admire: "",
        added: 280,
    },
    Row {
        name: "Priya Castellane",
        company: "Quayside Robotics",
        role: "VP Operations",
        location: "Antwerp",
        relationship: Relationship::Mentor,
        judged: (4, 4, 3),
        knows_my_work: true,
        how_we_met: "Mentoring programme of the supply chain association",
        shared: &["Mentoring programme, 2022"],
        admire: "She explains automation trade-offs without a single buzzword.",
        added: 260,
    },
    Row {
        name: "Daniel Okoro-Hale",
        company: "Bluefen Foods",
        role: "Supply Chain Manager",
        location: "Utrecht",
        relationship: Relationship::Friend,
        judged: (3, 4, 3),
        knows_my_work: false,
        how_we_met: "Same running club",
        shared: &["Rotterdam half marathon, 2024"],
        admire: "",
        added: 240,
    },
    Row {
        name: "Henrike Vos",
        company: "Polder Data Co.",
        role: "Data Engineer",
        location: "Delft",
        relationship: Relationship::Classmate,
        judged: (2, 3, 2),
        knows_my_work: false,
        how_we_met: "MSc Supply Chain Management",
        shared: &[
            "MSc Supply Chain Management, class of 2018",
            "Thesis group on cold-chain routing",
        ],
        admire: "",
        added: 230,
    },
    Row {
        name: "Samir Elbaz",
        company: "Greenquay Retail",
        role: "Category Manager",
        location: "Amsterdam",
        relationship: Relationship::Client,
        judged: (3, 3, 4),
        knows_my_work: true,
        how_we_met: "Client of the replenishment project at Tidewater",
        shared: &["Replenishment forecast roll-out, 2022"],
        admire: "Gives straight feedback and then helps fix the thing.",
        added: 220,
    },
    Row {
        name: "Lucia Ferrante-Moss",
        company: "Freightlane Software",
        role: "Community Manager",
        location: "Rotterdam",
        relationship: Relationship::Community,
        judged: (2, 3, 2),
        knows_my_work: false,
        how_we_met: "Runs the Open Logistics meetup",
        shared: &["Spoke at her meetup on slotting, 2024"],
        admire: "",
        added: 200,
    },
    Row {
        name: "Kwame Addo-Ridley",
        company: "Tidewater Analytics",
        role: "Operations Analyst",
        location: "Rotterdam",
        relationship: Relationship::Colleague,
        judged: (3, 3, 3),
        knows_my_work: true,
        how_we_met: "Sat next to each other on the analytics floor",
        shared: &["Warehouse slotting project, 2021"],
        admire: "",
        added: 190,
    },
    Row {
        name: "Ines Valtonen",
        company: "Nordkap Ferries",
        role: "HR Business Partner",
        location: "Hamburg",
        relationship: Relationship::Family,
        judged: (4, 4, 4),
        knows_my_work: false,
        how_we_met: "Cousin",
        shared: &[],
        admire: "",
        added: 180,
    },
    Row {
        name: "Ruben Achterberg",
        company: "Brightwater Ports",
        role: "Terminal Manager",
        location: "Rotterdam",
        relationship: Relationship::FormerColleague,
        judged: (3, 2, 3),
        knows_my_work: true,
        how_we_met: "Worked shifts together at the terminal, 2017",
        shared: &["Night shifts at the container terminal"],
        admire: "",
        added: 150,
    },
    Row {
        name: "Noor Haddou",
        company: "Canalside Coffee Roasters",
        role: "Owner",
        location: "Utrecht",
        relationship: Relationship::Unspecified,
        judged: (0, 0, 0),
        knows_my_work: false,
        how_we_met: "",
        shared: &[],
        admire: "",
        added: 20,
    },
    Row {
        name: "Felix Brandvold",
        company: "Quayside Robotics",
        role: "Operations Director",
        location: "Antwerp",
        relationship: Relationship::Manager,
        judged: (4, 3, 4),
        knows_my_work: true,
        how_we_met: "My manager at the terminal",
        shared: &["Peak season war room, 2022"],
        admire: "Runs the calmest peak season in the business.",
        added: 310,
    },
];

// Positions in ROWS of the contacts the goal, ask, referral and links are built around.
const MIRA: usize = 0;
const TOBIAS: usize = 1;
const PRIYA: usize = 2;
const KWAME: usize = 7;

/// Touchpoints as (contact, days before today, kind, note): some recent, some long ago, so the
/// going-cold list has something in it; Ruben and Noor have none.
const TOUCHES: [(usize, u64, TouchKind, &str); 14] = [
    (
        MIRA,
        9,
        TouchKind::CoffeeOrLunch,
        "Coffee near the station; she is hiring next spring.",
    ),
    (MIRA, 75, TouchKind::HelpedThem, "Reviewed her conference slides."),
    (TOBIAS, 210, TouchKind::Note, "Thanked him for his talk."),
    (PRIYA, 40, TouchKind::Call, "Monthly mentoring call."),
    (3, 18, TouchKind::Greeting, "Birthday message."),
    (
        4,
        130,
        TouchKind::SharedSomething,
        "Sent her the cold-chain routing paper.",
    ),
    (5, 22, TouchKind::HelpedThem, "Fixed his forecast spreadsheet."),
    (5, 160, TouchKind::TheyHelpedMe, "Wrote me a recommendation."),
    (6, 70, TouchKind::Greeting, "New-year wishes."),
    (
        KWAME,
        26,
        TouchKind::IntroducedThem,
        "Introduced him to Henrike about data pipelines.",
    ),
    (8, 8, TouchKind::Call, "Family call."),
    (11, 50, TouchKind::TheyHelpedMe, "Gave me feedback on my CV."),
    (11, 100, TouchKind::Call, "Caught up after his move to Antwerp."),
    // Logged with the ask below, as the app logs every ask it sends.
    (PRIYA, 4, TouchKind::Ask, "Asked for one or two people at Harbourline."),
];

/// The demo network: twelve contacts (each tagged [`DEMO_TAG`]), their touchpoints over the past
/// months, two knows-links into Harbourline Logistics (one to a contact, one to a person known only
/// by name), a targeted goal there, a people-to-talk-to ask that got a yes, and the fresh referral
/// it brought. The profile is left empty: the caller adds these records to the user's data and
/// must not replace the user's own profile with it. Dates count back from `today`, stamps from
/// `now`, so the same call gives the same records.
pub fn demo_data(today: NaiveDate, now: Stamp) -> Data {
    let days_ago = |days: u64| today.checked_sub_days(Days::new(days)).unwrap_or(today);
    let stamp_ago = |days: u64| Stamp::from_millis(now.millis() - days as i64 * DAY_MS);
    let contact_id = |i: usize| demo_id(Kind::Contact, i as u32 + 1);
    let mut data = Data::default();

    for (i, row) in ROWS.iter().enumerate() {
        let mut c = Contact::new(contact_id(i), row.name, stamp_ago(row.added));
        c.company = row.company.into();
        c.role = row.role.into();
        c.industry = "Logistics".into();
        c.location = row.location.into();
        let handle: String = row
            .name
            .to_lowercase()
            .chars()
            .map(|ch| if ch.is_ascii_alphanumeric() { ch } else { '.' })
            .collect();
        // Reserved example domains and the 555-01xx fiction range: nothing here reaches a real person.
        c.email = format!("{handle}@example.com");
        c.phone = format!("+1 555 01{:02}", i + 1);
        c.profile_url = format!("https://example.com/in/{}", handle.replace('.', "-"));
        c.relationship = row.relationship;
        c.how_we_met = row.how_we_met.into();
        c.shared = row.shared.iter().map(|s| s.to_string()).collect();
        c.admire = row.admire.into();
        let (know, like, trust) = row.judged;
        c.know = Score::new(know);
        c.like = Score::new(like);
        c.trust = Score::new(trust);
        c.knows_my_work = row.knows_my_work;
        c.tags = vec![DEMO_TAG.into()];
        data.contacts.insert(c.id, c);
    }

    for (n, (who, ago, kind, note)) in TOUCHES.iter().enumerate() {
        let t = Touchpoint {
            id: demo_id(Kind::Touchpoint, n as u32 + 1),
            contact: contact_id(*who),
            date: days_ago(*ago),
            kind: *kind,
            direction: kind.default_direction(),
            note: (*note).into(),
            imported: None,
            created: stamp_ago(*ago),
            updated: stamp_ago(*ago),
        };
        data.touchpoints.insert(t.id, t);
    }

    let links = [
        KnowsLink {
            id: demo_id(Kind::Link, 1),
            from: contact_id(MIRA),
            to: Person::Named {
                name: "Joris Kettering".into(),
                company: TARGET.into(),
                role: "Head of Planning".into(),
            },
            strength: Score::new(3),
            note: "They played in the same five-a-side team for years.".into(),
            created: stamp_ago(120),
            updated: stamp_ago(120),
        },
        KnowsLink {
            id: demo_id(Kind::Link, 2),
            from: contact_id(KWAME),
            to: Person::Contact(contact_id(TOBIAS)),
            strength: Score::new(2),
            note: String::new(),
            created: stamp_ago(90),
            updated: stamp_ago(90),
        },
    ];
    data.links.extend(links.into_iter().map(|l| (l.id, l)));

    let mut goal = Goal::new(demo_id(Kind::Goal, 1), stamp_ago(30));
    goal.kind = GoalKind::Targeted;
    goal.roles = vec!["Operations Analyst".into()];
    goal.industry = "Logistics".into();
    goal.locations = vec!["Rotterdam".into()];
    goal.company = TARGET.into();
    goal.posting = "HL-2291".into();
    goal.pitch = vec![
        "Cut picking errors by 30% with a slotting model".into(),
        "SQL and Python for the daily operations report".into(),
    ];
    data.goals.insert(goal.id, goal.clone());

    let mut ask = Ask::new(
        demo_id(Kind::Ask, 1),
        contact_id(PRIYA),
        AskKind::PeopleToTalkTo,
        Channel::Email,
        days_ago(4),
        stamp_ago(4),
    );
    ask.goal = Some(goal.id);
    ask.message = "Hi Priya, I am aiming for the operations analyst role at Harbourline Logistics. \
                   Could you name one or two people there I could talk to? Happy to return the favour."
        .into();
    ask.outcome = Outcome::Yes;
    ask.answered_on = Some(today);
    ask.updated = now;
    data.asks.insert(ask.id, ask.clone());

    // Referred three hours ago: fresh, so the urgent queue shows it at once.
    let mut referral = Referral::new(
        demo_id(Kind::Referral, 1),
        "Selin Marchetti",
        contact_id(PRIYA),
        Stamp::from_millis(now.millis() - 3 * 3_600_000),
    );
    referral.company = TARGET.into();
    referral.role = "Operations Manager".into();
    referral.email = "selin.marchetti@example.com".into();
    referral.ask = Some(ask.id);
    referral.goal = Some(goal.id);
    referral.calls_ahead = true;
    referral.values = "Clear numbers over long decks; curious about slotting.".into();
    referral.tips = "Mention the picking-error work in the first two lines.".into();
    data.referrals.insert(referral.id, referral);

    data
}

/// What removing the demo takes out, as ids, for the caller to apply as one change.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DemoRemoval {
    /// The records that go.
    pub removed: Touched,
    /// The user's own asks that named a demo goal: kept, without the goal.
    pub unlink_asks: Vec<Id>,
    /// The user's own referrals that named a demo goal or ask, or noted an update sent to a demo
    /// contact: kept, without those references.
    pub unlink_referrals: Vec<Id>,
}

impl DemoRemoval {
    pub fn is_empty(&self) -> bool {
        self.removed.is_empty()
    }

    /// Every record the removal changes, for the one save.
    pub fn touched(&self) -> Touched {
        let mut touched = self.removed.clone();
        touched.asks.extend_from_slice(&self.unlink_asks);
        touched.referrals.extend_from_slice(&self.unlink_referrals);
        touched
    }

    /// Takes the listed records out of `data` and clears the user's references to them.
    pub fn apply(&self, data: &mut Data) {
        self.removed.remove_from(data);
        for id in &self.unlink_asks {
            if let Some(ask) = data.asks.get_mut(id) {
                ask.goal = ask.goal.filter(|g| !is_demo(*g));
            }
        }
        for id in &self.unlink_referrals {
            if let Some(r) = data.referrals.get_mut(id) {
                r.goal = r.goal.filter(|g| !is_demo(*g));
                r.ask = r.ask.filter(|a| !self.removed.asks.contains(a));
                r.updates_sent.retain(|u| !is_demo(u.to));
            }
        }
    }
}

/// Every demo record in `data`, plus what cannot outlive a demo contact: touchpoints and asks with
/// it, referrals it made and knows-links to or from it — even ones the user added, the same
/// cascade as deleting any contact, so nothing is left pointing at someone who is gone. Nothing
/// else the user created is removed: their own asks and referrals that named the demo goal stay,
/// without it. A record counts as demo by its id alone, so a demo contact the user edited or
/// untagged still goes, and a contact of the user's own tagged "Sample data" stays.
pub fn remove_demo(data: &Data) -> DemoRemoval {
    // A demo contact's id is a demo id, so "points at a demo contact" is `is_demo` of the pointer.
    let asks: Vec<Id> = data
        .asks
        .values()
        .filter(|a| is_demo(a.id) || is_demo(a.contact))
        .map(|a| a.id)
        .collect();
    let referrals: Vec<Id> = data
        .referrals
        .values()
        .filter(|r| is_demo(r.id) || is_demo(r.referred_by))
        .map(|r| r.id)
        .collect();
    let removed_asks: HashSet<Id> = asks.iter().copied().collect();
    let removed_referrals: HashSet<Id> = referrals.iter().copied().collect();
    let removed = Touched {
        contacts: data.contacts.keys().copied().filter(|id| is_demo(*id)).collect(),
        touchpoints: data
            .touchpoints
            .values()
            .filter(|t| is_demo(t.id) || is_demo(t.contact))
            .map(|t| t.id)
            .collect(),
        links: data
            .links
            .values()
            .filter(|l| is_demo(l.id) || is_demo(l.from) || matches!(l.to, Person::Contact(to) if is_demo(to)))
            .map(|l| l.id)
            .collect(),
        goals: data.goals.keys().copied().filter(|id| is_demo(*id)).collect(),
        asks,
        referrals,
    };
    DemoRemoval {
        removed,
        unlink_asks: data
            .asks
            .values()
            .filter(|a| !removed_asks.contains(&a.id) && a.goal.is_some_and(is_demo))
            .map(|a| a.id)
            .collect(),
        unlink_referrals: data
            .referrals
            .values()
            .filter(|r| {
                !removed_referrals.contains(&r.id)
                    && (r.goal.is_some_and(is_demo)
                        || r.ask.is_some_and(|a| removed_asks.contains(&a))
                        || r.updates_sent.iter().any(|u| is_demo(u.to)))
            })
            .map(|r| r.id)
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Direction, Stage, UpdateSent};
    use crate::network::{going_cold, paths_into};

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2025, 6, 2).expect("a real date")
    }

    fn now() -> Stamp {
        let noon = today().and_hms_opt(12, 0, 0).expect("noon exists");
        Stamp::from_millis(noon.and_utc().timestamp_millis())
    }

    fn touch(id: Id, contact: Id) -> Touchpoint {
        Touchpoint {
            id,
            contact,
            date: today(),
            kind: TouchKind::Call,
            direction: Direction::Neutral,
            note: String::new(),
            imported: None,
            created: now(),
            updated: now(),
        }
    }

    #[test]
    fn every_demo_record_points_at_a_demo_record_that_exists() {
        let d = demo_data(today(), now());
        assert_eq!(d.contacts.len(), 12);
        for c in d.contacts.values() {
            assert!(is_demo(c.id));
            assert_eq!(c.tags, vec![DEMO_TAG]);
            assert!(c.created <= now());
        }
        for t in d.touchpoints.values() {
            assert!(is_demo(t.id) && d.contacts.contains_key(&t.contact));
            assert!(t.date <= today());
        }
        for a in d.asks.values() {
            assert!(is_demo(a.id) && d.contacts.contains_key(&a.contact));
            assert!(a.goal.is_some_and(|g| d.goals.contains_key(&g)));
        }
        for r in d.referrals.values() {
            assert!(is_demo(r.id) && d.contacts.contains_key(&r.referred_by));
            assert!(r.ask.is_some_and(|a| d.asks.contains_key(&a)));
            assert!(r.goal.is_some_and(|g| d.goals.contains_key(&g)));
        }
        for l in d.links.values() {
            assert!(is_demo(l.id) && d.contacts.contains_key(&l.from));
            if let Person::Contact(to) = &l.to {
                assert!(d.contacts.contains_key(to));
            }
        }
        assert!(d.goals.keys().all(|g| is_demo(*g)));
        assert!(!d.profile.is_set_up(), "the demo never brings a profile of its own");
        assert_eq!(d, demo_data(today(), now()), "the same call gives the same records");
    }

    #[test]
    fn the_demo_shows_cold_contacts_warm_paths_and_a_fresh_referral() {
        let d = demo_data(today(), now());
        let cold = going_cold(&d, today());
        assert!(cold.len() >= 3, "some contacts are going cold: {}", cold.len());
        assert!(cold.len() < d.contacts.len(), "and some are not");

        let goal = d.goals.values().next().expect("one goal");
        assert_eq!(goal.kind, GoalKind::Targeted);
        let paths = paths_into(&d, &goal.company);
        assert_eq!(paths.direct.len(), 1);
        assert_eq!(
            paths.second_degree.len(),
            2,
            "one via a named person, one via a contact"
        );

        let referral = d.referrals.values().next().expect("one referral");
        assert_eq!(referral.stage, Stage::New);
        assert!(now().millis() - referral.referred_at.millis() < 86_400_000);
        assert_eq!(d.asks.len(), 1);
    }

    #[test]
    fn the_users_own_ids_are_never_taken_for_demo_ones() {
        for _ in 0..1_000 {
            assert!(!is_demo(Id::new_v4()));
        }
        assert!(!is_demo(Id::from_u128(7)));
        assert!(is_demo(demo_id(Kind::Referral, 1)));
    }

    #[test]
    fn removing_the_demo_leaves_the_users_own_records_and_only_those() {
        let mut d = demo_data(today(), now());
        let demo_contact = *d.contacts.keys().next().expect("demo contacts");
        let demo_goal = *d.goals.keys().next().expect("a demo goal");
        let mine = Id::from_u128(1);
        let mut me = Contact::new(mine, "My own contact", now());
        me.tags = vec![DEMO_TAG.into()];
        d.contacts.insert(mine, me);
        d.touchpoints.insert(Id::from_u128(2), touch(Id::from_u128(2), mine));
        // Logged by the user on a demo contact: goes with it.
        d.touchpoints
            .insert(Id::from_u128(3), touch(Id::from_u128(3), demo_contact));
        let link = KnowsLink {
            id: Id::from_u128(4),
            from: mine,
            to: Person::Contact(demo_contact),
            strength: Score::new(2),
            note: String::new(),
            created: now(),
            updated: now(),
        };
        d.links.insert(link.id, link);
        let mut ask = Ask::new(
            Id::from_u128(5),
            mine,
            AskKind::KeepMeInMind,
            Channel::Email,
            today(),
            now(),
        );
        ask.goal = Some(demo_goal);
        d.asks.insert(ask.id, ask);
        let mut referral = Referral::new(Id::from_u128(6), "Someone", mine, now());
        referral.goal = Some(demo_goal);
        referral.updates_sent.push(UpdateSent {
            to: demo_contact,
            stage: Stage::Offer,
            on: today(),
        });
        d.referrals.insert(referral.id, referral);

        let removal = remove_demo(&d);
        assert!(removal.removed.touchpoints.contains(&Id::from_u128(3)));
        assert!(removal.removed.links.contains(&Id::from_u128(4)));
        removal.apply(&mut d);

        assert_eq!(
            d.contacts.keys().collect::<Vec<_>>(),
            vec![&mine],
            "kept by id, whatever its tag"
        );
        assert_eq!(d.touchpoints.keys().collect::<Vec<_>>(), vec![&Id::from_u128(2)]);
        assert!(d.links.is_empty() && d.goals.is_empty());
        assert_eq!(d.asks[&Id::from_u128(5)].goal, None);
        let r = &d.referrals[&Id::from_u128(6)];
        assert_eq!((r.goal, r.updates_sent.len()), (None, 0));
        assert!(remove_demo(&d).is_empty(), "nothing demo is left");
    }
}
