//! Timers: they fire, they are cancelled by their handles and by the
//! disposal of their owner, and their callbacks are freed either way.
//! Waits are on sentinel timeouts scheduled after the timer under test
//! (browsers run timers in order of due time), never on sleeps.
#![cfg(target_arch = "wasm32")]

mod async_support;
mod common;

use std::cell::{Cell, RefCell};
use std::rc::Rc;
use std::time::Duration;

use async_support::{after_ms, promise_pair, wait};
use larkspur::*;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn set_timeout_fires() {
    let (promise, resolve) = promise_pair();
    let before = live_timer_count();
    set_timeout(
        move || {
            resolve.call0(&JsValue::NULL).unwrap();
        },
        Duration::from_millis(1),
    );
    assert_eq!(live_timer_count(), before + 1);
    wait(&promise).await;
    assert_eq!(
        live_timer_count(),
        before,
        "the callback is freed after firing"
    );
}

#[wasm_bindgen_test]
async fn timeout_in_disposed_owner_never_fires() {
    let fired = Rc::new(Cell::new(false));
    let before = live_timer_count();
    let owner = Owner::new_child();
    let f = fired.clone();
    owner.with(|| set_timeout(move || f.set(true), Duration::ZERO));
    owner.dispose();
    assert_eq!(live_timer_count(), before, "cancelled and freed on dispose");
    wait(&after_ms(5)).await;
    assert!(!fired.get());
}

/// The `_with_handle` forms hand the timer to the caller, as in Leptos
/// 0.6: disposing the scope it was made in does not cancel it (leptos_query
/// starts a cache entry's eviction timer in an effect of the component
/// that is leaving). Only the handle clears it.
#[wasm_bindgen_test]
async fn timers_with_a_handle_outlive_their_scope() {
    let fired = Rc::new(Cell::new(Vec::<&str>::new()));
    let (done, resolve) = promise_pair();
    let owner = Owner::new_child();
    let f = fired.clone();
    let g = fired.clone();
    let h = fired.clone();
    let (timeout, interval) = owner.with(move || {
        create_render_effect(move |_| {
            let f = f.clone();
            set_timeout_with_handle(
                move || {
                    let mut seen = f.take();
                    seen.push("timeout");
                    f.set(seen);
                },
                Duration::ZERO,
            )
            .unwrap();
        });
        let interval = set_interval_with_handle(
            move || {
                let mut seen = g.take();
                if !seen.contains(&"interval") {
                    seen.push("interval");
                }
                g.set(seen);
            },
            Duration::from_millis(1),
        )
        .unwrap();
        let frame = request_animation_frame_with_handle(move || {
            let mut seen = h.take();
            seen.push("frame");
            h.set(seen);
        })
        .unwrap();
        let timeout = set_timeout_with_handle(|| {}, Duration::from_secs(60)).unwrap();
        let _ = frame;
        (timeout, interval)
    });
    owner.dispose();
    set_timeout(
        move || {
            resolve.call0(&JsValue::NULL).unwrap();
        },
        Duration::from_millis(20),
    );
    wait(&done).await;
    interval.clear();
    timeout.clear();
    let mut seen = fired.take();
    seen.sort();
    assert_eq!(seen, ["frame", "interval", "timeout"]);
}

#[wasm_bindgen_test]
async fn cleared_timeout_never_fires() {
    let fired = Rc::new(Cell::new(false));
    let f = fired.clone();
    let handle = set_timeout_with_handle(move || f.set(true), Duration::ZERO).unwrap();
    handle.clear();
    handle.clear();
    wait(&after_ms(5)).await;
    assert!(!fired.get());
}

#[wasm_bindgen_test]
async fn a_stale_handle_never_cancels_a_newer_timer() {
    // Handles of timers that fired or were cleared, kept around.
    let fired_once = set_timeout_with_handle(|| {}, Duration::ZERO).unwrap();
    let cleared = set_timeout_with_handle(|| {}, Duration::ZERO).unwrap();
    cleared.clear();
    wait(&after_ms(2)).await;
    // Many newer timers: none may share a number with a stale handle.
    let fired = Rc::new(Cell::new(0));
    let handles: Vec<_> = (0..100)
        .map(|_| {
            let f = fired.clone();
            set_timeout_with_handle(move || f.set(f.get() + 1), Duration::ZERO).unwrap()
        })
        .collect();
    fired_once.clear();
    cleared.clear();
    assert!(live_timer_count() >= handles.len());
    wait(&after_ms(5)).await;
    assert_eq!(fired.get(), 100, "stale handles cancelled nothing");
}

