//! Constructors for MathML elements, created in the MathML namespace.
//!
//! ```no_run
//! use larkspur::*;
//!
//! let formula = math::math().child(
//!     math::msup().child(math::mi().child("x")).child(math::mn().child("2")),
//! );
//! ```

use super::{ElementDescriptor, HtmlElement};
use crate::dom::MATHML_NAMESPACE;

macro_rules! math_elements {
    ($($fn_name:ident $ty:ident $tag:literal,)*) => {$(
        #[doc = concat!("Marker type of the MathML `<", $tag, ">` element.")]
        #[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
        pub struct $ty {}

        impl ElementDescriptor for $ty {
            type Output = web_sys::Element;
            fn name(&self) -> larkspur_reactive::Oco<'static, str> {
                larkspur_reactive::Oco::Borrowed($tag)
            }
        }

        super::marker_deref!($ty, web_sys::Element, Some(MATHML_NAMESPACE), $tag);

        impl From<HtmlElement<$ty>> for HtmlElement<crate::element::any::AnyElement> {
            fn from(el: HtmlElement<$ty>) -> Self {
                el.into_any()
            }
        }

        #[doc = concat!("Creates a MathML `<", $tag, ">` element.")]
        pub fn $fn_name() -> HtmlElement<$ty> {
            HtmlElement::create_ns(MATHML_NAMESPACE, $tag)
        }
    )*};
}

math_elements! {
    math Math "math",
    mi Mi "mi",
    mn Mn "mn",
    mo Mo "mo",
    ms Ms "ms",
    mtext Mtext "mtext",
    mrow Mrow "mrow",
    mfrac Mfrac "mfrac",
    msqrt Msqrt "msqrt",
    mroot Mroot "mroot",
    msub Msub "msub",
    msup Msup "msup",
    msubsup Msubsup "msubsup",
    munder Munder "munder",
    mover Mover "mover",
    munderover Munderover "munderover",
    mtable Mtable "mtable",
    mtr Mtr "mtr",
    mtd Mtd "mtd",
    mspace Mspace "mspace",
    mpadded Mpadded "mpadded",
    mphantom Mphantom "mphantom",
    menclose Menclose "menclose",
    semantics Semantics "semantics",
    annotation Annotation "annotation",
    annotation_xml AnnotationXml "annotation-xml",
    maction Maction "maction",
    merror Merror "merror",
    mfenced Mfenced "mfenced",
    mmultiscripts Mmultiscripts "mmultiscripts",
    mprescripts Mprescripts "mprescripts",
    mstyle Mstyle "mstyle",
}
