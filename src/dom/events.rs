//! Event listeners: delegation to the document, shared direct listeners, and
//! the handler table both of them dispatch into.
//!
//! No JavaScript function is created per handler. Handlers live in a Rust
//! table (a slab of `Rc<RefCell<dyn FnMut(Event)>>`); an element carries only
//! a small number in an expando property (`$$click` for a delegated click,
//! `$$click:d` for a direct one) naming its table slot.
//!
//! * **Delegated** events (common bubbling ones: `click`, `input`, `keydown`,
//!   …) get one listener per event type on the `document`, added the first
//!   time a handler for that type is registered. When an event arrives it
//!   walks the event's `composedPath()` (fixed when dispatch started, and
//!   reaching into open shadow roots), calling every handler it finds,
//!   innermost first — the DOM's bubbling order. Before each call
//!   `event.currentTarget` is redefined on the event object (an own data
//!   property shadows the prototype getter) to the element whose handler
//!   runs, and after each call the walk stops if the handler called
//!   `stopPropagation()` (`cancelBubble` is then true). The override is
//!   removed when the walk ends. Delegated handlers run after any direct
//!   listeners on the path, since the document is the last stop of bubbling.
//! * **Direct** events (non-bubbling ones such as `focus`, `blur`,
//!   `mouseenter`, and every handler registered through `on_undelegated`)
//!   use `addEventListener` with one shared function per event type; it finds
//!   the handler from `event.currentTarget`'s expando.
//! * Several handlers for the same event on the same element form a chain in
//!   the table and run in registration order.
//!
//! Removing a [`Listener`] frees its slot and deletes the expando, so the
//! handler and everything it captured are dropped.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};

use super::{Element, Event};

#[wasm_bindgen]
extern "C" {
    // `Reflect.get`/`Reflect.set` for the numeric expandos: the slot crosses
    // as a plain number, with no `JsValue` to allocate, inspect and drop.
    #[wasm_bindgen(js_namespace = Reflect, js_name = get, catch)]
    fn reflect_get_number(target: &JsValue, key: &JsValue) -> Result<Option<f64>, JsValue>;
    #[wasm_bindgen(js_namespace = Reflect, js_name = set, catch)]
    fn reflect_set_number(target: &JsValue, key: &JsValue, value: u32) -> Result<bool, JsValue>;
}

/// A type-erased event handler as stored in the handler table.
pub type Handler = Rc<RefCell<dyn FnMut(Event)>>;

/// One event type seen so far, with its interned names and shared functions.
struct EventKind {
    name: String,
    js_name: JsValue,
    delegated_key: JsValue,
    direct_key: JsValue,
    document_listener: Option<Closure<dyn FnMut(Event)>>,
    direct_listener: Option<Closure<dyn FnMut(Event)>>,
}

/// One slot of the handler table. Handlers of the same kind on the same
/// element form a chain (`next`), run in registration order.
struct Slot {
    handler: Handler,
    next: Option<u32>,
}

struct Table {
    kinds: Vec<EventKind>,
    slots: Vec<Option<Slot>>,
    free: Vec<u32>,
    /// One reusable `{ configurable: true, value }` descriptor.
    descriptor: Option<js_sys::Object>,
}

thread_local! {
    // `const`: no lazy-initialisation state to check on every access and no
    // initialiser function in the binary.
    static TABLE: RefCell<Table> = const {
        RefCell::new(Table {
            kinds: Vec::new(),
            slots: Vec::new(),
            free: Vec::new(),
            descriptor: None,
        })
    };
}

/// A registered handler; [`Listener::remove`] detaches it.
#[must_use = "a listener that is never removed stays registered"]
pub struct Listener {
    target: Element,
    kind: u32,
    slot: u32,
    delegated: bool,
}

