//! A small JSON reader and writer over serde-lite's `Intermediate` value,
//! used by the `serde-lite` feature in place of serde_json.
//!
//! It is deliberately plain: a recursive-descent parser with a nesting
//! limit (so hostile or corrupt text cannot overflow the stack), errors
//! with a line and column, and a writer that escapes what JSON requires.
//! Non-finite floats are written as `null`, as JavaScript's
//! `JSON.stringify` does.

use serde_lite::{Intermediate, Map, Number};

use super::codec::CodecError;

/// Deeper nesting than this is refused rather than risking the stack:
/// parsing, serde-lite's conversion and the drop of the parsed value all
/// recurse, and a debug build's frames ran out of the 128 KiB wasm stack
/// at about 115 nested objects (probe39). Application state is rarely
/// nested more than a few levels.
const MAX_DEPTH: usize = 64;

/// Writes `value` as compact JSON text.
pub fn write(value: &Intermediate) -> String {
    let mut out = String::new();
    write_value(value, &mut out);
    out
}

fn write_value(value: &Intermediate, out: &mut String) {
    match value {
        Intermediate::None => out.push_str("null"),
        Intermediate::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Intermediate::Number(Number::SignedInt(n)) => out.push_str(&n.to_string()),
        Intermediate::Number(Number::UnsignedInt(n)) => out.push_str(&n.to_string()),
        Intermediate::Number(Number::Float(f)) if f.is_finite() => out.push_str(&float_text(*f)),
        Intermediate::Number(Number::Float(_)) => out.push_str("null"),
        Intermediate::String(s) => write_string(s, out),
        Intermediate::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_value(item, out);
            }
            out.push(']');
        }
        Intermediate::Map(map) => {
            out.push('{');
            for (i, (key, item)) in map.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_string(key, out);
                out.push(':');
                write_value(item, out);
            }
            out.push('}');
        }
    }
}

fn write_string(s: &str, out: &mut String) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
}

// Float text in and out goes through JavaScript in the browser: Rust's
// own float formatting and parsing would add several kilobytes of tables
// and code to every app that persists anything, and JS's `Number` already
// does both (its output is valid JSON, e.g. `1e+21`).

#[cfg(target_arch = "wasm32")]
fn float_text(f: f64) -> String {
    js_sys::Number::from(f)
        .to_string_with_radix(10)
        .map(String::from)
        .unwrap_or_else(|_| "null".into())
}

#[cfg(not(target_arch = "wasm32"))]
fn float_text(f: f64) -> String {
    f.to_string()
}

/// Parses text already checked against JSON's number grammar.
#[cfg(target_arch = "wasm32")]
fn parse_float(text: &str) -> f64 {
    js_sys::Number::parse_float(text)
}

#[cfg(not(target_arch = "wasm32"))]
fn parse_float(text: &str) -> f64 {
    text.parse().unwrap_or(f64::NAN)
}

/// Reads one JSON value (surrounded by optional whitespace) from `text`.
pub fn parse(text: &str) -> Result<Intermediate, CodecError> {
    let mut parser = Parser {
        bytes: text.as_bytes(),
        at: 0,
    };
    parser.skip_space();
    let value = parser.value(0)?;
    parser.skip_space();
    if parser.at < parser.bytes.len() {
        return Err(parser.error("trailing characters"));
    }
    Ok(value)
}

