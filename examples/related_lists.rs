//! "Similar in your store" for many articles in one process: the batch path
//! of tools/eval_related.py (`--lists`) and the timing loop for the related
//! target (`--time`).
//!
//!     cargo run --release --example related_lists -- DATA_DIR --lists > lists.jsonl
//!     cargo run --release --example related_lists -- DATA_DIR --time 200
//!
//! `--lists` prints one JSON line per article: id, url, lang and the similar
//! entries (id, also_in ids). `--time N` opens N articles spread over the
//! store, twice (the first pass fills the per-language samples and caches),
//! and prints the second pass's median, 90th percentile and maximum.
#![allow(clippy::expect_used)]

use std::path::PathBuf;
use std::time::Instant;

use edicola::index::related;
use edicola::store::{Filter, Store};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let dir = PathBuf::from(
        args.first()
            .expect("usage: related_lists DATA_DIR --lists|--time N"),
    );
    let store = Store::open(&dir.join("edicola.db")).expect("open the store");
    let total = store.count(&Filter::all()).expect("count");
    match args.get(1).map(String::as_str) {
        Some("--time") => {
            let n: usize = args.get(2).and_then(|n| n.parse().ok()).unwrap_or(200);
            time(&store, total, n);
        }
        _ => lists(&store, total),
    }
}

fn ids(store: &Store, total: usize, n: usize) -> Vec<String> {
    let step = (total / n.max(1)).max(1);
    (0..total)
        .step_by(step)
        .take(n)
        .map(|at| {
            store.page(&Filter::all(), at, 1).expect("page")[0]
                .id
                .clone()
        })
        .collect()
}

fn lists(store: &Store, total: usize) {
    for id in ids(store, total, total) {
        let text = store.text_by_id(&id).expect("text").expect("stored");
        let url = store.get(&id).expect("article").and_then(|a| a.url);
        let similar: Vec<serde_json::Value> = related(store, &id, 5)
            .expect("related")
            .iter()
            .map(|s| {
                let also: Vec<serde_json::Value> = s
                    .also_in
                    .iter()
                    .map(|a| serde_json::json!({"id": a.id}))
                    .collect();
                serde_json::json!({"id": s.id, "also_in": also, "percent": s.percent, "same_lang": s.same_lang})
            })
            .collect();
        let line = serde_json::json!({"id": id, "url": url, "lang": text.lang, "similar": similar});
        println!("{line}");
    }
}

fn time(store: &Store, total: usize, n: usize) {
    let ids = ids(store, total, n);
    let mut ms: Vec<f64> = Vec::new();
    for pass in 0..2 {
        ms.clear();
        for id in &ids {
            let start = Instant::now();
            std::hint::black_box(related(store, id, 5).expect("related"));
            ms.push(start.elapsed().as_secs_f64() * 1000.0);
        }
        if pass == 0 {
            let first = ms.first().copied().unwrap_or(0.0);
            println!("first call {first:.1} ms (reads the language sample)");
        }
    }
    ms.sort_by(f64::total_cmp);
    let at = |q: f64| ms[((ms.len() - 1) as f64 * q) as usize];
    println!(
        "{} articles of {total}: median {:.2} ms, p90 {:.2} ms, max {:.2} ms",
        ms.len(),
        at(0.5),
        at(0.9),
        at(1.0)
    );
}
