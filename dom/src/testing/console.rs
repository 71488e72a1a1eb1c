//! Failing a test on `console.error`: [`fail_on_console_error`].

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::{closure::Closure, JsCast, JsValue};

/// Records `console.error` calls while alive; made by
/// [`fail_on_console_error`]. Dropping it restores `console.error` and
/// panics if anything was recorded (unless the thread is already
/// panicking); [`ConsoleErrors::take`] reads and clears the record.
pub struct ConsoleErrors {
    original: JsValue,
    /// The function this guard put in `console.error`.
    wrapper: JsValue,
    /// Cleared when the guard drops: a wrapper left installed (see `Drop`)
    /// then only forwards.
    alive: Rc<std::cell::Cell<bool>>,
    seen: Rc<RefCell<Vec<String>>>,
    hook: Option<Closure<dyn FnMut(js_sys::Array)>>,
}

/// Makes every `console.error` until the returned guard drops a test
/// failure (the original `console.error` still prints). Framework
/// warnings go to `console.warn` and do not count.
///
/// ```no_run
/// # use larkspur::*; use larkspur::testing::*;
/// let errors = fail_on_console_error();
/// let _screen = render(|| view! { <p>"quiet"</p> });
/// drop(errors); // panics here if anything called console.error
/// ```
pub fn fail_on_console_error() -> ConsoleErrors {
    let console = console_object();
    let original = js_sys::Reflect::get(&console, &"error".into()).unwrap_or(JsValue::UNDEFINED);
    let seen = Rc::new(RefCell::new(Vec::new()));
    let record = seen.clone();
    let forward = original.clone();
    let alive = Rc::new(std::cell::Cell::new(true));
    let recording = alive.clone();
    let hook = Closure::<dyn FnMut(js_sys::Array)>::new(move |args: js_sys::Array| {
        let message: Vec<String> = args
            .iter()
            .map(|a| a.as_string().unwrap_or_else(|| format!("{a:?}")))
            .collect();
        if recording.get() {
            record.borrow_mut().push(message.join(" "));
        }
        if let Some(f) = forward.dyn_ref::<js_sys::Function>() {
            let _ = f.apply(&console_object(), &args);
        }
    });
    // `console.error(...args)` calls the hook with one array of arguments.
    let wrapper =
        js_sys::Function::new_with_args("hook", "return function(...args) { hook(args); }")
            .call1(&JsValue::NULL, hook.as_ref())
            .expect("wrap console.error");
    let _ = js_sys::Reflect::set(&console, &"error".into(), &wrapper);
    ConsoleErrors {
        original,
        wrapper,
        alive,
        seen,
        hook: Some(hook),
    }
}

fn console_object() -> JsValue {
    js_sys::Reflect::get(&js_sys::global(), &"console".into()).expect("a console object")
}

impl ConsoleErrors {
    /// The messages recorded so far, clearing the record.
    pub fn take(&self) -> Vec<String> {
        std::mem::take(&mut *self.seen.borrow_mut())
    }
}

impl Drop for ConsoleErrors {
    fn drop(&mut self) {
        self.alive.set(false);
        let console = console_object();
        let current = js_sys::Reflect::get(&console, &"error".into()).unwrap_or(JsValue::UNDEFINED);
        if js_sys::Object::is(&current, &self.wrapper) {
            let _ = js_sys::Reflect::set(&console, &"error".into(), &self.original);
        } else if let Some(hook) = self.hook.take() {
            // A guard made after this one is still installed and will put
            // this guard's wrapper back when it drops: the wrapper must keep
            // working then (it forwards to the original), so its hook lives
            // on for the page.
            hook.forget();
        }
        let seen = self.take();
        // Not while unwinding (natively). On wasm32 panics abort: this
        // drop never runs during one, and `panicking()` stays true for good
        // after the first panic, which must not silence later tests.
        if !seen.is_empty() && (cfg!(panic = "abort") || !std::thread::panicking()) {
            panic!(
                "console.error was called during the test:\n  {}",
                seen.join("\n  ")
            );
        }
    }
}
