//! Router integrations, as in Leptos 0.6: a [`History`] tells the
//! [`Router`](super::Router) where it is and carries out its navigations.
//!
//! Without one, the router reads and writes the browser's location itself
//! (in history or hash mode, see [`RouterMode`](super::RouterMode)), which
//! is what an app normally wants. 0.6 apps that route some other way (a
//! hand-written hash integration, a test double) provide a
//! [`RouterIntegrationContext`] above the `<Router>`, and it is used.

use larkspur_reactive::__signal_traits::*;
use std::rc::Rc;

use larkspur_reactive::{
    create_render_effect, create_signal, on_cleanup, store_value, ReadSignal, StoredValue,
};

use super::location::{router_at, split_url, url_of_location, RouterContext};
use super::{NavigateOptions, RouterMode, State};
use crate::dom::history;

/// Where the router is, and how it navigates (Leptos 0.6's `History`).
/// See [`RouterIntegrationContext`] for a whole integration.
///
/// ```
/// use larkspur::*;
/// use larkspur::router::*;
/// /// Navigations kept in a signal, not in the browser (a test double).
/// struct InMemory(RwSignal<LocationChange>);
/// impl History for InMemory {
///     fn location(&self) -> ReadSignal<LocationChange> {
///         self.0.read_only()
///     }
///     fn navigate(&self, loc: &LocationChange) {
///         self.0.set(loc.clone());
///     }
/// }
/// let memory = InMemory(create_rw_signal(LocationChange::default()));
/// memory.navigate(&LocationChange { value: "/users/7".into(), ..Default::default() });
/// assert_eq!(memory.location().get_untracked().value, "/users/7");
/// ```
pub trait History {
    /// The current location, updated whenever it changes from outside the
    /// router (Back, a hash change, ...).
    fn location(&self) -> ReadSignal<LocationChange>;

    /// Carries out a navigation the router made (a link, `use_navigate`).
    fn navigate(&self, loc: &LocationChange);
}

/// A location, and how to get there. The default replaces the current
/// entry and scrolls, as in 0.6.
///
/// ```
/// use larkspur::router::LocationChange;
/// let to = LocationChange { value: "/search?q=rust".into(), replace: false, ..Default::default() };
/// assert!(to.scroll && !to.replace);
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct LocationChange {
    /// The URL: path, query and fragment (`/users/7?tab=posts`), with the
    /// router's base path.
    pub value: String,
    /// Replace the current history entry instead of adding one.
    pub replace: bool,
    /// Scroll to the top (or to the fragment's element) afterwards.
    pub scroll: bool,
    /// The history entry's state.
    pub state: State,
}

impl Default for LocationChange {
    fn default() -> Self {
        LocationChange {
            value: String::new(),
            replace: true,
            scroll: true,
            state: State::default(),
        }
    }
}

/// The browser's History API, as the router uses it by default (Leptos
/// 0.6's `BrowserIntegration`): providing it explicitly behaves as
/// providing nothing.
///
/// ```no_run
/// use larkspur::*;
/// use larkspur::router::*;
/// provide_context(RouterIntegrationContext::new(BrowserIntegration {}));
/// let _ = view! { <Router><Routes><Route path="" view=|| "home"/></Routes></Router> };
/// ```
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct BrowserIntegration {}

impl BrowserIntegration {
    fn current() -> LocationChange {
        let (path, search, hash) = history::location();
        LocationChange {
            value: path + &search + &hash,
            replace: true,
            scroll: true,
            state: State::read_browser(),
        }
    }
}

impl History for BrowserIntegration {
    fn location(&self) -> ReadSignal<LocationChange> {
        let (location, set_location) = create_signal(Self::current());
        let listeners = history::on_location_change(move || set_location.set(Self::current()));
        let listeners = store_value(Some(listeners));
        on_cleanup(move || listeners.set_value(None));
        location
    }

    fn navigate(&self, loc: &LocationChange) {
        history::push_url(&loc.value, loc.replace, &loc.state.to_js_value());
        if loc.scroll {
            super::location::scroll_to_fragment_or_top(&history::location().2);
        }
    }
}

