//! Article HTML to plain paragraphs, shared by the feed and page importers.
//!
//! The output convention, for whoever draws the text:
//! - each paragraph is one line of whitespace-normalised text, except
//!   **preformatted** ones (`<pre>` and tables), which contain `'\n'`:
//!   show their lines as they are, without rewrapping;
//! - headings are paragraphs of their own;
//! - list items are paragraphs starting with two spaces per nesting level,
//!   then `"• "` or `"1. "`; later paragraphs of the same item keep the
//!   indentation without the marker;
//! - block quotes start with `"> "` (once per level);
//! - images with alt text read `[image: alt]`; decorative ones are dropped;
//! - links read `text [n]`, where `n` is the 1-based position of the URL in
//!   the returned links (deduplicated by URL, in order of first use).

use std::collections::HashMap;

use dom_query::{Document, NodeRef};
use url::Url;

use super::ids::resolve_url;
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

/// Plain text of a piece of HTML: paragraphs and the links they cite.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct HtmlText {
    pub paragraphs: Vec<String>,
    pub links: Vec<Link>,
}

/// Converts an HTML fragment or document; relative links resolve against `base`.
pub fn html_to_text(html: &str, base: Option<&Url>) -> HtmlText {
    // Most feed descriptions are a few paragraphs with inline emphasis:
    // read those without building a document (same result, tested).
    if let Some(paragraphs) = simple_html(html) {
        return HtmlText {
            paragraphs,
            links: Vec::new(),
        };
    }
    let doc = Document::from(&*super::nesting::flatten(html));
    let root = doc.body().unwrap_or_else(|| doc.root());
    node_to_text(&root, base)
}

/// Paragraphs of HTML made only of text, paragraph/line breaks, inline
/// emphasis and common entities; None for anything else.
fn simple_html(html: &str) -> Option<Vec<String>> {
    const BREAKS: &[&str] = &["p", "br", "div"];
    const INLINE: &[&str] = &[
        "b", "strong", "i", "em", "span", "u", "small", "sup", "sub", "abbr", "cite", "mark", "s",
        "del", "ins",
    ];
    use crate::text::squash_into;
    let mut paragraphs = Vec::new();
    // The paragraph so far, its whitespace already collapsed: one buffer,
    // each paragraph copied out of it at its exact size.
    let mut current = String::with_capacity(html.len().min(4096));
    let mut space = false;
    let mut rest = html;
    let flush = |current: &mut String, space: &mut bool, paragraphs: &mut Vec<String>| {
        *space = false;
        if !current.is_empty() {
            paragraphs.push(current.as_str().to_owned());
            current.clear();
        }
    };
    while !rest.is_empty() {
        let stop = memchr::memchr2(b'<', b'&', rest.as_bytes()).unwrap_or(rest.len());
        squash_into(&mut current, &rest[..stop], &mut space);
        rest = &rest[stop..];
        if let Some(tag) = rest.strip_prefix('<') {
            let end = memchr::memchr(b'>', tag.as_bytes())?;
            let inner = &tag[..end];
            let name = inner
                .strip_prefix('/')
                .unwrap_or(inner)
                .split(|c: char| c.is_ascii_whitespace() || c == '/')
                .next()?
                .to_ascii_lowercase();
            // Quoted attribute values may hold '>' and the like.
            if inner.contains(['<', '"', '\'']) {
                return None;
            }
            if BREAKS.contains(&name.as_str()) {
                flush(&mut current, &mut space, &mut paragraphs);
            } else if !INLINE.contains(&name.as_str()) {
                return None;
            }
            rest = &tag[end + 1..];
        } else if let Some(entity) = rest.strip_prefix('&') {
            let end = memchr::memchr(b';', entity.as_bytes()).filter(|e| *e <= 10)?;
            let c = decode_entity(&entity[..end])?;
            squash_into(&mut current, c.encode_utf8(&mut [0; 4]), &mut space);
            rest = &entity[end + 1..];
        }
    }
    flush(&mut current, &mut space, &mut paragraphs);
    Some(paragraphs)
}

fn decode_entity(name: &str) -> Option<char> {
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => '\u{a0}',
        _ => {
            let number = name.strip_prefix('#')?;
            let code = match number.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => number.parse().ok()?,
            };
            // Control characters and the like: let the full parser decide.
            char::from_u32(code).filter(|c| !c.is_control() && code != 0)?
        }
    })
}

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

/// Collapses runs of whitespace (including no-break spaces) to one space.
pub fn squash(text: &str) -> String {
    crate::text::squash(text)
}

/// A title or name that may carry markup or entities, as plain text.
pub fn plain_text(text: &str) -> String {
    if memchr::memchr2(b'<', b'&', text.as_bytes()).is_some() {
        squash(&html_to_text(text, None).paragraphs.join(" "))
    } else {
        squash(text)
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

#[cfg(test)]
mod tests {
    use super::*;

    fn full(html: &str) -> Vec<String> {
        let doc = Document::from(html);
        let root = doc.body().unwrap_or_else(|| doc.root());
        node_to_text(&root, None).paragraphs
    }

    #[test]
    fn the_simple_path_reads_like_the_full_parser() {
        for html in [
            "<p>Il governo &egrave; caduto.</p>",
            "<p>Uno <b>due</b> tre.</p><p>Quattro&nbsp;cinque &amp; sei &#8217;sette&#x2019;</p>",
            "testo semplice\n\n su due righe",
            "<P>Maiuscole<BR>dopo</P><div>blocco <em>enfasi</em></div>",
            "<p class=lead>Attributi <span>senza</span> virgolette</p>",
            "  <p>  spazi   \t a  caso </p>  ",
            "",
            "&lt;p&gt; non è un tag",
            "a&nbsp; b<p> &nbsp;x&#32;</p>y <b> z </b> w<br> <br>&#160;",
            "uno<i>due</i> <i> tre</i>\u{2003}quattro",
        ] {
            match simple_html(html) {
                Some(fast) => assert_eq!(fast, full(html), "{html}"),
                None => assert!(html.contains("&egrave;"), "{html} should be simple"),
            }
        }
        // Anything else goes to the full parser.
        for html in [
            "<p><a href=\"x\">link</a></p>",
            "<ul><li>uno</li></ul>",
            "<p>&egrave;</p>",
            "<img alt=x>",
            "<!-- c --><p>x</p>",
            "<p>&#0;</p>",
        ] {
            assert!(simple_html(html).is_none(), "{html}");
        }
    }
}
