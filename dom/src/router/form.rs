//! [`Form`]: an HTML form that submits inside the app. A `GET` submission
//! navigates to `action?field=value&…` instead of reloading the page; any
//! other method sends the fields with `fetch` and reports the response,
//! following a redirect through the router, as Leptos 0.6 does.

use larkspur_reactive::__signal_traits::*;
use std::error::Error;
use std::fmt;
use std::rc::Rc;

use wasm_bindgen::{JsCast, JsValue};

use super::location::{strip_base, NavigateOptions, RouterContext, RouterMode};
use super::routes::ToHref;
use crate::components::{Children, Props};
use crate::element::attribute::{Attribute, IntoAttribute};
use crate::html;
use crate::view::IntoView;
use crate::NodeRef;
use larkspur_reactive::RwSignal;

/// The error a [`Form`]'s `fetch` failed with (a network error, a blocked
/// request), as its `error` signal receives it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FormError(pub String);

impl fmt::Display for FormError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl Error for FormError {}

type OnFormData = Rc<dyn Fn(&web_sys::FormData)>;
type OnResponse = Rc<dyn Fn(&web_sys::Response)>;
type OnError = Rc<dyn Fn(&JsValue)>;

/// Props of [`Form`].
pub struct FormProps {
    /// Where to submit (an app path for `GET`, resolved against the route
    /// when relative; any URL for other methods), as a function of the
    /// current state; the current path when not given.
    pub action: Option<Rc<dyn Fn() -> String>>,
    /// The form's method: `GET` (the default) submissions navigate inside
    /// the app; other methods submit with `fetch`.
    pub method: Option<&'static str>,
    /// Replace the current history entry instead of pushing one.
    pub replace: bool,
    /// Class names for the `<form>`: text, or a closure or signal of it.
    pub class: Option<Attribute>,
    /// The `id` of the `<form>`.
    pub id: Option<String>,
    /// The `enctype` of the `<form>`: `multipart/form-data` sends a
    /// non-`GET` submission as multipart, anything else URL-encoded.
    pub enctype: Option<String>,
    /// Keep the scroll position when a submission navigates.
    pub noscroll: bool,
    /// Incremented after each non-`GET` submission that got a response
    /// (a resource can read it to reload).
    pub version: Option<RwSignal<usize>>,
    /// Set to the error when a non-`GET` submission fails, and back to
    /// `None` when one gets a response.
    pub error: Option<RwSignal<Option<Box<dyn Error>>>>,
    /// Called with the fields before a submission is sent (for `GET`,
    /// before they become the query); it may change them.
    pub on_form_data: Option<OnFormData>,
    /// Called with the response of a non-`GET` submission.
    pub on_response: Option<OnResponse>,
    /// Called with the exception when a non-`GET` submission fails.
    pub on_error: Option<OnError>,
    /// Filled with the `<form>` element.
    pub node_ref: Option<NodeRef<html::Form>>,
    /// Further attributes (`attr:name=value`).
    pub attributes: Vec<(&'static str, Attribute)>,
    /// The form's fields.
    pub children: Children,
}

/// Builder of [`FormProps`].
#[derive(Default)]
#[must_use = "call .build() to get the props"]
pub struct FormPropsBuilder {
    props: Option<FormProps>,
}

impl Default for FormProps {
    fn default() -> Self {
        FormProps {
            action: None,
            method: None,
            replace: false,
            class: None,
            id: None,
            enctype: None,
            noscroll: false,
            version: None,
            error: None,
            on_form_data: None,
            on_response: None,
            on_error: None,
            node_ref: None,
            attributes: Vec::new(),
            children: Box::new(Default::default),
        }
    }
}

impl FormPropsBuilder {
    fn set(mut self, f: impl FnOnce(&mut FormProps)) -> Self {
        f(self.props.get_or_insert_with(FormProps::default));
        self
    }
    /// Sets where the form submits: a path, or a closure returning one.
    pub fn action(self, action: impl ToHref + 'static) -> Self {
        self.set(|p| p.action = Some(Rc::new(move || action.to_href()())))
    }
    /// Sets the method (`"GET"` or other).
    pub fn method(self, method: &'static str) -> Self {
        self.set(|p| p.method = Some(method))
    }
    /// Replace the history entry when submitting.
    pub fn replace(self, replace: bool) -> Self {
        self.set(|p| p.replace = replace)
    }
    /// Sets the class attribute: text, or a closure or signal of it.
    pub fn class(self, class: impl IntoAttribute) -> Self {
        let class = class.into_attribute();
        self.set(|p| p.class = Some(class))
    }
    /// Sets the `id` attribute.
    pub fn id(self, id: impl Into<String>) -> Self {
        let id = id.into();
        self.set(|p| p.id = Some(id))
    }
    /// Sets the `enctype` attribute.
    pub fn enctype(self, enctype: impl Into<String>) -> Self {
        let enctype = enctype.into();
        self.set(|p| p.enctype = Some(enctype))
    }
    /// Keep the scroll position when submitting navigates.
    pub fn noscroll(self, noscroll: bool) -> Self {
        self.set(|p| p.noscroll = noscroll)
    }
    /// Counts the non-`GET` submissions that got a response.
    pub fn version(self, version: RwSignal<usize>) -> Self {
        self.set(|p| p.version = Some(version))
    }
    /// Receives the error of a failed non-`GET` submission.
    pub fn error(self, error: RwSignal<Option<Box<dyn Error>>>) -> Self {
        self.set(|p| p.error = Some(error))
    }
    /// Sees (and may change) the fields before a submission.
    pub fn on_form_data(self, f: Rc<dyn Fn(&web_sys::FormData)>) -> Self {
        self.set(|p| p.on_form_data = Some(f))
    }
    /// Receives the response of a non-`GET` submission.
    pub fn on_response(self, f: Rc<dyn Fn(&web_sys::Response)>) -> Self {
        self.set(|p| p.on_response = Some(f))
    }
    /// Receives the exception of a failed non-`GET` submission.
    pub fn on_error(self, f: Rc<dyn Fn(&JsValue)>) -> Self {
        self.set(|p| p.on_error = Some(f))
    }
    /// Fills `node_ref` with the `<form>` element.
    pub fn node_ref(self, node_ref: NodeRef<html::Form>) -> Self {
        self.set(|p| p.node_ref = Some(node_ref))
    }
    /// Adds attributes (from `attr:name=value` and `{..attrs}`).
    pub fn dyn_attrs(self, attrs: impl IntoIterator<Item = (&'static str, Attribute)>) -> Self {
        self.set(|p| p.attributes.extend(attrs))
    }
    /// Sets the fields.
    pub fn children(self, children: Children) -> Self {
        self.set(|p| p.children = children)
    }
    /// Finishes the props.
    pub fn build(self) -> FormProps {
        self.props.unwrap_or_default()
    }
}

impl Props for FormProps {
    type Builder = FormPropsBuilder;
    fn builder() -> Self::Builder {
        FormPropsBuilder::default()
    }
}

/// A `<form>` that submits inside the app.
///
/// * **`GET`** (the default) navigates to `action?name=value&…` inside the
///   app, so the target route reads the fields with
///   [`use_query_map`](super::use_query_map) or
///   [`create_query_signal`](super::create_query_signal).
/// * **Other methods** (`method="post"`) send the fields with `fetch`
///   (multipart for `enctype="multipart/form-data"`, URL-encoded
///   otherwise) to `action`, then call `on_response` and increment
///   `version`; a response redirected to a page of this app navigates
///   there through the router, one elsewhere loads it. A failed request
///   calls `on_error` and sets `error`. The page never reloads.
///
/// `action` may be a closure: the form follows it. A relative `action` is
/// resolved against the route the form is rendered in.
///
/// As in a native submission, the clicked button's own `name=value` is
/// sent after the fields, its `formaction` and `formenctype` replace the
/// form's, and a URL-encoded file field sends its file's name. A button
/// whose `formmethod` differs from the form's method leaves that
/// submission to the browser (a full page load).
///
/// # Example
///
/// ```no_run
/// use larkspur::*;
/// use larkspur::router::*;
///
/// #[component]
/// fn Search() -> impl IntoView {
///     let query = use_query_map();
///     view! {
///         <Form action="/search">
///             <input type="search" name="q"/>
///             <button type="submit">"Search"</button>
///         </Form>
///         <p>{move || query.with(|q| q.get("q").cloned().unwrap_or_default())}</p>
///     }
/// }
/// ```
#[allow(non_snake_case)]
pub fn Form(props: FormProps) -> impl IntoView {
    // Without a `<Router>` (as in 0.6) the form is the browser's: a GET
    // loads the page it names, other methods are still sent with fetch.
    let router = larkspur_reactive::use_context::<RouterContext>();
    let route = router.map(|_| super::use_route());
    let is_get = props.method.is_none_or(|m| m.eq_ignore_ascii_case("get"));
    let action = props.action;
    // The resolved target: an app path (`Ok`), or a URL that leaves the
    // app (`Err`, as written).
    // `over`: the clicked button's `formaction`, which replaces `action`.
    let target = Rc::new(move |over: Option<String>| {
        let (Some(router), Some(route)) = (router, &route) else {
            let to = over.or_else(|| action.as_ref().map(|a| a()));
            return Err(to.unwrap_or_else(|| crate::dom::history::location().0));
        };
        // A target the app wrote may carry the base (`app_path`); the
        // current path, the default, is already inside the app.
        let to = match (over, &action) {
            (Some(over), _) => router.app_path(&over).into_owned(),
            (None, Some(action)) => router.app_path(&action()).into_owned(),
            (None, None) => router.url.with(|u| u.pathname.clone()),
        };
        route.resolve_path(&to).ok_or(to)
    });
    let t = target.clone();
    let mut form = html::form()
        .attr("method", props.method.unwrap_or("get"))
        .attr("action", move || href(t(None), router, is_get));
    if let Some(class) = props.class {
        form = form.attr("class", class);
    }
    if let Some(id) = props.id {
        form = form.attr("id", id);
    }
    let multipart = props
        .enctype
        .as_deref()
        .is_some_and(|e| e.eq_ignore_ascii_case("multipart/form-data"));
    if let Some(enctype) = props.enctype {
        form = form.attr("enctype", enctype);
    }
    for (name, value) in props.attributes {
        form = form.attr(name, value);
    }
    if let Some(node_ref) = props.node_ref {
        form = form.node_ref(node_ref);
    }
    let el = form.element();
    let options = NavigateOptions {
        replace: props.replace,
        scroll: !props.noscroll,
        ..Default::default()
    };
    let on_form_data = props.on_form_data;
    if is_get {
        let on_form_data = on_form_data.clone();
        form = form.on(crate::ev::submit, move |ev| {
            let Some(router) = router else {
                return; // the browser's, with no router to route it
            };
            if ev.default_prevented() {
                return;
            }
            let button = Submitter::of(&ev);
            // A button that asks for another method is the browser's to
            // submit, as is an action that leaves the app.
            if button
                .method
                .as_deref()
                .is_some_and(|m| !m.eq_ignore_ascii_case("get"))
            {
                return;
            }
            let Ok(path) = target(button.action.clone()) else {
                return;
            };
            // The fields as the browser would encode them for a GET
            // submission. If the browser refuses (it does not here), the
            // submission is left to it.
            let Ok(data) = button.form_data(&el) else {
                return;
            };
            // Before the app's callback: a panic there must not let the
            // browser load the page instead.
            ev.prevent_default();
            if let Some(f) = &on_form_data {
                f(&data);
            }
            let query = url_encoded(&data)
                .map(|p| String::from(p.to_string()))
                .unwrap_or_default();
            let path = path.split(['?', '#']).next().unwrap_or("").to_string();
            let to = if query.is_empty() {
                path
            } else {
                format!("{path}?{query}")
            };
            // After the form's other `submit` handlers, which would not
            // run if the page they are on went first.
            super::location::navigate_when_safe(router, to, options.clone());
        });
    } else {
        let submission = Rc::new(Submission {
            method: props.method.unwrap_or("post"),
            multipart,
            version: props.version,
            error: props.error,
            on_form_data,
            on_response: props.on_response,
            on_error: props.on_error,
            router,
            options,
        });
        form = form.on(crate::ev::submit, move |ev| {
            if ev.default_prevented() {
                return;
            }
            let button = Submitter::of(&ev);
            if button
                .method
                .as_deref()
                .is_some_and(|m| !m.eq_ignore_ascii_case(submission.method))
            {
                return;
            }
            ev.prevent_default();
            let url = href(target(button.action.clone()), router, false);
            let multipart = match &button.enctype {
                Some(e) => e.eq_ignore_ascii_case("multipart/form-data"),
                None => submission.multipart,
            };
            // Read now, while the event still names its button.
            let data = button.form_data(&el);
            let submission = submission.clone();
            crate::spawn_local(async move { submission.run(data, multipart, &url).await });
        });
    }
    form.child((props.children)())
}

/// The URL a resolved form target stands for: an app path with the
/// router's base (for a `GET`, which the router navigates to, in either
/// mode; for other methods, which go to the server, in history mode, as
/// `<A>` and Leptos 0.6's `use_resolved_path` keep the base), or a URL
/// that leaves the app as written.
fn href(target: Result<String, String>, router: Option<RouterContext>, is_get: bool) -> String {
    match (target, router) {
        (Ok(path), Some(router)) if is_get || matches!(router.mode, RouterMode::History) => {
            router.href_of_path(&path)
        }
        (Ok(url) | Err(url), _) => url,
    }
}

/// What a non-`GET` submission does, shared by the form's submit events.
struct Submission {
    method: &'static str,
    multipart: bool,
    version: Option<RwSignal<usize>>,
    error: Option<RwSignal<Option<Box<dyn Error>>>>,
    on_form_data: Option<OnFormData>,
    on_response: Option<OnResponse>,
    on_error: Option<OnError>,
    router: Option<RouterContext>,
    options: NavigateOptions,
}

impl Submission {
    async fn run(&self, data: Result<web_sys::FormData, JsValue>, multipart: bool, url: &str) {
        let result = match data {
            Ok(data) => {
                if let Some(f) = &self.on_form_data {
                    f(&data);
                }
                let body: JsValue = if multipart {
                    data.into()
                } else {
                    // A file field sends its file's name, as a browser
                    // does for a URL-encoded form (`enctype=
                    // "multipart/form-data"` sends its contents).
                    match url_encoded(&data) {
                        Some(params) => params.into(),
                        None => data.into(),
                    }
                };
                crate::dom::fetch::send(url, self.method, &body).await
            }
            Err(e) => Err(e),
        };
        // The signals may be gone with the form by now: `try_` writes.
        match result {
            Ok(response) => {
                if let Some(error) = self.error {
                    error.try_set(None);
                }
                if let Some(f) = &self.on_response {
                    f(&response);
                }
                if let Some(version) = self.version {
                    version.try_update(|v| *v += 1);
                }
                if response.redirected() {
                    self.follow(&response.url());
                }
            }
            Err(e) => {
                if let Some(f) = &self.on_error {
                    f(&e);
                }
                if let Some(error) = self.error {
                    let message = e
                        .dyn_ref::<js_sys::Error>()
                        .map(|e| String::from(e.message()))
                        .or_else(|| e.as_string())
                        .unwrap_or_else(|| "the form could not be submitted".into());
                    error.try_set(Some(Box::new(FormError(message))));
                }
            }
        }
    }

