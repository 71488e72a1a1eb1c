//! `#[slot]`: a struct whose fields are filled from markup, the way a
//! component's props are, and which a parent component takes as a prop:
//! `<Parent><Then slot>...</Then></Parent>` sets `Parent`'s `then` prop.
//!
//! The struct keeps its fields (each with the struct's visibility, unless
//! it has its own); the macro adds the same typestate builder
//! a component's props get (`props.rs`), `impl Props`, and
//! `From<Slot> for Vec<Slot>` so a `Vec<Slot>` prop accepts one slot or
//! several.

use proc_macro2::TokenStream;
use quote::quote;
use syn::{parse_quote, spanned::Spanned, Fields, ItemStruct};

use crate::component::prop_options;
use crate::props::{self, Prop, PropsSpec};

pub fn expand(args: TokenStream, item: TokenStream) -> TokenStream {
    let mut errors = Vec::new();
    if !args.is_empty() {
        errors.push(syn::Error::new(args.span(), "`#[slot]` takes no arguments"));
    }
    let mut item: ItemStruct = match syn::parse2(item.clone()) {
        Ok(s) => s,
        Err(e) => {
            let e = e.to_compile_error();
            return quote! { #e #item };
        }
    };
    let name = item.ident.clone();
    let vis = item.vis.clone();
    let mut props = Vec::new();
    match &mut item.fields {
        Fields::Named(fields) => {
            for field in &mut fields.named {
                // Every field takes the struct's visibility, as in Leptos
                // 0.6: code that can name the slot can build it with a
                // struct literal and read its fields.
                if matches!(field.vis, syn::Visibility::Inherited) {
                    field.vis = vis.clone();
                }
                let Some(ident) = field.ident.clone() else {
                    continue;
                };
                let (mut docs, kind, into) = prop_options(
                    &field
                        .attrs
                        .iter()
                        .filter(|a| a.path().is_ident("prop") || a.path().is_ident("doc"))
                        .cloned()
                        .collect::<Vec<_>>(),
                    &field.ty,
                    &mut errors,
                );
                // `#[prop]` is ours; other attributes stay on the field.
                field.attrs.retain(|a| !a.path().is_ident("prop"));
                if docs.is_empty() {
                    let doc = format!("The `{ident}` field of [`{name}`].");
                    docs.push(parse_quote! { #[doc = #doc] });
                }
                props.push(Prop {
                    ident,
                    ty: field.ty.clone(),
                    docs,
                    kind,
                    into,
                });
            }
        }
        Fields::Unit => {}
        Fields::Unnamed(f) => errors.push(syn::Error::new(
            f.span(),
            "a `#[slot]` struct needs named fields: each field is a prop",
        )),
    }
    let items = props::generate(&PropsSpec {
        vis: &item.vis,
        component: &name,
        props_ident: name.clone(),
        emit_struct: false,
        props: &props,
        generics: &item.generics,
    });
    let (impl_g, ty_g, where_clause) = item.generics.split_for_impl();
    let errors = errors.iter().map(syn::Error::to_compile_error);
    quote! {
        #(#errors)*
        #item
        #items

        impl #impl_g ::core::convert::From<#name #ty_g> for ::std::vec::Vec<#name #ty_g> #where_clause {
            fn from(slot: #name #ty_g) -> Self {
                ::std::vec![slot]
            }
        }
    }
}
