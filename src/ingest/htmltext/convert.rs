//! The full converter: walks a parsed document and writes blocks
//! (headings, paragraphs, list items, quotes, code, tables, images,
//! rules) with inline spans, numbering the links it cites.

use std::collections::HashMap;

use dom_query::NodeRef;
use url::Url;

use super::flow::{Flow, Kind};
use super::nodes::{
    cell_text, cells, drop_empty_columns, file_name, has_break, is_hidden, is_named, is_spacer,
    pre_text, start_number,
};
use super::{HtmlText, squash};
use crate::ingest::ids::resolve_url;
use crate::model::{Block, Link, SpanKind};

/// Deeper elements are read as plain text, so hostile nesting cannot
/// exhaust the stack.
pub(super) const MAX_DEPTH: usize = 200;

/// Never read. A drawing (`svg`) has no text to read; a formula (`math`)
/// is read as its symbols (`a+b`), without the source (`annotation`) it
/// may carry beside them; a word with ruby (`<ruby>漢<rt>かん</rt></ruby>`)
/// as its base, without the reading (`rt`) printed above it in a browser.
const SKIPPED: &[&str] = &[
    "script",
    "style",
    "noscript",
    "template",
    "nav",
    "form",
    "button",
    "select",
    "textarea",
    "input",
    "iframe",
    "svg",
    "canvas",
    "head",
    "title",
    "meta",
    "link",
    "object",
    "embed",
    "audio",
    "video",
    "map",
    "dialog",
    "annotation",
    "rt",
    "rp",
    "annotation-xml",
];
const BLOCKS: &[&str] = &[
    "p", "div", "section", "article", "main", "header", "footer", "aside", "dl", "dt", "dd",
    "address", "details", "summary", "center", "body", "html", "caption", "fieldset", "legend",
    "picture", "tr",
];

/// Converts the content of one node of a parsed document.
pub fn node_to_text(node: &NodeRef, base: Option<&Url>) -> HtmlText {
    let mut conv = Converter {
        base,
        ..Converter::default()
    };
    conv.children(node, 0);
    conv.flush();
    HtmlText::from_blocks(conv.blocks, conv.links)
}

#[derive(Default)]
struct Converter<'b> {
    base: Option<&'b Url>,
    blocks: Vec<Block>,
    links: Vec<Link>,
    by_url: HashMap<String, usize>,
    flow: Flow,
    heading: Option<u8>,
    quote_depth: u8,
    /// Per open list: `Some(next number)` when ordered.
    lists: Vec<Option<u32>>,
    /// The list item being read: its kind, with `continued` set once a
    /// block of it was written.
    item: Option<Kind>,
    /// The image of the figure being read, if it has one.
    figure_image: Option<usize>,
    /// Images met inside running text: placed after its block.
    inline_images: Vec<Block>,
}

