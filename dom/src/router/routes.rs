//! The router components: [`Router`], [`Routes`], [`Route`], [`Outlet`], [`A`].
//!
//! `<Route>` renders nothing: while `<Routes>` builds its children, each
//! route registers its pattern and view with the nearest collector (nested
//! routes with their parent's). `<Routes>` flattens the tree into branches
//! (root-to-leaf chains), ranks them by specificity and renders the first
//! one that matches; `<Outlet/>` renders the next level of the matched
//! chain. Each level is one memo of "which route is here", so moving
//! between two children of the same parent re-renders only the outlet, and a
//! change of parameters alone re-renders nothing (views read them through
//! [`use_params_map`](super::use_params_map)).

use larkspur_reactive::__signal_traits::*;
use std::marker::PhantomData;
use std::rc::Rc;

use larkspur_reactive::{
    create_memo, on_cleanup, provide_context, store_value, use_context, Memo, Oco,
};

use super::location::{
    new_router, use_router, NavigateOptions, RouteUrl, RouterContext, RouterMode, State,
};
use super::path::{ParamsMap, PathPattern};
use crate::components::{Children, Props, ViewFn};
use crate::dom::history;
use crate::element::attribute::{Attribute, AttributeValue, IntoAttribute};
use crate::view::{IntoView, Transparent, View};

/// One `<Route>` as registered.
struct RouteDef {
    id: u64,
    /// The pattern as written, for [`use_route`](super::use_route).
    path: String,
    pattern: PathPattern,
    view: ViewFn,
    /// The route's data loader (`<Route data=…>`), run each time the route
    /// is rendered.
    data: Option<Loader>,
    children: Vec<Rc<RouteDef>>,
}

/// The matched route's parameters, provided by `<Routes>`.
#[derive(Clone, Copy)]
pub(crate) struct RouteParams(pub Memo<ParamsMap>);

/// Which level of the matched chain an `<Outlet/>` renders.
#[derive(Clone)]
pub(super) struct OutletContext {
    pub level: usize,
    pub matched: Memo<Option<usize>>,
    branches: Rc<Vec<RouteBranch>>,
    /// The `<Routes base>` every pattern starts with.
    base: Rc<str>,
}

impl OutletContext {
    /// Which route definition this level shows when branch `matched`
    /// matches, by identity: moving between branches that share it
    /// (`/users/1` to `/users/2` under one layout) keeps its view, and
    /// definitions that share an id but not their pattern or view
    /// (leptos_i18n's one route per locale) are different, as 0.6
    /// re-renders a level when its route's path changes.
    pub(super) fn route_at(&self, matched: Option<usize>) -> Option<usize> {
        self.def_at(matched).map(|r| Rc::as_ptr(r) as usize)
    }

    /// The route definition this level shows when branch `matched` matches.
    fn def_at(&self, matched: Option<usize>) -> Option<&Rc<RouteDef>> {
        self.branches.get(matched?)?.chain.get(self.level)
    }

    /// The context of the level below this one.
    pub(super) fn below(&self) -> OutletContext {
        OutletContext {
            level: self.level + 1,
            ..self.clone()
        }
    }

    /// The route this level shows for the matched branch (tracked): its
    /// pattern joined with its parents' and its view.
    pub(super) fn matched_route(&self) -> Option<(String, ViewFn)> {
        let branch = self.branches.get(self.matched.get()?)?;
        let route = branch.chain.get(self.level)?;
        let paths: Vec<&str> = (branch.chain.iter().take(self.level + 1))
            .map(|r| r.path.as_str())
            .collect();
        Some((super::route_context::join_paths(&paths), route.view.clone()))
    }

    /// The same level, following another "which branch" memo (an animated
    /// outlet's delayed one).
    pub(super) fn with_matched(&self, matched: Memo<Option<usize>>) -> OutletContext {
        OutletContext {
            level: self.level,
            matched,
            branches: self.branches.clone(),
            base: self.base.clone(),
        }
    }
}

pub(super) struct RouteBranch {
    pattern: PathPattern,
    chain: Vec<Rc<RouteDef>>,
    /// Its place in declaration order (ties in score go to the first).
    index: usize,
}

thread_local! {
    static NEXT_ROUTE_ID: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

use super::path::debug_warn;
use super::route_context::Loader;

/// One route a [`Routes`] can match, as [`RouterContext::possible_branches`]
/// lists it: the chain of routes from the outermost to the one that
/// matches.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Branch {
    /// The routes of the chain, outermost first.
    pub routes: Vec<RouteData>,
    /// The specificity the branch is ranked by (higher matches first).
    pub score: i32,
}

/// One route of a [`Branch`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RouteData {
    /// The route's id, unique in the app.
    pub id: usize,
    /// The full pattern the route matches, with the `<Routes base>` and
    /// its parents' patterns (`/app/users/:id`).
    pub pattern: String,
    /// The route's pattern joined with its parents', without the base
    /// (`/users/:id`), as [`RouteContext::original_path`](super::RouteContext::original_path).
    pub original_path: String,
}

/// The public listing of `branches`, in the order they are tried.
pub(super) fn describe_branches(branches: &[RouteBranch], base: &str) -> Vec<Branch> {
    branches
        .iter()
        .map(|branch| {
            let mut paths: Vec<&str> = Vec::with_capacity(branch.chain.len());
            let routes = branch
                .chain
                .iter()
                .map(|route| {
                    paths.push(&route.path);
                    let original_path = super::route_context::join_paths(&paths);
                    RouteData {
                        id: route.id as usize,
                        pattern: super::route_context::join_paths(&[base, &original_path]),
                        original_path,
                    }
                })
                .collect();
            Branch {
                routes,
                // Leptos 0.6's figure: the score, then declaration order.
                score: (branch.pattern.score().saturating_mul(10_000))
                    .saturating_sub(i32::try_from(branch.index).unwrap_or(i32::MAX)),
            }
        })
        .collect()
}

