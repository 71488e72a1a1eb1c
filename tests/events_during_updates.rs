//! Browser events that a view's own DOM work fires synchronously (hiding
//! or removing the focused element fires `focusout`; a custom element's
//! `connectedCallback` dispatches an event) run their handlers outside the
//! updating view: what they write is seen, and the view keeps following
//! its signals afterwards. Before, such a write was taken for the view's
//! own, and a view reading it through a memo (`<Show when>`, a memo as a
//! list's `each`) stopped updating for good (probe51: a popover closed with
//! Escape never opened again).
//!
//! Also here: a `<Transition set_pending>` taken away while it reloads
//! resets the pending flag, and a `<For>` key function that panics leaves
//! the list as it was.
#![cfg(target_arch = "wasm32")]

use larkspur::testing::*;
use larkspur::*;
use std::time::Duration;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// A popover that closes when focus leaves it and on Escape: Escape removes
/// the focused input, whose `focusout` closes it again from inside the
/// `<Show>`'s update.
#[wasm_bindgen_test]
async fn a_popover_closed_with_escape_opens_again() {
    let (open, set_open) = create_signal(false);
    let screen = render(move || {
        view! {
            <div on:focusout=move |_| set_open.set(false)>
                <button on:click=move |_| set_open.set(true)>"Open"</button>
                <Show when=move || open.get()>
                    <input aria-label="Search" on:keydown=move |ev: ev::KeyboardEvent| {
                        if ev.key() == "Escape" { set_open.set(false); }
                    }/>
                </Show>
            </div>
        }
    });
    for round in 0..3 {
        click(&screen.get_by_role("button", "Open"));
        let input = screen.get_by_label("Search");
        input.focus().unwrap();
        press_key(&input, "Escape");
        assert!(
            screen.query_by_label("Search").is_none(),
            "round {round}: {}",
            screen.html()
        );
    }
    click(&screen.get_by_role("button", "Open"));
    assert!(
        screen.query_by_label("Search").is_some(),
        "{}",
        screen.html()
    );
}

/// An inline editor: the row being edited is a memo; leaving the editor
/// (focusout) stops editing. Switching rows removes the focused input,
/// whose focusout write wins, and the view follows every later change.
#[wasm_bindgen_test]
fn a_focusout_write_during_an_update_is_seen_and_the_view_keeps_following() {
    let (editing, set_editing) = create_signal(Some(1));
    let screen = render(move || {
        let current = create_memo(move |_| editing.get());
        view! {
            <div on:focusout=move |_| set_editing.set(None)>
                {move || match current.get() {
                    Some(id) => view! { <input aria-label=format!("edit {id}")/> }.into_view(),
                    None => view! { <p>"not editing"</p> }.into_view(),
                }}
            </div>
        }
    });
    screen.get_by_label("edit 1").focus().unwrap();
    set_editing.set(Some(2)); // removes the focused "edit 1": focusout -> None
    assert_eq!(editing.get_untracked(), None);
    assert_eq!(screen.html(), "<div><p>not editing</p></div>");
    set_editing.set(Some(3));
    assert_eq!(screen.html(), "<div><input aria-label=\"edit 3\"></div>");
    set_editing.set(None);
    assert_eq!(screen.html(), "<div><p>not editing</p></div>");
}

fn define_ready_element() {
    js_sys::eval(
        "if (!customElements.get('x-ready')) customElements.define('x-ready', \
         class extends HTMLElement { connectedCallback() { \
           this.dispatchEvent(new Event('ready', { bubbles: true })); } });",
    )
    .unwrap();
}

/// A custom element that announces itself when connected; the handler
/// closes the `<Show>` that is inserting it.
#[wasm_bindgen_test]
fn a_show_closed_by_an_event_its_content_fires_while_mounting() {
    define_ready_element();
    let open = create_rw_signal(false);
    let screen = render(move || {
        view! {
            <div on:ready=move |_| open.set(false)>
                <Show when=move || open.get() fallback=|| "closed">
                    <x-ready>"panel"</x-ready>
                </Show>
            </div>
        }
    });
    open.set(true);
    assert_eq!(screen.text(), "closed");
    assert!(!open.get_untracked());
    open.set(true);
    assert_eq!(screen.text(), "closed");
}

