//! Events: delegation (bubbling order, stopPropagation, currentTarget),
//! opt-out, non-bubbling events, custom events, and listeners going away
//! with their owner.
#![cfg(target_arch = "wasm32")]

mod common;

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use common::{click, dispatch, find, test_container, text};
use larkspur::dom::events::live_handler_count;
use larkspur::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

type Log = Rc<RefCell<Vec<String>>>;

fn push(log: &Log, s: &str) {
    log.borrow_mut().push(s.to_string());
}

#[wasm_bindgen_test]
fn delegated_click_updates_state() {
    let c = test_container();
    let _h = mount_to_with_handle(c.clone(), || {
        let (count, set_count) = create_signal(0);
        html::button()
            .on(ev::click, move |_: web_sys::MouseEvent| {
                set_count.update(|n| *n += 1)
            })
            .child("Click Me: ")
            .child(count)
    });
    let button = find(&c, "button");
    click(&button);
    click(&button);
    assert_eq!(text(&button), "Click Me: 2");
    assert!(
        !js_sys::Reflect::has(&button, &"$$click:d".into()).unwrap(),
        "click is delegated, not attached to the element"
    );
}

#[wasm_bindgen_test]
fn bubbling_order_and_current_target() {
    let c = test_container();
    let log: Log = Default::default();
    let (l1, l2, l3) = (log.clone(), log.clone(), log.clone());
    let _h = mount_to_with_handle(c.clone(), move || {
        let handler = |log: Log, id: &'static str| {
            move |e: web_sys::MouseEvent| {
                let current: web_sys::Element = e.current_target().unwrap().unchecked_into();
                let target: web_sys::Element = e.target().unwrap().unchecked_into();
                push(&log, &format!("{id}:{}:{}", current.id(), target.id()));
            }
        };
        html::div()
            .attr("id", "outer")
            .on(ev::click, handler(l1, "outer"))
            .child(
                html::section()
                    .attr("id", "middle")
                    .on(ev::click, handler(l2, "middle"))
                    .child(
                        html::button()
                            .attr("id", "inner")
                            .on(ev::click, handler(l3, "inner")),
                    ),
            )
    });
    click(&find(&c, "#inner"));
    assert_eq!(
        *log.borrow(),
        [
            "inner:inner:inner",
            "middle:middle:inner",
            "outer:outer:inner"
        ]
    );
    log.borrow_mut().clear();
    click(&find(&c, "#middle"));
    assert_eq!(
        *log.borrow(),
        ["middle:middle:middle", "outer:outer:middle"]
    );
}

#[wasm_bindgen_test]
fn current_target_is_restored_after_dispatch() {
    let c = test_container();
    let kept: Rc<RefCell<Option<web_sys::MouseEvent>>> = Default::default();
    let k = kept.clone();
    let _h = mount_to_with_handle(c.clone(), move || {
        html::button().on(ev::click, move |e| {
            *k.borrow_mut() = Some(e);
        })
    });
    click(&find(&c, "button"));
    let ev = kept.borrow_mut().take().unwrap();
    assert!(
        ev.current_target().is_none(),
        "after dispatch currentTarget is null, as in the DOM"
    );
}

#[wasm_bindgen_test]
fn stop_propagation_stops_delegated_bubbling() {
    let c = test_container();
    let log: Log = Default::default();
    let (l1, l2) = (log.clone(), log.clone());
    let _h = mount_to_with_handle(c.clone(), move || {
        html::div()
            .on(ev::click, move |_| push(&l1, "outer"))
            .child(html::button().on(ev::click, move |e: web_sys::MouseEvent| {
                push(&l2, "inner");
                e.stop_propagation();
            }))
    });
    click(&find(&c, "button"));
    assert_eq!(*log.borrow(), ["inner"]);
}

