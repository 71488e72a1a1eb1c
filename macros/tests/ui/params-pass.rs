//! `#[derive(Params)]` as a Leptos 0.6 router app writes it.
use larkspur::router::*;
use larkspur::*;

#[derive(Params, PartialEq, Clone, Debug)]
struct ContactParams {
    id: Option<usize>,
}

#[derive(Params, PartialEq, Clone, Debug)]
struct SearchQuery {
    q: String,
    page: Option<u32>,
    r#type: Option<String>,
}

#[component]
fn Contact() -> impl IntoView {
    let params = use_params::<ContactParams>();
    let query = use_query::<SearchQuery>();
    view! {
        <p>{move || params.with(|p| p.as_ref().ok().and_then(|p| p.id))}</p>
        <p>{move || query.with(|q| q.as_ref().map(|q| q.q.clone()).unwrap_or_default())}</p>
    }
}

fn main() {
    let mut map = ParamsMap::new();
    map.insert("id".to_string(), "7".to_string());
    let parsed = ContactParams::from_map(&map);
    assert_eq!(parsed, Ok(ContactParams { id: Some(7) }));
    let id: Option<&String> = map.get("id");
    assert_eq!(id.map(String::as_str), Some("7"));
    let _ = Contact;
}
