//! Browser helpers with Leptos 0.6's names: [`window`], [`event_target_value`],
//! [`window_event_listener`], [`location_hash`], [`request_idle_callback`], ….
//!
//! They live in the DOM facade (the only module that calls `web-sys`) and
//! are re-exported from the crate root and from `larkspur_dom::helpers`.
//! Nothing here runs unless called, so an app pays only for what it uses.
//! Window listeners and idle callbacks made for a view are removed or
//! cancelled when that view goes (the scope of Larkspur's timers: the
//! nearest owner that is not a memo or `create_effect`, so an effect's
//! re-run leaves them alone); a request made with
//! [`request_idle_callback_with_handle`] is the caller's, as in Leptos 0.6.
//! Both are kept under a number in the table of Larkspur's timers (see
//! [`set_timeout`](crate::set_timeout)).

use wasm_bindgen::closure::Closure;
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};

use crate::ev::EventDescriptor;
use crate::time::TimerId;

#[wasm_bindgen]
extern "C" {
    // The global itself, as `document` is reached in `dom/mod.rs`: no
    // `web_sys::window()` shim and `instanceof Window` check in the glue.
    #[wasm_bindgen(thread_local_v2, js_name = window)]
    static WINDOW: web_sys::Window;
    #[wasm_bindgen(catch, js_name = requestIdleCallback)]
    fn request_idle_callback_js(f: &js_sys::Function) -> Result<u32, JsValue>;
    // `catch`: a request that already ran is cancelled too (the table drops
    // its entry after the callback), and a polyfill may define only
    // `requestIdleCallback`.
    #[wasm_bindgen(catch, js_name = cancelIdleCallback)]
    fn cancel_idle_callback_js(id: u32) -> Result<(), JsValue>;
}

/// The global `window`.
///
/// ```no_run
/// use larkspur::*;
/// let width = window().inner_width().ok().and_then(|w| w.as_f64());
/// ```
pub fn window() -> web_sys::Window {
    WINDOW.with(web_sys::Window::clone)
}

/// `window.location`.
///
/// ```no_run
/// use larkspur::*;
/// let path = location().pathname().unwrap_or_default();
/// ```
pub fn location() -> web_sys::Location {
    window().location()
}

/// The URL fragment without its `#`, or `None` when it cannot be read.
///
/// ```no_run
/// use larkspur::*;
/// // at https://example.com/#/settings
/// assert_eq!(location_hash().as_deref(), Some("/settings"));
/// ```
pub fn location_hash() -> Option<String> {
    let hash = location().hash().ok()?;
    Some(hash.strip_prefix('#').unwrap_or(&hash).to_string())
}

/// The URL's path (`/users/7`), or `None` when it cannot be read.
///
/// ```no_run
/// use larkspur::*;
/// // at https://example.com/users/7?tab=posts
/// assert_eq!(location_pathname().as_deref(), Some("/users/7"));
/// ```
pub fn location_pathname() -> Option<String> {
    location().pathname().ok()
}

/// The event's target, cast to `T` (unchecked: pick the element type the
/// handler is attached to).
///
/// ```no_run
/// use larkspur::*;
/// let input = html::input().on(ev::input, |e| {
///     let el: web_sys::HtmlInputElement = event_target(&e);
///     logging::log!("{}", el.value());
/// });
/// ```
pub fn event_target<T: JsCast>(event: &web_sys::Event) -> T {
    event
        .target()
        .map(JsCast::unchecked_into)
        .unwrap_or_else(|| JsValue::UNDEFINED.unchecked_into())
}

/// The `value` of the event's target (an `<input>`, `<textarea>` or
/// `<select>`) as a string; `""` when the target has no string `value`.
///
/// ```no_run
/// use larkspur::*;
/// let (name, set_name) = create_signal(String::new());
/// let input = view! { <input on:input=move |ev| set_name(event_target_value(&ev))/> };
/// ```
pub fn event_target_value<T: JsCast>(event: &T) -> String {
    target_property(event.unchecked_ref(), "value")
        .as_string()
        .unwrap_or_default()
}

