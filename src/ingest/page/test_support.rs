//! What the page passes' tests share: a story paragraph, and the
//! paragraphs a pass keeps of a page's text.

use crate::ingest::htmltext::{HtmlText, html_to_text};

pub const STORY: &str = "<p>The council voted on Tuesday to keep the library open.</p>";

/// The paragraphs of `html` (links read against example.com) that `pass`
/// keeps.
pub fn kept_by(html: &str, pass: fn(&mut HtmlText)) -> Vec<String> {
    let base = url::Url::parse("https://example.com/").ok();
    let mut body = html_to_text(html, base.as_ref());
    pass(&mut body);
    body.paragraphs
}

/// A text of plain paragraphs.
pub fn body_of(paragraphs: &[&str]) -> HtmlText {
    HtmlText {
        paragraphs: paragraphs.iter().map(|p| p.to_string()).collect(),
        ..HtmlText::default()
    }
}
