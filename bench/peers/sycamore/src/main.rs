//! js-framework-benchmark (keyed) in Sycamore 0.9, written the way the
//! Sycamore docs recommend: a signal holding the rows, a signal per row label,
//! `Keyed` iteration, and a per-row `create_selector` for the selected state
//! (Sycamore 0.9 has no keyed selector).

use sycamore::prelude::*;

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

#[derive(Clone, Copy, PartialEq)]
struct RowData {
    id: usize,
    label: Signal<String>,
}

fn build_rows(next_id: Signal<usize>, count: usize) -> Vec<RowData> {
    let start = next_id.get();
    next_id.set(start + count);
    (start..start + count)
        .map(|id| {
            let label = format!("{} {} {}", pick(ADJECTIVES), pick(COLOURS), pick(NOUNS));
            RowData { id, label: create_signal(label) }
        })
        .collect()
}

#[component(inline_props)]
fn Button(id: &'static str, text: &'static str, on_click: Box<dyn FnMut()>) -> View {
    let mut on_click = on_click;
    view! {
        div(class="col-sm-6 smallpad") {
            button(id=id, class="btn btn-primary btn-block", r#type="button", on:click=move |_| on_click()) { (text) }
        }
    }
}

#[component]
fn App() -> View {
    let rows = create_signal(Vec::<RowData>::new());
    let selected = create_signal(None::<usize>);
    let next_id = create_signal(1usize);

    let run = move || {
        rows.set(build_rows(next_id, 1000));
        selected.set(None);
    };
    let run_lots = move || {
        rows.set(build_rows(next_id, 10000));
        selected.set(None);
    };
    let add = move || {
        let more = build_rows(next_id, 1000);
        rows.update(|rows| rows.extend(more));
        selected.set(None);
    };
    let update = move || {
        // Rows are Copy handles; updating a label while `rows` is borrowed
        // would re-enter the signal, so take the handles out first.
        for row in rows.get_clone().into_iter().step_by(10) {
            row.label.update(|l| l.push_str(" !!!"));
        }
        selected.set(None);
    };
    let clear = move || {
        rows.set(Vec::new());
        selected.set(None);
    };
    let swap_rows = move || {
        rows.update(|rows| {
            if rows.len() > 998 {
                rows.swap(1, 998);
            }
        })
    };

    view! {
        div(id="main") {
            div(class="container") {
                div(class="jumbotron") {
                    div(class="row") {
                        div(class="col-md-6") { h1 { "Sycamore (keyed)" } }
                        div(class="col-md-6") {
                            div(class="row") {
                                Button(id="run", text="Create 1,000 rows", on_click=Box::new(run))
                                Button(id="runlots", text="Create 10,000 rows", on_click=Box::new(run_lots))
                                Button(id="add", text="Append 1,000 rows", on_click=Box::new(add))
                                Button(id="update", text="Update every 10th row", on_click=Box::new(update))
                                Button(id="clear", text="Clear", on_click=Box::new(clear))
                                Button(id="swaprows", text="Swap Rows", on_click=Box::new(swap_rows))
                            }
                        }
                    }
                }
                table(class="table table-hover table-striped test-data") {
                    tbody {
                        Keyed(
                            list=rows,
                            view=move |row| {
                                let id = row.id;
                                let label = row.label;
                                let is_selected = create_selector(move || selected.get() == Some(id));
                                view! {
                                    tr(class=move || if is_selected.get() { "danger" } else { "" }) {
                                        td(class="col-md-1") { (id.to_string()) }
                                        td(class="col-md-4") {
                                            a(on:click=move |_| selected.set(Some(id))) { (label.get_clone()) }
                                        }
                                        td(class="col-md-1") {
                                            a(on:click=move |_| rows.update(|rows| rows.retain(|r| r.id != id))) {
                                                span(class="glyphicon glyphicon-remove", aria-hidden="true")
                                            }
                                        }
                                        td(class="col-md-6")
                                    }
                                }
                            },
                            key=|row| row.id,
                        )
                    }
                }
                span(class="preloadicon glyphicon glyphicon-remove", aria-hidden="true")
            }
        }
    }
}

fn main() {
    sycamore::render(App);
}
