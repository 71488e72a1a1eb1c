//! `use_navigate` in `on:` handlers and in effects that dispatch events, in
//! a test binary of its own: the first `use_navigate()` of the app is
//! called inside a handler (the router counts handler dispatches from its
//! creation, not from the first `use_navigate()`, which came too late for
//! that click). Also: a handler's navigation comes after the link its click
//! was on, as in Leptos 0.6 (which navigates in the next animation frame).
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

type Log = StoredValue<Vec<String>>;

#[component]
fn NavigateInHandler() -> impl IntoView {
    let log = expect_context::<Log>();
    let (count, _) = create_signal(3);
    on_cleanup(move || log.update_value(|l| l.push("cleanup".into())));
    view! {
        <button id="go" on:click=move |_| {
            // The app's first `use_navigate()`.
            use_navigate()("/arrived", Default::default());
            log.update_value(|l| l.push(format!("after navigate: count={}", count.get())));
        }>"go"</button>
    }
}

#[component]
fn EffectClicks() -> impl IntoView {
    let log = expect_context::<Log>();
    let navigate = use_navigate();
    let (count, _) = create_signal(7);
    let button = create_node_ref::<html::Button>();
    on_cleanup(move || log.update_value(|l| l.push("cleanup".into())));
    create_effect(move |_| {
        if let Some(button) = button.get() {
            button.click();
            log.update_value(|l| l.push(format!("after click: count={}", count.get())));
        }
    });
    view! {
        <button node_ref=button on:click=move |_| navigate("/arrived", Default::default())>"x"</button>
    }
}

#[component]
fn RowWithLink() -> impl IntoView {
    let navigate = use_navigate();
    view! {
        <div on:click=move |_| navigate("/arrived", Default::default())>
            <a id="link" href="/other">"edit"</a>
        </div>
    }
}

fn app(log: Log) -> impl IntoView {
    provide_context(log);
    view! {
        <Router base="">
            <Routes>
                <Route path="handler" view=NavigateInHandler/>
                <Route path="effect" view=EffectClicks/>
                <Route path="row" view=RowWithLink/>
                <Route path="other" view=|| view! { <p id="other">"other"</p> }/>
                <Route path="arrived" view=|| view! { <p id="arrived">"arrived"</p> }/>
            </Routes>
        </Router>
    }
}

/// Counts the page's uncaught errors (a panic in an event's dispatch
/// reaches the window as one, not the test).
fn count_errors() -> (std::rc::Rc<std::cell::Cell<u32>>, WindowListenerHandle) {
    let errors = std::rc::Rc::new(std::cell::Cell::new(0));
    let e = errors.clone();
    let listener = window_event_listener_untyped("error", move |_| e.set(e.get() + 1));
    (errors, listener)
}

#[wasm_bindgen_test]
async fn the_first_use_navigate_inside_a_handler_waits_for_the_handler() {
    set_url("/handler");
    let c = test_container();
    let log = store_value(Vec::<String>::new());
    let handle = mount_to_with_handle(c.clone(), move || app(log));
    let (errors, listener) = count_errors();
    click(&find(&c, "#go"));
    tick().await;
    listener.remove();
    assert_eq!(errors.get(), 0, "no panic");
    assert_eq!(pathname(), "/arrived");
    assert!(c.query_selector("#arrived").unwrap().is_some());
    assert_eq!(log.get_value(), ["after navigate: count=3", "cleanup"]);
    handle.unmount();
    set_url("/");
}

#[wasm_bindgen_test]
async fn a_handler_run_by_an_effects_click_navigates_after_the_effect() {
    set_url("/effect");
    let c = test_container();
    let log = store_value(Vec::<String>::new());
    let (errors, listener) = count_errors();
    let handle = mount_to_with_handle(c.clone(), move || app(log));
    tick().await;
    tick().await;
    listener.remove();
    assert_eq!(errors.get(), 0, "no panic");
    assert_eq!(pathname(), "/arrived");
    assert!(c.query_selector("#arrived").unwrap().is_some());
    assert_eq!(log.get_value(), ["after click: count=7", "cleanup"]);
    handle.unmount();
    set_url("/");
}

#[wasm_bindgen_test]
async fn a_handlers_navigation_comes_after_the_link_it_was_clicked_on() {
    set_url("/row");
    let c = test_container();
    let log = store_value(Vec::<String>::new());
    let handle = mount_to_with_handle(c.clone(), move || app(log));
    click(&find(&c, "#link"));
    tick().await;
    assert_eq!(
        pathname(),
        "/arrived",
        "the handler's navigation is the last"
    );
    assert!(c.query_selector("#arrived").unwrap().is_some());
    assert!(c.query_selector("#other").unwrap().is_none());
    handle.unmount();
    set_url("/");
}

/// A `use_navigate()` kept past its `<Router>` (in a timer or a future that
/// finishes after the router's branch is gone) does nothing, where it
/// panicked reading the disposed router's URL (review-107).
#[wasm_bindgen_test]
async fn a_navigate_that_outlives_its_router_does_nothing() {
    type Kept = std::rc::Rc<std::cell::RefCell<Option<std::rc::Rc<dyn Fn(&str, NavigateOptions)>>>>;
    set_url("/other");
    let c = test_container();
    let kept: Kept = Default::default();
    let keep = kept.clone();
    let handle = mount_to_with_handle(c.clone(), move || {
        view! {
            <Router base="">
                <Routes>
                    <Route path="other" view=move || {
                        *keep.borrow_mut() = Some(std::rc::Rc::new(use_navigate()));
                        view! { <p id="other">"other"</p> }
                    }/>
                </Routes>
            </Router>
        }
    });
    assert!(c.query_selector("#other").unwrap().is_some());
    handle.unmount();
    let navigate = kept.borrow_mut().take().expect("the route ran");
    navigate("/arrived", Default::default());
    tick().await;
    assert_eq!(pathname(), "/other", "no router, no navigation");
    set_url("/");
}
