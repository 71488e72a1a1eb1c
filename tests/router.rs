//! The router in the browser: matching, links, back/forward, nested routes
//! with outlets, typed parameters and the fallback.
#![cfg(target_arch = "wasm32")]

mod common;

use common::{history_length, test_container};
use larkspur::router::*;
use larkspur::*;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Where a test keeps the `use_navigate()` function captured inside the router.
type NavigateSlot = StoredValue<Option<Box<dyn Fn(&str)>>>;

fn set_url(path: &str) {
    let history = web_sys::window().unwrap().history().unwrap();
    history
        .replace_state_with_url(&JsValue::NULL, "", Some(path))
        .unwrap();
}

fn pathname() -> String {
    web_sys::window().unwrap().location().pathname().unwrap()
}

fn text(container: &web_sys::HtmlElement, selector: &str) -> String {
    container
        .query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("nothing matches {selector}"))
        .text_content()
        .unwrap()
}

fn click(container: &web_sys::HtmlElement, selector: &str) {
    container
        .query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("nothing matches {selector}"))
        .unchecked_into::<web_sys::HtmlElement>()
        .click();
}

#[component]
fn Home() -> impl IntoView {
    view! { <h2 id="page">"Home"</h2> }
}

#[derive(PartialEq, Clone, Debug)]
struct UserParams {
    id: u32,
}

impl Params for UserParams {
    fn from_map(map: &ParamsMap) -> Result<Self, ParamsError> {
        Ok(UserParams {
            id: map.get_parsed("id")?,
        })
    }
}

#[component]
fn User() -> impl IntoView {
    let params = use_params::<UserParams>();
    view! {
        <h2 id="page">{move || match params.get() {
            Ok(p) => format!("User {}", p.id),
            Err(e) => format!("Error: {e}"),
        }}</h2>
    }
}

#[component]
fn App() -> impl IntoView {
    view! {
        <Router base="">
            <nav>
                <A href="/">"Home"</A>
                <A href="/users/7" class="user-link">"User 7"</A>
                <a id="plain" href="/users/8">"plain link"</a>
            </nav>
            <Routes fallback=|| view! { <h2 id="page">"Not found"</h2> }>
                <Route path="" view=Home/>
                <Route path="users/:id" view=User/>
            </Routes>
        </Router>
    }
}

#[wasm_bindgen_test]
fn links_navigate_without_reloading() {
    set_url("/");
    let container = test_container();
    let handle = mount_to_with_handle(container.clone(), App);
    assert_eq!(text(&container, "#page"), "Home");
    assert_eq!(
        container
            .query_selector("a[href='/']")
            .unwrap()
            .unwrap()
            .get_attribute("aria-current")
            .as_deref(),
        Some("page")
    );

    click(&container, ".user-link");
    assert_eq!(pathname(), "/users/7");
    assert_eq!(text(&container, "#page"), "User 7");
    assert_eq!(
        container
            .query_selector("a[href='/']")
            .unwrap()
            .unwrap()
            .get_attribute("aria-current"),
        None
    );

    // A plain <a href> inside the router is handled the same way.
    click(&container, "#plain");
    assert_eq!(pathname(), "/users/8");
    assert_eq!(text(&container, "#page"), "User 8");

    handle.unmount();
    set_url("/");
}

#[wasm_bindgen_test]
fn popstate_fallback_and_typed_param_errors() {
    set_url("/users/3");
    let container = test_container();
    let handle = mount_to_with_handle(container.clone(), App);
    assert_eq!(text(&container, "#page"), "User 3");

    // Back/forward: the browser changes the URL, then fires popstate.
    set_url("/nowhere");
    web_sys::window()
        .unwrap()
        .dispatch_event(&web_sys::Event::new("popstate").unwrap())
        .unwrap();
    assert_eq!(text(&container, "#page"), "Not found");

    set_url("/users/abc");
    web_sys::window()
        .unwrap()
        .dispatch_event(&web_sys::Event::new("popstate").unwrap())
        .unwrap();
    let message = text(&container, "#page");
    assert!(
        message.starts_with("Error: URL parameter `id`"),
        "{message}"
    );
    assert!(message.contains("\"abc\""), "{message}");

    handle.unmount();
    set_url("/");
}

