//! Scheduling: the effect queue, flushing, deferred first runs, `batch` and `untrack`.
//!
//! The graph algorithm (`graph.rs`) decides *what* is stale; this module
//! decides *when* effects run: in creation order, once per write or batch,
//! synchronously after writes, with `create_effect`'s first run deferred to
//! [`flush`] (which the browser's scheduler hook calls from a microtask;
//! natively, with no hook, the first run happens at once).

use crate::graph::{mark_subscribers_dirty, run_node, update_if_necessary};
use crate::runtime::{with_runtime, Flags, Invariant, NodeId, Runtime};

/// Budget of effect runs in one flush beyond `4 × live nodes` before we
/// declare a cycle.
const CYCLE_BUDGET: usize = 100_000;

/// Effects waiting to run, handed out lowest creation sequence first.
///
/// A write usually queues a whole batch before anything runs, and almost
/// always in creation order already (subscribers are listed in the order
/// they subscribed). So pushes go to a plain vector; when the next effect is
/// wanted and the current run is used up, a batch found in order (one linear
/// check) becomes the next run and is consumed front to back. Anything else
/// — a batch out of order, or effects queued while a run is still being
/// consumed (writes inside effects) — goes to a binary min-heap, and each
/// pop takes the smaller of the two heads. There is deliberately no sort
/// and no `std::collections::BinaryHeap`: a slice sort costs several
/// kilobytes of wasm and the std heap about 1 KB; the heap below is a few
/// hundred bytes, and the in-order case stays linear.
pub(crate) struct EffectQueue {
    pending: Vec<(u64, NodeId)>,
    ready: Vec<(u64, NodeId)>,
    head: usize,
    /// A min-heap on the sequence number (sequences are unique).
    heap: Vec<(u64, NodeId)>,
}

impl EffectQueue {
    pub(crate) const fn new() -> Self {
        EffectQueue {
            pending: Vec::new(),
            ready: Vec::new(),
            head: 0,
            heap: Vec::new(),
        }
    }

    #[inline]
    pub(crate) fn push(&mut self, seq: u64, id: NodeId) {
        self.pending.push((seq, id));
    }

    /// How many pushes wait unsorted (see [`EffectQueue::take_pending_from`]).
    pub(crate) fn pending_len(&self) -> usize {
        self.pending.len()
    }

    /// The pushes made since `pending_len` was `from`, taken out.
    pub(crate) fn take_pending_from(&mut self, from: usize) -> Vec<(u64, NodeId)> {
        if from >= self.pending.len() {
            return Vec::new();
        }
        self.pending.split_off(from)
    }

    pub(crate) fn pop(&mut self) -> Option<NodeId> {
        if !self.pending.is_empty() {
            if self.head >= self.ready.len() && self.pending.windows(2).all(|w| w[0].0 < w[1].0) {
                self.ready.clear();
                self.head = 0;
                std::mem::swap(&mut self.ready, &mut self.pending);
            } else {
                for &entry in &self.pending {
                    heap_push(&mut self.heap, entry);
                }
                self.pending.clear();
            }
        }
        match (self.ready.get(self.head), self.heap.first()) {
            (Some(r), Some(h)) if h.0 < r.0 => heap_pop(&mut self.heap),
            (Some(r), _) => {
                self.head += 1;
                Some(r.1)
            }
            (None, _) => heap_pop(&mut self.heap),
        }
    }
}

// The two heap operations move a hole instead of swapping, and reach the
// slots through `get` (see `Invariant`): no bounds-check panic sites.

fn heap_push(heap: &mut Vec<(u64, NodeId)>, entry: (u64, NodeId)) {
    let mut i = heap.len();
    heap.push(entry);
    while i > 0 {
        let parent = (i - 1) / 2;
        let above = *heap.get(parent).invariant();
        if above.0 <= entry.0 {
            break;
        }
        *heap.get_mut(i).invariant() = above;
        i = parent;
    }
    *heap.get_mut(i).invariant() = entry;
}

