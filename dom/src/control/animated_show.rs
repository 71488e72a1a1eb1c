//! [`AnimatedShow`]: like `Show`, but leaving is animated: the hide class
//! goes on first and the children are removed only after a delay.

use larkspur_reactive::__signal_traits::*;
use std::time::Duration;

use larkspur_reactive::{
    create_rw_signal, create_view_effect, on_cleanup, store_value, MaybeSignal,
};

use crate::components::{ChildrenFn, Props};
use crate::element::html;
use crate::time::{set_timeout_with_handle, TimeoutHandle};
use crate::view::{DynChild, IntoView, View};

use super::MissingChildren;

/// Props of [`AnimatedShow`].
pub struct AnimatedShowProps {
    /// Shown while this is true.
    pub when: MaybeSignal<bool>,
    /// The children, inside a `<div>` carrying the show or hide class.
    pub children: ChildrenFn,
    /// Class of the wrapper while shown (e.g. a fade-in animation).
    pub show_class: &'static str,
    /// Class of the wrapper while it is leaving (e.g. a fade-out).
    pub hide_class: &'static str,
    /// How long the hide class stays before the children are removed.
    pub hide_delay: Duration,
}

/// Marks an [`AnimatedShowPropsBuilder`] whose `when` is not set yet.
#[derive(Clone, Copy, Debug, Default)]
pub struct MissingAnimatedWhen;

/// Builder of [`AnimatedShowProps`]; `build()` exists once `when` and
/// `children` are set. The classes default to none and the delay to zero.
#[must_use = "call .build() to get the props"]
pub struct AnimatedShowPropsBuilder<W = MissingAnimatedWhen, C = MissingChildren> {
    when: W,
    children: C,
    show_class: &'static str,
    hide_class: &'static str,
    hide_delay: Duration,
}

impl<W, C> AnimatedShowPropsBuilder<W, C> {
    /// Sets the condition: a bool, a signal or a `Signal::derive`.
    pub fn when(
        self,
        when: impl Into<MaybeSignal<bool>>,
    ) -> AnimatedShowPropsBuilder<MaybeSignal<bool>, C> {
        AnimatedShowPropsBuilder {
            when: when.into(),
            children: self.children,
            show_class: self.show_class,
            hide_class: self.hide_class,
            hide_delay: self.hide_delay,
        }
    }

    /// Sets the children.
    pub fn children(self, children: ChildrenFn) -> AnimatedShowPropsBuilder<W, ChildrenFn> {
        AnimatedShowPropsBuilder {
            when: self.when,
            children,
            show_class: self.show_class,
            hide_class: self.hide_class,
            hide_delay: self.hide_delay,
        }
    }

    /// Sets the class of the wrapper while shown.
    pub fn show_class(mut self, class: &'static str) -> Self {
        self.show_class = class;
        self
    }

    /// Sets the class of the wrapper while leaving.
    pub fn hide_class(mut self, class: &'static str) -> Self {
        self.hide_class = class;
        self
    }

    /// Sets how long the hide class shows before the children go.
    pub fn hide_delay(mut self, delay: Duration) -> Self {
        self.hide_delay = delay;
        self
    }
}

impl AnimatedShowPropsBuilder<MaybeSignal<bool>, ChildrenFn> {
    /// Finishes the props.
    pub fn build(self) -> AnimatedShowProps {
        AnimatedShowProps {
            when: self.when,
            children: self.children,
            show_class: self.show_class,
            hide_class: self.hide_class,
            hide_delay: self.hide_delay,
        }
    }
}

impl Props for AnimatedShowProps {
    type Builder = AnimatedShowPropsBuilder;
    fn builder() -> Self::Builder {
        AnimatedShowPropsBuilder {
            when: MissingAnimatedWhen,
            children: MissingChildren,
            show_class: "",
            hide_class: "",
            hide_delay: Duration::ZERO,
        }
    }
}

/// Shows its children in a `<div class=show_class>` while `when` is true.
/// When `when` turns false the class becomes `hide_class` at once and the
/// children are removed `hide_delay` later; if `when` turns true again
/// first, the removal is cancelled.
///
/// # Example
///
/// ```no_run
/// use larkspur::*;
/// use std::time::Duration;
///
/// #[component]
/// fn Toast() -> impl IntoView {
///     let (open, set_open) = create_signal(true);
///     view! {
///         <button on:click=move |_| set_open.update(|o| *o = !*o)>"toggle"</button>
///         <AnimatedShow
///             when=open
///             show_class="fade-in"
///             hide_class="fade-out"
///             hide_delay=Duration::from_millis(300)
///         >
///             <p>"Saved!"</p>
///         </AnimatedShow>
///     }
/// }
/// ```
#[allow(non_snake_case)]
pub fn AnimatedShow(props: AnimatedShowProps) -> View {
    let AnimatedShowProps {
        when,
        children,
        show_class,
        hide_class,
        hide_delay,
    } = props;
    let initially = when.get_untracked();
    let mounted = create_rw_signal(initially);
    let class = create_rw_signal(if initially { show_class } else { hide_class });
    // The removal scheduled by the last hide, cancelled by a show that
    // comes before it. (The effect's re-run would cancel it too, a render
    // effect being a timer scope; the handle says so explicitly.)
    let removal = store_value(None::<TimeoutHandle>);
    // A removal still pending goes with the component.
    on_cleanup(move || {
        if let Some(pending) = removal.try_update_value(Option::take).flatten() {
            pending.clear();
        }
    });
    // Acts on a change of `when` only: a source that notifies again with
    // the same value (a clock, a close-on-any-click handler) must not push
    // a pending removal back, or the children would never leave.
    create_view_effect(move |previous: Option<bool>| {
        let showing = when.get();
        if previous.is_none_or(|was| was == showing) {
            return showing;
        }
        if let Some(pending) = removal.try_update_value(Option::take).flatten() {
            pending.clear();
        }
        if showing {
            class.set(show_class);
            if !mounted.get_untracked() {
                mounted.set(true);
            }
        } else {
            class.set(hide_class);
            let pending = set_timeout_with_handle(move || mounted.set(false), hide_delay);
            removal.set_value(pending.ok());
        }
        showing
    });
    DynChild::new(move || {
        if mounted.get() {
            html::div()
                .attr("class", move || class.get())
                .child(children())
                .into_view()
        } else {
            View::Empty
        }
    })
    .into_view()
}
