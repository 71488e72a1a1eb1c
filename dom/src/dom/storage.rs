//! Key-value places that outlive the page: `localStorage`, `sessionStorage`
//! and the URL's query string, for the persisted signals of `storage`.
//!
//! Every access can throw (storage disabled, a sandboxed iframe, private
//! modes, a full quota), so each function returns the exception instead of
//! unwrapping it; [`describe`] turns one into a name and a message. The
//! storage objects are looked up on every call, never cached: a page may
//! replace them (tests do), and a cached one would hide the change.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

/// Which Web Storage area.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Area {
    /// `localStorage`: kept across sessions, shared by the origin's tabs.
    Local,
    /// `sessionStorage`: kept for the tab's session.
    Session,
}

impl Area {
    fn global_name(self) -> &'static str {
        match self {
            Area::Local => "localStorage",
            Area::Session => "sessionStorage",
        }
    }
}

/// The storage object of `area`; reading it may throw (a `SecurityError`
/// when storage is disabled), and it may be missing.
pub fn open(area: Area) -> Result<web_sys::Storage, JsValue> {
    let value = js_sys::Reflect::get(&js_sys::global(), &JsValue::from_str(area.global_name()))?;
    if value.is_null() || value.is_undefined() {
        return Err(js_sys::Error::new(&format!("{} is not available", area.global_name())).into());
    }
    Ok(value.unchecked_into())
}

/// `storage.getItem(key)`.
pub fn get_item(storage: &web_sys::Storage, key: &str) -> Result<Option<String>, JsValue> {
    storage.get_item(key)
}

/// `storage.setItem(key, value)`; a full quota throws `QuotaExceededError`.
pub fn set_item(storage: &web_sys::Storage, key: &str, value: &str) -> Result<(), JsValue> {
    storage.set_item(key, value)
}

/// `storage.removeItem(key)`.
pub fn remove_item(storage: &web_sys::Storage, key: &str) -> Result<(), JsValue> {
    storage.remove_item(key)
}

/// The name (`"QuotaExceededError"`, `"SecurityError"`, …) and message of
/// a JS exception, or `("", String(value))` for a thrown non-error.
pub fn describe(error: &JsValue) -> (String, String) {
    let field = |name: &str| {
        js_sys::Reflect::get(error, &JsValue::from_str(name))
            .ok()
            .and_then(|v| v.as_string())
    };
    match (field("name"), field("message")) {
        (Some(name), Some(message)) => (name, message),
        _ => (
            String::new(),
            js_sys::JsString::from(error.clone())
                .as_string()
                .unwrap_or_default(),
        ),
    }
}

fn location_url() -> Result<web_sys::Url, JsValue> {
    let location: web_sys::Location =
        js_sys::Reflect::get(&js_sys::global(), &JsValue::from_str("location"))?.unchecked_into();
    web_sys::Url::new(&location.href()?)
}

/// The value of the query parameter `key` in the current URL.
pub fn query_get(key: &str) -> Result<Option<String>, JsValue> {
    // The last value of a repeated key, as the router's `ParamsMap` reads
    // it (`URLSearchParams.get` would give the first).
    let all = location_url()?.search_params().get_all(key);
    Ok(match all.length() {
        0 => None,
        n => all.get(n - 1).as_string(),
    })
}

/// Sets (or, with `None`, removes) the query parameter `key`. In place
/// with `history.replaceState` (keeping the history state, adding no
/// entry), or as a new entry with `pushState` when `push` is set.
pub fn query_set(key: &str, value: Option<&str>, push: bool) -> Result<(), JsValue> {
    let url = location_url()?;
    let params = url.search_params();
    match value {
        Some(value) => params.set(key, value),
        None => params.delete(key),
    }
    let history: web_sys::History =
        js_sys::Reflect::get(&js_sys::global(), &JsValue::from_str("history"))?.unchecked_into();
    if push {
        return history.push_state_with_url(&JsValue::NULL, "", Some(&url.href()));
    }
    let state = history.state()?;
    history.replace_state_with_url(&state, "", Some(&url.href()))
}

/// A listener on `window`, removed when dropped.
pub struct GlobalListener {
    name: &'static str,
    closure: Closure<dyn FnMut(web_sys::Event)>,
}

impl Drop for GlobalListener {
    fn drop(&mut self) {
        let target: web_sys::EventTarget = js_sys::global().unchecked_into();
        let _ = target
            .remove_event_listener_with_callback(self.name, self.closure.as_ref().unchecked_ref());
    }
}

fn listen_global(
    name: &'static str,
    f: impl FnMut(web_sys::Event) + 'static,
) -> Result<GlobalListener, JsValue> {
    let closure = Closure::<dyn FnMut(web_sys::Event)>::new(f);
    let target: web_sys::EventTarget = js_sys::global().unchecked_into();
    target.add_event_listener_with_callback(name, closure.as_ref().unchecked_ref())?;
    Ok(GlobalListener { name, closure })
}

/// Calls `f(key, new_value)` for every `storage` event about `area` (fired
/// when another tab of the origin changes it). `key` is `None` when the
/// area was cleared.
pub fn on_storage_change(
    area: Area,
    f: impl Fn(Option<String>, Option<String>) + 'static,
) -> Result<GlobalListener, JsValue> {
    listen_global("storage", move |event| {
        let Some(event) = event.dyn_ref::<web_sys::StorageEvent>() else {
            return;
        };
        // Events for the other area (or with none) are not ours. Reading
        // the area may throw once storage has been disabled: then no event
        // can be ours either.
        let ours = match (event.storage_area(), open(area)) {
            (Some(from), Ok(mine)) => JsValue::from(from) == JsValue::from(mine),
            _ => false,
        };
        if ours {
            f(event.key(), event.new_value());
        }
    })
}

/// Calls `f` after every history traversal (`popstate`): back and forward
/// change the query string without telling anyone else.
pub fn on_history_change(f: impl Fn() + 'static) -> Result<GlobalListener, JsValue> {
    listen_global("popstate", move |_| f())
}
