//! Client-side routing: [`Router`], [`Routes`], [`Route`], nested routes with
//! [`Outlet`], links with [`A`], and hooks for the location, navigation and
//! typed parameters (`#[derive(Params)]`); also [`Redirect`], GET [`Form`]s,
//! [`AnimatedRoutes`]/[`AnimatedOutlet`], [`RoutingProgress`] and
//! [`create_query_signal`].
//!
//! History mode (real paths) is the default; [`RouterMode::Hash`] works on
//! hosts without an `index.html` fallback. The base path comes from the
//! document's `<base href>`, which Trunk writes from `--public-url`, so an
//! app deployed under `user.github.io/repo/` routes unchanged.
//! `<base href="/repo">` without the trailing slash means the same base; a
//! base on another origin is reported with `console.error` and ignored
//! (the History API cannot show another origin's URLs).
//!
//! # Paths
//!
//! Paths given to [`A`] and [`use_navigate`] are resolved and normalised
//! the way the address bar shows them: `.` and `..` segments are applied
//! (`../settings` from `/users/7` is `/settings`), `\` counts as `/`, and
//! runs of slashes collapse — so `//evil.example` or `/\evil.example`
//! from user data stays a path inside the app, never a link to another
//! host. Static route segments match in decoded form (`/café` and
//! `/caf%C3%A9` are the same route). Link clicks reach the router after
//! every other click handler: a handler that calls `prevent_default()`
//! keeps the router from navigating.
//!
//! # Example
//!
//! ```no_run
//! use larkspur::*;
//! use larkspur::router::*;
//!
//! #[component]
//! fn Home() -> impl IntoView { view! { <h1>"Home"</h1> } }
//!
//! #[component]
//! fn User() -> impl IntoView {
//!     let params = use_params_map();
//!     view! { <p>"User " {move || params.with(|p| p.get("id").cloned().unwrap_or_default())}</p> }
//! }
//!
//! #[component]
//! fn App() -> impl IntoView {
//!     view! {
//!         <Router>
//!             <A href="/">"Home"</A> <A href="/users/7">"User 7"</A>
//!             <Routes fallback=|| "Not found">
//!                 <Route path="" view=Home/>
//!                 <Route path="users/:id" view=User/>
//!             </Routes>
//!         </Router>
//!     }
//! }
//! ```

mod animated;
mod form;
mod integration;
pub mod linear_map;
mod location;
mod params;
mod path;
mod progress;
mod props_compat;
mod protected;
mod query_signal;
mod redirect;
mod route_context;
mod routes;
mod url;

pub use animated::{
    AnimatedOutlet, AnimatedOutletProps, AnimatedOutletPropsBuilder, AnimatedRoutes,
    AnimatedRoutesProps, AnimatedRoutesPropsBuilder, AnimationClasses, ChildrenSlot,
};
pub use form::{Form, FormProps, FormPropsBuilder};
pub use integration::{BrowserIntegration, History, LocationChange, RouterIntegrationContext};
// The `#[derive(Params)]` macro is `larkspur::Params`, not re-exported here:
// as in Leptos 0.6 (`leptos::Params` the derive, `leptos_router::Params` the
// trait), code may import both by name side by side.
pub use larkspur_reactive::SignalSetter;
// The storage module's query backend reads and navigates through it.
pub use linear_map::LinearMap;
pub use location::{
    use_location, use_navigate, use_params, use_params_map, use_query, use_query_map, Location,
    NavigateOptions, NavigationError, RouterMode, State,
};
pub use location::{use_router, RouterContext};
pub use params::IntoParam;
pub(crate) use path::with_query_param;
pub use path::{InvalidParam, Matcher, Params, ParamsError, ParamsMap, PathMatch, PathPattern};
pub use progress::{RoutingProgress, RoutingProgressProps, RoutingProgressPropsBuilder};
pub use props_compat::{Method, SsrMode, StaticData, StaticMode, TrailingSlash};
pub use protected::{ProtectedRoute, ProtectedRouteProps, ProtectedRoutePropsBuilder};
pub use query_signal::{create_query_signal, create_query_signal_with_options};
pub use redirect::{MissingPath, Redirect, RedirectProps, RedirectPropsBuilder};
pub use route_context::{use_resolved_path, use_route, use_route_data, Loader, RouteContext};
pub use routes::{
    AProps, APropsBuilder, Branch, Missing, MissingHref, Outlet, Route, RouteData, RouteDefinition,
    RouteProps, RoutePropsBuilder, Router, RouterProps, RouterPropsBuilder, Routes, RoutesProps,
    RoutesPropsBuilder, ToHref, A,
};
pub use url::{escape, unescape, unescape_minimal, Url};
