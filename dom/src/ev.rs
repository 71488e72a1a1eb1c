//! Typed event descriptors for [`HtmlElement::on`](crate::HtmlElement::on):
//! `ev::click` hands its handler a `web_sys::MouseEvent`, `ev::keydown` a
//! `web_sys::KeyboardEvent`, and so on; [`Custom`] covers any other name.
//!
//! Each descriptor also says whether the event is delegated. The delegated
//! set is the common events that bubble and fire often (`click`, `input`,
//! `keydown`, pointer and mouse movement, `touch*`, `focusin`/`focusout`,
//! `beforeinput`, `contextmenu`, `dblclick`); their handlers share one
//! listener on the document. Everything else — non-bubbling events such as
//! `focus`, `blur`, `mouseenter`, and events like `submit`, `change` or
//! `scroll` — is attached to the element itself.
//!
//! ```no_run
//! use larkspur::*;
//!
//! let field = html::input().on(ev::keydown, |e| {
//!     if e.key() == "Enter" {
//!         logging::log!("enter pressed");
//!     }
//! });
//! ```

use larkspur_reactive::Oco;
use std::marker::PhantomData;

use wasm_bindgen::convert::FromWasmAbi;
use wasm_bindgen::JsCast;

/// A kind of event: its name, the `web_sys` type its handlers receive and
/// whether it is delegated.
///
/// `EventType` can be received by a `wasm_bindgen::closure::Closure`
/// (`FromWasmAbi`), so generic code can build its own listener for any
/// descriptor, as Leptos 0.6 code does:
///
/// ```no_run
/// use larkspur::*;
/// use wasm_bindgen::prelude::*;
///
/// fn listen<E: ev::EventDescriptor + 'static>(target: &web_sys::EventTarget, event: E) {
///     let f = Closure::wrap(Box::new(move |_e: E::EventType| {}) as Box<dyn FnMut(_)>);
///     let _ = target.add_event_listener_with_callback(&event.name(), f.as_ref().unchecked_ref());
///     f.forget();
/// }
/// ```
pub trait EventDescriptor: Clone {
    /// The event object handed to handlers.
    type EventType: JsCast + FromWasmAbi + 'static;

    /// Whether the event bubbles (Leptos 0.6's; Larkspur decides
    /// delegation with [`delegated`](Self::delegated)).
    const BUBBLES: bool = true;

    /// The DOM event name (`"click"`).
    fn name(&self) -> Oco<'static, str>;

    /// Leptos 0.6's `event_delegation_key`, kept so impls written for 0.6
    /// compile; Larkspur does not use it (delegated handlers are filed
    /// under [`name`](Self::name)). By default the event name.
    fn event_delegation_key(&self) -> Oco<'static, str> {
        self.name()
    }

    /// Whether handlers go through the window-level delegated listener.
    fn delegated(&self) -> bool {
        false
    }

    /// The `addEventListener` options of this descriptor's listeners
    /// (Leptos 0.6's): `Some` only for a [`Custom`] event whose
    /// [`options_mut`](Custom::options_mut) was called. A handler with
    /// options gets a listener of its own on the element, with them.
    fn options(&self) -> &Option<web_sys::AddEventListenerOptions> {
        &None
    }
}

macro_rules! events {
    ($($name:ident $ty:ident $delegated:literal,)*) => {$(
        #[doc = concat!("The `", stringify!($name), "` event (`web_sys::", stringify!($ty), "`).")]
        #[allow(non_camel_case_types)]
        #[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
        pub struct $name;

        impl EventDescriptor for $name {
            type EventType = web_sys::$ty;

            fn name(&self) -> Oco<'static, str> {
                Oco::Borrowed(stringify!($name))
            }

            fn delegated(&self) -> bool {
                $delegated
            }
        }
    )*};
}

events! {
    abort UiEvent false,
    animationcancel AnimationEvent false,
    animationend AnimationEvent false,
    animationiteration AnimationEvent false,
    animationstart AnimationEvent false,
    auxclick MouseEvent false,
    beforeinput InputEvent true,
    blur FocusEvent false,
    change Event false,
    click MouseEvent true,
    compositionend CompositionEvent false,
    compositionstart CompositionEvent false,
    compositionupdate CompositionEvent false,
    contextmenu MouseEvent true,
    copy Event false,
    cut Event false,
    dblclick MouseEvent true,
    drag DragEvent false,
    dragend DragEvent false,
    dragenter DragEvent false,
    dragleave DragEvent false,
    dragover DragEvent false,
    dragstart DragEvent false,
    drop DragEvent false,
    error ErrorEvent false,
    focus FocusEvent false,
    focusin FocusEvent true,
    focusout FocusEvent true,
    input Event true,
    invalid Event false,
    keydown KeyboardEvent true,
    keypress KeyboardEvent false,
    keyup KeyboardEvent true,
    load Event false,
    mousedown MouseEvent true,
    mouseenter MouseEvent false,
    mouseleave MouseEvent false,
    mousemove MouseEvent true,
    mouseout MouseEvent true,
    mouseover MouseEvent true,
    mouseup MouseEvent true,
    paste Event false,
    pointercancel PointerEvent false,
    pointerdown PointerEvent true,
    pointerenter PointerEvent false,
    pointerleave PointerEvent false,
    pointermove PointerEvent true,
    pointerout PointerEvent true,
    pointerover PointerEvent true,
    pointerup PointerEvent true,
    reset Event false,
    resize UiEvent false,
    scroll Event false,
    select Event false,
    submit SubmitEvent false,
    toggle Event false,
    touchcancel TouchEvent false,
    touchend TouchEvent true,
    touchmove TouchEvent true,
    touchstart TouchEvent true,
    transitionend TransitionEvent false,
    wheel WheelEvent false,
}

