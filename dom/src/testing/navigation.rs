//! Moving a routed app to another URL in tests, and reading where it is.

use wasm_bindgen::JsValue;

use crate::router::{NavigateOptions, RouterContext};

/// Goes to `path` (a path with an optional query and fragment, such as
/// `/users/7?tab=posts`) as a link in the app would.
///
/// With a `<Router>` rendered (by the screen rendered last), the router
/// navigates: a new history entry, the routes, `use_location` and
/// `use_params` follow at once. Otherwise the page's URL is set
/// (`history.pushState`), so a `<Router>` rendered afterwards starts
/// there, and a `popstate` event tells a router the test cannot reach
/// (one inside a `<Show>` or `<Suspense>`) to follow, as it follows the
/// Back button. When the last live [`Screen`](super::Screen) is dropped,
/// the page's URL goes back to the one the test binary started at, so a
/// test that navigated leaves the next one at the start page. (A test
/// that panicked never drops its screen; debug builds take it out at the
/// next `render`, release builds cannot tell, and its URL stays until its
/// screen goes: start a routed test with `navigate_to` if the page it is
/// about matters.)
///
/// ```no_run
/// # use larkspur::*; use larkspur::router::*; use larkspur::testing::*;
/// #[component]
/// fn App() -> impl IntoView {
///     view! {
///         <Router>
///             <Routes>
///                 <Route path="/" view=|| view! { <h1>"Home"</h1> }/>
///                 <Route path="/users/:id" view=|| {
///                     let params = use_params_map();
///                     view! { <h1>"User " {move || params.with(|p| p.get("id").cloned())}</h1> }
///                 }/>
///             </Routes>
///         </Router>
///     }
/// }
///
/// navigate_to("/users/7");
/// let screen = render(App);
/// assert_eq!(text(&screen.get_by_role("heading", "")), "User 7");
/// navigate_to("/");
/// assert_eq!(text(&screen.get_by_role("heading", "")), "Home");
/// assert_eq!(current_url(), "/");
/// ```
pub fn navigate_to(path: &str) {
    note_start_url();
    match larkspur_reactive::use_context::<RouterContext>() {
        Some(router) => router.navigate(path, &NavigateOptions::default()),
        None => {
            crate::dom::history::push_url(path, false, &JsValue::NULL);
            if let Some(window) = web_sys::window() {
                if let Ok(event) = web_sys::PopStateEvent::new("popstate") {
                    let _ = window.dispatch_event(&event);
                }
            }
        }
    }
}

thread_local! {
    /// The page's URL before any test moved it (see [`note_start_url`]).
    static START_URL: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
}

/// Remembers the URL the test binary's page was loaded at, the first time
/// a test renders or navigates: the page load's own entry in the
/// performance timeline (`pushState` does not change it), or the URL
/// shown now where the browser has none.
pub(super) fn note_start_url() {
    if START_URL.with(|s| s.borrow().is_some()) {
        return;
    }
    let href = loaded_at().or_else(|| web_sys::window().and_then(|w| w.location().href().ok()));
    START_URL.with(|s| *s.borrow_mut() = href);
}

/// `performance.getEntriesByType("navigation")[0].name`, through
/// `Reflect` (no `web-sys` features for one read in the test kit).
fn loaded_at() -> Option<String> {
    use js_sys::{Array, Function, Reflect};
    use wasm_bindgen::JsCast;
    let performance = Reflect::get(&js_sys::global(), &"performance".into()).ok()?;
    let get = Reflect::get(&performance, &"getEntriesByType".into()).ok()?;
    let entries = get
        .dyn_ref::<Function>()?
        .call1(&performance, &"navigation".into())
        .ok()?;
    let first = entries.dyn_ref::<Array>()?.get(0);
    Reflect::get(&first, &"name".into()).ok()?.as_string()
}

/// Puts the page's URL back to the start page (no history entry, no
/// `popstate`: the test kit's screens are all gone; an app mounted outside
/// them keeps the URL it had).
pub(super) fn restore_start_url() {
    let Some(start) = START_URL.with(|s| s.borrow().clone()) else {
        return;
    };
    let here = web_sys::window().and_then(|w| w.location().href().ok());
    if here.as_deref() != Some(start.as_str()) {
        crate::dom::history::push_url(&start, true, &JsValue::NULL);
    }
}

/// The page's path, query and fragment (`/users/7?tab=posts#bio`), as the
/// browser shows it (percent-encoded).
pub fn current_url() -> String {
    let (path, search, hash) = crate::dom::history::location();
    path + &search + &hash
}
