//! The router's state: the current URL as signals, navigation, and the hooks
//! that read them (`use_location`, `use_navigate`, `use_params`, ...).

use larkspur_reactive::__signal_traits::*;
use std::rc::Rc;

use larkspur_reactive::{
    borrow_state, borrow_state_mut, create_memo, create_rw_signal, store_value, Memo, ReadSignal,
    RwSignal, StoredValue,
};
use wasm_bindgen::JsValue;

use super::path::{Params, ParamsError, ParamsMap};
use crate::dom::history;

/// How the URL maps to routes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum RouterMode {
    /// Real paths (`/users/7`) with the History API. Needs a host that
    /// serves `index.html` for unknown paths; on GitHub Pages the release
    /// build's `404.html` copy does that.
    #[default]
    History,
    /// Paths in the fragment (`#/users/7`): works on any static host.
    Hash,
}

/// The URL the router renders, with the base path removed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct RouteUrl {
    pub pathname: String,
    pub search: String,
    pub hash: String,
}

/// The router's shared state, provided by [`Router`](super::Router) and
/// returned by [`use_router`] (Leptos 0.6's `RouterContext`).
#[derive(Clone, Copy)]
pub struct RouterContext {
    pub(crate) url: RwSignal<RouteUrl>,
    /// The history entry's state (`history.state`).
    pub(crate) state: RwSignal<State>,
    pub(crate) base: RwSignal<String>,
    pub(crate) mode: RouterMode,
    /// Whether the navigation in progress is a back/forward one (animated
    /// routes play their `_back` classes): set on popstate, cleared by
    /// every navigation the app makes.
    pub(crate) back: RwSignal<bool>,
    /// The branches of the last `<Routes>` rendered, and its `base`, for
    /// [`possible_branches`](Self::possible_branches).
    #[allow(clippy::type_complexity)]
    pub(super) branches: StoredValue<Option<(Rc<Vec<super::routes::RouteBranch>>, Rc<str>)>>,
    /// Whether a `<Routes base>` repeats the router's base (see
    /// [`app_path`](Self::app_path)); a signal, as links rendered before the
    /// `<Routes>` follow it.
    pub(super) carries_base: RwSignal<bool>,
    /// The integration provided above the router, if any (see
    /// [`RouterIntegrationContext`](super::RouterIntegrationContext)).
    pub(super) integration: Option<(
        StoredValue<Rc<dyn super::History>>,
        super::integration::Navigate,
    )>,
    /// What [`use_location`] returns, made on its first call, under the
    /// router's owner (so an app that never asks links none of it).
    pub(crate) location: StoredValue<Option<Location>>,
    /// The owner the router was made under.
    pub(crate) owner: Option<larkspur_reactive::Owner>,
}

impl std::fmt::Debug for RouterContext {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RouterContext")
            .field("mode", &self.mode)
            .finish_non_exhaustive()
    }
}

impl RouterContext {
    /// Reads the browser's location into a router [`RouteUrl`].
    pub(crate) fn read_browser_url(base: &str, mode: RouterMode) -> RouteUrl {
        let (pathname, search, hash) = history::location();
        match mode {
            RouterMode::History => RouteUrl {
                pathname: strip_base(&pathname, base).unwrap_or(pathname),
                search,
                hash,
            },
            RouterMode::Hash => split_url(hash.trim_start_matches('#')),
        }
    }

    /// Navigates to `to` (a path inside the app, e.g. `/users/7?tab=posts`).
    pub(crate) fn navigate(&self, to: &str, options: &NavigateOptions) {
        self.go(to, options, false);
    }

    /// [`navigate`](Self::navigate); `rendered`: one that rendering made,
    /// counted against a redirect loop if it moves the URL (see
    /// [`navigate_rendered`](Self::navigate_rendered)).
    fn go(&self, to: &str, options: &NavigateOptions, rendered: bool) {
        // A navigation that outlived its `<Router>` (a timer or a future
        // holding `use_navigate()` after the router's branch was removed)
        // has nowhere to go.
        let resolve = options.resolve || to.starts_with(['/', '?', '#']);
        // One read of the URL (pure Rust inside: no JS call under the
        // signal's borrow).
        let read = self.url.try_with_untracked(|u| {
            // Not resolved: a bare relative path is taken from the root
            // (cleaned as a resolved one is: `\`, tabs, newlines).
            let target = resolve_against(if resolve { &u.pathname } else { "/" }, to);
            // Already there (path, query and fragment alike, compared as
            // the browser keeps them: `/café` is at `/caf%C3%A9`; an
            // integration keeps what it was given)?
            let mut shown = String::with_capacity(target.len() * 3);
            shown.push_str(&u.pathname);
            shown.push_str(&u.search);
            shown.push_str(&u.hash);
            let here = target == shown
                || (self.integration.is_none()
                    && same_url(&target, &shown, self.mode == RouterMode::Hash));
            (target, here)
        });
        let Some((target, here)) = read else {
            super::path::debug_warn("navigate: the <Router> it belongs to is gone; ignored");
            return;
        };
        // Already there, with the same state: nothing to do, as in Leptos
        // 0.6 (a "Home" link on the home page adds no history entry for
        // Back to step through).
        if here && self.state.with_untracked(|s| *s == options.state) {
            return;
        }
        if rendered && !self.chain_allowed() {
            return;
        }
        let base = self.base.get_untracked();
        if let Some((integration, navigate)) = self.integration {
            navigate(self, integration, &base, target, options);
            return;
        }
        let state = options.state.to_js_value();
        match self.mode {
            RouterMode::History => {
                history::push_url(&format!("{base}{target}"), options.replace, &state)
            }
            RouterMode::Hash => {
                // Absolute: a bare `#…` resolves against `<base href>`, not
                // against this document's path and query.
                let (path, search, _) = history::location();
                history::push_url(&format!("{path}{search}#{target}"), options.replace, &state)
            }
        }
        // The URL as the browser made it (percent-encoded: `/caf%C3%A9`),
        // the form a click, a reload or Back reads too, so one page has one
        // `pathname` however the user got there.
        let url = Self::read_browser_url(&base, self.mode);
        // One update: effects never see the new state with the old URL.
        larkspur_reactive::batch(|| {
            self.back.set(false);
            self.state.set(options.state.clone());
            self.url.set(url);
        });
        if options.scroll {
            let fragment = self.url.with_untracked(|u| u.hash.clone());
            scroll_to_fragment_or_top(&fragment);
        }
    }

