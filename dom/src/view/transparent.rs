//! [`Transparent`]: a value carried through the view tree without rendering
//! anything (Leptos 0.6's `leptos_dom::Transparent`).

use std::any::Any;
use std::rc::Rc;

use crate::dom::{self, Node};
use crate::view::{DynamicRange, IntoView, View};

/// A value that travels where views go and renders nothing: how a
/// `<Route>` hands its [`RouteDefinition`](crate::router::RouteDefinition)
/// to the `<Routes>` around it, and how code of your own can pass data up
/// through `children()`.
///
/// ```no_run
/// use larkspur::*;
///
/// let view = Transparent::new(42u32).into_view();
/// let value = view.as_transparent().and_then(|t| t.downcast_ref::<u32>());
/// assert_eq!(value, Some(&42));
/// ```
#[derive(Clone)]
pub struct Transparent(Rc<dyn Any>);

impl Transparent {
    /// Wraps `value`.
    pub fn new<T: Any>(value: T) -> Self {
        Transparent(Rc::new(value))
    }

    /// The value, if it is a `T`.
    pub fn downcast_ref<T: Any>(&self) -> Option<&T> {
        self.0.downcast_ref::<T>()
    }
}

impl std::fmt::Debug for Transparent {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Transparent")
    }
}

impl PartialEq for Transparent {
    /// The same value (by identity), as views compare.
    fn eq(&self, other: &Transparent) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// A transparent value in the view tree: an empty range. Mounted by
/// mistake, it shows nothing but its marker comment.
struct TransparentRange {
    value: Transparent,
    marker: Node,
}

impl DynamicRange for TransparentRange {
    fn collect_nodes(&self, out: &mut Vec<Node>) {
        out.push(self.marker.clone());
    }

    fn first_node(&self) -> Node {
        self.marker.clone()
    }

    fn as_transparent(&self) -> Option<&Transparent> {
        Some(&self.value)
    }
}

impl IntoView for Transparent {
    fn into_view(self) -> View {
        View::Dynamic(Rc::new(TransparentRange {
            value: self,
            marker: dom::create_marker(),
        }))
    }
}
