//! Async data: [`spawn_local`], and [`Resource`]s that load through a
//! future whenever their source changes.
//!
//! A resource is three reactive cells — the value, a loading flag, and the
//! source as a memo — plus a request counter. Each load takes the next
//! number; a response is written only if its number is still the newest and
//! the resource still exists. That makes the last *request* win (not the
//! last response), and lets a resource whose owner was disposed drop late
//! responses without touching disposed signals.
//!
//! A load that is superseded by a newer request runs to completion, as in
//! Leptos 0.6 (a fetcher's code after an `.await` still runs: it may reset
//! a flag or record something), and its answer is ignored. When the
//! resource is disposed, every load still running is stopped: its future is
//! dropped at its next wake-up (its task is woken to notice), so whatever
//! it owns is released — `larkspur::fetch_json` aborts its HTTP
//! request.
//!
//! Reading a resource under a `Suspense` (in `larkspur`) registers it
//! with that suspense, which then counts it as pending while it loads.

use std::cell::Cell;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll, Waker};

use crate::{
    batch, create_memo, create_rw_signal, create_view_effect, on_cleanup, store_value, untrack,
    use_context, Memo, Owner, RwSignal, ScopedFuture, ScopedFutureError, Signal, StoredValue,
    SuspenseContext,
};

/// Runs a future to completion on the browser's microtask queue
/// (`wasm-bindgen-futures`). The future is not tied to any owner: check
/// that what it writes still exists (`try_set`) if it can outlive its view.
///
/// Outside the browser (native tests) the future runs to completion before
/// `spawn_local` returns, as in Leptos 0.6 without a server feature: a
/// future that waits for something nothing will wake blocks the thread.
///
/// ```no_run
/// use larkspur_reactive::*;
///
/// let (status, set_status) = create_signal("waiting");
/// spawn_local(async move {
///     // ... await something ...
///     set_status.try_set("done");
/// });
/// ```
pub fn spawn_local(fut: impl Future<Output = ()> + 'static) {
    #[cfg(target_arch = "wasm32")]
    wasm_bindgen_futures::spawn_local(fut);
    #[cfg(not(target_arch = "wasm32"))]
    block_on(fut);
}

/// Polls `fut` on this thread until it is ready, parking between wake-ups.
#[cfg(not(target_arch = "wasm32"))]
fn block_on(fut: impl Future<Output = ()>) {
    struct Unpark(std::thread::Thread);
    impl std::task::Wake for Unpark {
        fn wake(self: std::sync::Arc<Self>) {
            self.0.unpark();
        }
    }
    let waker = Waker::from(std::sync::Arc::new(Unpark(std::thread::current())));
    let mut cx = Context::from_waker(&waker);
    let mut fut = std::pin::pin!(fut);
    while fut.as_mut().poll(&mut cx).is_pending() {
        std::thread::park();
    }
}

/// Runs `fut` in the browser's event loop under `owner` (Leptos 0.6): what
/// it creates after an `.await` belongs to `owner` and sees its contexts,
/// and once `owner` is disposed it stops (with a debug warning naming this
/// call).
///
/// ```no_run
/// use larkspur_reactive::*;
///
/// #[derive(Clone)]
/// struct Theme(&'static str);
///
/// let owner = Owner::new_child();
/// owner.with(|| provide_context(Theme("dark")));
/// spawn_local_with_owner(owner, async move {
///     // ... await something ...
///     // Still the owner's contexts after the await.
///     let theme = expect_context::<Theme>();
///     assert_eq!(theme.0, "dark");
/// });
/// ```
#[track_caller]
pub fn spawn_local_with_owner(owner: Owner, fut: impl Future<Output = ()> + 'static) {
    let scoped = ScopedFuture::new(owner, fut);
    let at = std::panic::Location::caller();
    spawn_local(async move {
        if scoped.await.is_none() {
            warn_owner_gone(at);
        }
    });
}

/// [`spawn_local_with_owner`] under the current owner; fails when there is
/// none.
#[track_caller]
pub fn spawn_local_with_current_owner(
    fut: impl Future<Output = ()> + 'static,
) -> Result<(), ScopedFutureError> {
    let scoped = ScopedFuture::new_current(fut)?;
    let at = std::panic::Location::caller();
    spawn_local(async move {
        if scoped.await.is_none() {
            warn_owner_gone(at);
        }
    });
    Ok(())
}

