//! The thread-local runtime: one generational arena holding every node, plus the tracking context.
//!
//! Everything here is non-generic on purpose: the typed handles in the other
//! modules are thin wrappers that downcast a value once and call into these
//! functions, so the graph code is compiled exactly once (small wasm).

use crate::value_cell::ValueCell;
use std::any::{Any, TypeId};
use std::cell::{BorrowMutError, Cell, Ref, RefCell, RefMut};
#[cfg(debug_assertions)]
use std::panic::Location;
use std::rc::Rc;

/// Where a node or handle was created (debug builds only).
#[cfg(debug_assertions)]
pub(crate) type Site = &'static Location<'static>;

/// Index plus generation of a node in the arena.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug)]
pub(crate) struct NodeId {
    pub(crate) index: u32,
    pub(crate) generation: u32,
}

/// One end of a dependency edge: the node at the other end, and the
/// position of the matching entry in that node's opposite list. The back
/// index makes unlinking O(1) (swap-remove plus one fix-up).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) struct Edge {
    pub(crate) node: NodeId,
    pub(crate) index: u32,
}

/// What a node is. Only the graph-relevant distinction matters to the algorithm.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Kind {
    /// A signal or trigger: a source, never computed.
    Signal,
    /// A memo: computed, compared, has subscribers.
    Memo,
    /// An effect (render or deferred): computed, a leaf.
    Effect,
    /// A plain owner (root or child scope): owns things, not in the graph.
    Owner,
    /// A stored value: owned, not in the graph.
    Stored,
}

/// The seed's three states. Ordered so that "more stale" compares greater.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
pub(crate) enum State {
    Clean,
    Check,
    Dirty,
}

/// What a node holds: its typed value cell and, for memos and effects, the
/// computation, in *one* allocation behind one fat pointer.
///
/// The graph only sees `dyn Payload`; the typed layer downcasts
/// [`Payload::value`] once per access.
pub(crate) trait Payload: Any {
    /// The typed value cell (`RefCell<T>` for signals and stored values,
    /// `RefCell<Option<T>>` for memos and effects).
    fn value(&self) -> &dyn Any;
    /// Re-runs the computation; `true` when the value changed.
    fn run(&self) -> bool {
        false
    }
    /// Forgets the borrows of the value cell (see [`ValueCell::release`]):
    /// the reset after a panic calls it on every node.
    fn release(&self) {}
}

impl<T: 'static> Payload for ValueCell<T> {
    fn value(&self) -> &dyn Any {
        self
    }

    fn release(&self) {
        ValueCell::release(self)
    }
}

/// A node's creation sequence number, a `u64` kept as two `u32`s so that
/// [`Node`] is 4-byte aligned on wasm32, with no padding before the `u64`
/// (with [`Flags`] and [`OwnerLink`], a slot is 72 bytes instead of 88:
/// 80 KB less with 5,000 nodes).
#[derive(Clone, Copy, Default)]
pub(crate) struct Seq([u32; 2]);

impl Seq {
    pub(crate) fn new(seq: u64) -> Self {
        Seq([seq as u32, (seq >> 32) as u32])
    }

    #[inline]
    pub(crate) fn get(self) -> u64 {
        u64::from(self.0[0]) | (u64::from(self.0[1]) << 32)
    }
}

/// A node's boolean states, in one byte.
#[derive(Clone, Copy, Default)]
pub(crate) struct Flags(u8);

impl Flags {
    /// Set while the node is a frame on the pull stack (cycle guard).
    pub(crate) const ON_STACK: u8 = 1;
    /// Set while the node's computation runs (re-entrancy guard).
    pub(crate) const RUNNING: u8 = 2;
    /// Set when disposal of the node has begun: its owner's cleanups are
    /// running and it will be freed. A doomed memo or effect never runs
    /// again, even if a cleanup writes one of its sources.
    pub(crate) const DOOMED: u8 = 4;
    /// Set on effects made by `create_effect` (deferred, for side effects),
    /// which are not scopes: see `Owner::current_scope`.
    pub(crate) const SIDE_EFFECT: u8 = 8;
    /// Set on effects made from app code (`create_effect`, `watch`,
    /// `create_render_effect`): a signal they write while running runs its
    /// effects before the write returns (see `scheduler::run_nested`).
    pub(crate) const NESTS: u8 = 16;
    /// Set on a running effect when a write by other code (another effect
    /// its write ran, a handler its DOM work fired) makes it stale: it runs
    /// again after its current run instead of being set clean (see
    /// `graph::run_node`).
    pub(crate) const RERUN: u8 = 32;
    /// Set on an effect while its own write's stale memos are brought up
    /// to date after its run: the pull sets it Clean instead of running it
    /// (see `graph::run_node`).
    pub(crate) const SETTLE: u8 = 64;
    /// Set on selectors: one that reads another's key is linked to it as
    /// a memo is (see `selector::current_reader`).
    pub(crate) const SELECTOR: u8 = 128;

    #[inline]
    pub(crate) fn has(self, flag: u8) -> bool {
        self.0 & flag != 0
    }

    #[inline]
    pub(crate) fn set(&mut self, flag: u8, on: bool) {
        if on {
            self.0 |= flag;
        } else {
            self.0 &= !flag;
        }
    }
}

/// A node's owner, if any, in 8 bytes (`Option<NodeId>` takes 12): no
/// node has index `u32::MAX` (the arena stops one short of it).
#[derive(Clone, Copy)]
pub(crate) struct OwnerLink(NodeId);

