//! Timers tied to the ownership tree: [`set_timeout`], [`set_interval`],
//! [`request_animation_frame`], [`debounce`], and [`sleep`] for async code.
//!
//! A timer belongs to the scope it was scheduled in — the view around the
//! code that scheduled it: a dynamic child or route (a render effect, whose
//! re-run replaces its view), a list row, a root — and is cancelled when
//! that scope is disposed or re-run, so a callback never runs for a view
//! that is gone. Memos and `create_effect` effects are not scopes: a timer
//! scheduled in a `create_effect` belongs to the view around the effect,
//! and the effect's next run leaves it alone (as in Leptos 0.6, where two
//! toasts shown within three seconds are both removed by their own
//! timeouts). Timers scheduled outside any scope (in an event handler, for
//! example) live until they fire or are cleared through their handle.
//!
//! The `_with_handle` forms hand the timer to the caller, as in Leptos 0.6:
//! it lives until it fires or the caller clears it, whatever happens to
//! the view (a query cache's eviction timer outlives the component whose
//! departure started it). Clear it in an `on_cleanup` if the view should
//! take it along.
//!
//! One cleanup per scope cancels that scope's timers, registered with the
//! scope's first timer: an effect that schedules a timer on every run adds
//! nothing to its component's cleanups.
//!
//! Timeouts and intervals are `gloo_timers` values, which own their JS
//! callback and clear the browser timer when dropped; animation frames are
//! the same idea over the `dom` facade. Handles are `Copy` (as in Leptos),
//! so the live timers sit in a small thread-local table under a number:
//! firing a one-shot timer or cancelling any timer removes its entry, so a
//! debounced input that cancels on every keystroke leaks nothing.
//!
//! Dropping a timer calls into JavaScript (`clearTimeout`), so an entry is
//! always taken out of the table first and dropped after the table's borrow
//! has ended.

use std::cell::{Cell, RefCell};
use std::rc::Rc;
use std::time::Duration;

use gloo_timers::callback::{Interval, Timeout};
use larkspur_reactive::{on_cleanup, Owner};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

pub use gloo_timers::future::TimeoutFuture;

/// The number of a timer in the table. Numbers are never reused (a `u64`
/// counted up one per timer cannot wrap in the life of a page), so a stale
/// handle — kept after its timer fired or was cleared — finds no entry and
/// can never cancel a newer timer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) struct TimerId(u64);

/// A requested animation frame; dropping it cancels the request.
struct AnimationFrame {
    browser_id: i32,
    _callback: Closure<dyn FnMut()>,
}

impl Drop for AnimationFrame {
    fn drop(&mut self) {
        crate::dom::cancel_animation_frame(self.browser_id);
    }
}

/// A requested idle callback; dropping it cancels the request.
struct IdleRequest {
    browser_id: u32,
    _callback: Closure<dyn FnMut()>,
}

impl Drop for IdleRequest {
    fn drop(&mut self) {
        crate::dom::helpers::cancel_idle(self.browser_id);
    }
}

/// A listener on `window` (`window_event_listener`); dropping it removes
/// it.
struct WindowListener {
    name: String,
    callback: Closure<dyn Fn(JsValue)>,
}

impl Drop for WindowListener {
    fn drop(&mut self) {
        crate::dom::helpers::remove_window_listener(&self.name, self.callback.as_ref());
    }
}

