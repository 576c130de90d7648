//! Lines of a page's text that are about the page, not the article:
//! "Read more: <link>" pointers, a "Related" heading and the links under
//! it, share and comment labels, tag and category lines, copyright notices,
//! photo credits, and date or "Updated" lines standing alone. Found by
//! their wording (in the languages the phrase lists cover) and, for
//! pointers, by being mostly a link.

use crate::ingest::htmltext::{HtmlText, squash};
use crate::model::{Block, SpanKind};

use super::figures::{FIGURE_LEN, is_figure_caption, is_stock_caption};
use super::metalines::is_meta_line;
use super::oddlines::{is_disguised, is_link_list, is_name_credit};
use super::phrases::{BY_CREDITS, CREDIT_LEN, CREDITS, PREFIXES};
use super::prompts::is_prompt_line;
use super::related_heads::RELATED;
use super::scan::{Found, scan};
use super::tagrun::{is_bare_count, tag_run};
use super::viewer::{is_viewer_line, without_enlarge_hints};
use super::widgets::{STOCK_WORDS, is_long_widget_line, is_widget_line};

/// How a line citing the page begins ("Suggested citation: Doe, Jane: …").
const CITATIONS: &[&str] = &[
    "suggested citation",
    "zitiervorschlag",
    "cite this article",
    "how to cite",
    "comment citer",
    "cómo citar",
    "cite this",
    "diese folge zitieren",
    "diesen artikel zitieren",
    "diesen beitrag zitieren",
    "citer cet article",
    "citar este artículo",
];

/// Lines longer than this (in characters) are article text.
const SHORT: usize = 100;

/// A notice saying two of its phrases may be this long.
const NOTICE_LEN: usize = 250;

/// A disclosure of advertising or affiliate links (see `DISCLOSURES`)
/// may be this long.
const DISCLOSURE_LEN: usize = 300;

/// Removes the lines about the page from `body` (see the module's comment).
pub fn drop_page_lines(body: &mut HtmlText) {
    let mut at = 0;
    while at < body.paragraphs.len() {
        if let Some(Block::Image { caption, .. }) = body.blocks.get_mut(at) {
            // An image stays; a credit as its caption goes, or its end.
            if let Some(c) = caption.as_mut() {
                if let Some(kept) = without_enlarge_hints(c) {
                    *c = kept;
                }
                if let Some(cut) = credit_start(c) {
                    c.truncate(cut);
                }
            }
            if caption
                .as_deref()
                .is_some_and(|c| is_page_line(&c.trim().to_lowercase()))
            {
                *caption = None;
            }
            body.paragraphs[at] = body.blocks[at].plain().into_owned();
            at += 1;
            continue;
        }
        strip_credit(body, at);
        let text = body.paragraphs[at].trim().to_lowercase();
        let block = body.blocks.get(at);
        if is_heading_like(&text, block) && introduces_related(&text, block) {
            body.remove(at);
            while body
                .blocks
                .get(at)
                .is_some_and(|b| link_share(b) >= 0.5 || matches!(b, Block::Image { .. }))
            {
                body.remove(at);
            }
            continue;
        }
        if let Some(run) = tag_run(&body.paragraphs, &body.blocks, at) {
            (0..run).for_each(|_| body.remove(at));
            continue;
        }
        if is_page_line(&text)
            || is_name_credit(body.paragraphs[at].trim(), block)
            || is_bare_count(&text, block)
            || block.is_some_and(is_pointer)
            || block.is_some_and(is_here_link)
            || is_menu_line(&text, block)
            || is_disguised(&text)
            || is_link_list(block)
        {
            body.remove(at);
            continue;
        }
        at += 1;
    }
}

/// What sets a menu's items apart.
const MENU_BARS: &[&str] = &[" | ", " · ", " • "];

/// Items of a menu or meta line are this short (characters, words).
const MENU_ITEM: (usize, usize) = (40, 5);

/// A paragraph of three or more short items set apart by " | " (or a
/// middle dot or bullet): a menu
/// ("Imprint | Privacy | Contact"), or a post's meta line ("Views: 1120 |
/// Added by: Posh | Tags: …"); or a short one of items one of which is a
/// date. A table's row reads the same way and stays.
fn is_menu_line(text: &str, block: Option<&Block>) -> bool {
    let Some(bar) = MENU_BARS.iter().find(|b| text.contains(**b)) else {
        return false;
    };
    if block.is_some_and(|b| !matches!(b, Block::Paragraph { .. })) {
        return false;
    }
    let items: Vec<&str> = text.split(bar).map(str::trim).collect();
    let menu = items.len() >= 3
        && items.iter().all(|item| {
            !item.is_empty()
                && item.chars().count() <= MENU_ITEM.0
                && item.split_whitespace().count() <= MENU_ITEM.1
        });
    // A post's date with its author or section: "24. März 2004, 19:49 |
    // Genesis".
    let dated = text.chars().count() <= SHORT
        && items
            .iter()
            .any(|item| is_date_line(item.trim_end_matches([',', ' '])));
    menu || dated
}

