//! Triggers: value-less signals, for "something changed" notifications.

use crate::access::{signal_value, written};
use crate::handle::Handle;
use crate::runtime::{with_runtime, Kind};

/// A signal without a value: `track()` subscribes, `notify()` re-runs
/// subscribers.
///
/// ```
/// use larkspur_reactive::*;
/// use std::{cell::Cell, rc::Rc};
/// let t = create_trigger();
/// let runs = Rc::new(Cell::new(0));
/// let r = runs.clone();
/// create_render_effect(move |_| { t.track(); r.set(r.get() + 1); });
/// t.notify();
/// assert_eq!(runs.get(), 2);
/// ```
#[derive(Clone, Copy)]
pub struct Trigger {
    pub(crate) h: Handle,
}

/// Creates a trigger owned by the current owner.
///
/// ```
/// use larkspur_reactive::*;
/// let t = create_trigger();
/// t.notify();
/// ```
#[cfg_attr(debug_assertions, track_caller)]
pub fn create_trigger() -> Trigger {
    #[cfg(debug_assertions)]
    let site = std::panic::Location::caller();
    let id = with_runtime(|rt| {
        rt.create_node(
            Kind::Signal,
            Some(std::rc::Rc::new(crate::value_cell::ValueCell::new(()))),
            rt.owner.get(),
            #[cfg(debug_assertions)]
            site,
        )
    });
    Trigger {
        h: Handle::at(
            id,
            #[cfg(debug_assertions)]
            site,
        ),
    }
}

impl PartialEq for Trigger {
    fn eq(&self, other: &Self) -> bool {
        self.h.id == other.h.id
    }
}

impl Eq for Trigger {}

impl std::fmt::Debug for Trigger {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Trigger({}v{})", self.h.id.index, self.h.id.generation)
    }
}

impl Trigger {
    /// The same as [`create_trigger`].
    ///
    /// ```
    /// use larkspur_reactive::*;
    /// let t = Trigger::new();
    /// t.notify();
    /// ```
    #[cfg_attr(debug_assertions, track_caller)]
    pub fn new() -> Self {
        create_trigger()
    }

    /// Subscribes the running memo or effect to this trigger.
    ///
    /// ```
    /// use larkspur_reactive::*;
    /// let t = create_trigger();
    /// create_render_effect(move |_| t.track());
    /// ```
    pub fn track(&self) {
        let _ = signal_value(self.h.id, true);
    }

    /// Like [`track`](Self::track); returns `false` if the trigger was
    /// disposed.
    ///
    /// ```
    /// use larkspur_reactive::*;
    /// let t = create_trigger();
    /// assert!(t.try_track());
    /// ```
    pub fn try_track(&self) -> bool {
        let alive = self.h.is_alive();
        if alive {
            self.track();
        }
        alive
    }

    /// Re-runs everything that tracked this trigger. A disposed trigger
    /// does nothing (with a debug warning).
    ///
    /// ```
    /// use larkspur_reactive::*;
    /// let t = create_trigger();
    /// t.notify();
    /// ```
    #[cfg_attr(debug_assertions, track_caller)]
    pub fn notify(&self) {
        if !self.try_notify() {
            self.h.warn_disposed("trigger", "notify");
        }
    }

    /// Like [`notify`](Self::notify); returns `false` if the trigger was disposed.
    ///
    /// ```
    /// use larkspur_reactive::*;
    /// let t = create_trigger();
    /// assert!(t.try_notify());
    /// t.dispose();
    /// assert!(!t.try_notify());
    /// ```
    pub fn try_notify(&self) -> bool {
        if self.h.is_alive() {
            written(self.h.id);
            true
        } else {
            false
        }
    }

    /// Disposes the trigger.
    ///
    /// ```
    /// use larkspur_reactive::*;
    /// create_trigger().dispose();
    /// ```
    pub fn dispose(&self) {
        self.h.dispose();
    }
}

/// A new trigger, as [`create_trigger`].
impl Default for Trigger {
    #[cfg_attr(debug_assertions, track_caller)]
    fn default() -> Self {
        create_trigger()
    }
}

/// A trigger is a signal of `()`, as in Leptos 0.6: `get` tracks it.
///
/// ```
/// use larkspur_reactive::*;
/// let t = create_trigger();
/// let runs = std::rc::Rc::new(std::cell::Cell::new(0));
/// let r = runs.clone();
/// create_render_effect(move |_| {
///     t.get();
///     r.set(r.get() + 1);
/// });
/// t.set(());
/// t.update(|_| ());
/// assert_eq!(runs.get(), 3);
/// ```
impl crate::traits::SignalGet for Trigger {
    type Value = ();
    fn get(&self) {
        self.track()
    }
    fn try_get(&self) -> Option<()> {
        self.try_track().then_some(())
    }
}

/// `set(())` notifies, as [`Trigger::notify`].
impl crate::traits::SignalSet for Trigger {
    type Value = ();
    #[cfg_attr(debug_assertions, track_caller)]
    fn set(&self, _: ()) {
        self.notify()
    }
    /// `Some(())` when it notified, as Leptos 0.6's `Trigger::try_set`
    /// (a signal's `try_set` gives the value back when it could not).
    fn try_set(&self, _: ()) -> Option<()> {
        self.try_notify().then_some(())
    }
}

/// `update` runs the closure on `()`, then notifies.
impl crate::traits::SignalUpdate for Trigger {
    type Value = ();
    #[cfg_attr(debug_assertions, track_caller)]
    fn update(&self, f: impl FnOnce(&mut ())) {
        if self.h.is_alive() {
            f(&mut ());
        }
        self.notify()
    }
    fn try_update<O>(&self, f: impl FnOnce(&mut ()) -> O) -> Option<O> {
        if !self.h.is_alive() {
            return None;
        }
        let out = f(&mut ());
        self.notify();
        Some(out)
    }
}
