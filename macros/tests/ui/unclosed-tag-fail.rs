use larkspur::*;

fn main() {
    let _ = view! {
        <div>
            <p>"never closed"
        </div>
    };
}
