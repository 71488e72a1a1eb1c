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
/// Back button. The test page keeps its URL from one test to the next:
/// start a routed test with `navigate_to("/")` or the page it is about.
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

/// The page's path, query and fragment (`/users/7?tab=posts#bio`), as the
/// browser shows it (percent-encoded).
pub fn current_url() -> String {
    let (path, search, hash) = crate::dom::history::location();
    path + &search + &hash
}
