//! The XSS corpus (`tests/xss_corpus.txt`) through the head-tag components
//! of `larkspur::meta`: `Title` (with and without a formatter), `Meta`,
//! `Link`, `Style` (its CSS as text), and the attributes `Html` and `Body`
//! set on the document. Each payload goes in once as a plain string (the
//! first write) and once through a signal (the update path). The flag
//! `window.__xss` must stay unset, the text must come out literally in
//! `document.title` and in every attribute, no element may be parsed out of
//! a payload, and a URL attribute is either refused or runs no script.
#![cfg(target_arch = "wasm32")]

mod common;

use common::{let_tasks_run, scripted_url, test_container, xss_corpus, xss_executed};
use larkspur::meta::*;
use larkspur::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// `document.title` strips and collapses ASCII whitespace on read.
fn as_title(text: &str) -> String {
    text.split([' ', '\t', '\n', '\x0c', '\r'])
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

fn head_element(selector: &str) -> web_sys::Element {
    document()
        .head()
        .unwrap()
        .query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no {selector} in the head"))
}

/// Elements in the whole document, to prove none was parsed out of a payload.
fn element_count() -> u32 {
    document().get_elements_by_tag_name("*").length()
}

/// The head tags, all carrying `text`.
fn head_tags(text: impl Fn() -> String + Copy + 'static) -> impl IntoView {
    view! {
        <Title text=text/>
        <Meta name="xss-description" content=text/>
        <Meta property=text content="og"/>
        <Link id="xss-link" rel="alternate" href=text title=text hreflang=text/>
        <Style id="xss-style" media=text>{text}</Style>
        <Html lang=text class=text dir=text/>
        <Body class=text id=text/>
    }
}

/// Everything the payload `p` must have become.
fn assert_literal(p: &str) {
    let lit = Some(p);
    assert_eq!(document().title(), as_title(p), "document.title");
    let title_el = document().query_selector("title").unwrap();
    if let Some(title_el) = title_el {
        assert_eq!(
            title_el.child_element_count(),
            0,
            "markup parsed in <title>"
        );
    }
    let meta = head_element("meta[name='xss-description']");
    assert_eq!(meta.get_attribute("content").as_deref(), lit);
    let og = head_element("meta[content='og']");
    assert_eq!(og.get_attribute("property").as_deref(), lit);
    let link = head_element("#xss-link");
    assert_eq!(link.get_attribute("title").as_deref(), lit);
    assert_eq!(link.get_attribute("hreflang").as_deref(), lit);
    if let Some(href) = link.get_attribute("href") {
        assert_eq!(href, p, "link href kept literally when allowed");
        assert!(!scripted_url(&href), "link href: {href}");
    }
    let style = head_element("#xss-style");
    assert_eq!(style.text_content().as_deref(), lit, "style text");
    assert_eq!(style.child_element_count(), 0, "markup parsed in <style>");
    assert_eq!(style.get_attribute("media").as_deref(), lit);
    let root = document().document_element().unwrap();
    for attr in ["lang", "class", "dir"] {
        assert_eq!(root.get_attribute(attr).as_deref(), lit, "<html {attr}>");
    }
    let body = document().body().unwrap();
    assert_eq!(body.get_attribute("class").as_deref(), lit, "<body class>");
    assert_eq!(body.get_attribute("id").as_deref(), lit, "<body id>");
}

#[wasm_bindgen_test]
async fn payloads_stay_data_in_head_tags_and_the_title() {
    let list = xss_corpus();
    let original_title = document().title();
    let before = element_count();

    // The first write of each tag: a plain string.
    for p in &list {
        let c = test_container();
        let text = p.clone();
        let handle = mount_to_with_handle(c.clone(), move || {
            let text = store_value(text);
            head_tags(move || text.get_value())
        });
        assert_literal(p);
        handle.unmount();
        c.remove();
        assert_eq!(element_count(), before, "tags removed with their owner");
    }

    // Updates: one set of tags, every payload through a signal.
    let c = test_container();
    let (current, set_current) = create_signal(String::new());
    let handle = mount_to_with_handle(c.clone(), move || head_tags(move || current.get()));
    let scripts = document().get_elements_by_tag_name("script").length();
    let mounted = element_count();
    for p in &list {
        set_current.set(p.clone());
        assert_literal(p);
        assert_eq!(element_count(), mounted, "no element parsed out of {p:?}");
    }
    assert_eq!(
        document().get_elements_by_tag_name("script").length(),
        scripts
    );
    let_tasks_run().await;
    assert!(!xss_executed(), "a payload ran");
    handle.unmount();
    c.remove();
    assert_eq!(element_count(), before);
    assert_eq!(document().title(), original_title, "the title is restored");
    let root = document().document_element().unwrap();
    assert_eq!(
        root.get_attribute("class"),
        None,
        "<html> attributes removed"
    );
    assert_eq!(document().body().unwrap().get_attribute("id"), None);
}

#[wasm_bindgen_test]
async fn payloads_stay_data_through_a_title_formatter() {
    let list = xss_corpus();
    // A formatter made from the payload (formatters are plain functions,
    // read untracked), and the payload as the text it formats.
    for p in &list {
        let c = test_container();
        let (prefix, text) = (p.clone(), p.clone());
        let handle = mount_to_with_handle(c.clone(), move || {
            view! {
                <Title formatter=move |t: String| format!("{prefix} | {t}")/>
                <Title text=text/>
            }
        });
        assert_eq!(document().title(), as_title(&format!("{p} | {p}")));
        handle.unmount();
        c.remove();
    }
    let_tasks_run().await;
    assert!(!xss_executed(), "a payload ran");
}
