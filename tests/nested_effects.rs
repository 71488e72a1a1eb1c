//! Writes inside effects in a mounted app: an app effect's write runs its
//! dependents before it returns (Leptos 0.6), but never in the middle of
//! the renderer's own update of a list or a dynamic child.
#![cfg(target_arch = "wasm32")]

mod common;

use common::{find, test_container, text};
use larkspur::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[component]
fn Row(i: i32, set_mode: WriteSignal<i32>) -> impl IntoView {
    // Its first run happens while the list builds this row.
    create_render_effect(move |_| {
        if i == 3 {
            set_mode.set(1);
        }
    });
    view! { <p class="row">{i}</p> }
}

#[wasm_bindgen_test]
fn a_rows_effect_that_replaces_its_list_waits_for_the_list_update() {
    let container = test_container();
    let (mode, set_mode) = create_signal(0);
    let (items, set_items) = create_signal(Vec::<i32>::new());
    let handle = mount_to_with_handle(container.clone(), move || {
        view! {
            <div id="out">
                {move || if mode.get() == 0 {
                    view! {
                        <For each=move || items.get() key=|i| *i let:i>
                            <Row i set_mode/>
                        </For>
                    }
                    .into_view()
                } else {
                    "other".into_view()
                }}
            </div>
        }
    });
    set_items.set(vec![1, 2]);
    let out = find(&container, "#out");
    assert_eq!(out.query_selector_all(".row").unwrap().length(), 2);
    // Row 3's effect replaces the whole list while the list is adding it.
    set_items.set(vec![1, 2, 3]);
    // The list finished its update, then the dynamic child replaced it
    // whole: no row is left behind.
    assert_eq!(text(&out), "other");
    assert!(out.query_selector(".row").unwrap().is_none());
    handle.unmount();
}

#[component]
fn Synced() -> impl IntoView {
    // Two-way sync behind a guard flag, as leptos-use's `sync_signal`.
    let (left, set_left) = create_signal(0);
    let (right, set_right) = create_signal(0);
    let syncing = store_value(false);
    create_effect(move |_| {
        let v = left.get();
        if !syncing.get_value() {
            syncing.set_value(true);
            set_right.set(v);
            syncing.set_value(false);
        }
    });
    create_effect(move |_| {
        let v = right.get();
        if !syncing.get_value() {
            syncing.set_value(true);
            set_left.set(v);
            syncing.set_value(false);
        }
    });
    view! {
        <p id="pair">{move || format!("{} {}", left.get(), right.get())}</p>
        <button id="left" on:click=move |_| set_left.update(|n| *n += 1)>"left"</button>
        <button id="right" on:click=move |_| set_right.update(|n| *n += 10)>"right"</button>
    }
}

#[wasm_bindgen_test]
async fn guard_flag_syncing_settles_in_a_mounted_app() {
    let container = test_container();
    let handle = mount_to_with_handle(container.clone(), Synced);
    common::let_tasks_run().await;
    find(&container, "#left").click();
    assert_eq!(text(&find(&container, "#pair")), "1 1");
    find(&container, "#right").click();
    assert_eq!(text(&find(&container, "#pair")), "11 11");
    handle.unmount();
}
