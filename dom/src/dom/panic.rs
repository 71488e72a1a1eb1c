//! The panic hook: a console error in every build, plus a visible overlay in
//! debug builds.
//!
//! On `wasm32-unknown-unknown` a panic aborts the running call (stable Rust
//! has no unwinding there): the rest of that event handler, effect or
//! timer callback never runs, no destructor runs and no error boundary
//! catches it. The instance itself lives on, and the browser keeps calling
//! it for the next event. The hook prints the message and a stack through
//! `console_error_panic_hook`, then asks the reactive runtime to put itself
//! back in order ([`larkspur_reactive::recover_after_panic`]): in a
//! microtask, when no wasm frame is live, the state the abandoned call
//! would have restored on its way out (the effect queue "flushing", the
//! panicked effect's owner current, the handler marked running) is reset,
//! so later events, writes and effects work as in a Leptos 0.6 app (a
//! JavaScript exception thrown through wasm frames, which never reaches the
//! hook, starts the same reset from the window's `error` event). What the abandoned call had
//! half done stays half done (a list whose row panicked while it was being
//! built may show stale rows), so a panic is still a bug to fix. Debug
//! builds also put the message in front of the page, because a panic with
//! a quiet console tab is easy to miss.
//!
//! The overlay is built with plain web-sys calls and touches no framework
//! state: the panic may have struck while a framework `RefCell` was borrowed,
//! and borrowing it again from the hook would turn one panic into an abort
//! with a useless message (the runtime's reset only *tries* its borrows).
//! Release builds compile the overlay out, so they pay nothing for it.

use wasm_bindgen::JsCast;

/// The `id` of the overlay element that debug builds show on a panic.
pub const PANIC_OVERLAY_ID: &str = "larkspur-panic-overlay";

/// Installs the panic hook (once; later calls do nothing).
///
/// Every build forwards the panic message and stack to `console.error`. Debug
/// builds (`cfg(debug_assertions)`) also call [`show_panic_overlay`] with the
/// message, which names the file, line and column of the panic.
pub fn install_panic_hook() {
    // After a panic (on wasm32 a panic never ends), `set_hook` itself would
    // panic: a test binary whose earlier test panicked could mount nothing.
    // Debug builds only (tests): the check costs release apps ~70 B, and
    // there a panic before the first mount has already ended the app.
    #[cfg(debug_assertions)]
    if std::thread::panicking() {
        return;
    }
    #[cfg(debug_assertions)]
    {
        static ONCE: std::sync::Once = std::sync::Once::new();
        ONCE.call_once(|| {
            recover_after_uncaught_errors();
            // The hook in place before (a test harness's, which records the
            // message for `#[should_panic(expected = …)]`) still runs:
            // debug builds only, as the default hook it would otherwise
            // keep costs a release app several KB.
            let previous = std::panic::take_hook();
            std::panic::set_hook(Box::new(move |info| {
                PANICS.with(|n| n.set(n.get() + 1));
                console_error_panic_hook::hook(info);
                larkspur_reactive::recover_after_panic();
                // `PanicHookInfo`'s `Display` is "panicked at file:line:col:"
                // followed by the message: both halves the overlay needs.
                show_panic_overlay(&info.to_string());
                previous(info);
            }));
        });
    }
    // The hook `console_error_panic_hook::set_once` installs, behind a
    // plain flag instead of its `std::sync::Once` (less code in every
    // release app), then the runtime's reset.
    #[cfg(not(debug_assertions))]
    {
        thread_local! {
            static INSTALLED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
        }
        if !INSTALLED.with(|i| i.replace(true)) {
            recover_after_uncaught_errors();
            std::panic::set_hook(Box::new(|info| {
                console_error_panic_hook::hook(info);
                larkspur_reactive::recover_after_panic();
            }));
        }
    }
}

#[cfg(debug_assertions)]
thread_local! {
    static PANICS: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
}

/// How many panics the debug hook has seen (0 in release builds, and
/// before the hook is installed): the test kit takes the screens of a
/// test that panicked (never dropped: wasm does not unwind) out of the
/// page before the next test renders.
pub(crate) fn panic_count() -> u32 {
    #[cfg(debug_assertions)]
    return PANICS.with(std::cell::Cell::get);
    #[cfg(not(debug_assertions))]
    0
}

