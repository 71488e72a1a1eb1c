//! [`Url`]: a URL split into its parts (Leptos 0.6's `leptos_router::Url`).

use super::location::split_url;
use super::path::{decode, encode_into, ParamsMap};

/// A URL split into origin, path, query and fragment, with the query parsed.
///
/// `Url::try_from` takes an absolute URL (`https://example.com/a?b=1#c`) or
/// a path (`/a?b=1`, `a`, `?b=1`). Leptos 0.6 parses with the browser's
/// `URL` against the placeholder origin `http://leptos`; Larkspur parses in
/// Rust, the same in the browser and in native tests, and a path has an
/// empty `origin`. The path is kept as written (dot segments are not
/// resolved), with a leading `/` added where it lacks one.
///
/// ```
/// use larkspur::router::Url;
///
/// let url = Url::try_from("https://example.com:8080/users/7?tab=posts&q=a%20b#top").unwrap();
/// assert_eq!(url.origin, "https://example.com:8080");
/// assert_eq!(url.pathname, "/users/7");
/// assert_eq!(url.search, "?tab=posts&q=a%20b");
/// assert_eq!(url.search_params.get_str("q"), Some("a b"));
/// assert_eq!(url.hash, "#top");
///
/// let path = Url::try_from("/settings?dark=1").unwrap();
/// assert_eq!((path.origin.as_str(), path.pathname.as_str()), ("", "/settings"));
/// assert!(Url::try_from("https://").is_err());
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Url {
    /// `scheme://host[:port]`, or empty for a path.
    pub origin: String,
    /// The path, starting with `/`.
    pub pathname: String,
    /// The query string with its `?`, or empty.
    pub search: String,
    /// The query, parsed.
    pub search_params: ParamsMap,
    /// The fragment with its `#`, or empty.
    pub hash: String,
}

impl TryFrom<&str> for Url {
    type Error = String;

    fn try_from(url: &str) -> Result<Self, String> {
        let url = url.trim();
        let (origin, rest) = match scheme_end(url) {
            Some(end) => {
                let after = &url[end + 3..];
                let host_end = after.find(['/', '?', '#']).unwrap_or(after.len());
                if host_end == 0 {
                    return Err(format!("invalid URL {url:?}: no host after the scheme"));
                }
                (url[..end + 3 + host_end].to_string(), &after[host_end..])
            }
            None => (String::new(), url),
        };
        let parts = split_url(rest);
        // A bare `?` or `#` is no query or fragment, as the browser's `URL`
        // reports them.
        let search = if parts.search == "?" {
            String::new()
        } else {
            parts.search
        };
        let hash = if parts.hash == "#" {
            String::new()
        } else {
            parts.hash
        };
        Ok(Url {
            origin,
            pathname: parts.pathname,
            search_params: ParamsMap::from_query(&search),
            search,
            hash,
        })
    }
}

impl TryFrom<String> for Url {
    type Error = String;

    fn try_from(url: String) -> Result<Self, String> {
        Url::try_from(url.as_str())
    }
}

/// Where `scheme://` starts its `://`, if `url` begins with a scheme
/// (a letter, then letters, digits, `+`, `-` or `.`).
fn scheme_end(url: &str) -> Option<usize> {
    let end = url.find("://")?;
    let scheme = &url[..end];
    let mut chars = scheme.chars();
    let first_ok = chars.next().is_some_and(|c| c.is_ascii_alphabetic());
    (first_ok && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.')))
        .then_some(end)
}

/// Percent-encodes `s` for a URL query or path segment: everything but
/// ASCII letters, digits and `-_.~` (Leptos 0.6's `leptos_router::escape`).
///
/// ```
/// assert_eq!(larkspur::router::escape("a b&c=ü"), "a%20b%26c%3D%C3%BC");
/// ```
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    encode_into(&mut out, s);
    out
}

/// Decodes `%XX` escapes and `+` as a space (Leptos 0.6's
/// `leptos_router::unescape`); malformed escapes stay as written.
///
/// ```
/// assert_eq!(larkspur::router::unescape("a%20b+c%zz"), "a b c%zz");
/// ```
pub fn unescape(s: &str) -> String {
    decode(s, true)
}
