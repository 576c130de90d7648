//! Textual fixes for feeds that `feed-rs` would otherwise reject.

use std::borrow::Cow;

/// Namespaces of prefixes that feeds often use without declaring them.
const KNOWN_PREFIXES: &[(&str, &str)] = &[
    ("itunes", "http://www.itunes.com/dtds/podcast-1.0.dtd"),
    ("content", "http://purl.org/rss/1.0/modules/content/"),
    ("dc", "http://purl.org/dc/elements/1.1/"),
    ("media", "http://search.yahoo.com/mrss/"),
    ("atom", "http://www.w3.org/2005/Atom"),
];

/// Gives `<rss>` a version `feed-rs` reads, declares undeclared prefixes,
/// turns Atom 0.3 into Atom 1.0 and gives RSS 1.0 items without a link
/// their `rdf:about` as one.
pub fn patch(original: &str) -> Cow<'_, str> {
    let text = patch_root(original);
    let text = match decode_base64_constructs(&text) {
        Some(decoded) => Cow::Owned(decoded),
        None => text,
    };
    let rdf =
        root_tag(&text).is_some_and(|(start, end)| tag_name(&text[start..end]).ends_with("RDF"));
    match rdf.then(|| link_rdf_items(&text)).flatten() {
        Some(linked) => Cow::Owned(linked),
        None => text,
    }
}

