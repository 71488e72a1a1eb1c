//! [`use_route`]: which route a component is rendered by.

use larkspur_reactive::__signal_traits::*;
use std::any::Any;
use std::rc::Rc;

use larkspur_reactive::{create_memo, provide_context, use_context, Memo};

use super::location::{resolve_against, use_router};
use super::path::ParamsMap;
use super::routes::OutletContext;
use crate::components::ViewFn;

/// The route whose view is being rendered: its pattern and parameters.
/// Returned by [`use_route`].
#[derive(Clone)]
pub struct RouteContext {
    original_path: Rc<str>,
    /// The `<Routes base>` the route's matched path starts with.
    base: Rc<str>,
    params: Memo<ParamsMap>,
    url: larkspur_reactive::RwSignal<super::location::RouteUrl>,
    /// What the route's loader returned (see [`use_route_data`]).
    data: Option<Rc<dyn Any>>,
    /// The outlet level below this route (for [`RouteContext::child`]).
    below: Option<OutletContext>,
    /// The route's view (for [`RouteContext::outlet`]).
    view: Option<ViewFn>,
}

impl PartialEq for RouteContext {
    /// The same route (pattern and `<Routes base>`) of the same router.
    fn eq(&self, other: &Self) -> bool {
        self.original_path == other.original_path
            && self.base == other.base
            && self.url == other.url
            && self.params == other.params
    }
}

impl std::fmt::Debug for RouteContext {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RouteContext")
            .field("original_path", &self.original_path)
            .field("path", &self.path())
            .finish_non_exhaustive()
    }
}

impl RouteContext {
    /// The route's pattern joined with its parents' (`/users/:id`).
    pub fn original_path(&self) -> &str {
        &self.original_path
    }

    /// The part of the current path this route matched (`/users/7` for
    /// `/users/:id` on `/users/7/posts`, `/app/users/7` under `<Routes
    /// base="/app">`). A trailing `*wildcard` is not part of it, as in
    /// Leptos 0.6: `/docs/*rest` on `/docs/a/b` matched `/docs`, so a
    /// relative link there (`intro`) goes to `/docs/intro`.
    pub fn path(&self) -> String {
        let mut segments = 0;
        let pattern = self.base.split('/').chain(self.original_path.split('/'));
        for segment in pattern.filter(|s| !s.is_empty() && !s.starts_with('*')) {
            // An optional parameter the URL left out took no segment.
            let absent = segment
                .strip_prefix(':')
                .and_then(|s| s.strip_suffix('?'))
                .is_some_and(|name| self.params.with_untracked(|p| p.get(name).is_none()));
            segments += usize::from(!absent);
        }
        self.url.with_untracked(|u| {
            // The end of the `segments`-th segment (a run of `/` counts
            // once, as the route matcher skips empty segments).
            let path = &u.pathname;
            let mut end = path.len();
            {
                let (mut seen, mut prev) = (0, b'/');
                for (i, b) in path.bytes().enumerate() {
                    if b == b'/' && prev != b'/' {
                        seen += 1;
                        if seen >= segments {
                            end = i;
                            break;
                        }
                    }
                    prev = b;
                }
                if segments == 0 {
                    end = 0;
                }
            }
            let matched = path.get(..end).unwrap_or("").trim_end_matches('/');
            if matched.is_empty() {
                "/".to_string()
            } else {
                matched.to_string()
            }
        })
    }

    /// The matched parameters (the same as
    /// [`use_params_map`](super::use_params_map)).
    pub fn params(&self) -> Memo<ParamsMap> {
        self.params
    }

    /// Resolves a link target against this route, as [`A`](super::A) does
    /// with its `href` (and tracks the location, so a caller re-runs when
    /// the route's matched path changes):
    ///
    /// * `/…` is an app path as it is;
    /// * a URL with a scheme (`https://…`, `mailto:…`) leaves the app:
    ///   `None`;
    /// * `?…` and `#…` stay on the current page, as in plain HTML
    ///   (`?tab=2` on `/users/7/posts` is `/users/7/posts?tab=2`);
    /// * anything else is relative to the part of the path this route
    ///   matched: `edit` under `users/:id` on `/users/7/posts` is
    ///   `/users/7/edit`, `""` is `/users/7`, and `..` goes up from there
    ///   (`../8` is `/users/8`).
    ///
    /// The result is normalised as links are (see the module docs).
    ///
    /// ```no_run
    /// use larkspur::*;
    /// use larkspur::router::*;
    ///
    /// #[component]
    /// fn Contact() -> impl IntoView {
    ///     // Rendered by `contacts/:name` on `/contacts/alice`:
    ///     let route = use_route();
    ///     let edit = route.resolve_path("edit"); // Some("/contacts/alice/edit")
    ///     let away = route.resolve_path("https://example.com"); // None
    ///     view! { <p>{edit.unwrap_or_default()} {away.is_none()}</p> }
    /// }
    /// ```
    #[inline(never)]
    pub fn resolve_path(&self, to: &str) -> Option<String> {
        if leaves_app(to) {
            return None;
        }
        if to.starts_with('/') || to.starts_with('\\') {
            return Some(resolve_against("/", to));
        }
        if to.starts_with('?') || to.starts_with('#') {
            // Only a query or a fragment: this page, as in plain HTML.
            let current = self.url.with(|u| u.pathname.clone());
            return Some(resolve_against(&current, to));
        }
        self.url.track();
        let from = self.path();
        Some(if to.is_empty() {
            resolve_against("/", &from)
        } else {
            resolve_against(&format!("{}/", from.trim_end_matches('/')), to)
        })
    }

