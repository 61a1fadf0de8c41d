//! Table tests of the phrase-aware slots: real-looking phrasings of each free-text field (noun
//! phrases, clauses, "when/how/that" clauses, whole sentences; with and without final
//! punctuation, accents, all caps, very long) and the sentence each must produce.

use super::kinds::{compose, Piece, Slot};
use super::*;
use crate::model::Channel;

/// The sentence of `part` in the formal e-mail of `kind`, first phrasing, written from `brief`.
fn sentence_of(brief: &Brief, kind: MessageKind, part: Part) -> Option<String> {
    let message = compose(brief, kind, Channel::Email, Tone::Formal);
    message
        .pieces
        .iter()
        .find(|p: &&Piece| p.slot == Slot::Drop(part))
        .map(|p| p.text.clone())
}

fn check_table(table: &[(&str, &str)], make: impl Fn(&str) -> Brief, kind: MessageKind, part: Part) {
    assert!(table.len() >= 30, "at least 30 phrasings, got {}", table.len());
    let mut wrong = Vec::new();
    for (typed, expected) in table {
        let got = sentence_of(&make(typed), kind, part).unwrap_or_default();
        if got != *expected {
            wrong.push(format!(
                "  typed:    {typed:?}\n  expected: {expected:?}\n  got:      {got:?}"
            ));
        }
    }
    assert!(
        wrong.is_empty(),
        "{} of {} read wrong:\n{}",
        wrong.len(),
        table.len(),
        wrong.join("\n")
    );
}

const LONG_SHARED: &str = "the warehouse automation programme in Rotterdam, with its three sites, two vendors, the \
    night-shift pilots and the quarterly steering committee reviews we ran together";

#[test]
fn a_shared_experience_reads_right_whatever_its_shape() {
    let long_expected = format!("We know each other from {}.", LONG_SHARED);
    let table: Vec<(&str, &str)> = vec![
        ("the HCI course", "We know each other from the HCI course."),
        ("The HCI course.", "We know each other from the HCI course."),
        ("HCI course", "We know each other from the HCI course."),
        (
            "the port digitisation project",
            "We know each other from the port digitisation project.",
        ),
        (
            "billing team at Litware",
            "We know each other from the billing team at Litware.",
        ),
        ("Litware", "We know each other from Litware."),
        ("PyData Berlin 2019", "We know each other from PyData Berlin 2019."),
        ("work", "We know each other from work."),
        ("our time at Contoso", "We know each other from our time at Contoso."),
        ("at Contoso", "We know each other from our time at Contoso."),
        ("from the HCI course", "We know each other from the HCI course."),
        (
            "We know each other from the rowing club.",
            "We know each other from the rowing club.",
        ),
        ("the wedding in Porto", "We know each other from the wedding in Porto."),
        (
            "working together at Litware",
            "We know each other from working together at Litware.",
        ),
        (
            "Working together at Litware",
            "We know each other from working together at Litware.",
        ),
        (
            "Ana's wedding in Lisbon",
            "We know each other from Ana's wedding in Lisbon.",
        ),
        (
            "the Université de Montréal exchange",
            "We know each other from the Université de Montréal exchange.",
        ),
        ("THE HCI COURSE", "We know each other from the HCI course."),
        ("  the   HCI course  ", "We know each other from the HCI course."),
        ("“the HCI course”", "We know each other from the HCI course."),
        ("- the HCI course;", "We know each other from the HCI course."),
        (
            "that summer at Litware",
            "We know each other from that summer at Litware.",
        ),
        (
            "Stanford design school",
            "We know each other from the Stanford design school.",
        ),
        (
            "we rebuilt the billing pipeline together at Litware",
            "I still think of the time we rebuilt the billing pipeline together at Litware.",
        ),
        (
            "We rebuilt the billing pipeline together at Litware.",
            "I still think of the time we rebuilt the billing pipeline together at Litware.",
        ),
        (
            "WE REBUILT THE BILLING PIPELINE AT LITWARE",
            "I still think of the time we rebuilt the billing pipeline at litware.",
        ),
        (
            "rebuilt the billing pipeline together",
            "I still think of the time we rebuilt the billing pipeline together.",
        ),
        (
            "Organised the Kraków meetup together",
            "I still think of the time we organised the Kraków meetup together.",
        ),
        (
            "I helped you move to Utrecht",
            "I still think of the time I helped you move to Utrecht.",
        ),
        (
            "you mentored me on my first project!",
            "I still think of the time you mentored me on my first project.",
        ),
        (
            "when we shared a desk at Fabrikam",
            "I still think of when we shared a desk at Fabrikam.",
        ),
        (
            "how we met at the Lisbon offsite",
            "I still think of how we met at the Lisbon offsite.",
        ),
        (
            "that we shipped the app in six weeks",
            "I still think of the time we shipped the app in six weeks.",
        ),
        (
            "while we were both at Northwind",
            "I still think of the time we were both at Northwind.",
        ),
        (
            "My team and I worked with yours on the SAP rollout",
            "I still think of the time my team and I worked with yours on the SAP rollout.",
        ),
        (
            "We met at PyData 2019. You gave the keynote",
            "We met at PyData 2019. You gave the keynote.",
        ),
        (
            "we sat next to each other at Dr. Okafor's class. Great times!",
            "We sat next to each other at Dr. Okafor's class. Great times!",
        ),
        (LONG_SHARED, long_expected.as_str()),
    ];
    let make = |typed: &str| Brief {
        recipient: "Ana".into(),
        shared: typed.into(),
        ..Brief::default()
    };
    check_table(&table, make, MessageKind::CatchUp, Part::SharedExperience);
}

