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

use std::cell::RefCell;

use wasm_bindgen::JsValue;

thread_local! {
    static NAMES: RefCell<Vec<(&'static str, JsValue)>> = const { RefCell::new(Vec::new()) };
}

fn position(names: &[(&'static str, JsValue)], name: &str) -> Option<usize> {
    names
        .iter()
        .position(|(k, _)| std::ptr::eq(k.as_ptr(), name.as_ptr()) && k.len() == name.len())
        .or_else(|| names.iter().position(|(k, _)| *k == name))
}

/// Runs `f` with the interned JS string for `name`.
pub fn with_name<R>(name: &'static str, f: impl FnOnce(&JsValue) -> R) -> R {
    NAMES.with(|names| {
        let mut names = names.borrow_mut();
        let i = match position(&names, name) {
            Some(i) => i,
            None => {
                names.push((name, JsValue::from_str(name)));
                names.len() - 1
            }
        };
        f(&names[i].1)
    })
}

/// Number of interned names (for tests).
pub fn interned_count() -> usize {
    NAMES.with(|n| n.borrow().len())
}
