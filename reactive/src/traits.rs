//! Traits over the reader and writer methods, for code generic over signal kinds.
//!
//! As in Leptos 0.6, the signals' accessors are these traits' methods
//! (the inherent ones they forward to are crate-private), so an explicit
//! `use larkspur::{SignalGet, SignalSet};` is a used import, and a
//! function can accept "anything readable".

use crate::memo::Memo;
use crate::signal::{ReadSignal, RwSignal, WriteSignal};
use crate::stored::StoredValue;
use crate::wrappers::{MaybeProp, MaybeSignal, Signal};

/// Types whose value can be cloned out, tracked.
///
/// ```
/// use larkspur_reactive::*;
/// fn double(s: impl SignalGet<Value = i32>) -> i32 { s.get() * 2 }
/// let (a, _) = create_signal(2);
/// assert_eq!(double(a), 4);
/// assert_eq!(double(create_memo(move |_| a() + 1)), 6);
/// ```
pub trait SignalGet {
    /// The type of the value.
    type Value;

    /// Clones the value and tracks it; panics if disposed.
    ///
    /// ```
    /// use larkspur_reactive::*;
    /// assert_eq!(SignalGet::get(&create_rw_signal(1)), 1);
    /// ```
    fn get(&self) -> Self::Value;
    /// Clones the value and tracks it, or `None` if disposed.
    ///
    /// ```
    /// use larkspur_reactive::*;
    /// assert_eq!(SignalGet::try_get(&create_rw_signal(1)), Some(1));
    /// ```
    #[cfg_attr(debug_assertions, track_caller)]
    fn try_get(&self) -> Option<Self::Value>;
}

/// Types whose value can be borrowed, tracked.
///
/// ```
/// use larkspur_reactive::*;
/// fn len(s: impl SignalWith<Value = String>) -> usize { s.with(|v| v.len()) }
/// assert_eq!(len(create_rw_signal(String::from("abc"))), 3);
/// ```
pub trait SignalWith {
    /// The type of the value.
    type Value;

    /// Applies `f` to the value and tracks it; panics if disposed.
    ///
    /// ```
    /// use larkspur_reactive::*;
    /// assert_eq!(SignalWith::with(&create_rw_signal(1), |v| *v), 1);
    /// ```
    fn with<R>(&self, f: impl FnOnce(&Self::Value) -> R) -> R;
    /// Applies `f` to the value and tracks it, or `None` if disposed.
    ///
    /// ```
    /// use larkspur_reactive::*;
    /// assert_eq!(SignalWith::try_with(&create_rw_signal(1), |v| *v), Some(1));
    /// ```
    fn try_with<R>(&self, f: impl FnOnce(&Self::Value) -> R) -> Option<R>;
    /// Subscribes the running effect or memo to the value without reading
    /// it (nothing happens if disposed).
    ///
    /// ```
    /// use larkspur_reactive::*;
    /// let s = create_rw_signal(1);
    /// create_effect(move |_| SignalWith::track(&s));
    /// ```
    fn track(&self) {
        let _ = self.try_with(|_| ());
    }
}

/// Types that can be written with a new value.
///
/// ```
/// use larkspur_reactive::*;
/// fn reset(s: impl SignalSet<Value = i32>) { s.set(0) }
/// let (a, set_a) = create_signal(5);
/// reset(set_a);
/// assert_eq!(a(), 0);
/// ```
pub trait SignalSet {
    /// The type of the value.
    type Value;

    /// Replaces the value and notifies.
    ///
    /// ```
    /// use larkspur_reactive::*;
    /// let s = create_rw_signal(1);
    /// SignalSet::set(&s, 2);
    /// assert_eq!(s.get(), 2);
    /// ```
    fn set(&self, value: Self::Value);
    /// Replaces the value and notifies, or gives it back if disposed.
    ///
    /// ```
    /// use larkspur_reactive::*;
    /// assert_eq!(SignalSet::try_set(&create_rw_signal(1), 2), None);
    /// ```
    #[cfg_attr(debug_assertions, track_caller)]
    fn try_set(&self, value: Self::Value) -> Option<Self::Value>;
}

/// Types whose value can be mutated in place.
///
/// ```
/// use larkspur_reactive::*;
/// fn bump(s: impl SignalUpdate<Value = i32>) { s.update(|n| *n += 1) }
/// let s = create_rw_signal(1);
/// bump(s);
/// assert_eq!(s.get(), 2);
/// ```
pub trait SignalUpdate {
    /// The type of the value.
    type Value;

