//! The data demo: JSON files shipped next to the app, fetched with
//! `create_resource`, decoded with serde. `Suspense` shows a fallback until
//! the first load; `Transition` keeps the old list while the next file
//! loads; `ErrorBoundary` shows what went wrong for a missing file or
//! malformed JSON. The file comes from the query (`/data?file=fruit`), so
//! every state has a link.

use larkspur::router::*;
use larkspur::*;
use serde::de::DeserializeOwned;
use serde::Deserialize;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

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

/// Why a load failed; shown by the `ErrorBoundary`.
#[derive(Clone, Debug)]
enum FetchError {
    /// The request did not complete (offline, blocked, ...).
    Network(String),
    /// The server answered with an error status.
    Status(u16, String),
    /// The body is not the JSON we expect.
    Json(String, String),
}

impl std::fmt::Display for FetchError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            FetchError::Network(url) => write!(f, "could not fetch {url}"),
            FetchError::Status(status, url) => write!(f, "{url}: HTTP status {status}"),
            FetchError::Json(url, e) => write!(f, "{url} is not valid JSON here: {e}"),
        }
    }
}

impl std::error::Error for FetchError {}

/// Fetches `url` (relative to the document's base) and decodes its JSON.
async fn fetch_json<T: DeserializeOwned>(url: String) -> Result<T, FetchError> {
    let network = |_| FetchError::Network(url.clone());
    let window = web_sys::window().ok_or_else(|| FetchError::Network(url.clone()))?;
    let response: web_sys::Response = JsFuture::from(window.fetch_with_str(&url))
        .await
        .map_err(network)?
        .unchecked_into();
    if !response.ok() {
        return Err(FetchError::Status(response.status(), url));
    }
    let text = JsFuture::from(response.text().map_err(network)?)
        .await
        .map_err(network)?
        .as_string()
        .unwrap_or_default();
    serde_json::from_str(&text).map_err(|e| FetchError::Json(url, e.to_string()))
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
    let about = create_resource(|| (), |_| fetch_json::<About>("json/about.json".into()));
    let list = create_resource(file, |file| {
        fetch_json::<Vec<Produce>>(format!("json/{file}.json"))
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
                            <thead><tr><th>"Name"</th><th>"Colour"</th><th>"Season"</th></tr></thead>
                            <tbody>
                                {rows.into_iter().map(|p| view! {
                                    <tr><td>{p.name}</td><td>{p.colour}</td><td>{p.season}</td></tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    }))}
                </ErrorBoundary>
            </Transition>
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
