//! `navigate` called from a route's own `on:` handler or effect takes
//! effect once that code has returned, so the code after the call still
//! reads the page's signals (probe53: the page was disposed under it, and
//! a `.get()` after `navigate(..)` panicked; Leptos 0.6 navigates later).
#![cfg(target_arch = "wasm32")]

mod common;

use common::{click, find, set_url, test_container, tick};
use larkspur::router::*;
use larkspur::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn pathname() -> String {
    web_sys::window().unwrap().location().pathname().unwrap()
}

#[component]
fn Leaving() -> impl IntoView {
    let log = expect_context::<StoredValue<Vec<String>>>();
    let navigate = use_navigate();
    let (count, set_count) = create_signal(1);
    let doubled = create_memo(move |_| count.get() * 2);
    on_cleanup(move || log.update_value(|l| l.push("cleanup".into())));
    view! {
        <button id="go" on:click=move |_| {
            navigate("/arrived", Default::default());
            set_count.set(2);
            log.update_value(|l| {
                l.push(format!("after navigate: count={} doubled={}", count.get(), doubled.get()))
            });
        }>"go"</button>
    }
}

#[component]
fn LeavingFromAnEffect() -> impl IntoView {
    let log = expect_context::<StoredValue<Vec<String>>>();
    let navigate = use_navigate();
    let (count, _) = create_signal(5);
    on_cleanup(move || log.update_value(|l| l.push("cleanup".into())));
    create_effect(move |_| {
        navigate("/arrived", Default::default());
        log.update_value(|l| l.push(format!("after navigate: count={}", count.get())));
    });
    view! { <p>"leaving"</p> }
}

fn app(log: StoredValue<Vec<String>>) -> impl IntoView {
    provide_context(log);
    view! {
        <Router base="">
            <Routes>
                <Route path="click" view=Leaving/>
                <Route path="effect" view=LeavingFromAnEffect/>
                <Route path="arrived" view=|| view! { <p id="arrived">"arrived"</p> }/>
            </Routes>
        </Router>
    }
}

#[wasm_bindgen_test]
fn a_handler_that_navigates_still_reads_its_page() {
    set_url("/click");
    let c = test_container();
    let log = store_value(Vec::<String>::new());
    let handle = mount_to_with_handle(c.clone(), move || app(log));
    click(&find(&c, "#go"));
    // The navigation is done when the click returns.
    assert_eq!(pathname(), "/arrived");
    assert!(c.query_selector("#arrived").unwrap().is_some());
    assert_eq!(
        log.get_value(),
        ["after navigate: count=2 doubled=4", "cleanup"]
    );
    handle.unmount();
    set_url("/");
}

#[wasm_bindgen_test]
async fn an_effect_that_navigates_still_reads_its_page() {
    set_url("/effect");
    let c = test_container();
    let log = store_value(Vec::<String>::new());
    let handle = mount_to_with_handle(c.clone(), move || app(log));
    tick().await;
    tick().await;
    assert_eq!(pathname(), "/arrived");
    assert!(c.query_selector("#arrived").unwrap().is_some());
    assert_eq!(log.get_value(), ["after navigate: count=5", "cleanup"]);
    handle.unmount();
    set_url("/");
}
