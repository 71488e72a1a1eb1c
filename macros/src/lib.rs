//! `view!` and `#[component]`, the macros of Larkspur.
//!
//! Use them through `larkspur` (`use larkspur::*;`), not from this crate
//! directly: the generated code names only `::larkspur::…` paths.
//!
//! # What `view!` generates
//!
//! A view compiles to calls on the renderer's builder API, one expression per
//! node, with no nested generic view types (the result of every child is
//! type-erased into `View`), so compile time grows linearly with the size of
//! a view:
//!
//! ```text
//! view! { <button on:click=on_click>{count}</button> }
//!   ⇒ ::larkspur::html::button().on(::larkspur::ev::click, on_click).child(count)
//!
//! view! { <Tab index><p>"x"</p></Tab> }
//!   ⇒ ::larkspur::component_view(Tab,
//!         ::larkspur::component_props_builder(&Tab)
//!             .index(index)
//!             .children(::larkspur::ToChildren::to_children(move ||
//!                 ::larkspur::Fragment::new(vec![/* <p> */])))
//!             .build())
//! ```
//!
//! An HTML subtree with static content (two or more static elements or text
//! nodes) instead becomes a `<template>` parsed once per call site and cloned
//! with `cloneNode(true)`; the code then walks to its holes (see
//! `template.rs`). Set `LARKSPUR_TEMPLATES=0` while building to turn this
//! off and compare (cargo does not see the variable change: touch the
//! sources to rebuild). Measured 1.5–3× faster row creation than the
//! builder path, so templates are the default.
//!
//! # What `#[component]` generates
//!
//! For `fn Name(a: A, #[prop(optional)] b: B) -> impl IntoView`: a
//! `NameProps` struct (one public field per parameter, with its docs), a
//! `NamePropsBuilder` whose required-prop slots are tracked in its type, an
//! `impl ::larkspur::Props for NameProps`, and `fn Name(props: NameProps)`.
//! Leaving out a required prop is a compile error naming it:
//!
//! ```text
//! error[E0277]: missing required prop `index` of component `Tab`
//!  --> src/main.rs:9:22
//!   |
//! 9 |     let _ = view! { <Tab label="first"/> };
//!   |                      ^^^ add `index=...` to `<Tab>`
//! ```

use proc_macro::TokenStream;

mod component;
mod component_call;
mod directive;
mod params;
mod props;
mod raw_text;
mod slot;
mod tags;
mod template;
mod view;

/// Builds a view from HTML-like syntax.
///
/// | syntax | meaning |
/// | --- | --- |
/// | `<div>...</div>`, `<br>`, `<input/>` | an element (SVG inside `<svg>`, `my-el` as a custom element) |
/// | `"text"`, `text` | static text (quoted, or unquoted as in Leptos 0.6) |
/// | `{expr}` | a child: anything `IntoView`; a closure or signal is reactive |
/// | `name=value`, `name` | an attribute (`name` alone is `name=true`); a closure makes it reactive |
/// | `on:click=handler` | an event handler (`on:click:undelegated` to opt out of delegation); on a component, attached to its root elements |
/// | `class=("name", cond)` | one class toggled by `cond` (like `class:name=cond`, for names with `:` or `-`) |
/// | `use:directive`, `use:directive=param` | calls `directive(element, param.into())` once the element and its children are built (bare `use:directive` passes `().into()`); on a component, on each of its root elements |
/// | `{..attrs}` | spreads `(name, value)` attributes (and `(ev::click, handler)` pairs) on an element; on a component, passes them to its `#[prop(attrs)]` prop, like `attr:name=value` |
/// | `class:name=cond`, `style:prop=value`, `prop:name=value`, `attr:name=value` | one class, style property, DOM property or attribute |
/// | `node_ref=r` (also `ref=r`, `_ref=r`), `inner_html=html` | a node ref; markup set as HTML (the only way to insert markup) |
/// | `<Comp a=x b>children</Comp>` | a component: props by name, `b` alone means `b=b`, children become its `children` prop |
/// | `let:row`, `clone:name` | on components: bind the children closure's argument; clone `name` into it |
/// | `<>...</>`, several roots | a `Fragment` |
/// | `<Parent><Then slot>..</Then></Parent>` | a [`macro@slot`] filling `Parent`'s `then` prop (`slot:name` to pick the prop) |
///
/// A value containing `>` must be braced: `class:big={move || n() > 3}`.
///
/// ```no_run
/// use larkspur::*;
///
/// #[component]
/// fn Counter() -> impl IntoView {
///     let (count, set_count) = create_signal(0);
///     view! {
///         <button on:click=move |_| set_count.update(|n| *n += 1)>
///             "Click Me: " {count}
///         </button>
///     }
/// }
/// ```
#[proc_macro]
pub fn view(input: TokenStream) -> TokenStream {
    view::expand(input.into()).into()
}

