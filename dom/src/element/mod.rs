//! Typed element builders: [`HtmlElement<El>`] and its attribute, class,
//! style, property, event, child and node-ref methods.
//!
//! `HtmlElement<El>` is a thin generic shell over an untyped DOM element: the
//! marker `El` only chooses the `web_sys` type that [`NodeRef`] and
//! [`HtmlElement::element`] hand back. Every method forwards to a
//! non-generic function (in [`attribute`] and here), so the DOM code is
//! emitted once however many tag types an app uses.

mod any;
pub mod attribute;
mod directive;
mod extras;
pub use extras::OnMount;
pub mod html;
pub mod math;
mod node_ref;
pub(crate) mod spread;
pub mod svg;

use std::marker::PhantomData;
use std::rc::Rc;

use larkspur_reactive::{on_cleanup, Oco};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

use crate::dom::{self, events, Element, Event};
use crate::ev::EventDescriptor;
use crate::view::{IntoView, View};
use attribute::{IntoAttribute, IntoClass, IntoProperty, IntoStyle};

pub use any::{AnyElement, ToHtmlElement};
pub use directive::Directive;
pub use node_ref::{create_node_ref, LoadElement, NodeRef};
pub use spread::{Binding, EventHandlerFn, Spread};

/// Names the `web_sys` type of a tag's marker type (`html::Input` →
/// `web_sys::HtmlInputElement`), both as `Output` and, as in Leptos 0.6, as
/// the marker's `Deref` target: code bounded on `E: ElementDescriptor +
/// Deref<Target = web_sys::HtmlElement>` gets that type from an
/// `HtmlElement<E>`'s `deref()`. The two name the same type for every
/// marker.
///
/// A marker holds no element (markers are zero-sized); dereferencing a
/// marker value itself gives a detached element of its tag, made once per
/// tag, where Leptos 0.6's marker was an element.
pub trait ElementDescriptor: 'static + std::ops::Deref<Target: JsCast + Clone + 'static> {
    /// The `web_sys` interface of elements with this tag.
    type Output: JsCast + Clone + 'static;

    /// The tag name (`"div"`, `"circle"`, a custom element's name), as
    /// Leptos 0.6's `ElementDescriptor::name`. An [`AnyElement`] marker
    /// holds no element and names the `<div>` it dereferences to; the tag
    /// of a real element is its `local_name()`.
    ///
    /// ```
    /// use larkspur::*;
    /// assert_eq!(html::Input::default().name(), "input");
    /// assert_eq!(svg::Circle::default().name(), "circle");
    /// assert_eq!(html::Custom::new("my-widget").name(), "my-widget");
    /// ```
    fn name(&self) -> Oco<'static, str> {
        Oco::Owned(
            self.deref()
                .unchecked_ref::<web_sys::Element>()
                .local_name(),
        )
    }

    /// Whether the element is void: it has no children and no closing tag
    /// (`<input>`, `<br>`, `<img>`, …), as Leptos 0.6's
    /// `ElementDescriptor::is_void`.
    ///
    /// ```
    /// use larkspur::*;
    /// assert!(html::Br::default().is_void());
    /// assert!(!html::Div::default().is_void());
    /// ```
    fn is_void(&self) -> bool {
        false
    }
}

/// HTML's void elements.
pub(crate) fn is_void_tag(tag: &str) -> bool {
    matches!(
        tag,
        "area"
            | "base"
            | "br"
            | "col"
            | "embed"
            | "hr"
            | "img"
            | "input"
            | "link"
            | "meta"
            | "param"
            | "source"
            | "track"
            | "wbr"
    )
}

larkspur_reactive::__local! {
    /// The detached elements marker values dereference to, one per tag.
    static MARKER_ELEMENTS: std::cell::RefCell<Vec<(&'static str, String, &'static Element)>> =
        const { std::cell::RefCell::new(Vec::new()) };
}

