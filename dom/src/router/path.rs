//! Route patterns, matching and ranking: pure Rust, no DOM.
//!
//! A pattern is a `/`-separated list of segments: a static word (`users`),
//! a parameter (`:id`, matching one non-empty segment), an optional
//! parameter (`:tab?`) or a trailing wildcard (`*rest`, matching everything
//! left, possibly nothing). Matching ignores a trailing slash and repeated
//! slashes; it is case-sensitive, as URLs are.

use std::fmt;

use super::linear_map::LinearMap;

/// Warns on the console in debug builds in the browser; nothing otherwise.
pub(super) fn debug_warn(message: &str) {
    #[cfg(all(debug_assertions, target_arch = "wasm32"))]
    crate::dom::console_warn(message);
    #[cfg(not(all(debug_assertions, target_arch = "wasm32")))]
    let _ = message;
}

/// Parameters captured from a path or a query string, in order.
///
/// # Example
///
/// ```
/// use larkspur::router::ParamsMap;
///
/// let map = ParamsMap::from_query("?page=2&q=rust%20web");
/// assert_eq!(map.get("q"), Some(&"rust web".to_string()));
/// assert_eq!(map.get_str("q"), Some("rust web"));
/// assert_eq!(map.to_query_string(), "?page=2&q=rust%20web");
/// assert_eq!(map.get_parsed::<u32>("page"), Ok(2));
/// assert!(map.get_parsed::<u32>("q").is_err());
/// ```
///
/// As in Leptos 0.6, the map is a public wrapper around its pairs
/// (`map.0`, a [`LinearMap`]), in order.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct ParamsMap(pub LinearMap<String, String>);

impl fmt::Debug for ParamsMap {
    /// `ParamsMap({"id": "7"})`, as Leptos 0.6 prints it.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("ParamsMap").field(&self.0).finish()
    }
}

impl ParamsMap {
    /// An empty map.
    pub fn new() -> Self {
        Self::default()
    }

    /// An empty map with room for `capacity` values.
    pub fn with_capacity(capacity: usize) -> Self {
        ParamsMap(LinearMap::with_capacity(capacity))
    }

    /// Adds or replaces a value, returning the one it replaced. It takes
    /// `String`s, as in Leptos 0.6 (`map.insert("q".into(), "rust".into())`).
    pub fn insert(&mut self, key: String, value: String) -> Option<String> {
        self.0.insert(key, value)
    }

    /// The value for `key`, if present.
    /// Returns `Option<&String>` as Leptos 0.6 does; [`get_str`](Self::get_str)
    /// gives a `&str`.
    pub fn get(&self, key: &str) -> Option<&String> {
        self.0.get(key)
    }

    /// The value for `key` as a `&str`, if present.
    pub fn get_str(&self, key: &str) -> Option<&str> {
        self.get(key).map(String::as_str)
    }

    /// Every value stored for `key` (`None` if there is none). A key holds
    /// one value (a query string that repeats a key keeps the last one), so
    /// this is `get` as a vector, for code written against Leptos 0.7's
    /// multi-value maps.
    pub fn get_all(&self, key: &str) -> Option<Vec<String>> {
        self.get(key).map(|v| vec![v.clone()])
    }

    /// Removes `key`, returning its value.
    pub fn remove(&mut self, key: &str) -> Option<String> {
        self.0.remove(key)
    }

    /// The map as a query string with a leading `?` (empty for an empty
    /// map), percent-encoding what must be.
    pub fn to_query_string(&self) -> String {
        let mut out = String::new();
        for (i, (k, v)) in self.0.iter().enumerate() {
            out.push(if i == 0 { '?' } else { '&' });
            encode_into(&mut out, k);
            out.push('=');
            encode_into(&mut out, v);
        }
        out
    }

    /// The value for `key` parsed with [`FromStr`](std::str::FromStr); a
    /// missing key or a value that does not parse is a [`ParamsError`] that
    /// names the key and the value.
    pub fn get_parsed<T>(&self, key: &str) -> Result<T, ParamsError>
    where
        T: std::str::FromStr,
        T::Err: fmt::Display,
    {
        let raw = self
            .get_str(key)
            .ok_or_else(|| ParamsError::MissingParam(key.to_string()))?;
        raw.parse()
            .map_err(|e: T::Err| ParamsError::invalid(key, raw, e.to_string()))
    }

