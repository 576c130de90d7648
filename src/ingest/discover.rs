//! Feeds a web page advertises with `<link rel="alternate">`.

use dom_query::Document;
use url::Url;

use super::ids::resolve_url;

const FEED_TYPES: &[&str] = &[
    "application/rss+xml",
    "application/atom+xml",
    "application/feed+json",
    "application/json",
    "application/rdf+xml",
    "application/x-rss+xml",
    "text/xml",
];

/// The feed URLs advertised by a page, absolute, in page order, without
/// duplicates.
pub fn discover_feeds(html: &[u8], base_url: &str) -> Vec<String> {
    let text = super::decode::decode(html, None);
    discover_in(&Document::from(&*super::nesting::flatten(&text)), base_url)
}

/// As [`discover_feeds`], on an already parsed page.
pub fn discover_in(doc: &Document, base_url: &str) -> Vec<String> {
    let page = Url::parse(base_url).ok();
    let base = doc
        .select("base[href]")
        .attr("href")
        .and_then(|href| resolve_url(page.as_ref(), &href))
        .and_then(|b| Url::parse(&b).ok())
        .or(page);
    let mut feeds: Vec<String> = Vec::new();
    for link in doc.select("link[rel][href]").nodes() {
        let rel = link.attr("rel").unwrap_or_default().to_ascii_lowercase();
        let kind = link.attr("type").unwrap_or_default().to_ascii_lowercase();
        let kind = kind.split(';').next().unwrap_or("").trim();
        if !rel.split_whitespace().any(|r| r == "alternate") || !FEED_TYPES.contains(&kind) {
            continue;
        }
        let href = link.attr("href").unwrap_or_default();
        let url = resolve_url(base.as_ref(), &href).unwrap_or_else(|| href.trim().to_string());
        if !url.is_empty() && !feeds.contains(&url) {
            feeds.push(url);
        }
    }
    feeds
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_rss_atom_and_json_feeds() {
        let html = br#"<html><head>
            <link rel="alternate" type="application/rss+xml" href="/feed.xml">
            <link rel="Alternate" type="application/atom+xml" href="https://example.org/atom">
            <link rel="alternate" type="application/feed+json" href="feed.json">
            <link rel="alternate" type="text/html" href="/it/">
            <link rel="stylesheet" type="text/css" href="/s.css">
            <link rel="alternate" type="application/rss+xml" href="/feed.xml">
            </head><body></body></html>"#;
        assert_eq!(
            discover_feeds(html, "https://example.org/news/page.html"),
            vec![
                "https://example.org/feed.xml",
                "https://example.org/atom",
                "https://example.org/news/feed.json",
            ]
        );
    }
}
