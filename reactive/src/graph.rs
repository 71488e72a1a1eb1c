//! The propagation algorithm: push Check down, pull values up, run effects once.
//!
//! # How a change travels
//!
//! Every signal, memo and effect is a node in one arena. A node has *sources*
//! (what it read during its last run) and *subscribers* (who read it). Signals
//! only have subscribers, effects only have sources, memos have both. Each
//! computed node is in one of three states:
//!
//! * **Clean**: its value is known to be current.
//! * **Check**: something upstream changed, so its value *might* be stale.
//! * **Dirty**: a direct source definitely changed; it must re-run.
//!
//! A write happens in two phases.
//!
//! **Push.** Writing a signal marks its direct subscribers Dirty and every node
//! further downstream Check. We only descend through a node the first time it
//! leaves Clean: if it was already Check or Dirty, its descendants are already
//! marked, so the push touches each stale node once. Effects that leave Clean
//! are put on the queue, once. The push does no user work at all; it is a
//! flat loop over an explicit stack (`Runtime::push_stack`), so depth costs
//! heap, not call stack.
//!
//! **Pull.** The queue runs effects in creation order (each node carries a
//! creation sequence number, which a `create_effect` takes at its deferred
//! first run; see `EffectQueue`: a batch that arrives in
//! order is consumed as it is, anything else is ordered by a small heap).
//! Creation order matters: a parent effect is
//! always older than the effects it created, so it runs first and may dispose
//! its children before they would run needlessly, which is exactly the seed's
//! "decision tree". Before an effect runs, it is brought up to date by
//! [`update_if_necessary`]:
//!
//! * Clean: nothing to do.
//! * Dirty: run it.
//! * Check: walk its sources in the order they were read. A source that is
//!   itself Check or Dirty is brought up to date first (pushed as a new frame);
//!   if that source is a memo whose value changed (by `PartialEq`), it marks
//!   its subscribers that wait in Check as Dirty, and the walk sees our node
//!   turn Dirty and runs it *immediately*, without looking at the remaining
//!   sources. If every source comes back unchanged, the node becomes Clean
//!   without running.
//!
//! A node is set Clean when its run *starts*, not when it ends. Two things
//! follow. A write that happens while the node runs (say an effect writes a
//! signal it already read) pushes it back to Check/Dirty and re-queues it, so
//! the write is not lost. And a memo that re-runs *because the running node
//! reads it* must not mark that reader Dirty again: the reader is Clean at
//! that moment and is reading the new value right now. That is why a changed
//! memo only upgrades Check subscribers to Dirty and leaves Clean ones alone;
//! without this rule the diamond's effect would run twice (once for the memo
//! that triggered its run, once for the other memo it read during the run).
//!
//! The walk is again iterative: the stack holds `(node, next source index)`
//! frames, so a 100,000-deep chain of memos checks and updates in a loop. The
//! only recursion left is the one the user writes: a memo's closure reading
//! another memo that is stale and never seen before. Since memos compute
//! eagerly when created, that case does not arise for chains built in order.
//!
//! Because an effect is queued once and only runs after everything it reads is
//! settled, a diamond (`A → B, A → C, B + C → D`) runs `D` once and `D` never
//! sees `B` updated with `C` stale. Signals always notify; memos notify only
//! when their new value differs from the old one.
//!
//! # Dependency tracking without allocation
//!
//! While a node runs, it is the *observer*. Each read calls [`track`]. The
//! observer keeps a cursor into its previous `sources` list: if the source read
//! now is the one read at the same position last time, the cursor just moves
//! on and the edge is reused; nothing is allocated, and the subscriber list of
//! the source is not touched. On a mismatch the new source is swapped into the
//! cursor position (the old entry goes to the tail) and the observer is added
//! to its subscribers. When the run ends, everything past the cursor is stale:
//! the lists are truncated and the observer is removed from those sources'
//! subscriber lists. A per-run epoch stamp on each source makes repeated reads
//! of one source within a run cheap and duplicate-free.
//!
//! Each edge is stored twice, once in the observer's `sources` and once in
//! the source's `subscribers`, and each copy carries the index of its mirror
//! ([`Edge`]). Removing an edge is then a `swap_remove` plus one index fix-up
//! on the element that moved, O(1) however many subscribers a signal has;
//! disposing 10,000 list rows that all read one signal stays linear.
//!
//! # Running effects
//!
//! Render effects run when created. Outside a flush, that first run is a
//! flush of its own (`scheduler::run_now`): writes it makes are queued and settled
//! right after it returns, instead of re-entering it while it runs.
//! `create_effect` puts its first run on a deferred list that `flush` (or
//! the scheduler hook) moves into the queue.
//!
//! # Settling and cycles
//!
//! Effects may write signals. A write while effects are being run only pushes
//! and queues; the running flush loop picks the newly queued effects up, so
//! everything settles in one pass. An effect that keeps re-triggering itself
//! (directly or through others) would loop forever; after a generous budget of
//! runs the flush stops with a panic listing where the involved nodes were
//! created.

