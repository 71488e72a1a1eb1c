//! [`TextProp`]: a string prop that may be static or reactive (an attribute
//! value too, in `larkspur`).

use std::rc::Rc;

use crate::oco::Oco;
use crate::wrappers::MaybeProp;

/// Text that is fixed or computed: what `<Title text=…>` takes, and a prop
/// type for components (`#[prop(into)] label: TextProp`), as in Leptos
/// 0.6. A closure makes it reactive; [`get`](TextProp::get) reads it
/// (tracked). It can be used as an attribute value.
///
/// ```
/// use larkspur_reactive::*;
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
    /// use larkspur_reactive::TextProp;
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

/// A signal of text (`<Title text=title/>` with a `ReadSignal<String>`),
/// as Leptos 0.6 on nightly takes it for a closure.
macro_rules! signal_text_props {
    ($($ty:ident),*) => {$(
        impl<T> From<crate::$ty<T>> for TextProp
        where
            T: Clone + Into<Oco<'static, str>> + 'static,
        {
            fn from(signal: crate::$ty<T>) -> Self {
                TextProp(Rc::new(move || signal.get().into()))
            }
        }
    )*};
}

signal_text_props!(ReadSignal, RwSignal, Memo, Signal, MaybeSignal);

// `MaybeProp<TextProp>` from text, as Leptos 0.6 has it (an optional
// label prop taking `"…"`).
macro_rules! maybe_text_props {
    ($($t:ty),*) => {$(
        impl From<$t> for MaybeProp<TextProp> {
            fn from(s: $t) -> Self {
                MaybeProp::from(TextProp::from(s))
            }
        }
    )*};
}

maybe_text_props!(&str, String, std::rc::Rc<str>, Oco<'static, str>);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn optional_text_props_take_text() {
        let a: MaybeProp<TextProp> = "x".into();
        let b: MaybeProp<TextProp> = String::from("y").into();
        assert_eq!(a.get().map(|t| t.get().to_string()).as_deref(), Some("x"));
        assert_eq!(b.get().map(|t| t.get().to_string()).as_deref(), Some("y"));
    }
}
