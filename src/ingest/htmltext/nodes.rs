//! What the converter asks of single elements: preformatted text,
//! image names, table cells, list numbers, hidden parts.

use dom_query::NodeRef;

use super::convert::MAX_DEPTH;
use super::squash;

/// Preformatted text: text nodes as they are, `<br>` as a line break.
pub(super) fn pre_text(node: &NodeRef, out: &mut String, depth: usize) {
    for child in node.children_it(false) {
        if child.is_text() {
            out.push_str(&child.text());
        } else if child.is_element() {
            if is_named(&child, "br") {
                out.push('\n');
            } else if depth < MAX_DEPTH {
                pre_text(&child, out, depth + 1);
            } else {
                out.push_str(&child.text());
            }
        }
    }
}

/// Whether a code element holds line breaks (`<br>`): a block of code.
pub(super) fn has_break(node: &NodeRef) -> bool {
    node.descendants_it().any(|n| is_named(&n, "br"))
}

pub(super) fn is_named(node: &NodeRef, name: &str) -> bool {
    node.node_name()
        .is_some_and(|t| t.eq_ignore_ascii_case(name))
}

/// The last part of an image's address, without its query.
pub(super) fn file_name(src: &str) -> String {
    let path = src.split(['?', '#']).next().unwrap_or_default();
    let name = path
        .trim_end_matches('/')
        .rsplit('/')
        .next()
        .unwrap_or_default();
    if name.starts_with("data:") {
        return String::new();
    }
    crate::text::wrap::truncate(&squash(name), 60)
}

/// Images without alternative text named as layout fillers or trackers.
pub(super) fn is_spacer(name: &str) -> bool {
    let stem = name
        .rsplit_once('.')
        .map_or(name, |(s, _)| s)
        .to_ascii_lowercase();
    [
        "spacer",
        "pixel",
        "blank",
        "transparent",
        "clear",
        "1x1",
        "trans",
        "dot",
        "px",
    ]
    .iter()
    .any(|w| stem == *w || stem.starts_with(&format!("{w}_")) || stem.starts_with(&format!("{w}-")))
}

/// A cell's text; a line break in it parts its words
/// (`/r/funny</a><br/><a>[link]`).
pub(super) fn cell_text(cell: &NodeRef) -> String {
    let mut text = String::new();
    pre_text(cell, &mut text, 0);
    squash(&text)
}

pub(super) fn cells<'a>(row: &NodeRef<'a>) -> Vec<NodeRef<'a>> {
    row.element_children()
        .into_iter()
        .filter(|c| is_named(c, "td") || is_named(c, "th"))
        .collect()
}

/// Drops the columns with no text in any row (a column of thumbnails, as
/// Reddit's feeds have): a text reader would show them as empty cells.
pub(super) fn drop_empty_columns(table: &mut [Vec<String>]) {
    let width = table.iter().map(Vec::len).max().unwrap_or(0);
    let empty: Vec<bool> = (0..width)
        .map(|c| {
            table
                .iter()
                .all(|row| row.get(c).is_none_or(String::is_empty))
        })
        .collect();
    if !empty.contains(&true) {
        return;
    }
    for row in table.iter_mut() {
        let mut column = 0;
        row.retain(|_| {
            column += 1;
            !empty[column - 1]
        });
    }
}

pub(super) fn start_number(node: &NodeRef) -> u32 {
    node.attr("start")
        .and_then(|s| s.trim().parse().ok())
        .unwrap_or(1)
}

pub(super) fn is_hidden(node: &NodeRef) -> bool {
    node.has_attr("hidden")
        || node.attr("aria-hidden").is_some_and(|v| &*v == "true")
        || node.attr("style").is_some_and(|s| {
            let s = s.to_ascii_lowercase().replace(' ', "");
            s.contains("display:none") || s.contains("visibility:hidden")
        })
}
