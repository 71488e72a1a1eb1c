//! Attribute, class, style and property values: static or reactive.
//!
//! Each `Into*` trait turns a user value into a small type-erased enum; a
//! closure or signal becomes the `Fn` variant, which the element turns into
//! one render effect updating that one attribute, class, style property or
//! DOM property. Static values are written once and never touched again.

use larkspur_reactive::__signal_traits::*;
use std::borrow::Cow;
use std::rc::Rc;

use larkspur_reactive::{
    create_view_effect, MaybeProp, MaybeSignal, Memo, Oco, ReadSignal, RwSignal, Signal,
};
use wasm_bindgen::JsValue;

use crate::dom::{self, Element};
use crate::safety::{self, TrustedUrl};
use crate::view::int_text;

/// An attribute value, as Leptos 0.6 spells it.
#[derive(Clone)]
pub enum Attribute {
    /// Set to this text.
    String(Oco<'static, str>),
    /// Recomputed reactively.
    Fn(Rc<dyn Fn() -> Attribute>),
    /// Set to the text (`Some`) or absent (`None`).
    Option(Option<Oco<'static, str>>),
    /// Present (`true`, as `name="name"`) or absent (`false`).
    Bool(bool),
}

/// As Leptos 0.6 prints it: the value, or `Fn` for a reactive one (not
/// read, so printing tracks nothing).
///
/// ```
/// use larkspur::*;
/// assert_eq!(format!("{:?}", "x".into_attribute()), r#"String("x")"#);
/// assert_eq!(format!("{:?}", None::<&str>.into_attribute()), "Option(None)");
/// ```
impl std::fmt::Debug for Attribute {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Attribute::String(v) => f.debug_tuple("String").field(v).finish(),
            Attribute::Fn(_) => f.write_str("Fn"),
            Attribute::Option(v) => f.debug_tuple("Option").field(v).finish(),
            Attribute::Bool(b) => f.debug_tuple("Bool").field(b).finish(),
        }
    }
}

/// As in Leptos 0.6: values of the same variant compare by content, and
/// two reactive values are never equal (they are not read). A text from a
/// [`TrustedUrl`] and the same text made otherwise differ.
///
/// ```
/// use larkspur::*;
/// assert_eq!("x".into_attribute(), Attribute::String("x".into()));
/// assert_ne!("x".into_attribute(), Attribute::Option(Some("x".into())));
/// assert_ne!("x".into_attribute(), TrustedUrl::new("x").into_attribute());
/// ```
impl PartialEq for Attribute {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (Attribute::String(a), Attribute::String(b))
            | (Attribute::Option(Some(a)), Attribute::Option(Some(b))) => {
                a == b && safety::same_trust(a, b)
            }
            (Attribute::Option(None), Attribute::Option(None)) => true,
            (Attribute::Bool(a), Attribute::Bool(b)) => a == b,
            _ => false,
        }
    }
}

