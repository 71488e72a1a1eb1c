//! The ownership tree: owners, roots, cleanups and disposal (children first, then cleanups).

use crate::handle::Handle;
use crate::runtime::{with_runtime, Flags, Invariant, Kind, NodeId, Runtime};

/// A node of the ownership tree: it owns the signals, memos, effects and
/// child owners created while it is the current owner, and disposes them
/// when it is disposed.
///
/// Effects and memos are owners too: when one re-runs it first disposes what
/// it created last time. A plain `Owner` is what the renderer uses for a
/// scope with its own lifetime, such as one row of a list.
///
/// ```
/// use larkspur_reactive::*;
/// let before = live_node_count();
/// let row = Owner::new_child();
/// let count = row.with(|| create_rw_signal(0));
/// count.set(1);
/// row.dispose(); // disposes `count` too
/// assert_eq!(count.try_get(), None);
/// assert_eq!(live_node_count(), before);
/// ```
#[derive(Clone, Copy)]
pub struct Owner {
    pub(crate) h: Handle,
}

impl Owner {
    /// The current owner. Where none is current (an event handler, a
    /// timer's callback, a spawned future) it is the root of the app
    /// mounted last, as Leptos 0.6 gives its runtime's root there; `None`
    /// where there is neither.
    ///
    /// ```
    /// use larkspur_reactive::*;
    /// create_root(|root| {
    ///     assert!(Owner::current() == Some(root));
    /// });
    /// ```
    pub fn current() -> Option<Owner> {
        with_runtime(|rt| rt.owner.get().or(rt.context_owner.get())).map(|id| Owner {
            h: Handle::existing(id),
        })
    }

    /// The owner code is running under, without [`Owner::current`]'s
    /// fallback on the app's root: what the renderer asks before it ties
    /// a listener, timer or resource to an owner.
    #[doc(hidden)]
    pub fn current_strict() -> Option<Owner> {
        with_runtime(|rt| rt.owner.get()).map(|id| Owner {
            h: Handle::existing(id),
        })
    }

    /// The nearest owner, from the current one up, that is not a memo or a
    /// side effect (`create_effect`): the scope whose disposal or re-run
    /// means the view its code was for is gone — a root, a list row, or a
    /// render effect (the renderer's dynamic children are render effects,
    /// and a re-run replaces their view). `None` when there is none.
    ///
    /// Larkspur ties timers to it, so that a `set_timeout` in a
    /// `create_effect` outlives the effect's next run (as in Leptos 0.6,
    /// where timers are not owned at all) but not the component around it.
    ///
    /// ```
    /// use larkspur_reactive::*;
    /// create_root(|root| {
    ///     let seen = std::rc::Rc::new(std::cell::Cell::new(None));
    ///     let s = seen.clone();
    ///     create_effect(move |_| s.set(Owner::current_scope()));
    ///     flush();
    ///     assert_eq!(seen.get(), Some(root));
    ///     let s = seen.clone();
    ///     let _render = create_render_effect(move |_| s.set(Owner::current_scope()));
    ///     assert_ne!(seen.get(), Some(root)); // the render effect itself
    /// });
    /// ```
    pub fn current_scope() -> Option<Owner> {
        with_runtime(|rt| {
            let arena = rt.arena.borrow();
            let mut at = rt.owner.get();
            while let Some(id) = at {
                let node = arena.get(id)?;
                let computation = match node.kind {
                    Kind::Memo => true,
                    Kind::Effect => node.flags.has(Flags::SIDE_EFFECT),
                    _ => false,
                };
                if !computation {
                    return Some(id);
                }
                at = node.owner.get();
            }
            None
        })
        .map(|id| Owner {
            h: Handle::existing(id),
        })
    }

