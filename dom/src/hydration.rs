//! Leptos 0.6's hydration context, for client-side code that uses it.
//!
//! Larkspur renders on the client only and never hydrates, so
//! [`HydrationCtx`] answers as a client-side-rendered Leptos 0.6 app does:
//! `is_hydrating()` is false, and the key functions count as 0.6's do, so
//! code that saves and restores the key (a custom error boundary copied
//! from 0.6's `ErrorBoundary`: `let key = HydrationCtx::next_error(); …
//! HydrationCtx::continue_from(key);`) compiles and runs unchanged. The key
//! names nothing in the page here.

use std::cell::Cell;
use std::fmt;

/// A position in the view tree as Leptos 0.6 numbers it for hydration; here
/// only a value that the [`HydrationCtx`] functions hand out and take back.
///
/// ```
/// use larkspur_dom::{HydrationCtx, HydrationKey};
/// let before: HydrationKey = HydrationCtx::next_error();
/// HydrationCtx::continue_from(before);
/// assert_eq!(HydrationCtx::peek_always(), before);
/// ```
#[derive(Debug, Copy, Clone, PartialEq, Eq, Hash, Default, PartialOrd, Ord)]
pub struct HydrationKey {
    /// The outlet count.
    pub outlet: usize,
    /// The component count.
    pub fragment: usize,
    /// The error boundary count.
    pub error: usize,
    /// The node count within the component.
    pub id: usize,
}

impl fmt::Display for HydrationKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}-{}-{}-{}",
            self.outlet, self.fragment, self.error, self.id
        )
    }
}

thread_local! {
    static KEY: Cell<HydrationKey> = const {
        Cell::new(HydrationKey { outlet: 0, fragment: 0, error: 0, id: 0 })
    };
}

/// Changes the current key with `f` and returns the new one.
fn advance(f: impl FnOnce(&mut HydrationKey)) -> HydrationKey {
    KEY.with(|key| {
        let mut next = key.get();
        f(&mut next);
        key.set(next);
        next
    })
}

/// Leptos 0.6's hydration context (see the module documentation).
///
/// ```
/// assert!(!larkspur_dom::HydrationCtx::is_hydrating());
/// ```
pub struct HydrationCtx;

impl HydrationCtx {
    /// Always `false`: nothing is ever hydrated.
    pub fn is_hydrating() -> bool {
        false
    }

    /// Does nothing (there is no hydration to stop).
    pub fn stop_hydrating() {}

    /// The current key.
    pub fn peek() -> Option<HydrationKey> {
        Some(Self::peek_always())
    }

    /// The current key.
    pub fn peek_always() -> HydrationKey {
        KEY.with(Cell::get)
    }

    /// The next node's key.
    pub fn id() -> Option<HydrationKey> {
        Some(advance(|k| k.id = k.id.wrapping_add(1)))
    }

    /// The key of the next component.
    pub fn next_component() -> HydrationKey {
        advance(|k| {
            k.fragment = k.fragment.wrapping_add(1);
            k.id = 0;
        })
    }

    /// The key of the next outlet.
    pub fn next_outlet() -> HydrationKey {
        advance(|k| {
            k.outlet = k.outlet.wrapping_add(1);
            k.id = 0;
        })
    }

    /// The key of the next error boundary.
    pub fn next_error() -> HydrationKey {
        advance(|k| {
            k.error = k.error.wrapping_add(1);
            k.id = 0;
        })
    }

    /// Makes `id` the current key again.
    pub fn continue_from(id: HydrationKey) {
        KEY.with(|key| key.set(id));
    }

    /// Makes the key after `id` the current one.
    pub fn continue_after(id: HydrationKey) {
        KEY.with(|key| {
            key.set(HydrationKey {
                id: id.id.wrapping_add(1),
                ..id
            })
        });
    }

    /// The key as Leptos 0.6 writes it into a hydration marker.
    pub fn to_string(id: &HydrationKey, closing: bool) -> String {
        format!("{id}{}", if closing { 'c' } else { 'o' })
    }
}
