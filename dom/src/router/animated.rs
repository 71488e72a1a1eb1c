//! [`AnimatedRoutes`] and [`AnimatedOutlet`]: route changes that play CSS
//! animations, by switching classes on a wrapping `<div>`.
//!
//! On a change of route the old view stays while the `outro` class plays;
//! when its `animationend` fires the new view replaces it with the `start`
//! class for one frame, then `intro`, then `finally` once that ends. A
//! class that is not given is skipped. Back/forward navigations use the
//! `_back` classes when given. A class that runs no animation (or
//! `animation: none` for `prefers-reduced-motion`) moves on after a frame.

use larkspur_reactive::__signal_traits::*;
use wasm_bindgen::JsValue;

use larkspur_reactive::{
    create_memo, create_rw_signal, create_view_effect, provide_context, use_context, RwSignal,
    TextProp,
};

use super::routes::{
    outlet_context, prepare_routes, render_level, routes_base, OutletContext, RouteParams,
};
use crate::components::{Children, Props, ViewFn};
use crate::view::{IntoView, View};

/// Whether the navigation in progress is a back/forward one.
#[derive(Clone, Copy)]
struct Direction(RwSignal<bool>);

/// Provided by the `Router` (its `back` signal): set on popstate, cleared
/// by every navigation the app makes.
pub(super) fn provide_direction(back: RwSignal<bool>) {
    provide_context(Direction(back));
}

/// Where the animation of one outlet is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Phase {
    Idle,
    Outro,
    Start,
    Intro,
    Finally,
}

/// The class names of an animated outlet (each optional).
#[derive(Clone, Default)]
pub struct AnimationClasses {
    /// Always on the wrapping `<div>` (a text, or a closure read in an
    /// effect).
    pub class: Option<TextProp>,
    /// Played by the old view before it leaves.
    pub outro: Option<&'static str>,
    /// Set for one frame when the new view arrives.
    pub start: Option<&'static str>,
    /// Played by the new view as it arrives.
    pub intro: Option<&'static str>,
    /// Kept after the intro ends, until the next change.
    pub finally: Option<&'static str>,
    /// `outro` for back/forward navigations.
    pub outro_back: Option<&'static str>,
    /// `start` for back/forward navigations.
    pub start_back: Option<&'static str>,
    /// `intro` for back/forward navigations.
    pub intro_back: Option<&'static str>,
}

