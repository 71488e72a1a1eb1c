//! Larkspur: a client-side, fine-grained reactive web framework for Rust.
//!
//! Views are built directly as DOM nodes — no virtual DOM. Every dynamic
//! piece of a view is one render effect that updates exactly one node.
//! `use larkspur::*;` brings in the whole API: the reactive primitives of
//! `larkspur-reactive`, `view!` and `#[component]`, the element builders
//! (`html`, `svg`, `math`), events (`ev`), control flow (`Show`, `For`,
//! `Dynamic`, `Portal`), async (`create_resource`, `Suspense`, `Action`),
//! the router (`larkspur::router`, also the `larkspur-router` crate), head
//! tags (`larkspur::meta`), persisted signals, timers, the test kit
//! (`larkspur::testing`) and the logging macros.
//!
//! ```no_run
//! use larkspur::*;
//!
//! #[component]
//! fn Counter() -> impl IntoView {
//!     let (count, set_count) = create_signal(0);
//!     view! {
//!         <button on:click=move |_| set_count.update(|n| *n += 1)>"Click Me: " {count}</button>
//!     }
//! }
//!
//! fn main() {
//!     mount_to_body(Counter)
//! }
//! ```
//!
//! Everything is implemented in the `larkspur-dom` crate and re-exported
//! here whole; it is also reachable as `larkspur::larkspur_dom`, as Leptos
//! 0.6's `leptos_dom` is `leptos::leptos_dom`. Porting from Leptos 0.6 is a
//! rename of the crate prefix; the deliberate differences are listed in
//! `docs/from-leptos.md`. The renderer's architecture is described in
//! `larkspur_dom`'s crate documentation.
#![deny(missing_docs)]

#[doc(inline)]
pub use larkspur_dom::*;

/// The renderer crate itself (Leptos 0.6's `leptos::leptos_dom`).
pub use larkspur_dom;

// The reactive crate's modules at Leptos 0.6's `leptos::{callback, oco,
// suspense}` paths.
#[doc(no_inline)]
pub use larkspur_dom::reactive::{callback, oco, suspense};

// Keeps `larkspur_dom::text` out of this crate's root (a private item
// shadows the glob): `larkspur::text` would clash with the test kit's
// `testing::text` in code that glob-imports both.
#[allow(dead_code, hidden_glob_reexports)]
fn text() {}

// `larkspur_dom::{Text, Element}` (0.6's `leptos_dom::{Text, Element}`)
// stay out of the `larkspur::*` glob, as 0.6's `leptos::*` has neither:
// `use larkspur::*; use web_sys::*;` must not make `Text` ambiguous.
#[allow(dead_code, hidden_glob_reexports)]
struct Text;
#[allow(dead_code, hidden_glob_reexports)]
struct Element;
#[allow(dead_code, hidden_glob_reexports)]
struct ComponentRepr;
