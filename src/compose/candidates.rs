//! Whom the "Who" step offers for a goal, ranked: the contacts at a targeted goal's company, those
//! who know someone there, or the backers a general goal fits, each list ready-first, with the path
//! that leads from each to the goal.

use super::brief::Introducee;
use super::recommend::{Path, Tie};
use crate::model::{Contact, Data, Goal, GoalKind, Id, Person};
use crate::network::{backers, fold, paths_into, readiness, NextStep, Readiness, Verdict};
use chrono::NaiveDate;

/// How many people each list of the "Who" step shows: enough to choose from, few enough to read.
pub const CANDIDATES_SHOWN: usize = 12;

/// How a candidate leads to the goal.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    /// Works at the target company.
    Direct,
    /// Knows `to`, who works there: ask them for an introduction. `strength` is the weaker of
    /// the two ties, 0 to 4.
    Via { to: Introducee, strength: u8 },
    /// A general goal: what fits about them ("works in Logistics", "in Rotterdam").
    General { fits: Vec<String> },
    /// Chosen by the user (from the contact's page) with no path the network knows of.
    Chosen,
}

/// One person the "Who" step offers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Candidate {
    pub contact: Id,
    pub name: String,
    /// "Planner at Maersk".
    pub headline: String,
    pub route: Route,
    pub readiness: Readiness,
    pub tie: Tie,
}

impl Candidate {
    /// Identifies a row: the same contact may lead to two people at the company.
    pub fn key(&self) -> String {
        match &self.route {
            Route::Via { to, .. } => format!("{}:{}", self.contact, to.name),
            _ => self.contact.to_string(),
        }
    }

    /// "Warm up first: Invite them for coffee or lunch", when the tie is not ready for an ask.
    /// Such a person is offered, never hidden, with the softer step.
    pub fn warm_up(&self) -> Option<String> {
        (self.readiness.verdict != Verdict::Ready).then(|| self.readiness.next_step.label())
    }

    /// The path in words: "Works at Maersk", "Knows Carla Chen (Head of Planning)".
    pub fn route_text(&self, company: &str) -> String {
        match &self.route {
            Route::Direct => format!("Works at {company}"),
            Route::Via { to, .. } if to.role.trim().is_empty() => format!("Knows {} at {company}", to.name),
            Route::Via { to, .. } => format!("Knows {} ({}) at {company}", to.name, to.role),
            Route::General { fits } if fits.is_empty() => "One of your backers".to_string(),
            Route::General { fits } => fits.join(" · "),
            Route::Chosen => "Chosen by you".to_string(),
        }
    }

    pub(super) fn path(&self) -> Path {
        match &self.route {
            Route::Direct => Path::Direct,
            Route::Via { .. } => Path::SecondDegree {
                mutual: self.name.clone(),
            },
            Route::General { .. } | Route::Chosen => Path::General,
        }
    }
}

/// The tie as the recommendation sees it. Readiness has the last word on a tie that is not ready,
/// so the step the "Who" list offers and the ask "What" preselects agree: a catch-up note reads as
/// a cold tie, a coffee or lunch as a weak one.
fn tie_for_ask(contact: &Contact, readiness: &Readiness) -> Tie {
    let judged = Tie::from_scores(contact.know, contact.like, contact.trust);
    match (readiness.verdict, &readiness.next_step) {
        (Verdict::WarmUpFirst, NextStep::CatchUpNote) => Tie::Cold,
        (Verdict::WarmUpFirst, _) => Tie::Weak,
        (Verdict::Ready, _) => Tie::Strong,
        (Verdict::GoThroughSomeoneElse, _) => judged,
    }
}

fn candidate(data: &Data, contact: &Contact, goal: &Goal, route: Route, today: NaiveDate) -> Candidate {
    let readiness = readiness(contact, data, Some(goal), today);
    Candidate {
        contact: contact.id,
        name: contact.name.clone(),
        headline: contact.headline(),
        tie: tie_for_ask(contact, &readiness),
        route,
        readiness,
    }
}

/// Ready first, keeping the network's own order (strongest path, best backer) within each.
fn ready_first(mut list: Vec<Candidate>) -> Vec<Candidate> {
    crate::sort::sort_by_key(&mut list, |c| c.readiness.verdict != Verdict::Ready);
    list.truncate(CANDIDATES_SHOWN);
    list
}