    /// Whether a memo's or effect's run is in progress around the code
    /// running now: the current owner, or one of its owners, is a
    /// computation marked running (a component body built inside a
    /// render effect's run counts; a timer's or future's callback under
    /// an owner does not).
    #[doc(hidden)]
    pub fn in_running_computation() -> bool {
        with_runtime(|rt| {
            let arena = rt.arena.borrow();
            let mut at = rt.owner.get();
            while let Some(node) = at.and_then(|id| arena.get(id)) {
                if matches!(node.kind, Kind::Memo | Kind::Effect) && node.flags.has(Flags::RUNNING)
                {
                    return true;
                }
                at = node.owner.get();
            }
            false
        })
    }

    /// Creates an owner that is a child of the current owner (or a root if
    /// there is none). Disposing the parent disposes it; it can also be
    /// disposed on its own.
    ///
    /// ```
    /// use larkspur_reactive::*;
    /// create_root(|root| {
    ///     let child = Owner::new_child();
    ///     let s = child.with(|| create_rw_signal(1));
    ///     root.dispose();
    ///     assert_eq!(s.try_get(), None);
    /// });
    /// ```
    #[cfg_attr(debug_assertions, track_caller)]
    pub fn new_child() -> Owner {
        #[cfg(debug_assertions)]
        let site = std::panic::Location::caller();
        let id = with_runtime(|rt| {
            let parent = rt.owner.get();
            let id = new_owner_node(
                rt,
                parent,
                #[cfg(debug_assertions)]
                site,
            );
            // Made where no owner is current: not a root (see
            // `OwnerLink::detached`).
            if parent.is_none() {
                if let Some(node) = rt.arena.borrow_mut().get_mut(id) {
                    node.owner = crate::runtime::OwnerLink::detached();
                }
            }
            id
        });
        Owner {
            h: Handle::at(
                id,
                #[cfg(debug_assertions)]
                site,
            ),
        }
    }

    /// Runs `f` with this owner as the current owner and with no tracking
    /// observer, so what `f` creates belongs to this owner.
    ///
    /// ```
    /// use larkspur_reactive::*;
    /// let owner = Owner::new_child();
    /// owner.with(|| provide_context(7u8));
    /// assert_eq!(owner.with(|| use_context::<u8>()), Some(7));
    /// owner.dispose();
    /// ```
    pub fn with<R>(&self, f: impl FnOnce() -> R) -> R {
        with_runtime(|rt| rt.with_context(None, Some(self.h.id), f))
    }

    /// Disposes this owner: everything it owns is disposed (children first,
    /// each child's cleanups after its own children), then its own cleanups
    /// run. Disposing twice is harmless.
    ///
    /// ```
    /// use larkspur_reactive::*;
    /// let owner = Owner::new_child();
    /// owner.with(|| on_cleanup(|| println!("bye")));
    /// owner.dispose(); // prints "bye"
    /// ```
    pub fn dispose(&self) {
        self.h.dispose();
    }

    /// Disposes everything this owner owns, as [`Owner::dispose`] would,
    /// but keeps the owner itself, its cleanups and its contexts: it can
    /// own new children afterwards. One pass over all the children, so
    /// a list that drops all its rows at once (a keyed list's clear)
    /// disposes them together rather than one by one.
    ///
    /// ```
    /// use larkspur_reactive::*;
    /// let owner = Owner::new_child();
    /// let a = owner.with(|| Owner::new_child());
    /// let s = a.with(|| create_rw_signal(1));
    /// owner.dispose_children();
    /// assert!(!a.is_alive());
    /// assert_eq!(s.try_get(), None);
    /// assert!(owner.is_alive());
    /// ```
    pub fn dispose_children(&self) {
        with_runtime(|rt| dispose_owned_parts(rt, self.h.id, false));
    }

    /// Whether this owner is `ancestor` or was made under it, through any
    /// number of owners (for the test kit: which portals a screen's view
    /// made).
    #[doc(hidden)]
    pub fn __is_within(&self, ancestor: Owner) -> bool {
        with_runtime(|rt| {
            let arena = rt.arena.borrow();
            let mut at = Some(self.h.id);
            while let Some(id) = at {
                if id == ancestor.h.id {
                    return true;
                }
                at = arena.get(id).and_then(|n| n.owner.get());
            }
            false
        })
    }