#[test]
fn admired_work_reads_right_whatever_its_shape() {
    let long = "your series of posts on running forecasting teams through the pandemic, the one on hiring analysts \
        without a degree, and the talk at the Rotterdam logistics meetup that followed it";
    let long_expected = format!("I have long admired {long}.");
    let table: Vec<(&str, &str)> = vec![
        (
            "your talk on warehouse robotics",
            "I have long admired your talk on warehouse robotics.",
        ),
        (
            "Your talk on warehouse robotics.",
            "I have long admired your talk on warehouse robotics.",
        ),
        (
            "YOUR TALK ON WAREHOUSE ROBOTICS",
            "I have long admired your talk on warehouse robotics.",
        ),
        (
            "talk on warehouse robotics",
            "I have long admired the talk on warehouse robotics.",
        ),
        ("The keynote at ProMat", "I have long admired the keynote at ProMat."),
        (
            "the open-source forecasting library",
            "I have long admired the open-source forecasting library.",
        ),
        ("your newsletter", "I have long admired your newsletter."),
        (
            "your podcast “Ops Unfiltered”",
            "I have long admired your podcast “Ops Unfiltered”.",
        ),
        ("Ops Unfiltered", "I have long admired Ops Unfiltered."),
        (
            "your work on the Malmö harbour redesign",
            "I have long admired your work on the Malmö harbour redesign.",
        ),
        ("your team's dashboard", "I have long admired your team's dashboard."),
        (
            "I admire your writing on pricing",
            "I have long admired your writing on pricing.",
        ),
        (
            "I really admire the way you run retros.",
            "I have long admired the way you run retros.",
        ),
        ("I love your podcast!", "I have long admired your podcast."),
        (
            "you built the forecasting team from scratch",
            "I have long admired how you built the forecasting team from scratch.",
        ),
        (
            "You gave a great talk at PyData",
            "I have long admired how you gave a great talk at PyData.",
        ),
        (
            "you've grown the community to 5,000 members",
            "I have long admired how you've grown the community to 5,000 members.",
        ),
        (
            "built the forecasting team from scratch",
            "I have long admired how you built the forecasting team from scratch.",
        ),
        (
            "Led the move to open data",
            "I have long admired how you led the move to open data.",
        ),
        (
            "how you handled the outage",
            "I have long admired how you handled the outage.",
        ),
        (
            "How you handled the outage in March.",
            "I have long admired how you handled the outage in March.",
        ),
        (
            "that you open-sourced the routing engine",
            "I have long admired how you open-sourced the routing engine.",
        ),
        (
            "when you stood up for the interns",
            "I have long admired how you stood up for the interns.",
        ),
        (
            "what you did for the Lagos office",
            "I have long admired what you did for the Lagos office.",
        ),
        (
            "the way you run the data team",
            "I have long admired the way you run the data team.",
        ),
        ("I learned a lot from your talk", "I learned a lot from your talk."),
        ("I still use your checklist", "I still use your checklist."),
        (
            "Your talk changed how I plan. I still use the checklist",
            "Your talk changed how I plan. I still use the checklist.",
        ),
        (
            "your writing on pricing; ",
            "I have long admired your writing on pricing.",
        ),
        (
            "  your   writing on pricing…",
            "I have long admired your writing on pricing.",
        ),
        (
            "'your writing on pricing'",
            "I have long admired your writing on pricing.",
        ),
        (long, long_expected.as_str()),
    ];
    let make = |typed: &str| Brief {
        recipient: "Ana".into(),
        admired: typed.into(),
        ..Brief::default()
    };
    check_table(&table, make, MessageKind::CatchUp, Part::AdmiredWork);
}