/// Atom text constructs given in base64 (Atom 0.3's `mode="base64"`, or
/// Atom 1.0's binary types such as `application/octet-stream`), which
/// `feed-rs` would show as their code: decoded, when they are UTF-8 text,
/// and written as plain text (or HTML, when the type says so). None when
/// there is none.
fn decode_base64_constructs(text: &str) -> Option<String> {
    use base64::Engine;
    let marked = [
        "mode=\"base64\"",
        "mode='base64'",
        "application/octet-stream",
    ];
    if !marked.iter().any(|m| contains(text, m)) {
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
            || attr_value(tag, "type").is_some_and(|t| t == "application/octet-stream");
        let body_end = rest[tag_end..]
            .find(&format!("</{name}>"))
            .map(|e| tag_end + e);
        let decoded = match body_end {
            Some(end) if encoded && TEXT_CONSTRUCTS.contains(&local) && !tag.ends_with("/>") => {
                let code: String = rest[tag_end..end].split_whitespace().collect();
                base64::engine::general_purpose::STANDARD
                    .decode(code)
                    .ok()
                    .and_then(|bytes| String::from_utf8(bytes).ok())
                    .map(|decoded| (decoded, end))
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

/// Atom's text constructs, and its content.
const TEXT_CONSTRUCTS: &[&str] = &[
    "title", "subtitle", "tagline", "rights", "summary", "content",
];

/// `feed-rs` drops RSS 1.0 items that have no `<link>`, though the item's
/// address is its required `rdf:about`: that becomes its link. None when
/// every item has one.
fn link_rdf_items(text: &str) -> Option<String> {
    let mut out = String::new();
    let mut copied = 0;
    let mut at = 0;
    while let Some(rel) = memchr::memmem::find(&text.as_bytes()[at..], b"<item") {
        let start = at + rel;
        let after_name = text.as_bytes().get(start + 5).copied();
        let tag_end = start + text[start..].find('>')? + 1;
        at = tag_end;
        let tag = &text[start..tag_end];
        if !matches!(after_name, Some(b' ' | b'\t' | b'\n' | b'\r')) || tag.ends_with("/>") {
            continue;
        }
        let Some(about) = attr_value(tag, "rdf:about") else {
            continue;
        };
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

fn patch_root(original: &str) -> Cow<'_, str> {
    let text = if contains(original, ATOM_03_NS) {
        Cow::Owned(atom03_to_atom10(original))
    } else {
        Cow::Borrowed(original)
    };
    let Some((start, end)) = root_tag(&text) else {
        return text;
    };
    let tag = &text[start..end];
    let mut new_tag = tag.trim_end_matches('>').trim_end_matches('/').to_string();
    let self_closing = tag.ends_with("/>");
    if tag_name(tag) == "rss" {
        // RSS 2.0 has no namespace, but some feeds give it one as the
        // default, which hides every element from `feed-rs`.
        for ns in RSS2_NAMESPACES {
            for quote in ['"', '\''] {
                new_tag = new_tag.replace(&format!("xmlns={quote}{ns}{quote}"), "");
            }
        }
        let version = attr_value(tag, "version");
        if !matches!(version.as_deref(), Some("2.0" | "0.91" | "0.92")) {
            if let Some(v) = version {
                new_tag = new_tag.replacen(&v, "2.0", 1);
            } else {
                new_tag.push_str(" version=\"2.0\"");
            }
        }
    }
    for prefix in used_prefixes(&text) {
        if prefix != "xml" && prefix != "xmlns" && !contains(&text, &format!("xmlns:{prefix}=")) {
            let ns = KNOWN_PREFIXES
                .iter()
                .find(|(p, _)| *p == prefix)
                .map_or_else(
                    || format!("urn:undeclared:{prefix}"),
                    |(_, ns)| ns.to_string(),
                );
            new_tag.push_str(&format!(" xmlns:{prefix}=\"{ns}\""));
        }
    }
    new_tag.push_str(if self_closing { "/>" } else { ">" });
    if new_tag == tag {
        return text;
    }
    Cow::Owned(format!("{}{new_tag}{}", &text[..start], &text[end..]))
}

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

const ATOM_03_NS: &str = "http://purl.org/atom/ns#";

/// Namespaces that RSS 2.0 feeds have been given as their default.
const RSS2_NAMESPACES: &[&str] = &[
    "http://backend.userland.com/rss2",
    "http://blogs.law.harvard.edu/tech/rss",
];

/// Atom 0.3 element names that Atom 1.0 renamed.
const ATOM_03_RENAMES: &[(&str, &str)] = &[
    ("modified", "updated"),
    ("issued", "published"),
    ("tagline", "subtitle"),
    ("copyright", "rights"),
];

fn atom03_to_atom10(text: &str) -> String {
    let mut text = text.replace(ATOM_03_NS, "http://www.w3.org/2005/Atom");
    for (old, new) in ATOM_03_RENAMES {
        for (from, to) in [("<", "<"), ("</", "</")] {
            for end in [">", " "] {
                text = text.replace(&format!("{from}{old}{end}"), &format!("{to}{new}{end}"));
            }
        }
    }
    // Atom 0.3 text constructs name MIME types; Atom 1.0 says text/html/xhtml.
    let mut out = String::with_capacity(text.len());
    let mut rest = text.as_str();
    while let Some(at) = rest.find('<') {
        out.push_str(&rest[..at]);
        let tag_end = rest[at..].find('>').map_or(rest.len(), |e| at + e + 1);
        let tag = &rest[at..tag_end];
        let name = tag_name(tag);
        if ["title", "subtitle", "rights", "summary", "content"].contains(&name.as_str()) {
            out.push_str(
                &tag.replace("\"text/plain\"", "\"text\"")
                    .replace("\"text/html\"", "\"html\"")
                    .replace("\"application/xhtml+xml\"", "\"xhtml\""),
            );
        } else {
            out.push_str(tag);
        }
        rest = &rest[tag_end..];
    }
    out.push_str(rest);
    out
}

/// Whether the root is a feed element with no items at all (such a feed is
/// valid, if useless, but `feed-rs` rejects some forms of it).
pub fn is_itemless(text: &str) -> bool {
    let Some((start, _)) = root_tag(text) else {
        return false;
    };
    let root = tag_name(&text[start..]);
    matches!(root.as_str(), "rss" | "feed" | "rdf:RDF")
        && !text.contains("<item")
        && !text.contains("<entry")
}

/// A feed cut short (or with a broken end tag) closed after its last
/// complete item or entry.
pub fn close_truncated(text: &str) -> Option<String> {
    let (start, _) = root_tag(text)?;
    let root = tag_name(&text[start..]);
    let (item_end, closing) = match root.as_str() {
        "rss" => ("</item>", "</channel></rss>"),
        "rdf:RDF" => ("</item>", "</rdf:RDF>"),
        "feed" => ("</entry>", "</feed>"),
        _ => return None,
    };
    let cut = text.rfind(item_end).map(|i| i + item_end.len())?;
    Some(format!("{}{closing}", &text[..cut]))
}

/// Byte range of the root element's start tag.
fn root_tag(text: &str) -> Option<(usize, usize)> {
    let mut at = 0;
    while let Some(rel) = text[at..].find('<') {
        let start = at + rel;
        let rest = &text[start..];
        if rest.starts_with("<?") || rest.starts_with("<!") {
            let close = if rest.starts_with("<!--") { "-->" } else { ">" };
            at = start + rest.find(close)? + close.len();
            continue;
        }
        return Some((start, start + rest.find('>')? + 1));
    }
    None
}

fn tag_name(tag: &str) -> String {
    tag.trim_start_matches('<')
        .split(|c: char| c.is_whitespace() || c == '>' || c == '/')
        .next()
        .unwrap_or("")
        .to_string()
}

fn attr_value(tag: &str, name: &str) -> Option<String> {
    let at = tag.find(&format!(" {name}="))? + name.len() + 2;
    let rest = &tag[at..];
    let quote = rest.chars().next().filter(|c| *c == '"' || *c == '\'')?;
    let value = &rest[1..];
    Some(value[..value.find(quote)?].to_string())
}

/// Element prefixes in use (`<itunes:author>` gives `itunes`).
/// Whether `needle` is in `text` (memchr's SIMD search: feeds run to
/// megabytes, and every imported feed is searched).
fn contains(text: &str, needle: &str) -> bool {
    memchr::memmem::find(text.as_bytes(), needle.as_bytes()).is_some()
}

fn used_prefixes(text: &str) -> Vec<String> {
    let mut found: Vec<String> = Vec::new();
    for at in memchr::memchr_iter(b'<', text.as_bytes()) {
        let piece = &text[at + 1..];
        let name = piece
            .trim_start_matches('/')
            .split(|c: char| c.is_whitespace() || c == '>' || c == '/')
            .next()
            .unwrap_or("");
        if let Some((prefix, local)) = name.split_once(':') {
            let valid = !prefix.is_empty()
                && !local.is_empty()
                && prefix
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
            if valid && !found.iter().any(|f| f == prefix) {
                found.push(prefix.to_string());
            }
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

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
        assert_eq!(
            patch("<rss version=\"2.0\"><item><title>x</title></item></rss>"),
            "<rss version=\"2.0\"><item><title>x</title></item></rss>"
        );
    }

    #[test]
    fn versions_and_prefixes_are_patched() {
        assert_eq!(
            patch("<rss><channel/></rss>"),
            "<rss version=\"2.0\"><channel/></rss>"
        );
        assert_eq!(
            patch("<?xml version=\"1.0\"?><rss version=\"0.94\">"),
            "<?xml version=\"1.0\"?><rss version=\"2.0\">"
        );
        let patched = patch("<rss version=\"2.0\"><itunes:author>x</itunes:author></rss>");
        assert!(patched.contains("xmlns:itunes=\"http://www.itunes.com"));
    }

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
        // "Example <b>Atom</b>" (titles are read as HTML), and "Il <i>testo</i>
        // è qui" as HTML.
        let atom03 = "<feed version=\"0.3\" xmlns=\"http://purl.org/atom/ns#\"><entry>\
            <title mode=\"base64\">\n  RXhhbXBsZSA8Yj5BdG9tPC9iPg==\n</title>\
            <content type=\"text/html\" mode=\"base64\">SWwgPGk+dGVzdG88L2k+IMOoIHF1aQ==</content>\
            </entry></feed>";
        assert_eq!(
            parse(atom03),
            [(
                "Example Atom".to_string(),
                vec!["Il testo è qui".to_string()]
            )]
        );
        let atom10 = "<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry>\
            <title type=\"application/octet-stream\">RXhhbXBsZSA8Yj5BdG9tPC9iPg==</title>\
            <summary mode=\"base64\">not base64 at all!</summary></entry></feed>";
        assert_eq!(parse(atom10)[0].0, "Example Atom");
    }

    #[test]
    fn truncated_feeds_are_closed() {
        let text = "<rss version=\"2.0\"><channel><item><link>x</link></item></channel></rss";
        assert_eq!(
            close_truncated(text).as_deref(),
            Some("<rss version=\"2.0\"><channel><item><link>x</link></item></channel></rss>")
        );
    }
}
