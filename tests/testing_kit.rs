//! The test kit (`larkspur::testing`) tested on itself and used, as an app
//! author would, on each control-flow component: Show, For, Dynamic,
//! Portal, Suspense, Transition and ErrorBoundary.
#![cfg(target_arch = "wasm32")]

use larkspur::router::{use_params_map, use_query_map, Route, Router, Routes, A};
use larkspur::testing::*;
use larkspur::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn containers() -> u32 {
    document()
        .query_selector_all("[data-larkspur-test]")
        .unwrap()
        .length()
}

#[wasm_bindgen_test]
fn render_mounts_in_a_fresh_container_and_drop_cleans_up() {
    let before = containers();
    let (alive, set_alive) = create_signal(0);
    {
        let screen = render(move || {
            on_cleanup(move || set_alive.set(-1));
            set_alive.set(1);
            view! { <p>"hello"</p> }
        });
        assert_eq!(screen.html(), "<p>hello</p>");
        assert_eq!(containers(), before + 1);
        assert_eq!(alive.get_untracked(), 1);
    }
    assert_eq!(containers(), before, "the container is removed");
    assert_eq!(alive.get_untracked(), -1, "the owner is disposed");
}

#[wasm_bindgen_test]
fn queries_by_text_label_role_and_test_id() {
    let screen = render(|| {
        view! {
            <main>
                <h1>"Sign up"</h1>
                <label for="email">"E-mail"</label>
                <input id="email" type="email"/>
                <label>"Name " <input type="text" data-testid="name"/></label>
                <input type="checkbox" aria-label="Agree"/>
                <p>"Hello " <b>"world"</b></p>
                <nav><a href="/a">"First"</a><a href="/b">"Second"</a></nav>
                <button>"Send"</button>
            </main>
        }
    });
    assert_eq!(screen.get_by_label("E-mail").id(), "email");
    assert_eq!(
        screen
            .get_by_label("Name")
            .get_attribute("data-testid")
            .as_deref(),
        Some("name")
    );
    assert_eq!(screen.get_by_test_id("name").tag_name(), "INPUT");
    assert_eq!(
        screen
            .get_by_label("Agree")
            .get_attribute("type")
            .as_deref(),
        Some("checkbox")
    );
    // The deepest element holding the whole text, across child elements.
    assert_eq!(screen.get_by_text("Hello world").tag_name(), "P");
    assert_eq!(screen.get_by_text("world").tag_name(), "B");
    assert_eq!(screen.get_by_role("heading", "Sign up").tag_name(), "H1");
    assert_eq!(screen.get_by_role("button", "Send").tag_name(), "BUTTON");
    assert_eq!(screen.get_by_role("textbox", "E-mail").id(), "email");
    assert_eq!(screen.get_all_by_role("link", "").len(), 2);
    assert_eq!(
        screen
            .get_by_role("link", "Second")
            .get_attribute("href")
            .as_deref(),
        Some("/b")
    );
    assert!(screen.query_by_text("absent").is_none());
    assert!(screen.query_by_role("navigation", "").is_some());
}

#[wasm_bindgen_test]
fn a_miss_prints_the_dom_around_it() {
    let screen = render(|| view! { <ul class="todo"><li>"one"</li><li>"one"</li></ul> });
    let miss = screen.try_get(By::Text("two")).unwrap_err();
    assert_eq!(miss.message, "no element matches text \"two\"");
    assert_eq!(
        miss.markup,
        "  <ul class=\"todo\">\n    <li>\n      \"one\"\n    <li>\n      \"one\"\n"
    );
    assert!(miss.to_string().contains("the rendered markup was:"));
    let twice = screen.try_get(By::Text("one")).unwrap_err();
    assert!(twice.message.starts_with("2 elements match text \"one\""));
    assert!(screen.query_by_text("two").is_none());
}

