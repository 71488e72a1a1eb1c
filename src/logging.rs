//! Console logging macros: [`log!`](crate::log), [`warn!`](crate::warn) and
//! [`error!`](macro@crate::error), with `format!` syntax.
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

pub use crate::{error, log, warn};

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
