//! Event listeners: delegation to the window, shared direct listeners, and
//! the handler table both of them dispatch into.
//!
//! No JavaScript function is created per handler. Handlers live in a Rust
//! table (a slab of `Rc<HandlerCell<dyn FnMut(Event)>>`); an element carries only
//! a small number in an expando property (`$$click` for a delegated click,
//! `$$click:d` for a direct one) naming its table slot.
//!
//! * **Delegated** events (common bubbling ones: `click`, `input`, `keydown`,
//!   …) get one listener per event type on the `window`, added the first
//!   time a handler for that type is registered. When an event arrives it
//!   walks the event's `composedPath()` (fixed when dispatch started, and
//!   reaching into open shadow roots), calling every handler it finds,
//!   innermost first — the DOM's bubbling order. Before each call
//!   `event.currentTarget` is redefined on the event object (an own data
//!   property shadows the prototype getter) to the element whose handler
//!   runs, and after each call the walk stops if the handler called
//!   `stopPropagation()` (`cancelBubble` is then true) or took its element
//!   out of the page (as Leptos 0.6's delegation, which climbs
//!   `parentNode`, stops there). The override is
//!   removed when the walk ends. Delegated handlers run after any direct
//!   listeners on the path, `document` listeners included (a "click
//!   outside" listener that a JavaScript library adds there sees the click
//!   before the `on:click` that opened its menu, as in Leptos 0.6, which
//!   delegates to the window too). Since the walk runs at the window, a
//!   handler's `stopPropagation()` ends the walk but not the event's
//!   delivery to the window's other listeners: the router's link handling
//!   and `window_event_listener` still see it, as in Leptos 0.6 (a link
//!   inside a dialog that stops clicks still navigates in the app instead
//!   of loading the page afresh).
//! * **Direct** events (non-bubbling ones such as `focus`, `blur`,
//!   `mouseenter`, and every handler registered through `on_undelegated`)
//!   use `addEventListener` with one shared function per event type; it finds
//!   the handler from `event.currentTarget`'s expando.
//! * Several handlers for the same event on the same element form a chain in
//!   the table and run in registration order.
//!
//! Removing a [`Listener`] frees its slot, so the handler and everything it
//! captured are dropped. An expando holds the slot *and* its generation
//! (see `tag`), and a slot's generation changes when it is
//! freed, so an expando left behind on a removed element names nothing: it
//! is ignored by dispatch and overwritten by the next registration. That is
//! what lets removal run without calling into JavaScript at all in the
//! common case (one handler per event on an element): clearing a list of
//! 1,000 rows with two handlers each used to make 4,000 JS calls (read the
//! chain head, delete the expando) and now makes none. Chains are doubly
//! linked in the table for the same reason: a handler is unlinked without
//! reading the head from the element.

use larkspur_reactive::{borrow_state, borrow_state_mut, Invariant};
use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};

use super::{Element, Event};

#[wasm_bindgen]
extern "C" {
    /// Any object that carries handler expandos (elements, documents,
    /// shadow roots, the window).
    type Expandos;
    // `target[key]` and `target[key] = value` for the numeric expandos,
    // written as property accesses in the glue: V8 caches a property
    // access by its site, and every registration stores the same key on
    // elements of the same shape, while `Reflect.set` takes the generic
    // runtime path each time (1.4 ms of the 2,000 registrations of 1,000
    // rows, against 0.2 ms). The slot crosses as a plain number, with no
    // `JsValue` to allocate, inspect and drop. No `catch` (its wrapper
    // costs more than the store): the read throws only through a getter
    // defined for the expando's own name, and the store is only used on
    // elements just cloned from a template, which no code has reached to
    // freeze. On other elements a store in the glue's strict code would
    // throw where the element is frozen or sealed; `Reflect.set` returns
    // false there instead, and the element gets no handler.
    // An `f64` return: a missing expando (`undefined`) reaches wasm as NaN,
    // with no return slot in memory to write and read back (an
    // `Option<f64>` return's glue).
    #[wasm_bindgen(method, structural, indexing_getter)]
    fn get_number(this: &Expandos, key: &JsValue) -> f64;
    #[wasm_bindgen(method, structural, indexing_setter)]
    fn set_number(this: &Expandos, key: &JsValue, value: f64);
    #[wasm_bindgen(js_namespace = Reflect, js_name = set)]
    fn reflect_set_number(target: &JsValue, key: &JsValue, value: f64) -> bool;
}

