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
///
/// `<base href="/repo/">` and `<base href="/repo/index.html">` both give
/// `/repo`; so does `<base href="/repo">` (to the browser its directory is
/// `/`, but the router takes a last segment without a dot to be meant as
/// the app's directory). A base on another origin cannot be pushed to
/// with the History API: it is reported with `console.error` and the
/// router runs at the root instead.
pub fn base_path() -> String {
    let document = super::document();
    // Without a `<base href>`, `baseURI` is the page's own URL: a deep link
    // such as `/users/7` would make `/users` the base. No element, no base.
    if !matches!(document.query_selector("base[href]"), Ok(Some(_))) {
        return String::new();
    }
    let Some(base) = document
        .base_uri()
        .ok()
        .flatten()
        .and_then(|b| web_sys::Url::new(&b).ok())
    else {
        return String::new();
    };
    let here = web_sys::window().and_then(|w| w.location().origin().ok());
    if here.as_deref() != Some(base.origin().as_str()) {
        super::console_error(&format!(
            "larkspur router: <base href> points to another origin ({}); the History API \
             cannot change the URL there, so the router ignores the base and routes from /",
            base.origin()
        ));
        return String::new();
    }
    base_dir(&base.pathname())
}

/// A `<Router base>` as the browser writes the start of its paths: with a
/// leading `/` (`"repo"` is `/repo`, as in Leptos 0.6), percent-encoded
/// (`/café` is `/caf%C3%A9`, what `location.pathname` holds; escapes
/// already there are kept), without a trailing `/`. `""` and `"/"` are
/// the root.
pub fn normalize_base(base: &str) -> String {
    let base = base.trim_end_matches('/');
    if base.is_empty() {
        return String::new();
    }
    let absolute;
    let base = if base.starts_with('/') {
        base
    } else {
        absolute = format!("/{base}");
        &absolute
    };
    let encoded = web_sys::Url::new_with_base(base, "http://localhost")
        .map(|url| url.pathname())
        .unwrap_or_else(|_| base.to_owned());
    encoded.trim_end_matches('/').to_owned()
}

/// The directory part of a base URL's path, without a trailing slash (see
/// [`base_path`]).
pub(crate) fn base_dir(path: &str) -> String {
    let (dir, last) = match path.rfind('/') {
        Some(i) => (&path[..i], &path[i + 1..]),
        None => ("", path),
    };
    if last.is_empty() || last.contains('.') {
        dir.to_string()
    } else {
        path.to_string()
    }
}

/// The current history entry's state (`history.state`), `null` if none.
pub fn state() -> JsValue {
    web_sys::window()
        .and_then(|w| w.history().ok())
        .and_then(|h| h.state().ok())
        .unwrap_or(JsValue::NULL)
}

/// Pushes (or replaces) a history entry for a same-origin URL, with `state`.
pub fn push_url(url: &str, replace: bool, state: &JsValue) {
    let Some(history) = web_sys::window().and_then(|w| w.history().ok()) else {
        return;
    };
    let write = |state: &JsValue| {
        if replace {
            history.replace_state_with_url(state, "", Some(url))
        } else {
            history.push_state_with_url(state, "", Some(url))
        }
    };
    let Err(error) = write(state) else {
        return;
    };
    // A state the browser cannot store (a function, a DOM node: it must be
    // structured-cloneable) costs the state, not the navigation.
    if !state.is_null() && !state.is_undefined() && write(&JsValue::NULL).is_ok() {
        super::console_error(&format!(
            "larkspur router: the history state for \"{url}\" was dropped: the browser \
             cannot store it ({}); use data (text, numbers, arrays, plain objects)",
            exception_text(&error)
        ));
        return;
    }
    // A URL the History API refuses (another origin): say so rather than
    // let the address bar and the router silently disagree.
    super::console_error(&format!(
        "larkspur router: the browser refused to show \"{url}\" in the address bar ({})",
        exception_text(&error)
    ));
}

