//! `view!`: parses the template with rstml and generates builder calls on
//! the renderer (`::larkspur::html::div().attr(..).child(..)`).
//!
//! Every error is collected with the span of the user's own tokens and
//! emitted next to the best-effort code for the rest of the template, so one
//! mistake does not hide the others.

use proc_macro2::{Span, TokenStream};
use quote::{format_ident, quote, quote_spanned, ToTokens};
use rstml::node::{
    KeyedAttribute, KeyedAttributeValue, Node, NodeAttribute, NodeBlock, NodeElement, NodeName,
};
use rstml::{Parser, ParserConfig};
use std::collections::HashSet;
use syn::spanned::Spanned;
use syn::{Expr, Stmt};

use crate::component_call;
use crate::directive::{self, Directive};
use crate::tags::{self, Namespace};

/// HTML elements that never have children, so `<br>` needs no `/`.
const VOID_ELEMENTS: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr",
];

/// Drops the closing tags of void elements (`<input ...></input>`): they
/// close themselves here, and Leptos 0.6, whose parser has no notion of void
/// elements, accepts the closing tag. Only markup tokens are looked at;
/// Rust code sits in groups (`{...}`) and is left alone.
fn drop_void_close_tags(input: TokenStream) -> TokenStream {
    use proc_macro2::TokenTree;
    let tokens: Vec<TokenTree> = input.into_iter().collect();
    let mut out = Vec::with_capacity(tokens.len());
    let mut i = 0;
    while i < tokens.len() {
        if let [TokenTree::Punct(lt), TokenTree::Punct(slash), TokenTree::Ident(name), TokenTree::Punct(gt), ..] =
            &tokens[i..]
        {
            if lt.as_char() == '<'
                && slash.as_char() == '/'
                && gt.as_char() == '>'
                && VOID_ELEMENTS.contains(&name.to_string().as_str())
            {
                i += 4;
                continue;
            }
        }
        out.push(tokens[i].clone());
        i += 1;
    }
    out.into_iter().collect()
}

/// Splits off a leading `class = expr,` (Leptos 0.6's class for every
/// element of the view): the expression and the markup after the comma.
fn split_global_class(input: TokenStream) -> (Option<TokenStream>, TokenStream) {
    use proc_macro2::TokenTree;
    let tokens: Vec<TokenTree> = input.clone().into_iter().collect();
    let starts = matches!(
        tokens.as_slice(),
        [TokenTree::Ident(i), TokenTree::Punct(eq), ..] if i == "class" && eq.as_char() == '='
    );
    if !starts {
        return (None, input);
    }
    let Some(comma) = tokens
        .iter()
        .position(|t| matches!(t, TokenTree::Punct(p) if p.as_char() == ','))
    else {
        return (None, input);
    };
    let expr: TokenStream = tokens[2..comma].iter().cloned().collect();
    let rest: TokenStream = tokens[comma + 1..].iter().cloned().collect();
    (Some(expr), rest)
}

/// Expands `view! { ... }`.
pub fn expand(input: TokenStream) -> TokenStream {
    let (global_class, input) = split_global_class(input);
    let input = drop_void_close_tags(input);
    let config = ParserConfig::new()
        .recover_block(true)
        .always_self_closed_elements(VOID_ELEMENTS.iter().copied().collect::<HashSet<_>>());
    let (mut nodes, diagnostics) = Parser::new(config).parse_recoverable(input).split_vec();
    crate::raw_text::quote_raw_text(&mut nodes);
    let mut gen = Codegen {
        global_class,
        ..Codegen::default()
    };
    for d in diagnostics {
        if d.level() != proc_macro2_diagnostics::Level::Error {
            continue;
        }
        let error: syn::Error = d.into();
        for part in error {
            // Mismatched close tags are reported below, naming both tags.
            let message = part.to_string();
            if message == "wrong close tag found"
                || message == "open tag has no corresponding close tag"
                || message.starts_with("[help] open tag that should be closed")
                || message.starts_with("[note] treating all inputs after open tag")
            {
                continue;
            }
            gen.errors.push(part);
        }
    }
    check_close_tags(&mut gen, &nodes);
    let body = gen.root(&nodes);
    gen.finish(body)
}

/// Accumulates errors while generating code.
#[derive(Default)]
pub struct Codegen {
    pub errors: Vec<syn::Error>,
    /// `view! { class = style, ... }`: a class every element of this view
    /// gets (Leptos 0.6, used by scoped-CSS crates).
    pub global_class: Option<TokenStream>,
}

