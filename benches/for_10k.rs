//! Item 9 of the renderer issue: build and clear 10,000 keyed rows with
//! `For`, against a direct web-sys loop that builds the same DOM by hand.
//!
//! A measurement program, not a test of speed: it asserts only that both
//! sides built the right DOM, and prints the timings (median of several
//! runs, synchronous work only — layout and paint are not included) and
//! their ratio. Run it in release mode:
//!
//! ```text
//! CHROMEDRIVER=/usr/bin/chromedriver cargo test --release \
//!     --target wasm32-unknown-unknown --bench for_10k -- --nocapture
//! ```
#![cfg(target_arch = "wasm32")]

#[path = "../tests/common/mod.rs"]
mod common;

use common::test_container;
use larkspur::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const ROWS: usize = 10_000;
const RUNS: usize = 7;

#[derive(Clone)]
struct Row {
    id: usize,
    label: String,
}

fn data() -> Vec<Row> {
    (1..=ROWS)
        .map(|id| Row {
            id,
            label: format!("row label {id}"),
        })
        .collect()
}

fn now() -> f64 {
    web_sys::window().unwrap().performance().unwrap().now()
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(|a, b| a.partial_cmp(b).unwrap());
    v[v.len() / 2]
}

fn check(tbody: &web_sys::Element) {
    let rows = tbody.query_selector_all("tr").unwrap();
    assert_eq!(rows.length() as usize, ROWS);
    let last = rows.item(ROWS as u32 - 1).unwrap();
    assert_eq!(
        last.text_content().unwrap(),
        format!("{ROWS}row label {ROWS}")
    );
}

/// Larkspur: `<table><tbody>` + `For` of `<tr><td>id</td><td><a>label</a></td></tr>`.
fn larkspur_run() -> (f64, f64) {
    let c = test_container();
    let (rows, set_rows) = create_signal(Vec::<Row>::new());
    let handle = mount_to_with_handle(c.clone(), move || {
        html::table().child(
            html::tbody().child(For(ForProps::builder()
                .each(move || rows.get())
                .key(|row| row.id)
                .children(|row| {
                    html::tr()
                        .child(html::td().attr("class", "col-md-1").child(row.id))
                        .child(
                            html::td()
                                .attr("class", "col-md-4")
                                .child(html::a().child(row.label)),
                        )
                })
                .build())),
        )
    });
    let items = data();
    let start = now();
    set_rows(items);
    let created = now() - start;
    let tbody = c.query_selector("tbody").unwrap().unwrap();
    check(&tbody);
    let start = now();
    set_rows(Vec::new());
    let cleared = now() - start;
    assert_eq!(tbody.child_element_count(), 0);
    handle.unmount();
    c.remove();
    (created, cleared)
}

/// The same DOM with direct web-sys calls.
fn web_sys_run() -> (f64, f64) {
    let c = test_container();
    let document = web_sys::window().unwrap().document().unwrap();
    let table = document.create_element("table").unwrap();
    let tbody = document.create_element("tbody").unwrap();
    table.append_child(&tbody).unwrap();
    c.append_child(&table).unwrap();
    let items = data();
    let start = now();
    let fragment = document.create_document_fragment();
    for row in &items {
        let tr = document.create_element("tr").unwrap();
        let td1 = document.create_element("td").unwrap();
        td1.set_attribute("class", "col-md-1").unwrap();
        td1.append_child(&document.create_text_node(&row.id.to_string()))
            .unwrap();
        let td2 = document.create_element("td").unwrap();
        td2.set_attribute("class", "col-md-4").unwrap();
        let a = document.create_element("a").unwrap();
        a.append_child(&document.create_text_node(&row.label))
            .unwrap();
        td2.append_child(&a).unwrap();
        tr.append_child(&td1).unwrap();
        tr.append_child(&td2).unwrap();
        fragment.append_child(&tr).unwrap();
    }
    tbody.append_child(&fragment).unwrap();
    let created = now() - start;
    check(&tbody);
    let start = now();
    tbody.set_text_content(Some(""));
    let cleared = now() - start;
    assert_eq!(tbody.child_element_count(), 0);
    c.remove();
    (created, cleared)
}

#[wasm_bindgen_test]
fn for_10k_create_and_clear() {
    let (mut lc, mut lx, mut wc, mut wx) = (vec![], vec![], vec![], vec![]);
    // One warm-up round each, then alternate so both see the same GC state.
    larkspur_run();
    web_sys_run();
    for _ in 0..RUNS {
        let (c, x) = larkspur_run();
        lc.push(c);
        lx.push(x);
        let (c, x) = web_sys_run();
        wc.push(c);
        wx.push(x);
    }
    let (lc, lx, wc, wx) = (median(lc), median(lx), median(wc), median(wx));
    console_log!(
        "10,000 rows, median of {RUNS}: create larkspur {lc:.1} ms / web-sys {wc:.1} ms = {:.2}x; clear larkspur {lx:.1} ms / web-sys {wx:.1} ms = {:.2}x",
        lc / wc,
        lx / wx
    );
}
