//! [`MultiAction`]s: an action whose dispatches run side by side, each
//! tracked as its own [`Submission`] (for lists of concurrent saves).

use larkspur_reactive::__signal_traits::*;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;

use larkspur_reactive::{create_rw_signal, store_value, Owner, ReadSignal, RwSignal, StoredValue};

use larkspur_reactive::spawn_local;

type ActionFn<I, O> = Rc<dyn Fn(&I) -> Pin<Box<dyn Future<Output = O>>>>;

/// One dispatch of a [`MultiAction`]: its input, its output once it
/// finished, and whether it is still pending or was canceled.
///
/// ```no_run
/// use larkspur::*;
/// let add = create_multi_action(|n: &u32| { let n = *n; async move { n * 2 } });
/// add.dispatch(1);
/// let first: Submission<u32, u32> = add.submissions().get_untracked()[0];
/// first.cancel(); // its result will be ignored
/// ```
pub struct Submission<I: 'static, O: 'static> {
    /// The input this dispatch was given, until its future finishes (then
    /// `None`).
    pub input: RwSignal<Option<I>>,
    /// The output, once the future finished (unless canceled).
    pub value: RwSignal<Option<O>>,
    /// Whether the future is still running (also readable as
    /// [`pending()`](Submission::pending), Leptos 0.6's accessor).
    pub pending: RwSignal<bool>,
    /// Whether [`cancel`](Submission::cancel) was called.
    pub canceled: RwSignal<bool>,
}

impl<I, O> Clone for Submission<I, O> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<I, O> Copy for Submission<I, O> {}

impl<I, O> std::fmt::Debug for Submission<I, O> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Submission(..)")
    }
}

impl<I: 'static, O: 'static> Submission<I, O> {
    /// Whether this submission's future is still running.
    ///
    /// ```no_run
    /// use larkspur::*;
    /// let a = create_multi_action(|_: &()| async {});
    /// a.dispatch(());
    /// let saving = a.submissions().get_untracked()[0].pending();
    /// ```
    pub fn pending(&self) -> ReadSignal<bool> {
        self.pending.read_only()
    }

    /// Marks the submission canceled: its output, when its future finishes,
    /// is dropped. As in Leptos 0.6 the future still runs to its end, and
    /// the submission stays pending until then.
    ///
    /// ```no_run
    /// use larkspur::*;
    /// let a = create_multi_action(|_: &()| async {});
    /// a.dispatch(());
    /// a.submissions().get_untracked()[0].cancel();
    /// ```
    pub fn cancel(&self) {
        self.canceled.try_set(true);
    }
}

struct MultiActionState<I: 'static, O: 'static> {
    run: ActionFn<I, O>,
    owner: Option<Owner>,
}

/// An async operation whose dispatches run concurrently; see
/// [`create_multi_action`]. `Copy`.
///
/// ```no_run
/// use larkspur::*;
///
/// let upload = create_multi_action(|name: &String| {
///     let name = name.clone();
///     async move { name.len() }
/// });
/// upload.dispatch("a.txt".into());
/// upload.dispatch("b.txt".into()); // runs beside the first
/// let list = move || {
///     upload.submissions().get().into_iter()
///         .map(|s| view! { <li>{move || s.pending.get().then_some("uploading")}</li> })
///         .collect_view()
/// };
/// ```
pub struct MultiAction<I: 'static, O: 'static> {
    state: StoredValue<MultiActionState<I, O>>,
    // Outside `state`, as in `Action`: the accessors cannot fail after the
    // action's owner is gone.
    submissions: RwSignal<Vec<Submission<I, O>>>,
    version: RwSignal<usize>,
}

impl<I, O> Clone for MultiAction<I, O> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<I, O> Copy for MultiAction<I, O> {}

impl<I, O> std::fmt::Debug for MultiAction<I, O> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("MultiAction(..)")
    }
}

/// Creates a [`MultiAction`] from a function of a reference to the input
/// returning a future.
///
/// ```no_run
/// use larkspur::*;
/// let like = create_multi_action(|id: &u32| { let id = *id; async move { id } });
/// like.dispatch(7);
/// ```
#[track_caller]
pub fn create_multi_action<I, O, F, Fu>(action_fn: F) -> MultiAction<I, O>
where
    I: 'static,
    O: 'static,
    F: Fn(&I) -> Fu + 'static,
    Fu: Future<Output = O> + 'static,
{
    let run: ActionFn<I, O> = Rc::new(move |input| Box::pin(action_fn(input)));
    MultiAction {
        state: store_value(MultiActionState {
            run,
            owner: Owner::current_strict(),
        }),
        submissions: create_rw_signal(Vec::new()),
        version: create_rw_signal(0),
    }
}

impl<I: 'static, O: 'static> MultiAction<I, O> {
    /// [`create_multi_action`], as an associated function.
    ///
    /// ```no_run
    /// use larkspur::*;
    /// let add = MultiAction::new(|n: &i32| { let n = *n; async move { n } });
    /// ```
    #[track_caller]
    pub fn new<F, Fu>(action_fn: F) -> Self
    where
        F: Fn(&I) -> Fu + 'static,
        Fu: Future<Output = O> + 'static,
    {
        create_multi_action(action_fn)
    }

    /// Starts one more run with `input`, added to
    /// [`submissions`](Self::submissions). Does nothing if the action was
    /// disposed.
    ///
    /// ```no_run
    /// use larkspur::*;
    /// let a = create_multi_action(|_: &()| async {});
    /// a.dispatch(());
    /// ```
    pub fn dispatch(&self, input: I) {
        let Some((run, owner)) = self.state.try_with_value(|s| (s.run.clone(), s.owner)) else {
            return;
        };
        let (submissions, version) = (self.submissions, self.version);
        let fut = run(&input);
        // The submission's signals belong to the action's owner, not to
        // whatever is current at dispatch (usually nothing, in an event
        // handler), so they go away with the action.
        let make = move || Submission {
            input: create_rw_signal(Some(input)),
            value: create_rw_signal(None),
            pending: create_rw_signal(true),
            canceled: create_rw_signal(false),
        };
        let submission = match owner {
            Some(owner) => owner.with(make),
            None => make(),
        };
        submissions.try_update(|list| list.push(submission));
        let counted = larkspur_reactive::__InFlight::new();
        spawn_local(async move {
            let _counted = counted;
            let out = fut.await;
            // As in Leptos 0.6: a canceled submission drops its output but
            // still finishes (its input cleared, no longer pending) and
            // counts in the version (the server may have applied it).
            let canceled = submission.canceled.try_get_untracked() != Some(false);
            larkspur_reactive::batch(|| {
                if !canceled {
                    submission.value.try_set(Some(out));
                }
                submission.input.try_set(None);
                submission.pending.try_set(false);
                version.try_update(|v| *v += 1);
            });
        });
    }

    /// Every dispatch so far, oldest first.
    ///
    /// ```no_run
    /// use larkspur::*;
    /// let a = create_multi_action(|_: &()| async {});
    /// let count = move || a.submissions().with(Vec::len);
    /// ```
    pub fn submissions(&self) -> ReadSignal<Vec<Submission<I, O>>> {
        self.submissions.read_only()
    }

    /// How many dispatches have finished (canceled ones included).
    ///
    /// ```no_run
    /// use larkspur::*;
    /// let a = create_multi_action(|_: &()| async {});
    /// let reload_key = move || a.version().get();
    /// ```
    pub fn version(&self) -> RwSignal<usize> {
        self.version
    }
}
