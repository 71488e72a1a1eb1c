//! [`LinearMap`]: the small ordered map inside a [`ParamsMap`](super::ParamsMap), and
//! its [`Entry`] API.

use std::borrow::Borrow;
use std::fmt;

use larkspur_reactive::Invariant;

/// A map kept as a vector of `(key, value)` pairs, in insertion order.
///
/// Route and query parameters are a handful of entries, where a scan is
/// cheaper than hashing. Leptos 0.6's `ParamsMap` is a public wrapper around
/// the `linear-map` crate's `LinearMap`, and apps reach into it
/// (`map.0.iter()`, `for (k, v) in map.0`); this type has that crate's
/// everyday methods, so such code compiles unchanged. Two maps are equal
/// when they hold the same pairs in the same order (the crate ignores the
/// order; comparing in order keeps a huge hostile query string from costing
/// quadratic time on every navigation).
///
/// ```
/// use larkspur::router::{LinearMap, ParamsMap};
///
/// let map = ParamsMap::from_query("?q=rust&page=2");
/// let pairs: Vec<(String, String)> = map.0.into_iter().collect();
/// assert_eq!(pairs, [("q".to_string(), "rust".to_string()), ("page".into(), "2".into())]);
///
/// let mut m = LinearMap::new();
/// assert_eq!(m.insert("a", 1), None);
/// assert_eq!(m.insert("a", 2), Some(1));
/// assert_eq!(m.get("a"), Some(&2));
/// assert_eq!(m["a"], 2);
/// *m.entry("b").or_insert(0) += 5;
/// *m.entry("a").or_default() += 1;
/// assert_eq!(m.iter().collect::<Vec<_>>(), [(&"a", &3), (&"b", &5)]);
/// ```
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct LinearMap<K, V> {
    entries: Vec<(K, V)>,
}

impl<K, V> Default for LinearMap<K, V> {
    fn default() -> Self {
        Self::new()
    }
}

impl<K: fmt::Debug, V: fmt::Debug> fmt::Debug for LinearMap<K, V> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map().entries(self.iter()).finish()
    }
}

impl<K, V> LinearMap<K, V> {
    /// An empty map.
    pub const fn new() -> Self {
        LinearMap {
            entries: Vec::new(),
        }
    }

    /// An empty map with room for `capacity` entries.
    pub fn with_capacity(capacity: usize) -> Self {
        LinearMap {
            entries: Vec::with_capacity(capacity),
        }
    }

    /// How many entries fit without reallocating.
    pub fn capacity(&self) -> usize {
        self.entries.capacity()
    }

    /// Makes room for `additional` more entries.
    pub fn reserve(&mut self, additional: usize) {
        self.entries.reserve(additional);
    }

    /// Frees unused capacity.
    pub fn shrink_to_fit(&mut self) {
        self.entries.shrink_to_fit();
    }

    /// Keeps the first `len` entries (the route matcher's backtracking).
    pub(crate) fn truncate(&mut self, len: usize) {
        self.entries.truncate(len);
    }

    /// The number of entries.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether the map is empty.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Removes every entry.
    pub fn clear(&mut self) {
        self.entries.clear();
    }

    /// Removes every entry, yielding them in order.
    pub fn drain(&mut self) -> std::vec::Drain<'_, (K, V)> {
        self.entries.drain(..)
    }

    /// Keeps only the entries for which `keep` returns `true`.
    pub fn retain(&mut self, mut keep: impl FnMut(&K, &mut V) -> bool) {
        self.entries.retain_mut(|(k, v)| keep(k, v));
    }

    /// The entries, in order.
    pub fn iter(&self) -> Iter<'_, K, V> {
        self.entries.iter().map(|(k, v)| (k, v))
    }

    /// The entries with mutable values, in order.
    pub fn iter_mut(&mut self) -> IterMut<'_, K, V> {
        self.entries.iter_mut().map(|(k, v)| (&*k, v))
    }

    /// The keys, in order.
    pub fn keys(&self) -> impl Iterator<Item = &K> {
        self.entries.iter().map(|(k, _)| k)
    }

    /// The values, in order.
    pub fn values(&self) -> impl Iterator<Item = &V> {
        self.entries.iter().map(|(_, v)| v)
    }

    /// The values, mutably, in order.
    pub fn values_mut(&mut self) -> impl Iterator<Item = &mut V> {
        self.entries.iter_mut().map(|(_, v)| v)
    }

    /// The entries as a slice of pairs, in order.
    pub fn as_slice(&self) -> &[(K, V)] {
        &self.entries
    }
}

impl<K: Eq, V> LinearMap<K, V> {
    fn position<Q>(&self, key: &Q) -> Option<usize>
    where
        K: Borrow<Q>,
        Q: Eq + ?Sized,
    {
        self.entries.iter().position(|(k, _)| k.borrow() == key)
    }

    /// The value for `key`, if any.
    pub fn get<Q>(&self, key: &Q) -> Option<&V>
    where
        K: Borrow<Q>,
        Q: Eq + ?Sized,
    {
        self.entries
            .iter()
            .find(|(k, _)| k.borrow() == key)
            .map(|(_, v)| v)
    }

