//! Native tests written the way a `leptos_reactive` 0.6 user writes them:
//! `create_runtime()` first, the 0.6 trait names imported for the methods,
//! `runtime.dispose()` last. Only the crate name differs.

use larkspur_reactive::*;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

#[test]
fn runtime_dispose_frees_what_the_test_created_and_runs_cleanups() {
    let runtime = create_runtime();
    let (a, set_a) = create_signal(1);
    let b = create_memo(move |_| a.get() + 1);
    let cleaned = Rc::new(Cell::new(false));
    let c = cleaned.clone();
    on_cleanup(move || c.set(true));
    set_a.set(5);
    assert_eq!(b.get(), 6);
    runtime.dispose();
    assert!(cleaned.get());
    assert_eq!(a.try_get(), None);
    assert_eq!(b.try_get(), None);
}

#[test]
fn untracked_traits_read_and_write_without_notifying() {
    let runtime = create_runtime();
    let s = create_rw_signal(1);
    let runs = Rc::new(Cell::new(0));
    let r = runs.clone();
    create_effect(move |_| {
        s.get();
        r.set(r.get() + 1);
    });
    larkspur_reactive::flush();
    assert_eq!(runs.get(), 1);
    s.set_untracked(2);
    s.update_untracked(|v| *v += 1);
    assert_eq!(s.try_update_untracked(|v| *v), Some(3));
    assert_eq!(s.try_set_untracked(4), None);
    assert_eq!(runs.get(), 1, "untracked writes notify nobody");
    assert_eq!(s.get_untracked(), 4);
    assert_eq!(s.with_untracked(|v| *v * 10), 40);
    s.update(|v| *v += 1);
    assert_eq!(runs.get(), 2);
    s.dispose();
    assert_eq!(s.try_get_untracked(), None);
    assert_eq!(s.try_set_untracked(9), Some(9));
    runtime.dispose();
}

#[test]
fn maybe_signal_derive_and_with_untracked_through_the_trait() {
    let runtime = create_runtime();
    let (count, set_count) = create_signal(2);
    let double = MaybeSignal::derive(move || count.get() * 2);
    let plain: MaybeSignal<i32> = 7.into();
    set_count.set(3);
    assert_eq!(double.get(), 6);
    assert_eq!(
        SignalWithUntracked::try_with_untracked(&plain, |v| *v),
        Some(7)
    );
    let signal: Signal<i32> = Signal::derive(move || count.get() + 1);
    assert_eq!(signal.with(|v| *v), 4);
    runtime.dispose();
}

#[test]
fn slice_readers_rerun_only_for_their_own_field() {
    #[derive(Default)]
    struct State {
        token: String,
        count: u32,
    }
    let runtime = create_runtime();
    let state = create_rw_signal(State::default());
    let (count, set_count) = create_slice(state, |s| s.count, |s, n| s.count = n);
    let (token, set_token): (Signal<String>, SignalSetter<String>) =
        create_slice(state, |s| s.token.clone(), |s, t| s.token = t);
    let count_runs = Rc::new(Cell::new(0));
    let c = count_runs.clone();
    create_effect(move |_| {
        count.get();
        c.set(c.get() + 1);
    });
    larkspur_reactive::flush();
    set_token.set("abc".into());
    assert_eq!(token.get(), "abc");
    assert_eq!(
        count_runs.get(),
        1,
        "a token write does not re-run a count reader"
    );
    set_count.set(3);
    assert_eq!(count_runs.get(), 2);
    assert_eq!(state.with(|s| s.count), 3);
    runtime.dispose();
}

#[test]
fn watch_reports_new_and_previous_values_until_stopped() {
    let runtime = create_runtime();
    let (num, set_num) = create_signal(0);
    let (other, set_other) = create_signal(0);
    let seen = Rc::new(RefCell::new(Vec::new()));
    let s = seen.clone();
    let stop = watch(
        move || num.get(),
        move |num, prev_num, prev_result: Option<i32>| {
            // Reading `other` here does not subscribe the watcher to it.
            s.borrow_mut()
                .push((*num, prev_num.copied(), prev_result, other.get()));
            *num * 10
        },
        false,
    );
    set_num.set(1);
    set_other.set(5);
    set_num.set(2);
    stop();
    set_num.set(3);
    assert_eq!(
        *seen.borrow(),
        [(1, Some(0), None, 0), (2, Some(1), Some(10), 5)]
    );
    runtime.dispose();
}

