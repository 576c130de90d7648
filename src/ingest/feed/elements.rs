//! Repairs inside a feed's elements, where `feed-rs` would otherwise drop
//! an item or the whole feed, or show an element's encoding instead of its
//! text (the repairs of the root element are in `repair.rs`).

use super::repair::{attr_value, contains, root_holds, tag_name};

/// The text of a feed that `feed-rs` refused for the content type `bad`
/// (`unsupported content type X`), with every `type="X"` attribute made
/// one it reads: one odd element must not cost the whole feed. None when
/// there is no such attribute.
pub fn retype(text: &str, bad: &str) -> Option<String> {
    let wanted = match bad.to_ascii_lowercase().as_str() {
        "html" | "text/html" => "html",
        "xhtml" | "application/xhtml+xml" => "xhtml",
        _ => "text",
    };
    let mut out = text.to_string();
    for quote in ['"', '\''] {
        out = out.replace(
            &format!(" type={quote}{bad}{quote}"),
            &format!(" type=\"{wanted}\""),
        );
    }
    (out != text).then_some(out)
}

/// Atom text constructs given in base64 (Atom 0.3's `mode="base64"`, or
/// Atom 1.0's content of a media type that is neither text nor XML, which
/// RFC 4287 4.1.3.3 has in base64), which `feed-rs` would show as their
/// code: decoded, when they are UTF-8 text, and written as plain text (or
/// HTML, when the type says so); emptied when they decode to other bytes
/// (a picture or a video is no text to show). None when there is none.
pub(super) fn decode_base64_constructs(text: &str) -> Option<String> {
    use base64::Engine;
    let marked = [
        "mode=\"base64\"",
        "mode='base64'",
        "application/octet-stream",
    ];
    // Only Atom has typed content: RSS feeds (most feeds) are not scanned.
    let atom = || root_holds(text, "<feed") || root_holds(text, ":feed");
    let binary = || atom() && has_binary_content(text);
    if !(marked.iter().any(|m| contains(text, m)) || binary()) {
        return None;
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    let mut changed = false;
    while let Some(at) = rest.find('<') {
        out.push_str(&rest[..at]);
        let tag_end = rest[at..].find('>').map_or(rest.len(), |e| at + e + 1);
        let tag = &rest[at..tag_end];
        let name = tag_name(tag);
        let local = name.rsplit(':').next().unwrap_or_default();
        let encoded = attr_value(tag, "mode").is_some_and(|m| m == "base64")
            || attr_value(tag, "type").is_some_and(|t| is_binary_type(&t));
        let body_end = rest[tag_end..]
            .find(&format!("</{name}>"))
            .map(|e| tag_end + e);
        let decoded = match body_end {
            Some(end) if encoded && TEXT_CONSTRUCTS.contains(&local) && !tag.ends_with("/>") => {
                let code: String = rest[tag_end..end].split_whitespace().collect();
                // Not base64 at all: text given with a wrong type, kept.
                let bytes = base64::engine::general_purpose::STANDARD.decode(code).ok();
                let media =
                    local == "content" && attr_value(tag, "type").is_some_and(|t| is_media(&t));
                match bytes.map(String::from_utf8) {
                    Some(Ok(decoded)) => Some((decoded, end)),
                    Some(Err(_)) if media => Some((String::new(), end)),
                    _ => None,
                }
            }
            _ => None,
        };
        match decoded {
            Some((decoded, end)) => {
                let html = attr_value(tag, "type").is_some_and(|t| t.contains("html"));
                let kind = if html { "html" } else { "text" };
                out.push_str(&format!("<{name} type=\"{kind}\">"));
                out.push_str(&quick_xml::escape::escape(decoded.as_str()));
                rest = &rest[end..];
                changed = true;
            }
            None => {
                out.push_str(tag);
                rest = &rest[tag_end..];
            }
        }
    }
    out.push_str(rest);
    changed.then_some(out)
}

/// Whether a media type is one whose Atom content is base64 (RFC 4287
/// 4.1.3.3): not `text/*` and not XML.
fn is_binary_type(media_type: &str) -> bool {
    let t = media_type.trim().to_ascii_lowercase();
    let t = t.split(';').next().unwrap_or_default().trim_end();
    t.contains('/') && !t.starts_with("text/") && !t.ends_with("+xml") && !t.ends_with("/xml")
}

/// Whether a media type is a picture, a sound, a video or raw bytes.
fn is_media(media_type: &str) -> bool {
    let t = media_type.trim().to_ascii_lowercase();
    ["image/", "audio/", "video/", "application/octet-stream"]
        .iter()
        .any(|p| t.starts_with(p))
}

/// Whether some Atom `<content>` has a binary media type.
fn has_binary_content(text: &str) -> bool {
    memchr::memmem::find_iter(text.as_bytes(), b"<content ").any(|at| {
        let tag = &text[at..text[at..].find('>').map_or(text.len(), |e| at + e + 1)];
        attr_value(tag, "type").is_some_and(|t| is_binary_type(&t))
    })
}

/// Atom text constructs of `type="xhtml"` holding escaped markup (`the
/// &lt;blink&gt; tag`): `feed-rs` gives their markup back with such text
/// unescaped, which would then read as a tag. Their references are escaped
/// once more so that the text stays literal. None when there is none.
pub(super) fn escape_xhtml_text(text: &str) -> Option<String> {
    if !(contains(text, "xhtml") && (contains(text, "&lt;") || contains(text, "&amp;"))) {
        return None;
    }
    let mut out = String::with_capacity(text.len() + 64);
    let mut rest = text;
    let mut changed = false;
    while let Some(at) = rest.find('<') {
        out.push_str(&rest[..at]);
        let tag_end = rest[at..].find('>').map_or(rest.len(), |e| at + e + 1);
        let tag = &rest[at..tag_end];
        out.push_str(tag);
        rest = &rest[tag_end..];
        let name = tag_name(tag);
        let local = name.rsplit(':').next().unwrap_or_default();
        let xhtml = attr_value(tag, "type").is_some_and(|t| t == "xhtml");
        if !(xhtml && TEXT_CONSTRUCTS.contains(&local) && !tag.ends_with("/>")) {
            continue;
        }
        if let Some(end) = rest.find(&format!("</{name}>")) {
            let inner = &rest[..end];
            let escaped = inner
                .replace("&amp;", "&amp;amp;")
                .replace("&lt;", "&amp;lt;");
            changed |= escaped.len() != inner.len();
            out.push_str(&escaped.replace("&gt;", "&amp;gt;"));
            rest = &rest[end..];
        }
    }
    out.push_str(rest);
    changed.then_some(out)
}

/// Atom's text constructs, and its content.
const TEXT_CONSTRUCTS: &[&str] = &[
    "title", "subtitle", "tagline", "rights", "summary", "content",
];

/// The link given to an RSS 1.0 item that has neither a link nor an
/// `rdf:about`: `feed-rs` drops an item without a link, and this one leads
/// nowhere (the item's reading drops it again).
pub(super) const NOWHERE: &str = "about:blank";

/// `feed-rs` drops RSS 1.0 items that have no `<link>`, though the item's
/// address is its required `rdf:about`: that becomes its link (`NOWHERE`
/// when it has none either). None when every item has a link.
pub(super) fn link_rdf_items(text: &str) -> Option<String> {
    let mut out = String::new();
    let mut copied = 0;
    let mut at = 0;
    while let Some(rel) = memchr::memmem::find(&text.as_bytes()[at..], b"<item") {
        let start = at + rel;
        let after_name = text.as_bytes().get(start + 5).copied();
        let tag_end = start + text[start..].find('>')? + 1;
        at = tag_end;
        let tag = &text[start..tag_end];
        if !matches!(after_name, Some(b' ' | b'\t' | b'\n' | b'\r' | b'>')) || tag.ends_with("/>") {
            continue;
        }
        let about = attr_value(tag, "rdf:about").unwrap_or_else(|| NOWHERE.to_string());
        let end = text[tag_end..]
            .find("</item>")
            .map_or(text.len(), |e| tag_end + e);
        if contains(&text[tag_end..end], "<link") {
            continue;
        }
        out.push_str(&text[copied..tag_end]);
        out.push_str("<link>");
        out.push_str(&about);
        out.push_str("</link>");
        copied = tag_end;
    }
    (copied > 0).then(|| {
        out.push_str(&text[copied..]);
        out
    })
}

#[cfg(test)]
mod tests {
    use super::super::repair::patch;

    #[test]
    fn odd_types_and_namespaces_cost_no_feed() {
        let parse = |feed: &str| {
            super::super::parse_feed(feed, &crate::ingest::Source::default())
                .map(|d| d.articles.into_iter().map(|a| a.title).collect::<Vec<_>>())
        };
        for odd in [
            "",
            "TEXT",
            "application/octet-stream",
            "image/svg+xml",
            "application/xml",
        ] {
            let feed = format!(
                "<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><title type=\"{odd}\">evil</title>\
                 <summary type='{odd}'>text</summary><content type=\"html\">&lt;b&gt;x&lt;/b&gt;</content></entry></feed>"
            );
            assert_eq!(parse(&feed), Ok(vec!["evil".to_string()]), "{odd:?}");
        }
        let feed = "<rss version=\"2.0\" xmlns=\"http://backend.userland.com/rss2\">\
                    <channel><item><title>T</title></item></channel></rss>";
        assert_eq!(parse(feed), Ok(vec!["T".to_string()]));
    }

    #[test]
    fn base64_text_constructs_are_decoded() {
        let parse = |feed: &str| {
            let data =
                super::super::parse_feed(feed, &crate::ingest::Source::default()).expect("feed");
            data.articles
                .into_iter()
                .map(|a| (a.title, a.body))
                .collect::<Vec<_>>()
        };
        // "Example <b>Atom</b>" as text, and "Il <i>testo</i>
        // è qui" as HTML.
        let atom03 = "<feed version=\"0.3\" xmlns=\"http://purl.org/atom/ns#\"><entry>\
            <title mode=\"base64\">\n  RXhhbXBsZSA8Yj5BdG9tPC9iPg==\n</title>\
            <content type=\"text/html\" mode=\"base64\">SWwgPGk+dGVzdG88L2k+IMOoIHF1aQ==</content>\
            </entry></feed>";
        assert_eq!(
            parse(atom03),
            [(
                "Example <b>Atom</b>".to_string(),
                vec!["Il testo è qui".to_string()]
            )]
        );
        let atom10 = "<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry>\
            <title type=\"application/octet-stream\">RXhhbXBsZSA8Yj5BdG9tPC9iPg==</title>\
            <summary mode=\"base64\">not base64 at all!</summary></entry></feed>";
        assert_eq!(parse(atom10)[0].0, "Example <b>Atom</b>");
    }

    #[test]
    fn rss_1_items_without_a_link_get_their_rdf_about() {
        let feed = "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" xmlns=\"http://purl.org/rss/1.0/\">\
            <channel rdf:about=\"http://example.com/\"><title>F</title></channel>\
            <item rdf:about=\"http://example.com/1?a=1&amp;b=2\"><title>One</title></item>\
            <item rdf:about=\"http://example.com/2\"><title>Two</title><link>http://example.com/two</link></item>\
            <itemize/></rdf:RDF>";
        let patched = patch(feed);
        assert!(
            patched.contains("<title>One</title>")
                && patched.contains("<link>http://example.com/1?a=1&amp;b=2</link><title>One")
        );
        assert_eq!(patched.matches("<link>").count(), 2);
        let data = super::super::parse_feed(feed, &crate::ingest::Source::default()).expect("feed");
        let links: Vec<_> = data
            .articles
            .iter()
            .map(|a| a.url.as_deref().unwrap_or(""))
            .collect();
        assert_eq!(
            links,
            ["http://example.com/1?a=1&b=2", "http://example.com/two"]
        );
        // Only RDF items are given links.
        let rss =
            patch("<rss version=\"2.0\"><channel><item><title>x</title></item></channel></rss>");
        assert!(!rss.contains("<link>"));
    }

    #[test]
    fn rss_090_and_1_items_with_neither_link_nor_about_are_kept_without_an_address() {
        for ns in [
            "http://purl.org/rss/1.0/",
            "http://my.netscape.com/rdf/simple/0.9/",
        ] {
            let feed = format!(
                "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" xmlns=\"{ns}\">\
                 <channel><title>F</title></channel>\
                 <item><title>Item title</title></item></rdf:RDF>"
            );
            let data =
                super::super::parse_feed(&feed, &crate::ingest::Source::default()).expect("feed");
            assert_eq!(data.articles.len(), 1, "{ns}");
            assert_eq!(data.articles[0].title, "Item title");
            assert_eq!(data.articles[0].url, None, "no address made up");
        }
    }
}
