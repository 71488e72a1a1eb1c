//! `For`: every list operation, asserting DOM order, that surviving rows
//! keep their `Node`, how many DOM insertions/removals happened (through a
//! `MutationObserver`'s synchronous `takeRecords`), and that removed rows'
//! effects, cleanups and listeners are gone.
#![cfg(target_arch = "wasm32")]

mod common;

use std::cell::Cell;
use std::rc::Rc;

use common::{click, find, find_all, test_container, text};
use larkspur::dom::events::live_handler_count;
use larkspur::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// A mounted `<ul>` with one `<li>` per id, each row with its own signal,
/// render effect, cleanup and click listener.
struct Fixture {
    container: web_sys::HtmlElement,
    ul: web_sys::Element,
    set_items: WriteSignal<Vec<u32>>,
    live_rows: Rc<Cell<i32>>,
    clicks: Rc<Cell<u32>>,
    observer: web_sys::MutationObserver,
    _callback: Closure<dyn FnMut()>,
    handle: Option<MountHandle>,
    node_baseline: usize,
    handler_baseline: usize,
}

impl Fixture {
    fn new(initial: Vec<u32>) -> Fixture {
        let container = test_container();
        let (items, set_items) = create_signal(initial);
        let node_baseline = live_node_count();
        let handler_baseline = live_handler_count();
        let live_rows = Rc::new(Cell::new(0));
        let clicks = Rc::new(Cell::new(0));
        let (lr, cl) = (live_rows.clone(), clicks.clone());
        let handle = mount_to_with_handle(container.clone(), move || {
            html::ul().child(For(ForProps::builder()
                .each(move || items.get())
                .key(|id| *id)
                .children(move |id| {
                    let (lr, cl) = (lr.clone(), cl.clone());
                    lr.set(lr.get() + 1);
                    let lr2 = lr.clone();
                    on_cleanup(move || lr2.set(lr2.get() - 1));
                    let label = create_rw_signal(id);
                    create_render_effect(move |_| label.track());
                    html::li()
                        .on(ev::click, move |_| cl.set(cl.get() + 1))
                        .child(label)
                })
                .build()))
        });
        let ul: web_sys::Element = find(&container, "ul").unchecked_into();
        let callback = Closure::<dyn FnMut()>::new(|| {});
        let observer = web_sys::MutationObserver::new(callback.as_ref().unchecked_ref()).unwrap();
        let init = web_sys::MutationObserverInit::new();
        init.set_child_list(true);
        observer.observe_with_options(&ul, &init).unwrap();
        Fixture {
            container,
            ul,
            set_items,
            live_rows,
            clicks,
            observer,
            _callback: callback,
            handle: Some(handle),
            node_baseline,
            handler_baseline,
        }
    }

    fn texts(&self) -> Vec<String> {
        find_all(&self.ul, "li").iter().map(text).collect()
    }

    fn row(&self, id: u32) -> web_sys::Element {
        find_all(&self.ul, "li")
            .into_iter()
            .find(|li| text(li) == id.to_string())
            .unwrap_or_else(|| panic!("no row {id}"))
    }

    /// (inserted, removed) element nodes since the last call.
    fn mutations(&self) -> (u32, u32) {
        let mut added = 0;
        let mut removed = 0;
        for r in self.observer.take_records().iter() {
            let r: web_sys::MutationRecord = r.unchecked_into();
            added += count_elements(&r.added_nodes());
            removed += count_elements(&r.removed_nodes());
        }
        (added, removed)
    }

    /// Applies `next`, checks the order and that rows present before and
    /// after are the same nodes; returns the DOM (inserted, removed) counts.
    fn apply(&self, next: Vec<u32>) -> (u32, u32) {
        let before: Vec<(u32, web_sys::Element)> = find_all(&self.ul, "li")
            .into_iter()
            .map(|li| (text(&li).parse().unwrap(), li))
            .collect();
        self.mutations();
        self.set_items.set(next.clone());
        let counts = self.mutations();
        let expected: Vec<String> = next.iter().map(u32::to_string).collect();
        assert_eq!(self.texts(), expected);
        for (id, old) in &before {
            if next.contains(id) {
                assert!(
                    self.row(*id).is_same_node(Some(old)),
                    "row {id} was recreated"
                );
            }
        }
        assert_eq!(self.live_rows.get(), next.len() as i32, "live rows");
        assert_eq!(
            live_handler_count(),
            self.handler_baseline + next.len(),
            "live listeners"
        );
        counts
    }

