//! The type-erased [`View`]: DOM nodes that already exist, plus the live
//! ranges (dynamic children, keyed lists) whose nodes change over time.
//!
//! Views are built eagerly, Solid-style: creating a `View` creates its DOM
//! nodes and the render effects that will keep them up to date. Inserting a
//! view into a parent only moves those nodes. A dynamic range ends in a
//! marker node, so it can be located and replaced in place even when it is
//! empty (a dynamic child that has only shown text needs none: its text node
//! is patched in place).

mod dynamic;
mod fragment;
mod into_view;
mod mount;
mod text;
mod transparent;

use std::rc::Rc;

use crate::dom::{self, Element, Node};

pub use dynamic::{DynChild, DynamicRange};
pub use fragment::{CollectView, Fragment, IntoFragment};
#[doc(hidden)]
pub use into_view::Content;
pub use into_view::IntoView;
pub use mount::{
    install_browser_hooks, mount_to, mount_to_body, mount_to_body_with_handle,
    mount_to_with_handle, MountHandle,
};
pub use text::Text;

pub use transparent::Transparent;

pub(crate) use dynamic::{dynamic_in_place, dynamic_view};
pub(crate) use into_view::int_text;

/// A piece of UI: nodes that exist now, and ranges that update themselves.
///
/// Every value that implements [`IntoView`] converts into a `View`. Cloning a
/// `View` is cheap and shares the same DOM nodes.
///
/// # Example
///
/// ```no_run
/// use larkspur::*;
///
/// let (count, set_count) = create_signal(0);
/// let view: View = html::button()
///     .on(ev::click, move |_| set_count.update(|n| *n += 1))
///     .child("Clicks: ")
///     .child(count)
///     .into_view();
/// ```
#[derive(Clone, Default)]
pub enum View {
    /// Nothing at all (no node).
    #[default]
    Empty,
    /// A text node.
    Text(Text),
    /// An element and its subtree.
    Element(Element),
    /// Several views side by side.
    Fragment(Rc<[View]>),
    /// A range whose nodes change over time (a dynamic child or a list),
    /// closed by a marker node (or, while it shows only text, its text node).
    Dynamic(Rc<dyn DynamicRange>),
    /// Never built: see [`ComponentRepr`]. It is here so that Leptos 0.6
    /// code that takes views apart (`View::Component(c) => c.children…`)
    /// compiles; its other arms see what a Larkspur component returns.
    Component(ComponentRepr),
}

/// Leptos 0.6's view of a component, for code that takes views apart.
/// Larkspur never builds one (a component's view is the view it returns,
/// an element, a fragment or a dynamic range), and none can be made, so a
/// `View::Component(c)` arm never runs.
pub struct ComponentRepr {
    /// The component's views (a `Vec` in 0.6; a slice here, which reads the
    /// same: `first()`, `iter()`, `len()`).
    pub children: &'static [View],
    never: std::convert::Infallible,
}

impl ComponentRepr {
    fn never(&self) -> ! {
        match self.never {}
    }
}

impl Clone for ComponentRepr {
    fn clone(&self) -> Self {
        self.never()
    }
}

// Compile-time: the variant that never exists costs no space.
#[cfg(target_arch = "wasm32")]
const _: () = assert!(std::mem::size_of::<View>() == 12);

/// Views compare by identity, as Leptos 0.6's do for their nodes: the same
/// DOM node, the same dynamic range, fragments of equal views. (Two
/// separately built `<p>"a"</p>` are different views.)
///
/// ```
/// use larkspur::*;
/// assert_eq!(View::Empty, View::default());
/// ```
impl PartialEq for View {
    fn eq(&self, other: &View) -> bool {
        match (self, other) {
            (View::Empty, View::Empty) => true,
            (View::Text(a), View::Text(b)) => a == b,
            (View::Element(a), View::Element(b)) => a == b,
            (View::Fragment(a), View::Fragment(b)) => a == b,
            (View::Dynamic(a), View::Dynamic(b)) => std::ptr::addr_eq(Rc::as_ptr(a), Rc::as_ptr(b)),
            _ => false,
        }
    }
}

impl Eq for View {}

impl View {
    /// Inserts this view's nodes into `parent` before `anchor` (or at the end).
    pub fn mount(&self, parent: &Node, anchor: Option<&Node>) {
        match self {
            View::Empty => {}
            View::Text(t) => dom::insert_before(parent, t, anchor),
            View::Element(e) => dom::insert_before(parent, e, anchor),
            View::Fragment(views) => {
                for v in views.iter() {
                    v.mount(parent, anchor);
                }
            }
            View::Dynamic(range) => range.mount(parent, anchor),
            View::Component(c) => c.never(),
        }
    }

    /// Appends every current top-level node of this view to `out`, in order.
    pub fn collect_nodes(&self, out: &mut Vec<Node>) {
        match self {
            View::Empty => {}
            View::Text(t) => out.push(t.clone().into()),
            View::Element(e) => out.push(e.clone().into()),
            View::Fragment(views) => views.iter().for_each(|v| v.collect_nodes(out)),
            View::Dynamic(range) => range.collect_nodes(out),
            View::Component(c) => c.never(),
        }
    }

    /// The first current top-level node, if the view has any.
    pub fn first_node(&self) -> Option<Node> {
        match self {
            View::Empty => None,
            View::Text(t) => Some(t.clone().into()),
            View::Element(e) => Some(e.clone().into()),
            View::Fragment(views) => views.iter().find_map(View::first_node),
            View::Dynamic(range) => Some(range.first_node()),
            View::Component(c) => c.never(),
        }
    }

