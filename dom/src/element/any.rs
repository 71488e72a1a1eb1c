//! [`AnyElement`] (an element of any tag) and the `Deref` from a builder to its `web_sys` element.
//!
//! In Leptos 0.6 an element builder dereferences to the DOM element it
//! wraps, so `.focus()`, `.set_inner_text()` or `.value()` can be called
//! on it directly. Inherent builder methods (`attr`, `class`, `style`,
//! `on`, `child`, …) keep priority over the element's own methods of the
//! same name.

use std::ops::Deref;

use wasm_bindgen::JsCast;

use super::{ElementDescriptor, HtmlElement};

/// Marker type of an element whose tag is not known statically, for
/// `HtmlElement<AnyElement>` (what [`HtmlElement::into_any`] returns) and
/// `NodeRef<AnyElement>`. Its `web_sys` type is `web_sys::HtmlElement`.
///
/// ```no_run
/// use larkspur::*;
///
/// let heading = |level: u8| -> HtmlElement<html::AnyElement> {
///     match level {
///         1 => html::h1().into_any(),
///         _ => html::h2().into_any(),
///     }
/// };
/// heading(1).focus().unwrap();
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct AnyElement {}

impl ElementDescriptor for AnyElement {
    type Output = web_sys::HtmlElement;
}

super::marker_deref!(AnyElement, web_sys::HtmlElement, None, "div");

impl<El: ElementDescriptor> HtmlElement<El> {
    /// Forgets the tag type, so that builders of different tags can be
    /// returned from one function or stored in one `Vec`.
    ///
    /// ```no_run
    /// use larkspur::*;
    /// let items: Vec<HtmlElement<html::AnyElement>> =
    ///     vec![html::p().into_any(), html::pre().into_any()];
    /// ```
    pub fn into_any(self) -> HtmlElement<AnyElement> {
        HtmlElement::from_element(self.el)
    }
}

/// Wraps a DOM element made elsewhere (by `web_sys`, another library, a
/// query) in a builder, to add attributes, children or handlers the
/// Larkspur way (Leptos 0.6's `html::ToHtmlElement`).
///
/// ```no_run
/// use larkspur::*;
/// use larkspur::html::ToHtmlElement;
///
/// let found = document().get_element_by_id("legacy").unwrap();
/// let el = found.to_leptos_element().attr("data-ready", "yes");
/// ```
pub trait ToHtmlElement {
    /// The element as an `HtmlElement<AnyElement>` builder.
    fn to_leptos_element(self) -> HtmlElement<AnyElement>;
}

impl<T: AsRef<web_sys::Element>> ToHtmlElement for T {
    fn to_leptos_element(self) -> HtmlElement<AnyElement> {
        HtmlElement::from_element(self.as_ref().clone())
    }
}

impl<El: ElementDescriptor> Deref for HtmlElement<El> {
    type Target = <El as Deref>::Target;

    /// The typed DOM element (`web_sys::HtmlInputElement` for an
    /// `html::input()`), so its methods can be called on the builder.
    ///
    /// ```no_run
    /// use larkspur::*;
    /// let input = html::input().attr("value", "hi");
    /// assert_eq!(input.value(), "hi");
    /// ```
    fn deref(&self) -> &Self::Target {
        // Every element this builder holds was created with its tag (or
        // cast on purpose by `from_element`), and `web_sys` types are all
        // `#[repr(transparent)]` over `JsValue`: the cast is a pointer cast.
        self.el.unchecked_ref()
    }
}
