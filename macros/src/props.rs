//! The props struct of a `#[component]` and its typestate builder.
//!
//! Every required prop adds one type parameter to the builder: `()` while
//! unset, `(T,)` once set. Its setter exists only while the slot is `()`,
//! and `build()` requires each slot to implement a per-prop trait whose
//! `#[diagnostic::on_unimplemented]` message names the missing prop, so
//! rustc says "missing required prop `index` of `<Tab/>`" at the user's tag.
//! Optional props live in an `Option` and take their default in `build()`.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};
use syn::{Attribute, Expr, Generics, Ident, Type, Visibility};

/// How a prop gets its value when the user leaves it out.
pub enum PropKind {
    /// Must be given.
    Required,
    /// `#[prop(optional)]`: `Default::default()`.
    Optional,
    /// `#[prop(optional)]` on `Option<T>`: the setter takes `T`.
    StripOption(Type),
    /// `#[prop(default = expr)]`.
    Default(Expr),
    /// `#[prop(attrs)]` on a `Vec<(&'static str, Attribute)>`: collects the
    /// `attr:name=value` and `{..attrs}` of the call through the builder's
    /// `dyn_attrs` (empty by default).
    Attrs,
}

/// One component parameter.
pub struct Prop {
    pub ident: Ident,
    pub ty: Type,
    pub docs: Vec<Attribute>,
    pub kind: PropKind,
    /// `#[prop(into)]`: the setter takes `impl Into<T>`.
    pub into: bool,
}

/// Everything the generated items need to know about the component.
pub struct PropsSpec<'a> {
    pub vis: &'a Visibility,
    /// The component (or slot) name, used in messages.
    pub component: &'a Ident,
    /// The props struct: `NameProps` for a component, the slot itself.
    pub props_ident: Ident,
    /// Whether to emit the props struct (a slot struct already exists).
    pub emit_struct: bool,
    pub props: &'a [Prop],
    pub generics: &'a Generics,
}

pub fn props_ident(component: &Ident) -> Ident {
    format_ident!("{}Props", component)
}

fn builder_ident(props: &Ident) -> Ident {
    format_ident!("{}Builder", props)
}

fn require_trait(component: &Ident, prop: &Ident) -> Ident {
    format_ident!(
        "__{}_requires_{}",
        component,
        prop.to_string().trim_start_matches("r#")
    )
}

