//! Fault: a slow request whose answer nobody wants any more. When the
//! resource's owner is disposed, or its source changes, the request is
//! aborted (its `AbortSignal` fires), the late answer writes nothing, no
//! error is logged, no promise rejection goes unhandled, and later requests
//! still work.
//!
//! The slow server is a `fetch` stub that answers only when the test says so,
//! rejecting on abort as the real `fetch` does (or, "deaf", ignoring it).
#![cfg(all(target_arch = "wasm32", feature = "serde"))]

use larkspur::testing::*;
use larkspur::*;
use serde::Deserialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[derive(Clone, Debug, PartialEq, Deserialize)]
struct User {
    name: String,
}

#[wasm_bindgen(inline_js = r#"
export function install_slow_fetch(honour_abort) {
  const stub = { calls: [], unhandled: 0, real: globalThis.fetch };
  stub.onRejection = () => { stub.unhandled += 1; };
  globalThis.addEventListener("unhandledrejection", stub.onRejection);
  globalThis.fetch = (input, init) => {
    const call = { url: String(input), aborted: false };
    const promise = new Promise((resolve, reject) => {
      call.respond = (body) => resolve(new Response(body, { status: 200 }));
      const signal = init && init.signal;
      if (signal) {
        signal.addEventListener("abort", () => {
          call.aborted = true;
          if (honour_abort) reject(signal.reason);
        });
      }
    });
    stub.calls.push(call);
    return promise;
  };
  return stub;
}
export function calls(stub) { return stub.calls.length; }
export function url_of(stub, i) { return stub.calls[i].url; }
export function was_aborted(stub, i) { return stub.calls[i].aborted; }
export function respond(stub, i, body) { stub.calls[i].respond(body); }
export function unhandled_rejections(stub) { return stub.unhandled; }
export function restore(stub) {
  globalThis.fetch = stub.real;
  globalThis.removeEventListener("unhandledrejection", stub.onRejection);
}
"#)]
extern "C" {
    fn install_slow_fetch(honour_abort: bool) -> JsValue;
    fn calls(stub: &JsValue) -> u32;
    fn url_of(stub: &JsValue, i: u32) -> String;
    fn was_aborted(stub: &JsValue, i: u32) -> bool;
    fn respond(stub: &JsValue, i: u32, body: &str);
    fn unhandled_rejections(stub: &JsValue) -> u32;
    fn restore(stub: &JsValue);
}

fn user_json(name: &str) -> String {
    format!(r#"{{"name":"{name}"}}"#)
}

/// A page that loads `/users/{id}.json` through `fetch_json`.
fn user_page(id: ReadSignal<u32>) -> impl IntoView {
    let user = create_local_resource(
        move || id.get(),
        |id| async move { fetch_json::<User>(&format!("/users/{id}.json")).await },
    );
    view! {
        <p>{move || match user.get() {
            None => "loading".to_string(),
            Some(Ok(u)) => u.name,
            Some(Err(e)) => e.to_string(),
        }}</p>
    }
}

/// Proves the page still fetches for real once the stub is gone.
async fn a_later_fetch_works() {
    let url = format!(
        "data:application/json,{}",
        String::from(js_sys::encode_uri_component(&user_json("Later")))
    );
    let screen = render(move || {
        let user = create_local_resource(
            || (),
            move |_| {
                let url = url.clone();
                async move { fetch_json::<User>(&url).await }
            },
        );
        move || user.get().map(|u| u.map(|u| u.name).unwrap_or_default())
    });
    settle().await;
    assert_eq!(screen.text(), "Later");
}

async fn disposed_mid_request(honour_abort: bool) {
    let errors = fail_on_console_error();
    let stub = install_slow_fetch(honour_abort);
    let (id, _) = create_signal(1);
    let mut screen = render(move || user_page(id));
    tick().await;
    assert_eq!(calls(&stub), 1);
    assert_eq!(url_of(&stub, 0), "/users/1.json");
    assert_eq!(screen.text(), "loading");

    screen.unmount();
    // The load's task is woken to notice; it drops the request a microtask
    // later.
    tick().await;
    assert!(
        was_aborted(&stub, 0),
        "disposing the owner aborts the request"
    );
    // The stopped load finishes at once; before, it waited for the answer
    // and `settle` gave up after five seconds.
    settle().await;

    // A deaf server answers anyway; the answer goes nowhere.
    respond(&stub, 0, &user_json("Too late"));
    tick().await;
    tick().await;
    assert_eq!(screen.text(), "");
    assert_eq!(unhandled_rejections(&stub), 0);
    restore(&stub);

    a_later_fetch_works().await;
    drop(errors);
}

#[wasm_bindgen_test]
async fn a_slow_request_is_aborted_when_its_owner_is_disposed() {
    disposed_mid_request(true).await;
}

#[wasm_bindgen_test]
async fn a_late_answer_after_disposal_writes_nothing() {
    disposed_mid_request(false).await;
}

#[wasm_bindgen_test]
async fn a_source_change_aborts_the_older_request() {
    let errors = fail_on_console_error();
    let stub = install_slow_fetch(true);
    let (id, set_id) = create_signal(1);
    let mut screen = render(move || user_page(id));
    tick().await;
    assert_eq!(calls(&stub), 1);

    set_id.set(2);
    tick().await;
    assert_eq!(calls(&stub), 2);
    assert_eq!(url_of(&stub, 1), "/users/2.json");
    assert!(was_aborted(&stub, 0), "the superseded request is aborted");
    assert!(!was_aborted(&stub, 1));

    respond(&stub, 1, &user_json("Grace"));
    settle().await;
    assert_eq!(screen.text(), "Grace");
    // The first answer, had it come, could not overwrite the newer one.
    respond(&stub, 0, &user_json("Ada"));
    tick().await;
    assert_eq!(screen.text(), "Grace");

    screen.unmount();
    assert!(!was_aborted(&stub, 1), "a finished request is not aborted");
    assert_eq!(unhandled_rejections(&stub), 0);
    restore(&stub);
    a_later_fetch_works().await;
    drop(errors);
}