/// The `checked` state of the event's target (a checkbox or radio);
/// `false` when the target has none.
///
/// ```no_run
/// use larkspur::*;
/// let (done, set_done) = create_signal(false);
/// let check = view! {
///     <input type="checkbox" on:change=move |ev| set_done(event_target_checked(&ev))/>
/// };
/// ```
pub fn event_target_checked(event: &web_sys::Event) -> bool {
    target_property(event, "checked").as_bool().unwrap_or(false)
}

fn target_property(event: &web_sys::Event, name: &'static str) -> JsValue {
    match event.target() {
        Some(target) => super::get_property(&target, name),
        None => JsValue::UNDEFINED,
    }
}

/// A listener added by [`window_event_listener`]; [`remove`](Self::remove)
/// takes it off the window. It is also removed when the view current at
/// creation is disposed, so dropping the handle (as Leptos apps often do)
/// keeps it only for as long as the component that made it.
///
/// The listener is kept in the timers' table under a number (see
/// [`set_timeout`](crate::set_timeout)): one cleanup per view removes all of its listeners,
/// and a removed listener leaves nothing behind.
#[derive(Debug)]
pub struct WindowListenerHandle(TimerId);

impl WindowListenerHandle {
    /// Removes the listener; harmless if it was removed already.
    ///
    /// ```no_run
    /// use larkspur::*;
    /// let handle = window_event_listener(ev::resize, |_| logging::log!("resized"));
    /// handle.remove();
    /// ```
    pub fn remove(self) {
        crate::time::cancel(self.0);
    }
}

/// Listens for a typed event on `window` (`ev::resize`, `ev::keydown`,
/// `ev::hashchange`, …). The handler gets the event's `web_sys` type.
///
/// ```no_run
/// use larkspur::*;
/// let (key, set_key) = create_signal(String::new());
/// let handle = window_event_listener(ev::keydown, move |e| set_key(e.key()));
/// ```
pub fn window_event_listener<E: EventDescriptor>(
    event: E,
    cb: impl Fn(E::EventType) + 'static,
) -> WindowListenerHandle {
    window_event_listener_untyped(&event.name(), move |e| cb(e.unchecked_into()))
}

/// Listens for an event on `window` by name; the handler gets a plain
/// `web_sys::Event`.
///
/// ```no_run
/// use larkspur::*;
/// let handle = window_event_listener_untyped("my-app-ready", |e| logging::log!("{}", e.type_()));
/// handle.remove();
/// ```
pub fn window_event_listener_untyped(
    name: &str,
    cb: impl Fn(web_sys::Event) + 'static,
) -> WindowListenerHandle {
    // Outside any memo or effect: `focusout` and other events reach the
    // window synchronously from DOM work inside one.
    // `Fn(JsValue)`, as every framework closure: one shared glue shim.
    let closure = Closure::<dyn Fn(JsValue)>::new(move |e: JsValue| {
        larkspur_reactive::__outside(|| cb(e.unchecked_into()))
    });
    let target = window();
    if target
        .add_event_listener_with_callback(name, closure.as_ref().unchecked_ref())
        .is_err()
    {
        super::console_error("larkspur: addEventListener on window failed");
    }
    let id = crate::time::keep_window_listener(name.to_string(), closure);
    // Tied to the view, as timers are: a `create_effect`'s next run
    // leaves the listener alone (0.6 never removes it by itself).
    crate::time::cancel_with_owner(id);
    WindowListenerHandle(id)
}

/// Takes a listener that [`window_event_listener_untyped`] added off the
/// window (the timers' table drops it here).
pub(crate) fn remove_window_listener(name: &str, callback: &JsValue) {
    let _ = window().remove_event_listener_with_callback(name, callback.unchecked_ref());
}

/// `requestIdleCallback(f)`, for the timers' table.
pub(crate) fn request_idle(f: &js_sys::Function) -> Result<u32, JsValue> {
    request_idle_callback_js(f)
}

/// `cancelIdleCallback(id)`, for the timers' table.
pub(crate) fn cancel_idle(id: u32) {
    let _ = cancel_idle_callback_js(id);
}

