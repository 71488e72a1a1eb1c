//! The panic overlay of debug builds (`larkspur::dom::panic`): what the panic
//! hook puts in front of the page, and that the installed hook really shows it.
//!
//! A panic on wasm32 aborts the running call, so the direct tests call the
//! overlay builder itself with a made-up message. One test does panic, inside
//! a function that JavaScript calls: the trap comes back to the test as a
//! caught exception, after the hook has run.
#![cfg(target_arch = "wasm32")]

use larkspur::dom::panic::{show_panic_overlay, PANIC_OVERLAY_ID};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

fn take_overlay() -> Option<web_sys::HtmlElement> {
    let overlay = document().get_element_by_id(PANIC_OVERLAY_ID)?;
    overlay.remove();
    Some(overlay.unchecked_into())
}

#[wasm_bindgen_test]
fn overlay_shows_the_message_and_location_as_an_alert() {
    take_overlay();
    show_panic_overlay("panicked at src/app.rs:12:9:\nindex out of bounds");
    let overlay = take_overlay().expect("the overlay is in the document");
    assert_eq!(overlay.get_attribute("role").as_deref(), Some("alert"));
    assert_eq!(
        overlay.style().get_property_value("position").unwrap(),
        "fixed"
    );
    let text = overlay.text_content().unwrap();
    assert!(text.contains("src/app.rs:12:9"), "{text}");
    assert!(text.contains("index out of bounds"), "{text}");
    assert!(overlay.parent_node().is_none());
}

#[wasm_bindgen_test]
fn overlay_message_is_text_not_markup() {
    take_overlay();
    let hostile = "panicked at x.rs:1:1:\n<img src=x onerror=\"window.__panic_xss=1\"><b>bold</b>";
    show_panic_overlay(hostile);
    let overlay = take_overlay().unwrap();
    assert!(overlay.query_selector("img, b").unwrap().is_none());
    assert!(overlay.text_content().unwrap().contains(hostile));
    let flag = js_sys::Reflect::get(&js_sys::global(), &"__panic_xss".into()).unwrap();
    assert!(flag.is_undefined());
}

/// The overlay covers the top of the page: its button takes it away, so
/// the page (which recovers after a panic) can be used again.
#[wasm_bindgen_test]
fn the_overlay_can_be_dismissed() {
    take_overlay();
    show_panic_overlay("panicked at src/app.rs:1:1:\nboom");
    let overlay = document().get_element_by_id(PANIC_OVERLAY_ID).unwrap();
    let button: web_sys::HtmlElement = overlay
        .query_selector("button")
        .unwrap()
        .expect("a dismiss button")
        .unchecked_into();
    assert_eq!(button.text_content().as_deref(), Some("Dismiss"));
    button.click();
    assert!(document().get_element_by_id(PANIC_OVERLAY_ID).is_none());
}

#[wasm_bindgen_test]
fn a_second_panic_message_joins_the_same_overlay() {
    take_overlay();
    show_panic_overlay("first");
    show_panic_overlay("second");
    let overlays = document()
        .query_selector_all(&format!("#{PANIC_OVERLAY_ID}"))
        .unwrap();
    assert_eq!(overlays.length(), 1);
    let overlay = take_overlay().unwrap();
    assert_eq!(overlay.query_selector_all("pre").unwrap().length(), 2);
    let text = overlay.text_content().unwrap();
    assert!(text.find("first").unwrap() < text.find("second").unwrap());
}

#[wasm_bindgen(
    inline_js = "export function call_catching(f) { try { f(); return null; } catch (e) { return String(e); } }"
)]
extern "C" {
    fn call_catching(f: &js_sys::Function) -> Option<String>;
}

