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

/// docs/reactivity.md
#[doc = include_str!("../reactivity.md")]
pub struct Reactivity;

/// docs/views.md
#[doc = include_str!("../views.md")]
pub struct Views;

/// docs/control-flow.md
#[doc = include_str!("../control-flow.md")]
pub struct ControlFlow;

/// docs/async.md
#[doc = include_str!("../async.md")]
pub struct Async;

/// docs/router.md
#[doc = include_str!("../router.md")]
pub struct Router;

/// docs/head.md
#[doc = include_str!("../head.md")]
pub struct Head;

/// docs/size.md
#[doc = include_str!("../size.md")]
pub struct Size;
