//! [`use_route`]: which route a component is rendered by.

use std::rc::Rc;

use larkspur_reactive::{provide_context, use_context, Memo};

use super::location::use_router;
use super::path::ParamsMap;

/// The route whose view is being rendered: its pattern and parameters.
/// Returned by [`use_route`].
#[derive(Clone)]
pub struct RouteContext {
    original_path: Rc<str>,
    params: Memo<ParamsMap>,
    url: larkspur_reactive::RwSignal<super::location::Url>,
}

impl RouteContext {
    /// The route's pattern joined with its parents' (`/users/:id`).
    pub fn original_path(&self) -> &str {
        &self.original_path
    }

    /// The part of the current path this route matched (`/users/7` for
    /// `/users/:id` on `/users/7/posts`); a trailing `*wildcard` takes the
    /// rest of the path.
    pub fn path(&self) -> String {
        let pattern: Vec<&str> = self
            .original_path
            .split('/')
            .filter(|s| !s.is_empty())
            .collect();
        let takes_rest = pattern.last().is_some_and(|s| s.starts_with('*'));
        self.url.with_untracked(|u| {
            let parts: Vec<&str> = u.pathname.split('/').filter(|s| !s.is_empty()).collect();
            let n = if takes_rest {
                parts.len()
            } else {
                pattern.len().min(parts.len())
            };
            format!("/{}", parts[..n].join("/"))
        })
    }

    /// The matched parameters (the same as
    /// [`use_params_map`](super::use_params_map)).
    pub fn params(&self) -> Memo<ParamsMap> {
        self.params
    }
}

/// The route rendering the current component.
///
/// Outside any route's view (e.g. directly under `<Router>`), the root
/// route: pattern `/`.
///
/// # Example
///
/// ```no_run
/// use larkspur::*;
/// use larkspur::router::*;
///
/// #[component]
/// fn Tab() -> impl IntoView {
///     let route = use_route();
///     view! { <p>"Rendered by " {route.original_path().to_string()}</p> }
/// }
/// ```
pub fn use_route() -> RouteContext {
    match use_context::<RouteContext>() {
        Some(route) => route,
        None => RouteContext {
            original_path: Rc::from("/"),
            params: super::use_params_map(),
            url: use_router().url,
        },
    }
}

/// Provides the [`RouteContext`] for a route view (called by the outlet
/// rendering it).
pub(super) fn provide_route(original_path: String) {
    let url = use_router().url;
    provide_context(RouteContext {
        original_path: Rc::from(original_path),
        params: super::use_params_map(),
        url,
    });
}

/// `["", "users", ":id"]` → `/users/:id`.
pub(super) fn join_paths(paths: &[&str]) -> String {
    let joined: Vec<&str> = paths
        .iter()
        .flat_map(|p| p.split('/'))
        .filter(|s| !s.is_empty())
        .collect();
    format!("/{}", joined.join("/"))
}

#[cfg(test)]
mod tests {
    #[test]
    fn joins_nested_patterns() {
        assert_eq!(super::join_paths(&["", "users/", ":id"]), "/users/:id");
        assert_eq!(super::join_paths(&[""]), "/");
    }

    #[test]
    fn links_are_active_below_their_path_unless_exact() {
        use crate::router::routes::link_is_active as active;
        assert!(active("/users/7", "/users", false));
        assert!(active("/users/", "/users", true));
        assert!(!active("/users/7", "/users", true));
        assert!(!active("/usersx", "/users", false));
        assert!(active("/", "/", false));
        assert!(!active("/users", "/", false));
    }
}
