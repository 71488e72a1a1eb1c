//! The todo list, its operations, its copy in `localStorage`, and the
//! filter read from the URL hash.

use larkspur::*;
use serde::{Deserialize, Serialize};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// The `localStorage` key the list is kept under.
pub const STORAGE_KEY: &str = "todos-larkspur";

/// One todo.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
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
    /// The filter a URL hash names; anything unknown shows all.
    pub fn from_hash(hash: &str) -> Filter {
        match hash {
            "#/active" => Filter::Active,
            "#/completed" => Filter::Completed,
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
pub struct Todos(RwSignal<Vec<Todo>>);

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

impl Todos {
    /// The list from `localStorage` (empty if there is none, or if what is
    /// there cannot be read: then a warning, and the stored text is kept
    /// until the first change), saved again, synchronously, after every
    /// change.
    pub fn load() -> Todos {
        let stored = storage().and_then(|s| s.get_item(STORAGE_KEY).ok().flatten());
        let list = match stored.as_deref().map(serde_json::from_str::<Vec<Todo>>) {
            Some(Ok(list)) => list,
            Some(Err(e)) => {
                logging::warn!("TodoMVC: ignoring unreadable {STORAGE_KEY} in localStorage: {e}");
                Vec::new()
            }
            None => Vec::new(),
        };
        // What is stored now, as this list would be written; unreadable
        // data is kept until the list differs from the (empty) fallback.
        let loaded = serde_json::to_string(&list).unwrap_or_default();
        let todos = Todos(create_rw_signal(list));
        // A render effect saves synchronously after every change, so a
        // change followed at once by closing the page is not lost.
        create_render_effect(move |saved: Option<String>| {
            let json = todos.0.with(serde_json::to_string).unwrap_or_default();
            if json != *saved.as_ref().unwrap_or(&loaded) {
                if let Some(storage) = storage() {
                    if storage.set_item(STORAGE_KEY, &json).is_err() {
                        logging::warn!(
                            "TodoMVC: could not save to localStorage (full or disabled)"
                        );
                    }
                }
            }
            json
        });
        todos
    }

    /// The list itself, to read.
    pub fn list(self) -> RwSignal<Vec<Todo>> {
        self.0
    }

    /// Adds a todo with `title` trimmed; an empty title adds nothing.
    pub fn add(self, title: &str) {
        let title = title.trim();
        if title.is_empty() {
            return;
        }
        self.0.update(|list| {
            let id = list.iter().map(|t| t.id + 1).max().unwrap_or(0);
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
    fn current() -> Filter {
        let hash = web_sys::window().and_then(|w| w.location().hash().ok());
        Filter::from_hash(&hash.unwrap_or_default())
    }
    let (filter, set_filter) = create_signal(current());
    let listener = Closure::<dyn Fn()>::new(move || set_filter.set(current()));
    let window = web_sys::window().expect("a browser window");
    let _ =
        window.add_event_listener_with_callback("hashchange", listener.as_ref().unchecked_ref());
    on_cleanup(move || {
        let _ = window
            .remove_event_listener_with_callback("hashchange", listener.as_ref().unchecked_ref());
        drop(listener);
    });
    filter
}
