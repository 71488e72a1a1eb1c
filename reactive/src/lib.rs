//! Fine-grained reactive core of Larkspur: signals, memos, effects and an
//! ownership tree, single-threaded and allocation-free in steady state.
//!
//! ```
//! use larkspur_reactive::*;
//!
//! let (name, set_name) = create_signal("Alice");
//! let name_upper = create_memo(move |_| name.with(|n| n.to_uppercase()));
//! let name_len = create_memo(move |_| name.len());
//! let log = std::rc::Rc::new(std::cell::RefCell::new(Vec::new()));
//! let l = log.clone();
//! create_render_effect(move |_| l.borrow_mut().push(format!("{} {}", name_upper(), name_len())));
//! set_name("Bob");
//! assert_eq!(*log.borrow(), ["ALICE 5", "BOB 3"]);
//! ```
//!
//! The algorithm is described at the top of `src/graph.rs`.
//!
//! # Scheduling
//!
//! * [`create_render_effect`] runs right away, and again synchronously after
//!   every write to something it read.
//! * [`create_effect`] runs its first time at the next [`flush`] ("a tick
//!   after the rest of the component"), then like a render effect. In the
//!   browser, [`set_scheduler`] installs a hook that the runtime calls once
//!   when the first deferred effect is queued and no flush is pending; the
//!   hook queues a microtask that calls [`flush`]. Natively, with no hook
//!   installed, there is no microtask to wait for: the first run happens at
//!   once, as Leptos 0.6 does outside the browser.
//! * Effects re-run in creation order, at most once per write or [`batch`]
//!   (a `create_effect` counts as created at its first run, after the
//!   render effects of the view built beside it, as in 0.6).
//!   An older (parent) effect therefore re-runs before the effects it
//!   created, and disposes them before they would run needlessly.
//! * Writes inside effects are allowed; they settle in the same flush. An
//!   effect loop that never settles panics with the nodes' creation sites.
//!
//! # Ownership
//!
//! Every node is owned by the owner current when it was created: a memo or
//! effect while it runs, an [`Owner`] inside [`Owner::with`], or nothing
//! (then only an explicit `dispose` frees it). Disposing an owner (or
//! re-running an effect or memo) first disposes everything it owns, each
//! child's own children before that child's cleanups, then runs the owner's
//! [`on_cleanup`]s in registration order; signals are freed only after all
//! those cleanups ran, so cleanups may still read them.
//!
//! For a renderer keeping one scope per list row, create the row owners
//! under a *stable* owner, not under the effect that reconciles the list
//! (that effect's next run would dispose every row):
//!
//! ```
//! use larkspur_reactive::*;
//! let rows_owner = Owner::new_child(); // created once, next to the list
//! let row = rows_owner.with(Owner::new_child); // one per row
//! let label = row.with(|| create_rw_signal("row 1"));
//! row.dispose(); // removing the row: its effects, signals, cleanups
//! assert_eq!(label.try_get(), None);
//! ```
//!
//! # Async
//!
//! [`create_resource`] loads data through a future whenever its source
//! changes; a `Suspense` (in `larkspur`) counts the loading resources read
//! under it through the [`SuspenseContext`] it provides. [`spawn_local`]
//! runs a future: in the browser on the microtask queue
//! (`wasm-bindgen-futures`), natively to completion before it returns.
//!
//! # Diagnostics
//!
//! Debug builds record where every node was created (`#[track_caller]`).
//! Reading a disposed signal with `get`/`with` panics naming where it was
//! created and where it was read; `try_*` return `None`; writing a disposed
//! signal is ignored with a warning sent to [`set_warning_hook`]'s sink.
#![deny(missing_docs)]

mod access;
mod call;
pub mod callback;
mod context;
mod effect;
mod fast_hash;
mod graph;
#[cfg(test)]
mod graph_check;
mod handle;
mod key_map;
mod len;
mod local;
mod macros;
mod memo;
pub mod oco;
mod owner;
mod resource;
mod runtime;
mod runtime_id;
mod scheduler;
mod scoped_future;
mod selector;
#[cfg(feature = "serde")]
mod serde_impls;
mod signal;
mod slice;
mod source;
mod stored;
mod stream;
mod suspense_context;
mod text_prop;
mod traits;
mod trigger;
mod value_cell;
mod watch;
mod wrappers;
mod zone;

