//! Issue 9, item 1: mounting as a Leptos 0.6 app writes it.
#![cfg(target_arch = "wasm32")]

mod common;

use larkspur::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[component]
fn App() -> impl IntoView {
    view! { <p id="compat-mount-app">"mounted with mount_to_body"</p> }
}

// What `fn main() { mount_to_body(App) }` expands to: the unit return is
// the point.
fn main_of_a_leptos_app() {
    mount_to_body(App)
}

#[wasm_bindgen_test]
fn mount_to_body_returns_unit_and_mounts() {
    main_of_a_leptos_app();
    let p = document()
        .get_element_by_id("compat-mount-app")
        .expect("the app is in the page");
    assert_eq!(p.text_content().unwrap(), "mounted with mount_to_body");
    // Leave the page as other tests expect it.
    p.remove();
}

#[wasm_bindgen_test]
fn mount_to_body_accepts_a_closure_returning_a_view() {
    let () = mount_to_body(|| view! { <p id="compat-mount-closure">"closure"</p> });
    let p = document()
        .get_element_by_id("compat-mount-closure")
        .unwrap();
    p.remove();
    mount_to_body(|| view! { <App/> });
    let p = document().get_element_by_id("compat-mount-app").unwrap();
    p.remove();
}

#[wasm_bindgen_test]
fn the_handle_form_unmounts_and_disposes() {
    let (count, set_count) = create_signal(0);
    let handle = mount_to_body_with_handle(move || {
        view! { <p id="compat-mount-handle">{move || count.get()}</p> }
    });
    set_count.set(2);
    let p = document().get_element_by_id("compat-mount-handle").unwrap();
    assert_eq!(p.text_content().unwrap(), "2");
    let owner = handle.owner();
    handle.unmount();
    assert!(document()
        .get_element_by_id("compat-mount-handle")
        .is_none());
    assert!(!owner.is_alive());
}

#[wasm_bindgen_test]
fn mount_to_still_returns_a_handle() {
    let container = common::test_container();
    let handle: MountHandle = mount_to_with_handle(container.clone(), || view! { <b>"x"</b> });
    assert_eq!(container.inner_html(), "<b>x</b>");
    handle.unmount();
    assert_eq!(container.inner_html(), "");
}
