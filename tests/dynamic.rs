//! Dynamic children: text patched in place, branches replaced between their
//! siblings, the old branch's owner disposed, and every IntoView shape.
#![cfg(target_arch = "wasm32")]

mod common;

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use common::{find, test_container, text};
use larkspur::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn dynamic_text_reuses_its_text_node() {
    let c = test_container();
    let (name, set_name) = create_signal(String::from("Ada"));
    let _h = mount_to_with_handle(c.clone(), move || {
        html::p().child("Hi ").child(move || name.get()).child("!")
    });
    let p = find(&c, "p");
    assert_eq!(p.inner_html(), "Hi Ada!");
    let text_node = p.child_nodes().item(1).unwrap();
    set_name("Grace".into());
    assert_eq!(p.inner_html(), "Hi Grace!");
    assert!(text_node.is_same_node(p.child_nodes().item(1).as_ref()));
}

#[wasm_bindgen_test]
fn signals_and_memos_are_children() {
    let c = test_container();
    let (count, set_count) = create_signal(1);
    let _h = mount_to_with_handle(c.clone(), move || {
        let double = create_memo(move |_| count() * 2);
        let rw = create_rw_signal("rw");
        let derived = Signal::derive(move || count() + 100);
        html::p()
            .child(count)
            .child("|")
            .child(double)
            .child("|")
            .child(rw)
            .child("|")
            .child(derived)
    });
    let p = find(&c, "p");
    assert_eq!(text(&p), "1|2|rw|101");
    set_count(5);
    assert_eq!(text(&p), "5|10|rw|105");
}

#[wasm_bindgen_test]
fn branch_is_replaced_between_its_siblings() {
    let c = test_container();
    let (on, set_on) = create_signal(false);
    let _h = mount_to_with_handle(c.clone(), move || {
        html::div()
            .child(html::span().child("before"))
            .child(move || {
                if on() {
                    (html::b().child("yes"), html::i().child("!")).into_view()
                } else {
                    "no".into_view()
                }
            })
            .child(html::span().child("after"))
    });
    let div = find(&c, "div");
    assert_eq!(div.inner_html(), "<span>before</span>no<span>after</span>");
    set_on(true);
    assert_eq!(
        div.inner_html(),
        "<span>before</span><b>yes</b><i>!</i><span>after</span>"
    );
    set_on(false);
    assert_eq!(div.inner_html(), "<span>before</span>no<span>after</span>");
}

#[wasm_bindgen_test]
fn old_branch_owner_is_disposed() {
    let c = test_container();
    let cleanups = Rc::new(Cell::new(0));
    let runs = Rc::new(Cell::new(0));
    let (n, set_n) = create_signal(0);
    let baseline = live_node_count();
    let (cl, rn) = (cleanups.clone(), runs.clone());
    let h = mount_to_with_handle(c.clone(), move || {
        html::div().child(move || {
            let k = n();
            let (cl, rn) = (cl.clone(), rn.clone());
            on_cleanup(move || cl.set(cl.get() + 1));
            let local = create_rw_signal(k * 10);
            create_render_effect(move |_| {
                local.get();
                rn.set(rn.get() + 1);
            });
            html::span().child(local)
        })
    });
    assert_eq!(runs.get(), 1);
    set_n(1);
    assert_eq!(cleanups.get(), 1, "the first branch was cleaned up");
    assert_eq!(runs.get(), 2);
    assert_eq!(text(&find(&c, "span")), "10");
    set_n(2);
    assert_eq!(cleanups.get(), 2);
    h.unmount();
    assert_eq!(cleanups.get(), 3);
    assert_eq!(
        live_node_count(),
        baseline,
        "every reactive node was disposed"
    );
    assert_eq!(c.inner_html(), "");
}

#[wasm_bindgen_test]
fn nested_dynamic_ranges_move_together() {
    let c = test_container();
    let (outer, set_outer) = create_signal(true);
    let (inner, set_inner) = create_signal(1);
    let _h = mount_to_with_handle(c.clone(), move || {
        html::div()
            .child("[")
            .child(move || {
                if outer() {
                    (html::i().child("a"), move || inner()).into_view()
                } else {
                    View::Empty
                }
            })
            .child("]")
    });
    let div = find(&c, "div");
    assert_eq!(text(&div), "[a1]");
    set_inner(2);
    assert_eq!(text(&div), "[a2]");
    set_outer(false);
    assert_eq!(text(&div), "[]");
    set_inner(3);
    assert_eq!(text(&div), "[]");
    set_outer(true);
    assert_eq!(text(&div), "[a3]");
}

