//! A table in the reading pane: aligned columns when they fit the pane,
//! else each row as `header: value` lines (a row apart from the next by a
//! blank line).

use super::inline::{Inline, Mark};
use super::layout::{line, text_lines};
use super::{LineKind, ReadLine};
use crate::text::wrap::{sanitize, width as text_width};

const SEPARATOR: &str = " │ ";

pub(super) fn table_lines(
    out: &mut Vec<ReadLine>,
    id: usize,
    rows: &[Vec<String>],
    header: bool,
    width: usize,
) {
    let rows: Vec<Vec<String>> = rows
        .iter()
        .map(|r| {
            r.iter()
                .map(|c| crate::text::squash(&sanitize(c)))
                .collect()
        })
        .collect();
    let columns = rows.iter().map(Vec::len).max().unwrap_or(0);
    let mut widths = vec![0; columns];
    for row in &rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(text_width(cell));
        }
    }
    let total = widths.iter().sum::<usize>() + text_width(SEPARATOR) * columns.saturating_sub(1);
    if total <= width {
        columns_lines(out, id, &rows, &widths, header);
    } else {
        cell_lines(out, id, &rows, header, width);
    }
}

fn columns_lines(
    out: &mut Vec<ReadLine>,
    id: usize,
    rows: &[Vec<String>],
    widths: &[usize],
    header: bool,
) {
    let mut start = 0;
    for (r, row) in rows.iter().enumerate() {
        let mut text = String::new();
        let mut marks = Vec::new();
        for (c, w) in widths.iter().enumerate() {
            if c > 0 {
                marks.push((text.len(), text.len() + SEPARATOR.len(), Mark::Decor));
                text.push_str(SEPARATOR);
            }
            let cell = row.get(c).map_or("", String::as_str);
            if header && r == 0 && !cell.is_empty() {
                marks.push((text.len(), text.len() + cell.len(), Mark::Strong));
            }
            text.push_str(cell);
            text.push_str(&" ".repeat(w.saturating_sub(text_width(cell))));
        }
        let text = text.trim_end().to_string();
        marks.retain_mut(|(s, e, _)| {
            *e = (*e).min(text.len());
            s < e
        });
        let chars: usize = row.iter().map(|c| c.chars().count() + 3).sum();
        out.push(line(LineKind::Table, text, id, start, marks));
        if header && r == 0 {
            let rule = widths
                .iter()
                .map(|w| "─".repeat(*w))
                .collect::<Vec<_>>()
                .join("─┼─");
            let len = rule.len();
            out.push(line(
                LineKind::Table,
                rule,
                id,
                start,
                vec![(0, len, Mark::Decor)],
            ));
        }
        start += chars;
    }
}

fn cell_lines(
    out: &mut Vec<ReadLine>,
    id: usize,
    rows: &[Vec<String>],
    header: bool,
    width: usize,
) {
    let (names, body) = match rows.split_first() {
        Some((first, rest)) if header => (Some(first), rest),
        _ => (None, rows),
    };
    let mut start = names.map_or(0, |n| n.iter().map(|c| c.chars().count() + 3).sum());
    for (r, row) in body.iter().enumerate() {
        if r > 0 {
            out.push(line(LineKind::Blank, String::new(), id, start, Vec::new()));
        }
        for (c, cell) in row.iter().enumerate() {
            let name = names.and_then(|n| n.get(c)).filter(|n| !n.is_empty());
            let shown = match name {
                Some(name) => Inline {
                    text: format!("{name}: {cell}"),
                    marks: vec![(0, name.len() + 1, Mark::Strong)],
                },
                None => Inline {
                    text: cell.clone(),
                    marks: Vec::new(),
                },
            };
            let at = out.len();
            text_lines(out, LineKind::Table, id, &shown, ("", "  "), (width, None));
            out[at..].iter_mut().for_each(|l| l.start += start);
            start += cell.chars().count() + 3;
        }
    }
}
