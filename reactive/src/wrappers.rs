//! `Signal<T>` and `MaybeSignal<T>`: one type for "a signal, a memo, a derived closure or a plain value".

use crate::memo::Memo;
use crate::signal::{ReadSignal, RwSignal};
use crate::stored::{store_value, StoredValue};

/// Any readable reactive value behind one `Copy` type: a signal, a memo or
/// a derived closure (stored in the arena, owned by the current owner).
/// Components take `Signal<T>` props to accept all three.
///
/// ```
/// use larkspur_reactive::*;
/// let (a, set_a) = create_signal(1);
/// let doubled = Signal::derive(move || a() * 2);
/// let plain: Signal<i32> = a.into();
/// set_a(5);
/// assert_eq!(doubled(), 10);
/// assert_eq!(plain.get(), 5);
/// ```
pub struct Signal<T: 'static> {
    inner: SignalKind<T>,
}

enum SignalKind<T: 'static> {
    Read(ReadSignal<T>),
    Memo(Memo<T>),
    Derived(StoredValue<Box<dyn Fn() -> T>>),
}

impl<T> Clone for SignalKind<T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T> Copy for SignalKind<T> {}
impl<T> Clone for Signal<T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T> Copy for Signal<T> {}

/// Two signals are equal when they read the same signal or memo, or are
/// copies of one derived signal (Leptos 0.6 has these impls too, so
/// `#[derive(PartialEq, Eq)]` works on structs of signals).
impl<T> PartialEq for Signal<T> {
    fn eq(&self, other: &Self) -> bool {
        match (&self.inner, &other.inner) {
            (SignalKind::Read(a), SignalKind::Read(b)) => a == b,
            (SignalKind::Memo(a), SignalKind::Memo(b)) => a == b,
            (SignalKind::Derived(a), SignalKind::Derived(b)) => a == b,
            _ => false,
        }
    }
}
impl<T> Eq for Signal<T> {}

impl<T> std::fmt::Debug for Signal<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.inner {
            SignalKind::Read(s) => write!(f, "Signal::from({s:?})"),
            SignalKind::Memo(m) => write!(f, "Signal::from({m:?})"),
            SignalKind::Derived(_) => write!(f, "Signal::derive(..)"),
        }
    }
}