#[wasm_bindgen_test]
#[allow(clippy::needless_borrows_for_generic_args)] // &String is one of the shapes
fn into_view_shapes() {
    let c = test_container();
    let _h = mount_to_with_handle(c.clone(), || {
        html::div()
            .child(())
            .child(Some("some"))
            .child(None::<&str>)
            .child(vec!["v1", "v2"])
            .child(["a1", "a2"])
            .child((1u8, -2i32, 3.5f64, 'c'))
            .child(Fragment::new(vec!["f1".into_view(), "f2".into_view()]))
            .child((0..3).map(|i| html::b().child(i)).collect_view())
            .child(String::from("s"))
            .child(&String::from("r")) // .child(&String::from("r"))String is IntoView too
            .child(std::borrow::Cow::Borrowed("w"))
            .child(i64::MIN)
            .child(u64::MAX)
    });
    let div = find(&c, "div");
    assert_eq!(
        text(&div),
        "somev1v2a1a21-23.5cf1f2012srw-922337203685477580818446744073709551615"
    );
}

#[wasm_bindgen_test]
fn dyn_child_and_dynamic_component() {
    let c = test_container();
    let (tab, set_tab) = create_signal(0);
    let _h = mount_to_with_handle(c.clone(), move || {
        html::div()
            .child(DynChild::new(
                move || if tab() == 0 { "zero" } else { "other" },
            ))
            .child(Dynamic(
                DynamicProps::builder()
                    .children(move || html::em().child(tab))
                    .build(),
            ))
    });
    let div = find(&c, "div");
    assert_eq!(text(&div), "zero0");
    set_tab(1);
    assert_eq!(text(&div), "other1");
}

#[wasm_bindgen_test]
fn components_run_untracked_and_share_context() {
    let c = test_container();
    let body_runs = Rc::new(Cell::new(0));
    let (count, set_count) = create_signal(0);

    let child = {
        let body_runs = body_runs.clone();
        move || {
            body_runs.set(body_runs.get() + 1);
            let _ = count(); // read in the body: untracked
            let value = expect_context::<ReadSignal<i32>>();
            html::span().child(move || value() * 10)
        }
    };
    let _h = mount_to_with_handle(c.clone(), move || {
        provide_context(count);
        html::div().child(move || component_view(child.clone(), ()))
    });
    assert_eq!(text(&find(&c, "div")), "0");
    set_count(4);
    assert_eq!(text(&find(&c, "div")), "40");
    assert_eq!(body_runs.get(), 1, "the component body did not re-run");
}

#[wasm_bindgen_test]
fn children_types_convert() {
    let log = Rc::new(RefCell::new(Vec::new()));
    let l = log.clone();
    let mut boxed: ChildrenFnMut = ToChildren::to_children(move || {
        l.borrow_mut().push(1);
        Fragment::new(vec!["x".into_view()])
    });
    boxed();
    boxed();
    assert_eq!(log.borrow().len(), 2);
    let once: Children = ToChildren::to_children(|| Fragment::new(vec!["once".into_view()]));
    assert_eq!(once().as_children().len(), 1);
    let many: ChildrenFn = ToChildren::to_children(|| Fragment::new(vec![]));
    assert!(many().as_children().is_empty());
    let fallback: ViewFn = (|| "fallback").into();
    assert!(matches!(fallback.run(), View::Text(_)));
}

#[wasm_bindgen_test]
fn text_only_children_need_no_marker_until_they_show_more() {
    let c = test_container();
    let (mode, set_mode) = create_signal(0);
    let _h = mount_to_with_handle(c.clone(), move || {
        html::div()
            .child("<")
            .child(move || match mode.get() {
                0 => "text".into_view(),
                1 => html::b().child("bold").into_view(),
                2 => View::Empty,
                _ => "again".into_view(),
            })
            .child(">")
    });
    let div = find(&c, "div");
    assert_eq!(div.child_nodes().length(), 3, "text only: no marker node");
    assert_eq!(div.inner_html(), "&lt;text&gt;");
    set_mode(1);
    assert_eq!(div.inner_html(), "&lt;<b>bold</b>&gt;");
    assert_eq!(div.child_nodes().length(), 4, "the marker appeared");
    set_mode(2);
    assert_eq!(text(&div), "<>");
    set_mode(3);
    assert_eq!(text(&div), "<again>");
    set_mode(0);
    assert_eq!(text(&div), "<text>");
    set_mode(1);
    assert_eq!(div.inner_html(), "&lt;<b>bold</b>&gt;");
}

#[wasm_bindgen_test]
fn text_views_replace_text_views() {
    let c = test_container();
    let (n, set_n) = create_signal(1);
    let _h = mount_to_with_handle(c.clone(), move || {
        html::p().child(move || n.get().into_view()).child("!")
    });
    let p = find(&c, "p");
    set_n(2);
    set_n(3);
    assert_eq!(p.inner_html(), "3!");
    assert_eq!(p.child_nodes().length(), 2);
}

