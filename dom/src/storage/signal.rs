//! [`PersistedSignal`]: an `RwSignal` whose writes go through to a
//! [`StorageBackend`], and whose value follows changes made elsewhere.

use larkspur_reactive::__signal_traits::*;
use std::rc::Rc;

use larkspur_reactive::{
    create_rw_signal, store_value, ReadSignal, RwSignal, SignalGet, SignalSet, SignalSetUntracked,
    SignalUpdate, SignalUpdateUntracked, SignalWith, StoredValue,
};

use super::{CodecError, JsonCodec, QueryStore, StorageBackend, StorageError, Store, WebStorage};
use crate::dom::storage::Area;

/// Writes a value as text for the backend.
type Encode<T> = fn(&T) -> Result<String, CodecError>;
/// Reads a value back from the backend's text.
type Decode<T> = fn(&str) -> Result<T, CodecError>;

/// Where and how a signal is stored.
struct Place<T> {
    key: String,
    default: T,
    encode: Encode<T>,
    decode: Decode<T>,
    store: Rc<dyn Store>,
    /// The stored text could not be read and has not been copied aside
    /// yet: the next write copies it first (see [`keep_unreadable`]).
    unreadable: std::cell::Cell<bool>,
    /// The last write failed: the value in memory is the only copy of
    /// what the user did, and a value stored elsewhere (another tab) does
    /// not replace it.
    unsaved: std::cell::Cell<bool>,
}

/// A signal kept in `localStorage`, `sessionStorage` or the URL query,
/// made by [`create_local_storage_signal`] and its siblings.
///
/// Read and write it like an [`RwSignal`] (`get`, `with`, `set`,
/// `update`, and the `Signal*` traits); every write is stored at once.
/// It is `Copy`, and belongs to the owner that created it.
///
/// ```no_run
/// use larkspur::*;
/// use larkspur::storage::create_local_storage_signal;
///
/// let count = create_local_storage_signal("count", 0);
/// count.update(|n| *n += 1); // localStorage["count"] is now "1"
/// let shown = move || count.get().to_string();
/// ```
pub struct PersistedSignal<T: 'static> {
    value: RwSignal<T>,
    error: RwSignal<Option<StorageError>>,
    place: StoredValue<Rc<Place<T>>>,
}

impl<T> Clone for PersistedSignal<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for PersistedSignal<T> {}

/// Makes a signal stored in `localStorage` under `key`, starting from the
/// stored value or, when there is none (or it cannot be read), `default`.
///
/// ```no_run
/// use larkspur::storage::create_local_storage_signal;
///
/// let theme = create_local_storage_signal("theme", String::from("light"));
/// theme.set("dark".to_string());
/// ```
#[cfg_attr(debug_assertions, track_caller)]
pub fn create_local_storage_signal<T: JsonCodec + Clone + 'static>(
    key: &str,
    default: T,
) -> PersistedSignal<T> {
    persisted_in(
        Rc::new(WebStorage(Area::Local)),
        key,
        default,
        T::to_json,
        T::from_json,
    )
}

/// Makes a signal stored in `sessionStorage` under `key` (kept while the
/// tab lives), starting from the stored value or `default`.
///
/// ```no_run
/// use larkspur::storage::create_session_storage_signal;
///
/// let step = create_session_storage_signal("wizard-step", 1u8);
/// step.update(|s| *s += 1);
/// ```
#[cfg_attr(debug_assertions, track_caller)]
pub fn create_session_storage_signal<T: JsonCodec + Clone + 'static>(
    key: &str,
    default: T,
) -> PersistedSignal<T> {
    persisted_in(
        Rc::new(WebStorage(Area::Session)),
        key,
        default,
        T::to_json,
        T::from_json,
    )
}

