use larkspur::*;

#[component]
fn Tab(index: usize, #[prop(optional, into)] label: String) -> impl IntoView {
    view! { <p>{index} {label}</p> }
}

fn main() {
    let _ = view! { <Tab label="first"/> };
}
