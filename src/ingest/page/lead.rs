//! The article's lead: the paragraph a page sets apart under its headline,
//! named so by its class ("lead", "intro", "standfirst"), which sits
//! outside the block of text Readability picks. It stands before the
//! description as the standfirst. A page whose lead has no such name but
//! whose description is the lead cut short ("… after a debate that") gives the
//! whole paragraph instead (see `uncut`).

use std::sync::LazyLock;

use aho_corasick::AhoCorasick;
use dom_query::{Document, NodeRef};

use crate::ingest::htmltext::squash;

/// Words of a class naming a lead (words of a class are set apart by
/// `-` and `_`: "lead-text", "c-page-intro__copy").
///
/// "teaser" is not one: a teaser box beside a headline is as often another
/// story's.
const WORDS: &[&str] = &["lead", "leader", "lede", "intro", "standfirst"];

/// `WORDS`, in any case, anywhere in a class.
static NAMES: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .build(["lead", "lede", "intro", "standfirst"])
        .expect("four words build an automaton")
});

/// A lead holds at least this many words: fewer is a label or a kicker.
const MIN_WORDS: usize = 12;

/// A lead is at most this long (characters): longer is a container.
const MAX_CHARS: usize = 600;

/// Levels above the lead where the headline is looked for.
const HEADLINE_REACH: usize = 2;

/// The first element named a lead, of a lead's length, with the page's
/// headline (`title`, lowercased words) beside it or up to two levels
/// above: a lead elsewhere introduces another story.
pub fn find(doc: &Document, title: &str) -> Option<String> {
    let title = squash(title).to_lowercase();
    if title.is_empty() {
        return None;
    }
    // One walk over the elements, a class looked at only when it holds one
    // of the words, perhaps inside a longer one (the selector engine's
    // `[class]` and substring matches cost more).
    doc.root().descendants_it().find_map(|node| {
        let class = node.attr("class")?;
        if !NAMES.is_match(class.as_ref()) || !is_named_lead(&class) {
            return None;
        }
        let text = squash(&node.text());
        if holds_heading(&node, &text) {
            return None;
        }
        let fits = text.split_whitespace().count() >= MIN_WORDS
            && text.chars().count() <= MAX_CHARS
            && text.ends_with(|c: char| c.is_alphanumeric() || ".!?…»\"”)".contains(c));
        (fits && beside_headline(&node, &title)).then_some(text)
    })
}

/// The deck set right under the headline: the element that follows the
/// `<h1>` saying the title (`title`), when it is a paragraph or a
/// subheading of a lead's length (`<h1>…</h1><h2>Activists call for a
/// rent freeze in the crisis and warn landlords</h2>`). A shorter heading
/// there is the article's first section.
pub fn deck(doc: &Document, title: &str) -> Option<String> {
    let title = squash(title).to_lowercase();
    if title.is_empty() {
        return None;
    }
    doc.select("h1")
        .nodes()
        .iter()
        .take(HEADLINES)
        .find_map(|h1| {
            let said = squash(&h1.text()).to_lowercase();
            if said.is_empty() || !(title.contains(&said) || said.contains(&title)) {
                return None;
            }
            let next = h1.next_element_sibling()?;
            if !matches!(next.node_name().as_deref(), Some("h2" | "h3")) {
                return None;
            }
            let text = deck_text(&next);
            let fits = text.split_whitespace().count() >= MIN_WORDS
                && text.chars().count() <= MAX_CHARS
                && !next.descendants_it().any(|d| is_heading(&d));
            fits.then_some(text)
        })
}

/// A deck's text without a label glued to its start
/// (`<h3><span>Agriculture</span>The federal office…</h3>`): a short
/// element followed by text with no space between them is a kicker.
fn deck_text(node: &NodeRef) -> String {
    let children: Vec<NodeRef> = node.children_it(false).collect();
    let glued_label = match children.as_slice() {
        [first, second, ..] => {
            first.is_element()
                && squash(&first.text()).split_whitespace().count() <= KICKER_WORDS
                && second.is_text()
                && second.text().starts_with(|c: char| !c.is_whitespace())
        }
        _ => false,
    };
    let skip = usize::from(glued_label);
    let text: String = children
        .iter()
        .skip(skip)
        .map(|c| c.text().to_string())
        .collect();
    squash(&text)
}

