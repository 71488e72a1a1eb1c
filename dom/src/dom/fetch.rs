//! HTTP through the browser's `fetch`, reduced to what `fetch_json` needs:
//! a status and a body text, and an abort when the caller stops waiting.

use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

#[wasm_bindgen]
extern "C" {
    // The global `fetch`, so it works in windows and workers alike.
    #[wasm_bindgen(catch, js_name = fetch)]
    fn global_fetch(input: &str, init: &js_sys::Object) -> Result<js_sys::Promise, JsValue>;
}

/// Aborts its request when dropped before [`AbortOnDrop::finish`]: a future
/// that is dropped mid-request (a resource whose owner went away) stops
/// the download instead of letting it run unseen.
/// The promises it was waiting on settle into callbacks that no longer lead
/// anywhere, so the abort reaches no Rust code and logs nothing.
struct AbortOnDrop(Option<web_sys::AbortController>);

impl AbortOnDrop {
    fn finish(mut self) {
        self.0 = None;
    }
}

impl Drop for AbortOnDrop {
    fn drop(&mut self) {
        if let Some(controller) = self.0.take() {
            controller.abort();
        }
    }
}

/// Sends `body` (a `FormData`, `URLSearchParams` or string) with `method`
/// to `url` and resolves with the response once its headers arrive (a
/// [`Form`](crate::router::Form) submission). Fails with the JS exception
/// when the request cannot be made.
pub(crate) async fn send(
    url: &str,
    method: &str,
    body: &JsValue,
) -> Result<web_sys::Response, JsValue> {
    let init = js_sys::Object::new();
    let _ = js_sys::Reflect::set(
        &init,
        &JsValue::from_str("method"),
        &JsValue::from_str(method),
    );
    let _ = js_sys::Reflect::set(&init, &JsValue::from_str("body"), body);
    let response = JsFuture::from(global_fetch(url, &init)?).await?;
    Ok(response.unchecked_into())
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
///
/// Dropping the future before it finishes aborts the request (through an
/// `AbortController`), whether it is still waiting for the headers or
/// reading the body.
pub async fn get_text(url: &str) -> Result<Reply, JsValue> {
    // The `RequestInit` dictionary as a plain object: `Object` and
    // `Reflect.set` are glue every app already has.
    let init = js_sys::Object::new();
    // Without `AbortController` (very old browsers) the request simply runs
    // to its end; dropping the future still drops its result.
    let controller = web_sys::AbortController::new().ok();
    if let Some(controller) = &controller {
        let _ = js_sys::Reflect::set(&init, &JsValue::from_str("signal"), &controller.signal());
    }
    let guard = AbortOnDrop(controller);
    let response: web_sys::Response = JsFuture::from(global_fetch(url, &init)?)
        .await?
        .unchecked_into();
    let body = JsFuture::from(response.text()?).await?;
    guard.finish();
    Ok(Reply {
        status: response.status(),
        ok: response.ok(),
        status_text: response.status_text(),
        body: body.as_string().unwrap_or_default(),
    })
}
