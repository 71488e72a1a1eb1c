//! `fetch_json`: JSON from `data:` and `blob:` URLs decodes into `T`;
//! HTTP errors, network errors and malformed JSON come back as the
//! matching `FetchError`, naming the status, the line or the field.
#![cfg(all(target_arch = "wasm32", feature = "serde"))]

mod common;

use larkspur::*;
use serde::Deserialize;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[derive(Clone, Debug, PartialEq, Deserialize)]
struct User {
    name: String,
    age: u32,
}

fn data_url(json: &str) -> String {
    format!(
        "data:application/json,{}",
        String::from(js_sys::encode_uri_component(json))
    )
}

fn blob_url(json: &str) -> String {
    let parts = js_sys::Array::of1(&JsValue::from_str(json));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("application/json");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).unwrap();
    web_sys::Url::create_object_url_with_blob(&blob).unwrap()
}

#[wasm_bindgen_test]
async fn decodes_json_from_a_data_url() {
    let user: User = fetch_json(&data_url(r#"{"name":"Ada","age":36}"#))
        .await
        .unwrap();
    assert_eq!(
        user,
        User {
            name: "Ada".into(),
            age: 36
        }
    );
}

#[wasm_bindgen_test]
async fn decodes_json_from_a_blob_url() {
    let url = blob_url(r#"[{"name":"Grace","age":85},{"name":"Alan","age":41}]"#);
    let users: Vec<User> = fetch_json(&url).await.unwrap();
    web_sys::Url::revoke_object_url(&url).unwrap();
    assert_eq!(users.len(), 2);
    assert_eq!(users[1].name, "Alan");
}

#[wasm_bindgen_test]
async fn malformed_json_names_the_line() {
    let error = fetch_json::<User>(&data_url("{\"name\": \"Ada\",\n \"age\": }"))
        .await
        .unwrap_err();
    let FetchError::Decode { error: codec, .. } = &error else {
        panic!("expected Decode, got {error:?}");
    };
    assert_eq!(codec.line(), Some(2));
    assert!(error.to_string().contains("line 2"), "{error}");
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
struct Todo {
    title: String,
    done: bool,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
struct TodoList {
    todos: Vec<Todo>,
}

#[wasm_bindgen_test]
async fn a_wrong_typed_field_is_named_by_its_path() {
    let body = r#"{"todos": [
        {"title": "a", "done": true},
        {"title": "b", "done": false},
        {"title": "c", "done": "x"}
    ]}"#;
    let error = fetch_json::<TodoList>(&data_url(body)).await.unwrap_err();
    let FetchError::Decode { error: codec, .. } = &error else {
        panic!("expected Decode, got {error:?}");
    };
    let shown = error.to_string();
    assert!(
        shown.contains(r#"todos[2].done: invalid type: string "x", expected a boolean"#),
        "{shown}"
    );
    // The line and column stay.
    assert_eq!((codec.line(), codec.column()), (Some(4), Some(34)));
    assert!(shown.contains("line 4"), "{shown}");
}

#[wasm_bindgen_test]
async fn json_of_the_wrong_shape_names_the_field() {
    let error = fetch_json::<User>(&data_url(r#"{"name":"Ada"}"#))
        .await
        .unwrap_err();
    assert!(matches!(error, FetchError::Decode { .. }));
    assert!(error.to_string().contains("`age`"), "{error}");
}

#[wasm_bindgen_test]
async fn an_http_error_status_is_reported_without_decoding() {
    let error = fetch_json::<User>("/larkspur-no-such-file.json")
        .await
        .unwrap_err();
    assert_eq!(error.status(), Some(404), "{error}");
    assert!(error.to_string().contains("HTTP 404"), "{error}");
}

#[wasm_bindgen_test]
async fn a_failed_request_is_a_network_error() {
    // Port 1 is refused (and on the browsers' unsafe-port list): no response.
    let error = fetch_json::<User>("http://127.0.0.1:1/users.json")
        .await
        .unwrap_err();
    assert!(matches!(error, FetchError::Network { .. }), "{error:?}");
}

#[wasm_bindgen_test]
async fn works_as_a_resource_fetcher() {
    let url = data_url(r#"{"name":"Ada","age":36}"#);
    let (done, resolve) = {
        let mut resolve = None;
        let promise = js_sys::Promise::new(&mut |res, _| resolve = Some(res));
        (promise, resolve.unwrap())
    };
    let user = create_local_resource(
        || (),
        move |_| {
            let url = url.clone();
            let resolve = resolve.clone();
            async move {
                let user = fetch_json::<User>(&url).await;
                resolve.call0(&JsValue::NULL).unwrap();
                user
            }
        },
    );
    wasm_bindgen_futures::JsFuture::from(done).await.unwrap();
    common::tick().await;
    assert_eq!(user.get().map(|u| u.map(|u| u.age)), Some(Ok(36)));
}
