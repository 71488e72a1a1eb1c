//! [`Show`]: one of two branches, chosen by a condition.

use larkspur_reactive::__signal_traits::*;
use std::marker::PhantomData;

use larkspur_reactive::create_memo;

use crate::components::{ChildrenFn, Props, ViewFn};
use crate::view::{DynChild, IntoView, View};

/// Props of [`Show`]: generic in the condition's type, as Leptos 0.6's
/// are, so `Show(ShowProps { when: move || .., children, fallback })`
/// compiles. The builder's `when` also takes a signal (it becomes a boxed
/// reader).
pub struct ShowProps<W>
where
    W: Fn() -> bool + 'static,
{
    /// Shown while `when` is true.
    pub children: ChildrenFn,
    /// The condition; read reactively.
    pub when: W,
    /// Shown while `when` is false (nothing by default).
    pub fallback: ViewFn,
}

/// Marks a [`ShowPropsBuilder`] whose `when` is not set yet (`W` is the
/// condition's type, fixed by the props type or by the `when` given).
pub struct MissingWhen<W = ()>(PhantomData<W>);

/// Marks a builder whose `children` are not set yet.
#[derive(Clone, Copy, Debug, Default)]
pub struct MissingChildren;

/// Builder of [`ShowProps`]. The type parameters record which required
/// props are set, so `build()` exists only once `when` and `children` are
/// (forgetting one is a compile error naming `MissingWhen` or
/// `MissingChildren`).
#[must_use = "call .build() to get the props"]
pub struct ShowPropsBuilder<W = MissingWhen, C = MissingChildren> {
    when: W,
    fallback: ViewFn,
    children: C,
}

impl<W, C> ShowPropsBuilder<MissingWhen<W>, C> {
    /// Sets the condition: a closure, or a `bool` signal.
    pub fn when<S>(self, when: S) -> ShowPropsBuilder<W, C>
    where
        S: larkspur_reactive::Source<bool, Reader = W>,
    {
        ShowPropsBuilder {
            when: when.into_reader(),
            fallback: self.fallback,
            children: self.children,
        }
    }
}

impl<W, C> ShowPropsBuilder<W, C> {
    /// Sets what is shown while the condition is false.
    pub fn fallback(mut self, fallback: impl Into<ViewFn>) -> Self {
        self.fallback = fallback.into();
        self
    }

    /// Sets what is shown while the condition is true.
    pub fn children(self, children: ChildrenFn) -> ShowPropsBuilder<W, ChildrenFn> {
        ShowPropsBuilder {
            when: self.when,
            fallback: self.fallback,
            children,
        }
    }
}

impl<W: Fn() -> bool + 'static> ShowPropsBuilder<W, ChildrenFn> {
    /// Finishes the props.
    pub fn build(self) -> ShowProps<W> {
        ShowProps {
            when: self.when,
            fallback: self.fallback,
            children: self.children,
        }
    }
}

impl<W: Fn() -> bool + 'static> Props for ShowProps<W> {
    type Builder = ShowPropsBuilder<MissingWhen<W>>;
    fn builder() -> Self::Builder {
        ShowPropsBuilder {
            when: MissingWhen(PhantomData),
            fallback: ViewFn::default(),
            children: MissingChildren,
        }
    }
}

/// Shows `children` while `when` is true and `fallback` otherwise.
///
/// The condition goes through a memo, so a branch is rebuilt only when the
/// condition flips; the branch that is hidden is disposed (its effects,
/// signals, listeners and cleanups go away).
///
/// # Example
///
/// ```no_run
/// use larkspur::*;
///
/// let (logged_in, set_logged_in) = create_signal(false);
/// let view = Show(
///     ShowProps::builder()
///         .when(move || logged_in())
///         .fallback(|| html::button().child("Log in"))
///         .children(ToChildren::to_children(|| {
///             Fragment::new(vec![html::p().child("Welcome back").into_view()])
///         }))
///         .build(),
/// );
/// set_logged_in(true);
/// ```
#[allow(non_snake_case)]
pub fn Show<W: Fn() -> bool + 'static>(props: ShowProps<W>) -> View {
    let ShowProps {
        when,
        fallback,
        children,
    } = props;
    show(Box::new(when), fallback, children)
}

/// [`Show`]'s body, once for every condition type.
fn show(when: Box<dyn Fn() -> bool>, fallback: ViewFn, children: ChildrenFn) -> View {
    let shown = create_memo(move |_| when());
    DynChild::new(move || {
        if shown.get() {
            children().into_view()
        } else {
            fallback.run()
        }
    })
    .into_view()
}
