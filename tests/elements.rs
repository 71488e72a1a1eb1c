//! Elements built with the builder API: tags, namespaces, attributes,
//! classes, styles, properties, `inner_html` and node refs, static and
//! reactive — and the rule that an update touches only its own node.
#![cfg(target_arch = "wasm32")]

mod common;

use common::{find, test_container};
use larkspur::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn static_element_tree() {
    let c = test_container();
    let h = mount_to_with_handle(c.clone(), || {
        html::div()
            .attr("id", "root")
            .child(html::h1().child("Title"))
            .child(
                html::p()
                    .attr("class", "lead")
                    .child("Body ")
                    .child(42)
                    .child(' ')
                    .child(true),
            )
    });
    assert_eq!(
        c.inner_html(),
        r#"<div id="root"><h1>Title</h1><p class="lead">Body 42 true</p></div>"#
    );
    h.unmount();
    assert_eq!(c.inner_html(), "");
}

#[wasm_bindgen_test]
fn typed_constructors_give_typed_elements() {
    let input = html::input().attr("type", "checkbox");
    let el: web_sys::HtmlInputElement = input.element();
    assert_eq!(el.tag_name(), "INPUT");
    assert_eq!(el.type_(), "checkbox");
    assert_eq!(html::option().element().tag_name(), "OPTION");
    assert_eq!(html::h3().element().tag_name(), "H3");
}

/// A component that returns MathML for a parent's `<math>`: its tags are
/// written outside `<math>`, and still build MathML elements (an HTML
/// `<mi>` would not render as math).
#[component]
fn Fraction(top: &'static str, bottom: &'static str) -> impl IntoView {
    view! {
        <mfrac>
            <mi>{top}</mi>
            <mn>{bottom}</mn>
        </mfrac>
        <semantics><mi>"y"</mi><annotation-xml encoding="text/html">"y"</annotation-xml></semantics>
    }
}

#[wasm_bindgen_test]
fn mathml_tags_outside_math_are_mathml() {
    const MATHML: Option<&str> = Some("http://www.w3.org/1998/Math/MathML");
    let c = test_container();
    let _h = mount_to_with_handle(c.clone(), || {
        view! { <p><math><Fraction top="x" bottom="2"/></math></p> }
    });
    for tag in ["mfrac", "mi", "mn", "semantics", "annotation-xml"] {
        let el = c.query_selector(tag).unwrap().unwrap();
        assert_eq!(el.namespace_uri().as_deref(), MATHML, "<{tag}>");
    }
    assert_eq!(find(&c, "mfrac").text_content().unwrap(), "x2");
    assert_eq!(
        find(&c, "p").namespace_uri().as_deref(),
        Some("http://www.w3.org/1999/xhtml")
    );
}

#[wasm_bindgen_test]
fn svg_and_mathml_namespaces() {
    let c = test_container();
    let _h = mount_to_with_handle(c.clone(), || {
        html::div()
            .child(
                html::svg()
                    .attr("viewBox", "0 0 10 10")
                    .child(svg::circle().attr("r", 4)),
            )
            .child(svg::svg().child(svg::linear_gradient().attr("id", "g")))
            .child(math::math().child(math::mi().child("x")))
    });
    let svg_root = find(&c, "svg");
    assert_eq!(
        svg_root.namespace_uri().as_deref(),
        Some("http://www.w3.org/2000/svg")
    );
    let circle = c.query_selector("circle").unwrap().unwrap();
    assert_eq!(
        circle.namespace_uri().as_deref(),
        Some("http://www.w3.org/2000/svg")
    );
    assert!(circle.dyn_ref::<web_sys::SvgElement>().is_some());
    let gradient = c.query_selector("linearGradient").unwrap().unwrap();
    assert_eq!(
        gradient.namespace_uri().as_deref(),
        Some("http://www.w3.org/2000/svg")
    );
    let mi = c.query_selector("mi").unwrap().unwrap();
    assert_eq!(
        mi.namespace_uri().as_deref(),
        Some("http://www.w3.org/1998/Math/MathML")
    );
    let div = find(&c, "div");
    assert_eq!(
        div.namespace_uri().as_deref(),
        Some("http://www.w3.org/1999/xhtml")
    );
}

