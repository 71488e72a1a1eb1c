//! [`create_query_signal`]: one query-string key as a signal, and
//! [`SignalSetter`], the setter type the router hands out.

use std::rc::Rc;
use std::str::FromStr;

use larkspur_reactive::{create_memo, Memo, RwSignal, WriteSignal};

use super::location::{use_router, NavigateOptions};
use super::path::ParamsMap;

/// A function that sets a value: built from a [`WriteSignal`], an
/// [`RwSignal`] or any `Fn(T)`. Call it as `setter.set(v)` or `setter(v)`.
///
/// # Example
///
/// ```no_run
/// use larkspur::*;
/// use larkspur::router::SignalSetter;
///
/// let (_, set_count) = create_signal(0);
/// let setter: SignalSetter<i32> = set_count.into();
/// setter.set(3);
/// setter(4);
/// let logged = SignalSetter::map(|n: i32| logging::log!("{n}"));
/// ```
pub struct SignalSetter<T: 'static>(Rc<dyn Fn(T)>);

impl<T> Clone for SignalSetter<T> {
    fn clone(&self) -> Self {
        SignalSetter(self.0.clone())
    }
}

impl<T> SignalSetter<T> {
    /// A setter that calls `f`.
    pub fn map(f: impl Fn(T) + 'static) -> Self {
        SignalSetter(Rc::new(f))
    }

    /// Sets the value.
    pub fn set(&self, value: T) {
        (self.0)(value)
    }
}

impl<T> std::ops::Deref for SignalSetter<T> {
    type Target = dyn Fn(T);
    fn deref(&self) -> &Self::Target {
        &*self.0
    }
}

impl<T: 'static> From<WriteSignal<T>> for SignalSetter<T> {
    fn from(s: WriteSignal<T>) -> Self {
        SignalSetter::map(move |v| s.set(v))
    }
}

impl<T: 'static> From<RwSignal<T>> for SignalSetter<T> {
    fn from(s: RwSignal<T>) -> Self {
        SignalSetter::map(move |v| s.set(v))
    }
}

/// The query-string value `key` parsed as `T`, and a setter that navigates
/// to the current path with `key` changed (`None` removes it). A value that
/// does not parse reads as `None`.
///
/// # Example
///
/// ```no_run
/// use larkspur::*;
/// use larkspur::router::*;
///
/// #[component]
/// fn Pager() -> impl IntoView {
///     let (page, set_page) = create_query_signal::<u32>("page");
///     let next = move |_| set_page.set(Some(page.get().unwrap_or(1) + 1));
///     view! { <button on:click=next>"Page " {move || page.get().unwrap_or(1)}</button> }
/// }
/// ```
pub fn create_query_signal<T>(key: impl Into<String>) -> (Memo<Option<T>>, SignalSetter<Option<T>>)
where
    T: FromStr + ToString + PartialEq + 'static,
{
    let router = use_router();
    let key: Rc<str> = Rc::from(key.into());
    let url = router.url;
    let read_key = key.clone();
    let value = create_memo(move |_| {
        url.with(|u| {
            ParamsMap::from_query(&u.search)
                .get_str(&read_key)
                .and_then(|v| v.parse().ok())
        })
    });
    let setter = SignalSetter::map(move |new: Option<T>| {
        let (path, search, hash) =
            url.with_untracked(|u| (u.pathname.clone(), u.search.clone(), u.hash.clone()));
        let mut query = ParamsMap::from_query(&search);
        match new {
            Some(v) => {
                query.insert(key.to_string(), v.to_string());
            }
            None => {
                query.remove(&key);
            }
        }
        let options = NavigateOptions {
            scroll: false,
            ..Default::default()
        };
        router.navigate(
            &format!("{path}{}{hash}", query.to_query_string()),
            &options,
        );
    });
    (value, setter)
}