fn heap_pop(heap: &mut Vec<(u64, NodeId)>) -> Option<NodeId> {
    let top = *heap.first()?;
    let last = heap.pop()?;
    let n = heap.len();
    if n == 0 {
        return Some(top.1);
    }
    // `last` sinks from the root.
    let mut i = 0;
    loop {
        let left = 2 * i + 1;
        if left >= n {
            break;
        }
        let mut child = left;
        let mut below = *heap.get(left).invariant();
        if left + 1 < n {
            let right = *heap.get(left + 1).invariant();
            if right.0 < below.0 {
                child = left + 1;
                below = right;
            }
        }
        if last.0 <= below.0 {
            break;
        }
        *heap.get_mut(i).invariant() = below;
        i = child;
    }
    *heap.get_mut(i).invariant() = last;
    Some(top.1)
}

/// Runs a new render effect (or selector) synchronously, now. Outside a
/// flush it runs as a flush of its own, so that writes it makes are queued
/// and settled afterwards instead of trying to re-enter it while it runs.
pub(crate) fn run_now(rt: &Runtime, id: NodeId) {
    if rt.flushing.get() {
        // A first run inside another node's run (a component's effect
        // made while the renderer builds a list row or a dynamic child):
        // its writes are queued, never nested (see `run_nested`), so no
        // view is rebuilt halfway through that update.
        let depth = rt.nested_depth.replace(NESTED_LIMIT);
        run_node(rt, id);
        rt.nested_depth.set(depth);
        return;
    }
    {
        let _guard = Flushing::start(rt);
        run_node(rt, id);
    }
    run_effects(rt);
}

/// Marks the runtime as flushing until dropped (also on unwind).
struct Flushing<'a>(&'a Runtime);

impl<'a> Flushing<'a> {
    fn start(rt: &'a Runtime) -> Self {
        rt.flushing.set(true);
        Flushing(rt)
    }
}

impl Drop for Flushing<'_> {
    fn drop(&mut self) {
        self.0.flushing.set(false);
    }
}

/// Runs queued effects until the queue is empty, unless a flush is already
/// running further up the stack (then that one will pick them up) or we are
/// inside `batch`.
pub(crate) fn run_effects(rt: &Runtime) {
    if rt.flushing.get() || rt.batch_depth.get() > 0 {
        return;
    }
    let _guard = Flushing::start(rt);
    let mut runs = 0usize;
    loop {
        let next = rt.queue.borrow_mut().pop();
        let Some(id) = next else {
            break;
        };
        runs += 1;
        if runs > CYCLE_BUDGET + 4 * rt.live() {
            cycle_error(rt, id);
        }
        update_if_necessary(rt, id);
    }
}

/// Abandons the current flush after a cycle: the effect that hit the
/// budget and every effect still queued leave the queue and are set Clean,
/// so the app keeps working after the panic (on wasm the panic hook's
/// recovery resumes it; natively it can be caught) and a later write to
/// their sources queues them again. Queued effects outside the cycle wait
/// for that next write too. Left non-Clean and unqueued, no write would
/// ever reach them; left queued, the recovery would run the cycle again.
/// `seen` gets each of them, in queue order.
fn abandon_queue(rt: &Runtime, current: NodeId, mut seen: impl FnMut(NodeId)) {
    let mut queue = rt.queue.borrow_mut();
    let mut arena = rt.arena.borrow_mut();
    // In an app with memos, the stale memos between them and their sources
    // are set Clean too, or a later write would stop at those memos and
    // never reach them (`Arena::settle`, which also takes the queue, so
    // apps without memos link none of it).
    if let Some(settle) = rt.memo_recovery.get() {
        settle(&mut arena, Some((&mut queue, current, &mut seen)));
        return;
    }
    let mut next = Some(current);
    while let Some(id) = next {
        seen(id);
        if let Some(n) = arena.get_mut(id) {
            n.state = crate::runtime::State::Clean;
        }
        next = queue.pop();
    }
}

/// Release builds panic with the message alone: node descriptions there are
/// only numbers, and building them would keep `format!` machinery alive.
#[cold]
#[cfg(not(debug_assertions))]
fn cycle_error(rt: &Runtime, current: NodeId) -> ! {
    abandon_queue(rt, current, |_| {});
    panic!(
        "larkspur-reactive: reactive cycle: effects kept re-triggering each other and never \
         settled"
    );
}

