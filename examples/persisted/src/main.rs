//! A to-do list kept in `localStorage`: reload the page, or open a second
//! tab, and the list is still there. It measures what a persisted signal
//! costs with each codec (`serde` by default, or `serde-lite`); the figures
//! are in the `larkspur::storage` docs.

use larkspur::*;

#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(
    all(feature = "serde-lite", not(feature = "serde")),
    derive(serde_lite::Serialize, serde_lite::Deserialize)
)]
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
struct Todo {
    id: u32,
    title: String,
    done: bool,
}

#[component]
fn Todos() -> impl IntoView {
    let todos = create_local_storage_signal("larkspur-persisted-todos", Vec::<Todo>::new());
    // Ids written by something else (another version of the app, or two
    // tabs adding at once: both take max + 1) may repeat, and a checkbox
    // would toggle the wrong todo: repeats get new ids, in the stored list
    // and in any list another tab stores later.
    create_render_effect(move |_| {
        if todos.with(|list| has_repeated_ids(list)) {
            todos.update(|list| {
                let mut free = free_ids(list);
                for i in 1..list.len() {
                    if list[..i].iter().any(|t| t.id == list[i].id) {
                        list[i].id = free.next().unwrap_or(0);
                    }
                }
            });
        }
    });
    let input = create_node_ref::<html::Input>();
    let add = move || {
        let Some(input) = input.get() else { return };
        let title = input.value().trim().to_string();
        if title.is_empty() {
            return;
        }
        todos.update(|list| {
            let id = next_id(list);
            list.push(Todo {
                id,
                title,
                done: false,
            });
        });
        input.set_value("");
    };
    view! {
        <form on:submit=move |ev| {
            ev.prevent_default();
            add();
        }>
            <input node_ref=input placeholder="What needs doing?"/>
        </form>
        <p class="error">{move || todos.error().get().map(|e| e.to_string())}</p>
        <ul>
            <For
                each=move || todos.get()
                // The whole todo is the key: a row is rebuilt when any of
                // it changes, also when another tab's write gives an id a
                // new title (two tabs adding at once both take max + 1).
                key=|todo| todo.clone()
                children=move |todo: Todo| {
                    let id = todo.id;
                    let toggle = move |_| {
                        todos.update(|list| {
                            if let Some(t) = list.iter_mut().find(|t| t.id == id) {
                                t.done = !t.done;
                            }
                        })
                    };
                    view! {
                        <li class:done=todo.done>
                            <input type="checkbox" prop:checked=todo.done on:change=toggle />
                            {todo.title}
                        </li>
                    }
                }
            />
        </ul>
        <button on:click=move |_| todos.remove()>"Clear"</button>
    }
}

/// One past the largest id; at `u32::MAX` (ids written by something
/// else) the smallest free one.
fn next_id(list: &[Todo]) -> u32 {
    match list.iter().map(|t| t.id).max() {
        None => 0,
        Some(max) => max
            .checked_add(1)
            .unwrap_or_else(|| free_ids(list).next().unwrap_or(0)),
    }
}

/// The ids up to `list.len()` that no todo has, smallest first (more of
/// them than repeated ids in the list), in one pass: a scan of the list
/// per free id, for each repeat, froze the page with thousands of them.
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
    list.iter()
        .enumerate()
        .any(|(i, t)| list[..i].iter().any(|u| u.id == t.id))
}

fn main() {
    mount_to_body(Todos);
}
