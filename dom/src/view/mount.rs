//! Mounting: putting an app into the page under a root owner, and taking it
//! out again with [`MountHandle::unmount`].
//!
//! Mounting also installs, once per page, the browser glue of the reactive
//! core: the panic hook (`console_error_panic_hook`) and the warning hook
//! (`console.warn`). (Deferred effects run in a microtask the reactive core
//! queues itself.)

use std::cell::Cell;

use larkspur_reactive::{create_root, set_warning_hook, Owner};

use super::{IntoView, View};
use crate::dom::{self, Node, WebHtmlElement};

thread_local! {
    static INSTALLED: Cell<bool> = const { Cell::new(false) };
    /// Each app mounted with a handle, with the root it replaced as the
    /// context fallback (see [`MountHandle::unmount`]). Apps mounted for
    /// the page's life are never unmounted and need no entry.
    static REPLACED: std::cell::RefCell<Vec<(Owner, Option<Owner>)>> =
        const { std::cell::RefCell::new(Vec::new()) };
}

fn warn(message: &str) {
    dom::console_warn(message);
}

/// Installs the panic hook and the console warning hook. Called by the
/// mount functions; idempotent. (Effects need nothing installed: their
/// first runs are queued in a microtask whether or not an app is mounted.)
pub fn install_browser_hooks() {
    if INSTALLED.with(|i| i.replace(true)) {
        return;
    }
    dom::install_panic_hook();
    // Release builds emit no warnings, so they need not keep `console.warn`.
    if cfg!(debug_assertions) {
        set_warning_hook(warn);
    }
}

/// A mounted app. [`unmount`](MountHandle::unmount) removes its nodes and
/// disposes everything it owns; dropping the handle leaves it mounted.
pub struct MountHandle {
    owner: Owner,
    view: View,
}

/// Takes `owner`'s entry out of [`REPLACED`]: `Some(root it replaced)`
/// if it was mounted with a handle.
fn take_replaced(owner: Owner) -> Option<Option<Owner>> {
    REPLACED.with(|r| {
        let mut r = r.borrow_mut();
        let at = r.iter().position(|&(o, _)| o == owner)?;
        Some(r.swap_remove(at).1)
    })
}

impl MountHandle {
    /// Removes the app's nodes from the page and disposes its root owner:
    /// every effect, signal, listener and cleanup created by the app.
    pub fn unmount(self) {
        self.view.unmount();
        // Handlers of the app mounted before this one find their contexts
        // again (they fell back on this app's root while it was there).
        let previous = take_replaced(self.owner).flatten();
        larkspur_reactive::unset_context_root(self.owner, previous);
        self.owner.dispose();
    }

    /// Leaves the app mounted for the life of the page (the same as dropping
    /// the handle, but says so).
    pub fn forget(self) {
        // Never unmounted now: what it replaced will not be asked for.
        take_replaced(self.owner);
    }

    /// The root owner of the app.
    pub fn owner(&self) -> Owner {
        self.owner
    }
}

/// Mounts the view returned by `f` at the end of `document.body`, for the
/// life of the page. Returns `()`, so `fn main() { mount_to_body(App) }`
/// compiles; use [`mount_to_body_with_handle`] to unmount later.
///
/// # Example
///
/// ```no_run
/// use larkspur::*;
///
/// #[component]
/// fn App() -> impl IntoView {
///     view! { <p>"Hello, world!"</p> }
/// }
///
/// fn main() {
///     mount_to_body(App)
/// }
/// ```
pub fn mount_to_body<V: IntoView>(f: impl FnOnce() -> V + 'static) {
    mount_view(dom::body().into(), Box::new(move || f().into_view()));
}

/// Mounts the view returned by `f` at the end of `document.body` and returns
/// the [`MountHandle`] that can take it out again.
///
/// # Example
///
/// ```no_run
/// use larkspur::*;
///
/// let handle = mount_to_body_with_handle(|| html::p().child("for a while"));
/// handle.unmount();
/// ```
pub fn mount_to_body_with_handle<V: IntoView>(f: impl FnOnce() -> V + 'static) -> MountHandle {
    mount_to_with_handle(dom::body(), f)
}

/// Mounts the view returned by `f` at the end of `parent`, for the life of
/// the page. Returns `()` as in Leptos 0.6, so `fn main() { mount_to(el,
/// App) }` compiles; use [`mount_to_with_handle`] to unmount later.
///
/// # Example
///
/// ```no_run
/// use larkspur::*;
///
/// let parent = document().create_element("div").unwrap();
/// let parent: web_sys::HtmlElement = wasm_bindgen::JsCast::unchecked_into(parent);
/// mount_to(parent, || "mounted");
/// ```
pub fn mount_to<V: IntoView>(parent: WebHtmlElement, f: impl FnOnce() -> V + 'static) {
    mount_view(parent.into(), Box::new(move || f().into_view()));
}

/// Mounts the view returned by `f` at the end of `parent` and returns the
/// [`MountHandle`] that can take it out again (tests, embedded widgets).
///
/// # Example
///
/// ```no_run
/// use larkspur::*;
///
/// let parent = document().create_element("div").unwrap();
/// let parent: web_sys::HtmlElement = wasm_bindgen::JsCast::unchecked_into(parent);
/// let handle = mount_to_with_handle(parent, || "mounted");
/// handle.unmount();
/// ```
pub fn mount_to_with_handle<V: IntoView>(
    parent: WebHtmlElement,
    f: impl FnOnce() -> V + 'static,
) -> MountHandle {
    let previous = larkspur_reactive::context_root();
    let handle = mount_view(parent.into(), Box::new(move || f().into_view()));
    REPLACED.with(|r| r.borrow_mut().push((handle.owner, previous)));
    handle
}

fn mount_view(parent: Node, f: Box<dyn FnOnce() -> View>) -> MountHandle {
    install_browser_hooks();
    let (owner, view) = create_root(move |owner| {
        let view = f();
        view.mount(&parent, None);
        (owner, view)
    });
    // Code that runs with no owner (event handlers, timers, spawned
    // futures) finds the app's root contexts, as in Leptos 0.6.
    larkspur_reactive::set_context_root(owner);
    MountHandle { owner, view }
}

// The app's global allocator, part of what mounting needs at start-up. Rust's
// default on wasm32 is dlmalloc, about 7 KB of code (the largest single item
// in the benchmark app); talc's wasm allocator is about 1 KB and grows the
// wasm memory on demand the same way. Measured (brotli, wasm + JS): the
// benchmark app 32.5 -> 30.4 KB; the counter, which already chose talc
// itself, is unchanged (BENCHMARKS.md, "Bytes"). An app that wants another allocator
// depends on larkspur with `default-features = false`.
#[cfg(all(
    feature = "talc",
    not(target_feature = "atomics"),
    target_family = "wasm"
))]
#[global_allocator]
static TALC: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
