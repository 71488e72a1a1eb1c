use larkspur::*;

fn main() {
    let count = 3;
    let _ = view! { <button on:click=count>"+1"</button> };
}
