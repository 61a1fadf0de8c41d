//! Which ask fits the situation (DOMAIN.md rules 5 and 6): a weak or cold tie gets a softer first
//! step, a second-degree path goes through the mutual contact, and only a strong tie is asked for a
//! referral. The input is deliberately small so that a readiness verdict can be mapped onto it.

use super::brief::MessageKind;
use crate::model::{AskKind, Score};

/// How the user reaches the goal through this contact.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Path {
    /// The contact works at the target company.
    Direct,
    /// The contact knows someone at the target company; `mutual` is the contact's name.
    SecondDegree { mutual: String },
    /// No target company: a general goal.
    General,
}

/// How strong the user's tie to the person being asked is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Tie {
    Strong,
    Weak,
    Cold,
}

impl Tie {
    /// A simple reading of know / like / trust: all three judged and averaging 3 or more is strong,
    /// averaging 2 or more is weak, anything less (or nothing judged) is cold.
    pub fn from_scores(know: Score, like: Score, trust: Score) -> Tie {
        let scores = [know, like, trust];
        let sum: u32 = scores.iter().map(|s| u32::from(s.get())).sum();
        if scores.iter().all(|s| !s.is_unset()) && sum >= 9 {
            Tie::Strong
        } else if sum >= 6 {
            Tie::Weak
        } else {
            Tie::Cold
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Situation {
    pub path: Path,
    pub tie: Tie,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Recommendation {
    pub ask: AskKind,
    /// The message that carries the ask.
    pub message: MessageKind,
    /// One sentence on why, for the screen.
    pub reason: String,
}

pub fn recommend(situation: &Situation) -> Recommendation {
    let (ask, reason) = match (&situation.tie, &situation.path) {
        (Tie::Cold, _) => (
            AskKind::CatchUp,
            "The tie is cold, so start with a catch-up note and build the bond before asking for anything.".to_string(),
        ),
        (Tie::Weak, Path::General) => (
            AskKind::CatchUp,
            "The tie is weak: a catch-up first gives them a reason to think of you later.".to_string(),
        ),
        (Tie::Weak, Path::SecondDegree { mutual }) => (
            AskKind::LunchInvitation,
            format!(
                "Your tie with {} is still weak: invite them for coffee or lunch before asking for an introduction.",
                name_or(mutual, "the mutual contact")
            ),
        ),
        (Tie::Weak, Path::Direct) => (
            AskKind::LunchInvitation,
            "The tie is weak: a coffee or lunch builds the bond before a referral request.".to_string(),
        ),
        (Tie::Strong, Path::SecondDegree { mutual }) => (
            AskKind::WarmIntroduction,
            format!(
                "Ask {} how well they know the person and whether they would introduce you: a warm introduction is \
                 a lower-pressure ask than a referral.",
                name_or(mutual, "the mutual contact")
            ),
        ),
        (Tie::Strong, Path::Direct) => (
            AskKind::Referral,
            "They know you well and work at the company: ask for a referral for the specific role.".to_string(),
        ),
        (Tie::Strong, Path::General) => (
            AskKind::KeepMeInMind,
            "They know you well, and the goal is general: ask them to keep you in mind for roles like it.".to_string(),
        ),
    };
    Recommendation {
        ask,
        message: MessageKind::for_ask(ask),
        reason,
    }
}

fn name_or<'a>(name: &'a str, fallback: &'a str) -> &'a str {
    if name.trim().is_empty() {
        fallback
    } else {
        name.trim()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ask_for(path: Path, tie: Tie) -> AskKind {
        recommend(&Situation { path, tie }).ask
    }

    fn second(name: &str) -> Path {
        Path::SecondDegree {
            mutual: name.to_string(),
        }
    }

    #[test]
    fn a_second_degree_path_through_a_strong_tie_asks_for_a_warm_introduction() {
        let r = recommend(&Situation {
            path: second("Ana"),
            tie: Tie::Strong,
        });
        assert_eq!(r.ask, AskKind::WarmIntroduction);
        assert_eq!(r.message, MessageKind::WarmIntroduction);
        assert!(r.reason.contains("Ask Ana how well they know"));
    }

    #[test]
    fn a_strong_tie_at_the_company_is_asked_for_a_referral() {
        assert_eq!(ask_for(Path::Direct, Tie::Strong), AskKind::Referral);
    }

    #[test]
    fn a_strong_tie_with_a_general_goal_is_asked_to_keep_me_in_mind() {
        assert_eq!(ask_for(Path::General, Tie::Strong), AskKind::KeepMeInMind);
    }

    #[test]
    fn a_weak_tie_gets_lunch_or_a_catch_up_never_a_request() {
        assert_eq!(ask_for(Path::Direct, Tie::Weak), AskKind::LunchInvitation);
        assert_eq!(ask_for(second("Bram"), Tie::Weak), AskKind::LunchInvitation);
        assert_eq!(ask_for(Path::General, Tie::Weak), AskKind::CatchUp);
    }

    #[test]
    fn a_cold_tie_gets_a_catch_up_note_whatever_the_path() {
        for path in [Path::Direct, second("Chloé"), Path::General] {
            let r = recommend(&Situation { path, tie: Tie::Cold });
            assert_eq!(r.ask, AskKind::CatchUp);
            assert_eq!(r.message, MessageKind::CatchUp);
            assert!(r.reason.contains("build the bond"));
        }
    }

    #[test]
    fn every_reason_is_one_sentence() {
        for tie in [Tie::Strong, Tie::Weak, Tie::Cold] {
            for path in [Path::Direct, second("Ana"), second(""), Path::General] {
                let reason = recommend(&Situation { path, tie }).reason;
                assert!(reason.ends_with('.'));
                assert_eq!(reason.matches(". ").count(), 0, "{reason}");
            }
        }
    }

    #[test]
    fn a_tie_is_strong_only_when_all_three_judgements_are_high() {
        let s = |k, l, t| Tie::from_scores(Score::new(k), Score::new(l), Score::new(t));
        assert_eq!(s(3, 3, 3), Tie::Strong);
        assert_eq!(s(4, 4, 0), Tie::Weak);
        assert_eq!(s(2, 2, 2), Tie::Weak);
        assert_eq!(s(1, 2, 1), Tie::Cold);
        assert_eq!(s(0, 0, 0), Tie::Cold);
    }
}
