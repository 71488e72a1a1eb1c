//! Waiting in tests: for deferred effects ([`tick`]), for time
//! ([`sleep_ms`]), and for every resource to load ([`settle`]).

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
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let window = web_sys::window().expect("a browser window");
        let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(
            &resolve,
            ms.min(i32::MAX as u32) as i32,
        );
    });
    let _ = JsFuture::from(promise).await;
    tick().await;
}

/// Waits until no resource is loading (every `create_resource` load that
/// can still change a resource has finished and its value is written), up
/// to five seconds of browser time, then [`tick`]s. A load superseded by a
/// newer request (it runs on, as in Leptos 0.6, but its answer is ignored)
/// is not waited for. Panics if resources are still loading then,
/// saying how many.
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
            panic!("settle: {loading} resource load(s) still in flight after 5 s");
        }
        // A macrotask, so fetches and timers in the loaders can progress.
        let promise = js_sys::Promise::new(&mut |resolve, _| {
            let cb = Closure::once_into_js(move || {
                let _ = resolve.call0(&JsValue::NULL);
            });
            if let Some(window) = web_sys::window() {
                let _ = window
                    .set_timeout_with_callback_and_timeout_and_arguments_0(cb.unchecked_ref(), 1);
            }
        });
        let _ = JsFuture::from(promise).await;
    }
}