/// The integration a [`Router`](super::Router) uses when one is provided
/// above it (Leptos 0.6's `RouterIntegrationContext`).
///
/// ```no_run
/// use larkspur::*;
/// use larkspur::router::*;
///
/// /// Routes in the fragment, written as a 0.6 app writes its own.
/// #[derive(Clone)]
/// struct HashIntegration;
///
/// impl History for HashIntegration {
///     fn location(&self) -> ReadSignal<LocationChange> {
///         let read = || LocationChange {
///             value: location_hash().unwrap_or_default(),
///             ..Default::default()
///         };
///         let (location, set_location) = create_signal(read());
///         window_event_listener(ev::hashchange, move |_| set_location.set(read()));
///         location
///     }
///     fn navigate(&self, loc: &LocationChange) {
///         let _ = window().location().set_hash(&loc.value);
///     }
/// }
///
/// #[component]
/// fn App() -> impl IntoView {
///     provide_context(RouterIntegrationContext::new(HashIntegration));
///     view! { <Router><Routes><Route path="" view=|| "home"/></Routes></Router> }
/// }
/// ```
#[derive(Clone)]
pub struct RouterIntegrationContext(pub Rc<dyn History>);

impl RouterIntegrationContext {
    /// Wraps an integration, for `provide_context`. Build it with `new`: a
    /// `<Router>` looks for one only once `new` has run, so one built as
    /// `RouterIntegrationContext(Rc::new(..))` is ignored (with a warning
    /// in debug builds).
    pub fn new(history: impl History + 'static) -> Self {
        HOOK.with(|hook| hook.set(Some(router_from_context)));
        RouterIntegrationContext(Rc::new(history))
    }
}

/// How an integrated router navigates (kept as a function pointer, so
/// that only apps that make an integration link it).
pub(super) type Navigate =
    fn(&RouterContext, StoredValue<Rc<dyn History>>, &str, String, &NavigateOptions);

/// Makes a router from the integration in context, given the `base` prop.
type MakeRouter = fn(Option<String>, RouterMode) -> Option<RouterContext>;

thread_local! {
    static HOOK: std::cell::Cell<Option<MakeRouter>> = const { std::cell::Cell::new(None) };
}

/// Set once any integration has been made.
pub(super) fn hook() -> Option<MakeRouter> {
    HOOK.with(std::cell::Cell::get)
}

/// With an integration the base is the `base` prop alone, as in 0.6 (the
/// integration owns the URL's shape: a hash integration under `<base
/// href="/repo/">` wants `#/page`, not `#/repo/page`).
fn router_from_context(base: Option<String>, mode: RouterMode) -> Option<RouterContext> {
    let integration = larkspur_reactive::use_context::<RouterIntegrationContext>()?;
    Some(integrated_router(
        integration,
        base.unwrap_or_default(),
        mode,
    ))
}

impl History for RouterIntegrationContext {
    fn location(&self) -> ReadSignal<LocationChange> {
        self.0.location()
    }

    fn navigate(&self, loc: &LocationChange) {
        self.0.navigate(loc)
    }
}

impl std::fmt::Debug for RouterIntegrationContext {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("RouterIntegrationContext")
    }
}

/// A router whose location comes from `integration` (kept out of line:
/// apps without one pay only for the context lookup).
#[inline(never)]
fn integrated_router(
    integration: RouterIntegrationContext,
    base: String,
    mode: RouterMode,
) -> RouterContext {
    let location = integration.location();
    let mut router = location.with_untracked(|current| {
        router_at(
            url_of_location(&base, &current.value),
            current.state.clone(),
            base,
            mode,
        )
    });
    router.integration = Some((store_value(integration.0), navigate_through));
    // A change the router did not make (Back, a hash change): followed.
    // Its own navigations come back through here too, unchanged, and are
    // skipped. As in 0.6, a custom integration's change is not marked as a
    // back navigation.
    // A clone, not a borrow: following writes the router's signals, and
    // the effects that runs may navigate, which writes this location.
    create_render_effect(move |_| follow(router, &location.get()));
    router
}

#[inline(never)]
fn follow(router: RouterContext, change: &LocationChange) {
    let base = router.base.get_untracked();
    let url = url_of_location(&base, &change.value);
    if router.url.with_untracked(|u| *u == url) {
        return;
    }
    larkspur_reactive::batch(|| {
        router.state.set(change.state.clone());
        router.url.set(url);
    });
}

/// A navigation of an integrated router: the router first, as 0.6 calls
/// the integration once the new route is in (its scroll finds the
/// fragment's element, and a location signal it sets at once is already
/// where the router is); the integration is app code, called with no
/// framework borrow held.
fn navigate_through(
    router: &RouterContext,
    integration: StoredValue<Rc<dyn History>>,
    base: &str,
    target: String,
    options: &NavigateOptions,
) {
    let integration = integration.get_value();
    larkspur_reactive::batch(|| {
        router.back.set(false);
        router.state.set(options.state.clone());
        router.url.set(split_url(&target));
    });
    integration.navigate(&LocationChange {
        value: format!("{base}{target}"),
        replace: options.replace,
        scroll: options.scroll,
        state: options.state.clone(),
    });
}
