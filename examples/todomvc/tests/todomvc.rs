//! TodoMVC's specification, rule by rule, with the test kit.
#![cfg(target_arch = "wasm32")]

use larkspur::testing::*;
use larkspur::*;
use todomvc::{Filter, TodoMvc, STORAGE_KEY};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{HtmlElement, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

fn storage() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

fn set_hash(hash: &str) {
    let history = web_sys::window().unwrap().history().unwrap();
    let url = if hash.is_empty() {
        "/".to_owned()
    } else {
        hash.to_owned()
    };
    history
        .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
        .unwrap();
}

/// A fresh app: empty storage, no hash.
fn fresh() -> Screen {
    storage().remove_item(STORAGE_KEY).unwrap();
    set_hash("");
    render(|| view! { <TodoMvc/> })
}

fn add(screen: &Screen, titles: &[&str]) {
    let input = screen.get_by_selector(".new-todo");
    for title in titles {
        type_text(&input, title);
        press_key(&input, "Enter");
    }
}

fn titles(screen: &Screen) -> Vec<String> {
    screen
        .get_all_by_selector(".todo-list li label")
        .iter()
        .map(text)
        .collect()
}

fn row(screen: &Screen, title: &str) -> HtmlElement {
    screen
        .get_all_by_selector(".todo-list li")
        .into_iter()
        .find(|li| text(li.query_selector("label").unwrap().unwrap()) == title)
        .unwrap_or_else(|| panic!("no row {title:?}; rows: {:?}", titles(screen)))
}

fn part(row: &HtmlElement, selector: &str) -> HtmlElement {
    row.query_selector(selector)
        .unwrap()
        .unwrap()
        .unchecked_into()
}

fn value(el: &HtmlElement) -> String {
    el.unchecked_ref::<HtmlInputElement>().value()
}

fn count_text(screen: &Screen) -> String {
    text(screen.get_by_selector(".todo-count"))
}

fn stored() -> String {
    storage().get_item(STORAGE_KEY).unwrap().unwrap_or_default()
}

#[wasm_bindgen_test]
fn main_and_footer_are_hidden_without_todos() {
    let screen = fresh();
    assert!(screen.query_by_selector(".new-todo").is_some());
    assert!(screen.query_by_selector(".main").is_none());
    assert!(screen.query_by_selector(".footer").is_none());
    add(&screen, &["one"]);
    assert!(screen.query_by_selector(".main").is_some());
    assert!(screen.query_by_selector(".footer").is_some());
    click(&part(&row(&screen, "one"), ".destroy"));
    assert!(screen.query_by_selector(".main").is_none());
    assert!(screen.query_by_selector(".footer").is_none());
}

#[wasm_bindgen_test]
fn new_todos_are_trimmed_empty_ones_ignored_and_the_input_cleared() {
    let screen = fresh();
    let input = screen.get_by_selector(".new-todo");
    add(&screen, &["  buy milk  "]);
    assert_eq!(value(&input), "", "cleared after adding");
    add(&screen, &["   "]);
    assert_eq!(titles(&screen), ["buy milk"], "an empty title adds nothing");
    assert_eq!(value(&input), "   ", "and is left as typed");
    clear(&input);
    add(&screen, &["walk the dog"]);
    assert_eq!(titles(&screen), ["buy milk", "walk the dog"]);
}

#[wasm_bindgen_test]
fn the_count_is_pluralised() {
    let screen = fresh();
    add(&screen, &["a"]);
    assert_eq!(count_text(&screen), "1 item left");
    add(&screen, &["b"]);
    assert_eq!(count_text(&screen), "2 items left");
    check(&part(&row(&screen, "a"), ".toggle"), true);
    check(&part(&row(&screen, "b"), ".toggle"), true);
    assert_eq!(count_text(&screen), "0 items left");
    assert_eq!(text(screen.get_by_selector(".todo-count strong")), "0");
}

#[wasm_bindgen_test]
fn toggling_marks_the_row_completed() {
    let screen = fresh();
    add(&screen, &["a", "b"]);
    let a = row(&screen, "a");
    check(&part(&a, ".toggle"), true);
    assert!(a.class_list().contains("completed"));
    assert!(!row(&screen, "b").class_list().contains("completed"));
    check(&part(&a, ".toggle"), false);
    assert!(!a.class_list().contains("completed"));
}

#[wasm_bindgen_test]
fn toggle_all_follows_and_sets_every_todo() {
    let screen = fresh();
    add(&screen, &["a", "b"]);
    let all = screen.get_by_selector(".toggle-all");
    let all_input: &HtmlInputElement = all.unchecked_ref();
    assert!(!all_input.checked());
    check(&all, true);
    assert_eq!(screen.get_all_by_selector("li.completed").len(), 2);
    // Un-checking one row un-checks toggle-all; checking it again re-checks.
    check(&part(&row(&screen, "a"), ".toggle"), false);
    assert!(!all_input.checked());
    check(&part(&row(&screen, "a"), ".toggle"), true);
    assert!(all_input.checked());
    check(&all, false);
    assert_eq!(screen.get_all_by_selector("li.completed").len(), 0);
}

#[wasm_bindgen_test]
fn double_click_edits_enter_saves_trimmed() {
    let screen = fresh();
    add(&screen, &["a", "b"]);
    let a = row(&screen, "a");
    dispatch_event(&part(&a, "label"), "dblclick");
    assert!(a.class_list().contains("editing"));
    let edit = part(&a, ".edit");
    assert_eq!(value(&edit), "a", "the edit field starts with the title");
    clear(&edit);
    type_text(&edit, "  renamed  ");
    press_key(&edit, "Enter");
    assert!(!a.class_list().contains("editing"));
    assert_eq!(titles(&screen), ["renamed", "b"]);
}

#[wasm_bindgen_test]
fn blur_saves_an_edit() {
    let screen = fresh();
    add(&screen, &["a"]);
    let a = row(&screen, "a");
    dispatch_event(&part(&a, "label"), "dblclick");
    let edit = part(&a, ".edit");
    type_text(&edit, "b");
    blur(&edit);
    assert_eq!(titles(&screen), ["ab"]);
    assert!(!a.class_list().contains("editing"));
}

/// Back (or a filter change) can take the row out of the page while its
/// edit is open; browsers fire no `blur` for a removed focused input, and
/// what was typed must not be lost.
#[wasm_bindgen_test]
async fn an_open_edit_is_saved_when_a_filter_change_removes_the_row() {
    let screen = fresh();
    add(&screen, &["a", "b"]);
    let a = row(&screen, "a");
    dispatch_event(&part(&a, "label"), "dblclick");
    let edit = part(&a, ".edit");
    type_text(&edit, " edited");
    // As Back to `#/completed` does: a `hashchange`, no blur.
    web_sys::window()
        .unwrap()
        .location()
        .set_hash("/completed")
        .unwrap();
    sleep_ms(20).await; // hashchange is a task
    assert!(titles(&screen).is_empty(), "neither todo is completed");
    assert!(stored().contains("\"a edited\""), "stored: {}", stored());
    web_sys::window().unwrap().location().set_hash("").unwrap();
    sleep_ms(20).await;
    assert_eq!(titles(&screen), ["a edited", "b"]);
    assert!(screen.query_by_selector(".todo-list li.editing").is_none());
    set_hash("");
}

#[wasm_bindgen_test]
fn escape_cancels_an_edit() {
    let screen = fresh();
    add(&screen, &["a"]);
    let a = row(&screen, "a");
    dispatch_event(&part(&a, "label"), "dblclick");
    let edit = part(&a, ".edit");
    type_text(&edit, " changed");
    press_key(&edit, "Escape");
    blur(&edit); // the blur that follows must not save either
    assert_eq!(titles(&screen), ["a"]);
    assert!(!a.class_list().contains("editing"));
}

#[wasm_bindgen_test]
fn an_empty_edit_deletes_the_todo() {
    let screen = fresh();
    add(&screen, &["a", "b"]);
    let a = row(&screen, "a");
    dispatch_event(&part(&a, "label"), "dblclick");
    let edit = part(&a, ".edit");
    clear(&edit);
    type_text(&edit, "   ");
    press_key(&edit, "Enter");
    assert_eq!(titles(&screen), ["b"]);
}

#[wasm_bindgen_test]
fn delete_and_clear_completed() {
    let screen = fresh();
    add(&screen, &["a", "b", "c"]);
    assert!(
        screen.query_by_selector(".clear-completed").is_none(),
        "hidden with nothing done"
    );
    click(&part(&row(&screen, "b"), ".destroy"));
    assert_eq!(titles(&screen), ["a", "c"]);
    check(&part(&row(&screen, "a"), ".toggle"), true);
    click(&screen.get_by_role("button", "Clear completed"));
    assert_eq!(titles(&screen), ["c"]);
    assert!(screen.query_by_selector(".clear-completed").is_none());
}

#[wasm_bindgen_test]
async fn hash_filters_select_and_filter() {
    let screen = fresh();
    add(&screen, &["a", "b"]);
    check(&part(&row(&screen, "a"), ".toggle"), true);
    let selected = |s: &Screen| text(s.get_by_selector(".filters a.selected"));
    assert_eq!(selected(&screen), "All");

    click(&screen.get_by_role("link", "Active"));
    sleep_ms(20).await; // hashchange is a task
    assert_eq!(titles(&screen), ["b"]);
    assert_eq!(selected(&screen), "Active");

    click(&screen.get_by_role("link", "Completed"));
    sleep_ms(20).await;
    assert_eq!(titles(&screen), ["a"]);
    assert_eq!(selected(&screen), "Completed");
    // A change moves a todo out of the filtered view.
    check(&part(&row(&screen, "a"), ".toggle"), false);
    assert!(titles(&screen).is_empty());

    click(&screen.get_by_role("link", "All"));
    sleep_ms(20).await;
    assert_eq!(titles(&screen), ["a", "b"]);
    set_hash("");
}

/// An app with a router passes the filter: a `pushState` to a URL
/// without the fragment fires no `hashchange`, and the list must still
/// follow the URL (the showcase's site nav on `/todomvc#/active`).
#[wasm_bindgen_test]
async fn a_filter_prop_is_followed_and_the_hash_is_not() {
    storage()
        .set_item(
            STORAGE_KEY,
            r#"[{"id":0,"title":"a","completed":true},{"id":1,"title":"b","completed":false}]"#,
        )
        .unwrap();
    set_hash("#/completed");
    let (filter, set_filter) = create_signal(Filter::Active);
    let screen = render(move || view! { <TodoMvc filter/> });
    let selected = |s: &Screen| text(s.get_by_selector(".filters a.selected"));
    assert_eq!(titles(&screen), ["b"]);
    assert_eq!(selected(&screen), "Active");
    set_filter.set(Filter::All);
    flush();
    assert_eq!(titles(&screen), ["a", "b"]);
    assert_eq!(selected(&screen), "All");
    set_hash("#/active");
    sleep_ms(20).await; // a hashchange, if one were followed
    assert_eq!(titles(&screen), ["a", "b"]);
    set_hash("");
}

#[wasm_bindgen_test]
fn the_filter_comes_from_the_hash_at_start() {
    storage()
        .set_item(
            STORAGE_KEY,
            r#"[{"id":0,"title":"a","completed":true},{"id":1,"title":"b","completed":false}]"#,
        )
        .unwrap();
    set_hash("#/completed");
    let screen = render(|| view! { <TodoMvc/> });
    assert_eq!(titles(&screen), ["a"]);
    set_hash("");
}

#[wasm_bindgen_test]
fn the_list_persists_in_local_storage() {
    {
        let screen = fresh();
        add(&screen, &["keep me", "and me"]);
        check(&part(&row(&screen, "and me"), ".toggle"), true);
    }
    assert!(stored().contains("keep me"));
    let screen = render(|| view! { <TodoMvc/> });
    assert_eq!(titles(&screen), ["keep me", "and me"]);
    assert!(row(&screen, "and me").class_list().contains("completed"));
}

#[wasm_bindgen_test]
fn unreadable_storage_is_not_overwritten_until_a_change() {
    storage().set_item(STORAGE_KEY, "{not json").unwrap();
    set_hash("");
    let screen = render(|| view! { <TodoMvc/> });
    assert!(screen.query_by_selector(".main").is_none());
    assert_eq!(stored(), "{not json", "loading keeps what was there");
    add(&screen, &["fresh"]);
    assert!(stored().contains("fresh"));
}

/// A list with repeated ids that another tab stores (the `storage` event)
/// is repaired as a stored one is at start (probe48: both rows showed the
/// first title, and deleting one deleted both).
#[wasm_bindgen_test]
fn repeated_ids_from_another_tab_are_told_apart() {
    let screen = fresh();
    add(&screen, &["mine"]);
    let text = r#"[{"id":1,"title":"a","completed":false},{"id":1,"title":"b","completed":false}]"#;
    storage().set_item(STORAGE_KEY, text).unwrap();
    // What the browser fires in this tab when another tab writes.
    js_sys::eval(&format!(
        "window.dispatchEvent(new StorageEvent('storage', {{ key: {:?}, newValue: {:?}, \
         storageArea: localStorage }}))",
        STORAGE_KEY, text
    ))
    .unwrap();
    assert_eq!(titles(&screen), ["a", "b"]);
    click(&part(&row(&screen, "b"), ".toggle"));
    assert!(row(&screen, "b").class_list().contains("completed"));
    assert!(!row(&screen, "a").class_list().contains("completed"));
    click(&part(&row(&screen, "b"), ".destroy"));
    assert_eq!(titles(&screen), ["a"]);
    assert!(stored().contains("\"a\"") && !stored().contains("\"b\""));
}

/// Stored todos with repeated ids, or an id at `u32::MAX` (written by
/// something else), still make a list whose rows are told apart (probe39:
/// two rows "a" shared one id, so toggling one changed the other, and
/// adding after `u32::MAX` overflowed).
#[wasm_bindgen_test]
fn stored_ids_that_repeat_or_are_at_the_limit_still_work() {
    set_hash("");
    storage()
        .set_item(
            STORAGE_KEY,
            r#"[{"id":4294967295,"title":"a","completed":false},{"id":4294967295,"title":"b","completed":false},{"id":0,"title":"c","completed":false}]"#,
        )
        .unwrap();
    let screen = render(|| view! { <TodoMvc/> });
    assert_eq!(titles(&screen), ["a", "b", "c"]);
    click(&part(&row(&screen, "b"), ".toggle"));
    assert!(row(&screen, "b").class_list().contains("completed"));
    assert!(!row(&screen, "a").class_list().contains("completed"));
    assert_eq!(count_text(&screen), "2 items left");
    add(&screen, &["d"]);
    assert_eq!(titles(&screen), ["a", "b", "c", "d"]);
    click(&part(&row(&screen, "d"), ".toggle"));
    assert!(row(&screen, "d").class_list().contains("completed"));
    assert!(!row(&screen, "c").class_list().contains("completed"));
    drop(screen);
    storage().remove_item(STORAGE_KEY).unwrap();
}

/// Thousands of stored todos that all share the id `u32::MAX`: the ids are
/// told apart at once (a scan of the list per repeat, O(n³), froze the
/// page for minutes), each todo gets its own, and all are shown.
#[wasm_bindgen_test]
fn thousands_of_repeated_ids_are_renumbered_at_once() {
    set_hash("");
    let one = r#"{"id":4294967295,"title":"x","completed":false}"#;
    let stored = format!("[{}]", vec![one; 3_000].join(","));
    storage().set_item(STORAGE_KEY, &stored).unwrap();
    let screen = render(|| view! { <TodoMvc/> });
    assert_eq!(titles(&screen).len(), 3_000);
    let text = storage().get_item(STORAGE_KEY).unwrap().unwrap();
    let mut ids: Vec<&str> = text
        .split("\"id\":")
        .skip(1)
        .map(|rest| rest.split(',').next().unwrap())
        .collect();
    assert_eq!(ids.len(), 3_000);
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), 3_000, "every todo has its own id");
    drop(screen);
    storage().remove_item(STORAGE_KEY).unwrap();
}
