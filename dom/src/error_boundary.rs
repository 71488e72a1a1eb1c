//! [`ErrorBoundary`]: views that render a `Result`, and a fallback while any
//! of them is an `Err`.
//!
//! `Result<V, E>` is a view: `Ok` renders `V`, `Err` renders nothing and
//! reports the error to the nearest boundary (found as a context). The
//! report is withdrawn by an `on_cleanup` of the owner that rendered it, so
//! when that view is replaced (a dynamic child re-runs with `Ok`) or
//! disposed, the error goes away by itself. The boundary builds its
//! children once and shows either them or the fallback, switching when
//! "any errors?" flips.

use larkspur_reactive::__signal_traits::*;
use std::borrow::Cow;
use std::cell::Cell;
use std::fmt;
use std::rc::Rc;

use larkspur_reactive::{
    create_memo, create_rw_signal, on_cleanup, provide_context, use_context, Owner, RwSignal,
};

use crate::components::{Children, Props};
use crate::control::MissingChildren;
use crate::view::{Content, DynChild, IntoView, View};

/// An error rendered by a view: any `std::error::Error`, shared.
///
/// ```
/// use larkspur::Error;
/// let error: Error = "x".parse::<i32>().unwrap_err().into();
/// assert_eq!(error.to_string(), "invalid digit found in string");
/// ```
#[derive(Clone)]
pub struct Error(Rc<dyn std::error::Error>);

impl<E: std::error::Error + 'static> From<E> for Error {
    fn from(error: E) -> Self {
        Error(Rc::new(error))
    }
}

impl Error {
    /// The error inside (Leptos 0.6's `into_inner`; an `Rc` here, where
    /// 0.6 has an `Arc`): downcast it to the type that was reported.
    ///
    /// ```
    /// use larkspur::Error;
    /// let error = Error::from("x".parse::<u8>().unwrap_err());
    /// let inner = error.into_inner();
    /// assert!(inner.downcast_ref::<std::num::ParseIntError>().is_some());
    /// ```
    pub fn into_inner(self) -> Rc<dyn std::error::Error> {
        self.0
    }
}

impl std::ops::Deref for Error {
    type Target = dyn std::error::Error;
    fn deref(&self) -> &Self::Target {
        &*self.0
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0, f)
    }
}

impl fmt::Debug for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.0, f)
    }
}

/// Names one error in [`Errors`].
///
/// ```
/// use larkspur::ErrorKey;
/// let key: ErrorKey = "parse".into();
/// assert_eq!(key.to_string(), "parse");
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ErrorKey(Cow<'static, str>);

impl From<&'static str> for ErrorKey {
    fn from(key: &'static str) -> Self {
        ErrorKey(Cow::Borrowed(key))
    }
}

impl From<String> for ErrorKey {
    fn from(key: String) -> Self {
        ErrorKey(Cow::Owned(key))
    }
}

impl From<Cow<'static, str>> for ErrorKey {
    fn from(key: Cow<'static, str>) -> Self {
        ErrorKey(key)
    }
}

impl fmt::Display for ErrorKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The errors currently reported to an [`ErrorBoundary`], in the order they
/// were reported.
///
/// ```
/// use larkspur::{Errors, Error};
/// let mut errors = Errors::default();
/// errors.insert("a".into(), Error::from(std::fmt::Error));
/// assert_eq!(errors.len(), 1);
/// for (key, error) in &errors {
///     println!("{key}: {error}");
/// }
/// ```
#[derive(Clone, Debug, Default)]
pub struct Errors(Vec<(ErrorKey, Error)>);

impl Errors {
    /// Whether there are no errors.
    ///
    /// ```
    /// assert!(larkspur::Errors::default().is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// How many errors there are.
    ///
    /// ```
    /// assert_eq!(larkspur::Errors::default().len(), 0);
    /// ```
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Adds an error, replacing one with the same key.
    ///
    /// ```
    /// use larkspur::{Errors, Error};
    /// let mut errors = Errors::default();
    /// errors.insert("a".into(), Error::from(std::fmt::Error));
    /// errors.insert("a".into(), Error::from(std::fmt::Error));
    /// assert_eq!(errors.len(), 1);
    /// ```
    pub fn insert(&mut self, key: ErrorKey, error: impl Into<Error>) {
        let error = error.into();
        match self.0.iter_mut().find(|(k, _)| *k == key) {
            Some(entry) => entry.1 = error,
            None => self.0.push((key, error)),
        }
    }