impl Attribute {
    /// The attribute's text, without a name (`None` when absent, `""` for
    /// a present boolean attribute), as Leptos 0.6's
    /// `as_nameless_value_string`; tracked like [`text`](Self::text).
    ///
    /// ```
    /// use larkspur::*;
    /// assert_eq!(5.into_attribute().as_nameless_value_string().as_deref(), Some("5"));
    /// ```
    pub fn as_nameless_value_string(&self) -> Option<Oco<'static, str>> {
        self.text()
    }

    /// The attribute as HTML source, `name="value"` (`name` alone for a
    /// present boolean, `""` when absent), as Leptos 0.6's
    /// `as_value_string`; tracked like [`text`](Self::text). The value is
    /// escaped for a double-quoted attribute.
    ///
    /// ```
    /// use larkspur::*;
    /// assert_eq!("a\"b".into_attribute().as_value_string("title"), r#"title="a&quot;b""#);
    /// assert_eq!(true.into_attribute().as_value_string("hidden"), "hidden");
    /// assert_eq!(false.into_attribute().as_value_string("hidden"), "");
    /// ```
    pub fn as_value_string(&self, attr_name: &'static str) -> Oco<'static, str> {
        match self {
            Attribute::Bool(true) => Oco::Borrowed(attr_name),
            Attribute::Fn(f) => f().as_value_string(attr_name),
            other => match other.text() {
                Some(value) => Oco::Owned(format!(
                    "{attr_name}=\"{}\"",
                    value.replace('&', "&amp;").replace('"', "&quot;")
                )),
                None => Oco::Borrowed(""),
            },
        }
    }

    /// The text the attribute has now (a reactive value is read, and
    /// tracked): `None` when absent, `""` for a present boolean attribute.
    ///
    /// ```
    /// use larkspur::*;
    /// let (on, set_on) = create_signal(true);
    /// let a = (move || on.get()).into_attribute();
    /// assert_eq!(a.text().as_deref(), Some(""));
    /// set_on.set(false);
    /// assert_eq!(a.text(), None);
    /// assert_eq!("x".into_attribute().text().as_deref(), Some("x"));
    /// assert_eq!(Attribute::Option(None).text(), None);
    /// ```
    pub fn text(&self) -> Option<Oco<'static, str>> {
        match self {
            Attribute::String(v) | Attribute::Option(Some(v)) => Some(v.clone()),
            Attribute::Bool(true) => Some(Oco::Borrowed("")),
            Attribute::Bool(false) | Attribute::Option(None) => None,
            Attribute::Fn(f) => f().text(),
        }
    }
}

/// Converts a value into an [`Attribute`].
///
/// # Example
///
/// ```no_run
/// use larkspur::*;
///
/// let (size, set_size) = create_signal(3);
/// let input = html::input()
///     .attr("type", "number")          // static text
///     .attr("disabled", false)         // absent
///     .attr("min", 0)                  // a number
///     .attr("title", None::<String>)   // absent
///     .attr("size", size);             // reactive
/// ```
pub trait IntoAttribute {
    /// Performs the conversion.
    fn into_attribute(self) -> Attribute
    where
        Self: Sized;

    /// Performs the conversion from a box (what makes
    /// [`AttributeValue`], a `Box<dyn IntoAttribute>`, work). Every impl
    /// writes it as `(*self).into_attribute()`, as in Leptos 0.6.
    fn into_attribute_boxed(self: Box<Self>) -> Attribute;

    /// The value as a `&'static str` when it is one: `view!` writes such a
    /// value straight into the attribute, with no [`Attribute`] and no
    /// render-effect code linked for it (a component's `id: &'static str`
    /// prop passed on to an element).
    #[doc(hidden)]
    fn __static_str(self) -> Result<&'static str, Self>
    where
        Self: Sized,
    {
        Err(self)
    }
}

/// Any attribute value, boxed: for a prop that passes whatever it is given
/// on to an attribute (`#[prop(optional, into)] kind: Option<AttributeValue>`).
///
/// ```no_run
/// use larkspur::*;
///
/// #[component]
/// fn Button(#[prop(optional, into)] kind: Option<AttributeValue>) -> impl IntoView {
///     view! { <button type=kind>"Go"</button> }
/// }
///
/// let _ = view! { <Button kind="submit"/> };
/// ```
pub type AttributeValue = Box<dyn IntoAttribute>;

impl IntoAttribute for Box<dyn IntoAttribute> {
    fn into_attribute(self) -> Attribute {
        self.into_attribute_boxed()
    }
    fn into_attribute_boxed(self: Box<Self>) -> Attribute {
        (*self).into_attribute_boxed()
    }
}

/// `into_class_boxed` and the others for a sized impl.
macro_rules! boxed_as {
    ($boxed:ident, $into:ident, $t:ty) => {
        fn $boxed(self: Box<Self>) -> $t {
            (*self).$into()
        }
    };
}

/// `into_attribute_boxed` for a sized impl.
macro_rules! boxed {
    () => {
        boxed_as!(into_attribute_boxed, into_attribute, Attribute);
    };
}

