use larkspur::*;

#[component]
fn Card(children: Children) -> impl IntoView {
    view! { <div class="card">{children()}</div> }
}

fn main() {
    let _ = view! { <Card/> };
}
