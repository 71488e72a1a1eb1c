//! The script, URL and handler policy (see `larkspur::safety`): inert
//! `<script>` elements, `data:` script URLs, SVG animation values, URL
//! properties given objects, `xlink:href` in its namespace, `on…`
//! attributes from strings, case-insensitive URL names in templates, and
//! nestings the HTML parser would rewrite.
#![cfg(target_arch = "wasm32")]

mod common;

use common::{click, find, let_tasks_run, test_container};
use larkspur::*;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const XLINK: &str = "http://www.w3.org/1999/xlink";

fn flag(name: &str) -> JsValue {
    js_sys::Reflect::get(&js_sys::global(), &name.into()).unwrap()
}

#[wasm_bindgen_test]
async fn framework_scripts_are_inert() {
    let c = test_container();
    let (code, set_code) = create_signal(String::from("window.__policy_text = 1"));
    let src = String::from("data:text/javascript,window.__policy_src=1");
    let _h = mount_to_with_handle(c.clone(), move || {
        view! {
            <div>
                <script id="child">{code}</script>
                <script id="prop" prop:text="window.__policy_prop = 1"></script>
                <script id="src" src=src.clone()></script>
                // A literal `src` is the author's and is kept; the script
                // stays inert all the same.
                <script id="lit" src="data:text/javascript,window.__policy_src=1"></script>
            </div>
        }
    });
    let built = html::script().child("window.__policy_builder = 1");
    let _h2 = mount_to_with_handle(c.clone(), move || built);
    let dynamic = larkspur::dom::create_element_dynamic("SCRIPT");
    dynamic.set_text_content(Some("window.__policy_dynamic = 1"));
    c.append_child(&dynamic).unwrap();
    set_code.set("window.__policy_text2 = 1".into());
    let_tasks_run().await;
    for name in [
        "__policy_text",
        "__policy_text2",
        "__policy_prop",
        "__policy_src",
        "__policy_builder",
        "__policy_dynamic",
    ] {
        assert!(flag(name).is_undefined(), "{name} ran");
    }
    // The script-typed data: URL is refused outright, too.
    assert_eq!(find(&c, "#src").get_attribute("src"), None);
    assert!(find(&c, "#lit").get_attribute("src").is_some());
    // Data blocks keep their text.
    assert_eq!(
        find(&c, "#child").text_content().as_deref(),
        Some("window.__policy_text2 = 1")
    );
}

#[wasm_bindgen_test]
fn svg_animation_values_are_url_checked() {
    let c = test_container();
    let _h = mount_to_with_handle(c.clone(), || {
        svg::svg().child(
            svg::a()
                .attr("id", "target")
                .child(
                    svg::set()
                        .attr("id", "set")
                        .attr("attributeName", "href")
                        .attr("to", "javascript:window.__policy_svg=1"),
                )
                .child(
                    svg::animate()
                        .attr("id", "animate")
                        .attr("attributeName", "href")
                        .attr("values", "#ok;JavaScript:window.__policy_svg=1")
                        .attr("from", " javascript:window.__policy_svg=1")
                        .attr("by", "javascript:1"),
                )
                .child(
                    svg::animate()
                        .attr("id", "plain")
                        .attr("attributeName", "x")
                        .attr("values", "0;10;0")
                        .attr("to", "10"),
                )
                .child(svg::text().child("x")),
        )
    });
    for (id, attr) in [
        ("set", "to"),
        ("animate", "values"),
        ("animate", "from"),
        ("animate", "by"),
    ] {
        assert_eq!(
            find(&c, &format!("#{id}")).get_attribute(attr),
            None,
            "{id} {attr}"
        );
    }
    // Ordinary animation values pass.
    assert_eq!(
        find(&c, "#plain").get_attribute("values").as_deref(),
        Some("0;10;0")
    );
    assert_eq!(
        find(&c, "#plain").get_attribute("to").as_deref(),
        Some("10")
    );
}

#[wasm_bindgen_test]
fn url_properties_check_non_string_values() {
    let c = test_container();
    let url: JsValue = web_sys::Url::new("javascript:window.__policy_prop_url=1")
        .unwrap()
        .into();
    let ok: JsValue = web_sys::Url::new("https://example.com/a").unwrap().into();
    // An object whose `toString` answers differently the second time.
    let sneaky = js_sys::eval(
        "(() => { let n = 0; return { toString() { return n++ ? 'javascript:window.__policy_sneaky=1' : '/safe'; } }; })()",
    )
    .unwrap();
    let _h = mount_to_with_handle(c.clone(), move || {
        html::div()
            .child(
                html::a()
                    .attr("id", "bad")
                    .prop("href", url.clone())
                    .child("bad"),
            )
            .child(
                html::a()
                    .attr("id", "good")
                    .prop("href", ok.clone())
                    .child("good"),
            )
            .child(
                html::a()
                    .attr("id", "sneaky")
                    .prop("href", sneaky.clone())
                    .child("s"),
            )
    });
    let href = |id: &str| {
        find(&c, id)
            .unchecked_into::<web_sys::HtmlAnchorElement>()
            .href()
    };
    assert!(!href("#bad").starts_with("javascript:"), "{}", href("#bad"));
    assert_eq!(href("#good"), "https://example.com/a");
    // Converted once, checked, and that string assigned.
    assert!(href("#sneaky").ends_with("/safe"), "{}", href("#sneaky"));
}

