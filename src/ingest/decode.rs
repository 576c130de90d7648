//! Bytes to text: finds the character encoding and decodes to UTF-8.
//!
//! Order of evidence: a byte-order mark (or UTF-16 or UTF-32 spelling of
//! the first character); the `charset` of the HTTP Content-Type; the XML
//! declaration; an HTML `<meta charset>` or `http-equiv` tag; valid UTF-8;
//! and, when nothing declares it, a guess by `chardetng`. A declared legacy
//! encoding loses to bytes that are valid UTF-8 with non-ASCII characters:
//! declarations are often left over from a template, while legacy text
//! that happens to be valid UTF-8 is all but unheard of. Decoding never
//! fails: invalid bytes become U+FFFD.

use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE};

/// How far into the bytes declarations are looked for.
const SNIFF_LEN: usize = 4096;

/// Decodes `bytes` to text, without a leading byte-order mark.
/// UTF-8 without a mark is borrowed, not copied (feeds run to megabytes).
pub fn decode<'a>(bytes: &'a [u8], content_type: Option<&str>) -> std::borrow::Cow<'a, str> {
    use std::borrow::Cow;
    if let Some(big_endian) = utf32(bytes) {
        return Cow::Owned(decode_utf32(bytes, big_endian));
    }
    let encoding = detect(bytes, content_type);
    // Valid UTF-8, most feeds: checked with SIMD (several times faster than
    // `encoding_rs` on accented text, which is most of an import's bytes).
    if encoding == UTF_8
        && let Ok(text) = simdutf8::basic::from_utf8(bytes)
    {
        return Cow::Borrowed(text.trim_start_matches('\u{feff}'));
    }
    match encoding.decode(bytes).0 {
        Cow::Borrowed(text) => Cow::Borrowed(text.trim_start_matches('\u{feff}')),
        Cow::Owned(text) if text.starts_with('\u{feff}') => {
            Cow::Owned(text.trim_start_matches('\u{feff}').to_string())
        }
        Cow::Owned(text) => Cow::Owned(text),
    }
}

/// The encoding `bytes` are most likely in.
pub fn detect(bytes: &[u8], content_type: Option<&str>) -> &'static Encoding {
    if let Some((encoding, _)) = Encoding::for_bom(bytes) {
        return encoding;
    }
    if let Some(encoding) = utf16_without_bom(bytes) {
        return encoding;
    }
    let declared = content_type
        .and_then(charset_param)
        .or_else(|| declared_in_content(&bytes[..bytes.len().min(SNIFF_LEN)]));
    if let Some(encoding) = declared {
        // A document cannot truly be UTF-16 if its declaration read as ASCII.
        if encoding != UTF_16LE && encoding != UTF_16BE {
            let utf8 =
                encoding != UTF_8 && !bytes.is_ascii() && simdutf8::basic::from_utf8(bytes).is_ok();
            return if utf8 { UTF_8 } else { encoding };
        }
    }
    if simdutf8::basic::from_utf8(bytes).is_ok() {
        return UTF_8;
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    detector.guess(None, chardetng::Utf8Detection::Allow)
}

/// Whether `bytes` are UTF-32 (big-endian or not): a byte-order mark, or a
/// first character that is ASCII spelled in four bytes. `encoding_rs`
/// knows no UTF-32 (the web never uses it; files sometimes do).
fn utf32(bytes: &[u8]) -> Option<bool> {
    match *bytes.get(..4)? {
        [0, 0, 0xFE, 0xFF] => Some(true),
        [0xFF, 0xFE, 0, 0] => Some(false),
        [0, 0, 0, a] if a != 0 && a.is_ascii() => Some(true),
        [a, 0, 0, 0] if a != 0 && a.is_ascii() => Some(false),
        _ => None,
    }
}

/// UTF-32 to text, without its byte-order mark; a unit that is no
/// character (or a cut-off last one) becomes U+FFFD.
fn decode_utf32(bytes: &[u8], big_endian: bool) -> String {
    let units = bytes.chunks(4).map(|unit| match <[u8; 4]>::try_from(unit) {
        Ok(b) if big_endian => u32::from_be_bytes(b),
        Ok(b) => u32::from_le_bytes(b),
        Err(_) => u32::MAX,
    });
    let text: String = units
        .map(|u| char::from_u32(u).unwrap_or(char::REPLACEMENT_CHARACTER))
        .collect();
    match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_string(),
        None => text,
    }
}

