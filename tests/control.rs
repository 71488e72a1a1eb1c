//! Show (with the seed's App/InnerComponent/OddDuck life-cycle example
//! written with the builder API), Portal, context across components (the
//! seed's Tabs/Tab), and mounting/unmounting.
#![cfg(target_arch = "wasm32")]

mod common;

use std::cell::Cell;
use std::rc::Rc;

use common::{click, find, find_all, test_container, text, tick};
use larkspur::logging::log;
use larkspur::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

// --- The life-cycle appendix, with the builder API instead of view! ---

fn app() -> impl IntoView {
    let (count, set_count) = create_signal(0usize);
    (
        html::button()
            .on(ev::click, move |_| set_count.update(|n| *n += 1))
            .child("+1"),
        move || {
            if count() % 2 == 0 {
                html::p().child("Even numbers are fine.").into_view()
            } else {
                component_view(move || inner_component(count), ())
            }
        },
    )
}

fn inner_component(count: ReadSignal<usize>) -> impl IntoView {
    create_effect(move |_| {
        log!("count is odd and is {}", count());
    });
    (component_view(odd_duck, ()), html::p().child(count))
}

fn odd_duck() -> impl IntoView {
    html::p().child("You're an odd duck.")
}

/// Starts recording `console.log` lines (still forwarding them).
fn capture_console() -> js_sys::Array {
    let install = js_sys::Function::new_no_args(
        "const lines = [];
         const original = console.log;
         console.log = function (...args) { lines.push(args.join(' ')); original.apply(console, args); };
         lines.restore = () => { console.log = original; };
         return lines;",
    );
    install.call0(&wasm_bindgen::JsValue::NULL).unwrap().into()
}

fn stop_capture(lines: &js_sys::Array) -> Vec<String> {
    let restore: js_sys::Function = js_sys::Reflect::get(lines, &"restore".into())
        .unwrap()
        .into();
    restore.call0(&wasm_bindgen::JsValue::NULL).unwrap();
    lines.iter().map(|v| v.as_string().unwrap()).collect()
}

#[wasm_bindgen_test]
async fn life_cycle_of_a_signal() {
    let c = test_container();
    let baseline = live_node_count();
    let lines = capture_console();
    let handle = mount_to_with_handle(c.clone(), app);
    tick().await;
    let button = find(&c, "button");
    assert_eq!(text(&c), "+1Even numbers are fine.");

    click(&button); // 1: odd
    tick().await; // create_effect's first run is deferred to a microtask
    assert_eq!(text(&c), "+1You're an odd duck.1");
    click(&button); // 2: even — the odd branch and its effect are disposed
    tick().await;
    assert_eq!(text(&c), "+1Even numbers are fine.");
    click(&button); // 3
    tick().await;
    assert_eq!(find_all(&c, "p").len(), 2);
    assert_eq!(text(&c), "+1You're an odd duck.3");
    click(&button); // 4
    tick().await;

    let logged = stop_capture(&lines);
    assert_eq!(logged, ["count is odd and is 1", "count is odd and is 3"]);
    handle.unmount();
    assert_eq!(live_node_count(), baseline);
    assert_eq!(c.inner_html(), "");
}

