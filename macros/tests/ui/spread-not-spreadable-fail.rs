use larkspur::*;

fn main() {
    let _ = view! { <div {..5}></div> };
}
