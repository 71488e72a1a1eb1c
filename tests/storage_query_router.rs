//! The URL query as one mechanism: a persisted query signal and the
//! router's `create_query_signal` on the same key stay in sync inside a
//! `<Router>` (writes, `<A>` clicks, `navigate`, real history back), each
//! write changes the URL once, and without a router the query signals
//! still follow each other and back/forward.
#![cfg(all(target_arch = "wasm32", feature = "serde"))]

mod common;

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use common::{click, find, history_length, location, set_url, test_container, text};
use larkspur::router::*;
use larkspur::storage::PersistedSignal;
use larkspur::*;
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Starts a test on a new history entry of its own: after an earlier
/// test's `back()`, a push would drop the entry ahead of it instead of
/// growing `history.length`.
fn start_at(path: &str) {
    let history = web_sys::window().unwrap().history().unwrap();
    history
        .push_state_with_url(&JsValue::NULL, "", Some(path))
        .unwrap();
}

/// `history.back()`, then waits for the browser's `popstate` (the router
/// has handled it by then: its listener was added first).
async fn go_back() {
    let window = web_sys::window().unwrap();
    let popped = js_sys::Promise::new(&mut |resolve, _| {
        let options = web_sys::AddEventListenerOptions::new();
        options.set_once(true);
        window
            .add_event_listener_with_callback_and_add_event_listener_options(
                "popstate", &resolve, &options,
            )
            .unwrap();
    });
    window.history().unwrap().back().unwrap();
    JsFuture::from(popped).await.unwrap();
}

/// What the test drives from outside the view.
struct Handles {
    stored: PersistedSignal<u32>,
    page: Memo<Option<u32>>,
    set_page: SignalSetter<Option<u32>>,
    navigate: Box<dyn Fn(&str)>,
    /// How often an effect reading the persisted signal has run.
    runs: Rc<Cell<u32>>,
}

fn mount_pager(container: &web_sys::HtmlElement) -> (Rc<Handles>, MountHandle) {
    let slot: Rc<RefCell<Option<Rc<Handles>>>> = Rc::default();
    let filled = slot.clone();
    let handle = mount_to_with_handle(container.clone(), move || {
        view! {
            <Router base="">
                {
                    let stored = create_query_param_signal("page", 1u32);
                    let (page, set_page) = create_query_signal::<u32>("page");
                    let navigate = use_navigate();
                    let runs = Rc::new(Cell::new(0));
                    let counted = runs.clone();
                    create_render_effect(move |_| {
                        stored.with(|_| ());
                        counted.set(counted.get() + 1);
                    });
                    *filled.borrow_mut() = Some(Rc::new(Handles {
                        stored,
                        page,
                        set_page,
                        navigate: Box::new(move |to| navigate(to, Default::default())),
                        runs,
                    }));
                    view! {
                        <p id="stored">{move || stored.get()}</p>
                        <p id="routed">{move || format!("{:?}", page.get())}</p>
                        <A href="/items?page=5" id="five">"five"</A>
                        <A href="?page=8" id="eight">"eight"</A>
                    }
                }
            </Router>
        }
    });
    let handles = slot.borrow().clone().expect("the router's children ran");
    (handles, handle)
}