use crate::runtime::{Arena, Edge, Flags, Invariant, Kind, Node, NodeId, Payload, Runtime, State};
use std::rc::Rc;

/// Reads a node's value cell and, if `tracked`, links it to the current
/// observer: the read hot path, in a single arena borrow.
#[inline]
pub(crate) fn read_value(rt: &Runtime, id: NodeId, tracked: bool) -> Option<Rc<dyn Payload>> {
    let observer = if tracked { rt.observer.get() } else { None };
    let mut arena = rt.arena.borrow_mut();
    let value = arena.get(id)?.payload.clone();
    if let Some(observer) = observer {
        link(&mut arena, id, observer);
    }
    value
}

// Out of line on wasm: reads of signals and memos and `track` share it.
#[cfg_attr(target_family = "wasm", inline(never))]
pub(crate) fn link(arena: &mut Arena, source: NodeId, observer: NodeId) {
    let Some(obs) = arena.get(observer) else {
        return;
    };
    let epoch = obs.epoch;
    let Some(src) = arena.get_mut(source) else {
        return;
    };
    if src.stamp == epoch {
        return; // already read during this run
    }
    src.stamp = epoch;
    let sub_index = src.subscribers.len() as u32;
    let obs = arena.get_mut(observer).invariant();
    let cursor = obs.cursor as usize;
    obs.cursor += 1;
    if obs.sources.get(cursor).is_some_and(|e| e.node == source) {
        return; // same edge as last run: reuse it
    }
    // A new edge. It goes to the cursor position; whatever was there moves
    // to the tail (it is stale unless read again later in this run).
    let tail = obs.sources.len();
    if tail == 0 {
        // Most observers read one source: do not start at capacity 4
        // (48 bytes, a 64-byte block in talc; 12 bytes take 16).
        obs.sources.reserve_exact(1);
    }
    let edge = Edge {
        node: source,
        index: sub_index,
    };
    if tail == cursor {
        obs.sources.push(edge);
    } else {
        // The edge at the cursor moves to the tail.
        let moved = std::mem::replace(obs.sources.get_mut(cursor).invariant(), edge);
        obs.sources.push(moved);
        set_subscriber_back_index(arena, moved, tail as u32);
    }
    if let Some(src) = arena.get_mut(source) {
        if src.subscribers.is_empty() {
            // Most sources have one reader (a row's label, a selector key):
            // 16 bytes of heap instead of 64 for a first edge.
            src.subscribers.reserve_exact(1);
        }
        src.subscribers.push(Edge {
            node: observer,
            index: cursor as u32,
        });
    }
}

/// The observer's source entry `edge` now sits at `position`: update the
/// matching subscriber entry's back index.
#[inline]
fn set_subscriber_back_index(arena: &mut Arena, edge: Edge, position: u32) {
    if let Some(src) = arena.get_mut(edge.node) {
        if let Some(sub) = src.subscribers.get_mut(edge.index as usize) {
            sub.index = position;
        }
    }
}

