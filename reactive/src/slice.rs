//! [`create_slice`] and [`SignalSetter`]: a read/write view onto one field of a larger signal.

use crate::memo::create_memo;
use crate::signal::{RwSignal, WriteSignal};
use crate::stored::{store_value, StoredValue};
use crate::wrappers::Signal;

/// A `Copy` setter: a [`WriteSignal`], a mapped write into another signal
/// (what [`create_slice`] returns), or nothing at all (the default, which
/// ignores writes).
///
/// ```
/// use larkspur_reactive::*;
/// let (count, set_count) = create_signal(0);
/// let setter: SignalSetter<i32> = set_count.into();
/// setter.set(4);
/// assert_eq!(count(), 4);
/// ```
pub struct SignalSetter<T: 'static> {
    inner: SetterKind<T>,
}

enum SetterKind<T: 'static> {
    Nothing,
    Write(WriteSignal<T>),
    Mapped(StoredValue<Box<dyn Fn(T)>>),
}

impl<T> Clone for SetterKind<T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T> Copy for SetterKind<T> {}
impl<T> Clone for SignalSetter<T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T> Copy for SignalSetter<T> {}

/// Two setters are equal when they write the same signal, are copies of
/// one mapped setter, or both do nothing.
impl<T> PartialEq for SignalSetter<T> {
    fn eq(&self, other: &Self) -> bool {
        match (&self.inner, &other.inner) {
            (SetterKind::Nothing, SetterKind::Nothing) => true,
            (SetterKind::Write(a), SetterKind::Write(b)) => a == b,
            (SetterKind::Mapped(a), SetterKind::Mapped(b)) => a == b,
            _ => false,
        }
    }
}
impl<T> Eq for SignalSetter<T> {}

impl<T> Default for SignalSetter<T> {
    fn default() -> Self {
        SignalSetter {
            inner: SetterKind::Nothing,
        }
    }
}

impl<T> std::fmt::Debug for SignalSetter<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.inner {
            SetterKind::Nothing => write!(f, "SignalSetter::default()"),
            SetterKind::Write(w) => write!(f, "SignalSetter::from({w:?})"),
            SetterKind::Mapped(_) => write!(f, "SignalSetter::map(..)"),
        }
    }
}

impl<T: 'static> SignalSetter<T> {
    /// A setter that calls `f` with every value it is given (the closure is
    /// stored under the current owner).
    ///
    /// ```
    /// use larkspur_reactive::*;
    /// let (text, set_text) = create_signal(String::new());
    /// let set_number = SignalSetter::map(move |n: i32| set_text(n.to_string()));
    /// set_number.set(42);
    /// assert_eq!(text(), "42");
    /// ```
    #[cfg_attr(debug_assertions, track_caller)]
    pub fn map(f: impl Fn(T) + 'static) -> Self {
        let f: Box<dyn Fn(T)> = Box::new(f);
        SignalSetter {
            inner: SetterKind::Mapped(store_value(f)),
        }
    }

    /// Writes `value`. A setter whose owner was disposed ignores the write
    /// (with a debug warning, like a disposed signal).
    ///
    /// ```
    /// use larkspur_reactive::*;
    /// let s = create_rw_signal(1);
    /// SignalSetter::from(s).set(2);
    /// assert_eq!(s.get(), 2);
    /// ```
    #[cfg_attr(debug_assertions, track_caller)]
    pub fn set(&self, value: T) {
        match self.inner {
            SetterKind::Nothing => {}
            // Warns itself, naming the signal's creation and this write.
            SetterKind::Write(w) => w.set(value),
            SetterKind::Mapped(f) => {
                if self.try_set(value).is_some() {
                    f.h.warn_disposed("signal setter", "write");
                }
            }
        }
    }

    /// Writes `value`, or gives it back if the setter was disposed.
    ///
    /// ```
    /// use larkspur_reactive::*;
    /// let s = create_rw_signal(1);
    /// assert_eq!(SignalSetter::from(s).try_set(2), None);
    /// ```
    pub fn try_set(&self, value: T) -> Option<T> {
        match self.inner {
            SetterKind::Nothing => None,
            SetterKind::Write(w) => w.try_set(value),
            SetterKind::Mapped(f) => {
                // Checked first so that the value can be handed back: once
                // moved into the closure call it is gone.
                let alive = f.try_with_value(|_| ()).is_some();
                if alive {
                    f.with_value(|f| f(value));
                    None
                } else {
                    Some(value)
                }
            }
        }
    }
}

