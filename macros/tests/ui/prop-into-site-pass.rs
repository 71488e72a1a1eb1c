//! A value a `#[prop(into)]` setter makes (a `Callback` from a closure) is
//! created at the line that passed the closure: a read after it is
//! disposed names that line, not the macro's setter (review-109).
use larkspur::*;

#[component]
fn Child(#[prop(into)] on_saved: Callback<()>, #[prop(optional, into)] label: Option<Callback<(), String>>) -> impl IntoView {
    let _ = (on_saved, label);
}

fn message(run: impl FnOnce() + std::panic::UnwindSafe) -> String {
    let payload = std::panic::catch_unwind(run).expect_err("a disposed callback panics");
    payload
        .downcast_ref::<String>()
        .cloned()
        .or_else(|| payload.downcast_ref::<&str>().map(|s| s.to_string()))
        .unwrap_or_default()
}

fn main() {
    std::panic::set_hook(Box::new(|_| {}));
    let owner = Owner::new_child();
    let props = owner.with(|| {
        ChildProps::builder()
            .on_saved(|_| ())
            .label(|_| String::new())
            .build()
    });
    owner.dispose();
    let (on_saved, label) = (props.on_saved, props.label.unwrap());
    let saved = message(move || on_saved.call(()));
    assert!(saved.contains("prop-into-site-pass.rs:25"), "{saved}");
    let label = message(move || drop(label.call(())));
    // The default hook back, so a failed assertion prints its message.
    drop(std::panic::take_hook());
    assert!(label.contains("prop-into-site-pass.rs:26"), "{label}");
}