impl OwnerLink {
    const NONE: NodeId = NodeId {
        index: u32::MAX,
        generation: u32::MAX,
    };

    /// No owner, for a scope made as a child where no owner was current
    /// (`Owner::new_child()` in an event handler, a timer, a spawned
    /// future): unlike a root's, its context lookups go on to the app
    /// mounted last, as a Leptos 0.6 child of the runtime's root does.
    const DETACHED: NodeId = NodeId {
        index: u32::MAX,
        generation: u32::MAX - 1,
    };

    pub(crate) fn new(owner: Option<NodeId>) -> Self {
        OwnerLink(owner.unwrap_or(Self::NONE))
    }

    pub(crate) const fn detached() -> Self {
        OwnerLink(Self::DETACHED)
    }

    pub(crate) fn is_detached(self) -> bool {
        self.0 == Self::DETACHED
    }

    #[inline]
    pub(crate) fn get(self) -> Option<NodeId> {
        (self.0.index != u32::MAX).then_some(self.0)
    }
}

/// A `Cell<Option<NodeId>>` in 8 bytes, with no tag (see [`OwnerLink`]):
/// the runtime's observer and owner, which every memo and effect run,
/// untracked read and event handler saves and restores (one 64-bit load
/// and store each, not three accesses).
pub(crate) struct NodeCell(Cell<OwnerLink>);

impl NodeCell {
    pub(crate) const fn none() -> NodeCell {
        NodeCell(Cell::new(OwnerLink(OwnerLink::NONE)))
    }

    #[inline]
    pub(crate) fn get(&self) -> Option<NodeId> {
        self.0.get().get()
    }

    #[inline]
    pub(crate) fn set(&self, id: Option<NodeId>) {
        self.0.set(OwnerLink::new(id));
    }

    #[inline]
    pub(crate) fn replace(&self, id: Option<NodeId>) -> Option<NodeId> {
        self.0.replace(OwnerLink::new(id)).get()
    }
}

/// One node of the arena: graph edges, ownership and value in one place.
pub(crate) struct Node {
    pub(crate) kind: Kind,
    pub(crate) state: State,
    /// [`Flags::ON_STACK`], [`Flags::RUNNING`], [`Flags::DOOMED`].
    pub(crate) flags: Flags,
    /// Epoch stamp of the last run that tracked this node as a source.
    pub(crate) stamp: u32,
    /// Epoch of this node's current (or last) run, as an observer.
    pub(crate) epoch: u32,
    /// Tracking cursor into `sources` during a run.
    pub(crate) cursor: u32,
    /// Creation sequence number: effects run in creation order (a
    /// `create_effect` takes a new one at its deferred first run).
    pub(crate) seq: Seq,
    pub(crate) payload: Option<Rc<dyn Payload>>,
    /// What this node read in its last run, in order (`index` points into
    /// the source's `subscribers`).
    pub(crate) sources: Vec<Edge>,
    /// Who read this node (`index` points into the observer's `sources`).
    pub(crate) subscribers: Vec<Edge>,
    pub(crate) owner: OwnerLink,
    /// Ownership data, allocated on first use: most signals never own
    /// anything, so they do not pay for three empty vectors.
    pub(crate) owned: Option<Box<Owned>>,
    #[cfg(debug_assertions)]
    pub(crate) created: Site,
}

/// The contexts one owner provides.
pub(crate) type Contexts = Vec<(TypeId, Rc<dyn Any>)>;

/// What an owner owns.
#[derive(Default)]
pub(crate) struct Owned {
    /// What this node owns, in creation order. Disposed children are left as
    /// tombstones (dead ids) and swept when the vector is about to grow, so
    /// disposing one child of many is O(1) and the order is kept.
    pub(crate) children: Vec<NodeId>,
    pub(crate) cleanups: Vec<Cleanup>,
    /// Provided contexts, boxed apart: few owners have any, and without
    /// them `Owned` is 28 bytes on wasm32 (a 32-byte talc block, not 48).
    pub(crate) contexts: Option<Box<Contexts>>,
}

/// A cleanup: a boxed closure, or a plain function with two numbers (no
/// allocation: what the renderer registers for every event listener).
pub(crate) enum Cleanup {
    Boxed(Box<dyn FnOnce()>),
    Raw(fn(u32, u32), u32, u32),
}

impl Cleanup {
    pub(crate) fn run(self) {
        match self {
            Cleanup::Boxed(f) => f(),
            Cleanup::Raw(f, a, b) => f(a, b),
        }
    }
}

impl Node {
    /// The ownership data, allocating it on first use.
    pub(crate) fn owned_mut(&mut self) -> &mut Owned {
        self.owned.get_or_insert_with(Default::default)
    }

    /// The children (empty if it never owned anything).
    pub(crate) fn children(&self) -> &[NodeId] {
        self.owned.as_ref().map_or(&[], |o| &o.children)
    }
}

struct Slot {
    generation: u32,
    node: Option<Node>,
}

// A slot's size on wasm32 is what 1,000 rows of an app cost in nodes
// (about 5,000 slots in the benchmark app): keep it from growing unnoticed.
#[cfg(target_pointer_width = "32")]
const _: () = assert!(std::mem::size_of::<Slot>() <= 72 + 8 * cfg!(debug_assertions) as usize);
#[cfg(target_pointer_width = "32")]
const _: () = assert!(std::mem::size_of::<Owned>() <= 28);

/// Slots per chunk of the arena (a power of two).
const CHUNK_BITS: u32 = 8;
const CHUNK: usize = 1 << CHUNK_BITS;

