//! Links closing the text: a run of short lines that are wholly links
//! after the article ("Next: ...", teasers of other stories, tag links)
//! points to other pages; the article's own sentences are not all link.
//! Such a run opening the text is the page's navigation (sections,
//! breadcrumbs).
//! Lines showing an address as their text ("https://...", an e-mail) are
//! the sources or contacts the article gives, and stay.

use crate::ingest::htmltext::HtmlText;
use crate::model::Block;

use super::lines::link_share;

/// Such lines are short.
const MAX_CHARS: usize = 150;

/// A line is a link when this share of its text is linked.
const LINKED: f64 = 0.8;

/// One linked line alone may be the article's last word; a run is a list.
const MIN_RUN: usize = 2;

/// Removes the runs of links opening and closing `body` (see the
/// module's comment).
pub fn drop_link_runs(body: &mut HtmlText) {
    let run = body
        .blocks
        .iter()
        .rev()
        .take_while(|b| is_teaser(b))
        .count();
    if run >= MIN_RUN {
        for _ in 0..run {
            body.remove(body.blocks.len() - 1);
        }
    }
    let run = body.blocks.iter().take_while(|b| is_teaser(b)).count();
    if run >= MIN_RUN {
        for _ in 0..run {
            body.remove(0);
        }
    }
}

fn is_teaser(block: &Block) -> bool {
    let (Block::Paragraph { text, .. } | Block::ListItem { text, .. }) = block else {
        return false;
    };
    let shows_address = text.contains("http") || text.contains("www.") || text.contains('@');
    text.chars().count() <= MAX_CHARS && !shows_address && link_share(block) >= LINKED
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::page::test_support::kept_by;

    fn kept(html: &str) -> Vec<String> {
        kept_by(html, drop_link_runs)
    }

    const STORY: &str = "<p>The council voted on Tuesday to keep the <a href='/lib'>library</a> \
        open.</p>";

    #[test]
    fn a_run_of_links_closing_the_text_goes() {
        let html = format!(
            "{STORY}<ul><li><a href='/a'>Budget talks resume next week</a></li>\
             <li><a href='/b'>Mayor names new librarian</a></li></ul>"
        );
        assert_eq!(kept(&html).len(), 1);
    }

    #[test]
    fn a_run_of_links_opening_the_text_goes() {
        let html = format!("<p><a href='/news'>News</a></p><p><a href='/city'>City</a></p>{STORY}");
        assert_eq!(kept(&html).len(), 1);
    }

    #[test]
    fn one_link_or_cited_addresses_stay() {
        let html = format!("{STORY}<p><a href='/minutes'>Read the minutes of the vote</a></p>");
        assert_eq!(kept(&html).len(), 2);
        let html = format!(
            "{STORY}<ol><li><a href='https://example.org/r1'>https://example.org/r1</a></li>\
             <li><a href='https://example.org/r2'>https://example.org/r2</a></li></ol>"
        );
        assert_eq!(kept(&html).len(), 3);
    }
}
