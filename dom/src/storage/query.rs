//! One URL query parameter as a place to keep state: the backend shared by
//! [`StorageBackend::QueryParam`](super::StorageBackend::QueryParam)
//! signals and the router's
//! [`create_query_signal`](crate::router::create_query_signal).
//!
//! Inside a [`Router`](crate::router::Router) the parameter is read from
//! the router's location, so it follows everything the router follows
//! (link clicks, `navigate`, back and forward), and it is written through
//! the router's navigation, so the router and every other signal on the
//! same key see the change at once. Without a router it is read from the
//! browser's location and written with the History API; a change made by
//! one such signal, or by back/forward (`popstate`), wakes all of them.
//! Either way each signal reads the same text through a [`Memo`], so two
//! signals on one key can never disagree.

use larkspur_reactive::__signal_traits::*;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

use larkspur_reactive::{
    create_memo, create_root, create_trigger, create_view_effect, on_cleanup, Memo, Owner, Trigger,
};
use wasm_bindgen::JsValue;

use super::{StorageError, Store};
use crate::dom::storage as web;
use crate::router::{NavigateOptions, ParamsMap, RouterContext};

/// Whether a write adds a history entry (the router's
/// `create_query_signal`, as in Leptos) or replaces the current one (a
/// persisted signal: state, not a place to go back to).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Entry {
    Push,
    Replace,
}

/// The query parameter `key`, in the router's location when one is in
/// context where this was made, else in the browser's.
#[derive(Clone)]
pub(crate) struct QueryParam {
    key: Rc<str>,
    router: Option<RouterContext>,
}

thread_local! {
    /// Woken whenever the browser's query may have changed outside a
    /// router: by a write of ours (`replaceState`/`pushState` fire no
    /// event) or by `popstate`. Made on first use, so apps without query
    /// signals carry nothing.
    static BROWSER_QUERY: Cell<Option<Trigger>> = const { Cell::new(None) };
}

/// The trigger every router-less query parameter tracks; it lives in a
/// root of its own, so no component's disposal takes it away from the
/// others.
fn browser_query() -> Trigger {
    BROWSER_QUERY.with(|cell| match cell.get() {
        Some(trigger) => trigger,
        None => {
            let trigger = create_root(|_| create_trigger());
            cell.set(Some(trigger));
            trigger
        }
    })
}

impl QueryParam {
    /// The parameter `key`, in the router's location when there is a
    /// router in context.
    pub fn new(key: &str) -> Self {
        QueryParam {
            key: Rc::from(key),
            router: larkspur_reactive::use_context::<RouterContext>(),
        }
    }

    /// The parameter's current text, read now (not tracked); an error when
    /// the browser's location cannot be read.
    pub fn read(&self) -> Result<Option<String>, JsValue> {
        match self.router {
            Some(router) => Ok(router.url.with_untracked(|u| self.lookup(&u.search))),
            None => web::query_get(&self.key),
        }
    }

    fn lookup(&self, search: &str) -> Option<String> {
        ParamsMap::from_query(search)
            .get_str(&self.key)
            .map(str::to_string)
    }

    /// The parameter's text as a memo that changes whenever the parameter
    /// does, whoever changed it. Without a router, the browser's `popstate`
    /// is listened to until the current owner is disposed.
    pub fn text(&self) -> Memo<Option<String>> {
        let param = self.clone();
        if let Some(router) = self.router {
            return create_memo(move |_| router.url.with(|u| param.lookup(&u.search)));
        }
        let changed = browser_query();
        if let Ok(listener) = web::on_history_change(move || changed.notify()) {
            if Owner::current_strict().is_some() {
                on_cleanup(move || drop(listener));
            } else {
                std::mem::forget(listener);
            }
        }
        create_memo(move |_| {
            changed.track();
            // An unreadable location (no `window`) reads as no parameter.
            web::query_get(&param.key).ok().flatten()
        })
    }