macro_rules! attribute_values {
    ($($t:ty),*) => {$(
        impl From<$t> for AttributeValue {
            fn from(value: $t) -> Self {
                Box::new(value)
            }
        }
    )*};
}

attribute_values!(
    &'static str,
    String,
    Cow<'static, str>,
    Rc<str>,
    Oco<'static, str>,
    char,
    bool,
    TrustedUrl,
    Attribute,
    u8,
    u16,
    u32,
    u64,
    u128,
    usize,
    i8,
    i16,
    i32,
    i64,
    i128,
    isize,
    f32,
    f64
);

impl<F: Fn() -> T + 'static, T: IntoAttribute + 'static> From<F> for AttributeValue {
    fn from(f: F) -> Self {
        Box::new(f)
    }
}

macro_rules! signal_attribute_values {
    ($($s:ident),*) => {$(
        impl<T: IntoAttribute + Clone + 'static> From<$s<T>> for AttributeValue {
            fn from(signal: $s<T>) -> Self {
                Box::new(signal)
            }
        }
    )*};
}

signal_attribute_values!(ReadSignal, RwSignal, Memo, Signal, MaybeSignal, MaybeProp);

impl<T: IntoAttribute + 'static> From<Option<T>> for AttributeValue {
    fn from(value: Option<T>) -> Self {
        Box::new(value)
    }
}

impl IntoAttribute for Attribute {
    boxed!();
    fn into_attribute(self) -> Attribute {
        self
    }
}

impl IntoAttribute for &'static str {
    boxed!();
    fn into_attribute(self) -> Attribute {
        Attribute::String(Oco::Borrowed(self))
    }
    fn __static_str(self) -> Result<&'static str, Self> {
        Ok(self)
    }
}

impl IntoAttribute for String {
    boxed!();
    fn into_attribute(self) -> Attribute {
        Attribute::String(Oco::Owned(self))
    }
}

/// `title=format_args!("{n} items")`: the formatted text (Leptos 0.6).
impl IntoAttribute for std::fmt::Arguments<'_> {
    boxed!();
    fn into_attribute(self) -> Attribute {
        Attribute::String(Oco::Owned(self.to_string()))
    }
}

impl IntoAttribute for &String {
    boxed!();
    fn into_attribute(self) -> Attribute {
        Attribute::String(Oco::Owned(self.clone()))
    }
}

impl IntoAttribute for Cow<'static, str> {
    boxed!();
    fn into_attribute(self) -> Attribute {
        Attribute::String(self.into())
    }
}

impl IntoAttribute for Rc<str> {
    boxed!();
    fn into_attribute(self) -> Attribute {
        Attribute::String(Oco::Counted(self))
    }
}

impl IntoAttribute for Oco<'static, str> {
    boxed!();
    fn into_attribute(self) -> Attribute {
        Attribute::String(self)
    }
}

impl IntoAttribute for char {
    boxed!();
    fn into_attribute(self) -> Attribute {
        Attribute::String(Oco::Owned(self.to_string()))
    }
}

impl IntoAttribute for bool {
    boxed!();
    fn into_attribute(self) -> Attribute {
        Attribute::Bool(self)
    }
}

impl IntoAttribute for TrustedUrl {
    boxed!();
    fn into_attribute(self) -> Attribute {
        Attribute::String(Oco::Counted(safety::trust(self.into_inner())))
    }
}

impl<T: IntoAttribute> IntoAttribute for Option<T> {
    boxed!();
    fn into_attribute(self) -> Attribute {
        match self {
            Some(v) => v.into_attribute(),
            None => Attribute::Option(None),
        }
    }
}

macro_rules! int_attributes {
    ($($t:ty)*) => {$(
        impl IntoAttribute for $t {
            boxed!();
            #[allow(unused_comparisons)]
            fn into_attribute(self) -> Attribute {
                Attribute::String(Oco::Owned(int_text(self < 0, (self as i64).unsigned_abs())))
            }
        }
    )*};
}

