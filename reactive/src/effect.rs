//! Effects: leaf observers that run side effects, either synchronously (render effects) or deferred.

use crate::handle::Handle;
use crate::runtime::{with_runtime, Flags, Kind, Payload};
use crate::scheduler::{defer, run_now, HoldEffects};
use crate::signal::copy_handle;
use crate::value_cell::ValueCell;
use std::any::Any;
use std::marker::PhantomData;
use std::rc::Rc;

/// A running effect. The handle is only needed to stop it early with
/// [`Effect::dispose`]; otherwise its owner disposes it.
///
/// ```
/// use larkspur_reactive::*;
/// let (a, set_a) = create_signal(0);
/// let effect = create_render_effect(move |_| a.get());
/// effect.dispose();
/// set_a(1); // no longer observed
/// ```
pub struct Effect<T> {
    pub(crate) h: Handle,
    pub(crate) ty: PhantomData<fn() -> T>,
}

copy_handle!(Effect);

/// An effect's last value and its closure, in one allocation.
struct EffectPayload<T, F> {
    value: ValueCell<Option<T>>,
    f: F,
}

impl<T: 'static, F: Fn(Option<T>) -> T + 'static> Payload for EffectPayload<T, F> {
    fn value(&self) -> &dyn Any {
        &self.value
    }

    fn release(&self) {
        self.value.release()
    }

    fn run(&self) -> bool {
        let previous = self.value.borrow_mut().take();
        let next = (self.f)(previous);
        *self.value.borrow_mut() = Some(next);
        true
    }
}

#[cfg_attr(debug_assertions, track_caller)]
fn new_effect<T: 'static>(
    f: impl Fn(Option<T>) -> T + 'static,
    deferred: bool,
    side_effect: bool,
    nests: bool,
) -> Effect<T> {
    #[cfg(debug_assertions)]
    let site = std::panic::Location::caller();
    let payload = Rc::new(EffectPayload {
        value: ValueCell::new(None),
        f,
    });
    let id = with_runtime(|rt| {
        let id = rt.create_node(
            Kind::Effect,
            Some(payload),
            rt.owner.get(),
            #[cfg(debug_assertions)]
            site,
        );
        if side_effect || nests {
            if let Some(node) = rt.arena.borrow_mut().get_mut(id) {
                node.flags.set(Flags::SIDE_EFFECT, side_effect);
                node.flags.set(Flags::NESTS, nests);
            }
        }
        if nests {
            rt.nested_runner.set(Some(
                crate::scheduler::run_nested as fn(&crate::runtime::Runtime, usize),
            ));
        }
        // Natively, with no scheduler installed, there is no microtask to
        // wait for: the first run happens at once, as Leptos 0.6 does
        // outside the browser (its `queue_microtask` runs the task there
        // and then), so reactive unit tests port unchanged.
        if deferred && (cfg!(target_arch = "wasm32") || rt.scheduler.get().is_some()) {
            defer(rt, id);
        } else {
            run_now(rt, id);
        }
        id
    });
    Effect {
        h: Handle::at(
            id,
            #[cfg(debug_assertions)]
            site,
        ),
        ty: PhantomData,
    }
}

/// A render effect (runs at once) that is a side effect, not a scope for
/// timers (see `Owner::current_scope`): for `watch`, which never builds
/// views.
#[cfg_attr(debug_assertions, track_caller)]
pub(crate) fn create_side_render_effect<T: 'static>(
    f: impl Fn(Option<T>) -> T + 'static,
) -> Effect<T> {
    new_effect(f, false, true, true)
}

/// Creates an effect whose first run happens after the current synchronous
/// work (in the browser, a microtask later; natively, where there is no
/// microtask, at once, as in Leptos 0.6, unless a hook installed with
/// [`set_scheduler`](crate::set_scheduler) defers it to [`flush`](crate::flush)),
/// and which then re-runs synchronously after each write to what it read
/// (not for its own writes: it is clean once its run ends, as in Leptos
/// 0.6). The closure gets its previous return value.
///
/// ```
/// use larkspur_reactive::*;
/// let (count, set_count) = create_signal(1);
/// create_effect(move |prev: Option<i32>| {
///     let now = count();
///     println!("was {prev:?}, now {now}");
///     now
/// });
/// flush(); // in the browser, the first run (natively it ran at once)
/// set_count(2); // runs again, synchronously
/// ```
#[cfg_attr(debug_assertions, track_caller)]
pub fn create_effect<T: 'static>(f: impl Fn(Option<T>) -> T + 'static) -> Effect<T> {
    new_effect(f, true, true, true)
}

/// Creates an effect that runs right now and then synchronously after each
/// write to what it read. The renderer wraps every dynamic piece of a view
/// in one of these.
///
/// ```
/// use larkspur_reactive::*;
/// use std::{cell::RefCell, rc::Rc};
/// let log = Rc::new(RefCell::new(Vec::new()));
/// let (count, set_count) = create_signal(1);
/// let l = log.clone();
/// create_render_effect(move |_| l.borrow_mut().push(count()));
/// set_count(2);
/// assert_eq!(*log.borrow(), [1, 2]);
/// ```
#[cfg_attr(debug_assertions, track_caller)]
pub fn create_render_effect<T: 'static>(f: impl Fn(Option<T>) -> T + 'static) -> Effect<T> {
    new_effect(f, false, false, true)
}

