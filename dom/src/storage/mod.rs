//! Persisted signals: state kept in `localStorage`, `sessionStorage` or
//! the URL's query string, with the JSON codec chosen by cargo feature.
//!
//! A [`PersistedSignal`] reads and writes like an [`RwSignal`](crate::RwSignal).
//! It starts from the stored value (or the default when there is none),
//! writes every change through to its [`StorageBackend`], and follows
//! changes made elsewhere: other tabs (the `storage` event) and other
//! signals on the same key in this tab for the Web Storage backends (two
//! components that each make `create_local_storage_signal("cart", ..)` see
//! each other's writes, so neither writes back a stale copy); for the query
//! backend, every change of the parameter. The listeners are removed with
//! the signal's owner.
//!
//! # The URL query: one mechanism
//!
//! A [`StorageBackend::QueryParam`] signal and the router's
//! [`create_query_signal`](crate::router::create_query_signal) are the same
//! backend with different codecs (JSON here, `FromStr`/`ToString` there).
//! Made inside a [`Router`](crate::router::Router), they read the router's
//! location and write through its navigation, so they follow `<A>` clicks,
//! `navigate` and back/forward, and all signals on one key agree at once.
//! Without a router they read the browser's location, write with the
//! History API and follow `popstate`. A persisted signal replaces the
//! current history entry; `create_query_signal` pushes one, as in Leptos.
//!
//! # Failures never lose data
//!
//! Storage can be unavailable (disabled, private modes, a sandboxed
//! iframe), full, or hold text this version of the app cannot read
//! (corrupt, or written by an older version). In each case the signal
//! keeps working in memory, reports a [`StorageError`] through
//! [`PersistedSignal::error`] and warns in the console; it never panics.
//! Nothing is written until the app itself writes the signal, so stored
//! text the app could not read stays where it is (the user may want it
//! back); when the app does write, that text is first copied to
//! `KEY.unreadable` (a query parameter: the write goes to a new history
//! entry, leaving the old address one Back away) and the console says
//! so, and if the copy cannot be
//! made (storage full, or an earlier copy of other text is there) the
//! write is not made either (the new value stays in memory and the error
//! says why). A failed write keeps the new value in memory.
//!
//! # Codecs
//!
//! Values cross as JSON through [`ToJson`] and [`FromJson`]:
//!
//! * feature `serde` (default): serde + serde_json;
//! * feature `serde-lite` (with `default-features = false`): serde-lite
//!   and Larkspur's own small JSON reader and writer, for a smaller binary.
//!
//! What each costs, measured on `examples/persisted` (a to-do list kept
//! in `localStorage`, the counter's allocator) with
//! `source scripts/env.sh; cd examples/persisted; trunk build --release
//! [--no-default-features --features serde-lite]; ../../scripts/size dist`,
//! brotli, wasm + JS:
//!
//! | codec | wasm | total |
//! |---|---|---|
//! | `serde` (serde_json) | 45.7 KB | 49.9 KB |
//! | `serde-lite` | 39.9 KB | 44.2 KB |
//!
//! Apps that persist nothing pay nothing: the counter, built with the
//! default `serde` feature, has the same raw wasm size as before this
//! module existed (43,050 bytes).
//!
//! ```no_run
//! use larkspur::*;
//! use larkspur::storage::create_local_storage_signal;
//!
//! let name = create_local_storage_signal("name", String::from("world"));
//! name.set("Larkspur".to_string()); // written to localStorage["name"] as "\"Larkspur\""
//! let error = name.error(); // Some(StorageError) when storage failed
//! ```

mod codec;
#[cfg(all(feature = "serde-lite", not(feature = "serde")))]
mod json_lite;
#[cfg(feature = "serde")]
mod json_path;
mod query;
mod signal;

use std::fmt;
use std::rc::{Rc, Weak};

use larkspur_reactive::{on_cleanup, Owner};
use wasm_bindgen::JsValue;

use crate::dom::storage::{self as web, Area};

pub use codec::{CodecError, FromJson, JsonCodec, ToJson};
pub(crate) use query::{Entry, QueryParam, QueryStore};
pub use signal::{
    create_local_storage_signal, create_persisted_signal, create_persisted_signal_with_codec,
    create_query_param_signal, create_session_storage_signal, PersistedSignal,
};

/// Where a [`PersistedSignal`] keeps its value.
///
/// ```
/// use larkspur::storage::StorageBackend;
/// assert_ne!(StorageBackend::Local, StorageBackend::QueryParam);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum StorageBackend {
    /// `localStorage`: kept across sessions, shared by the origin's tabs.
    Local,
    /// `sessionStorage`: kept while the tab lives.
    Session,
    /// A parameter of the URL's query string, updated in place (no new
    /// history entry): through the router's navigation inside a
    /// [`Router`](crate::router::Router), else with
    /// `history.replaceState`. Shared with
    /// [`create_query_signal`](crate::router::create_query_signal).
    QueryParam,
}