#[wasm_bindgen_test]
fn custom_elements() {
    let c = test_container();
    let _h = mount_to_with_handle(c.clone(), || {
        html::custom("my-widget")
            .attr("mode", "compact")
            .child("hi")
    });
    assert_eq!(
        c.inner_html(),
        r#"<my-widget mode="compact">hi</my-widget>"#
    );
}

#[wasm_bindgen_test]
fn a_custom_tag_the_browser_refuses_is_a_span_and_an_error_not_a_panic() {
    let c = test_container();
    let errors = larkspur::testing::fail_on_console_error();
    let _h = mount_to_with_handle(c.clone(), || {
        view! {
            <div>
                {html::custom("my widget").child("kept")}
                {html::custom("").child("also kept")}
            </div>
        }
    });
    let seen = errors.take();
    drop(errors);
    assert_eq!(
        c.inner_html(),
        r#"<div><span data-invalid-tag="my widget">kept</span><span data-invalid-tag="">also kept</span></div>"#
    );
    assert_eq!(seen.len(), 2, "{seen:?}");
    assert!(seen[0].contains("\"my widget\""), "{seen:?}");
}

#[wasm_bindgen_test]
fn static_attribute_kinds() {
    let c = test_container();
    let _h = mount_to_with_handle(c.clone(), || {
        html::input()
            .attr("type", "text")
            .attr("maxlength", 12)
            .attr("required", true)
            .attr("disabled", false)
            .attr("title", None::<String>)
            .attr("placeholder", Some(String::from("name")))
            .attr("data-x", 1.5)
    });
    let input = find(&c, "input");
    assert_eq!(input.get_attribute("type").as_deref(), Some("text"));
    assert_eq!(input.get_attribute("maxlength").as_deref(), Some("12"));
    assert_eq!(input.get_attribute("required").as_deref(), Some("required"));
    assert!(!input.has_attribute("disabled"));
    assert!(!input.has_attribute("title"));
    assert_eq!(input.get_attribute("placeholder").as_deref(), Some("name"));
    assert_eq!(input.get_attribute("data-x").as_deref(), Some("1.5"));
}

#[wasm_bindgen_test]
fn reactive_attribute_updates_in_place() {
    let c = test_container();
    let (title, set_title) = create_signal(Some("one".to_string()));
    let (on, set_on) = create_signal(true);
    let _h = mount_to_with_handle(c.clone(), move || {
        html::a()
            .attr("title", title)
            .attr("hidden", move || !on())
            .child("link")
    });
    let a = find(&c, "a");
    assert_eq!(a.get_attribute("title").as_deref(), Some("one"));
    assert!(!a.has_attribute("hidden"));
    set_title(Some("two".into()));
    set_on(false);
    let a2 = find(&c, "a");
    assert!(
        a.is_same_node(Some(&a2)),
        "the element itself is never replaced"
    );
    assert_eq!(a.get_attribute("title").as_deref(), Some("two"));
    assert!(a.has_attribute("hidden"));
    set_title(None);
    assert!(!a.has_attribute("title"));
}

#[wasm_bindgen_test]
fn classes_static_reactive_and_multiple() {
    let c = test_container();
    let (active, set_active) = create_signal(false);
    let _h = mount_to_with_handle(c.clone(), move || {
        html::div()
            .attr("class", "base never")
            .class("always", true)
            // A plain `false` removes a name the markup had (Leptos 0.6).
            .class("never", false)
            .class("active", active)
            .class("a b", move || active.get())
    });
    let div = find(&c, "div");
    let list = div.class_list();
    assert!(list.contains("base") && list.contains("always"));
    assert!(!list.contains("never") && !list.contains("active") && !list.contains("a"));
    set_active(true);
    assert!(list.contains("active") && list.contains("a") && list.contains("b"));
    assert!(
        list.contains("base"),
        "toggling one class leaves the others"
    );
    set_active(false);
    assert!(!list.contains("active") && !list.contains("a") && !list.contains("b"));
}

/// A `class:` directive with a plain `false` takes the name off, as in
/// Leptos 0.6 (a tab whose markup says `active` but whose prop says no).
#[wasm_bindgen_test]
fn a_plain_false_class_directive_removes_a_name_the_markup_has() {
    let c = test_container();
    let selected = false;
    let _h = mount_to_with_handle(
        c.clone(),
        move || view! { <li class="tab active" class:active=selected>"B"</li> },
    );
    assert_eq!(find(&c, "li").class_name(), "tab");
}

