//! The reader and writer method sets shared by the handles, generated once by macro over a tiny non-generic core.

use crate::graph::{read_value, update_if_necessary};
use crate::handle::Handle;
use crate::runtime::{with_runtime, NodeId};
use crate::runtime::{Invariant, Payload};
use crate::scheduler::{notify, HoldEffects};
use crate::value_cell::ValueCell;
use std::rc::Rc;

// `signal_value`, `memo_value` and `written` are out of line on wasm: every
// typed read and write (one copy per value type and call site) would
// otherwise carry the thread-local access, the arena lookup and the
// tracking. Natively they are inlined.

/// Value cell of a signal (`RefCell<T>`), fetched and optionally tracked.
#[cfg_attr(target_family = "wasm", inline(never))]
#[cfg_attr(not(target_family = "wasm"), inline)]
pub(crate) fn signal_value(id: NodeId, tracked: bool) -> Option<Rc<dyn Payload>> {
    with_runtime(|rt| read_value(rt, id, tracked))
}

/// Value cell of a memo (`RefCell<Option<T>>`), brought up to date first.
#[cfg_attr(target_family = "wasm", inline(never))]
#[cfg_attr(not(target_family = "wasm"), inline)]
pub(crate) fn memo_value(id: NodeId, tracked: bool) -> Option<Rc<dyn Payload>> {
    with_runtime(|rt| {
        update_if_necessary(rt, id);
        read_value(rt, id, tracked)
    })
}

/// Tells subscribers that signal `id` was written.
#[cfg_attr(target_family = "wasm", inline(never))]
#[cfg_attr(not(target_family = "wasm"), inline)]
pub(crate) fn written(id: NodeId) {
    with_runtime(|rt| notify(rt, id));
}

// Release builds carry a one-line message; debug builds (where these
// mistakes show up first, identically) explain the fix. Every byte of a
// panic message ships in the wasm (BENCHMARKS.md, "Bytes").

/// A read that overlaps a write of the same signal: a user mistake that the
/// `RefCell` would report only as "already mutably borrowed".
pub(crate) const READ_DURING_UPDATE: &str = if cfg!(debug_assertions) {
    "was read while it is being \
     updated, e.g. `s.update(|v| *v = s.get() + 1)`. Read it before the update, or use \
     the `&mut` value that `update` passes in"
} else {
    "larkspur-reactive: a signal was read during its own update (a debug build explains)"
};

/// A write that overlaps a read of the same signal.
pub(crate) const WRITE_DURING_READ: &str = if cfg!(debug_assertions) {
    "was written while it is \
     being read, e.g. inside its own `with`, or by an effect that a write inside that \
     `with` ran. Move the write out of the `with` closure"
} else {
    "larkspur-reactive: a signal was written during a read of it (a debug build explains)"
};

#[inline]
#[cfg_attr(debug_assertions, track_caller)]
pub(crate) fn open_signal<T: 'static, R>(
    h: &Handle,
    what: &'static str,
    value: &Rc<dyn Payload>,
    f: impl FnOnce(&T) -> R,
) -> R {
    let cell = value.value().downcast_ref::<ValueCell<T>>().invariant();
    match cell.try_borrow() {
        Some(v) => f(&v),
        None => h.overlap(what, READ_DURING_UPDATE),
    }
}

/// A memo read while it has no value: computing it (a dependency cycle: it
/// reads itself, through another memo or a stored handle), or after a
/// computation that panicked (the runtime recovered; wasm).
pub(crate) const READ_DURING_COMPUTE: &str = if cfg!(debug_assertions) {
    "was read while it has no value: it is computing it (it depends on \
     itself, through another memo or a handle to it read in its own \
     function: break the cycle), or its last computation panicked"
} else {
    "larkspur-reactive: a memo was read while it has no value (a debug build explains)"
};

#[inline]
#[cfg_attr(debug_assertions, track_caller)]
pub(crate) fn open_memo<T: 'static, R>(
    h: &Handle,
    what: &'static str,
    value: &Rc<dyn Payload>,
    f: impl FnOnce(&T) -> R,
) -> R {
    let cell = value
        .value()
        .downcast_ref::<ValueCell<Option<T>>>()
        .invariant();
    // A write in `f` (e.g. to the memo's own source) runs its effects after
    // the borrow, not inside it (they would recompute this memo).
    let _hold = HoldEffects::new();
    // Computing (its value taken out, or borrowed to compute in place).
    let Some(borrow) = cell.try_borrow() else {
        h.overlap(what, READ_DURING_COMPUTE)
    };
    match borrow.as_ref() {
        Some(v) => f(v),
        None => h.overlap(what, READ_DURING_COMPUTE),
    }
}