impl<T: 'static> Signal<T> {
    /// Wraps a closure that reads other signals. Calling the signal calls the
    /// closure (it is not memoized); tracking happens inside it. A signal
    /// works too (`Signal::derive(count)`), as it does where Leptos 0.6 on
    /// nightly makes signals closures.
    ///
    /// ```
    /// use larkspur_reactive::*;
    /// let (a, _) = create_signal(2);
    /// let b = Signal::derive(move || a() + 2);
    /// assert_eq!(b.get(), 4);
    /// ```
    #[cfg_attr(debug_assertions, track_caller)]
    pub fn derive(f: impl crate::Source<T> + 'static) -> Self {
        let f: Box<dyn Fn() -> T> = Box::new(f.into_reader());
        Signal {
            inner: SignalKind::Derived(store_value(f)),
        }
    }

    /// Applies `f` to the current value, tracked. Panics if disposed.
    ///
    /// ```
    /// use larkspur_reactive::*;
    /// let s: Signal<String> = create_rw_signal(String::from("ab")).into();
    /// assert_eq!(s.with(|v| v.len()), 2);
    /// ```
    #[cfg_attr(debug_assertions, track_caller)]
    pub(crate) fn with<R>(&self, f: impl FnOnce(&T) -> R) -> R {
        match self.inner {
            SignalKind::Read(s) => s.with(f),
            SignalKind::Memo(m) => m.with(f),
            SignalKind::Derived(d) => d.with_value_as("derived signal", |g| f(&g())),
        }
    }

    /// Applies `f` to the current value, tracked, or `None` if disposed.
    ///
    /// ```
    /// use larkspur_reactive::*;
    /// let s: Signal<i32> = create_rw_signal(3).into();
    /// assert_eq!(s.try_with(|v| *v), Some(3));
    /// ```
    pub(crate) fn try_with<R>(&self, f: impl FnOnce(&T) -> R) -> Option<R> {
        match self.inner {
            SignalKind::Read(s) => s.try_with(f),
            SignalKind::Memo(m) => m.try_with(f),
            SignalKind::Derived(d) => d.try_with_value(|g| f(&g())),
        }
    }

    /// Applies `f` to the current value without tracking.
    ///
    /// ```
    /// use larkspur_reactive::*;
    /// let s = Signal::derive(|| 3);
    /// assert_eq!(s.with_untracked(|v| *v), 3);
    /// ```
    #[cfg_attr(debug_assertions, track_caller)]
    pub(crate) fn with_untracked<R>(&self, f: impl FnOnce(&T) -> R) -> R {
        match self.inner {
            SignalKind::Read(s) => s.with_untracked(f),
            SignalKind::Memo(m) => m.with_untracked(f),
            SignalKind::Derived(d) => d.with_value_as("derived signal", |g| f(&crate::untrack(g))),
        }
    }

    /// Applies `f` without tracking, or `None` if disposed.
    ///
    /// ```
    /// use larkspur_reactive::*;
    /// let s = Signal::derive(|| 3);
    /// assert_eq!(s.try_with_untracked(|v| *v), Some(3));
    /// ```
    pub(crate) fn try_with_untracked<R>(&self, f: impl FnOnce(&T) -> R) -> Option<R> {
        match self.inner {
            SignalKind::Read(s) => s.try_with_untracked(f),
            SignalKind::Memo(m) => m.try_with_untracked(f),
            SignalKind::Derived(d) => d.try_with_value(|g| f(&crate::untrack(g))),
        }
    }

    /// Clones the current value, tracked.
    ///
    /// ```
    /// use larkspur_reactive::*;
    /// assert_eq!(Signal::derive(|| 3).get(), 3);
    /// ```
    #[cfg_attr(debug_assertions, track_caller)]
    pub(crate) fn get(&self) -> T
    where
        T: Clone,
    {
        match self.inner {
            SignalKind::Derived(d) => d.with_value_as("derived signal", |g| g()),
            _ => self.with(T::clone),
        }
    }

    /// Clones the current value, tracked, or `None` if disposed.
    ///
    /// ```
    /// use larkspur_reactive::*;
    /// assert_eq!(Signal::derive(|| 3).try_get(), Some(3));
    /// ```
    pub(crate) fn try_get(&self) -> Option<T>
    where
        T: Clone,
    {
        match self.inner {
            SignalKind::Derived(d) => d.try_with_value(|g| g()),
            _ => self.try_with(T::clone),
        }
    }

    /// Clones the current value without tracking.
    ///
    /// ```
    /// use larkspur_reactive::*;
    /// assert_eq!(Signal::derive(|| 3).get_untracked(), 3);
    /// ```
    #[cfg_attr(debug_assertions, track_caller)]
    pub(crate) fn get_untracked(&self) -> T
    where
        T: Clone,
    {
        self.with_untracked(T::clone)
    }

    /// Clones the current value without tracking, or `None` if disposed.
    ///
    /// ```
    /// use larkspur_reactive::*;
    /// assert_eq!(Signal::derive(|| 3).try_get_untracked(), Some(3));
    /// ```
    pub(crate) fn try_get_untracked(&self) -> Option<T>
    where
        T: Clone,
    {
        self.try_with_untracked(T::clone)
    }

    /// Subscribes the running memo or effect to this signal's sources.
    ///
    /// ```
    /// use larkspur_reactive::*;
    /// let s = Signal::derive(|| 3);
    /// create_render_effect(move |_| s.track());
    /// ```
    pub(crate) fn track(&self) {
        match self.inner {
            SignalKind::Read(s) => s.track(),
            SignalKind::Memo(m) => m.track(),
            SignalKind::Derived(d) => {
                let _ = d.try_with_value(|g| {
                    g();
                });
            }
        }
    }

    /// Disposes what this signal wraps (the signal, the memo or the stored
    /// closure). Later `try_` reads return `None`.
    ///
    /// ```
    /// use larkspur_reactive::*;
    /// let s = Signal::derive(|| 3);
    /// s.dispose();
    /// assert_eq!(s.try_get(), None);
    /// ```
    pub(crate) fn dispose(&self) {
        match self.inner {
            SignalKind::Read(s) => s.dispose(),
            SignalKind::Memo(m) => m.dispose(),
            SignalKind::Derived(d) => d.dispose(),
        }
    }

    /// Tracked length of the value.
    ///
    /// ```
    /// use larkspur_reactive::*;
    /// assert_eq!(Signal::derive(|| "abc").len(), 3);
    /// ```
    #[cfg_attr(debug_assertions, track_caller)]
    #[allow(clippy::len_without_is_empty)]
    pub fn len(&self) -> usize
    where
        T: crate::len::HasLen,
    {
        self.with(|v| crate::len::HasLen::length(v))
    }

    /// Tracked emptiness of the value.
    ///
    /// ```
    /// use larkspur_reactive::*;
    /// assert!(Signal::derive(|| "").is_empty());
    /// ```
    #[cfg_attr(debug_assertions, track_caller)]
    pub fn is_empty(&self) -> bool
    where
        T: crate::len::HasLen,
    {
        self.with(|v| crate::len::HasLen::length(v) == 0)
    }
}