#[wasm_bindgen_test]
fn styles_static_reactive_and_removed() {
    let c = test_container();
    let (selected, set_selected) = create_signal(0usize);
    let _h = mount_to_with_handle(c.clone(), move || {
        html::div()
            .style("background-color", "lightgreen")
            .style("--gap", String::from("4px"))
            .style(
                "display",
                move || if selected() == 1 { "block" } else { "none" },
            )
            .style("color", move || (selected() == 2).then_some("red"))
    });
    let div = find(&c, "div");
    let style = div.style();
    assert_eq!(
        style.get_property_value("background-color").unwrap(),
        "lightgreen"
    );
    assert_eq!(style.get_property_value("--gap").unwrap(), "4px");
    assert_eq!(style.get_property_value("display").unwrap(), "none");
    assert_eq!(style.get_property_value("color").unwrap(), "");
    set_selected(1);
    assert_eq!(style.get_property_value("display").unwrap(), "block");
    set_selected(2);
    assert_eq!(style.get_property_value("color").unwrap(), "red");
    set_selected(0);
    assert_eq!(style.get_property_value("color").unwrap(), "");
}

#[wasm_bindgen_test]
fn properties_static_and_reactive() {
    let c = test_container();
    let (value, set_value) = create_signal(String::from("first"));
    let (checked, set_checked) = create_signal(false);
    let _h = mount_to_with_handle(c.clone(), move || {
        html::div()
            .child(html::input().attr("id", "text").prop("value", value))
            .child(
                html::input()
                    .attr("id", "box")
                    .attr("type", "checkbox")
                    .prop("checked", checked),
            )
    });
    let text: web_sys::HtmlInputElement = find(&c, "#text").unchecked_into();
    let check: web_sys::HtmlInputElement = find(&c, "#box").unchecked_into();
    assert_eq!(text.value(), "first");
    assert!(!check.checked());
    set_value("second".into());
    set_checked(true);
    assert_eq!(text.value(), "second");
    assert!(check.checked());
    assert!(
        !text.has_attribute("value"),
        "a property is not an attribute"
    );
}

#[wasm_bindgen_test]
fn inner_html_is_the_explicit_markup_path() {
    let c = test_container();
    let (html, set_html) = create_signal("<b>bold</b>".to_string());
    let _h = mount_to_with_handle(c.clone(), move || html::div().inner_html(html));
    let div = find(&c, "div");
    assert_eq!(div.inner_html(), "<b>bold</b>");
    set_html("<i>it</i>".into());
    assert_eq!(div.inner_html(), "<i>it</i>");
}

#[wasm_bindgen_test]
fn node_ref_loads_typed_element_and_is_tracked() {
    let c = test_container();
    let seen = std::rc::Rc::new(std::cell::Cell::new(0));
    let s = seen.clone();
    let _h = mount_to_with_handle(c.clone(), move || {
        let input = create_node_ref::<html::Input>();
        create_render_effect(move |_| {
            if let Some(el) = input.get() {
                s.set(s.get() + 1);
                assert_eq!(el.value(), "typed");
            }
        });
        html::input().prop("value", "typed").node_ref(input)
    });
    assert_eq!(
        seen.get(),
        1,
        "the effect re-ran once the element was loaded"
    );
}

#[wasm_bindgen_test]
fn updates_touch_only_their_node() {
    let c = test_container();
    let (count, set_count) = create_signal(1);
    let _h = mount_to_with_handle(c.clone(), move || {
        html::p()
            .attr("id", "p")
            .child("Count: ")
            .child(count)
            .child(html::span().child("static"))
    });
    let p = find(&c, "#p");
    let nodes: Vec<web_sys::Node> = (0..p.child_nodes().length())
        .map(|i| p.child_nodes().item(i).unwrap())
        .collect();
    assert_eq!(p.text_content().unwrap(), "Count: 1static");
    set_count(2);
    assert_eq!(p.text_content().unwrap(), "Count: 2static");
    for (i, n) in nodes.iter().enumerate() {
        assert!(
            n.is_same_node(p.child_nodes().item(i as u32).as_ref()),
            "node {i} was replaced"
        );
    }
}

