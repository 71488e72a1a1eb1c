//! Timers: `setTimeout`, `setInterval` and `requestAnimationFrame` with Rust
//! callbacks, and a table that frees each callback when it has fired or was
//! cancelled.
//!
//! A callback handed to JavaScript must stay alive until JavaScript is done
//! with it. Leaking it (`Closure::forget`) would be simplest, but a debounced
//! input cancels a timeout on every keystroke, so leaks would grow without
//! bound. Instead every live callback sits in a small thread-local table
//! under a [`TimerId`]; firing a one-shot timer or cancelling any timer
//! removes its entry. (Dropping a `Closure` while it runs is fine: the JS
//! glue frees it only after the call returns.)
//!
//! The functions are global (`globalThis.setTimeout`, …), so they also work
//! where there is no `window`.

use std::cell::{Cell, RefCell};

use wasm_bindgen::closure::Closure;
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(catch, js_name = setTimeout)]
    fn set_timeout_js(f: &js_sys::Function, ms: i32) -> Result<i32, JsValue>;
    #[wasm_bindgen(js_name = clearTimeout)]
    fn clear_timeout_js(id: i32);
    #[wasm_bindgen(catch, js_name = setInterval)]
    fn set_interval_js(f: &js_sys::Function, ms: i32) -> Result<i32, JsValue>;
    #[wasm_bindgen(js_name = clearInterval)]
    fn clear_interval_js(id: i32);
    #[wasm_bindgen(catch, js_name = requestAnimationFrame)]
    fn request_animation_frame_js(f: &js_sys::Function) -> Result<i32, JsValue>;
    #[wasm_bindgen(js_name = cancelAnimationFrame)]
    fn cancel_animation_frame_js(id: i32);
}

/// Identifies a scheduled timer for [`cancel`]. Stale ids (the timer fired
/// or was cancelled already) are harmless: cancelling one does nothing.
///
/// ```no_run
/// use larkspur::dom::timers;
/// let id = timers::set_timeout(Box::new(|| larkspur::log!("later")), 100).unwrap();
/// timers::cancel(id);
/// timers::cancel(id); // no-op
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct TimerId(u32);

#[derive(Clone, Copy)]
enum Kind {
    Timeout,
    Interval,
    AnimationFrame,
}

struct Entry {
    id: TimerId,
    kind: Kind,
    browser_id: i32,
    // Kept only to keep the JS function alive; dropped when removed.
    _callback: Closure<dyn FnMut()>,
}

thread_local! {
    static NEXT_ID: Cell<u32> = const { Cell::new(0) };
    static LIVE: RefCell<Vec<Entry>> = const { RefCell::new(Vec::new()) };
}

fn next_id() -> TimerId {
    NEXT_ID.with(|n| {
        let id = n.get().wrapping_add(1);
        n.set(id);
        TimerId(id)
    })
}

/// Removes the table entry of `id`, if it is still there.
fn take(id: TimerId) -> Option<Entry> {
    LIVE.with(|live| {
        let mut live = live.borrow_mut();
        let i = live.iter().position(|e| e.id == id)?;
        Some(live.swap_remove(i))
    })
}

fn schedule(
    id: TimerId,
    kind: Kind,
    callback: Closure<dyn FnMut()>,
    ms: i32,
) -> Result<TimerId, JsValue> {
    let f: &js_sys::Function = callback.as_ref().unchecked_ref();
    let browser_id = match kind {
        Kind::Timeout => set_timeout_js(f, ms)?,
        Kind::Interval => set_interval_js(f, ms)?,
        Kind::AnimationFrame => request_animation_frame_js(f)?,
    };
    LIVE.with(|live| {
        live.borrow_mut().push(Entry {
            id,
            kind,
            browser_id,
            _callback: callback,
        })
    });
    Ok(id)
}

/// A callback that runs `f` once, after removing its own table entry (so
/// `f` may schedule or cancel timers freely).
fn one_shot(id: TimerId, f: Box<dyn FnOnce()>) -> Closure<dyn FnMut()> {
    let mut f = Some(f);
    Closure::<dyn FnMut()>::new(move || {
        let entry = take(id);
        if let Some(f) = f.take() {
            f();
        }
        drop(entry);
    })
}

/// Calls `f` once after `ms` milliseconds (`setTimeout`).
///
/// ```no_run
/// use larkspur::dom::timers;
/// timers::set_timeout(Box::new(|| larkspur::log!("one second later")), 1000).unwrap();
/// ```
pub fn set_timeout(f: Box<dyn FnOnce()>, ms: i32) -> Result<TimerId, JsValue> {
    let id = next_id();
    schedule(id, Kind::Timeout, one_shot(id, f), ms)
}

/// Calls `f` every `ms` milliseconds until [`cancel`]led (`setInterval`).
///
/// ```no_run
/// use larkspur::dom::timers;
/// let id = timers::set_interval(Box::new(|| larkspur::log!("tick")), 1000).unwrap();
/// timers::cancel(id);
/// ```
pub fn set_interval(f: Box<dyn FnMut()>, ms: i32) -> Result<TimerId, JsValue> {
    let id = next_id();
    schedule(id, Kind::Interval, Closure::new(f), ms)
}

/// Calls `f` once before the next repaint (`requestAnimationFrame`).
///
/// ```no_run
/// use larkspur::dom::timers;
/// timers::request_animation_frame(Box::new(|| larkspur::log!("frame"))).unwrap();
/// ```
pub fn request_animation_frame(f: Box<dyn FnOnce()>) -> Result<TimerId, JsValue> {
    let id = next_id();
    schedule(id, Kind::AnimationFrame, one_shot(id, f), 0)
}

/// Cancels a timer and frees its callback; does nothing if it already fired
/// (one-shot timers) or was cancelled.
///
/// ```no_run
/// use larkspur::dom::timers;
/// let id = timers::request_animation_frame(Box::new(|| {})).unwrap();
/// timers::cancel(id);
/// ```
pub fn cancel(id: TimerId) {
    if let Some(entry) = take(id) {
        match entry.kind {
            Kind::Timeout => clear_timeout_js(entry.browser_id),
            Kind::Interval => clear_interval_js(entry.browser_id),
            Kind::AnimationFrame => cancel_animation_frame_js(entry.browser_id),
        }
    }
}

/// How many timers are scheduled and not yet fired or cancelled (for tests
/// that check callbacks are freed).
///
/// ```no_run
/// use larkspur::dom::timers;
/// let before = timers::live_count();
/// let id = timers::set_timeout(Box::new(|| {}), 10).unwrap();
/// assert_eq!(timers::live_count(), before + 1);
/// timers::cancel(id);
/// assert_eq!(timers::live_count(), before);
/// ```
pub fn live_count() -> usize {
    LIVE.with(|live| live.borrow().len())
}