macro_rules! animated_props {
    ($(#[$doc:meta])* $props:ident $builder:ident { $($extra:ident: $ty:ty [$arg:ty] => $setter_doc:literal,)* }) => {
        $(#[$doc])*
        pub struct $props {
            /// The classes to play.
            pub classes: AnimationClasses,
            $(#[doc = $setter_doc] pub $extra: $ty,)*
        }

        #[doc = concat!("Builder of [`", stringify!($props), "`].")]
        #[derive(Default)]
        #[must_use = "call .build() to get the props"]
        pub struct $builder {
            classes: AnimationClasses,
            $($extra: Option<$ty>,)*
        }

        impl $builder {
            /// Sets the class always on the wrapper.
            pub fn class(mut self, class: impl Into<TextProp>) -> Self {
                self.classes.class = Some(class.into());
                self
            }
            /// Sets the outro class.
            pub fn outro(mut self, class: &'static str) -> Self {
                self.classes.outro = Some(class);
                self
            }
            /// Sets the start class.
            pub fn start(mut self, class: &'static str) -> Self {
                self.classes.start = Some(class);
                self
            }
            /// Sets the intro class.
            pub fn intro(mut self, class: &'static str) -> Self {
                self.classes.intro = Some(class);
                self
            }
            /// Sets the class kept after the intro.
            pub fn finally(mut self, class: &'static str) -> Self {
                self.classes.finally = Some(class);
                self
            }
            /// Sets the outro class of back/forward navigations.
            pub fn outro_back(mut self, class: &'static str) -> Self {
                self.classes.outro_back = Some(class);
                self
            }
            /// Sets the start class of back/forward navigations.
            pub fn start_back(mut self, class: &'static str) -> Self {
                self.classes.start_back = Some(class);
                self
            }
            /// Sets the intro class of back/forward navigations.
            pub fn intro_back(mut self, class: &'static str) -> Self {
                self.classes.intro_back = Some(class);
                self
            }
            $(
                #[doc = $setter_doc]
                pub fn $extra(mut self, value: $arg) -> Self {
                    self.$extra = Some(value.into());
                    self
                }
            )*
            /// Finishes the props.
            pub fn build(self) -> $props {
                $props {
                    classes: self.classes,
                    $($extra: self.$extra.unwrap_or_default(),)*
                }
            }
        }

        impl Props for $props {
            type Builder = $builder;
            fn builder() -> Self::Builder {
                $builder::default()
            }
        }
    };
}

animated_props! {
    /// Props of [`AnimatedRoutes`].
    AnimatedRoutesProps AnimatedRoutesPropsBuilder {
        fallback: ViewFn [impl Into<ViewFn>] => "Shown when no route matches.",
        base: String [impl Into<String>] => "A path every route's pattern starts with (see [`Routes`](super::Routes)).",
        children: ChildrenSlot [Children] => "The `<Route>`s.",
    }
}

animated_props! {
    /// Props of [`AnimatedOutlet`].
    AnimatedOutletProps AnimatedOutletPropsBuilder {}
}

/// The routes of an [`AnimatedRoutes`] (a `Children` that defaults to none).
pub struct ChildrenSlot(pub Children);

impl Default for ChildrenSlot {
    fn default() -> Self {
        ChildrenSlot(Box::new(Default::default))
    }
}

impl From<Children> for ChildrenSlot {
    fn from(children: Children) -> Self {
        ChildrenSlot(children)
    }
}

/// [`Routes`](super::Routes) whose changes of route animate (see the
/// module docs for the order of the classes).
///
/// # Example
///
/// ```no_run
/// use larkspur::*;
/// use larkspur::router::*;
///
/// #[component]
/// fn Home() -> impl IntoView { view! { <h1>"Home"</h1> } }
///
/// let _ = view! {
///     <Router>
///         <AnimatedRoutes outro="fade-out" intro="fade-in">
///             <Route path="" view=Home/>
///         </AnimatedRoutes>
///     </Router>
/// };
/// ```
#[allow(non_snake_case)]
pub fn AnimatedRoutes(props: AnimatedRoutesProps) -> impl IntoView {
    let (base, repeats) = routes_base(Some(&props.base));
    let ctx = prepare_routes(props.children.0, &base, repeats);
    animate(ctx, Some(props.fallback), props.classes)
}

/// An [`Outlet`](super::Outlet) whose changes of child route animate.
///
/// # Example
///
/// ```no_run
/// use larkspur::*;
/// use larkspur::router::*;
///
/// #[component]
/// fn Users() -> impl IntoView {
///     view! { <h1>"Users"</h1> <AnimatedOutlet class="pane" outro="slide-out" intro="slide-in"/> }
/// }
/// ```
#[allow(non_snake_case)]
pub fn AnimatedOutlet(props: AnimatedOutletProps) -> impl IntoView {
    match outlet_context() {
        Some(ctx) => animate(ctx, None, props.classes).into_view(),
        None => View::Empty,
    }
}

fn animate(
    ctx: OutletContext,
    fallback: Option<ViewFn>,
    classes: AnimationClasses,
) -> impl IntoView {
    let owner = larkspur_reactive::Owner::current();
    let direction = use_context::<Direction>().map(|d| d.0);
    let is_back = move || direction.is_some_and(|d| d.get_untracked());
    let target = ctx.matched;
    let displayed = create_rw_signal(target.get_untracked());
    // The first view shows `finally` (a stylesheet may hide the wrapper
    // without it), as in Leptos 0.6.
    let phase = create_rw_signal(if classes.finally.is_some() {
        Phase::Finally
    } else {
        Phase::Idle
    });
    let back = create_rw_signal(false);
    let same_route = {
        let ctx = ctx.clone();
        move |a: Option<usize>, b: Option<usize>| ctx.route_at(a) == ctx.route_at(b)
    };
    let (outro, intro, start) = (classes.outro, classes.intro, classes.start);
    let (outro_back, intro_back, start_back) =
        (classes.outro_back, classes.intro_back, classes.start_back);
    let pick = move |normal: Option<&'static str>, backward: Option<&'static str>| {
        if back.get_untracked() {
            backward.or(normal)
        } else {
            normal
        }
    };
    // Enters the new view: `start` for a frame, then `intro` (or idle).
    let arrive = move || {
        displayed.set(target.get_untracked());
        let intro_phase = if pick(intro, intro_back).is_some() {
            Phase::Intro
        } else {
            Phase::Idle
        };
        if pick(start, start_back).is_some() {
            phase.set(Phase::Start);
            let next = move || {
                if phase.try_get_untracked() == Some(Phase::Start) {
                    phase.set(intro_phase);
                }
            };
            // The frame belongs to the outlet, not to whatever runs now:
            // the view effect below (whose next run, a `<Redirect>` of the
            // arriving route navigating at once, would cancel it and leave
            // the wrapper in `start`) or an `animationend` handler (no
            // scope: the frame would outlive the outlet).
            match owner {
                Some(owner) => owner.with(|| crate::time::request_animation_frame(next)),
                None => crate::time::request_animation_frame(next),
            }
        } else {
            phase.set(intro_phase);
        }
    };
    create_view_effect(move |_| {
        let now = target.get();
        if same_route(now, displayed.get_untracked()) {
            // A change below this level, or of parameters: no animation.
            displayed.set(now);
            return;
        }
        back.set(is_back());
        if pick(outro, outro_back).is_some() {
            phase.set(Phase::Outro);
        } else {
            arrive();
        }
    });
    // The current animation ended: on to the next phase.
    let advance = move || match phase.get_untracked() {
        Phase::Outro => arrive(),
        Phase::Intro if classes.finally.is_some() => phase.set(Phase::Finally),
        Phase::Intro => phase.set(Phase::Idle),
        _ => {}
    };
    // Only the wrapper's own animation: one of a child (a fade-in inside
    // the new page, a toast) bubbles here too and must not cut a phase
    // short.
    let on_end = move |ev: crate::ev::AnimationEvent| {
        let own = match (ev.target(), ev.current_target()) {
            (Some(t), Some(c)) => JsValue::from(t) == JsValue::from(c),
            _ => false,
        };
        if own {
            advance();
        }
    };
    let always = classes.class.clone();
    let finally = classes.finally;
    let class = move || {
        let base = always.as_ref().map(TextProp::get).unwrap_or_default();
        let state = match phase.get() {
            Phase::Idle => None,
            Phase::Outro => pick(outro, outro_back),
            Phase::Start => pick(start, start_back),
            Phase::Intro => pick(intro, intro_back),
            Phase::Finally => finally,
        };
        match state {
            Some(s) if base.is_empty() => s.to_string(),
            Some(s) => format!("{base} {s}"),
            None => base.to_string(),
        }
    };
    let gated = create_memo(move |_| displayed.get());
    // The view shown keeps the parameters it was shown with while it plays
    // its outro (a leaving `/users/:id` does not see `/about`'s empty
    // ones); the arriving one gets the current parameters.
    let live = super::use_params_map();
    let params = create_memo(move |prev: Option<&super::ParamsMap>| {
        let current = live.get();
        match prev {
            Some(prev) if displayed.get() != target.get() => prev.clone(),
            _ => current,
        }
    });
    provide_context(RouteParams(params));
    let wrapper = crate::html::div()
        .attr("class", class)
        .on(crate::ev::animationend, on_end);
    // A phase whose class runs no animation (a stylesheet without one, or
    // `animation: none` for `prefers-reduced-motion`) would wait for an
    // `animationend` that never comes, and the new route would never show:
    // a frame after each phase starts, one without an animation moves on.
    let el = wrapper.element().clone();
    create_view_effect(move |_| {
        let now = phase.get();
        if matches!(now, Phase::Outro | Phase::Intro) {
            let el = el.clone();
            crate::time::request_animation_frame(move || {
                if phase.try_get_untracked() == Some(now) && !animates(&el) {
                    advance();
                }
            });
        }
    });
    wrapper.child(render_level(ctx.with_matched(gated), fallback))
}

/// Whether a CSS animation of `el` itself is running (or about to).
///
/// A class change starts no animation when the element's `animation-name`
/// ends up as it was at the last style computation: a redirect that
/// replaces the arriving route within the same turn puts the outro class
/// back before the browser saw the intro one, and the outro's finished
/// animation does not play again. `getAnimations()` tells a finished
/// animation from a running one; where it is missing the computed
/// `animation-name` is all there is to go by. Transitions do not count:
/// they end with `transitionend`, which the outlet does not wait for.
fn animates(el: &web_sys::Element) -> bool {
    use wasm_bindgen::JsCast;
    let get = |target: &JsValue, name: &str| {
        js_sys::Reflect::get(target, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED)
    };
    if let Ok(get_animations) = get(el, "getAnimations").dyn_into::<js_sys::Function>() {
        let Ok(list) = get_animations.call0(el) else {
            return false;
        };
        if !js_sys::Array::is_array(&list) {
            return false;
        }
        return list
            .unchecked_into::<js_sys::Array>()
            .iter()
            .any(|animation| {
                let css = !get(&animation, "animationName").is_undefined();
                let running =
                    get(&animation, "playState").as_string().as_deref() == Some("running");
                css && (running || get(&animation, "pending").is_truthy())
            });
    }
    let Some(style) = web_sys::window().and_then(|w| w.get_computed_style(el).ok().flatten())
    else {
        return false;
    };
    let name = style
        .get_property_value("animation-name")
        .unwrap_or_default();
    !name.is_empty() && name != "none"
}
