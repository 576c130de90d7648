//! One block of an article as lines of the reading pane: running text
//! wrapped under its bullet or quote bar, code cut (never re-flowed),
//! tables as columns or as `header: value` lines, image placeholders,
//! rules.

use unicode_width::UnicodeWidthChar;

use super::inline::{Inline, Mark, inline};
use super::{LineKind, ReadLine};
use crate::model::{Block, list_marker};
use crate::text::hyphen::{Piece, wrap_hyphenated};
use crate::text::wrap::{sanitize, width as text_width, wrap};

/// The pane's width and the patterns that may hyphenate running text.
pub(super) type Measure = (usize, Option<&'static hyphenation::Standard>);

/// Marks the pieces of a code line cut at the pane's edge.
const CONTINUED: &str = "↪";

/// Adds the lines of `block` (numbered `id` among the pane's blocks),
/// `prev` being the block before it, for whether a blank line separates
/// them.
pub(super) fn block_lines(
    out: &mut Vec<ReadLine>,
    block: &Block,
    prev: Option<&Block>,
    id: usize,
    (width, hyph): Measure,
) {
    match (prev, block) {
        (Some(Block::ListItem { .. }), Block::ListItem { .. }) => {}
        (Some(Block::Quote { depth: a, .. }), Block::Quote { depth: b, .. }) => {
            let bar = "│ ".repeat(usize::from((*a).min(*b)).clamp(1, 8));
            let bar = crate::text::wrap::truncate(bar.trim_end(), width.max(1));
            let marks = vec![(0, bar.len(), Mark::Decor)];
            out.push(line(LineKind::Quote, bar, id, 0, marks));
        }
        _ => out.push(line(LineKind::Blank, String::new(), id, 0, Vec::new())),
    }
    match block {
        Block::Heading { text, spans, .. } => {
            text_lines(
                out,
                LineKind::Heading,
                id,
                &inline(text, spans),
                ("", ""),
                (width, None),
            );
        }
        // A paragraph with line breaks is preformatted (bodies stored
        // before blocks kept code and tables so).
        Block::Paragraph { text, spans } if spans.is_empty() && text.contains('\n') => {
            code_lines(out, id, text, "", width);
        }
        Block::Paragraph { text, spans } => {
            text_lines(
                out,
                LineKind::Body,
                id,
                &inline(text, spans),
                ("", ""),
                (width, hyph),
            );
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
            let hang = format!("{indent}{}", " ".repeat(text_width(&bullet)));
            let first = if *continued {
                hang.clone()
            } else {
                format!("{indent}{bullet}")
            };
            let shown = inline(text, spans);
            let measure = (width, hyph);
            text_lines(out, LineKind::Body, id, &shown, (&first, &hang), measure);
        }
        Block::Quote { depth, text, spans } => {
            let bar = "│ ".repeat(usize::from(*depth).clamp(1, 8));
            let shown = inline(text, spans);
            text_lines(
                out,
                LineKind::Quote,
                id,
                &shown,
                (&bar, &bar),
                (width, hyph),
            );
        }
        Block::Code { text } => code_lines(out, id, text, "  ", width),
        Block::Table { rows, header } => super::table::table_lines(out, id, rows, *header, width),
        Block::Image { alt, caption, link } => {
            let label = format!("[image: {alt}]");
            let mut shown = Inline {
                marks: vec![(0, label.len(), Mark::Decor)],
                text: label,
            };
            if let Some(n) = link {
                let start = shown.text.len() + 1;
                shown.text.push_str(&format!(" [{}]", n + 1));
                shown.marks.push((start, shown.text.len(), Mark::Decor));
            }
            text_lines(out, LineKind::Image, id, &shown, ("", ""), (width, None));
            if let Some(caption) = caption.as_deref().filter(|c| !c.is_empty()) {
                let shown = inline(caption, &[]);
                let at = out.len();
                text_lines(out, LineKind::Image, id, &shown, ("", ""), (width, None));
                // Offsets in the block count the placeholder too.
                let skip = alt.chars().count() + 10;
                out[at..].iter_mut().for_each(|l| l.start += skip);
            }
        }
        Block::Rule => {
            let rule = "─".repeat(width.clamp(1, 24));
            out.push(line(LineKind::Rule, rule, id, 0, Vec::new()));
        }
    }
}

pub(super) fn line(
    kind: LineKind,
    text: String,
    block: usize,
    start: usize,
    marks: Vec<(usize, usize, Mark)>,
) -> ReadLine {
    ReadLine {
        kind,
        text,
        block,
        start,
        marks,
    }
}

/// Wraps `shown` to `width`, the first line after `first`, the others
/// after `rest` (both of one width), keeping its marks on their words.
pub(super) fn text_lines(
    out: &mut Vec<ReadLine>,
    kind: LineKind,
    id: usize,
    shown: &Inline,
    (first, rest): (&str, &str),
    (width, hyph): Measure,
) {
    let indent = text_width(first).max(text_width(rest));
    // Too narrow for the indentation: text alone.
    let (first, rest, indent) = if width < indent + 2 {
        ("", "", 0)
    } else {
        (first, rest, indent)
    };
    let wrapped = match hyph {
        Some(dict) => wrap_hyphenated(&shown.text, width - indent, dict),
        None => wrap(&shown.text, width - indent)
            .into_iter()
            .map(|text| Piece {
                text,
                hyphen: false,
            })
            .collect(),
    };
    // The wrapped lines are pieces of the text when it is already clean
    // (importers store it so); otherwise marks are left out.
    let exact = crate::text::squash(&sanitize(&shown.text)) == shown.text;
    let (mut pos, mut chars_before) = (0, 0);
    let mut estimate = 0;
    for (
        i,
        Piece {
            text: shown_piece,
            hyphen,
        },
    ) in wrapped.into_iter().enumerate()
    {
        // The piece of the text, without the hyphen wrapping added.
        let piece = match shown_piece.strip_suffix('-') {
            Some(p) if hyphen => p,
            _ => shown_piece.as_str(),
        };
        let prefix = if i == 0 { first } else { rest };
        let mut marks = Vec::new();
        if !prefix.trim().is_empty() {
            marks.push((0, prefix.len(), Mark::Decor));
        }
        let found = exact
            .then(|| shown.text[pos..].find(piece).map(|f| pos + f))
            .flatten();
        let start = match found {
            Some(at) => {
                chars_before += shown.text[pos..at].chars().count();
                let end = at + piece.len();
                for &(s, e, m) in &shown.marks {
                    let (s, e) = (s.max(at), e.min(end));
                    if s < e {
                        marks.push((s - at + prefix.len(), e - at + prefix.len(), m));
                    }
                }
                let start = chars_before;
                chars_before += piece.chars().count();
                pos = end;
                start
            }
            None => estimate,
        };
        estimate = start + piece.chars().count() + 1;
        out.push(line(
            kind,
            format!("{prefix}{shown_piece}"),
            id,
            start,
            marks,
        ));
    }
}

/// Code as it is: each line kept, tabs as four spaces, a line wider than
/// the pane cut into pieces after the first marked with `↪`.
fn code_lines(out: &mut Vec<ReadLine>, id: usize, text: &str, indent: &str, width: usize) {
    let indent = if width >= 12 { indent } else { "" };
    let room = width.saturating_sub(text_width(indent)).max(1);
    // Too narrow for a continuation mark: pieces only.
    let marked = room >= 4;
    let mut start = 0;
    for raw in text.split('\n') {
        let clean: String = raw
            .replace('\t', "    ")
            .chars()
            .filter(|c| !c.is_control() && *c != '\u{AD}')
            .collect();
        let clean = clean.trim_end();
        let mut piece = String::new();
        let mut used = 0;
        let mut cont = false;
        let mut offset = start;
        for c in clean.chars() {
            let w = c.width().unwrap_or(0);
            let limit = if cont && marked { room - 1 } else { room };
            if used + w > limit && !piece.is_empty() {
                out.push(code_line(id, indent, &piece, cont && marked, offset));
                offset += piece.chars().count();
                piece.clear();
                used = 0;
                cont = true;
            }
            piece.push(c);
            used += w;
        }
        out.push(code_line(id, indent, &piece, cont && marked, offset));
        start += raw.chars().count() + 1;
    }
}

fn code_line(id: usize, indent: &str, piece: &str, cont: bool, start: usize) -> ReadLine {
    let (text, marks) = if cont {
        let text = format!("{indent}{CONTINUED}{piece}");
        let mark = (indent.len(), indent.len() + CONTINUED.len(), Mark::Decor);
        (text, vec![mark])
    } else {
        (format!("{indent}{piece}"), Vec::new())
    };
    line(LineKind::Pre, text, id, start, marks)
}

#[cfg(test)]
#[path = "layout_tests.rs"]
mod tests;
