//! Scheduling: deferred vs render effects, the scheduler hook, batch, settling and cycles.

mod common;
use common::Log;
use larkspur_reactive::*;
use std::cell::Cell;

thread_local! {
    static HOOK_CALLS: Cell<usize> = const { Cell::new(0) };
}

fn count_hook() {
    HOOK_CALLS.with(|c| c.set(c.get() + 1));
}

#[test]
fn create_effect_is_deferred_and_the_scheduler_hook_fires_once() {
    set_scheduler(count_hook);
    let out = Log::new();
    let (a, set_a) = create_signal(1);
    let o = out.clone();
    create_effect(move |_| log!(o, "effect {}", a()));
    let o = out.clone();
    create_effect(move |_| log!(o, "second {}", a()));
    let o = out.clone();
    create_render_effect(move |_| log!(o, "render {}", a()));
    assert_eq!(out.take(), ["render 1"]);
    assert_eq!(
        HOOK_CALLS.with(Cell::get),
        1,
        "one hook call per pending flush"
    );

    set_a(2); // deferred effects have not run yet, so they do not run now
    assert_eq!(out.take(), ["render 2"]);

    flush();
    assert_eq!(out.take(), ["effect 2", "second 2"]);

    // Afterwards, synchronously after each write, in the order of their
    // first runs (as 0.6 runs effects in the order they first subscribed):
    // the render effect ran at once, the deferred ones at the flush.
    set_a(3);
    assert_eq!(out.take(), ["render 3", "effect 3", "second 3"]);

    create_effect(|_| ());
    assert_eq!(HOOK_CALLS.with(Cell::get), 2);
    flush();
}

thread_local! {
    static LATE_HOOK_CALLS: Cell<usize> = const { Cell::new(0) };
}

fn late_hook() {
    LATE_HOOK_CALLS.with(|c| c.set(c.get() + 1));
}

#[test]
fn natively_without_a_scheduler_first_runs_happen_at_once_until_a_hook_is_installed() {
    let runs = std::rc::Rc::new(Cell::new(0));
    let r = runs.clone();
    create_effect(move |_| r.set(r.get() + 1));
    assert_eq!(
        runs.get(),
        1,
        "no microtask natively: at once, as in Leptos 0.6"
    );
    set_scheduler(late_hook);
    assert_eq!(LATE_HOOK_CALLS.with(Cell::get), 0, "nothing was waiting");
    let r = runs.clone();
    create_effect(move |_| r.set(r.get() + 1));
    assert_eq!(runs.get(), 1, "deferred to the hook's flush");
    assert_eq!(LATE_HOOK_CALLS.with(Cell::get), 1);
    create_effect(|_| ());
    assert_eq!(
        LATE_HOOK_CALLS.with(Cell::get),
        1,
        "a flush is already pending"
    );
    flush();
    assert_eq!(runs.get(), 2);
    create_effect(|_| ());
    assert_eq!(LATE_HOOK_CALLS.with(Cell::get), 2);
    flush();
}

#[test]
fn flush_also_runs_effects_created_while_flushing() {
    let out = Log::new();
    let o = out.clone();
    create_effect(move |_| {
        log!(o, "outer");
        let o = o.clone();
        create_effect(move |_| log!(o, "inner"));
    });
    flush();
    assert_eq!(out.take(), ["outer", "inner"]);
}

#[test]
fn effects_receive_their_previous_value() {
    let out = Log::new();
    let (a, set_a) = create_signal(1);
    let o = out.clone();
    create_render_effect(move |prev: Option<i32>| {
        let now = a();
        log!(o, "{prev:?} -> {now}");
        now
    });
    set_a(2);
    let o = out.clone();
    let m = create_memo(move |prev: Option<&i32>| {
        log!(o, "memo prev {prev:?}");
        a() * 10
    });
    set_a(3);
    assert_eq!(m.get(), 30);
    assert_eq!(
        out.take(),
        [
            "None -> 1",
            "Some(1) -> 2",
            "memo prev None",
            "Some(2) -> 3",
            "memo prev Some(20)"
        ]
    );
}

