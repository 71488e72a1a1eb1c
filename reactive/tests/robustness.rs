//! Edge cases: self-disposal, caught panics, memo ownership, disposal while subscribed.

mod common;
use common::Log;
use larkspur_reactive::*;
use std::cell::Cell;
use std::rc::Rc;

#[test]
fn an_effect_can_dispose_itself_while_running() {
    let out = Log::new();
    let (n, set_n) = create_signal(0);
    let me: StoredValue<Option<Effect<()>>> = store_value(None);
    let o = out.clone();
    let effect = create_render_effect(move |_| {
        let v = n();
        log!(o, "run {v}");
        if v == 2 {
            if let Some(e) = me.get_value() {
                e.dispose();
            }
        }
    });
    me.set_value(Some(effect));
    set_n(1);
    set_n(2);
    set_n(3);
    assert_eq!(out.take(), ["run 0", "run 1", "run 2"]);
}

#[test]
fn the_runtime_keeps_working_after_a_caught_panic_in_an_effect() {
    let (n, set_n) = create_signal(0);
    let seen = Rc::new(Cell::new(0));
    let s = seen.clone();
    create_render_effect(move |_| {
        let v = n();
        if v == 1 {
            panic!("boom");
        }
        s.set(v);
    });
    let caught = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| set_n(1)));
    assert!(caught.is_err());
    set_n(2);
    assert_eq!(seen.get(), 2, "the effect still runs after the panic");

    // A panic inside a batch does not leave the batch open.
    let _ = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        batch(|| {
            set_n(3);
            panic!("inside batch");
        })
    }));
    set_n(4);
    assert_eq!(seen.get(), 4);
}

#[test]
fn a_memo_owns_what_it_creates_and_disposes_it_on_rerun() {
    let out = Log::new();
    let (n, set_n) = create_signal(1);
    let o = out.clone();
    let m = create_memo(move |_| {
        let v = n();
        let o = o.clone();
        on_cleanup(move || log!(o, "memo cleanup {v}"));
        let inner = create_rw_signal(v * 10);
        inner.get_untracked()
    });
    let baseline = live_node_count();
    assert_eq!(m.get(), 10);
    set_n(2);
    assert_eq!(m.get(), 20);
    assert_eq!(out.take(), ["memo cleanup 1"]);
    assert_eq!(live_node_count(), baseline);
    m.dispose();
    assert_eq!(out.take(), ["memo cleanup 2"]);
}

#[test]
fn a_memo_reading_itself_does_not_hang() {
    let (n, set_n) = create_signal(1);
    let cell: StoredValue<Option<Memo<i32>>> = store_value(None);
    let m = create_memo(move |prev: Option<&i32>| {
        let own = cell.get_value().and_then(|m| m.try_get_untracked());
        n() + own.or(prev.copied()).unwrap_or(0)
    });
    cell.set_value(Some(m));
    set_n(2);
    assert_eq!(m.get(), 3);
}

#[test]
fn disposing_a_signal_that_an_effect_reads_is_observable_with_try_get() {
    let out = Log::new();
    let (a, set_a) = create_signal(1);
    let (tick, set_tick) = create_signal(0);
    let o = out.clone();
    create_render_effect(move |_| {
        tick.track();
        log!(o, "{:?}", a.try_get());
    });
    a.dispose();
    set_a(5); // ignored
    set_tick(1);
    assert_eq!(out.take(), ["Some(1)", "None"]);
}

#[test]
fn memos_and_effects_created_in_a_batch_see_the_batched_values() {
    let out = Log::new();
    let (a, set_a) = create_signal(1);
    batch(|| {
        set_a(2);
        let doubled = create_memo(move |_| a() * 2);
        let o = out.clone();
        create_render_effect(move |_| log!(o, "{}", doubled()));
        set_a(3);
    });
    assert_eq!(out.take(), ["4", "6"]);
}

#[test]
fn signal_and_maybe_signal_wrappers() {
    let (a, set_a) = create_signal(2);
    let m = create_memo(move |_| a() * 10);
    let signals: Vec<Signal<i32>> = vec![a.into(), m.into(), Signal::derive(move || a() + 1)];
    let maybes: Vec<MaybeSignal<i32>> = vec![7.into(), a.into(), m.into()];
    set_a(3);
    assert_eq!(
        signals.iter().map(|s| s.get()).collect::<Vec<_>>(),
        [3, 30, 4]
    );
    assert_eq!(
        maybes.iter().map(|s| s.get()).collect::<Vec<_>>(),
        [7, 3, 30]
    );
    let out = Log::new();
    let o = out.clone();
    let derived = signals[2];
    create_render_effect(move |_| log!(o, "{}", derived()));
    set_a(4);
    assert_eq!(out.take(), ["4", "5"]);
    fn generic(s: &impl SignalGet<Value = i32>) -> i32 {
        s.get()
    }
    assert_eq!(generic(&signals[1]), 40);
    assert_eq!(generic(&maybes[0]), 7);
}

/// An effect reads a memo of `s` and, seeing 1, writes `s = 2`; the memo
/// panics on 2 while the effect's own write is being settled. The effect
/// still runs for later changes (the settling mark does not outlive the
/// panic).
#[test]
fn an_effect_runs_again_after_a_memo_panics_while_its_write_settles() {
    let (s, set_s) = create_signal(0);
    let m = create_memo(move |_| {
        let v = s.get();
        if v == 2 {
            panic!("bad value");
        }
        v
    });
    let seen = Rc::new(Cell::new(-1));
    let se = seen.clone();
    create_render_effect(move |_| {
        let v = m.get();
        se.set(v);
        if v == 1 {
            set_s.set(2);
        }
    });
    assert_eq!(seen.get(), 0);
    let caught = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| set_s.set(1)));
    assert!(caught.is_err());
    assert_eq!(seen.get(), 1);
    set_s.set(5);
    assert_eq!(m.get_untracked(), 5);
    assert_eq!(seen.get(), 5);
    set_s.set(6);
    assert_eq!(seen.get(), 6, "the effect stopped running");
}

/// A `&'static String` (a `LazyLock<String>` name) converts to an `Oco`
/// without copying, as a `&'static str` does: builder names take either.
#[test]
fn a_name_from_a_static_string_is_accepted_where_oco_is() {
    static NAME: std::sync::LazyLock<String> = std::sync::LazyLock::new(|| "data-x".into());
    let name: Oco<'static, str> = (&*NAME).into();
    assert_eq!(&*name, "data-x");
    assert!(matches!(name, Oco::Borrowed(_)));
}
