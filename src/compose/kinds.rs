//! The wording of each message kind: which sentences it has, in which tone and variant, and which of
//! them may be dropped to fit a channel. Every sentence is fixed template words around the brief's
//! own fields; a needed field that is empty becomes its gap marker, never a guess.

use super::brief::{Brief, Gap, MessageKind, Part, Tone};
use super::phrase::{self, Framed, Offer};
use crate::model::Channel;

/// Whether a sentence must stay, or may be dropped (in the order `writer` decides) to fit a channel.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Slot {
    Keep,
    Drop(Part),
}

/// One sentence of a message and the paragraph it belongs to in long layouts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Piece {
    pub slot: Slot,
    pub para: u8,
    pub text: String,
}

/// A message before layout: the writer renders it for a channel and drops pieces until it fits.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Message {
    pub subject: String,
    /// "Hi Ana," — `None` for the blurb, which is addressed to whoever it is forwarded to.
    pub greeting: Option<String>,
    pub pieces: Vec<Piece>,
    /// The words that introduce the fit points.
    pub fit_intro: String,
    /// The closing word ("Best,") and the name or signature under it.
    pub sign_off: Option<(String, String)>,
}

// Paragraphs of the long layout. The request sits in the first paragraph, near the top.
const OPENING: u8 = 1;
const DETAIL: u8 = 2;
const FIT: u8 = 3;
const CLOSING: u8 = 4;
/// The résumé link stands alone, so that no sentence runs on from the address.
const LINK: u8 = 5;

/// Everything a template needs, with each field already replaced by its marker when empty.
struct Words<'a> {
    brief: &'a Brief,
    tone: Tone,
    v: usize,
    /// A connection note or a text: room for one role, not two.
    short: bool,
    /// Only an e-mail may open with "Dear": on a phone or in LinkedIn it reads stiff.
    email: bool,
}

