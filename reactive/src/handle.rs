//! The untyped core of every handle: a node id plus, in debug builds, its creation site.

use crate::runtime::{with_runtime, NodeId};
#[cfg(debug_assertions)]
use std::cell::Cell;
#[cfg(debug_assertions)]
use std::panic::Location;

#[cfg(debug_assertions)]
thread_local! {
    /// Where the last call-syntax `Deref` (`count()`, `set_count(3)`) was
    /// written: the closure it calls through reads inside `call.rs`, so a
    /// disposed-handle report takes the user's line from here.
    static CALL_SITE: Cell<Option<&'static Location<'static>>> = const { Cell::new(None) };
}

/// Records where a call-syntax `Deref` was written (debug builds).
#[cfg(debug_assertions)]
pub(crate) fn record_call_site(site: &'static Location<'static>) {
    CALL_SITE.with(|c| c.set(Some(site)));
}

/// The site to report for an access made at `caller`: the user's line of
/// the call syntax when the access came through it.
#[cfg(debug_assertions)]
fn reported_site(caller: &'static Location<'static>) -> &'static Location<'static> {
    if caller.file() == crate::call::FILE {
        CALL_SITE.with(|c| c.get()).unwrap_or(caller)
    } else {
        caller
    }
}

/// Node id plus (debug builds) where the handle's node was created.
///
/// Keeping the creation site in the handle, not only in the arena, lets a
/// disposed-handle panic say where the node came from even after its slot
/// was freed or reused.
#[derive(Clone, Copy)]
pub(crate) struct Handle {
    pub(crate) id: NodeId,
    #[cfg(debug_assertions)]
    pub(crate) created: crate::runtime::Site,
}

impl Handle {
    /// A handle for a node created at `site`.
    pub(crate) fn at(id: NodeId, #[cfg(debug_assertions)] site: crate::runtime::Site) -> Self {
        Handle {
            id,
            #[cfg(debug_assertions)]
            created: site,
        }
    }

    /// A handle for an existing node, taking its creation site from the arena.
    pub(crate) fn existing(id: NodeId) -> Self {
        Handle {
            id,
            #[cfg(debug_assertions)]
            created: with_runtime(|rt| {
                rt.arena
                    .borrow()
                    .get(id)
                    .map(|n| n.created)
                    .unwrap_or(Location::caller())
            }),
        }
    }

    /// Panics because a read overlapped a write of the same value (or the
    /// other way round); debug builds name the value (where it was created)
    /// and the access (the user's line, through `track_caller`).
    #[cold]
    #[inline(never)]
    #[cfg_attr(debug_assertions, track_caller)]
    pub(crate) fn overlap(&self, what: &str, message: &str) -> ! {
        #[cfg(debug_assertions)]
        panic!(
            "larkspur-reactive: the {what} created at {} {message} (at {})",
            self.created,
            reported_site(Location::caller())
        );
        #[cfg(not(debug_assertions))]
        {
            let _ = what;
            panic!("{message}")
        }
    }

    /// Panics because the handle's node is gone; debug builds name both
    /// locations. Release builds panic with a fixed message: they record no
    /// creation sites and pass no caller locations, and a fixed string keeps
    /// the formatting out of every reader.
    #[cold]
    #[inline(never)]
    #[cfg_attr(debug_assertions, track_caller)]
    pub(crate) fn disposed(&self, what: &str, action: &str) -> ! {
        #[cfg(debug_assertions)]
        panic!(
            "larkspur-reactive: tried to {action} a {what} that has been disposed. \
             The {what} was created at {} and {action} was attempted at {}. \
             Use the try_ methods to handle disposal, or create the {what} \
             higher up in the ownership tree.",
            self.created,
            reported_site(Location::caller())
        );
        #[cfg(not(debug_assertions))]
        {
            let _ = (what, action);
            panic!(
                "larkspur-reactive: tried to use a signal, memo or stored value that has been \
                 disposed (a debug build names it and where it was used)"
            );
        }
    }

    /// Warns (debug builds) that a write to a disposed node was ignored.
    #[cold]
    #[inline(never)]
    #[cfg_attr(debug_assertions, track_caller)]
    pub(crate) fn warn_disposed(&self, what: &str, action: &str) {
        #[cfg(debug_assertions)]
        {
            let message = format!(
                "larkspur-reactive: ignored an attempt to {action} a {what} that has been \
                 disposed. The {what} was created at {} and {action} was attempted at {}.",
                self.created,
                reported_site(Location::caller())
            );
            with_runtime(|rt| rt.warn(&message));
        }
        #[cfg(not(debug_assertions))]
        let _ = (what, action);
    }

    /// Disposes the node (and everything it owns).
    pub(crate) fn dispose(&self) {
        with_runtime(|rt| crate::owner::dispose_node(rt, self.id));
    }

    pub(crate) fn is_alive(&self) -> bool {
        with_runtime(|rt| rt.arena.borrow().get(self.id).is_some())
    }
}