    /// `to`, a target the app wrote (a link's `href`, a `navigate`
    /// argument, a form's `action`, a redirect), as a path inside the app.
    /// Only where a `<Routes base>` repeats the router's base (a Leptos 0.6
    /// app served under `/app` that writes `/app/x` in its links): there
    /// an absolute target that starts with the base loses it, so it is not
    /// added twice. Elsewhere, and for paths the router made itself, `to`
    /// is already inside the app.
    pub(crate) fn app_path<'a>(&self, to: &'a str) -> std::borrow::Cow<'a, str> {
        if self.carries_base.try_get().unwrap_or(false) {
            within_base(to, &self.base.get_untracked())
        } else {
            to.into()
        }
    }

    /// The `href` to render for an app path already resolved.
    pub(crate) fn href_of_path(&self, target: &str) -> String {
        match self.mode {
            RouterMode::History => format!("{}{}", self.base.get_untracked(), target),
            RouterMode::Hash => format!("#{target}"),
        }
    }
}

/// Whether `url`, an app URL as written (resolved and cleaned), is `shown`,
/// the same URL as the browser keeps it: each byte the URL parser
/// percent-encodes in its part of the URL (controls, space, `"`, `<`, `>`
/// and non-ASCII everywhere; `` ` ``, `{`, `}` in the path; `'` in the
/// query; `` ` `` in the fragment) must be there as `%XX`, every other
/// byte as itself. Escapes already in `url` are kept, as the browser keeps
/// them. In `hash` mode the whole app URL is the document's fragment, and
/// is encoded as one.
fn same_url(url: &str, shown: &str, hash: bool) -> bool {
    let mut shown = shown.bytes();
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    // 0: path, 1: query, 2: fragment.
    let mut part = if hash { 2 } else { 0u8 };
    for c in url.bytes() {
        match c {
            b'?' if part == 0 => part = 1,
            b'#' if part < 2 => part = 2,
            _ => {}
        }
        let encoded = c <= b' '
            || c >= 0x7f
            || matches!(c, b'"' | b'<' | b'>')
            || (c == b'`' && part != 1)
            || (matches!(c, b'{' | b'}') && part == 0)
            || (c == b'\'' && part == 1);
        let same = if encoded {
            shown.next() == Some(b'%')
                && shown.next() == HEX.get(usize::from(c >> 4)).copied()
                && shown.next() == HEX.get(usize::from(c & 15)).copied()
        } else {
            shown.next() == Some(c)
        };
        if !same {
            return false;
        }
    }
    shown.next().is_none()
}

/// `/a/b?x#y` → (`/a/b`, `?x#y`): the path, and the query and fragment.
#[inline(never)]
fn split_path(url: &str) -> (&str, &str) {
    let cut = url.find(['?', '#']).unwrap_or(url.len());
    url.split_at_checked(cut).unwrap_or((url, ""))
}

/// Resolves `to` against the current app path `current`: absolute paths
/// stand alone, `?…`/`#…` keep the current path, anything else is relative
/// to the current path's directory. The result is normalised.
pub(crate) fn resolve_against(current: &str, to: &str) -> String {
    // Browsers read `\` as `/` in the path of an http(s) URL (not in its
    // query or fragment); so do we, before deciding whether the path is
    // absolute. The URL parser also trims leading and trailing C0
    // controls and spaces and drops every tab and newline, so
    // `/\t/evil.example` is `//evil.example` to the browser: cleaned
    // first, or the slashes they separate would escape `normalize_path`.
    let to = clean_url_text(to);
    let joined = if to.starts_with('/') {
        to
    } else if to.is_empty() || to.starts_with('?') || to.starts_with('#') {
        format!("{current}{to}")
    } else {
        let dir = current.rsplit_once('/').map(|(d, _)| d).unwrap_or("");
        format!("{dir}/{to}")
    };
    normalize_path(&joined)
}

