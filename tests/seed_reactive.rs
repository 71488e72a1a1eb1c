//! The appendix "How does the Reactive System Work?": simple chains, split
//! branches, the diamond, and derived signals, with the effects' log
//! captured. Effects first run a tick after creation (`flush()` here), as a
//! component's would after mounting; the writes then happen "later".
#![cfg(target_arch = "wasm32")]

use std::cell::RefCell;
use std::rc::Rc;

use larkspur::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

thread_local! {
    static LOG: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
}

/// The appendix's `log!`, recorded so the test can read it back.
macro_rules! log {
    ($($t:tt)*) => {{
        let line = format!($($t)*);
        larkspur::logging::log!("{}", line);
        LOG.with(|l| l.borrow_mut().push(line));
    }};
}

fn take_log() -> Vec<String> {
    LOG.with(|l| std::mem::take(&mut *l.borrow_mut()))
}

#[wasm_bindgen_test]
fn simple_dependencies() {
    take_log();
    let set_name = create_root(|_| {
        // A
        let (name, set_name) = create_signal("Alice");

        // B
        let name_upper = create_memo(move |_| name.with(|n| n.to_uppercase()));

        // C
        create_effect(move |_| {
            log!("{}", name_upper());
        });
        set_name
    });
    flush();
    assert_eq!(take_log(), ["ALICE"]);

    set_name("Bob");
    assert_eq!(take_log(), ["BOB"]);
}

#[wasm_bindgen_test]
fn splitting_branches() {
    take_log();
    let set_name = create_root(|_| {
        // A
        let (name, set_name) = create_signal("Alice");

        // B
        let name_upper = create_memo(move |_| name.with(|n| n.to_uppercase()));

        // C
        let name_len = create_memo(move |_| name.len());

        // D
        create_effect(move |_| {
            log!("len = {}", name_len());
        });

        // E
        create_effect(move |_| {
            log!("name = {}", name_upper());
        });
        set_name
    });
    flush();
    assert_eq!(take_log(), ["len = 5", "name = ALICE"]);

    set_name("Bob");
    // "We immediately log len = 3, name = BOB"
    assert_eq!(take_log(), ["len = 3", "name = BOB"]);

    set_name("Tim");
    // "len = 3 does not log again."
    assert_eq!(take_log(), ["name = TIM"]);
}

#[wasm_bindgen_test]
fn reuniting_branches_runs_the_diamond_once() {
    take_log();
    let set_name = create_root(|_| {
        // A
        let (name, set_name) = create_signal("Alice");

        // B
        let name_upper = create_memo(move |_| name.with(|n| n.to_uppercase()));

        // C
        let name_len = create_memo(move |_| name.len());

        // D
        create_effect(move |_| {
            log!("{} is {} characters long", name_upper(), name_len());
        });
        set_name
    });
    flush();
    assert_eq!(take_log(), ["ALICE is 5 characters long"]);

    set_name("Bob");
    // Once, and never with one memo stale.
    assert_eq!(take_log(), ["BOB is 3 characters long"]);
}

#[wasm_bindgen_test]
fn signals_always_notify_memos_only_on_change() {
    take_log();
    let runs = Rc::new(RefCell::new(0));
    let (set_n, memo_runs) = {
        let runs = runs.clone();
        create_root(move |_| {
            let (n, set_n) = create_signal(4);
            let parity = create_memo(move |_| n() % 2);
            let direct = runs.clone();
            create_effect(move |_| {
                n();
                *direct.borrow_mut() += 1;
            });
            let memo_runs = Rc::new(RefCell::new(0));
            let counted = memo_runs.clone();
            create_effect(move |_| {
                parity();
                *counted.borrow_mut() += 1;
            });
            (set_n, memo_runs)
        })
    };
    flush();
    assert_eq!((*runs.borrow(), *memo_runs.borrow()), (1, 1));
    set_n(4); // same value: the signal still notifies
    assert_eq!(*runs.borrow(), 2);
    set_n(6); // parity unchanged: the memo does not notify
    assert_eq!(*memo_runs.borrow(), 1);
    set_n(7);
    assert_eq!(*memo_runs.borrow(), 2);
}

#[wasm_bindgen_test]
fn derived_signals_and_a_memo_before_the_gold() {
    let engraved = Rc::new(RefCell::new(Vec::<String>::new()));
    let bar = engraved.clone();
    let engrave_text_into_bar_of_gold = move |text: &&str| bar.borrow_mut().push(text.to_string());

    let (a, set_a) = create_signal(1);
    // none of these make sense as memos
    let b = move || a() + 2;
    let c = move || b() % 2 == 0;
    let d = move || if c() { "even" } else { "odd" };

    assert_eq!((b(), c(), d()), (3, false, "odd"));
    set_a(2);
    assert_eq!((b(), c(), d()), (4, true, "even"));
    set_a(3);
    assert_eq!(d(), "odd");
    set_a(5);
    assert_eq!((b(), d()), (7, "odd"));

    set_a(1);
    create_root(move |_| {
        let text = create_memo(move |_| d());
        create_effect(move |_| {
            engrave_text_into_bar_of_gold(&text());
        });
    });
    flush();
    set_a(2);
    set_a(3);
    set_a(5); // "odd" again: the memo does not notify, nothing is engraved
    assert_eq!(*engraved.borrow(), ["odd", "even", "odd"]);
}
