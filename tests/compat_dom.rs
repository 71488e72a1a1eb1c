//! Issue 9, item 2: DOM helpers, window events and element derefs, used as
//! a Leptos 0.6 app uses them.
#![cfg(target_arch = "wasm32")]

mod async_support;
mod common;

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use async_support::{promise_pair, wait};
use common::{click, find, test_container};
use larkspur::*;
// Beside the glob, as code with its own `leptos_dom` dependency writes it:
// one crate under both names, so neither import is ambiguous.
use larkspur_dom::helpers::event_target_value as dom_event_target_value;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn fire_on_window(name: &str) {
    let event = web_sys::Event::new(name).unwrap();
    window().dispatch_event(&event).unwrap();
}

fn type_into(input: &web_sys::HtmlInputElement, text: &str) {
    input.set_value(text);
    common::dispatch(input, "input");
}

#[wasm_bindgen_test]
fn event_target_value_and_checked_read_the_target() {
    let container = test_container();
    let (name, set_name) = create_signal(String::new());
    let (agreed, set_agreed) = create_signal(false);
    let _h = mount_to_with_handle(container.clone(), move || {
        view! {
            <input id="name" on:input=move |ev| set_name.set(event_target_value(&ev))/>
            <input id="agree" type="checkbox" on:change=move |ev| set_agreed.set(event_target_checked(&ev))/>
            <p>{name} " " {move || agreed.get().to_string()}</p>
        }
    });
    let input: web_sys::HtmlInputElement = find(&container, "#name").unchecked_into();
    type_into(&input, "Ada");
    assert_eq!(name.get_untracked(), "Ada");
    let check: web_sys::HtmlInputElement = find(&container, "#agree").unchecked_into();
    check.set_checked(true);
    common::dispatch(&check, "change");
    assert!(agreed.get_untracked());
    assert_eq!(find(&container, "p").text_content().unwrap(), "Ada true");
}

#[wasm_bindgen_test]
fn event_target_casts_to_the_element_type() {
    let container = test_container();
    let seen = Rc::new(RefCell::new(String::new()));
    let s = seen.clone();
    let _h = mount_to_with_handle(container.clone(), move || {
        view! {
            <input id="t" on:input=move |ev: ev::Event| {
                let el = event_target::<web_sys::HtmlInputElement>(&ev);
                *s.borrow_mut() = el.value();
            }/>
        }
    });
    let input: web_sys::HtmlInputElement = find(&container, "#t").unchecked_into();
    type_into(&input, "typed");
    assert_eq!(*seen.borrow(), "typed");
}

#[wasm_bindgen_test]
fn typed_window_listener_runs_until_removed() {
    let sizes = Rc::new(Cell::new(0));
    let s = sizes.clone();
    let handle = window_event_listener(ev::resize, move |e: ev::UiEvent| {
        assert_eq!(e.type_(), "resize");
        s.set(s.get() + 1);
    });
    fire_on_window("resize");
    fire_on_window("resize");
    assert_eq!(sizes.get(), 2);
    handle.remove();
    fire_on_window("resize");
    assert_eq!(sizes.get(), 2);
}

#[wasm_bindgen_test]
fn window_listeners_are_removed_with_their_owner() {
    let calls = Rc::new(Cell::new(0));
    let c = calls.clone();
    let owner = Owner::new_child();
    owner.with(|| {
        let _ = window_event_listener_untyped("compat-ping", move |_| c.set(c.get() + 1));
    });
    fire_on_window("compat-ping");
    assert_eq!(calls.get(), 1);
    owner.dispose();
    fire_on_window("compat-ping");
    assert_eq!(calls.get(), 1);
}

#[wasm_bindgen_test]
fn hashchange_is_a_typed_window_event_and_location_hash_strips_the_hash() {
    let seen = Rc::new(RefCell::new(Vec::new()));
    let s = seen.clone();
    let handle = window_event_listener(ev::hashchange, move |e: ev::HashChangeEvent| {
        s.borrow_mut().push(e.type_());
    });
    let init = web_sys::HashChangeEventInit::new();
    let event = web_sys::HashChangeEvent::new_with_event_init_dict("hashchange", &init).unwrap();
    window().dispatch_event(&event).unwrap();
    assert_eq!(*seen.borrow(), ["hashchange"]);
    handle.remove();

    let before = location().hash().unwrap();
    location().set_hash("compat-section").unwrap();
    assert_eq!(location_hash().as_deref(), Some("compat-section"));
    location().set_hash(&before).unwrap();
}