    /// Iterates over `(key, value)` pairs in order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &str)> {
        self.0.iter().map(|(k, v)| (k.as_str(), v.as_str()))
    }

    /// Whether the map holds no values.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The number of keys.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Parses a query string (`?a=1&b=two`, with or without the `?`),
    /// decoding `%XX` escapes and `+` as space. Malformed escapes are kept
    /// as written rather than rejected.
    ///
    /// A key given twice keeps its first position and its last value, as
    /// [`insert`](ParamsMap::insert) would. The parse is O(n log n) in the
    /// number of pairs whatever the keys: repeated keys are found through an
    /// ordered index, not by scanning or through a hash index a crafted URL
    /// could flood, so a hostile URL with tens of thousands of keys stays
    /// cheap.
    pub fn from_query(query: &str) -> Self {
        ParamsMap(parse_query(query))
    }
}

impl IntoIterator for ParamsMap {
    type Item = (String, String);
    type IntoIter = std::vec::IntoIter<(String, String)>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

impl FromIterator<(String, String)> for ParamsMap {
    fn from_iter<I: IntoIterator<Item = (String, String)>>(iter: I) -> Self {
        ParamsMap(iter.into_iter().collect())
    }
}

/// A [`ParamsMap`] from `key => value` pairs (Leptos 0.6's `params_map!`).
///
/// ```
/// use larkspur::router::ParamsMap;
/// let m: ParamsMap = larkspur::params_map! { "id" => "1", "tab" => String::from("posts") };
/// assert_eq!(m.get("id").map(String::as_str), Some("1"));
/// ```
#[macro_export]
macro_rules! params_map {
    ($($key:expr => $value:expr),* $(,)?) => {{
        #[allow(unused_mut)]
        let mut map = $crate::router::ParamsMap::new();
        $(map.insert(::std::string::ToString::to_string(&$key), ::std::string::ToString::to_string(&$value));)*
        map
    }};
}

/// The pairs of a query string; see [`ParamsMap::from_query`].
///
/// Repeated keys are found through an ordered index: O(log n) per pair for
/// any query. A hash index would be O(1) on average, but std's `HashMap`
/// keys are fixed on `wasm32-unknown-unknown` (no randomness source), so a
/// crafted URL could make every key collide.
fn parse_query(query: &str) -> LinearMap<String, String> {
    let mut pairs = LinearMap::new();
    let mut index: std::collections::BTreeMap<String, usize> = Default::default();
    for pair in query
        .trim_start_matches('?')
        .split('&')
        .filter(|p| !p.is_empty())
    {
        let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
        let (k, v) = (decode(k, true), decode(v, true));
        match index.get(&k) {
            Some(&i) => {
                if let Some(slot) = pairs.value_at_mut(i) {
                    *slot = v;
                }
            }
            None => {
                index.insert(k.clone(), pairs.len());
                pairs.push_unchecked(k, v);
            }
        }
    }
    pairs
}

/// Why a typed parameter could not be read; Leptos 0.6's variants.
///
/// ```
/// use larkspur::router::{ParamsError, ParamsMap};
///
/// let map = ParamsMap::from_query("?page=x");
/// assert_eq!(map.get_parsed::<u32>("id"), Err(ParamsError::MissingParam("id".into())));
/// let invalid = map.get_parsed::<u32>("page").unwrap_err();
/// assert!(matches!(invalid, ParamsError::Params(_)));
/// assert!(invalid.to_string().contains("`page` has value \"x\""));
/// ```
#[derive(Clone, Debug)]
pub enum ParamsError {
    /// The parameter is not in the path or query.
    MissingParam(String),
    /// The parameters could not be read: for Larkspur's own parsers an
    /// [`InvalidParam`] naming the key, the text found and why it is
    /// invalid.
    Params(std::sync::Arc<dyn std::error::Error + Send + Sync>),
}

/// Two errors are equal when they say the same (a memo of a typed
/// parameter then notifies only when its error changes).
impl PartialEq for ParamsError {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (ParamsError::MissingParam(a), ParamsError::MissingParam(b)) => a == b,
            (ParamsError::Params(a), ParamsError::Params(b)) => {
                std::sync::Arc::ptr_eq(a, b) || a.to_string() == b.to_string()
            }
            _ => false,
        }
    }
}

impl Eq for ParamsError {}

impl ParamsError {
    /// The error for parameter `key` whose text `value` did not parse.
    pub(crate) fn invalid(key: &str, value: &str, reason: String) -> Self {
        ParamsError::Params(std::sync::Arc::new(InvalidParam {
            key: key.to_string(),
            value: value.to_string(),
            reason,
        }))
    }
}

impl fmt::Display for ParamsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ParamsError::MissingParam(key) => write!(f, "missing URL parameter `{key}`"),
            ParamsError::Params(e) => fmt::Display::fmt(e, f),
        }
    }
}

impl std::error::Error for ParamsError {}

/// A parameter that is present but does not parse as the requested type
/// (inside [`ParamsError::Params`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InvalidParam {
    /// The parameter's name.
    pub key: String,
    /// The text found in the URL.
    pub value: String,
    /// The parser's message.
    pub reason: String,
}

