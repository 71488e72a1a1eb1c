//! Finding elements as a user perceives them: by text, label, ARIA role
//! and accessible name, or test id; and printing the DOM around a miss.

use std::fmt;

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, Node};

/// What a query looks for; [`Scope::try_get`](super::Scope::try_get)
/// takes one, and its `Display` names it in error messages.
#[derive(Clone, Copy, Debug)]
pub enum By<'a> {
    /// An element whose text (whitespace collapsed) is exactly this.
    Text(&'a str),
    /// A control with this label.
    Label(&'a str),
    /// An element with this ARIA role and accessible name (`""`: any).
    Role(&'a str, &'a str),
    /// An element with this `data-testid`.
    TestId(&'a str),
}

/// Why a query found no element, or more than one, with the container's
/// markup at that moment (its `Display` is what `get_by_*` panics with).
#[derive(Clone, Debug)]
pub struct QueryError {
    /// What went wrong (`no element matches text "two"`).
    pub message: String,
    /// The container's markup, one element per line.
    pub markup: String,
}

impl fmt::Display for QueryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}\n\nthe rendered markup was:\n{}",
            self.message, self.markup
        )
    }
}

impl std::error::Error for QueryError {}

impl fmt::Display for By<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            By::Text(t) => write!(f, "text {t:?}"),
            By::Label(l) => write!(f, "label {l:?}"),
            By::Role(r, "") => write!(f, "role {r:?}"),
            By::Role(r, n) => write!(f, "role {r:?} named {n:?}"),
            By::TestId(id) => write!(f, "data-testid {id:?}"),
        }
    }
}

/// The text of an element or node as a user reads it: `textContent` with
/// runs of whitespace collapsed to one space and the ends trimmed.
///
/// ```no_run
/// # use larkspur::*; use larkspur::testing::*;
/// let screen = render(|| view! { <p>"  two   words "</p> });
/// assert_eq!(text(&screen.get_by_selector("p")), "two words");
/// ```
pub fn text(node: impl AsRef<Node>) -> String {
    normalize(&node.as_ref().text_content().unwrap_or_default())
}