    fn finish(mut self) {
        self.handle.take().unwrap().unmount();
        assert_eq!(self.live_rows.get(), 0);
        assert_eq!(
            live_node_count(),
            self.node_baseline,
            "reactive nodes back to baseline"
        );
        assert_eq!(
            live_handler_count(),
            self.handler_baseline,
            "listeners back to baseline"
        );
        assert_eq!(self.container.inner_html(), "");
        self.observer.disconnect();
    }
}

fn count_elements(list: &web_sys::NodeList) -> u32 {
    (0..list.length())
        .filter(|&i| {
            list.item(i)
                .map(|n| n.node_type() == web_sys::Node::ELEMENT_NODE)
                .unwrap_or(false)
        })
        .count() as u32
}

fn ids(range: std::ops::RangeInclusive<u32>) -> Vec<u32> {
    range.collect()
}

#[wasm_bindgen_test]
fn create() {
    let f = Fixture::new(ids(1..=5));
    assert_eq!(f.texts(), ["1", "2", "3", "4", "5"]);
    assert_eq!(f.live_rows.get(), 5);
    f.finish();
}

#[wasm_bindgen_test]
fn create_from_empty_inserts_once() {
    let f = Fixture::new(vec![]);
    f.mutations();
    f.set_items.set(ids(1..=5));
    // One DocumentFragment insertion: the observer sees the five rows added
    // in a single record.
    let records = f.observer.take_records();
    assert_eq!(records.length(), 1);
    assert_eq!(f.texts(), ["1", "2", "3", "4", "5"]);
    f.finish();
}

#[wasm_bindgen_test]
fn append() {
    let f = Fixture::new(ids(1..=5));
    assert_eq!(f.apply(ids(1..=7)), (2, 0));
    f.finish();
}

#[wasm_bindgen_test]
fn append_inserts_once_and_an_unchanged_list_touches_nothing() {
    let f = Fixture::new(ids(1..=5));
    f.mutations();
    f.set_items.set(ids(1..=9));
    // The four new rows go in through one fragment: one record.
    assert_eq!(f.observer.take_records().length(), 1);
    assert_eq!(f.texts(), ["1", "2", "3", "4", "5", "6", "7", "8", "9"]);
    assert_eq!(f.apply(ids(1..=9)), (0, 0));
    assert_eq!(f.apply(ids(1..=10)), (1, 0));
    f.finish();
}

#[wasm_bindgen_test]
fn prepend() {
    let f = Fixture::new(ids(1..=5));
    assert_eq!(f.apply(vec![0, 1, 2, 3, 4, 5]), (1, 0));
    f.finish();
}

#[wasm_bindgen_test]
fn insert_in_the_middle() {
    let f = Fixture::new(ids(1..=5));
    assert_eq!(f.apply(vec![1, 2, 9, 3, 4, 5]), (1, 0));
    f.finish();
}

#[wasm_bindgen_test]
fn swap_two_moves_two() {
    let f = Fixture::new(ids(1..=10));
    // A move is an insertion of an attached node: the observer reports it as
    // removed from its old place and added at the new one.
    assert_eq!(f.apply(vec![1, 9, 3, 4, 5, 6, 7, 8, 2, 10]), (2, 2));
    f.finish();
}

#[wasm_bindgen_test]
fn reverse_moves_all_but_one() {
    let f = Fixture::new(ids(1..=10));
    assert_eq!(f.apply(ids(1..=10).into_iter().rev().collect()), (9, 9));
    f.finish();
}

#[wasm_bindgen_test]
fn remove_first_middle_last() {
    let f = Fixture::new(ids(1..=6));
    assert_eq!(f.apply(ids(2..=6)), (0, 1));
    assert_eq!(f.apply(vec![2, 3, 5, 6]), (0, 1));
    assert_eq!(f.apply(vec![2, 3, 5]), (0, 1));
    f.finish();
}

#[wasm_bindgen_test]
fn replace_all() {
    let f = Fixture::new(ids(1..=5));
    assert_eq!(f.apply(ids(11..=15)), (5, 5));
    f.finish();
}

#[wasm_bindgen_test]
fn clear_when_the_list_owns_its_parent() {
    let f = Fixture::new(ids(1..=20));
    f.mutations();
    f.set_items.set(vec![]);
    // textContent = "" removes everything in one record; the marker (a text
    // node) is put back in a second.
    let records = f.observer.take_records();
    assert!(records.length() <= 2, "{} records", records.length());
    assert!(f.texts().is_empty());
    assert_eq!(f.live_rows.get(), 0);
    assert_eq!(live_handler_count(), f.handler_baseline);
    // The list still works after a clear.
    assert_eq!(f.apply(ids(1..=3)), (3, 0));
    f.finish();
}

