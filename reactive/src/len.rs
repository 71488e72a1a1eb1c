//! `HasLen`: lets `name.len()` on a signal of a string or collection read the length reactively.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet, VecDeque};

/// Values with a length, so readers offer tracked `len()` / `is_empty()`
/// (the seed writes `create_memo(move |_| name.len())`).
///
/// ```
/// use larkspur_reactive::*;
/// let (name, set_name) = create_signal("Alice");
/// let len = create_memo(move |_| name.len());
/// set_name.set("Bob");
/// assert_eq!(len.get(), 3);
/// ```
pub trait HasLen {
    /// The number of elements (bytes for strings).
    ///
    /// ```
    /// use larkspur_reactive::HasLen;
    /// assert_eq!(HasLen::length("abc"), 3);
    /// ```
    fn length(&self) -> usize;
}

impl HasLen for str {
    fn length(&self) -> usize {
        self.len()
    }
}
impl HasLen for String {
    fn length(&self) -> usize {
        self.len()
    }
}
impl<T> HasLen for [T] {
    fn length(&self) -> usize {
        self.len()
    }
}
impl<T, const N: usize> HasLen for [T; N] {
    fn length(&self) -> usize {
        N
    }
}
impl<T> HasLen for Vec<T> {
    fn length(&self) -> usize {
        self.len()
    }
}
impl<T> HasLen for VecDeque<T> {
    fn length(&self) -> usize {
        self.len()
    }
}
impl<K, V, S> HasLen for HashMap<K, V, S> {
    fn length(&self) -> usize {
        self.len()
    }
}
impl<K, S> HasLen for HashSet<K, S> {
    fn length(&self) -> usize {
        self.len()
    }
}
impl<K, V> HasLen for BTreeMap<K, V> {
    fn length(&self) -> usize {
        self.len()
    }
}
impl<K> HasLen for BTreeSet<K> {
    fn length(&self) -> usize {
        self.len()
    }
}
impl<T: HasLen + ?Sized> HasLen for &T {
    fn length(&self) -> usize {
        (**self).length()
    }
}
impl<T: HasLen + ?Sized> HasLen for Box<T> {
    fn length(&self) -> usize {
        (**self).length()
    }
}
impl<T: HasLen + ?Sized> HasLen for std::rc::Rc<T> {
    fn length(&self) -> usize {
        (**self).length()
    }
}