/// Where a credit ends a short line, if one does: the start of its marker
/// (and of the bracket or dash before it).
fn credit_start(text: &str) -> Option<usize> {
    if text.len() > 400 {
        return None;
    }
    let lower = text.to_lowercase();
    // The markers' offsets in the lowercased text are the text's only when
    // lowercasing kept every length.
    if lower.len() != text.len() {
        return None;
    }
    // Without a marker, a stock library's name marks a credit when little
    // follows it ("… / Shutterstock"), not a sentence about the library.
    let found = scan(&lower);
    let stock = found
        .stock
        .filter(|&at| lower[at..].split_whitespace().count() <= STOCK_WORDS);
    let at = found.credit.or(stock)?;
    let head = text.get(..at)?;
    let starts_word = head.ends_with([' ', '(', '[', '\u{a0}']);
    // After a sentence, in brackets or after a dash; "©" anywhere.
    let apart = lower[at..].starts_with('©')
        || head
            .trim_end_matches([' ', '\u{a0}'])
            .ends_with(['.', '!', '?', '(', '[', '–', '-', '|', '/']);
    if at == 0 || !starts_word || !apart || text[at..].chars().count() > CREDIT_LEN {
        return None;
    }
    let mut cut = head
        .trim_end_matches([' ', '(', '[', '–', '-', '/', '|', '\u{a0}'])
        .len();
    // A bracket the credit closes holds the photographer's name too:
    // "(Jane Doe / Shutterstock)" goes whole.
    if let Some(open) = head.rfind(['(', '['])
        && !head[open..].contains([')', ']'])
        && text.ends_with([')', ']'])
        && text[open..].chars().count() <= 2 * CREDIT_LEN
    {
        cut = head[..open].trim_end().len();
    }
    (cut > 0).then_some(cut)
}

/// Cuts a credit off the end of a short text block.
fn strip_credit(body: &mut HtmlText, at: usize) {
    let Some(cut) = credit_start(&body.paragraphs[at]) else {
        return;
    };
    let plain_paragraph = body.blocks.is_empty();
    match body.blocks.get_mut(at) {
        Some(Block::Paragraph { text, spans }) => {
            let kept = text.get(..cut).map_or(0, |t| t.chars().count());
            text.truncate(cut);
            spans.retain_mut(|s| {
                s.end = s.end.min(kept);
                s.start < s.end
            });
        }
        _ if plain_paragraph => {}
        _ => return,
    }
    body.paragraphs[at].truncate(cut);
}

/// Blocks near the start that may repeat the title.
const TITLE_REACH: usize = 5;

/// Removes the line near the start that repeats the title (the reader
/// shows the title above the text): the same words, or a heading or short
/// line holding them after a kicker ("Topic: Title").
pub fn drop_title_line(body: &mut HtmlText, title: &str) {
    let title = squash(title).to_lowercase();
    let long = title.chars().count() >= 12;
    let repeats = |at: usize| {
        let text = squash(&body.paragraphs[at]).to_lowercase();
        text == title
            || (long
                && text.contains(&title)
                && (matches!(body.blocks.get(at), Some(Block::Heading { .. }))
                    || text.len() <= title.len() + 40))
    };
    if let Some(at) = (0..body.paragraphs.len().min(TITLE_REACH)).find(|&at| repeats(at)) {
        body.remove(at);
    }
}

/// A heading, or a short paragraph standing as one.
fn is_heading_like(text: &str, block: Option<&Block>) -> bool {
    matches!(block, Some(Block::Heading { .. })) || text.chars().count() <= 60
}

/// A related phrase alone, or starting a heading or a line ending in `:`
/// ("Lesen Sie auch die folgenden Beiträge:").
fn introduces_related(text: &str, block: Option<&Block>) -> bool {
    let bare = bare(text);
    RELATED.contains(&bare)
        || ((matches!(block, Some(Block::Heading { .. })) || text.ends_with(':'))
            && RELATED.iter().any(|p| bare.starts_with(p)))
}

/// The text without final punctuation and spacing.
pub(super) fn bare(text: &str) -> &str {
    text.trim_end_matches([':', '.', '!', '?', '›', '»', '…', ' ', '\u{a0}'])
}

