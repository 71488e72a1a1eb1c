//! [`Action`]s: async work started by the user (a form submit, a button),
//! with reactive input, result, pending flag and version.
//!
//! A resource loads when its *source* changes; an action runs when it is
//! *dispatched*. Each dispatch calls the action's function with a reference
//! to the input and runs the returned future with [`spawn_local`]. While any
//! dispatch is in flight `pending()` is true and `input()` holds the latest
//! input; when one finishes its output goes to `value()` and `version()`
//! goes up by one (so a resource that reads the version reloads after each
//! mutation). Results that arrive after the action's owner was disposed are
//! dropped.

use larkspur_reactive::__signal_traits::*;
use std::cell::Cell;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;

use larkspur_reactive::{batch, create_rw_signal, store_value, ReadSignal, RwSignal, StoredValue};

use larkspur_reactive::spawn_local;

type ActionFn<I, O> = Rc<dyn Fn(&I) -> Pin<Box<dyn Future<Output = O>>>>;

/// The function and the count of running dispatches (the signals are the
/// action's own fields, so their accessors cannot fail).
struct ActionState<I: 'static, O: 'static> {
    run: ActionFn<I, O>,
    in_flight: Rc<Cell<usize>>,
}

/// An async operation dispatched on demand; see the module docs
/// and [`create_action`]. `Copy`, so it can be moved into many handlers.
///
/// ```no_run
/// use larkspur::*;
///
/// async fn add_todo(title: String) -> usize { title.len() }
///
/// let add = create_action(|title: &String| add_todo(title.clone()));
/// let button = view! {
///     <button on:click=move |_| add.dispatch("Buy milk".to_string())>"Add"</button>
///     <p>{move || if add.pending().get() { "saving…" } else { "" }}</p>
///     <p>{move || add.value().get().map(|id| format!("saved as #{id}"))}</p>
/// };
/// ```
pub struct Action<I: 'static, O: 'static> {
    state: StoredValue<ActionState<I, O>>,
    // Handles of their own, not inside `state`: `value()` and the other
    // accessors hand them out even after the action's owner is gone (a
    // timer that clears `value()` after the view left), and a write to a
    // disposed signal is ignored with a warning instead of a panic.
    input: RwSignal<Option<I>>,
    value: RwSignal<Option<O>>,
    pending: RwSignal<bool>,
    version: RwSignal<usize>,
}

impl<I, O> Clone for Action<I, O> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<I, O> Copy for Action<I, O> {}

impl<I, O> std::fmt::Debug for Action<I, O> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Action(..)")
    }
}

/// Creates an [`Action`] from a function of a *reference* to the input
/// that returns a future (clone what the future needs).
///
/// ```no_run
/// use larkspur::*;
///
/// let save = create_action(|n: &i32| {
///     let n = *n;
///     async move { n * 2 }
/// });
/// save.dispatch(21);
/// // later: save.value().get() == Some(42), save.version().get() == 1
/// ```
#[track_caller]
pub fn create_action<I, O, F, Fu>(action_fn: F) -> Action<I, O>
where
    I: 'static,
    O: 'static,
    F: Fn(&I) -> Fu + 'static,
    Fu: Future<Output = O> + 'static,
{
    let run: ActionFn<I, O> = Rc::new(move |input| Box::pin(action_fn(input)));
    Action {
        state: store_value(ActionState {
            run,
            in_flight: Rc::new(Cell::new(0)),
        }),
        input: create_rw_signal(None),
        value: create_rw_signal(None),
        pending: create_rw_signal(false),
        version: create_rw_signal(0),
    }
}

impl<I: 'static, O: 'static> Action<I, O> {
    /// [`create_action`], as an associated function (Leptos 0.6).
    ///
    /// ```no_run
    /// use larkspur::*;
    /// let save = Action::new(|n: &i32| { let n = *n; async move { n + 1 } });
    /// save.dispatch(1);
    /// ```
    #[track_caller]
    pub fn new<F, Fu>(action_fn: F) -> Self
    where
        F: Fn(&I) -> Fu + 'static,
        Fu: Future<Output = O> + 'static,
    {
        create_action(action_fn)
    }

