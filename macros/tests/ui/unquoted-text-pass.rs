//! Unquoted text, as Leptos 0.6 (via rstml) accepts it, mixed with quoted
//! text and expressions; `template!` is the same macro.
use larkspur::*;

// Built, not run: views need a DOM.
fn main() {
    let _ = usage;
}

fn usage() {
    let name = "world";
    let _ = view! { <p>Hello world</p> };
    let _ = view! { <p>Some text, then "quoted" and {name}</p> };
    let _ = view! { <div><span>a</span> b <em>c</em></div> };
    let _ = template! { <p>From template</p> };
}