/// Makes a signal stored in the URL's query parameter `key` (as JSON, so
/// a string shows as `?q=%22text%22`), starting from the parameter or
/// `default`. Writes replace the current history entry.
///
/// Made inside a [`Router`](crate::router::Router), the signal reads and
/// writes the router's location: it follows `<A>` clicks, `navigate` and
/// back/forward, and it shares its key with
/// [`create_query_signal`](crate::router::create_query_signal) and any other
/// query signal (they are one mechanism, see [`StorageBackend::QueryParam`]).
/// Without a router it uses the browser's location and follows back/forward.
///
/// ```no_run
/// use larkspur::storage::create_query_param_signal;
///
/// let page = create_query_param_signal("page", 1u32);
/// page.set(2); // the URL now ends in ?page=2
/// ```
#[cfg_attr(debug_assertions, track_caller)]
pub fn create_query_param_signal<T: JsonCodec + Clone + 'static>(
    key: &str,
    default: T,
) -> PersistedSignal<T> {
    persisted_in(
        Rc::new(QueryStore::new(key)),
        key,
        default,
        T::to_json,
        T::from_json,
    )
}

/// Makes a signal stored in `backend` under `key`, as JSON.
///
/// ```no_run
/// use larkspur::storage::{create_persisted_signal, StorageBackend};
///
/// let open = create_persisted_signal(StorageBackend::Session, "menu-open", false);
/// ```
#[cfg_attr(debug_assertions, track_caller)]
pub fn create_persisted_signal<T: JsonCodec + Clone + 'static>(
    backend: StorageBackend,
    key: &str,
    default: T,
) -> PersistedSignal<T> {
    create_persisted_signal_with_codec(backend, key, default, T::to_json, T::from_json)
}

/// Makes a signal stored in `backend` under `key` with a codec of one's
/// own: for a query parameter that should read `?tab=settings` rather
/// than JSON, say.
///
/// ```no_run
/// use larkspur::storage::{create_persisted_signal_with_codec, CodecError, StorageBackend};
///
/// let tab = create_persisted_signal_with_codec(
///     StorageBackend::QueryParam,
///     "tab",
///     String::from("general"),
///     |tab: &String| Ok(tab.clone()),
///     |text: &str| Ok::<_, CodecError>(text.to_string()),
/// );
/// ```
#[cfg_attr(debug_assertions, track_caller)]
pub fn create_persisted_signal_with_codec<T: Clone + 'static>(
    backend: StorageBackend,
    key: &str,
    default: T,
    encode: fn(&T) -> Result<String, CodecError>,
    decode: fn(&str) -> Result<T, CodecError>,
) -> PersistedSignal<T> {
    persisted_in(super::store_for(backend, key), key, default, encode, decode)
}

/// Makes a signal kept in `store` under `key`.
#[cfg_attr(debug_assertions, track_caller)]
fn persisted_in<T: Clone + 'static>(
    store: Rc<dyn Store>,
    key: &str,
    default: T,
    encode: Encode<T>,
    decode: Decode<T>,
) -> PersistedSignal<T> {
    let place = Rc::new(Place {
        key: key.to_string(),
        default,
        encode,
        decode,
        store,
        unreadable: std::cell::Cell::new(false),
        unsaved: std::cell::Cell::new(false),
    });
    // Nothing is written here: if the stored text cannot be read, it stays
    // for the user to recover until the app writes the signal.
    let (initial, error) = match place.store.read(key) {
        Ok(Some(text)) => match decode(&text) {
            Ok(value) => (value, None),
            Err(error) => {
                place.unreadable.set(true);
                (place.default.clone(), Some(corrupt(key, error)))
            }
        },
        Ok(None) => (place.default.clone(), None),
        Err(error) => (place.default.clone(), Some(error)),
    };
    if let Some(error) = &error {
        warn(error);
    }
    let signal = PersistedSignal {
        value: create_rw_signal(initial),
        error: create_rw_signal(error),
        place: store_value(place),
    };
    signal.follow_external_changes();
    signal
}

/// Before a write (or removal) over stored text this signal could not
/// read: copies that text where the user can still find it (see
/// [`Store::back_up`]), unless it has become readable meanwhile. Owed
/// until it succeeds; nothing to do once it has.
#[inline(never)]
fn keep_unreadable<T>(place: &Place<T>) -> Result<(), StorageError> {
    if !place.unreadable.get() {
        return Ok(());
    }
    copy_unreadable(place)?;
    place.unreadable.set(false);
    Ok(())
}