// ---------------------------------------------------------------- Router ---

/// Props of [`Router`].
pub struct RouterProps {
    /// The base path the app is served under; read from the document's
    /// `<base href>` (Trunk's `--public-url`) when not given.
    pub base: Option<String>,
    /// History (default) or hash routing.
    pub mode: RouterMode,
    /// Set to `true` when a navigation starts and back to `false` once the
    /// new route has rendered (see [`RoutingProgress`](super::RoutingProgress)).
    pub set_is_routing: Option<super::SignalSetter<bool>>,
    /// Shown by a [`Routes`] without a `fallback` of its own when no route
    /// matches.
    pub fallback: Option<ViewFn>,
    /// The trailing-slash policy (see [`TrailingSlash`](super::TrailingSlash)).
    pub trailing_slash: super::TrailingSlash,
    /// The app.
    pub children: Children,
}

/// Builder of [`RouterProps`].
#[derive(Default)]
#[must_use = "call .build() to get the props"]
pub struct RouterPropsBuilder {
    base: Option<String>,
    mode: RouterMode,
    set_is_routing: Option<super::SignalSetter<bool>>,
    fallback: Option<ViewFn>,
    trailing_slash: super::TrailingSlash,
    children: Option<Children>,
}

impl RouterPropsBuilder {
    /// Sets the view shown when no route matches (for `Routes` without a
    /// fallback of their own).
    pub fn fallback(mut self, fallback: impl Into<ViewFn>) -> Self {
        self.fallback = Some(fallback.into());
        self
    }
    /// Sets the trailing-slash policy (only `Drop` is supported).
    pub fn trailing_slash(mut self, policy: super::TrailingSlash) -> Self {
        self.trailing_slash = policy;
        self
    }
    /// Accepted for Leptos 0.6 code (`id=1`, an integer there); the router
    /// needs no id.
    pub fn id<T>(self, _id: T) -> Self {
        self
    }
    /// Sets the base path (e.g. `"/repo"`).
    pub fn base(mut self, base: impl Into<String>) -> Self {
        self.base = Some(base.into());
        self
    }
    /// Sets the routing mode.
    pub fn mode(mut self, mode: RouterMode) -> Self {
        self.mode = mode;
        self
    }
    /// Sets the setter told whether a navigation is in progress.
    pub fn set_is_routing(mut self, setter: impl Into<super::SignalSetter<bool>>) -> Self {
        self.set_is_routing = Some(setter.into());
        self
    }
    /// Sets the children.
    pub fn children(mut self, children: Children) -> Self {
        self.children = Some(children);
        self
    }
    /// Finishes the props (no children renders nothing).
    pub fn build(self) -> RouterProps {
        RouterProps {
            base: self.base,
            mode: self.mode,
            set_is_routing: self.set_is_routing,
            fallback: self.fallback,
            trailing_slash: self.trailing_slash,
            children: self.children.unwrap_or_else(|| Box::new(Default::default)),
        }
    }
}

/// The router's `fallback`, for `Routes` that have none.
#[derive(Clone)]
struct RouterFallback(ViewFn);

impl Props for RouterProps {
    type Builder = RouterPropsBuilder;
    fn builder() -> Self::Builder {
        RouterPropsBuilder::default()
    }
}