#[wasm_bindgen_test]
fn typing_fires_keydown_input_keyup_per_character() {
    let (log, set_log) = create_signal(Vec::<String>::new());
    let push = move |s: String| set_log.update(|l| l.push(s));
    let screen = render(move || {
        view! {
            <input aria-label="Todo"
                on:keydown=move |ev| push(format!("down {}", ev.key()))
                on:input=move |ev| {
                    let input: web_sys::HtmlInputElement = ev.target().unwrap().unchecked_into();
                    push(format!("input {}", input.value()))
                }
                on:keyup=move |ev| push(format!("up {}", ev.key()))
                on:focus=move |_| push("focus".into())/>
        }
    });
    let input = screen.get_by_label("Todo");
    type_text(&input, "hi");
    assert_eq!(
        log.get_untracked(),
        ["focus", "down h", "input h", "up h", "down i", "input hi", "up i"]
    );
    set_log.set(vec![]);
    assert!(press_key(&input, "Enter"));
    assert_eq!(log.get_untracked(), ["down Enter", "up Enter"]);
    set_log.set(vec![]);
    clear(&input);
    assert_eq!(log.get_untracked(), ["input "]);
}

#[wasm_bindgen_test]
fn a_prevented_keydown_stops_the_character() {
    let screen = render(|| {
        view! {
            <input aria-label="Digits" on:keydown=|ev| {
                if !ev.key().chars().all(|c| c.is_ascii_digit()) { ev.prevent_default() }
            }/>
        }
    });
    let input = screen.get_by_label("Digits");
    type_text(&input, "1a2");
    assert_eq!(
        input.unchecked_ref::<web_sys::HtmlInputElement>().value(),
        "12"
    );
}

#[wasm_bindgen_test]
fn focus_blur_submit_check_and_select() {
    let (log, set_log) = create_signal(Vec::<String>::new());
    let push = move |s: &str| set_log.update(|l| l.push(s.to_owned()));
    let screen = render(move || {
        view! {
            <form on:submit=move |ev| { ev.prevent_default(); push("submit") }>
                <input aria-label="Field" on:focusin=move |_| push("focusin") on:focusout=move |_| push("focusout")/>
                <input type="checkbox" aria-label="Done" on:change=move |_| push("change")/>
                <select aria-label="Size" on:change=move |ev| {
                    let s: web_sys::HtmlSelectElement = ev.target().unwrap().unchecked_into();
                    push(&format!("size {}", s.value()))
                }>
                    <option value="s">"Small"</option>
                    <option value="l">"Large"</option>
                </select>
                <button>"Go"</button>
            </form>
        }
    });
    let field = screen.get_by_label("Field");
    focus(&field);
    blur(&field);
    check(&screen.get_by_label("Done"), true);
    check(&screen.get_by_label("Done"), true); // already checked: no event
    select_option(&screen.get_by_label("Size"), "Large");
    assert!(
        !submit(&screen.get_by_role("button", "Go")),
        "the handler prevented it"
    );
    assert_eq!(
        log.get_untracked(),
        ["focusin", "focusout", "change", "size l", "submit"]
    );
}

#[wasm_bindgen_test]
async fn tick_runs_deferred_effects() {
    let (ran, set_ran) = create_signal(false);
    let _screen = render(move || {
        create_effect(move |_| set_ran.set(true));
        view! { <p/> }
    });
    assert!(!ran.get_untracked(), "create_effect waits a tick");
    tick().await;
    assert!(ran.get_untracked());
}

#[wasm_bindgen_test]
fn console_errors_are_recorded() {
    let errors = fail_on_console_error();
    web_sys::console::error_1(&"boom".into());
    assert_eq!(errors.take(), ["boom"]);
    drop(errors); // nothing left: no panic
}

// --- control flow, tested with the kit -------------------------------------

#[wasm_bindgen_test]
fn show_toggles_between_children_and_fallback() {
    let screen = render(|| {
        let (open, set_open) = create_signal(false);
        view! {
            <button on:click=move |_| set_open.update(|o| *o = !*o)>"Toggle"</button>
            <Show when=move || open.get() fallback=|| view! { <p>"Closed"</p> }>
                <p>"Open"</p>
            </Show>
        }
    });
    assert!(screen.query_by_text("Closed").is_some());
    click(&screen.get_by_role("button", "Toggle"));
    assert!(screen.query_by_text("Open").is_some());
    assert!(screen.query_by_text("Closed").is_none());
    click(&screen.get_by_role("button", "Toggle"));
    assert!(screen.query_by_text("Closed").is_some());
}

