//! Tag and event name tables: which constructor module a tag lives in, and
//! which event names have a typed `ev::` struct.

/// Elements that exist only in the SVG namespace. Outside an `<svg>` these
/// still resolve to `svg::…`, so a stray `<circle/>` in a component that is
/// used inside an `<svg>` gets the right namespace.
const SVG_ONLY: &[&str] = &[
    "animate",
    "animateMotion",
    "animateTransform",
    "circle",
    "clipPath",
    "defs",
    "desc",
    "ellipse",
    "feBlend",
    "feColorMatrix",
    "feComponentTransfer",
    "feComposite",
    "feConvolveMatrix",
    "feDiffuseLighting",
    "feDisplacementMap",
    "feDistantLight",
    "feDropShadow",
    "feFlood",
    "feFuncA",
    "feFuncB",
    "feFuncG",
    "feFuncR",
    "feGaussianBlur",
    "feImage",
    "feMerge",
    "feMergeNode",
    "feMorphology",
    "feOffset",
    "fePointLight",
    "feSpecularLighting",
    "feSpotLight",
    "feTile",
    "feTurbulence",
    "filter",
    "foreignObject",
    "g",
    "image",
    "line",
    "linearGradient",
    "marker",
    "mask",
    "metadata",
    "mpath",
    "path",
    "pattern",
    "polygon",
    "polyline",
    "radialGradient",
    "rect",
    "set",
    "stop",
    "switch",
    "symbol",
    "text",
    "textPath",
    "tspan",
    "use",
    "view",
];

/// MathML elements, which are MathML wherever they are written: a
/// component that returns `<mi>` or `<mrow>` for a parent's `<math>` builds
/// them in the MathML namespace, as SVG-only tags are built as SVG (Leptos
/// 0.6 does the same). No HTML element has one of these names.
const MATHML_ONLY: &[&str] = &[
    "annotation",
    "annotation-xml",
    "maction",
    "menclose",
    "merror",
    "mfenced",
    "mfrac",
    "mi",
    "mmultiscripts",
    "mn",
    "mo",
    "mover",
    "mpadded",
    "mphantom",
    "mprescripts",
    "mroot",
    "mrow",
    "ms",
    "mspace",
    "msqrt",
    "mstyle",
    "msub",
    "msubsup",
    "msup",
    "mtable",
    "mtd",
    "mtext",
    "mtr",
    "munder",
    "munderover",
    "semantics",
];

/// Where an element's constructor lives.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Namespace {
    Html,
    Svg,
    MathMl,
}

/// Picks the namespace of `tag` given the namespace of its parent element.
/// `<svg>` itself is built by `svg::svg()` (a `svg::Svg`, as in Leptos 0.6,
/// not the distinct `html::Svg`); everything inside it is SVG until a
/// `<foreignObject>` switches back.
pub fn namespace_of(tag: &str, parent: Namespace) -> Namespace {
    if tag == "svg" && parent != Namespace::MathMl {
        Namespace::Svg
    } else if parent == Namespace::MathMl
        || tag == "math"
        || (parent == Namespace::Html && MATHML_ONLY.contains(&tag))
    {
        Namespace::MathMl
    } else if parent == Namespace::Svg || SVG_ONLY.contains(&tag) {
        Namespace::Svg
    } else {
        Namespace::Html
    }
}

/// The namespace the children of `tag` are in.
pub fn children_namespace(tag: &str, own: Namespace) -> Namespace {
    match tag {
        "svg" => Namespace::Svg,
        "math" => Namespace::MathMl,
        "foreignObject" => Namespace::Html,
        _ => own,
    }
}

