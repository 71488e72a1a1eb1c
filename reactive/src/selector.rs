//! Selectors: "is this key the selected one?" that re-runs only the old and new key's subscribers.

use crate::access::written;
use crate::graph::{track, update_if_necessary};
use crate::handle::Handle;
use crate::key_map::KeyMap;
use crate::runtime::{
    borrow_state, borrow_state_mut, with_runtime, Invariant, Kind, NodeId, Payload, Runtime,
};
use crate::scheduler::run_now;
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
    /// One value-less source node per key somebody asked about (no
    /// payload: it is only tracked and notified).
    keys: RefCell<KeyMap<T, NodeId>>,
    /// Owner of the per-key nodes (a sibling of the selector's effect, so the
    /// effect's re-runs do not dispose them).
    keys_owner: NodeId,
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

/// The fewest keys a selector keeps before it starts sweeping.
const MIN_SWEEP: usize = 64;

/// Forgets the keys whose node has no subscribers left: the rows that asked
/// about them were disposed. Without this a list whose keys only ever grow
/// (ids of created rows) would keep one node and one map entry per key it
/// ever showed. Sweeping only when the map has doubled keeps it amortised
/// O(1) per new key, and bounds the map to twice the keys still read.
fn sweep_unobserved<T: Hash + Eq>(rt: &Runtime, state: &SelectorState<T>) {
    let mut dead = Vec::new();
    {
        let arena = rt.arena.borrow();
        borrow_state_mut(&state.keys).retain(|_, id| {
            let observed = arena.get(*id).is_some_and(|n| !n.subscribers.is_empty());
            if !observed {
                dead.push(*id);
            }
            observed
        });
    }
    for id in dead {
        crate::owner::dispose_node(rt, id);
    }
    let live = borrow_state(&state.keys).len();
    state.sweep_at.set((live * 2).max(MIN_SWEEP));
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

/// The selector's key owner, state and effect node (both constructors):
/// `payload` wraps the state with the constructor's source.
#[cfg_attr(debug_assertions, track_caller)]
fn new_selector<T: 'static>(
    custom: Option<KeyTest<T>>,
    payload: impl FnOnce(SelectorState<T>) -> Rc<dyn Payload>,
) -> Selector<T> {
    #[cfg(debug_assertions)]
    let site = std::panic::Location::caller();
    let id = with_runtime(|rt| {
        let keys_owner = rt.create_node(
            Kind::Owner,
            None,
            rt.owner.get(),
            #[cfg(debug_assertions)]
            site,
        );
        let state = SelectorState {
            current: RefCell::new(None),
            custom,
            keys: RefCell::new(KeyMap::new()),
            keys_owner,
            sweep_at: Cell::new(MIN_SWEEP),
        };
        let id = rt.create_node(
            Kind::Effect,
            Some(payload(state)),
            rt.owner.get(),
            #[cfg(debug_assertions)]
            site,
        );
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
        let (old_key, new_key) = {
            let keys = borrow_state(&s.keys);
            (
                old.as_ref().and_then(|k| keys.get(k).copied()),
                keys.get(&new).copied(),
            )
        };
        for key in [old_key, new_key].into_iter().flatten() {
            written(key);
        }
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
        // Bring the selection up to date first, in case this reader runs
        // before the selector's own effect in the current flush.
        let value = with_runtime(|rt| {
            update_if_necessary(rt, self.h.id);
            rt.value(self.h.id)
        });
        let Some(value) = value else {
            self.h.disposed("selector", "read");
        };
        let state = value.value().downcast_ref::<SelectorState<T>>().invariant();
        let is_selected = match (&state.custom, borrow_state(&state.current).as_ref()) {
            (None, current) => current == Some(&key),
            (Some(test), Some(current)) => test(&key, current),
            (Some(_), None) => false,
        };
        with_runtime(|rt| {
            if rt.observer.get().is_none() {
                return;
            }
            let existing = borrow_state(&state.keys).get(&key).copied();
            let node = match existing.filter(|id| rt.arena.borrow().get(*id).is_some()) {
                Some(id) => id,
                None => {
                    if borrow_state(&state.keys).len() >= state.sweep_at.get() {
                        sweep_unobserved(rt, state);
                    }
                    // No value: the node is only tracked and notified
                    // (no allocation per key, 16 bytes a row in a list).
                    let id = rt.create_node(
                        Kind::Signal,
                        None,
                        Some(state.keys_owner),
                        #[cfg(debug_assertions)]
                        self.h.created,
                    );
                    borrow_state_mut(&state.keys).insert(key, id);
                    id
                }
            };
            track(rt, node);
        });
        is_selected
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
        let node = state.keys.borrow_mut().remove(key);
        if let Some(node) = node {
            with_runtime(|rt| crate::owner::dispose_node(rt, node));
        }
    }

    /// Disposes the selector and its per-key bookkeeping.
    ///
    /// ```
    /// use larkspur_reactive::*;
    /// let s = create_selector(|| 1);
    /// s.dispose();
    /// ```
    pub fn dispose(&self) {
        let keys_owner = with_runtime(|rt| rt.value(self.h.id)).and_then(|v| {
            v.value()
                .downcast_ref::<SelectorState<T>>()
                .map(|s| s.keys_owner)
        });
        self.h.dispose();
        if let Some(owner) = keys_owner {
            with_runtime(|rt| crate::owner::dispose_node(rt, owner));
        }
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
        // Collected first: notifying runs no subscriber now (they are
        // queued), but the key map stays unborrowed all the same.
        let changed: Vec<NodeId> = borrow_state(&s.keys)
            .iter()
            .filter(|(key, _)| old.as_ref().is_some_and(|o| test(key, o)) != test(key, &new))
            .map(|(_, id)| *id)
            .collect();
        for id in changed {
            written(id);
        }
        true
    }
}