#[wasm_bindgen_test]
fn undelegated_handlers_are_attached_to_the_element() {
    let c = test_container();
    let log: Log = Default::default();
    let (l1, l2, l3) = (log.clone(), log.clone(), log.clone());
    let _h = mount_to_with_handle(c.clone(), move || {
        html::div()
            .on(ev::click, move |_| push(&l1, "delegated-outer"))
            .child(
                html::button()
                    .on_undelegated(ev::click, move |e: web_sys::MouseEvent| {
                        let current: web_sys::Element =
                            e.current_target().unwrap().unchecked_into();
                        push(&l2, &format!("direct:{}", current.tag_name()));
                    })
                    .child(html::span().on(
                        ev::undelegated(ev::click),
                        move |e: web_sys::MouseEvent| {
                            push(&l3, "direct-span");
                            e.stop_propagation();
                        },
                    )),
            )
    });
    let button = find(&c, "button");
    click(&button);
    assert_eq!(*log.borrow(), ["direct:BUTTON", "delegated-outer"]);
    assert!(js_sys::Reflect::has(&button, &"$$click:d".into()).unwrap());
    log.borrow_mut().clear();
    // A direct handler that stops propagation keeps the event from the
    // window, so delegated handlers above do not run — as in the DOM.
    click(&find(&c, "span"));
    assert_eq!(*log.borrow(), ["direct-span"]);
}

#[wasm_bindgen_test]
fn non_bubbling_events_are_attached_directly() {
    let c = test_container();
    let focused = Rc::new(Cell::new(0));
    let f = focused.clone();
    let _h = mount_to_with_handle(c.clone(), move || {
        html::input().on(ev::focus, move |e: web_sys::FocusEvent| {
            assert!(e.current_target().is_some());
            f.set(f.get() + 1);
        })
    });
    let input = find(&c, "input");
    // A non-bubbling focus event never reaches the document.
    let ev = web_sys::Event::new("focus").unwrap();
    input.dispatch_event(&ev).unwrap();
    assert_eq!(focused.get(), 1);
}

#[wasm_bindgen_test]
fn custom_events_and_two_handlers_on_one_element() {
    let c = test_container();
    let log: Log = Default::default();
    let (l1, l2, l3) = (log.clone(), log.clone(), log.clone());
    let _h = mount_to_with_handle(c.clone(), move || {
        html::div()
            .on(ev::Custom::new("my-event"), move |e: web_sys::Event| {
                push(&l1, &e.type_())
            })
            .on(ev::click, move |_| push(&l2, "first"))
            .on(ev::click, move |_| push(&l3, "second"))
    });
    let div = find(&c, "div");
    dispatch(&div, "my-event");
    click(&div);
    assert_eq!(*log.borrow(), ["my-event", "first", "second"]);
}

#[wasm_bindgen_test]
fn typed_input_and_keyboard_events() {
    let c = test_container();
    let (value, set_value) = create_signal(String::new());
    let keys: Log = Default::default();
    let k = keys.clone();
    let _h = mount_to_with_handle(c.clone(), move || {
        html::div()
            .child(
                html::input()
                    .on(ev::input, move |e: web_sys::Event| {
                        let input: web_sys::HtmlInputElement = e.target().unwrap().unchecked_into();
                        set_value(input.value());
                    })
                    .on(ev::keydown, move |e: web_sys::KeyboardEvent| {
                        push(&k, &e.key())
                    }),
            )
            .child(html::p().child(value))
    });
    let input: web_sys::HtmlInputElement = find(&c, "input").unchecked_into();
    input.set_value("typed");
    dispatch(&input, "input");
    assert_eq!(text(&find(&c, "p")), "typed");
    let init = web_sys::KeyboardEventInit::new();
    init.set_key("Enter");
    init.set_bubbles(true);
    let ev = web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    input.dispatch_event(&ev).unwrap();
    assert_eq!(*keys.borrow(), ["Enter"]);
}

