//! The islands chapter's counter (`#[island]` written as `#[component]`):
//! clicking the button increments the count shown in its text.
#![cfg(target_arch = "wasm32")]

mod common;

use common::test_container;
use larkspur::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

// --- seed code, `leptos` renamed to `larkspur` ---

#[component]
fn HomePage() -> impl IntoView {
    view! {
        <h1>"Welcome to Leptos!"</h1>
        <Counter/>
    }
}

#[component]
fn Counter() -> impl IntoView {
    // Creates a reactive value to update the button
    let (count, set_count) = create_signal(0);
    let on_click = move |_| set_count.update(|count| *count += 1);

    view! {
        <button on:click=on_click>"Click Me: " {count}</button>
    }
}

// --- end of seed code ---

fn button(container: &web_sys::HtmlElement) -> web_sys::HtmlElement {
    container
        .query_selector("button")
        .unwrap()
        .expect("the counter renders a <button>")
        .unchecked_into()
}

#[wasm_bindgen_test]
fn counter_counts_clicks() {
    let container = test_container();
    let _handle = mount_to_with_handle(container.clone(), HomePage);

    let h1 = container.query_selector("h1").unwrap().unwrap();
    assert_eq!(h1.text_content().unwrap(), "Welcome to Leptos!");

    let button = button(&container);
    assert_eq!(button.text_content().unwrap(), "Click Me: 0");
    button.click();
    assert_eq!(button.text_content().unwrap(), "Click Me: 1");
    button.click();
    button.click();
    assert_eq!(button.text_content().unwrap(), "Click Me: 3");
}

#[wasm_bindgen_test]
fn counter_unmounts_cleanly() {
    let container = test_container();
    let handle = mount_to_with_handle(container.clone(), Counter);
    let button = button(&container);
    button.click();
    assert_eq!(button.text_content().unwrap(), "Click Me: 1");
    handle.unmount();
    assert_eq!(container.child_element_count(), 0);
}
