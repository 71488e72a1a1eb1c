//! URL safety: refusing script-bearing URLs in URL attributes, and
//! [`TrustedUrl`], the explicit opt-out.
//!
//! The renderer never parses a user string as markup: text goes into text
//! nodes, attributes through `setAttribute`, properties through assignment.
//! The one remaining way for a string to run script is a URL whose scheme
//! executes (`javascript:`, `vbscript:`) or renders a document
//! (`data:text/html`) placed in an attribute that navigates or loads. Those
//! values are refused in `href`, `src`, `action`, `formaction`,
//! `xlink:href` and `data` (`<object>`'s URL; attributes and properties
//! alike): the attribute is left
//! unset and, in debug builds, a warning names it.
//!
//! The check mirrors how browsers read a scheme: leading spaces and control
//! characters are skipped, tabs and newlines anywhere are ignored, and
//! letters are compared without case, so `" JaVa\tScript:alert(1)"` is
//! caught too. The whole policy (script `data:` URLs, SVG animation
//! values, `on…` attributes, inert scripts, CSS) is documented on
//! [`TrustedUrl`], the public face of this module.
//!
//! The policy guards values computed at run time. A string literal the
//! author writes in `view!` (`<a href="javascript:void(0)">`,
//! `<input oninput="this.form.requestSubmit()">`) is their own source, as
//! markup in `index.html` would be, and is set as written, as Leptos 0.6
//! sets it.

use std::borrow::Cow;
use std::cell::RefCell;
use std::rc::{Rc, Weak};

use larkspur_reactive::{borrow_state, borrow_state_mut, Oco};

use crate::dom;

/// A URL the author vouches for: set as-is, even with a scheme the renderer
/// would otherwise refuse.
///
/// # URL policy
///
/// `href`, `src`, `action`, `formaction`, `xlink:href` and `data`
/// (`<object>`'s URL) refuse values whose scheme runs script or renders a
/// document (`javascript:`, `vbscript:`, `data:text/html`,
/// `data:image/svg+xml`, XML and XHTML `data:` URLs, and `data:` URLs of
/// script types such as `data:text/javascript`), read as browsers read a
/// scheme (case, leading controls and embedded tabs/newlines ignored). The
/// same check covers SVG animation values (`to`, `from`, `by`, each item
/// of `values`), which `<animate attributeName="href">` or `<set>` copy
/// into a link. A property value that is not a string (`prop:href` given a
/// `URL` object) is converted with `String(..)` once, checked, and assigned
/// as that string. Refused values leave the attribute unset, with a
/// warning in debug builds. A string literal written in `view!` is the
/// author's and is set as written.
///
/// As an [`Attribute`](crate::Attribute) a `TrustedUrl` is an ordinary
/// `Attribute::String` holding shared text (`Oco::Counted`), and the
/// renderer knows that text as trusted wherever the value is passed (a
/// spread, an `AttributeValue` prop, a closure returning it). The same
/// characters made any other way, including `as_nameless_value_string()`
/// turned into a `String`, are checked.
///
/// # Event handler attributes
///
/// An attribute named `on…` (`onclick`, `onerror`) holds JavaScript source;
/// setting one from a string computed at run time is refused (left unset,
/// debug warning), as React and Angular do. Use `on:click=…` with a Rust
/// closure. A literal in `view!` (`oninput="this.form.requestSubmit()"`)
/// is set as written; elsewhere an author who really wants inline handler
/// source wraps it in [`TrustedUrl::new`](TrustedUrl::new).
///
/// # Script and style policy
///
/// * Every `<script>` element the framework creates (`html::script()`, a
///   `<script>` in `view!`, `html::custom("script")`) is **inert**: it was
///   parsed as markup and is marked "already started", so neither a text
///   child, `prop:text`, nor a `src` makes it run. JSON-LD and other data
///   blocks work as before. A script the app really wants to run is added
///   with a plain web-sys call, where a reviewer sees it.
/// * `<style>` content is CSS, and user data inside it restyles the page
///   (it cannot run script in current browsers, but it can hide or fake
///   content and leak data through `url(..)` loads). The framework does not
///   parse or filter CSS: do not put user data into `<style>` children or
///   `style` attributes wholesale — bind single properties with
///   `style:name=…`, whose value the browser parses as one property value.
/// * `inner_html` is the one door for markup and is never checked: the
///   string is parsed as HTML, scripts in it do not run but `on…`
///   attributes and `javascript:` links do. Pass only markup you trust or
///   have sanitised.
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
    ["href", "src", "action", "formaction", "xlink:href", "data"]
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
/// assert!(is_dangerous_url("data:text/xml,<x:script xmlns:x='http://www.w3.org/1999/xhtml'/>"));
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
    // Documents a `data:` URL can render (with scripts of their own).
    let documents = [
        &b"text/html"[..],
        b"application/xhtml",
        b"image/svg+xml",
        b"text/xml",
        b"application/xml",
    ];
    p.starts_with(b"javascript:")
        || p.starts_with(b"vbscript:")
        || p.strip_prefix(b"data:").is_some_and(|mime| {
            documents.iter().any(|d| mime.starts_with(d)) || is_script_mime(mime)
        })
}

