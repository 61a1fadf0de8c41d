//! Today's date as a signal every screen can follow. It moves on just after local midnight and
//! whenever the tab becomes visible again (a laptop woken in the morning, a phone tab brought back),
//! so a screen left open overnight does not keep showing yesterday.

use crate::model::clock::wait_until_next_day;
use chrono::{NaiveDate, NaiveDateTime};
use leptos::prelude::*;

/// The date the Shell keeps current. Only the read side goes into context: screens follow the
/// date, only the clock moves it.
#[derive(Clone, Copy)]
struct Clock(Signal<NaiveDate>);

/// Starts the clock and provides it to everything below. Called once, by the Shell.
pub fn provide_clock() {
    let date = RwSignal::new(super::today());
    let timer = StoredValue::new(None::<TimeoutHandle>);
    arm(date, timer);

    // visibilitychange is fired at the document and bubbles up to the window.
    let on_visible = window_event_listener_untyped("visibilitychange", move |_| {
        if !document().hidden() {
            look(date);
            // Timers are throttled or paused while a tab is hidden: count from now again.
            arm(date, timer);
        }
    });
    on_cleanup(move || {
        on_visible.remove();
        if let Some(pending) = timer.try_update_value(Option::take).flatten() {
            pending.clear();
        }
    });

    provide_context(Clock(date.into()));
}

/// Today in the user's time zone, moving on at midnight. Outside the Shell (a component test) it
/// reads the date afresh each time instead.
pub fn today() -> Signal<NaiveDate> {
    use_context::<Clock>()
        .map(|c| c.0)
        .unwrap_or_else(|| Signal::derive(super::today))
}

/// Reads the date and moves the signal only if the day changed, so nothing re-renders hourly.
/// After the Shell is gone (a test unmounting the app) it does nothing.
fn look(date: RwSignal<NaiveDate>) {
    let now = super::today();
    if date.try_get_untracked().is_some_and(|shown| shown != now) {
        date.set(now);
    }
}

/// Sets the one timer for the next look, replacing any earlier one.
fn arm(date: RwSignal<NaiveDate>, timer: StoredValue<Option<TimeoutHandle>>) {
    if let Some(old) = timer.try_update_value(Option::take).flatten() {
        old.clear();
    }
    let wait = wait_until_next_day(local_now());
    let handle = set_timeout_with_handle(
        move || {
            look(date);
            arm(date, timer);
        },
        wait,
    )
    .ok();
    // Once the Shell is gone the slot is too, and the chain of timers ends here.
    if let Some(Some(orphan)) = timer.try_set_value(handle) {
        orphan.clear();
    }
}

/// The wall-clock time here, as the user's own clock shows it.
fn local_now() -> NaiveDateTime {
    let d = js_sys::Date::new_0();
    NaiveDate::from_ymd_opt(d.get_full_year() as i32, d.get_month() + 1, d.get_date())
        .and_then(|day| day.and_hms_milli_opt(d.get_hours(), d.get_minutes(), d.get_seconds(), d.get_milliseconds()))
        .unwrap_or_default()
}
