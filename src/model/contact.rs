//! A warm contact: who they are, how we know each other, and the judgements (know / like / trust,
//! knows-my-work) that decide whether they can vouch for the user.

use super::{clean_email, clean_line, clean_list, clean_text, clean_url, FieldError, Id, Stamp};
use serde::{Deserialize, Serialize};

/// How the user knows a contact. Drives the default keep-in-touch cadence and the tone of messages.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Relationship {
    #[default]
    Unspecified,
    FormerColleague,
    Colleague,
    Manager,
    Classmate,
    Friend,
    Family,
    Client,
    Mentor,
    Community,
    Acquaintance,
}

impl Relationship {
    pub const ALL: [Relationship; 11] = [
        Relationship::Unspecified,
        Relationship::FormerColleague,
        Relationship::Colleague,
        Relationship::Manager,
        Relationship::Classmate,
        Relationship::Friend,
        Relationship::Family,
        Relationship::Client,
        Relationship::Mentor,
        Relationship::Community,
        Relationship::Acquaintance,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Relationship::Unspecified => "Not set",
            Relationship::FormerColleague => "Former colleague",
            Relationship::Colleague => "Colleague",
            Relationship::Manager => "Former manager",
            Relationship::Classmate => "Classmate",
            Relationship::Friend => "Friend",
            Relationship::Family => "Family",
            Relationship::Client => "Client",
            Relationship::Mentor => "Mentor",
            Relationship::Community => "Community / event",
            Relationship::Acquaintance => "Acquaintance",
        }
    }

    /// The stable key used in forms and storage.
    pub fn key(self) -> &'static str {
        match self {
            Relationship::Unspecified => "unspecified",
            Relationship::FormerColleague => "former_colleague",
            Relationship::Colleague => "colleague",
            Relationship::Manager => "manager",
            Relationship::Classmate => "classmate",
            Relationship::Friend => "friend",
            Relationship::Family => "family",
            Relationship::Client => "client",
            Relationship::Mentor => "mentor",
            Relationship::Community => "community",
            Relationship::Acquaintance => "acquaintance",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.key() == key)
    }

    fn is_unspecified(&self) -> bool {
        *self == Relationship::Unspecified
    }
}

/// A judgement on a small scale: 0 means "not judged yet", 1 to 4 from weakest to strongest.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default)]
#[serde(from = "u8", into = "u8")]
pub struct Score(u8);

impl From<u8> for Score {
    fn from(value: u8) -> Self {
        Score::new(value)
    }
}

impl From<Score> for u8 {
    fn from(score: Score) -> u8 {
        score.0
    }
}

impl Score {
    pub const MAX: u8 = 4;
    pub const UNSET: Score = Score(0);

    /// Clamps to the scale, so a hand-edited backup cannot smuggle in a 9.
    pub fn new(value: u8) -> Self {
        Score(value.min(Self::MAX))
    }
    pub fn get(self) -> u8 {
        self.0
    }
    pub fn is_unset(&self) -> bool {
        self.0 == 0
    }
}

/// The three judgements a contact carries, each with its own plain words for the scale.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Judgement {
    Know,
    Like,
    Trust,
}

impl Judgement {
    pub const ALL: [Judgement; 3] = [Judgement::Know, Judgement::Like, Judgement::Trust];

    pub fn question(self) -> &'static str {
        match self {
            Judgement::Know => "How well do they know you?",
            Judgement::Like => "How much do they like you?",
            Judgement::Trust => "How much do they trust you?",
        }
    }

    /// Labels for 0 (not judged) to 4.
    pub fn labels(self) -> [&'static str; 5] {
        match self {
            Judgement::Know => ["Not judged yet", "Barely", "Somewhat", "Well", "Very well"],
            Judgement::Like => ["Not judged yet", "Neutral", "Friendly", "Warm", "Close"],
            Judgement::Trust => ["Not judged yet", "Unproven", "Some", "Solid", "Complete"],
        }
    }

    pub fn label(self, score: Score) -> &'static str {
        self.labels()[usize::from(score.get())]
    }

    pub fn of(self, contact: &Contact) -> Score {
        match self {
            Judgement::Know => contact.know,
            Judgement::Like => contact.like,
            Judgement::Trust => contact.trust,
        }
    }
}

/// Choices for the keep-in-touch cadence, in days, with their names.
pub const CADENCES: [(u16, &str); 7] = [
    (14, "Every two weeks"),
    (30, "Monthly"),
    (45, "Every six weeks"),
    (60, "Every two months"),
    (90, "Quarterly"),
    (180, "Twice a year"),
    (365, "Yearly"),
];

