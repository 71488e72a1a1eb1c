//! Call syntax on stable Rust: `count()`, `set_count(3)`, via `Deref` to `dyn Fn`.
//!
//! A handle cannot implement `Fn` on stable, but it can dereference to a
//! `dyn Fn() -> T`, and `count()` then calls through the deref. The trait
//! object needs a *value* implementing `Fn` whose lifetime is that of
//! `&self`. We build the closure `move || handle.get()`, whose only capture
//! is a copy of the handle, and reinterpret `&self` as a reference to that
//! closure type: the closure's bytes *are* a handle's bytes.
//!
//! See [`reinterpret`] for the soundness argument. `#[track_caller]` does not
//! pass through the closure, so in debug builds each `deref` records its
//! caller (the user's `count()`), and a disposed-handle report raised from
//! this file names that line instead.

use crate::callback::{Callable, Callback};
use crate::memo::Memo;
use crate::resource::Resource;
use crate::signal::{ReadSignal, RwSignal, WriteSignal};
use crate::slice::SignalSetter;
use crate::stored::StoredValue;
use crate::trigger::Trigger;
use crate::wrappers::{MaybeProp, MaybeSignal, Signal};
use std::ops::Deref;

/// This file, as `Location::file` names it: reports raised here take the
/// recorded call site (see `handle::reported_site`).
#[cfg(debug_assertions)]
pub(crate) const FILE: &str = file!();

/// Records the user's call site (debug builds).
macro_rules! record_site {
    () => {
        #[cfg(debug_assertions)]
        crate::handle::record_call_site(std::panic::Location::caller());
    };
}

/// Reinterprets a reference to a handle as a reference to a closure that
/// captured exactly one copy of that handle.
///
/// The compile-time assertions are evaluated per instantiation: if a future
/// compiler ever laid a closure out differently (added a field, captured by
/// reference), the crate stops compiling instead of misbehaving.
///
/// # Safety
///
/// `F` must be the type of a `move` closure whose only capture is a value of
/// type `H` (moved in whole), and `H` must be `Copy` without drop glue.
#[inline(always)]
pub unsafe fn reinterpret<H: Copy, F>(handle: &H, _witness: F) -> &F {
    const {
        assert!(std::mem::size_of::<F>() == std::mem::size_of::<H>());
        assert!(std::mem::align_of::<F>() == std::mem::align_of::<H>());
        // A closure over a `Copy` value has no drop glue; checked anyway so
        // that a capture of some other type can never be duplicated.
        assert!(!std::mem::needs_drop::<F>());
    }
    // SAFETY: the caller guarantees that `F` is a closure type whose single
    // field is the captured `H`. Closure captures are stored as fields of
    // the closure value, so `F` contains an `H` at some offset; because
    // `size_of::<F>() == size_of::<H>()` (asserted above, at compile time),
    // that field spans every byte of `F`, so it sits at offset 0 and `F` has
    // no other bytes (no padding, no extra state). Any valid `H` bit pattern
    // is therefore a valid `F`. The alignments are equal (asserted), so a
    // well-aligned `&H` is a well-aligned `&F`. The returned reference
    // borrows `handle`, so it cannot outlive it. Calling the closure only
    // reads the captured copy through `&self` (`Fn`), never writes it, and
    // since `H: Copy` neither type has drop glue, so no value is duplicated
    // or dropped twice. The witness closure passed by value is also `Copy`
    // and simply goes out of scope. A by-reference capture would be caught
    // by the assertions on every target (pointer and handle differ in size
    // on wasm32 and in alignment on 64-bit targets; `tests/call_syntax.rs`
    // checks both sizes on the host).
    unsafe { &*(handle as *const H).cast::<F>() }
}

/// The type `F` of the closure that `make` returns, without calling `make`
/// or building any value.
#[inline(always)]
pub(crate) fn closure_type<H, F, M: FnOnce(std::mem::ManuallyDrop<H>) -> F>(
    _make: &M,
) -> std::marker::PhantomData<F> {
    std::marker::PhantomData
}