#[wasm_bindgen_test]
async fn interval_ticks_until_cleared() {
    let ticks = Rc::new(Cell::new(0));
    let (third, resolve) = promise_pair();
    let t = ticks.clone();
    let handle = set_interval_with_handle(
        move || {
            t.set(t.get() + 1);
            if t.get() == 3 {
                resolve.call0(&JsValue::NULL).unwrap();
            }
        },
        Duration::from_millis(1),
    )
    .unwrap();
    wait(&third).await;
    handle.clear();
    wait(&after_ms(10)).await;
    assert_eq!(ticks.get(), 3);
}

#[wasm_bindgen_test]
async fn interval_stops_when_owner_is_disposed() {
    let ticks = Rc::new(Cell::new(0));
    let (first, resolve) = promise_pair();
    let owner = Owner::new_child();
    let t = ticks.clone();
    owner.with(|| {
        set_interval(
            move || {
                t.set(t.get() + 1);
                resolve.call0(&JsValue::NULL).unwrap();
            },
            Duration::from_millis(1),
        )
    });
    wait(&first).await;
    owner.dispose();
    let seen = ticks.get();
    wait(&after_ms(10)).await;
    assert_eq!(ticks.get(), seen);
}

#[wasm_bindgen_test]
async fn animation_frame_runs_and_is_cancelled_with_its_owner() {
    let cancelled = Rc::new(Cell::new(false));
    let owner = Owner::new_child();
    let c = cancelled.clone();
    owner.with(|| request_animation_frame(move || c.set(true)));
    owner.dispose();

    // Frames run in request order: once this one ran, the other would have.
    let (frame, resolve) = promise_pair();
    request_animation_frame(move || {
        resolve.call0(&JsValue::NULL).unwrap();
    });
    wait(&frame).await;
    assert!(!cancelled.get());
}

#[wasm_bindgen_test]
async fn debounce_runs_once_with_the_last_argument() {
    let calls = Rc::new(RefCell::new(Vec::new()));
    let (called, resolve) = promise_pair();
    let c = calls.clone();
    let mut debounced = debounce(Duration::from_millis(5), move |n: i32| {
        c.borrow_mut().push(n);
        resolve.call0(&JsValue::NULL).unwrap();
    });
    debounced(1);
    debounced(2);
    debounced(3);
    wait(&called).await;
    wait(&after_ms(10)).await;
    assert_eq!(*calls.borrow(), [3]);
}

#[wasm_bindgen_test]
async fn pending_debounce_is_dropped_with_its_owner() {
    let fired = Rc::new(Cell::new(false));
    let owner = Owner::new_child();
    let f = fired.clone();
    let mut debounced = owner.with(|| debounce(Duration::ZERO, move |()| f.set(true)));
    debounced(());
    owner.dispose();
    wait(&after_ms(5)).await;
    assert!(!fired.get());
}

#[wasm_bindgen_test]
async fn debounce_cancelling_every_call_leaks_nothing() {
    let before = live_timer_count();
    let calls = Rc::new(Cell::new(0));
    let (called, resolve) = promise_pair();
    let c = calls.clone();
    let mut debounced = debounce(Duration::from_millis(1), move |_: u32| {
        c.set(c.get() + 1);
        resolve.call0(&JsValue::NULL).unwrap();
    });
    // A thousand keystrokes: each cancels the last one's timeout.
    for key in 0..1000 {
        debounced(key);
        assert_eq!(live_timer_count(), before + 1);
    }
    wait(&called).await;
    assert_eq!(live_timer_count(), before, "the last timeout freed itself");
    assert_eq!(calls.get(), 1);
}

#[wasm_bindgen_test]
async fn a_timer_callback_may_schedule_and_cancel_timers() {
    let (done, resolve) = promise_pair();
    let before = live_timer_count();
    set_timeout(
        move || {
            let inner = set_timeout_with_handle(|| {}, Duration::from_secs(60)).unwrap();
            inner.clear();
            set_timeout(
                move || {
                    resolve.call0(&JsValue::NULL).unwrap();
                },
                Duration::ZERO,
            );
        },
        Duration::ZERO,
    );
    wait(&done).await;
    assert_eq!(live_timer_count(), before);
}

#[wasm_bindgen_test]
async fn sleep_completes_in_order_with_timeouts() {
    let fired = Rc::new(Cell::new(false));
    let f = fired.clone();
    set_timeout(move || f.set(true), Duration::from_millis(1));
    sleep(Duration::from_millis(5)).await;
    assert!(fired.get(), "an earlier timeout ran before the sleep ended");
}

