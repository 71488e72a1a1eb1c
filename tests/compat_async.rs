//! Issue 9, item 6: actions, multi-actions, resource mapping and
//! `larkspur::error::Result`, as Leptos 0.6 apps use them.
#![cfg(target_arch = "wasm32")]

mod async_support;
mod common;

use async_support::Gates;
use common::{click, find, test_container};
use larkspur::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn an_action_reports_input_pending_value_and_version() {
    let container = test_container();
    let gates = Gates::default();
    let fetch = gates.fetcher();
    let add = create_action(move |n: &i32| fetch(*n));
    let _h = mount_to_with_handle(container.clone(), move || {
        view! {
            <button id="go" on:click=move |_| add.dispatch(4)>"Add"</button>
            <p id="pending">{move || add.pending().get().to_string()}</p>
            <p id="value">{move || add.value().get().map(|v| v.to_string())}</p>
            <p id="version">{move || add.version().get()}</p>
        }
    });
    assert_eq!(
        find(&container, "#pending").text_content().unwrap(),
        "false"
    );
    click(&find(&container, "#go"));
    assert_eq!(find(&container, "#pending").text_content().unwrap(), "true");
    assert_eq!(add.input().get_untracked(), Some(4));
    assert_eq!(add.value().get_untracked(), None);
    gates.request(0).finish().await;
    assert_eq!(
        find(&container, "#pending").text_content().unwrap(),
        "false"
    );
    assert_eq!(find(&container, "#value").text_content().unwrap(), "40");
    assert_eq!(find(&container, "#version").text_content().unwrap(), "1");
    assert_eq!(add.input().get_untracked(), None);
}

#[wasm_bindgen_test]
async fn overlapping_dispatches_stay_pending_until_all_finish() {
    let gates = Gates::default();
    let fetch = gates.fetcher();
    let save = create_action(move |n: &i32| fetch(*n));
    save.dispatch(1);
    save.dispatch(2);
    assert_eq!(save.input().get_untracked(), Some(2));
    gates.request(0).finish().await;
    assert!(save.pending().get_untracked(), "one is still running");
    assert_eq!(save.value().get_untracked(), Some(10));
    assert_eq!(save.input().get_untracked(), None, "cleared, as in 0.6");
    // By hand, 0.6's way: a count, so lowering it once while a dispatch
    // runs leaves the action pending.
    save.set_pending(true);
    save.set_pending(false);
    assert!(save.pending().get_untracked());
    gates.request(1).finish().await;
    assert!(!save.pending().get_untracked());
    assert_eq!(save.value().get_untracked(), Some(20));
    assert_eq!(save.version().get_untracked(), 2);
}

#[wasm_bindgen_test]
fn action_accessors_work_after_the_actions_owner_is_gone() {
    // A timer or handler outside the view clears `value()` after the view
    // left: a write to a disposed signal is ignored (with a warning), not a
    // panic inside `value()`.
    let owner = Owner::new_child();
    let (save, many) = owner.with(|| {
        (
            create_action(|n: &i32| {
                let n = *n;
                async move { n }
            }),
            create_multi_action(|n: &i32| {
                let n = *n;
                async move { n }
            }),
        )
    });
    owner.dispose();
    assert_eq!(save.value().try_set(None), Some(None));
    save.value().set(None);
    assert_eq!(save.input().try_get_untracked(), None);
    assert_eq!(save.pending().try_get_untracked(), None);
    assert_eq!(save.version().try_get_untracked(), None);
    save.set_pending(true);
    save.dispatch(1); // does nothing
    assert!(many.submissions().try_get_untracked().is_none());
    assert_eq!(many.version().try_get_untracked(), None);
    many.dispatch(1); // does nothing
}

