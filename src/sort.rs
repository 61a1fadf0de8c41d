//! Stable sorting with one compiled sort for the whole app. `slice::sort_by` is compiled again for
//! every element type and comparator, about 3.5 KB of wasm each; here only a list of positions is
//! ever sorted (one copy of the standard sort), and the elements are then moved into that order.
//! Same results as `sort_by` / `sort_by_key`: stable, equal elements keep their order.

use std::cmp::Ordering;

/// `list.sort_by(compare)`, stable.
pub fn sort_by<T>(list: &mut [T], mut compare: impl FnMut(&T, &T) -> Ordering) {
    let swaps = sorting_swaps(list.len(), &mut |a, b| compare(&list[a], &list[b]));
    for (a, b) in swaps {
        list.swap(a, b);
    }
}

/// `list.sort_by_key(key)`, stable.
pub fn sort_by_key<T, K: Ord>(list: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(list, |a, b| key(a).cmp(&key(b)));
}

/// `list.sort()`, stable.
pub fn sort<T: Ord>(list: &mut [T]) {
    sort_by(list, T::cmp);
}

/// The swaps that put `len` elements in the order `compare` (of their positions) gives.
fn sorting_swaps(len: usize, compare: &mut dyn FnMut(usize, usize) -> Ordering) -> Vec<(usize, usize)> {
    let mut order: Vec<usize> = (0..len).collect();
    order.sort_by(|&a, &b| compare(a, b));
    // Position `i` must receive the element now at `order[i]`: follow each cycle of that
    // permutation, one swap per element out of place.
    let mut swaps = Vec::new();
    let mut placed = vec![false; len];
    for start in 0..len {
        let mut at = start;
        while !placed[at] {
            placed[at] = true;
            let from = order[at];
            if from == start {
                break;
            }
            swaps.push((at, from));
            at = from;
        }
    }
    swaps
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_like_the_standard_stable_sort() {
        let mut seed = 7u32;
        for len in 0..60 {
            let list: Vec<(u32, usize)> = (0..len)
                .map(|i| {
                    seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                    ((seed >> 16) % 5, i)
                })
                .collect();
            let mut expected = list.clone();
            expected.sort_by_key(|p| p.0);
            let mut ours = list;
            sort_by_key(&mut ours, |p| p.0);
            assert_eq!(ours, expected, "length {len}");
        }
    }

    #[test]
    fn sort_orders_by_ord() {
        let mut names = vec!["b", "c", "a", "b"];
        sort(&mut names);
        assert_eq!(names, ["a", "b", "b", "c"]);
    }
}