fn get_expando(target: &JsValue, key: &JsValue) -> Option<f64> {
    let value = target.unchecked_ref::<Expandos>().get_number(key);
    // Every value this module stores is a number, never NaN.
    (!value.is_nan()).then_some(value)
}

/// Stores an expando; `fresh`: on an element just cloned from a template.
fn set_expando(target: &JsValue, key: &JsValue, value: f64, fresh: bool) {
    if fresh {
        target.unchecked_ref::<Expandos>().set_number(key, value);
    } else {
        let _ = reflect_set_number(target, key, value);
    }
}

/// A type-erased event handler as stored in the handler table.
pub type Handler = Rc<HandlerCell<dyn FnMut(Event)>>;

/// An event handler's closure (or another callback the browser calls: a
/// listener with options, a `debounce`d function) with a mark that it is
/// running, so a handler that re-enters itself (dispatching its own event
/// synchronously) is skipped instead of aliased.
///
/// It is a `RefCell` whose borrow can be given back after a panic: on
/// wasm32 a panic abandons the running handler without any destructor,
/// and a `RefCell` borrow would stay taken for good, so the handler would
/// never run again (an input whose handler once panicked would stop
/// working). The mark holds the runtime's recovery count
/// ([`larkspur_reactive::recoveries`]) at the start of the run; the
/// runtime recovers only when no wasm frame is live, so a mark from before
/// the latest recovery is a run that can never resume, and the handler
/// may run again. Until that microtask, a handler that panicked is still
/// marked running: dispatched again in the same task (another handler
/// clicks its element twice), it is skipped, where 0.6 would run it.
pub struct HandlerCell<F: ?Sized> {
    /// 0: idle; otherwise `recoveries() + 1` when the current run began.
    running: std::cell::Cell<u32>,
    f: std::cell::UnsafeCell<F>,
}

impl<F> HandlerCell<F> {
    /// Wraps a handler.
    ///
    /// ```
    /// use larkspur::dom::events::{Handler, HandlerCell};
    /// use std::rc::Rc;
    /// let handler: Handler = Rc::new(HandlerCell::new(|_ev: web_sys::Event| {}));
    /// # drop(handler);
    /// ```
    pub fn new(f: F) -> Self {
        HandlerCell {
            running: std::cell::Cell::new(0),
            f: std::cell::UnsafeCell::new(f),
        }
    }
}

/// One event type seen so far, with its interned names and shared functions.
///
/// The shared functions are `Fn`, not `FnMut`: a handler may dispatch an
/// event of the same type synchronously (`el.click()` inside a click
/// handler, `focusout` fired by hiding the focused element), and
/// wasm-bindgen refuses to re-enter an `FnMut` closure.
///
/// The three JS strings live as long as the page (as the table does), so
/// they are kept as `&'static` references: code that calls into JavaScript
/// after the table's borrow has ended copies a reference out of it instead
/// of cloning a `JsValue` (an `externref` table slot taken and given back
/// on every listener added).
struct EventKind {
    name: String,
    js_name: &'static JsValue,
    delegated_key: &'static JsValue,
    direct_key: &'static JsValue,
    /// Set before the window listener is added, so it is added once.
    window_listening: bool,
    direct_listener: Option<Closure<dyn Fn(JsValue)>>,
}

/// One slot of the handler table. Handlers of the same kind on the same
/// element form a chain (`prev`/`next`), run in registration order.
struct Slot {
    handler: Handler,
    prev: Option<u32>,
    next: Option<u32>,
    /// The element, kept only where removing this slot has to reach it: a
    /// direct listener (its shared function comes off the element) and a
    /// slot in a chain of two or more (a removed head hands the expando to
    /// the next one). A lone delegated handler, the common case, keeps no
    /// reference: its removal touches no JavaScript.
    target: Option<Element>,
}

/// Generations stay below 2²¹ so that `generation × 2³² + slot` (the wide
/// form of `tag`) is an exact
/// integer in an `f64` (2⁵³). A slot that reaches the limit is retired,
/// never reused, so a stale expando can never name a live handler.
const MAX_GENERATION: u32 = (1 << 21) - 1;

struct Table {
    kinds: Vec<EventKind>,
    slots: Vec<Option<Slot>>,
    /// The generation of each slot index, bumped when the slot is freed.
    generations: Vec<u32>,
    free: Vec<u32>,
    /// One reusable `{ configurable: true, value }` descriptor.
    descriptor: Option<js_sys::Object>,
    /// This module instance's expando prefix (see [`expando_prefix`]).
    prefix: Option<Rc<str>>,
}

