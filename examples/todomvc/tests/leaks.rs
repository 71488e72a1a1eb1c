//! Leaks: mounting and unmounting TodoMVC (with a full list, an edit in
//! progress and a filter listener) a thousand times leaves no reactive
//! node, DOM node or event handler behind, and the wasm memory stops
//! growing once the allocator has warmed up.
#![cfg(target_arch = "wasm32")]

use larkspur::dom::events::live_handler_count;
use larkspur::testing::*;
use larkspur::{live_node_count, view};
use todomvc::{TodoMvc, STORAGE_KEY};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn dom_nodes() -> u32 {
    larkspur::document().get_elements_by_tag_name("*").length()
}

fn wasm_memory_bytes() -> u32 {
    let memory: js_sys::WebAssembly::Memory = wasm_bindgen::memory().unchecked_into();
    memory
        .buffer()
        .unchecked_into::<js_sys::ArrayBuffer>()
        .byte_length()
}

/// One life of the app: mount with 20 todos, use it, unmount.
fn cycle() {
    let screen = render(|| view! { <TodoMvc/> });
    let input = screen.get_by_selector(".new-todo");
    type_text(&input, "one more");
    press_key(&input, "Enter");
    click(&screen.get_by_selector(".toggle-all"));
    dispatch_event(&screen.get_by_text("one more"), "dblclick");
}

#[wasm_bindgen_test]
async fn a_thousand_mounts_leave_nothing_behind() {
    let list: Vec<String> = (0..20)
        .map(|i| {
            format!(
                r#"{{"id":{i},"title":"todo {i}","completed":{}}}"#,
                i % 3 == 0
            )
        })
        .collect();
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    let seed = format!("[{}]", list.join(","));

    // Warm up: lazily created tables, interned names, allocator pages.
    for _ in 0..50 {
        storage.set_item(STORAGE_KEY, &seed).unwrap();
        cycle();
    }
    tick().await;
    let (nodes, handlers, dom, memory) = (
        live_node_count(),
        live_handler_count(),
        dom_nodes(),
        wasm_memory_bytes(),
    );
    for i in 0..1000 {
        storage.set_item(STORAGE_KEY, &seed).unwrap();
        cycle();
        if i % 20 == 0 {
            sleep_ms(0).await; // let the test runner's page breathe
        }
    }
    tick().await;
    assert_eq!(live_node_count(), nodes, "reactive nodes");
    assert_eq!(live_handler_count(), handlers, "event handlers");
    assert_eq!(dom_nodes(), dom, "DOM elements");
    let grown = wasm_memory_bytes() as f64 / memory as f64 - 1.0;
    assert!(
        grown < 0.05,
        "wasm memory grew {:.1}% over 1,000 cycles",
        grown * 100.0
    );
    storage.remove_item(STORAGE_KEY).unwrap();
}
