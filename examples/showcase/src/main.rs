//! The Larkspur showcase: every demo behind the router, each page with an
//! explanation and its source.
//!
//! History mode by default (deep links need a host that serves
//! `index.html` or `404.html` for unknown paths, as GitHub Pages does with
//! the `404.html` copy that `scripts/post-build.mjs` writes); the `hash`
//! feature builds the same routes in the URL fragment
//! (`trunk build --release --features hash`). Served by `scripts/serve`;
//! `scripts/deep-links` builds both under `/larkspur/` and walks every route.

mod demos;
mod page;

use demos::{
    counter::Counter, data::DataDemo, lifecycle::LifeCycle, router::UsersLayout, tabs::TabsDemo,
    todos::TodoDemo,
};
use larkspur::router::*;
use larkspur::*;
use page::{Demo, Home, NotFound, Page};

#[cfg(not(feature = "hash"))]
const MODE: RouterMode = RouterMode::History;
#[cfg(feature = "hash")]
const MODE: RouterMode = RouterMode::Hash;

/// The site navigation: `(path, label)`.
const NAV: [(&str, &str); 7] = [
    ("/", "Home"),
    ("/counter", "Counter"),
    ("/tabs", "Tabs"),
    ("/life-cycle", "Life cycle"),
    ("/todomvc", "TodoMVC"),
    ("/router", "Router"),
    ("/data", "Data"),
];

/// The header's navigation; the section being shown is marked (the router
/// marks the exact page with `aria-current`, this also marks a section's
/// sub-pages such as `/router/users/2`).
#[component]
fn SiteNav() -> impl IntoView {
    let location = use_location();
    let links = NAV
        .iter()
        .map(|(path, label)| {
            let here = move || {
                location
                    .pathname
                    .with(|p| p == path || (*path != "/" && p.starts_with(&format!("{path}/"))))
            };
            view! { <li class:here=here><A href=*path>{*label}</A></li> }
        })
        .collect_view();
    view! { <nav aria-label="Demos"><ul>{links}</ul></nav> }
}

#[component]
fn CounterPage() -> impl IntoView {
    view! {
        <Page title="Counter" source=include_str!("demos/counter.rs")>
            <p>"A signal holds the count; the button's text reads it, so a click updates that one text node and nothing else."</p>
            <Demo><Counter/></Demo>
        </Page>
    }
}

#[component]
fn TabsPage() -> impl IntoView {
    view! {
        <Page title="Tabs" source=include_str!("demos/tabs.rs")>
            <p>"The tab box provides the selected index as context; each tab reads it and hides itself when it is not selected. No props are threaded through."</p>
            <Demo><TabsDemo/></Demo>
        </Page>
    }
}

#[component]
fn LifeCyclePage() -> impl IntoView {
    view! {
        <Page title="Life cycle" source=include_str!("demos/lifecycle.rs")>
            <p>"On odd counts a component with an effect is mounted; the effect logs the count. On even counts the component is disposed with its effect, so the log grows only by odd numbers."</p>
            <Demo><LifeCycle/></Demo>
        </Page>
    }
}

#[component]
fn TodoPage() -> impl IntoView {
    view! {
        <Page title="TodoMVC" source=include_str!("../../todomvc/src/lib.rs")>
            <p>"The TodoMVC app from " <code>"examples/todomvc"</code> ", mounted as a component: add, edit on double-click, toggle, filter, clear. The list is kept in localStorage."</p>
            <Demo><TodoDemo/></Demo>
        </Page>
    }
}

#[component]
fn RouterPage() -> impl IntoView {
    view! {
        <Page title="Router" source=include_str!("demos/router.rs")>
            <p>"This page is a parent route; the user list stays while the nested route below it changes. A user's page reads " <code>":id"</code> " from the path and " <code>"?tab="</code> " from the query. Unknown paths show the not-found page."</p>
            <Demo><UsersLayout/></Demo>
        </Page>
    }
}

#[component]
fn DataPage() -> impl IntoView {
    view! {
        <Page title="Data" source=include_str!("demos/data.rs")>
            <p>"JSON files shipped with the app, fetched with a resource. Pick a file: the table stays while the next one loads (Transition); a missing file or malformed JSON is caught by an ErrorBoundary."</p>
            <Demo><DataDemo/></Demo>
        </Page>
    }
}

#[component]
fn App() -> impl IntoView {
    view! {
        <Router mode=MODE>
            <header class="site-header">
                <p class="brand"><A href="/">"Larkspur"</A></p>
                <SiteNav/>
            </header>
            <main id="main">
                <Routes fallback=NotFound>
                    <Route path="" view=Home/>
                    <Route path="counter" view=CounterPage/>
                    <Route path="tabs" view=TabsPage/>
                    <Route path="life-cycle" view=LifeCyclePage/>
                    <Route path="todomvc" view=TodoPage/>
                    {demos::todos::hash_filter_routes()}
                    {demos::router::routes()}
                    <Route path="data" view=DataPage/>
                </Routes>
            </main>
            <footer class="site-footer">
                <p>"Built with Larkspur. " {if cfg!(feature = "hash") { "Hash-mode build." } else { "History-mode build." }}</p>
            </footer>
        </Router>
    }
}

fn main() {
    mount_to_body(App);
}