#[component]
fn Users() -> impl IntoView {
    view! {
        <section id="users">
            <h2>"Users"</h2>
            <Outlet/>
        </section>
    }
}

#[component]
fn UserDetail() -> impl IntoView {
    let params = use_params_map();
    view! { <p id="detail">"Detail " {move || params.with(|p| p.get("id").cloned().unwrap_or_default())}</p> }
}

#[component]
fn NoUser() -> impl IntoView {
    view! { <p id="detail">"Pick a user"</p> }
}

#[component]
fn Nested() -> impl IntoView {
    view! {
        <Router base="">
            <Routes>
                <Route path="users" view=Users>
                    <Route path=":id" view=UserDetail/>
                    <Route path="" view=NoUser/>
                </Route>
                <Route path="about" view=|| view! { <p id="about">"About"</p> }/>
            </Routes>
        </Router>
    }
}

/// Stores `use_navigate()` where the test can reach it.
#[component]
fn Capture() -> impl IntoView {
    let slot = expect_context::<NavigateSlot>();
    let navigate = use_navigate();
    slot.set_value(Some(Box::new(move |to| navigate(to, Default::default()))));
}

#[wasm_bindgen_test]
fn nested_routes_keep_the_parent_and_update_the_outlet() {
    set_url("/users");
    let container = test_container();
    let handle = mount_to_with_handle(container.clone(), Nested);
    assert_eq!(text(&container, "#detail"), "Pick a user");
    let section = container.query_selector("#users").unwrap().unwrap();

    set_url("/users/1");
    web_sys::window()
        .unwrap()
        .dispatch_event(&web_sys::Event::new("popstate").unwrap())
        .unwrap();
    assert_eq!(text(&container, "#detail"), "Detail 1");
    let detail = container.query_selector("#detail").unwrap().unwrap();

    set_url("/users/2");
    web_sys::window()
        .unwrap()
        .dispatch_event(&web_sys::Event::new("popstate").unwrap())
        .unwrap();
    assert_eq!(text(&container, "#detail"), "Detail 2");
    let same_section = container.query_selector("#users").unwrap().unwrap();
    assert!(
        section.is_same_node(Some(&same_section)),
        "the parent route was re-rendered"
    );
    let same_detail = container.query_selector("#detail").unwrap().unwrap();
    assert!(
        detail.is_same_node(Some(&same_detail)),
        "a param change re-rendered the child route"
    );

    set_url("/about");
    web_sys::window()
        .unwrap()
        .dispatch_event(&web_sys::Event::new("popstate").unwrap())
        .unwrap();
    assert!(container.query_selector("#users").unwrap().is_none());
    assert_eq!(text(&container, "#about"), "About");

    handle.unmount();
    set_url("/");
}

#[wasm_bindgen_test]
fn navigate_pushes_history_under_the_base_path() {
    set_url("/app/users/5");
    let container = test_container();
    let slot: NavigateSlot = store_value(None);
    let handle = mount_to_with_handle(container.clone(), move || {
        provide_context(slot);
        view! {
            <Router base="/app/">
                <Capture/>
                <A href="/about">"About"</A>
                <Routes>
                    <Route path="users/:id" view=User/>
                    <Route path="about" view=|| view! { <p id="page">"About"</p> }/>
                </Routes>
            </Router>
        }
    });
    assert_eq!(text(&container, "#page"), "User 5");
    // Links include the base path.
    assert!(container
        .query_selector("a[href='/app/about']")
        .unwrap()
        .is_some());

    slot.with_value(|f| f.as_ref().expect("navigate captured")("/about"));
    assert_eq!(pathname(), "/app/about");
    assert_eq!(text(&container, "#page"), "About");

    handle.unmount();
    slot.dispose();
    set_url("/");
}

