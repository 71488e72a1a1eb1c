//! [`IntoView`]: everything that can be a child — strings, numbers, `()`,
//! options, collections, tuples, closures (dynamic) and signals (reactive).

use larkspur_reactive::__signal_traits::*;
use std::borrow::Cow;

use larkspur_reactive::{
    create_view_effect, MaybeProp, MaybeSignal, Memo, ReadSignal, RwSignal, Signal,
};

use super::{dynamic_in_place, dynamic_view, text_view, View};
use crate::dom::{self, Text};

/// Converts a value into a [`View`].
///
/// Implemented for [`View`], `&'static str`, `String`, `&String`,
/// `Cow<'static, str>`, `char`, `bool`, every number type, `()` (nothing),
/// `Option<V>`, `Vec<V>`, arrays and tuples (up to 12) of views, closures
/// `Fn() -> V` (a dynamic child), and signals/memos of views (reactive
/// text). Elements, components and fragments implement it too.
///
/// # Example
///
/// ```no_run
/// use larkspur::*;
///
/// let (name, set_name) = create_signal(String::from("Ada"));
/// let views: Vec<View> = vec![
///     "static text".into_view(),
///     42.into_view(),
///     name.into_view(),                       // updates when `name` changes
///     (move || name().len()).into_view(),     // a closure is a dynamic child
///     None::<&str>.into_view(),               // nothing
/// ];
/// set_name("Grace".to_string());
/// ```
pub trait IntoView {
    /// Builds the view (creating its DOM nodes and effects now).
    fn into_view(self) -> View;

    /// What a dynamic child does with this value: plain text can be patched
    /// into the previous text node instead of replacing it.
    #[doc(hidden)]
    fn into_content(self) -> Content
    where
        Self: Sized,
    {
        Content::View(self.into_view())
    }

    /// Fills a text placeholder that `view!` left in a template (a text
    /// node already in its parent): text is written into it, dynamic text
    /// keeps patching it, anything else replaces it.
    #[doc(hidden)]
    fn fill_text(self, placeholder: Text)
    where
        Self: Sized,
    {
        fill_with_content(self.into_content(), &placeholder);
    }

    /// For types whose view is always plain text: how to write a value into
    /// a text node. A closure or signal returning such a type is kept up
    /// to date by one render effect that rewrites a single text node,
    /// without the general dynamic-range machinery.
    #[doc(hidden)]
    fn text_writer() -> Option<fn(Self, &Text)>
    where
        Self: Sized,
    {
        None
    }
}

/// A dynamic child whose values are always text: `update` writes the
/// current value into `node`, now and whenever what it reads changes.
fn text_effect(node: Text, update: impl Fn(&Text) + 'static) {
    create_view_effect(move |_: Option<()>| update(&node));
}

/// Writes a value of a text-only type (one with a
/// [`text_writer`](IntoView::text_writer)) into `node`.
fn write_text<V: IntoView>(value: V, node: &Text) {
    if let Some(write) = V::text_writer() {
        write(value, node);
    }
}

/// The view of a dynamic text child: a fresh text node and its effect.
fn dynamic_text(update: impl Fn(&Text) + 'static) -> View {
    let node = dom::create_text("");
    text_effect(node.clone(), update);
    View::Text(node.into())
}

/// Writes `content` into a placeholder text node, or replaces the node.
pub(crate) fn fill_with_content(content: Content, placeholder: &Text) {
    match content {
        Content::Text(s) => dom::set_text(placeholder, &s),
        Content::View(view) => replace_placeholder(&view, placeholder),
    }
}

fn replace_placeholder(view: &View, placeholder: &Text) {
    let Some(parent) = dom::parent_node(placeholder) else {
        return;
    };
    match view {
        View::Text(t) => dom::replace_child(&parent, t, placeholder),
        View::Element(e) => dom::replace_child(&parent, e, placeholder),
        _ => {
            view.mount(&parent, Some(placeholder));
            dom::remove_node(placeholder);
        }
    }
}