/// The detached element a marker value dereferences to: made (and kept)
/// once per namespace and tag.
pub(crate) fn marker_element(namespace: Option<&'static str>, tag: &str) -> &'static Element {
    let ns = namespace.unwrap_or("");
    let found = MARKER_ELEMENTS.with(|m| {
        larkspur_reactive::borrow_state(m)
            .iter()
            .find(|(n, t, _)| *n == ns && t == tag)
            .map(|(_, _, el)| *el)
    });
    if let Some(el) = found {
        return el;
    }
    // Made outside the borrow: creating an element can run page code
    // (custom element constructors).
    let el: &'static Element = Box::leak(Box::new(match namespace {
        Some(ns) => crate::dom::document()
            .create_element_ns(Some(ns), tag)
            .unwrap_or_else(|_| crate::dom::create_element_dynamic("span")),
        None => crate::dom::create_element_dynamic(tag),
    }));
    MARKER_ELEMENTS
        .with(|m| larkspur_reactive::borrow_state_mut(m).push((ns, tag.to_string(), el)));
    el
}

/// `Deref` of a marker type to its `web_sys` type (see
/// [`ElementDescriptor`]).
macro_rules! marker_deref {
    ($ty:ty, $web:ty, $ns:expr, $tag:expr) => {
        impl ::std::ops::Deref for $ty {
            type Target = $web;

            /// A detached element of this tag, made once (a marker holds
            /// no element).
            fn deref(&self) -> &$web {
                wasm_bindgen::JsCast::unchecked_ref($crate::element::marker_element($ns, $tag))
            }
        }
    };
}
pub(crate) use marker_deref;

/// An element under construction (HTML, SVG, MathML or custom).
///
/// Created by the constructors in [`html`], [`svg`] and [`math`]; every
/// builder method takes and returns `self`.
///
/// # Example
///
/// ```no_run
/// use larkspur::*;
///
/// let (done, set_done) = create_signal(false);
/// let item = html::li()
///     .attr("id", "first")
///     .class("done", done)
///     .style("color", move || if done() { "gray" } else { "black" })
///     .on(ev::click, move |_| set_done.update(|d| *d = !*d))
///     .child("Write the renderer");
/// ```
#[must_use = "an element does nothing until it is used as a view"]
pub struct HtmlElement<El> {
    el: Element,
    _tag: PhantomData<El>,
}

impl<El> Clone for HtmlElement<El> {
    fn clone(&self) -> Self {
        HtmlElement {
            el: self.el.clone(),
            _tag: PhantomData,
        }
    }
}

/// `el.into_html_element()` on the element a
/// [`View::Element`](crate::View::Element) holds, as on Leptos 0.6's
/// `leptos_dom::Element` (Larkspur's is the DOM element itself): the same
/// element as an [`HtmlElement<AnyElement>`](html::AnyElement), to add
/// attributes, classes, handlers or a node ref (the "as child" pattern of
/// component libraries). In the prelude.
///
/// ```no_run
/// use larkspur::*;
/// if let View::Element(el) = view! { <p>"hi"</p> }.into_view() {
///     let _p = el.into_html_element().attr("title", "greeting");
/// }
/// ```
pub trait IntoHtmlElement {
    /// This element as an [`HtmlElement<AnyElement>`](html::AnyElement).
    fn into_html_element(self) -> HtmlElement<html::AnyElement>;
}

impl IntoHtmlElement for Element {
    fn into_html_element(self) -> HtmlElement<html::AnyElement> {
        HtmlElement::from_element(self)
    }
}

impl<El: ElementDescriptor> HtmlElement<El> {
    /// Wraps an existing DOM element (e.g. one cloned from a template).
    pub fn from_element(el: Element) -> Self {
        HtmlElement {
            el,
            _tag: PhantomData,
        }
    }

    pub(crate) fn create(tag: &'static str) -> Self {
        Self::from_element(dom::create_element(tag))
    }

    pub(crate) fn create_ns(namespace: &'static str, tag: &'static str) -> Self {
        Self::from_element(dom::create_element_ns(namespace, tag))
    }

    /// The typed DOM element.
    pub fn element(&self) -> El::Output {
        self.el.clone().unchecked_into()
    }