/// `to` as the URL parser reads it: leading and trailing C0 controls and
/// spaces trimmed, tabs and newlines removed, and `\` read as `/` in the
/// path (not in the query or fragment). One pass over the bytes.
fn clean_url_text(to: &str) -> String {
    let start = to.bytes().position(|b| b > b' ').unwrap_or(to.len());
    let end = to.bytes().rposition(|b| b > b' ').map_or(start, |e| e + 1);
    let mut out = to.as_bytes().get(start..end).unwrap_or_default().to_vec();
    let mut in_path = true;
    out.retain_mut(|b| match *b {
        b'\t' | b'\n' | b'\r' => false,
        b'\\' if in_path => {
            *b = b'/';
            true
        }
        _ => {
            in_path &= *b != b'?' && *b != b'#';
            true
        }
    });
    debug_assert!(std::str::from_utf8(&out).is_ok());
    // SAFETY: `out` is the bytes of `to` (a `str`, so UTF-8) between two
    // cuts made before and after ASCII bytes (`position`/`rposition` stop
    // at bytes above `' '` and past the last one, so never inside a
    // multi-byte character), with only ASCII bytes dropped (tab, LF, CR)
    // or replaced by ASCII (`\\` by `/`). A UTF-8 sequence's bytes are all
    // non-ASCII, so every character is kept whole: still UTF-8.
    // (`String::from_utf8` would link its validator into every router app
    // for nothing: +0.6 KB in the starter.) `clean_url_text_keeps_utf8`
    // checks multi-byte text around every rule.
    unsafe { String::from_utf8_unchecked(out) }
}

/// Normalises the path part of an app URL the way the browser does when it
/// shows it: `.` segments vanish, `..` removes the segment before it (never
/// climbing above the root), and runs of slashes collapse to one — so
/// `//evil.example/x` or `/\evil.example` stay paths inside the app instead
/// of becoming a network-path reference to another host (an open redirect
/// when the href comes from user data). The query and fragment are kept as
/// they are. A trailing slash is kept.
pub(crate) fn normalize_path(url: &str) -> String {
    let (path, rest) = split_path(url);
    let mut out: Vec<&str> = Vec::new();
    let segments: Vec<&str> = path.split('/').collect();
    let last = segments.len().saturating_sub(1);
    let mut trailing = false;
    for (i, seg) in segments.iter().enumerate() {
        match *seg {
            "" => trailing = i == last && i > 0,
            "." | "%2e" | "%2E" => trailing = i == last,
            ".." | ".%2e" | ".%2E" | "%2e." | "%2E." | "%2e%2e" | "%2E%2E" | "%2e%2E"
            | "%2E%2e" => {
                out.pop();
                trailing = i == last;
            }
            s => {
                out.push(s);
                trailing = false;
            }
        }
    }
    let mut result = String::with_capacity(url.len());
    for seg in &out {
        result.push('/');
        result.push_str(seg);
    }
    if result.is_empty() || (trailing && !out.is_empty()) {
        result.push('/');
    }
    result.push_str(rest);
    result
}

/// Removes the base path from a browser path: `/repo/users` → `/users`.
/// `to` as a path inside the app: an absolute path that already starts
/// with the router's base (`/app/x` under `/app`, as a Leptos 0.6 app
/// served under `/app` writes its links) loses it, so the base is not
/// added twice; anything else is returned as it is.
pub(crate) fn within_base<'a>(to: &'a str, base: &str) -> std::borrow::Cow<'a, str> {
    if base.is_empty() {
        return to.into();
    }
    match strip_base_of_url(to, base) {
        Some(inside) => inside.into(),
        None => to.into(),
    }
}

/// [`strip_base`] for a path that may carry a query or a fragment: `/app?q=1`
/// under the base `/app` is the root with a query, `/?q=1`.
pub(crate) fn strip_base_of_url(url: &str, base: &str) -> Option<String> {
    let (path, rest) = split_path(url);
    strip_base(path, base).map(|inside| inside + rest)
}

pub(crate) fn strip_base(path: &str, base: &str) -> Option<String> {
    if base.is_empty() {
        return Some(if path.is_empty() {
            "/".into()
        } else {
            path.to_string()
        });
    }
    let rest = path.strip_prefix(base)?;
    if rest.is_empty() {
        Some("/".into())
    } else if rest.starts_with('/') {
        Some(rest.to_string())
    } else {
        None
    }
}

/// After a navigation: scrolls to the element the fragment names
/// (`/docs#install` → `id="install"`, percent-decoded), as a page load
/// does, once the new route has rendered; to the top when there is no
/// fragment or no such element (yet: a route that renders later).
pub(super) fn scroll_to_fragment_or_top(hash: &str) {
    let id = super::path::decode(hash.strip_prefix('#').unwrap_or(""), false);
    if !id.is_empty() {
        if let Some(el) = crate::dom::document().get_element_by_id(&id) {
            el.scroll_into_view();
            return;
        }
        // Not rendered yet: a navigation from inside a flush (an effect, a
        // `<Redirect>`) renders the new route when the flush goes on, after
        // this returns. Look again once it is over.
        crate::dom::helpers::queue_microtask(move || {
            if let Some(el) = crate::dom::document().get_element_by_id(&id) {
                el.scroll_into_view();
            }
        });
    }
    history::scroll_to_top();
}