    /// Whether this owner is gone or its disposal has begun: its cleanups
    /// run because it goes, not because it runs again.
    pub(crate) fn is_going(&self) -> bool {
        with_runtime(|rt| {
            (rt.arena.borrow().get(self.h.id)).is_none_or(|n| n.flags.has(Flags::DOOMED))
        })
    }

    /// [`is_going`](Self::is_going) for the other crates: a timer
    /// scheduled under a scope that is going is cancelled at once.
    #[doc(hidden)]
    pub fn __is_going(&self) -> bool {
        self.is_going()
    }

    /// Whether this owner has not been disposed yet.
    ///
    /// ```
    /// use larkspur_reactive::*;
    /// let owner = Owner::new_child();
    /// assert!(owner.is_alive());
    /// owner.dispose();
    /// assert!(!owner.is_alive());
    /// ```
    pub fn is_alive(&self) -> bool {
        self.h.is_alive()
    }
}

impl PartialEq for Owner {
    fn eq(&self, other: &Self) -> bool {
        self.h.id == other.h.id
    }
}

impl Eq for Owner {}

impl std::hash::Hash for Owner {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.h.id.hash(state)
    }
}

impl Owner {
    /// This owner as one number (its slot and generation), for code that
    /// must pass it through JavaScript or a `u64` field; [`Owner::from_ffi`]
    /// turns it back.
    ///
    /// ```
    /// use larkspur_reactive::*;
    /// let owner = Owner::new_child();
    /// assert_eq!(Owner::from_ffi(owner.as_ffi()), owner);
    /// ```
    pub fn as_ffi(&self) -> u64 {
        (u64::from(self.h.id.generation) << 32) | u64::from(self.h.id.index)
    }

    /// The owner [`Owner::as_ffi`] gave this number for. Any other number
    /// names an owner that does not exist: running under it
    /// ([`with_owner`]) creates nodes that nothing owns (as `Owner::from_ffi(u64::MAX)`
    /// is used for in Leptos 0.6 code), and [`try_with_owner`] refuses it.
    ///
    /// ```
    /// use larkspur_reactive::*;
    /// let nobody = Owner::from_ffi(u64::MAX);
    /// assert!(!nobody.is_alive());
    /// assert!(try_with_owner(nobody, || ()).is_err());
    /// ```
    pub fn from_ffi(ffi: u64) -> Owner {
        Owner {
            h: Handle::existing(NodeId {
                index: ffi as u32,
                generation: (ffi >> 32) as u32,
            }),
        }
    }
}

impl std::fmt::Debug for Owner {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Owner({}v{})", self.h.id.index, self.h.id.generation)
    }
}

fn new_owner_node(
    rt: &Runtime,
    parent: Option<NodeId>,
    #[cfg(debug_assertions)] site: crate::runtime::Site,
) -> NodeId {
    rt.create_node(
        Kind::Owner,
        None,
        parent,
        #[cfg(debug_assertions)]
        site,
    )
}

/// Creates a detached root owner, runs `f` under it and returns its result.
/// The root is not owned by the current owner: the caller disposes it with
/// [`Owner::dispose`].
///
/// ```
/// use larkspur_reactive::*;
/// let before = live_node_count();
/// let (root, count) = create_root(|root| (root, create_rw_signal(0)));
/// count.set(2);
/// root.dispose();
/// assert_eq!(live_node_count(), before);
/// ```
#[cfg_attr(debug_assertions, track_caller)]
pub fn create_root<R>(f: impl FnOnce(Owner) -> R) -> R {
    #[cfg(debug_assertions)]
    let site = std::panic::Location::caller();
    let id = with_runtime(|rt| {
        new_owner_node(
            rt,
            None,
            #[cfg(debug_assertions)]
            site,
        )
    });
    let owner = Owner {
        h: Handle::at(
            id,
            #[cfg(debug_assertions)]
            site,
        ),
    };
    owner.with(|| f(owner))
}

