//! `larkspur::error`: the error type an [`ErrorBoundary`](crate::ErrorBoundary)
//! collects, and a `Result` alias that defaults to it.

pub use crate::error_boundary::Error;

/// `Result` with Larkspur's type-erased [`Error`] as the default error, so
/// that `?` works on any `std::error::Error` in a view-producing function.
///
/// ```
/// use larkspur::error::Result;
///
/// fn parse(s: &str) -> Result<i32> {
///     Ok(s.trim().parse::<i32>()?)
/// }
/// assert_eq!(parse(" 7 ").unwrap(), 7);
/// assert!(parse("x").is_err());
/// ```
pub type Result<T, E = Error> = std::result::Result<T, E>;
