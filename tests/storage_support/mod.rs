//! Helpers for the persisted-signal tests: direct access to the real
//! storage areas, replacing `window.localStorage` with objects that throw
//! (and putting the real one back), and capturing `console.warn`.
#![allow(dead_code)]

use wasm_bindgen::JsValue;

fn eval(code: &str) -> JsValue {
    js_sys::eval(code).unwrap_or_else(|e| panic!("eval failed: {e:?}\n{code}"))
}

/// Remembers the real `localStorage` (once) so it can be put back.
const SAVE: &str = r#"
if (!window.__lark_ls) {
  let o = window, d;
  while (o && !(d = Object.getOwnPropertyDescriptor(o, 'localStorage'))) o = Object.getPrototypeOf(o);
  window.__lark_ls = { own: o === window, d, real: window.localStorage };
}
"#;

/// The real `localStorage`, even while the page's is replaced.
pub fn real_local() -> web_sys::Storage {
    eval(SAVE);
    js_sys::Reflect::get(&eval("window.__lark_ls"), &"real".into())
        .unwrap()
        .into()
}

/// The real `sessionStorage`.
pub fn real_session() -> web_sys::Storage {
    web_sys::window()
        .unwrap()
        .session_storage()
        .unwrap()
        .unwrap()
}

/// Makes every read of `window.localStorage` throw a `SecurityError`, as in
/// a sandboxed iframe or with storage disabled.
pub fn make_local_storage_unavailable() {
    eval(SAVE);
    eval(
        "Object.defineProperty(window, 'localStorage', { configurable: true, \
         get() { throw new DOMException('The operation is insecure.', 'SecurityError'); } });",
    );
}

/// Replaces `window.localStorage` with one whose reads reach the real
/// storage but whose `setItem` throws `QuotaExceededError`, as a full
/// storage does.
pub fn make_local_storage_full() {
    eval(SAVE);
    eval(
        "(() => { const real = window.__lark_ls.real; \
         Object.defineProperty(window, 'localStorage', { configurable: true, value: { \
           getItem: (k) => real.getItem(k), \
           removeItem: (k) => real.removeItem(k), \
           setItem() { throw new DOMException('Storage quota exceeded', 'QuotaExceededError'); } \
         } }); })()",
    );
}

/// Replaces `window.localStorage` with one whose `getItem` throws.
pub fn make_local_storage_reads_throw() {
    eval(SAVE);
    eval(
        "Object.defineProperty(window, 'localStorage', { configurable: true, value: { \
           getItem() { throw new Error('read refused'); }, \
           setItem() { throw new Error('write refused'); }, \
           removeItem() { throw new Error('remove refused'); } } });",
    );
}

/// Puts the real `localStorage` back.
pub fn restore_local_storage() {
    eval(SAVE);
    eval(
        "if (window.__lark_ls.own) Object.defineProperty(window, 'localStorage', window.__lark_ls.d); \
         else delete window.localStorage;",
    );
}

/// Starts collecting `console.warn` messages (and keeps printing them).
pub fn capture_warnings() {
    eval(
        "window.__lark_warnings = []; if (!window.__lark_warn) { window.__lark_warn = console.warn; \
         console.warn = (...a) => { window.__lark_warnings.push(a.join(' ')); window.__lark_warn(...a); }; }",
    );
}

/// The `console.warn` messages since [`capture_warnings`].
pub fn warnings() -> Vec<String> {
    let list: js_sys::Array = eval("window.__lark_warnings || []").into();
    list.iter().filter_map(|v| v.as_string()).collect()
}

/// Fires a `storage` event at `window`, as another tab's write would.
pub fn storage_event(area: &web_sys::Storage, key: Option<&str>, new_value: Option<&str>) {
    let init = web_sys::StorageEventInit::new();
    init.set_storage_area(Some(area));
    init.set_key(key);
    init.set_new_value(new_value);
    let event = web_sys::StorageEvent::new_with_event_init_dict("storage", &init).unwrap();
    web_sys::window().unwrap().dispatch_event(&event).unwrap();
}
