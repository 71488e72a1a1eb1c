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

#[derive(Clone)]
struct Which(&'static str);

/// A fresh element at the end of `<body>` to mount an app into.
fn host() -> web_sys::HtmlElement {
    let el = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&el).unwrap();
    wasm_bindgen::JsCast::unchecked_into(el)
}

#[wasm_bindgen_test]
fn unmounting_later_apps_gives_an_earlier_apps_handlers_their_contexts_back() {
    use std::cell::RefCell;
    use std::rc::Rc;
    let seen = Rc::new(RefCell::new(Vec::new()));
    let log = seen.clone();
    let (host_a, host_b, host_c) = (host(), host(), host());
    let a = mount_to_with_handle(host_a.clone(), move || {
        provide_context(Which("A"));
        view! {
            <button on:click=move |_| {
                log.borrow_mut().push(use_context::<Which>().map(|w| w.0));
            }>"a"</button>
        }
    });
    let b = mount_to_with_handle(host_b.clone(), || {
        provide_context(Which("B"));
        view! { <p>"b"</p> }
    });
    let c = mount_to_with_handle(host_c.clone(), || {
        provide_context(Which("C"));
        view! { <p>"c"</p> }
    });
    let button: web_sys::HtmlElement =
        wasm_bindgen::JsCast::unchecked_into(host_a.first_element_child().unwrap());
    // A handler runs with no owner: it sees the app mounted last.
    button.click();
    // Not the last one: the fallback stays on C.
    b.unmount();
    button.click();
    // The last one: past B, which is gone, back to A.
    c.unmount();
    button.click();
    assert_eq!(*seen.borrow(), [Some("C"), Some("C"), Some("A")]);
    a.unmount();
    for host in [host_a, host_b, host_c] {
        host.remove();
    }
}
