//! Constructors for every HTML element, plus [`custom`] for custom elements.
//!
//! Each tag has a constructor function (`html::div()`) and a marker type
//! (`html::Div`) naming its `web_sys` interface, so that
//! `NodeRef<html::Input>` yields a `web_sys::HtmlInputElement`. The
//! constructors all funnel into one non-generic `createElement` call.
//!
//! ```no_run
//! use larkspur::*;
//!
//! let page = html::main()
//!     .child(html::h1().child("Welcome"))
//!     .child(html::p().attr("class", "lead").child("Text"));
//! ```

pub use super::{AnyElement, Binding, ElementDescriptor, HtmlElement, ToHtmlElement};

/// Marker type of the `<script>` element.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Script {}

impl ElementDescriptor for Script {
    type Output = web_sys::HtmlScriptElement;
    fn name(&self) -> larkspur_reactive::Oco<'static, str> {
        larkspur_reactive::Oco::Borrowed("script")
    }
}

super::marker_deref!(Script, web_sys::HtmlScriptElement, None, "script");

/// Creates an **inert** `<script>` element: it never runs, whatever text,
/// `src` or properties it is given later (see the script policy on
/// [`TrustedUrl`](crate::TrustedUrl)). A script the app means to run is
/// loaded with a plain DOM call (`document.create_element("script")`),
/// written where a reviewer sees it.
///
/// ```no_run
/// use larkspur::*;
///
/// // JSON-LD or a template for another library: data, not code.
/// let data = html::script().attr("type", "application/ld+json").child("{}");
/// ```
pub fn script() -> HtmlElement<Script> {
    HtmlElement::from_element(crate::dom::create_inert_script())
}

macro_rules! html_elements {
    ($($tag:ident $ty:ident $web:ident,)*) => {$(
        #[doc = concat!("Marker type of the `<", stringify!($tag), ">` element.")]
        #[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
        pub struct $ty {}

        impl ElementDescriptor for $ty {
            type Output = web_sys::$web;
            fn name(&self) -> larkspur_reactive::Oco<'static, str> {
                larkspur_reactive::Oco::Borrowed(stringify!($tag))
            }
            fn is_void(&self) -> bool {
                super::is_void_tag(stringify!($tag))
            }
        }

        super::marker_deref!($ty, web_sys::$web, None, stringify!($tag));

        impl From<HtmlElement<$ty>> for HtmlElement<crate::element::any::AnyElement> {
            fn from(el: HtmlElement<$ty>) -> Self {
                el.into_any()
            }
        }

        #[doc = concat!("Creates a `<", stringify!($tag), ">` element.")]
        pub fn $tag() -> HtmlElement<$ty> {
            HtmlElement::create(stringify!($tag))
        }
    )*};
}

html_elements! {
    a A HtmlAnchorElement,
    abbr Abbr HtmlElement,
    address Address HtmlElement,
    area Area HtmlAreaElement,
    article Article HtmlElement,
    aside Aside HtmlElement,
    audio Audio HtmlAudioElement,
    b B HtmlElement,
    base Base HtmlBaseElement,
    bdi Bdi HtmlElement,
    bdo Bdo HtmlElement,
    blockquote Blockquote HtmlQuoteElement,
    body Body HtmlBodyElement,
    br Br HtmlBrElement,
    button Button HtmlButtonElement,
    canvas Canvas HtmlCanvasElement,
    caption Caption HtmlTableCaptionElement,
    cite Cite HtmlElement,
    code Code HtmlElement,
    col Col HtmlTableColElement,
    colgroup Colgroup HtmlTableColElement,
    data Data HtmlDataElement,
    datalist Datalist HtmlDataListElement,
    dd Dd HtmlElement,
    del Del HtmlModElement,
    details Details HtmlDetailsElement,
    dfn Dfn HtmlElement,
    dialog Dialog HtmlDialogElement,
    div Div HtmlDivElement,
    dl Dl HtmlDListElement,
    dt Dt HtmlElement,
    em Em HtmlElement,
    embed Embed HtmlEmbedElement,
    fieldset Fieldset HtmlFieldSetElement,
    figcaption Figcaption HtmlElement,
    figure Figure HtmlElement,
    footer Footer HtmlElement,
    form Form HtmlFormElement,
    h1 H1 HtmlHeadingElement,
    h2 H2 HtmlHeadingElement,
    h3 H3 HtmlHeadingElement,
    h4 H4 HtmlHeadingElement,
    h5 H5 HtmlHeadingElement,
    h6 H6 HtmlHeadingElement,
    head Head HtmlHeadElement,
    header Header HtmlElement,
    hgroup Hgroup HtmlElement,
    hr Hr HtmlHrElement,
    html Html HtmlHtmlElement,
    i I HtmlElement,
    iframe Iframe HtmlIFrameElement,
    img Img HtmlImageElement,
    input Input HtmlInputElement,
    ins Ins HtmlModElement,
    kbd Kbd HtmlElement,
    label Label HtmlLabelElement,
    legend Legend HtmlLegendElement,
    li Li HtmlLiElement,
    link Link HtmlLinkElement,
    main Main HtmlElement,
    map Map HtmlMapElement,
    mark Mark HtmlElement,
    menu Menu HtmlMenuElement,
    meta Meta HtmlMetaElement,
    meter Meter HtmlMeterElement,
    nav Nav HtmlElement,
    noscript Noscript HtmlElement,
    object Object HtmlObjectElement,
    ol Ol HtmlOListElement,
    optgroup Optgroup HtmlOptGroupElement,
    option Option_ HtmlOptionElement,
    output Output HtmlOutputElement,
    p P HtmlParagraphElement,
    picture Picture HtmlPictureElement,
    pre Pre HtmlPreElement,
    progress Progress HtmlProgressElement,
    q Q HtmlQuoteElement,
    rp Rp HtmlElement,
    rt Rt HtmlElement,
    ruby Ruby HtmlElement,
    s S HtmlElement,
    samp Samp HtmlElement,
    search Search HtmlElement,
    section Section HtmlElement,
    select Select HtmlSelectElement,
    slot Slot HtmlSlotElement,
    small Small HtmlElement,
    source Source HtmlSourceElement,
    span Span HtmlSpanElement,
    strong Strong HtmlElement,
    style Style HtmlStyleElement,
    sub Sub HtmlElement,
    summary Summary HtmlElement,
    sup Sup HtmlElement,
    table Table HtmlTableElement,
    tbody Tbody HtmlTableSectionElement,
    td Td HtmlTableCellElement,
    template Template HtmlTemplateElement,
    textarea Textarea HtmlTextAreaElement,
    tfoot Tfoot HtmlTableSectionElement,
    th Th HtmlTableCellElement,
    thead Thead HtmlTableSectionElement,
    time Time HtmlTimeElement,
    title Title HtmlTitleElement,
    tr Tr HtmlTableRowElement,
    track Track HtmlTrackElement,
    u U HtmlElement,
    ul Ul HtmlUListElement,
    var Var HtmlElement,
    video Video HtmlVideoElement,
    wbr Wbr HtmlElement,
    // In 0.6's HTML list too: `html::math` is an HTML-namespace `<math>`
    // (`view!` builds `<math>` with `math::math`).
    math Math HtmlElement,
    param Param HtmlParamElement,
    portal Portal HtmlElement,
}