/// Splits `/path?query#hash` into its parts.
pub(crate) fn split_url(url: &str) -> RouteUrl {
    let (rest, hash) = match url.find('#') {
        Some(i) => (&url[..i], url[i..].to_string()),
        None => (url, String::new()),
    };
    let (path, search) = match rest.find('?') {
        Some(i) => (&rest[..i], rest[i..].to_string()),
        None => (rest, String::new()),
    };
    let pathname = if path.starts_with('/') {
        path.to_string()
    } else {
        format!("/{path}")
    };
    RouteUrl {
        pathname,
        search,
        hash,
    }
}

impl RouterContext {
    /// The current path (without the base path), as a memo.
    ///
    /// ```no_run
    /// use larkspur::*;
    /// use larkspur::router::*;
    /// # let _ = view! { <Router><Probe/></Router> };
    /// #[component]
    /// fn Probe() -> impl IntoView {
    ///     let path = use_router().pathname();
    ///     view! { <p>{move || path.get()}</p> }
    /// }
    /// ```
    pub fn pathname(&self) -> larkspur_reactive::Memo<String> {
        let url = self.url;
        create_memo(move |_| url.with(|u| u.pathname.clone()))
    }

    /// The root route's context (what [`use_route`](super::use_route)
    /// gives outside any route).
    pub fn base(&self) -> super::RouteContext {
        super::route_context::root_route(*self)
    }

    /// Every route the last rendered [`Routes`](super::Routes) can match,
    /// in the order it tries them: for debugging a route table. Empty
    /// before a `<Routes>` has rendered.
    ///
    /// ```no_run
    /// use larkspur::*;
    /// use larkspur::router::*;
    ///
    /// #[component]
    /// fn RouteList() -> impl IntoView {
    ///     let router = use_router();
    ///     let patterns = move || {
    ///         router
    ///             .possible_branches()
    ///             .iter()
    ///             .filter_map(|b| b.routes.last().map(|r| r.pattern.clone()))
    ///             .collect::<Vec<_>>()
    ///             .join(", ")
    ///     };
    ///     view! { <p>{patterns}</p> }
    /// }
    /// ```
    pub fn possible_branches(&self) -> Vec<super::Branch> {
        self.branches
            .try_with_value(|b| {
                b.as_ref()
                    .map(|(branches, base)| super::routes::describe_branches(branches, base))
            })
            .flatten()
            .unwrap_or_default()
    }
}

/// The [`Router`](super::Router)'s state (Leptos 0.6's `use_router`).
///
/// # Panics
///
/// Outside a `<Router>`, with a message that says so.
pub fn use_router() -> RouterContext {
    match larkspur_reactive::use_context::<RouterContext>() {
        Some(router) => router,
        None => panic!(
            "router hooks and <Routes>, <A>, <Outlet> must be used inside <Router> \
             (no router found in this component's owner chain)"
        ),
    }
}

/// Why a navigation could not happen (Leptos 0.6's `NavigationError`).
///
/// ```
/// use larkspur::router::NavigationError;
/// let err = NavigationError::NotRoutable("mailto:a@b.c".into());
/// assert_eq!(err.to_string(), r#"path "mailto:a@b.c" is not routable"#);
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NavigationError {
    /// The path is not one the router can go to.
    NotRoutable(String),
    /// Redirects went on too long (a redirect loop).
    MaxRedirects,
}

impl std::fmt::Display for NavigationError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            NavigationError::NotRoutable(path) => write!(f, "path {path:?} is not routable"),
            NavigationError::MaxRedirects => f.write_str("too many redirects"),
        }
    }
}

impl std::error::Error for NavigationError {}

/// Options for [`use_navigate`].
#[derive(Clone, Debug)]
pub struct NavigateOptions {
    /// Resolve a relative path against the current location (`true`, the
    /// default: `edit` on `/users/7` goes to `/users/edit`, as a link's
    /// `href` would). With `false` a bare relative path is taken from the
    /// root (`edit` goes to `/edit`). `?…` and `#…` stay on the current
    /// path either way.
    pub resolve: bool,
    /// Replace the current history entry instead of pushing a new one.
    pub replace: bool,
    /// Scroll to the top of the page after navigating.
    pub scroll: bool,
    /// The new history entry's state: [`Location::state`] reads it, also
    /// after back and forward.
    pub state: State,
}

impl Default for NavigateOptions {
    fn default() -> Self {
        Self {
            resolve: true,
            replace: false,
            scroll: true,
            state: State(None),
        }
    }
}

/// The state of a history entry (`history.state`): any JavaScript value,
/// kept by the browser with the entry. Set it with
/// [`NavigateOptions::state`] or `A`'s `state` prop; read it with
/// [`Location::state`].
///
/// ```no_run
/// use larkspur::router::*;
/// let navigate = use_navigate();
/// navigate("/basket", NavigateOptions { state: State::from("from-offer"), ..Default::default() });
/// let came_from = use_location().state.get_untracked().to_js_value().as_string();
/// # use larkspur::SignalGetUntracked;
/// ```
#[derive(Clone, Debug, Default, PartialEq)]
pub struct State(pub Option<JsValue>);

impl State {
    /// The current history entry's state.
    pub(crate) fn read_browser() -> State {
        let state = history::state();
        State((!state.is_null() && !state.is_undefined()).then_some(state))
    }

