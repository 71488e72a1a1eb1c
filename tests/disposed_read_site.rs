//! A read of a disposed resource names the line that made it, not a line
//! inside the framework (debug builds). Alone in its binary: a panic in
//! wasm cannot unwind, so the tests after it in the same binary would fail.
#![cfg(target_arch = "wasm32")]

use larkspur::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
#[should_panic(expected = "was attempted at tests/disposed_read_site.rs")]
fn reading_a_disposed_resource_names_the_reading_line() {
    let owner = Owner::new_child();
    let r = owner.with(|| create_resource(|| (), |_| async { 1 }));
    owner.dispose();
    let _ = r.get();
}
