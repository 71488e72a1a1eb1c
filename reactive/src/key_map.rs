//! `KeyMap`: the small hash map behind a selector's keys and a keyed list's
//! reconciliation.
//!
//! `std::collections::HashMap` (hashbrown) is fast but large: its SIMD-style
//! group probing, its resize path and its iterators came to about 2.5 KB of
//! code per key type in the js-framework-benchmark app, which has two (the
//! list's keys and the selector's). These maps only ever get, insert, remove
//! and sweep, so a plain open-addressing table does: the entries sit in a
//! `Vec` in insertion order (swap-removed), and a power-of-two array of
//! `u32` slots, at most half full, holds each entry's index plus one (zero
//! is empty), found by linear probing from the key's home slot.
//!
//! The probing itself is one function shared by every key type (the key
//! comparison is passed as `&mut dyn FnMut`), so each new key type adds only
//! its hashing and comparison.
//!
//! The home slot is taken from the *high* bits of [`FastHasher`]'s raw
//! state (a multiplicative hash): the low bits of a product depend only on
//! the low bits of the key, so keys that are multiples of a large power of
//! two (ids 1024, 2048, …) would all share a home slot if the low bits were
//! used.

use crate::fast_hash::FastHasher;
use crate::runtime::Invariant;
use std::hash::Hash;

/// The fewest slots a map allocates once it holds anything.
const MIN_SLOTS: usize = 8;

/// A hash map from `K` to `V` for the framework's internal bookkeeping
/// (selector keys, a keyed list's old rows). Not a general-purpose map: no
/// iteration order guarantees beyond insertion order up to removals.
#[doc(hidden)]
pub struct KeyMap<K, V> {
    entries: Vec<(K, V)>,
    /// Entry index + 1, or 0 for an empty slot; a power of two in length
    /// (or empty), never more than half full, so probing always ends.
    slots: Vec<u32>,
}

impl<K, V> Default for KeyMap<K, V> {
    fn default() -> Self {
        Self::new()
    }
}

/// The raw multiplicative hash of `key`.
fn hash_of<K: Hash + ?Sized>(key: &K) -> u64 {
    let mut hasher = FastHasher::default();
    key.hash(&mut hasher);
    hasher.raw()
}

/// The home slot of `hash` in a table of `len` slots (a power of two, at
/// least [`MIN_SLOTS`]): its top bits.
fn home(hash: u64, len: usize) -> usize {
    (hash >> (64 - len.trailing_zeros())) as usize
}

/// Probes `slots` from `hash`'s home: the position of the first slot whose
/// entry `is` accepts (`Ok`), or of the empty slot that ends the run
/// (`Err`). `slots` must be non-empty and hold an empty slot.
fn probe(slots: &[u32], hash: u64, is: &mut dyn FnMut(usize) -> bool) -> Result<usize, usize> {
    let mask = slots.len() - 1;
    let mut at = home(hash, slots.len());
    loop {
        match *slots.get(at).invariant() {
            0 => return Err(at),
            e if is(e as usize - 1) => return Ok(at),
            _ => at = (at + 1) & mask,
        }
    }
}

/// Empties slot `hole` of a linear-probing table without breaking any
/// other entry's probe run: later entries of the run whose home is not
/// cyclically in `(hole, j]` move back into the hole ("backward shift").
fn remove_slot(slots: &mut [u32], mut hole: usize, home_of: &mut dyn FnMut(usize) -> usize) {
    let mask = slots.len() - 1;
    let mut j = hole;
    loop {
        j = (j + 1) & mask;
        let e = *slots.get(j).invariant();
        if e == 0 {
            break;
        }
        let h = home_of(e as usize - 1);
        let stays = if hole <= j {
            hole < h && h <= j
        } else {
            hole < h || h <= j
        };
        if !stays {
            *slots.get_mut(hole).invariant() = e;
            hole = j;
        }
    }
    *slots.get_mut(hole).invariant() = 0;
}

impl<K, V> KeyMap<K, V> {
    /// An empty map; allocates nothing.
    pub const fn new() -> Self {
        Self {
            entries: Vec::new(),
            slots: Vec::new(),
        }
    }

    /// The number of entries.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether the map has no entries.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The entries, in insertion order up to removals.
    pub fn iter(&self) -> impl Iterator<Item = (&K, &V)> {
        self.entries.iter().map(|(k, v)| (k, v))
    }
}

impl<K: Hash + Eq, V> KeyMap<K, V> {
    /// An empty map with room for `n` entries before it grows.
    pub fn with_capacity(n: usize) -> Self {
        let mut map = Self {
            entries: Vec::with_capacity(n),
            slots: Vec::new(),
        };
        map.rebuild(n);
        map
    }

    /// Re-indexes every entry into a table with room for `n` entries.
    fn rebuild(&mut self, n: usize) {
        let len = (n.max(1) * 2).next_power_of_two().max(MIN_SLOTS);
        self.slots.clear();
        self.slots.resize(len, 0);
        for (i, (key, _)) in self.entries.iter().enumerate() {
            if let Err(at) = probe(&self.slots, hash_of(key), &mut |_| false) {
                *self.slots.get_mut(at).invariant() = i as u32 + 1;
            }
        }
    }

    /// The slot position of `key`'s entry, if it has one.
    fn find(&self, key: &K) -> Option<usize> {
        if self.slots.is_empty() {
            return None;
        }
        let entries = &self.entries;
        probe(&self.slots, hash_of(key), &mut |i| {
            entries.get(i).is_some_and(|(k, _)| k == key)
        })
        .ok()
    }

