//! Selectors: "is this key the selected one?" that re-runs only the old and new key's subscribers.

use crate::graph::{link, update_if_necessary};
use crate::handle::Handle;
use crate::key_map::KeyMap;
use crate::runtime::{
    borrow_state, borrow_state_mut, with_runtime, Arena, Flags, Invariant, Kind, NodeId, Payload,
    Runtime,
};
use crate::scheduler::{notify_readers, run_now};
use crate::signal::copy_handle;
use std::any::Any;
use std::cell::{Cell, RefCell};
use std::hash::Hash;
use std::marker::PhantomData;
use std::rc::Rc;

/// Tracks which key a source currently equals, so that each subscriber of
/// `selected(key)` re-runs only when *its* key gains or loses the selection.
/// Selecting another row of a 10,000-row list touches two rows, not all.
///
/// ```
/// use larkspur_reactive::*;
/// let (selected, set_selected) = create_signal(1usize);
/// let is_selected = create_selector(move || selected());
/// assert!(is_selected.selected(1));
/// set_selected(2);
/// assert!(!is_selected.selected(1));
/// assert!(is_selected.selected(2));
/// ```
pub struct Selector<T: 'static> {
    pub(crate) h: Handle,
    pub(crate) ty: PhantomData<fn() -> T>,
}

copy_handle!(Selector);

/// A custom test of a key against the value.
type KeyTest<T> = Box<dyn Fn(&T, &T) -> bool>;

struct SelectorState<T> {
    current: RefCell<Option<T>>,
    /// `create_selector_with_fn`'s test of a key against the value; `None`
    /// is equality.
    custom: Option<KeyTest<T>>,
    /// Who asked about each key, in which run (see [`Watchers`]).
    keys: RefCell<KeyMap<T, Watchers>>,
    /// Size of `keys` at which the next new key first sweeps out the keys
    /// nobody reads any more (see [`sweep_unobserved`]).
    sweep_at: Cell<usize>,
}

impl<T: Clone + PartialEq> SelectorState<T> {
    /// Makes `new` the current value; the previous one if it changed,
    /// `None` if it did not (both payloads' first step).
    fn advance(&self, new: &T) -> Option<Option<T>> {
        let old = borrow_state_mut(&self.current).replace(new.clone());
        (old.as_ref() != Some(new)).then_some(old)
    }
}

/// The memos and effects that read `selected(key)` for one key, each with
/// the epoch of the run in which it did.
///
/// A key has no node of its own in the graph (a node, its edges and their
/// two allocations for every row of a list): the selector tells the
/// readers of a key directly when the key gains or loses the selection.
/// A reader still counts only while its latest run is the one that read
/// the key — a run that did not read it again, a disposal, or a slot
/// reused by another node each leave a different epoch or no node — so a
/// reader is told exactly when it would have been through an edge.
type Watchers = Vec<(NodeId, u32)>;

/// Whether `id` still reads the key it read in the run of `epoch`.
fn watching(arena: &Arena, (id, epoch): (NodeId, u32)) -> bool {
    arena.get(id).is_some_and(|n| n.epoch == epoch)
}

/// The running memo or effect and the epoch of its run, if one is running.
///
/// A memo (or a selector) among them also gets an edge to `selector`
/// itself, as it would reading a memo.
///
/// The readers of a key are told when the selector runs (see
/// [`Watchers`]), which is enough for effects: they run after the
/// selector in a flush. A memo is pulled instead, whenever it is read: in
/// a `batch`, or by an effect older than the selector, before the selector
/// has run, and it would find nothing stale and answer for the old
/// selection. Through the edge a write marks it Check, and its pull runs
/// the selector first, which marks it Dirty if its key's answer changed.
/// A selector reading another's key is pulled through the same way by
/// the memos over its own keys. Effects, the rows of a list, keep no edge:
/// a new selection still touches two of them, not all.
#[inline(never)]
fn current_reader(rt: &Runtime, selector: NodeId) -> Option<(NodeId, u32)> {
    let id = rt.observer.get()?;
    let mut arena = rt.arena.borrow_mut();
    let node = arena.get(id)?;
    let epoch = node.epoch;
    if node.kind == Kind::Memo || node.flags.has(Flags::SELECTOR) {
        link(&mut arena, selector, id);
    }
    Some((id, epoch))
}

