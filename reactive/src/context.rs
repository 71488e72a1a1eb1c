//! Context: values provided on an owner and found by walking up the owner chain.

use crate::runtime::{with_runtime, Kind, NodeId, Runtime};
use std::any::{Any, TypeId};
use std::cell::Cell;
use std::rc::Rc;

/// Provides `value` to the current owner and everything below it, shadowing
/// a value of the same type provided higher up. Where no owner is current
/// (an event handler, a timer's callback, a spawned future) it is provided
/// on the root of the app mounted last, as Leptos 0.6 provides it on its
/// runtime's root; with no app mounted yet (in `main`, before
/// `mount_to_body`) on a page-wide root that every owner sees last, as
/// 0.6's runtime root is above every app.
///
/// ```
/// use larkspur_reactive::*;
/// create_root(|_| {
///     provide_context(String::from("dark"));
///     assert_eq!(use_context::<String>().as_deref(), Some("dark"));
/// });
/// ```
#[cfg_attr(debug_assertions, track_caller)]
pub fn provide_context<T: Clone + 'static>(value: T) {
    provide_any(
        TypeId::of::<T>(),
        Rc::new(value),
        #[cfg(debug_assertions)]
        std::panic::Location::caller(),
    );
}

/// [`provide_context`] for every type: only the boxing is generic.
#[inline(never)]
fn provide_any(
    key: TypeId,
    boxed: Rc<dyn Any>,
    #[cfg(debug_assertions)] site: crate::runtime::Site,
) {
    with_runtime(|rt| {
        // Where no owner is current (an event handler, a timer, a spawned
        // future) the value goes on the root of the app mounted last, as
        // Leptos 0.6 provides it on the runtime's root there; before any
        // app (or after the last one was unmounted), on the page's root.
        let fallback = || rt.context_owner.get().filter(|&id| alive(rt, id));
        let owner = rt.owner.get().or_else(fallback);
        let owner = match owner.or_else(|| live_page_root(rt)) {
            Some(owner) => owner,
            None => {
                let root = rt.create_node(
                    Kind::Owner,
                    None,
                    None,
                    #[cfg(debug_assertions)]
                    site,
                );
                PAGE_ROOT.with(|r| r.set(Some(root)));
                root
            }
        };
        let mut arena = rt.arena.borrow_mut();
        let Some(node) = arena.get_mut(owner) else {
            drop(arena);
            // The value is dropped after the arena's borrow.
            drop(boxed);
            rt.warn("larkspur-reactive: provide_context called under a disposed owner; ignored");
            return;
        };
        let contexts = node
            .owned_mut()
            .contexts
            .get_or_insert_with(Default::default);
        let old = match contexts.iter_mut().find(|(k, _)| *k == key) {
            Some(entry) => Some(std::mem::replace(&mut entry.1, boxed)),
            None => {
                contexts.push((key, boxed));
                None
            }
        };
        drop(arena);
        drop(old);
    });
}

crate::__local! {
    /// The owner of contexts provided where no owner is current and no app
    /// is mounted yet (in `main`, before `mount_to_body`), made then:
    /// `use_context` looks there after every chain of owners, as Leptos
    /// 0.6 provides such contexts on its runtime's root, above every app.
    /// (Here, not in the runtime: apps that never provide a context carry
    /// no code for it.)
    static PAGE_ROOT: Cell<Option<NodeId>> = const { Cell::new(None) };
}

/// The page's root (see [`PAGE_ROOT`]), if it was made and lives.
fn live_page_root(rt: &Runtime) -> Option<NodeId> {
    PAGE_ROOT.with(Cell::get).filter(|&id| alive(rt, id))
}

/// Whether node `id` still exists.
fn alive(rt: &Runtime, id: NodeId) -> bool {
    rt.arena.borrow().get(id).is_some()
}

/// Finds the nearest value of type `T` provided by the current owner or one
/// of its ancestors, and clones it.
///
/// ```
/// use larkspur_reactive::*;
/// create_root(|_| {
///     provide_context(1u32);
///     let inner = Owner::new_child();
///     inner.with(|| {
///         assert_eq!(use_context::<u32>(), Some(1));
///         provide_context(2u32); // shadows
///         assert_eq!(use_context::<u32>(), Some(2));
///     });
///     assert_eq!(use_context::<u32>(), Some(1));
/// });
/// ```
pub fn use_context<T: Clone + 'static>() -> Option<T> {
    // The value is cloned after the lookup's borrow ends, since a `Clone`
    // impl may read signals or make nodes.
    let found = find_context(TypeId::of::<T>())?;
    found.downcast_ref::<T>().cloned()
}

/// The context provided under `key` nearest the current owner (see
/// [`use_context`]). One function for every context type: only the
/// downcast is generic.
#[inline(never)]
fn find_context(key: TypeId) -> Option<Rc<dyn Any>> {
    // The entry is found (and its `Rc` cloned) with the arena borrowed.
    with_runtime(|rt| {
        let arena = rt.arena.borrow();
        let fallback = rt.context_owner.get();
        let mut current = rt.owner.get().or(fallback);
        let mut fell_back = rt.owner.get().is_none();
        // Contexts provided before any app was mounted come last.
        let mut page_root = PAGE_ROOT.with(Cell::get);
        while let Some(id) = current.or_else(|| page_root.take()) {
            // A disposed fallback (the app mounted last was unmounted)
            // still leads on to the page's root.
            let Some(node) = arena.get(id) else {
                current = None;
                continue;
            };
            let found = node
                .owned
                .as_ref()
                .and_then(|o| o.contexts.as_ref()?.iter().find(|(k, _)| *k == key));
            if let Some((_, value)) = found {
                return Some(value.clone());
            }
            current = node.owner.get();
            // A memo, effect or child scope made where no owner was
            // current (in an event handler, a timer, a spawned future: a
            // `<For>` built there) sees the app's contexts beyond its own,
            // as in Leptos 0.6, where such a node is a child of the
            // runtime's root. A root's lookups end at the root.
            let detached =
                matches!(node.kind, Kind::Memo | Kind::Effect) || node.owner.is_detached();
            if current.is_none() && !fell_back && detached {
                fell_back = true;
                current = fallback;
            }
        }
        None
    })
}

