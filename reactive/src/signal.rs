//! Signals: `ReadSignal`, `WriteSignal`, `RwSignal` and their constructors.

use crate::access::{impl_reader, impl_writer};
use crate::handle::Handle;
use crate::runtime::{with_runtime, Kind};
use std::marker::PhantomData;
use std::rc::Rc;

/// The read half of a signal: a `Copy` handle (index + generation).
///
/// ```
/// use larkspur_reactive::*;
/// let (count, set_count) = create_signal(0);
/// set_count.set(3);
/// assert_eq!(count.get(), 3);
/// assert_eq!(count(), 3); // call syntax
/// ```
pub struct ReadSignal<T: 'static> {
    pub(crate) h: Handle,
    pub(crate) ty: PhantomData<fn() -> T>,
}

/// The write half of a signal: a `Copy` handle.
///
/// ```
/// use larkspur_reactive::*;
/// let (count, set_count) = create_signal(0);
/// set_count(3); // call syntax, same as set_count.set(3)
/// assert_eq!(count.get(), 3);
/// ```
pub struct WriteSignal<T: 'static> {
    pub(crate) h: Handle,
    pub(crate) ty: PhantomData<fn() -> T>,
}

/// A signal that can be both read and written through one `Copy` handle.
///
/// ```
/// use larkspur_reactive::*;
/// let count = create_rw_signal(1);
/// count.update(|n| *n += 1);
/// assert_eq!(count.get(), 2);
/// ```
pub struct RwSignal<T: 'static> {
    pub(crate) h: Handle,
    pub(crate) ty: PhantomData<fn() -> T>,
}

macro_rules! copy_handle {
    ($($ty:ident),*) => {$(
        impl<T> Clone for $ty<T> {
            fn clone(&self) -> Self {
                *self
            }
        }
        impl<T> Copy for $ty<T> {}
        impl<T> PartialEq for $ty<T> {
            fn eq(&self, other: &Self) -> bool {
                self.h.id == other.h.id
            }
        }
        impl<T> Eq for $ty<T> {}
        impl<T> std::hash::Hash for $ty<T> {
            fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
                self.h.id.hash(state);
            }
        }
        impl<T> std::fmt::Debug for $ty<T> {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                write!(f, "{}({}v{})", stringify!($ty), self.h.id.index, self.h.id.generation)
            }
        }
    )*};
}
pub(crate) use copy_handle;

copy_handle!(ReadSignal, WriteSignal, RwSignal);

/// `value.into()`: a new signal holding `value`, owned by the current
/// owner (Leptos 0.6 has it, for props like `width: 1.0.into()`).
impl<T: 'static> From<T> for RwSignal<T> {
    #[cfg_attr(debug_assertions, track_caller)]
    fn from(value: T) -> Self {
        create_rw_signal(value)
    }
}

/// A new signal holding `T::default()`, owned by the current owner (as
/// Leptos 0.6 has it, so `#[derive(Default)]` works on a struct of
/// signals).
impl<T: Default + 'static> Default for RwSignal<T> {
    #[cfg_attr(debug_assertions, track_caller)]
    fn default() -> Self {
        create_rw_signal(T::default())
    }
}

/// Creates a signal owned by the current owner and returns its read and
/// write halves.
///
/// ```
/// use larkspur_reactive::*;
/// let (name, set_name) = create_signal("Alice");
/// set_name("Bob");
/// assert_eq!(name(), "Bob");
/// ```
#[cfg_attr(debug_assertions, track_caller)]
pub fn create_signal<T: 'static>(value: T) -> (ReadSignal<T>, WriteSignal<T>) {
    let s = create_rw_signal(value);
    (s.read_only(), s.write_only())
}

/// Creates a read-write signal owned by the current owner.
///
/// ```
/// use larkspur_reactive::*;
/// let s = create_rw_signal(String::from("a"));
/// s.update(|v| v.push('b'));
/// assert_eq!(s.get(), "ab");
/// ```
#[cfg_attr(debug_assertions, track_caller)]
pub fn create_rw_signal<T: 'static>(value: T) -> RwSignal<T> {
    #[cfg(debug_assertions)]
    let site = std::panic::Location::caller();
    let id = with_runtime(|rt| {
        rt.create_node(
            Kind::Signal,
            Some(Rc::new(crate::value_cell::ValueCell::new(value))),
            rt.owner.get(),
            #[cfg(debug_assertions)]
            site,
        )
    });
    RwSignal {
        h: Handle::at(
            id,
            #[cfg(debug_assertions)]
            site,
        ),
        ty: PhantomData,
    }
}

impl<T> RwSignal<T> {
    /// The same as [`create_rw_signal`].
    ///
    /// ```
    /// use larkspur_reactive::*;
    /// let count = RwSignal::new(1);
    /// count.set(2);
    /// assert_eq!(count.get(), 2);
    /// ```
    #[cfg_attr(debug_assertions, track_caller)]
    pub fn new(value: T) -> Self
    where
        T: 'static,
    {
        create_rw_signal(value)
    }

    /// The read half of this signal.
    ///
    /// ```
    /// use larkspur_reactive::*;
    /// let s = create_rw_signal(1);
    /// let r = s.read_only();
    /// s.set(2);
    /// assert_eq!(r.get(), 2);
    /// ```
    pub fn read_only(&self) -> ReadSignal<T> {
        ReadSignal {
            h: self.h,
            ty: PhantomData,
        }
    }

    /// The write half of this signal.
    ///
    /// ```
    /// use larkspur_reactive::*;
    /// let s = create_rw_signal(1);
    /// s.write_only().set(2);
    /// assert_eq!(s.get(), 2);
    /// ```
    pub fn write_only(&self) -> WriteSignal<T> {
        WriteSignal {
            h: self.h,
            ty: PhantomData,
        }
    }

    /// Both halves, like [`create_signal`] returns them.
    ///
    /// ```
    /// use larkspur_reactive::*;
    /// let (r, w) = create_rw_signal(1).split();
    /// w.set(5);
    /// assert_eq!(r.get(), 5);
    /// ```
    pub fn split(&self) -> (ReadSignal<T>, WriteSignal<T>) {
        (self.read_only(), self.write_only())
    }
}

impl<T: 'static> WriteSignal<T> {
    /// Disposes the signal (both halves). Later writes are ignored with a
    /// debug warning; `try_set` gives the value back.
    ///
    /// ```
    /// use larkspur_reactive::*;
    /// let (r, w) = create_signal(1);
    /// w.dispose();
    /// assert_eq!(r.try_get(), None);
    /// ```
    pub(crate) fn dispose(&self) {
        self.h.dispose();
    }
}

impl_reader!(
    ReadSignal,
    "signal",
    signal_value,
    open_signal,
    "let (s, _) = create_signal(5);"
);
impl_reader!(
    RwSignal,
    "signal",
    signal_value,
    open_signal,
    "let s = create_rw_signal(5);"
);
impl_writer!(WriteSignal, "let (r, w) = create_signal(5);");
impl_writer!(RwSignal, "let r = create_rw_signal(5); let w = r;");
