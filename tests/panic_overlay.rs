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
