//! The ask being prepared in the "Make the ask" wizard, as plain data: which goal, whom to ask
//! and by which path, what to ask for, what makes it personal, the channel and tone, and the text
//! as the user has it. The wizard only renders this; every rule (what is recommended, what may be
//! logged) is here, so it is tested natively and survives a reload as JSON. Whom it may ask comes
//! from `candidates`.

use super::brief::{Brief, Draft, Introducee, MessageKind, Tone};
use super::candidates::{candidates, route_among, route_for, Candidate, Candidates, Route};
use super::coach::CoachContext;
use super::recommend::{recommend, Recommendation, Situation};
use super::rules::names_ask_warning;
use super::writer::write;
use crate::model::{
    clean_line, clean_text, Ask, AskKind, Changes, Channel, Contact, Data, Direction, Goal, Id, Outcome, Stamp,
    TouchKind, Touchpoint,
};
use chrono::{Days, NaiveDate};
use serde::{Deserialize, Serialize};

/// The follow-up the wizard proposes when nothing else was said: a week is a polite wait.
pub const DEFAULT_FOLLOW_UP_DAYS: u16 = 7;
/// The longest follow-up wait accepted, in days.
pub const MAX_FOLLOW_UP_DAYS: u16 = 90;

/// The wizard's six screens, in order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Step {
    #[default]
    Goal,
    Who,
    What,
    Personal,
    Channel,
    Review,
}

impl Step {
    pub const ALL: [Step; 6] = [
        Step::Goal,
        Step::Who,
        Step::What,
        Step::Personal,
        Step::Channel,
        Step::Review,
    ];

    /// 1 to 6, as shown in "Step 2 of 6".
    pub fn number(self) -> usize {
        Step::ALL.iter().position(|s| *s == self).unwrap_or(0) + 1
    }

    pub fn title(self) -> &'static str {
        match self {
            Step::Goal => "Goal",
            Step::Who => "Who",
            Step::What => "What to ask",
            Step::Personal => "Make it personal",
            Step::Channel => "Channel and tone",
            Step::Review => "Review and send",
        }
    }

    pub fn next(self) -> Option<Step> {
        Step::ALL.get(self.number()).copied()
    }

    pub fn previous(self) -> Option<Step> {
        self.number().checked_sub(2).map(|i| Step::ALL[i])
    }
}

/// Why the wizard can't move on yet, in words that say what to do.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum PlanError {
    #[error("Pick a goal, or create one: every ask is made for a goal.")]
    NoGoal,
    #[error("Pick the person to ask.")]
    NoContact,
    #[error("That contact no longer exists (deleted in another tab?). Pick someone else.")]
    ContactGone,
    #[error("That goal no longer exists (deleted in another tab?). Pick another one.")]
    GoalGone,
    #[error("Pick what to ask for.")]
    NoKind,
    #[error("Tick “Ask anyway” under the warning, or pick another kind of ask.")]
    NamesWarning,
    #[error("The message is empty.")]
    EmptyMessage,
    #[error("The follow-up must be between 1 and {MAX_FOLLOW_UP_DAYS} days away.")]
    FollowUpDays,
    #[error("{0}")]
    Field(#[from] crate::model::FieldError),
}

/// Everything the wizard holds. Stored whole as JSON between reloads.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct AskPlan {
    pub step: Step,
    pub goal: Option<Id>,
    pub contact: Option<Id>,
    /// For a warm introduction: whom to be introduced to.
    pub introduce_to: Introducee,
    pub kind: Option<AskKind>,
    /// Taken from the contact when they are picked; edits here are for this message.
    pub shared: String,
    pub admired: String,
    /// Which fit points to use, in order.
    pub fit_points: Vec<String>,
    pub offer_back: String,
    pub include_resume: bool,
    /// Also save edits to `shared` and `admired` on the contact when the ask is logged.
    pub remember: bool,
    pub channel: Channel,
    pub tone: Tone,
    pub variant: u8,
    /// The text as the user has it on the review step. Empty means "the writer's draft".
    pub subject: String,
    pub body: String,
    /// The user acknowledged the two-names warning for this contact and goal.
    pub names_ok: bool,
    pub follow_up_days: u16,
}