/// [`spawn_local_with_owner`], calling `on_cancelled` instead of warning
/// when `owner` is disposed before `fut` finishes.
pub fn try_spawn_local_with_owner(
    owner: Owner,
    fut: impl Future<Output = ()> + 'static,
    on_cancelled: impl FnOnce() + 'static,
) {
    let scoped = ScopedFuture::new(owner, fut);
    spawn_local(async move {
        if scoped.await.is_none() {
            on_cancelled();
        }
    });
}

/// [`try_spawn_local_with_owner`] under the current owner; fails when there
/// is none.
pub fn try_spawn_local_with_current_owner(
    fut: impl Future<Output = ()> + 'static,
    on_cancelled: impl FnOnce() + 'static,
) -> Result<(), ScopedFutureError> {
    let scoped = ScopedFuture::new_current(fut)?;
    spawn_local(async move {
        if scoped.await.is_none() {
            on_cancelled();
        }
    });
    Ok(())
}

fn warn_owner_gone(at: &'static std::panic::Location<'static>) {
    if cfg!(debug_assertions) {
        crate::runtime::with_runtime(|rt| {
            rt.warn(&format!(
                "the future spawned at {at} stopped: its owner was disposed before it finished"
            ))
        });
    }
}

thread_local! {
    /// Loads that can still change a resource (started, not finished, and
    /// not superseded by a newer request or a direct write), for the test
    /// kit's `settle()` (a counter the app never reads costs little).
    static IN_FLIGHT: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// How many resource loads (and action dispatches) are in flight and can
/// still win.
pub fn loads_in_flight() -> usize {
    IN_FLIGHT.with(|n| n.get())
}

/// Counts other async work (an action's dispatch) in [`loads_in_flight`]
/// while it lives, for the test kit's `settle()`.
#[doc(hidden)]
pub struct InFlight(());

impl InFlight {
    /// Counts one more.
    #[allow(clippy::new_without_default)]
    pub fn new() -> Self {
        IN_FLIGHT.with(|n| n.set(n.get() + 1));
        InFlight(())
    }
}

impl Drop for InFlight {
    fn drop(&mut self) {
        IN_FLIGHT.with(|n| n.set(n.get().saturating_sub(1)));
    }
}

type Fetcher<S, T> = Rc<dyn Fn(S) -> Pin<Box<dyn Future<Output = T>>>>;

struct ResourceState<S, T> {
    fetcher: Fetcher<S, T>,
    /// The number of the newest request; only its response is kept.
    request: u64,
    /// The suspense boundaries this resource was read under.
    /// One entry per (boundary, reading owner): a read registers only for
    /// as long as the view that made it lives (its owner's cleanup drops
    /// the entry; one that runs again during a load keeps it until the
    /// load ends, see `Waiter::stale`), so a boundary stops waiting on a
    /// resource once nothing under it reads it any more.
    suspenses: Vec<Waiter>,
    /// The stop switches of the loads still running, thrown when the
    /// resource is disposed.
    in_flight: Vec<Rc<StopSwitch>>,
    /// Set while the first load of a resource made with an initial value
    /// runs: it is loading, but no suspense waits for it (the initial
    /// value shows meanwhile, as in Leptos 0.6).
    quiet: bool,
}

/// A suspense boundary a resource was read under, by one reading owner.
#[derive(Clone, Copy)]
struct Waiter {
    suspense: SuspenseContext,
    reader: Option<Owner>,
    /// Whether this entry holds one of the boundary's pending counts now
    /// (a read made while a reload runs over a value does not: the value
    /// shows meanwhile, as in Leptos 0.6).
    counted: bool,
    /// The reader was cleaned up (it re-ran or went) while this entry held
    /// a count: the entry keeps it until the load ends, as Leptos 0.6 keeps
    /// a boundary counted once read, and a read by the same reader takes
    /// it up again (a reader of the source too re-runs in the very update
    /// that started the load).
    stale: bool,
}

/// Tells a running load that nobody wants its result any more.
#[derive(Default)]
struct StopSwitch {
    stopped: Cell<bool>,
    waker: Cell<Option<Waker>>,
    /// Whether this load is in `IN_FLIGHT`'s count.
    counted: Cell<bool>,
    /// Whether its task has run yet (it runs from the next microtask).
    polled: Cell<bool>,
}

impl StopSwitch {
    /// Counts this load in `IN_FLIGHT`.
    fn count(&self) {
        self.counted.set(true);
        IN_FLIGHT.with(|n| n.set(n.get() + 1));
    }

    /// Takes this load out of `IN_FLIGHT`'s count (once): it finished, was
    /// dropped, or can no longer win.
    fn uncount(&self) {
        if self.counted.replace(false) {
            IN_FLIGHT.with(|n| n.set(n.get().saturating_sub(1)));
        }
    }

    /// Stops the loads the switches belong to (one non-generic copy for
    /// every resource type).
    #[inline(never)]
    fn stop_all(switches: Vec<Rc<StopSwitch>>) {
        for switch in switches {
            switch.stop();
        }
    }

    /// Marks the load stopped and wakes its task, so the future is dropped
    /// now rather than whenever its own wake-up would have come (for a slow
    /// request: when the response arrives, too late to abort it).
    fn stop(&self) {
        self.stopped.set(true);
        if let Some(waker) = self.waker.take() {
            waker.wake();
        }
    }
}

/// A load's task (fetch, then store the answer), cut short — and its
/// future dropped — once its [`StopSwitch`] is thrown. Not generic, so
/// every resource type shares one copy of it.
struct Stoppable {
    task: Pin<Box<dyn Future<Output = ()>>>,
    switch: Rc<StopSwitch>,
}

impl Future for Stoppable {
    type Output = ();

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        self.switch.polled.set(true);
        if self.switch.stopped.get() {
            return Poll::Ready(());
        }
        let poll = self.task.as_mut().poll(cx);
        if poll.is_pending() {
            self.switch.waker.set(Some(cx.waker().clone()));
        }
        poll
    }
}

