//! The XSS corpus (`tests/xss_corpus.txt`, 200 payloads from the public
//! cheat sheets' vector families) pushed through every path user data
//! takes in the renderer and the router: text (static and reactive),
//! plain and URL attributes (HTML and SVG), SVG animation values, class,
//! style, properties, and router parameters and query values. Every
//! payload would set `window.__xss` if it ran: the flag must stay unset,
//! and the text must come out literally wherever it is shown as data.
#![cfg(target_arch = "wasm32")]

mod common;

use common::{
    find, find_all, let_tasks_run, scripted_url, test_container, xss_corpus, xss_executed,
};
use larkspur::router::*;
use larkspur::*;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn the_corpus_is_large_enough() {
    let list = xss_corpus();
    assert!(list.len() >= 150, "{} payloads", list.len());
    // Each one names the flag (some in encoded or split form).
    assert!(list.iter().all(|p| ["__xss", "base64,", "atob(", "'__x'"]
        .iter()
        .any(|k| p.contains(k))));
}

#[wasm_bindgen_test]
async fn payloads_stay_data_in_the_renderer() {
    let c = test_container();
    let list = xss_corpus();
    let (live, set_live) = create_signal(String::new());
    let rows = list.clone();
    let _h = mount_to_with_handle(c.clone(), move || {
        html::div()
            .child(
                rows.iter()
                    .enumerate()
                    .map(|(i, p)| {
                        let p = p.clone();
                        html::section()
                            .attr("id", format!("row{i}"))
                            .attr("title", p.clone())
                            .attr("data-payload", p.clone())
                            .attr("class", p.clone())
                            .attr("aria-label", p.clone())
                            .style("color", p.clone())
                            .style("background-image", format!("url({p})"))
                            .child(html::p().attr("class", "text").child(p.clone()))
                            .child(
                                html::a()
                                    .attr("class", "link")
                                    .attr("href", p.clone())
                                    .child("a"),
                            )
                            .child(html::img().attr("class", "img").attr("alt", p.clone()))
                            .child(
                                html::iframe()
                                    .attr("class", "frame")
                                    .attr("srcdoc", p.clone()),
                            )
                            .child(
                                html::form()
                                    .attr("class", "form")
                                    .attr("action", p.clone())
                                    .child(
                                        html::button()
                                            .attr("class", "button")
                                            .attr("type", "button")
                                            .attr("formaction", p.clone())
                                            .child("b"),
                                    ),
                            )
                            .child(
                                html::input()
                                    .attr("class", "input")
                                    .prop("value", p.clone())
                                    .attr("placeholder", p.clone()),
                            )
                            .child(
                                html::span()
                                    .attr("class", "prop-text")
                                    .prop("textContent", p.clone()),
                            )
                            .child(
                                html::a()
                                    .attr("class", "prop-link")
                                    .prop("href", p.clone())
                                    .child("p"),
                            )
                            .child(
                                svg::svg()
                                    .child(
                                        svg::a()
                                            .attr("class", "svg-link")
                                            .attr("href", p.clone())
                                            .attr("xlink:href", p.clone())
                                            .child(
                                                svg::set()
                                                    .attr("attributeName", "href")
                                                    .attr("to", p.clone()),
                                            )
                                            .child(
                                                svg::animate()
                                                    .attr("attributeName", "href")
                                                    .attr("values", p.clone()),
                                            )
                                            .child(
                                                svg::text()
                                                    .attr("class", "svg-text")
                                                    .child(p.clone()),
                                            ),
                                    )
                                    .child(svg::title().child(p.clone())),
                            )
                    })
                    .collect_view(),
            )
            .child(html::output().attr("id", "live").child(live))
    });
    for p in &list {
        set_live.set(p.clone());
        assert_eq!(
            find(&c, "#live").text_content().as_deref(),
            Some(p.as_str())
        );
    }
    let_tasks_run().await;
    assert!(!xss_executed(), "a payload ran");

    // Nothing was parsed out of a payload: only the elements built here.
    assert_eq!(find_all(&c, "img").len(), list.len());
    assert_eq!(find_all(&c, "script").len(), 0);
    assert_eq!(find_all(&c, "iframe").len(), list.len());
    assert_eq!(
        find_all(&c, "object, embed, base, meta, link, style").len(),
        0
    );

    for (i, p) in list.iter().enumerate() {
        let row = find(&c, &format!("#row{i}"));
        let lit = Some(p.as_str());
        // Text and plain attributes come out literally.
        assert_eq!(find(&row, ".text").text_content().as_deref(), lit);
        assert_eq!(find(&row, ".prop-text").text_content().as_deref(), lit);
        assert_eq!(find(&row, ".svg-text").text_content().as_deref(), lit);
        assert_eq!(row.get_attribute("title").as_deref(), lit);
        assert_eq!(row.get_attribute("data-payload").as_deref(), lit);
        assert_eq!(row.get_attribute("aria-label").as_deref(), lit);
        assert_eq!(find(&row, ".img").get_attribute("alt").as_deref(), lit);
        assert_eq!(
            find(&row, ".input")
                .unchecked_into::<web_sys::HtmlInputElement>()
                .value(),
            *p
        );
        // Markup attributes are refused.
        assert_eq!(find(&row, ".frame").get_attribute("srcdoc"), None);
        // URL attributes: refused, or a URL that runs no script.
        for (sel, attr) in [
            (".link", "href"),
            (".form", "action"),
            (".button", "formaction"),
            (".svg-link", "href"),
        ] {
            if let Some(v) = find(&row, sel).get_attribute(attr) {
                assert_eq!(v, *p, "{sel} {attr} kept literally when allowed");
                assert!(!scripted_url(&v), "{sel} {attr}: {v}");
            }
        }
        let svg_link = find(&row, ".svg-link");
        let xlink = svg_link.get_attribute_ns(Some("http://www.w3.org/1999/xlink"), "href");
        assert!(!xlink.as_deref().is_some_and(scripted_url), "{xlink:?}");
        for anim in find_all(&row, "set, animate") {
            for attr in ["to", "values"] {
                if let Some(v) = anim.get_attribute(attr) {
                    assert!(!v.split(';').any(scripted_url), "{attr}: {v}");
                }
            }
        }
        let resolved = find(&row, ".prop-link")
            .unchecked_into::<web_sys::HtmlAnchorElement>()
            .href();
        assert!(!scripted_url(&resolved), "prop href: {resolved}");
    }
}

