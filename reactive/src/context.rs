//! Context: values provided on an owner and found by walking up the owner chain.

use crate::runtime::with_runtime;
use std::any::{Any, TypeId};
use std::rc::Rc;

/// Provides `value` to the current owner and everything below it, shadowing
/// a value of the same type provided higher up. Outside any owner it has
/// nowhere to live and is dropped with a debug warning.
///
/// ```
/// use larkspur_reactive::*;
/// create_root(|_| {
///     provide_context(String::from("dark"));
///     assert_eq!(use_context::<String>().as_deref(), Some("dark"));
/// });
/// ```
pub fn provide_context<T: Clone + 'static>(value: T) {
    with_runtime(|rt| {
        let owner = rt.owner.get();
        let mut arena = rt.arena.borrow_mut();
        let Some(node) = owner.and_then(|o| arena.get_mut(o)) else {
            drop(arena);
            rt.warn("larkspur-reactive: provide_context called outside any owner; ignored");
            return;
        };
        let key = TypeId::of::<T>();
        let boxed: Rc<dyn Any> = Rc::new(value);
        let contexts = node
            .owned_mut()
            .contexts
            .get_or_insert_with(Default::default);
        let old = match contexts.iter_mut().find(|(k, _)| *k == key) {
            Some(entry) => Some(std::mem::replace(&mut entry.1, boxed)),
            None => {
                contexts.push((key, boxed));
                None
            }
        };
        drop(arena);
        drop(old);
    });
}

/// Finds the nearest value of type `T` provided by the current owner or one
/// of its ancestors, and clones it.
///
/// ```
/// use larkspur_reactive::*;
/// create_root(|_| {
///     provide_context(1u32);
///     let inner = Owner::new_child();
///     inner.with(|| {
///         assert_eq!(use_context::<u32>(), Some(1));
///         provide_context(2u32); // shadows
///         assert_eq!(use_context::<u32>(), Some(2));
///     });
///     assert_eq!(use_context::<u32>(), Some(1));
/// });
/// ```
pub fn use_context<T: Clone + 'static>() -> Option<T> {
    // The entry is found (and its `Rc` cloned) with the arena borrowed; the
    // value itself is cloned after the borrow ends, since a `Clone` impl
    // may read signals or make nodes.
    let found = with_runtime(|rt| {
        let key = TypeId::of::<T>();
        let arena = rt.arena.borrow();
        let mut current = rt.owner.get();
        while let Some(id) = current {
            let node = arena.get(id)?;
            let found = node
                .owned
                .as_ref()
                .and_then(|o| o.contexts.as_ref()?.iter().find(|(k, _)| *k == key));
            if let Some((_, value)) = found {
                return Some(value.clone());
            }
            current = node.owner.get();
        }
        None
    })?;
    found.downcast_ref::<T>().cloned()
}

/// Like [`use_context`], but panics (naming the type and the caller's
/// location) when no value was provided.
///
/// ```
/// use larkspur_reactive::*;
/// create_root(|_| {
///     provide_context(5i64);
///     assert_eq!(expect_context::<i64>(), 5);
/// });
/// ```
#[track_caller]
pub fn expect_context<T: Clone + 'static>() -> T {
    match use_context::<T>() {
        Some(v) => v,
        None => panic!(
            "larkspur-reactive: expect_context::<{}>() found no context of that type \
             (called at {}). Provide it with provide_context in an owner above this one.",
            std::any::type_name::<T>(),
            std::panic::Location::caller()
        ),
    }
}
