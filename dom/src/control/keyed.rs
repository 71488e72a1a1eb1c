//! [`For`]: a keyed list that reconciles with a longest-increasing-subsequence
//! move plan.
//!
//! Each row is built once, under its own child owner, and kept while its key
//! stays in the list. On each change the list:
//!
//! 1. matches new keys against the old rows (a hash map from key to old
//!    index; a repeated key is treated as a new row),
//! 2. disposes the rows whose keys left (owner first, so their effects and
//!    listeners go, then their nodes) — removing one row is one DOM removal,
//! 3. keeps in place the rows whose old indices form a longest increasing
//!    subsequence of the new order, and moves every other surviving row in
//!    front of its successor — so swapping two rows moves two nodes and
//!    reversing moves all but one,
//! 4. inserts new rows; a list that starts empty inserts all its rows in one
//!    `DocumentFragment`, and so does an append (every old row kept in
//!    place, new rows only after them).
//!
//! Clearing is a fast path: when the list's nodes are all of its parent's
//! children, the parent is emptied with `textContent = ""` in one operation.

use larkspur_reactive::{borrow_state, borrow_state_mut, Invariant};
use std::cell::{Cell, RefCell};
use std::hash::Hash;
use std::rc::Rc;

use larkspur_reactive::{create_view_effect, untrack, HoldEffects, KeyMap, Owner};

use crate::dom::{self, Node};
use crate::view::{DynamicRange, IntoView, View};

/// One row: its key, its owner and its view.
struct Row<K> {
    key: K,
    owner: Owner,
    view: View,
}

/// The live state of one keyed list.
struct KeyedList<K> {
    marker: Node,
    /// The owner of every row (a child of the owner the list was built in).
    rows_owner: Owner,
    rows: RefCell<Vec<Row<K>>>,
    /// Set while an update runs the app's code; still set at the next
    /// update only if that code panicked, when some listed rows may have
    /// been disposed: that update then rebuilds every row.
    interrupted: Cell<bool>,
}

impl<K> DynamicRange for KeyedList<K> {
    fn collect_nodes(&self, out: &mut Vec<Node>) {
        for row in borrow_state(&self.rows).iter() {
            row.view.collect_nodes(out);
        }
        out.push(self.marker.clone());
    }

    fn first_node(&self) -> Node {
        borrow_state(&self.rows)
            .iter()
            .find_map(|r| r.view.first_node())
            .unwrap_or_else(|| self.marker.clone())
    }

    // The row views are copied out before the DOM is touched: moving nodes
    // can run page code synchronously (custom element callbacks, `blur`
    // of a removed focused element) that updates this list.
    // The marker first in both, as for dynamic children (see
    // `view::dynamic`), and effects wait until every row is in.
    fn mount(&self, parent: &Node, anchor: Option<&Node>) {
        let _hold = HoldEffects::new();
        dom::insert_before(parent, &self.marker, anchor);
        for view in self.row_views() {
            view.mount(parent, Some(&self.marker));
        }
    }

    fn unmount(&self) {
        dom::remove_node(&self.marker);
        for view in self.row_views() {
            view.unmount();
        }
    }
}

impl<K> KeyedList<K> {
    fn row_views(&self) -> Vec<View> {
        borrow_state(&self.rows)
            .iter()
            .map(|r| r.view.clone())
            .collect()
    }
}

/// Builds a keyed list view (what [`For`](crate::For) returns).
pub(crate) fn keyed_list<T, I, K, V>(
    each: impl Fn() -> I + 'static,
    key: impl Fn(&T) -> K + 'static,
    children: impl Fn(T) -> V + 'static,
) -> View
where
    I: IntoIterator<Item = T>,
    K: Eq + Hash + 'static,
    V: IntoView,
    T: 'static,
{
    let list = Rc::new(KeyedList {
        marker: dom::create_marker(),
        rows_owner: Owner::new_child(),
        rows: RefCell::new(Vec::new()),
        interrupted: Cell::new(false),
    });
    let l = list.clone();
    create_view_effect(move |_: Option<()>| {
        let items: Vec<T> = each().into_iter().collect();
        // The keys first, tracked as `each` is (as in Leptos 0.6: a key
        // that reads a signal re-keys the list when it changes). A key
        // function that panics leaves the rows where they were, still
        // owned and still in the list.
        let keys: Vec<K> = items.iter().map(&key).collect();
        untrack(|| l.reconcile(items, keys, &children));
    });
    View::Dynamic(list)
}

