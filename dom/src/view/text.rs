//! [`Text`]: the text node a [`View::Text`](super::View::Text) holds.

use std::ops::Deref;

use larkspur_reactive::Oco;

use crate::dom;

/// The text node of a [`View::Text`](super::View::Text), as Leptos 0.6's
/// `leptos_dom::Text`: `View::Text(Text::new(s.into()))` builds a text view
/// by hand (`s.into_view()` does the same). It derefs to the DOM node
/// (`web_sys::Text`); read its text with `text_content()` (0.6 keeps a copy
/// in a `content` field, Larkspur keeps the text only in the node).
///
/// ```no_run
/// use larkspur::*;
/// use larkspur_dom::Text;
/// let view = View::Text(Text::new("hello".into()));
/// assert_eq!(view.as_text().unwrap().text_content().as_deref(), Some("hello"));
/// ```
#[derive(Clone, PartialEq, Eq)]
pub struct Text {
    node: dom::Text,
}

impl Text {
    /// A new text node holding `content` (not yet in the document).
    pub fn new(content: Oco<'static, str>) -> Text {
        Text {
            node: dom::create_text(&content),
        }
    }
}

impl Deref for Text {
    type Target = web_sys::Text;

    fn deref(&self) -> &web_sys::Text {
        &self.node
    }
}

impl From<web_sys::Text> for Text {
    fn from(node: web_sys::Text) -> Text {
        Text { node }
    }
}

impl From<Text> for web_sys::Text {
    fn from(text: Text) -> web_sys::Text {
        text.node
    }
}

impl From<Text> for web_sys::Node {
    fn from(text: Text) -> web_sys::Node {
        text.node.into()
    }
}

impl AsRef<web_sys::Node> for Text {
    fn as_ref(&self) -> &web_sys::Node {
        &self.node
    }
}

impl std::fmt::Debug for Text {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_tuple("Text")
            .field(&self.node.text_content().unwrap_or_default())
            .finish()
    }
}

/// A text node is a view of itself.
impl super::IntoView for Text {
    fn into_view(self) -> super::View {
        super::View::Text(self)
    }
}