#[wasm_bindgen_test]
async fn a_resource_reading_the_version_reloads_after_each_action() {
    let gates = Gates::default();
    let fetch = gates.fetcher();
    let loads = Gates::default();
    let load = loads.fetcher();
    let owner = Owner::new_child();
    let (add, list) = owner.with(|| {
        let add = create_action(move |n: &i32| fetch(*n));
        let list = create_resource(move || add.version().get() as i32, load);
        (add, list)
    });
    assert_eq!(loads.count(), 1);
    add.dispatch(1);
    gates.request(0).finish().await;
    assert_eq!(loads.count(), 2, "the finished action bumped the version");
    loads.request(1).finish().await;
    assert_eq!(list.get_untracked(), Some(10));
    owner.dispose();
}

#[wasm_bindgen_test]
async fn a_multi_action_tracks_each_submission() {
    let gates = Gates::default();
    let fetch = gates.fetcher();
    let like = create_multi_action(move |n: &i32| fetch(*n));
    like.dispatch(1);
    like.dispatch(2);
    like.dispatch(3);
    let subs = like.submissions().get_untracked();
    assert_eq!(subs.len(), 3);
    assert!(subs.iter().all(|s| s.pending.get_untracked()));
    subs[2].cancel();
    assert!(
        subs[2].pending().get_untracked(),
        "still running, as in 0.6"
    );
    gates.request(1).finish().await;
    assert_eq!(subs[1].value.get_untracked(), Some(20));
    assert_eq!(subs[1].input.get_untracked(), None, "cleared on completion");
    assert!(!subs[1].pending().get_untracked());
    assert!(subs[0].pending.get_untracked());
    assert_eq!(subs[0].input.get_untracked(), Some(1));
    gates.request(2).finish().await;
    assert_eq!(
        subs[2].value.get_untracked(),
        None,
        "canceled: result dropped"
    );
    assert!(subs[2].canceled.get_untracked());
    assert!(!subs[2].pending.get_untracked());
    assert_eq!(
        like.version().get_untracked(),
        2,
        "a canceled submission that finished counts, as in 0.6"
    );
    gates.request(0).finish().await;
    assert_eq!(like.version().get_untracked(), 3);
}

#[wasm_bindgen_test]
async fn resource_map_and_and_then_read_through_a_function() {
    let gates = Gates::default();
    let fetch = gates.fetcher();
    let n = create_resource(|| 5, fetch);
    assert_eq!(n.map(|v| v + 1), None);
    gates.request(0).finish().await;
    assert_eq!(n.map(|v| v + 1), Some(51));

    let parsed = create_resource(|| "12x", |s| async move { s.parse::<i32>() });
    let ok = create_resource(|| "12", |s| async move { s.parse::<i32>() });
    // Both futures are ready at once: they have run by the time a timer
    // (a task, after every microtask) fires.
    async_support::wait(&async_support::after_ms(0)).await;
    assert!(matches!(parsed.and_then(|n| n * 2), Some(Err(_))));
    assert_eq!(ok.and_then(|n| n * 2).map(|r| r.ok()), Some(Some(24)));
}

