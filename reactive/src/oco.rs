//! [`Oco`]: a string (or slice) that is borrowed for `'static`, shared
//! behind an `Rc`, or owned — cheap to clone in the first two forms.

use std::borrow::{Borrow, Cow};
use std::fmt;
use std::hash::{Hash, Hasher};
use std::ops::Deref;
use std::rc::Rc;

/// "Owned, clone once": a value that is borrowed, reference-counted or
/// owned. Cloning a borrowed or counted `Oco` copies a pointer; cloning an
/// owned one copies the value, and [`upgrade_inplace`](Oco::upgrade_inplace)
/// turns it into a counted one first so later clones are cheap. Props take
/// `Oco<'static, str>` to accept `&'static str`, `String` or `Rc<str>`
/// without copying the first and the last.
///
/// ```
/// use larkspur_reactive::Oco;
/// let fixed: Oco<'static, str> = "hello".into();
/// let built: Oco<'static, str> = format!("{fixed}, world").into();
/// assert_eq!(built, "hello, world");
/// assert!(fixed.is_borrowed() && built.is_owned());
/// assert_eq!(built.len(), 12); // derefs to `str`
/// ```
pub enum Oco<'a, T: ?Sized + ToOwned + 'a> {
    /// A borrowed value.
    Borrowed(&'a T),
    /// A shared value.
    Counted(Rc<T>),
    /// An owned value.
    Owned(<T as ToOwned>::Owned),
}

impl<T: ?Sized + ToOwned> Oco<'_, T> {
    /// Whether this is [`Oco::Borrowed`].
    ///
    /// ```
    /// use larkspur_reactive::Oco;
    /// assert!(Oco::<str>::Borrowed("a").is_borrowed());
    /// ```
    pub const fn is_borrowed(&self) -> bool {
        matches!(self, Oco::Borrowed(_))
    }

    /// Whether this is [`Oco::Counted`].
    ///
    /// ```
    /// use larkspur_reactive::Oco;
    /// use std::rc::Rc;
    /// assert!(Oco::<str>::from(Rc::<str>::from("a")).is_counted());
    /// ```
    pub const fn is_counted(&self) -> bool {
        matches!(self, Oco::Counted(_))
    }

    /// Whether this is [`Oco::Owned`].
    ///
    /// ```
    /// use larkspur_reactive::Oco;
    /// assert!(Oco::<str>::from(String::from("a")).is_owned());
    /// ```
    pub const fn is_owned(&self) -> bool {
        matches!(self, Oco::Owned(_))
    }

    /// The value as an owned one (a copy unless it was owned).
    ///
    /// ```
    /// use larkspur_reactive::Oco;
    /// let s: String = Oco::<str>::Borrowed("a").into_owned();
    /// assert_eq!(s, "a");
    /// ```
    pub fn into_owned(self) -> <T as ToOwned>::Owned {
        match self {
            Oco::Borrowed(v) => v.to_owned(),
            Oco::Counted(v) => (*v).to_owned(),
            Oco::Owned(v) => v,
        }
    }
}

impl<T: ?Sized + ToOwned> Deref for Oco<'_, T> {
    type Target = T;

    fn deref(&self) -> &T {
        match self {
            Oco::Borrowed(v) => v,
            Oco::Counted(v) => v,
            Oco::Owned(v) => v.borrow(),
        }
    }
}

impl<T: ?Sized + ToOwned> Borrow<T> for Oco<'_, T> {
    fn borrow(&self) -> &T {
        self
    }
}

impl<T: ?Sized + ToOwned> AsRef<T> for Oco<'_, T> {
    fn as_ref(&self) -> &T {
        self
    }
}

