//! [`Form`]: an HTML form whose GET submissions navigate inside the app
//! (`action?field=value&…`) instead of reloading the page.

use super::location::{use_router, NavigateOptions};
use crate::components::{Children, Props};
use crate::view::IntoView;

/// Props of [`Form`].
pub struct FormProps {
    /// The app path to submit to; the current path when not given.
    pub action: Option<String>,
    /// The form's method: `GET` (the default) submissions navigate inside
    /// the app; any other method is left to the browser.
    pub method: Option<&'static str>,
    /// Replace the current history entry instead of pushing one.
    pub replace: bool,
    /// Class names for the `<form>`.
    pub class: Option<String>,
    /// The `id` of the `<form>`.
    pub id: Option<String>,
    /// The `enctype` of the `<form>` (used by a non-`GET` submission, which
    /// the browser makes).
    pub enctype: Option<String>,
    /// Keep the scroll position when a `GET` submission navigates.
    pub noscroll: bool,
    /// The form's fields.
    pub children: Children,
}

/// Builder of [`FormProps`].
#[derive(Default)]
#[must_use = "call .build() to get the props"]
pub struct FormPropsBuilder {
    action: Option<String>,
    method: Option<&'static str>,
    replace: bool,
    class: Option<String>,
    id: Option<String>,
    enctype: Option<String>,
    noscroll: bool,
    children: Option<Children>,
}

impl FormPropsBuilder {
    /// Sets the path the form submits to.
    pub fn action(mut self, action: impl Into<String>) -> Self {
        self.action = Some(action.into());
        self
    }
    /// Sets the method (`"GET"` or other).
    pub fn method(mut self, method: &'static str) -> Self {
        self.method = Some(method);
        self
    }
    /// Replace the history entry when submitting.
    pub fn replace(mut self, replace: bool) -> Self {
        self.replace = replace;
        self
    }
    /// Sets the class attribute.
    pub fn class(mut self, class: impl Into<String>) -> Self {
        self.class = Some(class.into());
        self
    }
    /// Sets the `id` attribute.
    pub fn id(mut self, id: impl Into<String>) -> Self {
        self.id = Some(id.into());
        self
    }
    /// Sets the `enctype` attribute.
    pub fn enctype(mut self, enctype: impl Into<String>) -> Self {
        self.enctype = Some(enctype.into());
        self
    }
    /// Keep the scroll position when submitting navigates.
    pub fn noscroll(mut self, noscroll: bool) -> Self {
        self.noscroll = noscroll;
        self
    }
    /// Sets the fields.
    pub fn children(mut self, children: Children) -> Self {
        self.children = Some(children);
        self
    }
    /// Finishes the props.
    pub fn build(self) -> FormProps {
        FormProps {
            action: self.action,
            method: self.method,
            replace: self.replace,
            class: self.class,
            id: self.id,
            enctype: self.enctype,
            noscroll: self.noscroll,
            children: self.children.unwrap_or_else(|| Box::new(Default::default)),
        }
    }
}

impl Props for FormProps {
    type Builder = FormPropsBuilder;
    fn builder() -> Self::Builder {
        FormPropsBuilder::default()
    }
}

/// A `<form>` that, submitted with `GET`, navigates to
/// `action?name=value&…` inside the app (so the target route reads the
/// fields with [`use_query_map`](super::use_query_map) or
/// [`create_query_signal`](super::create_query_signal)).
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
    let router = use_router();
    let is_get = props.method.is_none_or(|m| m.eq_ignore_ascii_case("get"));
    let action = props
        .action
        .unwrap_or_else(|| router.url.with_untracked(|u| u.pathname.clone()));
    let mut form = crate::html::form()
        .attr("method", props.method.unwrap_or("get"))
        .attr("action", router.href(&action));
    if let Some(class) = props.class {
        form = form.attr("class", class);
    }
    if let Some(id) = props.id {
        form = form.attr("id", id);
    }
    if let Some(enctype) = props.enctype {
        form = form.attr("enctype", enctype);
    }
    if is_get {
        let el = form.element();
        let (replace, scroll) = (props.replace, !props.noscroll);
        form = form.on(crate::ev::submit, move |ev| {
            // The fields as the browser would encode them for a GET
            // submission. If the browser refuses (it does not here), the
            // submission is left to it.
            let Some(query) = form_query(&el) else {
                return;
            };
            ev.prevent_default();
            let target = action.split(['?', '#']).next().unwrap_or("").to_string();
            let target = if query.is_empty() {
                target
            } else {
                format!("{target}?{query}")
            };
            router.navigate(
                &target,
                &NavigateOptions {
                    replace,
                    scroll,
                    ..Default::default()
                },
            );
        });
    }
    form.child((props.children)())
}

/// The form's fields as a query string (`a=1&b=x+y`), without `?`.
fn form_query(form: &web_sys::HtmlFormElement) -> Option<String> {
    let data = web_sys::FormData::new_with_form(form).ok()?;
    let params = web_sys::UrlSearchParams::new_with_str_sequence_sequence(&data).ok()?;
    Some(String::from(params.to_string()))
}
