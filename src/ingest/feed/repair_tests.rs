//! The textual repairs before feed-rs.

use super::*;

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
fn old_and_odd_rss_shapes_read_as_rss() {
    let prefixed = "<r:rss version=\"2.0\" xmlns:r=\"http://backend.userland.com/rss2\">\
        <r:channel><r:item><r:title>T</r:title></r:item></r:channel></r:rss>";
    let patched = patch(prefixed);
    assert!(patched.contains("<channel><item><title>T</title></item></channel></rss>"));
    // A prefix bound to another namespace is left alone.
    let tabbed = prefixed.replace(" xmlns:r", "\n\txmlns:r");
    assert!(patch(&tabbed).contains("<channel><item>"));
    let other = "<x:rss xmlns:x=\"urn:other\"><x:channel/></x:rss>";
    assert!(patch(other).contains("<x:channel/>"));
    let bare = patch("<rss><item><title>T</title></item></rss>");
    assert!(bare.contains("<channel><item><title>T</title></item></channel></rss>"));
    let rss090 = "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" \
        xmlns=\"http://my.netscape.com/rdf/simple/0.9/\"><item><title>T</title></item></rdf:RDF>";
    assert!(patch(rss090).contains("xmlns=\"http://purl.org/rss/1.0/\""));
}

#[test]
fn atom_03_created_dates_entries_without_issued() {
    let only_created = "<feed version=\"0.3\" xmlns=\"http://purl.org/atom/ns#\"><entry>\
        <created>2003-12-31T10:14:55Z</created></entry></feed>";
    assert!(patch(only_created).contains("<published>2003-12-31T10:14:55Z</published>"));
    let both = "<feed version=\"0.3\" xmlns=\"http://purl.org/atom/ns#\"><entry>\
        <issued>2004-01-01T00:00:00Z</issued><created>2003-12-31T10:14:55Z</created></entry></feed>";
    let patched = patch(both);
    assert!(patched.contains("<published>2004-01-01T00:00:00Z</published>"));
    assert!(patched.contains("<created>2003-12-31T10:14:55Z</created>"));
}

#[test]
fn atom_03_links_written_as_text_get_an_href() {
    let feed = "<feed version=\"0.3\" xmlns=\"http://purl.org/atom/ns#\"><entry>\
        <link rel=\"alternate\" type=\"text/html\">http://a.example/x</link></entry></feed>";
    let patched = patch(feed);
    assert!(
        patched
            .contains("<link rel=\"alternate\" type=\"text/html\" href=\"http://a.example/x\"/>"),
        "{patched}"
    );
}

#[test]
fn truncated_feeds_are_closed() {
    let text = "<rss version=\"2.0\"><channel><item><link>x</link></item></channel></rss";
    assert_eq!(
        close_truncated(text).as_deref(),
        Some("<rss version=\"2.0\"><channel><item><link>x</link></item></channel></rss>")
    );
}

#[test]
fn json_feeds_get_the_version_and_title_feed_rs_requires() {
    // As gofeed's testdata/parser/json/version_json_11.json and
    // translator/json/json10_simple.json (MIT) have them.
    let read = |text: &str| {
        crate::ingest::feed::parse_feed(text, &crate::ingest::Source::default()).map(|f| f.articles)
    };
    let wrong =
        r#"{"version": "1.1", "title": "T", "items": [{"id": "1", "content_text": "Body"}]}"#;
    assert_eq!(read(wrong).expect("a feed")[0].body, ["Body"]);
    let untitled =
        r#"{"version": "1.0", "items": [{"id": "1", "title": "A", "content_html": "<p>x</p>"}]}"#;
    assert_eq!(read(untitled).expect("a feed")[0].title, "A");
    let completed = complete_json_feed(untitled).expect("completed");
    assert!(completed.contains(r#""version":"https://jsonfeed.org/version/1""#));
    assert!(completed.contains(r#""title":"""#));
    let good = r#"{"version": "https://jsonfeed.org/version/1.1", "title": "T", "items": []}"#;
    assert_eq!(complete_json_feed(good), None);
    assert_eq!(complete_json_feed("[1, 2]"), None);
}

#[test]
fn atom_content_of_a_binary_type_is_decoded_or_dropped() {
    // RFC 4287 4.1.3.3: content of a type neither text nor XML is base64
    // (the first entry as gofeed's testdata/parser/atom/issue_275_extensions_and_source.xml,
    // MIT, has it).
    let feed = "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>F</title>\
        <entry><id>1</id><title>a</title><content type=\"video/mp4\">aGVsbG8=</content></entry>\
        <entry><id>2</id><title>b</title><content type=\"image/png\">iVBORw0KGgo=</content></entry>\
        <entry><id>3</id><title>c</title><content type=\"application/json\">{\"a\":1}</content></entry>\
        <entry><id>4</id><title>d</title><content type=\"text/plain\">aGVsbG8=</content></entry></feed>";
    let a = crate::ingest::feed::parse_feed(feed, &crate::ingest::Source::default())
        .expect("a feed")
        .articles;
    assert_eq!(a[0].body, ["hello"], "decoded text");
    assert!(
        a[1].body.is_empty(),
        "a picture is no text: {:?}",
        a[1].body
    );
    assert_eq!(a[2].body, ["{\"a\":1}"], "not base64: kept as written");
    assert_eq!(a[3].body, ["aGVsbG8="], "text is never decoded");
}
