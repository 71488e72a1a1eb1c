//! [`Html`] and [`Body`]: attributes set on the document's `<html>` and
//! `<body>` while their owner lives, removed when it is disposed.

use larkspur_reactive::on_cleanup;

use super::TextProp;
use crate::dom::{self, head, Element};
use crate::element::attribute::Attribute;
use crate::element::{html, HtmlElement};
use crate::view::View;

/// Sets each given attribute on `el` (reactively) and removes it when the
/// current owner is disposed.
fn set_attributes<El: crate::ElementDescriptor>(
    el: Element,
    attributes: Vec<(&'static str, Option<TextProp>)>,
    extra: Vec<(&'static str, Attribute)>,
) -> View {
    let mut builder = HtmlElement::<El>::from_element(el.clone());
    let mut set = Vec::new();
    for (name, value) in attributes {
        if let Some(value) = value {
            builder = builder.attr(name, move || value.get());
            set.push(name);
        }
    }
    // `attr:name=value` (and `{..attrs}`) on the component.
    for (name, value) in extra {
        builder = builder.attr(name, value);
        set.push(name);
    }
    drop(builder);
    on_cleanup(move || {
        for name in set {
            dom::remove_attribute(&el, name);
        }
    });
    View::Empty
}

/// Attributes of the document's `<html>` element.
///
/// # Example
///
/// ```no_run
/// use larkspur::*;
/// use larkspur::meta::*;
///
/// let (dark, set_dark) = create_signal(false);
/// let root = view! { <Html lang="en" class=move || if dark.get() { "dark" } else { "light" }/> };
/// // Any other attribute with `attr:`:
/// let themed = view! { <Html lang="en" attr:data-theme="dark"/> };
/// ```
#[crate::component]
pub fn Html(
    /// The `lang` attribute.
    #[prop(optional, into)]
    lang: Option<TextProp>,
    /// The `dir` attribute.
    #[prop(optional, into)]
    dir: Option<TextProp>,
    /// The `class` attribute.
    #[prop(optional, into)]
    class: Option<TextProp>,
    /// Other attributes (`attr:data-theme="dark"`).
    #[prop(attrs)]
    attributes: Vec<(&'static str, Attribute)>,
) -> impl crate::IntoView {
    set_attributes::<html::Html>(
        head::root_element(),
        vec![("lang", lang), ("dir", dir), ("class", class)],
        attributes,
    )
}

/// Attributes of the document's `<body>` element.
///
/// # Example
///
/// ```no_run
/// use larkspur::*;
/// use larkspur::meta::*;
///
/// let body = view! { <Body class="app"/> };
/// ```
#[crate::component]
pub fn Body(
    /// The `class` attribute.
    #[prop(optional, into)]
    class: Option<TextProp>,
    /// The `id` attribute.
    #[prop(optional, into)]
    id: Option<TextProp>,
    /// Other attributes (`attr:data-page="home"`).
    #[prop(attrs)]
    attributes: Vec<(&'static str, Attribute)>,
) -> impl crate::IntoView {
    set_attributes::<html::Body>(
        head::body_element(),
        vec![("class", class), ("id", id)],
        attributes,
    )
}
