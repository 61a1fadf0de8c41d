//! What the user is asking for: no ask without a goal (DOMAIN.md rule 4).

use super::{clean_line, clean_list, clean_url, FieldError, Id, Stamp};
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum GoalKind {
    /// "Keep me in mind for roles like X."
    #[default]
    General,
    /// A specific company, maybe a specific posting.
    Targeted,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Goal {
    #[serde(rename = "i")]
    pub id: Id,
    #[serde(rename = "kd", default)]
    pub kind: GoalKind,
    #[serde(rename = "ro", default, skip_serializing_if = "Vec::is_empty")]
    pub roles: Vec<String>,
    #[serde(rename = "in", default, skip_serializing_if = "String::is_empty")]
    pub industry: String,
    #[serde(rename = "lo", default, skip_serializing_if = "Vec::is_empty")]
    pub locations: Vec<String>,
    #[serde(rename = "co", default, skip_serializing_if = "String::is_empty")]
    pub company: String,
    /// A posting URL or id, for targeted goals.
    #[serde(rename = "po", default, skip_serializing_if = "String::is_empty")]
    pub posting: String,
    /// The two or three fit points used in messages for this goal.
    #[serde(rename = "pi", default, skip_serializing_if = "Vec::is_empty")]
    pub pitch: Vec<String>,
    #[serde(rename = "ar", default)]
    pub archived: bool,
    #[serde(rename = "c")]
    pub created: Stamp,
    #[serde(rename = "m")]
    pub updated: Stamp,
}

/// Goals newest first: a goal just added is at the top, next to the form it came from, and leads
/// the wizard's goal step.
pub fn newest_first<'a>(goals: impl IntoIterator<Item = &'a Goal>) -> Vec<&'a Goal> {
    let mut list: Vec<&Goal> = goals.into_iter().collect();
    crate::sort::sort_by_key(&mut list, |g| std::cmp::Reverse((g.created, g.id)));
    list
}

impl Goal {
    /// Archives the goal (or restores it with `false`): it leaves the active list and the wizard.
    pub fn set_archived(&mut self, archived: bool, now: Stamp) {
        self.archived = archived;
        self.updated = now;
    }

    /// An empty general goal: what the "New goal" form fills in.
    pub fn new(id: Id, now: Stamp) -> Self {
        Goal {
            id,
            kind: GoalKind::General,
            roles: Vec::new(),
            industry: String::new(),
            locations: Vec::new(),
            company: String::new(),
            posting: String::new(),
            pitch: Vec::new(),
            archived: false,
            created: now,
            updated: now,
        }
    }

    /// How the goal is named on its card: "Operations analyst · Logistics · Rotterdam" for a general
    /// goal, "Operations analyst at Maersk" for a targeted one (whose place and industry go below).
    pub fn title(&self) -> String {
        let roles = if self.roles.is_empty() {
            "Any role".to_string()
        } else {
            self.roles.join(" / ")
        };
        match self.kind {
            GoalKind::Targeted if !self.company.is_empty() => format!("{roles} at {}", self.company),
            GoalKind::Targeted => roles,
            GoalKind::General => std::iter::once(roles)
                .chain(self.details())
                .collect::<Vec<_>>()
                .join(" · "),
        }
    }

    /// Industry and locations, each if known: the line under a targeted goal's title.
    pub fn details(&self) -> Option<String> {
        let parts: Vec<String> = [self.industry.clone(), self.locations.join(", ")]
            .into_iter()
            .filter(|p| !p.is_empty())
            .collect();
        (!parts.is_empty()).then(|| parts.join(" · "))
    }

    /// The posting as a link, when it is one. Checked again here, not only when typed, because a
    /// restored backup could hold anything and a `javascript:` link must never reach an `href`.
    pub fn posting_url(&self) -> Option<&str> {
        let ok = self.posting.to_ascii_lowercase().starts_with("http")
            && clean_url("Posting", &self.posting).is_ok_and(|u| u == self.posting);
        ok.then_some(self.posting.as_str())
    }
}

