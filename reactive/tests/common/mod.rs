//! Shared test helper: a captured log standing in for the seed's `log!`.
#![allow(dead_code)]

use std::cell::RefCell;
use std::rc::Rc;

/// A cheaply clonable log of lines.
#[derive(Clone, Default)]
pub struct Log(Rc<RefCell<Vec<String>>>);

impl Log {
    pub fn new() -> Self {
        Self::default()
    }
    pub fn push(&self, line: impl Into<String>) {
        self.0.borrow_mut().push(line.into());
    }
    /// Returns and clears what was logged so far.
    pub fn take(&self) -> Vec<String> {
        std::mem::take(&mut *self.0.borrow_mut())
    }
}

/// `log!(log, "fmt", args)` — the seed's `log!` with an explicit sink.
#[macro_export]
macro_rules! log {
    ($log:expr, $($arg:tt)*) => { $log.push(format!($($arg)*)) };
}

/// Defers `create_effect`'s first runs to `flush()`, as the browser does
/// (natively they would run at once, as in Leptos 0.6): for the seed's
/// scenarios, which describe the browser's order.
#[allow(dead_code)]
pub fn as_in_the_browser() {
    larkspur_reactive::set_scheduler(|| {});
}