/// A render effect for the renderer's own work (dynamic children, lists,
/// attributes): as [`create_render_effect`], except that signals it writes
/// while it runs (and those written by browser events its DOM work fires
/// synchronously) are queued until it returns, never run in the middle of
/// its update. Not for apps.
#[doc(hidden)]
#[cfg_attr(debug_assertions, track_caller)]
pub fn create_view_effect<T: 'static>(f: impl Fn(Option<T>) -> T + 'static) -> Effect<T> {
    new_effect(f, false, false, false)
}

/// Same as [`create_render_effect`]: runs right now, then after each write
/// to what it read. (With server rendering this name marks an effect that
/// also runs on the server; a client-only app has only the client.)
///
/// ```
/// use larkspur_reactive::*;
/// use std::{cell::Cell, rc::Rc};
/// let seen = Rc::new(Cell::new(0));
/// let (count, set_count) = create_signal(1);
/// let s = seen.clone();
/// create_isomorphic_effect(move |_| s.set(count()));
/// assert_eq!(seen.get(), 1); // ran at once
/// set_count(2);
/// assert_eq!(seen.get(), 2);
/// ```
///
/// Like `create_effect` (and unlike a render effect), it is for side
/// effects: a timer it schedules outlives its next run.
#[cfg_attr(debug_assertions, track_caller)]
pub fn create_isomorphic_effect<T: 'static>(f: impl Fn(Option<T>) -> T + 'static) -> Effect<T> {
    new_effect(f, false, true, true)
}

impl<T: 'static> Effect<T> {
    /// [`create_effect`], as an associated function (Leptos 0.6's
    /// `Effect::new`).
    ///
    /// ```
    /// use larkspur_reactive::*;
    /// let (count, set_count) = create_signal(1);
    /// let effect = Effect::new(move |_| count.get() * 2);
    /// flush();
    /// set_count(2);
    /// assert_eq!(effect.with_value(|v| v.copied()), Some(Some(4)));
    /// ```
    #[cfg_attr(debug_assertions, track_caller)]
    pub fn new(f: impl Fn(Option<T>) -> T + 'static) -> Self {
        create_effect(f)
    }

    /// Leptos 0.6's `Effect::new_isomorphic` (an effect that would also run
    /// on a server): [`create_isomorphic_effect`], so its first run happens
    /// before it returns, as in 0.6 (a component that copies a prop into
    /// the text its `<input>` shows has it there on first render).
    ///
    /// ```
    /// use larkspur_reactive::*;
    /// let effect = Effect::new_isomorphic(|_| 1);
    /// assert_eq!(effect.with_value(|v| v.copied()), Some(Some(1)));
    /// ```
    #[cfg_attr(debug_assertions, track_caller)]
    pub fn new_isomorphic(f: impl Fn(Option<T>) -> T + 'static) -> Self {
        create_isomorphic_effect(f)
    }

    /// Stops the effect and disposes what it owns (running cleanups).
    ///
    /// ```
    /// use larkspur_reactive::*;
    /// let e = create_render_effect(|_| ());
    /// e.dispose();
    /// ```
    pub fn dispose(&self) {
        self.h.dispose();
    }

    /// Applies `f` to the value the effect's last run returned, if the
    /// effect is alive and has run (`None` while the effect runs, or inside
    /// its own [`with_value_mut`](Self::with_value_mut)). Not tracked.
    ///
    /// ```
    /// use larkspur_reactive::*;
    /// let e = create_render_effect(|_| 42);
    /// assert_eq!(e.with_value(|v| v.copied()), Some(Some(42)));
    /// ```
    pub fn with_value<R>(&self, f: impl FnOnce(Option<&T>) -> R) -> Option<R> {
        let value = with_runtime(|rt| rt.value(self.h.id))?;
        let cell = value.value().downcast_ref::<ValueCell<Option<T>>>()?;
        // A write in `f` runs the effects after the borrow: this effect
        // among them would need its value cell back.
        let _hold = HoldEffects::new();
        // Inside `with_value_mut` of the same effect, or its own run:
        // `None`, as there.
        let borrow = cell.try_borrow()?;
        Some(f(borrow.as_ref()))
    }

    /// Applies `f` to the value the effect's last run returned, mutably:
    /// the effect's next run receives what `f` left there (Leptos 0.6's
    /// `Effect::with_value_mut`). `None` if the effect is gone; not
    /// tracked.
    ///
    /// ```
    /// use larkspur_reactive::*;
    /// let (count, set_count) = create_signal(1);
    /// let e = create_render_effect(move |prev: Option<i32>| prev.unwrap_or(0) + count.get());
    /// e.with_value_mut(|v| *v = Some(100));
    /// set_count(2);
    /// assert_eq!(e.with_value(|v| v.copied()), Some(Some(102)));
    /// ```
    pub fn with_value_mut<R>(&self, f: impl FnOnce(&mut Option<T>) -> R) -> Option<R> {
        let value = with_runtime(|rt| rt.value(self.h.id))?;
        let cell = value.value().downcast_ref::<ValueCell<Option<T>>>()?;
        let _hold = HoldEffects::new();
        // The effect itself running (`f` called from inside it) holds the
        // value: `None` rather than a double borrow.
        let mut borrow = cell.try_borrow_mut()?;
        Some(f(&mut borrow))
    }
}