/// The installed hook shows the overlay in debug builds and not in release
/// builds. The panic happens in a closure JavaScript calls; the wasm trap it
/// ends in surfaces as an exception that the JS caller catches. The
/// panicking frames are abandoned, which is harmless here because they hold
/// no framework state.
#[wasm_bindgen_test]
fn the_installed_hook_shows_the_overlay_in_debug_builds_only() {
    take_overlay();
    larkspur::install_browser_hooks();
    let boom = Closure::<dyn Fn()>::new(|| panic!("boom from a handler: <b>{}</b>", 42));
    let error = call_catching(boom.as_ref().unchecked_ref());
    assert!(error.is_some(), "the panic surfaced as an exception");
    let overlay = take_overlay();
    if cfg!(debug_assertions) {
        let text = overlay
            .expect("debug builds show the overlay")
            .text_content()
            .unwrap();
        assert!(text.contains("boom from a handler: <b>42</b>"), "{text}");
        assert!(text.contains("tests/panic_overlay.rs"), "{text}");
    } else {
        assert!(overlay.is_none(), "release builds only log to the console");
    }
}

async fn microtask() {
    let resolved = js_sys::Promise::resolve(&JsValue::UNDEFINED);
    wasm_bindgen_futures::JsFuture::from(resolved)
        .await
        .unwrap();
}

fn input(el: &web_sys::HtmlInputElement, value: &str) {
    el.set_value(value);
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    let event = web_sys::Event::new_with_event_init_dict("input", &init).unwrap();
    // A listener's exception is reported, not thrown to the dispatcher.
    el.dispatch_event(&event).unwrap();
}

/// After a panic in a view's closure during an update, the app keeps
/// working, as a Leptos 0.6 app does (probe27: an expense tracker whose
/// `amount.get().unwrap()` panicked on a non-number stayed frozen): later
/// input events write their signals, every view follows, the view that
/// panicked shows the next good value, and signals made afterwards are not
/// owned by the effect that panicked.
#[wasm_bindgen_test]
async fn the_app_keeps_working_after_a_panic_in_an_update() {
    use larkspur::*;
    let root = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&root).unwrap();
    let (n, set_n) = create_signal(1i32);
    let later = store_value(None::<RwSignal<i32>>);
    let handle = mount_to_with_handle(root.clone().unchecked_into(), move || {
        view! {
            <input on:input=move |ev| set_n.set(event_target_value(&ev).parse().unwrap_or(-1))/>
            <p id="bad">{move || {
                let v = n.get();
                if v < 0 {
                    panic!("negative");
                }
                v
            }}</p>
            <p id="other">{move || n.get() * 10}</p>
            <button on:click=move |_| {
                // Batched writes, the second panicking inside the batch.
                batch(|| {
                    set_n.set(7);
                    if n.get_untracked() == 7 {
                        panic!("in a batch");
                    }
                });
            }>"b"</button>
        }
    });
    let q = |s: &str| root.query_selector(s).unwrap().unwrap();
    let field: web_sys::HtmlInputElement = q("input").unchecked_into();
    assert_eq!(q("#other").text_content().unwrap(), "10");

    input(&field, "abc");
    take_overlay();
    assert_eq!(n.get_untracked(), -1);
    // The reset runs in a microtask, when no wasm frame is live.
    microtask().await;
    input(&field, "5");
    assert_eq!(n.get_untracked(), 5, "the handler's write took effect");
    assert_eq!(q("#other").text_content().unwrap(), "50");
    assert_eq!(q("#bad").text_content().unwrap(), "5");

    // A signal made at the top level after the panic belongs to no effect:
    // updating the views does not dispose it.
    later.set_value(Some(create_rw_signal(3)));
    input(&field, "6");
    assert_eq!(later.get_value().and_then(|s| s.try_get()), Some(3));

    // A panic inside `batch`: the batch never ended, yet effects run again.
    q("button").unchecked_into::<web_sys::HtmlElement>().click();
    take_overlay();
    microtask().await;
    input(&field, "8");
    assert_eq!(q("#other").text_content().unwrap(), "80");
    assert_eq!(q("#bad").text_content().unwrap(), "8");
    handle.unmount();
    root.remove();
}

fn panicking_route() -> larkspur::View {
    panic!("a route that panics")
}

