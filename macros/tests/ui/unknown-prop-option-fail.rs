use larkspur::*;

#[component]
fn Greeting(#[prop(optinal)] name: String) -> impl IntoView {
    view! { <p>"Hello, " {name}</p> }
}

fn main() {}
