//! Context through the owner chain, shadowing, and cleanup order.

mod common;
use common::Log;
use larkspur_reactive::*;

#[derive(Clone, Debug, PartialEq)]
struct Theme(&'static str);

#[test]
fn context_is_found_through_the_owner_chain_and_can_be_shadowed() {
    create_root(|_| {
        provide_context(Theme("light"));
        assert_eq!(use_context::<Theme>(), Some(Theme("light")));
        assert_eq!(use_context::<u8>(), None);

        let child = Owner::new_child();
        child.with(|| {
            assert_eq!(use_context::<Theme>(), Some(Theme("light")));
            provide_context(Theme("dark"));
            assert_eq!(expect_context::<Theme>(), Theme("dark"));
            let grandchild = Owner::new_child();
            grandchild.with(|| assert_eq!(use_context::<Theme>(), Some(Theme("dark"))));
        });
        // The shadowing is local to the child.
        assert_eq!(use_context::<Theme>(), Some(Theme("light")));

        // Effects and memos see the context of the owner they were created in.
        let (n, set_n) = create_signal(0);
        let out = Log::new();
        let o = out.clone();
        create_render_effect(move |_| {
            n.track();
            log!(o, "{:?}", use_context::<Theme>());
        });
        child.with(|| {
            let o = out.clone();
            create_render_effect(move |_| {
                n.track();
                log!(o, "{:?}", use_context::<Theme>());
            });
        });
        set_n(1);
        assert_eq!(
            out.take(),
            [
                "Some(Theme(\"light\"))",
                "Some(Theme(\"dark\"))",
                "Some(Theme(\"light\"))",
                "Some(Theme(\"dark\"))"
            ]
        );
        // Providing again on the same owner replaces the value.
        provide_context(Theme("sepia"));
        assert_eq!(use_context::<Theme>(), Some(Theme("sepia")));
    });
}

#[test]
fn context_provided_by_an_effect_is_reset_on_rerun() {
    let (n, set_n) = create_signal(0u32);
    let seen = Log::new();
    let s = seen.clone();
    create_render_effect(move |_| {
        log!(s, "{:?}", use_context::<u32>());
        provide_context(n());
    });
    set_n(5);
    assert_eq!(seen.take(), ["None", "None"]);
}

#[test]
#[should_panic(expected = "expect_context::<context::Theme>() found no context")]
fn expect_context_names_the_type() {
    create_root(|_| expect_context::<Theme>());
}

#[test]
fn expect_context_names_the_caller_location() {
    let panic = std::panic::catch_unwind(|| create_root(|_| expect_context::<u16>()))
        .expect_err("missing context");
    let message = panic.downcast_ref::<String>().expect("message");
    assert!(message.contains("u16"), "{message}");
    assert!(message.contains("tests/context.rs"), "{message}");
}

#[test]
fn disposal_runs_children_first_then_own_cleanups_in_order() {
    let out = Log::new();
    let root = create_root(|root| {
        let o = out.clone();
        on_cleanup(move || log!(o, "root cleanup 1"));
        let a = Owner::new_child();
        a.with(|| {
            let o = out.clone();
            on_cleanup(move || log!(o, "a cleanup"));
            let a1 = Owner::new_child();
            let o = out.clone();
            a1.with(|| on_cleanup(move || log!(o, "a1 cleanup")));
        });
        let o = out.clone();
        create_render_effect(move |_| {
            let o = o.clone();
            on_cleanup(move || log!(o, "effect cleanup"));
        });
        let o = out.clone();
        on_cleanup(move || log!(o, "root cleanup 2"));
        root
    });
    root.dispose();
    assert_eq!(
        out.take(),
        [
            "a1 cleanup",
            "a cleanup",
            "effect cleanup",
            "root cleanup 1",
            "root cleanup 2"
        ]
    );
    root.dispose(); // twice is harmless
    assert!(out.take().is_empty());
}

#[test]
fn cleanups_can_still_read_signals_of_the_disposed_owner() {
    let out = Log::new();
    let owner = Owner::new_child();
    let o = out.clone();
    let sig = owner.with(|| {
        let (count, _) = create_signal(7);
        on_cleanup(move || log!(o, "count was {}", count.get_untracked()));
        count
    });
    owner.dispose();
    assert_eq!(out.take(), ["count was 7"]);
    assert_eq!(sig.try_get(), None);
}

#[test]
fn owner_with_does_not_track() {
    let out = Log::new();
    let (a, set_a) = create_signal(0);
    let owner = Owner::new_child();
    let o = out.clone();
    create_render_effect(move |_| {
        log!(o, "outer");
        owner.with(|| a.get()); // not a dependency of the outer effect
    });
    set_a(1);
    assert_eq!(out.take(), ["outer"]);
    assert_eq!(Owner::current(), None);
    create_root(|root| {
        assert_eq!(Owner::current(), Some(root));
        let child = Owner::new_child();
        child.with(|| assert_eq!(Owner::current(), Some(child)));
        with_owner(root, || assert_eq!(Owner::current(), Some(root)));
        root.dispose();
        assert!(!child.is_alive());
    });
}

/// A context whose `Clone` reads a signal (and makes a node): the value is
/// cloned after the runtime's own state is released, so it works.
#[test]
fn a_context_whose_clone_reads_signals_can_be_used() {
    struct Tracked(ReadSignal<i32>);
    impl Clone for Tracked {
        fn clone(&self) -> Self {
            let _ = self.0.get_untracked();
            let _ = create_rw_signal(0);
            Tracked(self.0)
        }
    }
    create_root(|_| {
        let (n, _) = create_signal(7);
        provide_context(Tracked(n));
        let got = use_context::<Tracked>().expect("provided");
        assert_eq!(got.0.get_untracked(), 7);
    });
}

/// Leptos 0.6 runs event handlers, timers and futures under its runtime's
/// root: a memo or effect made there is that root's child and sees the
/// app's contexts, and `provide_context` there provides on it (probe42:
/// leptos_oidc creates an effect in a resource fetcher and calls
/// `expect_context` in it; it panicked on every page load).
#[test]
fn computations_made_where_no_owner_is_current_see_the_app_root_contexts() {
    let root = create_root(|owner| {
        provide_context(Theme("app"));
        owner
    });
    set_context_root(root);
    // Nothing is current, as in an on:click or a spawned future: 0.6 gives
    // its runtime's root there, Larkspur the app's.
    assert!(Owner::current_strict().is_none());
    assert!(Owner::current() == Some(root));
    let memo = create_memo(|_| use_context::<Theme>());
    assert_eq!(memo.get(), Some(Theme("app")));
    let seen = Log::new();
    let s = seen.clone();
    create_render_effect(move |_| {
        s.push(format!("{:?}", use_context::<Theme>()));
        // Made inside that effect: found through it.
        let inner = create_memo(|_| use_context::<u16>());
        s.push(format!("{:?}", inner.get_untracked()));
    });
    assert_eq!(seen.take(), ["Some(Theme(\"app\"))", "None"]);
    // Provided where no owner is current: it goes on the app's root.
    provide_context(9u16);
    assert_eq!(use_context::<u16>(), Some(9));
    root.with(|| assert_eq!(use_context::<u16>(), Some(9)));
    assert_eq!(create_memo(|_| use_context::<u16>()).get(), Some(9));
    // A root of its own sees only its own contexts.
    create_root(|_| assert_eq!(use_context::<Theme>(), None));
    root.dispose();
}

/// Contexts provided before any app or owner exists (in `main`, before
/// `mount_to_body`) are seen by every owner made later, after its own
/// ancestors' (Leptos 0.6 provides them on its runtime's root).
#[test]
fn contexts_provided_before_any_owner_are_seen_by_every_owner_later() {
    #[derive(Clone, PartialEq, Debug)]
    struct Db(u32);
    #[derive(Clone, PartialEq, Debug)]
    struct Shadowed(&'static str);
    // Nothing is current: a fresh thread, as `main` before the mount.
    provide_context(Db(1));
    provide_context(Shadowed("page"));
    assert_eq!(use_context::<Db>(), Some(Db(1)));
    create_root(|root| {
        assert_eq!(use_context::<Db>(), Some(Db(1)));
        provide_context(Shadowed("app"));
        let inner = Owner::new_child();
        inner.with(|| {
            assert_eq!(use_context::<Db>(), Some(Db(1)));
            assert_eq!(use_context::<Shadowed>(), Some(Shadowed("app")));
        });
        root.dispose();
    });
    // A second app sees them too.
    create_root(|root| {
        assert_eq!(use_context::<Shadowed>(), Some(Shadowed("page")));
        root.dispose();
    });
}
