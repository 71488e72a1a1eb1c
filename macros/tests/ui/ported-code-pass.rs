//! Leptos 0.6 code found in ported apps and libraries (probe46) that must
//! compile unchanged, without warnings.
#![deny(warnings)]
use larkspur::*;

// A one-line component body (`unused_braces` fired on the body's braces).
#[component]
fn One() -> impl IntoView { view! { <p>"a"</p> } }

#[component]
fn WithProp(n: i32) -> impl IntoView { view! { <p>{n}</p> } }

// A handler written as a macro call (leptos_form's number inputs).
macro_rules! reject_letters {
    () => {
        |ev| {
            if ev.key().len() == 1 {
                ev.prevent_default();
            }
        }
    };
}

// A node ref on a nested element of a template: its element type comes
// from the tag (magic-piano's sheet music), here `<input>` and `<textarea>`.
#[component]
fn Nested() -> impl IntoView {
    let check = create_node_ref();
    let notes = create_node_ref();
    view! {
        <div>
            <label>
                <input type="checkbox" node_ref=check on:change=move |_| {
                    let _ = check.get().unwrap().checked();
                }/>
                "On"
            </label>
            <textarea node_ref=notes on:keydown=reject_letters!()></textarea>
            <p>{move || notes.get().map(|t| t.value()).unwrap_or_default()}</p>
        </div>
    }
}

// Built, not run: views need a browser.
pub fn app() -> impl IntoView {
    view! { <One/><WithProp n=1/><Nested/> }
}

// probe54 (eggercise's online check): a module that reads only a resource
// through an explicit trait import; the import is used, as in 0.6, where
// a resource's accessors are the traits' methods.
mod online_check {
    use larkspur::{create_local_resource, Resource, SignalGet, SignalUpdate, SignalWithUntracked};

    pub struct Online(pub Resource<(), bool>);

    impl Online {
        pub fn new() -> Self {
            Online(create_local_resource(|| (), |_| async { true }))
        }
        pub fn is_online(&self) -> bool {
            self.0.get().unwrap_or(false) && self.0.with_untracked(|v| v.is_some())
        }
        pub fn go_offline(&self) {
            self.0.update(|v| *v = Some(false));
        }
    }
}

// probe54 (a custom error boundary copied from 0.6's): the hydration key
// saved and restored around the children, and the error downcast.
#[component]
fn FrontendErrorBoundary(children: Children) -> impl IntoView {
    let before_children = HydrationCtx::next_error();
    let errors: RwSignal<Errors> = create_rw_signal(Errors::default());
    provide_context(errors);
    let children = children();
    HydrationCtx::continue_from(before_children);
    let first = move || {
        errors.with(|e| {
            e.iter().next().map(|(_, e)| {
                let e = e.clone().into_inner();
                e.downcast_ref::<std::num::ParseIntError>().map(|e| e.to_string())
            })
        })
    };
    view! { {children} <p>{first}</p> }
}

// Review of the macros (0.6 forms): a handler written as a block ending in
// a closure that uses its event, a custom event's handler naming its
// type, an inner attribute at the top of a component's body.
#[component]
fn Forms(#[prop(into)] on_save: Callback<()>) -> impl IntoView {
    #![allow(clippy::let_and_return)]
    let save = move || on_save.call(());
    view! {
        <form on:submit={
            let save = save.clone();
            move |ev| { ev.prevent_default(); save() }
        }>
            <sl-select on:sl-change=move |ev: larkspur::web_sys::CustomEvent| {
                let _ = ev.detail();
            }></sl-select>
        </form>
    }
}

// probe60 (a component library's "as child" primitive): the element of a
// one-element view, as a builder to add attributes to.
#[component]
fn AsChild(children: Children) -> impl IntoView {
    match children().into_view() {
        View::Element(el) => el.into_html_element().attr("data-slot", "x").into_view(),
        other => other,
    }
}

// A prop named by a keyword, set without `r#` (a parse error in the
// generated code before).
#[component]
fn TypedInput(r#type: &'static str) -> impl IntoView {
    view! { <input type=r#type/> }
}

// Spreads as 0.6's `bindings` takes them: items that only convert into a
// `Binding`, a `?` inside the spread (it belongs to the function), an
// `.await` inside an async block.
fn spread_bindings<B: Into<Binding>>(bindings: Vec<B>) -> impl IntoView {
    view! { <div {..bindings}></div> }
}

fn spread_fallible(
    load: impl Fn() -> Result<Vec<(&'static str, Attribute)>, String>,
) -> Result<View, String> {
    Ok(view! { <div {..load()?}></div> }.into_view())
}

async fn spread_awaited(
    load: impl std::future::Future<Output = Vec<(&'static str, Attribute)>>,
) -> View {
    view! { <div {..load.await}></div> }.into_view()
}

// The derive and the trait imported by name side by side, as the 0.6 book
// says (`leptos::Params` the derive, `leptos_router::Params` the trait).
mod params_imports {
    use larkspur::router::{use_params, Params};
    use larkspur::{component, view, IntoView, Params, SignalGet};

    #[derive(Params, PartialEq, Clone)]
    pub struct Room {
        id: Option<u64>,
    }

    #[component]
    pub fn RoomPage() -> impl IntoView {
        let params = use_params::<Room>();
        view! { <p>{move || params.get().ok().and_then(|room| room.id)}</p> }
    }

    pub fn parse(map: &larkspur::router::ParamsMap) -> bool {
        <Room as Params>::from_map(map).is_ok()
    }
}

fn main() {
    // Compiled, not run: views need a browser.
    if false {
        let online = online_check::Online::new();
        let _ = online.is_online();
        online.go_offline();
        let _ = view! { <FrontendErrorBoundary>"ok"</FrontendErrorBoundary> };
        let _ = view! { <Forms on_save=|_| ()/> };
        let _ = view! { <AsChild><p>"a"</p></AsChild> };
        let _ = view! { <TypedInput type="text"/> };
        let _ = spread_bindings(vec![("title", "t".into_attribute())]);
        let _ = spread_fallible(|| Ok(Vec::new()));
        let _ = spread_awaited(async { Vec::new() });
        let _ = view! { <params_imports::RoomPage/> };
        let _ = params_imports::parse(&Default::default());
        // 0.6's `Redirect<P: Display>` (probe helper-108).
        let _ = larkspur::router::Redirect(larkspur::router::RedirectProps {
            path: "/login",
            options: None,
        });
        let _ = view! { <larkspur::router::Redirect path=format!("/u/{}", 7)/> };
    }
}
