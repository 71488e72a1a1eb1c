use larkspur::*;

#[component(transparent)]
fn Wrapper(children: Children) -> impl IntoView {
    children()
}

fn main() {}
