//! Suspense and Transition: fallback while a resource read in the children
//! loads, content afterwards; Suspense falls back again on reload while
//! Transition keeps the previous content.
#![cfg(target_arch = "wasm32")]

mod async_support;
mod common;

use async_support::Gates;
use common::{test_container, text};
use larkspur::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn suspense_shows_fallback_then_content() {
    let c = test_container();
    let gates = Gates::default();
    let fetcher = gates.fetcher();
    let (source, set_source) = create_signal(1);
    let _h = mount_to_with_handle(c.clone(), move || {
        let data = create_resource(move || source.get(), fetcher);
        view! {
            <div>
                <Suspense fallback=|| view! { <i>"Loading…"</i> }>
                    <b>{move || data.get()}</b>
                </Suspense>
            </div>
        }
    });
    assert_eq!(text(&c), "Loading…");
    gates.request(0).finish().await;
    assert_eq!(c.inner_html(), "<div><b>10</b></div>");

    // A reload shows the fallback again, then the (same) content nodes.
    let b = c.query_selector("b").unwrap().unwrap();
    set_source(2);
    assert_eq!(text(&c), "Loading…");
    gates.request(1).finish().await;
    assert_eq!(c.inner_html(), "<div><b>20</b></div>");
    let b_now = c.query_selector("b").unwrap().unwrap();
    assert!(
        b.is_same_node(Some(&*b_now)),
        "the content is moved, not rebuilt"
    );
}

/// A reader that also reads the resource's source re-runs in the same
/// update that starts the reload: its boundary still waits for that load
/// (the fallback shows, a Transition reports pending), as in Leptos 0.6,
/// where a boundary a resource was read under stays counted until the
/// load ends (helper-112).
#[wasm_bindgen_test]
async fn a_reader_of_the_source_too_keeps_its_boundary_waiting() {
    let c = test_container();
    let gates = Gates::default();
    let (f1, f2) = (gates.fetcher(), gates.fetcher());
    let (id, set_id) = create_signal(1);
    let (pending, set_pending) = create_signal(false);
    let _h = mount_to_with_handle(c.clone(), move || {
        let a = create_resource(move || id.get(), f1);
        let b = create_resource(move || id.get(), f2);
        view! {
            <p><Suspense fallback=|| "wait">{move || format!("#{} {:?}", id.get(), a.get())}</Suspense></p>
            <Transition fallback=|| "first" set_pending=set_pending>
                <b>{move || format!("#{} {:?}", id.get(), b.get())}</b>
            </Transition>
        }
    });
    gates.request(0).finish().await;
    gates.request(1).finish().await;
    assert_eq!(text(&c), "#1 Some(10)#1 Some(10)");
    assert!(!pending.get());
    set_id(2);
    assert_eq!(
        text(&c),
        "wait#2 Some(10)",
        "the fallback; the old value under the Transition"
    );
    assert!(pending.get(), "the Transition waits");
    gates.request(2).finish().await;
    gates.request(3).finish().await;
    assert_eq!(text(&c), "#2 Some(20)#2 Some(20)");
    assert!(!pending.get());
}

#[wasm_bindgen_test]
async fn suspense_waits_for_every_resource_read_inside() {
    let c = test_container();
    let gates = Gates::default();
    let (f1, f2) = (gates.fetcher(), gates.fetcher());
    let _h = mount_to_with_handle(c.clone(), move || {
        let a = create_resource(|| 1, f1);
        let b = create_resource(|| 2, f2);
        // `unread` is loading too, but never read under the suspense.
        let unread = create_resource(|| 3, gates_never());
        let _ = unread;
        view! {
            <Suspense fallback=|| "wait">
                {move || a.get()} "+" {move || b.get()}
            </Suspense>
        }
    });
    assert_eq!(text(&c), "wait");
    gates.request(1).finish().await;
    assert_eq!(text(&c), "wait");
    gates.request(0).finish().await;
    assert_eq!(text(&c), "10+20");
}