/// A memo recomputed while its value is being read: the read's closure
/// changed one of its sources and then read the memo again.
pub(crate) const MEMO_WRITE_DURING_READ: &str = if cfg!(debug_assertions) {
    "larkspur-reactive: a memo was recomputed while it is being \
     read: inside its `with`, one of its sources was written and the memo was read \
     again. Move the write out of the `with` closure"
} else {
    "larkspur-reactive: a memo was recomputed during a read of it (a debug build explains)"
};

#[cold]
#[inline(never)]
pub(crate) fn memo_write_during_read() -> ! {
    // Debug builds name the memo: it is the node running now (its
    // recomputation is what found the value borrowed).
    #[cfg(debug_assertions)]
    {
        let memo = crate::runtime::with_runtime(|rt| {
            let id = rt.observer.get()?;
            let arena = rt.arena.try_borrow()?;
            arena.get(id).map(|n| n.created.to_string())
        });
        if let Some(created) = memo {
            panic!("{MEMO_WRITE_DURING_READ} (the memo created at {created})")
        }
    }
    panic!("{}", MEMO_WRITE_DURING_READ)
}

#[inline]
#[cfg_attr(debug_assertions, track_caller)]
pub(crate) fn open_signal_mut<T: 'static, R>(
    h: &Handle,
    what: &'static str,
    value: &Rc<dyn Payload>,
    f: impl FnOnce(&mut T) -> R,
) -> R {
    let cell = value.value().downcast_ref::<ValueCell<T>>().invariant();
    match cell.try_borrow_mut() {
        Some(mut v) => f(&mut v),
        None => h.overlap(what, WRITE_DURING_READ),
    }
}

