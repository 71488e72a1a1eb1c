//! Router API from Leptos 0.6 apps, written as those apps write it:
//! `#[derive(Params)]`, `<A exact>`, `Redirect`, `Form`, `use_route`,
//! `AnimatedRoutes`, `set_is_routing` + `RoutingProgress`,
//! `create_query_signal`, `#[component(transparent)]` routes.
#![cfg(target_arch = "wasm32")]

mod common;

use common::{click, find, history_length, location, set_url, test_container, text, tick};
use larkspur::router::*;
use larkspur::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[derive(Params, PartialEq, Clone, Debug)]
struct ContactParams {
    id: Option<usize>,
}

#[derive(Params, PartialEq, Clone, Debug)]
struct ContactQuery {
    tab: String,
}

#[component]
fn Contact() -> impl IntoView {
    let params = use_params::<ContactParams>();
    let query = use_query::<ContactQuery>();
    let route = use_route();
    let map = use_params_map();
    view! {
        <p id="id">{move || params.with(|p| match p {
            Ok(ContactParams { id: Some(id) }) => format!("contact {id}"),
            Ok(ContactParams { id: None }) => "no id".to_string(),
            Err(e) => format!("error: {e}"),
        })}</p>
        <p id="tab">{move || query.with(|q| match q {
            Ok(q) => q.tab.clone(),
            Err(e) => e.to_string(),
        })}</p>
        <p id="route">{route.original_path().to_string()} " " {route.path()}</p>
        // 0.6's `ParamsMap::get` returns `Option<&String>`.
        <p id="raw">{move || map.with(|m| m.get("id").cloned().unwrap_or_default())}</p>
        // 0.6's `ParamsMap(pub LinearMap<String, String>)`, read through `.0`.
        <p id="pairs">{move || {
            let query = use_location().query.get();
            let mut keys: Vec<String> = Vec::new();
            for (k, v) in query.0 {
                keys.push(format!("{k}={v}"));
            }
            keys.join(",")
        }}</p>
    }
}

/// Routes declared in a transparent component, as Leptos 0.6 apps split
/// their route tables.
#[component(transparent)]
fn ContactRoutes() -> impl IntoView {
    view! {
        <Route path="contacts" view=|| view! { <Outlet/> }>
            <Route path=":id" view=Contact/>
            <Route path="" view=|| view! { <p id="id">"pick one"</p> }/>
        </Route>
    }
}

#[wasm_bindgen_test]
fn derived_params_query_and_route_context() {
    set_url("/contacts/7?tab=notes");
    let container = test_container();
    let handle = mount_to_with_handle(container.clone(), || {
        view! {
            <Router base="">
                <A href="/contacts" id="all">"All"</A>
                <A href="/contacts" exact=true id="exact">"Exactly all"</A>
                <A href="/contacts/x?tab=a" id="bad">"Bad id"</A>
                <A href="/contacts" attr:style="color: red" attr:data-kind="nav" id="styled">"Styled"</A>
                <Routes>
                    <ContactRoutes/>
                </Routes>
            </Router>
        }
    });
    assert_eq!(text(&find(&container, "#id")), "contact 7");
    assert_eq!(text(&find(&container, "#tab")), "notes");
    assert_eq!(
        text(&find(&container, "#route")),
        "/contacts/:id /contacts/7"
    );
    assert_eq!(text(&find(&container, "#raw")), "7");
    // `attr:` on `<A>` (0.6's `#[prop(attrs)]`).
    let styled = find(&container, "#styled");
    assert_eq!(styled.get_attribute("style").as_deref(), Some("color: red"));
    assert_eq!(styled.get_attribute("data-kind").as_deref(), Some("nav"));
    assert_eq!(text(&find(&container, "#pairs")), "tab=notes");
    // Not exact: `/contacts` is active below itself; exact: only on itself.
    assert_eq!(
        find(&container, "#all")
            .get_attribute("aria-current")
            .as_deref(),
        Some("page")
    );
    assert_eq!(
        find(&container, "#exact").get_attribute("aria-current"),
        None
    );

    click(&find(&container, "#bad"));
    let message = text(&find(&container, "#id"));
    assert!(
        message.starts_with("error: URL parameter `id`"),
        "{message}"
    );
    assert_eq!(text(&find(&container, "#tab")), "a");
    assert_eq!(text(&find(&container, "#pairs")), "tab=a");

    click(&find(&container, "#all"));
    assert_eq!(text(&find(&container, "#id")), "pick one");
    assert_eq!(
        find(&container, "#exact")
            .get_attribute("aria-current")
            .as_deref(),
        Some("page")
    );
    handle.unmount();
    set_url("/");
}

#[wasm_bindgen_test]
async fn redirect_replaces_the_entry() {
    set_url("/old");
    let before = history_length();
    let container = test_container();
    let handle = mount_to_with_handle(container.clone(), || {
        view! {
            <Router base="">
                <Routes>
                    <Route path="old" view=|| view! { <Redirect path="/new?from=old"/> }/>
                    <Route path="new" view=|| view! { <p id="page">"new page"</p> }/>
                </Routes>
            </Router>
        }
    });
    tick().await;
    assert_eq!(location(), "/new?from=old");
    assert_eq!(text(&find(&container, "#page")), "new page");
    assert_eq!(history_length(), before, "a redirect replaces, not pushes");
    handle.unmount();
    set_url("/");
}

#[component]
fn SearchPage() -> impl IntoView {
    let query = use_query_map();
    view! {
        <Form action="/search">
            <input type="search" name="q" value="rust web"/>
            <input type="hidden" name="page" value="2"/>
            <button type="submit" id="go">"Search"</button>
        </Form>
        <p id="results">{move || query.with(|q| format!("{} / {}",
            q.get("q").cloned().unwrap_or_default(),
            q.get("page").cloned().unwrap_or_default()))}</p>
    }
}

#[wasm_bindgen_test]
fn get_forms_navigate_with_their_fields() {
    set_url("/search");
    let container = test_container();
    let handle = mount_to_with_handle(container.clone(), || {
        view! {
            <Router base="">
                <Routes>
                    <Route path="search" view=SearchPage/>
                </Routes>
            </Router>
        }
    });
    assert_eq!(text(&find(&container, "#results")), " / ");
    // The form is rendered with the app path as its action.
    assert_eq!(
        find(&container, "form").get_attribute("action").as_deref(),
        Some("/search")
    );
    click(&find(&container, "#go"));
    assert_eq!(location(), "/search?q=rust+web&page=2");
    assert_eq!(text(&find(&container, "#results")), "rust web / 2");
    handle.unmount();
    set_url("/");
}

#[component]
fn Pager() -> impl IntoView {
    let (page, set_page) = create_query_signal::<u32>("page");
    let next = set_page;
    view! {
        <p id="page">{move || page.get().map(|p| p.to_string()).unwrap_or("none".into())}</p>
        <button id="next" on:click=move |_| next.set(Some(page.get_untracked().unwrap_or(1) + 1))>"next"</button>
        // Call syntax on the `SignalSetter`, as 0.6 on nightly writes it.
        <button id="clear" on:click=move |_| set_page(None)>"clear"</button>
    }
}

#[wasm_bindgen_test]
fn query_signals_read_and_navigate() {
    set_url("/list?sort=name&page=2");
    let container = test_container();
    let handle = mount_to_with_handle(container.clone(), || {
        view! {
            <Router base="">
                <Routes><Route path="list" view=Pager/></Routes>
            </Router>
        }
    });
    assert_eq!(text(&find(&container, "#page")), "2");
    click(&find(&container, "#next"));
    assert_eq!(location(), "/list?sort=name&page=3");
    assert_eq!(text(&find(&container, "#page")), "3");
    click(&find(&container, "#clear"));
    assert_eq!(location(), "/list?sort=name");
    assert_eq!(text(&find(&container, "#page")), "none");
    handle.unmount();
    set_url("/");
}

#[wasm_bindgen_test]
fn animated_routes_switch_classes_on_animationend() {
    set_url("/one");
    let container = test_container();
    let handle = mount_to_with_handle(container.clone(), || {
        view! {
            <Router base="">
                <A href="/two" id="to-two">"two"</A>
                <AnimatedRoutes class="outlet" outro="out" intro="in" finally="done">
                    <Route path="one" view=|| view! { <p id="page">"one"</p> }/>
                    <Route path="two" view=|| view! { <p id="page">"two"</p> }/>
                </AnimatedRoutes>
            </Router>
        }
    });
    let wrapper = find(&container, "div.outlet");
    // The first route shows `finally`, as in 0.6.
    assert_eq!(wrapper.class_name(), "outlet done");
    assert_eq!(text(&find(&container, "#page")), "one");

    click(&find(&container, "#to-two"));
    // The old route stays while its outro plays.
    assert_eq!(wrapper.class_name(), "outlet out");
    assert_eq!(text(&find(&container, "#page")), "one");
    // A child's own animation ending bubbles up but ends nothing.
    common::dispatch(&find(&container, "#page"), "animationend");
    assert_eq!(wrapper.class_name(), "outlet out");

    common::dispatch(&wrapper, "animationend");
    assert_eq!(wrapper.class_name(), "outlet in");
    assert_eq!(text(&find(&container, "#page")), "two");

    common::dispatch(&wrapper, "animationend");
    assert_eq!(wrapper.class_name(), "outlet done");
    handle.unmount();
    set_url("/");
}

/// Gives the wrapper's phase classes a long CSS animation, so that only
/// the test's own `animationend` events end them.
fn long_animations() -> web_sys::Element {
    let style = web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .create_element("style")
        .unwrap();
    style.set_text_content(Some(
        "@keyframes lark-hold { from { opacity: 1 } to { opacity: 1 } } \
         .outlet.out, .outlet.in, .outlet.out-back, .outlet.in-back { animation: lark-hold 60s }",
    ));
    web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .head()
        .unwrap()
        .append_child(&style)
        .unwrap();
    style
}