    /// Mutates the value and notifies.
    ///
    /// ```
    /// use larkspur_reactive::*;
    /// let s = create_rw_signal(1);
    /// SignalUpdate::update(&s, |v| *v = 3);
    /// assert_eq!(s.get(), 3);
    /// ```
    fn update(&self, f: impl FnOnce(&mut Self::Value));
    /// Mutates the value and notifies, or `None` if disposed.
    ///
    /// ```
    /// use larkspur_reactive::*;
    /// assert_eq!(SignalUpdate::try_update(&create_rw_signal(1), |v| *v), Some(1));
    /// ```
    #[cfg_attr(debug_assertions, track_caller)]
    fn try_update<O>(&self, f: impl FnOnce(&mut Self::Value) -> O) -> Option<O>;
}

macro_rules! readable {
    ($($ty:ident),*) => {$(
        impl<T: Clone + 'static> SignalGet for $ty<T> {
            type Value = T;

            #[cfg_attr(debug_assertions, track_caller)]
            fn get(&self) -> T {
                $ty::get(self)
            }
            #[cfg_attr(debug_assertions, track_caller)]
            fn try_get(&self) -> Option<T> {
                $ty::try_get(self)
            }
        }
        impl<T: 'static> SignalWith for $ty<T> {
            type Value = T;

            #[cfg_attr(debug_assertions, track_caller)]
            fn with<R>(&self, f: impl FnOnce(&T) -> R) -> R {
                $ty::with(self, f)
            }
            #[cfg_attr(debug_assertions, track_caller)]
            fn try_with<R>(&self, f: impl FnOnce(&T) -> R) -> Option<R> {
                $ty::try_with(self, f)
            }
            fn track(&self) {
                $ty::track(self)
            }
        }
    )*};
}

macro_rules! writable {
    ($($ty:ident),*) => {$(
        impl<T: 'static> SignalSet for $ty<T> {
            type Value = T;

            #[cfg_attr(debug_assertions, track_caller)]
            fn set(&self, value: T) {
                $ty::set(self, value)
            }
            #[cfg_attr(debug_assertions, track_caller)]
            fn try_set(&self, value: T) -> Option<T> {
                $ty::try_set(self, value)
            }
        }
        impl<T: 'static> SignalUpdate for $ty<T> {
            type Value = T;

            #[cfg_attr(debug_assertions, track_caller)]
            fn update(&self, f: impl FnOnce(&mut T)) {
                $ty::update(self, f)
            }
            #[cfg_attr(debug_assertions, track_caller)]
            fn try_update<O>(&self, f: impl FnOnce(&mut T) -> O) -> Option<O> {
                $ty::try_update(self, f)
            }
        }
    )*};
}

readable!(ReadSignal, RwSignal, Memo, Signal, MaybeSignal);
writable!(WriteSignal, RwSignal);

/// Types whose value can be cloned out without tracking (Leptos 0.6's
/// trait name).
///
/// ```
/// use larkspur_reactive::*;
/// fn peek(s: impl SignalGetUntracked<Value = i32>) -> i32 { s.get_untracked() }
/// assert_eq!(peek(create_rw_signal(4)), 4);
/// ```
pub trait SignalGetUntracked {
    /// The type of the value.
    type Value;

    /// Clones the value without tracking; panics if disposed.
    ///
    /// ```
    /// use larkspur_reactive::*;
    /// assert_eq!(SignalGetUntracked::get_untracked(&create_rw_signal(1)), 1);
    /// ```
    fn get_untracked(&self) -> Self::Value;
    /// Clones the value without tracking, or `None` if disposed.
    ///
    /// ```
    /// use larkspur_reactive::*;
    /// assert_eq!(SignalGetUntracked::try_get_untracked(&create_rw_signal(1)), Some(1));
    /// ```
    #[cfg_attr(debug_assertions, track_caller)]
    fn try_get_untracked(&self) -> Option<Self::Value>;
}

/// Types whose value can be borrowed without tracking.
///
/// ```
/// use larkspur_reactive::*;
/// fn len(s: impl SignalWithUntracked<Value = String>) -> usize { s.with_untracked(|v| v.len()) }
/// assert_eq!(len(create_rw_signal(String::from("ab"))), 2);
/// ```
pub trait SignalWithUntracked {
    /// The type of the value.
    type Value;