fn kind_index(table: &mut Table, name: &str) -> u32 {
    if let Some(i) = table.kinds.iter().position(|k| k.name == name) {
        return i as u32;
    }
    let mut key = String::with_capacity(name.len() + 4);
    key.push_str("$$");
    key.push_str(name);
    let delegated_key = JsValue::from_str(&key);
    key.push_str(":d");
    let direct_key = JsValue::from_str(&key);
    table.kinds.push(EventKind {
        name: name.to_owned(),
        js_name: JsValue::from_str(name),
        delegated_key,
        direct_key,
        document_listener: None,
        direct_listener: None,
    });
    (table.kinds.len() - 1) as u32
}

fn insert_slot(table: &mut Table, slot: Slot) -> u32 {
    match table.free.pop() {
        Some(i) => {
            table.slots[i as usize] = Some(slot);
            i
        }
        None => {
            table.slots.push(Some(slot));
            (table.slots.len() - 1) as u32
        }
    }
}

fn slot_at(table: &Table, slot: u32) -> Option<&Slot> {
    table.slots.get(slot as usize).and_then(|s| s.as_ref())
}

fn call(handler: &Handler, ev: Event) {
    // A handler that re-enters itself (dispatching the same event
    // synchronously) is skipped rather than aliased.
    if let Ok(mut f) = handler.try_borrow_mut() {
        f(ev);
    }
}

/// The head of the chain stored under `key` on `target`, if any.
fn chain_head(target: &JsValue, key: &JsValue) -> Option<u32> {
    // Only this module writes these expandos, and only numbers.
    reflect_get_number(target, key)
        .ok()
        .flatten()
        .map(|f| f as u32)
}

/// Registers `handler` for events called `name` on `target`.
///
/// `delegate` asks for delegation; it should be true only for events that
/// bubble. A second handler of the same kind on the same element joins the
/// first one's chain and runs after it, as `addEventListener` would.
pub fn add_listener(target: &Element, name: &str, delegate: bool, handler: Handler) -> Listener {
    TABLE.with(|t| {
        let mut table = t.borrow_mut();
        let kind = kind_index(&mut table, name);
        let k = &table.kinds[kind as usize];
        let key = if delegate {
            k.delegated_key.clone()
        } else {
            k.direct_key.clone()
        };
        if delegate && k.document_listener.is_none() {
            let f = Closure::<dyn FnMut(Event)>::new(move |ev: Event| dispatch_delegated(kind, ev));
            let _ = super::listen(&super::document(), &k.js_name, f.as_ref().unchecked_ref());
            table.kinds[kind as usize].document_listener = Some(f);
        }
        if !delegate && table.kinds[kind as usize].direct_listener.is_none() {
            let f = Closure::<dyn FnMut(Event)>::new(move |ev: Event| dispatch_direct(kind, ev));
            table.kinds[kind as usize].direct_listener = Some(f);
        }
        let slot = insert_slot(
            &mut table,
            Slot {
                handler,
                next: None,
            },
        );
        match chain_head(target, &key) {
            Some(mut at) => {
                // Append to the end of the element's chain.
                while let Some(next) = slot_at(&table, at).and_then(|s| s.next) {
                    at = next;
                }
                if let Some(Some(tail)) = table.slots.get_mut(at as usize) {
                    tail.next = Some(slot);
                }
            }
            None => {
                let _ = reflect_set_number(target, &key, slot);
                if !delegate {
                    let k = &table.kinds[kind as usize];
                    if let Some(f) = &k.direct_listener {
                        let _ = super::listen(target, &k.js_name, f.as_ref().unchecked_ref());
                    }
                }
            }
        }
        Listener {
            target: target.clone(),
            kind,
            slot,
            delegated: delegate,
        }
    })
}

