//! The body column's JSON: an array with one item per block. A paragraph
//! without markup is a plain string, any other block an object with a
//! `type` (see `model::Block`). Bodies written before blocks existed are
//! arrays of strings, so they read as paragraphs, unchanged, without a
//! migration; and most feed bodies, plain paragraphs, cost nothing more.

use std::fmt;

use serde::Deserialize;
use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};

use super::json_strings;
use crate::model::{Article, Block};

/// The body column's JSON for an article.
pub(crate) fn body_json(article: &Article) -> String {
    if article.blocks.is_empty() {
        return json_strings(&article.body);
    }
    let mut out = String::with_capacity(article.body.iter().map(|p| p.len() + 16).sum());
    out.push('[');
    for (i, block) in article.blocks.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        match block {
            Block::Paragraph { text, spans } if spans.is_empty() => {
                // The same escaping as `json_strings`, one item.
                let one = json_strings(std::slice::from_ref(text));
                out.push_str(&one[1..one.len() - 1]);
            }
            _ => out.push_str(&super::json(block)),
        }
    }
    out.push(']');
    out
}

/// One item of the array.
enum Item {
    Plain(String),
    Block(Block),
}

impl<'de> Deserialize<'de> for Item {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Item, D::Error> {
        struct ItemVisitor;
        impl<'de> Visitor<'de> for ItemVisitor {
            type Value = Item;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a paragraph string or a block object")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Item, E> {
                Ok(Item::Plain(v.to_string()))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<Item, E> {
                Ok(Item::Plain(v))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Item, A::Error> {
                Block::deserialize(de::value::MapAccessDeserializer::new(map)).map(Item::Block)
            }
        }
        d.deserialize_any(ItemVisitor)
    }
}

/// Only the plain texts of the items (what the search index reads).
struct PlainItems(Vec<String>);

impl<'de> Deserialize<'de> for PlainItems {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<PlainItems, D::Error> {
        struct SeqVisitor;
        impl<'de> Visitor<'de> for SeqVisitor {
            type Value = PlainItems;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an array of blocks")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<PlainItems, A::Error> {
                let mut out = Vec::with_capacity(seq.size_hint().unwrap_or(8));
                while let Some(item) = seq.next_element::<Item>()? {
                    out.push(match item {
                        Item::Plain(s) => s,
                        Item::Block(b) => b.plain().into_owned(),
                    });
                }
                Ok(PlainItems(out))
            }
        }
        d.deserialize_seq(SeqVisitor)
    }
}

/// Reads a body column's JSON as the article's `body` and `blocks` (empty
/// when every item is a plain paragraph); spans are checked against
/// `links`, the number of the article's links.
pub(crate) fn read_body(json: &str, links: usize) -> serde_json::Result<(Vec<String>, Vec<Block>)> {
    let items: Vec<Item> = serde_json::from_str(json)?;
    if items.iter().all(|i| matches!(i, Item::Plain(_))) {
        let body = items
            .into_iter()
            .map(|i| match i {
                Item::Plain(s) => s,
                Item::Block(b) => b.plain().into_owned(),
            })
            .collect();
        return Ok((body, Vec::new()));
    }
    let blocks: Vec<Block> = items
        .into_iter()
        .map(|i| match i {
            Item::Plain(s) => Block::paragraph(s),
            Item::Block(mut b) => {
                b.check_spans(links);
                b
            }
        })
        .collect();
    let body = blocks.iter().map(|b| b.plain().into_owned()).collect();
    Ok((body, blocks))
}

/// The plain texts of a body column's JSON, one per block (empty when it
/// is damaged).
pub(crate) fn paragraphs(json: &str) -> Vec<String> {
    serde_json::from_str::<PlainItems>(json).map_or_else(|_| Vec::new(), |p| p.0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Span, SpanKind};

    fn structured() -> Article {
        let mut a = Article::default();
        a.set_blocks(vec![
            Block::Heading {
                level: 2,
                text: "Titolo".into(),
                spans: Vec::new(),
            },
            Block::paragraph("Un \"paragrafo\" semplice.\n"),
            Block::Paragraph {
                text: "Con un link.".into(),
                spans: vec![Span {
                    kind: SpanKind::Link,
                    start: 4,
                    end: 11,
                    link: Some(0),
                }],
            },
            Block::Code {
                text: "fn main() {\n    x\n}".into(),
            },
            Block::Rule,
        ]);
        a.links = vec![crate::model::Link {
            text: "un link".into(),
            url: "https://example.com/".into(),
        }];
        a
    }

    #[test]
    fn structured_bodies_round_trip_with_plain_paragraphs_as_strings() {
        let a = structured();
        let json = body_json(&a);
        assert!(
            json.contains(r#","Un \"paragrafo\" semplice.\n","#),
            "{json}"
        );
        let (body, blocks) = read_body(&json, 1).unwrap();
        assert_eq!(blocks, a.blocks);
        assert_eq!(body, a.body);
        assert_eq!(paragraphs(&json), a.body);
    }

    #[test]
    fn old_bodies_read_as_paragraphs() {
        let old = r#"["Primo paragrafo.","• una voce [1]","Terzo."]"#;
        let (body, blocks) = read_body(old, 0).unwrap();
        assert_eq!(body, ["Primo paragrafo.", "• una voce [1]", "Terzo."]);
        assert!(blocks.is_empty());
        assert_eq!(paragraphs(old), body);
        let plain = Article {
            body: body.clone(),
            ..Article::default()
        };
        assert_eq!(body_json(&plain), old);
    }

    #[test]
    fn damaged_items_are_errors_and_bad_spans_are_dropped() {
        assert!(read_body(r#"["a",{"type":"nonsense"}]"#, 0).is_err());
        assert!(read_body(r#"["a",3]"#, 0).is_err());
        assert!(paragraphs("not json").is_empty());
        let json = r#"[{"type":"paragraph","text":"ab","spans":[{"kind":"link","start":0,"end":9,"link":0},{"kind":"strong","start":0,"end":1}]}]"#;
        let (_, blocks) = read_body(json, 0).unwrap();
        assert_eq!(blocks[0].text_and_spans().unwrap().1.len(), 1);
    }
}
