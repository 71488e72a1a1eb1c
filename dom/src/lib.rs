//! Larkspur's renderer, DOM layer and browser APIs: everything the
//! [`larkspur`](https://docs.rs/larkspur) crate re-exports, which is also
//! reachable as `larkspur::larkspur_dom` (as Leptos 0.6's `leptos_dom` is
//! `leptos::leptos_dom`).
//!
//! Apps depend on `larkspur` and write `use larkspur::*;`. Code ported from
//! Leptos 0.6 that imports from `leptos_dom` (most often
//! `leptos_dom::helpers::*`, `leptos_dom::ev`, `leptos_dom::html`) compiles
//! with `larkspur_dom` in its place, whether it names the crate directly
//! (with `larkspur-dom` in `Cargo.toml`) or through
//! `larkspur::larkspur_dom`; both name this one crate, so `use larkspur::*;`
//! beside `use larkspur_dom::…;` is not ambiguous.
//!
//! ```no_run
//! use larkspur::*;
//! use larkspur_dom::helpers::{event_target_value, window_event_listener};
//!
//! let (text, set_text) = create_signal(String::new());
//! let field = view! { <input on:input=move |e| set_text(event_target_value(&e))/> };
//! let handle = window_event_listener(larkspur_dom::ev::resize, |_| logging::log!("resized"));
//! let same = larkspur::larkspur_dom::helpers::window();
//! ```
//!
//! Views are built directly as DOM nodes — no virtual DOM. Every dynamic
//! piece of a view (a text, an attribute, a class, a style property, a DOM
//! property, a child) is one render effect that updates exactly one node;
//! static parts are never touched again. Dynamic children sit between marker
//! nodes and are replaced in place, and a branch that is replaced is disposed
//! with everything it created.
//!
//! `use larkspur::*;` brings in the whole API: the reactive primitives of
//! `larkspur-reactive`, the element builders ([`html`], [`svg`], [`math`]),
//! events ([`ev`]), control flow ([`Show`], [`For`], [`Dynamic`],
//! [`Portal`]), components, mounting and the logging macros.
//!
//! # Example
//!
//! The seed's counter, written with the builder API:
//!
//! ```no_run
//! use larkspur::*;
//!
//! fn counter() -> impl IntoView {
//!     let (count, set_count) = create_signal(0);
//!     let on_click = move |_| set_count.update(|count| *count += 1);
//!     html::button().on(ev::click, on_click).child("Click Me: ").child(count)
//! }
//!
//! fn main() {
//!     mount_to_body(counter)
//! }
//! ```
//!
//! # How the renderer is put together
//!
//! * `dom` — the only module that calls `web-sys`: node creation, attribute,
//!   class, style and property writes with interned names, insertion and
//!   removal, and the event table (one delegated listener per event type on
//!   the document, one shared direct listener per type, handlers in a Rust
//!   slab keyed by a number stored on the element).
//! * `view` — [`View`] (already-built nodes plus live ranges), [`IntoView`],
//!   dynamic children (one render effect between a marker; text is patched,
//!   anything else replaced), [`Fragment`], mounting.
//! * `element` — [`HtmlElement`] builders over an untyped element, the
//!   [`html`], [`svg`] and [`math`] constructors, attribute/class/style/
//!   property values, [`NodeRef`].
//! * `control` — [`Show`], [`For`] (keyed, longest-increasing-subsequence
//!   moves), [`Dynamic`], [`Portal`].
//! * `components` — the props-builder convention used by `#[component]`,
//!   children types, [`ViewFn`].
//! * `safety` — URL checks and [`TrustedUrl`].
//! * `resource`, `suspense`, `error_boundary`, `time` — async:
//!   [`create_resource`] and [`spawn_local`], [`Suspense`] and
//!   [`Transition`], [`ErrorBoundary`] (a `Result` is a view), and timers
//!   cancelled with their component ([`set_timeout`], [`set_interval`],
//!   [`debounce`], [`sleep`], …) over `gloo-timers`; `async` adds [`Action`],
//!   [`MultiAction`] and [`Await`].
//! * `storage`, `fetch` — signals persisted in `localStorage`,
//!   `sessionStorage` or the URL ([`create_local_storage_signal`], …) and
//!   [`fetch_json`], with the JSON codec chosen by cargo feature: `serde`
//!   (default) or `serde-lite`.
//! * `meta` — head tags ([`meta::Title`], [`meta::Meta`], …), re-exported
//!   by the `larkspur-meta` crate.
//! * `dom::helpers` — Leptos 0.6's browser helpers ([`window`],
//!   [`event_target_value`], [`window_event_listener`], …), re-exported by
//!   the `larkspur-dom` crate.
//!
//! Porting from Leptos 0.6 is a rename of the crate prefix; the
//! deliberate differences are listed in `docs/from-leptos.md`.
//!
//! # Safety of strings
//!
//! Text is always inserted as text nodes, attributes through
//! `setAttribute`, properties by assignment; markup is parsed only by
//! [`HtmlElement::inner_html`]. URLs that would run script in `href`, `src`,
//! `action`, `formaction` or `<object>`'s `data` are refused unless wrapped
//! in [`TrustedUrl`].
//! The full policy (inert `<script>` elements, `data:` script URLs, SVG
//! animation values, `on…` attributes, CSS) is on [`TrustedUrl`].
#![deny(missing_docs)]

