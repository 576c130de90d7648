//! What a page sets after its story inside the same block: the readers'
//! comments, opened by a comment's head ("#1 Kommentar von Naru-chan",
//! "Comment by Jane"), and a box about the site itself, headed with its
//! name ("Gut versorgt mit energiehoch3") or about its address ("Über das
//! Portal www.example.de"). Both end
//! the text: everything from them on goes.

use url::Url;

use crate::ingest::htmltext::HtmlText;
use crate::model::{Block, SpanKind};

/// Words that open a comment's head, after its number, lowercased.
const COMMENT_BY: &[&str] = &[
    "kommentar von ",
    "comment by ",
    "comment from ",
    "comentario de ",
    "commentaire de ",
    "commento di ",
    "komentarz od ",
];

/// A comment's head is this short (characters).
const HEAD_CHARS: usize = 60;

/// A closing box is looked for among this many last blocks.
const BOX_REACH: usize = 5;

/// Words opening a heading about a site ("Über das Portal www.example.de").
const ABOUT: &[&str] = &["über ", "about ", "à propos ", "acerca de ", "sobre "];

/// Cuts the comments and the site's own box off the end of `body`.
pub fn drop_closing_boxes(body: &mut HtmlText, url: Option<&Url>) {
    let total = body.paragraphs.len();
    // Past the story's first paragraphs only: a page of comments alone
    // keeps them.
    let comments = (3..total).find(|&at| is_comment_head(&body.paragraphs[at]));
    let site = url.and_then(Url::host_str).and_then(site_word);
    let site_box = (total.saturating_sub(BOX_REACH).max(3)..total).find(|&at| {
        let heading = body.paragraphs[at].to_lowercase();
        is_heading(body.blocks.get(at))
            && (site.as_ref().is_some_and(|s| heading.contains(s.as_str()))
                || (ABOUT.iter().any(|a| heading.starts_with(a)) && heading.contains("www.")))
    });
    if let Some(cut) = [comments, site_box].into_iter().flatten().min() {
        while body.paragraphs.len() > cut {
            body.remove(body.paragraphs.len() - 1);
        }
    }
}

/// A heading, or a short paragraph wholly in bold standing as one.
fn is_heading(block: Option<&Block>) -> bool {
    match block {
        Some(Block::Heading { .. }) => true,
        Some(Block::Paragraph { text, spans }) => {
            let chars = text.chars().count();
            chars <= HEAD_CHARS
                && spans
                    .iter()
                    .any(|s| s.kind == SpanKind::Strong && s.start == 0 && s.end >= chars)
        }
        _ => false,
    }
}

/// "#1 Kommentar von Naru-chan", "Comment by Jane Doe": a number perhaps,
/// then the words of `COMMENT_BY` and a name.
fn is_comment_head(text: &str) -> bool {
    let text = text.trim();
    if text.chars().count() > HEAD_CHARS {
        return false;
    }
    let lower = text.to_lowercase();
    let rest = lower
        .trim_start_matches('#')
        .trim_start_matches(|c: char| c.is_ascii_digit())
        .trim_start();
    COMMENT_BY.iter().any(|p| {
        rest.strip_prefix(p)
            .is_some_and(|name| (1..=4).contains(&name.split_whitespace().count()))
    })
}

/// The site's name in its address ("energiehoch3" in
/// "www.energiehoch3.de"), when it is long enough to be told apart from a
/// word of a heading.
fn site_word(host: &str) -> Option<String> {
    let mut labels: Vec<&str> = host.split('.').collect();
    labels.pop()?;
    let name = labels.pop()?.to_lowercase();
    (name.chars().count() >= 6).then_some(name)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::htmltext::node_to_text;
    use crate::ingest::page::test_support::STORY;
    use dom_query::Document;

    /// The paragraphs kept, read with their blocks (a bold line's span).
    fn kept(html: &str, url: &str) -> Vec<String> {
        let doc = Document::from(format!("<html><body>{html}</body></html>").as_str());
        let mut body = node_to_text(&doc.body().expect("a body"), None);
        drop_closing_boxes(&mut body, Url::parse(url).ok().as_ref());
        body.paragraphs
    }

    #[test]
    fn the_comments_go_from_their_first_head_on() {
        let html = format!(
            "{STORY}{STORY}{STORY}<p>Links:</p><p>#1 Kommentar von Naru-chan</p>\
             <p>Danke für dieses Kapitel!</p><p>Comment by Jane Doe</p><p>Great.</p>"
        );
        assert_eq!(kept(&html, "https://example.com/a").len(), 4);
        // A sentence opening with the words stays.
        let html = format!(
            "{STORY}{STORY}{STORY}<p>Comment by the mayor on the vote was brief and kind.</p>"
        );
        assert_eq!(kept(&html, "https://example.com/a").len(), 4);
    }

    #[test]
    fn a_closing_box_headed_with_the_sites_name_goes() {
        let html = format!(
            "{STORY}{STORY}{STORY}<p><strong>Gut versorgt mit energiehoch3</strong></p>\
             <p>Ob Strom oder Gas, energiehoch3 versorgt dich.</p>"
        );
        assert_eq!(kept(&html, "https://www.energiehoch3.de/lexikon").len(), 3);
        // The same heading elsewhere, or another site's, stays.
        assert_eq!(kept(&html, "https://example.com/lexikon").len(), 5);
        let html =
            format!("<h2>Gut versorgt mit energiehoch3</h2>{STORY}{STORY}{STORY}{STORY}{STORY}");
        assert_eq!(kept(&html, "https://www.energiehoch3.de/x").len(), 6);
        let html = format!(
            "{STORY}{STORY}{STORY}<h2>Über das Presseportal www.example.de</h2><p>Seit 1999.</p>"
        );
        assert_eq!(kept(&html, "https://other.org/x").len(), 3);
    }
}