fn normalize(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

pub(super) fn select_all(root: &Element, selector: &str) -> Vec<HtmlElement> {
    let list = root
        .query_selector_all(selector)
        .unwrap_or_else(|_| panic!("{selector:?} is not a valid CSS selector"));
    (0..list.length())
        .filter_map(|i| list.item(i))
        .map(JsCast::unchecked_into)
        .collect()
}

pub(super) fn find(root: &Element, query: By) -> Vec<HtmlElement> {
    find_among(root, select_all(root, "*"), query)
}

/// [`find`], with `root` itself among the candidates (the top element of
/// a portal's content).
pub(super) fn find_from(root: &Element, query: By) -> Vec<HtmlElement> {
    let mut all = vec![root.clone().unchecked_into()];
    all.extend(select_all(root, "*"));
    find_among(root, all, query)
}

fn find_among(root: &Element, all: Vec<HtmlElement>, query: By) -> Vec<HtmlElement> {
    match query {
        By::Text(wanted) => all
            .into_iter()
            .filter(|el| text(el) == wanted && !is_script_or_style(el))
            // The deepest element holding the text, not each ancestor too.
            .filter(|el| {
                let children = el.children();
                !(0..children.length())
                    .filter_map(|i| children.item(i))
                    .any(|child| text(&child) == wanted)
            })
            .collect(),
        By::Label(wanted) => all
            .into_iter()
            .filter(|el| labels_of(root, el).iter().any(|l| l == wanted))
            .collect(),
        By::Role(role, name) => all
            .into_iter()
            .filter(|el| role_of(el).as_deref() == Some(role))
            .filter(|el| !is_hidden(root, el))
            .filter(|el| name.is_empty() || accessible_name(root, el) == name)
            .collect(),
        By::TestId(id) => all
            .into_iter()
            .filter(|el| el.get_attribute("data-testid").as_deref() == Some(id))
            .collect(),
    }
}

/// What a query that found nothing could have meant, for its error: the
/// names of the visible elements with the role asked for, or the labels
/// in the scope and in `portals` (the top elements of what the screen's
/// view renders elsewhere, with what is inside them). Empty for other
/// queries.
pub(super) fn what_was_found(root: &Element, portals: &[Element], query: By) -> String {
    // Each place searched, with its candidates (a portal's top element is
    // one of its own).
    let places = std::iter::once((root, select_all(root, "*"))).chain(portals.iter().map(|p| {
        let mut all: Vec<HtmlElement> = vec![p.clone().unchecked_into()];
        all.extend(select_all(p, "*"));
        (p, all)
    }));
    let (what, found): (String, Vec<String>) = match query {
        By::Role(role, _) => (
            format!("elements with role {role:?}"),
            places
                .flat_map(|(root, all)| {
                    all.into_iter()
                        .filter(|el| role_of(el).as_deref() == Some(role) && !is_hidden(root, el))
                        .map(|el| accessible_name(root, &el))
                        .collect::<Vec<_>>()
                })
                .collect(),
        ),
        By::Label(_) => (
            "labelled elements".to_owned(),
            places
                .flat_map(|(root, all)| {
                    all.into_iter()
                        .flat_map(|el| labels_of(root, &el))
                        .collect::<Vec<_>>()
                })
                .collect(),
        ),
        By::Text(_) | By::TestId(_) => return String::new(),
    };
    if found.is_empty() {
        return format!("; there are no {what}");
    }
    let names: Vec<String> = found.iter().map(|n| format!("{n:?}")).collect();
    format!("; {what}, by name: {}", names.join(", "))
}

/// Whether `el` is hidden from a user (and from assistive technology):
/// it or an element around it, up to the scope's root, is `hidden`,
/// `aria-hidden="true"`, `inert` or not displayed, or it is invisible
/// (`visibility: hidden`). Role queries skip such elements, as
/// Testing Library's do.
fn is_hidden(root: &Element, el: &Element) -> bool {
    let window = web_sys::window();
    let style = |e: &Element, property: &str| {
        window
            .as_ref()
            .and_then(|w| w.get_computed_style(e).ok().flatten())
            .and_then(|s| s.get_property_value(property).ok())
            .unwrap_or_default()
    };
    if style(el, "visibility") == "hidden" {
        return true;
    }
    let mut current = Some(el.clone());
    while let Some(e) = current {
        if e.has_attribute("hidden")
            || e.has_attribute("inert")
            || e.get_attribute("aria-hidden").as_deref() == Some("true")
            || style(&e, "display") == "none"
        {
            return true;
        }
        if e == *root {
            break;
        }
        current = e.parent_element();
    }
    false
}

fn is_script_or_style(el: &Element) -> bool {
    matches!(el.tag_name().as_str(), "SCRIPT" | "STYLE" | "TEMPLATE")
}

fn is_labelable(el: &Element) -> bool {
    matches!(
        el.tag_name().as_str(),
        "INPUT" | "SELECT" | "TEXTAREA" | "BUTTON" | "METER" | "OUTPUT" | "PROGRESS"
    ) && el.get_attribute("type").as_deref() != Some("hidden")
}

/// A `<label>`'s own words: its text without the text of controls inside
/// it (a `<select>`'s options are not part of its label).
fn label_text(label: &Element) -> String {
    let copy: Element = label.clone_node_with_deep(true).unwrap().unchecked_into();
    for control in select_all(&copy, "select, textarea") {
        control.remove();
    }
    text(&copy)
}

/// Every label an element has: `aria-labelledby`, `aria-label`, and the
/// `<label>`s that point at it or wrap it.
fn labels_of(root: &Element, el: &Element) -> Vec<String> {
    let mut labels = Vec::new();
    if let Some(ids) = el.get_attribute("aria-labelledby") {
        // Ids that name nothing give no label, and the next one counts.
        let text = labelledby_text(root, &ids);
        if !text.is_empty() {
            labels.push(text);
        }
    }
    if let Some(label) = el.get_attribute("aria-label") {
        let label = normalize(&label);
        if !label.is_empty() {
            labels.push(label);
        }
    }
    if is_labelable(el) {
        let id = el.id();
        for label in select_all(root, "label") {
            let points_here = match label.get_attribute("for") {
                Some(target) => !id.is_empty() && target == id,
                None => first_labelable(&label).is_some_and(|c| c == *el),
            };
            if points_here {
                labels.push(label_text(&label));
            }
        }
    }
    labels
}

fn first_labelable(label: &Element) -> Option<Element> {
    select_all(label, "*")
        .into_iter()
        .map(|e| -> Element { e.unchecked_into() })
        .find(is_labelable)
}

fn labelledby_text(root: &Element, ids: &str) -> String {
    let document = root.owner_document().expect("an element in a document");
    let parts: Vec<String> = ids
        .split_whitespace()
        .filter_map(|id| document.get_element_by_id(id))
        .map(|e| text(&e))
        .collect();
    parts.join(" ")
}

/// The ARIA role of an element: its explicit `role` (first token), else the
/// implicit role of its tag (`button`, `link` for `a[href]`, `textbox`,
/// `checkbox`, `heading`, `listitem`, …), else `None`.
///
/// ```no_run
/// # use larkspur::*; use larkspur::testing::*;
/// let screen = render(|| view! { <input type="checkbox"/> });
/// assert_eq!(role_of(&screen.get_by_selector("input")).as_deref(), Some("checkbox"));
/// ```
pub fn role_of(el: &Element) -> Option<String> {
    if let Some(role) = el.get_attribute("role") {
        if let Some(first) = role.split_whitespace().next() {
            return Some(first.to_owned());
        }
    }
    let input_type = || {
        el.get_attribute("type")
            .map(|t| t.to_ascii_lowercase())
            .unwrap_or_default()
    };
    let role = match el.tag_name().as_str() {
        "BUTTON" => "button",
        "A" | "AREA" if el.has_attribute("href") => "link",
        "TEXTAREA" => "textbox",
        "INPUT" => match input_type().as_str() {
            "button" | "submit" | "reset" | "image" => "button",
            "checkbox" => "checkbox",
            "radio" => "radio",
            "number" => "spinbutton",
            "range" => "slider",
            "search" => "searchbox",
            "" | "text" | "email" | "tel" | "url" | "password" => "textbox",
            _ => return None,
        },
        "SELECT" if el.has_attribute("multiple") => "listbox",
        "SELECT" => "combobox",
        "OPTION" => "option",
        "H1" | "H2" | "H3" | "H4" | "H5" | "H6" => "heading",
        "UL" | "OL" | "MENU" => "list",
        "LI" => "listitem",
        "NAV" => "navigation",
        "MAIN" => "main",
        "HEADER" => "banner",
        "FOOTER" => "contentinfo",
        "ASIDE" => "complementary",
        "FORM" => "form",
        "SECTION" => "region",
        "ARTICLE" => "article",
        "DIALOG" => "dialog",
        "TABLE" => "table",
        "TR" => "row",
        "TD" => "cell",
        "TH" => "columnheader",
        "IMG" if el.get_attribute("alt").as_deref() != Some("") => "img",
        "PROGRESS" => "progressbar",
        "OUTPUT" => "status",
        _ => return None,
    };
    Some(role.to_owned())
}

/// The accessible name, in the order browsers compute it (simplified
/// from the W3C's accessible name computation): `aria-labelledby`,
/// `aria-label`, a `<label>`, an image's `alt`, a button input's `value`,
/// the element's content (except for fields, whose content is their
/// value), a field's `placeholder`, then `title`.
fn accessible_name(root: &Element, el: &Element) -> String {
    if let Some(first) = labels_of(root, el).into_iter().next() {
        return first;
    }
    if let Some(alt) = el.get_attribute("alt") {
        return normalize(&alt);
    }
    let tag = el.tag_name();
    let input_type = el
        .get_attribute("type")
        .map(|t| t.to_ascii_lowercase())
        .unwrap_or_default();
    if tag == "INPUT" && matches!(input_type.as_str(), "button" | "submit" | "reset") {
        return match el.get_attribute("value") {
            Some(value) => normalize(&value),
            None if input_type == "submit" => "Submit".to_owned(),
            None if input_type == "reset" => "Reset".to_owned(),
            None => String::new(),
        };
    }
    let is_field = matches!(tag.as_str(), "INPUT" | "TEXTAREA" | "SELECT");
    if !is_field {
        let own = normalize(&content_name(el));
        if !own.is_empty() {
            return own;
        }
    }
    if matches!(tag.as_str(), "INPUT" | "TEXTAREA") {
        if let Some(placeholder) = el.get_attribute("placeholder") {
            let placeholder = normalize(&placeholder);
            if !placeholder.is_empty() {
                return placeholder;
            }
        }
    }
    el.get_attribute("title")
        .map(|t| normalize(&t))
        .unwrap_or_default()
}

/// The name an element's content gives it: its text, where an image
/// counts by its `alt`, an element with an `aria-label` by that label,
/// and what is hidden (`hidden`, `aria-hidden="true"`, scripts and
/// styles) not at all.
fn content_name(node: &Node) -> String {
    if node.node_type() == Node::TEXT_NODE {
        return node.text_content().unwrap_or_default();
    }
    let Some(el) = node.dyn_ref::<Element>() else {
        return String::new();
    };
    if el.has_attribute("hidden")
        || el.get_attribute("aria-hidden").as_deref() == Some("true")
        || is_script_or_style(el)
    {
        return String::new();
    }
    let mut out = String::new();
    let children = el.child_nodes();
    for i in 0..children.length() {
        let Some(child) = children.item(i) else {
            continue;
        };
        let part = match child.dyn_ref::<Element>() {
            Some(c) if c.has_attribute("aria-label") && !c.has_attribute("hidden") => {
                c.get_attribute("aria-label").unwrap_or_default()
            }
            Some(c) if c.tag_name() == "IMG" => c.get_attribute("alt").unwrap_or_default(),
            _ => content_name(&child),
        };
        out.push_str(&part);
    }
    out
}

/// The markup under `root`, indented one element per line, cut off after
/// about 6,000 characters: what a failed query prints.
/// `el` itself and what is inside it, as [`pretty_markup`] prints.
pub(super) fn pretty_markup_of(el: &Element) -> String {
    let mut out = String::new();
    write_node(el, 1, &mut out);
    out
}

pub(super) fn pretty_markup(root: &Element) -> String {
    let mut out = String::new();
    let children = root.child_nodes();
    for i in 0..children.length() {
        if let Some(child) = children.item(i) {
            write_node(&child, 1, &mut out);
        }
    }
    if out.len() > 6000 {
        let cut = (0..=6000)
            .rev()
            .find(|&i| out.is_char_boundary(i))
            .unwrap_or(0);
        out.truncate(cut);
        out.push_str("\n  … (cut)");
    }
    if out.is_empty() {
        out.push_str("  (the container is empty)");
    }
    out
}

fn write_node(node: &Node, depth: usize, out: &mut String) {
    let indent = "  ".repeat(depth);
    if let Some(el) = node.dyn_ref::<Element>() {
        let tag = el.tag_name().to_ascii_lowercase();
        out.push_str(&indent);
        out.push('<');
        out.push_str(&tag);
        let attrs = el.attributes();
        for i in 0..attrs.length() {
            if let Some(attr) = attrs.item(i) {
                out.push_str(&format!(" {}={:?}", attr.name(), attr.value()));
            }
        }
        out.push_str(">\n");
        let children = el.child_nodes();
        for i in 0..children.length() {
            if let Some(child) = children.item(i) {
                write_node(&child, depth + 1, out);
            }
        }
    } else if node.node_type() == Node::TEXT_NODE {
        let t = node.text_content().unwrap_or_default();
        if !t.trim().is_empty() {
            out.push_str(&format!("{indent}{:?}\n", t));
        }
    }
}