#[wasm_bindgen_test]
async fn storage_and_router_query_signals_are_one() {
    start_at("/items?sort=name&page=2");
    let container = test_container();
    let (h, mounted) = mount_pager(&container);
    let shown = || {
        (
            text(&find(&container, "#stored")),
            text(&find(&container, "#routed")),
        )
    };
    assert_eq!(shown(), ("2".into(), "Some(2)".into()));

    // The persisted signal writes through the router, in place, and its
    // readers hear of it once (not again when the URL change comes back).
    let entries = history_length();
    let runs = h.runs.get();
    h.stored.set(3);
    assert_eq!(h.runs.get(), runs + 1, "one notification per write");
    assert_eq!(location(), "/items?sort=name&page=3");
    assert_eq!(history_length(), entries, "replaced, no new entry");
    assert_eq!(h.page.get_untracked(), Some(3));
    assert_eq!(shown(), ("3".into(), "Some(3)".into()));

    // The router's setter pushes exactly one entry, and the persisted
    // signal follows it.
    h.set_page.set(Some(4));
    assert_eq!(location(), "/items?sort=name&page=4");
    assert_eq!(history_length(), entries + 1, "one entry per write");
    assert_eq!(h.stored.get_untracked(), 4);
    assert_eq!(shown(), ("4".into(), "Some(4)".into()));

    // Writing what the URL already holds changes nothing.
    h.set_page.set(Some(4));
    h.stored.set(4);
    assert_eq!(history_length(), entries + 1);

    // A link click and a navigate reach both.
    click(&find(&container, "#five"));
    assert_eq!(location(), "/items?page=5");
    assert_eq!(shown(), ("5".into(), "Some(5)".into()));
    (h.navigate)("/items?page=6");
    assert_eq!(shown(), ("6".into(), "Some(6)".into()));
    assert_eq!(history_length(), entries + 3);

    // A real history back.
    go_back().await;
    assert_eq!(location(), "/items?page=5");
    assert_eq!(shown(), ("5".into(), "Some(5)".into()));
    assert_eq!(h.stored.get_untracked(), 5);

    // A link that is only a query.
    click(&find(&container, "#eight"));
    assert_eq!(location(), "/items?page=8");
    assert_eq!(shown(), ("8".into(), "Some(8)".into()));

    // Removing the parameter: the persisted signal falls back to its
    // default, the router's reads `None`.
    h.set_page.set(None);
    assert_eq!(location(), "/items");
    assert_eq!(shown(), ("1".into(), "None".into()));
    assert_eq!(h.stored.error().get_untracked(), None);

    h.stored.set(7);
    assert_eq!(location(), "/items?page=7");
    h.stored.remove();
    assert_eq!(location(), "/items");
    assert_eq!(shown(), ("1".into(), "None".into()));

    mounted.unmount();
    set_url("/");
}

#[wasm_bindgen_test]
async fn a_value_the_other_cannot_read() {
    // Text neither codec can read as a `u32`: the router's signal reads
    // `None`, the persisted one its default, with the failure reported and
    // the text left in the URL.
    set_url("/items?page=%5B1%5D");
    let container = test_container();
    let (h, mounted) = mount_pager(&container);
    assert_eq!(h.page.get_untracked(), None);
    assert_eq!(h.stored.get_untracked(), 1);
    let error = h.stored.error().get_untracked().expect("[1] is not a u32");
    assert_eq!(error.key(), "page");
    assert_eq!(location(), "/items?page=%5B1%5D", "unreadable text is kept");
    // The first write goes to a new history entry: the address with the
    // text the signal could not read stays one Back away.
    let entries = history_length();
    h.stored.set(3);
    assert_eq!(location(), "/items?page=3");
    assert_eq!(history_length(), entries + 1);
    // Later writes replace as usual.
    h.stored.set(4);
    assert_eq!(history_length(), entries + 1);
    go_back().await;
    assert_eq!(location(), "/items?page=%5B1%5D");
    mounted.unmount();
    set_url("/");
}

#[wasm_bindgen_test]
async fn without_a_router_query_signals_follow_each_other_and_back() {
    start_at("/plain?lark-n=1");
    let owner = Owner::new_child();
    let (a, b, (n, set_n)) = owner.with(|| {
        (
            create_query_param_signal("lark-n", 0u32),
            create_query_param_signal("lark-n", 0u32),
            create_query_signal::<u32>("lark-n"),
        )
    });
    assert_eq!((a.get(), b.get(), n.get()), (1, 1, Some(1)));

    let entries = history_length();
    a.set(2);
    assert_eq!(location(), "/plain?lark-n=2");
    assert_eq!(history_length(), entries);
    assert_eq!((b.get(), n.get()), (2, Some(2)));

    set_n.set(Some(3));
    assert_eq!(history_length(), entries + 1);
    assert_eq!((a.get(), b.get()), (3, 3));

    go_back().await;
    assert_eq!(location(), "/plain?lark-n=2");
    assert_eq!((a.get(), b.get(), n.get()), (2, 2, Some(2)));

    owner.dispose();
    assert_eq!(a.try_get(), None);
    // Signals made later, elsewhere, still work: the shared wake-up is
    // not the disposed owner's.
    let c = create_query_param_signal("lark-n", 0u32);
    let d = create_query_param_signal("lark-n", 0u32);
    c.set(5);
    assert_eq!(d.get(), 5);
    d.remove();
    assert_eq!(c.get(), 0);
    set_url("/");
}

