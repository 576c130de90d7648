//! Wrapping by display width at 80 columns: a long Italian article (accents),
//! a CJK paragraph, and the whole reading-pane layout of the article.
#![allow(clippy::expect_used)]

mod common;

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use edicola::app::reading::article_lines;
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
    group.finish();
}

criterion_group!(benches, wrapping);
criterion_main!(benches);
