//! Leak loops: a keyed list filled with 1,000 rows and cleared 100 times,
//! and a router driven through 1,000 route changes (pages with params, an
//! effect, an `on_cleanup`, a window listener and a pending timer each).
//! After each loop the residue is back at its baseline: live reactive
//! nodes, delegated event handlers, live timers, window listeners and DOM
//! nodes under the mount; and the JS heap plus the wasm memory, measured
//! after a forced GC, grew less than 5% over the loop.
//!
//! The forced GC needs Chrome's `--js-flags=--expose-gc` (in
//! `webdriver.json`); without it the memory checks fail rather than pass
//! unmeasured. `webdriver.json` also turns off Chrome's IPC flooding
//! protection, which would otherwise throttle (drop) a burst of
//! `pushState` calls. Both loops take about ten seconds in a debug build.
#![cfg(target_arch = "wasm32")]

mod common;

use std::cell::Cell;
use std::time::Duration;

use common::test_container;
use larkspur::dom::events::live_handler_count;
use larkspur::router::*;
use larkspur::testing::{click, sleep_ms, tick};
use larkspur::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen(inline_js = r#"
const live = new Set();
let patched = false;
export function count_window_listeners() {
  if (patched) return;
  patched = true;
  const add = window.addEventListener, remove = window.removeEventListener;
  const key = (type, f, o) => type + "\u0000" + (typeof o === "boolean" ? o : !!(o && o.capture));
  window.addEventListener = function (type, f, o) {
    if (f) live.add({ k: key(type, f, o), f });
    return add.call(this, type, f, o);
  };
  window.removeEventListener = function (type, f, o) {
    const k = key(type, f, o);
    for (const e of live) if (e.k === k && e.f === f) { live.delete(e); break; }
    return remove.call(this, type, f, o);
  };
}
export function window_listeners() { return live.size; }
export function heap_after_gc() {
  if (typeof globalThis.gc !== "function") return -1;
  globalThis.gc();
  globalThis.gc();
  const m = globalThis.performance && performance.memory;
  return m ? m.usedJSHeapSize : -2;
}
"#)]
extern "C" {
    fn count_window_listeners();
    fn window_listeners() -> u32;
    fn heap_after_gc() -> f64;
}

/// What must return to baseline after a loop.
#[derive(Debug, PartialEq)]
struct Residue {
    reactive_nodes: usize,
    event_handlers: usize,
    timers: usize,
    window_listeners: u32,
    dom_nodes: u32,
}

fn residue(root: &web_sys::Element) -> Residue {
    Residue {
        reactive_nodes: live_node_count(),
        event_handlers: live_handler_count(),
        timers: live_timer_count(),
        window_listeners: window_listeners(),
        dom_nodes: root.get_elements_by_tag_name("*").length(),
    }
}

/// JS heap plus wasm memory, in bytes, after a forced full GC.
fn memory_after_gc() -> f64 {
    let heap = heap_after_gc();
    assert!(
        heap != -1.0,
        "globalThis.gc is missing: the memory check needs Chrome started with \
         --js-flags=--expose-gc (webdriver.json at the crate root)"
    );
    assert!(heap != -2.0, "performance.memory is missing (not Chrome?)");
    let wasm: js_sys::WebAssembly::Memory = wasm_bindgen::memory().unchecked_into();
    let wasm = wasm
        .buffer()
        .unchecked_into::<js_sys::ArrayBuffer>()
        .byte_length();
    heap + f64::from(wasm)
}

fn assert_growth_under_5_percent(before: f64, after: f64, what: &str) {
    let grown = after / before - 1.0;
    web_sys::console::log_1(
        &format!(
            "{what}: JS heap + wasm memory {before} -> {after} bytes ({:+.2}%)",
            grown * 100.0
        )
        .into(),
    );
    assert!(
        grown < 0.05,
        "{what}: JS heap + wasm memory grew {:.1}% ({before} -> {after} bytes)",
        grown * 100.0
    );
}

// ---------------------------------------------------------------- rows

fn rows_app(rows: ReadSignal<Vec<(usize, String)>>) -> impl IntoView {
    view! {
        <table><tbody>
            <For
                each=move || rows.get()
                key=|row| row.0
                children=move |(id, label)| {
                    let (selected, set_selected) = create_signal(false);
                    view! {
                        <tr class:danger=selected>
                            <td>{id}</td>
                            <td><a on:click=move |_| set_selected.update(|s| *s = !*s)>{label}</a></td>
                        </tr>
                    }
                }
            />
        </tbody></table>
    }
}

fn thousand_rows(cycle: usize) -> Vec<(usize, String)> {
    (0..1000)
        .map(|i| (cycle * 1000 + i, format!("row {i}")))
        .collect()
}

#[wasm_bindgen_test]
async fn a_thousand_rows_created_and_cleared_a_hundred_times_leave_nothing() {
    count_window_listeners();
    let container = test_container();
    let (rows, set_rows) = create_signal(Vec::new());
    let handle = mount_to_with_handle(container.clone(), move || rows_app(rows));
    let body = container.query_selector("tbody").unwrap().unwrap();

    let run = |cycle: usize| {
        set_rows.set(thousand_rows(cycle));
        assert_eq!(body.child_element_count(), 1000);
        // One row used, so its handler and signal do something.
        let link = body.query_selector("tr:nth-child(7) a").unwrap().unwrap();
        click(&link);
        assert_eq!(body.query_selector_all("tr.danger").unwrap().length(), 1);
        set_rows.set(Vec::new());
        assert_eq!(body.child_element_count(), 0);
    };
    // Warm-up: interned names, the event table, allocator pages, and the
    // JS engine's compiled code for the glue (part of the JS heap).
    for cycle in 0..20 {
        run(cycle);
        sleep_ms(0).await;
    }
    tick().await;
    let base = residue(&container);
    let memory = memory_after_gc();
    for cycle in 20..120 {
        run(cycle);
        // A task boundary, so the test runner's page (polled over
        // WebDriver) is never blocked for long on a busy machine.
        sleep_ms(0).await;
    }
    tick().await;
    assert_eq!(residue(&container), base, "residue after 100 × 1,000 rows");
    assert_growth_under_5_percent(memory, memory_after_gc(), "100 × 1,000 rows");
    // The counters see the rows while they are there.
    set_rows.set(thousand_rows(0));
    let full = residue(&container);
    assert!(
        full.event_handlers >= base.event_handlers + 1000,
        "{full:?}"
    );
    assert!(
        full.reactive_nodes >= base.reactive_nodes + 1000,
        "{full:?}"
    );
    assert_eq!(
        full.dom_nodes,
        base.dom_nodes + 4000,
        "a tr, two td and an a per row"
    );
    set_rows.set(Vec::new());
    assert_eq!(residue(&container), base);
    handle.unmount();
}

// -------------------------------------------------------------- routes

thread_local! {
    static PAGES: Cell<usize> = const { Cell::new(0) };
    static CLEANUPS: Cell<usize> = const { Cell::new(0) };
    static EFFECT_RUNS: Cell<usize> = const { Cell::new(0) };
}

fn bump(counter: &'static std::thread::LocalKey<Cell<usize>>) {
    counter.with(|c| c.set(c.get() + 1));
}

/// What every non-home page owns: an effect over its params, a cleanup, a
/// window listener and a timer that is still pending when the page goes.
fn page_resources(params: Memo<ParamsMap>) {
    bump(&PAGES);
    create_effect(move |_| {
        params.with(|p| p.get("id").map(String::len));
        bump(&EFFECT_RUNS);
    });
    on_cleanup(|| bump(&CLEANUPS));
    window_event_listener(ev::resize, |_| {});
    set_timeout(
        || panic!("a page's timer outlived its page"),
        Duration::from_secs(600),
    );
}

#[component]
fn UserPage() -> impl IntoView {
    let params = use_params_map();
    page_resources(params);
    view! { <h2 id="page">"User " {move || params.with(|p| p.get("id").cloned().unwrap_or_default())}</h2> }
}

#[component]
fn PostPage() -> impl IntoView {
    let params = use_params_map();
    page_resources(params);
    view! {
        <h2 id="page">
            "Post " {move || params.with(|p| p.get("id").cloned().unwrap_or_default())}
            " " {move || params.with(|p| p.get("tab").cloned().unwrap_or_default())}
        </h2>
    }
}

#[component]
fn RoutesApp() -> impl IntoView {
    view! {
        <Router base="">
            <nav>
                <A href="/users/1" class="to-0">"user 1"</A>
                <A href="/users/2" class="to-1">"user 2"</A>
                <A href="/posts/3/comments" class="to-2">"post 3"</A>
                <A href="/" class="to-3">"home"</A>
            </nav>
            <Routes fallback=|| view! { <h2 id="page">"Not found"</h2> }>
                <Route path="" view=|| view! { <h2 id="page">"Home"</h2> }/>
                <Route path="users/:id" view=UserPage/>
                <Route path="posts/:id/:tab?" view=PostPage/>
            </Routes>
        </Router>
    }
}

const EXPECTED: [&str; 4] = ["User 1", "User 2", "Post 3 comments", "Home"];

#[wasm_bindgen_test]
async fn a_thousand_route_changes_leave_nothing() {
    count_window_listeners();
    let history = web_sys::window().unwrap().history().unwrap();
    history
        .replace_state_with_url(&JsValue::NULL, "", Some("/"))
        .unwrap();
    let container = test_container();
    let handle = mount_to_with_handle(container.clone(), RoutesApp);
    let links: Vec<web_sys::Element> = (0..4)
        .map(|i| {
            container
                .query_selector(&format!(".to-{i}"))
                .unwrap()
                .unwrap()
        })
        .collect();
    let page = || {
        container
            .query_selector("#page")
            .unwrap()
            .unwrap()
            .text_content()
            .unwrap()
    };
    let step = |i: usize| {
        click(&links[i % 4]);
        assert_eq!(page(), EXPECTED[i % 4]);
    };
    assert_eq!(page(), "Home");

    // Warm-up, ending on the home page as the measured loop will.
    for i in 0..200 {
        step(i);
        if i % 20 == 0 {
            sleep_ms(0).await;
        }
    }
    tick().await;
    let base = residue(&container);
    let memory = memory_after_gc();
    let (pages, cleanups) = (PAGES.with(Cell::get), CLEANUPS.with(Cell::get));
    for i in 0..1000 {
        step(i);
        if i % 20 == 0 {
            sleep_ms(0).await; // as above: let the runner's page breathe
        }
    }
    tick().await;
    assert_eq!(page(), "Home");
    // /users/1 -> /users/2 keeps the page (its params change): 500 pages
    // made, and every one of them cleaned up.
    assert_eq!(PAGES.with(Cell::get) - pages, 500);
    assert_eq!(CLEANUPS.with(Cell::get) - cleanups, 500);
    assert!(EFFECT_RUNS.with(Cell::get) > 0);
    assert_eq!(
        residue(&container),
        base,
        "residue after 1,000 route changes"
    );
    assert_growth_under_5_percent(memory, memory_after_gc(), "1,000 route changes");
    // The counters see a page's resources (so "back at baseline" means
    // something): on a user page there is one more listener and timer.
    step(0);
    let on_page = residue(&container);
    assert_eq!(on_page.window_listeners, base.window_listeners + 1);
    assert_eq!(on_page.timers, base.timers + 1);
    assert!(on_page.reactive_nodes > base.reactive_nodes);
    step(3);
    assert_eq!(residue(&container), base);
    handle.unmount();
    history
        .replace_state_with_url(&JsValue::NULL, "", Some("/"))
        .unwrap();
}