/// The generational arena, in fixed-size chunks.
///
/// One growing vector would double its capacity (and copy every node) as
/// the app grows: with 5,000 nodes it holds 8,192 slots, and while it grows
/// the old and the new buffer are both live, so the wasm memory (which
/// never shrinks) keeps that peak. Chunks of 256 slots are never moved, and
/// at most one is partly used. A chunk is an array, so indexing within it
/// needs no bounds check.
pub(crate) struct Arena {
    chunks: Vec<Box<[Slot; CHUNK]>>,
    free: Vec<u32>,
    live: usize,
    /// Slots handed out so far (used or free).
    len: u32,
}

/// The flags a run that a panic (or the cycle guard, where panics abort)
/// abandoned leaves set. `SETTLE` too: an effect whose settling pull a
/// memo's panic cut short keeps it set, and would be set Clean instead of
/// run on every later change reaching it through a memo.
#[cfg_attr(not(all(panic = "abort", target_arch = "wasm32")), allow(dead_code))]
const INTERRUPTED: u8 = Flags::RUNNING | Flags::ON_STACK | Flags::SETTLE;

impl Arena {
    const fn new() -> Self {
        Arena {
            chunks: Vec::new(),
            free: Vec::new(),
            live: 0,
            len: 0,
        }
    }

    #[inline]
    fn slot(&self, index: u32) -> Option<&Slot> {
        let chunk = self.chunks.get((index >> CHUNK_BITS) as usize)?;
        Some(&chunk[index as usize & (CHUNK - 1)])
    }

    #[inline]
    fn slot_mut(&mut self, index: u32) -> Option<&mut Slot> {
        let chunk = self.chunks.get_mut((index >> CHUNK_BITS) as usize)?;
        Some(&mut chunk[index as usize & (CHUNK - 1)])
    }

    /// A chunk of empty slots, written in place on the heap (20 KB would
    /// not sit comfortably on the wasm stack, and collecting into a boxed
    /// slice links `into_boxed_slice`'s shrinking path).
    #[inline(never)]
    fn new_chunk() -> Box<[Slot; CHUNK]> {
        let mut chunk = Box::<[Slot; CHUNK]>::new_uninit();
        let first = chunk.as_mut_ptr().cast::<Slot>();
        for i in 0..CHUNK {
            // SAFETY: `i < CHUNK`, inside the allocation; each slot is
            // written once, before `assume_init`.
            unsafe {
                first.add(i).write(Slot {
                    generation: 0,
                    node: None,
                })
            };
        }
        // SAFETY: all CHUNK slots were initialised above.
        unsafe { chunk.assume_init() }
    }

    /// Whether `id` names a node this arena made (alive or disposed since),
    /// not a number made up outside it (`Owner::from_ffi(u64::MAX)`).
    #[cfg(debug_assertions)]
    fn ever_issued(&self, id: NodeId) -> bool {
        id.index < self.len
            && self
                .slot(id.index)
                .is_some_and(|s| s.generation >= id.generation)
    }

    // On wasm, out of line: one call instead of the two-level lookup and
    // the generation check inlined at the ~100 places that reach a node
    // (counter and benchmark app about 0.5 KB of brotli smaller); V8 inlines
    // small hot wasm functions itself. Natively, where bytes are free,
    // inlined.
    #[cfg_attr(target_family = "wasm", inline(never))]
    #[cfg_attr(not(target_family = "wasm"), inline)]
    pub(crate) fn get(&self, id: NodeId) -> Option<&Node> {
        match self.slot(id.index) {
            Some(slot) if slot.generation == id.generation => slot.node.as_ref(),
            _ => None,
        }
    }

    #[cfg_attr(target_family = "wasm", inline(never))]
    #[cfg_attr(not(target_family = "wasm"), inline)]
    pub(crate) fn get_mut(&mut self, id: NodeId) -> Option<&mut Node> {
        match self.slot_mut(id.index) {
            Some(slot) if slot.generation == id.generation => slot.node.as_mut(),
            _ => None,
        }
    }

    fn insert(&mut self, node: Node) -> NodeId {
        self.live += 1;
        if let Some(index) = self.free.pop() {
            if let Some(slot) = self.slot_mut(index) {
                slot.node = Some(node);
                return NodeId {
                    index,
                    generation: slot.generation,
                };
            }
        }
        let index = self.len;
        self.len = index.checked_add(1).expect("larkspur-reactive: arena full");
        if (index >> CHUNK_BITS) as usize == self.chunks.len() {
            self.chunks.push(Self::new_chunk());
        }
        if let Some(slot) = self.slot_mut(index) {
            slot.node = Some(node);
        }
        NodeId {
            index,
            generation: 0,
        }
    }

    /// Ids of all live nodes (for invariant checks in tests).
    #[cfg(test)]
    pub(crate) fn ids(&self) -> Vec<NodeId> {
        self.chunks
            .iter()
            .flat_map(|c| c.iter())
            .enumerate()
            .filter(|(_, s)| s.node.is_some())
            .map(|(i, s)| NodeId {
                index: i as u32,
                generation: s.generation,
            })
            .collect()
    }

    /// Every live node, for the whole-arena resets below.
    fn nodes_mut(&mut self) -> impl Iterator<Item = &mut Node> {
        (self.chunks.iter_mut())
            .flat_map(|c| c.iter_mut())
            .filter_map(|s| s.node.as_mut())
    }