/// `<\0?\0` or `\0<\0?` at the start: UTF-16 XML without a byte-order mark.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    match bytes.get(..4)? {
        [b'<', 0, b'?', 0] => Some(UTF_16LE),
        [0, b'<', 0, b'?'] => Some(UTF_16BE),
        _ => None,
    }
}

/// The encoding named by a `charset=` parameter, e.g. of a Content-Type.
pub fn charset_param(value: &str) -> Option<&'static Encoding> {
    let lower = value.to_ascii_lowercase();
    let start = lower.find("charset")? + "charset".len();
    let rest = lower[start..].trim_start().strip_prefix('=')?.trim_start();
    let rest = rest.trim_start_matches(['"', '\'']);
    let end = rest
        .find(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | ':' | '.')))
        .unwrap_or(rest.len());
    Encoding::for_label(&rest.as_bytes()[..end])
}

/// The encoding declared in an XML declaration or an HTML meta tag.
fn declared_in_content(head: &[u8]) -> Option<&'static Encoding> {
    let head = String::from_utf8_lossy(head);
    let lower = head.to_ascii_lowercase();
    if lower.trim_start().starts_with("<?xml") {
        let decl_end = lower.find("?>").unwrap_or(lower.len());
        return Encoding::for_label(xml_encoding_label(&lower[..decl_end])?.as_bytes());
    }
    let mut from = 0;
    while let Some(at) = lower[from..].find("<meta") {
        let tag_start = from + at;
        let tag_end = lower[tag_start..]
            .find('>')
            .map_or(lower.len(), |e| tag_start + e);
        if let Some(encoding) = charset_param(&lower[tag_start..tag_end]) {
            return Some(encoding);
        }
        from = tag_end;
    }
    None
}

/// The value of the `encoding` pseudo-attribute of a lowercased XML
/// declaration (without its `?>`), as written, possibly empty.
fn xml_encoding_label(declaration: &str) -> Option<&str> {
    let at = declaration.find("encoding")?;
    let rest = declaration[at + "encoding".len()..].trim_start();
    let rest = rest.strip_prefix('=')?.trim_start();
    let rest = rest.trim_start_matches(['"', '\'']);
    let end = rest.find(['"', '\'', ' ', '?']).unwrap_or(rest.len());
    Some(&rest[..end])
}

