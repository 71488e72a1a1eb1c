//! [`render`] and the [`Screen`] it returns: a mounted view in its own
//! container, with queries scoped to that container.

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

use super::queries::{self, By, QueryError};
use crate::view::{mount_to_with_handle, IntoView, MountHandle};

/// A view mounted by [`render`] into its own container. Dropping it
/// unmounts the view, disposes its owner and removes the container.
pub struct Screen {
    container: HtmlElement,
    handle: Option<MountHandle>,
    remove_container: bool,
}

/// Mounts the view made by `f` into a fresh `<div>` appended to `<body>`.
///
/// ```no_run
/// use larkspur::*;
/// use larkspur::testing::*;
///
/// let screen = render(|| view! { <p data-testid="greeting">"Hello"</p> });
/// assert_eq!(text(&screen.get_by_test_id("greeting")), "Hello");
/// ```
pub fn render<V: IntoView>(f: impl FnOnce() -> V + 'static) -> Screen {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .expect("larkspur::testing::render needs a browser document (run_in_browser)");
    let container: HtmlElement = document
        .create_element("div")
        .expect("create a test container")
        .unchecked_into();
    container
        .set_attribute("data-larkspur-test", "")
        .expect("mark the test container");
    document
        .body()
        .expect("the test page has a <body>")
        .append_child(&container)
        .expect("append the test container");
    let mut screen = render_into(container, f);
    screen.remove_container = true;
    screen
}

/// Mounts the view made by `f` into an existing element. Dropping the
/// screen unmounts the view but leaves `container` in the page.
///
/// ```no_run
/// use larkspur::testing::*;
///
/// let host = larkspur::document().create_element("section").unwrap();
/// let host: web_sys::HtmlElement = wasm_bindgen::JsCast::unchecked_into(host);
/// let screen = render_into(host, || "inside");
/// assert_eq!(screen.text(), "inside");
/// ```
pub fn render_into<V: IntoView>(container: HtmlElement, f: impl FnOnce() -> V + 'static) -> Screen {
    let handle = mount_to_with_handle(container.clone(), f);
    Screen {
        container,
        handle: Some(handle),
        remove_container: false,
    }
}

impl Screen {
    /// The element the view is mounted in.
    pub fn container(&self) -> &HtmlElement {
        &self.container
    }

    /// The container's markup (`innerHTML`), for snapshots and messages.
    pub fn html(&self) -> String {
        self.container.inner_html()
    }

    /// The container's text (`textContent`).
    pub fn text(&self) -> String {
        self.container.text_content().unwrap_or_default()
    }

    /// Unmounts now (the view's nodes go, its owner is disposed); the
    /// screen stays usable for asserting on what is left.
    pub fn unmount(&mut self) {
        if let Some(handle) = self.handle.take() {
            handle.unmount();
        }
    }

    /// The first element matching a CSS selector; panics with the markup
    /// if there is none.
    pub fn get_by_selector(&self, selector: &str) -> HtmlElement {
        self.query_by_selector(selector)
            .unwrap_or_else(|| self.miss(&format!("no element matches the selector {selector:?}")))
    }

    /// The first element matching a CSS selector, if any.
    pub fn query_by_selector(&self, selector: &str) -> Option<HtmlElement> {
        self.container
            .query_selector(selector)
            .unwrap_or_else(|_| panic!("{selector:?} is not a valid CSS selector"))
            .map(JsCast::unchecked_into)
    }

    /// Every element matching a CSS selector, in document order.
    pub fn get_all_by_selector(&self, selector: &str) -> Vec<HtmlElement> {
        queries::select_all(&self.container, selector)
    }

    /// The one element whose own text (trimmed, whitespace collapsed) is
    /// exactly `text`. Panics, printing the markup, when none or several
    /// match.
    ///
    /// ```no_run
    /// # use larkspur::*; use larkspur::testing::*;
    /// let screen = render(|| view! { <ul><li>"one"</li><li>"two"</li></ul> });
    /// assert_eq!(screen.get_by_text("two").tag_name(), "LI");
    /// ```
    pub fn get_by_text(&self, text: &str) -> HtmlElement {
        self.get_one(By::Text(text))
    }

    /// [`get_by_text`](Self::get_by_text) without the panic.
    pub fn query_by_text(&self, text: &str) -> Option<HtmlElement> {
        self.query_one(By::Text(text))
    }

    /// Every element whose own text is `text`.
    pub fn get_all_by_text(&self, text: &str) -> Vec<HtmlElement> {
        queries::find(&self.container, By::Text(text))
    }

