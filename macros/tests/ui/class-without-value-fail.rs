use larkspur::*;

fn main() {
    let _ = view! { <div class:active>"x"</div> };
}