    /// The value, `null` for none.
    pub fn to_js_value(&self) -> JsValue {
        self.0.clone().unwrap_or(JsValue::NULL)
    }
}

impl<T: Into<JsValue>> From<T> for State {
    fn from(value: T) -> Self {
        State(Some(value.into()))
    }
}

/// The current location, as memos. Two `Location`s are equal when they are
/// the same memos (as in Leptos 0.6).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Location {
    /// The path inside the app, without the base path (`/users/7`).
    pub pathname: Memo<String>,
    /// The query string without its `?` (`tab=posts&q=a`), or empty, as
    /// in Leptos 0.6.
    pub search: Memo<String>,
    /// The fragment including `#`, or empty.
    pub hash: Memo<String>,
    /// The parsed query string.
    pub query: Memo<ParamsMap>,
    /// The history entry's state (see [`State`]).
    pub state: ReadSignal<State>,
}

/// The current location.
///
/// # Example
///
/// ```no_run
/// use larkspur::*;
/// use larkspur::router::*;
///
/// #[component]
/// fn Where() -> impl IntoView {
///     let location = use_location();
///     view! { <p>{move || location.pathname.get()}</p> }
/// }
/// ```
pub fn use_location() -> Location {
    let router = use_router();
    if let Some(location) = router.location.get_value() {
        return location;
    }
    // A router made with no owner gets no shared `Location`: one made here
    // would belong to this caller's scope and die with it.
    let Some(owner) = router.owner else {
        return new_location(router.url, router.state);
    };
    let location = owner.with(|| new_location(router.url, router.state));
    router.location.set_value(Some(location));
    location
}

/// The router's [`Location`], made once with the router (every
/// `use_location()` returns the same memos, as in Leptos 0.6).
fn new_location(url: RwSignal<RouteUrl>, state: RwSignal<State>) -> Location {
    let search = create_memo(move |_| {
        url.with(|u| u.search.strip_prefix('?').unwrap_or(&u.search).to_string())
    });
    Location {
        pathname: create_memo(move |_| url.with(|u| u.pathname.clone())),
        search,
        hash: create_memo(move |_| url.with(|u| u.hash.clone())),
        // Follows `search`, so a change of path alone does not touch it.
        query: create_memo(move |_| search.with(|s| ParamsMap::from_query(s))),
        state: state.read_only(),
    }
}

/// A function that navigates to a path inside the app.
///
/// # Example
///
/// ```no_run
/// use larkspur::*;
/// use larkspur::router::*;
///
/// #[component]
/// fn GoHome() -> impl IntoView {
///     let navigate = use_navigate();
///     view! { <button on:click=move |_| navigate("/", Default::default())>"Home"</button> }
/// }
/// ```
///
/// Called from an `on:` handler, the navigation happens when the event's
/// handlers have run (before `click()` returns), and for a click after
/// the router has followed a link the click was on, so the handler's
/// navigation is the last (as in Leptos 0.6, which navigates in the next
/// animation frame). Called from an effect (`create_effect`, `watch`),
/// also through an event the effect dispatches (`button.click()`), or
/// from a component's body built inside an effect's run (a route's view:
/// a route guard), in a microtask after the current run. Until then the code after the call still runs on the
/// page being left, whose signals a navigation at once would dispose
/// under it (`navigate("/done", …); busy.get()` in a route's click
/// handler). Called from anywhere else (a component mounted outside any
/// run, a timer, a spawned future, a test) it happens at once.
pub fn use_navigate() -> impl Fn(&str, NavigateOptions) + Clone {
    let router = use_router();
    // What the end of a handler dispatch and of a link click run is
    // installed at the first navigation (`navigate_when_safe`), so it is
    // linked only into apps that navigate from code.
    move |to: &str, options: NavigateOptions| {
        navigate_when_safe(router, router.app_path(to).into_owned(), options);
    }
}

/// Navigates as [`use_navigate`] describes: once the handlers of the event
/// being dispatched have run, after the memo's or effect's run in progress
/// (see [`in_run`]), or else at once. (Also a GET `<Form>`'s submission, whose own
/// `on:submit` handlers run on the page being left first.)
pub(crate) fn navigate_when_safe(router: RouterContext, to: String, options: NavigateOptions) {
    if !NAVIGATE_USED.with(|u| u.replace(true)) {
        AT_DISPATCH_END.with(|a| a.set(Some(dispatch_ended)));
        AFTER_LINK_CLICK.with(|a| a.set(Some(after_link_click)));
    }
    let in_handler = live_dispatches().0 > 0;
    if in_handler || in_run() {
        defer_navigation(
            in_handler,
            Box::new(move || {
                // A router disposed meanwhile (the handler unmounted the
                // app) has nowhere to go.
                if router.url.try_with_untracked(|_| ()).is_none() {
                    return;
                }
                if in_handler {
                    router.navigate(&to, &options);
                } else {
                    router.navigate_rendered(&to, &options);
                }
            }),
        );
    } else {
        router.navigate(&to, &options);
    }
}

/// A navigation asked for inside a handler (`true`) or an effect.
type Deferred = (bool, Box<dyn FnOnce()>);

