//! [`SuspenseContext`]: the count of loading resources that a `Suspense`
//! or `Transition` (in `larkspur`) provides to its children.

use crate::traits::*;
use crate::{create_memo, create_rw_signal, Memo, ReadSignal, RwSignal};

/// What a `Suspense` or `Transition` (in `larkspur`) provides to its children: the
/// number of resources read under it that are loading.
///
/// Resources find it with `use_context` when they are read; other async
/// work can use it too.
///
/// ```no_run
/// use larkspur_reactive::*;
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
    /// Whether any resource has been read under this context.
    /// (A signal, not a stored value: its `bool` setter is in every app
    /// with a resource already.)
    any_read: RwSignal<bool>,
}

impl SuspenseContext {
    /// A context with nothing pending.
    ///
    /// ```no_run
    /// use larkspur_reactive::*;
    /// let suspense = SuspenseContext::new();
    /// assert_eq!(suspense.pending(), 0);
    /// ```
    #[track_caller]
    pub fn new() -> Self {
        let pending = create_rw_signal(0);
        SuspenseContext {
            pending_resources: pending.read_only(),
            pending,
            any_read: create_rw_signal(false),
        }
    }

    /// How many resources read under this context are loading (tracked);
    /// 0 once the boundary is gone.
    ///
    /// ```no_run
    /// use larkspur_reactive::*;
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
    /// use larkspur_reactive::*;
    /// let suspense = SuspenseContext::new();
    /// suspense.add_pending();
    /// ```
    pub fn add_pending(&self) {
        self.any_read.try_set(true);
        self.pending.try_update(|n| *n += 1);
    }

    /// Counts one loading resource less.
    ///
    /// ```no_run
    /// use larkspur_reactive::*;
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
    /// use larkspur_reactive::*;
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
    /// use larkspur_reactive::*;
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
    /// use larkspur_reactive::*;
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
    /// use larkspur_reactive::*;
    /// let suspense = SuspenseContext::new();
    /// spawn_local(async move {
    ///     suspense.to_future().await;
    ///     // ... everything has loaded ...
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
            effect: Option<crate::Effect<()>>,
        }
        let waiting = Rc::new(RefCell::new(Waiting::default()));
        let this = *self;
        let w = waiting.clone();
        let effect = crate::create_render_effect(move |_| {
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

    /// Whether the resources read under this context were all local ones
    /// (Leptos 0.6's distinction between resources loaded in the browser
    /// and resources sent from a server). In the browser every resource is
    /// local, so this is whether any has been read here yet.
    ///
    /// ```no_run
    /// use larkspur_reactive::*;
    /// let suspense = SuspenseContext::new();
    /// assert!(!suspense.has_local_only());
    /// suspense.add_pending();
    /// suspense.remove_pending();
    /// assert!(suspense.has_local_only() && suspense.has_any_local());
    /// ```
    pub fn has_local_only(&self) -> bool {
        self.any_read.try_get_untracked().unwrap_or(false)
    }

    /// Whether any resource read under this context was a local one: the
    /// same as [`has_local_only`](Self::has_local_only) in the browser.
    pub fn has_any_local(&self) -> bool {
        self.has_local_only()
    }

    /// Whether server rendering should wait for this boundary before
    /// sending the page (Leptos 0.6's blocking resources): always `false`
    /// in a client-side app, where nothing is streamed.
    pub fn should_block(&self) -> bool {
        false
    }

    /// Sets the count of loading resources back to 0.
    ///
    /// ```no_run
    /// use larkspur_reactive::*;
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

/// Leptos 0.6's app-wide suspense count, for code that provides one and
/// reads it (0.6's server renderer waits on it). A shared, resettable
/// [`SuspenseContext`]; nothing in Larkspur provides or reads it.
///
/// ```no_run
/// use larkspur_reactive::*;
/// let global = GlobalSuspenseContext::new();
/// global.with_inner(|suspense| suspense.add_pending());
/// assert_eq!(global.with_inner(|suspense| suspense.pending()), 1);
/// global.reset();
/// assert_eq!(global.with_inner(|suspense| suspense.pending()), 0);
/// ```
#[derive(Clone, Debug)]
pub struct GlobalSuspenseContext(std::rc::Rc<std::cell::Cell<SuspenseContext>>);

impl GlobalSuspenseContext {
    /// A global context with nothing pending.
    #[track_caller]
    pub fn new() -> Self {
        GlobalSuspenseContext(std::rc::Rc::new(std::cell::Cell::new(
            SuspenseContext::new(),
        )))
    }

    /// Runs `f` with the current context (no borrow is held while `f`
    /// runs).
    pub fn with_inner<T>(&self, f: impl FnOnce(&SuspenseContext) -> T) -> T {
        f(&self.0.get())
    }

    /// Replaces the context with a new one, nothing pending.
    #[track_caller]
    pub fn reset(&self) {
        self.0.set(SuspenseContext::new());
    }
}

impl Default for GlobalSuspenseContext {
    fn default() -> Self {
        Self::new()
    }
}
