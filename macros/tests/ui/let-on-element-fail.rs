use larkspur::*;

fn main() {
    let _ = view! { <ul let:item><li>{item}</li></ul> };
}
