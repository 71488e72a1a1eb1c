//! [`ValueCell`]: the `RefCell` that signals, stored values, memos and
//! effects keep their values in, whose borrows a recovery after a panic
//! can release.
//!
//! On `wasm32-unknown-unknown` a panic abandons the running call without
//! running destructors. A panic inside `update(|v| ..)`, inside a `with`
//! closure or inside a memo's computation would leave that value's
//! `RefCell` borrowed for ever: every later write of the signal (or
//! recomputation of the memo) would fail, and the app would ignore input.
//! The runtime's reset after a panic (`Runtime::reset_after_abort`, run in
//! a microtask, when no wasm frame is live) calls [`Payload::release`] on
//! every node, which sets each count back to zero: the borrows it drops
//! belong to frames that can never run again. The value is what the
//! abandoned closure left in it (always a valid `T`).
//!
//! [`Payload::release`]: crate::runtime::Payload::release

use std::cell::{Cell, UnsafeCell};
use std::ops::{Deref, DerefMut};

/// A `RefCell` whose borrow count can be reset (see the module docs).
pub(crate) struct ValueCell<T> {
    /// Shared borrows (> 0), a mutable one (-1), or none (0).
    borrows: Cell<isize>,
    value: UnsafeCell<T>,
}

impl<T> ValueCell<T> {
    pub(crate) const fn new(value: T) -> Self {
        ValueCell {
            borrows: Cell::new(0),
            value: UnsafeCell::new(value),
        }
    }

    /// A shared borrow, unless the value is borrowed mutably.
    #[inline]
    pub(crate) fn try_borrow(&self) -> Option<ValueRef<'_, T>> {
        let n = self.borrows.get();
        if n < 0 {
            return None;
        }
        // Wrapping: `isize::MAX` borrows (only leaked guards could make
        // them) wrap to "borrowed mutably", which refuses every borrow.
        self.borrows.set(n.wrapping_add(1));
        Some(ValueRef { cell: self })
    }

    /// The mutable borrow, unless the value is borrowed at all.
    #[inline]
    pub(crate) fn try_borrow_mut(&self) -> Option<ValueMut<'_, T>> {
        if self.borrows.get() != 0 {
            return None;
        }
        self.borrows.set(-1);
        Some(ValueMut { cell: self })
    }

    /// [`try_borrow`](Self::try_borrow) of a cell the framework knows is
    /// not borrowed mutably.
    #[inline]
    #[cfg_attr(debug_assertions, track_caller)]
    pub(crate) fn borrow(&self) -> ValueRef<'_, T> {
        self.try_borrow().invariant_borrow()
    }

    /// [`try_borrow_mut`](Self::try_borrow_mut) of a cell the framework
    /// knows is not borrowed.
    #[inline]
    #[cfg_attr(debug_assertions, track_caller)]
    pub(crate) fn borrow_mut(&self) -> ValueMut<'_, T> {
        self.try_borrow_mut().invariant_borrow()
    }

    /// Forgets every borrow: for the reset after a panic only, when the
    /// frames that held them are gone for good.
    pub(crate) fn release(&self) {
        self.borrows.set(0);
    }
}

trait InvariantBorrow<T> {
    fn invariant_borrow(self) -> T;
}

impl<T> InvariantBorrow<T> for Option<T> {
    #[inline]
    #[cfg_attr(debug_assertions, track_caller)]
    fn invariant_borrow(self) -> T {
        match self {
            Some(b) => b,
            None => crate::runtime::busy(),
        }
    }
}

/// A shared borrow of a [`ValueCell`].
pub(crate) struct ValueRef<'a, T> {
    cell: &'a ValueCell<T>,
}

impl<T> Deref for ValueRef<'_, T> {
    type Target = T;

    #[inline]
    fn deref(&self) -> &T {
        // SAFETY: the count records this shared borrow: no mutable one can
        // be taken while it lives.
        unsafe { &*self.cell.value.get() }
    }
}

impl<T> Drop for ValueRef<'_, T> {
    #[inline]
    fn drop(&mut self) {
        // At least this borrow is counted: a reset never runs while a
        // guard is live (see the module docs).
        self.cell
            .borrows
            .set(self.cell.borrows.get().wrapping_sub(1));
    }
}

/// The mutable borrow of a [`ValueCell`].
pub(crate) struct ValueMut<'a, T> {
    cell: &'a ValueCell<T>,
}

impl<T> Deref for ValueMut<'_, T> {
    type Target = T;

    #[inline]
    fn deref(&self) -> &T {
        // SAFETY: the count (-1) records this exclusive borrow.
        unsafe { &*self.cell.value.get() }
    }
}

impl<T> DerefMut for ValueMut<'_, T> {
    #[inline]
    fn deref_mut(&mut self) -> &mut T {
        // SAFETY: as for `deref`; `&mut self` makes it unique.
        unsafe { &mut *self.cell.value.get() }
    }
}

impl<T> Drop for ValueMut<'_, T> {
    #[inline]
    fn drop(&mut self) {
        self.cell.borrows.set(0);
    }
}

#[cfg(test)]
mod tests {
    use super::ValueCell;

    #[test]
    fn borrows_exclude_each_other_and_release_frees_them() {
        let cell = ValueCell::new(1);
        let a = cell.try_borrow().unwrap();
        let b = cell.try_borrow().unwrap();
        assert!(cell.try_borrow_mut().is_none());
        drop((a, b));
        let mut m = cell.try_borrow_mut().unwrap();
        *m = 2;
        assert!(cell.try_borrow().is_none());
        // What an abandoned frame leaves: a borrow never given back.
        std::mem::forget(m);
        assert!(cell.try_borrow_mut().is_none());
        cell.release();
        assert_eq!(*cell.borrow(), 2);
        std::mem::forget(cell.try_borrow().unwrap());
        cell.release();
        *cell.borrow_mut() = 3;
        assert_eq!(*cell.borrow(), 3);
    }
}
