//! The `view!` forms the seed's chapters use, rendered in the browser: both
//! code paths (templates cloned for static HTML, builder calls otherwise)
//! must give the same DOM and the same reactivity.
#![cfg(target_arch = "wasm32")]

mod common;

use common::test_container;
use larkspur::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn el(root: &web_sys::Element, selector: &str) -> web_sys::HtmlElement {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no {selector}"))
        .unchecked_into()
}

#[component]
fn Badge(#[prop(into)] label: String, #[prop(optional)] count: Option<u32>) -> impl IntoView {
    view! { <span class="badge">{label} {count.map(|c| format!(" ({c})"))}</span> }
}

#[wasm_bindgen_test]
fn holes_between_static_nodes_keep_their_place() {
    let container = test_container();
    let (n, set_n) = create_signal(1);
    let _h = mount_to_with_handle(container.clone(), move || {
        view! {
            <p id="p">"a" {n} "b" <Badge label="x"/> "c" {move || n() * 10}</p>
        }
    });
    let p = el(&container, "#p");
    assert_eq!(p.text_content().unwrap(), "a1bxc10");
    set_n(2);
    assert_eq!(p.text_content().unwrap(), "a2bxc20");
    assert_eq!(el(&container, "#p .badge").text_content().unwrap(), "x");
}

#[wasm_bindgen_test]
fn nested_dynamic_attributes_and_events_in_a_template() {
    let container = test_container();
    let (on, set_on) = create_signal(false);
    let (clicks, set_clicks) = create_signal(0);
    let _h = mount_to_with_handle(container.clone(), move || {
        view! {
            <div class="card">
                <h2>"Title"</h2>
                <button id="b" class:on=on style:color=move || if on() { "red" } else { "blue" }
                    on:click=move |_| { set_on.update(|v| *v = !*v); set_clicks.update(|c| *c += 1) }>
                    "Toggle " {clicks}
                </button>
                <a id="a" href="/safe" data-n=clicks>"link"</a>
            </div>
        }
    });
    let b = el(&container, "#b");
    assert_eq!(b.class_name(), "");
    assert_eq!(b.style().get_property_value("color").unwrap(), "blue");
    b.click();
    assert_eq!(b.class_name(), "on");
    assert_eq!(b.style().get_property_value("color").unwrap(), "red");
    assert_eq!(b.text_content().unwrap(), "Toggle 1");
    let a = el(&container, "#a");
    assert_eq!(a.get_attribute("href").unwrap(), "/safe");
    assert_eq!(a.get_attribute("data-n").unwrap(), "1");
    assert_eq!(el(&container, ".card h2").text_content().unwrap(), "Title");
}

#[wasm_bindgen_test]
fn dangerous_computed_urls_still_go_through_the_renderer() {
    let container = test_container();
    let url = String::from("javascript:alert(1)");
    let _h = mount_to_with_handle(container.clone(), move || {
        view! {
            <div>
                <span>"x"</span>
                <a id="bad" href=url.clone()>"bad"</a>
                // A literal is the author's own source, set as written.
                <a id="own" href="javascript:void(0)">"own"</a>
            </div>
        }
    });
    let href = el(&container, "#bad").get_attribute("href");
    assert!(
        href.as_deref()
            .is_none_or(|h| !h.starts_with("javascript:")),
        "{href:?}"
    );
    assert_eq!(
        el(&container, "#own").get_attribute("href").as_deref(),
        Some("javascript:void(0)")
    );
}

#[wasm_bindgen_test]
fn properties_booleans_refs_and_inner_html() {
    let container = test_container();
    let input_ref = create_node_ref::<html::Input>();
    let (value, set_value) = create_signal("one".to_string());
    let _h = mount_to_with_handle(container.clone(), move || {
        view! {
            <form>
                <input node_ref=input_ref type="text" prop:value=value disabled/>
                <div id="raw" inner_html="<b>bold</b>"></div>
            </form>
        }
    });
    let input = input_ref.get().expect("node_ref is loaded");
    assert_eq!(input.value(), "one");
    assert!(input.disabled());
    set_value("two".to_string());
    assert_eq!(input.value(), "two");
    assert_eq!(el(&container, "#raw b").text_content().unwrap(), "bold");
}