impl fmt::Display for InvalidParam {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let InvalidParam { key, value, reason } = self;
        write!(
            f,
            "URL parameter `{key}` has value {value:?}, which is invalid: {reason}"
        )
    }
}

impl std::error::Error for InvalidParam {}

/// Types that can be read from a route's parameters, for
/// [`use_params`](super::use_params).
///
/// # Example
///
/// ```
/// use larkspur::router::{Params, ParamsError, ParamsMap};
///
/// struct UserParams { id: u32 }
///
/// impl Params for UserParams {
///     fn from_map(map: &ParamsMap) -> Result<Self, ParamsError> {
///         Ok(UserParams { id: map.get_parsed("id")? })
///     }
/// }
/// ```
pub trait Params: Sized {
    /// Reads `Self` from the captured parameters.
    fn from_map(map: &ParamsMap) -> Result<Self, ParamsError>;
}

/// Percent-encodes a query key or value (unreserved characters stay).
/// `search` (with or without its `?`) with `key` set to `value` (or
/// removed, with `None`), every other pair kept as written, repeated keys
/// and their order included: a write to one parameter never rewrites
/// another. The first pair of `key` takes the new value in place; later
/// pairs of `key` go. Returns the new search, with its `?` (empty when no
/// pair is left).
pub(crate) fn with_query_param(search: &str, key: &str, value: Option<&str>) -> String {
    let mut out = String::new();
    let mut done = false;
    let push = |out: &mut String, pair: &dyn Fn(&mut String)| {
        out.push(if out.is_empty() { '?' } else { '&' });
        pair(out);
    };
    let write_new = |out: &mut String| {
        if let Some(value) = value {
            encode_into(out, key);
            out.push('=');
            encode_into(out, value);
        }
    };
    for pair in search
        .trim_start_matches('?')
        .split('&')
        .filter(|p| !p.is_empty())
    {
        let k = pair.split_once('=').map_or(pair, |(k, _)| k);
        if decode(k, true) != key {
            push(&mut out, &|out| out.push_str(pair));
        } else if !done {
            done = true;
            if value.is_some() {
                push(&mut out, &write_new);
            }
        }
    }
    if !done && value.is_some() {
        push(&mut out, &write_new);
    }
    out
}