/// Provides routing to its children: tracks the URL (back/forward, hash
/// changes) and turns clicks on same-origin `<a href>` links into
/// client-side navigations.
///
/// # Example
///
/// ```no_run
/// use larkspur::*;
/// use larkspur::router::*;
///
/// #[component]
/// fn Home() -> impl IntoView { view! { <h1>"Home"</h1> } }
///
/// #[component]
/// fn App() -> impl IntoView {
///     view! {
///         <Router>
///             <nav><A href="/">"Home"</A></nav>
///             <Routes>
///                 <Route path="" view=Home/>
///             </Routes>
///         </Router>
///     }
/// }
/// ```
#[allow(non_snake_case)]
pub fn Router(props: RouterProps) -> impl IntoView {
    // An integration provided above the router (Leptos 0.6's
    // `RouterIntegrationContext`) says where the router is and carries out
    // its navigations; without one the router uses the browser's location.
    // Its code is reached only through a hook that making one installs,
    // so apps without one do not link it.
    let base = props.base.map(|b| history::normalize_base(&b));
    let integrated = super::integration::hook().and_then(|make| make(base.clone(), props.mode));
    // One built as `RouterIntegrationContext(Rc::new(..))` installs no
    // hook: debug builds say so (looking it up in release would link the
    // integration code into every router app).
    #[cfg(debug_assertions)]
    if integrated.is_none() && use_context::<super::RouterIntegrationContext>().is_some() {
        crate::logging::console_warn(
            "larkspur: <Router> ignores a RouterIntegrationContext made without \
             RouterIntegrationContext::new(..); make it with new",
        );
    }
    let router = match integrated {
        Some(router) => router,
        None => new_router(base.unwrap_or_else(history::base_path), props.mode),
    };
    provide_context(router);
    super::location::count_handler_dispatches();
    props.trailing_slash.check("<Router>");
    if let Some(fallback) = props.fallback {
        provide_context(RouterFallback(fallback));
    }
    let direction = router.back;
    super::animated::provide_direction(direction);
    if let Some(setter) = props.set_is_routing {
        super::progress::track_routing(router.url, setter);
    }

    let url = router.url;
    let on_change = move || {
        let base = router.base.get_untracked();
        // Back/forward (or a hash change): animated routes play their
        // `_back` classes.
        let state = State::read_browser();
        let new_url = RouterContext::read_browser_url(&base, router.mode);
        // One update: effects never see the new state with the old URL.
        larkspur_reactive::batch(|| {
            direction.set(true);
            router.state.set(state);
            url.set(new_url);
        });
    };
    // An integrated router follows its integration instead.
    let location_listeners = router
        .integration
        .is_none()
        .then(|| history::on_location_change(on_change));
    // Links are the router's in both modes: in hash mode a `#/…` link left
    // to the browser resolves against `<base href>`, which reloads the app
    // whenever the page's own path or query differs from it.
    // The browser's navigation is prevented before the router navigates:
    // a route whose view panics must not leave the click to the browser.
    let link_listener = history::on_link_click_then(
        move |path, _| match (router.mode, path.strip_prefix('#')) {
            (RouterMode::Hash, Some(route)) if route.starts_with('/') => Some(route.to_string()),
            (RouterMode::History, None) => {
                super::location::strip_base_of_url(path, &router.base.get_untracked())
            }
            _ => None,
        },
        move |inner: String, anchor| router.navigate(&inner, &link_options(anchor)),
        // The navigations the click's `on:` handlers asked for come after
        // the link's (see `use_navigate`).
        super::location::link_click_seen,
    );
    super::location::count_link_listener(1);
    let listeners = store_value(Some((location_listeners, link_listener)));
    on_cleanup(move || {
        // Dropping the listeners removes them from the window and document.
        listeners.set_value(None);
        super::location::count_link_listener(-1);
    });
    (props.children)()
}

// ---------------------------------------------------------------- Routes ---

/// Props of [`Routes`].
pub struct RoutesProps {
    /// Shown when no route matches: the [`Router`]'s `fallback` when not
    /// given, else nothing.
    pub fallback: Option<ViewFn>,
    /// A path every route's pattern starts with (`"/app"`).
    pub base: Option<String>,
    /// The `<Route>`s.
    pub children: Children,
}

/// Builder of [`RoutesProps`].
#[derive(Default)]
#[must_use = "call .build() to get the props"]
pub struct RoutesPropsBuilder {
    fallback: Option<ViewFn>,
    base: Option<String>,
    children: Option<Children>,
}

impl RoutesPropsBuilder {
    /// Sets the view shown when no route matches.
    pub fn fallback(mut self, fallback: impl Into<ViewFn>) -> Self {
        self.fallback = Some(fallback.into());
        self
    }
    /// Sets a path every route's pattern starts with.
    pub fn base(mut self, base: impl Into<String>) -> Self {
        self.base = Some(base.into());
        self
    }
    /// Sets the routes.
    pub fn children(mut self, children: Children) -> Self {
        self.children = Some(children);
        self
    }
    /// Finishes the props.
    pub fn build(self) -> RoutesProps {
        RoutesProps {
            fallback: self.fallback,
            base: self.base,
            children: self.children.unwrap_or_else(|| Box::new(Default::default)),
        }
    }
}

impl Props for RoutesProps {
    type Builder = RoutesPropsBuilder;
    fn builder() -> Self::Builder {
        RoutesPropsBuilder::default()
    }
}

fn flatten(
    routes: &[Rc<RouteDef>],
    parent: &PathPattern,
    prefix: &[Rc<RouteDef>],
    out: &mut Vec<RouteBranch>,
) {
    for route in routes {
        let mut chain = prefix.to_vec();
        chain.push(route.clone());
        // Optional parameters expand into one pattern each way, as in
        // Leptos 0.6, and each is ranked on its own; beyond 256 patterns
        // (a path no app writes) the pattern stays whole, its optional
        // parameters matching either way.
        let whole = PathPattern::expansion(&route.path, 256).is_some();
        let own = |n: usize| match whole {
            true => (n == 0).then(|| route.pattern.clone()),
            false => PathPattern::expansion(&route.path, n),
        };
        for own in (0..).map_while(own) {
            let pattern = parent.join(&own);
            // A route with children matches only through one of them, as
            // in Leptos 0.6: a layout at `/users` needs an index child
            // (`path=""`) to render there; without one, `/users` is not
            // found.
            if route.children.is_empty() {
                let index = out.len();
                out.push(RouteBranch {
                    pattern,
                    chain: chain.clone(),
                    index,
                });
            } else {
                flatten(&route.children, &pattern, &chain, out);
            }
        }
    }
}

/// Renders the best-matching [`Route`] for the current URL.
///
/// Routes are ranked as Leptos 0.6 ranks them: by
/// [`PathPattern::score`] (more segments, static segments over `:params`,
/// a trailing `*wildcard` last), with each optional parameter expanded
/// into a pattern with and one without it; among equals the first
/// declared wins.
#[allow(non_snake_case)]
pub fn Routes(props: RoutesProps) -> impl IntoView {
    let fallback = props
        .fallback
        .or_else(|| use_context::<RouterFallback>().map(|f| f.0));
    let (base, repeats) = routes_base(props.base.as_deref());
    let outlet = prepare_routes(props.children, &base, repeats);
    render_level(outlet, fallback)
}