int_attributes!(u8 u16 u32 usize i8 i16 i32 i64 isize);

macro_rules! display_attributes {
    ($($t:ty)*) => {$(
        impl IntoAttribute for $t {
            boxed!();
            fn into_attribute(self) -> Attribute {
                Attribute::String(Oco::Owned(self.to_string()))
            }
        }
    )*};
}

display_attributes!(u64 u128 i128 f32 f64);

impl<F, T> IntoAttribute for F
where
    F: Fn() -> T + 'static,
    T: IntoAttribute,
{
    boxed!();
    fn into_attribute(self) -> Attribute {
        Attribute::Fn(Rc::new(move || self().into_attribute()))
    }
}

/// A class toggle, as Leptos 0.6 spells it.
pub enum Class {
    /// On or off once.
    Value(bool),
    /// Recomputed reactively.
    Fn(Box<dyn Fn() -> bool>),
}

/// Converts a value into a [`Class`] toggle: `bool`, `Fn() -> bool`, or a
/// `bool` signal.
pub trait IntoClass {
    /// Performs the conversion.
    fn into_class(self) -> Class
    where
        Self: Sized;

    /// Performs the conversion from a box (what makes a
    /// `Box<dyn IntoClass>` one). Every impl writes it as
    /// `(*self).into_class()`, as in Leptos 0.6.
    fn into_class_boxed(self: Box<Self>) -> Class;
}

impl IntoClass for Box<dyn IntoClass> {
    fn into_class(self) -> Class {
        self.into_class_boxed()
    }
    fn into_class_boxed(self: Box<Self>) -> Class {
        (*self).into_class_boxed()
    }
}

impl IntoClass for Class {
    boxed_as!(into_class_boxed, into_class, Class);
    fn into_class(self) -> Class {
        self
    }
}

impl IntoClass for bool {
    boxed_as!(into_class_boxed, into_class, Class);
    fn into_class(self) -> Class {
        Class::Value(self)
    }
}

impl<F: Fn() -> bool + 'static> IntoClass for F {
    boxed_as!(into_class_boxed, into_class, Class);
    fn into_class(self) -> Class {
        Class::Fn(Box::new(self))
    }
}

/// An inline style property value, as Leptos 0.6 spells it.
#[derive(Clone)]
pub enum Style {
    /// Set once.
    Value(Oco<'static, str>),
    /// Set (`Some`) or removed (`None`) once.
    Option(Option<Oco<'static, str>>),
    /// Recomputed reactively.
    Fn(Rc<dyn Fn() -> Style>),
}

/// As Leptos 0.6 prints it (a reactive value is not read).
impl std::fmt::Debug for Style {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Style::Value(v) => f.debug_tuple("Value").field(v).finish(),
            Style::Option(v) => f.debug_tuple("Option").field(v).finish(),
            Style::Fn(_) => f.write_str("Fn"),
        }
    }
}

/// As in Leptos 0.6: values of the same variant compare by content, and
/// two reactive values are never equal.
impl PartialEq for Style {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (Style::Value(a), Style::Value(b)) => a == b,
            (Style::Option(a), Style::Option(b)) => a == b,
            _ => false,
        }
    }
}

/// Converts a value into a [`Style`] value: strings, numbers, `Option`s of
/// those (`None` removes the property), closures and signals.
pub trait IntoStyle {
    /// Performs the conversion.
    fn into_style(self) -> Style
    where
        Self: Sized;

    /// Performs the conversion from a box (what makes a
    /// `Box<dyn IntoStyle>` one). Every impl writes it as
    /// `(*self).into_style()`, as in Leptos 0.6.
    fn into_style_boxed(self: Box<Self>) -> Style;
}

impl IntoStyle for Box<dyn IntoStyle> {
    fn into_style(self) -> Style {
        self.into_style_boxed()
    }
    fn into_style_boxed(self: Box<Self>) -> Style {
        (*self).into_style_boxed()
    }
}

