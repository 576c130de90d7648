//! One feed entry to one article: titles, bodies, people and attachments.

use super::*;

#[test]
fn atom_text_titles_keep_what_looks_like_markup() {
    let titles = |feed: &str| {
        let data = super::super::parse_feed(feed, &crate::ingest::Source::default());
        data.expect("feed")
            .articles
            .into_iter()
            .map(|a| a.title)
            .collect::<Vec<_>>()
    };
    let atom = "<feed xmlns=\"http://www.w3.org/2005/Atom\">\
            <entry><title>History of the &lt;blink&gt; tag</title></entry>\
            <entry><title type=\"html\">History of the &lt;b&gt;bold&lt;/b&gt; tag</title></entry></feed>";
    assert_eq!(
        titles(atom),
        ["History of the <blink> tag", "History of the bold tag"]
    );
    // RSS titles are HTML in practice.
    let rss = "<rss version=\"2.0\"><channel><item><title>A &lt;b&gt;bold&lt;/b&gt; one</title></item></channel></rss>";
    assert_eq!(titles(rss), ["A bold one"]);
}

fn parse(feed: &str) -> Vec<Article> {
    super::super::parse_feed(feed, &crate::ingest::Source::default())
        .expect("feed")
        .articles
}

#[test]
fn every_author_and_category_is_kept() {
    let a = &parse(
        "<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><title>t</title>\
             <author><name>one</name></author><author><name>two</name></author>\
             <category term=\"a\"/><category term=\"b\" label=\"Bee\"/><category term=\"a\"/>\
             </entry></feed>",
    )[0];
    assert_eq!(a.byline.as_deref(), Some("one, two"));
    assert_eq!(a.authors, ["one", "two"]);
    assert_eq!(a.category.as_deref(), Some("a"));
    assert_eq!(a.categories, ["a", "Bee"]);
    let rss = parse(
        "<rss version=\"2.0\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" \
             xmlns:media=\"http://search.yahoo.com/mrss/\" \
             xmlns:itunes=\"http://www.itunes.com/dtds/podcast-1.0.dtd\"><channel>\
             <item><title>x</title><category>one</category><dc:subject>two</dc:subject>\
             <media:category>three</media:category>\
             <itunes:category text=\"Tech\"><itunes:category text=\"Gadgets\"/></itunes:category>\
             <dc:creator>A</dc:creator><dc:creator>B</dc:creator></item>\
             <item><title>y</title><body><p>Only a body</p></body></item></channel></rss>",
    );
    assert_eq!(
        rss[0].categories,
        ["one", "two", "three", "Tech", "Gadgets"]
    );
    assert_eq!(rss[0].authors, ["A", "B"]);
    assert_eq!(rss[1].body, ["Only a body"]);
    // One of each: the single fields only.
    let single = &parse(
        "<rss version=\"2.0\"><channel><item><title>x</title>\
            <category>one</category></item></channel></rss>",
    )[0];
    assert!(single.categories.is_empty() && single.category.as_deref() == Some("one"));
}

#[test]
fn xhtml_titles_keep_escaped_markup_literal() {
    let a = &parse(
        "<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><title type=\"xhtml\">\
             <div xmlns=\"http://www.w3.org/1999/xhtml\">The &lt;blink&gt; &amp; <b>bold</b> tags</div>\
             </title></entry></feed>",
    )[0];
    assert_eq!(a.title, "The <blink> & bold tags");
}

#[test]
fn titles_are_made_from_first_sentences() {
    let p = vec!["Joshua Allen: Who says [1] we're not?  Another sentence.".to_string()];
    assert_eq!(
        made_up_title(&p).as_deref(),
        Some("Joshua Allen: Who says we're not?")
    );
    let long = vec!["word ".repeat(40)];
    let t = made_up_title(&long).unwrap_or_default();
    assert!(t.ends_with('…') && t.chars().count() <= MADE_UP_TITLE_CHARS + 1);
    assert_eq!(
        made_up_title(&["猫がいる。犬も".to_string()]).as_deref(),
        Some("猫がいる。")
    );
}

#[test]
fn a_media_description_is_the_body_of_an_item_with_no_text() {
    // YouTube's Atom feeds give a video's text only in `media:group`.
    let feed = "<feed xmlns=\"http://www.w3.org/2005/Atom\" xmlns:media=\"http://search.yahoo.com/mrss/\">\
        <title>C</title><entry><id>yt:video:abc</id><title>Video</title>\
        <link rel=\"alternate\" href=\"https://www.youtube.com/watch?v=abc\"/>\
        <updated>2024-01-03T03:04:05Z</updated><media:group><media:title>Video</media:title>\
        <media:description>What the video shows.</media:description></media:group></entry>\
        <entry><id>2</id><title>Own</title><updated>2024-01-03T03:04:05Z</updated>\
        <summary>Own text.</summary><media:group>\
        <media:description>Not this.</media:description></media:group></entry></feed>";
    let a = super::super::parse_feed(feed, &crate::ingest::Source::default())
        .expect("a feed")
        .articles;
    assert_eq!(a[0].body, ["What the video shows."]);
    assert_eq!(a[1].body, ["Own text."]);
}