impl Words<'_> {
    fn pick(&self, formal: [String; 3], warm: [String; 3], casual: [String; 3]) -> String {
        let set = match self.tone {
            Tone::Formal => formal,
            Tone::Warm => warm,
            Tone::Casual => casual,
        };
        let [a, b, c] = set;
        match self.v {
            0 => a,
            1 => b,
            _ => c,
        }
    }

    fn by_tone(&self, formal: &str, warm: &str, casual: &str) -> String {
        match self.tone {
            Tone::Formal => formal,
            Tone::Warm => warm,
            Tone::Casual => casual,
        }
        .to_string()
    }

    /// The first word of the recipient's name, past a title ("Dr.").
    fn first_name(&self) -> String {
        first_name(&self.brief.recipient).unwrap_or_else(|| Gap::RecipientName.marker().to_string())
    }

    fn me(&self) -> String {
        or_gap(&self.brief.profile.name, Gap::YourName)
    }

    /// "Data Analyst" or "Data Analyst or Operations Analyst": long messages name at most two roles,
    /// short ones the first.
    fn roles(&self) -> String {
        let most = if self.short { 1 } else { 2 };
        let roles: Vec<String> = self
            .brief
            .roles
            .iter()
            .map(|r| clause(r))
            .filter(|r| !r.is_empty())
            .take(most)
            .collect();
        if roles.is_empty() {
            Gap::Role.marker().to_string()
        } else {
            roles.join(" or ")
        }
    }

    fn company(&self) -> String {
        or_gap(&self.brief.company, Gap::Company)
    }

    /// " at Maersk" when the company is known, for sentences that read well either way.
    fn at_company(&self) -> String {
        at(&self.brief.company)
    }

    fn introducee(&self) -> String {
        or_gap(&self.brief.introduce_to.name, Gap::IntroduceTo)
    }

    fn referrer(&self) -> String {
        or_gap(&self.brief.referrer, Gap::Referrer)
    }

    fn greeting(&self) -> String {
        let n = self.first_name();
        let formal = if self.email {
            [format!("Dear {n},"), format!("Hello {n},"), format!("Dear {n},")]
        } else {
            [format!("Hello {n},"), format!("Hello {n},"), format!("Hi {n},")]
        };
        self.pick(
            formal,
            [format!("Hi {n},"), format!("Hello {n},"), format!("Hi {n},")],
            [format!("Hey {n}!"), format!("Hi {n}!"), format!("Hey {n},")],
        )
    }

    fn closing(&self) -> String {
        self.pick(
            ["Kind regards,".into(), "Best regards,".into(), "Sincerely,".into()],
            ["Best,".into(), "Warmly,".into(), "All the best,".into()],
            // No "Thanks!" here: the message has just said thanks.
            ["Cheers,".into(), "Speak soon,".into(), "Talk soon,".into()],
        )
    }

    fn easy_no(&self) -> Piece {
        let text = self.pick(
            [
                "I would quite understand if not.".into(),
                "If it is not possible, I understand.".into(),
                "Please feel no obligation.".into(),
            ],
            [
                "No worries at all if not.".into(),
                "No pressure at all if not.".into(),
                "If it's not a fit, that's completely fine.".into(),
            ],
            [
                "No worries if not.".into(),
                "Totally fine if not.".into(),
                "No pressure either way.".into(),
            ],
        );
        drop(Part::EasyNo, CLOSING, text)
    }

    /// A few words of thanks that every request keeps, whatever the channel: they fit anywhere.
    fn thanks(&self) -> Piece {
        let text = self.pick(
            [
                "Thank you for considering it.".into(),
                "Thank you for your time.".into(),
                "Many thanks in advance.".into(),
            ],
            [
                "Thanks so much either way.".into(),
                "Thank you either way!".into(),
                "Thanks a lot for thinking about it.".into(),
            ],
            ["Thanks either way!".into(), "Thanks!".into(), "Thanks a ton!".into()],
        );
        keep(CLOSING, text)
    }

    /// What a catch-up or an invitation offers, short enough for any channel.
    fn courtesy(&self, kind: MessageKind) -> Piece {
        let text = if kind == MessageKind::Invitation {
            self.by_tone("It would be my treat.", "My treat, of course.", "My treat!")
        } else {
            self.by_tone(
                "I will gladly work around your schedule.",
                "I can work around your schedule.",
                "I'll fit around your week.",
            )
        };
        keep(CLOSING, text)
    }

    fn no_reply_needed(&self) -> Piece {
        let text = self.by_tone("There is no need to reply.", "No need to reply.", "No need to reply!");
        // It does for an update what the easy "no" does for a request, and goes as late.
        drop(Part::EasyNo, CLOSING, text)
    }

    /// The shared experience, the admired work, or, when the brief has neither, one gap marker.
    /// Each is framed by its shape (see `phrase`): "We know each other from the HCI course." but
    /// "I still think of the time we rebuilt the billing pipeline together."
    fn common_ground(&self) -> Vec<Piece> {
        let mut pieces = Vec::new();
        if let Some(shared) = phrase::shared(&self.brief.shared) {
            let text = match shared {
                Framed::Noun(s) => self.pick(
                    [
                        format!("We know each other from {s}."),
                        format!("Our paths crossed through {s}."),
                        format!("I remember {s} well."),
                    ],
                    [
                        format!("It's been a while since {s}."),
                        format!("I still think fondly of {s}."),
                        format!("I often think back to {s}."),
                    ],
                    [
                        format!("Been a while since {s}!"),
                        format!("Still remember {s}."),
                        format!("Still think about {s} sometimes."),
                    ],
                ),
                Framed::Moment(m) => self.pick(
                    [
                        format!("I still think of {m}."),
                        format!("I often recall {m}."),
                        format!("I have good memories of {m}."),
                    ],
                    [
                        format!("I often think back to {m}."),
                        format!("I still think fondly of {m}."),
                        format!("I still smile when I think of {m}."),
                    ],
                    [
                        format!("Still think about {m}!"),
                        format!("Remember {m}?"),
                        format!("Often think back to {m}."),
                    ],
                ),
                Framed::Sentence(s) => s,
            };
            pieces.push(drop(Part::SharedExperience, OPENING, text));
        }
        if let Some(admired) = phrase::admired(&self.brief.admired) {
            let text = match admired {
                Framed::Noun(a) | Framed::Moment(a) => self.pick(
                    [
                        format!("I have long admired {a}."),
                        format!("I greatly admire {a}."),
                        format!("I admire {a}."),
                    ],
                    [
                        format!("I've really admired {a}."),
                        format!("I loved {a}."),
                        format!("I keep coming back to {a}."),
                    ],
                    [
                        format!("Big fan of {a}."),
                        format!("Loved {a}."),
                        format!("Really liked {a}."),
                    ],
                ),
                Framed::Sentence(s) => s,
            };
            pieces.push(drop(Part::AdmiredWork, OPENING, text));
        }
        if pieces.is_empty() {
            pieces.push(drop(
                Part::SharedExperience,
                OPENING,
                Gap::CommonGround.marker().to_string(),
            ));
        }
        pieces
    }

    /// Up to three fit points; when `required` and there are none, one gap marker.
    fn fit_points(&self, required: bool) -> Vec<Piece> {
        let mut pieces: Vec<Piece> = self
            .brief
            .fit_points
            .iter()
            .filter_map(|f| phrase::fit_point(f))
            // The same point typed twice is said once.
            .fold(Vec::<String>::new(), |mut seen, f| {
                if !seen.iter().any(|s| s.eq_ignore_ascii_case(&f)) {
                    seen.push(f);
                }
                seen
            })
            .into_iter()
            .take(3)
            .map(|f| drop(Part::FitPoint, FIT, f))
            .collect();
        if pieces.is_empty() && required {
            pieces.push(drop(Part::FitPoint, FIT, Gap::FitPoint.marker().to_string()));
        }
        pieces
    }

    fn fit_intro(&self, channel: Channel) -> String {
        if is_short(channel) {
            self.by_tone("Relevant experience:", "Why I'd fit:", "Why I'd fit:")
        } else {
            self.by_tone(
                "Briefly, why I believe I would be a good fit:",
                "Why I think I'd be a good fit:",
                "Why I think I'd fit:",
            )
        }
    }

    /// What the user offers back; when `required` and empty, a gap marker in the same sentence.
    fn offer_back(&self, required: bool) -> Option<Piece> {
        let offer = match phrase::offer(&self.brief.offer_back) {
            Some(offer) => offer,
            None if required => Offer::Verb(Gap::OfferBack.marker().to_string()),
            None => return None,
        };
        let text = match offer {
            Offer::Verb(o) => self.pick(
                [
                    format!("In return, I would be glad to {o}."),
                    format!("I would be happy to {o} in return."),
                    format!("If it is useful, I would gladly {o}."),
                ],
                [
                    format!("In return, I'd be happy to {o}."),
                    format!("I'd be glad to {o} in return."),
                    format!("Happy to {o} in return, too."),
                ],
                [
                    format!("Happy to {o} in return!"),
                    format!("I can {o} in return, if useful."),
                    format!("Glad to {o} anytime."),
                ],
            ),
            Offer::Clause(c) => self.by_tone(
                &format!("In return, {c}."),
                &format!("In return, {c}."),
                &format!("In return, {c}."),
            ),
            Offer::Sentence(s) => s,
        };
        Some(drop(Part::OfferBack, CLOSING, text))
    }

    fn resume(&self) -> Option<Piece> {
        if !self.brief.include_resume {
            return None;
        }
        let url = or_gap(&self.brief.profile.resume_url, Gap::ResumeLink);
        // No full stop after the link: some mail apps would make it part of the address.
        let text = self.by_tone(
            &format!("My résumé: {url}"),
            &format!("Here's my résumé: {url}"),
            &format!("Résumé: {url}"),
        );
        Some(drop(Part::Resume, LINK, text))
    }

    fn posting(&self) -> Option<Piece> {
        let posting = self.brief.posting.trim();
        if posting.is_empty() {
            return None;
        }
        let text = self.by_tone(
            &format!("The posting is here: {posting}"),
            &format!("Here's the posting: {posting}"),
            &format!("Posting: {posting}"),
        );
        Some(drop(Part::Posting, OPENING, text))
    }

    /// "Ideally in logistics, based in Rotterdam or Utrecht." — only from what the goal says.
    fn where_detail(&self) -> Option<Piece> {
        let industry = clause(&self.brief.industry);
        let all: Vec<String> = self
            .brief
            .locations
            .iter()
            .map(|l| clause(l))
            .filter(|l| !l.is_empty())
            .collect();
        // "Remote" is a way of working, not a place to be based in.
        let remote = all.iter().any(|l| l.eq_ignore_ascii_case("remote"));
        let places: Vec<String> = all
            .into_iter()
            .filter(|l| !l.eq_ignore_ascii_case("remote"))
            .take(2)
            .collect();
        let where_ = match (places.is_empty(), remote) {
            (true, false) => String::new(),
            (true, true) => "working remotely".to_string(),
            (false, false) => format!("based in {}", places.join(" or ")),
            (false, true) => format!("based in {}, or remote", places.join(" or ")),
        };
        let text = match (industry.is_empty(), where_.is_empty()) {
            (true, true) => return None,
            (false, true) => format!("Ideally in {industry}."),
            (true, false) => format!("Ideally {where_}."),
            (false, false) => format!("Ideally in {industry}, {where_}."),
        };
        Some(drop(Part::Detail, DETAIL, text))
    }

    /// Thanks for earlier help, named when the brief says what it was.
    fn thanks_again(&self) -> Piece {
        let help = clause(&self.brief.help_received);
        let text = if help.is_empty() {
            self.by_tone(
                "Thank you again for your help along the way.",
                "Thanks again for all your help.",
                "Thanks again for the help!",
            )
        } else {
            format!("Thanks again for {help}.")
        };
        keep(OPENING, text)
    }

    fn news(&self) -> String {
        let news = self.brief.news.trim();
        if news.is_empty() {
            Gap::News.marker().to_string()
        } else {
            sentence(news)
        }
    }
}

