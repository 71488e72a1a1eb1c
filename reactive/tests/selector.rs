//! `create_selector`: a selection change re-runs only the old and new key's subscribers.
#![allow(clippy::redundant_closure)] // the seed writes `move || selected()`

mod common;
use common::Log;
use larkspur_reactive::*;
use std::cell::RefCell;
use std::rc::Rc;

#[test]
fn selector_touches_only_the_old_and_new_key() {
    let out = Log::new();
    let (selected, set_selected) = create_signal(Some(2usize));
    let is_selected = create_selector(move || selected());
    for row in 0..100usize {
        let o = out.clone();
        create_render_effect(move |_| {
            let on = is_selected.selected(Some(row));
            log!(o, "row {row} {}", if on { "on" } else { "off" });
        });
    }
    assert_eq!(out.take().len(), 100);

    set_selected(Some(7));
    assert_eq!(out.take(), ["row 2 off", "row 7 on"]);

    set_selected(Some(7)); // same key: nobody re-runs
    assert!(out.take().is_empty());

    set_selected(None); // only the old key
    assert_eq!(out.take(), ["row 7 off"]);

    set_selected(Some(99));
    assert_eq!(out.take(), ["row 99 on"]);
}

#[test]
fn selector_seed_style_comparison_and_disposal() {
    let (selected, set_selected) = create_signal(0);
    let sel = create_selector(move || selected());
    assert!(sel.selected(0));
    // The seed's `selected() == index` style compiles on the source too.
    assert!(selected() == 0);
    set_selected(3);
    assert!(sel.selected(3) && !sel.selected(0));
    let baseline = live_node_count();
    let owner = Owner::new_child();
    owner.with(|| {
        create_render_effect(move |_| sel.selected(42));
    });
    assert!(live_node_count() > baseline);
    owner.dispose();
    sel.dispose();
    assert_eq!(selected.try_get(), Some(3));
}

#[test]
fn selector_inside_an_owner_is_freed_with_it() {
    let baseline = live_node_count();
    let owner = Owner::new_child();
    owner.with(|| {
        let (s, set_s) = create_signal(1u8);
        let sel = create_selector(move || s());
        for key in 0..10u8 {
            create_render_effect(move |_| sel.selected(key));
        }
        set_s(2);
    });
    owner.dispose();
    assert_eq!(live_node_count(), baseline);
}

/// Rows whose keys only ever grow (the ids of created rows) must not leave a
/// node per key behind once they are disposed.
#[test]
fn selector_forgets_keys_of_disposed_rows() {
    let (selected, set_selected) = create_signal(0u64);
    let is_selected = create_selector(move || selected.get());
    let baseline = live_node_count();
    let mut next_key = 0u64;
    for _cycle in 0..20 {
        create_root(|root| {
            for _ in 0..500 {
                let key = next_key;
                next_key += 1;
                create_render_effect(move |_| is_selected.selected(key));
            }
            root.dispose();
        });
    }
    // 10,000 keys were read; only a bounded number of key nodes may remain.
    let left = live_node_count() - baseline;
    assert!(
        left <= 1_000,
        "{left} nodes left behind by 10,000 disposed rows"
    );

    // Keys still read keep working after sweeps.
    let out = Log::new();
    let o = out.clone();
    create_render_effect(move |_| {
        let on = is_selected.selected(next_key + 5);
        log!(o, "{on}");
    });
    set_selected(next_key + 5);
    assert_eq!(out.take(), ["false", "true"]);
}

/// `create_selector_with_fn` (Leptos 0.6): a key re-runs only when its own
/// answer changes.
#[test]
fn selector_with_fn_notifies_keys_whose_answer_changed() {
    let (value, set_value) = create_signal(5);
    let near = create_selector_with_fn(
        move || value.get(),
        |key: &i32, v: &i32| (key - v).abs() <= 2,
    );
    let runs = std::rc::Rc::new(std::cell::Cell::new(0));
    let r = runs.clone();
    let seen = std::rc::Rc::new(std::cell::Cell::new(false));
    let s = seen.clone();
    create_render_effect(move |_| {
        s.set(near.selected(4));
        r.set(r.get() + 1);
    });
    assert!(seen.get());
    assert_eq!(runs.get(), 1);
    set_value(6); // 4 is still within 2 of 6: no re-run
    assert_eq!(runs.get(), 1);
    set_value(9); // now it is not
    assert_eq!(runs.get(), 2);
    assert!(!seen.get());
    set_value(10); // still not
    assert_eq!(runs.get(), 2);
    set_value(3);
    assert_eq!(runs.get(), 3);
    assert!(seen.get());
}

