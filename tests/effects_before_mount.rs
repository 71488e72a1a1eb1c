//! Effects work in the browser before anything is mounted (wasm unit tests
//! of reactive code, or effects made in `main` before `mount_to_body`), as
//! in Leptos 0.6: the first run is queued in a microtask. This file mounts
//! nothing.
#![cfg(target_arch = "wasm32")]

use std::cell::RefCell;
use std::rc::Rc;

use larkspur::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn an_effect_runs_without_a_mounted_app() {
    let seen = Rc::new(RefCell::new(Vec::new()));
    let (count, set_count) = create_signal(1);
    let s = seen.clone();
    create_effect(move |_| s.borrow_mut().push(count.get()));
    assert!(
        seen.borrow().is_empty(),
        "the first run waits for a microtask"
    );
    // A plain microtask turn (not the test kit's `tick`, which flushes).
    let resolved = js_sys::Promise::resolve(&wasm_bindgen::JsValue::NULL);
    wasm_bindgen_futures::JsFuture::from(resolved)
        .await
        .unwrap();
    assert_eq!(*seen.borrow(), [1]);
    set_count(2);
    assert_eq!(*seen.borrow(), [1, 2]);
}