/// Builds the message of `kind` from the brief: the greeting and sign-off every kind starts from,
/// then the kind's own wording (one function a kind, below). Layout and shortening happen in
/// `writer`.
pub(super) fn compose(brief: &Brief, kind: MessageKind, channel: Channel, tone: Tone) -> Message {
    let w = Words {
        brief,
        tone,
        v: usize::from(brief.variant % 3),
        short: is_short(channel),
        email: channel == Channel::Email,
    };
    let mut msg = Message {
        subject: String::new(),
        greeting: Some(w.greeting()),
        pieces: Vec::new(),
        fit_intro: if kind == MessageKind::Blurb {
            w.by_tone("What I bring:", "What I bring:", "What I bring:")
        } else {
            w.fit_intro(channel)
        },
        sign_off: Some((w.closing(), signature(&w))),
    };
    let wording: fn(&Words, &mut Message) = match kind {
        MessageKind::CatchUp => catch_up,
        MessageKind::Invitation => invitation,
        MessageKind::AdviceMeeting => advice_meeting,
        MessageKind::Referral => referral,
        MessageKind::KeepMeInMind => keep_me_in_mind,
        MessageKind::WarmIntroduction => warm_introduction,
        MessageKind::PeopleToTalkTo => people_to_talk_to,
        MessageKind::Blurb => blurb,
        MessageKind::FirstContact => first_contact,
        MessageKind::ThankYou => thank_you,
        MessageKind::ProgressUpdate => progress_update,
        MessageKind::HowItWent => how_it_went,
        MessageKind::FollowUp => follow_up,
        MessageKind::LaterFollowUp => later_follow_up,
    };
    wording(&w, &mut msg);
    msg
}

