//! [`SpecialNonReactiveZone`]: Leptos 0.6's marker for code that reads
//! signals outside any tracking scope on purpose.

use std::cell::Cell;

thread_local! {
    static DEPTH: Cell<u32> = const { Cell::new(0) };
}

/// Marks a stretch of code (an event callback, a timer) that reads signals
/// outside any tracking scope on purpose. Leptos 0.6 uses it to silence
/// its debug warning about such reads; Larkspur gives no such warning, so
/// the zone only records that it was entered ([`is_inside`]).
/// Libraries written for 0.6 (`leptos-use` wraps every callback in one)
/// compile unchanged.
///
/// [`is_inside`]: SpecialNonReactiveZone::is_inside
///
/// ```
/// use larkspur_reactive::SpecialNonReactiveZone;
///
/// assert!(!SpecialNonReactiveZone::is_inside());
/// {
///     let _zone = SpecialNonReactiveZone::enter();
///     assert!(SpecialNonReactiveZone::is_inside());
/// }
/// assert!(!SpecialNonReactiveZone::is_inside());
/// // The older two-call form.
/// let zone = SpecialNonReactiveZone::enter();
/// SpecialNonReactiveZone::exit(zone);
/// assert!(!SpecialNonReactiveZone::is_inside());
/// ```
#[doc(hidden)]
pub struct SpecialNonReactiveZone {}

/// Leaves the zone when dropped (from [`SpecialNonReactiveZone::enter`]).
#[doc(hidden)]
#[must_use = "the zone ends when this guard is dropped"]
pub struct SpecialNonReactiveZoneGuard(());

impl SpecialNonReactiveZone {
    /// Whether the current code runs inside a zone.
    pub fn is_inside() -> bool {
        DEPTH.with(|d| d.get() > 0)
    }

    /// Enters a zone until the guard is dropped (or passed to
    /// [`exit`](Self::exit)).
    pub fn enter() -> SpecialNonReactiveZoneGuard {
        DEPTH.with(|d| d.set(d.get() + 1));
        SpecialNonReactiveZoneGuard(())
    }

    /// Leaves the zone `enter` opened.
    pub fn exit(guard: SpecialNonReactiveZoneGuard) {
        drop(guard);
    }
}

impl Drop for SpecialNonReactiveZoneGuard {
    fn drop(&mut self) {
        DEPTH.with(|d| d.set(d.get().saturating_sub(1)));
    }
}