/// A link to a route whose view panics: the router prevents the browser's
/// navigation before it navigates, so the panic cannot turn the click into
/// a full page load, and a later link works (probe28).
#[wasm_bindgen_test]
async fn a_link_to_a_panicking_route_stays_in_the_app() {
    use larkspur::router::*;
    use larkspur::*;
    let history = web_sys::window().unwrap().history().unwrap();
    history
        .replace_state_with_url(&JsValue::NULL, "", Some("/"))
        .unwrap();
    let root = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&root).unwrap();
    let handle = mount_to_with_handle(root.clone().unchecked_into(), || {
        view! {
            <Router>
                <nav><a href="/bad">"bad"</a><a href="/ok">"ok"</a></nav>
                <main>
                    <Routes>
                        <Route path="/" view=|| view! { <p>"home"</p> }/>
                        <Route path="/bad" view=panicking_route/>
                        <Route path="/ok" view=|| view! { <p>"ok"</p> }/>
                    </Routes>
                </main>
            </Router>
        }
    });
    // After the router's window listener: records whether the browser
    // would follow the link, and keeps this test page in place.
    let left_to_browser = std::rc::Rc::new(std::cell::Cell::new(0));
    let seen = left_to_browser.clone();
    let guard = Closure::<dyn Fn(web_sys::Event)>::new(move |ev: web_sys::Event| {
        if !ev.default_prevented() {
            seen.set(seen.get() + 1);
            ev.prevent_default();
        }
    });
    let window = web_sys::window().unwrap();
    window
        .add_event_listener_with_callback("click", guard.as_ref().unchecked_ref())
        .unwrap();
    let link = |text: &str| -> web_sys::HtmlElement {
        let links = root.query_selector_all("nav a").unwrap();
        (0..links.length())
            .map(|i| {
                links
                    .item(i)
                    .unwrap()
                    .unchecked_into::<web_sys::HtmlElement>()
            })
            .find(|a| a.text_content().as_deref() == Some(text))
            .unwrap()
    };
    link("bad").click();
    take_overlay();
    microtask().await;
    assert_eq!(left_to_browser.get(), 0, "the click was the router's");
    link("ok").click();
    microtask().await;
    assert_eq!(left_to_browser.get(), 0);
    assert_eq!(
        root.query_selector("main")
            .unwrap()
            .unwrap()
            .text_content()
            .unwrap(),
        "ok"
    );
    window
        .remove_event_listener_with_callback("click", guard.as_ref().unchecked_ref())
        .unwrap();
    handle.unmount();
    root.remove();
    history
        .replace_state_with_url(&JsValue::NULL, "", Some("/"))
        .unwrap();
}

/// After a panic anywhere, a write made inside `memo.with(..)` still
/// reaches the DOM: on wasm32 `std::thread::panicking()` stays true for
/// good after the first panic, and the effects held back during the
/// borrow were run only when it was false (probe28).
#[wasm_bindgen_test]
async fn writes_held_back_during_a_memo_borrow_run_after_an_earlier_panic() {
    use larkspur::*;
    let root = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&root).unwrap();
    let (n, _) = create_signal(1);
    let (x, set_x) = create_signal(0);
    let handle = mount_to_with_handle(root.clone().unchecked_into(), move || {
        let m = create_memo(move |_| n.get() * 10);
        view! {
            <button id="boom" on:click=|_| panic!("unrelated panic")>"boom"</button>
            <button id="w" on:click=move |_| m.with(|v| set_x.set(*v + x.get_untracked()))>"w"</button>
            <p id="x">{move || x.get()}</p>
        }
    });
    let q = |s: &str| {
        root.query_selector(s)
            .unwrap()
            .unwrap()
            .unchecked_into::<web_sys::HtmlElement>()
    };
    q("#w").click();
    assert_eq!(q("#x").text_content().unwrap(), "10");
    q("#boom").click();
    take_overlay();
    microtask().await;
    q("#w").click();
    assert_eq!(x.get_untracked(), 20);
    assert_eq!(
        q("#x").text_content().unwrap(),
        "20",
        "the view shows the write"
    );
    handle.unmount();
    root.remove();
}

