//! Tabs with context: `Tabs` provides the selected index, each `Tab`
//! reads it and shows itself when it is the selected one.

use larkspur::*;

/// A row of tab buttons above the tab panels given as children.
#[component]
pub fn Tabs(labels: Vec<String>, children: Children) -> impl IntoView {
    let (selected, set_selected) = create_signal(0);
    provide_context(selected);

    let buttons = labels
        .into_iter()
        .enumerate()
        .map(|(index, label)| {
            view! {
                <button
                    role="tab"
                    aria-selected=move || (selected() == index).to_string()
                    on:click=move |_| set_selected(index)
                >
                    {label}
                </button>
            }
        })
        .collect_view();
    view! {
        <div class="tab-buttons" role="tablist">{buttons}</div>
        {children()}
    }
}

/// One panel of [`Tabs`]: visible while its index is selected.
#[component]
pub fn Tab(index: usize, children: Children) -> impl IntoView {
    let selected = expect_context::<ReadSignal<usize>>();
    view! {
        <div
            class="tab-panel"
            role="tabpanel"
            data-tab=index
            style:display=move || if selected() == index { "block" } else { "none" }
        >
            {children()}
        </div>
    }
}

const RECIPES: [(&str, &str); 3] = [
    ("a.txt", "Pancakes: flour, milk, eggs. Whisk, rest, fry."),
    ("b.txt", "Salad: leaves, oil, lemon, salt. Toss."),
    ("c.txt", "Tea: water, leaves. Boil, steep three minutes."),
];

/// Three files as three tabs.
#[component]
pub fn TabsDemo() -> impl IntoView {
    let labels = RECIPES.iter().map(|(name, _)| name.to_string()).collect();
    // A closure, called inside <Tabs>: each Tab needs the context that
    // Tabs provides, so the panels are built under it, not before it.
    let tabs = move || {
        RECIPES
            .into_iter()
            .enumerate()
            .map(|(index, (filename, content))| {
                view! {
                    <Tab index>
                        <h3>{filename}</h3>
                        <p>{content}</p>
                    </Tab>
                }
            })
            .collect_view()
    };
    view! {
        <div id="tabs">
            <Tabs labels>{tabs()}</Tabs>
        </div>
    }
}