/// Runs `f` with `owner` as the current owner; same as [`Owner::with`].
///
/// ```
/// use larkspur_reactive::*;
/// let owner = Owner::new_child();
/// let s = with_owner(owner, || create_rw_signal(1));
/// owner.dispose();
/// assert_eq!(s.try_get(), None);
/// ```
pub fn with_owner<R>(owner: Owner, f: impl FnOnce() -> R) -> R {
    owner.with(f)
}

/// Runs `f` with `owner` as the current owner, if the owner still exists;
/// otherwise says so instead of running it.
///
/// ```
/// use larkspur_reactive::*;
/// let owner = Owner::new_child();
/// assert_eq!(try_with_owner(owner, || 1), Ok(1));
/// owner.dispose();
/// assert_eq!(try_with_owner(owner, || 1), Err(ReactiveSystemError::OwnerDisposed(owner)));
/// ```
pub fn try_with_owner<R>(owner: Owner, f: impl FnOnce() -> R) -> Result<R, ReactiveSystemError> {
    if owner.is_alive() {
        Ok(owner.with(f))
    } else {
        Err(ReactiveSystemError::OwnerDisposed(owner))
    }
}

/// Why the reactive system could not do what was asked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ReactiveSystemError {
    /// The owner was disposed.
    OwnerDisposed(Owner),
}

impl std::fmt::Display for ReactiveSystemError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ReactiveSystemError::OwnerDisposed(owner) => {
                write!(f, "tried to run under {owner:?}, which was disposed")
            }
        }
    }
}

impl std::error::Error for ReactiveSystemError {}

/// Wraps `f` so that each call runs under the owner that is current now
/// (what it creates belongs to that owner, and it can read that owner's
/// contexts), wherever the call happens later. Without a current owner,
/// `f` runs as it is.
///
/// ```
/// use larkspur_reactive::*;
/// let read = create_root(|_| {
///     provide_context(3u8);
///     with_current_owner(|()| use_context::<u8>())
/// });
/// // Called later, outside any owner:
/// assert_eq!(Owner::current(), None);
/// assert_eq!(read(()), Some(3));
/// ```
pub fn with_current_owner<T, U>(f: impl Fn(T) -> U + 'static) -> impl Fn(T) -> U {
    let owner = Owner::current();
    move |arg| match owner {
        Some(owner) => owner.with(|| f(arg)),
        None => f(arg),
    }
}

/// Runs `f` once under a new child of the current owner, untracked
/// (Leptos 0.6's `run_as_child`): what `f` creates, and the contexts it
/// provides, belong to that child, which is disposed with the current
/// owner. Context providers use it to scope `provide_context` to their
/// children.
///
/// ```
/// use larkspur_reactive::*;
/// let root = Owner::new_child();
/// root.with(|| {
///     let inner = run_as_child(|| {
///         provide_context(7u8);
///         use_context::<u8>()
///     });
///     assert_eq!(inner, Some(7));
///     assert_eq!(use_context::<u8>(), None); // not leaked to the parent
/// });
/// ```
pub fn run_as_child<T>(f: impl FnOnce() -> T + 'static) -> T {
    let child = Owner::new_child();
    crate::untrack(|| child.with(f))
}

