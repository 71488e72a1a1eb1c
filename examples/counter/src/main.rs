//! Mounts the counter (see `lib.rs`).

use counter::Counter;
use larkspur::*;

fn main() {
    mount_to_body(Counter);
}

// The allocator is the app's choice, not the framework's. Rust's default on
// wasm32 (dlmalloc) is about 8 KB of code; talc's wasm allocator, which grows
// the wasm memory on demand the same way, is about 1 KB. Measured on this app:
// 48.3 -> 41.3 KB raw, 18.7 -> 16.7 KB brotli.
#[cfg(all(not(target_feature = "atomics"), target_family = "wasm"))]
#[global_allocator]
static TALC: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
