//! [`Serializable`]: Leptos 0.6's serialization trait, over Larkspur's JSON
//! codec.

use std::error::Error;
use std::fmt;
use std::rc::Rc;

use crate::storage::JsonCodec;

/// A value that can be written to a string and read back (Leptos 0.6's
/// `Serializable`, which resources used to cross from server to client).
///
/// Larkspur's resources need no such bound (there is no server side), but
/// libraries written for 0.6 name the trait in their own bounds and
/// implement it for their own types, so it exists with 0.6's shape. Every
/// type the JSON codec handles has it: with the default `serde` feature
/// any `Serialize + DeserializeOwned` type, with `serde-lite` its
/// `Serialize + Deserialize` types.
///
/// ```
/// use larkspur::Serializable;
///
/// let text = vec![1, 2, 3].ser().unwrap();
/// assert_eq!(text, "[1,2,3]");
/// assert_eq!(Vec::<i32>::de(&text).unwrap(), [1, 2, 3]);
/// assert!(Vec::<i32>::de("[1,").is_err());
/// ```
pub trait Serializable: Sized {
    /// Writes the value as a string.
    fn ser(&self) -> Result<String, SerializationError>;
    /// Reads a value back.
    fn de(bytes: &str) -> Result<Self, SerializationError>;
}

impl<T: JsonCodec> Serializable for T {
    fn ser(&self) -> Result<String, SerializationError> {
        self.to_json()
            .map_err(|e| SerializationError::Serialize(Rc::new(e)))
    }

    fn de(bytes: &str) -> Result<Self, SerializationError> {
        T::from_json(bytes).map_err(|e| SerializationError::Deserialize(Rc::new(e)))
    }
}

/// Why [`Serializable::ser`] or [`Serializable::de`] failed.
#[derive(Debug, Clone)]
pub enum SerializationError {
    /// Writing the value failed.
    Serialize(Rc<dyn Error>),
    /// Reading the value back failed.
    Deserialize(Rc<dyn Error>),
}

impl fmt::Display for SerializationError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SerializationError::Serialize(e) => write!(f, "error serializing a value: {e}"),
            SerializationError::Deserialize(e) => write!(f, "error deserializing a value: {e}"),
        }
    }
}

impl Error for SerializationError {}
