//! URL safety: refusing script-bearing URLs in URL attributes, and
//! [`TrustedUrl`], the explicit opt-out.
//!
//! The renderer never parses a user string as markup: text goes into text
//! nodes, attributes through `setAttribute`, properties through assignment.
//! The one remaining way for a string to run script is a URL whose scheme
//! executes (`javascript:`, `vbscript:`) or renders a document
//! (`data:text/html`) placed in an attribute that navigates or loads. Those
//! values are refused in `href`, `src`, `action`, `formaction` and
//! `xlink:href` (attributes and properties alike): the attribute is left
//! unset and, in debug builds, a warning names it.
//!
//! The check mirrors how browsers read a scheme: leading spaces and control
//! characters are skipped, tabs and newlines anywhere are ignored, and
//! letters are compared without case, so `" JaVa\tScript:alert(1)"` is
//! caught too.

use std::borrow::Cow;

use crate::dom;

/// A URL the author vouches for: set as-is, even with a scheme the renderer
/// would otherwise refuse.
///
/// # Example
///
/// ```no_run
/// use larkspur::*;
///
/// // A bookmarklet link, written by the app's author, not by a user.
/// let link = html::a()
///     .attr("href", TrustedUrl::new("javascript:void(0)"))
///     .child("bookmarklet");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TrustedUrl(Cow<'static, str>);

impl TrustedUrl {
    /// Marks `url` as trusted.
    pub fn new(url: impl Into<Cow<'static, str>>) -> Self {
        TrustedUrl(url.into())
    }

    /// The URL text.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub(crate) fn into_inner(self) -> Cow<'static, str> {
        self.0
    }
}

/// Whether a value set under `name` is navigated to or loaded as a URL.
///
/// Case-insensitive: `setAttribute` lower-cases names on HTML elements, so
/// `HREF` is `href`.
pub(crate) fn is_url_name(name: &str) -> bool {
    ["href", "src", "action", "formaction", "xlink:href"]
        .iter()
        .any(|url_name| url_name.eq_ignore_ascii_case(name))
}

/// Whether an attribute's value is parsed as a document (`<iframe srcdoc>`,
/// same-origin: its scripts run with the app's rights).
pub(crate) fn is_markup_attribute(name: &str) -> bool {
    name.eq_ignore_ascii_case("srcdoc")
}

/// Warns (debug builds) that a markup attribute was refused.
pub(crate) fn refuse_markup_attribute(name: &str) {
    if cfg!(debug_assertions) {
        dom::console_warn(
            &[
                "larkspur: refused to set the `",
                name,
                "` attribute: its value is parsed as HTML. Wrap markup you trust in TrustedUrl::new(..)",
            ]
            .concat(),
        );
    }
}

/// Whether `url`'s scheme would execute script or render a document.
///
/// ```
/// use larkspur::is_dangerous_url;
///
/// assert!(is_dangerous_url("javascript:alert(1)"));
/// assert!(is_dangerous_url("  JAVA\nSCRIPT:alert(1)"));
/// assert!(!is_dangerous_url("https://example.com/?q=javascript:"));
/// ```
pub fn is_dangerous_url(url: &str) -> bool {
    // The scheme plus the start of a data: MIME type fit in this prefix.
    let mut prefix = [0u8; 24];
    let mut len = 0;
    let mut started = false;
    for b in url.bytes() {
        if !started && b <= b' ' {
            continue;
        }
        started = true;
        if b == b'\t' || b == b'\n' || b == b'\r' {
            continue;
        }
        // Whitespace inside a data: MIME type is trimmed by browsers.
        if b == b' ' && len >= 5 {
            continue;
        }
        prefix[len] = b.to_ascii_lowercase();
        len += 1;
        if len == prefix.len() {
            break;
        }
    }
    let p = &prefix[..len];
    p.starts_with(b"javascript:")
        || p.starts_with(b"vbscript:")
        || p.starts_with(b"data:text/html")
        || p.starts_with(b"data:application/xhtml")
        || p.starts_with(b"data:image/svg+xml")
}

/// Returns whether `value` may be written under `name`; warns (debug builds)
/// when it may not.
pub(crate) fn allow_url(name: &str, value: &str) -> bool {
    if is_url_name(name) && is_dangerous_url(value) {
        if cfg!(debug_assertions) {
            dom::console_warn(
                &[
                    "larkspur: refused an unsafe URL in `",
                    name,
                    "`. Wrap it in TrustedUrl::new(..) if it is really meant to run: ",
                    value,
                ]
                .concat(),
            );
        }
        false
    } else {
        true
    }
}

/// Whether a property name would parse its value as markup.
pub(crate) fn is_markup_property(name: &str) -> bool {
    matches!(name, "innerHTML" | "outerHTML" | "srcdoc")
}

/// Warns (debug builds) that a markup property was refused.
pub(crate) fn refuse_markup_property(name: &str) {
    if cfg!(debug_assertions) {
        dom::console_warn(
            &[
                "larkspur: refused to set the `",
                name,
                "` property with prop(); use .inner_html(..) for markup you trust",
            ]
            .concat(),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dangerous_schemes() {
        for url in [
            "javascript:alert(1)",
            "JAVASCRIPT:alert(1)",
            "  javascript:alert(1)",
            "\u{1}javascript:alert(1)",
            "java\tscript:alert(1)",
            "java\nscript:alert(1)",
            "vbscript:msgbox(1)",
            "data:text/html,<script>alert(1)</script>",
            "data: text/html;base64,PHNjcmlwdD4=",
            "DATA:TEXT/HTML,x",
        ] {
            assert!(is_dangerous_url(url), "{url:?}");
        }
    }

    #[test]
    fn ordinary_urls() {
        for url in [
            "https://example.com",
            "/path?x=javascript:",
            "#javascript:",
            "mailto:a@b.c",
            "data:image/png;base64,AAAA",
            "",
        ] {
            assert!(!is_dangerous_url(url), "{url:?}");
        }
    }
}
