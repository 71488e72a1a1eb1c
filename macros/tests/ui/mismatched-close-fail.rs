use larkspur::*;

fn main() {
    let _ = view! {
        <section>
            <h1>"Title"</h2>
        </section>
    };
}
