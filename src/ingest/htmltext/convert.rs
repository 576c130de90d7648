//! The full converter: walks a parsed document and writes paragraphs, list
//! items, quotes, preformatted blocks and tables in the output convention
//! (see the parent module), numbering the links it cites.

use std::collections::HashMap;

use dom_query::NodeRef;
use url::Url;

use super::{HtmlText, squash};
use crate::ingest::ids::resolve_url;
use crate::model::Link;

/// Deeper elements are read as plain text, so hostile nesting cannot
/// exhaust the stack.
const MAX_DEPTH: usize = 200;

const SKIPPED: &[&str] = &[
    "script", "style", "noscript", "template", "nav", "form", "button", "select", "textarea",
    "input", "iframe", "svg", "canvas", "head", "title", "meta", "link", "object", "embed",
    "audio", "video", "map", "dialog", "math",
];
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "header",
    "footer",
    "aside",
    "figure",
    "figcaption",
    "dl",
    "dt",
    "dd",
    "address",
    "details",
    "summary",
    "center",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "body",
    "html",
    "caption",
    "fieldset",
    "legend",
    "picture",
    "tr",
];

/// Converts the content of one node of a parsed document.
pub fn node_to_text(node: &NodeRef, base: Option<&Url>) -> HtmlText {
    let mut conv = Converter {
        base,
        ..Converter::default()
    };
    conv.children(node, 0);
    conv.flush();
    HtmlText {
        paragraphs: conv.paragraphs,
        links: conv.links,
    }
}

#[derive(Default)]
struct Converter<'b> {
    base: Option<&'b Url>,
    paragraphs: Vec<String>,
    links: Vec<Link>,
    by_url: HashMap<String, usize>,
    current: String,
    quote_depth: usize,
    /// Per open list: `Some(next number)` when ordered.
    lists: Vec<Option<usize>>,
    /// The list item being read, if any.
    item: Option<Item>,
}

struct Item {
    /// Indentation and bullet or number, e.g. `"  • "`.
    marker: String,
    /// Whether a paragraph has shown the marker already.
    used: bool,
}

