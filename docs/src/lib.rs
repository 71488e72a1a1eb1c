//! The guide (`docs/*.md`) as doctests: every Rust block in it compiles in
//! `cargo test -p larkspur-guide --doc`, so the guide cannot drift from the
//! API. Blocks marked `no_run` compile; the rest also run natively.

/// docs/getting-started.md
#[doc = include_str!("../getting-started.md")]
pub struct GettingStarted;

/// docs/testing.md
#[doc = include_str!("../testing.md")]
pub struct Testing;

/// docs/deployment.md
#[doc = include_str!("../deployment.md")]
pub struct Deployment;

/// docs/from-leptos.md
#[doc = include_str!("../from-leptos.md")]
pub struct FromLeptos;
