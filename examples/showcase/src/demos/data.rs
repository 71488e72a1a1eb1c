//! The data demo: JSON files shipped next to the app, fetched with
//! `create_resource`, decoded with serde. `Suspense` shows a fallback until
//! the first load; `Transition` keeps the old list while the next file
//! loads; `ErrorBoundary` shows what went wrong for a missing file or
//! malformed JSON. The file comes from the query (`/data?file=fruit`), so
//! every state has a link. An `Action` "saves" a pick (a simulated
//! request) with a visible pending state.

use std::time::Duration;

use larkspur::router::*;
use larkspur::*;
use serde::Deserialize;

/// One row of `fruit.json` or `vegetables.json`.
#[derive(Clone, Debug, Deserialize)]
struct Produce {
    name: String,
    colour: String,
    season: String,
}

/// `about.json`.
#[derive(Clone, Debug, Deserialize)]
struct About {
    title: String,
    updated: String,
}

const FILES: [(&str, &str); 4] = [
    ("fruit", "Fruit"),
    ("vegetables", "Vegetables"),
    ("missing", "A missing file"),
    ("malformed", "Malformed JSON"),
];

/// The whole demo.
#[component]
pub fn DataDemo() -> impl IntoView {
    let query = use_query_map();
    let file = move || query.with(|q| q.get_str("file").unwrap_or("fruit").to_string());
    let about = create_resource(
        || (),
        |_| async { fetch_json::<About>("json/about.json").await },
    );
    let list = create_resource(file, |file| async move {
        fetch_json::<Vec<Produce>>(&format!("json/{file}.json")).await
    });
    // A pick is "saved" by a slow request; the list shows it once saved.
    let save = create_action(|name: &String| {
        let name = name.clone();
        async move {
            sleep(Duration::from_millis(400)).await;
            name
        }
    });
    let picks = create_rw_signal(Vec::<String>::new());
    create_effect(move |_| {
        if let Some(name) = save.value().get() {
            picks.update(|p| p.push(name));
        }
    });
    let (pending, set_pending) = create_signal(false);

    let choices = FILES
        .iter()
        .map(|(name, label)| {
            view! {
                <li class:selected=move || file() == *name>
                    <A href=format!("/data?file={name}")>{*label}</A>
                </li>
            }
        })
        .collect_view();

    view! {
        <div id="data">
            <Suspense fallback=|| view! { <p class="loading">"Loading about.json…"</p> }>
                <ErrorBoundary fallback=show_errors>
                    {move || about.get().map(|about| about.map(|a| view! {
                        <p class="about">{a.title} " (updated " {a.updated} ")"</p>
                    }))}
                </ErrorBoundary>
            </Suspense>
            <nav aria-label="Files"><ul class="choices">{choices}</ul></nav>
            <p class="pending" aria-live="polite">
                {move || if pending() { "Loading the next file…" } else { "" }}
            </p>
            <Transition fallback=|| view! { <p class="loading">"Loading…"</p> } set_pending>
                <ErrorBoundary fallback=show_errors>
                    {move || list.get().map(|rows| rows.map(|rows| view! {
                        <table class="produce">
                            <thead><tr><th>"Name"</th><th>"Colour"</th><th>"Season"</th><th>"Save"</th></tr></thead>
                            <tbody>
                                {rows.into_iter().map(|p| {
                                    let name = p.name.clone();
                                    view! {
                                        <tr>
                                            <td>{p.name}</td><td>{p.colour}</td><td>{p.season}</td>
                                            <td>
                                                <button prop:disabled=move || save.pending().get()
                                                    on:click=move |_| save.dispatch(name.clone())>
                                                    "Pick"
                                                </button>
                                            </td>
                                        </tr>
                                    }
                                }).collect_view()}
                            </tbody>
                        </table>
                    }))}
                </ErrorBoundary>
            </Transition>
            <section class="picks" aria-label="Your picks">
                <p aria-live="polite">
                    {move || if save.pending().get() { "Saving…".to_string() } else {
                        format!("Saved picks: {}", save.version().get())
                    }}
                </p>
                <ul>{move || picks.get().into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}</ul>
            </section>
        </div>
    }
}

/// The `ErrorBoundary` fallback: every error, as text.
fn show_errors(errors: RwSignal<Errors>) -> impl IntoView {
    view! {
        <div class="error" role="alert">
            <p>"Something went wrong:"</p>
            <ul>
                {move || errors.get().into_iter().map(|(_, e)| view! { <li>{e.to_string()}</li> }).collect_view()}
            </ul>
        </div>
    }
}