impl<K: Eq + Hash + 'static> KeyedList<K> {
    fn build_row<T, V: IntoView>(&self, key: K, item: T, children: &impl Fn(T) -> V) -> Row<K> {
        let owner = self.rows_owner.with(Owner::new_child);
        let view = owner.with(|| children(item).into_view());
        Row { key, owner, view }
    }

    fn reconcile<T, V: IntoView>(&self, items: Vec<T>, keys: Vec<K>, children: &impl Fn(T) -> V) {
        let parent = dom::parent_node(&self.marker);

        // The plan is made with the rows still in the list, and so is
        // every call into the app's code below (row cleanups, new rows'
        // views): one that panics leaves the list as the page shows it
        // (rows it disposed stay listed until the next update takes them
        // out), where a list emptied first would have inserted every row
        // again at the next update.
        let (n_old, n_new) = (borrow_state(&self.rows).len(), keys.len());
        // After an update a panic cut short, no listed row is trusted.
        let trust = !self.interrupted.replace(true);
        let (start, end_new, sources, kept, fresh, removed) = {
            let old = borrow_state(&self.rows);
            // Rows whose keys match at both ends keep their place without
            // any bookkeeping; only the middle is matched by key.
            // (Iterators and `get` rather than indexing, here and below: no
            // bounds-check panic sites in every app that has a keyed list.)
            let start = (old.iter().zip(&keys))
                .take_while(|(row, key)| trust && row.key == **key)
                .count();
            let suffix = (old.iter().skip(start).rev())
                .zip(keys.iter().skip(start).rev())
                .take_while(|(row, key)| trust && row.key == **key)
                .count();
            let (end_old, end_new) = (n_old - suffix, n_new - suffix);

            // Where each new item was before (usize::MAX: a new row).
            let mut sources: Vec<usize> = (0..n_new)
                .map(|i| match i {
                    i if i < start => i,
                    i if i >= end_new => end_old + (i - end_new),
                    _ => usize::MAX,
                })
                .collect();
            let mut kept: Vec<bool> = (0..n_old).map(|i| i < start || i >= end_old).collect();
            if trust && start < end_new && start < end_old {
                let mut index: KeyMap<&K, usize> = KeyMap::with_capacity(end_old - start);
                for (i, row) in old.iter().enumerate().take(end_old).skip(start) {
                    index.insert(&row.key, i);
                }
                for (source, k) in sources.iter_mut().zip(&keys).take(end_new).skip(start) {
                    if let Some(&j) = index.get(&k) {
                        if let Some(kept) = kept.get_mut(j).filter(|kept| !**kept) {
                            *kept = true;
                            *source = j;
                        }
                    }
                }
            }
            // No row is kept (the first render, a clear, "replace all
            // rows"): the old rows go in one DOM operation where the list
            // fills its parent, and the new ones go in through one fragment.
            let fresh = sources.iter().all(|&s| s == usize::MAX);
            let removed: Vec<Owner> = if fresh {
                Vec::new()
            } else {
                (old.iter().zip(&kept))
                    .filter(|(_, kept)| !**kept)
                    .map(|(row, _)| row.owner)
                    .collect()
            };
            (start, end_new, sources, kept, fresh, removed)
        };

        // Rows whose keys left the list are disposed before any row is
        // built.
        if fresh {
            // Every row owner is a child of `rows_owner`, and nothing else
            // is: the rows are disposed in one pass (with any a panic left
            // half built).
            if n_old > 0 {
                self.rows_owner.dispose_children();
            }
        } else {
            for owner in removed {
                owner.dispose();
            }
        }
        let mut built: Vec<Option<Row<K>>> = Vec::with_capacity(n_new);
        for ((k, item), &src) in keys.into_iter().zip(items).zip(&sources) {
            built.push((src == usize::MAX).then(|| self.build_row(k, item, children)));
        }

        // No app code from here on.
        let old = std::mem::take(&mut *borrow_state_mut(&self.rows));
        let mut old_slots: Vec<Option<Row<K>>> = Vec::with_capacity(n_old);
        if fresh {
            clear_rows(&old, parent.as_ref(), &self.marker);
            drop(old);
        } else {
            for (row, &kept) in old.into_iter().zip(&kept) {
                if !kept {
                    row.view.unmount();
                }
                old_slots.push(kept.then_some(row));
            }
        }
        let mut rows: Vec<Row<K>> = Vec::with_capacity(n_new);
        for (new, &src) in built.into_iter().zip(&sources) {
            if let Some(row) = new.or_else(|| old_slots.get_mut(src).and_then(Option::take)) {
                rows.push(row);
            }
        }

        if let Some(parent) = &parent {
            if fresh || start == n_old {
                // Nothing kept, or every old row kept in place and new rows
                // only after them (an append): the new rows go in through
                // one fragment, with no move plan.
                if let Some(added) = rows.get(start..).filter(|r| !r.is_empty()) {
                    insert_all(added, parent, &self.marker);
                }
            } else {
                // Moves and insertions, in the middle only, back to front:
                // each row that is not part of the longest increasing run
                // goes in front of the row after it (already in its final
                // place).
                let stay = longest_increasing_subsequence(sources.get(start..end_new).invariant());
                let middle = rows.iter().enumerate().take(end_new).skip(start);
                for ((i, row), &stays) in middle.zip(&stay).rev() {
                    if stays {
                        continue;
                    }
                    let anchor = (rows.iter().skip(i + 1))
                        .find_map(|r| r.view.first_node())
                        .unwrap_or_else(|| self.marker.clone());
                    row.view.mount(parent, Some(&anchor));
                }
            }
        }
        *borrow_state_mut(&self.rows) = rows;
        self.interrupted.set(false);
    }
}