impl<T> From<ReadSignal<T>> for Signal<T> {
    fn from(s: ReadSignal<T>) -> Self {
        Signal {
            inner: SignalKind::Read(s),
        }
    }
}

impl<T> From<RwSignal<T>> for Signal<T> {
    fn from(s: RwSignal<T>) -> Self {
        Signal {
            inner: SignalKind::Read(s.read_only()),
        }
    }
}

impl<T> From<Memo<T>> for Signal<T> {
    fn from(m: Memo<T>) -> Self {
        Signal {
            inner: SignalKind::Memo(m),
        }
    }
}

/// A signal of the default value (a derived signal, as in Leptos 0.6), so
/// `#[prop(optional)] disabled: Signal<bool>` may be left out.
///
/// ```
/// use larkspur_reactive::*;
/// assert!(!Signal::<bool>::default().get());
/// ```
impl<T: Default + 'static> Default for Signal<T> {
    fn default() -> Self {
        Signal::derive(T::default)
    }
}

/// A closure becomes a derived signal ([`Signal::derive`]), as in Leptos
/// 0.6, so a `#[prop(into)] value: Signal<T>` prop takes `move || …`.
///
/// ```
/// use larkspur_reactive::*;
/// let (count, set_count) = create_signal(1);
/// let double: Signal<i32> = (move || count.get() * 2).into();
/// set_count.set(4);
/// assert_eq!(double.get(), 8);
/// ```
/// Turns a closure into a derived [`Signal`] (Leptos 0.6's
/// `IntoSignal`; the same as [`Signal::derive`]).
///
/// ```
/// use larkspur_reactive::*;
/// let (n, _) = create_signal(3);
/// let double = (move || n.get() * 2).into_signal();
/// assert_eq!(double.get(), 6);
/// ```
pub trait IntoSignal {
    /// The signal's value type.
    type Value;
    /// Performs the conversion.
    fn into_signal(self) -> Signal<Self::Value>;

    /// The same as [`into_signal`](Self::into_signal): Leptos 0.6 keeps
    /// this older name, so code written with it compiles unchanged.
    ///
    /// ```
    /// use larkspur_reactive::*;
    /// let (n, _) = create_signal(2);
    /// let disabled = (move || n.get() > 1).derive_signal();
    /// assert!(disabled.get());
    /// ```
    #[cfg_attr(debug_assertions, track_caller)]
    fn derive_signal(self) -> Signal<Self::Value>
    where
        Self: Sized,
    {
        self.into_signal()
    }
}

impl<T: 'static, F: Fn() -> T + 'static> IntoSignal for F {
    type Value = T;
    #[cfg_attr(debug_assertions, track_caller)]
    fn into_signal(self) -> Signal<T> {
        Signal::derive(self)
    }
}

/// The signals themselves: Leptos 0.6 on nightly makes them closures, so
/// `memo.into_signal()` compiles there (a derived signal); here the signal
/// converts directly.
macro_rules! into_signal_for_signals {
    ($($ty:ident),*) => {$(
        impl<T: 'static> IntoSignal for $ty<T> {
            type Value = T;
            fn into_signal(self) -> Signal<T> {
                self.into()
            }
        }
    )*};
}