#[component]
fn Tab() -> impl IntoView {
    let query = use_query_map();
    view! { <p id="tab">{move || query.with(|q| q.get_str("tab").unwrap_or("none").to_string())}</p> }
}

#[wasm_bindgen_test]
fn hash_mode_routes_from_the_fragment_with_query() {
    set_url("/#/users/7?tab=posts");
    let container = test_container();
    let handle = mount_to_with_handle(container.clone(), || {
        view! {
            <Router mode=RouterMode::Hash>
                <A href="/users/8">"User 8"</A>
                <Routes fallback=|| view! { <h2 id="page">"Not found"</h2> }>
                    <Route path="users/:id" view=|| view! { <User/> <Tab/> }/>
                </Routes>
            </Router>
        }
    });
    assert_eq!(text(&container, "#page"), "User 7");
    assert_eq!(text(&container, "#tab"), "posts");
    // Links point into the fragment; the browser follows them itself.
    assert!(container
        .query_selector("a[href='#/users/8']")
        .unwrap()
        .is_some());

    set_url("/#/users/9?tab=likes+more");
    web_sys::window()
        .unwrap()
        .dispatch_event(&web_sys::Event::new("hashchange").unwrap())
        .unwrap();
    assert_eq!(text(&container, "#page"), "User 9");
    assert_eq!(text(&container, "#tab"), "likes more");

    handle.unmount();
    set_url("/");
}

/// The whole address: path, query and fragment.
fn full_location() -> String {
    let l = web_sys::window().unwrap().location();
    format!(
        "{}{}{}",
        l.pathname().unwrap(),
        l.search().unwrap(),
        l.hash().unwrap()
    )
}

/// With a `<base href="/">` (every Trunk app has one) on a page whose own
/// path and query differ from it, a hash-mode link or `navigate` must stay
/// on this document: left to the browser, `#/users/8` resolves against
/// the base, another URL, and the app reloads.
#[wasm_bindgen_test]
fn hash_mode_links_and_navigate_keep_the_documents_path_and_query() {
    let doc = larkspur::document();
    let base = doc.create_element("base").unwrap();
    base.set_attribute("href", "/").unwrap();
    doc.head().unwrap().append_child(&base).unwrap();
    set_url("/page?utm=x#/users/7");
    let container = test_container();
    let nav = std::rc::Rc::new(std::cell::RefCell::new(None));
    let n = nav.clone();
    let handle = mount_to_with_handle(container.clone(), move || {
        view! {
            <Router mode=RouterMode::Hash>
                {
                    *n.borrow_mut() = Some(use_navigate());
                }
                <A href="/users/8" id="to8">"User 8"</A>
                <A href="/users/9" replace=true id="to9">"User 9"</A>
                <Routes fallback=|| view! { <h2 id="page">"Not found"</h2> }>
                    <Route path="users/:id" view=User/>
                </Routes>
            </Router>
        }
    });
    assert_eq!(text(&container, "#page"), "User 7");
    let to8: web_sys::HtmlElement = container
        .query_selector("#to8")
        .unwrap()
        .unwrap()
        .unchecked_into();
    assert_eq!(to8.get_attribute("href").as_deref(), Some("#/users/8"));
    let entries = history_length();
    to8.click();
    assert_eq!(full_location(), "/page?utm=x#/users/8");
    assert_eq!(text(&container, "#page"), "User 8");
    // A new entry (browsers cap the count at 50, which a long test run in
    // one page can reach).
    let after_push = history_length();
    assert!(
        after_push == entries + 1 || entries >= 50,
        "{entries} -> {after_push}"
    );
    // `replace` holds in hash mode too.
    let to9: web_sys::HtmlElement = container
        .query_selector("#to9")
        .unwrap()
        .unwrap()
        .unchecked_into();
    to9.click();
    assert_eq!(full_location(), "/page?utm=x#/users/9");
    assert_eq!(text(&container, "#page"), "User 9");
    assert_eq!(history_length(), after_push);
    let navigate = nav.borrow_mut().take().unwrap();
    navigate("/users/10", Default::default());
    assert_eq!(full_location(), "/page?utm=x#/users/10");
    assert_eq!(text(&container, "#page"), "User 10");
    handle.unmount();
    base.remove();
    set_url("/");
}

