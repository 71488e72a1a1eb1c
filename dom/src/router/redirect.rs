//! [`Redirect`]: a component that navigates elsewhere when it renders.

use larkspur_reactive::{create_effect, untrack};

use std::fmt::Display;
use std::marker::PhantomData;

use super::location::{use_router, NavigateOptions};
use crate::components::Props;
use crate::view::{IntoView, View};

/// Props of [`Redirect`]: generic in the path's type (anything
/// `Display`), as in Leptos 0.6.
pub struct RedirectProps<P> {
    /// Where to go: an app path, absolute or relative to the route that renders the redirect.
    pub path: P,
    /// How to navigate; by default the redirect replaces the current
    /// history entry, so Back does not return to a page that redirects.
    pub options: Option<NavigateOptions>,
}

/// Marks a [`RedirectPropsBuilder`] whose `path` is not set yet (`P` is
/// its type, fixed by the props type or by the path given).
pub struct MissingPath<P = ()>(PhantomData<P>);

/// Builder of [`RedirectProps`]; `build()` exists once `path` is set.
#[must_use = "call .build() to get the props"]
pub struct RedirectPropsBuilder<P = MissingPath> {
    path: P,
    options: Option<NavigateOptions>,
}

impl<P> RedirectPropsBuilder<MissingPath<P>> {
    /// Sets the target path.
    pub fn path(self, path: P) -> RedirectPropsBuilder<P> {
        RedirectPropsBuilder {
            path,
            options: self.options,
        }
    }
}

impl<P> RedirectPropsBuilder<P> {
    /// Sets the navigation options.
    pub fn options(mut self, options: NavigateOptions) -> Self {
        self.options = Some(options);
        self
    }
}

impl<P: Display + 'static> RedirectPropsBuilder<P> {
    /// Finishes the props.
    pub fn build(self) -> RedirectProps<P> {
        RedirectProps {
            path: self.path,
            options: self.options,
        }
    }
}

impl<P: Display + 'static> Props for RedirectProps<P> {
    type Builder = RedirectPropsBuilder<MissingPath<P>>;
    fn builder() -> Self::Builder {
        RedirectPropsBuilder {
            path: MissingPath(PhantomData),
            options: None,
        }
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
pub fn Redirect<P: Display + 'static>(props: RedirectProps<P>) -> impl IntoView {
    redirect(props.path.to_string(), props.options)
}

/// [`Redirect`]'s body, once for every path type.
fn redirect(path: String, options: Option<NavigateOptions>) -> View {
    let router = use_router();
    let options = options.unwrap_or(NavigateOptions {
        replace: true,
        ..Default::default()
    });
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
                // Counted: a loop of redirects stops (see
                // `RouterContext::chain_allowed`).
                router.navigate_rendered(&to, &options)
            });
        }
    });
    View::Empty
}
