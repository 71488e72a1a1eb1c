//! The counter as its users see it, with the test kit.
#![cfg(target_arch = "wasm32")]

use counter::Counter;
use larkspur::testing::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn counts_clicks() {
    let screen = render(Counter);
    let button = screen.get_by_role("button", "Click Me: 0");
    click(&button);
    click(&button);
    assert_eq!(text(&button), "Click Me: 2");
}

#[wasm_bindgen_test]
fn unmounting_removes_the_button() {
    let mut screen = render(Counter);
    click(&screen.get_by_role("button", "Click Me: 0"));
    screen.unmount();
    assert!(screen.query_by_role("button", "").is_none());
    assert_eq!(screen.html(), "");
}
