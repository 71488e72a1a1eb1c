//! [`TextProp`]: a string prop that may be static or reactive.

use std::rc::Rc;

/// A text value for head tags: a `&str`, a `String`, or a closure
/// returning one (read reactively).
///
/// ```
/// use larkspur::meta::TextProp;
/// let fixed: TextProp = "Home".into();
/// let computed: TextProp = (|| format!("{} items", 3)).into();
/// assert_eq!(fixed.get(), "Home");
/// assert_eq!(computed.get(), "3 items");
/// ```
#[derive(Clone)]
pub struct TextProp(Rc<dyn Fn() -> String>);

impl TextProp {
    /// The current text (tracked when it comes from a closure).
    ///
    /// ```
    /// use larkspur::meta::TextProp;
    /// assert_eq!(TextProp::from("a").get(), "a");
    /// ```
    pub fn get(&self) -> String {
        (self.0)()
    }
}

impl std::fmt::Debug for TextProp {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_tuple("TextProp").field(&self.get()).finish()
    }
}

impl From<String> for TextProp {
    fn from(s: String) -> Self {
        let s: Rc<str> = s.into();
        TextProp(Rc::new(move || s.to_string()))
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
    S: Into<String>,
{
    fn from(f: F) -> Self {
        TextProp(Rc::new(move || f().into()))
    }
}
