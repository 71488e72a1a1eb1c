//! Memos: cached computations that notify subscribers only when their value changes.

use crate::access::impl_reader;
use crate::graph::update_if_necessary;
use crate::handle::Handle;
use crate::runtime::{with_runtime, Kind, Payload};
use crate::signal::copy_handle;
use crate::value_cell::ValueCell;
use std::any::Any;
use std::marker::PhantomData;
use std::rc::Rc;

/// A derived value that is recomputed when its sources change and notifies
/// its own subscribers only when the new value differs (`PartialEq`).
///
/// ```
/// use larkspur_reactive::*;
/// let (a, set_a) = create_signal(2);
/// let even = create_memo(move |_| a() % 2 == 0);
/// set_a(4); // even stays `true`: subscribers of `even` are not re-run
/// assert!(even());
/// ```
pub struct Memo<T: 'static> {
    pub(crate) h: Handle,
    pub(crate) ty: PhantomData<fn() -> T>,
}

copy_handle!(Memo);

impl<T: PartialEq + 'static> Memo<T> {
    /// [`create_memo`], as an associated function (`Memo::new`).
    ///
    /// ```
    /// use larkspur_reactive::*;
    /// let (count, _) = create_signal(2);
    /// let double = Memo::new(move |_| count.get() * 2);
    /// assert_eq!(double.get(), 4);
    /// ```
    #[cfg_attr(debug_assertions, track_caller)]
    pub fn new(f: impl Fn(Option<&T>) -> T + 'static) -> Self {
        create_memo(f)
    }
}

impl<T: 'static> Memo<T> {
    /// [`create_owning_memo`], as an associated function
    /// (`Memo::new_owning`).
    ///
    /// ```
    /// use larkspur_reactive::*;
    /// let (name, set_name) = create_signal("a".to_string());
    /// let upper = Memo::new_owning(move |old: Option<String>| {
    ///     let next = name.with(|n| n.to_uppercase());
    ///     let changed = old.as_deref() != Some(next.as_str());
    ///     (next, changed)
    /// });
    /// set_name("b".to_string());
    /// assert_eq!(upper.get(), "B");
    /// ```
    #[cfg_attr(debug_assertions, track_caller)]
    pub fn new_owning(f: impl Fn(Option<T>) -> (T, bool) + 'static) -> Self {
        create_owning_memo(f)
    }
}

/// Creates a memo owned by the current owner. The closure receives the
/// previous value (`None` the first time). Memos compute once, right away,
/// and then only when a source changed and someone reads them.
///
/// ```
/// use larkspur_reactive::*;
/// let (name, set_name) = create_signal("Alice");
/// let name_upper = create_memo(move |_| name.with(|n| n.to_uppercase()));
/// set_name("Bob");
/// assert_eq!(name_upper(), "BOB");
/// ```
#[cfg_attr(debug_assertions, track_caller)]
pub fn create_memo<T: PartialEq + 'static>(f: impl Fn(Option<&T>) -> T + 'static) -> Memo<T> {
    new_memo(Rc::new(MemoPayload {
        value: ValueCell::new(None),
        f,
    }))
}

/// Registers a memo node with its payload and computes it once. One
/// concrete function for every memo type: only the payload is generic.
#[cfg_attr(debug_assertions, track_caller)]
fn new_memo<T>(payload: Rc<dyn Payload>) -> Memo<T> {
    #[cfg(debug_assertions)]
    let site = std::panic::Location::caller();
    let id = with_runtime(|rt| {
        rt.memo_recovery.set(Some(crate::runtime::Arena::settle));
        let id = rt.create_node(
            Kind::Memo,
            Some(payload),
            rt.owner.get(),
            #[cfg(debug_assertions)]
            site,
        );
        update_if_necessary(rt, id);
        id
    });
    Memo {
        h: Handle::at(
            id,
            #[cfg(debug_assertions)]
            site,
        ),
        ty: PhantomData,
    }
}

/// A memo's value cell and computation, in one allocation.
struct MemoPayload<T, F> {
    value: ValueCell<Option<T>>,
    f: F,
}

impl<T: PartialEq + 'static, F: Fn(Option<&T>) -> T + 'static> Payload for MemoPayload<T, F> {
    fn value(&self) -> &dyn Any {
        &self.value
    }

    fn release(&self) {
        self.value.release()
    }

    fn run(&self) -> bool {
        let new = {
            let old = self.value.borrow();
            (self.f)(old.as_ref())
        };
        let Some(mut old) = self.value.try_borrow_mut() else {
            crate::access::memo_write_during_read()
        };
        if old.as_ref() == Some(&new) {
            false
        } else {
            let previous = old.replace(new);
            drop(old);
            drop(previous);
            true
        }
    }
}

impl_reader!(
    Memo,
    "memo",
    memo_value,
    open_memo,
    "let s = create_memo(|_| 5);"
);

/// Like [`create_memo`], but the closure receives the previous value *by
/// value* and says itself whether it changed: `f(previous) -> (new,
/// changed)`. Useful when the value is expensive to clone or compare (a
/// large `Vec` can be updated in place), and `T` needs no `PartialEq`.
///
/// ```
/// use larkspur_reactive::*;
/// let (item, set_item) = create_signal(1);
/// let all = create_owning_memo(move |previous: Option<Vec<i32>>| {
///     let mut all = previous.unwrap_or_default();
///     all.push(item());
///     (all, true)
/// });
/// set_item(2);
/// assert_eq!(all.get(), vec![1, 2]);
/// ```
#[cfg_attr(debug_assertions, track_caller)]
pub fn create_owning_memo<T: 'static>(f: impl Fn(Option<T>) -> (T, bool) + 'static) -> Memo<T> {
    new_memo(Rc::new(OwningMemoPayload {
        value: ValueCell::new(None),
        f,
    }))
}

/// An owning memo's value cell (same shape as [`MemoPayload`]'s, so reads
/// go through the same code) and computation.
struct OwningMemoPayload<T, F> {
    value: ValueCell<Option<T>>,
    f: F,
}

impl<T: 'static, F: Fn(Option<T>) -> (T, bool) + 'static> Payload for OwningMemoPayload<T, F> {
    fn value(&self) -> &dyn Any {
        &self.value
    }

    fn release(&self) {
        self.value.release()
    }

    fn run(&self) -> bool {
        let Some(mut value) = self.value.try_borrow_mut() else {
            crate::access::memo_write_during_read()
        };
        let previous = value.take();
        drop(value);
        let first = previous.is_none();
        let (new, changed) = (self.f)(previous);
        *self.value.borrow_mut() = Some(new);
        // The first value always counts as a change, as for `create_memo`.
        changed || first
    }
}
