//! Components: the props-builder convention `#[component]` generates,
//! [`component_view`], children types and [`ViewFn`].
//!
//! A component is a plain function from its props to something
//! [`IntoView`]. Components do not exist at run time (the seed's "Life Cycle
//! of a Signal"): calling one only builds its view, untracked, under the
//! current owner.

use std::rc::Rc;

use larkspur_reactive::untrack;
use wasm_bindgen::JsCast;

use crate::dom::{events, Element, Event};
use crate::ev::EventDescriptor;
use crate::view::{Fragment, IntoView, View};

/// Props of a component: a struct with a builder.
///
/// `#[component]` implements it for the props struct it generates; the
/// built-in components ([`Show`](crate::Show), [`For`](crate::For), …)
/// implement it by hand.
///
/// # Example
///
/// ```no_run
/// use larkspur::*;
///
/// let view = Show(
///     ShowProps::builder()
///         .when(|| true)
///         .children(ToChildren::to_children(|| Fragment::new(vec!["shown".into_view()])))
///         .build(),
/// );
/// ```
pub trait Props {
    /// The builder type.
    type Builder;
    /// Starts building the props.
    fn builder() -> Self::Builder;
}

/// The builder a component call starts from: the props' own builder, or
/// [`EmptyPropsBuilder`] for components without props.
///
/// Components without props take `()`, which deliberately does not
/// implement [`Props`] (that would make the two [`ComponentConstructor`]
/// impls overlap); this trait covers both.
pub trait PropsOrNoPropsBuilder {
    /// The builder type.
    type Builder;
    /// Starts building.
    fn builder_or_not() -> Self::Builder;
}

impl<P: Props> PropsOrNoPropsBuilder for P {
    type Builder = P::Builder;
    fn builder_or_not() -> Self::Builder {
        P::builder()
    }
}

impl PropsOrNoPropsBuilder for () {
    type Builder = EmptyPropsBuilder;
    fn builder_or_not() -> Self::Builder {
        EmptyPropsBuilder
    }
}

/// The "builder" of a component without props.
#[derive(Clone, Copy, Debug, Default)]
pub struct EmptyPropsBuilder;

impl EmptyPropsBuilder {
    /// Finishes building: a component without props takes `()`.
    pub fn build(self) {}
}

/// Something that can be called as a component with props `P`: any
/// `Fn(P) -> impl IntoView` where `P: Props`, and any `Fn() -> impl
/// IntoView` (with `P = ()`).
pub trait ComponentConstructor<P> {
    /// Calls the component.
    fn construct(self, props: P) -> View;
}

impl<F, V> ComponentConstructor<()> for F
where
    F: FnOnce() -> V,
    V: IntoView,
{
    fn construct(self, _: ()) -> View {
        self().into_view()
    }
}

impl<P, F, V> ComponentConstructor<P> for F
where
    P: Props,
    F: FnOnce(P) -> V,
    V: IntoView,
{
    fn construct(self, props: P) -> View {
        self(props).into_view()
    }
}

/// The builder of the props of `component` (the function itself is passed
/// only to name its props type).
///
/// # Example
///
/// ```no_run
/// use larkspur::*;
///
/// let view = component_view(Show, component_props_builder(&Show)
///     .when(|| true)
///     .children(ToChildren::to_children(|| Fragment::new(vec![])))
///     .build());
/// ```
pub fn component_props_builder<P: PropsOrNoPropsBuilder>(
    _component: &impl ComponentConstructor<P>,
) -> <P as PropsOrNoPropsBuilder>::Builder {
    P::builder_or_not()
}

/// Calls a component with its props, untracked, and returns its view.
///
/// Untracked so that a component called inside a dynamic child does not
/// make the child re-run when a signal read in the component body changes.
pub fn component_view<P>(component: impl ComponentConstructor<P>, props: P) -> View {
    untrack(move || component.construct(props))
}

/// Children passed to a component and rendered once.
pub type Children = Box<dyn FnOnce() -> Fragment>;
/// Children that can be rendered many times (e.g. by [`Show`](crate::Show)).
pub type ChildrenFn = Rc<dyn Fn() -> Fragment>;
/// Children that can be rendered many times and mutate captured state.
pub type ChildrenFnMut = Box<dyn FnMut() -> Fragment>;
/// Children that can be rendered many times, boxed: what components written
/// before [`ChildrenFn`] existed take (`children: Box<dyn Fn() -> Fragment>`).
///
/// ```no_run
/// use larkspur::*;
///
/// #[component]
/// fn Twice(children: BoxedChildrenFn) -> impl IntoView {
///     view! { <div>{children()}</div><div>{children()}</div> }
/// }
/// ```
pub type BoxedChildrenFn = Box<dyn Fn() -> Fragment>;

/// Turns a closure returning a [`Fragment`] into one of the children types.
///
/// # Example
///
/// ```no_run
/// use larkspur::*;
///
/// let children: ChildrenFn = ToChildren::to_children(|| Fragment::new(vec!["hi".into_view()]));
/// ```
pub trait ToChildren<F> {
    /// Performs the conversion.
    fn to_children(f: F) -> Self;
}

