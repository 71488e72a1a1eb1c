//! [`For`] and its props: the keyed-list component (the algorithm is in
//! `keyed.rs`).

use std::hash::Hash;
use std::marker::PhantomData;

use super::keyed::keyed_list;
use crate::components::Props;
use crate::view::{IntoView, View};

/// The closure-related type parameters, carried so the props name them.
type Types<I, T, K, V> = PhantomData<fn() -> (I, T, K, V)>;

/// Props of [`For`].
///
/// The type parameters are those of the three closures and of what they
/// return; the builder's setters carry the bounds, so the item type flows
/// from `each` into the closures given to `key` and `children`.
pub struct ForProps<IF, I, T, KF, K, CF, V> {
    /// Returns the items; read reactively.
    pub each: IF,
    /// Returns an item's key (unique within the list).
    pub key: KF,
    /// Builds one row from an item.
    pub children: CF,
    _types: Types<I, T, K, V>,
}

/// Builder of [`ForProps`].
#[must_use = "call .build() to get the props"]
pub struct ForPropsBuilder<IF, I, T, KF, K, CF, V> {
    each: Option<IF>,
    key: Option<KF>,
    children: Option<CF>,
    _types: Types<I, T, K, V>,
}

impl<IF, I, T, KF, K, CF, V> Props for ForProps<IF, I, T, KF, K, CF, V> {
    type Builder = ForPropsBuilder<IF, I, T, KF, K, CF, V>;
    fn builder() -> Self::Builder {
        ForPropsBuilder {
            each: None,
            key: None,
            children: None,
            _types: PhantomData,
        }
    }
}

impl<IF, I, T, KF, K, CF, V> ForPropsBuilder<IF, I, T, KF, K, CF, V>
where
    IF: Fn() -> I + 'static,
    I: IntoIterator<Item = T>,
    KF: Fn(&T) -> K + 'static,
    K: Eq + Hash + 'static,
    CF: Fn(T) -> V + 'static,
    V: IntoView,
    T: 'static,
{
    /// Sets the closure returning the items (or a signal or memo of them).
    pub fn each(mut self, each: impl larkspur_reactive::Source<I, Reader = IF>) -> Self {
        self.each = Some(each.into_reader());
        self
    }

    /// Sets the closure returning an item's key.
    pub fn key(mut self, key: KF) -> Self {
        self.key = Some(key);
        self
    }

    /// Sets the closure building one row.
    pub fn children(mut self, children: CF) -> Self {
        self.children = Some(children);
        self
    }

    /// Finishes the props.
    ///
    /// # Panics
    ///
    /// If `each`, `key` or `children` was not set.
    #[track_caller]
    pub fn build(self) -> ForProps<IF, I, T, KF, K, CF, V> {
        ForProps {
            each: self.each.expect("<For>: the `each` prop is required"),
            key: self.key.expect("<For>: the `key` prop is required"),
            children: self.children.expect("<For>: children are required"),
            _types: PhantomData,
        }
    }
}

/// A keyed list: one row per item of `each`, identified by `key`, built by
/// `children`.
///
/// A row is built once and kept, with its DOM nodes and its state, for as
/// long as its key stays in the list; a row whose key leaves is disposed
/// (its effects, listeners and cleanups go away). Reordering moves the
/// fewest rows (see the module docs of the keyed algorithm).
///
/// # Example
///
/// ```no_run
/// use larkspur::*;
///
/// #[derive(Clone)]
/// struct Todo { id: u32, title: String }
///
/// let (todos, set_todos) = create_signal(vec![
///     Todo { id: 1, title: "write".into() },
///     Todo { id: 2, title: "test".into() },
/// ]);
/// let list = html::ul().child(For(
///     ForProps::builder()
///         .each(move || todos())
///         .key(|todo| todo.id)
///         .children(|todo| html::li().child(todo.title))
///         .build(),
/// ));
/// set_todos.update(|t| t.reverse()); // moves one <li>
/// ```
#[allow(non_snake_case)]
pub fn For<IF, I, T, KF, K, CF, V>(props: ForProps<IF, I, T, KF, K, CF, V>) -> View
where
    IF: Fn() -> I + 'static,
    I: IntoIterator<Item = T>,
    KF: Fn(&T) -> K + 'static,
    K: Eq + Hash + 'static,
    CF: Fn(T) -> V + 'static,
    V: IntoView,
    T: 'static,
{
    keyed_list(props.each, props.key, props.children)
}