    /// The nested route matched inside this one, if any (tracks which
    /// route matches). Its [`use_route_data`] value is not loaded: only
    /// the outlet rendering a route runs its loader.
    ///
    /// ```no_run
    /// use larkspur::*;
    /// use larkspur::router::*;
    ///
    /// #[component]
    /// fn Users() -> impl IntoView {
    ///     let route = use_route();
    ///     // On `/users/7`: "/users/:id".
    ///     let child = move || route.child().map(|c| c.original_path().to_string());
    ///     view! { <p>{child}</p> <Outlet/> }
    /// }
    /// ```
    pub fn child(&self) -> Option<RouteContext> {
        let below = self.below.as_ref()?;
        let (original_path, view) = below.matched_route()?;
        Some(RouteContext {
            original_path: Rc::from(original_path),
            base: self.base.clone(),
            params: self.params,
            url: self.url,
            data: None,
            below: Some(below.below()),
            view: Some(view),
        })
    }

    /// A new copy of this route's own view (`None` for the root route
    /// [`use_route`] returns outside any route). Rendering it inside the
    /// route's own view would nest the view in itself.
    pub fn outlet(&self) -> impl crate::IntoView {
        self.view.as_ref().map(ViewFn::run)
    }

    /// The HTTP method of the navigation: always [`Method::Get`](super::Method::Get)
    /// in the browser (a method provided as context by the app is
    /// returned instead).
    pub fn method(&self) -> super::Method {
        use_context().unwrap_or_default()
    }
}

/// A URL with a scheme, which a link may point to outside the app, by
/// Leptos 0.6's rule: `tel:`, `mailto:`, or letters and digits before
/// `://` (`https://…`, `ftp://…`).
pub(super) fn leaves_app(to: &str) -> bool {
    let lower = to.get(..7).unwrap_or(to).to_ascii_lowercase();
    // A byte scan, not `split_once("://")`: a string-pattern search links
    // the two-way searcher into every router app.
    let scheme = to.bytes().take_while(u8::is_ascii_alphanumeric).count();
    lower.starts_with("tel:")
        || lower.starts_with("mailto:")
        || (scheme > 0 && to[scheme..].starts_with("://"))
}

/// Resolves `path` against the current route, as [`A`](super::A) does with
/// its `href` (see [`RouteContext::resolve_path`]); a URL that leaves the
/// app (`https://…`, `mailto:…`) is returned as it is, as in Leptos 0.6.
/// The memo follows both `path` and the location.
///
/// ```no_run
/// use larkspur::*;
/// use larkspur::router::*;
///
/// #[component]
/// fn UserTabs() -> impl IntoView {
///     // Under the route `users/:id`, on `/users/7`: `/users/7/posts`.
///     let posts = use_resolved_path(|| "posts".to_string());
///     view! { <p>{move || posts.get().unwrap_or_default()}</p> }
/// }
/// ```
pub fn use_resolved_path(path: impl Fn() -> String + 'static) -> Memo<Option<String>> {
    let route = use_route();
    let router = use_router();
    create_memo(move |_| {
        let path = path();
        route
            .resolve_path(&router.app_path(&path))
            .or_else(|| leaves_app(&path).then_some(path))
    })
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
        None => root_route(use_router()),
    }
}

/// The context of the root route (`/`) of `router`.
pub(super) fn root_route(router: super::RouterContext) -> RouteContext {
    RouteContext {
        original_path: Rc::from("/"),
        base: Rc::from(""),
        params: super::use_params_map(),
        url: router.url,
        data: None,
        below: None,
        view: None,
    }
}

/// Provides the [`RouteContext`] for a route view (called by the outlet
/// rendering it).
pub(super) fn provide_route(
    original_path: String,
    base: Rc<str>,
    data: Option<Rc<dyn Any>>,
    below: OutletContext,
    view: ViewFn,
) {
    let router = use_router();
    provide_context(RouteContext {
        original_path: Rc::from(original_path),
        base,
        params: super::use_params_map(),
        url: router.url,
        data,
        below: Some(below),
        view: Some(view),
    });
}

/// A route's data loader: the `data` prop of [`Route`](super::Route),
/// made from any closure `Fn() -> T` (Leptos 0.6's `Loader`).
///
/// The closure runs each time the route is rendered (not when only its
/// parameters change), under the route's owner: a resource it creates
/// lives while the route is shown, and is keyed as the closure keys it.
/// The route's view, and the components inside it, read the value with
/// [`use_route_data`].
#[derive(Clone)]
pub struct Loader {
    pub(super) data: Rc<dyn Fn() -> Rc<dyn Any>>,
}

