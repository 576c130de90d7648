//! Times a search's count, its first page, and `first_page` (what the
//! reader's prompt asks for) on a store, median of 5:
//! `cargo run --release --example search_phases -- STORE.db QUERY...`
#![allow(clippy::expect_used, clippy::print_stdout, missing_docs)]
use edicola::store::{Filter, Store};
use std::time::Instant;
fn main() {
    let mut args = std::env::args().skip(1);
    let db = args.next().expect("db");
    let store = Store::open_read_only(std::path::Path::new(&db)).expect("open");
    for q in args {
        let f = Filter {
            query: Some(q.clone()),
            ..Filter::default()
        };
        let mut c = Vec::new();
        let mut p = Vec::new();
        let mut b = Vec::new();
        let mut n = 0;
        for _ in 0..5 {
            let t = Instant::now();
            n = store.count(&f).expect("count");
            c.push(t.elapsed().as_secs_f64() * 1e3);
            let t = Instant::now();
            let _ = store.page(&f, 0, 46).expect("page");
            p.push(t.elapsed().as_secs_f64() * 1e3);
            let t = Instant::now();
            let _ = store.first_page(&f, 46).expect("both");
            b.push(t.elapsed().as_secs_f64() * 1e3);
        }
        c.sort_by(f64::total_cmp);
        p.sort_by(f64::total_cmp);
        b.sort_by(f64::total_cmp);
        println!(
            "{q:>14}: {n:>8} matches  count {:7.1} ms  page {:7.1} ms  first_page {:7.1} ms",
            c[2], p[2], b[2]
        );
    }
}
