//! Every `view!` form the seed uses, built (not run: no DOM natively).
use larkspur::*;

#[component]
fn Counter(
    /// The first value shown.
    initial: i32,
    /// Added per click.
    #[prop(optional)]
    step: Option<i32>,
    #[prop(default = 100)] max: i32,
    #[prop(into)] label: String,
    #[prop(optional, into)] title: String,
    #[prop(optional_no_strip)] note: Option<String>,
) -> impl IntoView {
    let (count, set_count) = create_signal(initial);
    let step = step.unwrap_or(1);
    view! {
        <button
            title=title
            data-note=note.unwrap_or_default()
            class:maxed={move || count() >= max}
            on:click=move |_| set_count.update(|c| *c += step)
        >
            {label} ": " {count}
        </button>
    }
}

#[component]
fn Tab(index: usize, children: Children) -> impl IntoView {
    view! { <div data-index=index>{children()}</div> }
}

#[component]
fn List<T: std::fmt::Display + Clone + 'static>(items: Vec<T>) -> impl IntoView {
    items
        .into_iter()
        .map(|i| view! { <li>{i.to_string()}</li> })
        .collect_view()
}

#[component]
fn Button(on_press: impl Fn() + 'static, children: ChildrenFn) -> impl IntoView {
    view! { <button on:click=move |_| on_press()>{children()}</button> }
}

#[component]
fn App() -> impl IntoView {
    let (shown, set_shown) = create_signal(true);
    let index = 2;
    let name = String::from("x");
    let node = create_node_ref::<html::Input>();
    view! {
        <h1 id="title" class="big">"Hello"</h1>
        <Counter initial=1 label="Clicks"/>
        <Counter initial=2 step=3 max=9 label=String::from("b") title="t" note=Some("n".to_string())/>
        <Tab index>
            <p>"tab " {index}</p>
        </Tab>
        <Tab index=3><></></Tab>
        <List items=vec![1, 2, 3]/>
        <List<&str> items=vec!["a"]/>
        <Button on_press=move || set_shown(false) clone:name>{name.clone()}</Button>
        <input node_ref=node type="text" prop:value=move || "v" disabled/>
        <p style:color="red" style:font-size=move || "12px" attr:aria-label="p" inner_html="<b>x</b>"/>
        <div on:click:undelegated=|_| () on:my-event=|_| ()>
            <svg viewBox="0 0 10 10"><circle cx=5 cy=5 r=4/><a href="#"><text>"svg"</text></a></svg>
            <my-widget mode="compact"></my-widget>
            <math><mi>"x"</mi><mo>"="</mo><mn>"1"</mn></math>
            <br>
        </div>
        <Show when=move || shown() fallback=|| view! { <p>"hidden"</p> }>
            <p>"shown"</p>
        </Show>
        {move || if shown() { view! { <p>"a"</p> }.into_view() } else { view! { <InnerA/> }.into_view() }}
        // a comment is ignored
        {"text"}
    }
}

#[component]
fn Rows() -> impl IntoView {
    let (rows, _set_rows) = create_signal(vec![(1, "a".to_string())]);
    view! {
        <ul>
            <For each=move || rows() key=|row| row.0 let:row>
                <li>{row.1}</li>
            </For>
        </ul>
        <For
            each=move || rows()
            key=|row| row.0
            children=move |row: (i32, String)| view! { <li>{row.1}</li> }
        />
    }
}

#[component]
fn InnerA() -> impl IntoView {
    view! { "just text" }
}

fn main() {
    // Type-check only: building views needs a DOM.
    let _app: fn() -> _ = App;
}