/// The prefix a `<Routes base>` adds to its patterns, inside the app: the
/// router already took its own base off the URL, so a `<Routes base>` that
/// repeats it (Leptos 0.6 apps served under `/app` give both `<Router
/// base="/app">` and `<Routes base="/app">`) adds only what follows it.
/// Also whether it did repeat it (an app written that way puts the base in
/// its links too: see `RouterContext::app_path`).
pub(super) fn routes_base(base: Option<&str>) -> (String, bool) {
    let base = base.unwrap_or("").trim_end_matches('/');
    let router_base = use_router().base.get_untracked();
    // Compared decoded: the router's base is the browser's (percent-encoded)
    // form, a `<Routes base>` is written as the app spells it.
    let decoded = |p: &str| super::path::decode(p, false);
    match super::location::strip_base(&decoded(base), &decoded(&router_base)) {
        Some(rest) if !router_base.is_empty() => (rest.trim_end_matches('/').to_string(), true),
        _ => (base.to_string(), false),
    }
}

/// Collects and ranks the routes in `children` and provides the matched
/// parameters; returns the context of the top level (shared by
/// [`Routes`] and [`AnimatedRoutes`](super::AnimatedRoutes)).
pub(super) fn prepare_routes(children: Children, base: &str, repeats: bool) -> OutletContext {
    let router = use_router();
    let defs: Vec<Rc<RouteDef>> = route_definitions(children).iter().map(route_def).collect();
    let mut branches = Vec::new();
    flatten(&defs, &PathPattern::new(base), &[], &mut branches);
    rank_branches(&mut branches);
    let branches = Rc::new(branches);
    let base: Rc<str> = Rc::from(base);
    router
        .branches
        .set_value(Some((branches.clone(), base.clone())));
    if router.carries_base.get_untracked() != repeats {
        router.carries_base.set(repeats);
    }

    let url = router.url;
    let b = branches.clone();
    let matched_with_params: Memo<Option<(usize, ParamsMap)>> = create_memo(move |_| {
        url.with(|RouteUrl { pathname, .. }| {
            b.iter()
                .enumerate()
                .find_map(|(i, br)| br.pattern.matches(pathname).map(|p| (i, p)))
        })
    });
    let params = create_memo(move |_| {
        matched_with_params.with(|m| m.as_ref().map(|(_, p)| p.clone()).unwrap_or_default())
    });
    if cfg!(debug_assertions) && use_context::<RouteParams>().is_some() {
        super::path::debug_warn(
            "larkspur router: a second <Routes> inside one <Router> (or inside a route's \
             view): their parameters share one context, so use_params sees the last \
             one's; use one <Routes> with nested <Route>s and <Outlet/>, as in Leptos 0.6",
        );
    }
    provide_context(RouteParams(params));
    let matched = create_memo(move |_| matched_with_params.with(|m| m.as_ref().map(|(i, _)| *i)));
    OutletContext {
        level: 0,
        matched,
        branches,
        base,
    }
}

/// The context of the level below, for an [`AnimatedOutlet`](super::AnimatedOutlet).
pub(super) fn outlet_context() -> Option<OutletContext> {
    use_context::<OutletContext>()
}

/// The dynamic child for one level of the matched chain.
pub(super) fn render_level(ctx: OutletContext, fallback: Option<ViewFn>) -> View {
    let matched = ctx.matched;
    let here = ctx.clone();
    let route_here = create_memo(move |_| here.route_at(matched.get()));
    (move || {
        if route_here.get().is_none() {
            return fallback.as_ref().map(ViewFn::run).unwrap_or_default();
        }
        let route = ctx.def_at(matched.get_untracked()).cloned();
        match route {
            Some(route) => {
                let here = &ctx;
                provide_context(here.below());
                // The pattern of this route joined with its parents'.
                let full = larkspur_reactive::untrack(|| here.matched_route())
                    .map(|(full, _)| full)
                    .unwrap_or_else(|| route.path.clone());
                // The loader runs under this level's owner: a resource it
                // creates lives as long as the route is shown.
                // Untracked: what it reads (the parameters) must not
                // rebuild the route's view; a resource it makes follows
                // them itself.
                let data = route
                    .data
                    .as_ref()
                    .map(|loader| larkspur_reactive::untrack(|| (loader.data)()));
                super::route_context::provide_route(
                    full,
                    here.base.clone(),
                    data,
                    here.below(),
                    route.view.clone(),
                );
                route.view.run()
            }
            None => View::Empty,
        }
    })
    .into_view()
}

// ----------------------------------------------------------------- Route ---

/// Props of [`Route`] (Leptos 0.6's, field for field: code that builds them
/// as a struct literal compiles).
pub struct RouteProps<E, F, P>
where
    E: IntoView,
    F: Fn() -> E + 'static,
    P: std::fmt::Display,
{
    /// The pattern, relative to the parent route: `""`, `"users"`,
    /// `":id"`, `":tab?"`, `"*rest"`.
    pub path: P,
    /// What the route renders (usually a component: `view=HomePage`).
    pub view: F,
    /// Accepted for Leptos 0.6 code; every mode renders the same in the
    /// browser.
    pub ssr: super::SsrMode,
    /// Accepted for Leptos 0.6 code; a client-side route answers every
    /// navigation.
    pub methods: &'static [super::Method],
    /// The route's data loader: called each time the route is rendered,
    /// its value read with [`use_route_data`](super::use_route_data).
    pub data: Option<Loader>,
    /// The trailing-slash policy; only `Drop` is supported (others warn in
    /// debug builds).
    pub trailing_slash: Option<super::TrailingSlash>,
    /// Nested routes, rendered by the view's [`Outlet`].
    pub children: Option<Children>,
}

