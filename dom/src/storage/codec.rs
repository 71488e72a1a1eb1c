//! The JSON codec, chosen by cargo feature: `serde` (serde + serde_json,
//! the default) or `serde-lite` (serde-lite + Larkspur's small JSON layer,
//! for a smaller binary).
//!
//! Both reach the rest of the crate through two traits, [`ToJson`] and
//! [`FromJson`] ([`JsonCodec`] is both), so
//! persisted signals and [`fetch_json`](crate::fetch_json) are written once.
//! With both features on, `serde` wins; with neither, a type can still
//! implement the traits by hand.

use std::fmt;

/// A value that can be written as JSON text.
///
/// Implemented for every `serde::Serialize` type with the `serde` feature
/// (the default), or for every `serde_lite::Serialize` type with the
/// `serde-lite` feature (and `default-features = false`).
///
/// ```
/// use larkspur::storage::ToJson;
///
/// # #[cfg(feature = "serde")]
/// assert_eq!(vec![1, 2].to_json().unwrap(), "[1,2]");
/// ```
pub trait ToJson {
    /// Writes the value as JSON text.
    fn to_json(&self) -> Result<String, CodecError>;
}

/// A value that can be read from JSON text.
///
/// Implemented for every `serde::de::DeserializeOwned` type with the
/// `serde` feature (the default), or for every `serde_lite::Deserialize`
/// type with the `serde-lite` feature.
///
/// ```
/// use larkspur::storage::FromJson;
///
/// # #[cfg(feature = "serde")] {
/// assert_eq!(Vec::<u8>::from_json("[3]").unwrap(), [3]);
/// assert!(u8::from_json("300").is_err());
/// # }
/// ```
pub trait FromJson: Sized {
    /// Reads a value from JSON text; the error says what is wrong and where.
    fn from_json(text: &str) -> Result<Self, CodecError>;
}

/// A value that can be written as JSON and read back: what a persisted
/// signal needs. Implemented for every type that is [`ToJson`] and
/// [`FromJson`].
///
/// ```
/// use larkspur::storage::JsonCodec;
/// fn storable<T: JsonCodec>() {}
/// # #[cfg(feature = "serde")]
/// storable::<Vec<String>>();
/// ```
pub trait JsonCodec: ToJson + FromJson {}

impl<T: ToJson + FromJson> JsonCodec for T {}

/// Why a value could not be written or read as JSON: the codec's own
/// message, led by the path of the field that failed (`todos[2].done:
/// invalid type: string "x", expected a boolean at line 4 column 34`).
/// With serde_json it ends with the line and column; with serde-lite the
/// path has no list indexes (serde-lite does not report them).
///
/// ```
/// use larkspur::storage::FromJson;
///
/// # #[cfg(feature = "serde")] {
/// let error = Vec::<u8>::from_json("[1,").unwrap_err();
/// assert_eq!(error.line(), Some(1));
/// assert!(error.to_string().contains("line 1"));
/// let error = Vec::<Vec<bool>>::from_json("[[true], [1]]").unwrap_err();
/// assert!(error.to_string().starts_with("[1][0]: invalid type: integer `1`"), "{error}");
/// # }
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CodecError {
    message: String,
    position: Option<(usize, usize)>,
}

impl CodecError {
    /// An error with a message and, when known, a 1-based line and column.
    ///
    /// ```
    /// let e = larkspur::storage::CodecError::new("expected `]`", Some((2, 7)));
    /// assert_eq!((e.line(), e.column()), (Some(2), Some(7)));
    /// ```
    pub fn new(message: impl Into<String>, position: Option<(usize, usize)>) -> Self {
        CodecError {
            message: message.into(),
            position,
        }
    }

    /// The codec's message.
    ///
    /// ```
    /// let e = larkspur::storage::CodecError::new("bad", None);
    /// assert_eq!(e.message(), "bad");
    /// ```
    pub fn message(&self) -> &str {
        &self.message
    }

    /// The 1-based line of the text where reading failed, if known.
    ///
    /// ```
    /// assert_eq!(larkspur::storage::CodecError::new("bad", None).line(), None);
    /// ```
    pub fn line(&self) -> Option<usize> {
        self.position.map(|(line, _)| line)
    }

    /// The 1-based column of the text where reading failed, if known.
    ///
    /// ```
    /// assert_eq!(larkspur::storage::CodecError::new("bad", Some((1, 4))).column(), Some(4));
    /// ```
    pub fn column(&self) -> Option<usize> {
        self.position.map(|(_, column)| column)
    }
}

impl fmt::Display for CodecError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)?;
        // serde_json's messages already end with the position.
        match self.position {
            Some((line, column)) if !self.message.contains(" at line ") => {
                write!(f, " at line {line} column {column}")
            }
            _ => Ok(()),
        }
    }
}

impl std::error::Error for CodecError {}

#[cfg(feature = "serde")]
impl<T: serde::Serialize + ?Sized> ToJson for T {
    fn to_json(&self) -> Result<String, CodecError> {
        serde_json::to_string(self).map_err(from_serde_json)
    }
}

#[cfg(feature = "serde")]
impl<T: serde::de::DeserializeOwned> FromJson for T {
    fn from_json(text: &str) -> Result<Self, CodecError> {
        serde_json::from_str(text).map_err(|error| from_serde_json_in(text, error))
    }
}