    /// The value for `key`, mutably, if any.
    pub fn get_mut<Q>(&mut self, key: &Q) -> Option<&mut V>
    where
        K: Borrow<Q>,
        Q: Eq + ?Sized,
    {
        self.entries
            .iter_mut()
            .find(|(k, _)| (*k).borrow() == key)
            .map(|(_, v)| v)
    }

    /// Whether `key` has a value.
    pub fn contains_key<Q>(&self, key: &Q) -> bool
    where
        K: Borrow<Q>,
        Q: Eq + ?Sized,
    {
        self.position(key).is_some()
    }

    /// Sets the value for `key`, returning the one it replaced; a new key
    /// goes at the end.
    pub fn insert(&mut self, key: K, value: V) -> Option<V> {
        match self.entries.iter_mut().find(|(k, _)| *k == key) {
            Some((_, slot)) => Some(std::mem::replace(slot, value)),
            None => {
                self.entries.push((key, value));
                None
            }
        }
    }

    /// Removes `key`, returning its value; the other entries keep their
    /// order.
    pub fn remove<Q>(&mut self, key: &Q) -> Option<V>
    where
        K: Borrow<Q>,
        Q: Eq + ?Sized,
    {
        let at = self.position(key)?;
        Some(self.entries.remove(at).1)
    }

    /// The entry for `key`, to read, change or fill in place:
    /// `*map.entry(k).or_insert(0) += 1`.
    pub fn entry(&mut self, key: K) -> Entry<'_, K, V> {
        match self.entries.iter().position(|(k, _)| *k == key) {
            Some(index) => Entry::Occupied(OccupiedEntry { map: self, index }),
            None => Entry::Vacant(VacantEntry { map: self, key }),
        }
    }

    /// Appends a pair without looking for its key (the caller knows it is
    /// new).
    pub(crate) fn push_unchecked(&mut self, key: K, value: V) {
        self.entries.push((key, value));
    }

    /// The value at `at`, mutably (an index from the caller's own lookup).
    pub(crate) fn value_at_mut(&mut self, at: usize) -> Option<&mut V> {
        self.entries.get_mut(at).map(|(_, v)| v)
    }
}

/// One key's place in a [`LinearMap`], from [`LinearMap::entry`].
pub enum Entry<'a, K, V> {
    /// The key has a value.
    Occupied(OccupiedEntry<'a, K, V>),
    /// The key has no value yet.
    Vacant(VacantEntry<'a, K, V>),
}

/// An [`Entry`] whose key has a value.
pub struct OccupiedEntry<'a, K, V> {
    map: &'a mut LinearMap<K, V>,
    index: usize,
}

/// An [`Entry`] whose key has no value; inserting appends it.
pub struct VacantEntry<'a, K, V> {
    map: &'a mut LinearMap<K, V>,
    key: K,
}

impl<'a, K, V> Entry<'a, K, V> {
    /// The value, inserting `default` first if there is none.
    pub fn or_insert(self, default: V) -> &'a mut V {
        self.or_insert_with(|| default)
    }

    /// The value, inserting `default()` first if there is none.
    pub fn or_insert_with(self, default: impl FnOnce() -> V) -> &'a mut V {
        match self {
            Entry::Occupied(e) => e.into_mut(),
            Entry::Vacant(e) => e.insert(default()),
        }
    }

    /// The value, inserting `V::default()` first if there is none.
    pub fn or_default(self) -> &'a mut V
    where
        V: Default,
    {
        self.or_insert_with(V::default)
    }

    /// Runs `f` on the value if there is one.
    pub fn and_modify(mut self, f: impl FnOnce(&mut V)) -> Self {
        if let Entry::Occupied(e) = &mut self {
            f(e.get_mut());
        }
        self
    }

    /// The entry's key.
    pub fn key(&self) -> &K {
        match self {
            Entry::Occupied(e) => e.key(),
            Entry::Vacant(e) => e.key(),
        }
    }
}

impl<'a, K, V> OccupiedEntry<'a, K, V> {
    fn pair(&self) -> &(K, V) {
        self.map.entries.get(self.index).invariant()
    }

    fn pair_mut(&mut self) -> &mut (K, V) {
        self.map.entries.get_mut(self.index).invariant()
    }

    /// The key.
    pub fn key(&self) -> &K {
        &self.pair().0
    }

    /// The value.
    pub fn get(&self) -> &V {
        &self.pair().1
    }

    /// The value, mutably.
    pub fn get_mut(&mut self) -> &mut V {
        &mut self.pair_mut().1
    }

    /// The value, mutably, for as long as the map is borrowed.
    pub fn into_mut(self) -> &'a mut V {
        &mut self.map.entries.get_mut(self.index).invariant().1
    }

    /// Replaces the value, returning the old one.
    pub fn insert(&mut self, value: V) -> V {
        std::mem::replace(self.get_mut(), value)
    }

    /// Removes the pair, returning its value; the other entries keep their
    /// order.
    pub fn remove(self) -> V {
        self.map.entries.remove(self.index).1
    }
}

