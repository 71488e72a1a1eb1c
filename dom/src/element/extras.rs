//! More builder methods of Leptos 0.6's `HtmlElement`: `optional_event`,
//! `classes`, `dyn_classes`, `on_mount`, `is_mounted` and
//! `with_view_marker`.

use std::borrow::Cow;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

use larkspur_reactive::{create_view_effect, on_cleanup, Oco, Owner};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use super::{ElementDescriptor, HtmlElement};
use crate::ev::EventDescriptor;

/// Adds the whitespace-separated class names of `item` to `out` (a
/// `classList` call with a space in the name would throw).
fn split_classes(item: Cow<'static, str>, out: &mut Vec<Cow<'static, str>>) {
    match item {
        Cow::Borrowed(s) => out.extend(s.split_whitespace().map(Cow::Borrowed)),
        Cow::Owned(s) => out.extend(s.split_whitespace().map(|c| Cow::Owned(c.to_owned()))),
    }
}

impl<El: ElementDescriptor + 'static> HtmlElement<El> {
    /// [`on`](HtmlElement::on) when `handler` is `Some`; nothing otherwise
    /// (for a component's optional handler prop).
    ///
    /// ```no_run
    /// use larkspur::*;
    ///
    /// let on_input: Option<fn(ev::Event)> = None;
    /// let field = html::input().optional_event(ev::input, on_input);
    /// ```
    pub fn optional_event<E: EventDescriptor>(
        self,
        event: E,
        handler: Option<impl FnMut(E::EventType) + 'static>,
    ) -> Self {
        match handler {
            Some(handler) => self.on(event, handler),
            None => self,
        }
    }

    /// Leptos 0.6's marker for the server renderer's hydration comments.
    /// Larkspur renders on the client only, so there is nothing to mark:
    /// the element is returned as it is.
    ///
    /// ```no_run
    /// use larkspur::*;
    ///
    /// let card = html::div().with_view_marker("card");
    /// ```
    pub fn with_view_marker(self, marker: impl Into<String>) -> Self {
        let _ = marker;
        self
    }

    /// Adds every whitespace-separated class of `classes`.
    ///
    /// ```no_run
    /// use larkspur::*;
    ///
    /// let card = html::div().classes("card shadow");
    /// ```
    pub fn classes(self, classes: impl Into<Oco<'static, str>>) -> Self {
        let list = self.dom_element().class_list();
        for class in classes.into().as_str().split_whitespace() {
            let _ = list.add_1(class);
        }
        self
    }

    /// Sets the `id` attribute (Leptos 0.6's builder `id`; the element's
    /// own `id()` getter is `.element().id()`).
    ///
    /// ```no_run
    /// use larkspur::*;
    ///
    /// let main = html::div().id("main");
    /// ```
    pub fn id(self, id: impl Into<Oco<'static, str>>) -> Self {
        self.attr("id", id.into())
    }

    /// Keeps the classes `classes` returns on the element, reactively:
    /// those it stops returning are removed, new ones added (classes set
    /// any other way are left alone). An item may name several classes
    /// separated by whitespace (`"btn primary"`), as in Leptos 0.6.
    ///
    /// ```no_run
    /// use larkspur::*;
    ///
    /// let (active, _) = create_signal(true);
    /// let tab = html::div().dyn_classes(move || {
    ///     if active.get() { vec!["tab", "active"] } else { vec!["tab"] }
    /// });
    /// ```
    pub fn dyn_classes<I, C>(self, classes: impl Fn() -> I + 'static) -> Self
    where
        I: IntoIterator<Item = C>,
        C: Into<larkspur_reactive::Oco<'static, str>>,
    {
        let el = self.dom_element().clone();
        let previous: RefCell<Vec<Cow<'static, str>>> = RefCell::default();
        create_view_effect(move |_| {
            let mut now: Vec<Cow<'static, str>> = Vec::new();
            for item in classes() {
                split_classes(
                    match item.into() {
                        larkspur_reactive::Oco::Borrowed(s) => Cow::Borrowed(s),
                        other => Cow::Owned(other.into_owned()),
                    },
                    &mut now,
                );
            }
            let old = previous.replace(now.clone());
            let list = el.class_list();
            for gone in old.iter().filter(|c| !now.contains(c)) {
                let _ = list.remove_1(gone);
            }
            for class in now.iter().filter(|c| !old.contains(c)) {
                let _ = list.add_1(class);
            }
        });
        self
    }

    /// Whether the element is in the document.
    pub fn is_mounted(&self) -> bool {
        self.dom_element().is_connected()
    }

    /// Calls `f` with the element once it is in the document: after the
    /// current work, then checking on each animation frame (for about ten
    /// seconds, then ten times a second) until it is inserted. Nothing
    /// happens if the current owner is disposed first.
    /// `f` runs under that owner.
    ///
    /// ```no_run
    /// use larkspur::*;
    ///
    /// let field = html::input().on_mount(|input| {
    ///     let _ = input.focus();
    /// });
    /// ```
    pub fn on_mount(self, f: impl FnOnce(Self) + 'static) -> Self {
        let me = self.clone();
        when_mounted(self.dom_element().clone(), Box::new(move || f(me)));
        self
    }
}

