//! Stored values: non-reactive `Copy` handles to arena-owned data.

use crate::access::{open_signal, open_signal_mut};
use crate::handle::Handle;
use crate::runtime::{with_runtime, Kind};
use crate::signal::copy_handle;
use std::marker::PhantomData;
use std::rc::Rc;

/// A value owned by the reactive owner tree, reachable through a `Copy`
/// handle, but not reactive: reading does not track and writing does not
/// notify.
///
/// ```
/// use larkspur_reactive::*;
/// let cache = store_value(Vec::<u32>::new());
/// cache.update_value(|v| v.push(1));
/// assert_eq!(cache.get_value(), vec![1]);
/// ```
pub struct StoredValue<T: 'static> {
    pub(crate) h: Handle,
    pub(crate) ty: PhantomData<fn() -> T>,
}

copy_handle!(StoredValue);

/// A new stored `T::default()`, owned by the current owner.
impl<T: Default + 'static> Default for StoredValue<T> {
    #[cfg_attr(debug_assertions, track_caller)]
    fn default() -> Self {
        store_value(T::default())
    }
}

/// Stores `value` under the current owner and returns a `Copy` handle to it.
///
/// ```
/// use larkspur_reactive::*;
/// let s = store_value(String::from("hi"));
/// assert_eq!(s.with_value(|v| v.len()), 2);
/// ```
#[cfg_attr(debug_assertions, track_caller)]
pub fn store_value<T: 'static>(value: T) -> StoredValue<T> {
    #[cfg(debug_assertions)]
    let site = std::panic::Location::caller();
    let id = with_runtime(|rt| {
        rt.create_node(
            Kind::Stored,
            Some(Rc::new(crate::value_cell::ValueCell::new(value))),
            rt.owner.get(),
            #[cfg(debug_assertions)]
            site,
        )
    });
    StoredValue {
        h: Handle::at(
            id,
            #[cfg(debug_assertions)]
            site,
        ),
        ty: PhantomData,
    }
}

impl<T: 'static> StoredValue<T> {
    /// The same as [`store_value`].
    ///
    /// ```
    /// use larkspur_reactive::*;
    /// let s = StoredValue::new(vec![1]);
    /// assert_eq!(s.get_value(), vec![1]);
    /// ```
    #[cfg_attr(debug_assertions, track_caller)]
    pub fn new(value: T) -> Self {
        store_value(value)
    }

    /// Applies `f` to the value, or `None` if it was disposed.
    ///
    /// ```
    /// use larkspur_reactive::*;
    /// let s = store_value(3);
    /// assert_eq!(s.try_with_value(|v| *v), Some(3));
    /// ```
    #[cfg_attr(debug_assertions, track_caller)]
    pub fn try_with_value<R>(&self, f: impl FnOnce(&T) -> R) -> Option<R> {
        let v = with_runtime(|rt| rt.value(self.h.id))?;
        Some(open_signal::<T, R>(&self.h, "stored value", &v, f))
    }

    /// Applies `f` to the value. Panics if it was disposed.
    ///
    /// ```
    /// use larkspur_reactive::*;
    /// let s = store_value(3);
    /// assert_eq!(s.with_value(|v| v + 1), 4);
    /// ```
    #[cfg_attr(debug_assertions, track_caller)]
    pub fn with_value<R>(&self, f: impl FnOnce(&T) -> R) -> R {
        self.with_value_as("stored value", f)
    }

    /// [`StoredValue::with_value`] for a handle that holds something else's
    /// state (a derived signal's closure, a callback's function): `what`
    /// names it in the disposed-read panic.
    #[cfg_attr(debug_assertions, track_caller)]
    pub(crate) fn with_value_as<R>(&self, what: &'static str, f: impl FnOnce(&T) -> R) -> R {
        match with_runtime(|rt| rt.value(self.h.id)) {
            Some(v) => open_signal::<T, R>(&self.h, what, &v, f),
            None => self.h.disposed(what, "read"),
        }
    }

    /// Clones the value. Panics if it was disposed.
    ///
    /// ```
    /// use larkspur_reactive::*;
    /// assert_eq!(store_value(3).get_value(), 3);
    /// ```
    #[cfg_attr(debug_assertions, track_caller)]
    pub fn get_value(&self) -> T
    where
        T: Clone,
    {
        self.with_value(T::clone)
    }

    /// Clones the value, or `None` if it was disposed.
    ///
    /// ```
    /// use larkspur_reactive::*;
    /// assert_eq!(store_value(3).try_get_value(), Some(3));
    /// ```
    pub fn try_get_value(&self) -> Option<T>
    where
        T: Clone,
    {
        self.try_with_value(T::clone)
    }

    /// Mutates the value, returning `f`'s result, or `None` if disposed.
    ///
    /// ```
    /// use larkspur_reactive::*;
    /// let s = store_value(3);
    /// assert_eq!(s.try_update_value(|v| { *v += 1; *v }), Some(4));
    /// ```
    #[cfg_attr(debug_assertions, track_caller)]
    pub fn try_update_value<O>(&self, f: impl FnOnce(&mut T) -> O) -> Option<O> {
        let v = with_runtime(|rt| rt.value(self.h.id))?;
        Some(open_signal_mut::<T, O>(&self.h, "stored value", &v, f))
    }

    /// Mutates the value; ignored (with a debug warning) if disposed.
    ///
    /// ```
    /// use larkspur_reactive::*;
    /// let s = store_value(3);
    /// s.update_value(|v| *v += 1);
    /// assert_eq!(s.get_value(), 4);
    /// ```
    #[cfg_attr(debug_assertions, track_caller)]
    pub fn update_value(&self, f: impl FnOnce(&mut T)) {
        if self.try_update_value(f).is_none() {
            self.h.warn_disposed("stored value", "update");
        }
    }

    /// Replaces the value, or gives it back if disposed.
    ///
    /// ```
    /// use larkspur_reactive::*;
    /// let s = store_value(3);
    /// assert_eq!(s.try_set_value(4), None);
    /// ```
    #[cfg_attr(debug_assertions, track_caller)]
    pub fn try_set_value(&self, value: T) -> Option<T> {
        match with_runtime(|rt| rt.value(self.h.id)) {
            Some(v) => {
                let old = open_signal_mut::<T, T>(&self.h, "stored value", &v, |slot| {
                    std::mem::replace(slot, value)
                });
                drop(old);
                None
            }
            None => Some(value),
        }
    }

    /// Replaces the value; ignored (with a debug warning) if disposed.
    ///
    /// ```
    /// use larkspur_reactive::*;
    /// let s = store_value(3);
    /// s.set_value(5);
    /// assert_eq!(s.get_value(), 5);
    /// ```
    #[cfg_attr(debug_assertions, track_caller)]
    pub fn set_value(&self, value: T) {
        if self.try_set_value(value).is_some() {
            self.h.warn_disposed("stored value", "write");
        }
    }

    /// Disposes the stored value.
    ///
    /// ```
    /// use larkspur_reactive::*;
    /// let s = store_value(3);
    /// s.dispose();
    /// assert_eq!(s.try_get_value(), None);
    /// ```
    pub fn dispose(&self) {
        self.h.dispose();
    }
}
