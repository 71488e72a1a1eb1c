//! [`Dynamic`]: a component form of a dynamic child.

use std::rc::Rc;

use super::show::MissingChildren;
use crate::components::Props;
use crate::view::{DynChild, IntoView, View};

/// Props of [`Dynamic`].
pub struct DynamicProps {
    /// Builds the current view; re-run when the signals it reads change.
    pub children: Rc<dyn Fn() -> View>,
}

/// Builder of [`DynamicProps`]; `build()` exists once `children` are set.
#[must_use = "call .build() to get the props"]
pub struct DynamicPropsBuilder<C = MissingChildren> {
    children: C,
}

impl<C> DynamicPropsBuilder<C> {
    /// Sets the closure that builds the view.
    pub fn children<V: IntoView>(
        self,
        children: impl Fn() -> V + 'static,
    ) -> DynamicPropsBuilder<Rc<dyn Fn() -> View>> {
        DynamicPropsBuilder {
            children: Rc::new(move || children().into_view()),
        }
    }
}

impl DynamicPropsBuilder<Rc<dyn Fn() -> View>> {
    /// Finishes the props.
    pub fn build(self) -> DynamicProps {
        DynamicProps {
            children: self.children,
        }
    }
}

impl Props for DynamicProps {
    type Builder = DynamicPropsBuilder;
    fn builder() -> DynamicPropsBuilder {
        DynamicPropsBuilder {
            children: MissingChildren,
        }
    }
}

/// Re-creates its view whenever the signals read by `children` change,
/// disposing the previous one — the same as passing a closure as a child.
///
/// # Example
///
/// ```no_run
/// use larkspur::*;
///
/// let (tab, set_tab) = create_signal(0);
/// let view = Dynamic(
///     DynamicProps::builder()
///         .children(move || match tab() {
///             0 => html::p().child("first").into_view(),
///             _ => html::p().child("other").into_view(),
///         })
///         .build(),
/// );
/// set_tab(1);
/// ```
#[allow(non_snake_case)]
pub fn Dynamic(props: DynamicProps) -> View {
    let children = props.children;
    DynChild::new(move || children()).into_view()
}