/// Wraps `f` so that each call runs under a new child of the owner that is
/// current now, and returns, with `f`'s result, a [`Disposer`] for that
/// child: dropping it disposes what the call created (its signals,
/// effects and cleanups). Disposing the outer owner disposes the children
/// too.
///
/// ```
/// use larkspur_reactive::*;
/// let make_counter = as_child_of_current_owner(|start: i32| create_rw_signal(start));
/// let (count, disposer) = make_counter(5);
/// assert_eq!(count.get(), 5);
/// drop(disposer);
/// assert_eq!(count.try_get(), None);
/// ```
pub fn as_child_of_current_owner<T, U>(
    f: impl Fn(T) -> U + 'static,
) -> impl Fn(T) -> (U, Disposer) {
    let parent = Owner::current();
    move |arg| {
        let child = match parent {
            Some(parent) => parent.with(Owner::new_child),
            None => Owner::new_child(),
        };
        let value = child.with(|| f(arg));
        (value, Disposer(child))
    }
}

/// Disposes an owner when dropped (what [`as_child_of_current_owner`]
/// returns with each result).
#[must_use = "dropping a Disposer disposes what it owns at once"]
pub struct Disposer(Owner);

impl Disposer {
    /// The owner this disposer disposes.
    ///
    /// ```
    /// use larkspur_reactive::*;
    /// let (_, disposer) = as_child_of_current_owner(|()| ())(());
    /// assert!(disposer.owner().is_alive());
    /// ```
    pub fn owner(&self) -> Owner {
        self.0
    }
}

/// An effect is an owner too: dropping the disposer disposes the effect.
impl<T> From<crate::effect::Effect<T>> for Disposer {
    fn from(effect: crate::effect::Effect<T>) -> Disposer {
        Disposer(Owner { h: effect.h })
    }
}

impl Drop for Disposer {
    fn drop(&mut self) {
        // At a native thread's exit the runtime goes first, and what it
        // held (this disposer, kept in a signal) after it.
        if crate::runtime::runtime_alive() {
            self.0.dispose();
        }
    }
}

impl std::fmt::Debug for Disposer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_tuple("Disposer").field(&self.0).finish()
    }
}

/// Registers `f` to run when the current owner is disposed or re-runs (for
/// an effect or memo, before its next run). Cleanups run after everything
/// the owner created has been cleaned up, in registration order.
///
/// Where no owner is current (an event handler, a timer's callback, a
/// spawned future) the cleanup can never run, as in Leptos 0.6, where it
/// goes on a root that is never disposed; it is dropped with a debug
/// warning. (It is not put on the app's root: a handler would add one for
/// every click.)
///
/// ```
/// use larkspur_reactive::*;
/// use std::{cell::Cell, rc::Rc};
/// let cleaned = Rc::new(Cell::new(false));
/// let c = cleaned.clone();
/// let owner = Owner::new_child();
/// owner.with(|| on_cleanup(move || c.set(true)));
/// owner.dispose();
/// assert!(cleaned.get());
/// ```
pub fn on_cleanup(f: impl FnOnce() + 'static) {
    with_runtime(|rt| {
        let owner = rt.owner.get();
        let mut arena = rt.arena.borrow_mut();
        match owner.and_then(|o| arena.get_mut(o)) {
            Some(node) => node
                .owned_mut()
                .cleanups
                .push(crate::runtime::Cleanup::Boxed(Box::new(f))),
            // The running memo or effect was disposed during this run: the
            // cleanup runs when the run returns.
            None if owner.is_some() && owner == rt.observer.get() => {
                drop(arena);
                let dead = owner.expect("checked");
                rt.orphans
                    .borrow_mut()
                    .push((dead, crate::runtime::Orphan::Cleanup(Box::new(f))));
            }
            None => {
                drop(arena);
                rt.warn(
                    "larkspur-reactive: on_cleanup called where no owner is current (an event \
                     handler, a timer, a spawned future); it will never run",
                );
            }
        }
    });
}

