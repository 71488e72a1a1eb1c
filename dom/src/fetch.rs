//! [`fetch_json`]: an HTTP `GET` decoded into a Rust value by the codec the
//! crate was built with (`serde` or `serde-lite`), for resources.
//!
//! ```no_run
//! use larkspur::*;
//! # #[cfg(feature = "serde")] {
//! #[derive(Clone, serde::Deserialize, serde::Serialize)]
//! struct User { name: String }
//!
//! let (id, set_id) = create_signal(1);
//! let user = create_local_resource(move || id.get(), |id| async move {
//!     fetch_json::<User>(&format!("/api/users/{id}.json")).await
//! });
//! # }
//! ```

use std::fmt;

use crate::dom::{fetch as web, storage::describe};
use crate::storage::{CodecError, FromJson};

/// Why [`fetch_json`] could not produce a value.
///
/// ```
/// use larkspur::FetchError;
/// let e = FetchError::Status { url: "/a.json".into(), status: 404, status_text: "Not Found".into() };
/// assert_eq!(e.to_string(), "GET /a.json: HTTP 404 Not Found");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FetchError {
    /// The request could not be made or its body read: network down,
    /// blocked by CORS, a malformed URL.
    Network {
        /// The URL requested.
        url: String,
        /// The browser's message.
        message: String,
    },
    /// The server answered with a status outside 200-299.
    Status {
        /// The URL requested.
        url: String,
        /// The HTTP status.
        status: u16,
        /// The status text, possibly empty.
        status_text: String,
    },
    /// The body is not JSON of the expected shape; the codec's error says
    /// where (line, column) and names the field by its path
    /// (`todos[2].done: invalid type: ...`).
    Decode {
        /// The URL requested.
        url: String,
        /// What the codec found wrong.
        error: CodecError,
    },
}

impl FetchError {
    /// The HTTP status, for [`FetchError::Status`].
    ///
    /// ```
    /// use larkspur::FetchError;
    /// let e = FetchError::Network { url: "/a".into(), message: "offline".into() };
    /// assert_eq!(e.status(), None);
    /// ```
    pub fn status(&self) -> Option<u16> {
        match self {
            FetchError::Status { status, .. } => Some(*status),
            _ => None,
        }
    }
}

impl fmt::Display for FetchError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FetchError::Network { url, message } => write!(f, "GET {url}: {message}"),
            FetchError::Status {
                url,
                status,
                status_text,
            } => {
                write!(f, "GET {url}: HTTP {status}")?;
                if !status_text.is_empty() {
                    write!(f, " {status_text}")?;
                }
                Ok(())
            }
            FetchError::Decode { url, error } => write!(f, "GET {url}: malformed JSON: {error}"),
        }
    }
}

impl std::error::Error for FetchError {}

/// Fetches `url` with a `GET` and decodes the JSON body into `T`.
///
/// Fails with [`FetchError::Network`] when there is no response,
/// [`FetchError::Status`] for a status outside 200-299 (the body is not
/// decoded), and [`FetchError::Decode`] when the body is not JSON of the
/// shape of `T`; its message leads with the path of the field that failed
/// (`todos[2].done: invalid type: string "x", expected a boolean at line 4
/// column 34`, see [`CodecError`](crate::storage::CodecError)). `data:`
/// and `blob:` URLs work too.
///
/// Dropping the future before it finishes aborts the request (through an
/// `AbortController`). A [`Resource`](crate::Resource) drops the load of an
/// owner that was disposed, so a slow request for a view that is gone
/// stops downloading. A load superseded by a newer one (its source changed
/// again) runs to its end, as in Leptos 0.6, and its answer is ignored.
///
/// ```no_run
/// use larkspur::*;
/// # #[cfg(feature = "serde")]
/// spawn_local(async {
///     match fetch_json::<Vec<String>>("/names.json").await {
///         Ok(names) => log!("{} names", names.len()),
///         Err(e) => error!("{e}"),
///     }
/// });
/// ```
pub async fn fetch_json<T: FromJson>(url: &str) -> Result<T, FetchError> {
    let reply = web::get_text(url).await.map_err(|e| FetchError::Network {
        url: url.to_string(),
        message: describe(&e).1,
    })?;
    // `data:` and `blob:` URLs answer with status 200 in Chromium; a
    // status of 0 (an opaque answer) carries no readable body either way.
    if !reply.ok {
        return Err(FetchError::Status {
            url: url.to_string(),
            status: reply.status,
            status_text: reply.status_text,
        });
    }
    T::from_json(&reply.body).map_err(|error| FetchError::Decode {
        url: url.to_string(),
        error,
    })
}
