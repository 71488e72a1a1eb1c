//! TodoMVC from the `todomvc` example crate, mounted in a page. Its
//! filters are `#/active`-style fragment links: in history mode the router
//! leaves them to the browser (the path stays `/todomvc`). In hash mode the
//! fragment *is* the route, so `/active` and `/completed` are routes that
//! show this page too, and "All" (`#/`) is sent to `/todomvc`.

use larkspur::router::*;
use larkspur::*;
use todomvc::TodoMvc;
use wasm_bindgen::JsCast;

/// The TodoMVC app inside a `.todomvc` box (its stylesheet is scoped to it).
#[component]
pub fn TodoDemo() -> impl IntoView {
    let navigate = use_navigate();
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
            <TodoMvc/>
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
