//! News about a contact worth a touch: a job change an import found. Congratulating someone on a
//! new role is the most natural reason to get back in touch (DOMAIN rule 1), so Today suggests it
//! until the user has been in touch since, or the news is old.

use crate::model::{Data, Id};
use chrono::NaiveDate;
use std::collections::HashMap;

/// How long a job change stays news.
pub const NEWS_DAYS: i64 = 60;

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct JobNews {
    pub contact: Id,
    pub name: String,
    /// "Moved from Litware to Contoso".
    pub words: String,
    pub seen: NaiveDate,
}

/// Contacts who moved jobs in the last `NEWS_DAYS` with no touch since, newest news first.
pub fn job_news(data: &Data, today: NaiveDate) -> Vec<JobNews> {
    let mut last_touch: HashMap<Id, NaiveDate> = HashMap::new();
    for t in data.touchpoints.values() {
        let d = last_touch.entry(t.contact).or_insert(t.date);
        *d = (*d).max(t.date);
    }
    let mut news: Vec<JobNews> = data
        .contacts
        .values()
        .filter_map(|c| {
            let moved = c.moved.as_ref()?;
            let age = crate::model::dates::days_between(moved.seen, today);
            let touched_since = last_touch.get(&c.id).is_some_and(|d| *d >= moved.seen);
            (0..=NEWS_DAYS).contains(&age).then_some(())?;
            (!touched_since).then(|| JobNews {
                contact: c.id,
                name: c.name.clone(),
                words: format!("Moved from {} to {}", moved.from, moved.to),
                seen: moved.seen,
            })
        })
        .collect();
    crate::sort::sort_by(&mut news, |a, b| b.seen.cmp(&a.seen).then_with(|| a.name.cmp(&b.name)));
    news
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{JobMove, TouchKind};
    use crate::network::fixtures::{day, World};

    fn moved(w: &mut World, name: &str, seen: &str) -> Id {
        let id = w.contact(name);
        w.edit(id, |c| {
            c.moved = Some(JobMove {
                from: "Litware".into(),
                to: "Contoso".into(),
                seen: day(seen),
            })
        });
        id
    }

    #[test]
    fn a_job_change_is_news_until_a_touch_or_sixty_days() {
        let mut w = World::new();
        let ana = moved(&mut w, "Ana", "2025-05-20");
        moved(&mut w, "Old news Olu", "2025-01-02");
        let bram = moved(&mut w, "Bram", "2025-05-25");
        w.touch(bram, "2025-05-26", TouchKind::Note);
        let news = job_news(&w.data, day("2025-06-01"));
        assert_eq!(news.len(), 1);
        assert_eq!(news[0].contact, ana);
        assert_eq!(news[0].words, "Moved from Litware to Contoso");
    }
}
