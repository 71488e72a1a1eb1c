//! Disposal hazards: writes made by cleanups while an owner is disposed or
//! an effect re-runs, nodes made after an effect disposed itself, and
//! panics in cleanups, memos and the cycle report.

use larkspur_reactive::*;
use std::cell::Cell;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::rc::Rc;

fn quiet(_: &str) {}

/// A cleanup run during disposal writes a signal a doomed effect reads:
/// the effect must not re-run (its new cleanups would be dropped unrun).
#[test]
fn a_write_during_disposal_does_not_rerun_doomed_effects() {
    let (s, set_s) = create_signal(0);
    let runs = Rc::new(Cell::new(0));
    let live = Rc::new(Cell::new(0i32));
    let owner = Owner::new_child();
    let (r, l) = (runs.clone(), live.clone());
    owner.with(|| {
        create_render_effect(move |_| {
            s.get();
            r.set(r.get() + 1);
            l.set(l.get() + 1);
            let l = l.clone();
            on_cleanup(move || l.set(l.get() - 1));
        });
        // The owner's own cleanup runs after its children's.
        on_cleanup(move || set_s.set(1));
    });
    assert_eq!(runs.get(), 1);
    owner.dispose();
    assert_eq!(runs.get(), 1, "the doomed effect did not run again");
    assert_eq!(live.get(), 0, "every registered cleanup ran");
    assert_eq!(s.get_untracked(), 1, "the write itself happened");
}

/// An effect's cleanup writes a signal the same effect reads: the re-run
/// reads the new value once instead of looping until the cycle guard.
#[test]
fn a_cleanup_writing_its_own_effects_source_does_not_loop() {
    let (s, set_s) = create_signal(0);
    let seen = Rc::new(std::cell::RefCell::new(Vec::new()));
    let v = seen.clone();
    create_render_effect(move |_| {
        v.borrow_mut().push(s.get());
        on_cleanup(move || set_s.update(|n| *n += 10));
    });
    set_s.set(1);
    assert_eq!(
        *seen.borrow(),
        [0, 11],
        "one re-run, seeing the cleanup's write"
    );
    set_s.set(2);
    assert_eq!(*seen.borrow(), [0, 11, 12]);
}

/// An effect disposes its own owner, then goes on creating nodes and
/// registering cleanups in the same run: they are freed and run when the
/// run returns, not leaked.
#[test]
fn nodes_made_after_an_effect_disposed_its_owner_are_freed() {
    set_warning_hook(quiet);
    let (go, set_go) = create_signal(false);
    let baseline = live_node_count();
    let cleaned = Rc::new(Cell::new(0));
    let c = cleaned.clone();
    let owner = Owner::new_child();
    owner.with(|| {
        create_render_effect(move |_| {
            if go.get() {
                owner.dispose();
                let late = create_rw_signal(5);
                late.set(6);
                let c2 = c.clone();
                let child = Owner::new_child();
                child.with(|| on_cleanup(move || c2.set(c2.get() + 1)));
                let c3 = c.clone();
                on_cleanup(move || c3.set(c3.get() + 1));
            }
        });
    });
    set_go.set(true);
    assert_eq!(cleaned.get(), 2, "both late cleanups ran");
    assert_eq!(live_node_count(), baseline, "no node outlived the owner");
}

/// A panicking cleanup does not leave the owner's nodes alive.
#[test]
fn a_panicking_cleanup_still_frees_the_subtree() {
    let baseline = live_node_count();
    let owner = Owner::new_child();
    let s = owner.with(|| {
        let s = create_rw_signal(1);
        create_render_effect(move |_| {
            s.get();
        });
        on_cleanup(|| panic!("cleanup fails"));
        s
    });
    assert!(live_node_count() > baseline);
    let caught = catch_unwind(AssertUnwindSafe(|| owner.dispose()));
    assert!(caught.is_err());
    assert_eq!(live_node_count(), baseline, "the subtree was freed anyway");
    assert_eq!(s.try_get(), None);
    assert!(!owner.is_alive());
}

