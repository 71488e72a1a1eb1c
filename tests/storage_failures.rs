//! Persisted signals when storage fails: unavailable (throws on access),
//! full (setItem throws QuotaExceededError), corrupt or old-format data.
//! Each case keeps the app working in memory, reports through the error
//! signal, warns in the console, and never writes over stored data the
//! app could not read. `window.localStorage` is replaced on the test page
//! by an object that throws, and put back at the end of each test.
#![cfg(all(target_arch = "wasm32", feature = "serde"))]

mod common;
mod storage_support;

use larkspur::*;
use serde::{Deserialize, Serialize};
use storage_support::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
struct Todo {
    title: String,
    done: bool,
}

#[wasm_bindgen_test]
fn unavailable_storage_falls_back_to_the_default_and_keeps_writes_in_memory() {
    capture_warnings();
    make_local_storage_unavailable();
    let count = create_local_storage_signal("lark-fail-unavailable", 3);
    assert_eq!(count.get(), 3);
    assert!(
        matches!(count.error().get(), Some(StorageError::Unavailable { ref message, .. }) if message.contains("insecure")),
        "{:?}",
        count.error().get()
    );
    count.set(4);
    assert_eq!(count.get(), 4, "the app keeps working in memory");
    assert!(matches!(
        count.error().get(),
        Some(StorageError::Unavailable { .. })
    ));
    count.remove();
    assert_eq!(count.get(), 3);
    restore_local_storage();
    assert_eq!(
        real_local().get_item("lark-fail-unavailable").unwrap(),
        None
    );
    let warned = warnings();
    assert!(
        warned.len() >= 2 && warned.iter().all(|w| w.contains("lark-fail-unavailable")),
        "{warned:?}"
    );
}

#[wasm_bindgen_test]
fn storage_whose_methods_throw_is_reported_not_panicked() {
    make_local_storage_reads_throw();
    let name = create_local_storage_signal("lark-fail-methods", String::from("x"));
    assert_eq!(name.get(), "x");
    assert!(
        matches!(name.error().get(), Some(StorageError::Unavailable { ref message, .. }) if message == "read refused")
    );
    name.set("y".into());
    assert_eq!(name.get(), "y");
    assert!(
        matches!(name.error().get(), Some(StorageError::WriteFailed { ref message, .. }) if message == "write refused")
    );
    restore_local_storage();
}

#[wasm_bindgen_test]
fn full_storage_keeps_the_new_value_in_memory_and_the_old_one_stored() {
    let key = "lark-fail-full";
    real_local().set_item(key, "5").unwrap();
    capture_warnings();
    make_local_storage_full();
    let count = create_local_storage_signal(key, 0);
    assert_eq!(count.get(), 5, "reading still works");
    assert_eq!(count.error().get(), None);
    count.set(6);
    assert_eq!(count.get(), 6);
    assert!(matches!(
        count.error().get(),
        Some(StorageError::QuotaExceeded { .. })
    ));
    assert!(
        warnings().iter().any(|w| w.contains("full")),
        "{:?}",
        warnings()
    );
    restore_local_storage();
    assert_eq!(real_local().get_item(key).unwrap().as_deref(), Some("5"));
    // Once there is room again, the next write stores and clears the error.
    count.set(7);
    assert_eq!(count.error().get(), None);
    assert_eq!(real_local().get_item(key).unwrap().as_deref(), Some("7"));
    real_local().remove_item(key).unwrap();
}