/// Data loaded by a future, reloaded whenever its source changes; made by
/// [`create_resource`].
///
/// A `Resource` is a `Copy` handle, like a signal. Reading it (`get`,
/// `with`) tracks it; it is `None` until the first load finishes and keeps
/// the previous value while a reload is in flight.
///
/// ```no_run
/// use larkspur_reactive::*;
///
/// let (id, set_id) = create_signal(1u32);
/// let user = create_resource(move || id.get(), |id| async move { format!("user {id}") });
/// let text = move || user.get().unwrap_or_else(|| "Loading…".to_string());
/// set_id(2); // starts a new load
/// ```
pub struct Resource<S: 'static, T: 'static> {
    value: RwSignal<Option<T>>,
    loading: RwSignal<bool>,
    source: Memo<S>,
    state: StoredValue<ResourceState<S, T>>,
}

impl<S, T> Clone for Resource<S, T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<S, T> Copy for Resource<S, T> {}

/// Copies of one resource are equal.
impl<S, T> PartialEq for Resource<S, T> {
    fn eq(&self, other: &Self) -> bool {
        self.state == other.state
    }
}
impl<S, T> Eq for Resource<S, T> {}
impl<S, T> std::hash::Hash for Resource<S, T> {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.state.hash(state);
    }
}

impl<S, T> std::fmt::Debug for Resource<S, T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Resource")
            .field("value", &self.value)
            .finish_non_exhaustive()
    }
}

/// Creates a [`Resource`]: calls `fetcher` with the value of `source` now,
/// and again each time `source` changes (compared with `PartialEq`), and
/// stores what the future returns.
///
/// When several loads overlap, only the response of the newest request is
/// kept; responses that arrive after the owner was disposed are dropped.
///
/// ```no_run
/// use larkspur_reactive::*;
///
/// async fn load_count(step: i32) -> i32 { step * 10 }
///
/// let (step, set_step) = create_signal(1);
/// let count = create_resource(move || step.get(), load_count);
/// let text = move || count.get().map(|n| n.to_string());
/// set_step(2);
/// ```
#[track_caller]
pub fn create_resource<S, T, Fu>(
    source: impl crate::Source<S>,
    fetcher: impl Fn(S) -> Fu + 'static,
) -> Resource<S, T>
where
    S: PartialEq + Clone + 'static,
    T: 'static,
    Fu: Future<Output = T> + 'static,
{
    create_resource_with_initial_value(source, fetcher, None)
}

