//! Two Larkspur wasm modules on one page: each reads only its own handler
//! expandos (defect 11). The other module is simulated: it registered
//! first (the page-wide module count) and wrote its own `$$click` slot
//! numbers on its elements.
#![cfg(target_arch = "wasm32")]

mod common;

use std::cell::Cell;
use std::rc::Rc;

use common::{click, find, test_container};
use larkspur::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn a_second_module_ignores_the_first_modules_expandos() {
    // Before this module registers any event kind, another module counts
    // itself on the page.
    js_sys::eval("globalThis.__larkspurModules = (globalThis.__larkspurModules | 0) + 1").unwrap();
    let c = test_container();
    let ours = Rc::new(Cell::new(0));
    let o = ours.clone();
    let _h = mount_to_with_handle(c.clone(), move || {
        html::div()
            .child(
                html::button()
                    .attr("id", "ours")
                    .on(ev::click, move |_| o.set(o.get() + 1))
                    .child("ours"),
            )
            .child(html::button().attr("id", "theirs").child("theirs"))
    });
    let key = larkspur::dom::events::expando_key("click", true);
    assert_ne!(key, "$$click", "this module's expandos are its own");
    // The other module marks its element with its own slot 0 — the slot
    // number this module gave to `#ours`.
    let theirs = find(&c, "#theirs");
    js_sys::Reflect::set(&theirs, &"$$click".into(), &0.into()).unwrap();
    click(&theirs);
    assert_eq!(
        ours.get(),
        0,
        "a foreign slot number ran none of our handlers"
    );
    click(&find(&c, "#ours"));
    assert_eq!(ours.get(), 1);
}