impl IntoStyle for Style {
    boxed_as!(into_style_boxed, into_style, Style);
    fn into_style(self) -> Style {
        self
    }
}

impl IntoStyle for &'static str {
    boxed_as!(into_style_boxed, into_style, Style);
    fn into_style(self) -> Style {
        Style::Value(Oco::Borrowed(self))
    }
}

impl IntoStyle for String {
    boxed_as!(into_style_boxed, into_style, Style);
    fn into_style(self) -> Style {
        Style::Value(Oco::Owned(self))
    }
}

impl IntoStyle for Cow<'static, str> {
    boxed_as!(into_style_boxed, into_style, Style);
    fn into_style(self) -> Style {
        Style::Value(self.into())
    }
}

/// A style value from the text an attribute of it would have.
fn text_style(a: Attribute) -> Style {
    match resolve_attribute(a) {
        Attribute::String(v) | Attribute::Option(Some(v)) => Style::Value(v),
        _ => Style::Option(None),
    }
}

// Numbers, `char` and the other string types, as Leptos 0.6 takes them:
// `style:width=5`, `style=("--i", n)`.
macro_rules! text_styles {
    ($($t:ty)*) => {$(
        impl IntoStyle for $t {
            boxed_as!(into_style_boxed, into_style, Style);
            fn into_style(self) -> Style {
                text_style(self.into_attribute())
            }
        }
    )*};
}

text_styles!(&String Rc<str> larkspur_reactive::Oco<'static, str> char u8 u16 u32 u64 u128 usize
    i8 i16 i32 i64 i128 isize f32 f64);

impl<T: IntoStyle> IntoStyle for Option<T> {
    boxed_as!(into_style_boxed, into_style, Style);
    fn into_style(self) -> Style {
        match self {
            // `Option`, as in Leptos 0.6.
            Some(v) => match v.into_style() {
                Style::Value(s) => Style::Option(Some(s)),
                other => other,
            },
            None => Style::Option(None),
        }
    }
}

impl<F, T> IntoStyle for F
where
    F: Fn() -> T + 'static,
    T: IntoStyle,
{
    boxed_as!(into_style_boxed, into_style, Style);
    fn into_style(self) -> Style {
        Style::Fn(Rc::new(move || self().into_style()))
    }
}

/// A DOM property value, as Leptos 0.6 spells it.
pub enum Property {
    /// Assigned once.
    Value(JsValue),
    /// Recomputed reactively.
    Fn(Box<dyn Fn() -> JsValue>),
}

/// Converts a value into a [`Property`] value: `JsValue`, `bool`, strings,
/// numbers, `Option`s of those (`None` is `undefined`), closures, signals.
pub trait IntoProperty {
    /// Performs the conversion.
    fn into_property(self) -> Property
    where
        Self: Sized;

    /// Performs the conversion from a box (what makes a
    /// `Box<dyn IntoProperty>` one). Every impl writes it as
    /// `(*self).into_property()`, as in Leptos 0.6.
    fn into_property_boxed(self: Box<Self>) -> Property;
}

impl IntoProperty for Box<dyn IntoProperty> {
    fn into_property(self) -> Property {
        self.into_property_boxed()
    }
    fn into_property_boxed(self: Box<Self>) -> Property {
        (*self).into_property_boxed()
    }
}

impl IntoProperty for Property {
    boxed_as!(into_property_boxed, into_property, Property);
    fn into_property(self) -> Property {
        self
    }
}

macro_rules! value_properties {
    ($($t:ty)*) => {$(
        impl IntoProperty for $t {
            boxed_as!(into_property_boxed, into_property, Property);
            fn into_property(self) -> Property {
                Property::Value(JsValue::from(self))
            }
        }
    )*};
}

value_properties!(JsValue bool String &String &str u8 u16 u32 i8 i16 i32 f32 f64);