#[wasm_bindgen_test]
#[warn(unused_variables)] // the built-in attribute still resolves next to `warn!`
fn logging_macros_come_with_the_glob_import() {
    log!("log {}", 1);
    warn!("warn {}", 2);
    error!("error {}", 3);
    logging::log!("path form");
}

/// `html::Svg` and `svg::Svg` are two types, as in Leptos 0.6 (a library
/// may implement a trait for both node refs: floating-ui-leptos), and
/// `view!`'s `<svg>` is a `svg::Svg`.
trait MarkerName {
    fn marker(&self) -> &'static str;
}
impl MarkerName for NodeRef<html::Svg> {
    fn marker(&self) -> &'static str {
        "html::Svg"
    }
}
impl MarkerName for NodeRef<svg::Svg> {
    fn marker(&self) -> &'static str {
        "svg::Svg"
    }
}

#[wasm_bindgen_test]
fn svg_markers_and_0_6s_other_element_markers() {
    let container = test_container();
    let handle = mount_to_with_handle(container.clone(), || {
        let icon = create_node_ref::<svg::Svg>();
        let made = html::svg();
        assert_eq!(
            made.namespace_uri().as_deref(),
            Some("http://www.w3.org/2000/svg")
        );
        assert_eq!(icon.marker(), "svg::Svg");
        assert_eq!(create_node_ref::<html::Svg>().marker(), "html::Svg");
        // The markers 0.6 has that libraries name.
        let _: NodeRef<html::Param> = create_node_ref();
        let _: NodeRef<html::Portal> = create_node_ref();
        let _: NodeRef<html::Math> = create_node_ref();
        let _: NodeRef<svg::Discard> = create_node_ref();
        let _: NodeRef<svg::Hatch> = create_node_ref();
        let _: NodeRef<svg::Hatchpath> = create_node_ref();
        let _: NodeRef<math::AnnotationXml> = create_node_ref();
        let _: NodeRef<math::Maction> = create_node_ref();
        let _: NodeRef<math::Merror> = create_node_ref();
        let _: NodeRef<math::Mfenced> = create_node_ref();
        let _: NodeRef<math::Mmultiscripts> = create_node_ref();
        let _: NodeRef<math::Mprescripts> = create_node_ref();
        let _: NodeRef<math::Mstyle> = create_node_ref();
        assert_eq!(math::annotation_xml().tag_name(), "annotation-xml");
        view! { <svg node_ref=icon viewBox="0 0 4 4"><circle r="1"/></svg> }
    });
    let svg = find(&container, "svg");
    assert_eq!(
        svg.namespace_uri().as_deref(),
        Some("http://www.w3.org/2000/svg")
    );
    assert_eq!(
        find(&container, "circle").namespace_uri().as_deref(),
        Some("http://www.w3.org/2000/svg")
    );
    handle.unmount();
}

/// A `<select prop:value>` whose options come from a `<For>` shows the
/// selected option on the first render and after a `batch` that writes
/// the options and the value together (probe34): `view!` sets a select's
/// value after its children, whatever the order of the effects.
#[wasm_bindgen_test]
fn a_selects_value_is_set_after_its_options() {
    let container = test_container();
    let (options, set_options) = create_signal(vec!["a".to_string(), "b".to_string()]);
    let (selected, set_selected) = create_signal("b".to_string());
    let handle = mount_to_with_handle(container.clone(), move || {
        view! {
            <select id="dynamic" prop:value=move || selected.get()>
                <For each=move || options.get() key=|o| o.clone() let:o>
                    <option value=o.clone()>{o.clone()}</option>
                </For>
            </select>
            <select id="attr" value=move || selected.get()>
                <option value="a">"a"</option>
                <option value="b">"b"</option>
            </select>
        }
    });
    let value = |id: &str| {
        find(&container, id)
            .unchecked_into::<web_sys::HtmlSelectElement>()
            .value()
    };
    assert_eq!(value("#dynamic"), "b", "the first render");
    batch(|| {
        set_options.set(vec!["a".into(), "b".into(), "c".into()]);
        set_selected.set("c".into());
    });
    assert_eq!(value("#dynamic"), "c", "options and value in one batch");
    set_selected.set("a".into());
    assert_eq!(value("#dynamic"), "a");
    assert_eq!(value("#attr"), "a");
    handle.unmount();
}