/// The test kit's console guard still reports a `console.error` after an
/// earlier panic (`std::thread::panicking()` stays true on wasm32).
#[wasm_bindgen_test]
fn the_console_guard_still_reports_after_a_panic() {
    let boom = Closure::<dyn Fn()>::new(|| panic!("an earlier panic"));
    assert!(call_catching(boom.as_ref().unchecked_ref()).is_some());
    take_overlay();
    let logged = Closure::<dyn Fn()>::new(|| {
        let guard = larkspur::testing::fail_on_console_error();
        web_sys::console::error_1(&"oops".into());
        drop(guard);
    });
    let error = call_catching(logged.as_ref().unchecked_ref());
    take_overlay();
    assert!(error.is_some(), "the guard panicked on the logged error");
}

#[wasm_bindgen(
    inline_js = "export function throw_above(n) { if (n > 0) { throw new Error('thrown by JS: ' + n); } return n; }"
)]
extern "C" {
    /// A JS library call without `catch` (a thrown exception unwinds
    /// through the wasm frames that called it).
    fn throw_above(n: i32) -> i32;
}

/// A JavaScript exception thrown through an effect (a JS library binding
/// without `catch`, or `expect_throw`) abandons the effect run as a panic
/// does but never reaches the panic hook (probe31: leptos-tiptap, messaging
/// an editor that is gone, froze the app). The window's `error` event
/// queues the same reset, so later writes render, and a `<Show>` around
/// the component that threw builds it again, as in Leptos 0.6.
#[wasm_bindgen_test]
async fn the_app_keeps_working_after_a_js_exception_in_an_effect() {
    use larkspur::*;
    use wasm_bindgen::UnwrapThrowExt;
    let root = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&root).unwrap();
    let (msg, set_msg) = create_signal(0);
    let (n, set_n) = create_signal(0);
    let (shown, set_shown) = create_signal(true);
    let handle = mount_to_with_handle(root.clone().unchecked_into(), move || {
        view! {
            <button id="js" on:click=move |_| set_msg.update(|m| *m += 1)>"js"</button>
            <button id="throw" on:click=move |_| set_n.update(|v| *v += 1)>"throw"</button>
            <p id="msg">{move || msg.get()}</p>
            <p id="n">{move || n.get()}</p>
            <Show when=move || shown.get()>
                {move || {
                    create_effect(move |_| {
                        throw_above(msg.get());
                    });
                    create_effect(move |_| {
                        if n.get() > 0 {
                            None::<i32>.expect_throw("no value");
                        }
                    });
                    view! { <span class="editor">"editor"</span> }
                }}
            </Show>
        }
    });
    microtask().await;
    let q = |s: &str| root.query_selector(s).unwrap();
    let click = |s: &str| {
        q(s).unwrap()
            .unchecked_into::<web_sys::HtmlElement>()
            .click()
    };

    click("#js"); // the effect's JS call throws
    microtask().await;
    click("#js");
    microtask().await;
    assert_eq!(q("#msg").unwrap().text_content().unwrap(), "2");

    click("#throw"); // `expect_throw`: a JS exception too, not a panic
    microtask().await;
    click("#throw");
    microtask().await;
    assert_eq!(q("#n").unwrap().text_content().unwrap(), "2");

    set_msg.set(0);
    set_n.set(0);
    set_shown.set(false);
    assert!(q(".editor").is_none());
    set_shown.set(true);
    assert!(q(".editor").is_some(), "the component is built again");
    handle.unmount();
    root.remove();
}

#[wasm_bindgen(inline_js = "export function later(f) { Promise.resolve(1).then(f); }")]
extern "C" {
    /// Calls `f` from a promise callback (as `Promise.then(closure)` in app
    /// code does): an exception thrown out of it rejects the derived
    /// promise, which nobody handles.
    fn later(f: &JsValue);
}

