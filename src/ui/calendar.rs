//! Calendar files the screens offer: one reminder, or everything coming up, as an .ics download
//! with a toast that says what happened.

use crate::app::{AppState, Toast};
use crate::pipeline::{self, UrgencyPolicy};
use crate::web;

/// Offers a calendar file for download, or says why not.
/// Takes the app state rather than finding it: it runs in click handlers, outside any owner.
pub fn download_ics(app: AppState, name: &str, events: &[pipeline::CalendarEvent]) {
    let ics = pipeline::calendar(events, web::now().0);
    let message = if web::download(&web::dated_filename(name, "ics"), "text/calendar", &ics) {
        format!(
            "Calendar file with {} event{} downloaded.",
            events.len(),
            if events.len() == 1 { "" } else { "s" }
        )
    } else {
        "The browser refused the download.".to_string()
    };
    app.show_toast(Toast { message, undo: None });
}

/// Offers every upcoming reminder (deadlines, follow-ups, owed messages) as one calendar file.
pub fn download_upcoming(app: AppState, hours: u32) {
    let events = app
        .data
        .with_untracked(|d| pipeline::upcoming_events(d, web::today(), web::now().0, UrgencyPolicy::hours(hours)));
    download_ics(app, "vouch-upcoming", &events);
}
