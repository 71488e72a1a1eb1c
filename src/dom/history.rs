//! The router's window on the browser: location, history, link clicks.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

/// `(pathname, search, hash)` of the current location.
pub fn location() -> (String, String, String) {
    match web_sys::window().map(|w| w.location()) {
        Some(l) => (
            l.pathname().unwrap_or_default(),
            l.search().unwrap_or_default(),
            l.hash().unwrap_or_default(),
        ),
        None => ("/".into(), String::new(), String::new()),
    }
}

/// The path of the document's base URL (`<base href>`, which Trunk's
/// `--public-url` sets), without a trailing slash: `""` for a site at the
/// root, `"/repo"` for a GitHub project page.
pub fn base_path() -> String {
    let document = super::document();
    // Without a `<base href>`, `baseURI` is the page's own URL: a deep link
    // such as `/users/7` would make `/users` the base. No element, no base.
    if !matches!(document.query_selector("base[href]"), Ok(Some(_))) {
        return String::new();
    }
    let base = document.base_uri().ok().flatten();
    let path = base
        .and_then(|b| web_sys::Url::new(&b).ok())
        .map(|u| u.pathname())
        .unwrap_or_default();
    // `<base href="/repo/">` applies to `/repo/index.html` too: keep the directory.
    let dir = match path.rfind('/') {
        Some(i) => &path[..i],
        None => "",
    };
    dir.to_string()
}

/// Pushes (or replaces) a history entry for a same-origin URL.
pub fn push_url(url: &str, replace: bool) {
    if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
        let _ = if replace {
            history.replace_state_with_url(&JsValue::NULL, "", Some(url))
        } else {
            history.push_state_with_url(&JsValue::NULL, "", Some(url))
        };
    }
}

/// Scrolls the window to the top (after navigating to a new page).
pub fn scroll_to_top() {
    if let Some(w) = web_sys::window() {
        w.scroll_to_with_x_and_y(0.0, 0.0);
    }
}

/// A window or document listener that is removed when dropped.
pub struct WindowListener {
    target: web_sys::EventTarget,
    name: &'static str,
    closure: Closure<dyn FnMut(web_sys::Event)>,
}

impl Drop for WindowListener {
    fn drop(&mut self) {
        let _ = self
            .target
            .remove_event_listener_with_callback(self.name, self.closure.as_ref().unchecked_ref());
    }
}

fn listen(
    target: web_sys::EventTarget,
    name: &'static str,
    f: impl FnMut(web_sys::Event) + 'static,
) -> WindowListener {
    let closure = Closure::<dyn FnMut(web_sys::Event)>::new(f);
    let _ = target.add_event_listener_with_callback(name, closure.as_ref().unchecked_ref());
    WindowListener {
        target,
        name,
        closure,
    }
}

/// Calls `f` on `popstate` and `hashchange` (back/forward, hash edits).
pub fn on_location_change(f: impl Fn() + 'static) -> [WindowListener; 2] {
    let window: web_sys::EventTarget = web_sys::window().expect("no window").unchecked_into();
    let f = std::rc::Rc::new(f);
    let g = f.clone();
    [
        listen(window.clone(), "popstate", move |_| f()),
        listen(window, "hashchange", move |_| g()),
    ]
}

/// Calls `f` with the same-origin path (`/a/b?x#y`) of every plain left
/// click on an `<a href>` that the router should handle: no modifier keys,
/// not already handled, no `target` other than `_self`, no `download`, no
/// `rel="external"`. `f` returns whether it handled the click, in which case
/// the browser's navigation is prevented. Fragment links (`href="#..."`)
/// never reach `f`: they change the current URL's fragment.
pub fn on_link_click(f: impl Fn(&str) -> bool + 'static) -> WindowListener {
    let document: web_sys::EventTarget = super::document().unchecked_into();
    listen(document, "click", move |ev| {
        let Some(ev) = ev.dyn_ref::<web_sys::MouseEvent>() else {
            return;
        };
        if ev.default_prevented()
            || ev.button() != 0
            || ev.meta_key()
            || ev.alt_key()
            || ev.ctrl_key()
            || ev.shift_key()
        {
            return;
        }
        let Some(target) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        else {
            return;
        };
        let Some(anchor) = target
            .closest("a")
            .ok()
            .flatten()
            .and_then(|a| a.dyn_into::<web_sys::HtmlAnchorElement>().ok())
        else {
            return;
        };
        if !anchor.has_attribute("href")
            || anchor.has_attribute("download")
            || !matches!(anchor.target().as_str(), "" | "_self")
            || anchor.rel().split_whitespace().any(|r| r == "external")
        {
            return;
        }
        // A fragment link (`href="#..."`) targets this page: the browser
        // would resolve it against `<base href>` (another page when the base
        // is the site root), so set the fragment of the current URL instead.
        // That is a same-document navigation firing `hashchange`, which the
        // app (e.g. TodoMVC's `#/active` filters) and the router follow.
        if let Some(fragment) = anchor.get_attribute("href").filter(|h| h.starts_with('#')) {
            if let Some(window) = web_sys::window() {
                let _ = window.location().set_hash(&fragment);
                ev.prevent_default();
            }
            return;
        }
        let here = web_sys::window().and_then(|w| w.location().origin().ok());
        if here.as_deref() != Some(anchor.origin().as_str()) {
            return;
        }
        let path = format!("{}{}{}", anchor.pathname(), anchor.search(), anchor.hash());
        if f(&path) {
            ev.prevent_default();
        }
    })
}