/// A JavaScript exception thrown through Rust code that runs in a promise
/// callback is reported as an `unhandledrejection` event, not an `error`
/// event; it starts the same reset, so the app keeps rendering.
#[wasm_bindgen_test]
async fn the_app_keeps_working_after_a_js_exception_in_a_promise_callback() {
    use larkspur::*;
    let root = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&root).unwrap();
    let (other, set_other) = create_signal(0);
    let handle = mount_to_with_handle(root.clone().unchecked_into(), move || {
        view! { <p id="other">{move || other.get()}</p> }
    });
    // The exception leaves the batch open: until the reset, no write
    // renders.
    let write = Closure::<dyn Fn()>::new(move || {
        batch(|| {
            set_other.set(1);
            throw_above(1);
        })
    })
    .into_js_value();
    later(&write);
    // The rejection is reported after the microtask checkpoint.
    larkspur::testing::sleep_ms(20).await;
    set_other.set(5);
    microtask().await;
    let text = root
        .query_selector("#other")
        .unwrap()
        .unwrap()
        .text_content();
    assert_eq!(text.as_deref(), Some("5"), "later writes still render");
    handle.unmount();
    root.remove();
}

#[derive(Clone, Copy)]
struct AppState(i32);

/// After a reset (a panic, a JS exception, or any error the page reports,
/// such as Chrome's "ResizeObserver loop" error event), handlers still find
/// the app's contexts: the reset puts back the mounted app's root, where
/// `use_context` looks when no owner is current.
#[wasm_bindgen_test]
async fn handlers_find_the_apps_contexts_after_a_reset() {
    use larkspur::*;
    let root = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&root).unwrap();
    let (seen, set_seen) = create_signal(0);
    let handle = mount_to_with_handle(root.clone().unchecked_into(), move || {
        provide_context(AppState(7));
        view! {
            <button on:click=move |_| set_seen.set(expect_context::<AppState>().0)>"read"</button>
            <button id="boom" on:click=move |_| panic!("boom in a handler")>"boom"</button>
        }
    });
    let click = |s: &str| {
        root.query_selector(s)
            .unwrap()
            .unwrap()
            .unchecked_into::<web_sys::HtmlElement>()
            .click()
    };
    // An error event from elsewhere on the page.
    web_sys::window()
        .unwrap()
        .dispatch_event(&web_sys::Event::new("error").unwrap())
        .unwrap();
    microtask().await;
    click("button");
    assert_eq!(seen.get_untracked(), 7);

    set_seen.set(0);
    click("#boom");
    take_overlay();
    microtask().await;
    click("button");
    assert_eq!(seen.get_untracked(), 7, "after a real panic too");
    handle.unmount();
    root.remove();
}

/// A panic while a value is borrowed (inside `update`, inside a `with`
/// closure, inside a memo's computation) leaves no borrow behind
/// (probe39: after TodoMVC's id overflowed inside `update`, every later
/// write of its list panicked "written while it is being read", and the
/// app ignored input): after the reset, the signal is written and read
/// again, and holds what the panicking closure left in it.
#[wasm_bindgen_test]
async fn a_panic_inside_update_with_or_a_memo_leaves_no_borrow_behind() {
    use larkspur::*;
    let root = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&root).unwrap();
    let (items, set_items) = create_signal(vec![1u32]);
    let (pick, set_pick) = create_signal(0usize);
    let handle = mount_to_with_handle(root.clone().unchecked_into(), move || {
        let picked = create_memo(move |_| items.with(|v| v[pick.get()]));
        view! {
            <button id="push" on:click=move |_| set_items.update(|v| {
                v.push(2);
                // Half-way through the update (after the push).
                let _ = v.len().checked_sub(4).expect("too few");
            })>"push"</button>
            <button id="far" on:click=move |_| set_pick.set(3)>"far"</button>
            <button id="reset" on:click=move |_| set_items.set(vec![9])>"reset"</button>
            <p id="len">{move || items.with(|v| v.len())}</p>
            <p id="picked">{move || picked.get()}</p>
        }
    });
    let q = |s: &str| root.query_selector(s).unwrap().unwrap();
    let click = |s: &str| q(s).unchecked_into::<web_sys::HtmlElement>().click();

    // A panic inside `update`.
    click("#push");
    take_overlay();
    assert_eq!(q("#len").text_content().unwrap(), "1");
    microtask().await;
    assert_eq!(items.get_untracked(), vec![1, 2], "what the update did");
    click("#reset");
    assert_eq!(
        items.get_untracked(),
        vec![9],
        "the signal takes writes again"
    );
    assert_eq!(q("#len").text_content().unwrap(), "1");
    assert_eq!(q("#picked").text_content().unwrap(), "9");

    // A panic inside a memo's computation (inside a `with`): out of range.
    click("#far");
    take_overlay();
    microtask().await;
    set_pick.set(0);
    set_items.set(vec![4, 5]);
    assert_eq!(q("#picked").text_content().unwrap(), "4");
    set_pick.set(1);
    assert_eq!(q("#picked").text_content().unwrap(), "5");
    assert_eq!(q("#len").text_content().unwrap(), "2");
    handle.unmount();
    root.remove();
}