/// Turns a closure into a [`SignalSetter`] (Leptos 0.6's
/// `IntoSignalSetter`; the same as [`SignalSetter::map`]).
///
/// ```
/// use larkspur_reactive::*;
/// let (n, set_n) = create_signal(0);
/// let set_double = (move |v: i32| set_n.set(v * 2)).into_signal_setter();
/// set_double.set(4);
/// assert_eq!(n.get(), 8);
/// ```
pub trait IntoSignalSetter<T> {
    /// Performs the conversion.
    fn into_signal_setter(self) -> SignalSetter<T>;
}

impl<T: 'static, F: Fn(T) + 'static> IntoSignalSetter<T> for F {
    #[cfg_attr(debug_assertions, track_caller)]
    fn into_signal_setter(self) -> SignalSetter<T> {
        SignalSetter::map(self)
    }
}

/// The setters themselves (Leptos 0.6 on nightly makes them closures).
impl<T: 'static> IntoSignalSetter<T> for WriteSignal<T> {
    fn into_signal_setter(self) -> SignalSetter<T> {
        self.into()
    }
}

impl<T: 'static> IntoSignalSetter<T> for SignalSetter<T> {
    fn into_signal_setter(self) -> SignalSetter<T> {
        self
    }
}

impl<T> From<WriteSignal<T>> for SignalSetter<T> {
    fn from(w: WriteSignal<T>) -> Self {
        SignalSetter {
            inner: SetterKind::Write(w),
        }
    }
}

impl<T> From<RwSignal<T>> for SignalSetter<T> {
    fn from(s: RwSignal<T>) -> Self {
        SignalSetter {
            inner: SetterKind::Write(s.write_only()),
        }
    }
}

/// Splits a read/write pair off one part of `signal`: the getter is a memo
/// of `getter` (so readers of one field are not re-run when another field
/// changes), the setter applies `setter` to the whole value.
///
/// ```
/// use larkspur_reactive::*;
/// #[derive(Default)]
/// struct Form { name: String, age: u32 }
/// let form = create_rw_signal(Form::default());
/// let (age, set_age) = create_slice(form, |f| f.age, |f, age| f.age = age);
/// set_age.set(30);
/// assert_eq!(age.get(), 30);
/// assert_eq!(form.with(|f| f.age), 30);
/// ```
#[cfg_attr(debug_assertions, track_caller)]
pub fn create_slice<T, O, S>(
    signal: RwSignal<T>,
    getter: impl Fn(&T) -> O + 'static,
    setter: impl Fn(&mut T, S) + 'static,
) -> (Signal<O>, SignalSetter<S>)
where
    T: 'static,
    O: PartialEq + 'static,
    S: 'static,
{
    (
        create_read_slice(signal, getter),
        create_write_slice(signal, setter),
    )
}

/// The read half of [`create_slice`]: a memo of one part of `signal`, which
/// notifies its readers only when that part changes.
///
/// ```
/// use larkspur_reactive::*;
/// let point = create_rw_signal((1, 2));
/// let x = create_read_slice(point, |p| p.0);
/// point.update(|p| p.1 = 5); // `x` is unchanged: its readers do not re-run
/// assert_eq!(x.get(), 1);
/// ```
#[cfg_attr(debug_assertions, track_caller)]
pub fn create_read_slice<T, O>(signal: RwSignal<T>, getter: impl Fn(&T) -> O + 'static) -> Signal<O>
where
    T: 'static,
    O: PartialEq + 'static,
{
    create_memo(move |_| signal.with(&getter)).into()
}

/// The write half of [`create_slice`]: a setter that updates one part of
/// `signal` in place.
///
/// ```
/// use larkspur_reactive::*;
/// let point = create_rw_signal((1, 2));
/// let set_y = create_write_slice(point, |p, y| p.1 = y);
/// set_y.set(7);
/// assert_eq!(point.get(), (1, 7));
/// ```
pub fn create_write_slice<T, O>(
    signal: RwSignal<T>,
    setter: impl Fn(&mut T, O) + 'static,
) -> SignalSetter<O>
where
    T: 'static,
    O: 'static,
{
    SignalSetter::map(move |value| signal.update(|whole| setter(whole, value)))
}

impl<T: 'static> crate::traits::SignalSet for SignalSetter<T> {
    type Value = T;

    /// Writes `value` (see [`SignalSetter::set`]).
    #[cfg_attr(debug_assertions, track_caller)]
    fn set(&self, value: T) {
        SignalSetter::set(self, value)
    }

    /// Writes `value`, or gives it back if the setter was disposed.
    fn try_set(&self, value: T) -> Option<T> {
        SignalSetter::try_set(self, value)
    }
}
