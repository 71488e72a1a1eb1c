//! Console logging macros: [`log!`](crate::log), [`warn!`](crate::warn),
//! [`error!`](macro@crate::error) and [`debug_warn!`](crate::debug_warn),
//! with `format!` syntax, and the functions behind them.
//!
//! In the browser they write to `console.log`/`console.warn`/
//! `console.error`; when the crate runs natively (unit tests) they print to
//! stdout/stderr.
//!
//! ```no_run
//! use larkspur::*;
//!
//! let count = 3;
//! log!("count is {}", count);
//! logging::warn!("careful");
//! ```

pub use crate::{debug_warn, error, log, warn};

/// Writes a line to the console (`console.log` in the browser).
#[doc(hidden)]
pub fn console_log(message: &str) {
    if cfg!(target_arch = "wasm32") {
        crate::dom::console_log(message);
    } else {
        println!("{message}");
    }
}

/// Writes a warning to the console (`console.warn` in the browser).
#[doc(hidden)]
pub fn console_warn(message: &str) {
    if cfg!(target_arch = "wasm32") {
        crate::dom::console_warn(message);
    } else {
        eprintln!("{message}");
    }
}

/// Writes an error to the console (`console.error` in the browser).
#[doc(hidden)]
pub fn console_error(message: &str) {
    if cfg!(target_arch = "wasm32") {
        crate::dom::console_error(message);
    } else {
        eprintln!("{message}");
    }
}

/// Writes a line to the console in debug builds only; a release build
/// drops the call (the message is still evaluated by the caller).
///
/// ```no_run
/// larkspur::logging::console_debug_log("rendered the list");
/// ```
pub fn console_debug_log(message: &str) {
    if cfg!(debug_assertions) {
        console_log(message);
    }
}

/// Writes a warning to the console in debug builds only.
///
/// ```no_run
/// larkspur::logging::console_debug_warn("slow path taken");
/// ```
pub fn console_debug_warn(message: &str) {
    if cfg!(debug_assertions) {
        console_warn(message);
    }
}

/// Logs a formatted message to the console (`console.log`).
///
/// ```no_run
/// larkspur::log!("count is odd and is {}", 3);
/// ```
#[macro_export]
macro_rules! log {
    ($($t:tt)*) => {
        $crate::logging::console_log(&::std::format!($($t)*))
    };
}

/// Logs a formatted warning to the console (`console.warn`).
///
/// ```no_run
/// larkspur::warn!("{} retries left", 2);
/// ```
#[macro_export]
macro_rules! warn {
    ($($t:tt)*) => {
        $crate::logging::console_warn(&::std::format!($($t)*))
    };
}

/// Logs a formatted error to the console (`console.error`).
///
/// ```no_run
/// larkspur::error!("failed: {}", "reason");
/// ```
#[macro_export]
macro_rules! error {
    ($($t:tt)*) => {
        $crate::logging::console_error(&::std::format!($($t)*))
    };
}

/// Logs a formatted warning to the console (`console.warn`) in debug builds
/// only. In a release build neither the message is formatted nor its
/// arguments evaluated: they only need to compile.
///
/// ```no_run
/// let retries = 2;
/// larkspur::logging::debug_warn!("{} retries left", retries);
/// ```
#[macro_export]
macro_rules! debug_warn {
    ($($t:tt)*) => {
        if ::std::cfg!(debug_assertions) {
            $crate::logging::console_warn(&::std::format!($($t)*))
        }
    };
}