/// The result of one run of a dynamic child: text (patchable in place) or a
/// built view.
#[doc(hidden)]
pub enum Content {
    /// Plain text.
    Text(Cow<'static, str>),
    /// Any other view.
    View(View),
}

impl Content {
    pub(crate) fn into_view_now(self) -> View {
        match self {
            Content::Text(s) => text_view(&s),
            Content::View(v) => v,
        }
    }
}

impl IntoView for View {
    fn into_view(self) -> View {
        self
    }
}

impl IntoView for Content {
    fn into_view(self) -> View {
        self.into_view_now()
    }
    fn into_content(self) -> Content {
        self
    }
}

impl IntoView for () {
    fn into_view(self) -> View {
        View::Empty
    }
}

impl IntoView for &'static str {
    fn into_view(self) -> View {
        text_view(self)
    }
    fn fill_text(self, placeholder: Text) {
        dom::set_text(&placeholder, self);
    }
    fn into_content(self) -> Content {
        Content::Text(Cow::Borrowed(self))
    }
    fn text_writer() -> Option<fn(Self, &Text)> {
        Some(|s, node| dom::set_text(node, s))
    }
}

impl IntoView for String {
    fn into_view(self) -> View {
        text_view(&self)
    }
    fn fill_text(self, placeholder: Text) {
        dom::set_text(&placeholder, &self);
    }
    fn into_content(self) -> Content {
        Content::Text(Cow::Owned(self))
    }
    fn text_writer() -> Option<fn(Self, &Text)> {
        Some(|s, node| dom::set_text(node, &s))
    }
}

impl IntoView for &String {
    fn into_view(self) -> View {
        text_view(self)
    }
    fn fill_text(self, placeholder: Text) {
        dom::set_text(&placeholder, self);
    }
    fn into_content(self) -> Content {
        Content::Text(Cow::Owned(self.clone()))
    }
}

impl IntoView for Cow<'static, str> {
    fn into_view(self) -> View {
        text_view(&self)
    }
    fn into_content(self) -> Content {
        Content::Text(self)
    }
    fn text_writer() -> Option<fn(Self, &Text)> {
        Some(|s, node| dom::set_text(node, &s))
    }
}

impl IntoView for std::rc::Rc<str> {
    fn into_view(self) -> View {
        text_view(&self)
    }
    fn fill_text(self, placeholder: Text) {
        dom::set_text(&placeholder, &self);
    }
    fn text_writer() -> Option<fn(Self, &Text)> {
        Some(|s, node| dom::set_text(node, &s))
    }
}

impl IntoView for larkspur_reactive::Oco<'static, str> {
    fn into_view(self) -> View {
        text_view(&self)
    }
    fn fill_text(self, placeholder: Text) {
        dom::set_text(&placeholder, &self);
    }
    fn into_content(self) -> Content {
        Content::Text(match self {
            larkspur_reactive::Oco::Borrowed(s) => Cow::Borrowed(s),
            other => Cow::Owned(other.into_owned()),
        })
    }
    fn text_writer() -> Option<fn(Self, &Text)> {
        Some(|s, node| dom::set_text(node, &s))
    }
}

impl IntoView for char {
    fn into_view(self) -> View {
        text_view(self.encode_utf8(&mut [0; 4]))
    }
    fn into_content(self) -> Content {
        Content::Text(Cow::Owned(self.to_string()))
    }
    fn text_writer() -> Option<fn(Self, &Text)> {
        Some(|c, node| dom::set_text(node, c.encode_utf8(&mut [0; 4])))
    }
}

impl IntoView for bool {
    fn into_view(self) -> View {
        text_view(bool_text(self))
    }
    fn into_content(self) -> Content {
        Content::Text(Cow::Borrowed(bool_text(self)))
    }
    fn text_writer() -> Option<fn(Self, &Text)> {
        Some(|b, node| dom::set_text(node, bool_text(b)))
    }
}

fn bool_text(b: bool) -> &'static str {
    if b {
        "true"
    } else {
        "false"
    }
}

/// Writes an integer into a text node: as a JS number (no string crossing)
/// when it is exact in an `f64`, as text otherwise.
fn fill_int(placeholder: &Text, negative: bool, n: u64) {
    if n < (1 << 53) {
        let v = n as f64;
        dom::set_text_number(placeholder, if negative { -v } else { v });
    } else {
        dom::set_text(placeholder, &int_text(negative, n));
    }
}

