//! The async family's newer members: [`Action`](action::Action),
//! [`MultiAction`](multi_action::MultiAction), [`Await`](await_view::Await)
//! and signal streams. (Resources and `SuspenseContext` are in
//! `larkspur_reactive`; `Suspense` and `ErrorBoundary` sit at the crate
//! root.)

pub mod action;
pub mod await_view;
pub mod multi_action;
pub mod stream;
