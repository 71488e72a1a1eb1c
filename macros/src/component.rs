//! `#[component]`: turns `fn Name(a: A, b: B) -> impl IntoView` into
//! `fn Name(props: NameProps) -> impl IntoView` plus the props struct and
//! builder (see `props.rs`). A component without parameters stays as
//! written, so `mount_to_body(App)` takes it directly.

use proc_macro2::{Span, TokenStream};
use quote::{format_ident, quote, ToTokens};
use syn::visit_mut::VisitMut;
use syn::{parse_quote, spanned::Spanned, Attribute, FnArg, GenericParam, ItemFn, Meta, Pat, Type};

use crate::props::{self, Prop, PropKind, PropsSpec};

pub fn expand(args: TokenStream, item: TokenStream) -> TokenStream {
    let mut errors = Vec::new();
    // `#[component(transparent)]` (Leptos 0.6, for components that only
    // declare routes) needs nothing special here: `<Route>` registers itself
    // with the enclosing `<Routes>` through context, whatever component
    // calls it, so a transparent component is an ordinary one, except that
    // its body runs tracked, as in 0.6.
    let transparent = args.to_string() == "transparent";
    if !args.is_empty() && !transparent {
        errors.push(syn::Error::new(
            args.span(),
            "`#[component]` takes no arguments other than `transparent`",
        ));
    }
    let mut func: ItemFn = match syn::parse2(item.clone()) {
        Ok(f) => f,
        Err(e) => {
            let e = e.to_compile_error();
            return quote! { #e #item };
        }
    };
    let out = generate(&mut func, transparent, &mut errors);
    let errors = errors.iter().map(syn::Error::to_compile_error);
    quote! { #(#errors)* #out }
}

/// `fn top_bar` is the component `TopBar` (with `TopBarProps`), as Leptos
/// 0.6 names it: a name without capitals is turned into UpperCamelCase, so
/// that `view!` can tell the component (`<TopBar/>`) from an HTML element.
fn component_name(ident: &syn::Ident) -> syn::Ident {
    let name = ident.to_string();
    let raw = name.strip_prefix("r#").unwrap_or(&name);
    if raw.chars().any(|c| c.is_ascii_uppercase()) {
        return ident.clone();
    }
    let camel: String = raw
        .split('_')
        .filter(|part| !part.is_empty())
        .map(|part| {
            let mut chars = part.chars();
            match chars.next() {
                Some(first) => first.to_ascii_uppercase().to_string() + chars.as_str(),
                None => String::new(),
            }
        })
        .collect();
    // `fn _2d_chart` would be `2dChart`: not an identifier, so kept as is.
    match syn::parse_str::<syn::Ident>(&camel) {
        Ok(mut camel) => {
            camel.set_span(ident.span());
            camel
        }
        Err(_) => ident.clone(),
    }
}

fn generate(func: &mut ItemFn, transparent: bool, errors: &mut Vec<syn::Error>) -> TokenStream {
    func.sig.ident = component_name(&func.sig.ident);
    let name = func.sig.ident.clone();
    // As in Leptos 0.6, a component's body runs untracked however it is
    // called (an async body runs later, in its own task; a transparent
    // component's body is tracked, as 0.6 calls it as a plain function).
    if func.sig.asyncness.is_none() && !transparent {
        // The body's own statements, not the body as a block in a block:
        // `{ view! { .. } }` nested so would be linted as needless braces
        // (`unused_braces`, an error under `#![deny(warnings)]`).
        let stmts = &func.block.stmts;
        *func.block = syn::parse_quote!({
            let __larkspur_untracked = ::larkspur::__private::UntrackedBody::enter();
            #(#stmts)*
        });
    }
    if func.sig.inputs.is_empty() {
        return quote! {
            #[allow(non_snake_case)]
            #func
        };
    }

    // `impl Trait` parameters become named type parameters, because a struct
    // field needs a nameable type.
    let mut lift = ImplTraitLifter::default();
    let mut props = Vec::new();
    let mut patterns = Vec::new();
    let mut lints = Vec::new();
    for arg in &mut func.sig.inputs {
        let arg = match arg {
            FnArg::Receiver(r) => {
                errors.push(syn::Error::new(
                    r.span(),
                    "a component is a free function: it cannot take `self`",
                ));
                continue;
            }
            FnArg::Typed(t) => t,
        };
        let (ident, pat) = match &*arg.pat {
            Pat::Ident(p) if p.subpat.is_none() => {
                let mut binding = p.clone();
                binding.attrs.clear();
                (p.ident.clone(), binding)
            }
            other => {
                errors.push(syn::Error::new(
                    other.span(),
                    "component parameters must be plain names, like `count: ReadSignal<i32>`: the name is the prop's name",
                ));
                continue;
            }
        };
        let mut ty = (*arg.ty).clone();
        lift.visit_type_mut(&mut ty);
        // Lint attributes (`#[allow(unused)]`, as Leptos 0.6 keeps them)
        // go on the statement that binds the props in the body.
        let (lint, own): (Vec<Attribute>, Vec<Attribute>) =
            arg.attrs.iter().cloned().partition(is_lint_attr);
        lints.push(lint);
        let (mut docs, kind, into) = prop_options(&own, &ty, errors);
        if docs.is_empty() {
            // Keeps `#![deny(missing_docs)]` crates building.
            let doc = format!("The `{ident}` prop of [`{name}`].");
            docs.push(parse_quote! { #[doc = #doc] });
        }
        patterns.push((ident.clone(), pat));
        props.push(Prop {
            ident,
            ty,
            docs,
            kind,
            into,
        });
    }

    let mut generics = func.sig.generics.clone();
    for (ident, bounds) in &lift.lifted {
        generics.params.push(parse_quote! { #ident: #bounds });
    }
    // Defaults are not allowed on impl blocks; the props struct has none.
    for p in &mut generics.params {
        if let GenericParam::Type(t) = p {
            t.default = None;
        }
    }

    let vis = &func.vis;
    let items = props::generate(&PropsSpec {
        vis,
        component: &name,
        props_ident: props::props_ident(&name),
        emit_struct: true,
        props: &props,
        generics: &generics,
    });

    let props_ident = props::props_ident(&name);
    let (impl_g, ty_g, where_clause) = generics.split_for_impl();
    // Shorthand field patterns (`x`, `mut x`) keep rustc quiet about redundancy.
    let props_arg = format_ident!("__props", span = Span::mixed_site());
    let fields: Vec<TokenStream> = patterns.iter().map(|(_, pat)| quote! { #pat }).collect();
    // With lint attributes on some parameters (`#[allow(unused)] label`),
    // each parameter is bound by its own `let` carrying its own attributes.
    let bind = if lints.iter().all(Vec::is_empty) {
        quote! { let #props_ident { #(#fields),* } = #props_arg; }
    } else {
        let temps: Vec<syn::Ident> = patterns
            .iter()
            .map(|(ident, _)| format_ident!("__prop_{}", ident, span = Span::mixed_site()))
            .collect();
        let idents = patterns.iter().map(|(ident, _)| ident);
        let lets = fields
            .iter()
            .zip(&temps)
            .zip(&lints)
            .map(|((pat, temp), lint)| {
                quote! { #(#lint)* let #pat = #temp; }
            });
        quote! {
            let #props_ident { #(#idents: #temps),* } = #props_arg;
            #(#lets)*
        }
    };
    // syn keeps a body's inner attributes (`#![allow(..)]`) with the
    // function's: they go back at the top of the body, not before `fn`.
    let (attrs, inner): (Vec<&Attribute>, Vec<&Attribute>) = func
        .attrs
        .iter()
        .partition(|a| matches!(a.style, syn::AttrStyle::Outer));
    let docs = props_docs(&props);
    let output = &func.sig.output;
    let body = &func.block;
    let constness = &func.sig.constness;
    let asyncness = &func.sig.asyncness;
    // As in Leptos 0.6, the props are a view: rendering them calls the
    // component (`HelloProps::builder().name("x").build()` in a view).
    let props_view = if asyncness.is_none() {
        quote! {
            impl #impl_g ::larkspur::IntoView for #props_ident #ty_g #where_clause {
                fn into_view(self) -> ::larkspur::View {
                    ::larkspur::IntoView::into_view(#name(self))
                }
            }
        }
    } else {
        TokenStream::new()
    };
    quote! {
        #items
        #props_view

        #(#attrs)*
        #docs
        #[allow(non_snake_case, clippy::too_many_arguments)]
        #vis #constness #asyncness fn #name #impl_g (#props_arg: #props_ident #ty_g) #output #where_clause {
            #(#inner)*
            #bind
            #body
        }
    }
}

/// Reads `#[prop(...)]` and the doc comments of one parameter (or slot
/// field).
/// `#[allow(..)]`, `#[warn(..)]`, `#[deny(..)]`, `#[forbid(..)]`,
/// `#[expect(..)]`.
fn is_lint_attr(attr: &Attribute) -> bool {
    ["allow", "warn", "deny", "forbid", "expect"]
        .iter()
        .any(|l| attr.path().is_ident(l))
}

pub fn prop_options(
    attrs: &[Attribute],
    ty: &Type,
    errors: &mut Vec<syn::Error>,
) -> (Vec<Attribute>, PropKind, bool) {
    let mut docs = Vec::new();
    let mut optional = false;
    let mut no_strip = false;
    let mut strip = false;
    let mut default = None;
    let mut into = false;
    let mut attrs_prop = false;
    for attr in attrs {
        if attr.path().is_ident("doc") {
            docs.push(attr.clone());
            continue;
        }
        if !attr.path().is_ident("prop") {
            errors.push(syn::Error::new(
                attr.span(),
                "only `#[prop(...)]`, doc comments and lint attributes (`#[allow(..)]`, …) are allowed on component parameters",
            ));
            continue;
        }
        if let Meta::Path(_) = attr.meta {
            errors.push(syn::Error::new(
                attr.span(),
                "`#[prop]` needs options, e.g. `#[prop(optional)]`",
            ));
            continue;
        }
        let res = attr.parse_nested_meta(|meta| {
            if meta.path.is_ident("optional") {
                optional = true;
            } else if meta.path.is_ident("optional_no_strip") {
                optional = true;
                no_strip = true;
            } else if meta.path.is_ident("strip_option") {
                strip = true;
            } else if meta.path.is_ident("into") {
                into = true;
            } else if meta.path.is_ident("attrs") {
                attrs_prop = true;
            } else if meta.path.is_ident("default") {
                default = Some(meta.value()?.parse::<syn::Expr>()?);
            } else {
                return Err(meta.error(
                    "unknown prop option; expected `optional`, `optional_no_strip`, `strip_option`, `default = ...`, `into` or `attrs`",
                ));
            }
            Ok(())
        });
        if let Err(e) = res {
            errors.push(e);
        }
    }
    let kind = if attrs_prop {
        PropKind::Attrs
    } else if let Some(expr) = default {
        PropKind::Default(expr)
    } else if optional {
        match option_inner(ty) {
            Some(inner) if !no_strip => PropKind::StripOption(inner.clone()),
            _ => PropKind::Optional,
        }
    } else if strip {
        match option_inner(ty) {
            Some(inner) => PropKind::StripOption(inner.clone()),
            None => {
                errors.push(syn::Error::new(
                    ty.span(),
                    "`#[prop(strip_option)]` needs an `Option<T>` type",
                ));
                PropKind::Required
            }
        }
    } else {
        PropKind::Required
    };
    (docs, kind, into)
}

/// `Option<T>` → `T`.
fn option_inner(ty: &Type) -> Option<&Type> {
    let Type::Path(p) = ty else { return None };
    let seg = p.path.segments.last()?;
    if seg.ident != "Option" {
        return None;
    }
    let syn::PathArguments::AngleBracketed(args) = &seg.arguments else {
        return None;
    };
    match args.args.first()? {
        syn::GenericArgument::Type(t) if args.args.len() == 1 => Some(t),
        _ => None,
    }
}

/// A "Props" section appended to the component's docs, listing each prop
/// with its type and doc comment.
fn props_docs(props: &[Prop]) -> TokenStream {
    let mut lines = vec![String::new(), "# Props".to_string(), String::new()];
    for p in props {
        let ty = type_string(&p.ty);
        let note = match p.kind {
            PropKind::Required => " (required)",
            PropKind::Default(_) => " (optional, has a default)",
            PropKind::Attrs => " (receives `attr:` attributes and `{..attrs}`)",
            _ => " (optional)",
        };
        let into = if p.into { ", accepts `impl Into`" } else { "" };
        lines.push(format!("- **{}**: `{}`{}{}", p.ident, ty, note, into));
        for d in &p.docs {
            if let Meta::NameValue(nv) = &d.meta {
                if let syn::Expr::Lit(syn::ExprLit {
                    lit: syn::Lit::Str(s),
                    ..
                }) = &nv.value
                {
                    let text = s.value();
                    let generated = text.starts_with("The `") && text.contains("` prop of [`");
                    if !generated {
                        lines.push(format!("  {}", text.trim()));
                    }
                }
            }
        }
    }
    let lines = lines.iter();
    quote! { #(#[doc = #lines])* }
}

fn type_string(ty: &Type) -> String {
    ty.to_token_stream()
        .to_string()
        .replace(" < ", "<")
        .replace("< ", "<")
        .replace(" >", ">")
        .replace(" ,", ",")
        .replace(" :: ", "::")
        .replace("& ", "&")
}

/// Replaces each `impl Trait` in parameter types by a fresh type parameter.
#[derive(Default)]
struct ImplTraitLifter {
    lifted: Vec<(
        syn::Ident,
        syn::punctuated::Punctuated<syn::TypeParamBound, syn::Token![+]>,
    )>,
}

impl VisitMut for ImplTraitLifter {
    fn visit_type_mut(&mut self, ty: &mut Type) {
        if let Type::ImplTrait(it) = ty {
            let ident = format_ident!("__ImplTrait{}", self.lifted.len());
            self.lifted.push((ident.clone(), it.bounds.clone()));
            *ty = parse_quote! { #ident };
            return;
        }
        syn::visit_mut::visit_type_mut(self, ty);
    }
}

#[cfg(test)]
mod tests {
    use super::component_name;

    fn name(s: &str) -> String {
        component_name(&syn::Ident::new(s, proc_macro2::Span::call_site())).to_string()
    }

    #[test]
    fn snake_case_names_become_upper_camel_case() {
        assert_eq!(name("top_bar"), "TopBar");
        assert_eq!(name("app"), "App");
        assert_eq!(name("demo_list_entry"), "DemoListEntry");
        assert_eq!(name("row2"), "Row2");
        assert_eq!(name("TopBar"), "TopBar");
        assert_eq!(name("HTMLView"), "HTMLView");
    }
}
