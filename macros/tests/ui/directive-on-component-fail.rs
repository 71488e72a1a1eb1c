use larkspur::*;

#[component]
fn Counter(initial: i32) -> impl IntoView {
    view! { <p>{initial}</p> }
}

fn main() {
    let _ = view! { <Counter initial=1 class:big=true/> };
}
