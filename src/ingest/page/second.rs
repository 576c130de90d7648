//! A second choice of block when Readability's first holds almost none of
//! the words of the page's headline and description: a table of names
//! under a letter, a disclaimer widget, another article of a list. The
//! block is taken out of the page and Readability reads it again; the new
//! text is kept only when it shares clearly more of those words. Pages
//! whose description is about the site rather than the story find no
//! better block and keep the first.

use std::collections::HashSet;

use dom_query::{Document, NodeRef};

use crate::ingest::htmltext::{HtmlText, squash};

/// Headline and description together must have this many words to judge.
const MIN_KEY_WORDS: usize = 6;

/// A block holding less than this share of the key words is doubted.
const DOUBTED_BELOW: f64 = 0.3;

/// A second block must hold at least this share, and twice the first's.
const SECOND_AT_LEAST: f64 = 0.4;

/// A second block must hold this many characters, and half the first's:
/// a shorter one that shares the headline's words is a teaser of the story.
const MIN_CHARS: usize = 500;

/// Blocks taken out one after the other, at most.
const MAX_TRIES: usize = 2;

/// Characters of a paragraph's opening looked for in the page's markup.
const PROBE_CHARS: usize = 40;

/// The words of `title` and `description` (four letters or more), if they
/// are enough to judge a block by.
pub fn key_words(title: Option<&str>, description: Option<&str>) -> Option<HashSet<String>> {
    let text = format!("{} {}", title.unwrap_or(""), description.unwrap_or(""));
    let words: HashSet<String> = long_words(&text).collect();
    (words.len() >= MIN_KEY_WORDS).then_some(words)
}

/// The share of `keys` that `body` holds, counted up to `enough` (a
/// share): most texts hold enough of them in their first lines.
fn share_up_to(keys: &HashSet<String>, body: &HtmlText, enough: f64) -> f64 {
    let enough = (enough * keys.len() as f64).ceil() as usize;
    let mut found: HashSet<&str> = HashSet::new();
    let mut word = String::new();
    'text: for paragraph in &body.paragraphs {
        for raw in paragraph.split(|c: char| !c.is_alphanumeric()) {
            if raw.len() < 4 {
                continue;
            }
            word.clear();
            word.extend(raw.chars().flat_map(char::to_lowercase));
            if let Some(key) = keys.get(word.as_str()) {
                found.insert(key);
                if found.len() >= enough {
                    break 'text;
                }
            }
        }
    }
    found.len() as f64 / keys.len() as f64
}

/// The share of `keys` that `body` holds.
pub fn share(keys: &HashSet<String>, body: &HtmlText) -> f64 {
    share_up_to(keys, body, 1.0)
}

/// What `read` finds once the blocks holding the first choice's text are
/// taken out of `doc`, when its body (`body_of`) holds clearly more of
/// `keys`.
pub fn second_choice<R>(
    doc: &Document,
    first: &HtmlText,
    keys: &HashSet<String>,
    read: impl Fn(Document) -> Option<R>,
    body_of: impl Fn(&R) -> &HtmlText,
) -> Option<R> {
    let first_share = share_up_to(keys, first, DOUBTED_BELOW);
    if first_share >= DOUBTED_BELOW {
        return None;
    }
    let page = doc.clone();
    let mut chosen = first.clone();
    for _ in 0..MAX_TRIES {
        let block = block_holding(&page, &chosen)?;
        page.tree.get(&block)?.remove_from_parent();
        let found = read(page.clone())?;
        let body = body_of(&found);
        let second_share = share(keys, body);
        if second_share >= SECOND_AT_LEAST
            && second_share >= 2.0 * first_share
            && chars(body) >= MIN_CHARS.max(chars(first) / 2)
        {
            return Some(found);
        }
        chosen = body.clone();
    }
    None
}

/// The smallest element of `doc` whose text holds the openings of the
/// body's first and last paragraphs.
fn block_holding(doc: &Document, body: &HtmlText) -> Option<dom_query::NodeId> {
    // A table's text joins its cells with " | " and its rows with line
    // breaks: the probes stay within one cell.
    let cell = |p: &str| squash(p);
    let first = body.paragraphs.first()?;
    let first = cell(first.split(['|', '\n']).find(|c| !c.trim().is_empty())?);
    let first: String = first.chars().take(PROBE_CHARS).collect();
    let last = body.paragraphs.last()?;
    let last = cell(last.rsplit(['|', '\n']).find(|c| !c.trim().is_empty())?);
    let skip = last.chars().count().saturating_sub(PROBE_CHARS);
    let last: String = last.chars().skip(skip).collect();
    let holds = |node: &NodeRef| {
        let text = squash(&node.text());
        text.contains(&first) && text.contains(&last)
    };
    // Walk down from the root while one child still holds both.
    let mut at = doc.body()?;
    if !holds(&at) {
        return None;
    }
    while let Some(child) = at
        .children_it(false)
        .filter(|c| c.is_element())
        .find(|c| holds(c))
    {
        at = child;
    }
    Some(at.id)
}

fn chars(body: &HtmlText) -> usize {
    body.paragraphs.iter().map(|p| p.chars().count()).sum()
}

fn long_words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 4 && !w.chars().all(|c| c.is_ascii_digit()))
        .map(str::to_lowercase)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::htmltext::node_to_text;

    const DISCLAIMER: &str = "<div><p>Links on this blog lead to other sites whose contents \
        we do not control.</p><p>Whether this notice is needed nobody knows.</p></div>";

    fn story(paragraphs: usize) -> String {
        let p = "<p>The council voted on Tuesday to keep the library open, after a \
                 petition signed by many readers in town.</p>";
        format!("<div>{}</div>", p.repeat(paragraphs))
    }

    fn keys() -> HashSet<String> {
        key_words(
            Some("Council keeps the library open"),
            Some("A petition of readers moved the council on Tuesday."),
        )
        .unwrap()
    }

    /// A stand-in for Readability: the text of the page's first block.
    fn first_block(page: Document) -> Option<HtmlText> {
        let node = page.select("body > div").nodes().first().cloned()?;
        Some(node_to_text(&node, None))
    }

    fn choose(html: &str) -> Option<Vec<String>> {
        let doc = Document::from(html);
        let first = first_block(doc.clone()).unwrap();
        second_choice(&doc, &first, &keys(), first_block, |b| b).map(|b| b.paragraphs)
    }

    #[test]
    fn a_block_without_the_headlines_words_gives_way_to_one_with_them() {
        let chosen = choose(&format!("<body>{DISCLAIMER}{}</body>", story(6))).unwrap();
        assert_eq!(chosen.len(), 6);
        assert!(chosen[0].starts_with("The council voted"));
    }

    #[test]
    fn a_short_second_block_is_a_teaser_and_the_first_stays() {
        assert_eq!(
            choose(&format!("<body>{DISCLAIMER}{}</body>", story(1))),
            None
        );
    }

    #[test]
    fn a_block_holding_the_headlines_words_is_not_reconsidered() {
        assert_eq!(
            choose(&format!("<body>{}{DISCLAIMER}</body>", story(6))),
            None
        );
    }

    #[test]
    fn a_short_headline_without_description_is_no_measure() {
        assert_eq!(key_words(Some("Library open"), None), None);
    }
}