/// `on_mount` for an element that is already a `web-sys` value (from
/// [`NodeRef::get_element`](crate::NodeRef::get_element) or a query), as
/// [`HtmlElement::on_mount`] has it.
///
/// ```no_run
/// use larkspur::*;
///
/// let map_div = create_node_ref::<html::Div>();
/// map_div.on_load(|div| {
///     // `on_load` runs when the element is made; a map library that looks
///     // it up in the document waits until it is in the page.
///     let _ = div.on_mount(|div| logging::log!("{} is in the page", div.get_attribute("id").unwrap_or_default()));
/// });
/// let element: web_sys::HtmlDivElement = map_div.get_element().unwrap();
/// let _ = element.on_mount(|div| logging::log!("{} is in the page", div.id()));
/// ```
pub trait OnMount: Sized {
    /// Calls `f` with the element once it is in the document (see
    /// [`HtmlElement::on_mount`]).
    fn on_mount(self, f: impl FnOnce(Self) + 'static) -> Self;
}

impl<T: AsRef<web_sys::Element> + Clone + 'static> OnMount for T {
    fn on_mount(self, f: impl FnOnce(Self) + 'static) -> Self {
        let me = self.clone();
        when_mounted(self.as_ref().clone(), Box::new(move || f(me)));
        self
    }
}

/// Runs `f` once `el` is in the document (after the current work, then
/// checking on each animation frame, for about ten seconds, then ten times
/// a second), under the current owner, unless that owner is disposed
/// first. One copy for every element type.
fn when_mounted(el: web_sys::Element, f: Box<dyn FnOnce()>) {
    let alive = Rc::new(Cell::new(true));
    if Owner::current_strict().is_some() {
        let a = alive.clone();
        on_cleanup(move || a.set(false));
    }
    let pending = Pending {
        el,
        f,
        owner: Owner::current_strict(),
        alive,
        polls: 0,
    };
    crate::dom::helpers::queue_microtask(move || pending.poll());
}

/// An `on_mount` callback waiting for its element to be inserted.
struct Pending {
    el: web_sys::Element,
    f: Box<dyn FnOnce()>,
    owner: Option<Owner>,
    alive: Rc<Cell<bool>>,
    /// Checks made so far.
    polls: u32,
}

/// Frames `on_mount` checks its element on (about ten seconds) before it
/// slows down to every [`SLOW_POLL_MS`]: an element never inserted (inside
/// a `Suspense` that never resolves, a discarded builder) would otherwise
/// wake the page on every frame for as long as its owner lives.
const FAST_POLLS: u32 = 600;
const SLOW_POLL_MS: u32 = 100;

impl Pending {
    fn poll(mut self) {
        if !self.alive.get() {
            return;
        }
        if !self.el.is_connected() {
            self.polls = self.polls.saturating_add(1);
            if self.polls > FAST_POLLS {
                gloo_timers::callback::Timeout::new(SLOW_POLL_MS, move || self.poll()).forget();
            } else {
                let next = Closure::once_into_js(move || self.poll());
                let _ = crate::dom::request_animation_frame(next.unchecked_ref());
            }
            return;
        }
        let Pending { f, owner, .. } = self;
        match owner {
            Some(owner) => owner.with(f),
            None => f(),
        }
    }
}
