//! [`Source`]: a closure, or a signal or memo read on each call, where an
//! API takes a reactive source (`create_resource(count, ...)`,
//! `<Show when=is_odd>`).

use crate::memo::Memo;
use crate::signal::{ReadSignal, RwSignal};
use crate::trigger::Trigger;
use crate::wrappers::{MaybeSignal, Signal};

/// A reactive source of `T`: a closure, or a signal, memo or [`Signal`]
/// whose value each call reads (tracked).
///
/// Leptos 0.6 on nightly lets a signal stand where a function is expected,
/// as in `create_resource(count, ...)` or `<Show when=is_odd>`; Rust's call
/// traits cannot be implemented on stable, so the APIs that take a source
/// take this trait instead, and a closure passes through as it is.
///
/// ```
/// use larkspur_reactive::*;
/// fn doubled<S: Source<i32>>(source: S) -> impl Fn() -> i32 {
///     let read = source.into_reader();
///     move || read() * 2
/// }
/// let (count, set_count) = create_signal(2);
/// let a = doubled(count);
/// let b = doubled(move || count.get() + 1);
/// set_count.set(5);
/// assert_eq!((a(), b()), (10, 12));
/// ```
pub trait Source<T> {
    /// What reads the value.
    type Reader: Fn() -> T + 'static;
    /// Turns the source into its reader.
    fn into_reader(self) -> Self::Reader;
}

impl<T, F: Fn() -> T + 'static> Source<T> for F {
    type Reader = F;
    fn into_reader(self) -> F {
        self
    }
}

macro_rules! signal_sources {
    ($($ty:ident),*) => {$(
        impl<T: Clone + 'static> Source<T> for $ty<T> {
            type Reader = Box<dyn Fn() -> T>;
            fn into_reader(self) -> Self::Reader {
                Box::new(move || self.get())
            }
        }
    )*};
}

signal_sources!(ReadSignal, RwSignal, Memo, Signal);

impl<T: Clone + 'static> Source<T> for MaybeSignal<T> {
    type Reader = Box<dyn Fn() -> T>;
    fn into_reader(self) -> Self::Reader {
        Box::new(move || self.get())
    }
}

/// A trigger as a source of `()`: `watch(trigger, ...)` runs its callback
/// on each `notify`, as a Leptos 0.6 trigger (a closure on nightly) does
/// there. (A resource compares its source's values, as in 0.6, and `()`
/// never changes: fetch again with `Resource::refetch`.)
///
/// ```
/// use larkspur_reactive::*;
/// let refresh = create_trigger();
/// let runs = std::rc::Rc::new(std::cell::Cell::new(0));
/// let seen = runs.clone();
/// let stop = watch(refresh, move |_, _, _| seen.set(seen.get() + 1), false);
/// refresh.notify();
/// refresh.notify();
/// assert_eq!(runs.get(), 2);
/// stop();
/// ```
impl Source<()> for Trigger {
    type Reader = Box<dyn Fn()>;
    fn into_reader(self) -> Self::Reader {
        Box::new(move || self.track())
    }
}