/// A required prop of [`RouteProps`] not given yet.
#[derive(Clone, Copy, Debug, Default)]
pub struct Missing;

/// The builder's type parameters, held without values.
type PropTypes<E, F, P> = std::marker::PhantomData<fn() -> (E, F, P)>;

/// Builder of [`RouteProps`]: `path` and `view` are required (without them
/// there is no `build`).
#[must_use = "call .build() to get the props"]
pub struct RoutePropsBuilder<E, F, P, HasPath = Missing, HasView = Missing> {
    path: HasPath,
    view: HasView,
    rest: RouteExtras,
    types: PropTypes<E, F, P>,
}

/// The optional props, carried unchanged while `path` and `view` change
/// the builder's type.
struct RouteExtras {
    ssr: super::SsrMode,
    methods: &'static [super::Method],
    data: Option<Loader>,
    trailing_slash: Option<super::TrailingSlash>,
    children: Option<Children>,
}

impl<E, F, P, HasPath, HasView> RoutePropsBuilder<E, F, P, HasPath, HasView> {
    /// Sets the path pattern.
    pub fn path(self, path: P) -> RoutePropsBuilder<E, F, P, P, HasView> {
        RoutePropsBuilder {
            path,
            view: self.view,
            rest: self.rest,
            types: std::marker::PhantomData,
        }
    }
    /// Sets the view.
    pub fn view(self, view: F) -> RoutePropsBuilder<E, F, P, HasPath, F> {
        RoutePropsBuilder {
            path: self.path,
            view,
            rest: self.rest,
            types: std::marker::PhantomData,
        }
    }
    /// Accepted for Leptos 0.6 code; every mode renders the same in the
    /// browser.
    pub fn ssr(mut self, mode: super::SsrMode) -> Self {
        self.rest.ssr = mode;
        self
    }
    /// Accepted for Leptos 0.6 code; a client-side route answers every
    /// navigation.
    pub fn methods(mut self, methods: &'static [super::Method]) -> Self {
        self.rest.methods = methods;
        self
    }
    /// Sets the data loader (a closure; see [`use_route_data`](super::use_route_data)).
    pub fn data(mut self, data: impl Into<Loader>) -> Self {
        self.rest.data = Some(data.into());
        self
    }
    /// The trailing-slash policy; only `Drop` is supported (others warn in
    /// debug builds).
    pub fn trailing_slash(mut self, policy: super::TrailingSlash) -> Self {
        self.rest.trailing_slash = Some(policy);
        self
    }
    /// Sets the nested routes.
    pub fn children(mut self, children: Children) -> Self {
        self.rest.children = Some(children);
        self
    }
}

impl<E, F, P> RoutePropsBuilder<E, F, P, P, F>
where
    E: IntoView,
    F: Fn() -> E + 'static,
    P: std::fmt::Display,
{
    /// Finishes the props.
    pub fn build(self) -> RouteProps<E, F, P> {
        let RouteExtras {
            ssr,
            methods,
            data,
            trailing_slash,
            children,
        } = self.rest;
        RouteProps {
            path: self.path,
            view: self.view,
            ssr,
            methods,
            data,
            trailing_slash,
            children,
        }
    }
}

impl<E, F, P> Props for RouteProps<E, F, P>
where
    E: IntoView,
    F: Fn() -> E + 'static,
    P: std::fmt::Display,
{
    type Builder = RoutePropsBuilder<E, F, P>;
    fn builder() -> Self::Builder {
        RoutePropsBuilder {
            path: Missing,
            view: Missing,
            rest: RouteExtras {
                ssr: super::SsrMode::default(),
                methods: &[super::Method::Get],
                data: None,
                trailing_slash: None,
                children: None,
            },
            types: std::marker::PhantomData,
        }
    }
}

/// Orders branches best match first; declaration order breaks ties. An
/// insertion sort: stable like `sort_by_key`, but without the 3 KB of code
/// the standard library's stable sort adds to every routed app, and an app
/// declares tens of routes, not thousands.
fn rank_branches(branches: &mut [RouteBranch]) {
    for i in 1..branches.len() {
        let mut j = i;
        while j > 0 && branches[j - 1].pattern.score() < branches[j].pattern.score() {
            branches.swap(j - 1, j);
            j -= 1;
        }
    }
}

/// Declares a route inside [`Routes`] (or inside another `Route`, nested).
/// Renders nothing itself: its view is a [`Transparent`] that carries its
/// [`RouteDefinition`], which the `Routes` around it collects, as in
/// Leptos 0.6 (so a component of your own may build definitions, or take
/// them apart, through [`View::as_transparent`]).
#[allow(non_snake_case)]
pub fn Route<E, F, P>(props: RouteProps<E, F, P>) -> impl IntoView
where
    E: IntoView,
    F: Fn() -> E + 'static,
    P: std::fmt::Display,
{
    let RouteProps {
        path,
        view,
        ssr,
        methods,
        data,
        trailing_slash,
        children,
    } = props;
    if let Some(policy) = trailing_slash {
        policy.check("<Route>");
    }
    RouteDefinition {
        id: new_route_id(),
        path: path.to_string(),
        children: children.map(route_definitions).unwrap_or_default(),
        view: Rc::new(move || view().into_view()),
        ssr_mode: ssr,
        methods,
        data,
        static_mode: None,
        static_params: None,
        trailing_slash,
    }
}

