//! Larkspur's head tags under their own crate name.
//!
//! The components live in [`larkspur::meta`]; this crate re-exports them so
//! code written as `use larkspur_meta::*;` (Leptos' `use leptos_meta::*;`)
//! compiles unchanged.
//!
//! ```no_run
//! use larkspur::*;
//! use larkspur_meta::*;
//!
//! #[component]
//! pub fn App() -> impl IntoView {
//!     provide_meta_context();
//!     view! {
//!         <Title text="Welcome to Larkspur"/>
//!         <Meta name="description" content="A client-side Rust web app"/>
//!         <Stylesheet id="main" href="/style.css"/>
//!         <h1>"Hello"</h1>
//!     }
//! }
//! ```
#![deny(missing_docs)]

pub use larkspur::meta::*;