/// `sleep` is gloo-timers' own, so an app that glob-imports
/// `gloo_timers::future::*` beside the prelude (as Leptos 0.6 apps do)
/// names one item: no `ambiguous_glob_imports` warning.
mod glob_beside_gloo {
    #![deny(ambiguous_glob_imports)]
    use gloo_timers::future::*;
    use larkspur::*;
    use std::time::Duration;
    use wasm_bindgen_test::*;

    #[wasm_bindgen_test]
    async fn sleep_from_either_glob() {
        let (count, _) = create_signal(4);
        sleep(Duration::from_millis(1)).await;
        TimeoutFuture::new(1).await;
        assert_eq!(count.get_untracked(), 4);
    }
}

#[wasm_bindgen_test]
async fn an_effects_rerun_leaves_its_earlier_timers_alone() {
    // The review's toaster: each new toast schedules its own removal in an
    // effect; the second toast's run must not cancel the first removal.
    let owner = Owner::new_child();
    let removed = Rc::new(RefCell::new(Vec::new()));
    let (last_toast, set_last_toast) = create_signal(None::<u32>);
    let r = removed.clone();
    owner.with(|| {
        create_effect(move |_| {
            if let Some(id) = last_toast.get() {
                let r = r.clone();
                set_timeout(move || r.borrow_mut().push(id), Duration::from_millis(1));
            }
        })
    });
    larkspur::testing::tick().await; // the effect's first run
    set_last_toast.set(Some(1));
    set_last_toast.set(Some(2));
    wait(&after_ms(10)).await;
    assert_eq!(*removed.borrow(), [1, 2]);

    // Disposing the component still cancels what is pending.
    let before = live_timer_count();
    set_last_toast.set(Some(3));
    assert_eq!(live_timer_count(), before + 1);
    owner.dispose();
    assert_eq!(live_timer_count(), before);
    wait(&after_ms(10)).await;
    assert_eq!(*removed.borrow(), [1, 2]);
}

#[wasm_bindgen_test]
async fn a_timer_loop_in_an_effect_runs_every_round_and_stops_with_its_component() {
    // A timer loop in an effect, 100 rounds: each round's timer outlives the
    // run that scheduled it and fires; the component's disposal cancels the
    // one still pending and runs the component's own cleanup once.
    let owner = Owner::new_child();
    let runs = Rc::new(Cell::new(0));
    let (frame, set_frame) = create_signal(0u32);
    let cancelled = Rc::new(Cell::new(0));
    let c = cancelled.clone();
    let r = runs.clone();
    owner.with(move || {
        on_cleanup(move || c.set(c.get() + 1));
        create_effect(move |_| {
            let n = frame.get();
            r.set(r.get() + 1);
            if n < 10_000 {
                set_timeout(move || set_frame.set(n + 1), Duration::ZERO);
            }
        });
    });
    larkspur::testing::tick().await; // the effect's first run
    for _ in 0..5_000 {
        if frame.get_untracked() >= 100 {
            break;
        }
        wait(&after_ms(1)).await;
    }
    assert!(frame.get_untracked() >= 100, "the loop ran");
    let before = live_timer_count();
    owner.dispose();
    let stopped_at = frame.get_untracked();
    wait(&after_ms(5)).await;
    assert_eq!(
        frame.get_untracked(),
        stopped_at,
        "nothing fires after disposal"
    );
    assert!(runs.get() > 100);
    assert_eq!(cancelled.get(), 1);
    assert_eq!(
        live_timer_count(),
        before - 1,
        "the pending round was cancelled"
    );
}

#[wasm_bindgen_test]
async fn a_watch_callback_leaves_its_earlier_timers_alone() {
    // The same toaster through `watch` (a side effect, like create_effect).
    let owner = Owner::new_child();
    let removed = Rc::new(RefCell::new(Vec::new()));
    let (last_toast, set_last_toast) = create_signal(0u32);
    let r = removed.clone();
    owner.with(|| {
        let _stop = watch(
            move || last_toast.get(),
            move |id, _, _| {
                let (r, id) = (r.clone(), *id);
                set_timeout(move || r.borrow_mut().push(id), Duration::from_millis(1));
            },
            false,
        );
    });
    set_last_toast.set(1);
    set_last_toast.set(2);
    wait(&after_ms(10)).await;
    assert_eq!(*removed.borrow(), [1, 2]);
    owner.dispose();
}