/// [`reinterpret`] for a handle that is not `Copy` (`MaybeSignal<String>`
/// holds its value). The closure type comes from [`closure_type`]: a
/// closure that would capture a `ManuallyDrop<H>` is named, never built, so
/// no copy of the handle (and of a `Box` or `String` inside it) ever
/// exists beside the original.
///
/// # Safety
///
/// `F` must be the type of a `move` closure whose only capture is a
/// `ManuallyDrop<H>` (moved in whole) and which uses it only through a
/// shared reference.
#[inline(always)]
pub(crate) unsafe fn reinterpret_owned<H, F>(
    handle: &H,
    _closure: std::marker::PhantomData<F>,
) -> &F {
    const {
        assert!(std::mem::size_of::<F>() == std::mem::size_of::<H>());
        assert!(std::mem::align_of::<F>() == std::mem::align_of::<H>());
        assert!(!std::mem::needs_drop::<F>());
    }
    // SAFETY: as in `reinterpret`: `F`'s single field is a
    // `ManuallyDrop<H>`, which is `repr(transparent)` over `H`, and the
    // size and alignment assertions put it at offset 0 with no other bytes,
    // so `handle`'s bytes are a valid `F`. The returned reference borrows
    // `handle`; calling the closure only reads the value through `&`
    // (`Fn`). `F` has no drop glue (asserted), so nothing is ever dropped
    // through it; no other value of type `F` exists.
    unsafe { &*(handle as *const H).cast::<F>() }
}

macro_rules! deref_getter_owned {
    ($($ty:ident => $out:ty),*) => {$(
        impl<T: Clone + 'static> Deref for $ty<T> {
            type Target = dyn Fn() -> $out;

            #[cfg_attr(debug_assertions, track_caller)]
            fn deref(&self) -> &Self::Target {
                record_site!();
                // Never called: it only names the type of a `move` closure
                // capturing one `ManuallyDrop<$ty<T>>`.
                let make = |handle: std::mem::ManuallyDrop<$ty<T>>| move || handle.get();
                // SAFETY: that closure captures exactly one
                // `ManuallyDrop<$ty<T>>`, used through `&`; see
                // `reinterpret_owned`.
                let closure = closure_type(&make);
                let call = unsafe { reinterpret_owned(self, closure) };
                call
            }
        }
    )*};
}

deref_getter_owned!(MaybeSignal => T, MaybeProp => Option<T>);

macro_rules! deref_getter {
    ($($ty:ident),*) => {$(
        impl<T: Clone + 'static> Deref for $ty<T> {
            type Target = dyn Fn() -> T;

            #[cfg_attr(debug_assertions, track_caller)]
            fn deref(&self) -> &Self::Target {
                record_site!();
                let handle = *self;
                let witness = move || handle.get();
                // SAFETY: `witness` is a `move` closure capturing exactly one
                // `$ty<T>` (a `Copy` handle without drop glue); see `reinterpret`.
                unsafe { reinterpret(self, witness) }
            }
        }
    )*};
}

deref_getter!(ReadSignal, RwSignal, Memo, Signal);

/// `stored()` is `stored.get_value()`, as Leptos 0.6 has it on nightly.
impl<T: Clone + 'static> Deref for StoredValue<T> {
    type Target = dyn Fn() -> T;

    #[cfg_attr(debug_assertions, track_caller)]
    fn deref(&self) -> &Self::Target {
        record_site!();
        let handle = *self;
        let witness = move || handle.get_value();
        // SAFETY: `witness` is a `move` closure capturing exactly one
        // `StoredValue<T>` (a `Copy` handle without drop glue); see
        // `reinterpret`.
        unsafe { reinterpret(self, witness) }
    }
}