/// Removes the nodes of every row (already disposed), in one operation when
/// the list fills its parent.
fn clear_rows<K>(rows: &[Row<K>], parent: Option<&Node>, marker: &Node) {
    if rows.is_empty() {
        return;
    }
    let Some(parent) = parent else { return };
    let first = rows.iter().find_map(|r| r.view.first_node());
    let owns_parent = match (first, dom::first_child(parent), dom::last_child(parent)) {
        (Some(first), Some(parent_first), Some(parent_last)) => {
            first.is_same_node(Some(&parent_first)) && marker.is_same_node(Some(&parent_last))
        }
        _ => false,
    };
    if owns_parent {
        dom::set_text_content(parent, "");
        dom::append_child(parent, marker);
    } else {
        for row in rows {
            row.view.unmount();
        }
    }
}

/// Inserts all rows before the marker through one `DocumentFragment`.
fn insert_all<K>(rows: &[Row<K>], parent: &Node, marker: &Node) {
    let fragment = dom::create_fragment();
    for row in rows {
        row.view.mount(&fragment, None);
    }
    dom::insert_before(parent, &fragment, Some(marker));
}

/// Marks the entries of `sources` (old indices; `usize::MAX` for new rows)
/// that belong to one longest strictly increasing subsequence. Those rows
/// keep their place; all others move.
///
/// O(n log n): `tails[l]` is the index of the smallest tail of an increasing
/// run of length `l + 1`, `prev` links each entry to its predecessor.
fn longest_increasing_subsequence(sources: &[usize]) -> Vec<bool> {
    let mut tails: Vec<usize> = Vec::new();
    let mut prev = vec![usize::MAX; sources.len()];
    for (i, (&s, prev)) in sources.iter().zip(&mut prev).enumerate() {
        if s == usize::MAX {
            continue;
        }
        let pos = tails.partition_point(|&t| sources.get(t).is_some_and(|&v| v < s));
        if let Some(&before) = pos.checked_sub(1).and_then(|p| tails.get(p)) {
            *prev = before;
        }
        match tails.get_mut(pos) {
            Some(tail) => *tail = i,
            None => tails.push(i),
        }
    }
    let mut keep = vec![false; sources.len()];
    let mut i = tails.last().copied().unwrap_or(usize::MAX);
    while let Some(kept) = keep.get_mut(i) {
        *kept = true;
        i = prev.get(i).copied().unwrap_or(usize::MAX);
    }
    keep
}

#[cfg(test)]
mod tests {
    use super::longest_increasing_subsequence as lis;

    const NEW: usize = usize::MAX;

    fn kept(sources: &[usize]) -> Vec<usize> {
        lis(sources)
            .iter()
            .enumerate()
            .filter(|(_, k)| **k)
            .map(|(i, _)| sources[i])
            .collect()
    }

    #[test]
    fn unchanged_order_keeps_everything() {
        assert_eq!(kept(&[0, 1, 2, 3]), [0, 1, 2, 3]);
    }

    #[test]
    fn swap_moves_two() {
        let s = [0, 3, 2, 1, 4];
        assert_eq!(lis(&s).iter().filter(|k| !**k).count(), 2);
    }

    #[test]
    fn reverse_keeps_one() {
        assert_eq!(kept(&[3, 2, 1, 0]).len(), 1);
    }

    #[test]
    fn new_rows_are_never_kept() {
        assert_eq!(kept(&[NEW, 0, NEW, 1]), [0, 1]);
        assert!(kept(&[NEW, NEW]).is_empty());
    }

    #[test]
    fn prepend_keeps_old_rows() {
        assert_eq!(kept(&[NEW, 0, 1, 2]), [0, 1, 2]);
    }
}
