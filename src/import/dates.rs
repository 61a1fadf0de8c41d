//! The dates LinkedIn's files (and Excel re-saving them) write: `09 Nov 2018`, `4-Apr-21`,
//! `1/8/18, 6:14 PM`, `2025-06-01 14:03:22 UTC`, `2024/02/01 15:02:55 UTC`. One reader for all, so
//! a new style is added in one place. Two-digit years are 20xx; slashed dates are US month-first.

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};

/// The day a LinkedIn date names, or `None` when it is not a date this module knows.
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    parse_datetime(text).map(|at| at.date())
}

/// The moment a LinkedIn date names (midnight when it has no time). Time zones are dropped: the
/// files write UTC or nothing, and ordering messages needs only a consistent clock.
pub fn parse_datetime(text: &str) -> Option<NaiveDateTime> {
    let tokens = tokens(text);
    let first_separator = text.trim().chars().find(|c| !c.is_ascii_alphanumeric()).unwrap_or(' ');
    // A leading weekday ("Mon, 09 Nov 2018") says nothing the date does not.
    let tokens: Vec<&str> = match tokens.first() {
        Some(t) if weekday(t) => tokens[1..].to_vec(),
        _ => tokens,
    };
    let (date, rest) = match tokens.as_slice() {
        [y, m, d, rest @ ..] if y.len() == 4 && is_number(y) && is_number(m) => {
            (ymd(year(y)?, num(m)?, num(d)?)?, rest)
        }
        [d, m, y, rest @ ..] if is_number(d) && month(m).is_some() => (ymd(year(y)?, month(m)?, num(d)?)?, rest),
        [m, d, y, rest @ ..] if month(m).is_some() && is_number(d) => (ymd(year(y)?, month(m)?, num(d)?)?, rest),
        [a, b, y, rest @ ..] if is_number(a) && is_number(b) => {
            // Dots are the European day-first style; slashes (and dashes) the US month-first one.
            let (d, m) = if first_separator == '.' { (a, b) } else { (b, a) };
            (ymd(year(y)?, num(m)?, num(d)?)?, rest)
        }
        _ => return None,
    };
    Some(date.and_time(time(rest).unwrap_or(NaiveTime::MIN)))
}

/// Runs of digits and runs of letters; everything else separates. "01T14" is two numbers.
fn tokens(text: &str) -> Vec<&str> {
    let mut out = Vec::with_capacity(8);
    let mut start = None;
    let mut kind = 0u8;
    for (i, c) in text.char_indices() {
        let this = if c.is_ascii_digit() {
            1
        } else if c.is_alphabetic() {
            2
        } else {
            0
        };
        if this != kind {
            if let Some(s) = start.take() {
                out.push(&text[s..i]);
            }
            if this != 0 {
                start = Some(i);
            }
            kind = this;
        }
    }
    if let Some(s) = start {
        out.push(&text[s..]);
    }
    out
}

fn time(rest: &[&str]) -> Option<NaiveTime> {
    let numbers: Vec<u32> = rest.iter().filter(|t| is_number(t)).filter_map(|t| num(t)).collect();
    let pm = rest.iter().any(|t| t.eq_ignore_ascii_case("pm"));
    let am = rest.iter().any(|t| t.eq_ignore_ascii_case("am"));
    let (mut hour, minute, second) = match numbers.as_slice() {
        [h, m, s, ..] => (*h, *m, *s),
        [h, m] => (*h, *m, 0),
        _ => return None,
    };
    if (am || pm) && hour == 12 {
        hour = 0;
    }
    if pm {
        hour += 12;
    }
    NaiveTime::from_hms_opt(hour, minute, second)
}

fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

fn is_number(t: &str) -> bool {
    !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit())
}

fn num(t: &str) -> Option<u32> {
    // More than 4 digits is no part of a date, and keeps the parse from overflowing.
    (t.len() <= 4).then(|| t.parse().ok()).flatten()
}

fn year(t: &str) -> Option<i32> {
    let y = i32::try_from(num(t)?).ok()?;
    match t.len() {
        2 => Some(2000 + y),
        4 => Some(y),
        _ => None,
    }
}

fn month(t: &str) -> Option<u32> {
    let b = t.as_bytes();
    if b.len() < 3 {
        return None;
    }
    let month = match [
        b[0].to_ascii_lowercase(),
        b[1].to_ascii_lowercase(),
        b[2].to_ascii_lowercase(),
    ] {
        [b'j', b'a', b'n'] => 1,
        [b'f', b'e', b'b'] => 2,
        [b'm', b'a', b'r'] => 3,
        [b'a', b'p', b'r'] => 4,
        [b'm', b'a', b'y'] => 5,
        [b'j', b'u', b'n'] => 6,
        [b'j', b'u', b'l'] => 7,
        [b'a', b'u', b'g'] => 8,
        [b's', b'e', b'p'] => 9,
        [b'o', b'c', b't'] => 10,
        [b'n', b'o', b'v'] => 11,
        [b'd', b'e', b'c'] => 12,
        _ => return None,
    };
    Some(month)
}

fn weekday(t: &str) -> bool {
    const DAYS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
    t.len() >= 3 && t.is_ascii() && DAYS.iter().any(|d| d.eq_ignore_ascii_case(&t[..3]))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, d)
    }

    #[test]
    fn every_linkedin_and_excel_style_reads() {
        assert_eq!(parse_date("09 Nov 2018"), day(2018, 11, 9));
        assert_eq!(parse_date("4-Apr-21"), day(2021, 4, 4));
        assert_eq!(parse_date("1/8/18, 6:14 PM"), day(2018, 1, 8));
        assert_eq!(parse_date("2025-06-01 14:03:22 UTC"), day(2025, 6, 1));
        assert_eq!(parse_date("2024/02/01 15:02:55 UTC"), day(2024, 2, 1));
        assert_eq!(parse_date("1/29/26, 2:37 PM"), day(2026, 1, 29));
        assert_eq!(parse_date("2018-11-09"), day(2018, 11, 9));
        assert_eq!(parse_date("Nov 9, 2018"), day(2018, 11, 9));
        assert_eq!(parse_date("09.11.2018"), day(2018, 11, 9));
    }

    #[test]
    fn times_keep_am_and_pm_apart() {
        let at = |t| parse_datetime(t).map(|d| d.time());
        assert_eq!(at("1/29/26, 2:37 PM"), NaiveTime::from_hms_opt(14, 37, 0));
        assert_eq!(at("1/29/26, 12:05 AM"), NaiveTime::from_hms_opt(0, 5, 0));
        assert_eq!(at("2025-06-01T14:03:22Z"), NaiveTime::from_hms_opt(14, 3, 22));
    }

    #[test]
    fn nonsense_is_no_date() {
        for text in ["", "yesterday", "31 Feb 2020", "13/13/13", "99999999999/1/1", "Ana"] {
            assert_eq!(parse_date(text), None, "{text}");
        }
    }
}
