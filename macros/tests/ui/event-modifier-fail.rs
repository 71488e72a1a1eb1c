use larkspur::*;

fn main() {
    let _ = view! { <button on:click:later=move |_| ()>"x"</button> };
}