impl Default for AskPlan {
    fn default() -> Self {
        AskPlan {
            step: Step::Goal,
            goal: None,
            contact: None,
            introduce_to: Introducee::default(),
            kind: None,
            shared: String::new(),
            admired: String::new(),
            fit_points: Vec::new(),
            offer_back: String::new(),
            include_resume: false,
            remember: true,
            channel: Channel::Email,
            tone: Tone::Warm,
            variant: 0,
            subject: String::new(),
            body: String::new(),
            names_ok: false,
            follow_up_days: DEFAULT_FOLLOW_UP_DAYS,
        }
    }
}

impl AskPlan {
    /// A new plan, started from a goal, a contact, both or neither. With a goal it opens on "Who";
    /// a contact given is picked with the path the network knows to them.
    pub fn start(data: &Data, goal: Option<Id>, contact: Option<Id>, today: NaiveDate) -> AskPlan {
        let mut plan = AskPlan::default();
        // A goal from a link that no longer exists is ignored rather than trusted.
        let goal = goal.filter(|g| data.goals.contains_key(g));
        if let Some(g) = goal {
            plan.goal = Some(g);
            plan.step = Step::Who;
        } else if let [only] = active_goals(data).as_slice() {
            // One goal: nothing to choose, but the step still shows it, so it is clear.
            plan.goal = Some(only.id);
        }
        if let Some(c) = contact.filter(|c| data.contacts.contains_key(c)) {
            plan.contact = Some(c);
            if let Some(found) = plan.goal(data).and_then(|g| route_for(data, g, c, today)) {
                plan.pick(data, &found);
                plan.step = Step::Who;
            }
        }
        plan
    }