impl<F: FnOnce() -> Fragment + 'static> ToChildren<F> for Children {
    fn to_children(f: F) -> Self {
        Box::new(f)
    }
}

impl<F: Fn() -> Fragment + 'static> ToChildren<F> for ChildrenFn {
    fn to_children(f: F) -> Self {
        Rc::new(f)
    }
}

impl<F: FnMut() -> Fragment + 'static> ToChildren<F> for ChildrenFnMut {
    fn to_children(f: F) -> Self {
        Box::new(f)
    }
}

impl<F: Fn() -> Fragment + 'static> ToChildren<F> for BoxedChildrenFn {
    fn to_children(f: F) -> Self {
        Box::new(f)
    }
}

/// A view factory, e.g. a fallback: `Rc<dyn Fn() -> View>`, built from any
/// closure returning something [`IntoView`].
///
/// # Example
///
/// ```no_run
/// use larkspur::*;
///
/// let fallback: ViewFn = (|| html::p().child("Loading…")).into();
/// let view = fallback.run();
/// ```
#[derive(Clone)]
pub struct ViewFn(pub(crate) Rc<dyn Fn() -> View>);

impl Default for ViewFn {
    fn default() -> Self {
        ViewFn(Rc::new(|| View::Empty))
    }
}

impl<F, V> From<F> for ViewFn
where
    F: Fn() -> V + 'static,
    V: IntoView,
{
    fn from(f: F) -> Self {
        ViewFn(Rc::new(move || f().into_view()))
    }
}

impl ViewFn {
    /// Builds the view.
    pub fn run(&self) -> View {
        (self.0)()
    }
}

impl View {
    /// Adds an event handler to the root element(s) of this view, delegated
    /// as an element's `on:` is: an element gets it, a fragment's elements
    /// each get it, a dynamic range's elements present now get it; text
    /// has no handlers. One handler is shared by all roots. (`on:click=...`
    /// on a component compiles to [`View::on_undelegated`], as in Leptos
    /// 0.6.)
    ///
    /// # Example
    ///
    /// ```no_run
    /// use larkspur::*;
    ///
    /// #[component]
    /// fn Card() -> impl IntoView { view! { <div class="card">"Hi"</div> } }
    ///
    /// let (clicks, set_clicks) = create_signal(0);
    /// let _ = view! { <Card on:click=move |_| set_clicks.update(|n| *n += 1)/> };
    /// ```
    pub fn on<E: EventDescriptor>(
        self,
        event: E,
        mut handler: impl FnMut(E::EventType) + 'static,
    ) -> Self {
        let delegate = event.delegated();
        let h: events::Handler = Rc::new(events::HandlerCell::new(move |ev: Event| {
            handler(ev.unchecked_into())
        }));
        self.attach(&event.name(), delegate, &h);
        self
    }

    /// Like [`View::on`], with a listener on each root element itself:
    /// what `on:click=...` on a component compiles to, as in Leptos 0.6. It
    /// runs as the event bubbles through the root, before the delegated
    /// handlers of the elements inside (which cannot stop it).
    pub fn on_undelegated<E: EventDescriptor>(
        self,
        event: E,
        mut handler: impl FnMut(E::EventType) + 'static,
    ) -> Self {
        let h: events::Handler = Rc::new(events::HandlerCell::new(move |ev: Event| {
            handler(ev.unchecked_into())
        }));
        self.attach(&event.name(), false, &h);
        self
    }

    /// Runs a directive on each root element of this view (what
    /// `use:name=param` on a component compiles to), with a clone of
    /// `param` for each; text has no element to run it on. As on an
    /// element, it runs in an effect: first after the current update, then
    /// whenever a signal it read changes (on the root elements there are
    /// then).
    ///
    /// # Example
    ///
    /// ```no_run
    /// use larkspur::*;
    ///
    /// #[component]
    /// fn Card() -> impl IntoView { view! { <div class="card">"Hi"</div> } }
    ///
    /// fn mark(el: web_sys::Element) { let _ = el.set_attribute("data-marked", ""); }
    /// let _ = view! { <Card use:mark/> };
    /// ```
    pub fn directive<T: ?Sized, P: Clone + 'static>(
        self,
        directive: impl crate::element::Directive<T, P> + 'static,
        param: P,
    ) -> Self {
        let view = self.clone();
        let _ = larkspur_reactive::create_effect(move |_| {
            let mut nodes = Vec::new();
            view.collect_nodes(&mut nodes);
            for node in nodes {
                if let Some(el) = node.dyn_ref::<Element>() {
                    directive.run(crate::HtmlElement::from_element(el.clone()), param.clone());
                }
            }
        });
        self
    }

    fn attach(&self, name: &str, delegate: bool, handler: &events::Handler) {
        let mut nodes = Vec::new();
        self.collect_nodes(&mut nodes);
        for node in nodes {
            if let Some(el) = node.dyn_ref::<Element>() {
                crate::element::add_listener(el, name, delegate, handler.clone());
            }
        }
    }
}