/// A phase class that runs no animation (no stylesheet for it, or
/// `animation: none` under `prefers-reduced-motion`) does not strand the
/// old route: a frame later the new one shows.
#[wasm_bindgen_test]
async fn a_phase_without_an_animation_moves_on_after_a_frame() {
    set_url("/one");
    let container = test_container();
    let handle = mount_to_with_handle(container.clone(), || {
        view! {
            <Router base="">
                <A href="/two" id="to-two">"two"</A>
                <AnimatedRoutes class="outlet" outro="out" intro="in">
                    <Route path="one" view=|| view! { <p id="page">"one"</p> }/>
                    <Route path="two" view=|| view! { <p id="page">"two"</p> }/>
                </AnimatedRoutes>
            </Router>
        }
    });
    let wrapper = find(&container, "div.outlet");
    click(&find(&container, "#to-two"));
    assert_eq!(wrapper.class_name(), "outlet out");
    for _ in 0..100 {
        if wrapper.class_name() == "outlet" {
            break;
        }
        larkspur::testing::sleep_ms(20).await;
    }
    assert_eq!(text(&find(&container, "#page")), "two");
    assert_eq!(
        wrapper.class_name(),
        "outlet",
        "outro and intro both passed"
    );
    handle.unmount();
    set_url("/");
}

/// After Back, a navigation the app makes (not a link click) plays the
/// forward classes again.
#[wasm_bindgen_test]
async fn a_navigation_after_back_animates_forward() {
    set_url("/one");
    let style = long_animations();
    let container = test_container();
    let handle = mount_to_with_handle(container.clone(), || {
        view! {
            <Router base="">
                <A href="/two" id="to-two">"two"</A>
                <NavigateButton/>
                <AnimatedRoutes class="outlet" outro="out" intro="in" outro_back="out-back"
                    intro_back="in-back">
                    <Route path="one" view=|| view! { <p id="page">"one"</p> }/>
                    <Route path="two" view=|| view! { <p id="page">"two"</p> }/>
                </AnimatedRoutes>
            </Router>
        }
    });
    let wrapper = find(&container, "div.outlet");
    let finish = |wrapper: &web_sys::HtmlElement| {
        common::dispatch(wrapper, "animationend");
        common::dispatch(wrapper, "animationend");
    };
    click(&find(&container, "#to-two"));
    finish(&wrapper);
    web_sys::window()
        .unwrap()
        .history()
        .unwrap()
        .back()
        .unwrap();
    for _ in 0..100 {
        if wrapper.class_name().contains("out-back") {
            break;
        }
        larkspur::testing::sleep_ms(20).await;
    }
    assert_eq!(wrapper.class_name(), "outlet out-back");
    finish(&wrapper);
    assert_eq!(text(&find(&container, "#page")), "one");
    click(&find(&container, "#navigate"));
    assert_eq!(wrapper.class_name(), "outlet out");
    handle.unmount();
    style.remove();
    set_url("/");
}

#[component]
fn NavigateButton() -> impl IntoView {
    let navigate = use_navigate();
    view! { <button id="navigate" on:click=move |_| navigate("/two", Default::default())>"go"</button> }
}

#[wasm_bindgen_test]
async fn routing_state_and_progress_bar() {
    set_url("/a");
    let container = test_container();
    let (is_routing, set_is_routing) = create_signal(false);
    let seen = store_value(Vec::<bool>::new());
    let handle = mount_to_with_handle(container.clone(), move || {
        create_render_effect(move |_| {
            let now = is_routing.get();
            seen.update_value(|v| v.push(now));
        });
        view! {
            <Router base="" set_is_routing>
                <RoutingProgress is_routing class="bar"/>
                <A href="/b" id="to-b">"b"</A>
                <Routes>
                    <Route path="a" view=|| "page a"/>
                    <Route path="b" view=|| "page b"/>
                </Routes>
            </Router>
        }
    });
    assert!(container.query_selector("progress").unwrap().is_none());
    click(&find(&container, "#to-b"));
    assert!(is_routing.get_untracked());
    let bar = find(&container, "progress.bar");
    assert_eq!(bar.get_attribute("max").as_deref(), Some("100"));
    tick().await;
    tick().await;
    assert!(!is_routing.get_untracked());
    assert!(container.query_selector("progress").unwrap().is_none());
    assert_eq!(seen.get_value(), vec![false, true, false]);
    handle.unmount();
    set_url("/");
}

#[wasm_bindgen_test]
fn animated_outlet_plays_back_classes_on_popstate() {
    set_url("/tabs/a");
    let container = test_container();
    let handle = mount_to_with_handle(container.clone(), || {
        view! {
            <Router base="">
                <A href="/tabs/b" id="to-b">"b"</A>
                <Routes>
                    <Route path="tabs" view=|| view! { <AnimatedOutlet class="pane" intro="in" intro_back="in-back"/> }>
                        <Route path="a" view=|| view! { <p id="tab">"a"</p> }/>
                        <Route path="b" view=|| view! { <p id="tab">"b"</p> }/>
                    </Route>
                </Routes>
            </Router>
        }
    });
    let pane = find(&container, "div.pane");
    assert_eq!(pane.class_name(), "pane");
    assert_eq!(text(&find(&container, "#tab")), "a");

    // No outro: the new route arrives at once, playing its intro.
    click(&find(&container, "#to-b"));
    assert_eq!(text(&find(&container, "#tab")), "b");
    assert_eq!(pane.class_name(), "pane in");
    common::dispatch(&pane, "animationend");
    assert_eq!(pane.class_name(), "pane");

    // Back: the `_back` intro.
    set_url("/tabs/a");
    web_sys::window()
        .unwrap()
        .dispatch_event(&web_sys::Event::new("popstate").unwrap())
        .unwrap();
    assert_eq!(text(&find(&container, "#tab")), "a");
    assert_eq!(pane.class_name(), "pane in-back");
    handle.unmount();
    set_url("/");
}

/// The Leptos book's nested contact list: links relative to the route they
/// are rendered in, a link whose target is a closure, and
/// `use_resolved_path`.
#[component]
fn ContactList() -> impl IntoView {
    view! {
        <nav>
            <A href="alice" id="alice">"Alice"</A>
            <A href="bob" id="bob">"Bob"</A>
            <A href="?tab=2" id="tab">"Tab 2"</A>
        </nav>
        <Outlet/>
    }
}

#[component]
fn ContactInfo() -> impl IntoView {
    let params = use_params_map();
    let name = move || params.with(|p| p.get("name").cloned().unwrap_or_default());
    let conversations = use_resolved_path(|| "conversations".to_string());
    view! {
        <p id="name">{name}</p>
        <A href="../bob" id="sibling">"Bob"</A>
        <A href="" id="self">"Self"</A>
        <A href=move || format!("/contacts/{}/conversations", name()) id="dynamic">"Talk"</A>
        <p id="resolved">{move || conversations.get().unwrap_or_default()}</p>
        <A href="https://example.com/docs" target="_blank" id="external">"Docs"</A>
    }
}

#[wasm_bindgen_test]
fn links_resolve_against_their_route() {
    set_url("/contacts");
    let container = test_container();
    let handle = mount_to_with_handle(container.clone(), || {
        view! {
            <Router base="">
                <Routes>
                    <Route path="contacts" view=ContactList>
                        <Route path=":name" view=ContactInfo/>
                        <Route path="" view=|| view! { <p id="name">"none"</p> }/>
                    </Route>
                </Routes>
            </Router>
        }
    });
    let href = |id: &str| {
        find(&container, id)
            .get_attribute("href")
            .unwrap_or_default()
    };
    // In the view of `contacts`, on `/contacts`: not `/alice`.
    assert_eq!(href("#alice"), "/contacts/alice");
    assert_eq!(href("#bob"), "/contacts/bob");

    click(&find(&container, "#alice"));
    assert_eq!(location(), "/contacts/alice");
    assert_eq!(text(&find(&container, "#name")), "alice");
    // The list's links keep resolving against `contacts`, now one level up.
    assert_eq!(href("#bob"), "/contacts/bob");
    assert_eq!(href("#sibling"), "/contacts/bob");
    // A query alone stays on the page, even from the parent route's view.
    assert_eq!(href("#tab"), "/contacts/alice?tab=2");
    assert_eq!(href("#self"), "/contacts/alice");
    assert_eq!(href("#dynamic"), "/contacts/alice/conversations");
    assert_eq!(
        text(&find(&container, "#resolved")),
        "/contacts/alice/conversations"
    );
    assert_eq!(href("#external"), "https://example.com/docs");
    assert_eq!(
        find(&container, "#external")
            .get_attribute("target")
            .as_deref(),
        Some("_blank")
    );
    assert_eq!(
        find(&container, "#alice")
            .get_attribute("aria-current")
            .as_deref(),
        Some("page")
    );

    // The route's matched path changes: relative and closure targets follow.
    click(&find(&container, "#sibling"));
    assert_eq!(location(), "/contacts/bob");
    assert_eq!(text(&find(&container, "#name")), "bob");
    assert_eq!(href("#self"), "/contacts/bob");
    assert_eq!(href("#dynamic"), "/contacts/bob/conversations");
    assert_eq!(
        text(&find(&container, "#resolved")),
        "/contacts/bob/conversations"
    );
    assert_eq!(
        find(&container, "#alice").get_attribute("aria-current"),
        None
    );
    assert_eq!(
        find(&container, "#bob")
            .get_attribute("aria-current")
            .as_deref(),
        Some("page")
    );
    handle.unmount();
    set_url("/");
}

