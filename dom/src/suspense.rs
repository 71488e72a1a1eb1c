//! [`Suspense`] and [`Transition`]: a fallback while the resources read in
//! the children are loading.
//!
//! Both build their children under an owner that provides a
//! [`SuspenseContext`]. A [`Resource`](crate::Resource) read under that
//! context registers with it and counts as pending while it loads. The
//! boundary itself is one dynamic child that shows either the fallback or
//! the (already built, kept up to date) children, switching only when
//! "anything pending?" flips; the children are moved out of the document
//! and back, not rebuilt. Only what the children's expression reads itself
//! (not their closures or components) builds them again, when it changes.

use larkspur_reactive::__signal_traits::*;
use larkspur_reactive::{
    create_memo, create_rw_signal, create_view_effect, provide_context, Owner, RwSignal,
    SignalSetter, SuspenseContext,
};

use std::marker::PhantomData;
use std::rc::Rc;

use crate::components::{BoxedChildrenFn, Props, ViewFn};
use crate::control::MissingChildren;
use crate::view::Fragment;
use crate::view::{DynChild, IntoView, View};

/// Props of [`Suspense`], built with [`SuspenseProps::builder`] (or by
/// `view!`: `<Suspense fallback=|| "Loading…">…</Suspense>`).
///
/// ```no_run
/// use larkspur::*;
/// let props: SuspenseProps = SuspenseProps::builder()
///     .fallback(|| "Loading…")
///     .children(ToChildren::to_children(|| Fragment::new(vec!["ready".into_view()])))
///     .build();
/// let view = Suspense(props);
/// ```
///
/// Generic in what the children return, as in Leptos 0.6
/// (`children: Rc<dyn Fn() -> V>`): `view!` gives a [`Fragment`].
pub struct SuspenseProps<V = Fragment> {
    /// Shown while a resource read in the children is loading.
    pub fallback: ViewFn,
    /// The content.
    pub children: Rc<dyn Fn() -> V>,
}

/// Builder of [`SuspenseProps`]; `build()` exists once `children` is set.
///
/// ```no_run
/// use larkspur::*;
/// let builder: SuspensePropsBuilder = SuspenseProps::builder().fallback(|| "Loading…");
/// let props = builder.children(ToChildren::to_children(|| Fragment::new(vec![]))).build();
/// ```
#[must_use = "call .build() to get the props"]
pub struct SuspensePropsBuilder<V = Fragment, C = MissingChildren> {
    fallback: ViewFn,
    children: C,
    view: PhantomData<V>,
}

impl<V, C> SuspensePropsBuilder<V, C> {
    /// Sets what is shown while loading (nothing by default).
    pub fn fallback(mut self, fallback: impl Into<ViewFn>) -> Self {
        self.fallback = fallback.into();
        self
    }

    /// Sets the content.
    pub fn children(
        self,
        children: Rc<dyn Fn() -> V>,
    ) -> SuspensePropsBuilder<V, Rc<dyn Fn() -> V>> {
        SuspensePropsBuilder {
            fallback: self.fallback,
            children,
            view: PhantomData,
        }
    }
}

impl<V: IntoView + 'static> SuspensePropsBuilder<V, Rc<dyn Fn() -> V>> {
    /// Finishes the props.
    pub fn build(self) -> SuspenseProps<V> {
        SuspenseProps {
            fallback: self.fallback,
            children: self.children,
        }
    }
}

impl<V: IntoView + 'static> Props for SuspenseProps<V> {
    type Builder = SuspensePropsBuilder<V>;
    fn builder() -> SuspensePropsBuilder<V> {
        SuspensePropsBuilder {
            fallback: ViewFn::default(),
            children: MissingChildren,
            view: PhantomData,
        }
    }
}

/// Shows `fallback` while any [`Resource`](crate::Resource) read in the
/// children is loading, and the children otherwise — also while a resource
/// reloads (use [`Transition`] to keep the old content then).
///
/// Only reads made under the suspense count: in the children's dynamic
/// parts (`move || user.get()`) or the component bodies they call.
///
/// # Example
///
/// ```no_run
/// use larkspur::*;
///
/// let (id, set_id) = create_signal(1u32);
/// let user = create_resource(move || id.get(), |id| async move { format!("user {id}") });
/// let view = Suspense(
///     SuspenseProps::builder()
///         .fallback(|| html::p().child("Loading…"))
///         .children(ToChildren::to_children(move || {
///             Fragment::new(vec![html::p().child(move || user.get()).into_view()])
///         }))
///         .build(),
/// );
/// ```
#[allow(non_snake_case)]
pub fn Suspense<V: IntoView + 'static>(props: SuspenseProps<V>) -> View {
    let SuspenseProps { fallback, children } = props;
    suspense(fallback, Rc::new(move || children().into_view()))
}

/// [`Suspense`]'s body, once for every children type.
fn suspense(fallback: ViewFn, children: Rc<dyn Fn() -> View>) -> View {
    let (suspense, content) = build_children(children);
    let ready = create_memo(move |_| suspense.pending() == 0);
    DynChild::new(move || {
        if ready.get() {
            content.get()
        } else {
            fallback.run()
        }
    })
    .into_view()
}