#[cold]
#[cfg(debug_assertions)]
fn cycle_error(rt: &Runtime, current: NodeId) -> ! {
    // The first ten distinct nodes, in queue order (no sort: see EffectQueue).
    let mut ids: Vec<NodeId> = Vec::new();
    abandon_queue(rt, current, |id| {
        if ids.len() < 10 && !ids.contains(&id) {
            ids.push(id);
        }
    });
    let sites: Vec<String> = ids.iter().map(|id| rt.describe(*id)).collect();
    panic!(
        "larkspur-reactive: reactive cycle: effects kept re-triggering each other and never \
         settled. Nodes involved:\n  {}",
        sites.join("\n  ")
    );
}

/// Runs every pending effect now, including the first run of effects made
/// with `create_effect` (also those created while flushing).
///
/// In the browser a scheduler hook (see [`set_scheduler`]) calls this from a
/// microtask; in a browser test, `larkspur::testing::tick().await` waits for
/// it. Natively, first runs happen at once unless a hook is installed, and
/// then a call to `flush` runs them.
///
/// ```
/// use larkspur_reactive::*;
/// use std::{cell::Cell, rc::Rc};
/// fn schedule() { /* a real hook arranges for flush() to run soon */ }
/// set_scheduler(schedule);
/// let ran = Rc::new(Cell::new(false));
/// let r = ran.clone();
/// create_effect(move |_| r.set(true));
/// assert!(!ran.get()); // deferred to the flush
/// flush();
/// assert!(ran.get());
/// ```
pub fn flush() {
    with_runtime(|rt| {
        let mut rounds = 0usize;
        loop {
            rt.flush_scheduled.set(false);
            let moved = {
                let mut deferred = rt.deferred.borrow_mut();
                let moved = !deferred.is_empty();
                let mut arena = rt.arena.borrow_mut();
                let mut queue = rt.queue.borrow_mut();
                for id in deferred.drain(..) {
                    if let Some(n) = arena.get_mut(id) {
                        // Its place among the effects is taken now, at its
                        // first run, not when it was made: an effect written
                        // in a component body above its `view!` comes after
                        // the view's bindings, so on a later write it sees
                        // the page they have updated (scrolls to the new
                        // last row, measures the opened popup), as in 0.6,
                        // whose effects re-run in the order they first
                        // subscribed.
                        let seq = rt.next_seq.get();
                        rt.next_seq.set(seq + 1);
                        n.seq = crate::runtime::Seq::new(seq);
                        queue.push(seq, id);
                    }
                }
                moved
            };
            run_effects(rt);
            // Effects created by this flush get their first run in it too.
            // Inside a running flush, that flush's loop picks them up.
            if !moved || rt.flushing.get() || rt.deferred.borrow().is_empty() {
                break;
            }
            rounds += 1;
            if rounds > CYCLE_BUDGET {
                // The first runs still waiting are abandoned with the
                // flush (left waiting, the recovery's flush would run the
                // cycle again): those effects, the cycle's and any other
                // made in this flush, never run. As with an abandoned
                // queue (`abandon_queue`), the app goes on without them.
                rt.deferred.borrow_mut().clear();
                panic!(
                    "larkspur-reactive: reactive cycle: effects kept creating new effects \
                     during flush() and never settled"
                );
            }
        }
    });
}

/// Installs the hook the runtime calls when the first deferred effect is
/// queued and no flush is pending yet. The hook should arrange for
/// [`flush`] to run soon (the browser crate queues a microtask). If
/// deferred effects are already waiting, the hook is called right away.
///
/// ```
/// use larkspur_reactive::*;
/// fn schedule() { /* e.g. queue a microtask that calls flush() */ }
/// set_scheduler(schedule);
/// ```
pub fn set_scheduler(hook: fn()) {
    with_runtime(|rt| {
        rt.scheduler.set(Some(hook));
        if !rt.deferred.borrow().is_empty() {
            request_flush(rt);
        }
    });
}

