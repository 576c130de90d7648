//! Article HTML to blocks (see `model::Block`), shared by the feed and
//! page importers: headings, paragraphs, list items with their nesting
//! depth, quotes, code with its line breaks (`<br>` included), tables,
//! images (alternative text, else file name; decorative ones, `alt=""`,
//! and tracking pixels dropped), rules; links, emphasis and code as spans.
//! Links are numbered in order of first use, deduplicated by URL.

mod convert;
mod flow;
mod nodes;
mod simple;

use dom_query::Document;
use url::Url;

use crate::model::{Block, Link};
pub use convert::node_to_text;
use simple::simple_html;

/// A piece of HTML read: its blocks and the links they cite.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct HtmlText {
    /// The plain text of each block (see `Block::plain`).
    pub paragraphs: Vec<String>,
    /// The blocks, one per paragraph; empty when all are paragraphs
    /// without markup.
    pub blocks: Vec<Block>,
    pub links: Vec<Link>,
}

impl HtmlText {
    pub fn from_blocks(blocks: Vec<Block>, links: Vec<Link>) -> HtmlText {
        let paragraphs = blocks.iter().map(|b| b.plain().into_owned()).collect();
        let blocks = if blocks.iter().all(Block::is_plain_paragraph) {
            Vec::new()
        } else {
            blocks
        };
        HtmlText {
            paragraphs,
            blocks,
            links,
        }
    }

    /// Adds blocks after the last one.
    pub fn append(&mut self, added: Vec<Block>) {
        if added.is_empty() {
            return;
        }
        let mut blocks = std::mem::take(&mut self.blocks);
        if blocks.is_empty() {
            blocks = self.paragraphs.iter().map(Block::paragraph).collect();
        }
        blocks.extend(added);
        *self = HtmlText::from_blocks(blocks, std::mem::take(&mut self.links));
    }

    /// Removes block `at`.
    pub fn remove(&mut self, at: usize) {
        if at < self.paragraphs.len() {
            self.paragraphs.remove(at);
        }
        if at < self.blocks.len() {
            self.blocks.remove(at);
        }
    }

    /// The paragraphs of running text (not code, tables, images or rules).
    pub fn running_text(&self) -> Vec<String> {
        if self.blocks.is_empty() {
            return self.paragraphs.clone();
        }
        self.blocks
            .iter()
            .filter_map(|b| b.text_and_spans().map(|(t, _)| t.to_string()))
            .collect()
    }

    /// Puts the blocks into an article's `body` and `blocks`.
    pub fn into_body(self, article: &mut crate::model::Article) -> Vec<Link> {
        article.body = self.paragraphs;
        article.blocks = self.blocks;
        self.links
    }
}

/// Converts an HTML fragment or document; relative links resolve against `base`.
pub fn html_to_text(html: &str, base: Option<&Url>) -> HtmlText {
    // Most feed descriptions are a few paragraphs with inline emphasis:
    // read those without building a document (same result, tested).
    if let Some(paragraphs) = simple_html(html) {
        return HtmlText {
            paragraphs,
            ..HtmlText::default()
        };
    }
    let doc = Document::from(&*super::nesting::flatten(html));
    let root = doc.body().unwrap_or_else(|| doc.root());
    node_to_text(&root, base)
}

/// Collapses runs of whitespace (including no-break spaces) to one space.
pub fn squash(text: &str) -> String {
    crate::text::squash(text)
}