#[wasm_bindgen_test]
fn builders_and_node_refs_deref_to_their_web_sys_element() {
    let container = test_container();
    let input = html::input().attr("value", "hello");
    // `value()` is `web_sys::HtmlInputElement::value`, reached by deref.
    assert_eq!(input.value(), "hello");
    input.set_value("changed");
    let node_ref = create_node_ref::<html::Input>();
    let _h = mount_to_with_handle(container.clone(), move || {
        view! { <div>{input.node_ref(node_ref)}<p id="para">"text"</p></div> }
    });
    let el = node_ref.get().expect("loaded");
    el.focus().unwrap();
    assert_eq!(el.value(), "changed");
    let active = document().active_element().unwrap();
    assert!(active.is_same_node(Some(&el)));

    let p = html::p();
    p.set_inner_text("set through deref");
    assert_eq!(p.text_content().unwrap(), "set through deref");
}

#[wasm_bindgen_test]
fn into_any_erases_the_tag_type() {
    let container = test_container();
    fn heading(level: u8) -> HtmlElement<html::AnyElement> {
        match level {
            1 => html::h1().child("one").into_any(),
            _ => html::h2().child("two").into_any(),
        }
    }
    let items = vec![heading(1), heading(2)];
    assert_eq!(items[0].tag_name(), "H1");
    let _h = mount_to_with_handle(container.clone(), move || items.into_iter().collect_view());
    assert_eq!(container.inner_html(), "<h1>one</h1><h2>two</h2>");
}

#[wasm_bindgen_test]
fn event_types_are_named_through_ev() {
    let container = test_container();
    let got = Rc::new(Cell::new(0));
    let g = got.clone();
    let on_click = move |e: ev::MouseEvent| g.set(e.detail() + 1);
    let on_key = |_: ev::KeyboardEvent| {};
    let _h = mount_to_with_handle(container.clone(), move || {
        view! { <button id="b" on:click=on_click on:keydown=on_key>"b"</button> }
    });
    common::click(&find(&container, "#b"));
    assert_eq!(got.get(), 1);
}

#[wasm_bindgen_test]
async fn idle_callbacks_and_microtasks_run() {
    let (idle, resolve_idle) = promise_pair();
    request_idle_callback(move || {
        resolve_idle.call0(&JsValue::NULL).unwrap();
    });
    wait(&idle).await;

    let (micro, resolve_micro) = promise_pair();
    let ran = Rc::new(Cell::new(false));
    let r = ran.clone();
    queue_microtask(move || {
        r.set(true);
        resolve_micro.call0(&JsValue::NULL).unwrap();
    });
    assert!(!ran.get(), "not synchronously");
    wait(&micro).await;
    assert!(ran.get());
}

#[wasm_bindgen_test]
async fn idle_callbacks_are_cancelled_with_their_owner() {
    let ran = Rc::new(Cell::new(false));
    let r = ran.clone();
    let owner = Owner::new_child();
    owner.with(|| request_idle_callback(move || r.set(true)));
    owner.dispose();
    // A later idle callback runs after the first would have.
    let (idle, resolve_idle) = promise_pair();
    request_idle_callback(move || {
        resolve_idle.call0(&JsValue::NULL).unwrap();
    });
    wait(&idle).await;
    assert!(!ran.get());
}

#[wasm_bindgen_test]
async fn idle_callback_handles_are_copy_and_the_callers() {
    let ran = Rc::new(Cell::new(0));
    let before = live_timer_count();
    let owner = Owner::new_child();
    let (r1, r2) = (ran.clone(), ran.clone());
    // Made in a view, the `_with_handle` request is still the caller's (as
    // in 0.6): disposing the view leaves it.
    let (kept, dropped) = owner.with(|| {
        (
            request_idle_callback_with_handle(move || r1.set(r1.get() + 1)).unwrap(),
            request_idle_callback_with_handle(move || r2.set(r2.get() + 10)).unwrap(),
        )
    });
    assert_eq!(live_timer_count(), before + 2);
    owner.dispose();
    // `Copy`: the handle is used by two closures (0.6 code does this).
    let cancel_a = move || dropped.cancel();
    let cancel_b = move || dropped.cancel();
    cancel_a();
    cancel_b();
    assert_ne!(kept, dropped);
    assert_eq!(live_timer_count(), before + 1);
    let (idle, resolve_idle) = promise_pair();
    request_idle_callback(move || {
        resolve_idle.call0(&JsValue::NULL).unwrap();
    });
    wait(&idle).await;
    assert_eq!(
        ran.get(),
        1,
        "the kept request ran, the cancelled one did not"
    );
    assert_eq!(live_timer_count(), before, "a request that ran is freed");
    kept.cancel(); // after it ran: a no-op
}

