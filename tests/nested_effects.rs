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

/// A write inside an effect runs only the effects it made stale, as in
/// 0.6: not the deferred first run of a sibling made in the same turn. An
/// effect may hold a `RefCell` borrow across its write (leptos-struct-table's
/// `TableContent` does; probe29).
#[wasm_bindgen_test]
async fn a_write_in_an_effect_does_not_run_a_siblings_pending_first_run() {
    use std::cell::RefCell;
    use std::rc::Rc;
    let log = Rc::new(RefCell::new(Vec::<String>::new()));
    let cell = Rc::new(RefCell::new(0));
    let (tick, set_tick) = create_signal(0);
    let (l1, c1) = (log.clone(), cell.clone());
    create_effect(move |_| {
        let mut held = c1.borrow_mut();
        *held += 1;
        l1.borrow_mut().push("e1 start".to_string());
        set_tick.set(tick.get_untracked() + 1); // nothing reads `tick` yet
        l1.borrow_mut().push("e1 end".to_string());
    });
    let (l2, c2) = (log.clone(), cell.clone());
    create_effect(move |_| {
        tick.track();
        l2.borrow_mut()
            .push(format!("e2 borrow_ok={}", c2.try_borrow().is_ok()));
    });
    common::let_tasks_run().await;
    assert_eq!(*log.borrow(), ["e1 start", "e1 end", "e2 borrow_ok=true"]);
}

/// ... nor an effect the flush queued for the same change but has not
/// reached yet.
#[wasm_bindgen_test]
async fn a_write_in_an_effect_does_not_run_a_queued_sibling() {
    use std::cell::RefCell;
    use std::rc::Rc;
    let log = Rc::new(RefCell::new(Vec::<String>::new()));
    let cell = Rc::new(RefCell::new(0));
    let (x, set_x) = create_signal(0);
    let (y, set_y) = create_signal(0);
    let (l1, c1) = (log.clone(), cell.clone());
    create_effect(move |_| {
        let v = x.get();
        let _held = c1.borrow_mut();
        l1.borrow_mut().push(format!("e1 start {v}"));
        set_y.set(y.get_untracked() + 1);
        l1.borrow_mut().push(format!("e1 end {v}"));
    });
    let (l3, c3) = (log.clone(), cell.clone());
    create_effect(move |_| {
        let v = x.get();
        l3.borrow_mut()
            .push(format!("e3 {v} borrow_ok={}", c3.try_borrow().is_ok()));
    });
    common::let_tasks_run().await;
    log.borrow_mut().clear();
    set_x.set(1);
    assert_eq!(
        *log.borrow(),
        ["e1 start 1", "e1 end 1", "e3 1 borrow_ok=true"]
    );
}