/// A [`Resource`] that starts with `initial_value`. With `Some` value it
/// still loads at once, as Leptos 0.6 does in the browser, but that first
/// load keeps the initial value on show: `loading()` is true, and no
/// `Suspense` or `Transition` waits for it; its answer then replaces the
/// initial value. With `None` it is [`create_resource`].
///
/// ```no_run
/// use larkspur_reactive::*;
///
/// async fn load_page(page: u32) -> Vec<String> { vec![format!("item of page {page}")] }
///
/// let (page, set_page) = create_signal(1);
/// // A placeholder shows while page 1 loads (no fallback).
/// let items = create_resource_with_initial_value(
///     move || page.get(),
///     load_page,
///     Some(vec!["first item".to_string()]),
/// );
/// assert_eq!(items.get_untracked().map(|v| v.len()), Some(1));
/// set_page(2); // loads page 2
/// ```
#[track_caller]
pub fn create_resource_with_initial_value<S, T, Fu>(
    source: impl crate::Source<S>,
    fetcher: impl Fn(S) -> Fu + 'static,
    initial_value: Option<T>,
) -> Resource<S, T>
where
    S: PartialEq + Clone + 'static,
    T: 'static,
    Fu: Future<Output = T> + 'static,
{
    let source = source.into_reader();
    let placeholder = initial_value.is_some();
    let fetcher: Fetcher<S, T> = Rc::new(move |s| Box::pin(fetcher(s)));
    let resource = Resource {
        value: create_rw_signal(initial_value),
        loading: create_rw_signal(false),
        source: create_memo(move |_| source()),
        state: store_value(ResourceState {
            fetcher,
            request: 0,
            suspenses: Vec::new(),
            in_flight: Vec::new(),
            quiet: false,
        }),
    };
    if Owner::current_strict().is_some() {
        on_cleanup(move || resource.shut_down());
    }
    create_view_effect(move |loaded_before: Option<()>| {
        let source = resource.source.get();
        let quiet = placeholder && loaded_before.is_none();
        untrack(|| resource.load(source, quiet));
    });
    resource
}

/// Same as [`create_resource`]: in a client-only framework every resource
/// is local (its value never needs to be serialized).
///
/// ```no_run
/// use larkspur_reactive::*;
///
/// let now = create_local_resource(|| (), |_| async { std::time::Instant::now() });
/// ```
#[track_caller]
pub fn create_local_resource<S, T, Fu>(
    source: impl crate::Source<S>,
    fetcher: impl Fn(S) -> Fu + 'static,
) -> Resource<S, T>
where
    S: PartialEq + Clone + 'static,
    T: 'static,
    Fu: Future<Output = T> + 'static,
{
    create_resource(source, fetcher)
}

/// Same as [`create_resource_with_initial_value`] (every resource is local
/// in a client-only framework).
///
/// ```no_run
/// use larkspur_reactive::*;
///
/// let greeting = create_local_resource_with_initial_value(
///     || (),
///     |_| async { "hello again".to_string() },
///     Some("hello".to_string()),
/// );
/// ```
#[track_caller]
pub fn create_local_resource_with_initial_value<S, T, Fu>(
    source: impl crate::Source<S>,
    fetcher: impl Fn(S) -> Fu + 'static,
    initial_value: Option<T>,
) -> Resource<S, T>
where
    S: PartialEq + Clone + 'static,
    T: 'static,
    Fu: Future<Output = T> + 'static,
{
    create_resource_with_initial_value(source, fetcher, initial_value)
}

/// Same as [`create_resource`]. (With server rendering, a blocking resource
/// holds back the page's HTML until it loads; a client-only app has no
/// such stream, and the resource loads as any other.)
///
/// ```no_run
/// use larkspur_reactive::*;
///
/// let config = create_blocking_resource(|| (), |_| async { 42 });
/// ```
#[track_caller]
pub fn create_blocking_resource<S, T, Fu>(
    source: impl crate::Source<S>,
    fetcher: impl Fn(S) -> Fu + 'static,
) -> Resource<S, T>
where
    S: PartialEq + Clone + 'static,
    T: 'static,
    Fu: Future<Output = T> + 'static,
{
    create_resource(source, fetcher)
}

impl<S: PartialEq + Clone + 'static, T: 'static> Resource<S, T> {
    /// [`create_resource`], as an associated function (Leptos 0.6).
    ///
    /// ```no_run
    /// use larkspur_reactive::*;
    /// let (id, _) = create_signal(1);
    /// let user = Resource::new(move || id.get(), |id| async move { id * 2 });
    /// ```
    #[track_caller]
    pub fn new<Fu: Future<Output = T> + 'static>(
        source: impl crate::Source<S>,
        fetcher: impl Fn(S) -> Fu + 'static,
    ) -> Self {
        create_resource(source, fetcher)
    }

    /// [`create_local_resource`], as an associated function.
    ///
    /// ```no_run
    /// use larkspur_reactive::*;
    /// let now = Resource::local(|| (), |_| async { std::time::Instant::now() });
    /// ```
    #[track_caller]
    pub fn local<Fu: Future<Output = T> + 'static>(
        source: impl crate::Source<S>,
        fetcher: impl Fn(S) -> Fu + 'static,
    ) -> Self {
        create_local_resource(source, fetcher)
    }
}