larkspur_reactive::__local! {
    // `const`: no lazy-initialisation state to check on every access and no
    // initialiser function in the binary.
    static TABLE: RefCell<Table> = const {
        RefCell::new(Table {
            kinds: Vec::new(),
            slots: Vec::new(),
            generations: Vec::new(),
            free: Vec::new(),
            descriptor: None,
            prefix: None,
        })
    };
}

impl Table {
    /// Event kind `i`, an index this table issued.
    fn kind(&self, i: u32) -> &EventKind {
        self.kinds.get(i as usize).invariant()
    }

    /// [`Table::kind`], mutably.
    fn kind_mut(&mut self, i: u32) -> &mut EventKind {
        self.kinds.get_mut(i as usize).invariant()
    }
}

/// A registered handler; [`Listener::remove`] detaches it.
#[must_use = "a listener that is never removed stays registered"]
pub struct Listener {
    kind: u32,
    slot: u32,
    delegated: bool,
}

/// The prefix of this module instance's expandos: `$$` for the first
/// Larkspur module on the page, `$$2:`, `$$3:`, … for later ones, so two
/// wasm modules on one page never read each other's handler slots (a slot
/// number is only meaningful in the table that issued it). The count lives
/// on `globalThis`, the one object the modules share.
fn expando_prefix() -> String {
    let global = super::global_this();
    let key = JsValue::from_str("__larkspurModules");
    // Through the expando bindings (no `catch`: `globalThis` is not frozen).
    let n = get_expando(&global, &key).unwrap_or(0.0) + 1.0;
    let _ = reflect_set_number(&global, &key, n);
    if n <= 1.0 {
        "$$".to_owned()
    } else {
        // Without `format!`: no formatting code at this call site.
        let mut prefix = String::from("$$");
        prefix.push_str(&crate::view::int_text(false, n as u64));
        prefix.push(':');
        prefix
    }
}

/// The index of the event kind called `name`, registering it on first use.
/// The JS strings are created before the table is borrowed: no borrow of
/// the table spans a call into JavaScript.
fn kind_index(name: &str) -> u32 {
    let (found, prefix) = TABLE.with(|t| {
        let t = borrow_state(t);
        (
            t.kinds.iter().position(|k| k.name == name),
            t.prefix.clone(),
        )
    });
    if let Some(i) = found {
        return i as u32;
    }
    let prefix = match prefix {
        Some(p) => p,
        None => {
            let p: Rc<str> = expando_prefix().into();
            TABLE.with(|t| borrow_state_mut(t).prefix = Some(p.clone()));
            p
        }
    };
    let mut key = String::with_capacity(name.len() + prefix.len() + 2);
    key.push_str(&prefix);
    key.push_str(name);
    let delegated_key = page_lived(JsValue::from_str(&key));
    key.push_str(":d");
    let direct_key = page_lived(JsValue::from_str(&key));
    let kind = EventKind {
        name: name.to_owned(),
        js_name: page_lived(JsValue::from_str(name)),
        delegated_key,
        direct_key,
        window_listening: false,
        direct_listener: None,
    };
    TABLE.with(|t| {
        let mut table = borrow_state_mut(t);
        table.kinds.push(kind);
        (table.kinds.len() - 1) as u32
    })
}

/// A value kept for the page's life (one per event kind and name).
fn page_lived(value: JsValue) -> &'static JsValue {
    Box::leak(Box::new(value))
}

/// The expando key under which this module stores `name` handlers on an
/// element (`$$click`, or `$$click:d` for a direct listener); for tests.
pub fn expando_key(name: &str, delegated: bool) -> String {
    let kind = kind_index(name);
    TABLE.with(|t| {
        let table = borrow_state(t);
        let k = table.kind(kind);
        let key = if delegated {
            k.delegated_key
        } else {
            k.direct_key
        };
        key.as_string().unwrap_or_default()
    })
}

fn insert_slot(table: &mut Table, slot: Slot) -> u32 {
    match table.free.pop() {
        Some(i) => {
            *table.slots.get_mut(i as usize).invariant() = Some(slot);
            i
        }
        None => {
            table.slots.push(Some(slot));
            table.generations.push(0);
            (table.slots.len() - 1) as u32
        }
    }
}

/// Frees slot `i` (already taken out): a new generation, and back on the
/// free list unless the generations are used up.
fn free_slot(table: &mut Table, i: u32) {
    let generation = table.generations.get_mut(i as usize).invariant();
    *generation += 1;
    if *generation < MAX_GENERATION {
        table.free.push(i);
    }
}

