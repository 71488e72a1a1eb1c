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

impl<El: ElementDescriptor> Deref for HtmlElement<El> {
    type Target = El::Output;

    /// The typed DOM element (`web_sys::HtmlInputElement` for an
    /// `html::input()`), so its methods can be called on the builder.
    ///
    /// ```no_run
    /// use larkspur::*;
    /// let input = html::input().attr("value", "hi");
    /// assert_eq!(input.value(), "hi");
    /// ```
    fn deref(&self) -> &El::Output {
        // Every element this builder holds was created with its tag (or
        // cast on purpose by `from_element`), and `web_sys` types are all
        // `#[repr(transparent)]` over `JsValue`: the cast is a pointer cast.
        self.el.unchecked_ref()
    }
}