/// Removes the last source edge of `observer` and its mirror in the
/// source's subscriber list, in O(1). Returns `false` when there is none.
pub(crate) fn pop_source(arena: &mut Arena, observer: NodeId) -> bool {
    let Some(edge) = arena.get_mut(observer).and_then(|o| o.sources.pop()) else {
        return false;
    };
    let Some(src) = arena.get_mut(edge.node) else {
        return true; // the source was disposed; nothing to unlink
    };
    let at = edge.index as usize;
    if at >= src.subscribers.len() {
        return true;
    }
    src.subscribers.swap_remove(at);
    if let Some(&moved) = src.subscribers.get(at) {
        if let Some(obs) = arena.get_mut(moved.node) {
            if let Some(e) = obs.sources.get_mut(moved.index as usize) {
                e.index = at as u32;
            }
        }
    }
    true
}

/// Marks the subscribers of a written signal (or changed memo) Dirty, their
/// descendants Check, and queues the effects among them.
pub(crate) fn mark_subscribers_dirty(rt: &Runtime, source: NodeId) {
    mark_dirty(rt, Some(source), &[]);
}

/// Marks `readers` as the subscribers of a written source are marked: a
/// selector tells the readers of a key this way (they have no edge to it).
pub(crate) fn mark_readers_dirty(rt: &Runtime, readers: &[NodeId]) {
    mark_dirty(rt, None, readers);
}

/// The subscribers of `source` (or, without one, `readers`) Dirty, their
/// descendants Check, the effects among them queued.
fn mark_dirty(rt: &Runtime, source: Option<NodeId>, readers: &[NodeId]) {
    let mut arena = rt.arena.borrow_mut();
    let n = match source {
        Some(source) => arena.get(source).map_or(0, |s| s.subscribers.len()),
        None => readers.len(),
    };
    if n == 0 {
        return;
    }
    let mut stack = rt.push_stack.borrow_mut();
    let mut queue = rt.queue.borrow_mut();
    let base = stack.len();
    // The code writing now: an effect it makes stale while that effect is
    // running (further up the stack) and is not the writer runs again
    // after its run; its own writes do not run it again.
    let writer = rt.owner.get();
    // Inside a flush where app effects' writes may run what they reach
    // before returning (`scheduler::run_nested`): an effect this write
    // reaches directly that an earlier write already queued is queued
    // again, so it is among what this write runs, as in Leptos 0.6 (it
    // sees a guard flag raised around the write); its older entry then
    // finds it clean.
    // Only where the write does run them (see `scheduler::run_nested`): a
    // write in a `batch` or from a renderer's effect leaves the queue as
    // it is, or every write of a long batch would add an entry.
    let requeue = rt.flushing.get()
        && rt.nested_runner.get().is_some()
        && rt.batch_depth.get() == 0
        && rt.nested_depth.get() < crate::scheduler::NESTED_LIMIT
        && writer.and_then(|w| arena.get(w)).is_some_and(|w| {
            w.kind == Kind::Effect && w.flags.has(Flags::NESTS) && w.flags.has(Flags::RUNNING)
        });
    for i in 0..n {
        let sub = match source {
            Some(source) => {
                (arena.get(source))
                    .and_then(|s| s.subscribers.get(i))
                    .invariant()
                    .node
            }
            None => *readers.get(i).invariant(),
        };
        let Some(node) = arena.get_mut(sub) else {
            continue;
        };
        let was_clean = node.state == State::Clean;
        node.state = State::Dirty;
        if was_clean {
            if node.kind == Kind::Effect {
                mark_rerun(node, sub, writer);
                queue.push(node.seq.get(), sub);
            }
            for e in &node.subscribers {
                stack.push(e.node);
            }
        } else if node.kind == Kind::Effect {
            // Already stale (its own write, or an earlier one): a running
            // effect that someone else's write reaches still runs again.
            mark_rerun(node, sub, writer);
            // A running one is not re-entered; `run_nested` would park it.
            if requeue && !node.flags.has(Flags::RUNNING) {
                queue.push(node.seq.get(), sub);
            }
        }
    }
    while stack.len() > base {
        let id = stack.pop().expect("non-empty");
        let Some(node) = arena.get_mut(id) else {
            continue;
        };
        if node.state != State::Clean {
            // Already marked, and so are its descendants; a running effect
            // stale from its own write that someone else's write reaches
            // through a memo still runs again, as a direct subscriber does.
            if node.kind == Kind::Effect {
                mark_rerun(node, id, writer);
            }
            continue;
        }
        node.state = State::Check;
        if node.kind == Kind::Effect {
            mark_rerun(node, id, writer);
            queue.push(node.seq.get(), id);
        }
        for e in &node.subscribers {
            stack.push(e.node);
        }
    }
}