impl<T: 'static> Resource<(), T> {
    /// A resource that loads once (its source never changes).
    ///
    /// ```no_run
    /// use larkspur_reactive::*;
    /// let config = Resource::once(|| async { 5 });
    /// ```
    #[track_caller]
    pub fn once<Fu: Future<Output = T> + 'static>(fetcher: impl Fn() -> Fu + 'static) -> Self {
        create_resource(|| (), move |_| fetcher())
    }
}

impl<S: Clone + 'static, T: 'static> Resource<S, T> {
    /// Clones the value out (`None` until the first load finishes) and
    /// tracks it. Under a `Suspense` (in `larkspur`), registers with it.
    ///
    /// ```no_run
    /// use larkspur_reactive::*;
    /// let r = create_resource(|| (), |_| async { 5 });
    /// let doubled = move || r.get().map(|n| n * 2);
    /// ```
    #[cfg_attr(debug_assertions, track_caller)]
    pub(crate) fn get(&self) -> Option<T>
    where
        T: Clone,
    {
        self.with(Option::clone)
    }

    /// The old name of [`get`](crate::SignalGet::get) (deprecated in Leptos 0.6 too).
    #[deprecated = "use .get() on resources"]
    #[cfg_attr(debug_assertions, track_caller)]
    pub fn read(&self) -> Option<T>
    where
        T: Clone,
    {
        self.get()
    }

    /// Like [`get`](crate::SignalGet::get), but `None` (instead of a panic) if the
    /// resource was disposed; `Some(None)` while it has no value.
    ///
    /// ```no_run
    /// use larkspur_reactive::*;
    /// let r = create_resource(|| (), |_| async { 5 });
    /// assert_eq!(r.try_get(), Some(None)); // still loading
    /// ```
    pub(crate) fn try_get(&self) -> Option<Option<T>>
    where
        T: Clone,
    {
        self.try_with(Option::clone)
    }

    /// Applies `f` to the value by reference, `&None` until the first load
    /// finishes (as Leptos 0.6; [`map`](Resource::map) skips the `None`),
    /// and tracks it. Under a `Suspense` (in `larkspur`), registers with
    /// it.
    ///
    /// ```no_run
    /// use larkspur_reactive::*;
    /// let names = create_resource(|| (), |_| async { vec!["a".to_string()] });
    /// let count = move || names.with(|n| n.as_ref().map_or(0, |n| n.len()));
    /// ```
    #[track_caller]
    pub(crate) fn with<O>(&self, f: impl FnOnce(&Option<T>) -> O) -> O {
        self.register_suspense();
        self.value.with(f)
    }

    /// Like [`with`](crate::SignalWith::with), but `None` if the resource was
    /// disposed.
    ///
    /// ```no_run
    /// use larkspur_reactive::*;
    /// let r = create_resource(|| (), |_| async { 5 });
    /// assert_eq!(r.try_with(|n| n.is_some()), Some(false));
    /// ```
    pub(crate) fn try_with<O>(&self, f: impl FnOnce(&Option<T>) -> O) -> Option<O> {
        self.register_suspense();
        self.value.try_with(f)
    }

    /// Whether a load is in flight, as a signal.
    ///
    /// ```no_run
    /// use larkspur_reactive::*;
    /// let r = create_resource(|| (), |_| async { 5 });
    /// let spinner = move || r.loading().get().then_some("Loading…");
    /// ```
    pub fn loading(&self) -> Signal<bool> {
        self.loading.read_only().into()
    }

    /// Loads again with the current source value.
    ///
    /// ```no_run
    /// use larkspur_reactive::*;
    /// let time = create_resource(|| (), |_| async { std::time::Instant::now() });
    /// let reload = move || time.refetch(); // in an `on:click` handler, say
    /// ```
    pub fn refetch(&self) {
        // A load whose task has not run yet was started in this tick (a
        // source change, another `refetch`): a second request would only
        // repeat it, and is skipped, as in Leptos 0.6.
        let fresh = |s: &ResourceState<S, T>| s.in_flight.last().is_some_and(|l| !l.polled.get());
        if self.state.try_with_value(fresh) == Some(true) {
            return;
        }
        if let Some(source) = self.source.try_get_untracked() {
            self.load(source, false);
        }
    }

    /// Replaces the value (an optimistic update, say). A load in flight
    /// can no longer win: its answer is ignored, and the resource (and any
    /// suspense waiting on it) stops loading, as in Leptos 0.6.
    ///
    /// ```no_run
    /// use larkspur_reactive::*;
    /// let r = create_resource(|| (), |_| async { 5 });
    /// r.set(6);
    /// ```
    pub(crate) fn set(&self, value: T) {
        batch(|| {
            self.end_loading();
            self.value.set(Some(value));
        });
    }

