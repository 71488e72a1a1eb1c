//! Bench-only package; see benches/reactive.rs.