/// A memo whose computation panics is not left Clean with its old value.
#[test]
fn a_panicking_memo_is_recomputed_on_the_next_read() {
    let (n, set_n) = create_signal(1);
    let fail = Rc::new(Cell::new(false));
    let f = fail.clone();
    let double = create_memo(move |_| {
        let v = n.get() * 2;
        if f.get() {
            panic!("memo fails");
        }
        v
    });
    let seen = Rc::new(Cell::new(0));
    let s = seen.clone();
    create_render_effect(move |_| s.set(double.get()));
    assert_eq!(seen.get(), 2);
    fail.set(true);
    assert!(catch_unwind(AssertUnwindSafe(|| set_n.set(5))).is_err());
    fail.set(false);
    // Not the stale 2: the memo recomputes from the current source.
    assert_eq!(double.get_untracked(), 10);
    set_n.set(6);
    assert_eq!(seen.get(), 12, "the effect still follows the memo");
}

/// After the cycle guard fires, the effects it abandoned are not left
/// stale and unqueued: once the cycle is broken, later writes reach them.
#[test]
fn effects_survive_the_cycle_report() {
    let (n, set_n) = create_signal(0);
    let (m, set_m) = create_signal(0);
    let (other, set_other) = create_signal(0);
    let stop = Rc::new(Cell::new(true));
    let st = stop.clone();
    let last = Rc::new(Cell::new(-1));
    let l = last.clone();
    // Two renderer effects (which never nest their writes) writing each
    // other's source: a real cycle. (An app effect writing its own source
    // runs once, as in Leptos 0.6, and nested writes between app effects
    // settle when the outer one finishes.)
    create_view_effect(move |_| {
        let v = n.get();
        l.set(v);
        if !st.get() {
            set_m.set(v + 1);
        }
    });
    let st = stop.clone();
    create_view_effect(move |_| {
        let v = m.get();
        if !st.get() {
            set_n.set(v + 1);
        }
    });
    // A bystander that was queued behind the cycling effect.
    let seen = Rc::new(Cell::new(-1));
    let s = seen.clone();
    create_render_effect(move |_| s.set(other.get() + n.get()));
    stop.set(false);
    let caught = catch_unwind(AssertUnwindSafe(|| set_n.set(1)));
    assert!(caught.is_err(), "the cycle guard fired");
    stop.set(true);
    set_n.set(-5);
    assert_eq!(last.get(), -5, "later writes reach the cycling effect");
    set_other.set(100);
    assert_eq!(seen.get(), 95, "and the effects queued behind it");
}

/// The same with a memo inside the cycle: the effect abandoned at the
/// cycle guard reads `n` through a memo left stale by the write it never
/// finished; later writes to `n` still reach the effect (helper-113).
#[test]
fn effects_reading_through_a_memo_survive_the_cycle_report() {
    let (n, set_n) = create_signal(0);
    let (m, set_m) = create_signal(0);
    let stop = Rc::new(Cell::new(true));
    let last = Rc::new(Cell::new(-1));
    let shifted = create_memo(move |_| n.get() + 1000);
    let (st, l) = (stop.clone(), last.clone());
    create_effect(move |_| {
        let v = shifted.get();
        l.set(v);
        if !st.get() {
            set_m.set(v + 1);
        }
    });
    let st = stop.clone();
    create_effect(move |_| {
        let v = m.get();
        if !st.get() {
            set_n.set(v + 1);
        }
    });
    larkspur_reactive::flush();
    stop.set(false);
    let caught = catch_unwind(AssertUnwindSafe(|| set_n.set(1)));
    assert!(caught.is_err(), "the cycle guard fired");
    stop.set(true);
    set_n.set(-5);
    assert_eq!(
        last.get(),
        995,
        "later writes reach the effect through the memo"
    );
    set_n.set(7);
    assert_eq!(last.get(), 1007);
}

/// An owner disposed again from one of its own cleanups: the cleanups after
/// it still read the owner's signals (they are freed after the last one).
#[test]
fn an_owner_disposed_from_its_own_cleanup_keeps_its_signals_for_the_rest() {
    let owner = Owner::new_child();
    let seen = std::rc::Rc::new(std::cell::Cell::new(None));
    let s = seen.clone();
    let sig = owner.with(|| {
        let sig = create_rw_signal(5);
        on_cleanup(move || owner.dispose());
        on_cleanup(move || s.set(sig.try_get_untracked()));
        sig
    });
    owner.dispose();
    assert_eq!(seen.get(), Some(5));
    assert_eq!(sig.try_get_untracked(), None, "freed in the end");
}

