//! [`Show`]: one of two branches, chosen by a condition.

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

/// Builder of [`ShowProps`].
#[derive(Default)]
#[must_use = "call .build() to get the props"]
pub struct ShowPropsBuilder {
    when: Option<Rc<dyn Fn() -> bool>>,
    fallback: ViewFn,
    children: Option<ChildrenFn>,
}

impl ShowPropsBuilder {
    /// Sets the condition.
    pub fn when(mut self, when: impl Fn() -> bool + 'static) -> Self {
        self.when = Some(Rc::new(when));
        self
    }

    /// Sets what is shown while the condition is false.
    pub fn fallback(mut self, fallback: impl Into<ViewFn>) -> Self {
        self.fallback = fallback.into();
        self
    }

    /// Sets what is shown while the condition is true.
    pub fn children(mut self, children: ChildrenFn) -> Self {
        self.children = Some(children);
        self
    }

    /// Finishes the props.
    ///
    /// # Panics
    ///
    /// If `when` or `children` was not set.
    #[track_caller]
    pub fn build(self) -> ShowProps {
        ShowProps {
            when: self.when.expect("<Show>: the `when` prop is required"),
            fallback: self.fallback,
            children: self.children.expect("<Show>: children are required"),
        }
    }
}

impl Props for ShowProps {
    type Builder = ShowPropsBuilder;
    fn builder() -> ShowPropsBuilder {
        ShowPropsBuilder::default()
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