/// Queues the first run of a deferred effect and pokes the scheduler.
pub(crate) fn defer(rt: &Runtime, id: NodeId) {
    rt.deferred.borrow_mut().push(id);
    request_flush(rt);
}

/// Calls the scheduler hook once per pending flush. Without a hook, in the
/// browser a microtask runs [`flush`] (as Leptos 0.6 queues an effect's
/// first run, whether or not anything is mounted); natively nothing is
/// marked pending, so a hook installed later is still called.
fn request_flush(rt: &Runtime) {
    if rt.flush_scheduled.get() {
        return;
    }
    if let Some(hook) = rt.scheduler.get() {
        rt.flush_scheduled.set(true);
        hook();
    } else {
        #[cfg(target_arch = "wasm32")]
        {
            rt.flush_scheduled.set(true);
            microtask::schedule_flush();
        }
    }
}

/// Queues the reset after a panic (see `recover_after_panic`) in a
/// microtask of its own: its function is made on the first panic, and an
/// app that defers no effect links no `flush` for it.
#[cfg(all(panic = "abort", target_arch = "wasm32"))]
pub(crate) fn schedule_recovery() {
    use wasm_bindgen::prelude::*;
    crate::__local! {
        static TASK: std::cell::OnceCell<JsValue> = const { std::cell::OnceCell::new() };
    }
    TASK.with(|task| {
        let task = task.get_or_init(|| {
            Closure::<dyn Fn(JsValue)>::new(|_: JsValue| {
                with_runtime(|rt| {
                    rt.reset_after_abort();
                    // The effects queued behind the panic.
                    run_effects(rt);
                })
            })
            .into_js_value()
        });
        microtask::queue_microtask(task);
    });
}

/// Runs `f` in a microtask: after the current synchronous work, before the
/// browser renders. Outside the browser it runs at once, as in Leptos 0.6.
///
/// ```
/// use larkspur_reactive::*;
/// let (seen, set_seen) = create_signal(false);
/// queue_microtask(move || set_seen.set(true));
/// # #[cfg(not(target_arch = "wasm32"))]
/// assert!(seen.get_untracked());
/// ```
pub fn queue_microtask(f: impl FnOnce() + 'static) {
    #[cfg(target_arch = "wasm32")]
    microtask::queue_microtask(&wasm_bindgen::closure::Closure::once_into_js(f));
    #[cfg(not(target_arch = "wasm32"))]
    f();
}

/// The browser's default scheduler: `queueMicrotask(flush)`.
#[cfg(target_arch = "wasm32")]
mod microtask {
    use std::cell::OnceCell;
    use wasm_bindgen::prelude::*;

    #[wasm_bindgen]
    extern "C" {
        #[wasm_bindgen(js_name = queueMicrotask)]
        pub(super) fn queue_microtask(f: &JsValue);
    }

    crate::__local! {
        // The JS function that runs `flush`, made on first use and kept
        // for the page. Reading it takes no borrow, so calling into JS with
        // it is safe.
        static FLUSH_TASK: OnceCell<JsValue> = const { OnceCell::new() };
    }

    pub(super) fn schedule_flush() {
        FLUSH_TASK.with(|task| {
            // `Fn(JsValue)`, the event table's listener type, though the
            // browser passes nothing: every closure type costs a JS wrapper
            // maker and an exported shim, and the page's closures (the
            // listeners, this task, the panic recovery) share one this way.
            let task = task.get_or_init(|| {
                Closure::<dyn Fn(JsValue)>::new(|_: JsValue| super::flush()).into_js_value()
            });
            queue_microtask(task);
        });
    }
}

/// Notifies the subscribers of a written signal and, outside batches and
/// flushes, runs the effects that became stale. Inside a flush, a write
/// from an app effect's code runs them at once (see [`run_nested`]).
pub(crate) fn notify(rt: &Runtime, id: NodeId) {
    notify_with(rt, || mark_subscribers_dirty(rt, id));
}

/// [`notify`] for a selector's readers of a key (see `mark_readers_dirty`).
pub(crate) fn notify_readers(rt: &Runtime, readers: &[NodeId]) {
    if !readers.is_empty() {
        notify_with(rt, || crate::graph::mark_readers_dirty(rt, readers));
    }
}

