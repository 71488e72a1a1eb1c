//! The test kit acts as a browser does for a person: keys carry their
//! legacy codes and a `keypress`, Enter commits and submits, a click moves
//! the focus (committing an edited field with `change`), nothing leaves
//! the test page, disabled controls refuse input; role queries skip what
//! is hidden and name icon buttons and fields as a browser does; a context
//! provided before `render` goes with the screen.
#![cfg(target_arch = "wasm32")]

use larkspur::testing::*;
use larkspur::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn recorder() -> (ReadSignal<Vec<String>>, impl Fn(String) + Copy) {
    let (log, set_log) = create_signal(Vec::<String>::new());
    (log, move |s: String| set_log.update(|l| l.push(s)))
}

#[wasm_bindgen_test]
fn keys_carry_their_legacy_codes_and_a_keypress() {
    let (log, push) = recorder();
    let screen = render(move || {
        view! {
            <input aria-label="New"
                on:keydown=move |ev| push(format!("down {} {}", ev.key_code(), ev.code()))
                on:keypress=move |ev| push(format!("press {}", ev.char_code()))/>
        }
    });
    let input = screen.get_by_label("New");
    press_key(&input, "Enter");
    type_text(&input, "a.");
    assert_eq!(
        log.get_untracked(),
        [
            "down 13 Enter",
            "press 13",
            "down 65 KeyA",
            "press 97",
            "down 190 Period",
            "press 46"
        ]
    );
}

#[wasm_bindgen_test]
fn a_prevented_keypress_keeps_the_character_out() {
    let screen = render(|| {
        view! {
            <input aria-label="Digits" on:keypress=move |ev| {
                if !ev.key().chars().all(|c| c.is_ascii_digit()) { ev.prevent_default() }
            }/>
        }
    });
    let input = screen.get_by_label("Digits");
    type_text(&input, "1a2");
    let input: web_sys::HtmlInputElement = wasm_bindgen::JsCast::unchecked_into(input);
    assert_eq!(input.value(), "12");
}

#[wasm_bindgen_test]
fn enter_in_a_text_field_commits_it_and_submits_its_form() {
    let (log, push) = recorder();
    let screen = render(move || {
        view! {
            <form on:submit=move |ev| { ev.prevent_default(); push("submit".into()) }>
                <input aria-label="Todo" on:change=move |_| push("change".into())/>
                <input aria-label="Note"/>
                <button on:click=move |_| push("click".into())>"Add"</button>
            </form>
        }
    });
    type_text(&screen.get_by_label("Todo"), "milk\n");
    // The first submit button is clicked, which submits the form.
    assert_eq!(log.get_untracked(), ["change", "click", "submit"]);
}

#[wasm_bindgen_test]
fn enter_submits_a_form_whose_only_field_it_is_and_never_leaves_the_page() {
    let (log, push) = recorder();
    let screen = render(move || {
        view! {
            // Nothing prevents this submission: the browser would load
            // `?q=lark`; in a test it goes nowhere.
            <form on:submit=move |_| push("submit".into())>
                <input aria-label="Search" name="q"/>
            </form>
        }
    });
    let before = current_url();
    type_text(&screen.get_by_label("Search"), "lark\n");
    assert_eq!(log.get_untracked(), ["submit"]);
    assert_eq!(current_url(), before);
}

#[wasm_bindgen_test]
fn enter_and_space_click_buttons_and_space_toggles_a_checkbox() {
    let (log, push) = recorder();
    let screen = render(move || {
        view! {
            <button on:click=move |_| push("go".into())>"Go"</button>
            <input type="checkbox" aria-label="Done" on:change=move |_| push("done".into())/>
        }
    });
    let go = screen.get_by_role("button", "Go");
    press_key(&go, "Enter");
    press_key(&go, " ");
    press_key(&screen.get_by_label("Done"), " ");
    assert_eq!(log.get_untracked(), ["go", "go", "done"]);
}

