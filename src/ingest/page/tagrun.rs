//! Furniture set out one item per paragraph: a tag list under its label
//! ("Tags :" over "Toys", "Gadgets", each its own paragraph) and a bare
//! count standing alone ("6,762" shares or views). A label with its items
//! on one line ("Tags: toys, gadgets") is a page line (`lines`).

use crate::model::Block;

use super::lines::link_share;

/// Labels of a tag list, lowercased, without their colon.
const LABELS: &[&str] = &[
    "tags",
    "tag",
    "schlagwörter",
    "schlagworte",
    "stichwörter",
    "etiquetas",
    "étiquettes",
    "mots-clés",
    "tagi",
    "keywords",
    "タグ",
    "标签",
    "標籤",
];

/// A tag is at most this long (characters, words).
const ITEM: (usize, usize) = (30, 4);

/// Tags taken after one label, at most.
const MAX_ITEMS: usize = 20;

/// A bare count is at most this long (characters).
const COUNT_LEN: usize = 12;

/// How many paragraphs from `at` make a tag list under its label (the
/// label and its items), if `paragraphs[at]` is such a label.
pub fn tag_run(paragraphs: &[String], blocks: &[Block], at: usize) -> Option<usize> {
    let label = paragraphs.get(at)?.trim().to_lowercase();
    let label = label.trim_end_matches([':', '：', ' ', '\u{a0}']);
    if !LABELS.contains(&label) {
        return None;
    }
    let items = (at + 1..paragraphs.len())
        .take(MAX_ITEMS)
        .take_while(|&i| is_item(&paragraphs[i], blocks.get(i)))
        .count();
    Some(1 + items)
}

/// A tag: short, no sentence, and a link where the markup shows links.
fn is_item(text: &str, block: Option<&Block>) -> bool {
    let text = text.trim();
    block.is_none_or(|b| link_share(b) >= 0.5)
        && !text.is_empty()
        && text.chars().count() <= ITEM.0
        && text.split_whitespace().count() <= ITEM.1
        && !text.ends_with(['.', '!', '?', '。', '！', '？'])
}

/// A paragraph that is only a number ("6,762", "1.2k" is not): a count of
/// shares, views or comments left by its icon, often as an item of the
/// page's meta list. A heading (a year over its section) is no count.
pub fn is_bare_count(text: &str, block: Option<&Block>) -> bool {
    let text = text.trim();
    block.is_none_or(|b| matches!(b, Block::Paragraph { .. } | Block::ListItem { .. }))
        && !text.is_empty()
        && text.chars().count() <= COUNT_LEN
        && text.chars().any(|c| c.is_ascii_digit())
        && text
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, ',' | '.' | ' ' | '\u{a0}' | '\''))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paragraphs(lines: &[&str]) -> Vec<String> {
        lines.iter().map(ToString::to_string).collect()
    }

    #[test]
    fn a_tag_label_takes_its_items_one_per_paragraph() {
        let body = paragraphs(&[
            "Tags :",
            "おもちゃ",
            "プロダクト",
            "Gadgets",
            "Image: Bandai",
        ]);
        // "Image: Bandai" is short too: it goes with them, as a credit would.
        assert_eq!(tag_run(&body, &[], 0), Some(5));
        let body = paragraphs(&["Schlagwörter", "Energie", "Strom", "Der Markt wächst."]);
        assert_eq!(tag_run(&body, &[], 0), Some(3));
    }

    #[test]
    fn a_tag_run_ends_at_a_sentence_and_needs_its_label() {
        let body = paragraphs(&["Tags:", "The council voted on Tuesday to keep it open."]);
        assert_eq!(tag_run(&body, &[], 0), Some(1));
        let body = paragraphs(&["Toys", "Gadgets"]);
        assert_eq!(tag_run(&body, &[], 0), None);
        // A label is the whole line: "Tags are …" is a sentence.
        let body = paragraphs(&["Tags are how readers find posts", "Toys"]);
        assert_eq!(tag_run(&body, &[], 0), None);
    }

    #[test]
    fn a_bare_number_is_a_count() {
        for count in ["6,762", "12", "1.204", "3 410"] {
            assert!(is_bare_count(count, None), "{count}");
        }
        for text in ["1.2k", "2019: a year", "", "Room 12", "1,234,567,890,123"] {
            assert!(!is_bare_count(text, None), "{text}");
        }
        let heading = Block::Heading {
            level: 2,
            text: "2019".into(),
            spans: Vec::new(),
        };
        assert!(!is_bare_count("2019", Some(&heading)));
    }
}