/// Flags a running effect made stale by someone else's write to run again
/// after its current run.
#[inline]
fn mark_rerun(node: &mut Node, id: NodeId, writer: Option<NodeId>) {
    if node.flags.has(Flags::RUNNING) && writer != Some(id) {
        node.flags.set(Flags::RERUN, true);
    }
}

enum Step {
    Pop,
    Run,
    Descend(NodeId),
    Next,
}

/// Brings `id` up to date: the pull phase, iterative (see the module docs).
pub(crate) fn update_if_necessary(rt: &Runtime, id: NodeId) {
    let state = rt.arena.borrow().get(id).map(|n| n.state);
    match state {
        Some(State::Check) => {}
        Some(State::Dirty) => return run_node(rt, id),
        _ => return,
    }
    let base = {
        let mut stack = rt.pull_stack.borrow_mut();
        stack.push((id, 0));
        stack.len() - 1
    };
    if let Some(n) = rt.arena.borrow_mut().get_mut(id) {
        n.flags.set(Flags::ON_STACK, true);
    }
    let _unwind = PullUnwind { rt, base };
    loop {
        // Walk with both borrows held until a node must run (user code) or
        // this pull is done.
        let run = {
            let mut stack = rt.pull_stack.borrow_mut();
            let mut arena = rt.arena.borrow_mut();
            loop {
                if stack.len() <= base {
                    break None;
                }
                let top = stack.last_mut().invariant();
                let (node_id, index) = *top;
                let step = match arena.get(node_id) {
                    None => Step::Pop,
                    Some(node) => match node.state {
                        State::Clean => Step::Pop,
                        State::Dirty if node.flags.has(Flags::SETTLE) => {
                            arena.get_mut(node_id).invariant().state = State::Clean;
                            Step::Pop
                        }
                        State::Dirty => Step::Run,
                        State::Check => match node.sources.get(index as usize) {
                            Some(edge) => {
                                let source = edge.node;
                                top.1 += 1;
                                match arena.get_mut(source) {
                                    Some(s)
                                        if s.state != State::Clean
                                            && !s.flags.has(Flags::ON_STACK) =>
                                    {
                                        s.flags.set(Flags::ON_STACK, true);
                                        Step::Descend(source)
                                    }
                                    _ => Step::Next,
                                }
                            }
                            None => {
                                // Every source came back unchanged.
                                arena.get_mut(node_id).invariant().state = State::Clean;
                                Step::Pop
                            }
                        },
                    },
                };
                match step {
                    Step::Next => {}
                    Step::Descend(source) => stack.push((source, 0)),
                    Step::Pop | Step::Run => {
                        stack.pop();
                        if let Some(n) = arena.get_mut(node_id) {
                            n.flags.set(Flags::ON_STACK, false);
                        }
                        if matches!(step, Step::Run) {
                            break Some(node_id);
                        }
                    }
                }
            }
        };
        match run {
            Some(node_id) => run_node(rt, node_id),
            None => break,
        }
    }
}

/// If a computation panics during the pull, drops this pull's frames so the
/// shared stack and the `on_stack` flags stay consistent for later pulls
/// (natively a panic can be caught; in the browser it aborts anyway).
struct PullUnwind<'a> {
    rt: &'a Runtime,
    base: usize,
}

