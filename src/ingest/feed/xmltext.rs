//! XML text as `feed-rs` reads it: references resolved, attributes
//! unescaped, text borrowed from the document where possible.

use quick_xml::events::BytesStart;

/// `bytes` as the part of `doc` they are (events borrow from the
/// document): no copy and no second UTF-8 check. `None` for bytes from
/// elsewhere.
pub(super) fn within<'a>(doc: &'a str, bytes: &[u8]) -> Option<&'a str> {
    let offset = (bytes.as_ptr() as usize).checked_sub(doc.as_ptr() as usize)?;
    doc.get(offset..offset.checked_add(bytes.len())?)
}

/// Text with references (`&amp;`, `&#233;`, `&name;`) resolved as
/// `feed-rs` does; `None` where quick-xml would fail.
pub(super) fn unescape(raw: &str) -> Option<String> {
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw;
    while let Some(amp) = memchr::memchr(b'&', rest.as_bytes()) {
        out.push_str(&rest[..amp]);
        let name_and_rest = &rest[amp + 1..];
        let semicolon = memchr::memchr(b';', name_and_rest.as_bytes())?;
        push_reference(&mut out, &name_and_rest[..semicolon])?;
        rest = &name_and_rest[semicolon + 1..];
    }
    out.push_str(rest);
    Some(out)
}

/// One reference, by name: a character, a predefined entity, or an unknown
/// entity kept as written.
pub(super) fn push_reference(out: &mut String, name: &str) -> Option<()> {
    match quick_xml::events::BytesRef::new(name)
        .resolve_char_ref()
        .ok()?
    {
        Some(c) => out.push(c),
        None => match quick_xml::escape::resolve_predefined_entity(name) {
            Some(s) => out.push_str(s),
            None => {
                out.push('&');
                out.push_str(name);
                out.push(';');
            }
        },
    }
    Some(())
}

/// An attribute's value, unescaped (as written when that fails, as in
/// `feed-rs`).
pub(super) fn attr(e: &BytesStart, name: &[u8]) -> Option<Option<String>> {
    for a in e.attributes() {
        let a = a.ok()?;
        if a.key.as_ref() == name {
            return Some(Some(attr_text(&a.value)?));
        }
    }
    Some(None)
}

pub(super) fn attr_text(raw: &[u8]) -> Option<String> {
    let raw = std::str::from_utf8(raw).ok()?;
    Some(quick_xml::escape::unescape(raw).map_or_else(|_| raw.to_string(), |s| s.into_owned()))
}
