//! A resource read once under a `Suspense` stops holding that boundary in
//! its fallback once the view that read it is gone (defect 15).
#![cfg(target_arch = "wasm32")]

mod async_support;
mod common;

use async_support::Gates;
use common::{test_container, text};
use larkspur::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn a_gone_reader_no_longer_suspends_the_boundary() {
    let c = test_container();
    let gates = Gates::default();
    let fetcher = gates.fetcher();
    let (source, set_source) = create_signal(1);
    let (show_reader, set_show_reader) = create_signal(true);
    let _h = mount_to_with_handle(c.clone(), move || {
        let data = create_resource(move || source.get(), fetcher);
        view! {
            <div>
                <Suspense fallback=|| view! { <i>"Loading…"</i> }>
                    <b>"always"</b>
                    {move || show_reader.get().then(|| view! { <u>{move || data.get()}</u> })}
                </Suspense>
            </div>
        }
    });
    assert_eq!(text(&c), "Loading…");
    gates.request(0).finish().await;
    assert_eq!(text(&c), "always10");

    // The reader goes; a reload must not bring the fallback back.
    set_show_reader.set(false);
    assert_eq!(text(&c), "always");
    set_source.set(2);
    assert_eq!(text(&c), "always", "nothing under the boundary reads it");
    gates.request(1).finish().await;
    assert_eq!(text(&c), "always");

    // A new reader registers again.
    set_show_reader.set(true);
    assert_eq!(text(&c), "always20");
    set_source.set(3);
    assert_eq!(text(&c), "Loading…");
    gates.request(2).finish().await;
    assert_eq!(text(&c), "always30");
}

/// The reader goes while a load is in flight (a tab switched away from
/// the loading one): the boundary stops waiting at once, not when the
/// load ends (helper-114).
#[wasm_bindgen_test]
async fn a_reader_gone_mid_load_releases_the_boundary_at_once() {
    let c = test_container();
    let gates = Gates::default();
    let fetcher = gates.fetcher();
    let (source, set_source) = create_signal(1);
    let (show_reader, set_show_reader) = create_signal(true);
    let _h = mount_to_with_handle(c.clone(), move || {
        let data = create_resource(move || source.get(), fetcher);
        view! {
            <div>
                <Suspense fallback=|| view! { <i>"Loading…"</i> }>
                    <b>"always"</b>
                    {move || show_reader.get().then(|| view! { <u>{move || data.get()}</u> })}
                </Suspense>
            </div>
        }
    });
    gates.request(0).finish().await;
    assert_eq!(text(&c), "always10");
    set_source.set(2);
    assert_eq!(text(&c), "Loading…");
    set_show_reader.set(false);
    assert_eq!(
        text(&c),
        "always",
        "nothing under the boundary reads it now"
    );
    gates.request(1).finish().await;
    assert_eq!(text(&c), "always");
}
