use larkspur::*;

#[component]
fn Card(children: Children) -> impl IntoView {
    view! { <div>{children()}</div> }
}

fn main() {
    let body = ToChildren::to_children(|| Fragment::new(vec![]));
    let _ = view! { <Card children=body><p>"also here"</p></Card> };
}