/// A fetcher whose future never finishes.
fn gates_never() -> impl Fn(i32) -> std::future::Pending<i32> {
    |_| std::future::pending()
}

#[wasm_bindgen_test]
async fn resource_read_outside_suspense_does_not_suspend_it() {
    let c = test_container();
    let _h = mount_to_with_handle(c.clone(), move || {
        let slow = create_resource(|| (), |_| std::future::pending::<i32>());
        view! {
            <p>{move || slow.get()}</p>
            <Suspense fallback=|| "wait">"ready"</Suspense>
        }
    });
    assert_eq!(text(&c), "ready");
}

#[wasm_bindgen_test]
async fn transition_keeps_old_content_while_reloading() {
    let c = test_container();
    let gates = Gates::default();
    let fetcher = gates.fetcher();
    let (source, set_source) = create_signal(1);
    let (pending, set_pending) = create_signal(false);
    let _h = mount_to_with_handle(c.clone(), move || {
        let data = create_resource(move || source.get(), fetcher);
        view! {
            <Transition fallback=|| "first load" set_pending=set_pending>
                <b>{move || data.get()}</b>
            </Transition>
        }
    });
    assert_eq!(text(&c), "first load");
    assert!(pending.get());
    gates.request(0).finish().await;
    assert_eq!(c.inner_html(), "<b>10</b>");
    assert!(!pending.get());

    set_source(2);
    assert_eq!(
        c.inner_html(),
        "<b>10</b>",
        "old content stays while reloading"
    );
    assert!(pending.get());
    gates.request(1).finish().await;
    assert_eq!(c.inner_html(), "<b>20</b>");
    assert!(!pending.get());
}

#[wasm_bindgen_test]
async fn transition_set_pending_takes_a_slice_setter() {
    // 0.6's prop is `SignalSetter<bool>` (`into`): a `create_slice` setter
    // into an app's state struct.
    #[derive(Clone, Default)]
    struct Ui {
        loading: bool,
    }
    let c = test_container();
    let gates = Gates::default();
    let fetcher = gates.fetcher();
    let ui = create_rw_signal(Ui::default());
    let (loading, set_loading) = create_slice(ui, |u| u.loading, |u, v| u.loading = v);
    let _h = mount_to_with_handle(c.clone(), move || {
        let data = create_resource(|| 1, fetcher);
        view! {
            <Transition fallback=|| "first load" set_pending=set_loading>
                <b>{move || data.get()}</b>
            </Transition>
        }
    });
    assert!(loading.get_untracked());
    gates.request(0).finish().await;
    assert_eq!(c.inner_html(), "<b>10</b>");
    assert!(!loading.get_untracked());
}

#[wasm_bindgen_test]
async fn disposing_a_loading_resource_releases_its_suspense() {
    let c = test_container();
    let gates = Gates::default();
    let fetcher = gates.fetcher();
    let (show_inner, set_show_inner) = create_signal(true);
    let fetcher = std::rc::Rc::new(fetcher);
    let inner = move || {
        show_inner.get().then(|| {
            let f = fetcher.clone();
            let data = create_resource(|| 5, move |n| f(n));
            move || data.get()
        })
    };
    let _h = mount_to_with_handle(c.clone(), move || {
        view! {
            <Suspense fallback=|| "wait">"[" {inner.clone()} "]"</Suspense>
        }
    });
    assert_eq!(text(&c), "wait");
    set_show_inner(false); // disposes the loading resource
    assert_eq!(text(&c), "[]");
    gates.request(0).finish().await; // late response: ignored
    assert_eq!(text(&c), "[]");
}

