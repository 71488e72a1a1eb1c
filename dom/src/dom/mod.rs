//! The web-sys facade: the only module of the renderer that calls the DOM.
//!
//! Everything else in the crate builds and updates nodes through the small,
//! non-generic functions here. Keeping every DOM call behind one door has
//! three benefits: the code that crosses into JavaScript is emitted once (not
//! once per element type), names that cross repeatedly (tags, attribute and
//! event names) are interned in one place, and a reviewer can audit every
//! place a string reaches the document — text is only ever set as text,
//! attributes through `setAttribute`, and markup only through the
//! crate-private `set_inner_html` (behind the documented `.inner_html(..)`).

pub mod events;
pub mod head;
pub mod helpers;
mod names;

pub use names::interned_count;
pub(crate) use names::with_name;
pub mod fetch;
pub mod history;
pub mod panic;
pub use panic::install_panic_hook;
pub mod storage;

use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};

/// DOM node types used across the renderer, re-exported so that other modules
/// name them without depending on `web_sys` themselves.
pub use web_sys::{Element, Event, HtmlElement as WebHtmlElement, Node, Text};

/// The SVG namespace URI used by `createElementNS`.
pub const SVG_NAMESPACE: &str = "http://www.w3.org/2000/svg";
/// The MathML namespace URI used by `createElementNS`.
pub const MATHML_NAMESPACE: &str = "http://www.w3.org/1998/Math/MathML";

#[wasm_bindgen]
extern "C" {
    // Variants of web-sys methods that take an interned name (`&JsValue`)
    // instead of copying a `&str` on every call, declared on an untyped
    // receiver (`Raw`) that the facade casts to.
    type Raw;
    // No `catch`: the tags are `'static` names from the framework and the
    // `view!` macro; an invalid one is a programming error, reported by the
    // browser's exception (which names the tag) instead of a panic.
    #[wasm_bindgen(method, js_name = createElement)]
    fn create_element_named(this: &Raw, tag: &JsValue) -> Element;
    #[wasm_bindgen(method, js_name = createElementNS)]
    fn create_element_ns_named(this: &Raw, ns: &JsValue, tag: &JsValue) -> Element;
    #[wasm_bindgen(method, catch, js_name = setAttribute)]
    fn set_attribute_named(this: &Raw, name: &JsValue, value: &str) -> Result<(), JsValue>;
    // `catch`: the DOM's own `removeAttribute` throws nothing, but an
    // element class or a polyfill that overrides it may.
    #[wasm_bindgen(method, catch, js_name = removeAttribute)]
    fn remove_attribute_named(this: &Raw, name: &JsValue) -> Result<(), JsValue>;
    #[wasm_bindgen(method, catch, js_name = add)]
    fn add_token_named(this: &Raw, token: &JsValue) -> Result<(), JsValue>;
    #[wasm_bindgen(method, catch, js_name = remove)]
    fn remove_token_named(this: &Raw, token: &JsValue) -> Result<(), JsValue>;
    #[wasm_bindgen(method, js_name = setProperty)]
    fn set_style_named(this: &Raw, name: &JsValue, value: &str);
    #[wasm_bindgen(method, js_name = removeProperty)]
    fn remove_style_named(this: &Raw, name: &JsValue);
    // No `catch`: the receivers are DOM nodes and the document, and
    // `addEventListener` with a function throws on no `EventTarget`.
    #[wasm_bindgen(method, js_name = addEventListener)]
    fn add_listener_named(this: &Raw, name: &JsValue, f: &js_sys::Function);
    #[wasm_bindgen(method, js_name = removeEventListener)]
    fn remove_listener_named(this: &Raw, name: &JsValue, f: &js_sys::Function);
    #[wasm_bindgen(method, getter, js_name = style)]
    fn inline_style(this: &Raw) -> web_sys::CssStyleDeclaration;
    #[wasm_bindgen(method, getter, js_name = isConnected)]
    fn is_connected_raw(this: &Raw) -> bool;
    #[wasm_bindgen(method, getter, js_name = disabled)]
    fn disabled_raw(this: &Raw) -> Option<bool>;
    // `text.data = n`: the number crosses as an `f64` and JS formats it, no
    // string decoding.
    #[wasm_bindgen(method, setter, js_name = data)]
    fn set_data_number(this: &Raw, data: f64);
    // `cloneNode(true)` without `catch`: cloning a template's own nodes
    // cannot throw (only a shadow root refuses to be cloned), and the
    // try/catch wrapper of a `catch` import is a measurable share of a
    // row's creation time.
    #[wasm_bindgen(method, js_name = cloneNode)]
    fn clone_node_deep(this: &Raw, deep: bool) -> Node;
    // `document.importNode(fragment, true)` without `catch` either: only a
    // document or a shadow root refuses to be imported.
    #[wasm_bindgen(method, js_name = importNode)]
    fn import_node_deep(this: &Raw, node: &Node, deep: bool) -> Node;

    // The globals themselves: reaching them through `web_sys::window()`
    // costs every app four global-object lookups and an `instanceof Window`
    // shim in its JS glue.
    #[wasm_bindgen(thread_local_v2, js_name = document)]
    static DOCUMENT: web_sys::Document;
    // `globalThis` read once; `js_sys::global()` probes four names
    // (`globalThis`, `self`, `window`, `global`) with an import each.
    #[wasm_bindgen(thread_local_v2, js_name = globalThis)]
    static GLOBAL_THIS: JsValue;
    #[wasm_bindgen(js_name = queueMicrotask)]
    fn global_queue_microtask(f: &js_sys::Function);
    #[wasm_bindgen(catch, js_name = requestAnimationFrame)]
    fn global_request_animation_frame(f: &js_sys::Function) -> Result<i32, JsValue>;
    #[wasm_bindgen(js_name = cancelAnimationFrame)]
    fn global_cancel_animation_frame(id: i32);
    // `String(value)`: the one conversion a property setter would make.
    #[wasm_bindgen(catch, js_name = String)]
    fn js_string(value: &JsValue) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(method, catch, js_name = setAttributeNS)]
    fn set_attribute_ns_named(
        this: &Raw,
        ns: &JsValue,
        name: &JsValue,
        value: &str,
    ) -> Result<(), JsValue>;
    // `el.innerHTML = html` with a string or a `TrustedHTML`. `catch`: it
    // throws where Trusted Types are enforced and the value is a plain
    // string (no policy could be made), and on markup an XML document
    // cannot parse.
    #[wasm_bindgen(method, catch, setter, js_name = innerHTML)]
    fn set_inner_html_value(this: &Raw, html: &JsValue) -> Result<(), JsValue>;
    #[wasm_bindgen(method, catch, js_name = removeAttributeNS)]
    fn remove_attribute_ns_named(this: &Raw, ns: &JsValue, local: &str) -> Result<(), JsValue>;
}

