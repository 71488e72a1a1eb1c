//! HTTP through the browser's `fetch`, reduced to what `fetch_json` needs:
//! a status and a body text.

use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

#[wasm_bindgen]
extern "C" {
    // The global `fetch`, so it works in windows and workers alike.
    #[wasm_bindgen(catch, js_name = fetch)]
    fn global_fetch(input: &str) -> Result<js_sys::Promise, JsValue>;
}

/// A finished HTTP exchange.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reply {
    /// The HTTP status (`200`, `404`, …); `0` for `data:` and `blob:`
    /// URLs in some browsers, which succeed without one.
    pub status: u16,
    /// Whether the status is in the 200-299 range (as `Response.ok`).
    pub ok: bool,
    /// The status text (`"Not Found"`), possibly empty.
    pub status_text: String,
    /// The body, decoded as UTF-8 text.
    pub body: String,
}

/// `GET url`, then reads the whole body as text. Fails with the JS
/// exception when the request cannot be made (network down, blocked by
/// CORS, a malformed URL) or the body cannot be read.
pub async fn get_text(url: &str) -> Result<Reply, JsValue> {
    let response: web_sys::Response = JsFuture::from(global_fetch(url)?).await?.unchecked_into();
    let body = JsFuture::from(response.text()?).await?;
    Ok(Reply {
        status: response.status(),
        ok: response.ok(),
        status_text: response.status_text(),
        body: body.as_string().unwrap_or_default(),
    })
}