/// Builds `children` under a fresh owner that provides a new
/// [`SuspenseContext`], in an effect: what `children` reads itself (a
/// resource read written without a closure, `{data.get().map(..)}`) builds
/// them again when it changes, as Leptos 0.6 builds them in a memo, so the
/// loaded data shows. Children whose reads are all inside their dynamic
/// parts or components (untracked) are built once.
fn build_children(children: Rc<dyn Fn() -> View>) -> (SuspenseContext, RwSignal<View>) {
    let owner = Owner::new_child();
    owner.with(|| {
        let suspense = SuspenseContext::new();
        provide_context(suspense);
        let content = create_rw_signal(View::Empty);
        create_view_effect(move |_| content.set(children()));
        (suspense, content)
    })
}

/// Props of [`Transition`], built with [`TransitionProps::builder`] (or by
/// `view!`: `<Transition fallback=|| "Loading…" set_pending>…</Transition>`).
///
/// ```no_run
/// use larkspur::*;
/// let (_, set_pending) = create_signal(false);
/// let props: TransitionProps = TransitionProps::builder()
///     .set_pending(set_pending)
///     .children(ToChildren::to_children(|| Fragment::new(vec!["ready".into_view()])))
///     .build();
/// let view = Transition(props);
/// ```
pub struct TransitionProps {
    /// Shown until the resources read in the children have loaded once.
    pub fallback: ViewFn,
    /// Told whether a reload is in flight (optional): a `WriteSignal`, or
    /// any [`SignalSetter`] (a `create_slice` setter), as in Leptos 0.6.
    pub set_pending: Option<SignalSetter<bool>>,
    /// The content (`Box<dyn Fn() -> Fragment>`, as in Leptos 0.6).
    pub children: BoxedChildrenFn,
}

/// Builder of [`TransitionProps`]; `build()` exists once `children` is set.
///
/// ```no_run
/// use larkspur::*;
/// let builder: TransitionPropsBuilder = TransitionProps::builder().fallback(|| "Loading…");
/// let props = builder.children(ToChildren::to_children(|| Fragment::new(vec![]))).build();
/// ```
#[must_use = "call .build() to get the props"]
pub struct TransitionPropsBuilder<C = MissingChildren> {
    fallback: ViewFn,
    set_pending: Option<SignalSetter<bool>>,
    children: C,
}

impl<C> TransitionPropsBuilder<C> {
    /// Sets what is shown before the first load (nothing by default).
    pub fn fallback(mut self, fallback: impl Into<ViewFn>) -> Self {
        self.fallback = fallback.into();
        self
    }

    /// Sets a signal that is `true` while anything is loading.
    pub fn set_pending(mut self, set_pending: impl Into<SignalSetter<bool>>) -> Self {
        self.set_pending = Some(set_pending.into());
        self
    }

    /// Sets the content.
    pub fn children(self, children: BoxedChildrenFn) -> TransitionPropsBuilder<BoxedChildrenFn> {
        TransitionPropsBuilder {
            fallback: self.fallback,
            set_pending: self.set_pending,
            children,
        }
    }
}

impl TransitionPropsBuilder<BoxedChildrenFn> {
    /// Finishes the props.
    pub fn build(self) -> TransitionProps {
        TransitionProps {
            fallback: self.fallback,
            set_pending: self.set_pending,
            children: self.children,
        }
    }
}

impl Props for TransitionProps {
    type Builder = TransitionPropsBuilder;
    fn builder() -> TransitionPropsBuilder {
        TransitionPropsBuilder {
            fallback: ViewFn::default(),
            set_pending: None,
            children: MissingChildren,
        }
    }
}

/// Like [`Suspense`], but only until the children have been shown once:
/// after that, the previous content stays visible while resources reload
/// (and `set_pending`, if given, says whether a reload is in flight).
///
/// # Example
///
/// ```no_run
/// use larkspur::*;
///
/// let (tab, set_tab) = create_signal(0u8);
/// let (busy, set_busy) = create_signal(false);
/// let page = create_resource(move || tab.get(), |tab| async move { format!("page {tab}") });
/// let view = Transition(
///     TransitionProps::builder()
///         .fallback(|| "Loading…")
///         .set_pending(set_busy)
///         .children(ToChildren::to_children(move || {
///             Fragment::new(vec![html::p().child(move || page.get()).into_view()])
///         }))
///         .build(),
/// );
/// set_tab(1); // the old page stays until page 1 has loaded; `busy` is true meanwhile
/// ```
#[allow(non_snake_case)]
pub fn Transition(props: TransitionProps) -> View {
    let TransitionProps {
        fallback,
        set_pending,
        children,
    } = props;
    let (suspense, content) = build_children(Rc::new(move || children().into_view()));
    if let Some(set_pending) = set_pending {
        // A Transition taken away while it reloads (its page left, a
        // `<Show>` closed) says it is no longer pending: a spinner driven
        // by `set_pending` would otherwise spin for good.
        let reported = std::rc::Rc::new(std::cell::Cell::new(false));
        let r = reported.clone();
        create_view_effect(move |_| {
            let pending = suspense.pending() > 0;
            r.set(pending);
            set_pending.try_set(pending);
        });
        larkspur_reactive::on_cleanup(move || {
            if reported.get() {
                set_pending.try_set(false);
            }
        });
    }
    // Once true, stays true: the content has been shown.
    let shown =
        create_memo(move |shown: Option<&bool>| shown == Some(&true) || suspense.pending() == 0);
    DynChild::new(move || {
        if shown.get() {
            content.get()
        } else {
            fallback.run()
        }
    })
    .into_view()
}
