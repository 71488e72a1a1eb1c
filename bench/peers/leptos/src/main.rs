//! js-framework-benchmark (keyed) in Leptos 0.8 (csr), written the way the
//! Leptos docs recommend: a signal holding the rows, a signal per row label,
//! keyed `<For>`, and a `Selector` so selecting touches two rows.

use leptos::prelude::*;

const ADJECTIVES: &[&str] = &[
    "pretty", "large", "big", "small", "tall", "short", "long", "handsome", "plain", "quaint",
    "clean", "elegant", "easy", "angry", "crazy", "helpful", "mushy", "odd", "unsightly",
    "adorable", "important", "inexpensive", "cheap", "expensive", "fancy",
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
    list[(js_sys::Math::random() * 1000.0).round() as usize % list.len()]
}

#[derive(Clone)]
struct RowData {
    id: usize,
    label: ArcRwSignal<String>,
}

fn build_rows(next_id: &mut usize, count: usize) -> Vec<RowData> {
    (0..count)
        .map(|_| {
            let id = *next_id;
            *next_id += 1;
            let label = format!("{} {} {}", pick(ADJECTIVES), pick(COLOURS), pick(NOUNS));
            RowData { id, label: ArcRwSignal::new(label) }
        })
        .collect()
}

#[component]
fn Button(id: &'static str, text: &'static str) -> impl IntoView {
    view! {
        <div class="col-sm-6 smallpad">
            <button id=id class="btn btn-primary btn-block" type="button">{text}</button>
        </div>
    }
}

#[component]
fn App() -> impl IntoView {
    let (rows, set_rows) = signal(Vec::<RowData>::new());
    let (selected, set_selected) = signal(None::<usize>);
    let next_id = StoredValue::new(1usize);
    let new_rows = move |count| next_id.update_value(|n| set_rows.set(build_rows(n, count)));

    let run = move |_| {
        new_rows(1000);
        set_selected.set(None);
    };
    let run_lots = move |_| {
        new_rows(10000);
        set_selected.set(None);
    };
    let add = move |_| {
        let more = next_id.try_update_value(|n| build_rows(n, 1000)).unwrap_or_default();
        set_rows.update(|rows| rows.extend(more));
        set_selected.set(None);
    };
    let update = move |_| {
        rows.with(|rows| {
            for row in rows.iter().step_by(10) {
                row.label.update(|l| l.push_str(" !!!"));
            }
        });
        set_selected.set(None);
    };
    let clear = move |_| {
        set_rows.set(Vec::new());
        set_selected.set(None);
    };
    let swap_rows = move |_| {
        set_rows.update(|rows| {
            if rows.len() > 998 {
                rows.swap(1, 998);
            }
        })
    };
    let is_selected = Selector::new(move || selected.get());

    view! {
        <div id="main">
            <div class="container">
                <div class="jumbotron">
                    <div class="row">
                        <div class="col-md-6"><h1>"Leptos (keyed)"</h1></div>
                        <div class="col-md-6">
                            <div class="row">
                                <Button id="run" text="Create 1,000 rows" on:click=run />
                                <Button id="runlots" text="Create 10,000 rows" on:click=run_lots />
                                <Button id="add" text="Append 1,000 rows" on:click=add />
                                <Button id="update" text="Update every 10th row" on:click=update />
                                <Button id="clear" text="Clear" on:click=clear />
                                <Button id="swaprows" text="Swap Rows" on:click=swap_rows />
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
                                let is_selected = is_selected.clone();
                                view! {
                                    <tr class:danger=move || is_selected.selected(&Some(id))>
                                        <td class="col-md-1">{id.to_string()}</td>
                                        <td class="col-md-4">
                                            <a on:click=move |_| set_selected.set(Some(id))>{move || label.get()}</a>
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
