//! The template-cloning primitives `view!` compiles to (`__private`):
//! parse once, clone per use, walk to the holes, attach dynamic parts.
#![cfg(target_arch = "wasm32")]

mod common;

use std::cell::Cell;
use std::rc::Rc;

use common::{click, find, test_container, text};
use larkspur::__private::{self as p, Template};
use larkspur::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

thread_local! {
    static ROW: Template = Template::new("<li class=\"row\"><b>Count: </b><!><i>static</i></li>");
}

fn row(count: ReadSignal<i32>, clicks: Rc<Cell<i32>>, selected: ReadSignal<bool>) -> View {
    let root = ROW.with(Template::clone_root);
    let b = p::first_child(&root);
    let hole = p::next_sibling(&b);
    p::insert(&root, Some(&hole), count);
    p::attr(&root, "data-count", count);
    p::class(&root, "selected", selected);
    p::style(&root, "color", move || selected.get().then_some("red"));
    p::prop(&root, "title", move || format!("count {}", count.get()));
    p::on(&root, ev::click, move |_| clicks.set(clicks.get() + 1));
    p::element_view(root)
}

#[wasm_bindgen_test]
fn clones_and_fills_holes() {
    let c = test_container();
    let (count, set_count) = create_signal(1);
    let (selected, set_selected) = create_signal(false);
    let clicks = Rc::new(Cell::new(0));
    let cl = clicks.clone();
    let _h = mount_to_with_handle(c.clone(), move || {
        html::ul()
            .child(row(count, cl.clone(), selected))
            .child(row(count, cl.clone(), selected))
    });
    let ul = find(&c, "ul");
    assert_eq!(text(&ul), "Count: 1staticCount: 1static");
    let li = find(&c, "li");
    assert_eq!(li.get_attribute("data-count").as_deref(), Some("1"));
    assert_eq!(li.title(), "count 1");
    set_count(7);
    set_selected(true);
    assert_eq!(text(&ul), "Count: 7staticCount: 7static");
    assert!(li.class_list().contains("row") && li.class_list().contains("selected"));
    assert_eq!(li.style().get_property_value("color").unwrap(), "red");
    assert_eq!(li.title(), "count 7");
    click(&li);
    assert_eq!(clicks.get(), 1);
    // The placeholder comment stays as the hole's anchor; the template
    // itself is untouched by the clones' changes.
    let fresh = ROW.with(Template::clone_root);
    assert_eq!(
        fresh.outer_html(),
        "<li class=\"row\"><b>Count: </b><!----><i>static</i></li>"
    );
}

#[wasm_bindgen_test]
fn several_roots_and_node_refs() {
    let template = Template::new("<p>one</p>two<input>");
    let content = template.clone_content();
    let first = p::first_child(&content);
    let second = p::next_sibling(&first);
    let third = p::next_sibling(&second);
    let input_ref = create_node_ref::<html::Input>();
    p::node_ref(p::as_element(&third), input_ref, html::input);
    assert!(input_ref.get_untracked().is_some());
    let view = p::nodes_view(vec![first, second, third]);
    let c = test_container();
    let _h = mount_to_with_handle(c.clone(), move || view);
    assert_eq!(c.inner_html(), "<p>one</p>two<input>");
}

#[wasm_bindgen_test]
fn dynamic_text_fills_the_template_placeholder_in_place() {
    let c = test_container();
    let (label, set_label) = create_signal(String::from("first"));
    let (shown, set_shown) = create_signal(true);
    let id = 7usize;
    let _h = mount_to_with_handle(c.clone(), move || {
        view! {
            <div class="row">
                <span class="id">{id}</span>
                <b><a>{label}</a></b>
                <p><b>"x"</b>{move || shown.get().then_some("on")}<i>"y"</i></p>
                <u>{None::<&str>}</u>
                <s>{view! { <em>"e"</em> }}</s>
                <q>{"static".to_string()}</q>
            </div>
        }
    });
    let row = find(&c, "div.row");
    // No `<!---->` anchors and no extra nodes: every hole filled its
    // placeholder (or replaced it, or removed it for `None`).
    assert_eq!(
        row.inner_html(),
        "<span class=\"id\">7</span><b><a>first</a></b><p><b>x</b>on<i>y</i></p>\
         <u></u><s><em>e</em></s><q>static</q>"
    );
    let a = find(&c, "a");
    assert_eq!(a.child_nodes().length(), 1);
    let t = a.first_child().unwrap();
    set_label("second".to_string());
    assert_eq!(text(&a), "second");
    assert_eq!(a.child_nodes().length(), 1);
    assert!(t.is_same_node(a.first_child().as_ref()), "patched in place");
    assert_eq!(find(&c, "span.id").child_nodes().length(), 1);
    assert_eq!(find(&c, "u").child_nodes().length(), 0);

    // A dynamic child switching from text to nothing and back keeps its
    // range between the two elements.
    let p_el = find(&c, "p");
    set_shown(false);
    assert_eq!(text(&p_el), "xy");
    set_shown(true);
    assert_eq!(text(&p_el), "xony");
    assert_eq!(p_el.inner_html(), "<b>x</b>on<i>y</i>");
}

