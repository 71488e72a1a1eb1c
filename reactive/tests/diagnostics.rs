//! Disposed handles: panics name both locations, try_ returns None, writes warn.

use larkspur_reactive::*;
use std::cell::RefCell;

fn panic_message(f: impl FnOnce() + std::panic::UnwindSafe) -> String {
    let panic = std::panic::catch_unwind(f).expect_err("should panic");
    panic
        .downcast_ref::<String>()
        .cloned()
        .unwrap_or_else(|| panic.downcast_ref::<&str>().unwrap_or(&"?").to_string())
}

#[test]
fn reading_a_disposed_signal_names_creation_and_read_sites() {
    let (count, _) = create_signal(1);
    let created_line = line!() - 1;
    count.dispose();
    let message = panic_message(move || {
        count.get();
    });
    let read_line = line!() - 2;
    assert!(message.contains("disposed"), "{message}");
    // Release builds keep no locations (they cost binary size): a fixed message.
    if cfg!(debug_assertions) {
        assert!(
            message.contains(&format!("tests/diagnostics.rs:{read_line}")),
            "read site missing: {message}"
        );
        assert!(
            message.contains(&format!("tests/diagnostics.rs:{created_line}")),
            "creation site missing: {message}"
        );
    }
}

#[test]
fn every_reader_panics_or_returns_none_when_disposed() {
    let rw = create_rw_signal(String::from("x"));
    let memo = create_memo(move |_| rw.get());
    let stored = store_value(1);
    let derived = Signal::derive(move || rw.get());
    memo.dispose();
    stored.dispose();
    assert_eq!(memo.try_get(), None);
    assert_eq!(memo.try_with(|v| v.len()), None);
    assert_eq!(stored.try_get_value(), None);
    assert!(panic_message(move || {
        memo.with(|_| ());
    })
    .contains("memo"));
    assert!(panic_message(move || {
        stored.get_value();
    })
    .contains("stored value"));
    rw.dispose();
    assert_eq!(rw.try_get(), None);
    assert_eq!(rw.try_get_untracked(), None);
    assert_eq!(rw.try_with_untracked(|v| v.clone()), None);
    assert_eq!(rw.try_update(|v| v.push('y')), None);
    assert_eq!(rw.try_set("z".into()), Some(String::from("z")));
    assert!(panic_message(move || {
        derived.get();
    })
    .contains("disposed"));
    assert!(panic_message(move || {
        rw.get_untracked();
    })
    .contains("signal"));
}

thread_local! {
    static WARNINGS: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
}

fn capture(message: &str) {
    WARNINGS.with(|w| w.borrow_mut().push(message.to_string()));
}

#[test]
fn writing_a_disposed_signal_is_a_no_op_with_a_debug_warning() {
    set_warning_hook(capture);
    let (r, w) = create_signal(1);
    w.dispose();
    w.set(2);
    w.update(|v| *v += 1);
    w.set_untracked(3);
    let warnings = WARNINGS.with(|w| w.take());
    if cfg!(debug_assertions) {
        assert_eq!(warnings.len(), 3, "{warnings:?}");
        assert!(warnings[0].contains("tests/diagnostics.rs"), "{warnings:?}");
    } else {
        assert!(warnings.is_empty());
    }
    assert_eq!(r.try_get(), None);
}

#[test]
fn writing_through_a_disposed_signal_setter_warns_too() {
    set_warning_hook(capture);
    let owner = Owner::new_child();
    let (direct, mapped) = owner.with(|| {
        let (_, w) = create_signal(1);
        (
            SignalSetter::from(w),
            SignalSetter::map(move |v: i32| w.set(v)),
        )
    });
    owner.dispose();
    direct.set(2);
    mapped.set(3);
    mapped(4);
    let warnings = WARNINGS.with(|w| w.take());
    if cfg!(debug_assertions) {
        assert_eq!(warnings.len(), 3, "{warnings:?}");
        assert!(
            warnings.iter().all(|w| w.contains("disposed")),
            "{warnings:?}"
        );
    } else {
        assert!(warnings.is_empty());
    }
}

