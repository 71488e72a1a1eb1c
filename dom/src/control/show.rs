//! [`Show`]: one of two branches, chosen by a condition.

use larkspur_reactive::__signal_traits::*;
use std::rc::Rc;

use larkspur_reactive::create_memo;

use crate::components::{ChildrenFn, Props, ViewFn};
use crate::view::{DynChild, IntoView, View};

/// Props of [`Show`].
pub struct ShowProps {
    /// The condition; read reactively.
    pub when: Rc<dyn Fn() -> bool>,
    /// Shown while `when` is false (nothing by default).
    pub fallback: ViewFn,
    /// Shown while `when` is true.
    pub children: ChildrenFn,
}

/// Marks a [`ShowPropsBuilder`] whose `when` is not set yet.
#[derive(Clone, Copy, Debug, Default)]
pub struct MissingWhen;

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

impl<W, C> ShowPropsBuilder<W, C> {
    /// Sets the condition.
    pub fn when(
        self,
        when: impl larkspur_reactive::Source<bool>,
    ) -> ShowPropsBuilder<Rc<dyn Fn() -> bool>, C> {
        ShowPropsBuilder {
            when: Rc::new(when.into_reader()),
            fallback: self.fallback,
            children: self.children,
        }
    }

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

impl ShowPropsBuilder<Rc<dyn Fn() -> bool>, ChildrenFn> {
    /// Finishes the props.
    pub fn build(self) -> ShowProps {
        ShowProps {
            when: self.when,
            fallback: self.fallback,
            children: self.children,
        }
    }
}

impl Props for ShowProps {
    type Builder = ShowPropsBuilder;
    fn builder() -> ShowPropsBuilder {
        ShowPropsBuilder {
            when: MissingWhen,
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
pub fn Show(props: ShowProps) -> View {
    let ShowProps {
        when,
        fallback,
        children,
    } = props;
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