/// How many navigations rendering may make (a `<Redirect>`, a guard's
/// `navigate` in a component or an effect) before the browser runs a task
/// of its own: far more than any chain of redirects, and fewer than the
/// history calls browsers allow in a burst (Safari: 100 in 30 s), so a
/// redirect loop ends here rather than in a hang or a throttled History
/// API that stops every later navigation.
const MAX_CHAINED: u32 = 32;

impl RouterContext {
    /// [`navigate`](Self::navigate) for one that rendering made (a
    /// `<Redirect>`, a navigation an effect or a component asked for):
    /// counted, if it moves the URL, against [`MAX_CHAINED`].
    pub(crate) fn navigate_rendered(&self, to: &str, options: &NavigateOptions) {
        self.go(to, options, true);
    }

    /// Whether rendering may move this router's URL once more now (see
    /// [`MAX_CHAINED`]). The count is this router's (forty embedded apps
    /// each redirecting once are no loop) and goes back to zero when the
    /// browser next runs a task: a loop of redirects runs from one flush
    /// of effects or one microtask to the next without giving it control.
    #[inline(never)]
    fn chain_allowed(&self) -> bool {
        let (last, n) = CHAINED.with(std::cell::Cell::get);
        let n = if last == Some(self.url) { n } else { 0 };
        #[cfg(target_arch = "wasm32")]
        if n == 0 {
            gloo_timers::callback::Timeout::new(0, || CHAINED.with(|c| c.set((None, 0)))).forget();
        }
        CHAINED.with(|c| c.set((Some(self.url), n.saturating_add(1))));
        if n < MAX_CHAINED {
            return true;
        }
        if n == MAX_CHAINED {
            crate::dom::console_error("larkspur: redirect loop? navigation refused");
        }
        false
    }
}

thread_local! {
    /// The deferred navigations, in call order.
    static DEFERRED: std::cell::RefCell<Vec<Deferred>> = const { std::cell::RefCell::new(Vec::new()) };
    /// How many dispatches of handlers run now (nested when a handler
    /// dispatches an event), and `larkspur_reactive::recoveries()` when the
    /// outermost began: a count from before the latest recovery counts
    /// dispatches a panic abandoned, which never end.
    static DISPATCHES: std::cell::Cell<(u32, u32)> = const { std::cell::Cell::new((0, 0)) };
    /// The routers' link listeners on the `window` now.
    static LINK_LISTENERS: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
    /// Whether a navigation from code was asked for yet.
    static NAVIGATE_USED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    /// The router whose URL rendering moved last, and how many times in a
    /// row since the browser last ran a task (see
    /// `RouterContext::chain_allowed`).
    static CHAINED: std::cell::Cell<(Option<larkspur_reactive::RwSignal<RouteUrl>>, u32)> =
        const { std::cell::Cell::new((None, 0)) };

    /// What the end of an outermost handler dispatch runs, once
    /// `use_navigate()` was called.
    static AT_DISPATCH_END: std::cell::Cell<Option<fn(&web_sys::Event)>> = const { std::cell::Cell::new(None) };
    /// What a router's link listener runs after a click, once
    /// `use_navigate()` was called.
    static AFTER_LINK_CLICK: std::cell::Cell<Option<fn()>> = const { std::cell::Cell::new(None) };
}

/// The dispatches running now, counting none a panic abandoned.
fn live_dispatches() -> (u32, u32) {
    let (depth, epoch) = DISPATCHES.with(std::cell::Cell::get);
    let now = larkspur_reactive::recoveries();
    (if epoch == now { depth } else { 0 }, now)
}

/// Whether a memo's or effect's run is in progress around the code running
/// now: an effect's body, or a component body built inside a render
/// effect's run (a route's view, built in its outlet's). A navigation
/// there waits for a microtask: at once, it would write the URL inside the
/// outlet's own run, which does not re-run it (a guard's
/// `navigate("/login")` moved the address bar and left the page). A
/// component mounted outside any run, a handler, a timer or a future
/// (also one polled under an owner) is not in one.
fn in_run() -> bool {
    larkspur_reactive::Owner::in_running_computation()
}

/// Counts the dispatches of `on:` handlers from now on: what
/// [`use_navigate`] needs to tell a handler's navigation from others.
/// Installed by every `<Router>`, before any handler of its app can run, so
/// a dispatch in which the app first calls `use_navigate()` is counted too.
pub(crate) fn count_handler_dispatches() {
    crate::dom::events::around_dispatch(count_dispatch);
}

/// Runs one dispatch of handlers (see `events::around_dispatch`), counted.
fn count_dispatch(ev: &web_sys::Event, f: &mut dyn FnMut()) {
    let (depth, epoch) = live_dispatches();
    DISPATCHES.with(|d| d.set((depth + 1, epoch)));
    f();
    let (depth, epoch) = live_dispatches();
    let depth = depth.saturating_sub(1);
    DISPATCHES.with(|d| d.set((depth, epoch)));
    if depth == 0 {
        if let Some(ended) = AT_DISPATCH_END.with(std::cell::Cell::get) {
            ended(ev);
        }
    }
}

