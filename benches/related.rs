//! The related sidebar's lookups: similar articles in the store
//! (`index::related`, as the sidebar asks: 5) and matching the
//! headlines a page listed to stored titles (`Store::find_by_title`; exact,
//! shortened and unknown headlines).
#![allow(clippy::expect_used)]

mod common;

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use edicola::store::Filter;

fn related(c: &mut Criterion) {
    let stores = common::stores();
    let generator = common::Generator::default();
    let mut group = c.benchmark_group("related");
    group.sample_size(30);
    for bench in &stores {
        let store = bench.open();
        // Articles spread over the store, taken in turn.
        let ids: Vec<String> = (0..8)
            .map(|k| {
                let rows = store
                    .page(&Filter::all(), k * bench.size / 8, 1)
                    .expect("page");
                rows[0].id.clone()
            })
            .collect();
        let mut turn = 0;
        group.bench_with_input(BenchmarkId::new("similar", bench.size), &store, |b, s| {
            b.iter(|| {
                turn = (turn + 1) % ids.len();
                black_box(edicola::index::related(s, &ids[turn], 5).expect("similar"))
            })
        });
        let headlines: Vec<String> = (0..8)
            .flat_map(|k| {
                generator
                    .article(20 + k * 4 * (bench.size / 40).max(1))
                    .related
            })
            .map(|entry| entry.title)
            .collect();
        group.bench_with_input(
            BenchmarkId::new("find_by_title_x32", bench.size),
            &store,
            |b, s| {
                b.iter(|| {
                    for title in &headlines {
                        black_box(s.find_by_title(title).expect("find"));
                    }
                })
            },
        );
    }
    group.finish();
}

criterion_group!(benches, related);
criterion_main!(benches);