impl Converter<'_> {
    fn children(&mut self, node: &NodeRef, depth: usize) {
        for child in node.children_it(false) {
            self.node(&child, depth + 1);
        }
    }

    fn node(&mut self, node: &NodeRef, depth: usize) {
        if node.is_text() {
            self.flow.push(&node.text());
            return;
        }
        if !node.is_element() {
            return;
        }
        if depth > MAX_DEPTH {
            self.flow.push(" ");
            self.flow.push(&node.text());
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
            "code" | "tt" | "kbd" | "samp" if has_break(node) => self.pre(node),
            "em" | "i" | "cite" | "dfn" => self.inline(SpanKind::Emphasis, node, depth),
            "strong" | "b" => self.inline(SpanKind::Strong, node, depth),
            "code" | "tt" | "kbd" | "samp" => self.inline(SpanKind::Code, node, depth),
            "table" => self.table(node, depth),
            "hr" => {
                self.flush();
                if !matches!(self.blocks.last(), None | Some(Block::Rule)) {
                    self.blocks.push(Block::Rule);
                }
            }
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                self.flush();
                let outer = self.heading.replace(name.as_bytes()[1] - b'0');
                self.children(node, depth);
                self.flush();
                self.heading = outer;
            }
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
                self.quote_depth = self.quote_depth.saturating_add(1);
                self.children(node, depth);
                self.flush();
                self.quote_depth -= 1;
            }
            "figure" => {
                self.flush();
                let outer = self.figure_image.take();
                self.children(node, depth);
                self.flush();
                self.figure_image = outer;
            }
            "figcaption" => self.caption(node, depth),
            "td" | "th" => {
                self.flow.push(" ");
                self.children(node, depth);
                self.flow.push(" ");
            }
            _ if BLOCKS.contains(&name) => {
                self.flush();
                self.children(node, depth);
                self.flush();
            }
            _ => self.children(node, depth),
        }
    }

    fn inline(&mut self, kind: SpanKind, node: &NodeRef, depth: usize) {
        let mark = self.flow.mark();
        self.children(node, depth);
        self.flow.span(kind, mark, None);
    }

    fn list_item(&mut self, node: &NodeRef, depth: usize) {
        self.flush();
        let number = match self.lists.last_mut() {
            Some(Some(n)) => {
                *n = n.saturating_add(1);
                Some(*n - 1)
            }
            _ => None,
        };
        let outer = self.item.replace(Kind::Item {
            ordered: number.is_some(),
            number,
            depth: u8::try_from(self.lists.len().max(1) - 1).unwrap_or(u8::MAX),
            continued: false,
        });
        self.children(node, depth);
        self.flush();
        self.item = outer;
    }

    fn image(&mut self, node: &NodeRef) {
        let alt = node.attr("alt").map(|a| squash(&a));
        let src = ["src", "data-src"]
            .into_iter()
            .find_map(|a| node.attr(a).filter(|s| !s.trim().is_empty()));
        let tiny = ["width", "height"]
            .into_iter()
            .any(|a| node.attr(a).is_some_and(|v| matches!(v.trim(), "0" | "1")));
        // `alt=""` marks an image as decorative; a pixel is a tracker.
        let name = src.as_deref().map(file_name).unwrap_or_default();
        if tiny || alt.as_deref() == Some("") || (alt.is_none() && is_spacer(&name)) {
            return;
        }
        // A small image in running text (an emoji, an icon) reads as its
        // alternative text.
        if let Some(alt) = alt.as_deref().filter(|a| a.chars().count() <= 3)
            && !self.flow.is_empty()
        {
            self.flow.push(alt);
            return;
        }
        let url = src.as_deref().and_then(|s| resolve_url(self.base, s));
        let label = alt
            .or(Some(name))
            .filter(|l| !l.is_empty())
            .unwrap_or_else(|| "image".to_string());
        let link = url
            .filter(|u| !u.starts_with("data:"))
            .map(|u| self.link_index(&label, u));
        let image = Block::Image {
            alt: label,
            caption: None,
            link,
        };
        if !self.flow.is_empty() {
            self.inline_images.push(image);
            return;
        }
        self.flush();
        if self.figure_image.is_none() {
            self.figure_image = Some(self.blocks.len());
        }
        self.blocks.push(image);
    }

    /// A figure's caption goes to its image; without one it is text.
    fn caption(&mut self, node: &NodeRef, depth: usize) {
        self.flush();
        let from = self.blocks.len();
        self.children(node, depth);
        self.flush();
        let Some(at) = self.figure_image else {
            return;
        };
        let all_text = self.blocks[from..]
            .iter()
            .all(|b| matches!(b, Block::Paragraph { .. }));
        if from == self.blocks.len() || !all_text {
            return;
        }
        let text = self.blocks[from..]
            .iter()
            .map(|b| b.plain().into_owned())
            .collect::<Vec<_>>()
            .join(" ");
        self.blocks.truncate(from);
        if let Some(Block::Image { caption, .. }) = self.blocks.get_mut(at) {
            *caption = Some(text);
        }
    }

    fn link(&mut self, node: &NodeRef, depth: usize) {
        let mark = self.flow.mark();
        self.children(node, depth);
        // A block inside the link may have flushed the text before it.
        let Some(text) = self.flow.since(mark) else {
            return;
        };
        if !text.chars().any(|c| !c.is_whitespace()) {
            return;
        }
        let text = squash(text);
        let href = node.attr("href").unwrap_or_default();
        if href.trim_start().starts_with('#') {
            return;
        }
        let Some(url) = resolve_url(self.base, &href) else {
            return;
        };
        let n = self.link_index(&text, url);
        self.flow.span(SpanKind::Link, mark, Some(n));
    }

    /// The index of `url` in the links, added if new.
    fn link_index(&mut self, text: &str, url: String) -> usize {
        if let Some(n) = self.by_url.get(&url) {
            return *n;
        }
        self.links.push(Link {
            text: text.to_string(),
            url: url.clone(),
        });
        self.by_url.insert(url, self.links.len() - 1);
        self.links.len() - 1
    }

    fn pre(&mut self, node: &NodeRef) {
        self.flush();
        let mut text = String::new();
        pre_text(node, &mut text, 0);
        let text = text.replace("\r\n", "\n");
        let text = text.trim_matches('\n').trim_end();
        if !text.trim().is_empty() {
            self.blocks.push(Block::Code {
                text: text.to_string(),
            });
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
        let mut header = false;
        let mut table: Vec<Vec<String>> = Vec::new();
        for row in &rows {
            let cells = cells(row);
            let texts: Vec<String> = cells.iter().map(cell_text).collect();
            if texts.iter().all(String::is_empty) {
                continue;
            }
            if table.is_empty() {
                header = cells.iter().all(|c| is_named(c, "th"))
                    || row.parent().is_some_and(|p| is_named(&p, "thead"));
            }
            table.push(texts);
        }
        drop_empty_columns(&mut table);
        if !table.is_empty() {
            self.blocks.push(Block::Table {
                rows: table,
                header,
            });
        }
    }

    /// What the text read so far is, where it is.
    fn kind(&mut self) -> Kind {
        if let Some(level) = self.heading {
            return Kind::Heading(level);
        }
        if self.quote_depth > 0 {
            return Kind::Quote(self.quote_depth);
        }
        let Some(kind) = self.item else {
            return Kind::Paragraph;
        };
        // Later blocks of the same item are shown without its bullet.
        if let Some(Kind::Item { continued, .. }) = &mut self.item {
            *continued = true;
        }
        kind
    }

    fn flush(&mut self) {
        if !self.flow.is_empty() {
            let kind = self.kind();
            self.blocks.extend(self.flow.take(kind));
        } else {
            self.flow.take(Kind::Paragraph);
        }
        if !self.inline_images.is_empty() {
            if self.figure_image.is_none() {
                self.figure_image = Some(self.blocks.len());
            }
            self.blocks.append(&mut self.inline_images);
        }
    }
}
