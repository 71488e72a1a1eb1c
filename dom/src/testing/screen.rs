//! [`render`] and the [`Screen`] it returns: a mounted view in its own
//! container, with queries scoped to that container; [`within`] and the
//! [`Scope`] it returns: the same queries inside any element.

use std::ops::Deref;

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

use super::queries::{self, By, QueryError};
use super::wait;
use crate::view::{mount_to_with_handle, IntoView, MountHandle};

/// A view mounted by [`render`] into its own container. Dropping it
/// unmounts the view, disposes its owner and removes the container.
///
/// Its queries are [`Scope`]'s (a screen derefs to the scope of its
/// container).
#[must_use = "dropping the Screen unmounts the view at once: bind it, `let screen = render(…)`"]
pub struct Screen {
    scope: Scope,
    /// Its entry in [`LIVE`], which holds the mount.
    id: u64,
}

/// A mounted screen, kept here rather than in the [`Screen`]: the screen
/// of a test that panicked is never dropped (wasm does not unwind), and
/// the next `render` takes it out of the page.
struct Live {
    id: u64,
    /// [`panic_count`](crate::dom::panic::panic_count) at its render.
    panics: u32,
    handle: Option<MountHandle>,
    container: HtmlElement,
    remove_container: bool,
}

thread_local! {
    static LIVE: std::cell::RefCell<Vec<Live>> = const { std::cell::RefCell::new(Vec::new()) };
    static NEXT_ID: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

/// Unmounts and removes `live` (with no registry borrow held: unmounting
/// runs the app's cleanups).
fn tear_down(live: Live) {
    if let Some(handle) = live.handle {
        handle.unmount();
    }
    if live.remove_container {
        live.container.remove();
    }
}

/// Takes the screens of tests that panicked out of the page: mounted
/// before the last panic, never dropped. (Debug builds, where the panic
/// hook counts; a live screen of the running test is newer than its
/// last panic, unless the test itself panicked and is failing anyway.)
fn sweep_panicked() {
    let now = crate::dom::panic::panic_count();
    let stale: Vec<Live> = LIVE.with(|live| {
        let mut live = live.borrow_mut();
        let (stale, kept) = std::mem::take(&mut *live)
            .into_iter()
            .partition(|l| l.panics < now);
        *live = kept;
        stale
    });
    for live in stale {
        tear_down(live);
    }
}

/// Queries that look only inside one element: a [`Screen`]'s container
/// (and what its views render through a [`Portal`](crate::Portal)
/// elsewhere, such as a modal in `<body>`), or any element given to
/// [`within`].
pub struct Scope {
    root: HtmlElement,
    /// A screen's root owner: the content of live portals its view made
    /// is searched too (not for a scope made by [`within`]).
    portals: Option<larkspur_reactive::Owner>,
}

/// The queries of [`Screen`], limited to `el` and what is inside it: for
/// a row of a table, one dialog of several, a form.
///
/// ```no_run
/// # use larkspur::*; use larkspur::testing::*;
/// let screen = render(|| view! {
///     <ul>
///         <li data-testid="a">"Tea" <button>"Remove"</button></li>
///         <li data-testid="b">"Milk" <button>"Remove"</button></li>
///     </ul>
/// });
/// // Two buttons are named "Remove"; only one is inside row "b".
/// let milk = screen.get_by_test_id("b");
/// let remove = within(&milk).get_by_role("button", "Remove");
/// assert_eq!(text(&remove), "Remove");
/// ```
pub fn within(el: impl AsRef<Element>) -> Scope {
    Scope {
        root: el.as_ref().clone().unchecked_into(),
        portals: None,
    }
}

/// How long the `find_by_*` queries wait for their element.
const FIND_TIMEOUT_MS: u32 = 2_000;

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
    mount_screen(container, f, true)
}

/// Mounts the view made by `f` into an existing element. Dropping the
/// screen unmounts the view but leaves `container` in the page.
///
/// The container should be in the page: events in a detached tree never
/// reach the window, where `on:` handlers are delegated.
///
/// ```no_run
/// use larkspur::testing::*;
///
/// let host = larkspur::document().create_element("section").unwrap();
/// larkspur::document().body().unwrap().append_child(&host).unwrap();
/// let host: web_sys::HtmlElement = wasm_bindgen::JsCast::unchecked_into(host);
/// let screen = render_into(host.clone(), || "inside");
/// assert_eq!(screen.text(), "inside");
/// drop(screen);
/// host.remove();
/// ```
pub fn render_into<V: IntoView>(container: HtmlElement, f: impl FnOnce() -> V + 'static) -> Screen {
    mount_screen(container, f, false)
}