into_signal_for_signals!(ReadSignal, RwSignal, Memo);

impl<T: 'static> IntoSignal for Signal<T> {
    type Value = T;
    fn into_signal(self) -> Signal<T> {
        self
    }
}

impl<T: Clone + 'static> IntoSignal for MaybeSignal<T> {
    type Value = T;
    #[cfg_attr(debug_assertions, track_caller)]
    fn into_signal(self) -> Signal<T> {
        match self {
            MaybeSignal::Static(value) => Signal::derive(move || value.clone()),
            MaybeSignal::Dynamic(signal) => signal,
        }
    }
}

impl<T: 'static, F: Fn() -> T + 'static> From<F> for Signal<T> {
    #[cfg_attr(debug_assertions, track_caller)]
    fn from(f: F) -> Self {
        Signal::derive(f)
    }
}

/// Either a plain value or a [`Signal`]: for props that may be static or
/// reactive.
///
/// ```
/// use larkspur_reactive::*;
/// fn label(text: impl Into<MaybeSignal<String>>) -> String { text.into().get() }
/// assert_eq!(label("static"), "static");
/// let s = create_rw_signal(String::from("dynamic"));
/// assert_eq!(label(s), "dynamic");
/// ```
pub enum MaybeSignal<T: 'static> {
    /// A value that never changes.
    Static(T),
    /// A reactive value.
    Dynamic(Signal<T>),
}

impl<T: Clone> Clone for MaybeSignal<T> {
    fn clone(&self) -> Self {
        match self {
            MaybeSignal::Static(v) => MaybeSignal::Static(v.clone()),
            MaybeSignal::Dynamic(s) => MaybeSignal::Dynamic(*s),
        }
    }
}

impl<T: Copy> Copy for MaybeSignal<T> {}

impl<T: PartialEq> PartialEq for MaybeSignal<T> {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (MaybeSignal::Static(a), MaybeSignal::Static(b)) => a == b,
            (MaybeSignal::Dynamic(a), MaybeSignal::Dynamic(b)) => a == b,
            _ => false,
        }
    }
}
impl<T: Eq> Eq for MaybeSignal<T> {}

impl<T: Default> Default for MaybeSignal<T> {
    fn default() -> Self {
        MaybeSignal::Static(T::default())
    }
}

impl<T: std::fmt::Debug> std::fmt::Debug for MaybeSignal<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            MaybeSignal::Static(v) => f.debug_tuple("Static").field(v).finish(),
            MaybeSignal::Dynamic(s) => f.debug_tuple("Dynamic").field(s).finish(),
        }
    }
}