/// The goal form as typed: every field a string, plus the pitch points ticked from the profile.
/// `apply` checks it and writes it to a goal, so the same validation serves adding and editing.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct GoalDraft {
    pub kind: GoalKind,
    /// Role titles, one per line.
    pub roles: String,
    pub industry: String,
    /// Places, one per line or separated by commas.
    pub locations: String,
    /// Required for a targeted goal; dropped for a general one.
    pub company: String,
    /// A posting's link or its reference; dropped for a general goal.
    pub posting: String,
    /// Pitch points ticked from the profile's skills and achievements, in the profile's order.
    pub picked: Vec<String>,
    /// Pitch points written for this goal only, one per line.
    pub pitch: String,
}

impl GoalDraft {
    /// How many pitch points a message carries well; more than this earns a gentle warning.
    pub const PITCH_POINTS: usize = 3;

    /// The form for editing `goal`. Pitch points that are still among the profile's `skills` come
    /// back ticked; the rest (written for this goal, or since removed from the profile) as text.
    pub fn from_goal(goal: &Goal, skills: &[String]) -> Self {
        let (picked, written): (Vec<String>, Vec<String>) =
            goal.pitch.iter().cloned().partition(|p| skills.contains(p));
        GoalDraft {
            kind: goal.kind,
            roles: goal.roles.join("\n"),
            industry: goal.industry.clone(),
            locations: goal.locations.join("\n"),
            company: goal.company.clone(),
            posting: goal.posting.clone(),
            picked,
            pitch: written.join("\n"),
        }
    }

    /// The pitch as it would be saved: ticked points first, then written ones, each once.
    fn pitch_points(&self) -> Result<Vec<String>, FieldError> {
        let mut points: Vec<String> = Vec::new();
        let picked = self
            .picked
            .iter()
            .map(|p| clean_line("A pitch point", p))
            .collect::<Result<Vec<_>, _>>()?;
        for point in picked.into_iter().chain(clean_list("A pitch point", &self.pitch)?) {
            if !point.is_empty() && !points.contains(&point) {
                points.push(point);
            }
        }
        Ok(points)
    }

    /// How many distinct pitch points are chosen so far (an over-long one is not counted).
    pub fn pitch_count(&self) -> usize {
        self.pitch_points().map_or(0, |p| p.len())
    }

    /// Whether to warn that the pitch is turning into a list. A warning only: saving still works.
    pub fn too_many_pitch_points(&self) -> bool {
        self.pitch_count() > Self::PITCH_POINTS
    }

    /// Checks every field and, only if all are valid, writes them to `goal` and stamps it.
    /// On error the goal is untouched and every problem is listed. `archived` is left as it was.
    pub fn apply(&self, goal: &mut Goal, now: Stamp) -> Result<(), Vec<FieldError>> {
        let mut errors = Vec::new();
        let mut take_list = |r: Result<Vec<String>, FieldError>| super::noted(r, &mut errors);
        let roles = take_list(clean_list("A role", &self.roles));
        let locations = take_list(clean_list("A location", &self.locations.replace(',', "\n")));
        let pitch = take_list(self.pitch_points());
        let industry = clean_line("Industry", &self.industry).unwrap_or_else(|e| {
            errors.push(e);
            String::new()
        });
        if roles.is_empty() && !errors.iter().any(|e| field_of(e) == "A role") {
            errors.insert(0, FieldError::Required { field: "A role" });
        }
        // A general goal names no company: whatever was typed before switching kind is dropped,
        // not checked, since the form no longer shows it.
        let (company, posting) = match self.kind {
            GoalKind::General => (String::new(), String::new()),
            GoalKind::Targeted => {
                let company = clean_line("Company", &self.company).unwrap_or_else(|e| {
                    errors.push(e);
                    String::new()
                });
                if company.is_empty() && !errors.iter().any(|e| field_of(e) == "Company") {
                    errors.push(FieldError::Required {
                        field: "Company (for a targeted goal)",
                    });
                }
                (
                    company,
                    clean_posting(&self.posting).unwrap_or_else(|e| {
                        errors.push(e);
                        String::new()
                    }),
                )
            }
        };
        if !errors.is_empty() {
            return Err(errors);
        }
        goal.kind = self.kind;
        goal.roles = roles;
        goal.industry = industry;
        goal.locations = locations;
        goal.company = company;
        goal.posting = posting;
        goal.pitch = pitch;
        goal.updated = now;
        Ok(())
    }
}