/// A live timer, or another browser callback kept the same way (an idle
/// callback, a window listener). Dropping one cancels it (gloo's `Drop`,
/// or ours above).
enum Timer {
    Timeout(#[allow(dead_code)] Timeout),
    Interval(#[allow(dead_code)] Interval),
    Frame(#[allow(dead_code)] AnimationFrame),
    Idle(#[allow(dead_code)] IdleRequest),
    Listener(#[allow(dead_code)] WindowListener),
}

thread_local! {
    static NEXT_ID: Cell<u64> = const { Cell::new(0) };
}
larkspur_reactive::__local! {
    /// The live timers, each with the scope that cancels it on disposal.
    static LIVE: RefCell<Vec<(TimerId, Option<Owner>, Timer)>> = const { RefCell::new(Vec::new()) };
}
larkspur_reactive::__local! {
    /// The scopes whose disposal cleanup (`cancel_scope`) is registered.
    static SCOPES: RefCell<Vec<Owner>> = const { RefCell::new(Vec::new()) };
}

fn next_id() -> TimerId {
    NEXT_ID.with(|n| {
        // Saturating only to have no overflow path: 2^64 timers never come.
        let id = n.get().saturating_add(1);
        n.set(id);
        TimerId(id)
    })
}

fn insert(id: TimerId, timer: Timer) {
    LIVE.with(|live| live.borrow_mut().push((id, None, timer)));
}

/// Takes the entry of `id` out of the table; the caller drops it (which
/// calls into JS) after the borrow has ended.
fn take(id: TimerId) -> Option<Timer> {
    LIVE.with(|live| {
        let mut live = live.borrow_mut();
        // From the end: the newest entries go soonest (a fired timeout, a
        // debounce cancelled on the next keystroke).
        let i = live.iter().rposition(|(t, _, _)| *t == id)?;
        Some(live.swap_remove(i).2)
    })
}

/// Cancels the timer `id` and frees its callback; a no-op if it already
/// fired or was cancelled.
pub(crate) fn cancel(id: TimerId) {
    let timer = take(id);
    drop(timer);
}

/// How many timers (timeouts, intervals, animation frames, idle
/// callbacks) are scheduled and not yet fired or cancelled: lets a test
/// check that callbacks are freed. (Window listeners are kept in the same
/// table and are not counted.)
///
/// ```no_run
/// use larkspur::*;
/// use std::time::Duration;
///
/// let before = live_timer_count();
/// let handle = set_timeout_with_handle(|| {}, Duration::from_millis(10)).unwrap();
/// assert_eq!(live_timer_count(), before + 1);
/// handle.clear();
/// assert_eq!(live_timer_count(), before);
/// ```
pub fn live_timer_count() -> usize {
    LIVE.with(|live| {
        (live.borrow().iter())
            .filter(|(_, _, timer)| !matches!(timer, Timer::Listener(_)))
            .count()
    })
}

/// A one-shot callback that removes its own table entry before running `f`
/// (so `f` may schedule or cancel timers freely) and drops it afterwards.
/// Dropping a JS closure while it runs is fine: the glue frees it only after
/// the call returns.
fn one_shot(id: TimerId, f: impl FnOnce() + 'static) -> impl FnOnce() + 'static {
    move || {
        let entry = take(id);
        f();
        drop(entry);
    }
}

/// Schedules a one-shot timeout and returns its number.
fn schedule_timeout(f: impl FnOnce() + 'static, duration: Duration) -> TimerId {
    let id = next_id();
    insert(
        id,
        Timer::Timeout(Timeout::new(millis(duration), one_shot(id, f))),
    );
    id
}

/// A scheduled timeout, returned by [`set_timeout_with_handle`].
///
/// ```no_run
/// use larkspur::*;
/// use std::time::Duration;
///
/// let handle = set_timeout_with_handle(|| log!("never"), Duration::from_secs(1)).unwrap();
/// handle.clear();
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct TimeoutHandle(TimerId);

impl TimeoutHandle {
    /// Cancels the timeout; does nothing if it already fired.
    ///
    /// ```no_run
    /// use larkspur::*;
    /// use std::time::Duration;
    ///
    /// let handle = set_timeout_with_handle(|| {}, Duration::from_millis(10)).unwrap();
    /// handle.clear();
    /// ```
    pub fn clear(&self) {
        cancel(self.0);
    }
}

/// A running interval, returned by [`set_interval_with_handle`].
///
/// ```no_run
/// use larkspur::*;
/// use std::time::Duration;
///
/// let handle = set_interval_with_handle(|| log!("tick"), Duration::from_secs(1)).unwrap();
/// handle.clear();
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct IntervalHandle(TimerId);

impl IntervalHandle {
    /// Stops the interval; does nothing if it was already stopped.
    ///
    /// ```no_run
    /// use larkspur::*;
    /// use std::time::Duration;
    ///
    /// let handle = set_interval_with_handle(|| {}, Duration::from_millis(100)).unwrap();
    /// handle.clear();
    /// handle.clear(); // no-op
    /// ```
    pub fn clear(&self) {
        cancel(self.0);
    }
}

/// A requested animation frame, returned by
/// [`request_animation_frame_with_handle`].
///
/// ```no_run
/// use larkspur::*;
///
/// let handle = request_animation_frame_with_handle(|| log!("never")).unwrap();
/// handle.cancel();
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct AnimationFrameRequestHandle(TimerId);

impl AnimationFrameRequestHandle {
    /// Cancels the request; does nothing if the frame already ran.
    ///
    /// ```no_run
    /// use larkspur::*;
    ///
    /// request_animation_frame_with_handle(|| {}).unwrap().cancel();
    /// ```
    pub fn cancel(&self) {
        cancel(self.0);
    }
}

/// Milliseconds for the browser, saturating at `i32::MAX` (about 24 days,
/// the browsers' own limit; gloo passes the number on as an `i32`, so a
/// larger one would wrap to "now").
fn millis(duration: Duration) -> u32 {
    duration.as_millis().min(i32::MAX as u128) as u32
}

/// Cancels `id` when the current scope (if any; see the module docs) is
/// disposed.
pub(crate) fn cancel_with_owner(id: TimerId) {
    let Some(scope) = Owner::current_scope() else {
        // The view around the code is gone (its effect was disposed while
        // it ran): the timer goes with it.
        if Owner::current_strict().is_some_and(|owner| !owner.is_alive()) {
            cancel(id);
        }
        return;
    };
    if scope.__is_going() {
        // Scheduled under a scope whose disposal has begun (through
        // `with_owner` in a cleanup): its cleanups are taken already, so
        // nothing would cancel it.
        cancel(id);
        return;
    }
    LIVE.with(|live| {
        // The entry was just pushed: search from the end (no scan past
        // every listener a page keeps).
        if let Some(entry) = live
            .borrow_mut()
            .iter_mut()
            .rev()
            .find(|(t, _, _)| *t == id)
        {
            entry.1 = Some(scope);
        }
    });
    let first = SCOPES.with(|scopes| {
        let mut scopes = scopes.borrow_mut();
        let first = !scopes.contains(&scope);
        if first {
            scopes.push(scope);
        }
        first
    });
    if first {
        scope.with(|| on_cleanup(move || cancel_scope(scope)));
    }
}

/// Cancels every timer of a scope that is being disposed.
fn cancel_scope(scope: Owner) {
    SCOPES.with(|scopes| scopes.borrow_mut().retain(|s| *s != scope));
    let mut cancelled = Vec::new();
    LIVE.with(|live| {
        let mut live = live.borrow_mut();
        let mut i = 0;
        while i < live.len() {
            if live.get(i).is_some_and(|(_, s, _)| *s == Some(scope)) {
                cancelled.push(live.swap_remove(i).2);
            } else {
                i += 1;
            }
        }
    });
    // Dropped (`clearTimeout`, …) after the table's borrow has ended.
    drop(cancelled);
}

/// Calls `cb` once after `duration`, unless its scope (the component, row
/// or root it was scheduled in; see the module docs) is disposed first.
///
/// ```no_run
/// use larkspur::*;
/// use std::time::Duration;
///
/// let (visible, set_visible) = create_signal(true);
/// set_timeout(move || set_visible(false), Duration::from_secs(3));
/// ```
pub fn set_timeout(cb: impl FnOnce() + 'static, duration: Duration) {
    cancel_with_owner(schedule_timeout(cb, duration));
}

/// Like [`set_timeout`], returning a handle that can cancel the timeout.
/// The timeout is the caller's: it is not cancelled with the view (see the
/// module docs). (The `Result` is kept for Leptos compatibility;
/// scheduling a timeout does not fail in a browser.)
///
/// ```no_run
/// use larkspur::*;
/// use std::time::Duration;
///
/// let handle = set_timeout_with_handle(|| log!("too late"), Duration::from_secs(1)).unwrap();
/// handle.clear();
/// ```
pub fn set_timeout_with_handle(
    cb: impl FnOnce() + 'static,
    duration: Duration,
) -> Result<TimeoutHandle, JsValue> {
    Ok(TimeoutHandle(schedule_timeout(cb, duration)))
}

/// Calls `cb` every `duration` until its scope (the view that started it)
/// is disposed. Returns `()`, as in Leptos 0.6; to stop it earlier, keep
/// the handle of [`set_interval_with_handle`].
///
/// ```no_run
/// use larkspur::*;
/// use std::time::Duration;
///
/// let (seconds, set_seconds) = create_signal(0);
/// set_interval(move || set_seconds.update(|s| *s += 1), Duration::from_secs(1));
/// ```
pub fn set_interval(cb: impl Fn() + 'static, duration: Duration) {
    cancel_with_owner(schedule_interval(cb, duration));
}

fn schedule_interval(cb: impl Fn() + 'static, duration: Duration) -> TimerId {
    let id = next_id();
    insert(id, Timer::Interval(Interval::new(millis(duration), cb)));
    id
}

/// Like [`set_interval`], in the `Result` form of Leptos' API (scheduling
/// an interval does not fail in a browser). The interval is the caller's:
/// it runs until the handle is cleared, not only while the view lives
/// (see the module docs).
///
/// ```no_run
/// use larkspur::*;
/// use std::time::Duration;
///
/// let handle = set_interval_with_handle(|| log!("tick"), Duration::from_millis(500)).unwrap();
/// handle.clear();
/// ```
pub fn set_interval_with_handle(
    cb: impl Fn() + 'static,
    duration: Duration,
) -> Result<IntervalHandle, JsValue> {
    Ok(IntervalHandle(schedule_interval(cb, duration)))
}

/// Calls `cb` once before the next repaint, unless its scope is disposed
/// first.
///
/// ```no_run
/// use larkspur::*;
///
/// request_animation_frame(|| log!("next frame"));
/// ```
pub fn request_animation_frame(cb: impl FnOnce() + 'static) {
    match schedule_frame(cb) {
        Ok(id) => cancel_with_owner(id),
        Err(_) => crate::dom::console_error("larkspur: requestAnimationFrame failed"),
    }
}

/// Like [`request_animation_frame`], returning a handle that can cancel it;
/// the request is the caller's (see the module docs).
///
/// ```no_run
/// use larkspur::*;
///
/// let handle = request_animation_frame_with_handle(|| log!("frame")).unwrap();
/// handle.cancel();
/// ```
pub fn request_animation_frame_with_handle(
    cb: impl FnOnce() + 'static,
) -> Result<AnimationFrameRequestHandle, JsValue> {
    schedule_frame(cb).map(AnimationFrameRequestHandle)
}

fn schedule_frame(cb: impl FnOnce() + 'static) -> Result<TimerId, JsValue> {
    let id = next_id();
    let callback = Closure::once(one_shot(id, cb));
    let browser_id = crate::dom::request_animation_frame(callback.as_ref().unchecked_ref())?;
    insert(
        id,
        Timer::Frame(AnimationFrame {
            browser_id,
            _callback: callback,
        }),
    );
    Ok(id)
}

/// Schedules `cb` for when the browser is idle (`requestIdleCallback`).
pub(crate) fn schedule_idle(cb: impl FnOnce() + 'static) -> Result<TimerId, JsValue> {
    let id = next_id();
    let callback = Closure::once(one_shot(id, cb));
    let browser_id = crate::dom::helpers::request_idle(callback.as_ref().unchecked_ref())?;
    insert(
        id,
        Timer::Idle(IdleRequest {
            browser_id,
            _callback: callback,
        }),
    );
    Ok(id)
}

/// Keeps a listener added to `window` under a number; dropping the entry
/// (`cancel`, or the scope's disposal) removes it.
pub(crate) fn keep_window_listener(name: String, callback: Closure<dyn Fn(JsValue)>) -> TimerId {
    let id = next_id();
    insert(id, Timer::Listener(WindowListener { name, callback }));
    id
}

/// Wraps `cb` so that it runs only once calls have stopped for `delay`,
/// with the last argument. A pending call is dropped when the current owner
/// is disposed.
///
/// ```no_run
/// use larkspur::*;
/// use std::time::Duration;
///
/// let (query, set_query) = create_signal(String::new());
/// let mut search = debounce(Duration::from_millis(300), move |text: String| set_query(text));
/// search("l".to_string());
/// search("lark".to_string()); // only this one reaches `set_query`, 300 ms later
/// ```
pub fn debounce<T: 'static>(delay: Duration, cb: impl FnMut(T) + 'static) -> impl FnMut(T) {
    // A `HandlerCell`, not a `RefCell`: a callback that panicked once (on
    // input it could not parse) left its run abandoned, and a `RefCell`
    // would stay borrowed for good.
    let cb = Rc::new(crate::dom::events::HandlerCell::new(cb));
    let pending: Rc<Cell<Option<TimerId>>> = Rc::new(Cell::new(None));
    if Owner::current_strict().is_some() {
        let pending = pending.clone();
        on_cleanup(move || {
            if let Some(id) = pending.take() {
                cancel(id);
            }
        });
    }
    move |arg: T| {
        if let Some(id) = pending.take() {
            cancel(id);
        }
        let cb = cb.clone();
        let fired = pending.clone();
        let id = schedule_timeout(
            move || {
                fired.set(None);
                cb.run(|f| f(arg));
            },
            delay,
        );
        pending.set(Some(id));
    }
}

/// A future that completes after `duration` (a `setTimeout` underneath);
/// dropping it before then clears the timeout. For async code and tests:
///
/// ```no_run
/// use larkspur::*;
/// use std::time::Duration;
///
/// spawn_local(async {
///     sleep(Duration::from_millis(200)).await;
///     log!("200 ms later");
/// });
/// ```
///
/// This is gloo-timers' own `sleep`, re-exported, so that an app that also
/// glob-imports `gloo_timers::future::*` names one item, not two. As
/// there, a duration over `u32::MAX` milliseconds (49 days) panics, and
/// browsers run one over `i32::MAX` (24.8 days) at once.
pub use gloo_timers::future::sleep;
