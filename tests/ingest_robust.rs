//! The importers never panic, and stay fast on big or hostile inputs.

use std::time::{Duration, Instant};

use edicola::ingest::htmltext::html_to_text;
use edicola::ingest::{self, Source};
use proptest::prelude::*;

fn markupish() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "<p>",
        "</p>",
        "<a href='/x'>",
        "</a>",
        "<ul>",
        "<li>",
        "</li>",
        "<ol start=3>",
        "<pre>",
        "</pre>",
        "<table><tr><td>",
        "</td><td>",
        "</table>",
        "<blockquote>",
        "<img alt='a'>",
        "<rss>",
        "<item>",
        "<title>",
        "</title>",
        "<entry>",
        "<feed>",
        "<opml>",
        "<outline text='t' xmlUrl='u'>",
        "<?xml version='1.0' encoding='koi8-r'?>",
        "<![CDATA[",
        "]]>",
        "&amp;",
        "&#xD800;",
        "&bogus;",
        "{\"version\":\"https://jsonfeed.org/version/1\"",
        "\u{feff}",
        "text ",
        "\n",
        "é",
        "日本",
    ]);
    prop::collection::vec(pieces, 0..60).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn parse_bytes_never_panics_on_bytes(bytes in prop::collection::vec(any::<u8>(), 0..2000)) {
        let _ = ingest::parse_bytes(&bytes, &Source::default());
    }

    #[test]
    fn parse_bytes_never_panics_on_markup(text in markupish()) {
        let source = Source { url: Some("https://example.org/a/"), content_type: Some("text/html") };
        let _ = ingest::parse_bytes(text.as_bytes(), &source);
        let _ = ingest::opml::parse(text.as_bytes());
    }

    #[test]
    fn html_to_text_never_panics(text in markupish()) {
        let out = html_to_text(&text, None);
        for p in &out.paragraphs {
            prop_assert!(!p.trim().is_empty());
        }
    }
}

fn timed(label: &str, bytes: &[u8], limit: Duration) {
    let start = Instant::now();
    let _ = ingest::parse_bytes(bytes, &Source::default());
    let took = start.elapsed();
    assert!(took < limit, "{label} took {took:?}");
}

#[test]
fn big_and_deep_inputs_stay_linear() {
    let limit = Duration::from_secs(if cfg!(debug_assertions) { 60 } else { 10 });
    let para = "<p>Some words of a long article, repeated <a href='/l'>with a link</a>.</p>\n";
    let page = format!(
        "<html><body><article>{}</article></body></html>",
        para.repeat(15_000)
    );
    timed("1 MB page", page.as_bytes(), limit);
    let deep = format!(
        "<html><body>{}deep{}</body></html>",
        "<div>".repeat(5_000),
        "</div>".repeat(5_000)
    );
    timed("deep nesting", deep.as_bytes(), limit);
    let item = "<item><title>T</title><description>&lt;p&gt;Body&lt;/p&gt;</description></item>\n";
    let feed = format!(
        "<rss version=\"2.0\"><channel><title>F</title>{}</channel></rss>",
        item.repeat(5_000)
    );
    timed("big feed", feed.as_bytes(), limit);
    let text = "A line of a plain text page that goes on.\n".repeat(50_000);
    timed("big text", text.as_bytes(), limit);
}
