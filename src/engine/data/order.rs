//! The engine's and the page's one sort. The standard library's sorts are
//! generic over the element and the comparison, so each call site with its
//! own closure got its own copy of the whole algorithm (2-10 KB of wasm
//! each, about 170 KB in all). Here every sort goes through a single copy
//! that orders `u32` positions with a comparison passed by reference, and
//! the elements are then moved into place: the same stable order, for a
//! call through a pointer per comparison.

use std::cmp::Ordering;

/// Sorts `v` stably by `cmp` (as `slice::sort_by`).
pub fn sort_by<T>(v: &mut [T], mut cmp: impl FnMut(&T, &T) -> Ordering) {
    if v.len() < 2 {
        return;
    }
    // Wider than u32 positions can count (never on wasm32, where a slice
    // has fewer than 2^31 elements): the standard sort.
    #[cfg(not(target_pointer_width = "32"))]
    if u32::try_from(v.len()).is_err() {
        v.sort_by(cmp);
        return;
    }
    let mut perm: Vec<u32> = (0..v.len() as u32).collect();
    sort_u32_by(&mut perm, |a, b| cmp(&v[a as usize], &v[b as usize]));
    apply(v, &mut perm);
}

/// Sorts `v` stably by the key `f` gives (as `slice::sort_by_key`).
pub fn sort_by_key<T, K: Ord>(v: &mut [T], mut f: impl FnMut(&T) -> K) {
    sort_by(v, |a, b| f(a).cmp(&f(b)));
}

/// Sorts `v` in ascending order (as `slice::sort`).
pub fn sort<T: Ord>(v: &mut [T]) {
    sort_by(v, T::cmp);
}

/// Sorts `v` (row or slot numbers) stably by `cmp`, in place: the shared
/// copy itself, without the positions [`sort_by`] goes through.
pub fn sort_u32_by(v: &mut [u32], mut cmp: impl FnMut(u32, u32) -> Ordering) {
    shared(v, &mut cmp);
}

#[inline(never)]
fn shared(v: &mut [u32], cmp: &mut dyn FnMut(u32, u32) -> Ordering) {
    v.sort_by(|&a, &b| cmp(a, b));
}

/// Puts `v[perm[i]]` at `i` for every `i`, following each cycle of the
/// permutation once (visited positions are marked with `u32::MAX`).
fn apply<T>(v: &mut [T], perm: &mut [u32]) {
    for start in 0..perm.len() {
        let mut at = start;
        loop {
            let from = perm[at] as usize;
            perm[at] = u32::MAX;
            if from == start || from == u32::MAX as usize {
                break;
            }
            v.swap(at, from);
            at = from;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A small deterministic generator, so the cases are many but fixed.
    fn numbers(seed: u64, n: usize, modulo: u64) -> Vec<u64> {
        let mut x = seed;
        (0..n)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                x % modulo
            })
            .collect()
    }

    /// An insertion sort: obviously stable, and independent of the code
    /// under test.
    fn reference<T: Clone>(v: &[T], less: impl Fn(&T, &T) -> bool) -> Vec<T> {
        let mut out: Vec<T> = Vec::with_capacity(v.len());
        for x in v {
            let at = out.iter().rposition(|y| !less(x, y)).map_or(0, |i| i + 1);
            out.insert(at, x.clone());
        }
        out
    }

    #[test]
    fn sorts_stably_with_many_ties() {
        for (seed, n) in [(1, 0), (2, 1), (3, 2), (4, 17), (5, 100), (6, 1000)] {
            // (key, original position): ties on the key must keep positions
            // increasing.
            let mut v: Vec<(u64, usize)> = numbers(seed, n, 7)
                .into_iter()
                .enumerate()
                .map(|(i, k)| (k, i))
                .collect();
            let want = reference(&v, |a, b| a.0 < b.0);
            sort_by(&mut v, |a, b| a.0.cmp(&b.0));
            assert_eq!(v, want, "seed {seed}, {n} elements");
        }
    }

    #[test]
    fn sorts_by_key_descending_and_strings() {
        let mut v: Vec<(u64, usize)> = numbers(9, 300, 11)
            .into_iter()
            .enumerate()
            .map(|(i, k)| (k, i))
            .collect();
        let want = reference(&v, |a, b| a.0 > b.0);
        sort_by_key(&mut v, |x| std::cmp::Reverse(x.0));
        assert_eq!(v, want);

        let mut words: Vec<String> = ["pear", "apple", "fig", "apple", "Zebra", ""]
            .iter()
            .map(|s| s.to_string())
            .collect();
        sort(&mut words);
        assert_eq!(words, ["", "Zebra", "apple", "apple", "fig", "pear"]);
    }

    #[test]
    fn sorts_row_numbers_in_place() {
        let keys = numbers(12, 500, 5);
        let mut rows: Vec<u32> = (0..500).rev().collect();
        let want = reference(&rows, |&a, &b| keys[a as usize] < keys[b as usize]);
        sort_u32_by(&mut rows, |a, b| keys[a as usize].cmp(&keys[b as usize]));
        assert_eq!(rows, want);
    }
}