// Window and document events, for `window_event_listener` (and `on:` where
// an element fires them). None bubbles from elements, so none is delegated.
events! {
    afterprint Event false,
    beforeprint Event false,
    beforeunload BeforeUnloadEvent false,
    hashchange HashChangeEvent false,
    languagechange Event false,
    message MessageEvent false,
    messageerror MessageEvent false,
    offline Event false,
    online Event false,
    pagehide PageTransitionEvent false,
    pageshow PageTransitionEvent false,
    popstate PopStateEvent false,
    readystatechange Event false,
    selectionchange Event false,
    storage StorageEvent false,
    unload Event false,
    visibilitychange Event false,
    fullscreenchange Event false,
    fullscreenerror Event false,
    pointerlockchange Event false,
    pointerlockerror Event false,
    scrollend Event false,
}

// Media, transition, pointer-capture and other element events Leptos 0.6
// names too; attached to the element.
events! {
    canplay Event false,
    canplaythrough Event false,
    close Event false,
    cuechange Event false,
    durationchange Event false,
    emptied Event false,
    ended Event false,
    formdata Event false,
    gotpointercapture PointerEvent false,
    loadeddata Event false,
    loadedmetadata Event false,
    loadstart Event false,
    lostpointercapture PointerEvent false,
    pause Event false,
    play Event false,
    playing Event false,
    progress ProgressEvent false,
    ratechange Event false,
    securitypolicyviolation SecurityPolicyViolationEvent false,
    seeked Event false,
    seeking Event false,
    selectstart Event false,
    slotchange Event false,
    stalled Event false,
    suspend Event false,
    timeupdate Event false,
    transitioncancel TransitionEvent false,
    transitionrun TransitionEvent false,
    transitionstart TransitionEvent false,
    volumechange Event false,
    waiting Event false,
    webkitanimationend Event false,
    webkitanimationiteration Event false,
    webkitanimationstart Event false,
    webkittransitionend Event false,
    gamepadconnected GamepadEvent false,
    gamepaddisconnected GamepadEvent false,
    rejectionhandled PromiseRejectionEvent false,
    unhandledrejection PromiseRejectionEvent false,
    devicemotion DeviceMotionEvent false,
    deviceorientation DeviceOrientationEvent false,
    orientationchange Event false,
}

/// The `DOMContentLoaded` event of the document (`web_sys::Event`).
#[allow(non_camel_case_types)]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct DOMContentLoaded;

impl EventDescriptor for DOMContentLoaded {
    type EventType = web_sys::Event;

    fn name(&self) -> Oco<'static, str> {
        Oco::Borrowed("DOMContentLoaded")
    }
}

// The event types themselves, so handlers can name them as `ev::MouseEvent`
// without a direct `web-sys` dependency.
pub use web_sys::{
    AnimationEvent, BeforeUnloadEvent, ClipboardEvent, CompositionEvent, CustomEvent,
    DeviceMotionEvent, DeviceOrientationEvent, DragEvent, ErrorEvent, Event, FocusEvent,
    GamepadEvent, HashChangeEvent, InputEvent, KeyboardEvent, MessageEvent, MouseEvent,
    PageTransitionEvent, PointerEvent, PopStateEvent, ProgressEvent, PromiseRejectionEvent,
    SecurityPolicyViolationEvent, StorageEvent, SubmitEvent, TouchEvent, TransitionEvent, UiEvent,
    WheelEvent,
};

/// Any event by name, handled as `E` (a plain `web_sys::Event` unless
/// chosen otherwise). Custom events are attached directly, not delegated,
/// since they need not bubble.
///
/// # Example
///
/// ```no_run
/// use larkspur::*;
///
/// let el = html::div().on(ev::Custom::new("my-event"), |e: web_sys::Event| {
///     logging::log!("got {}", e.type_());
/// });
/// ```
#[derive(Debug)]
pub struct Custom<E = web_sys::Event> {
    name: Oco<'static, str>,
    options: Option<web_sys::AddEventListenerOptions>,
    _event: PhantomData<fn() -> E>,
}

impl<E> Clone for Custom<E> {
    fn clone(&self) -> Self {
        Custom {
            name: self.name.clone(),
            options: self.options.clone(),
            _event: PhantomData,
        }
    }
}

