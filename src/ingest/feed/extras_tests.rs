//! The extras pass: Dublin Core, DCMI Terms and iTunes fields filling what items lack.

use super::super::parse_feed;
use crate::ingest::Source;
use crate::model::Article;

fn articles(items: &str) -> Vec<Article> {
    let feed = format!(
        "<rss version=\"2.0\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" \
             xmlns:dcterms=\"http://purl.org/dc/terms/\" \
             xmlns:itunes=\"http://www.itunes.com/DTDs/Podcast-1.0.dtd\"><channel>\
             <title>F</title>{items}</channel></rss>"
    );
    parse_feed(&feed, &Source::default())
        .expect("a feed")
        .articles
}

#[test]
fn dublin_core_and_itunes_fill_what_rss_leaves_empty() {
    let a = articles(
        "<item><dc:title>Titolo &amp; altro</dc:title>\
             <dc:description>&lt;p&gt;Il testo&lt;/p&gt;</dc:description>\
             <dc:subject>Politica</dc:subject><dc:author>Anna Rossi</dc:author>\
             <dcterms:issued>2003-12-31T10:14:55Z</dcterms:issued>\
             <guid>https://example.org/1</guid></item>\
             <item><title>Own title</title><link>https://example.org/own</link>\
             <description>Own text</description><dc:title>Not this</dc:title>\
             <itunes:author>Mark Pilgrim</itunes:author>\
             <dcterms:created>2004-01-02</dcterms:created>\
             <guid isPermaLink=\"false\">https://example.org/not-a-link</guid></item>\
             <item><itunes:summary>Only a summary</itunes:summary>\
             <guid isPermaLink=\"false\">https://example.org/3</guid></item>",
    );
    assert_eq!(a.len(), 3);
    assert_eq!(a[0].title, "Titolo & altro");
    assert_eq!(a[0].body, ["Il testo"]);
    assert_eq!(a[0].category.as_deref(), Some("Politica"));
    assert_eq!(a[0].byline.as_deref(), Some("Anna Rossi"));
    assert_eq!(a[0].published, Some(1_072_865_695));
    assert_eq!(a[0].url.as_deref(), Some("https://example.org/1"));
    assert_eq!(a[1].title, "Own title");
    assert_eq!(a[1].body, ["Own text"]);
    assert_eq!(a[1].byline.as_deref(), Some("Mark Pilgrim"));
    assert_eq!(a[1].published, Some(1_073_001_600));
    assert_eq!(a[1].url.as_deref(), Some("https://example.org/own"));
    assert_eq!(a[2].body, ["Only a summary"]);
    assert_eq!(a[2].url, None, "a guid that is no permalink is no link");
    // An item given its title and link here has the id they make.
    let plain = articles(
        "<item><title>Titolo &amp; altro</title><link>https://example.org/1</link>\
             <guid>https://example.org/1</guid></item>",
    );
    assert_eq!(a[0].id, plain[0].id);
}

#[test]
fn names_lose_the_address_written_with_them() {
    let a = articles(
        "<item><title>a</title><author>me@example.com (Example editor)</author></item>\
             <item><title>b</title><dc:creator>Example editor (me@example.com)</dc:creator></item>\
             <item><title>c</title><dc:creator>Example editor &lt;me@example.com&gt;</dc:creator></item>\
             <item><title>d</title><dc:creator>Rossi (Roma)</dc:creator></item>\
             <item><title>e</title><dc:author>Example editor (me@example.com)</dc:author></item>",
    );
    let names: Vec<_> = a
        .iter()
        .map(|a| a.byline.as_deref().unwrap_or(""))
        .collect();
    assert_eq!(
        names,
        [
            "Example editor",
            "Example editor",
            "Example editor",
            "Rossi (Roma)",
            "Example editor"
        ]
    );
}

#[test]
fn atom_elements_in_rss_items_fill_what_the_item_lacks() {
    // As gofeed's testdata/translator/rss/*_atom.xml (MIT) have them: Blogger
    // and WordPress plugins write Atom dates, authors and bodies in RSS items.
    let feed = "<rss version=\"2.0\" xmlns:atom=\"http://www.w3.org/2005/Atom\"><channel>\
        <title>F</title><atom:link rel=\"self\" href=\"https://example.org/feed\"/>\
        <item><title>a</title><atom:author><atom:name>John Doe</atom:name>\
        <atom:email>john@example.com</atom:email></atom:author>\
        <atom:published>2019-01-02T15:04:05Z</atom:published>\
        <atom:updated>2020-01-02T15:04:05Z</atom:updated>\
        <atom:summary>Only the summary</atom:summary>\
        <atom:content type=\"html\">&lt;p&gt;The &lt;b&gt;body&lt;/b&gt;&lt;/p&gt;</atom:content></item>\
        <item><title>b</title><atom:updated>2020-01-02T15:04:05+01:00</atom:updated>\
        <atom:content type=\"xhtml\"><div xmlns=\"http://www.w3.org/1999/xhtml\">\
        <p>One</p><p>Two</p></div></atom:content></item>\
        <item><title>c</title><pubDate>Wed, 02 Oct 2002 13:00:00 GMT</pubDate>\
        <author>own@example.com (Own Name)</author><description>Own text</description>\
        <atom:updated>2020-01-02T15:04:05Z</atom:updated>\
        <atom:author><atom:name>Not this</atom:name></atom:author>\
        <atom:content type=\"html\">Not this</atom:content></item></channel></rss>";
    let a = parse_feed(feed, &Source::default())
        .expect("a feed")
        .articles;
    assert_eq!(a.len(), 3);
    assert_eq!(
        a[0].byline.as_deref(),
        Some("John Doe"),
        "the name, not the e-mail"
    );
    assert_eq!(
        a[0].published,
        Some(1_546_441_445),
        "published beats updated"
    );
    assert_eq!(a[0].body, ["The body"], "content beats summary");
    assert_eq!(
        a[1].published,
        Some(1_577_973_845),
        "updated when nothing else"
    );
    assert_eq!(
        a[1].body.join(" ").split_whitespace().collect::<Vec<_>>(),
        ["One", "Two"]
    );
    assert_eq!(a[2].byline.as_deref(), Some("Own Name"));
    assert_eq!(a[2].published, Some(1_033_563_600));
    assert_eq!(a[2].body, ["Own text"]);
}

#[test]
fn dates_the_readers_refuse_are_read_again() {
    // Zones named as European feeds name them, and dates with no zone
    // (gofeed's internal/shared/dateparser_test.go, MIT, has both).
    let a = articles(
        "<item><title>a</title><pubDate>Mon, 02 Jan 2006 15:04:05 CEST</pubDate></item>\
         <item><title>b</title><pubDate>2006-01-02 15:04:05</pubDate></item>\
         <item><title>c</title><dc:date>Mon,02 January 2006 15:04:05 EST</dc:date></item>\
         <item><title>d</title><pubDate>soon</pubDate></item>",
    );
    let dates: Vec<_> = a.iter().map(|a| a.published).collect();
    assert_eq!(
        dates,
        [
            Some(1_136_207_045),
            Some(1_136_214_245),
            Some(1_136_232_245),
            None
        ]
    );
}