/// Asking for a short call to catch up.
fn catch_up(w: &Words, msg: &mut Message) {
    msg.subject = w.by_tone("Catching up", "Catching up", "Long time!");
    msg.pieces.extend(w.common_ground());
    msg.pieces.push(keep(
        OPENING,
        w.pick(
            [
                "Would you have time for a short call in the coming weeks to catch up?".into(),
                "Might you have time for a brief call to catch up soon?".into(),
                "Could we find a time for a short call to catch up on what you are working on?".into(),
            ],
            [
                "Would you be up for a quick call in the next few weeks to catch up?".into(),
                "Could we find time for a call soon? I'd love to hear what you're working on.".into(),
                "Would you be free for a catch-up call sometime soon?".into(),
            ],
            [
                "Fancy a quick call to catch up soon?".into(),
                "Up for a catch-up call one of these days?".into(),
                "Got time for a quick call soon? Would love to hear what you're up to.".into(),
            ],
        ),
    ));
    msg.pieces.extend(w.offer_back(false));
    msg.pieces.push(w.easy_no());
    msg.pieces.push(w.courtesy(MessageKind::CatchUp));
}

/// A coffee or lunch invitation.
fn invitation(w: &Words, msg: &mut Message) {
    msg.subject = w.by_tone("Coffee or lunch?", "Coffee or lunch?", "Coffee?");
    msg.pieces.extend(w.common_ground());
    msg.pieces.push(keep(
        OPENING,
        w.pick(
            [
                "Would you be open to meeting for coffee or lunch in the coming weeks?".into(),
                "May I invite you for coffee or lunch sometime soon?".into(),
                "Might you have time for coffee or lunch one of these weeks?".into(),
            ],
            [
                "Would you like to grab coffee or lunch sometime soon?".into(),
                "Could I take you out for coffee or lunch one of these weeks?".into(),
                "Any chance you're free for coffee or lunch soon?".into(),
            ],
            [
                "Coffee or lunch sometime soon?".into(),
                "Want to grab a coffee or lunch one of these weeks?".into(),
                "Free for lunch or a coffee soon?".into(),
            ],
        ),
    ));
    msg.pieces.extend(w.offer_back(false));
    msg.pieces.push(w.easy_no());
    msg.pieces.push(w.courtesy(MessageKind::Invitation));
}

/// Asking for 20 to 30 minutes of their advice on the role, then why them.
fn advice_meeting(w: &Words, msg: &mut Message) {
    let roles = w.roles();
    let c_at = w.at_company();
    msg.subject = w.by_tone(
        &format!("Asking your advice: {roles}{c_at}"),
        &format!("Your advice on {roles} roles?"),
        &format!("Advice on {roles} roles?"),
    );
    msg.pieces.extend(w.common_ground());
    msg.pieces.push(keep(
        OPENING,
        w.pick(
            [
                format!("I would value your advice: could you spare 20 to 30 minutes to share your view of the {roles} role{c_at}?"),
                format!("Might you have 20 to 30 minutes in the coming weeks to give me your advice on {roles} roles{c_at}?"),
                format!("I would be grateful for 20 to 30 minutes of your advice on the {roles} role{c_at}."),
            ],
            [
                format!("Could I ask for 20 to 30 minutes of your advice on the {roles} role{c_at}?"),
                format!("Would you have 20 to 30 minutes to give me your advice on {roles} roles{c_at}?"),
                format!("I'd love 20 to 30 minutes of your advice on {roles} roles{c_at}, whenever suits you."),
            ],
            [
                format!("Could I grab 20 to 30 minutes of your advice on {roles} roles{c_at}?"),
                format!("Got 20 minutes or so to give me your take on {roles} roles{c_at}? I'd really value your advice."),
                format!("Any chance of 20 to 30 minutes of your advice on {roles} roles{c_at}?"),
            ],
        ),
    ));
    // Why them, in the user's own voice: the shared experience or admired work above says
    // the rest, and no fact about them is assumed.
    msg.pieces.push(keep(
        OPENING,
        w.by_tone(
            "I am asking you because I value your judgement.",
            "I'm asking you because I value your judgement.",
            "Asking you because I trust your judgement.",
        ),
    ));
    msg.pieces.extend(w.offer_back(false));
    msg.pieces.push(w.easy_no());
    msg.pieces.push(w.thanks());
}

/// A referral request for a targeted goal.
fn referral(w: &Words, msg: &mut Message) {
    let roles = w.roles();
    let c = w.company();
    msg.subject = w.by_tone(
        &format!("Referral request: {roles} at {c}"),
        &format!("A referral for {roles} at {c}?"),
        &format!("Referral for {roles} at {c}?"),
    );
    msg.pieces.extend(w.common_ground());
    msg.pieces.push(keep(
        OPENING,
        w.pick(
            [
                format!("I am applying for the {roles} role at {c}, and I would be grateful if you would consider referring me."),
                format!("Would you be willing to refer me for the {roles} role at {c}?"),
                format!("I am writing to ask whether you would refer me for the {roles} position at {c}."),
            ],
            [
                format!("I'm applying for the {roles} role at {c}. Would you be willing to refer me?"),
                format!("Would you feel comfortable referring me for the {roles} role at {c}?"),
                format!("I'm hoping to join {c} as {roles}; would you be open to referring me?"),
            ],
            [
                format!("Would you be up for referring me for the {roles} role at {c}?"),
                format!("Any chance you'd refer me for the {roles} role at {c}?"),
                format!("I'm applying for {roles} at {c}. Could you put in a referral for me?"),
            ],
        ),
    ));
    msg.pieces.extend(w.posting());
    msg.pieces.extend(w.fit_points(true));
    msg.pieces.extend(w.offer_back(true));
    msg.pieces.push(w.easy_no());
    msg.pieces.push(w.thanks());
    msg.pieces.extend(w.resume());
}