    /// Clears every node's run-time flags (`RUNNING`, `ON_STACK`), left
    /// set by a run that a panic abandoned.
    #[cfg_attr(not(all(panic = "abort", target_arch = "wasm32")), allow(dead_code))]
    fn clear_run_flags(&mut self, memos: Option<MemoRecovery>) {
        // Only where memos exist (`memo_recovery`): an app without any
        // links none of it.
        if let Some(settle) = memos {
            settle(self, None);
        }
        for node in self.nodes_mut() {
            // A computation the panic interrupted (a memo whose closure
            // panicked, the effect pulling it, effects a cycle abandoned)
            // counts as clean: it runs again on its next change. Left
            // stale, it would never hear of that change (marking stops at
            // a node already stale).
            if node.flags.has(INTERRUPTED) {
                node.state = State::Clean;
            }
            node.flags.set(INTERRUPTED | Flags::RERUN, false);
            // Borrows of values the abandoned frames held.
            if let Some(payload) = &node.payload {
                payload.release();
            }
        }
    }

    /// In an app with memos, after a flush was abandoned: the cycle guard's
    /// (`abandoned`: every effect left in the queue is taken out and set
    /// Clean), or a panic's (none: the computations it interrupted are
    /// found and set Clean here, before [`Arena::clear_run_flags`] resets
    /// the rest). Either way the stale memos under them that nothing else
    /// will pull are set Clean too ([`Arena::clean_upstream`]), or a later
    /// write would never reach them through those memos.
    pub(crate) fn settle(&mut self, abandoned: Option<Abandoned<'_>>) {
        let mut roots = Vec::new();
        if let Some((queue, current, seen)) = abandoned {
            let mut next = Some(current);
            while let Some(id) = next {
                seen(id);
                if let Some(n) = self.get_mut(id) {
                    n.state = State::Clean;
                }
                roots.push(id);
                next = queue.pop();
            }
        } else {
            for (c, chunk) in self.chunks.iter_mut().enumerate() {
                for (i, slot) in chunk.iter_mut().enumerate() {
                    if let Some(node) = slot.node.as_mut() {
                        if node.flags.has(INTERRUPTED) && node.state != State::Clean {
                            node.state = State::Clean;
                            roots.push(NodeId {
                                index: (c * CHUNK + i) as u32,
                                generation: slot.generation,
                            });
                        }
                    }
                }
            }
        }
        self.clean_upstream(roots);
    }

    /// `roots` were set Clean without running (their flush was abandoned:
    /// a cycle, a panic). A stale memo they read, directly or through other
    /// memos, that no stale node reads any more (none will pull it) is set
    /// Clean too, keeping its last value until its next change: a write
    /// reaches a reader only through Clean nodes (marking stops at a stale
    /// one), so a memo left stale under Clean readers would keep every
    /// later write to its sources from reaching them.
    #[inline(never)]
    pub(crate) fn clean_upstream(&mut self, mut roots: Vec<NodeId>) {
        while let Some(id) = roots.pop() {
            let mut k = 0;
            while let Some(source) = self.get(id).and_then(|n| n.sources.get(k)).map(|e| e.node) {
                k += 1;
                let unread = self.get(source).is_some_and(|s| {
                    s.kind == Kind::Memo
                        && s.state != State::Clean
                        && (s.subscribers.iter())
                            .all(|e| self.get(e.node).is_none_or(|r| r.state == State::Clean))
                });
                if unread {
                    if let Some(s) = self.get_mut(source) {
                        s.state = State::Clean;
                    }
                    roots.push(source);
                }
            }
        }
    }

    /// Forgets every node's tracking stamp (epoch wrap-around).
    fn reset_stamps(&mut self) {
        for node in self.nodes_mut() {
            node.stamp = 0;
        }
    }

    #[inline]
    pub(crate) fn contains(&self, id: NodeId) -> bool {
        self.get(id).is_some()
    }

    pub(crate) fn remove(&mut self, id: NodeId) -> Option<Node> {
        let slot = self.slot_mut(id.index)?;
        if slot.generation != id.generation {
            return None;
        }
        let node = slot.node.take()?;
        slot.generation = slot.generation.wrapping_add(1);
        // A slot whose generation wrapped could make a handle kept through
        // 2^32 reuses of it alias a new node: retire it instead (it never
        // returns to the free list; one 72-byte slot leaked per 4 billion reuses).
        if slot.generation == u32::MAX {
            self.live -= 1;
            return Some(node);
        }
        self.free.push(id.index);
        self.live -= 1;
        Some(node)
    }
}

/// Borrows a framework-internal `RefCell`. A conflicting borrow of such a
/// cell is a framework bug, never a user mistake (those are caught earlier,
/// with their own messages), so every site shares one location-free panic
/// instead of passing its own `Location` (a constant and 16 bytes of data
/// per site in every app). Debug builds still report the caller.
#[doc(hidden)]
#[inline]
#[cfg_attr(debug_assertions, track_caller)]
pub fn borrow_state<T>(cell: &RefCell<T>) -> Ref<'_, T> {
    match cell.try_borrow() {
        Ok(r) => r,
        Err(_) => busy(),
    }
}

/// [`borrow_state`], mutably.
#[doc(hidden)]
#[inline]
#[cfg_attr(debug_assertions, track_caller)]
pub fn borrow_state_mut<T>(cell: &RefCell<T>) -> RefMut<'_, T> {
    match cell.try_borrow_mut() {
        Ok(r) => r,
        Err(_) => busy(),
    }
}

#[cold]
#[inline(never)]
#[cfg_attr(debug_assertions, track_caller)]
pub(crate) fn busy() -> ! {
    panic!("larkspur: internal error: framework state borrowed re-entrantly")
}

