//! How strong the user's tie to a contact is, from their own know / like / trust judgements.
//! A tie is only as strong as its weakest side: someone you know well but do not trust is not a
//! strong backer, and a side not judged yet counts as nothing, so the app asks the user to judge it.

use crate::model::{Contact, Score};

/// The tie at or above which a contact is strong enough to ask directly (3 of 4 on every side).
pub const STRONG_TIE: u8 = 3;

/// The weakest of know, like and trust; 0 when any of them is not judged yet.
pub fn tie(contact: &Contact) -> Score {
    contact.know.min(contact.like).min(contact.trust)
}

pub fn is_strong(contact: &Contact) -> bool {
    tie(contact).get() >= STRONG_TIE
}

/// Whether the user has said anything at all about this contact: any of know / like / trust,
/// or that they know the user's work. Imported contacts start unjudged.
pub fn is_judged(contact: &Contact) -> bool {
    !(contact.know.is_unset() && contact.like.is_unset() && contact.trust.is_unset()) || contact.knows_my_work
}

/// A short account of a tie that is not strong yet, naming the sides that hold it back.
pub(crate) fn describe_loose(contact: &Contact) -> String {
    if contact.know.is_unset() && contact.like.is_unset() && contact.trust.is_unset() {
        return "You haven't judged how well you know, like and trust them yet".into();
    }
    let side = |label: &str, s: Score| {
        if s.is_unset() {
            format!("{label} not judged")
        } else {
            format!("{label} {}/{}", s.get(), Score::MAX)
        }
    };
    format!(
        "A loose tie so far ({}, {}, {})",
        side("know", contact.know),
        side("like", contact.like),
        side("trust", contact.trust)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::network::fixtures::World;

    #[test]
    fn a_tie_is_as_strong_as_its_weakest_side() {
        let mut w = World::new();
        let ana = w.judged("Ana", 4, 4, 2, true);
        assert_eq!(tie(w.contact_ref(ana)).get(), 2);
        assert!(!is_strong(w.contact_ref(ana)));
        let bram = w.judged("Bram", 3, 4, 3, false);
        assert!(is_strong(w.contact_ref(bram)));
    }

    #[test]
    fn a_side_not_judged_keeps_the_tie_weak() {
        let mut w = World::new();
        let ana = w.judged("Ana", 4, 4, 0, true);
        assert_eq!(tie(w.contact_ref(ana)), Score::UNSET);
        assert_eq!(
            describe_loose(w.contact_ref(ana)),
            "A loose tie so far (know 4/4, like 4/4, trust not judged)"
        );
    }

    #[test]
    fn an_imported_contact_is_unjudged_until_the_user_says_something() {
        let mut w = World::new();
        let ana = w.contact("Ana");
        assert!(!is_judged(w.contact_ref(ana)));
        w.edit(ana, |c| c.knows_my_work = true);
        assert!(is_judged(w.contact_ref(ana)));
    }
}