/// Whether `node` is in a document (`isConnected`; `false` for anything
/// that is not a node).
pub(crate) fn is_connected(node: &JsValue) -> bool {
    raw(node).is_connected_raw()
}

/// Whether `node` has a `disabled` property that is `true` (a disabled
/// form control, or a custom element that says so).
pub(crate) fn is_disabled(node: &JsValue) -> bool {
    raw(node).disabled_raw() == Some(true)
}

/// The page's `globalThis` (the window).
pub(crate) fn global_this() -> JsValue {
    GLOBAL_THIS.with(JsValue::clone)
}

/// The XLink namespace, for `xlink:href` and friends on SVG elements.
pub const XLINK_NAMESPACE: &str = "http://www.w3.org/1999/xlink";

fn raw(value: &impl AsRef<JsValue>) -> &Raw {
    value.as_ref().unchecked_ref()
}

/// The global `document`.
pub fn document() -> web_sys::Document {
    DOCUMENT.with(|d| d.clone())
}

/// The document's `<body>`.
pub fn body() -> WebHtmlElement {
    document().body().expect("the document has no <body>")
}

/// `addEventListener` with an interned event name.
pub(crate) fn listen(target: &JsValue, name: &JsValue, f: &js_sys::Function) {
    raw(target).add_listener_named(name, f)
}

/// `removeEventListener` with an interned event name.
pub(crate) fn unlisten(target: &JsValue, name: &JsValue, f: &js_sys::Function) {
    raw(target).remove_listener_named(name, f)
}

/// Creates an element in the HTML namespace; `tag` is interned. An invalid
/// name throws the browser's exception (use [`create_element_dynamic`] for
/// names known only at run time).
pub fn create_element(tag: &'static str) -> Element {
    DOCUMENT.with(|d| with_name(tag, |t| raw(d).create_element_named(t)))
}