#[wasm_bindgen_test]
fn clear_with_siblings_keeps_them() {
    let c = test_container();
    let (items, set_items) = create_signal(ids(1..=4));
    let _h = mount_to_with_handle(c.clone(), move || {
        html::ul()
            .child(html::li().child("head"))
            .child(For(ForProps::builder()
                .each(move || items.get())
                .key(|id| *id)
                .children(|id| html::li().child(id))
                .build()))
            .child(html::li().child("tail"))
    });
    let ul = find(&c, "ul");
    assert_eq!(text(&ul), "head1234tail");
    set_items(vec![]);
    assert_eq!(text(&ul), "headtail");
    set_items(vec![7, 8]);
    assert_eq!(text(&ul), "head78tail");
}

/// Replacing every row takes the one-operation path only when the list
/// fills its parent; with siblings, they stay where they are.
#[wasm_bindgen_test]
fn replace_all_with_siblings_keeps_them() {
    let c = test_container();
    let (items, set_items) = create_signal(ids(1..=4));
    let cleaned = Rc::new(Cell::new(0));
    let cl = cleaned.clone();
    let _h = mount_to_with_handle(c.clone(), move || {
        let cl = cl.clone();
        html::ul()
            .child(html::li().child("head"))
            .child(For(ForProps::builder()
                .each(move || items.get())
                .key(|id| *id)
                .children(move |id| {
                    let cl = cl.clone();
                    on_cleanup(move || cl.set(cl.get() + 1));
                    html::li().child(id)
                })
                .build()))
            .child(html::li().child("tail"))
    });
    let ul = find(&c, "ul");
    set_items(ids(5..=7));
    assert_eq!(text(&ul), "head567tail");
    assert_eq!(cleaned.get(), 4, "every replaced row was disposed");
    set_items(ids(8..=9));
    assert_eq!(text(&ul), "head89tail");
    assert_eq!(cleaned.get(), 7);
}

#[wasm_bindgen_test]
fn removed_rows_lose_their_listeners() {
    let f = Fixture::new(ids(1..=3));
    let row2 = f.row(2);
    click(&row2);
    assert_eq!(f.clicks.get(), 1);
    f.apply(vec![1, 3]);
    f.ul.append_child(&row2).unwrap();
    click(&row2);
    assert_eq!(f.clicks.get(), 1, "a removed row's handler is gone");
    row2.remove();
    click(&f.row(3));
    assert_eq!(f.clicks.get(), 2);
    f.finish();
}

#[wasm_bindgen_test]
fn sequence_of_operations() {
    let f = Fixture::new(ids(1..=8));
    f.apply(vec![8, 1, 2, 3, 4, 5, 6, 7]);
    f.apply(vec![1, 2, 3, 4, 5, 6, 7, 8]);
    f.apply(vec![2, 1, 4, 3, 6, 5, 8, 7]);
    f.apply(vec![5, 20, 1, 21, 7]);
    f.apply(vec![21, 20, 7, 5, 1, 30]);
    f.apply(vec![]);
    f.apply(vec![3, 2, 1]);
    f.finish();
}

#[wasm_bindgen_test]
fn duplicate_keys_do_not_share_a_row() {
    let c = test_container();
    let (items, set_items) = create_signal(vec![1, 2]);
    let _h = mount_to_with_handle(c.clone(), move || {
        html::ul().child(For(ForProps::builder()
            .each(move || items.get())
            .key(|id| *id)
            .children(|id| html::li().child(id))
            .build()))
    });
    set_items(vec![1, 1, 2]);
    assert_eq!(text(&find(&c, "ul")), "112");
}

#[wasm_bindgen_test]
fn rows_with_selector_touch_two_rows() {
    let c = test_container();
    let (selected, set_selected) = create_signal(0u32);
    let runs = Rc::new(Cell::new(0));
    let r = runs.clone();
    let _h = mount_to_with_handle(c.clone(), move || {
        let is_selected = create_selector(move || selected.get());
        html::ul().child(For(ForProps::builder()
            .each(|| 1..=100u32)
            .key(|id| *id)
            .children(move |id| {
                let r = r.clone();
                html::li()
                    .class("danger", move || {
                        r.set(r.get() + 1);
                        is_selected.selected(id)
                    })
                    .child(id)
            })
            .build()))
    });
    assert_eq!(runs.get(), 100);
    set_selected(5);
    assert_eq!(runs.get(), 101);
    set_selected(6);
    assert_eq!(runs.get(), 103);
    assert_eq!(find_all(&c, "li.danger").len(), 1);
}

