//! The fast RSS reader against `feed-rs`.

use std::path::Path;

use super::super::{convert, parse_with_feed_rs, repair};
use crate::ingest::Source;
use crate::ingest::decode::{decode, strip_xml_encoding};

/// Feeds that exercise what the fast reader handles, and what it must
/// leave to `feed-rs`.
const TRICKY: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<!-- a comment -->
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"
 xmlns:content="http://purl.org/rss/1.0/modules/content/"
 xmlns:atom="http://www.w3.org/2005/Atom" xmlns:wfw="http://wellformedweb.org/CommentAPI/">
<channel>
  <title>  Il &amp; Giornale &#8211; <![CDATA[<b>Notizie</b>]]> </title>
  <atom:link href="https://example.org/feed/" rel="self" type="application/rss+xml"/>
  <link> /home?a=1&amp;b=2 </link>
  <language>IT-it</language>
  <image><url>https://example.org/logo.png</url><title>Logo</title></image>
  <item>
<title>Perché &quot;così&quot; &unknown; caffè</title>
<link>articoli/1</link>
<guid isPermaLink="false">  id-1  </guid>
<pubDate>Thu, 01 Jan 2026 10:00:00 GMT</pubDate>
<dc:creator><![CDATA[ Anna Rossi ]]></dc:creator>
<author>redazione@example.org (La Redazione)</author>
<category domain="https://example.org/cat">Politica</category>
<category/>
<description><![CDATA[<p>Primo <a href="/x">link</a>.</p>]]></description>
<content:encoded>&lt;p&gt;Testo &lt;b&gt;pieno&lt;/b&gt;.&lt;/p&gt;&lt;p&gt;Secondo.&lt;/p&gt;</content:encoded>
<wfw:commentRss>https://example.org/c/1</wfw:commentRss>
<enclosure url="audio/1.mp3" length="123" type="audio/mpeg"/>
  </item>
  <item>
<description>Solo testo, senza titolo. Seconda frase.</description>
<dc:date>2026-01-02T08:30:00+01:00</dc:date>
<link></link>
<comments>https://example.org/c/2</comments>
  </item>
  <item/>
</channel>
</rss>"#;

/// Both readers, through the same conversion; `None` when the fast one
/// gives up.
fn both(text: &str, url: Option<&str>) -> Option<(String, String)> {
    let source = Source {
        url,
        content_type: None,
    };
    let patched = repair::patch(text);
    let fast = super::parse(&patched, url)?;
    let slow = parse_with_feed_rs(&patched, url).expect("feed-rs reads what the fast path read");
    let show =
        |d: super::super::FeedData| format!("{:?}\n{:?}\n{:#?}", d.format, d.meta, d.articles);
    Some((show(convert(fast, &source)), show(convert(slow, &source))))
}

#[test]
fn tricky_feed_reads_as_feed_rs_reads_it() {
    // Atom content given by address is a link of the article.
    let atom = r#"<feed xmlns="http://www.w3.org/2005/Atom"><title>F</title>
        <entry><id>1</id><title>T</title><content src="https://example.org/full"/></entry></feed>"#;
    let source = Source {
        url: None,
        content_type: None,
    };
    let data = super::super::parse_feed(atom, &source).expect("atom");
    assert_eq!(data.articles[0].links[0].text, "full content");
    for url in [None, Some("https://example.org/feed/")] {
        let (fast, slow) = both(TRICKY, url).expect("the fast path reads it");
        assert_eq!(fast, slow);
        assert!(fast.contains("Anna Rossi"), "{fast}");
        // Inline content is not a link to the feed itself.
        assert!(!fast.contains("full content"), "{fast}");
        // A relative enclosure needs the feed's address.
        assert_eq!(fast.contains("audio/1.mp3"), url.is_some(), "{fast}");
    }
}

#[test]
fn unusual_feeds_are_left_to_feed_rs() {
    let cases = [
        TRICKY.replace("<item/>", r#"<item xml:base="https://other.example/"/>"#),
        TRICKY.replace("<item/>", "<item><title>a <b>b</b></title></item>"),
        TRICKY.replace("<item/>", "<item><media:title xmlns:media=\"http://search.yahoo.com/mrss/\">x</media:title></item>"),
        TRICKY.replace("Thu, 01 Jan 2026 10:00:00 GMT", "Wed, 01 Jan 2026 10:00:00 GMT"),
        TRICKY.replace("version=\"2.0\"", "version=\"0.91\""),
        TRICKY.replace("<rss version=\"2.0\"", "<rss version=\"2.0\" xmlns=\"http://example.org/\""),
        TRICKY.replace("</channel>", ""),
        TRICKY.replace("<item/>", "<item><title>AT&T</title></item>"),
        TRICKY.replace("<item/>", "<item><title>bad &#0; reference</title></item>"),
        TRICKY.replace("<!-- a comment -->", "<!DOCTYPE rss [<!ENTITY unknown \"x\">]>"),
        // `feed-rs` takes a document whose first `<` or `{` is a `{` for JSON.
        format!("stray {{ bytes\n{TRICKY}"),
    ];
    for case in &cases {
        assert!(super::parse(case, None).is_none(), "read:\n{case}");
    }
    // Other formats are not RSS 2.0.
    assert!(super::parse(r#"<feed xmlns="http://www.w3.org/2005/Atom"/>"#, None).is_none());
    assert!(super::parse(r#"{"version": "https://jsonfeed.org/version/1.1"}"#, None).is_none());
}

/// Every RSS fixture the fast path reads gives what `feed-rs` gives:
/// the repository's and, when it is there, the shared devset.
#[test]
fn same_as_feed_rs() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut read = Vec::new();
    for dir in ["tests/fixtures/feeds", "../shared/devset/feeds"] {
        let Ok(entries) = std::fs::read_dir(root.join(dir)) else {
            continue;
        };
        for path in entries.flatten().map(|e| e.path()) {
            let Ok(bytes) = std::fs::read(&path) else {
                continue;
            };
            let text = decode(&bytes, None);
            let text = strip_xml_encoding(&text);
            for url in [None, Some("https://example.org/dir/feed.xml")] {
                if let Some((fast, slow)) = both(&text, url) {
                    assert_eq!(fast, slow, "{}", path.display());
                    read.push(path.clone());
                }
            }
        }
    }
    assert!(
        read.iter()
            .filter(|p| p.starts_with(root.join("tests")))
            .count()
            >= 10,
        "the fast path read: {read:?}"
    );
}
