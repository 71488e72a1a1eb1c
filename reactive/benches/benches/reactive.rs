//! Native benchmarks: larkspur-reactive vs Leptos' `reactive_graph` vs `sycamore-reactive`.
//!
//! Every case is written ONCE, generically over the [`Rx`] trait, and
//! monomorphised per framework, so all three run exactly the same graph shape,
//! the same reads and the same writes. Before anything is timed, each case is
//! built and run twice for every framework and the results (end values plus
//! effect-run counts) are asserted equal.
//!
//! Timing: criterion (`Bencher::iter_custom`, flat sampling). We record the
//! per-sample times criterion measures and take their median; the whole suite
//! is repeated for `ROUNDS` rounds, rotating which framework goes first, and
//! the reported number is the median of the per-round medians.
//!
//! Peers, and why each choice is the fair, fastest synchronous equivalent:
//! * larkspur: `create_rw_signal`, `create_memo`, `create_render_effect`
//!   (synchronous), `batch`, `create_root` + `Owner::dispose`.
//! * reactive_graph: `ArcRwSignal` / `ArcMemo` (reference-counted, no arena
//!   lookup: its cheapest storage) and `RenderEffect` (first run synchronous,
//!   re-runs from a task spawned on `any_spawner`'s executor). We install the
//!   futures `LocalPool` executor (`Executor::init_futures_executor`) and call
//!   `Executor::poll_local()` (= `run_until_stalled`) after every write, or
//!   after the outermost `batch`, so every effect has settled before the next
//!   write, exactly like the other two. Each effect is kept alive by an
//!   `on_cleanup` on the `Owner` and cancelled by `Owner::cleanup`.
//!   Why not `ImmediateEffect` (its only effect that re-runs synchronously)?
//!   In 0.2.16 it is not glitch-free: it re-runs *during* the push, so in the
//!   kairo diamond one write runs the effect 5 times (once per branch), and
//!   inside `reactive_graph::effect::batch` it never re-runs through a memo
//!   (it is checked before the memo is marked and then found clean). Both
//!   would fail the equal-results check, so it is not an equivalent.
//! * sycamore: `create_signal`, `create_selector` (the memo that compares
//!   with `PartialEq`, like the other two; its `create_memo` always
//!   notifies), `create_effect` (synchronous), `batch`, a child scope of one
//!   long-lived root, disposed with `NodeHandle::dispose`.
//!
//! `LARKSPUR_BENCH_QUICK=1` shortens everything (one round, short samples).

use criterion::{Criterion, SamplingMode};
use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::{Cell, RefCell};
use std::hint::black_box;
use std::sync::atomic::{AtomicBool, AtomicIsize, Ordering};
use std::time::{Duration, Instant};

// ---------------------------------------------------------------------------
// Counting allocator (bytes per node / edge).

struct Counting;
static LIVE: AtomicIsize = AtomicIsize::new(0);
/// Live allocation count (allocations minus frees).
static BLOCKS: AtomicIsize = AtomicIsize::new(0);
/// Counting is switched on only for the memory phase, so the timed phase
/// pays one relaxed load per allocation, not two locked read-modify-writes.
static COUNTING: AtomicBool = AtomicBool::new(false);