impl<T: 'static> MaybeSignal<T> {
    /// A dynamic value computed by `f` (a [`Signal::derive`]).
    ///
    /// ```
    /// use larkspur_reactive::*;
    /// let (a, set_a) = create_signal(1);
    /// let label = MaybeSignal::derive(move || format!("#{}", a()));
    /// set_a(2);
    /// assert_eq!(label.get(), "#2");
    /// ```
    #[cfg_attr(debug_assertions, track_caller)]
    pub fn derive(f: impl crate::Source<T> + 'static) -> Self {
        MaybeSignal::Dynamic(Signal::derive(f))
    }

    /// Applies `f` to the value (tracked when dynamic).
    ///
    /// ```
    /// use larkspur_reactive::*;
    /// assert_eq!(MaybeSignal::Static(2).with(|v| v * 2), 4);
    /// ```
    /// Subscribes the running effect or memo to a dynamic value.
    pub(crate) fn track(&self) {
        if let MaybeSignal::Dynamic(s) = self {
            s.track();
        }
    }

    #[cfg_attr(debug_assertions, track_caller)]
    pub(crate) fn with<R>(&self, f: impl FnOnce(&T) -> R) -> R {
        match self {
            MaybeSignal::Static(v) => f(v),
            MaybeSignal::Dynamic(s) => s.with(f),
        }
    }

    /// Applies `f` to the value, or `None` if the signal was disposed.
    ///
    /// ```
    /// use larkspur_reactive::*;
    /// assert_eq!(MaybeSignal::Static(2).try_with(|v| *v), Some(2));
    /// ```
    pub(crate) fn try_with<R>(&self, f: impl FnOnce(&T) -> R) -> Option<R> {
        match self {
            MaybeSignal::Static(v) => Some(f(v)),
            MaybeSignal::Dynamic(s) => s.try_with(f),
        }
    }

    /// Applies `f` to the value without tracking.
    ///
    /// ```
    /// use larkspur_reactive::*;
    /// assert_eq!(MaybeSignal::Static(2).with_untracked(|v| *v), 2);
    /// ```
    #[cfg_attr(debug_assertions, track_caller)]
    pub(crate) fn with_untracked<R>(&self, f: impl FnOnce(&T) -> R) -> R {
        match self {
            MaybeSignal::Static(v) => f(v),
            MaybeSignal::Dynamic(s) => s.with_untracked(f),
        }
    }

    /// Clones the value (tracked when dynamic).
    ///
    /// ```
    /// use larkspur_reactive::*;
    /// let m: MaybeSignal<i32> = 5.into();
    /// assert_eq!(m.get(), 5);
    /// ```
    #[cfg_attr(debug_assertions, track_caller)]
    pub(crate) fn get(&self) -> T
    where
        T: Clone,
    {
        match self {
            MaybeSignal::Static(v) => v.clone(),
            MaybeSignal::Dynamic(s) => s.get(),
        }
    }

    /// Clones the value, or `None` if the signal was disposed.
    ///
    /// ```
    /// use larkspur_reactive::*;
    /// let m: MaybeSignal<i32> = 5.into();
    /// assert_eq!(m.try_get(), Some(5));
    /// ```
    pub(crate) fn try_get(&self) -> Option<T>
    where
        T: Clone,
    {
        match self {
            MaybeSignal::Static(v) => Some(v.clone()),
            MaybeSignal::Dynamic(s) => s.try_get(),
        }
    }

    /// Clones the value without tracking.
    ///
    /// ```
    /// use larkspur_reactive::*;
    /// let m: MaybeSignal<i32> = 5.into();
    /// assert_eq!(m.get_untracked(), 5);
    /// ```
    #[cfg_attr(debug_assertions, track_caller)]
    pub(crate) fn get_untracked(&self) -> T
    where
        T: Clone,
    {
        match self {
            MaybeSignal::Static(v) => v.clone(),
            MaybeSignal::Dynamic(s) => s.get_untracked(),
        }
    }

    /// Clones the value without tracking, or `None` if disposed.
    ///
    /// ```
    /// use larkspur_reactive::*;
    /// let m: MaybeSignal<i32> = 5.into();
    /// assert_eq!(m.try_get_untracked(), Some(5));
    /// ```
    pub(crate) fn try_get_untracked(&self) -> Option<T>
    where
        T: Clone,
    {
        match self {
            MaybeSignal::Static(v) => Some(v.clone()),
            MaybeSignal::Dynamic(s) => s.try_get_untracked(),
        }
    }

    /// Whether this is a reactive value.
    ///
    /// ```
    /// use larkspur_reactive::*;
    /// assert!(!MaybeSignal::Static(1).is_dynamic());
    /// ```
    pub fn is_dynamic(&self) -> bool {
        matches!(self, MaybeSignal::Dynamic(_))
    }
}

impl<T> From<T> for MaybeSignal<T> {
    fn from(v: T) -> Self {
        MaybeSignal::Static(v)
    }
}

impl From<&str> for MaybeSignal<String> {
    fn from(v: &str) -> Self {
        MaybeSignal::Static(v.to_string())
    }
}

impl<T> From<Signal<T>> for MaybeSignal<T> {
    fn from(s: Signal<T>) -> Self {
        MaybeSignal::Dynamic(s)
    }
}

impl<T> From<ReadSignal<T>> for MaybeSignal<T> {
    fn from(s: ReadSignal<T>) -> Self {
        MaybeSignal::Dynamic(s.into())
    }
}

impl<T> From<RwSignal<T>> for MaybeSignal<T> {
    fn from(s: RwSignal<T>) -> Self {
        MaybeSignal::Dynamic(s.into())
    }
}

impl<T> From<Memo<T>> for MaybeSignal<T> {
    fn from(m: Memo<T>) -> Self {
        MaybeSignal::Dynamic(m.into())
    }
}