/// A title or name that may carry markup or entities, as plain text.
pub fn plain_text(text: &str) -> String {
    if memchr::memchr2(b'<', b'&', text.as_bytes()).is_some() {
        squash(&html_to_text(text, None).paragraphs.join(" "))
    } else {
        squash(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn full(html: &str) -> Vec<String> {
        let doc = Document::from(html);
        let root = doc.body().unwrap_or_else(|| doc.root());
        node_to_text(&root, None).paragraphs
    }

    #[test]
    fn the_simple_path_reads_like_the_full_parser() {
        for html in [
            "<p>Il governo &egrave; caduto.</p>",
            "<p>Uno <b>due</b> tre.</p><p>Quattro&nbsp;cinque &amp; sei &#8217;sette&#x2019;</p>",
            "testo semplice\n\n su due righe",
            "<P>Maiuscole<BR>dopo</P><div>blocco <em>enfasi</em></div>",
            "<p class=lead>Attributi <span>senza</span> virgolette</p>",
            "  <p>  spazi   \t a  caso </p>  ",
            "",
            "&lt;p&gt; non è un tag",
            "a&nbsp; b<p> &nbsp;x&#32;</p>y <b> z </b> w<br> <br>&#160;",
            "uno<i>due</i> <i> tre</i>\u{2003}quattro",
        ] {
            match simple_html(html) {
                Some(fast) => assert_eq!(fast, full(html), "{html}"),
                None => assert!(html.contains("&egrave;"), "{html} should be simple"),
            }
        }
        // Anything else goes to the full parser.
        for html in [
            "<p><a href=\"x\">link</a></p>",
            "<ul><li>uno</li></ul>",
            "<p>&egrave;</p>",
            "<img alt=x>",
            "<!-- c --><p>x</p>",
            "<p>&#0;</p>",
        ] {
            assert!(simple_html(html).is_none(), "{html}");
        }
    }

    #[test]
    fn table_columns_with_no_text_are_dropped_and_breaks_part_words() {
        // Reddit's feeds (as rss-parser's test/input/reddit-home.rss, MIT,
        // has them): a thumbnail cell, then the text cell.
        let html = "<table><tr><td><a href=\"/p\"><img src=\"t.jpg\"></a></td>\
                    <td>submitted by <a href=\"/u/x\">x</a> to <a>/r/y</a><br/><a>[link]</a></td></tr>\
                    <tr><td><img src=\"u.jpg\"></td><td>second</td></tr></table>";
        let read = html_to_text(html, None);
        assert_eq!(read.paragraphs, ["submitted by x to /r/y [link]\nsecond"]);
        let kept = "<table><tr><td>a</td><td></td><td>b</td></tr>\
                    <tr><td>c</td><td>d</td><td>e</td></tr></table>";
        let read = html_to_text(kept, None);
        assert_eq!(
            read.paragraphs,
            ["a |  | b\nc | d | e"],
            "a column with some text stays"
        );
    }

    #[test]
    fn formulas_are_read_as_symbols_and_drawings_skipped() {
        let html = "<p>Sum: <math><semantics><mrow><mi>a</mi><mo>+</mo><mi>b</mi></mrow>\
                    <annotation encoding=\"application/x-tex\">a+b</annotation></semantics></math>\
                    <svg><title>circle</title><circle r=\"5\"/></svg> done</p>";
        assert_eq!(html_to_text(html, None).paragraphs, ["Sum: a+b done"]);
    }

    #[test]
    fn ruby_readings_are_skipped() {
        let html = "<p><ruby>子<rp>(</rp><rt>こ</rt><rp>)</rp></ruby>どもの<ruby>法律<rt>ほうりつ</rt></ruby></p>";
        assert_eq!(html_to_text(html, None).paragraphs, ["子どもの法律"]);
    }

    #[test]
    fn text_is_composed_on_both_paths() {
        // "é" as a letter and a mark; Bengali "য়", whose composed form
        // is a letter and a mark (Unicode keeps its one-character form out
        // of NFC).
        for html in [
            "<p>Cafe\u{301} \u{9DF}</p>",
            "<div><p>Cafe\u{301} <a href=\"https://example.com/\">\u{9DF}</a></p></div>",
        ] {
            assert_eq!(
                html_to_text(html, None).paragraphs,
                ["Caf\u{e9} \u{9AF}\u{9BC}"],
                "{html}"
            );
        }
    }

    #[test]
    fn soft_hyphens_are_dropped_on_both_paths() {
        for html in [
            "<p>Mit&shy;tel&#173;al\u{ad}ter</p>",
            "<p>Mit\u{ad}tel\u{ad}alter</p>",
            "<p><a href=\"https://example.com/\">Mit&shy;telalter</a></p>",
        ] {
            assert_eq!(
                html_to_text(html, None).paragraphs,
                ["Mittelalter"],
                "{html}"
            );
        }
    }
}
