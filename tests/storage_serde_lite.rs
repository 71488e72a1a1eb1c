//! Persisted signals and `fetch_json` with the `serde-lite` codec (run with
//! `--no-default-features --features serde-lite`): the same round trips
//! and the same clear errors as with serde.
#![cfg(all(target_arch = "wasm32", feature = "serde-lite", not(feature = "serde")))]

mod common;
mod storage_support;

use larkspur::storage::{FromJson, ToJson};
use larkspur::*;
use serde_lite::{Deserialize, Serialize};
use storage_support::real_local;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
struct Todo {
    title: String,
    done: bool,
}

#[wasm_bindgen_test]
fn round_trips_through_local_storage() {
    let key = "lark-lite-round-trip";
    real_local().remove_item(key).unwrap();
    let todos = create_local_storage_signal(key, Vec::<Todo>::new());
    todos.update(|t| {
        t.push(Todo {
            title: "say \"hi\"\n".into(),
            done: true,
        })
    });
    let stored = real_local().get_item(key).unwrap().unwrap();
    assert!(stored.contains(r#""title":"say \"hi\"\n""#), "{stored}");
    let again = create_local_storage_signal(key, Vec::<Todo>::new());
    assert_eq!(again.get(), todos.get());
    real_local().remove_item(key).unwrap();
}

#[wasm_bindgen_test]
fn corrupt_and_old_format_data_are_reported_and_left_alone() {
    let key = "lark-lite-corrupt";
    real_local()
        .set_item(key, "[{\"title\":\n  \"a\",]")
        .unwrap();
    let todos = create_local_storage_signal(key, Vec::<Todo>::new());
    assert_eq!(todos.get(), []);
    let Some(StorageError::Corrupt { error, .. }) = todos.error().get() else {
        panic!("expected Corrupt, got {:?}", todos.error().get());
    };
    assert_eq!((error.line(), error.column()), (Some(2), Some(7)));

    real_local().set_item(key, r#"[{"title":"a"}]"#).unwrap();
    let old = create_local_storage_signal(key, Vec::<Todo>::new());
    let error = old.error().get().expect("an error");
    assert!(error.to_string().contains("done"), "{error}");
    assert_eq!(
        real_local().get_item(key).unwrap().as_deref(),
        Some(r#"[{"title":"a"}]"#)
    );
    real_local().remove_item(key).unwrap();
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
struct Board {
    todos: Vec<Todo>,
}

#[wasm_bindgen_test]
fn a_wrong_typed_field_is_named_by_its_path() {
    let text = r#"{"todos":[{"title":"a","done":true},{"title":"c","done":"x"}]}"#;
    let error = Board::from_json(text).unwrap_err();
    // serde-lite names the fields but not the list index.
    assert!(
        error
            .to_string()
            .starts_with("todos.done: invalid value (bool expected)"),
        "{error}"
    );
}

/// Deeply nested text (any page of the origin can write the key) is an
/// error, in debug builds too, where 120 nested objects overflowed the
/// stack before the app mounted (probe39).
#[wasm_bindgen_test]
fn deeply_nested_text_is_an_error_not_a_crash() {
    let objects = |n: usize| format!("{}1{}", r#"{"a":"#.repeat(n), "}".repeat(n));
    let arrays = |n: usize| format!("{}{}", "[".repeat(n), "]".repeat(n));
    for n in [10, 63, 64, 65, 120, 200, 10_000] {
        for text in [objects(n), arrays(n)] {
            let error = Vec::<Todo>::from_json(&text).unwrap_err().to_string();
            assert!(!error.is_empty());
        }
    }
    let key = "lark-lite-deep";
    real_local().set_item(key, &objects(120)).unwrap();
    let todos = create_local_storage_signal(key, Vec::<Todo>::new());
    assert_eq!(todos.get(), []);
    assert!(todos.error().get().is_some());
    real_local().remove_item(key).unwrap();
}

#[wasm_bindgen_test]
fn json_codec_is_the_serde_lite_one() {
    assert_eq!(vec![1u8, 2].to_json().unwrap(), "[1,2]");
    assert!(u8::from_json("300").is_err());
}

#[wasm_bindgen_test]
async fn fetch_json_decodes_with_serde_lite() {
    let todo: Todo =
        fetch_json("data:application/json,%7B%22title%22%3A%22x%22%2C%22done%22%3Afalse%7D")
            .await
            .unwrap();
    assert_eq!(todo.title, "x");
    let error = fetch_json::<Todo>("data:application/json,%7B%22title%22%3A1%7D")
        .await
        .unwrap_err();
    assert!(matches!(error, FetchError::Decode { .. }), "{error}");
}

#[wasm_bindgen_test]
fn floats_cross_through_the_browsers_number_text() {
    assert_eq!(
        vec![1.5f64, -0.25, 1e21].to_json().unwrap(),
        "[1.5,-0.25,1e+21]"
    );
    assert_eq!(f64::NAN.to_json().unwrap(), "null");
    assert_eq!(Vec::<f64>::from_json("[2.5e-3, 7]").unwrap(), [0.0025, 7.0]);
    assert!(f64::from_json("1.2.3").is_err());
}
