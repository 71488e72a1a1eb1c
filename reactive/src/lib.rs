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
//! The algorithm is described in the `graph` module's source; scheduling:
//! render effects run synchronously, `create_effect` first runs at the next
//! [`flush`] (the browser installs a [`set_scheduler`] hook that queues a
//! microtask calling it), and every effect re-runs synchronously after the
//! writes it depends on, in creation order, once per write or [`batch`].
#![deny(missing_docs)]

mod access;
mod call;
mod context;
mod effect;
mod graph;
#[cfg(test)]
mod graph_check;
mod handle;
mod len;
mod memo;
mod owner;
mod runtime;
mod selector;
mod signal;
mod stored;
mod traits;
mod trigger;
mod wrappers;

#[doc(hidden)]
pub use call::closure_size_of_read;
pub use context::{expect_context, provide_context, use_context};
pub use effect::{create_effect, create_render_effect, Effect};
pub use graph::{batch, flush, set_scheduler, untrack};
pub use len::HasLen;
pub use memo::{create_memo, Memo};
pub use owner::{create_root, on_cleanup, with_owner, Owner};
pub use runtime::{live_node_count, set_warning_hook};
pub use selector::{create_selector, Selector};
pub use signal::{create_rw_signal, create_signal, ReadSignal, RwSignal, WriteSignal};
pub use stored::{store_value, StoredValue};
pub use traits::{SignalGet, SignalSet, SignalUpdate, SignalWith};
pub use trigger::{create_trigger, Trigger};
pub use wrappers::{MaybeSignal, Signal};

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
        batch, create_effect, create_memo, create_render_effect, create_root, create_rw_signal,
        create_selector, create_signal, create_trigger, expect_context, flush, on_cleanup,
        provide_context, store_value, untrack, use_context, with_owner, Effect, HasLen,
        MaybeSignal, Memo, Owner, ReadSignal, RwSignal, Selector, Signal, SignalGet, SignalSet,
        SignalUpdate, SignalWith, StoredValue, Trigger, WriteSignal,
    };
}