/// Formats an integer without the `core::fmt` machinery (smaller wasm).
pub(crate) fn int_text(negative: bool, mut n: u64) -> String {
    // Digits from the right; `u64::MAX` has 20. Iterators, not indexing:
    // no bounds-check panic sites.
    let mut buf = [0u8; 20];
    let mut len = 0;
    for digit in buf.iter_mut().rev() {
        *digit = b'0' + (n % 10) as u8;
        len += 1;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    let mut text = String::with_capacity(len + 1);
    if negative {
        text.push('-');
    }
    text.extend(buf.iter().skip(buf.len() - len).map(|&b| char::from(b)));
    text
}

macro_rules! unsigned_views {
    ($($t:ty)*) => {$(
        impl IntoView for $t {
            fn into_view(self) -> View {
                text_view(&int_text(false, self as u64))
            }
            fn into_content(self) -> Content {
                Content::Text(Cow::Owned(int_text(false, self as u64)))
            }
            fn fill_text(self, placeholder: Text) {
                fill_int(&placeholder, false, self as u64);
            }
            fn text_writer() -> Option<fn(Self, &Text)> {
                Some(|n, node| fill_int(node, false, n as u64))
            }
        }
    )*};
}

macro_rules! signed_views {
    ($($t:ty)*) => {$(
        impl IntoView for $t {
            fn into_view(self) -> View {
                text_view(&int_text(self < 0, (self as i64).unsigned_abs()))
            }
            fn into_content(self) -> Content {
                Content::Text(Cow::Owned(int_text(self < 0, (self as i64).unsigned_abs())))
            }
            fn fill_text(self, placeholder: Text) {
                fill_int(&placeholder, self < 0, (self as i64).unsigned_abs());
            }
            fn text_writer() -> Option<fn(Self, &Text)> {
                Some(|n, node| fill_int(node, n < 0, (n as i64).unsigned_abs()))
            }
        }
    )*};
}

macro_rules! display_views {
    ($($t:ty)*) => {$(
        impl IntoView for $t {
            fn into_view(self) -> View {
                text_view(&self.to_string())
            }
            fn into_content(self) -> Content {
                Content::Text(Cow::Owned(self.to_string()))
            }
            fn text_writer() -> Option<fn(Self, &Text)> {
                Some(|v, node| dom::set_text(node, &v.to_string()))
            }
        }
    )*};
}

unsigned_views!(u8 u16 u32 u64 usize);
signed_views!(i8 i16 i32 i64 isize);
display_views!(u128 i128 f32 f64);

impl<V: IntoView> IntoView for Option<V> {
    fn into_view(self) -> View {
        match self {
            Some(v) => v.into_view(),
            None => View::Empty,
        }
    }
    fn into_content(self) -> Content {
        match self {
            Some(v) => v.into_content(),
            None => Content::View(View::Empty),
        }
    }
    fn fill_text(self, placeholder: Text) {
        match self {
            Some(v) => v.fill_text(placeholder),
            None => dom::remove_node(&placeholder),
        }
    }
}

impl<V: IntoView> IntoView for Vec<V> {
    fn into_view(self) -> View {
        View::Fragment(self.into_iter().map(IntoView::into_view).collect())
    }
}

impl<V: IntoView, const N: usize> IntoView for [V; N] {
    fn into_view(self) -> View {
        View::Fragment(self.into_iter().map(IntoView::into_view).collect())
    }
}

macro_rules! tuple_views {
    ($($name:ident)+) => {
        impl<$($name: IntoView),+> IntoView for ($($name,)+) {
            #[allow(non_snake_case)]
            fn into_view(self) -> View {
                let ($($name,)+) = self;
                View::Fragment(std::rc::Rc::from([$($name.into_view()),+]))
            }
        }
    };
}

tuple_views!(A);
tuple_views!(A B);
tuple_views!(A B C);
tuple_views!(A B C D);
tuple_views!(A B C D E);
tuple_views!(A B C D E F);
tuple_views!(A B C D E F G);
tuple_views!(A B C D E F G H);
tuple_views!(A B C D E F G H I);
tuple_views!(A B C D E F G H I J);
tuple_views!(A B C D E F G H I J K);
tuple_views!(A B C D E F G H I J K L);

/// A closure is a dynamic child: one render effect between markers.
impl<F, V> IntoView for F
where
    F: Fn() -> V + 'static,
    V: IntoView,
{
    fn into_view(self) -> View {
        // The writer is looked up again inside the effect: capturing the
        // `fn(V, …)` pointer would require `V: 'static`.
        if V::text_writer().is_some() {
            dynamic_text(move |node| write_text(self(), node))
        } else {
            dynamic_view(Box::new(move || self().into_content()))
        }
    }
    fn fill_text(self, placeholder: Text) {
        if V::text_writer().is_some() {
            text_effect(placeholder, move |node| write_text(self(), node));
        } else {
            dynamic_in_place(Box::new(move || self().into_content()), placeholder);
        }
    }
}

/// A shared view function (`ChildrenFn`, say, held in a `#[slot]` or a
/// struct) placed as a child: a dynamic child, as a closure is.
impl<N: IntoView + 'static> IntoView for std::rc::Rc<dyn Fn() -> N> {
    fn into_view(self) -> View {
        (move || self()).into_view()
    }
}