/// Creates an element whose tag is only known at run time (not interned).
/// A `script` tag gives an inert script, as [`create_inert_script`]. A name
/// the browser refuses (empty, with a space or a `<`: often data) gives a
/// `<span data-invalid-tag="…">` in its place, so its children still show,
/// and a console error naming the tag.
pub fn create_element_dynamic(tag: &str) -> Element {
    if tag.eq_ignore_ascii_case("script") {
        return create_inert_script();
    }
    let created = DOCUMENT.with(|d| d.create_element(tag));
    created.unwrap_or_else(|_| {
        console_error(&format!(
            "larkspur: \"{tag}\" is not a valid element name; a <span> stands in for it"
        ));
        let span = create_element("span");
        let _ = span.set_attribute("data-invalid-tag", tag);
        span
    })
}

/// Creates an element in the given namespace (SVG, MathML); `tag` is
/// interned. An invalid name throws the browser's exception.
pub fn create_element_ns(namespace: &'static str, tag: &'static str) -> Element {
    let ns = with_name(namespace, JsValue::clone);
    DOCUMENT.with(|d| with_name(tag, |t| raw(d).create_element_ns_named(&ns, t)))
}

/// Creates a text node. The string is never parsed as markup.
pub fn create_text(data: &str) -> Text {
    DOCUMENT.with(|d| d.create_text_node(data))
}

/// Creates the marker that closes a dynamic range: an empty text node. It is
/// invisible, adds nothing to `innerHTML`, and is the cheapest node to make.
/// (Debug and release builds use the same marker so tests see one DOM.)
pub fn create_marker() -> Node {
    DOCUMENT.with(|d| d.create_text_node("").unchecked_into())
}

/// Creates an empty `DocumentFragment`, used to insert many nodes at once.
pub fn create_fragment() -> Node {
    DOCUMENT.with(|d| d.create_document_fragment().unchecked_into())
}

/// Replaces the text of a text node.
pub fn set_text(node: &Text, data: &str) {
    node.set_data(data);
}

/// Sets the text of a text node to an integer, formatted by JavaScript.
/// Exact for magnitudes below 2^53; callers pass larger ones as strings.
pub fn set_text_number(node: &Text, n: f64) {
    raw(node).set_data_number(n);
}

/// Sets `textContent` of any node (used with `""` to clear a list's parent).
pub fn set_text_content(node: &Node, data: &str) {
    node.set_text_content(Some(data));
}

/// Sets an attribute; the name is interned, the value is passed as data.
/// `xlink:` names go into the XLink namespace (`setAttributeNS`), without
/// which `<use xlink:href="#icon">` would render nothing.
pub fn set_attribute(el: &Element, name: &'static str, value: &str) {
    if name.starts_with("xlink:") {
        let ns = with_name(XLINK_NAMESPACE, JsValue::clone);
        let _ = with_name(name, |n| raw(el).set_attribute_ns_named(&ns, n, value));
        return;
    }
    let _ = with_name(name, |n| raw(el).set_attribute_named(n, value));
}

/// Removes an attribute (`xlink:` names from the XLink namespace).
pub fn remove_attribute(el: &Element, name: &'static str) {
    if let Some(local) = name.strip_prefix("xlink:") {
        let ns = with_name(XLINK_NAMESPACE, JsValue::clone);
        let _ = raw(el).remove_attribute_ns_named(&ns, local);
        return;
    }
    let _ = with_name(name, |n| raw(el).remove_attribute_named(n));
}

/// Sets `innerHTML`: the only function in the crate that parses markup
/// from a run-time string. Crate-private: the public door is
/// `.inner_html(..)`, documented as the one place markup goes in. The
/// string goes through the Trusted Types policy (see [`trusted_html`]).
pub(crate) fn set_inner_html(el: &Element, html: &str) {
    let _ = raw(el).set_inner_html_value(&trusted_html(html));
}

