//! Navigation progress: `<Router set_is_routing=...>` and
//! [`RoutingProgress`], a `<progress>` bar shown while routing.

use larkspur_reactive::__signal_traits::*;
use std::time::Duration;

use larkspur_reactive::{
    create_rw_signal, create_view_effect, on_cleanup, store_value, RwSignal, Signal,
};

use super::location::RouteUrl;
use super::SignalSetter;
use crate::components::Props;
use crate::time::{set_interval_with_handle, IntervalHandle, TimeoutHandle};
use crate::view::IntoView;

/// Sets `setter` to `true` when the URL changes and back to `false` once
/// the new route has rendered (a microtask later: route views render
/// synchronously with the change).
pub(super) fn track_routing(url: RwSignal<RouteUrl>, setter: SignalSetter<bool>) {
    create_view_effect(move |first: Option<()>| {
        url.with(|_| ());
        if first.is_some() {
            setter.set(true);
            larkspur_reactive::spawn_local(async move { setter.set(false) });
        }
    });
}

/// Props of [`RoutingProgress`].
pub struct RoutingProgressProps {
    /// Whether a navigation is in progress (from `<Router set_is_routing>`).
    pub is_routing: Signal<bool>,
    /// How long the bar takes to fill to 100% (1 s by default); it waits
    /// at 99% if routing takes longer.
    pub max_time: Duration,
    /// How long the full bar stays after routing ends (none by default).
    pub before_hiding: Duration,
    /// Class names for the `<progress>`.
    pub class: String,
}

/// Builder of [`RoutingProgressProps`].
#[derive(Default)]
#[must_use = "call .build() to get the props"]
pub struct RoutingProgressPropsBuilder {
    is_routing: Option<Signal<bool>>,
    max_time: Option<Duration>,
    before_hiding: Option<Duration>,
    class: String,
}

impl RoutingProgressPropsBuilder {
    /// Sets the signal that says whether routing is in progress.
    pub fn is_routing(mut self, is_routing: impl Into<Signal<bool>>) -> Self {
        self.is_routing = Some(is_routing.into());
        self
    }
    /// Sets the time to fill the bar.
    pub fn max_time(mut self, max_time: Duration) -> Self {
        self.max_time = Some(max_time);
        self
    }
    /// Sets how long the finished bar stays.
    pub fn before_hiding(mut self, before_hiding: Duration) -> Self {
        self.before_hiding = Some(before_hiding);
        self
    }
    /// Sets the class attribute.
    pub fn class(mut self, class: impl Into<String>) -> Self {
        self.class = class.into();
        self
    }
    /// Finishes the props (without `is_routing` the bar never shows).
    pub fn build(self) -> RoutingProgressProps {
        RoutingProgressProps {
            is_routing: self.is_routing.unwrap_or_else(|| Signal::derive(|| false)),
            max_time: self.max_time.unwrap_or(Duration::from_secs(1)),
            before_hiding: self.before_hiding.unwrap_or_default(),
            class: self.class,
        }
    }
}

impl Props for RoutingProgressProps {
    type Builder = RoutingProgressPropsBuilder;
    fn builder() -> Self::Builder {
        RoutingProgressPropsBuilder::default()
    }
}

/// How often the bar advances.
const STEP: Duration = Duration::from_millis(250);

/// A `<progress min=0 max=100>` shown while `is_routing` is true, filling
/// over `max_time`, then full for `before_hiding` before it disappears.
///
/// # Example
///
/// ```no_run
/// use larkspur::*;
/// use larkspur::router::*;
///
/// #[component]
/// fn App() -> impl IntoView {
///     let (is_routing, set_is_routing) = create_signal(false);
///     view! {
///         <Router set_is_routing>
///             <RoutingProgress is_routing max_time=std::time::Duration::from_millis(250)/>
///             <Routes><Route path="" view=|| "home"/></Routes>
///         </Router>
///     }
/// }
/// ```
#[allow(non_snake_case)]
pub fn RoutingProgress(props: RoutingProgressProps) -> impl IntoView {
    let is_routing = props.is_routing;
    let percent = create_rw_signal(0.0f64);
    let showing = create_rw_signal(false);
    let step = 100.0 * STEP.as_secs_f64() / props.max_time.as_secs_f64().max(0.001);
    let before_hiding = props.before_hiding;
    let interval = store_value(None::<IntervalHandle>);
    let hiding = store_value(None::<TimeoutHandle>);
    let stop = move || {
        if let Some(handle) = interval.try_update_value(Option::take).flatten() {
            handle.clear();
        }
        if let Some(handle) = hiding.try_update_value(Option::take).flatten() {
            handle.clear();
        }
    };
    create_view_effect(move |_| {
        if is_routing.get() {
            percent.set(0.0);
            showing.set(true);
            stop();
            let handle = set_interval_with_handle(
                move || percent.update(|p| *p = (*p + step).min(99.0)),
                STEP,
            );
            interval.set_value(handle.ok());
        } else if showing.get_untracked() {
            stop();
            percent.set(100.0);
            if before_hiding.is_zero() {
                showing.set(false);
            } else {
                let handle =
                    crate::time::set_timeout_with_handle(move || showing.set(false), before_hiding);
                hiding.set_value(handle.ok());
            }
        }
    });
    on_cleanup(stop);
    let class = props.class;
    move || {
        showing.get().then(|| {
            crate::html::progress()
                .attr("class", class.clone())
                .attr("min", "0")
                .attr("max", "100")
                .prop("value", move || percent.get())
        })
    }
}