    /// Detaches every current top-level node from the document.
    pub fn unmount(&self) {
        match self {
            View::Empty => {}
            View::Text(t) => dom::remove_node(t),
            View::Element(e) => dom::remove_node(e),
            View::Fragment(views) => views.iter().for_each(View::unmount),
            View::Dynamic(range) => range.unmount(),
            View::Component(c) => c.never(),
        }
    }

    /// [`unmount`](View::unmount) for a view whose nodes were last put in
    /// `parent`: a node that is no longer there (the same `View` since
    /// shown by another dynamic child) stays where it now is.
    pub(crate) fn unmount_from(&self, parent: &Node) {
        match self {
            // One call, as `remove_node`'s parent lookup would be: a node
            // that is not a child of `parent` is refused (and left alone).
            View::Text(t) => {
                let _ = parent.remove_child(t);
            }
            View::Element(e) => {
                let _ = parent.remove_child(e);
            }
            View::Fragment(views) => views.iter().for_each(|v| v.unmount_from(parent)),
            // Its nodes, collected first, the marker (last) out first as
            // in `unmount`.
            View::Dynamic(range) => {
                let mut nodes = Vec::new();
                range.collect_nodes(&mut nodes);
                if let Some(marker) = nodes.pop() {
                    let _ = parent.remove_child(&marker);
                }
                for node in &nodes {
                    let _ = parent.remove_child(node);
                }
            }
            _ => self.unmount(),
        }
    }

    /// Whether this view has no nodes at all.
    pub fn is_empty(&self) -> bool {
        match self {
            View::Empty => true,
            View::Fragment(views) => views.iter().all(View::is_empty),
            _ => false,
        }
    }

    /// The text node, if this view is one.
    ///
    /// ```
    /// use larkspur::*;
    /// assert!(View::Empty.as_text().is_none());
    /// ```
    pub fn as_text(&self) -> Option<&Text> {
        match self {
            View::Text(t) => Some(t),
            _ => None,
        }
    }

    /// The value of a [`Transparent`] view (Leptos 0.6's
    /// `View::as_transparent`), e.g. the `RouteDefinition` a `<Route>`
    /// returns.
    pub fn as_transparent(&self) -> Option<&Transparent> {
        match self {
            View::Dynamic(range) => range.as_transparent(),
            _ => None,
        }
    }

    /// The element, if this view is one.
    ///
    /// ```no_run
    /// use larkspur::*;
    /// let view = view! { <p>"hi"</p> }.into_view();
    /// assert_eq!(view.as_element().unwrap().tag_name(), "P");
    /// ```
    pub fn as_element(&self) -> Option<&Element> {
        match self {
            View::Element(e) => Some(e),
            _ => None,
        }
    }

    /// The element as a builder, to add attributes, children or handlers
    /// (Leptos 0.6's `View::into_html_element`); the view itself back if it
    /// is not one element.
    ///
    /// ```no_run
    /// use larkspur::*;
    /// let view = view! { <p>"hi"</p> }.into_view();
    /// let p = view.into_html_element().unwrap().attr("title", "greeting");
    /// ```
    pub fn into_html_element(self) -> Result<crate::HtmlElement<crate::html::AnyElement>, Self> {
        match self {
            View::Element(e) => Ok(crate::HtmlElement::from_element(e)),
            other => Err(other),
        }
    }
}

impl std::fmt::Debug for View {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            View::Empty => f.write_str("Empty"),
            View::Text(_) => f.write_str("Text"),
            View::Element(_) => f.write_str("Element"),
            View::Fragment(v) => f.debug_tuple("Fragment").field(&v.len()).finish(),
            View::Dynamic(_) => f.write_str("Dynamic"),
            View::Component(c) => c.never(),
        }
    }
}

/// Creates a view holding one text node.
pub(crate) fn text_view(data: &str) -> View {
    View::Text(dom::create_text(data).into())
}

/// The DOM nodes of a view, for code that places them itself (Leptos 0.6's
/// `leptos_dom::Mountable`: a teleport or a portal of a component
/// library).
///
/// ```no_run
/// use larkspur::*;
///
/// let view = view! { <p>"a"</p> <p>"b"</p> }.into_view();
/// // Both paragraphs, in a `DocumentFragment`, moved where they go.
/// let target = document().body().unwrap();
/// target.append_child(&view.get_mountable_node()).unwrap();
/// ```
pub trait Mountable {
    /// The view's node, or (for several nodes, or none) a
    /// `DocumentFragment` holding them; appending it moves them.
    fn get_mountable_node(&self) -> web_sys::Node;
    /// The first node (an empty text node for a view without nodes).
    fn get_opening_node(&self) -> web_sys::Node;
    /// The last node (an empty text node for a view without nodes).
    fn get_closing_node(&self) -> web_sys::Node;
}

impl Mountable for View {
    fn get_mountable_node(&self) -> web_sys::Node {
        match self {
            View::Text(t) => t.clone().into(),
            View::Element(e) => e.clone().into(),
            _ => {
                let fragment: Node = crate::dom::document().create_document_fragment().into();
                self.mount(&fragment, None);
                fragment
            }
        }
    }

    fn get_opening_node(&self) -> web_sys::Node {
        self.first_node()
            .unwrap_or_else(|| dom::create_text("").into())
    }

    fn get_closing_node(&self) -> web_sys::Node {
        let mut nodes = Vec::new();
        self.collect_nodes(&mut nodes);
        nodes.pop().unwrap_or_else(|| dom::create_text("").into())
    }
}

impl Mountable for Fragment {
    fn get_mountable_node(&self) -> web_sys::Node {
        self.clone().into_view().get_mountable_node()
    }

    fn get_opening_node(&self) -> web_sys::Node {
        self.clone().into_view().get_opening_node()
    }

    fn get_closing_node(&self) -> web_sys::Node {
        self.clone().into_view().get_closing_node()
    }
}