/// `dispose_children` disposes every child in one pass, children's cleanups
/// in the order `dispose` runs them, and keeps the owner: its own cleanups
/// and contexts stay, and it can own new children afterwards.
#[test]
fn dispose_children_keeps_the_owner_and_runs_every_childs_cleanups() {
    let log = Rc::new(std::cell::RefCell::new(Vec::<&str>::new()));
    let owner = Owner::new_child();
    let (rows, signals): (Vec<Owner>, Vec<RwSignal<i32>>) = owner.with(|| {
        provide_context(7u8);
        let l = log.clone();
        on_cleanup(move || l.borrow_mut().push("owner"));
        ["a", "b"]
            .into_iter()
            .map(|name| {
                let row = Owner::new_child();
                let signal = row.with(|| {
                    let l = log.clone();
                    let s = create_rw_signal(1);
                    create_render_effect(move |_| {
                        s.get();
                        let l = l.clone();
                        on_cleanup(move || l.borrow_mut().push("effect"));
                    });
                    let l = log.clone();
                    on_cleanup(move || l.borrow_mut().push(name));
                    s
                });
                (row, signal)
            })
            .unzip()
    });
    // A cleanup that disposes a sibling that is being disposed too.
    let b = rows[1];
    rows[0].with(|| on_cleanup(move || b.dispose()));
    owner.dispose_children();
    assert_eq!(*log.borrow(), ["effect", "a", "effect", "b"]);
    assert!(rows.iter().all(|r| !r.is_alive()));
    assert!(signals.iter().all(|s| s.try_get().is_none()));
    assert!(owner.is_alive());
    assert_eq!(owner.with(use_context::<u8>), Some(7));
    let again = owner.with(|| create_rw_signal(2));
    assert_eq!(again.get(), 2);
    owner.dispose();
    assert_eq!(log.borrow().last(), Some(&"owner"));
    assert_eq!(again.try_get(), None);
}

thread_local! {
    static RAW_LOG: std::cell::RefCell<Vec<(u32, u32)>> = const { std::cell::RefCell::new(Vec::new()) };
}

fn log_raw(a: u32, b: u32) {
    RAW_LOG.with(|l| l.borrow_mut().push((a, b)));
}

/// The allocation-free cleanup the renderer uses for listeners runs with
/// its two numbers, in registration order among the boxed ones, on
/// disposal and before an effect's next run; outside any owner it never
/// runs.
#[test]
fn raw_cleanups_run_in_order_with_boxed_ones() {
    RAW_LOG.with(|l| l.borrow_mut().clear());
    let owner = Owner::new_child();
    owner.with(|| {
        on_cleanup_raw(log_raw, 1, 2);
        on_cleanup(|| log_raw(0, 0));
        on_cleanup_raw(log_raw, 3, u32::MAX);
    });
    owner.dispose();
    assert_eq!(
        RAW_LOG.with(|l| l.borrow().clone()),
        [(1, 2), (0, 0), (3, u32::MAX)]
    );

    RAW_LOG.with(|l| l.borrow_mut().clear());
    let (s, set_s) = create_signal(0u32);
    let effect_owner = Owner::new_child();
    effect_owner.with(|| {
        create_render_effect(move |_| on_cleanup_raw(log_raw, s.get(), 7));
    });
    set_s.set(1);
    assert_eq!(RAW_LOG.with(|l| l.borrow().clone()), [(0, 7)]);
    effect_owner.dispose();
    assert_eq!(RAW_LOG.with(|l| l.borrow().clone()), [(0, 7), (1, 7)]);

    RAW_LOG.with(|l| l.borrow_mut().clear());
    on_cleanup_raw(log_raw, 9, 9);
    assert!(RAW_LOG.with(|l| l.borrow().is_empty()));
}

#[test]
fn a_disposer_kept_in_a_signal_at_thread_exit_does_not_abort() {
    // The runtime is destroyed with the thread; a `Disposer` it held is
    // dropped after it, and disposing then aborted the test binary.
    std::thread::spawn(|| {
        let ((), disposer) = as_child_of_current_owner(|()| ())(());
        let _kept = store_value(Some(disposer));
    })
    .join()
    .unwrap();
}
