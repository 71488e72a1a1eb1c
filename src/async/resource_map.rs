//! [`Resource::map`] and [`Resource::and_then`]: reading a resource's value through a function.

use crate::resource::Resource;

impl<S: Clone + 'static, T: 'static> Resource<S, T> {
    /// Applies `f` to the loaded value (tracked): `None` while nothing has
    /// loaded yet. The same as [`Resource::with`], under Leptos 0.6's name.
    ///
    /// ```no_run
    /// use larkspur::*;
    /// let user = create_resource(|| 1, |id| async move { format!("user {id}") });
    /// let name_len = move || user.map(|name| name.len());
    /// ```
    pub fn map<U>(&self, f: impl FnOnce(&T) -> U) -> Option<U> {
        self.with(f)
    }
}

impl<S: Clone + 'static, T: 'static, E: Clone + 'static> Resource<S, Result<T, E>> {
    /// For a resource of `Result`s: applies `f` to the `Ok` value, passing
    /// an `Err` through (cloned). `None` while nothing has loaded yet.
    ///
    /// ```no_run
    /// use larkspur::*;
    /// let n = create_resource(|| "42", |s| async move { s.parse::<i32>() });
    /// let doubled = move || n.and_then(|n| n * 2); // Option<Result<i32, ParseIntError>>
    /// ```
    pub fn and_then<U>(&self, f: impl FnOnce(&T) -> U) -> Option<Result<U, E>> {
        self.with(|value| match value {
            Ok(v) => Ok(f(v)),
            Err(e) => Err(e.clone()),
        })
    }
}