fn notify_with(rt: &Runtime, mark: impl FnOnce()) {
    match (rt.flushing.get(), rt.nested_runner.get()) {
        // Inside a flush, with app effects that nest: only what this write
        // queues runs now (see `run_nested`).
        (true, Some(nested)) => {
            let before = rt.queue.borrow().pending_len();
            mark();
            nested(rt, before);
        }
        _ => {
            mark();
            run_effects(rt);
        }
    }
}

/// After a write (or the end of a `batch` or of a held read): runs the
/// stale effects, outside a flush; inside one, a write from an app
/// effect's code runs them at once (see [`run_nested`]).
fn settle_writes(rt: &Runtime) {
    if let (true, Some(nested)) = (rt.flushing.get(), rt.nested_runner.get()) {
        // The end of a `batch`: everything it queued.
        return nested(rt, 0);
    }
    run_effects(rt);
}

/// How deep writes from side effects run the effects they make stale
/// before the write returns; deeper ones are queued for the flush, as
/// other writes inside a flush are (the wasm stack is 128 KiB).
pub(crate) const NESTED_LIMIT: u8 = 12;

/// A write made by the code of a running effect of the app's own
/// (`create_effect`, `watch`, `create_render_effect`: its body, or a
/// `watch`'s untracked callback) runs the effects it made stale before the
/// write returns, as in Leptos 0.6, instead of after the writing effect
/// returns. Code that raises a guard flag around a write (`syncing = true;
/// b.set(v); syncing = false;`, as leptos-use's `sync_signal` does) relies
/// on the effects of `b` seeing the flag raised.
///
/// Only the effects this write reaches run then (those that read what it
/// wrote, also when an earlier write of the flush had queued them already:
/// `graph::mark_dirty` queues them again), as in 0.6: not the
/// other effects the flush has queued and not reached yet, nor deferred
/// first runs of effects made in the same turn (an effect that holds a
/// `RefCell` borrow across its write must not see a sibling run inside
/// it; leptos-struct-table does this).
///
/// Effects that are running further up the stack (the writer among them)
/// are not re-entered: they stay queued. The writer is clean when its run
/// ends (as in Leptos 0.6, an effect's own write does not run it again), so
/// the queue skips it; one that this write made stale runs again after its
/// run (`Flags::RERUN`), where 0.6 runs it again inside it.
/// Writes from the renderer's own effects (dynamic children, lists,
/// attributes: `create_view_effect`), including those made by browser
/// events their DOM work fires synchronously, keep being queued for the
/// flush, so no view is rebuilt in the middle of another's update.
pub(crate) fn run_nested(rt: &Runtime, from: usize) {
    let depth = rt.nested_depth.get();
    if depth >= NESTED_LIMIT || rt.batch_depth.get() > 0 || !writer_may_nest(rt) {
        return;
    }
    // What this write queued, in creation order (the queue's own heap
    // orders it); the rest stays for the flush.
    let mut mine = EffectQueue::new();
    for (seq, id) in rt.queue.borrow_mut().take_pending_from(from) {
        mine.push(seq, id);
    }
    /// Restores the depth and queues the parked effects again, also when a
    /// panic unwinds through (natively; wasm aborts).
    struct Nested<'a> {
        rt: &'a Runtime,
        depth: u8,
        parked: Vec<NodeId>,
    }
    impl Drop for Nested<'_> {
        fn drop(&mut self) {
            self.rt.nested_depth.set(self.depth);
            let arena = self.rt.arena.borrow();
            let mut queue = self.rt.queue.borrow_mut();
            for &id in &self.parked {
                if let Some(n) = arena.get(id) {
                    queue.push(n.seq.get(), id);
                }
            }
        }
    }
    rt.nested_depth.set(depth + 1);
    let mut nested = Nested {
        rt,
        depth,
        parked: Vec::new(),
    };
    let mut runs = 0usize;
    while let Some(id) = mine.pop() {
        let running = (rt.arena.borrow().get(id)).is_some_and(|n| n.flags.has(Flags::RUNNING));
        if running {
            nested.parked.push(id);
            continue;
        }
        runs += 1;
        if runs > CYCLE_BUDGET + 4 * rt.live() {
            cycle_error(rt, id);
        }
        update_if_necessary(rt, id);
    }
}

