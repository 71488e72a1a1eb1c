//! TodoMVC, to the letter of the TodoMVC specification: the standard
//! markup and class names, hash filters (`#/`, `#/active`,
//! `#/completed`), editing on double-click (Enter, blur or the row leaving the page saves, Escape
//! cancels, an empty title deletes), and the list kept in `localStorage`.

mod store;

use larkspur::*;
use wasm_bindgen::JsCast;

pub use store::{Filter, Todo, Todos, STORAGE_KEY};

/// The whole app. Its filter follows `location.hash` (`hashchange`);
/// an app with a router passes `filter` instead, derived from the
/// router's location: a client-side navigation (`pushState`) changes the
/// URL without a `hashchange`.
#[component]
pub fn TodoMvc(
    /// The filter to show; by default the one `location.hash` names.
    #[prop(optional, into)]
    filter: Option<Signal<Filter>>,
) -> impl IntoView {
    let todos = Todos::load();
    let filter = filter.unwrap_or_else(|| store::hash_filter().into());

    let add = move |ev: web_sys::KeyboardEvent| {
        if ev.key() != "Enter" {
            return;
        }
        let input: web_sys::HtmlInputElement = ev.target().unwrap().unchecked_into();
        let title = input.value();
        if !title.trim().is_empty() {
            todos.add(&title);
            input.set_value("");
        }
    };
    let shown = move || {
        todos.list().with(|list| {
            list.iter()
                .filter(|t| filter.get().matches(t))
                .cloned()
                .collect::<Vec<_>>()
        })
    };
    let all_done = move || todos.list().with(|list| list.iter().all(|t| t.completed));
    let left = move || {
        todos
            .list()
            .with(|list| list.iter().filter(|t| !t.completed).count())
    };
    let any_done = move || todos.list().with(|list| list.iter().any(|t| t.completed));
    let not_empty = move || todos.list().with(|list| !list.is_empty());

    view! {
        <section class="todoapp">
            <header class="header">
                <h1>"todos"</h1>
                <input class="new-todo" placeholder="What needs to be done?" autofocus
                    aria-label="New todo" on:keydown=add/>
            </header>
            {move || todos.error().get().map(|e| view! {
                <p class="storage-error" role="status">{e.to_string()}</p>
            })}
            <Show when=not_empty>
                <section class="main">
                    <input id="toggle-all" class="toggle-all" type="checkbox"
                        prop:checked=all_done
                        on:change=move |ev| {
                            let input: web_sys::HtmlInputElement = ev.target().unwrap().unchecked_into();
                            todos.set_all(input.checked())
                        }/>
                    <label for="toggle-all">"Mark all as complete"</label>
                    <ul class="todo-list">
                        <For each=shown key=|todo| todo.id let:todo>
                            <TodoItem id=todo.id todos/>
                        </For>
                    </ul>
                </section>
                <footer class="footer">
                    <span class="todo-count">
                        <strong>{left}</strong>
                        {move || if left() == 1 { " item left" } else { " items left" }}
                    </span>
                    <ul class="filters">
                        <li><a href="#/" class:selected=move || filter.get() == Filter::All>"All"</a></li>
                        <li><a href="#/active" class:selected=move || filter.get() == Filter::Active>"Active"</a></li>
                        <li><a href="#/completed" class:selected=move || filter.get() == Filter::Completed>"Completed"</a></li>
                    </ul>
                    <Show when=any_done>
                        <button class="clear-completed" on:click=move |_| todos.clear_completed()>
                            "Clear completed"
                        </button>
                    </Show>
                </footer>
            </Show>
        </section>
        <footer class="info">
            <p>"Double-click to edit a todo"</p>
            <p>"Part of " <a href="https://todomvc.com">"TodoMVC"</a></p>
        </footer>
    }
}

/// One row: a checkbox, the title (double-click to edit), a delete button
/// and the edit field.
#[component]
fn TodoItem(id: u32, todos: Todos) -> impl IntoView {
    let todo = create_memo(move |_| {
        todos
            .list()
            .with(|list| list.iter().find(|t| t.id == id).cloned())
    });
    let title = move || todo.with(|t| t.as_ref().map(|t| t.title.clone()).unwrap_or_default());
    let completed = move || todo.with(|t| t.as_ref().is_some_and(|t| t.completed));
    let (editing, set_editing) = create_signal(false);
    let edit = create_node_ref::<html::Input>();

    // Enter and blur both end an edit; only the first of them saves.
    let finish = move |save: bool| {
        if !editing.get_untracked() {
            return;
        }
        set_editing.set(false);
        if save {
            if let Some(input) = edit.get_untracked() {
                todos.rename(id, &input.value());
            }
        }
    };
    // A row can go while its edit is open without a blur: Back or a
    // filter link changes the filter (browsers fire no `blur` for a
    // focused input taken out of the page), another tab clears it. What
    // was typed is saved then, as a blur would have.
    on_cleanup(move || finish(true));
    let start = move |_| {
        set_editing.set(true);
        if let Some(input) = edit.get_untracked() {
            input.set_value(&title());
            let _ = input.focus();
        }
    };

    view! {
        <li class:completed=completed class:editing=move || editing.get()>
            <div class="view">
                <input class="toggle" type="checkbox" prop:checked=completed
                    on:change=move |_| todos.toggle(id)/>
                <label on:dblclick=start>{title}</label>
                <button class="destroy" aria-label="Delete" on:click=move |_| todos.remove(id)></button>
            </div>
            <input class="edit" node_ref=edit aria-label="Edit todo"
                on:keydown=move |ev| match ev.key().as_str() {
                    "Enter" => finish(true),
                    "Escape" => finish(false),
                    _ => {}
                }
                on:blur=move |_| finish(true)/>
        </li>
    }
}
