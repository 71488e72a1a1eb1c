//! A write from a running `create_effect` or `watch` runs the effects it
//! made stale before the write returns, as in Leptos 0.6 (its signal
//! `update` runs the effects right away, whoever writes). Guard-flag code
//! that keeps two signals in step (leptos-use's `sync_signal`) relies on
//! it. The renderer's own effects keep their writes queued until they
//! return.

use larkspur_reactive::*;
use std::cell::RefCell;
use std::rc::Rc;

fn log() -> (Rc<RefCell<Vec<String>>>, impl Fn(&str) + Clone) {
    let log = Rc::new(RefCell::new(Vec::new()));
    let l = log.clone();
    (log, move |s: &str| l.borrow_mut().push(s.to_string()))
}

#[test]
fn a_side_effects_write_runs_the_dependent_effects_before_it_returns() {
    let _rt = create_runtime();
    let (log, push) = log();
    let a = create_rw_signal(0);
    let b = create_rw_signal(0);
    let p = push.clone();
    create_effect(move |_| {
        let v = a.get();
        if v > 0 {
            p(&format!("E1 before b.set({v})"));
            b.set(v);
            p(&format!("E1 after b.set({v})"));
        }
    });
    create_effect(move |_| {
        let v = b.get();
        if v > 0 {
            push(&format!("E2 sees b={v}"));
        }
    });
    flush();
    a.set(1);
    assert_eq!(
        *log.borrow(),
        ["E1 before b.set(1)", "E2 sees b=1", "E1 after b.set(1)"]
    );
}

#[test]
fn a_guard_flag_keeps_two_signals_in_step_without_a_cycle() {
    // The shape of leptos-use's `sync_signal`: each side writes the other
    // with the flag raised, and skips the write back while it is.
    let _rt = create_runtime();
    let a = create_rw_signal(0);
    let b = create_rw_signal(0);
    let syncing = store_value(false);
    let _ = watch(
        move || a.get(),
        move |v, _, _| {
            if !syncing.get_value() {
                syncing.set_value(true);
                b.set(*v);
                syncing.set_value(false);
            }
        },
        false,
    );
    let _ = watch(
        move || b.get(),
        move |v, _, _| {
            if !syncing.get_value() {
                syncing.set_value(true);
                a.set(*v);
                syncing.set_value(false);
            }
        },
        false,
    );
    flush();
    a.set(1);
    assert_eq!((a.get_untracked(), b.get_untracked()), (1, 1));
    b.set(5);
    assert_eq!((a.get_untracked(), b.get_untracked()), (5, 5));
    let counted = create_rw_signal(0);
    create_effect(move |_| {
        let _ = (a.get(), b.get());
        counted.update_untracked(|n| *n += 1);
    });
    flush();
    a.set(7);
    // Settled, not looping: the counting effect ran a bounded number of times.
    assert_eq!((a.get_untracked(), b.get_untracked()), (7, 7));
    assert!(counted.get_untracked() <= 4, "{}", counted.get_untracked());
}

/// An effect is clean after its run, as in Leptos 0.6: its own write to a
/// signal it read (a log it appends to, a counter it bumps) does not run it
/// again, so it runs once per change of what it read, never in a loop.
#[test]
fn a_side_effect_that_writes_what_it_reads_runs_once_per_change() {
    let _rt = create_runtime();
    let n = create_rw_signal(0);
    let log = create_rw_signal(Vec::<i32>::new());
    let runs = store_value(0);
    create_effect(move |_| {
        runs.update_value(|r| *r += 1);
        let v = n.get();
        let mut entries = log.get();
        entries.push(v);
        log.set(entries);
    });
    flush();
    assert_eq!(runs.get_value(), 1);
    assert_eq!(log.get_untracked(), [0]);
    n.set(5);
    assert_eq!(runs.get_value(), 2);
    assert_eq!(log.get_untracked(), [0, 5]);
    // A write from outside to the signal it also writes runs it once more.
    log.set(vec![]);
    assert_eq!(runs.get_value(), 3);
    assert_eq!(log.get_untracked(), [5]);
}