// Out of line: the selector's generic code (one copy per key type, inlined
// into each reader) only finds the key's entry.

/// Records that `reader` (a node and the epoch of its run) read the key
/// whose readers are `list`, and forgets the readers that no longer read
/// it (a plain loop: `retain` would link its own code for one use).
#[inline(never)]
fn watch(list: &mut Watchers, rt: &Runtime, reader: (NodeId, u32)) {
    let arena = rt.arena.borrow();
    let mut kept = 0;
    for i in 0..list.len() {
        if let Some(&w) = list.get(i) {
            if w.0 != reader.0 && watching(&arena, w) {
                if let Some(slot) = list.get_mut(kept) {
                    *slot = w;
                }
                kept += 1;
            }
        }
    }
    list.truncate(kept);
    list.push(reader);
}

/// Adds the readers in `list` that still read its key to `out`; whether
/// there are any. (Readers that stopped stay until the key is read again
/// or swept.)
#[inline(never)]
fn live(list: &Watchers, arena: &Arena, out: &mut Vec<NodeId>) -> bool {
    let before = out.len();
    for &w in list {
        if watching(arena, w) {
            out.push(w.0);
        }
    }
    out.len() > before
}

/// The fewest keys a selector keeps before it starts sweeping.
const MIN_SWEEP: usize = 64;

/// Forgets the keys nobody reads any more: the rows that asked about them
/// were disposed. Without this a list whose keys only ever grow (ids of
/// created rows) would keep one map entry per key it ever showed. Sweeping
/// only when the map has doubled keeps it amortised O(1) per new key, and
/// bounds the map to twice the keys still read.
fn sweep_unobserved<T: Hash + Eq>(rt: &Runtime, state: &SelectorState<T>) {
    let arena = rt.arena.borrow();
    let mut keys = borrow_state_mut(&state.keys);
    keys.retain(|_, list| list.iter().any(|&w| watching(&arena, w)));
    state.sweep_at.set((keys.len() * 2).max(MIN_SWEEP));
}

/// Creates a [`Selector`] over `source`. The source runs in a render effect
/// owned by the current owner.
///
/// Keys need `Hash + Eq` so that looking up a key's subscribers is O(1).
///
/// ```
/// use larkspur_reactive::*;
/// let (selected, set_selected) = create_signal(Some(3u32));
/// let sel = create_selector(move || selected());
/// assert!(sel.selected(Some(3)));
/// set_selected(None);
/// assert!(sel.selected(None));
/// ```
#[cfg_attr(debug_assertions, track_caller)]
pub fn create_selector<T: Hash + Eq + Clone + 'static>(
    source: impl crate::Source<T>,
) -> Selector<T> {
    let source = source.into_reader();
    new_selector(None, move |state| {
        Rc::new(SelectorPayload { state, source })
    })
}

/// The selector's state and effect node (both constructors):
/// `payload` wraps the state with the constructor's source.
#[cfg_attr(debug_assertions, track_caller)]
fn new_selector<T: 'static>(
    custom: Option<KeyTest<T>>,
    payload: impl FnOnce(SelectorState<T>) -> Rc<dyn Payload>,
) -> Selector<T> {
    #[cfg(debug_assertions)]
    let site = std::panic::Location::caller();
    let id = with_runtime(|rt| {
        let state = SelectorState {
            current: RefCell::new(None),
            custom,
            keys: RefCell::new(KeyMap::new()),
            sweep_at: Cell::new(MIN_SWEEP),
        };
        let id = rt.create_node(
            Kind::Effect,
            Some(payload(state)),
            rt.owner.get(),
            #[cfg(debug_assertions)]
            site,
        );
        if let Some(node) = rt.arena.borrow_mut().get_mut(id) {
            node.flags.set(Flags::SELECTOR, true);
        }
        run_now(rt, id);
        id
    });
    Selector {
        h: Handle::at(
            id,
            #[cfg(debug_assertions)]
            site,
        ),
        ty: PhantomData,
    }
}

/// The selector's state and source closure, in one allocation.
struct SelectorPayload<T, F> {
    state: SelectorState<T>,
    source: F,
}

impl<T: Hash + Eq + Clone + 'static, F: Fn() -> T + 'static> Payload for SelectorPayload<T, F> {
    fn value(&self) -> &dyn Any {
        &self.state
    }

