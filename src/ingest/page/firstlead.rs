//! The lead set under the headline without a name: the first paragraph of
//! a lead's length after the `<h1>` saying the title, in a box of its own
//! beside the block of text Readability picks ("<h1>…</h1></div><div
//! class='stage'><p>You can buy a car in several ways. Which is cheapest?
//! We explain…</p></div>"). When the picked text holds the paragraph it is
//! the text's opening, not a standfirst (see `standfirst`).

use dom_query::{Document, NodeRef};

use super::appeals::is_appeal;
use super::lines::is_page_line;
use crate::ingest::htmltext::squash;

/// A lead holds at least this many words: fewer is a byline, a date or a
/// kicker, looked past.
const MIN_WORDS: usize = 12;

/// A lead is at most this long (characters).
const MAX_CHARS: usize = 600;

/// Elements after the headline looked at for the lead: further on is the
/// story itself or another one.
const REACH: usize = 40;

/// `<h1>` elements looked at for the headline.
const HEADLINES: usize = 3;

/// Boxes whose paragraphs are no lead: a caption, a menu, a list, a quote.
const NOT_LEAD: &[&str] = &[
    "figure",
    "figcaption",
    "nav",
    "aside",
    "footer",
    "form",
    "blockquote",
    "li",
    "table",
];

/// The first paragraph of a lead's length after the `<h1>` saying `title`,
/// if no heading comes first; a line of the page's (a byline, a
/// disclosure, an appeal) or a picture's caption is looked past.
pub fn after_headline(doc: &Document, title: &str) -> Option<String> {
    let title = squash(title).to_lowercase();
    if title.is_empty() {
        return None;
    }
    let mut headlines = 0;
    // The headline, and how many elements after it were looked at.
    let mut after: Option<(NodeRef, usize)> = None;
    for node in doc.root().descendants_it().filter(NodeRef::is_element) {
        let name = node.node_name();
        let name = name.as_deref().unwrap_or("");
        if let Some((h1, seen)) = after.as_mut() {
            if node.ancestors_it(None).any(|a| a.id == h1.id) {
                continue;
            }
            *seen += 1;
            if *seen > REACH || matches!(name, "h1" | "h2" | "h3") {
                return None;
            }
            if name != "p"
                || inside(&node, NOT_LEAD)
                || beside_picture(&node)
                || in_author_box(&node)
            {
                continue;
            }
            let text = squash(&node.text()).replace('\u{ad}', "");
            if text.split_whitespace().count() < MIN_WORDS
                || is_page_line(&text.to_lowercase())
                || is_appeal(&text)
            {
                continue;
            }
            let fits = text.chars().count() <= MAX_CHARS && text.ends_with(['.', '!', '?', '…']);
            return fits.then_some(text);
        }
        if name == "h1" {
            headlines += 1;
            let said = squash(&node.text()).to_lowercase();
            // A site's name as the page's `<h1>` is part of the title too,
            // a small one.
            let most = 2 * said.chars().count() >= title.chars().count();
            if most && (title.contains(&said) || said.contains(&title)) {
                after = Some((node, 0));
            } else if headlines >= HEADLINES {
                return None;
            }
        }
    }
    None
}

/// Text a picture's box holds besides its caption, at most (characters).
const PICTURE_BOX_EXTRA: usize = 100;

/// Whether `node` holds a picture or shares a small box with one: a caption
/// or a credit.
fn beside_picture(node: &NodeRef) -> bool {
    let has_img = |n: &NodeRef| {
        n.descendants_it()
            .any(|d| d.node_name().as_deref() == Some("img"))
    };
    let own = node.text().chars().count();
    has_img(node)
        || node
            .parent()
            .is_some_and(|p| p.text().chars().count() <= own + PICTURE_BOX_EXTRA && has_img(&p))
}

/// Whether `node` sits in a box about the author (its class or item
/// property says so): a note on the author, not the story's lead.
fn in_author_box(node: &NodeRef) -> bool {
    node.ancestors_it(None).any(|a| {
        ["class", "itemprop"].iter().any(|attr| {
            a.attr(attr).is_some_and(|v| {
                let v = v.to_ascii_lowercase();
                v.contains("author") || v.contains("byline")
            })
        })
    })
}

/// Whether `node` sits inside an element named in `names`.
fn inside(node: &NodeRef, names: &[&str]) -> bool {
    node.ancestors_it(None)
        .any(|a| a.node_name().is_some_and(|n| names.contains(&n.as_ref())))
}

#[cfg(test)]
mod tests {
    use super::*;

    const LEAD: &str = "You can buy a car in several ways, and each has its costs. Which \
        is cheapest for you? We explain when to lease and when to buy.";

    fn lead_of(body: &str) -> Option<String> {
        let html = format!("<html><body>{body}</body></html>");
        after_headline(
            &Document::from(html.as_str()),
            "Lease or buy a car? | Example",
        )
    }

    #[test]
    fn the_first_paragraph_of_a_leads_length_after_the_headline_is_found() {
        let page = format!(
            "<div class='stage'><h1>Lease or buy a car?</h1><p>By Anna Rossi</p></div>\
             <div class='body'><figure><img src='a.jpg'><p>A car dealer's yard in \
             spring, with rows of new cars waiting for their buyers.</p></figure>\
             <div class='media'><p><img src='b.jpg'></p><p>Apr. 8: The mayor signs the \
             treaty with the council of the town at the old castle.</p></div>\
             <div class='author-box'><p>Anna Rossi writes about money and cars for \
             our readers every week, from her desk in Milan.</p></div><p>{LEAD}</p></div>"
        );
        assert_eq!(lead_of(&page).as_deref(), Some(LEAD));
    }

    #[test]
    fn a_heading_first_another_headline_or_a_far_paragraph_is_no_lead() {
        let section = format!("<h1>Lease or buy a car?</h1><h2>Leasing</h2><p>{LEAD}</p>");
        assert_eq!(lead_of(&section), None);
        let other = format!("<h1>Weather today</h1><p>{LEAD}</p>");
        assert_eq!(lead_of(&other), None);
        let far = format!(
            "<h1>Lease or buy a car?</h1>{}<p>{LEAD}</p>",
            "<div><span>menu</span></div>".repeat(25)
        );
        assert_eq!(lead_of(&far), None);
    }
}