impl Oco<'_, str> {
    /// The string.
    ///
    /// ```
    /// use larkspur_reactive::Oco;
    /// assert_eq!(Oco::<str>::from("a").as_str(), "a");
    /// ```
    pub fn as_str(&self) -> &str {
        self
    }

    /// Turns an owned string into a counted one, so that clones share it.
    ///
    /// ```
    /// use larkspur_reactive::Oco;
    /// let mut s: Oco<'static, str> = String::from("shared").into();
    /// s.upgrade_inplace();
    /// let t = s.clone();
    /// assert!(s.is_counted() && t.is_counted());
    /// ```
    pub fn upgrade_inplace(&mut self) {
        if let Oco::Owned(s) = self {
            let shared: Rc<str> = Rc::from(std::mem::take(s));
            *self = Oco::Counted(shared);
        }
    }

    /// A clone that shares the string: an owned string is first turned
    /// into a counted one (see [`upgrade_inplace`](Oco::upgrade_inplace)).
    ///
    /// ```
    /// use larkspur_reactive::Oco;
    /// let mut s: Oco<'static, str> = String::from("x").into();
    /// let t = s.clone_inplace();
    /// assert!(s.is_counted() && t.is_counted());
    /// ```
    pub fn clone_inplace(&mut self) -> Self {
        self.upgrade_inplace();
        self.clone()
    }
}

impl<T: ?Sized + ToOwned> Clone for Oco<'_, T>
where
    <T as ToOwned>::Owned: Clone,
{
    fn clone(&self) -> Self {
        match self {
            Oco::Borrowed(v) => Oco::Borrowed(v),
            Oco::Counted(v) => Oco::Counted(v.clone()),
            Oco::Owned(v) => Oco::Owned(v.clone()),
        }
    }
}

impl<T: ?Sized + ToOwned> Default for Oco<'_, T>
where
    <T as ToOwned>::Owned: Default,
{
    fn default() -> Self {
        Oco::Owned(Default::default())
    }
}

impl<T: ?Sized + ToOwned + fmt::Debug> fmt::Debug for Oco<'_, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&**self, f)
    }
}

impl<T: ?Sized + ToOwned + fmt::Display> fmt::Display for Oco<'_, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&**self, f)
    }
}

impl<'b, A: ?Sized + ToOwned + PartialEq<B>, B: ?Sized + ToOwned> PartialEq<Oco<'b, B>>
    for Oco<'_, A>
{
    fn eq(&self, other: &Oco<'b, B>) -> bool {
        **self == **other
    }
}

impl<T: ?Sized + ToOwned + Eq> Eq for Oco<'_, T> {}

impl<T: ?Sized + ToOwned + PartialOrd> PartialOrd for Oco<'_, T> {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        (**self).partial_cmp(&**other)
    }
}

impl<T: ?Sized + ToOwned + Ord> Ord for Oco<'_, T> {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        (**self).cmp(&**other)
    }
}

/// `oco + "text"`: a new owned string (as `oco_ref`'s `Oco` adds).
impl std::ops::Add<&str> for Oco<'_, str> {
    type Output = Oco<'static, str>;

    fn add(self, rhs: &str) -> Self::Output {
        let mut s = String::with_capacity(self.len() + rhs.len());
        s.push_str(&self);
        s.push_str(rhs);
        Oco::Owned(s)
    }
}

impl std::ops::Add<std::borrow::Cow<'_, str>> for Oco<'_, str> {
    type Output = Oco<'static, str>;

    fn add(self, rhs: std::borrow::Cow<'_, str>) -> Self::Output {
        self + &*rhs
    }
}

impl std::ops::Add<Oco<'_, str>> for Oco<'_, str> {
    type Output = Oco<'static, str>;

    fn add(self, rhs: Oco<'_, str>) -> Self::Output {
        self + &*rhs
    }
}

/// Joins strings: `parts.into_iter().collect::<String>()`.
impl<'a> FromIterator<Oco<'a, str>> for String {
    fn from_iter<I: IntoIterator<Item = Oco<'a, str>>>(iter: I) -> Self {
        let mut s = String::new();
        for part in iter {
            s.push_str(&part);
        }
        s
    }
}

impl<T: ?Sized + ToOwned + Hash> Hash for Oco<'_, T> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        (**self).hash(state)
    }
}

impl PartialEq<str> for Oco<'_, str> {
    fn eq(&self, other: &str) -> bool {
        &**self == other
    }
}