    fn run(&self) -> bool {
        let s = &self.state;
        let new = (self.source)();
        let Some(old) = s.advance(&new) else {
            return false;
        };
        // Collected first: the readers are told with no borrow held.
        let readers = with_runtime(|rt| {
            let arena = rt.arena.borrow();
            let keys = borrow_state(&s.keys);
            let mut readers = Vec::new();
            for key in old.iter().chain([&new]) {
                if let Some(w) = keys.get(key) {
                    live(w, &arena, &mut readers);
                }
            }
            readers
        });
        with_runtime(|rt| notify_readers(rt, &readers));
        true
    }
}

impl<T: Hash + Eq + Clone + 'static> Selector<T> {
    /// [`create_selector`], as an associated function (`Selector::new`).
    ///
    /// ```
    /// use larkspur_reactive::*;
    /// let (selected, set_selected) = create_signal(1);
    /// let is = Selector::new(move || selected.get());
    /// set_selected(2);
    /// assert!(is.selected(2));
    /// ```
    #[cfg_attr(debug_assertions, track_caller)]
    pub fn new(source: impl Fn() -> T + Clone + 'static) -> Self {
        create_selector(source)
    }

    /// Whether `key` equals the source's current value. Tracked: the running
    /// effect re-runs only when this key becomes or stops being selected.
    ///
    /// ```
    /// use larkspur_reactive::*;
    /// let (sel, set_sel) = create_signal(0);
    /// let s = create_selector(move || sel());
    /// assert!(s.selected(0));
    /// ```
    #[cfg_attr(debug_assertions, track_caller)]
    pub fn selected(&self, key: T) -> bool {
        match self.try_selected(key) {
            Some(is_selected) => is_selected,
            None => self.h.disposed("selector", "read"),
        }
    }

    /// [`selected`](Selector::selected), or `None` (and nothing tracked)
    /// once the selector is disposed.
    ///
    /// ```
    /// use larkspur_reactive::*;
    /// let (sel, _) = create_signal(0);
    /// let s = create_selector(move || sel());
    /// assert_eq!(s.try_selected(0), Some(true));
    /// s.dispose();
    /// assert_eq!(s.try_selected(0), None);
    /// ```
    pub fn try_selected(&self, key: T) -> Option<bool> {
        // Bring the selection up to date first, in case this reader runs
        // before the selector's own effect in the current flush.
        let value = with_runtime(|rt| {
            update_if_necessary(rt, self.h.id);
            rt.value(self.h.id)
        })?;
        let state = value.value().downcast_ref::<SelectorState<T>>().invariant();
        // Equality is answered at once (the key type's `PartialEq`, under
        // the borrow); a custom test, a closure of the app's that may
        // panic on a value it did not expect, runs after the reader is
        // recorded (a run that a panic in it abandons still hears of the
        // key's changes) over a copy of the value, with no borrow held (on
        // wasm a panic would leave the borrow taken for good, and every
        // later change would fail).
        let (equal, test_key) = match &state.custom {
            None => (borrow_state(&state.current).as_ref() == Some(&key), None),
            Some(_) => (false, Some(key.clone())),
        };
        with_runtime(|rt| {
            let Some(reader) = current_reader(rt, self.h.id) else {
                return;
            };
            let mut keys = borrow_state_mut(&state.keys);
            if let Some(watchers) = keys.get_mut(&key) {
                return watch(watchers, rt, reader);
            }
            if keys.len() >= state.sweep_at.get() {
                drop(keys);
                sweep_unobserved(rt, state);
                keys = borrow_state_mut(&state.keys);
            }
            keys.insert(key, vec![reader]);
        });
        let (Some(key), Some(test)) = (test_key, &state.custom) else {
            return Some(equal);
        };
        let current = borrow_state(&state.current).clone();
        Some(current.is_some_and(|current| test(&key, &current)))
    }

    /// Forgets `key`: its subscribers are no longer told when it gains or
    /// loses the selection (call it when the row asking about `key` goes
    /// away, if you do not want to wait for the selector's own sweep).
    ///
    /// ```
    /// use larkspur_reactive::*;
    /// let (sel, set_sel) = create_signal(0);
    /// let s = create_selector(move || sel());
    /// let runs = std::rc::Rc::new(std::cell::Cell::new(0));
    /// let r = runs.clone();
    /// create_render_effect(move |_| { s.selected(1); r.set(r.get() + 1); });
    /// s.remove(&1);
    /// set_sel(1);
    /// assert_eq!(runs.get(), 1);
    /// assert!(s.selected(1));
    /// ```
    pub fn remove(&self, key: &T) {
        let Some(value) = with_runtime(|rt| rt.value(self.h.id)) else {
            return;
        };
        let Some(state) = value.value().downcast_ref::<SelectorState<T>>() else {
            return;
        };
        // Dropped after the borrow ends.
        let watchers = state.keys.borrow_mut().remove(key);
        drop(watchers);
    }

    /// Disposes the selector and its per-key bookkeeping.
    ///
    /// ```
    /// use larkspur_reactive::*;
    /// let s = create_selector(|| 1);
    /// s.dispose();
    /// ```
    pub fn dispose(&self) {
        self.h.dispose();
    }
}