/// A reader counts for a key only while its latest run read it: a run that
/// stops asking about a key is not re-run for it, one that asks again is.
#[test]
fn selector_readers_follow_what_their_last_run_read() {
    let (selected, set_selected) = create_signal(0u32);
    let is = create_selector(move || selected.get());
    let (watch, set_watch) = create_signal(Some(1u32));
    let runs = std::rc::Rc::new(std::cell::Cell::new(0));
    let r = runs.clone();
    create_render_effect(move |_| {
        r.set(r.get() + 1);
        if let Some(key) = watch.get() {
            is.selected(key);
        }
    });
    assert_eq!(runs.get(), 1);
    set_selected(1);
    assert_eq!(runs.get(), 2, "key 1 gained the selection");
    set_watch(None);
    assert_eq!(runs.get(), 3);
    set_selected(0);
    assert_eq!(
        runs.get(),
        3,
        "key 1 lost it, but the last run did not read key 1"
    );
    set_watch(Some(2));
    assert_eq!(runs.get(), 4);
    set_selected(2);
    assert_eq!(runs.get(), 5, "key 2 is read again");
    set_selected(3);
    assert_eq!(runs.get(), 6);
}

/// Several readers of one key, a disposed one among them, and a memo
/// between a key and an effect.
#[test]
fn selector_tells_every_live_reader_of_a_key() {
    let (selected, set_selected) = create_signal(0u32);
    let is = create_selector(move || selected.get());
    let out = Log::new();
    let first = Owner::new_child();
    for name in ["a", "b"] {
        let o = out.clone();
        let make = move || {
            create_render_effect(move |_| log!(o, "{name} {}", is.selected(5)));
        };
        if name == "a" {
            first.with(make);
        } else {
            make();
        }
    }
    let memo = create_memo(move |_| is.selected(5) || is.selected(6));
    let o = out.clone();
    create_render_effect(move |_| log!(o, "memo {}", memo.get()));
    assert_eq!(out.take(), ["a false", "b false", "memo false"]);
    set_selected(5);
    assert_eq!(out.take(), ["a true", "b true", "memo true"]);
    first.dispose();
    set_selected(6); // the memo's answer stays true: its effect does not run
    assert_eq!(out.take(), ["b false"]);
    set_selected(7);
    assert_eq!(out.take(), ["memo false"]);
}

#[test]
fn a_selector_fn_test_may_read_signals() {
    // The key test is user code: it ran with the framework's state
    // borrowed, and reading a signal in it panicked on the first change.
    let _rt = create_runtime();
    let (value, set_value) = create_signal(5);
    let (width, _) = create_signal(2);
    let near = create_selector_with_fn(
        move || value.get(),
        move |k: &i32, v: &i32| (k - v).abs() <= width.get_untracked(),
    );
    let seen = std::rc::Rc::new(std::cell::Cell::new(false));
    let s = seen.clone();
    create_render_effect(move |_| s.set(near.selected(4)));
    assert!(seen.get());
    set_value.set(9);
    assert!(!seen.get());
    set_value.set(3);
    assert!(seen.get());
}

#[test]
fn a_memo_over_a_key_follows_the_selection_inside_a_batch() {
    let (selected, set_selected) = create_signal(1u32);
    let sel = create_selector(move || selected());
    let one = create_memo(move |_| sel.selected(1));
    let two = create_memo(move |_| sel.selected(2));
    assert!(one.get() && !two.get());
    batch(|| {
        set_selected(2);
        // Read inside the batch, before any effect has run.
        assert!(!one.get(), "key 1 still selected inside the batch");
        assert!(two.get(), "key 2 not selected inside the batch");
        set_selected(1);
        assert!(one.get() && !two.get());
        set_selected(2);
    });
    assert!(!one.get() && two.get());
    // Untracked reads of the selection between writes, then the memo.
    set_selected(3);
    assert!(sel.selected(3));
    assert!(!two.get());
}

#[test]
fn a_memo_over_a_key_of_a_selector_with_fn_follows_it_inside_a_batch() {
    let (value, set_value) = create_signal(5i32);
    let near = create_selector_with_fn(move || value.get(), |k: &i32, v: &i32| (k - v).abs() <= 1);
    let four = create_memo(move |_| near.selected(4));
    let runs = Log::new();
    let r = runs.clone();
    create_render_effect(move |_| log!(r, "four {}", four.get()));
    assert_eq!(runs.take(), ["four true"]);
    batch(|| {
        set_value(9);
        assert!(!four.get(), "4 still near inside the batch");
        set_value(3);
        assert!(four.get());
    });
    // The effect never saw the value of the middle of the batch.
    assert!(four.get());
    assert!(!runs.take().iter().any(|line| line == "four false"));
    set_value(10);
    assert_eq!(runs.take(), ["four false"]);
}