impl Converter<'_> {
    fn children(&mut self, node: &NodeRef, depth: usize) {
        for child in node.children_it(false) {
            self.node(&child, depth + 1);
        }
    }

    fn node(&mut self, node: &NodeRef, depth: usize) {
        if node.is_text() {
            self.current.push_str(&node.text());
            return;
        }
        if !node.is_element() {
            return;
        }
        if depth > MAX_DEPTH {
            self.current.push(' ');
            self.current.push_str(&node.text());
            return;
        }
        let name = node
            .node_name()
            .map(|n| n.to_ascii_lowercase())
            .unwrap_or_default();
        let name = name.as_str();
        if SKIPPED.contains(&name) || is_hidden(node) {
            return;
        }
        match name {
            "br" => self.flush(),
            "img" => self.image(node),
            "a" => self.link(node, depth),
            "pre" => self.pre(node),
            "table" => self.table(node, depth),
            "ul" | "ol" | "menu" => {
                self.flush();
                self.lists.push((name == "ol").then(|| start_number(node)));
                self.children(node, depth);
                self.flush();
                self.lists.pop();
            }
            "li" => self.list_item(node, depth),
            "blockquote" => {
                self.flush();
                self.quote_depth += 1;
                self.children(node, depth);
                self.flush();
                self.quote_depth -= 1;
            }
            "td" | "th" => {
                self.current.push(' ');
                self.children(node, depth);
                self.current.push(' ');
            }
            _ if BLOCKS.contains(&name) => {
                self.flush();
                self.children(node, depth);
                self.flush();
            }
            _ => self.children(node, depth),
        }
    }

    fn list_item(&mut self, node: &NodeRef, depth: usize) {
        self.flush();
        let level = self.lists.len().max(1) - 1;
        let bullet = match self.lists.last_mut() {
            Some(Some(n)) => {
                *n += 1;
                format!("{}. ", *n - 1)
            }
            _ => "• ".to_string(),
        };
        let outer = self.item.replace(Item {
            marker: format!("{}{bullet}", "  ".repeat(level)),
            used: false,
        });
        self.children(node, depth);
        self.flush();
        self.item = outer;
    }

    fn image(&mut self, node: &NodeRef) {
        let alt = squash(&node.attr("alt").unwrap_or_default());
        if !alt.is_empty() {
            self.current.push_str(&format!(" [image: {alt}] "));
        }
    }

    fn link(&mut self, node: &NodeRef, depth: usize) {
        let before = self.current.len();
        self.children(node, depth);
        // A block inside the link may have flushed the text before it.
        let before = if self.current.is_char_boundary(before) {
            before
        } else {
            0
        };
        let has_text = self.current[before..].chars().any(|c| !c.is_whitespace());
        let href = node.attr("href").unwrap_or_default();
        if !has_text || href.trim_start().starts_with('#') {
            return;
        }
        let Some(url) = resolve_url(self.base, &href) else {
            return;
        };
        let text = squash(&self.current[before..]);
        let n = match self.by_url.get(&url) {
            Some(n) => *n,
            None => {
                self.links.push(Link {
                    text,
                    url: url.clone(),
                });
                self.by_url.insert(url, self.links.len());
                self.links.len()
            }
        };
        self.current.push_str(&format!(" [{n}]"));
    }

    fn pre(&mut self, node: &NodeRef) {
        self.flush();
        let text = node.text().replace("\r\n", "\n");
        let text = text.trim_matches('\n').trim_end();
        if !text.trim().is_empty() {
            let prefix = self.prefix();
            self.paragraphs.push(format!("{prefix}{text}"));
        }
    }

    fn table(&mut self, node: &NodeRef, depth: usize) {
        self.flush();
        let rows: Vec<NodeRef> = node
            .descendants_it()
            .filter(|n| n.node_name().is_some_and(|t| t.eq_ignore_ascii_case("tr")))
            .collect();
        let is_layout = node.descendants_it().any(|n| {
            n.node_name().is_some_and(|t| {
                matches!(
                    &*t.to_ascii_lowercase(),
                    "table" | "p" | "div" | "ul" | "h1" | "h2" | "h3"
                )
            })
        }) || rows.iter().all(|r| cells(r).len() <= 1);
        if is_layout {
            self.children(node, depth);
            self.flush();
            return;
        }
        let lines: Vec<String> = rows
            .iter()
            .map(|row| {
                cells(row)
                    .iter()
                    .map(|c| squash(&c.text()))
                    .collect::<Vec<_>>()
                    .join(" | ")
            })
            .filter(|l| !l.replace('|', "").trim().is_empty())
            .collect();
        if !lines.is_empty() {
            let prefix = self.prefix();
            self.paragraphs
                .push(format!("{prefix}{}", lines.join("\n")));
        }
    }

    fn prefix(&mut self) -> String {
        let quote = "> ".repeat(self.quote_depth);
        let list = match &mut self.item {
            Some(item) if !item.used => {
                item.used = true;
                item.marker.clone()
            }
            Some(item) => " ".repeat(item.marker.chars().count()),
            None => String::new(),
        };
        format!("{quote}{list}")
    }

    fn flush(&mut self) {
        let text = squash(&self.current);
        self.current.clear();
        if !text.is_empty() {
            let prefix = self.prefix();
            self.paragraphs.push(format!("{prefix}{text}"));
        }
    }
}

fn cells<'a>(row: &NodeRef<'a>) -> Vec<NodeRef<'a>> {
    row.element_children()
        .into_iter()
        .filter(|c| {
            c.node_name()
                .is_some_and(|t| matches!(&*t.to_ascii_lowercase(), "td" | "th"))
        })
        .collect()
}

fn start_number(node: &NodeRef) -> usize {
    node.attr("start")
        .and_then(|s| s.trim().parse().ok())
        .unwrap_or(1)
}

fn is_hidden(node: &NodeRef) -> bool {
    node.has_attr("hidden")
        || node.attr("aria-hidden").is_some_and(|v| &*v == "true")
        || node.attr("style").is_some_and(|s| {
            let s = s.to_ascii_lowercase().replace(' ', "");
            s.contains("display:none") || s.contains("visibility:hidden")
        })
}