#[test]
fn call_syntax_on_a_disposed_signal_names_the_users_line() {
    let (count, set_count) = create_signal(1);
    count.dispose();
    let message = panic_message(move || {
        count();
    });
    if cfg!(debug_assertions) {
        let site = message.split("was attempted at ").nth(1).unwrap_or("");
        assert!(site.contains("tests/diagnostics.rs"), "{message}");
    }
    set_warning_hook(capture);
    let _ = WARNINGS.with(|w| w.take());
    set_count.dispose();
    set_count(2);
    let warnings = WARNINGS.with(|w| w.take());
    if cfg!(debug_assertions) {
        assert_eq!(warnings.len(), 1, "{warnings:?}");
        let site = warnings[0].split("was attempted at ").nth(1).unwrap_or("");
        assert!(site.contains("tests/diagnostics.rs"), "{warnings:?}");
    }
}

#[test]
fn call_syntax_on_a_disposed_callback_or_resource_names_the_users_line() {
    let owner = Owner::new_child();
    let (double, user) = owner.with(|| {
        (
            Callback::new(|n: i32| n * 2),
            create_local_resource(|| (), |_| async { 1 }),
        )
    });
    owner.dispose();
    for message in [
        panic_message(move || {
            double(2);
        }),
        panic_message(move || {
            user();
        }),
    ] {
        if cfg!(debug_assertions) {
            let site = message.split("was attempted at ").nth(1).unwrap_or("");
            assert!(site.contains("tests/diagnostics.rs"), "{message}");
        }
    }
}

#[test]
fn handles_are_copy_and_compare_by_identity() {
    fn assert_copy<T: Copy>() {}
    struct NotClone;
    assert_copy::<ReadSignal<NotClone>>();
    assert_copy::<WriteSignal<NotClone>>();
    assert_copy::<RwSignal<NotClone>>();
    assert_copy::<Memo<NotClone>>();
    assert_copy::<StoredValue<NotClone>>();
    assert_copy::<Effect<NotClone>>();
    assert_copy::<Selector<NotClone>>();
    assert_copy::<Signal<NotClone>>();
    assert_copy::<Trigger>();
    assert_copy::<Owner>();
    let a = create_rw_signal(NotClone);
    let b = create_rw_signal(NotClone);
    assert_eq!(a, a);
    assert_ne!(a, b);
    // A disposed slot is reused with a new generation: old handles stay dead.
    let (old, _) = create_signal(1);
    old.dispose();
    let (new, _) = create_signal(2);
    assert_eq!(old.try_get(), None);
    assert_eq!(new.get(), 2);
}

#[test]
#[should_panic(expected = "read while it is being updated")]
fn reading_a_signal_inside_its_own_update_names_the_mistake() {
    let (s, set_s) = create_signal(1);
    set_s.update(|v| *v = s.get() + 1);
}

#[test]
#[should_panic(expected = "written while it is being read")]
fn writing_a_signal_inside_its_own_with_names_the_mistake() {
    let s = create_rw_signal(1);
    s.with(|_| s.set(2));
}

/// A handler that reads a memo and writes its source inside the `with`:
/// the effects reading the memo run once the read is over.
#[test]
fn writing_a_memos_source_inside_its_with_runs_the_effects_after_the_read() {
    let (a, set_a) = create_signal(1);
    let double = create_memo(move |_| a.get() * 2);
    let seen = std::rc::Rc::new(std::cell::RefCell::new(Vec::new()));
    let log = seen.clone();
    create_render_effect(move |_| log.borrow_mut().push(double.get()));
    double.with(|d| set_a.set(*d + 1));
    assert_eq!(*seen.borrow(), [2, 6]);
    assert_eq!(double.get(), 6);
    // Also inside an outer batch: the effects run when the batch ends.
    batch(|| double.with(|d| set_a.set(*d)));
    assert_eq!(*seen.borrow(), [2, 6, 12]);
}

#[test]
fn writing_an_effects_source_inside_its_with_value_runs_it_after_the_read() {
    let (a, set_a) = create_signal(1);
    let effect = create_render_effect(move |_| a.get() * 10);
    let read = effect.with_value(|v| {
        let v = v.copied();
        set_a.set(2);
        v
    });
    assert_eq!(read, Some(Some(10)));
    assert_eq!(effect.with_value(|v| v.copied()), Some(Some(20)));
}

#[test]
fn rereading_a_memo_after_writing_its_source_inside_its_with_names_the_mistake() {
    let (a, set_a) = create_signal(1);
    let double = create_memo(move |_| a.get() * 2);
    let message = panic_message(move || {
        double.with(|_| {
            set_a.set(2);
            double.get()
        });
    });
    assert!(message.contains("a memo was recomputed"), "{message}");
    if cfg!(debug_assertions) {
        // The memo's creation site.
        assert!(message.contains("tests/diagnostics.rs"), "{message}");
    }
}