#[inline(always)]
fn count(bytes: isize, blocks: isize) {
    if COUNTING.load(Ordering::Relaxed) {
        LIVE.fetch_add(bytes, Ordering::Relaxed);
        BLOCKS.fetch_add(blocks, Ordering::Relaxed);
    }
}

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, l: Layout) -> *mut u8 {
        count(l.size() as isize, 1);
        unsafe { System.alloc(l) }
    }
    unsafe fn alloc_zeroed(&self, l: Layout) -> *mut u8 {
        count(l.size() as isize, 1);
        unsafe { System.alloc_zeroed(l) }
    }
    unsafe fn dealloc(&self, p: *mut u8, l: Layout) {
        count(-(l.size() as isize), -1);
        unsafe { System.dealloc(p, l) }
    }
    unsafe fn realloc(&self, p: *mut u8, l: Layout, new: usize) -> *mut u8 {
        count(new as isize - l.size() as isize, 0);
        unsafe { System.realloc(p, l, new) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

fn live() -> isize {
    LIVE.load(Ordering::SeqCst)
}

// ---------------------------------------------------------------------------
// Effect-run counter: a thread-local Cell for all three frameworks (no atomics
// in the hot path of any of them).

thread_local! {
    static RUNS: Cell<i64> = const { Cell::new(0) };
}
#[inline(always)]
fn bump() {
    RUNS.with(|c| c.set(c.get() + 1));
}
fn runs() -> i64 {
    RUNS.with(|c| c.get())
}
fn reset_runs() {
    RUNS.with(|c| c.set(0));
}

/// The kairo "busy" work: a small loop the optimiser cannot remove.
#[inline(never)]
fn busy() {
    let mut a = 0u64;
    for i in 0..100u64 {
        a = black_box(a + i);
    }
    black_box(a);
}

/// Lets `reactive_graph` accept closures capturing `!Send` larkspur-free data.
/// Only used for reactive_graph closures, which here capture only `Arc*`
/// handles (already Send + Sync) plus generic wrappers; everything runs on
/// one thread.
struct AssertSend<F>(F);
// SAFETY: the benchmark is single-threaded; reactive_graph never moves these
// closures to another thread (no executor, no sandboxed arenas).
unsafe impl<F> Send for AssertSend<F> {}
unsafe impl<F> Sync for AssertSend<F> {}
impl<F> AssertSend<F> {
    #[inline(always)]
    fn get(&self) -> &F {
        &self.0
    }
}

// ---------------------------------------------------------------------------
// The framework abstraction (zero-cost: everything is static dispatch).

trait Val: PartialEq + Clone + Send + Sync + 'static {}
impl<T: PartialEq + Clone + Send + Sync + 'static> Val for T {}

trait Rx: 'static {
    const NAME: &'static str;
    type S<T: Val>: Clone + 'static;
    type M<T: Val>: Clone + 'static;
    type Root;
    fn root<R>(f: impl FnOnce() -> R) -> (Self::Root, R);
    fn dispose(r: Self::Root);
    fn run_in<R>(f: impl FnOnce() -> R) -> R {
        f()
    }
    fn signal<T: Val>(v: T) -> Self::S<T>;
    fn get<T: Val>(s: &Self::S<T>) -> T;
    fn set<T: Val>(s: &Self::S<T>, v: T);
    fn memo<T: Val>(f: impl Fn() -> T + 'static) -> Self::M<T>;
    fn mget<T: Val>(m: &Self::M<T>) -> T;
    fn mwith<T: Val, R>(m: &Self::M<T>, f: impl FnOnce(&T) -> R) -> R;
    fn effect(f: impl Fn() + 'static);
    fn batch(f: impl FnOnce());
}

struct Lark;
impl Rx for Lark {
    const NAME: &'static str = "larkspur";
    type S<T: Val> = larkspur_reactive::RwSignal<T>;
    type M<T: Val> = larkspur_reactive::Memo<T>;
    type Root = larkspur_reactive::Owner;
    fn root<R>(f: impl FnOnce() -> R) -> (Self::Root, R) {
        larkspur_reactive::create_root(|owner| (owner, f()))
    }
    fn dispose(r: Self::Root) {
        r.dispose();
    }
    #[inline(always)]
    fn signal<T: Val>(v: T) -> Self::S<T> {
        larkspur_reactive::create_rw_signal(v)
    }
    #[inline(always)]
    fn get<T: Val>(s: &Self::S<T>) -> T {
        s.get()
    }
    #[inline(always)]
    fn set<T: Val>(s: &Self::S<T>, v: T) {
        s.set(v)
    }
    #[inline(always)]
    fn memo<T: Val>(f: impl Fn() -> T + 'static) -> Self::M<T> {
        larkspur_reactive::create_memo(move |_| f())
    }
    #[inline(always)]
    fn mget<T: Val>(m: &Self::M<T>) -> T {
        m.get()
    }
    #[inline(always)]
    fn mwith<T: Val, R>(m: &Self::M<T>, f: impl FnOnce(&T) -> R) -> R {
        m.with(f)
    }
    #[inline(always)]
    fn effect(f: impl Fn() + 'static) {
        larkspur_reactive::create_render_effect(move |_| f());
    }
    #[inline(always)]
    fn batch(f: impl FnOnce()) {
        larkspur_reactive::batch(f)
    }
}

struct Rg;
impl Rx for Rg {
    const NAME: &'static str = "reactive_graph";
    type S<T: Val> = reactive_graph::signal::ArcRwSignal<T>;
    type M<T: Val> = reactive_graph::computed::ArcMemo<T>;
    type Root = reactive_graph::owner::Owner;
    fn root<R>(f: impl FnOnce() -> R) -> (Self::Root, R) {
        let owner = reactive_graph::owner::Owner::new();
        let r = owner.with(f);
        (owner, r)
    }
    fn dispose(r: Self::Root) {
        r.cleanup();
        // Let the cancelled effects' tasks finish.
        any_spawner::Executor::poll_local();
    }
    #[inline(always)]
    fn signal<T: Val>(v: T) -> Self::S<T> {
        reactive_graph::signal::ArcRwSignal::new(v)
    }
    #[inline(always)]
    fn get<T: Val>(s: &Self::S<T>) -> T {
        use reactive_graph::traits::Get;
        s.get()
    }
    #[inline(always)]
    fn set<T: Val>(s: &Self::S<T>, v: T) {
        use reactive_graph::traits::Set;
        s.set(v);
        if RG_BATCH.with(|b| b.get()) == 0 {
            any_spawner::Executor::poll_local();
        }
    }
    #[inline(always)]
    fn memo<T: Val>(f: impl Fn() -> T + 'static) -> Self::M<T> {
        let f = AssertSend(f);
        reactive_graph::computed::ArcMemo::new(move |_| (f.get())())
    }
    #[inline(always)]
    fn mget<T: Val>(m: &Self::M<T>) -> T {
        use reactive_graph::traits::Get;
        m.get()
    }
    #[inline(always)]
    fn mwith<T: Val, R>(m: &Self::M<T>, f: impl FnOnce(&T) -> R) -> R {
        use reactive_graph::traits::With;
        m.with(f)
    }
    #[inline(always)]
    fn effect(f: impl Fn() + 'static) {
        let effect = reactive_graph::effect::RenderEffect::new(move |_| f());
        // Dropping a RenderEffect cancels it: keep it until the owner is cleaned up.
        let effect = AssertSend(effect);
        reactive_graph::owner::on_cleanup(move || drop(effect));
    }
    fn batch(f: impl FnOnce()) {
        RG_BATCH.with(|b| b.set(b.get() + 1));
        f();
        RG_BATCH.with(|b| b.set(b.get() - 1));
        any_spawner::Executor::poll_local();
    }
}

/// reactive_graph with `ImmediateEffect` (informational column only: not
/// glitch-free, so its effect-run counts differ on diamond-shaped cases).
struct RgImm;
impl Rx for RgImm {
    const NAME: &'static str = "reactive_graph-immediate";
    type S<T: Val> = reactive_graph::signal::ArcRwSignal<T>;
    type M<T: Val> = reactive_graph::computed::ArcMemo<T>;
    type Root = reactive_graph::owner::Owner;
    fn root<R>(f: impl FnOnce() -> R) -> (Self::Root, R) {
        Rg::root(f)
    }
    fn dispose(r: Self::Root) {
        r.cleanup();
    }
    #[inline(always)]
    fn signal<T: Val>(v: T) -> Self::S<T> {
        Rg::signal(v)
    }
    #[inline(always)]
    fn get<T: Val>(s: &Self::S<T>) -> T {
        Rg::get(s)
    }
    #[inline(always)]
    fn set<T: Val>(s: &Self::S<T>, v: T) {
        use reactive_graph::traits::Set;
        s.set(v);
    }
    #[inline(always)]
    fn memo<T: Val>(f: impl Fn() -> T + 'static) -> Self::M<T> {
        Rg::memo(f)
    }
    #[inline(always)]
    fn mget<T: Val>(m: &Self::M<T>) -> T {
        Rg::mget(m)
    }
    #[inline(always)]
    fn mwith<T: Val, R>(m: &Self::M<T>, f: impl FnOnce(&T) -> R) -> R {
        Rg::mwith(m, f)
    }
    #[inline(always)]
    fn effect(f: impl Fn() + 'static) {
        let f = AssertSend(f);
        reactive_graph::effect::ImmediateEffect::new_scoped(move || (f.get())());
    }
    fn batch(f: impl FnOnce()) {
        // `reactive_graph::effect::batch` loses re-runs through memos (see
        // the module docs); the only batched writes here are single writes.
        f()
    }
}

thread_local! {
    static RG_BATCH: Cell<u32> = const { Cell::new(0) };
    static SYC_ROOT: sycamore_reactive::RootHandle = sycamore_reactive::create_root(|| {});
}

struct Syc;
impl Rx for Syc {
    const NAME: &'static str = "sycamore";
    type S<T: Val> = sycamore_reactive::Signal<T>;
    type M<T: Val> = sycamore_reactive::ReadSignal<T>;
    type Root = sycamore_reactive::NodeHandle;
    fn root<R>(f: impl FnOnce() -> R) -> (Self::Root, R) {
        SYC_ROOT.with(|root| {
            root.run_in(|| {
                let mut out = None;
                let h = sycamore_reactive::create_child_scope(|| out = Some(f()));
                (h, out.unwrap())
            })
        })
    }
    fn dispose(r: Self::Root) {
        SYC_ROOT.with(|root| root.run_in(|| r.dispose()));
    }
    fn run_in<R>(f: impl FnOnce() -> R) -> R {
        SYC_ROOT.with(|root| root.run_in(f))
    }
    #[inline(always)]
    fn signal<T: Val>(v: T) -> Self::S<T> {
        sycamore_reactive::create_signal(v)
    }
    #[inline(always)]
    fn get<T: Val>(s: &Self::S<T>) -> T {
        s.get_clone()
    }
    #[inline(always)]
    fn set<T: Val>(s: &Self::S<T>, v: T) {
        s.set(v)
    }
    #[inline(always)]
    fn memo<T: Val>(f: impl Fn() -> T + 'static) -> Self::M<T> {
        sycamore_reactive::create_selector(f)
    }
    #[inline(always)]
    fn mget<T: Val>(m: &Self::M<T>) -> T {
        m.get_clone()
    }
    #[inline(always)]
    fn mwith<T: Val, R>(m: &Self::M<T>, f: impl FnOnce(&T) -> R) -> R {
        m.with(f)
    }
    #[inline(always)]
    fn effect(f: impl Fn() + 'static) {
        sycamore_reactive::create_effect(f);
    }
    #[inline(always)]
    fn batch(f: impl FnOnce()) {
        sycamore_reactive::batch(f)
    }
}

// ---------------------------------------------------------------------------
// Cases. A built case: `run` is one timed iteration; `result` the observable
// outcome (end values, effect-run counts) compared across frameworks.

struct Built {
    run: Box<dyn FnMut()>,
    result: Box<dyn FnMut() -> Vec<i64>>,
    dispose: Box<dyn FnOnce()>,
}

fn persistent<X: Rx, H: 'static>(
    build: impl FnOnce() -> H,
    run: impl Fn(&H) + 'static,
    result: impl Fn(&H) -> Vec<i64> + 'static,
) -> Built {
    reset_runs();
    let (root, h) = X::run_in(|| X::root(build));
    let h = std::rc::Rc::new(h);
    let (h1, h2) = (h.clone(), h.clone());
    Built {
        run: Box::new(move || X::run_in(|| run(&h1))),
        result: Box::new(move || {
            let mut r = X::run_in(|| result(&h2));
            r.push(runs());
            r
        }),
        dispose: Box::new(move || {
            drop(h);
            X::dispose(root)
        }),
    }
}

/// kairo "deep propagation": a chain of 50 memos from one signal to one effect; 50 writes.
fn deep<X: Rx>() -> Built {
    persistent::<X, _>(
        || {
            let head = X::signal(0i64);
            let h = head.clone();
            let mut cur = X::memo(move || X::get(&h) + 1);
            for _ in 1..50 {
                let c = cur.clone();
                cur = X::memo(move || X::mget(&c) + 1);
            }
            let c = cur.clone();
            X::effect(move || {
                black_box(X::mget(&c));
                bump();
            });
            (head, cur)
        },
        |(head, _)| {
            for i in 0..50 {
                X::set(head, i);
            }
        },
        |(_, last)| vec![X::mget(last)],
    )
}

/// kairo "broad propagation": one signal, 50 branches of two memos each, an effect per branch; 50 writes.
fn broad<X: Rx>() -> Built {
    persistent::<X, _>(
        || {
            let head = X::signal(0i64);
            let mut lasts = Vec::new();
            for i in 0..50 {
                let h = head.clone();
                let a = X::memo(move || X::get(&h) + i);
                let b = X::memo(move || X::mget(&a) + 1);
                let b2 = b.clone();
                X::effect(move || {
                    black_box(X::mget(&b2));
                    bump();
                });
                lasts.push(b);
            }
            (head, lasts)
        },
        |(head, _)| {
            for i in 0..50 {
                X::set(head, i);
            }
        },
        |(_, lasts)| lasts.iter().map(|m| X::mget(m)).collect(),
    )
}

/// kairo "diamond": one signal, 5 memos, one memo summing them, one effect; 500 writes.
fn diamond<X: Rx>() -> Built {
    persistent::<X, _>(
        || {
            let head = X::signal(0i64);
            let mids: Vec<_> = (0..5)
                .map(|_| {
                    let h = head.clone();
                    X::memo(move || X::get(&h) + 1)
                })
                .collect();
            let sum = X::memo(move || mids.iter().map(|m| X::mget(m)).sum::<i64>());
            let s = sum.clone();
            X::effect(move || {
                black_box(X::mget(&s));
                bump();
            });
            (head, sum)
        },
        |(head, _)| {
            for i in 0..500 {
                X::set(head, i);
            }
        },
        |(_, sum)| vec![X::mget(sum)],
    )
}

/// kairo "triangle": a chain of 10 nodes and one memo reading every node of it; 100 writes.
fn triangle<X: Rx>() -> Built {
    persistent::<X, _>(
        || {
            let head = X::signal(0i64);
            let h = head.clone();
            let mut list = Vec::new();
            let mut cur = X::memo(move || X::get(&h) + 1);
            for _ in 1..9 {
                list.push(cur.clone());
                let c = cur.clone();
                cur = X::memo(move || X::mget(&c) + 1);
            }
            list.push(cur);
            // kairo: the list is [head, m1, ..., m9] (the 10th memo is never read).
            let h = head.clone();
            let l = list.clone();
            let last = l.last().unwrap().clone();
            let _tenth = X::memo(move || X::mget(&last) + 1);
            let sum = X::memo(move || X::get(&h) + l.iter().map(|m| X::mget(m)).sum::<i64>());
            let s = sum.clone();
            X::effect(move || {
                black_box(X::mget(&s));
                bump();
            });
            (head, sum)
        },
        |(head, _)| {
            for i in 0..100 {
                X::set(head, i);
            }
        },
        |(_, sum)| vec![X::mget(sum)],
    )
}

/// kairo "mux": 100 signals into one memo (a Vec), split back into 100 memos
/// (+1 memo each) with an effect each; 20 writes, each in a batch, each read back.
fn mux<X: Rx>() -> Built {
    persistent::<X, _>(
        || {
            let heads: Vec<_> = (0..100).map(|_| X::signal(0i64)).collect();
            let hs = heads.clone();
            let mux = X::memo(move || hs.iter().map(|h| X::get(h)).collect::<Vec<i64>>());
            let split: Vec<_> = (0..100)
                .map(|i| {
                    let m = mux.clone();
                    let s = X::memo(move || X::mwith(&m, |v| v[i]));
                    let p = X::memo(move || X::mget(&s) + 1);
                    let p2 = p.clone();
                    X::effect(move || {
                        black_box(X::mget(&p2));
                        bump();
                    });
                    p
                })
                .collect();
            (heads, split)
        },
        |(heads, split)| {
            for i in 0..10 {
                X::batch(|| X::set(&heads[i], i as i64));
                assert_eq!(X::mget(&split[i]), i as i64 + 1);
            }
            for i in 0..10 {
                X::batch(|| X::set(&heads[i], i as i64 * 2));
                assert_eq!(X::mget(&split[i]), i as i64 * 2 + 1);
            }
        },
        |(_, split)| split.iter().map(|m| X::mget(m)).collect(),
    )
}

/// kairo "repeated observers": one memo reading the same signal 30 times; 100 writes.
fn repeated<X: Rx>() -> Built {
    persistent::<X, _>(
        || {
            let head = X::signal(0i64);
            let h = head.clone();
            let cur = X::memo(move || (0..30).map(|_| X::get(&h)).sum::<i64>());
            let c = cur.clone();
            X::effect(move || {
                black_box(X::mget(&c));
                bump();
            });
            (head, cur)
        },
        |(head, _)| {
            for i in 0..100 {
                X::set(head, i);
            }
        },
        |(_, cur)| vec![X::mget(cur)],
    )
}

/// kairo "unstable": a memo whose dependencies flip between two memos with the parity of the head; 100 writes.
fn unstable<X: Rx>() -> Built {
    persistent::<X, _>(
        || {
            let head = X::signal(0i64);
            let h = head.clone();
            let double = X::memo(move || X::get(&h) * 2);
            let h = head.clone();
            let inverse = X::memo(move || -X::get(&h));
            let h = head.clone();
            let cur = X::memo(move || {
                let mut r = 0;
                for _ in 0..20 {
                    r += if X::get(&h) % 2 == 1 {
                        X::mget(&double)
                    } else {
                        X::mget(&inverse)
                    };
                }
                r
            });
            let c = cur.clone();
            X::effect(move || {
                black_box(X::mget(&c));
                bump();
            });
            (head, cur)
        },
        |(head, _)| {
            for i in 0..100 {
                X::set(head, i);
            }
        },
        |(_, cur)| vec![X::mget(cur)],
    )
}

/// kairo "avoidable propagation": a memo that always returns 0 must stop the
/// change from reaching an expensive chain and effect; 1000 writes.
fn avoidable<X: Rx>() -> Built {
    persistent::<X, _>(
        || {
            let head = X::signal(0i64);
            let h = head.clone();
            let c1 = X::memo(move || X::get(&h));
            let c2 = X::memo(move || {
                black_box(X::mget(&c1));
                0i64
            });
            let c3 = X::memo(move || {
                busy();
                X::mget(&c2) + 1
            });
            let c4 = X::memo(move || X::mget(&c3) + 2);
            let c5 = X::memo(move || X::mget(&c4) + 3);
            let c = c5.clone();
            X::effect(move || {
                black_box(X::mget(&c));
                busy();
                bump();
            });
            (head, c5)
        },
        |(head, c5)| {
            X::set(head, 1);
            assert_eq!(X::mget(c5), 6);
            for i in 0..1000 {
                X::set(head, i);
                assert_eq!(X::mget(c5), 6);
            }
        },
        |(_, c5)| vec![X::mget(c5)],
    )
}

/// One-shot cases (creation, cellx): each iteration builds, runs and disposes
/// a fresh graph. `body` returns the observable outcome.
fn oneshot<X: Rx>(body: fn() -> Vec<i64>) -> Built {
    let last = std::rc::Rc::new(RefCell::new(Vec::new()));
    let l = last.clone();
    Built {
        run: Box::new(move || {
            reset_runs();
            let mut r = X::run_in(body);
            r.push(runs());
            *l.borrow_mut() = r;
        }),
        result: Box::new(move || last.borrow().clone()),
        dispose: Box::new(|| {}),
    }
}

/// Classic cellx: `layers` layers of 4 memos (a = b', b = a' - c', c = b' + d',
/// d = c' over the previous layer), an effect on every memo; read the last
/// layer, write the 4 input signals in one batch, read it again. Timed as a
/// whole (build + update + dispose), as the original cellx bench does.
fn cellx<X: Rx, const LAYERS: usize>() -> Vec<i64> {
    let (root, (start, end)) = X::root(|| {
        let start = [X::signal(1i64), X::signal(2), X::signal(3), X::signal(4)];
        let eff = |m: &X::M<i64>| {
            let m = m.clone();
            X::effect(move || {
                black_box(X::mget(&m));
                bump();
            });
        };
        let [a, b, c, d] = start.clone();
        let (b1, a1, c1, b2, d1, c2) = (b.clone(), a, c.clone(), b, d, c);
        let mut layer = [
            X::memo(move || X::get(&b1)),
            X::memo(move || X::get(&a1) - X::get(&c1)),
            X::memo(move || X::get(&b2) + X::get(&d1)),
            X::memo(move || X::get(&c2)),
        ];
        layer.iter().for_each(eff);
        for _ in 1..LAYERS {
            let [a, b, c, d] = layer.clone();
            let (b1, a1, c1, b2, d1, c2) = (b.clone(), a, c.clone(), b, d, c);
            layer = [
                X::memo(move || X::mget(&b1)),
                X::memo(move || X::mget(&a1) - X::mget(&c1)),
                X::memo(move || X::mget(&b2) + X::mget(&d1)),
                X::memo(move || X::mget(&c2)),
            ];
            layer.iter().for_each(eff);
        }
        (start, layer)
    });
    let mut out: Vec<i64> = end.iter().map(|m| X::mget(m)).collect();
    X::batch(|| {
        X::set(&start[0], 4);
        X::set(&start[1], 3);
        X::set(&start[2], 2);
        X::set(&start[3], 1);
    });
    out.extend(end.iter().map(|m| X::mget(m)));
    drop((start, end));
    X::dispose(root);
    out
}

/// Create 100k signals (kept alive) in a root, then dispose it.
fn create_signals<X: Rx>() -> Vec<i64> {
    let mut keep = Vec::with_capacity(100_000);
    let (root, ()) = X::root(|| {
        for i in 0..100_000i64 {
            keep.push(X::signal(i));
        }
    });
    let out = vec![X::get(&keep[99_999])];
    drop(keep);
    X::dispose(root);
    out
}

/// Create 1k memos over one signal (each read once, since reactive_graph's are lazy), then dispose.
fn create_memos<X: Rx>() -> Vec<i64> {
    let mut keep = Vec::with_capacity(1000);
    let (root, sum) = X::root(|| {
        let s = X::signal(1i64);
        for i in 0..1000i64 {
            let s = s.clone();
            keep.push(X::memo(move || X::get(&s) + i));
        }
        keep.iter().map(|m| X::mget(m)).sum::<i64>()
    });
    drop(keep);
    X::dispose(root);
    vec![sum]
}

/// Create 1k effects over one signal (each runs once), then dispose.
fn create_effects<X: Rx>() -> Vec<i64> {
    let (root, ()) = X::root(|| {
        let s = X::signal(1i64);
        for _ in 0..1000 {
            let s = s.clone();
            X::effect(move || {
                black_box(X::get(&s));
                bump();
            });
        }
    });
    X::dispose(root);
    vec![]
}

struct CaseDef {
    name: &'static str,
    builders: [Option<fn() -> Built>; 4],
}

macro_rules! case {
    ($name:expr, $f:ident) => {
        CaseDef {
            name: $name,
            builders: [Some($f::<Lark>), Some($f::<Rg>), Some($f::<Syc>), Some($f::<RgImm>)],
        }
    };
    ($name:expr, oneshot $f:ident $(::<$n:literal>)?) => {
        CaseDef {
            name: $name,
            builders: [
                Some(|| oneshot::<Lark>($f::<Lark $(, $n)?>)),
                Some(|| oneshot::<Rg>($f::<Rg $(, $n)?>)),
                Some(|| oneshot::<Syc>($f::<Syc $(, $n)?>)),
                Some(|| oneshot::<RgImm>($f::<RgImm $(, $n)?>)),
            ],
        }
    };
}

fn cases() -> Vec<CaseDef> {
    // reactive_graph 0.2.16 cannot run cellx: a write re-marks a node once per
    // path that reaches it (its push does not stop at nodes already marked
    // Check), so the work doubles with every layer (measured: 1.5 ms at 15
    // layers, 38 ms at 20; 1000 layers would take ~2^1000 steps).
    let no_rg = |mut c: CaseDef| {
        c.builders[1] = None;
        c.builders[3] = None;
        c
    };
    vec![
        case!("kairo: deep propagation", deep),
        case!("kairo: broad propagation", broad),
        case!("kairo: diamond", diamond),
        case!("kairo: triangle", triangle),
        case!("kairo: mux", mux),
        case!("kairo: repeated observers", repeated),
        case!("kairo: unstable", unstable),
        case!("kairo: avoidable propagation", avoidable),
        no_rg(case!("cellx 1000 layers", oneshot cellx::<1000>)),
        no_rg(case!("cellx 2500 layers", oneshot cellx::<2500>)),
        case!("create 100k signals", oneshot create_signals),
        case!("create 1k memos", oneshot create_memos),
        case!("create 1k effects", oneshot create_effects),
    ]
}

const NAMES: [&str; 4] = [Lark::NAME, Rg::NAME, Syc::NAME, RgImm::NAME];

// ---------------------------------------------------------------------------
// Memory: live heap bytes per node / edge, each measurement in a fresh thread
// (fresh thread-local arenas for larkspur and sycamore).

const MEM_N: usize = 100_000;

/// (live bytes, live allocations) per item.
fn measure<X: Rx>(f: fn()) -> (f64, f64) {
    std::thread::spawn(move || {
        // Bring up the thread-local runtimes (and sycamore's root) first.
        let (r, ()) = X::root(|| {
            let s = X::signal(0i64);
            X::effect(move || {
                black_box(X::get(&s));
            });
        });
        X::dispose(r);
        let (before, blocks) = (live(), BLOCKS.load(Ordering::SeqCst));
        let (root, ()) = X::root(f);
        let (after, blocks_after) = (live(), BLOCKS.load(Ordering::SeqCst));
        X::dispose(root);
        (
            (after - before) as f64 / MEM_N as f64,
            // Live allocations per item (the keep-alive Vec adds 1 / N).
            (blocks_after - blocks) as f64 / MEM_N as f64,
        )
    })
    .join()
    .unwrap()
}

thread_local! {
    static KEEP_S: RefCell<Vec<Box<dyn std::any::Any>>> = RefCell::new(Vec::new());
}

fn keep<T: 'static>(v: T) {
    // The keep-alive Vec is pre-sized in `mem_*`, so this does not count.
    KEEP_S.with(|k| k.borrow_mut().push(Box::new(v)));
}

fn mem_signals<X: Rx>() {
    let mut v = Vec::with_capacity(MEM_N);
    for i in 0..MEM_N as i64 {
        v.push(X::signal(i));
    }
    // Do not count the bench's own Vec of handles.
    LIVE.fetch_sub((v.capacity() * std::mem::size_of::<X::S<i64>>()) as isize, Ordering::SeqCst);
    keep(v);
}

fn mem_memos_noread<X: Rx>() {
    let v: Vec<_> = (0..MEM_N as i64).map(|i| X::memo(move || i)).collect();
    v.iter().for_each(|m| {
        black_box(X::mget(m));
    });
    LIVE.fetch_sub((v.capacity() * std::mem::size_of::<X::M<i64>>()) as isize, Ordering::SeqCst);
    keep(v);
}

fn mem_effects_noread<X: Rx>() {
    for _ in 0..MEM_N {
        X::effect(bump);
    }
}

fn mem_effects_fanout<X: Rx>() {
    let s = X::signal(0i64);
    for _ in 0..MEM_N {
        let s = s.clone();
        X::effect(move || {
            black_box(X::get(&s));
        });
    }
}

fn mem_effect_fanin<X: Rx>() {
    let v: Vec<_> = (0..MEM_N as i64).map(X::signal).collect();
    LIVE.fetch_sub((v.capacity() * std::mem::size_of::<X::S<i64>>()) as isize, Ordering::SeqCst);
    let v2 = v.clone();
    LIVE.fetch_sub((v2.capacity() * std::mem::size_of::<X::S<i64>>()) as isize, Ordering::SeqCst);
    X::effect(move || {
        for s in &v2 {
            black_box(X::get(s));
        }
    });
    keep(v);
}

struct Mem {
    signal: (f64, f64),
    memo: (f64, f64),
    effect: (f64, f64),
    edge_fanout: (f64, f64),
    edge_fanin: (f64, f64),
}

fn memory<X: Rx>() -> Mem {
    let signal = measure::<X>(mem_signals::<X>);
    let memo = measure::<X>(mem_memos_noread::<X>);
    let effect = measure::<X>(mem_effects_noread::<X>);
    let fanout = measure::<X>(mem_effects_fanout::<X>);
    let fanin = measure::<X>(mem_effect_fanin::<X>);
    Mem {
        signal,
        memo,
        effect,
        edge_fanout: (fanout.0 - effect.0, fanout.1 - effect.1),
        edge_fanin: (fanin.0 - signal.0, fanin.1 - signal.1),
    }
}

// ---------------------------------------------------------------------------
// Runner.

thread_local! {
    static SAMPLES: RefCell<Vec<(u64, Duration)>> = const { RefCell::new(Vec::new()) };
}

fn median(v: &mut [f64]) -> f64 {
    v.sort_by(|a, b| a.partial_cmp(b).unwrap());
    let n = v.len();
    if n == 0 {
        f64::NAN
    } else if n % 2 == 1 {
        v[n / 2]
    } else {
        (v[n / 2 - 1] + v[n / 2]) / 2.0
    }
}

fn fmt_time(ns: f64) -> String {
    if ns.is_nan() {
        "n/a (exponential)".into()
    } else if ns >= 1e6 {
        format!("{:.2} ms", ns / 1e6)
    } else if ns >= 1e3 {
        format!("{:.1} µs", ns / 1e3)
    } else {
        format!("{ns:.0} ns")
    }
}

fn main() {
    let quick = std::env::var_os("LARKSPUR_BENCH_QUICK").is_some_and(|v| v != "0");
    let only = std::env::var("LARKSPUR_BENCH_ONLY").ok();
    let rounds: usize = std::env::var("LARKSPUR_BENCH_ROUNDS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(if quick { 1 } else { 3 });
    let (warm, meas, samples) = if quick {
        (Duration::from_millis(100), Duration::from_millis(300), 10)
    } else {
        (Duration::from_millis(300), Duration::from_millis(1000), 20)
    };
    let _ = any_spawner::Executor::init_futures_executor();
    let mut c = Criterion::default()
        .warm_up_time(warm)
        .measurement_time(meas)
        .sample_size(samples)
        .nresamples(1000)
        .without_plots()
        .configure_from_args();

    let cases: Vec<CaseDef> = cases()
        .into_iter()
        .filter(|c| only.as_deref().is_none_or(|o| c.name.contains(o)))
        .collect();

    // Profiling aid: LARKSPUR_BENCH_PROFILE=<case substring> [LARKSPUR_BENCH_FW=larkspur]
    // loops one framework's case for LARKSPUR_BENCH_SECS (default 5) seconds, untimed,
    // for `perf record` / `valgrind --tool=callgrind`.
    if let Ok(want) = std::env::var("LARKSPUR_BENCH_PROFILE") {
        let fw_name = std::env::var("LARKSPUR_BENCH_FW").unwrap_or_else(|_| "larkspur".into());
        let secs: f64 = std::env::var("LARKSPUR_BENCH_SECS")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(5.0);
        let fw = NAMES.iter().position(|n| *n == fw_name).expect("unknown LARKSPUR_BENCH_FW");
        for case in crate::cases().iter().filter(|c| c.name.contains(&want)) {
            let Some(b) = case.builders[fw] else { continue };
            let mut built = b();
            let t = Instant::now();
            let mut n = 0u64;
            while t.elapsed().as_secs_f64() < secs {
                (built.run)();
                n += 1;
            }
            (built.dispose)();
            eprintln!("{} / {}: {} iterations, {:?} each", case.name, fw_name, n, t.elapsed() / n as u32);
        }
        return;
    }

    // 1. Correctness: same results and effect-run counts everywhere.
    let mut imm_differs = vec![false; cases.len()];
    for (ci, case) in cases.iter().enumerate() {
        let results: Vec<Option<Vec<i64>>> = case
            .builders
            .iter()
            .enumerate()
            .map(|(fw, b)| {
                let b = (*b)?;
                let t = Instant::now();
                let mut built = b();
                (built.run)();
                (built.run)();
                let r = (built.result)();
                (built.dispose)();
                if std::env::var_os("LARKSPUR_BENCH_VERBOSE").is_some() {
                    eprintln!("  {} {}: {:?}", case.name, NAMES[fw], t.elapsed());
                }
                Some(r)
            })
            .collect();
        let summary: Vec<i64> = results[0].iter().flatten().copied().take(8).collect();
        assert!(
            results[..3].iter().flatten().all(|r| Some(r) == results[0].as_ref()),
            "{}: frameworks disagree:\n  larkspur       {:?}\n  reactive_graph {:?}\n  sycamore       {:?}",
            case.name,
            results[0],
            results[1],
            results[2]
        );
        eprintln!("check ok: {:<30} {:?}", case.name, summary);
        if results[3].is_some() && results[3] != results[0] {
            imm_differs[ci] = true;
            eprintln!(
                "  (reactive_graph ImmediateEffect differs, informational: {:?})",
                results[3].iter().flatten().copied().take(8).collect::<Vec<_>>()
            );
        }
    }

    // 2. Timing: rounds × cases × frameworks (rotating order), criterion samples.
    let mut per_round: Vec<[Vec<f64>; 4]> = cases.iter().map(|_| Default::default()).collect();
    for round in 0..rounds {
        for (ci, case) in cases.iter().enumerate() {
            let mut group = c.benchmark_group(case.name);
            group.sampling_mode(SamplingMode::Flat);
            for k in 0..4 {
                let fw = (k + round + ci) % 4;
                let Some(builder) = case.builders[fw] else {
                    continue;
                };
                let mut built = builder();
                SAMPLES.with(|s| s.borrow_mut().clear());
                group.bench_function(NAMES[fw], |b| {
                    b.iter_custom(|iters| {
                        let t = Instant::now();
                        for _ in 0..iters {
                            (built.run)();
                        }
                        let d = t.elapsed();
                        SAMPLES.with(|s| s.borrow_mut().push((iters, d)));
                        d
                    })
                });
                (built.dispose)();
                let mut v: Vec<f64> = SAMPLES.with(|s| {
                    let s = s.borrow();
                    let skip = s.len().saturating_sub(samples);
                    s[skip..]
                        .iter()
                        .map(|(n, d)| d.as_nanos() as f64 / *n as f64)
                        .collect()
                });
                if !v.is_empty() {
                    per_round[ci][fw].push(median(&mut v));
                }
            }
            group.finish();
        }
    }

    // 3. Memory.
    COUNTING.store(true, Ordering::SeqCst);
    let mems = [memory::<Lark>(), memory::<Rg>(), memory::<Syc>()];
    COUNTING.store(false, Ordering::SeqCst);

    // 4. Report.
    let mut out = String::new();
    out.push_str(&format!(
        "\nMedian time per iteration ({} round(s) × criterion flat sampling, {} samples, {:?} each; median of round medians)\n\n",
        rounds, samples, meas
    ));
    out.push_str("| case | larkspur | reactive_graph | sycamore | larkspur/reactive_graph | larkspur/sycamore | reactive_graph ImmediateEffect (info) | larkspur/that |\n");
    out.push_str("|---|---:|---:|---:|---:|---:|---:|---:|\n");
    for (ci, case) in cases.iter().enumerate() {
        let m: Vec<f64> = per_round[ci].iter().map(|v| median(&mut v.clone())).collect();
        let ratio = |a: f64, b: f64| {
            if a.is_nan() || b.is_nan() {
                "n/a".to_string()
            } else {
                format!("{:.2}", a / b)
            }
        };
        out.push_str(&format!(
            "| {} | {} | {} | {} | {} | {} | {}{} | {} |\n",
            case.name,
            fmt_time(m[0]),
            fmt_time(m[1]),
            fmt_time(m[2]),
            ratio(m[0], m[1]),
            ratio(m[0], m[2]),
            fmt_time(m[3]),
            if imm_differs[ci] { " †" } else { "" },
            ratio(m[0], m[3])
        ));
    }
    out.push_str(
        "\n† ImmediateEffect gave different effect-run counts (it re-runs during the push: not glitch-free), so that row is not like for like.\n",
    );
    out.push_str(&format!(
        "\nLive heap bytes per node / edge (counting global allocator, N = {MEM_N}, fresh thread; includes amortised container growth; live allocations per item in parentheses)\n\n"
    ));
    out.push_str("| item | larkspur | reactive_graph | sycamore |\n|---|---:|---:|---:|\n");
    let rows: [(&str, fn(&Mem) -> (f64, f64)); 5] = [
        ("signal (i64)", |m| m.signal),
        ("memo (i64, no sources)", |m| m.memo),
        ("effect (no sources)", |m| m.effect),
        ("edge, fan-out (1 signal → N effects)", |m| m.edge_fanout),
        ("edge, fan-in (N signals → 1 effect)", |m| m.edge_fanin),
    ];
    for (name, f) in rows {
        let cell = |m: &Mem| {
            let (bytes, blocks) = f(m);
            format!("{bytes:.1} B ({blocks:.2} allocs)")
        };
        out.push_str(&format!(
            "| {name} | {} | {} | {} |\n",
            cell(&mems[0]),
            cell(&mems[1]),
            cell(&mems[2])
        ));
    }
    println!("{out}");
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/reactive-bench.md");
    let _ = std::fs::write(&path, &out);
    eprintln!("(table also written to {})", path.display());
}
