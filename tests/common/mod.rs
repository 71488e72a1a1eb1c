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

/// Replaces the current history entry's URL (no new entry, no navigation).
pub fn set_url(path: &str) {
    let history = web_sys::window().unwrap().history().unwrap();
    history
        .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(path))
        .unwrap();
}

/// The address bar's path and query.
pub fn location() -> String {
    let l = web_sys::window().unwrap().location();
    format!("{}{}", l.pathname().unwrap(), l.search().unwrap())
}

/// `history.length`.
pub fn history_length() -> u32 {
    web_sys::window()
        .unwrap()
        .history()
        .unwrap()
        .length()
        .unwrap()
}

/// The XSS corpus (`tests/xss_corpus.txt`): one payload per line, `# `
/// lines are comments.
pub fn xss_corpus() -> Vec<String> {
    include_str!("../xss_corpus.txt")
        .lines()
        .filter(|l| !l.starts_with("# ") && !l.is_empty())
        .map(str::to_string)
        .collect()
}

/// Whether any payload ran: each one sets `window.__xss` if it does.
pub fn xss_executed() -> bool {
    !js_sys::Reflect::get(&js_sys::global(), &"__xss".into())
        .unwrap()
        .is_undefined()
}

/// Gives handlers, loads and navigations a payload might have started a
/// few tasks to run; nothing is asserted on timing.
pub async fn let_tasks_run() {
    for _ in 0..3 {
        let promise = js_sys::Promise::new(&mut |resolve, _| {
            web_sys::window()
                .unwrap()
                .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 30)
                .unwrap();
        });
        wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
    }
}

/// Whether a URL the browser resolved would run script.
pub fn scripted_url(url: &str) -> bool {
    let u = url.trim_start().to_ascii_lowercase();
    u.starts_with("javascript:") || u.starts_with("vbscript:") || u.starts_with("data:text/html")
}
