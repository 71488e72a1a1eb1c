//! Persisted signals on working storage: they start from the stored value
//! or the default, write every change through, follow other tabs and
//! back/forward, and stop listening when their owner is disposed.
#![cfg(all(target_arch = "wasm32", feature = "serde"))]

mod common;
mod storage_support;

use common::history_length;
use larkspur::storage::{create_persisted_signal_with_codec, CodecError};
use larkspur::*;
use serde::{Deserialize, Serialize};
use storage_support::{real_local, real_session, storage_event};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
struct Todo {
    title: String,
    done: bool,
}

#[wasm_bindgen_test]
fn local_signal_starts_from_default_and_writes_only_when_written() {
    let key = "lark-test-local-default";
    real_local().remove_item(key).unwrap();
    let count = create_local_storage_signal(key, 7);
    assert_eq!(count.get(), 7);
    assert_eq!(count.error().get(), None);
    assert_eq!(
        real_local().get_item(key).unwrap(),
        None,
        "the default is not written back"
    );
    count.set(8);
    assert_eq!(real_local().get_item(key).unwrap().as_deref(), Some("8"));
    count.update(|n| *n += 1);
    assert_eq!(real_local().get_item(key).unwrap().as_deref(), Some("9"));
    assert_eq!(count.get(), 9);
}

