//! What the test kit's waiting helpers say when what they wait for never
//! comes (each panics, so they live in their own test binary: a test that
//! panics leaves its screen in the page). `testing_kit.rs` checks the
//! other messages through `try_find`.
//!
//! The messages are checked in debug builds. In release builds the panic
//! hook a mount installs does not pass panics on to the test harness's own
//! hook (that would link std's default hook into every app), so the
//! harness cannot read the message and `expected = …` is left out.
#![cfg(target_arch = "wasm32")]

use larkspur::testing::*;
use larkspur::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
#[cfg_attr(
    debug_assertions,
    should_panic(expected = "after waiting 2000 ms, no element matches text \"Saved\"")
)]
#[cfg_attr(not(debug_assertions), should_panic)]
async fn find_by_text_fails_with_the_markup_after_two_seconds() {
    let screen = render(|| view! { <p>"Saving"</p> });
    screen.find_by_text("Saved").await;
}

#[wasm_bindgen_test]
#[cfg_attr(
    debug_assertions,
    should_panic(expected = "wait_for: the condition was still false after 100 ms")
)]
#[cfg_attr(not(debug_assertions), should_panic)]
async fn wait_for_fails_after_its_limit() {
    wait_for_ms(100, || false).await;
}
