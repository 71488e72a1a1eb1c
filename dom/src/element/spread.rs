//! `{..attrs}` in `view!`: applying a list of attributes (and event
//! handlers) to an element at once (see also [`HtmlElement::attrs`] and
//! [`HtmlElement::bindings`]).

use larkspur_reactive::Oco;

use super::attribute::{apply_attribute, apply_inner_html, Attribute, IntoAttribute};
use super::{add_handler, HtmlElement};
use crate::dom::Element;
use crate::ev::EventDescriptor;

/// Something that can be spread onto an element with `{..value}` in
/// `view!` (an iterable of such things, or of [`Binding`]s, spreads too).
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
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be spread onto an element with `{{..}}`",
    note = "spread (name, value) attribute pairs, (event, handler) pairs, `Binding`s or `EventHandlerFn`s, or a Vec, array, Option, map or iterator of them"
)]
pub trait Spread {
    /// Applies the attributes or handlers to `el`.
    fn spread(self, el: &Element);
}

impl<A: IntoAttribute> Spread for (&'static str, A) {
    fn spread(self, el: &Element) {
        apply_named_attribute(el, self.0, self.1.into_attribute());
    }
}

impl<E, F> Spread for (E, F)
where
    E: EventDescriptor,
    F: FnMut(E::EventType) + 'static,
{
    fn spread(self, el: &Element) {
        // As `on:` adds it: with the event's `addEventListener` options
        // (capture, passive, once) where it has any.
        let (event, handler) = self;
        let delegate = event.delegated();
        add_handler(el, event, delegate, handler);
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

/// Declares [`EventHandlerFn`]: one variant per event, with the event's
/// `ev` type and the `web_sys` type its handler receives.
macro_rules! event_handler_fns {
    ($($variant:ident $ev:ident $ty:ident,)*) => {
        /// A handler of one of the common events, as a value that can be
        /// kept in a list and spread onto an element with `{..handlers}`
        /// (Leptos 0.6, alongside [`Binding`]).
        ///
        /// ```no_run
        /// use larkspur::*;
        ///
        /// let handlers = vec![
        ///     EventHandlerFn::Click(Box::new(|_| logging::log!("clicked"))),
        ///     EventHandlerFn::Keydown(Box::new(|e| logging::log!("{}", e.key()))),
        /// ];
        /// let _ = view! { <button {..handlers}>"Go"</button> };
        /// ```
        pub enum EventHandlerFn {
            $(
                #[doc = concat!("A `", stringify!($ev), "` handler.")]
                $variant(Box<dyn FnMut(web_sys::$ty)>),
            )*
        }

        impl Spread for EventHandlerFn {
            fn spread(self, el: &Element) {
                match self {
                    $(EventHandlerFn::$variant(handler) => (crate::ev::$ev, handler).spread(el),)*
                }
            }
        }
    };
}

event_handler_fns! {
    Keydown keydown KeyboardEvent,
    Keyup keyup KeyboardEvent,
    Keypress keypress KeyboardEvent,
    Click click MouseEvent,
    Dblclick dblclick MouseEvent,
    Mousedown mousedown MouseEvent,
    Mouseup mouseup MouseEvent,
    Mouseenter mouseenter MouseEvent,
    Mouseleave mouseleave MouseEvent,
    Mouseout mouseout MouseEvent,
    Mouseover mouseover MouseEvent,
    Mousemove mousemove MouseEvent,
    Wheel wheel WheelEvent,
    Touchstart touchstart TouchEvent,
    Touchend touchend TouchEvent,
    Touchcancel touchcancel TouchEvent,
    Touchmove touchmove TouchEvent,
    Pointerenter pointerenter PointerEvent,
    Pointerleave pointerleave PointerEvent,
    Pointerdown pointerdown PointerEvent,
    Pointerup pointerup PointerEvent,
    Pointercancel pointercancel PointerEvent,
    Pointerout pointerout PointerEvent,
    Pointerover pointerover PointerEvent,
    Pointermove pointermove PointerEvent,
    Drag drag DragEvent,
    Dragend dragend DragEvent,
    Dragenter dragenter DragEvent,
    Dragleave dragleave DragEvent,
    Dragstart dragstart DragEvent,
    Drop drop DragEvent,
    Blur blur FocusEvent,
    Focusout focusout FocusEvent,
    Focus focus FocusEvent,
    Focusin focusin FocusEvent,
}

/// An attribute or an event handler, so that one list can hold both and be
/// spread with `{..bindings}` (Leptos 0.6).
///
/// ```no_run
/// use larkspur::*;
///
/// let bindings: Vec<Binding> = vec![
///     ("aria-label", "Save".into_attribute()).into(),
///     EventHandlerFn::Click(Box::new(|_| logging::log!("saved"))).into(),
/// ];
/// let _ = view! { <button {..bindings}>"Save"</button> };
/// ```
pub enum Binding {
    /// An attribute and its value.
    Attribute {
        /// The attribute's name.
        name: Oco<'static, str>,
        /// Its value (static or reactive).
        value: Attribute,
    },
    /// An event handler.
    EventHandler(EventHandlerFn),
}

impl From<(&'static str, Attribute)> for Binding {
    fn from((name, value): (&'static str, Attribute)) -> Self {
        Binding::Attribute {
            name: Oco::Borrowed(name),
            value,
        }
    }
}

impl From<EventHandlerFn> for Binding {
    fn from(handler: EventHandlerFn) -> Self {
        Binding::EventHandler(handler)
    }
}

impl Spread for Binding {
    fn spread(self, el: &Element) {
        match self {
            Binding::Attribute { name, value } => {
                if !markup_from_data(&name, &value) {
                    apply_named_attribute(el, static_name(name), value)
                }
            }
            Binding::EventHandler(handler) => handler.spread(el),
        }
    }
}

/// Whether a binding would make data into markup: `inner_html` under a
/// name built at run time (from a CMS's or a JSON document's keys, say)
/// with a value not marked trusted. Refused, with a debug warning, as
/// `srcdoc` is: only a name written in code sets the markup.
pub(crate) fn markup_from_data(name: &Oco<'static, str>, value: &Attribute) -> bool {
    let refused = !matches!(name, Oco::Borrowed(_))
        && name.eq_ignore_ascii_case("inner_html")
        && !matches!(value, Attribute::String(v) | Attribute::Option(Some(v))
            if crate::safety::is_trusted(v));
    if refused {
        crate::safety::refuse_markup_attribute(name);
    }
    refused
}

larkspur_reactive::__local! {
    /// Attribute names built at run time, kept once each (the attribute
    /// code takes `&'static str` names).
    static RUNTIME_NAMES: std::cell::RefCell<Vec<&'static str>> = const {
        std::cell::RefCell::new(Vec::new())
    };
}

/// A binding's attribute as a `#[prop(attrs)]` entry; `None` for an event
/// handler, which a component's attribute list cannot hold.
#[doc(hidden)]
pub fn binding_attribute(binding: Binding) -> Option<(&'static str, Attribute)> {
    match binding {
        Binding::Attribute { name, value } => {
            (!markup_from_data(&name, &value)).then(|| (static_name(name), value))
        }
        Binding::EventHandler(_) => None,
    }
}

/// A `'static` copy of an attribute, class, style or property name: a
/// borrowed name as it is (inlined, so a literal costs nothing), another
/// one leaked once per distinct name (a page uses few; the element APIs
/// and the DOM writes take `&'static str` names, interned as JS strings).
#[inline]
pub(crate) fn static_name(name: Oco<'static, str>) -> &'static str {
    match name {
        Oco::Borrowed(name) => name,
        other => leak_name(other),
    }
}

#[inline(never)]
fn leak_name(name: Oco<'static, str>) -> &'static str {
    RUNTIME_NAMES.with(|names| {
        let mut names = names.borrow_mut();
        if let Some(found) = names.iter().find(|n| **n == &*name) {
            return *found;
        }
        let leaked: &'static str = Box::leak(name.to_string().into_boxed_str());
        names.push(leaked);
        leaked
    })
}

/// `{..value}` in `view!`, in four tiers that method resolution tries in
/// order (the receiver is `&&&&SpreadArg`, each tier one reference less):
/// a [`Spread`] value (a pair, a `Vec`, an array, an `Option`, a
/// [`Binding`]) is applied as it is; any other iterable of spreadable
/// items (a map of attributes, an iterator, a library's own attribute
/// collection) item by item; an iterable of items that convert into
/// [`Binding`]s as bindings (Leptos 0.6's `bindings`); anything else is a
/// compile error that says what can be spread.
#[doc(hidden)]
pub struct SpreadArg<T>(std::cell::Cell<Option<T>>);

impl<T> SpreadArg<T> {
    #[doc(hidden)]
    pub fn new(value: T) -> Self {
        SpreadArg(std::cell::Cell::new(Some(value)))
    }

    fn take(&self) -> Option<T> {
        self.0.take()
    }
}

#[doc(hidden)]
pub trait SpreadWhole {
    fn __spread_onto(&self, el: &Element);
}

impl<T: Spread> SpreadWhole for &&&SpreadArg<T> {
    fn __spread_onto(&self, el: &Element) {
        if let Some(value) = self.take() {
            value.spread(el);
        }
    }
}

#[doc(hidden)]
pub trait SpreadEach {
    fn __spread_onto(&self, el: &Element);
}

impl<I> SpreadEach for &&SpreadArg<I>
where
    I: IntoIterator,
    I::Item: Spread,
{
    fn __spread_onto(&self, el: &Element) {
        for item in self.take().into_iter().flatten() {
            item.spread(el);
        }
    }
}

#[doc(hidden)]
pub trait SpreadBindings {
    fn __spread_onto(&self, el: &Element);
}

impl<I> SpreadBindings for &SpreadArg<I>
where
    I: IntoIterator,
    I::Item: Into<Binding>,
{
    fn __spread_onto(&self, el: &Element) {
        for item in self.take().into_iter().flatten() {
            item.into().spread(el);
        }
    }
}

#[doc(hidden)]
pub trait SpreadFallback<T> {
    fn __spread_onto(&self, el: &Element)
    where
        T: Spread;
}

impl<T> SpreadFallback<T> for SpreadArg<T> {
    fn __spread_onto(&self, el: &Element)
    where
        T: Spread,
    {
        if let Some(value) = self.take() {
            value.spread(el);
        }
    }
}

impl<El> HtmlElement<El> {
    /// Applies attributes given as `(name, value)` pairs, from any
    /// iterable (Leptos 0.6's `HtmlElement::attrs`: a `Vec`, a map, a
    /// library's own attribute collection).
    ///
    /// ```no_run
    /// use larkspur::*;
    ///
    /// let extra: Vec<(&'static str, Attribute)> = vec![("title", "hint".into_attribute())];
    /// let el = html::span().attrs(extra);
    /// let mut map = std::collections::HashMap::new();
    /// map.insert("lang", "en".into_attribute());
    /// let el = html::span().attrs(map);
    /// ```
    pub fn attrs(self, attrs: impl IntoIterator<Item = (&'static str, Attribute)>) -> Self {
        for pair in attrs {
            pair.spread(&self.el);
        }
        self
    }

    /// What `{..value}` compiles to (see [`SpreadArg`]): the value is
    /// evaluated where it is written (a `?` or `.await` in it belongs to
    /// the code around the `view!`), the closure picks how to spread it.
    #[doc(hidden)]
    pub fn __spread<T>(self, value: SpreadArg<T>, f: impl FnOnce(&SpreadArg<T>, &Element)) -> Self {
        f(&value, &self.el);
        self
    }

    /// Applies attributes and event handlers given as [`Binding`]s (Leptos
    /// 0.6's `HtmlElement::bindings`, what a component passes on from its
    /// own spread).
    ///
    /// ```no_run
    /// use larkspur::*;
    ///
    /// let el = html::button().bindings([Binding::from(("title", "hint".into_attribute()))]);
    /// ```
    pub fn bindings<B: Into<Binding>>(self, bindings: impl IntoIterator<Item = B>) -> Self {
        for binding in bindings {
            binding.into().spread(&self.el);
        }
        self
    }
}

/// An attribute named at run time (`.attr`, a spread, an `attr:` passed
/// down): `inner_html` is the element's markup, as `inner_html=` in
/// `view!` and as Leptos 0.6 sets it; any other name is checked.
pub(crate) fn apply_named_attribute(el: &Element, name: &'static str, value: Attribute) {
    if name == "inner_html" {
        apply_inner_html(el, value)
    } else {
        apply_attribute::<true>(el, name, value)
    }
}