    /// Goes where a redirected response ended: through the router when it
    /// is a page of this app (same origin and, in history mode, under the
    /// base path), otherwise by loading it.
    fn follow(&self, url: &str) {
        let Ok(url) = web_sys::Url::new(url) else {
            return;
        };
        let Some(router) = self.router else {
            let _ = crate::dom::helpers::window()
                .location()
                .set_href(&url.href());
            return;
        };
        let here = crate::dom::helpers::window()
            .location()
            .origin()
            .unwrap_or_default();
        let same_origin = url.origin() == here;
        let inside = match router.mode {
            RouterMode::History => same_origin
                .then(|| strip_base(&url.pathname(), &router.base.get_untracked()))
                .flatten()
                .map(|path| format!("{path}{}{}", url.search(), url.hash())),
            // In hash mode a page of the app is this document with a `#/…`.
            RouterMode::Hash => {
                let (document_path, _, _) = crate::dom::history::location();
                let hash = url.hash();
                (same_origin && url.pathname() == document_path)
                    .then(|| hash.strip_prefix('#').filter(|h| h.starts_with('/')))
                    .flatten()
                    .map(str::to_owned)
            }
        };
        match inside {
            Some(to) => router.navigate(&to, &self.options),
            None => {
                let _ = crate::dom::helpers::window()
                    .location()
                    .set_href(&url.href());
            }
        }
    }
}

/// What the clicked submit button adds to a submission, as a browser
/// reads it: its own `name=value` field and its `formaction`,
/// `formmethod` and `formenctype` overrides.
#[derive(Default)]
struct Submitter {
    button: Option<web_sys::HtmlElement>,
    field: Option<(String, String)>,
    action: Option<String>,
    method: Option<String>,
    enctype: Option<String>,
}

#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    /// `FormData`, for the constructor `web-sys` lacks.
    #[wasm_bindgen(js_name = FormData)]
    type FormDataWithSubmitter;

