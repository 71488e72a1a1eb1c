//! The reactive core's propagation is iterative in wasm too: a 100,000-deep
//! memo chain updates without exhausting wasm's (1 MiB) stack.
#![cfg(target_arch = "wasm32")]

use larkspur::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn a_100_000_deep_memo_chain_updates_in_wasm() {
    let baseline = live_node_count();
    create_root(|root| {
        let (source, set_source) = create_signal(0u64);
        let mut last: Memo<u64> = create_memo(move |_| source.get());
        for _ in 0..100_000 {
            let prev = last;
            last = create_memo(move |_| prev.get() + 1);
        }
        let end = last;
        let seen = store_value(0u64);
        create_render_effect(move |_| seen.set_value(end.get()));
        assert_eq!(seen.get_value(), 100_000);
        set_source.set(5);
        assert_eq!(seen.get_value(), 100_005);
        root.dispose();
    });
    assert_eq!(live_node_count(), baseline);
}
