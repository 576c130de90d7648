//! JSON that cannot drive a terminal: serde_json escapes C0 controls in
//! strings; this formatter makes it escape DEL, the C1 controls and the
//! bidi embeddings, overrides and isolates as `\uXXXX` too (the JSON means
//! the same). Layout is left to the wrapped formatter.

use std::io::{self, Write};

use serde::Serialize;
use serde_json::ser::{CompactFormatter, Formatter, PrettyFormatter, Serializer};

use crate::text::controls::is_bidi_control;

/// JSON text of `value`, pretty or compact, with the extra escapes.
pub fn to_string(value: &impl Serialize, pretty: bool) -> serde_json::Result<String> {
    let mut out = Vec::with_capacity(128);
    if pretty {
        value.serialize(&mut Serializer::with_formatter(
            &mut out,
            Escaping(PrettyFormatter::new()),
        ))?;
    } else {
        value.serialize(&mut Serializer::with_formatter(
            &mut out,
            Escaping(CompactFormatter),
        ))?;
    }
    // serde_json writes only UTF-8: the input strings and ASCII.
    String::from_utf8(out).map_err(|e| serde::ser::Error::custom(e.to_string()))
}

fn escaped(c: char) -> bool {
    ('\u{7f}'..='\u{9f}').contains(&c) || is_bidi_control(c)
}

/// A formatter that escapes [`escaped`] characters in strings and lays
/// out as the one it wraps.
struct Escaping<F>(F);

impl<F: Formatter> Formatter for Escaping<F> {
    fn write_string_fragment<W: ?Sized + Write>(
        &mut self,
        w: &mut W,
        fragment: &str,
    ) -> io::Result<()> {
        // Every escaped character begins with one of these bytes.
        let bytes = fragment.as_bytes();
        let mut done = 0;
        for at in memchr::memchr3_iter(0x7F, 0xC2, 0xE2, bytes) {
            let Some(c) = fragment[at..].chars().next().filter(|&c| escaped(c)) else {
                continue;
            };
            w.write_all(&bytes[done..at])?;
            write!(w, "\\u{:04x}", u32::from(c))?;
            done = at + c.len_utf8();
        }
        w.write_all(&bytes[done..])
    }

    fn begin_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_array(w)
    }
    fn end_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_array(w)
    }
    fn begin_array_value<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.0.begin_array_value(w, first)
    }
    fn end_array_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_array_value(w)
    }
    fn begin_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_object(w)
    }
    fn end_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_object(w)
    }
    fn begin_object_key<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.0.begin_object_key(w, first)
    }
    fn end_object_key<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_object_key(w)
    }
    fn begin_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_object_value(w)
    }
    fn end_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_object_value(w)
    }
}

#[cfg(test)]
mod tests {
    use super::to_string;

    #[test]
    fn escapes_c1_del_and_bidi_and_nothing_else() {
        let value = serde_json::json!({"t": "a\u{9b}b\u{7f}c\u{202e}d «è» \u{1b}\u{2069}"});
        let json = to_string(&value, false).expect("json");
        assert_eq!(json, r#"{"t":"a\u009bb\u007fc\u202ed «è» \u001b\u2069"}"#);
        let back: serde_json::Value = serde_json::from_str(&json).expect("valid JSON");
        assert_eq!(back, value);
        let plain = serde_json::json!({"t": "perché «così» 東京 \u{2028}\u{2065}"});
        assert_eq!(
            to_string(&plain, false).expect("json"),
            serde_json::to_string(&plain).expect("json")
        );
        let pretty = to_string(&value, true).expect("json");
        let reference = serde_json::to_string_pretty(&value).expect("json");
        assert_eq!(pretty.lines().count(), reference.lines().count());
        assert_eq!(
            serde_json::from_str::<serde_json::Value>(&pretty).ok(),
            Some(value)
        );
        let key = serde_json::json!({"k\u{202e}": 1});
        assert_eq!(to_string(&key, false).expect("json"), r#"{"k\u202e":1}"#);
    }
}
