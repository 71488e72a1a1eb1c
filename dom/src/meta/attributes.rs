//! [`Html`] and [`Body`]: attributes set on the document's `<html>` and
//! `<body>` while their owner lives. Setters of one attribute stack: the
//! innermost live one wins, and when it is disposed the value before it
//! comes back (in the end the document's own).

use std::cell::{Cell, RefCell};

use larkspur_reactive::{borrow_state_mut, create_view_effect, on_cleanup, Oco};

use super::TextProp;
use crate::dom::{head, Element};
use crate::element::attribute::{write_attribute, Attribute};
use crate::view::View;

/// Everyone setting one attribute of `<html>` or `<body>`, innermost last:
/// the last live one's value is shown, and when it goes the one before it
/// comes back (an app-wide `<Body class="app"/>` under a page's
/// `<Body class="page-x"/>`), then the document's own value.
struct Stack {
    /// `<html>` (false) or `<body>` (true).
    body: bool,
    name: &'static str,
    /// The attribute as the document had it before the first setter.
    original: Option<String>,
    /// Each live setter's id and current value (shared text, so a value
    /// from a `TrustedUrl` stays one).
    setters: Vec<(u64, Option<Oco<'static, str>>)>,
}

larkspur_reactive::__local! {
    static STACKS: RefCell<Vec<Stack>> = const { RefCell::new(Vec::new()) };
}
thread_local! {
    static NEXT_ID: Cell<u64> = const { Cell::new(0) };
}

/// Runs `f` on the stack of (`body`, `name`), made if missing. With
/// `original` (a setter arriving), a stack with no live setter first
/// records the document's value again (`original` is called before the
/// registry is borrowed: it reads the DOM).
fn with_stack<R>(
    body: bool,
    name: &'static str,
    original: Option<&dyn Fn() -> Option<String>>,
    f: impl FnOnce(&mut Stack) -> R,
) -> R {
    let idle = STACKS.with(|s| {
        !s.borrow()
            .iter()
            .any(|st| st.body == body && st.name == name && !st.setters.is_empty())
    });
    let original = original.filter(|_| idle).map(|read| read());
    STACKS.with(|s| {
        let mut stacks = borrow_state_mut(s);
        let at = match stacks
            .iter()
            .position(|st| st.body == body && st.name == name)
        {
            Some(at) => at,
            None => {
                stacks.push(Stack {
                    body,
                    name,
                    original: None,
                    setters: Vec::new(),
                });
                stacks.len() - 1
            }
        };
        match stacks.get_mut(at) {
            Some(stack) => {
                if let Some(original) = original {
                    stack.original = original;
                }
                f(stack)
            }
            None => unreachable!("found or pushed just above"),
        }
    })
}

/// Writes `value` (with the renderer's checks: no `on*` handlers, no
/// unsafe URLs, unless it came from a `TrustedUrl`) or removes the
/// attribute.
fn write(el: &Element, name: &'static str, value: Option<Oco<'static, str>>) {
    write_attribute::<true>(el, name, &Attribute::Option(value));
}

/// Sets `name` on `el` from `value` (re-read reactively) while the current
/// owner lives, on top of any earlier setter of the same attribute.
fn set_one(
    el: &Element,
    body: bool,
    name: &'static str,
    value: impl Fn() -> Option<Oco<'static, str>> + 'static,
) {
    let id = NEXT_ID.with(|n| {
        let id = n.get();
        n.set(id + 1);
        id
    });
    let read = {
        let el = el.clone();
        move || el.get_attribute(name)
    };
    with_stack(body, name, Some(&read), |s| s.setters.push((id, None)));
    let target = el.clone();
    create_view_effect(move |_: Option<()>| {
        let text = value();
        let on_top = with_stack(body, name, None, |s| {
            if let Some(entry) = s.setters.iter_mut().find(|(i, _)| *i == id) {
                entry.1 = text.clone();
            }
            s.setters.last().is_some_and(|(i, _)| *i == id)
        });
        if on_top {
            write(&target, name, text);
        }
    });
    let el = el.clone();
    on_cleanup(move || {
        let restore = STACKS.with(|s| {
            let mut stacks = borrow_state_mut(s);
            let stack = stacks
                .iter_mut()
                .find(|st| st.body == body && st.name == name)?;
            let was_top = stack.setters.last().is_some_and(|(i, _)| *i == id);
            stack.setters.retain(|(i, _)| *i != id);
            was_top.then(|| match stack.setters.last() {
                Some((_, value)) => (value.clone(), true),
                None => (stack.original.clone().map(Oco::Owned), false),
            })
        });
        match restore {
            Some((value, true)) => write(&el, name, value),
            // The document's own value (an `onload` in `index.html`), as
            // the page had it: not checked.
            Some((original, false)) => {
                write_attribute::<false>(&el, name, &Attribute::Option(original))
            }
            None => {}
        }
    });
}

/// Sets each given attribute on `el` (reactively) while the current owner
/// lives; then the value from before comes back.
fn set_attributes(
    el: Element,
    body: bool,
    attributes: Vec<(&'static str, Option<TextProp>)>,
    extra: Vec<(&'static str, Attribute)>,
) -> View {
    for (name, value) in attributes {
        if let Some(value) = value {
            set_one(&el, body, name, move || Some(value.get()));
        }
    }
    // `attr:name=value` (and `{..attrs}`) on the component.
    for (name, value) in extra {
        set_one(&el, body, name, move || value.text());
    }
    View::Empty
}

/// Attributes of the document's `<html>` element.
///
/// # Example
///
/// ```no_run
/// use larkspur::*;
/// use larkspur::meta::*;
///
/// let (dark, set_dark) = create_signal(false);
/// let root = view! { <Html lang="en" class=move || if dark.get() { "dark" } else { "light" }/> };
/// // Any other attribute with `attr:`:
/// let themed = view! { <Html lang="en" attr:data-theme="dark"/> };
/// ```
#[crate::component]
pub fn Html(
    /// The `lang` attribute.
    #[prop(optional, into)]
    lang: Option<TextProp>,
    /// The `dir` attribute.
    #[prop(optional, into)]
    dir: Option<TextProp>,
    /// The `class` attribute.
    #[prop(optional, into)]
    class: Option<TextProp>,
    /// Other attributes (`attr:data-theme="dark"`).
    #[prop(attrs)]
    attributes: Vec<(&'static str, Attribute)>,
) -> impl crate::IntoView {
    set_attributes(
        head::root_element(),
        false,
        vec![("lang", lang), ("dir", dir), ("class", class)],
        attributes,
    )
}

/// Attributes of the document's `<body>` element.
///
/// # Example
///
/// ```no_run
/// use larkspur::*;
/// use larkspur::meta::*;
///
/// let body = view! { <Body class="app"/> };
/// ```
#[crate::component]
pub fn Body(
    /// The `class` attribute.
    #[prop(optional, into)]
    class: Option<TextProp>,
    /// The `id` attribute.
    #[prop(optional, into)]
    id: Option<TextProp>,
    /// Other attributes (`attr:data-page="home"`).
    #[prop(attrs)]
    attributes: Vec<(&'static str, Attribute)>,
) -> impl crate::IntoView {
    set_attributes(
        head::body_element(),
        true,
        vec![("class", class), ("id", id)],
        attributes,
    )
}