/// "Keep me in mind" for a general goal.
fn keep_me_in_mind(w: &Words, msg: &mut Message) {
    let roles = w.roles();
    msg.subject = w.by_tone(
        &format!("Looking for {roles} roles"),
        &format!("Keeping an eye out for {roles} roles"),
        &format!("On the lookout for {roles} roles"),
    );
    // A general goal names no company; a targeted one asked this way still says where.
    let c_at = w.at_company();
    msg.pieces.extend(w.common_ground());
    msg.pieces.push(keep(
        OPENING,
        w.pick(
            [
                format!("I am looking for my next role as {roles}{c_at}; would you keep me in mind if you hear of an opening?"),
                format!("Would you keep me in mind if you hear of an opening for {roles}{c_at}?"),
                format!("I am exploring {roles} roles{c_at}; if one comes to your attention, would you think of me?"),
            ],
            [
                format!("I'm looking for my next {roles} role{c_at}. Would you keep me in mind if you hear of anything?"),
                format!("If you come across {roles} roles{c_at}, would you keep me in mind?"),
                format!("Would you keep me in mind for {roles} roles{c_at} that come your way?"),
            ],
            [
                format!("I'm on the lookout for {roles} roles{c_at}. Keep me in mind if you hear of anything?"),
                format!("If any {roles} roles{c_at} cross your desk, would you think of me?"),
                format!("Could you keep an ear out for {roles} roles{c_at} for me?"),
            ],
        ),
    ));
    msg.pieces.extend(w.where_detail());
    msg.pieces.extend(w.fit_points(true));
    msg.pieces.extend(w.offer_back(true));
    msg.pieces.push(w.easy_no());
    msg.pieces.push(w.thanks());
    msg.pieces.extend(w.resume());
}

/// Asking a mutual contact for a warm introduction.
fn warm_introduction(w: &Words, msg: &mut Message) {
    let brief = w.brief;
    let roles = w.roles();
    let t = w.introducee();
    let t_at = at(&brief.introduce_to.company);
    msg.subject = w.by_tone(
        &format!("An introduction to {t}?"),
        &format!("Introduction to {t}?"),
        &format!("Intro to {t}?"),
    );
    msg.pieces.extend(w.common_ground());
    msg.pieces.push(keep(
        OPENING,
        w.pick(
            [
                format!("I noticed you know {t}{t_at}; would you be comfortable introducing me?"),
                format!("Would you be willing to introduce me to {t}{t_at}?"),
                format!("Might you be open to introducing me to {t}{t_at}?"),
            ],
            [
                format!("I see you know {t}{t_at}. Would you be comfortable introducing us?"),
                format!("Would you be open to introducing me to {t}{t_at}?"),
                format!("Would you be up for introducing me to {t}{t_at}?"),
            ],
            [
                format!("Any chance you could intro me to {t}{t_at}?"),
                format!("Would you mind introducing me to {t}{t_at}?"),
                format!("Could you connect me with {t}{t_at}?"),
            ],
        ),
    ));
    // The company of the goal if there is one, else the introducee's: the reason for the ask.
    let company = if brief.company.trim().is_empty() {
        brief.introduce_to.company.as_str()
    } else {
        brief.company.as_str()
    };
    // The request above already named the company when it is the introducee's.
    let same = !company.trim().is_empty()
        && brief.introduce_to.company.trim().eq_ignore_ascii_case(company.trim())
        && !brief.introduce_to.name.trim().is_empty();
    let c_at = if same { " there".to_string() } else { at(company) };
    msg.pieces.push(keep(
        OPENING,
        w.by_tone(
            &format!("I am interested in the {roles} role{c_at}."),
            &format!("I'm interested in the {roles} role{c_at}."),
            &format!("I'm keen on the {roles} role{c_at}."),
        ),
    ));
    msg.pieces.push(drop(
        Part::Detail,
        DETAIL,
        w.by_tone(
            "May I ask how well you know them? I would be happy to send a short note you could forward.",
            "How well do you know them? I can send a short note you could forward.",
            "How well do you know them? I can send a short blurb to forward.",
        ),
    ));
    msg.pieces.extend(w.fit_points(true));
    msg.pieces.extend(w.offer_back(true));
    msg.pieces.push(w.easy_no());
    msg.pieces.push(w.thanks());
}

