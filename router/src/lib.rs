//! The Larkspur router under its own crate name.
//!
//! The router lives in [`larkspur::router`]; this crate re-exports it so
//! code written as `use larkspur_router::*;` (the book's `use
//! leptos_router::*;`) compiles unchanged.
//!
//! ```no_run
//! use larkspur::*;
//! use larkspur_router::*;
//!
//! #[component]
//! fn HomePage() -> impl IntoView { view! { <h1>"Home"</h1> } }
//!
//! #[component]
//! pub fn App() -> impl IntoView {
//!     view! {
//!         <Router>
//!             <main>
//!                 <Routes>
//!                     <Route path="" view=HomePage/>
//!                 </Routes>
//!             </main>
//!         </Router>
//!     }
//! }
//! ```
#![deny(missing_docs)]

pub use larkspur::params_map;
pub use larkspur::router::*;