    /// The entry index stored in slot `at`.
    fn entry_at(&self, at: usize) -> usize {
        *self.slots.get(at).invariant() as usize - 1
    }

    /// The value for `key`.
    pub fn get(&self, key: &K) -> Option<&V> {
        let at = self.find(key)?;
        self.entries.get(self.entry_at(at)).map(|(_, v)| v)
    }

    /// The value for `key`, to change.
    pub fn get_mut(&mut self, key: &K) -> Option<&mut V> {
        let at = self.find(key)?;
        let i = self.entry_at(at);
        self.entries.get_mut(i).map(|(_, v)| v)
    }

    /// Sets `key`'s value, returning the one it replaces.
    pub fn insert(&mut self, key: K, value: V) -> Option<V> {
        if let Some(at) = self.find(&key) {
            let i = self.entry_at(at);
            let slot = self.entries.get_mut(i).invariant();
            return Some(std::mem::replace(&mut slot.1, value));
        }
        if (self.entries.len() + 1) * 2 > self.slots.len() {
            self.rebuild((self.entries.len() + 1) * 2);
        }
        let hash = hash_of(&key);
        let i = self.entries.len() as u32 + 1;
        self.entries.push((key, value));
        if let Err(at) = probe(&self.slots, hash, &mut |_| false) {
            *self.slots.get_mut(at).invariant() = i;
        }
        None
    }

    /// Removes `key`, returning its value.
    pub fn remove(&mut self, key: &K) -> Option<V> {
        let at = self.find(key)?;
        let i = self.entry_at(at);
        let len = self.slots.len();
        let entries = &self.entries;
        remove_slot(&mut self.slots, at, &mut |e| {
            home(hash_of(&entries.get(e).invariant().0), len)
        });
        let last = self.entries.len() - 1;
        let (_, value) = self.entries.swap_remove(i);
        if i != last {
            // The last entry moved to `i`: its slot must say so.
            let moved = hash_of(&self.entries.get(i).invariant().0);
            if let Ok(at) = probe(&self.slots, moved, &mut |e| e == last) {
                *self.slots.get_mut(at).invariant() = i as u32 + 1;
            }
        }
        Some(value)
    }

    /// Keeps only the entries `keep` accepts, then re-indexes (O(n)).
    pub fn retain(&mut self, mut keep: impl FnMut(&K, &mut V) -> bool) {
        let before = self.entries.len();
        self.entries.retain_mut(|(k, v)| keep(k, v));
        if self.entries.len() != before {
            self.rebuild(self.entries.len());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inserts_finds_replaces_and_removes() {
        let mut map = KeyMap::new();
        assert_eq!(map.get(&1usize), None);
        assert_eq!(map.remove(&1), None);
        for i in 0..1000usize {
            assert_eq!(map.insert(i, i * 10), None);
        }
        assert_eq!(map.len(), 1000);
        assert_eq!(map.insert(7, 1), Some(70));
        assert_eq!(map.get(&7), Some(&1));
        for i in (0..1000).step_by(3) {
            assert!(map.remove(&i).is_some(), "{i}");
        }
        for i in 0..1000 {
            let expect = match i {
                _ if i % 3 == 0 => None,
                7 => Some(1),
                _ => Some(i * 10),
            };
            assert_eq!(map.get(&i).copied(), expect, "{i}");
        }
        assert_eq!(map.get(&1000), None);
    }

    #[test]
    fn keys_sharing_their_low_bits_spread_out() {
        // Multiples of 2^20: identical low bits; found by the high bits.
        let mut map = KeyMap::new();
        for i in 0..512u64 {
            map.insert(i << 20, i);
        }
        let homes: std::collections::BTreeSet<usize> = (0..512u64)
            .map(|i| home(hash_of(&(i << 20)), map.slots.len()))
            .collect();
        assert!(homes.len() > 256, "{} distinct homes", homes.len());
        assert!((0..512u64).all(|i| map.get(&(i << 20)) == Some(&i)));
    }

    #[test]
    fn removal_keeps_colliding_runs_reachable() {
        // Every probe run wraps and collides: a table of 8 slots with keys
        // chosen to share a home, removed in every order.
        let len = MIN_SLOTS;
        let keys: Vec<u64> = (0u64..)
            .filter(|k| home(hash_of(k), len) == len - 1)
            .take(3)
            .collect();
        for first in 0..3 {
            let mut map = KeyMap::with_capacity(3);
            assert_eq!(map.slots.len(), len);
            for &k in &keys {
                map.insert(k, k);
            }
            map.remove(&keys[first]);
            for (i, k) in keys.iter().enumerate() {
                let expect = (i != first).then_some(k);
                assert_eq!(map.get(k), expect, "removed {first}, looking up {i}");
            }
            for (i, k) in keys.iter().enumerate() {
                if i != first {
                    assert_eq!(map.remove(k), Some(*k));
                }
            }
            assert!(map.is_empty());
            assert!(map.slots.iter().all(|&s| s == 0));
        }
    }

    #[test]
    fn retain_reindexes_and_strings_work() {
        let mut map: KeyMap<String, usize> = KeyMap::default();
        for i in 0..100 {
            map.insert(format!("row {i}"), i);
        }
        map.retain(|_, v| *v % 2 == 0);
        assert_eq!(map.len(), 50);
        assert!((0..100).all(|i| map.get(&format!("row {i}")).is_some() == (i % 2 == 0)));
    }
}