    /// Adds an error under the default (empty) key, replacing the error
    /// last added that way, as Leptos 0.6 does (a router fallback that
    /// reports "not found" to an `ErrorBoundary`, say).
    ///
    /// ```
    /// use larkspur::{Errors, Error};
    /// let mut errors = Errors::default();
    /// errors.insert_with_default_key(std::fmt::Error);
    /// assert_eq!(errors.len(), 1);
    /// ```
    pub fn insert_with_default_key(&mut self, error: impl Into<Error>) {
        self.insert(ErrorKey::default(), error);
    }

    /// Removes and returns the error with this key.
    ///
    /// ```
    /// use larkspur::{Errors, Error, ErrorKey};
    /// let mut errors = Errors::default();
    /// errors.insert("a".into(), Error::from(std::fmt::Error));
    /// assert!(errors.remove(&ErrorKey::from("a")).is_some());
    /// assert!(errors.is_empty());
    /// ```
    pub fn remove(&mut self, key: &ErrorKey) -> Option<Error> {
        let i = self.0.iter().position(|(k, _)| k == key)?;
        Some(self.0.remove(i).1)
    }

    /// Removes every error.
    ///
    /// ```
    /// let mut errors = larkspur::Errors::default();
    /// errors.clear();
    /// ```
    pub fn clear(&mut self) {
        self.0.clear();
    }

    /// The errors with their keys.
    ///
    /// ```
    /// use larkspur::{Errors, Error};
    /// let mut errors = Errors::default();
    /// errors.insert("a".into(), Error::from(std::fmt::Error));
    /// let keys: Vec<String> = errors.iter().map(|(key, _)| key.to_string()).collect();
    /// assert_eq!(keys, ["a"]);
    /// ```
    pub fn iter(&self) -> Iter<'_> {
        Iter(self.0.iter())
    }
}

/// Iterator over `(&ErrorKey, &Error)` pairs, from [`Errors::iter`].
///
/// ```
/// let errors = larkspur::Errors::default();
/// let mut iter: larkspur::ErrorsIter<'_> = errors.iter();
/// assert!(iter.next().is_none());
/// ```
#[derive(Clone, Debug)]
pub struct Iter<'a>(std::slice::Iter<'a, (ErrorKey, Error)>);

impl<'a> Iterator for Iter<'a> {
    type Item = (&'a ErrorKey, &'a Error);
    fn next(&mut self) -> Option<Self::Item> {
        self.0.next().map(|(key, error)| (key, error))
    }
}

impl IntoIterator for Errors {
    type Item = (ErrorKey, Error);
    type IntoIter = std::vec::IntoIter<(ErrorKey, Error)>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

impl<'a> IntoIterator for &'a Errors {
    type Item = (&'a ErrorKey, &'a Error);
    type IntoIter = Iter<'a>;
    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

/// `Ok` renders the value; `Err` renders nothing and reports the error to
/// the nearest [`ErrorBoundary`] until this view is replaced or disposed
/// (without a boundary, the error is logged with `console.error`).
impl<V: IntoView, E: Into<Error>> IntoView for Result<V, E> {
    fn into_view(self) -> View {
        match self {
            Ok(v) => v.into_view(),
            Err(e) => {
                report(e.into());
                View::Empty
            }
        }
    }

