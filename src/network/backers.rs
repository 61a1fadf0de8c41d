//! Who can vouch for the user (DOMAIN rule 3, quality over quantity): contacts ranked by the
//! user's own judgements, how recently they were in touch and the give/ask balance, each with a
//! one-line reason a person can check at a glance.

use super::activity::Activity;
use super::balance::Balance;
use super::cadence::KeepInTouch;
use super::search::fold;
use super::tie::{is_judged, STRONG_TIE};
use super::words::{ago, times};
use crate::model::{Contact, Data, Id};
use chrono::NaiveDate;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Backer {
    pub contact: Id,
    /// 0 to 100; see `backer_score` for what makes it up.
    pub score: u8,
    /// "trusts you, knows your work, last in touch 3 weeks ago".
    pub explanation: String,
}

/// How ready a contact is to vouch, from 0 to 100. Trust weighs most, since a referral puts the
/// referrer's name on the line; knowing the user's work comes next, since a referral is not a
/// reference. The parts:
///
/// - trust 7 per point (28), know 5 per point (20), like 4 per point (16);
/// - knows the user's work: 16, whether the user said so or the contact wrote them a LinkedIn
///   recommendation; endorsed some of their skills (a lighter sign): 8;
/// - in touch within the cadence: 12, within two cadences: 6, longer or never logged: 0 (the day
///   a contact was added is not a conversation, so it earns no recency);
/// - the balance: something given and not leaning on asking 8, nothing either way 4, leaning on
///   asking 0.
pub fn backer_score(contact: &Contact, data: &Data, today: NaiveDate) -> u8 {
    score(contact, &Activity::of(contact.id, data), today)
}

fn score(contact: &Contact, activity: &Activity, today: NaiveDate) -> u8 {
    let judgements = 7 * contact.trust.get() + 5 * contact.know.get() + 4 * contact.like.get();
    let work = if contact.knows_my_work || !contact.recommendation.is_empty() {
        16
    } else if !contact.endorsed.is_empty() {
        8
    } else {
        0
    };
    let clock = KeepInTouch::from_activity(contact, activity);
    let cadence = i64::from(clock.cadence_days);
    let recency = match clock.days_since(today) {
        _ if !clock.touched => 0,
        days if days <= cadence => 12,
        days if days <= 2 * cadence => 6,
        _ => 0,
    };
    let balance = Balance::from_activity(activity);
    let give = if balance.leans_on_asking() {
        0
    } else if balance.gave > 0 {
        8
    } else {
        4
    };
    judgements + work + recency + give
}

fn explain(contact: &Contact, activity: &Activity, today: NaiveDate) -> String {
    let strong = |s: crate::model::Score| s.get() >= STRONG_TIE;
    let mut parts: Vec<String> = Vec::new();
    parts.push(
        match (strong(contact.know), strong(contact.like), strong(contact.trust)) {
            (true, true, true) => "knows, likes and trusts you".into(),
            (know, like, trust) => {
                let sides: Vec<&str> = [(know, "knows you well"), (like, "likes you"), (trust, "trusts you")]
                    .into_iter()
                    .filter_map(|(yes, words)| yes.then_some(words))
                    .collect();
                if sides.is_empty() {
                    "a loose tie so far".into()
                } else {
                    sides.join(", ")
                }
            }
        },
    );
    if !contact.recommendation.is_empty() {
        parts.push("recommended you on LinkedIn".into());
    } else if contact.knows_my_work {
        parts.push("knows your work".into());
    }
    if !contact.endorsed.is_empty() {
        parts.push(format!("endorsed your {}", list_and(&contact.endorsed, 3)));
    }
    let clock = KeepInTouch::from_activity(contact, activity);
    parts.push(if clock.touched {
        format!("last in touch {}", ago(clock.days_since(today)))
    } else {
        "no touch logged yet".into()
    });
    let balance = Balance::from_activity(activity);
    if let Some(warning) = balance.warning() {
        parts.push(lower_first(&warning));
    } else if balance.gave > 0 {
        parts.push(format!("you've given {}", times(balance.gave)));
    }
    parts.join(", ")
}

/// "SQL, forecasting and 2 more".
fn list_and(items: &[String], shown: usize) -> String {
    let head: Vec<&str> = items.iter().take(shown).map(String::as_str).collect();
    let rest = items.len().saturating_sub(shown);
    match (head.as_slice(), rest) {
        ([], _) => String::new(),
        ([one], 0) => (*one).to_string(),
        (many, 0) => format!("{} and {}", many[..many.len() - 1].join(", "), many[many.len() - 1]),
        (many, rest) => format!("{} and {rest} more", many.join(", ")),
    }
}

fn lower_first(sentence: &str) -> String {
    let mut chars = sentence.chars();
    chars
        .next()
        .map(|first| first.to_lowercase().chain(chars).collect())
        .unwrap_or_default()
}

/// Whether `backers` ranks this contact: the user judged them, or they recommended or endorsed
/// the user.
pub(crate) fn is_ranked(contact: &Contact) -> bool {
    is_judged(contact) || !contact.recommendation.is_empty() || !contact.endorsed.is_empty()
}

