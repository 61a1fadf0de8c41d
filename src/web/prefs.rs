//! Preferences of this browser, not of the user's data: kept in localStorage outside the `vouch.`
//! keys on purpose, so the store, its backups and its checks never see them.

use crate::pipeline::UrgencyPolicy;
use crate::store::KeyValue;
use crate::web::LocalKv;

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
