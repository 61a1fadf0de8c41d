//! The few phrases every part of the network view shares ("3 weeks ago", "twice"), so the same
//! fact reads the same on every screen.

use chrono::NaiveDate;

/// How long ago a day was, in the words a person would use. A date in the future (a touch logged
/// ahead of time) reads as "today" rather than as a negative age.
pub(crate) fn ago(days: i64) -> String {
    match days {
        i64::MIN..=0 => "today".into(),
        1 => "yesterday".into(),
        2..=13 => format!("{days} days ago"),
        14..=59 => format!("{} weeks ago", days / 7),
        60..=364 => format!("{} months ago", days / 30),
        365..=729 => "over a year ago".into(),
        _ => format!("over {} years ago", days / 365),
    }
}

/// "once", "twice", "3 times".
pub(crate) fn times(n: usize) -> String {
    match n {
        1 => "once".into(),
        2 => "twice".into(),
        n => format!("{n} times"),
    }
}

/// The name to use in a sentence about a contact: the first word of their name, which is how
/// people refer to someone they know, past a title ("Dr. Thomas Wright Jr." is Thomas; an
/// Outlook or Google import puts the title in front). An empty name falls back to "them".
pub(crate) fn first_name(name: &str) -> &str {
    let is_title = |w: &&str| w.ends_with('.') || crate::import::keys::is_title(w);
    let mut words = name.split_whitespace();
    let first = words.next().unwrap_or("them");
    if is_title(&first) {
        words.find(|w| !is_title(w)).unwrap_or(first)
    } else {
        first
    }
}

/// A date as a person reads it: "3 May 2025".
pub(crate) fn date(d: NaiveDate) -> String {
    crate::model::dates::long_date(d)
}

/// A length of time in the words a person would use: "5 days", "3 weeks", "4 months".
pub(crate) fn span(days: i64) -> String {
    match days {
        i64::MIN..=1 => "1 day".into(),
        2..=13 => format!("{days} days"),
        14..=59 => format!("{} weeks", days / 7),
        60..=364 => format!("{} months", days / 30),
        365..=729 => "over a year".into(),
        _ => format!("over {} years", days / 365),
    }
}

/// The keep-in-touch cadence as the thing the user missed: "your monthly check-in".
pub(crate) fn check_in(cadence_days: u16) -> String {
    match cadence_days {
        7 => "your weekly check-in".into(),
        14 => "your fortnightly check-in".into(),
        30 => "your monthly check-in".into(),
        45 => "your check-in every six weeks".into(),
        60 => "your check-in every two months".into(),
        90 => "your quarterly check-in".into(),
        180 => "your twice-yearly check-in".into(),
        365 => "your yearly check-in".into(),
        days => format!("your check-in every {days} days"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ages_read_like_speech() {
        assert_eq!(ago(0), "today");
        assert_eq!(ago(-3), "today");
        assert_eq!(ago(1), "yesterday");
        assert_eq!(ago(9), "9 days ago");
        assert_eq!(ago(21), "3 weeks ago");
        assert_eq!(ago(95), "3 months ago");
        assert_eq!(ago(400), "over a year ago");
        assert_eq!(ago(800), "over 2 years ago");
    }

    #[test]
    fn counts_read_like_speech() {
        assert_eq!(times(1), "once");
        assert_eq!(times(2), "twice");
        assert_eq!(times(5), "5 times");
    }

    #[test]
    fn a_contact_is_called_by_first_name() {
        assert_eq!(first_name("Zoë Ólafsson"), "Zoë");
        assert_eq!(first_name("  "), "them");
        assert_eq!(first_name("Dr. Thomas Wright Jr."), "Thomas", "past the title");
        assert_eq!(first_name("Prof Ana Souza"), "Ana");
        assert_eq!(first_name("Mr."), "Mr.", "a title alone is all there is");
        assert_eq!(
            first_name("Drew Barrymore"),
            "Drew",
            "a name that starts like a title is a name"
        );
    }

    #[test]
    fn dates_read_day_month_year() {
        assert_eq!(date(NaiveDate::from_ymd_opt(2025, 5, 3).unwrap()), "3 May 2025");
    }
}