#[wasm_bindgen_test]
fn text_typed_children_keep_one_text_node_and_go_with_their_owner() {
    let c = test_container();
    let (n, set_n) = create_signal(7i64);
    let (flag, set_flag) = create_signal(false);
    let (word, set_word) = create_signal(std::borrow::Cow::Borrowed("one"));
    let baseline = live_node_count();
    let h = mount_to_with_handle(c.clone(), move || {
        // A closure returning a number outside a template is a text view:
        // one node that its effect rewrites, no marker.
        let doubled = (move || n.get() * 2).into_view();
        assert!(matches!(doubled, View::Text(_)), "{doubled:?}");
        view! {
            <p>{n}</p>
            <i>{move || flag.get()}</i>
            <b>{word}</b>
            <s>{move || if flag.get() { 'y' } else { 'n' }}</s>
            <u>{doubled}</u>
        }
    });
    let p = find(&c, "p");
    let text_node = p.first_child().unwrap();
    assert_eq!(text(&p), "7");
    // Numbers beyond 2^53 are written as text, not rounded by JS.
    set_n(-9_007_199_254_740_993);
    assert_eq!(text(&p), "-9007199254740993");
    assert_eq!(text(&find(&c, "u")), "-18014398509481986");
    set_n(0);
    assert_eq!(text(&p), "0");
    assert!(
        text_node.is_same_node(p.first_child().as_ref()),
        "same text node"
    );
    assert_eq!(p.child_nodes().length(), 1, "no marker beside it");
    set_flag(true);
    assert_eq!(text(&find(&c, "i")), "true");
    assert_eq!(text(&find(&c, "s")), "y");
    set_word("two".into());
    assert_eq!(text(&find(&c, "b")), "two");
    h.unmount();
    assert_eq!(
        live_node_count(),
        baseline,
        "the text effects were disposed"
    );
    // Writes after the unmount reach nothing and do not panic.
    set_n(1);
    set_flag(false);
    assert_eq!(c.inner_html(), "");
}

#[wasm_bindgen_test]
fn a_cached_view_returned_again_stays_and_the_range_keeps_updating() {
    // A closure that hands back the same built text view twice (a cache of
    // labels, a memo of a view): the node must stay, and later changes of
    // the range still show.
    let c = test_container();
    let (n, set_n) = create_signal(1);
    let (extra, set_extra) = create_signal(0);
    let _h = mount_to_with_handle(c.clone(), move || {
        let yes: View = "positive".into_view();
        let no: View = "not positive".into_view();
        let label = move || {
            extra.track();
            if n.get() > 0 {
                yes.clone()
            } else {
                no.clone()
            }
        };
        view! { <p>{label}</p> }
    });
    let p = find(&c, "p");
    assert_eq!(text(&p), "positive");
    set_n(2); // the same view again
    assert_eq!(text(&p), "positive");
    set_extra(1); // and again, through another signal
    assert_eq!(text(&p), "positive");
    set_n(-1);
    assert_eq!(text(&p), "not positive");
    set_n(3);
    assert_eq!(text(&p), "positive");
}

/// One `View` shown by two dynamic children in turn (a cached menu placed
/// in one of two spots): when it moves to the other child, the first one's
/// next change does not take it out of its new place (as in Leptos 0.6).
#[wasm_bindgen_test]
fn a_view_shown_by_two_dynamic_children_stays_where_it_went() {
    let c = test_container();
    let (pos, set_pos) = create_signal(0);
    let _h = mount_to_with_handle(c.clone(), move || {
        let shared = html::span().child("S").into_view();
        let (s1, s2) = (shared.clone(), shared);
        view! {
            <div id="a">{move || if pos.get() % 2 == 0 { s1.clone() } else { ().into_view() }}</div>
            <div id="b">{move || if pos.get() % 2 == 1 { s2.clone() } else { ().into_view() }}</div>
        }
    });
    let (a, b) = (find(&c, "#a"), find(&c, "#b"));
    assert_eq!(text(&a), "S");
    set_pos.set(1);
    assert_eq!((text(&a), text(&b)), ("".to_string(), "S".to_string()));
    set_pos.set(2);
    assert_eq!((text(&a), text(&b)), ("S".to_string(), "".to_string()));
    set_pos.set(3);
    assert_eq!((text(&a), text(&b)), ("".to_string(), "S".to_string()));
}

/// The same with a shared view that is itself a dynamic range (a closure
/// child, a `<Show>`, a list): taking it out of one parent leaves it where
/// the other has put it.
#[wasm_bindgen_test]
fn a_dynamic_view_shown_by_two_dynamic_children_stays_where_it_went() {
    let c = test_container();
    let (pos, set_pos) = create_signal(0);
    let _h = mount_to_with_handle(c.clone(), move || {
        let shared = (move || html::span().child("S")).into_view();
        let (s1, s2) = (shared.clone(), shared);
        view! {
            <div id="a">{move || if pos.get() % 2 == 0 { s1.clone() } else { ().into_view() }}</div>
            <div id="b">{move || if pos.get() % 2 == 1 { s2.clone() } else { ().into_view() }}</div>
        }
    });
    let (a, b) = (find(&c, "#a"), find(&c, "#b"));
    assert_eq!(text(&a), "S");
    for pos in 1..5 {
        set_pos.set(pos);
        let expected = if pos % 2 == 0 { ("S", "") } else { ("", "S") };
        assert_eq!(
            (text(&a).as_str(), text(&b).as_str()),
            expected,
            "after set_pos({pos})"
        );
    }
}
