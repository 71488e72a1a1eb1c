//! [`create_query_signal`]: one query-string key as a signal, with the
//! reactive core's `Copy` [`SignalSetter`] as its setter, on the same
//! query backend as the persisted signals of [`storage`](crate::storage).

use larkspur_reactive::__signal_traits::*;
use std::str::FromStr;

use larkspur_reactive::{create_memo, Memo, SignalSetter};

use crate::storage::{Entry, QueryParam};

/// The query-string value `key` parsed as `T`, and a setter that navigates
/// to the current path with `key` changed (`None` removes it). A value that
/// does not parse reads as `None`.
///
/// The setter pushes a history entry, as in Leptos, so back undoes it;
/// setting the value the URL already holds does nothing. The page does not
/// scroll.
///
/// This is the query backend of the persisted signals, with `FromStr` and
/// `ToString` as its codec: a
/// [`create_query_param_signal`](crate::storage::create_query_param_signal)
/// or a [`StorageBackend::QueryParam`](crate::storage::StorageBackend)
/// signal on the same key sees every change at once, and so does
/// [`use_query_map`](super::use_query_map). Inside a
/// [`Router`](super::Router) (the usual place) it follows the router's
/// location; without one it reads the browser's, and follows back/forward.
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
    query_signal(key.into(), Entry::Push)
}

/// [`create_query_signal`] with navigation options (Leptos 0.6):
/// `replace: true` rewrites the current history entry instead of pushing
/// one. The page does not scroll whatever `scroll` says (a query change
/// keeps the reader where they are), and `state` is not set: the entry
/// keeps the state it had, so other code's history state is not lost.
///
/// ```no_run
/// use larkspur::*;
/// use larkspur::router::*;
///
/// let options = NavigateOptions { replace: true, ..Default::default() };
/// let (tab, set_tab) = create_query_signal_with_options::<String>("tab", options);
/// set_tab.set(Some("notes".into()));
/// ```
pub fn create_query_signal_with_options<T>(
    key: impl Into<String>,
    options: super::NavigateOptions,
) -> (Memo<Option<T>>, SignalSetter<Option<T>>)
where
    T: FromStr + ToString + PartialEq + 'static,
{
    let entry = if options.replace {
        Entry::Replace
    } else {
        Entry::Push
    };
    query_signal(key.into(), entry)
}

fn query_signal<T>(key: String, entry: Entry) -> (Memo<Option<T>>, SignalSetter<Option<T>>)
where
    T: FromStr + ToString + PartialEq + 'static,
{
    let param = QueryParam::new(&key);
    let text = param.text();
    let value = create_memo(move |_| text.with(|t| t.as_deref().and_then(|t| t.parse().ok())));
    let setter = SignalSetter::map(move |new: Option<T>| {
        // Only a missing `window` makes this fail; the value then simply
        // stays as it was, as a refused navigation would.
        let _ = param.write(new.map(|v| v.to_string()).as_deref(), entry);
    });
    (value, setter)
}