/// Contacts the user has judged, or who vouched for the user on LinkedIn (a recommendation, an
/// endorsement), best backer first; equal scores by name, then id. Contacts with neither are left
/// out rather than ranked last: after an import that is thousands of strangers, and listing them
/// under "backers" would bury the real ones.
pub fn backers(data: &Data, today: NaiveDate) -> Vec<Backer> {
    let activities = Activity::all(data);
    let none = Activity::default();
    let mut ranked: Vec<(Backer, String)> = data
        .contacts
        .values()
        .filter(|c| is_ranked(c))
        .map(|c| {
            let activity = activities.get(&c.id).unwrap_or(&none);
            let backer = Backer {
                contact: c.id,
                score: score(c, activity, today),
                explanation: explain(c, activity, today),
            };
            (backer, fold(&c.name))
        })
        .collect();
    crate::sort::sort_by(&mut ranked, |(a, a_name), (b, b_name)| {
        b.score
            .cmp(&a.score)
            .then_with(|| a_name.cmp(b_name))
            .then_with(|| a.contact.cmp(&b.contact))
    });
    ranked.into_iter().map(|(b, _)| b).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::TouchKind;
    use crate::network::fixtures::{day, World};

    const TODAY: &str = "2025-06-01";

    fn ranked(w: &World) -> Vec<(String, u8)> {
        backers(&w.data, day(TODAY))
            .into_iter()
            .map(|b| (w.contact_ref(b.contact).name.clone(), b.score))
            .collect()
    }

    fn explanation_of(w: &World, id: Id) -> String {
        backers(&w.data, day(TODAY))
            .into_iter()
            .find(|b| b.contact == id)
            .expect("the contact is a backer")
            .explanation
    }

    #[test]
    fn the_best_backer_scores_full_marks() {
        let mut w = World::new();
        let ana = w.strong("Ana");
        w.gave(ana, "2025-05-11");
        assert_eq!(ranked(&w), vec![("Ana".into(), 100)]);
        assert_eq!(
            explanation_of(&w, ana),
            "knows, likes and trusts you, knows your work, last in touch 3 weeks ago, you've given once"
        );
    }

    #[test]
    fn trust_outranks_mere_acquaintance() {
        let mut w = World::new();
        w.judged("Knows-me Kofi", 4, 2, 1, false);
        let trusted = w.judged("Trusted Tanvi", 2, 2, 4, false);
        w.touch(trusted, "2025-05-20", TouchKind::Call);
        let ranking = ranked(&w);
        assert_eq!(ranking[0].0, "Trusted Tanvi");
        assert_eq!(explanation_of(&w, trusted), "trusts you, last in touch 12 days ago");
    }

    #[test]
    fn knowing_your_work_lifts_a_backer() {
        let mut w = World::new();
        w.judged("Bram", 3, 3, 3, false);
        w.judged("Carla", 3, 3, 3, true);
        assert_eq!(ranked(&w)[0].0, "Carla");
    }

    #[test]
    fn a_recent_touch_lifts_a_backer_and_leaning_on_asking_lowers_one() {
        let mut w = World::new();
        let recent = w.judged("Recent Rahul", 3, 3, 3, true);
        w.touch(recent, "2025-05-01", TouchKind::CoffeeOrLunch);
        let stale = w.judged("Stale Sven", 3, 3, 3, true);
        w.touch(stale, "2024-07-01", TouchKind::CoffeeOrLunch);
        let taker = w.judged("Asked Aisha", 3, 3, 3, true);
        w.asked(taker, "2025-05-01");
        w.asked(taker, "2025-05-10");
        let ranking = ranked(&w);
        assert_eq!(ranking[0], ("Recent Rahul".into(), 80));
        assert_eq!(ranking[1], ("Asked Aisha".into(), 76));
        assert_eq!(ranking[2], ("Stale Sven".into(), 68));
        assert!(explanation_of(&w, taker).ends_with("you've asked twice and never given"));
        assert!(explanation_of(&w, stale).contains("last in touch 11 months ago"));
    }

    #[test]
    fn contacts_never_judged_are_not_backers() {
        let mut w = World::new();
        w.contact("Imported Ivan");
        let noted = w.contact("Noted Noor");
        w.edit(noted, |c| c.knows_my_work = true);
        assert_eq!(ranked(&w), vec![("Noted Noor".into(), 20)]);
        assert_eq!(
            explanation_of(&w, noted),
            "a loose tie so far, knows your work, no touch logged yet"
        );
    }

    #[test]
    fn a_linkedin_recommendation_counts_as_knowing_your_work_and_says_so() {
        let mut w = World::new();
        let rec = w.contact("Recommender Rosa");
        w.edit(rec, |c| c.recommendation = "Sam rebuilt our billing pipeline.".into());
        let end = w.contact("Endorser Eli");
        w.edit(end, |c| c.endorsed = vec!["SQL".into(), "Forecasting".into()]);
        w.contact("Stranger Sam");
        assert_eq!(
            ranked(&w),
            vec![("Recommender Rosa".into(), 20), ("Endorser Eli".into(), 12)]
        );
        assert_eq!(
            explanation_of(&w, rec),
            "a loose tie so far, recommended you on LinkedIn, no touch logged yet"
        );
        assert_eq!(
            explanation_of(&w, end),
            "a loose tie so far, endorsed your SQL and Forecasting, no touch logged yet"
        );
    }

    #[test]
    fn equal_scores_are_ordered_by_name() {
        let mut w = World::new();
        w.judged("Zoë", 2, 2, 2, false);
        w.judged("Émile", 2, 2, 2, false);
        w.judged("bram", 2, 2, 2, false);
        let names: Vec<String> = ranked(&w).into_iter().map(|(n, _)| n).collect();
        assert_eq!(names, vec!["bram", "Émile", "Zoë"]);
    }

    #[test]
    fn one_contact_scores_the_same_alone_as_in_the_ranking() {
        let mut w = World::new();
        let ana = w.judged("Ana", 3, 4, 2, true);
        w.gave(ana, "2025-04-01");
        let alone = backer_score(w.contact_ref(ana), &w.data, day(TODAY));
        assert_eq!(ranked(&w), vec![("Ana".into(), alone)]);
    }
}