/// Slots and generations small enough for the compact tag.
const SMALL_SLOT_BITS: u32 = 20;
const SMALL_GENERATIONS: u32 = 1 << 10;

/// Whether slot `i` in `generation` has the compact tag (see [`tag`]).
fn small(i: u32, generation: u32) -> bool {
    i < (1 << SMALL_SLOT_BITS) - 2 && generation < SMALL_GENERATIONS
}

/// The expando value naming slot `i` in its current generation.
///
/// Two encodings, one value per (slot, generation): `generation × 2²⁰ +
/// slot + 2` while the slot is below 2²⁰ - 2 and the generation below
/// 2¹⁰, which stays under 2³⁰ and so is a small integer to V8, stored in
/// the property itself; otherwise `-(generation × 2³² + slot) - 1`,
/// negative, a heap number (12 bytes of JS heap per expando). Once slots
/// are reused (any list that was cleared and refilled) the wide form alone
/// cost 24 KB of JS heap and as many allocations per 1,000 rows.
///
/// No value is 0 or 1: the read converts whatever a foreign script stored
/// under the name to a number (`null`, `false` and `""` become 0, `true`
/// 1), and such a value must name no handler. [`untag`] also refuses a
/// value in the form the slot does not use (a foreign -1).
fn tag(table: &Table, i: u32) -> f64 {
    let generation = *table.generations.get(i as usize).invariant();
    if small(i, generation) {
        f64::from(((generation << SMALL_SLOT_BITS) | i) + 2)
    } else {
        -(f64::from(generation) * 4_294_967_296.0 + f64::from(i)) - 1.0
    }
}

/// The live slot an expando value names, if it still names one.
fn untag(table: &Table, value: f64) -> Option<u32> {
    if !(-9_007_199_254_740_992.0..1_073_741_824.0).contains(&value)
        || value.fract() != 0.0
        || (0.0..2.0).contains(&value)
    {
        return None;
    }
    let (i, generation) = if value > 0.0 {
        let v = value as u32 - 2;
        (v & ((1 << SMALL_SLOT_BITS) - 1), v >> SMALL_SLOT_BITS)
    } else {
        let wide = -value - 1.0;
        (
            (wide % 4_294_967_296.0) as u32,
            (wide / 4_294_967_296.0) as u32,
        )
    };
    let live = small(i, generation) == (value > 0.0)
        && table.generations.get(i as usize) == Some(&generation)
        && slot_at(table, i).is_some();
    live.then_some(i)
}

fn slot_at(table: &Table, slot: u32) -> Option<&Slot> {
    table.slots.get(slot as usize).and_then(|s| s.as_ref())
}

fn call(handler: &Handler, ev: Event) {
    handler.run(|f| f(ev));
}

impl<F: ?Sized> HandlerCell<F> {
    /// Runs `with` on the wrapped closure, outside any memo or effect (the
    /// browser may be calling from inside one, see
    /// `larkspur_reactive::__outside`), unless a run of it is under way: a
    /// closure that re-enters itself (dispatching the same event
    /// synchronously) is skipped rather than aliased. A run that a panic
    /// abandoned does not block later ones.
    pub(crate) fn run(&self, with: impl FnOnce(&mut F)) {
        let mark = larkspur_reactive::recoveries().wrapping_add(1).max(1);
        if self.running.get() == mark {
            return;
        }
        self.running.set(mark);
        // Idle again when the run returns, or unwinds (where panics
        // unwind, natively, nothing else would give the closure back; on
        // wasm no destructor runs and the recovery count does it).
        let _idle = Idle(&self.running);
        // SAFETY: the closure is reached only here, and only while
        // `running` holds the current mark, which the check above refuses:
        // no other reference to it is live. A mark from before the latest
        // recovery is a run a panic abandoned for good (see `HandlerCell`);
        // its frames never resume, so its reference is never used again.
        // That rests on the recovery running only when no wasm frame is
        // live (a microtask), which holds while wasm frames cannot be
        // suspended: Larkspur does not use JavaScript Promise Integration
        // (stack switching), which would let a frame wait, suspended,
        // across a microtask.
        larkspur_reactive::__outside(|| with(unsafe { &mut *self.f.get() }));
    }
}

/// Sets a [`HandlerCell`]'s mark back to idle when dropped.
struct Idle<'a>(&'a std::cell::Cell<u32>);

impl Drop for Idle<'_> {
    fn drop(&mut self) {
        self.0.set(0);
    }
}

