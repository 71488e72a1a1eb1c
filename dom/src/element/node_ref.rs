//! [`NodeRef`]: a reactive handle to an element created by a view.

use larkspur_reactive::__signal_traits::*;
use std::marker::PhantomData;

use larkspur_reactive::{create_rw_signal, RwSignal};
use wasm_bindgen::JsCast;

use super::ElementDescriptor;
use crate::dom::Element;

/// A reactive reference to an element, filled when the element is built
/// with [`HtmlElement::node_ref`](super::HtmlElement::node_ref).
///
/// `get()` is tracked, so an effect that reads it re-runs once the element
/// exists. It gives the element as an [`HtmlElement<El>`](super::HtmlElement),
/// as in Leptos 0.6: the `web_sys` element's own methods (`.value()`,
/// `.focus()`) are reached through `Deref` (a `NodeRef<html::Input>`
/// derefs to a `web_sys::HtmlInputElement`), and the builder methods
/// (`.attr(..)`, `.style(..)`, `.class(..)`, `.into_any()`) apply to the
/// live element.
///
/// # Example
///
/// ```no_run
/// use larkspur::*;
///
/// let input_ref = create_node_ref::<html::Input>();
/// let form = html::form()
///     .child(html::input().attr("type", "text").node_ref(input_ref))
///     .on(ev::submit, move |ev| {
///         ev.prevent_default();
///         let value = input_ref.get().expect("mounted").value();
///         logging::log!("submitted {value}");
///     });
/// ```
pub struct NodeRef<El: ElementDescriptor> {
    element: RwSignal<Option<Element>>,
    _tag: PhantomData<El>,
}

impl<El: ElementDescriptor> Clone for NodeRef<El> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<El: ElementDescriptor> Copy for NodeRef<El> {}

/// Call syntax, as Leptos 0.6 has on nightly: `input_ref()` is
/// `input_ref.get()` (tracked).
impl<El: ElementDescriptor + 'static> std::ops::Deref for NodeRef<El> {
    type Target = dyn Fn() -> Option<super::HtmlElement<El>>;

    fn deref(&self) -> &Self::Target {
        let handle = *self;
        let witness = move || handle.get();
        // SAFETY: `witness` is a `move` closure capturing exactly one
        // `NodeRef<El>` (a `Copy` handle of one signal handle and a
        // zero-sized marker, without drop glue): the contract of
        // `larkspur_reactive`'s `reinterpret`, whose compile-time checks
        // (same size and alignment, no drop glue) apply here too.
        unsafe { larkspur_reactive::__reinterpret_handle(self, witness) }
    }
}

impl<El: ElementDescriptor> Default for NodeRef<El> {
    fn default() -> Self {
        Self::new()
    }
}

impl<El: ElementDescriptor> NodeRef<El> {
    /// An empty node reference, owned by the current owner.
    #[track_caller]
    pub fn new() -> Self {
        NodeRef {
            element: create_rw_signal(None),
            _tag: PhantomData,
        }
    }

    /// The element, once loaded (tracked).
    #[cfg_attr(debug_assertions, track_caller)]
    pub fn get(&self) -> Option<super::HtmlElement<El>> {
        self.element.get().map(super::HtmlElement::from_element)
    }

    /// The element, once loaded (not tracked).
    #[cfg_attr(debug_assertions, track_caller)]
    pub fn get_untracked(&self) -> Option<super::HtmlElement<El>> {
        self.element
            .get_untracked()
            .map(super::HtmlElement::from_element)
    }

    /// The `web_sys` element itself, once loaded (tracked): `get()` without
    /// the builder around it.
    ///
    /// ```no_run
    /// use larkspur::*;
    /// let canvas = create_node_ref::<html::Canvas>();
    /// let element: Option<web_sys::HtmlCanvasElement> = canvas.get_element();
    /// ```
    #[cfg_attr(debug_assertions, track_caller)]
    pub fn get_element(&self) -> Option<El::Output> {
        self.element.get().map(JsCast::unchecked_into)
    }

    /// Stores `el` in this reference (done by `HtmlElement::node_ref`):
    /// an element builder, as Leptos 0.6's `load(&HtmlElement<El>)` takes
    /// (so generic code holding an `HtmlElement<T>` loads it), or any
    /// `web_sys` element.
    ///
    /// ```no_run
    /// use larkspur::*;
    ///
    /// fn compose<T: ElementDescriptor + Clone>(refs: Vec<NodeRef<T>>, el: HtmlElement<T>) {
    ///     for r in refs {
    ///         r.load(&el);
    ///     }
    /// }
    /// ```
    pub fn load(&self, el: &(impl LoadElement<El> + ?Sized)) {
        self.element.set(Some(el.element_to_load().clone()));
    }

    /// Runs `f` once, when the element is loaded, in a render effect
    /// (what `f` creates, an effect drawing on a canvas say, lives as long
    /// as the code that called `on_load`). `f` sees the first element only
    /// (Leptos 0.6 panics on a second load): for an element that is made
    /// again (inside a `<Show>`), read `node_ref.get()` in an effect.
    pub fn on_load(self, f: impl FnOnce(super::HtmlElement<El>) + 'static) {
        let f = std::cell::Cell::new(Some(f));
        larkspur_reactive::create_view_effect(move |_: Option<()>| {
            // The element is waited for with a tracked read; the run that
            // finds it reads it untracked, so that run is the last one:
            // a reload (the element shown again) would otherwise re-run
            // the effect and dispose what `f` created, with no `f` left
            // to create it again.
            let Some(el) = self.get_untracked() else {
                // Runs again when the element is loaded.
                let _ = self.get();
                return;
            };
            if let Some(f) = f.take() {
                larkspur_reactive::untrack(move || f(el));
            }
        });
    }
}

/// Creates a [`NodeRef`] for elements of type `El`.
///
/// # Example
///
/// ```no_run
/// use larkspur::*;
///
/// let canvas = create_node_ref::<html::Canvas>();
/// let view = html::canvas().node_ref(canvas);
/// let canvas_element: Option<HtmlElement<html::Canvas>> = canvas.get();
/// ```
#[track_caller]
pub fn create_node_ref<El: ElementDescriptor>() -> NodeRef<El> {
    NodeRef::new()
}

/// What [`NodeRef::load`] takes: a builder of the reference's own tag
/// ([`HtmlElement<El>`], as Leptos 0.6's `load` takes) or any `web_sys`
/// element.
///
/// ```no_run
/// use larkspur::*;
/// use larkspur::wasm_bindgen::JsCast;
///
/// let input = create_node_ref::<html::Input>();
/// input.load(&html::input());
/// let found: web_sys::Element = document().create_element("input").unwrap();
/// input.load(found.unchecked_ref::<web_sys::Element>());
/// ```
///
/// [`HtmlElement<El>`]: super::HtmlElement
pub trait LoadElement<El> {
    /// The DOM element to store.
    fn element_to_load(&self) -> &Element;
}

impl<El: super::ElementDescriptor> LoadElement<El> for super::HtmlElement<El> {
    fn element_to_load(&self) -> &Element {
        self.dom_element()
    }
}

impl<El, T: AsRef<Element> + ?Sized> LoadElement<El> for T {
    fn element_to_load(&self) -> &Element {
        self.as_ref()
    }
}
