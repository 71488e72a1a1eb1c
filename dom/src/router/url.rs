//! [`Url`]: a URL split into its parts (Leptos 0.6's `leptos_router::Url`).

use super::location::split_url;
use super::path::ParamsMap;

/// A URL split into origin, path, query and fragment, with the query parsed.
///
/// `Url::try_from` takes an absolute URL (`https://example.com/a?b=1#c`) or
/// a path (`/a?b=1`, `a`, `?b=1`). As in Leptos 0.6, `search` is the query
/// without its `?` and `hash` keeps its `#`. Leptos 0.6 parses with the
/// browser's `URL` against the placeholder origin `http://leptos`;
/// Larkspur parses in Rust, the same in the browser and in native tests,
/// and a path has an empty `origin`. The path is kept as written (dot
/// segments are not resolved), with a leading `/` added where it lacks
/// one.
///
/// ```
/// use larkspur::router::Url;
///
/// let url = Url::try_from("https://example.com:8080/users/7?tab=posts&q=a%20b#top").unwrap();
/// assert_eq!(url.origin, "https://example.com:8080");
/// assert_eq!(url.pathname, "/users/7");
/// assert_eq!(url.search, "tab=posts&q=a%20b");
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
    /// The query string without its `?`, or empty.
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
        // Without its `?` (as Leptos 0.6 reports it); a bare `#` is no
        // fragment, as the browser's `URL` reports it.
        let search = parts.search.trim_start_matches('?').to_string();
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

/// Percent-encodes `s` as JavaScript's `encodeURIComponent` does (Leptos
/// 0.6's `leptos_router::escape`): everything but ASCII letters, digits and
/// `-_.!~*'()`, so the result can go into one path segment or query value
/// (`/`, `?`, `&`, `=` and `#` in it are encoded too).
///
/// ```
/// assert_eq!(larkspur::router::escape("a b/c?q=ü&x#top"), "a%20b%2Fc%3Fq%3D%C3%BC%26x%23top");
/// ```
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.!~*'()".contains(&b) {
            out.push(b as char);
        } else {
            out.push('%');
            out.push(char::from(b"0123456789ABCDEF"[usize::from(b >> 4)]));
            out.push(char::from(b"0123456789ABCDEF"[usize::from(b & 15)]));
        }
    }
    out
}

/// Decodes every `%XX` escape as JavaScript's `decodeURIComponent` does
/// (Leptos 0.6's `leptos_router::unescape`, which the router applies to
/// path parameters); `+` stays a `+`. Malformed escapes and bytes that are
/// not UTF-8 are kept as written (or replaced by `U+FFFD`) where
/// `decodeURIComponent` would throw (and 0.6 panic).
///
/// ```
/// assert_eq!(larkspur::router::unescape("a%20b+c%2Fd%zz"), "a b+c/d%zz");
/// ```
pub fn unescape(s: &str) -> String {
    super::path::decode(s, false)
}

/// Decodes `%XX` escapes as JavaScript's `decodeURI` does (Leptos 0.6's
/// `leptos_router::unescape_minimal`): escapes of the characters that give
/// a URL its structure (`;/?:@&=+$,#`) stay as written, `+` stays a `+`.
/// Malformed escapes and bytes that are not UTF-8 are kept as written (or
/// replaced by `U+FFFD`) where `decodeURI` would throw.
///
/// ```
/// assert_eq!(larkspur::router::unescape_minimal("a%20b+c%2Fd%zz"), "a b+c%2Fd%zz");
/// ```
pub fn unescape_minimal(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b == b'%' && i + 2 < bytes.len() {
            let hex = |c: u8| (c as char).to_digit(16);
            if let (Some(hi), Some(lo)) = (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                let v = (hi * 16 + lo) as u8;
                if !b";/?:@&=+$,#".contains(&v) {
                    out.push(v);
                    i += 3;
                    continue;
                }
            }
        }
        out.push(b);
        i += 1;
    }
    String::from_utf8(out).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}