impl<F, T> From<F> for Loader
where
    F: Fn() -> T + 'static,
    T: Any,
{
    fn from(f: F) -> Self {
        Loader {
            data: Rc::new(move || Rc::new(f()) as Rc<dyn Any>),
        }
    }
}

/// The value the current route's loader (`<Route data=…>`) returned, or
/// `None` when the route has no loader or it returned another type than
/// `T`. Only the nearest route's loader counts: a nested route without
/// one reads `None`, not its parent's.
///
/// ```no_run
/// use larkspur::*;
/// use larkspur::router::*;
///
/// fn user_loader() -> Resource<String, String> {
///     let params = use_params_map();
///     let id = move || params.with(|p| p.get("id").cloned().unwrap_or_default());
///     create_local_resource(id, |id| async move { format!("user {id}") })
/// }
///
/// #[component]
/// fn User() -> impl IntoView {
///     let user = use_route_data::<Resource<String, String>>();
///     view! { <p>{move || user.and_then(|u| u.get())}</p> }
/// }
///
/// let _ = view! {
///     <Router>
///         <Routes>
///             <Route path="users/:id" view=User data=user_loader/>
///         </Routes>
///     </Router>
/// };
/// ```
pub fn use_route_data<T: Clone + 'static>() -> Option<T> {
    let route = use_context::<RouteContext>()?;
    route.data.as_ref()?.downcast_ref::<T>().cloned()
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
        assert!(active("/caf%C3%A9/menu", "/café", false));
        assert!(active(
            "/docs/getting%20started",
            "/docs/getting started",
            true
        ));
    }
}

#[cfg(test)]
mod resolve_tests {
    use super::RouteContext;
    use crate::router::location::RouteUrl;
    use larkspur_reactive::{create_memo, create_rw_signal};
    use std::rc::Rc;

    fn route(pattern: &str, pathname: &str) -> RouteContext {
        RouteContext {
            original_path: Rc::from(pattern),
            base: Rc::from(""),
            params: create_memo(|_| Default::default()),
            url: create_rw_signal(RouteUrl {
                pathname: pathname.to_string(),
                search: String::new(),
                hash: String::new(),
            }),
            data: None,
            below: None,
            view: None,
        }
    }

    #[test]
    fn the_matched_path_counts_the_patterns_segments() {
        assert_eq!(route("/users/:id", "/users/7/posts").path(), "/users/7");
        assert_eq!(route("/users/:id", "/users/").path(), "/users");
        assert_eq!(route("/users/:id", "/users//7/x").path(), "/users//7");
        assert_eq!(route("/files/*rest", "/files/a/b/").path(), "/files");
        assert_eq!(route("/*any", "/a/b").path(), "/");
        assert_eq!(route("/", "/anything").path(), "/");
    }

    #[test]
    fn an_absent_optional_parameter_takes_no_segment() {
        let mut params = crate::router::ParamsMap::new();
        params.insert("page".into(), "intro".into());
        let r = RouteContext {
            original_path: Rc::from("/:lang?/docs"),
            base: Rc::from(""),
            params: create_memo(move |_| params.clone()),
            url: create_rw_signal(RouteUrl {
                pathname: "/docs/intro".to_string(),
                search: String::new(),
                hash: String::new(),
            }),
            data: None,
            below: None,
            view: None,
        };
        assert_eq!(r.path(), "/docs");
        assert_eq!(r.resolve_path("setup").as_deref(), Some("/docs/setup"));
    }

    #[test]
    fn the_matched_path_includes_the_routes_base() {
        let mut r = route("/users/:id", "/app/users/7/posts");
        r.base = Rc::from("/app");
        assert_eq!(r.path(), "/app/users/7");
        assert_eq!(r.resolve_path("edit").as_deref(), Some("/app/users/7/edit"));
        assert_eq!(r.resolve_path("../8").as_deref(), Some("/app/users/8"));
        let mut root = route("/", "/app/x");
        root.base = Rc::from("/app/");
        assert_eq!(root.path(), "/app");
    }

    #[test]
    fn links_resolve_against_the_matched_path() {
        let r = route("/contacts/:name", "/contacts/alice/notes");
        let resolve = |to: &str| r.resolve_path(to);
        assert_eq!(resolve("edit").as_deref(), Some("/contacts/alice/edit"));
        assert_eq!(resolve("../bob").as_deref(), Some("/contacts/bob"));
        assert_eq!(resolve("").as_deref(), Some("/contacts/alice"));
        assert_eq!(resolve("/x/./y").as_deref(), Some("/x/y"));
        assert_eq!(
            resolve("?tab=2").as_deref(),
            Some("/contacts/alice/notes?tab=2")
        );
        assert_eq!(resolve("//evil.example").as_deref(), Some("/evil.example"));
        assert_eq!(resolve("HTTPS://example.com"), None);
        assert_eq!(resolve("http://example.com/a"), None);
        // Not a URL of another site: a path in the app.
        assert_eq!(
            resolve("javascript:alert(1)").as_deref(),
            Some("/contacts/alice/javascript:alert(1)")
        );
    }
}
