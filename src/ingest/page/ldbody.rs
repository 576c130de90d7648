//! The story a page states in its JSON-LD `articleBody`, read instead of
//! the block Readability chose when that block holds little of it. Pages
//! that render their text with scripts leave only furniture in the markup
//! (a photo caption, the author's card, "Read full article") yet carry the
//! whole text in their metadata. Where the markup holds the story, the
//! chosen block covers most of the `articleBody`'s words and stays: its
//! headings, links and pictures are worth more than the plain metadata.

use std::collections::HashSet;

use url::Url;

use crate::ingest::htmltext::{HtmlText, html_to_text, squash};

/// An `articleBody` of fewer words is a summary or a teaser, not the text.
const MIN_WORDS: usize = 80;

/// The share of the `articleBody`'s words the chosen block must hold to be
/// the same story.
const MIN_COVER: f64 = 0.5;

/// Replaces `body` by the `articleBody` when the body holds less than half
/// of its words and is shorter than it.
pub fn prefer_article_body(body: &mut HtmlText, article_body: Option<&str>, base: Option<&Url>) {
    let Some(article_body) = article_body else {
        return;
    };
    let stated = words(article_body);
    if stated.len() < MIN_WORDS {
        return;
    }
    let found: Vec<String> = body.paragraphs.iter().flat_map(|p| words(p)).collect();
    if found.len() >= stated.len() {
        return;
    }
    let found: HashSet<&str> = found.iter().map(String::as_str).collect();
    let covered = stated.iter().filter(|w| found.contains(w.as_str())).count();
    if (covered as f64) < MIN_COVER * stated.len() as f64 {
        *body = as_text(article_body, base);
    }
}

/// The lowercased words of `text`.
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// The `articleBody` as paragraphs: read as HTML when it carries markup,
/// else one paragraph a line.
fn as_text(article_body: &str, base: Option<&Url>) -> HtmlText {
    if article_body.contains("</") || article_body.contains("<br") {
        return html_to_text(article_body, base);
    }
    let paragraphs = article_body
        .lines()
        .map(squash)
        .filter(|line| !line.is_empty())
        .collect();
    HtmlText {
        paragraphs,
        ..HtmlText::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::page::test_support::body_of;

    fn story(sentences: usize) -> String {
        (0..sentences)
            .map(|i| format!("The council met on day {i} and voted to keep the library open."))
            .collect::<Vec<_>>()
            .join("\n")
    }

    #[test]
    fn a_block_without_the_story_gives_way_to_the_article_body() {
        let mut body = body_of(&["A photo of the town hall.", "Read full article"]);
        let stated = story(10);
        prefer_article_body(&mut body, Some(&stated), None);
        assert_eq!(body.paragraphs.len(), 10);
        assert!(body.paragraphs[3].starts_with("The council met on day 3"));
    }

    #[test]
    fn a_block_holding_the_story_stays() {
        let stated = story(10);
        let lines: Vec<&str> = stated.lines().take(7).collect();
        let mut body = body_of(&lines);
        prefer_article_body(&mut body, Some(&stated), None);
        assert_eq!(body.paragraphs.len(), 7);
    }

    #[test]
    fn a_short_article_body_is_a_summary_and_changes_nothing() {
        let mut body = body_of(&["A photo of the town hall."]);
        prefer_article_body(&mut body, Some(&story(2)), None);
        assert_eq!(body.paragraphs, vec!["A photo of the town hall."]);
    }

    #[test]
    fn an_article_body_in_markup_is_read_as_html() {
        let mut body = body_of(&["Read full article"]);
        let stated = format!("<p>{}</p>", story(10).replace('\n', "</p><p>"));
        prefer_article_body(&mut body, Some(&stated), None);
        assert_eq!(body.paragraphs.len(), 10);
    }
}