    /// Applies `f` to the value without tracking; panics if disposed.
    ///
    /// ```
    /// use larkspur_reactive::*;
    /// assert_eq!(SignalWithUntracked::with_untracked(&create_rw_signal(1), |v| *v), 1);
    /// ```
    fn with_untracked<R>(&self, f: impl FnOnce(&Self::Value) -> R) -> R;
    /// Applies `f` without tracking, or `None` if disposed.
    ///
    /// ```
    /// use larkspur_reactive::*;
    /// let s = create_rw_signal(1);
    /// assert_eq!(SignalWithUntracked::try_with_untracked(&s, |v| *v), Some(1));
    /// ```
    #[cfg_attr(debug_assertions, track_caller)]
    fn try_with_untracked<R>(&self, f: impl FnOnce(&Self::Value) -> R) -> Option<R>;
}

/// Types that can be written without notifying subscribers.
///
/// ```
/// use larkspur_reactive::*;
/// fn quietly_reset(s: impl SignalSetUntracked<i32>) { s.set_untracked(0) }
/// let s = create_rw_signal(3);
/// quietly_reset(s);
/// assert_eq!(s.get_untracked(), 0);
/// ```
///
/// Generic over the value type, without an associated `Value` (unlike
/// [`SignalSet`]), as in Leptos 0.6, so an app's own types implement it the
/// way they did there.
pub trait SignalSetUntracked<T> {
    /// Replaces the value without notifying.
    ///
    /// ```
    /// use larkspur_reactive::*;
    /// let s = create_rw_signal(1);
    /// SignalSetUntracked::set_untracked(&s, 2);
    /// assert_eq!(s.get_untracked(), 2);
    /// ```
    fn set_untracked(&self, value: T);
    /// Replaces the value without notifying, or gives it back if disposed.
    ///
    /// ```
    /// use larkspur_reactive::*;
    /// assert_eq!(SignalSetUntracked::try_set_untracked(&create_rw_signal(1), 2), None);
    /// ```
    #[cfg_attr(debug_assertions, track_caller)]
    fn try_set_untracked(&self, value: T) -> Option<T>;
}

/// Types whose value can be mutated without notifying subscribers.
///
/// ```
/// use larkspur_reactive::*;
/// fn quietly_bump(s: impl SignalUpdateUntracked<i32>) { s.update_untracked(|n| *n += 1) }
/// let s = create_rw_signal(1);
/// quietly_bump(s);
/// assert_eq!(s.get_untracked(), 2);
/// ```
///
/// Generic over the value type, as [`SignalSetUntracked`] (Leptos 0.6).
pub trait SignalUpdateUntracked<T> {
    /// Mutates the value without notifying.
    ///
    /// ```
    /// use larkspur_reactive::*;
    /// let s = create_rw_signal(1);
    /// SignalUpdateUntracked::update_untracked(&s, |v| *v = 5);
    /// assert_eq!(s.get_untracked(), 5);
    /// ```
    fn update_untracked(&self, f: impl FnOnce(&mut T));
    /// Mutates the value without notifying, or `None` if disposed.
    ///
    /// ```
    /// use larkspur_reactive::*;
    /// let s = create_rw_signal(1);
    /// assert_eq!(SignalUpdateUntracked::try_update_untracked(&s, |v| *v), Some(1));
    /// ```
    #[cfg_attr(debug_assertions, track_caller)]
    fn try_update_untracked<O>(&self, f: impl FnOnce(&mut T) -> O) -> Option<O>;
}

/// Handles that can be disposed by hand.
///
/// ```
/// use larkspur_reactive::*;
/// fn drop_it(s: impl SignalDispose) { s.dispose() }
/// let s = create_rw_signal(1);
/// drop_it(s);
/// assert_eq!(s.try_get(), None);
/// ```
pub trait SignalDispose {
    /// Disposes the value and what it owns; later `try_` reads give `None`.
    ///
    /// ```
    /// use larkspur_reactive::*;
    /// let m = create_memo(|_| 1);
    /// SignalDispose::dispose(m);
    /// assert_eq!(m.try_get(), None);
    /// ```
    fn dispose(self);
}

macro_rules! readable_untracked {
    ($($ty:ident),*) => {$(
        impl<T: Clone + 'static> SignalGetUntracked for $ty<T> {
            type Value = T;

            #[cfg_attr(debug_assertions, track_caller)]
            fn get_untracked(&self) -> T {
                $ty::get_untracked(self)
            }
            #[cfg_attr(debug_assertions, track_caller)]
            fn try_get_untracked(&self) -> Option<T> {
                $ty::try_get_untracked(self)
            }
        }
        impl<T: 'static> SignalWithUntracked for $ty<T> {
            type Value = T;

            #[cfg_attr(debug_assertions, track_caller)]
            fn with_untracked<R>(&self, f: impl FnOnce(&T) -> R) -> R {
                $ty::with_untracked(self, f)
            }
            #[cfg_attr(debug_assertions, track_caller)]
            fn try_with_untracked<R>(&self, f: impl FnOnce(&T) -> R) -> Option<R> {
                $ty::try_with_untracked(self, f)
            }
        }
    )*};
}