    fn into_content(self) -> Content {
        match self {
            Ok(v) => v.into_content(),
            Err(e) => {
                report(e.into());
                Content::View(View::Empty)
            }
        }
    }
}

thread_local! {
    static NEXT_KEY: Cell<u64> = const { Cell::new(0) };
}

/// Reports `error` to the nearest boundary, withdrawn when the current
/// owner is cleaned up.
fn report(error: Error) {
    let Some(errors) = use_context::<RwSignal<Errors>>() else {
        // Nothing shows it, as in Leptos 0.6; a debug build warns (not an
        // error: a test that fails on console errors should not fail on
        // an unhandled `Err` the app chose to render as nothing).
        if cfg!(debug_assertions) {
            crate::dom::console_warn(&format!(
                "larkspur: a view rendered an error outside any <ErrorBoundary>; nothing shows \
                 it: {error}"
            ));
        }
        return;
    };
    let key = ErrorKey::from(NEXT_KEY.with(|n| {
        n.set(n.get() + 1);
        format!("larkspur-{}", n.get())
    }));
    errors.try_update(|errors| errors.insert(key.clone(), error));
    if Owner::current_strict().is_some() {
        on_cleanup(move || {
            errors.try_update(|errors| errors.remove(&key));
        });
    }
}

/// Marks an [`ErrorBoundaryPropsBuilder`] whose `fallback` is not set yet
/// (forgetting it is a compile error naming this type).
///
/// ```compile_fail
/// use larkspur::*;
/// let props = ErrorBoundaryProps::builder()
///     .children(ToChildren::to_children(|| Fragment::new(vec![])))
///     .build(); // no `build` on ErrorBoundaryPropsBuilder<MissingFallback, _>
/// ```
#[derive(Clone, Copy, Debug, Default)]
pub struct MissingFallback;

type Fallback = Rc<dyn Fn(RwSignal<Errors>) -> View>;

/// Props of [`ErrorBoundary`], built with [`ErrorBoundaryProps::builder`]
/// (or by `view!`: `<ErrorBoundary fallback=|errors| …>…</ErrorBoundary>`).
///
/// ```no_run
/// use larkspur::*;
/// let props: ErrorBoundaryProps = ErrorBoundaryProps::builder()
///     .fallback(|errors: RwSignal<Errors>| move || errors.with(Errors::len))
///     .children(ToChildren::to_children(|| Fragment::new(vec![])))
///     .build();
/// let view = ErrorBoundary(props);
/// ```
pub struct ErrorBoundaryProps {
    /// Shown while there are errors; gets the boundary's errors.
    pub fallback: Fallback,
    /// The content.
    pub children: Children,
}

/// Builder of [`ErrorBoundaryProps`]; `build()` exists once `fallback` and
/// `children` are set.
///
/// ```no_run
/// use larkspur::*;
/// let builder = ErrorBoundaryProps::builder().fallback(|_| "Something went wrong");
/// let props = builder.children(ToChildren::to_children(|| Fragment::new(vec![]))).build();
/// ```
#[must_use = "call .build() to get the props"]
pub struct ErrorBoundaryPropsBuilder<F = MissingFallback, C = MissingChildren> {
    fallback: F,
    children: C,
}

impl<F, C> ErrorBoundaryPropsBuilder<F, C> {
    /// Sets what is shown while there are errors.
    pub fn fallback<V: IntoView>(
        self,
        fallback: impl Fn(RwSignal<Errors>) -> V + 'static,
    ) -> ErrorBoundaryPropsBuilder<Fallback, C> {
        ErrorBoundaryPropsBuilder {
            fallback: Rc::new(move |errors| fallback(errors).into_view()),
            children: self.children,
        }
    }

    /// Sets the content.
    pub fn children(self, children: Children) -> ErrorBoundaryPropsBuilder<F, Children> {
        ErrorBoundaryPropsBuilder {
            fallback: self.fallback,
            children,
        }
    }
}

impl ErrorBoundaryPropsBuilder<Fallback, Children> {
    /// Finishes the props.
    pub fn build(self) -> ErrorBoundaryProps {
        ErrorBoundaryProps {
            fallback: self.fallback,
            children: self.children,
        }
    }
}

impl Props for ErrorBoundaryProps {
    type Builder = ErrorBoundaryPropsBuilder;
    fn builder() -> ErrorBoundaryPropsBuilder {
        ErrorBoundaryPropsBuilder {
            fallback: MissingFallback,
            children: MissingChildren,
        }
    }
}

/// Shows `fallback` while any `Err` rendered in the children is current,
/// and the children otherwise.
///
/// The fallback gets the boundary's errors as a signal (as in Leptos 0.6),
/// so it can list them. The children are built once and kept: when the
/// erroring part re-renders with `Ok`, its error is withdrawn and the
/// children come back as they are now.
///
/// # Example
///
/// ```no_run
/// use larkspur::*;
///
/// let (input, set_input) = create_signal(String::from("12"));
/// let parsed = move || input.with(|s| s.parse::<i32>());
/// let view = ErrorBoundary(
///     ErrorBoundaryProps::builder()
///         .fallback(|errors: RwSignal<Errors>| {
///             html::p().child(move || {
///                 errors.with(|e| e.iter().map(|(_, e)| e.to_string()).collect::<Vec<_>>().join(", "))
///             })
///         })
///         .children(ToChildren::to_children(move || {
///             Fragment::new(vec![html::p().child(parsed).into_view()])
///         }))
///         .build(),
/// );
/// set_input("twelve".to_string()); // the fallback shows the parse error
/// ```
#[allow(non_snake_case)]
pub fn ErrorBoundary(props: ErrorBoundaryProps) -> View {
    let ErrorBoundaryProps { fallback, children } = props;
    let errors = create_rw_signal(Errors::default());
    let owner = Owner::new_child();
    let content = owner.with(|| {
        provide_context(errors);
        children().into_view()
    });
    let failed = create_memo(move |_| errors.with(|e| !e.is_empty()));
    DynChild::new(move || {
        if failed.get() {
            fallback(errors)
        } else {
            content.clone()
        }
    })
    .into_view()
}