/// [`on_cleanup`] for a plain function of two numbers, which needs no
/// allocation: the renderer registers one for every event listener it
/// adds. Outside any owner it never runs (silently: a listener added
/// there stays for the page's life).
#[doc(hidden)]
pub fn on_cleanup_raw(f: fn(u32, u32), a: u32, b: u32) {
    with_runtime(|rt| {
        let owner = rt.owner.get();
        let mut arena = rt.arena.borrow_mut();
        match owner.and_then(|o| arena.get_mut(o)) {
            Some(node) => {
                (node.owned_mut().cleanups).push(crate::runtime::Cleanup::Raw(f, a, b));
            }
            // As in `on_cleanup`: the running memo or effect was disposed
            // during this run; the cleanup runs when the run returns.
            None if owner.is_some() && owner == rt.observer.get() => {
                drop(arena);
                let dead = owner.expect("checked");
                rt.orphans.borrow_mut().push((
                    dead,
                    crate::runtime::Orphan::Cleanup(Box::new(move || f(a, b))),
                ));
            }
            None => {}
        }
    });
}

/// Frees what a memo or effect created, and runs the cleanups it
/// registered, after it was disposed during its own run (`dead`).
pub(crate) fn reap_orphans(rt: &Runtime, dead: NodeId) {
    let mut mine: Vec<crate::runtime::Orphan> = Vec::new();
    {
        let mut orphans = rt.orphans.borrow_mut();
        if orphans.is_empty() {
            return;
        }
        for (owner, orphan) in std::mem::take(&mut *orphans) {
            if owner == dead {
                mine.push(orphan);
            } else {
                orphans.push((owner, orphan));
            }
        }
    }
    for orphan in mine {
        match orphan {
            crate::runtime::Orphan::Node(id) => dispose_node(rt, id),
            crate::runtime::Orphan::Cleanup(f) => rt.with_context(None, None, f),
        }
    }
}

/// Marks every node of the given subtrees doomed (see `Node::doomed`)
/// before any of their cleanups run, so a cleanup that writes a signal
/// cannot re-run an effect that is about to be freed (its new cleanups
/// would be dropped unrun).
fn doom(rt: &Runtime, roots: &[NodeId]) {
    let mut arena = rt.arena.borrow_mut();
    let mut stack: Vec<NodeId> = roots.to_vec();
    while let Some(id) = stack.pop() {
        if let Some(node) = arena.get_mut(id) {
            if node.flags.has(Flags::DOOMED) {
                continue;
            }
            node.flags.set(Flags::DOOMED, true);
            stack.extend_from_slice(node.children());
        }
    }
}

/// Runs the cleanups of the given subtrees, children before parents.
fn run_cleanups(rt: &Runtime, roots: &[NodeId]) {
    doom(rt, roots);
    let mut stack: Vec<(NodeId, usize)> = Vec::new();
    for &root in roots {
        stack.push((root, 0));
        while let Some(&(id, next)) = stack.last() {
            let child = {
                let arena = rt.arena.borrow();
                arena.get(id).and_then(|n| n.children().get(next).copied())
            };
            if let Some(child) = child {
                stack.last_mut().expect("non-empty").1 += 1;
                stack.push((child, 0));
                continue;
            }
            stack.pop();
            run_own_cleanups(rt, id);
        }
    }
}

/// Takes `id`'s cleanups and runs them, untracked and unowned, in the
/// order they were registered.
#[inline(never)]
fn run_own_cleanups(rt: &Runtime, id: NodeId) {
    let cleanups = {
        let mut arena = rt.arena.borrow_mut();
        arena
            .get_mut(id)
            .and_then(|n| n.owned.as_mut())
            .map(|o| std::mem::take(&mut o.cleanups))
            .unwrap_or_default()
    };
    if !cleanups.is_empty() {
        rt.with_context(None, None, || cleanups.into_iter().for_each(|c| c.run()));
    }
}