/// Generates the reader methods (`get`, `with`, `try_` and `_untracked`
/// twins, `track`, `dispose`, `len`, `is_empty`) for a handle type with a
/// `h: Handle` field.
macro_rules! impl_reader {
    ($ty:ident, $what:literal, $fetch:ident, $open:ident, $make:literal) => {
        impl<T: 'static> $ty<T> {
            #[doc = concat!("Applies `f` to the current value by reference and tracks this ", $what, ".\n\n")]
            #[doc = concat!("Panics if the ", $what, " was disposed, naming where it was created and where it was read.\n\n")]
            #[doc = concat!("```\nuse larkspur_reactive::*;\n", $make, "\nassert_eq!(s.with(|v| v * 2), 10);\n```")]
            #[cfg_attr(debug_assertions, track_caller)]
            pub(crate) fn with<R>(&self, f: impl FnOnce(&T) -> R) -> R {
                match $crate::access::$fetch(self.h.id, true) {
                    Some(v) => $crate::access::$open::<T, R>(&self.h, $what, &v, f),
                    None => self.h.disposed($what, "read"),
                }
            }

            #[doc = concat!("Like [`with`](Self::with), without tracking.\n\n")]
            #[doc = concat!("```\nuse larkspur_reactive::*;\n", $make, "\nassert_eq!(s.with_untracked(|v| *v), 5);\n```")]
            #[cfg_attr(debug_assertions, track_caller)]
            pub(crate) fn with_untracked<R>(&self, f: impl FnOnce(&T) -> R) -> R {
                match $crate::access::$fetch(self.h.id, false) {
                    Some(v) => $crate::access::$open::<T, R>(&self.h, $what, &v, f),
                    None => self.h.disposed($what, "read"),
                }
            }

            #[doc = concat!("Applies `f` to the value and tracks, or returns `None` if the ", $what, " was disposed.\n\n")]
            #[doc = concat!("```\nuse larkspur_reactive::*;\n", $make, "\nassert_eq!(s.try_with(|v| *v), Some(5));\ns.dispose();\nassert_eq!(s.try_with(|v| *v), None);\n```")]
            #[cfg_attr(debug_assertions, track_caller)]
            pub(crate) fn try_with<R>(&self, f: impl FnOnce(&T) -> R) -> Option<R> {
                $crate::access::$fetch(self.h.id, true).map(|v| $crate::access::$open::<T, R>(&self.h, $what, &v, f))
            }

            #[doc = concat!("Like [`try_with`](Self::try_with), without tracking.\n\n")]
            #[doc = concat!("```\nuse larkspur_reactive::*;\n", $make, "\nassert_eq!(s.try_with_untracked(|v| *v), Some(5));\n```")]
            #[cfg_attr(debug_assertions, track_caller)]
            pub(crate) fn try_with_untracked<R>(&self, f: impl FnOnce(&T) -> R) -> Option<R> {
                $crate::access::$fetch(self.h.id, false).map(|v| $crate::access::$open::<T, R>(&self.h, $what, &v, f))
            }

            #[doc = concat!("Clones the current value and tracks this ", $what, ". Panics if it was disposed.\n\n")]
            #[doc = concat!("```\nuse larkspur_reactive::*;\n", $make, "\nassert_eq!(s.get(), 5);\n```")]
            #[cfg_attr(debug_assertions, track_caller)]
            pub(crate) fn get(&self) -> T
            where
                T: Clone,
            {
                self.with(T::clone)
            }

            #[doc = concat!("Clones the current value without tracking.\n\n")]
            #[doc = concat!("```\nuse larkspur_reactive::*;\n", $make, "\nassert_eq!(s.get_untracked(), 5);\n```")]
            #[cfg_attr(debug_assertions, track_caller)]
            pub(crate) fn get_untracked(&self) -> T
            where
                T: Clone,
            {
                self.with_untracked(T::clone)
            }

            #[doc = concat!("Clones the value and tracks, or `None` if the ", $what, " was disposed.\n\n")]
            #[doc = concat!("```\nuse larkspur_reactive::*;\n", $make, "\nassert_eq!(s.try_get(), Some(5));\n```")]
            #[cfg_attr(debug_assertions, track_caller)]
            pub(crate) fn try_get(&self) -> Option<T>
            where
                T: Clone,
            {
                self.try_with(T::clone)
            }

            #[doc = concat!("Clones the value without tracking, or `None` if disposed.\n\n")]
            #[doc = concat!("```\nuse larkspur_reactive::*;\n", $make, "\nassert_eq!(s.try_get_untracked(), Some(5));\n```")]
            #[cfg_attr(debug_assertions, track_caller)]
            pub(crate) fn try_get_untracked(&self) -> Option<T>
            where
                T: Clone,
            {
                self.try_with_untracked(T::clone)
            }

            #[doc = concat!("Subscribes the running memo or effect to this ", $what, " without reading it.\n\n")]
            #[doc = concat!("```\nuse larkspur_reactive::*;\n", $make, "\ncreate_render_effect(move |_| s.track());\n```")]
            pub(crate) fn track(&self) {
                let _ = $crate::access::$fetch(self.h.id, true);
            }

            #[doc = concat!("Disposes this ", $what, " (and what it owns). Later reads panic, `try_` reads return `None`.\n\n")]
            #[doc = concat!("```\nuse larkspur_reactive::*;\n", $make, "\ns.dispose();\nassert_eq!(s.try_get(), None);\n```")]
            pub(crate) fn dispose(&self) {
                self.h.dispose();
            }

            #[doc = concat!("Tracked length of the value (strings, vectors, slices, maps...).\n\n")]
            #[doc = "```\nuse larkspur_reactive::*;\nlet (name, _) = create_signal(\"Alice\");\nassert_eq!(name.len(), 5);\n```"]
            #[cfg_attr(debug_assertions, track_caller)]
            #[allow(clippy::len_without_is_empty)]
            pub fn len(&self) -> usize
            where
                T: $crate::len::HasLen,
            {
                self.with(|v| $crate::len::HasLen::length(v))
            }

            #[doc = concat!("Tracked emptiness of the value.\n\n")]
            #[doc = "```\nuse larkspur_reactive::*;\nlet (items, _) = create_signal(Vec::<u8>::new());\nassert!(items.is_empty());\n```"]
            #[cfg_attr(debug_assertions, track_caller)]
            pub fn is_empty(&self) -> bool
            where
                T: $crate::len::HasLen,
            {
                self.with(|v| $crate::len::HasLen::length(v) == 0)
            }
        }
    };
}

