use larkspur::*;

fn main() {
    let attrs: Vec<(&'static str, Attribute)> = vec![];
    // A block that is not `{..spread}` is not an attribute.
    let _ = view! { <div {attrs}>"x"</div> };
}