    /// Counts one more (`true`) or one fewer (`false`) pending dispatch by
    /// hand, as Leptos 0.6 does, e.g. around work the action does not run
    /// itself: the action is pending while the count of running dispatches
    /// and raised `set_pending(true)`s is above zero.
    ///
    /// ```no_run
    /// use larkspur::*;
    /// let save = create_action(|_: &()| async {});
    /// save.set_pending(true);
    /// assert!(save.pending().get_untracked());
    /// save.set_pending(false);
    /// assert!(!save.pending().get_untracked());
    /// ```
    pub fn set_pending(&self, pending: bool) {
        let Some(in_flight) = self.state.try_with_value(|s| s.in_flight.clone()) else {
            return;
        };
        let count = if pending {
            in_flight.get().saturating_add(1)
        } else {
            in_flight.get().saturating_sub(1)
        };
        in_flight.set(count);
        self.pending.try_set(count > 0);
    }

    /// Runs the action with `input`. Does nothing if the action was
    /// disposed.
    ///
    /// ```no_run
    /// use larkspur::*;
    /// let ping = create_action(|_: &()| async {});
    /// ping.dispatch(());
    /// ```
    pub fn dispatch(&self, input: I) {
        // Copy the handles out first: the action function and the signal
        // writes below run user code and must not see the state borrowed.
        let Some((run, in_flight)) = self
            .state
            .try_with_value(|s| (s.run.clone(), s.in_flight.clone()))
        else {
            return;
        };
        let (input_signal, value, pending, version) =
            (self.input, self.value, self.pending, self.version);
        let fut = run(&input);
        in_flight.set(in_flight.get() + 1);
        batch(|| {
            input_signal.try_set(Some(input));
            pending.try_set(true);
        });
        // Waited for by the test kit's `settle()`, until the value is in.
        let counted = larkspur_reactive::__InFlight::new();
        spawn_local(async move {
            let _counted = counted;
            let out = fut.await;
            let left = in_flight.get().saturating_sub(1);
            in_flight.set(left);
            // `try_` writes: the owner may be gone by now. As in Leptos
            // 0.6, every completion clears the input; the action stays
            // pending while other dispatches run.
            batch(|| {
                value.try_set(Some(out));
                input_signal.try_set(None);
                version.try_update(|v| *v += 1);
                if left == 0 {
                    pending.try_set(false);
                }
            });
        });
    }

    /// The input of the latest dispatch, until a dispatch finishes (then
    /// `None`, as in Leptos 0.6).
    ///
    /// ```no_run
    /// use larkspur::*;
    /// let a = create_action(|n: &u8| { let n = *n; async move { n } });
    /// a.dispatch(1);
    /// assert_eq!(a.input().get_untracked(), Some(1));
    /// ```
    pub fn input(&self) -> RwSignal<Option<I>> {
        self.input
    }

    /// The output of the latest dispatch to finish (`None` before any).
    ///
    /// ```no_run
    /// use larkspur::*;
    /// let a = create_action(|n: &u8| { let n = *n; async move { n + 1 } });
    /// let latest = move || a.value().get();
    /// ```
    pub fn value(&self) -> RwSignal<Option<O>> {
        self.value
    }

    /// Whether a dispatch is in flight.
    ///
    /// ```no_run
    /// use larkspur::*;
    /// let a = create_action(|_: &()| async {});
    /// let label = move || if a.pending().get() { "…" } else { "Go" };
    /// ```
    pub fn pending(&self) -> ReadSignal<bool> {
        self.pending.read_only()
    }

    /// How many dispatches have finished.
    ///
    /// ```no_run
    /// use larkspur::*;
    /// let add = create_action(|_: &()| async {});
    /// let todos = create_resource(move || add.version().get(), |_| async { vec![1, 2] });
    /// ```
    pub fn version(&self) -> RwSignal<usize> {
        self.version
    }
}
