//! Classic XSS payloads rendered through text, attributes, classes, styles
//! and properties must stay inert: the global `window.__xss_executed` flag
//! stays unset and no element is created from a payload. Script-bearing
//! URLs in URL attributes are refused unless wrapped in `TrustedUrl`.
#![cfg(target_arch = "wasm32")]

mod common;

use common::{find, find_all, let_tasks_run, test_container, text};
use larkspur::*;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const SET: &str = "window.__xss_executed=1";

fn payloads() -> Vec<String> {
    [
        "<script>window.__xss_executed=1</script>",
        "<img src=x onerror=\"window.__xss_executed=1\">",
        "<svg onload=\"window.__xss_executed=1\">",
        "\"><script>window.__xss_executed=1</script>",
        "'><img src=x onerror=window.__xss_executed=1>",
        "<body onload=window.__xss_executed=1>",
        "<iframe src=\"javascript:window.__xss_executed=1\"></iframe>",
        "<iframe srcdoc=\"<script>parent.__xss_executed=1</script>\"></iframe>",
        "javascript:window.__xss_executed=1",
        "JaVaScRiPt:window.__xss_executed=1",
        " \t\njavascript:window.__xss_executed=1",
        "java\tscript:window.__xss_executed=1",
        "java&#x09;script:window.__xss_executed=1",
        "vbscript:msgbox(1)",
        "data:text/html,<script>parent.__xss_executed=1</script>",
        "data:text/html;base64,PHNjcmlwdD5wYXJlbnQuX194c3NfZXhlY3V0ZWQ9MTwvc2NyaXB0Pg==",
        "<a href=\"javascript:window.__xss_executed=1\">x</a>",
        "<details open ontoggle=window.__xss_executed=1>",
        "<input autofocus onfocus=window.__xss_executed=1>",
        "<video><source onerror=\"window.__xss_executed=1\"></video>",
        "<math><mtext><table><mglyph><style><img src=x onerror=window.__xss_executed=1>",
        "<object data=\"javascript:window.__xss_executed=1\"></object>",
        "<embed src=\"javascript:window.__xss_executed=1\">",
        "<form action=\"javascript:window.__xss_executed=1\"><button>go</button></form>",
        "<marquee onstart=window.__xss_executed=1>",
        "<style>@import 'javascript:window.__xss_executed=1';</style>",
        "expression(window.__xss_executed=1)",
        "red; background-image: url(javascript:window.__xss_executed=1)",
        "url(\"javascript:window.__xss_executed=1\")",
        "\" onmouseover=\"window.__xss_executed=1",
        "' onclick='window.__xss_executed=1",
        "</textarea><script>window.__xss_executed=1</script>",
        "<!--<img src=x onerror=window.__xss_executed=1>-->",
        "<![CDATA[<script>window.__xss_executed=1</script>]]>",
        "{{constructor.constructor('window.__xss_executed=1')()}}",
        "%3Cscript%3Ewindow.__xss_executed=1%3C/script%3E",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect()
}

fn flag() -> JsValue {
    js_sys::Reflect::get(&js_sys::global(), &"__xss_executed".into()).unwrap()
}

fn reset_flag() {
    js_sys::Reflect::delete_property(
        &js_sys::global().unchecked_into::<js_sys::Object>(),
        &"__xss_executed".into(),
    )
    .unwrap();
}

#[wasm_bindgen_test]
async fn payloads_stay_inert_everywhere() {
    reset_flag();
    let c = test_container();
    let list = payloads();
    assert!(list.len() >= 30);
    let (dynamic, set_dynamic) = create_signal(String::new());
    let rows = list.clone();
    let _h = mount_to_with_handle(c.clone(), move || {
        let rows = rows.clone();
        html::div().child(
            rows.into_iter()
                .enumerate()
                .map(move |(i, p)| {
                    html::section()
                        .attr("id", format!("row{i}"))
                        .attr("title", p.clone())
                        .attr("data-payload", p.clone())
                        .attr("class", p.clone())
                        .attr("href", p.clone())
                        .style("color", p.clone())
                        .style("background-image", format!("url({p})"))
                        .child(html::p().child(p.clone()))
                        .child(html::a().attr("href", p.clone()).child("link"))
                        .child(html::img().attr("src", p.clone()).attr("alt", p.clone()))
                        .child(html::iframe().attr("src", p.clone()))
                        .child(
                            html::form().attr("action", p.clone()).child(
                                html::button()
                                    .attr("formaction", p.clone())
                                    .attr("type", "button")
                                    .child("b"),
                            ),
                        )
                        .child(
                            html::input()
                                .prop("value", p.clone())
                                .prop("title", p.clone()),
                        )
                        .child(html::textarea().prop("value", p.clone()))
                        .child(html::span().prop("textContent", p.clone()))
                        .child(html::span().prop("innerHTML", p.clone()))
                        .child(html::b().child(dynamic))
                })
                .collect_view(),
        )
    });
    for p in &list {
        set_dynamic(p.clone());
    }
    // The browser's own URL parsing: no link ended up with a script scheme.
    // (Links are not clicked: a harmless relative URL would navigate the
    // test page away.)
    for a in find_all(&c, "a") {
        let a: web_sys::HtmlAnchorElement = a.unchecked_into();
        if a.has_attribute("href") {
            let protocol = a.protocol();
            assert!(
                protocol != "javascript:" && protocol != "vbscript:",
                "{}",
                a.href()
            );
            assert!(
                !(protocol == "data:" && a.href().to_lowercase().contains("text/html")),
                "{}",
                a.href()
            );
        }
    }
    let_tasks_run().await;
    assert!(flag().is_undefined(), "a payload executed");

    // Nothing was parsed into elements: only the ones we built exist.
    let n = list.len();
    assert_eq!(find_all(&c, "script").len(), 0);
    assert_eq!(find_all(&c, "svg").len(), 0);
    assert_eq!(find_all(&c, "img").len(), n);
    assert_eq!(find_all(&c, "iframe").len(), n);
    assert_eq!(find_all(&c, "a").len(), n);
    assert_eq!(find_all(&c, "section *").len(), n * 11);

    // Text and attribute values are the payload, verbatim.
    for (i, p) in list.iter().enumerate() {
        let row = find(&c, &format!("#row{i}"));
        assert_eq!(text(&find(&row, "p")), *p);
        assert_eq!(row.get_attribute("title").as_deref(), Some(p.as_str()));
        assert_eq!(
            row.get_attribute("data-payload").as_deref(),
            Some(p.as_str())
        );
        let input: web_sys::HtmlInputElement = find(&row, "input").unchecked_into();
        // (a text input's value sanitization strips line breaks)
        assert_eq!(input.value(), p.replace(['\n', '\r'], ""));
        assert_eq!(
            find(&row, "span").text_content().as_deref(),
            Some(p.as_str())
        );
        assert_eq!(
            find_all(&row, "span")[1].inner_html(),
            "",
            "prop(\"innerHTML\") is refused"
        );
        assert_eq!(text(&find(&row, "b")), *list.last().unwrap());
    }
}

#[wasm_bindgen_test]
fn script_urls_are_refused_in_url_attributes() {
    let c = test_container();
    let _h = mount_to_with_handle(c.clone(), || {
        html::div()
            .child(
                html::a()
                    .attr("id", "js")
                    .attr("href", format!("javascript:{SET}")),
            )
            .child(
                html::a()
                    .attr("id", "vb")
                    .attr("href", "vbscript:msgbox(1)"),
            )
            .child(
                html::iframe()
                    .attr("id", "data")
                    .attr("src", "data:text/html,<script>1</script>"),
            )
            .child(
                html::form()
                    .attr("id", "form")
                    .attr("action", " javascript:void(0)"),
            )
            .child(
                html::button()
                    .attr("id", "btn")
                    .attr("formaction", "JAVASCRIPT:void(0)"),
            )
            .child(
                html::a()
                    .attr("id", "prop")
                    .prop("href", "javascript:void(0)"),
            )
            .child(
                html::a()
                    .attr("id", "ok")
                    .attr("href", "https://example.com/?q=javascript:"),
            )
            .child(
                html::a()
                    .attr("id", "rel")
                    .attr("href", "/path#javascript:"),
            )
            .child(
                html::img()
                    .attr("id", "png")
                    .attr("src", "data:image/png;base64,AAAA"),
            )
            .child(
                html::a()
                    .attr("id", "trusted")
                    .attr("href", TrustedUrl::new("javascript:void(0)")),
            )
            .child(
                html::a()
                    .attr("id", "title")
                    .attr("title", "javascript:is fine as a title"),
            )
            .child(
                html::object()
                    .attr("id", "object")
                    .attr("data", format!("javascript:{SET}")),
            )
            .child(html::iframe().attr("id", "xml").attr(
                "src",
                "data:text/xml,<x:script xmlns:x='http://www.w3.org/1999/xhtml'>1</x:script>",
            ))
    });
    // `<object>`'s `data` is a URL too, and XML `data:` documents can carry
    // XHTML scripts (review-107).
    assert!(!find(&c, "#object").has_attribute("data"));
    assert!(!find(&c, "#xml").has_attribute("src"));
    for id in ["js", "vb", "data", "form", "btn"] {
        let el = find(&c, &format!("#{id}"));
        assert!(
            !el.has_attribute("href") && !el.has_attribute("src"),
            "{id}"
        );
        assert!(
            !el.has_attribute("action") && !el.has_attribute("formaction"),
            "{id}"
        );
    }
    assert!(
        !find(&c, "#prop").has_attribute("href"),
        "the href property is checked too"
    );
    assert_eq!(
        find(&c, "#ok").get_attribute("href").as_deref(),
        Some("https://example.com/?q=javascript:")
    );
    assert_eq!(
        find(&c, "#rel").get_attribute("href").as_deref(),
        Some("/path#javascript:")
    );
    assert_eq!(
        find(&c, "#png").get_attribute("src").as_deref(),
        Some("data:image/png;base64,AAAA")
    );
    assert_eq!(
        find(&c, "#trusted").get_attribute("href").as_deref(),
        Some("javascript:void(0)")
    );
    assert_eq!(
        find(&c, "#title").get_attribute("title").as_deref(),
        Some("javascript:is fine as a title")
    );
}

#[wasm_bindgen_test]
fn reactive_url_switching_to_javascript_is_removed() {
    let c = test_container();
    let (url, set_url) = create_signal(String::from("/home"));
    let _h = mount_to_with_handle(c.clone(), move || html::a().attr("href", url).child("go"));
    let a = find(&c, "a");
    assert_eq!(a.get_attribute("href").as_deref(), Some("/home"));
    set_url(format!("javascript:{SET}"));
    assert!(
        !a.has_attribute("href"),
        "the old safe URL is removed, the unsafe one not set"
    );
    set_url("/about".into());
    assert_eq!(a.get_attribute("href").as_deref(), Some("/about"));
}

#[wasm_bindgen_test]
fn the_detector_works() {
    // Positive control: an inline handler attribute (source the author
    // vouches for with TrustedUrl, the documented opt-out; a plain string
    // is refused) runs synchronously and sets the flag, so the checks
    // above would have seen an executed payload.
    reset_flag();
    let c = test_container();
    let _h = mount_to_with_handle(c.clone(), || {
        html::button().attr("onclick", TrustedUrl::new(SET))
    });
    find(&c, "button").click();
    assert_eq!(flag().as_f64(), Some(1.0));
    reset_flag();
}

/// Starts collecting `console.warn` lines (see [`stop_capturing`]).
fn capture_warnings() -> js_sys::Array {
    let install = js_sys::Function::new_no_args(
        "const lines = [];
         const original = console.warn;
         console.warn = function (...args) { lines.push(args.join(' ')); };
         lines.restore = () => { console.warn = original; };
         return lines;",
    );
    install.call0(&JsValue::NULL).unwrap().into()
}

/// Puts `console.warn` back and returns the lines collected.
fn stop_capturing(lines: js_sys::Array) -> Vec<String> {
    let restore: js_sys::Function = js_sys::Reflect::get(&lines, &"restore".into())
        .unwrap()
        .into();
    restore.call0(&JsValue::NULL).unwrap();
    lines.iter().map(|v| v.as_string().unwrap()).collect()
}

#[wasm_bindgen_test]
fn refusals_warn_in_debug_builds() {
    let lines = capture_warnings();
    let c = test_container();
    let _h = mount_to_with_handle(c.clone(), || {
        html::a()
            .attr("href", "javascript:alert(1)")
            .child(html::span().prop("innerHTML", "<b>x</b>"))
    });
    let warnings = stop_capturing(lines);
    if cfg!(debug_assertions) {
        assert_eq!(warnings.len(), 2, "{warnings:?}");
        assert!(warnings[0].contains("href") && warnings[0].contains("TrustedUrl"));
        assert!(warnings[1].contains("innerHTML"));
    } else {
        assert!(warnings.is_empty());
    }
}

#[wasm_bindgen_test]
fn srcdoc_attribute_and_upper_case_url_names_are_refused() {
    reset_flag();
    let c = test_container();
    let payload = "<script>parent.__xss_executed=1</script>".to_string();
    let _h = mount_to_with_handle(c.clone(), move || {
        html::div()
            .child(html::iframe().attr("srcdoc", payload.clone()))
            .child(html::iframe().attr("SRCDOC", payload))
            .child(
                html::a()
                    .attr("HREF", "javascript:parent.__xss_executed=1")
                    .child("x"),
            )
    });
    for frame in c.query_selector_all("iframe").unwrap().values() {
        let frame: web_sys::Element = frame.unwrap().unchecked_into();
        assert!(!frame.has_attribute("srcdoc"), "srcdoc must not be set");
    }
    let a = find(&c, "a");
    assert!(
        !a.has_attribute("href"),
        "an upper-case HREF is still a URL attribute"
    );
    // Trusted markup is the explicit way in.
    let trusted = html::iframe().attr("srcdoc", TrustedUrl::new("<p>trusted</p>"));
    let frame: web_sys::Element = match trusted.into_view() {
        View::Element(e) => e,
        other => panic!("expected an element, got {other:?}"),
    };
    assert_eq!(
        frame.get_attribute("srcdoc").as_deref(),
        Some("<p>trusted</p>")
    );
    assert_ne!(flag().as_f64(), Some(1.0));
}

/// A refused value is remembered as it was, so an effect that reruns with
/// the same refused text neither rewrites nor warns again; a safe URL that
/// turns into the same text from a `TrustedUrl` is not rewritten either
/// (a frame would reload).
#[wasm_bindgen_test]
async fn a_refused_value_rerun_unchanged_warns_once() {
    let lines = capture_warnings();
    let c = test_container();
    let (n, set_n) = create_signal(0);
    let _h = mount_to_with_handle(c.clone(), move || {
        view! {
            <a id="refused" href=move || { n.get(); "javascript:alert(1)".to_string() }>"x"</a>
            <a id="safe" href=move || {
                if n.get() % 2 == 1 {
                    TrustedUrl::new("/page").into_attribute()
                } else {
                    "/page".into_attribute()
                }
            }>"y"</a>
        }
    });
    let safe = find(&c, "#safe");
    safe.set_attribute("data-before", "1").unwrap();
    // A rewrite of `href` would be seen by this observer.
    let observer_records = js_sys::Array::new();
    let records = observer_records.clone();
    let callback =
        wasm_bindgen::closure::Closure::<dyn Fn(js_sys::Array)>::new(move |r: js_sys::Array| {
            for record in r.iter() {
                records.push(&record);
            }
        });
    let observer = web_sys::MutationObserver::new(callback.as_ref().unchecked_ref()).unwrap();
    let options = web_sys::MutationObserverInit::new();
    options.set_attributes(true);
    options.set_subtree(true);
    observer.observe_with_options(&c, &options).unwrap();
    for i in 1..=3 {
        set_n.set(i);
        let_tasks_run().await;
    }
    let taken = observer.take_records();
    observer.disconnect();
    let warnings = stop_capturing(lines);
    assert_eq!(
        taken.length() + observer_records.length(),
        0,
        "no attribute was rewritten"
    );
    assert_eq!(find(&c, "#refused").get_attribute("href"), None);
    assert_eq!(safe.get_attribute("href").as_deref(), Some("/page"));
    // The first run's refusal only.
    let expected = usize::from(cfg!(debug_assertions));
    assert_eq!(warnings.len(), expected, "{warnings:?}");
}

/// A checked name's string literal is the author's: on a component's
/// `attr:` (spread onto its element, or given to `<Body>`) as on an
/// element. A `TrustedUrl` given to `<Body>` stays trusted; the same text
/// as a plain string is refused.
#[wasm_bindgen_test]
fn literals_on_components_and_trusted_values_on_body_are_set() {
    #[component]
    fn Link(#[prop(attrs)] attrs: Vec<(&'static str, Attribute)>) -> impl IntoView {
        view! { <a id="link" {..attrs}>"link"</a> }
    }
    let c = test_container();
    let h = mount_to_with_handle(c.clone(), move || {
        view! {
            <Link attr:href="javascript:void(0)"/>
            <larkspur::meta::Body attr:onauxclick="void 0" attr:onmouseover=String::from("void 0")
                attr:ondblclick=TrustedUrl::new("void 0")/>
        }
    });
    assert_eq!(
        find(&c, "#link").get_attribute("href").as_deref(),
        Some("javascript:void(0)")
    );
    let body = document().body().unwrap();
    assert_eq!(body.get_attribute("ondblclick").as_deref(), Some("void 0"));
    assert_eq!(body.get_attribute("onauxclick").as_deref(), Some("void 0"));
    assert_eq!(
        body.get_attribute("onmouseover"),
        None,
        "a plain string is refused"
    );
    h.unmount();
    assert_eq!(body.get_attribute("ondblclick"), None);
    assert_eq!(body.get_attribute("onauxclick"), None);
}
