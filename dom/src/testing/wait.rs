//! Waiting in tests: for deferred effects ([`tick`]), for time
//! ([`sleep_ms`]), for every resource to load ([`settle`]), and for any
//! condition ([`wait_for`]).

use wasm_bindgen::{closure::Closure, JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Lets queued microtasks run, then runs every deferred effect
/// (`create_effect` runs its first time "a tick later", as in the book).
///
/// ```no_run
/// # use larkspur::*; use larkspur::testing::*;
/// # async fn example() {
/// let (seen, set_seen) = create_signal(false);
/// let _screen = render(move || { create_effect(move |_| set_seen(true)); });
/// tick().await;
/// assert!(seen.get_untracked());
/// # }
/// ```
pub async fn tick() {
    let promise = js_sys::Promise::resolve(&JsValue::NULL);
    let _ = JsFuture::from(promise).await;
    larkspur_reactive::flush();
}

/// Waits `ms` milliseconds of browser time (a `setTimeout`), then
/// [`tick`]s. For timers in the code under test; prefer [`settle`] for
/// data.
pub async fn sleep_ms(ms: u32) {
    macrotask(ms.min(i32::MAX as u32) as i32).await;
    tick().await;
}

/// Waits until no resource is loading and no action is running (every
/// `create_resource` load that can still change a resource has finished
/// and its value is written, and every `Action`/`MultiAction` dispatch has
/// its value, so the reloads its `version` starts are waited for too), up
/// to five seconds of browser time, then [`tick`]s. A load superseded by a
/// newer request (it runs on, as in Leptos 0.6, but its answer is ignored)
/// is not waited for. Panics if work is still in flight then, saying how
/// much.
///
/// ```no_run
/// # use larkspur::*; use larkspur::testing::*;
/// # async fn example() {
/// let screen = render(|| {
///     let data = create_resource(|| (), |_| async { 42 });
///     view! { <Suspense fallback=|| "loading"><p>{move || data.get()}</p></Suspense> }
/// });
/// settle().await;
/// assert_eq!(screen.text(), "42");
/// # }
/// ```
pub async fn settle() {
    let start = js_sys::Date::now();
    loop {
        tick().await;
        let loading = larkspur_reactive::__loads_in_flight();
        if loading == 0 {
            // One more turn so effects that the last load queued have run.
            tick().await;
            return;
        }
        if js_sys::Date::now() - start > 5_000.0 {
            panic!("settle: {loading} resource load(s) or action(s) still in flight after 5 s");
        }
        // A macrotask, so fetches and timers in the loaders can progress.
        macrotask(1).await;
    }
}

/// Waits until `ready` returns true: checks now, then again after each
/// turn of the browser's event loop (every 10 ms; timers, fetches,
/// resources and effects progress in between), for up to two seconds.
/// Panics if it is still false then. [`wait_for_ms`] takes the limit.
///
/// ```no_run
/// # use larkspur::*; use larkspur::testing::*;
/// # async fn example() {
/// let (count, set_count) = create_signal(0);
/// let screen = render(move || {
///     set_interval(move || set_count.update(|n| *n += 1), std::time::Duration::from_millis(10));
///     view! { <p>{count}</p> }
/// });
/// wait_for(|| count.get_untracked() >= 3).await;
/// wait_for(|| screen.text().parse::<i32>().unwrap() >= 3).await;
/// # }
/// ```
pub async fn wait_for(ready: impl FnMut() -> bool) {
    wait_for_ms(2_000, ready).await
}

/// [`wait_for`] with a limit of `ms` milliseconds.
pub async fn wait_for_ms(ms: u32, ready: impl FnMut() -> bool) {
    if !poll(ms, ready).await {
        panic!("wait_for: the condition was still false after {ms} ms");
    }
}

/// Checks `ready` after a [`tick`], then every 10 ms of browser time
/// until it holds or `ms` milliseconds have passed; whether it held.
pub(super) async fn poll(ms: u32, mut ready: impl FnMut() -> bool) -> bool {
    let start = js_sys::Date::now();
    loop {
        tick().await;
        if ready() {
            return true;
        }
        if js_sys::Date::now() - start >= f64::from(ms) {
            return false;
        }
        macrotask(10).await;
    }
}

/// Resolves after a `setTimeout` of `ms` milliseconds: one turn of the
/// event loop at least, so timers, fetches and rendering can progress.
async fn macrotask(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let cb = Closure::once_into_js(move || {
            let _ = resolve.call0(&JsValue::NULL);
        });
        if let Some(window) = web_sys::window() {
            let _ = window
                .set_timeout_with_callback_and_timeout_and_arguments_0(cb.unchecked_ref(), ms);
        }
    });
    let _ = JsFuture::from(promise).await;
}
