//! The Larkspur showcase: the book's examples as one page.
//!
//! Served by `scripts/serve` and deployed to GitHub Pages by
//! `.github/workflows/pages.yml`.

use larkspur::*;

/// The islands chapter's counter.
#[component]
fn Counter() -> impl IntoView {
    // Creates a reactive value to update the button
    let (count, set_count) = create_signal(0);
    let on_click = move |_| set_count.update(|count| *count += 1);

    view! {
        <button id="counter" on:click=on_click>"Click Me: " {count}</button>
    }
}

/// The islands chapter's tab box: `Tabs` provides the selected index as
/// context, each `Tab` shows itself when it is selected.
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
        <div style="display: flex; width: 100%; justify-content: space-around;\
            background-color: lightgreen; padding: 10px;">
            {buttons}
        </div>
        {children()}
    }
}

/// One tab of [`Tabs`].
#[component]
fn Tab(index: usize, children: Children) -> impl IntoView {
    let selected = expect_context::<ReadSignal<usize>>();
    view! {
        <div
            data-tab=index
            style:background-color="lightgreen"
            style:padding="10px"
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

#[component]
fn TabsDemo() -> impl IntoView {
    let labels = RECIPES.iter().map(|(name, _)| name.to_string()).collect();
    let tabs = move || {
        RECIPES
            .into_iter()
            .enumerate()
            .map(|(index, (filename, content))| {
                view! {
                    <Tab index>
                        <h3>{filename.to_string()}</h3>
                        <p>{content}</p>
                    </Tab>
                }
            })
            .collect_view()
    };
    view! {
        <Tabs labels>
            <div>{tabs()}</div>
        </Tabs>
    }
}

/// The life-cycle appendix: the odd branch owns an effect that logs the
/// count; going back to even disposes it.
#[component]
fn LifeCycle() -> impl IntoView {
    let (count, set_count) = create_signal(0usize);
    let (log, set_log) = create_signal(Vec::<String>::new());
    provide_context(set_log);

    view! {
        <button on:click=move |_| set_count.update(|n| *n += 1)>"+1"</button>
        {move || if count() % 2 == 0 {
            view! { <p>"Even numbers are fine."</p> }.into_view()
        } else {
            view! { <InnerComponent count/> }.into_view()
        }}
        <div class="log">{move || log.with(|lines| lines.join("\n"))}</div>
    }
}

#[component]
fn InnerComponent(count: ReadSignal<usize>) -> impl IntoView {
    let set_log = expect_context::<WriteSignal<Vec<String>>>();
    create_effect(move |_| {
        let line = format!("count is odd and is {}", count());
        set_log.update(|lines| lines.push(line));
    });

    view! {
        <OddDuck/>
        <p>{count}</p>
    }
}

#[component]
fn OddDuck() -> impl IntoView {
    view! { <p>"You're an odd duck."</p> }
}

/// A small keyed list: add, remove and reverse items.
#[component]
fn KeyedList() -> impl IntoView {
    let (items, set_items) = create_signal(vec![(1u32, "one".to_string()), (2, "two".to_string())]);
    let (next, set_next) = create_signal(3u32);
    let add = move |_| {
        let id = next();
        set_next(id + 1);
        set_items.update(|items| items.push((id, format!("item {id}"))));
    };
    view! {
        <button on:click=add>"Add"</button>
        <button on:click=move |_| set_items.update(|items| items.reverse())>"Reverse"</button>
        <ul>
            <For
                each=move || items.get()
                key=|item| item.0
                children=move |(id, label)| view! {
                    <li>
                        {label} " "
                        <button on:click=move |_| set_items.update(|items| items.retain(|item| item.0 != id))>
                            "×"
                        </button>
                    </li>
                }
            />
        </ul>
    }
}

#[component]
fn App() -> impl IntoView {
    view! {
        <h1>"Larkspur"</h1>
        <p>"Fine-grained reactivity, direct DOM, no virtual DOM."</p>
        <section id="counter-demo"><h2>"Counter"</h2><Counter/></section>
        <section id="tabs"><h2>"Tabs with context"</h2><TabsDemo/></section>
        <section id="lifecycle"><h2>"Life cycle of a signal"</h2><LifeCycle/></section>
        <section id="list"><h2>"Keyed list"</h2><KeyedList/></section>
    }
}

fn main() {
    mount_to_body(App);
}
