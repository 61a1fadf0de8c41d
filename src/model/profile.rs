//! "Me": the few facts about the user that every message reuses.

use super::{clean_line, clean_list, clean_text, clean_url, FieldError, Stamp};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, Default)]
pub struct Profile {
    #[serde(rename = "n", default)]
    pub name: String,
    #[serde(rename = "hl", default, skip_serializing_if = "String::is_empty")]
    pub headline: String,
    /// Skills and achievements, one per entry, picked from when writing a pitch.
    #[serde(rename = "sk", default, skip_serializing_if = "Vec::is_empty")]
    pub skills: Vec<String>,
    #[serde(rename = "cv", default, skip_serializing_if = "String::is_empty")]
    pub resume_url: String,
    #[serde(rename = "sg", default, skip_serializing_if = "String::is_empty")]
    pub signature: String,
    #[serde(rename = "m", default)]
    pub updated: Option<Stamp>,
}

/// The profile form as typed. Skills come one per line.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ProfileDraft {
    pub name: String,
    pub headline: String,
    pub skills: String,
    pub resume_url: String,
    pub signature: String,
}

impl ProfileDraft {
    pub fn from_profile(p: &Profile) -> Self {
        ProfileDraft {
            name: p.name.clone(),
            headline: p.headline.clone(),
            skills: p.skills.join("\n"),
            resume_url: p.resume_url.clone(),
            signature: p.signature.clone(),
        }
    }

    /// Checks every field; only a fully valid draft becomes a profile.
    pub fn build(&self, now: Stamp) -> Result<Profile, Vec<FieldError>> {
        let mut errors = Vec::new();
        let name = clean_line("Your name", &self.name)
            .map_err(|e| errors.push(e))
            .unwrap_or_default();
        let headline = clean_line("Headline", &self.headline)
            .map_err(|e| errors.push(e))
            .unwrap_or_default();
        let skills = clean_list("Skills and achievements", &self.skills)
            .map_err(|e| errors.push(e))
            .unwrap_or_default();
        let resume_url = clean_url("Résumé link", &self.resume_url)
            .map_err(|e| errors.push(e))
            .unwrap_or_default();
        let signature = clean_text("Signature", &self.signature)
            .map_err(|e| errors.push(e))
            .unwrap_or_default();
        if name.is_empty() && errors.is_empty() {
            errors.push(FieldError::Required { field: "Your name" });
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(Profile {
            name,
            headline,
            skills,
            resume_url,
            signature,
            updated: Some(now),
        })
    }
}

impl Profile {
    /// Whether the user has said who they are yet; Today nudges until they have.
    pub fn is_set_up(&self) -> bool {
        !self.name.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn skills_are_one_per_line() {
        let draft = ProfileDraft {
            name: "Sam".into(),
            skills: "Cut warehouse costs 12%\n\nSQL and Python\n".into(),
            ..Default::default()
        };
        let p = draft.build(Stamp::from_millis(1)).unwrap();
        assert_eq!(p.skills, vec!["Cut warehouse costs 12%", "SQL and Python"]);
        assert_eq!(
            ProfileDraft::from_profile(&p).skills,
            "Cut warehouse costs 12%\nSQL and Python"
        );
    }

    #[test]
    fn a_profile_needs_a_name() {
        let errors = ProfileDraft::default().build(Stamp::from_millis(1)).unwrap_err();
        assert_eq!(errors[0].to_string(), "Your name is required");
    }
}
