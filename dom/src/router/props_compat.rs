//! Route and router props Leptos 0.6 declares for server rendering or for
//! trailing-slash policies: accepted, so its code compiles, and documented
//! where they do nothing here.

/// How a route renders on a server (Leptos 0.6's `ssr=` prop). Larkspur
/// renders only in the browser, so every mode behaves the same.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SsrMode {
    /// Leptos' default.
    #[default]
    OutOfOrder,
    /// Streams in order, blocking on some resources.
    PartiallyBlocked,
    /// Streams in order.
    InOrder,
    /// Waits for every resource.
    Async,
}

/// An HTTP method a route answers on a server (Leptos 0.6's `methods=`);
/// client-side routes answer every navigation.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Method {
    /// `GET`.
    #[default]
    Get,
    /// `POST`.
    Post,
    /// `PUT`.
    Put,
    /// `DELETE`.
    Delete,
    /// `PATCH`.
    Patch,
}

/// What a trailing `/` in a route's path means (Leptos 0.6). Larkspur
/// matches as [`TrailingSlash::Drop`] does: `/users/` and `/users` are the
/// same route. The other policies are accepted and warned about in debug
/// builds.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum TrailingSlash {
    /// A trailing slash is ignored (the default).
    #[default]
    Drop,
    /// A trailing slash must match exactly (not supported: matched as
    /// `Drop`).
    Exact,
    /// Redirects to the declared form (not supported: matched as `Drop`).
    Redirect,
}

impl TrailingSlash {
    /// Warns (debug builds) that a policy other than `Drop` is matched as
    /// `Drop`.
    pub(super) fn check(self, on: &str) {
        // Debug builds only: a release build carries no message (nor the
        // formatting it needs).
        if cfg!(debug_assertions) && self != TrailingSlash::Drop {
            super::path::debug_warn(&format!(
                "{on}: TrailingSlash::{self:?} is not supported; trailing slashes are ignored \
                 when matching (TrailingSlash::Drop)"
            ));
        }
    }
}

/// When a route is generated ahead of time on a server (Leptos 0.6's static
/// routes). Accepted in a [`RouteDefinition`](super::RouteDefinition);
/// Larkspur apps are static files already, so it does nothing.
///
/// ```
/// use larkspur::router::StaticMode;
/// assert_eq!(StaticMode::default(), StaticMode::Upfront);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum StaticMode {
    /// Generated when the site is built (the default, as in 0.6).
    #[default]
    Upfront,
    /// Generated when first requested.
    Incremental,
}

/// The parameters a static route is generated for (Leptos 0.6). Accepted in
/// a [`RouteDefinition`](super::RouteDefinition) and ignored.
pub type StaticData = std::rc::Rc<dyn std::any::Any>;
