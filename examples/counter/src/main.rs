//! Mounts the counter (see `lib.rs`).

use counter::Counter;
use larkspur::*;

fn main() {
    mount_to_body(Counter);
}
