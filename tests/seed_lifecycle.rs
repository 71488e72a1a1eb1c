//! The appendix "The Life Cycle of a Signal": App/InnerComponent/OddDuck.
//! The odd branch's effect logs while the count is odd and is disposed with
//! its branch, so it never logs an even count.
#![cfg(target_arch = "wasm32")]

mod common;

use common::test_container;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

// --- seed code, `leptos` renamed to `larkspur` ---

use larkspur::logging::log;
use larkspur::*;

#[component]
pub fn App() -> impl IntoView {
    let (count, set_count) = create_signal(0);

    view! {
        <button on:click=move |_| set_count.update(|n| *n += 1)>"+1"</button>
        {move || if count() % 2 == 0 {
            view! { <p>"Even numbers are fine."</p> }.into_view()
        } else {
            view! { <InnerComponent count/> }.into_view()
        }}
    }
}

#[component]
pub fn InnerComponent(count: ReadSignal<usize>) -> impl IntoView {
    create_effect(move |_| {
        log!("count is odd and is {}", count());
    });

    view! {
        <OddDuck/>
        <p>{count}</p>
    }
}

#[component]
pub fn OddDuck() -> impl IntoView {
    view! {
        <p>"You're an odd duck."</p>
    }
}

// --- end of seed code ---

/// Starts recording `console.log` lines (still forwarding them) and returns
/// the array they are appended to.
fn capture_console() -> js_sys::Array {
    js_sys::Function::new_no_args(
        "if (!globalThis.__seedLog) {
             globalThis.__seedLog = [];
             const original = console.log;
             console.log = function (...args) {
                 globalThis.__seedLog.push(args.map(String).join(' '));
                 return original.apply(console, args);
             };
         }
         globalThis.__seedLog.length = 0;
         return globalThis.__seedLog;",
    )
    .call0(&wasm_bindgen::JsValue::NULL)
    .unwrap()
    .unchecked_into()
}

fn lines(log: &js_sys::Array) -> Vec<String> {
    log.iter().map(|v| v.as_string().unwrap()).collect()
}

fn paragraphs(container: &web_sys::HtmlElement) -> Vec<String> {
    let ps = container.query_selector_all("p").unwrap();
    (0..ps.length())
        .map(|i| ps.item(i).unwrap().text_content().unwrap())
        .collect()
}

#[wasm_bindgen_test]
fn odd_branch_effect_lives_and_dies_with_its_branch() {
    let log = capture_console();
    let container = test_container();
    let _handle = mount_to_with_handle(container.clone(), App);
    let button: web_sys::HtmlElement = container
        .query_selector("button")
        .unwrap()
        .unwrap()
        .unchecked_into();

    flush();
    assert_eq!(paragraphs(&container), ["Even numbers are fine."]);
    assert!(lines(&log).is_empty());

    // 1: the odd branch renders OddDuck and the count, and its effect runs
    // a tick after the component body.
    button.click();
    assert_eq!(paragraphs(&container), ["You're an odd duck.", "1"]);
    flush();
    assert_eq!(lines(&log), ["count is odd and is 1"]);

    // 2: the branch and its effect are gone; nothing logs "is 2".
    button.click();
    flush();
    assert_eq!(paragraphs(&container), ["Even numbers are fine."]);
    assert_eq!(lines(&log), ["count is odd and is 1"]);

    // 3: a fresh InnerComponent with a fresh effect.
    button.click();
    flush();
    assert_eq!(paragraphs(&container), ["You're an odd duck.", "3"]);
    assert_eq!(
        lines(&log),
        ["count is odd and is 1", "count is odd and is 3"]
    );

    // The button itself is rendered once and never replaced.
    assert_eq!(container.query_selector_all("button").unwrap().length(), 1);
}