impl Drop for PullUnwind<'_> {
    fn drop(&mut self) {
        // Under `panic = "abort"` (every wasm build) no drop runs during a
        // panic: the check is a constant and the repair code is left out.
        if cfg!(panic = "abort") || !std::thread::panicking() {
            return;
        }
        let (Ok(mut stack), Ok(mut arena)) = (
            self.rt.pull_stack.try_borrow_mut(),
            self.rt.arena.try_borrow_mut(),
        ) else {
            return;
        };
        let from = self.base.min(stack.len());
        let Ok(mut queue) = self.rt.queue.try_borrow_mut() else {
            return;
        };
        for (id, _) in stack.drain(from..) {
            if let Some(n) = arena.get_mut(id) {
                // `SETTLE` too: an effect whose settling pull (see
                // `run_node`) was cut short would otherwise be set Clean,
                // unrun, by every later pull that reaches it.
                n.flags.set(Flags::ON_STACK | Flags::SETTLE, false);
                // An effect whose pull was cut short was already taken off
                // the queue but is not Clean, so no write would queue it
                // again: put it back.
                if n.kind == Kind::Effect && n.state != State::Clean {
                    queue.push(n.seq.get(), id);
                }
            }
        }
    }
}

/// Clears a node's `running` flag when its run ends, also on unwind, so
/// the node keeps working after a caught panic.
struct Running<'a> {
    rt: &'a Runtime,
    id: NodeId,
}

impl Drop for Running<'_> {
    fn drop(&mut self) {
        let mut memo_failed = false;
        if let Ok(mut arena) = self.rt.arena.try_borrow_mut() {
            if let Some(node) = arena.get_mut(self.id) {
                node.flags.set(Flags::RUNNING, false);
                // A memo whose computation panicked holds its old value:
                // it must not stay Clean, or the next read would return the
                // stale value as current.
                if node.kind == Kind::Memo && !cfg!(panic = "abort") && std::thread::panicking() {
                    memo_failed = true;
                }
            }
        }
        if memo_failed
            && self.rt.push_stack.try_borrow_mut().is_ok()
            && self.rt.queue.try_borrow_mut().is_ok()
        {
            // Dirty, with its subscribers marked as a write would mark them
            // (a non-Clean node's descendants are always marked: the push
            // phase relies on it), so reads and later writes recompute it.
            mark_subscribers_dirty(self.rt, self.id);
            if let Some(node) = self.rt.arena.borrow_mut().get_mut(self.id) {
                node.state = State::Dirty;
            }
        }
    }
}

