//! Constructors for SVG elements, created with `createElementNS` in the SVG
//! namespace.
//!
//! Function names are the tag names in snake case (`linearGradient` →
//! `linear_gradient`, `use` → `use_`); marker types are the tag names in
//! upper camel case (`svg::LinearGradient`). All of them yield
//! `web_sys::SvgElement` from a [`NodeRef`](crate::NodeRef).
//!
//! ```no_run
//! use larkspur::*;
//!
//! let icon = svg::svg()
//!     .attr("viewBox", "0 0 10 10")
//!     .child(svg::circle().attr("cx", 5).attr("cy", 5).attr("r", 4));
//! ```

use super::{ElementDescriptor, HtmlElement};
use crate::dom::SVG_NAMESPACE;

macro_rules! svg_elements {
    ($($fn_name:ident $ty:ident $tag:literal,)*) => {$(
        #[doc = concat!("Marker type of the SVG `<", $tag, ">` element.")]
        #[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
        pub struct $ty {}

        impl ElementDescriptor for $ty {
            type Output = web_sys::SvgElement;
            fn name(&self) -> larkspur_reactive::Oco<'static, str> {
                larkspur_reactive::Oco::Borrowed($tag)
            }
        }

        super::marker_deref!($ty, web_sys::SvgElement, Some(SVG_NAMESPACE), $tag);

        impl From<HtmlElement<$ty>> for HtmlElement<crate::element::any::AnyElement> {
            fn from(el: HtmlElement<$ty>) -> Self {
                el.into_any()
            }
        }

        #[doc = concat!("Creates an SVG `<", $tag, ">` element.")]
        pub fn $fn_name() -> HtmlElement<$ty> {
            HtmlElement::create_ns(SVG_NAMESPACE, $tag)
        }
    )*};
}

svg_elements! {
    animate Animate "animate",
    animate_motion AnimateMotion "animateMotion",
    animate_transform AnimateTransform "animateTransform",
    circle Circle "circle",
    clip_path ClipPath "clipPath",
    defs Defs "defs",
    desc Desc "desc",
    discard Discard "discard",
    ellipse Ellipse "ellipse",
    fe_blend FeBlend "feBlend",
    fe_color_matrix FeColorMatrix "feColorMatrix",
    fe_component_transfer FeComponentTransfer "feComponentTransfer",
    fe_composite FeComposite "feComposite",
    fe_convolve_matrix FeConvolveMatrix "feConvolveMatrix",
    fe_diffuse_lighting FeDiffuseLighting "feDiffuseLighting",
    fe_displacement_map FeDisplacementMap "feDisplacementMap",
    fe_distant_light FeDistantLight "feDistantLight",
    fe_drop_shadow FeDropShadow "feDropShadow",
    fe_flood FeFlood "feFlood",
    fe_func_a FeFuncA "feFuncA",
    fe_func_b FeFuncB "feFuncB",
    fe_func_g FeFuncG "feFuncG",
    fe_func_r FeFuncR "feFuncR",
    fe_gaussian_blur FeGaussianBlur "feGaussianBlur",
    fe_image FeImage "feImage",
    fe_merge FeMerge "feMerge",
    fe_merge_node FeMergeNode "feMergeNode",
    fe_morphology FeMorphology "feMorphology",
    fe_offset FeOffset "feOffset",
    fe_point_light FePointLight "fePointLight",
    fe_specular_lighting FeSpecularLighting "feSpecularLighting",
    fe_spot_light FeSpotLight "feSpotLight",
    fe_tile FeTile "feTile",
    fe_turbulence FeTurbulence "feTurbulence",
    filter Filter "filter",
    foreign_object ForeignObject "foreignObject",
    hatch Hatch "hatch",
    hatchpath Hatchpath "hatchpath",
    g G "g",
    image Image "image",
    line Line "line",
    linear_gradient LinearGradient "linearGradient",
    marker Marker "marker",
    mask Mask "mask",
    metadata Metadata "metadata",
    mpath Mpath "mpath",
    path Path "path",
    pattern Pattern "pattern",
    polygon Polygon "polygon",
    polyline Polyline "polyline",
    radial_gradient RadialGradient "radialGradient",
    rect Rect "rect",
    set Set "set",
    stop Stop "stop",
    switch Switch "switch",
    symbol Symbol "symbol",
    text Text "text",
    text_path TextPath "textPath",
    tspan Tspan "tspan",
    use_ Use "use",
    view View "view",
    a A "a",
    script Script "script",
    style Style "style",
    title Title "title",
    svg Svg "svg",
}