#[test]
fn watch_immediate_runs_once_right_away() {
    let runtime = create_runtime();
    let (num, set_num) = create_signal(1);
    let seen = Rc::new(RefCell::new(Vec::new()));
    let s = seen.clone();
    let _stop = watch(
        move || num.get(),
        move |n, prev, _| s.borrow_mut().push((*n, prev.copied())),
        true,
    );
    set_num.set(2);
    assert_eq!(*seen.borrow(), [(1, None), (2, Some(1))]);
    runtime.dispose();
}

#[test]
fn owning_memo_reuses_its_previous_value_and_decides_change_itself() {
    let runtime = create_runtime();
    let (name, set_name) = create_signal("Alice".to_string());
    let upper = create_owning_memo(move |previous: Option<String>| {
        let new = name.get().to_uppercase();
        let changed = previous.as_ref() != Some(&new);
        (new, changed)
    });
    let runs = Rc::new(Cell::new(0));
    let r = runs.clone();
    create_effect(move |_| {
        upper.with(|_| ());
        r.set(r.get() + 1);
    });
    larkspur_reactive::flush();
    set_name.set("alice".into());
    assert_eq!(runs.get(), 1, "same uppercase value: no change reported");
    set_name.set("Bob".into());
    assert_eq!(upper.get(), "BOB");
    assert_eq!(runs.get(), 2);
    runtime.dispose();
}

#[test]
fn selector_remove_forgets_a_key() {
    let runtime = create_runtime();
    let (selected, set_selected) = create_signal(0usize);
    let is_selected = create_selector(move || selected.get());
    let runs = Rc::new(Cell::new(0));
    let r = runs.clone();
    create_effect(move |_| {
        is_selected.selected(3);
        r.set(r.get() + 1);
    });
    larkspur_reactive::flush();
    set_selected.set(3);
    assert_eq!(runs.get(), 2);
    is_selected.remove(&3);
    set_selected.set(1);
    assert_eq!(runs.get(), 2, "the removed key's subscriber is not told");
    assert!(!is_selected.selected(3));
    runtime.dispose();
}

#[test]
fn memos_compute_when_created_not_at_first_read() {
    // A deliberate difference from Leptos 0.6 (docs/from-leptos.md): an
    // eager first run keeps a 100,000-deep chain's first read iterative.
    let runtime = create_runtime();
    let runs = Rc::new(Cell::new(0));
    let r = runs.clone();
    let m = create_memo(move |_| {
        r.set(r.get() + 1);
        1
    });
    assert_eq!(runs.get(), 1);
    assert_eq!(m.get(), 1);
    assert_eq!(runs.get(), 1);
    runtime.dispose();
}

