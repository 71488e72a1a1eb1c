//! The router takes link clicks after every `on:click` handler, also when
//! the router's window listener is the page's first (no delegated click
//! handler existed before it), and also when a handler stops the click's
//! propagation. One test: the page must not have had a delegated click
//! before it.
#![cfg(target_arch = "wasm32")]

mod common;

use common::test_container;
use larkspur::router::*;
use larkspur::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn pathname() -> String {
    web_sys::window().unwrap().location().pathname().unwrap()
}

fn set_url(path: &str) {
    let history = web_sys::window().unwrap().history().unwrap();
    history
        .replace_state_with_url(&JsValue::NULL, "", Some(path))
        .unwrap();
}

#[component]
fn Page() -> impl IntoView {
    let params = use_params_map();
    view! { <h2 id="page">{move || params.with(|p| p.get("id").cloned().unwrap_or_default())}</h2> }
}

#[wasm_bindgen_test]
fn the_router_takes_a_click_after_the_handlers_even_when_one_stops_it() {
    set_url("/");
    let container = test_container();
    let log = store_value(Vec::<String>::new());
    // The router is mounted first, before any element with an `on:click`
    // exists; the links and their handlers come later, inside a `<Show>`.
    let (links, set_links) = create_signal(false);
    let handle = mount_to_with_handle(container.clone(), move || {
        view! {
            <Router base="">
                <Show when=move || links.get()>
                    <a id="stay" href="/p/1" on:click=move |ev: web_sys::MouseEvent| {
                        ev.prevent_default();
                        log.update_value(|l| l.push(format!("stay at {}", pathname())));
                    }>"stay"</a>
                    <div id="dialog" on:click=move |ev: web_sys::MouseEvent| {
                        log.update_value(|l| l.push(format!("dialog at {}", pathname())));
                        ev.stop_propagation();
                    }>
                        <A href="/p/2">"go"</A>
                    </div>
                </Show>
                <Routes>
                    <Route path="" view=|| view! { <h2 id="page">"home"</h2> }/>
                    <Route path="p/:id" view=Page/>
                </Routes>
            </Router>
        }
    });
    set_links.set(true);
    // Guards that keep the test page should the router miss a click: one on
    // the document (runs after a walk that stopped the click there) and
    // one on the window, added after the router's.
    let document_guard = Closure::<dyn Fn(web_sys::Event)>::new(move |ev: web_sys::Event| {
        if ev.cancel_bubble() && !ev.default_prevented() {
            ev.prevent_default();
            log.update_value(|l| l.push("stopped before the window".into()));
        }
    });
    let window_guard = Closure::<dyn Fn(web_sys::Event)>::new(move |ev: web_sys::Event| {
        if !ev.default_prevented() {
            ev.prevent_default();
            log.update_value(|l| l.push("the router missed it".into()));
        }
    });
    let window = web_sys::window().unwrap();
    let document = window.document().unwrap();
    document
        .add_event_listener_with_callback("click", document_guard.as_ref().unchecked_ref())
        .unwrap();
    window
        .add_event_listener_with_callback("click", window_guard.as_ref().unchecked_ref())
        .unwrap();
    let click = |selector: &str| {
        container
            .query_selector(selector)
            .unwrap()
            .unwrap()
            .unchecked_into::<web_sys::HtmlElement>()
            .click()
    };
    click("#stay");
    let stayed = pathname();
    click("#dialog a");
    let went = pathname();
    document
        .remove_event_listener_with_callback("click", document_guard.as_ref().unchecked_ref())
        .unwrap();
    window
        .remove_event_listener_with_callback("click", window_guard.as_ref().unchecked_ref())
        .unwrap();
    assert_eq!(
        stayed, "/",
        "prevent_default() in the handler kept the router off"
    );
    assert_eq!(went, "/p/2", "the link in the dialog navigated in the app");
    assert_eq!(
        container
            .query_selector("#page")
            .unwrap()
            .unwrap()
            .text_content()
            .unwrap(),
        "2"
    );
    assert_eq!(log.get_value(), ["stay at /", "dialog at /"]);
    handle.unmount();
    set_url("/");
}