/// Runs a memo or effect now: disposes what it owned last time, runs its
/// computation with itself as observer and owner, then drops stale edges and,
/// for a memo whose value changed, marks its subscribers Dirty.
pub(crate) fn run_node(rt: &Runtime, id: NodeId) {
    let epoch = rt.next_epoch();
    let (payload, owns, is_memo) = {
        let mut arena = rt.arena.borrow_mut();
        let Some(node) = arena.get_mut(id) else {
            return;
        };
        if node.flags.has(Flags::RUNNING)
            || node.flags.has(Flags::DOOMED)
            || !matches!(node.kind, Kind::Memo | Kind::Effect)
        {
            // Already running (a cycle through untracked reads), being
            // disposed, or not computed.
            return;
        }
        let Some(payload) = node.payload.clone() else {
            return;
        };
        node.flags.set(Flags::RUNNING, true);
        (payload, node.owned.is_some(), node.kind == Kind::Memo)
    };
    // A memo that writes a signal while it computes (allowed, if unusual)
    // must not run that signal's effects in the middle of its computation:
    // they would read the memo's old value, and the memo is already Clean,
    // so they would not run again for the new one. They wait until the new
    // value is stored, the memo's stale edges are dropped and its
    // subscribers are marked (a memo reading this one is then Dirty, not
    // taken for settled).
    let hold = is_memo.then(crate::scheduler::HoldEffects::new);
    let running = Running { rt, id };
    if owns {
        crate::owner::dispose_owned(rt, id);
    }
    // Clean only now, after the previous run's cleanups: a cleanup that
    // writes a signal this node reads leaves it Dirty (not re-queued, as it
    // was not Clean), and the run below reads the new value. Setting Clean
    // first would queue the node again for every run: an endless loop.
    {
        let mut arena = rt.arena.borrow_mut();
        let Some(node) = arena.get_mut(id) else {
            return; // a cleanup disposed it
        };
        if node.flags.has(Flags::DOOMED) {
            return; // a cleanup started disposing it
        }
        // A write by one of the cleanups above flagged it to run again;
        // the run below reads that write, so the flag goes.
        node.flags.set(Flags::RERUN, false);
        node.state = State::Clean;
        node.cursor = 0;
        node.epoch = epoch;
    }
    let changed = rt.with_context(Some(id), Some(id), || payload.run());
    std::mem::forget(running); // cleared below, in the same borrow
    let mut settle = false;
    let (notify, rerun) = {
        let mut arena = rt.arena.borrow_mut();
        let Some(node) = arena.get_mut(id) else {
            drop(arena);
            drop(payload);
            // Disposed itself while running: free what it made afterwards.
            crate::owner::reap_orphans(rt, id);
            return;
        };
        let rerun = node.flags.has(Flags::RERUN);
        node.flags.set(Flags::RUNNING | Flags::RERUN, false);
        let cursor = node.cursor as usize;
        let kind = node.kind;
        if kind == Kind::Effect {
            // An effect is clean after its run, as in Leptos 0.6: what its
            // own run wrote (a signal it read, e.g. a history log it
            // appends to) does not run it again. If it was queued or parked
            // meanwhile, the queue finds it clean and skips it. (Memos keep
            // their state: one that writes its own source computes again.)
            // A write by someone else during the run (an effect that this
            // run's write ran, as in a clamp: E copies `value` to `mirror`,
            // F resets `value`) leaves it stale, and it runs again, as 0.6
            // runs it again (there inside its own run; here after it).
            if rerun {
                let seq = node.seq.get();
                rt.queue.borrow_mut().push(seq, id);
            } else if node.state != State::Clean {
                // Its own write made it stale (it was set Clean before the
                // run), maybe through a memo it reads (it reads `valid`, a
                // memo of `selected`, and resets `selected`). It is clean
                // after its run, as for a signal it reads and writes
                // itself, but such a memo is brought up to date now: left
                // stale under a clean subscriber, it would keep later
                // writes from reaching the effect (the push phase stops at
                // nodes already marked), which would never run again. The
                // pull below updates its sources and, where the run would
                // come, sets it Clean instead (`Flags::SETTLE`).
                settle = true;
                node.state = State::Check;
                node.flags.set(Flags::SETTLE, true);
            } else {
                node.state = State::Clean;
            }
        }
        while arena.get(id).invariant().sources.len() > cursor {
            pop_source(&mut arena, id);
        }
        (changed && kind == Kind::Memo, rerun && kind == Kind::Effect)
    };
    if settle {
        update_if_necessary(rt, id);
        if let Some(node) = rt.arena.borrow_mut().get_mut(id) {
            node.flags.set(Flags::SETTLE, false);
        }
    }
    drop(payload); // may be the last reference if disposed meanwhile
    if notify {
        mark_check_subscribers_dirty(rt, id);
    }
    drop(hold);
    if rerun {
        // Outside a flush (a first run made at once), nothing else will
        // run the queue for it now.
        crate::scheduler::run_effects(rt);
    }
}

/// A memo's value changed during the pull phase: its subscribers that are
/// waiting in Check must now run (Dirty).
///
/// Subscribers that are Clean are left alone. A Clean subscriber of a memo
/// that was stale is one that started running after the write that made the
/// memo stale, and it is reading the memo's *new* value right now (that read
/// is what re-ran the memo). Marking it Dirty would run it twice for one
/// write. A write that happens during its run marks it Check via the push
/// phase first, so it is not Clean then and does get upgraded here.
fn mark_check_subscribers_dirty(rt: &Runtime, id: NodeId) {
    let mut arena = rt.arena.borrow_mut();
    let n = arena.get(id).map_or(0, |node| node.subscribers.len());
    for i in 0..n {
        let sub = arena
            .get(id)
            .and_then(|s| s.subscribers.get(i))
            .invariant()
            .node;
        if let Some(node) = arena.get_mut(sub) {
            if node.state == State::Check {
                node.state = State::Dirty;
            }
        }
    }
}
