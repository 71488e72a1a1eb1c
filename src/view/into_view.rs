//! [`IntoView`]: everything that can be a child — strings, numbers, `()`,
//! options, collections, tuples, closures (dynamic) and signals (reactive).

use std::borrow::Cow;

use larkspur_reactive::{MaybeSignal, Memo, ReadSignal, RwSignal, Signal};

use super::{dynamic_view, text_view, View};

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
    fn into_content(self) -> Content {
        Content::Text(Cow::Borrowed(self))
    }
}

impl IntoView for String {
    fn into_view(self) -> View {
        text_view(&self)
    }
    fn into_content(self) -> Content {
        Content::Text(Cow::Owned(self))
    }
}

impl IntoView for &String {
    fn into_view(self) -> View {
        text_view(self)
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
}

impl IntoView for std::rc::Rc<str> {
    fn into_view(self) -> View {
        text_view(&self)
    }
}

impl IntoView for char {
    fn into_view(self) -> View {
        text_view(self.encode_utf8(&mut [0; 4]))
    }
    fn into_content(self) -> Content {
        Content::Text(Cow::Owned(self.to_string()))
    }
}

impl IntoView for bool {
    fn into_view(self) -> View {
        text_view(bool_text(self))
    }
    fn into_content(self) -> Content {
        Content::Text(Cow::Borrowed(bool_text(self)))
    }
}

fn bool_text(b: bool) -> &'static str {
    if b {
        "true"
    } else {
        "false"
    }
}

/// Formats an integer without the `core::fmt` machinery (smaller wasm).
pub(crate) fn int_text(negative: bool, mut n: u64) -> String {
    let mut buf = [0u8; 21];
    let mut i = buf.len();
    loop {
        i -= 1;
        buf[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    if negative {
        i -= 1;
        buf[i] = b'-';
    }
    buf[i..].iter().map(|&b| b as char).collect()
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
        dynamic_view(Box::new(move || self().into_content()))
    }
}

macro_rules! signal_views {
    ($($s:ident)*) => {$(
        impl<T: IntoView + Clone + 'static> IntoView for $s<T> {
            fn into_view(self) -> View {
                dynamic_view(Box::new(move || self.get().into_content()))
            }
        }
    )*};
}

signal_views!(ReadSignal RwSignal Memo Signal MaybeSignal);
