//! Leptos 0.6 code often imports the signal traits by name
//! (`use leptos::{SignalGet, SignalSet};`), many crates under
//! `#![deny(warnings)]`. The accessors are the traits' methods, as in 0.6,
//! so those imports are used: with inherent methods this file would not
//! compile (`unused_imports` is denied below).
#![deny(unused_imports)]

use larkspur_reactive::{
    create_memo, create_rw_signal, create_signal, MaybeProp, MaybeSignal, Signal, SignalDispose,
    SignalGet, SignalGetUntracked, SignalSet, SignalSetUntracked, SignalUpdate,
    SignalUpdateUntracked, SignalWith, SignalWithUntracked,
};

#[test]
fn named_trait_imports_are_what_the_calls_use() {
    let (count, set_count) = create_signal(1);
    set_count.set(2);
    set_count.update(|n| *n += 1);
    assert_eq!(count.get(), 3);
    assert_eq!(count.with(|n| n * 2), 6);
    assert_eq!(count.get_untracked(), 3);
    assert_eq!(count.with_untracked(|n| n + 1), 4);

    let rw = create_rw_signal(String::from("a"));
    rw.set_untracked(String::from("b"));
    rw.update_untracked(|s| s.push('c'));
    assert_eq!(rw.get(), "bc");
    assert_eq!(rw.try_get(), Some(String::from("bc")));

    let doubled = create_memo(move |_| count.get() * 2);
    assert_eq!(doubled.get(), 6);
    let derived: Signal<i32> = Signal::derive(move || doubled.get() + 1);
    assert_eq!(derived.get(), 7);
    let fixed: MaybeSignal<i32> = 5.into();
    assert_eq!(fixed.get(), 5);
    let prop: MaybeProp<i32> = count.into();
    assert_eq!(prop.get(), Some(3));

    rw.dispose();
    assert_eq!(rw.try_get(), None);
    assert_eq!(rw.try_set(String::new()), Some(String::new()));
}
