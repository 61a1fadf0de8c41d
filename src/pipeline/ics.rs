//! Calendar export: owed messages and first-contact deadlines as an iCalendar (.ics) file that any
//! calendar app imports (RFC 5545). Writing only: Vouch never reads calendars back.
//!
//! The rules that trip exporters up are kept in one place each: CRLF after every line, lines folded
//! at 75 octets without splitting a UTF-8 character, and TEXT values escaped.

use super::owed::{follow_up, owed, FollowUp, Owed, OwedKind, OwedRef};
use super::urgency::{urgent_queue, UrgencyPolicy, Urgent};
use crate::model::{Ask, Data, Outcome};
use chrono::{DateTime, NaiveDate, Utc};

/// Identifies the program that wrote the file, as RFC 5545 requires of every calendar.
pub const PRODID: &str = "-//Vouch//Vouch referral helper//EN";

/// When an event happens.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EventStart {
    /// All day: a due date, which has no time of day.
    Date(NaiveDate),
    /// A moment, written in UTC so that no time-zone table is needed.
    At(DateTime<Utc>),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CalendarEvent {
    /// Stable across exports, so importing twice updates the event instead of duplicating it.
    pub uid: String,
    pub start: EventStart,
    pub summary: String,
    pub description: String,
}

/// A whole calendar holding `events` (one or many). `stamp` is when the file is made, written as
/// every event's DTSTAMP.
pub fn calendar(events: &[CalendarEvent], stamp: DateTime<Utc>) -> String {
    let mut out = String::new();
    let mut line = |l: &str| push_folded(&mut out, l);
    line("BEGIN:VCALENDAR");
    line("VERSION:2.0");
    line(&format!("PRODID:{PRODID}"));
    line("CALSCALE:GREGORIAN");
    for event in events {
        line("BEGIN:VEVENT");
        line(&format!("UID:{}", escape_text(&event.uid)));
        line(&format!("DTSTAMP:{}", utc_time(stamp)));
        line(&match event.start {
            EventStart::Date(day) => format!("DTSTART;VALUE=DATE:{}", crate::model::dates::compact(day)),
            EventStart::At(moment) => format!("DTSTART:{}", utc_time(moment)),
        });
        line(&format!("SUMMARY:{}", escape_text(&event.summary)));
        line(&format!("DESCRIPTION:{}", escape_text(&event.description)));
        line("END:VEVENT");
    }
    line("END:VCALENDAR");
    out
}

/// An all-day event on the day an owed message is due.
pub fn event_for_owed(owed: &Owed, data: &Data) -> CalendarEvent {
    let about = match &owed.about {
        OwedRef::Ask(id) => format!("ask-{id}"),
        OwedRef::Referral(id) => format!("referral-{id}"),
        OwedRef::Goal { goal, .. } => format!("goal-{goal}"),
    };
    let kind = match owed.kind {
        OwedKind::ThankYou => "thank-you",
        OwedKind::HowItWent => "how-it-went",
        OwedKind::FollowUp => "follow-up",
        OwedKind::ProgressUpdate => "progress-update",
    };
    let name = data.contacts.get(&owed.contact).map_or("", |c| c.name.as_str());
    CalendarEvent {
        uid: format!("{kind}-{about}-{}@vouch", owed.contact),
        start: EventStart::Date(owed.due),
        summary: format!("{} to {name}", owed.kind.label()),
        description: owed.reason.clone(),
    }
}