/// A pending idle callback, returned by [`request_idle_callback_with_handle`].
/// `Copy`, as in Leptos 0.6: the callback is kept in the timers' table
/// under a number (see [`set_timeout`](crate::set_timeout)).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct IdleCallbackHandle(TimerId);

impl IdleCallbackHandle {
    /// Cancels the callback; does nothing if it already ran.
    ///
    /// ```no_run
    /// use larkspur::*;
    /// request_idle_callback_with_handle(|| logging::log!("idle")).unwrap().cancel();
    /// ```
    pub fn cancel(&self) {
        crate::time::cancel(self.0);
    }
}

/// Calls `cb` once when the browser is idle, unless its view (the
/// scope of Larkspur's timers, see [`set_timeout`](crate::set_timeout)) is disposed first.
///
/// ```no_run
/// use larkspur::*;
/// request_idle_callback(|| logging::log!("nothing else to do"));
/// ```
pub fn request_idle_callback(cb: impl FnOnce() + 'static) {
    match crate::time::schedule_idle(cb) {
        Ok(id) => crate::time::cancel_with_owner(id),
        Err(_) => super::console_error("larkspur: requestIdleCallback failed"),
    }
}

/// Like [`request_idle_callback`], returning a handle that can cancel it.
/// The request is the caller's, as the other `_with_handle` forms' timers
/// are: it is not cancelled with the view (Leptos 0.6 does the same).
///
/// ```no_run
/// use larkspur::*;
/// let handle = request_idle_callback_with_handle(|| logging::log!("idle")).unwrap();
/// handle.cancel();
/// ```
pub fn request_idle_callback_with_handle(
    cb: impl FnOnce() + 'static,
) -> Result<IdleCallbackHandle, JsValue> {
    crate::time::schedule_idle(cb).map(IdleCallbackHandle)
}

pub use larkspur_reactive::queue_microtask;

/// Always `false`: Larkspur renders only in the browser (Leptos code that
/// branches on it keeps its client path).
///
/// ```
/// assert!(!larkspur::is_server());
/// ```
pub const fn is_server() -> bool {
    false
}

/// Always `true`, the counterpart of [`is_server`].
///
/// ```
/// assert!(larkspur::is_browser());
/// ```
pub const fn is_browser() -> bool {
    true
}

/// Sets a property of a DOM element (`Some`), or deletes it (`None`), as
/// Leptos 0.6's `leptos_dom::helpers::set_property`. The write passes the
/// same checks as `prop:` in `view!`: `innerHTML`, `outerHTML` and `srcdoc`
/// are refused (a debug warning; use `.inner_html(..)` for markup you
/// trust), and a URL property (`href`, `src`, …) takes only a safe URL.
///
/// ```no_run
/// use larkspur::*;
/// use wasm_bindgen::JsValue;
/// let video = document().create_element("video").unwrap();
/// helpers::set_property(&video, "muted", &Some(JsValue::TRUE));
/// assert_eq!(helpers::get_property(&video, "muted"), Ok(JsValue::TRUE));
/// ```
pub fn set_property(el: &web_sys::Element, prop_name: &str, value: &Option<JsValue>) {
    let key = JsValue::from_str(prop_name);
    match value {
        Some(value) => match crate::element::attribute::checked_property(prop_name, value) {
            Ok(None) => _ = js_sys::Reflect::set(el, &key, value),
            Ok(Some(converted)) => _ = js_sys::Reflect::set(el, &key, &converted),
            Err(()) => {}
        },
        None => _ = js_sys::Reflect::delete_property(el, &key),
    }
}

/// Reads a property of a DOM element, as Leptos 0.6's
/// `leptos_dom::helpers::get_property` (`Err` only if a getter throws).
///
/// ```no_run
/// use larkspur::*;
/// let input = document().create_element("input").unwrap();
/// assert_eq!(helpers::get_property(&input, "value").unwrap().as_string().as_deref(), Some(""));
/// ```
pub fn get_property(el: &web_sys::Element, prop_name: &str) -> Result<JsValue, JsValue> {
    js_sys::Reflect::get(el, &JsValue::from_str(prop_name))
}
