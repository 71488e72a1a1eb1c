//! Call syntax on stable: `count()`, `set_count(3)`, derived closures, `selected() == index`.

mod common;
use common::Log;
use larkspur_reactive::*;

#[test]
fn signals_can_be_called_like_functions() {
    let (count, set_count) = create_signal(0);
    set_count(3);
    assert_eq!(count(), 3);
    let rw = create_rw_signal(String::from("a"));
    assert_eq!(rw(), "a");
    let memo = create_memo(move |_| count() * 2);
    assert_eq!(memo(), 6);
    let sig: Signal<i32> = memo.into();
    assert_eq!(sig(), 6);
    let derived = Signal::derive(move || count() + 1);
    assert_eq!(derived(), 4);
}

#[test]
fn call_syntax_is_tracked() {
    let out = Log::new();
    let (name, set_name) = create_signal("Alice");
    let name_upper = create_memo(move |_| name.with(|n| n.to_uppercase()));
    let o = out.clone();
    create_render_effect(move |_| log!(o, "{}", name_upper()));
    set_name("Bob");
    assert_eq!(out.take(), ["ALICE", "BOB"]);
}

#[test]
fn the_seed_derived_signal_chain() {
    let (a, set_a) = create_signal(1);
    let b = move || a() + 2;
    let c = move || b() % 2 == 0;
    let d = move || if c() { "even" } else { "odd" };
    assert_eq!(d(), "odd");
    set_a(2);
    assert_eq!(d(), "even");
}

#[test]
fn selected_comparison_in_the_seed_style() {
    let (selected, set_selected) = create_signal(1usize);
    let index = 1usize;
    assert!(selected() == index);
    set_selected(2);
    assert!(selected() != index);
}

#[test]
fn setter_passed_where_a_function_is_expected() {
    let (count, set_count) = create_signal(0);
    fn call_with(f: &dyn Fn(i32), v: i32) {
        f(v)
    }
    call_with(&*set_count, 5);
    assert_eq!(count(), 5);
    let getters: Vec<&dyn Fn() -> i32> = vec![&*count];
    assert_eq!(getters[0](), 5);
}

#[test]
fn many_handles_each_call_their_own_node() {
    // Guards the layout argument: a reinterpreted handle must call *its*
    // node, for every slot index and generation, in every handle type.
    let mut pairs = Vec::new();
    for i in 0..1000u32 {
        let (r, w) = create_signal(i);
        if i % 3 == 0 {
            r.dispose();
            let (r2, w2) = create_signal(i + 1_000_000); // reuses the slot
            pairs.push((r2, w2, i + 1_000_000));
        } else {
            pairs.push((r, w, i));
        }
    }
    for (r, w, v) in &pairs {
        assert_eq!(r(), *v);
        w(v + 1);
        assert_eq!(r.get(), v + 1);
    }
    let memos: Vec<_> = pairs
        .iter()
        .map(|(r, _, _)| {
            let r = *r;
            create_memo(move |_| r() * 2)
        })
        .collect();
    for ((_, _, v), m) in pairs.iter().zip(&memos) {
        assert_eq!(m(), (v + 1) * 2);
    }
}

#[test]
fn closure_layout_matches_handle_layout() {
    let (r, _) = create_signal(0u8);
    let (closure, handle) = closure_size_of_read(r);
    assert_eq!(closure, handle);
    // A by-reference capture would be pointer-sized and pointer-aligned;
    // the handle is not both, so the compile-time check would reject it.
    let ptr = (
        std::mem::size_of::<&ReadSignal<u8>>(),
        std::mem::align_of::<&ReadSignal<u8>>(),
    );
    let own = (
        std::mem::size_of::<ReadSignal<u8>>(),
        std::mem::align_of::<ReadSignal<u8>>(),
    );
    assert_ne!(ptr, own);
}

#[test]
fn name_len_compiles_and_is_reactive() {
    let (name, set_name) = create_signal("Alice");
    let name_len = create_memo(move |_| name.len());
    assert_eq!(name_len(), 5);
    set_name("Bob");
    assert_eq!(name_len(), 3);
    let (items, set_items) = create_signal(vec![1, 2]);
    let empty = create_memo(move |_| items.is_empty());
    assert!(!empty());
    set_items(vec![]);
    assert!(empty());
}

/// A `SignalSetter` (from `create_slice` or `.into()`) is called like a
/// `WriteSignal`: `set_is_logged(true)`, as in Leptos 0.6 on nightly.
#[test]
fn signal_setters_can_be_called() {
    let _rt = create_runtime();
    let state = create_rw_signal((0, false));
    let (logged, set_logged) = create_slice(state, |s| s.1, |s, v| s.1 = v);
    set_logged(true);
    assert!(logged());
    let (count, set_count) = create_signal(1);
    let direct: SignalSetter<i32> = set_count.into();
    direct(5);
    assert_eq!(count(), 5);
    let mapped = SignalSetter::map(move |n: i32| set_count.set(n * 2));
    mapped(4);
    assert_eq!(count(), 8);
    // A default setter does nothing.
    SignalSetter::<i32>::default()(3);
    assert_eq!(count(), 8);
}

/// Call syntax on `MaybeSignal` and `MaybeProp`, whose values need not be
/// `Copy` (a static `String` is held in the handle itself).
#[test]
fn maybe_signals_and_maybe_props_can_be_called() {
    let fixed: MaybeSignal<String> = MaybeSignal::Static(String::from("fixed"));
    assert_eq!(fixed(), "fixed");
    assert_eq!(fixed(), "fixed");
    let (count, set_count) = create_signal(2);
    let dynamic: MaybeSignal<i32> = count.into();
    assert_eq!(dynamic(), 2);
    set_count(3);
    assert_eq!(dynamic(), 3);
    let prop: MaybeProp<String> = MaybeProp::from(String::from("p"));
    assert_eq!(prop().as_deref(), Some("p"));
    let none: MaybeProp<i32> = MaybeProp::default();
    assert_eq!(none(), None);
    // The handle is still whole after many calls (nothing was moved out or
    // dropped by them).
    drop(fixed);
    drop(prop);
}

/// Calling an owned `MaybeSignal` while a reference into its heap value is
/// alive (checked under Miri's Stacked Borrows: no copy of the `Box` may be
/// made behind the caller's back).
#[test]
fn an_owned_maybe_signal_called_while_its_value_is_borrowed() {
    let m: MaybeSignal<Box<str>> = MaybeSignal::Static("hi".into());
    let inner: &str = match &m {
        MaybeSignal::Static(s) => s,
        MaybeSignal::Dynamic(_) => unreachable!(),
    };
    let got = m();
    assert_eq!(&*got, inner);
    let p: MaybeProp<String> = MaybeProp::from("there".to_string());
    assert_eq!(p().as_deref(), Some("there"));
}
