//! `{..attrs}` in `view!`: applying a list of attributes (and event
//! handlers) to an element at once, as [`HtmlElement::attrs`].

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::JsCast;

use super::attribute::{apply_attribute, IntoAttribute};
use super::{add_listener, HtmlElement};
use crate::dom::{events, Element, Event};
use crate::ev::EventDescriptor;

/// Something that can be spread onto an element with `{..value}` in
/// `view!` (or [`HtmlElement::attrs`]).
///
/// Implemented for `(name, value)` attribute pairs (Leptos 0.6 spreads a
/// `Vec<(&'static str, Attribute)>`), for `(event, handler)` pairs such as
/// `(ev::click, move |_| ...)`, and for vectors, arrays and options of them.
///
/// # Example
///
/// ```no_run
/// use larkspur::*;
///
/// let attrs: Vec<(&'static str, Attribute)> = vec![
///     ("id", "save".into_attribute()),
///     ("disabled", false.into_attribute()),
/// ];
/// let _ = view! { <button {..attrs} {..(ev::click, |_| logging::log!("saved"))}>"Save"</button> };
/// ```
pub trait Spread {
    /// Applies the attributes or handlers to `el`.
    fn spread(self, el: &Element);
}

impl<A: IntoAttribute> Spread for (&'static str, A) {
    fn spread(self, el: &Element) {
        apply_attribute::<true>(el, self.0, self.1.into_attribute());
    }
}

impl<E, F> Spread for (E, F)
where
    E: EventDescriptor,
    F: FnMut(E::EventType) + 'static,
{
    fn spread(self, el: &Element) {
        let (event, mut handler) = self;
        let h: events::Handler =
            Rc::new(RefCell::new(move |ev: Event| handler(ev.unchecked_into())));
        add_listener(el, &event.name(), event.delegated(), h);
    }
}

impl<T: Spread> Spread for Vec<T> {
    fn spread(self, el: &Element) {
        for item in self {
            item.spread(el);
        }
    }
}

impl<T: Spread, const N: usize> Spread for [T; N] {
    fn spread(self, el: &Element) {
        for item in self {
            item.spread(el);
        }
    }
}

impl<T: Spread> Spread for Option<T> {
    fn spread(self, el: &Element) {
        if let Some(item) = self {
            item.spread(el);
        }
    }
}

impl<El> HtmlElement<El> {
    /// Applies spread attributes or handlers (what `{..attrs}` compiles to).
    ///
    /// ```no_run
    /// use larkspur::*;
    ///
    /// let extra: Vec<(&'static str, Attribute)> = vec![("title", "hint".into_attribute())];
    /// let el = html::span().attrs(extra);
    /// ```
    pub fn attrs(self, attrs: impl Spread) -> Self {
        attrs.spread(&self.el);
        self
    }
}
