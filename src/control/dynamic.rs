//! [`Dynamic`]: a component form of a dynamic child.

use std::rc::Rc;

use crate::components::Props;
use crate::view::{DynChild, IntoView, View};

/// Props of [`Dynamic`].
pub struct DynamicProps {
    /// Builds the current view; re-run when the signals it reads change.
    pub children: Rc<dyn Fn() -> View>,
}

/// Builder of [`DynamicProps`].
#[derive(Default)]
#[must_use = "call .build() to get the props"]
pub struct DynamicPropsBuilder {
    children: Option<Rc<dyn Fn() -> View>>,
}

impl DynamicPropsBuilder {
    /// Sets the closure that builds the view.
    pub fn children<V: IntoView>(mut self, children: impl Fn() -> V + 'static) -> Self {
        self.children = Some(Rc::new(move || children().into_view()));
        self
    }

    /// Finishes the props.
    ///
    /// # Panics
    ///
    /// If `children` was not set.
    #[track_caller]
    pub fn build(self) -> DynamicProps {
        DynamicProps {
            children: self.children.expect("<Dynamic>: children are required"),
        }
    }
}

impl Props for DynamicProps {
    type Builder = DynamicPropsBuilder;
    fn builder() -> DynamicPropsBuilder {
        DynamicPropsBuilder::default()
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
