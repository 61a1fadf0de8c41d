//! What a message is made of: the kind of message, its tone, the `Brief` of the user's own facts it
//! may use, and the `Draft` that comes out, with the gaps the user still has to fill.

use crate::model::{AskKind, Contact, Goal, GoalKind, Profile, Referral, Score};

/// The messages of DOMAIN.md, with the advice-meeting request beside the invitation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MessageKind {
    CatchUp,
    /// A lunch or coffee invitation.
    Invitation,
    /// Asking for 20–30 minutes of their view on the role or the company.
    AdviceMeeting,
    /// A referral request for a targeted goal.
    Referral,
    /// "Keep me in mind" for a general goal.
    KeepMeInMind,
    /// Asking a mutual contact for a warm introduction.
    WarmIntroduction,
    /// "One or two people I could talk to."
    PeopleToTalkTo,
    /// A short note about the user that the contact can forward.
    Blurb,
    /// First contact with a referred person: "X suggested I get in touch."
    FirstContact,
    ThankYou,
    ProgressUpdate,
    /// Telling the introducer how the introduction went.
    HowItWent,
    /// A gentle nudge on an ask that has had no answer.
    FollowUp,
    /// Writing again after a can't, with progress that shows credibility (rule 10).
    LaterFollowUp,
}

impl MessageKind {
    pub const ALL: [MessageKind; 14] = [
        MessageKind::CatchUp,
        MessageKind::Invitation,
        MessageKind::AdviceMeeting,
        MessageKind::Referral,
        MessageKind::KeepMeInMind,
        MessageKind::WarmIntroduction,
        MessageKind::PeopleToTalkTo,
        MessageKind::Blurb,
        MessageKind::FirstContact,
        MessageKind::ThankYou,
        MessageKind::ProgressUpdate,
        MessageKind::HowItWent,
        MessageKind::FollowUp,
        MessageKind::LaterFollowUp,
    ];

    pub fn label(self) -> &'static str {
        match self {
            MessageKind::CatchUp => "Catch-up note",
            MessageKind::Invitation => "Lunch or coffee invitation",
            MessageKind::AdviceMeeting => "Advice meeting request",
            MessageKind::Referral => "Referral request",
            MessageKind::KeepMeInMind => "Keep me in mind",
            MessageKind::WarmIntroduction => "Warm introduction request",
            MessageKind::PeopleToTalkTo => "One or two people to talk to",
            MessageKind::Blurb => "Forwardable blurb",
            MessageKind::FirstContact => "First contact with a referred person",
            MessageKind::ThankYou => "Thank-you note",
            MessageKind::ProgressUpdate => "Progress update",
            MessageKind::HowItWent => "How it went",
            MessageKind::FollowUp => "Gentle follow-up",
            MessageKind::LaterFollowUp => "Later follow-up",
        }
    }

    /// The message that carries an ask.
    pub fn for_ask(kind: AskKind) -> MessageKind {
        match kind {
            AskKind::Referral => MessageKind::Referral,
            AskKind::WarmIntroduction => MessageKind::WarmIntroduction,
            AskKind::KeepMeInMind => MessageKind::KeepMeInMind,
            AskKind::PeopleToTalkTo => MessageKind::PeopleToTalkTo,
            AskKind::AdviceMeeting => MessageKind::AdviceMeeting,
            AskKind::LunchInvitation => MessageKind::Invitation,
            AskKind::CatchUp => MessageKind::CatchUp,
        }
    }

    /// Whether the message asks the recipient for something (and so must make "no" easy).
    pub fn is_request(self) -> bool {
        !matches!(
            self,
            MessageKind::Blurb
                | MessageKind::ThankYou
                | MessageKind::ProgressUpdate
                | MessageKind::HowItWent
                | MessageKind::LaterFollowUp
        )
    }
}

/// The register of a message. Defaults from how well the user and the contact know each other.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Tone {
    Formal,
    #[default]
    Warm,
    Casual,
}

impl Tone {
    pub const ALL: [Tone; 3] = [Tone::Formal, Tone::Warm, Tone::Casual];