    /// The untyped DOM element.
    pub fn dom_element(&self) -> &Element {
        &self.el
    }

    /// Sets an attribute: strings and numbers set it, `true`/`false` make it
    /// present/absent, `None` removes it, closures and signals update it.
    /// `javascript:`-style URLs in `href`/`src`/`action`/`formaction` are
    /// refused unless wrapped in [`TrustedUrl`](crate::TrustedUrl).
    ///
    /// The name is a literal or a `String` made at run time (as in Leptos
    /// 0.6). Each distinct run-time name is kept for the page's life and
    /// found again by a linear search, which suits the few names a page
    /// builds (an `aria-*` from a prop); for one name per row of data,
    /// keep the name fixed and put the data in the value
    /// (`data-id=row.id`, not `data-row-{id}`). The same holds for
    /// [`class`](Self::class), [`style`](Self::style) and
    /// [`prop`](Self::prop).
    ///
    /// `inner_html` under a name built at run time (a key read from data)
    /// is refused with a warning unless the value is trusted, as in a
    /// spread: only a name written in code sets the element's markup.
    pub fn attr(self, name: impl Into<Oco<'static, str>>, value: impl IntoAttribute) -> Self {
        let value = value.into_attribute();
        // A literal name stays a constant through inlining, so the checks
        // it cannot need are left out of the app.
        match name.into() {
            Oco::Borrowed(name) => spread::apply_named_attribute(&self.el, name, value),
            name => {
                if !spread::markup_from_data(&name, &value) {
                    spread::apply_named_attribute(&self.el, spread::static_name(name), value);
                }
            }
        }
        self
    }

    /// `view!`'s `name="literal"` under a name the renderer checks (a URL,
    /// an `on…` handler, `srcdoc`): the author's own source, set as
    /// written.
    #[doc(hidden)]
    pub fn __attr_literal(self, name: &'static str, value: &'static str) -> Self {
        dom::set_attribute(&self.el, name, value);
        self
    }

    /// Toggles the class `name` (one name or several separated by spaces)
    /// with a `bool`, a closure returning `bool` or a `bool` signal.
    pub fn class(self, name: impl Into<Oco<'static, str>>, value: impl IntoClass) -> Self {
        let name = spread::static_name(name.into());
        attribute::apply_class(&self.el, name, value.into_class());
        self
    }

    /// Sets one inline style property (`"color"`, `"--my-var"`); `None`
    /// removes it; closures and signals update it.
    pub fn style(self, name: impl Into<Oco<'static, str>>, value: impl IntoStyle) -> Self {
        let name = spread::static_name(name.into());
        attribute::apply_style(&self.el, name, value.into_style());
        self
    }

    /// Sets a DOM property (`value`, `checked`, …); closures and signals
    /// update it.
    pub fn prop(self, name: impl Into<Oco<'static, str>>, value: impl IntoProperty) -> Self {
        let name = spread::static_name(name.into());
        attribute::apply_property(&self.el, name, value.into_property());
        self
    }

    /// Sets `innerHTML`: the only way to insert markup. Never pass user input.
    pub fn inner_html(self, html: impl IntoAttribute) -> Self {
        attribute::apply_inner_html(&self.el, html.into_attribute());
        self
    }

    /// Loads this element into `node_ref`.
    pub fn node_ref(self, node_ref: NodeRef<El>) -> Self {
        node_ref.load(&self.el);
        self
    }

    /// Adds an event handler. Common bubbling events are delegated to one
    /// document listener; others are attached directly. The handler is
    /// removed when the current owner is disposed.
    pub fn on<E: EventDescriptor>(
        self,
        event: E,
        handler: impl FnMut(E::EventType) + 'static,
    ) -> Self {
        let delegate = event.delegated();
        add_handler(&self.el, event, delegate, handler);
        self
    }

    /// Adds an event handler with a listener on the element itself, never
    /// delegated (for handlers that must run before `document` and `window`
    /// listeners, or inside shadow roots).
    pub fn on_undelegated<E: EventDescriptor>(
        self,
        event: E,
        handler: impl FnMut(E::EventType) + 'static,
    ) -> Self {
        add_handler(&self.el, event, false, handler);
        self
    }