/// A view already built, placed again (its nodes move).
impl IntoView for &View {
    fn into_view(self) -> View {
        self.clone()
    }
}

impl IntoView for &crate::Fragment {
    fn into_view(self) -> View {
        self.clone().into_view()
    }
}

/// `format_args!(..)`, as text.
impl IntoView for std::fmt::Arguments<'_> {
    fn into_view(self) -> View {
        match self.as_str() {
            Some(s) => s.into_view(),
            None => self.to_string().into_view(),
        }
    }
}

macro_rules! signal_views {
    ($($s:ident)*) => {$(
        impl<T: IntoView + Clone + 'static> IntoView for $s<T> {
            fn into_view(self) -> View {
                if T::text_writer().is_some() {
                    dynamic_text(move |node| write_text(self.get(), node))
                } else {
                    dynamic_view(Box::new(move || self.get().into_content()))
                }
            }
            fn fill_text(self, placeholder: Text) {
                if T::text_writer().is_some() {
                    text_effect(placeholder, move |node| write_text(self.get(), node));
                } else {
                    dynamic_in_place(Box::new(move || self.get().into_content()), placeholder);
                }
            }
        }
    )*};
}

signal_views!(ReadSignal RwSignal Memo Signal MaybeSignal);

/// An optional prop renders as its `Option`: nothing while it is `None`.
impl<T: IntoView + Clone + 'static> IntoView for MaybeProp<T> {
    fn into_view(self) -> View {
        dynamic_view(Box::new(move || self.get().into_content()))
    }
}

/// A resource renders as its value, as in Leptos 0.6: nothing while it
/// loads (under a `<Suspense>`, it registers with it as `get` does).
impl<S: Clone + 'static, T: IntoView + Clone + 'static> IntoView for crate::Resource<S, T> {
    fn into_view(self) -> View {
        dynamic_view(Box::new(move || self.get().into_content()))
    }
}

/// A text prop renders as its text, kept up to date when it comes from a
/// closure.
impl IntoView for larkspur_reactive::TextProp {
    fn into_view(self) -> View {
        (move || self.get()).into_view()
    }
}

#[cfg(test)]
mod tests {
    use super::int_text;

    #[test]
    fn int_text_writes_every_digit_and_the_sign() {
        assert_eq!(int_text(false, 0), "0");
        assert_eq!(int_text(true, 7), "-7");
        assert_eq!(int_text(false, 1_000_000), "1000000");
        assert_eq!(int_text(false, u64::MAX), "18446744073709551615");
        assert_eq!(
            int_text(true, i64::MIN.unsigned_abs()),
            "-9223372036854775808"
        );
        for n in [9u64, 10, 99, 100, 12_345_678_901_234_567_890] {
            assert_eq!(int_text(false, n), n.to_string());
        }
    }
}
