//! [`use_nonce`]: the Content-Security-Policy nonce for inline scripts and
//! styles (Leptos 0.6's `leptos::nonce`).
//!
//! A nonce is made by the server for each response; a static Larkspur app
//! has no server, so there is none unless the app provides one
//! (`provide_context(Nonce::from(..))`, e.g. read from a `<meta>` tag).
//! `<script nonce=use_nonce()>` then simply has no `nonce` attribute.

use std::fmt;
use std::ops::Deref;

use larkspur_reactive::use_context;

use crate::element::attribute::{Attribute, IntoAttribute};

/// A nonce for the page's Content-Security-Policy.
///
/// ```no_run
/// use larkspur::*;
/// use larkspur::nonce::{use_nonce, Nonce};
///
/// // Read once from `<meta name="csp-nonce" content="...">`, if the page
/// // has one, and provided for every `use_nonce()` below.
/// let meta = document().query_selector("meta[name=csp-nonce]").ok().flatten();
/// if let Some(content) = meta.and_then(|m| m.get_attribute("content")) {
///     provide_context(Nonce::from(content));
/// }
/// let script = view! { <script nonce=use_nonce()>"console.log(1)"</script> };
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Nonce(String);

impl From<String> for Nonce {
    fn from(value: String) -> Self {
        Nonce(value)
    }
}

impl From<&str> for Nonce {
    fn from(value: &str) -> Self {
        Nonce(value.to_owned())
    }
}

impl Deref for Nonce {
    type Target = str;

    fn deref(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Nonce {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl IntoAttribute for Nonce {
    fn into_attribute(self) -> Attribute {
        self.0.into_attribute()
    }

    fn into_attribute_boxed(self: Box<Self>) -> Attribute {
        self.0.into_attribute()
    }
}

impl From<Nonce> for crate::element::attribute::AttributeValue {
    fn from(value: Nonce) -> Self {
        Box::new(value)
    }
}

/// The nonce provided in context, if any (`None` in a static app that
/// provides none).
///
/// ```no_run
/// use larkspur::*;
/// use larkspur::nonce::use_nonce;
///
/// let _ = view! { <style nonce=use_nonce()>"p { color: teal }"</style> };
/// ```
pub fn use_nonce() -> Option<Nonce> {
    use_context::<Nonce>()
}
