//! Larkspur's DOM layer under its own crate name.
//!
//! Leptos 0.6 code that imports from `leptos_dom` (most often
//! `leptos_dom::helpers::*`, `leptos_dom::ev`, `leptos_dom::html`) compiles
//! with `larkspur_dom` in its place. Everything here is a re-export of
//! `larkspur`; the implementation lives in the `larkspur` crate.
//!
//! ```no_run
//! use larkspur::*;
//! use larkspur_dom::helpers::{event_target_value, window_event_listener};
//!
//! let (text, set_text) = create_signal(String::new());
//! let field = view! { <input on:input=move |e| set_text(event_target_value(&e))/> };
//! let handle = window_event_listener(larkspur_dom::ev::resize, |_| logging::log!("resized"));
//! ```
#![deny(missing_docs)]

/// Browser helpers: `window()`, `document()`, `event_target_value`,
/// `window_event_listener`, timers, animation frames and idle callbacks.
pub mod helpers {
    pub use larkspur::dom::helpers::*;
    pub use larkspur::{
        debounce, document, request_animation_frame, request_animation_frame_with_handle,
        set_interval, set_interval_with_handle, set_timeout, set_timeout_with_handle,
        AnimationFrameRequestHandle, IntervalHandle, TimeoutHandle,
    };
}

pub use helpers::*;
/// A text node with `content` (Leptos 0.6's `leptos_dom::text`).
///
/// ```no_run
/// let greeting = larkspur::html::p().child(larkspur_dom::text("Hello"));
/// ```
pub use larkspur::__dom_text as text;
pub use larkspur::logging;
pub use larkspur::{
    ev, html, is_browser, math, mount_to, mount_to_body, mount_to_body_with_handle, svg, Attribute,
    Class, CollectView, DynChild, Each, Errors, Fragment, HtmlElement, IntoAttribute, IntoClass,
    IntoProperty, IntoStyle, IntoView, MountHandle, NodeRef, Property, Style, Unit, View,
};

/// Leptos 0.6's hydration context. Larkspur renders on the client only and
/// never hydrates, so it answers as a client-side-rendered Leptos app does:
/// client-side libraries that ask (`!HydrationCtx::is_hydrating()`)
/// compile unchanged.
///
/// ```
/// assert!(!larkspur_dom::HydrationCtx::is_hydrating());
/// ```
pub struct HydrationCtx;

impl HydrationCtx {
    /// Always `false`: nothing is ever hydrated.
    pub fn is_hydrating() -> bool {
        false
    }

    /// Does nothing (there is no hydration to stop).
    pub fn stop_hydrating() {}
}
