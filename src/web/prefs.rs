//! Preferences of this browser, not of the user's data: kept in localStorage outside the `vouch.`
//! keys on purpose, so the store, its backups and its checks never see them.

use crate::model::Id;
use crate::pipeline::UrgencyPolicy;
use crate::store::KeyValue;
use crate::web::LocalKv;
use std::collections::HashSet;

const URGENCY_KEY: &str = "vouch-pref-urgent-hours";
/// The overdue thresholds the Referrals page offers, in hours.
pub const URGENCY_CHOICES: [u32; 4] = [24, 48, 72, 96];

/// The hours a new referral may wait before it turns red (48 unless changed on the Referrals page).
pub fn urgency_hours() -> u32 {
    LocalKv
        .get(URGENCY_KEY)
        .ok()
        .flatten()
        .and_then(|v| v.parse().ok())
        .filter(|h| URGENCY_CHOICES.contains(h))
        .unwrap_or(UrgencyPolicy::DEFAULT_HOURS)
}

/// Keeps the threshold for the next visit; `false` when this browser refused to store it.
pub fn save_urgency_hours(hours: u32) -> bool {
    LocalKv.set(URGENCY_KEY, &hours.to_string()).is_ok()
}

const NOT_DUPLICATES_KEY: &str = "vouch-pref-not-duplicates";

/// Pairs of contacts the user said are two people (on the Duplicates screen), so they are not
/// offered again on the next visit. One pair per line, two ids; a line that can't be read is
/// passed over: the pair is only offered again.
pub fn not_duplicates() -> HashSet<(Id, Id)> {
    let stored = LocalKv.get(NOT_DUPLICATES_KEY).ok().flatten().unwrap_or_default();
    stored
        .lines()
        .filter_map(|line| {
            let (a, b) = line.split_once(' ')?;
            Some((a.parse().ok()?, b.parse().ok()?))
        })
        .collect()
}

/// Keeps the pairs for the next visit; `false` when this browser refused to store them.
pub fn save_not_duplicates(pairs: &HashSet<(Id, Id)>) -> bool {
    let mut lines: Vec<String> = pairs.iter().map(|(a, b)| format!("{a} {b}")).collect();
    lines.sort_unstable();
    LocalKv.set(NOT_DUPLICATES_KEY, &lines.join("\n")).is_ok()
}