// Lets the crate's own components use `#[component]`, whose expansion
// names `::larkspur`.
extern crate self as larkspur;

mod r#async;
mod components;
mod control;
pub mod dom;
mod element;
pub mod error;
mod error_boundary;
pub mod ev;
mod fetch;
mod hydration;
pub mod larkspur_config;
pub mod logging;
pub mod meta;
pub mod nonce;
pub mod router;
mod safety;
mod serialization;
pub mod storage;
mod suspense;
pub mod testing;
mod time;
mod view;

#[doc(hidden)]
pub mod __private;

pub use components::{
    component_props_builder, component_view, BoxedChildrenFn, Children, ChildrenFn, ChildrenFnMut,
    ComponentConstructor, DynAttrs, DynBindings, EmptyPropsBuilder, Props, PropsOrNoPropsBuilder,
    ToChildren, ViewFn,
};
/// A text node with `content` (Leptos 0.6's `leptos_dom::text`).
///
/// Not re-exported at the root of `larkspur` (only as
/// `larkspur_dom::text`): there it would clash with the test kit's
/// `testing::text` under two globs.
///
/// ```no_run
/// let greeting = larkspur::html::p().child(larkspur_dom::text("Hello"));
/// ```
pub use control::text;
#[doc(hidden)]
pub use control::text as __dom_text;
pub use control::{
    Dynamic, DynamicProps, DynamicPropsBuilder, For, ForProps, ForPropsBuilder, MissingChildren,
    MissingWhen, Portal, PortalProps, PortalPropsBuilder, Provider, ProviderProps,
    ProviderPropsBuilder, Show, ShowProps, ShowPropsBuilder,
};
pub use control::{Each, Unit};

/// Browser helpers: `window()`, `document()`, `event_target_value`,
/// `window_event_listener`, timers, animation frames and idle callbacks
/// (Leptos 0.6's `leptos_dom::helpers`; each is also at the root).
pub mod helpers {
    pub use crate::dom::helpers::*;
    pub use crate::{
        debounce, document, request_animation_frame, request_animation_frame_with_handle,
        set_interval, set_interval_with_handle, set_timeout, set_timeout_with_handle,
        AnimationFrameRequestHandle, IntervalHandle, TimeoutHandle,
    };
}

