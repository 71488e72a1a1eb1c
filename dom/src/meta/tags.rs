//! Elements added to `document.head` while their owner lives: [`Meta`],
//! [`Link`], [`Stylesheet`], [`Script`] and [`Style`].
//!
//! Attributes go through the ordinary element builder, so closures stay
//! reactive and `javascript:` URLs in `href`/`src` are refused as anywhere
//! else.

use larkspur_reactive::on_cleanup;

use super::TextProp;
use crate::components::Children;
use crate::dom::{self, head};
use crate::element::attribute::Attribute;
use crate::element::{html, ElementDescriptor, HtmlElement};
use crate::view::View;

/// Puts `el` at the end of `document.head` and removes it again when the
/// current owner is disposed.
fn add_to_head<El: ElementDescriptor>(el: HtmlElement<El>) -> View {
    let node = el.dom_element().clone();
    dom::append_child(&head::head(), &node);
    on_cleanup(move || dom::remove_node(&node));
    View::Empty
}

/// Sets the `attr:` attributes of a head tag.
fn with_attrs<El: ElementDescriptor>(
    mut el: HtmlElement<El>,
    attrs: Vec<(&'static str, Attribute)>,
) -> HtmlElement<El> {
    for (name, value) in attrs {
        el = el.attr(name, value);
    }
    el
}

/// An optional text prop as a (reactive) attribute value.
fn value(text: Option<TextProp>) -> Option<impl Fn() -> String> {
    text.map(|t| move || t.get().into_owned())
}

/// A `<meta>` tag in the head.
///
/// # Example
///
/// ```no_run
/// use larkspur::*;
/// use larkspur::meta::*;
///
/// let tags = view! {
///     <Meta charset="utf-8"/>
///     <Meta name="description" content="A Larkspur app"/>
///     <Meta property="og:title" content="Larkspur"/>
/// };
/// ```
#[crate::component]
pub fn Meta(
    /// The `charset` attribute.
    #[prop(optional, into)]
    charset: Option<TextProp>,
    /// The `name` attribute.
    #[prop(optional, into)]
    name: Option<TextProp>,
    /// The `property` attribute (Open Graph).
    #[prop(optional, into)]
    property: Option<TextProp>,
    /// The `http-equiv` attribute.
    #[prop(optional, into)]
    http_equiv: Option<TextProp>,
    /// The `itemprop` attribute.
    #[prop(optional, into)]
    itemprop: Option<TextProp>,
    /// The `content` attribute.
    #[prop(optional, into)]
    content: Option<TextProp>,
    /// Further attributes (`attr:name=value`).
    #[prop(attrs)]
    attrs: Vec<(&'static str, Attribute)>,
) -> impl crate::IntoView {
    add_to_head(with_attrs(
        html::meta()
            .attr("charset", value(charset))
            .attr("name", value(name))
            .attr("property", value(property))
            .attr("http-equiv", value(http_equiv))
            .attr("itemprop", value(itemprop))
            .attr("content", value(content)),
        attrs,
    ))
}

/// A `<link>` tag in the head.
///
/// # Example
///
/// ```no_run
/// use larkspur::*;
/// use larkspur::meta::*;
///
/// let icon = view! { <Link rel="icon" href="/favicon.svg" type_="image/svg+xml"/> };
/// ```
#[crate::component]
#[allow(clippy::too_many_arguments)]
pub fn Link(
    /// The `id` attribute.
    #[prop(optional, into)]
    id: Option<TextProp>,
    /// The `rel` attribute.
    #[prop(optional, into)]
    rel: Option<TextProp>,
    /// The `href` attribute.
    #[prop(optional, into)]
    href: Option<TextProp>,
    /// The `type` attribute.
    #[prop(optional, into)]
    type_: Option<TextProp>,
    /// The `as` attribute (for preloads).
    #[prop(optional, into)]
    as_: Option<TextProp>,
    /// The `crossorigin` attribute.
    #[prop(optional, into)]
    crossorigin: Option<TextProp>,
    /// The `media` attribute.
    #[prop(optional, into)]
    media: Option<TextProp>,
    /// The `sizes` attribute.
    #[prop(optional, into)]
    sizes: Option<TextProp>,
    /// The `hreflang` attribute.
    #[prop(optional, into)]
    hreflang: Option<TextProp>,
    /// The `integrity` attribute.
    #[prop(optional, into)]
    integrity: Option<TextProp>,
    /// The `title` attribute.
    #[prop(optional, into)]
    title: Option<TextProp>,
    /// The `disabled` attribute.
    #[prop(optional, into)]
    disabled: Option<bool>,
    /// The `fetchpriority` attribute.
    #[prop(optional, into)]
    fetchpriority: Option<TextProp>,
    /// The `imagesizes` attribute.
    #[prop(optional, into)]
    imagesizes: Option<TextProp>,
    /// The `imagesrcset` attribute.
    #[prop(optional, into)]
    imagesrcset: Option<TextProp>,
    /// The `prefetch` attribute.
    #[prop(optional, into)]
    prefetch: Option<TextProp>,
    /// The `referrerpolicy` attribute.
    #[prop(optional, into)]
    referrerpolicy: Option<TextProp>,
    /// The `blocking` attribute.
    #[prop(optional, into)]
    blocking: Option<TextProp>,
    /// Further attributes (`attr:name=value`).
    #[prop(attrs)]
    attrs: Vec<(&'static str, Attribute)>,
) -> impl crate::IntoView {
    add_to_head(with_attrs(
        html::link()
            .attr("id", value(id))
            .attr("rel", value(rel))
            .attr("href", value(href))
            .attr("type", value(type_))
            .attr("as", value(as_))
            .attr("crossorigin", value(crossorigin))
            .attr("media", value(media))
            .attr("sizes", value(sizes))
            .attr("hreflang", value(hreflang))
            .attr("integrity", value(integrity))
            .attr("title", value(title))
            .attr("disabled", disabled)
            .attr("fetchpriority", value(fetchpriority))
            .attr("imagesizes", value(imagesizes))
            .attr("imagesrcset", value(imagesrcset))
            .attr("prefetch", value(prefetch))
            .attr("referrerpolicy", value(referrerpolicy))
            .attr("blocking", value(blocking)),
        attrs,
    ))
}

/// A stylesheet: `<link rel="stylesheet" href=..>` in the head.
///
/// # Example
///
/// ```no_run
/// use larkspur::*;
/// use larkspur::meta::*;
///
/// let css = view! { <Stylesheet id="app" href="/pkg/app.css"/> };
/// ```
#[crate::component]
pub fn Stylesheet(
    /// The stylesheet's URL.
    #[prop(into)]
    href: String,
    /// The `id` attribute.
    #[prop(optional, into)]
    id: Option<String>,
    /// Further attributes (`attr:name=value`).
    #[prop(attrs)]
    attrs: Vec<(&'static str, Attribute)>,
) -> impl crate::IntoView {
    add_to_head(with_attrs(
        html::link()
            .attr("rel", "stylesheet")
            .attr("id", id)
            .attr("href", href),
        attrs,
    ))
}

/// A `<script>` in the head: with `src`, or with its code as children.
/// The browser runs it when it is added (under a strict CSP only scripts
/// the policy allows will run).
///
/// This is the one place Larkspur makes a script element that runs:
/// `html::script()` and `<script>` in `view!` are inert (see
/// [`TrustedUrl`](crate::TrustedUrl)). `src` still passes the URL check
/// (no `javascript:`).
///
/// # Example
///
/// ```no_run
/// use larkspur::*;
/// use larkspur::meta::*;
///
/// let analytics = view! { <Script src="/js/stats.js" defer="true"/> };
/// ```
#[crate::component]
#[allow(clippy::too_many_arguments)]
pub fn Script(
    /// The `id` attribute.
    #[prop(optional, into)]
    id: Option<TextProp>,
    /// The `src` attribute.
    #[prop(optional, into)]
    src: Option<TextProp>,
    /// The `type` attribute.
    #[prop(optional, into)]
    type_: Option<TextProp>,
    /// The `async` attribute.
    #[prop(optional, into)]
    async_: Option<TextProp>,
    /// The `defer` attribute.
    #[prop(optional, into)]
    defer: Option<TextProp>,
    /// The `crossorigin` attribute.
    #[prop(optional, into)]
    crossorigin: Option<TextProp>,
    /// The `integrity` attribute.
    #[prop(optional, into)]
    integrity: Option<TextProp>,
    /// The `nonce` attribute.
    #[prop(optional, into)]
    nonce: Option<TextProp>,
    /// The `fetchpriority` attribute.
    #[prop(optional, into)]
    fetchpriority: Option<TextProp>,
    /// The `nomodule` attribute.
    #[prop(optional, into)]
    nomodule: Option<TextProp>,
    /// The `referrerpolicy` attribute.
    #[prop(optional, into)]
    referrerpolicy: Option<TextProp>,
    /// The `blocking` attribute.
    #[prop(optional, into)]
    blocking: Option<TextProp>,
    /// The script's code, as text.
    #[prop(optional)]
    children: Option<Children>,
    /// Further attributes (`attr:name=value`).
    #[prop(attrs)]
    attrs: Vec<(&'static str, Attribute)>,
) -> impl crate::IntoView {
    // Created by `createElement`, not cloned from a parsed template (which
    // marks a script "already started", so it would never run).
    let mut el = HtmlElement::<html::Script>::from_element(dom::create_element("script"))
        .attr("id", value(id))
        .attr("src", value(src))
        .attr("type", value(type_))
        .attr("async", value(async_))
        .attr("defer", value(defer))
        .attr("crossorigin", value(crossorigin))
        .attr("integrity", value(integrity))
        .attr("nonce", value(nonce))
        .attr("fetchpriority", value(fetchpriority))
        .attr("nomodule", value(nomodule))
        .attr("referrerpolicy", value(referrerpolicy))
        .attr("blocking", value(blocking));
    el = with_attrs(el, attrs);
    if let Some(children) = children {
        el = el.child(children());
    }
    add_to_head(el)
}

/// A `<style>` in the head, with the CSS as children.
///
/// # Example
///
/// ```no_run
/// use larkspur::*;
/// use larkspur::meta::*;
///
/// let css = view! { <Style id="theme">"body { color: rebeccapurple; }"</Style> };
/// ```
#[crate::component]
pub fn Style(
    /// The `id` attribute.
    #[prop(optional, into)]
    id: Option<TextProp>,
    /// The `media` attribute.
    #[prop(optional, into)]
    media: Option<TextProp>,
    /// The `nonce` attribute.
    #[prop(optional, into)]
    nonce: Option<TextProp>,
    /// The `title` attribute.
    #[prop(optional, into)]
    title: Option<TextProp>,
    /// The `blocking` attribute.
    #[prop(optional, into)]
    blocking: Option<TextProp>,
    /// The CSS, as text.
    #[prop(optional)]
    children: Option<Children>,
    /// Further attributes (`attr:name=value`).
    #[prop(attrs)]
    attrs: Vec<(&'static str, Attribute)>,
) -> impl crate::IntoView {
    let mut el = html::style()
        .attr("id", value(id))
        .attr("media", value(media))
        .attr("nonce", value(nonce))
        .attr("title", value(title))
        .attr("blocking", value(blocking));
    el = with_attrs(el, attrs);
    if let Some(children) = children {
        el = el.child(children());
    }
    add_to_head(el)
}
