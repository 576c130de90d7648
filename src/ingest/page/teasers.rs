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

/// A run of links set between two paragraphs of prose has at most this
/// many lines to be pointers to other stories and not the article's list.
const MAX_PROMO_ITEMS: usize = 3;

/// Words a promoted story's headline has at least (a link's label such as
/// "Windows" or "Download" is shorter).
const PROMO_WORDS: usize = 4;

/// A paragraph of prose has at least this many characters.
const PROSE_CHARS: usize = 80;

/// Removes the short runs of linked headlines (list items or paragraphs)
/// set inside the article between two paragraphs of its prose ("• The
/// latest news about the outbreak", ">>> Supplier profits from the
/// recovery"): pointers to other stories. The article's own lists and
/// sentences are not all link.
pub fn drop_inline_promos(body: &mut HtmlText) {
    let mut at = 0;
    while at < body.blocks.len() {
        let run = body.blocks[at..]
            .iter()
            .take_while(|b| is_promoted_headline(b))
            .count();
        if run == 0 {
            at += 1;
            continue;
        }
        let between_prose = at > 0
            && is_prose(&body.blocks[at - 1])
            && body.blocks.get(at + run).is_some_and(is_prose);
        if between_prose && run <= MAX_PROMO_ITEMS {
            for _ in 0..run {
                body.remove(at);
            }
        } else {
            at += run;
        }
    }
}

fn is_prose(block: &Block) -> bool {
    matches!(block, Block::Paragraph { text, .. } if text.chars().count() >= PROSE_CHARS)
        && link_share(block) < 0.5
}

fn is_promoted_headline(block: &Block) -> bool {
    // A linked heading is often the article's own subheading (to a
    // product it reviews, say), so headings are left alone.
    let (Block::ListItem { text, .. } | Block::Paragraph { text, .. }) = block else {
        return false;
    };
    is_linked_line(text, block)
        && link_share(block) >= 0.95
        && text.split_whitespace().count() >= PROMO_WORDS
}

fn is_teaser(block: &Block) -> bool {
    let (Block::Paragraph { text, .. } | Block::ListItem { text, .. }) = block else {
        return false;
    };
    is_linked_line(text, block)
}

/// A short line mostly linked that does not show an address.
fn is_linked_line(text: &str, block: &Block) -> bool {
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

    fn kept_inline(html: &str) -> Vec<String> {
        kept_by(html, drop_inline_promos)
    }

    const PROSE: &str = "<p>The council voted on Tuesday to keep the library open for another \
        year, after a long debate about its cost.</p>";

    #[test]
    fn a_linked_headline_listed_between_paragraphs_goes() {
        let html = format!(
            "{PROSE}<ul><li><a href='/a'><strong>The latest news about the library vote\
             </strong></a></li></ul>{PROSE}"
        );
        assert_eq!(kept_inline(&html).len(), 2);
        let html = format!(
            "{PROSE}<p><a href='/a'>&gt;&gt;&gt; Supplier profits from the recovery</a></p>\
             <p><a href='/b'>&gt;&gt;&gt; The largest firms of the region</a></p>{PROSE}"
        );
        assert_eq!(kept_inline(&html).len(), 2);
    }

    #[test]
    fn the_articles_own_lists_stay() {
        // Items partly linked, links' labels, a list closing the text, a
        // long list: each is the article's.
        for list in [
            "<ul><li>The <a href='/a'>library</a> opens on Sundays from next month</li></ul>",
            "<ul><li><a href='/w'>Windows</a></li><li><a href='/m'>Mac</a></li></ul>",
            "<ul><li><a href='/a'>Budget talks resume next week</a></li>\
             <li><a href='/b'>Mayor names a new librarian</a></li>\
             <li><a href='/c'>Library opens on Sundays soon</a></li>\
             <li><a href='/d'>Council backs the river bridge</a></li></ul>",
        ] {
            let html = format!("{PROSE}{list}{PROSE}");
            assert_eq!(
                kept_inline(&html).len(),
                2 + list.matches("<li>").count(),
                "{list}"
            );
        }
        let html =
            format!("{PROSE}<ul><li><a href='/a'>The latest news about the vote</a></li></ul>");
        assert_eq!(kept_inline(&html).len(), 2);
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