/// The end of an outermost dispatch of handlers: the navigations they
/// asked for. Not inside an effect (which dispatched the event itself:
/// they wait for the microtask that runs an effect's), and not for a click
/// a router's link listener is still to see: it runs them when it has
/// followed the link ([`after_link_click`]).
fn dispatch_ended(ev: &web_sys::Event) {
    if in_run() {
        return;
    }
    let pending = DEFERRED.with(|d| borrow_state(d).iter().any(|(in_handler, _)| *in_handler));
    if pending && LINK_LISTENERS.with(std::cell::Cell::get) > 0 && ev.type_() == "click" {
        return;
    }
    run_deferred(true);
}

/// Called by a router's link listener after each click it sees (on the
/// `window`, after the delegated handlers): the navigations the click's
/// handlers asked for, now that the router has followed the link. Does
/// nothing until the app first calls `use_navigate()`.
pub(crate) fn link_click_seen() {
    if let Some(after) = AFTER_LINK_CLICK.with(std::cell::Cell::get) {
        after();
    }
}

fn after_link_click() {
    if live_dispatches().0 == 0 && !in_run() {
        run_deferred(true);
    }
}

/// A router's link listener was added (`1`) or removed (`-1`).
pub(crate) fn count_link_listener(delta: i32) {
    LINK_LISTENERS.with(|n| n.set(n.get().saturating_add_signed(delta)));
}

fn defer_navigation(in_handler: bool, go: Box<dyn FnOnce()>) {
    DEFERRED.with(|d| borrow_state_mut(d).push((in_handler, go)));
    // An effect's, and a handler's whose dispatch a panic abandoned.
    larkspur_reactive::queue_microtask(|| run_deferred(false));
}

/// Runs the deferred navigations: at the end of a dispatch (`handlers`)
/// those handlers asked for, in a microtask all of them; in order, also
/// those they ask for in turn.
fn run_deferred(handlers: bool) {
    loop {
        let now: Vec<_> = DEFERRED.with(|d| {
            let mut d = borrow_state_mut(d);
            let (now, later) = std::mem::take(&mut *d)
                .into_iter()
                .partition(|(in_handler, _)| *in_handler || !handlers);
            *d = later;
            now
        });
        if now.is_empty() {
            return;
        }
        for (_, go) in now {
            go();
        }
    }
}

/// The parameters captured by the matched route (`:id`, `*rest`).
pub fn use_params_map() -> Memo<ParamsMap> {
    match larkspur_reactive::use_context::<super::routes::RouteParams>() {
        Some(params) => params.0,
        None => {
            let _ = use_router();
            create_memo(|_| ParamsMap::new())
        }
    }
}

/// The matched route's parameters read as a typed value; a parameter that
/// is missing or does not parse is an `Err` naming it.
pub fn use_params<T: Params + PartialEq + 'static>() -> Memo<Result<T, ParamsError>> {
    let map = use_params_map();
    create_memo(move |_| map.with(T::from_map))
}

/// The parsed query string. The text is parsed on the first read of each
/// new query, not on every navigation (see [`ParamsMap::from_query`]).
pub fn use_query_map() -> Memo<ParamsMap> {
    let url = use_router().url;
    create_memo(move |_| url.with(|u| ParamsMap::from_query(&u.search)))
}

/// The query string read as a typed value.
pub fn use_query<T: Params + PartialEq + 'static>() -> Memo<Result<T, ParamsError>> {
    let map = use_query_map();
    create_memo(move |_| map.with(T::from_map))
}

/// The router's state, from the browser's location.
pub(crate) fn new_router(base: String, mode: RouterMode) -> RouterContext {
    let url = RouterContext::read_browser_url(&base, mode);
    router_at(url, State::read_browser(), base, mode)
}

/// The router's state at `url`.
pub(super) fn router_at(
    url: RouteUrl,
    state: State,
    base: String,
    mode: RouterMode,
) -> RouterContext {
    let url = create_rw_signal(url);
    let state = create_rw_signal(state);
    RouterContext {
        url,
        state,
        base: create_rw_signal(base),
        mode,
        back: create_rw_signal(false),
        branches: store_value(None),
        carries_base: create_rw_signal(false),
        integration: None,
        location: store_value(None),
        owner: larkspur_reactive::Owner::current_strict(),
    }
}

/// An integration's location (`/base/path?query#hash`) as a router URL.
pub(crate) fn url_of_location(base: &str, value: &str) -> RouteUrl {
    let mut url = split_url(value);
    if let Some(path) = strip_base(&url.pathname, base) {
        url.pathname = path;
    }
    url
}

#[cfg(test)]
mod tests {
    #[test]
    fn targets_that_carry_the_base_lose_it_once() {
        use super::within_base;
        assert_eq!(
            within_base("/app/x", "/app"),
            "/app/x".strip_prefix("/app").unwrap()
        );
        assert_eq!(within_base("/app", "/app"), "/");
        assert_eq!(within_base("/app?q=1", "/app"), "/?q=1");
        assert_eq!(within_base("/app/x#top", "/app"), "/x#top");
        assert_eq!(within_base("/apple", "/app"), "/apple");
        assert_eq!(within_base("/x", ""), "/x");
    }

    use super::*;

