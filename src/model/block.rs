//! An article's body as a document: typed blocks (headings, paragraphs,
//! list items, quotes, code, tables, images, rules) whose text carries
//! inline spans (links, emphasis, code).
//!
//! Offsets of spans are in characters (Unicode scalar values) of the
//! block's `text`, so that consumers of the JSON output in any language
//! can use them. Link spans and images name a link by its index in the
//! article's `links` (0-based; the reader shows it as `[index + 1]`).

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

/// One block of an article's body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Block {
    /// A section heading, level 1 to 6.
    Heading {
        level: u8,
        text: String,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        spans: Vec<Span>,
    },
    Paragraph {
        text: String,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        spans: Vec<Span>,
    },
    /// An item of a list; `depth` 0 for a list not inside another.
    ListItem {
        ordered: bool,
        /// The item's number in an ordered list.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        number: Option<u32>,
        depth: u8,
        /// A later paragraph of the item before it (shown without a bullet).
        #[serde(default, skip_serializing_if = "is_false")]
        continued: bool,
        text: String,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        spans: Vec<Span>,
    },
    /// Text of a block quote; `depth` 1 for a quote not inside another.
    Quote {
        depth: u8,
        text: String,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        spans: Vec<Span>,
    },
    /// Preformatted text: its line breaks (`\n`) and spaces are the text's.
    Code { text: String },
    /// A data table: rows of cells; the first row is a header when `header`.
    Table {
        rows: Vec<Vec<String>>,
        header: bool,
    },
    /// An image: its alternative text, else its file name.
    Image {
        alt: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        caption: Option<String>,
        /// The index in the article's links of the image's address.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        link: Option<usize>,
    },
    /// A thematic break (`<hr>`).
    Rule,
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// The most spans a block keeps: markup past it is dropped (its text is
/// kept), so hostile pages cannot make laying out a block quadratic.
pub const MAX_SPANS: usize = 1000;

/// Inline markup over characters `start..end` of a block's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Span {
    pub kind: SpanKind,
    pub start: usize,
    pub end: usize,
    /// For links: the index in the article's links.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub link: Option<usize>,
}

/// What an inline span is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SpanKind {
    Link,
    Emphasis,
    Strong,
    Code,
}

impl Block {
    /// A paragraph without markup.
    pub fn paragraph(text: impl Into<String>) -> Block {
        Block::Paragraph {
            text: text.into(),
            spans: Vec::new(),
        }
    }

    /// The block as plain text: its text (code keeps its line breaks, a
    /// table is its rows, cells separated by ` | `, one per line), an
    /// image's caption or else its alternative text, nothing for a rule.
    pub fn plain(&self) -> Cow<'_, str> {
        match self {
            Block::Heading { text, .. }
            | Block::Paragraph { text, .. }
            | Block::ListItem { text, .. }
            | Block::Quote { text, .. }
            | Block::Code { text } => Cow::Borrowed(text),
            Block::Table { rows, .. } => Cow::Owned(
                rows.iter()
                    .map(|r| r.join(" | "))
                    .collect::<Vec<_>>()
                    .join("\n"),
            ),
            Block::Image { alt, caption, .. } => {
                Cow::Borrowed(caption.as_deref().filter(|c| !c.is_empty()).unwrap_or(alt))
            }
            Block::Rule => Cow::Borrowed(""),
        }
    }

    /// The text and spans of a block of running text (not code, tables,
    /// images or rules).
    pub fn text_and_spans(&self) -> Option<(&str, &[Span])> {
        match self {
            Block::Heading { text, spans, .. }
            | Block::Paragraph { text, spans }
            | Block::ListItem { text, spans, .. }
            | Block::Quote { text, spans, .. } => Some((text, spans)),
            _ => None,
        }
    }

    /// The text and spans of a block of running text, to change.
    pub fn spans_mut(&mut self) -> Option<(&mut String, &mut Vec<Span>)> {
        match self {
            Block::Heading { text, spans, .. }
            | Block::Paragraph { text, spans }
            | Block::ListItem { text, spans, .. }
            | Block::Quote { text, spans, .. } => Some((text, spans)),
            _ => None,
        }
    }

    /// Every text the block holds, to clean in place.
    pub fn texts_mut(&mut self) -> Vec<&mut String> {
        match self {
            Block::Heading { text, .. }
            | Block::Paragraph { text, .. }
            | Block::ListItem { text, .. }
            | Block::Quote { text, .. }
            | Block::Code { text } => vec![text],
            Block::Table { rows, .. } => rows.iter_mut().flatten().collect(),
            Block::Image { alt, caption, .. } => {
                let mut v = vec![alt];
                v.extend(caption.as_mut());
                v
            }
            Block::Rule => Vec::new(),
        }
    }

    /// True for a paragraph without markup: stored as a plain string.
    pub fn is_plain_paragraph(&self) -> bool {
        matches!(self, Block::Paragraph { spans, .. } if spans.is_empty())
    }

    /// Drops spans that do not fit the text (after cleaning shortened it,
    /// or read from a damaged store) and links that name no link.
    pub fn check_spans(&mut self, links: usize) {
        if let Some((_, spans)) = self.spans_mut() {
            spans.truncate(MAX_SPANS);
        }
        let fits = |len: usize, s: &Span| {
            s.start < s.end && s.end <= len && (s.kind != SpanKind::Link || s.link < Some(links))
        };
        match self {
            Block::Heading { text, spans, .. }
            | Block::Paragraph { text, spans }
            | Block::ListItem { text, spans, .. }
            | Block::Quote { text, spans, .. } => {
                let len = text.chars().count();
                spans.retain(|s| fits(len, s));
            }
            Block::Image { link, .. } if link.is_some_and(|l| l >= links) => *link = None,
            _ => {}
        }
    }
}

