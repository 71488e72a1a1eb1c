//! TodoMVC from the `todomvc` example crate, mounted in a page. Its
//! filters are `#/active`-style fragment links: in history mode the router
//! leaves them to the browser (the path stays `/todomvc`). In hash mode the
//! fragment *is* the route, so `/active` and `/completed` are routes that
//! show this page too, and "All" (`#/`) is sent to `/todomvc`. Either way
//! the filter is read from the router's location, not from `hashchange`:
//! the site nav's "TodoMVC" link on `/todomvc#/active` is a `pushState`
//! to `/todomvc`, which fires no `hashchange`.

use larkspur::router::*;
use larkspur::*;
use todomvc::{Filter, TodoMvc};
use wasm_bindgen::JsCast;

/// The TodoMVC app inside a `.todomvc` box (its stylesheet is scoped to it).
#[component]
pub fn TodoDemo() -> impl IntoView {
    let navigate = use_navigate();
    let location = use_location();
    let filter = Signal::derive(move || {
        if cfg!(feature = "hash") {
            // `#/active` is the route `/active`.
            location.pathname.with(|path| Filter::from_hash(path))
        } else {
            location.hash.with(|hash| Filter::from_hash(hash))
        }
    });
    let all_filter = move |ev: web_sys::MouseEvent| {
        let link = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|el| el.closest(".filters a[href='#/']").ok().flatten());
        if cfg!(feature = "hash") && link.is_some() {
            ev.prevent_default();
            navigate("/todomvc", Default::default());
        }
    };
    view! {
        <div class="todomvc" on:click=all_filter>
            <TodoMvc filter/>
        </div>
    }
}

/// In hash mode, the filter fragments are routes to the TodoMVC page.
pub fn hash_filter_routes() -> impl IntoView {
    cfg!(feature = "hash").then(|| {
        view! {
            <Route path="active" view=crate::TodoPage/>
            <Route path="completed" view=crate::TodoPage/>
        }
    })
}