    pub fn label(self) -> &'static str {
        match self {
            Tone::Formal => "Formal",
            Tone::Warm => "Warm",
            Tone::Casual => "Casual",
        }
    }

    /// The average of the judged scores decides: a relationship nobody has judged yet gets the
    /// formal tone, because being too familiar with a near-stranger costs more than the reverse.
    pub fn from_scores(know: Score, like: Score, trust: Score) -> Tone {
        let judged: Vec<u8> = [know, like, trust]
            .iter()
            .filter(|s| !s.is_unset())
            .map(|s| s.get())
            .collect();
        if judged.is_empty() {
            return Tone::Formal;
        }
        let sum: u32 = judged.iter().map(|&s| u32::from(s)).sum();
        // Compare sum against thresholds times the count to stay in integers: avg >= 3.5 / >= 2.5.
        let n = judged.len() as u32;
        if sum * 2 >= 7 * n {
            Tone::Casual
        } else if sum * 2 >= 5 * n {
            Tone::Warm
        } else {
            Tone::Formal
        }
    }

    pub fn for_contact(contact: &Contact) -> Tone {
        Tone::from_scores(contact.know, contact.like, contact.trust)
    }
}

/// Someone the user wants to be introduced to (or was introduced to), known by name: the person a
/// second-degree path leads to, the one the wizard's plan asks to meet, and the one a brief names.
/// Stored in the wizard's plan, so the field names are part of the stored shape.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Introducee {
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub company: String,
    #[serde(default)]
    pub role: String,
}

impl Introducee {
    pub fn is_empty(&self) -> bool {
        self.name.trim().is_empty()
    }

    /// "Carla Chen, Head of Planning at Maersk", for the logged ask.
    pub fn describe(&self) -> String {
        let mut text = self.name.trim().to_string();
        let at = crate::model::headline(self.role.trim(), self.company.trim());
        if !at.is_empty() {
            text.push_str(", ");
            text.push_str(&at);
        }
        text
    }
}

/// Everything a message may use, all of it typed by the user. The writer never adds a fact that is
/// not here; a needed field left empty becomes a visible gap marker in the draft.
///
/// Free-text fields are inserted into sentences as they are, so each reads best in the form noted.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Brief {
    /// The sender: name, headline, résumé link and signature.
    pub profile: Profile,
    /// The recipient's name as the user wrote it; greetings use the first word.
    pub recipient: String,
    /// Something shared, as a noun phrase: "the port digitisation project at Maersk".
    pub shared: String,
    /// Work of theirs the user admires, as a noun phrase: "your talk on warehouse robotics".
    pub admired: String,
    /// Role titles for this goal; messages name the first two.
    pub roles: Vec<String>,
    pub industry: String,
    pub locations: Vec<String>,
    /// The target company (targeted goals).
    pub company: String,
    /// A posting link or id (targeted goals).
    pub posting: String,
    /// Two or three skills or achievements, each a short phrase: "cut warehouse costs 12% at DHL".
    pub fit_points: Vec<String>,
    /// What the user offers back, as a verb phrase after "I'd be glad to": "review your team's
    /// forecasting model".
    pub offer_back: String,
    /// Add the profile's résumé link to messages that carry one.
    pub include_resume: bool,
    /// The person a warm introduction is asked for, or was made to.
    pub introduce_to: Introducee,
    /// The warm contact who suggested a first contact.
    pub referrer: String,
    /// What the referred person values, as a noun phrase: "concrete numbers over adjectives".
    pub values: String,
    /// What the recipient did, as a phrase after "thank you for": "introducing me to Priya".
    pub help_received: String,
    /// Progress or how a conversation went, as one or two full sentences.
    pub news: String,
    /// The earlier ask a follow-up is about, as a noun phrase after "my": "referral request".
    pub asked: String,
    /// When that ask went out, as it reads in a sentence: "3 March".
    pub asked_on: String,
    /// What the contact said when they couldn't help: advice, or their reason, in their words.
    pub advice: String,
    /// Picks another phrasing; the same brief and variant always give the same draft.
    pub variant: u8,
}

impl Brief {
    /// A brief for writing to `contact` about `goal`, filled from what the user has recorded.
    /// The pitch of the goal comes first; without one, the profile's skills stand in.
    pub fn new(profile: &Profile, contact: &Contact, goal: Option<&Goal>) -> Brief {
        let shared = contact
            .shared
            .iter()
            .find(|s| !s.trim().is_empty())
            .cloned()
            .unwrap_or_else(|| contact.how_we_met.clone());
        let mut brief = Brief {
            profile: profile.clone(),
            recipient: contact.name.clone(),
            shared,
            admired: contact.admire.clone(),
            include_resume: !profile.resume_url.is_empty(),
            fit_points: profile.skills.iter().take(3).cloned().collect(),
            ..Brief::default()
        };
        if let Some(goal) = goal {
            brief.apply_goal(goal);
        }
        brief
    }