/// Why a persisted signal could not read or write its stored value. The
/// signal itself keeps working in memory.
///
/// ```
/// use larkspur::storage::StorageError;
/// let e = StorageError::QuotaExceeded { key: "todos".into(), message: "full".into() };
/// assert_eq!(e.key(), "todos");
/// assert!(e.to_string().contains("full"));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StorageError {
    /// The storage could not be reached: it is disabled, missing, or threw
    /// on access.
    Unavailable {
        /// The signal's key.
        key: String,
        /// The browser's message.
        message: String,
    },
    /// A write was refused because the storage quota is used up.
    QuotaExceeded {
        /// The signal's key.
        key: String,
        /// The browser's message.
        message: String,
    },
    /// A write failed for another reason.
    WriteFailed {
        /// The signal's key.
        key: String,
        /// The browser's message.
        message: String,
    },
    /// The stored text could not be read as the signal's type (corrupt, or
    /// written in an older format). It is left in place until the app
    /// writes the signal, and then copied to `KEY.unreadable` first (Web
    /// Storage).
    Corrupt {
        /// The signal's key.
        key: String,
        /// What the codec found wrong, and where.
        error: CodecError,
    },
    /// The value could not be written as JSON (e.g. a map with non-string
    /// keys); nothing was stored.
    Encode {
        /// The signal's key.
        key: String,
        /// What the codec found wrong.
        error: CodecError,
    },
}

impl StorageError {
    /// The key of the signal that failed.
    ///
    /// ```
    /// use larkspur::storage::StorageError;
    /// let e = StorageError::Unavailable { key: "k".into(), message: String::new() };
    /// assert_eq!(e.key(), "k");
    /// ```
    pub fn key(&self) -> &str {
        match self {
            StorageError::Unavailable { key, .. }
            | StorageError::QuotaExceeded { key, .. }
            | StorageError::WriteFailed { key, .. }
            | StorageError::Corrupt { key, .. }
            | StorageError::Encode { key, .. } => key,
        }
    }
}

impl fmt::Display for StorageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StorageError::Unavailable { key, message } => {
                write!(f, "storage unavailable for {key:?}: {message}")
            }
            StorageError::QuotaExceeded { key, message } => {
                write!(f, "storage full, {key:?} kept in memory only: {message}")
            }
            StorageError::WriteFailed { key, message } => {
                write!(f, "could not store {key:?}, kept in memory only: {message}")
            }
            StorageError::Corrupt { key, error } => {
                write!(
                    f,
                    "stored {key:?} is unreadable, using the default: {error}"
                )
            }
            StorageError::Encode { key, error } => write!(f, "could not encode {key:?}: {error}"),
        }
    }
}

impl std::error::Error for StorageError {}

/// How a persisted signal reaches its stored text. Each constructor
/// makes the one it needs behind `Rc<dyn Store>`, so an app links only
/// the places it uses: a `localStorage` signal carries no router or URL
/// code, a query signal no Web Storage code.
pub(crate) trait Store {
    /// The stored text, `None` when there is none.
    fn read(&self, key: &str) -> Result<Option<String>, StorageError>;
    /// Stores `text`, or removes the entry with `None`.
    fn write(&self, key: &str, text: Option<&str>) -> Result<(), StorageError>;
    /// Calls `take` with the new text (`None`: removed) whenever someone
    /// else changes it, until the current owner is disposed (forever
    /// without an owner, like the signal itself).
    fn follow(&self, key: &str, take: Rc<dyn Fn(Option<String>)>);
    /// Keeps a copy of `text` (unreadable, about to be written over) where
    /// the user can still find it; where it went, if anywhere. (The URL's
    /// store writes that one change as a new history entry, so the old
    /// address stays one Back away.)
    fn back_up(&self, _key: &str, _text: &str) -> Result<Option<String>, StorageError> {
        Ok(None)
    }
    /// Whether a value this signal failed to store outlives values stored
    /// by others (another tab's, in Web Storage). Not for the URL's query:
    /// its "others" are the user's own Back and links, which always win.
    fn keeps_unsaved(&self) -> bool {
        true
    }
}

/// The store of a [`StorageBackend`], for the constructors that take the
/// backend as a value (and so link every store).
fn store_for(backend: StorageBackend, key: &str) -> Rc<dyn Store> {
    match backend {
        StorageBackend::Local => Rc::new(WebStorage(Area::Local)),
        StorageBackend::Session => Rc::new(WebStorage(Area::Session)),
        StorageBackend::QueryParam => Rc::new(QueryStore::new(key)),
    }
}

