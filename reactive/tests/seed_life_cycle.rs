//! The scenarios of the seed's appendix "The Life Cycle of a Signal".

mod common;
use common::Log;
use larkspur_reactive::*;

/// The seed's App / InnerComponent / OddDuck example, written as the tree of
/// nested effects the renderer would build. Effects created in the odd
/// branch are cancelled when count becomes even.
#[test]
fn decision_tree_disposes_inner_effects_when_count_goes_even() {
    common::as_in_the_browser();
    let out = Log::new();
    let baseline = live_node_count();
    let root = create_root(|root| {
        let (count, set_count) = create_signal(0usize);
        let o = out.clone();
        // the renderer wraps an effect around the `move || if count() ...`
        create_render_effect(move |_| {
            if count() % 2 == 0 {
                log!(o, "render even <p>");
            } else {
                // the user created an effect to log the count
                let o2 = o.clone();
                create_effect(move |_| {
                    log!(o2, "count is odd and is {}", count());
                });
                log!(o, "render <p> from OddDuck");
                // the renderer creates an effect to update the second <p>
                let o3 = o.clone();
                create_render_effect(move |_| {
                    log!(o3, "p2 = {}", count.get());
                });
                let o4 = o.clone();
                on_cleanup(move || log!(o4, "odd branch unmounted"));
            }
        });
        (root, set_count)
    });
    let (root, set_count) = root;
    assert_eq!(out.take(), ["render even <p>"]);
    let even_nodes = live_node_count();

    set_count(1);
    assert_eq!(out.take(), ["render <p> from OddDuck", "p2 = 1"]);
    flush(); // "a tick after the rest of the component"
    assert_eq!(out.take(), ["count is odd and is 1"]);
    assert_eq!(live_node_count(), even_nodes + 2);

    set_count(2);
    // The branch effect is older than the inner effects, so it runs first and
    // disposes them: they never see count == 2.
    assert_eq!(out.take(), ["odd branch unmounted", "render even <p>"]);
    assert_eq!(live_node_count(), even_nodes);

    set_count(3);
    flush();
    assert_eq!(
        out.take(),
        ["render <p> from OddDuck", "p2 = 3", "count is odd and is 3"]
    );
    set_count(5);
    assert_eq!(
        out.take(),
        ["odd branch unmounted", "render <p> from OddDuck", "p2 = 5"]
    );
    flush();
    assert_eq!(out.take(), ["count is odd and is 5"]);

    root.dispose();
    assert_eq!(out.take(), ["odd branch unmounted"]);
    assert_eq!(live_node_count(), baseline);
    set_count(6); // writing a disposed signal is a no-op
    assert!(out.take().is_empty());
}

/// Signals created in a branch belong to the branch: they are disposed when
/// the decision changes, even if a copy of the handle escaped upward.
#[test]
fn signal_stored_higher_up_is_disposed_with_its_owner() {
    let (show, set_show) = create_signal(true);
    let escaped: StoredValue<Option<RwSignal<i32>>> = store_value(None);
    create_render_effect(move |_| {
        if show() {
            let local = create_rw_signal(42);
            escaped.set_value(Some(local));
        }
    });
    let local = escaped.get_value().expect("created");
    assert_eq!(local.get(), 42);
    set_show(false);
    // The branch re-ran: `local` was disposed although we still hold it.
    assert_eq!(local.try_get(), None);
    assert_eq!(local.try_set(1), Some(1));
    let panic = std::panic::catch_unwind(|| local.get()).expect_err("reading panics");
    // Debug builds format the sites into a String; release panics with a &str.
    let message = panic
        .downcast_ref::<String>()
        .cloned()
        .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
        .expect("a panic message");
    assert!(message.contains("disposed"), "{message}");
}

/// The todo-list leak: signals created higher up and stored in a collection
/// live as long as their owner unless they are disposed manually.
#[test]
fn leaking_signals_in_a_collection_until_disposed_manually() {
    create_root(|root| {
        let todos: RwSignal<Vec<RwSignal<String>>> = create_rw_signal(Vec::new());
        let baseline = live_node_count();
        for i in 0..10 {
            let todo = create_rw_signal(format!("todo {i}"));
            todos.update(|v| v.push(todo));
        }
        assert_eq!(live_node_count(), baseline + 10);

        // Removing from the list without disposing leaks the signal...
        let removed = todos.try_update(|v| v.remove(0)).expect("alive");
        assert_eq!(live_node_count(), baseline + 10);
        assert_eq!(removed.get(), "todo 0");

        // ...until it is disposed manually.
        removed.dispose();
        assert_eq!(live_node_count(), baseline + 9);
        let rest = todos.get();
        for todo in rest {
            todo.dispose();
        }
        todos.set(Vec::new());
        assert_eq!(live_node_count(), baseline);

        // Hoisting: the owner disposes everything it created at once.
        let before_root_dispose = todos;
        root.dispose();
        assert_eq!(before_root_dispose.try_get(), None);
    });
}

/// "on unmount": cleanups run when the owner around a decision re-runs.
#[test]
fn on_cleanup_runs_on_rerun_and_dispose() {
    let out = Log::new();
    let (n, set_n) = create_signal(0);
    let o = out.clone();
    let effect = create_render_effect(move |_| {
        let v = n();
        let o = o.clone();
        on_cleanup(move || log!(o, "cleanup {v}"));
    });
    set_n(1);
    set_n(2);
    assert_eq!(out.take(), ["cleanup 0", "cleanup 1"]);
    effect.dispose();
    assert_eq!(out.take(), ["cleanup 2"]);
    set_n(3);
    assert!(out.take().is_empty());
}