/// Words of a kicker glued to a deck's start, at most.
const KICKER_WORDS: usize = 3;

/// `<h1>` elements looked at for the headline.
const HEADLINES: usize = 3;

/// A cut description's opening holds at least this many characters.
const CUT_KEY: usize = 40;

/// Characters ending a sentence: a description ending otherwise was cut.
const ENDINGS: &str = ".!?…»\"”)";

/// Whether a description was cut short: long enough to be a lead's
/// opening, and ending mid-sentence.
pub fn is_cut(description: &str) -> bool {
    let description = description.trim();
    description.chars().count() >= CUT_KEY && !description.ends_with(|c| ENDINGS.contains(c))
}

/// The whole paragraph or heading a description was cut from: one whose
/// text opens with the whole description and goes on, the description
/// ending mid-sentence (no full stop, no mark). Such a description is the
/// page's lead shortened for link previews.
pub fn uncut(doc: &Document, description: &str) -> Option<String> {
    let description = squash(description);
    if !is_cut(&description) {
        return None;
    }
    doc.select("p, h2, h3").nodes().iter().find_map(|node| {
        let text = squash(&node.text());
        let fits = text.len() > description.len()
            && text.chars().count() <= MAX_CHARS
            && text.starts_with(&description);
        fits.then_some(text)
    })
}

fn is_named_lead(class: &str) -> bool {
    class.split_whitespace().any(|name| {
        name.split(['-', '_'])
            .any(|word| WORDS.iter().any(|w| w.eq_ignore_ascii_case(word)))
    })
}

/// A box holding a heading is a headline with its kicker or a section,
/// not a lead; so is a heading named so ("<h2 class='intro__title'>")
/// unless it reads as the lead's sentences, ending with a full stop or a
/// mark (`text`, squashed): some pages set their lead as an `<h2>`.
fn holds_heading(node: &NodeRef, text: &str) -> bool {
    let sentences = text.ends_with(['.', '!', '?', '…']);
    (is_heading(node) && !sentences) || node.descendants_it().any(|d| is_heading(&d))
}

fn is_heading(node: &NodeRef) -> bool {
    matches!(
        node.node_name().as_deref(),
        Some("h1" | "h2" | "h3" | "h4" | "h5" | "h6")
    )
}