/// Whom the user could ask for `goal`. A targeted goal: the contacts at the company (`direct`),
/// then those who know someone there (`second`), each list ready-first. A general goal: backers
/// whose industry, place or role fits (`general`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Candidates {
    pub direct: Vec<Candidate>,
    pub second: Vec<Candidate>,
    pub general: Vec<Candidate>,
}

impl Candidates {
    pub fn is_empty(&self) -> bool {
        self.direct.is_empty() && self.second.is_empty() && self.general.is_empty()
    }

    pub fn iter(&self) -> impl Iterator<Item = &Candidate> {
        self.direct.iter().chain(&self.second).chain(&self.general)
    }
}

pub fn candidates(data: &Data, goal: &Goal, today: NaiveDate) -> Candidates {
    if goal.kind == GoalKind::Targeted {
        let paths = paths_into(data, &goal.company);
        let direct = paths
            .direct
            .iter()
            .filter_map(|p| data.contacts.get(&p.contact))
            .map(|c| candidate(data, c, goal, Route::Direct, today))
            .collect();
        let second = paths
            .second_degree
            .iter()
            .filter_map(|p| {
                let via = data.contacts.get(&p.via)?;
                let company = match &p.to {
                    Person::Named { company, .. } => company.clone(),
                    Person::Contact(id) => data.contacts.get(id).map(|c| c.company.clone()).unwrap_or_default(),
                };
                let to = Introducee {
                    name: p.to_name.clone(),
                    company,
                    role: p.to_role.clone(),
                };
                let route = Route::Via {
                    to,
                    strength: p.strength.get(),
                };
                Some(candidate(data, via, goal, route, today))
            })
            .collect();
        return Candidates {
            direct: ready_first(direct),
            second: ready_first(second),
            general: Vec::new(),
        };
    }
    let general = backers(data, today)
        .into_iter()
        .filter_map(|b| data.contacts.get(&b.contact))
        .filter_map(|c| {
            let fits = fits_general(c, goal);
            let open = goal.industry.trim().is_empty() && goal.locations.is_empty() && goal.roles.is_empty();
            (open || !fits.is_empty()).then(|| candidate(data, c, goal, Route::General { fits }, today))
        })
        .take(CANDIDATES_SHOWN * 4)
        .collect();
    Candidates {
        general: ready_first(general),
        ..Candidates::default()
    }
}

/// What makes a contact a fit for a general goal, in short phrases; empty when nothing does.
/// Compared folded and by containment, so "logistics" fits "Logistics & supply chain".
fn fits_general(contact: &Contact, goal: &Goal) -> Vec<String> {
    let near = |a: &str, b: &str| {
        let (a, b) = (fold(a.trim()), fold(b.trim()));
        !a.is_empty() && !b.is_empty() && (a.contains(&b) || b.contains(&a))
    };
    let mut fits = Vec::new();
    if near(&contact.industry, &goal.industry) {
        fits.push(format!("Works in {}", contact.industry.trim()));
    }
    if let Some(place) = goal.locations.iter().find(|l| near(&contact.location, l)) {
        fits.push(format!("Based in {}", place.trim()));
    }
    if goal.roles.iter().any(|r| near(&contact.role, r)) {
        fits.push(format!("Works as {}", contact.role.trim()));
    }
    fits
}

/// The route to `contact` for `goal` when the user picked them directly: the path the network
/// knows of if there is one, else `Chosen`.
pub fn route_for(data: &Data, goal: &Goal, contact: Id, today: NaiveDate) -> Option<Candidate> {
    route_among(&candidates(data, goal, today), data, goal, contact, today)
}