impl Listener {
    /// Detaches the handler and drops it.
    pub fn remove(self) {
        let removed = TABLE.with(|t| {
            let mut table = t.borrow_mut();
            let removed = table
                .slots
                .get_mut(self.slot as usize)
                .and_then(|s| s.take());
            let slot = removed?;
            table.free.push(self.slot);
            let k = &table.kinds[self.kind as usize];
            let key = if self.delegated {
                &k.delegated_key
            } else {
                &k.direct_key
            };
            match chain_head(&self.target, key) {
                Some(head) if head == self.slot => match slot.next {
                    Some(next) => {
                        let _ = reflect_set_number(&self.target, key, next);
                    }
                    None => {
                        let _ = js_sys::Reflect::delete_property(
                            self.target.unchecked_ref::<js_sys::Object>(),
                            key,
                        );
                        if !self.delegated {
                            if let Some(f) = &k.direct_listener {
                                let _ = super::unlisten(
                                    &self.target,
                                    &k.js_name,
                                    f.as_ref().unchecked_ref(),
                                );
                            }
                        }
                    }
                },
                Some(mut at) => {
                    while let Some(next) = slot_at(&table, at).and_then(|s| s.next) {
                        if next == self.slot {
                            if let Some(Some(prev)) = table.slots.get_mut(at as usize) {
                                prev.next = slot.next;
                            }
                            break;
                        }
                        at = next;
                    }
                }
                None => {}
            }
            Some(slot)
        });
        // Dropped outside the table borrow: the handler's captures may run
        // arbitrary Drop code.
        drop(removed);
    }
}

/// Runs the chain starting at `head`; returns whether any handler ran.
fn run_chain(head: u32, ev: &Event, before_each: impl Fn()) -> bool {
    let mut at = Some(head);
    let mut ran = false;
    while let Some(i) = at {
        let entry = TABLE.with(|t| slot_at(&t.borrow(), i).map(|s| (s.handler.clone(), s.next)));
        let Some((handler, next)) = entry else { break };
        before_each();
        call(&handler, ev.clone());
        ran = true;
        at = next;
    }
    ran
}

fn dispatch_direct(kind: u32, ev: Event) {
    let Some(target) = ev.current_target() else {
        return;
    };
    let key = TABLE.with(|t| t.borrow().kinds[kind as usize].direct_key.clone());
    if let Some(head) = chain_head(&target, &key) {
        run_chain(head, &ev, || {});
    }
}

fn set_current_target(ev: &Event, node: &JsValue) {
    let descriptor = TABLE.with(|t| {
        t.borrow_mut()
            .descriptor
            .get_or_insert_with(|| {
                let d = js_sys::Object::new();
                let _ =
                    js_sys::Reflect::set(&d, &JsValue::from_str("configurable"), &JsValue::TRUE);
                d
            })
            .clone()
    });
    super::with_name("value", |n| js_sys::Reflect::set(&descriptor, n, node)).ok();
    super::with_name("currentTarget", |n| {
        js_sys::Object::define_property(ev, n, &descriptor)
    });
}

fn dispatch_delegated(kind: u32, ev: Event) {
    let key = TABLE.with(|t| t.borrow().kinds[kind as usize].delegated_key.clone());
    // The path is fixed when dispatch starts, as in the DOM: a handler that
    // removes its element does not stop the ancestors' handlers, and open
    // shadow roots are walked through (the event's `target` seen from the
    // document would be the shadow host).
    let path = ev.composed_path();
    let mut overridden = false;
    for i in 0..path.length() {
        let node = path.get(i);
        if let Some(head) = chain_head(&node, &key) {
            overridden |= run_chain(head, &ev, || set_current_target(&ev, &node));
            // stopPropagation() lets the other handlers on this element run
            // but no ancestor's — as in the DOM.
            if ev.cancel_bubble() {
                break;
            }
        }
    }
    if overridden {
        // Back to the prototype's getter (which reports the document).
        super::with_name("currentTarget", |n| {
            js_sys::Reflect::delete_property(ev.unchecked_ref::<js_sys::Object>(), n)
        })
        .ok();
    }
}

/// Number of live handlers in the table (for tests of listener cleanup).
pub fn live_handler_count() -> usize {
    TABLE.with(|t| {
        let t = t.borrow();
        t.slots.len() - t.free.len()
    })
}
