//! Traits over the reader and writer methods, for code generic over signal kinds.
//!
//! The inherent methods stay the primary path (no import needed); these
//! traits exist so a function can accept "anything readable".

use crate::memo::Memo;
use crate::signal::{ReadSignal, RwSignal, WriteSignal};
use crate::wrappers::{MaybeSignal, Signal};

/// Types whose value can be cloned out, tracked.
///
/// ```
/// use larkspur_reactive::*;
/// fn double(s: impl SignalGet<i32>) -> i32 { s.get() * 2 }
/// let (a, _) = create_signal(2);
/// assert_eq!(double(a), 4);
/// assert_eq!(double(create_memo(move |_| a() + 1)), 6);
/// ```
pub trait SignalGet<T> {
    /// Clones the value and tracks it; panics if disposed.
    ///
    /// ```
    /// use larkspur_reactive::*;
    /// assert_eq!(SignalGet::get(&create_rw_signal(1)), 1);
    /// ```
    fn get(&self) -> T;
    /// Clones the value and tracks it, or `None` if disposed.
    ///
    /// ```
    /// use larkspur_reactive::*;
    /// assert_eq!(SignalGet::try_get(&create_rw_signal(1)), Some(1));
    /// ```
    fn try_get(&self) -> Option<T>;
}

/// Types whose value can be borrowed, tracked.
///
/// ```
/// use larkspur_reactive::*;
/// fn len(s: impl SignalWith<String>) -> usize { s.with(|v| v.len()) }
/// assert_eq!(len(create_rw_signal(String::from("abc"))), 3);
/// ```
pub trait SignalWith<T> {
    /// Applies `f` to the value and tracks it; panics if disposed.
    ///
    /// ```
    /// use larkspur_reactive::*;
    /// assert_eq!(SignalWith::with(&create_rw_signal(1), |v| *v), 1);
    /// ```
    fn with<R>(&self, f: impl FnOnce(&T) -> R) -> R;
    /// Applies `f` to the value and tracks it, or `None` if disposed.
    ///
    /// ```
    /// use larkspur_reactive::*;
    /// assert_eq!(SignalWith::try_with(&create_rw_signal(1), |v| *v), Some(1));
    /// ```
    fn try_with<R>(&self, f: impl FnOnce(&T) -> R) -> Option<R>;
}

/// Types that can be written with a new value.
///
/// ```
/// use larkspur_reactive::*;
/// fn reset(s: impl SignalSet<i32>) { s.set(0) }
/// let (a, set_a) = create_signal(5);
/// reset(set_a);
/// assert_eq!(a(), 0);
/// ```
pub trait SignalSet<T> {
    /// Replaces the value and notifies.
    ///
    /// ```
    /// use larkspur_reactive::*;
    /// let s = create_rw_signal(1);
    /// SignalSet::set(&s, 2);
    /// assert_eq!(s.get(), 2);
    /// ```
    fn set(&self, value: T);
    /// Replaces the value and notifies, or gives it back if disposed.
    ///
    /// ```
    /// use larkspur_reactive::*;
    /// assert_eq!(SignalSet::try_set(&create_rw_signal(1), 2), None);
    /// ```
    fn try_set(&self, value: T) -> Option<T>;
}

/// Types whose value can be mutated in place.
///
/// ```
/// use larkspur_reactive::*;
/// fn bump(s: impl SignalUpdate<i32>) { s.update(|n| *n += 1) }
/// let s = create_rw_signal(1);
/// bump(s);
/// assert_eq!(s.get(), 2);
/// ```
pub trait SignalUpdate<T> {
    /// Mutates the value and notifies.
    ///
    /// ```
    /// use larkspur_reactive::*;
    /// let s = create_rw_signal(1);
    /// SignalUpdate::update(&s, |v| *v = 3);
    /// assert_eq!(s.get(), 3);
    /// ```
    fn update(&self, f: impl FnOnce(&mut T));
    /// Mutates the value and notifies, or `None` if disposed.
    ///
    /// ```
    /// use larkspur_reactive::*;
    /// assert_eq!(SignalUpdate::try_update(&create_rw_signal(1), |v| *v), Some(1));
    /// ```
    fn try_update<O>(&self, f: impl FnOnce(&mut T) -> O) -> Option<O>;
}

macro_rules! readable {
    ($($ty:ident),*) => {$(
        impl<T: Clone + 'static> SignalGet<T> for $ty<T> {
            #[cfg_attr(debug_assertions, track_caller)]
            fn get(&self) -> T {
                $ty::get(self)
            }
            fn try_get(&self) -> Option<T> {
                $ty::try_get(self)
            }
        }
        impl<T: 'static> SignalWith<T> for $ty<T> {
            #[cfg_attr(debug_assertions, track_caller)]
            fn with<R>(&self, f: impl FnOnce(&T) -> R) -> R {
                $ty::with(self, f)
            }
            fn try_with<R>(&self, f: impl FnOnce(&T) -> R) -> Option<R> {
                $ty::try_with(self, f)
            }
        }
    )*};
}

macro_rules! writable {
    ($($ty:ident),*) => {$(
        impl<T: 'static> SignalSet<T> for $ty<T> {
            #[cfg_attr(debug_assertions, track_caller)]
            fn set(&self, value: T) {
                $ty::set(self, value)
            }
            fn try_set(&self, value: T) -> Option<T> {
                $ty::try_set(self, value)
            }
        }
        impl<T: 'static> SignalUpdate<T> for $ty<T> {
            #[cfg_attr(debug_assertions, track_caller)]
            fn update(&self, f: impl FnOnce(&mut T)) {
                $ty::update(self, f)
            }
            fn try_update<O>(&self, f: impl FnOnce(&mut T) -> O) -> Option<O> {
                $ty::try_update(self, f)
            }
        }
    )*};
}

readable!(ReadSignal, RwSignal, Memo, Signal, MaybeSignal);
writable!(WriteSignal, RwSignal);