/// A JavaScript exception thrown through wasm frames (a binding without
/// `catch` whose function throws, `unwrap_throw`, a JS library called from
/// an effect) abandons them as a panic does, but never reaches the panic
/// hook. The browser reports it as an `error` event on the window (also
/// when it is thrown in a future: they run in microtasks), or as an
/// `unhandledrejection` event when it was thrown in a promise callback (a
/// `Closure` given to `Promise.then`), either of which asks for the same
/// reset. The reset waits for a microtask, when no wasm frame is
/// live, so an error the browser reports while Rust code still runs (a
/// `click()` it dispatched) cannot reset state under it; an error from
/// elsewhere on the page finds the runtime idle, and the reset changes
/// nothing.
fn recover_after_uncaught_errors() {
    #[cfg(all(panic = "abort", target_arch = "wasm32"))]
    {
        use wasm_bindgen::prelude::*;
        // Through the bindings the event table uses (no import of its own).
        let f =
            Closure::<dyn Fn(JsValue)>::new(|_: JsValue| larkspur_reactive::recover_after_panic())
                .into_js_value();
        let global = super::global_this();
        super::listen(&global, &JsValue::from_str("error"), f.unchecked_ref());
        super::listen(
            &global,
            &JsValue::from_str("unhandledrejection"),
            f.unchecked_ref(),
        );
    }
}

/// Shows `message` in a fixed-position overlay in front of the page, the one
/// the debug panic hook uses.
///
/// The overlay is a `<div id="larkspur-panic-overlay" role="alert">` appended
/// to `<body>` (or to the root element when there is no body), with a
/// "Dismiss" button that takes it away. The message
/// goes in as text (`textContent`), never as markup, so a panic message that
/// quotes user input cannot inject anything. A second call adds its message
/// below the first. Styling goes through the CSSOM, which a strict CSP
/// without `'unsafe-inline'` still allows.
///
/// It uses only web-sys calls and ignores every failure: it runs inside the
/// panic hook, where a second panic would abort with no message at all.
///
/// ```no_run
/// larkspur::dom::panic::show_panic_overlay("panicked at src/app.rs:10:5:\nno user");
/// let overlay = larkspur::document()
///     .get_element_by_id(larkspur::dom::panic::PANIC_OVERLAY_ID)
///     .unwrap();
/// assert_eq!(overlay.get_attribute("role").as_deref(), Some("alert"));
/// ```
pub fn show_panic_overlay(message: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let overlay = match document.get_element_by_id(PANIC_OVERLAY_ID) {
        Some(existing) => existing,
        None => {
            let Ok(overlay) = document.create_element("div") else {
                return;
            };
            overlay.set_id(PANIC_OVERLAY_ID);
            let _ = overlay.set_attribute("role", "alert");
            if let Some(html) = overlay.dyn_ref::<web_sys::HtmlElement>() {
                style_overlay(&html.style());
            }
            // A way to get the page back (the runtime recovers after a
            // panic, and the overlay would cover the top of the page).
            if let Ok(dismiss) = document.create_element("button") {
                let _ = dismiss.set_attribute("type", "button");
                dismiss.set_text_content(Some("Dismiss"));
                if let Some(html) = dismiss.dyn_ref::<web_sys::HtmlElement>() {
                    let _ = html.style().set_property("float", "right");
                }
                let o = overlay.clone();
                let remove = wasm_bindgen::closure::Closure::once_into_js(move || o.remove());
                super::listen(
                    &dismiss,
                    &wasm_bindgen::JsValue::from_str("click"),
                    remove.unchecked_ref(),
                );
                let _ = overlay.append_child(&dismiss);
            }
            let heading = document.create_element("strong").ok();
            if let Some(heading) = heading {
                heading.set_text_content(Some("The app panicked."));
                let _ = overlay.append_child(&heading);
            }
            let parent: Option<web_sys::Element> = document
                .body()
                .map(Into::into)
                .or_else(|| document.document_element());
            match parent {
                Some(parent) => {
                    let _ = parent.append_child(&overlay);
                }
                None => return,
            }
            overlay
        }
    };
    if let Ok(entry) = document.create_element("pre") {
        entry.set_text_content(Some(message));
        if let Some(html) = entry.dyn_ref::<web_sys::HtmlElement>() {
            let style = html.style();
            let _ = style.set_property("white-space", "pre-wrap");
            let _ = style.set_property("margin", "0.75em 0 0");
            let _ = style.set_property("font", "13px/1.4 ui-monospace, monospace");
        }
        let _ = overlay.append_child(&entry);
    }
}

fn style_overlay(style: &web_sys::CssStyleDeclaration) {
    for (name, value) in [
        ("position", "fixed"),
        ("inset", "0 0 auto 0"),
        ("z-index", "2147483647"),
        ("max-height", "60vh"),
        ("overflow", "auto"),
        ("padding", "1em 1.25em"),
        ("background", "#3b0a0a"),
        ("color", "#fff"),
        ("font", "14px/1.4 system-ui, sans-serif"),
        ("border-bottom", "4px solid #e5484d"),
    ] {
        let _ = style.set_property(name, value);
    }
}