/// Mounts a screen and registers it (see [`Live`]); `remove_container`:
/// the container goes with the screen.
fn mount_screen<V: IntoView>(
    container: HtmlElement,
    f: impl FnOnce() -> V + 'static,
    remove_container: bool,
) -> Screen {
    sweep_panicked();
    crate::control::live_portals::install();
    super::events::forget_editing();
    super::navigation::note_start_url();
    let handle = mount_to_with_handle(container.clone(), f);
    let owner = handle.owner();
    let id = NEXT_ID.with(|n| {
        n.set(n.get() + 1);
        n.get()
    });
    let live = Live {
        id,
        panics: crate::dom::panic::panic_count(),
        handle: Some(handle),
        container: container.clone(),
        remove_container,
    };
    LIVE.with(|l| l.borrow_mut().push(live));
    Screen {
        scope: Scope {
            root: container,
            portals: Some(owner),
        },
        id,
    }
}

impl Screen {
    /// The element the view is mounted in.
    pub fn container(&self) -> &HtmlElement {
        &self.scope.root
    }

    /// Unmounts now (the view's nodes go, its owner is disposed); the
    /// screen stays usable for asserting on what is left.
    pub fn unmount(&mut self) {
        let handle = LIVE.with(|live| {
            let mut live = live.borrow_mut();
            live.iter_mut().find(|l| l.id == self.id)?.handle.take()
        });
        if let Some(handle) = handle {
            handle.unmount();
        }
    }
}

impl Deref for Screen {
    type Target = Scope;

    fn deref(&self) -> &Scope {
        &self.scope
    }
}

impl Scope {
    /// The element this scope looks in.
    pub fn root(&self) -> &HtmlElement {
        &self.root
    }

    /// The markup inside the scope (`innerHTML`), for snapshots and
    /// messages.
    pub fn html(&self) -> String {
        self.root.inner_html()
    }

    /// The text inside the scope (`textContent`).
    pub fn text(&self) -> String {
        self.root.text_content().unwrap_or_default()
    }

    /// Prints the markup inside the scope to the browser console (the
    /// test runner's output), one element per line, and returns it.
    pub fn debug(&self) -> String {
        let markup = queries::pretty_markup(&self.root);
        web_sys::console::log_1(&markup.as_str().into());
        markup
    }

    /// The first element matching a CSS selector; panics with the markup
    /// if there is none.
    pub fn get_by_selector(&self, selector: &str) -> HtmlElement {
        self.query_by_selector(selector)
            .unwrap_or_else(|| self.miss(&format!("no element matches the selector {selector:?}")))
    }

    /// The first element matching a CSS selector, if any.
    pub fn query_by_selector(&self, selector: &str) -> Option<HtmlElement> {
        let first = self
            .root
            .query_selector(selector)
            .unwrap_or_else(|_| panic!("{selector:?} is not a valid CSS selector"))
            .map(JsCast::unchecked_into);
        first.or_else(|| self.get_all_by_selector(selector).into_iter().next())
    }

    /// Every element matching a CSS selector: the container's in document
    /// order, then those in content the screen's portals rendered
    /// elsewhere.
    pub fn get_all_by_selector(&self, selector: &str) -> Vec<HtmlElement> {
        let mut all = queries::select_all(&self.root, selector);
        for el in self.portal_elements() {
            if el.matches(selector).unwrap_or(false) {
                all.push(el.clone().unchecked_into());
            }
            all.extend(queries::select_all(&el, selector));
        }
        all
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
        self.found(By::Text(text))
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
        self.found(By::Role(role, name))
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
        let mut found = self.found(by);
        match found.len() {
            1 => Ok(found.pop().unwrap()),
            0 => Err(self.error(format!(
                "no element matches {by}{}",
                queries::what_was_found(&self.root, &self.portal_elements(), by)
            ))),
            n => Err(self.error(format!(
                "{n} elements match {by}; use get_all_by_* or a narrower query"
            ))),
        }
    }

    /// Waits for the one element `by` finds: checks now, then again after
    /// each turn of the browser's event loop (timers, fetches, resources
    /// and effects progress in between) for up to two seconds, and panics
    /// with [`try_get`](Self::try_get)'s error (and the markup) if there is
    /// still none, or still several. The `find_by_*` methods are this with
    /// one kind of query.
    ///
    /// ```no_run
    /// # use larkspur::*; use larkspur::testing::*;
    /// # async fn example() {
    /// let screen = render(|| {
    ///     let (done, set_done) = create_signal(false);
    ///     set_timeout(move || set_done(true), std::time::Duration::from_millis(50));
    ///     view! { <Show when=done fallback=|| "Saving">"Saved"</Show> }
    /// });
    /// screen.find(By::Text("Saved")).await;
    /// # }
    /// ```
    pub async fn find(&self, by: By<'_>) -> HtmlElement {
        self.try_find(by).await.unwrap_or_else(|e| panic!("{e}"))
    }

