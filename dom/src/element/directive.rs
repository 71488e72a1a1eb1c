//! `use:directive` in `view!`: a function run on an element in an effect,
//! as [`HtmlElement::directive`].

use super::{AnyElement, ElementDescriptor, HtmlElement};
use crate::dom::Element;

/// A function usable as `use:name` (or `use:name=param`) on an element.
///
/// Any `fn(HtmlElement<El>)` or `fn(HtmlElement<El>, P)` is one (Leptos 0.6
/// directives take `HtmlElement<AnyElement>`), as is a function taking the
/// `web_sys::Element` itself. The type parameter `T` only tells the
/// implementations apart. A type of your own can implement it too, with
/// Leptos 0.6's signature: `run` gets the element as an
/// `HtmlElement<AnyElement>`.
///
/// # Example
///
/// ```no_run
/// use larkspur::*;
///
/// fn highlight(el: web_sys::Element, color: &'static str) {
///     let _ = el.set_attribute("style", &format!("background: {color}"));
/// }
///
/// let _ = view! { <p use:highlight="yellow">"Important"</p> };
/// ```
pub trait Directive<T: ?Sized, P> {
    /// Runs the directive on `el`.
    fn run(&self, el: HtmlElement<AnyElement>, param: P);
}

impl<F, El> Directive<(HtmlElement<El>,), ()> for F
where
    F: Fn(HtmlElement<El>),
    El: ElementDescriptor,
{
    fn run(&self, el: HtmlElement<AnyElement>, _: ()) {
        self(HtmlElement::from_element(el.el))
    }
}

impl<F, El, P> Directive<(HtmlElement<El>, P), P> for F
where
    F: Fn(HtmlElement<El>, P),
    El: ElementDescriptor,
{
    fn run(&self, el: HtmlElement<AnyElement>, param: P) {
        self(HtmlElement::from_element(el.el), param)
    }
}

impl<F> Directive<(Element,), ()> for F
where
    F: Fn(Element),
{
    fn run(&self, el: HtmlElement<AnyElement>, _: ()) {
        self(el.el)
    }
}

impl<F, P> Directive<(Element, P), P> for F
where
    F: Fn(Element, P),
{
    fn run(&self, el: HtmlElement<AnyElement>, param: P) {
        self(el.el, param)
    }
}

/// A directive kept behind a pointer (a struct field, a prop) runs as the
/// one it points to, as in Leptos 0.6.
impl<T: ?Sized, P> Directive<T, P> for std::rc::Rc<dyn Directive<T, P>> {
    fn run(&self, el: HtmlElement<AnyElement>, param: P) {
        (**self).run(el, param)
    }
}

impl<T: ?Sized, P> Directive<T, P> for Box<dyn Directive<T, P>> {
    fn run(&self, el: HtmlElement<AnyElement>, param: P) {
        (**self).run(el, param)
    }
}

impl<El> HtmlElement<El> {
    /// Runs a directive on this element (what `use:name=param` compiles
    /// to), in an effect, as Leptos 0.6 does: the first run comes after the
    /// current update (the element is in the page by then, so `focus()`
    /// works), and it runs again, with a clone of `param`, whenever a
    /// signal it read changes. The effect goes with the current owner.
    ///
    /// ```no_run
    /// use larkspur::*;
    ///
    /// fn mark(el: HtmlElement<html::Custom>) {
    ///     let _ = el.dom_element().set_attribute("data-marked", "");
    /// }
    /// let p = html::p().directive(mark, ());
    /// ```
    pub fn directive<T: ?Sized, P: Clone + 'static>(
        self,
        directive: impl Directive<T, P> + 'static,
        param: P,
    ) -> Self {
        let el = self.el.clone();
        let _ = larkspur_reactive::create_effect(move |_| {
            directive.run(HtmlElement::from_element(el.clone()), param.clone())
        });
        self
    }
}