    /// Sets the parameter to `text`, or removes it with `None`. Nothing
    /// happens when it already has that text, so a write never adds a
    /// history entry that changes nothing.
    pub fn write(&self, text: Option<&str>, entry: Entry) -> Result<(), JsValue> {
        if self.read().ok().as_ref().map(Option::as_deref) == Some(text) {
            return Ok(());
        }
        let Some(router) = self.router else {
            web::query_set(&self.key, text, entry == Entry::Push)?;
            // Untracked here: the write may happen inside an effect.
            browser_query().notify();
            return Ok(());
        };
        // A `<Router>` disposed meanwhile: nothing to write through.
        let (path, search, hash) = router
            .url
            .try_with_untracked(|u| (u.pathname.clone(), u.search.clone(), u.hash.clone()))
            .ok_or_else(|| JsValue::from_str("the <Router> of this query parameter is gone"))?;
        // Only this key's pair changes: the others stay as written (a
        // repeated `tag=a&tag=b` from a form keeps both values).
        let query = crate::router::with_query_param(&search, &self.key, text);
        let replace = entry == Entry::Replace;
        let options = NavigateOptions {
            replace,
            // The page stays where it is: only its state changed.
            scroll: false,
            // A replaced entry keeps its history state (a new one starts
            // without), as the router-less path does.
            state: if replace {
                router.state.get_untracked()
            } else {
                Default::default()
            },
            ..Default::default()
        };
        router.navigate(&format!("{path}{query}{hash}"), &options);
        Ok(())
    }
}

/// A persisted signal's place in the query: written in place
/// (`replaceState`, or the router's `replace`), since its value is state,
/// not somewhere to go back to.
pub(crate) struct QueryStore {
    param: QueryParam,
    /// The text this signal just wrote, until its own change comes back
    /// through the parameter's memo: the signal already holds that value,
    /// and taking it again would notify twice.
    echo: Rc<RefCell<Option<Option<String>>>>,
    /// Set by [`Store::back_up`]: the next write pushes a history entry
    /// instead of replacing the current one, so the address with the text
    /// this signal could not read stays one Back away.
    keep_address: Cell<bool>,
}

impl QueryStore {
    pub fn new(key: &str) -> Self {
        QueryStore {
            param: QueryParam::new(key),
            echo: Rc::default(),
            keep_address: Cell::new(false),
        }
    }
}

impl Store for QueryStore {
    fn read(&self, key: &str) -> Result<Option<String>, StorageError> {
        self.param.read().map_err(|e| super::unavailable(key, &e))
    }

    fn write(&self, key: &str, text: Option<&str>) -> Result<(), StorageError> {
        let unchanged = self.param.read().ok().as_ref().map(Option::as_deref) == Some(text);
        if !unchanged {
            *self.echo.borrow_mut() = Some(text.map(str::to_string));
        }
        let keep = self.keep_address.replace(false);
        let result = self
            .param
            .write(text, if keep { Entry::Push } else { Entry::Replace });
        if result.is_err() {
            self.echo.borrow_mut().take();
            self.keep_address.set(keep);
        }
        result.map_err(|e| StorageError::WriteFailed {
            key: key.to_string(),
            message: web::describe(&e).1,
        })
    }

    fn back_up(&self, _key: &str, _text: &str) -> Result<Option<String>, StorageError> {
        self.keep_address.set(true);
        Ok(Some("the previous address (Back)".to_string()))
    }

    fn follow(&self, _key: &str, take: Rc<dyn Fn(Option<String>)>) {
        // The memo changes with every write to the parameter: the router's
        // navigations, another signal's, back/forward, and our own.
        let text = self.param.text();
        let echo = self.echo.clone();
        create_view_effect(move |previous: Option<()>| {
            let text = text.get();
            let own = echo.borrow_mut().take();
            if previous.is_some() && own.as_ref() != Some(&text) {
                take(text);
            }
        });
    }

    fn keeps_unsaved(&self) -> bool {
        false
    }
}
