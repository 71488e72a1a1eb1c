//! `<Form>` as Leptos 0.6 has it: a closure `action` and `class` it
//! follows, `node_ref` and `attr:`, `GET` submissions navigating inside the
//! app, and other methods submitting with `fetch` (`on_form_data`,
//! `on_response`, `version`; `on_error` and `error` when the request fails)
//! without leaving the page.

mod common;

use common::{click, find, location, set_url, test_container};
use larkspur::router::*;
use larkspur::testing::sleep_ms;
use larkspur::*;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Waits (up to about four seconds) for a condition a `fetch` will make
/// true; fails the test if it never does.
async fn wait_until(what: &str, done: impl Fn() -> bool) {
    for _ in 0..200 {
        if done() {
            return;
        }
        sleep_ms(20).await;
    }
    panic!("timed out waiting until {what}");
}

#[wasm_bindgen_test]
async fn a_closure_action_and_class_are_followed_and_get_navigates_to_them() {
    set_url("/start");
    let container = test_container();
    let (page, set_page) = create_signal(1);
    let form_ref = create_node_ref::<html::Form>();
    let handle = mount_to_with_handle(container.clone(), move || {
        view! {
            <Router base="">
                <Form
                    action=move || format!("/page/{}", page.get())
                    class=move || format!("form-{}", page.get())
                    attr:data-kind="search"
                    node_ref=form_ref
                >
                    <input type="search" name="q" value="lark"/>
                    <button type="submit" id="go">"Go"</button>
                </Form>
            </Router>
        }
    });
    let form = find(&container, "form");
    assert_eq!(form.get_attribute("action").as_deref(), Some("/page/1"));
    assert_eq!(form.get_attribute("class").as_deref(), Some("form-1"));
    assert_eq!(form.get_attribute("data-kind").as_deref(), Some("search"));
    assert!(form_ref.get().is_some_and(|f| f.is_same_node(Some(&form))));

    set_page.set(2);
    assert_eq!(form.get_attribute("action").as_deref(), Some("/page/2"));
    assert_eq!(form.get_attribute("class").as_deref(), Some("form-2"));
    click(&find(&container, "#go"));
    assert_eq!(location(), "/page/2?q=lark");
    handle.unmount();
    set_url("/");
}

#[wasm_bindgen_test]
async fn post_submits_with_fetch_and_reports_the_response() {
    set_url("/start");
    let container = test_container();
    let version = create_rw_signal(0usize);
    let status = Rc::new(Cell::new(0u16));
    let fields = Rc::new(RefCell::new(Vec::new()));
    let (s, f) = (status.clone(), fields.clone());
    let handle = mount_to_with_handle(container.clone(), move || {
        view! {
            <Router base="">
                <Form
                    action="/form-target"
                    method="post"
                    version=version
                    on_form_data=Rc::new(move |data: &web_sys::FormData| {
                        f.borrow_mut().push(data.get("name").as_string().unwrap_or_default());
                        data.append_with_str("extra", "1").unwrap();
                    })
                    on_response=Rc::new(move |response: &web_sys::Response| s.set(response.status()))
                >
                    <input name="name" value="lark"/>
                    <button type="submit" id="send">"Send"</button>
                </Form>
            </Router>
        }
    });
    let form = find(&container, "form");
    assert_eq!(form.get_attribute("method").as_deref(), Some("post"));
    assert_eq!(
        form.get_attribute("action").as_deref(),
        Some("/form-target")
    );
    click(&find(&container, "#send"));
    wait_until("the response arrived", || version.get_untracked() == 1).await;
    // The test server answers with some HTTP status; the page stays.
    assert_ne!(status.get(), 0);
    assert_eq!(*fields.borrow(), ["lark"]);
    assert_eq!(location(), "/start");
    assert!(find(&container, "#send").is_connected());

    click(&find(&container, "#send"));
    wait_until("the second response arrived", || {
        version.get_untracked() == 2
    })
    .await;
    handle.unmount();
    set_url("/");
}

#[wasm_bindgen_test]
async fn a_failed_post_calls_on_error_and_sets_error() {
    set_url("/start");
    let container = test_container();
    let error = create_rw_signal(None::<Box<dyn std::error::Error>>);
    let version = create_rw_signal(0usize);
    let errors = Rc::new(Cell::new(0));
    let e = errors.clone();
    let handle = mount_to_with_handle(container.clone(), move || {
        view! {
            <Router base="">
                // Port 1: the connection is refused, a network error.
                <Form
                    action="http://127.0.0.1:1/nothing"
                    method="post"
                    error=error
                    version=version
                    on_error=Rc::new(move |_: &wasm_bindgen::JsValue| e.set(e.get() + 1))
                >
                    <input name="name" value="lark"/>
                    <button type="submit" id="send">"Send"</button>
                </Form>
                <p id="message">{move || error.with(|e| e.as_ref().map(|e| e.to_string()))}</p>
            </Router>
        }
    });
    click(&find(&container, "#send"));
    wait_until("the request failed", || errors.get() == 1).await;
    assert!(error.with_untracked(|e| e.is_some()));
    assert!(!find(&container, "#message")
        .text_content()
        .unwrap()
        .is_empty());
    assert_eq!(version.get_untracked(), 0);
    assert_eq!(location(), "/start");
    handle.unmount();
    set_url("/");
}

