//! js-framework-benchmark (keyed) in Larkspur: a signal holding the rows, a
//! signal per row label, keyed `<For>`, and `create_selector` so selecting a
//! row touches two rows. Measured against vanilla JS, wasm-bindgen, Leptos
//! and Sycamore by `scripts/bench` (see BENCHMARKS.md).

use larkspur::*;

const ADJECTIVES: &[&str] = &[
    "pretty",
    "large",
    "big",
    "small",
    "tall",
    "short",
    "long",
    "handsome",
    "plain",
    "quaint",
    "clean",
    "elegant",
    "easy",
    "angry",
    "crazy",
    "helpful",
    "mushy",
    "odd",
    "unsightly",
    "adorable",
    "important",
    "inexpensive",
    "cheap",
    "expensive",
    "fancy",
];
const COLOURS: &[&str] = &[
    "red", "yellow", "blue", "green", "pink", "brown", "purple", "brown", "white", "black",
    "orange",
];
const NOUNS: &[&str] = &[
    "table", "chair", "house", "bbq", "desk", "car", "pony", "cookie", "sandwich", "burger",
    "pizza", "mouse", "keyboard",
];

fn pick(list: &[&'static str]) -> &'static str {
    // Math.round(Math.random() * 1000) % len, as the specification says.
    list[(js_sys::Math::random() * 1000.0).round() as usize % list.len()]
}

#[derive(Clone)]
struct RowData {
    id: usize,
    label: RwSignal<String>,
}

fn build_rows(next_id: &mut usize, count: usize) -> Vec<RowData> {
    (0..count)
        .map(|_| {
            let id = *next_id;
            *next_id += 1;
            let label = format!("{} {} {}", pick(ADJECTIVES), pick(COLOURS), pick(NOUNS));
            RowData {
                id,
                label: create_rw_signal(label),
            }
        })
        .collect()
}

#[component]
fn Button(id: &'static str, text: &'static str, on_click: Box<dyn Fn()>) -> impl IntoView {
    view! {
        <div class="col-sm-6 smallpad">
            <button id=id class="btn btn-primary btn-block" type="button" on:click=move |_| on_click()>
                {text}
            </button>
        </div>
    }
}

#[component]
fn App() -> impl IntoView {
    let (rows, set_rows) = create_signal(Vec::<RowData>::new());
    let (selected, set_selected) = create_signal(None::<usize>);
    let next_id = store_value(1usize);

    let run = move |count| {
        set_rows(
            next_id
                .try_update_value(|n| build_rows(n, count))
                .unwrap_or_default(),
        );
        set_selected(None);
    };
    let add = move || {
        let more = next_id
            .try_update_value(|n| build_rows(n, 1000))
            .unwrap_or_default();
        set_rows.update(|rows| rows.extend(more));
        set_selected(None);
    };
    let update = move || {
        rows.with(|rows| {
            for row in rows.iter().step_by(10) {
                row.label.update(|label| label.push_str(" !!!"));
            }
        });
        set_selected(None);
    };
    let clear = move || {
        set_rows(Vec::new());
        set_selected(None);
    };
    let swap_rows = move || {
        set_rows.update(|rows| {
            if rows.len() > 998 {
                rows.swap(1, 998);
            }
        })
    };
    let is_selected = create_selector(move || selected.get());

    view! {
        <div id="main">
            <div class="container">
                <div class="jumbotron">
                    <div class="row">
                        <div class="col-md-6"><h1>"Larkspur (keyed)"</h1></div>
                        <div class="col-md-6">
                            <div class="row">
                                <Button id="run" text="Create 1,000 rows" on_click=Box::new(move || run(1000))/>
                                <Button id="runlots" text="Create 10,000 rows" on_click=Box::new(move || run(10000))/>
                                <Button id="add" text="Append 1,000 rows" on_click=Box::new(add)/>
                                <Button id="update" text="Update every 10th row" on_click=Box::new(update)/>
                                <Button id="clear" text="Clear" on_click=Box::new(clear)/>
                                <Button id="swaprows" text="Swap Rows" on_click=Box::new(swap_rows)/>
                            </div>
                        </div>
                    </div>
                </div>
                <table class="table table-hover table-striped test-data">
                    <tbody>
                        <For
                            each=move || rows.get()
                            key=|row| row.id
                            children=move |row: RowData| {
                                let id = row.id;
                                let label = row.label;
                                // The label signal is made in a click handler, where
                                // nothing owns it: it goes with its row.
                                on_cleanup(move || label.dispose());
                                view! {
                                    <tr class:danger=move || is_selected.selected(Some(id))>
                                        <td class="col-md-1">{id}</td>
                                        <td class="col-md-4">
                                            <a on:click=move |_| set_selected(Some(id))>{label}</a>
                                        </td>
                                        <td class="col-md-1">
                                            <a on:click=move |_| set_rows.update(|rows| rows.retain(|r| r.id != id))>
                                                <span class="glyphicon glyphicon-remove" aria-hidden="true"></span>
                                            </a>
                                        </td>
                                        <td class="col-md-6"></td>
                                    </tr>
                                }
                            }
                        />
                    </tbody>
                </table>
                <span class="preloadicon glyphicon glyphicon-remove" aria-hidden="true"></span>
            </div>
        </div>
    }
}

fn main() {
    mount_to_body(App);
}
