//! [`Suspense`] and [`Transition`]: a fallback while the resources read in
//! the children are loading.
//!
//! Both build their children once, under an owner that provides a
//! [`SuspenseContext`]. A [`Resource`](crate::Resource) read under that
//! context registers with it and counts as pending while it loads. The
//! boundary itself is one dynamic child that shows either the fallback or
//! the (already built, kept up to date) children, switching only when
//! "anything pending?" flips; the children are moved out of the document
//! and back, never rebuilt.

use larkspur_reactive::__signal_traits::*;
use larkspur_reactive::{
    create_memo, create_rw_signal, create_view_effect, provide_context, Memo, Owner, ReadSignal,
    RwSignal, WriteSignal,
};

use crate::components::{ChildrenFn, Props, ViewFn};
use crate::control::MissingChildren;
use crate::view::{DynChild, IntoView, View};

/// What a [`Suspense`] or [`Transition`] provides to its children: the
/// number of resources read under it that are loading.
///
/// Resources find it with `use_context` when they are read; other async
/// work can use it too.
///
/// ```no_run
/// use larkspur::*;
///
/// // Inside a suspense's children:
/// if let Some(suspense) = use_context::<SuspenseContext>() {
///     let busy = move || suspense.pending() > 0;
/// }
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SuspenseContext {
    /// How many resources read under this context are loading (Leptos
    /// 0.6's public field; [`pending`](Self::pending) reads it too).
    pub pending_resources: ReadSignal<usize>,
    pending: RwSignal<usize>,
}

impl SuspenseContext {
    /// A context with nothing pending.
    ///
    /// ```no_run
    /// use larkspur::*;
    /// let suspense = SuspenseContext::new();
    /// assert_eq!(suspense.pending(), 0);
    /// ```
    #[track_caller]
    pub fn new() -> Self {
        let pending = create_rw_signal(0);
        SuspenseContext {
            pending_resources: pending.read_only(),
            pending,
        }
    }

    /// How many resources read under this context are loading (tracked);
    /// 0 once the boundary is gone.
    ///
    /// ```no_run
    /// use larkspur::*;
    /// let suspense = SuspenseContext::new();
    /// suspense.add_pending();
    /// assert_eq!(suspense.pending(), 1);
    /// ```
    pub fn pending(&self) -> usize {
        self.pending.try_get().unwrap_or(0)
    }

    /// Counts one more loading resource.
    ///
    /// ```no_run
    /// use larkspur::*;
    /// let suspense = SuspenseContext::new();
    /// suspense.add_pending();
    /// ```
    pub fn add_pending(&self) {
        self.pending.try_update(|n| *n += 1);
    }

    /// Counts one loading resource less.
    ///
    /// ```no_run
    /// use larkspur::*;
    /// let suspense = SuspenseContext::new();
    /// suspense.add_pending();
    /// suspense.remove_pending();
    /// assert_eq!(suspense.pending(), 0);
    /// ```
    pub fn remove_pending(&self) {
        self.pending.try_update(|n| *n = n.saturating_sub(1));
    }

    /// Whether the boundary that made this context still exists.
    ///
    /// ```no_run
    /// use larkspur::*;
    /// let owner = Owner::new_child();
    /// let suspense = owner.with(SuspenseContext::new);
    /// owner.dispose();
    /// assert!(!suspense.is_alive());
    /// ```
    pub fn is_alive(&self) -> bool {
        self.pending.try_get_untracked().is_some()
    }

    /// Whether nothing read under this context is loading (tracked).
    ///
    /// ```no_run
    /// use larkspur::*;
    /// let suspense = SuspenseContext::new();
    /// assert!(suspense.none_pending());
    /// ```
    pub fn none_pending(&self) -> bool {
        self.pending() == 0
    }

    /// A memo of [`none_pending`](Self::none_pending) (Leptos 0.6's
    /// `ready`).
    ///
    /// ```no_run
    /// use larkspur::*;
    /// let suspense = SuspenseContext::new();
    /// let ready = suspense.ready();
    /// suspense.add_pending();
    /// assert!(!ready.get());
    /// ```
    pub fn ready(&self) -> Memo<bool> {
        let this = *self;
        create_memo(move |_| this.none_pending())
    }

    /// A future that resolves once nothing is pending (Leptos 0.6's
    /// `to_future`): at once if nothing is, else when the last pending
    /// resource under this context has loaded. It watches the count
    /// through an effect under the current owner.
    ///
    /// ```no_run
    /// use larkspur::*;
    /// let suspense = SuspenseContext::new();
    /// spawn_local(async move {
    ///     suspense.to_future().await;
    ///     larkspur::logging::log!("everything has loaded");
    /// });
    /// ```
    pub fn to_future(&self) -> impl std::future::Future<Output = ()> {
        use std::cell::RefCell;
        use std::rc::Rc;
        use std::task::{Poll, Waker};

        #[derive(Default)]
        struct Waiting {
            done: bool,
            waker: Option<Waker>,
            /// The watching effect, disposed once the future has seen the
            /// end (it has nothing more to report).
            effect: Option<larkspur_reactive::Effect<()>>,
        }
        let waiting = Rc::new(RefCell::new(Waiting::default()));
        let this = *self;
        let w = waiting.clone();
        let effect = larkspur_reactive::create_render_effect(move |_| {
            if this.none_pending() {
                // The waker runs after the borrow ends: waking may poll.
                let waker = {
                    let mut w = w.borrow_mut();
                    w.done = true;
                    w.waker.take()
                };
                if let Some(waker) = waker {
                    waker.wake();
                }
            }
        });
        if waiting.borrow().done {
            effect.dispose();
        } else {
            waiting.borrow_mut().effect = Some(effect);
        }
        std::future::poll_fn(move |cx| {
            let effect = {
                let mut w = waiting.borrow_mut();
                if !w.done {
                    w.waker = Some(cx.waker().clone());
                    return Poll::Pending;
                }
                w.effect.take()
            };
            if let Some(effect) = effect {
                effect.dispose();
            }
            Poll::Ready(())
        })
    }

