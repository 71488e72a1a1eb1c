//! Fault: a slow request whose answer nobody wants any more. When the
//! resource's owner is disposed, the request is aborted (its `AbortSignal`
//! fires), the late answer writes nothing, no error is logged, no promise
//! rejection goes unhandled, and later requests still work. When its source
//! changes, the older load runs to its end as in Leptos 0.6, and only the
//! newest answer is kept.
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
async fn a_source_change_lets_the_older_request_finish_but_keeps_the_newer_answer() {
    // As in Leptos 0.6: the superseded load runs to its end (code after its
    // `.await` runs), and its answer, earlier or later, is ignored.
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
    assert!(!was_aborted(&stub, 0), "the superseded request runs on");

    respond(&stub, 1, &user_json("Grace"));
    // The superseded request is still unanswered: `settle` does not wait
    // for a load that can no longer win.
    settle().await;
    assert_eq!(screen.text(), "Grace");
    // The first answer comes last and cannot overwrite the newer one.
    respond(&stub, 0, &user_json("Ada"));
    settle().await;
    assert_eq!(screen.text(), "Grace");

    screen.unmount();
    assert!(!was_aborted(&stub, 0) && !was_aborted(&stub, 1));
    assert_eq!(unhandled_rejections(&stub), 0);
    restore(&stub);
    a_later_fetch_works().await;
    drop(errors);
}

#[wasm_bindgen_test]
async fn a_refetch_during_a_load_lets_the_first_fetcher_finish_its_work() {
    // A login form written for 0.6 (block-mesh's extension): the fetcher
    // raises a `wait` flag, awaits the request and lowers the flag; it
    // returns early while the flag is up. Enter and then a click refetch
    // twice. Had the first load been dropped at its `.await`, the flag
    // would stay up and every later login would return early.
    let errors = fail_on_console_error();
    let stub = install_slow_fetch(true);
    let (wait, set_wait) = create_signal(false);
    let (logins, set_logins) = create_signal(0);
    let mut screen = render(move || {
        let login = create_local_resource(
            || (),
            move |_| async move {
                if wait.get_untracked() {
                    return;
                }
                set_wait.set(true);
                let answer = fetch_json::<User>("/login.json").await;
                if answer.is_ok() {
                    set_logins.update(|n| *n += 1);
                }
                set_wait.set(false);
            },
        );
        view! { <button on:click=move |_| login.refetch()>"Log in"</button> }
    });
    tick().await;
    assert_eq!(calls(&stub), 1, "the first load starts the request");
    click(&screen.get_by_role("button", "Log in"));
    tick().await;
    assert_eq!(calls(&stub), 1, "the second load returned early");
    respond(&stub, 0, &user_json("Ada"));
    // The first load was superseded by the refetch, so `settle` would not
    // wait for it: wait for its flag instead.
    for _ in 0..200 {
        if !wait.get_untracked() {
            break;
        }
        sleep_ms(5).await;
    }
    assert!(!wait.get_untracked(), "the first load lowered the flag");
    assert_eq!(logins.get_untracked(), 1);
    click(&screen.get_by_role("button", "Log in"));
    tick().await;
    assert_eq!(calls(&stub), 2, "a later login sends its request");
    respond(&stub, 1, &user_json("Ada"));
    settle().await;
    assert_eq!(logins.get_untracked(), 2);
    screen.unmount();
    restore(&stub);
    drop(errors);
}