/// "One or two people I could talk to."
fn people_to_talk_to(w: &Words, msg: &mut Message) {
    let roles = w.roles();
    msg.subject = w.by_tone(
        &format!("One or two people to speak with about {roles} roles?"),
        &format!("One or two people to talk to about {roles}?"),
        &format!("Who should I talk to about {roles} roles?"),
    );
    let c_at = w.at_company();
    msg.pieces.extend(w.common_ground());
    msg.pieces.push(keep(
        OPENING,
        w.pick(
            [
                format!("Could you suggest one or two people I could talk to about {roles} roles{c_at}?"),
                format!("Would you know one or two people who might be willing to speak with me about {roles} work{c_at}?"),
                format!("I would be grateful for the names of one or two people I could speak with about {roles} roles{c_at}."),
            ],
            [
                format!("Is there one person, or maybe two, you think I should talk to about {roles} roles{c_at}?"),
                format!("Could you think of one or two people I could chat with about {roles} roles{c_at}?"),
                format!("Do you know one or two people who'd be good to talk to about {roles} work{c_at}?"),
            ],
            [
                format!("Know one or two people I should talk to about {roles} roles{c_at}?"),
                format!("Who are one or two people I should talk to about {roles} roles{c_at}?"),
                format!("Could you point me to one or two people to chat with about {roles} roles{c_at}?"),
            ],
        ),
    ));
    msg.pieces.extend(w.where_detail());
    msg.pieces.extend(w.fit_points(false));
    msg.pieces.extend(w.offer_back(true));
    msg.pieces.push(w.easy_no());
    msg.pieces.push(w.thanks());
}

/// A short note about the user that the contact can forward: addressed to no one, so it has no
/// greeting and no sign-off.
fn blurb(w: &Words, msg: &mut Message) {
    let brief = w.brief;
    let roles = w.roles();
    let me = w.me();
    msg.greeting = None;
    msg.sign_off = None;
    msg.subject = format!("{me}: {roles}");
    msg.pieces.push(keep(
        OPENING,
        w.pick(
            [
                format!("My name is {me}."),
                format!("Allow me to introduce myself: {me}."),
                format!("I am {me}."),
            ],
            [
                format!("I'm {me}."),
                format!("My name is {me}."),
                format!("This is {me}."),
            ],
            [format!("I'm {me}."), format!("Hi, I'm {me}."), format!("{me} here.")],
        ),
    ));
    let headline = brief.profile.headline.trim();
    if !headline.is_empty() {
        msg.pieces.push(drop(Part::Detail, OPENING, sentence(headline)));
    }
    let c_at = w.at_company();
    msg.pieces.push(keep(
        OPENING,
        w.pick(
            [
                format!("I am looking for a role as {roles}{c_at}."),
                format!("I am seeking a position as {roles}{c_at}."),
                format!("My aim is a role as {roles}{c_at}."),
            ],
            [
                format!("I'm looking for a role as {roles}{c_at}."),
                format!("I'm hoping to find a role as {roles}{c_at}."),
                format!("Next, I'd love to work as {roles}{c_at}."),
            ],
            [
                format!("I'm after a role as {roles}{c_at}."),
                format!("Looking for a role as {roles}{c_at}."),
                format!("Next up for me: a role as {roles}{c_at}."),
            ],
        ),
    ));
    msg.pieces.extend(w.where_detail());
    msg.pieces.extend(w.fit_points(true));
    msg.pieces.extend(w.resume());
    let n = recipient_or_gap(brief);
    msg.pieces.push(keep(
        CLOSING,
        w.by_tone(
            &format!("If you would like to talk, {n} can put us in touch."),
            &format!("If you'd like to talk, {n} can put us in touch."),
            &format!("Up for a chat? {n} can put us in touch."),
        ),
    ));
    msg.pieces.push(keep(
        CLOSING,
        w.by_tone("Thank you for reading.", "Thanks for reading.", "Thanks for reading!"),
    ));
}

/// First contact with a referred person: "X suggested I get in touch."
fn first_contact(w: &Words, msg: &mut Message) {
    let brief = w.brief;
    let roles = w.roles();
    let r = w.referrer();
    msg.subject = w.by_tone(
        &format!("{r} suggested I contact you"),
        &format!("{r} suggested I get in touch"),
        &format!("{r} suggested we talk"),
    );
    msg.pieces.push(keep(
        OPENING,
        w.pick(
            [
                format!("{r} suggested I get in touch with you."),
                format!("{r} kindly suggested that I contact you."),
                format!("I am writing at the suggestion of {r}."),
            ],
            [
                format!("{r} suggested I get in touch."),
                format!("{r} suggested I reach out to you."),
                format!("I'm reaching out because {r} suggested it."),
            ],
            [
                format!("{r} said I should get in touch!"),
                format!("{r} suggested I reach out."),
                format!("Reaching out because {r} suggested it."),
            ],
        ),
    ));
    let r1 = first_name(&brief.referrer).unwrap_or_else(|| r.clone());
    if let Some(values) = phrase::values(&brief.values) {
        msg.pieces.push(drop(
            Part::Detail,
            OPENING,
            w.by_tone(
                &format!("{r1} mentioned that {values}."),
                &format!("{r1} mentioned {values}."),
                &format!("{r1} tells me {values}."),
            ),
        ));
    }
    let c_at = w.at_company();
    msg.pieces.push(keep(
        OPENING,
        w.pick(
            [
                format!("I am exploring {roles} roles{c_at}; would you have time for a short conversation in the coming days?"),
                format!("Might you have time for a brief call about {roles} roles{c_at}?"),
                format!("Would you be open to a short call so I could learn about {roles} work{c_at}?"),
            ],
            [
                format!("I'm exploring {roles} roles{c_at}. Would you have time for a short call this week or next?"),
                format!("Could we find time for a quick call about {roles} roles{c_at}?"),
                format!("Would you be up for a short chat about {roles} work{c_at}?"),
            ],
            [
                format!("Got time for a quick chat about {roles} roles{c_at}?"),
                format!("Could we grab a quick call about {roles} roles{c_at}?"),
                format!("Up for a short chat about {roles} work{c_at}?"),
            ],
        ),
    ));
    msg.pieces.extend(w.fit_points(true));
    msg.pieces.extend(w.offer_back(false));
    msg.pieces.push(w.easy_no());
    msg.pieces.push(w.thanks());
    msg.pieces.extend(w.resume());
}

