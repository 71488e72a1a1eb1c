//! Mounts TodoMVC (see `lib.rs`).

use larkspur::*;
use todomvc::TodoMvc;

fn main() {
    mount_to_body(TodoMvc);
}

#[cfg(all(not(target_feature = "atomics"), target_family = "wasm"))]
#[global_allocator]
static TALC: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