#[wasm_bindgen_test]
async fn the_clicked_button_adds_its_field_and_its_overrides() {
    // A native form sends the submitter's `name=value` in document order,
    // takes its `formaction`, and sends a file field's name when
    // URL-encoded.
    set_url("/start");
    let container = test_container();
    let seen = Rc::new(RefCell::new(Vec::new()));
    let s = seen.clone();
    let handle = mount_to_with_handle(container.clone(), move || {
        view! {
            <Router base="">
                <Form action="/search">
                    <input name="q" value="lark"/>
                    <button type="submit" name="sort" value="top" id="top">"Top"</button>
                    <input type="file" name="doc" id="doc"/>
                    <button type="submit" formaction="/elsewhere" id="else">"Elsewhere"</button>
                </Form>
                <Form
                    action="/form-target"
                    method="post"
                    on_form_data=Rc::new(move |data: &web_sys::FormData| {
                        s.borrow_mut().push(data.get("op").as_string().unwrap_or_default());
                    })
                >
                    <button type="submit" name="op" value="delete" id="delete">"Delete"</button>
                    <button type="submit" name="op" value="save" id="save">"Save"</button>
                </Form>
            </Router>
        }
    });
    js_sys::eval(
        "const t = new DataTransfer(); t.items.add(new File(['hello'], 'notes.txt')); \
         document.getElementById('doc').files = t.files;",
    )
    .unwrap();
    click(&find(&container, "#top"));
    assert_eq!(location(), "/search?q=lark&sort=top&doc=notes.txt");
    click(&find(&container, "#else"));
    assert_eq!(location(), "/elsewhere?q=lark&doc=notes.txt");

    click(&find(&container, "#save"));
    wait_until("the form data was read", || seen.borrow().len() == 1).await;
    click(&find(&container, "#delete"));
    wait_until("the form data was read again", || seen.borrow().len() == 2).await;
    assert_eq!(*seen.borrow(), ["save", "delete"]);
    handle.unmount();
    set_url("/");
}

/// The Leptos book's "automatic submission" form: an inline
/// `oninput="this.form.requestSubmit()"` written in `view!` is the
/// author's own handler, set as written, and each input submits the
/// `GET` form, which navigates inside the app.
#[wasm_bindgen_test]
async fn an_inline_handler_attribute_submits_the_form() {
    set_url("/");
    let container = test_container();
    let handle = mount_to_with_handle(container.clone(), || {
        view! {
            <Router base="">
                <Routes>
                    <Route path="" view=|| view! {
                        <Form method="GET" action="">
                            <input type="text" name="name" oninput="this.form.requestSubmit()"/>
                        </Form>
                    }/>
                </Routes>
            </Router>
        }
    });
    let input: web_sys::HtmlInputElement =
        wasm_bindgen::JsCast::unchecked_into(find(&container, "input"));
    input.set_value("Bo");
    common::dispatch(&input, "input");
    wait_until("the form navigated", || location() == "/?name=Bo").await;
    handle.unmount();
    set_url("/");
}

/// 0.6's `<Form>` works without a `<Router>`: a POST is still sent with
/// fetch, and the page stays (it panicked at render).
#[wasm_bindgen_test]
async fn a_post_form_works_without_a_router() {
    set_url("/start");
    let container = test_container();
    let version = create_rw_signal(0usize);
    let handle = mount_to_with_handle(container.clone(), move || {
        view! {
            <Form action="/form-target" method="post" version=version>
                <input name="name" value="lark"/>
                <button type="submit" id="send">"Send"</button>
            </Form>
        }
    });
    let form = find(&container, "form");
    assert_eq!(
        form.get_attribute("action").as_deref(),
        Some("/form-target")
    );
    click(&find(&container, "#send"));
    wait_until("the response arrived", || version.get_untracked() == 1).await;
    assert_eq!(location(), "/start");
    handle.unmount();
    set_url("/");
}

/// A non-GET form under a router base keeps the base, as a GET form and
/// `<A>` do (the base the author wrote was stripped, and a relative action
/// was sent without it).
#[wasm_bindgen_test]
fn a_post_form_under_a_base_keeps_the_base() {
    set_url("/app/x");
    let container = test_container();
    let handle = mount_to_with_handle(container.clone(), || {
        view! {
            <Router base="/app">
                <Routes base="/app".to_string()>
                    <Route path="/x" view=|| view! {
                        <Form method="post" action="/app/form-target" attr:id="written">
                            <button type="submit">"Send"</button>
                        </Form>
                        <Form method="post" action="save" attr:id="relative">
                            <button type="submit">"Send"</button>
                        </Form>
                    }/>
                </Routes>
            </Router>
        }
    });
    assert_eq!(
        find(&container, "#written")
            .get_attribute("action")
            .as_deref(),
        Some("/app/form-target")
    );
    assert_eq!(
        find(&container, "#relative")
            .get_attribute("action")
            .as_deref(),
        Some("/app/x/save")
    );
    handle.unmount();
    set_url("/");
}
