//! The counter: one signal, one button.

use larkspur::*;

/// A button that counts its clicks.
#[component]
pub fn Counter() -> impl IntoView {
    // A reactive value: reading it in the view subscribes the text node.
    let (count, set_count) = create_signal(0);
    let on_click = move |_| set_count.update(|count| *count += 1);

    view! {
        <button id="counter" on:click=on_click>"Click Me: " {count}</button>
    }
}