#[wasm_bindgen_test]
fn window_listeners_are_removed_one_by_one_and_with_their_view() {
    let calls = Rc::new(Cell::new(0));
    let owner = Owner::new_child();
    for _ in 0..50 {
        let c = calls.clone();
        owner.with(|| {
            window_event_listener_untyped("compat-churn", move |_| c.set(c.get() + 1)).remove()
        });
    }
    let c = calls.clone();
    let last =
        owner.with(|| window_event_listener_untyped("compat-churn", move |_| c.set(c.get() + 100)));
    fire_on_window("compat-churn");
    assert_eq!(calls.get(), 100, "only the listener not removed runs");
    owner.dispose();
    fire_on_window("compat-churn");
    assert_eq!(calls.get(), 100, "removed with the view");
    last.remove(); // after the view took it: a no-op
}

#[wasm_bindgen_test]
fn timers_are_reachable_through_larkspur_dom_names() {
    // `set_timeout`/`set_interval` return `()` as in 0.6 (a closure's tail
    // expression), their `_with_handle` forms the 0.6 handle types.
    let on_click = |_: ()| set_interval(|| {}, std::time::Duration::from_secs(60));
    let () = on_click(());
    let handle: IntervalHandle =
        set_interval_with_handle(|| {}, std::time::Duration::from_secs(60)).unwrap();
    handle.clear();
    let timeout: TimeoutHandle =
        set_timeout_with_handle(|| {}, std::time::Duration::from_secs(60)).unwrap();
    timeout.clear();
    assert!(!is_server());
}

/// 0.6's builder extras: `optional_event`, `classes`, `dyn_classes`,
/// `on_mount` (after insertion, with the element) and `is_mounted`.
#[wasm_bindgen_test]
async fn builder_extras_of_leptos_0_6() {
    let container = test_container();
    let clicks = Rc::new(RefCell::new(0));
    let c = clicks.clone();
    let (active, set_active) = create_signal(true);
    let mounted = Rc::new(RefCell::new(None::<bool>));
    let m = mounted.clone();
    let _h = mount_to_with_handle(container.clone(), move || {
        let none: Option<fn(web_sys::MouseEvent)> = None;
        html::div()
            .child(
                html::button()
                    .attr("id", "some")
                    .optional_event(ev::click, Some(move |_| *c.borrow_mut() += 1)),
            )
            .child(
                html::button()
                    .attr("id", "none")
                    .optional_event(ev::click, none),
            )
            .child(
                html::div()
                    .attr("id", "classes")
                    .attr("class", "own")
                    .classes("card  shadow")
                    .dyn_classes(move || {
                        // An item may name several classes (0.6 splits it).
                        if active.get() {
                            vec!["tab", "active x"]
                        } else {
                            vec!["tab"]
                        }
                    }),
            )
            .child(html::input().attr("id", "field").on_mount(move |input| {
                *m.borrow_mut() = Some(input.is_mounted());
            }))
    });
    click(&find(&container, "#some"));
    click(&find(&container, "#none"));
    assert_eq!(*clicks.borrow(), 1);
    let classes = find(&container, "#classes");
    assert_eq!(classes.class_name(), "own card shadow tab active x");
    set_active.set(false);
    assert_eq!(classes.class_name(), "own card shadow tab");
    set_active.set(true);
    assert_eq!(classes.class_name(), "own card shadow tab active x");
    assert_eq!(
        *mounted.borrow(),
        None,
        "on_mount ran before the current work ended"
    );
    larkspur::testing::tick().await;
    assert_eq!(*mounted.borrow(), Some(true));
}

/// An element inserted seconds after it was built still gets its
/// `on_mount` callback. (The slower checks after about ten seconds are not
/// covered here: a test would have to wait that long.)
#[wasm_bindgen_test]
async fn on_mount_still_runs_for_an_element_inserted_late() {
    let container = test_container();
    let mounted = Rc::new(RefCell::new(false));
    let m = mounted.clone();
    let owner = Owner::new_child();
    let el = owner.with(|| {
        html::p()
            .attr("id", "late")
            .on_mount(move |_| *m.borrow_mut() = true)
    });
    larkspur::testing::sleep_ms(2600).await;
    assert!(!*mounted.borrow());
    container.append_child(&el).unwrap();
    for _ in 0..50 {
        if *mounted.borrow() {
            break;
        }
        larkspur::testing::sleep_ms(20).await;
    }
    assert!(*mounted.borrow(), "on_mount ran after the late insertion");
    owner.dispose();
}