/// Without a `<base href>` (the test page has none) a deep link must not
/// turn its own directory into the base path.
#[wasm_bindgen_test]
fn default_base_is_the_root_without_a_base_element() {
    assert!(larkspur::document()
        .query_selector("base[href]")
        .unwrap()
        .is_none());
    set_url("/users/7");
    let container = test_container();
    let handle = mount_to_with_handle(container.clone(), || {
        view! {
            <Router>
                <A href="/users/8">"User 8"</A>
                <Routes fallback=|| view! { <h2 id="page">"Not found"</h2> }>
                    <Route path="users/:id" view=User/>
                </Routes>
            </Router>
        }
    });
    assert_eq!(text(&container, "#page"), "User 7");
    assert!(container
        .query_selector("a[href='/users/8']")
        .unwrap()
        .is_some());
    handle.unmount();
    set_url("/");
}

/// The user's `on:click` on a link runs before the router navigates, and
/// `prevent_default()` in it keeps the router from navigating (defect 2).
#[wasm_bindgen_test]
fn link_click_handlers_run_first_and_can_prevent_navigation() {
    use std::cell::RefCell;
    use std::rc::Rc;
    set_url("/");
    let container = test_container();
    let log: Rc<RefCell<Vec<String>>> = Default::default();
    let (l1, l2) = (log.clone(), log.clone());
    let handle = mount_to_with_handle(container.clone(), move || {
        view! {
            <Router base="">
                <a id="stay" href="/users/1" on:click=move |ev: web_sys::MouseEvent| {
                    ev.prevent_default();
                    l1.borrow_mut().push(format!("stay at {}", pathname()));
                }>"stay"</a>
                <a id="go" href="/users/2" on:click=move |_| {
                    l2.borrow_mut().push(format!("go at {}", pathname()));
                }>"go"</a>
                <Routes fallback=|| view! { <h2 id="page">"Not found"</h2> }>
                    <Route path="" view=Home/>
                    <Route path="users/:id" view=User/>
                </Routes>
            </Router>
        }
    });
    assert_eq!(text(&container, "#page"), "Home");
    click(&container, "#stay");
    assert_eq!(pathname(), "/", "prevent_default() stopped the router");
    assert_eq!(text(&container, "#page"), "Home");
    click(&container, "#go");
    assert_eq!(pathname(), "/users/2");
    assert_eq!(text(&container, "#page"), "User 2");
    assert_eq!(
        *log.borrow(),
        ["stay at /", "go at /"],
        "both handlers ran, before any navigation"
    );
    handle.unmount();
    set_url("/");
}

/// Defect 23: the History API cannot push to a `<base href>` on another
/// origin, so the base is reported with `console.error` and ignored (the
/// router routes from `/`); a same-origin base without a trailing slash
/// keeps its last segment as the app's directory.
#[wasm_bindgen_test]
fn a_cross_origin_base_is_reported_and_ignored() {
    let document = web_sys::window().unwrap().document().unwrap();
    let base = document.create_element("base").unwrap();
    base.set_attribute("href", "https://example.invalid/app/")
        .unwrap();
    document.head().unwrap().append_child(&base).unwrap();
    let errors = larkspur::testing::fail_on_console_error();
    let path = larkspur::dom::history::base_path();
    let seen = errors.take();
    base.set_attribute("href", "/repo").unwrap();
    let same_origin = larkspur::dom::history::base_path();
    base.remove();
    drop(errors);
    assert_eq!(path, "", "a cross-origin base is ignored");
    assert_eq!(seen.len(), 1, "{seen:?}");
    assert!(
        seen[0].contains("another origin") && seen[0].contains("https://example.invalid"),
        "{seen:?}"
    );
    assert_eq!(same_origin, "/repo");
    assert_eq!(
        larkspur::dom::history::base_path(),
        "",
        "no base element, no base"
    );
}