/// The message of a JS exception (`DataCloneError`, `SecurityError`), or
/// its text. Through `Reflect.get`, which every app's event table already
/// imports, rather than an `instanceof Error` check and a getter of its own.
fn exception_text(error: &JsValue) -> String {
    js_sys::Reflect::get(error, &JsValue::from_str("message"))
        .ok()
        .and_then(|m| m.as_string())
        .or_else(|| error.as_string())
        .unwrap_or_default()
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
    closure: Closure<dyn Fn(web_sys::Event)>,
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
    f: impl Fn(web_sys::Event) + 'static,
) -> WindowListener {
    // `Fn`, not `FnMut`: wasm-bindgen refuses to re-enter an `FnMut`
    // closure, and a listener may run again from inside itself (a handler
    // that clicks another link).
    let closure = Closure::<dyn Fn(web_sys::Event)>::new(f);
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

/// Calls `f` with the same-origin path (`/a/b?x#y`) and the link of every
/// plain left click on an `<a href>` that the router should handle: no modifier keys,
/// not already handled, no `target` other than `_self`, no `download`, no
/// `rel="external"`. `f` returns whether it handled the click, in which case
/// the browser's navigation is prevented. A fragment link (`href="#..."`)
/// reaches `f` as written (`#/users`); one `f` does not handle changes the
/// current URL's fragment.
///
/// The listener sits on the `window`, the last stop of bubbling, after the
/// window listener that runs the delegated `on:click` handlers (added
/// first if it is not there yet), so every handler on the page has seen
/// the click first. A handler that calls `prevent_default()` therefore
/// keeps the router from navigating; an `on:click` handler that calls
/// `stop_propagation()` (a dialog around the link) does not, as in Leptos
/// 0.6. A listener added with `addEventListener` below the window that
/// stops the click keeps it from the router altogether (the browser then
/// follows the link itself).
pub fn on_link_click(
    f: impl Fn(&str, &web_sys::HtmlAnchorElement) -> bool + 'static,
) -> WindowListener {
    on_link_click_then(
        move |path, anchor| f(path, anchor).then_some(()),
        |(), _| {},
        || {},
    )
}

/// [`on_link_click`] in two steps: `take` says whether the click is the
/// caller's (and with what), and only after the browser's navigation is
/// prevented does `go` act on it. A panic in `go` (a route's view that
/// panics) then cannot leave the click to the browser, which would load
/// the page afresh. `after` runs after every click the listener sees,
/// whether it was a link's or not.
pub(crate) fn on_link_click_then<R>(
    take: impl Fn(&str, &web_sys::HtmlAnchorElement) -> Option<R> + 'static,
    go: impl Fn(R, &web_sys::HtmlAnchorElement) + 'static,
    after: impl Fn() + 'static,
) -> WindowListener {
    let window: web_sys::EventTarget = web_sys::window().expect("no window").unchecked_into();
    super::events::delegate_first("click");
    let on_click = move |ev: &web_sys::Event| {
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
        // The innermost link on the event's path, inside shadow roots too
        // (at the window, `target` is the shadow host: a link in a
        // `<Portal use_shadow=true>` or a web component's shadow tree is
        // not among its ancestors).
        let path = ev.composed_path();
        let Some(anchor) = (0..path.length())
            .find_map(|i| path.get(i).dyn_into::<web_sys::HtmlAnchorElement>().ok())
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
        // A fragment link (`href="#..."`) targets this page: `f` gets it as
        // written (a hash-mode router takes `#/…`). Otherwise the browser
        // would resolve it against `<base href>` (another page when the base
        // is the site root), so set the fragment of the current URL instead.
        // That is a same-document navigation firing `hashchange`, which the
        // app (e.g. TodoMVC's `#/active` filters) and the router follow.
        if let Some(fragment) = anchor.get_attribute("href").filter(|h| h.starts_with('#')) {
            ev.prevent_default();
            match take(&fragment, &anchor) {
                Some(taken) => go(taken, &anchor),
                None => {
                    if let Some(window) = web_sys::window() {
                        let _ = window.location().set_hash(&fragment);
                    }
                }
            }
            return;
        }
        let here = web_sys::window().and_then(|w| w.location().origin().ok());
        if here.as_deref() != Some(anchor.origin().as_str()) {
            return;
        }
        let path = format!("{}{}{}", anchor.pathname(), anchor.search(), anchor.hash());
        if let Some(taken) = take(&path, &anchor) {
            ev.prevent_default();
            go(taken, &anchor);
        }
    };
    listen(window, "click", move |ev| {
        on_click(&ev);
        after();
    })
}

#[cfg(test)]
mod tests {
    use super::base_dir;

    #[test]
    fn base_directories() {
        assert_eq!(base_dir("/"), "");
        assert_eq!(base_dir("/repo/"), "/repo");
        assert_eq!(base_dir("/repo"), "/repo");
        assert_eq!(base_dir("/repo/index.html"), "/repo");
        assert_eq!(base_dir("/a/b/"), "/a/b");
    }
}