#[test]
fn an_offer_back_reads_right_whatever_its_shape() {
    let long = "review the forecasting model your team uses for the peak season, walk through the carrier contracts \
        with you, and share the playbook I wrote for the night shift";
    let long_expected = format!("In return, I would be glad to {long}.");
    let table: Vec<(&str, &str)> = vec![
        (
            "review your team's forecasting model",
            "In return, I would be glad to review your team's forecasting model.",
        ),
        (
            "Review your team's forecasting model.",
            "In return, I would be glad to review your team's forecasting model.",
        ),
        (
            "REVIEW YOUR FORECASTING MODEL",
            "In return, I would be glad to review your forecasting model.",
        ),
        (
            "share my notes on carrier contracts",
            "In return, I would be glad to share my notes on carrier contracts.",
        ),
        (
            "introduce you to my old team at Fabrikam",
            "In return, I would be glad to introduce you to my old team at Fabrikam.",
        ),
        (
            "help with hiring analysts",
            "In return, I would be glad to help with hiring analysts.",
        ),
        ("buy you lunch!", "In return, I would be glad to buy you lunch."),
        (
            "proofread your next conference talk",
            "In return, I would be glad to proofread your next conference talk.",
        ),
        (
            "I'd be happy to review your deck",
            "In return, I would be glad to review your deck.",
        ),
        (
            "Happy to review your deck.",
            "In return, I would be glad to review your deck.",
        ),
        (
            "I’d be happy to review your deck",
            "In return, I would be glad to review your deck.",
        ),
        (
            "I can review your deck",
            "In return, I would be glad to review your deck.",
        ),
        (
            "I could introduce you to Priya",
            "In return, I would be glad to introduce you to Priya.",
        ),
        (
            "In return, I can share my SQL notes",
            "In return, I would be glad to share my SQL notes.",
        ),
        (
            "I'll send you my peak-season playbook",
            "In return, I would be glad to send you my peak-season playbook.",
        ),
        ("to share my notes", "In return, I would be glad to share my notes."),
        (
            "my notes on carrier contracts",
            "In return, I would be glad to offer my notes on carrier contracts.",
        ),
        (
            "an intro to my old team",
            "In return, I would be glad to offer an intro to my old team.",
        ),
        (
            "feedback on your product",
            "In return, I would be glad to offer feedback on your product.",
        ),
        (
            "a review of your deck",
            "In return, I would be glad to offer a review of your deck.",
        ),
        (
            "review of your deck",
            "In return, I would be glad to offer review of your deck.",
        ),
        (
            "Introductions in the Lisbon startup scene",
            "In return, I would be glad to offer Introductions in the Lisbon startup scene.",
        ),
        (
            "reviewing your résumé template",
            "In return, I would be glad to help with reviewing your résumé template.",
        ),
        (
            "how to set up a forecasting team",
            "In return, I would be glad to help with how to set up a forecasting team.",
        ),
        (
            "anything on Python or SQL",
            "In return, I would be glad to help with anything on Python or SQL.",
        ),
        ("coffee's on me", "In return, I would be glad to offer coffee's on me."),
        ("you're welcome to my notes", "In return, you're welcome to my notes."),
        (
            "we could swap notes on hiring",
            "In return, we could swap notes on hiring.",
        ),
        (
            "You can borrow my book on pricing.",
            "In return, you can borrow my book on pricing.",
        ),
        (
            "I can review your deck. Lunch is on me too",
            "I can review your deck. Lunch is on me too.",
        ),
        ("  share   my notes  ", "In return, I would be glad to share my notes."),
        ("- share my notes;", "In return, I would be glad to share my notes."),
        ("“share my notes”", "In return, I would be glad to share my notes."),
        (long, long_expected.as_str()),
    ];
    let make = |typed: &str| Brief {
        recipient: "Ana".into(),
        offer_back: typed.into(),
        ..Brief::default()
    };
    check_table(&table, make, MessageKind::Referral, Part::OfferBack);
}