/// `route_for` with the candidates already worked out, so callers that hold them (the "Who"
/// step, `AskPlan::candidate`) do not rank the whole network a second time.
pub(super) fn route_among(
    found: &Candidates,
    data: &Data,
    goal: &Goal,
    contact: Id,
    today: NaiveDate,
) -> Option<Candidate> {
    let person = data.contacts.get(&contact)?;
    if let Some(c) = found.iter().find(|c| c.contact == contact) {
        return Some(c.clone());
    }
    let route = if goal.kind == GoalKind::General {
        Route::General {
            fits: fits_general(person, goal),
        }
    } else {
        Route::Chosen
    };
    Some(candidate(data, person, goal, route, today))
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;
    use crate::model::{Profile, TouchKind};
    use crate::network::fixtures::{day, stamp, World};

    pub(in crate::compose) const TODAY: &str = "2025-06-01";

    pub(in crate::compose) fn today() -> NaiveDate {
        day(TODAY)
    }

    pub(in crate::compose) fn goal(world: &mut World, kind: GoalKind, company: &str) -> Id {
        let id = Id::from_u128(9_000 + world.data.goals.len() as u128);
        let mut goal = Goal::new(id, stamp("2025-05-01"));
        goal.kind = kind;
        goal.company = company.into();
        goal.roles = vec!["Operations analyst".into()];
        goal.industry = "Logistics".into();
        goal.locations = vec!["Rotterdam".into()];
        goal.pitch = vec!["cut warehouse costs 12%".into(), "SQL and forecasting".into()];
        world.data.goals.insert(id, goal);
        id
    }

    fn profile() -> Profile {
        Profile {
            name: "Sam Jansen".into(),
            headline: "Operations analyst".into(),
            skills: vec!["SQL".into(), "Forecasting".into(), "Lean".into(), "Python".into()],
            resume_url: "https://example.org/cv".into(),
            signature: "Sam".into(),
            updated: None,
        }
    }

    /// A world with a targeted goal at Maersk: Ana works there (strong, in touch), Bram works there
    /// (barely known), Chloé knows Dirk at Maersk and is a strong tie.
    pub(in crate::compose) fn maersk() -> (World, Id, [Id; 3]) {
        let mut w = World::new();
        w.data.profile = profile();
        let g = goal(&mut w, GoalKind::Targeted, "Maersk");
        let ana = w.strong("Ana de Vries");
        w.edit(ana, |c| {
            c.company = "Maersk".into();
            c.shared = vec!["the port digitisation project".into()];
        });
        w.touch(ana, "2025-05-20", TouchKind::Call);
        let bram = w.judged("Bram Bakker", 1, 2, 1, false);
        w.edit(bram, |c| c.company = "MAERSK".into());
        let chloe = w.strong("Chloé Martin");
        w.touch(chloe, "2025-05-25", TouchKind::CoffeeOrLunch);
        w.knows_named(chloe, "Dirk Vos", "Maersk", "Head of Planning", 3);
        (w, g, [ana, bram, chloe])
    }

    #[test]
    fn a_targeted_goal_lists_direct_contacts_then_second_degree_paths() {
        let (w, g, [ana, bram, chloe]) = maersk();
        let found = candidates(&w.data, &w.data.goals[&g], today());
        let direct: Vec<Id> = found.direct.iter().map(|c| c.contact).collect();
        assert_eq!(direct, vec![ana, bram]);
        assert_eq!(found.second.len(), 1);
        assert_eq!(found.second[0].contact, chloe);
        assert_eq!(
            found.second[0].route_text("Maersk"),
            "Knows Dirk Vos (Head of Planning) at Maersk"
        );
        assert!(found.general.is_empty());
    }

    #[test]
    fn a_weak_tie_is_offered_marked_warm_up_first_with_the_softer_step() {
        let (w, g, [ana, bram, _]) = maersk();
        let found = candidates(&w.data, &w.data.goals[&g], today());
        let ana = found.iter().find(|c| c.contact == ana).unwrap();
        let bram = found.iter().find(|c| c.contact == bram).unwrap();
        assert_eq!(ana.warm_up(), None);
        let step = bram.warm_up().expect("a weak tie is marked");
        assert!(step.contains("coffee or lunch") || step.contains("catch-up"), "{step}");
        assert!(!bram.readiness.reasons.is_empty());
    }

    #[test]
    fn a_general_goal_offers_backers_whose_industry_place_or_role_fits() {
        let mut w = World::new();
        w.data.profile = profile();
        let g = goal(&mut w, GoalKind::General, "");
        let fits = w.strong("Eva");
        w.edit(fits, |c| c.industry = "Logistics & supply chain".into());
        let place = w.judged("Femke", 3, 3, 3, true);
        w.edit(place, |c| c.location = "rotterdam".into());
        let other = w.strong("Gijs");
        w.edit(other, |c| c.industry = "Banking".into());
        let found = candidates(&w.data, &w.data.goals[&g], today());
        let ids: Vec<Id> = found.general.iter().map(|c| c.contact).collect();
        assert!(ids.contains(&fits) && ids.contains(&place));
        assert!(!ids.contains(&other));
        let eva = found.general.iter().find(|c| c.contact == fits).unwrap();
        assert_eq!(eva.route_text(""), "Works in Logistics & supply chain");
    }
}