macro_rules! writable_untracked {
    ($($ty:ident),*) => {$(
        impl<T: 'static> SignalSetUntracked<T> for $ty<T> {
            #[cfg_attr(debug_assertions, track_caller)]
            fn set_untracked(&self, value: T) {
                $ty::set_untracked(self, value)
            }
            #[cfg_attr(debug_assertions, track_caller)]
            fn try_set_untracked(&self, value: T) -> Option<T> {
                match crate::access::signal_value(self.h.id, false) {
                    Some(v) => {
                        let old = crate::access::open_signal_mut::<T, T>(&self.h, "signal", &v, |slot| {
                            std::mem::replace(slot, value)
                        });
                        drop(v);
                        drop(old);
                        None
                    }
                    None => Some(value),
                }
            }
        }
        impl<T: 'static> SignalUpdateUntracked<T> for $ty<T> {
            #[cfg_attr(debug_assertions, track_caller)]
            fn update_untracked(&self, f: impl FnOnce(&mut T)) {
                $ty::update_untracked(self, f)
            }
            #[cfg_attr(debug_assertions, track_caller)]
            fn try_update_untracked<O>(&self, f: impl FnOnce(&mut T) -> O) -> Option<O> {
                let v = crate::access::signal_value(self.h.id, false)?;
                Some(crate::access::open_signal_mut::<T, O>(&self.h, "signal", &v, f))
            }
        }
    )*};
}

macro_rules! disposable {
    ($($ty:ident),*) => {$(
        impl<T: 'static> SignalDispose for $ty<T> {
            fn dispose(self) {
                $ty::dispose(&self)
            }
        }
    )*};
}

readable_untracked!(ReadSignal, RwSignal, Memo, Signal);
writable_untracked!(WriteSignal, RwSignal);
disposable!(ReadSignal, WriteSignal, RwSignal, Memo, Signal, StoredValue);

impl<T: 'static> SignalDispose for crate::effect::Effect<T> {
    fn dispose(self) {
        crate::effect::Effect::dispose(&self)
    }
}

impl<T: Clone + 'static> SignalGetUntracked for MaybeSignal<T> {
    type Value = T;

    #[cfg_attr(debug_assertions, track_caller)]
    fn get_untracked(&self) -> T {
        MaybeSignal::get_untracked(self)
    }
    #[cfg_attr(debug_assertions, track_caller)]
    fn try_get_untracked(&self) -> Option<T> {
        MaybeSignal::try_get_untracked(self)
    }
}

impl<T: 'static> SignalWithUntracked for MaybeSignal<T> {
    type Value = T;

    #[cfg_attr(debug_assertions, track_caller)]
    fn with_untracked<R>(&self, f: impl FnOnce(&T) -> R) -> R {
        MaybeSignal::with_untracked(self, f)
    }
    #[cfg_attr(debug_assertions, track_caller)]
    fn try_with_untracked<R>(&self, f: impl FnOnce(&T) -> R) -> Option<R> {
        match self {
            MaybeSignal::Static(v) => Some(f(v)),
            MaybeSignal::Dynamic(s) => s.try_with_untracked(f),
        }
    }
}

impl SignalDispose for crate::trigger::Trigger {
    fn dispose(self) {
        crate::trigger::Trigger::dispose(&self)
    }
}

impl<T: 'static> SignalDispose for crate::selector::Selector<T>
where
    T: std::hash::Hash + Eq + Clone,
{
    fn dispose(self) {
        crate::selector::Selector::dispose(&self)
    }
}

impl<T: Clone + 'static> SignalGet for MaybeProp<T> {
    type Value = Option<T>;

    #[cfg_attr(debug_assertions, track_caller)]
    fn get(&self) -> Option<T> {
        MaybeProp::get(self)
    }
    #[cfg_attr(debug_assertions, track_caller)]
    fn try_get(&self) -> Option<Option<T>> {
        MaybeProp::try_get(self)
    }
}

impl<T: Clone + 'static> SignalGetUntracked for MaybeProp<T> {
    type Value = Option<T>;

    #[cfg_attr(debug_assertions, track_caller)]
    fn get_untracked(&self) -> Option<T> {
        MaybeProp::get_untracked(self)
    }
    #[cfg_attr(debug_assertions, track_caller)]
    fn try_get_untracked(&self) -> Option<Option<T>> {
        MaybeProp::try_get_untracked(self)
    }
}