#[wasm_bindgen_test]
fn for_adds_removes_and_keeps_rows() {
    let screen = render(|| {
        let (items, set_items) = create_signal(vec![(1, "one"), (2, "two")]);
        view! {
            <button on:click=move |_| set_items.update(|v| v.push((3, "three")))>"Add"</button>
            <button on:click=move |_| set_items.update(|v| { v.remove(0); })>"Drop first"</button>
            <ul>
                <For each=move || items.get() key=|item| item.0 let:item>
                    <li>{item.1}</li>
                </For>
            </ul>
        }
    });
    let two = screen.get_by_text("two");
    click(&screen.get_by_role("button", "Add"));
    click(&screen.get_by_role("button", "Drop first"));
    let rows: Vec<String> = screen
        .get_all_by_role("listitem", "")
        .iter()
        .map(text)
        .collect();
    assert_eq!(rows, ["two", "three"]);
    assert!(
        two.is_same_node(Some(&screen.get_by_text("two"))),
        "kept, not rebuilt"
    );
}

#[wasm_bindgen_test]
fn dynamic_swaps_its_view() {
    let screen = render(|| {
        let (tab, set_tab) = create_signal(0);
        view! {
            <button on:click=move |_| set_tab.set(1)>"Second"</button>
            {Dynamic(
                DynamicProps::builder()
                    .children(move || if tab.get() == 0 { view! { <p>"Tab A"</p> } } else { view! { <p>"Tab B"</p> } })
                    .build(),
            )}
        }
    });
    assert!(screen.query_by_text("Tab A").is_some());
    click(&screen.get_by_role("button", "Second"));
    assert!(screen.query_by_text("Tab B").is_some());
    assert!(screen.query_by_text("Tab A").is_none());
}

#[wasm_bindgen_test]
fn portal_renders_elsewhere_and_leaves_with_its_owner() {
    let target: web_sys::HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&target).unwrap();
    let mount = target.clone();
    let mut screen = render(move || {
        view! { <p>"here"</p> <Portal mount=mount><p data-testid="modal">"over there"</p></Portal> }
    });
    assert_eq!(screen.text(), "here", "not in the container");
    assert_eq!(text(&target), "over there");
    // The screen's queries find what its views render through a portal.
    assert_eq!(text(screen.get_by_test_id("modal")), "over there");
    assert!(within(screen.container())
        .query_by_test_id("modal")
        .is_none());
    screen.unmount();
    assert_eq!(text(&target), "");
    assert!(screen.query_by_test_id("modal").is_none());
    target.remove();
}

/// A modal rendered into `<body>` through a `<Portal>` is found by the
/// screen's queries (as a user sees it on the page), its buttons work, and
/// a miss prints its markup too.
#[wasm_bindgen_test]
fn a_modal_in_a_portal_is_found_by_the_screens_queries() {
    let screen = render(|| {
        let (open, set_open) = create_signal(false);
        let (answer, set_answer) = create_signal("none");
        view! {
            <button on:click=move |_| set_open(true)>"Delete"</button>
            <p>"answer: " {answer}</p>
            <Show when=open>
                <Portal>
                    <div role="dialog" aria-label="Confirm">
                        <p>"Really delete?"</p>
                        <button on:click=move |_| { set_answer("yes"); set_open(false); }>"Yes"</button>
                    </div>
                </Portal>
            </Show>
        }
    });
    assert!(screen.query_by_role("dialog", "Confirm").is_none());
    click(&screen.get_by_role("button", "Delete"));
    let dialog = screen.get_by_role("dialog", "Confirm");
    // Only the portals a screen's own view made.
    let other = render(|| view! { <p>"other"</p> });
    assert!(other.query_by_role("dialog", "Confirm").is_none());
    drop(other);
    assert_eq!(
        screen
            .get_by_text("Really delete?")
            .parent_element()
            .as_ref(),
        Some(&*dialog)
    );
    assert_eq!(screen.get_all_by_selector("[role=dialog] button").len(), 1);
    let miss = screen.try_get(By::Text("Maybe")).unwrap_err();
    assert!(miss.markup.contains("Really delete?"), "{}", miss.markup);
    // A role query's miss names the buttons there are, the modal's too.
    let miss = screen.try_get(By::Role("button", "No")).unwrap_err();
    assert!(
        miss.message.contains("\"Delete\", \"Yes\""),
        "{}",
        miss.message
    );
    click(&screen.get_by_role("button", "Yes"));
    assert!(screen.query_by_role("dialog", "Confirm").is_none());
    assert!(screen.query_by_text("answer: yes").is_some());
}

