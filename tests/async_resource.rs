//! Resources: first load, refetch on source change, the newest request
//! wins, late responses to a disposed owner are dropped, `refetch`, `set`.
#![cfg(target_arch = "wasm32")]

mod async_support;
mod common;

use async_support::Gates;
use common::test_container;
use larkspur::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn resource_loads_and_renders() {
    let c = test_container();
    let gates = Gates::default();
    let fetcher = gates.fetcher();
    let _h = mount_to_with_handle(c.clone(), move || {
        let data = create_resource(|| 1, fetcher);
        view! {
            <p>{move || if data.loading().get() { "loading".to_string() } else { String::new() }}</p>
            <span>{move || data.get()}</span>
        }
    });
    assert_eq!(c.inner_html(), "<p>loading</p><span></span>");
    assert_eq!(gates.count(), 1);
    assert_eq!(gates.request(0).arg, 1);
    gates.request(0).finish().await;
    assert_eq!(c.inner_html(), "<p></p><span>10</span>");
    assert_eq!(gates.count(), 1);
}

#[wasm_bindgen_test]
async fn source_change_refetches() {
    let gates = Gates::default();
    let (source, set_source) = create_signal(1);
    let data = create_resource(move || source.get(), gates.fetcher());
    gates.request(0).finish().await;
    assert_eq!(data.get(), Some(10));
    assert!(!data.loading().get());

    set_source(2);
    assert_eq!(gates.count(), 2);
    assert_eq!(gates.request(1).arg, 2);
    assert!(data.loading().get());
    // The previous value stays while reloading.
    assert_eq!(data.get(), Some(10));
    gates.request(1).finish().await;
    assert_eq!(data.get(), Some(20));
    assert!(!data.loading().get());

    // An equal source value does not refetch.
    set_source(2);
    assert_eq!(gates.count(), 2);
}

#[wasm_bindgen_test]
async fn stale_response_is_ignored() {
    let gates = Gates::default();
    let (source, set_source) = create_signal(1);
    let data = create_resource(move || source.get(), gates.fetcher());
    set_source(2);
    assert_eq!(gates.count(), 2);

    // The newer request answers first, then the older one.
    gates.request(1).finish().await;
    assert_eq!(data.get(), Some(20));
    assert!(!data.loading().get());
    gates.request(0).finish().await;
    assert_eq!(
        data.get(),
        Some(20),
        "the stale response must not overwrite"
    );
    assert!(!data.loading().get());
}

#[wasm_bindgen_test]
async fn older_response_does_not_end_a_newer_load() {
    let gates = Gates::default();
    let (source, set_source) = create_signal(1);
    let data = create_resource(move || source.get(), gates.fetcher());
    set_source(2);

    gates.request(0).finish().await;
    assert_eq!(data.get(), None);
    assert!(data.loading().get(), "request 2 is still in flight");
    gates.request(1).finish().await;
    assert_eq!(data.get(), Some(20));
    assert!(!data.loading().get());
}

fn count_warnings(_: &str) {
    WARNINGS.with(|w| w.set(w.get() + 1));
}

thread_local! {
    static WARNINGS: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

#[wasm_bindgen_test]
async fn disposed_owner_ignores_late_response() {
    set_warning_hook(count_warnings);
    let warnings = WARNINGS.with(|w| w.get());
    let before = live_node_count();
    let gates = Gates::default();
    let fetcher = gates.fetcher();
    let (owner, data) = create_root(|owner| (owner, create_resource(|| 7, fetcher)));
    assert_eq!(gates.count(), 1);
    owner.dispose();
    assert_eq!(live_node_count(), before);

    gates.request(0).finish().await; // must neither panic nor write
    assert_eq!(data.try_get(), None);
    assert_eq!(live_node_count(), before);
    assert_eq!(
        WARNINGS.with(|w| w.get()),
        warnings,
        "no write to a disposed signal"
    );
    // The hook does see writes to disposed signals (so the check above means something).
    let probe = create_rw_signal(0);
    probe.dispose();
    probe.set(1);
    assert_eq!(WARNINGS.with(|w| w.get()), warnings + 1);
}

#[wasm_bindgen_test]
async fn refetch_and_set() {
    let gates = Gates::default();
    let data = create_local_resource(|| 3, gates.fetcher());
    gates.request(0).finish().await;
    assert_eq!(data.get(), Some(30));

    data.set(31);
    assert_eq!(data.get(), Some(31));
    data.update(|v| *v.as_mut().unwrap() += 1);
    assert_eq!(data.with(|v| *v), Some(32));

    data.refetch();
    assert_eq!(gates.count(), 2);
    assert_eq!(gates.request(1).arg, 3);
    assert!(data.loading().get());
    gates.request(1).finish().await;
    assert_eq!(data.get(), Some(30));
}

/// A `refetch` in the same tick as another load (a source change, or a
/// second `refetch`) sends no second request, as in Leptos 0.6
/// (review-109); one in a later tick does.
#[wasm_bindgen_test]
async fn a_refetch_right_after_a_load_is_skipped() {
    let gates = Gates::default();
    let (id, set_id) = create_signal(1);
    let data = create_local_resource(move || id.get(), gates.fetcher());
    gates.request(0).finish().await;
    set_id(2);
    data.refetch();
    data.refetch();
    assert_eq!(gates.count(), 2, "the source change's load only");
    gates.request(1).finish().await;
    assert_eq!(data.get(), Some(20));
    data.refetch();
    assert_eq!(gates.count(), 3);
    gates.request(2).finish().await;
    assert_eq!(data.get(), Some(20));
}

#[wasm_bindgen_test]
async fn spawn_local_runs_the_future() {
    let (promise, resolve) = async_support::promise_pair();
    let (value, set_value) = create_signal(0);
    spawn_local(async move {
        set_value(1);
        resolve.call0(&wasm_bindgen::JsValue::NULL).unwrap();
    });
    async_support::wait(&promise).await;
    assert_eq!(value.get(), 1);
}