impl Codegen {
    pub fn error(&mut self, span: Span, msg: impl std::fmt::Display) {
        self.errors.push(syn::Error::new(span, msg));
    }

    /// `name` as an identifier at `span`, or an error there when it is not
    /// one (`use:my-dir`, `let:a.b`): bad input gets a spanned error, not
    /// a macro panic. The stand-in returned then keeps the expansion going.
    pub fn ident_or_error(&mut self, name: &str, span: Span, what: &str) -> syn::Ident {
        match syn::parse_str::<syn::Ident>(name) {
            Ok(mut ident) => {
                ident.set_span(span);
                ident
            }
            Err(_) => {
                self.error(
                    span,
                    format_args!("`{name}` is not a Rust identifier, so it cannot name {what}"),
                );
                format_ident!("__larkspur_invalid_name", span = span)
            }
        }
    }

    /// An error underlining all of `tokens`.
    pub fn error_spanned(&mut self, tokens: &dyn ToTokens, msg: impl std::fmt::Display) {
        self.errors.push(syn::Error::new_spanned(tokens, msg));
    }

    /// Wraps the generated expression with the collected errors.
    pub fn finish(self, body: TokenStream) -> TokenStream {
        if self.errors.is_empty() {
            return body;
        }
        let errors = self.errors.iter().map(syn::Error::to_compile_error);
        quote! {{ #(#errors)* #body }}
    }

    /// The value of the whole `view!`: an element builder for a single element
    /// root (so `.into_view()`, `.attr()` etc. still apply), a `View` for a
    /// component or text root, a `Fragment` for several roots.
    fn root(&mut self, nodes: &[Node]) -> TokenStream {
        let nodes: Vec<&Node> = nodes.iter().filter(|n| !is_ignored(n)).collect();
        match nodes.as_slice() {
            [] => quote! { ::larkspur::IntoView::into_view(()) },
            [Node::Element(el)] => self.element(el, Namespace::Html),
            // `view! { <>..</> }` is a `Fragment`, as in Leptos 0.6 (a
            // hand-built `Children` returns one).
            [Node::Fragment(frag)] => {
                let nodes: Vec<&Node> = frag.children.iter().collect();
                self.fragment(&nodes, Namespace::Html)
            }
            [one] => {
                let child = self.child(one, Namespace::Html);
                quote! { ::larkspur::IntoView::into_view(#child) }
            }
            many => self.fragment(many, Namespace::Html),
        }
    }

    /// `Fragment::new(vec![child.into_view(), ...])`.
    pub fn fragment(&mut self, nodes: &[&Node], ns: Namespace) -> TokenStream {
        let children: Vec<TokenStream> = nodes
            .iter()
            .filter(|n| !is_ignored(n))
            .map(|n| {
                let c = self.child(n, ns);
                quote! { ::larkspur::IntoView::into_view(#c) }
            })
            .collect();
        quote! { ::larkspur::Fragment::new(::std::vec![#(#children),*]) }
    }

    /// One node in child position, as an expression implementing `IntoView`.
    pub fn child(&mut self, node: &Node, ns: Namespace) -> TokenStream {
        match node {
            Node::Element(el) => self.element(el, ns),
            Node::Text(text) => text.value.to_token_stream(),
            Node::Block(block) => block_expr(block),
            Node::Fragment(frag) => {
                let nodes: Vec<&Node> = frag.children.iter().collect();
                let f = self.fragment(&nodes, ns);
                quote! { ::larkspur::IntoView::into_view(#f) }
            }
            // Turned into `Node::Text` by `quote_raw_text` before codegen.
            Node::RawText(_) => quote! { "" },
            Node::Comment(_) | Node::Doctype(_) => quote! { () },
            Node::Custom(_) => quote! { () },
        }
    }

    /// An element or a component.
    fn element(&mut self, el: &NodeElement<rstml::Infallible>, ns: Namespace) -> TokenStream {
        if is_component(el.name()) {
            return component_call::generate(self, el, ns);
        }
        let name = el.name();
        let tag = name.to_string();
        let name_span = name.span();
        if let NodeName::Block(_) = name {
            self.error(name_span, "dynamic tag names are not supported in `view!`");
            return quote! { () };
        }
        if !el.open_tag.generics.args.is_empty() {
            self.error(
                el.open_tag.generics.span(),
                "generic arguments are only allowed on components",
            );
        }
        let own_ns = tags::namespace_of(&tag, ns);
        if let Some(t) = crate::template::try_generate(self, el, own_ns) {
            return t;
        }
        // `annotation-xml` is a MathML element, not a custom one.
        let ctor = if tag.contains('-') && own_ns != Namespace::MathMl {
            quote_spanned! {name_span=> ::larkspur::html::custom(#tag) }
        } else {
            let module = match own_ns {
                Namespace::Html => format_ident!("html"),
                Namespace::Svg => format_ident!("svg"),
                Namespace::MathMl => format_ident!("math"),
            };
            let what =
                "an element (a namespaced tag such as `svg:rect` is written `rect` inside `<svg>`)";
            let f = self.ident_or_error(&tags::constructor_name(&tag), name_span, what);
            quote! { ::larkspur::#module::#f() }
        };
        let mut out = ctor;
        // `use:` directives run once the element is built, children and
        // all, so they come last in the chain.
        let mut directives = TokenStream::new();
        // A `<select>`'s value (`prop:value`, `value`, `prop:selectedIndex`)
        // is set after its children too: set before the `<option>`s exist
        // (a `<For>` of them), the browser has nothing to select, and after
        // a `batch` that writes both, its effect must run after theirs.
        let select_value = |a: &NodeAttribute| {
            tag == "select"
                && matches!(a, NodeAttribute::Attribute(a) if is_select_value(&a.key.to_string()))
        };
        let mut after_children = TokenStream::new();
        for attr in ordered_attributes(el.attributes()) {
            let is_use = matches!(attr, NodeAttribute::Attribute(a)
                if a.key.to_string().starts_with("use:"));
            let late = select_value(attr);
            let tokens = self.element_attribute(attr);
            if is_use {
                directives.extend(tokens);
            } else if late {
                after_children.extend(tokens);
            } else {
                out.extend(tokens);
            }
        }
        // After the element's own `class`, which it adds to.
        if let Some(class) = &self.global_class {
            out.extend(quote! { .global_class(::core::convert::AsRef::<str>::as_ref(&(#class))) });
        }
        let child_ns = tags::children_namespace(&tag, own_ns);
        for child in el.children.iter().filter(|n| !is_ignored(n)) {
            let c = self.child(child, child_ns);
            out.extend(quote! { .child(#c) });
        }
        out.extend(after_children);
        out.extend(directives);
        out
    }

    /// One attribute of an HTML/SVG element, as a builder method call.
    fn element_attribute(&mut self, attr: &NodeAttribute) -> TokenStream {
        let attr = match attr {
            NodeAttribute::Block(b) => {
                return match spread_of(b) {
                    Some(Spread::Values(expr)) => {
                        quote_spanned! {b.span()=> .__spread(
                            ::larkspur::__private::SpreadArg::new(#expr),
                            |__larkspur_value, __larkspur_el| {
                                #[allow(unused_imports)]
                                use ::larkspur::__private::{
                                    SpreadBindings as _, SpreadEach as _, SpreadFallback as _,
                                    SpreadWhole as _,
                                };
                                (&&&__larkspur_value).__spread_onto(__larkspur_el)
                            },
                        ) }
                    }
                    // `{..}` only separates props from attributes on components.
                    Some(Spread::Marker) => TokenStream::new(),
                    None => {
                        self.error(
                            b.span(),
                            "attribute blocks are not supported; write `name=value` or spread with `{..attrs}`",
                        );
                        TokenStream::new()
                    }
                };
            }
            NodeAttribute::Attribute(a) => a,
        };
        let key_span = attr.key.span();
        let value = match attribute_value(self, attr) {
            Ok(v) => v,
            Err(()) => return TokenStream::new(),
        };
        let directive = match directive::parse(&attr.key.to_string(), &attr.key) {
            Ok(d) => d,
            Err(e) => {
                self.errors.push(e);
                return TokenStream::new();
            }
        };
        let key = &attr.key;
        let needs_value = |gen: &mut Self, what: &str, example: &str| match &value {
            Some(v) => Some(v.clone()),
            None => {
                gen.error_spanned(
                    key,
                    format_args!("`{what}` needs a value, e.g. `{what}={example}`"),
                );
                None
            }
        };
        match directive {
            Directive::Plain(name) => {
                // `class=("name", condition)`: one toggled class.
                if let Some((class, cond)) = class_tuple(attr) {
                    // `class=(["a", "b"], cond)`: each name toggled by the
                    // condition, written again for each (as Leptos 0.6).
                    if let Expr::Array(names) = &class {
                        let names = names.elems.iter();
                        return quote_spanned! {key_span=> #(.class(#names, #cond))* };
                    }
                    return quote_spanned! {key_span=> .class(#class, #cond) };
                }
                if let Some((name, value)) = style_tuple(attr) {
                    return quote_spanned! {key_span=> .style(#name, #value) };
                }
                // A bare attribute is written empty, as in Leptos 0.6.
                let v = value.unwrap_or_else(|| quote_spanned! {key_span=> "" });
                attr_call(&name, attr.value(), v, key_span)
            }
            Directive::Use(name) => {
                let f = self.ident_or_error(&name, key_span, "a directive");
                // As in Leptos 0.6 the value goes through `Into`: a directive
                // taking `Amount` accepts `use:f=5` with `From<usize> for
                // Amount` (and bare `use:f` with `From<()>`).
                let param = value.unwrap_or_else(|| quote_spanned! {key_span=> () });
                quote_spanned! {key_span=> .directive(#f, ::core::convert::Into::into(#param)) }
            }
            Directive::On { event, undelegated } => {
                let Some(handler) = needs_value(self, &format!("on:{event}"), "move |_| ...")
                else {
                    return TokenStream::new();
                };
                let ev = event_token(&event, key_span, &handler);
                let method = if undelegated {
                    format_ident!("on_undelegated", span = key_span)
                } else {
                    format_ident!("on", span = key_span)
                };
                let handler_span = handler_span(&handler);
                let handler = handler_tokens(&ev, handler);
                quote_spanned! {handler_span=> .#method(#ev, #handler) }
            }
            Directive::Class(name) => {
                let Some(v) = needs_value(self, &format!("class:{name}"), "move || condition")
                else {
                    return TokenStream::new();
                };
                quote_spanned! {key_span=> .class(#name, #v) }
            }
            Directive::Style(name) => {
                let Some(v) = needs_value(self, &format!("style:{name}"), "\"value\"") else {
                    return TokenStream::new();
                };
                quote_spanned! {key_span=> .style(#name, #v) }
            }
            Directive::Prop(name) => {
                let Some(v) = needs_value(self, &format!("prop:{name}"), "value") else {
                    return TokenStream::new();
                };
                quote_spanned! {key_span=> .prop(#name, #v) }
            }
            Directive::Attr(name) => {
                let Some(v) = needs_value(self, &format!("attr:{name}"), "value") else {
                    return TokenStream::new();
                };
                attr_call(&name, attr.value(), v, key_span)
            }
            Directive::NodeRef => {
                let Some(v) = needs_value(self, "node_ref", "my_ref") else {
                    return TokenStream::new();
                };
                quote_spanned! {key_span=> .node_ref(#v) }
            }
            Directive::InnerHtml => {
                let Some(v) = needs_value(self, "inner_html", "html") else {
                    return TokenStream::new();
                };
                quote_spanned! {key_span=> .inner_html(#v) }
            }
            Directive::Let(_) | Directive::Clone(_) => {
                self.error_spanned(
                    key,
                    "`let:` and `clone:` apply to the children of components, not to HTML elements",
                );
                TokenStream::new()
            }
        }
    }
}

/// What a `{..expr}` attribute block spreads.
pub enum Spread {
    /// `{..expr}`: attributes (and handlers) to apply.
    Values(Box<Expr>),
    /// `{..}` alone: on a component, the attributes after it go to the
    /// root element rather than to props.
    Marker,
}

/// Reads `{..expr}` / `{..}`; `None` for any other block.
pub fn spread_of(block: &NodeBlock) -> Option<Spread> {
    let NodeBlock::ValidBlock(b) = block else {
        return None;
    };
    match b.stmts.as_slice() {
        [Stmt::Expr(
            Expr::Range(syn::ExprRange {
                start: None,
                limits: syn::RangeLimits::HalfOpen(_),
                end,
                ..
            }),
            None,
        )] => Some(match end {
            Some(e) => Spread::Values(e.clone()),
            None => Spread::Marker,
        }),
        _ => None,
    }
}

/// Whether `key` sets which option a `<select>` shows (applied after the
/// select's children).
pub fn is_select_value(key: &str) -> bool {
    matches!(
        key,
        "value" | "prop:value" | "prop:selectedIndex" | "prop:selected_index"
    )
}

/// The order in which an element's attributes are applied, as in Leptos
/// 0.6: plain attributes (and handlers, props) first, then `{..spread}`s,
/// then `class:` toggles, then `style:` properties, each group in source
/// order.
/// So `class:extra` survives a `class=` written after it (which sets the
/// whole `class` attribute) and a spread's `class`, `style:width` a later
/// `style=`, and what a spread sets wins over a keyed attribute of the
/// same name wherever it is written.
pub fn attribute_order(attr: &NodeAttribute) -> u8 {
    let NodeAttribute::Attribute(a) = attr else {
        return 1; // `{..spread}`
    };
    let key = a.key.to_string();
    if key.starts_with("class:") || class_tuple(a).is_some() {
        2
    } else if key.starts_with("style:") || style_tuple(a).is_some() {
        3
    } else {
        0
    }
}

/// The attributes of an element in [`attribute_order`].
pub fn ordered_attributes(attrs: &[NodeAttribute]) -> Vec<&NodeAttribute> {
    let mut ordered: Vec<&NodeAttribute> = attrs.iter().collect();
    ordered.sort_by_key(|a| attribute_order(a));
    ordered
}

/// `class=("name", condition)` → `("name", condition)` (the name may be
/// an array of names, `(["a", "b"], condition)`).
pub fn class_tuple(attr: &KeyedAttribute) -> Option<(Expr, Expr)> {
    named_tuple(attr, "class")
}

/// `style=("--columns", value)`: one style property (Leptos 0.6), as
/// `style:--columns=value` would be if the name were a valid key.
pub fn style_tuple(attr: &KeyedAttribute) -> Option<(Expr, Expr)> {
    named_tuple(attr, "style")
}

/// `key=("name", value)` (or with braces) for the attribute `key`.
fn named_tuple(attr: &KeyedAttribute, key: &str) -> Option<(Expr, Expr)> {
    if attr.key.to_string() != key {
        return None;
    }
    let mut expr = attr.value()?;
    // `class={("a", b)}`
    if let Expr::Block(b) = expr {
        if let [Stmt::Expr(inner, None)] = b.block.stmts.as_slice() {
            expr = inner;
        }
    }
    match expr {
        Expr::Tuple(t) if t.elems.len() == 2 => Some((t.elems[0].clone(), t.elems[1].clone())),
        _ => None,
    }
}

/// The handler of `on:event=handler`: a closure literal as it is (its
/// argument types come from the event), anything else through
/// `__private::event_fn`, which also accepts a `Callback` of the event.
pub fn handler_tokens(ev: &TokenStream, handler: TokenStream) -> TokenStream {
    match syn::parse2::<Expr>(handler.clone()) {
        // A macro call is passed on as a closure is (as 0.6 passes every
        // handler): it usually expands to a closure, whose argument type
        // only the listener's own `FnMut(E::EventType)` bound can infer.
        // So is a block ending in one (`{ let s = s.clone(); move |ev| .. }`):
        // the bound reaches its tail closure.
        Ok(ref e) if ends_in_closure(e) => handler,
        Err(_) => handler,
        Ok(_) => {
            let span = handler
                .clone()
                .into_iter()
                .next()
                .map_or(Span::call_site(), |t| t.span());
            quote_spanned! {span=> ::larkspur::__private::event_fn(&#ev, #handler) }
        }
    }
}

/// What a handler expression comes down to: itself, or the last
/// expression of the block it is (`{ let s = s.clone(); move |ev| .. }`),
/// through parentheses; a block ending in a macro call without `;` is
/// [`Tail::Macro`].
enum Tail<'a> {
    Expr(&'a Expr),
    Macro,
    Other,
}

fn tail(expr: &Expr) -> Tail<'_> {
    match expr {
        Expr::Block(b) if b.label.is_none() => match b.block.stmts.last() {
            Some(Stmt::Expr(last, None)) => tail(last),
            Some(Stmt::Macro(m)) if m.semi_token.is_none() => Tail::Macro,
            _ => Tail::Other,
        },
        Expr::Paren(p) => tail(&p.expr),
        Expr::Group(g) => tail(&g.expr),
        _ => Tail::Expr(expr),
    }
}

/// Whether a handler is a closure (or a macro call, which usually makes
/// one), or a block whose last expression is.
fn ends_in_closure(expr: &Expr) -> bool {
    match tail(expr) {
        Tail::Expr(e) => matches!(e, Expr::Closure(_) | Expr::Macro(_)),
        Tail::Macro => true,
        Tail::Other => false,
    }
}

/// The closure a handler is (or its block ends in).
fn handler_closure(expr: &Expr) -> Option<&syn::ExprClosure> {
    match tail(expr) {
        Tail::Expr(Expr::Closure(c)) => Some(c),
        _ => None,
    }
}

/// The expression for `ev::name`, or `ev::Custom::new("name")` for an event
/// without a typed struct.
pub fn event_token(event: &str, span: Span, handler: &TokenStream) -> TokenStream {
    if tags::is_typed_event(event) {
        let ident = format_ident!("{}", event, span = span);
        return quote! { ::larkspur::ev::#ident };
    }
    // A closure that names its event's type (`|ev: web_sys::CustomEvent|`)
    // chooses the type of the custom event, as in Leptos 0.6.
    let typed = syn::parse2::<Expr>(handler.clone())
        .ok()
        .as_ref()
        .and_then(handler_closure)
        .and_then(|c| c.inputs.first())
        .is_some_and(|input| matches!(input, syn::Pat::Type(_)));
    if typed {
        quote_spanned! {span=> ::larkspur::ev::Custom::new(#event) }
    } else {
        // `<Custom>` takes the default event type, `web_sys::Event`, which
        // an untyped `|ev|` needs.
        quote_spanned! {span=> <::larkspur::ev::Custom>::new(#event) }
    }
}

/// The span rustc should blame when a handler has the wrong type: the
/// handler expression itself.
fn handler_span(handler: &TokenStream) -> Span {
    handler
        .clone()
        .into_iter()
        .next()
        .map(|t| t.span())
        .unwrap_or_else(Span::call_site)
}

/// The value of `key=value` as tokens (`None` for a bare `key`), with a
/// single-expression block `{x}` unwrapped so no `unused_braces` lint fires.
pub fn attribute_value(
    gen: &mut Codegen,
    attr: &KeyedAttribute,
) -> Result<Option<TokenStream>, ()> {
    match &attr.possible_value {
        KeyedAttributeValue::None => Ok(None),
        KeyedAttributeValue::Binding(b) => {
            gen.error(
                b.paren.span.join(),
                "unexpected `(...)` after an attribute name; write `name=value`",
            );
            Err(())
        }
        KeyedAttributeValue::Value(_) => match attr.value() {
            Some(expr) => Ok(Some(unwrap_block(expr))),
            // rstml already reported the invalid block.
            None => Err(()),
        },
    }
}

fn unwrap_block(expr: &Expr) -> TokenStream {
    if let Expr::Block(b) = expr {
        if b.attrs.is_empty() && b.label.is_none() {
            if let [Stmt::Expr(inner, None)] = b.block.stmts.as_slice() {
                return inner.to_token_stream();
            }
        }
    }
    expr.to_token_stream()
}

/// Whether `expr` starts with an outer attribute (`#[cfg(..)] expr`).
fn has_outer_attribute(expr: &syn::Expr) -> bool {
    matches!(
        expr.to_token_stream().into_iter().next(),
        Some(proc_macro2::TokenTree::Punct(p)) if p.as_char() == '#'
    )
}

/// A `{...}` child: its single expression, or the whole block.
pub fn block_expr(block: &NodeBlock) -> TokenStream {
    match block {
        NodeBlock::ValidBlock(b) => match b.stmts.as_slice() {
            // Unless it carries an attribute (`{#[cfg(..)] { .. }}`): the
            // block whole, so a `cfg` that removes the expression leaves
            // `()` rather than no argument at all.
            [Stmt::Expr(inner, None)] if !has_outer_attribute(inner) => inner.to_token_stream(),
            // Bound first: the block whole as an argument would draw
            // `unused_braces`.
            [Stmt::Expr(_, None)] => quote! { { let __larkspur_block = #b; __larkspur_block } },
            // `{view! { .. }}`: the macro call alone (no `unused_braces`).
            [Stmt::Macro(m)] if m.semi_token.is_none() && m.attrs.is_empty() => {
                m.mac.to_token_stream()
            }
            _ => b.to_token_stream(),
        },
        // rstml reported the error; keep the types flowing.
        NodeBlock::Invalid(_) => quote! { () },
    }
}

/// Reports unclosed tags and each `</b>` that closes an `<a>`, naming the
/// tags involved.
fn check_close_tags(gen: &mut Codegen, nodes: &[Node]) {
    for node in nodes {
        match node {
            Node::Element(el) => {
                let open_is_closed = el.open_tag.is_self_closed()
                    || VOID_ELEMENTS.contains(&el.name().to_string().as_str());
                if el.close_tag.is_none() && !open_is_closed {
                    let name = el.name().to_string();
                    gen.error_spanned(
                        &el.open_tag,
                        format_args!(
                            "`<{name}>` is never closed: add `</{name}>`, or write `<{name}/>`"
                        ),
                    );
                }
                if let Some(close) = &el.close_tag {
                    let open = el.name().to_string();
                    let closing = close.name.to_string();
                    if open != closing {
                        gen.error_spanned(
                            close,
                            format_args!(
                                "closing tag `</{closing}>` does not match the open tag `<{open}>`: close `<{open}>` with `</{open}>` first"
                            ),
                        );
                    }
                }
                check_close_tags(gen, &el.children);
            }
            Node::Fragment(f) => check_close_tags(gen, &f.children),
            _ => {}
        }
    }
}

/// Comments and doctypes produce no DOM in a client-rendered view.
pub fn is_ignored(node: &Node) -> bool {
    matches!(node, Node::Comment(_) | Node::Doctype(_))
}

/// `<Counter/>`, `<my_mod::Counter/>`: a path whose last segment starts with
/// an upper-case letter names a component; anything else is an element.
fn is_component(name: &NodeName) -> bool {
    match name {
        NodeName::Path(p) => {
            p.path.segments.len() > 1
                || p.path.segments.last().is_some_and(|s| {
                    s.ident
                        .to_string()
                        .starts_with(|c: char| c.is_ascii_uppercase())
                })
        }
        _ => false,
    }
}

/// A builder's `.attr(name, value)` call. A string literal under a name
/// the renderer checks (URLs, `on…` handlers, `srcdoc`) is the author's
/// own source and is set as written (see `template::trusted_literal`),
/// with no check and no `Attribute`.
fn attr_call(
    name: &str,
    value: Option<&syn::Expr>,
    tokens: TokenStream,
    span: proc_macro2::Span,
) -> TokenStream {
    if crate::template::checked_at_runtime(name) && crate::template::trusted_literal(name, value) {
        quote_spanned! {span=> .__attr_literal(#name, #tokens) }
    } else {
        quote_spanned! {span=> .attr(#name, #tokens) }
    }
}

#[cfg(test)]
mod tests {
    use super::expand;
    use quote::quote;

    fn expanded(tokens: proc_macro2::TokenStream) -> String {
        expand(tokens).to_string().replace(' ', "")
    }

    #[test]
    fn element_with_directives_and_children() {
        let out = expanded(quote! {
            <button on:click=on_click class:on=move || x() style:color="red">{count}</button>
        });
        assert_eq!(
            out,
            "::larkspur::html::button()\
             .on(::larkspur::ev::click,::larkspur::__private::event_fn(&::larkspur::ev::click,on_click))\
             .class(\"on\",move||x()).style(\"color\",\"red\")\
             .child(count)"
        );
    }

    #[test]
    fn component_with_shorthand_prop_and_children() {
        let out = expanded(quote! { <Tab index><p>"x"</p></Tab> });
        assert!(
            out.contains("::larkspur::component_props_builder(&Tab).index(index)"),
            "{out}"
        );
        assert!(
            out.contains(".children(::larkspur::ToChildren::to_children(move||"),
            "{out}"
        );
        assert!(out.ends_with(".build())"), "{out}");
    }

    #[test]
    fn several_roots_make_a_fragment() {
        let out = expanded(quote! { <h1>"a"</h1> <Counter/> });
        assert!(
            out.starts_with("::larkspur::Fragment::new(::std::vec!["),
            "{out}"
        );
    }

    #[test]
    fn svg_children_use_the_svg_module() {
        let out = expanded(quote! { <svg><a href="#"/><circle/></svg> });
        assert!(out.starts_with("::larkspur::svg::svg()"), "{out}");
        assert!(out.contains("::larkspur::svg::a()"), "{out}");
        assert!(out.contains("::larkspur::svg::circle()"), "{out}");
    }

    #[test]
    fn a_leading_class_goes_on_every_element() {
        let out = expanded(quote! { class = style, <div class="a"><p>"x"</p></div> });
        assert_eq!(
            out,
            "::larkspur::html::div().attr(\"class\",\"a\")\
             .global_class(::core::convert::AsRef::<str>::as_ref(&(style)))\
             .child(::larkspur::html::p()\
             .global_class(::core::convert::AsRef::<str>::as_ref(&(style))).child(\"x\"))"
        );
    }

    #[test]
    fn void_elements_may_have_closing_tags() {
        let out = expanded(quote! { <div><input type="text"></input><br></br>"x"</div> });
        assert_eq!(
            out,
            expanded(quote! { <div><input type="text"/><br/>"x"</div> })
        );
    }

    #[test]
    fn leptos_06_attribute_forms() {
        let out = expanded(quote! {
            <input {..attrs} use:focus use:tip="hint" class=("on", on)/>
        });
        assert_eq!(
            out,
            "::larkspur::html::input().__spread(::larkspur::__private::SpreadArg::new(attrs),\
             |__larkspur_value,__larkspur_el|{#[allow(unused_imports)]\
             use::larkspur::__private::{SpreadBindingsas_,SpreadEachas_,SpreadFallbackas_,SpreadWholeas_,};\
             (&&&__larkspur_value).__spread_onto(__larkspur_el)},)\
             .class(\"on\",on)\
             .directive(focus,::core::convert::Into::into(()))\
             .directive(tip,::core::convert::Into::into(\"hint\"))"
        );
    }

    #[test]
    fn float_literals_are_written_as_their_value() {
        let out = expanded(quote! { <div><input step=1.0 max=1e3/></div> });
        assert!(out.contains(r#"step=\"1\""#), "{out}");
        assert!(out.contains(r#"max=\"1000\""#), "{out}");
    }

    #[test]
    fn a_block_ending_in_a_closure_is_passed_as_a_closure() {
        let out = expanded(quote! {
            <form on:submit={ let s = s.clone(); move |ev| s(ev) }></form>
        });
        assert!(!out.contains("event_fn"), "{out}");
    }

    #[test]
    fn a_typed_custom_event_handler_chooses_the_event_type() {
        let typed = expanded(quote! {
            <sl-select on:sl-change=move |ev: web_sys::CustomEvent| f(ev)></sl-select>
        });
        assert!(
            typed.contains("::larkspur::ev::Custom::new(\"sl-change\")"),
            "{typed}"
        );
        let untyped = expanded(quote! { <sl-select on:sl-change=move |ev| f(ev)></sl-select> });
        assert!(
            untyped.contains("<::larkspur::ev::Custom>::new(\"sl-change\")"),
            "{untyped}"
        );
    }

    #[test]
    fn names_that_are_not_identifiers_are_errors_not_panics() {
        for tokens in [
            quote! { <input use:my-dir/> },
            quote! { <Comp use:my-dir/> },
            quote! { <For each=e key=k let:a-b>"x"</For> },
            quote! { <Comp clone:my-val>"x"</Comp> },
        ] {
            let out = expanded(tokens);
            assert!(out.contains("compile_error"), "{out}");
        }
    }

    #[test]
    fn component_attr_literals_are_trusted_only_where_refused() {
        let out = expanded(quote! {
            <Card attr:href="/about" attr:onclick="go()" attr:src=" JavaScript:x" attr:title="t"/>
        });
        let trusted = |v: &str| format!("::larkspur::TrustedUrl::new({v})");
        assert!(!out.contains(&trusted("\"/about\"")), "{out}");
        assert!(out.contains(&trusted("\"go()\"")), "{out}");
        // (`expanded` drops spaces.)
        assert!(out.contains(&trusted("\"JavaScript:x\"")), "{out}");
        assert!(!out.contains(&trusted("\"t\"")), "{out}");
    }

    #[test]
    fn component_events_attrs_and_slots() {
        let out = expanded(quote! {
            <If cond attr:id="x" on:click=f><Then slot>"a"</Then><div slot="web">"b"</div></If>
        });
        assert!(out.contains(".dyn_attrs(::std::vec![(\"id\",::larkspur::IntoAttribute::into_attribute(\"x\"))])"), "{out}");
        assert!(
            out.contains(".then(::core::convert::Into::into(Then::builder()"),
            "{out}"
        );
        // An HTML element's `slot="..."` is its own attribute, not a slot.
        assert!(
            out.contains(".attr(\"slot\",\"web\")") || out.contains("slot=\\\"web\\\""),
            "{out}"
        );
        assert!(
            out.ends_with(".on_undelegated(::larkspur::ev::click,::larkspur::__private::event_fn(&::larkspur::ev::click,f))"),
            "{out}"
        );
    }

    #[test]
    fn unquoted_text_is_text() {
        let out = expanded(quote! { <p>Hello world</p> });
        assert!(
            out.contains("Helloworld") || out.contains("Hello world"),
            "{out}"
        );
        assert!(!out.contains("compile_error"), "{out}");
    }

    #[test]
    fn errors_are_collected_not_fatal() {
        let out = expanded(quote! { <div onn:click=f class:x>"ok"</div> });
        assert_eq!(out.matches("compile_error").count(), 2, "{out}");
        assert!(out.contains(".child(\"ok\")"), "{out}");
    }
}
