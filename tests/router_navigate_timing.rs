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

#[component]
fn LeaveAndClose(set_open: WriteSignal<bool>) -> impl IntoView {
    let navigate = use_navigate();
    view! {
        <button id="close" on:click=move |_| {
            navigate("/arrived", Default::default());
            set_open.set(false);
        }>"close"</button>
    }
}

/// A handler that navigates and then removes the whole router: the
/// navigation it asked for has nowhere to go and is dropped, without a
/// panic.
#[wasm_bindgen_test]
async fn a_navigation_for_a_router_removed_meanwhile_is_dropped() {
    set_url("/start");
    let c = test_container();
    let (open, set_open) = create_signal(true);
    let handle = mount_to_with_handle(c.clone(), move || {
        view! {
            <Show when=move || open.get() fallback=|| view! { <p id="closed">"closed"</p> }>
                <Router base="">
                    <Routes>
                        <Route path="start" view=move || view! { <LeaveAndClose set_open/> }/>
                        <Route path="arrived" view=|| view! { <p id="arrived">"arrived"</p> }/>
                    </Routes>
                </Router>
            </Show>
        }
    });
    // A panic in the event's dispatch would reach the window as an error
    // event, not this test.
    let errors = std::rc::Rc::new(std::cell::Cell::new(0));
    let e = errors.clone();
    let on_error = window_event_listener_untyped("error", move |_| e.set(e.get() + 1));
    click(&find(&c, "#close"));
    tick().await;
    on_error.remove();
    assert_eq!(errors.get(), 0, "no panic");
    assert!(c.query_selector("#closed").unwrap().is_some());
    assert_eq!(pathname(), "/start", "no router was left to navigate");
    handle.unmount();
    set_url("/");
}