/// `html::ToHtmlElement`: an element made elsewhere, wrapped in a builder.
#[wasm_bindgen_test]
fn an_outside_element_becomes_a_builder() {
    use larkspur::html::ToHtmlElement;
    let plain = document().create_element("section").unwrap();
    let clicks = Rc::new(Cell::new(0));
    let c = clicks.clone();
    let el = plain
        .clone()
        .to_leptos_element()
        .attr("data-ready", "yes")
        .on(ev::click, move |_| c.set(c.get() + 1))
        .child("hello");
    let container = test_container();
    container.append_child(&plain).unwrap();
    assert_eq!(plain.get_attribute("data-ready").as_deref(), Some("yes"));
    assert_eq!(plain.text_content().as_deref(), Some("hello"));
    click(&plain.clone().unchecked_into());
    assert_eq!(clicks.get(), 1);
    drop(el);
}

#[wasm_bindgen_test]
fn leptos_dom_paths_port_through_larkspur_and_the_crate() {
    // RustyTube: `use leptos::leptos_dom::helpers::TimeoutHandle;`.
    use larkspur::larkspur_dom::helpers::TimeoutHandle;
    let fired = Rc::new(Cell::new(false));
    let f = fired.clone();
    let handle: TimeoutHandle = larkspur::larkspur_dom::helpers::set_timeout_with_handle(
        move || f.set(true),
        std::time::Duration::from_millis(1),
    )
    .unwrap();
    handle.clear();
    assert!(!fired.get());
    assert!(!larkspur::larkspur_dom::HydrationCtx::is_hydrating());
    let container = test_container();
    let (seen, set_seen) = create_signal(String::new());
    let _h = mount_to_with_handle(container.clone(), move || {
        view! {
            <input on:input=move |ev| set_seen.set(dom_event_target_value(&ev))/>
            {larkspur_dom::text("plain")}
        }
    });
    let input: web_sys::HtmlInputElement = find(&container, "input").unchecked_into();
    type_into(&input, "typed");
    assert_eq!(seen.get_untracked(), "typed");
    assert!(container.text_content().unwrap().contains("plain"));
}

#[wasm_bindgen_test]
fn dom_event_responder_adds_handlers_to_builders_and_node_ref_elements() {
    // leptos_hotkeys: `element.add(ev::keydown, ..)` on `node_ref.get()`.
    use larkspur::ev::DOMEventResponder;
    let container = test_container();
    let keys = Rc::new(RefCell::new(Vec::<String>::new()));
    let input = create_node_ref::<html::Input>();
    let k = keys.clone();
    let handle = mount_to_with_handle(container.clone(), move || {
        let button = html::button()
            .attr("id", "b")
            .add(ev::click, move |_| k.borrow_mut().push("click".into()));
        view! { <input node_ref=input/> {button} }
    });
    let k = keys.clone();
    let el = input.get().unwrap();
    let el = handle
        .owner()
        .with(move || el.add(ev::keydown, move |e| k.borrow_mut().push(e.key())));
    let down = web_sys::KeyboardEventInit::new();
    down.set_key("k");
    down.set_bubbles(true);
    el.dispatch_event(
        &web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &down).unwrap(),
    )
    .unwrap();
    click(&find(&container, "#b"));
    assert_eq!(*keys.borrow(), ["k", "click"]);
    let live = larkspur::dom::events::live_handler_count();
    handle.unmount();
    assert_eq!(
        larkspur::dom::events::live_handler_count(),
        live - 2,
        "both handlers go with their owner"
    );
}

/// leptos-use's element conversions: generic code bounded on the marker's
/// `Deref` target (Leptos 0.6's markers deref to their `web_sys` type) gets
/// that type from an `HtmlElement`'s `deref()`, and from a node ref's
/// element.
fn as_plain_element<E>(el: HtmlElement<E>) -> web_sys::HtmlElement
where
    E: ElementDescriptor + std::ops::Deref<Target = web_sys::HtmlElement>,
{
    use std::ops::Deref;
    let el: &web_sys::HtmlElement = el.deref();
    el.clone()
}

fn as_event_target<E: ElementDescriptor>(el: HtmlElement<E>) -> web_sys::EventTarget
where
    E::Target: AsRef<web_sys::EventTarget>,
{
    let target: &web_sys::EventTarget = (*el).as_ref();
    target.clone()
}