/// Whether the nearest headings around the lead, among the children of its
/// parent or of the levels above it up to `HEADLINE_REACH`, say the title:
/// a lead under another heading introduces another story.
fn beside_headline(node: &NodeRef, title: &str) -> bool {
    let mut up = node.parent();
    for _ in 0..HEADLINE_REACH {
        let Some(level) = up else {
            return false;
        };
        let headings: Vec<String> = level
            .children_it(false)
            .filter(|c| matches!(c.node_name().as_deref(), Some("h1" | "h2")))
            .map(|c| squash(&c.text()).to_lowercase())
            .filter(|t| !t.is_empty())
            .collect();
        if !headings.is_empty() {
            return headings
                .iter()
                .any(|h| title.contains(h.as_str()) || h.contains(title));
        }
        up = level.parent();
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    const LEAD: &str = "The council voted to keep the library open for ten more years, \
        after a debate that ran late into the night.";

    #[test]
    fn a_lead_under_the_headline_is_found() {
        let html = format!(
            "<div class='intro'><h1>Library stays open</h1><div class='date'>3 May</div>\
             <div class='teaser-lead'><p>{LEAD}</p></div></div>\
             <div class='content'><p>The story.</p></div>"
        );
        let doc = Document::from(html.as_str());
        assert_eq!(find(&doc, "Library stays open").as_deref(), Some(LEAD));
    }

    #[test]
    fn a_deck_right_under_the_headline_is_found() {
        let deck_text = "Activists call for a rent freeze in the crisis and warn the \
            landlords of the whole city";
        let html = format!(
            "<article><h1>No money left for the rent</h1><h2>{deck_text}</h2>\
             <p>{LEAD}</p></article>"
        );
        let doc = Document::from(html.as_str());
        assert_eq!(
            deck(&doc, "No money left for the rent").as_deref(),
            Some(deck_text)
        );
        let html =
            format!("<h1>No money left for the rent</h1><h3><span>Housing</span>{deck_text}</h3>");
        assert_eq!(
            deck(&Document::from(html.as_str()), "No money left for the rent").as_deref(),
            Some(deck_text)
        );
        // Under another headline, or too short to be more than a section's
        // heading, it is no deck.
        assert_eq!(deck(&doc, "Library stays open"), None);
        let html =
            format!("<h1>No money left for the rent</h1><h2>The rent strike</h2><p>{LEAD}</p>");
        assert_eq!(
            deck(&Document::from(html.as_str()), "No money left for the rent"),
            None
        );
    }

    #[test]
    fn a_description_ending_mid_sentence_was_cut() {
        assert!(is_cut(
            "The council voted to keep the library open for ten more"
        ));
        assert!(!is_cut(
            "The council voted to keep the library open for ten years."
        ));
        assert!(!is_cut("Library news"));
    }

    #[test]
    fn a_heading_of_sentences_is_a_lead_and_a_teaser_box_is_not() {
        let html = format!(
            "<header><h1>Library stays open</h1><h2 class='hero__intro'>{LEAD}</h2></header>"
        );
        let doc = Document::from(html.as_str());
        assert_eq!(find(&doc, "Library stays open").as_deref(), Some(LEAD));
        // A heading that does not end as a sentence is a title.
        let html = "<header><h1>Library stays open</h1><h2 class='hero__intro'>The council \
                    votes to keep the library open for ten more years after a long debate</h2>\
                    </header>";
        assert_eq!(find(&Document::from(html), "Library stays open"), None);
        // A teaser box beside the headline may be another story's.
        let html = format!(
            "<div class='top'><h1>Library stays open</h1><div class='date'>3 May</div>\
             <div class='teaser-text'><p>{LEAD}</p></div></div><p>The story.</p>"
        );
        assert_eq!(
            find(&Document::from(html.as_str()), "Library stays open"),
            None
        );
    }

    #[test]
    fn a_description_cut_mid_sentence_gives_the_whole_paragraph() {
        let html = format!("<h1>Library stays open</h1><h2>{LEAD}</h2><p>The story.</p>");
        let doc = Document::from(html.as_str());
        let cut = "The council voted to keep the library open for ten more";
        assert_eq!(uncut(&doc, cut).as_deref(), Some(LEAD));
        // A whole sentence, or one too short to tell, is the description.
        assert_eq!(
            uncut(&doc, "The council voted to keep the library open."),
            None
        );
        assert_eq!(uncut(&doc, "The council voted"), None);
    }

    #[test]
    fn a_lead_away_from_the_headline_or_too_short_is_none() {
        let html = format!(
            "<h1>Library stays open</h1><div class='sidebar'>\
             <h2>Another story</h2><p class='lead'>{LEAD}</p></div>"
        );
        assert_eq!(
            find(&Document::from(html.as_str()), "Library stays open"),
            None
        );
        let html = format!(
            "<div><h1>Library stays open</h1></div>\
             <header class='intro'><h2>Library stays open</h2><p>{LEAD}</p></header>"
        );
        assert_eq!(
            find(&Document::from(html.as_str()), "Library stays open"),
            None
        );
        let html = "<h1>Library stays open</h1><p class='intro'>Read on.</p>";
        assert_eq!(find(&Document::from(html), "Library stays open"), None);
        // Class names are read in any case.
        let html = format!("<h1>Library stays open</h1><p class='Article-Intro'>{LEAD}</p>");
        assert_eq!(
            find(&Document::from(html.as_str()), "Library stays open").as_deref(),
            Some(LEAD)
        );
        // "leading" is not "lead".
        let html = format!("<h1>Library stays open</h1><p class='leading'>{LEAD}</p>");
        assert_eq!(
            find(&Document::from(html.as_str()), "Library stays open"),
            None
        );
    }
}
