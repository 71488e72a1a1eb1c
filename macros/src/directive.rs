//! Attribute keys of `view!`: plain attributes and the `on:`, `class:`,
//! `style:`, `prop:`, `attr:`, `use:`, `let:`, `clone:` directives.

use quote::ToTokens;

/// What an attribute key asks for.
#[derive(Debug, PartialEq, Eq)]
pub enum Directive {
    /// `name=value`, `data-x=value`, `xlink:href=value`.
    Plain(String),
    /// `on:click=handler`, `on:click:undelegated=handler`.
    On { event: String, undelegated: bool },
    /// `class:name=condition`.
    Class(String),
    /// `style:prop=value`.
    Style(String),
    /// `prop:name=value`.
    Prop(String),
    /// `attr:name=value`.
    Attr(String),
    /// `node_ref=r`.
    NodeRef,
    /// `inner_html=html`.
    InnerHtml,
    /// `use:directive` or `use:directive=param`: calls `directive(element,
    /// param)` once the element is built.
    Use(String),
    /// `let:name` on a component: binds the argument of its children closure.
    Let(String),
    /// `clone:name` on a component: clones `name` into its children closure.
    Clone(String),
}

const PREFIXES: &[&str] = &[
    "on", "class", "style", "prop", "attr", "use", "let", "clone",
];

/// Namespaced attribute names that are real XML attributes, not directives.
const XML_PREFIXES: &[&str] = &["xlink", "xml", "xmlns"];

/// Classifies an attribute key, or explains what is wrong with it.
/// Errors span all of `tokens` (the key as written), so rustc underlines
/// `onn:click`, not just `onn`.
pub fn parse(key: &str, tokens: &dyn ToTokens) -> syn::Result<Directive> {
    let err = |msg: String| syn::Error::new_spanned(tokens, msg);
    let Some((prefix, rest)) = key.split_once(':') else {
        return Ok(match key {
            // `ref`, `_ref` and `ref_` are Leptos 0.6's spellings too.
            "node_ref" | "ref" | "_ref" | "ref_" => Directive::NodeRef,
            "inner_html" => Directive::InnerHtml,
            _ => Directive::Plain(key.to_string()),
        });
    };
    if rest.is_empty() {
        return Err(err(format!(
            "`{prefix}:` needs a name after the colon, e.g. `{prefix}:name`"
        )));
    }
    let simple = |name: &str| -> syn::Result<String> {
        if name.contains(':') {
            Err(err(format!(
                "`{key}` has too many `:`; expected `{prefix}:name`"
            )))
        } else {
            Ok(name.to_string())
        }
    };
    match prefix {
        "on" => {
            // As in Leptos 0.6 only a trailing `:undelegated` is a
            // modifier; other `:`s belong to the name (`on:htmx:load`,
            // `on:sl-change`'s namespaced kin). After a built-in event's
            // name one is taken as a mistyped modifier.
            let (event, undelegated) = match rest.strip_suffix(":undelegated") {
                Some(event) => (event, true),
                None => (rest, false),
            };
            match event.split_once(':') {
                Some((known, other)) if crate::tags::is_typed_event(known) => Err(err(format!(
                    "unknown event modifier `{other}`; the only modifier is `undelegated`, as in `on:{known}:undelegated`"
                ))),
                _ => Ok(Directive::On {
                    event: event.to_string(),
                    undelegated,
                }),
            }
        }
        // Class and attribute names keep their `:`s, as in Leptos 0.6:
        // `class:md:hidden` toggles Tailwind's `md:hidden`, and
        // `attr:xlink:href` sets `xlink:href`.
        "class" => Ok(Directive::Class(rest.to_string())),
        "style" => Ok(Directive::Style(simple(rest)?)),
        "prop" => Ok(Directive::Prop(simple(rest)?)),
        "attr" => Ok(Directive::Attr(rest.to_string())),
        "use" => Ok(Directive::Use(simple(rest)?)),
        "let" => Ok(Directive::Let(simple(rest)?)),
        "clone" => Ok(Directive::Clone(simple(rest)?)),
        p if XML_PREFIXES.contains(&p) => Ok(Directive::Plain(key.to_string())),
        unknown => {
            // A near-miss of a directive is a typo; any other prefix is
            // part of a plain attribute's name (`data:name`, Inkscape's
            // `inkscape:label`), set as written, as Leptos 0.6 does.
            let near = PREFIXES.iter().find(|p| {
                let d = edit_distance(p, unknown);
                d <= 1 || (d == 2 && unknown.len() >= 4 && p.len() >= 4)
            });
            match near {
                None => Ok(Directive::Plain(key.to_string())),
                Some(p) => Err(err(format!(
                    "unknown directive `{unknown}:`; expected one of `on:`, `class:`, `style:`, `prop:`, `attr:`, `use:`, `let:`, `clone:`; did you mean `{p}:{rest}`?"
                ))),
            }
        }
    }
}