pub use dom::document;
/// The element a [`View::Element`] holds (Leptos 0.6's `leptos_dom::Element`;
/// here the DOM element itself). Like [`Text`], it is not re-exported by
/// `larkspur::*`, as 0.6's `leptos::*` has neither.
pub use dom::Element;
pub use element::attribute::{
    Attribute, AttributeValue, Class, IntoAttribute, IntoClass, IntoProperty, IntoStyle, Property,
    Style,
};
pub use element::{
    create_node_ref, html, math, svg, Binding, Directive, ElementDescriptor, EventHandlerFn,
    HtmlElement, IntoHtmlElement, LoadElement, NodeRef, OnMount, Spread,
};
pub use error_boundary::{
    Error, ErrorBoundary, ErrorBoundaryProps, ErrorBoundaryPropsBuilder, ErrorKey, Errors,
    Iter as ErrorsIter, MissingFallback,
};
pub use ev::EventDescriptor;
pub use fetch::{fetch_json, FetchError};
pub use hydration::{HydrationCtx, HydrationKey};
pub use larkspur_config::LeptosOptions;
pub use larkspur_reactive::{
    create_blocking_resource, create_local_resource, create_local_resource_with_initial_value,
    create_resource, create_resource_with_initial_value, spawn_local,
    spawn_local_with_current_owner, spawn_local_with_owner, try_spawn_local_with_current_owner,
    try_spawn_local_with_owner, Resource,
};
pub use larkspur_reactive::{GlobalSuspenseContext, SuspenseContext};
pub use meta::TextProp;
pub use safety::{is_dangerous_url, TrustedUrl};
pub use storage::{
    create_local_storage_signal, create_query_param_signal, create_session_storage_signal,
    PersistedSignal, StorageBackend, StorageError,
};
pub use suspense::{
    Suspense, SuspenseProps, SuspensePropsBuilder, Transition, TransitionProps,
    TransitionPropsBuilder,
};
pub use time::{
    debounce, live_timer_count, request_animation_frame, request_animation_frame_with_handle,
    set_interval, set_interval_with_handle, set_timeout, set_timeout_with_handle, sleep,
    AnimationFrameRequestHandle, IntervalHandle, TimeoutFuture, TimeoutHandle,
};
#[doc(hidden)]
pub use view::ComponentRepr;
pub use view::{
    install_browser_hooks, mount_to, mount_to_body, CollectView, DynChild, DynamicRange, Fragment,
    IntoFragment, IntoView, MountHandle, Mountable, Text, Transparent, View,
};

pub use larkspur_reactive::{
    batch, create_effect, create_memo, create_render_effect, create_root, create_rw_signal,
    create_selector, create_selector_with_fn, create_signal, create_trigger, expect_context, flush,
    live_node_count, on_cleanup, provide_context, set_scheduler, set_warning_hook, store_value,
    try_batch, untrack, use_context, with_owner, Effect, HasLen, IntoSignal, IntoSignalSetter,
    MaybeSignal, Memo, Owner, ReadSignal, RwSignal, Selector, Signal, SignalGet, SignalSet,
    SignalUpdate, SignalWith, StoredValue, Trigger, WriteSignal,
};

/// The signals, for `use larkspur::signal_prelude::*;` (Leptos 0.6's):
/// the signal, memo, selector and wrapper types with their constructors,
/// the traits `SignalGet`, `SignalSet`, `SignalWith`, `SignalUpdate`, their
/// untracked twins, `SignalDispose` and `SignalStream`, and
/// `create_signal_from_stream`.
pub mod signal_prelude {
    pub use larkspur_reactive::signal_prelude::*;
}

/// The reactive core, for paths like `larkspur::reactive::Owner`.
pub use larkspur_reactive as reactive;

pub use larkspur_macros::{component, slot, template, view, Params};

/// The `wasm-bindgen` crate this version of Larkspur uses, for
/// `larkspur::wasm_bindgen::JsCast` and friends.
pub use wasm_bindgen;
/// The `web-sys` bindings (with the features Larkspur enables).
pub use web_sys;

// Leptos 0.6 breadth (issue 9): kept as one block so it reads as a unit.
pub use control::{AnimatedShow, AnimatedShowProps, AnimatedShowPropsBuilder, MissingAnimatedWhen};
pub use dom::helpers::{
    event_target, event_target_checked, event_target_value, is_browser, is_server, location,
    location_hash, location_pathname, queue_microtask, request_idle_callback,
    request_idle_callback_with_handle, window, window_event_listener,
    window_event_listener_untyped, IdleCallbackHandle, WindowListenerHandle,
};
pub use larkspur_reactive::{
    as_child_of_current_owner, create_isomorphic_effect, create_read_slice, create_write_slice,
    run_as_child, try_with_owner, untrack_with_diagnostics, with_current_owner, Disposer,
    MaybeProp, Oco, ReactiveSystemError, ScopedFuture, ScopedFutureError,
};
pub use larkspur_reactive::{
    create_owning_memo, create_runtime, create_slice, watch, RuntimeId, SignalDispose,
    SignalGetUntracked, SignalSetUntracked, SignalSetter, SignalUpdateUntracked,
    SignalWithUntracked,
};
pub use larkspur_reactive::{create_signal_from_stream, SignalStream};
pub use larkspur_reactive::{slice, update, update_value, with, with_value, Source};
pub use larkspur_reactive::{Callable, Callback, SyncCallback};
#[doc(hidden)]
pub use larkspur_reactive::{SpecialNonReactiveZone, SpecialNonReactiveZoneGuard};
pub use r#async::action::{create_action, Action};
pub use r#async::await_view::{Await, AwaitProps, AwaitPropsBuilder, MissingFuture};
pub use r#async::multi_action::{create_multi_action, MultiAction, Submission};
pub use serialization::{Serializable, SerializationError};
pub use view::{mount_to_body_with_handle, mount_to_with_handle};

