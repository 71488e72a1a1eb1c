//! [`Title`] and the [`MetaContext`] that decides which title wins.
//!
//! Titles form a stack: the most recently created `<Title text=..>` that
//! is still alive wins, so a nested route's title replaces its parent's
//! and the parent's comes back when the route is left. A `formatter`
//! works the same way and wraps whichever text wins.

use larkspur_reactive::__signal_traits::*;
use std::cell::Cell;
use std::rc::Rc;

use larkspur_reactive::{
    create_rw_signal, create_view_effect, on_cleanup, provide_context, use_context, ReadSignal,
    RwSignal,
};

use super::TextProp;
use crate::dom::head;
use crate::view::View;

/// Wraps the page's title text, e.g. `|text| format!("{text} — My Site")`.
///
/// ```
/// use larkspur::meta::Formatter;
/// let f: Formatter = (|t: String| format!("{t}!")).into();
/// assert_eq!(f.format("Hi".into()), "Hi!");
/// ```
#[derive(Clone)]
pub struct Formatter(Rc<dyn Fn(String) -> String>);

impl Formatter {
    /// Applies the formatter.
    ///
    /// ```
    /// use larkspur::meta::Formatter;
    /// assert_eq!(Formatter::from(|t: String| t.to_uppercase()).format("a".into()), "A");
    /// ```
    pub fn format(&self, text: String) -> String {
        (self.0)(text)
    }
}

impl<F: Fn(String) -> String + 'static> From<F> for Formatter {
    fn from(f: F) -> Self {
        Formatter(Rc::new(f))
    }
}

impl std::fmt::Debug for Formatter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Formatter(..)")
    }
}

/// The head-tag state shared by the components under one
/// [`provide_meta_context`]: the stacks of title texts and formatters.
#[derive(Clone, Copy, Debug)]
pub struct MetaContext {
    /// Each title's text, computed in that title's own render effect (its
    /// contexts, its reads tracked there).
    texts: RwSignal<Vec<(u64, ReadSignal<String>)>>,
    /// Each formatter applied to the winning text, computed in its own
    /// title's render effect likewise; `None` while no title has a text.
    formatters: RwSignal<Vec<(u64, ReadSignal<Option<String>>)>>,
}

thread_local! {
    static NEXT_ENTRY: Cell<u64> = const { Cell::new(0) };
}

fn next_entry() -> u64 {
    NEXT_ENTRY.with(|n| {
        n.set(n.get() + 1);
        n.get()
    })
}

/// Provides the head-tag context at the current owner. Optional in
/// Larkspur (without it, every title shares the document's own context);
/// call it at the top of the app, as Leptos requires. When its owner is
/// disposed the page's original title comes back.
///
/// ```no_run
/// use larkspur::*;
/// use larkspur::meta::*;
///
/// #[component]
/// fn App() -> impl IntoView {
///     provide_meta_context();
///     view! { <Title text="Welcome"/> }
/// }
/// ```
pub fn provide_meta_context() {
    if use_context::<MetaContext>().is_none() {
        provide_context(new_context());
    }
}

/// The current [`MetaContext`]: the one [`provide_meta_context`] provided
/// above, or else the document's own, made on first use and shared by
/// every title of the page (one stack, so titles in sibling branches come
/// back in the right order whether or not the app provides a context).
///
/// ```no_run
/// use larkspur::meta::*;
/// let context = use_head();
/// ```
pub fn use_head() -> MetaContext {
    use_context::<MetaContext>().unwrap_or_else(document_context)
}

/// The document's context, under a root owner of its own that lives as
/// long as the page.
fn document_context() -> MetaContext {
    thread_local! {
        static DOCUMENT: Cell<Option<MetaContext>> = const { Cell::new(None) };
    }
    DOCUMENT.with(|d| match d.get() {
        Some(context) if context.texts.try_with_untracked(|_| ()).is_some() => context,
        _ => {
            let context = larkspur_reactive::create_root(|_| new_context());
            d.set(Some(context));
            context
        }
    })
}

fn new_context() -> MetaContext {
    let context = MetaContext {
        texts: create_rw_signal(Vec::new()),
        formatters: create_rw_signal(Vec::new()),
    };
    let original = head::title();
    let restore = original.clone();
    create_view_effect(move |_: Option<()>| {
        // A title being disposed may still be listed while its cleanup
        // runs: its memo reads as absent then.
        let text = context
            .texts
            .with(|texts| texts.last().map(|(_, text)| *text))
            .and_then(|text| text.try_get());
        let formatted = context
            .formatters
            .with(|fs| fs.last().map(|(_, f)| *f))
            .and_then(|f| f.try_get().flatten());
        // Nothing set yet (or everything removed): the page's own title.
        match formatted.or(text) {
            Some(title) => head::set_title(&title),
            None => head::set_title(&original),
        }
    });
    on_cleanup(move || head::set_title(&restore));
    context
}

/// Sets `document.title` while it is alive: to `text`, passed through the
/// innermost live `formatter`. Either prop may be given alone: a `Title`
/// with only a formatter formats the titles set by others.
///
/// # Example
///
/// ```no_run
/// use larkspur::*;
/// use larkspur::meta::*;
///
/// #[component]
/// fn Page() -> impl IntoView {
///     let (unread, set_unread) = create_signal(3);
///     view! {
///         <Title formatter=|text| format!("{text} | Mail")/>
///         <Title text=move || format!("Inbox ({})", unread.get())/>
///     }
/// }
/// ```
#[crate::component]
pub fn Title(
    /// The title text: a string or a closure returning one.
    #[prop(optional, into)]
    text: Option<TextProp>,
    /// Wraps the text of this and every later title.
    #[prop(optional, into)]
    formatter: Option<Formatter>,
) -> impl crate::IntoView {
    let context = use_head();
    // The text and the formatter run in render effects owned here, as
    // Leptos 0.6 runs them in this title's effect: what they read is
    // tracked, `use_context` in them finds this title's contexts (a
    // route's, an i18n provider's), not the meta context's, and under a
    // route the route's change disposes them before they would run again,
    // so what reads the route's params is never computed for the next
    // route (in memos, they were pulled first by the page's title effect,
    // outside the route: `params.get().unwrap()` in them panicked on
    // leaving the route).
    if let Some(formatter) = formatter {
        let id = next_entry();
        let texts = context.texts;
        let formatted = create_rw_signal(None);
        create_view_effect(move |_: Option<()>| {
            let text = texts
                .with(|texts| texts.last().map(|(_, text)| *text))
                .and_then(|text| text.try_get());
            formatted.set(text.map(|text| formatter.format(text)));
        });
        let formatted = formatted.read_only();
        context.formatters.update(|fs| fs.push((id, formatted)));
        on_cleanup(move || {
            context
                .formatters
                .try_update(|fs| fs.retain(|(entry, _)| *entry != id));
        });
    }
    if let Some(text) = text {
        let id = next_entry();
        let current = create_rw_signal(String::new());
        create_view_effect(move |_: Option<()>| current.set(text.get().into_owned()));
        let text = current.read_only();
        context.texts.update(|texts| texts.push((id, text)));
        on_cleanup(move || {
            context
                .texts
                .try_update(|texts| texts.retain(|(entry, _)| *entry != id));
        });
    }
    View::Empty
}