impl<E: JsCast + FromWasmAbi + 'static> Custom<E> {
    /// An event descriptor for the event called `name`; its handlers get
    /// the event as `E`, which the handler's argument type picks (`|e:
    /// web_sys::CustomEvent| …`), as in Leptos 0.6. `<ev::Custom>::new`
    /// names the default, a plain `web_sys::Event`.
    ///
    /// ```no_run
    /// use larkspur::*;
    ///
    /// let el = html::div().on(ev::Custom::new("picked"), |e: web_sys::CustomEvent| {
    ///     logging::log!("{:?}", e.detail());
    /// });
    /// let plain = html::div().on(<ev::Custom>::new("ping"), |_| {});
    /// ```
    pub fn new(name: impl Into<Oco<'static, str>>) -> Self {
        Custom::typed(name)
    }

    /// An event descriptor for the event called `name` whose handlers get
    /// the event as `E` (for example `web_sys::CustomEvent`).
    ///
    /// ```no_run
    /// use larkspur::*;
    ///
    /// let el = html::div().on(
    ///     ev::Custom::<web_sys::CustomEvent>::typed("picked"),
    ///     |e| logging::log!("{:?}", e.detail()),
    /// );
    /// ```
    pub fn typed(name: impl Into<Oco<'static, str>>) -> Self {
        Custom {
            name: name.into(),
            options: None,
            _event: PhantomData,
        }
    }

    /// The `addEventListener` options for this event's listeners, made on
    /// first use (Leptos 0.6's): set `passive(false)` to call
    /// `prevent_default` in a `wheel` or `touchmove` handler, `capture`,
    /// or `once`. Such a handler gets a listener of its own on the element.
    ///
    /// ```no_run
    /// use larkspur::*;
    ///
    /// let mut wheel = ev::Custom::<web_sys::WheelEvent>::new("wheel");
    /// wheel.options_mut().set_passive(false);
    /// let canvas = html::canvas().on(wheel, |e| e.prevent_default());
    /// ```
    pub fn options_mut(&mut self) -> &mut web_sys::AddEventListenerOptions {
        self.options
            .get_or_insert_with(web_sys::AddEventListenerOptions::new)
    }
}

impl<E: JsCast + FromWasmAbi + 'static> EventDescriptor for Custom<E> {
    type EventType = E;

    fn name(&self) -> Oco<'static, str> {
        self.name.clone()
    }

    fn options(&self) -> &Option<web_sys::AddEventListenerOptions> {
        &self.options
    }
}

/// Wraps a descriptor so its handler is attached to the element itself even
/// if the event is normally delegated (the same as `on_undelegated`).
#[derive(Clone, Copy, Debug)]
pub struct Undelegated<E>(pub E);

impl<E: EventDescriptor> EventDescriptor for Undelegated<E> {
    type EventType = E::EventType;

    fn name(&self) -> Oco<'static, str> {
        self.0.name()
    }

    fn options(&self) -> &Option<web_sys::AddEventListenerOptions> {
        self.0.options()
    }
}

/// Opts one handler out of delegation: `.on(ev::undelegated(ev::click), ..)`.
pub fn undelegated<E: EventDescriptor>(event: E) -> Undelegated<E> {
    Undelegated(event)
}

/// Adding a typed event handler to something that can hold one (Leptos
/// 0.6's `leptos::ev::DOMEventResponder`): a builder element, or an element
/// from a [`NodeRef`](crate::NodeRef) (`node_ref.get()` is the `web-sys`
/// element here). The handler is removed with the current owner, as with
/// `on:` in `view!`; added outside any owner, it stays for the page.
///
/// ```no_run
/// use larkspur::*;
/// use larkspur::ev::DOMEventResponder;
///
/// let input = create_node_ref::<html::Input>();
/// input.on_load(|el| {
///     let _ = el.add(ev::keydown, |e| logging::log!("{}", e.key()));
/// });
/// let button = html::button().add(ev::click, |_| logging::log!("clicked"));
/// ```
pub trait DOMEventResponder: Sized {
    /// Adds `handler` for `event` and returns `self`.
    fn add<E: EventDescriptor + 'static>(
        self,
        event: E,
        handler: impl FnMut(E::EventType) + 'static,
    ) -> Self;
}

impl<El: crate::ElementDescriptor> DOMEventResponder for crate::HtmlElement<El> {
    fn add<E: EventDescriptor + 'static>(
        self,
        event: E,
        handler: impl FnMut(E::EventType) + 'static,
    ) -> Self {
        self.on(event, handler)
    }
}

impl<T: AsRef<web_sys::Element>> DOMEventResponder for T {
    fn add<E: EventDescriptor + 'static>(
        self,
        event: E,
        handler: impl FnMut(E::EventType) + 'static,
    ) -> Self {
        let (name, delegate, handler) = crate::__private::erase(event, handler);
        let listener = crate::dom::events::add_listener(self.as_ref(), &name, delegate, handler);
        // Removed with the current owner; outside any (an event handler, or
        // after an `.await`) it stays for the page, as in Leptos.
        if larkspur_reactive::Owner::current_strict().is_some() {
            larkspur_reactive::on_cleanup(move || listener.remove());
        } else {
            let _page_long = listener;
        }
        self
    }
}
