//! Fragment links (`<a href="#/active">`) inside a history-mode router stay
//! on the current page, even under a `<base href>` that would resolve them
//! against another path: only the fragment changes, `hashchange` fires, and
//! the route is kept. (TodoMVC's filters mounted in the routed showcase.)
#![cfg(target_arch = "wasm32")]

mod common;

use common::{click, find, test_container};
use larkspur::router::*;
use larkspur::*;
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn set_url(path: &str) {
    let history = web_sys::window().unwrap().history().unwrap();
    history
        .replace_state_with_url(&JsValue::NULL, "", Some(path))
        .unwrap();
}

fn location() -> (String, String) {
    let l = web_sys::window().unwrap().location();
    (l.pathname().unwrap(), l.hash().unwrap())
}

#[component]
fn Page() -> impl IntoView {
    let location = use_location();
    view! {
        <h2 id="page">"Deep page"</h2>
        <p id="hash">{move || location.hash.get()}</p>
        <a id="active" href="#/active">"Active"</a>
    }
}

#[component]
fn App() -> impl IntoView {
    view! {
        <Router base="">
            <Routes fallback=|| view! { <h2 id="page">"Not found"</h2> }>
                <Route path="" view=|| view! { <h2 id="page">"Home"</h2> }/>
                <Route path="deep/page" view=Page/>
            </Routes>
        </Router>
    }
}

#[wasm_bindgen_test]
async fn fragment_links_change_only_the_fragment() {
    let document = web_sys::window().unwrap().document().unwrap();
    // As in a Trunk build: the base is the site root, so the browser alone
    // would resolve `#/active` to `/#/active` (the home page).
    let base = document.create_element("base").unwrap();
    base.set_attribute("href", "/").unwrap();
    document.head().unwrap().append_child(&base).unwrap();
    set_url("/deep/page");

    let container = test_container();
    let handle = mount_to_with_handle(container.clone(), App);
    assert_eq!(
        find(&container, "#page").text_content().unwrap(),
        "Deep page"
    );

    let window = web_sys::window().unwrap();
    let changed = js_sys::Promise::new(&mut |resolve, _| window.set_onhashchange(Some(&resolve)));
    click(&find(&container, "#active"));
    assert_eq!(
        location(),
        ("/deep/page".to_string(), "#/active".to_string()),
        "the link changed more than the fragment"
    );
    assert_eq!(
        find(&container, "#page").text_content().unwrap(),
        "Deep page"
    );

    // The browser fires `hashchange`; the router follows the new fragment.
    JsFuture::from(changed).await.unwrap();
    window.set_onhashchange(None);
    assert_eq!(
        find(&container, "#hash").text_content().unwrap(),
        "#/active"
    );
    assert_eq!(
        find(&container, "#page").text_content().unwrap(),
        "Deep page"
    );

    handle.unmount();
    base.remove();
    set_url("/");
}
