//! The shared HTML-to-text conversion, case by case.

use edicola::ingest::htmltext::{html_to_text, plain_text};
use url::Url;

fn paras(html: &str) -> Vec<String> {
    html_to_text(html, None).paragraphs
}

#[test]
fn entities_and_whitespace_are_normalised() {
    assert_eq!(
        paras("<p>  caf&eacute;&nbsp;&amp;\n\t t&#233;  </p>"),
        ["café & té"]
    );
    assert_eq!(plain_text("Tom &amp; <b>Jerry</b>"), "Tom & Jerry");
}

#[test]
fn scripts_styles_nav_forms_and_hidden_parts_are_dropped() {
    let html = "<nav>menu</nav><script>x()</script><style>p{}</style><form><p>f</p></form>\
                <p hidden>h</p><p style='display: none'>n</p><p>kept</p>";
    assert_eq!(paras(html), ["kept"]);
}

#[test]
fn headings_lists_and_quotes() {
    let html = "<h3>Head</h3><ol start='4'><li>four<ul><li>sub <b>bold</b></li></ul></li><li>five</li></ol>\
                <blockquote><p>one</p><blockquote>two</blockquote></blockquote>";
    assert_eq!(
        paras(html),
        [
            "Head",
            "4. four",
            "  • sub bold",
            "5. five",
            "> one",
            "> > two"
        ]
    );
}

#[test]
fn links_are_numbered_and_deduplicated_by_url() {
    let base = Url::parse("https://ex.org/a/b").ok();
    let out = html_to_text(
        "<p><a href='c'>one</a>, <a href='/x'>two</a>, <a href='https://ex.org/a/c'>again</a>, \
         <a href='#top'>top</a>, <a href='javascript:go()'>js</a></p>",
        base.as_ref(),
    );
    assert_eq!(out.paragraphs, ["one [1], two [2], again [1], top, js"]);
    let urls: Vec<_> = out.links.iter().map(|l| l.url.as_str()).collect();
    assert_eq!(urls, ["https://ex.org/a/c", "https://ex.org/x"]);
    assert_eq!(out.links[0].text, "one");
}

#[test]
fn images_pre_and_tables() {
    assert_eq!(
        paras("<p>A <img src='x.png' alt='A cat'> and <img src='s.gif'>.</p>"),
        ["A [image: A cat] and ."]
    );
    assert_eq!(paras("<pre>\n  a  b\n\n c\n</pre>"), ["  a  b\n\n c"]);
    assert_eq!(
        paras("<table><tr><th>a</th><th>b</th></tr><tr><td>1</td><td>2</td></tr></table>"),
        ["a | b\n1 | 2"]
    );
    // A table used for layout is read as ordinary blocks.
    assert_eq!(
        paras("<table><tr><td><p>Para one</p><p>Para two</p></td></tr></table>"),
        ["Para one", "Para two"]
    );
}

#[test]
fn breaks_and_blocks_split_paragraphs() {
    assert_eq!(
        paras("one<br>two<div>three</div>four"),
        ["one", "two", "three", "four"]
    );
}
