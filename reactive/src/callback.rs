//! [`Callback`] and [`Callable`]: a `Copy` function handle for component props (`on_click: Callback<MouseEvent>`).
//!
//! A parent hands a child a closure; the child calls it with `.call(x)`.
//! Storing the closure in the reactive arena makes the handle `Copy`, so the
//! child can move it into any number of event handlers without cloning.
//! The closure lives as long as the owner that was current when the
//! callback was made (the parent's view).

use crate::{store_value, StoredValue};

/// Something that can be called with an `In` and returns an `Out`.
///
/// ```
/// use larkspur_reactive::*;
/// fn twice(f: impl Callable<i32, i32>) -> i32 { f.call(f.call(1)) }
/// assert_eq!(twice(Callback::new(|n: i32| n * 3)), 9);
/// ```
pub trait Callable<In: 'static, Out: 'static = ()> {
    /// Calls the function.
    ///
    /// ```
    /// use larkspur_reactive::*;
    /// let cb: Callback<&'static str, usize> = Callback::new(str::len);
    /// assert_eq!(cb.call("four"), 4);
    /// ```
    fn call(&self, input: In) -> Out;
}

/// Leptos 0.6's thread-safe callback. Larkspur has no threads (nothing is
/// `Send` or `Sync`, see the guide's "From Leptos"), so it is [`Callback`].
pub type SyncCallback<In, Out = ()> = Callback<In, Out>;

/// A `Copy` handle to a closure `Fn(In) -> Out`, for callback props.
///
/// A component takes one as a prop (`#[prop(into)] on_click:
/// Callback<ev::MouseEvent>`), so its parent passes a plain closure
/// (`on_click=move |_| set_clicks.update(|n| *n += 1)`), and calls it with
/// `on_click.call(ev)` or `on_click(ev)`.
///
/// ```
/// use larkspur_reactive::*;
/// let (clicks, set_clicks) = create_signal(0);
/// let on_click: Callback<()> = (move |()| set_clicks.update(|n| *n += 1)).into();
/// on_click.call(());
/// on_click(());
/// assert_eq!(clicks.get(), 2);
/// ```
pub struct Callback<In: 'static, Out: 'static = ()> {
    f: StoredValue<Box<dyn Fn(In) -> Out>>,
}

impl<In, Out> Clone for Callback<In, Out> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<In, Out> Copy for Callback<In, Out> {}

/// Copies of one callback are equal; two callbacks made apart are not.
impl<In, Out> PartialEq for Callback<In, Out> {
    fn eq(&self, other: &Self) -> bool {
        self.f == other.f
    }
}
impl<In, Out> Eq for Callback<In, Out> {}

impl<In, Out> std::fmt::Debug for Callback<In, Out> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Callback(..)")
    }
}

impl<In: 'static, Out: 'static> Callback<In, Out> {
    /// Stores `f` under the current owner.
    ///
    /// ```
    /// use larkspur_reactive::*;
    /// let add_one = Callback::new(|n: i32| n + 1);
    /// assert_eq!(add_one.call(1), 2);
    /// ```
    #[track_caller]
    pub fn new(f: impl Fn(In) -> Out + 'static) -> Self {
        let f: Box<dyn Fn(In) -> Out> = Box::new(f);
        Callback { f: store_value(f) }
    }

    /// Calls the closure, or returns `None` if its owner was disposed.
    ///
    /// ```
    /// use larkspur_reactive::*;
    /// let owner = Owner::new_child();
    /// let cb = owner.with(|| Callback::new(|n: i32| n * 2));
    /// assert_eq!(cb.try_call(2), Some(4));
    /// owner.dispose();
    /// assert_eq!(cb.try_call(2), None);
    /// ```
    pub fn try_call(&self, input: In) -> Option<Out> {
        self.f.try_with_value(move |f| f(input))
    }
}

impl<In: 'static, Out: 'static> Callable<In, Out> for Callback<In, Out> {
    /// Calls the closure. Panics, naming where the callback was created, if
    /// its owner was disposed (use [`Callback::try_call`] to avoid that).
    #[track_caller]
    fn call(&self, input: In) -> Out {
        self.f.with_value_as("callback", move |f| f(input))
    }
}

impl<F, In, Out> Callable<In, Out> for F
where
    F: Fn(In) -> Out,
    In: 'static,
    Out: 'static,
{
    fn call(&self, input: In) -> Out {
        self(input)
    }
}

/// Any closure whose result converts into `Out`, as in Leptos 0.6: a
/// `Callback<usize, View>` prop takes `|i| view! { <p>{i}</p> }`.
impl<F, In, T, Out> From<F> for Callback<In, Out>
where
    F: Fn(In) -> T + 'static,
    T: Into<Out> + 'static,
    In: 'static,
    Out: 'static,
{
    #[track_caller]
    fn from(f: F) -> Self {
        Callback::new(move |input| f(input).into())
    }
}

/// A setter as a callback (`<NumberInput on_change=set_count/>`): Leptos
/// 0.6 on nightly makes setters closures, which convert as above.
impl<T: 'static> From<crate::WriteSignal<T>> for Callback<T> {
    #[track_caller]
    fn from(set: crate::WriteSignal<T>) -> Self {
        Callback::new(move |value| set.set(value))
    }
}

impl<T: 'static> From<crate::SignalSetter<T>> for Callback<T> {
    #[track_caller]
    fn from(set: crate::SignalSetter<T>) -> Self {
        Callback::new(move |value| set.set(value))
    }
}