#[wasm_bindgen_test]
fn pseudo_random_operations_keep_order_and_identity() {
    // A fixed linear congruential generator: deterministic, but covers
    // shapes the hand-written cases do not (moves next to insertions and
    // removals, changes at both ends at once).
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = move |bound: u64| {
        seed = seed
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (seed >> 33) % bound
    };
    let f = Fixture::new(ids(1..=12));
    for _ in 0..60 {
        let mut list: Vec<u32> = (0..30).filter(|_| next(3) != 0).collect();
        for i in (1..list.len()).rev() {
            if next(4) == 0 {
                let j = next(i as u64 + 1) as usize;
                list.swap(i, j);
            }
        }
        f.apply(list);
    }
    f.finish();
}

/// A row whose view panics (here: an item that does not parse) stops that
/// update, but the list stays the list the page shows: the next update
/// neither inserts the earlier rows a second time nor loses them.
#[wasm_bindgen_test]
async fn a_row_that_panics_while_being_built_leaves_the_list_usable() {
    let container = test_container();
    let (items, set_items) = create_signal(vec!["1", "2"]);
    let handle = mount_to_with_handle(container.clone(), move || {
        view! {
            <button id="bad" on:click=move |_| set_items.set(vec!["1", "2", "x"])>"bad"</button>
            <ul>
                <For each=move || items.get() key=|s| *s children=|s: &'static str| {
                    let n: u32 = s.parse().expect("a number");
                    view! { <li>{n}</li> }
                }/>
            </ul>
        }
    });
    let ul = find(&container, "ul");
    let texts = || find_all(&ul, "li").iter().map(text).collect::<Vec<_>>();
    assert_eq!(texts(), ["1", "2"]);
    // The panic ends the click's dispatch (the page sees an error event);
    // the runtime puts itself back in order in a microtask.
    click_into_one_panic(&find(&container, "#bad")).await;
    set_items.set(vec!["1", "2", "3"]);
    assert_eq!(texts(), ["1", "2", "3"]);
    set_items.set(vec!["3", "1"]);
    assert_eq!(texts(), ["3", "1"]);
    set_items.set(vec![]);
    assert!(texts().is_empty());
    handle.unmount();
}

#[wasm_bindgen_test]
fn a_key_that_reads_a_signal_re_keys_the_list_when_it_changes() {
    // As in Leptos 0.6, the key runs tracked in the list's effect: rows
    // keyed by (id, language) are made again for a new language.
    let container = test_container();
    let (lang, set_lang) = create_signal("en");
    let handle = mount_to_with_handle(container.clone(), move || {
        view! {
            <ul>
                <For
                    each=move || vec![1, 2]
                    key=move |id| (*id, lang.get())
                    children=move |id| view! { <li>{format!("{id}-{}", lang.get_untracked())}</li> }
                />
            </ul>
        }
    });
    let ul = find(&container, "ul");
    assert_eq!(text(&ul), "1-en2-en");
    set_lang.set("fr");
    assert_eq!(text(&ul), "1-fr2-fr");
    handle.unmount();
}

/// An update that panicked after disposing rows must not leave those dead
/// rows to be kept by the next update with the same keys: it rebuilds
/// every row (they showed, but no longer answered clicks).
#[wasm_bindgen_test]
async fn rows_disposed_by_a_panicked_update_are_rebuilt() {
    let container = test_container();
    let (items, set_items) = create_signal(vec!["1", "2"]);
    let clicks = Rc::new(Cell::new(0));
    let c = clicks.clone();
    let handle = mount_to_with_handle(container.clone(), move || {
        let c = c.clone();
        view! {
            <button id="bad" on:click=move |_| set_items.set(vec!["3", "x"])>"bad"</button>
            <ul>
                <For each=move || items.get() key=|s| *s children=move |s: &'static str| {
                    let n: u32 = s.parse().expect("a number");
                    let c = c.clone();
                    view! { <li on:click=move |_| c.set(c.get() + 1)>{n}</li> }
                }/>
            </ul>
        }
    });
    let ul = find(&container, "ul");
    let texts = || find_all(&ul, "li").iter().map(text).collect::<Vec<_>>();
    click_into_one_panic(&find(&container, "#bad")).await;
    set_items.set(vec!["1", "2"]);
    assert_eq!(texts(), ["1", "2"]);
    click(&find(&ul, "li"));
    assert_eq!(clicks.get(), 1, "row 1 answers again");
    set_items.set(vec!["2", "1"]);
    assert_eq!(texts(), ["2", "1"]);
    handle.unmount();
}

/// Clicks `button`, whose handler makes a row panic, and waits for the
/// runtime's reset; the page sees exactly one error event.
async fn click_into_one_panic(button: &web_sys::Element) {
    let errors = Rc::new(Cell::new(0));
    let e = errors.clone();
    let on_error = window_event_listener_untyped("error", move |ev| {
        ev.prevent_default();
        e.set(e.get() + 1);
    });
    click(button);
    common::tick().await;
    on_error.remove();
    assert_eq!(errors.get(), 1, "the row's panic");
}
