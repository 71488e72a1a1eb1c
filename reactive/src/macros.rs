//! `with!`, `update!`, `with_value!`, `update_value!` (Leptos 0.6): nested
//! reads or updates of several handles in one closure; `slice!`: a
//! [`create_slice`](crate::create_slice) of one field.

/// Reads several signals (or memos) at once by reference: `with!(|a, b|
/// a.len() + b.len())` is `a.with(|a| b.with(|b| a.len() + b.len()))`. The
/// names are those of handles in scope (signals, memos, `Signal`,
/// `MaybeSignal`, or `StoredValue`s, read with `with_value`); inside the
/// closure they stand for their values. Tracked, like `with`. A `move`
/// before the closure is accepted, as in Leptos 0.6.
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
    ($(move)? |$param:ident $(,)?| $body:expr) => {
        $crate::MacroWith::macro_with(&$param, |$param| $body)
    };
    ($(move)? |$param:ident, $($rest:ident),+ $(,)?| $body:expr) => {
        $crate::MacroWith::macro_with(&$param, |$param| $crate::with!(|$($rest),+| $body))
    };
}

/// Updates several signals at once: `update!(|a, b| { *a += 1; *b += 1 })`
/// is `a.update(|a| b.update(|b| { ... }))` in a [`batch`](crate::batch).
/// Each signal notifies once, and the effects they make stale run after
/// every update has ended (an effect reading both sees both new values;
/// without the batch it would run while `a` is still being updated).
/// `StoredValue`s are updated with `update_value`.
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
    ($(move)? |$param:ident $(,)?| $body:expr) => {
        $crate::MacroUpdate::macro_update(&$param, |$param| $body)
    };
    ($(move)? |$param:ident, $($rest:ident),+ $(,)?| $body:expr) => {
        $crate::batch(|| {
            $crate::MacroUpdate::macro_update(&$param, |$param| $crate::update!(|$($rest),+| $body))
        })
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
    ($(move)? |$param:ident $(,)?| $body:expr) => {
        $param.with_value(|$param| $body)
    };
    ($(move)? |$param:ident, $($rest:ident),+ $(,)?| $body:expr) => {
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
    ($(move)? |$param:ident $(,)?| $body:expr) => {
        $param.update_value(|$param| $body)
    };
    ($(move)? |$param:ident, $($rest:ident),+ $(,)?| $body:expr) => {
        $param.update_value(|$param| $crate::update_value!(|$($rest),+| $body))
    };
}

/// What [`with!`] calls: `with` on signals, `with_value` on stored values.
/// What `with!` reads: anything with [`SignalWith`](crate::SignalWith)
/// (an app's own signal-like types too, as in Leptos 0.6), and
/// [`StoredValue`](crate::StoredValue).
#[doc(hidden)]
pub trait MacroWith<T> {
    fn macro_with<R>(&self, f: impl FnOnce(&T) -> R) -> R;
}

impl<S: crate::SignalWith> MacroWith<S::Value> for S {
    #[cfg_attr(debug_assertions, track_caller)]
    fn macro_with<R>(&self, f: impl FnOnce(&S::Value) -> R) -> R {
        crate::SignalWith::with(self, f)
    }
}

impl<T: 'static> MacroWith<T> for crate::StoredValue<T> {
    #[cfg_attr(debug_assertions, track_caller)]
    fn macro_with<R>(&self, f: impl FnOnce(&T) -> R) -> R {
        self.with_value(f)
    }
}

/// What `update!` writes: anything with
/// [`SignalUpdate`](crate::SignalUpdate), and
/// [`StoredValue`](crate::StoredValue).
#[doc(hidden)]
pub trait MacroUpdate<T> {
    fn macro_update(&self, f: impl FnOnce(&mut T));
}

impl<S: crate::SignalUpdate> MacroUpdate<S::Value> for S {
    #[cfg_attr(debug_assertions, track_caller)]
    fn macro_update(&self, f: impl FnOnce(&mut S::Value)) {
        crate::SignalUpdate::update(self, f)
    }
}

impl<T: 'static> MacroUpdate<T> for crate::StoredValue<T> {
    #[cfg_attr(debug_assertions, track_caller)]
    fn macro_update(&self, f: impl FnOnce(&mut T)) {
        self.update_value(f)
    }
}

/// A getter and a setter for one field (or nested field) of the value in an
/// [`RwSignal`](crate::RwSignal): `slice!(state.user.name)` is
/// `create_slice(state, |s| s.user.name.clone(), |s, n| s.user.name = n)`.
/// The getter is a memo, so readers of the field do not re-run when another
/// field changes. Tuple fields work too (`slice!(pair.0)`).
///
/// ```
/// use larkspur_reactive::*;
/// #[derive(Clone, Default)]
/// struct Settings { theme: String, volume: (u8, bool) }
/// let settings = create_rw_signal(Settings::default());
/// let (theme, set_theme) = slice!(settings.theme);
/// let (muted, set_muted) = slice!(settings.volume.1);
/// set_theme.set("dark".to_string());
/// set_muted.set(true);
/// assert_eq!(theme.get(), "dark");
/// assert!(muted.get());
/// assert_eq!(settings.with(|s| s.theme.clone()), "dark");
/// ```
#[macro_export]
macro_rules! slice {
    ($signal:ident $(. $field:tt)+) => {
        $crate::create_slice(
            $signal,
            |whole| whole $(. $field)+ .clone(),
            |whole, value| whole $(. $field)+ = value,
        )
    };
}

#[cfg(test)]
mod tests {
    use crate::*;

    /// An app's own signal-like type (thaw's `Model<T>`): `with!` and
    /// `update!` take anything with `SignalWith` / `SignalUpdate`.
    #[derive(Clone, Copy)]
    struct Model(RwSignal<i32>);

    impl SignalWith for Model {
        type Value = i32;
        fn with<R>(&self, f: impl FnOnce(&i32) -> R) -> R {
            self.0.with(f)
        }
        fn try_with<R>(&self, f: impl FnOnce(&i32) -> R) -> Option<R> {
            self.0.try_with(f)
        }
    }

    impl SignalUpdate for Model {
        type Value = i32;
        fn update(&self, f: impl FnOnce(&mut i32)) {
            self.0.update(f)
        }
        fn try_update<O>(&self, f: impl FnOnce(&mut i32) -> O) -> Option<O> {
            self.0.try_update(f)
        }
    }

    #[test]
    fn the_macros_take_any_signal_like_type() {
        let model = Model(create_rw_signal(1));
        let other = create_rw_signal(10);
        update!(|model| *model += 1);
        assert_eq!(with!(|model, other| *model + *other), 12);
    }

    #[test]
    fn move_closures_and_stored_values_as_in_leptos() {
        let a = create_rw_signal(2);
        let s = store_value(String::from("ab"));
        let n = with!(move |a, s| *a + s.len() as i32);
        assert_eq!(n, 4);
        update!(move |a, s| {
            *a += 1;
            s.push('c');
        });
        assert_eq!((a.get(), s.get_value()), (3, String::from("abc")));
    }
}
