//! [`ScopedFuture`]: a future that runs under a reactive owner and stops
//! when that owner is disposed (Leptos 0.6).

use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};

use crate::owner::{try_with_owner, Owner};

/// A future polled under `owner`: what it creates after an `.await`
/// belongs to that owner, and it reads that owner's contexts. Once the
/// owner is disposed it is no longer polled and resolves to `None`;
/// otherwise it resolves to `Some` of the inner future's output.
///
/// ```
/// use larkspur_reactive::*;
/// let owner = Owner::new_child();
/// let scoped = ScopedFuture::new(owner, async { 1 });
/// # let _ = scoped;
/// ```
pub struct ScopedFuture<Fut: Future> {
    owner: Owner,
    future: Pin<Box<Fut>>,
}

/// Why a [`ScopedFuture`] could not be made.
///
/// ```
/// use larkspur_reactive::*;
/// // Outside any owner there is nothing to scope the future to.
/// let err = ScopedFuture::new_current(async {}).err();
/// assert_eq!(err, Some(ScopedFutureError::NoCurrentOwner));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ScopedFutureError {
    /// There is no current owner to scope the future to.
    NoCurrentOwner,
}

impl std::fmt::Display for ScopedFutureError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("tried to spawn a scoped future without a current reactive owner")
    }
}

impl std::error::Error for ScopedFutureError {}

impl<Fut: Future> ScopedFuture<Fut> {
    /// Scopes `fut` to `owner`.
    pub fn new(owner: Owner, fut: Fut) -> Self {
        ScopedFuture {
            owner,
            future: Box::pin(fut),
        }
    }

    /// Scopes `fut` to the current owner, or fails if there is none.
    ///
    /// ```
    /// use larkspur_reactive::*;
    /// assert!(create_root(|_| ScopedFuture::new_current(async {}).is_ok()));
    /// ```
    pub fn new_current(fut: Fut) -> Result<Self, ScopedFutureError> {
        Owner::current()
            .map(|owner| ScopedFuture::new(owner, fut))
            .ok_or(ScopedFutureError::NoCurrentOwner)
    }
}

impl<Fut: Future> Future for ScopedFuture<Fut> {
    type Output = Option<Fut::Output>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let this = self.get_mut();
        let future = this.future.as_mut();
        match try_with_owner(this.owner, move || future.poll(cx)) {
            Ok(Poll::Ready(value)) => Poll::Ready(Some(value)),
            Ok(Poll::Pending) => Poll::Pending,
            Err(_) => Poll::Ready(None),
        }
    }
}
