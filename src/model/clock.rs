//! When the user's day turns over: how long the browser's clock should wait before it reads the
//! date again. Pure, so the arithmetic is tested natively; the timer itself lives in `web::clock`.

use chrono::{NaiveDateTime, NaiveTime, TimeDelta};
use std::time::Duration;

/// The longest the clock waits between two looks at the date. A timer set for tonight can be off:
/// a daylight-saving change before midnight moves local midnight by an hour, and a sleeping
/// laptop pauses timers. Looking at least hourly means the last wait before midnight is always
/// measured after any such change.
pub const LONGEST_WAIT: Duration = Duration::from_secs(60 * 60);

/// A second past midnight, so the date read when the wait is over is surely the new one.
const PAST_MIDNIGHT: TimeDelta = TimeDelta::seconds(1);

/// How long to wait from `now` (local wall-clock time) until just after the next local midnight,
/// capped at [`LONGEST_WAIT`].
pub fn wait_until_next_day(now: NaiveDateTime) -> Duration {
    let next_midnight = match now.date().succ_opt() {
        Some(day) => day.and_time(NaiveTime::MIN),
        // The last representable day: there is no tomorrow to wait for.
        None => return LONGEST_WAIT,
    };
    let wait = (next_midnight + PAST_MIDNIGHT - now).to_std().unwrap_or_default();
    wait.min(LONGEST_WAIT)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn at(h: u32, m: u32, s: u32, ms: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(2026, 11, 30)
            .unwrap()
            .and_hms_milli_opt(h, m, s, ms)
            .unwrap()
    }

    #[test]
    fn late_in_the_evening_the_clock_waits_until_just_past_midnight() {
        assert_eq!(wait_until_next_day(at(23, 59, 0, 0)), Duration::from_secs(61));
        assert_eq!(
            wait_until_next_day(at(23, 30, 0, 500)),
            Duration::from_millis(30 * 60_000 + 500)
        );
    }

    #[test]
    fn earlier_in_the_day_the_clock_looks_again_within_the_hour() {
        assert_eq!(wait_until_next_day(at(0, 0, 0, 0)), LONGEST_WAIT);
        assert_eq!(wait_until_next_day(at(12, 0, 0, 0)), LONGEST_WAIT);
        assert_eq!(wait_until_next_day(at(22, 59, 1, 0)), LONGEST_WAIT);
    }

    #[test]
    fn the_wait_never_ends_before_midnight() {
        let wait = wait_until_next_day(at(23, 59, 59, 999));
        assert_eq!(wait, Duration::from_millis(1_001));
    }
}