/// Whether the write happening now comes from a running app effect (the
/// current owner). The first run of an effect made inside another node's
/// run never nests (`run_now`).
fn writer_may_nest(rt: &Runtime) -> bool {
    rt.owner.get().is_some_and(|owner| {
        rt.arena.borrow().get(owner).is_some_and(|n| {
            n.kind == crate::runtime::Kind::Effect
                && n.flags.has(Flags::NESTS)
                && n.flags.has(Flags::RUNNING)
        })
    })
}

/// [`batch`], with Leptos 0.6's fallible signature. Larkspur's runtime is
/// always present, so it never fails; the `Result` keeps 0.6 code that
/// matches on it compiling.
///
/// ```
/// use larkspur_reactive::*;
/// let (a, set_a) = create_signal(1);
/// assert_eq!(try_batch(|| { set_a.set(2); a.get_untracked() }), Ok(2));
/// ```
pub fn try_batch<R>(f: impl FnOnce() -> R) -> Result<R, crate::ReactiveSystemError> {
    Ok(batch(f))
}

/// Runs `f` and defers running effects until it returns; the writes inside
/// are seen by effects once, together.
///
/// ```
/// use larkspur_reactive::*;
/// use std::{cell::Cell, rc::Rc};
/// let (a, set_a) = create_signal(1);
/// let (b, set_b) = create_signal(2);
/// let runs = Rc::new(Cell::new(0));
/// let r = runs.clone();
/// create_render_effect(move |_| { a.get() + b.get(); r.set(r.get() + 1); });
/// batch(|| { set_a.set(10); set_b.set(20); });
/// assert_eq!(runs.get(), 2); // once at creation, once for the batch
/// ```
pub fn batch<R>(f: impl FnOnce() -> R) -> R {
    struct Depth;
    impl Drop for Depth {
        fn drop(&mut self) {
            with_runtime(|rt| rt.batch_depth.set(rt.batch_depth.get().saturating_sub(1)));
        }
    }
    with_runtime(|rt| rt.batch_depth.set(rt.batch_depth.get() + 1));
    let result = {
        let _depth = Depth;
        f()
    };
    with_runtime(settle_writes);
    result
}

/// Holds effects back while user code runs inside a borrow of a value cell
/// (`Memo::with`, `Effect::with_value`): a write there queues the effects
/// instead of running them, which would re-borrow the cell to recompute it.
/// Make the guard before the borrow, so that it is dropped after it: the
/// drop runs the held effects (unless an outer batch or flush will).
/// Out of line and not generic: one copy for every value type.
///
/// The renderer holds effects the same way while it puts an app into the
/// page: inserting nodes can run page code synchronously (a custom
/// element's `connectedCallback`), whose writes must not patch a view that
/// is only half inserted.
#[doc(hidden)]
pub struct HoldEffects(());

impl HoldEffects {
    #[inline(never)]
    #[allow(clippy::new_without_default)]
    pub fn new() -> Self {
        with_runtime(|rt| rt.batch_depth.set(rt.batch_depth.get() + 1));
        HoldEffects(())
    }
}

impl Drop for HoldEffects {
    #[inline(never)]
    fn drop(&mut self) {
        with_runtime(|rt| {
            rt.batch_depth.set(rt.batch_depth.get().saturating_sub(1));
            // Never nested (`settle_writes`): a memo's run drops its hold
            // in the middle of a pull, whose frames are still on the stack
            // and would make the nested effects take their sources for
            // settled.
            // Not while unwinding from a panic. Where panics abort (wasm32)
            // this drop never runs during one, and `panicking()` stays true
            // for good after the first panic (nothing unwinds to clear it).
            if cfg!(panic = "abort") || !std::thread::panicking() {
                run_effects(rt);
            }
        });
    }
}