/// An optional component prop that is a fixed value, a reactive value or
/// nothing at all: [`get`](crate::SignalGet::get) gives `Option<T>`. With
/// `#[prop(into, optional)]` a caller may leave it out (`None`), pass a
/// value, an `Option`, or any signal of `T` or of `Option<T>`.
///
/// ```
/// use larkspur_reactive::*;
/// fn above_3(n: &MaybeProp<i32>) -> bool {
///     n.get().is_some_and(|n| n > 3)
/// }
/// let (count, set_count) = create_signal(Some(2));
/// let doubled = MaybeProp::derive(move || count().map(|n| n * 2));
/// assert!(!above_3(&MaybeProp::default()));
/// assert!(above_3(&5.into()));
/// assert!(!above_3(&count.into()));
/// assert!(above_3(&doubled));
/// set_count(Some(4));
/// assert!(above_3(&count.into()));
/// ```
pub struct MaybeProp<T: 'static>(Option<MaybeSignal<Option<T>>>);

impl<T: PartialEq> PartialEq for MaybeProp<T> {
    fn eq(&self, other: &Self) -> bool {
        self.0 == other.0
    }
}
impl<T: Eq> Eq for MaybeProp<T> {}

impl<T: Clone> Clone for MaybeProp<T> {
    fn clone(&self) -> Self {
        MaybeProp(self.0.clone())
    }
}

impl<T: Copy> Copy for MaybeProp<T> {}

impl<T> Default for MaybeProp<T> {
    fn default() -> Self {
        MaybeProp(None)
    }
}

impl<T: std::fmt::Debug> std::fmt::Debug for MaybeProp<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_tuple("MaybeProp").field(&self.0).finish()
    }
}

impl<T: 'static> MaybeProp<T> {
    /// A reactive value computed by `f`.
    ///
    /// ```
    /// use larkspur_reactive::*;
    /// let (name, set_name) = create_signal("ada".to_string());
    /// let upper = MaybeProp::derive(move || Some(name().to_uppercase()));
    /// set_name("grace".into());
    /// assert_eq!(upper.get(), Some("GRACE".to_string()));
    /// ```
    #[cfg_attr(debug_assertions, track_caller)]
    pub fn derive(f: impl Fn() -> Option<T> + 'static) -> Self {
        MaybeProp(Some(MaybeSignal::derive(f)))
    }

    /// Applies `f` to the value, if there is one (tracked when reactive).
    ///
    /// ```
    /// use larkspur_reactive::*;
    /// let name: MaybeProp<String> = "Bob".into();
    /// assert_eq!(name.with(|n| n.len()), Some(3));
    /// assert_eq!(MaybeProp::<String>::default().with(|n| n.len()), None);
    /// ```
    #[cfg_attr(debug_assertions, track_caller)]
    pub fn with<O>(&self, f: impl FnOnce(&T) -> O) -> Option<O> {
        self.0.as_ref().and_then(|s| s.with(|v| v.as_ref().map(f)))
    }

    /// Like [`with`](MaybeProp::with), but `None` also when the signal
    /// behind it was disposed.
    ///
    /// ```
    /// use larkspur_reactive::*;
    /// let s = create_rw_signal(Some(1));
    /// let p: MaybeProp<i32> = s.into();
    /// s.dispose();
    /// assert_eq!(p.try_with(|n| *n), None);
    /// ```
    pub fn try_with<O>(&self, f: impl FnOnce(&T) -> O) -> Option<O> {
        self.0
            .as_ref()
            .and_then(|s| s.try_with(|v| v.as_ref().map(f)))
            .flatten()
    }

    /// Like [`with_untracked`](MaybeProp::with_untracked), but `None` also
    /// when the signal behind it was disposed.
    ///
    /// ```
    /// use larkspur_reactive::*;
    /// let p: MaybeProp<i32> = 4.into();
    /// assert_eq!(p.try_with_untracked(|n| n + 1), Some(5));
    /// ```
    pub fn try_with_untracked<O>(&self, f: impl FnOnce(&T) -> O) -> Option<O> {
        crate::untrack(|| self.try_with(f))
    }

    /// Applies `f` to the value, if there is one, without tracking.
    ///
    /// ```
    /// use larkspur_reactive::*;
    /// let p: MaybeProp<i32> = 4.into();
    /// assert_eq!(p.with_untracked(|n| n + 1), Some(5));
    /// ```
    #[cfg_attr(debug_assertions, track_caller)]
    pub fn with_untracked<O>(&self, f: impl FnOnce(&T) -> O) -> Option<O> {
        self.0
            .as_ref()
            .and_then(|s| s.with_untracked(|v| v.as_ref().map(f)))
    }

    /// Clones the value out, if there is one (tracked when reactive).
    ///
    /// ```
    /// use larkspur_reactive::*;
    /// let p: MaybeProp<i32> = Some(4).into();
    /// assert_eq!(p.get(), Some(4));
    /// ```
    #[cfg_attr(debug_assertions, track_caller)]
    pub(crate) fn get(&self) -> Option<T>
    where
        T: Clone,
    {
        self.0.as_ref().and_then(MaybeSignal::get)
    }

    /// Like [`get`](MaybeProp::get); `None` also when the signal behind it
    /// was disposed.
    ///
    /// ```
    /// use larkspur_reactive::*;
    /// let p: MaybeProp<i32> = 4.into();
    /// assert_eq!(p.try_get(), Some(Some(4)));
    /// ```
    pub(crate) fn try_get(&self) -> Option<Option<T>>
    where
        T: Clone,
    {
        self.0.as_ref().map_or(Some(None), MaybeSignal::try_get)
    }

    /// Clones the value out, if there is one, without tracking.
    ///
    /// ```
    /// use larkspur_reactive::*;
    /// let p: MaybeProp<i32> = 4.into();
    /// assert_eq!(p.get_untracked(), Some(4));
    /// ```
    #[cfg_attr(debug_assertions, track_caller)]
    pub(crate) fn get_untracked(&self) -> Option<T>
    where
        T: Clone,
    {
        self.0.as_ref().and_then(MaybeSignal::get_untracked)
    }

    /// Like [`get_untracked`](MaybeProp::get_untracked); `None` also when
    /// the signal behind it was disposed.
    ///
    /// ```
    /// use larkspur_reactive::*;
    /// let p = MaybeProp::<i32>::default();
    /// assert_eq!(p.try_get_untracked(), Some(None));
    /// ```
    pub(crate) fn try_get_untracked(&self) -> Option<Option<T>>
    where
        T: Clone,
    {
        self.0
            .as_ref()
            .map_or(Some(None), MaybeSignal::try_get_untracked)
    }
}

