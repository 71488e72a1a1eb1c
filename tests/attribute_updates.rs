//! Reactive attributes and `inner_html` are written when their value
//! changes, not on every run of what they read (Leptos 0.6): the same
//! `class` again keeps the `class:` names added since, the same markup
//! again keeps the subtree (and its focus and state).
#![cfg(target_arch = "wasm32")]

mod common;

use common::{find, test_container};
use larkspur::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn the_same_class_again_keeps_the_class_directives() {
    let container = test_container();
    let (theme, set_theme) = create_signal((true, 12));
    let (selected, set_selected) = create_signal(false);
    let _h = mount_to_with_handle(container.clone(), move || {
        view! {
            <div id="card"
                class=move || if theme.with(|t| t.0) { "card dark" } else { "card" }
                class:selected=move || selected.get()
            ></div>
        }
    });
    let card = find(&container, "#card");
    set_selected.set(true);
    assert_eq!(card.class_name(), "card dark selected");
    // Another field of the theme: the class value is the same.
    set_theme.update(|t| t.1 += 1);
    assert_eq!(card.class_name(), "card dark selected");
    // A new class value replaces the attribute (and the directive's name
    // with it, as in 0.6).
    set_theme.update(|t| t.0 = false);
    assert_eq!(card.class_name(), "card");
}

#[wasm_bindgen_test]
fn the_same_inner_html_again_keeps_the_subtree() {
    let container = test_container();
    let (doc, set_doc) = create_signal((String::from("<input id='field'>"), 0));
    let _h = mount_to_with_handle(container.clone(), move || {
        view! { <div id="doc" inner_html=move || doc.with(|d| d.0.clone())></div> }
    });
    let field = find(&container, "#field");
    set_doc.update(|d| d.1 += 1);
    assert!(field.is_connected(), "the same markup rebuilt the subtree");
    set_doc.update(|d| d.0 = String::from("<b>new</b>"));
    assert!(!field.is_connected());
    assert_eq!(find(&container, "#doc").inner_html(), "<b>new</b>");
}

/// `inner_html` through `.attr`, a spread or a closure sets the markup, as
/// `inner_html=` in `view!` does and as Leptos 0.6's attribute code does
/// (review62: it became a literal `inner_html` attribute).
#[wasm_bindgen_test]
fn inner_html_given_as_an_attribute_is_the_markup() {
    let container = test_container();
    let (markup, set_markup) = create_signal("<i>one</i>".to_string());
    let _h = mount_to_with_handle(container.clone(), move || {
        let attrs: Vec<(&'static str, Attribute)> =
            vec![("inner_html", "<b>spread</b>".into_attribute())];
        view! {
            <div>
                {html::div().id("built").attr("inner_html", "<b>built</b>")}
                <p id="spread" {..attrs}></p>
                {html::div().id("live").attr("inner_html", move || markup.get())}
            </div>
        }
    });
    let built = find(&container, "#built");
    assert_eq!(built.inner_html(), "<b>built</b>");
    assert!(!built.has_attribute("inner_html"));
    assert_eq!(find(&container, "#spread").inner_html(), "<b>spread</b>");
    let live = find(&container, "#live");
    assert_eq!(live.inner_html(), "<i>one</i>");
    set_markup.set("<i>two</i>".into());
    assert_eq!(live.inner_html(), "<i>two</i>");
    assert!(!live.has_attribute("inner_html"));
}

/// An `inner_html` whose name was built at run time (a spread of bindings
/// made from data) does not become markup: only a name written in code
/// sets it, as `srcdoc` is refused from data (review of the session's
/// diff: data keys could inject markup).
#[wasm_bindgen_test]
fn inner_html_named_by_data_is_refused() {
    let container = test_container();
    let _h = mount_to_with_handle(container.clone(), move || {
        let from_data: Vec<Binding> = vec![Binding::Attribute {
            name: Oco::Owned(String::from("inner_html")),
            value: "<img src=x>".into_attribute(),
        }];
        // `.attr` with a key read from data (review-107: it skipped the
        // check the spread makes), and the same with a trusted value.
        let key = String::from("inner_html");
        let built = html::div()
            .id("attr-data")
            .attr(key.clone(), "<img src=x>")
            .child("kept too");
        let trusted = html::div()
            .id("attr-trusted")
            .attr(key, TrustedUrl::new("<b>trusted</b>"));
        view! { <div><p id="data" {..from_data}>"kept"</p>{built}{trusted}</div> }
    });
    let p = find(&container, "#data");
    assert_eq!(p.inner_html(), "kept");
    assert!(!p.has_attribute("inner_html"));
    let built = find(&container, "#attr-data");
    assert_eq!(built.inner_html(), "kept too");
    assert!(!built.has_attribute("inner_html"));
    assert_eq!(
        find(&container, "#attr-trusted").inner_html(),
        "<b>trusted</b>"
    );
}
