//! The two-names rule (DOMAIN.md rule 8): ask a contact for one or two names, never more. Asking the
//! same contact for names a third time for the same goal earns a warning, unless they volunteered.

use crate::model::{AskKind, Data, Id};

/// A warning to show before asking `contact` for names again for `goal`, or `None` when the ask is
/// fine: fewer than two earlier requests for names, or the contact once offered more on their own.
pub fn names_ask_warning(data: &Data, contact: Id, goal: Option<Id>) -> Option<String> {
    let earlier: Vec<_> = data
        .asks
        .values()
        .filter(|a| a.contact == contact && a.goal == goal && a.kind == AskKind::PeopleToTalkTo)
        .collect();
    if earlier.len() < 2 || earlier.iter().any(|a| a.volunteered) {
        return None;
    }
    let name = data
        .contacts
        .get(&contact)
        .map(|c| c.name.trim())
        .filter(|n| !n.is_empty())
        .unwrap_or("this contact");
    Some(format!(
        "You have already asked {name} for names {} times for this goal. A third request leans on one person too \
         much: thank them, report progress, or ask someone else.",
        earlier.len()
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Ask, Channel, Contact, Outcome, Stamp};
    use chrono::NaiveDate;

    const ANA: Id = Id::from_u128(1);
    const BRAM: Id = Id::from_u128(2);
    const GOAL: Id = Id::from_u128(10);
    const OTHER_GOAL: Id = Id::from_u128(11);

    fn data() -> Data {
        let mut data = Data::default();
        data.contacts
            .insert(ANA, Contact::new(ANA, "Ana de Vries", Stamp::from_millis(0)));
        data.contacts
            .insert(BRAM, Contact::new(BRAM, "Bram", Stamp::from_millis(0)));
        data
    }

    fn asked(data: &mut Data, contact: Id, goal: Option<Id>, kind: AskKind, volunteered: bool) {
        let id = Id::from_u128(100 + data.asks.len() as u128);
        data.asks.insert(
            id,
            Ask {
                goal,
                outcome: Outcome::Yes,
                volunteered,
                ..Ask::new(
                    id,
                    contact,
                    kind,
                    Channel::Email,
                    NaiveDate::from_ymd_opt(2025, 3, 1).expect("a valid date"),
                    Stamp::from_millis(0),
                )
            },
        );
    }

    #[test]
    fn a_first_and_second_ask_for_names_pass() {
        let mut data = data();
        assert_eq!(names_ask_warning(&data, ANA, Some(GOAL)), None);
        asked(&mut data, ANA, Some(GOAL), AskKind::PeopleToTalkTo, false);
        assert_eq!(names_ask_warning(&data, ANA, Some(GOAL)), None);
    }

    #[test]
    fn a_third_ask_for_names_for_the_same_goal_warns() {
        let mut data = data();
        asked(&mut data, ANA, Some(GOAL), AskKind::PeopleToTalkTo, false);
        asked(&mut data, ANA, Some(GOAL), AskKind::PeopleToTalkTo, false);
        let warning = names_ask_warning(&data, ANA, Some(GOAL)).expect("a third ask warns");
        assert!(warning.contains("Ana de Vries"), "{warning}");
        assert!(warning.contains("2 times"), "{warning}");
    }

    #[test]
    fn a_contact_who_volunteered_more_names_lifts_the_rule() {
        let mut data = data();
        asked(&mut data, ANA, Some(GOAL), AskKind::PeopleToTalkTo, true);
        asked(&mut data, ANA, Some(GOAL), AskKind::PeopleToTalkTo, false);
        asked(&mut data, ANA, Some(GOAL), AskKind::PeopleToTalkTo, false);
        assert_eq!(names_ask_warning(&data, ANA, Some(GOAL)), None);
    }

    #[test]
    fn other_goals_other_contacts_and_other_kinds_do_not_count() {
        let mut data = data();
        asked(&mut data, ANA, Some(OTHER_GOAL), AskKind::PeopleToTalkTo, false);
        asked(&mut data, ANA, None, AskKind::PeopleToTalkTo, false);
        asked(&mut data, BRAM, Some(GOAL), AskKind::PeopleToTalkTo, false);
        asked(&mut data, ANA, Some(GOAL), AskKind::Referral, false);
        asked(&mut data, ANA, Some(GOAL), AskKind::PeopleToTalkTo, false);
        assert_eq!(names_ask_warning(&data, ANA, Some(GOAL)), None);
    }
}