#[test]
fn batch_runs_effects_once_after_the_closure() {
    let out = Log::new();
    let (a, set_a) = create_signal(0);
    let (b, set_b) = create_signal(0);
    let o = out.clone();
    create_render_effect(move |_| log!(o, "{} {}", a(), b()));
    let result = batch(|| {
        set_a(1);
        set_b(2);
        set_a(3);
        assert!(out.take().len() == 1, "nothing runs inside the batch");
        "done"
    });
    assert_eq!(result, "done");
    assert_eq!(out.take(), ["3 2"]);
    // Nested batches flush at the outermost end.
    batch(|| {
        batch(|| set_a(4));
        set_b(5);
    });
    assert_eq!(out.take(), ["4 5"]);
}

#[test]
fn writes_inside_effects_settle_in_one_pass() {
    let out = Log::new();
    let (celsius, set_celsius) = create_signal(0.0f64);
    let (fahrenheit, set_fahrenheit) = create_signal(32.0f64);
    create_render_effect(move |_| set_fahrenheit(celsius() * 9.0 / 5.0 + 32.0));
    let o = out.clone();
    create_render_effect(move |_| log!(o, "{}°C = {}°F", celsius(), fahrenheit()));
    out.take();
    set_celsius(100.0);
    // The converter writes during the flush; the logger sees the settled pair.
    assert_eq!(out.take(), ["100°C = 212°F"]);

    // An effect is clean after its run, as in Leptos 0.6: its own write to
    // a signal it read does not run it again (no self-driven loop).
    let (n, set_n) = create_signal(0);
    create_render_effect(move |_| {
        if n() < 5 {
            set_n.update(|v| *v += 1);
        }
    });
    assert_eq!(n.get_untracked(), 1);
    set_n(3);
    assert_eq!(n.get_untracked(), 4, "one run per outside write");
}

#[test]
#[should_panic(expected = "reactive cycle")]
fn a_cycle_that_never_settles_panics_instead_of_hanging() {
    // Renderer effects (whose writes are queued, not nested) feeding each
    // other: the cycle guard stops them.
    let (a, set_a) = create_signal(0u64);
    let (b, set_b) = create_signal(0u64);
    create_view_effect(move |_| set_b(a() + 1));
    create_view_effect(move |_| set_a(b() + 1));
}

#[test]
fn cycle_message_names_the_creation_sites() {
    let result = std::panic::catch_unwind(|| {
        let (a, set_a) = create_signal(0u64);
        let (b, set_b) = create_signal(0u64);
        create_view_effect(move |_| set_b(a() + 1));
        create_view_effect(move |_| set_a(b() + 1));
    });
    let panic = result.expect_err("cycle");
    // Debug builds format the sites into a String; release panics with a &str.
    let message = panic
        .downcast_ref::<String>()
        .cloned()
        .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
        .expect("a panic message");
    assert!(message.contains("reactive cycle"), "{message}");
    if cfg!(debug_assertions) {
        assert!(message.contains("scheduling.rs"), "{message}");
    }
    // The runtime is usable after the panic.
    let (x, set_x) = create_signal(1);
    let seen = std::rc::Rc::new(Cell::new(0));
    let s = seen.clone();
    create_render_effect(move |_| s.set(x()));
    set_x(2);
    assert_eq!(seen.get(), 2);
}

#[test]
fn untrack_reads_without_subscribing() {
    let out = Log::new();
    let (a, set_a) = create_signal(1);
    let (b, set_b) = create_signal(1);
    let o = out.clone();
    create_render_effect(move |_| log!(o, "{} {}", a(), untrack(|| b.get())));
    set_b(2);
    assert_eq!(out.take(), ["1 1"]);
    set_a(2);
    assert_eq!(out.take(), ["2 2"]);
    let o = out.clone();
    create_render_effect(move |_| log!(o, "untracked {}", a.get_untracked()));
    set_a(3);
    assert_eq!(out.take(), ["untracked 2", "3 2"]);
}

