//! Benchmark program (not a test): 10,000 rows created with a templated
//! `view!` against the equivalent per-node builder calls.
//!
//! Run it from the workspace root (it uses the root crate's browser test
//! harness), then delete the copy:
//!
//! ```text
//! cp macros/tests/browser/template_vs_builder.rs tests/zz_template_bench.rs
//! CHROMEDRIVER=/usr/bin/chromedriver cargo test --release \
//!     --target wasm32-unknown-unknown --test zz_template_bench -- --nocapture
//! rm tests/zz_template_bench.rs
//! ```
//!
//! Measured 2026-11-24 (headless Chromium, release build, 2-core machine
//! under heavy parallel load, so noisy; median of 7 mounts of 10,000 rows,
//! two rounds):
//!
//! | rows | template | builder |
//! | --- | --- | --- |
//! | `<div>` rows | 101, 137, 109, 239 ms | 322, 293, 131, 432 ms |
//! | js-framework-benchmark `<tr>` rows | 220, 152 ms | 369, 386 ms |
#![cfg(target_arch = "wasm32")]

mod common;
use common::test_container;
use larkspur::*;
use wasm_bindgen_test::*;
wasm_bindgen_test_configure!(run_in_browser);

fn now() -> f64 {
    web_sys::window().unwrap().performance().unwrap().now()
}

fn rows_template(n: usize) -> View {
    (0..n)
        .map(|id| {
            let label = format!("row {id}");
            view! { <div class="row"><span class="id">{id}</span><span class="lbl">{label}</span><button class="remove">"x"</button></div> }
        })
        .collect_view()
}

fn rows_builder(n: usize) -> View {
    (0..n)
        .map(|id| {
            let label = format!("row {id}");
            html::div()
                .attr("class", "row")
                .child(html::span().attr("class", "id").child(id))
                .child(html::span().attr("class", "lbl").child(label))
                .child(html::button().attr("class", "remove").child("x"))
        })
        .collect_view()
}

fn tr_template(n: usize) -> View {
    let rows = (0..n)
        .map(|id| {
            let label = format!("row {id}");
            view! {
                <tr>
                    <td class="col-md-1">{id}</td>
                    <td class="col-md-4"><a>{label}</a></td>
                    <td class="col-md-1"><a><span class="glyphicon glyphicon-remove" aria-hidden="true"></span></a></td>
                    <td class="col-md-6"></td>
                </tr>
            }
        })
        .collect_view();
    html::table().child(html::tbody().child(rows)).into_view()
}

fn tr_builder(n: usize) -> View {
    let rows = (0..n)
        .map(|id| {
            let label = format!("row {id}");
            html::tr()
                .child(html::td().attr("class", "col-md-1").child(id))
                .child(html::td().attr("class", "col-md-4").child(html::a().child(label)))
                .child(html::td().attr("class", "col-md-1").child(html::a().child(
                    html::span().attr("class", "glyphicon glyphicon-remove").attr("aria-hidden", "true"),
                )))
                .child(html::td().attr("class", "col-md-6"))
        })
        .collect_view();
    html::table().child(html::tbody().child(rows)).into_view()
}

fn measure(name: &str, f: fn(usize) -> View) -> f64 {
    let mut times = vec![];
    for _ in 0..7 {
        let c = test_container();
        let t0 = now();
        let h = mount_to_with_handle(c.clone(), move || f(10_000));
        let t1 = now();
        times.push(t1 - t0);
        h.unmount();
        c.remove();
    }
    times.sort_by(|a, b| a.partial_cmp(b).unwrap());
    console_log!("{name}: median {:.1} ms over 7 runs of 10,000 rows (all: {:?})", times[3], times);
    times[3]
}

#[wasm_bindgen_test]
fn bench() {
    for _ in 0..2 {
        measure("template", rows_template);
        measure("builder", rows_builder);
        measure("tr template", tr_template);
        measure("tr builder", tr_builder);
    }
}
