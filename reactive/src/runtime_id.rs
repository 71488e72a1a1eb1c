//! [`create_runtime`]: a disposable scope for tests written against Leptos 0.6's `create_runtime()`.
//!
//! Larkspur has exactly one runtime per thread and it always exists, so
//! there is nothing to create. What a 0.6 test expects from the value is
//! that `dispose()` frees what the test made; a [`RuntimeId`] therefore
//! opens a root owner that becomes the current owner until it is disposed.

use crate::owner::{create_root, Owner};
use crate::runtime::{with_runtime, NodeId};

/// What [`create_runtime`] returns: call [`dispose`](RuntimeId::dispose)
/// at the end of a test to free every signal, memo and effect created
/// since at top level (and run their cleanups).
///
/// ```
/// use larkspur_reactive::*;
/// let runtime = create_runtime();
/// let (count, set_count) = create_signal(1);
/// set_count(2);
/// assert_eq!(count(), 2);
/// runtime.dispose();
/// assert_eq!(count.try_get(), None);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct RuntimeId {
    root: Owner,
    previous: Option<NodeId>,
}

/// Starts a scope that owns everything created at top level until
/// [`RuntimeId::dispose`]; Leptos 0.6's entry point for native tests.
///
/// Nesting works like a stack: disposing the inner one makes the outer one
/// current again.
///
/// ```
/// use larkspur_reactive::*;
/// let runtime = create_runtime();
/// let doubled = {
///     let (a, set_a) = create_signal(2);
///     let doubled = create_memo(move |_| a() * 2);
///     set_a(3);
///     doubled
/// };
/// assert_eq!(doubled(), 6);
/// runtime.dispose();
/// ```
#[cfg_attr(debug_assertions, track_caller)]
pub fn create_runtime() -> RuntimeId {
    let previous = with_runtime(|rt| rt.owner.get());
    let root = create_root(|root| root);
    with_runtime(|rt| rt.owner.set(Some(root.h.id)));
    RuntimeId { root, previous }
}

impl RuntimeId {
    /// Disposes everything created under this scope (children first, then
    /// cleanups) and restores the owner that was current before.
    ///
    /// ```
    /// use larkspur_reactive::*;
    /// let runtime = create_runtime();
    /// let s = create_rw_signal(0);
    /// runtime.dispose();
    /// assert!(s.try_get().is_none());
    /// ```
    pub fn dispose(self) {
        with_runtime(|rt| {
            if rt.owner.get() == Some(self.root.h.id) {
                rt.owner.set(self.previous);
            }
        });
        self.root.dispose();
    }

    /// The root owner of this scope.
    ///
    /// ```
    /// use larkspur_reactive::*;
    /// let runtime = create_runtime();
    /// assert_eq!(Owner::current(), Some(runtime.owner()));
    /// runtime.dispose();
    /// ```
    pub fn owner(&self) -> Owner {
        self.root
    }
}
