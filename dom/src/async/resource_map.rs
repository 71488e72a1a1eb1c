//! [`Resource::map`], [`Resource::and_then`] and the untracked reads: a resource's value read through a function or without subscribing.

use larkspur_reactive::untrack;

use crate::resource::Resource;

impl<S: Clone + 'static, T: 'static> Resource<S, T> {
    /// Applies `f` to the loaded value (tracked): `None` while nothing has
    /// loaded yet. ([`Resource::with`] passes the `Option` itself.)
    ///
    /// ```no_run
    /// use larkspur::*;
    /// let user = create_resource(|| 1, |id| async move { format!("user {id}") });
    /// let name_len = move || user.map(|name| name.len());
    /// ```
    #[cfg_attr(debug_assertions, track_caller)]
    pub fn map<U>(&self, f: impl FnOnce(&T) -> U) -> Option<U> {
        self.with(|v| v.as_ref().map(f))
    }

    /// Clones the loaded value without tracking it (`None` while loading
    /// for the first time).
    ///
    /// ```no_run
    /// use larkspur::*;
    /// let r = create_resource(|| (), |_| async { 1 });
    /// let now = r.get_untracked();
    /// ```
    #[cfg_attr(debug_assertions, track_caller)]
    pub fn get_untracked(&self) -> Option<T>
    where
        T: Clone,
    {
        untrack(|| self.get())
    }

    /// Applies `f` to the value (`&None` while nothing has loaded yet)
    /// without tracking it, as Leptos 0.6.
    ///
    /// ```no_run
    /// use larkspur::*;
    /// let r = create_resource(|| (), |_| async { vec![1, 2] });
    /// let len = r.with_untracked(|v| v.as_ref().map_or(0, |v| v.len()));
    /// ```
    #[cfg_attr(debug_assertions, track_caller)]
    pub fn with_untracked<O>(&self, f: impl FnOnce(&Option<T>) -> O) -> O {
        untrack(|| self.with(f))
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
    #[cfg_attr(debug_assertions, track_caller)]
    pub fn and_then<U>(&self, f: impl FnOnce(&T) -> U) -> Option<Result<U, E>> {
        self.map(|value| match value {
            Ok(v) => Ok(f(v)),
            Err(e) => Err(e.clone()),
        })
    }
}
