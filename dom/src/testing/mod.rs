//! The test kit for users' components: render into a fresh container,
//! find elements the way a user sees them, fire events the way a user
//! causes them, and wait for effects and resources to settle.
//!
//! It works in any app's `wasm-bindgen-test` browser tests (headless
//! Chromium with `wasm_bindgen_test_configure!(run_in_browser)`):
//!
//! ```no_run
//! use larkspur::*;
//! use larkspur::testing::*;
//!
//! #[component]
//! fn Counter() -> impl IntoView {
//!     let (count, set_count) = create_signal(0);
//!     view! {
//!         <button on:click=move |_| set_count.update(|n| *n += 1)>"Clicks: " {count}</button>
//!     }
//! }
//!
//! // #[wasm_bindgen_test]
//! fn counter_counts() {
//!     let screen = render(Counter);
//!     let button = screen.get_by_role("button", "Clicks: 0");
//!     click(&button);
//!     assert_eq!(text(&button), "Clicks: 1");
//! } // the container is unmounted, disposed and removed here
//! ```
//!
//! * [`render`] mounts a view into a new `<div>` at the end of `<body>` and
//!   returns a [`Screen`]; dropping the screen unmounts the view, disposes
//!   its owner and removes the container, so tests never see each other.
//! * Queries ([`Scope::get_by_text`], [`Scope::get_by_label`],
//!   [`Scope::get_by_role`], [`Scope::get_by_test_id`]) panic with the
//!   container's markup when nothing (or more than one element) matches;
//!   their `query_by_*` twins return an `Option`, `get_all_by_*` a `Vec`,
//!   and `find_by_*` wait (up to two seconds) for the element to appear.
//!   A screen's queries also search what its views render through a
//!   [`Portal`](crate::Portal) outside its container (a modal in
//!   `<body>`). [`within`] gives the same queries inside one element.
//! * Events ([`click`], [`type_text`], [`clear`], [`press_key`],
//!   [`submit`], [`focus`], [`blur`], [`check`], [`select_option`]) are real
//!   bubbling DOM events with the same order a browser uses, so delegated
//!   handlers see them exactly as they see a user's.
//! * [`tick`] lets deferred effects run; [`settle`] also waits until every
//!   resource has loaded; [`wait_for`] waits for any condition;
//!   [`fail_on_console_error`] turns a `console.error` during the test into
//!   a failure.
//! * [`navigate_to`] moves a routed app to another URL as a link would;
//!   [`current_url`] reads where it is.
//!
//! Unlike the renderer, this module reads the DOM through `web-sys`
//! directly: it is a client of the page, not part of the rendering path.

mod console;
mod events;
mod navigation;
mod queries;
mod screen;
mod wait;

pub use console::{fail_on_console_error, ConsoleErrors};
pub use events::{
    blur, check, clear, click, dispatch_event, focus, press_key, select_option, submit, type_text,
};
pub use navigation::{current_url, navigate_to};
pub use queries::{role_of, text, By, QueryError};
pub use screen::{render, render_into, within, Scope, Screen};
pub use wait::{settle, sleep_ms, tick, wait_for, wait_for_ms};
