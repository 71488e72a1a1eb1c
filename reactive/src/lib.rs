//! Reactive core (placeholder).