#[test]
fn an_apps_render_effect_nests_its_writes_too() {
    let _rt = create_runtime();
    let (log, push) = log();
    let a = create_rw_signal(0);
    let b = create_rw_signal(0);
    let p = push.clone();
    create_render_effect(move |_| {
        let v = a.get();
        if v > 0 {
            p("R before");
            b.set(v);
            p("R after");
        }
    });
    create_render_effect(move |_| {
        if b.get() > 0 {
            push("R2");
        }
    });
    a.set(1);
    assert_eq!(*log.borrow(), ["R before", "R2", "R after"]);
}

#[test]
fn the_renderers_effects_keep_their_writes_queued_until_they_return() {
    let _rt = create_runtime();
    let (log, push) = log();
    let a = create_rw_signal(0);
    let b = create_rw_signal(0);
    let p = push.clone();
    create_view_effect(move |_| {
        let v = a.get();
        if v > 0 {
            p("V before");
            b.set(v);
            p("V after");
        }
    });
    create_render_effect(move |_| {
        if b.get() > 0 {
            push("R2");
        }
    });
    a.set(1);
    assert_eq!(*log.borrow(), ["V before", "V after", "R2"]);
}

#[test]
fn a_long_chain_of_side_effects_settles() {
    // Each effect writes the next signal: the first ones run nested, the
    // rest (past the depth limit) queued; all settle.
    let _rt = create_runtime();
    let signals: Vec<RwSignal<u32>> = (0..60).map(|_| create_rw_signal(0)).collect();
    for w in signals.windows(2) {
        let (from, to) = (w[0], w[1]);
        create_effect(move |_| {
            let v = from.get();
            to.set(v);
        });
    }
    flush();
    signals[0].set(9);
    assert!(signals.iter().all(|s| s.get_untracked() == 9));
}

#[test]
fn nested_runs_see_memos_settled_and_miss_nothing() {
    let _rt = create_runtime();
    let a = create_rw_signal(1);
    let b = create_rw_signal(0);
    let c = create_rw_signal(10);
    let doubled = create_memo(move |_| a.get() * 2);
    let sum = create_memo(move |_| b.get() + c.get());
    let seen = store_value((0, 0));
    create_effect(move |_| {
        // Reads a memo, then writes what another effect's memo reads.
        let d = doubled.get();
        b.set(d);
        seen.update_value(|s| s.0 = d);
    });
    create_effect(move |_| {
        let total = sum.get();
        seen.update_value(|s| s.1 = total);
    });
    flush();
    assert_eq!(seen.get_value(), (2, 12));
    a.set(5);
    assert_eq!(seen.get_value(), (10, 20));
    batch(|| {
        a.set(7);
        c.set(1);
    });
    assert_eq!(seen.get_value(), (14, 15));
}

#[test]
fn an_effect_created_inside_a_renderer_update_does_not_nest() {
    // A component's `create_render_effect` makes its first run inside the
    // renderer's update of a list or dynamic child: its writes wait until
    // that update is done, so no other view is rebuilt halfway through it.
    let _rt = create_runtime();
    let (log, push) = log();
    let mode = create_rw_signal(0);
    let items = create_rw_signal(0);
    let p = push.clone();
    create_view_effect(move |_| {
        if mode.get() > 0 {
            p("parent view re-ran");
        }
    });
    let p = push.clone();
    create_view_effect(move |_| {
        if items.get() > 0 {
            p("list update starts");
            create_render_effect(move |_| mode.set(1));
            p("list update ends");
        }
    });
    items.set(1);
    assert_eq!(
        *log.borrow(),
        [
            "list update starts",
            "list update ends",
            "parent view re-ran"
        ]
    );
}

#[test]
fn a_batch_inside_a_side_effect_runs_its_effects_when_it_ends() {
    let _rt = create_runtime();
    let a = create_rw_signal(0);
    let b = create_rw_signal(0);
    let syncing = store_value(false);
    let _ = watch(
        move || a.get(),
        move |v, _, _| {
            if !syncing.get_value() {
                syncing.set_value(true);
                batch(|| b.set(*v));
                syncing.set_value(false);
            }
        },
        false,
    );
    let _ = watch(
        move || b.get(),
        move |v, _, _| {
            if !syncing.get_value() {
                syncing.set_value(true);
                batch(|| a.set(*v));
                syncing.set_value(false);
            }
        },
        false,
    );
    flush();
    a.set(3);
    assert_eq!((a.get_untracked(), b.get_untracked()), (3, 3));
    b.set(4);
    assert_eq!((a.get_untracked(), b.get_untracked()), (4, 4));
}