/// Generates the props struct, its `Props` impl, the builder and the
/// per-prop "required" traits.
pub fn generate(spec: &PropsSpec) -> TokenStream {
    let PropsSpec {
        vis,
        component,
        props_ident,
        emit_struct,
        props,
        generics,
    } = spec;
    let builder = builder_ident(props_ident);
    let (impl_g, ty_g, where_clause) = generics.split_for_impl();
    let user_params: Vec<TokenStream> = generics
        .params
        .iter()
        .map(|p| match p {
            syn::GenericParam::Lifetime(l) => {
                let l = &l.lifetime;
                quote! { #l }
            }
            syn::GenericParam::Type(t) => {
                let i = &t.ident;
                quote! { #i }
            }
            syn::GenericParam::Const(c) => {
                let i = &c.ident;
                quote! { #i }
            }
        })
        .collect();
    let user_decls: Vec<&syn::GenericParam> = generics.params.iter().collect();

    let required: Vec<&Prop> = props
        .iter()
        .filter(|p| matches!(p.kind, PropKind::Required))
        .collect();
    let slot_names: Vec<Ident> = (0..required.len())
        .map(|i| format_ident!("__Slot{}", i))
        .collect();

    // The props struct.
    let fields = props.iter().map(|p| {
        let Prop {
            ident, ty, docs, ..
        } = p;
        quote! { #(#docs)* pub #ident: #ty, }
    });
    let struct_doc = format!("Props of the [`{component}`] component.");
    let props_struct = if *emit_struct {
        quote! {
            #[doc = #struct_doc]
            #vis struct #props_ident #impl_g #where_clause {
                #(#fields)*
            }
        }
    } else {
        TokenStream::new()
    };

    // Builder storage: a slot per required prop, an Option per optional one.
    let builder_fields = props.iter().map(|p| {
        let ident = &p.ident;
        match &p.kind {
            PropKind::Required => {
                let i = required.iter().position(|r| r.ident == p.ident).unwrap();
                let slot = &slot_names[i];
                quote! { #ident: #slot, }
            }
            PropKind::StripOption(_) => {
                let ty = &p.ty;
                quote! { #ident: #ty, }
            }
            _ => {
                let ty = &p.ty;
                quote! { #ident: ::core::option::Option<#ty>, }
            }
        }
    });
    let builder_doc = format!("Builder of [`{props_ident}`]: one method per prop, then `build()`.");
    let builder_struct = quote! {
        #[doc = #builder_doc]
        #[allow(non_camel_case_types)]
        #vis struct #builder <#(#user_decls,)* #(#slot_names,)*> #where_clause {
            #(#builder_fields)*
            __marker: ::core::marker::PhantomData<fn() -> #props_ident #ty_g>,
        }
    };

    let empty_slots = required.iter().map(|_| quote! { () });
    let initial_fields = props.iter().map(|p| {
        let ident = &p.ident;
        match p.kind {
            PropKind::Required => quote! { #ident: (), },
            _ => quote! { #ident: ::core::option::Option::None, },
        }
    });
    let builder_ty_initial = quote! { #builder<#(#user_params,)* #(#empty_slots,)*> };
    // Leptos 0.6's `DynAttrs`/`DynBindings` on the built props: they fill
    // the `#[prop(attrs)]` prop, if there is one.
    let attrs_prop = props
        .iter()
        .find(|p| matches!(p.kind, PropKind::Attrs))
        .map(|p| &p.ident);
    let (dyn_attrs, dyn_bindings) = match attrs_prop {
        Some(ident) => (
            quote! {
                fn dyn_attrs(mut self, attrs: ::std::vec::Vec<(&'static str, ::larkspur::Attribute)>) -> Self {
                    self.#ident = ::core::convert::From::from(attrs);
                    self
                }
            },
            quote! {
                fn dyn_bindings<__B: ::core::convert::Into<::larkspur::Binding>>(
                    mut self,
                    bindings: impl ::core::iter::IntoIterator<Item = __B>,
                ) -> Self {
                    ::core::iter::Extend::extend(
                        &mut self.#ident,
                        bindings.into_iter().filter_map(|b| {
                            ::larkspur::__private::binding_attribute(::core::convert::Into::into(b))
                        }),
                    );
                    self
                }
            },
        ),
        None => (TokenStream::new(), TokenStream::new()),
    };
    let props_impl = quote! {
        impl #impl_g ::larkspur::Props for #props_ident #ty_g #where_clause {
            type Builder = #builder_ty_initial;
            fn builder() -> Self::Builder {
                #builder { #(#initial_fields)* __marker: ::core::marker::PhantomData }
            }
        }

        // Also inherent, as Leptos 0.6's props have it: `NameProps::builder()`
        // works without the `Props` trait in scope.
        impl #impl_g #props_ident #ty_g #where_clause {
            /// The builder of these props (the same as `Props::builder`).
            #[allow(dead_code)]
            #vis fn builder() -> #builder_ty_initial {
                <Self as ::larkspur::Props>::builder()
            }
        }

        impl #impl_g ::larkspur::DynAttrs for #props_ident #ty_g #where_clause {
            #dyn_attrs
        }

        impl #impl_g ::larkspur::DynBindings for #props_ident #ty_g #where_clause {
            #dyn_bindings
        }
    };

    // Setters of required props: each moves its slot from `()` to `(T,)`.
    let required_setters = required.iter().enumerate().map(|(i, p)| {
        let ident = &p.ident;
        let ty = &p.ty;
        let docs = &p.docs;
        let other_slots: Vec<&Ident> = slot_names
            .iter()
            .enumerate()
            .filter(|(j, _)| *j != i)
            .map(|(_, s)| s)
            .collect();
        let before = slot_names.iter().enumerate().map(|(j, s)| {
            if j == i {
                quote! { () }
            } else {
                quote! { #s }
            }
        });
        let after = slot_names.iter().enumerate().map(|(j, s)| {
            if j == i {
                quote! { (#ty,) }
            } else {
                quote! { #s }
            }
        });
        // `#[track_caller]` on converting setters: a `Callback` or a derived
        // `Signal` made by the conversion is then "created at" the line of
        // the `view!` that passed the closure, which a disposed-value panic
        // names.
        let (param_ty, conv, caller) = if p.into {
            (
                quote! { impl ::core::convert::Into<#ty> },
                quote! { ::core::convert::Into::into(#ident) },
                quote! { #[track_caller] },
            )
        } else {
            (quote! { #ty }, quote! { #ident }, quote! {})
        };
        let moves = props.iter().filter(|q| q.ident != p.ident).map(|q| {
            let f = &q.ident;
            quote! { #f: self.#f, }
        });
        quote! {
            #[allow(non_camel_case_types)]
            impl <#(#user_decls,)* #(#other_slots,)*> #builder<#(#user_params,)* #(#before,)*> #where_clause {
                #(#docs)*
                #caller
                pub fn #ident(self, #ident: #param_ty) -> #builder<#(#user_params,)* #(#after,)*> {
                    #builder { #ident: (#conv,), #(#moves)* __marker: ::core::marker::PhantomData }
                }
            }
        }
    });

    // Setters of optional props keep the builder's type.
    let optional_setters = props.iter().filter_map(|p| {
        let ident = &p.ident;
        let docs = &p.docs;
        if let PropKind::Attrs = p.kind {
            let ty = &p.ty;
            // The prop's own name sets it too (`<Icon attrs=list/>`), as with
            // Leptos 0.6's builder.
            let named = (ident != "dyn_attrs").then(|| {
                quote! {
                    /// Adds these attributes.
                    pub fn #ident(mut self, #ident: #ty) -> Self {
                        ::core::iter::Extend::extend(
                            self.#ident.get_or_insert_with(::core::default::Default::default),
                            #ident,
                        );
                        self
                    }
                }
            });
            return Some(quote! {
                #named
                /// Adds attributes (from `attr:name=value` and `{..attrs}`).
                pub fn dyn_attrs(
                    mut self,
                    attrs: impl ::core::iter::IntoIterator<Item = (&'static str, ::larkspur::Attribute)>,
                ) -> Self {
                    ::core::iter::Extend::extend(
                        self.#ident.get_or_insert_with(::core::default::Default::default),
                        attrs,
                    );
                    self
                }
            });
        }
        let ty = match &p.kind {
            PropKind::Required => return None,
            PropKind::StripOption(inner) => inner,
            _ => &p.ty,
        };
        let (param_ty, conv, caller) = if p.into {
            (
                quote! { impl ::core::convert::Into<#ty> },
                quote! { ::core::convert::Into::into(#ident) },
                quote! { #[track_caller] },
            )
        } else {
            (quote! { #ty }, quote! { #ident }, quote! {})
        };
        Some(quote! {
            #(#docs)*
            #caller
            pub fn #ident(mut self, #ident: #param_ty) -> Self {
                self.#ident = ::core::option::Option::Some(#conv);
                self
            }
        })
    });

    // `build()`: each required slot must hold its value.
    let require_traits = required.iter().map(|p| {
        let tr = require_trait(component, &p.ident);
        let message = format!(
            "missing required prop `{}` of component `{}`",
            p.ident, component
        );
        let label = if p.ident == "children" {
            format!(
                "`<{component}>` needs children between its tags: `<{component}>...</{component}>`"
            )
        } else {
            format!("add `{}=...` to `<{}>`", p.ident, component)
        };
        quote! {
            #[doc(hidden)]
            #[allow(non_camel_case_types)]
            #[diagnostic::on_unimplemented(message = #message, label = #label)]
            #vis trait #tr<T> {
                fn take(self) -> T;
            }
            impl<T> #tr<T> for (T,) {
                fn take(self) -> T {
                    self.0
                }
            }
        }
    });
    let build_bounds = required.iter().zip(&slot_names).map(|(p, slot)| {
        let tr = require_trait(component, &p.ident);
        let ty = &p.ty;
        quote! { #slot: #tr<#ty>, }
    });
    // Each prop is bound in declaration order, so a `#[prop(default = ..)]`
    // expression can use the props declared before it, as Leptos 0.6's
    // builder allows (`#[prop(default = size * 2)] width: u32`).
    let build_lets = props.iter().map(|p| {
        let ident = &p.ident;
        match &p.kind {
            PropKind::Required => {
                let tr = require_trait(component, ident);
                quote! { let #ident = #tr::take(self.#ident); }
            }
            PropKind::StripOption(_) => quote! { let #ident = self.#ident; },
            PropKind::Optional | PropKind::Attrs => {
                quote! { let #ident = ::core::option::Option::unwrap_or_default(self.#ident); }
            }
            PropKind::Default(expr) => {
                quote! {
                    #[allow(clippy::manual_unwrap_or, clippy::manual_unwrap_or_default)]
                    let #ident = match self.#ident {
                        ::core::option::Option::Some(value) => value,
                        ::core::option::Option::None => #expr,
                    };
                }
            }
        }
    });
    let build_fields = props.iter().map(|p| &p.ident);
    let builder_impl = quote! {
        #[allow(non_camel_case_types)]
        impl <#(#user_decls,)* #(#slot_names,)*> #builder<#(#user_params,)* #(#slot_names,)*> #where_clause {
            #(#optional_setters)*

            /// Finishes the props; every required prop must have been set.
            pub fn build(self) -> #props_ident #ty_g
            where
                #(#build_bounds)*
            {
                #(#build_lets)*
                #props_ident { #(#build_fields,)* }
            }
        }
    };

    quote! {
        #props_struct
        #props_impl
        #builder_struct
        #(#required_setters)*
        #builder_impl
        #(#require_traits)*
    }
}
