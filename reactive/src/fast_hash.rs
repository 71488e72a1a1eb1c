//! A small, fast, non-cryptographic hasher for the framework's internal maps.
//!
//! `std`'s default `RandomState` is SipHash-1-3 with per-process random keys:
//! built to resist collision attacks, which costs time per key and code: in
//! the js-framework-benchmark app this hasher took 1.8 KB of code and 0.9 KB
//! of brotli off the wasm (BENCHMARKS.md, "Bytes"). The maps that use this
//! hasher hold a selector's keys and a keyed list's keys while it
//! reconciles: data of the page's own app, in a single-user browser tab,
//! where collision resistance buys little. The mixing is the multiply-rotate scheme of Firefox's and
//! rustc's "Fx" hash, written here from its description.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// The odd 64-bit constant of the multiplicative step (from the golden
/// ratio): an odd multiplier keeps distinct inputs distinct in the low bits
/// and spreads them into the high bits that `HashMap` uses for its tags.
const K: u64 = 0x9e37_79b9_7f4a_7c15;

/// The hasher state: one word, folded with each written word.
#[doc(hidden)]
#[derive(Default, Clone, Copy)]
pub struct FastHasher {
    hash: u64,
}

impl FastHasher {
    /// The state itself, unfolded: its high bits mix every input bit (what
    /// [`KeyMap`](crate::key_map::KeyMap) indexes by).
    #[inline]
    pub(crate) fn raw(&self) -> u64 {
        self.hash
    }

    #[inline]
    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(K);
    }
}

impl Hasher for FastHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut word = [0u8; 8];
            word[..rest.len()].copy_from_slice(rest);
            // The length keeps "ab" and "ab\0" apart.
            self.add(u64::from_le_bytes(word) ^ ((rest.len() as u64) << 59));
        }
    }

    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    #[inline]
    fn write_u16(&mut self, i: u16) {
        self.add(u64::from(i));
    }

    #[inline]
    fn write_u32(&mut self, i: u32) {
        self.add(u64::from(i));
    }

    #[inline]
    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }

    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    #[inline]
    fn finish(&self) -> u64 {
        // `HashMap` on wasm32 takes its bucket index from the low 32 bits and
        // its tag from bits 25..32; folding the high half in lets every input
        // bit reach both.
        self.hash ^ (self.hash >> 32)
    }
}

/// A `HashMap` with [`FastHasher`]; for the framework's internal maps.
#[doc(hidden)]
pub type FastHashMap<K, V> = HashMap<K, V, BuildHasherDefault<FastHasher>>;

#[cfg(test)]
mod tests {
    use super::*;
    use std::hash::{BuildHasher, Hash};

    fn hash_of<T: Hash>(value: T) -> u64 {
        BuildHasherDefault::<FastHasher>::default().hash_one(value)
    }

    #[test]
    fn equal_keys_hash_equal_and_near_keys_differ() {
        assert_eq!(hash_of("row-1"), hash_of(String::from("row-1")));
        assert_ne!(hash_of("ab"), hash_of("ab\0"));
        assert_ne!(hash_of(1usize), hash_of(2usize));
        assert_ne!(hash_of((1u32, 2u32)), hash_of((2u32, 1u32)));
    }

    #[test]
    fn sequential_keys_spread_over_buckets_and_tags() {
        // 1,000 sequential ids (the benchmark's row keys): distinct low
        // 10 bits would be the minimum; the 7-bit tags must vary too.
        let hashes: Vec<u64> = (0..1000usize).map(hash_of).collect();
        let mut low: Vec<u64> = hashes.iter().map(|h| h & 0xffff).collect();
        low.sort_unstable();
        low.dedup();
        assert!(low.len() > 990, "{} distinct low halves", low.len());
        let mut tags: Vec<u64> = hashes.iter().map(|h| (h >> 25) & 0x7f).collect();
        tags.sort_unstable();
        tags.dedup();
        assert!(tags.len() > 100, "{} distinct tags", tags.len());
    }

    #[test]
    fn a_map_with_many_string_keys_finds_them_all() {
        let mut map = FastHashMap::default();
        for i in 0..5000 {
            map.insert(format!("key {i}"), i);
        }
        assert!((0..5000).all(|i| map.get(&format!("key {i}")) == Some(&i)));
        assert_eq!(map.get("key 5000"), None);
    }
}
