//! The life cycle of an effect: the odd branch owns an effect that logs
//! the count; going back to an even count disposes the branch, and with
//! it the effect, so it logs nothing more.

use larkspur::*;

/// A +1 button, a branch that depends on the parity, and the log.
#[component]
pub fn LifeCycle() -> impl IntoView {
    let (count, set_count) = create_signal(0usize);
    let (log, set_log) = create_signal(Vec::<String>::new());
    provide_context(set_log);

    view! {
        <div id="lifecycle">
            <button on:click=move |_| set_count.update(|n| *n += 1)>"+1"</button>
            {move || if count() % 2 == 0 {
                view! { <p>"Even numbers are fine."</p> }.into_view()
            } else {
                view! { <InnerComponent count/> }.into_view()
            }}
            <div class="log" aria-label="Effect log">
                {move || log.with(|lines| lines.join("\n"))}
            </div>
        </div>
    }
}

/// Lives only while the count is odd; its effect logs each odd count.
#[component]
fn InnerComponent(count: ReadSignal<usize>) -> impl IntoView {
    let set_log = expect_context::<WriteSignal<Vec<String>>>();
    create_effect(move |_| {
        let line = format!("count is odd and is {}", count());
        set_log.update(|lines| lines.push(line));
    });

    view! {
        <OddDuck/>
        <p>{count}</p>
    }
}

#[component]
fn OddDuck() -> impl IntoView {
    view! { <p>"You're an odd duck."</p> }
}