/// Marker type of an `<svg>` made with [`html::svg`](svg), a type of its
/// own as in Leptos 0.6 (a library may implement a trait for both
/// `NodeRef<html::Svg>` and `NodeRef<svg::Svg>`). `view!` builds `<svg>`
/// as a [`svg::Svg`](crate::svg::Svg), as 0.6's does.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Svg {}

impl ElementDescriptor for Svg {
    type Output = web_sys::SvgElement;
    fn name(&self) -> larkspur_reactive::Oco<'static, str> {
        larkspur_reactive::Oco::Borrowed("svg")
    }
}

super::marker_deref!(
    Svg,
    web_sys::SvgElement,
    Some(crate::dom::SVG_NAMESPACE),
    "svg"
);

impl From<HtmlElement<Svg>> for HtmlElement<crate::element::any::AnyElement> {
    fn from(el: HtmlElement<Svg>) -> Self {
        el.into_any()
    }
}

/// Creates an `<svg>` root element, in the SVG namespace (where 0.6's
/// `html::svg` made an HTML `<svg>` that does not render).
pub fn svg() -> HtmlElement<Svg> {
    HtmlElement::create_ns(crate::dom::SVG_NAMESPACE, "svg")
}

/// A text node (Leptos 0.6's `leptos_dom::html::text`), for
/// `View::Text(html::text(s))` or `.child(html::text(s))`.
///
/// ```no_run
/// use larkspur::*;
/// let p = html::p().child(html::text("hi"));
/// ```
pub fn text(content: impl Into<larkspur_reactive::Oco<'static, str>>) -> crate::Text {
    crate::Text::new(content.into())
}

/// Marker type of custom elements (and any tag without its own marker).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Custom {
    name: larkspur_reactive::Oco<'static, str>,
}

impl Custom {
    /// A custom element's tag, for [`custom`] (Leptos 0.6's
    /// `html::custom(html::Custom::new("my-widget"))`).
    ///
    /// ```no_run
    /// use larkspur::*;
    /// let widget = html::custom(html::Custom::new("my-widget"));
    /// ```
    pub fn new(name: impl Into<larkspur_reactive::Oco<'static, str>>) -> Self {
        Custom { name: name.into() }
    }

    /// The tag name (what [`ElementDescriptor::name`] returns, as Leptos
    /// 0.6's `Custom` has it).
    pub fn name(&self) -> larkspur_reactive::Oco<'static, str> {
        self.name.clone()
    }
}

/// What [`custom`] takes: a tag name (`&str`, `String`) or a [`Custom`].
pub trait CustomTag {
    /// The tag name.
    fn tag(&self) -> &str;
}

impl CustomTag for &str {
    fn tag(&self) -> &str {
        self
    }
}

impl CustomTag for String {
    fn tag(&self) -> &str {
        self
    }
}

impl CustomTag for Custom {
    fn tag(&self) -> &str {
        &self.name
    }
}

impl ElementDescriptor for Custom {
    type Output = web_sys::HtmlElement;
    fn name(&self) -> larkspur_reactive::Oco<'static, str> {
        Custom::name(self)
    }
}

impl std::ops::Deref for Custom {
    type Target = web_sys::HtmlElement;

    /// A detached element of this tag, made once (a marker holds no
    /// element).
    fn deref(&self) -> &web_sys::HtmlElement {
        wasm_bindgen::JsCast::unchecked_ref(super::marker_element(None, &self.name))
    }
}

impl From<HtmlElement<Custom>> for HtmlElement<crate::element::any::AnyElement> {
    fn from(el: HtmlElement<Custom>) -> Self {
        el.into_any()
    }
}

/// Creates an element with any tag name, such as a custom element.
///
/// # Example
///
/// ```no_run
/// use larkspur::*;
///
/// let widget = html::custom("my-widget").attr("mode", "compact");
/// ```
pub fn custom(tag: impl CustomTag) -> HtmlElement<Custom> {
    HtmlElement::from_element(crate::dom::create_element_dynamic(tag.tag()))
}