#[wasm_bindgen_test]
async fn resource_errors_reach_an_error_boundary_inside_suspense() {
    let c = test_container();
    let gates = Gates::default();
    let fetch = gates.fetcher();
    let (source, set_source) = create_signal(1);
    let _h = mount_to_with_handle(c.clone(), move || {
        // Loads `n * 10`, failing for results above 100.
        let data = create_resource(
            move || source.get(),
            move |n| {
                let f = fetch(n);
                async move {
                    let v = f.await;
                    if v > 100 {
                        Err("too big".parse::<u8>().unwrap_err())
                    } else {
                        Ok(v)
                    }
                }
            },
        );
        view! {
            <Suspense fallback=|| "loading">
                <ErrorBoundary fallback=|_| "failed">
                    <b>{move || data.get()}</b>
                </ErrorBoundary>
            </Suspense>
        }
    });
    assert_eq!(text(&c), "loading");
    gates.request(0).finish().await;
    assert_eq!(c.inner_html(), "<b>10</b>");
    set_source(11);
    assert_eq!(text(&c), "loading");
    gates.request(1).finish().await;
    assert_eq!(text(&c), "failed");
    set_source(2);
    gates.request(2).finish().await;
    assert_eq!(c.inner_html(), "<b>20</b>");
}

#[wasm_bindgen_test]
async fn a_resource_read_in_its_own_body_is_released_once_when_it_goes() {
    // The component makes a resource and reads it in its body (same owner),
    // beside a slow resource B under one suspense. Hiding the component
    // while both load must leave the suspense waiting for B.
    let c = test_container();
    let gates = Gates::default();
    let fetcher = std::rc::Rc::new(gates.fetcher());
    let (show, set_show) = create_signal(true);
    let f = fetcher.clone();
    let _h = mount_to_with_handle(c.clone(), move || {
        let b = create_resource(|| 2, move |n| f(n));
        let avatar = move || {
            show.get().then(|| {
                let f = fetcher.clone();
                let pic = create_resource(|| 1, move |n| f(n));
                let alt = pic.get().unwrap_or_default(); // a read in the body
                view! { <i>{alt}</i> }
            })
        };
        view! { <Suspense fallback=|| "wait"><b>{move || b.get()}</b>{avatar.clone()}</Suspense> }
    });
    assert_eq!(text(&c), "wait");
    set_show(false);
    assert_eq!(text(&c), "wait", "B still loads");
    gates.request(0).finish().await; // B
    assert_eq!(c.inner_html(), "<b>20</b>");
}

#[wasm_bindgen_test]
async fn setting_a_resource_during_a_load_ends_it_and_ignores_its_answer() {
    // Leptos 0.6: an optimistic write wins over the load in flight.
    let c = test_container();
    let gates = Gates::default();
    let fetcher = gates.fetcher();
    let r = store_value(None::<Resource<i32, i32>>);
    let _h = mount_to_with_handle(c.clone(), move || {
        let data = create_resource(|| 4, fetcher);
        r.set_value(Some(data));
        view! { <Suspense fallback=|| "wait"><b>{move || data.get()}</b></Suspense> }
    });
    let data = r.get_value().unwrap();
    assert_eq!(text(&c), "wait");
    data.set(7);
    assert!(!data.loading().get_untracked());
    assert_eq!(c.inner_html(), "<b>7</b>");
    gates.request(0).finish().await; // the answer of the ended load
    assert_eq!(c.inner_html(), "<b>7</b>");
    data.refetch();
    assert_eq!(text(&c), "wait");
    data.update(|v| *v = Some(8));
    assert_eq!(c.inner_html(), "<b>8</b>");
    gates.request(1).finish().await;
    assert_eq!(data.get_untracked(), Some(8));
}

#[wasm_bindgen_test]
async fn disposing_a_resource_by_hand_mid_load_releases_its_suspense() {
    let c = test_container();
    let gates = Gates::default();
    let fetcher = gates.fetcher();
    let r = store_value(None::<Resource<i32, i32>>);
    let _h = mount_to_with_handle(c.clone(), move || {
        let data = create_resource(|| 3, fetcher);
        r.set_value(Some(data));
        view! { <Suspense fallback=|| "wait">"[" {move || data.try_get().flatten()} "]"</Suspense> }
    });
    assert_eq!(text(&c), "wait");
    r.get_value().unwrap().dispose();
    assert_eq!(text(&c), "[]");
    gates.request(0).finish().await;
    assert_eq!(text(&c), "[]");
}

