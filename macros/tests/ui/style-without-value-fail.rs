use larkspur::*;

fn main() {
    let _ = view! { <div style:color on:click>"x"</div> };
}