    pub fn goal<'a>(&self, data: &'a Data) -> Option<&'a Goal> {
        data.goals.get(&self.goal?)
    }

    pub fn contact<'a>(&self, data: &'a Data) -> Option<&'a Contact> {
        data.contacts.get(&self.contact?)
    }

    /// Picks the goal. The path to the person and what to ask depend on it, so a person already
    /// chosen is picked again for this goal.
    pub fn choose_goal(&mut self, data: &Data, goal: Id, today: NaiveDate) {
        if self.goal == Some(goal) {
            return;
        }
        self.goal = Some(goal);
        self.kind = None;
        self.names_ok = false;
        self.clear_text();
        let found = data
            .goals
            .get(&goal)
            .zip(self.contact)
            .and_then(|(g, c)| route_for(data, g, c, today));
        if let Some(found) = found {
            self.pick(data, &found);
        }
    }

    /// Picks whom to ask and fills what the message needs from what the user recorded: the
    /// shared experience and admired work from the contact, the fit points from the goal's pitch
    /// (else the profile), the tone from know / like / trust, and the recommended ask.
    pub fn pick(&mut self, data: &Data, candidate: &Candidate) {
        let Some(contact) = data.contacts.get(&candidate.contact) else {
            return;
        };
        self.contact = Some(contact.id);
        self.introduce_to = match &candidate.route {
            Route::Via { to, .. } => to.clone(),
            _ => Introducee::default(),
        };
        let brief = Brief::new(&data.profile, contact, self.goal(data));
        self.shared = brief.shared;
        self.admired = brief.admired;
        self.fit_points = brief.fit_points;
        self.include_resume = brief.include_resume;
        self.tone = Tone::for_contact(contact);
        self.kind = Some(recommend(&situation(candidate)).ask);
        self.names_ok = false;
        self.clear_text();
    }

    /// Whether `candidate` is the one picked.
    pub fn is_picked(&self, candidate: &Candidate) -> bool {
        self.contact == Some(candidate.contact)
            && match &candidate.route {
                Route::Via { to, .. } => to.name == self.introduce_to.name,
                _ => self.introduce_to.is_empty(),
            }
    }

    /// The picked person as a candidate, with their path and readiness as of `today`.
    pub fn candidate(&self, data: &Data, today: NaiveDate) -> Option<Candidate> {
        let goal = self.goal(data)?;
        self.candidate_among(&candidates(data, goal, today), data, today)
    }

    /// `candidate`, given the goal's candidates as already worked out.
    pub fn candidate_among(&self, found: &Candidates, data: &Data, today: NaiveDate) -> Option<Candidate> {
        let goal = self.goal(data)?;
        let contact = self.contact?;
        let picked = found.iter().find(|c| self.is_picked(c)).cloned();
        picked.or_else(|| route_among(found, data, goal, contact, today))
    }

    /// The recommended ask for the picked person, with its reason.
    pub fn recommendation(&self, data: &Data, today: NaiveDate) -> Option<Recommendation> {
        self.candidate(data, today).map(|c| recommend(&situation(&c)))
    }

    pub fn choose_kind(&mut self, kind: AskKind) {
        if self.kind != Some(kind) {
            self.kind = Some(kind);
            self.names_ok = false;
            self.clear_text();
        }
    }

    /// Forgets the user's edits of the text, so the review step shows the writer's draft again.
    pub fn clear_text(&mut self) {
        self.subject.clear();
        self.body.clear();
    }

    /// The message this ask is written as.
    pub fn message_kind(&self) -> Option<MessageKind> {
        self.kind.map(MessageKind::for_ask)
    }

    /// The writer's input: the user's facts, with this plan's choices laid over them.
    pub fn brief(&self, data: &Data) -> Option<Brief> {
        let contact = self.contact(data)?;
        let mut brief = Brief::new(&data.profile, contact, self.goal(data));
        brief.shared = self.shared.clone();
        brief.admired = self.admired.clone();
        brief.fit_points = self.fit_points.clone();
        brief.offer_back = self.offer_back.clone();
        brief.include_resume = self.include_resume;
        brief.variant = self.variant;
        brief.introduce_to = self.introduce_to.clone();
        Some(brief)
    }

    /// The writer's draft for the plan as it stands.
    pub fn draft(&self, data: &Data) -> Option<Draft> {
        let brief = self.brief(data)?;
        Some(write(&brief, self.message_kind()?, self.channel, self.tone))
    }

    /// A short note about the user that the contact can pass on to a hiring manager: written
    /// alongside a referral request, for the same goal, with no greeting to anyone.
    pub fn blurb(&self, data: &Data) -> Option<Draft> {
        if self.kind != Some(AskKind::Referral) {
            return None;
        }
        let brief = self.brief(data)?;
        Some(write(
            &brief,
            MessageKind::Blurb,
            Channel::LinkedInMessage,
            Tone::Formal,
        ))
    }

    pub fn coach_context(&self, data: &Data) -> Option<CoachContext> {
        let brief = self.brief(data)?;
        Some(CoachContext::from_brief(&brief, self.message_kind()?, self.channel))
    }

    /// The two-names warning for this ask, if it is a third request for names.
    pub fn names_warning(&self, data: &Data) -> Option<String> {
        let kind = self.kind?;
        if !kind.asks_for_names() {
            return None;
        }
        names_ask_warning(data, self.contact?, self.goal)
    }

    /// Whether the wizard may leave `step` going forward; the error says what is missing.
    pub fn check(&self, step: Step, data: &Data) -> Result<(), PlanError> {
        let goal_ok = || match self.goal {
            None => Err(PlanError::NoGoal),
            Some(g) if !data.goals.contains_key(&g) => Err(PlanError::GoalGone),
            Some(_) => Ok(()),
        };
        let contact_ok = || match self.contact {
            None => Err(PlanError::NoContact),
            Some(c) if !data.contacts.contains_key(&c) => Err(PlanError::ContactGone),
            Some(_) => Ok(()),
        };
        match step {
            Step::Goal => goal_ok(),
            Step::Who => goal_ok().and_then(|_| contact_ok()),
            Step::What => {
                contact_ok()?;
                if self.kind.is_none() {
                    return Err(PlanError::NoKind);
                }
                if self.names_warning(data).is_some() && !self.names_ok {
                    return Err(PlanError::NamesWarning);
                }
                Ok(())
            }
            Step::Personal => {
                clean_text("Shared experience", &self.shared)?;
                clean_text("What you admire", &self.admired)?;
                clean_text("What you offer back", &self.offer_back)?;
                clean_line("Name of the person to meet", &self.introduce_to.name)?;
                clean_line("Their company", &self.introduce_to.company)?;
                clean_line("Their role", &self.introduce_to.role)?;
                for point in &self.fit_points {
                    clean_line("Fit point", point)?;
                }
                Ok(())
            }
            Step::Channel => Ok(()),
            Step::Review => {
                if !(1..=MAX_FOLLOW_UP_DAYS).contains(&self.follow_up_days) {
                    return Err(PlanError::FollowUpDays);
                }
                Ok(())
            }
        }
    }

    /// Every check up to and including `step`: the first that fails.
    pub fn check_through(&self, step: Step, data: &Data) -> Result<(), PlanError> {
        Step::ALL
            .iter()
            .take(step.number())
            .try_for_each(|s| self.check(*s, data))
    }

    /// The one change "Mark as sent" writes: the ask, with the final text, today's date and the
    /// follow-up date, a touchpoint on the contact (an ask is a touch), and the contact with what
    /// the user asked to remember about them. `subject` and `body` are the text as sent; an
    /// e-mail's subject is kept at the top of the stored message.
    pub fn log(
        &self,
        data: &Data,
        subject: &str,
        body: &str,
        ids: (Id, Id),
        today: NaiveDate,
        now: Stamp,
    ) -> Result<Changes, PlanError> {
        self.check_through(Step::Review, data)?;
        let body = clean_text("Message", body)?;
        if body.is_empty() {
            return Err(PlanError::EmptyMessage);
        }
        let kind = self.kind.ok_or(PlanError::NoKind)?;
        let contact = self.contact.ok_or(PlanError::NoContact)?;
        let subject = clean_line("Subject", subject)?;
        let message = if self.channel == Channel::Email && !subject.is_empty() {
            format!("Subject: {subject}\n\n{body}")
        } else {
            body
        };
        let follow_up = today.checked_add_days(Days::new(u64::from(self.follow_up_days)));
        let introduce_to = if kind == AskKind::WarmIntroduction {
            self.introduce_to.describe()
        } else {
            String::new()
        };
        let ask = Ask {
            id: ids.0,
            contact,
            goal: self.goal,
            kind,
            channel: self.channel,
            message,
            sent_on: today,
            outcome: Outcome::Waiting,
            volunteered: false,
            follow_up_due: follow_up,
            introduce_to,
            notes: String::new(),
            created: now,
            updated: now,
            ..Ask::new(ids.0, contact, kind, self.channel, today, now)
        };
        let touch = Touchpoint {
            id: ids.1,
            contact,
            date: today,
            kind: TouchKind::Ask,
            direction: Direction::Neutral,
            note: format!("{} ({})", kind.label(), self.channel.label()),
            imported: None,
            created: now,
            updated: now,
        };
        Ok(Changes {
            contacts: self.remembered_contact(data, now).into_iter().collect(),
            touchpoints: vec![touch],
            asks: vec![ask],
            ..Changes::default()
        })
    }

    /// The contact with this plan's shared experience and admired work written back, when the
    /// user asked for that and they differ; `None` when there is nothing to save.
    fn remembered_contact(&self, data: &Data, now: Stamp) -> Option<Contact> {
        if !self.remember {
            return None;
        }
        let mut contact = self.contact(data)?.clone();
        let mut changed = false;
        let shared = self.shared.trim();
        if !shared.is_empty()
            && !contact.shared.iter().any(|s| s.trim() == shared)
            && contact.how_we_met.trim() != shared
        {
            contact.shared.insert(0, shared.to_string());
            changed = true;
        }
        let admired = self.admired.trim();
        if !admired.is_empty() && contact.admire.trim() != admired {
            contact.admire = admired.to_string();
            changed = true;
        }
        changed.then(|| {
            contact.updated = now;
            contact
        })
    }
}