#[test]
fn a_fit_point_reads_right_as_a_list_item_whatever_its_shape() {
    let long = "cut warehouse costs by 12% across three sites in two years while moving the whole planning team \
        from spreadsheets to a shared forecasting model";
    let table: Vec<(&str, &str)> = vec![
        ("cut warehouse costs 12% at DHL", "cut warehouse costs 12% at DHL"),
        ("Cut warehouse costs 12% at DHL.", "Cut warehouse costs 12% at DHL"),
        ("CUT WAREHOUSE COSTS 12% AT DHL", "cut warehouse costs 12% at DHL"),
        ("led a team of 8 planners", "led a team of 8 planners"),
        ("Led a team of 8 planners;", "Led a team of 8 planners"),
        ("SQL and Python", "SQL and Python"),
        ("sql and python", "sql and python"),
        ("eight years in port logistics", "eight years in port logistics"),
        ("8 years in port logistics.", "8 years in port logistics"),
        ("I ran the 2023 peak season", "I ran the 2023 peak season"),
        ("I ran the 2023 peak season!", "I ran the 2023 peak season"),
        ("fluent in Portuguese and Spanish", "fluent in Portuguese and Spanish"),
        ("Fluent in Portuguese, Spanish,", "Fluent in Portuguese, Spanish"),
        ("certified Scrum master", "certified Scrum master"),
        (
            "built the routing model used in Ålesund",
            "built the routing model used in Ålesund",
        ),
        ("- built the routing model", "built the routing model"),
        ("• built the routing model", "built the routing model"),
        ("* built the routing model", "built the routing model"),
        ("“built the routing model”", "built the routing model"),
        ("  built   the routing model  ", "built the routing model"),
        (
            "when our supplier failed, I found a new one in 48 hours",
            "when our supplier failed, I found a new one in 48 hours",
        ),
        (
            "how to run a warehouse at 99.8% accuracy",
            "how to run a warehouse at 99.8% accuracy",
        ),
        (
            "that I know the Nordic market well",
            "that I know the Nordic market well",
        ),
        ("we cut returns by a third", "we cut returns by a third"),
        (
            "My team and I cut returns by a third",
            "My team and I cut returns by a third",
        ),
        (
            "Cut returns by a third. Kept it there for two years",
            "Cut returns by a third. Kept it there for two years",
        ),
        (
            "I led the SAP rollout. It went live on time.",
            "I led the SAP rollout. It went live on time",
        ),
        ("MBA, INSEAD", "MBA, INSEAD"),
        ("Python (pandas, polars)", "Python (pandas, polars)"),
        ("forecasting…", "forecasting"),
        ("top 5% of sellers in 2022!!", "top 5% of sellers in 2022"),
        (long, long),
    ];
    let make = |typed: &str| Brief {
        recipient: "Ana".into(),
        fit_points: vec![typed.into()],
        ..Brief::default()
    };
    check_table(&table, make, MessageKind::Referral, Part::FitPoint);
}

