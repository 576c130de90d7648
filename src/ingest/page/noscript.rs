//! Text inside `<noscript>`: what a page shows browsers without scripts.
//! Readability drops these blocks, rightly for the usual "enable
//! JavaScript" notice or tracking pixel. But a page that renders its story
//! with scripts may carry the story itself there, and an unclosed element
//! inside a `<noscript>` makes the parser put the rest of the page in it.
//! When the text read is short and a `<noscript>` holds a good deal of
//! text, the page is read again with those blocks opened.

use dom_query::Document;

use crate::ingest::htmltext::squash;

/// A text this long (characters) is not read again.
const SHORT: usize = 500;

/// A `<noscript>` with less text than this (characters) is a notice.
const MIN_HIDDEN: usize = 500;

/// What `read` finds in `doc` with its long `<noscript>` blocks opened,
/// when the text read first (`first_chars` long) is short and the new one
/// (`chars_of`) is at least twice as long.
pub fn opened<R>(
    doc: &Document,
    first_chars: usize,
    read: impl Fn(Document) -> Option<R>,
    chars_of: impl Fn(&R) -> usize,
) -> Option<R> {
    if first_chars >= SHORT {
        return None;
    }
    let hidden = doc.select("noscript");
    let long: Vec<_> = hidden
        .nodes()
        .iter()
        .filter(|n| squash(&n.text()).chars().count() >= MIN_HIDDEN)
        .map(|n| n.id)
        .collect();
    if long.is_empty() {
        return None;
    }
    let page = doc.clone();
    for id in long {
        if let Some(node) = page.tree.get(&id) {
            node.rename("div");
        }
    }
    let found = read(page)?;
    (chars_of(&found) >= 2 * first_chars.max(1)).then_some(found)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::htmltext::{HtmlText, node_to_text};

    /// A stand-in for Readability: the page's text without `<noscript>`.
    fn visible(page: Document) -> Option<HtmlText> {
        page.select("noscript").remove();
        Some(node_to_text(&page.body()?, None))
    }

    fn chars(text: &HtmlText) -> usize {
        text.paragraphs.iter().map(|p| p.chars().count()).sum()
    }

    fn story(paragraphs: usize) -> String {
        "<p>The council voted on Tuesday to keep the library open, after a petition.</p>"
            .repeat(paragraphs)
    }

    fn read_again(html: &str) -> Option<Vec<String>> {
        let doc = Document::from(html);
        let first = visible(doc.clone()).unwrap();
        opened(&doc, chars(&first), visible, chars).map(|t| t.paragraphs)
    }

    #[test]
    fn a_story_kept_for_browsers_without_scripts_is_read() {
        let html = format!(
            "<body><h2>Blog</h2><noscript>{}</noscript></body>",
            story(10)
        );
        let text = read_again(&html).unwrap();
        assert_eq!(text.len(), 11, "{text:?}");
    }

    #[test]
    fn a_short_notice_is_not_opened() {
        let html =
            "<body><h2>Blog</h2><noscript><p>Please enable JavaScript.</p></noscript></body>";
        assert_eq!(read_again(html), None);
    }

    #[test]
    fn a_long_text_is_not_read_again() {
        let html = format!(
            "<body>{}<noscript>{}</noscript></body>",
            story(8),
            story(10)
        );
        assert_eq!(read_again(&html), None);
    }
}
