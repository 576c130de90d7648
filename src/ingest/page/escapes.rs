//! Values a page escaped twice: its markup says "asegur&amp;oacute;", which
//! reads as "asegur&oacute;"; no description means the entity literally.

/// A value escaped twice by its page ("asegur&amp;oacute;" in the markup,
/// "asegur&oacute;" once read) with its entities read: as they stand they
/// are noise, and no description means them literally.
pub(super) fn unescaped(value: &str) -> String {
    let escaped = value.match_indices('&').any(|(at, _)| {
        let rest = &value[at + 1..];
        let rest = rest.strip_prefix('#').unwrap_or(rest);
        let name = rest.bytes().take_while(u8::is_ascii_alphanumeric).count();
        (2..=10).contains(&name) && rest[name..].starts_with(';')
    });
    if escaped && !value.contains('<') {
        crate::ingest::htmltext::plain_text(value)
    } else {
        value.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::super::meta::PageMeta;
    use dom_query::Document;

    #[test]
    fn a_json_ld_headline_with_entities_is_read() {
        let doc = Document::from(
            "<html><head><script type=\"application/ld+json\">{\"@type\": \"NewsArticle\", \
             \"headline\": \"Olive &#038; Herb Bread, &#8222;baked&#8220;\", \"author\": \
             {\"name\": \"Ana &#8222;Nan&#8220; Ruiz\"}}</script></head><body></body></html>",
        );
        let meta = PageMeta::read(&doc, None);
        assert_eq!(meta.title.as_deref(), Some("Olive & Herb Bread, „baked“"));
        assert_eq!(meta.byline.as_deref(), Some("Ana „Nan“ Ruiz"));
    }

    #[test]
    fn a_value_escaped_twice_is_read_and_an_ampersand_stays() {
        let doc = Document::from(
            "<html><head><meta name=\"description\" content=\"Delgado asegur&amp;oacute; \
             que sigue &amp;#8211; R&amp;D &amp; more\"></head><body></body></html>",
        );
        let meta = PageMeta::read(&doc, None);
        assert_eq!(
            meta.description.as_deref(),
            Some("Delgado aseguró que sigue – R&D & more")
        );
        let doc = Document::from(
            "<html><head><meta name=\"description\" content=\"Salt &amp; pepper; R&amp;D\">\
             </head><body></body></html>",
        );
        let meta = PageMeta::read(&doc, None);
        assert_eq!(meta.description.as_deref(), Some("Salt & pepper; R&D"));
    }
}