impl<T> From<T> for MaybeProp<T> {
    fn from(v: T) -> Self {
        MaybeProp(Some(MaybeSignal::Static(Some(v))))
    }
}

impl<T> From<Option<T>> for MaybeProp<T> {
    fn from(v: Option<T>) -> Self {
        MaybeProp(Some(MaybeSignal::Static(v)))
    }
}

impl From<&str> for MaybeProp<String> {
    fn from(v: &str) -> Self {
        MaybeProp(Some(MaybeSignal::Static(Some(v.to_string()))))
    }
}

impl<T> From<MaybeSignal<Option<T>>> for MaybeProp<T> {
    fn from(s: MaybeSignal<Option<T>>) -> Self {
        MaybeProp(Some(s))
    }
}

impl<T> From<Option<MaybeSignal<Option<T>>>> for MaybeProp<T> {
    fn from(s: Option<MaybeSignal<Option<T>>>) -> Self {
        MaybeProp(s)
    }
}

/// `From` a signal of `Option<T>` (the value as it is) and of `T` (always
/// `Some`).
macro_rules! maybe_prop_from_signals {
    ($($ty:ident),*) => {$(
        impl<T> From<$ty<Option<T>>> for MaybeProp<T> {
            fn from(s: $ty<Option<T>>) -> Self {
                MaybeProp(Some(MaybeSignal::Dynamic(s.into())))
            }
        }
        impl<T: Clone> From<$ty<T>> for MaybeProp<T> {
            #[cfg_attr(debug_assertions, track_caller)]
            fn from(s: $ty<T>) -> Self {
                MaybeProp::derive(move || Some(s.get()))
            }
        }
    )*};
}

maybe_prop_from_signals!(ReadSignal, RwSignal, Memo, Signal);
