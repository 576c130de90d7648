//! Blocks laid out as lines of the reading pane, checked on fixed cases and properties.

use super::super::{LineKind, article_lines};
use crate::app::stops::{line_of, stop_at};
use crate::model::{Article, Block, Span, SpanKind};
use crate::text::wrap::width as text_width;
use proptest::prelude::*;

fn text_block(kind: u8, text: String, depth: u8) -> Block {
    let len = text.chars().count();
    let spans = if len > 2 {
        vec![Span {
            kind: SpanKind::Link,
            start: 1,
            end: len - 1,
            link: Some(0),
        }]
    } else {
        Vec::new()
    };
    match kind % 8 {
        0 => Block::Heading {
            level: 2,
            text,
            spans,
        },
        1 => Block::ListItem {
            ordered: depth % 2 == 0,
            number: Some(u32::from(depth) * 7),
            depth,
            continued: depth == 3,
            text,
            spans,
        },
        2 => Block::Quote { depth, text, spans },
        3 => Block::Code {
            text: text.replace(' ', "\n\t"),
        },
        4 => Block::Table {
            rows: vec![
                text.split(' ').map(String::from).collect(),
                vec![text.clone(), String::new()],
            ],
            header: depth % 2 == 0,
        },
        5 => Block::Image {
            alt: text.clone(),
            caption: Some(text),
            link: Some(0),
        },
        6 => Block::Rule,
        _ => Block::Paragraph { text, spans },
    }
}

fn article(blocks: Vec<Block>) -> Article {
    let mut a = Article {
        title: "T".into(),
        lang: Some("it".into()),
        links: vec![crate::model::Link::default()],
        ..Article::default()
    };
    a.set_blocks(blocks);
    a
}

proptest! {
    /// No line is wider than the pane, every mark lies on the line's
    /// characters, and a stop taken at one width opens on the same
    /// block at another.
    #[test]
    fn blocks_fit_the_pane_and_stops_survive_a_resize(
        blocks in proptest::collection::vec(
            (0u8..8, "([a-zàé]{1,12}|[日本語]{1,4}|e\u{301}|😀| ){1,30}", 0u8..4),
            1..8,
        ),
        width in 2usize..70,
        other in 2usize..70,
        at in 0usize..200,
    ) {
        let a = article(blocks.into_iter().map(|(k, t, d)| text_block(k, t, d)).collect());
        let lines = article_lines(&a, width);
        for l in &lines {
            prop_assert!(text_width(&l.text) <= width, "{:?} wider than {width}", l.text);
            for &(s, e, _) in &l.marks {
                prop_assert!(s < e && e <= l.text.len());
                prop_assert!(l.text.is_char_boundary(s) && l.text.is_char_boundary(e));
            }
        }
        let at = at % lines.len();
        if let Some(stop) = stop_at(&lines, at) {
            let again = article_lines(&a, other);
            let line = &again[line_of(&again, stop)];
            prop_assert!(line.block <= stop.block);
            prop_assert!(stop.block - line.block <= 1 || line.block < 3);
        }
    }
}

#[test]
fn long_words_break_with_a_hyphen_unless_turned_off() {
    let mut a = article(vec![Block::Paragraph {
        text: "Una questione di responsabilità internazionale".into(),
        spans: vec![Span {
            kind: SpanKind::Emphasis,
            start: 17,
            end: 31,
            link: None,
        }],
    }]);
    let body =
        |lines: Vec<crate::app::reading::ReadLine>| lines.into_iter().skip(2).collect::<Vec<_>>();
    let lines = body(article_lines(&a, 24));
    let texts: Vec<&str> = lines.iter().map(|l| l.text.as_str()).collect();
    assert_eq!(
        texts,
        ["Una questione di respon-", "sabilità internazionale"]
    );
    // The emphasis covers its letters on both lines, not the hyphen.
    assert_eq!(lines[0].marks[0].0..lines[0].marks[0].1, 17..23);
    assert_eq!(lines[1].marks[0].0..lines[1].marks[0].1, 0..9);
    assert_eq!((lines[1].start, lines[1].kind), (23, LineKind::Body));
    let plain = body(super::super::article_lines_with(&a, 24, false));
    let texts: Vec<&str> = plain.iter().map(|l| l.text.as_str()).collect();
    assert_eq!(
        texts,
        ["Una questione di", "responsabilità", "internazionale"]
    );
    a.lang = Some("xx".into());
    assert_eq!(body(article_lines(&a, 24))[0].text, "Una questione di");
}

#[test]
fn a_stop_in_a_long_list_item_opens_on_it_at_another_width() {
    let long = "parola ".repeat(40);
    let a = article(vec![
        Block::paragraph("Prima."),
        text_block(1, long.trim().to_string(), 0),
        Block::paragraph("Dopo."),
    ]);
    let narrow = article_lines(&a, 20);
    let at = narrow
        .iter()
        .position(|l| l.block == 4 && l.start > 100)
        .expect("a line deep in the item");
    let stop = stop_at(&narrow, at).expect("stop");
    let wide = article_lines(&a, 60);
    let line = &wide[line_of(&wide, stop)];
    assert_eq!(line.block, 4);
    assert!(line.start <= stop.offset && stop.offset < line.start + 60);
}