/// The same inside a keyed list whose `each` is a memo: the handler takes
/// the row that is being inserted out of the list, and the list follows
/// that and every later change.
#[wasm_bindgen_test]
fn a_list_row_removed_by_an_event_it_fires_while_mounting() {
    define_ready_element();
    let items = create_rw_signal(vec![1u32, 3]);
    let screen = render(move || {
        let each = create_memo(move |_| items.get());
        view! {
            <ul>
                <For each=move || each.get() key=|i| *i children=move |i| {
                    if i == 2 {
                        view! {
                            <li on:ready=move |_| items.update(|v| v.retain(|x| *x != 3))>
                                <x-ready>{i}</x-ready>
                            </li>
                        }.into_view()
                    } else {
                        view! { <li>{i}</li> }.into_view()
                    }
                }/>
            </ul>
        }
    });
    items.set(vec![1, 3, 2]);
    assert_eq!(items.get_untracked(), vec![1, 2]);
    assert_eq!(screen.text(), "12");
    items.update(|v| v.push(7));
    assert_eq!(screen.text(), "127");
}

/// A signal made in a handler belongs to no owner, even when the browser
/// calls the handler from inside a view's update: the view's next run does
/// not dispose it.
#[wasm_bindgen_test]
fn what_a_handler_makes_during_an_update_is_not_owned_by_the_view() {
    define_ready_element();
    let open = create_rw_signal(false);
    let made = store_value(None::<RwSignal<u32>>);
    let screen = render(move || {
        view! {
            <div on:ready=move |_| made.set_value(Some(create_rw_signal(5)))>
                {move || open.get().then(|| view! { <x-ready>"x"</x-ready> })}
            </div>
        }
    });
    open.set(true);
    let signal = made.get_value().expect("the handler ran");
    open.set(false);
    assert_eq!(signal.try_get_untracked(), Some(5), "{}", screen.html());
}

/// A `<Transition set_pending>` that is taken away while it reloads (its
/// page closed) says it is no longer pending.
#[wasm_bindgen_test]
async fn a_transition_removed_while_reloading_clears_set_pending() {
    let (busy, set_busy) = create_signal(false);
    let (page, set_page) = create_signal(true);
    let (id, set_id) = create_signal(1);
    let _screen = render(move || {
        view! {
            <Show when=move || page.get()>
                {
                    let r = create_resource(move || id.get(), |i| async move {
                        sleep(Duration::from_millis(30)).await;
                        i
                    });
                    view! { <Transition set_pending=set_busy><b>{move || r.get()}</b></Transition> }
                }
            </Show>
        }
    });
    settle().await;
    set_id.set(2);
    assert!(busy.get_untracked());
    set_page.set(false);
    assert!(!busy.get_untracked(), "set_pending left true");
    sleep_ms(60).await;
    assert!(!busy.get_untracked());
}

/// A key function that panics aborts the update (on wasm32 a panic
/// aborts); the list keeps its rows, owned and working, and follows the
/// next change.
#[wasm_bindgen_test]
async fn a_panicking_key_function_leaves_the_list_as_it_was() {
    let items = create_rw_signal(vec![1u32, 2]);
    let screen = render(move || {
        view! {
            <button id="bad-key" on:click=move |_| items.set(vec![1, 99])>"bad"</button>
            <ul><For each=move || items.get()
                     key=|i| { assert!(*i != 99, "a bad key"); *i }
                     children=|i| view! { <li>{i}</li> }/></ul>
        }
    });
    // Clicked from a timer: the panic ends that task, not the test.
    js_sys::eval("setTimeout(() => document.getElementById('bad-key').click(), 0)").unwrap();
    sleep_ms(20).await;
    if let Some(e) = document().get_element_by_id("larkspur-panic-overlay") {
        e.remove();
    }
    assert_eq!(
        screen.get_all_by_selector("li").len(),
        2,
        "{}",
        screen.html()
    );
    items.set(vec![3]);
    assert_eq!(
        screen.get_all_by_selector("li").len(),
        1,
        "{}",
        screen.html()
    );
    assert_eq!(screen.get_by_selector("ul").text_content().unwrap(), "3");
}

/// A `create_effect` written in a component body above its `view!` runs
/// after the view's bindings on later writes and sees the page they
/// updated, as in Leptos 0.6 (probe50, checked against 0.6.15): the text,
/// the rows of a list and a class the effect reads after the write.
#[wasm_bindgen_test]
async fn an_effect_above_the_view_sees_the_updated_page() {
    let (n, set_n) = create_signal(1);
    let (rows, set_rows) = create_signal(vec![1u32]);
    let (open, set_open) = create_signal(false);
    let seen = store_value((String::new(), 0u32, false));
    let screen = render(move || {
        let list = create_node_ref::<html::Ul>();
        let menu = create_node_ref::<html::Div>();
        create_effect(move |_| {
            n.track();
            let text = document()
                .get_element_by_id("n")
                .and_then(|e| e.text_content())
                .unwrap_or_default();
            seen.update_value(|s| s.0 = text);
        });
        create_effect(move |_| {
            rows.track();
            if let Some(ul) = list.get() {
                seen.update_value(|s| s.1 = ul.child_element_count());
            }
        });
        create_effect(move |_| {
            open.track();
            if let Some(m) = menu.get() {
                seen.update_value(|s| s.2 = m.class_list().contains("open"));
            }
        });
        view! {
            <p id="n">{n}</p>
            <ul node_ref=list><For each=move || rows.get() key=|r| *r let:r><li>{r}</li></For></ul>
            <div node_ref=menu class:open=open></div>
        }
    });
    tick().await;
    assert_eq!(seen.get_value(), ("1".to_string(), 1, false));
    set_n.set(2);
    set_rows.update(|r| r.push(2));
    set_open.set(true);
    assert_eq!(
        seen.get_value(),
        ("2".to_string(), 2, true),
        "{}",
        screen.html()
    );
}