    /// Leptos 0.6's name for [`add_pending`](Self::add_pending); whether
    /// the resource would be serialized does not matter in the browser.
    pub fn increment(&self, _serializable: bool) {
        self.add_pending();
    }

    /// Leptos 0.6's name for [`remove_pending`](Self::remove_pending).
    pub fn decrement(&self, _serializable: bool) {
        self.remove_pending();
    }

    /// Sets the count of loading resources back to 0.
    ///
    /// ```no_run
    /// use larkspur::*;
    /// let suspense = SuspenseContext::new();
    /// suspense.add_pending();
    /// suspense.clear();
    /// assert!(suspense.none_pending());
    /// ```
    pub fn clear(&self) {
        self.pending.try_set(0);
    }
}

impl Default for SuspenseContext {
    fn default() -> Self {
        Self::new()
    }
}

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
pub struct SuspenseProps {
    /// Shown while a resource read in the children is loading.
    pub fallback: ViewFn,
    /// The content.
    pub children: ChildrenFn,
}

/// Builder of [`SuspenseProps`]; `build()` exists once `children` is set.
///
/// ```no_run
/// use larkspur::*;
/// let builder: SuspensePropsBuilder = SuspenseProps::builder().fallback(|| "Loading…");
/// let props = builder.children(ToChildren::to_children(|| Fragment::new(vec![]))).build();
/// ```
#[must_use = "call .build() to get the props"]
pub struct SuspensePropsBuilder<C = MissingChildren> {
    fallback: ViewFn,
    children: C,
}

impl<C> SuspensePropsBuilder<C> {
    /// Sets what is shown while loading (nothing by default).
    pub fn fallback(mut self, fallback: impl Into<ViewFn>) -> Self {
        self.fallback = fallback.into();
        self
    }

    /// Sets the content.
    pub fn children(self, children: ChildrenFn) -> SuspensePropsBuilder<ChildrenFn> {
        SuspensePropsBuilder {
            fallback: self.fallback,
            children,
        }
    }
}

impl SuspensePropsBuilder<ChildrenFn> {
    /// Finishes the props.
    pub fn build(self) -> SuspenseProps {
        SuspenseProps {
            fallback: self.fallback,
            children: self.children,
        }
    }
}

impl Props for SuspenseProps {
    type Builder = SuspensePropsBuilder;
    fn builder() -> SuspensePropsBuilder {
        SuspensePropsBuilder {
            fallback: ViewFn::default(),
            children: MissingChildren,
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
pub fn Suspense(props: SuspenseProps) -> View {
    let SuspenseProps { fallback, children } = props;
    let (suspense, content) = build_children(&children);
    let ready = create_memo(move |_| suspense.pending() == 0);
    DynChild::new(move || {
        if ready.get() {
            content.clone()
        } else {
            fallback.run()
        }
    })
    .into_view()
}

/// Builds `children` once under a fresh owner that provides a new
/// [`SuspenseContext`].
fn build_children(children: &ChildrenFn) -> (SuspenseContext, View) {
    let owner = Owner::new_child();
    owner.with(|| {
        let suspense = SuspenseContext::new();
        provide_context(suspense);
        (suspense, children().into_view())
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
    /// Told whether a reload is in flight (optional).
    pub set_pending: Option<WriteSignal<bool>>,
    /// The content.
    pub children: ChildrenFn,
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
    set_pending: Option<WriteSignal<bool>>,
    children: C,
}

impl<C> TransitionPropsBuilder<C> {
    /// Sets what is shown before the first load (nothing by default).
    pub fn fallback(mut self, fallback: impl Into<ViewFn>) -> Self {
        self.fallback = fallback.into();
        self
    }

    /// Sets a signal that is `true` while anything is loading.
    pub fn set_pending(mut self, set_pending: WriteSignal<bool>) -> Self {
        self.set_pending = Some(set_pending);
        self
    }

    /// Sets the content.
    pub fn children(self, children: ChildrenFn) -> TransitionPropsBuilder<ChildrenFn> {
        TransitionPropsBuilder {
            fallback: self.fallback,
            set_pending: self.set_pending,
            children,
        }
    }
}

impl TransitionPropsBuilder<ChildrenFn> {
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
    let (suspense, content) = build_children(&children);
    if let Some(set_pending) = set_pending {
        create_view_effect(move |_| {
            set_pending.try_set(suspense.pending() > 0);
        });
    }
    // Once true, stays true: the content has been shown.
    let shown =
        create_memo(move |shown: Option<&bool>| shown == Some(&true) || suspense.pending() == 0);
    DynChild::new(move || {
        if shown.get() {
            content.clone()
        } else {
            fallback.run()
        }
    })
    .into_view()
}
