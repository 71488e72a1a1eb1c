//! The smallest Larkspur app: the book's counter. Its release size is the
//! framework's size floor (`scripts/test` prints it); `tests/counter.rs`
//! tests it with the test kit.

use larkspur::*;

/// A button that counts its clicks.
#[component]
pub fn Counter() -> impl IntoView {
    let (count, set_count) = create_signal(0);
    let on_click = move |_| set_count.update(|count| *count += 1);
    view! { <button on:click=on_click>"Click Me: " {count}</button> }
}