#[wasm_bindgen_test]
fn a_link_with_a_fragment_scrolls_to_its_target_after_rendering_the_route() {
    // `/docs#install` shows the docs route, then scrolls to `id="install"`
    // as a page load would; a link without a fragment goes to the top.
    set_url("/");
    let container = test_container();
    let handle = mount_to_with_handle(container.clone(), || {
        view! {
            <Router>
                <a href="/docs#install%20steps" id="to-install">"Install"</a>
                <a href="/elsewhere" id="to-elsewhere">"Elsewhere"</a>
                <Routes>
                    <Route path="/" view=|| view! { <p>"home"</p> }/>
                    <Route path="/docs" view=|| view! {
                        <div style="height: 4000px">"intro"</div>
                        <h2 id="install steps">"Install"</h2>
                        <div style="height: 4000px"></div>
                    }/>
                    <Route path="/elsewhere" view=|| view! { <div style="height: 9000px">"long"</div> }/>
                </Routes>
            </Router>
        }
    });
    let window = web_sys::window().unwrap();
    window.scroll_to_with_x_and_y(0.0, 0.0);
    click(&container, "#to-install");
    assert_eq!(pathname(), "/docs");
    let y = window.scroll_y().unwrap();
    assert!(y > 3000.0, "scrolled to the fragment's element, at {y}");
    click(&container, "#to-elsewhere");
    assert_eq!(window.scroll_y().unwrap(), 0.0, "no fragment: the top");
    handle.unmount();
    set_url("/");
}

#[wasm_bindgen_test]
async fn a_redirect_with_a_fragment_scrolls_once_the_flush_has_rendered_the_route() {
    // `<Redirect>` navigates from inside an effect: the new route renders
    // after `navigate` returns, and the scroll must still find its target.
    set_url("/old");
    let window = web_sys::window().unwrap();
    window.scroll_to_with_x_and_y(0.0, 0.0);
    let container = test_container();
    let handle = mount_to_with_handle(container.clone(), || {
        view! {
            <Router>
                <Routes>
                    <Route path="/old" view=|| view! { <Redirect path="/docs#install"/> }/>
                    <Route path="/docs" view=|| view! {
                        <div style="height: 4000px">"intro"</div>
                        <h2 id="install">"Install"</h2>
                        <div style="height: 4000px"></div>
                    }/>
                </Routes>
            </Router>
        }
    });
    common::let_tasks_run().await;
    assert_eq!(pathname(), "/docs");
    let y = window.scroll_y().unwrap();
    assert!(y > 3000.0, "scrolled to the fragment's element, at {y}");
    window.scroll_to_with_x_and_y(0.0, 0.0);
    handle.unmount();
    set_url("/");
}

/// Runs `f` with `console.warn` recording what it is given; returns the
/// messages.
fn warnings_during(f: impl FnOnce()) -> Vec<String> {
    let console = js_sys::Reflect::get(&js_sys::global(), &"console".into()).unwrap();
    let original = js_sys::Reflect::get(&console, &"warn".into()).unwrap();
    let seen = js_sys::Array::new();
    let record = js_sys::Function::new_with_args("seen", "return (m) => seen.push(String(m))")
        .call1(&JsValue::NULL, &seen)
        .unwrap();
    js_sys::Reflect::set(&console, &"warn".into(), &record).unwrap();
    f();
    js_sys::Reflect::set(&console, &"warn".into(), &original).unwrap();
    seen.iter().filter_map(|m| m.as_string()).collect()
}