/// A value the framework's own bookkeeping guarantees (a live node, an
/// in-range index into its own tables). Its absence is a framework bug, so
/// every such site shares one panic without a `Location`: a `.expect(..)`
/// or `v[i]` would put a 16-byte `Location` and its own panic call into the
/// wasm at each of them. Debug builds still report the caller.
///
/// ```
/// use larkspur_reactive::Invariant;
/// let slots = vec![10, 20, 30];
/// // An index the caller's own bookkeeping guarantees to be in range:
/// assert_eq!(*slots.get(1).invariant(), 20);
/// ```
#[doc(hidden)]
pub trait Invariant<T> {
    /// The value, or the shared internal-error panic.
    #[cfg_attr(debug_assertions, track_caller)]
    fn invariant(self) -> T;
}

impl<T> Invariant<T> for Option<T> {
    #[inline]
    #[cfg_attr(debug_assertions, track_caller)]
    fn invariant(self) -> T {
        match self {
            Some(v) => v,
            None => broken(),
        }
    }
}

#[cold]
#[inline(never)]
#[cfg_attr(debug_assertions, track_caller)]
fn broken() -> ! {
    panic!("larkspur: internal error: framework bookkeeping is inconsistent")
}

/// A `RefCell` for the runtime's own state, borrowed through
/// [`borrow_state`] and [`borrow_state_mut`].
pub(crate) struct RtCell<T>(RefCell<T>);

impl<T> RtCell<T> {
    pub(crate) const fn new(value: T) -> Self {
        RtCell(RefCell::new(value))
    }

    #[inline]
    #[cfg_attr(debug_assertions, track_caller)]
    pub(crate) fn borrow(&self) -> Ref<'_, T> {
        borrow_state(&self.0)
    }

    #[inline]
    #[cfg_attr(debug_assertions, track_caller)]
    pub(crate) fn borrow_mut(&self) -> RefMut<'_, T> {
        borrow_state_mut(&self.0)
    }

    #[inline]
    pub(crate) fn try_borrow_mut(&self) -> Result<RefMut<'_, T>, BorrowMutError> {
        self.0.try_borrow_mut()
    }

    /// For diagnostics built while a panic is on its way.
    #[cfg(debug_assertions)]
    pub(crate) fn try_borrow(&self) -> Option<Ref<'_, T>> {
        self.0.try_borrow().ok()
    }
}

/// Puts the runtime back in order after a panic that did not unwind.
///
/// On `wasm32-unknown-unknown` a panic aborts the running call: the wasm
/// frames up to the nearest JavaScript caller are abandoned and no
/// destructor runs, but the instance lives on and the browser keeps
/// calling it (the next event, timer or microtask). The state those frames
/// would have restored on their way out stays as it was: the runtime still
/// "flushing" or "batching" (no effect would ever run again), the panicked
/// effect's owner still current (signals made later would belong to it),
/// nodes still marked running, event handlers still marked busy.
///
/// The panic hook calls this (`larkspur::dom::install_panic_hook`). It
/// only queues a microtask: microtasks run when no script is on the stack,
/// so every run still marked "in progress" then is one the panic
/// abandoned, and the reset there cannot disturb a frame that is still
/// live (a handler whose nested `dispatchEvent` caught the panic). The
/// reset clears that state, counts a recovery ([`recoveries`]) and runs
/// the effects that were queued behind the panic. An app then keeps
/// working after a panic in an effect or an event handler, as a Leptos 0.6
/// app does; the effect that panicked keeps its subscriptions and runs
/// again on its next change.
///
/// State borrowed at the moment of the panic (a panic inside the framework
/// itself, or in a `Memo::with` closure) cannot be released and is left as
/// it is. Where panics unwind (native tests), the unwinding restores
/// everything and this does nothing.
#[doc(hidden)]
pub fn recover_after_panic() {
    #[cfg(all(panic = "abort", target_arch = "wasm32"))]
    {
        crate::scheduler::schedule_recovery();
    }
}

/// How many times the runtime has recovered from a panic (see
/// [`recover_after_panic`]). A "busy" mark made before the latest recovery
/// belongs to a run the panic abandoned.
#[doc(hidden)]
pub fn recoveries() -> u32 {
    with_runtime(|rt| rt.recoveries.get())
}

/// See [`Runtime::memo_recovery`] and [`Arena::settle`].
pub(crate) type MemoRecovery = fn(&mut Arena, Option<Abandoned<'_>>);

/// The queue the cycle guard abandons, the effect that hit it, and what
/// sees each abandoned effect (the cycle's report).
pub(crate) type Abandoned<'a> = (
    &'a mut crate::scheduler::EffectQueue,
    NodeId,
    &'a mut dyn FnMut(NodeId),
);

/// The runner of writes made inside app effects (`scheduler::run_nested`),
/// installed with the first such effect; its `usize` is where the write's
/// own entries start in the queue.
pub(crate) type NestedRunner = fn(&Runtime, usize);