#[wasm_bindgen_test]
fn listeners_go_away_with_their_owner() {
    let c = test_container();
    let calls = Rc::new(Cell::new(0));
    let baseline = live_handler_count();
    let (show, set_show) = create_signal(true);
    let cl = calls.clone();
    let h = mount_to_with_handle(c.clone(), move || {
        html::div().child(move || {
            let cl = cl.clone();
            let cl2 = cl.clone();
            show().then(|| {
                html::button()
                    .on(ev::click, move |_| cl.set(cl.get() + 1))
                    .on(ev::focus, move |_| cl2.set(cl2.get() + 100))
            })
        })
    });
    assert_eq!(live_handler_count(), baseline + 2);
    let button = find(&c, "button");
    // A click focuses the button first, as a mouse does: 100 + 1.
    click(&button);
    assert_eq!(calls.get(), 101);
    set_show(false);
    assert_eq!(
        live_handler_count(),
        baseline,
        "the hidden branch's handlers were removed"
    );
    // The detached button no longer carries handlers: re-attach it and click.
    c.append_child(&button).unwrap();
    click(&button);
    button
        .dispatch_event(&web_sys::Event::new("focus").unwrap())
        .unwrap();
    assert_eq!(calls.get(), 101);
    button.remove();
    set_show(true);
    assert_eq!(live_handler_count(), baseline + 2);
    h.unmount();
    assert_eq!(live_handler_count(), baseline);
}

/// Removal leaves the element's expando behind (no JS call per removed
/// handler); the slot it names is reused by the next handler. The stale
/// expando must not reach that handler: slots carry a generation.
#[wasm_bindgen_test]
fn a_removed_elements_stale_expando_never_reaches_a_reused_slot() {
    let c = test_container();
    let old_calls = Rc::new(Cell::new(0));
    let new_calls = Rc::new(Cell::new(0));
    let (generation, set_generation) = create_signal(0);
    let (oc, nc) = (old_calls.clone(), new_calls.clone());
    let h = mount_to_with_handle(c.clone(), move || {
        let (oc, nc) = (oc.clone(), nc.clone());
        html::div().child(move || {
            let (oc, nc) = (oc.clone(), nc.clone());
            let first = generation() == 0;
            html::button()
                .on(ev::click, move |_| {
                    if first {
                        oc.set(oc.get() + 1)
                    } else {
                        nc.set(nc.get() + 1)
                    }
                })
                .on(ev::undelegated(ev::click), move |_| ())
        })
    });
    let old = find(&c, "button");
    set_generation(1); // the old button's handlers go; new ones take the slots
    let new = find(&c, "button");
    assert!(!old.is_same_node(Some(&new)));
    c.append_child(&old).unwrap();
    click(&old);
    assert_eq!(
        (old_calls.get(), new_calls.get()),
        (0, 0),
        "stale expando ignored"
    );
    click(&new);
    assert_eq!((old_calls.get(), new_calls.get()), (0, 1));
    old.remove();
    h.unmount();
}

/// Chains unlink in the table: removing the head, a middle or the last
/// handler of one element keeps the others running in order.
#[wasm_bindgen_test]
fn chained_handlers_unlink_from_any_position() {
    let c = test_container();
    let log: Log = Default::default();
    let (shown, set_shown) = create_signal([true, true, true]);
    let l = log.clone();
    let h = mount_to_with_handle(c.clone(), move || {
        let button = html::button();
        for i in 0..3 {
            let l = l.clone();
            // Each handler lives in its own child owner, so each can go alone.
            let child = Owner::new_child();
            child.with(|| {
                let _ = button
                    .clone()
                    .on(ev::click, move |_| push(&l, &i.to_string()));
            });
            create_effect(move |_| {
                if !shown.with(|s| s[i]) {
                    child.dispose();
                }
            });
        }
        button
    });
    flush();
    let button = find(&c, "button");
    click(&button);
    assert_eq!(*log.borrow(), ["0", "1", "2"]);
    for (hide, expect) in [(1, vec!["0", "2"]), (0, vec!["2"]), (2, vec![])] {
        set_shown.update(|s| s[hide] = false);
        flush();
        log.borrow_mut().clear();
        click(&button);
        assert_eq!(*log.borrow(), expect);
    }
    h.unmount();
}

