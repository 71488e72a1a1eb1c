use larkspur::*;

#[component]
fn Point((x, y): (i32, i32)) -> impl IntoView {
    view! { <p>{x} {y}</p> }
}

fn main() {}
