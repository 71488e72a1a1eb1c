//! Template cloning: the static HTML of an element subtree becomes one
//! `<template>` per call site, parsed once and cloned with
//! `cloneNode(true)`; the generated code walks to the dynamic holes with
//! `first_child`/`next_sibling` and attaches attributes, handlers and
//! children there (`::larkspur::__private`).
//!
//! Measured against per-node builder calls on 10,000 rows in headless
//! Chromium: roughly 1.5–3× faster to create, for `<div>` rows and for the
//! js-framework-benchmark's `<tr>` rows (see
//! `tests/browser/template_vs_builder.rs`), so templates are the default.
//!
//! Only subtrees whose HTML the parser reproduces exactly are templated:
//! table parts only in their proper nesting (the parser would insert a
//! `<tbody>` or move text out of a table), no `<p>` around block
//! elements, no raw-text or whitespace-trimming elements, no SVG/MathML,
//! no nested interactive elements. Anything else uses the builder path.

use proc_macro2::TokenStream;
use quote::{format_ident, quote, quote_spanned};
use rstml::node::{KeyedAttributeValue, Node, NodeAttribute, NodeElement, NodeName};
use syn::spanned::Spanned;
use syn::{Expr, ExprLit, Lit};

use crate::directive::{self, Directive};
use crate::tags::{self, Namespace};
use crate::view::{attribute_value, is_ignored, Codegen};

/// Elements the HTML parser rebuilds exactly as written when they hold the
/// children `view!` allows. Phrasing elements may sit anywhere; flow
/// elements not inside `<p>` or phrasing parents.
const PHRASING: &[&str] = &[
    "a", "abbr", "b", "bdi", "bdo", "br", "button", "cite", "code", "data", "dfn", "em", "i",
    "img", "input", "kbd", "label", "mark", "q", "s", "samp", "small", "span", "strong", "sub",
    "sup", "time", "u", "var", "wbr",
];
const FLOW: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "dd",
    "details",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "section",
    "summary",
    "ul",
];
/// Table parts: templated only in the nesting the parser keeps as written
/// (no `<tr>` straight under `<table>`, which would gain a `<tbody>`).
const TABLE_PARTS: &[&str] = &["table", "tbody", "thead", "tfoot", "tr", "td", "th"];
const VOID: &[&str] = &["br", "hr", "img", "input", "wbr"];
/// Attributes whose literal values still go through the renderer's URL check.
/// (`data` is `<object>`'s URL.)
const URL_ATTRIBUTES: &[&str] = &["href", "src", "action", "formaction", "xlink:href", "data"];
/// SVG animation values, which can carry a URL into `href` (checked too).
const ANIMATION_VALUES: &[&str] = &["to", "from", "by", "values"];

/// Whether a literal attribute must go through the renderer's checks
/// instead of into the template's markup: URL attributes, SVG animation
/// values, `srcdoc` and `on*` handlers. Compared without case, as the HTML
/// parser lower-cases attribute names (`HREF=` is `href`).
pub(crate) fn checked_at_runtime(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    URL_ATTRIBUTES.contains(&lower.as_str())
        || ANIMATION_VALUES.contains(&lower.as_str())
        || lower == "srcdoc"
        || lower.starts_with("on")
}

/// Whether `value` is a string literal: what the author wrote in `view!`
/// is their own source, set as written (as markup in `index.html` would
/// be), so the renderer's URL and inline-handler checks apply to values
/// computed at run time only. `xlink:href` keeps the renderer's namespace
/// handling.
pub(crate) fn trusted_literal(name: &str, value: Option<&Expr>) -> bool {
    matches!(
        value,
        Some(Expr::Lit(ExprLit {
            lit: Lit::Str(_),
            ..
        }))
    ) && !name.eq_ignore_ascii_case("xlink:href")
}

/// Elements the HTML parser's "special" category stops at when it looks
/// for an open `<li>`, `<dd>` or `<dt>` to close (`address`, `div` and `p`
/// excepted, and phrasing elements are not special).
const LIST_ITEM_BARRIERS: &[&str] = &[
    "article",
    "aside",
    "blockquote",
    "button",
    "details",
    "dl",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "main",
    "menu",
    "nav",
    "ol",
    "section",
    "summary",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "ul",
];

