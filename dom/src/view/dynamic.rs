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
//! A child that only ever shows text has no marker at all (its text node
//! delimits it); the marker appears the first time it shows anything else.
//! While the range is not in the document yet the new view is only stored;
//! it is inserted with the range later.

use larkspur_reactive::{borrow_state, borrow_state_mut};
use std::cell::RefCell;
use std::rc::Rc;

use larkspur_reactive::{create_view_effect, HoldEffects};

use super::{Content, IntoView, View};
use crate::dom::{self, Node, Text};

/// A range of nodes that changes over time, closed by a marker node (a
/// dynamic child that has only shown text is delimited by its text node).
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

    /// The value a [`Transparent`](super::Transparent) view carries (only
    /// that view answers).
    fn as_transparent(&self) -> Option<&super::Transparent> {
        None
    }
}

/// The state of one dynamic child: what it shows now, and its marker.
///
/// A child that has only ever shown text needs no marker: its text node
/// delimits the range and is patched in place. The marker is created the
/// first time anything else is shown (an element, a fragment, nothing) and
/// kept from then on.
struct DynState {
    marker: RefCell<Option<Node>>,
    current: RefCell<View>,
}

impl DynamicRange for DynState {
    fn collect_nodes(&self, out: &mut Vec<Node>) {
        borrow_state(&self.current).collect_nodes(out);
        if let Some(m) = &*borrow_state(&self.marker) {
            out.push(m.clone());
        }
    }

    fn first_node(&self) -> Node {
        borrow_state(&self.current)
            .first_node()
            .or_else(|| borrow_state(&self.marker).clone())
            .expect("a dynamic child shows text or has a marker")
    }

    // `mount`, `unmount` and `apply` copy what they need out of the cells
    // before touching the DOM: inserting or removing nodes can run page
    // code synchronously (`focusout` when the focused element goes, custom
    // element callbacks), which may write a signal whose effect patches
    // this very range.
    // The marker goes in first and comes out first: a range updated by
    // such page code while it is being mounted or unmounted outside any
    // effect (the app's first mount, `MountHandle::unmount`) then finds
    // its marker where the update expects it (in the page while it is
    // mounted, gone while it is unmounted), instead of leaving the old
    // content in the page with no range that owns it.
    //
    // Effects wait while the range goes in: outside an effect (the app's
    // first mount) a write from such page code would otherwise patch the
    // range while only part of it is in the page, and the rest would then
    // be inserted after the patch. (Inside an effect they wait anyway.)
    fn mount(&self, parent: &Node, anchor: Option<&Node>) {
        let _hold = HoldEffects::new();
        let current = borrow_state(&self.current).clone();
        let marker = borrow_state(&self.marker).clone();
        match &marker {
            Some(m) => {
                dom::insert_before(parent, m, anchor);
                current.mount(parent, Some(m));
            }
            None => current.mount(parent, anchor),
        }
    }

    fn unmount(&self) {
        let current = borrow_state(&self.current).clone();
        let marker = borrow_state(&self.marker).clone();
        // The content is taken from the marker's parent only: a view it
        // shows that another dynamic child has since put elsewhere stays
        // there.
        match marker
            .as_ref()
            .and_then(|m| dom::parent_node(m).map(|p| (m, p)))
        {
            Some((m, parent)) => {
                let _ = parent.remove_child(m);
                current.unmount_from(&parent);
            }
            None => current.unmount(),
        }
    }
}

impl DynState {
    fn apply(&self, content: Content) {
        if let Content::Text(s) = &content {
            // Writing a text node's data runs no page code (mutation
            // events are gone from browsers), so the shared borrow may
            // stay across this one call: the hot path stays clone-free.
            if let View::Text(node) = &*borrow_state(&self.current) {
                dom::set_text(node, s);
                return;
            }
        }
        let next = content.into_view_now();
        let current = borrow_state(&self.current).clone();
        if next == current && !matches!(next, View::Empty) {
            // The same view again (a cached `View` returned twice): it is
            // already in place. Moving it before itself and then removing
            // the old one would remove it for good. (Empty goes on: its
            // first run is what makes the range's marker.)
            return;
        }
        let mut marker = borrow_state(&self.marker).clone();
        if marker.is_none() && !matches!(next, View::Text(_)) {
            // First non-text content: put a marker right after the text
            // shown so far (if any, and if it is in the document).
            let m = dom::create_marker();
            if let View::Text(t) = &current {
                if let Some(parent) = dom::parent_node(t) {
                    dom::insert_before(&parent, &m, dom::next_sibling(t).as_ref());
                }
            }
            *borrow_state_mut(&self.marker) = Some(m.clone());
            marker = Some(m);
        }
        match &marker {
            Some(m) => {
                if let Some(parent) = dom::parent_node(m) {
                    current.unmount_from(&parent);
                    next.mount(&parent, Some(m));
                }
            }
            // Text replaced by another text node (a closure returning a
            // built text view): the old node is the anchor.
            None => {
                if let View::Text(t) = &current {
                    if let Some(parent) = dom::parent_node(t) {
                        next.mount(&parent, Some(t));
                        current.unmount();
                    }
                }
            }
        }
        let old = self.current.replace(next);
        drop((old, current));
    }
}

/// Builds a dynamic range around `f` (the non-generic core of every closure
/// and signal child).
pub(crate) fn dynamic_view(f: Box<dyn Fn() -> Content>) -> View {
    let state = Rc::new(DynState {
        marker: RefCell::new(None),
        current: RefCell::new(View::Empty),
    });
    let s = state.clone();
    create_view_effect(move |_: Option<()>| s.apply(f()));
    View::Dynamic(state)
}

/// Like [`dynamic_view`], but the range starts as `placeholder`, a text
/// node already in its parent (left by a `view!` template): text results
/// are written into it instead of creating and inserting a new node.
pub(crate) fn dynamic_in_place(f: Box<dyn Fn() -> Content>, placeholder: Text) {
    let state = DynState {
        marker: RefCell::new(None),
        current: RefCell::new(View::Text(placeholder.into())),
    };
    create_view_effect(move |_: Option<()>| state.apply(f()));
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
    fn fill_text(self, placeholder: Text) {
        dynamic_in_place(self.f, placeholder);
    }
}
