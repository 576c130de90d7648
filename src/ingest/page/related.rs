//! Related-article blocks of a page ("Related", "Leggi anche", "Lire
//! aussi", `<aside class="related-posts">`, ...) as related entries.

use dom_query::{Document, NodeRef};
use url::Url;

use crate::ingest::htmltext::squash;
use crate::ingest::ids::{normalise_url, resolve_url};
use crate::model::RelatedEntry;

/// Headings that introduce a related block, lowercased.
const PHRASES: &[&str] = &[
    "related",
    "related articles",
    "related stories",
    "related posts",
    "related content",
    "read more",
    "read also",
    "read next",
    "more from",
    "more on this story",
    "see also",
    "you may also like",
    "you might also like",
    "articoli correlati",
    "leggi anche",
    "ti potrebbe interessare",
    "potrebbe interessarti",
    "leggi altro",
    "lire aussi",
    "à lire aussi",
    "sur le même sujet",
    "mehr zum thema",
    "das könnte sie auch interessieren",
    "más información",
    "te puede interesar",
    "noticias relacionadas",
    "leia também",
];
const CLASS_MARKS: &[&str] = &["related", "read-more", "readmore", "more-from", "see-also"];
const CATEGORY_MARKS: &[&str] = &[
    "category", "kicker", "section", "eyebrow", "rubric", "tag", "label",
];
/// Blocks with more links than this are menus, not related lists.
const MAX_LINKS_PER_BLOCK: usize = 40;
const MAX_ENTRIES: usize = 30;

/// The related entries listed by the page, in page order, deduplicated.
pub fn find_related(
    doc: &Document,
    base: Option<&Url>,
    page_url: Option<&str>,
) -> Vec<RelatedEntry> {
    let page = page_url.map(normalise_url);
    let mut entries: Vec<RelatedEntry> = Vec::new();
    for block in blocks(doc) {
        let links: Vec<NodeRef> = block.select_in("a[href]");
        if links.is_empty() || links.len() > MAX_LINKS_PER_BLOCK {
            continue;
        }
        for link in links {
            if entries.len() >= MAX_ENTRIES {
                return entries;
            }
            if let Some(entry) = entry_for(&link, &block, base)
                && entry.url.as_deref().map(normalise_url) != page
                && !entries.iter().any(|e| e.url == entry.url)
            {
                entries.push(entry);
            }
        }
    }
    entries
}

/// Containers marked as related by class/id, or introduced by a heading.
fn blocks<'a>(doc: &'a Document) -> Vec<NodeRef<'a>> {
    let mut found: Vec<NodeRef> = Vec::new();
    for node in doc.select("aside, section, div, ul, nav, footer").nodes() {
        let marks = format!(
            "{} {}",
            node.attr("class").unwrap_or_default(),
            node.attr("id").unwrap_or_default()
        )
        .to_ascii_lowercase();
        if CLASS_MARKS.iter().any(|m| marks.contains(m)) {
            found.push(*node);
        }
    }
    for heading in doc
        .select("h2, h3, h4, h5, h6, strong, b, span, p, div")
        .nodes()
    {
        let text = match heading.node_name().as_deref() {
            Some("span" | "p" | "div") => heading.immediate_text(),
            _ => heading.text(),
        };
        if text.len() > 60 {
            continue;
        }
        let text = squash(&text).to_lowercase();
        let text = text.trim_end_matches([':', '.', '›', '»', ' ']);
        if text.is_empty() || !PHRASES.contains(&text) {
            continue;
        }
        let container = heading
            .next_element_sibling()
            .filter(|s| !s.select_in("a[href]").is_empty())
            .or_else(|| heading.parent());
        if let Some(container) = container {
            found.push(container);
        }
    }
    // Outer blocks would repeat their inner ones: keep the innermost.
    let innermost: Vec<&NodeRef> = found
        .iter()
        .filter(|node| {
            !found.iter().any(|other| {
                other.id != node.id && other.ancestors_it(None).any(|a| a.id == node.id)
            })
        })
        .collect();
    if innermost.is_empty() {
        return Vec::new();
    }
    // In page order, once each.
    doc.select("*")
        .nodes()
        .iter()
        .filter(|n| innermost.iter().any(|k| k.id == n.id))
        .cloned()
        .collect()
}

fn entry_for(link: &NodeRef, block: &NodeRef, base: Option<&Url>) -> Option<RelatedEntry> {
    let href = link.attr("href")?;
    if href.trim_start().starts_with('#') {
        return None;
    }
    let url = resolve_url(base, &href).or_else(|| Some(href.trim().to_string()))?;
    let title = squash(&link.text());
    let cjk = title.chars().any(|c| c as u32 >= 0x2e80);
    let long_enough = if cjk {
        title.chars().count() >= 6
    } else {
        title.split(' ').count() >= 3
    };
    if !long_enough {
        return None;
    }
    let item = item_of(link, block);
    let blurb = item.as_ref().and_then(|item| {
        item.select_in("p")
            .iter()
            .map(|p| squash(&p.text()))
            .find(|p| p.len() > 20 && !p.contains(&title) && !title.contains(p.as_str()))
    });
    let category = item.as_ref().and_then(|item| {
        item.descendants_it().find_map(|n| {
            let class = n.attr("class")?.to_ascii_lowercase();
            if !CATEGORY_MARKS.iter().any(|m| class.contains(m)) {
                return None;
            }
            let text = squash(&n.text());
            (!text.is_empty() && text.len() < 40 && text != title).then_some(text)
        })
    });
    Some(RelatedEntry {
        title,
        blurb,
        category,
        url: Some(url),
        ..RelatedEntry::default()
    })
}

/// The card holding a link: its nearest `li`/`article` (or block-level
/// ancestor) inside the related block.
fn item_of<'a>(link: &NodeRef<'a>, block: &NodeRef<'a>) -> Option<NodeRef<'a>> {
    let mut best = None;
    for ancestor in link.ancestors_it(Some(6)) {
        if ancestor.id == block.id {
            break;
        }
        let name = ancestor
            .node_name()
            .unwrap_or_default()
            .to_ascii_lowercase();
        if matches!(name.as_str(), "li" | "article") {
            return Some(ancestor);
        }
        if best.is_none() && matches!(name.as_str(), "div" | "section") {
            best = Some(ancestor);
        }
    }
    best
}

trait SelectIn<'a> {
    fn select_in(&self, css: &str) -> Vec<NodeRef<'a>>;
}

impl<'a> SelectIn<'a> for NodeRef<'a> {
    fn select_in(&self, css: &str) -> Vec<NodeRef<'a>> {
        dom_query::Selection::from(*self)
            .select(css)
            .nodes()
            .to_vec()
    }
}