    /// `new FormData(form, submitter)`: the submitter's field in document
    /// order. Throws when `submitter` is not a submit button of `form`.
    #[wasm_bindgen(catch, constructor, js_class = "FormData")]
    fn new(
        form: &web_sys::HtmlFormElement,
        submitter: &web_sys::HtmlElement,
    ) -> Result<FormDataWithSubmitter, JsValue>;
}

impl Submitter {
    fn of(ev: &web_sys::SubmitEvent) -> Submitter {
        let Some(button) = ev.submitter() else {
            return Submitter::default();
        };
        let attr = |name: &str| button.get_attribute(name);
        // The value as the button has it now (a `prop:value` included).
        let value = js_sys::Reflect::get(&button, &JsValue::from_str("value"))
            .ok()
            .and_then(|v| v.as_string())
            .unwrap_or_default();
        Submitter {
            field: attr("name").filter(|n| !n.is_empty()).map(|n| (n, value)),
            action: attr("formaction").filter(|a| !a.is_empty()),
            method: attr("formmethod").filter(|m| !m.is_empty()),
            enctype: attr("formenctype").filter(|e| !e.is_empty()),
            button: Some(button),
        }
    }

    /// The form's fields with the button's own among them in document
    /// order, as a browser sends them. Where `FormData(form, submitter)`
    /// throws (a submitter that is not one of the form's buttons) or
    /// ignores its second argument (browsers before 2023), the button's
    /// field comes last.
    fn form_data(&self, form: &web_sys::HtmlFormElement) -> Result<web_sys::FormData, JsValue> {
        if let (Some(button), Some((name, value))) = (&self.button, &self.field) {
            if let Ok(data) = FormDataWithSubmitter::new(form, button) {
                let data: web_sys::FormData = data.unchecked_into();
                let sent = data
                    .get_all(name)
                    .iter()
                    .any(|v| v.as_string().as_deref() == Some(value.as_str()));
                if !sent {
                    data.append_with_str(name, value)?;
                }
                return Ok(data);
            }
        }
        let data = web_sys::FormData::new_with_form(form)?;
        if let Some((name, value)) = &self.field {
            data.append_with_str(name, value)?;
        }
        Ok(data)
    }
}

/// The fields URL-encoded (`a=1&b=x+y`); a file field gives its file's
/// name, as a browser's own URL-encoded submission does (`new
/// URLSearchParams(formData)` would send the text `[object File]`).
fn url_encoded(data: &web_sys::FormData) -> Option<web_sys::UrlSearchParams> {
    let params = web_sys::UrlSearchParams::new().ok()?;
    for entry in js_sys::try_iter(data).ok()?? {
        let entry: js_sys::Array = entry.ok()?.unchecked_into();
        let name = entry.get(0).as_string().unwrap_or_default();
        let value = entry.get(1);
        let text = match value.as_string() {
            Some(text) => text,
            None => js_sys::Reflect::get(&value, &JsValue::from_str("name"))
                .ok()
                .and_then(|n| n.as_string())
                .unwrap_or_default(),
        };
        params.append(&name, &text);
    }
    Some(params)
}