// JavaScript objects (a `valueAsDate`, a canvas' data, a custom element's
// array or object property), as Leptos 0.6 takes any `Into<JsValue>`.
value_properties!(
    js_sys::Object js_sys::Array js_sys::Date js_sys::Function js_sys::Map js_sys::Set
    js_sys::JsString js_sys::Number js_sys::Boolean js_sys::Promise js_sys::Uint8Array
    js_sys::Float64Array
);

/// Integers wider than 32 bits: a JS number while it is exact (up to 2⁵³),
/// otherwise its decimal text, so no digit is lost and no numeric property
/// is handed a `BigInt` (which would throw).
macro_rules! wide_int_properties {
    ($($t:ty)*) => {$(
        impl IntoProperty for $t {
            boxed_as!(into_property_boxed, into_property, Property);
            fn into_property(self) -> Property {
                const EXACT: i128 = 1 << 53;
                let v = self as i128;
                Property::Value(if (-EXACT..=EXACT).contains(&v) {
                    JsValue::from_f64(v as f64)
                } else {
                    JsValue::from_str(&self.to_string())
                })
            }
        }
    )*};
}

wide_int_properties!(u64 i64 usize isize i128);

impl IntoProperty for u128 {
    boxed_as!(into_property_boxed, into_property, Property);
    fn into_property(self) -> Property {
        match i128::try_from(self) {
            Ok(v) => v.into_property(),
            Err(_) => Property::Value(JsValue::from_str(&self.to_string())),
        }
    }
}

impl<T: IntoProperty> IntoProperty for Option<T> {
    boxed_as!(into_property_boxed, into_property, Property);
    fn into_property(self) -> Property {
        match self {
            Some(v) => v.into_property(),
            None => Property::Value(JsValue::UNDEFINED),
        }
    }
}

impl<F, T> IntoProperty for F
where
    F: Fn() -> T + 'static,
    T: IntoProperty,
{
    boxed_as!(into_property_boxed, into_property, Property);
    fn into_property(self) -> Property {
        Property::Fn(Box::new(move || resolve_property(self().into_property())))
    }
}

macro_rules! signal_values {
    ($($s:ident)*) => {$(
        impl<T: IntoAttribute + Clone + 'static> IntoAttribute for $s<T> {
            boxed!();
            fn into_attribute(self) -> Attribute {
                Attribute::Fn(Rc::new(move || self.get().into_attribute()))
            }
        }
        impl IntoClass for $s<bool> {
            boxed_as!(into_class_boxed, into_class, Class);
            fn into_class(self) -> Class {
                Class::Fn(Box::new(move || self.get()))
            }
        }
        impl<T: IntoStyle + Clone + 'static> IntoStyle for $s<T> {
            boxed_as!(into_style_boxed, into_style, Style);
            fn into_style(self) -> Style {
                Style::Fn(Rc::new(move || self.get().into_style()))
            }
        }
        impl<T: IntoProperty + Clone + 'static> IntoProperty for $s<T> {
            boxed_as!(into_property_boxed, into_property, Property);
            fn into_property(self) -> Property {
                Property::Fn(Box::new(move || resolve_property(self.get().into_property())))
            }
        }
    )*};
}

signal_values!(ReadSignal RwSignal Memo Signal MaybeSignal);

// An optional prop as its `Option`: `None` leaves the attribute, style or
// property unset and the class off.
impl<T: IntoAttribute + Clone + 'static> IntoAttribute for MaybeProp<T> {
    boxed!();
    fn into_attribute(self) -> Attribute {
        Attribute::Fn(Rc::new(move || self.get().into_attribute()))
    }
}

impl IntoClass for MaybeProp<bool> {
    boxed_as!(into_class_boxed, into_class, Class);
    fn into_class(self) -> Class {
        Class::Fn(Box::new(move || self.get().unwrap_or(false)))
    }
}

impl<T: IntoStyle + Clone + 'static> IntoStyle for MaybeProp<T> {
    boxed_as!(into_style_boxed, into_style, Style);
    fn into_style(self) -> Style {
        Style::Fn(Rc::new(move || self.get().into_style()))
    }
}