/// Whether the start of a `data:` URL's MIME type names a script type
/// (`text/javascript`, `application/x-javascript`, `text/ecmascript`,
/// `text/jscript`, `text/vbscript`, ...).
fn is_script_mime(mime: &[u8]) -> bool {
    let mime = match mime.iter().position(|&b| b == b',' || b == b';') {
        Some(end) => &mime[..end],
        None => mime,
    };
    [&b"javas"[..], b"ecmas", b"jscript", b"vbs", b"livescript"]
        .iter()
        .any(|needle| mime.windows(needle.len()).any(|w| w == *needle))
}

/// Whether an attribute carries an SVG animation value, which
/// `<animate>`/`<set>` may copy into an `href`.
pub(crate) fn is_animation_value_name(name: &str) -> bool {
    ["to", "from", "by", "values"]
        .iter()
        .any(|n| n.eq_ignore_ascii_case(name))
}

/// Whether an attribute name is an inline event handler (`onclick`, ...):
/// any `on…` name but `open` (of `<details>` and `<dialog>`), so handlers
/// added to browsers later are covered too.
pub(crate) fn is_event_handler_name(name: &str) -> bool {
    name.len() > 2
        && name.as_bytes()[..2].eq_ignore_ascii_case(b"on")
        && !name.eq_ignore_ascii_case("open")
}

/// Warns (debug builds) that an `on…` attribute given a string was refused.
pub(crate) fn refuse_event_handler_attribute(name: &str) {
    if cfg!(debug_assertions) {
        dom::console_warn(
            &[
                "larkspur: refused to set the `",
                name,
                "` attribute from a string: it would run as JavaScript. Use on:event with a closure",
            ]
            .concat(),
        );
    }
}

/// Whether `value` written under `name` would be a script-bearing URL.
fn is_dangerous_value(name: &str, value: &str) -> bool {
    if is_url_name(name) {
        is_dangerous_url(value)
    } else if is_animation_value_name(name) {
        value.split(';').any(is_dangerous_url)
    } else {
        false
    }
}

/// Returns whether `value` may be written under `name`; warns (debug builds)
/// when it may not.
pub(crate) fn allow_url(name: &str, value: &str) -> bool {
    if is_dangerous_value(name, value) {
        refuse_url(name, value);
        false
    } else {
        true
    }
}

/// Warns (debug builds) that an unsafe URL was refused.
fn refuse_url(name: &str, value: &str) {
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
}

/// Why the attribute checks refuse a text under a name.
#[derive(Clone, Copy)]
enum Refusal {
    /// `srcdoc`: parsed as a document.
    Markup,
    /// `on…`: run as JavaScript.
    Handler,
    /// A script-bearing URL.
    Url,
}

/// Why the attribute checks refuse `value` under `name`, before any
/// [`TrustedUrl`] is considered; `None` when they let it through.
fn refusal(name: &str, value: &str) -> Option<Refusal> {
    if is_markup_attribute(name) {
        Some(Refusal::Markup)
    } else if is_event_handler_name(name) {
        Some(Refusal::Handler)
    } else if is_dangerous_value(name, value) {
        Some(Refusal::Url)
    } else {
        None
    }
}

/// Whether the attribute checks refuse `value` under `name` (markup in
/// `srcdoc`, an inline `on…` handler, a script-bearing URL), before any
/// [`TrustedUrl`] is considered.
pub(crate) fn refuses(name: &str, value: &str) -> bool {
    refusal(name, value).is_some()
}

/// Returns whether an attribute's text may be written under `name`: not
/// markup (`srcdoc`), an inline handler (`on…`) or a script-bearing URL,
/// unless it came from a [`TrustedUrl`]. Warns (debug builds) when it may
/// not.
pub(crate) fn allow_attribute(name: &str, value: &Oco<'static, str>) -> bool {
    let Some(why) = refusal(name, value) else {
        return true;
    };
    if is_trusted(value) {
        return true;
    }
    match why {
        Refusal::Markup => refuse_markup_attribute(name),
        Refusal::Handler => refuse_event_handler_attribute(name),
        Refusal::Url => refuse_url(name, value),
    }
    false
}

