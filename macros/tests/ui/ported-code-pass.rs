//! Leptos 0.6 code found in ported apps and libraries (probe46) that must
//! compile unchanged, without warnings.
#![deny(warnings)]
use larkspur::*;

// A one-line component body (`unused_braces` fired on the body's braces).
#[component]
fn One() -> impl IntoView { view! { <p>"a"</p> } }

#[component]
fn WithProp(n: i32) -> impl IntoView { view! { <p>{n}</p> } }

// A handler written as a macro call (leptos_form's number inputs).
macro_rules! reject_letters {
    () => {
        |ev| {
            if ev.key().len() == 1 {
                ev.prevent_default();
            }
        }
    };
}

// A node ref on a nested element of a template: its element type comes
// from the tag (magic-piano's sheet music), here `<input>` and `<textarea>`.
#[component]
fn Nested() -> impl IntoView {
    let check = create_node_ref();
    let notes = create_node_ref();
    view! {
        <div>
            <label>
                <input type="checkbox" node_ref=check on:change=move |_| {
                    let _ = check.get().unwrap().checked();
                }/>
                "On"
            </label>
            <textarea node_ref=notes on:keydown=reject_letters!()></textarea>
            <p>{move || notes.get().map(|t| t.value()).unwrap_or_default()}</p>
        </div>
    }
}

// Built, not run: views need a browser.
pub fn app() -> impl IntoView {
    view! { <One/><WithProp n=1/><Nested/> }
}

fn main() {}
