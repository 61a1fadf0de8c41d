//! Small builders for the network tests: a `World` to which contacts, touches, asks and links are
//! added in a line each, so a test reads as the situation it sets up.

use crate::model::{
    Ask, AskKind, Channel, Contact, Data, Direction, Id, KnowsLink, Person, Relationship, Score, Stamp, TouchKind,
    Touchpoint,
};
use chrono::NaiveDate;

/// A date written as "YYYY-MM-DD".
pub(crate) fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("test dates are written as YYYY-MM-DD")
}

/// Noon UTC on a day, as a stamp.
pub(crate) fn stamp(s: &str) -> Stamp {
    let noon = day(s).and_hms_opt(12, 0, 0).expect("noon exists on every day");
    Stamp::from_millis(noon.and_utc().timestamp_millis())
}

/// The day every test contact was added on, unless a test says otherwise.
pub(crate) const ADDED: &str = "2025-01-01";

pub(crate) struct World {
    pub data: Data,
    next: u128,
}

impl World {
    pub fn new() -> Self {
        World {
            data: Data::default(),
            next: 1,
        }
    }

    fn id(&mut self) -> Id {
        self.next += 1;
        Id::from_u128(self.next)
    }

    /// A contact with nothing judged, as an import leaves it.
    pub fn contact(&mut self, name: &str) -> Id {
        let id = self.id();
        self.data.contacts.insert(id, Contact::new(id, name, stamp(ADDED)));
        id
    }

    /// A contact with know / like / trust set and whether they know the user's work.
    pub fn judged(&mut self, name: &str, know: u8, like: u8, trust: u8, knows_my_work: bool) -> Id {
        let id = self.contact(name);
        self.edit(id, |c| {
            c.know = Score::new(know);
            c.like = Score::new(like);
            c.trust = Score::new(trust);
            c.knows_my_work = knows_my_work;
            c.relationship = Relationship::FormerColleague;
        });
        id
    }

    /// A contact the user knows, likes and trusts fully, who knows their work.
    pub fn strong(&mut self, name: &str) -> Id {
        self.judged(name, 4, 4, 4, true)
    }

    pub fn edit(&mut self, id: Id, change: impl FnOnce(&mut Contact)) {
        change(self.data.contacts.get_mut(&id).expect("tests edit contacts they added"));
    }

    pub fn contact_ref(&self, id: Id) -> &Contact {
        &self.data.contacts[&id]
    }

    pub fn touch(&mut self, contact: Id, on: &str, kind: TouchKind) -> Id {
        let id = self.id();
        self.data.touchpoints.insert(
            id,
            Touchpoint {
                id,
                contact,
                date: day(on),
                kind,
                direction: kind.default_direction(),
                note: String::new(),
                imported: None,
                created: stamp(on),
                updated: stamp(on),
            },
        );
        id
    }

    /// A touch in which the user gave something (shared an article).
    pub fn gave(&mut self, contact: Id, on: &str) -> Id {
        self.touch(contact, on, TouchKind::SharedSomething)
    }

    /// A referral ask, logged the way the app logs it: the ask and its `Ask` touchpoint.
    pub fn asked(&mut self, contact: Id, on: &str) -> Id {
        self.ask_of(contact, on, AskKind::Referral, None)
    }

    pub fn ask_of(&mut self, contact: Id, on: &str, kind: AskKind, goal: Option<Id>) -> Id {
        self.touch(contact, on, TouchKind::Ask);
        let id = self.id();
        self.data.asks.insert(
            id,
            Ask {
                goal,
                ..Ask::new(id, contact, kind, Channel::Email, day(on), stamp(on))
            },
        );
        id
    }

    pub fn link(&mut self, from: Id, to: Person, strength: u8) -> Id {
        let id = self.id();
        self.data.links.insert(
            id,
            KnowsLink {
                id,
                from,
                to,
                strength: Score::new(strength),
                note: String::new(),
                created: stamp(ADDED),
                updated: stamp(ADDED),
            },
        );
        id
    }

    pub fn knows(&mut self, from: Id, to: Id, strength: u8) -> Id {
        self.link(from, Person::Contact(to), strength)
    }

    pub fn knows_named(&mut self, from: Id, name: &str, company: &str, role: &str, strength: u8) -> Id {
        let to = Person::Named {
            name: name.into(),
            company: company.into(),
            role: role.into(),
        };
        self.link(from, to, strength)
    }
}

/// A touchpoint's direction set by hand, for tests that override the kind's default.
pub(crate) fn set_direction(world: &mut World, touch: Id, direction: Direction) {
    world
        .data
        .touchpoints
        .get_mut(&touch)
        .expect("tests edit touches they added")
        .direction = direction;
}