/// "Monthly", or "Every 40 days" for a cadence not in the list.
pub fn cadence_label(days: u16) -> String {
    CADENCES
        .iter()
        .find(|(d, _)| *d == days)
        .map(|(_, l)| l.to_string())
        .unwrap_or_else(|| format!("Every {days} days"))
}

/// Where a contact came from, so an import can be told apart from what was typed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Source {
    #[default]
    Typed,
    Imported {
        file: String,
        /// When the import that created it ran: undoing that import removes the contacts it made.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        batch: Option<Stamp>,
    },
}

/// A job change an import found: the file says they now work somewhere else. It is news worth a
/// congratulations touch, so Today suggests one until the user has been in touch since.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct JobMove {
    #[serde(rename = "f")]
    pub from: String,
    #[serde(rename = "t")]
    pub to: String,
    #[serde(rename = "d")]
    pub seen: chrono::NaiveDate,
}

impl Source {
    fn is_typed(&self) -> bool {
        *self == Source::Typed
    }
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// A warm contact. Field names are short on purpose: 30,000 of these must fit in localStorage.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Contact {
    #[serde(rename = "i")]
    pub id: Id,
    #[serde(rename = "n")]
    pub name: String,
    #[serde(rename = "co", default, skip_serializing_if = "String::is_empty")]
    pub company: String,
    #[serde(rename = "ro", default, skip_serializing_if = "String::is_empty")]
    pub role: String,
    #[serde(rename = "in", default, skip_serializing_if = "String::is_empty")]
    pub industry: String,
    #[serde(rename = "lo", default, skip_serializing_if = "String::is_empty")]
    pub location: String,
    #[serde(rename = "em", default, skip_serializing_if = "String::is_empty")]
    pub email: String,
    #[serde(rename = "ph", default, skip_serializing_if = "String::is_empty")]
    pub phone: String,
    #[serde(rename = "u", default, skip_serializing_if = "String::is_empty")]
    pub profile_url: String,
    #[serde(rename = "h", default, skip_serializing_if = "Relationship::is_unspecified")]
    pub relationship: Relationship,
    /// Free words on how we met ("same team at Maersk 2019–2021").
    #[serde(rename = "hd", default, skip_serializing_if = "String::is_empty")]
    pub how_we_met: String,
    #[serde(rename = "sh", default, skip_serializing_if = "Vec::is_empty")]
    pub shared: Vec<String>,
    #[serde(rename = "ad", default, skip_serializing_if = "String::is_empty")]
    pub admire: String,
    #[serde(rename = "k", default, skip_serializing_if = "Score::is_unset")]
    pub know: Score,
    #[serde(rename = "l", default, skip_serializing_if = "Score::is_unset")]
    pub like: Score,
    #[serde(rename = "t", default, skip_serializing_if = "Score::is_unset")]
    pub trust: Score,
    #[serde(rename = "w", default, skip_serializing_if = "is_false")]
    pub knows_my_work: bool,
    /// Days between touches; `None` means the default for the relationship.
    #[serde(rename = "cd", default, skip_serializing_if = "Option::is_none")]
    pub cadence_days: Option<u16>,
    #[serde(rename = "tg", default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    #[serde(rename = "no", default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
    #[serde(rename = "s", default, skip_serializing_if = "Source::is_typed")]
    pub source: Source,
    /// LinkedIn's "Connected On".
    #[serde(rename = "cn", default, skip_serializing_if = "Option::is_none")]
    pub connected_on: Option<chrono::NaiveDate>,
    /// The recommendation they wrote for the user, in their words: the strongest sign that they
    /// know the user's work.
    #[serde(rename = "rc", default, skip_serializing_if = "String::is_empty")]
    pub recommendation: String,
    /// Skills of the user's that they endorsed: a lighter sign than a recommendation.
    #[serde(rename = "es", default, skip_serializing_if = "Vec::is_empty")]
    pub endorsed: Vec<String>,
    /// The last job change an import found.
    #[serde(rename = "mv", default, skip_serializing_if = "Option::is_none")]
    pub moved: Option<JobMove>,
    #[serde(rename = "c")]
    pub created: Stamp,
    #[serde(rename = "m")]
    pub updated: Stamp,
}