/// The head of the live chain stored under `key` on `target`, if any. The
/// expando is read before the table is borrowed.
fn chain_head(target: &JsValue, key: &JsValue) -> Option<u32> {
    // Only this module writes these expandos, and only numbers.
    let value = get_expando(target, key)?;
    TABLE.with(|t| untag(&borrow_state(t), value))
}

/// Registers `handler` for events called `name` on `target`.
///
/// `delegate` asks for delegation; it should be true only for events that
/// bubble. A second handler of the same kind on the same element joins the
/// first one's chain and runs after it, as `addEventListener` would.
///
/// The table is only borrowed between calls into JavaScript, never across
/// one: reading an expando can run a getter, and adding nodes or listeners
/// can run user code that registers handlers itself.
pub fn add_listener(target: &Element, name: &str, delegate: bool, handler: Handler) -> Listener {
    register(target, name, delegate, handler, false)
}

/// [`add_listener`] for an element that carries no handler of this kind
/// yet: one just cloned from a `view!` template, before anything else could
/// reach it. The expando is written without reading it first, one JS call
/// per handler fewer (2,000 for the benchmark's 1,000 rows), and by a plain
/// property store rather than `Reflect.set` (see `set_expando`): nothing
/// can have frozen an element no code has seen.
pub(crate) fn add_listener_to_fresh(
    target: &Element,
    name: &str,
    delegate: bool,
    handler: Handler,
) -> Listener {
    register(target, name, delegate, handler, true)
}

fn register(
    target: &Element,
    name: &str,
    delegate: bool,
    handler: Handler,
    fresh: bool,
) -> Listener {
    let kind = kind_index(name);
    if delegate {
        listen_window(kind);
    }
    let (key, js_name, direct) = TABLE.with(|t| {
        let table = borrow_state(t);
        let k = table.kind(kind);
        let key = if delegate {
            k.delegated_key
        } else {
            k.direct_key
        };
        let direct = if delegate {
            None
        } else {
            k.direct_listener
                .as_ref()
                .map(|f| f.as_ref().clone().unchecked_into::<js_sys::Function>())
        };
        (key, k.js_name, direct)
    });
    let direct = match (delegate, direct) {
        (true, _) => None,
        (false, Some(f)) => Some(f),
        (false, None) => {
            // `Fn(JsValue)`: one closure type for every framework closure
            // (see `larkspur_reactive`'s flush task).
            let f = Closure::<dyn Fn(JsValue)>::new(move |ev: JsValue| {
                dispatch_direct(kind, ev.unchecked_into())
            });
            let func = f.as_ref().clone().unchecked_into::<js_sys::Function>();
            TABLE.with(|t| borrow_state_mut(t).kind_mut(kind).direct_listener = Some(f));
            Some(func)
        }
    };
    let head = if fresh { None } else { chain_head(target, key) };
    // Cloned before the table is borrowed, and only where removal will need
    // the element (see `Slot::target`).
    let keep_target = (!delegate || head.is_some()).then(|| target.clone());
    let head_target = head.is_some().then(|| target.clone());
    let (slot, new_head) = TABLE.with(|t| {
        let mut table = borrow_state_mut(t);
        let slot = insert_slot(
            &mut table,
            Slot {
                handler,
                prev: None,
                next: None,
                target: keep_target,
            },
        );
        let Some(mut at) = head else {
            return (slot, Some(tag(&table, slot)));
        };
        // Append to the end of the element's chain. Every slot of a chain
        // keeps the element; only its head can lack it (it was alone).
        if let Some(Some(first)) = table.slots.get_mut(at as usize) {
            if first.target.is_none() {
                first.target = head_target;
            }
        }
        while let Some(next) = slot_at(&table, at).and_then(|s| s.next) {
            at = next;
        }
        if let Some(Some(tail)) = table.slots.get_mut(at as usize) {
            tail.next = Some(slot);
        }
        if let Some(Some(new)) = table.slots.get_mut(slot as usize) {
            new.prev = Some(at);
        }
        (slot, None)
    });
    if let Some(value) = new_head {
        set_expando(target, key, value, fresh);
        if let Some(f) = &direct {
            super::listen(target, js_name, f);
        }
    }
    Listener {
        kind,
        slot,
        delegated: delegate,
    }
}

