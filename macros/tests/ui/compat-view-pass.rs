//! View syntax that Leptos 0.6 apps use, written as they write it: spreads,
//! directives, `on:`/`attr:` on components, slots, transparent components,
//! the class tuple and the re-exported wasm-bindgen crates.
use larkspur::*;
use larkspur::wasm_bindgen::JsCast;

fn focus_on_mount(el: HtmlElement<html::Custom>) {
    let _ = el.dom_element().clone().dyn_into::<larkspur::web_sys::HtmlElement>();
}

fn tooltip(el: larkspur::web_sys::Element, text: &'static str) {
    let _ = el.set_attribute("title", text);
}

#[component]
fn Card(
    #[prop(attrs)] attributes: Vec<(&'static str, Attribute)>,
    children: Children,
) -> impl IntoView {
    view! { <div class="card" {..attributes}>{children()}</div> }
}

#[component]
fn Plain() -> impl IntoView {
    view! { <section>"plain"</section> }
}

#[slot]
struct Then {
    children: ChildrenFn,
}

#[slot]
struct Item {
    #[prop(into)]
    label: String,
}

#[component]
fn If(
    #[prop(into)] condition: MaybeSignal<bool>,
    then: Then,
    #[prop(optional)] item: Vec<Item>,
    children: ChildrenFn,
) -> impl IntoView {
    let count = item.len();
    view! {
        <div data-items=count>
            {move || if condition.get() { (then.children)() } else { children() }}
        </div>
    }
}

#[component(transparent)]
fn Wrapper(children: Children) -> impl IntoView {
    children()
}

// Built, not run: views need a DOM.
fn main() {
    let _ = usage;
}

fn usage() {
    let (on, set_on) = create_signal(false);
    let attrs: Vec<(&'static str, Attribute)> = vec![("id", "x".into_attribute())];
    let _ = view! { <button {..attrs} class=("active", on)>"spread"</button> };
    let _ = view! { <span {..(ev::click, move |_| set_on(true))}>"handler"</span> };
    let _ = view! { <input use:focus_on_mount use:tooltip="hint"/> };
    let _ = view! { <Card attr:id="card" on:click=move |_| set_on(false)>"body"</Card> };
    let extra: Vec<(&'static str, Attribute)> = vec![("title", "t".into_attribute())];
    let _ = view! { <Card {..extra}>"spread on a component"</Card> };
    let _ = view! { <Card {..} data-x="1">"after the marker"</Card> };
    let _ = view! { <Plain on:mouseenter=move |_| ()/> };
    let _ = view! {
        <If condition=on>
            <Then slot>"yes"</Then>
            <Item slot label="a"/>
            <Item slot label="b"/>
            "no"
        </If>
    };
    let _ = view! { <Wrapper><p>"inside"</p></Wrapper> };
}
