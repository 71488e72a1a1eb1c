//! Which route wins, and which clicks the router takes, as in Leptos 0.6:
//! routes rank by 0.6's score (an exact route beats its `*wildcard`
//! sibling however deep the path; optional parameters expand into one
//! pattern with and one without them, so an explicit static route declared
//! first keeps its path); a link inside a shadow root is routed in the app;
//! a raw link to the base path with a query is routed, not loaded.
#![cfg(target_arch = "wasm32")]

mod common;

use common::{click, find, location, set_url, test_container, text};
use larkspur::router::*;
use larkspur::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[component]
fn FileBrowser() -> impl IntoView {
    let params = use_params_map();
    view! { <p id="page">"files: " {move || params.with(|p| p.get_str("path").unwrap_or("").to_string())}</p> }
}

#[wasm_bindgen_test]
fn an_exact_nested_route_beats_its_wildcard_sibling_on_a_deep_path() {
    set_url("/org/acme/repo/web");
    let container = test_container();
    let handle = mount_to_with_handle(container.clone(), || {
        view! {
            <Router>
                <A href="/org/acme/repo/web/src/main.rs">"main.rs"</A>
                <Routes>
                    <Route path="/org/:org/repo/:repo" view=|| view! { <Outlet/> }>
                        <Route path="*path" view=FileBrowser/>
                        <Route path="" view=|| view! { <p id="page">"repo home"</p> }/>
                    </Route>
                </Routes>
            </Router>
        }
    });
    assert_eq!(text(&find(&container, "#page")), "repo home");
    click(&find(&container, "a"));
    assert_eq!(text(&find(&container, "#page")), "files: src/main.rs");
    handle.unmount();
    set_url("/");
}

#[wasm_bindgen_test]
fn an_explicit_route_declared_first_keeps_its_path_from_an_optional_parameter() {
    set_url("/search");
    let container = test_container();
    let handle = mount_to_with_handle(container.clone(), || {
        view! {
            <Router>
                <A href="/search/larkspur">"results"</A>
                <Routes>
                    <Route path="/search" view=|| view! { <p id="page">"form"</p> }/>
                    <Route path="/search/:query?" view=|| {
                        let params = use_params_map();
                        view! {
                            <p id="page">"results for "
                                {move || params.with(|p| p.get_str("query").unwrap_or("-").to_string())}
                            </p>
                        }
                    }/>
                </Routes>
            </Router>
        }
    });
    assert_eq!(text(&find(&container, "#page")), "form");
    click(&find(&container, "a"));
    assert_eq!(text(&find(&container, "#page")), "results for larkspur");
    handle.unmount();
    set_url("/");
}

#[wasm_bindgen_test]
fn an_optional_parameter_still_matches_without_its_segment() {
    set_url("/about");
    let container = test_container();
    let handle = mount_to_with_handle(container.clone(), || {
        view! {
            <Router>
                <Routes>
                    <Route path="/:lang?/about" view=|| {
                        let params = use_params_map();
                        view! {
                            <p id="page">"about "
                                {move || params.with(|p| p.get_str("lang").unwrap_or("default").to_string())}
                            </p>
                        }
                    }/>
                </Routes>
            </Router>
        }
    });
    assert_eq!(text(&find(&container, "#page")), "about default");
    handle.unmount();
    set_url("/");
}

#[wasm_bindgen_test]
fn a_link_inside_a_shadow_root_is_routed_in_the_app() {
    set_url("/");
    let container = test_container();
    let portal_target = test_container();
    let target = portal_target.clone();
    let handle = mount_to_with_handle(container.clone(), move || {
        view! {
            <Router>
                <Portal mount=target.clone() use_shadow=true>
                    <A href="/settings">"Settings"</A>
                </Portal>
                <Routes>
                    <Route path="/" view=|| view! { <p id="page">"home"</p> }/>
                    <Route path="/settings" view=|| view! { <p id="page">"settings"</p> }/>
                </Routes>
            </Router>
        }
    });
    let host = portal_target
        .first_element_child()
        .expect("the portal's host");
    let link: web_sys::HtmlElement = host
        .shadow_root()
        .expect("an open shadow root")
        .query_selector("a")
        .unwrap()
        .expect("the link")
        .unchecked_into();
    // A real click: composed, so the window's listener sees it.
    click(&link);
    assert_eq!(location(), "/settings");
    assert_eq!(text(&find(&container, "#page")), "settings");
    handle.unmount();
    portal_target.remove();
    set_url("/");
}

#[wasm_bindgen_test]
fn a_raw_link_to_the_base_with_a_query_is_routed() {
    set_url("/app/x");
    let container = test_container();
    let handle = mount_to_with_handle(container.clone(), || {
        view! {
            <Router base="/app">
                <a id="tab" href="/app?tab=2">"Tab 2"</a>
                <Routes>
                    <Route path="/x" view=|| view! { <p id="page">"x"</p> }/>
                    <Route path="/" view=|| {
                        let query = use_query_map();
                        view! {
                            <p id="page">"tab "
                                {move || query.with(|q| q.get_str("tab").unwrap_or("-").to_string())}
                            </p>
                        }
                    }/>
                </Routes>
            </Router>
        }
    });
    assert_eq!(text(&find(&container, "#page")), "x");
    click(&find(&container, "#tab"));
    // Routed (a reload would have ended the test), to the router's form
    // of the base's root.
    assert_eq!(location(), "/app/?tab=2");
    assert_eq!(text(&find(&container, "#page")), "tab 2");
    handle.unmount();
    set_url("/");
}
