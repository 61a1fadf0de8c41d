//! The Referrals board: its columns (the stages that have referrals, oldest referral first) and the
//! one step forward and back each card offers. The rules of a move itself are in `stages`.

use super::stages::{next_stage, previous_stage, STAGES};
use crate::model::{Id, Referral, Stage};

/// The board's columns in stage order, each with its referrals' ids, oldest first (the one going
/// coldest leads, as in the urgent queue). Stages with no referral are left out.
pub fn referrals_by_stage<'a>(referrals: impl IntoIterator<Item = &'a Referral>) -> Vec<(Stage, Vec<Id>)> {
    let referrals: Vec<&Referral> = referrals.into_iter().collect();
    STAGES
        .iter()
        .filter_map(|&stage| {
            let mut list: Vec<&&Referral> = referrals.iter().filter(|r| r.stage == stage).collect();
            crate::sort::sort_by_key(&mut list, |r| (r.referred_at, r.id));
            (!list.is_empty()).then(|| (stage, list.iter().map(|r| r.id).collect()))
        })
        .collect()
}

/// The stage a card's "Move to" button offers. None for a New referral (logging the first contact
/// moves it on) and none into Closed (closing asks how it ended).
pub fn move_on_to(stage: Stage) -> Option<Stage> {
    next_stage(stage).filter(|s| *s != Stage::Closed && stage != Stage::New)
}

/// The stage a card's "Undo last step" goes back to, as `correct_stage` allows for an open referral.
pub fn undo_to(stage: Stage) -> Option<Stage> {
    previous_stage(stage)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pipeline::fixtures::{at_stage, id, referral, stamp};

    #[test]
    fn the_board_lists_stages_in_order_with_the_oldest_referral_first_and_skips_empty_ones() {
        let rs = [
            at_stage(referral(1, 9, None, stamp(3, 9)), Stage::Contacted, 4),
            referral(2, 9, None, stamp(2, 9)),
            at_stage(referral(3, 9, None, stamp(1, 9)), Stage::Contacted, 4),
            at_stage(referral(4, 9, None, stamp(1, 9)), Stage::Closed, 5),
        ];
        assert_eq!(
            referrals_by_stage(&rs),
            vec![
                (Stage::New, vec![id(2)]),
                (Stage::Contacted, vec![id(3), id(1)]),
                (Stage::Closed, vec![id(4)]),
            ]
        );
    }

    #[test]
    fn a_card_moves_one_stage_forward_never_from_new_or_into_closed_and_undoes_one_back() {
        let forward: Vec<_> = STAGES.iter().map(|s| move_on_to(*s)).collect();
        assert_eq!(
            forward,
            [
                None,
                Some(Stage::MeetingSet),
                Some(Stage::Interviewing),
                Some(Stage::Offer),
                None,
                None
            ]
        );
        assert_eq!(undo_to(Stage::New), None);
        assert_eq!(undo_to(Stage::Contacted), Some(Stage::New));
        assert_eq!(undo_to(Stage::Offer), Some(Stage::Interviewing));
    }
}