/// `trigger()` is `trigger.track()`, as Leptos 0.6 has it on nightly.
///
/// ```
/// use larkspur_reactive::*;
/// let trigger = create_trigger();
/// let runs = std::rc::Rc::new(std::cell::Cell::new(0));
/// let seen = runs.clone();
/// create_render_effect(move |_| {
///     trigger();
///     seen.set(seen.get() + 1);
/// });
/// trigger.notify();
/// assert_eq!(runs.get(), 2);
/// ```
impl Deref for Trigger {
    type Target = dyn Fn();

    #[cfg_attr(debug_assertions, track_caller)]
    fn deref(&self) -> &Self::Target {
        record_site!();
        let handle = *self;
        let witness = move || handle.track();
        // SAFETY: `witness` is a `move` closure capturing exactly one
        // `Trigger` (a `Copy` handle without drop glue); see `reinterpret`.
        unsafe { reinterpret(self, witness) }
    }
}

macro_rules! deref_setter {
    ($($ty:ident),*) => {$(
        impl<T: 'static> Deref for $ty<T> {
            type Target = dyn Fn(T);

            #[cfg_attr(debug_assertions, track_caller)]
            fn deref(&self) -> &Self::Target {
                record_site!();
                let handle = *self;
                let witness = move |value: T| handle.set(value);
                // SAFETY: `witness` is a `move` closure capturing exactly one
                // `$ty<T>` (a `Copy` handle, or enum of handles, without drop
                // glue); see `reinterpret`.
                unsafe { reinterpret(self, witness) }
            }
        }
    )*};
}

deref_setter!(WriteSignal, SignalSetter);

/// Call syntax: `on_select(item)` is `on_select.call(item)`, as Leptos 0.6
/// has it on nightly (see `larkspur_reactive`'s `call.rs` for how it works
/// on stable).
///
/// ```
/// use larkspur_reactive::*;
/// let double = Callback::new(|n: i32| n * 2);
/// assert_eq!(double(21), 42);
/// ```
impl<In: 'static, Out: 'static> std::ops::Deref for Callback<In, Out> {
    type Target = dyn Fn(In) -> Out;

    #[cfg_attr(debug_assertions, track_caller)]
    fn deref(&self) -> &Self::Target {
        record_site!();
        let handle = *self;
        let witness = move |input: In| handle.call(input);
        // SAFETY: `witness` is a `move` closure capturing exactly one
        // `Callback<In, Out>` (a `Copy` handle without drop glue): the
        // contract of `larkspur_reactive`'s `reinterpret`, whose
        // compile-time checks (same size and alignment, no drop glue) apply
        // here too.
        unsafe { reinterpret(self, witness) }
    }
}

/// Call syntax: `user()` is `user.get()`, as Leptos 0.6 has it on nightly
/// (see `larkspur_reactive`'s `call.rs` for how it works on stable).
impl<S: Clone + 'static, T: Clone + 'static> std::ops::Deref for Resource<S, T> {
    type Target = dyn Fn() -> Option<T>;

    #[cfg_attr(debug_assertions, track_caller)]
    fn deref(&self) -> &Self::Target {
        record_site!();
        let handle = *self;
        let witness = move || handle.get();
        // SAFETY: `witness` is a `move` closure capturing exactly one
        // `Resource<S, T>` (a `Copy` struct of handles without drop glue):
        // the contract of `larkspur_reactive`'s `reinterpret`, whose
        // compile-time checks (same size and alignment, no drop glue) apply
        // here too.
        unsafe { reinterpret(self, witness) }
    }
}

/// Size of the closure the `Deref` impls build, for tests (equals the
/// handle's size by construction).
#[doc(hidden)]
pub fn closure_size_of_read<T: Clone + 'static>(handle: ReadSignal<T>) -> (usize, usize) {
    let witness = move || handle.get();
    (
        std::mem::size_of_val(&witness),
        std::mem::size_of::<ReadSignal<T>>(),
    )
}
