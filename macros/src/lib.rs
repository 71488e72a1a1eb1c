//! `view!` and `#[component]`, the macros of Larkspur.
//!
//! The generated code calls only the renderer's builder API through absolute
//! `::larkspur::…` paths; see the `larkspur` crate docs for the user guide.

use proc_macro::TokenStream;

mod component;
mod component_call;
mod directive;
mod props;
mod tags;
mod template;
mod view;

/// Builds a view from HTML-like syntax.
///
/// Elements, `"text"`, `{expr}` children, `attr=value` (a closure makes it
/// reactive), `on:event=handler`, `class:name=`, `style:prop=`, `prop:name=`,
/// `attr:name=`, `node_ref=`, components with props and children, `<Tab index>`
/// shorthand for `index=index`, fragments `<>...</>`, SVG and custom elements.
#[proc_macro]
pub fn view(input: TokenStream) -> TokenStream {
    view::expand(input.into()).into()
}

/// Turns a function into a component with a props struct and builder.
///
/// Parameters become props; `#[prop(optional)]`, `#[prop(default = ...)]`,
/// `#[prop(into)]`, `#[prop(optional_no_strip)]` and `#[prop(strip_option)]`
/// change how they are set. A missing required prop is a compile error that
/// names it.
#[proc_macro_attribute]
pub fn component(args: TokenStream, item: TokenStream) -> TokenStream {
    component::expand(args.into(), item.into()).into()
}