impl super::Article {
    /// Sets the body from blocks: `body` becomes their plain texts, and
    /// `blocks` keeps them unless all are paragraphs without markup (the
    /// plain paragraphs say as much).
    pub fn set_blocks(&mut self, blocks: Vec<Block>) {
        self.body = blocks.iter().map(|b| b.plain().into_owned()).collect();
        self.blocks = if blocks.iter().all(Block::is_plain_paragraph) {
            Vec::new()
        } else {
            blocks
        };
    }

    /// The body's blocks: `blocks`, or the paragraphs of `body` when the
    /// article has no structure beyond them.
    pub fn blocks(&self) -> Cow<'_, [Block]> {
        if self.blocks.is_empty() {
            Cow::Owned(
                self.body
                    .iter()
                    .map(|p| Block::paragraph(p.clone()))
                    .collect(),
            )
        } else {
            Cow::Borrowed(&self.blocks)
        }
    }
}

/// How a list item is marked: its indent (two spaces a level) and its
/// number, or a bullet that alternates with depth.
pub fn list_marker(ordered: bool, number: Option<u32>, depth: u8) -> (String, String) {
    let indent = "  ".repeat(usize::from(depth).min(8));
    let bullet = match (ordered, number) {
        (true, Some(n)) => format!("{n}. "),
        _ if depth % 2 == 1 => "◦ ".to_string(),
        _ => "• ".to_string(),
    };
    (indent, bullet)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Article;

    #[test]
    fn blocks_serialise_with_a_type_tag() {
        let b = Block::ListItem {
            ordered: true,
            number: Some(3),
            depth: 1,
            continued: false,
            text: "uno".into(),
            spans: vec![Span {
                kind: SpanKind::Link,
                start: 0,
                end: 3,
                link: Some(0),
            }],
        };
        let json = serde_json::to_string(&b).unwrap();
        assert_eq!(
            json,
            r#"{"type":"list_item","ordered":true,"number":3,"depth":1,"text":"uno","spans":[{"kind":"link","start":0,"end":3,"link":0}]}"#
        );
        assert_eq!(serde_json::from_str::<Block>(&json).unwrap(), b);
        assert_eq!(
            serde_json::to_string(&Block::Rule).unwrap(),
            r#"{"type":"rule"}"#
        );
    }

    #[test]
    fn plain_paragraphs_leave_no_blocks_and_others_keep_them() {
        let mut a = Article::default();
        a.set_blocks(vec![Block::paragraph("a"), Block::paragraph("b")]);
        assert!(a.blocks.is_empty());
        assert_eq!(a.body, ["a", "b"]);
        assert_eq!(a.blocks().len(), 2);
        a.set_blocks(vec![
            Block::Table {
                rows: vec![vec!["x".into(), "y".into()], vec!["1".into(), "2".into()]],
                header: true,
            },
            Block::Rule,
        ]);
        assert_eq!(a.body, ["x | y\n1 | 2", ""]);
        assert_eq!(a.blocks.len(), 2);
    }

    #[test]
    fn spans_out_of_the_text_are_dropped() {
        let span = |start, end, link| Span {
            kind: SpanKind::Link,
            start,
            end,
            link,
        };
        let mut b = Block::Paragraph {
            text: "città".into(),
            spans: vec![
                span(0, 5, Some(0)),
                span(0, 6, Some(0)),
                span(1, 2, Some(1)),
            ],
        };
        b.check_spans(1);
        assert_eq!(b.text_and_spans().unwrap().1, [span(0, 5, Some(0))]);
    }
}
