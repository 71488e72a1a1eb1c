//! [`create_query_signal`]: one query-string key as a signal, with the
//! reactive core's `Copy` [`SignalSetter`] as its setter.

use std::rc::Rc;
use std::str::FromStr;

use larkspur_reactive::{create_memo, Memo, SignalSetter};

use super::location::{use_router, NavigateOptions};
use super::path::ParamsMap;

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
