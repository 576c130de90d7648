//! Structured bodies through the store, and bodies written before blocks.

use super::*;
use crate::model::{Block, Link, Span, SpanKind};

#[test]
fn structured_bodies_round_trip_through_the_store() {
    let mut store = Store::open_in_memory().expect("store");
    let mut a = article("b1", "Blocchi", Some(10));
    a.links = vec![Link {
        text: "fonte".into(),
        url: "https://example.com/fonte".into(),
    }];
    a.set_blocks(vec![
        Block::Heading {
            level: 2,
            text: "Sezione".into(),
            spans: Vec::new(),
        },
        Block::Paragraph {
            text: "Secondo la fonte, sì.".into(),
            spans: vec![Span {
                kind: SpanKind::Link,
                start: 11,
                end: 16,
                link: Some(0),
            }],
        },
        Block::ListItem {
            ordered: false,
            number: None,
            depth: 1,
            continued: false,
            text: "voce".into(),
            spans: Vec::new(),
        },
        Block::Code {
            text: "a\n  b".into(),
        },
        Block::paragraph("Fine ".repeat(100)),
    ]);
    store
        .upsert(std::slice::from_ref(&a), Origin::User)
        .expect("upsert");
    let got = store.get("b1").expect("get").expect("stored");
    assert_eq!(got.blocks, a.blocks);
    assert_eq!(got.body, a.body);
    assert_eq!(got.body[3], "a\n  b");
    // The search index reads the plain text of every block.
    let texts = store.text_by_id("b1").expect("text").expect("stored");
    assert_eq!(texts.body, a.body);
}

#[test]
fn bodies_written_as_plain_paragraph_lists_read_as_paragraphs() {
    let mut store = Store::open_in_memory().expect("store");
    store
        .upsert(&[article("old", "Vecchio", Some(1))], Origin::User)
        .expect("upsert");
    // As stores before blocks wrote it, compressed and not.
    let paragraphs = vec!["Primo.".to_string(), "• voce [1]".to_string()];
    let long = vec!["parola ".repeat(200); 3];
    for body in [&paragraphs, &long] {
        let stored = body::StoredBody::new(serde_json::to_string(body).expect("json"));
        store
            .conn
            .execute("UPDATE articles SET body = ?1 WHERE id = 'old'", [&stored])
            .expect("update");
        let got = store.get("old").expect("get").expect("stored");
        assert_eq!(&got.body, body);
        assert!(got.blocks.is_empty());
        assert_eq!(got.blocks().len(), body.len());
    }
}