/// `localStorage` or `sessionStorage`; other tabs' changes arrive through
/// the `storage` event, which the browser never fires in the tab that
/// wrote, so signals on one key in this tab hear of each other's writes
/// through [`SAME_TAB`].
pub(crate) struct WebStorage(pub(crate) Area);

impl WebStorage {
    /// Tells this store apart from the others in [`SAME_TAB`]: its address,
    /// stable while its signal lives (a freed one is only ever reused by a
    /// store whose old entries are already dead).
    fn id(&self) -> usize {
        self as *const Self as usize
    }
}

/// A Web Storage signal following its key in this tab: its store, and its
/// callback, alive while the signal's `storage` listener is (until the
/// signal's owner is disposed).
type Follower = (usize, Area, String, Weak<dyn Fn(Option<String>)>);

larkspur_reactive::__local! {
    static SAME_TAB: std::cell::RefCell<Vec<Follower>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// After a write of `key` by `writer`: in a microtask, the other live
/// signals on `key` in this tab take the text stored *then* (a later write
/// in between wins, so no signal ends up with an older value than storage
/// holds). Deferred so that a signal is never set in the middle of the
/// writer's own code (inside a `with` of it, or of another signal on the
/// same key, the write would overlap the read), and so that a taker that
/// writes again simply queues the next round.
fn tell_same_tab(area: Area, key: &str, writer: usize) {
    let key = key.to_string();
    crate::dom::helpers::queue_microtask(move || {
        let takers: Vec<Rc<dyn Fn(Option<String>)>> = SAME_TAB.with(|f| {
            larkspur_reactive::borrow_state(f)
                .iter()
                .filter(|(id, a, k, _)| *id != writer && *a == area && *k == key)
                .filter_map(|(_, _, _, take)| take.upgrade())
                .collect()
        });
        if takers.is_empty() {
            return;
        }
        // Read with the registry released: it is a call into JavaScript.
        let Ok(text) = WebStorage(area).read(&key) else {
            return;
        };
        for take in takers {
            take(text.clone());
        }
    });
}

fn unavailable(key: &str, error: &JsValue) -> StorageError {
    StorageError::Unavailable {
        key: key.to_string(),
        message: web::describe(error).1,
    }
}

impl Store for WebStorage {
    fn read(&self, key: &str) -> Result<Option<String>, StorageError> {
        web::open(self.0)
            .and_then(|s| web::get_item(&s, key))
            .map_err(|e| unavailable(key, &e))
    }

    fn write(&self, key: &str, text: Option<&str>) -> Result<(), StorageError> {
        let storage = web::open(self.0).map_err(|e| unavailable(key, &e))?;
        let result = match text {
            Some(text) => web::set_item(&storage, key, text),
            None => web::remove_item(&storage, key),
        };
        if result.is_ok() {
            tell_same_tab(self.0, key, self.id());
        }
        result.map_err(|e| {
            let (name, message) = web::describe(&e);
            let key = key.to_string();
            match name.as_str() {
                "QuotaExceededError" | "NS_ERROR_DOM_QUOTA_REACHED" => {
                    StorageError::QuotaExceeded { key, message }
                }
                "SecurityError" => StorageError::Unavailable { key, message },
                _ => StorageError::WriteFailed { key, message },
            }
        })
    }

    /// Under `KEY.unreadable`. When an earlier copy of other text is
    /// there, nothing is copied and the write is refused (the app keeps the
    /// new value in memory) until someone removes that copy: neither text
    /// is lost.
    fn back_up(&self, key: &str, text: &str) -> Result<Option<String>, StorageError> {
        let backup = format!("{key}.unreadable");
        match self.read(&backup)? {
            Some(kept) if kept != text => Err(StorageError::WriteFailed {
                key: key.to_string(),
                message: format!(
                    "not written over unreadable text: {backup} holds an earlier copy"
                ),
            }),
            Some(_) => Ok(Some(backup)),
            None => self.write(&backup, Some(text)).map(|()| Some(backup)),
        }
    }

    fn follow(&self, key: &str, take: Rc<dyn Fn(Option<String>)>) {
        let area = self.0;
        SAME_TAB.with(|f| {
            let mut f = larkspur_reactive::borrow_state_mut(f);
            // Entries of disposed signals go here, so signals made and
            // dropped without ever writing cannot pile up.
            f.retain(|(_, _, _, take)| take.strong_count() > 0);
            f.push((self.id(), area, key.to_string(), Rc::downgrade(&take)))
        });
        let key = key.to_string();
        let listener = web::on_storage_change(area, move |changed, text| match changed {
            Some(changed) if changed != key => {}
            // `None`: the whole area was cleared.
            _ => take(text),
        });
        let Ok(listener) = listener else {
            return;
        };
        if Owner::current_strict().is_some() {
            on_cleanup(move || drop(listener));
        } else {
            std::mem::forget(listener);
        }
    }
}
