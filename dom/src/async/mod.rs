//! The async family's newer members: [`Action`](action::Action),
//! [`MultiAction`](multi_action::MultiAction), [`Await`](await_view::Await)
//! and resource mapping. (Resources, `Suspense` and `ErrorBoundary` still
//! sit at the crate root; they move here when nobody else is editing them.)

pub mod action;
pub mod await_view;
pub mod multi_action;
mod resource_map;
pub mod stream;