thread_local! {
    static SEEN: std::cell::RefCell<Vec<(String, String)>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Shows the history entry's state and navigates with `NavigateOptions`'
/// `resolve: false` and `state`.
#[component]
fn StatePage() -> impl IntoView {
    let location = use_location();
    // `Location` is `Debug`, and every `use_location()` gives the router's
    // same memos, as in 0.6.
    assert_eq!(location, use_location());
    assert!(format!("{location:?}").starts_with("Location"));
    assert!(format!("{:?}", use_router()).starts_with("RouterContext"));
    let navigate = use_navigate();
    let state = move || {
        location.state.with(|s| match &s.0 {
            Some(v) => v
                .as_string()
                .or_else(|| v.as_f64().map(|n| n.to_string()))
                .unwrap_or_else(|| "other".into()),
            None => "none".into(),
        })
    };
    // Every (path, state) pair an effect sees, to check they change together.
    create_render_effect(move |_| {
        let pair = (location.pathname.get(), state());
        SEEN.with(|seen| seen.borrow_mut().push(pair));
    });
    view! {
        <p id="state">{state}</p>
        <button id="nav" on:click=move |_| navigate("d", NavigateOptions {
            resolve: false,
            state: State::from(7),
            ..Default::default()
        })>"d"</button>
    }
}

#[wasm_bindgen_test]
fn links_replace_and_carry_history_state() {
    set_url("/a");
    let container = test_container();
    let (class, set_class) = create_signal("plain");
    let handle = mount_to_with_handle(container.clone(), move || {
        view! {
            <Router base="">
                <A href="/b/x" replace=true id="replace">"b"</A>
                <A href="/c" state="from-link" class=class active_class="on" id="with-state">"c"</A>
                <a href="/e" replace noscroll id="plain">"e"</a>
                <Routes>
                    <Route path="/*any" view=StatePage/>
                </Routes>
            </Router>
        }
    });
    let state = || text(&find(&container, "#state"));
    let class_of = |id: &str| find(&container, id).class_name();
    let entries = history_length();
    assert_eq!(state(), "none");
    assert_eq!(class_of("#with-state"), "plain");

    // `replace`: a new URL, no new entry.
    click(&find(&container, "#replace"));
    assert_eq!(location(), "/b/x");
    assert_eq!(history_length(), entries);

    // `resolve: false`: `d` is taken from the root, not from `/b/`.
    click(&find(&container, "#nav"));
    assert_eq!(location(), "/d");
    assert_eq!(history_length(), entries + 1);
    assert_eq!(state(), "7");

    // `state`: the link's entry carries it; the reactive class follows its
    // signal and keeps the active class.
    click(&find(&container, "#with-state"));
    assert_eq!(location(), "/c");
    assert_eq!(history_length(), entries + 2);
    assert_eq!(state(), "from-link");
    let history = web_sys::window().unwrap().history().unwrap();
    assert_eq!(
        history.state().unwrap().as_string().as_deref(),
        Some("from-link")
    );
    assert_eq!(class_of("#with-state"), "plain on");
    set_class.set("fancy");
    assert_eq!(class_of("#with-state"), "fancy on");

    // A plain `<a replace>` is read the same way by the router.
    click(&find(&container, "#plain"));
    assert_eq!(location(), "/e");
    assert_eq!(history_length(), entries + 2);
    assert_eq!(state(), "none");
    assert_eq!(class_of("#with-state"), "fancy");

    // Back to an entry with state: `popstate` restores it.
    history
        .replace_state_with_url(&"restored".into(), "", Some("/c"))
        .unwrap();
    web_sys::window()
        .unwrap()
        .dispatch_event(&web_sys::Event::new("popstate").unwrap())
        .unwrap();
    assert_eq!(location(), "/c");
    assert_eq!(state(), "restored");
    // The path and the state changed together: no effect saw one without
    // the other.
    let seen = SEEN.with(|seen| seen.take());
    let pairs: Vec<(&str, &str)> = seen.iter().map(|(p, s)| (p.as_str(), s.as_str())).collect();
    assert_eq!(
        pairs,
        [
            ("/a", "none"),
            ("/b/x", "none"),
            ("/d", "7"),
            ("/c", "from-link"),
            ("/e", "none"),
            ("/c", "restored"),
        ]
    );
    handle.unmount();
    set_url("/");
}

#[wasm_bindgen_test]
async fn protected_routes_render_or_redirect_with_their_condition() {
    set_url("/account");
    let container = test_container();
    let logged_in = RwSignal::new(false);
    let handle = mount_to_with_handle(container.clone(), move || {
        view! {
            <Router base="">
                <Routes>
                    <Route path="/login" view=|| view! { <p id="page">"login"</p> }/>
                    <ProtectedRoute path="/account" redirect_path="/login"
                        condition=logged_in view=|| view! { <p id="page">"account"</p> }/>
                </Routes>
            </Router>
        }
    });
    // Not logged in: redirected (the redirect runs as an effect).
    tick().await;
    assert_eq!(location(), "/login");
    assert_eq!(text(&find(&container, "#page")), "login");

    logged_in.set(true);
    set_url("/account");
    web_sys::window()
        .unwrap()
        .dispatch_event(&web_sys::Event::new("popstate").unwrap())
        .unwrap();
    assert_eq!(text(&find(&container, "#page")), "account");

    // Logging out on the page redirects.
    logged_in.set(false);
    tick().await;
    assert_eq!(location(), "/login");
    assert_eq!(text(&find(&container, "#page")), "login");
    handle.unmount();
    set_url("/");
}

#[wasm_bindgen_test]
fn forms_take_enctype_and_noscroll() {
    set_url("/upload");
    let container = test_container();
    let handle = mount_to_with_handle(container.clone(), || {
        view! {
            <Router base="">
                <Form action="/upload" method="post" enctype="multipart/form-data" id="post">
                    <input type="file" name="f"/>
                </Form>
                <Form action="/search" noscroll=true id="get">
                    <input type="search" name="q" value="lark"/>
                    <button type="submit" id="go">"Search"</button>
                </Form>
            </Router>
        }
    });
    let post = find(&container, "#post");
    assert_eq!(
        post.get_attribute("enctype").as_deref(),
        Some("multipart/form-data")
    );
    // A page tall enough to scroll: the GET submission keeps the position.
    let window = web_sys::window().unwrap();
    container.style().set_property("height", "5000px").unwrap();
    window.scroll_to_with_x_and_y(0.0, 300.0);
    let before = window.scroll_y().unwrap();
    assert!(before > 0.0);
    click(&find(&container, "#go"));
    assert_eq!(location(), "/search?q=lark");
    assert_eq!(window.scroll_y().unwrap(), before);
    container.style().remove_property("height").unwrap();
    window.scroll_to_with_x_and_y(0.0, 0.0);
    handle.unmount();
    set_url("/");
}

/// Without a `redirect_path` a closed protected route stays where it is
/// and renders nothing (its documented fallback).
#[wasm_bindgen_test]
async fn a_protected_route_without_a_redirect_path_renders_nothing() {
    set_url("/vault?tab=2#sec");
    let window = web_sys::window().unwrap();
    let history = window.history().unwrap();
    history
        .replace_state_with_url(&"kept".into(), "", Some("/vault?tab=2#sec"))
        .unwrap();
    let container = test_container();
    let handle = mount_to_with_handle(container.clone(), move || {
        view! {
            <Router base="">
                <Routes>
                    <ProtectedRoute path="/vault" condition=|| false
                        view=|| view! { <p id="page">"vault"</p> }/>
                </Routes>
            </Router>
        }
    });
    tick().await;
    // It stays: the query, the fragment and the history state too.
    assert_eq!(location(), "/vault?tab=2");
    assert_eq!(window.location().hash().unwrap(), "#sec");
    assert_eq!(
        history.state().unwrap().as_string().as_deref(),
        Some("kept")
    );
    assert!(common::find_all(&container, "#page").is_empty());
    handle.unmount();
    set_url("/");
}

/// The guarded view is rebuilt only when the condition's answer flips, not
/// whenever something the condition reads changes.
#[wasm_bindgen_test]
async fn a_protected_route_rebuilds_only_when_its_answer_flips() {
    set_url("/inbox");
    let container = test_container();
    let unread = create_rw_signal(Some(0u32));
    let builds = std::rc::Rc::new(std::cell::Cell::new(0));
    let b = builds.clone();
    let handle = mount_to_with_handle(container.clone(), move || {
        let b = b.clone();
        view! {
            <Router base="">
                <Routes>
                    <Route path="/login" view=|| view! { <p id="page">"login"</p> }/>
                    <ProtectedRoute path="/inbox" redirect_path="/login"
                        condition=move || unread.with(|u| u.is_some())
                        view=move || {
                            b.set(b.get() + 1);
                            view! { <p id="page">"inbox"</p> }
                        }/>
                </Routes>
            </Router>
        }
    });
    tick().await;
    assert_eq!(builds.get(), 1);
    unread.set(Some(1));
    unread.set(Some(2));
    tick().await;
    assert_eq!(builds.get(), 1, "an unchanged answer rebuilt the view");
    assert_eq!(text(&find(&container, "#page")), "inbox");
    unread.set(None);
    tick().await;
    assert_eq!(location(), "/login");
    handle.unmount();
    set_url("/");
}

/// A history state the browser cannot store (a function) costs the state,
/// with an error that says so, not the navigation.
#[wasm_bindgen_test]
fn an_uncloneable_history_state_is_dropped_with_a_clear_error() {
    set_url("/here");
    let container = test_container();
    let errors = larkspur::testing::fail_on_console_error();
    let handle = mount_to_with_handle(container.clone(), || {
        view! {
            <Router base="">
                <StateButton/>
            </Router>
        }
    });
    click(&find(&container, "#go"));
    assert_eq!(location(), "/there");
    let seen = errors.take();
    assert_eq!(seen.len(), 1, "{seen:?}");
    assert!(seen[0].contains("history state"), "{seen:?}");
    assert!(seen[0].contains("dropped"), "{seen:?}");
    handle.unmount();
    set_url("/");
}

#[component]
fn StateButton() -> impl IntoView {
    let navigate = use_navigate();
    let go = move |_| {
        let state: wasm_bindgen::JsValue = js_sys::Function::new_no_args("return 1").into();
        navigate(
            "/there",
            NavigateOptions {
                state: State::from(state),
                ..Default::default()
            },
        );
    };
    view! { <button id="go" on:click=go>"go"</button> }
}

/// `<Routes base>`, the router's `fallback` for routes without one, and the
/// server-side props accepted as no-ops.
#[wasm_bindgen_test]
async fn routes_base_router_fallback_and_server_props() {
    set_url("/app/users");
    let container = test_container();
    let handle = mount_to_with_handle(container.clone(), || {
        view! {
            <Router base="" fallback=|| view! { <p id="page">"router fallback"</p> }
                trailing_slash=TrailingSlash::Drop>
                <Routes base="/app">
                    <Route path="users" ssr=SsrMode::Async methods=&[Method::Get]
                        view=|| view! { <p id="page">"users"</p> }/>
                </Routes>
                <A href="/elsewhere" id="away">"away"</A>
            </Router>
        }
    });
    tick().await;
    assert_eq!(text(&find(&container, "#page")), "users");
    click(&find(&container, "#away"));
    tick().await;
    assert_eq!(text(&find(&container, "#page")), "router fallback");
    handle.unmount();
    set_url("/");
}

thread_local! {
    static LOGIN_GONE: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

#[component]
fn LoginPage(logged_in: ReadSignal<bool>) -> impl IntoView {
    let navigate = use_navigate();
    // "Login succeeded, go home", from an effect and from a render
    // closure of the route being left: navigation is at once here (0.6
    // waits for a frame), and the page is torn down safely mid-run.
    create_effect(move |_| {
        if logged_in.get() {
            navigate("/home", Default::default());
        }
    });
    on_cleanup(|| LOGIN_GONE.with(|g| g.set(true)));
    let navigate = use_navigate();
    view! {
        <p id="login">{move || {
            if logged_in.get() {
                navigate("/home", Default::default());
            }
            "login"
        }}</p>
    }
}

#[wasm_bindgen_test]
async fn navigating_away_from_inside_the_route_being_left_is_safe() {
    // Both the effect and the render closure navigate in one update.
    set_url("/login");
    LOGIN_GONE.with(|g| g.set(false));
    let container = test_container();
    let (logged_in, set_logged_in) = create_signal(false);
    let handle = mount_to_with_handle(container.clone(), move || {
        view! {
            <Router base="">
                <Routes>
                    <Route path="login" view=move || view! { <LoginPage logged_in/> }/>
                    <Route path="home" view=|| view! { <p id="home">"home"</p> }/>
                </Routes>
            </Router>
        }
    });
    tick().await;
    assert_eq!(find(&container, "#login").text_content().unwrap(), "login");
    set_logged_in.set(true);
    tick().await;
    assert_eq!(location(), "/home");
    assert_eq!(find(&container, "#home").text_content().unwrap(), "home");
    assert!(LOGIN_GONE.with(|g| g.get()), "the login page was disposed");
    handle.unmount();
    set_url("/");
}

thread_local! {
    static LOADS: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
    static LOADER_DROPS: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
}

/// A Leptos 0.6 route loader: a memo of the route's parameter, created
/// under the route's owner.
fn user_loader() -> Memo<String> {
    LOADS.with(|n| n.set(n.get() + 1));
    on_cleanup(|| LOADER_DROPS.with(|n| n.set(n.get() + 1)));
    let params = use_params_map();
    // A read of the parameters in the loader itself does not make the
    // route's view follow them (the loader runs untracked).
    let _ = params.with(|p| p.get("id").cloned());
    create_memo(move |_| {
        params.with(|p| format!("user {}", p.get("id").cloned().unwrap_or_default()))
    })
}

#[component]
fn LoadedUser() -> impl IntoView {
    let user = use_route_data::<Memo<String>>();
    // Another type than the loader's: `None`, not a panic.
    let wrong = use_route_data::<Memo<u32>>();
    view! {
        <p id="user">{move || user.map(|u| u.get()).unwrap_or_else(|| "no data".into())}</p>
        <p id="wrong">{wrong.is_none()}</p>
        // Relative to the route's matched path, `<Routes base>` included.
        <A href="posts" id="posts-link">"Posts"</A>
        <Outlet/>
    }
}

#[component]
fn Posts() -> impl IntoView {
    // Only the nearest route's loader counts.
    let data = use_route_data::<Memo<String>>();
    view! { <p id="posts">{format!("posts, data: {}", data.is_some())}</p> }
}

#[wasm_bindgen_test]
fn route_data_loaders_and_possible_branches() {
    set_url("/app/users/7");
    LOADS.with(|n| n.set(0));
    LOADER_DROPS.with(|n| n.set(0));
    let loads = || LOADS.with(|n| n.get());
    let drops = || LOADER_DROPS.with(|n| n.get());
    let container = test_container();
    let captured = std::rc::Rc::new(std::cell::RefCell::new(None));
    let c = captured.clone();
    let handle = mount_to_with_handle(container.clone(), move || {
        view! {
            <Router base="">
                {
                    *c.borrow_mut() = Some((use_router(), use_navigate()));
                }
                <Routes base="/app">
                    <Route path="users/:id" view=LoadedUser data=user_loader>
                        <Route path="posts" view=Posts/>
                        <Route path="" view=|| ()/>
                    </Route>
                    <ProtectedRoute path="secret" redirect_path="/" condition=|| true
                        view=|| view! { <p id="secret">{use_route_data::<u8>()}</p> } data=|| 42u8/>
                    <Route path="" view=|| view! { <p id="home">"home"</p> }/>
                </Routes>
            </Router>
        }
    });
    let (router, navigate) = captured
        .borrow_mut()
        .take()
        .expect("the router was rendered");
    let go = |to: &str| navigate(to, Default::default());

    assert_eq!(text(&find(&container, "#user")), "user 7");
    assert_eq!(text(&find(&container, "#wrong")), "true");
    let posts_link = find(&container, "#posts-link");
    assert_eq!(
        posts_link.get_attribute("href").as_deref(),
        Some("/app/users/7/posts")
    );
    click(&posts_link);
    assert_eq!(location(), "/app/users/7/posts");
    assert_eq!(text(&find(&container, "#posts")), "posts, data: false");
    go("/app/users/7");
    assert_eq!((loads(), drops()), (1, 0));
    // Only the parameter changes: the loader's memo follows it, the loader
    // does not run again.
    go("/app/users/8");
    assert_eq!(text(&find(&container, "#user")), "user 8");
    assert_eq!((loads(), drops()), (1, 0));
    // A nested route without a loader reads none; its parent keeps its own.
    go("/app/users/8/posts");
    assert_eq!(text(&find(&container, "#posts")), "posts, data: false");
    assert_eq!(text(&find(&container, "#user")), "user 8");
    assert_eq!((loads(), drops()), (1, 0));
    // Leaving the route disposes what the loader created.
    go("/app/secret");
    assert_eq!(text(&find(&container, "#secret")), "42");
    assert_eq!((loads(), drops()), (1, 1));
    go("/app/users/9");
    assert_eq!(text(&find(&container, "#user")), "user 9");
    assert_eq!((loads(), drops()), (2, 1));

    // `<Routes base="/app">`: the patterns carry it, the original paths do not.
    let branches = router.possible_branches();
    let listed: Vec<(String, String)> = branches
        .iter()
        .map(|b| {
            let last = b.routes.last().expect("a branch has a route");
            (last.pattern.clone(), last.original_path.clone())
        })
        .collect();
    let at = |pattern: &str| {
        listed
            .iter()
            .position(|(p, _)| p == pattern)
            .unwrap_or_else(|| panic!("{pattern} is not in {listed:?}"))
    };
    assert_eq!(listed[at("/app/users/:id/posts")].1, "/users/:id/posts");
    assert_eq!(listed[at("/app/secret")].1, "/secret");
    assert_eq!(listed[at("/app")].1, "/");
    let posts = &branches[at("/app/users/:id/posts")];
    assert_eq!(posts.routes.len(), 2);
    assert_eq!(posts.routes[0].original_path, "/users/:id");
    // No branch for `users/:id` alone: a route with children matches through them.
    assert_eq!(listed.len(), 4);
    // Tried in order: the more specific first.
    assert!(at("/app/users/:id/posts") < at("/app"));
    assert!(posts.score > branches[at("/app")].score);
    handle.unmount();
    set_url("/");
}

/// One page has one `pathname`, however the user got there: `navigate`
/// keeps the browser's percent-encoded form, as a click or a reload reads
/// it, and a link written with the plain characters is active on it.
#[wasm_bindgen_test]
fn the_pathname_is_the_browsers_whichever_way_the_page_was_reached() {
    set_url("/");
    let container = test_container();
    let captured = std::rc::Rc::new(std::cell::RefCell::new(None));
    let c = captured.clone();
    let handle = mount_to_with_handle(container.clone(), move || {
        view! {
            <Router base="">
                {
                    *c.borrow_mut() = Some((use_location(), use_navigate()));
                }
                <A href="/café" id="cafe">"Café"</A>
                <A href="/docs/getting started" id="docs">"Docs"</A>
                <Routes>
                    <Route path="café" view=|| view! { <p id="page">"café"</p> }/>
                    <Route path="docs/:page" view=|| view! { <p id="page">"docs"</p> }/>
                    <Route path="" view=|| view! { <p id="page">"home"</p> }/>
                </Routes>
            </Router>
        }
    });
    let (location, navigate) = captured.borrow_mut().take().unwrap();
    let current = |id: &str| find(&container, id).get_attribute("aria-current");
    navigate("/café", Default::default());
    assert_eq!(location.pathname.get_untracked(), "/caf%C3%A9");
    assert_eq!(text(&find(&container, "#page")), "café");
    assert_eq!(current("#cafe").as_deref(), Some("page"));
    click(&find(&container, "#docs"));
    assert_eq!(location.pathname.get_untracked(), "/docs/getting%20started");
    assert_eq!(text(&find(&container, "#page")), "docs");
    assert_eq!(current("#docs").as_deref(), Some("page"));
    assert_eq!(current("#cafe"), None);
    handle.unmount();
    set_url("/");
}

thread_local! {
    static LOCALE_PAGE_BUILDS: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
}

/// Builds one route the way leptos_i18n's `<I18nRoute>` does with 0.6's
/// router internals: a `Route` taken apart through its `Transparent` view.
fn make_route<V: IntoView>(
    path: &str,
    view: impl Fn() -> V + 'static,
    children: Option<Children>,
) -> RouteDefinition {
    Route(RouteProps {
        path,
        view,
        ssr: SsrMode::default(),
        methods: &[Method::Get],
        data: None,
        trailing_slash: Some(TrailingSlash::Drop),
        children,
    })
    .into_view()
    .as_transparent()
    .and_then(|t| t.downcast_ref::<RouteDefinition>())
    .cloned()
    .expect("a Route's view carries its RouteDefinition")
}

/// One route under "", "en" and "fr", all with the same id (a clone of the
/// definition with another path and its own view), as leptos_i18n's
/// `<I18nRoute>` builds them.
#[component(transparent)]
fn LocaleRoutes(children: Children) -> impl IntoView {
    fn page(locale: &'static str) -> View {
        LOCALE_PAGE_BUILDS.with(|n| n.set(n.get() + 1));
        let route = use_route();
        view! { <div id="locale-page" data-locale=locale data-path=route.path()><Outlet/></div> }
            .into_view()
    }
    let default_route = make_route("", || page("default"), Some(children));
    let mut root = make_route("", || view! { <Outlet/> }, None);
    let mut routes: Vec<RouteDefinition> = ["en", "fr"]
        .into_iter()
        .map(|locale| RouteDefinition {
            path: locale.to_string(),
            view: std::rc::Rc::new(move || page(locale)),
            ..default_route.clone()
        })
        .collect();
    routes.push(default_route);
    root.children = routes;
    root
}

#[wasm_bindgen_test]
fn route_definitions_built_in_code_and_shared_ids() {
    set_url("/fr/about");
    LOCALE_PAGE_BUILDS.with(|n| n.set(0));
    let container = test_container();
    let handle = mount_to_with_handle(container.clone(), || {
        view! {
            <Router base="">
                <A href="/en/about" id="en">"en"</A>
                <A href="/en/contact" id="en-contact">"en contact"</A>
                <A href="/about" id="plain">"plain"</A>
                <A href="/en/missing" id="missing">"missing"</A>
                <Routes>
                    <LocaleRoutes>
                        <Route path="about" view=|| view! { <p id="about">"about"</p> }/>
                        <Route path="contact" view=|| view! { <p id="contact">"contact"</p> }/>
                    </LocaleRoutes>
                </Routes>
            </Router>
        }
    });
    // The definition that matched renders, not the first one with its id
    // (probe42: /fr/about showed the "en" view, and leptos_i18n set the
    // locale to English).
    let locale = || find(&container, "#locale-page").get_attribute("data-locale");
    assert_eq!(text(&find(&container, "#about")), "about");
    assert_eq!(locale().as_deref(), Some("fr"));
    assert_eq!(LOCALE_PAGE_BUILDS.with(|n| n.get()), 1);

    // Another definition (another path) renders anew, as 0.6 rebuilds a
    // level whose route's path changed.
    click(&find(&container, "#en"));
    assert_eq!(location(), "/en/about");
    assert_eq!(text(&find(&container, "#about")), "about");
    assert_eq!(locale().as_deref(), Some("en"));
    assert_eq!(LOCALE_PAGE_BUILDS.with(|n| n.get()), 2);

    // Below the same definition the page is kept; only the level below moves.
    click(&find(&container, "#en-contact"));
    assert_eq!(text(&find(&container, "#contact")), "contact");
    assert_eq!(LOCALE_PAGE_BUILDS.with(|n| n.get()), 2);

    // The unprefixed clone.
    click(&find(&container, "#plain"));
    assert_eq!(text(&find(&container, "#about")), "about");
    assert_eq!(locale().as_deref(), Some("default"));
    assert_eq!(LOCALE_PAGE_BUILDS.with(|n| n.get()), 3);

    // No route matches: the page goes.
    click(&find(&container, "#missing"));
    assert!(container.query_selector("#locale-page").unwrap().is_none());

    // A definition is data: its fields read back, and it compares as 0.6's
    // do (path and nested routes).
    let def = make_route("x", || "x", None);
    assert_eq!(def.path, "x");
    assert!(def.children.is_empty());
    assert_eq!(def, make_route("x", || "y", None));
    handle.unmount();
    set_url("/");
}

#[component]
fn TabPager() -> impl IntoView {
    let options = NavigateOptions {
        replace: true,
        ..Default::default()
    };
    let (tab, set_tab) = create_query_signal_with_options::<String>("tab", options);
    view! {
        <p id="tab">{move || tab.get().unwrap_or_default()}</p>
        <button id="notes" on:click=move |_| set_tab.set(Some("notes".into()))>"notes"</button>
    }
}

/// `create_query_signal_with_options` with `replace`: the query changes in
/// the current history entry. Also 0.6's `use_nonce` (none in a static app
/// unless provided) and `NavigationError`.
#[wasm_bindgen_test]
fn query_signal_options_nonce_and_navigation_errors() {
    set_url("/tabs?tab=info");
    let before = history_length();
    let container = test_container();
    let handle = mount_to_with_handle(container.clone(), || {
        view! {
            <Router base="">
                <Routes><Route path="tabs" view=TabPager/></Routes>
            </Router>
            <p id="no-nonce" nonce=larkspur::nonce::use_nonce()>"x"</p>
        }
    });
    assert_eq!(text(&find(&container, "#tab")), "info");
    click(&find(&container, "#notes"));
    assert_eq!(location(), "/tabs?tab=notes");
    assert_eq!(text(&find(&container, "#tab")), "notes");
    assert_eq!(history_length(), before);
    assert!(!find(&container, "#no-nonce").has_attribute("nonce"));
    handle.unmount();

    let with_nonce = create_root(|_| {
        provide_context(larkspur::nonce::Nonce::from("abc123"));
        larkspur::nonce::use_nonce()
    });
    assert_eq!(with_nonce.as_deref(), Some("abc123"));
    assert_eq!(
        NavigationError::NotRoutable("/x".into()).to_string(),
        "path \"/x\" is not routable"
    );
    set_url("/");
}

#[derive(Clone)]
struct Greeting(&'static str);

#[component]
fn HandlerContextPage() -> impl IntoView {
    let seen = create_rw_signal(String::new());
    view! {
        // `use_context` and `use_navigate` called inside the handler, as
        // Leptos 0.6 apps do: no owner is current there, and the lookup
        // falls back on the app's root.
        <button id="greet" on:click=move |_| {
            let greeting = expect_context::<Greeting>();
            seen.set(greeting.0.to_string());
            let navigate = use_navigate();
            navigate("/handled", Default::default());
        }>"go"</button>
        <p id="seen">{move || seen.get()}</p>
    }
}

#[wasm_bindgen_test]
async fn handlers_and_timers_find_the_apps_contexts() {
    set_url("/start");
    let container = test_container();
    let from_timer = std::rc::Rc::new(std::cell::Cell::new(None::<&'static str>));
    let t = from_timer.clone();
    let handle = mount_to_with_handle(container.clone(), move || {
        provide_context(Greeting("hello"));
        let t = t.clone();
        set_timeout(
            move || t.set(use_context::<Greeting>().map(|g| g.0)),
            std::time::Duration::ZERO,
        );
        view! {
            <Router base="">
                <Routes>
                    <Route path="start" view=HandlerContextPage/>
                    <Route path="handled" view=|| view! { <p id="done">"handled"</p> }/>
                </Routes>
            </Router>
        }
    });
    click(&find(&container, "#greet"));
    assert_eq!(location(), "/handled");
    assert_eq!(text(&find(&container, "#done")), "handled");
    larkspur::testing::sleep_ms(5).await;
    assert_eq!(from_timer.get(), Some("hello"));
    handle.unmount();
    set_url("/");
}

/// As in Leptos 0.6: navigating to the URL already shown, with the same
/// state, does nothing (a "Home" link on the home page adds no history entry
/// for Back to step through), and `use_location().search` has no `?`.
#[wasm_bindgen_test]
fn navigating_to_the_current_url_adds_no_entry_and_search_has_no_question_mark() {
    set_url("/home?tab=1");
    let container = test_container();
    let search = std::rc::Rc::new(std::cell::RefCell::new(String::new()));
    let s = search.clone();
    let handle = mount_to_with_handle(container.clone(), move || {
        let s = s.clone();
        view! {
            <Router base="">
                <button id="again" on:click=move |_| use_navigate()("/home?tab=1", Default::default())>"again"</button>
                <A href="/home?tab=1" attr:id="link">"home"</A>
                <button id="away" on:click=move |_| use_navigate()("/other", Default::default())>"away"</button>
                <Routes>
                    <Route path="home" view=move || {
                        let location = use_location();
                        *s.borrow_mut() = location.search.get_untracked();
                        view! { <p id="page">"home"</p> }
                    }/>
                    <Route path="other" view=|| view! { <p id="page">"other"</p> }/>
                </Routes>
            </Router>
        }
    });
    assert_eq!(*search.borrow(), "tab=1");
    // A marker on the current entry, unknown to the router: a push would
    // make a new entry without it.
    let history = web_sys::window().unwrap().history().unwrap();
    let marker = wasm_bindgen::JsValue::from_str("marker");
    history
        .replace_state_with_url(&marker, "", Some("/home?tab=1"))
        .unwrap();
    click(&find(&container, "#again"));
    click(&find(&container, "#again"));
    click(&find(&container, "#link"));
    assert_eq!(history.state().unwrap(), marker, "no entry was pushed");
    assert_eq!(location(), "/home?tab=1");
    // Somewhere else: a new entry.
    click(&find(&container, "#away"));
    assert_eq!(location(), "/other");
    assert_ne!(history.state().unwrap(), marker);
    handle.unmount();
    set_url("/");
}

/// The same holds for a URL the app writes unencoded: `/café?q=a b` is the
/// page the browser shows as `/caf%C3%A9?q=a%20b`, so navigating there
/// again adds no entry either.
#[wasm_bindgen_test]
fn navigating_to_the_current_non_ascii_url_adds_no_entry() {
    set_url("/caf%C3%A9?q=a%20b");
    let container = test_container();
    let handle = mount_to_with_handle(container.clone(), || {
        view! {
            <Router base="">
                <button id="again" on:click=move |_| use_navigate()("/café?q=a b", Default::default())>"again"</button>
                <button id="away" on:click=move |_| use_navigate()("/thé", Default::default())>"away"</button>
                <Routes>
                    <Route path="/*any" view=|| view! { <p id="page">{move || use_location().pathname.get()}</p> }/>
                </Routes>
            </Router>
        }
    });
    let history = web_sys::window().unwrap().history().unwrap();
    let marker = wasm_bindgen::JsValue::from_str("marker");
    history
        .replace_state_with_url(&marker, "", Some("/caf%C3%A9?q=a%20b"))
        .unwrap();
    click(&find(&container, "#again"));
    assert_eq!(history.state().unwrap(), marker, "no entry was pushed");
    assert_eq!(location(), "/caf%C3%A9?q=a%20b");
    click(&find(&container, "#away"));
    assert_eq!(location(), "/th%C3%A9");
    assert_ne!(history.state().unwrap(), marker);
    handle.unmount();
    set_url("/");
}

#[component]
fn Team() -> impl IntoView {
    let route = use_route();
    let r = route.clone();
    view! {
        <p id="team-child">{move || {
            r.child().map(|c| format!("{} {}", c.original_path(), c.path())).unwrap_or_default()
        }}</p>
        <p id="team-method">{format!("{:?}", route.method())}</p>
        <p id="team-self">{(route == use_route()).to_string()}</p>
        <Outlet/>
    }
}

/// `RouteContext::child` (the nested route matched inside this one, which
/// follows navigation), `outlet` (a new copy of the route's own view),
/// `method` and `PartialEq`, as Leptos 0.6 has them.
#[wasm_bindgen_test]
fn route_context_child_outlet_and_method() {
    set_url("/teams/3");
    let container = test_container();
    let handle = mount_to_with_handle(container.clone(), || {
        view! {
            <Router base="">
                <A href="/teams" id="to-list">"Teams"</A>
                <Routes>
                    <Route path="teams" view=Team>
                        <Route path=":id" view=|| {
                            let route = use_route();
                            assert!(route.child().is_none());
                            view! { <i id="member">"member"</i> }
                        }/>
                        <Route path="" view=|| view! { <i id="none">"none"</i> }/>
                    </Route>
                </Routes>
                <p id="root-child">{move || use_route().child().is_none().to_string()}</p>
            </Router>
        }
    });
    assert_eq!(
        text(&find(&container, "#team-child")),
        "/teams/:id /teams/3"
    );
    assert_eq!(text(&find(&container, "#team-method")), "Get");
    assert_eq!(text(&find(&container, "#team-self")), "true");
    assert_eq!(text(&find(&container, "#root-child")), "true");
    click(&find(&container, "#to-list"));
    assert_eq!(text(&find(&container, "#team-child")), "/teams /teams");
    assert_eq!(text(&find(&container, "#none")), "none");
    handle.unmount();

    // `outlet()` renders the route's view again, where the app puts it.
    set_url("/teams/3");
    let container = test_container();
    let handle = mount_to_with_handle(container.clone(), || {
        view! {
            <Router base="">
                <Routes>
                    <Route path="teams" view=|| {
                        let route = use_route();
                        let child = route.child().expect("a matched child");
                        view! { <div id="copy">{child.outlet()}</div> <Outlet/> }
                    }>
                        <Route path=":id" view=|| view! { <i class="member">"member"</i> }/>
                    </Route>
                </Routes>
            </Router>
        }
    });
    assert_eq!(container.query_selector_all(".member").unwrap().length(), 2);
    assert_eq!(text(&find(&container, "#copy")), "member");
    handle.unmount();
    set_url("/");
}

/// Short real animations on the wrapper's phase classes (distinct
/// keyframes for the outro and the intro, as apps write them).
fn short_animations() -> web_sys::Element {
    let style = web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .create_element("style")
        .unwrap();
    style.set_text_content(Some(
        "@keyframes lark-out { from { opacity: 1 } to { opacity: 0 } } \
         @keyframes lark-in { from { opacity: 0 } to { opacity: 1 } } \
         .quick.out { animation: lark-out 50ms forwards } \
         .quick.in { animation: lark-in 50ms forwards }",
    ));
    let head = web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .head()
        .unwrap();
    head.append_child(&style).unwrap();
    style
}

/// Waits (up to two seconds) until `done` holds.
async fn wait_until(mut done: impl FnMut() -> bool) {
    for _ in 0..100 {
        if done() {
            return;
        }
        larkspur::testing::sleep_ms(20).await;
    }
}

/// A route whose view is a `<Redirect>` inside `<AnimatedRoutes>` (the
/// Leptos router example's "redirect home"): the outlet ends on the
/// redirect's target with its intro played, not stuck on the empty
/// redirecting view.
#[wasm_bindgen_test]
async fn animated_routes_follow_a_redirect_route() {
    let style = short_animations();
    set_url("/one");
    let container = test_container();
    let handle = mount_to_with_handle(container.clone(), || {
        view! {
            <Router base="">
                <A href="/go" id="to-go">"go"</A>
                <AnimatedRoutes class="quick" outro="out" intro="in">
                    <Route path="one" view=|| view! { <p id="page">"one"</p> }/>
                    <Route path="two" view=|| view! { <p id="page">"two"</p> }/>
                    <Route path="go" view=|| view! { <Redirect path="/two"/> }/>
                </AnimatedRoutes>
            </Router>
        }
    });
    let wrapper = find(&container, "div.quick");
    click(&find(&container, "#to-go"));
    assert_eq!(wrapper.class_name(), "quick out");
    wait_until(|| wrapper.class_name() == "quick").await;
    assert_eq!(location(), "/two");
    assert_eq!(wrapper.class_name(), "quick", "the intro ended");
    assert_eq!(text(&find(&container, "#page")), "two");
    handle.unmount();
    style.remove();
    set_url("/");
}

/// With a `start` class and no outro, the arriving route's `start` frame
/// is not lost when the outlet's effect runs again before that frame (a
/// child `<Redirect>` navigating at once): the wrapper moves on to the
/// intro and ends idle, not stuck in `start` (helper-112).
#[wasm_bindgen_test]
async fn an_animated_start_frame_survives_a_redirect_below() {
    let style = short_animations();
    set_url("/one");
    let container = test_container();
    let handle = mount_to_with_handle(container.clone(), || {
        view! {
            <Router base="">
                <A href="/dashboard" id="to-dashboard">"dashboard"</A>
                <AnimatedRoutes class="quick" start="pre" intro="in">
                    <Route path="one" view=|| view! { <p id="page">"one"</p> }/>
                    <Route path="dashboard" view=|| view! { <Outlet/> }>
                        <Route path="" view=|| view! { <Redirect path="overview"/> }/>
                        <Route path="overview" view=|| view! { <p id="page">"overview"</p> }/>
                    </Route>
                </AnimatedRoutes>
            </Router>
        }
    });
    let wrapper = find(&container, "div.quick");
    click(&find(&container, "#to-dashboard"));
    assert_eq!(wrapper.class_name(), "quick pre");
    wait_until(|| wrapper.class_name() == "quick").await;
    assert_eq!(location(), "/dashboard/overview");
    assert_eq!(
        wrapper.class_name(),
        "quick",
        "start, then the intro, then idle"
    );
    assert_eq!(text(&find(&container, "#page")), "overview");
    handle.unmount();
    style.remove();
    set_url("/");
}

/// While a route plays its outro inside `<AnimatedRoutes>` it keeps the
/// parameters it was shown with (an effect unwrapping `id` does not see
/// the next page's empty map); the arriving route reads the new ones.
#[wasm_bindgen_test]
fn a_leaving_animated_route_keeps_its_params() {
    use std::cell::RefCell;
    use std::rc::Rc;
    let style = long_animations();
    set_url("/users/1");
    let seen = Rc::new(RefCell::new(Vec::<String>::new()));
    let container = test_container();
    let s = seen.clone();
    let handle = mount_to_with_handle(container.clone(), move || {
        let s = s.clone();
        view! {
            <Router base="">
                <A href="/about" id="to-about">"about"</A>
                <A href="/users/2" id="to-two">"user 2"</A>
                <AnimatedRoutes class="outlet" outro="out" intro="in">
                    <Route path="users/:id" view=move || {
                        let params = use_params_map();
                        let s = s.clone();
                        create_render_effect(move |_| {
                            let id = params.with(|p| p.get("id").cloned());
                            s.borrow_mut().push(id.unwrap_or_else(|| "none".into()));
                        });
                        view! { <p id="page">"user " {move || params.with(|p| p.get("id").cloned())}</p> }
                    }/>
                    <Route path="about" view=|| view! { <p id="page">"about"</p> }/>
                </AnimatedRoutes>
            </Router>
        }
    });
    let wrapper = find(&container, "div.outlet");
    assert_eq!(*seen.borrow(), ["1"]);
    // Another id of the same route: no animation, the new parameter.
    click(&find(&container, "#to-two"));
    assert_eq!(wrapper.class_name(), "outlet");
    assert_eq!(text(&find(&container, "#page")), "user 2");
    assert_eq!(*seen.borrow(), ["1", "2"]);
    click(&find(&container, "#to-about"));
    assert_eq!(wrapper.class_name(), "outlet out");
    assert_eq!(text(&find(&container, "#page")), "user 2");
    assert_eq!(
        *seen.borrow(),
        ["1", "2"],
        "the leaving route's params stay"
    );
    common::dispatch(&wrapper, "animationend");
    assert_eq!(text(&find(&container, "#page")), "about");
    assert_eq!(*seen.borrow(), ["1", "2"]);
    handle.unmount();
    style.remove();
    set_url("/");
}

/// Routes in the fragment through a hand-written integration, as 0.6 apps
/// wrote hash routing (`provide_context(RouterIntegrationContext::new(..))`
/// above the `<Router>`).
#[derive(Clone)]
struct HashIntegration {
    navigations: std::rc::Rc<std::cell::RefCell<Vec<(String, bool)>>>,
}

impl History for HashIntegration {
    fn location(&self) -> ReadSignal<LocationChange> {
        let read = || LocationChange {
            value: location_hash().unwrap_or_default(),
            ..Default::default()
        };
        let (location, set_location) = create_signal(read());
        window_event_listener(ev::hashchange, move |_| set_location.set(read()));
        location
    }

    fn navigate(&self, loc: &LocationChange) {
        self.navigations
            .borrow_mut()
            .push((loc.value.clone(), loc.replace));
        window().location().set_hash(&loc.value).unwrap();
    }
}

#[wasm_bindgen_test]
fn a_router_integration_provided_above_the_router_is_used() {
    set_url("/#/a");
    let container = test_container();
    let navigations = std::rc::Rc::new(std::cell::RefCell::new(Vec::new()));
    let integration = HashIntegration {
        navigations: navigations.clone(),
    };
    let handle = mount_to_with_handle(container.clone(), move || {
        provide_context(RouterIntegrationContext::new(integration));
        view! {
            <Router>
                <A href="/b" id="to-b">"B"</A>
                <Routes>
                    <Route path="/a" view=|| view! { <p id="page">"A"</p> }/>
                    <Route path="/b" view=|| view! { <p id="page">"B"</p> }/>
                </Routes>
            </Router>
        }
    });
    assert_eq!(
        text(&find(&container, "#page")),
        "A",
        "from the integration"
    );
    click(&find(&container, "#to-b"));
    assert_eq!(text(&find(&container, "#page")), "B");
    assert_eq!(*navigations.borrow(), [("/b".to_string(), false)]);
    assert_eq!(location_hash().as_deref(), Some("/b"));
    // A change the router did not make (Back, a typed URL): followed.
    set_url("/#/a");
    window()
        .dispatch_event(&web_sys::Event::new("hashchange").unwrap())
        .unwrap();
    assert_eq!(text(&find(&container, "#page")), "A");
    assert_eq!(navigations.borrow().len(), 1, "following is not navigating");
    handle.unmount();
    set_url("/");
}

/// An integration whose `navigate` sets its location signal at once (a
/// memory or test double, as 0.6 tests wrote them): the router is already
/// there when the signal changes, so following it changes nothing.
#[derive(Clone)]
struct MemoryIntegration {
    location: RwSignal<LocationChange>,
}

impl History for MemoryIntegration {
    fn location(&self) -> ReadSignal<LocationChange> {
        self.location.read_only()
    }

    fn navigate(&self, loc: &LocationChange) {
        self.location.set(loc.clone());
    }
}

#[wasm_bindgen_test]
fn a_memory_integration_navigates_without_the_browser() {
    set_url("/");
    let container = test_container();
    let location = create_rw_signal(LocationChange {
        value: "/a".into(),
        ..Default::default()
    });
    let renders = std::rc::Rc::new(std::cell::Cell::new(0));
    let r = renders.clone();
    let handle = mount_to_with_handle(container.clone(), move || {
        provide_context(RouterIntegrationContext::new(MemoryIntegration {
            location,
        }));
        let r = r.clone();
        view! {
            <Router>
                <A href="/b?x=1" id="to-b">"B"</A>
                <Routes>
                    <Route path="/a" view=|| view! { <p id="page">"A"</p> }/>
                    <Route path="/b" view=move || {
                        r.set(r.get() + 1);
                        let q = use_query_map();
                        view! { <p id="page">"B " {move || q.with(|q| q.get("x").cloned())}</p> }
                    }/>
                </Routes>
            </Router>
        }
    });
    assert_eq!(text(&find(&container, "#page")), "A");
    click(&find(&container, "#to-b"));
    assert_eq!(text(&find(&container, "#page")), "B 1");
    assert_eq!(location.get_untracked().value, "/b?x=1");
    assert_eq!(renders.get(), 1, "the route was built once");
    assert_eq!(
        location_pathname().as_deref(),
        Some("/"),
        "the browser's URL is untouched"
    );
    location.set(LocationChange {
        value: "/a".into(),
        ..Default::default()
    });
    assert_eq!(text(&find(&container, "#page")), "A");
    handle.unmount();
}

/// An app effect that navigates when the location changes (a guard), under
/// an integration whose `navigate` sets its location at once: following an
/// outside change runs the effect, which navigates, which writes the
/// location being followed (it is read by clone, not borrowed).
#[wasm_bindgen_test]
async fn a_guard_effect_redirects_through_a_memory_integration() {
    set_url("/");
    let container = test_container();
    let location = create_rw_signal(LocationChange {
        value: "/ok".into(),
        ..Default::default()
    });
    let handle = mount_to_with_handle(container.clone(), move || {
        provide_context(RouterIntegrationContext::new(MemoryIntegration {
            location,
        }));
        view! {
            <Router>
                <Guard/>
                <Routes>
                    <Route path="/ok" view=|| view! { <p id="page">"ok"</p> }/>
                    <Route path="/secret" view=|| view! { <p id="page">"secret"</p> }/>
                </Routes>
            </Router>
        }
    });
    tick().await;
    assert_eq!(text(&find(&container, "#page")), "ok");
    location.set(LocationChange {
        value: "/secret".into(),
        ..Default::default()
    });
    tick().await;
    assert_eq!(text(&find(&container, "#page")), "ok", "redirected back");
    assert_eq!(location.get_untracked().value, "/ok");
    handle.unmount();
}

#[component]
fn Guard() -> impl IntoView {
    let pathname = use_location().pathname;
    let navigate = use_navigate();
    create_effect(move |_| {
        if pathname.get() == "/secret" {
            navigate("/ok", NavigateOptions::default());
        }
    });
}

/// probe35's router values, each as Leptos 0.6 computes it: a relative
/// `<Redirect>` resolves against its route; a `*rest` route's matched path
/// leaves out the splat (so relative links there stay under it);
/// `use_resolved_path` returns an external URL as it is; `aria-current`
/// compares paths in lower case; a query written by the router leaves
/// `!*'()` as `encodeURIComponent` does; `ParamsMap`'s `Debug` names it.
#[wasm_bindgen_test]
async fn router_values_as_in_0_6() {
    set_url("/d");
    let routes = || {
        view! {
            <Router base="">
                <Routes>
                    <Route path="/d" view=|| view! { <Outlet/> }>
                        <Route path="" view=|| view! { <Redirect path="overview"/> }/>
                        <Route path="overview" view=|| view! { <p id="ov">"overview"</p> }/>
                    </Route>
                    <Route path="/docs/*rest" view=|| {
                        let matched = use_route().path();
                        let external = use_resolved_path(|| "mailto:a@b.c".to_string());
                        view! {
                            <p id="matched">{matched}</p>
                            <p id="external">{move || external.get().unwrap_or_default()}</p>
                            <A href="intro" id="intro">"intro"</A>
                            <A href="/DOCS/Guide/Start" id="upper">"start"</A>
                        }
                    }/>
                </Routes>
            </Router>
        }
    };
    let container = test_container();
    let handle = mount_to_with_handle(container.clone(), routes);
    tick().await;
    tick().await;
    assert_eq!(location(), "/d/overview");
    assert_eq!(text(&find(&container, "#ov")), "overview");
    handle.unmount();

    set_url("/docs/guide/start");
    let container = test_container();
    let handle = mount_to_with_handle(container.clone(), routes);
    tick().await;
    assert_eq!(text(&find(&container, "#matched")), "/docs");
    assert_eq!(
        find(&container, "#intro").get_attribute("href").as_deref(),
        Some("/docs/intro")
    );
    assert_eq!(text(&find(&container, "#external")), "mailto:a@b.c");
    assert_eq!(
        find(&container, "#upper")
            .get_attribute("aria-current")
            .as_deref(),
        Some("page")
    );
    handle.unmount();

    let mut map = ParamsMap::new();
    map.insert("q".into(), "it's (a) *big* deal!".into());
    assert_eq!(map.to_query_string(), "?q=it's%20(a)%20*big*%20deal!");
    assert_eq!(
        format!("{map:?}"),
        r#"ParamsMap({"q": "it's (a) *big* deal!"})"#
    );
    set_url("/");
}

/// A 0.6 app served under `/app` gives the base to both the router and its
/// routes, and writes its links with the base: the routes match, the links
/// keep one base, and `navigate` with the base does not double it.
#[wasm_bindgen_test]
fn a_routes_base_that_repeats_the_router_base_is_not_doubled() {
    set_url("/app/x");
    let container = test_container();
    let navigate_to_y = std::rc::Rc::new(std::cell::RefCell::new(None::<Box<dyn Fn()>>));
    let slot = navigate_to_y.clone();
    let handle = mount_to_with_handle(container.clone(), move || {
        view! {
            <Router base="/app" id=1 fallback=|| view! { <p id="page">"not found"</p> }>
                {
                    let navigate = use_navigate();
                    *slot.borrow_mut() =
                        Some(Box::new(move || navigate("/app/y", Default::default())));
                }
                <A href="/app/x" id="x">"x"</A>
                <A href="/app" id="root">"root"</A>
                <A href="/y" id="y">"y"</A>
                <Routes base="/app".to_string()>
                    <Route path="/" view=|| view! { <p id="page">"root"</p> }/>
                    <Route path="/x" view=|| view! { <p id="page">"x"</p> }/>
                    <Route path="/y" view=|| view! { <p id="page">"y"</p> }/>
                </Routes>
            </Router>
        }
    });
    assert_eq!(text(&find(&container, "#page")), "x");
    let href = |id: &str| {
        find(&container, id)
            .get_attribute("href")
            .unwrap_or_default()
    };
    assert_eq!(href("#x"), "/app/x");
    assert_eq!(href("#root"), "/app/");
    assert_eq!(href("#y"), "/app/y");
    assert_eq!(
        find(&container, "#x")
            .get_attribute("aria-current")
            .as_deref(),
        Some("page")
    );
    click(&find(&container, "#root"));
    assert_eq!(location(), "/app/");
    assert_eq!(text(&find(&container, "#page")), "root");
    navigate_to_y.borrow().as_ref().unwrap()();
    assert_eq!(location(), "/app/y");
    assert_eq!(text(&find(&container, "#page")), "y");
    handle.unmount();
    set_url("/");
}

/// A route with children matches only through one of them (0.6): without
/// an index child its own path is not found, and its loader does not run.
#[wasm_bindgen_test]
fn a_parent_route_matches_only_through_a_child() {
    set_url("/users");
    let container = test_container();
    let loads = std::rc::Rc::new(std::cell::Cell::new(0));
    let counted = loads.clone();
    let handle = mount_to_with_handle(container.clone(), move || {
        let counted = counted.clone();
        view! {
            <Router base="" fallback=|| view! { <p id="page">"not found"</p> }>
                <A href="/users/7" id="seven">"7"</A>
                <A href="/teams" id="teams">"teams"</A>
                <Routes>
                    <Route path="/users" view=|| view! { <p id="page">"users"</p> <Outlet/> }
                        data=move || counted.set(counted.get() + 1)>
                        <Route path=":id" view=|| view! { <p id="child">"user"</p> }/>
                    </Route>
                    <Route path="/teams" view=|| view! { <p id="page">"teams"</p> <Outlet/> }>
                        <Route path="" view=|| view! { <p id="child">"all teams"</p> }/>
                    </Route>
                </Routes>
            </Router>
        }
    });
    assert_eq!(text(&find(&container, "#page")), "not found");
    assert_eq!(
        loads.get(),
        0,
        "the loader of an unmatched route does not run"
    );
    click(&find(&container, "#seven"));
    assert_eq!(text(&find(&container, "#page")), "users");
    assert_eq!(text(&find(&container, "#child")), "user");
    assert_eq!(loads.get(), 1);
    click(&find(&container, "#teams"));
    assert_eq!(text(&find(&container, "#child")), "all teams");
    handle.unmount();
    set_url("/");
}

/// `on_form_data` sees a `GET` submission's fields too, and what it adds
/// goes into the query; an inactive `<A active_class>` with no class of
/// its own has no `class` attribute.
#[wasm_bindgen_test]
fn get_forms_call_on_form_data_and_inactive_links_have_no_class() {
    set_url("/q");
    let container = test_container();
    let handle = mount_to_with_handle(container.clone(), || {
        let on_form_data: std::rc::Rc<dyn Fn(&web_sys::FormData)> = std::rc::Rc::new(|data| {
            data.append_with_str("extra", "1").unwrap();
        });
        view! {
            <Router base="">
                <A href="/elsewhere" active_class="on" id="link">"elsewhere"</A>
                <A href="/q" active_class="on" id="here">"here"</A>
                <Routes>
                    <Route path="/q" view=move || view! {
                        <Form action="/q" on_form_data=on_form_data.clone()>
                            <input name="q" value="11"/>
                            <button id="go">"go"</button>
                        </Form>
                    }/>
                </Routes>
            </Router>
        }
    });
    assert_eq!(find(&container, "#link").get_attribute("class"), None);
    assert_eq!(
        find(&container, "#here").get_attribute("class").as_deref(),
        Some("on")
    );
    click(&find(&container, "#go"));
    assert_eq!(location(), "/q?q=11&extra=1");
    handle.unmount();
    set_url("/");
}

/// `<AnimatedRoutes base>` (as `<Routes base>`) and a closure `class` on
/// the animated wrappers, as 0.6 takes them.
#[wasm_bindgen_test]
fn animated_routes_take_a_base_and_a_reactive_class() {
    set_url("/docs/intro");
    let container = test_container();
    let (theme, set_theme) = create_signal("light");
    let handle = mount_to_with_handle(container.clone(), move || {
        view! {
            <Router base="">
                <AnimatedRoutes base="/docs".to_string() class=move || format!("outlet {}", theme.get())>
                    <Route path="intro" view=move || view! {
                        <p id="page">"intro"</p>
                        <AnimatedOutlet class=move || theme.get().to_string()/>
                    }/>
                </AnimatedRoutes>
            </Router>
        }
    });
    assert_eq!(text(&find(&container, "#page")), "intro");
    let wrapper = find(&container, "div.outlet");
    assert_eq!(wrapper.class_name(), "outlet light");
    set_theme.set("dark");
    assert_eq!(wrapper.class_name(), "outlet dark");
    handle.unmount();
    set_url("/");
}

/// An app served under `/blog/` (its `<base href>`) whose own routes start
/// with `/blog` (probe41): links to them, query signals and forms on them
/// keep the app path as written. The base is taken off once, where the
/// URL is read, and only a `<Routes base>` repeating it makes links that
/// carry the base count as such.
#[wasm_bindgen_test]
fn routes_that_start_with_the_base_name_stay_reachable() {
    let doc = larkspur::document();
    let base = doc.create_element("base").unwrap();
    base.set_attribute("href", "/blog/").unwrap();
    doc.head().unwrap().append_child(&base).unwrap();
    set_url("/blog/");
    let container = test_container();
    let handle = mount_to_with_handle(container.clone(), || {
        view! {
            <Router fallback=|| view! { <p id="page">"not found"</p> }>
                <A href="/blog/hello" id="post">"post"</A>
                <A href="/" id="home">"home"</A>
                <Routes>
                    <Route path="/" view=|| view! { <p id="page">"home"</p> }/>
                    <Route path="/blog/:slug" view=|| {
                        let params = use_params_map();
                        let (page, set_page) = create_query_signal::<u32>("page");
                        view! {
                            <p id="page">{move || params.with(|p| p.get("slug").cloned())}</p>
                            <button id="next" on:click=move |_| set_page.set(Some(page.get().unwrap_or(1) + 1))>"next"</button>
                            <Form><input name="q" value="x"/><button id="search">"search"</button></Form>
                        }
                    }/>
                </Routes>
            </Router>
        }
    });
    assert_eq!(text(&find(&container, "#page")), "home");
    assert_eq!(
        find(&container, "#post").get_attribute("href").as_deref(),
        Some("/blog/blog/hello")
    );
    click(&find(&container, "#post"));
    assert_eq!(location(), "/blog/blog/hello");
    assert_eq!(text(&find(&container, "#page")), "hello");
    click(&find(&container, "#next"));
    assert_eq!(location(), "/blog/blog/hello?page=2");
    assert_eq!(text(&find(&container, "#page")), "hello");
    assert_eq!(
        find(&container, "form").get_attribute("action").as_deref(),
        Some("/blog/blog/hello")
    );
    click(&find(&container, "#search"));
    assert_eq!(location(), "/blog/blog/hello?q=x");
    assert_eq!(text(&find(&container, "#page")), "hello");
    click(&find(&container, "#home"));
    assert_eq!(location(), "/blog/");
    handle.unmount();
    base.remove();
    set_url("/");
}

/// A `<Router base>` is taken as the browser writes paths: with a leading
/// slash (`"repo"`, as in 0.6) and percent-encoded (`/café`), so it
/// matches `location.pathname` (probe41: every page showed the fallback).
#[wasm_bindgen_test]
fn a_router_base_is_normalised_like_the_browsers_paths() {
    for (base, url, link) in [
        ("/café", "/caf%C3%A9/x", "/caf%C3%A9/y"),
        ("repo", "/repo/x", "/repo/y"),
        ("/my repo/", "/my%20repo/x", "/my%20repo/y"),
    ] {
        set_url(url);
        let container = test_container();
        let handle = mount_to_with_handle(container.clone(), move || {
            view! {
                <Router base=base fallback=|| view! { <p id="page">"not found"</p> }>
                    <A href="/y" id="y">"y"</A>
                    <Routes>
                        <Route path="/x" view=|| view! { <p id="page">"x"</p> }/>
                        <Route path="/y" view=|| view! { <p id="page">"y"</p> }/>
                    </Routes>
                </Router>
            }
        });
        assert_eq!(text(&find(&container, "#page")), "x", "{base}");
        assert_eq!(
            find(&container, "#y").get_attribute("href").as_deref(),
            Some(link)
        );
        click(&find(&container, "#y"));
        assert_eq!(location(), link);
        assert_eq!(text(&find(&container, "#page")), "y", "{base}");
        handle.unmount();
    }
    set_url("/");
}

/// Leptos 0.6 on nightly takes a signal of the path for `<A href>` and of
/// the text for `<Title text>` (they are closures there).
#[wasm_bindgen_test]
async fn links_and_titles_take_signals() {
    set_url("/page/1");
    let container = test_container();
    let (page, set_page) = create_signal(1);
    let handle = mount_to_with_handle(container.clone(), move || {
        let next: Memo<String> = create_memo(move |_| format!("/page/{}", page.get() + 1));
        let title: Signal<String> = Signal::derive(move || format!("Page {}", page.get()));
        view! {
            <Router base="">
                <larkspur::meta::Title text=title/>
                <A href=next attr:id="next">"next"</A>
                <Routes>
                    <Route path="page/:n" view=|| view! { <p id="page">"page"</p> }/>
                </Routes>
            </Router>
        }
    });
    assert_eq!(
        find(&container, "#next").get_attribute("href").as_deref(),
        Some("/page/2")
    );
    assert_eq!(
        web_sys::window().unwrap().document().unwrap().title(),
        "Page 1"
    );
    set_page.set(4);
    tick().await;
    assert_eq!(
        find(&container, "#next").get_attribute("href").as_deref(),
        Some("/page/5")
    );
    assert_eq!(
        web_sys::window().unwrap().document().unwrap().title(),
        "Page 4"
    );
    click(&find(&container, "#next"));
    assert_eq!(location(), "/page/5");
    handle.unmount();
    set_url("/");
}

#[component]
fn GuardedAccount() -> impl IntoView {
    // A 0.6 auth guard: not signed in, so off to the sign-in page.
    let navigate = use_navigate();
    navigate("/guard/login", Default::default());
    view! { <p id="guard-page">"account"</p> }
}

#[component]
fn GuardedApp() -> impl IntoView {
    view! {
        <Router base="">
            <nav><A href="/guard/account">"Account"</A></nav>
            <Routes>
                <Route path="/guard" view=|| view! { <p id="guard-page">"home"</p> }/>
                <Route path="/guard/account" view=GuardedAccount/>
                <Route path="/guard/login" view=|| view! { <p id="guard-page">"login"</p> }/>
            </Routes>
        </Router>
    }
}

/// `use_navigate()` called in a route component's body (a guard) moves the
/// page with the address bar, on the first load and after a link (review63:
/// the URL changed inside the outlet's own run, which did not re-run it,
/// so the account page stayed under `/guard/login`).
#[wasm_bindgen_test]
async fn a_guard_navigating_in_its_body_moves_the_page_with_the_url() {
    set_url("/guard/account");
    let container = test_container();
    let handle = mount_to_with_handle(container.clone(), GuardedApp);
    tick().await;
    assert_eq!(location(), "/guard/login");
    assert_eq!(text(&find(&container, "#guard-page")), "login");
    set_url("/guard");
    handle.unmount();
    let handle = mount_to_with_handle(container.clone(), GuardedApp);
    assert_eq!(text(&find(&container, "#guard-page")), "home");
    click(&find(&container, "a"));
    tick().await;
    assert_eq!(location(), "/guard/login");
    assert_eq!(text(&find(&container, "#guard-page")), "login");
    handle.unmount();
    set_url("/");
}

/// A GET `<Form>` whose action is another route navigates once the
/// submission's handlers have run: the app's own `on:submit` on the form
/// still runs on the page being left (review63: the form was torn down
/// mid-dispatch, so it never ran).
#[wasm_bindgen_test]
fn a_get_form_to_another_route_lets_its_submit_handlers_run_first() {
    set_url("/find");
    let container = test_container();
    let submitted = std::rc::Rc::new(std::cell::Cell::new(0));
    let s = submitted.clone();
    let handle = mount_to_with_handle(container.clone(), move || {
        let s = s.clone();
        view! {
            <Router base="">
                <Routes>
                    <Route path="find" view=move || {
                        let s = s.clone();
                        view! {
                            <Form action="/found" on:submit=move |_| s.set(s.get() + 1)>
                                <input name="q" value="tea"/>
                                <button type="submit" id="find-go">"Find"</button>
                            </Form>
                        }
                    }/>
                    <Route path="found" view=|| view! { <p id="found">"found"</p> }/>
                </Routes>
            </Router>
        }
    });
    click(&find(&container, "#find-go"));
    assert_eq!(location(), "/found?q=tea");
    assert_eq!(text(&find(&container, "#found")), "found");
    assert_eq!(submitted.get(), 1);
    handle.unmount();
    set_url("/");
}

#[component]
fn SignInFirst() -> impl IntoView {
    // Outside `<Routes>`: built at mount, in no effect's run.
    let navigate = use_navigate();
    navigate("/gate/login", Default::default());
}

/// A component mounted outside any effect's run navigates at once, as
/// before (only a route's view, built in its outlet's run, waits).
#[wasm_bindgen_test]
fn a_navigation_from_a_component_mounted_outside_any_run_happens_at_once() {
    set_url("/gate");
    let container = test_container();
    let handle = mount_to_with_handle(container.clone(), || {
        view! {
            <Router base="">
                <SignInFirst/>
                <Routes>
                    <Route path="/gate" view=|| view! { <p id="gate">"gate"</p> }/>
                    <Route path="/gate/login" view=|| view! { <p id="gate">"login"</p> }/>
                </Routes>
            </Router>
        }
    });
    assert_eq!(location(), "/gate/login");
    assert_eq!(text(&find(&container, "#gate")), "login");
    handle.unmount();
    set_url("/");
}