#[wasm_bindgen]
extern "C" {
    /// A Trusted Types policy (only `createHTML` is used).
    type HtmlPolicy;
    // `trustedTypes.createPolicy(name, rules)`. `catch`: it throws where the
    // browser has no Trusted Types (a `ReferenceError`), and where a
    // `trusted-types` CSP directive does not list the name.
    #[wasm_bindgen(catch, js_namespace = trustedTypes, js_name = createPolicy)]
    fn create_policy(name: &str, rules: &js_sys::Object) -> Result<HtmlPolicy, JsValue>;
    // The policy's `createHTML` is the built-in `String`: it cannot throw.
    #[wasm_bindgen(method, js_name = createHTML)]
    fn create_html(this: &HtmlPolicy, html: &str) -> JsValue;
    // The built-in `String` function, the policy's `createHTML`.
    #[wasm_bindgen(thread_local_v2, js_name = String)]
    static STRING_FUNCTION: JsValue;
    /// `Reflect.set` for plain objects made here (a property descriptor,
    /// the policy's rules), which have no setter that could throw: no
    /// `catch` wrapper (its glue and error path cost bytes in every app).
    #[wasm_bindgen(js_namespace = Reflect, js_name = set)]
    pub(crate) fn set_on_plain_object(target: &JsValue, key: &JsValue, value: &JsValue) -> bool;
    /// `Reflect.deleteProperty` without `catch`, for objects (it throws
    /// only on a primitive receiver).
    #[wasm_bindgen(js_namespace = Reflect, js_name = deleteProperty)]
    pub(crate) fn delete_from_object(target: &JsValue, key: &JsValue) -> bool;
}

larkspur_reactive::__local! {
    /// The Trusted Types policy `larkspur` once made: `None` where the
    /// browser has no Trusted Types (or refused to create the policy).
    /// `const` + `OnceCell`: no lazy-initialiser machinery in the binary.
    static HTML_POLICY: std::cell::OnceCell<Option<HtmlPolicy>> = const { std::cell::OnceCell::new() };
}

/// Creates the `larkspur` Trusted Types policy. Its `createHTML` is the
/// built-in `String` function: markup reaches it only from `view!`'s
/// compile-time templates and an explicit `inner_html`, and a Rust closure
/// or `new Function` would cost bytes or need `unsafe-eval`.
fn create_html_policy() -> Option<HtmlPolicy> {
    let rules = js_sys::Object::new();
    STRING_FUNCTION
        .with(|string| set_on_plain_object(&rules, &JsValue::from_str("createHTML"), string));
    // Without Trusted Types, or when a `trusted-types` CSP directive does
    // not list `larkspur`, innerHTML gets plain strings (and the browser
    // reports the latter).
    create_policy("larkspur", &rules).ok()
}

/// `html` as a `TrustedHTML` from the `larkspur` policy where the browser
/// has Trusted Types, so pages served with `require-trusted-types-for
/// 'script'` accept it; the plain string elsewhere.
fn trusted_html(html: &str) -> JsValue {
    HTML_POLICY.with(|cell| {
        // `createPolicy` runs inside `get_or_init`; it cannot call back into
        // us synchronously (CSP violation events are queued as tasks).
        match cell.get_or_init(create_html_policy) {
            Some(policy) => policy.create_html(html),
            None => JsValue::from_str(html),
        }
    })
}

/// `String(value)`, or `None` if the conversion throws. Used to check a
/// non-string value given to a URL property as the string the property
/// setter would see, and to assign that string instead of the value (so a
/// `toString` cannot answer differently the second time).
pub(crate) fn to_js_string(value: &JsValue) -> Option<String> {
    js_string(value).ok().and_then(|s| s.as_string())
}

/// A `<script>` element that will never run: parsed by the fragment
/// parser, which marks it "already started", and cloned, which keeps the
/// mark. Text, `src` or `type` set on it later change nothing.
pub fn create_inert_script() -> Element {
    thread_local! {
        static INERT: Node = template_content("<script></script>")
            .first_child()
            .expect("the template holds a script");
    }
    INERT.with(|s| clone_deep(s).unchecked_into())
}

/// Sets a DOM property through `Reflect.set`; the name is interned.
pub fn set_property(target: &JsValue, name: &'static str, value: &JsValue) {
    let _ = with_name(name, |n| js_sys::Reflect::set(target, n, value));
}

/// Reads a DOM property through `Reflect.get` (`undefined` when absent).
pub fn get_property(target: &JsValue, name: &'static str) -> JsValue {
    with_name(name, |n| js_sys::Reflect::get(target, n)).unwrap_or(JsValue::UNDEFINED)
}

/// Deletes an own property (used to detach delegated handlers).
pub fn delete_property(target: &JsValue, name: &str) {
    let _ = js_sys::Reflect::delete_property(
        target.unchecked_ref::<js_sys::Object>(),
        &JsValue::from_str(name),
    );
}