/// Whether the parser would close an open ancestor when it meets `tag`
/// (so the written nesting would not survive parsing): an `<a>` inside any
/// open `<a>`, a `<button>` inside any open `<button>`, a `<form>` inside
/// any open `<form>`, and an `<li>` (or `<dd>`/`<dt>`) below an open one
/// with no list container (any special element but `div`, `p`, `address`)
/// in between.
fn closes_an_ancestor(tag: &str, ancestors: &[String]) -> bool {
    let open = |t: &str| ancestors.iter().any(|a| a == t);
    match tag {
        "a" | "button" | "form" => open(tag),
        "li" | "dd" | "dt" => {
            let targets: &[&str] = if tag == "li" { &["li"] } else { &["dd", "dt"] };
            for a in ancestors.iter().rev() {
                if targets.contains(&a.as_str()) {
                    return true;
                }
                if LIST_ITEM_BARRIERS.contains(&a.as_str()) {
                    return false;
                }
            }
            false
        }
        _ => false,
    }
}

/// Whether `view!` should try templates (set `LARKSPUR_TEMPLATES=0` at build
/// time to compare against per-node creation).
fn enabled() -> bool {
    std::env::var("LARKSPUR_TEMPLATES").map_or(true, |v| v != "0")
}

/// A templated subtree, as an expression of type `HtmlElement<El>`, or
/// `None` when the subtree must use the builder path.
pub fn try_generate(
    gen: &mut Codegen,
    el: &NodeElement<rstml::Infallible>,
    ns: Namespace,
) -> Option<TokenStream> {
    // A view-wide class (`view! { class = style, ... }`) is added per
    // element at run time, by the builder.
    if ns != Namespace::Html || !enabled() || gen.global_class.is_some() {
        return None;
    }
    let mut static_nodes = 0;
    if !eligible(el, &[], &mut static_nodes) || static_nodes < 2 {
        return None;
    }
    let mut t = Builder {
        gen,
        html: String::new(),
        walks: Vec::new(),
        ops: Vec::new(),
        next_var: 0,
    };
    // Mixed-site hygiene: the user's expressions in holes cannot see (or be
    // shadowed by) the walk's variables.
    let root = format_ident!("__root", span = proc_macro2::Span::mixed_site());
    t.element(el, &root, true);
    let Builder {
        html, walks, ops, ..
    } = t;
    let tag = el.name().to_string();
    let marker = marker_type(&tag);
    Some(quote! {{
        // Single-threaded wasm: a plain static, cloned through one
        // non-generic function shared by every template of the app.
        // Elsewhere (native builds, wasm with threads) a thread-local.
        #[cfg(all(target_family = "wasm", not(target_feature = "atomics")))]
        let #root = {
            static __TEMPLATE: ::larkspur::__private::StaticTemplate =
                ::larkspur::__private::StaticTemplate::new(#html);
            __TEMPLATE.clone_root()
        };
        #[cfg(not(all(target_family = "wasm", not(target_feature = "atomics"))))]
        let #root = {
            ::std::thread_local! {
                static __TEMPLATE: ::larkspur::__private::Template =
                    ::larkspur::__private::Template::new(#html);
            }
            __TEMPLATE.with(::larkspur::__private::Template::clone_root)
        };
        #(#walks)*
        #(#ops)*
        ::larkspur::HtmlElement::<#marker>::from_element(#root)
    }})
}