/// The texts [`TrustedUrl`]s became attribute values as. An
/// [`Attribute`](crate::Attribute) has Leptos 0.6's four variants and no
/// room for a mark, so the mark is the shared allocation itself: a value is
/// trusted when it is one of these (not merely equal to one). Each `Weak`
/// keeps its allocation, so no other value can take its address while it
/// is listed.
struct Trusted {
    /// Sorted by address.
    entries: Vec<Weak<str>>,
    /// Entries left by the last sweep of dead ones: the next sweep waits
    /// until the list has doubled, so sweeping costs O(1) per value and
    /// dead entries (each keeping its text's allocation) never outnumber
    /// twice the most values alive at once.
    swept: usize,
}

larkspur_reactive::__local! {
    static TRUSTED: RefCell<Trusted> = const {
        RefCell::new(Trusted { entries: Vec::new(), swept: 0 })
    };
}

fn address(p: *const str) -> usize {
    p.cast::<u8>() as usize
}

/// Marks `url` as trusted for as long as an attribute value holds it.
pub(crate) fn trust(url: Cow<'static, str>) -> Rc<str> {
    let url: Rc<str> = url.into();
    let at = address(Rc::as_ptr(&url));
    TRUSTED.with(|t| {
        let mut t = borrow_state_mut(t);
        if t.entries.len() >= 2 * t.swept.max(8) {
            t.entries.retain(|w| w.strong_count() > 0);
            t.swept = t.entries.len();
        }
        let i = t.entries.partition_point(|w| address(w.as_ptr()) < at);
        t.entries.insert(i, Rc::downgrade(&url));
    });
    url
}

/// Whether `value` came from a [`TrustedUrl`] (see [`trust`]).
pub(crate) fn is_trusted(value: &Oco<'static, str>) -> bool {
    let Oco::Counted(rc) = value else {
        return false;
    };
    let at = address(Rc::as_ptr(rc));
    TRUSTED.with(|t| {
        (borrow_state(t).entries)
            .binary_search_by_key(&at, |w| address(w.as_ptr()))
            .is_ok()
    })
}

/// Whether two equal texts are the same value to the attribute checks:
/// either both or neither came from a [`TrustedUrl`].
pub(crate) fn same_trust(a: &Oco<'static, str>, b: &Oco<'static, str>) -> bool {
    !(matches!(a, Oco::Counted(_)) || matches!(b, Oco::Counted(_)))
        || is_trusted(a) == is_trusted(b)
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
                "` property (prop: or set_property); use .inner_html(..) for markup you trust",
            ]
            .concat(),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trust_is_the_allocation_not_the_text() {
        let kept: Vec<Rc<str>> = (0..50)
            .map(|i| trust(Cow::Owned(format!("javascript:{i}"))))
            .collect();
        for rc in &kept {
            assert!(is_trusted(&Oco::Counted(rc.clone())));
            // The same text made otherwise is not trusted.
            let copy: Rc<str> = Rc::from(&**rc);
            assert!(!is_trusted(&Oco::Counted(copy)));
            assert!(!is_trusted(&Oco::Owned(rc.to_string())));
        }
        // Many values made and dropped: dead entries are swept, the live
        // ones stay trusted.
        for i in 0..1_000 {
            drop(trust(Cow::Owned(format!("x{i}"))));
        }
        let listed = TRUSTED.with(|t| borrow_state(t).entries.len());
        assert!(listed <= 2 * kept.len() + 2, "{listed} entries");
        assert!(kept.iter().all(|rc| is_trusted(&Oco::Counted(rc.clone()))));
        let a = Oco::Counted(kept[0].clone());
        assert!(same_trust(&a, &a.clone()));
        assert!(!same_trust(&a, &Oco::Borrowed("javascript:0")));
        assert!(same_trust(&Oco::Borrowed("x"), &Oco::Owned("x".into())));
    }

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
            "data:text/javascript,alert(1)",
            "data:application/javascript;base64,YWxlcnQoMSk=",
            "data:application/x-javascript,alert(1)",
            "data:text/ecmascript,alert(1)",
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
            "data:text/plain,javascript",
            "",
        ] {
            assert!(!is_dangerous_url(url), "{url:?}");
        }
    }

    #[test]
    fn animation_values_and_handler_names() {
        assert!(is_dangerous_value("to", "javascript:alert(1)"));
        assert!(is_dangerous_value("values", "#a; javascript:alert(1)"));
        assert!(is_dangerous_value("FROM", "javascript:alert(1)"));
        assert!(!is_dangerous_value("values", "0;10;0"));
        assert!(!is_dangerous_value("to", "#icon"));
        assert!(is_event_handler_name("onclick"));
        assert!(is_event_handler_name("ONERROR"));
        assert!(!is_event_handler_name("on"));
        assert!(!is_event_handler_name("open"));
    }
}
