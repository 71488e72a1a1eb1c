//! The scenarios of the seed's appendix "How does the Reactive System Work?".

mod common;
use common::Log;
use larkspur_reactive::*;

#[test]
fn simple_dependencies_a_b_c() {
    common::as_in_the_browser();
    let out = Log::new();
    // A
    let (name, set_name) = create_signal("Alice");
    // B
    let name_upper = create_memo(move |_| name.with(|n| n.to_uppercase()));
    // C
    let o = out.clone();
    create_effect(move |_| {
        log!(o, "{}", name_upper());
    });
    assert!(
        out.take().is_empty(),
        "create_effect runs after the current work"
    );
    flush();
    assert_eq!(out.take(), ["ALICE"]);

    set_name("Bob");
    assert_eq!(out.take(), ["BOB"]);
}

#[test]
fn splitting_branches_len_is_not_logged_again() {
    let out = Log::new();
    // A
    let (name, set_name) = create_signal("Alice");
    // B
    let name_upper = create_memo(move |_| name.with(|n| n.to_uppercase()));
    // C
    let name_len = create_memo(move |_| name.len());
    // D
    let o = out.clone();
    create_effect(move |_| {
        log!(o, "len = {}", name_len());
    });
    // E
    let o = out.clone();
    create_effect(move |_| {
        log!(o, "name = {}", name_upper());
    });
    flush();
    assert_eq!(out.take(), ["len = 5", "name = ALICE"]);

    set_name("Bob");
    assert_eq!(out.take(), ["len = 3", "name = BOB"]);

    set_name("Tim");
    assert_eq!(out.take(), ["name = TIM"], "len = 3 does not log again");
}

#[test]
fn reuniting_branches_diamond_runs_once_and_consistently() {
    let out = Log::new();
    // A
    let (name, set_name) = create_signal("Alice");
    // B
    let name_upper = create_memo(move |_| name.with(|n| n.to_uppercase()));
    // C
    let name_len = create_memo(move |_| name.len());
    // D
    let o = out.clone();
    create_effect(move |_| {
        log!(o, "{} is {} characters long", name_upper(), name_len());
    });
    flush();
    assert_eq!(out.take(), ["ALICE is 5 characters long"]);

    set_name("Bob");
    assert_eq!(out.take(), ["BOB is 3 characters long"]);

    set_name("Tim");
    assert_eq!(out.take(), ["TIM is 3 characters long"]);

    // A render effect over the same diamond behaves the same way.
    let o = out.clone();
    create_render_effect(move |_| {
        let (u, l) = (name_upper(), name_len());
        assert_eq!(u.len(), l, "never a half-updated graph");
        log!(o, "render {u} {l}");
    });
    assert_eq!(out.take(), ["render TIM 3"]);
    set_name("Alexandra");
    assert_eq!(
        out.take(),
        ["ALEXANDRA is 9 characters long", "render ALEXANDRA 9"]
    );
}

#[test]
fn memos_notify_only_on_change_signals_always_notify() {
    let out = Log::new();
    let (n, set_n) = create_signal(vec![1, 2, 3]);
    let len = create_memo(move |_| n.with(|v| v.len()));
    let o = out.clone();
    create_render_effect(move |_| log!(o, "signal {:?}", n()));
    let o = out.clone();
    create_render_effect(move |_| log!(o, "memo {}", len()));
    assert_eq!(out.take(), ["signal [1, 2, 3]", "memo 3"]);

    // Same value: the signal notifies anyway, the memo does not.
    set_n(vec![1, 2, 3]);
    assert_eq!(out.take(), ["signal [1, 2, 3]"]);

    // Mutation in place: no PartialEq needed for the signal.
    set_n.update(|v| {
        v.pop();
    });
    assert_eq!(out.take(), ["signal [1, 2]", "memo 2"]);

    // The memo's computation runs once however often it is read.
    let runs = std::rc::Rc::new(std::cell::Cell::new(0));
    let r = runs.clone();
    let sum = create_memo(move |_| {
        r.set(r.get() + 1);
        n.with(|v| v.iter().sum::<i32>())
    });
    for _ in 0..5 {
        assert_eq!(sum(), 3);
    }
    assert_eq!(runs.get(), 1);
    set_n(vec![5]);
    assert_eq!(sum.get() + sum.get(), 10);
    assert_eq!(runs.get(), 2);
}

#[test]
fn memos_vs_derived_signals() {
    let out = Log::new();
    let (a, set_a) = create_signal(1);
    // none of these make sense as memos
    let b = move || a() + 2;
    let c = move || b() % 2 == 0;
    let d = move || if c() { "even" } else { "odd" };

    let o = out.clone();
    create_render_effect(move |_| log!(o, "d = {}", d()));
    assert_eq!(out.take(), ["d = odd"]);

    set_a(2);
    set_a(3);
    set_a(5);
    // Derived signals are plain closures: the effect depends on `a` directly
    // and re-runs on every write.
    assert_eq!(out.take(), ["d = even", "d = odd", "d = odd"]);

    // Memoizing the final node before an expensive side effect.
    let text = create_memo(move |_| d());
    let o = out.clone();
    create_effect(move |_| {
        // engrave_text_into_bar_of_gold(&text());
        log!(o, "engrave {}", text());
    });
    flush();
    assert_eq!(out.take(), ["engrave odd"]);
    set_a(7); // still odd: the render effect runs, the engraving does not
    assert_eq!(out.take(), ["d = odd"]);
    set_a(8);
    assert_eq!(out.take(), ["d = even", "engrave even"]);
}
