//! [`Redirect`]: a component that navigates elsewhere when it renders.

use larkspur_reactive::{create_effect, untrack};

use super::location::{use_router, NavigateOptions};
use crate::components::Props;
use crate::view::{IntoView, View};

/// Props of [`Redirect`].
pub struct RedirectProps {
    /// Where to go: an app path, absolute or relative to the route that renders the redirect.
    pub path: String,
    /// How to navigate; by default the redirect replaces the current
    /// history entry, so Back does not return to a page that redirects.
    pub options: Option<NavigateOptions>,
}

/// Builder of [`RedirectProps`].
#[derive(Default)]
#[must_use = "call .build() to get the props"]
pub struct RedirectPropsBuilder {
    path: String,
    options: Option<NavigateOptions>,
}

impl RedirectPropsBuilder {
    /// Sets the target path.
    pub fn path(mut self, path: impl Into<String>) -> Self {
        self.path = path.into();
        self
    }
    /// Sets the navigation options.
    pub fn options(mut self, options: NavigateOptions) -> Self {
        self.options = Some(options);
        self
    }
    /// Finishes the props.
    pub fn build(self) -> RedirectProps {
        RedirectProps {
            path: self.path,
            options: self.options,
        }
    }
}

impl Props for RedirectProps {
    type Builder = RedirectPropsBuilder;
    fn builder() -> Self::Builder {
        RedirectPropsBuilder::default()
    }
}

/// Navigates to `path` as soon as it is rendered; renders nothing.
///
/// The navigation runs right after the current render (as an effect), so
/// the view being built is finished first, and a redirect whose owner is
/// disposed before then (its route left already) does nothing.
///
/// # Example
///
/// ```no_run
/// use larkspur::*;
/// use larkspur::router::*;
///
/// #[component]
/// fn Account() -> impl IntoView {
///     let (logged_in, _) = create_signal(false);
///     view! {
///         <Show when=move || logged_in.get() fallback=|| view! { <Redirect path="/login"/> }>
///             <p>"Your account"</p>
///         </Show>
///     }
/// }
/// ```
#[allow(non_snake_case)]
pub fn Redirect(props: RedirectProps) -> impl IntoView {
    let router = use_router();
    let options = props.options.unwrap_or(NavigateOptions {
        replace: true,
        ..Default::default()
    });
    let path = props.path;
    // A relative path is resolved against the route rendering the
    // redirect, as in Leptos 0.6 (`<Redirect path="overview"/>` as the
    // index route of `/d` goes to `/d/overview`).
    let route = super::use_route();
    create_effect(move |done: Option<()>| {
        if done.is_none() {
            untrack(|| {
                let path = router.app_path(&path);
                let to = route
                    .resolve_path(&path)
                    .unwrap_or_else(|| path.to_string());
                router.navigate(&to, &options)
            });
        }
    });
    View::Empty
}