#[test]
fn creating_under_a_disposed_owner_warns_in_debug_builds() {
    set_warning_hook(capture);
    let owner = Owner::new_child();
    owner.dispose();
    let baseline = live_node_count();
    let s = owner.with(|| create_rw_signal(1));
    // The signal still works (it has no owner now) ...
    s.set(2);
    assert_eq!(s.get_untracked(), 2);
    let warnings = WARNINGS.with(|w| w.take());
    if cfg!(debug_assertions) {
        assert_eq!(warnings.len(), 1, "{warnings:?}");
        assert!(
            warnings[0].contains("owner was already disposed"),
            "{warnings:?}"
        );
        assert!(warnings[0].contains("tests/diagnostics.rs"), "{warnings:?}");
    }
    // ... and is freed by hand.
    s.dispose();
    assert_eq!(live_node_count(), baseline);
}

/// An overlapping read or write names the value (what it is, where it was
/// created) and the line of the access.
#[test]
fn overlapping_accesses_name_the_value_and_the_access() {
    let stored = store_value(1);
    let created = line!() - 1;
    let message = panic_message(move || {
        stored.update_value(|_| stored.update_value(|v| *v += 1));
    });
    let used = line!() - 2;
    assert!(
        message.contains(&format!(
            "the stored value created at {}:{created}",
            file!()
        )),
        "{message}"
    );
    assert!(
        message.contains(&format!("{}:{used}", file!())),
        "{message}"
    );

    let s = create_rw_signal(1);
    let created = line!() - 1;
    let message = panic_message(move || {
        s.with(|_| s.set(2));
    });
    let used = line!() - 2;
    assert!(
        message.contains(&format!("the signal created at {}:{created}", file!())),
        "{message}"
    );
    assert!(
        message.contains(&format!("{}:{used}", file!())),
        "{message}"
    );
}

/// A node created under an owner that was disposed is owned by nothing: a
/// debug warning says so. Under a number that never named an owner
/// (`Owner::from_ffi(u64::MAX)`, which 0.6 code uses to leak a signal on
/// purpose) the same happens without the warning.
#[test]
fn only_a_disposed_owner_warns_about_unowned_nodes() {
    set_warning_hook(capture);
    let _ = WARNINGS.with(|w| w.take());
    let leaked = with_owner(Owner::from_ffi(u64::MAX), || create_rw_signal(3));
    assert!(WARNINGS.with(|w| w.take()).is_empty());
    leaked.dispose();

    let owner = Owner::new_child();
    owner.dispose();
    let late = with_owner(owner, || create_rw_signal(3));
    let warnings = WARNINGS.with(|w| w.take());
    if cfg!(debug_assertions) {
        assert_eq!(warnings.len(), 1, "{warnings:?}");
        assert!(warnings[0].contains("already disposed"), "{warnings:?}");
    }
    late.dispose();
}

/// An owning memo that reads itself while it computes (its value is moved
/// into its function meanwhile: a dependency cycle through a stored
/// handle) panics naming the memo and the cycle, not with an internal
/// message (helper-113). (A plain memo read so sees its last value.)
#[test]
fn an_owning_memo_read_while_it_computes_names_the_cycle() {
    let (n, set_n) = create_signal(1);
    let me = store_value(None::<Memo<i32>>);
    let memo = create_owning_memo(move |_: Option<i32>| {
        (n.get() + me.get_value().map_or(0, |m| m.get()), true)
    });
    let created = line!() - 3;
    me.set_value(Some(memo));
    let message = panic_message(move || {
        set_n.set(2);
        memo.get();
    });
    assert!(message.contains("it depends on itself"), "{message}");
    assert!(
        message.contains(&format!("the memo created at {}:{created}", file!())),
        "{message}"
    );
}

/// `Effect::with_value` inside the same effect's `with_value_mut` gives
/// `None`, as `with_value_mut` does inside `with_value` (helper-113).
#[test]
fn effect_value_reads_inside_its_own_mutable_access_give_none() {
    let e = create_render_effect(|_| 1);
    assert_eq!(
        e.with_value_mut(|_| e.with_value(|v| v.copied())),
        Some(None)
    );
    assert_eq!(e.with_value(|_| e.with_value_mut(|v| *v)), Some(None));
}