#[component]
fn Show() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    view! {
        <p id="param">{move || params.with(|p| p.get_str("x").unwrap_or_default().to_string())}</p>
        <p id="query">{move || query.with(|q| q.get_str("q").unwrap_or_default().to_string())}</p>
    }
}

type NavigateSlot = StoredValue<Option<Box<dyn Fn(&str)>>>;

#[component]
fn Capture() -> impl IntoView {
    let slot = expect_context::<NavigateSlot>();
    let navigate = use_navigate();
    slot.set_value(Some(Box::new(move |to| {
        navigate(
            to,
            NavigateOptions {
                replace: true,
                ..Default::default()
            },
        )
    })));
}

#[wasm_bindgen_test]
async fn payloads_stay_data_in_router_params_and_query() {
    let history = web_sys::window().unwrap().history().unwrap();
    history
        .replace_state_with_url(&JsValue::NULL, "", Some("/p/start"))
        .unwrap();
    let c = test_container();
    let slot: NavigateSlot = store_value(None);
    let _h = mount_to_with_handle(c.clone(), move || {
        provide_context(slot);
        view! {
            <Router base="">
                <Capture/>
                <Routes>
                    <Route path="p/:x" view=Show/>
                </Routes>
            </Router>
        }
    });
    for p in xss_corpus() {
        let enc = String::from(js_sys::encode_uri_component(&p));
        slot.with_value(|f| f.as_ref().expect("navigate captured")(&format!("/p/{enc}?q={enc}")));
        assert_eq!(
            find(&c, "#param").text_content().as_deref(),
            Some(p.as_str())
        );
        assert_eq!(
            find(&c, "#query").text_content().as_deref(),
            Some(p.as_str())
        );
    }
    let_tasks_run().await;
    assert!(!xss_executed(), "a payload ran");
    assert_eq!(find_all(&c, "img, script, iframe, svg").len(), 0);
    history
        .replace_state_with_url(&JsValue::NULL, "", Some("/"))
        .unwrap();
}

/// Positive control, and the one documented door: `inner_html` parses its
/// string as markup, so a corpus payload given to it does run (under its
/// own flag name, so the checks above stay meaningful).
#[wasm_bindgen_test]
async fn inner_html_is_the_only_door() {
    let c = test_container();
    let payload = "<img src=x onerror=window.__xss_door=1>";
    let _h = mount_to_with_handle(c.clone(), move || html::div().inner_html(payload));
    let_tasks_run().await;
    let door = js_sys::Reflect::get(&js_sys::global(), &"__xss_door".into()).unwrap();
    assert_eq!(
        door.as_f64(),
        Some(1.0),
        "the detector sees an executed payload"
    );
}