/// Sets the attributes of a component's `#[prop(attrs)]` prop on its built
/// props (Leptos 0.6's `DynAttrs`; `#[component]` implements it for every
/// props struct, doing nothing without such a prop). `view!` fills the prop
/// through the builder; macros that build props themselves call this.
///
/// ```
/// use larkspur::*;
///
/// #[component]
/// fn Icon(#[prop(attrs)] attrs: Vec<(&'static str, Attribute)>) -> impl IntoView {
///     let _ = attrs;
/// }
///
/// let props = IconProps::builder().build().dyn_attrs(vec![("title", "hi".into_attribute())]);
/// assert_eq!(props.attrs.len(), 1);
/// ```
pub trait DynAttrs {
    /// Replaces the `#[prop(attrs)]` prop's attributes with `attrs`.
    fn dyn_attrs(self, _attrs: Vec<(&'static str, crate::Attribute)>) -> Self
    where
        Self: Sized,
    {
        self
    }
}

impl DynAttrs for () {}

/// Adds spread bindings to a component's `#[prop(attrs)]` prop on its built
/// props (Leptos 0.6's `DynBindings`): attributes are added, event
/// handlers dropped (a component's attribute list holds no handlers).
///
/// ```
/// use larkspur::*;
///
/// #[component]
/// fn Icon(#[prop(attrs)] attrs: Vec<(&'static str, Attribute)>) -> impl IntoView {
///     let _ = attrs;
/// }
///
/// let props = IconProps::builder()
///     .build()
///     .dyn_bindings([Binding::from(("title", "hi".into_attribute()))]);
/// assert_eq!(props.attrs[0].0, "title");
/// ```
pub trait DynBindings {
    /// Adds the attributes among `bindings`.
    fn dyn_bindings<B: Into<crate::Binding>>(self, _bindings: impl IntoIterator<Item = B>) -> Self
    where
        Self: Sized,
    {
        self
    }
}

impl DynBindings for () {}

/// Gives props an inherent `builder()`, as Leptos 0.6's (typed-builder
/// derived) props have: `ShowProps::builder()` works without the [`Props`]
/// trait in scope. `#[component]` does the same for an app's own props.
macro_rules! inherent_builder {
    ($([$($g:tt)*] $props:ty => $component:path $(where [$($w:tt)*])?;)*) => {$(
        impl<$($g)*> $props $(where $($w)*)? {
            /// Starts building the props (the same as [`Props::builder`]).
            pub fn builder() -> <Self as Props>::Builder {
                <Self as Props>::builder()
            }
        }

        /// Built props are a view: the component rendered with them, as
        /// for the props of a `#[component]`.
        impl<$($g)*> crate::IntoView for $props $(where $($w)*)? {
            fn into_view(self) -> crate::View {
                crate::IntoView::into_view($component(self))
            }
        }
    )*};
}

inherent_builder! {
    [W] crate::ShowProps<W> => crate::Show where [W: Fn() -> bool + 'static];
    [] crate::PortalProps => crate::Portal;
    [] crate::DynamicProps => crate::Dynamic;
    [] crate::AnimatedShowProps => crate::AnimatedShow;
    [V] crate::SuspenseProps<V> => crate::Suspense where [V: crate::IntoView + 'static];
    [] crate::TransitionProps => crate::Transition;
    [] crate::ErrorBoundaryProps => crate::ErrorBoundary;
    [T] crate::ProviderProps<T> => crate::Provider where [T: Clone + 'static];
    [IF, I, T, KF, K, CF, V] crate::ForProps<IF, I, T, KF, K, CF, V> => crate::For
        where [
            IF: Fn() -> I + 'static,
            I: IntoIterator<Item = T>,
            KF: Fn(&T) -> K + 'static,
            K: Eq + std::hash::Hash + 'static,
            CF: Fn(T) -> V + 'static,
            V: crate::IntoView,
            T: 'static,
        ];
    [T: 'static] crate::AwaitProps<T> => crate::Await;
    [] crate::router::RouterProps => crate::router::Router;
    [] crate::router::RoutesProps => crate::router::Routes;
    [H] crate::router::AProps<H> => crate::router::A where [H: crate::router::ToHref + 'static];
    [] crate::router::FormProps => crate::router::Form;
    [P] crate::router::RedirectProps<P> => crate::router::Redirect where [P: std::fmt::Display + 'static];
    [] crate::router::RoutingProgressProps => crate::router::RoutingProgress;
    [] crate::router::ProtectedRouteProps => crate::router::ProtectedRoute;
    [] crate::router::AnimatedRoutesProps => crate::router::AnimatedRoutes;
    [] crate::router::AnimatedOutletProps => crate::router::AnimatedOutlet;
    [E, F, P] crate::router::RouteProps<E, F, P> => crate::router::Route
        where [E: IntoView, F: Fn() -> E + 'static, P: std::fmt::Display];
}