impl Contact {
    /// A contact with just a name: what an import row or a quick add starts from.
    pub fn new(id: Id, name: impl Into<String>, now: Stamp) -> Self {
        Contact {
            id,
            name: name.into(),
            company: String::new(),
            role: String::new(),
            industry: String::new(),
            location: String::new(),
            email: String::new(),
            phone: String::new(),
            profile_url: String::new(),
            relationship: Relationship::Unspecified,
            how_we_met: String::new(),
            shared: Vec::new(),
            admire: String::new(),
            know: Score::UNSET,
            like: Score::UNSET,
            trust: Score::UNSET,
            knows_my_work: false,
            cadence_days: None,
            tags: Vec::new(),
            notes: String::new(),
            source: Source::Typed,
            connected_on: None,
            recommendation: String::new(),
            endorsed: Vec::new(),
            moved: None,
            created: now,
            updated: now,
        }
    }

    /// "Role at Company", or whichever half is known.
    pub fn headline(&self) -> String {
        headline(&self.role, &self.company)
    }
}

/// The contact form as typed: every field a string. `apply` checks it and writes it to a contact,
/// so the same validation serves adding and editing.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ContactDraft {
    pub name: String,
    pub company: String,
    pub role: String,
    pub industry: String,
    pub location: String,
    pub email: String,
    pub phone: String,
    pub profile_url: String,
    pub relationship: Relationship,
    pub how_we_met: String,
    pub notes: String,
    /// Shared experiences, one per line.
    pub shared: String,
    pub admire: String,
    pub know: u8,
    pub like: u8,
    pub trust: u8,
    pub knows_my_work: bool,
    /// Days between touches as typed; empty means the relationship's default.
    pub cadence_days: String,
    /// Tags separated by commas.
    pub tags: String,
}

impl ContactDraft {
    pub fn from_contact(c: &Contact) -> Self {
        ContactDraft {
            name: c.name.clone(),
            company: c.company.clone(),
            role: c.role.clone(),
            industry: c.industry.clone(),
            location: c.location.clone(),
            email: c.email.clone(),
            phone: c.phone.clone(),
            profile_url: c.profile_url.clone(),
            relationship: c.relationship,
            how_we_met: c.how_we_met.clone(),
            notes: c.notes.clone(),
            shared: c.shared.join("\n"),
            admire: c.admire.clone(),
            know: c.know.get(),
            like: c.like.get(),
            trust: c.trust.get(),
            knows_my_work: c.knows_my_work,
            cadence_days: c.cadence_days.map(|d| d.to_string()).unwrap_or_default(),
            tags: c.tags.join(", "),
        }
    }