/// The same as [`view!`]; Leptos 0.6 spelled static views this way.
///
/// ```no_run
/// use larkspur::*;
///
/// let _ = template! { <p class="note">Saved</p> };
/// ```
#[proc_macro]
pub fn template(input: TokenStream) -> TokenStream {
    view::expand(input.into()).into()
}

/// Turns a struct into a slot: a typed piece of a parent component's
/// markup. Fields are props (with the same `#[prop(...)]` options as a
/// component's parameters); the parent takes the slot as a prop named after
/// it in snake case (`Then` → `then`), as `Then`, `Option<Then>` or
/// `Vec<Then>` for several.
///
/// ```no_run
/// use larkspur::*;
///
/// #[slot]
/// struct Then {
///     children: ChildrenFn,
/// }
///
/// #[component]
/// fn If(#[prop(into)] condition: Signal<bool>, then: Then, children: ChildrenFn) -> impl IntoView {
///     move || if condition.get() { (then.children)() } else { children() }
/// }
///
/// let (on, _) = create_signal(true);
/// let _ = view! {
///     <If condition=on>
///         <Then slot>"on"</Then>
///         "off"
///     </If>
/// };
/// ```
#[proc_macro_attribute]
pub fn slot(args: TokenStream, item: TokenStream) -> TokenStream {
    slot::expand(args.into(), item.into()).into()
}

/// Derives the router's `Params` trait: each field is read from the route
/// parameter (or query key) of its name, converted with `IntoParam`;
/// `Option<T>` fields may be absent.
///
/// ```no_run
/// use larkspur::*;
/// use larkspur::router::*;
///
/// #[derive(Params, PartialEq, Clone)]
/// struct ContactParams {
///     id: Option<usize>,
/// }
///
/// #[component]
/// fn Contact() -> impl IntoView {
///     let params = use_params::<ContactParams>();
///     let id = move || params.with(|p| p.as_ref().ok().and_then(|p| p.id));
///     view! { <p>"Contact " {move || id().map(|i| i.to_string())}</p> }
/// }
/// ```
#[proc_macro_derive(Params)]
pub fn derive_params(input: TokenStream) -> TokenStream {
    params::expand(input.into()).into()
}

/// Turns a function into a component with a props struct and builder.
///
/// Parameters become props; their doc comments document the props.
///
/// | attribute | effect |
/// | --- | --- |
/// | (none) | required: leaving it out is a compile error naming it |
/// | `#[prop(optional)]` | defaults to `Default::default()`; on `Option<T>` the setter takes `T` |
/// | `#[prop(optional_no_strip)]` | optional, and the setter takes the `Option<T>` itself |
/// | `#[prop(strip_option)]` | an `Option<T>` whose setter takes `T`; may be left out (`None`), where Leptos 0.6 requires it |
/// | `#[prop(default = expr)]` | optional with that default |
/// | `#[prop(into)]` | the setter takes `impl Into<T>` |
/// | `#[prop(attrs)]` | on a `Vec<(&'static str, Attribute)>`: receives `attr:name=value` and `{..attrs}` of the call |
///
/// `#[component(transparent)]` is accepted for components that only
/// declare routes: `<Route>` finds its `<Routes>` through context, so such a
/// component needs no special treatment.
///
/// `children: Children` (or `ChildrenFn`, `ChildrenFnMut`) receives what is
/// written between the component's tags. Generic parameters and
/// `impl Trait` parameters work. A component without parameters is left as
/// written, so `mount_to_body(App)` takes it directly.
///
/// ```no_run
/// use larkspur::*;
///
/// /// One tab of a tab bar.
/// #[component]
/// fn Tab(
///     /// Position of the tab.
///     index: usize,
///     /// Shown on hover.
///     #[prop(optional, into)]
///     title: String,
///     children: Children,
/// ) -> impl IntoView {
///     view! { <div title=title data-index=index>{children()}</div> }
/// }
///
/// let index = 0;
/// let _ = view! { <Tab index title="first"><p>"contents"</p></Tab> };
/// ```
#[proc_macro_attribute]
pub fn component(args: TokenStream, item: TokenStream) -> TokenStream {
    component::expand(args.into(), item.into()).into()
}
