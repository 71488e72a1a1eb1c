//! [`TextProp`] (defined in `larkspur-reactive`) as an attribute value.

use std::rc::Rc;

pub use larkspur_reactive::TextProp;

use crate::element::attribute::{Attribute, IntoAttribute};

impl IntoAttribute for TextProp {
    fn into_attribute(self) -> Attribute {
        Attribute::Fn(Rc::new(move || Attribute::String(self.get())))
    }
    fn into_attribute_boxed(self: Box<Self>) -> Attribute {
        (*self).into_attribute()
    }
}

impl From<TextProp> for crate::element::attribute::AttributeValue {
    fn from(value: TextProp) -> Self {
        Box::new(value)
    }
}