#[wasm_bindgen_test]
fn xlink_href_goes_into_the_xlink_namespace() {
    let c = test_container();
    let _h = mount_to_with_handle(c.clone(), || {
        view! {
            <svg>
                <defs><circle id="icon" r="5"/></defs>
                <use_ xlink:href="#icon"/>
            </svg>
        }
    });
    let used = find(&c, "use");
    assert_eq!(
        used.get_attribute_ns(Some(XLINK), "href").as_deref(),
        Some("#icon")
    );
    let _h = mount_to_with_handle(c.clone(), || {
        svg::svg().child(svg::use_().attr("id", "u2").attr("xlink:href", "#icon"))
    });
    assert_eq!(
        find(&c, "#u2")
            .get_attribute_ns(Some(XLINK), "href")
            .as_deref(),
        Some("#icon")
    );
}

#[wasm_bindgen_test]
fn on_attributes_refuse_strings() {
    let c = test_container();
    let user = String::from("window.__policy_onclick = 1");
    let onerror = String::from("window.__policy_onerror = 1");
    let _h = mount_to_with_handle(c.clone(), move || {
        view! {
            <div>
                <button id="b1" onclick=user.clone()>"a"</button>
                <button id="b2" ONCLICK=user.clone()>"b"</button>
                <img id="i" onerror=onerror.clone() src="data:,x"/>
                <details id="d" open="">"c"</details>
            </div>
        }
    });
    for id in ["#b1", "#b2"] {
        assert_eq!(find(&c, id).get_attribute("onclick"), None);
        click(&find(&c, id));
    }
    assert_eq!(find(&c, "#i").get_attribute("onerror"), None);
    assert!(flag("__policy_onclick").is_undefined());
    // `open` is not a handler.
    assert_eq!(find(&c, "#d").get_attribute("open").as_deref(), Some(""));
}

/// What the author writes literally in `view!` is their own source, set as
/// written (as Leptos 0.6 does, and as markup in `index.html` would be):
/// an inline handler such as the Leptos book's auto-submitting form's
/// `oninput="this.form.requestSubmit()"`, or `href="javascript:void(0)"`.
/// Only values computed at run time are checked.
#[wasm_bindgen_test]
fn literal_handlers_and_urls_in_view_are_the_authors() {
    let c = test_container();
    let (title, _) = create_signal("t");
    let _h = mount_to_with_handle(c.clone(), move || {
        view! {
            <div>
                <button id="lit" ONCLICK="window.__policy_literal = 1">"a"</button>
                // After a run-time attribute (set in source order).
                <button id="after" title=title onclick="window.__policy_after = 1">"b"</button>
                <a id="void" href="javascript:void(0)">"c"</a>
                // Not templated (a spread): the builder path.
                <a id="built" {..vec![("data-x", "1".into_attribute())]} href="javascript:void(0)">"d"</a>
            </div>
        }
    });
    assert_eq!(
        find(&c, "#lit").get_attribute("onclick").as_deref(),
        Some("window.__policy_literal = 1")
    );
    click(&find(&c, "#lit"));
    assert_eq!(flag("__policy_literal").as_f64(), Some(1.0));
    click(&find(&c, "#after"));
    assert_eq!(flag("__policy_after").as_f64(), Some(1.0));
    for id in ["#void", "#built"] {
        assert_eq!(
            find(&c, id).get_attribute("href").as_deref(),
            Some("javascript:void(0)")
        );
    }
}

#[wasm_bindgen_test]
fn url_names_are_checked_in_any_case() {
    let c = test_container();
    let url = String::from("javascript:window.__policy_case=1");
    let _h = mount_to_with_handle(c.clone(), move || {
        view! {
            <div>
                <a id="a" HREF=url.clone()>"a"</a>
                <form><button id="b" formAction=url.clone()>"b"</button></form>
            </div>
        }
    });
    assert_eq!(find(&c, "#a").get_attribute("href"), None);
    assert_eq!(find(&c, "#b").get_attribute("formaction"), None);
}

#[wasm_bindgen_test]
fn nestings_the_parser_rewrites_render_as_written() {
    let c = test_container();
    let _h = mount_to_with_handle(c.clone(), || {
        view! {
            <div id="root">
                <ul><li id="outer-li"><div><li id="inner-li">"in"</li></div></li></ul>
                <a id="outer-a" href="#x"><span><a id="inner-a" href="#y">"link"</a></span></a>
                <dl><dd id="dd"><div><dt id="dt">"t"</dt></div></dd></dl>
            </div>
        }
    });
    let parent_of = |id: &str| -> String {
        find(&c, id)
            .parent_element()
            .unwrap()
            .parent_element()
            .unwrap()
            .id()
    };
    assert_eq!(parent_of("#inner-li"), "outer-li");
    assert_eq!(parent_of("#inner-a"), "outer-a");
    assert_eq!(parent_of("#dt"), "dd");
}