/// As Leptos 0.6 does in the browser (probe40: its rustdoc says the first
/// load is skipped, its code loads at once): a resource with an initial
/// value loads at mount, shows the initial value meanwhile without any
/// `Suspense` or `Transition` falling back, and then shows the answer;
/// later loads are waited for as usual.
#[wasm_bindgen_test]
async fn a_resource_with_an_initial_value_loads_at_once_behind_its_placeholder() {
    let gates = Gates::default();
    let (page, set_page) = create_signal(1);
    let container = test_container();
    let items = store_value(None);
    let fetcher = gates.fetcher();
    let _h = mount_to_with_handle(container.clone(), move || {
        let r = create_resource_with_initial_value(move || page.get(), fetcher, Some(7));
        items.set_value(Some(r));
        view! {
            <Suspense fallback=|| view! { <p id="s">"fallback"</p> }>
                <p id="s">{move || r.get()}</p>
            </Suspense>
            <Transition fallback=|| view! { <p id="t">"fallback"</p> }>
                <p id="t">{move || r.get()}</p>
            </Transition>
        }
    });
    let items = items.get_value().unwrap();
    let shown = |id: &str| {
        container
            .query_selector(id)
            .unwrap()
            .unwrap()
            .text_content()
            .unwrap()
    };
    assert_eq!(gates.count(), 1, "the first load starts at once");
    assert_eq!(gates.request(0).arg, 1);
    assert!(items.loading().get_untracked());
    assert_eq!(items.get_untracked(), Some(7));
    assert_eq!(shown("#s"), "7", "no fallback for the first load");
    assert_eq!(shown("#t"), "7");
    gates.request(0).finish().await;
    assert_eq!(items.get_untracked(), Some(10));
    assert!(!items.loading().get_untracked());
    assert_eq!(shown("#s"), "10");

    // A later load is waited for: the Suspense falls back, the Transition
    // keeps its content.
    set_page.set(2);
    assert_eq!(gates.count(), 2);
    assert_eq!(shown("#s"), "fallback");
    assert_eq!(shown("#t"), "10");
    gates.request(1).finish().await;
    assert_eq!(shown("#s"), "20");
    assert_eq!(shown("#t"), "20");

    // The source changing during the quiet first load: the new load is
    // waited for, and the count of pending loads comes back to zero.
    let (n, set_n) = create_signal(1);
    let other_gates = Gates::default();
    let fetch = other_gates.fetcher();
    let holder = store_value(None);
    let box2 = test_container();
    let _h2 = mount_to_with_handle(box2.clone(), move || {
        let r = create_resource_with_initial_value(move || n.get(), fetch, Some(0));
        holder.set_value(Some(r));
        view! { <Suspense fallback=|| view! { <b>"wait"</b> }><b>{move || r.get()}</b></Suspense> }
    });
    let text2 = || box2.text_content().unwrap();
    assert_eq!(text2(), "0");
    set_n.set(2);
    assert_eq!(text2(), "wait");
    other_gates.request(1).finish().await;
    assert_eq!(text2(), "20");
    other_gates.request(0).finish().await;
    assert_eq!(text2(), "20", "the overtaken first load is ignored");
    set_n.set(3);
    assert_eq!(text2(), "wait");
    other_gates.request(2).finish().await;
    assert_eq!(text2(), "30");

    // `None` as the initial value: an ordinary resource, loading at once;
    // the local and blocking variants are the same in a client-only app.
    let other = Gates::default();
    let plain = create_local_resource_with_initial_value(|| 3, other.fetcher(), None);
    let blocking = create_blocking_resource(|| 4, other.fetcher());
    assert_eq!(other.count(), 2);
    assert_eq!(plain.get_untracked(), None);
    other.request(0).finish().await;
    other.request(1).finish().await;
    assert_eq!(plain.get_untracked(), Some(30));
    assert_eq!(blocking.get_untracked(), Some(40));
}

fn parse_age(text: &str) -> larkspur::error::Result<u32> {
    Ok(text.trim().parse::<u32>()?)
}

#[wasm_bindgen_test]
fn error_result_is_a_view_under_an_error_boundary() {
    let container = test_container();
    let (input, set_input) = create_signal("7".to_string());
    let _h = mount_to_with_handle(container.clone(), move || {
        view! {
            <ErrorBoundary fallback=|_errors| view! { <p id="bad">"not a number"</p> }>
                <p id="age">{move || parse_age(&input.get())}</p>
            </ErrorBoundary>
        }
    });
    assert_eq!(find(&container, "#age").text_content().unwrap(), "7");
    set_input.set("seven".into());
    assert!(container.query_selector("#bad").unwrap().is_some());
}

/// A finite stream that says when it is dropped.
struct Items {
    items: std::collections::VecDeque<u32>,
    dropped: std::rc::Rc<std::cell::Cell<bool>>,
}

impl futures_core::Stream for Items {
    type Item = u32;
    fn poll_next(
        mut self: std::pin::Pin<&mut Self>,
        _: &mut std::task::Context<'_>,
    ) -> std::task::Poll<Option<u32>> {
        std::task::Poll::Ready(self.items.pop_front())
    }
}

