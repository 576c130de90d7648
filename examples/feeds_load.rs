//! Times the feeds pane's data (counts per feed, source and saved search)
//! on a store, as the feeds thread reads it.
//!
//!     cargo run --release --example feeds_load -- DATA_DIR CONFIG_DIR
#![allow(clippy::expect_used)]

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let data = std::path::PathBuf::from(args.first().expect("usage: feeds_load DATA CONFIG"));
    let config = std::path::PathBuf::from(args.get(1).expect("usage: feeds_load DATA CONFIG"));
    let mut store = edicola::store::Store::open(&data.join("edicola.db")).expect("open");
    let files = edicola::jobs::ConfigFiles {
        subscriptions: config.join("subscriptions.toml"),
        searches: config.join("searches.toml"),
    };
    for _ in 0..3 {
        let t = std::time::Instant::now();
        edicola::jobs::feeds::load(&mut store, &files).expect("load");
        println!("load: {:.1} ms", t.elapsed().as_secs_f64() * 1000.0);
    }
}
