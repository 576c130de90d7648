//! Teasers of other stories inside the page's article block: a box whose
//! class or id names it a teaser or a related or next story (`teaser`,
//! `ArticleTeaser`, `relatedPosts`, `next-story`) and that links away, by
//! its headline or with its picture. Many themes
//! call the article's own lead a teaser too (`article-teaser`,
//! `teaser-text`); a lead links nowhere, or in passing, and stays.

use dom_query::{Document, NodeRef};

use super::prune::{name_words, text_len};

/// Words of a class or id naming a teaser.
const WORDS: &[&str] = &[
    "teaser",
    "teasers",
    "related",
    "relatedposts",
    "relatedlinks",
    "relatedarticles",
    "nextstory",
];

/// A teaser is shorter than this (characters, not counting spaces).
const MAX_LEN: usize = 600;

/// Removes the teaser boxes of `doc` (see the module's comment).
pub fn drop_teaser_boxes(doc: &Document) {
    let mut found = Vec::new();
    for node in doc.select("[class], [id]").nodes() {
        if !named_teaser(node) {
            continue;
        }
        let len = text_len(node);
        if len > 0 && len < MAX_LEN && !holds_h1(node) && links_away(node, len) {
            found.push(*node);
        }
    }
    for node in found {
        node.remove_from_parent();
    }
}

fn named_teaser(node: &NodeRef) -> bool {
    let names = format!(
        "{} {}",
        node.attr("class").unwrap_or_default(),
        node.attr("id").unwrap_or_default()
    );
    // A word of the name, or the name run together (`next-story`).
    names.split_whitespace().any(|name| {
        let words = name_words(name);
        words.iter().any(|w| WORDS.contains(&w.as_str()))
            || WORDS.contains(&words.concat().as_str())
    })
}

/// Whether the box is a link, or its links carry half its text, or a link
/// goes with a picture.
fn links_away(node: &NodeRef, len: usize) -> bool {
    let is_link = |n: &NodeRef| n.node_name().as_deref() == Some("a") && n.has_attr("href");
    if is_link(node) {
        return true;
    }
    let links: Vec<NodeRef> = node.descendants_it().filter(is_link).collect();
    let linked: usize = links.iter().map(text_len).sum();
    let picture = node
        .descendants_it()
        .any(|d| matches!(d.node_name().as_deref(), Some("img" | "picture")));
    linked * 2 >= len || (!links.is_empty() && picture)
}

fn holds_h1(node: &NodeRef) -> bool {
    node.descendants_it()
        .any(|d| d.node_name().as_deref() == Some("h1"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kept(html: &str) -> String {
        let doc = Document::from(html);
        drop_teaser_boxes(&doc);
        doc.select("body *")
            .nodes()
            .iter()
            .filter(|n| {
                n.children_it(false)
                    .any(|c| c.is_text() && !c.text().trim().is_empty())
            })
            .map(|n| n.text().trim().to_string())
            .collect::<Vec<_>>()
            .join(" | ")
    }

    #[test]
    fn a_teaser_linking_away_goes_and_a_lead_named_teaser_stays() {
        let html = "<body><p class='article-teaser'>The library stays open, the council \
             decided.</p><p>The vote came after a long campaign.</p>\
             <section class='box teaser'><a href='/other'><img src='t.jpg'>\
             <span>Budget: what the town spends on books</span></a></section>\
             <div class='ArticleTeaser_root'><h3><a href='/mayor'>Mayor names a new \
             librarian</a></h3></div><p>Opening hours stay as they are.</p></body>";
        assert_eq!(
            kept(html),
            "The library stays open, the council decided. | The vote came after a long \
             campaign. | Opening hours stay as they are."
        );
    }

    #[test]
    fn a_next_or_related_story_box_goes() {
        let html = "<body><p>The vote came after a long campaign.</p>\
             <div id='nextStory'><h2><a href='/choir'>A choir sings for the library</a></h2></div>\
             <div class='relatedlinks'><span><a href='/a'>Budget talks</a></span></div></body>";
        assert_eq!(kept(html), "The vote came after a long campaign.");
    }

    #[test]
    fn a_lead_linking_in_passing_or_a_long_box_stays() {
        let lead = "<div class='teaser-text'>The council voted on Tuesday to keep the \
             <a href='/lib'>library</a> open for ten more years.</div>";
        assert!(kept(&format!("<body>{lead}</body>")).starts_with("The council"));
        let text = |html: String| {
            let doc = Document::from(html.as_str());
            drop_teaser_boxes(&doc);
            doc.select("body").text().to_string()
        };
        let long = format!(
            "<div class='teaser'><a href='/a'>{}</a></div>",
            "A long story told in a box. ".repeat(30)
        );
        assert!(text(format!("<body>{long}</body>")).starts_with("A long story"));
    }
}