/// `div` → `::larkspur::html::Div`, `my-el` → `::larkspur::html::Custom`.
fn marker_type(tag: &str) -> TokenStream {
    if tag.contains('-') {
        return quote! { ::larkspur::html::Custom };
    }
    let mut name = String::new();
    let mut upper = true;
    for c in tags::constructor_name(tag).trim_end_matches('_').chars() {
        if c == '_' {
            upper = true;
        } else if upper {
            name.push(c.to_ascii_uppercase());
            upper = false;
        } else {
            name.push(c);
        }
    }
    let ident = format_ident!("{}", name);
    quote! { ::larkspur::html::#ident }
}

/// Whether `tag` under `parent` survives HTML parsing unchanged, as far as
/// table structure goes. A `<template>` parses a lone `<tr>` or `<td>` as
/// written, so those may be template roots.
fn table_nesting_ok(tag: &str, parent: Option<&str>) -> bool {
    let expected_children: &[&str] = match parent {
        Some("table") => &["tbody", "thead", "tfoot"],
        Some("tbody" | "thead" | "tfoot") => &["tr"],
        Some("tr") => &["td", "th"],
        _ => {
            return match tag {
                "tr" | "td" | "th" | "tbody" | "thead" | "tfoot" => parent.is_none(),
                _ => true,
            }
        }
    };
    expected_children.contains(&tag)
}

fn is_heading(tag: &str) -> bool {
    matches!(tag, "h1" | "h2" | "h3" | "h4" | "h5" | "h6")
}

/// Checks the whole subtree and counts its static DOM nodes.
fn eligible(el: &NodeElement<rstml::Infallible>, ancestors: &[String], count: &mut usize) -> bool {
    let parent = ancestors.last().map(String::as_str);
    let (NodeName::Path(_) | NodeName::Punctuated(_)) = el.name() else {
        return false;
    };
    let tag = el.name().to_string();
    if tag.starts_with(|c: char| c.is_ascii_uppercase()) || tag.contains("::") {
        return false; // a component at the root
    }
    // Custom elements (`<x-counter>`) are made by `createElement`: a clone
    // of a template's inert content is not upgraded until it is inserted,
    // so `prop:` writes made while the view is built would become plain
    // properties shadowing the element's own accessors, and its methods
    // would be missing in `on_load`. (A customized built-in, `<button
    // is="x-button">`, stays templated: only the parser gives it its `is`.)
    if tag.contains('-') {
        return false;
    }
    let phrasing = PHRASING.contains(&tag.as_str());
    let table_part = TABLE_PARTS.contains(&tag.as_str());
    if !(phrasing || table_part || FLOW.contains(&tag.as_str())) {
        return false;
    }
    if !table_nesting_ok(&tag, parent) {
        return false;
    }
    if closes_an_ancestor(&tag, ancestors) {
        return false;
    }
    if let Some(parent) = parent {
        let parent_is_phrasing = parent == "p" || PHRASING.contains(&parent);
        if parent_is_phrasing && !phrasing {
            return false;
        }
        if (parent == "a" && tag == "a")
            || (parent == "button" && (tag == "button" || tag == "a" || tag == "input"))
            || (parent == "form" && tag == "form")
            || (parent == "li" && tag == "li")
            || (is_heading(parent) && is_heading(&tag))
            || (matches!(parent, "dd" | "dt") && matches!(tag.as_str(), "dd" | "dt"))
        {
            return false;
        }
    }
    if VOID.contains(&tag.as_str()) && !el.children.is_empty() {
        return false;
    }
    if !el.open_tag.generics.args.is_empty() {
        return false;
    }
    for attr in el.attributes() {
        let NodeAttribute::Attribute(a) = attr else {
            return false;
        };
        if matches!(a.possible_value, KeyedAttributeValue::Binding(_)) {
            return false;
        }
        // The builder sets a `<select>`'s value after its options.
        if tag == "select" && crate::view::is_select_value(&a.key.to_string()) {
            return false;
        }
        match directive::parse(&a.key.to_string(), &a.key) {
            Ok(Directive::On {
                undelegated: true, ..
            })
            | Ok(Directive::InnerHtml)
            | Ok(Directive::Let(_))
            | Ok(Directive::Clone(_))
            | Ok(Directive::Use(_))
            | Err(_) => return false,
            // `class=("name", cond)`: the builder's `.class`.
            Ok(Directive::Plain(_))
                if crate::view::class_tuple(a).is_some()
                    || crate::view::style_tuple(a).is_some() =>
            {
                return false
            }
            // A directive without its value: the builder path reports it.
            Ok(Directive::Plain(_)) => {}
            Ok(_) if matches!(a.possible_value, KeyedAttributeValue::None) => return false,
            Ok(_) => {}
        }
    }
    *count += 1;
    let mut last_was_text = false;
    let mut path = ancestors.to_vec();
    path.push(tag.clone());
    for child in el.children.iter().filter(|n| !is_ignored(n)) {
        match child {
            Node::Element(c) => {
                let name = c.name().to_string();
                let is_component =
                    name.starts_with(|ch: char| ch.is_ascii_uppercase()) || name.contains("::");
                if !is_component && !eligible(c, &path, count) {
                    return false;
                }
                last_was_text = false;
            }
            Node::Text(t) => {
                // Text inside table structure is moved out by the parser.
                if matches!(tag.as_str(), "table" | "tbody" | "thead" | "tfoot" | "tr") {
                    return false;
                }
                if !last_was_text && !t.value.value().is_empty() {
                    *count += 1;
                }
                last_was_text = true;
            }
            Node::Block(_) => last_was_text = false,
            _ => return false,
        }
    }
    true
}

struct Builder<'a> {
    gen: &'a mut Codegen,
    html: String,
    /// `let` statements walking to nodes, run before any hole is filled.
    walks: Vec<TokenStream>,
    /// Attribute, handler and child insertions.
    ops: Vec<TokenStream>,
    next_var: usize,
}

