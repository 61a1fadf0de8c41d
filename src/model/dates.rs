//! How dates and times read, in the few layouts Vouch writes ("3 May 2025", "2025-05-03", …).
//! Hand-written rather than chrono's `format("%-d %b %Y")`: each output is the same, but chrono's
//! strftime interpreter and its parser are a sizeable part of the wasm for these few patterns.

use chrono::{Datelike, NaiveDate, NaiveTime, Timelike};

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const WEEKDAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// Days from `from` to `to` (negative when `to` is earlier): `(to - from).num_days()`, in plain
/// 32-bit day numbers. chrono's subtraction goes through an overflow-checked 64-bit multiply,
/// which wasm has no instruction for: measured on Today with 30,000 contacts, that call alone took
/// 13 ms of the boot.
pub fn days_between(from: NaiveDate, to: NaiveDate) -> i64 {
    i64::from(to.num_days_from_ce()) - i64::from(from.num_days_from_ce())
}

/// `%Y`: four digits, or a sign and at least four outside 0..=9999.
fn year(d: NaiveDate) -> String {
    match d.year() {
        y @ 0..=9999 => format!("{y:04}"),
        y => format!("{y:+05}"),
    }
}

/// `%B`: "May".
pub fn month_name(d: NaiveDate) -> &'static str {
    MONTHS[d.month0() as usize]
}

/// `%b`: "Sep".
fn short_month(d: NaiveDate) -> &'static str {
    &month_name(d)[..3]
}

/// `%Y-%m-%d`: "2025-05-03", as `<input type="date">` and ISO 8601 have it.
pub fn iso(d: NaiveDate) -> String {
    format!("{}-{:02}-{:02}", year(d), d.month(), d.day())
}

/// `%Y-%m`: "2025-05".
pub fn year_month(d: NaiveDate) -> String {
    format!("{}-{:02}", year(d), d.month())
}

/// `%Y%m%d`: "20250503".
pub fn compact(d: NaiveDate) -> String {
    format!("{}{:02}{:02}", year(d), d.month(), d.day())
}

/// `%-d %b %Y`: "3 May 2025".
pub fn short_date(d: NaiveDate) -> String {
    format!("{} {} {}", d.day(), short_month(d), year(d))
}

/// `%-d %B %Y`: "3 September 2025".
pub fn long_date(d: NaiveDate) -> String {
    format!("{} {} {}", d.day(), month_name(d), year(d))
}

/// `%-d %b`: "3 Sep".
pub fn short_day(d: NaiveDate) -> String {
    format!("{} {}", d.day(), short_month(d))
}

/// `%-d %B`: "3 September".
pub fn long_day(d: NaiveDate) -> String {
    format!("{} {}", d.day(), month_name(d))
}

/// `%A %-d %B`: "Wednesday 3 September".
pub fn weekday_long_day(d: NaiveDate) -> String {
    format!(
        "{} {}",
        WEEKDAYS[d.weekday().num_days_from_monday() as usize],
        long_day(d)
    )
}

/// `%H:%M`: "09:05".
pub fn hh_mm(t: NaiveTime) -> String {
    format!("{:02}:{:02}", t.hour(), t.minute())
}

/// `%H%M%S`: "090507".
pub fn hh_mm_ss(t: NaiveTime) -> String {
    format!("{:02}{:02}{:02}", t.hour(), t.minute(), t.second())
}

/// A date as `<input type="date">` gives it ("2025-05-03"); an error when it is empty or not a day.
pub fn parse_iso(s: &str) -> Result<NaiveDate, chrono::ParseError> {
    // `NaiveDate`'s own parser, the one its serde support already needs, rather than a second
    // (strftime) one; it reads the same layout.
    s.parse()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_between_is_chronos_difference_in_days() {
        let days = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        let dates = [
            days(1, 1, 1),
            days(1999, 12, 31),
            days(2000, 2, 29),
            days(2024, 3, 1),
            days(2026, 12, 1),
            days(9999, 12, 31),
        ];
        for a in dates {
            for b in dates {
                assert_eq!(days_between(a, b), (b - a).num_days(), "{a} to {b}");
            }
        }
    }

    #[test]
    fn every_layout_reads_as_chrono_formats_it() {
        let mut day = NaiveDate::from_ymd_opt(1999, 12, 25).unwrap();
        let time = NaiveTime::from_hms_opt(9, 5, 7).unwrap();
        for _ in 0..400 {
            assert_eq!(iso(day), day.format("%Y-%m-%d").to_string());
            assert_eq!(year_month(day), day.format("%Y-%m").to_string());
            assert_eq!(compact(day), day.format("%Y%m%d").to_string());
            assert_eq!(short_date(day), day.format("%-d %b %Y").to_string());
            assert_eq!(long_date(day), day.format("%-d %B %Y").to_string());
            assert_eq!(short_day(day), day.format("%-d %b").to_string());
            assert_eq!(long_day(day), day.format("%-d %B").to_string());
            assert_eq!(month_name(day), day.format("%B").to_string());
            assert_eq!(weekday_long_day(day), day.format("%A %-d %B").to_string());
            assert_eq!(parse_iso(&iso(day)), Ok(day));
            day = day + chrono::Days::new(37);
        }
        for y in [-12, 0, 7, 999, 10_000] {
            let d = NaiveDate::from_ymd_opt(y, 1, 2).unwrap();
            assert_eq!(iso(d), d.format("%Y-%m-%d").to_string());
        }
        assert_eq!(hh_mm(time), "09:05");
        assert_eq!(hh_mm_ss(time), "090507");
    }

    #[test]
    fn an_empty_or_impossible_date_is_an_error() {
        assert!(parse_iso("").is_err());
        assert!(parse_iso("2025-02-30").is_err());
    }
}