/// A handler that removes the next handler of its chain, and registers a
/// handler elsewhere that takes the freed slot: the removed one does not
/// run, the new one (another element's) does not run for this event, and
/// the rest of the chain still does — as in the DOM.
#[wasm_bindgen_test]
fn a_handler_removing_the_next_one_skips_it_and_runs_the_rest() {
    let c = test_container();
    let log: Log = Default::default();
    let l = log.clone();
    let h = mount_to_with_handle(c.clone(), move || {
        let button = html::button();
        let other = html::span();
        let owners: Vec<Owner> = (0..3).map(|_| Owner::new_child()).collect();
        let (first, second) = (owners[0], owners[1]);
        for (i, owner) in owners.iter().enumerate() {
            let l = l.clone();
            let other = other.clone();
            owner.with(|| {
                let _ = button.clone().on(ev::click, move |_| {
                    push(&l, &i.to_string());
                    if i == 0 {
                        second.dispose();
                        let l = l.clone();
                        let other = other.clone();
                        first.with(|| {
                            let _ = other.on(ev::click, move |_| push(&l, "other"));
                        });
                    }
                });
            });
        }
        html::div().child(button).child(other)
    });
    click(&find(&c, "button"));
    assert_eq!(*log.borrow(), ["0", "2"]);
    log.borrow_mut().clear();
    click(&find(&c, "span"));
    assert_eq!(*log.borrow(), ["other"]);
    h.unmount();
}

#[wasm_bindgen_test]
fn custom_event_handlers_need_no_annotation() {
    let c = test_container();
    let seen = Rc::new(Cell::new(0));
    let s = seen.clone();
    let _h = mount_to_with_handle(c.clone(), move || {
        html::div().on(<ev::Custom>::new("ping"), move |_| s.set(s.get() + 1))
    });
    dispatch(&find(&c, "div"), "ping");
    assert_eq!(seen.get(), 1);
}

/// A handler that takes its element out of the page ends the delegated
/// walk, as Leptos 0.6's delegation does (it climbs `parentNode`): a close
/// button inside a clickable card does not also click the card. (A native
/// listener would still see it bubble; ported 0.6 apps rely on this.)
#[wasm_bindgen_test]
fn removing_the_target_stops_delegated_bubbling_as_in_leptos() {
    let c = test_container();
    let log: Log = Default::default();
    let (l1, l2) = (log.clone(), log.clone());
    let (shown, set_shown) = create_signal(true);
    let _h = mount_to_with_handle(c.clone(), move || {
        let l2 = l2.clone();
        html::div()
            .on(ev::click, move |_| push(&l1, "outer"))
            .child(move || {
                let l2 = l2.clone();
                shown.get().then(|| {
                    html::button().on(ev::click, move |_| {
                        push(&l2, "remove me");
                        set_shown(false);
                    })
                })
            })
    });
    click(&find(&c, "button"));
    assert_eq!(*log.borrow(), ["remove me"]);
    assert!(c.query_selector("button").unwrap().is_none());
    // An element that stays in the page bubbles on as before.
    click(&find(&c, "div"));
    assert_eq!(*log.borrow(), ["remove me", "outer"]);
}

#[wasm_bindgen_test]
fn delegation_reaches_into_open_shadow_roots() {
    let c = test_container();
    let host = document().create_element("div").unwrap();
    c.append_child(&host).unwrap();
    let shadow = host
        .attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open))
        .unwrap();
    let inner: web_sys::HtmlElement = document().create_element("div").unwrap().unchecked_into();
    shadow.append_child(&inner).unwrap();
    let clicks = Rc::new(Cell::new(0));
    let cl = clicks.clone();
    let _h = mount_to_with_handle(inner, move || {
        html::button().on(ev::click, move |e: web_sys::MouseEvent| {
            let current: web_sys::Element = e.current_target().unwrap().unchecked_into();
            assert_eq!(current.tag_name(), "BUTTON");
            cl.set(cl.get() + 1);
        })
    });
    let button = shadow.query_selector("button").unwrap().unwrap();
    click(&button);
    assert_eq!(clicks.get(), 1);
}