/// The per-thread reactive runtime.
pub(crate) struct Runtime {
    pub(crate) arena: RtCell<Arena>,
    /// The node whose reads are being tracked, if any.
    pub(crate) observer: NodeCell,
    /// The node that owns whatever is created now, if any.
    pub(crate) owner: NodeCell,
    pub(crate) batch_depth: Cell<u32>,
    pub(crate) flushing: Cell<bool>,
    /// `scheduler::run_nested`, once the app has made an effect of its own
    /// (`create_effect`, `watch`, `create_render_effect`): a write from one
    /// of those while a flush runs calls it. Through a pointer, so apps
    /// without such effects do not link it.
    pub(crate) nested_runner: Cell<Option<NestedRunner>>,
    /// [`Arena::settle`], once the app has made a memo: the cycle guard
    /// and the recovery after a panic run it (apps without memos do not
    /// link it).
    pub(crate) memo_recovery: Cell<Option<MemoRecovery>>,
    /// How deep `run_nested` calls are stacked.
    pub(crate) nested_depth: Cell<u8>,
    /// Effects waiting to run, lowest creation sequence first.
    pub(crate) queue: RtCell<crate::scheduler::EffectQueue>,
    /// `create_effect`s whose first run waits for `flush()`.
    pub(crate) deferred: RtCell<Vec<NodeId>>,
    pub(crate) flush_scheduled: Cell<bool>,
    pub(crate) scheduler: Cell<Option<fn()>>,
    pub(crate) warning_hook: Cell<Option<fn(&str)>>,
    /// Explicit stack of the pull phase: (node, next source index).
    pub(crate) pull_stack: RtCell<Vec<(NodeId, u32)>>,
    /// Explicit stack of the push phase.
    pub(crate) push_stack: RtCell<Vec<NodeId>>,
    pub(crate) next_seq: Cell<u64>,
    pub(crate) next_epoch: Cell<u32>,
    /// What a memo or effect created (nodes) or registered (cleanups)
    /// after it was disposed during its own run, keyed by that node: freed
    /// or run as soon as the run returns (see `owner::reap_orphans`).
    pub(crate) orphans: RtCell<Vec<(NodeId, Orphan)>>,
    /// Where `use_context` looks when no owner is current: the root of the
    /// app mounted last (see `context::with_context_owner`).
    pub(crate) context_owner: Cell<Option<NodeId>>,
    /// The root `set_context_root` made the fallback: what a reset after a
    /// panic puts back (a temporary `with_context_owner` never ended).
    pub(crate) context_root: Cell<Option<NodeId>>,
    /// See [`recoveries`].
    pub(crate) recoveries: Cell<u32>,
}

/// Something created under a memo or effect that was disposed while it ran.
pub(crate) enum Orphan {
    Node(NodeId),
    Cleanup(Box<dyn FnOnce()>),
}

impl Runtime {
    /// A fresh runtime (a `const`: no lazy initialisation to check on each
    /// access).
    const fn new() -> Self {
        Runtime {
            arena: RtCell::new(Arena::new()),
            observer: NodeCell::none(),
            owner: NodeCell::none(),
            batch_depth: Cell::new(0),
            flushing: Cell::new(false),
            nested_runner: Cell::new(None),
            memo_recovery: Cell::new(None),
            nested_depth: Cell::new(0),
            queue: RtCell::new(crate::scheduler::EffectQueue::new()),
            deferred: RtCell::new(Vec::new()),
            flush_scheduled: Cell::new(false),
            scheduler: Cell::new(None),
            warning_hook: Cell::new(None),
            pull_stack: RtCell::new(Vec::new()),
            push_stack: RtCell::new(Vec::new()),
            next_seq: Cell::new(0),
            next_epoch: Cell::new(1),
            orphans: RtCell::new(Vec::new()),
            context_owner: Cell::new(None),
            context_root: Cell::new(None),
            recoveries: Cell::new(0),
        }
    }
}

crate::__local! {
    static RUNTIME: Runtime = const { Runtime::new() };
}

/// Whether this thread's runtime can still be used: natively, not while
/// the thread's locals are being destroyed at its exit, when a value the
/// arena held (a `Disposer` kept in a signal) is dropped with nothing
/// left to dispose. (In the browser the runtime is never destroyed.)
#[cfg(not(all(target_family = "wasm", not(target_feature = "atomics"))))]
pub(crate) fn runtime_alive() -> bool {
    RUNTIME.try_with(|_| ()).is_ok()
}

#[cfg(all(target_family = "wasm", not(target_feature = "atomics")))]
pub(crate) fn runtime_alive() -> bool {
    true
}

/// Runs `f` with this thread's runtime.
#[inline]
pub(crate) fn with_runtime<R>(f: impl FnOnce(&Runtime) -> R) -> R {
    RUNTIME.with(f)
}

impl Runtime {
    /// Allocates a node owned by the current owner.
    pub(crate) fn create_node(
        &self,
        kind: Kind,
        payload: Option<Rc<dyn Payload>>,
        owner: Option<NodeId>,
        #[cfg(debug_assertions)] created: Site,
    ) -> NodeId {
        let seq = self.next_seq.get();
        self.next_seq.set(seq + 1);
        let mut arena = self.arena.borrow_mut();
        let requested = owner;
        let owner = owner.filter(|o| arena.get(*o).is_some());
        // A memo or effect that disposed itself (or its owner) and goes on
        // creating nodes in the same run: they are freed when the run
        // returns (`owner::reap_orphans`), not leaked.
        let orphan_of_run =
            requested.filter(|r| owner.is_none() && self.observer.get() == Some(*r));
        #[cfg(debug_assertions)]
        if owner.is_none()
            && orphan_of_run.is_none()
            && requested.is_some_and(|r| arena.ever_issued(r))
        {
            // E.g. a late async continuation running `Owner::with` on an owner
            // that was disposed meanwhile: nothing will ever dispose this node.
            let message = format!(
                "larkspur-reactive: a node created at {created} has no owner because its \
                 owner was already disposed; it lives until it is disposed by hand"
            );
            drop(arena);
            self.warn(&message);
            arena = self.arena.borrow_mut();
        }
        #[cfg(not(debug_assertions))]
        let _ = requested;
        let id = arena.insert(Node {
            kind,
            state: if matches!(kind, Kind::Memo | Kind::Effect) {
                State::Dirty
            } else {
                State::Clean
            },
            flags: Flags::default(),
            stamp: 0,
            epoch: 0,
            cursor: 0,
            seq: Seq::new(seq),
            payload,
            sources: Vec::new(),
            subscribers: Vec::new(),
            owner: OwnerLink::new(owner),
            owned: None,
            #[cfg(debug_assertions)]
            created,
        });
        if let Some(owner) = owner {
            let full = arena
                .get(owner)
                .and_then(|o| o.owned.as_ref())
                .is_some_and(|d| {
                    d.children.len() >= 8 && d.children.len() == d.children.capacity()
                });
            if full {
                // Sweep tombstones before growing: amortised O(1) per child.
                let owned = arena.get_mut(owner).invariant().owned_mut();
                let mut children = std::mem::take(&mut owned.children);
                children.retain(|c| arena.contains(*c));
                arena.get_mut(owner).invariant().owned_mut().children = children;
            }
            if let Some(o) = arena.get_mut(owner) {
                o.owned_mut().children.push(id);
            }
        }
        drop(arena);
        if let Some(dead) = orphan_of_run {
            self.orphans.borrow_mut().push((dead, Orphan::Node(id)));
        }
        id
    }