/// Children that read the resource themselves, without a closure (Leptos
/// 0.6 builds them in a memo): the loaded data shows, and a reload shows
/// the new data.
#[wasm_bindgen_test]
async fn suspense_children_that_read_a_resource_directly_show_the_loaded_data() {
    let c = test_container();
    let gates = Gates::default();
    let fetcher = gates.fetcher();
    let (source, set_source) = create_signal(1);
    let _h = mount_to_with_handle(c.clone(), move || {
        let data = create_resource(move || source.get(), fetcher);
        view! {
            <Suspense fallback=|| "Loading…">
                {data.get().map(|d| view! { <b>{d}</b> })}
            </Suspense>
        }
    });
    assert_eq!(text(&c), "Loading…");
    gates.request(0).finish().await;
    assert_eq!(c.inner_html(), "<b>10</b>");
    set_source(2);
    assert_eq!(text(&c), "Loading…");
    gates.request(1).finish().await;
    assert_eq!(c.inner_html(), "<b>20</b>");
}

/// The same in a `<Transition>`: the old data stays while the new loads.
#[wasm_bindgen_test]
async fn transition_children_that_read_a_resource_directly_show_the_loaded_data() {
    let c = test_container();
    let gates = Gates::default();
    let fetcher = gates.fetcher();
    let (source, set_source) = create_signal(1);
    let _h = mount_to_with_handle(c.clone(), move || {
        let data = create_resource(move || source.get(), fetcher);
        view! {
            <Transition fallback=|| "Loading…">
                {data.get().map(|d| view! { <b>{d}</b> })}
            </Transition>
        }
    });
    assert_eq!(text(&c), "Loading…");
    gates.request(0).finish().await;
    assert_eq!(c.inner_html(), "<b>10</b>");
    set_source(2);
    assert_eq!(c.inner_html(), "<b>10</b>");
    gates.request(1).finish().await;
    assert_eq!(c.inner_html(), "<b>20</b>");
}

/// A boundary that first reads a resource while it reloads over a value
/// shows that value, as in Leptos 0.6 (a new reader counts as pending only
/// while there is nothing to show), and the other boundaries' counts stay
/// right when the reload ends (review-109: a route entered during an
/// action's reload showed "Loading…" over data it had).
#[wasm_bindgen_test]
async fn a_boundary_first_reading_a_reloading_resource_shows_its_value() {
    let c = test_container();
    let gates = Gates::default();
    let fetcher = gates.fetcher();
    let (source, set_source) = create_signal(1);
    let (second, set_second) = create_signal(false);
    let _h = mount_to_with_handle(c.clone(), move || {
        let data = create_resource(move || source.get(), fetcher);
        view! {
            <Suspense fallback=|| "wait">
                <b>{move || data.get()}</b>
            </Suspense>
            <Show when=move || second.get()>
                <Transition fallback=|| "loading">
                    <i>{move || data.get()}</i>
                </Transition>
                <Suspense fallback=|| "pending">
                    <u>{move || data.get()}</u>
                </Suspense>
            </Show>
        }
    });
    gates.request(0).finish().await;
    assert_eq!(text(&c), "10");
    // Reloading: the boundary that was reading it waits again ...
    set_source(2);
    assert_eq!(text(&c), "wait");
    // ... the new ones show the value there is.
    set_second(true);
    assert_eq!(text(&c), "wait1010");
    gates.request(1).finish().await;
    assert_eq!(text(&c), "202020");
    // The next reload counts every reader, and ends with none pending.
    set_source(3);
    assert_eq!(text(&c), "wait20pending");
    gates.request(2).finish().await;
    assert_eq!(text(&c), "303030");
}