/// A new route id: unique per `Route` call (0.6 reads routes with equal ids
/// as one route, which code cloning a definition relies on).
fn new_route_id() -> usize {
    NEXT_ROUTE_ID.with(|n| {
        let id = n.get();
        n.set(id.wrapping_add(1));
        id
    })
}

/// One declared route, as [`Route`] returns it inside a [`Transparent`]
/// view (Leptos 0.6's `RouteDefinition`). Routes with the same `id` are
/// one route to the router: moving between their paths keeps the view.
///
/// ```no_run
/// use larkspur::*;
/// use larkspur::router::*;
///
/// // One page under `/about` and `/en/about`, kept when moving between them.
/// #[component(transparent)]
/// fn AboutRoutes() -> impl IntoView {
///     let about = Route(RouteProps {
///         path: "about",
///         view: || view! { <p>"About"</p> },
///         ssr: SsrMode::default(),
///         methods: &[Method::Get],
///         data: None,
///         trailing_slash: None,
///         children: None,
///     })
///     .into_view()
///     .as_transparent()
///     .and_then(|t| t.downcast_ref::<RouteDefinition>())
///     .cloned()
///     .expect("a Route's view carries its definition");
///     let english = RouteDefinition { path: "en/about".into(), ..about.clone() };
///     view! { {about} {english} }
/// }
/// ```
#[derive(Clone)]
pub struct RouteDefinition {
    /// Unique per [`Route`] call; equal ids are one route.
    pub id: usize,
    /// The pattern, relative to the parent route.
    pub path: String,
    /// Nested routes.
    pub children: Vec<RouteDefinition>,
    /// What the route renders.
    pub view: Rc<dyn Fn() -> View>,
    /// Accepted for Leptos 0.6 code (no server rendering).
    pub ssr_mode: super::SsrMode,
    /// Accepted for Leptos 0.6 code.
    pub methods: &'static [super::Method],
    /// The route's data loader.
    pub data: Option<Loader>,
    /// Accepted for Leptos 0.6 code (no static generation).
    pub static_mode: Option<super::StaticMode>,
    /// Accepted for Leptos 0.6 code (no static generation).
    pub static_params: Option<super::StaticData>,
    /// The trailing-slash policy (see [`TrailingSlash`](super::TrailingSlash)).
    pub trailing_slash: Option<super::TrailingSlash>,
}

impl std::fmt::Debug for RouteDefinition {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RouteDefinition")
            .field("id", &self.id)
            .field("path", &self.path)
            .field("children", &self.children)
            .finish_non_exhaustive()
    }
}

impl PartialEq for RouteDefinition {
    /// The same path and the same nested routes, as in Leptos 0.6.
    fn eq(&self, other: &RouteDefinition) -> bool {
        self.path == other.path && self.children == other.children
    }
}

impl IntoView for RouteDefinition {
    fn into_view(self) -> View {
        Transparent::new(self).into_view()
    }
}

/// The route definitions among the views `children` returns (fragments
/// searched through); anything else is ignored, as in Leptos 0.6.
fn route_definitions(children: Children) -> Vec<RouteDefinition> {
    fn walk(views: &[View], out: &mut Vec<RouteDefinition>) {
        for view in views {
            match view {
                View::Fragment(inner) => walk(inner, out),
                _ => {
                    if let Some(def) = view
                        .as_transparent()
                        .and_then(|t| t.downcast_ref::<RouteDefinition>())
                    {
                        out.push(def.clone());
                    }
                }
            }
        }
    }
    let fragment = children();
    let mut out = Vec::new();
    walk(fragment.as_children(), &mut out);
    out
}

/// The router's own form of a definition: the pattern parsed once.
fn route_def(def: &RouteDefinition) -> Rc<RouteDef> {
    Rc::new(RouteDef {
        id: def.id as u64,
        path: def.path.clone(),
        pattern: PathPattern::new(&def.path),
        view: ViewFn(def.view.clone()),
        data: def.data.clone(),
        children: def.children.iter().map(route_def).collect(),
    })
}

/// Renders the matched child route of the route whose view contains it.
#[allow(non_snake_case)]
pub fn Outlet() -> impl IntoView {
    match use_context::<OutletContext>() {
        Some(ctx) => render_level(ctx, None),
        None => {
            debug_warn("<Outlet/> used outside a route's view; it renders nothing");
            View::Empty
        }
    }
}

// --------------------------------------------------------------------- A ---

/// What an [`A`]'s `href` can be: a path (`&str`, `String`) or a closure
/// returning one, for a link whose target changes.
///
/// ```no_run
/// use larkspur::*;
/// use larkspur::router::*;
///
/// let (id, set_id) = create_signal(7);
/// let _ = view! { <A href=move || format!("/users/{}", id.get())>"Next user"</A> };
/// ```
pub trait ToHref {
    /// The target as a function: a fixed path returns itself each time.
    fn to_href(&self) -> Box<dyn Fn() -> String + '_>;
}

impl ToHref for &str {
    fn to_href(&self) -> Box<dyn Fn() -> String + '_> {
        let href = self.to_string();
        Box::new(move || href.clone())
    }
}

impl ToHref for String {
    fn to_href(&self) -> Box<dyn Fn() -> String + '_> {
        Box::new(move || self.clone())
    }
}

impl<F: Fn() -> String + 'static> ToHref for F {
    fn to_href(&self) -> Box<dyn Fn() -> String + '_> {
        Box::new(self)
    }
}