/// A write made by *another* effect while an effect runs (here F, which
/// the running E's own write ran) reaches E: E runs again after its run,
/// as 0.6 runs it again (probe33). Before, E was set clean when its run
/// ended and kept acting on the old value: value 10, mirror 15.
#[test]
fn a_write_by_another_effect_during_a_run_is_not_lost() {
    let _rt = create_runtime();
    let value = create_rw_signal(0);
    let mirror = create_rw_signal(0);
    create_effect(move |_| mirror.set(value.get())); // E
    create_effect(move |_| {
        // F
        if mirror.get() > 10 {
            value.set(10);
        }
    });
    value.set(15);
    assert_eq!((value.get_untracked(), mirror.get_untracked()), (10, 10));
    batch(|| value.set(20));
    assert_eq!((value.get_untracked(), mirror.get_untracked()), (10, 10));
}

#[test]
fn the_same_for_render_effects() {
    let _rt = create_runtime();
    let value = create_rw_signal(0);
    let mirror = create_rw_signal(0);
    create_render_effect(move |_| mirror.set(value.get()));
    create_render_effect(move |_| {
        if mirror.get() > 10 {
            value.set(10);
        }
    });
    value.set(15);
    assert_eq!((value.get_untracked(), mirror.get_untracked()), (10, 10));
}

/// E's first run writes `a`; F (reading `a`) writes `b`, which E read: E
/// runs again and sees it.
#[test]
fn an_effect_sees_a_nested_write_of_what_it_read() {
    let _rt = create_runtime();
    let (log, push) = log();
    let a = create_rw_signal(0);
    let b = create_rw_signal(0);
    let p = push.clone();
    create_effect(move |_| {
        let v = a.get();
        if v > 0 {
            p(&format!("F a={v}"));
            b.set(v * 10);
        }
    });
    create_effect(move |_| {
        let bv = b.get();
        push(&format!("E b={bv}"));
        if bv == 0 {
            a.set(1);
        }
    });
    assert_eq!(*log.borrow(), ["E b=0", "F a=1", "E b=10"]);
}

/// Two effects that feed each other up to a bound run to the bound.
#[test]
fn a_bounded_ping_pong_runs_to_its_bound() {
    let _rt = create_runtime();
    let a = create_rw_signal(0);
    let b = create_rw_signal(0);
    create_effect(move |_| {
        let v = a.get();
        if v < 40 {
            b.set(v + 1);
        }
    });
    create_effect(move |_| {
        let v = b.get();
        if v < 40 {
            a.set(v + 1);
        }
    });
    assert_eq!((a.get_untracked(), b.get_untracked()), (40, 39));
}

/// An effect's own write to what it read still does not run it again.
#[test]
fn an_effects_own_write_does_not_run_it_again() {
    let _rt = create_runtime();
    let runs = Rc::new(std::cell::Cell::new(0));
    let r = runs.clone();
    let n = create_rw_signal(0);
    create_effect(move |_| {
        r.set(r.get() + 1);
        n.set(n.get() + 1);
    });
    assert_eq!((runs.get(), n.get_untracked()), (1, 1));
    n.set(5);
    assert_eq!((runs.get(), n.get_untracked()), (2, 6));
}

/// An effect that resets the source of a memo it reads ("selection out of
/// range: back to 0") is clean after its run, as for a signal it reads and
/// writes itself, and still runs for every later change: the memo its
/// write made stale must not keep later writes from reaching it.
#[test]
fn an_effect_writing_the_source_of_a_memo_it_reads_keeps_running() {
    let _rt = create_runtime();
    let len = create_rw_signal(3usize);
    let selected = create_rw_signal(0usize);
    let valid = create_memo(move |_| selected.get() < len.get());
    let resets = Rc::new(RefCell::new(0));
    let r = resets.clone();
    create_effect(move |_| {
        if !valid.get() {
            *r.borrow_mut() += 1;
            selected.set(0);
        }
    });
    selected.set(5);
    assert_eq!((selected.get_untracked(), *resets.borrow()), (0, 1));
    selected.set(7);
    assert_eq!((selected.get_untracked(), *resets.borrow()), (0, 2));
    selected.set(2);
    len.set(1);
    assert_eq!((selected.get_untracked(), *resets.borrow()), (0, 3));
}

