//! `#[derive(Params)]`: reads a struct from a route's parameters or query
//! string, one field per parameter of the same name, each converted with
//! `IntoParam` (`Option<T>` for parameters that may be absent).

use proc_macro2::TokenStream;
use quote::quote;
use syn::{spanned::Spanned, Data, DeriveInput, Fields};

pub fn expand(input: TokenStream) -> TokenStream {
    let input: DeriveInput = match syn::parse2(input) {
        Ok(i) => i,
        Err(e) => return e.to_compile_error(),
    };
    let name = &input.ident;
    let Data::Struct(data) = &input.data else {
        return syn::Error::new(
            input.span(),
            "`#[derive(Params)]` needs a struct with named fields",
        )
        .to_compile_error();
    };
    let Fields::Named(fields) = &data.fields else {
        return syn::Error::new(
            data.fields.span(),
            "`#[derive(Params)]` needs named fields: each field reads the parameter of its name",
        )
        .to_compile_error();
    };
    let reads = fields.named.iter().map(|f| {
        let ident = f.ident.as_ref().expect("named field");
        let key = ident.to_string().trim_start_matches("r#").to_string();
        let ty = &f.ty;
        quote! {
            #ident: <#ty as ::larkspur::router::IntoParam>::into_param(
                map.get_str(#key),
                #key,
            )?,
        }
    });
    let (impl_g, ty_g, where_clause) = input.generics.split_for_impl();
    quote! {
        impl #impl_g ::larkspur::router::Params for #name #ty_g #where_clause {
            fn from_map(
                map: &::larkspur::router::ParamsMap,
            ) -> ::core::result::Result<Self, ::larkspur::router::ParamsError> {
                ::core::result::Result::Ok(Self { #(#reads)* })
            }
        }
    }
}