#[wasm_bindgen_test]
fn typing_then_clicking_elsewhere_commits_the_field() {
    let (log, push) = recorder();
    let screen = render(move || {
        view! {
            <input aria-label="Name"
                on:change=move |ev| push(format!("change {}", event_target_value(&ev)))
                on:blur=move |_| push("blur".into())/>
            <button on:mousedown=move |_| push("mousedown".into())
                on:focus=move |_| push("focus".into())
                on:click=move |_| push("click".into())>"Save"</button>
        }
    });
    type_text(&screen.get_by_label("Name"), "Ada");
    assert!(log.get_untracked().is_empty(), "no change while typing");
    click(&screen.get_by_role("button", "Save"));
    let log = log.get_untracked();
    // Whether the browser fires `blur`/`focus` depends on the headless
    // page having the focus; the kit's own order is fixed.
    let order: Vec<&str> = log
        .iter()
        .map(String::as_str)
        .filter(|e| !matches!(*e, "blur" | "focus"))
        .collect();
    assert_eq!(order, ["mousedown", "change Ada", "click"]);
}

#[wasm_bindgen_test]
fn a_click_on_nothing_focusable_blurs_the_edited_field() {
    let (log, push) = recorder();
    let screen = render(move || {
        view! {
            <input aria-label="Name" on:change=move |_| push("change".into())/>
            <p>"elsewhere"</p>
        }
    });
    type_text(&screen.get_by_label("Name"), "x");
    click(&screen.get_by_text("elsewhere"));
    assert_eq!(log.get_untracked(), ["change"]);
    // Unchanged since: no second `change`.
    focus(&screen.get_by_label("Name"));
    blur(&screen.get_by_label("Name"));
    assert_eq!(log.get_untracked(), ["change"]);
}

#[wasm_bindgen_test]
fn blur_on_a_field_without_the_focus_does_nothing() {
    let (log, push) = recorder();
    let screen = render(move || {
        view! {
            <input aria-label="A" on:blur=move |_| push("blur A".into())
                on:change=move |_| push("change A".into())/>
            <input aria-label="B" on:blur=move |_| push("blur B".into())/>
        }
    });
    type_text(&screen.get_by_label("A"), "x");
    blur(&screen.get_by_label("B"));
    assert!(log.get_untracked().is_empty(), "{:?}", log.get_untracked());
    blur(&screen.get_by_label("A"));
    assert_eq!(log.get_untracked(), ["change A", "blur A"]);
    // Nothing has the focus now: B still has nothing to lose.
    blur(&screen.get_by_label("B"));
    assert_eq!(log.get_untracked(), ["change A", "blur A"]);
}

#[wasm_bindgen_test]
fn click_loads_no_other_page_but_follows_a_fragment_link() {
    let (log, push) = recorder();
    let screen = render(move || {
        view! {
            <a href="/elsewhere" on:click=move |_| push("away".into())>"Away"</a>
            <a href="#details">"Details"</a>
        }
    });
    let before = current_url();
    click(&screen.get_by_role("link", "Away"));
    assert_eq!(log.get_untracked(), ["away"]);
    assert_eq!(current_url(), before);
    // Same document: hash-routed apps rely on it.
    click(&screen.get_by_role("link", "Details"));
    assert!(current_url().ends_with("#details"), "{}", current_url());
    navigate_to(&before);
}

#[wasm_bindgen_test]
fn a_disabled_button_gets_no_click() {
    let (log, push) = recorder();
    let screen = render(move || {
        view! { <button disabled on:click=move |_| push("click".into())>"Locked"</button> }
    });
    click(&screen.get_by_role("button", "Locked"));
    assert!(log.get_untracked().is_empty());
}

#[wasm_bindgen_test]
#[should_panic(expected = "disabled")]
fn typing_into_a_disabled_input_is_refused() {
    let screen = render(|| view! { <input aria-label="Name" disabled/> });
    type_text(&screen.get_by_label("Name"), "Ada");
}

#[wasm_bindgen_test]
#[should_panic(expected = "read-only")]
fn typing_into_a_read_only_input_is_refused() {
    let screen = render(|| view! { <input aria-label="Name" readonly/> });
    type_text(&screen.get_by_label("Name"), "Ada");
}

