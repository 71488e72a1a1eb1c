//! [`watch`]: run a callback when some reactive dependencies change, with the old and new values.

use std::cell::RefCell;
use std::rc::Rc;

use crate::scheduler::untrack;

/// Tracks `deps` and calls `callback(&new, previous, last_result)` each time
/// they change; returns a function that stops watching.
///
/// Only `deps` is tracked: what `callback` reads does not make it re-run.
/// With `immediate` the callback also runs once right away (with no
/// previous value). The dependencies are read synchronously when `watch`
/// is called, so a write that follows it is never missed.
///
/// ```
/// use larkspur_reactive::*;
/// use std::{cell::RefCell, rc::Rc};
/// let (num, set_num) = create_signal(0);
/// let seen = Rc::new(RefCell::new(Vec::new()));
/// let s = seen.clone();
/// let stop = watch(
///     move || num.get(),
///     move |new, prev, _| s.borrow_mut().push((*new, prev.copied())),
///     false,
/// );
/// set_num(1);
/// stop();
/// set_num(2); // no longer watched
/// assert_eq!(*seen.borrow(), [(1, Some(0))]);
/// ```
#[cfg_attr(debug_assertions, track_caller)]
pub fn watch<W, T>(
    deps: impl crate::Source<W>,
    callback: impl Fn(&W, Option<&W>, Option<T>) -> T + 'static,
    immediate: bool,
) -> impl Fn() + Clone
where
    W: 'static,
    T: 'static,
{
    let deps = deps.into_reader();
    struct State<W, T> {
        previous: Option<W>,
        result: Option<T>,
    }
    let state = Rc::new(RefCell::new(State {
        previous: None,
        result: None,
    }));
    // A side effect: a timer its callback schedules belongs to the view
    // around the watch and outlives the next trigger, as in 0.6.
    let effect = crate::effect::create_side_render_effect(move |first: Option<()>| {
        let new = deps();
        let (previous, result) = {
            let mut s = state.borrow_mut();
            (s.previous.take(), s.result.take())
        };
        if first.is_some() || immediate {
            // The callback's own reads must not become dependencies, and it
            // may write signals: run it with no borrow of `state` held.
            let out = untrack(|| callback(&new, previous.as_ref(), result));
            state.borrow_mut().result = Some(out);
        }
        state.borrow_mut().previous = Some(new);
    });
    move || effect.dispose()
}