impl PartialEq<&str> for Oco<'_, str> {
    fn eq(&self, other: &&str) -> bool {
        &**self == *other
    }
}

impl PartialEq<String> for Oco<'_, str> {
    fn eq(&self, other: &String) -> bool {
        &**self == other.as_str()
    }
}

impl PartialEq<Oco<'_, str>> for str {
    fn eq(&self, other: &Oco<'_, str>) -> bool {
        self == &**other
    }
}

impl PartialEq<Oco<'_, str>> for &str {
    fn eq(&self, other: &Oco<'_, str>) -> bool {
        *self == &**other
    }
}

impl PartialEq<Oco<'_, str>> for String {
    fn eq(&self, other: &Oco<'_, str>) -> bool {
        self.as_str() == &**other
    }
}

impl PartialEq<std::borrow::Cow<'_, str>> for Oco<'_, str> {
    fn eq(&self, other: &std::borrow::Cow<'_, str>) -> bool {
        **self == **other
    }
}

impl PartialEq<Oco<'_, str>> for std::borrow::Cow<'_, str> {
    fn eq(&self, other: &Oco<'_, str>) -> bool {
        **self == **other
    }
}

impl<'a> From<&'a str> for Oco<'a, str> {
    fn from(v: &'a str) -> Self {
        Oco::Borrowed(v)
    }
}

/// A borrowed `String` as its text: `&*NAME` of a `static NAME: LazyLock<String>`
/// passes where a `&'static str` name is taken.
impl<'a> From<&'a String> for Oco<'a, str> {
    fn from(v: &'a String) -> Self {
        Oco::Borrowed(v.as_str())
    }
}

impl From<String> for Oco<'_, str> {
    fn from(v: String) -> Self {
        Oco::Owned(v)
    }
}

impl From<Rc<str>> for Oco<'_, str> {
    fn from(v: Rc<str>) -> Self {
        Oco::Counted(v)
    }
}

impl From<Box<str>> for Oco<'_, str> {
    fn from(v: Box<str>) -> Self {
        Oco::Counted(Rc::from(v))
    }
}

impl<'a> From<Cow<'a, str>> for Oco<'a, str> {
    fn from(v: Cow<'a, str>) -> Self {
        match v {
            Cow::Borrowed(s) => Oco::Borrowed(s),
            Cow::Owned(s) => Oco::Owned(s),
        }
    }
}

impl<'a> From<Oco<'a, str>> for String {
    fn from(v: Oco<'a, str>) -> Self {
        v.into_owned()
    }
}

impl<'a> From<Oco<'a, str>> for Rc<str> {
    fn from(v: Oco<'a, str>) -> Self {
        match v {
            Oco::Counted(v) => v,
            other => Rc::from(&*other),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Oco;
    use std::collections::HashSet;
    use std::rc::Rc;

    #[test]
    fn every_form_compares_hashes_and_reads_as_its_text() {
        let forms: [Oco<'static, str>; 3] = [
            "abc".into(),
            Rc::<str>::from("abc").into(),
            String::from("abc").into(),
        ];
        for a in &forms {
            for b in &forms {
                assert_eq!(a, b);
            }
            assert_eq!(a, "abc");
            assert_eq!(a.to_string(), "abc");
            assert_eq!(format!("{a:?}"), "\"abc\"");
        }
        let set: HashSet<Oco<'static, str>> = forms.into_iter().collect();
        assert_eq!(set.len(), 1);
    }

    #[test]
    fn counted_clones_share_and_owned_ones_copy() {
        let counted: Oco<'static, str> = Rc::<str>::from("x").into();
        let Oco::Counted(rc) = counted.clone() else {
            panic!("a counted clone stays counted")
        };
        assert_eq!(Rc::strong_count(&rc), 2);
        let owned: Oco<'static, str> = String::from("y").into();
        assert!(owned.clone().is_owned());
        assert_eq!(String::from(owned), "y");
        assert_eq!(Oco::<str>::default(), "");
    }
}