#[wasm_bindgen_test]
fn show_toggles_and_disposes_the_hidden_branch() {
    let c = test_container();
    let (on, set_on) = create_signal(false);
    let cleanups = Rc::new(Cell::new(0));
    let builds = Rc::new(Cell::new(0));
    let baseline = live_node_count();
    let (cl, bd) = (cleanups.clone(), builds.clone());
    let handle = mount_to_with_handle(c.clone(), move || {
        Show(
            ShowProps::builder()
                .when(move || on.get())
                .fallback(|| html::i().child("hidden"))
                .children(ToChildren::to_children(move || {
                    bd.set(bd.get() + 1);
                    let cl = cl.clone();
                    on_cleanup(move || cl.set(cl.get() + 1));
                    let (n, set_n) = create_signal(0);
                    Fragment::new(vec![html::b()
                        .on(ev::click, move |_| set_n.update(|n| *n += 1))
                        .child(n)
                        .into_view()])
                }))
                .build(),
        )
    });
    assert_eq!(c.inner_html(), "<i>hidden</i>");
    set_on(true);
    assert_eq!(c.inner_html(), "<b>0</b>");
    click(&find(&c, "b"));
    assert_eq!(c.inner_html(), "<b>1</b>");
    set_on(true); // same value: the memo keeps the branch
    assert_eq!(builds.get(), 1);
    set_on(false);
    assert_eq!(cleanups.get(), 1);
    assert_eq!(c.inner_html(), "<i>hidden</i>");
    set_on(true);
    assert_eq!(
        c.inner_html(),
        "<b>0</b>",
        "state was not kept: the branch was rebuilt"
    );
    assert_eq!(builds.get(), 2);
    handle.unmount();
    assert_eq!(cleanups.get(), 2);
    assert_eq!(live_node_count(), baseline);
}

#[wasm_bindgen_test]
fn show_through_the_component_props_builder() {
    let c = test_container();
    let (on, set_on) = create_signal(true);
    let _h = mount_to_with_handle(c.clone(), move || {
        component_view(
            Show,
            component_props_builder(&Show)
                .when(move || on.get())
                .children(ToChildren::to_children(|| {
                    Fragment::new(vec!["yes".into_view()])
                }))
                .build(),
        )
    });
    assert_eq!(text(&c), "yes");
    set_on(false);
    assert_eq!(text(&c), "");
}