/// Generates the writer methods for a signal handle with a `h: Handle` field.
macro_rules! impl_writer {
    ($ty:ident, $make:literal) => {
        impl<T: 'static> $ty<T> {
            #[doc = "Replaces the value and notifies subscribers (signals always notify).\n\n"]
            #[doc = concat!("```\nuse larkspur_reactive::*;\n", $make, "\nw.set(6);\nassert_eq!(r.get(), 6);\n```")]
            #[cfg_attr(debug_assertions, track_caller)]
            pub(crate) fn set(&self, value: T) {
                if self.try_set(value).is_some() {
                    self.h.warn_disposed("signal", "write");
                }
            }

            #[doc = "Mutates the value in place and notifies subscribers.\n\n"]
            #[doc = concat!("```\nuse larkspur_reactive::*;\n", $make, "\nw.update(|v| *v += 1);\nassert_eq!(r.get(), 6);\n```")]
            #[cfg_attr(debug_assertions, track_caller)]
            pub(crate) fn update(&self, f: impl FnOnce(&mut T)) {
                if self.try_update(f).is_none() {
                    self.h.warn_disposed("signal", "update");
                }
            }

            #[doc = "Replaces the value and notifies; if the signal was disposed, gives the value back.\n\n"]
            #[doc = concat!("```\nuse larkspur_reactive::*;\n", $make, "\nassert_eq!(w.try_set(6), None);\nw.dispose();\nassert_eq!(w.try_set(7), Some(7));\n```")]
            #[cfg_attr(debug_assertions, track_caller)]
            pub(crate) fn try_set(&self, value: T) -> Option<T> {
                match $crate::access::signal_value(self.h.id, false) {
                    Some(v) => {
                        // Drop the old value after notifying is not needed:
                        // replace returns it and it drops here, outside any borrow.
                        let old = $crate::access::open_signal_mut::<T, T>(&self.h, "signal", &v, |slot| {
                            std::mem::replace(slot, value)
                        });
                        drop(v);
                        $crate::access::written(self.h.id);
                        drop(old);
                        None
                    }
                    None => Some(value),
                }
            }

            #[doc = "Mutates the value, notifies and returns `f`'s result, or `None` if disposed.\n\n"]
            #[doc = concat!("```\nuse larkspur_reactive::*;\n", $make, "\nassert_eq!(w.try_update(|v| { *v += 1; *v }), Some(6));\n```")]
            #[cfg_attr(debug_assertions, track_caller)]
            pub(crate) fn try_update<O>(&self, f: impl FnOnce(&mut T) -> O) -> Option<O> {
                let v = $crate::access::signal_value(self.h.id, false)?;
                let out = $crate::access::open_signal_mut::<T, O>(&self.h, "signal", &v, f);
                drop(v);
                $crate::access::written(self.h.id);
                Some(out)
            }

            #[doc = "Replaces the value **without** notifying anyone.\n\n"]
            #[doc = concat!("```\nuse larkspur_reactive::*;\n", $make, "\nw.set_untracked(6);\nassert_eq!(r.get_untracked(), 6);\n```")]
            #[cfg_attr(debug_assertions, track_caller)]
            pub(crate) fn set_untracked(&self, value: T) {
                match $crate::access::signal_value(self.h.id, false) {
                    Some(v) => {
                        let old = $crate::access::open_signal_mut::<T, T>(&self.h, "signal", &v, |slot| {
                            std::mem::replace(slot, value)
                        });
                        drop(v);
                        drop(old);
                    }
                    None => self.h.warn_disposed("signal", "write"),
                }
            }

            #[doc = "Mutates the value in place **without** notifying anyone.\n\n"]
            #[doc = concat!("```\nuse larkspur_reactive::*;\n", $make, "\nw.update_untracked(|v| *v = 9);\nassert_eq!(r.get_untracked(), 9);\n```")]
            #[cfg_attr(debug_assertions, track_caller)]
            pub(crate) fn update_untracked(&self, f: impl FnOnce(&mut T)) {
                match $crate::access::signal_value(self.h.id, false) {
                    Some(v) => $crate::access::open_signal_mut::<T, ()>(&self.h, "signal", &v, f),
                    None => self.h.warn_disposed("signal", "update"),
                }
            }

            #[doc = "Notifies subscribers as if the value had been written, without touching it.\n\n"]
            #[doc = concat!("```\nuse larkspur_reactive::*;\n", $make, "\nw.notify();\n```")]
            pub fn notify(&self) {
                $crate::access::written(self.h.id);
            }
        }
    };
}

pub(crate) use impl_reader;
pub(crate) use impl_writer;