impl Drop for Items {
    fn drop(&mut self) {
        self.dropped.set(true);
    }
}

/// An endless stream (a signal's) relayed, that says when it is dropped.
struct Relay {
    inner: std::pin::Pin<Box<dyn futures_core::Stream<Item = u32>>>,
    dropped: std::rc::Rc<std::cell::Cell<bool>>,
}

impl futures_core::Stream for Relay {
    type Item = u32;
    fn poll_next(
        mut self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
    ) -> std::task::Poll<Option<u32>> {
        self.inner.as_mut().poll_next(cx)
    }
}

impl Drop for Relay {
    fn drop(&mut self) {
        self.dropped.set(true);
    }
}

#[wasm_bindgen_test]
async fn a_signal_follows_a_stream_until_it_ends() {
    let dropped = std::rc::Rc::new(std::cell::Cell::new(false));
    let owner = Owner::new_child();
    let latest = owner.with(|| {
        create_signal_from_stream(Items {
            items: [1, 2, 3].into(),
            dropped: dropped.clone(),
        })
    });
    assert_eq!(latest.get_untracked(), None);
    common::let_tasks_run().await;
    // The last item stays; the ended stream is dropped.
    assert_eq!(latest.get_untracked(), Some(3));
    assert!(dropped.get());
    owner.dispose();
}

#[wasm_bindgen_test]
async fn a_signal_streams_its_values_until_its_owner_goes() {
    let (count, set_count) = create_signal(1u32);
    let dropped = std::rc::Rc::new(std::cell::Cell::new(false));
    let owner = Owner::new_child();
    let (latest, mut seen) = owner.with(|| {
        let relay = Relay {
            inner: count.to_stream(),
            dropped: dropped.clone(),
        };
        (create_signal_from_stream(relay), count.to_stream())
    });
    // A second stream of the same signal, read by a task of our own.
    let log = std::rc::Rc::new(std::cell::RefCell::new(Vec::new()));
    let ended = std::rc::Rc::new(std::cell::Cell::new(false));
    {
        let (log, ended) = (log.clone(), ended.clone());
        spawn_local(async move {
            while let Some(n) = std::future::poll_fn(|cx| seen.as_mut().poll_next(cx)).await {
                log.borrow_mut().push(n);
            }
            ended.set(true);
        });
    }
    common::let_tasks_run().await;
    assert_eq!(latest.get_untracked(), Some(1));
    set_count.set(2);
    set_count.set(3);
    common::let_tasks_run().await;
    assert_eq!(latest.get_untracked(), Some(3));
    assert_eq!(*log.borrow(), [1, 2, 3]);
    assert!(!dropped.get());

    // Disposing the owner drops the followed stream and ends both streams
    // of the signal; later values go nowhere.
    owner.dispose();
    assert!(dropped.get());
    set_count.set(4);
    common::let_tasks_run().await;
    assert!(ended.get());
    assert_eq!(*log.borrow(), [1, 2, 3]);
    assert_eq!(latest.try_get_untracked(), None);
}

/// A stream dropped by its reader stops reading the signal: nothing piles
/// up for a reader that is gone, though the owner lives on.
#[wasm_bindgen_test]
fn a_dropped_signal_stream_stops_reading_its_signal() {
    let (count, set_count) = create_signal(1u32);
    let reads = std::rc::Rc::new(std::cell::Cell::new(0));
    let r = reads.clone();
    let counted = Signal::derive(move || {
        r.set(r.get() + 1);
        count.get()
    });
    let stream = counted.to_stream();
    set_count.set(2);
    assert_eq!(reads.get(), 2);
    drop(stream);
    set_count.set(3);
    set_count.set(4);
    assert_eq!(reads.get(), 2, "the dropped stream still read its signal");
}