/// The error of reading `text`, led by the field path. One function for
/// all types (the closure above is made once per type).
#[cfg(feature = "serde")]
fn from_serde_json_in(text: &str, error: serde_json::Error) -> CodecError {
    // serde_json says where, not which field: for a value of the wrong
    // type or shape, read the path back from the text at that place (see
    // `json_path`). A syntax error is about the text, and its line and
    // column say it best.
    let data = error.classify() == serde_json::error::Category::Data;
    let mut error = from_serde_json(error);
    if let Some(path) = error
        .position
        .filter(|_| data)
        .and_then(|(line, column)| super::json_path::path_at(text, line, column))
    {
        error.message = format!("{path}: {}", error.message);
    }
    error
}

#[cfg(feature = "serde")]
fn from_serde_json(error: serde_json::Error) -> CodecError {
    // serde_json reports line 0 for errors that are not about the text
    // (a map key that is not a string, say).
    let position = (error.line() > 0).then(|| (error.line(), error.column()));
    CodecError::new(error.to_string(), position)
}

#[cfg(all(feature = "serde-lite", not(feature = "serde")))]
impl<T: serde_lite::Serialize + ?Sized> ToJson for T {
    fn to_json(&self) -> Result<String, CodecError> {
        let value = self
            .serialize()
            .map_err(|e| CodecError::new(e.to_string(), None))?;
        Ok(super::json_lite::write(&value))
    }
}

#[cfg(all(feature = "serde-lite", not(feature = "serde")))]
impl<T: serde_lite::Deserialize> FromJson for T {
    fn from_json(text: &str) -> Result<Self, CodecError> {
        let value = super::json_lite::parse(text)?;
        T::deserialize(&value).map_err(|e| CodecError::new(lite_message(&e), None))
    }
}

/// serde-lite's message with the field path first (`todo.done: invalid
/// value (bool expected)`), where serde-lite nests it (`field errors
/// (todo: field errors (done: ...))`). serde-lite does not say which
/// element of a list failed, so a list adds no `[i]` to the path. Several
/// errors at one level keep serde-lite's own listing.
#[cfg(all(feature = "serde-lite", not(feature = "serde")))]
fn lite_message(error: &serde_lite::Error) -> String {
    use serde_lite::Error;
    let mut path = String::new();
    let mut error = error;
    loop {
        match error {
            Error::NamedFieldErrors(list) if list.len() == 1 => {
                let field = list.iter().next().expect("one error");
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(field.field());
                error = field.error();
            }
            Error::UnnamedFieldErrors(list) if list.len() == 1 => {
                let field = list.iter().next().expect("one error");
                path.push_str(&format!("[{}]", field.field_index()));
                error = field.error();
            }
            _ => break,
        }
    }
    if path.is_empty() {
        error.to_string()
    } else {
        format!("{path}: {error}")
    }
}

#[cfg(all(test, any(feature = "serde", feature = "serde-lite")))]
mod tests {
    use super::*;

    #[cfg(feature = "serde")]
    #[derive(Debug, serde::Deserialize)]
    #[allow(dead_code)]
    struct Todo {
        title: String,
        done: bool,
    }

    #[cfg(all(feature = "serde-lite", not(feature = "serde")))]
    #[derive(Debug, serde_lite::Deserialize)]
    #[allow(dead_code)]
    struct Todo {
        title: String,
        done: bool,
    }

    #[test]
    #[cfg(feature = "serde")]
    fn serde_errors_lead_with_the_field_path() {
        let text = "[{\"title\":\"a\",\"done\":true},\n{\"title\":\"b\",\"done\":\"x\"}]";
        let error = Vec::<Todo>::from_json(text).unwrap_err();
        assert_eq!(
            error.to_string(),
            "[1].done: invalid type: string \"x\", expected a boolean at line 2 column 23"
        );
        assert_eq!((error.line(), error.column()), (Some(2), Some(23)));
        // A missing field is named at its parent's path.
        let error = Vec::<Todo>::from_json(r#"[{"title":"a"}]"#).unwrap_err();
        assert!(
            error.to_string().starts_with("[0]: missing field `done`"),
            "{error}"
        );
        // A wrong top-level value has no path to name.
        let error = Vec::<Todo>::from_json("7").unwrap_err();
        assert!(
            error.to_string().starts_with("invalid type: integer `7`"),
            "{error}"
        );
    }

    #[test]
    #[cfg(feature = "serde")]
    fn serde_rejects_text_after_the_value() {
        let error = Vec::<u8>::from_json("[1] x").unwrap_err();
        assert!(
            error.to_string().starts_with("trailing characters"),
            "{error}"
        );
        // Syntax errors keep to the line and column.
        let error = Vec::<Todo>::from_json(r#"[{"title":"a","done":tru}]"#).unwrap_err();
        assert!(error.to_string().starts_with("expected ident"), "{error}");
        assert_eq!(Vec::<u8>::from_json(" [1] \n").unwrap(), [1]);
    }

    #[test]
    #[cfg(all(feature = "serde-lite", not(feature = "serde")))]
    fn serde_lite_errors_lead_with_the_field_path() {
        let error = Vec::<Todo>::from_json(r#"[{"title":"b","done":"x"}]"#).unwrap_err();
        assert_eq!(error.to_string(), "done: invalid value (bool expected)");
        let error = Vec::<Todo>::from_json("7").unwrap_err();
        assert_eq!(error.to_string(), "invalid value (array expected)");
    }
}