    /// [`find`](Self::find) without the panic: the element, or the
    /// [`QueryError`] of the last try (its message starts "after waiting
    /// 2000 ms").
    ///
    /// ```no_run
    /// # use larkspur::*; use larkspur::testing::*;
    /// # async fn example() {
    /// let screen = render(|| view! { <p>"Saving"</p> });
    /// let miss = screen.try_find(By::Text("Saved")).await.unwrap_err();
    /// assert!(miss.markup.contains("Saving"));
    /// # }
    /// ```
    pub async fn try_find(&self, by: By<'_>) -> Result<HtmlElement, QueryError> {
        // Each try only counts matches; the error, with the markup, is
        // built once, from the last.
        let found = || self.found(by).len() == 1;
        if !found() {
            wait::poll(FIND_TIMEOUT_MS, found).await;
        }
        self.try_get(by).map_err(|mut e| {
            e.message = format!("after waiting {FIND_TIMEOUT_MS} ms, {}", e.message);
            e
        })
    }

    /// Waits for the one element whose own text is `text` (see
    /// [`find`](Self::find) and [`get_by_text`](Self::get_by_text)).
    pub async fn find_by_text(&self, text: &str) -> HtmlElement {
        self.find(By::Text(text)).await
    }

    /// Waits for the form control labelled `label` (see [`find`](Self::find)
    /// and [`get_by_label`](Self::get_by_label)).
    pub async fn find_by_label(&self, label: &str) -> HtmlElement {
        self.find(By::Label(label)).await
    }

    /// Waits for the one element with role `role` and accessible name
    /// `name` (see [`find`](Self::find) and
    /// [`get_by_role`](Self::get_by_role)).
    pub async fn find_by_role(&self, role: &str, name: &str) -> HtmlElement {
        self.find(By::Role(role, name)).await
    }

    /// Waits for the one element with `data-testid="id"` (see
    /// [`find`](Self::find)).
    pub async fn find_by_test_id(&self, id: &str) -> HtmlElement {
        self.find(By::TestId(id)).await
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
        let mut markup = queries::pretty_markup(&self.root);
        for el in self.portal_elements() {
            markup.push_str("\n(rendered through a portal:)\n");
            markup.push_str(&queries::pretty_markup_of(&el));
        }
        QueryError { message, markup }
    }

    /// What `by` finds inside the root, then in live portals' content
    /// outside it.
    fn found(&self, by: By) -> Vec<HtmlElement> {
        let mut found = queries::find(&self.root, by);
        for el in self.portal_elements() {
            found.extend(queries::find_from(&el, by));
        }
        found
    }

    /// The top-level elements that live portals made under the screen's
    /// view rendered outside the root (none for [`within`]'s scope).
    fn portal_elements(&self) -> Vec<Element> {
        let Some(owner) = self.portals else {
            return Vec::new();
        };
        let all: Vec<Element> = (crate::control::live_portals::nodes_under(owner).into_iter())
            .filter_map(|node| node.dyn_into::<Element>().ok())
            .filter(|el| el.is_connected() && !self.root.contains(Some(el)))
            .collect();
        // A portal mounted inside another's content is searched with it.
        (all.iter())
            .filter(|el| !all.iter().any(|o| o != *el && o.contains(Some(el))))
            .cloned()
            .collect()
    }
}

impl Drop for Screen {
    fn drop(&mut self) {
        let live = LIVE.with(|live| {
            let mut live = live.borrow_mut();
            let at = live.iter().position(|l| l.id == self.id)?;
            Some(live.remove(at))
        });
        if let Some(live) = live {
            tear_down(live);
        }
        // Contexts the test provided before rendering (with no owner
        // current, on the page's root) go with the test's last screen, so
        // the next test does not see them, while another screen of this
        // test may still use them (review-109). Screens of tests that
        // panicked (mounted before the last panic: wasm never unwinds, so
        // they are never dropped) do not count.
        let now = crate::dom::panic::panic_count();
        if !LIVE.with(|live| live.borrow().iter().any(|l| l.panics >= now)) {
            larkspur_reactive::dispose_page_root();
        }
        super::events::forget_editing();
        // The last screen gone: the next test starts at the start page.
        if LIVE.with(|live| live.borrow().is_empty()) {
            super::navigation::restore_start_url();
        }
    }
}

/// Lets `&screen` stand where an element is expected (`text(&screen)`).
impl AsRef<Element> for Screen {
    fn as_ref(&self) -> &Element {
        &self.scope.root
    }
}

/// Lets a scope stand where an element is expected (`within(&scope)`).
impl AsRef<Element> for Scope {
    fn as_ref(&self) -> &Element {
        &self.root
    }
}