#[test]
fn dynamic_dependencies_are_dropped_when_no_longer_read() {
    let out = Log::new();
    let (flag, set_flag) = create_signal(true);
    let (a, set_a) = create_signal("a");
    let (b, set_b) = create_signal("b");
    let o = out.clone();
    create_render_effect(move |_| log!(o, "{}", if flag() { a() } else { b() }));
    set_b("b2"); // not a dependency yet
    set_flag(false);
    set_a("a2"); // no longer a dependency
    set_b("b3");
    assert_eq!(out.take(), ["a", "b2", "b3"]);
}

#[test]
fn a_trigger_reruns_its_subscribers() {
    let out = Log::new();
    let t = create_trigger();
    let o = out.clone();
    create_render_effect(move |_| {
        t.track();
        log!(o, "ran");
    });
    t.notify();
    t.notify();
    assert_eq!(out.take(), ["ran", "ran", "ran"]);
}

/// A memo that writes a signal while it computes: the signal's effects run
/// once the memo's new value is stored, and they see it (they used to run
/// in the middle of the computation, read the old value, and never run
/// again for the new one).
#[test]
fn effects_of_a_write_inside_a_memo_see_the_memos_new_value() {
    let (a, set_a) = create_signal(0);
    let (b, set_b) = create_signal(0);
    let m = create_memo(move |_| {
        let v = a.get();
        set_b.set(v);
        v
    });
    let seen = std::rc::Rc::new(std::cell::RefCell::new(Vec::new()));
    let s = seen.clone();
    create_render_effect(move |_| {
        if b.get() > 0 {
            s.borrow_mut().push(m.get());
        }
    });
    set_a.set(1); // m has no effect of its own: it stays stale
    assert_eq!(m.get(), 1); // pulled here, outside any flush
    assert_eq!(*seen.borrow(), [1]);
    set_a.set(2);
    assert_eq!(m.get(), 2);
    assert_eq!(*seen.borrow(), [1, 2]);
}

/// The same with an owning memo, which moves its value out while it
/// computes: no panic.
#[test]
fn an_owning_memo_that_writes_while_it_computes_does_not_panic() {
    let (a, set_a) = create_signal(0);
    let (b, set_b) = create_signal(0);
    let m = create_owning_memo(move |_: Option<i32>| {
        let v = a.get();
        set_b.set(v);
        (v, true)
    });
    let seen = std::rc::Rc::new(std::cell::RefCell::new(Vec::new()));
    let s = seen.clone();
    create_render_effect(move |_| {
        if b.get() > 0 {
            s.borrow_mut().push(m.get());
        }
    });
    set_a.set(5);
    assert_eq!(m.get(), 5);
    assert_eq!(*seen.borrow(), [5]);
}

/// The same, with a second memo downstream of the writing one: the effect
/// that reads it runs after both are settled and sees the new value.
#[test]
fn a_memo_downstream_of_a_writing_memo_is_not_left_stale() {
    let (a, set_a) = create_signal(0);
    let (b, set_b) = create_signal(0);
    let m = create_memo(move |_| {
        let v = a.get();
        set_b.set(v);
        v
    });
    let m2 = create_memo(move |_| m.get() * 10);
    let seen = std::rc::Rc::new(std::cell::RefCell::new(Vec::new()));
    let s = seen.clone();
    create_render_effect(move |_| {
        if b.get() > 0 {
            s.borrow_mut().push(m2.get());
        }
    });
    set_a.set(1);
    assert_eq!(m2.get(), 10);
    assert_eq!(*seen.borrow(), [10]);
    set_a.set(2);
    assert_eq!(m2.get(), 20);
    assert_eq!(seen.borrow().last(), Some(&20));
}
