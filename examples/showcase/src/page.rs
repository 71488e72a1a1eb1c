//! The page shell (title, explanation, demo, source) and the pages that
//! are not demos: home and not found.

use larkspur::router::*;
use larkspur::*;

/// One demo page: a heading, the explanation and demo as children, then
/// the demo's source file.
#[component]
pub fn Page(title: &'static str, source: &'static str, children: Children) -> impl IntoView {
    // The document title names the page (tabs, history, screen readers).
    document().set_title(&format!("{title} · Larkspur showcase"));
    view! {
        <article class="page">
            <h1>{title}</h1>
            {children()}
            <section class="source" aria-labelledby="source-heading">
                <h2 id="source-heading">"Source"</h2>
                // Focusable so the code can be scrolled with the keyboard.
                <pre tabindex="0" aria-label="Source code"><code>{source}</code></pre>
            </section>
        </article>
    }
}

/// The demo itself, in a framed box.
#[component]
pub fn Demo(children: Children) -> impl IntoView {
    view! { <section class="demo" aria-label="Demo">{children()}</section> }
}

/// `/`: what Larkspur is and where to go.
#[component]
pub fn Home() -> impl IntoView {
    document().set_title("Larkspur showcase");
    view! {
        <article class="page home">
            <h1>"Larkspur"</h1>
            <p class="lead">
                "A client-side Rust web framework: fine-grained signals update the DOM directly, "
                "with no virtual DOM. This site is one Larkspur app; each page shows a demo and its source."
            </p>
            <ul class="cards">
                <li><A href="/counter">"Counter"</A>" — a signal and a button."</li>
                <li><A href="/tabs">"Tabs"</A>" — components sharing state through context."</li>
                <li><A href="/life-cycle">"Life cycle"</A>" — effects disposed with their branch."</li>
                <li><A href="/todomvc">"TodoMVC"</A>" — the classic app, kept in localStorage."</li>
                <li><A href="/router">"Router"</A>" — nested routes, params and query."</li>
                <li><A href="/data">"Data"</A>" — JSON over fetch with Suspense, Transition and ErrorBoundary."</li>
            </ul>
        </article>
    }
}

/// Any path no route matches.
#[component]
pub fn NotFound() -> impl IntoView {
    document().set_title("Not found · Larkspur showcase");
    let location = use_location();
    view! {
        <article class="page not-found">
            <h1>"Page not found"</h1>
            <p>"Nothing lives at " <code>{move || location.pathname.get()}</code> "."</p>
            <p><A href="/">"Back to the start"</A></p>
        </article>
    }
}