/// Runs `f` without tracking: signals read inside do not become dependencies
/// of the running memo or effect.
///
/// ```
/// use larkspur_reactive::*;
/// let (a, set_a) = create_signal(1);
/// let (b, _) = create_signal(2);
/// let sum = create_memo(move |_| a.get() + untrack(|| b.get()));
/// assert_eq!(sum.get(), 3);
/// set_a.set(5);
/// assert_eq!(sum.get(), 7);
/// ```
pub fn untrack<R>(f: impl FnOnce() -> R) -> R {
    with_runtime(|rt| {
        let owner = rt.owner.get();
        rt.with_context(None, owner, f)
    })
}

/// [`untrack`] under the name Leptos 0.6 gives it for reads that should
/// not warn about being untracked. Larkspur warns about no untracked read,
/// so the two are the same.
///
/// ```
/// use larkspur_reactive::*;
/// let (a, _) = create_signal(1);
/// assert_eq!(untrack_with_diagnostics(|| a.get()), 1);
/// ```
pub fn untrack_with_diagnostics<R>(f: impl FnOnce() -> R) -> R {
    untrack(f)
}

/// Runs the rest of a component's body untracked, as Leptos 0.6 runs every
/// component (`#[component]` puts one at the top of the body): reads there
/// subscribe no enclosing effect, however the component is called
/// (`<Comp/>`, `view=Comp` on a route, `Comp()` in a closure). The
/// observer comes back when it is dropped.
#[doc(hidden)]
pub struct UntrackedBody(Option<NodeId>);

impl UntrackedBody {
    #[doc(hidden)]
    pub fn enter() -> UntrackedBody {
        UntrackedBody(with_runtime(|rt| rt.observer.replace(None)))
    }
}

impl Drop for UntrackedBody {
    fn drop(&mut self) {
        with_runtime(|rt| rt.observer.set(self.0));
    }
}

/// Runs an event handler (or any callback the browser makes) as code
/// outside the reactive system: no observer, no owner. The browser can
/// call a handler synchronously from inside a memo or effect (hiding a
/// focused element fires `focusout`, a custom element's callback
/// dispatches an event); the handler must then neither subscribe that
/// computation to what it reads nor have its writes taken for the
/// computation's own (which would not run it again), nor leave what it
/// creates to be disposed by the computation's next run.
#[doc(hidden)]
pub fn __outside<R>(f: impl FnOnce() -> R) -> R {
    with_runtime(|rt| rt.with_context(None, None, f))
}

#[cfg(test)]
mod tests {
    use super::EffectQueue;
    use crate::runtime::NodeId;

    fn id(seq: u64) -> NodeId {
        NodeId {
            index: seq as u32,
            generation: 0,
        }
    }

    fn drain(q: &mut EffectQueue) -> Vec<u64> {
        std::iter::from_fn(|| q.pop().map(|n| u64::from(n.index))).collect()
    }

    #[test]
    fn pops_in_creation_order_whatever_the_push_order() {
        // A small linear congruential sequence: deterministic, well mixed.
        let mut x = 7u64;
        let mut seqs: Vec<u64> = Vec::new();
        while seqs.len() < 500 {
            x = (x * 1_103_515_245 + 12_345) % 2_147_483_648;
            let s = x % 10_000;
            if !seqs.contains(&s) {
                seqs.push(s);
            }
        }
        let mut q = EffectQueue::new();
        for &s in &seqs {
            q.push(s, id(s));
        }
        let mut sorted = seqs.clone();
        sorted.sort_unstable();
        assert_eq!(drain(&mut q), sorted);
        assert_eq!(q.pop(), None);
    }

    #[test]
    fn merges_an_in_order_run_with_later_pushes() {
        let mut q = EffectQueue::new();
        for s in [10, 20, 30, 40] {
            q.push(s, id(s));
        }
        assert_eq!(q.pop(), Some(id(10)));
        // Queued while the run is being consumed (a write inside an effect).
        q.push(35, id(35));
        q.push(15, id(15));
        q.push(50, id(50));
        assert_eq!(drain(&mut q), [15, 20, 30, 35, 40, 50]);
        // A new in-order batch after the queue emptied is a run again.
        for s in [60, 61, 62] {
            q.push(s, id(s));
        }
        q.push(5, id(5));
        assert_eq!(drain(&mut q), [5, 60, 61, 62]);
    }
}