/// A thousand rows, each with a window listener and a timeout of its own:
/// disposing every other row removes exactly its listener and timeout.
#[wasm_bindgen_test]
async fn many_rows_each_with_a_listener_and_a_timeout_are_cancelled_row_by_row() {
    let heard = Rc::new(RefCell::new(Vec::<usize>::new()));
    let fired = Rc::new(RefCell::new(Vec::<usize>::new()));
    let before = live_timer_count();
    let rows: Vec<Owner> = (0..1000)
        .map(|i| {
            let row = Owner::new_child();
            let (h, f) = (heard.clone(), fired.clone());
            row.with(move || {
                window_event_listener_untyped("larkspur-many-rows", move |_| {
                    h.borrow_mut().push(i)
                });
                set_timeout(move || f.borrow_mut().push(i), Duration::from_millis(1));
            });
            row
        })
        .collect();
    assert_eq!(live_timer_count(), before + 1000);
    for row in rows.iter().step_by(2) {
        row.dispose();
    }
    assert_eq!(live_timer_count(), before + 500);
    let event = web_sys::Event::new("larkspur-many-rows").unwrap();
    window().dispatch_event(&event).unwrap();
    let odd: Vec<usize> = (1..1000).step_by(2).collect();
    assert_eq!(*heard.borrow(), odd);
    wait(&after_ms(5)).await;
    fired.borrow_mut().sort_unstable();
    assert_eq!(*fired.borrow(), odd);
    assert_eq!(live_timer_count(), before);
    for row in rows.iter().skip(1).step_by(2) {
        row.dispose();
    }
    heard.borrow_mut().clear();
    window().dispatch_event(&event).unwrap();
    assert!(heard.borrow().is_empty(), "every listener was removed");
}

/// A render effect is a scope: its re-run cancels the timers its previous
/// run scheduled, every time (the scope's cleanup is registered again
/// after each re-run has run it), and its disposal the last one.
#[wasm_bindgen_test]
async fn each_rerun_of_a_render_effect_cancels_its_previous_timers() {
    let fired = Rc::new(RefCell::new(Vec::new()));
    let (round, set_round) = create_signal(0u32);
    let before = live_timer_count();
    let owner = Owner::new_child();
    let f = fired.clone();
    owner.with(|| {
        create_render_effect(move |_| {
            let n = round.get();
            let f = f.clone();
            set_timeout(move || f.borrow_mut().push(n), Duration::from_millis(1));
        });
    });
    for n in 1..=3 {
        set_round.set(n);
        assert_eq!(live_timer_count(), before + 1, "round {n}");
    }
    wait(&after_ms(10)).await;
    assert_eq!(*fired.borrow(), [3], "only the last round's timer fired");
    set_round.set(4);
    owner.dispose();
    assert_eq!(live_timer_count(), before);
    wait(&after_ms(10)).await;
    assert_eq!(*fired.borrow(), [3]);
}

/// Ten thousand scopes with a timer each, made and disposed: the table
/// frees every slot, and a disposal cancels only its own scope's timer.
#[wasm_bindgen_test]
async fn ten_thousand_scopes_with_a_timer_each() {
    let fired = Rc::new(Cell::new(0));
    let before = live_timer_count();
    let rows: Vec<Owner> = (0..10_000)
        .map(|_| {
            let row = Owner::new_child();
            let f = fired.clone();
            row.with(move || set_timeout(move || f.set(f.get() + 1), Duration::from_millis(1)));
            row
        })
        .collect();
    assert_eq!(live_timer_count(), before + 10_000);
    for row in &rows[..9_000] {
        row.dispose();
    }
    assert_eq!(live_timer_count(), before + 1_000);
    wait(&after_ms(10)).await;
    assert_eq!(fired.get(), 1_000);
    assert_eq!(live_timer_count(), before);
    for row in &rows[9_000..] {
        row.dispose();
    }
}

/// A timer scheduled under a scope whose disposal has begun (a cleanup
/// that goes back into its scope with `with_owner`) is cancelled at
/// once: the scope's cleanups were taken already, and nothing else would
/// cancel it.
#[wasm_bindgen_test]
async fn a_timer_scheduled_in_a_going_scope_never_fires() {
    let fired = Rc::new(Cell::new(false));
    let before = live_timer_count();
    let parent = Owner::new_child();
    let child = parent.with(Owner::new_child);
    let f = fired.clone();
    child.with(|| {
        on_cleanup(move || {
            with_owner(child, move || {
                set_timeout(move || f.set(true), Duration::ZERO);
            })
        })
    });
    parent.dispose();
    assert_eq!(live_timer_count(), before);
    wait(&after_ms(5)).await;
    assert!(!fired.get());
}
