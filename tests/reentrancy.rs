//! Re-entrancy: DOM writes that make the browser call back into the
//! framework synchronously (a focused element hidden fires `focusout`; a
//! custom element's `attributeChangedCallback` dispatches an event; a
//! handler that dispatches an event of its own type) must not find a
//! framework `RefCell` still borrowed.
#![cfg(target_arch = "wasm32")]

mod common;

use std::cell::Cell;
use std::rc::Rc;

use common::{click, find, test_container, text};
use larkspur::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// A focused input inside a section whose `hidden` is driven by a signal
/// (`attr` when `use_prop` is false, `prop:hidden` otherwise), with a
/// delegated `focusout` handler that reads and writes signals.
fn hide_focused(use_prop: bool) {
    let c = test_container();
    let (hidden, set_hidden) = create_signal(false);
    let (label, set_label) = create_signal(String::from("start"));
    let outs = Rc::new(Cell::new(0));
    let o = outs.clone();
    let _h = mount_to_with_handle(c.clone(), move || {
        let section = html::section();
        let section = if use_prop {
            section.prop("hidden", hidden)
        } else {
            section.attr("hidden", hidden)
        };
        html::div()
            .on(ev::focusout, move |e: web_sys::FocusEvent| {
                // currentTarget is redefined by the dispatcher (interned
                // names looked up inside the outer attribute write).
                assert!(e.current_target().is_some());
                o.set(o.get() + 1);
                set_label.set(format!("left {}", label.get_untracked()));
            })
            .child(section.child(html::input().attr("id", "focused")))
            .child(html::p().child(label))
            .child(
                html::button()
                    .on(ev::click, move |_| set_label.set("clicked".into()))
                    .child("b"),
            )
    });
    let input = find(&c, "#focused");
    input.focus().unwrap();
    let doc = web_sys::window().unwrap().document().unwrap();
    assert!(
        doc.active_element()
            .map(|a| a.is_same_node(Some(&input)))
            .unwrap_or(false),
        "the input has focus before it is hidden"
    );
    set_hidden.set(true);
    // Headful Chromium fires `focusout` from inside the `hidden` write; the
    // headless Chromium of the test runner (156) keeps the focus until the
    // element is removed. Either way the app must survive, and a handler
    // that ran saw a working framework.
    assert!(outs.get() <= 1);
    if outs.get() == 1 {
        assert_eq!(text(&find(&c, "p")), "left start");
    }
    // The app is still alive: later updates and events work.
    set_hidden.set(false);
    set_label.set("later".into());
    assert_eq!(text(&find(&c, "p")), "later");
    click(&find(&c, "button"));
    assert_eq!(text(&find(&c, "p")), "clicked");
}

#[wasm_bindgen_test]
fn hiding_the_focused_element_by_attribute_survives_focusout() {
    hide_focused(false);
}

#[wasm_bindgen_test]
fn hiding_the_focused_element_by_property_survives_focusout() {
    hide_focused(true);
}

/// Removing the focused element fires `blur` and `focusout` synchronously
/// inside the removal (here the framework's, from a render effect).
#[wasm_bindgen_test]
fn removing_the_focused_element_survives_focusout() {
    let c = test_container();
    let (shown, set_shown) = create_signal(true);
    let (label, set_label) = create_signal(String::from("start"));
    let outs = Rc::new(Cell::new(0));
    let o = outs.clone();
    let _h = mount_to_with_handle(c.clone(), move || {
        html::div()
            .on(ev::focusout, move |e: web_sys::FocusEvent| {
                let current: web_sys::Element = e.current_target().unwrap().unchecked_into();
                assert_eq!(current.tag_name(), "DIV");
                o.set(o.get() + 1);
                set_label.set(format!("left {}", label.get_untracked()));
            })
            .child(move || shown.get().then(|| html::input().attr("id", "focused")))
            .child(html::p().child(label))
    });
    find(&c, "#focused").focus().unwrap();
    set_shown.set(false);
    assert_eq!(outs.get(), 1, "focusout ran once, inside the removal");
    assert_eq!(text(&find(&c, "p")), "left start");
    set_shown.set(true);
    find(&c, "#focused").focus().unwrap();
    set_shown.set(false);
    assert_eq!(outs.get(), 2);
    assert_eq!(text(&find(&c, "p")), "left left start");
}

#[wasm_bindgen_test]
fn custom_element_callback_dispatching_a_bubbling_event() {
    js_sys::eval(
        "if (!customElements.get('x-pinger')) customElements.define('x-pinger', \
         class extends HTMLElement { \
           static get observedAttributes() { return ['data-level']; } \
           attributeChangedCallback() { \
             this.dispatchEvent(new Event('input', { bubbles: true })); \
           } \
         });",
    )
    .unwrap();
    let c = test_container();
    let (level, set_level) = create_signal(1);
    let pings = Rc::new(Cell::new(0));
    let p = pings.clone();
    let (seen, set_seen) = create_signal(0);
    let _h = mount_to_with_handle(c.clone(), move || {
        html::div()
            .on(ev::input, move |e: web_sys::Event| {
                let current: web_sys::Element = e.current_target().unwrap().unchecked_into();
                assert_eq!(current.tag_name(), "DIV");
                p.set(p.get() + 1);
                set_seen.set(p.get());
            })
            .child(html::custom("x-pinger").attr("data-level", level))
            .child(html::span().child(seen))
    });
    // While the element was built it was not in the document yet, so its
    // event reached no document listener.
    let first = pings.get();
    set_level.set(2);
    assert_eq!(pings.get(), first + 1);
    assert_eq!(text(&find(&c, "span")), (first + 1).to_string());
    set_level.set(3);
    assert_eq!(text(&find(&c, "span")), (first + 2).to_string());
}

#[wasm_bindgen_test]
fn handler_dispatching_its_own_event_type_reenters() {
    // A click handler that clicks another element: the document's shared
    // click function is entered again while it is still running.
    let c = test_container();
    let inner = Rc::new(Cell::new(0));
    let i = inner.clone();
    let _h = mount_to_with_handle(c.clone(), move || {
        html::div()
            .child(
                html::button()
                    .attr("id", "outer")
                    .on(ev::click, move |_| {
                        let doc = web_sys::window().unwrap().document().unwrap();
                        let other = doc.get_element_by_id("inner-target").unwrap();
                        other.unchecked_ref::<web_sys::HtmlElement>().click();
                    })
                    .child("outer"),
            )
            .child(
                html::button()
                    .attr("id", "inner-target")
                    .on(ev::click, move |_| i.set(i.get() + 1))
                    .child("inner"),
            )
    });
    click(&find(&c, "#outer"));
    assert_eq!(inner.get(), 1, "the nested click reached its handler");
    click(&find(&c, "#outer"));
    assert_eq!(inner.get(), 2);
}
