//! The field path (`todos[2].done`) at the place in JSON text where
//! serde_json stopped with an error, so its messages name the field and
//! not only the line and column.
//!
//! serde_json knows the position of a failure but not the path.
//! `serde_path_to_error` tracks the path by wrapping the deserializer of
//! every type, which costs code for each type decoded: 1.6 KB brotli in
//! TodoMVC, 2.1 KB for the showcase's two `fetch_json` types. The path can
//! instead be read back from the text. serde_json reports where it was
//! when the error arose, and the keys and indexes of the containers open
//! at that point are the path. That is this one function, about 0.7 KB
//! brotli whatever the types. For every wrong-type, wrong-value, missing-
//! or unknown-field error it names the same path as `serde_path_to_error`.
//! Syntax errors are left to their line and column.
//!
//! What serde_json's position covers (the bytes it had read): a wrong
//! scalar value is read whole, so the path ends at its key or index. A
//! missing field is reported after the object's `}`, so the path is the
//! object's own. A container that has just opened (`[` with no element
//! yet, `{` with no key) adds nothing.

/// Marks the key of an object that has none yet, and the index of an
/// array whose first element has not begun.
const NONE: usize = usize::MAX;
/// Marks an array (in place of an object's key start).
const ARRAY: usize = usize::MAX - 1;

/// The byte offset just past what serde_json had read when it reported
/// `line` and `column` (1-based; the column counts bytes, and is that of
/// the last byte read).
fn offset_of(text: &str, line: usize, column: usize) -> usize {
    let mut start = 0;
    let mut lines = 1;
    for (i, byte) in text.bytes().enumerate() {
        if lines >= line {
            break;
        }
        if byte == b'\n' {
            lines += 1;
            start = i + 1;
        }
    }
    if lines < line {
        return text.len();
    }
    (start + column).min(text.len())
}

/// The path of the value being read at `line`/`column` of `text`, as
/// `serde_path_to_error` writes it (`todos[2].done`, `[0]`), or `None` at
/// the top level.
pub(super) fn path_at(text: &str, line: usize, column: usize) -> Option<String> {
    let read = &text.as_bytes()[..offset_of(text, line, column)];
    // The open containers, innermost last, as pairs: an object is
    // `(key start, key end)` (byte range between the quotes; `(NONE, NONE)`
    // before the key), an array `(ARRAY, index)` (`index` is `NONE` until
    // its first element begins). Plain `usize`s keep this small in wasm.
    let mut stack: Vec<usize> = Vec::new();
    let mut i = 0;
    while i < read.len() {
        let byte = read[i];
        let depth = stack.len();
        let in_array = depth >= 2 && stack[depth - 2] == ARRAY;
        if in_array && stack[depth - 1] == NONE && !byte.is_ascii_whitespace() && byte != b']' {
            stack[depth - 1] = 0;
        }
        match byte {
            b'{' => stack.extend([NONE, NONE]),
            b'[' => stack.extend([ARRAY, NONE]),
            b'}' | b']' => stack.truncate(depth.saturating_sub(2)),
            b',' if in_array => stack[depth - 1] += 1,
            b',' if depth >= 2 => {
                stack[depth - 2] = NONE;
                stack[depth - 1] = NONE;
            }
            b'"' => {
                let start = i + 1;
                i = start;
                while i < read.len() && read[i] != b'"' {
                    // Skip what a backslash escapes (`\"` above all).
                    i += if read[i] == b'\\' { 2 } else { 1 };
                }
                // The first string of an object member is its key.
                if depth >= 2 && !in_array && stack[depth - 2] == NONE {
                    stack[depth - 2] = start;
                    stack[depth - 1] = i.min(read.len());
                }
            }
            _ => {}
        }
        i += 1;
    }
    let mut path = String::new();
    for pair in stack.chunks_exact(2) {
        match (pair[0], pair[1]) {
            (_, NONE) => {}
            (ARRAY, index) => {
                path.push('[');
                path.push_str(&index.to_string());
                path.push(']');
            }
            (start, end) => {
                if !path.is_empty() {
                    path.push('.');
                }
                // Quotes sit on character boundaries; only a key cut off
                // by the end of what was read may not.
                path.push_str(text.get(start..end).unwrap_or("?"));
            }
        }
    }
    (!path.is_empty()).then_some(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_count_bytes_from_the_line_start() {
        assert_eq!(offset_of("abc\ndef", 2, 2), 6);
        assert_eq!(offset_of("abc", 1, 3), 3);
        assert_eq!(offset_of("abc", 9, 9), 3);
        assert_eq!(offset_of("", 0, 0), 0);
    }

    #[test]
    fn paths_of_values_being_read() {
        let text = r#"{"todos":[{"t":"a","done":true},{"t":"b","done":"x"}]}"#;
        let at = |needle: &str| {
            let end = text.find(needle).unwrap() + needle.len();
            path_at(text, 1, end)
        };
        assert_eq!(at(r#""x""#).as_deref(), Some("todos[1].done"));
        assert_eq!(at(r#"true"#).as_deref(), Some("todos[0].done"));
        // Just after an object closes: the object's own path.
        assert_eq!(at(r#"true}"#).as_deref(), Some("todos[0]"));
        // A container that has just opened adds nothing.
        assert_eq!(at(r#"[{"#).as_deref(), Some("todos[0]"));
        assert_eq!(at(r#"{"todos":["#).as_deref(), Some("todos"));
        assert_eq!(path_at(text, 1, 1), None);
        assert_eq!(path_at("7", 1, 1), None);
    }

    #[test]
    fn escaped_quotes_and_odd_text_do_not_confuse_it() {
        let text = r#"{"a\"b":[1,"x\",y",{"c":"#;
        assert_eq!(path_at(text, 1, text.len()).as_deref(), Some("a\\\"b[2].c"));
        // Unterminated strings, stray closers, multi-byte keys: no panic.
        for text in ["{\"é", "]]]}", "{\"k\":\"\\", "[[[[", "\"\\"] {
            for column in 0..=text.len() + 1 {
                let _ = path_at(text, 1, column);
            }
        }
    }
}
