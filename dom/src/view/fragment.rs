//! [`Fragment`] (several sibling views, what `children()` returns) and
//! [`CollectView`] (turning an iterator of views into one view).

use std::rc::Rc;

use super::{IntoView, View};

/// Several views side by side, without a wrapping element.
///
/// This is what [`Children`](crate::Children) closures return.
///
/// # Example
///
/// ```no_run
/// use larkspur::*;
///
/// let fragment = Fragment::new(vec![
///     html::h1().child("Title").into_view(),
///     html::p().child("Body").into_view(),
/// ]);
/// let page = html::main().child(fragment);
/// ```
#[derive(Clone, Default, PartialEq, Eq)]
pub struct Fragment {
    /// The views, in order (public, as in Leptos 0.6:
    /// `children().nodes.into_iter()` wraps each child).
    pub nodes: Vec<View>,
}

impl Fragment {
    /// A fragment of the given views, in order.
    pub fn new(nodes: Vec<View>) -> Self {
        Fragment { nodes }
    }

    /// A fragment built lazily from a closure.
    pub fn lazy(f: impl FnOnce() -> Vec<View>) -> Self {
        Fragment::new(f())
    }

    /// The views of this fragment.
    pub fn as_children(&self) -> &[View] {
        &self.nodes
    }

    /// Consumes the fragment into its views.
    pub fn into_nodes(self) -> Vec<View> {
        self.nodes
    }
}

impl From<Vec<View>> for Fragment {
    fn from(nodes: Vec<View>) -> Self {
        Fragment::new(nodes)
    }
}

impl FromIterator<View> for Fragment {
    fn from_iter<T: IntoIterator<Item = View>>(iter: T) -> Self {
        Fragment::new(iter.into_iter().collect())
    }
}

impl From<View> for Fragment {
    fn from(view: View) -> Self {
        Fragment::new(vec![view])
    }
}

/// A fragment as a view (what `Callback<_, View>` props and `View` values
/// take from a `view!` with several children).
///
/// ```
/// use larkspur::*;
/// let view: View = Fragment::new(vec![]).into();
/// assert!(view.is_empty());
/// ```
impl From<Fragment> for View {
    fn from(fragment: Fragment) -> View {
        fragment.into_view()
    }
}

/// Views side by side, as one view (Leptos 0.6's `FromIterator<View> for
/// View`).
///
/// ```
/// use larkspur::*;
/// let views: View = vec![View::Empty, View::Empty].into_iter().collect();
/// assert!(views.is_empty());
/// ```
impl FromIterator<View> for View {
    fn from_iter<I: IntoIterator<Item = View>>(iter: I) -> View {
        Fragment::new(iter.into_iter().collect()).into_view()
    }
}

impl IntoView for Fragment {
    fn into_view(self) -> View {
        let mut nodes = self.nodes;
        if nodes.len() == 1 {
            nodes.pop().unwrap_or_default()
        } else {
            View::Fragment(Rc::from(nodes))
        }
    }
}

impl std::fmt::Debug for Fragment {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_tuple("Fragment").field(&self.nodes.len()).finish()
    }
}

/// Collects an iterator of views into a [`Fragment`] (Leptos 0.6's
/// `leptos_dom::IntoFragment`).
///
/// ```no_run
/// use larkspur::*;
///
/// let items = ["one", "two"].map(|s| html::li().child(s)).into_fragment();
/// assert_eq!(items.nodes.len(), 2);
/// let list = html::ul().child(items);
/// ```
pub trait IntoFragment {
    /// Builds every item into a fragment, in order.
    fn into_fragment(self) -> Fragment;
}

impl<I, V> IntoFragment for I
where
    I: IntoIterator<Item = V>,
    V: IntoView,
{
    fn into_fragment(self) -> Fragment {
        Fragment::new(self.into_iter().map(IntoView::into_view).collect())
    }
}

/// Collects an iterator of views into one [`View`].
///
/// # Example
///
/// ```no_run
/// use larkspur::*;
///
/// let labels = vec!["a.txt", "b.txt", "c.txt"];
/// let buttons = labels
///     .into_iter()
///     .map(|label| html::button().child(label))
///     .collect_view();
/// let bar = html::div().child(buttons);
/// ```
pub trait CollectView {
    /// Builds every item and puts the results side by side.
    fn collect_view(self) -> View;
}

impl<I> CollectView for I
where
    I: IntoIterator,
    I::Item: IntoView,
{
    fn collect_view(self) -> View {
        View::Fragment(self.into_iter().map(IntoView::into_view).collect())
    }
}