pub(crate) fn is_page_line(text: &str) -> bool {
    let len = text.chars().count();
    // Longer lines are none of these (see the lengths below).
    if len > 2 * NOTICE_LEN {
        return false;
    }
    let found = scan(text);
    if is_notice(text, len, &found)
        || (len <= DISCLOSURE_LEN && found.disclosure)
        || is_long_widget_line(text, len, &found)
    {
        return true;
    }
    if len <= FIGURE_LEN && (is_figure_caption(text) || is_stock_caption(text)) {
        return true;
    }
    // A citation line carries the whole reference: longer than a label.
    if len <= NOTICE_LEN && CITATIONS.iter().any(|p| text.starts_with(p)) {
        return true;
    }
    if text.is_empty() || len > SHORT {
        return false;
    }
    is_widget_line(text, &found)
        || found.login
        || PREFIXES.iter().any(|p| text.starts_with(p))
        || (text.contains(" :") && {
            // "Category : News", spaced as French typography spaces colons.
            let unspaced = text.replace(" :", ":");
            PREFIXES.iter().any(|p| unspaced.starts_with(p))
        })
        || is_bracketed_credit(text)
        || is_date_line(text)
        || is_meta_line(text)
        || is_prompt_line(text)
        || is_viewer_line(text)
}

/// A copyright or reprint notice: a short line with one of its phrases,
/// a longer one (up to `NOTICE_LEN`) with two of them ("Copyright
/// 2024 Agency. All rights reserved. This material may not be
/// published, ..."), or one up to twice that long with three. `len` is
/// the line's length in characters, `found` its phrases.
fn is_notice(text: &str, len: usize, found: &Found) -> bool {
    if len > 2 * NOTICE_LEN {
        return false;
    }
    let found =
        found.notices() + usize::from(text.starts_with("copyright") || text.starts_with('©'));
    found >= 3 || (found == 2 && len <= NOTICE_LEN) || (found == 1 && len <= SHORT)
}

/// A credit in brackets or said as "Photograph by ...": "(Credit: Agency)",
/// "(© Agency/Name)", "Photo by Jane Doe".
fn is_bracketed_credit(text: &str) -> bool {
    let inner = text.strip_prefix(['(', '[']).unwrap_or("").trim_start();
    BY_CREDITS.iter().any(|p| text.starts_with(p))
        || (!inner.is_empty()
            && (CREDITS.iter().any(|c| inner.starts_with(c))
                || PREFIXES
                    .iter()
                    .any(|p| inner.starts_with(p) && p.ends_with(':'))))
}

/// A date or time alone: `23.10.2018`, `2018-10-23`, `19:49`, `3:59 PM`,
/// `5. März 2021`, with at most one word (a month's name, "PM").
pub(super) fn is_date_line(text: &str) -> bool {
    // "+81 158-23-2012": a telephone number, its country code first.
    if text.chars().count() > 30 || text.starts_with('+') {
        return false;
    }
    let words = text
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .count();
    if words > 1 {
        return false;
    }
    let b = text.as_bytes();
    let joined = |seps: &[u8]| {
        b.windows(3)
            .filter(|w| w[0].is_ascii_digit() && seps.contains(&w[1]) && w[2].is_ascii_digit())
            .count()
    };
    let has_year = text.split_whitespace().any(|t| {
        let t = t.trim_matches(|c: char| !c.is_ascii_digit());
        t.len() == 4 && t.bytes().all(|c| c.is_ascii_digit())
    });
    joined(b":") >= 1
        || joined(b"./-") >= 2
        || (has_year && words == 1 && text.split_whitespace().count() == 3)
}

/// "Read more: <link>": a short label with a colon, then a link.
fn is_pointer(block: &Block) -> bool {
    let Some((text, _)) = block.text_and_spans() else {
        return false;
    };
    let Some(colon) = text.find(':') else {
        return false;
    };
    let label = &text[..colon];
    label.chars().count() <= 40
        && label.split_whitespace().count() <= 4
        && !label.contains("http")
        && link_share(block) >= 0.6
}

/// Words opening a line that points "here".
const HERE: &[&str] = &["hier", "here", "aquí", "ici", "qui", "tutaj"];

/// A short line, wholly a link, that opens with "here": "Hier geht es zum
/// Programm", "Here the full draw".
fn is_here_link(block: &Block) -> bool {
    let Some((text, _)) = block.text_and_spans() else {
        return false;
    };
    let first = text.split_whitespace().next().unwrap_or("").to_lowercase();
    text.chars().count() <= SHORT
        && HERE.contains(&first.trim_end_matches([',', ':']))
        && link_share(block) >= 0.9
}

/// The share of a block's text inside links (spans count characters).
pub(super) fn link_share(block: &Block) -> f64 {
    let Some((text, spans)) = block.text_and_spans() else {
        return 0.0;
    };
    let chars = text.chars().count();
    let mut linked = vec![false; chars];
    for span in spans.iter().filter(|s| s.kind == SpanKind::Link) {
        let end = span.end.min(chars);
        for flag in linked.iter_mut().take(end).skip(span.start) {
            *flag = true;
        }
    }
    let visible = text.chars().filter(|c| !c.is_whitespace()).count();
    if visible == 0 {
        return 0.0;
    }
    let covered = text
        .chars()
        .zip(&linked)
        .filter(|(c, l)| **l && !c.is_whitespace())
        .count();
    covered as f64 / visible as f64
}

#[cfg(test)]
#[path = "lines_tests.rs"]
mod tests;