fn copy_unreadable<T>(place: &Place<T>) -> Result<(), StorageError> {
    let Some(text) = place.store.read(&place.key)? else {
        return Ok(());
    };
    if (place.decode)(&text).is_ok() {
        return Ok(());
    }
    if let Some(backup) = place.store.back_up(&place.key, &text)? {
        crate::dom::console_warn(&format!(
            "larkspur: stored {:?} was unreadable; it is kept under {backup:?} before the new \
             value is written",
            place.key
        ));
    }
    Ok(())
}

fn corrupt(key: &str, error: CodecError) -> StorageError {
    StorageError::Corrupt {
        key: key.to_string(),
        error,
    }
}

fn warn(error: &StorageError) {
    crate::dom::console_warn(&format!("larkspur: {error}"));
}

impl<T: Clone + 'static> PersistedSignal<T> {
    /// The last storage failure, or `None` once a write succeeds.
    ///
    /// ```no_run
    /// use larkspur::*;
    /// use larkspur::storage::create_local_storage_signal;
    ///
    /// let notes = create_local_storage_signal("notes", Vec::<String>::new());
    /// let warning = move || notes.error().get().map(|e| e.to_string());
    /// ```
    pub fn error(&self) -> ReadSignal<Option<StorageError>> {
        self.error.read_only()
    }

    /// The value as a read-only signal.
    ///
    /// ```no_run
    /// use larkspur::storage::create_local_storage_signal;
    /// let count = create_local_storage_signal("count", 0);
    /// let reader = count.read_only();
    /// ```
    pub fn read_only(&self) -> ReadSignal<T> {
        self.value.read_only()
    }

    /// Resets the value to the default and deletes the stored entry (text
    /// that could not be read is copied to `KEY.unreadable` first, as
    /// before a write).
    ///
    /// ```no_run
    /// use larkspur::storage::create_local_storage_signal;
    /// let count = create_local_storage_signal("count", 0);
    /// count.remove(); // localStorage no longer has "count"
    /// ```
    pub fn remove(&self) {
        let Some(place) = self.place.try_get_value() else {
            return;
        };
        // Here and in the writers below: the value changes untracked, the
        // entry is written, and only then are readers told, so an effect
        // that disposes this signal's owner cannot cut the write short.
        if self
            .value
            .try_set_untracked(place.default.clone())
            .is_none()
        {
            // Unreadable text is copied aside before it is deleted too.
            let result = keep_unreadable(&place).and_then(|()| place.store.write(&place.key, None));
            self.report(&place, result);
            self.notify();
        }
    }

    /// Stores the current value; on failure the value stays in memory.
    fn persist(&self) {
        let Some(place) = self.place.try_get_value() else {
            return;
        };
        if let Err(error) = keep_unreadable(&place) {
            return self.report(&place, Err(error));
        }
        // The codec runs outside any JS call; the write after it.
        let Some(text) = self.value.try_with_untracked(|v| (place.encode)(v)) else {
            return;
        };
        let result = match text {
            Ok(text) => place.store.write(&place.key, Some(&text)),
            Err(error) => Err(StorageError::Encode {
                key: place.key.clone(),
                error,
            }),
        };
        self.report(&place, result);
    }

    /// Records how a write went.
    fn report(&self, place: &Place<T>, result: Result<(), StorageError>) {
        place.unsaved.set(result.is_err());
        match result {
            Ok(()) => self.clear_error(),
            Err(error) => {
                warn(&error);
                self.error.try_set(Some(error));
            }
        }
    }

    /// Takes in a value stored by someone else (another tab, back/forward):
    /// `None` means the entry is gone. Unreadable text is reported and the
    /// current value kept; so is a value this signal failed to store (the
    /// user's last change, which exists nowhere else): its error stays
    /// shown, and its next write stores it.
    fn take_external(&self, text: Option<String>) {
        let Some(place) = self.place.try_get_value() else {
            return;
        };
        let decoded = text.map(|t| (place.decode)(&t));
        // Readable text (or none) from elsewhere needs no copy; unreadable
        // text gets one before this signal writes over it.
        place.unreadable.set(matches!(decoded, Some(Err(_))));
        if place.unsaved.get() && place.store.keeps_unsaved() {
            return;
        }
        match decoded {
            // A readable value (or none) from elsewhere: the error about
            // what was stored before is out of date.
            None => {
                self.clear_error();
                self.value.try_set(place.default.clone());
            }
            Some(Ok(value)) => {
                self.clear_error();
                self.value.try_set(value);
            }
            Some(Err(error)) => {
                let error = corrupt(&place.key, error);
                warn(&error);
                self.error.try_set(Some(error));
            }
        }
    }

    fn clear_error(&self) {
        if self.error.try_with_untracked(Option::is_some) == Some(true) {
            self.error.try_set(None);
        }
    }

    /// Listens for changes made outside this signal, until the owner is
    /// disposed (forever without an owner, like the signal itself).
    fn follow_external_changes(self) {
        let Some(place) = self.place.try_get_value() else {
            return;
        };
        place
            .store
            .follow(&place.key, Rc::new(move |text| self.take_external(text)));
    }

    /// Clones the value and tracks it; panics if the owner was disposed.
    #[cfg_attr(debug_assertions, track_caller)]
    pub fn get(&self) -> T {
        self.value.get()
    }

    /// Clones the value without tracking it.
    #[cfg_attr(debug_assertions, track_caller)]
    pub fn get_untracked(&self) -> T {
        self.value.get_untracked()
    }

    /// Clones the value and tracks it, or `None` if disposed.
    pub fn try_get(&self) -> Option<T> {
        self.value.try_get()
    }

    /// Applies `f` to the value and tracks it.
    #[cfg_attr(debug_assertions, track_caller)]
    pub fn with<R>(&self, f: impl FnOnce(&T) -> R) -> R {
        self.value.with(f)
    }

    /// Applies `f` to the value without tracking it.
    #[cfg_attr(debug_assertions, track_caller)]
    pub fn with_untracked<R>(&self, f: impl FnOnce(&T) -> R) -> R {
        self.value.with_untracked(f)
    }

    /// Applies `f` to the value and tracks it, or `None` if disposed.
    pub fn try_with<R>(&self, f: impl FnOnce(&T) -> R) -> Option<R> {
        self.value.try_with(f)
    }

    /// Replaces the value, notifies, and stores it.
    pub fn set(&self, value: T) {
        self.try_set(value);
    }

    /// Replaces the value and stores it, or gives it back if disposed.
    pub fn try_set(&self, value: T) -> Option<T> {
        let rejected = self.value.try_set_untracked(value);
        if rejected.is_none() {
            self.persist();
            self.notify();
        }
        rejected
    }

    /// Mutates the value in place, notifies, and stores it.
    pub fn update(&self, f: impl FnOnce(&mut T)) {
        self.try_update(f);
    }

    /// Mutates the value and stores it, or `None` if disposed.
    pub fn try_update<O>(&self, f: impl FnOnce(&mut T) -> O) -> Option<O> {
        let out = self.value.try_update_untracked(f);
        if out.is_some() {
            self.persist();
            self.notify();
        }
        out
    }

    /// Tells the value's readers it changed (after it was stored).
    fn notify(&self) {
        self.value.notify();
    }
}

