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
//! nothing to its component's cleanups. The scope's list of timers sits on
//! the scope itself (as a private context), so scheduling, firing and
//! cancelling cost the same whatever the number of scopes and timers.
//!
//! Timeouts and intervals are `gloo_timers` values, which own their JS
//! callback and clear the browser timer when dropped; animation frames are
//! the same idea over the `dom` facade. Handles are `Copy` (as in Leptos),
//! so the live timers sit in a thread-local table of slots under a number
//! (slot and generation): firing a one-shot timer or cancelling any timer
//! frees its slot, so a debounced input that cancels on every keystroke
//! leaks nothing.
//!
//! Dropping a timer calls into JavaScript (`clearTimeout`), so an entry is
//! always taken out of the table first and dropped after the table's borrow
//! has ended.

use std::cell::{Cell, RefCell};
use std::rc::Rc;
use std::time::Duration;

use gloo_timers::callback::{Interval, Timeout};
use larkspur_reactive::{on_cleanup, provide_context, Owner};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

pub use gloo_timers::future::TimeoutFuture;

/// The number of a timer: its slot in the table and the slot's generation,
/// which goes up each time the slot is freed, so a stale handle — kept
/// after its timer fired or was cleared — finds no entry and can never
/// cancel a newer timer in the same slot.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) struct TimerId {
    slot: u32,
    generation: u32,
}

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

/// The live timers, in slots that are reused once freed.
struct Table {
    /// Each slot's generation and timer (`None` while free, or between
    /// [`reserve`] and [`fill`]).
    slots: Vec<(u32, Option<Timer>)>,
    /// The freed slots.
    free: Vec<u32>,
}

larkspur_reactive::__local! {
    static LIVE: RefCell<Table> = const {
        RefCell::new(Table {
            slots: Vec::new(),
            free: Vec::new(),
        })
    };
}

/// Takes a slot for a timer that is made next: its callback needs the
/// number first. The timer is made (a call into JS) after the table's
/// borrow has ended and put in place by [`fill`].
fn reserve() -> TimerId {
    LIVE.with(|live| {
        let mut live = live.borrow_mut();
        let slot = match live.free.pop() {
            Some(slot) => slot,
            None => {
                live.slots.push((0, None));
                // More than 2^32 timers at once cannot be made in a page.
                (live.slots.len() - 1) as u32
            }
        };
        let generation = live.slots.get(slot as usize).map_or(0, |s| s.0);
        TimerId { slot, generation }
    })
}

/// Puts the timer made for a [`reserve`]d number in its slot.
fn fill(id: TimerId, timer: Timer) {
    // What is dropped (a call into JS) is dropped after the borrow.
    let stray = LIVE.with(
        |live| match live.borrow_mut().slots.get_mut(id.slot as usize) {
            Some(slot) if slot.0 == id.generation => slot.1.replace(timer),
            // Not reached (`take` never frees a reserved slot); the timer
            // would be cancelled.
            _ => Some(timer),
        },
    );
    drop(stray);
}

/// Gives back a [`reserve`]d number whose timer could not be made.
fn unreserve(id: TimerId) {
    LIVE.with(|live| {
        let mut live = live.borrow_mut();
        if let Some(slot) = live.slots.get_mut(id.slot as usize) {
            if slot.0 == id.generation && slot.1.is_none() {
                free_slot(&mut live, id.slot);
            }
        }
    });
}

/// Gives `slot` a new generation and puts it on the free list; a slot
/// whose generation would wrap is retired instead, so a handle kept for
/// ever can never match a newer timer.
fn free_slot(live: &mut Table, slot: u32) {
    if let Some(s) = live.slots.get_mut(slot as usize) {
        if let Some(next) = s.0.checked_add(1) {
            s.0 = next;
            live.free.push(slot);
        }
    }
}

/// Takes the timer of `id` out of the table and frees its slot; the
/// caller drops it (which calls into JS) after the borrow has ended.
fn take(id: TimerId) -> Option<Timer> {
    LIVE.with(|live| {
        let mut live = live.borrow_mut();
        let slot = live.slots.get_mut(id.slot as usize)?;
        if slot.0 != id.generation {
            return None;
        }
        let timer = slot.1.take()?;
        free_slot(&mut live, id.slot);
        Some(timer)
    })
}

/// Whether the timer `id` is still in the table.
fn is_live(id: TimerId) -> bool {
    LIVE.with(|live| {
        let live = live.borrow();
        (live.slots.get(id.slot as usize)).is_some_and(|s| s.0 == id.generation && s.1.is_some())
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
        (live.borrow().slots.iter())
            .filter(|(_, timer)| {
                timer
                    .as_ref()
                    .is_some_and(|t| !matches!(t, Timer::Listener(_)))
            })
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
    let id = reserve();
    fill(
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

/// A scope's timers, kept on the scope as a private context (see the
/// module docs).
#[derive(Clone, Default)]
struct ScopeTimers(Rc<ScopeState>);

#[derive(Default)]
struct ScopeState {
    /// Whether the scope's cleanup that cancels them is registered (it is
    /// gone once it ran: an effect's re-run runs it).
    registered: Cell<bool>,
    /// The timers scheduled in the scope; some may have fired or been
    /// cleared since (swept when the list is about to grow).
    ids: RefCell<Vec<TimerId>>,
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
    let timers = match scope.__own_context::<ScopeTimers>() {
        Some(timers) => timers,
        None => {
            let timers = ScopeTimers::default();
            scope.with(|| provide_context(timers.clone()));
            timers
        }
    };
    if !timers.0.registered.replace(true) {
        let state = timers.0.clone();
        scope.with(|| on_cleanup(move || cancel_scope(&state)));
    }
    let mut ids = timers.0.ids.borrow_mut();
    if ids.len() == ids.capacity() {
        // Before the list grows, forget the timers that are gone: a
        // long-lived scope that schedules timeouts over and over keeps a
        // list as long as its live timers, not its history.
        ids.retain(|&id| is_live(id));
        // Mostly live (intervals, listeners): grow now, or every push
        // would sweep again.
        if ids.len() > ids.capacity() / 2 {
            let more = ids.len();
            ids.reserve(more);
        }
    }
    ids.push(id);
}

/// Cancels every timer of a scope that is being disposed (or whose
/// effect runs again).
fn cancel_scope(state: &ScopeState) {
    state.registered.set(false);
    let ids = state.ids.take();
    let cancelled: Vec<Timer> = ids.into_iter().filter_map(take).collect();
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
    let id = reserve();
    fill(id, Timer::Interval(Interval::new(millis(duration), cb)));
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
    let id = reserve();
    let callback = Closure::once(one_shot(id, cb));
    let browser_id = crate::dom::request_animation_frame(callback.as_ref().unchecked_ref())
        .inspect_err(|_| unreserve(id))?;
    fill(
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
    let id = reserve();
    let callback = Closure::once(one_shot(id, cb));
    let browser_id = crate::dom::helpers::request_idle(callback.as_ref().unchecked_ref())
        .inspect_err(|_| unreserve(id))?;
    fill(
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
    let id = reserve();
    fill(id, Timer::Listener(WindowListener { name, callback }));
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
