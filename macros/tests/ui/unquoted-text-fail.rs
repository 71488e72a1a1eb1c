use larkspur::*;

fn main() {
    let _ = view! { <p>Hello world</p> };
}