/// Turns a tag name into the name of its constructor function:
/// `feGaussianBlur` → `fe_gaussian_blur`, `use` → `use_`.
pub fn constructor_name(tag: &str) -> String {
    let mut out = String::with_capacity(tag.len() + 4);
    for (i, c) in tag.chars().enumerate() {
        if c == '-' {
            // `annotation-xml` → `annotation_xml`
            out.push('_');
        } else if c.is_ascii_uppercase() {
            if i > 0 {
                out.push('_');
            }
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    if is_keyword(&out) {
        out.push('_');
    }
    out
}

fn is_keyword(s: &str) -> bool {
    matches!(
        s,
        "use" | "type" | "loop" | "match" | "move" | "ref" | "self" | "super" | "struct" | "mod"
    )
}

/// Events with a typed struct in `larkspur::ev` (kept equal to the list in
/// `src/ev.rs`). Any other `on:name` becomes
/// `ev::Custom::new("name")`, whose handler receives a plain `web_sys::Event`.
const TYPED_EVENTS: &[&str] = &[
    "abort",
    "afterprint",
    "animationcancel",
    "animationend",
    "animationiteration",
    "animationstart",
    "auxclick",
    "beforeinput",
    "beforeprint",
    "beforeunload",
    "blur",
    "canplay",
    "canplaythrough",
    "change",
    "click",
    "close",
    "compositionend",
    "compositionstart",
    "compositionupdate",
    "contextmenu",
    "copy",
    "cuechange",
    "cut",
    "dblclick",
    "devicemotion",
    "deviceorientation",
    "drag",
    "dragend",
    "dragenter",
    "dragleave",
    "dragover",
    "dragstart",
    "drop",
    "durationchange",
    "emptied",
    "ended",
    "error",
    "focus",
    "focusin",
    "focusout",
    "formdata",
    "fullscreenchange",
    "fullscreenerror",
    "gamepadconnected",
    "gamepaddisconnected",
    "gotpointercapture",
    "hashchange",
    "input",
    "invalid",
    "keydown",
    "keypress",
    "keyup",
    "languagechange",
    "load",
    "loadeddata",
    "loadedmetadata",
    "loadstart",
    "lostpointercapture",
    "message",
    "messageerror",
    "mousedown",
    "mouseenter",
    "mouseleave",
    "mousemove",
    "mouseout",
    "mouseover",
    "mouseup",
    "offline",
    "online",
    "orientationchange",
    "pagehide",
    "pageshow",
    "paste",
    "pause",
    "play",
    "playing",
    "pointercancel",
    "pointerdown",
    "pointerenter",
    "pointerleave",
    "pointerlockchange",
    "pointerlockerror",
    "pointermove",
    "pointerout",
    "pointerover",
    "pointerup",
    "popstate",
    "progress",
    "ratechange",
    "readystatechange",
    "rejectionhandled",
    "reset",
    "resize",
    "scroll",
    "scrollend",
    "securitypolicyviolation",
    "seeked",
    "seeking",
    "select",
    "selectionchange",
    "selectstart",
    "slotchange",
    "stalled",
    "storage",
    "submit",
    "suspend",
    "timeupdate",
    "toggle",
    "touchcancel",
    "touchend",
    "touchmove",
    "touchstart",
    "transitioncancel",
    "transitionend",
    "transitionrun",
    "transitionstart",
    "unhandledrejection",
    "unload",
    "visibilitychange",
    "volumechange",
    "waiting",
    "webkitanimationend",
    "webkitanimationiteration",
    "webkitanimationstart",
    "webkittransitionend",
    "wheel",
];

/// Whether `larkspur::ev` has a typed struct named after this event.
pub fn is_typed_event(name: &str) -> bool {
    TYPED_EVENTS.contains(&name)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every event `larkspur::ev` names (its `events!` tables) is typed,
    /// and only those: `on:transitionstart` hands the handler a
    /// `TransitionEvent`, as in Leptos 0.6.
    #[test]
    fn typed_events_are_the_ones_ev_defines() {
        let ev = include_str!("../../dom/src/ev.rs");
        let mut defined: Vec<&str> = ev
            .split("events! {")
            .skip(1)
            .flat_map(|block| block.split("\n}").next().unwrap_or("").lines())
            .filter_map(|line| {
                let mut words = line.split_whitespace();
                let (name, _ty, last) = (words.next()?, words.next()?, words.next()?);
                last.ends_with(',').then_some(name)
            })
            .collect();
        defined.sort_unstable();
        assert_eq!(defined, TYPED_EVENTS);
    }

    #[test]
    fn constructor_names() {
        assert_eq!(constructor_name("div"), "div");
        assert_eq!(constructor_name("feGaussianBlur"), "fe_gaussian_blur");
        assert_eq!(constructor_name("use"), "use_");
        assert_eq!(constructor_name("foreignObject"), "foreign_object");
    }

    #[test]
    fn namespaces() {
        assert_eq!(namespace_of("div", Namespace::Html), Namespace::Html);
        assert_eq!(namespace_of("circle", Namespace::Html), Namespace::Svg);
        assert_eq!(namespace_of("a", Namespace::Svg), Namespace::Svg);
        assert_eq!(children_namespace("svg", Namespace::Html), Namespace::Svg);
        assert_eq!(namespace_of("math", Namespace::Html), Namespace::MathMl);
        assert_eq!(namespace_of("mi", Namespace::MathMl), Namespace::MathMl);
        // Written outside `<math>` (a component's root for a parent's
        // `<math>`), MathML tags stay MathML; other tags stay HTML.
        assert_eq!(namespace_of("mi", Namespace::Html), Namespace::MathMl);
        assert_eq!(namespace_of("mrow", Namespace::Html), Namespace::MathMl);
        assert_eq!(
            namespace_of("annotation-xml", Namespace::Html),
            Namespace::MathMl
        );
        assert_eq!(namespace_of("menu", Namespace::Html), Namespace::Html);
        // Inside `<foreignObject>`… HTML again; inside SVG, SVG.
        assert_eq!(namespace_of("mi", Namespace::Svg), Namespace::Svg);
        assert_eq!(
            children_namespace("foreignObject", Namespace::Svg),
            Namespace::Html
        );
    }
}
