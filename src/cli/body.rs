//! An article's body as the scripting commands print it: for programs,
//! `body` (plain paragraphs, nothing Edicola adds) and `blocks` (the
//! structure, see `model::Block`); for people, text with bullets, quote
//! marks and `[n]` link markers matching the printed links.

use crate::app::reading::inline;
use crate::model::{Article, Block, list_marker};

/// The JSON `body`: the plain text of each block that has some (rules and
/// images without a caption have none of their own).
pub fn plain_paragraphs(a: &Article) -> Vec<String> {
    if a.blocks.is_empty() {
        return a
            .body
            .iter()
            .map(|p| legacy_clean(p, a.links.len()))
            .collect();
    }
    a.blocks
        .iter()
        .filter_map(|b| match b {
            Block::Rule | Block::Image { caption: None, .. } => None,
            Block::Image {
                caption: Some(c), ..
            } => Some(c.clone()),
            _ => Some(b.plain().into_owned()),
        })
        .filter(|p| !p.is_empty())
        .collect()
}

/// The JSON `blocks`: every block (paragraphs for a body without
/// structure).
pub fn blocks(a: &Article) -> Vec<Block> {
    if a.blocks.is_empty() {
        return plain_paragraphs(a)
            .into_iter()
            .map(Block::paragraph)
            .collect();
    }
    a.blocks.clone()
}

/// A paragraph stored before blocks existed, without what the importer
/// then added to it: ` [n]` after a link (`n` up to `links`) and a `• `
/// bullet before a list item.
fn legacy_clean(p: &str, links: usize) -> String {
    let mut out = String::with_capacity(p.len());
    let trimmed = p.trim_start();
    let mut rest = trimmed.strip_prefix("• ").unwrap_or(p);
    while let Some(at) = rest.find(" [") {
        out.push_str(&rest[..at]);
        let after = &rest[at + 2..];
        let digits = after.bytes().take_while(u8::is_ascii_digit).count();
        let n: usize = after[..digits].parse().unwrap_or(0);
        if digits > 0 && after[digits..].starts_with(']') && (1..=links).contains(&n) {
            rest = &after[digits + 1..];
        } else {
            out.push_str(" [");
            rest = after;
        }
    }
    out.push_str(rest);
    out
}

/// The body as text for a pipe: blocks apart by blank lines (items of one
/// list together), list items with their bullet or number, quotes after
/// `> `, code and tables line by line, images as `[image: alt] [n]`.
pub fn text_blocks(a: &Article) -> Vec<String> {
    let blocks = a.blocks();
    let mut out: Vec<String> = Vec::new();
    let mut prev: Option<&Block> = None;
    for b in blocks.iter() {
        let shown = match b {
            Block::Heading { text, spans, .. } | Block::Paragraph { text, spans } => {
                inline(text, spans).text
            }
            Block::ListItem {
                ordered,
                number,
                depth,
                continued,
                text,
                spans,
            } => {
                let (indent, bullet) = list_marker(*ordered, *number, *depth);
                let bullet = if *continued {
                    " ".repeat(bullet.chars().count())
                } else {
                    bullet
                };
                format!("{indent}{bullet}{}", inline(text, spans).text)
            }
            Block::Quote { depth, text, spans } => format!(
                "{}{}",
                "> ".repeat(usize::from(*depth).max(1)),
                inline(text, spans).text
            ),
            Block::Code { text } => text.clone(),
            Block::Table { .. } => b.plain().into_owned(),
            Block::Image { alt, caption, link } => {
                let mut s = format!("[image: {alt}]");
                if let Some(n) = link {
                    s.push_str(&format!(" [{}]", n + 1));
                }
                if let Some(c) = caption {
                    s.push('\n');
                    s.push_str(c);
                }
                s
            }
            Block::Rule => "---".to_string(),
        };
        if shown.trim().is_empty() {
            continue;
        }
        match (prev, b, out.last_mut()) {
            (Some(Block::ListItem { .. }), Block::ListItem { .. }, Some(last)) => {
                last.push('\n');
                last.push_str(&shown);
            }
            _ => out.push(shown),
        }
        prev = Some(b);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn old_bodies_lose_link_markers_and_bullets_only() {
        assert_eq!(
            legacy_clean("Vedi [1] e [2], non [3] né [x].", 2),
            "Vedi e, non [3] né [x]."
        );
        assert_eq!(legacy_clean("  • voce [1]", 1), "voce");
        assert_eq!(legacy_clean("1. primo", 0), "1. primo");
    }
}
