//! The fast path: HTML made only of text, paragraph and line breaks,
//! inline emphasis and common entities, read without building a document.

/// Paragraphs of HTML made only of text, paragraph/line breaks, inline
/// emphasis and common entities; None for anything else.
pub(super) fn simple_html(html: &str) -> Option<Vec<String>> {
    const BREAKS: &[&str] = &["p", "br", "div"];
    const INLINE: &[&str] = &[
        "b", "strong", "i", "em", "span", "u", "small", "sup", "sub", "abbr", "cite", "mark", "s",
        "del", "ins",
    ];
    use crate::text::squash_into;
    if html.contains(super::flow::SOFT_HYPHEN) || !super::flow::is_nfc(html) {
        return None;
    }
    let mut paragraphs = Vec::new();
    // The paragraph so far, its whitespace already collapsed: one buffer,
    // each paragraph copied out of it at its exact size.
    let mut current = String::with_capacity(html.len().min(4096));
    let mut space = false;
    let mut rest = html;
    let flush = |current: &mut String, space: &mut bool, paragraphs: &mut Vec<String>| {
        *space = false;
        if !current.is_empty() {
            paragraphs.push(current.as_str().to_owned());
            current.clear();
        }
    };
    while !rest.is_empty() {
        let stop = memchr::memchr2(b'<', b'&', rest.as_bytes()).unwrap_or(rest.len());
        squash_into(&mut current, &rest[..stop], &mut space);
        rest = &rest[stop..];
        if let Some(tag) = rest.strip_prefix('<') {
            let end = memchr::memchr(b'>', tag.as_bytes())?;
            let inner = &tag[..end];
            let name = inner
                .strip_prefix('/')
                .unwrap_or(inner)
                .split(|c: char| c.is_ascii_whitespace() || c == '/')
                .next()?
                .to_ascii_lowercase();
            // Quoted attribute values may hold '>' and the like.
            if inner.contains(['<', '"', '\'']) {
                return None;
            }
            if BREAKS.contains(&name.as_str()) {
                flush(&mut current, &mut space, &mut paragraphs);
            } else if !INLINE.contains(&name.as_str()) {
                return None;
            }
            rest = &tag[end + 1..];
        } else if let Some(entity) = rest.strip_prefix('&') {
            let end = memchr::memchr(b';', entity.as_bytes()).filter(|e| *e <= 10)?;
            let c = decode_entity(&entity[..end])?;
            squash_into(&mut current, c.encode_utf8(&mut [0; 4]), &mut space);
            rest = &entity[end + 1..];
        }
    }
    flush(&mut current, &mut space, &mut paragraphs);
    Some(paragraphs)
}

fn decode_entity(name: &str) -> Option<char> {
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => '\u{a0}',
        _ => {
            let number = name.strip_prefix('#')?;
            let code = match number.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => number.parse().ok()?,
            };
            // Control characters and the like: let the full parser decide.
            char::from_u32(code)
                .filter(|c| !c.is_control() && code != 0 && *c != super::flow::SOFT_HYPHEN)?
        }
    })
}