    /// A brief for first contact with a referred person, naming the warm contact who referred.
    pub fn for_referral(profile: &Profile, referral: &Referral, referrer: &Contact, goal: Option<&Goal>) -> Brief {
        let mut brief = Brief {
            profile: profile.clone(),
            recipient: referral.name.clone(),
            referrer: referrer.name.clone(),
            values: referral.values.clone(),
            include_resume: !profile.resume_url.is_empty(),
            fit_points: profile.skills.iter().take(3).cloned().collect(),
            ..Brief::default()
        };
        if let Some(goal) = goal {
            brief.apply_goal(goal);
        }
        if brief.company.is_empty() {
            brief.company = referral.company.clone();
        }
        brief
    }

    fn apply_goal(&mut self, goal: &Goal) {
        self.roles = goal.roles.clone();
        self.industry = goal.industry.clone();
        self.locations = goal.locations.clone();
        if goal.kind == GoalKind::Targeted {
            self.company = goal.company.clone();
            self.posting = goal.posting.clone();
        }
        if !goal.pitch.is_empty() {
            self.fit_points = goal.pitch.iter().take(3).cloned().collect();
        }
    }
}

/// A field the message needs but the brief left empty. The draft shows `marker()` in its place.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Gap {
    RecipientName,
    CommonGround,
    Role,
    Company,
    FitPoint,
    OfferBack,
    IntroduceTo,
    Referrer,
    HelpReceived,
    News,
    YourName,
    ResumeLink,
}

impl Gap {
    pub const ALL: [Gap; 12] = [
        Gap::RecipientName,
        Gap::CommonGround,
        Gap::Role,
        Gap::Company,
        Gap::FitPoint,
        Gap::OfferBack,
        Gap::IntroduceTo,
        Gap::Referrer,
        Gap::HelpReceived,
        Gap::News,
        Gap::YourName,
        Gap::ResumeLink,
    ];

    /// The placeholder written into the draft, in square brackets so it cannot pass for text.
    pub fn marker(self) -> &'static str {
        match self {
            Gap::RecipientName => "[their name]",
            Gap::CommonGround => "[what you share with them, or admire in their work]",
            Gap::Role => "[role title]",
            Gap::Company => "[company]",
            Gap::FitPoint => "[a skill or achievement that fits]",
            Gap::OfferBack => "[something you can do for them]",
            Gap::IntroduceTo => "[who you'd like to meet]",
            Gap::Referrer => "[who referred you]",
            Gap::HelpReceived => "[what they did for you]",
            Gap::News => "[your news]",
            Gap::YourName => "[your name]",
            Gap::ResumeLink => "[link to your résumé]",
        }
    }

    /// Where to fill it in, for the editor.
    pub fn label(self) -> &'static str {
        match self {
            Gap::RecipientName => "Their name",
            Gap::CommonGround => "Shared experience or admired work",
            Gap::Role => "Role",
            Gap::Company => "Company",
            Gap::FitPoint => "Why you fit",
            Gap::OfferBack => "What you offer back",
            Gap::IntroduceTo => "Person to be introduced to",
            Gap::Referrer => "Who referred you",
            Gap::HelpReceived => "What they did for you",
            Gap::News => "Your news",
            Gap::YourName => "Your name (profile)",
            Gap::ResumeLink => "Résumé link (profile)",
        }
    }
}

/// A part of a message the writer can drop to fit a channel, named so the editor can say what went.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Part {
    SignOff,
    Resume,
    Posting,
    OfferBack,
    /// A supporting sentence: industry and places, what the referred person values, and the like.
    Detail,
    FitPoint,
    AdmiredWork,
    SharedExperience,
    /// "No worries if not": the last thing to go, before a channel forces a cut.
    EasyNo,
}

impl Part {
    pub fn label(self) -> &'static str {
        match self {
            Part::SignOff => "sign-off",
            Part::Resume => "résumé link",
            Part::Posting => "posting",
            Part::OfferBack => "offer back",
            Part::Detail => "supporting detail",
            Part::FitPoint => "a fit point",
            Part::AdmiredWork => "admired work",
            Part::SharedExperience => "shared experience",
            Part::EasyNo => "the easy “no”",
        }
    }
}

/// A written message, ready for the editor.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Draft {
    /// Only e-mail has a subject line.
    pub subject: Option<String>,
    pub body: String,
    /// Fields the message needed but the brief lacked; each shows as its marker in the text.
    pub gaps: Vec<Gap>,
    /// What was left out to fit the channel, in the order it was dropped.
    pub dropped: Vec<Part>,
    /// Whether the body still had to be cut short (at a word boundary, ending in "…").
    pub trimmed: bool,
}
