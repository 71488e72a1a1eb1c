//! `<Comp a=x b>children</Comp>` inside `view!`: a props builder chain and a
//! `component_view` call.
//!
//! Each setter is spanned on the user's prop name, so an unknown prop reads
//! "no method named `foo` found for `…PropsBuilder`" at `foo`, and `.build()`
//! is spanned on the tag name, so a missing required prop is reported there.

use proc_macro2::TokenStream;
use quote::{format_ident, quote, quote_spanned};
use rstml::node::{NodeAttribute, NodeElement, NodeName};
use syn::spanned::Spanned;

use crate::directive::{self, Directive};
use crate::tags::Namespace;
use crate::view::{attribute_value, is_ignored, Codegen};

pub fn generate(
    gen: &mut Codegen,
    el: &NodeElement<rstml::Infallible>,
    ns: Namespace,
) -> TokenStream {
    let name = el.name();
    let name_span = name.span();
    let NodeName::Path(path) = name else {
        gen.error(name_span, "expected a component name");
        return quote! { () };
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
    let mut let_binding = None;
    let mut clones = Vec::new();
    let mut has_children_prop = false;
    for attr in el.attributes() {
        let attr = match attr {
            NodeAttribute::Block(b) => {
                gen.error(b.span(), "attribute blocks are not supported on components");
                continue;
            }
            NodeAttribute::Attribute(a) => a,
        };
        let key = attr.key.to_string();
        let key_span = attr.key.span();
        let Ok(value) = attribute_value(gen, attr) else {
            continue;
        };
        let directive = match directive::parse(&key, &attr.key) {
            Ok(d) => d,
            Err(e) => {
                gen.errors.push(e);
                continue;
            }
        };
        match directive {
            Directive::Plain(prop) => {
                if prop.contains(|c: char| !(c.is_alphanumeric() || c == '_')) {
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
                let setter = format_ident!("{}", prop, span = key_span);
                // `<Tab index>` is shorthand for `<Tab index=index>`.
                let value = value.unwrap_or_else(|| quote! { #setter });
                setters.extend(quote_spanned! {key_span=> .#setter(#value) });
            }
            Directive::Let(binding) => {
                if value.is_some() {
                    gen.error(key_span, "`let:` takes no value: write `let:name`");
                }
                let_binding = Some(format_ident!("{}", binding, span = key_span));
            }
            Directive::Clone(binding) => {
                if value.is_some() {
                    gen.error(key_span, "`clone:` takes no value: write `clone:name`");
                }
                clones.push(format_ident!("{}", binding, span = key_span));
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

    let children: Vec<_> = el.children.iter().filter(|n| !is_ignored(n)).collect();
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
        let closure = match &let_binding {
            Some(binding) => quote! { move |#binding| { #(#inner_clones)* #body } },
            None => quote! {
                ::larkspur::ToChildren::to_children(move || { #(#inner_clones)* #body })
            },
        };
        let value = if clones.is_empty() {
            closure
        } else {
            quote! {{ #(#outer_clones)* #closure }}
        };
        setters.extend(quote_spanned! {name_span=> .children(#value) });
    } else if let Some(binding) = &let_binding {
        gen.error(
            binding.span(),
            "`let:` binds the argument of the children, but this component has no children",
        );
    }

    // Spanned on the tag name so rustc's errors about the props as a whole
    // (a missing required prop) point at `<Name`.
    let start = quote_spanned! {name_span=> ::larkspur::component_props_builder(&#func) };
    let build = quote_spanned! {name_span=> .build() };
    quote! {
        ::larkspur::component_view(
            #func,
            #start #setters #build
        )
    }
}