#[wasm_bindgen_test]
async fn suspense_and_transition_settle() {
    let screen = render(|| {
        let (n, set_n) = create_signal(1);
        let doubled = create_resource(
            move || n.get(),
            |n| async move {
                sleep_ms(5).await;
                n * 2
            },
        );
        view! {
            <button on:click=move |_| set_n.update(|n| *n += 1)>"More"</button>
            <Suspense fallback=|| view! { <p>"Loading"</p> }>
                <p data-testid="s">{move || doubled.get()}</p>
            </Suspense>
            <Transition fallback=|| view! { <p>"First load"</p> }>
                <p data-testid="t">{move || doubled.get()}</p>
            </Transition>
        }
    });
    assert!(screen.query_by_text("Loading").is_some());
    assert!(screen.query_by_text("First load").is_some());
    settle().await;
    assert_eq!(text(screen.get_by_test_id("s")), "2");
    assert_eq!(text(screen.get_by_test_id("t")), "2");
    click(&screen.get_by_role("button", "More"));
    assert!(
        screen.query_by_text("Loading").is_some(),
        "Suspense falls back"
    );
    assert_eq!(
        text(screen.get_by_test_id("t")),
        "2",
        "Transition keeps the old value"
    );
    settle().await;
    assert_eq!(text(screen.get_by_test_id("s")), "4");
    assert_eq!(text(screen.get_by_test_id("t")), "4");
}

#[wasm_bindgen_test]
fn error_boundary_shows_errors_and_recovers() {
    let screen = render(|| {
        let (raw, set_raw) = create_signal(String::from("7"));
        view! {
            <input aria-label="Number" on:input=move |ev| {
                let input: web_sys::HtmlInputElement = ev.target().unwrap().unchecked_into();
                set_raw.set(input.value())
            }/>
            <ErrorBoundary fallback=|errors| view! {
                <p role="alert">{move || errors.with(|e| e.iter().map(|(_, e)| e.to_string()).collect::<Vec<_>>().join(", "))}</p>
            }>
                <p data-testid="value">{move || raw.with(|s| s.parse::<i32>())}</p>
            </ErrorBoundary>
        }
    });
    assert_eq!(text(screen.get_by_test_id("value")), "7");
    let input = screen.get_by_label("Number");
    type_text(&input, "x");
    assert_eq!(
        text(screen.get_by_role("alert", "")),
        "invalid digit found in string"
    );
    clear(&input);
    type_text(&input, "12");
    assert_eq!(text(screen.get_by_test_id("value")), "12");
    assert!(screen.query_by_role("alert", "").is_none());
}

#[wasm_bindgen_test]
fn click_works_on_svg_elements() {
    // SVG elements have no `HTMLElement.click()`: the kit fires the event.
    let (n, set_n) = create_signal(0);
    let screen = render(move || {
        view! {
            <svg data-testid="icon" on:click=move |_| set_n.update(|n| *n += 1)>
                <circle r="4"/>
            </svg>
        }
    });
    click(&screen.get_by_test_id("icon"));
    assert_eq!(n.get_untracked(), 1);
}

#[wasm_bindgen_test]
fn typing_into_number_and_email_inputs_keeps_partial_values() {
    let (number, set_number) = create_signal(String::new());
    let screen = render(move || {
        view! {
            <input type="number" aria-label="Amount" on:input=move |ev| set_number(event_target_value(&ev))/>
            <input type="email" aria-label="Email"/>
            <input aria-label="Code" on:input=move |ev| {
                // An input mask: upper case, as typed.
                let el = event_target::<web_sys::HtmlInputElement>(&ev);
                el.set_value(&el.value().to_uppercase());
            }/>
        }
    });
    let amount = screen.get_by_label("Amount");
    type_text(&amount, "-1.5");
    assert_eq!(
        amount.unchecked_ref::<web_sys::HtmlInputElement>().value(),
        "-1.5"
    );
    assert_eq!(number.get_untracked(), "-1.5");
    clear(&amount);
    type_text(&amount, "0.25");
    assert_eq!(number.get_untracked(), "0.25");
    let email = screen.get_by_label("Email");
    type_text(&email, "ada@example.org");
    assert_eq!(
        email.unchecked_ref::<web_sys::HtmlInputElement>().value(),
        "ada@example.org"
    );
    let code = screen.get_by_label("Code");
    type_text(&code, "ab1");
    assert_eq!(
        code.unchecked_ref::<web_sys::HtmlInputElement>().value(),
        "AB1"
    );
}

