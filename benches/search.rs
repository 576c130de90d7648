//! A two-word search (`common::QUERY`): the ranked first page that
//! `edicola search` prints, and the count plus first page the reader's
//! search prompt shows after each typed letter (the last word a prefix).
#![allow(clippy::expect_used)]

mod common;

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use edicola::store::Filter;

fn search(c: &mut Criterion) {
    let stores = common::stores();
    let filter = Filter {
        query: Some(common::QUERY.to_string()),
        ..Filter::default()
    };
    let mut group = c.benchmark_group("search");
    for bench in &stores {
        let store = bench.open();
        assert!(
            store.count(&filter).expect("count") > 0,
            "the query finds articles"
        );
        group.bench_with_input(
            BenchmarkId::new("first_page", bench.size),
            &store,
            |b, s| b.iter(|| black_box(s.page(&filter, 0, 50).expect("search"))),
        );
        group.bench_with_input(
            BenchmarkId::new("prompt_count_and_page", bench.size),
            &store,
            |b, s| {
                b.iter(|| {
                    let total = s.count(&filter).expect("count");
                    black_box((total, s.page(&filter, 0, 46).expect("search")))
                })
            },
        );
    }
    group.finish();
}

criterion_group!(benches, search);
criterion_main!(benches);
