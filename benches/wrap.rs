//! Wrapping by display width at 80 columns: a long Italian article (accents),
//! a CJK paragraph, and the whole reading-pane layout of the article.
#![allow(clippy::expect_used)]

mod common;

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use edicola::app::reading::{article_lines, article_lines_with};
use edicola::model::{Article, Block, Link, Span, SpanKind};
use edicola::text::wrap::wrap;

fn wrapping(c: &mut Criterion) {
    let article = common::long_article();
    let italian: Vec<&String> = article
        .body
        .iter()
        .filter(|p| !p.contains(common::CJK))
        .collect();
    let cjk = common::CJK.repeat(3);
    let mut group = c.benchmark_group("wrap");
    group.bench_function("italian_article_80", |b| {
        b.iter(|| {
            for paragraph in &italian {
                black_box(wrap(paragraph, 80));
            }
        })
    });
    group.bench_function("cjk_paragraph_80", |b| b.iter(|| black_box(wrap(&cjk, 80))));
    group.bench_function("article_lines_80", |b| {
        b.iter(|| black_box(article_lines(&article, 80)))
    });
    group.bench_function("article_lines_80_no_hyphenation", |b| {
        b.iter(|| black_box(article_lines_with(&article, 80, false)))
    });
    let structured = structured(&article);
    group.bench_function("article_lines_blocks_80", |b| {
        b.iter(|| black_box(article_lines(&structured, 80)))
    });
    group.finish();
}

/// The same article as a document: a heading every sixth block, list
/// items, a quote, code, and a link and emphasis in every paragraph.
fn structured(article: &Article) -> Article {
    let blocks = article
        .body
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let words = p.chars().count();
            let spans = vec![
                Span {
                    kind: SpanKind::Link,
                    start: 0,
                    end: words.min(12),
                    link: Some(0),
                },
                Span {
                    kind: SpanKind::Emphasis,
                    start: words / 2,
                    end: words,
                    link: None,
                },
            ];
            match i % 6 {
                0 => Block::Heading {
                    level: 2,
                    text: p.chars().take(40).collect(),
                    spans: Vec::new(),
                },
                1 | 2 => Block::ListItem {
                    ordered: i % 2 == 0,
                    number: Some(u32::try_from(i).unwrap_or(0)),
                    depth: 0,
                    continued: false,
                    text: p.clone(),
                    spans,
                },
                3 => Block::Quote {
                    depth: 1,
                    text: p.clone(),
                    spans,
                },
                4 => Block::Code {
                    text: p.replace(". ", ".\n"),
                },
                _ => Block::Paragraph {
                    text: p.clone(),
                    spans,
                },
            }
        })
        .collect();
    let mut a = article.clone();
    a.links = vec![Link {
        text: "x".into(),
        url: "https://example.com/".into(),
    }];
    a.set_blocks(blocks);
    a
}

criterion_group!(benches, wrapping);
criterion_main!(benches);