    /// Mutates the value in place (`None` while there is none yet); like
    /// [`set`](crate::SignalSet::set), it ends a load in flight.
    ///
    /// ```no_run
    /// use larkspur_reactive::*;
    /// let r = create_resource(|| (), |_| async { 5 });
    /// r.update(|v| if let Some(n) = v { *n += 1 });
    /// ```
    pub(crate) fn update(&self, f: impl FnOnce(&mut Option<T>)) {
        batch(|| {
            self.end_loading();
            self.value.update(f);
        });
    }

    /// Starts a request: it becomes the newest, and the resource (and the
    /// suspenses it was read under) become pending if they were not yet.
    /// A `quiet` request (the first of a resource with an initial value)
    /// makes no suspense pending.
    fn load(self, source: S, quiet: bool) {
        let switch = Rc::new(StopSwitch::default());
        let Some((fetcher, request, was_quiet)) = self.state.try_update_value(|s| {
            s.request += 1;
            // The loads still running can no longer win: `settle()` no
            // longer waits for them (they run on, as in Leptos 0.6).
            s.in_flight.iter().for_each(|older| older.uncount());
            s.in_flight.push(switch.clone());
            (
                s.fetcher.clone(),
                s.request,
                std::mem::replace(&mut s.quiet, quiet),
            )
        }) else {
            return;
        };
        let idle = self.loading.try_get_untracked() == Some(false);
        if idle || (was_quiet && !quiet) {
            batch(|| {
                self.loading.set(true);
                // A load that replaces the quiet one is waited for.
                if !quiet {
                    self.count_suspenses(true);
                }
            });
        }
        let fut = fetcher(source);
        switch.count();
        // The count goes down when the task ends either way (answered, or
        // stopped and its future dropped unfinished), if it has not already.
        struct Finished(Rc<StopSwitch>);
        impl Drop for Finished {
            fn drop(&mut self) {
                self.0.uncount();
            }
        }
        let finished = Finished(switch.clone());
        let task = Box::pin(async move {
            let value = fut.await;
            // This load no longer needs stopping on disposal.
            self.state
                .try_update_value(|s| s.in_flight.retain(|other| !Rc::ptr_eq(other, &finished.0)));
            drop(finished);
            self.resolve(request, value);
        });
        spawn_local(Stoppable { task, switch });
    }

    /// Stores the response of request number `request` if it is still the
    /// newest and the resource still exists.
    fn resolve(self, request: u64, value: T) {
        let newest = self.state.try_with_value(|s| s.request == request);
        if newest != Some(true) {
            return;
        }
        batch(|| {
            self.value.set(Some(value));
            self.loading.set(false);
            self.release_suspenses();
        });
    }

    /// Registers with the suspense this read happens under, once per
    /// reading owner, until that owner is cleaned up (re-runs or goes).
    fn register_suspense(&self) {
        let Some(suspense) = use_context::<SuspenseContext>() else {
            return;
        };
        let reader = Owner::current_strict();
        // Waited for only while a load runs that the boundary waits for
        // and there is no value to show meanwhile (a new reader of a
        // resource reloading over a value shows that value, as in 0.6).
        let counted = self.loading.try_get_untracked() == Some(true)
            && !self.quiet()
            && self.value.try_with_untracked(Option::is_none) == Some(true);
        // `Some(add a count?)` for an entry to clean up after this run.
        let fresh = self.state.try_update_value(|s| {
            let same = |w: &&mut Waiter| w.suspense == suspense && w.reader == reader;
            if let Some(w) = s.suspenses.iter_mut().find(same) {
                // Read before in this run: nothing to do. Kept from the
                // reader's last run (`stale`): taken up again, with the
                // count it holds.
                return std::mem::replace(&mut w.stale, false).then_some(false);
            }
            s.suspenses.retain(|w| w.suspense.is_alive());
            s.suspenses.push(Waiter {
                suspense,
                reader,
                counted,
                stale: false,
            });
            Some(counted)
        });
        let Some(Some(add)) = fresh else {
            return;
        };
        if add {
            suspense.add_pending();
        }
        if reader.is_some() {
            let this = *self;
            on_cleanup(move || {
                // A reader that goes releases its count at once (the
                // boundary stops waiting for a view that is gone); one
                // that runs again keeps it (see `Waiter::stale`).
                let going = reader.is_some_and(|r| r.is_going());
                let released = this.state.try_update_value(|s| {
                    let same = |w: &Waiter| w.suspense == suspense && w.reader == reader;
                    let at = s.suspenses.iter().position(same)?;
                    match s.suspenses.get_mut(at) {
                        Some(w) if w.counted && !going => {
                            w.stale = true;
                            Some(false)
                        }
                        _ => Some(s.suspenses.swap_remove(at).counted),
                    }
                });
                if released == Some(Some(true)) {
                    suspense.remove_pending();
                }
            });
        }
    }
}