/// A handler with listener options (`ev::Custom` with `options_mut`) and a
/// `debounce`d callback each panic once on input they cannot parse; both
/// run again for later input (their abandoned runs do not keep them
/// borrowed).
#[wasm_bindgen_test]
async fn a_handler_with_options_and_a_debounced_callback_run_again_after_a_panic() {
    use larkspur::*;
    use std::time::Duration;
    let root = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&root).unwrap();
    let (seen, set_seen) = create_signal(Vec::<u32>::new());
    let (debounced, set_debounced) = create_signal(Vec::<u32>::new());
    let handle = mount_to_with_handle(root.clone().unchecked_into(), move || {
        let mut input_ev = ev::Custom::<web_sys::Event>::new("input");
        input_ev.options_mut().set_capture(true);
        let mut save = debounce(Duration::from_millis(1), move |text: String| {
            let n: u32 = text.parse().unwrap();
            set_debounced.update(|v| v.push(n));
        });
        html::input().on(input_ev, move |ev| {
            let text = event_target_value(&ev);
            save(text.clone());
            let n: u32 = text.parse().unwrap();
            set_seen.update(|v| v.push(n));
        })
    });
    let field: web_sys::HtmlInputElement = root
        .query_selector("input")
        .unwrap()
        .unwrap()
        .unchecked_into();
    let settle = || async {
        // The debounce's timeout, then the reset's microtask.
        let (promise, resolve) = {
            let mut resolve = None;
            let promise = js_sys::Promise::new(&mut |r, _| resolve = Some(r));
            (promise, resolve.unwrap())
        };
        let window = web_sys::window().unwrap();
        window
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 20)
            .unwrap();
        wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
        microtask().await;
        take_overlay();
    };
    input(&field, "1");
    settle().await;
    input(&field, "abc"); // both panic
    settle().await;
    input(&field, "2");
    settle().await;
    input(&field, "3");
    settle().await;
    assert_eq!(seen.get_untracked(), [1, 2, 3]);
    assert_eq!(debounced.get_untracked(), [1, 2, 3]);
    handle.unmount();
    root.remove();
}

/// A `create_selector_with_fn` whose test panics once, inside a view's
/// read of a key: the abandoned read leaves no borrow of the selection
/// behind, so the selector follows later values.
#[wasm_bindgen_test]
async fn a_selector_with_fn_follows_later_values_after_its_test_panicked() {
    use larkspur::*;
    use std::cell::Cell;
    use std::rc::Rc;
    let root = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&root).unwrap();
    let (value, set_value) = create_signal(1i32);
    let (trip, set_trip) = create_signal(false);
    let explode = Rc::new(Cell::new(false));
    let armed = Cell::new(true);
    let e = explode.clone();
    let near = create_selector_with_fn(
        move || value.get(),
        move |key: &i32, v: &i32| {
            if e.replace(false) {
                panic!("the test's one panic");
            }
            (key - v).abs() <= 1
        },
    );
    let handle = mount_to_with_handle(root.clone().unchecked_into(), move || {
        view! {
            <input on:input=move |ev| set_value.set(event_target_value(&ev).parse().unwrap_or(0))/>
            <p>{move || {
                // Only the first run after the trip panics.
                if trip.get() && armed.replace(false) {
                    explode.set(true);
                }
                near.selected(2).to_string()
            }}</p>
        }
    });
    let q = |s: &str| root.query_selector(s).unwrap().unwrap();
    let field: web_sys::HtmlInputElement = q("input").unchecked_into();
    assert_eq!(q("p").text_content().unwrap(), "true");
    let _ = call_catching(
        Closure::<dyn Fn()>::new(move || set_trip.set(true))
            .as_ref()
            .unchecked_ref(),
    );
    take_overlay();
    microtask().await;
    input(&field, "9");
    assert_eq!(value.get_untracked(), 9, "the handler ran");
    assert!(!near.selected(2), "the selector follows");
    assert_eq!(q("p").text_content().unwrap(), "false");
    input(&field, "3");
    assert_eq!(q("p").text_content().unwrap(), "true");
    handle.unmount();
    root.remove();
}