impl<T: IntoProperty + Clone + 'static> IntoProperty for MaybeProp<T> {
    boxed_as!(into_property_boxed, into_property, Property);
    fn into_property(self) -> Property {
        Property::Fn(Box::new(move || {
            resolve_property(self.get().into_property())
        }))
    }
}

fn resolve_property(p: Property) -> JsValue {
    match p {
        Property::Value(v) => v,
        Property::Fn(f) => f(),
    }
}

fn resolve_attribute(mut a: Attribute) -> Attribute {
    while let Attribute::Fn(f) = a {
        a = f();
    }
    a
}

fn resolve_style(mut s: Style) -> Option<Oco<'static, str>> {
    loop {
        match s {
            Style::Value(v) => return Some(v),
            Style::Option(v) => return v,
            Style::Fn(f) => s = f(),
        }
    }
}

/// Writes an attribute (or removes it: absent, or refused by the checks).
/// `CHECKED` is false only where `view!` has seen the name and found it
/// needs none of the checks (not a URL, animation value, `srcdoc` or `on*`
/// name): an app that never writes such an attribute from a dynamic value
/// then links none of the URL checking code.
pub(crate) fn write_attribute<const CHECKED: bool>(
    el: &Element,
    name: &'static str,
    value: &Attribute,
) {
    match value {
        Attribute::String(v) | Attribute::Option(Some(v)) => {
            if !CHECKED || safety::allow_attribute(name, v) {
                dom::set_attribute(el, name, v);
            } else {
                dom::remove_attribute(el, name);
            }
        }
        // `name="name"`, as Leptos 0.6 writes a true boolean attribute.
        Attribute::Bool(true) => dom::set_attribute(el, name, name),
        Attribute::Bool(false) | Attribute::Option(None) => dom::remove_attribute(el, name),
        Attribute::Fn(f) => write_attribute::<CHECKED>(el, name, &resolve_attribute(f())),
    }
}

/// Writes an attribute now, or creates the render effect that keeps it
/// current (`CHECKED`: see [`write_attribute`]).
pub(crate) fn apply_attribute<const CHECKED: bool>(
    el: &Element,
    name: &'static str,
    value: Attribute,
) {
    match value {
        Attribute::Fn(f) => {
            let el = el.clone();
            // Written only when the value changed, as in Leptos 0.6: the
            // same `src` again would restart a video or reload a frame,
            // the same `class` again would drop the `class:` names added
            // since.
            create_view_effect(move |previous: Option<Attribute>| {
                let value = resolve_attribute(f());
                if !previous.is_some_and(|p| same_attribute::<CHECKED>(name, &p, &value)) {
                    write_attribute::<CHECKED>(&el, name, &value);
                }
                value
            });
        }
        v => write_attribute::<CHECKED>(el, name, &v),
    }
}

/// Whether two resolved attribute values write the same thing under
/// `name`. With `CHECKED`, a text the checks refuse and the same text from
/// a [`TrustedUrl`] differ (one is written, the other is not).
#[inline(never)]
fn same_attribute<const CHECKED: bool>(name: &str, a: &Attribute, b: &Attribute) -> bool {
    match (a, b) {
        (
            Attribute::String(a) | Attribute::Option(Some(a)),
            Attribute::String(b) | Attribute::Option(Some(b)),
        ) => **a == **b && (!CHECKED || !safety::refuses(name, a) || safety::same_trust(a, b)),
        (Attribute::Bool(a), Attribute::Bool(b)) => a == b,
        (
            Attribute::Bool(false) | Attribute::Option(None),
            Attribute::Bool(false) | Attribute::Option(None),
        ) => true,
        _ => false,
    }
}

fn write_inner_html(el: &Element, value: &Attribute) {
    match value {
        Attribute::String(v) | Attribute::Option(Some(v)) => dom::set_inner_html(el, v),
        Attribute::Fn(f) => write_inner_html(el, &resolve_attribute(f())),
        Attribute::Bool(_) | Attribute::Option(None) => dom::set_inner_html(el, ""),
    }
}

