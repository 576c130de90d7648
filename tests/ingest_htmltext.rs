//! The shared HTML-to-blocks conversion, case by case.

use edicola::ingest::htmltext::{html_to_text, plain_text};
use edicola::model::{Block, Span, SpanKind};
use serde_json::{Value, json};
use url::Url;

fn paras(html: &str) -> Vec<String> {
    html_to_text(html, None).paragraphs
}

/// The blocks as JSON, as `show --json` writes them.
fn blocks(html: &str) -> Value {
    let text = html_to_text(html, Url::parse("https://ex.org/a/b").ok().as_ref());
    let blocks = if text.blocks.is_empty() {
        text.paragraphs
            .iter()
            .map(|p| Block::paragraph(p.clone()))
            .collect()
    } else {
        text.blocks
    };
    serde_json::to_value(blocks).expect("json")
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
fn headings_lose_permalink_marks() {
    assert_eq!(
        blocks("<h2 id=x>Come funziona <a href='#x'>#</a></h2><h3>¶ Dettagli</h3><p>Testo.</p>"),
        json!([
            {"type": "heading", "level": 2, "text": "Come funziona"},
            {"type": "heading", "level": 3, "text": "Dettagli"},
            {"type": "paragraph", "text": "Testo."},
        ])
    );
}

#[test]
fn nested_lists_keep_numbers_depth_and_later_paragraphs() {
    let html = "<ol start='4'><li>four<ul><li>sub <b>bold</b></li></ul></li>\
                <li><p>five</p><p>more of five</p></li></ol>";
    assert_eq!(
        blocks(html),
        json!([
            {"type": "list_item", "ordered": true, "number": 4, "depth": 0, "text": "four"},
            {"type": "list_item", "ordered": false, "depth": 1, "text": "sub bold",
             "spans": [{"kind": "strong", "start": 4, "end": 8}]},
            {"type": "list_item", "ordered": true, "number": 5, "depth": 0, "text": "five"},
            {"type": "list_item", "ordered": true, "number": 5, "depth": 0, "continued": true,
             "text": "more of five"},
        ])
    );
    assert_eq!(paras(html), ["four", "sub bold", "five", "more of five"]);
}

#[test]
fn quotes_keep_their_depth() {
    assert_eq!(
        blocks("<blockquote><p>one</p><blockquote>two</blockquote></blockquote>"),
        json!([
            {"type": "quote", "depth": 1, "text": "one"},
            {"type": "quote", "depth": 2, "text": "two"},
        ])
    );
}

#[test]
fn links_emphasis_and_code_are_spans() {
    let out = html_to_text(
        "<p><a href='c'>one</a>, <a href='/x'>two</a>, <a href='https://ex.org/a/c'>again</a>, \
         <a href='#top'>top</a>, <a href='javascript:go()'>js</a></p>\
         <p>È <em>già</em> <code>x()</code></p>",
        Url::parse("https://ex.org/a/b").ok().as_ref(),
    );
    assert_eq!(out.paragraphs, ["one, two, again, top, js", "È già x()"]);
    let urls: Vec<_> = out.links.iter().map(|l| l.url.as_str()).collect();
    assert_eq!(urls, ["https://ex.org/a/c", "https://ex.org/x"]);
    assert_eq!(out.links[0].text, "one");
    let link = |start, end, link| Span {
        kind: SpanKind::Link,
        start,
        end,
        link: Some(link),
    };
    let spans = |i: usize| out.blocks[i].text_and_spans().expect("text").1.to_vec();
    assert_eq!(spans(0), [link(0, 3, 0), link(5, 8, 1), link(10, 15, 0)]);
    // Offsets count characters, not bytes.
    assert_eq!(
        spans(1),
        [
            Span {
                kind: SpanKind::Emphasis,
                start: 2,
                end: 5,
                link: None
            },
            Span {
                kind: SpanKind::Code,
                start: 6,
                end: 9,
                link: None
            }
        ]
    );
}

#[test]
fn code_keeps_its_lines_and_breaks() {
    assert_eq!(paras("<pre>\n  a  b\n\n c\n</pre>"), ["  a  b\n\n c"]);
    assert_eq!(
        blocks("<pre>uno<br>  due<br/>tre</pre><p><code>if x:<br>&nbsp;&nbsp;y()</code></p>"),
        json!([
            {"type": "code", "text": "uno\n  due\ntre"},
            {"type": "code", "text": "if x:\n\u{a0}\u{a0}y()"},
        ])
    );
}

#[test]
fn tables_are_rows_of_cells() {
    assert_eq!(
        blocks(
            "<table><thead><tr><th>a</th><th>b</th></tr></thead><tr><td>1</td><td>2</td></tr></table>"
        ),
        json!([{"type": "table", "rows": [["a", "b"], ["1", "2"]], "header": true}])
    );
    assert_eq!(
        blocks("<table><tr><td>a</td><td>b</td></tr><tr><td>1</td><td></td></tr></table>"),
        json!([{"type": "table", "rows": [["a", "b"], ["1", ""]], "header": false}])
    );
    // A table used for layout is read as ordinary blocks.
    assert_eq!(
        paras("<table><tr><td><p>Para one</p><p>Para two</p></td></tr></table>"),
        ["Para one", "Para two"]
    );
}

#[test]
fn images_figures_and_rules() {
    assert_eq!(
        blocks(
            "<p>A <img src='x.png' alt='A cat'> and <img src='s.gif'>, \
             <img src='spacer.gif'><img src='t.gif' width=1 height=1><img src='d.png' alt=''>.</p>\
             <hr><figure><img src='/p/foto%201.jpg?w=300'><figcaption>La <b>foto</b>.</figcaption></figure>"
        ),
        json!([
            {"type": "paragraph", "text": "A and , ."},
            {"type": "image", "alt": "A cat", "link": 0},
            {"type": "image", "alt": "s.gif", "link": 1},
            {"type": "rule"},
            {"type": "image", "alt": "foto%201.jpg", "caption": "La foto.", "link": 2},
        ])
    );
    // An emoji drawn as an image reads as its text.
    assert_eq!(
        paras("<p>Bravo <img src='e.png' alt='👏'></p>"),
        ["Bravo 👏"]
    );
}

#[test]
fn breaks_and_blocks_split_paragraphs() {
    assert_eq!(
        paras("one<br>two<div>three</div>four"),
        ["one", "two", "three", "four"]
    );
}