/// Adds the `window` listener that dispatches delegated events of `kind`,
/// unless it is there already (it stays for the page's life).
fn listen_window(kind: u32) {
    let js_name = TABLE.with(|t| {
        let mut table = borrow_state_mut(t);
        let k = table.kind_mut(kind);
        let first = !k.window_listening;
        k.window_listening = true;
        first.then_some(k.js_name)
    });
    if let Some(js_name) = js_name {
        let f = Closure::<dyn Fn(JsValue)>::new(move |ev: JsValue| {
            dispatch_delegated(kind, ev.unchecked_into())
        });
        super::listen(&super::global_this(), js_name, f.as_ref().unchecked_ref());
        // Stays for the page's life.
        f.forget();
    }
}

/// Makes sure delegated `name` events are dispatched by a `window`
/// listener added before any listener added to the `window` after this
/// call: the router calls it before adding its link-click listener, so
/// every `on:click` handler has seen a click (and could prevent it) before
/// the router does, whichever was registered first.
pub(crate) fn delegate_first(name: &str) {
    listen_window(kind_index(name));
}

/// What [`Listener::remove`] must still do in JavaScript once the table is
/// released.
enum Unlink {
    /// The removed slot was the head and others follow: the expando must
    /// name the next one (tagged).
    Head(&'static JsValue, f64),
    /// The removed slot was a direct listener's last one on its element:
    /// the shared function comes off the element. (The expando stays; it
    /// names a freed generation and is ignored.)
    Unlisten(&'static JsValue, js_sys::Function),
    /// Nothing to do in JavaScript: the slot was further down the chain, or
    /// the last delegated handler (its expando is now stale, see the module
    /// docs).
    Nothing,
}

impl Listener {
    /// The listener as two numbers, for a cleanup that needs no allocation
    /// (see [`Listener::remove_packed`]).
    pub(crate) fn pack(&self) -> (u32, u32) {
        (self.kind | (u32::from(self.delegated) << 31), self.slot)
    }

    /// [`Listener::remove`] of a listener given as [`Listener::pack`]'s
    /// numbers.
    pub(crate) fn remove_packed(kind: u32, slot: u32) {
        Listener {
            kind: kind & !(1 << 31),
            slot,
            delegated: kind >> 31 == 1,
        }
        .remove()
    }

    /// Detaches the handler and drops it.
    pub fn remove(self) {
        let removed = TABLE.with(|t| {
            let mut table = borrow_state_mut(t);
            let slot = table
                .slots
                .get_mut(self.slot as usize)
                .and_then(|s| s.take())?;
            free_slot(&mut table, self.slot);
            if let Some(Some(prev)) = slot.prev.and_then(|p| table.slots.get_mut(p as usize)) {
                prev.next = slot.next;
            }
            if let Some(Some(next)) = slot.next.and_then(|n| table.slots.get_mut(n as usize)) {
                next.prev = slot.prev;
            }
            let k = table.kind(self.kind);
            let unlink = match (slot.prev, slot.next) {
                (None, Some(next)) => {
                    let key = if self.delegated {
                        k.delegated_key
                    } else {
                        k.direct_key
                    };
                    Unlink::Head(key, tag(&table, next))
                }
                (None, None) if !self.delegated => match &k.direct_listener {
                    Some(f) => Unlink::Unlisten(
                        k.js_name,
                        f.as_ref().clone().unchecked_into::<js_sys::Function>(),
                    ),
                    None => Unlink::Nothing,
                },
                _ => Unlink::Nothing,
            };
            Some((slot, unlink))
        });
        let Some((slot, unlink)) = removed else {
            return;
        };
        match (unlink, &slot.target) {
            (Unlink::Head(key, next), Some(target)) => {
                set_expando(target, key, next, false);
            }
            (Unlink::Unlisten(js_name, f), Some(target)) => {
                super::unlisten(target, js_name, &f);
            }
            _ => {}
        }
        // Dropped outside the table borrow: the handler's captures may run
        // arbitrary Drop code.
        drop(slot);
    }
}

/// Runs the chain starting at `head`; returns whether any handler ran.
///
/// The chain is read once, as dispatch starts, with each slot's generation:
/// as in the DOM, a handler added during the dispatch does not run in it,
/// and one removed by an earlier handler does not run (its slot may by then
/// hold another element's handler, which the generation tells apart), while
/// the handlers after it still do.
fn run_chain(head: u32, ev: &Event, before_each: impl Fn()) -> bool {
    // The chain's slots and generations, copied first: a handler may add
    // or remove handlers (this chain's too). Each handler is fetched when
    // its turn comes, if its slot still holds it.
    let chain: Vec<(u32, u32)> = TABLE.with(|t| {
        let t = borrow_state(t);
        let mut chain = Vec::new();
        let mut at = Some(head);
        while let Some(i) = at {
            let Some(slot) = slot_at(&t, i) else { break };
            chain.push((i, *t.generations.get(i as usize).invariant()));
            at = slot.next;
        }
        chain
    });
    let mut ran = false;
    for (i, generation) in chain {
        let handler = TABLE.with(|t| {
            let t = borrow_state(t);
            if t.generations.get(i as usize) != Some(&generation) {
                return None;
            }
            slot_at(&t, i).map(|slot| slot.handler.clone())
        });
        let Some(handler) = handler else {
            continue;
        };
        before_each();
        call(&handler, ev.clone());
        ran = true;
    }
    ran
}

/// Runs a dispatch of handlers given to it (see [`around_dispatch`]), for
/// the event it is given.
type DispatchWrap = fn(&Event, &mut dyn FnMut());

thread_local! {
    /// What runs each dispatch of handlers, when someone needs to know.
    static AROUND_DISPATCH: std::cell::Cell<Option<DispatchWrap>> = const { std::cell::Cell::new(None) };
}

/// Has every dispatch of handlers (delegated: the whole walk; direct: one
/// element's handlers) run through `wrap`, which must call the function it
/// is given once: the router counts dispatches there, to apply the
/// navigations handlers ask for once they have run. Apps without it pay
/// one test per dispatch.
pub(crate) fn around_dispatch(wrap: DispatchWrap) {
    AROUND_DISPATCH.with(|w| w.set(Some(wrap)));
}

fn dispatch(ev: &Event, f: &mut dyn FnMut()) {
    match AROUND_DISPATCH.with(std::cell::Cell::get) {
        Some(wrap) => wrap(ev, f),
        None => f(),
    }
}

fn dispatch_direct(kind: u32, ev: Event) {
    let Some(target) = ev.current_target() else {
        return;
    };
    let key = TABLE.with(|t| borrow_state(t).kind(kind).direct_key);
    if let Some(head) = chain_head(&target, key) {
        dispatch(&ev, &mut || {
            run_chain(head, &ev, || {});
        });
    }
}

fn set_current_target(ev: &Event, node: &JsValue) {
    let descriptor = match TABLE.with(|t| borrow_state(t).descriptor.clone()) {
        Some(d) => d,
        None => {
            let d = js_sys::Object::new();
            super::set_on_plain_object(&d, &JsValue::from_str("configurable"), &JsValue::TRUE);
            TABLE.with(|t| borrow_state_mut(t).descriptor = Some(d.clone()));
            d
        }
    };
    super::with_name("value", |n| {
        super::set_on_plain_object(&descriptor, n, node)
    });
    super::with_name("currentTarget", |n| {
        js_sys::Object::define_property(ev, n, &descriptor)
    });
}

fn dispatch_delegated(kind: u32, ev: Event) {
    dispatch(&ev, &mut || walk_delegated(kind, &ev));
}

fn walk_delegated(kind: u32, ev: &Event) {
    let key = TABLE.with(|t| borrow_state(t).kind(kind).delegated_key);
    // The path is fixed when dispatch starts, as in the DOM, and open
    // shadow roots are walked through (the event's `target` seen from the
    // window would be the shadow host).
    let path = ev.composed_path();
    let mut overridden = false;
    for i in 0..path.length() {
        let node = path.get(i);
        if let Some(head) = chain_head(&node, key) {
            // A disabled element's handlers do not run, as in Leptos 0.6
            // (browsers send no click to a disabled control; this covers
            // synthetic events and custom elements); its ancestors' do.
            if super::is_disabled(&node) {
                continue;
            }
            overridden |= run_chain(head, ev, || set_current_target(ev, &node));
            // stopPropagation() lets the other handlers on this element run
            // but no ancestor's — as in the DOM. A handler that took its
            // element out of the page (a tag's close button, a row's
            // delete button) ends the walk too, as Leptos 0.6's delegation
            // (which climbs `parentNode`) does: the card or row around it
            // does not also get the click.
            if ev.cancel_bubble() || !super::is_connected(&node) {
                break;
            }
        }
    }
    if overridden {
        // Back to the prototype's getter (which reports the window).
        super::with_name("currentTarget", |n| super::delete_from_object(ev, n));
    }
}

/// Number of live handlers in the table (for tests of listener cleanup).
pub fn live_handler_count() -> usize {
    TABLE.with(|t| borrow_state(t).slots.iter().filter(|s| s.is_some()).count())
}

#[cfg(test)]
mod tests {
    use super::{tag, untag, Slot, Table, MAX_GENERATION, SMALL_GENERATIONS, SMALL_SLOT_BITS};
    use std::rc::Rc;

    fn table(slots: u32, generation: u32) -> Table {
        let handler: super::Handler = Rc::new(super::HandlerCell::new(|_: super::Event| {}));
        Table {
            kinds: Vec::new(),
            slots: (0..slots)
                .map(|_| {
                    Some(Slot {
                        handler: handler.clone(),
                        prev: None,
                        next: None,
                        target: None,
                    })
                })
                .collect(),
            generations: vec![generation; slots as usize],
            free: Vec::new(),
            descriptor: None,
            prefix: None,
        }
    }

    /// Where panics unwind (natively), a closure that panicked runs again
    /// for the next call: the unwinding gives its running mark back.
    #[test]
    fn a_handler_cell_runs_again_after_an_unwound_panic() {
        let cell = super::HandlerCell::new(|n: u32| assert!(n != 1, "one"));
        let caught = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            cell.run(|f| f(1));
        }));
        assert!(caught.is_err());
        let ran = std::cell::Cell::new(false);
        cell.run(|f| {
            f(2);
            ran.set(true);
        });
        assert!(ran.get());
    }

    #[test]
    fn small_slots_and_generations_make_small_integer_tags() {
        let mut t = table(3, 0);
        assert_eq!(tag(&t, 2), 4.0);
        // What a foreign `null`, `false`, `""` or `true` reads as names
        // nothing, though slot 0 is live in generation 0; nor does -1, the
        // wide form of a slot that uses the small one.
        assert_eq!(untag(&t, 0.0), None);
        assert_eq!(untag(&t, 1.0), None);
        assert_eq!(untag(&t, -1.0), None);
        assert_eq!(untag(&t, tag(&t, 0)), Some(0));
        t.generations[2] = SMALL_GENERATIONS - 1;
        let v = tag(&t, 2);
        assert!(v < f64::from(1u32 << 30), "{v} is not below 2^30");
        // The largest small tag is still a small integer (2^30 - 1).
        let big = table((1 << SMALL_SLOT_BITS) - 1, SMALL_GENERATIONS - 1);
        let top = tag(&big, (1 << SMALL_SLOT_BITS) - 3);
        assert_eq!(top, f64::from((1u32 << 30) - 1));
        assert_eq!(untag(&big, top), Some((1 << SMALL_SLOT_BITS) - 3));
        // The next slot takes the wide form, and only that form names it.
        let wide = tag(&big, (1 << SMALL_SLOT_BITS) - 2);
        assert!(wide < 0.0);
        assert_eq!(untag(&big, wide), Some((1 << SMALL_SLOT_BITS) - 2));
        assert_eq!(untag(&big, top + 1.0), None);
        assert_eq!(untag(&t, v), Some(2));
        // The same slot one generation later does not answer to it.
        t.generations[2] += 1;
        assert_eq!(untag(&t, v), None);
        let wide = tag(&t, 2);
        assert!(wide < 0.0);
        assert_eq!(untag(&t, wide), Some(2));
    }

    #[test]
    fn every_slot_and_generation_round_trips_in_either_form() {
        let slots = (1 << SMALL_SLOT_BITS) + 2;
        let mut t = table(slots, 0);
        for &slot in &[
            0,
            1,
            (1 << SMALL_SLOT_BITS) - 1,
            1 << SMALL_SLOT_BITS,
            slots - 1,
        ] {
            for &generation in &[
                0,
                1,
                SMALL_GENERATIONS - 1,
                SMALL_GENERATIONS,
                MAX_GENERATION - 1,
            ] {
                t.generations[slot as usize] = generation;
                let v = tag(&t, slot);
                assert_eq!(
                    untag(&t, v),
                    Some(slot),
                    "slot {slot}, generation {generation}"
                );
                t.generations[slot as usize] = generation + 1;
                assert_eq!(
                    untag(&t, v),
                    None,
                    "stale: slot {slot}, generation {generation}"
                );
            }
        }
        // Freed slots and junk name nothing.
        t.slots[0] = None;
        t.generations[0] = 0;
        assert_eq!(untag(&t, 0.0), None);
        assert_eq!(untag(&t, -1.0), None);
        assert_eq!(untag(&t, 0.5), None);
        assert_eq!(untag(&t, f64::NAN), None);
    }
}