    #[test]
    fn base_stripping() {
        assert_eq!(
            strip_base("/repo/users", "/repo").as_deref(),
            Some("/users")
        );
        assert_eq!(strip_base("/repo", "/repo").as_deref(), Some("/"));
        assert_eq!(strip_base("/repository", "/repo"), None);
        assert_eq!(strip_base("/x", "").as_deref(), Some("/x"));
        assert_eq!(
            strip_base_of_url("/repo?tab=2", "/repo").as_deref(),
            Some("/?tab=2")
        );
        assert_eq!(
            strip_base_of_url("/repo#top", "/repo").as_deref(),
            Some("/#top")
        );
        assert_eq!(
            strip_base_of_url("/repo/a?b#c", "/repo").as_deref(),
            Some("/a?b#c")
        );
        assert_eq!(strip_base_of_url("/repository?x", "/repo"), None);
    }

    #[test]
    fn dot_segments_are_normalised() {
        assert_eq!(resolve_against("/users/7", "../settings"), "/settings");
        assert_eq!(resolve_against("/users/7", "./8"), "/users/8");
        assert_eq!(resolve_against("/users/7", "8"), "/users/8");
        assert_eq!(resolve_against("/a/b/c", "../../x?q=1#h"), "/x?q=1#h");
        assert_eq!(resolve_against("/a", "../../../x"), "/x");
        assert_eq!(resolve_against("/a/b", "/c/./d/../e/"), "/c/e/");
        assert_eq!(resolve_against("/a/b", "?tab=2"), "/a/b?tab=2");
        assert_eq!(resolve_against("/a/b", "/x/%2e%2e/y"), "/y");
        assert_eq!(resolve_against("/", ""), "/");
        // `..` in the query is data, not a path step.
        assert_eq!(resolve_against("/", "/a?next=../b"), "/a?next=../b");
    }

    #[test]
    fn network_path_references_stay_in_the_app() {
        assert_eq!(resolve_against("/", "//evil.example/x"), "/evil.example/x");
        assert_eq!(resolve_against("/", "/\\evil.example"), "/evil.example");
        assert_eq!(resolve_against("/", "\\\\evil.example"), "/evil.example");
        // Only the path: a `\` in the query or fragment is data.
        assert_eq!(
            resolve_against("/", "/open?path=C:\\Users\\me#a\\b"),
            "/open?path=C:\\Users\\me#a\\b"
        );
        assert_eq!(resolve_against("/a/b", "c\\d?x=\\"), "/a/c/d?x=\\");
        assert_eq!(resolve_against("/a", "///x//y"), "/x/y");
        // The URL parser drops tabs and newlines and trims C0 controls and
        // spaces: `/<tab>/evil.example` is `//evil.example` to the browser.
        assert_eq!(resolve_against("/", "/\t/evil.example"), "/evil.example");
        assert_eq!(
            resolve_against("/", " \t/\n/evil.example\r\n"),
            "/evil.example"
        );
        assert_eq!(resolve_against("/", "\t//evil.example"), "/evil.example");
        assert_eq!(resolve_against("/a/b", "\x01c\td\x1f"), "/a/cd");
    }

    #[test]
    fn same_url_compares_as_the_browser_encodes() {
        let same = |url: &str, shown: &str| same_url(url, shown, false);
        assert!(same("/a/b?x=1#y", "/a/b?x=1#y"));
        assert!(!same("/a/b?x=1#y", "/a/b?x=1"));
        assert!(!same("/a/b", "/a/b?"));
        assert!(!same("/a/c", "/a/b"));
        assert!(same("/café", "/caf%C3%A9"));
        assert!(!same("/café", "/caf%c3%a9x"));
        // Escapes the app wrote stay as they are.
        assert!(same("/caf%c3%a9", "/caf%c3%a9"));
        assert!(same("/a b?q=a b'#x y`", "/a%20b?q=a%20b%27#x%20y%60"));
        // `'` only in the query, `` ` `` and braces not in the query.
        assert!(same("/it's/{x}?`", "/it's/%7Bx%7D?`"));
        assert!(same("/?ü#ü", "/?%C3%BC#%C3%BC"));
        // The whole app URL in the fragment (hash mode): the fragment's set.
        assert!(same_url(
            "/it's/{x}?q='`#ü",
            "/it's/{x}?q='%60#%C3%BC",
            true
        ));
        assert!(!same_url("/{x}", "/%7Bx%7D", true));
        assert!(
            same(
                &resolve_against("/caf%C3%A9", "/café?q=a b"),
                "/caf%C3%A9?q=a%20b"
            ),
            "{}",
            resolve_against("/caf%C3%A9", "/café?q=a b")
        );
    }

    #[test]
    fn clean_url_text_keeps_utf8() {
        assert_eq!(
            clean_url_text(" \tcafé\\日本\n語?q=\\é#\\ü\r "),
            "café/日本語?q=\\é#\\ü"
        );
        assert_eq!(clean_url_text("\u{a0}é\u{a0}"), "\u{a0}é\u{a0}");
        assert_eq!(clean_url_text("\u{1}\u{2} "), "");
        assert_eq!(resolve_against("/ü/a", "ö\\ä"), "/ü/ö/ä");
    }

    #[test]
    fn url_splitting() {
        let u = split_url("/a/b?x=1#top");
        assert_eq!(
            (u.pathname.as_str(), u.search.as_str(), u.hash.as_str()),
            ("/a/b", "?x=1", "#top")
        );
        assert_eq!(split_url("").pathname, "/");
        assert_eq!(split_url("about").pathname, "/about");
    }
}
