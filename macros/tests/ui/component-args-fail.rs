use larkspur::*;

#[component(islands)]
fn Wrapper(children: Children) -> impl IntoView {
    children()
}

fn main() {}