#[wasm_bindgen_test]
fn marker_bounds_reach_the_element_as_in_leptos() {
    let section_ref = create_node_ref::<html::Section>();
    let container = test_container();
    let handle = mount_to_with_handle(container.clone(), move || {
        view! { <section id="s" node_ref=section_ref>"x"</section> }
    });
    let section = section_ref.get_untracked().expect("loaded");
    assert_eq!(as_plain_element(section.clone()).id(), "s");
    let target = as_event_target(section);
    assert!(target
        .dyn_ref::<web_sys::Element>()
        .is_some_and(|e| e.id() == "s"));
    // A marker value itself derefs to a detached element of its tag.
    assert_eq!(html::Div::default().tag_name(), "DIV");
    assert_eq!(html::Div {}.tag_name(), "DIV");
    assert!(!html::Div::default().is_connected());
    handle.unmount();
}

/// `HtmlElement::bindings` (0.6): attributes and handlers as `Binding`s.
#[wasm_bindgen_test]
fn bindings_apply_attributes_and_handlers() {
    let container = test_container();
    let clicks = Rc::new(Cell::new(0));
    let c = clicks.clone();
    let handle = mount_to_with_handle(container.clone(), move || {
        let on_click = EventHandlerFn::Click(Box::new(move |_| c.set(c.get() + 1)));
        html::button().attr("id", "bound").bindings([
            Binding::from(("title", "hint".into_attribute())),
            Binding::from(on_click),
        ])
    });
    let button = find(&container, "#bound");
    assert_eq!(button.get_attribute("title").as_deref(), Some("hint"));
    button.click();
    assert_eq!(clicks.get(), 1);
    handle.unmount();
}

/// `leptos_dom::helpers::set_property` / `get_property`, as two 0.6 apps
/// use them: `Some` sets, `None` deletes; the `prop:` checks apply
/// (markup properties refused, URL properties only safe URLs).
#[wasm_bindgen_test]
fn helpers_set_and_get_properties() {
    use larkspur_dom::helpers::{get_property, set_property};
    let video = document().create_element("video").unwrap();
    set_property(&video, "muted", &Some(JsValue::TRUE));
    assert_eq!(get_property(&video, "muted").unwrap(), JsValue::TRUE);
    set_property(&video, "myData", &Some(JsValue::from(7)));
    assert_eq!(get_property(&video, "myData").unwrap(), JsValue::from(7));
    set_property(&video, "myData", &None);
    assert!(get_property(&video, "myData").unwrap().is_undefined());

    let div = document().create_element("div").unwrap();
    set_property(&div, "innerHTML", &Some(JsValue::from_str("<b>x</b>")));
    assert_eq!(div.inner_html(), "", "markup is refused, as with prop:");
    let link = document().create_element("a").unwrap();
    set_property(
        &link,
        "href",
        &Some(JsValue::from_str("javascript:alert(1)")),
    );
    assert_eq!(link.get_attribute("href"), None);
    set_property(&link, "href", &Some(JsValue::from_str("/ok")));
    assert_eq!(link.get_attribute("href").as_deref(), Some("/ok"));
}

/// An effect made in `NodeRef::on_load` (a canvas drawn from a signal)
/// keeps running after its element is hidden and shown again: the ref's
/// reload does not dispose it (review62).
#[wasm_bindgen_test]
async fn an_effect_made_in_on_load_survives_its_element_being_shown_again() {
    let (shown, set_shown) = create_signal(true);
    let (data, set_data) = create_signal(1);
    let drawn = Rc::new(Cell::new(0));
    let loads = Rc::new(Cell::new(0));
    let (d, l) = (drawn.clone(), loads.clone());
    let handle = mount_to_with_handle(test_container(), move || {
        let canvas = create_node_ref::<html::Div>();
        canvas.on_load(move |_| {
            l.set(l.get() + 1);
            let d = d.clone();
            create_effect(move |_| d.set(data.get()));
        });
        view! { <Show when=move || shown.get()><div node_ref=canvas/></Show> }
    });
    common::let_tasks_run().await;
    assert_eq!((loads.get(), drawn.get()), (1, 1));
    set_shown(false);
    set_shown(true);
    common::let_tasks_run().await;
    set_data(2);
    common::let_tasks_run().await;
    assert_eq!(
        (loads.get(), drawn.get()),
        (1, 2),
        "once loaded, still drawing"
    );
    handle.unmount();
}