/// Rewrites the XML declaration of already-decoded text so that it no
/// longer names another encoding (parsers would otherwise re-decode it).
pub fn strip_xml_encoding(text: &str) -> std::borrow::Cow<'_, str> {
    // Stray text before the declaration does not stop a parser reading it.
    let Some(at) = text.find('<') else {
        return text.into();
    };
    let (before, trimmed) = text.split_at(at);
    if !trimmed.starts_with("<?xml") {
        return text.into();
    }
    let Some(end) = trimmed.find("?>") else {
        return text.into();
    };
    let declaration = trimmed[..end].to_ascii_lowercase();
    // Read the label as the decoder read it: judging by whether "utf-8"
    // appears anywhere would keep `encoding="windows-1255"utf8`, and a
    // parser would then decode the text a second time.
    let names_other = xml_encoding_label(&declaration)
        .is_some_and(|label| Encoding::for_label(label.as_bytes()) != Some(UTF_8));
    if !names_other {
        return text.into();
    }
    let rest = &trimmed[end + 2..];
    let version = if trimmed[..end].contains("1.1") {
        "1.1"
    } else {
        "1.0"
    };
    format!("{before}<?xml version=\"{version}\" encoding=\"utf-8\"?>{rest}").into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn boms_win() {
        let le = b"\xff\xfe<\0r\0>\0";
        assert_eq!(decode(le, Some("text/xml; charset=iso-8859-1")), "<r>");
        assert_eq!(decode(b"\xef\xbb\xbfciao", None), "ciao");
    }

    #[test]
    fn declarations_in_header_xml_and_meta() {
        assert_eq!(
            decode(b"caf\xe9", Some("text/plain; charset=\"ISO-8859-1\"")),
            "café"
        );
        let xml = b"<?xml version='1.0' encoding='KOI8-R'?><t>\xf0\xd2\xc9</t>";
        assert_eq!(
            decode(xml, None),
            "<?xml version='1.0' encoding='KOI8-R'?><t>При</t>"
        );
        let html = b"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1255\"></head>\xf9\xec\xe5\xed";
        assert!(decode(html, None).ends_with("שלום"));
        assert!(decode(b"<meta charset=shift_jis>\x93\xfa\x96\x7b", None).ends_with("日本"));
    }

    #[test]
    fn a_legacy_declaration_loses_to_valid_utf8() {
        let page = "<meta charset=gb2312><p>中文 and café</p>";
        assert_eq!(decode(page.as_bytes(), None), page);
        let feed = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><t>perché</t>";
        assert_eq!(decode(feed.as_bytes(), None), feed);
        assert_eq!(
            decode("città".as_bytes(), Some("text/html; charset=windows-1252")),
            "città"
        );
        // Legacy bytes that are not UTF-8 still follow the declaration, and
        // a 7-bit encoding's ASCII bytes are not taken for UTF-8.
        assert_eq!(
            decode(b"citt\xe0", Some("text/html; charset=windows-1252")),
            "città"
        );
        let jis = b"<meta charset=iso-2022-jp>\x1b$BF|K\\\x1b(B";
        assert!(decode(jis, None).ends_with("日本"));
    }

    #[test]
    fn utf32_with_and_without_a_byte_order_mark() {
        let text = "<?xml version=\"1.0\" encoding=\"UTF-32\"?><t>città 東京 🦀</t>";
        let be: Vec<u8> = text
            .chars()
            .flat_map(|c| u32::from(c).to_be_bytes())
            .collect();
        let le: Vec<u8> = text
            .chars()
            .flat_map(|c| u32::from(c).to_le_bytes())
            .collect();
        for (bytes, bom) in [(&be, [0, 0, 0xFE, 0xFF]), (&le, [0xFF, 0xFE, 0, 0])] {
            assert_eq!(decode(bytes, None), text);
            let marked: Vec<u8> = bom.iter().chain(bytes.iter()).copied().collect();
            assert_eq!(decode(&marked, None), text);
        }
        let mut cut = be.clone();
        cut.extend([0, 0x11, 0, 0, 0, 0]);
        assert!(decode(&cut, None).ends_with("</t>\u{fffd}\u{fffd}"));
        assert_eq!(
            strip_xml_encoding(&decode(&be, None)),
            "<?xml version=\"1.0\" encoding=\"utf-8\"?><t>città 東京 🦀</t>"
        );
    }

    #[test]
    fn declared_utf8_with_bad_bytes_is_lossy() {
        let text = decode(
            b"<?xml version=\"1.0\" encoding=\"utf-8\"?><a>x\xff</a>",
            None,
        );
        assert!(text.contains("x\u{fffd}"));
    }

    #[test]
    fn undeclared_legacy_text_is_detected() {
        let (bytes, _, _) =
            encoding_rs::EUC_KR.encode("한국어 텍스트입니다. 한글 문장을 조금 더 길게 씁니다.");
        assert!(decode(&bytes, None).contains("한국어"));
    }

    #[test]
    fn xml_declaration_is_rewritten() {
        assert_eq!(
            strip_xml_encoding("<?xml version=\"1.0\" encoding=\"gb2312\"?>\n<rss/>"),
            "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<rss/>"
        );
        assert_eq!(strip_xml_encoding("<rss/>"), "<rss/>");
        assert_eq!(
            strip_xml_encoding("<?xml version=\"1.0\" encoding=\"windows-1255\"utf8?><rss/>"),
            "<?xml version=\"1.0\" encoding=\"utf-8\"?><rss/>"
        );
        let kept = "<?xml version='1.0' encoding='UTF-8'?><rss/>";
        assert_eq!(strip_xml_encoding(kept), kept);
        // Stray text before the declaration: a parser still reads it.
        assert_eq!(
            strip_xml_encoding("=\"2.0<?xml version=\"1.0\" encoding=\"KOI8-R\"?><rss/>"),
            "=\"2.0<?xml version=\"1.0\" encoding=\"utf-8\"?><rss/>"
        );
    }
}
