//! The todo list, its operations, its copy in `localStorage`, and the
//! filter read from the URL hash.

use larkspur::storage::{create_local_storage_signal, PersistedSignal, StorageError};
use larkspur::*;

/// The `localStorage` key the list is kept under.
pub const STORAGE_KEY: &str = "todos-larkspur";

/// One todo. Stored as JSON with serde (the default) or serde-lite
/// (`--no-default-features --features serde-lite`, a smaller app).
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(
    feature = "serde-lite",
    derive(serde_lite::Serialize, serde_lite::Deserialize)
)]
pub struct Todo {
    /// Unique within the list.
    pub id: u32,
    /// What to do (trimmed, never empty).
    pub title: String,
    /// Whether it is done.
    pub completed: bool,
}

/// Which todos the list shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Filter {
    /// Every todo (`#/`).
    All,
    /// Todos not done (`#/active`).
    Active,
    /// Todos done (`#/completed`).
    Completed,
}

impl Filter {
    /// The filter a URL hash names (`#/active` or `/active`); anything
    /// unknown shows all.
    pub fn from_hash(hash: &str) -> Filter {
        match hash.trim_start_matches('#') {
            "/active" => Filter::Active,
            "/completed" => Filter::Completed,
            _ => Filter::All,
        }
    }

    /// Whether `todo` passes the filter.
    pub fn matches(self, todo: &Todo) -> bool {
        match self {
            Filter::All => true,
            Filter::Active => !todo.completed,
            Filter::Completed => todo.completed,
        }
    }
}

/// The list, shared by every component (a `Copy` handle).
#[derive(Clone, Copy)]
pub struct Todos(PersistedSignal<Vec<Todo>>);

impl Todos {
    /// The list kept in `localStorage` under [`STORAGE_KEY`] (a persisted
    /// signal: every change is written at once, other tabs' changes arrive
    /// through the `storage` event). Empty when nothing is stored; when the
    /// stored text cannot be read it is left untouched until the first
    /// change, and the failure is reported by [`Todos::error`].
    pub fn load() -> Todos {
        let todos = Todos(create_local_storage_signal(STORAGE_KEY, Vec::new()));
        // Ids written by something else (another version of the app,
        // another page of the origin) may repeat: rows would be confused
        // (toggling one toggles another, deleting one deletes both).
        // Repeats get new ids, in the stored list and in any list another
        // tab stores later (made before the view, this effect runs before
        // the list is shown).
        create_render_effect(move |_| {
            if todos.0.with(|list| has_repeated_ids(list)) {
                todos.0.update(|list| renumber_repeats(list));
            }
        });
        todos
    }

    /// Why the list could not be read or saved, if it could not.
    pub fn error(self) -> ReadSignal<Option<StorageError>> {
        self.0.error()
    }

    /// The list itself, to read.
    pub fn list(self) -> PersistedSignal<Vec<Todo>> {
        self.0
    }

    /// Adds a todo with `title` trimmed; an empty title adds nothing.
    pub fn add(self, title: &str) {
        let title = title.trim();
        if title.is_empty() {
            return;
        }
        self.0.update(|list| {
            let id = next_id(list);
            list.push(Todo {
                id,
                title: title.to_owned(),
                completed: false,
            });
        });
    }

    /// Flips one todo between done and not done.
    pub fn toggle(self, id: u32) {
        self.0.update(|list| {
            if let Some(t) = list.iter_mut().find(|t| t.id == id) {
                t.completed = !t.completed;
            }
        });
    }

    /// Marks every todo done (or not done).
    pub fn set_all(self, completed: bool) {
        self.0
            .update(|list| list.iter_mut().for_each(|t| t.completed = completed));
    }

    /// Gives a todo a new title (trimmed); an empty one deletes it.
    pub fn rename(self, id: u32, title: &str) {
        let title = title.trim();
        if title.is_empty() {
            return self.remove(id);
        }
        self.0.update(|list| {
            if let Some(t) = list.iter_mut().find(|t| t.id == id) {
                t.title = title.to_owned();
            }
        });
    }

    /// Deletes a todo.
    pub fn remove(self, id: u32) {
        self.0.update(|list| list.retain(|t| t.id != id));
    }

    /// Deletes every todo that is done.
    pub fn clear_completed(self) {
        self.0.update(|list| list.retain(|t| !t.completed));
    }
}

/// The filter named by `location.hash`, following `hashchange` until the
/// current owner is disposed.
pub fn hash_filter() -> ReadSignal<Filter> {
    let current = || Filter::from_hash(&location_hash().unwrap_or_default());
    let (filter, set_filter) = create_signal(current());
    // Removed with the owner, like every window listener of the framework.
    let _ = window_event_listener(ev::hashchange, move |_| set_filter.set(current()));
    filter
}

/// An id no todo in `list` has: one past the largest, or, once the largest
/// is `u32::MAX` (ids written by something else), the smallest free one.
pub fn next_id(list: &[Todo]) -> u32 {
    match list.iter().map(|t| t.id).max() {
        None => 0,
        Some(max) => max.checked_add(1).unwrap_or_else(|| {
            (0..u32::MAX)
                .find(|id| list.iter().all(|t| t.id != *id))
                .unwrap_or(0)
        }),
    }
}

/// The ids up to `list.len()` that no todo has, smallest first: there are
/// more of them than repeated ids in the list. One pass, where a scan of
/// the list per free id (with thousands of repeats, a scan per repeat on
/// top) froze the page for minutes. (Plain scans elsewhere: a todo list
/// is short, and sorting or hashing would add kilobytes of code to the
/// app.)
fn free_ids(list: &[Todo]) -> impl Iterator<Item = u32> {
    let mut used = vec![false; list.len() + 1];
    for todo in list {
        if let Some(slot) = used.get_mut(todo.id as usize) {
            *slot = true;
        }
    }
    (0u32..)
        .zip(used)
        .filter(|(_, used)| !used)
        .map(|(id, _)| id)
}

fn has_repeated_ids(list: &[Todo]) -> bool {
    (1..list.len()).any(|i| list[..i].iter().any(|t| t.id == list[i].id))
}

/// Gives every todo whose id an earlier todo has a free id.
fn renumber_repeats(list: &mut [Todo]) {
    let mut free = free_ids(list);
    for i in 1..list.len() {
        if list[..i].iter().any(|t| t.id == list[i].id) {
            list[i].id = free.next().unwrap_or(0);
        }
    }
}