#[wasm_bindgen_test]
fn in_hash_mode_the_parameter_lives_in_the_fragment() {
    start_at("/hash-page#/items?lark-h=2");
    let container = test_container();
    type Pair = (PersistedSignal<u32>, Memo<Option<u32>>);
    let slot: Rc<RefCell<Option<Pair>>> = Rc::default();
    let filled = slot.clone();
    let mounted = mount_to_with_handle(container.clone(), move || {
        view! {
            <Router mode=RouterMode::Hash>
                {
                    let stored = create_query_param_signal("lark-h", 0u32);
                    let (shown, _) = create_query_signal::<u32>("lark-h");
                    *filled.borrow_mut() = Some((stored, shown));
                }
            </Router>
        }
    });
    let (stored, shown) = slot.borrow().expect("the router's children ran");
    assert_eq!(
        (stored.get_untracked(), shown.get_untracked()),
        (2, Some(2))
    );
    stored.set(3);
    let l = web_sys::window().unwrap().location();
    assert_eq!(l.hash().unwrap(), "#/items?lark-h=3");
    assert_eq!(l.search().unwrap(), "", "the real query is untouched");
    assert_eq!(shown.get_untracked(), Some(3));
    mounted.unmount();
    set_url("/");
}

/// What the state test takes out of its view.
type Captured = Rc<RefCell<Option<(PersistedSignal<u32>, Location)>>>;

/// Writing a persisted query signal replaces the history entry: the entry's
/// state (set by the navigation that made it) stays.
#[wasm_bindgen_test]
async fn a_query_write_keeps_the_entrys_history_state() {
    start_at("/offers");
    let container = test_container();
    let slot: Captured = Rc::default();
    let out = slot.clone();
    let handle = mount_to_with_handle(container.clone(), move || {
        let out = out.clone();
        view! {
            <Router base="">
                {move || {
                    let navigate = use_navigate();
                    navigate(
                        "/basket",
                        NavigateOptions { state: State::from("from-offer"), ..Default::default() },
                    );
                    *out.borrow_mut() = Some((create_query_param_signal("page", 1u32), use_location()));
                }}
            </Router>
        }
    });
    let (page, location) = slot.borrow_mut().take().unwrap();
    let state = || location.state.get_untracked().0.and_then(|s| s.as_string());
    // Asked for while rendering: it happens after the render's run.
    larkspur::testing::tick().await;
    assert_eq!(common::location(), "/basket");
    assert_eq!(state().as_deref(), Some("from-offer"));
    page.set(2);
    assert_eq!(common::location(), "/basket?page=2");
    assert_eq!(state().as_deref(), Some("from-offer"));
    let history = web_sys::window().unwrap().history().unwrap();
    assert_eq!(
        history.state().unwrap().as_string().as_deref(),
        Some("from-offer")
    );
    handle.unmount();
    set_url("/");
}

/// A persisted query write inside a router rewrites only its own pair:
/// another key's repeated values (a form's checked boxes) stay.
#[wasm_bindgen_test]
fn a_query_write_keeps_other_keys_repeated_values() {
    start_at("/list?tag=a&tag=b&page=1");
    let container = test_container();
    let slot: Rc<RefCell<Option<PersistedSignal<u32>>>> = Rc::default();
    let out = slot.clone();
    let handle = mount_to_with_handle(container.clone(), move || {
        let out = out.clone();
        view! {
            <Router base="">
                {move || {
                    *out.borrow_mut() = Some(create_query_param_signal("page", 1u32));
                }}
            </Router>
        }
    });
    let page = slot.borrow_mut().take().unwrap();
    page.set(2);
    assert_eq!(common::location(), "/list?tag=a&tag=b&page=2");
    handle.unmount();
    set_url("/");
}

/// A repeated key reads as its last value, with a router or without.
#[wasm_bindgen_test]
fn a_repeated_key_reads_as_its_last_value_either_way() {
    start_at("/repeat?lark-r=1&lark-r=2");
    let plain = create_query_param_signal("lark-r", 0u32);
    assert_eq!(plain.get_untracked(), 2);
    let container = test_container();
    let slot: Rc<RefCell<Option<PersistedSignal<u32>>>> = Rc::default();
    let out = slot.clone();
    let handle = mount_to_with_handle(container.clone(), move || {
        let out = out.clone();
        view! {
            <Router base="">
                {move || *out.borrow_mut() = Some(create_query_param_signal("lark-r", 0u32))}
            </Router>
        }
    });
    let routed = slot.borrow_mut().take().unwrap();
    assert_eq!(routed.get_untracked(), 2);
    handle.unmount();
    set_url("/");
}