fn situation(candidate: &Candidate) -> Situation {
    Situation {
        path: candidate.path(),
        tie: candidate.tie,
    }
}

/// The active goals, newest first: the order the goal step lists them in.
pub fn active_goals(data: &Data) -> Vec<&Goal> {
    crate::model::newest_first(data.goals.values().filter(|g| !g.archived))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compose::candidates::tests::{goal, maersk, today, TODAY};
    use crate::model::{AskKind, GoalKind, Outcome, TouchKind};
    use crate::network::fixtures::{day, stamp, World};

    #[test]
    fn the_recommended_ask_follows_the_situation() {
        let (w, g, [ana, bram, chloe]) = maersk();
        let data = &w.data;
        let found = candidates(data, &data.goals[&g], today());
        let kind_for = |id: Id| {
            let mut plan = AskPlan::start(data, Some(g), None, today());
            plan.pick(data, found.iter().find(|c| c.contact == id).unwrap());
            plan.kind
        };
        assert_eq!(kind_for(ana), Some(AskKind::Referral), "strong tie at the company");
        assert_eq!(kind_for(chloe), Some(AskKind::WarmIntroduction), "second degree");
        assert!(
            matches!(kind_for(bram), Some(AskKind::LunchInvitation | AskKind::CatchUp)),
            "weak tie"
        );
    }

    #[test]
    fn the_preselected_ask_matches_the_softer_step_the_who_list_offers() {
        let mut w = World::new();
        let g = goal(&mut w, GoalKind::Targeted, "Maersk");
        let loose = w.judged("Ana", 2, 0, 0, false);
        w.edit(loose, |c| c.company = "Maersk".into());
        w.touch(loose, "2025-05-25", TouchKind::Call);
        let found = candidates(&w.data, &w.data.goals[&g], today());
        let ana = &found.direct[0];
        assert_eq!(ana.warm_up().as_deref(), Some("Invite them for coffee or lunch"));
        let mut plan = AskPlan::start(&w.data, Some(g), None, today());
        plan.pick(&w.data, ana);
        assert_eq!(plan.kind, Some(AskKind::LunchInvitation));
    }

    #[test]
    fn picking_a_second_degree_path_names_whom_to_meet_in_the_draft() {
        let (w, g, [_, _, chloe]) = maersk();
        let data = &w.data;
        let mut plan = AskPlan::start(data, Some(g), None, today());
        let via = candidates(data, &data.goals[&g], today()).second[0].clone();
        plan.pick(data, &via);
        assert_eq!(plan.contact, Some(chloe));
        assert_eq!(plan.introduce_to.name, "Dirk Vos");
        let draft = plan.draft(data).unwrap();
        assert!(draft.body.contains("Dirk"), "{}", draft.body);
        assert!(
            draft.body.starts_with("Hi Chloé") || draft.body.contains("Chloé"),
            "{}",
            draft.body
        );
    }

    #[test]
    fn starting_from_a_contact_picks_them_with_their_path() {
        let (w, g, [ana, ..]) = maersk();
        let plan = AskPlan::start(&w.data, Some(g), Some(ana), today());
        assert_eq!(plan.step, Step::Who);
        assert_eq!(plan.contact, Some(ana));
        assert_eq!(plan.kind, Some(AskKind::Referral));
        assert_eq!(plan.shared, "the port digitisation project");
        assert_eq!(plan.fit_points, vec!["cut warehouse costs 12%", "SQL and forecasting"]);
        assert!(plan.include_resume);
    }

    #[test]
    fn a_contact_chosen_before_the_goal_is_picked_for_it_once_the_goal_is() {
        let (w, g, [ana, ..]) = maersk();
        let mut plan = AskPlan {
            contact: Some(ana),
            ..AskPlan::default()
        };
        plan.choose_goal(&w.data, g, today());
        assert_eq!(plan.kind, Some(AskKind::Referral));
        assert_eq!(plan.shared, "the port digitisation project");
    }

    #[test]
    fn with_one_active_goal_it_is_preselected_and_a_stale_goal_id_is_ignored() {
        let (w, g, _) = maersk();
        let plan = AskPlan::start(&w.data, Some(Id::from_u128(1)), None, today());
        assert_eq!(plan.goal, Some(g));
        assert_eq!(plan.step, Step::Goal);
    }

    #[test]
    fn the_wizard_does_not_move_on_without_what_each_step_needs() {
        let (w, g, [ana, ..]) = maersk();
        let data = &w.data;
        let mut plan = AskPlan::default();
        assert_eq!(plan.check(Step::Goal, data), Err(PlanError::NoGoal));
        plan.choose_goal(data, g, today());
        assert_eq!(plan.check(Step::Who, data), Err(PlanError::NoContact));
        plan.contact = Some(Id::from_u128(4242));
        assert_eq!(plan.check(Step::Who, data), Err(PlanError::ContactGone));
        plan.contact = Some(ana);
        assert_eq!(plan.check(Step::What, data), Err(PlanError::NoKind));
        plan.choose_kind(AskKind::Referral);
        assert_eq!(plan.check_through(Step::Channel, data), Ok(()));
        plan.offer_back = "x".repeat(crate::model::MAX_FIELD_CHARS + 1);
        assert!(matches!(plan.check(Step::Personal, data), Err(PlanError::Field(_))));
    }

    #[test]
    fn a_third_ask_for_names_warns_before_the_wizard_continues() {
        let (mut w, g, [ana, ..]) = maersk();
        w.ask_of(ana, "2025-04-01", AskKind::PeopleToTalkTo, Some(g));
        w.ask_of(ana, "2025-04-20", AskKind::PeopleToTalkTo, Some(g));
        let data = &w.data;
        let mut plan = AskPlan::start(data, Some(g), Some(ana), today());
        plan.choose_kind(AskKind::PeopleToTalkTo);
        assert!(plan.names_warning(data).is_some());
        assert_eq!(plan.check(Step::What, data), Err(PlanError::NamesWarning));
        plan.names_ok = true;
        assert_eq!(plan.check(Step::What, data), Ok(()));
        plan.choose_kind(AskKind::Referral);
        assert_eq!(plan.names_warning(data), None);
    }

    #[test]
    fn marking_as_sent_logs_the_ask_with_its_text_and_follow_up_and_a_touchpoint() {
        let (w, g, [_, _, chloe]) = maersk();
        let data = &w.data;
        let mut plan = AskPlan::start(data, Some(g), Some(chloe), today());
        plan.follow_up_days = 5;
        let ids = (Id::from_u128(77), Id::from_u128(78));
        let now = stamp(TODAY);
        let logged = plan
            .log(data, "Intro to Dirk?", "Hi Chloé, …", ids, today(), now)
            .unwrap();
        assert!(logged.contacts.is_empty(), "nothing to remember about Chloé");
        let (ask, touch) = (&logged.asks[0], &logged.touchpoints[0]);
        assert_eq!(ask.kind, AskKind::WarmIntroduction);
        assert_eq!(ask.contact, chloe);
        assert_eq!(ask.goal, Some(g));
        assert_eq!(ask.message, "Subject: Intro to Dirk?\n\nHi Chloé, …");
        assert_eq!(ask.sent_on, today());
        assert_eq!(ask.follow_up_due, Some(day("2025-06-06")));
        assert_eq!(ask.outcome, Outcome::Waiting);
        assert_eq!(ask.introduce_to, "Dirk Vos, Head of Planning at Maersk");
        assert_eq!(touch.contact, chloe);
        assert_eq!(touch.kind, TouchKind::Ask);
        assert_eq!(touch.date, today());
        assert!(matches!(
            plan.log(data, "", "   ", ids, today(), now),
            Err(PlanError::EmptyMessage)
        ));
        plan.follow_up_days = 0;
        assert_eq!(
            plan.log(data, "", "Hi", ids, today(), now).unwrap_err(),
            PlanError::FollowUpDays
        );
    }

    #[test]
    fn a_plan_survives_a_round_trip_through_json() {
        let (w, g, [ana, ..]) = maersk();
        let mut plan = AskPlan::start(&w.data, Some(g), Some(ana), today());
        plan.step = Step::Review;
        plan.body = "Hi Ana, edited".into();
        let json = serde_json::to_string(&plan).unwrap();
        assert_eq!(serde_json::from_str::<AskPlan>(&json).unwrap(), plan);
        // A draft from an older build with fields missing still opens.
        let old: AskPlan = serde_json::from_str(r#"{"step":"who"}"#).unwrap();
        assert_eq!(old.step, Step::Who);
        assert_eq!(old.follow_up_days, DEFAULT_FOLLOW_UP_DAYS);
    }

    #[test]
    fn edits_to_shared_context_are_remembered_on_the_contact_only_when_asked_and_new() {
        let (w, g, [ana, ..]) = maersk();
        let data = &w.data;
        let mut plan = AskPlan::start(data, Some(g), Some(ana), today());
        assert_eq!(plan.remembered_contact(data, stamp(TODAY)), None, "nothing changed");
        plan.admired = "your talk on port automation".into();
        let saved = plan.remembered_contact(data, stamp(TODAY)).unwrap();
        assert_eq!(saved.admire, "your talk on port automation");
        assert_eq!(saved.shared, vec!["the port digitisation project"]);
        let ids = (Id::from_u128(77), Id::from_u128(78));
        let logged = plan.log(data, "", "Hi Ana", ids, today(), stamp(TODAY)).unwrap();
        assert_eq!(
            logged.contacts,
            vec![saved],
            "marking as sent saves the contact in the same change"
        );
        plan.remember = false;
        assert_eq!(plan.remembered_contact(data, stamp(TODAY)), None);
    }

    #[test]
    fn a_blurb_comes_only_with_a_referral_request() {
        let (w, g, [ana, _, chloe]) = maersk();
        let data = &w.data;
        let plan = AskPlan::start(data, Some(g), Some(ana), today());
        let blurb = plan.blurb(data).expect("a referral request has a blurb");
        assert!(blurb.body.contains("Sam"), "{}", blurb.body);
        assert_eq!(AskPlan::start(data, Some(g), Some(chloe), today()).blurb(data), None);
    }

    #[test]
    fn steps_run_in_order() {
        assert_eq!(Step::Goal.previous(), None);
        assert_eq!(Step::Goal.next(), Some(Step::Who));
        assert_eq!(Step::Review.next(), None);
        assert_eq!(Step::Review.previous(), Some(Step::Channel));
        assert_eq!(Step::Channel.number(), 5);
    }
}