/// The same through a chain of memos, for a render effect; the effect
/// sees each outside change once.
#[test]
fn the_same_through_two_memos_for_a_render_effect() {
    let _rt = create_runtime();
    let (log, push) = log();
    let n = create_rw_signal(0);
    let doubled = create_memo(move |_| n.get() * 2);
    let big = create_memo(move |_| doubled.get() > 10);
    create_render_effect(move |_| {
        let b = big.get();
        push(&format!("big {b}"));
        if b {
            n.set(1);
        }
    });
    n.set(100);
    assert_eq!(n.get_untracked(), 1);
    n.set(50);
    assert_eq!(n.get_untracked(), 1);
    assert_eq!(*log.borrow(), ["big false", "big true", "big true"]);
    // Another memo subscriber still sees the settled value.
    assert!(!big.get_untracked());
}

/// A browser event the renderer's DOM work fires synchronously (focusout
/// of a removed focused element) runs its handler outside the updating
/// view: the handler's write to what the view reads (through a memo, as
/// `<Show when>` does) runs the view again once its update is done, and
/// the view keeps following its condition afterwards.
#[test]
fn a_handler_fired_inside_a_view_update_does_not_freeze_the_view() {
    let _rt = create_runtime();
    let (log, push) = log();
    let open = create_rw_signal(true);
    let when = create_memo(move |_| open.get());
    let fired = Rc::new(RefCell::new(false));
    let f = fired.clone();
    create_view_effect(move |_: Option<()>| {
        let shown = when.get();
        push(&format!("shown {shown}"));
        if !shown && !*f.borrow() {
            // The removal of the focused input: its focusout handler.
            *f.borrow_mut() = true;
            __outside(|| open.set(false));
        }
    });
    open.set(false);
    open.set(true);
    open.set(false);
    assert_eq!(
        *log.borrow(),
        ["shown true", "shown false", "shown true", "shown false"]
    );
    // Inside a view update a handler's write is not the view's own.
    let created = Rc::new(RefCell::new(None));
    let c = created.clone();
    create_view_effect(move |_: Option<()>| {
        if open.get() {
            *c.borrow_mut() = Some(__outside(|| create_rw_signal(1)));
        }
    });
    open.set(true);
    let s = created.borrow().unwrap();
    open.set(false);
    assert_eq!(
        s.try_get_untracked(),
        Some(1),
        "made in a handler: owned by nothing"
    );
}

/// An effect the flush has already queued (it reads `a`, just written) and
/// that also reads `b` runs inside the write of `b` made by an earlier
/// effect of the same flush, so it sees the writer's guard raised; an
/// effect queued by `a` alone still waits for its turn (probe52's
/// differential against Leptos 0.6.15, case e11).
#[test]
fn an_already_queued_effect_that_the_nested_write_reaches_runs_inside_it() {
    let _rt = create_runtime();
    let (log, push) = log();
    let a = create_rw_signal(0);
    let b = create_rw_signal(0);
    let guard = store_value(false);
    let p = push.clone();
    create_effect(move |_| {
        let v = a.get();
        if v > 0 {
            p("A before");
            guard.set_value(true);
            b.set(v * 10);
            guard.set_value(false);
            p("A after");
        }
    });
    let p = push.clone();
    create_effect(move |_| {
        let v = b.get();
        if v > 0 {
            p(&format!("B b={v} guard={}", guard.get_value()));
        }
    });
    let p = push.clone();
    create_effect(move |_| {
        let (x, y) = (a.get(), b.get());
        if x > 0 {
            p(&format!("C a={x} b={y} guard={}", guard.get_value()));
        }
    });
    create_effect(move |_| {
        let x = a.get();
        if x > 0 {
            push(&format!("D a={x} guard={}", guard.get_value()));
        }
    });
    flush();
    a.set(1);
    assert_eq!(
        *log.borrow(),
        [
            "A before",
            "B b=10 guard=true",
            "C a=1 b=10 guard=true",
            "A after",
            "D a=1 guard=false"
        ]
    );
}