pub(crate) fn encode_into(out: &mut String, s: &str) {
    for b in s.bytes() {
        match b {
            // What `encodeURIComponent` leaves as it is (Leptos 0.6 writes
            // query strings with it).
            b'A'..=b'Z'
            | b'a'..=b'z'
            | b'0'..=b'9'
            | b'-'
            | b'_'
            | b'.'
            | b'~'
            | b'!'
            | b'*'
            | b'\''
            | b'('
            | b')' => out.push(b as char),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
}

/// Decodes `%XX` escapes (UTF-8), and `+` as a space when `plus_as_space`
/// (query strings only: in a path `+` is itself); invalid escapes stay
/// literal.
pub(crate) fn decode(s: &str, plus_as_space: bool) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' if plus_as_space => out.push(b' '),
            b'%' if i + 2 < bytes.len() => {
                // Exactly two hex digits: `u8::from_str_radix` alone would
                // also take a sign (`%+A` → newline, `%+0` → NUL).
                match (hex_digit(bytes[i + 1]), hex_digit(bytes[i + 2])) {
                    (Some(hi), Some(lo)) => {
                        out.push(hi << 4 | lo);
                        i += 2;
                    }
                    _ => out.push(b'%'),
                }
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8(out).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

fn hex_digit(b: u8) -> Option<u8> {
    match b {
        b'0'..=b'9' => Some(b - b'0'),
        b'a'..=b'f' => Some(b - b'a' + 10),
        b'A'..=b'F' => Some(b - b'A' + 10),
        _ => None,
    }
}

/// Whether a path segment equals a static pattern segment, comparing
/// decoded forms: a click passes the browser's encoded pathname
/// (`/caf%C3%A9`) while `navigate` may pass it as written (`/café`).
fn static_eq(part: &str, segment: &str) -> bool {
    if part == segment {
        return true;
    }
    if !part.contains('%') && !segment.contains('%') {
        return false;
    }
    decode(part, false) == decode(segment, false)
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum Segment {
    Static(String),
    Param(String),
    OptionalParam(String),
    Wildcard(String),
}

/// What a [`Matcher`] found: the part of the location its pattern covered
/// and the parameters it captured (Leptos 0.6's `PathMatch`).
#[doc(hidden)]
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PathMatch {
    /// The matched part of the location, `/`-joined (`/users/3`).
    pub path: String,
    /// The `:name` and `*name` captures, as they appear in the location.
    pub params: ParamsMap,
}

/// One route pattern without optional segments, tested against locations
/// as Leptos 0.6's `leptos_router::Matcher` does: segment by segment (empty
/// segments skipped, a trailing `/` counted as one empty segment), captured
/// parameters decoded, and with `partial` (or a trailing `/*name`) a
/// location may go on past the pattern. Routes themselves match through
/// [`PathPattern`].
///
/// ```
/// use larkspur::router::Matcher;
///
/// let m = Matcher::new("/users/:id");
/// let found = m.test("/users/3").unwrap();
/// assert_eq!(found.path, "/users/3");
/// assert_eq!(found.params.get_str("id"), Some("3"));
/// assert!(m.test("/users/3/posts").is_none());
/// assert_eq!(Matcher::new_with_partial("/users", true).test("/users/3").unwrap().path, "/users");
/// let splat = Matcher::new("/files/*rest").test("/files/a/b").unwrap();
/// assert_eq!(splat.params.get_str("rest"), Some("a/b"));
/// ```
#[doc(hidden)]
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Matcher {
    segments: Vec<String>,
    /// `Some(name)` after a `/*name` (the name may be empty).
    splat: Option<String>,
    partial: bool,
}

/// A location's or pattern's segments as 0.6's matcher counts them: the
/// non-empty ones, plus one empty segment for a trailing `/` after them.
fn matcher_segments(path: &str) -> Vec<&str> {
    let mut segments: Vec<&str> = split(path).collect();
    if !segments.is_empty() && path.ends_with('/') {
        segments.push("");
    }
    segments
}

impl Matcher {
    /// A matcher for the whole location.
    pub fn new(path: &str) -> Self {
        Self::new_with_partial(path, false)
    }

    /// A matcher that, with `partial`, also matches a location that goes
    /// on past the pattern (a parent route's prefix).
    pub fn new_with_partial(path: &str, partial: bool) -> Self {
        let (pattern, splat) = match path.split_once("/*") {
            Some((pattern, name)) => (pattern, Some(name.to_string())),
            None => (path, None),
        };
        Matcher {
            segments: matcher_segments(pattern)
                .into_iter()
                .map(str::to_string)
                .collect(),
            splat,
            partial,
        }
    }

    /// The match of `location` (a path without query or fragment), if any.
    pub fn test(&self, location: &str) -> Option<PathMatch> {
        let parts = matcher_segments(location);
        let extra = parts.len().checked_sub(self.segments.len())?;
        let trailing = location.len() - location.trim_end_matches('/').len();
        if self.splat.is_none() && ((extra > 0 && !self.partial) || trailing > 1) {
            return None;
        }
        let mut found = PathMatch {
            path: String::new(),
            params: ParamsMap::new(),
        };
        for (segment, part) in self.segments.iter().zip(&parts) {
            match segment.strip_prefix(':') {
                Some(name) => {
                    found.params.insert(name.to_string(), decode(part, false));
                }
                None if segment != part => return None,
                None => {}
            }
            found.path.push('/');
            found.path.push_str(part);
        }
        if let Some(name) = self.splat.as_ref().filter(|n| !n.is_empty()) {
            let rest = parts.get(self.segments.len()..).unwrap_or_default();
            // The slashes past the first of a run at the end stay with it.
            let mut value = rest.join("/");
            value.push_str(&"/".repeat(trailing.saturating_sub(1)));
            found.params.insert(name.clone(), value);
        }
        Some(found)
    }
}

/// A compiled route pattern such as `/users/:id/*rest`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PathPattern {
    segments: Vec<Segment>,
}

fn split(path: &str) -> impl Iterator<Item = &str> {
    path.split('/').filter(|s| !s.is_empty())
}

/// Whether `segments` match `parts` exactly, pushing the captured
/// parameters (decoded) to `out`. An optional parameter takes the next
/// part if the rest then matches, and is left out otherwise, so it may be
/// absent anywhere in a pattern (`/:lang?/about` matches `/about`), as
/// Leptos 0.6's expansion of optional segments allows. The backtracking is
/// bounded by the pattern: two tries per optional segment.
fn match_segments(segments: &[Segment], parts: &[&str], out: &mut ParamsMap) -> bool {
    let Some((segment, rest)) = segments.split_first() else {
        return parts.is_empty();
    };
    let first = parts.first();
    let tail = parts.get(1..).unwrap_or_default();
    match segment {
        Segment::Static(s) => {
            first.is_some_and(|p| static_eq(p, s)) && match_segments(rest, tail, out)
        }
        Segment::Param(name) | Segment::OptionalParam(name) => {
            if let Some(part) = first {
                let mark = out.0.len();
                out.insert(name.clone(), decode(part, false));
                if match_segments(rest, tail, out) {
                    return true;
                }
                out.0.truncate(mark);
            }
            matches!(segment, Segment::OptionalParam(_)) && match_segments(rest, parts, out)
        }
        Segment::Wildcard(name) => {
            if !name.is_empty() {
                out.insert(name.clone(), decode(&parts.join("/"), false));
            }
            true
        }
    }
}

impl PathPattern {
    /// Compiles a pattern. A wildcard anywhere but last is treated as a
    /// static segment (with a debug warning), so a typo never panics.
    pub fn new(pattern: &str) -> Self {
        Self::parse(pattern, None)
    }

    /// Expansion `n` of `pattern`'s optional parameters, as Leptos 0.6
    /// expands them before it ranks routes; `None` past the last one. Each
    /// run of consecutive optional parameters is cut short at every point,
    /// the first run varying fastest: `/search/:q?` is `/search` (0) and
    /// then `/search/:q` (1), each ranked on its own, so an explicit
    /// `/search` declared first wins over the shorter one.
    pub(super) fn expansion(pattern: &str, n: usize) -> Option<Self> {
        let mut n = n;
        let expansion = Self::parse(pattern, Some(&mut n));
        // What is left of `n` past the last run: there is no such expansion.
        (n == 0).then_some(expansion)
    }

    /// [`new`](Self::new), or with `choice`, one expansion (see
    /// [`expansion`](Self::expansion)), using up `choice` run by run (what
    /// is left says the expansion does not exist): one parser for both, so
    /// the expansion costs little code in every routed app.
    fn parse(pattern: &str, mut choice: Option<&mut usize>) -> Self {
        let is_optional = |part: &str| part.starts_with(':') && part.ends_with('?');
        let parts: Vec<&str> = split(pattern).collect();
        let last = parts.len().saturating_sub(1);
        let mut segments = Vec::with_capacity(parts.len());
        // How many optional parameters of the current run to keep.
        let mut keep = 0;
        for (i, part) in parts.iter().enumerate() {
            let segment = if let Some(name) = part.strip_prefix(':') {
                match (name.strip_suffix('?'), choice.as_mut()) {
                    (Some(name), Some(n)) => {
                        if i == 0 || parts.get(i - 1).is_none_or(|p| !is_optional(p)) {
                            let run = parts.iter().skip(i).take_while(|p| is_optional(p)).count();
                            keep = **n % (run + 1);
                            **n /= run + 1;
                        }
                        if keep == 0 {
                            continue;
                        }
                        keep -= 1;
                        Segment::Param(name.to_string())
                    }
                    (Some(name), None) => Segment::OptionalParam(name.to_string()),
                    (None, _) => Segment::Param(name.to_string()),
                }
            } else if let Some(name) = part.strip_prefix('*') {
                if i == last {
                    Segment::Wildcard(name.to_string())
                } else {
                    // Formatted in debug builds only: release builds keep no
                    // `Debug` formatting machinery for a warning they drop.
                    if cfg!(debug_assertions) {
                        debug_warn(&format!(
                            "route pattern {pattern:?}: `*{name}` is only special as the \
                             last segment"
                        ));
                    }
                    Segment::Static(part.to_string())
                }
            } else {
                Segment::Static(part.to_string())
            };
            segments.push(segment);
        }
        Self { segments }
    }

    /// Joins a parent pattern and a child pattern (nested routes).
    pub fn join(&self, child: &PathPattern) -> PathPattern {
        let mut segments = self.segments.clone();
        if matches!(segments.last(), Some(Segment::Wildcard(_))) {
            segments.pop();
        }
        segments.extend(child.segments.iter().cloned());
        PathPattern { segments }
    }

    /// Matches a whole path, returning the captured parameters.
    ///
    /// ```
    /// use larkspur::router::PathPattern;
    ///
    /// let p = PathPattern::new("/users/:id");
    /// assert_eq!(p.matches("/users/7").unwrap().get_str("id"), Some("7"));
    /// assert!(p.matches("/users").is_none());
    /// ```
    pub fn matches(&self, path: &str) -> Option<ParamsMap> {
        let parts: Vec<&str> = split(path).collect();
        let mut params = ParamsMap::new();
        match_segments(&self.segments, &parts, &mut params).then_some(params)
    }

    /// Specificity score, as Leptos 0.6 ranks routes: each segment that
    /// must be present counts 1, plus 3 for a static segment and 2 for a
    /// parameter; a trailing wildcard takes 1 off. Higher matches first;
    /// `<Routes>` breaks ties by declaration order.
    ///
    /// ```
    /// use larkspur::router::PathPattern;
    ///
    /// assert_eq!(PathPattern::new("/users/:id").score(), 7);
    /// assert_eq!(PathPattern::new("/users/:id/*rest").score(), 6);
    /// assert_eq!(PathPattern::new("/*any").score(), -1);
    /// ```
    pub fn score(&self) -> i32 {
        let wildcard = i32::from(self.has_wildcard());
        self.segments.iter().fold(-wildcard, |score, s| {
            score
                + match s {
                    Segment::Static(_) => 4,
                    Segment::Param(_) | Segment::OptionalParam(_) => 3,
                    Segment::Wildcard(_) => 0,
                }
        })
    }

    fn has_wildcard(&self) -> bool {
        matches!(self.segments.last(), Some(Segment::Wildcard(_)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_0_6_matcher_counts_segments_as_0_6_15_does() {
        let m = Matcher::new("/users/:id");
        assert!(m.test("/users").is_none());
        assert!(
            m.test("/users/3/").is_none(),
            "a trailing slash is a segment"
        );
        assert!(m.test("/posts/3").is_none());
        assert!(m.test("//users//3").is_some(), "empty segments are skipped");
        let found = m.test("/users/a%20b").unwrap();
        assert_eq!(found.params.get_str("id"), Some("a b"));
        let slash = Matcher::new("/users/:id/");
        assert!(slash.test("/users/3/").is_some());
        assert!(slash.test("/users/3").is_none());
        let root = Matcher::new("/");
        assert_eq!(root.test("/").map(|m| m.path), Some(String::new()));
        assert!(root.test("").is_some());
        assert!(root.test("//").is_none(), "two trailing slashes");
        let partial = Matcher::new_with_partial("/users/:id", true);
        let found = partial.test("/users/3/posts/9").unwrap();
        assert_eq!(found.path, "/users/3");
        assert_eq!(found.params.len(), 1);
        let unnamed = Matcher::new("/files/*").test("/files/a/b").unwrap();
        assert_eq!(unnamed.params.len(), 0);
        let named = Matcher::new("/files/*rest");
        let rest = |path: &str| {
            named
                .test(path)
                .unwrap()
                .params
                .get_str("rest")
                .map(String::from)
        };
        assert_eq!(rest("/files").as_deref(), Some(""));
        assert_eq!(rest("/files/a//").as_deref(), Some("a//"));
        let any = Matcher::new("/*any").test("/x/y").unwrap();
        assert_eq!(any.params.get_str("any"), Some("x/y"));
    }

    #[test]
    fn a_query_write_keeps_every_other_pair_as_written() {
        let s = "?tag=a&tag=b&page=1&x=%20y";
        assert_eq!(
            with_query_param(s, "page", Some("2")),
            "?tag=a&tag=b&page=2&x=%20y"
        );
        assert_eq!(with_query_param(s, "page", None), "?tag=a&tag=b&x=%20y");
        assert_eq!(
            with_query_param(s, "new", Some("a b")),
            "?tag=a&tag=b&page=1&x=%20y&new=a%20b"
        );
        assert_eq!(
            with_query_param("?tag=a&p=1&tag=b", "tag", Some("c")),
            "?tag=c&p=1"
        );
        assert_eq!(with_query_param("?only=1", "only", None), "");
        assert_eq!(with_query_param("", "k", Some("v")), "?k=v");
    }

    #[test]
    fn static_and_root() {
        assert!(PathPattern::new("").matches("/").is_some());
        assert!(PathPattern::new("/").matches("").is_some());
        assert!(PathPattern::new("/about").matches("/about/").is_some());
        assert!(PathPattern::new("/about").matches("/About").is_none());
        assert!(PathPattern::new("/about").matches("/about/x").is_none());
    }

    #[test]
    fn optional_params_may_be_absent_anywhere() {
        let p = PathPattern::new("/:lang?/about");
        assert_eq!(p.matches("/about").unwrap().get_str("lang"), None);
        assert_eq!(p.matches("/en/about").unwrap().get_str("lang"), Some("en"));
        assert!(p.matches("/en").is_none());
        assert!(p.matches("/en/fr/about").is_none());
        let q = PathPattern::new("/foo/:x?/:y?/:z");
        let m = q.matches("/foo/1").unwrap();
        assert_eq!((m.get_str("x"), m.get_str("z")), (None, Some("1")));
        let m = q.matches("/foo/1/2").unwrap();
        assert_eq!(
            (m.get_str("x"), m.get_str("y"), m.get_str("z")),
            (Some("1"), None, Some("2"))
        );
        let m = q.matches("/foo/1/2/3").unwrap();
        assert_eq!(
            (m.get_str("x"), m.get_str("y"), m.get_str("z")),
            (Some("1"), Some("2"), Some("3"))
        );
        assert!(q.matches("/foo").is_none());
        // A failed try leaves no parameter behind.
        let r = PathPattern::new("/:a?/x/:b?/y");
        let m = r.matches("/x/q/y").unwrap();
        assert_eq!((m.get_str("a"), m.get_str("b")), (None, Some("q")));
        let w = PathPattern::new("/:x?/*rest");
        let m = w.matches("/a/b").unwrap();
        assert_eq!((m.get_str("x"), m.get_str("rest")), (Some("a"), Some("b")));
    }

    #[test]
    fn params_optional_and_wildcards() {
        let p = PathPattern::new("/users/:id/:tab?");
        assert_eq!(p.matches("/users/7").unwrap().get_str("tab"), None);
        assert_eq!(
            p.matches("/users/7/posts").unwrap().get_str("tab"),
            Some("posts")
        );
        let w = PathPattern::new("/files/*path");
        assert_eq!(
            w.matches("/files/a/b%20c").unwrap().get_str("path"),
            Some("a/b c")
        );
        assert_eq!(w.matches("/files").unwrap().get_str("path"), Some(""));
        // `+` is literal in a path, a space only in a query string.
        let tag = PathPattern::new("/tags/:tag");
        assert_eq!(
            tag.matches("/tags/c++").unwrap().get_str("tag"),
            Some("c++")
        );
        assert_eq!(ParamsMap::from_query("q=c++").get_str("q"), Some("c  "));
        // A misplaced wildcard is literal, not a panic.
        assert!(PathPattern::new("/*x/y").matches("/*x/y").is_some());
    }

    #[test]
    fn ranking_prefers_static() {
        let s = PathPattern::new("/users/new").score();
        let p = PathPattern::new("/users/:id").score();
        let w = PathPattern::new("/*any").score();
        assert!(s > p && p > w, "{s} {p} {w}");
        // The root beats a catch-all, whatever the declaration order.
        assert!(PathPattern::new("/").score() > w);
        assert!(PathPattern::new("").score() > w);
        // An exact route beats a wildcard that would match it with nothing,
        // however long the path.
        let rest = PathPattern::new("/users/:id/*rest").score();
        assert!(p > rest, "{p} {rest}");
        assert!(rest > PathPattern::new("/users/*rest").score());
        let exact = PathPattern::new("/org/:org/repo/:repo").score();
        let files = PathPattern::new("/org/:org/repo/:repo/*path").score();
        assert_eq!((exact, files), (14, 13));
        let deep = PathPattern::new("/a/b/c/d/e/f/g/h/i/j/k/l");
        assert!(deep.score() > PathPattern::new("/a/b/c/d/e/f/g/h/i/j/k/l/*x").score());
        // Leptos 0.6's sums: a static segment after a parameter ties with
        // one before it (declaration order decides).
        assert_eq!(
            PathPattern::new("/a/:b/c").score(),
            PathPattern::new("/a/b/:c").score()
        );
    }

    #[test]
    fn optionals_expand_as_in_leptos_0_6() {
        let shown = |p: &str| {
            (0..)
                .map_while(|n| PathPattern::expansion(p, n))
                .map(|e| {
                    let parts: Vec<String> = (e.segments.iter())
                        .map(|s| match s {
                            Segment::Static(x) => x.clone(),
                            Segment::Param(x) => format!(":{x}"),
                            Segment::OptionalParam(x) => format!(":{x}?"),
                            Segment::Wildcard(x) => format!("*{x}"),
                        })
                        .collect();
                    parts.join("/")
                })
                .collect::<Vec<_>>()
        };
        assert_eq!(shown("/search/:q?"), ["search", "search/:q"]);
        assert_eq!(shown("/a/:b?/:c?"), ["a", "a/:b", "a/:b/:c"]);
        assert_eq!(shown("/:lang?/about"), ["about", ":lang/about"]);
        assert_eq!(shown("/:x?/y/:z?"), ["y", ":x/y", "y/:z", ":x/y/:z"]);
        assert_eq!(shown("/plain/:id/*rest"), ["plain/:id/*rest"]);
        assert_eq!(shown(""), [""]);
        // Nine separate optional parameters: 512 expansions.
        let many = "/:a?/x/:b?/x/:c?/x/:d?/x/:e?/x/:f?/x/:g?/x/:h?/x/:i?";
        assert!(PathPattern::expansion(many, 511).is_some());
        assert!(PathPattern::expansion(many, 512).is_none());
        assert!(PathPattern::new(many).matches("/x/x/x/x/x/x/x/x").is_some());
    }

    #[test]
    fn nested_join() {
        let parent = PathPattern::new("/users");
        let child = PathPattern::new(":id");
        assert_eq!(parent.join(&child), PathPattern::new("/users/:id"));
    }

    #[test]
    fn escapes_take_exactly_two_hex_digits() {
        assert_eq!(decode("%+A", false), "%+A");
        assert_eq!(decode("%+0", false), "%+0");
        assert_eq!(decode("%-1", false), "%-1");
        assert_eq!(decode("%41%4a%4A", false), "AJJ");
        assert_eq!(ParamsMap::from_query("x=%+A").get_str("x"), Some("% A"));
    }

    #[test]
    fn repeated_keys_keep_their_first_position_and_last_value() {
        let map = ParamsMap::from_query("?a=1&b=2&a=3&c=4&b=5&a=6&d&c");
        let pairs: Vec<(&str, &str)> = map.iter().collect();
        assert_eq!(pairs, [("a", "6"), ("b", "5"), ("c", ""), ("d", "")]);
        // Keys that decode to the same text are the same key.
        let map = ParamsMap::from_query("x%20y=1&x+y=2&z=3");
        let pairs: Vec<(&str, &str)> = map.iter().collect();
        assert_eq!(pairs, [("x y", "2"), ("z", "3")]);
    }

    #[test]
    fn forty_thousand_keys_parse_and_look_up_right() {
        // Linear: quadratic insertion took about a second for 40k keys.
        let query: String = (0..40_000)
            .map(|i| format!("key{i}=value%20{}&", i * 3))
            .chain(std::iter::once("key7=again".to_string()))
            .collect();
        let map = ParamsMap::from_query(&format!("?{query}"));
        // Comparing in order: linear, not a lookup per key.
        let same = ParamsMap::from_query(&format!("?{query}"));
        assert_eq!(map, same);

        assert_eq!(map.get_str("key39999"), Some("value 119997"));
        assert_eq!(map.get_str("key0"), Some("value 0"));
        assert_eq!(map.get_str("key7"), Some("again"), "the last value wins");
        assert_eq!(map.get_str("key40000"), None);
        assert_eq!(map.iter().count(), 40_000);
        assert_eq!(
            map.iter().nth(7),
            Some(("key7", "again")),
            "first position kept"
        );
        assert!(map.get_parsed::<u32>("key7").is_err());
    }

    #[test]
    fn a_parsed_map_changes_and_compares_like_a_built_one() {
        let mut map = ParamsMap::from_query("a=1&b=2");
        assert_eq!(map.insert("c".into(), "3".into()), None);
        assert_eq!(map.to_query_string(), "?a=1&b=2&c=3");
        assert_ne!(map, ParamsMap::from_query("a=1&b=2"));
        assert_eq!(map, ParamsMap::from_query("?a=1&b=2&c=3"));
        assert_eq!(map.remove("a"), Some("1".into()));
        assert_eq!(map, ParamsMap::from_query("b=2&c=3"));
        // Different text, same pairs: equal.
        assert_eq!(ParamsMap::from_query("?x=1"), ParamsMap::from_query("x=1&"));
        let mut built = ParamsMap::new();
        built.insert("x".into(), "1".into());
        assert_eq!(built, ParamsMap::from_query("x=1"));
        assert_eq!(format!("{:?}", built), r#"ParamsMap({"x": "1"})"#);
        assert!(ParamsMap::from_query("?").is_empty());
        // The pairs are public, as Leptos 0.6's `ParamsMap(pub LinearMap)`.
        let pairs: Vec<(String, String)> = built.0.into_iter().collect();
        assert_eq!(pairs, [("x".to_string(), "1".to_string())]);
        let collected: ParamsMap = ParamsMap::from_query("a=1&b=2").into_iter().collect();
        assert_eq!(collected.len(), 2);
    }

    #[test]
    fn static_segments_compare_decoded() {
        let p = PathPattern::new("/café");
        assert!(p.matches("/café").is_some());
        assert!(p.matches("/caf%C3%A9").is_some());
        assert!(p.matches("/caf%c3%a9").is_some());
        assert!(PathPattern::new("/caf%C3%A9").matches("/café").is_some());
        assert!(p.matches("/cafe").is_none());
    }

    #[test]
    fn query_decoding_and_typed_errors() {
        let q = ParamsMap::from_query("a=1&b=%E2%9C%93&c=%zz&d");
        assert_eq!(q.get_str("b"), Some("✓"));
        assert_eq!(q.get_str("c"), Some("%zz"));
        assert_eq!(q.get_str("d"), Some(""));
        let err = q.get_parsed::<u8>("c").unwrap_err();
        assert!(err.to_string().contains("`c`") && err.to_string().contains("%zz"));
        assert_eq!(
            q.get_parsed::<u8>("x"),
            Err(ParamsError::MissingParam("x".into()))
        );
    }
}
