//! Interned names: the JavaScript strings for tag, attribute, property,
//! class, style and event names, created once and reused.
//!
//! Passing a `&str` to JavaScript copies and decodes it every time. The
//! renderer passes the same few dozen names over and over (`"div"`,
//! `"class"`, `"click"`), so each distinct name becomes a JS string once and
//! is looked up afterwards. The table is a plain vector searched by pointer
//! first (names are `&'static str` literals, so the same literal has the same
//! address) and by content second; an app has few distinct names, and this
//! keeps hashing code out of the binary (wasm-bindgen's own `intern` pulls in
//! a `HashMap` and SipHash).

use larkspur_reactive::{borrow_state, borrow_state_mut};
use std::cell::RefCell;

use wasm_bindgen::JsValue;

larkspur_reactive::__local! {
    // Each interned string lives for the rest of the page, so the table
    // hands out `&'static` references: a caller uses the string after the
    // borrow has ended. No borrow of this table may span a call into
    // JavaScript — setting `hidden` on a focused element fires `focusout`
    // synchronously, and the delegated dispatcher looks names up again.
    static NAMES: RefCell<Vec<(&'static str, &'static JsValue)>> = const { RefCell::new(Vec::new()) };
}

/// The entry for `name`: the same literal (same address and length) is
/// found without comparing bytes; another copy of the text by content.
/// Each text is in the table once, so one pass finds either.
fn find(names: &[(&'static str, &'static JsValue)], name: &str) -> Option<&'static JsValue> {
    names
        .iter()
        .find(|(k, _)| {
            (std::ptr::eq(k.as_ptr(), name.as_ptr()) && k.len() == name.len()) || *k == name
        })
        .map(|(_, js)| *js)
}

/// The interned JS string for `name`, created on first use.
fn lookup(name: &'static str) -> &'static JsValue {
    let found = NAMES.with(|names| find(&borrow_state(names), name));
    if let Some(js) = found {
        return js;
    }
    // Created outside any borrow; a name is interned once per page.
    let js: &'static JsValue = Box::leak(Box::new(JsValue::from_str(name)));
    NAMES.with(|names| borrow_state_mut(names).push((name, js)));
    js
}

/// Runs `f` with the interned JS string for `name`.
///
/// `f` runs with no borrow of the table held, so it may call into
/// JavaScript that re-enters the framework (event listeners fired
/// synchronously by a DOM write) and look names up again.
pub fn with_name<R>(name: &'static str, f: impl FnOnce(&JsValue) -> R) -> R {
    f(lookup(name))
}

/// Number of interned names (for tests).
pub fn interned_count() -> usize {
    NAMES.with(|n| borrow_state(n).len())
}