#[wasm_bindgen_test]
fn local_signal_reads_what_was_stored() {
    let key = "lark-test-local-read";
    let todos = vec![Todo {
        title: "write tests".into(),
        done: true,
    }];
    real_local()
        .set_item(key, r#"[{"title":"write tests","done":true}]"#)
        .unwrap();
    let signal = create_local_storage_signal(key, Vec::<Todo>::new());
    assert_eq!(signal.get(), todos);
    // Through the traits, as any other signal.
    fn first_title(s: impl SignalWith<Value = Vec<Todo>>) -> String {
        s.with(|t| t[0].title.clone())
    }
    assert_eq!(first_title(signal), "write tests");
    SignalUpdate::update(&signal, |t| t[0].done = false);
    let again = create_local_storage_signal(key, Vec::<Todo>::new());
    assert!(!again.get()[0].done);
    real_local().remove_item(key).unwrap();
}

#[wasm_bindgen_test]
fn remove_resets_to_default_and_deletes_the_entry() {
    let key = "lark-test-local-remove";
    let name = create_local_storage_signal(key, String::from("anon"));
    name.set("ada".into());
    assert_eq!(
        real_local().get_item(key).unwrap().as_deref(),
        Some("\"ada\"")
    );
    name.remove();
    assert_eq!(name.get(), "anon");
    assert_eq!(real_local().get_item(key).unwrap(), None);
}

#[wasm_bindgen_test]
fn session_signal_uses_session_storage() {
    let key = "lark-test-session";
    real_session().remove_item(key).unwrap();
    real_local().remove_item(key).unwrap();
    let step = create_session_storage_signal(key, 1u8);
    step.set(3);
    assert_eq!(real_session().get_item(key).unwrap().as_deref(), Some("3"));
    assert_eq!(real_local().get_item(key).unwrap(), None);
    assert_eq!(create_session_storage_signal(key, 1u8).get(), 3);
    real_session().remove_item(key).unwrap();
}

#[wasm_bindgen_test]
fn effects_see_persisted_writes() {
    let key = "lark-test-effect";
    real_local().remove_item(key).unwrap();
    let count = create_local_storage_signal(key, 0);
    let seen = create_rw_signal(Vec::new());
    create_render_effect(move |_| seen.update(|s| s.push(count.get())));
    count.set(1);
    count.set(2);
    assert_eq!(seen.get(), [0, 1, 2]);
    real_local().remove_item(key).unwrap();
}

#[wasm_bindgen_test]
fn other_tabs_writes_arrive_through_the_storage_event() {
    let key = "lark-test-cross-tab";
    real_local().remove_item(key).unwrap();
    let count = create_local_storage_signal(key, 0);
    storage_event(&real_local(), Some(key), Some("41"));
    assert_eq!(count.get(), 41);
    // Another key, or the other area: not ours.
    storage_event(&real_local(), Some("lark-test-other"), Some("1"));
    storage_event(&real_session(), Some(key), Some("2"));
    assert_eq!(count.get(), 41);
    // The entry removed there, or the whole area cleared: the default.
    storage_event(&real_local(), Some(key), None);
    assert_eq!(count.get(), 0);
    storage_event(&real_local(), Some(key), Some("5"));
    storage_event(&real_local(), None, None);
    assert_eq!(count.get(), 0);
    // Taking in another tab's value writes nothing back.
    assert_eq!(real_local().get_item(key).unwrap(), None);
}

#[wasm_bindgen_test]
fn the_storage_listener_goes_with_its_owner() {
    let key = "lark-test-listener-owner";
    js_sys::eval(
        "window.__lark_removed = 0; if (!window.__lark_rel) { window.__lark_rel = window.removeEventListener; \
         window.removeEventListener = function (type, ...rest) { if (type === 'storage') window.__lark_removed++; \
         return window.__lark_rel.call(this, type, ...rest); }; }",
    )
    .unwrap();
    let owner = Owner::new_child();
    let count = owner.with(|| create_local_storage_signal(key, 0));
    storage_event(&real_local(), Some(key), Some("3"));
    assert_eq!(count.get(), 3);
    owner.dispose();
    assert_eq!(
        js_sys::eval("window.__lark_removed").unwrap().as_f64(),
        Some(1.0)
    );
    // A late event reaches nothing and breaks nothing.
    storage_event(&real_local(), Some(key), Some("4"));
    assert_eq!(count.try_get(), None);
}

#[wasm_bindgen_test]
fn a_write_whose_effects_dispose_the_signal_is_still_stored() {
    // A wizard's last step sets `done`, and a parent reading it removes the
    // wizard (and the signal's owner) in the same update.
    let key = "lark-test-write-then-dispose";
    real_local().remove_item(key).unwrap();
    let owner = Owner::new_child();
    let done = owner.with(|| create_local_storage_signal(key, false));
    create_render_effect(move |_| {
        if done.try_get() == Some(true) {
            owner.dispose();
        }
    });
    done.set(true);
    assert_eq!(done.try_get(), None, "the effect disposed it");
    assert_eq!(real_local().get_item(key).unwrap().as_deref(), Some("true"));
    real_local().remove_item(key).unwrap();
}

#[wasm_bindgen_test]
async fn signals_on_one_key_in_one_tab_see_each_others_writes() {
    // A header badge and a cart page, each with its own signal on "cart":
    // the browser fires no `storage` event in the tab that wrote, so
    // without the same-tab link the badge would write back its stale list
    // and the page's item would be lost from storage. The others hear of a
    // write in a microtask, with the text stored by then.
    let key = "lark-test-same-tab";
    real_local().remove_item(key).unwrap();
    let badge_owner = Owner::new_child();
    let badge = badge_owner.with(|| create_local_storage_signal(key, Vec::<String>::new()));
    let page = create_local_storage_signal(key, Vec::<String>::new());
    let third = create_local_storage_signal(key, Vec::<String>::new());
    let other_key = create_local_storage_signal("lark-test-same-tab-other", Vec::<String>::new());
    let seen = create_memo(move |_| badge.with(Vec::len));

    page.update(|c| c.push("tea".into()));
    common::tick().await;
    assert_eq!(badge.get(), vec!["tea".to_string()]);
    assert_eq!(third.get(), vec!["tea".to_string()]);
    assert_eq!(seen.get(), 1, "effects on the other signal run");
    assert!(other_key.get().is_empty(), "other keys are not touched");

    // Two writes before anyone hears: everyone ends with the last.
    badge.update(|c| c.push("cake".into()));
    third.update(|c| c.push("jam".into()));
    common::tick().await;
    common::tick().await;
    let last = vec!["tea".to_string(), "jam".to_string()];
    assert_eq!(
        real_local().get_item(key).unwrap().as_deref(),
        Some(r#"["tea","jam"]"#)
    );
    assert_eq!(page.get(), last);
    assert_eq!(badge.get(), last);
    assert_eq!(third.get(), last);

    // A write inside a read of another signal on the key does not panic:
    // the other signal is told after the read.
    page.with(|_| badge.set(vec!["bread".into()]));
    common::tick().await;
    assert_eq!(page.get(), vec!["bread".to_string()]);

    page.remove();
    common::tick().await;
    assert!(badge.get().is_empty());
    // A disposed signal is no longer told, and nothing breaks.
    badge_owner.dispose();
    page.set(vec!["later".into()]);
    common::tick().await;
    assert_eq!(badge.try_get(), None);
    assert_eq!(third.get(), vec!["later".to_string()]);
    real_local().remove_item(key).unwrap();
}

fn search() -> String {
    web_sys::window().unwrap().location().search().unwrap()
}

#[wasm_bindgen_test]
fn query_param_signal_lives_in_the_url() {
    let page = create_query_param_signal("lark-page", 1u32);
    assert_eq!(page.get(), 1);
    assert!(
        !search().contains("lark-page"),
        "the default is not written"
    );
    let entries = history_length();
    page.set(4);
    assert!(search().contains("lark-page=4"), "{}", search());
    assert_eq!(history_length(), entries, "replaced in place, no new entry");
    assert_eq!(create_query_param_signal("lark-page", 1u32).get(), 4);

    // Back/forward changes the URL behind the signal's back.
    let history = web_sys::window().unwrap().history().unwrap();
    let url = web_sys::Url::new(&web_sys::window().unwrap().location().href().unwrap()).unwrap();
    url.search_params().set("lark-page", "9");
    history
        .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url.href()))
        .unwrap();
    let popstate = web_sys::Event::new("popstate").unwrap();
    web_sys::window()
        .unwrap()
        .dispatch_event(&popstate)
        .unwrap();
    assert_eq!(page.get(), 9);

    page.remove();
    assert!(!search().contains("lark-page"), "{}", search());
}

#[wasm_bindgen_test]
fn a_codec_of_ones_own_keeps_query_params_readable() {
    let tab = create_persisted_signal_with_codec(
        StorageBackend::QueryParam,
        "lark-tab",
        String::from("general"),
        |tab: &String| Ok(tab.clone()),
        |text: &str| {
            if text.is_empty() {
                Err(CodecError::new("empty tab", None))
            } else {
                Ok(text.to_string())
            }
        },
    );
    tab.set("settings".into());
    assert!(search().contains("lark-tab=settings"), "{}", search());
    tab.remove();
}