    /// The value cell of a live node.
    #[inline]
    pub(crate) fn value(&self, id: NodeId) -> Option<Rc<dyn Payload>> {
        self.arena.borrow().get(id).and_then(|n| n.payload.clone())
    }

    pub(crate) fn live(&self) -> usize {
        self.arena.borrow().live
    }

    pub(crate) fn next_epoch(&self) -> u32 {
        let e = self.next_epoch.get();
        if e == u32::MAX {
            // After 2^32 runs the stamps would start matching epochs of
            // long-finished runs, and a read could be taken for one
            // already tracked (a lost dependency). Clear every stamp and
            // start over; this costs one arena walk per 4 billion runs.
            // Epoch 0 means "never tracked", so it is skipped.
            self.arena.borrow_mut().reset_stamps();
            self.next_epoch.set(2);
            return 1;
        }
        self.next_epoch.set(e + 1);
        e
    }

    /// The reset of [`recover_after_panic`], run from a microtask (no wasm
    /// frame is live). Only tries its borrows: a cell that the
    /// abandoned frames left borrowed stays as it is.
    #[cfg_attr(not(all(panic = "abort", target_arch = "wasm32")), allow(dead_code))]
    pub(crate) fn reset_after_abort(&self) {
        self.observer.set(None);
        self.owner.set(None);
        // The mounted app's root stays where handlers, timers and futures
        // find their contexts.
        self.context_owner.set(self.context_root.get());
        self.batch_depth.set(0);
        self.flushing.set(false);
        self.nested_depth.set(0);
        self.recoveries.set(self.recoveries.get().wrapping_add(1));
        if let Ok(mut stack) = self.pull_stack.try_borrow_mut() {
            stack.clear();
        }
        if let Ok(mut stack) = self.push_stack.try_borrow_mut() {
            stack.clear();
        }
        if let Ok(mut arena) = self.arena.try_borrow_mut() {
            arena.clear_run_flags(self.memo_recovery.get());
        }
    }

    /// Runs `f` with the given observer and owner, restoring both afterwards (even on panic).
    pub(crate) fn with_context<R>(
        &self,
        observer: Option<NodeId>,
        owner: Option<NodeId>,
        f: impl FnOnce() -> R,
    ) -> R {
        struct Restore<'a> {
            rt: &'a Runtime,
            observer: Option<NodeId>,
            owner: Option<NodeId>,
        }
        impl Drop for Restore<'_> {
            fn drop(&mut self) {
                self.rt.observer.set(self.observer);
                self.rt.owner.set(self.owner);
            }
        }
        let _restore = Restore {
            rt: self,
            observer: self.observer.replace(observer),
            owner: self.owner.replace(owner),
        };
        f()
    }

    /// Emits a debug-build warning through the warning hook (or stderr).
    pub(crate) fn warn(&self, message: &str) {
        if cfg!(debug_assertions) {
            match self.warning_hook.get() {
                Some(hook) => hook(message),
                None => eprintln!("{message}"),
            }
        }
    }

    /// A description of where a node was created, for debug-build messages.
    #[cfg(debug_assertions)]
    pub(crate) fn describe(&self, id: NodeId) -> String {
        if let Some(n) = self.arena.borrow().get(id) {
            return format!("{:?} created at {}", n.kind, n.created);
        }
        format!("node #{}", id.index)
    }
}

/// Number of live nodes in this thread's arena (signals, memos, effects, owners, stored values).
///
/// A debugging aid: tests assert that creating and disposing things returns
/// the count to its baseline.
///
/// ```
/// use larkspur_reactive::*;
/// let before = live_node_count();
/// let (a, _) = create_signal(1);
/// assert_eq!(live_node_count(), before + 1);
/// a.dispose();
/// assert_eq!(live_node_count(), before);
/// ```
pub fn live_node_count() -> usize {
    with_runtime(|rt| rt.live())
}

/// Installs the sink for debug-build warnings (for example writes to a
/// disposed signal). The browser crate points it at `console.warn`; the
/// default prints to stderr.
///
/// ```
/// use larkspur_reactive::*;
/// fn quiet(_: &str) {}
/// set_warning_hook(quiet);
/// let (_, set) = create_signal(0);
/// set.dispose();
/// set.set(1); // warns through `quiet`, does nothing
/// ```
pub fn set_warning_hook(hook: fn(&str)) {
    with_runtime(|rt| rt.warning_hook.set(Some(hook)));
}

