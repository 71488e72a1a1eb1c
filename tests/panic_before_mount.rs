//! A test binary in which a test panics before any test has mounted: later
//! tests still mount (the panic hook is not installed while panicking;
//! `set_hook` would itself panic). wasm-bindgen-test runs the tests in
//! reverse name order, so `z_…` runs first.

use larkspur::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
#[should_panic(expected = "a failing test that mounts nothing")]
fn z_a_test_panics_before_anything_mounts() {
    panic!("a failing test that mounts nothing");
}

#[wasm_bindgen_test]
fn a_later_test_still_mounts() {
    let root: web_sys::HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&root).unwrap();
    let handle = mount_to_with_handle(root.clone(), || view! { <p>"hello"</p> });
    assert_eq!(root.text_content().as_deref(), Some("hello"));
    handle.unmount();
    root.remove();
}