/// Frees the given subtrees from the arena, unlinking their edges. Node
/// contents (values, closures) are dropped after the arena is released,
/// since their `Drop` may call back into the runtime.
fn free_subtrees(rt: &Runtime, roots: &[NodeId]) {
    let mut dropped: Vec<Dropped> = Vec::new();
    {
        let mut arena = rt.arena.borrow_mut();
        let mut stack: Vec<NodeId> = roots.to_vec();
        while let Some(id) = stack.pop() {
            if !arena.contains(id) {
                continue;
            }
            // Unlink while the node is still in the arena, so back-index
            // fix-ups that point at it still land.
            while crate::graph::pop_source(&mut arena, id) {}
            let node = arena.remove(id).invariant();
            let mut owned = node.owned;
            if let Some(owned) = owned.as_mut() {
                stack.append(&mut owned.children);
            }
            if node.payload.is_some() || owned.is_some() {
                dropped.push((node.payload, owned));
            }
        }
    }
    drop(dropped);
}

/// The parts of a freed node whose `Drop` may run user code.
type Dropped = (
    Option<std::rc::Rc<dyn crate::runtime::Payload>>,
    Option<Box<crate::runtime::Owned>>,
);

/// Before a re-run: disposes everything `id` owns, runs its cleanups and
/// forgets its contexts.
pub(crate) fn dispose_owned(rt: &Runtime, id: NodeId) {
    dispose_owned_parts(rt, id, true);
}

/// Disposes everything `id` owns in one pass; with `own`, also runs `id`'s
/// own cleanups (after its children's) and forgets its contexts.
fn dispose_owned_parts(rt: &Runtime, id: NodeId, own: bool) {
    let (children, has_cleanups, contexts) = {
        let mut arena = rt.arena.borrow_mut();
        let Some(owned) = arena.get_mut(id).and_then(|n| n.owned.as_mut()) else {
            return;
        };
        let own_parts = own && (!owned.cleanups.is_empty() || owned.contexts.is_some());
        if owned.children.is_empty() && !own_parts {
            return;
        }
        (
            std::mem::take(&mut owned.children),
            own && !owned.cleanups.is_empty(),
            if own { owned.contexts.take() } else { None },
        )
    };
    let unwind = FreeOnUnwind {
        rt,
        roots: &children,
    };
    run_cleanups(rt, &children);
    if has_cleanups {
        run_own_cleanups(rt, id);
    }
    std::mem::forget(unwind);
    free_subtrees(rt, &children);
    drop(contexts);
    // Give the (now empty) children vector back to keep its capacity.
    let mut children = children;
    children.clear();
    if let Some(owned) = rt
        .arena
        .borrow_mut()
        .get_mut(id)
        .and_then(|n| n.owned.as_mut())
    {
        if owned.children.is_empty() {
            owned.children = children;
        }
    }
}

/// Disposes `id` and everything it owns; removes it from its owner's children.
pub(crate) fn dispose_node(rt: &Runtime, id: NodeId) {
    // The entry in the owner's children stays as a tombstone (see `Node::children`).
    // A node whose disposal has begun (a cleanup of its own disposing it
    // again) is left to that disposal, which frees it after its last
    // cleanup: freeing it here would take its signals from the cleanups
    // still to run.
    match rt.arena.borrow().get(id) {
        None => return,
        Some(node) if node.flags.has(Flags::DOOMED) => return,
        Some(_) => {}
    }
    let roots = [id];
    let unwind = FreeOnUnwind { rt, roots: &roots };
    run_cleanups(rt, &roots);
    std::mem::forget(unwind);
    free_subtrees(rt, &roots);
}

/// Frees subtrees whose disposal was cut short by a panicking cleanup, so
/// no node outlives its disposal (the cleanups not yet run are dropped).
/// Natively a panic can be caught and the runtime used on; in the browser
/// it aborts anyway.
struct FreeOnUnwind<'a> {
    rt: &'a Runtime,
    roots: &'a [NodeId],
}

impl Drop for FreeOnUnwind<'_> {
    fn drop(&mut self) {
        if std::thread::panicking() && self.rt.arena.try_borrow_mut().is_ok() {
            free_subtrees(self.rt, self.roots);
        }
    }
}
