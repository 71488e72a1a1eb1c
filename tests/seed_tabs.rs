//! The islands chapter's Tabs/Tab demo: `Tabs` provides the selected index as
//! context, each lazily created `Tab` reads it and shows itself only when
//! selected. File contents are static strings instead of `std::fs`.
#![cfg(target_arch = "wasm32")]

mod common;

use common::test_container;
use larkspur::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Stands in for `std::fs`, which the browser does not have.
mod files {
    pub fn read_to_string(name: &str) -> Result<String, String> {
        match name {
            "a.txt" => Ok("Pancakes: flour, milk, eggs.".to_string()),
            "b.txt" => Ok("Omelette: eggs, butter, salt.".to_string()),
            "c.txt" => Ok("Porridge: oats, water, salt.".to_string()),
            other => Err(format!("no such file: {other}")),
        }
    }
}

// --- seed code ("Demo Code"), `leptos` renamed to `larkspur`, `#[island]`
// written as `#[component]`, `std::fs` replaced by `files`, no Router ---

/// Renders the home page of your application.
#[component]
fn HomePage() -> impl IntoView {
    let files = ["a.txt", "b.txt", "c.txt"];
    let labels = files.iter().copied().map(Into::into).collect();
    let tabs = move || {
        files
            .into_iter()
            .enumerate()
            .map(|(index, filename)| {
                let content = files::read_to_string(filename).unwrap();
                view! {
                    <Tab index>
                        <div style="background-color: lightblue; padding: 10px">
                            <h2>{filename.to_string()}</h2>
                            <p>{content}</p>
                        </div>
                    </Tab>
                }
            })
            .collect_view()
    };

    view! {
        <h1>"Welcome to Leptos!"</h1>
        <p>"Click any of the tabs below to read a recipe."</p>
        <Tabs labels>
            <div>{tabs()}</div>
        </Tabs>
    }
}

#[component]
fn Tabs(labels: Vec<String>, children: Children) -> impl IntoView {
    let (selected, set_selected) = create_signal(0);
    provide_context(selected);

    let buttons = labels
        .into_iter()
        .enumerate()
        .map(|(index, label)| {
            view! {
                <button on:click=move |_| set_selected(index)>
                    {label}
                </button>
            }
        })
        .collect_view();
    view! {
        <div
            style="display: flex; width: 100%; justify-content: space-around;\
            background-color: lightgreen; padding: 10px;"
        >
            {buttons}
        </div>
        {children()}
    }
}

#[component]
fn Tab(index: usize, children: Children) -> impl IntoView {
    let selected = expect_context::<ReadSignal<usize>>();
    view! {
        <div
            style:background-color="lightgreen"
            style:padding="10px"
            style:display=move || if selected() == index {
                "block"
            } else {
                "none"
            }
        >
            {children()}
        </div>
    }
}

// --- end of seed code ---

/// The `display` of each tab's `<div>`, in order.
fn displays(container: &web_sys::HtmlElement) -> Vec<String> {
    let headings = container.query_selector_all("h2").unwrap();
    (0..headings.length())
        .map(|i| {
            // h2 → the recipe div → the Tab div.
            let tab: web_sys::HtmlElement = headings
                .item(i)
                .unwrap()
                .parent_element()
                .unwrap()
                .parent_element()
                .unwrap()
                .unchecked_into();
            tab.style().get_property_value("display").unwrap()
        })
        .collect()
}

#[wasm_bindgen_test]
fn tabs_show_the_selected_tab_only() {
    let container = test_container();
    let _handle = mount_to_with_handle(container.clone(), HomePage);

    let buttons = container.query_selector_all("button").unwrap();
    assert_eq!(buttons.length(), 3);
    let labels: Vec<String> = (0..3)
        .map(|i| buttons.item(i).unwrap().text_content().unwrap())
        .collect();
    assert_eq!(labels, ["a.txt", "b.txt", "c.txt"]);

    let headings: Vec<String> = {
        let h = container.query_selector_all("h2").unwrap();
        (0..h.length())
            .map(|i| h.item(i).unwrap().text_content().unwrap())
            .collect()
    };
    assert_eq!(headings, ["a.txt", "b.txt", "c.txt"]);
    assert!(container
        .text_content()
        .unwrap()
        .contains("Omelette: eggs, butter, salt."));

    assert_eq!(displays(&container), ["block", "none", "none"]);
    for (i, expected) in [
        ["block", "none", "none"],
        ["none", "block", "none"],
        ["none", "none", "block"],
    ]
    .iter()
    .enumerate()
    .rev()
    {
        let button: web_sys::HtmlElement = buttons.item(i as u32).unwrap().unchecked_into();
        button.click();
        assert_eq!(&displays(&container), expected, "after clicking tab {i}");
    }
}

#[wasm_bindgen_test]
fn tab_styles_are_static_except_display() {
    let container = test_container();
    let _handle = mount_to_with_handle(container.clone(), HomePage);
    let h2: web_sys::HtmlElement = container
        .query_selector("h2")
        .unwrap()
        .unwrap()
        .parent_element()
        .unwrap()
        .parent_element()
        .unwrap()
        .unchecked_into();
    let style = h2.style();
    assert_eq!(
        style.get_property_value("background-color").unwrap(),
        "lightgreen"
    );
    assert_eq!(style.get_property_value("padding").unwrap(), "10px");
}
