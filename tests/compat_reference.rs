//! Leptos 0.6 API reference items found missing by a sweep of its public
//! surface: resources read as `&Option<T>` and built with `Resource::new`
//! and `once`, `Action::new` and `set_pending`, `use_router`,
//! `html::Custom::new`, `Each`/`Unit`/`text`, head tags with `attr:` and
//! their newer attributes, `params_map!`.
#![cfg(target_arch = "wasm32")]

mod common;

use common::{find, set_url, test_container, tick};
use larkspur::meta::*;
use larkspur::router::*;
use larkspur::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

async fn until(what: &str, done: impl Fn() -> bool) {
    for _ in 0..200 {
        if done() {
            return;
        }
        larkspur::testing::sleep_ms(10).await;
    }
    panic!("timed out waiting until {what}");
}

#[wasm_bindgen_test]
async fn resources_and_actions_as_in_the_reference() {
    let (id, set_id) = create_signal(2);
    let doubled = Resource::new(move || id.get(), |n| async move { n * 2 });
    let once = Resource::once(|| async { "config" });
    assert!(doubled.with(|v: &Option<i32>| v.is_none()));
    until("the resources loaded", || {
        doubled.with_untracked(|v| v.is_some()) && once.with_untracked(|v| v.is_some())
    })
    .await;
    assert_eq!(doubled.with(|v| *v), Some(4));
    assert_eq!(SignalWith::with(&once, |v| *v), Some("config"));
    set_id.set(5);
    until("the resource reloaded", || {
        doubled.get_untracked() == Some(10)
    })
    .await;
    SignalSet::set(&doubled, 1);
    assert_eq!(doubled.get_untracked(), Some(1));

    let action = Action::new(|n: &i32| {
        let n = *n;
        async move { n + 1 }
    });
    action.set_pending(true);
    assert!(action.pending().get_untracked());
    action.set_pending(false);
    action.dispatch(1);
    until("the action ran", || {
        action.value().get_untracked() == Some(2)
    })
    .await;
    assert!(!action.pending().get_untracked());
}

#[component]
fn PathProbe() -> impl IntoView {
    let path = use_router().pathname();
    let base = use_router().base();
    view! { <p id="path">{move || path.get()}</p><p id="base">{base.path()}</p> }
}

#[wasm_bindgen_test]
async fn router_views_and_head_tags_as_in_the_reference() {
    set_url("/somewhere/deep");
    let container = test_container();
    let (items, set_items) = create_signal(vec![1, 2]);
    let handle = mount_to_with_handle(container.clone(), move || {
        view! {
            <Router base="">
                <PathProbe/>
            </Router>
            <ul>{Each::new(move || items.get(), |n| *n, |n| view! { <li>{n}</li> })}</ul>
            {Unit}
            // What `larkspur_dom::text` re-exports.
            {larkspur::__dom_text("plain text")}
            {html::custom(html::Custom::new("x-widget")).attr("id", "widget")}
            <Meta name="reference-probe" content="1" attr:data-probe="yes"/>
            <Link rel="preload" href="/x.css" referrerpolicy="no-referrer" disabled=true/>
            <Style title="probe-style">"p {}"</Style>
        }
    });
    tick().await;
    assert_eq!(
        find(&container, "#path").text_content().as_deref(),
        Some("/somewhere/deep")
    );
    assert_eq!(
        find(&container, "#base").text_content().as_deref(),
        Some("/")
    );
    assert_eq!(common::find_all(&container, "li").len(), 2);
    set_items.set(vec![3]);
    assert_eq!(common::find_all(&container, "li").len(), 1);
    assert!(container
        .text_content()
        .unwrap_or_default()
        .contains("plain text"));
    assert_eq!(find(&container, "#widget").tag_name(), "X-WIDGET");
    let head = document().head().unwrap();
    let meta = head
        .query_selector("meta[name=reference-probe]")
        .unwrap()
        .unwrap();
    assert_eq!(meta.get_attribute("data-probe").as_deref(), Some("yes"));
    let link = head.query_selector("link[rel=preload]").unwrap().unwrap();
    assert_eq!(
        link.get_attribute("referrerpolicy").as_deref(),
        Some("no-referrer")
    );
    assert!(link.has_attribute("disabled"));
    assert!(head
        .query_selector("style[title=probe-style]")
        .unwrap()
        .is_some());
    let map: ParamsMap = params_map! { "id" => "7" };
    assert_eq!(map.get("id").map(String::as_str), Some("7"));
    handle.unmount();
    set_url("/");
}

#[derive(Clone, PartialEq, larkspur::Params)]
struct IdParam {
    id: Option<String>,
}

/// `larkspur::Params` is the derive (as `leptos::Params`), and closures
/// turn into signals and setters through `IntoSignal`/`IntoSignalSetter`.
#[wasm_bindgen_test]
async fn params_derive_at_the_root_and_into_signal_traits() {
    set_url("/item/9");
    let container = test_container();
    let handle = mount_to_with_handle(container.clone(), || {
        view! {
            <Router base="">
                <Routes>
                    <Route path="item/:id" view=|| {
                        let params = use_params::<IdParam>();
                        let id = move || params.with(|p| p.as_ref().ok().and_then(|p| p.id.clone()));
                        view! { <p id="param">{id}</p> }
                    }/>
                </Routes>
            </Router>
        }
    });
    tick().await;
    assert_eq!(
        find(&container, "#param").text_content().as_deref(),
        Some("9")
    );
    let (n, set_n) = create_signal(2);
    let double = (move || n.get() * 2).into_signal();
    let set_half = (move |v: i32| set_n.set(v / 2)).into_signal_setter();
    set_half.set(10);
    assert_eq!(double.get_untracked(), 10);
    handle.unmount();
    set_url("/");
}

/// Module paths Leptos 0.6 code imports from `leptos::` (`callback`, `oco`,
/// `suspense`) and the prelude's stream items.
#[wasm_bindgen_test]
async fn module_paths_of_the_leptos_crate() {
    use larkspur::callback::{Callable, Callback};
    use larkspur::oco::Oco;
    use larkspur::prelude::{create_signal_from_stream, SignalStream};
    use larkspur::suspense::SuspenseContext;
    let c = test_container();
    let (count, set_count) = create_signal(1);
    let handle = mount_to_with_handle(c.clone(), move || {
        let latest = create_signal_from_stream(count.to_stream());
        let label: Oco<'static, str> = Oco::from("n");
        let shout = Callback::new(|s: String| s.to_uppercase());
        assert_eq!(SuspenseContext::new().pending(), 0);
        view! { <p>{label} {move || shout.call(format!("{:?}", latest.get()))}</p> }
    });
    tick().await;
    set_count.set(2);
    tick().await;
    assert_eq!(find(&c, "p").text_content().unwrap_or_default(), "nSOME(2)");
    handle.unmount();
}
