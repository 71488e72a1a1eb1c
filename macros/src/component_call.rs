//! `<Comp a=x b>children</Comp>` inside `view!`: a props builder chain and a
//! `component_view` call; `<Slot slot>` children of a component become
//! props of it, built the same way.
//!
//! Besides props, a component call takes `on:event=handler` (attached to
//! the root elements of the component's view, as `View::on` does),
//! `attr:name=value` and `{..attrs}` (handed to the component's
//! `#[prop(attrs)]` prop through the builder's `dyn_attrs`), and `{..}`,
//! after which plain `name=value` pairs are attributes too.
//!
//! Each setter is spanned on the user's prop name, so an unknown prop reads
//! "no method named `foo` found for `…PropsBuilder`" at `foo`, and `.build()`
//! is spanned on the tag name, so a missing required prop is reported there.

use proc_macro2::TokenStream;
use quote::{format_ident, quote, quote_spanned};
use rstml::node::{Node, NodeAttribute, NodeElement, NodeName};
use syn::spanned::Spanned;

use crate::directive::{self, Directive};
use crate::tags::Namespace;
use crate::view::{attribute_value, is_ignored, spread_of, Codegen, Spread};

pub fn generate(
    gen: &mut Codegen,
    el: &NodeElement<rstml::Infallible>,
    ns: Namespace,
) -> TokenStream {
    let Some((func, chain, events)) = props_chain(gen, el, ns, false) else {
        return quote! { () };
    };
    quote! {
        ::larkspur::component_view(#func, #chain) #(#events)*
    }
}

/// `<Then slot>...</Then>` (or `<Then slot:name>`): the slot struct's value,
/// built like a component's props. Returns the prop it fills and the value.
fn slot_value(
    gen: &mut Codegen,
    el: &NodeElement<rstml::Infallible>,
    ns: Namespace,
) -> Option<(proc_macro2::Ident, TokenStream)> {
    let (_, chain, _) = props_chain(gen, el, ns, true)?;
    let name_span = el.name().span();
    let mut prop = None;
    for attr in el.attributes() {
        if let NodeAttribute::Attribute(a) = attr {
            let key = a.key.to_string();
            if key == "slot" {
                let last = el.name().to_string();
                let last = last.rsplit("::").next().unwrap_or(&last).to_string();
                prop = Some(gen.ident_or_error(&snake_case(&last), name_span, "a slot prop"));
            } else if let Some(explicit) = key.strip_prefix("slot:") {
                let span = a.key.span();
                prop = Some(gen.ident_or_error(&snake_case(explicit), span, "a slot prop"));
            }
        }
    }
    let prop = prop?;
    Some((
        prop,
        quote_spanned! {name_span=> ::core::convert::Into::into(#chain) },
    ))
}

/// Whether an element child is a slot (`<Name slot>` / `<Name slot:prop>`).
/// Only components can be slots: `<div slot="x">` is the HTML attribute of
/// web components and stays an ordinary child.
fn is_slot(node: &Node<rstml::Infallible>) -> bool {
    let Node::Element(el) = node else {
        return false;
    };
    let name = el.name().to_string();
    let is_component = name.starts_with(|c: char| c.is_ascii_uppercase()) || name.contains("::");
    is_component
        && el.attributes().iter().any(|a| match a {
            NodeAttribute::Attribute(a) => {
                let key = a.key.to_string();
                (key == "slot" && a.value().is_none()) || key.starts_with("slot:")
            }
            NodeAttribute::Block(_) => false,
        })
}

/// `ThenSlot` → `then_slot`.
fn snake_case(name: &str) -> String {
    // Words as Leptos 0.6 splits them (`convert_case`'s snake case): at
    // `_`, `-` and spaces, lower→upper (`headerRow`), letter↔digit
    // (`Tab2` → `tab_2`), and before the last capital of an acronym
    // followed by a lower-case letter (`HTMLBody` → `html_body`).
    let chars: Vec<char> = name.chars().collect();
    let mut words: Vec<String> = Vec::new();
    let mut word = String::new();
    for (i, &c) in chars.iter().enumerate() {
        if matches!(c, '_' | '-' | ' ') {
            if !word.is_empty() {
                words.push(std::mem::take(&mut word));
            }
            continue;
        }
        if let (Some(&prev), false) = (i.checked_sub(1).and_then(|p| chars.get(p)), word.is_empty())
        {
            let next_lower = chars.get(i + 1).is_some_and(|n| n.is_lowercase());
            let boundary = (prev.is_lowercase() && c.is_uppercase())
                || (prev.is_alphabetic() && c.is_ascii_digit())
                || (prev.is_ascii_digit() && c.is_alphabetic())
                || (prev.is_uppercase() && c.is_uppercase() && next_lower);
            if boundary {
                words.push(std::mem::take(&mut word));
            }
        }
        word.extend(c.to_lowercase());
    }
    if !word.is_empty() {
        words.push(word);
    }
    words.join("_")
}

/// The path called (`Tab`, `List::<i32>`), the props expression
/// (`component_props_builder(&Tab).a(x)....build()`, or for a slot
/// `<Then as Props>::builder()....build()`) and the `.on(..)` calls to
/// apply to the resulting view.
fn props_chain(
    gen: &mut Codegen,
    el: &NodeElement<rstml::Infallible>,
    ns: Namespace,
    is_slot_element: bool,
) -> Option<(TokenStream, TokenStream, Vec<TokenStream>)> {
    let name = el.name();
    let name_span = name.span();
    let NodeName::Path(path) = name else {
        gen.error(name_span, "expected a component name");
        return None;
    };
    let generics = &el.open_tag.generics;
    // `<List<i32>/>` → `List::<i32>`.
    let func = if generics.args.is_empty() {
        quote! { #path }
    } else {
        let args = &generics.args;
        quote! { #path::<#args> }
    };

    let mut setters = TokenStream::new();
    // Closure parameter patterns: an identifier, or `_` (`let:_`, as 0.6
    // accepts, for an argument the children ignore).
    let mut let_bindings: Vec<(TokenStream, proc_macro2::Span)> = Vec::new();
    let mut clones = Vec::new();
    let mut has_children_prop = false;
    let mut events = Vec::new();
    let mut dyn_attrs = Vec::new();
    let mut uses_dyn_attrs = false;
    let mut after_marker = false;
    for attr in el.attributes() {
        let attr = match attr {
            NodeAttribute::Block(b) => {
                match spread_of(b) {
                    Some(Spread::Values(expr)) => {
                        uses_dyn_attrs = true;
                        setters.extend(quote_spanned! {b.span()=> .dyn_attrs(#expr) });
                    }
                    Some(Spread::Marker) => after_marker = true,
                    None => gen.error(
                        b.span(),
                        "attribute blocks are not supported on components; spread attributes with `{..attrs}`",
                    ),
                }
                continue;
            }
            NodeAttribute::Attribute(a) => a,
        };
        let key = attr.key.to_string();
        let key_span = attr.key.span();
        if is_slot_element && (key == "slot" || key.starts_with("slot:")) {
            continue;
        }
        let Ok(value) = attribute_value(gen, attr) else {
            continue;
        };
        let directive = match directive::parse(&key, &attr.key) {
            // On a component `node_ref` and `inner_html` are props like any
            // other (`<Form node_ref=r>`), as in Leptos 0.6.
            Ok(Directive::NodeRef | Directive::InnerHtml)
                if key == "node_ref" || key == "inner_html" =>
            {
                Directive::Plain(key.clone())
            }
            Ok(d) => d,
            Err(e) => {
                gen.errors.push(e);
                continue;
            }
        };
        match directive {
            Directive::Plain(attr_name) if after_marker => {
                let v = value.unwrap_or_else(|| quote_spanned! {key_span=> true });
                let v = literal_trusted(&attr_name, attr.value(), v, key_span);
                dyn_attrs.push(quote_spanned! {key_span=>
                    (#attr_name, ::larkspur::IntoAttribute::into_attribute(#v))
                });
            }
            Directive::Plain(prop) => {
                // `<Label r#for="x">`: a prop named with a raw identifier.
                let raw = prop.strip_prefix("r#");
                let plain = raw.unwrap_or(&prop);
                if plain.is_empty() || plain.contains(|c: char| !(c.is_alphanumeric() || c == '_'))
                {
                    gen.error_spanned(
                        &attr.key,
                        format_args!(
                            "`{prop}` is not a valid prop name: component props are Rust identifiers"
                        ),
                    );
                    continue;
                }
                if prop == "children" {
                    has_children_prop = true;
                }
                // A keyword (`<Input type="text"/>`) names the prop declared
                // as `r#type`, as `r#type=` would.
                let setter = if raw.is_none() && syn::parse_str::<syn::Ident>(plain).is_ok() {
                    format_ident!("{}", plain, span = key_span)
                } else if !plain.starts_with(|c: char| c.is_ascii_digit())
                    && !matches!(plain, "self" | "super" | "crate" | "Self" | "_")
                {
                    proc_macro2::Ident::new_raw(plain, key_span)
                } else {
                    gen.error_spanned(
                        &attr.key,
                        format_args!(
                            "`{prop}` is not a valid prop name: component props are Rust identifiers"
                        ),
                    );
                    continue;
                };
                // `<Tab index>` is shorthand for `<Tab index=index>`.
                let value = value.unwrap_or_else(|| quote! { #setter });
                setters.extend(quote_spanned! {key_span=> .#setter(#value) });
            }
            Directive::Attr(attr_name) => {
                let v = value.unwrap_or_else(|| quote_spanned! {key_span=> true });
                let v = literal_trusted(&attr_name, attr.value(), v, key_span);
                dyn_attrs.push(quote_spanned! {key_span=>
                    (#attr_name, ::larkspur::IntoAttribute::into_attribute(#v))
                });
            }
            Directive::On { event, .. } if !is_slot_element => {
                let Some(handler) = value else {
                    gen.error_spanned(
                        &attr.key,
                        format_args!("`{key}` needs a value, e.g. `{key}=move |_| ...`"),
                    );
                    continue;
                };
                let ev = crate::view::event_token(&event, key_span, &handler);
                // Always a listener on the root elements themselves, as
                // Leptos 0.6 makes every `on:` of a component: it runs as
                // the event bubbles through them, before the delegated
                // handlers of the elements inside, which cannot stop it.
                let method = format_ident!("on_undelegated", span = key_span);
                let handler = crate::view::handler_tokens(&ev, handler);
                events.push(quote_spanned! {key_span=> .#method(#ev, #handler) });
            }
            Directive::Use(name) if !is_slot_element => {
                // On each root element of the component's view (Leptos 0.6).
                let f = gen.ident_or_error(&name, key_span, "a directive");
                let param = value.unwrap_or_else(|| quote_spanned! {key_span=> () });
                events.push(quote_spanned! {key_span=>
                    .directive(#f, ::core::convert::Into::into(#param))
                });
            }
            Directive::Let(binding) => {
                if value.is_some() {
                    gen.error(key_span, "`let:` takes no value: write `let:name`");
                }
                let pattern = if binding == "_" {
                    quote_spanned! {key_span=> _ }
                } else {
                    quote::ToTokens::to_token_stream(&gen.ident_or_error(
                        &binding,
                        key_span,
                        "a `let:` binding",
                    ))
                };
                let_bindings.push((pattern, key_span));
            }
            Directive::Clone(binding) => {
                if value.is_some() {
                    gen.error(key_span, "`clone:` takes no value: write `clone:name`");
                }
                clones.push(gen.ident_or_error(&binding, key_span, "a `clone:` value"));
            }
            Directive::NodeRef | Directive::InnerHtml => {
                gen.error_spanned(
                    &attr.key,
                    format_args!("`{key}` applies to HTML elements, not to components"),
                );
            }
            _ => {
                gen.error_spanned(
                    &attr.key,
                    format_args!(
                        "`{key}` applies to HTML elements, not to components; pass a prop to `{}` instead",
                        name
                    ),
                );
            }
        }
    }
    if !dyn_attrs.is_empty() {
        uses_dyn_attrs = true;
        setters.extend(quote_spanned! {name_span=> .dyn_attrs(::std::vec![#(#dyn_attrs),*]) });
    }

    // Slots become props; the rest are the children.
    let mut slots: Vec<(proc_macro2::Ident, Vec<TokenStream>)> = Vec::new();
    let mut children = Vec::new();
    for child in el.children.iter().filter(|n| !is_ignored(n)) {
        if is_slot(child) {
            let Node::Element(slot_el) = child else {
                continue;
            };
            if let Some((prop, value)) = slot_value(gen, slot_el, ns) {
                match slots.iter_mut().find(|(p, _)| *p == prop) {
                    Some((_, values)) => values.push(value),
                    None => slots.push((prop, vec![value])),
                }
            }
        } else {
            children.push(child);
        }
    }
    for (prop, values) in slots {
        // Several slots of one kind fill a `Vec` prop.
        let value = if values.len() == 1 {
            values.into_iter().next().unwrap_or_default()
        } else {
            quote! { ::std::vec![#(#values),*] }
        };
        setters.extend(quote! { .#prop(#value) });
    }

    if !children.is_empty() && has_children_prop {
        gen.error(
            name_span,
            "children are given twice: as a `children=` prop and between the tags",
        );
    } else if !children.is_empty() {
        let body = gen.fragment(&children, ns);
        let inner_clones = clones
            .iter()
            .map(|c| quote! { let #c = ::core::clone::Clone::clone(&#c); });
        let outer_clones = inner_clones.clone();
        // Several `let:` bind the children's arguments in order (`let:n
        // let:s` → `move |n, s|`), as in Leptos 0.6.
        let patterns = let_bindings.iter().map(|(p, _)| p);
        let closure = match let_bindings.as_slice() {
            [_, ..] => quote! { move |#(#patterns),*| { #(#inner_clones)* #body } },
            [] => quote! {
                ::larkspur::ToChildren::to_children(move || { #(#inner_clones)* #body })
            },
        };
        let value = if clones.is_empty() {
            closure
        } else {
            quote! {{ #(#outer_clones)* #closure }}
        };
        setters.extend(quote_spanned! {name_span=> .children(#value) });
    } else if let Some((_, span)) = let_bindings.first() {
        gen.error(
            *span,
            "`let:` binds the argument of the children, but this component has no children",
        );
    }

    // Spanned on the tag name so rustc's errors about the props as a whole
    // (a missing required prop) point at `<Name`.
    let start = if is_slot_element {
        // The slot struct's inherent `builder()`, as Leptos 0.6 calls it: an
        // expression path, so a generic slot infers its parameters.
        quote_spanned! {name_span=> #func::builder() }
    } else {
        quote_spanned! {name_span=> ::larkspur::component_props_builder(&#func) }
    };
    let build = quote_spanned! {name_span=> .build() };
    if uses_dyn_attrs {
        // A component without an attributes prop ignores them, as in
        // Leptos 0.6 (the trait's method; an inherent one wins).
        return Some((
            func,
            quote! {{
                #[allow(unused_imports)]
                use ::larkspur::__private::IgnoredAttrs as _;
                #start #setters #build
            }},
            events,
        ));
    }
    Some((func, quote! { #start #setters #build }, events))
}

/// An `attr:` string literal under a name the renderer checks (a URL, an
/// `on…` handler, `srcdoc`) is the author's own source, as the same
/// literal written on an element is: it reaches the component's element
/// as a `TrustedUrl`.
fn literal_trusted(
    name: &str,
    value: Option<&syn::Expr>,
    tokens: TokenStream,
    span: proc_macro2::Span,
) -> TokenStream {
    let refused = match value {
        Some(syn::Expr::Lit(syn::ExprLit {
            lit: syn::Lit::Str(lit),
            ..
        })) => {
            let name = name.to_ascii_lowercase();
            name == "srcdoc"
                || (name.starts_with("on") && name != "open")
                || lit.value().split(';').any(script_scheme)
        }
        _ => false,
    };
    if refused
        && crate::template::checked_at_runtime(name)
        && crate::template::trusted_literal(name, value)
    {
        quote_spanned! {span=> ::larkspur::TrustedUrl::new(#tokens) }
    } else {
        tokens
    }
}

/// Whether a URL literal may start with a scheme the renderer refuses
/// (`javascript:`, `vbscript:`, `data:`), read as browsers read a scheme
/// (leading controls and spaces skipped, tabs and newlines ignored, any
/// case). Only such literals need the `TrustedUrl` wrapper (and its
/// allocation); a `data:` image is wrapped too, harmlessly.
fn script_scheme(url: &str) -> bool {
    let scheme: String = url
        .trim_start_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .take(11)
        .collect::<String>()
        .to_ascii_lowercase();
    ["javascript:", "vbscript:", "data:"]
        .iter()
        .any(|s| scheme.starts_with(s))
}

#[cfg(test)]
mod tests {
    use super::snake_case;

    #[test]
    fn slot_names_split_into_words_as_in_leptos_0_6() {
        assert_eq!(snake_case("Then"), "then");
        assert_eq!(snake_case("ElseIf"), "else_if");
        assert_eq!(snake_case("HTMLBody"), "html_body");
        assert_eq!(snake_case("Tab2"), "tab_2");
        assert_eq!(snake_case("headerRow"), "header_row");
        assert_eq!(snake_case("header_row"), "header_row");
    }
}