#[test]
fn a_parent_effect_disposes_its_selector_before_the_selector_runs() {
    let (item, set_item) = create_signal(Some(1u32));
    let (other, set_other) = create_signal(0u32);
    let out = Log::new();
    let o = out.clone();
    create_render_effect(move |_| {
        if item.get().is_some() {
            let o = o.clone();
            let sel = create_selector(move || {
                log!(o, "selector");
                item.get().unwrap() + other.get()
            });
            // A memo over a key, read by the parent: the memo is linked
            // to the selector, and the parent still runs first.
            let one = create_memo(move |_| sel.selected(1));
            one.get();
        }
    });
    out.take();
    set_item(None);
    assert!(out.take().is_empty());
    set_item(Some(1));
    out.take();
    batch(|| {
        set_item(None);
        set_other(1);
    });
    assert!(out.take().is_empty());
}

#[test]
fn an_effect_older_than_the_selector_reads_a_fresh_memo_over_a_key() {
    let (s, set_s) = create_signal(1u32);
    let seen = Log::new();
    let slot: Rc<RefCell<Option<Memo<bool>>>> = Rc::new(RefCell::new(None));
    let (m, o) = (slot.clone(), seen.clone());
    create_render_effect(move |_| {
        let v = s.get();
        if let Some(one) = *m.borrow() {
            log!(o, "{v} {}", one.get());
        }
    });
    let sel = create_selector(move || s.get());
    *slot.borrow_mut() = Some(create_memo(move |_| sel.selected(1)));
    set_s(2);
    assert_eq!(seen.take(), ["2 false"]);
    set_s(1);
    assert_eq!(seen.take(), ["1 true"]);
}

#[test]
fn a_selector_over_a_memo_and_chained_selectors_stay_fresh_in_a_batch() {
    let (s, set_s) = create_signal(1u32);
    let half = create_memo(move |_| s.get() / 2);
    let sel = create_selector(move || half.get());
    let one = create_memo(move |_| sel.selected(1));
    assert!(!one.get());
    batch(|| {
        set_s(2);
        assert!(one.get());
        set_s(5);
        assert!(!one.get());
    });
    assert!(!one.get());

    // A selector over another's key, and a memo over its own key.
    let a = create_selector(move || s.get());
    let b = create_selector(move || a.selected(2));
    let k = create_memo(move |_| b.selected(true));
    assert!(!k.get());
    batch(|| {
        set_s(2);
        assert!(k.get());
        set_s(3);
        assert!(!k.get());
    });
    assert!(!k.get());
    set_s(2);
    assert!(k.get());
}

#[test]
fn a_selector_with_fn_works_on_after_its_test_panicked() {
    let (value, set_value) = create_signal(1i32);
    let near = create_selector_with_fn(
        move || value.get(),
        |key: &i32, v: &i32| {
            assert!(*v >= 0, "negative");
            (key - v).abs() <= 1
        },
    );
    set_value(-5);
    let caught = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| near.selected(1)));
    assert!(caught.is_err());
    set_value(3);
    assert!(near.selected(2));
    assert!(!near.selected(0));
}

#[test]
fn a_reader_whose_custom_test_panicked_still_hears_of_its_key() {
    let (value, set_value) = create_signal(1i32);
    let explode = Rc::new(std::cell::Cell::new(false));
    let e = explode.clone();
    let near = create_selector_with_fn(
        move || value.get(),
        move |key: &i32, v: &i32| {
            if e.replace(false) {
                panic!("the test's one panic");
            }
            (key - v).abs() <= 1
        },
    );
    let (trip, set_trip) = create_signal(false);
    let out = Log::new();
    let o = out.clone();
    let ex = explode.clone();
    let armed = std::cell::Cell::new(true);
    create_render_effect(move |_| {
        if trip.get() && armed.replace(false) {
            ex.set(true);
        }
        log!(o, "{}", near.selected(2));
    });
    assert_eq!(out.take(), ["true"]);
    let caught = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| set_trip(true)));
    assert!(caught.is_err());
    out.take();
    set_value(9);
    assert_eq!(out.take().last().map(String::as_str), Some("false"));
}