/// `spawn_local_with_owner` and friends (0.6's `ScopedFuture`): the future
/// sees its owner's contexts after an `.await`, and stops once the owner is
/// disposed.
#[wasm_bindgen_test]
async fn scoped_futures_run_under_their_owner_until_it_goes() {
    use async_support::{promise_pair, wait};
    use std::cell::RefCell;
    use std::rc::Rc;

    let seen: Rc<RefCell<Vec<String>>> = Rc::default();
    let owner = Owner::new_child();
    owner.with(|| provide_context(7u32));

    // Runs to its end: the context is there after the await.
    let (gate, open) = promise_pair();
    let (done, finished) = promise_pair();
    let s = seen.clone();
    spawn_local_with_owner(owner, async move {
        wait(&gate).await;
        s.borrow_mut()
            .push(format!("context {:?}", use_context::<u32>()));
        let _ = finished.call0(&wasm_bindgen::JsValue::NULL);
    });
    open.call0(&wasm_bindgen::JsValue::NULL).unwrap();
    wait(&done).await;
    assert_eq!(*seen.borrow(), ["context Some(7)"]);

    // Its owner goes while it waits: it never resumes, and the `try_` form
    // calls its cancellation callback instead.
    let (gate, open) = promise_pair();
    let (cancelled, cancel) = promise_pair();
    let s = seen.clone();
    try_spawn_local_with_owner(
        owner,
        async move {
            wait(&gate).await;
            s.borrow_mut().push("resumed".into());
        },
        move || {
            let _ = cancel.call0(&wasm_bindgen::JsValue::NULL);
        },
    );
    owner.dispose();
    open.call0(&wasm_bindgen::JsValue::NULL).unwrap();
    wait(&cancelled).await;
    assert_eq!(*seen.borrow(), ["context Some(7)"]);

    // Without a current owner there is nothing to scope to.
    assert_eq!(
        spawn_local_with_current_owner(async {}),
        Err(ScopedFutureError::NoCurrentOwner)
    );
    assert!(create_root(
        |_| spawn_local_with_current_owner(async {}).is_ok()
    ));
}

/// `SuspenseContext::to_future` resolves once nothing is pending.
#[wasm_bindgen_test]
async fn a_suspense_context_future_waits_for_its_resources() {
    use std::cell::Cell;
    use std::rc::Rc;

    let suspense = SuspenseContext::new();
    suspense.add_pending();
    let nodes = live_node_count();
    let resolved = Rc::new(Cell::new(false));
    let r = resolved.clone();
    let (done, finished) = async_support::promise_pair();
    spawn_local(async move {
        suspense.to_future().await;
        r.set(true);
        let _ = finished.call0(&wasm_bindgen::JsValue::NULL);
    });
    // Still pending after a few turns of the event loop.
    for _ in 0..3 {
        common::tick().await;
    }
    assert!(!resolved.get());
    suspense.remove_pending();
    async_support::wait(&done).await;
    assert!(resolved.get());
    // The effect watching the count went with the future's end.
    assert_eq!(live_node_count(), nodes);
    // With nothing pending it resolves at once, and keeps nothing.
    let idle = SuspenseContext::new();
    let nodes = live_node_count();
    idle.to_future().await;
    assert_eq!(live_node_count(), nodes);
}

/// A resource and a text prop render as views, as in Leptos 0.6 (`{user}`
/// in `view!`, `r.into_view()`): nothing while the resource loads, then its
/// value; the text prop follows its closure.
#[wasm_bindgen_test]
async fn a_resource_and_a_text_prop_are_views() {
    let container = test_container();
    let gates = Gates::default();
    let fetch = gates.fetcher();
    let (label, set_label) = create_signal("a");
    let _h = mount_to_with_handle(container.clone(), move || {
        let n = create_resource(|| 2, fetch);
        let text = TextProp::from(move || label.get());
        view! {
            <p id="n">{n}</p>
            <p id="text">{text}</p>
        }
    });
    assert_eq!(find(&container, "#n").text_content().unwrap(), "");
    assert_eq!(find(&container, "#text").text_content().unwrap(), "a");
    gates.request(0).finish().await;
    assert_eq!(find(&container, "#n").text_content().unwrap(), "20");
    set_label.set("b");
    assert_eq!(find(&container, "#text").text_content().unwrap(), "b");
}