/// A signal of the path (`<A href=next_page>` with a `Memo<String>`), as
/// Leptos 0.6 on nightly takes it for a closure.
macro_rules! signal_hrefs {
    ($($ty:ident),*) => {$(
        impl ToHref for larkspur_reactive::$ty<String> {
            fn to_href(&self) -> Box<dyn Fn() -> String + '_> {
                let signal = *self;
                Box::new(move || signal.get())
            }
        }
    )*};
}

signal_hrefs!(ReadSignal, RwSignal, Memo, Signal);

/// Props of [`A`], with Leptos 0.6's field types (generic in the `href`,
/// so `A(AProps { href, .. })` compiles as it does there).
pub struct AProps<H> {
    /// The link target (`/users/7`, or relative to the route: `edit`): a
    /// path, a closure returning one, or a `String` signal.
    pub href: H,
    /// Where to open the link (`_blank`, a frame's name). A link with a
    /// target other than `_self` is left to the browser, not the router.
    pub target: Option<Oco<'static, str>>,
    /// Whether the link is active only on exactly its path (`true`), or
    /// also on the paths below it (`false`, the default: `/users` is active
    /// on `/users/7`).
    pub exact: bool,
    /// A class added while the link is active.
    pub active_class: Option<Oco<'static, str>>,
    /// The state of the history entry the link creates (see [`State`]).
    pub state: Option<State>,
    /// Replace the current history entry instead of pushing one (rendered
    /// as a `replace` attribute, which the router reads on click).
    pub replace: bool,
    /// Class names for the `<a>`: text, or a closure or signal of it.
    pub class: Option<AttributeValue>,
    /// The `id` of the `<a>`.
    pub id: Option<Oco<'static, str>>,
    /// Further attributes of the `<a>` (`attr:style=..`, `{..attrs}`).
    pub attributes: Vec<(&'static str, Attribute)>,
    /// The link's content.
    pub children: Children,
}

/// Marks an [`APropsBuilder`] whose `href` is not set yet (`H` is its
/// type, fixed by the props type or by the `href` given).
pub struct MissingHref<H = ()>(PhantomData<H>);

/// Builder of [`AProps`]; `build()` exists once `href` is set.
#[must_use = "call .build() to get the props"]
pub struct APropsBuilder<H = MissingHref> {
    href: H,
    rest: AProps<()>,
}

impl<H> APropsBuilder<MissingHref<H>> {
    /// Sets the target: a path, a closure returning one, or a `String`
    /// signal.
    pub fn href(self, href: H) -> APropsBuilder<H> {
        APropsBuilder {
            href,
            rest: self.rest,
        }
    }
}

impl<H> APropsBuilder<H> {
    /// Adds attributes of the `<a>` (from `attr:name=value` and
    /// `{..attrs}`), as Leptos 0.6's `#[prop(attrs)]`.
    pub fn dyn_attrs(mut self, attrs: impl IntoIterator<Item = (&'static str, Attribute)>) -> Self {
        self.rest.attributes.extend(attrs);
        self
    }
    /// Sets the attributes of the `<a>` (`#[prop(attrs)]` by name).
    pub fn attributes(mut self, attrs: Vec<(&'static str, Attribute)>) -> Self {
        self.rest.attributes = attrs;
        self
    }
    /// Sets the class attribute: text, or a closure or signal of it.
    pub fn class(mut self, class: impl IntoAttribute + 'static) -> Self {
        self.rest.class = Some(Box::new(class));
        self
    }
    /// Replace the current history entry instead of pushing one.
    pub fn replace(mut self, replace: bool) -> Self {
        self.rest.replace = replace;
        self
    }
    /// Sets the state of the history entry the link creates.
    pub fn state(mut self, state: impl Into<State>) -> Self {
        self.rest.state = Some(state.into());
        self
    }
    /// Active only on exactly this path.
    pub fn exact(mut self, exact: bool) -> Self {
        self.rest.exact = exact;
        self
    }
    /// Sets the class added while the link is active.
    pub fn active_class(mut self, class: impl Into<Oco<'static, str>>) -> Self {
        self.rest.active_class = Some(class.into());
        self
    }
    /// Sets the `target` attribute (`_blank` opens a new tab).
    pub fn target(mut self, target: impl Into<Oco<'static, str>>) -> Self {
        self.rest.target = Some(target.into());
        self
    }
    /// Sets the `id` attribute.
    pub fn id(mut self, id: impl Into<Oco<'static, str>>) -> Self {
        self.rest.id = Some(id.into());
        self
    }
    /// Sets the content.
    pub fn children(mut self, children: Children) -> Self {
        self.rest.children = children;
        self
    }
}

impl<H: ToHref + 'static> APropsBuilder<H> {
    /// Finishes the props.
    pub fn build(self) -> AProps<H> {
        self.rest.with_href(self.href).1
    }
}

impl<H> AProps<H> {
    /// The same props with `href` in place of this one, and this one.
    fn with_href<H2>(self, href: H2) -> (H, AProps<H2>) {
        let AProps {
            href: old,
            target,
            exact,
            active_class,
            state,
            replace,
            class,
            id,
            attributes,
            children,
        } = self;
        let props = AProps {
            href,
            target,
            exact,
            active_class,
            state,
            replace,
            class,
            id,
            attributes,
            children,
        };
        (old, props)
    }
}

impl<H: ToHref + 'static> Props for AProps<H> {
    type Builder = APropsBuilder<MissingHref<H>>;
    fn builder() -> Self::Builder {
        APropsBuilder {
            href: MissingHref(PhantomData),
            rest: AProps {
                href: (),
                target: None,
                exact: false,
                active_class: None,
                state: None,
                replace: false,
                class: None,
                id: None,
                attributes: Vec::new(),
                children: Box::new(Default::default),
            },
        }
    }
}

/// A link inside the app: an `<a>` whose `href` includes the base path (or
/// `#` in hash mode) and that carries `aria-current="page"` (and
/// `active_class`) while it is active: on its own path, and unless
/// `exact=true` on the paths below it. Clicks are handled by the
/// [`Router`].
///
/// A relative `href` is resolved against the route the link is rendered
/// in (see [`RouteContext::resolve_path`](super::RouteContext::resolve_path)):
/// in the view of `contacts`, `<A href="alice">` goes to `/contacts/alice`.
/// An `http(s)://` URL is rendered as it is and leaves the app. `href` may
/// be a closure: the link follows it.
///
/// # Example
///
/// ```no_run
/// use larkspur::*;
/// use larkspur::router::*;
///
/// let _ = view! {
///     <nav>
///         <A href="/" exact=true>"Home"</A>
///         <A href="/users" active_class="here">"Users"</A>
///     </nav>
/// };
/// ```
#[allow(non_snake_case)]
pub fn A<H: ToHref + 'static>(props: AProps<H>) -> impl IntoView {
    let (href, props) = props.with_href(());
    link(Rc::new(move || href.to_href()()), props)
}

