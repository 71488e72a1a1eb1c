//! ErrorBoundary: an `Err` child shows the fallback with the errors, an
//! `Ok` again brings the children back; errors outside a boundary render
//! nothing.
#![cfg(target_arch = "wasm32")]

mod common;

use common::{test_container, text};
use larkspur::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn list_errors(errors: RwSignal<Errors>) -> impl IntoView {
    view! {
        <ul>
            {move || errors.get().into_iter().map(|(_, e)| view! { <li>{e.to_string()}</li> }).collect_view()}
        </ul>
    }
}

#[wasm_bindgen_test]
fn error_boundary_shows_fallback_and_recovers() {
    let c = test_container();
    let (input, set_input) = create_signal(String::from("12"));
    let _h = mount_to_with_handle(c.clone(), move || {
        view! {
            <ErrorBoundary fallback=list_errors>
                <p>"n = " {move || input.with(|s| s.parse::<i32>())}</p>
            </ErrorBoundary>
        }
    });
    assert_eq!(c.inner_html(), "<p>n = 12</p>");
    let p = c.query_selector("p").unwrap().unwrap();

    set_input("twelve".into());
    assert_eq!(
        c.inner_html(),
        "<ul><li>invalid digit found in string</li></ul>"
    );

    set_input("13".into());
    assert_eq!(c.inner_html(), "<p>n = 13</p>");
    let p_now = c.query_selector("p").unwrap().unwrap();
    assert!(
        p.is_same_node(Some(&*p_now)),
        "the children are kept, not rebuilt"
    );
}

#[wasm_bindgen_test]
fn error_boundary_collects_several_errors() {
    let c = test_container();
    let (a, set_a) = create_signal(String::from("x"));
    let (b, set_b) = create_signal(String::from("1"));
    let _h = mount_to_with_handle(c.clone(), move || {
        view! {
            <ErrorBoundary fallback=|errors| view! {
                <em>{move || errors.with(Errors::len)} " errors"</em>
            }>
                {move || a.with(|s| s.parse::<u8>())}
                {move || b.with(|s| s.parse::<u8>())}
            </ErrorBoundary>
        }
    });
    assert_eq!(text(&c), "1 errors");
    set_b("y".into());
    assert_eq!(text(&c), "2 errors");
    set_a("2".into());
    assert_eq!(text(&c), "1 errors");
    set_b("3".into());
    assert_eq!(text(&c), "23");
}

#[wasm_bindgen_test]
fn disposing_the_erroring_view_clears_its_error() {
    let c = test_container();
    let (show, set_show) = create_signal(true);
    let _h = mount_to_with_handle(c.clone(), move || {
        view! {
            <ErrorBoundary fallback=|_| "failed">
                "ok" {move || show.get().then(|| "x".parse::<i32>())}
            </ErrorBoundary>
        }
    });
    assert_eq!(text(&c), "failed");
    set_show(false);
    assert_eq!(text(&c), "ok");
}

#[wasm_bindgen_test]
fn error_without_boundary_renders_nothing() {
    let c = test_container();
    let _h = mount_to_with_handle(c.clone(), || {
        view! { <p>"a" {"x".parse::<i32>()} "b"</p> }
    });
    assert_eq!(text(&c), "ab");
    assert!(c.query_selector("p *").unwrap().is_none());
}