    /// Adds each whitespace-separated class of `classes` (what
    /// `view! { class = style, ... }` adds to every element of the view).
    #[doc(hidden)]
    pub fn global_class(self, classes: &str) -> Self {
        let list = self.el.class_list();
        for class in classes.split_whitespace() {
            let _ = list.add_1(class);
        }
        self
    }

    /// Appends a child view.
    pub fn child(self, child: impl IntoView) -> Self {
        child.into_view().mount(&self.el, None);
        self
    }

    /// Appends several child views.
    pub fn children(self, children: Vec<View>) -> Self {
        for c in &children {
            c.mount(&self.el, None);
        }
        self
    }
}

pub(crate) fn add_handler<E: EventDescriptor>(
    el: &Element,
    event: E,
    delegate: bool,
    mut handler: impl FnMut(E::EventType) + 'static,
) {
    if let Some(options) = event.options() {
        add_listener_with_options(el, &event.name(), options, move |ev: Event| {
            handler(ev.unchecked_into())
        });
        return;
    }
    let h: events::Handler = Rc::new(events::HandlerCell::new(move |ev: Event| {
        handler(ev.unchecked_into())
    }));
    add_listener(el, &event.name(), delegate, h);
}

/// A listener of its own on `el`, added with `options` and removed (with
/// the same `capture`) when the current owner is cleaned up: what an
/// [`ev::Custom`](crate::ev::Custom) with options needs. Out of line, so
/// apps without such events link none of it.
#[inline(never)]
fn add_listener_with_options(
    el: &Element,
    name: &str,
    options: &web_sys::AddEventListenerOptions,
    handler: impl FnMut(Event) + 'static,
) {
    // `Fn` around a `HandlerCell`, as the handler table's shared
    // functions: a handler that dispatches its own event again is
    // skipped, where wasm-bindgen would throw on re-entering an `FnMut`
    // closure, and one that panicked once still runs for later events.
    let handler = events::HandlerCell::new(handler);
    let closure = Closure::<dyn Fn(Event)>::new(move |ev: Event| handler.run(|f| f(ev)));
    let f: &js_sys::Function = closure.as_ref().unchecked_ref();
    if el
        .add_event_listener_with_callback_and_add_event_listener_options(name, f, options)
        .is_err()
    {
        return;
    }
    let capture =
        js_sys::Reflect::get(options, &JsValue::from_str("capture")).is_ok_and(|v| v.is_truthy());
    let (el, name) = (el.clone(), name.to_owned());
    on_cleanup(move || {
        let f: &js_sys::Function = closure.as_ref().unchecked_ref();
        let _ = el.remove_event_listener_with_callback_and_bool(&name, f, capture);
        drop(closure);
    });
}

/// Registers a handler and ties its removal to the current owner.
pub(crate) fn add_listener(el: &Element, name: &str, delegate: bool, handler: events::Handler) {
    let listener = events::add_listener(el, name, delegate, handler);
    remove_with_owner(&listener);
}

/// Removes `listener` when the current owner is disposed, with no
/// allocation (every row of a list has listeners).
fn remove_with_owner(listener: &events::Listener) {
    let (kind, slot) = listener.pack();
    larkspur_reactive::on_cleanup_raw(events::Listener::remove_packed, kind, slot);
}

/// [`add_listener`] for an element just cloned from a template that has no
/// handler of this kind yet (see `events::add_listener_to_fresh`).
pub(crate) fn add_listener_to_fresh(
    el: &Element,
    name: &str,
    delegate: bool,
    handler: events::Handler,
) {
    let listener = events::add_listener_to_fresh(el, name, delegate, handler);
    remove_with_owner(&listener);
}

impl<El> IntoView for HtmlElement<El> {
    fn into_view(self) -> View {
        View::Element(self.el)
    }
}

impl<El> From<HtmlElement<El>> for View {
    fn from(e: HtmlElement<El>) -> View {
        View::Element(e.el)
    }
}
