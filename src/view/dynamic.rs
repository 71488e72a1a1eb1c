//! Dynamic children: a closure's result kept between markers by one render
//! effect.
//!
//! The effect runs the closure, turns the result into [`Content`] and
//! patches the range: text replacing text only rewrites the existing text
//! node's data; anything else removes the old nodes and inserts the new ones
//! before the range's marker. Because the render effect owns what the closure
//! created, re-running it first disposes the previous branch's effects,
//! listeners, signals and cleanups (the seed's "decision tree").
//!
//! While the range is not in the document yet (its marker has no parent) the
//! new view is only stored; it is inserted with the marker later.

use std::cell::RefCell;
use std::rc::Rc;

use larkspur_reactive::create_render_effect;

use super::{Content, IntoView, View};
use crate::dom::{self, Node};

/// A range of nodes that changes over time, closed by a marker node.
///
/// Implemented by dynamic children and keyed lists; the renderer asks it for
/// its current nodes whenever it has to insert, move or remove the range.
pub trait DynamicRange {
    /// Appends the range's current nodes, marker last, to `out`.
    fn collect_nodes(&self, out: &mut Vec<Node>);
    /// The first current node (the marker when the range is empty).
    fn first_node(&self) -> Node;

    /// Inserts the range's nodes into `parent` before `anchor`. The default
    /// goes through [`collect_nodes`](DynamicRange::collect_nodes);
    /// implementations override it to avoid the temporary vector.
    fn mount(&self, parent: &Node, anchor: Option<&Node>) {
        let mut nodes = Vec::new();
        self.collect_nodes(&mut nodes);
        for n in &nodes {
            dom::insert_before(parent, n, anchor);
        }
    }

    /// Detaches the range's nodes (marker included) from the document.
    fn unmount(&self) {
        let mut nodes = Vec::new();
        self.collect_nodes(&mut nodes);
        nodes.iter().for_each(dom::remove_node);
    }
}

/// The state of one dynamic child: its marker and what it shows now.
struct DynState {
    marker: Node,
    current: RefCell<View>,
}

impl DynamicRange for DynState {
    fn collect_nodes(&self, out: &mut Vec<Node>) {
        self.current.borrow().collect_nodes(out);
        out.push(self.marker.clone());
    }

    fn first_node(&self) -> Node {
        self.current
            .borrow()
            .first_node()
            .unwrap_or_else(|| self.marker.clone())
    }

    fn mount(&self, parent: &Node, anchor: Option<&Node>) {
        self.current.borrow().mount(parent, anchor);
        dom::insert_before(parent, &self.marker, anchor);
    }

    fn unmount(&self) {
        self.current.borrow().unmount();
        dom::remove_node(&self.marker);
    }
}

impl DynState {
    fn apply(&self, content: Content) {
        let mut current = self.current.borrow_mut();
        if let (Content::Text(s), View::Text(node)) = (&content, &*current) {
            dom::set_text(node, s);
            return;
        }
        let next = content.into_view_now();
        if let Some(parent) = dom::parent_node(&self.marker) {
            current.unmount();
            next.mount(&parent, Some(&self.marker));
        }
        *current = next;
    }
}

/// Builds a dynamic range around `f` (the non-generic core of every closure
/// and signal child).
pub(crate) fn dynamic_view(f: Box<dyn Fn() -> Content>) -> View {
    let state = Rc::new(DynState {
        marker: dom::create_marker(),
        current: RefCell::new(View::Empty),
    });
    let s = state.clone();
    create_render_effect(move |_: Option<()>| s.apply(f()));
    View::Dynamic(state)
}

/// A closure child as a value: the view it returns is re-created whenever
/// the signals it reads change.
///
/// Closures are already views (`.child(move || count() * 2)`); `DynChild`
/// only names the concept for code that wants a concrete type.
///
/// # Example
///
/// ```no_run
/// use larkspur::*;
///
/// let (count, set_count) = create_signal(1);
/// let child = DynChild::new(move || if count() > 3 { "big" } else { "small" });
/// let div = html::div().child(child);
/// set_count(5);
/// ```
pub struct DynChild {
    f: Box<dyn Fn() -> Content>,
}

impl DynChild {
    /// Wraps a closure returning anything that is [`IntoView`].
    pub fn new<V: IntoView>(f: impl Fn() -> V + 'static) -> Self {
        DynChild {
            f: Box::new(move || f().into_content()),
        }
    }
}

impl IntoView for DynChild {
    fn into_view(self) -> View {
        dynamic_view(self.f)
    }
}