    /// Checks every field and, only if all are valid, writes them to `contact` and stamps it.
    /// On error the contact is untouched and every problem is listed.
    pub fn apply(&self, contact: &mut Contact, now: Stamp) -> Result<(), Vec<FieldError>> {
        let mut errors = Vec::new();
        let mut take = |r: Result<String, FieldError>| super::noted(r, &mut errors);
        let name = take(clean_line("Name", &self.name));
        let company = take(clean_line("Company", &self.company));
        let role = take(clean_line("Role", &self.role));
        let industry = take(clean_line("Industry", &self.industry));
        let location = take(clean_line("Location", &self.location));
        let email = take(clean_email("Email", &self.email));
        let phone = take(clean_line("Phone", &self.phone));
        let profile_url = take(clean_url("Profile URL", &self.profile_url));
        let how_we_met = take(clean_text("How we met", &self.how_we_met));
        let notes = take(clean_text("Notes", &self.notes));
        let admire = take(clean_text("What I admire in their work", &self.admire));
        let shared = clean_list("Shared experiences", &self.shared).unwrap_or_else(|e| {
            errors.push(e);
            Vec::new()
        });
        let tags = parse_tags(&self.tags).unwrap_or_else(|e| {
            errors.push(e);
            Vec::new()
        });
        let cadence_days = match self.cadence_days.trim() {
            "" => None,
            days => match days.parse::<u16>() {
                Ok(d) if (1..=3650).contains(&d) => Some(d),
                _ => {
                    errors.push(FieldError::Malformed {
                        field: "Keep-in-touch cadence",
                        expected: "a number of days from 1 to 3650",
                    });
                    None
                }
            },
        };
        if name.is_empty()
            && !errors
                .iter()
                .any(|e| matches!(e, FieldError::TooLong { field: "Name", .. }))
        {
            errors.insert(0, FieldError::Required { field: "Name" });
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        contact.name = name;
        contact.company = company;
        contact.role = role;
        contact.industry = industry;
        contact.location = location;
        contact.email = email;
        contact.phone = phone;
        contact.profile_url = profile_url;
        contact.relationship = self.relationship;
        contact.how_we_met = how_we_met;
        contact.notes = notes;
        contact.admire = admire;
        contact.shared = shared;
        contact.tags = tags;
        contact.know = Score::new(self.know);
        contact.like = Score::new(self.like);
        contact.trust = Score::new(self.trust);
        contact.knows_my_work = self.knows_my_work;
        contact.cadence_days = cadence_days;
        contact.updated = now;
        Ok(())
    }
}

/// "Role at Company", or whichever half is known: for contacts and for people known only by name.
pub fn headline(role: &str, company: &str) -> String {
    match (role.is_empty(), company.is_empty()) {
        (false, false) => format!("{role} at {company}"),
        (false, true) => role.to_string(),
        (true, false) => company.to_string(),
        (true, true) => String::new(),
    }
}

/// Tags typed as "a, b; c" become `["a", "b", "c"]`.
pub fn parse_tags(value: &str) -> Result<Vec<String>, FieldError> {
    clean_list("Tags", &value.replace([',', ';'], "\n"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn contact() -> Contact {
        Contact::new(Id::from_u128(1), "Ana", Stamp::from_millis(0))
    }

    #[test]
    fn a_draft_without_a_name_is_refused_and_changes_nothing() {
        let mut c = contact();
        let before = c.clone();
        let draft = ContactDraft {
            name: "   ".into(),
            email: "not-an-email".into(),
            ..Default::default()
        };
        let errors = draft.apply(&mut c, Stamp::from_millis(5)).unwrap_err();
        assert_eq!(errors.len(), 2);
        assert_eq!(errors[0].to_string(), "Name is required");
        assert_eq!(c, before);
    }

    #[test]
    fn a_valid_draft_is_trimmed_and_stamped() {
        let mut c = contact();
        let draft = ContactDraft {
            name: " Ana Souza ".into(),
            company: "Maersk".into(),
            role: "Ops lead".into(),
            ..Default::default()
        };
        draft.apply(&mut c, Stamp::from_millis(9)).unwrap();
        assert_eq!(c.name, "Ana Souza");
        assert_eq!(c.headline(), "Ops lead at Maersk");
        assert_eq!(c.updated, Stamp::from_millis(9));
    }

    #[test]
    fn a_draft_carries_judgements_cadence_tags_and_shared_experiences() {
        let mut c = contact();
        let draft = ContactDraft {
            name: "Ana".into(),
            shared: "WMS migration 2019\n\nSix Sigma course".into(),
            admire: "Her slotting talk".into(),
            know: 4,
            like: 3,
            trust: 9,
            knows_my_work: true,
            cadence_days: " 30 ".into(),
            tags: "ops, rotterdam".into(),
            ..Default::default()
        };
        draft.apply(&mut c, Stamp::from_millis(2)).unwrap();
        assert_eq!(c.shared, vec!["WMS migration 2019", "Six Sigma course"]);
        assert_eq!((c.know.get(), c.like.get(), c.trust.get()), (4, 3, Score::MAX));
        assert_eq!(c.cadence_days, Some(30));
        assert_eq!(c.tags, vec!["ops", "rotterdam"]);
        assert_eq!(ContactDraft::from_contact(&c).cadence_days, "30");
        assert_eq!(Judgement::Trust.label(c.trust), "Complete");
        assert_eq!(cadence_label(30), "Monthly");
        assert_eq!(cadence_label(40), "Every 40 days");
    }

    #[test]
    fn a_cadence_that_is_not_a_number_of_days_is_refused() {
        let mut c = contact();
        let draft = ContactDraft {
            name: "Ana".into(),
            cadence_days: "soon".into(),
            ..Default::default()
        };
        let errors = draft.apply(&mut c, Stamp::from_millis(2)).unwrap_err();
        assert_eq!(
            errors[0].to_string(),
            "Keep-in-touch cadence does not look like a number of days from 1 to 3650"
        );
    }

    #[test]
    fn scores_are_clamped_to_the_scale() {
        assert_eq!(Score::new(9).get(), Score::MAX);
        let parsed: Score = serde_json::from_str("7").unwrap();
        assert_eq!(
            parsed.get(),
            Score::MAX,
            "a hand-edited backup cannot go past the scale"
        );
    }

    #[test]
    fn relationship_keys_round_trip() {
        for r in Relationship::ALL {
            assert_eq!(Relationship::from_key(r.key()), Some(r));
        }
    }

    #[test]
    fn tags_split_on_commas_and_semicolons() {
        assert_eq!(
            parse_tags("ops, logistics; rotterdam").unwrap(),
            vec!["ops", "logistics", "rotterdam"]
        );
    }
}
