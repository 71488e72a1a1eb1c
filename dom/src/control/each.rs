//! [`Each`], [`Unit`] and [`text`]: Leptos 0.6's `leptos_dom` building
//! blocks for views written without `view!`.

use std::hash::Hash;
use std::marker::PhantomData;

use larkspur_reactive::Oco;

use crate::view::{IntoView, View};

/// A keyed list built without a component (what [`For`](crate::For)
/// renders): `Each::new(items, key, each).into_view()`.
///
/// ```no_run
/// use larkspur::*;
///
/// let (items, _) = create_signal(vec![1, 2, 3]);
/// let list = html::ul().child(Each::new(
///     move || items.get(),
///     |n| *n,
///     |n| view! { <li>{n}</li> },
/// ));
/// ```
pub struct Each<IF, KF, EF, T> {
    items_fn: IF,
    key_fn: KF,
    each_fn: EF,
    item: PhantomData<fn() -> T>,
}

impl<IF, I, T, KF, K, EF, N> Each<IF, KF, EF, T>
where
    IF: Fn() -> I + 'static,
    I: IntoIterator<Item = T>,
    KF: Fn(&T) -> K + 'static,
    K: Eq + Hash + 'static,
    EF: Fn(T) -> N + 'static,
    N: IntoView,
    T: 'static,
{
    /// The list of `items_fn`'s items, keyed by `key_fn`, each rendered by
    /// `each_fn` (once per key).
    pub fn new(items_fn: IF, key_fn: KF, each_fn: EF) -> Self {
        Each {
            items_fn,
            key_fn,
            each_fn,
            item: PhantomData,
        }
    }
}

impl<IF, I, T, KF, K, EF, N> IntoView for Each<IF, KF, EF, T>
where
    IF: Fn() -> I + 'static,
    I: IntoIterator<Item = T>,
    KF: Fn(&T) -> K + 'static,
    K: Eq + Hash + 'static,
    EF: Fn(T) -> N + 'static,
    N: IntoView,
    T: 'static,
{
    fn into_view(self) -> View {
        super::keyed::keyed_list(self.items_fn, self.key_fn, self.each_fn)
    }
}

/// Nothing at all, as a view (Leptos 0.6's `()` view type).
///
/// ```no_run
/// use larkspur::*;
/// let nothing = Unit.into_view();
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Unit;

impl IntoView for Unit {
    fn into_view(self) -> View {
        View::Empty
    }
}

/// A text node with `content` (`larkspur_dom::text`, as `leptos_dom::text`).
///
/// ```no_run
/// use larkspur::*;
/// // In an app: `larkspur_dom::text("Hello")`.
/// let greeting = html::p().child(larkspur::__dom_text("Hello"));
/// ```
pub fn text(content: impl Into<Oco<'static, str>>) -> View {
    content.into().as_str().to_owned().into_view()
}