fn field_of(error: &FieldError) -> &'static str {
    match error {
        FieldError::Required { field } | FieldError::TooLong { field, .. } | FieldError::Malformed { field, .. } => {
            field
        }
    }
}

/// A posting is a link or a reference ("REQ-2291"). Anything that starts like a link must be a
/// whole http(s) link, so "htps//…" is caught as a slip rather than kept as a reference.
fn clean_posting(value: &str) -> Result<String, FieldError> {
    let value = clean_line("Posting", value)?;
    if value.to_ascii_lowercase().starts_with("http") {
        return clean_url("Posting", &value).map_err(|_| FieldError::Malformed {
            field: "Posting",
            expected: "a web address starting with https://, or a reference such as REQ-2291",
        });
    }
    Ok(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn goal() -> Goal {
        Goal::new(Id::from_u128(1), Stamp::from_millis(0))
    }

    fn targeted(company: &str, posting: &str) -> GoalDraft {
        GoalDraft {
            kind: GoalKind::Targeted,
            roles: "Operations analyst".into(),
            company: company.into(),
            posting: posting.into(),
            ..Default::default()
        }
    }

    #[test]
    fn goals_list_newest_first_and_archiving_stamps_the_goal() {
        let mut old = Goal::new(Id::from_u128(1), Stamp::from_millis(10));
        let new = Goal::new(Id::from_u128(2), Stamp::from_millis(20));
        let twin = Goal::new(Id::from_u128(3), Stamp::from_millis(20));
        let ids: Vec<Id> = newest_first([&old, &new, &twin]).iter().map(|g| g.id).collect();
        assert_eq!(ids, [twin.id, new.id, old.id]);
        old.set_archived(true, Stamp::from_millis(30));
        assert_eq!((old.archived, old.updated), (true, Stamp::from_millis(30)));
    }

    fn skills() -> Vec<String> {
        vec![
            "Cut picking errors by 30%".into(),
            "SQL and Python".into(),
            "Six Sigma green belt".into(),
        ]
    }

    #[test]
    fn a_general_goal_is_titled_by_role_industry_and_place() {
        let mut g = goal();
        let draft = GoalDraft {
            roles: " Operations analyst \n\n".into(),
            industry: "Logistics".into(),
            locations: "Rotterdam".into(),
            ..Default::default()
        };
        draft.apply(&mut g, Stamp::from_millis(7)).unwrap();
        assert_eq!(g.title(), "Operations analyst · Logistics · Rotterdam");
        assert_eq!(g.updated, Stamp::from_millis(7));
        assert!(!g.archived);
    }

    #[test]
    fn a_targeted_goal_is_titled_by_role_and_company() {
        let mut g = goal();
        let draft = GoalDraft {
            industry: "Shipping".into(),
            locations: "Rotterdam, Antwerp".into(),
            ..targeted("Maersk", "")
        };
        draft.apply(&mut g, Stamp::from_millis(1)).unwrap();
        assert_eq!(g.title(), "Operations analyst at Maersk");
        assert_eq!(g.details().as_deref(), Some("Shipping · Rotterdam, Antwerp"));
    }

    #[test]
    fn a_goal_without_a_role_is_refused_and_changes_nothing() {
        let mut g = goal();
        let before = g.clone();
        let errors = GoalDraft {
            roles: " \n ".into(),
            ..Default::default()
        }
        .apply(&mut g, Stamp::from_millis(1))
        .unwrap_err();
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].to_string(), "A role is required");
        assert_eq!(g, before);
    }

    #[test]
    fn a_targeted_goal_without_a_company_is_refused() {
        let mut g = goal();
        let before = g.clone();
        let errors = targeted("  ", "").apply(&mut g, Stamp::from_millis(1)).unwrap_err();
        assert_eq!(
            errors.iter().map(ToString::to_string).collect::<Vec<_>>(),
            vec!["Company (for a targeted goal) is required"]
        );
        assert_eq!(g, before);
    }

    #[test]
    fn a_general_goal_drops_a_company_typed_before_switching_kind() {
        let mut g = goal();
        let draft = GoalDraft {
            kind: GoalKind::General,
            ..targeted("Maersk", "javascript:alert(1)")
        };
        draft.apply(&mut g, Stamp::from_millis(1)).unwrap();
        assert_eq!((g.company.as_str(), g.posting.as_str()), ("", ""));
        assert_eq!(g.kind, GoalKind::General);
    }

    #[test]
    fn a_posting_is_a_link_or_a_reference() {
        for (posting, ok) in [
            ("https://careers.maersk.com/jobs/123", true),
            ("REQ-2291", true),
            ("", true),
            ("http//careers.maersk.com", false),
            ("https://careers maersk.com", false),
            ("javascript:alert(1)", true), // a reference, never a link: see posting_url
        ] {
            let mut g = goal();
            let result = targeted("Maersk", posting).apply(&mut g, Stamp::from_millis(1));
            assert_eq!(result.is_ok(), ok, "{posting}");
        }
        let mut g = goal();
        let errors = targeted("Maersk", "http//x")
            .apply(&mut g, Stamp::from_millis(1))
            .unwrap_err();
        assert_eq!(
            errors[0].to_string(),
            "Posting does not look like a web address starting with https://, or a reference such as REQ-2291"
        );
    }

    #[test]
    fn only_a_web_address_is_shown_as_a_link() {
        let mut g = goal();
        g.posting = "https://careers.maersk.com/jobs/123".into();
        assert_eq!(g.posting_url(), Some("https://careers.maersk.com/jobs/123"));
        for not_a_link in ["REQ-2291", "javascript:alert(1)", "http://a b"] {
            g.posting = not_a_link.into();
            assert_eq!(g.posting_url(), None, "{not_a_link}");
        }
    }

    #[test]
    fn locations_split_on_lines_and_commas() {
        let mut g = goal();
        let draft = GoalDraft {
            roles: "Planner".into(),
            locations: "Rotterdam, Antwerp\n Remote ,".into(),
            ..Default::default()
        };
        draft.apply(&mut g, Stamp::from_millis(1)).unwrap();
        assert_eq!(g.locations, vec!["Rotterdam", "Antwerp", "Remote"]);
        assert_eq!(g.title(), "Planner · Rotterdam, Antwerp, Remote");
    }

    #[test]
    fn ticked_and_written_pitch_points_are_kept_once_each() {
        let mut g = goal();
        let draft = GoalDraft {
            roles: "Planner".into(),
            picked: vec!["SQL and Python".into()],
            pitch: "Ran the 2023 peak season\nSQL and Python\n".into(),
            ..Default::default()
        };
        assert!(!draft.too_many_pitch_points());
        draft.apply(&mut g, Stamp::from_millis(1)).unwrap();
        assert_eq!(g.pitch, vec!["SQL and Python", "Ran the 2023 peak season"]);
    }

    #[test]
    fn a_fourth_pitch_point_warns_but_still_saves() {
        let mut g = goal();
        let draft = GoalDraft {
            roles: "Planner".into(),
            picked: skills(),
            pitch: "Ran the 2023 peak season".into(),
            ..Default::default()
        };
        assert_eq!(draft.pitch_count(), 4);
        assert!(draft.too_many_pitch_points());
        draft.apply(&mut g, Stamp::from_millis(1)).unwrap();
        assert_eq!(g.pitch.len(), 4);
    }

    #[test]
    fn editing_ticks_the_profile_points_and_leaves_the_rest_as_text() {
        let mut g = goal();
        g.kind = GoalKind::Targeted;
        g.roles = vec!["Planner".into(), "Analyst".into()];
        g.company = "Maersk".into();
        g.pitch = vec!["Ran the 2023 peak season".into(), "SQL and Python".into()];
        let draft = GoalDraft::from_goal(&g, &skills());
        assert_eq!(draft.picked, vec!["SQL and Python"]);
        assert_eq!(draft.pitch, "Ran the 2023 peak season");
        assert_eq!(draft.roles, "Planner\nAnalyst");
        let mut again = g.clone();
        draft.apply(&mut again, g.updated).unwrap();
        assert_eq!(again.roles, g.roles);
        assert_eq!(again.company, g.company);
    }

    #[test]
    fn an_over_long_company_is_reported_once() {
        let mut g = goal();
        let errors = targeted(&"M".repeat(300), "")
            .apply(&mut g, Stamp::from_millis(1))
            .unwrap_err();
        assert_eq!(errors.len(), 1);
        assert!(errors[0].to_string().starts_with("Company is too long"));
    }
}