#[wasm_bindgen_test]
fn select_option_prefers_a_value_over_a_text() {
    let screen = render(|| {
        view! {
            <select aria-label="Pick">
                <option value="b">"a"</option>
                <option value="a">"b"</option>
                <option value="c">"third"</option>
            </select>
        }
    });
    let select = screen.get_by_label("Pick");
    select_option(&select, "a");
    assert_eq!(
        select.unchecked_ref::<web_sys::HtmlSelectElement>().value(),
        "a"
    );
    select_option(&select, "third");
    assert_eq!(
        select.unchecked_ref::<web_sys::HtmlSelectElement>().value(),
        "c"
    );
}

#[wasm_bindgen_test]
fn console_guards_dropped_out_of_order_leave_console_error_working() {
    let outer = fail_on_console_error();
    let inner = fail_on_console_error();
    drop(outer);
    drop(inner);
    // The inner guard put the outer one's wrapper back: it must still work
    // (before, it was a freed closure and this call threw).
    web_sys::console::error_1(&"after both guards".into());
    let again = fail_on_console_error();
    web_sys::console::error_1(&"recorded".into());
    assert_eq!(again.take(), ["recorded"]);
}

#[wasm_bindgen_test]
fn within_limits_the_queries_to_one_element() {
    let screen = render(|| {
        view! {
            <ul>
                <li data-testid="tea">"Tea " <button>"Remove"</button></li>
                <li data-testid="milk">"Milk " <button aria-label="Remove milk">"x"</button></li>
            </ul>
            <p>"Tea"</p>
        }
    });
    let tea = screen.get_by_test_id("tea");
    let row = within(&tea);
    assert_eq!(row.get_by_role("button", "Remove").tag_name(), "BUTTON");
    assert!(
        row.query_by_role("button", "Remove milk").is_none(),
        "the other row's button is outside the scope"
    );
    assert!(row.query_by_text("Tea").is_none(), "the <p> is outside");
    assert_eq!(row.text(), "Tea Remove");
    assert_eq!(row.root(), &tea);
    let miss = row.try_get(By::Text("Milk")).unwrap_err();
    assert!(
        miss.markup.contains("Remove") && !miss.markup.contains("Milk"),
        "a miss prints the scope's markup only: {}",
        miss.markup
    );
    // A screen's own queries still see the whole container.
    assert_eq!(screen.get_all_by_role("button", "").len(), 2);
    assert!(screen.debug().contains("Remove milk"));
}

#[wasm_bindgen_test]
async fn find_by_waits_for_an_element_to_appear() {
    let screen = render(|| {
        let (saved, set_saved) = create_signal(false);
        set_timeout(
            move || set_saved.set(true),
            std::time::Duration::from_millis(30),
        );
        let data = create_resource(
            || (),
            |_| async {
                sleep_ms(60).await;
                "loaded"
            },
        );
        view! {
            <Show when=move || saved.get() fallback=|| view! { <p>"Saving"</p> }>
                <p>"Saved"</p>
            </Show>
            <Suspense fallback=|| view! { <p>"Loading"</p> }>
                <label>{move || data.get()} <input/></label>
            </Suspense>
        }
    });
    assert!(screen.query_by_text("Saved").is_none());
    assert_eq!(screen.find_by_text("Saved").await.tag_name(), "P");
    assert!(screen.query_by_text("Saving").is_none());
    assert_eq!(screen.find_by_label("loaded").await.tag_name(), "INPUT");
    // Already there: found at once.
    assert_eq!(
        screen.find_by_role("textbox", "loaded").await.tag_name(),
        "INPUT"
    );
    let _ = screen.find(By::Text("Saved")).await;
}

#[wasm_bindgen_test]
async fn try_find_reports_what_it_found_after_two_seconds() {
    let screen = render(|| view! { <button>"A"</button><button>"B"</button> });
    let start = js_sys::Date::now();
    let several = screen.try_find(By::Role("button", "")).await.unwrap_err();
    assert!(js_sys::Date::now() - start >= 2_000.0, "it waited");
    assert_eq!(
        several.message,
        "after waiting 2000 ms, 2 elements match role \"button\"; use get_all_by_* or a narrower query"
    );
    assert!(several.markup.contains("\"B\""), "{}", several.markup);
    let none = screen.try_find(By::TestId("total")).await.unwrap_err();
    assert_eq!(
        none.message,
        "after waiting 2000 ms, no element matches data-testid \"total\""
    );
}