#[cfg(test)]
mod wrap_tests {
    use super::*;

    fn node() -> Node {
        Node {
            kind: Kind::Signal,
            state: State::Clean,
            flags: Flags::default(),
            stamp: 0,
            epoch: 0,
            cursor: 0,
            seq: Seq::default(),
            payload: None,
            sources: Vec::new(),
            subscribers: Vec::new(),
            owner: OwnerLink::new(None),
            owned: None,
            #[cfg(debug_assertions)]
            created: std::panic::Location::caller(),
        }
    }

    #[test]
    fn ids_stay_valid_across_chunks_and_slots_are_reused() {
        let mut arena = Arena::new();
        let ids: Vec<NodeId> = (0..3 * CHUNK + 7).map(|_| arena.insert(node())).collect();
        assert_eq!(arena.chunks.len(), 4);
        for (i, id) in ids.iter().enumerate() {
            assert_eq!(id.index as usize, i);
            assert!(arena.contains(*id));
        }
        // Free one slot in each chunk; new nodes take them before a new chunk.
        for chunk in 0..4 {
            assert!(arena.remove(ids[chunk * CHUNK + 3]).is_some());
        }
        assert!(!arena.contains(ids[CHUNK + 3]));
        let again: Vec<NodeId> = (0..4).map(|_| arena.insert(node())).collect();
        assert_eq!(arena.chunks.len(), 4);
        for id in &again {
            assert_eq!(id.index as usize % CHUNK, 3);
            assert_eq!(id.generation, 1);
            assert!(arena.contains(*id));
        }
        // The stale handles stay dead, the others alive.
        assert!(!arena.contains(ids[2 * CHUNK + 3]));
        assert!(arena.contains(ids[2 * CHUNK + 4]));
        assert_eq!(arena.ids().len(), 3 * CHUNK + 7);
        assert_eq!(arena.live, 3 * CHUNK + 7);
    }

    #[test]
    fn a_slot_whose_generation_would_wrap_is_retired() {
        let mut arena = Arena::new();
        let id = arena.insert(node());
        arena.slot_mut(id.index).unwrap().generation = u32::MAX - 1;
        let id = NodeId {
            index: id.index,
            generation: u32::MAX - 1,
        };
        assert!(arena.remove(id).is_some());
        let next = arena.insert(node());
        assert_ne!(next.index, id.index, "the worn-out slot is not reused");
        assert_eq!(arena.live, 1);
    }

    #[test]
    fn a_stale_handle_is_detected_after_its_slot_is_reused() {
        let a = crate::create_rw_signal(1);
        a.dispose();
        let b = crate::create_rw_signal(2);
        assert_eq!(a.h.id.index, b.h.id.index, "the freed slot is reused");
        assert_ne!(a.h.id.generation, b.h.id.generation);
        assert_eq!(
            a.try_get(),
            None,
            "the old handle does not see the new signal"
        );
        assert_eq!(b.try_get(), Some(2));
        a.set(10); // ignored (with a warning): it must not reach `b`
        assert_eq!(b.try_get(), Some(2));
        b.dispose();
    }

    #[test]
    fn a_handle_from_the_last_generation_of_a_slot_stays_stale() {
        // Wear a free slot out: its next tenant gets the last generation
        // before the wrap.
        let first = crate::create_rw_signal(0);
        let index = first.h.id.index;
        first.dispose();
        with_runtime(|rt| rt.arena.borrow_mut().slot_mut(index).unwrap().generation = u32::MAX - 1);
        let last = crate::create_rw_signal(1);
        assert_eq!(
            (last.h.id.index, last.h.id.generation),
            (index, u32::MAX - 1)
        );
        last.dispose();
        assert_eq!(last.try_get(), None);
        // Had the generation wrapped to 0, a tenant made 2^32 reuses
        // earlier (generation 0) would match again. The slot is retired
        // instead: new signals go elsewhere and every old handle stays dead.
        let fresh: Vec<_> = (0..4).map(crate::create_rw_signal).collect();
        assert!(fresh.iter().all(|s| s.h.id.index != index));
        assert_eq!(first.try_get(), None);
        assert_eq!(last.try_get(), None);
        let generation_zero = crate::RwSignal::<i32> {
            h: crate::handle::Handle::at(
                NodeId {
                    index,
                    generation: 0,
                },
                #[cfg(debug_assertions)]
                std::panic::Location::caller(),
            ),
            ty: std::marker::PhantomData,
        };
        assert_eq!(generation_zero.try_get(), None);
        fresh.into_iter().for_each(|s| s.dispose());
    }

    #[test]
    fn epochs_wrap_without_stale_stamps() {
        with_runtime(|rt| {
            rt.next_epoch.set(u32::MAX - 1);
            let a = rt.next_epoch();
            let b = rt.next_epoch();
            let c = rt.next_epoch();
            assert_eq!((a, b, c), (u32::MAX - 1, 1, 2));
        });
        // Tracking still works across the wrap.
        let (n, set_n) = crate::create_signal(0);
        let seen = std::rc::Rc::new(std::cell::Cell::new(-1));
        let s = seen.clone();
        crate::create_render_effect(move |_| s.set(n.get()));
        with_runtime(|rt| rt.next_epoch.set(u32::MAX - 1));
        for i in 1..5 {
            set_n.set(i);
            assert_eq!(seen.get(), i);
        }
    }
}