#[test]
fn what_the_referred_person_values_reads_right_addressed_to_them() {
    let long = "concrete numbers over adjectives, a one-page summary before any call, and candidates who have \
        read the annual report and can say what they would change in the first ninety days";
    let long_expected = format!("Bram mentioned that you value {long}.");
    let table: Vec<(&str, &str)> = vec![
        (
            "concrete numbers over adjectives",
            "Bram mentioned that you value concrete numbers over adjectives.",
        ),
        (
            "Concrete numbers over adjectives.",
            "Bram mentioned that you value Concrete numbers over adjectives.",
        ),
        (
            "CONCRETE NUMBERS OVER ADJECTIVES",
            "Bram mentioned that you value concrete numbers over adjectives.",
        ),
        ("directness", "Bram mentioned that you value directness."),
        ("short e-mails", "Bram mentioned that you value short e-mails."),
        (
            "people who come prepared",
            "Bram mentioned that you value people who come prepared.",
        ),
        ("clear writing; ", "Bram mentioned that you value clear writing."),
        ("being concise", "Bram mentioned that you value being concise."),
        (
            "honesty about what didn't work",
            "Bram mentioned that you value honesty about what didn't work.",
        ),
        (
            "a clear ask up front",
            "Bram mentioned that you value a clear ask up front.",
        ),
        ("the STAR method", "Bram mentioned that you value the STAR method."),
        ("values clear writing", "Bram mentioned that you value clear writing."),
        (
            "she values clear writing",
            "Bram mentioned that you value clear writing.",
        ),
        (
            "She prefers short e-mails.",
            "Bram mentioned that you prefer short e-mails.",
        ),
        (
            "he likes candidates who know his numbers",
            "Bram mentioned that you like candidates who know your numbers.",
        ),
        ("she is big on data", "Bram mentioned that you are big on data."),
        (
            "he has little time for small talk",
            "Bram mentioned that you have little time for small talk.",
        ),
        (
            "she cares about her team's time",
            "Bram mentioned that you care about your team's time.",
        ),
        (
            "they prefer a call to e-mail",
            "Bram mentioned that you prefer a call to e-mail.",
        ),
        (
            "she's a stickler for punctuality",
            "Bram mentioned that you're a stickler for punctuality.",
        ),
        ("he watches the details", "Bram mentioned that you watch the details."),
        ("prefers short e-mails", "Bram mentioned that you prefer short e-mails."),
        (
            "you like concrete numbers",
            "Bram mentioned that you like concrete numbers.",
        ),
        (
            "I should bring numbers, not adjectives",
            "Bram mentioned that I should bring numbers, not adjectives.",
        ),
        (
            "we should talk about the Nordic market",
            "Bram mentioned that we should talk about the Nordic market.",
        ),
        (
            "when people get to the point",
            "Bram mentioned that you value it when people get to the point.",
        ),
        (
            "how candidates prepare for a case",
            "Bram mentioned that you value how candidates prepare for a case.",
        ),
        (
            "that people are on time",
            "Bram mentioned that you value that people are on time.",
        ),
        (
            "what a candidate did, not what they say",
            "Bram mentioned that you value what a candidate did, not what they say.",
        ),
        ("  clear   writing ", "Bram mentioned that you value clear writing."),
        ("“clear writing”", "Bram mentioned that you value clear writing."),
        (
            "clarté et précision",
            "Bram mentioned that you value clarté et précision.",
        ),
        (long, long_expected.as_str()),
    ];
    let make = |typed: &str| Brief {
        recipient: "Priya".into(),
        referrer: "Bram Okafor".into(),
        values: typed.into(),
        ..Brief::default()
    };
    check_table(&table, make, MessageKind::FirstContact, Part::Detail);
}

#[test]
fn several_sentences_about_the_referred_person_are_left_out_rather_than_sent_in_the_third_person() {
    let brief = Brief {
        recipient: "Priya".into(),
        referrer: "Bram".into(),
        values: "She likes numbers. She hates fluff.".into(),
        ..Brief::default()
    };
    assert_eq!(sentence_of(&brief, MessageKind::FirstContact, Part::Detail), None);
}

