//! A recipe's ingredients from the box the page sets them in, added when
//! the text lacks them. Recipe pages put the ingredients in a table or
//! list beside the steps (a sibling box, a closed accordion) that
//! Readability leaves out with the furniture around it; the box is named
//! for what it holds (`ingredients`, `zutaten`, ...). Its groups'
//! headings ("For the dough:") come with it, which a JSON-LD `Recipe`
//! (see `recipe`) lacks.

use dom_query::{Document, NodeRef};
use url::Url;

use super::prune::name_words;
use crate::ingest::htmltext::{HtmlText, node_to_text, squash};
use crate::model::Block;

/// Words of a class or id naming the ingredients' box.
const NAMES: &[&str] = &[
    "ingredients",
    "ingredient",
    "zutaten",
    "ingredientes",
    "ingrédients",
    "ingredienti",
    "skladniki",
];

/// A box holds at least this many items (list items, table rows, or
/// elements named as ingredients themselves: `ingredients__item`).
const MIN_ITEMS: usize = 3;

/// And at most this many characters of text: more is a whole page part.
const MAX_CHARS: usize = 4000;

/// Below this share of its items found in the text, the box is missing.
const MIN_FOUND: f64 = 0.5;

/// What the names share past their first letter (so either case of it
/// matches), looked for in the page's source first: pages naming no such
/// box are not walked element by element. A few vectorised substring
/// searches cost far less than a case-insensitive automaton.
const STEMS: &[&str] = &["ngredient", "ngrédient", "utaten", "kladnik"];

/// Appends the ingredients' boxes of `doc` (whose source is `source`) to
/// `body` when it lacks them.
pub fn add_missing(body: &mut HtmlText, doc: &Document, source: &str, base: Option<&Url>) {
    if !STEMS
        .iter()
        .any(|stem| memchr::memmem::find(source.as_bytes(), stem.as_bytes()).is_some())
    {
        return;
    }
    let boxes = boxes(doc);
    if boxes.is_empty() {
        return;
    }
    // Items are compared whole: the steps name the ingredients too, but
    // not with their quantities.
    let found = squash(&body.paragraphs.join(" ")).to_lowercase();
    let mut added: Vec<Block> = Vec::new();
    for node in boxes {
        let text = node_to_text(&node, base);
        let items: Vec<String> = text
            .paragraphs
            .iter()
            .flat_map(|p| p.lines())
            .map(|line| squash(line).to_lowercase())
            .filter(|line| !line.is_empty())
            .collect();
        let have = items.iter().filter(|i| found.contains(i.as_str())).count();
        if items.is_empty() || have as f64 >= MIN_FOUND * items.len() as f64 {
            continue;
        }
        if text.blocks.is_empty() {
            added.extend(text.paragraphs.iter().map(Block::paragraph));
        } else {
            added.extend(text.blocks);
        }
    }
    body.append(added);
}

/// The outermost elements named as ingredients' boxes that hold a list
/// of a box's size, in the page's order.
fn boxes(doc: &Document) -> Vec<NodeRef<'_>> {
    let mut found: Vec<NodeRef> = Vec::new();
    for node in doc.select("[class], [id]").nodes() {
        if !is_named(node) || found.iter().any(|f| is_within(node, f)) {
            continue;
        }
        let items = node
            .descendants_it()
            .filter(|d| matches!(d.node_name().as_deref(), Some("li" | "tr")) || is_named(d))
            .count();
        let chars = node.text().chars().filter(|c| !c.is_whitespace()).count();
        if items >= MIN_ITEMS && chars <= MAX_CHARS {
            found.push(*node);
        }
    }
    found
}

fn is_named(node: &NodeRef) -> bool {
    let names = format!(
        "{} {}",
        node.attr("class").unwrap_or_default(),
        node.attr("id").unwrap_or_default()
    );
    names
        .split_whitespace()
        .any(|name| name_words(name).iter().any(|w| NAMES.contains(&w.as_str())))
}

fn is_within(node: &NodeRef, outer: &NodeRef) -> bool {
    node.ancestors_it(None).any(|a| a.id == outer.id)
}

#[cfg(test)]
mod tests {
    use super::*;

    const STEPS: &str = "<div class='steps'><p>Rub the butter into the flour, then add \
        the sugar and bake the crumble for forty minutes.</p></div>";

    const BOX: &str = "<div class='recipe-ingredients'><h3>For the crumble:</h3><ul>\
        <li>200 g flour</li><li>100 g butter</li><li>80 g brown sugar</li></ul></div>";

    fn added(page: &str, body_html: &str) -> Vec<String> {
        let doc = Document::from(page);
        let mut body = crate::ingest::htmltext::html_to_text(body_html, None);
        add_missing(&mut body, &doc, page, None);
        body.paragraphs
    }

    #[test]
    fn an_ingredients_box_beside_the_text_is_added() {
        let page = format!("<body><main>{STEPS}</main><aside>{BOX}</aside></body>");
        let got = added(&page, STEPS);
        assert_eq!(
            got[1..],
            [
                "For the crumble:",
                "200 g flour",
                "100 g butter",
                "80 g brown sugar"
            ]
        );
    }

    #[test]
    fn a_box_of_named_items_is_added() {
        let items = "<div class='ingredients__item'>2 eggs</div>".repeat(3);
        let page = format!("<body>{STEPS}<section class='ingredients'>{items}</section></body>");
        assert_eq!(added(&page, STEPS).len(), 4);
    }

    #[test]
    fn a_box_in_the_text_or_too_small_is_not_added_again() {
        let page = format!("<body><main>{STEPS}{BOX}</main></body>");
        let body = format!("{STEPS}{BOX}");
        assert_eq!(added(&page, &body).len(), 5);
        let page = format!("<body>{STEPS}<p class='ingredient-note'>Use cold butter.</p></body>");
        assert_eq!(added(&page, STEPS).len(), 1);
    }
}
