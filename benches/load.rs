//! Opening a store and showing the first page of the article list, as the
//! reader does at start-up (`Store::open`, `count`, `page`); and the last
//! page, which `G` shows.
#![allow(clippy::expect_used)]

mod common;

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use edicola::store::{Filter, Store};

/// Rows of a list pane in a 50-line terminal.
const PAGE: usize = 46;

fn load(c: &mut Criterion) {
    let stores = common::stores();
    let mut group = c.benchmark_group("load");
    for bench in &stores {
        let file = bench.file();
        group.bench_with_input(
            BenchmarkId::new("open_count_first_page", bench.size),
            &file,
            |b, file| {
                b.iter(|| {
                    let store = Store::open(file).expect("open");
                    let total = store.count(&Filter::all()).expect("count");
                    let rows = store.page(&Filter::all(), 0, PAGE).expect("page");
                    black_box((total, rows))
                })
            },
        );
        let store = bench.open();
        group.bench_with_input(BenchmarkId::new("last_page", bench.size), &store, |b, s| {
            b.iter(|| black_box(s.page_from_end(&Filter::all(), 0, PAGE).expect("page")))
        });
    }
    group.finish();
}

criterion_group!(benches, load);
criterion_main!(benches);
