//! Depth and churn: iterative propagation and disposal, and the live-node counter.

mod common;
use larkspur_reactive::*;
use std::cell::Cell;
use std::rc::Rc;

const DEPTH: usize = 100_000;

/// Runs `f` on a thread with a small stack (256 KiB), so any recursion
/// proportional to the chain depth would overflow.
fn on_small_stack(f: impl FnOnce() + Send + 'static) {
    std::thread::Builder::new()
        .stack_size(256 * 1024)
        .spawn(f)
        .expect("spawn")
        .join()
        .expect("no panic or overflow");
}

#[test]
fn deep_memo_chain_of_100_000_updates_without_stack_overflow() {
    on_small_stack(|| {
        let (source, set_source) = create_signal(0u64);
        let mut last = create_memo(move |_| source() + 1);
        for _ in 1..DEPTH {
            let prev = last;
            last = create_memo(move |_| prev() + 1);
        }
        let seen = Rc::new(Cell::new(0));
        let s = seen.clone();
        create_render_effect(move |_| s.set(last()));
        assert_eq!(seen.get(), DEPTH as u64);
        set_source(10);
        assert_eq!(seen.get(), DEPTH as u64 + 10);
        set_source(20);
        assert_eq!(last.get(), DEPTH as u64 + 20);
    });
}

#[test]
fn deep_chain_that_stops_changing_halfway_does_not_run_the_effect() {
    on_small_stack(|| {
        let (source, set_source) = create_signal(0u64);
        let half = create_memo(move |_| source() / 1_000_000);
        let mut last = half;
        for _ in 0..DEPTH {
            let prev = last;
            last = create_memo(move |_| prev());
        }
        let runs = Rc::new(Cell::new(0));
        let r = runs.clone();
        create_render_effect(move |_| {
            last.track();
            r.set(r.get() + 1);
        });
        set_source(5);
        assert_eq!(runs.get(), 1, "the chain stops at `half`");
        set_source(1_000_000);
        assert_eq!(runs.get(), 2);
    });
}

#[test]
fn deep_owner_tree_disposes_iteratively() {
    on_small_stack(|| {
        let baseline = live_node_count();
        let root = Owner::new_child();
        let mut current = root;
        for _ in 0..DEPTH {
            current = current.with(Owner::new_child);
        }
        assert_eq!(live_node_count(), baseline + DEPTH + 1);
        root.dispose();
        assert_eq!(live_node_count(), baseline);
    });
}

#[test]
fn ten_thousand_create_dispose_cycles_return_to_baseline() {
    let (tick, set_tick) = create_signal(0);
    let baseline = live_node_count();
    for i in 0..10_000 {
        let owner = Owner::new_child();
        owner.with(|| {
            let (a, set_a) = create_signal(i);
            let m = create_memo(move |_| a() + tick());
            create_render_effect(move |_| m.get());
            create_effect(move |_| m.get());
            let _ = store_value(i);
            let _ = create_trigger();
            let sel = create_selector(move || a() % 2);
            create_render_effect(move |_| sel.selected(0));
            provide_context(i);
            on_cleanup(|| {});
            set_a(i + 1);
        });
        if i % 100 == 0 {
            set_tick(i);
            flush();
        }
        owner.dispose();
        assert_eq!(live_node_count(), baseline, "cycle {i}");
    }
    set_tick(-1);
    flush();
    assert_eq!(live_node_count(), baseline);
}

#[test]
fn effect_rerun_disposes_previous_children_each_time() {
    let (n, set_n) = create_signal(0);
    create_render_effect(move |_| {
        let v = n();
        for _ in 0..10 {
            let (inner, _) = create_signal(v);
            create_render_effect(move |_| inner.get());
        }
    });
    let steady = live_node_count();
    for i in 1..1000 {
        set_n(i);
        assert_eq!(live_node_count(), steady);
    }
}