#[wasm_bindgen_test]
async fn wait_for_polls_until_the_condition_holds() {
    let (count, set_count) = create_signal(0);
    let screen = render(move || {
        let handle = set_interval_with_handle(
            move || set_count.update(|n| *n += 1),
            std::time::Duration::from_millis(5),
        )
        .unwrap();
        on_cleanup(move || handle.clear());
        view! { <output>{count}</output> }
    });
    wait_for(|| count.get_untracked() >= 3).await;
    wait_for_ms(500, || screen.text().parse::<i32>().unwrap() >= 5).await;
    assert!(count.get_untracked() >= 5);
    // Already true: no waiting.
    wait_for(|| true).await;
}

#[component]
fn RoutedApp() -> impl IntoView {
    view! {
        <Router>
            <nav><A href="/kit/home">"Home"</A></nav>
            <Routes>
                <Route path="/kit/home" view=|| view! { <h1>"Home"</h1> }/>
                <Route path="/kit/users/:id" view=|| {
                    let params = use_params_map();
                    let query = use_query_map();
                    view! {
                        <h1>"User " {move || params.with(|p| p.get("id").cloned())}</h1>
                        <p>{move || query.with(|q| q.get("tab").cloned())}</p>
                    }
                }/>
                <Route path="/*any" view=|| view! { <h1>"Not found"</h1> }/>
            </Routes>
        </Router>
    }
}

#[wasm_bindgen_test]
fn navigate_to_moves_the_router_or_sets_the_start_url() {
    // No router rendered: the page's URL is set, and the router starts there.
    navigate_to("/kit/users/7?tab=posts");
    assert_eq!(current_url(), "/kit/users/7?tab=posts");
    let history = web_sys::window().unwrap().history().unwrap();
    let screen = render(RoutedApp);
    assert_eq!(text(screen.get_by_role("heading", "")), "User 7");
    assert_eq!(text(screen.get_by_selector("p")), "posts");
    // With the router rendered: it navigates, with a history entry.
    let entries = history.length().unwrap();
    navigate_to("/kit/users/8");
    assert_eq!(text(screen.get_by_role("heading", "")), "User 8");
    assert_eq!(current_url(), "/kit/users/8");
    assert_eq!(history.length().unwrap(), entries + 1);
    navigate_to("/kit/nowhere");
    assert_eq!(text(screen.get_by_role("heading", "")), "Not found");
    click(&screen.get_by_role("link", "Home"));
    assert_eq!(current_url(), "/kit/home");
    drop(screen);
    // The router is gone with its screen: the URL is set again.
    navigate_to("/kit/users/9");
    assert_eq!(current_url(), "/kit/users/9");
    let screen = render(RoutedApp);
    assert_eq!(text(screen.get_by_role("heading", "")), "User 9");
    drop(screen);
    navigate_to("/");
}

#[wasm_bindgen_test]
fn the_last_screen_dropped_puts_the_start_url_back() {
    // After a screen is dropped with none left, the page is at its start URL.
    drop(render(|| ()));
    let start = current_url();
    navigate_to("/kit/users/5?tab=posts#bio");
    let screen = render(RoutedApp);
    let other = render(|| "a second screen");
    click(&screen.get_by_role("link", "Home"));
    assert_eq!(current_url(), "/kit/home");
    drop(screen);
    // Another screen still lives: the URL stays where its test put it.
    assert_eq!(current_url(), "/kit/home");
    drop(other);
    assert_ne!(start, "/kit/home");
    assert_eq!(current_url(), start);
}

#[wasm_bindgen_test]
fn navigate_to_reaches_a_router_inside_show() {
    // The router's context is below the `<Show>`, out of the test's
    // reach: the URL is set and a `popstate` tells the router.
    navigate_to("/kit/home");
    let screen = render(|| view! { <Show when=|| true><RoutedApp/></Show> });
    assert_eq!(text(screen.get_by_role("heading", "")), "Home");
    navigate_to("/kit/users/3");
    assert_eq!(text(screen.get_by_role("heading", "")), "User 3");
    drop(screen);
    navigate_to("/");
}