#[wasm_bindgen_test]
fn portal_renders_elsewhere_and_cleans_up() {
    let c = test_container();
    let target = test_container();
    let (open, set_open) = create_signal(true);
    let t = target.clone();
    let handle = mount_to_with_handle(c.clone(), move || {
        let t = t.clone();
        html::div().attr("id", "host").child(move || {
            let t = t.clone();
            open().then(move || {
                Portal(
                    PortalProps::builder()
                        .mount(t)
                        .children(ToChildren::to_children(|| {
                            Fragment::new(vec![html::p()
                                .attr("class", "modal")
                                .child("modal")
                                .into_view()])
                        }))
                        .build(),
                )
            })
        })
    });
    assert_eq!(find(&c, "#host").inner_html(), "");
    assert_eq!(target.inner_html(), r#"<p class="modal">modal</p>"#);
    set_open(false);
    assert_eq!(target.inner_html(), "");
    set_open(true);
    assert_eq!(target.inner_html(), r#"<p class="modal">modal</p>"#);
    handle.unmount();
    assert_eq!(target.inner_html(), "");
}

#[wasm_bindgen_test]
fn portal_defaults_to_body() {
    let c = test_container();
    let handle = mount_to_with_handle(c.clone(), || {
        Portal(
            PortalProps::builder()
                .children(ToChildren::to_children(|| {
                    Fragment::new(vec![html::aside().attr("id", "portal-in-body").into_view()])
                }))
                .build(),
        )
    });
    let body = document().body().unwrap();
    let aside = body.query_selector("#portal-in-body").unwrap().unwrap();
    assert!(aside.parent_node().unwrap().is_same_node(Some(&body)));
    handle.unmount();
    assert!(body.query_selector("#portal-in-body").unwrap().is_none());
}

// --- The seed's Tabs/Tab with context, builder API ---

fn tabs(labels: Vec<String>, children: Children) -> impl IntoView {
    let (selected, set_selected) = create_signal(0);
    provide_context(selected);
    let buttons = labels
        .into_iter()
        .enumerate()
        .map(|(index, label)| {
            html::button()
                .on(ev::click, move |_| set_selected(index))
                .child(label)
        })
        .collect_view();
    (
        html::div().style("display", "flex").child(buttons),
        children(),
    )
}

fn tab(index: usize, children: Children) -> impl IntoView {
    let selected = expect_context::<ReadSignal<usize>>();
    html::div()
        .attr("class", "tab")
        .style("display", move || {
            if selected() == index {
                "block"
            } else {
                "none"
            }
        })
        .child(children())
}

#[wasm_bindgen_test]
fn tabs_share_context_lazily() {
    let c = test_container();
    let _h = mount_to_with_handle(c.clone(), || {
        let files = ["a.txt", "b.txt", "c.txt"];
        let labels = files.iter().copied().map(Into::into).collect();
        let tab_views = move || {
            files
                .into_iter()
                .enumerate()
                .map(|(index, filename)| {
                    tab(
                        index,
                        Box::new(move || {
                            Fragment::new(vec![html::h2().child(filename).into_view()])
                        }),
                    )
                })
                .collect_view()
        };
        tabs(
            labels,
            Box::new(move || Fragment::new(vec![html::div().child(tab_views()).into_view()])),
        )
    });
    let panels = find_all(&c, ".tab");
    let display = |i: usize| {
        wasm_bindgen::JsCast::unchecked_ref::<web_sys::HtmlElement>(&panels[i])
            .style()
            .get_property_value("display")
            .unwrap()
    };
    assert_eq!(
        (display(0), display(1), display(2)),
        ("block".into(), "none".into(), "none".into())
    );
    click(&find_all(&c, "button")[2]);
    assert_eq!(
        (display(0), display(1), display(2)),
        ("none".into(), "none".into(), "block".into())
    );
}

#[wasm_bindgen_test]
fn unmount_removes_nodes_and_dropping_keeps_them() {
    let c = test_container();
    let cleaned = Rc::new(Cell::new(false));
    let cl = cleaned.clone();
    let handle = mount_to_with_handle(c.clone(), move || {
        let cl = cl.clone();
        on_cleanup(move || cl.set(true));
        (html::h1().child("a"), "text", move || "dyn")
    });
    assert_eq!(text(&c), "atextdyn");
    handle.unmount();
    assert!(cleaned.get());
    assert_eq!(c.child_nodes().length(), 0);

    let c2 = test_container();
    drop(mount_to_with_handle(c2.clone(), || {
        html::p().child("stays")
    }));
    assert_eq!(text(&c2), "stays");
}

#[wasm_bindgen_test]
async fn deferred_effects_run_after_a_microtask() {
    let c = test_container();
    let ran = Rc::new(Cell::new(0));
    let r = ran.clone();
    let _h = mount_to_with_handle(c.clone(), move || {
        let r = r.clone();
        create_effect(move |_| r.set(r.get() + 1));
        "x"
    });
    assert_eq!(ran.get(), 0, "create_effect waits for the current work");
    tick().await;
    assert_eq!(ran.get(), 1, "the scheduler installed by mount ran it");
}

#[wasm_bindgen_test]
fn portal_with_use_shadow_renders_into_a_shadow_root() {
    // Leptos 0.6's `use_shadow` and `is_svg` props.
    let c = test_container();
    let target = document().create_element("section").unwrap();
    c.append_child(&target).unwrap();
    let mount = target.clone();
    let handle = mount_to_with_handle(c.clone(), move || {
        view! {
            <Portal mount=mount.clone() use_shadow=true is_svg=false>
                <p id="in-shadow">"shadowed"</p>
            </Portal>
        }
    });
    let host = target.first_element_child().expect("a host element");
    assert_eq!(host.tag_name(), "DIV");
    let root = host.shadow_root().expect("an open shadow root");
    assert_eq!(root.inner_html(), r#"<p id="in-shadow">shadowed</p>"#);
    assert!(
        document().get_element_by_id("in-shadow").is_none(),
        "not in the light DOM"
    );
    handle.unmount();
    assert_eq!(target.child_element_count(), 0, "the host goes with it");
}