impl<S: 'static, T: 'static> Resource<S, T> {
    /// Whether the load running now is the quiet first one.
    fn quiet(self) -> bool {
        self.state.try_with_value(|s| s.quiet).unwrap_or(false)
    }

    /// Before a direct write (as Leptos 0.6 does): a load in flight can no
    /// longer win, and the resource and its suspenses stop waiting for it.
    fn end_loading(self) {
        if self.loading.try_get_untracked() != Some(true) {
            return;
        }
        let ended = self.state.try_update_value(|s| {
            s.request += 1;
            s.in_flight.iter().for_each(|load| load.uncount());
        });
        if ended.is_none() {
            return;
        }
        self.loading.set(false);
        self.release_suspenses();
    }

    /// What disposal must do first, whether the owner goes or the resource
    /// is disposed by hand: a resource disposed mid-load must not leave its
    /// suspenses pending, and its running loads are stopped. The list of
    /// suspenses is taken out, so the readers' own cleanups (which may run
    /// after this one) find nothing left to release twice.
    fn shut_down(self) {
        // Taken out first: `stop` wakes a task and `remove_pending` writes
        // signals, neither inside the stored value's borrow.
        let taken = self.state.try_update_value(|s| {
            (
                std::mem::take(&mut s.suspenses),
                std::mem::take(&mut s.in_flight),
            )
        });
        let Some((suspenses, running)) = taken else {
            return;
        };
        (suspenses.iter().filter(|w| w.counted)).for_each(|w| w.suspense.remove_pending());
        StopSwitch::stop_all(running);
    }

    /// The load ended (answered, or overtaken by a direct write): the
    /// suspenses that waited for it stop waiting (none did for the quiet
    /// one).
    fn release_suspenses(self) {
        self.state.try_update_value(|s| s.quiet = false);
        self.count_suspenses(false);
    }

    /// Makes the boundaries this resource was read under wait for it
    /// (`true`) or stop waiting (`false`), each entry counted at most once.
    /// The counts change outside the state's borrow (they write signals).
    fn count_suspenses(self, pending: bool) {
        let changed: Vec<SuspenseContext> = (self.state)
            .try_update_value(|s| {
                let changed = (s.suspenses.iter_mut())
                    .filter(|w| w.counted != pending)
                    .map(|w| {
                        w.counted = pending;
                        w.suspense
                    })
                    .collect();
                // Entries kept for the load that ended go with it.
                if !pending {
                    s.suspenses.retain(|w| !w.stale);
                }
                changed
            })
            .unwrap_or_default();
        for suspense in changed {
            if pending {
                suspense.add_pending();
            } else {
                suspense.remove_pending();
            }
        }
    }
}

impl<S: Clone + 'static, T: Clone + 'static> crate::SignalGet for Resource<S, T> {
    type Value = Option<T>;

    #[cfg_attr(debug_assertions, track_caller)]
    fn get(&self) -> Option<T> {
        Resource::get(self)
    }
    #[cfg_attr(debug_assertions, track_caller)]
    fn try_get(&self) -> Option<Option<T>> {
        Resource::try_get(self)
    }
}

impl<S: Clone + 'static, T: Clone + 'static> crate::SignalGetUntracked for Resource<S, T> {
    type Value = Option<T>;

    #[cfg_attr(debug_assertions, track_caller)]
    fn get_untracked(&self) -> Option<T> {
        Resource::get_untracked(self)
    }
    #[cfg_attr(debug_assertions, track_caller)]
    fn try_get_untracked(&self) -> Option<Option<T>> {
        self.value.try_get_untracked()
    }
}

impl<S: Clone + 'static, T: 'static> crate::SignalWith for Resource<S, T> {
    type Value = Option<T>;

    #[cfg_attr(debug_assertions, track_caller)]
    fn with<O>(&self, f: impl FnOnce(&Option<T>) -> O) -> O {
        Resource::with(self, f)
    }
    #[cfg_attr(debug_assertions, track_caller)]
    fn try_with<O>(&self, f: impl FnOnce(&Option<T>) -> O) -> Option<O> {
        Resource::try_with(self, f)
    }
}

impl<S: Clone + 'static, T: 'static> crate::SignalWithUntracked for Resource<S, T> {
    type Value = Option<T>;

