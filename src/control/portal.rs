//! [`Portal`]: children rendered into another element (by default `<body>`).

use larkspur_reactive::on_cleanup;

use super::show::MissingChildren;
use crate::components::{ChildrenFn, Props};
use crate::dom::{self, Element};
use crate::view::{IntoView, View};

/// Props of [`Portal`].
pub struct PortalProps {
    /// Where the children go; `document.body` when `None`.
    pub mount: Option<Element>,
    /// What to render there.
    pub children: ChildrenFn,
}

/// Builder of [`PortalProps`]; `build()` exists once `children` are set.
#[must_use = "call .build() to get the props"]
pub struct PortalPropsBuilder<C = MissingChildren> {
    mount: Option<Element>,
    children: C,
}

impl<C> PortalPropsBuilder<C> {
    /// Sets the element the children are appended to.
    pub fn mount(mut self, mount: impl Into<Element>) -> Self {
        self.mount = Some(mount.into());
        self
    }

    /// Sets the children.
    pub fn children(self, children: ChildrenFn) -> PortalPropsBuilder<ChildrenFn> {
        PortalPropsBuilder {
            mount: self.mount,
            children,
        }
    }
}

impl PortalPropsBuilder<ChildrenFn> {
    /// Finishes the props.
    pub fn build(self) -> PortalProps {
        PortalProps {
            mount: self.mount,
            children: self.children,
        }
    }
}

impl Props for PortalProps {
    type Builder = PortalPropsBuilder;
    fn builder() -> PortalPropsBuilder {
        PortalPropsBuilder {
            mount: None,
            children: MissingChildren,
        }
    }
}

/// Renders `children` at the end of another element — `mount`, or the
/// document's `<body>` — instead of in place. The children belong to the
/// current owner: when it is disposed, their nodes are removed and their
/// effects disposed. In place the portal leaves nothing.
///
/// # Example
///
/// ```no_run
/// use larkspur::*;
///
/// let (open, set_open) = create_signal(true);
/// let dialog = move || open().then(|| Portal(
///     PortalProps::builder()
///         .children(ToChildren::to_children(move || Fragment::new(vec![
///             html::div().attr("class", "modal").child("Hello from the body").into_view(),
///         ])))
///         .build(),
/// ));
/// set_open(false); // the modal's nodes leave <body>
/// ```
#[allow(non_snake_case)]
pub fn Portal(props: PortalProps) -> View {
    let target: dom::Node = match props.mount {
        Some(el) => el.into(),
        None => dom::body().into(),
    };
    let view = (props.children)().into_view();
    view.mount(&target, None);
    on_cleanup(move || view.unmount());
    View::Empty
}
