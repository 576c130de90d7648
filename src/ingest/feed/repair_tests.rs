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
