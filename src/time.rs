//! Timers tied to the ownership tree: [`set_timeout`], [`set_interval`],
//! [`request_animation_frame`] and [`debounce`].
//!
//! A timer scheduled while an owner is current (a component body, an
//! effect) is cancelled when that owner is disposed, so a callback never
//! runs for a view that is gone. Timers scheduled outside any owner (in an
//! event handler, for example) live until they fire or are cleared through
//! their handle. Every call goes through the [`dom::timers`] facade.

use std::cell::Cell;
use std::rc::Rc;
use std::time::Duration;

use larkspur_reactive::{on_cleanup, Owner};
use wasm_bindgen::JsValue;

use crate::dom::timers::{self, TimerId};

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
        timers::cancel(self.0);
    }
}

/// A running interval, returned by [`set_interval`].
///
/// ```no_run
/// use larkspur::*;
/// use std::time::Duration;
///
/// let handle = set_interval(|| log!("tick"), Duration::from_secs(1));
/// handle.clear();
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct IntervalHandle(Option<TimerId>);

impl IntervalHandle {
    /// Stops the interval; does nothing if it was already stopped.
    ///
    /// ```no_run
    /// use larkspur::*;
    /// use std::time::Duration;
    ///
    /// let handle = set_interval(|| {}, Duration::from_millis(100));
    /// handle.clear();
    /// handle.clear(); // no-op
    /// ```
    pub fn clear(&self) {
        if let Some(id) = self.0 {
            timers::cancel(id);
        }
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
        timers::cancel(self.0);
    }
}

/// Milliseconds for the browser, saturating at `i32::MAX` (about 24 days,
/// the browsers' own limit).
fn millis(duration: Duration) -> i32 {
    duration.as_millis().min(i32::MAX as u128) as i32
}

/// Cancels `id` when the current owner (if any) is disposed.
fn cancel_with_owner(id: TimerId) {
    if Owner::current().is_some() {
        on_cleanup(move || timers::cancel(id));
    }
}

/// Calls `cb` once after `duration`, unless the current owner is disposed
/// first.
///
/// ```no_run
/// use larkspur::*;
/// use std::time::Duration;
///
/// let (visible, set_visible) = create_signal(true);
/// set_timeout(move || set_visible(false), Duration::from_secs(3));
/// ```
pub fn set_timeout(cb: impl FnOnce() + 'static, duration: Duration) {
    if set_timeout_with_handle(cb, duration).is_err() {
        crate::dom::console_error("larkspur: setTimeout failed");
    }
}

/// Like [`set_timeout`], returning a handle that can cancel the timeout.
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
    let id = timers::set_timeout(Box::new(cb), millis(duration))?;
    cancel_with_owner(id);
    Ok(TimeoutHandle(id))
}

/// Calls `cb` every `duration` until the returned handle is cleared or the
/// current owner is disposed.
///
/// ```no_run
/// use larkspur::*;
/// use std::time::Duration;
///
/// let (seconds, set_seconds) = create_signal(0);
/// let handle = set_interval(move || set_seconds.update(|s| *s += 1), Duration::from_secs(1));
/// // later: handle.clear();
/// ```
pub fn set_interval(cb: impl Fn() + 'static, duration: Duration) -> IntervalHandle {
    match set_interval_with_handle(cb, duration) {
        Ok(handle) => handle,
        Err(_) => {
            crate::dom::console_error("larkspur: setInterval failed");
            IntervalHandle(None)
        }
    }
}

/// Like [`set_interval`], reporting a failure to schedule as an error.
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
    let id = timers::set_interval(Box::new(cb), millis(duration))?;
    cancel_with_owner(id);
    Ok(IntervalHandle(Some(id)))
}

/// Calls `cb` once before the next repaint, unless the current owner is
/// disposed first.
///
/// ```no_run
/// use larkspur::*;
///
/// request_animation_frame(|| log!("next frame"));
/// ```
pub fn request_animation_frame(cb: impl FnOnce() + 'static) {
    if request_animation_frame_with_handle(cb).is_err() {
        crate::dom::console_error("larkspur: requestAnimationFrame failed");
    }
}

/// Like [`request_animation_frame`], returning a handle that can cancel it.
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
    let id = timers::request_animation_frame(Box::new(cb))?;
    cancel_with_owner(id);
    Ok(AnimationFrameRequestHandle(id))
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
    let cb = Rc::new(std::cell::RefCell::new(cb));
    let pending: Rc<Cell<Option<TimerId>>> = Rc::new(Cell::new(None));
    if Owner::current().is_some() {
        let pending = pending.clone();
        on_cleanup(move || {
            if let Some(id) = pending.take() {
                timers::cancel(id);
            }
        });
    }
    move |arg: T| {
        if let Some(id) = pending.take() {
            timers::cancel(id);
        }
        let cb = cb.clone();
        let fired = pending.clone();
        let run = Box::new(move || {
            fired.set(None);
            (cb.borrow_mut())(arg);
        });
        match timers::set_timeout(run, millis(delay)) {
            Ok(id) => pending.set(Some(id)),
            Err(_) => crate::dom::console_error("larkspur: setTimeout failed"),
        }
    }
}
