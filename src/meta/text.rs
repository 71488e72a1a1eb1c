//! [`TextProp`]: a string prop that may be static or reactive.

use std::rc::Rc;

use larkspur_reactive::Oco;

use crate::element::attribute::{Attribute, IntoAttribute};

/// Text that is fixed or computed: what `<Title text=…>` takes, and a prop
/// type for components (`#[prop(into)] label: TextProp`), as in Leptos
/// 0.6. A closure makes it reactive; [`get`](TextProp::get) reads it
/// (tracked). It can be used as an attribute value.
///
/// ```
/// use larkspur::*;
/// let fixed: TextProp = "Home".into();
/// let computed: TextProp = (|| format!("{} items", 3)).into();
/// assert_eq!(fixed.get(), "Home");
/// assert_eq!(computed.get(), "3 items");
/// assert_eq!(TextProp::default().get(), "");
/// ```
#[derive(Clone)]
pub struct TextProp(Rc<dyn Fn() -> Oco<'static, str>>);

impl TextProp {
    /// The current text (tracked when it comes from a closure).
    ///
    /// ```
    /// use larkspur::TextProp;
    /// assert_eq!(TextProp::from("a").get(), "a");
    /// ```
    pub fn get(&self) -> Oco<'static, str> {
        (self.0)()
    }
}

impl Default for TextProp {
    fn default() -> Self {
        TextProp::from("")
    }
}

impl std::fmt::Debug for TextProp {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_tuple("TextProp")
            .field(&self.get().as_str())
            .finish()
    }
}

impl From<Oco<'static, str>> for TextProp {
    fn from(s: Oco<'static, str>) -> Self {
        // Shared, so each read is a reference count, not a copy.
        let s: Oco<'static, str> = match s {
            Oco::Owned(s) => Oco::Counted(s.into()),
            s => s,
        };
        TextProp(Rc::new(move || s.clone()))
    }
}

impl From<String> for TextProp {
    fn from(s: String) -> Self {
        Oco::<'static, str>::from(s).into()
    }
}

impl From<Rc<str>> for TextProp {
    fn from(s: Rc<str>) -> Self {
        Oco::<'static, str>::from(s).into()
    }
}

impl From<&str> for TextProp {
    fn from(s: &str) -> Self {
        s.to_string().into()
    }
}

impl<F, S> From<F> for TextProp
where
    F: Fn() -> S + 'static,
    S: Into<Oco<'static, str>>,
{
    fn from(f: F) -> Self {
        TextProp(Rc::new(move || f().into()))
    }
}

impl IntoAttribute for TextProp {
    fn into_attribute(self) -> Attribute {
        Attribute::Fn(Rc::new(move || Attribute::String(self.get())))
    }
    fn into_attribute_boxed(self: Box<Self>) -> Attribute {
        (*self).into_attribute()
    }
}
