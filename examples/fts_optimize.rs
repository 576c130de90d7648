//! Merges the search index of a store into one segment (FTS5 `optimize`),
//! to measure how segment count affects search and related lookups.
//!
//!     cargo run --release --example fts_optimize -- DATA_DIR
#![allow(clippy::expect_used)]

fn main() {
    let dir = std::path::PathBuf::from(
        std::env::args()
            .nth(1)
            .expect("usage: fts_optimize DATA_DIR"),
    );
    let conn = rusqlite::Connection::open(dir.join("edicola.db")).expect("open the store");
    let t = std::time::Instant::now();
    conn.execute(
        "INSERT INTO articles_fts(articles_fts) VALUES('optimize')",
        [],
    )
    .expect("optimize");
    println!("optimize: {:.1} s", t.elapsed().as_secs_f64());
}