#[derive(Clone)]
struct AppConfig(u32);

/// probe42 (leptos_oidc): a resource fetcher creates an effect that calls
/// `expect_context` for the app's state; a click handler creates a memo
/// reading a context. Leptos 0.6 runs both under its runtime's root, so
/// they see what the app provided (Larkspur's effect panicked on every
/// page load), and a `provide_context` there provides on that root.
#[wasm_bindgen_test]
async fn computations_made_in_handlers_and_futures_see_the_apps_contexts() {
    let container = test_container();
    let seen = std::rc::Rc::new(std::cell::RefCell::new(Vec::<String>::new()));
    let s = seen.clone();
    let _h = mount_to_with_handle(container.clone(), move || {
        provide_context(AppConfig(7));
        let from_future = s.clone();
        let _restore = create_local_resource(
            || (),
            move |_| {
                let s = from_future.clone();
                async move {
                    create_effect(move |_| {
                        let config = expect_context::<AppConfig>();
                        s.borrow_mut().push(format!("effect {}", config.0));
                    });
                }
            },
        );
        let from_click = s.clone();
        view! {
            <button id="go" on:click=move |_| {
                let memo = create_memo(|_| use_context::<AppConfig>().map(|c| c.0));
                from_click.borrow_mut().push(format!("memo {:?}", memo.get()));
                // Where 0.6 gives its root, as libraries capturing an owner
                // for later work expect.
                assert!(Owner::current().is_some());
                provide_context(AppConfig(8));
            }>"go"</button>
        }
    });
    larkspur::testing::sleep_ms(20).await;
    click(&find(&container, "#go"));
    click(&find(&container, "#go"));
    assert_eq!(*seen.borrow(), ["effect 7", "memo Some(7)", "memo Some(8)"]);
}

/// A `<For>` built in a click handler (its rows sit under a scope made
/// where no owner is current) and shown through a signal: the rows see
/// the app's contexts, as in Leptos 0.6, where that scope is a child of
/// the runtime's root (helper-113).
#[wasm_bindgen_test]
fn rows_of_a_list_built_in_a_handler_see_the_apps_contexts() {
    let container = test_container();
    let _h = mount_to_with_handle(container.clone(), move || {
        provide_context(AppConfig(7));
        let (panel, set_panel) = create_signal(None::<View>);
        view! {
            <button id="load" on:click=move |_| {
                let rows = view! {
                    <For each=|| vec![1, 2] key=|i| *i children=|i| view! {
                        <li>{i} ":" {use_context::<AppConfig>().map(|c| c.0)}</li>
                    }/>
                };
                set_panel(Some(rows.into_view()));
            }>"load"</button>
            <ul id="rows">{move || panel.get()}</ul>
        }
    });
    click(&find(&container, "#load"));
    assert_eq!(find(&container, "#rows").text_content().unwrap(), "1:72:7");
}

/// The test kit's `settle()` waits for an action's dispatch and for the
/// reload its `version` starts (review-109: it waited for resources only,
/// so a test asserting right after `settle()` could see the old data).
#[wasm_bindgen_test]
async fn settle_waits_for_an_action_and_the_reload_it_starts() {
    use larkspur::testing::{click, render, settle};
    let screen = render(|| {
        let save = create_action(|n: &u32| {
            let n = *n;
            async move {
                TimeoutFuture::new(20).await;
                n
            }
        });
        let total = create_resource(
            move || save.version().get(),
            |v| async move {
                TimeoutFuture::new(20).await;
                v * 100
            },
        );
        view! {
            <button on:click=move |_| save.dispatch(1)>"save"</button>
            <p>{move || total.get().map(|t| format!("total {t}"))}</p>
        }
    });
    settle().await;
    assert_eq!(screen.text(), "savetotal 0");
    click(&screen.get_by_text("save"));
    settle().await;
    assert_eq!(screen.text(), "savetotal 100");
}