/// A selector whose keys are matched against the value by `f(key, value)`
/// instead of equality (Leptos 0.6's `create_selector_with_fn`). A change
/// of the value asks `f` about every key read so far and notifies those
/// whose answer changed, so it costs O(keys) per change where
/// [`create_selector`] costs O(1).
///
/// ```
/// use larkspur_reactive::*;
/// let (value, set_value) = create_signal(5);
/// // "Is the value within 2 of the key?"
/// let near = create_selector_with_fn(move || value.get(), |key: &i32, v: &i32| (key - v).abs() <= 2);
/// assert!(near.selected(4));
/// set_value(9);
/// assert!(!near.selected(4));
/// assert!(near.selected(10));
/// ```
#[cfg_attr(debug_assertions, track_caller)]
pub fn create_selector_with_fn<T: Hash + Eq + Clone + 'static>(
    source: impl crate::Source<T>,
    f: impl Fn(&T, &T) -> bool + Clone + 'static,
) -> Selector<T> {
    let source = source.into_reader();
    new_selector(Some(Box::new(f)), move |state| {
        Rc::new(SelectorFnPayload { state, source })
    })
}

/// [`create_selector_with_fn`]'s state and source.
struct SelectorFnPayload<T, F> {
    state: SelectorState<T>,
    source: F,
}

impl<T: Hash + Eq + Clone + 'static, F: Fn() -> T + 'static> Payload for SelectorFnPayload<T, F> {
    fn value(&self) -> &dyn Any {
        &self.state
    }

    fn run(&self) -> bool {
        let s = &self.state;
        let new = (self.source)();
        let Some(old) = s.advance(&new) else {
            return false;
        };
        let Some(test) = &s.custom else {
            return false;
        };
        // The test is user code that may read signals: it runs over a copy
        // of the keys, with no framework borrow held.
        let keys: Vec<T> = borrow_state(&s.keys)
            .iter()
            .map(|(k, _)| k.clone())
            .collect();
        let changed: Vec<T> = keys
            .into_iter()
            .filter(|key| old.as_ref().is_some_and(|o| test(key, o)) != test(key, &new))
            .collect();
        // Collected first: the readers are told with no borrow held.
        let readers = with_runtime(|rt| {
            let arena = rt.arena.borrow();
            let keys = borrow_state(&s.keys);
            let mut readers = Vec::new();
            for key in &changed {
                if let Some(w) = keys.get(key) {
                    live(w, &arena, &mut readers);
                }
            }
            readers
        });
        with_runtime(|rt| notify_readers(rt, &readers));
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key_count<T: 'static>(sel: Selector<T>) -> usize {
        let value = with_runtime(|rt| rt.value(sel.h.id)).invariant();
        let state = value.value().downcast_ref::<SelectorState<T>>().invariant();
        let n = borrow_state(&state.keys).len();
        n
    }

    /// Keys whose readers are gone are swept: the map stays within twice
    /// the keys still read (and `MIN_SWEEP`).
    #[test]
    fn keys_of_gone_readers_are_swept() {
        let (selected, _) = crate::create_signal(0u64);
        let is = create_selector(move || selected.get());
        for cycle in 0..20u64 {
            crate::create_root(|root| {
                for key in cycle * 500..(cycle + 1) * 500 {
                    crate::create_render_effect(move |_| is.selected(key));
                }
                root.dispose();
            });
        }
        assert!(key_count(is) <= 1_000, "{} keys kept", key_count(is));
        is.remove(&9_999);
        is.dispose();
    }
}
