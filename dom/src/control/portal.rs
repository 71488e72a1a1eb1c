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
    /// Renders the children in an open shadow root, attached to a `<div>`
    /// that is appended to `mount` (page styles stay out, the children's
    /// own `<style>` stays in).
    pub use_shadow: bool,
    /// Leptos 0.6 wraps SVG portal content in a `<g>`; Larkspur adds no
    /// wrapper (without a shadow root), so children go straight into an
    /// SVG `mount` either way. With `use_shadow` the host element is a
    /// `<g>`, which cannot hold a shadow root: the children then go into it
    /// directly.
    pub is_svg: bool,
    /// What to render there.
    pub children: ChildrenFn,
}

/// Builder of [`PortalProps`]; `build()` exists once `children` are set.
#[must_use = "call .build() to get the props"]
pub struct PortalPropsBuilder<C = MissingChildren> {
    mount: Option<Element>,
    use_shadow: bool,
    is_svg: bool,
    children: C,
}

impl<C> PortalPropsBuilder<C> {
    /// Sets the element the children are appended to.
    pub fn mount(mut self, mount: impl Into<Element>) -> Self {
        self.mount = Some(mount.into());
        self
    }

    /// Renders the children in a shadow root (see [`PortalProps::use_shadow`]).
    pub fn use_shadow(mut self, use_shadow: bool) -> Self {
        self.use_shadow = use_shadow;
        self
    }

    /// Marks SVG content (see [`PortalProps::is_svg`]).
    pub fn is_svg(mut self, is_svg: bool) -> Self {
        self.is_svg = is_svg;
        self
    }

    /// Sets the children.
    pub fn children(self, children: ChildrenFn) -> PortalPropsBuilder<ChildrenFn> {
        PortalPropsBuilder {
            mount: self.mount,
            use_shadow: self.use_shadow,
            is_svg: self.is_svg,
            children,
        }
    }
}

impl PortalPropsBuilder<ChildrenFn> {
    /// Finishes the props.
    pub fn build(self) -> PortalProps {
        PortalProps {
            mount: self.mount,
            use_shadow: self.use_shadow,
            is_svg: self.is_svg,
            children: self.children,
        }
    }
}

impl Props for PortalProps {
    type Builder = PortalPropsBuilder;
    fn builder() -> PortalPropsBuilder {
        PortalPropsBuilder {
            mount: None,
            use_shadow: false,
            is_svg: false,
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
    // Kept for the test kit's queries once it is in use (an app links
    // none of the registry).
    if let Some((add, remove)) = live::HOOK.with(std::cell::Cell::get) {
        let id = add(view.clone());
        on_cleanup(move || remove(id));
    }
    if props.use_shadow {
        let host = if props.is_svg {
            dom::create_element_ns("http://www.w3.org/2000/svg", "g")
        } else {
            dom::create_element("div")
        };
        let init = web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open);
        let inside: dom::Node = match host.attach_shadow(&init) {
            Ok(root) => root.into(),
            // An element that cannot hold a shadow root (the SVG `<g>`):
            // the children go into it.
            Err(_) => host.clone().into(),
        };
        view.mount(&inside, None);
        dom::append_child(&target, &host);
        on_cleanup(move || {
            view.unmount();
            dom::remove_node(&host);
        });
    } else {
        view.mount(&target, None);
        on_cleanup(move || view.unmount());
    }
    View::Empty
}

/// The portals alive now, for the test kit: a screen's queries search what
/// they render outside its container (a modal in `<body>`) too.
pub(crate) mod live {
    use std::cell::{Cell, RefCell};

    use crate::view::View;

    /// What a portal registers its view with and removes it by, set by
    /// [`install`].
    type Hook = Option<(fn(View) -> u32, fn(u32))>;

    use larkspur_reactive::Owner;

    thread_local! {
        pub(super) static HOOK: Cell<Hook> = const { Cell::new(None) };
        /// Each live portal's number, the owner it was made under, and its
        /// view.
        static VIEWS: RefCell<Vec<(u32, Option<Owner>, View)>> = const { RefCell::new(Vec::new()) };
        static NEXT: Cell<u32> = const { Cell::new(0) };
    }

    /// Portals made from now on are kept (the test kit's `render` calls
    /// this).
    #[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
    pub(crate) fn install() {
        HOOK.with(|h| h.set(Some((add, remove))));
    }

    fn add(view: View) -> u32 {
        let id = NEXT.with(|n| {
            let id = n.get().wrapping_add(1);
            n.set(id);
            id
        });
        let owner = Owner::current();
        VIEWS.with(|v| v.borrow_mut().push((id, owner, view)));
        id
    }

    fn remove(id: u32) {
        // Dropped after the borrow: a view's drop may run other code.
        let gone = VIEWS.with(|v| {
            let mut v = v.borrow_mut();
            let at = v.iter().position(|(i, _, _)| *i == id)?;
            Some(v.swap_remove(at))
        });
        drop(gone);
    }

    /// The top-level nodes of every live portal made under `root`, in the
    /// order the portals were made.
    #[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
    pub(crate) fn nodes_under(root: Owner) -> Vec<crate::dom::Node> {
        let mut views: Vec<(u32, Option<Owner>, View)> = VIEWS.with(|v| v.borrow().clone());
        views.sort_by_key(|(id, _, _)| *id);
        let mut nodes = Vec::new();
        for (_, owner, view) in views {
            if owner.is_some_and(|o| o.__is_within(root)) {
                view.collect_nodes(&mut nodes);
            }
        }
        nodes
    }
}
