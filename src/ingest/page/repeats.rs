//! Lines said twice: a gallery repeating a caption under each picture, a
//! pull quote repeating a sentence of the text, the same label on every
//! teaser. The article says each thing once, so a later copy of a
//! paragraph, quote or caption goes and the first stays. Headings stay
//! (a table of contents names them first), and list items and tables are
//! left alone: their rows repeat by nature.

use std::collections::HashSet;

use crate::ingest::htmltext::HtmlText;
use crate::model::Block;

/// Shorter lines may repeat by nature ("Yes.", "Step 2").
const MIN_CHARS: usize = 20;

/// Removes the later copies of lines of `body` (see the module's comment).
pub fn drop_repeats(body: &mut HtmlText) {
    let mut seen: HashSet<String> = HashSet::new();
    let mut at = 0;
    while at < body.paragraphs.len() {
        if let Some(Block::Image { caption, .. }) = body.blocks.get_mut(at) {
            if let Some(c) = caption.as_deref().map(key) {
                if c.chars().count() >= MIN_CHARS && !seen.insert(c) {
                    *caption = None;
                    body.paragraphs[at] = body.blocks[at].plain().into_owned();
                }
            }
            at += 1;
            continue;
        }
        let may_go = body.blocks.is_empty()
            || matches!(
                body.blocks.get(at),
                Some(Block::Paragraph { .. } | Block::Quote { .. })
            );
        let text = key(&body.paragraphs[at]);
        if may_go && text.chars().count() >= MIN_CHARS && !seen.insert(text) {
            body.remove(at);
        } else {
            at += 1;
        }
    }
}

/// The text as compared: spacing and case do not count.
fn key(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::page::test_support::{STORY, kept_by};

    fn kept(html: &str) -> Vec<String> {
        kept_by(html, drop_repeats)
    }

    #[test]
    fn a_line_said_again_goes_and_the_first_stays() {
        let html = format!(
            "<p>The reading room, opened in 1901</p>{STORY}<blockquote>The council voted \
             on Tuesday to keep the library open.</blockquote><p>The  reading room, \
             opened in 1901</p><p>Closing line.</p>"
        );
        assert_eq!(
            kept(&html),
            [
                "The reading room, opened in 1901",
                "The council voted on Tuesday to keep the library open.",
                "Closing line."
            ]
        );
    }

    #[test]
    fn short_lines_and_list_items_may_repeat() {
        let html = "<p>Yes.</p><p>Yes.</p><ul><li>200 g flour, sifted twice</li></ul>\
                    <ul><li>200 g flour, sifted twice</li></ul>";
        assert_eq!(kept(html).len(), 4);
    }
}