/// One DOM child of a templated element.
enum Slot<'n> {
    Text(String),
    Element(&'n NodeElement<rstml::Infallible>),
    /// A `{expr}` or component child, at a `<!>` placeholder.
    Hole(&'n Node<rstml::Infallible>),
}

impl Builder<'_> {
    fn var(&mut self) -> proc_macro2::Ident {
        self.next_var += 1;
        format_ident!(
            "__n{}",
            self.next_var,
            span = proc_macro2::Span::mixed_site()
        )
    }

    /// Writes `el` into the HTML and its dynamic parts into the ops; `var`
    /// names the node (already walked to by the caller).
    fn element(
        &mut self,
        el: &NodeElement<rstml::Infallible>,
        var: &proc_macro2::Ident,
        is_root: bool,
    ) {
        let tag = el.name().to_string();
        self.html.push('<');
        self.html.push_str(&tag);
        // The walk yields `Node`s; attribute ops need the `Element`.
        let el_var = if is_root {
            var.clone()
        } else {
            format_ident!("{}_el", var, span = proc_macro2::Span::mixed_site())
        };
        let mut needs_el = false;
        // A handler may skip reading the element's handler expando when it
        // is the first of its event here and only other events' handlers
        // ran before it on this fresh clone (no attribute, property or node
        // ref op that could run user code first).
        let mut only_listeners_so_far = true;
        let mut events_seen: Vec<String> = Vec::new();
        let mut runtime_attribute_seen = false;
        for attr in crate::view::ordered_attributes(el.attributes()) {
            let NodeAttribute::Attribute(attr) = attr else {
                continue;
            };
            let key = attr.key.to_string();
            let key_span = attr.key.span();
            let Ok(value) = attribute_value(self.gen, attr) else {
                continue;
            };
            let Ok(d) = directive::parse(&key, &attr.key) else {
                continue;
            };
            // Attributes keep their source order in the element, as Leptos
            // 0.6 writes them one by one: a literal goes into the markup
            // only while no attribute before it had to be set at run time.
            if let Directive::Plain(name) = &d {
                if let Some(text) = static_value(attr.value(), value.is_none(), name) {
                    let markup_safe =
                        !checked_at_runtime(name) || trusted_literal(name, attr.value());
                    if markup_safe && !runtime_attribute_seen {
                        self.html.push(' ');
                        self.html.push_str(name);
                        if let Some(text) = text {
                            self.html.push_str("=\"");
                            self.html.push_str(&escape(&text, true));
                            self.html.push('"');
                        }
                        continue;
                    }
                }
            }
            needs_el = true;
            if !matches!(d, Directive::On { .. }) {
                only_listeners_so_far = false;
            }
            let op = match d {
                Directive::Plain(name) | Directive::Attr(name) => {
                    runtime_attribute_seen = true;
                    // A bare attribute is written empty, as in Leptos 0.6.
                    let v = value.unwrap_or_else(|| quote_spanned! {key_span=> "" });
                    if checked_at_runtime(&name) && trusted_literal(&name, attr.value()) {
                        // The author's own literal, set as written (see
                        // `trusted_literal`): no check and no `Attribute`.
                        quote_spanned! {key_span=> ::larkspur::__private::attr_literal(&#el_var, #name, #v); }
                    } else if checked_at_runtime(&name) {
                        quote_spanned! {key_span=> ::larkspur::__private::attr(&#el_var, #name, #v); }
                    } else {
                        quote_spanned! {key_span=> ::larkspur::__private::attr_plain(&#el_var, #name, #v); }
                    }
                }
                Directive::On { event, .. } => {
                    let Some(h) = value else { continue };
                    let fresh = only_listeners_so_far && !events_seen.contains(&key);
                    events_seen.push(key.clone());
                    let ev = crate::view::event_token(&event, key_span, &h);
                    let span = h.clone().into_iter().next().map_or(key_span, |t| t.span());
                    let h = crate::view::handler_tokens(&ev, h);
                    if fresh {
                        quote_spanned! {span=> ::larkspur::__private::on_fresh(&#el_var, #ev, #h); }
                    } else {
                        quote_spanned! {span=> ::larkspur::__private::on(&#el_var, #ev, #h); }
                    }
                }
                Directive::Class(name) => {
                    let Some(v) = value else { continue };
                    quote_spanned! {key_span=> ::larkspur::__private::class(&#el_var, #name, #v); }
                }
                Directive::Style(name) => {
                    let Some(v) = value else { continue };
                    quote_spanned! {key_span=> ::larkspur::__private::style(&#el_var, #name, #v); }
                }
                Directive::Prop(name) => {
                    let Some(v) = value else { continue };
                    quote_spanned! {key_span=> ::larkspur::__private::prop(&#el_var, #name, #v); }
                }
                Directive::NodeRef => {
                    let Some(v) = value else { continue };
                    // The node ref loads here, and what its `on_load` or
                    // its readers' effects write comes before the literals
                    // written after it, as in Leptos 0.6: those are set
                    // after the load, not in the markup.
                    runtime_attribute_seen = true;
                    // The tag's constructor names the element type, so
                    // `create_node_ref()` infers it from any element of the
                    // template, as the builder's `node_ref` does.
                    let ctor =
                        format_ident!("{}", crate::tags::constructor_name(&tag), span = key_span);
                    quote_spanned! {key_span=>
                        ::larkspur::__private::node_ref(&#el_var, #v, ::larkspur::html::#ctor);
                    }
                }
                Directive::InnerHtml
                | Directive::Let(_)
                | Directive::Clone(_)
                | Directive::Use(_) => continue,
            };
            self.ops.push(op);
        }
        self.html.push('>');
        if needs_el && !is_root {
            self.walks
                .push(quote! { let #el_var = ::larkspur::__private::as_element(&#var); });
        }
        if VOID.contains(&tag.as_str()) {
            return;
        }

        let mut slots: Vec<Slot> = Vec::new();
        for child in el.children.iter().filter(|n| !is_ignored(n)) {
            match child {
                Node::Text(t) => {
                    let s = t.value.value();
                    if s.is_empty() {
                        continue;
                    }
                    if let Some(Slot::Text(prev)) = slots.last_mut() {
                        prev.push_str(&s);
                    } else {
                        slots.push(Slot::Text(s));
                    }
                }
                Node::Element(c) if !is_component_name(c.name()) => slots.push(Slot::Element(c)),
                other => slots.push(Slot::Hole(other)),
            }
        }
        // A `{expr}` hole with no text or hole beside it gets a text
        // placeholder (one space, which would not merge with a neighbour):
        // text is written into that node, dynamic text keeps patching it,
        // and nothing is created or inserted. Not under table structure,
        // where text does not belong.
        let text_allowed = !matches!(tag.as_str(), "table" | "tbody" | "thead" | "tfoot" | "tr");
        let is_element = |i: Option<&Slot>| matches!(i, None | Some(Slot::Element(_)));
        let text_placeholder: Vec<bool> = (0..slots.len())
            .map(|i| {
                text_allowed
                    && matches!(slots[i], Slot::Hole(Node::Block(_)))
                    && is_element(i.checked_sub(1).and_then(|p| slots.get(p)))
                    && is_element(slots.get(i + 1))
            })
            .collect();
        // Other holes after the last static child (or text placeholder)
        // append at the end instead of needing a placeholder.
        let last_static = slots
            .iter()
            .enumerate()
            .rposition(|(i, s)| !matches!(s, Slot::Hole(_)) || text_placeholder[i]);
        let mut prev: Option<proc_macro2::Ident> = None;
        let needs_walk: Vec<bool> = slots
            .iter()
            .enumerate()
            .map(|(i, s)| match s {
                Slot::Text(_) => false,
                Slot::Element(c) => subtree_is_dynamic(c),
                Slot::Hole(_) => text_placeholder[i] || last_static.is_some_and(|l| i < l),
            })
            .collect();
        let walk_until = needs_walk.iter().rposition(|b| *b);
        for (i, slot) in slots.iter().enumerate() {
            let in_walk = walk_until.is_some_and(|w| i <= w);
            let node_var = if in_walk {
                let v = self.var();
                let walk = match &prev {
                    None => quote! { let #v = ::larkspur::__private::first_child(&#var); },
                    Some(p) => quote! { let #v = ::larkspur::__private::next_sibling(&#p); },
                };
                self.walks.push(walk);
                prev = Some(v.clone());
                Some(v)
            } else {
                None
            };
            match slot {
                Slot::Text(s) => self.html.push_str(&escape(s, false)),
                Slot::Element(c) => {
                    let v = node_var.unwrap_or_else(|| format_ident!("__unused"));
                    self.element(c, &v, false);
                }
                Slot::Hole(node) => {
                    let child = self.gen.child(node, Namespace::Html);
                    if text_placeholder[i] {
                        self.html.push(' ');
                        let placeholder = node_var.expect("text placeholders are walked");
                        self.ops.push(quote! {
                            ::larkspur::__private::fill(#placeholder, #child);
                        });
                    } else if last_static.is_some_and(|l| i < l) {
                        self.html.push_str("<!>");
                        let marker = node_var.expect("holes before static nodes are walked");
                        self.ops.push(quote! {
                            ::larkspur::__private::insert(&#var, ::core::option::Option::Some(&#marker), #child);
                        });
                    } else {
                        self.ops.push(quote! {
                            ::larkspur::__private::insert(&#var, ::core::option::Option::None, #child);
                        });
                    }
                }
            }
        }
        self.html.push_str("</");
        self.html.push_str(&tag);
        self.html.push('>');
    }
}

fn has_dynamic_attributes(el: &NodeElement<rstml::Infallible>) -> bool {
    el.attributes().iter().any(|a| match a {
        NodeAttribute::Attribute(a) => {
            let key = a.key.to_string();
            let plain = !key.contains(':')
                && !matches!(
                    key.as_str(),
                    "node_ref" | "ref" | "_ref" | "ref_" | "inner_html"
                );
            !(plain
                && !checked_at_runtime(&key)
                && static_value(
                    a.value(),
                    matches!(a.possible_value, KeyedAttributeValue::None),
                    &key,
                )
                .is_some())
        }
        NodeAttribute::Block(_) => true,
    })
}

/// Whether anything in this subtree needs generated code.
fn subtree_is_dynamic(el: &NodeElement<rstml::Infallible>) -> bool {
    has_dynamic_attributes(el)
        || el.children.iter().any(|c| match c {
            Node::Element(c) => is_component_name(c.name()) || subtree_is_dynamic(c),
            Node::Block(_) => true,
            _ => false,
        })
}

fn is_component_name(name: &NodeName) -> bool {
    let s = name.to_string();
    s.starts_with(|c: char| c.is_ascii_uppercase()) || s.contains("::")
}

/// `Some(Some(text))` for a literal value that can be written into the
/// HTML, `Some(None)` for a bare boolean attribute, `None` otherwise.
///
/// As in Leptos 0.6, a bare attribute is written empty (`disabled=""`) and
/// `name=true` as `name="name"`.
fn static_value(value: Option<&Expr>, bare: bool, name: &str) -> Option<Option<String>> {
    if bare {
        return Some(None);
    }
    let Some(Expr::Lit(lit)) = value else {
        return None;
    };
    match &lit.lit {
        Lit::Str(s) => Some(Some(s.value())),
        Lit::Int(i) if i.suffix().is_empty() => Some(Some(i.base10_digits().to_string())),
        // Written as the value's `to_string` (`1.0` as `1`, `1e3` as
        // `1000`), as the builder path and Leptos 0.6 write it.
        Lit::Float(f) if f.suffix().is_empty() => {
            Some(Some(f.base10_parse::<f64>().ok()?.to_string()))
        }
        Lit::Bool(b) if b.value => Some(Some(name.to_string())),
        _ => None,
    }
}

fn escape(s: &str, attribute: bool) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' if attribute => out.push_str("&quot;"),
            '\u{a0}' => out.push_str("&nbsp;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::view::expand;
    use quote::quote;

    #[test]
    fn counter_button_is_templated() {
        let out =
            expand(quote! { <button on:click=on_click>"Click Me: " {count}</button> }).to_string();
        assert!(out.contains("\"<button>Click Me: </button>\""), "{out}");
        assert!(
            out.contains(
                "__private :: on_fresh (& __root , :: larkspur :: ev :: click , :: larkspur :: __private :: event_fn (& :: larkspur :: ev :: click , on_click))"
            ),
            "{out}"
        );
        assert!(
            out.contains("insert (& __root , :: core :: option :: Option :: None , count)"),
            "{out}"
        );
    }

    /// The generated statement whose last argument is `last_arg`.
    fn op_ending_with(out: &str, last_arg: &str) -> String {
        out.split(';')
            .find(|op| op.contains(&format!(", {last_arg})")))
            .unwrap_or_else(|| panic!("no op for {last_arg}: {out}"))
            .to_string()
    }

    #[test]
    fn only_a_first_listener_before_other_ops_skips_the_expando_read() {
        let out = expand(quote! {
            <div><button on:click=a on:click=b on:input=c prop:x=d on:keydown=e>"x"</button></div>
        })
        .to_string();
        let op = |last_arg: &str| op_ending_with(&out, last_arg);
        // The first click and the input handler go first on a fresh clone.
        assert!(op("a").contains("__private :: on_fresh ("), "{out}");
        assert!(op("c").contains("__private :: on_fresh ("), "{out}");
        // A second click joins the first one's chain; a handler after a
        // property op may find one registered by user code run by that op.
        assert!(op("b").contains("__private :: on ("), "{out}");
        assert!(op("e").contains("__private :: on ("), "{out}");
    }

    #[test]
    fn class_and_style_directives_come_after_plain_attributes_as_in_leptos() {
        let out = expand(quote! {
            <div style:width=a class:extra=b class=c style=d id=e>"x"</div>
        })
        .to_string();
        let at = |last_arg: &str| {
            out.find(&format!(", {last_arg})"))
                .unwrap_or_else(|| panic!("no op for {last_arg}: {out}"))
        };
        assert!(at("c") < at("b") && at("d") < at("b"), "{out}");
        assert!(at("e") < at("b") && at("b") < at("a"), "{out}");
    }

    #[test]
    fn a_bare_attribute_is_empty_and_true_is_its_name() {
        let out = expand(
            quote! { <div><button disabled>"a"</button><button disabled=true>"b"</button></div> },
        )
        .to_string();
        assert!(out.contains("<button disabled>a</button>"), "{out}");
        assert!(
            out.contains(r#"<button disabled=\"disabled\">b</button>"#),
            "{out}"
        );
    }

    #[test]
    fn only_names_that_need_no_check_skip_the_attribute_checks() {
        let out = expand(quote! {
            <div id=a title=b data-x=c attr:role=d href=e HREF=f xlink:href=g
                src=h action=i formaction=j srcdoc=k to=l values=m onclick=n
                attr:href=o open=p data=q>"x"</div>
        })
        .to_string();
        let op = |last_arg: &str| op_ending_with(&out, last_arg);
        for plain in ["a", "b", "c", "d", "p"] {
            assert!(
                op(plain).contains("__private :: attr_plain ("),
                "{plain}: {out}"
            );
        }
        // URL and animation names, `srcdoc` and `on*` keep the renderer's
        // checks, whatever their case (`open` is not an event handler).
        for checked in ["e", "f", "g", "h", "i", "j", "k", "l", "m", "n", "o", "q"] {
            assert!(
                op(checked).contains("__private :: attr ("),
                "{checked}: {out}"
            );
        }
    }

    #[test]
    fn holes_between_static_nodes_get_placeholders() {
        let out = expand(quote! { <p class="x">"a" {b} <span>"c"</span></p> }).to_string();
        assert!(
            out.contains("\"<p class=\\\"x\\\">a<!><span>c</span></p>\""),
            "{out}"
        );
    }

    #[test]
    fn text_placeholders_only_between_elements() {
        // Beside elements (or alone): a one-space placeholder replaces the
        // `<!>` comment and the appended text node.
        let out = expand(quote! { <p><b>"a"</b>{x}<i>"c"</i>{y}</p> }).to_string();
        assert!(out.contains("\"<p><b>a</b> <i>c</i> </p>\""), "{out}");
        assert!(out.contains("fill (__n2 , x)"), "{out}");
        assert!(out.contains("fill (__n4 , y)"), "{out}");
        // Beside text or another hole: no placeholder (it would merge).
        let out = expand(quote! { <p><b>"a"</b>{x}{y}" z"</p> }).to_string();
        assert!(out.contains("\"<p><b>a</b><!><!> z</p>\""), "{out}");
        assert!(!out.contains("fill"), "{out}");
        // Components keep the placeholder-free path.
        let out = expand(quote! { <div><b>"a"</b><Comp/></div> }).to_string();
        assert!(!out.contains("fill"), "{out}");
    }

    #[test]
    fn nested_dynamic_attributes_walk_to_an_element() {
        let out = expand(quote! { <div class="a"><span class:on=on>"x"</span></div> }).to_string();
        assert!(
            out.contains("let __n1 = :: larkspur :: __private :: first_child (& __root)"),
            "{out}"
        );
        assert!(
            out.contains("let __n1_el = :: larkspur :: __private :: as_element (& __n1)"),
            "{out}"
        );
        assert!(out.contains("class (& __n1_el , \"on\" , on)"), "{out}");
    }

    #[test]
    fn tables_without_tbody_use_the_builder() {
        // The `<table>` is built node by node; its `<tr>` (appended through
        // the DOM, where no `<tbody>` appears) may still be a template.
        let out = expand(quote! { <table><tr><td>"x"</td></tr></table> }).to_string();
        assert!(out.starts_with(":: larkspur :: html :: table ()"), "{out}");
    }

    #[test]
    fn table_rows_are_templated() {
        let out =
            expand(quote! { <tr class:on=on><td class="a">{id}</td><td>"x"</td></tr> }).to_string();
        assert!(
            out.contains("\"<tr><td class=\\\"a\\\"> </td><td>x</td></tr>\""),
            "{out}"
        );
        // `{id}`, the cell's only child, fills a text placeholder.
        assert!(
            out.contains("let __n1 = :: larkspur :: __private :: first_child (& __root)"),
            "{out}"
        );
        assert!(
            out.contains("let __n2 = :: larkspur :: __private :: first_child (& __n1)"),
            "{out}"
        );
        assert!(
            out.contains(":: larkspur :: __private :: fill (__n2 , id)"),
            "{out}"
        );
        assert!(
            out.contains("HtmlElement :: < :: larkspur :: html :: Tr >"),
            "{out}"
        );
        let out =
            expand(quote! { <table><tbody><tr><td>"x"</td></tr></tbody></table> }).to_string();
        assert!(out.contains("Template"), "{out}");
        let out = expand(quote! { <tr>"text"<td/></tr> }).to_string();
        assert!(!out.contains("Template"), "{out}");
    }

    /// The markup of every template in an expansion.
    fn templates(out: &str) -> Vec<String> {
        out.split("Template :: new (\"")
            .skip(1)
            .map(|t| t.split("\")").next().unwrap_or("").to_string())
            .collect()
    }

    #[test]
    fn nestings_the_parser_rewrites_use_the_builder() {
        for (tokens, rewritten) in [
            (
                quote! { <div><a href="/x"><span><a href="/y">"in"</a></span></a><p>"z"</p></div> },
                "<span><a",
            ),
            (
                quote! { <div><button><span><button>"in"</button></span></button><p>"z"</p></div> },
                "<button><span><button",
            ),
            (
                quote! { <ul><li><div><li>"in"</li></div></li><li>"z"</li></ul> },
                "<li><div><li",
            ),
            (
                quote! { <div><form><div><form>"in"</form></div></form><p>"z"</p></div> },
                "<form><div><form",
            ),
            (
                quote! { <dl><dd><div><dt>"in"</dt></div></dd><dt>"z"</dt></dl> },
                "<dd><div><dt",
            ),
        ] {
            let out = expand(tokens).to_string();
            for markup in templates(&out) {
                // An inner part may be a template of its own (built apart,
                // appended through the DOM), but never the whole nesting.
                let nested_links = rewritten == "<span><a" && markup.matches("<a").count() > 1;
                let whole = rewritten != "<span><a" && markup.contains(rewritten);
                assert!(!nested_links && !whole, "{markup}");
            }
        }
        // A list inside a list item is kept as written: templated.
        let out =
            expand(quote! { <ul><li><ul><li>"in"</li></ul></li><li>"z"</li></ul> }).to_string();
        assert!(
            templates(&out)
                .iter()
                .any(|m| m == "<ul><li><ul><li>in</li></ul></li><li>z</li></ul>"),
            "{out}"
        );
    }

    #[test]
    fn checked_attributes_computed_at_run_time_stay_out_of_the_markup_in_any_case() {
        let out = expand(quote! {
            <div><a HREF=url>"a"</a><button formAction=url onclick=code>"b"</button></div>
        })
        .to_string();
        for markup in templates(&out) {
            assert!(
                !markup.to_ascii_lowercase().contains("href")
                    && !markup.to_ascii_lowercase().contains("formaction")
                    && !markup.contains("onclick"),
                "{markup}"
            );
        }
        assert!(out.contains("\"HREF\""), "{out}");
        assert!(out.contains("\"formAction\""), "{out}");
        assert!(out.contains("\"onclick\""), "{out}");
    }

    #[test]
    fn literals_of_checked_attributes_are_the_authors_markup() {
        let out = expand(quote! {
            <div><a HREF="javascript:void(0)">"a"</a><input oninput="this.form.requestSubmit()"/></div>
        })
        .to_string();
        assert!(
            out.contains(
                r#"<div><a HREF=\"javascript:void(0)\">a</a><input oninput=\"this.form.requestSubmit()\"></div>"#
            ),
            "{out}"
        );
    }
}
