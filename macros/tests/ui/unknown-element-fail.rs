use larkspur::*;

fn main() {
    let _ = view! { <dvi>"typo"</dvi> };
}
