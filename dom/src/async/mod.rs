//! The async family's newer members: [`Action`](action::Action),
//! [`MultiAction`](multi_action::MultiAction) and [`Await`](await_view::Await).
//! (Resources, `SuspenseContext` and signal streams are in
//! `larkspur_reactive`; `Suspense` and `ErrorBoundary` sit at the crate
//! root.)

pub mod action;
pub mod await_view;
pub mod multi_action;
