use larkspur::*;

fn main() {
    let (count, set_count) = create_signal(0);
    let _ = view! {
        <button onn:click=move |_| set_count(count() + 1)>"+1"</button>
    };
}