#[doc(hidden)]
pub use call::closure_size_of_read;
/// For call syntax on other `Copy` handles (`NodeRef`): see the safety
/// contract in `call.rs`.
#[doc(hidden)]
pub use call::reinterpret as __reinterpret_handle;
pub use callback::{Callable, Callback, SyncCallback};
pub use context::{
    context_root, dispose_page_root, expect_context, provide_context, set_context_owner,
    set_context_root, unset_context_root, use_context, with_context_owner,
};
pub use effect::{
    create_effect, create_isomorphic_effect, create_render_effect, create_view_effect, Effect,
};
#[doc(hidden)]
pub use fast_hash::{FastHashMap, FastHasher};
#[doc(hidden)]
pub use key_map::KeyMap;
pub use len::HasLen;
#[cfg(all(target_family = "wasm", not(target_feature = "atomics")))]
#[doc(hidden)]
pub use local::SingleThreaded as __SingleThreaded;
#[doc(hidden)]
pub use macros::{MacroUpdate, MacroWith};
pub use memo::{create_memo, create_owning_memo, Memo};
pub use oco::Oco;
#[doc(hidden)]
pub use owner::on_cleanup_raw;
pub use owner::{
    as_child_of_current_owner, create_root, on_cleanup, run_as_child, try_with_owner,
    with_current_owner, with_owner, Disposer, Owner, ReactiveSystemError,
};
pub use resource::{
    create_blocking_resource, create_local_resource, create_local_resource_with_initial_value,
    create_resource, create_resource_with_initial_value, spawn_local,
    spawn_local_with_current_owner, spawn_local_with_owner, try_spawn_local_with_current_owner,
    try_spawn_local_with_owner, Resource,
};
#[doc(hidden)]
pub use resource::{loads_in_flight as __loads_in_flight, InFlight as __InFlight};
#[doc(hidden)]
pub use runtime::{borrow_state, borrow_state_mut, recover_after_panic, recoveries, Invariant};
pub use runtime::{live_node_count, set_warning_hook};
pub use runtime_id::{create_runtime, RuntimeId};
#[doc(hidden)]
pub use scheduler::__outside;
#[doc(hidden)]
pub use scheduler::HoldEffects;
#[doc(hidden)]
pub use scheduler::UntrackedBody;
pub use scheduler::{
    batch, flush, queue_microtask, set_scheduler, try_batch, untrack, untrack_with_diagnostics,
};
pub use scoped_future::{ScopedFuture, ScopedFutureError};
pub use selector::{create_selector, create_selector_with_fn, Selector};
pub use signal::{create_rw_signal, create_signal, ReadSignal, RwSignal, WriteSignal};
pub use slice::{
    create_read_slice, create_slice, create_write_slice, IntoSignalSetter, SignalSetter,
};
pub use source::Source;
pub use stored::{store_value, StoredValue};
pub use stream::{create_signal_from_stream, SignalStream};
pub use suspense_context::{GlobalSuspenseContext, SuspenseContext};

/// The suspense context (Leptos 0.6's `leptos_reactive::suspense`).
pub mod suspense {
    pub use crate::suspense_context::{GlobalSuspenseContext, SuspenseContext};
}
pub use text_prop::TextProp;
pub use traits::{
    SignalDispose, SignalGet, SignalGetUntracked, SignalSet, SignalSetUntracked, SignalUpdate,
    SignalUpdateUntracked, SignalWith, SignalWithUntracked,
};
/// The signal traits alone, for `use larkspur_reactive::__signal_traits::*;`
/// in framework code: the accessor methods live on these traits, as in
/// Leptos 0.6.
#[doc(hidden)]
pub mod __signal_traits {
    pub use crate::traits::{
        SignalDispose, SignalGet, SignalGetUntracked, SignalSet, SignalSetUntracked, SignalUpdate,
        SignalUpdateUntracked, SignalWith, SignalWithUntracked,
    };
}
pub use trigger::{create_trigger, Trigger};
pub use watch::watch;
pub use wrappers::{IntoSignal, MaybeProp, MaybeSignal, Signal};
#[doc(hidden)]
pub use zone::{SpecialNonReactiveZone, SpecialNonReactiveZoneGuard};

/// The signal types, their constructors and traits, for `use
/// larkspur_reactive::signal_prelude::*;` (Leptos 0.6's
/// `leptos::signal_prelude`). The signals' accessors (`get`, `with`,
/// `set`, `update`, …) are these traits' methods, as in Leptos 0.6, so one
/// of these imports (or `use larkspur_reactive::*;`) is needed to call
/// them.
///
/// ```
/// use larkspur_reactive::signal_prelude::*;
/// fn double(s: impl SignalGet<Value = i32>) -> i32 { s.get() * 2 }
/// let (count, _): (ReadSignal<i32>, WriteSignal<i32>) = create_signal(4);
/// let doubled: Signal<i32> = Signal::derive(move || double(count));
/// assert_eq!(doubled.get(), 8);
/// ```
pub mod signal_prelude {
    pub use crate::{
        create_memo, create_owning_memo, create_rw_signal, create_selector,
        create_selector_with_fn, create_signal, IntoSignal, IntoSignalSetter, MaybeProp,
        MaybeSignal, Memo, ReadSignal, RwSignal, Selector, Signal, SignalSetter, TextProp,
        WriteSignal,
    };
    pub use crate::{create_signal_from_stream, SignalStream};
    pub use crate::{
        SignalDispose, SignalGet, SignalGetUntracked, SignalSet, SignalSetUntracked, SignalUpdate,
        SignalUpdateUntracked, SignalWith, SignalWithUntracked,
    };
}

/// Everything a user needs, for `use larkspur_reactive::prelude::*;`.
///
/// ```
/// use larkspur_reactive::prelude::*;
/// let (a, set_a) = create_signal(1);
/// set_a(2);
/// assert_eq!(a(), 2);
/// ```
pub mod prelude {
    pub use crate::{
        as_child_of_current_owner, create_isomorphic_effect, create_read_slice, create_write_slice,
        run_as_child, with_current_owner, Disposer, MaybeProp, Oco,
    };
    pub use crate::{
        batch, create_effect, create_memo, create_owning_memo, create_render_effect, create_root,
        create_runtime, create_rw_signal, create_selector, create_selector_with_fn, create_signal,
        create_slice, create_trigger, expect_context, flush, on_cleanup, provide_context,
        store_value, try_batch, untrack, use_context, watch, with_owner, Effect, HasLen,
        IntoSignal, IntoSignalSetter, MaybeSignal, Memo, Owner, ReadSignal, RuntimeId, RwSignal,
        Selector, Signal, SignalDispose, SignalGet, SignalGetUntracked, SignalSet,
        SignalSetUntracked, SignalSetter, SignalUpdate, SignalUpdateUntracked, SignalWith,
        SignalWithUntracked, StoredValue, Trigger, WriteSignal,
    };
    pub use crate::{create_signal_from_stream, SignalStream, TextProp};
}
