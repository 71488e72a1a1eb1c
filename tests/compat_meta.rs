//! Issue 9, item 8: head tags (what `larkspur_meta` re-exports), written as
//! a Leptos 0.6 app writes them with `leptos_meta`.
#![cfg(target_arch = "wasm32")]

mod common;

use common::test_container;
use larkspur::meta::*;
use larkspur::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn head_has(selector: &str) -> bool {
    document()
        .head()
        .unwrap()
        .query_selector(selector)
        .unwrap()
        .is_some()
}

#[component]
fn Page(#[prop(into)] name: String) -> impl IntoView {
    view! {
        <Title text=name.clone()/>
        <Meta name="compat-description" content=format!("About {name}")/>
        <p>{name.clone()}</p>
    }
}

#[wasm_bindgen_test]
fn title_formatter_meta_and_removal_with_the_owner() {
    let original = document().title();
    let container = test_container();
    let (page, set_page) = create_signal("Home");
    let handle = mount_to_with_handle(container.clone(), move || {
        provide_meta_context();
        view! {
            <Title formatter=|text| format!("{text} | Larkspur")/>
            {move || view! { <Page name=page.get()/> }}
            <Stylesheet id="compat-css" href="/compat.css"/>
            <Style id="compat-style">"p { color: red; }"</Style>
            <Link rel="compat-preload" href="/font.woff2" as_="font"/>
        }
    });
    assert_eq!(document().title(), "Home | Larkspur");
    assert!(head_has(
        r#"meta[name="compat-description"][content="About Home"]"#
    ));
    assert!(head_has(
        r#"link#compat-css[rel="stylesheet"][href="/compat.css"]"#
    ));
    assert!(head_has(r#"link[rel="compat-preload"][as="font"]"#));
    let style = document().get_element_by_id("compat-style").unwrap();
    assert_eq!(style.text_content().unwrap(), "p { color: red; }");

    set_page.set("About");
    assert_eq!(document().title(), "About | Larkspur");
    assert!(
        !head_has(r#"meta[content="About Home"]"#),
        "the old page's meta left"
    );
    assert!(head_has(r#"meta[content="About About"]"#));

    handle.unmount();
    assert_eq!(document().title(), original);
    assert!(!head_has(r#"meta[name="compat-description"]"#));
    assert!(!head_has("#compat-css"));
    assert!(!head_has("#compat-style"));
}

#[wasm_bindgen_test]
fn reactive_title_text() {
    let original = document().title();
    let container = test_container();
    let (unread, set_unread) = create_signal(1);
    let handle = mount_to_with_handle(container.clone(), move || {
        view! { <Title text=move || format!("Inbox ({})", unread.get())/> }
    });
    assert_eq!(document().title(), "Inbox (1)");
    set_unread.set(4);
    assert_eq!(document().title(), "Inbox (4)");
    handle.unmount();
    assert_eq!(document().title(), original);
}

#[wasm_bindgen_test]
fn html_and_body_attributes_are_set_and_removed() {
    let container = test_container();
    let (dark, set_dark) = create_signal(false);
    let handle = mount_to_with_handle(container.clone(), move || {
        view! {
            <Html lang="compat-en" class=move || if dark.get() { "dark" } else { "light" }
                attr:data-theme=move || if dark.get() { "night" } else { "day" }/>
            <Body id="compat-body" attr:data-page="home"/>
        }
    });
    let root = document().document_element().unwrap();
    assert_eq!(root.get_attribute("lang").as_deref(), Some("compat-en"));
    assert_eq!(root.get_attribute("class").as_deref(), Some("light"));
    assert_eq!(root.get_attribute("data-theme").as_deref(), Some("day"));
    set_dark.set(true);
    assert_eq!(root.get_attribute("class").as_deref(), Some("dark"));
    assert_eq!(root.get_attribute("data-theme").as_deref(), Some("night"));
    assert_eq!(document().body().unwrap().id(), "compat-body");
    let body = document().body().unwrap();
    assert_eq!(body.get_attribute("data-page").as_deref(), Some("home"));
    handle.unmount();
    assert_eq!(root.get_attribute("data-theme"), None);
    assert_eq!(body.get_attribute("data-page"), None);
    assert_eq!(root.get_attribute("lang"), None);
    assert_eq!(root.get_attribute("class"), None);
    assert_eq!(document().body().unwrap().id(), "");
}

#[wasm_bindgen_test]
fn a_script_tag_runs_when_added_and_leaves_with_its_owner() {
    // `<Script>` is the head tag that loads code: it must run (a script
    // cloned from a parsed template never would).
    js_sys::eval("window.__larkScriptRuns = 0").unwrap();
    let c = test_container();
    let handle = mount_to_with_handle(c, || {
        view! { <Script id="lark-inline-script">"window.__larkScriptRuns += 1;"</Script> }
    });
    assert!(head_has("script#lark-inline-script"));
    assert_eq!(
        js_sys::eval("window.__larkScriptRuns").unwrap().as_f64(),
        Some(1.0)
    );
    handle.unmount();
    assert!(!head_has("script#lark-inline-script"));
    // A `javascript:` source is still refused.
    let c = test_container();
    let handle = mount_to_with_handle(
        c,
        || view! { <Script id="lark-bad-src" src="javascript:alert(1)"/> },
    );
    let src = document()
        .get_element_by_id("lark-bad-src")
        .and_then(|s| s.get_attribute("src"));
    assert!(
        src.as_deref().is_none_or(|s| !s.starts_with("javascript:")),
        "{src:?}"
    );
    handle.unmount();
}

#[wasm_bindgen_test]
fn titles_in_sibling_branches_restore_in_order_without_a_provided_context() {
    // No `provide_meta_context`: every title still shares one stack, so
    // hiding the first branch keeps the second's title, and hiding both
    // brings back the page's own.
    document().set_title("Site");
    let c = test_container();
    let (a, set_a) = create_signal(false);
    let (b, set_b) = create_signal(false);
    let handle = mount_to_with_handle(c, move || {
        view! {
            <Show when=move || a.get()><Title text="A"/></Show>
            <Show when=move || b.get()><Title text="B"/></Show>
        }
    });
    assert_eq!(document().title(), "Site");
    set_a(true);
    assert_eq!(document().title(), "A");
    set_b(true);
    assert_eq!(document().title(), "B");
    set_a(false);
    assert_eq!(document().title(), "B", "B is still shown");
    set_b(false);
    assert_eq!(
        document().title(),
        "Site",
        "nothing that set a title is alive"
    );
    handle.unmount();
    assert_eq!(document().title(), "Site");
}

#[wasm_bindgen_test]
fn body_and_html_attributes_stack_and_restore() {
    // The app sets `<Body class="app"/>`, a page `<Body class="page-x"/>`:
    // leaving the page brings the app's class back, and unmounting the app
    // the document's own attributes.
    let body = document().body().unwrap();
    let root = document().document_element().unwrap();
    body.set_attribute("class", "from-markup").unwrap();
    root.set_attribute("lang", "fr").unwrap();
    let c = test_container();
    let (page, set_page) = create_signal(false);
    let (theme, set_theme) = create_signal("light");
    let handle = mount_to_with_handle(c, move || {
        view! {
            <Body class="app"/>
            <Html lang="en" attr:data-theme=move || theme.get()/>
            <Show when=move || page.get()>
                <Body class="page-x"/>
                <Html lang="de"/>
            </Show>
        }
    });
    assert_eq!(body.get_attribute("class").as_deref(), Some("app"));
    assert_eq!(root.get_attribute("lang").as_deref(), Some("en"));
    set_page(true);
    assert_eq!(body.get_attribute("class").as_deref(), Some("page-x"));
    assert_eq!(root.get_attribute("lang").as_deref(), Some("de"));
    set_page(false);
    assert_eq!(body.get_attribute("class").as_deref(), Some("app"));
    assert_eq!(root.get_attribute("lang").as_deref(), Some("en"));
    set_theme("dark");
    assert_eq!(root.get_attribute("data-theme").as_deref(), Some("dark"));
    handle.unmount();
    assert_eq!(body.get_attribute("class").as_deref(), Some("from-markup"));
    assert_eq!(root.get_attribute("lang").as_deref(), Some("fr"));
    assert_eq!(root.get_attribute("data-theme"), None);
    body.remove_attribute("class").unwrap();
}

/// `<Script>` and `<Style>` take `attr:` attributes as the other head tags
/// do (leptos_meta 0.6 gives all of them `#[prop(attrs)]`; probe53 found
/// these two dropping them silently). A `javascript:` URL computed at run
/// time is refused through `attr:src` as through `src`; a literal is the
/// author's own, as on an element.
#[wasm_bindgen_test]
fn script_and_style_take_attr_attributes() {
    let c = test_container();
    let handle = mount_to_with_handle(c, || {
        view! {
            <Script id="lark-attr-script" attr:data-p="s" attr:data-x=move || "1">"void 0;"</Script>
            <Style id="lark-attr-style" attr:data-p="st">"p {}"</Style>
            <Script id="lark-attr-bad" attr:src=String::from("javascript:alert(1)")/>
            <Script id="lark-attr-literal" attr:src="javascript:void(0)"/>
        }
    });
    assert!(head_has("script#lark-attr-script[data-p='s'][data-x='1']"));
    assert!(head_has("style#lark-attr-style[data-p='st']"));
    let src = document()
        .get_element_by_id("lark-attr-bad")
        .and_then(|s| s.get_attribute("src"));
    assert!(
        src.as_deref().is_none_or(|s| !s.starts_with("javascript:")),
        "{src:?}"
    );
    let literal = document()
        .get_element_by_id("lark-attr-literal")
        .and_then(|s| s.get_attribute("src"));
    assert_eq!(literal.as_deref(), Some("javascript:void(0)"));
    handle.unmount();
    assert!(!head_has("#lark-attr-script"));
    assert!(!head_has("#lark-attr-style"));
}

/// A title's text and formatter run under the title's own owner, as in
/// Leptos 0.6: they find the contexts provided around the title (a route's,
/// an i18n provider's) and follow the signals they read.
#[wasm_bindgen_test]
fn title_text_and_formatter_see_their_contexts_and_follow_their_signals() {
    #[derive(Clone)]
    struct Site(&'static str);
    let original = document().title();
    let (unread, set_unread) = create_signal(0);
    let h = mount_to_with_handle(test_container(), move || {
        view! {
            <Show when=|| true>
                {
                    provide_context(Site("Acme"));
                    view! {
                        <Title formatter=move |t: String| format!("({}) {t}", unread.get())/>
                        <Title text=move || format!("Home – {}", expect_context::<Site>().0)/>
                    }
                }
            </Show>
        }
    });
    assert_eq!(document().title(), "(0) Home – Acme");
    set_unread.set(3);
    assert_eq!(document().title(), "(3) Home – Acme");
    h.unmount();
    assert_eq!(document().title(), original);
}

#[derive(larkspur::Params, PartialEq, Clone)]
struct TitleUser {
    id: usize,
}

#[component]
fn TitledUser() -> impl IntoView {
    let params = larkspur::router::use_params::<TitleUser>();
    // Written as 0.6 apps write it: the params are there while the route is.
    view! {
        <Title formatter=move |text| format!("{text} (#{})", params.get().unwrap().id)/>
        <Title text=move || format!("User {}", params.get().unwrap().id)/>
    }
}

/// A title's text and formatter reading their route's params are not
/// computed again for the next route (review63: the page's title effect, outside the route, pulled
/// it first, and `unwrap()` panicked on leaving `/users/7`).
#[wasm_bindgen_test]
fn a_routes_title_is_not_computed_for_the_next_route() {
    use larkspur::router::*;
    common::set_url("/tt/users/7");
    let container = test_container();
    let errors = larkspur::testing::fail_on_console_error();
    let handle = mount_to_with_handle(container.clone(), || {
        provide_meta_context();
        view! {
            <Router base="">
                <A href="/tt/about">"About"</A>
                <Routes>
                    <Route path="/tt/users/:id" view=TitledUser/>
                    <Route path="/tt/about" view=|| view! { <Title text="About us"/> }/>
                </Routes>
            </Router>
        }
    });
    assert_eq!(document().title(), "User 7 (#7)");
    common::click(&common::find(&container, "a"));
    assert_eq!(common::location(), "/tt/about");
    assert_eq!(document().title(), "About us");
    handle.unmount();
    common::set_url("/");
    // Panics, listing them, if the panic hook reported one.
    drop(errors);
}