/// Like [`use_context`], but panics (naming the type and the caller's
/// location) when no value was provided.
///
/// ```
/// use larkspur_reactive::*;
/// create_root(|_| {
///     provide_context(5i64);
///     assert_eq!(expect_context::<i64>(), 5);
/// });
/// ```
#[track_caller]
pub fn expect_context<T: Clone + 'static>() -> T {
    match use_context::<T>() {
        Some(v) => v,
        None => panic!(
            "larkspur-reactive: expect_context::<{}>() found no context of that type \
             (called at {}). Provide it with provide_context in an owner above this one.",
            std::any::type_name::<T>(),
            std::panic::Location::caller()
        ),
    }
}

/// Runs `f` with `owner`'s contexts visible to [`use_context`] where no
/// owner is current, without making `owner` the owner of what `f` creates.
///
/// Where no owner is current (an event handler, a timer's callback, a
/// spawned future), `use_context` looks at the root of the app mounted
/// last, so `use_context::<AppState>()` or `use_navigate()` in an
/// `on:click` finds what the app provided at its top, as Leptos 0.6 apps
/// expect; this function points it somewhere else for the length of `f`.
///
/// ```
/// use larkspur_reactive::*;
/// let owner = create_root(|owner| {
///     provide_context(5u8);
///     owner
/// });
/// assert_eq!(with_context_owner(Some(owner), use_context::<u8>), Some(5));
/// // Ownership is untouched: nothing is current.
/// assert!(with_context_owner(Some(owner), Owner::current_strict).is_none());
/// ```
pub fn with_context_owner<R>(owner: Option<crate::Owner>, f: impl FnOnce() -> R) -> R {
    struct Restore(Option<crate::Owner>);
    impl Drop for Restore {
        fn drop(&mut self) {
            set_context_owner(self.0);
        }
    }
    let _restore = Restore(set_context_owner(owner));
    f()
}

/// Sets the owner [`use_context`] falls back on where no owner is current
/// (see [`with_context_owner`]) and returns the previous one. Mounting an
/// app sets it to the app's root.
#[doc(hidden)]
pub fn set_context_owner(owner: Option<crate::Owner>) -> Option<crate::Owner> {
    with_runtime(|rt| rt.context_owner.replace(owner.map(|o| o.h.id))).map(|id| crate::Owner {
        h: crate::handle::Handle::existing(id),
    })
}

/// Disposes the page's root (see [`provide_context`]) with the contexts
/// on it, if it was made: the test kit does this when a screen goes, so
/// a context a test provided before rendering is not seen by the tests
/// after it.
#[doc(hidden)]
pub fn dispose_page_root() {
    if let Some(root) = PAGE_ROOT.with(Cell::take) {
        with_runtime(|rt| crate::owner::dispose_node(rt, root));
    }
}

/// Makes `owner` (a mounted app's root) the owner [`use_context`] falls
/// back on where none is current.
#[doc(hidden)]
pub fn set_context_root(owner: crate::Owner) {
    with_runtime(|rt| {
        rt.context_owner.set(Some(owner.h.id));
        rt.context_root.set(Some(owner.h.id));
    });
}

/// The root [`set_context_root`] set last and still in place: what an app
/// mounted now replaces as the fallback.
#[doc(hidden)]
pub fn context_root() -> Option<crate::Owner> {
    with_runtime(|rt| rt.context_root.get()).map(|id| crate::Owner {
        h: crate::handle::Handle::existing(id),
    })
}

thread_local! {
    /// Apps unmounted while a later one was the context root, each with
    /// the root it had replaced: the later app's unmount passes over them
    /// to the one before (see [`unset_context_root`]).
    static UNMOUNTED: std::cell::RefCell<Vec<(NodeId, Option<NodeId>)>> =
        const { std::cell::RefCell::new(Vec::new()) };
}

/// Forgets `owner` (an app being unmounted; `previous` is what
/// [`context_root`] gave just before it was mounted) as a context root:
/// if it is the fallback, the app mounted before it that is still there
/// becomes the fallback again, so that app's handlers find their contexts
/// once more.
#[doc(hidden)]
pub fn unset_context_root(owner: crate::Owner, previous: Option<crate::Owner>) {
    let gone = owner.h.id;
    let mut previous = previous.map(|o| o.h.id);
    with_runtime(|rt| {
        if rt.context_root.get() != Some(gone) {
            // An app mounted later is the fallback and names this one as
            // the app before it.
            UNMOUNTED.with(|u| u.borrow_mut().push((gone, previous)));
            return;
        }
        // Past the apps unmounted meanwhile (each is followed once: only
        // the app mounted right after one names it).
        while let Some(id) = previous.filter(|&id| !alive(rt, id)) {
            previous = UNMOUNTED.with(|u| {
                let mut u = u.borrow_mut();
                let at = u.iter().position(|&(gone, _)| gone == id)?;
                u.swap_remove(at).1
            });
        }
        rt.context_root.set(previous);
        if rt.context_owner.get() == Some(gone) {
            rt.context_owner.set(previous);
        }
    });
}