#[cfg(feature = "serde")]
#[test]
fn signals_serialize_as_their_value() {
    let runtime = create_runtime();
    let (name, _) = create_signal("Ada".to_string());
    let age = create_rw_signal(36u32);
    let json = serde_json::to_string(&(name, age)).unwrap();
    assert_eq!(json, r#"["Ada",36]"#);
    let back: larkspur_reactive::RwSignal<u32> = serde_json::from_str("41").unwrap();
    assert_eq!(back.get(), 41);
    let maybe: MaybeSignal<u32> = serde_json::from_str("2").unwrap();
    assert_eq!(maybe.get(), 2);
    runtime.dispose();
}

#[test]
fn signal_setter_is_a_signal_set() {
    fn reset(setter: impl SignalSet<Value = i32>) {
        setter.set(0);
    }
    let runtime = create_runtime();
    let count = create_rw_signal(5);
    reset(SignalSetter::from(count));
    assert_eq!(count.get(), 0);
    let set_default = SignalSetter::<i32>::default();
    set_default.set(3); // the default setter ignores writes
    runtime.dispose();
}

#[test]
fn structs_of_signals_derive_eq_and_default() {
    // As RustyTube's and fuel-dao's contexts are written for 0.6.
    #[derive(Clone, PartialEq, Eq)]
    struct Config {
        theme: (Signal<String>, SignalSetter<String>),
        muted: MaybeSignal<bool>,
        label: MaybeProp<String>,
    }
    #[derive(Clone, Copy, Default)]
    struct Checkout {
        selected: RwSignal<Option<u32>>,
        notes: StoredValue<Vec<String>>,
    }
    let runtime = create_runtime();
    let state = create_rw_signal(String::from("light"));
    let config = Config {
        theme: (state.into(), state.write_only().into()),
        muted: MaybeSignal::Static(false),
        label: MaybeProp::default(),
    };
    let copy = config.clone();
    assert!(config == copy);
    let other_state = create_rw_signal(String::from("light"));
    let other = Config {
        theme: (other_state.into(), other_state.write_only().into()),
        ..config.clone()
    };
    // Equal values, different signals: not equal (handles compare by identity).
    assert!(config != other);
    let derived = Signal::derive(move || state.get().len());
    let copy = derived;
    assert_eq!(derived, copy);
    assert_ne!(derived, Signal::derive(move || state.get().len()));
    assert_ne!(
        Signal::from(state),
        Signal::from(create_memo(move |_| state.get()))
    );
    assert_eq!(MaybeSignal::Static(3), MaybeSignal::Static(3));
    assert_ne!(
        MaybeSignal::Static(3),
        MaybeSignal::from(create_rw_signal(3))
    );
    assert_eq!(SignalSetter::<u8>::default(), SignalSetter::default());
    let mapped = SignalSetter::map(move |s: String| state.set(s));
    let copy = mapped;
    assert_eq!(mapped, copy);
    assert_ne!(mapped, SignalSetter::from(state.write_only()));

    let checkout = Checkout::default();
    assert_eq!(checkout.selected.get(), None);
    checkout.selected.set(Some(4));
    checkout.notes.update_value(|n| n.push("gift".into()));
    assert_eq!(checkout.selected.get(), Some(4));
    assert_eq!(checkout.notes.get_value(), ["gift"]);
    assert_ne!(Checkout::default().selected, checkout.selected);
    runtime.dispose();
    assert_eq!(checkout.selected.try_get(), None);
}

#[test]
fn stored_values_are_callable() {
    let runtime = create_runtime();
    let stored = store_value(vec![1, 2]);
    assert_eq!(stored(), [1, 2]);
    let render: StoredValue<std::rc::Rc<dyn Fn() -> &'static str>> =
        store_value(std::rc::Rc::new(|| "hi"));
    assert_eq!((render())(), "hi");
    runtime.dispose();
}

#[test]
fn slice_macro_reads_and_writes_one_field() {
    #[derive(Clone, Default)]
    struct Network {
        server: String,
        retries: (u8, bool),
    }
    #[derive(Clone, Default)]
    struct Settings {
        network: Network,
        volume: f32,
    }
    let runtime = create_runtime();
    let settings = create_rw_signal(Settings::default());
    let (server, set_server) = slice!(settings.network.server);
    let (retry, set_retry) = slice!(settings.network.retries.1);
    let runs = Rc::new(Cell::new(0));
    let r = runs.clone();
    create_effect(move |_| {
        server.track();
        r.set(r.get() + 1);
    });
    flush();
    assert_eq!(runs.get(), 1);
    settings.update(|s| s.volume = 0.5);
    flush();
    assert_eq!(
        runs.get(),
        1,
        "another field changed: the slice's readers stay"
    );
    set_server.set("https://a.example".into());
    set_retry.set(true);
    flush();
    assert_eq!(runs.get(), 2);
    assert_eq!(server.get(), "https://a.example");
    assert!(retry.get());
    assert!(settings.with(|s| s.network.retries.1));
    runtime.dispose();
}

// Generic helpers as leptonic writes them: no `T: 'static` of their own,
// the signal types' own bound is implied (as in 0.6).
fn create_signal_ls<T: Clone>(value: T) -> (ReadSignal<T>, WriteSignal<T>) {
    create_signal(value)
}

fn track_in_log<T: Clone + std::fmt::Debug>(signal: ReadSignal<T>, log: Rc<RefCell<Vec<String>>>) {
    create_effect(move |_| log.borrow_mut().push(format!("{:?}", signal.get())));
}

trait SignalUpdateExt<T> {
    fn try_bump(&self, f: impl FnOnce(&mut T)) -> Option<()>;
}

impl<T> SignalUpdateExt<T> for WriteSignal<T> {
    fn try_bump(&self, f: impl FnOnce(&mut T)) -> Option<()> {
        self.try_update(f)
    }
}

#[test]
fn generic_code_gets_the_static_bound_from_the_signal_types() {
    use larkspur_reactive::signal_prelude::*;
    let runtime = create_runtime();
    let (count, set_count) = create_signal_ls(1);
    let log = Rc::new(RefCell::new(Vec::new()));
    track_in_log(count, log.clone());
    flush();
    set_count.try_bump(|n| *n += 1).unwrap();
    assert_eq!(*log.borrow(), ["1", "2"]);
    let width: RwSignal<f64> = 1.5.into();
    assert_eq!(SignalGet::get(&width), 1.5);
    runtime.dispose();
}

#[test]
fn oco_strings_join_add_and_order() {
    let parts = [
        Oco::Borrowed("a"),
        Oco::from(String::from("b")),
        Oco::Borrowed("c"),
    ];
    let joined: String = parts.iter().cloned().collect();
    assert_eq!(joined, "abc");
    let greeting = Oco::Borrowed("Hello") + ", " + Oco::Borrowed("world");
    assert_eq!(greeting, "Hello, world");
    let with_cow = Oco::Borrowed("x") + std::borrow::Cow::Borrowed("y");
    assert_eq!(with_cow, "xy");
    let mut sorted = vec![Oco::Borrowed("b"), Oco::Borrowed("a")];
    sorted.sort();
    assert_eq!(sorted, [Oco::Borrowed("a"), Oco::Borrowed("b")]);
}

/// A Leptos 0.6 native unit test, unchanged: outside the browser 0.6 runs
/// an effect's first run at once, so the test asserts right after
/// `create_effect` without a flush.
#[test]
fn a_native_effect_runs_at_once_as_in_leptos_06() {
    let runtime = create_runtime();
    let (count, set_count) = create_signal(0);
    let seen = std::rc::Rc::new(std::cell::RefCell::new(Vec::new()));
    let s = seen.clone();
    create_effect(move |_| s.borrow_mut().push(count.get()));
    assert_eq!(*seen.borrow(), [0]);
    set_count.set(1);
    assert_eq!(*seen.borrow(), [0, 1]);
    runtime.dispose();
}

/// probe30's reactive gaps, written as 0.6 code writes them: `Callback`
/// from the reactive crate, a `Trigger` used as a signal of `()`,
/// `Owner::{as_ffi, from_ffi}` (and `Owner` in a `HashSet`), a `Disposer`
/// from an effect, `Oco` compared from either side, and
/// `MaybeProp::try_with_untracked`.
#[test]
fn reactive_crate_items_from_0_6_paths() {
    use larkspur_reactive::{Callable, Callback, SyncCallback};
    let runtime = create_runtime();

    let double: Callback<i32, i32> = Callback::new(|n| n * 2);
    let same: SyncCallback<i32, i32> = double;
    assert_eq!(same.call(4), 8);

    let trigger = Trigger::default();
    let runs = Rc::new(Cell::new(0));
    let r = runs.clone();
    create_render_effect(move |_| {
        trigger.get();
        r.set(r.get() + 1);
    });
    trigger.set(());
    trigger.update(|()| ());
    assert_eq!(runs.get(), 3);
    assert_eq!(trigger.try_get(), Some(()));

    let owner = Owner::new_child();
    assert_eq!(Owner::from_ffi(owner.as_ffi()), owner);
    let set: std::collections::HashSet<Owner> = [owner, owner].into_iter().collect();
    assert_eq!(set.len(), 1);
    let _: std::collections::HashSet<RuntimeId> = [runtime].into_iter().collect();
    // An owner number that names nothing: what runs under it is owned by
    // nothing (0.6 code uses this to leak a signal on purpose).
    let leaked = with_owner(Owner::from_ffi(u64::MAX), || create_rw_signal(3));
    owner.dispose();
    assert_eq!(leaked.try_get(), Some(3));
    leaked.dispose();

    let (a, set_a) = create_signal(0);
    let seen = Rc::new(Cell::new(0));
    let s = seen.clone();
    let effect = create_render_effect(move |_| s.set(a.get()));
    let disposer = Disposer::from(effect);
    set_a.set(1);
    assert_eq!(seen.get(), 1);
    drop(disposer);
    set_a.set(2);
    assert_eq!(seen.get(), 1, "the effect was disposed with its disposer");

    let o: Oco<'static, str> = Oco::from("x");
    let owned = String::from("x");
    assert!("x" == o && *"x" == o && owned == o);
    assert!(o == std::borrow::Cow::Borrowed("x") && std::borrow::Cow::Borrowed("x") == o);

    let prop: MaybeProp<i32> = Some(4).into();
    assert_eq!(prop.try_with_untracked(|n| n + 1), Some(5));
    runtime.dispose();
}

/// Resources, `spawn_local`, `SuspenseContext` and
/// `create_signal_from_stream` at their 0.6 paths in the reactive crate (libraries that depend on `leptos_reactive` alone use
/// them there). Outside the browser a future runs to completion before
/// `spawn_local` returns, as in 0.6 without a server feature.
#[test]
fn resources_and_spawn_local_from_the_reactive_crate() {
    use larkspur_reactive::{create_resource, spawn_local, Resource, SuspenseContext};
    let _runtime = create_runtime();
    let (id, set_id) = create_signal(1);
    let user: Resource<i32, String> =
        create_resource(move || id.get(), |id| async move { format!("user {id}") });
    assert_eq!(user.get().as_deref(), Some("user 1"));
    set_id.set(2);
    assert_eq!(user.get().as_deref(), Some("user 2"));
    assert!(!user.loading().get());

    let (done, set_done) = create_signal(false);
    spawn_local(async move { set_done.set(true) });
    assert!(done.get_untracked());

    let suspense = SuspenseContext::new();
    suspense.add_pending();
    assert_eq!(suspense.pending_resources.get_untracked(), 1);
    suspense.remove_pending();
    let (ready, set_ready) = create_signal(false);
    spawn_local(async move {
        suspense.to_future().await;
        set_ready.set(true);
    });
    assert!(ready.get_untracked());

    struct Three(u32);
    impl futures_core::Stream for Three {
        type Item = u32;
        fn poll_next(
            mut self: std::pin::Pin<&mut Self>,
            _: &mut std::task::Context<'_>,
        ) -> std::task::Poll<Option<u32>> {
            self.0 += 1;
            std::task::Poll::Ready((self.0 <= 3).then_some(self.0))
        }
    }
    let latest = larkspur_reactive::create_signal_from_stream(Three(0));
    assert_eq!(latest.get_untracked(), Some(3));
}

/// Module paths 0.6 code imports from: `callback`, `oco`, `suspense`, the
/// prelude's stream items and `TextProp`, and `queue_microtask` (natively
/// it runs at once, as in 0.6).
#[test]
fn module_paths_from_0_6() {
    use larkspur_reactive::callback::{Callable, Callback, SyncCallback};
    use larkspur_reactive::oco::Oco;
    use larkspur_reactive::prelude::{create_signal_from_stream, SignalStream, TextProp};
    use larkspur_reactive::suspense::SuspenseContext;
    let _runtime = create_runtime();
    let double: SyncCallback<i32, i32> = Callback::new(|n| n * 2);
    assert_eq!(double.call(2), 4);
    assert_eq!(Oco::from("x"), "x");
    assert_eq!(TextProp::from("t").get(), "t");
    assert_eq!(SuspenseContext::new().pending(), 0);
    struct Done;
    impl futures_core::Stream for Done {
        type Item = i32;
        fn poll_next(
            self: std::pin::Pin<&mut Self>,
            _: &mut std::task::Context<'_>,
        ) -> std::task::Poll<Option<i32>> {
            std::task::Poll::Ready(None)
        }
    }
    assert_eq!(create_signal_from_stream(Done).get_untracked(), None);
    let (seen, set_seen) = create_signal(0);
    drop(seen.to_stream());
    larkspur_reactive::queue_microtask(move || set_seen.set(1));
    assert_eq!(seen.get_untracked(), 1);
}

/// probe43 (a Tetris app's board): Leptos 0.6 on nightly makes signals and
/// setters closures, so `memo.into_signal()`, `set.into_signal_setter()`
/// and a setter as a `Callback` prop compile there; here they failed with
/// a lifetime error (the call-syntax `Deref` to `dyn Fn` was picked).
#[test]
fn signals_and_setters_convert_as_nightly_closures_do() {
    create_root(|_| {
        let (count, set_count) = create_signal(1);
        let rw = create_rw_signal(2);
        let tenfold = create_memo(move |_| count.get() * 10);
        let a: Signal<i32> = tenfold.into_signal();
        let b: Signal<i32> = count.into_signal();
        let c: Signal<i32> = rw.into_signal();
        let d: Signal<i32> = a.into_signal();
        let e: Signal<i32> = MaybeSignal::Static(7).into_signal();
        let f: Signal<i32> = MaybeSignal::from(count).into_signal();
        let derived = Signal::derive(tenfold);
        let maybe = MaybeSignal::derive(rw);
        let set: SignalSetter<i32> = set_count.into_signal_setter();
        let set_again: SignalSetter<i32> = set.into_signal_setter();
        set_again.set(3);
        assert_eq!(
            [a.get(), b.get(), c.get(), d.get(), e.get(), f.get()],
            [30, 3, 2, 30, 7, 3]
        );
        assert_eq!((derived.get(), maybe.get()), (30, 2));
        let on_change: Callback<i32> = set_count.into();
        on_change.call(4);
        assert_eq!(count.get(), 4);
        // Text props take a signal of text (`<Title text=title/>`).
        let (title, set_title) = create_signal(String::from("Home"));
        let text: TextProp = title.into();
        let from_memo: TextProp = create_memo(move |_| format!("{} page", title.get())).into();
        set_title.set("About".into());
        assert_eq!(
            (text.get(), from_memo.get()),
            ("About".into(), "About page".into())
        );
        let from_setter = Callback::from(set);
        from_setter.call(5);
        assert_eq!(b.get(), 5);
    });
}

/// `Signal::derive` takes `impl Source<T>` so that it also takes a signal;
/// closures must still infer their result from the signal's type, as with
/// 0.6's `impl Fn() -> T` (bodies ending in `.into()` included).
#[test]
fn derived_closures_infer_their_result_from_the_signal_type() {
    create_root(|_| {
        let (count, _) = create_signal(1);
        let (name, _) = create_signal(String::from("a"));
        let doubled = Signal::derive(move || count.get() * 2);
        let text: Signal<String> = Signal::derive(move || format!("#{}", count.get()));
        let oco: Signal<Oco<'static, str>> = Signal::derive(move || name.get().into());
        let upper: MaybeSignal<String> = MaybeSignal::derive(move || name.get().to_uppercase());
        let constant = Signal::derive(|| 5);
        assert_eq!(doubled.get(), 2);
        assert_eq!(text.get(), "#1");
        assert_eq!(oco.get(), "a");
        assert_eq!(upper.get(), "A");
        assert_eq!(constant.get(), 5);
    });
}
