//! `with!`, `update!`, `with_value!`, `update_value!` (Leptos 0.6): nested
//! reads or updates of several handles in one closure.

/// Reads several signals (or memos) at once by reference: `with!(|a, b|
/// a.len() + b.len())` is `a.with(|a| b.with(|b| a.len() + b.len()))`. The
/// names are those of handles in scope; inside the closure they stand for
/// their values. Tracked, like `with`.
///
/// ```
/// use larkspur_reactive::*;
/// let (first, _) = create_signal(String::from("Ada"));
/// let last = create_rw_signal(String::from("Lovelace"));
/// let full = with!(|first, last| format!("{first} {last}"));
/// assert_eq!(full, "Ada Lovelace");
/// ```
#[macro_export]
macro_rules! with {
    (|$param:ident $(,)?| $body:expr) => {
        $param.with(|$param| $body)
    };
    (|$param:ident, $($rest:ident),+ $(,)?| $body:expr) => {
        $param.with(|$param| $crate::with!(|$($rest),+| $body))
    };
}

/// Updates several signals at once: `update!(|a, b| { *a += 1; *b += 1 })`
/// is `a.update(|a| b.update(|b| { ... }))`. Each signal notifies once.
///
/// ```
/// use larkspur_reactive::*;
/// let count = create_rw_signal(1);
/// let total = create_rw_signal(10);
/// update!(|count, total| { *count += 1; *total += *count; });
/// assert_eq!((count.get(), total.get()), (2, 12));
/// ```
#[macro_export]
macro_rules! update {
    (|$param:ident $(,)?| $body:expr) => {
        $param.update(|$param| $body)
    };
    (|$param:ident, $($rest:ident),+ $(,)?| $body:expr) => {
        $param.update(|$param| $crate::update!(|$($rest),+| $body))
    };
}

/// [`with!`] for [`StoredValue`](crate::StoredValue)s (`with_value`).
///
/// ```
/// use larkspur_reactive::*;
/// let a = store_value(2);
/// let b = store_value(3);
/// assert_eq!(with_value!(|a, b| a * b), 6);
/// ```
#[macro_export]
macro_rules! with_value {
    (|$param:ident $(,)?| $body:expr) => {
        $param.with_value(|$param| $body)
    };
    (|$param:ident, $($rest:ident),+ $(,)?| $body:expr) => {
        $param.with_value(|$param| $crate::with_value!(|$($rest),+| $body))
    };
}

/// [`update!`] for [`StoredValue`](crate::StoredValue)s (`update_value`).
///
/// ```
/// use larkspur_reactive::*;
/// let a = store_value(2);
/// let b = store_value(3);
/// update_value!(|a, b| { *a += 1; *b += *a; });
/// assert_eq!((a.get_value(), b.get_value()), (3, 6));
/// ```
#[macro_export]
macro_rules! update_value {
    (|$param:ident $(,)?| $body:expr) => {
        $param.update_value(|$param| $body)
    };
    (|$param:ident, $($rest:ident),+ $(,)?| $body:expr) => {
        $param.update_value(|$param| $crate::update_value!(|$($rest),+| $body))
    };
}