/// A frozen element cannot take the handler's expando (the store throws in
/// the glue's strict code): registering on it must neither throw nor
/// disturb other elements' handlers.
#[wasm_bindgen_test]
fn a_frozen_element_takes_no_handler_and_breaks_nothing() {
    let c = test_container();
    let frozen = document().create_element("button").unwrap();
    js_sys::Object::freeze(&frozen);
    c.append_child(&frozen).unwrap();
    let clicks = Rc::new(Cell::new(0));
    let (a, b) = (clicks.clone(), clicks.clone());
    let before = live_handler_count();
    let h = mount_to_with_handle(c.clone(), move || {
        let el: HtmlElement<html::Button> = HtmlElement::from_element(frozen.clone());
        let _ = el.on(ev::click, move |_: web_sys::MouseEvent| {
            a.set(a.get() + 100)
        });
        html::span()
            .attr("id", "other")
            .on(ev::click, move |_: web_sys::MouseEvent| b.set(b.get() + 1))
    });
    click(&find(&c, "button"));
    assert_eq!(clicks.get(), 0, "the frozen element carries no expando");
    click(&find(&c, "#other"));
    assert_eq!(clicks.get(), 1);
    assert_eq!(live_handler_count(), before + 2);
    h.unmount();
    assert_eq!(live_handler_count(), before);
}

/// `ev::Custom::options_mut` (0.6): the handler's listener is added with
/// the options (`passive: false` lets it cancel the event, `once` runs it
/// once), and removed with its owner.
#[wasm_bindgen_test]
fn custom_events_with_listener_options() {
    let container = test_container();
    let calls = Rc::new(Cell::new(0));
    let once_calls = Rc::new(Cell::new(0));
    let (c, o) = (calls.clone(), once_calls.clone());
    let handle = mount_to_with_handle(container.clone(), move || {
        let mut wheel = ev::Custom::<web_sys::Event>::new("wheel");
        wheel.options_mut().set_passive(false);
        let mut ping = <ev::Custom>::new("ping");
        ping.options_mut().set_once(true);
        html::div()
            .attr("id", "pad")
            .on(wheel, move |e| {
                e.prevent_default();
                c.set(c.get() + 1);
            })
            .on(ping, move |_| o.set(o.get() + 1))
    });
    let pad = find(&container, "#pad");
    let fire = |name: &str| {
        let init = web_sys::EventInit::new();
        init.set_cancelable(true);
        let ev = web_sys::Event::new_with_event_init_dict(name, &init).unwrap();
        pad.dispatch_event(&ev).unwrap();
        ev
    };
    let ev = fire("wheel");
    assert!(ev.default_prevented(), "a non-passive listener can cancel");
    assert_eq!(calls.get(), 1);
    fire("ping");
    fire("ping");
    assert_eq!(once_calls.get(), 1, "`once` runs the handler once");
    handle.unmount();
    fire("wheel");
    assert_eq!(calls.get(), 1, "the listener went with its owner");
}

/// As in Leptos 0.6: a disabled element's delegated handlers do not run
/// (a synthetic click, or a custom element reporting `disabled`); the
/// ancestors' handlers still do.
#[wasm_bindgen_test]
fn a_disabled_elements_delegated_handlers_do_not_run() {
    let c = test_container();
    let log: Log = Default::default();
    let (l1, l2) = (log.clone(), log.clone());
    let (disabled, set_disabled) = create_signal(true);
    let _h = mount_to_with_handle(c.clone(), move || {
        view! {
            <div on:click=move |_| push(&l1, "wrapper")>
                <button prop:disabled=disabled on:click=move |_| push(&l2, "button")>"x"</button>
            </div>
        }
    });
    let button = find(&c, "button");
    let fire = || {
        let ev = web_sys::MouseEvent::new_with_mouse_event_init_dict("click", &{
            let init = web_sys::MouseEventInit::new();
            init.set_bubbles(true);
            init
        })
        .unwrap();
        button.dispatch_event(&ev).unwrap();
    };
    fire();
    assert_eq!(*log.borrow(), ["wrapper"]);
    set_disabled(false);
    fire();
    assert_eq!(*log.borrow(), ["wrapper", "button", "wrapper"]);
}