/// A reactive cycle through a memo is stopped by the cycle guard (a panic,
/// caught here by the JS caller); afterwards, writes still reach the
/// effect that reads the signal through the memo, which the guard left
/// stale when it abandoned the flush (helper-113).
#[wasm_bindgen_test]
async fn writes_reach_an_effect_through_a_memo_after_a_cycle() {
    use larkspur::*;
    use std::cell::Cell;
    use std::rc::Rc;
    // As a mounted app has it: the runtime recovers after a panic.
    larkspur::install_browser_hooks();
    let (n, set_n) = create_signal(0);
    let (m, set_m) = create_signal(0);
    let stop = Rc::new(Cell::new(true));
    let last = Rc::new(Cell::new(-1));
    let shifted = create_memo(move |_| n.get() + 1000);
    let (st, l) = (stop.clone(), last.clone());
    create_render_effect(move |_| {
        let v = shifted.get();
        l.set(v);
        if !st.get() {
            set_m.set(v + 1);
        }
    });
    let st = stop.clone();
    create_render_effect(move |_| {
        let v = m.get();
        if !st.get() {
            set_n.set(v + 1);
        }
    });
    stop.set(false);
    let cycle = Closure::<dyn Fn()>::new(move || set_n.set(1));
    assert!(
        call_catching(cycle.as_ref().unchecked_ref()).is_some(),
        "the cycle guard fired"
    );
    take_overlay();
    microtask().await;
    stop.set(true);
    set_n.set(-5);
    microtask().await;
    assert_eq!(
        last.get(),
        995,
        "later writes reach the effect through the memo"
    );
    set_n.set(7);
    microtask().await;
    assert_eq!(last.get(), 1007);
}

/// A memo that panics while an effect checks it leaves the memos the
/// effect reads after it unchecked; after the recovery, writes to those
/// memos' sources still reach the effect (helper-113).
#[wasm_bindgen_test]
async fn writes_reach_an_effect_after_a_memo_it_checked_panicked() {
    use larkspur::*;
    use std::cell::Cell;
    use std::rc::Rc;
    larkspur::install_browser_hooks();
    let (a, set_a) = create_signal(0);
    let (b, set_b) = create_signal(0);
    let first = create_memo(move |_| {
        let v = a.get();
        assert!(v != 1, "the first memo fails at 1");
        v
    });
    let second = create_memo(move |_| b.get() + 100);
    let seen = Rc::new(Cell::new((-1, -1)));
    let s = seen.clone();
    create_render_effect(move |_| s.set((first.get(), second.get())));
    assert_eq!(seen.get(), (0, 100));
    // Both memos stale; the effect checks `first` (which panics) before
    // it gets to `second`.
    let boom = Closure::<dyn Fn()>::new(move || {
        batch(|| {
            set_b.set(5);
            set_a.set(1);
        })
    });
    assert!(call_catching(boom.as_ref().unchecked_ref()).is_some());
    take_overlay();
    microtask().await;
    set_b.set(7);
    microtask().await;
    assert_eq!(
        seen.get().1,
        107,
        "a later write reaches the effect through `second`"
    );
    set_a.set(2);
    microtask().await;
    assert_eq!(seen.get(), (2, 107));
}