    /// The form control labelled `label`: by a `<label for=…>`, a
    /// `<label>` wrapping it, `aria-label`, or `aria-labelledby`.
    ///
    /// ```no_run
    /// # use larkspur::*; use larkspur::testing::*;
    /// let screen = render(|| view! { <label>"Name" <input/></label> });
    /// type_text(&screen.get_by_label("Name"), "Ada");
    /// ```
    pub fn get_by_label(&self, label: &str) -> HtmlElement {
        self.get_one(By::Label(label))
    }

    /// [`get_by_label`](Self::get_by_label) without the panic.
    pub fn query_by_label(&self, label: &str) -> Option<HtmlElement> {
        self.query_one(By::Label(label))
    }

    /// The one element with ARIA role `role` (explicit `role=` or implicit:
    /// `button`, `link`, `textbox`, `checkbox`, `radio`, `combobox`,
    /// `heading`, `list`, `listitem`, `navigation`, `main`, `form`, `img`,
    /// …) whose accessible name is `name` (its `aria-label`, its label, or
    /// its text). An empty `name` matches any name.
    ///
    /// ```no_run
    /// # use larkspur::*; use larkspur::testing::*;
    /// let screen = render(|| view! { <nav><a href="/about">"About"</a></nav> });
    /// let link = screen.get_by_role("link", "About");
    /// assert_eq!(link.get_attribute("href").as_deref(), Some("/about"));
    /// ```
    pub fn get_by_role(&self, role: &str, name: &str) -> HtmlElement {
        self.get_one(By::Role(role, name))
    }

    /// [`get_by_role`](Self::get_by_role) without the panic.
    pub fn query_by_role(&self, role: &str, name: &str) -> Option<HtmlElement> {
        self.query_one(By::Role(role, name))
    }

    /// Every element with role `role` and accessible name `name` (empty:
    /// any name).
    pub fn get_all_by_role(&self, role: &str, name: &str) -> Vec<HtmlElement> {
        queries::find(&self.container, By::Role(role, name))
    }

    /// The one element with `data-testid="id"`.
    ///
    /// ```no_run
    /// # use larkspur::*; use larkspur::testing::*;
    /// let screen = render(|| view! { <output data-testid="total">"3"</output> });
    /// assert_eq!(text(&screen.get_by_test_id("total")), "3");
    /// ```
    pub fn get_by_test_id(&self, id: &str) -> HtmlElement {
        self.get_one(By::TestId(id))
    }

    /// [`get_by_test_id`](Self::get_by_test_id) without the panic.
    pub fn query_by_test_id(&self, id: &str) -> Option<HtmlElement> {
        self.query_one(By::TestId(id))
    }

    /// The one element `by` finds, or a [`QueryError`] carrying the
    /// markup when none or several match.
    ///
    /// ```no_run
    /// # use larkspur::*; use larkspur::testing::*;
    /// let screen = render(|| view! { <p>"one"</p> });
    /// let miss = screen.try_get(By::Text("two")).unwrap_err();
    /// assert!(miss.markup.contains("\"one\""));
    /// ```
    pub fn try_get(&self, by: By) -> Result<HtmlElement, QueryError> {
        let mut found = queries::find(&self.container, by);
        match found.len() {
            1 => Ok(found.pop().unwrap()),
            0 => Err(self.error(format!("no element matches {by}"))),
            n => Err(self.error(format!(
                "{n} elements match {by}; use get_all_by_* or a narrower query"
            ))),
        }
    }

    fn query_one(&self, by: By) -> Option<HtmlElement> {
        match self.try_get(by) {
            Ok(el) => Some(el),
            Err(e) if e.message.starts_with("no element") => None,
            Err(e) => panic!("{e}"),
        }
    }

    fn get_one(&self, by: By) -> HtmlElement {
        self.try_get(by).unwrap_or_else(|e| panic!("{e}"))
    }

    fn miss(&self, what: &str) -> ! {
        panic!("{}", self.error(what.to_owned()))
    }

    fn error(&self, message: String) -> QueryError {
        QueryError {
            message,
            markup: queries::pretty_markup(&self.container),
        }
    }
}

impl Drop for Screen {
    fn drop(&mut self) {
        self.unmount();
        if self.remove_container {
            self.container.remove();
        }
    }
}

/// Lets `&screen` stand where an element is expected (`text(&screen)`).
impl AsRef<Element> for Screen {
    fn as_ref(&self) -> &Element {
        &self.container
    }
}