/// Delegated handlers run at the window, as in Leptos 0.6: a `document`
/// listener (a "click outside" listener a JavaScript library adds) sees the
/// click before the `on:click` that opens the menu, so the menu opens
/// (probe52: with delegation at the document the order was the other way
/// round and the menu never opened).
#[wasm_bindgen_test]
fn document_listeners_run_before_delegated_handlers() {
    use wasm_bindgen::closure::Closure;
    let c = test_container();
    let log: Log = Default::default();
    let (open, set_open) = create_signal(false);
    let l1 = log.clone();
    let close = Closure::<dyn Fn(web_sys::Event)>::new(move |_| {
        push(&l1, "document closes");
        set_open.set(false);
    });
    let document = web_sys::window().unwrap().document().unwrap();
    document
        .add_event_listener_with_callback("click", close.as_ref().unchecked_ref())
        .unwrap();
    let l2 = log.clone();
    let _h = mount_to_with_handle(c.clone(), move || {
        view! {
            <button on:click=move |_| { push(&l2, "button opens"); set_open.set(true); }>"menu"</button>
            <Show when=move || open.get()><ul id="menu"><li>"item"</li></ul></Show>
        }
    });
    click(&find(&c, "button"));
    document
        .remove_event_listener_with_callback("click", close.as_ref().unchecked_ref())
        .unwrap();
    assert_eq!(*log.borrow(), ["document closes", "button opens"]);
    assert!(open.get_untracked(), "the menu is open");
    assert!(c.query_selector("#menu").unwrap().is_some());
}

/// An `on:click` handler's `stop_propagation()` stops the handlers of the
/// elements above it, not the window's own listeners (a global shortcut, a
/// `window_event_listener`), as in Leptos 0.6.
#[wasm_bindgen_test]
fn stop_propagation_in_a_handler_leaves_window_listeners_alone() {
    let c = test_container();
    let log: Log = Default::default();
    let (l1, l2, l3) = (log.clone(), log.clone(), log.clone());
    let _h = mount_to_with_handle(c.clone(), move || {
        view! {
            <div on:click=move |_| push(&l1, "outer")>
                <button on:click=move |ev: web_sys::MouseEvent| {
                    push(&l2, "inner");
                    ev.stop_propagation();
                }>"stop"</button>
            </div>
        }
    });
    let window_listener = window_event_listener(ev::click, move |_| push(&l3, "window"));
    click(&find(&c, "button"));
    window_listener.remove();
    assert_eq!(*log.borrow(), ["inner", "window"]);
}

/// An event spread on an element (`{..(event, handler)}`) is added with the
/// event's listener options, as `on:` adds it (the options were dropped).
#[wasm_bindgen_test]
fn a_spread_event_keeps_its_listener_options() {
    let container = test_container();
    let once_calls = Rc::new(Cell::new(0));
    let o = once_calls.clone();
    let _h = mount_to_with_handle(container.clone(), move || {
        let mut ping = <ev::Custom>::new("ping");
        ping.options_mut().set_once(true);
        view! { <div id="spread" {..(ping, move |_| o.set(o.get() + 1))}></div> }
    });
    let pad = find(&container, "#spread");
    dispatch(&pad, "ping");
    dispatch(&pad, "ping");
    assert_eq!(once_calls.get(), 1, "`once` runs the handler once");
}