#[wasm_bindgen_test]
fn custom_elements_in_a_view_are_upgraded_before_their_properties_are_set() {
    // A defined custom element whose `count` is an accessor: a template
    // clone would stay a plain element until inserted, and `prop:count`
    // would become an own property the accessor never sees.
    js_sys::eval(
        "if (!customElements.get('lark-counter')) customElements.define('lark-counter', \
         class extends HTMLElement { set count(v) { this.seen = (this.seen || []).concat([v]); } \
         get count() { return (this.seen || []).at(-1); } });",
    )
    .unwrap();
    let (n, set_n) = create_signal(1);
    let view = view! {
        <div>
            <lark-counter prop:count=move || n.get()></lark-counter>
            <p>"label"</p>
            <span>"static"</span>
        </div>
    };
    let div: web_sys::Element =
        wasm_bindgen::JsCast::unchecked_into(view.into_view().first_node().unwrap());
    let el = div.first_element_child().unwrap();
    let seen = || js_sys::Reflect::get(&el, &"seen".into()).unwrap();
    assert!(
        js_sys::Array::is_array(&seen()),
        "the accessor ran: the element was upgraded before the property was set"
    );
    set_n(2);
    assert_eq!(js_sys::Array::from(&seen()).length(), 2);
}

/// Attributes land in the element in source order, as Leptos 0.6 writes
/// them one by one (what `outerHTML` comparisons in tests see): literals
/// after a dynamic attribute are set after it, and a literal URL goes into
/// the markup like any literal (it is the author's own).
#[wasm_bindgen_test]
fn attributes_keep_their_source_order() {
    let c = test_container();
    let id = "run";
    let (kind, _) = create_signal("button");
    let _h = mount_to_with_handle(c.clone(), move || {
        view! {
            <button id=id class="btn btn-primary" type=kind>"Run"</button>
            <a href="#/" class="selected">"All"</a>
            <a href="/users?page=2" class="next" title="next">"Next"</a>
            <a href="javascript:void(0)" class="js">"Js"</a>
            <input class="field" disabled placeholder="Name"/>
        }
    });
    assert_eq!(
        c.inner_html(),
        "<button id=\"run\" class=\"btn btn-primary\" type=\"button\">Run</button>\
         <a href=\"#/\" class=\"selected\">All</a>\
         <a href=\"/users?page=2\" class=\"next\" title=\"next\">Next</a>\
         <a href=\"javascript:void(0)\" class=\"js\">Js</a>\
         <input class=\"field\" disabled=\"\" placeholder=\"Name\">"
    );
}

/// Elements cloned from a `view!` template belong to the page's document
/// before they are inserted, as 0.6's `createElement` ones do:
/// `ownerDocument.defaultView` is the window in `NodeRef::on_load`
/// (floating-ui-leptos reads it there; probe29).
#[wasm_bindgen_test]
fn template_clones_belong_to_the_pages_document_before_insertion() {
    let seen = Rc::new(Cell::new(None::<bool>));
    let s = seen.clone();
    let container = test_container();
    let handle = mount_to_with_handle(container.clone(), move || {
        let node_ref = create_node_ref::<html::Span>();
        node_ref.on_load(move |el| {
            let node: &web_sys::Node = el.as_ref();
            s.set(Some(
                !node.is_connected()
                    && node
                        .owner_document()
                        .and_then(|d| d.default_view())
                        .is_some(),
            ));
        });
        view! { <div><span _ref=node_ref class="x">"ref"</span></div> }
    });
    assert_eq!(
        seen.get(),
        Some(true),
        "detached, yet owned by the page's document"
    );
    handle.unmount();
}