impl<'a, K, V> VacantEntry<'a, K, V> {
    /// The key.
    pub fn key(&self) -> &K {
        &self.key
    }

    /// Appends the key with `value`.
    pub fn insert(self, value: V) -> &'a mut V {
        let entries = &mut self.map.entries;
        entries.push((self.key, value));
        &mut entries.last_mut().invariant().1
    }
}

/// Iterator over `(&K, &V)`, from [`LinearMap::iter`].
pub type Iter<'a, K, V> =
    std::iter::Map<std::slice::Iter<'a, (K, V)>, fn(&'a (K, V)) -> (&'a K, &'a V)>;

/// Iterator over `(&K, &mut V)`, from [`LinearMap::iter_mut`].
pub type IterMut<'a, K, V> =
    std::iter::Map<std::slice::IterMut<'a, (K, V)>, fn(&'a mut (K, V)) -> (&'a K, &'a mut V)>;

impl<K, V> IntoIterator for LinearMap<K, V> {
    type Item = (K, V);
    type IntoIter = std::vec::IntoIter<(K, V)>;
    fn into_iter(self) -> Self::IntoIter {
        self.entries.into_iter()
    }
}

impl<'a, K, V> IntoIterator for &'a LinearMap<K, V> {
    type Item = (&'a K, &'a V);
    type IntoIter = Iter<'a, K, V>;
    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

impl<'a, K, V> IntoIterator for &'a mut LinearMap<K, V> {
    type Item = (&'a K, &'a mut V);
    type IntoIter = IterMut<'a, K, V>;
    fn into_iter(self) -> Self::IntoIter {
        self.iter_mut()
    }
}

impl<K: Eq, V> FromIterator<(K, V)> for LinearMap<K, V> {
    fn from_iter<I: IntoIterator<Item = (K, V)>>(iter: I) -> Self {
        let mut map = LinearMap::new();
        map.extend(iter);
        map
    }
}

impl<K: Eq, V> Extend<(K, V)> for LinearMap<K, V> {
    fn extend<I: IntoIterator<Item = (K, V)>>(&mut self, iter: I) {
        for (k, v) in iter {
            self.insert(k, v);
        }
    }
}

impl<K, V, Q> std::ops::Index<&Q> for LinearMap<K, V>
where
    K: Eq + Borrow<Q>,
    Q: Eq + ?Sized,
{
    type Output = V;

    /// Panics when `key` has no value, as `HashMap`'s indexing does.
    #[track_caller]
    fn index(&self, key: &Q) -> &V {
        match self.get(key) {
            Some(v) => v,
            None => panic!("LinearMap: no entry for the key"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::LinearMap;

    #[test]
    fn inserts_replace_in_place_and_removal_keeps_order() {
        let mut m: LinearMap<String, u32> = LinearMap::new();
        m.insert("a".into(), 1);
        m.insert("b".into(), 2);
        m.insert("c".into(), 3);
        assert_eq!(m.insert("b".into(), 20), Some(2));
        assert_eq!(m.remove("a"), Some(1));
        assert_eq!(m.remove("a"), None);
        let pairs: Vec<(&String, &u32)> = m.iter().collect();
        assert_eq!(pairs, [(&"b".to_string(), &20), (&"c".to_string(), &3)]);
        *m.get_mut("c").unwrap() += 1;
        for (_, v) in &mut m {
            *v *= 2;
        }
        assert_eq!(m.values().copied().collect::<Vec<_>>(), [40, 8]);
        assert!(m.contains_key("b") && !m.contains_key("z"));
        m.retain(|k, _| k == "c");
        assert_eq!(m.len(), 1);
        let collected: LinearMap<&str, i32> = [("x", 1), ("y", 2), ("x", 3)].into_iter().collect();
        assert_eq!(collected.as_slice(), [("x", 3), ("y", 2)]);
    }

    #[test]
    fn entries_fill_change_and_remove_in_place() {
        use super::Entry;
        let mut m: LinearMap<&str, Vec<u32>> = LinearMap::new();
        m.entry("a").or_default().push(1);
        m.entry("b").or_insert_with(|| vec![7]);
        m.entry("a").or_default().push(2);
        m.entry("b").and_modify(|v| v.push(8)).or_default();
        m.entry("c").and_modify(|v| v.push(0));
        assert_eq!(m.as_slice(), [("a", vec![1, 2]), ("b", vec![7, 8])]);
        assert_eq!(*m.entry("z").key(), "z");
        match m.entry("a") {
            Entry::Occupied(mut e) => {
                assert_eq!(e.key(), &"a");
                assert_eq!(e.insert(vec![3]), [1, 2]);
                assert_eq!(e.get(), &[3]);
                assert_eq!(e.remove(), [3]);
            }
            Entry::Vacant(_) => panic!("a is in the map"),
        }
        match m.entry("d") {
            Entry::Vacant(e) => e.insert(vec![4]).push(5),
            Entry::Occupied(_) => panic!("d is not in the map"),
        }
        assert_eq!(m.as_slice(), [("b", vec![7, 8]), ("d", vec![4, 5])]);
    }
}