/// A second `<Routes>` in one `<Router>` is warned about in debug builds
/// (their parameters share one context, as 0.6 warns); one `<Routes>`
/// shown again is not.
#[wasm_bindgen_test]
fn a_second_routes_in_one_router_is_warned_about() {
    set_url("/w/a");
    let container = test_container();
    let (shown, set_shown) = create_signal(true);
    let one = warnings_during(|| {
        let handle = mount_to_with_handle(container.clone(), move || {
            view! {
                <Router base="">
                    <Show when=move || shown.get()>
                        <Routes><Route path="/w/:x" view=|| "a"/></Routes>
                    </Show>
                </Router>
            }
        });
        set_shown(false);
        set_shown(true);
        handle.unmount();
    });
    assert!(
        !one.iter().any(|w| w.contains("second <Routes>")),
        "{one:?}"
    );
    let two = warnings_during(|| {
        let handle = mount_to_with_handle(container.clone(), || {
            view! {
                <Router base="">
                    <Routes><Route path="/w/:x" view=|| "a"/></Routes>
                    <Routes><Route path="/w/:y" view=|| "b"/></Routes>
                </Router>
            }
        });
        handle.unmount();
    });
    assert!(two.iter().any(|w| w.contains("second <Routes>")), "{two:?}");
    set_url("/");
}

/// Two routes that redirect to each other: the loop is cut short with a
/// console error (no hang, no flush-budget panic, no throttled History
/// API), one of the two routes stays shown, and the app still navigates.
#[wasm_bindgen_test]
async fn a_redirect_loop_is_refused_and_the_app_goes_on() {
    set_url("/ping");
    let before = history_length();
    let container = test_container();
    let errors = larkspur::testing::fail_on_console_error();
    let handle = mount_to_with_handle(container.clone(), || {
        view! {
            <Router>
                <A href="/calm" attr:id="calm">"calm"</A>
                <Routes>
                    <Route path="/ping" view=|| view! { <Redirect path="/pong"/> }/>
                    <Route path="/pong" view=|| view! { <Redirect path="/ping"/> }/>
                    <Route path="/calm" view=|| view! { <p id="page">"calm"</p> }/>
                </Routes>
            </Router>
        }
    });
    common::let_tasks_run().await;
    let seen = errors.take();
    assert!(
        seen.iter().any(|e| e.contains("redirect loop")),
        "the loop is reported: {seen:?}"
    );
    assert!(["/ping", "/pong"].contains(&pathname().as_str()));
    assert_eq!(history_length(), before, "redirects replace");
    click(&container, "#calm");
    common::let_tasks_run().await;
    assert_eq!(pathname(), "/calm");
    assert_eq!(text(&container, "#page"), "calm");
    handle.unmount();
    set_url("/");
}

/// Forty apps on one page, each redirecting once as it mounts: no loop,
/// and none is refused (the loop guard counts per router).
#[wasm_bindgen_test]
async fn forty_apps_each_redirecting_once_all_arrive() {
    set_url("/start");
    let errors = larkspur::testing::fail_on_console_error();
    let container = test_container();
    let handles: Vec<_> = (0..40)
        .map(|_| {
            let app = larkspur::document().create_element("div").unwrap();
            container.append_child(&app).unwrap();
            mount_to_with_handle(app.unchecked_into(), || {
                view! {
                    <Router>
                        <Routes>
                            <Route path="/start" view=|| view! { <Redirect path="/end"/> }/>
                            <Route path="/end" view=|| view! { <p class="end">"end"</p> }/>
                        </Routes>
                    </Router>
                }
            })
        })
        .collect();
    common::let_tasks_run().await;
    assert_eq!(container.query_selector_all("p.end").unwrap().length(), 40);
    drop(errors);
    for handle in handles {
        handle.unmount();
    }
    set_url("/");
}
