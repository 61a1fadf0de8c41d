//! Warm paths into a target company (DOMAIN rule 5): contacts who work there, and contacts who
//! know someone there. For a second-degree path the ask goes to the mutual contact, for an
//! introduction, so each path names them.

use super::search::fold;
use super::tie::tie;
use crate::model::{Contact, Data, Id, Person, Score};

/// A company name as compared: folded, trimmed, inner spaces collapsed, so " MAERSK " and
/// "Mærsk" do not hide "Maersk". Legal suffixes ("B.V.", "Inc.") are not stripped: the user types
/// companies by hand and rarely adds them.
pub fn company_key(name: &str) -> String {
    fold(name).split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A contact who works at the company.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DirectPath {
    pub contact: Id,
    /// The user's tie to them; strongest first.
    pub tie: Score,
}

/// Me → `via` → someone at the company.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SecondDegreePath {
    /// The mutual contact: the one to ask for an introduction.
    pub via: Id,
    /// The person at the company: a contact of the user's, or someone known only by name.
    pub to: Person,
    /// The name and role of the person at the company, for display.
    pub to_name: String,
    pub to_role: String,
    /// The link that makes the path, so the screen can open or edit it.
    pub link: Id,
    /// The weaker of the user's tie to `via` and how well `via` knows the person: a path is only
    /// as warm as its coolest step.
    pub strength: Score,
    /// What to do, in the user's words: "Ask Bram de Vries to introduce you to Carla Chen".
    pub ask: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Paths {
    pub direct: Vec<DirectPath>,
    pub second_degree: Vec<SecondDegreePath>,
}

impl Paths {
    pub fn is_empty(&self) -> bool {
        self.direct.is_empty() && self.second_degree.is_empty()
    }
}

/// Every warm path into `company`, strongest first; ties broken by name and then id, so the order
/// is the same on every render. An empty company name has no paths.
pub fn paths_into(data: &Data, company: &str) -> Paths {
    let target = company_key(company);
    let at: Vec<Id> = data
        .contacts
        .values()
        .filter(|c| !target.is_empty() && company_key(&c.company) == target)
        .map(|c| c.id)
        .collect();
    paths_into_among(data, company, &at)
}

/// `paths_into` for a caller that already knows which contacts work at the company (the search
/// index does, `SearchIndex::at_company`): it saves folding 30,000 company names per keystroke.
pub fn paths_into_among(data: &Data, company: &str, at: &[Id]) -> Paths {
    let target = company_key(company);
    if target.is_empty() {
        return Paths::default();
    }
    let works_there = |c: &Contact| company_key(&c.company) == target;

    let mut direct: Vec<(DirectPath, String)> = at
        .iter()
        .filter_map(|id| data.contacts.get(id))
        .map(|c| {
            (
                DirectPath {
                    contact: c.id,
                    tie: tie(c),
                },
                fold(&c.name),
            )
        })
        .collect();
    crate::sort::sort_by(&mut direct, |(a, a_name), (b, b_name)| {
        b.tie
            .cmp(&a.tie)
            .then_with(|| a_name.cmp(b_name))
            .then_with(|| a.contact.cmp(&b.contact))
    });

    let mut second: Vec<(SecondDegreePath, Score, String, String)> = Vec::new();
    for link in data.links.values() {
        let Some(via) = data.contacts.get(&link.from) else {
            continue; // The mutual contact was deleted; the link leads nowhere.
        };
        let (to_name, to_role) = match &link.to {
            Person::Contact(id) if *id == via.id => continue,
            Person::Contact(id) => match data.contacts.get(id) {
                Some(c) if works_there(c) => (c.name.clone(), c.role.clone()),
                _ => continue,
            },
            Person::Named { name, company, role } if company_key(company) == target => (name.clone(), role.clone()),
            Person::Named { .. } => continue,
        };
        let my_tie = tie(via);
        let path = SecondDegreePath {
            via: via.id,
            to: link.to.clone(),
            ask: format!("Ask {} to introduce you to {}", via.name, to_name),
            to_name,
            to_role,
            link: link.id,
            strength: my_tie.min(link.strength),
        };
        second.push((path, my_tie, fold(&via.name), fold(&path_name(&link.to, data))));
    }
    crate::sort::sort_by(&mut second, |(a, a_tie, a_via, a_to), (b, b_tie, b_via, b_to)| {
        b.strength
            .cmp(&a.strength)
            .then_with(|| b_tie.cmp(a_tie))
            .then_with(|| a_via.cmp(b_via))
            .then_with(|| a_to.cmp(b_to))
            .then_with(|| a.link.cmp(&b.link))
    });

    Paths {
        direct: direct.into_iter().map(|(p, _)| p).collect(),
        second_degree: second.into_iter().map(|(p, ..)| p).collect(),
    }
}

fn path_name(person: &Person, data: &Data) -> String {
    match person {
        Person::Contact(id) => data.contacts.get(id).map(|c| c.name.clone()).unwrap_or_default(),
        Person::Named { name, .. } => name.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::network::fixtures::World;

    fn at(w: &mut World, id: Id, company: &str) {
        w.edit(id, |c| c.company = company.into());
    }

    fn direct_names(w: &World, paths: &Paths) -> Vec<String> {
        paths
            .direct
            .iter()
            .map(|p| w.contact_ref(p.contact).name.clone())
            .collect()
    }

    fn asks(paths: &Paths) -> Vec<(String, u8)> {
        paths
            .second_degree
            .iter()
            .map(|p| (p.ask.clone(), p.strength.get()))
            .collect()
    }

    #[test]
    fn company_names_match_ignoring_case_accents_and_spaces() {
        assert_eq!(company_key("  MAERSK  Line "), "maersk line");
        assert_eq!(company_key("Mærsk"), company_key("maersk"));
        assert_eq!(company_key("Nestlé"), "nestle");
    }

    #[test]
    fn direct_contacts_are_those_who_work_there_strongest_first() {
        let mut w = World::new();
        let weak = w.judged("Wen Chen", 2, 2, 2, false);
        at(&mut w, weak, "Maersk");
        let strong = w.strong("Sofia Rossi");
        at(&mut w, strong, " MAERSK");
        let elsewhere = w.strong("Emma Bakker");
        at(&mut w, elsewhere, "Maersk Drilling");
        let paths = paths_into(&w.data, "maersk");
        assert_eq!(direct_names(&w, &paths), vec!["Sofia Rossi", "Wen Chen"]);
        assert_eq!(paths.direct[0].tie.get(), 4);
    }

    #[test]
    fn a_mutual_contact_who_knows_a_named_person_there_is_a_path() {
        let mut w = World::new();
        let bram = w.strong("Bram de Vries");
        w.knows_named(bram, "Carla Chen", "Maersk", "Recruiter", 3);
        let paths = paths_into(&w.data, "Maersk");
        assert!(paths.direct.is_empty());
        assert_eq!(
            asks(&paths),
            vec![("Ask Bram de Vries to introduce you to Carla Chen".into(), 3)]
        );
        assert_eq!(paths.second_degree[0].via, bram);
        assert_eq!(paths.second_degree[0].to_role, "Recruiter");
    }

    #[test]
    fn a_mutual_contact_who_knows_a_contact_there_is_a_path() {
        let mut w = World::new();
        let bram = w.strong("Bram");
        let carla = w.contact("Carla");
        w.edit(carla, |c| {
            c.company = "Maersk".into();
            c.role = "Head of Logistics".into();
        });
        w.knows(bram, carla, 4);
        let paths = paths_into(&w.data, "maersk");
        assert_eq!(direct_names(&w, &paths), vec!["Carla"]);
        assert_eq!(asks(&paths), vec![("Ask Bram to introduce you to Carla".into(), 4)]);
        assert_eq!(paths.second_degree[0].to, Person::Contact(carla));
        assert_eq!(paths.second_degree[0].to_role, "Head of Logistics");
    }

    #[test]
    fn a_path_is_as_strong_as_its_weaker_step() {
        let mut w = World::new();
        // A close friend who barely knows someone there...
        let friend = w.strong("Farah");
        w.knows_named(friend, "Pim", "Maersk", "", 1);
        // ...is a weaker path than a fair tie who knows someone there well.
        let fair = w.judged("Gustavo", 3, 3, 3, false);
        w.knows_named(fair, "Quinn", "Maersk", "", 4);
        // An unjudged contact makes a path of strength 0, still listed, last.
        let unknown = w.contact("Ivan");
        w.knows_named(unknown, "Rafael", "maersk", "", 4);
        let paths = paths_into(&w.data, "Maersk");
        assert_eq!(
            asks(&paths),
            vec![
                ("Ask Gustavo to introduce you to Quinn".into(), 3),
                ("Ask Farah to introduce you to Pim".into(), 1),
                ("Ask Ivan to introduce you to Rafael".into(), 0),
            ]
        );
    }

    #[test]
    fn equally_strong_paths_prefer_the_closer_mutual_contact() {
        let mut w = World::new();
        let fair = w.judged("Ana", 3, 3, 3, false);
        w.knows_named(fair, "Pim", "Maersk", "", 2);
        let close = w.strong("Zoë");
        w.knows_named(close, "Quinn", "Maersk", "", 2);
        let paths = paths_into(&w.data, "Maersk");
        assert_eq!(paths.second_degree[0].via, close);
    }

    #[test]
    fn people_at_other_companies_are_not_paths() {
        let mut w = World::new();
        let bram = w.strong("Bram");
        w.knows_named(bram, "Pim", "Adyen", "", 4);
        w.knows_named(bram, "Nameless", "", "", 4);
        let carla = w.contact("Carla");
        w.knows(bram, carla, 4);
        assert!(paths_into(&w.data, "Maersk").is_empty());
    }

    #[test]
    fn an_empty_company_has_no_paths() {
        let mut w = World::new();
        let bram = w.strong("Bram");
        w.knows_named(bram, "Pim", "", "", 4);
        assert!(paths_into(&w.data, "  ").is_empty());
    }

    #[test]
    fn a_link_from_a_deleted_contact_is_skipped() {
        let mut w = World::new();
        let bram = w.strong("Bram");
        w.knows_named(bram, "Pim", "Maersk", "", 4);
        w.data.contacts.remove(&bram);
        assert!(paths_into(&w.data, "Maersk").is_empty());
    }
}
