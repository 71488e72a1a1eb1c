//! Unquoted text in `view!` (`<p>Some text</p>`, as Leptos 0.6 accepts
//! it), turned into ordinary text nodes before code generation.

use proc_macro2::{LineColumn, TokenStream};
use quote::ToTokens;
use rstml::node::Node;
use syn::spanned::Spanned;

/// Unquoted text (`<p>Some text</p>`, accepted as Leptos 0.6 does) becomes
/// ordinary text nodes before code generation, so the builder and template
/// paths treat it exactly like `"Some text"`.
///
/// The parser sees tokens, not characters, so the text is rebuilt from the
/// tokens' source text and positions: tokens that touch in the source touch
/// in the text (`Hello, world!`), any gap between them is one space, and a
/// gap between the text and a sibling node is one space too. Whitespace at
/// the start or end of an element's content is dropped.
pub fn quote_raw_text(nodes: &mut [Node]) {
    let bounds: Vec<Option<(LineColumn, LineColumn)>> = nodes.iter().map(node_bounds).collect();
    for i in 0..nodes.len() {
        match &mut nodes[i] {
            Node::RawText(raw) => {
                let span = raw.join_spans().unwrap_or_else(|| raw.span());
                let mut text = tokens_text(raw.to_token_stream());
                if let Some((start, end)) = bounds[i] {
                    let prev_end = i.checked_sub(1).and_then(|p| bounds[p]).map(|b| b.1);
                    let next_start = bounds.get(i + 1).copied().flatten().map(|b| b.0);
                    if prev_end.is_some_and(|p| p != start) {
                        text.insert(0, ' ');
                    }
                    if next_start.is_some_and(|n| n != end) {
                        text.push(' ');
                    }
                }
                nodes[i] = Node::Text(rstml::node::NodeText {
                    value: syn::LitStr::new(&text, span),
                });
            }
            Node::Element(el) => quote_raw_text(&mut el.children),
            Node::Fragment(f) => quote_raw_text(&mut f.children),
            _ => {}
        }
    }
}

/// Where a node starts and ends in the source, when the compiler says.
fn node_bounds(node: &Node) -> Option<(LineColumn, LineColumn)> {
    let tokens = node.to_token_stream();
    let first = tokens.clone().into_iter().next()?.span().start();
    let last = tokens.into_iter().last()?.span().end();
    // Line 0 is the "unknown position" answer outside a compiler session.
    (first.line > 0).then_some((first, last))
}

/// The text of a run of tokens: each token's own source text, with one
/// space wherever the source had a gap.
fn tokens_text(tokens: TokenStream) -> String {
    let mut out = String::new();
    let mut prev_end: Option<LineColumn> = None;
    for tt in tokens {
        let span = tt.span();
        let start = span.start();
        if let Some(prev) = prev_end {
            if prev != start || start.line == 0 {
                out.push(' ');
            }
        }
        out.push_str(&span.source_text().unwrap_or_else(|| tt.to_string()));
        prev_end = Some(span.end());
    }
    out
}