/// Thanks for the help received.
fn thank_you(w: &Words, msg: &mut Message) {
    let brief = w.brief;
    let help = or_gap(&clause(&brief.help_received), Gap::HelpReceived);
    msg.subject = w.by_tone("Thank you", "Thank you!", "Thanks!");
    msg.pieces.push(keep(
        OPENING,
        w.pick(
            [
                format!("Thank you for {help}."),
                format!("I wanted to thank you for {help}."),
                format!("I am very grateful to you for {help}."),
            ],
            [
                format!("Thank you so much for {help}."),
                format!("I just wanted to say thanks for {help}."),
                format!("I'm really grateful to you for {help}."),
            ],
            [
                format!("Thanks so much for {help}!"),
                format!("Huge thanks for {help}!"),
                format!("Really grateful for {help}!"),
            ],
        ),
    ));
    if !brief.news.trim().is_empty() {
        let news = w.news();
        msg.pieces.push(drop(
            Part::Detail,
            DETAIL,
            w.by_tone(
                &format!("An update: {news}"),
                &format!("A quick update: {news}"),
                &format!("Quick update: {news}"),
            ),
        ));
    }
    msg.pieces.extend(w.offer_back(false));
}

/// An update on the user's search.
fn progress_update(w: &Words, msg: &mut Message) {
    let brief = w.brief;
    let roles = w.roles();
    let news = w.news();
    msg.subject = w.by_tone("An update on my search", "A quick update on my search", "Quick update");
    msg.pieces.push(w.thanks_again());
    msg.pieces.push(keep(
        OPENING,
        w.pick(
            [
                format!("I wanted to share a brief update on my search: {news}"),
                format!("A short update on my search: {news}"),
                format!("I thought you might like to hear how my search is going: {news}"),
            ],
            [
                format!("A quick update on my search: {news}"),
                format!("I wanted to let you know how things are going: {news}"),
                format!("Here's where my search stands: {news}"),
            ],
            [
                format!("Quick update: {news}"),
                format!("News from my search: {news}"),
                format!("Thought you'd like an update: {news}"),
            ],
        ),
    ));
    if !brief.roles.iter().all(|r| r.trim().is_empty()) {
        msg.pieces.push(drop(
            Part::Detail,
            DETAIL,
            w.by_tone(
                &format!("I am still focused on {roles} roles."),
                &format!("I'm still focused on {roles} roles."),
                &format!("Still going for {roles} roles."),
            ),
        ));
    }
    msg.pieces.extend(w.offer_back(false));
    msg.pieces.push(w.no_reply_needed());
}

/// Telling the introducer how the introduction went.
fn how_it_went(w: &Words, msg: &mut Message) {
    let t = w.introducee();
    let news = w.news();
    msg.subject = w.by_tone(
        &format!("My conversation with {t}"),
        &format!("How it went with {t}"),
        &format!("How it went with {t}"),
    );
    msg.pieces.push(keep(
        OPENING,
        w.pick(
            [
                format!("Thank you again for introducing me to {t}."),
                format!("I wanted to close the loop on your introduction to {t}, and thank you again."),
                format!("I am writing to thank you again for the introduction to {t}."),
            ],
            [
                format!("Thanks again for introducing me to {t}!"),
                format!("A quick update on the intro to {t}, and thanks again for it."),
                format!("Closing the loop on your intro to {t}, with thanks."),
            ],
            [
                format!("Thanks again for the intro to {t}!"),
                format!("Quick follow-up on the intro to {t}, thanks again!"),
                format!("Circling back on the intro to {t}. Thanks again!"),
            ],
        ),
    ));
    msg.pieces.push(keep(
        OPENING,
        w.by_tone(
            &format!("Here is how it went: {news}"),
            &format!("Here's how it went: {news}"),
            &format!("How it went: {news}"),
        ),
    ));
    msg.pieces.extend(w.offer_back(false));
    msg.pieces.push(w.no_reply_needed());
}

