//! [`IntoParam`]: how one URL parameter becomes one field of a
//! `#[derive(Params)]` struct.

use std::fmt;
use std::str::FromStr;

use super::path::ParamsError;

/// Converts one route parameter or query value (absent as `None`) into a
/// field of a [`Params`](super::Params) struct; `#[derive(Params)]` calls it
/// for every field.
///
/// Implemented for `Option<T>` (absent is `None`, present must parse) and,
/// as required parameters, for `String`, `bool`, `char`, the number types
/// (`NonZero*` too) and `std::net`'s addresses. Leptos 0.6 on nightly
/// takes any `FromStr` type, through specialization, which stable Rust
/// does not have: implement it for your own types to use them as fields
/// (`Option<T>` needs only `T: FromStr`).
///
/// # Example
///
/// ```
/// use larkspur::router::{IntoParam, ParamsError};
///
/// assert_eq!(<Option<u32>>::into_param(Some("7"), "id"), Ok(Some(7)));
/// assert_eq!(<Option<u32>>::into_param(None, "id"), Ok(None));
/// assert_eq!(u32::into_param(None, "id"), Err(ParamsError::MissingParam("id".into())));
/// assert!(u32::into_param(Some("x"), "id").is_err());
/// ```
pub trait IntoParam: Sized {
    /// Reads the value of the parameter `name`.
    fn into_param(value: Option<&str>, name: &str) -> Result<Self, ParamsError>;
}

fn parse<T>(value: &str, name: &str) -> Result<T, ParamsError>
where
    T: FromStr,
    T::Err: fmt::Display,
{
    value
        .parse()
        .map_err(|e: T::Err| ParamsError::invalid(name, value, e.to_string()))
}

impl<T> IntoParam for Option<T>
where
    T: FromStr,
    T::Err: fmt::Display,
{
    fn into_param(value: Option<&str>, name: &str) -> Result<Self, ParamsError> {
        value.map(|v| parse(v, name)).transpose()
    }
}

macro_rules! required_params {
    ($($t:ty)*) => {$(
        impl IntoParam for $t {
            fn into_param(value: Option<&str>, name: &str) -> Result<Self, ParamsError> {
                match value {
                    Some(v) => parse(v, name),
                    None => Err(ParamsError::MissingParam(name.to_string())),
                }
            }
        }
    )*};
}

required_params! {
    String bool char
    u8 u16 u32 u64 u128 usize
    i8 i16 i32 i64 i128 isize
    f32 f64
    std::num::NonZeroU8 std::num::NonZeroU16 std::num::NonZeroU32 std::num::NonZeroU64
    std::num::NonZeroU128 std::num::NonZeroUsize
    std::num::NonZeroI8 std::num::NonZeroI16 std::num::NonZeroI32 std::num::NonZeroI64
    std::num::NonZeroI128 std::num::NonZeroIsize
    std::net::IpAddr std::net::Ipv4Addr std::net::Ipv6Addr std::net::SocketAddr
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_never_fail_to_parse() {
        assert_eq!(String::into_param(Some("a b"), "q"), Ok("a b".to_string()));
        assert_eq!(<Option<String>>::into_param(None, "q"), Ok(None));
    }

    #[test]
    fn params_map_has_the_0_6_methods() {
        use crate::router::ParamsMap;
        let mut map = ParamsMap::new();
        assert_eq!(map.insert("q".into(), "a b".into()), None);
        assert_eq!(
            map.insert("q".into(), "c&d".into()),
            Some("a b".to_string())
        );
        map.insert("page".into(), "2".into());
        let q: Option<&String> = map.get("q");
        assert_eq!(q.map(String::as_str), Some("c&d"));
        assert_eq!(map.get_all("q"), Some(vec!["c&d".to_string()]));
        assert_eq!(map.get_all("nope"), None);
        assert_eq!(map.to_query_string(), "?q=c%26d&page=2");
        assert_eq!(map.remove("q"), Some("c&d".to_string()));
        assert_eq!(map.to_query_string(), "?page=2");
        assert_eq!(ParamsMap::new().to_query_string(), "");
    }

    #[test]
    fn invalid_values_name_the_key() {
        let err = <Option<i32>>::into_param(Some("seven"), "n").unwrap_err();
        assert!(err.to_string().contains("`n`"), "{err}");
        assert!(err.to_string().contains("seven"), "{err}");
    }
}
