//! Mounts TodoMVC (see `lib.rs`).

use larkspur::*;
use todomvc::TodoMvc;

fn main() {
    mount_to_body(|| view! { <TodoMvc/> });
}
