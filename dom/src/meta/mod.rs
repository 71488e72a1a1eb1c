//! Head tags: [`Title`], [`Meta`], [`Link`], [`Stylesheet`], [`Script`],
//! [`Style`], and attributes of `<html>` and `<body>` ([`Html`], [`Body`]),
//! re-exported by the `larkspur-meta` crate as `larkspur_meta`.
//!
//! Each component writes into the live document (`document.head`,
//! `document.title`, the `<html>`/`<body>` attributes) when it runs, and
//! takes its change back when its owner is disposed: a `<Meta>` inside a
//! route disappears when the route is left. They render nothing where
//! they are written. No server rendering is involved, so there is nothing
//! to hydrate and [`provide_meta_context`] is optional (it is kept for code
//! written for Leptos).
//!
//! ```no_run
//! use larkspur::*;
//! use larkspur::meta::*;
//!
//! #[component]
//! fn App() -> impl IntoView {
//!     provide_meta_context();
//!     view! {
//!         <Title formatter=|text| format!("{text} — My Site")/>
//!         <Title text="Home"/>
//!         <Meta name="description" content="A Larkspur app"/>
//!         <Stylesheet id="main" href="/style.css"/>
//!         <Html lang="en"/>
//!         <p>"Hello"</p>
//!     }
//! }
//! ```

mod attributes;
mod tags;
mod text;
mod title;

pub use attributes::{Body, BodyProps, Html, HtmlProps};
pub use tags::{
    Link, LinkProps, Meta, MetaProps, Script, ScriptProps, Style, StyleProps, Stylesheet,
    StylesheetProps,
};
pub use text::TextProp;
pub use title::{provide_meta_context, use_head, Formatter, MetaContext, Title, TitleProps};