#[test]
fn many_writes_in_a_batch_inside_an_effect_are_not_a_cycle() {
    // Each write reaches an effect the first write already queued; only a
    // write that runs what it reaches before returning queues it again, so
    // a batch of 250,000 writes leaves one queue entry, not 250,000 (which
    // the flush counted as a reactive cycle).
    let _rt = create_runtime();
    let n = create_rw_signal(0);
    let go = create_rw_signal(false);
    let seen = Rc::new(std::cell::Cell::new(0));
    let runs = Rc::new(std::cell::Cell::new(0));
    let (s, r) = (seen.clone(), runs.clone());
    create_effect(move |_| {
        s.set(n.get());
        r.set(r.get() + 1);
    });
    create_effect(move |_| {
        if go.get() {
            batch(|| {
                for i in 1..=250_000 {
                    n.set(i);
                }
            });
        }
    });
    flush();
    go.set(true);
    flush();
    assert_eq!(seen.get(), 250_000);
    assert_eq!(runs.get(), 2);
}

#[test]
fn a_running_effect_that_another_effect_writes_runs_again() {
    // E keeps `mirror` at twice `value`. Its own write leaves it stale
    // (not re-run for that), F, run by that write, sets `value`: E must run
    // again after its run, or `mirror` stays at twice the old value.
    let _rt = create_runtime();
    let value = create_rw_signal(1);
    let mirror = create_rw_signal(0);
    create_effect(move |_| {
        let v = value.get();
        let _ = mirror.get();
        mirror.set(v * 2);
    });
    create_effect(move |_| {
        if mirror.get() == 20 {
            value.set(100);
        }
    });
    flush();
    assert_eq!(mirror.get_untracked(), 2);
    value.set(10);
    flush();
    assert_eq!(value.get_untracked(), 100);
    assert_eq!(mirror.get_untracked(), 200);
}

#[test]
fn a_cleanup_write_and_an_own_write_run_the_effect_once_per_change() {
    // A connection effect: its cleanup resets the status it reads, and
    // its body sets it. The cleanup's write is read by the new run, so it
    // must not leave the effect flagged to run again (it looped until
    // the cycle panic).
    let _rt = create_runtime();
    let (room, set_room) = create_signal(0);
    let (connected, set_connected) = create_signal(false);
    let runs = Rc::new(std::cell::Cell::new(0));
    let r = runs.clone();
    create_render_effect(move |_| {
        r.set(r.get() + 1);
        room.get();
        let _was = connected.get();
        on_cleanup(move || set_connected.set(false));
        set_connected.set(true);
    });
    assert_eq!(runs.get(), 1);
    set_room.set(1);
    assert_eq!(runs.get(), 2);
    assert!(connected.get_untracked());
    set_room.set(2);
    assert_eq!(runs.get(), 3);
}

#[test]
fn a_running_effect_reading_through_a_memo_runs_again_for_another_effects_write() {
    // The clamp of the test above, with E reading `value` through a memo:
    // F's write reaches E (already stale from its own write) through the
    // memo, and E must still run again for it.
    let _rt = create_runtime();
    let value = create_rw_signal(1);
    let v = create_memo(move |_| value.get());
    let mirror = create_rw_signal(0);
    create_effect(move |_| {
        let x = v.get();
        let _ = mirror.get();
        mirror.set(x * 2);
    });
    create_effect(move |_| {
        if mirror.get() == 20 {
            value.set(100);
        }
    });
    value.set(10);
    assert_eq!(value.get_untracked(), 100);
    assert_eq!(mirror.get_untracked(), 200);
}

#[test]
fn update_macro_runs_effects_after_every_update_ended() {
    let _rt = create_runtime();
    let count = create_rw_signal(1);
    let total = create_rw_signal(10);
    let (seen, push) = log();
    create_render_effect(move |_| push(&format!("{} {}", count.get(), total.get())));
    update!(|count, total| {
        *count += 1;
        *total += *count;
    });
    assert_eq!(*seen.borrow(), ["1 10", "2 12"]);
}

#[test]
fn a_cleanup_write_runs_what_it_made_stale_after_the_new_run() {
    // As docs/from-leptos.md says (0.6 runs F inside the write, first).
    let _rt = create_runtime();
    let (s, set_s) = create_signal(0);
    let (t, set_t) = create_signal(0);
    let (seen, push) = log();
    let p = push.clone();
    create_effect(move |_| p(&format!("F {}", t.get())));
    create_effect(move |_| {
        s.get();
        push("E");
        on_cleanup(move || set_t.update(|n| *n += 1));
    });
    seen.borrow_mut().clear();
    set_s.set(1);
    assert_eq!(*seen.borrow(), ["E", "F 1"]);
}
