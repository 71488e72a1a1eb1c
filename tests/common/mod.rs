//! Shared helpers for the browser tests: a fresh container per test and a
//! few DOM shortcuts. Tests never assert on `<body>` (the runner keeps its
//! own nodes there).
#![allow(dead_code, unused_imports)]

use wasm_bindgen::JsCast;

/// Creates a fresh `<div>` appended to `<body>` and returns it.
pub fn test_container() -> web_sys::HtmlElement {
    let document = web_sys::window().unwrap().document().unwrap();
    let div = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&div).unwrap();
    div.unchecked_into()
}

/// The first element matching `selector` inside `root`.
pub fn find(root: &web_sys::Element, selector: &str) -> web_sys::HtmlElement {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no element matches {selector:?}"))
        .unchecked_into()
}

/// All elements matching `selector` inside `root`, in document order.
pub fn find_all(root: &web_sys::Element, selector: &str) -> Vec<web_sys::Element> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length())
        .map(|i| list.item(i).unwrap().unchecked_into())
        .collect()
}

/// Clicks an element (a real bubbling `click` event), as the test kit does.
pub use larkspur::testing::click;

/// Dispatches a bubbling event of type `name` at `el`.
pub fn dispatch(el: &web_sys::Element, name: &str) {
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    let ev = web_sys::Event::new_with_event_init_dict(name, &init).unwrap();
    el.dispatch_event(&ev).unwrap();
}

/// Waits one microtask and runs deferred `create_effect`s (the test kit's).
pub use larkspur::testing::tick;

/// The visible text of an element.
pub fn text(el: &web_sys::Element) -> String {
    el.text_content().unwrap_or_default()
}
