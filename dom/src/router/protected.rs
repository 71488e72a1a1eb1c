//! `ProtectedRoute`: a route that renders only while a condition holds and
//! redirects otherwise (Leptos 0.6).

use larkspur_reactive::__signal_traits::*;
use std::rc::Rc;

use larkspur_reactive::{create_memo, untrack, Source};

use super::path::debug_warn;
use super::redirect::{Redirect, RedirectProps};
use super::route_context::Loader;
use super::routes::{Route, RouteProps};
use crate::components::{Children, Props, ViewFn};
use crate::view::{IntoView, View};

/// Props of [`ProtectedRoute`].
pub struct ProtectedRouteProps {
    /// The pattern, as [`Route`]'s `path`.
    pub path: String,
    /// Where to go while `condition` is false. Without one the route stays
    /// where it is and renders nothing then (and warns in debug builds).
    pub redirect_path: String,
    /// Whether the route may render (tracked: the page redirects as soon as
    /// it turns false).
    pub condition: Rc<dyn Fn() -> bool>,
    /// What the route renders while `condition` is true.
    pub view: ViewFn,
    /// The data loader, as [`Route`]'s `data`.
    pub data: Option<Loader>,
    /// Nested routes.
    pub children: Option<Children>,
}

/// Builder of [`ProtectedRouteProps`].
#[derive(Default)]
#[must_use = "call .build() to get the props"]
pub struct ProtectedRoutePropsBuilder {
    path: String,
    redirect_path: String,
    condition: Option<Rc<dyn Fn() -> bool>>,
    view: ViewFn,
    data: Option<Loader>,
    children: Option<Children>,
}

impl ProtectedRoutePropsBuilder {
    /// Sets the path pattern.
    pub fn path(mut self, path: impl Into<String>) -> Self {
        self.path = path.into();
        self
    }
    /// Sets where to go while the condition is false.
    pub fn redirect_path(mut self, path: impl std::fmt::Display) -> Self {
        self.redirect_path = path.to_string();
        self
    }
    /// Sets the condition: a closure, or a signal or memo of `bool`.
    pub fn condition(mut self, condition: impl Source<bool>) -> Self {
        self.condition = Some(Rc::new(condition.into_reader()));
        self
    }
    /// Sets the view.
    pub fn view(mut self, view: impl Into<ViewFn>) -> Self {
        self.view = view.into();
        self
    }
    /// Sets the data loader (see [`use_route_data`](super::use_route_data)).
    pub fn data(mut self, data: impl Into<Loader>) -> Self {
        self.data = Some(data.into());
        self
    }
    /// Sets the nested routes.
    pub fn children(mut self, children: Children) -> Self {
        self.children = Some(children);
        self
    }
    /// Accepted for Leptos 0.6 code; every mode renders the same in the
    /// browser.
    pub fn ssr(self, _mode: super::SsrMode) -> Self {
        self
    }
    /// Accepted for Leptos 0.6 code; a client-side route answers every
    /// navigation.
    pub fn methods(self, _methods: &'static [super::Method]) -> Self {
        self
    }
    /// The trailing-slash policy; only `Drop` is supported (others warn in
    /// debug builds).
    pub fn trailing_slash(self, policy: super::TrailingSlash) -> Self {
        policy.check("<ProtectedRoute>");
        self
    }
    /// Finishes the props (a missing condition never holds: the route
    /// always redirects).
    pub fn build(self) -> ProtectedRouteProps {
        ProtectedRouteProps {
            path: self.path,
            redirect_path: self.redirect_path,
            condition: self.condition.unwrap_or_else(|| Rc::new(|| false)),
            view: self.view,
            data: self.data,
            children: self.children,
        }
    }
}

impl Props for ProtectedRouteProps {
    type Builder = ProtectedRoutePropsBuilder;
    fn builder() -> Self::Builder {
        ProtectedRoutePropsBuilder::default()
    }
}

/// A [`Route`] that renders its view while `condition` is true and
/// otherwise [`Redirect`]s to `redirect_path`. The condition is tracked: a
/// page whose condition turns false (the user logs out) redirects then.
///
/// # Example
///
/// ```no_run
/// use larkspur::*;
/// use larkspur::router::*;
///
/// let (logged_in, _) = create_signal(false);
/// let _ = view! {
///     <Router>
///         <Routes>
///             <Route path="/login" view=|| view! { <p>"Log in"</p> }/>
///             <ProtectedRoute path="/account" redirect_path="/login"
///                 condition=logged_in view=|| view! { <p>"Your account"</p> }/>
///         </Routes>
///     </Router>
/// };
/// ```
#[allow(non_snake_case)]
pub fn ProtectedRoute(props: ProtectedRouteProps) -> impl IntoView {
    let ProtectedRouteProps {
        path,
        redirect_path,
        condition,
        view,
        data,
        children,
    } = props;
    if redirect_path.is_empty() {
        // A redirect to "" stays on the page: almost surely a forgotten prop.
        debug_warn(&format!(
            "<ProtectedRoute path={path:?}> has no redirect_path; it renders nothing while its \
             condition is false"
        ));
    }
    let guarded = move || -> View {
        let (condition, view, redirect_path) =
            (condition.clone(), view.clone(), redirect_path.clone());
        // A memo: the view is rebuilt (or the redirect made) only when the
        // answer flips, not whenever something the condition reads changes.
        let allowed = create_memo(move |_| condition());
        (move || {
            // Only the answer is tracked: what building the view reads
            // must not rebuild it.
            let allowed = allowed.get();
            untrack(|| {
                if allowed {
                    view.run()
                } else if redirect_path.is_empty() {
                    // Stays where it is: the URL, its query, fragment and
                    // history state untouched.
                    View::Empty
                } else {
                    Redirect(RedirectProps {
                        path: redirect_path.clone(),
                        options: None,
                    })
                    .into_view()
                }
            })
        })
        .into_view()
    };
    Route(RouteProps {
        path,
        view: guarded,
        ssr: super::SsrMode::default(),
        methods: &[super::Method::Get],
        data,
        trailing_slash: None,
        children,
    })
}