/// Sets `innerHTML` now or reactively.
pub(crate) fn apply_inner_html(el: &Element, value: Attribute) {
    match value {
        Attribute::Fn(f) => {
            let el = el.clone();
            // Only on change, as attributes: the same markup again would
            // rebuild the subtree (losing focus, selection and state).
            create_view_effect(move |previous: Option<Attribute>| {
                let value = resolve_attribute(f());
                if !previous.is_some_and(|p| same_attribute::<false>("", &p, &value)) {
                    write_inner_html(&el, &value);
                }
                value
            });
        }
        v => write_inner_html(el, &v),
    }
}

fn write_class(el: &Element, names: &'static str, on: bool) {
    for name in names.split_ascii_whitespace() {
        dom::set_class(el, name, on);
    }
}

/// Toggles a class now or reactively (touching the DOM only on change).
///
/// A plain value is written either way, as in Leptos 0.6: `class:active=false`
/// takes `active` off an element whose static `class` lists it. A reactive
/// one starts from the markup, so its initial `false` makes no DOM call at
/// all: a new list row with `class:selected=move || ..` off costs nothing.
/// (A name the static `class` attribute already lists is then only removed
/// once the value has been `true`, also as in Leptos 0.6.)
pub(crate) fn apply_class(el: &Element, names: &'static str, value: Class) {
    match value {
        Class::Value(on) => write_class(el, names, on),
        Class::Fn(f) => {
            let el = el.clone();
            create_view_effect(move |prev: Option<bool>| {
                let on = f();
                if prev.unwrap_or(false) != on {
                    write_class(&el, names, on);
                }
                on
            });
        }
    }
}

/// Sets a style property now or reactively.
pub(crate) fn apply_style(el: &Element, name: &'static str, value: Style) {
    match value {
        Style::Value(v) => dom::set_style(el, name, Some(&v)),
        Style::Option(v) => dom::set_style(el, name, v.as_deref()),
        Style::Fn(f) => {
            let el = el.clone();
            create_view_effect(move |_: Option<()>| {
                dom::set_style(&el, name, resolve_style(f()).as_deref())
            });
        }
    }
}

fn write_property(el: &Element, name: &'static str, value: &JsValue) {
    match checked_property(name, value) {
        Ok(None) => dom::set_property(el, name, value),
        Ok(Some(converted)) => dom::set_property(el, name, &converted),
        Err(()) => {}
    }
}

/// The checks every property write passes (`prop:`, `helpers::set_property`):
/// markup properties are refused (`Err`), and a URL property gets its value
/// only if it is a safe URL, converted to the string that was checked
/// (`Ok(Some(..))`); any other value is written as it is (`Ok(None)`).
pub(crate) fn checked_property(name: &str, value: &JsValue) -> Result<Option<JsValue>, ()> {
    if safety::is_markup_property(name) {
        safety::refuse_markup_property(name);
        return Err(());
    }
    if let Some(s) = value.as_string() {
        if !safety::allow_url(name, &s) {
            return Err(());
        }
    } else if safety::is_url_name(name) && !value.is_null() && !value.is_undefined() {
        // A URL object or anything else with a `toString`: the setter would
        // convert it. Convert once here, check, and assign the string, so
        // the value that is checked is the value that is set.
        let s = dom::to_js_string(value).ok_or(())?;
        return if safety::allow_url(name, &s) {
            Ok(Some(JsValue::from_str(&s)))
        } else {
            Err(())
        };
    }
    Ok(None)
}

/// Sets a DOM property now or reactively.
pub(crate) fn apply_property(el: &Element, name: &'static str, value: Property) {
    match value {
        Property::Value(v) => write_property(el, name, &v),
        Property::Fn(f) => {
            let el = el.clone();
            create_view_effect(move |_: Option<()>| write_property(&el, name, &f()));
        }
    }
}