impl<T: Clone + 'static> SignalGet for PersistedSignal<T> {
    type Value = T;

    fn get(&self) -> T {
        PersistedSignal::get(self)
    }
    fn try_get(&self) -> Option<T> {
        PersistedSignal::try_get(self)
    }
}

impl<T: Clone + 'static> SignalWith for PersistedSignal<T> {
    type Value = T;

    fn with<R>(&self, f: impl FnOnce(&T) -> R) -> R {
        PersistedSignal::with(self, f)
    }
    fn try_with<R>(&self, f: impl FnOnce(&T) -> R) -> Option<R> {
        PersistedSignal::try_with(self, f)
    }
}

impl<T: Clone + 'static> SignalSet for PersistedSignal<T> {
    type Value = T;

    fn set(&self, value: T) {
        PersistedSignal::set(self, value)
    }
    fn try_set(&self, value: T) -> Option<T> {
        PersistedSignal::try_set(self, value)
    }
}

impl<T: Clone + 'static> SignalUpdate for PersistedSignal<T> {
    type Value = T;

    fn update(&self, f: impl FnOnce(&mut T)) {
        PersistedSignal::update(self, f)
    }
    fn try_update<O>(&self, f: impl FnOnce(&mut T) -> O) -> Option<O> {
        PersistedSignal::try_update(self, f)
    }
}
