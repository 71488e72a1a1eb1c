//! A context provided in `main` before the app is mounted (a database
//! handle, a websocket, app-wide settings) is seen by the app's components
//! and by its handlers, as Leptos 0.6 provides it on its runtime's root.
//! (Its own test binary: no other app has been mounted on the page yet.)
#![cfg(target_arch = "wasm32")]

use larkspur::testing::*;
use larkspur::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[derive(Clone)]
struct Database(&'static str);

#[wasm_bindgen_test]
fn a_context_provided_before_the_mount_is_seen_by_the_app_and_its_handlers() {
    provide_context(Database("main db"));
    let screen = render(|| {
        let db = expect_context::<Database>();
        let (seen, set_seen) = create_signal(String::new());
        view! {
            <p>{db.0}</p>
            <button on:click=move |_| {
                set_seen.set(use_context::<Database>().map_or("none", |d| d.0).to_string())
            }>"check"</button>
            <output>{seen}</output>
        }
    });
    assert_eq!(screen.get_by_text("main db").tag_name(), "P");
    click(&screen.get_by_role("button", "check"));
    assert_eq!(
        screen
            .container()
            .query_selector("output")
            .unwrap()
            .unwrap()
            .text_content()
            .unwrap(),
        "main db"
    );
}

/// Dropping one screen leaves the contexts provided before rendering to
/// the test's other screens, and the last one takes them away
/// (review-109: the first drop disposed them under a live screen).
#[wasm_bindgen_test]
fn page_root_contexts_last_as_long_as_the_tests_screens() {
    provide_context(Database("shared"));
    let ask = || {
        let (seen, set_seen) = create_signal(String::new());
        view! {
            <button on:click=move |_| {
                set_seen.set(use_context::<Database>().map_or("none", |d| d.0).to_string())
            }>"ask"</button>
            <output>{seen}</output>
        }
    };
    let first = render(ask);
    let second = render(ask);
    drop(first);
    click(&second.get_by_role("button", "ask"));
    assert_eq!(
        second.get_by_selector("output").text_content().unwrap(),
        "shared"
    );
    drop(second);
    assert!(
        use_context::<Database>().is_none(),
        "gone with the last screen"
    );
}