/// Whether this is a debug build (`debug_assertions`), as Leptos 0.6's
/// `leptos_dom::is_dev`.
///
/// ```
/// assert_eq!(larkspur_dom::is_dev(), cfg!(debug_assertions));
/// ```
pub const fn is_dev() -> bool {
    cfg!(debug_assertions)
}

/// Whether this is a release build (no `debug_assertions`), as Leptos
/// 0.6's `leptos_dom::is_release`.
///
/// ```
/// assert_eq!(larkspur_dom::is_release(), !larkspur_dom::is_dev());
/// ```
pub const fn is_release() -> bool {
    !is_dev()
}

/// Everything user-facing, for `use larkspur::prelude::*;` (the same set as
/// `use larkspur::*;`).
pub mod prelude {
    pub use crate::logging;
    pub use crate::{
        as_child_of_current_owner, create_blocking_resource, create_isomorphic_effect,
        create_local_resource_with_initial_value, create_read_slice,
        create_resource_with_initial_value, create_write_slice, run_as_child, with_current_owner,
        Disposer, MaybeProp, Oco,
    };
    pub use crate::{
        batch, component_props_builder, component_view, create_effect, create_memo,
        create_node_ref, create_render_effect, create_root, create_rw_signal, create_selector,
        create_selector_with_fn, create_signal, create_trigger, document, ev, expect_context,
        flush, html, live_node_count, math, mount_to, mount_to_body, on_cleanup, provide_context,
        store_value, svg, untrack, use_context, with_owner, Attribute, AttributeValue,
        BoxedChildrenFn, Children, ChildrenFn, ChildrenFnMut, Class, CollectView,
        ComponentConstructor, Directive, DynChild, Dynamic, DynamicProps, Effect,
        ElementDescriptor, EmptyPropsBuilder, EventDescriptor, For, ForProps, Fragment, HasLen,
        HtmlElement, IntoAttribute, IntoClass, IntoProperty, IntoSignal, IntoSignalSetter,
        IntoStyle, IntoView, MaybeSignal, Memo, MountHandle, NodeRef, Owner, Portal, PortalProps,
        Property, Props, PropsOrNoPropsBuilder, Provider, ReadSignal, RwSignal, Selector, Show,
        ShowProps, Signal, SignalGet, SignalSet, SignalUpdate, SignalWith, Spread, StoredValue,
        Style, TextProp, ToChildren, Trigger, TrustedUrl, View, ViewFn, WriteSignal,
    };
    pub use crate::{
        create_action, create_multi_action, create_owning_memo, create_runtime, create_slice,
        event_target, event_target_checked, event_target_value, is_browser, is_server, location,
        location_hash, location_pathname, mount_to_body_with_handle, mount_to_with_handle,
        queue_microtask, request_idle_callback, request_idle_callback_with_handle, watch, window,
        window_event_listener, window_event_listener_untyped, Action, AnimatedShow,
        AnimatedShowProps, Await, AwaitProps, Callable, Callback, IdleCallbackHandle, MultiAction,
        RuntimeId, SignalDispose, SignalGetUntracked, SignalSetUntracked, SignalSetter,
        SignalUpdateUntracked, SignalWithUntracked, Submission, SyncCallback, WindowListenerHandle,
    };
    pub use crate::{
        create_local_resource, create_resource, debounce, request_animation_frame,
        request_animation_frame_with_handle, set_interval, set_interval_with_handle, set_timeout,
        set_timeout_with_handle, spawn_local, AnimationFrameRequestHandle, Error, ErrorBoundary,
        ErrorBoundaryProps, ErrorKey, Errors, GlobalSuspenseContext, IntervalHandle, Resource,
        Suspense, SuspenseContext, SuspenseProps, TimeoutHandle, Transition, TransitionProps,
    };
    pub use crate::{
        create_local_storage_signal, create_query_param_signal, create_session_storage_signal,
        fetch_json, live_timer_count, sleep, FetchError, PersistedSignal, StorageBackend,
        StorageError, TimeoutFuture,
    };
    pub use crate::{create_signal_from_stream, SignalStream};
    pub use crate::{debug_warn, error, log, warn};
    pub use larkspur_macros::{component, slot, template, view, Params};
}
