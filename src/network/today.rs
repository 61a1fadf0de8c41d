//! What Today lists, in words: who is going cold and by how much, the next touch for the best
//! backers, and the latest touchpoints. The screen only draws these rows, so what they say is
//! tested here.

use super::words::{check_in, date, span};
use super::{backers, going_cold, readiness, Activity};
use crate::model::{Data, Id};
use chrono::NaiveDate;
use std::collections::HashSet;

/// Going-cold rows drawn at once. A long list stops being a to-do list; the rest are counted.
pub const COLD_SHOWN: usize = 20;
/// Backers offered a next touch: a handful a person can act on today.
pub const SUGGESTED: usize = 5;
/// Touchpoints under "Recent touchpoints".
pub const RECENT: usize = 8;

/// One contact past their keep-in-touch date, in words.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct ColdRow {
    pub id: Id,
    pub name: String,
    /// "3 weeks past your monthly check-in".
    pub overdue: String,
    /// "Last touch 3 May 2025", or when nothing was logged, since when they were added.
    pub last_touch: String,
    pub last_touch_iso: String,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct ColdList {
    /// The worst `COLD_SHOWN`, worst first.
    pub rows: Vec<ColdRow>,
    pub total: usize,
    /// Everyone going cold, shown or not, so "Suggested touches" does not repeat them.
    pub ids: HashSet<Id>,
}

/// A backer's next step as readiness sees it.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct SuggestedRow {
    pub id: Id,
    pub name: String,
    /// "Send a catch-up note".
    pub step: String,
    /// The reason that decided the step.
    pub reason: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct RecentRow {
    pub id: Id,
    pub contact: Id,
    pub name: String,
    pub date: String,
    pub date_iso: String,
    pub kind: &'static str,
    pub note: String,
}

pub fn cold_list(data: &Data, today: NaiveDate) -> ColdList {
    let entries = going_cold(data, today);
    let activities = Activity::all(data);
    let rows = entries
        .iter()
        .filter_map(|e| {
            let contact = data.contacts.get(&e.contact)?;
            let touched = activities.get(&e.contact).is_some_and(|a| a.last_touch.is_some());
            let when = date(e.last_touch);
            Some(ColdRow {
                id: e.contact,
                name: contact.name.clone(),
                overdue: format!("{} past {}", span(e.days_overdue), check_in(e.cadence_days)),
                last_touch: if touched {
                    format!("Last touch {when}")
                } else {
                    format!("No touch logged since you added them on {when}")
                },
                last_touch_iso: crate::model::dates::iso(e.last_touch),
            })
        })
        .take(COLD_SHOWN)
        .collect();
    ColdList {
        rows,
        total: entries.len(),
        ids: entries.iter().map(|e| e.contact).collect(),
    }
}

pub fn suggestions(data: &Data, going_cold: &HashSet<Id>, today: NaiveDate) -> Vec<SuggestedRow> {
    backers(data, today)
        .into_iter()
        .filter(|b| !going_cold.contains(&b.contact))
        .take(SUGGESTED)
        .filter_map(|b| {
            let contact = data.contacts.get(&b.contact)?;
            // No goal: this is about keeping the bond warm, not about one ask.
            let ready = readiness(contact, data, None, today);
            Some(SuggestedRow {
                id: contact.id,
                name: contact.name.clone(),
                step: ready.next_step.label(),
                reason: ready.reasons.into_iter().next().unwrap_or_default(),
            })
        })
        .collect()
}

/// The latest touchpoints, newest first; same-day ones by when they were logged.
pub fn recent_touches(data: &Data) -> Vec<RecentRow> {
    let mut touches: Vec<_> = data.touchpoints.values().collect();
    crate::sort::sort_by_key(&mut touches, |t| std::cmp::Reverse((t.date, t.created, t.id)));
    touches
        .into_iter()
        .filter_map(|t| {
            let contact = data.contacts.get(&t.contact)?;
            Some(RecentRow {
                id: t.id,
                contact: t.contact,
                name: contact.name.clone(),
                date: crate::model::dates::short_date(t.date),
                date_iso: crate::model::dates::iso(t.date),
                kind: t.kind.label(),
                note: t.note.clone(),
            })
        })
        .take(RECENT)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::TouchKind;
    use crate::network::fixtures::{day, World};

    #[test]
    fn a_contact_past_their_cadence_reads_as_how_long_past_which_check_in() {
        let mut w = World::new();
        let ana = w.judged("Ana", 3, 3, 3, true);
        w.edit(ana, |c| c.cadence_days = Some(30));
        w.touch(ana, "2025-04-01", TouchKind::Call);
        let cold = cold_list(&w.data, day("2025-06-01"));
        assert_eq!(cold.total, 1);
        assert!(cold.ids.contains(&ana));
        let row = &cold.rows[0];
        assert_eq!(row.overdue, "4 weeks past your monthly check-in");
        assert_eq!(row.last_touch, "Last touch 1 April 2025");
        assert_eq!(row.last_touch_iso, "2025-04-01");
    }

    #[test]
    fn suggestions_skip_who_is_going_cold_and_recent_touches_come_newest_first() {
        let mut w = World::new();
        let ana = w.judged("Ana", 4, 4, 4, true);
        w.touch(ana, "2025-05-30", TouchKind::CoffeeOrLunch);
        let bram = w.judged("Bram", 4, 4, 4, true);
        w.touch(bram, "2025-05-31", TouchKind::Call);
        let going: HashSet<Id> = [bram].into();
        let rows = suggestions(&w.data, &going, day("2025-06-01"));
        assert_eq!(rows.iter().map(|r| r.id).collect::<Vec<_>>(), vec![ana]);
        assert!(!rows[0].step.is_empty());
        let recent = recent_touches(&w.data);
        assert_eq!(recent[0].name, "Bram");
        assert_eq!(recent[0].date, "31 May 2025");
        assert_eq!(recent[1].kind, TouchKind::CoffeeOrLunch.label());
    }
}