/// A gentle nudge on an ask that has had no answer.
fn follow_up(w: &Words, msg: &mut Message) {
    let brief = w.brief;
    let roles = w.roles();
    let asked = match clause(&brief.asked) {
        a if a.is_empty() => "last message".to_string(),
        a => a,
    };
    let about = match (
        brief.roles.iter().any(|r| !r.trim().is_empty()),
        brief.company.trim().is_empty(),
    ) {
        (true, false) => format!("my {asked} about the {roles} role at {}", brief.company.trim()),
        (true, true) => format!("my {asked} about {roles} roles"),
        (false, _) => format!("my {asked}"),
    };
    let day = clause(&brief.asked_on);
    let (sent, from) = if day.is_empty() {
        (String::new(), String::new())
    } else {
        (format!(", sent on {day}"), format!(" from {day}"))
    };
    msg.subject = w.by_tone(
        &format!("Following up on my {asked}"),
        &format!("Following up: my {asked}"),
        "Quick follow-up",
    );
    msg.pieces.push(keep(
        OPENING,
        w.pick(
            [
                format!("I wanted to follow up on {about}{sent}."),
                format!("I am writing to follow up on {about}{sent}."),
                format!("May I follow up on {about}{sent}?"),
            ],
            [
                format!("I wanted to follow up on {about}{sent}."),
                format!("Just following up on {about}{from}."),
                format!("A gentle follow-up on {about}{sent}."),
            ],
            [
                format!("Just following up on {about}{from}!"),
                format!("Quick nudge on {about}{from}."),
                format!("Circling back on {about}{from}."),
            ],
        ),
    ));
    msg.pieces.push(drop(
        Part::Detail,
        OPENING,
        w.by_tone(
            "I know how busy things get, so a short yes or no would already help me plan.",
            "I know things get busy, so a quick yes or no would already help me plan.",
            "A quick yes or no would already help me plan.",
        ),
    ));
    msg.pieces.push(w.easy_no());
    msg.pieces.push(w.thanks());
}

/// Writing again after a can't, with progress since.
fn later_follow_up(w: &Words, msg: &mut Message) {
    let brief = w.brief;
    let roles = w.roles();
    let news = w.news();
    msg.subject = w.by_tone("An update since we last spoke", "A quick update", "Quick update");
    msg.pieces.push(w.thanks_again());
    if let Some(advice) = phrase::advice(&brief.advice) {
        msg.pieces.push(drop(Part::Detail, OPENING, advice));
    }
    msg.pieces.push(keep(
        OPENING,
        w.pick(
            [
                format!("Since we last spoke: {news}"),
                format!("An update since then: {news}"),
                format!("Here is where things stand: {news}"),
            ],
            [
                format!("Since we last spoke: {news}"),
                format!("A quick update since then: {news}"),
                format!("Here's where things stand: {news}"),
            ],
            [
                format!("Since we last talked: {news}"),
                format!("Quick update: {news}"),
                format!("Where things stand: {news}"),
            ],
        ),
    ));
    if brief.roles.iter().any(|r| !r.trim().is_empty()) {
        let c_at = w.at_company();
        let text = if w.short {
            w.by_tone(
                &format!("If a role as {roles} opens up{c_at}, I would be grateful if you thought of me."),
                &format!("If a role as {roles} opens up{c_at}, I'd be grateful if you thought of me."),
                &format!("If a role as {roles} opens up{c_at}, I'd love it if you thought of me!"),
            )
        } else {
            w.by_tone(
                &format!("I am still looking for {roles} roles{c_at}; if one opens up, I would be grateful if you thought of me."),
                &format!("I'm still looking for {roles} roles{c_at}, so if one opens up, I'd be grateful if you thought of me."),
                &format!("Still after {roles} roles{c_at}, so if one opens up, I'd be grateful if you thought of me!"),
            )
        };
        msg.pieces.push(keep(CLOSING, text));
    }
    msg.pieces.push(w.no_reply_needed());
}

fn signature(w: &Words) -> String {
    let signature = w.brief.profile.signature.trim();
    if signature.is_empty() {
        w.me()
    } else {
        signature.to_string()
    }
}

fn keep(para: u8, text: String) -> Piece {
    Piece {
        slot: Slot::Keep,
        para,
        text,
    }
}

fn drop(part: Part, para: u8, text: String) -> Piece {
    Piece {
        slot: Slot::Drop(part),
        para,
        text,
    }
}

pub(super) fn is_short(channel: Channel) -> bool {
    matches!(channel, Channel::LinkedInConnectionNote | Channel::TextMessage)
}

fn or_gap(value: &str, gap: Gap) -> String {
    let value = value.trim();
    if value.is_empty() {
        gap.marker().to_string()
    } else {
        value.to_string()
    }
}

fn recipient_or_gap(brief: &Brief) -> String {
    first_name(&brief.recipient).unwrap_or_else(|| Gap::RecipientName.marker().to_string())
}

fn at(company: &str) -> String {
    let company = company.trim();
    if company.is_empty() {
        String::new()
    } else {
        format!(" at {company}")
    }
}

/// The first word of a name past a title ("Dr. Hana Sato" is Hana), as the rest of the app calls
/// a contact: the people a user asks know them, and write to them by first name.
pub(super) fn first_name(name: &str) -> Option<String> {
    let name = name.trim();
    (!name.is_empty()).then(|| crate::network::words::first_name(name).to_string())
}

/// A field used mid-sentence: trimmed, without the full stop or comma the user may have ended it on.
pub(super) fn clause(value: &str) -> String {
    value
        .trim()
        .trim_end_matches(['.', ',', ';', ':'])
        .trim_end()
        .to_string()
}

/// A field used as a whole sentence: ends in punctuation.
fn sentence(value: &str) -> String {
    let value = value.trim();
    if value.ends_with(['.', '!', '?', '…']) {
        value.to_string()
    } else {
        format!("{value}.")
    }
}