struct Parser<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Parser<'_> {
    /// An error at the current position, with a 1-based line and column.
    fn error(&self, message: &str) -> CodecError {
        let before = &self.bytes[..self.at.min(self.bytes.len())];
        let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
        let column = before.iter().rev().take_while(|&&b| b != b'\n').count() + 1;
        CodecError::new(message, Some((line, column)))
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    fn skip_space(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\n' | b'\r' | b'\t')) {
            self.at += 1;
        }
    }

    fn expect_word(&mut self, word: &str, value: Intermediate) -> Result<Intermediate, CodecError> {
        if self.bytes[self.at..].starts_with(word.as_bytes()) {
            self.at += word.len();
            Ok(value)
        } else {
            Err(self.error("expected a JSON value"))
        }
    }

    fn value(&mut self, depth: usize) -> Result<Intermediate, CodecError> {
        if depth > MAX_DEPTH {
            return Err(self.error("nested too deeply"));
        }
        match self.peek() {
            None => Err(self.error("unexpected end of input")),
            Some(b'n') => self.expect_word("null", Intermediate::None),
            Some(b't') => self.expect_word("true", Intermediate::Bool(true)),
            Some(b'f') => self.expect_word("false", Intermediate::Bool(false)),
            Some(b'"') => Ok(Intermediate::String(self.string()?.into())),
            Some(b'[') => self.array(depth),
            Some(b'{') => self.object(depth),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(_) => Err(self.error("expected a JSON value")),
        }
    }

    fn array(&mut self, depth: usize) -> Result<Intermediate, CodecError> {
        self.at += 1; // `[`
        let mut items = Vec::new();
        self.skip_space();
        if self.peek() == Some(b']') {
            self.at += 1;
            return Ok(Intermediate::Array(items));
        }
        loop {
            self.skip_space();
            items.push(self.value(depth + 1)?);
            self.skip_space();
            match self.peek() {
                Some(b',') => self.at += 1,
                Some(b']') => {
                    self.at += 1;
                    return Ok(Intermediate::Array(items));
                }
                _ => return Err(self.error("expected `,` or `]`")),
            }
        }
    }

    fn object(&mut self, depth: usize) -> Result<Intermediate, CodecError> {
        self.at += 1; // `{`
        let mut map = Map::new();
        self.skip_space();
        if self.peek() == Some(b'}') {
            self.at += 1;
            return Ok(Intermediate::Map(map));
        }
        loop {
            self.skip_space();
            if self.peek() != Some(b'"') {
                return Err(self.error("expected a string key"));
            }
            let key = self.string()?;
            self.skip_space();
            if self.peek() != Some(b':') {
                return Err(self.error("expected `:`"));
            }
            self.at += 1;
            self.skip_space();
            let value = self.value(depth + 1)?;
            map.insert_with_owned_key(key, value);
            self.skip_space();
            match self.peek() {
                Some(b',') => self.at += 1,
                Some(b'}') => {
                    self.at += 1;
                    return Ok(Intermediate::Map(map));
                }
                _ => return Err(self.error("expected `,` or `}`")),
            }
        }
    }

    /// Skips a run of ASCII digits; returns how many there were.
    fn digits(&mut self) -> usize {
        let start = self.at;
        while matches!(self.peek(), Some(b'0'..=b'9')) {
            self.at += 1;
        }
        self.at - start
    }

    /// A number, checked against JSON's grammar:
    /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`.
    fn number(&mut self) -> Result<Intermediate, CodecError> {
        let start = self.at;
        let invalid = |p: &mut Self| {
            p.at = start;
            Err(p.error("invalid number"))
        };
        if self.peek() == Some(b'-') {
            self.at += 1;
        }
        let leading_zero = self.peek() == Some(b'0');
        let whole = self.digits();
        if whole == 0 || (leading_zero && whole > 1) {
            return invalid(self);
        }
        let mut float = false;
        if self.peek() == Some(b'.') {
            self.at += 1;
            float = true;
            if self.digits() == 0 {
                return invalid(self);
            }
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.at += 1;
            float = true;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.at += 1;
            }
            if self.digits() == 0 {
                return invalid(self);
            }
        }
        // The slice holds only ASCII digits and signs, so it is UTF-8.
        let text = std::str::from_utf8(&self.bytes[start..self.at]).unwrap_or("0");
        let integer = match (float, text.starts_with('-')) {
            (true, _) => None,
            (false, true) => text.parse().ok().map(Number::SignedInt),
            (false, false) => text.parse().ok().map(Number::UnsignedInt),
        };
        // Integers too large for 64 bits still read, as floats.
        let number = integer.unwrap_or_else(|| Number::Float(parse_float(text)));
        Ok(Intermediate::Number(number))
    }

    fn hex4(&mut self) -> Result<u32, CodecError> {
        let digits = self
            .bytes
            .get(self.at..self.at + 4)
            // Four hex digits exactly: `from_str_radix` alone would also
            // take a sign (`\u+041`), which `JSON.parse` refuses.
            .filter(|d| d.iter().all(u8::is_ascii_hexdigit))
            .and_then(|d| std::str::from_utf8(d).ok())
            .and_then(|d| u32::from_str_radix(d, 16).ok())
            .ok_or_else(|| self.error("invalid \\u escape"))?;
        self.at += 4;
        Ok(digits)
    }

    fn string(&mut self) -> Result<String, CodecError> {
        self.at += 1; // `"`
        let mut out = Vec::new();
        loop {
            let Some(b) = self.peek() else {
                return Err(self.error("unterminated string"));
            };
            self.at += 1;
            match b {
                b'"' => break,
                b'\\' => {
                    let escaped = self
                        .peek()
                        .ok_or_else(|| self.error("unterminated string"))?;
                    self.at += 1;
                    let c = match escaped {
                        b'"' => '"',
                        b'\\' => '\\',
                        b'/' => '/',
                        b'b' => '\u{8}',
                        b'f' => '\u{c}',
                        b'n' => '\n',
                        b'r' => '\r',
                        b't' => '\t',
                        b'u' => self.unicode_escape()?,
                        _ => return Err(self.error("invalid escape")),
                    };
                    let mut buf = [0; 4];
                    out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
                }
                0..=0x1f => return Err(self.error("control character in string")),
                b => out.push(b),
            }
        }
        // The input is a `&str` and escapes were pushed as UTF-8.
        String::from_utf8(out).map_err(|_| self.error("invalid UTF-8"))
    }

    /// The character of a `\uXXXX` escape, joining a surrogate pair.
    fn unicode_escape(&mut self) -> Result<char, CodecError> {
        let first = self.hex4()?;
        let code = if (0xD800..0xDC00).contains(&first) {
            if !self.bytes[self.at..].starts_with(b"\\u") {
                return Err(self.error("lone surrogate in \\u escape"));
            }
            self.at += 2;
            let second = self.hex4()?;
            if !(0xDC00..0xE000).contains(&second) {
                return Err(self.error("lone surrogate in \\u escape"));
            }
            0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
        } else {
            first
        };
        char::from_u32(code).ok_or_else(|| self.error("lone surrogate in \\u escape"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trip(text: &str) -> String {
        write(&parse(text).unwrap())
    }

    #[test]
    fn reads_and_writes_every_kind_of_value() {
        assert_eq!(
            round_trip(" [1, -2, 2.5, true, false, null] "),
            "[1,-2,2.5,true,false,null]"
        );
        assert_eq!(round_trip(r#"{"a" : {"b": []}}"#), r#"{"a":{"b":[]}}"#);
        assert_eq!(
            round_trip(r#""q\"\\\n\u00e9\ud83d\ude00""#),
            "\"q\\\"\\\\\\né😀\""
        );
        assert_eq!(round_trip("18446744073709551616"), "18446744073709552000");
    }

    #[test]
    fn reports_where_the_text_is_wrong() {
        let e = parse("[1,\n  2,\n  ]").unwrap_err();
        assert_eq!((e.line(), e.column()), (Some(3), Some(3)));
        assert!(parse("{\"a\" 1}").is_err());
        assert!(parse("\"\\ud800\"").is_err());
        // Four hex digits, no sign (`JSON.parse` refuses both).
        assert!(parse("\"\\u+041\"").is_err());
        assert!(parse("\"\\u-041\"").is_err());
        assert!(parse("\"\\u04 1\"").is_err());
        assert_eq!(round_trip("\"\\u0041\""), "\"A\"");
        assert!(parse("[1] x").is_err());
        assert!(parse("").is_err());
        assert!(parse("tru").is_err());
        assert!(parse("-").is_err());
        assert!(parse("01").is_err());
        assert!(parse("1.").is_err());
        assert!(parse("1.2.3").is_err());
        assert!(parse("1e").is_err());
        assert_eq!(round_trip("[-0.5e2, 0, 1E+2]"), "[-50,0,100]");
    }

    #[test]
    fn refuses_deep_nesting_without_overflowing() {
        let deep = "[".repeat(100_000);
        assert_eq!(parse(&deep).unwrap_err().message(), "nested too deeply");
    }
}