#[wasm_bindgen_test]
fn maxlength_is_kept() {
    let screen = render(|| view! { <input aria-label="Code" maxlength="3"/> });
    let input = screen.get_by_label("Code");
    type_text(&input, "abcdef");
    let input: web_sys::HtmlInputElement = wasm_bindgen::JsCast::unchecked_into(input);
    assert_eq!(input.value(), "abc");
}

#[wasm_bindgen_test]
fn icon_buttons_and_placeholders_have_names() {
    let screen = render(|| {
        view! {
            <button><img src="data:," alt="Close"/></button>
            <button><span aria-hidden="true">"X"</span>" Delete"</button>
            <input type="search" placeholder="Search docs"/>
            <input type="text" value="Ada" aria-label="Name"/>
            <input type="submit"/>
        }
    });
    screen.get_by_role("button", "Close");
    screen.get_by_role("button", "Delete");
    screen.get_by_role("button", "Submit");
    screen.get_by_role("searchbox", "Search docs");
    assert!(screen.query_by_role("textbox", "Ada").is_none());
    screen.get_by_role("textbox", "Name");
}

#[wasm_bindgen_test]
fn role_queries_skip_hidden_elements() {
    let screen = render(|| {
        view! {
            <div hidden><button>"Close"</button></div>
            <div style="display: none"><button>"Close"</button></div>
            <button aria-hidden="true">"Close"</button>
            <button style="visibility: hidden">"Close"</button>
            <button>"Close"</button>
        }
    });
    assert_eq!(screen.get_all_by_role("button", "Close").len(), 1);
}

#[wasm_bindgen_test]
fn a_role_miss_lists_the_names_there_are() {
    let screen = render(|| view! { <button>"Save"</button><button>"Cancel"</button> });
    let miss = screen.try_get(By::Role("button", "Sav")).unwrap_err();
    assert!(
        miss.message.contains("\"Save\", \"Cancel\""),
        "{}",
        miss.message
    );
}

#[derive(Clone)]
struct Theme(&'static str);

#[wasm_bindgen_test]
fn a_context_provided_before_render_goes_with_the_screen() {
    provide_context(Theme("dark"));
    let first = render(|| view! { <p>{use_context::<Theme>().map_or("none", |t| t.0)}</p> });
    assert_eq!(first.text(), "dark");
    drop(first);
    let next = render(|| view! { <p>{use_context::<Theme>().map_or("none", |t| t.0)}</p> });
    assert_eq!(next.text(), "none");
}

#[wasm_bindgen_test]
async fn a_window_listener_made_in_an_effect_survives_its_rerun() {
    let (hits, set_hits) = create_signal(0);
    let (dep, set_dep) = create_signal(0);
    let _screen = render(move || {
        create_effect(move |prev: Option<()>| {
            let _ = dep.get();
            if prev.is_none() {
                let _ = window_event_listener_untyped("kit-ping", move |_| {
                    set_hits.update(|n| *n += 1)
                });
            }
        });
        view! { <p/> }
    });
    tick().await;
    set_dep.set(1);
    tick().await;
    window()
        .dispatch_event(&web_sys::Event::new("kit-ping").unwrap())
        .unwrap();
    assert_eq!(hits.get_untracked(), 1);
}

// wasm-bindgen-test runs the tests in reverse name order: this one runs
// first, and its screen is never dropped (a panic in wasm never unwinds).
#[wasm_bindgen_test]
#[should_panic(expected = "this test fails")]
fn zz_a_failing_test_leaves_its_screen_behind() {
    let _screen = render(|| view! { <p data-testid="leftover">"left behind"</p> });
    panic!("this test fails");
}

#[wasm_bindgen_test]
fn a_screen_of_a_test_that_panicked_is_gone_at_the_next_render() {
    let _screen = render(|| view! { <p>"fresh"</p> });
    // Debug builds, where the panic hook counts panics.
    if cfg!(debug_assertions) {
        assert!(document()
            .query_selector("[data-testid=leftover]")
            .unwrap()
            .is_none());
        let containers = document()
            .query_selector_all("[data-larkspur-test]")
            .unwrap()
            .length();
        assert_eq!(containers, 1);
    }
}