/// Levenshtein distance, for "did you mean" hints on short names.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let sub = prev[j] + usize::from(ca != *cb);
            cur.push(sub.min(prev[j + 1] + 1).min(cur[j] + 1));
        }
        prev = cur;
    }
    prev[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(k: &str) -> Result<Directive, String> {
        parse(
            k,
            &proc_macro2::Ident::new("k", proc_macro2::Span::call_site()),
        )
        .map_err(|e| e.to_string())
    }

    #[test]
    fn classifies_keys() {
        assert_eq!(p("id"), Ok(Directive::Plain("id".into())));
        assert_eq!(p("data-x"), Ok(Directive::Plain("data-x".into())));
        assert_eq!(p("xlink:href"), Ok(Directive::Plain("xlink:href".into())));
        assert_eq!(p("data:name"), Ok(Directive::Plain("data:name".into())));
        assert_eq!(
            p("inkscape:label"),
            Ok(Directive::Plain("inkscape:label".into()))
        );
        assert_eq!(
            p("on:click"),
            Ok(Directive::On {
                event: "click".into(),
                undelegated: false
            })
        );
        assert_eq!(
            p("on:click:undelegated"),
            Ok(Directive::On {
                event: "click".into(),
                undelegated: true
            })
        );
        assert_eq!(
            p("style:background-color"),
            Ok(Directive::Style("background-color".into()))
        );
        assert_eq!(p("node_ref"), Ok(Directive::NodeRef));
        assert_eq!(p("ref"), Ok(Directive::NodeRef));
        assert_eq!(p("_ref"), Ok(Directive::NodeRef));
        assert_eq!(p("ref_"), Ok(Directive::NodeRef));
        assert_eq!(p("let:row"), Ok(Directive::Let("row".into())));
        assert_eq!(p("use:focus"), Ok(Directive::Use("focus".into())));
    }

    #[test]
    fn explains_unknown_directives() {
        let e = p("onn:click").unwrap_err();
        assert!(e.contains("unknown directive `onn:`"), "{e}");
        assert!(e.contains("did you mean `on:click`"), "{e}");
        assert!(p("on:click:later").unwrap_err().contains("undelegated"));
        // Namespaced custom events keep their `:`s (Leptos 0.6).
        assert_eq!(
            p("on:htmx:load"),
            Ok(Directive::On {
                event: "htmx:load".into(),
                undelegated: false
            })
        );
        assert_eq!(
            p("on:htmx:load:undelegated"),
            Ok(Directive::On {
                event: "htmx:load".into(),
                undelegated: true
            })
        );
        // Tailwind variants and namespaced attributes keep their `:`s.
        assert_eq!(
            p("class:md:hidden"),
            Ok(Directive::Class("md:hidden".into()))
        );
        assert_eq!(
            p("class:dark:hover:bg-gray-800"),
            Ok(Directive::Class("dark:hover:bg-gray-800".into()))
        );
        assert_eq!(
            p("attr:xlink:href"),
            Ok(Directive::Attr("xlink:href".into()))
        );
        assert!(p("style:a:b").unwrap_err().contains("too many `:`"));
        assert!(p("clas:active")
            .unwrap_err()
            .contains("did you mean `class:active`"));
        assert!(p("stlye:color")
            .unwrap_err()
            .contains("did you mean `style:color`"));
    }
}