    #[cfg_attr(debug_assertions, track_caller)]
    fn with_untracked<O>(&self, f: impl FnOnce(&Option<T>) -> O) -> O {
        Resource::with_untracked(self, f)
    }
    #[cfg_attr(debug_assertions, track_caller)]
    fn try_with_untracked<O>(&self, f: impl FnOnce(&Option<T>) -> O) -> Option<O> {
        untrack(|| Resource::try_with(self, f))
    }
}

impl<S: Clone + 'static, T: 'static> crate::SignalSet for Resource<S, T> {
    type Value = T;

    #[cfg_attr(debug_assertions, track_caller)]
    fn set(&self, value: T) {
        Resource::set(self, value);
    }
    #[cfg_attr(debug_assertions, track_caller)]
    fn try_set(&self, value: T) -> Option<T> {
        batch(|| {
            self.end_loading();
            self.value.try_set(Some(value)).flatten()
        })
    }
}

impl<S: Clone + 'static, T: 'static> crate::SignalUpdate for Resource<S, T> {
    type Value = Option<T>;

    #[cfg_attr(debug_assertions, track_caller)]
    fn update(&self, f: impl FnOnce(&mut Option<T>)) {
        Resource::update(self, f);
    }
    #[cfg_attr(debug_assertions, track_caller)]
    fn try_update<O>(&self, f: impl FnOnce(&mut Option<T>) -> O) -> Option<O> {
        batch(|| {
            self.end_loading();
            self.value.try_update(f)
        })
    }
}

/// Disposing a resource drops its value, its loading flag and its
/// bookkeeping; the suspenses it kept waiting stop waiting, and its loads
/// still running are stopped (as when its owner is disposed).
impl<S: 'static, T: 'static> crate::SignalDispose for Resource<S, T> {
    fn dispose(self) {
        self.shut_down();
        self.value.dispose();
        self.loading.dispose();
        self.source.dispose();
        self.state.dispose();
    }
}

// `Resource::map`, `Resource::and_then` and the untracked reads: a
// resource's value read through a function or without subscribing.

impl<S: Clone + 'static, T: 'static> Resource<S, T> {
    /// Applies `f` to the loaded value (tracked): `None` while nothing has
    /// loaded yet. ([`with`](crate::SignalWith::with) passes the `Option` itself.)
    ///
    /// ```no_run
    /// use larkspur_reactive::*;
    /// let user = create_resource(|| 1, |id| async move { format!("user {id}") });
    /// let name_len = move || user.map(|name| name.len());
    /// ```
    #[cfg_attr(debug_assertions, track_caller)]
    pub fn map<U>(&self, f: impl FnOnce(&T) -> U) -> Option<U> {
        self.with(|v| v.as_ref().map(f))
    }

    /// Clones the loaded value without tracking it (`None` while loading
    /// for the first time).
    ///
    /// ```no_run
    /// use larkspur_reactive::*;
    /// let r = create_resource(|| (), |_| async { 1 });
    /// let now = r.get_untracked();
    /// ```
    #[cfg_attr(debug_assertions, track_caller)]
    pub(crate) fn get_untracked(&self) -> Option<T>
    where
        T: Clone,
    {
        untrack(|| self.get())
    }

    /// Applies `f` to the value (`&None` while nothing has loaded yet)
    /// without tracking it, as Leptos 0.6.
    ///
    /// ```no_run
    /// use larkspur_reactive::*;
    /// let r = create_resource(|| (), |_| async { vec![1, 2] });
    /// let len = r.with_untracked(|v| v.as_ref().map_or(0, |v| v.len()));
    /// ```
    #[cfg_attr(debug_assertions, track_caller)]
    pub(crate) fn with_untracked<O>(&self, f: impl FnOnce(&Option<T>) -> O) -> O {
        untrack(|| self.with(f))
    }
}

impl<S: Clone + 'static, T: 'static, E: Clone + 'static> Resource<S, Result<T, E>> {
    /// For a resource of `Result`s: applies `f` to the `Ok` value, passing
    /// an `Err` through (cloned). `None` while nothing has loaded yet.
    ///
    /// ```no_run
    /// use larkspur_reactive::*;
    /// let n = create_resource(|| "42", |s| async move { s.parse::<i32>() });
    /// let doubled = move || n.and_then(|n| n * 2); // Option<Result<i32, ParseIntError>>
    /// ```
    #[cfg_attr(debug_assertions, track_caller)]
    pub fn and_then<U>(&self, f: impl FnOnce(&T) -> U) -> Option<Result<U, E>> {
        self.map(|value| match value {
            Ok(v) => Ok(f(v)),
            Err(e) => Err(e.clone()),
        })
    }
}
