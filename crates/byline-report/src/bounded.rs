//! Counting under a memory bound: a map that, past its capacity, forgets its lightest half and
//! remembers the heaviest weight it forgot, so every count it keeps is exact or short by at
//! most that much (lossy counting).

use std::collections::HashMap;

/// Something counted: its weight decides what a full map forgets first.
pub(crate) trait Weighted {
    fn weight(&self) -> u64;
}

impl Weighted for u64 {
    fn weight(&self) -> u64 {
        *self
    }
}

/// A string-keyed map of at most about `cap` entries.
#[derive(Debug)]
pub(crate) struct Bounded<V> {
    map: HashMap<Box<str>, V>,
    cap: usize,
    /// The heaviest weight forgotten so far: a kept count may be short by this much, and a key
    /// never seen may have been counted up to this many times.
    forgotten: u64,
}

impl<V: Weighted> Bounded<V> {
    pub(crate) fn new(cap: usize) -> Bounded<V> {
        Bounded {
            map: HashMap::new(),
            cap: cap.max(2),
            forgotten: 0,
        }
    }

    /// The entry of `key`, made by `make` when it is new (which may first forget the lightest
    /// half of a full map).
    pub(crate) fn entry(&mut self, key: &str, make: impl FnOnce() -> V) -> &mut V {
        if !self.map.contains_key(key) {
            if self.map.len() >= self.cap {
                self.forget_lightest_half();
            }
            self.map.insert(key.into(), make());
        }
        self.map.get_mut(key).expect("the entry was just made")
    }

    /// Whether some count was forgotten (the kept ones are then lower bounds).
    pub(crate) fn is_exact(&self) -> bool {
        self.forgotten == 0
    }

    /// The heaviest count forgotten.
    pub(crate) fn forgotten(&self) -> u64 {
        self.forgotten
    }

    pub(crate) fn iter(&self) -> impl Iterator<Item = (&str, &V)> {
        self.map.iter().map(|(k, v)| (&**k, v))
    }

    /// The `n` heaviest entries, heaviest first, ties by key.
    pub(crate) fn top(&self, n: usize) -> Vec<(&str, &V)> {
        let mut all: Vec<(&str, &V)> = self.iter().collect();
        all.sort_unstable_by(|a, b| b.1.weight().cmp(&a.1.weight()).then(a.0.cmp(b.0)));
        all.truncate(n);
        all
    }

    fn forget_lightest_half(&mut self) {
        let mut weights: Vec<u64> = self.map.values().map(Weighted::weight).collect();
        let mid = weights.len() / 2;
        let (_, threshold, _) = weights.select_nth_unstable(mid);
        let threshold = *threshold;
        self.map.retain(|_, v| v.weight() > threshold);
        self.forgotten = self.forgotten.max(threshold);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_exact_counts_under_capacity() {
        let mut b: Bounded<u64> = Bounded::new(10);
        for key in ["a", "b", "a", "c", "a", "b"] {
            *b.entry(key, || 0) += 1;
        }
        assert!(b.is_exact());
        let top: Vec<(&str, u64)> = b.top(2).into_iter().map(|(k, v)| (k, *v)).collect();
        assert_eq!(top, [("a", 3), ("b", 2)]);
    }

    #[test]
    fn heavy_keys_survive_a_flood_of_light_ones() {
        let mut b: Bounded<u64> = Bounded::new(64);
        for i in 0..10_000u64 {
            *b.entry("heavy", || 0) += 1;
            *b.entry(&format!("light-{i}"), || 0) += 1;
        }
        assert!(b.iter().count() <= 64);
        assert!(!b.is_exact());
        let (key, count) = b.top(1)[0];
        assert_eq!(key, "heavy");
        // Short by at most the heaviest forgotten count.
        assert!(*count + b.forgotten() >= 10_000);
    }
}