/// [`A`]'s body, once for every `href` type.
fn link(href: Rc<dyn Fn() -> String>, props: AProps<()>) -> View {
    let router = use_router();
    let route = super::use_route();
    // Resolved where it is read (no memo of its own): the `href` attribute
    // and the active state; `None` leaves the app.
    let path = {
        let (route, href) = (route.clone(), href.clone());
        move || route.resolve_path(&router.app_path(&href()))
    };
    let url = router.url;
    let exact = props.exact;
    let active = create_memo(move |_| {
        path().is_some_and(|p| {
            let target = super::location::split_url(&p).pathname;
            url.with(|u| link_is_active(&u.pathname, &target, exact))
        })
    });
    let mut a = crate::html::a()
        .attr("href", move || {
            match route.resolve_path(&router.app_path(&href())) {
                Some(p) => router.href_of_path(&p),
                None => href(),
            }
        })
        .attr("aria-current", move || active.get().then_some("page"));
    let class = props.class.map(|c| c.into_attribute());
    // As text once (an `Oco` clone per update would link its own code).
    let active_class = props.active_class.map(|c| (*c).to_owned());
    match (class, active_class) {
        (class, Some(active_class)) => {
            // One reactive `class` attribute: the active class's name is
            // only known at run time, so it cannot be a `class:` toggle.
            a = a.attr("class", move || {
                let class = class.as_ref().and_then(Attribute::text).unwrap_or_default();
                // No `class=""` on an inactive link without a class of its
                // own (Leptos 0.6 leaves the attribute out).
                match (active.get(), class.is_empty()) {
                    (true, true) => Some(Oco::Owned(active_class.clone())),
                    (true, false) => Some(larkspur_reactive::Oco::Owned(format!(
                        "{class} {active_class}"
                    ))),
                    (false, true) => None,
                    (false, false) => Some(class),
                }
            });
        }
        (Some(class), None) => a = a.attr("class", class),
        (None, None) => {}
    }
    if props.replace {
        a = a.attr("replace", true);
    }
    if let Some(State(Some(state))) = props.state {
        a = a.prop("state", state);
    }
    if let Some(target) = props.target {
        a = a.attr("target", target);
    }
    if let Some(id) = props.id {
        a = a.attr("id", id);
    }
    for (name, value) in props.attributes {
        a = a.attr(name, value);
    }
    a.child((props.children)()).into_view()
}

/// How a click on `anchor` navigates: a `replace` attribute replaces the
/// history entry, `noscroll` keeps the scroll position, and a `state`
/// property (set by `A`'s `state` prop) becomes the entry's state.
fn link_options(anchor: &web_sys::HtmlAnchorElement) -> NavigateOptions {
    let state = js_sys::Reflect::get(anchor, &wasm_bindgen::JsValue::from_str("state"))
        .ok()
        .filter(|s| !s.is_undefined() && !s.is_null());
    NavigateOptions {
        replace: anchor.has_attribute("replace"),
        scroll: !anchor.has_attribute("noscroll"),
        state: State(state),
        ..Default::default()
    }
}

/// Whether a link to `target` is active on `current`: the same path, or
/// (not `exact`) a path below it, segment by segment (`/users` is active
/// on `/users/7`, not on `/usersx`; `/` only on `/`).
pub(super) fn link_is_active(current: &str, target: &str, exact: bool) -> bool {
    // Compared decoded: the router keeps the path as the browser shows it
    // (`/caf%C3%A9`), a link's `href` is as written (`/café`). And with
    // ASCII letters in lower case, as Leptos 0.6 compares them (it lowers
    // every letter; Unicode's case tables would cost kilobytes).
    let trim = |p: &str| {
        let p = p.trim_end_matches('/');
        if p.contains('%') {
            super::path::decode(p, false).to_ascii_lowercase()
        } else {
            p.to_ascii_lowercase()
        }
    };
    let (current, target) = (trim(current), trim(target));
    if exact || target.is_empty() {
        return current == target;
    }
    current == target
        || current
            .strip_prefix(&target)
            .is_some_and(|rest| rest.starts_with('/'))
}