/// The same at the app's first mount (outside any effect): the `<Show>`
/// starts open, and its content closes it as it is connected. The page
/// must show the fallback and nothing of the closed content.
#[wasm_bindgen_test]
fn a_show_closed_by_its_content_during_the_first_mount() {
    define_ready_element();
    let open = create_rw_signal(true);
    let screen = render(move || {
        // The `<Show>` is the app's root: mounted straight into the page.
        view! {
            <Show when=move || open.get() fallback=|| "closed">
                <x-ready on:ready=move |_| open.set(false)>"panel"</x-ready>
            </Show>
        }
    });
    assert!(!open.get_untracked());
    assert_eq!(screen.text(), "closed");
    open.set(true);
    assert_eq!(screen.text(), "closed");
}

/// Unmounting the app while an input in a `<Show>` has focus: its blur
/// handler closes the `<Show>` during the unmount, and nothing of the app
/// (neither the input nor the fallback the handler switched to) stays in
/// the page.
#[wasm_bindgen_test]
fn unmounting_the_app_while_a_shows_focused_input_closes_it() {
    use wasm_bindgen::JsCast;
    let container = {
        let document = web_sys::window().unwrap().document().unwrap();
        let div = document.create_element("div").unwrap();
        document.body().unwrap().append_child(&div).unwrap();
        div.unchecked_into::<web_sys::HtmlElement>()
    };
    let (editing, set_editing) = create_signal(true);
    let handle = mount_to_with_handle(container.clone(), move || {
        view! {
            <Show when=move || editing.get() fallback=|| view! { <p>"not editing"</p> }>
                <input id="edit" on:blur=move |_| set_editing.set(false)/>
            </Show>
        }
    });
    let input: web_sys::HtmlElement = container
        .query_selector("#edit")
        .unwrap()
        .unwrap()
        .unchecked_into();
    input.focus().unwrap();
    handle.unmount();
    assert_eq!(container.inner_html(), "");
}

/// The app's first mount: a top-level `<Show>` with several nodes is
/// inserted node by node into a page that is already live, and its content
/// closes it while it goes in. The page shows the fallback, with none of
/// the content left behind, and the `<Show>` follows later changes.
#[wasm_bindgen_test]
fn a_top_level_show_closed_by_its_content_during_the_first_mount() {
    define_ready_element();
    let open = create_rw_signal(true);
    let listener = window_event_listener_untyped("ready", move |_| open.set(false));
    let screen = render(move || {
        view! {
            <Show when=move || open.get() fallback=|| "closed">
                <x-ready>"panel"</x-ready>
                <p>"more"</p>
            </Show>
        }
    });
    assert!(!open.get_untracked());
    assert_eq!(screen.text(), "closed", "{}", screen.html());
    listener.remove();
    open.set(true);
    assert_eq!(screen.text(), "panelmore", "{}", screen.html());
    open.set(false);
    assert_eq!(screen.text(), "closed", "{}", screen.html());
}

/// The same for a top-level `<For>`: a row's content takes a later row out
/// of the list while the rows go into the page one by one.
#[wasm_bindgen_test]
fn a_top_level_list_changed_by_its_rows_during_the_first_mount() {
    define_ready_element();
    let items = create_rw_signal(vec![1u32, 2, 3]);
    let listener =
        window_event_listener_untyped("ready", move |_| items.update(|v| v.retain(|x| *x != 3)));
    let screen = render(move || {
        view! {
            <For each=move || items.get() key=|i| *i children=move |i| {
                if i == 1 {
                    view! { <x-ready>{i}</x-ready> }.into_view()
                } else {
                    view! { <b>{i}</b> }.into_view()
                }
            }/>
        }
    });
    assert_eq!(items.get_untracked(), vec![1, 2]);
    assert_eq!(screen.text(), "12", "{}", screen.html());
    listener.remove();
    items.update(|v| v.push(4));
    assert_eq!(screen.text(), "124", "{}", screen.html());
}