/// An event at the moment a new referral's first contact falls due.
pub fn event_for_urgent(urgent: &Urgent, data: &Data) -> CalendarEvent {
    let r = urgent.referral;
    let by = data.contacts.get(&r.referred_by).map_or("", |c| c.name.as_str());
    let mut description = format!("Referred by {by}.");
    let headline = [r.role.as_str(), r.company.as_str()]
        .iter()
        .filter(|s| !s.is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join(" at ");
    if !headline.is_empty() {
        description.push_str(&format!("\n{headline}"));
    }
    for (label, value) in [("What they value", &r.values), ("Email", &r.email), ("Phone", &r.phone)] {
        if !value.is_empty() {
            description.push_str(&format!("\n{label}: {value}"));
        }
    }
    CalendarEvent {
        uid: format!("first-contact-{}@vouch", r.id),
        start: EventStart::At(urgent.due_by),
        summary: format!("Contact {} (referred by {by})", r.name),
        description,
    }
}

/// An all-day event on the day a planned follow-up falls due (before it is owed).
pub fn event_for_follow_up(ask: &Ask, due: NaiveDate, data: &Data) -> CalendarEvent {
    let name = data.contacts.get(&ask.contact).map_or("", |c| c.name.as_str());
    let description = match &ask.outcome {
        Outcome::Cant { .. } => format!("Write to {name} again with your progress since they couldn't help."),
        _ => format!(
            "Follow up with {name} if they have not answered your ask of {}.",
            crate::model::dates::short_date(ask.sent_on)
        ),
    };
    CalendarEvent {
        uid: format!("follow-up-ask-{}-{}@vouch", ask.id, ask.contact),
        start: EventStart::Date(due),
        summary: format!("Follow-up to {name}"),
        description,
    }
}

/// Everything coming up, for "Add all to calendar": each new referral's first-contact deadline,
/// each message owed now, and each follow-up planned for a later day. One event per thing: a
/// follow-up that is owed already is not listed twice.
pub fn upcoming_events(data: &Data, today: NaiveDate, now: DateTime<Utc>, policy: UrgencyPolicy) -> Vec<CalendarEvent> {
    let mut events: Vec<CalendarEvent> = urgent_queue(data.referrals.values(), now, policy)
        .iter()
        .map(|u| event_for_urgent(u, data))
        .collect();
    events.extend(owed(data, today).iter().map(|o| event_for_owed(o, data)));
    for ask in data.asks.values() {
        if let (Some(FollowUp::Later(due)), true) = (follow_up(ask, today), data.contacts.contains_key(&ask.contact)) {
            events.push(event_for_follow_up(ask, due, data));
        }
    }
    events
}

/// `YYYYMMDDTHHMMSSZ`: RFC 5545's UTC form of DATE-TIME.
fn utc_time(moment: DateTime<Utc>) -> String {
    format!(
        "{}T{}Z",
        crate::model::dates::compact(moment.date_naive()),
        crate::model::dates::hh_mm_ss(moment.time())
    )
}

/// Escapes a TEXT value: backslash, semicolon and comma get a backslash, and every line break
/// (CRLF, CR or LF) becomes `\n`. Other control characters are not allowed in TEXT and are dropped.
fn escape_text(value: &str) -> String {
    let value = value.replace("\r\n", "\n").replace('\r', "\n");
    let mut out = String::with_capacity(value.len());
    for c in value.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push(c),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Appends a content line with its CRLF, folded so no physical line passes 75 octets. A fold is a
/// CRLF and one space, and the space counts toward the next line's 75. A cut always falls on a
/// character boundary, so each physical line is valid UTF-8 by itself. vCard (RFC 6350) folds
/// the same way as iCalendar, so the contacts export uses it too.
pub(crate) fn push_folded(out: &mut String, line: &str) {
    const MAX: usize = 75;
    let mut rest = line;
    let mut room = MAX;
    while rest.len() > room {
        let mut cut = room;
        while !rest.is_char_boundary(cut) {
            cut -= 1;
        }
        out.push_str(&rest[..cut]);
        out.push_str("\r\n ");
        rest = &rest[cut..];
        room = MAX - 1;
    }
    out.push_str(rest);
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Ask;
    use crate::model::Outcome;
    use crate::pipeline::fixtures::{ask, at, contact, data, date, id, referral, stamp};
    use std::collections::BTreeMap;

    fn event(summary: &str, description: &str, start: EventStart) -> CalendarEvent {
        CalendarEvent {
            uid: "test-1@vouch".into(),
            start,
            summary: summary.into(),
            description: description.into(),
        }
    }

    fn one(e: CalendarEvent) -> String {
        calendar(&[e], at(4, 10))
    }

    /// A property as a calendar app sees it after unfolding: name, parameters, raw value.
    #[derive(Debug)]
    struct Property {
        name: String,
        params: Vec<String>,
        value: String,
    }

    /// Reads our own output back the way a strict importer would, failing on anything RFC 5545
    /// forbids that we could produce: a bare LF, an over-long or non-UTF-8 physical line, a missing
    /// final CRLF, a line without a colon.
    fn parse(ics: &str) -> Vec<Property> {
        assert!(ics.ends_with("\r\n"), "the last line ends with CRLF too");
        assert!(
            !ics.replace("\r\n", "").contains(['\r', '\n']),
            "every line break is CRLF"
        );
        for physical in ics.as_bytes().split(|b| *b == b'\n') {
            let physical = physical.strip_suffix(b"\r").unwrap_or(physical);
            assert!(physical.len() <= 75, "line of {} octets", physical.len());
            assert!(std::str::from_utf8(physical).is_ok(), "a fold split a character");
        }
        let unfolded = ics.replace("\r\n ", "").replace("\r\n\t", "");
        unfolded
            .split("\r\n")
            .filter(|l| !l.is_empty())
            .map(|l| {
                let (head, value) = l.split_once(':').expect("every content line has a colon");
                let mut parts = head.split(';');
                Property {
                    name: parts.next().unwrap_or_default().to_string(),
                    params: parts.map(str::to_string).collect(),
                    value: value.to_string(),
                }
            })
            .collect()
    }

    fn unescape(value: &str) -> String {
        let mut out = String::new();
        let mut chars = value.chars();
        while let Some(c) = chars.next() {
            if c == '\\' {
                match chars.next() {
                    Some('n') | Some('N') => out.push('\n'),
                    Some(other) => out.push(other),
                    None => panic!("a lone backslash ends the value"),
                }
            } else {
                out.push(c);
            }
        }
        out
    }

    /// The events of a parsed calendar, each as its properties by name, after checking the frame.
    fn events(props: &[Property]) -> Vec<BTreeMap<String, &Property>> {
        assert_eq!(props.first().map(|p| p.value.as_str()), Some("VCALENDAR"));
        assert_eq!(props.last().map(|p| p.value.as_str()), Some("VCALENDAR"));
        assert!(props.iter().any(|p| p.name == "VERSION" && p.value == "2.0"));
        assert!(props.iter().any(|p| p.name == "PRODID" && !p.value.is_empty()));
        let mut found = Vec::new();
        let mut current: Option<BTreeMap<String, &Property>> = None;
        for p in props {
            match (p.name.as_str(), p.value.as_str()) {
                ("BEGIN", "VEVENT") => current = Some(BTreeMap::new()),
                ("END", "VEVENT") => {
                    let e = current.take().expect("END:VEVENT closes an open event");
                    for required in ["UID", "DTSTAMP", "DTSTART", "SUMMARY", "DESCRIPTION"] {
                        assert!(e.contains_key(required), "{required} missing");
                    }
                    found.push(e);
                }
                (name, _) => {
                    if let Some(e) = current.as_mut() {
                        assert!(e.insert(name.to_string(), p).is_none(), "{name} appears twice");
                    }
                }
            }
        }
        found
    }

    fn is_utc_time(value: &str) -> bool {
        let b = value.as_bytes();
        b.len() == 16 && b[8] == b'T' && b[15] == b'Z' && b[..8].iter().chain(&b[9..15]).all(u8::is_ascii_digit)
    }

    #[test]
    fn a_calendar_round_trips_through_a_strict_reader() {
        let summary = "Thank Zoë Ólafsson; she said yes, twice";
        let description = "Line one\nC:\\Users\\ana, path; and more\r\nLast line — ✓";
        let ics = calendar(
            &[
                event(summary, description, EventStart::Date(date(5))),
                CalendarEvent {
                    uid: "test-2@vouch".into(),
                    ..event("Contact Priya", "", EventStart::At(at(5, 9)))
                },
            ],
            at(4, 10),
        );
        let props = parse(&ics);
        let found = events(&props);
        assert_eq!(found.len(), 2);
        let first = &found[0];
        assert_eq!(unescape(&first["SUMMARY"].value), summary);
        assert_eq!(
            unescape(&first["DESCRIPTION"].value),
            "Line one\nC:\\Users\\ana, path; and more\nLast line — ✓",
            "CRLF inside a value reads back as a single line break"
        );
        assert_eq!(first["DTSTART"].params, vec!["VALUE=DATE".to_string()]);
        assert_eq!(first["DTSTART"].value, "20250305");
        assert!(is_utc_time(&first["DTSTAMP"].value));
        assert_eq!(first["DTSTAMP"].value, "20250304T100000Z");
        assert_eq!(found[1]["DTSTART"].value, "20250305T090000Z");
        assert!(found[1]["DTSTART"].params.is_empty());
        assert_ne!(first["UID"].value, found[1]["UID"].value);
    }

    #[test]
    fn every_line_ends_with_crlf() {
        let ics = one(event("A", "b\nc", EventStart::Date(date(5))));
        assert!(ics.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:"));
        assert_eq!(ics.matches('\n').count(), ics.matches("\r\n").count());
        assert!(ics.ends_with("END:VEVENT\r\nEND:VCALENDAR\r\n"));
    }

    #[test]
    fn text_escapes_backslash_semicolon_comma_and_newline() {
        assert_eq!(escape_text(r"a\b;c,d"), r"a\\b\;c\,d");
        assert_eq!(escape_text("one\ntwo\r\nthree\rfour"), r"one\ntwo\nthree\nfour");
        assert_eq!(escape_text("colon: stays"), "colon: stays");
        assert_eq!(
            escape_text("bell\u{7} and\ttab"),
            "bell and\ttab",
            "control characters dropped"
        );
    }

    #[test]
    fn a_short_line_is_not_folded() {
        let mut out = String::new();
        push_folded(&mut out, &"a".repeat(75));
        assert_eq!(out, format!("{}\r\n", "a".repeat(75)));
    }

    #[test]
    fn a_long_ascii_line_folds_at_75_octets_with_a_space() {
        let mut out = String::new();
        push_folded(&mut out, &"a".repeat(200));
        let lines: Vec<&str> = out.trim_end_matches("\r\n").split("\r\n").collect();
        assert_eq!(lines[0].len(), 75);
        assert_eq!(lines[1], format!(" {}", "a".repeat(74)));
        assert_eq!(lines[2], format!(" {}", "a".repeat(51)));
        assert_eq!(out.replace("\r\n ", ""), format!("{}\r\n", "a".repeat(200)));
    }

    #[test]
    fn folding_never_splits_a_multibyte_character() {
        // "é" is 2 octets and "✓" 3, so octet 75 falls inside a character for several offsets.
        for prefix in 0..4 {
            for text in ["é".repeat(120), "✓".repeat(90), "👋🏽".repeat(40)] {
                let line = format!("SUMMARY:{}{text}", "x".repeat(prefix));
                let mut out = String::new();
                push_folded(&mut out, &line);
                for physical in out.as_bytes().split(|b| *b == b'\n') {
                    let physical = physical.strip_suffix(b"\r").unwrap_or(physical);
                    assert!(physical.len() <= 75);
                    assert!(std::str::from_utf8(physical).is_ok(), "split inside a character");
                }
                assert_eq!(
                    out.replace("\r\n ", ""),
                    format!("{line}\r\n"),
                    "unfolds to the original"
                );
            }
        }
    }

    #[test]
    fn times_are_written_in_utc() {
        let ics = one(event("A", "", EventStart::At(at(5, 9))));
        assert!(ics.contains("\r\nDTSTART:20250305T090000Z\r\n"));
        assert!(ics.contains("\r\nDTSTAMP:20250304T100000Z\r\n"));
    }

    #[test]
    fn an_empty_calendar_is_still_valid() {
        let ics = calendar(&[], at(4, 10));
        assert!(events(&parse(&ics)).is_empty());
    }

    #[test]
    fn owed_messages_export_as_all_day_events_on_their_due_date() {
        let d = data(
            vec![contact(1, "Ana, the planner")],
            vec![],
            vec![ask(10, 1, None, Outcome::Yes, 3)],
            vec![],
        );
        let list = owed(&d, date(5));
        let events_out: Vec<_> = list.iter().map(|o| event_for_owed(o, &d)).collect();
        let ics = calendar(&events_out, at(5, 8));
        let props = parse(&ics);
        let found = events(&props);
        assert_eq!(found[0]["DTSTART"].value, "20250303");
        assert_eq!(unescape(&found[0]["SUMMARY"].value), "Thank-you to Ana, the planner");
        assert_eq!(
            found[0]["UID"].value,
            format!("thank-you-ask-{}-{}@vouch", id(10), id(1)),
            "the same owed message keeps the same UID across exports"
        );
    }

    #[test]
    fn a_new_referral_exports_its_first_contact_deadline() {
        let mut r = referral(20, 1, None, stamp(3, 9));
        r.values = "Direct; likes data, not decks".into();
        let d = data(vec![contact(1, "Ana")], vec![], vec![], vec![r.clone()]);
        let queue = urgent_queue(d.referrals.values(), at(3, 12), UrgencyPolicy::default());
        let ics = calendar(&[event_for_urgent(&queue[0], &d)], at(3, 12));
        let props = parse(&ics);
        let found = events(&props);
        assert_eq!(
            found[0]["DTSTART"].value, "20250305T090000Z",
            "48 hours after the referral"
        );
        assert_eq!(
            unescape(&found[0]["SUMMARY"].value),
            "Contact Referred 20 (referred by Ana)"
        );
        assert_eq!(
            unescape(&found[0]["DESCRIPTION"].value),
            "Referred by Ana.\nPlanning Lead at Maersk\nWhat they value: Direct; likes data, not decks"
        );
    }

    #[test]
    fn all_upcoming_lists_deadlines_owed_messages_and_later_follow_ups_once_each() {
        let later = Ask {
            later_follow_up: Some(date(20)),
            thanked_on: Some(date(4)),
            ..ask(11, 1, None, crate::pipeline::fixtures::cant("no budget"), 3)
        };
        let due_now = Ask {
            follow_up_due: Some(date(5)),
            ..ask(12, 1, None, Outcome::Waiting, 2)
        };
        let d = data(
            vec![contact(1, "Ana")],
            vec![],
            vec![later, due_now],
            vec![referral(20, 1, None, stamp(5, 9))],
        );
        let upcoming = upcoming_events(&d, date(5), at(5, 12), UrgencyPolicy::default());
        let summaries: Vec<&str> = upcoming.iter().map(|e| e.summary.as_str()).collect();
        assert_eq!(
            summaries,
            [
                "Contact Referred 20 (referred by Ana)",
                "Thank-you to Ana",
                "Follow-up to Ana",
                "Follow-up to Ana"
            ]
        );
        assert_eq!(upcoming[3].start, EventStart::Date(date(20)));
        let ics = calendar(&upcoming, at(5, 12));
        assert_eq!(events(&parse(&ics)).len(), 4, "the file parses with every event");
    }
}