#[wasm_bindgen_test]
fn corrupt_data_falls_back_to_the_default_and_stays_stored() {
    let key = "lark-fail-corrupt";
    real_local().set_item(key, "[{\"title\": \"a\",").unwrap();
    capture_warnings();
    let todos = create_local_storage_signal(key, Vec::<Todo>::new());
    assert_eq!(todos.get(), []);
    let Some(StorageError::Corrupt { error, .. }) = todos.error().get() else {
        panic!("expected Corrupt, got {:?}", todos.error().get());
    };
    assert_eq!(error.line(), Some(1));
    assert!(
        warnings().iter().any(|w| w.contains(key)),
        "{:?}",
        warnings()
    );
    assert_eq!(
        real_local().get_item(key).unwrap().as_deref(),
        Some("[{\"title\": \"a\","),
        "the unreadable text is left for the user to recover"
    );
    // The user's own write replaces it, and the unreadable text is kept
    // under `KEY.unreadable` first.
    let backup = format!("{key}.unreadable");
    real_local().remove_item(&backup).unwrap();
    todos.set(vec![Todo {
        title: "new".into(),
        done: false,
    }]);
    assert_eq!(todos.error().get(), None);
    assert_eq!(
        real_local().get_item(key).unwrap().as_deref(),
        Some(r#"[{"title":"new","done":false}]"#)
    );
    assert_eq!(
        real_local().get_item(&backup).unwrap().as_deref(),
        Some("[{\"title\": \"a\","),
        "the unreadable text is not lost"
    );
    assert!(
        warnings().iter().any(|w| w.contains(&backup)),
        "{:?}",
        warnings()
    );
    // Later writes are plain writes (the text is readable again).
    todos.set(Vec::new());
    assert_eq!(real_local().get_item(key).unwrap().as_deref(), Some("[]"));

    // Other unreadable text, then a write: the first copy is not written
    // over, so neither is the new unreadable text (the value stays in
    // memory) until the copy is removed.
    real_local().set_item(key, "{oops").unwrap();
    let again = create_local_storage_signal(key, Vec::<Todo>::new());
    again.set(Vec::new());
    assert!(
        matches!(again.error().get(), Some(StorageError::WriteFailed { .. })),
        "{:?}",
        again.error().get()
    );
    assert_eq!(
        real_local().get_item(key).unwrap().as_deref(),
        Some("{oops")
    );
    assert_eq!(
        real_local().get_item(&backup).unwrap().as_deref(),
        Some("[{\"title\": \"a\","),
        "the first copy stays"
    );
    real_local().remove_item(&backup).unwrap();
    again.set(Vec::new());
    assert_eq!(again.error().get(), None);
    assert_eq!(
        real_local().get_item(&backup).unwrap().as_deref(),
        Some("{oops")
    );
    assert_eq!(real_local().get_item(key).unwrap().as_deref(), Some("[]"));
    for k in [key.to_string(), backup] {
        real_local().remove_item(&k).unwrap();
    }
}

/// `remove()` (a "Clear" button) over unreadable text copies it aside too.
#[wasm_bindgen_test]
fn removing_unreadable_text_keeps_a_copy() {
    let key = "lark-fail-corrupt-remove";
    let backup = format!("{key}.unreadable");
    real_local().set_item(key, "[1,").unwrap();
    real_local().remove_item(&backup).unwrap();
    let list = create_local_storage_signal(key, Vec::<u32>::new());
    list.remove();
    assert_eq!(real_local().get_item(key).unwrap(), None);
    assert_eq!(
        real_local().get_item(&backup).unwrap().as_deref(),
        Some("[1,")
    );
    real_local().remove_item(&backup).unwrap();
}

/// When the copy of unreadable text cannot be made (storage full), the
/// write is not made either: the new value stays in memory.
#[wasm_bindgen_test]
fn unreadable_text_that_cannot_be_copied_is_not_written_over() {
    let key = "lark-fail-corrupt-full";
    real_local().set_item(key, "not json").unwrap();
    real_local()
        .remove_item(&format!("{key}.unreadable"))
        .unwrap();
    let count = create_local_storage_signal(key, 0);
    make_local_storage_full();
    count.set(5);
    restore_local_storage();
    assert_eq!(count.get(), 5);
    assert!(
        matches!(
            count.error().get(),
            Some(StorageError::QuotaExceeded { .. })
        ),
        "{:?}",
        count.error().get()
    );
    assert_eq!(
        real_local().get_item(key).unwrap().as_deref(),
        Some("not json")
    );
    real_local().remove_item(key).unwrap();
}

#[wasm_bindgen_test]
fn a_wrong_typed_field_is_named_by_its_path() {
    let key = "lark-fail-wrong-type";
    let stored = "[{\"title\":\"a\",\"done\":true},\n{\"title\":\"c\",\"done\":\"x\"}]";
    real_local().set_item(key, stored).unwrap();
    let todos = create_local_storage_signal(key, Vec::<Todo>::new());
    assert_eq!(todos.get(), []);
    let Some(StorageError::Corrupt { error, .. }) = todos.error().get() else {
        panic!("expected Corrupt, got {:?}", todos.error().get());
    };
    assert_eq!((error.line(), error.column()), (Some(2), Some(23)));
    let shown = todos.error().get().unwrap().to_string();
    assert!(
        shown.contains(
            r#"[1].done: invalid type: string "x", expected a boolean at line 2 column 23"#
        ),
        "{shown}"
    );
    assert_eq!(real_local().get_item(key).unwrap().as_deref(), Some(stored));
    real_local().remove_item(key).unwrap();
}

#[wasm_bindgen_test]
fn old_format_data_names_the_missing_field() {
    let key = "lark-fail-old-format";
    // An older version stored titles only.
    real_local().set_item(key, r#"[{"title":"a"}]"#).unwrap();
    let todos = create_local_storage_signal(key, Vec::<Todo>::new());
    assert_eq!(todos.get(), []);
    let error = todos.error().get().expect("an error");
    assert!(error.to_string().contains("`done`"), "{error}");
    assert_eq!(
        real_local().get_item(key).unwrap().as_deref(),
        Some(r#"[{"title":"a"}]"#)
    );
    real_local().remove_item(key).unwrap();
}

#[wasm_bindgen_test]
fn garbage_from_another_tab_is_reported_and_the_value_kept() {
    let key = "lark-fail-cross-tab";
    real_local().remove_item(key).unwrap();
    let count = create_local_storage_signal(key, 0);
    count.set(2);
    storage_event(&real_local(), Some(key), Some("not json"));
    assert_eq!(count.get(), 2);
    assert!(matches!(
        count.error().get(),
        Some(StorageError::Corrupt { .. })
    ));
    assert_eq!(real_local().get_item(key).unwrap().as_deref(), Some("2"));
    real_local().remove_item(key).unwrap();
}

#[wasm_bindgen_test]
fn a_value_json_cannot_hold_is_an_encode_error_and_nothing_is_stored() {
    use std::collections::HashMap;
    let key = "lark-fail-encode";
    real_local().set_item(key, "{}").unwrap();
    let map = create_local_storage_signal(key, HashMap::<(u8, u8), u8>::new());
    map.update(|m| {
        m.insert((1, 2), 3);
    });
    assert_eq!(map.with(|m| m.len()), 1);
    assert!(matches!(
        map.error().get(),
        Some(StorageError::Encode { .. })
    ));
    assert_eq!(real_local().get_item(key).unwrap().as_deref(), Some("{}"));
    real_local().remove_item(key).unwrap();
}

/// A change that could not be stored (the storage is full) exists only in
/// memory: another tab's value that arrives then does not replace it, and
/// the error stays shown until a write succeeds.
#[wasm_bindgen_test]
fn an_unsaved_value_is_not_replaced_by_another_tabs() {
    let key = "lark-fail-unsaved";
    real_local().set_item(key, "[1]").unwrap();
    capture_warnings();
    let list = create_local_storage_signal(key, Vec::<u32>::new());
    make_local_storage_full();
    list.update(|l| l.push(2));
    assert!(matches!(
        list.error().get(),
        Some(StorageError::QuotaExceeded { .. })
    ));
    // Another tab, which had room, stores its value (`storage` events
    // come from the real storage).
    restore_local_storage();
    storage_event(&real_local(), Some(key), Some("[]"));
    assert_eq!(list.get(), [1, 2], "the user's change is kept");
    assert!(list.error().get().is_some(), "and still shown as unsaved");
    storage_event(&real_local(), Some(key), None);
    assert_eq!(list.get(), [1, 2]);
    // Stored at the next write; from then on other tabs' values come in.
    list.update(|l| l.push(3));
    assert_eq!(list.error().get(), None);
    assert_eq!(
        real_local().get_item(key).unwrap().as_deref(),
        Some("[1,2,3]")
    );
    storage_event(&real_local(), Some(key), Some("[4]"));
    assert_eq!(list.get(), [4]);
    real_local().remove_item(key).unwrap();
}

/// An error about what was stored is cleared when a readable value
/// arrives from another tab.
#[wasm_bindgen_test]
fn a_readable_value_from_another_tab_clears_the_corrupt_error() {
    let key = "lark-fail-recovered";
    real_local().set_item(key, "not json").unwrap();
    capture_warnings();
    let count = create_local_storage_signal(key, 0);
    assert!(matches!(
        count.error().get(),
        Some(StorageError::Corrupt { .. })
    ));
    storage_event(&real_local(), Some(key), Some("7"));
    assert_eq!(count.get(), 7);
    assert_eq!(count.error().get(), None);
    real_local().remove_item(key).unwrap();
}
