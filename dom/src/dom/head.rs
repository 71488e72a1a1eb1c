//! The document's head, title and root elements, for the head-tag components in `meta`.

use wasm_bindgen::JsCast;

use super::{document, Element};

/// `document.title`.
pub fn title() -> String {
    document().title()
}

/// Sets `document.title` (as text; never parsed).
pub fn set_title(title: &str) {
    document().set_title(title);
}

/// `document.head`, or the root element if the page has no `<head>`
/// (browsers always create one for HTML documents).
pub fn head() -> Element {
    let doc = document();
    match doc.head() {
        Some(head) => head.unchecked_into(),
        None => root_element(),
    }
}

/// `document.documentElement` (the `<html>` element).
pub fn root_element() -> Element {
    document()
        .document_element()
        .unwrap_or_else(|| panic!("the document has no root element"))
}

/// `document.body` as an element.
pub fn body_element() -> Element {
    super::body().unchecked_into()
}
