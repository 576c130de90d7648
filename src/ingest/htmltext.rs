//! Article HTML to plain paragraphs, shared by the feed and page importers.
//!
//! The output convention, for whoever draws the text:
//! - each paragraph is one line of whitespace-normalised text, except
//!   **preformatted** ones (`<pre>` and tables), which contain `'\n'`:
//!   show their lines as they are, without rewrapping;
//! - headings are paragraphs of their own;
//! - list items are paragraphs starting with two spaces per nesting level,
//!   then `"• "` or `"1. "`; later paragraphs of the same item keep the
//!   indentation without the marker;
//! - block quotes start with `"> "` (once per level);
//! - images with alt text read `[image: alt]`; decorative ones are dropped;
//! - links read `text [n]`, where `n` is the 1-based position of the URL in
//!   the returned links (deduplicated by URL, in order of first use).

mod convert;
mod simple;

use dom_query::Document;
use url::Url;

use crate::model::Link;
pub use convert::node_to_text;
use simple::simple_html;

/// Plain text of a piece of HTML: paragraphs and the links they cite.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct HtmlText {
    pub paragraphs: Vec<String>,
    pub links: Vec<Link>,
}

/// Converts an HTML fragment or document; relative links resolve against `base`.
pub fn html_to_text(html: &str, base: Option<&Url>) -> HtmlText {
    // Most feed descriptions are a few paragraphs with inline emphasis:
    // read those without building a document (same result, tested).
    if let Some(paragraphs) = simple_html(html) {
        return HtmlText {
            paragraphs,
            links: Vec::new(),
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
}
