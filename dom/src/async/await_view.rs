//! [`Await`]: show the result of one future, rendered by children that
//! receive it by reference.

use std::future::Future;
use std::marker::PhantomData;
use std::pin::Pin;
use std::rc::Rc;

use crate::components::Props;
use crate::control::MissingChildren;
use crate::view::{DynChild, Fragment, IntoView, View};
use larkspur_reactive::create_resource;

type FutureFn<T> = Rc<dyn Fn() -> Pin<Box<dyn Future<Output = T>>>>;
type ChildrenWith<T> = Rc<dyn Fn(&T) -> View>;

/// Props of [`Await`].
pub struct AwaitProps<T: 'static> {
    /// Makes the future (called once).
    pub future: FutureFn<T>,
    /// Accepted for Leptos compatibility; it only matters for server
    /// rendering, which Larkspur does not do.
    pub blocking: bool,
    /// Accepted for Leptos compatibility: 0.6 uses it to run the future
    /// without `Send` on the server; every future here is local already.
    pub local: bool,
    /// Renders the value once the future is ready.
    pub children: ChildrenWith<T>,
}

/// Marks an [`AwaitPropsBuilder`] whose `future` is not set yet.
#[derive(Clone, Copy, Debug, Default)]
pub struct MissingFuture;

/// Builder of [`AwaitProps`]; `build()` exists once `future` and
/// `children` are set.
#[must_use = "call .build() to get the props"]
pub struct AwaitPropsBuilder<T: 'static, Fut = MissingFuture, C = MissingChildren> {
    future: Fut,
    blocking: bool,
    local: bool,
    children: C,
    _value: PhantomData<fn() -> T>,
}

impl<T: 'static, Fut, C> AwaitPropsBuilder<T, Fut, C> {
    /// Sets the function that makes the future.
    pub fn future<F, Fu>(self, future: F) -> AwaitPropsBuilder<T, FutureFn<T>, C>
    where
        F: Fn() -> Fu + 'static,
        Fu: Future<Output = T> + 'static,
    {
        AwaitPropsBuilder {
            future: Rc::new(move || Box::pin(future()) as Pin<Box<dyn Future<Output = T>>>),
            blocking: self.blocking,
            local: self.local,
            children: self.children,
            _value: PhantomData,
        }
    }

    /// Accepted and ignored (server rendering only).
    pub fn blocking(mut self, blocking: bool) -> Self {
        self.blocking = blocking;
        self
    }

    /// Accepted and ignored (every future runs locally in the browser).
    pub fn local(mut self, local: bool) -> Self {
        self.local = local;
        self
    }

    /// Sets the children, a function of the value (`let:data` in `view!`).
    pub fn children<F, V>(self, children: F) -> AwaitPropsBuilder<T, Fut, ChildrenWith<T>>
    where
        F: Fn(&T) -> V + 'static,
        V: IntoView,
    {
        AwaitPropsBuilder {
            future: self.future,
            blocking: self.blocking,
            local: self.local,
            children: Rc::new(move |value: &T| children(value).into_view()),
            _value: PhantomData,
        }
    }
}

impl<T: 'static> AwaitPropsBuilder<T, FutureFn<T>, ChildrenWith<T>> {
    /// Finishes the props.
    pub fn build(self) -> AwaitProps<T> {
        AwaitProps {
            future: self.future,
            blocking: self.blocking,
            local: self.local,
            children: self.children,
        }
    }
}

impl<T: 'static> Props for AwaitProps<T> {
    type Builder = AwaitPropsBuilder<T>;
    fn builder() -> Self::Builder {
        AwaitPropsBuilder {
            future: MissingFuture,
            blocking: false,
            local: false,
            children: MissingChildren,
            _value: PhantomData,
        }
    }
}

/// Runs `future` once and renders `children(&value)` when it resolves
/// (nothing before). It is its own suspense boundary with an empty
/// fallback, as in Leptos 0.6: a [`Suspense`](crate::Suspense) around it
/// does not wait for it, so the rest of that suspense's content shows at
/// once.
///
/// # Example
///
/// ```no_run
/// use larkspur::*;
///
/// async fn fetch_monkeys(n: i32) -> i32 { n * 2 }
///
/// #[component]
/// fn Monkeys() -> impl IntoView {
///     view! {
///         <Await future=|| fetch_monkeys(3) let:data>
///             <p>{*data} " little monkeys, jumping on the bed."</p>
///         </Await>
///     }
/// }
/// ```
#[allow(non_snake_case)]
pub fn Await<T: 'static>(props: AwaitProps<T>) -> View {
    let AwaitProps {
        future, children, ..
    } = props;
    let value = create_resource(|| (), move |_| future());
    let content: crate::ChildrenFn = Rc::new(move || {
        let children = children.clone();
        Fragment::new(vec![DynChild::new(move || {
            value.map(|v| children(v)).unwrap_or_default()
        })
        .into_view()])
    });
    crate::Suspense(crate::SuspenseProps {
        fallback: crate::ViewFn::default(),
        children: content,
    })
}