#[wasm_bindgen_test]
fn svg_and_custom_elements_get_their_namespace() {
    let container = test_container();
    let _h = mount_to_with_handle(container.clone(), || {
        view! {
            <svg viewBox="0 0 10 10"><circle cx=5 cy=5 r=4/><a href="#"><text>"t"</text></a></svg>
            <my-widget mode="compact">"w"</my-widget>
            <math><mi>"x"</mi></math>
        }
    });
    let svg_ns = Some("http://www.w3.org/2000/svg".to_string());
    for sel in ["svg", "circle", "svg a", "text"] {
        let node = container.query_selector(sel).unwrap().unwrap();
        assert_eq!(node.namespace_uri(), svg_ns, "{sel}");
    }
    let mi = container.query_selector("mi").unwrap().unwrap();
    assert_eq!(
        mi.namespace_uri().as_deref(),
        Some("http://www.w3.org/1998/Math/MathML")
    );
    let circle = container.query_selector("circle").unwrap().unwrap();
    assert_eq!(circle.get_attribute("r").unwrap(), "4");
    let w = el(&container, "my-widget");
    assert_eq!(w.get_attribute("mode").unwrap(), "compact");
    assert_eq!(w.text_content().unwrap(), "w");
}

#[wasm_bindgen_test]
fn show_and_for_as_components() {
    let container = test_container();
    let (rows, set_rows) = create_signal(vec![(1, "a"), (2, "b")]);
    let (shown, set_shown) = create_signal(true);
    let _h = mount_to_with_handle(container.clone(), move || {
        view! {
            <ul>
                <For each=move || rows.get() key=|row| row.0 let:row>
                    <li>{row.1}</li>
                </For>
            </ul>
            <Show when=move || shown.get() fallback=|| view! { <p id="fb">"hidden"</p> }>
                <p id="shown">"shown"</p>
            </Show>
        }
    });
    let items = |c: &web_sys::HtmlElement| -> Vec<String> {
        let l = c.query_selector_all("li").unwrap();
        (0..l.length())
            .map(|i| l.item(i).unwrap().text_content().unwrap())
            .collect()
    };
    assert_eq!(items(&container), ["a", "b"]);
    set_rows(vec![(2, "b"), (3, "c"), (1, "a")]);
    assert_eq!(items(&container), ["b", "c", "a"]);
    assert!(container.query_selector("#shown").unwrap().is_some());
    set_shown(false);
    assert!(container.query_selector("#shown").unwrap().is_none());
    assert!(container.query_selector("#fb").unwrap().is_some());
}

#[component]
fn Labeled<T: std::fmt::Display + 'static>(
    value: T,
    render: impl Fn(String) -> String + 'static,
) -> impl IntoView {
    view! { <output>{render(value.to_string())}</output> }
}

#[wasm_bindgen_test]
fn generic_components_and_impl_trait_props() {
    let container = test_container();
    let _h = mount_to_with_handle(container.clone(), || {
        view! {
            <Labeled value=42 render=|s| format!("<{s}>")/>
            <Labeled value="x" render=|s| s.repeat(2)/>
            <Badge label="n" count=3/>
        }
    });
    let out = container.query_selector_all("output").unwrap();
    assert_eq!(out.item(0).unwrap().text_content().unwrap(), "<42>");
    assert_eq!(out.item(1).unwrap().text_content().unwrap(), "xx");
    assert_eq!(el(&container, ".badge").text_content().unwrap(), "n (3)");
}

#[wasm_bindgen_test]
fn table_rows_from_templates_keep_their_structure() {
    let container = test_container();
    let (rows, set_rows) = create_signal(vec![(1, "one"), (2, "two")]);
    let (selected, set_selected) = create_signal(0);
    let _h = mount_to_with_handle(container.clone(), move || {
        view! {
            <table>
                <tbody>
                    <For
                        each=move || rows.get()
                        key=|row| row.0
                        children=move |(id, label): (i32, &'static str)| {
                            view! {
                                <tr class:danger=move || selected.get() == id>
                                    <td class="id">{id}</td>
                                    <td><a on:click=move |_| set_selected(id)>{label}</a></td>
                                    <td class="pad"></td>
                                </tr>
                            }
                        }
                    />
                </tbody>
            </table>
        }
    });
    let table = container.query_selector("table").unwrap().unwrap();
    // Exactly one tbody (no parser-inserted one) holding the rows.
    assert_eq!(table.children().length(), 1);
    let rows_of = |c: &web_sys::HtmlElement| -> Vec<String> {
        let l = c.query_selector_all("table > tbody > tr").unwrap();
        (0..l.length())
            .map(|i| l.item(i).unwrap().text_content().unwrap())
            .collect()
    };
    assert_eq!(rows_of(&container), ["1one", "2two"]);
    let second: web_sys::HtmlElement = container
        .query_selector("tr:nth-child(2) a")
        .unwrap()
        .unwrap()
        .unchecked_into();
    second.click();
    let tr2 = container
        .query_selector("tr:nth-child(2)")
        .unwrap()
        .unwrap();
    assert_eq!(tr2.class_name(), "danger");
    set_rows(vec![(2, "two"), (3, "three")]);
    assert_eq!(rows_of(&container), ["2two", "3three"]);
    assert_eq!(container.query_selector_all("td.pad").unwrap().length(), 2);
}