#[test]
fn the_contacts_advice_after_a_cant_reads_right_whatever_its_shape() {
    let long = "no headcount until the autumn budget round, and even then the team will want someone who has run \
        a peak season end to end and can show the numbers";
    let long_expected = format!("I kept in mind what you said about {long}.");
    let table: Vec<(&str, &str)> = vec![
        (
            "no headcount until the autumn",
            "I kept in mind what you said about no headcount until the autumn.",
        ),
        (
            "No headcount until the autumn.",
            "I kept in mind what you said about no headcount until the autumn.",
        ),
        (
            "NO HEADCOUNT UNTIL THE AUTUMN",
            "I kept in mind what you said about no headcount until the autumn.",
        ),
        ("a hiring freeze", "I kept in mind what you said about a hiring freeze."),
        (
            "more hands-on SQL",
            "I kept in mind what you said about more hands-on SQL.",
        ),
        (
            "the team's focus on senior hires",
            "I kept in mind what you said about the team's focus on senior hires.",
        ),
        ("budget", "I kept in mind what you said about budget."),
        (
            "the reorg in Zürich",
            "I kept in mind what you said about the reorg in Zürich.",
        ),
        (
            "  a hiring   freeze ",
            "I kept in mind what you said about a hiring freeze.",
        ),
        (
            "“a hiring freeze”",
            "I kept in mind what you said about a hiring freeze.",
        ),
        (
            "getting more hands-on SQL first",
            "I kept in mind what you said about getting more hands-on SQL first.",
        ),
        (
            "to get more hands-on SQL first",
            "I took your advice to get more hands-on SQL first to heart.",
        ),
        (
            "get more hands-on SQL first",
            "I took your advice to get more hands-on SQL first to heart.",
        ),
        (
            "Apply again in May.",
            "I took your advice to apply again in May to heart.",
        ),
        (
            "you advised me to talk to the Lisbon team",
            "I took your advice to talk to the Lisbon team to heart.",
        ),
        (
            "You advised me to talk to the Lisbon team.",
            "I took your advice to talk to the Lisbon team to heart.",
        ),
        (
            "working on the SQL side first",
            "I took your advice about working on the SQL side first to heart.",
        ),
        (
            "I should get more hands-on SQL",
            "I kept in mind what you told me: I should get more hands-on SQL.",
        ),
        (
            "I need a portfolio of real projects!",
            "I kept in mind what you told me: I need a portfolio of real projects.",
        ),
        (
            "they only hire seniors right now",
            "I kept in mind what you told me: they only hire seniors right now.",
        ),
        (
            "They only hire seniors right now.",
            "I kept in mind what you told me: they only hire seniors right now.",
        ),
        (
            "we should talk again in the autumn",
            "I kept in mind what you told me: we should talk again in the autumn.",
        ),
        (
            "you said they only hire seniors",
            "I kept in mind what you told me: they only hire seniors.",
        ),
        (
            "You told me that the team wants Python",
            "I kept in mind what you told me: the team wants Python.",
        ),
        (
            "you suggested a course on forecasting",
            "I kept in mind what you said about a course on forecasting.",
        ),
        (
            "she's not the hiring manager",
            "I kept in mind what you told me: she's not the hiring manager.",
        ),
        (
            "it's a closed process",
            "I kept in mind what you told me: it's a closed process.",
        ),
        (
            "that I need more SQL",
            "I kept in mind what you told me: I need more SQL.",
        ),
        (
            "that the team wants Python",
            "I kept in mind what you told me: the team wants Python.",
        ),
        (
            "how to pitch my logistics years",
            "I kept in mind your advice on how to pitch my logistics years.",
        ),
        (
            "when to apply again",
            "I kept in mind your advice on when to apply again.",
        ),
        (
            "what the hiring manager looks for",
            "I kept in mind your advice on what the hiring manager looks for.",
        ),
        (
            "Get more SQL. Then apply again",
            "I kept in mind what you told me: “Get more SQL. Then apply again.”",
        ),
        (
            "No headcount now. Try again in May!",
            "I kept in mind what you told me: “No headcount now. Try again in May!”",
        ),
        (long, long_expected.as_str()),
    ];
    let make = |typed: &str| Brief {
        recipient: "Ana".into(),
        advice: typed.into(),
        ..Brief::default()
    };
    check_table(&table, make, MessageKind::LaterFollowUp, Part::Detail);
}