/// Adds or removes one class name (interned when it is a literal).
pub fn set_class(el: &Element, name: &'static str, on: bool) {
    let list = el.class_list();
    let _ = with_name(name, |n| {
        if on {
            raw(&list).add_token_named(n)
        } else {
            raw(&list).remove_token_named(n)
        }
    });
}

/// Sets one inline style property, or removes it when `value` is `None`.
pub fn set_style(el: &Element, name: &'static str, value: Option<&str>) {
    // Every element we create (HTML, SVG, MathML) has an inline `style`.
    let style = raw(el).inline_style();
    with_name(name, |n| match value {
        Some(v) => raw(&style).set_style_named(n, v),
        None => raw(&style).remove_style_named(n),
    });
}

/// Inserts `node` into `parent` before `anchor` (at the end when `None`).
pub fn insert_before(parent: &Node, node: &Node, anchor: Option<&Node>) {
    let _ = parent.insert_before(node, anchor);
}

/// Appends `node` as the last child of `parent`.
pub fn append_child(parent: &Node, node: &Node) {
    let _ = parent.append_child(node);
}

/// Replaces `old` (a child of `parent`) with `node`.
pub fn replace_child(parent: &Node, node: &Node, old: &Node) {
    let _ = parent.replace_child(node, old);
}

/// Detaches a node from its parent, if it has one.
pub fn remove_node(node: &Node) {
    if let Some(parent) = node.parent_node() {
        let _ = parent.remove_child(node);
    }
}

/// The parent of a node.
pub fn parent_node(node: &Node) -> Option<Node> {
    node.parent_node()
}

/// The first child of a node.
pub fn first_child(node: &Node) -> Option<Node> {
    node.first_child()
}

/// The last child of a node.
pub fn last_child(node: &Node) -> Option<Node> {
    node.last_child()
}

/// The next sibling of a node.
pub fn next_sibling(node: &Node) -> Option<Node> {
    node.next_sibling()
}

/// Deep clone (`cloneNode(true)`) of an element, text or fragment: what
/// templates clone. A shadow root cannot be cloned; the browser's
/// exception then propagates to the caller's JavaScript like an uncaught
/// error (clone the host element instead).
pub fn clone_deep(node: &Node) -> Node {
    raw(node).clone_node_deep(true)
}

/// Parses a static markup string into a `<template>` element and returns its
/// content fragment, imported into the page's document. Only the macro's
/// compile-time literals reach this (crate-private, so no user string can).
///
/// A `<template>`'s content belongs to an inert document of its own, and so
/// would every clone of it until inserted: an element whose
/// `ownerDocument.defaultView` is null before it is on the page (Leptos
/// 0.6's `createElement` gives the page's document, and floating-ui-leptos
/// reads the window from it in an `on_load`). The content is imported once
/// per template, so every clone belongs to the page's document.
pub(crate) fn template_content(html: &str) -> Node {
    let template: web_sys::HtmlTemplateElement = create_element("template").unchecked_into();
    let _ = js_sys::Reflect::set(
        &template,
        &JsValue::from_str("innerHTML"),
        &trusted_html(html),
    );
    let content: Node = template.content().unchecked_into();
    DOCUMENT.with(|d| raw(d).import_node_deep(&content, true))
}

/// Writes a message to `console.log`.
pub fn console_log(message: &str) {
    web_sys::console::log_1(&JsValue::from_str(message));
}

/// Writes a message to `console.warn`.
pub fn console_warn(message: &str) {
    web_sys::console::warn_1(&JsValue::from_str(message));
}

/// Writes a message to `console.error`.
pub fn console_error(message: &str) {
    web_sys::console::error_1(&JsValue::from_str(message));
}

/// Queues `f` as a microtask (`queueMicrotask`).
pub fn queue_microtask(f: &js_sys::Function) {
    global_queue_microtask(f);
}

/// Asks for `f` to run before the next repaint (`requestAnimationFrame`);
/// returns the request's id.
pub fn request_animation_frame(f: &js_sys::Function) -> Result<i32, JsValue> {
    global_request_animation_frame(f)
}

/// Cancels an animation-frame request (`cancelAnimationFrame`).
pub fn cancel_animation_frame(id: i32) {
    global_cancel_animation_frame(id);
}
